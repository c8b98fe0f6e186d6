//! The engine's Web Worker (the `engine-worker` binary): optimise, the frontier and the cost
//! risk run there, off the page's thread, so typing and panning never wait for them.
//!
//! The worker keeps a [`Queue`] of [`crate::core::jobs`] jobs and steps them in slices of
//! about [`SLICE_MS`], yielding to its event loop between slices so that a cancel (or a newer
//! job) arrives while a long job runs. Messages cross as JSON text ([`Json`]): the plan is
//! already serde data, serde_json is already in both bundles, and gloo's default (bincode)
//! would add a second format for nothing.

use crate::core::jobs::{Queue, Reply, Request};
use gloo::worker::{Codec, HandlerId, Worker, WorkerScope};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsValue;

/// How long the worker computes before it looks at its messages again.
pub const SLICE_MS: f64 = 30.0;

/// Worker messages as JSON text.
#[derive(Debug)]
pub struct Json;

impl Codec for Json {
    fn encode<I: Serialize>(input: I) -> JsValue {
        // Our messages are plain data (no maps with non-text keys): serialising cannot fail.
        JsValue::from_str(&serde_json::to_string(&input).expect("a worker message serialises"))
    }

    fn decode<O: DeserializeOwned>(input: JsValue) -> O {
        // Both ends are this build's own code: a message that does not parse is a build defect.
        let text = input.as_string().unwrap_or_default();
        serde_json::from_str(&text).expect("a worker message from this build parses")
    }
}

/// The worker's state.
#[derive(Debug, Default)]
pub struct Engine {
    queue: Queue,
    ticking: bool,
    caller: Option<HandlerId>,
}

/// The worker's own message: compute the next slice.
#[derive(Debug)]
pub struct Tick;

impl Engine {
    fn schedule(&mut self, scope: &WorkerScope<Self>) {
        if self.ticking || !self.queue.busy() {
            return;
        }
        self.ticking = true;
        let scope = scope.clone();
        gloo::timers::callback::Timeout::new(0, move || scope.send_message(Tick)).forget();
    }
}

impl Worker for Engine {
    type Message = Tick;
    type Input = Request;
    type Output = Reply;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Engine::default()
    }

    fn update(&mut self, scope: &WorkerScope<Self>, _msg: Tick) {
        self.ticking = false;
        let Some(caller) = self.caller else {
            return;
        };
        let start = js_sys::Date::now();
        // Progress alone is sent once per slice (the latest per job); answers at once.
        let mut progress: Vec<Reply> = Vec::new();
        while let Some(r) = self.queue.step() {
            if r.step.part.is_some() || r.step.finished {
                progress.retain(|p| p.id != r.id);
                scope.respond(caller, r);
            } else {
                progress.retain(|p| p.id != r.id);
                progress.push(r);
            }
            if js_sys::Date::now() - start > SLICE_MS {
                break;
            }
        }
        for r in progress {
            scope.respond(caller, r);
        }
        self.schedule(scope);
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        self.caller = Some(id);
        self.queue.receive(msg);
        self.schedule(scope);
    }
}
