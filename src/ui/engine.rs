//! The page's side of the engine worker ([`crate::worker`]): starts it after the first paint,
//! sends it jobs, routes its replies, and keeps the answers by plan so that a page visited
//! again shows them at once.
//!
//! Answers are kept by the plan's `Rc` (every edit makes a new one; undo brings an old one
//! back, and its answers with it) and the job, for the last [`KEEP`] jobs.
//!
//! Replies that carry a part of an answer (a table, a chart) are handed to the page one per
//! painted frame: the worker often sends the figures and the charts within a millisecond of
//! each other, and laying out both in one frame made one long task of the page's thread (up
//! to 70 ms on the 1,521-item community); one after the other, each frame stays short.

use crate::core::compare::{Changes, ScenarioFigures};
use crate::core::ids::ScenarioId;
use crate::core::jobs::{ChartData, Job, Part, Reply, Request};
use crate::core::phasing::AnnualPlan;
use crate::core::plan::Plan;
use crate::core::select::SelectionReport;
use crate::ui::state::PlanRef;
use crate::worker::{Engine, Json};
use gloo::worker::{Spawnable, WorkerBridge};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How many jobs' answers are kept.
pub const KEEP: usize = 8;

/// Where trunk puts the worker's loader (index.html: `data-bin="engine-worker"`).
const LOADER: &str = "./engine-worker_loader.js";

/// What is known of a job.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JobState {
    /// Steps done.
    pub done: u32,
    /// Steps in all (0 before the first reply).
    pub of: u32,
    /// True when the job has finished.
    pub finished: bool,
    /// The optimised selection, once there.
    pub optimised: Option<Rc<SelectionReport>>,
    /// The comparison table's figures, once there.
    pub figures: Option<Rc<Vec<ScenarioFigures>>>,
    /// What changes from the first scenario asked to the second (their ids first), once there.
    pub changes: Option<Rc<((ScenarioId, ScenarioId), Changes)>>,
    /// The current scenario's charts, once there.
    pub charts: Option<Rc<ChartData>>,
    /// The annual plan, once there.
    pub annual: Option<Rc<AnnualPlan>>,
    /// True when what is shown is the answer for an earlier version of the plan (the new
    /// one is being computed).
    pub stale: bool,
}

impl JobState {
    fn take(&mut self, r: Reply) {
        self.done = r.step.done;
        self.of = r.step.of;
        self.finished |= r.step.finished;
        match r.step.part {
            Some(Part::Optimised(x)) => self.optimised = Some(Rc::new(x)),
            Some(Part::Figures(x)) => self.figures = Some(Rc::new(x)),
            Some(Part::Changes(pair, x)) => self.changes = Some(Rc::new((pair, x))),
            Some(Part::Charts(x)) => self.charts = Some(Rc::new(x)),
            Some(Part::Annual(x)) => self.annual = Some(Rc::new(x)),
            None => {}
        }
    }
}

struct Entry {
    id: u64,
    plan: Rc<Plan>,
    job: Job,
    state: JobState,
    /// Kept answers only: a one-off job (optimise) is forgotten when it ends.
    kept: bool,
    listeners: Vec<(u64, Callback<JobState>)>,
}

#[derive(Default)]
struct Client {
    bridge: Option<WorkerBridge<Engine>>,
    next: u64,
    entries: Vec<Entry>,
}

thread_local! {
    static CLIENT: RefCell<Client> = RefCell::new(Client::default());
}

thread_local! {
    /// Replies not yet handed to the page, oldest first, and whether a frame is awaited.
    static PENDING: RefCell<(std::collections::VecDeque<Reply>, bool)> = RefCell::default();
}

/// A reply from the worker: handed on at once, unless a part was handed on in this frame.
fn on_reply(r: Reply) {
    let waiting = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        p.0.push_back(r);
        p.1
    });
    if !waiting {
        hand_on();
    }
}

/// Hands the pending replies to the page in order, up to and including the first one with a
/// part; if more wait, they go after the next paint.
fn hand_on() {
    loop {
        let next = PENDING.with(|p| p.borrow_mut().0.pop_front());
        let Some(r) = next else {
            PENDING.with(|p| p.borrow_mut().1 = false);
            return;
        };
        let heavy = r.step.part.is_some();
        deliver(r);
        if heavy && PENDING.with(|p| !p.borrow().0.is_empty()) {
            PENDING.with(|p| p.borrow_mut().1 = true);
            after_paint(hand_on);
            return;
        }
    }
}

/// Runs `f` in a task after the next animation frame, that is once that frame is painted.
/// Nothing runs where no frame comes (a hidden tab).
fn next_frame_then(f: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    if let Some(w) = web_sys::window() {
        let then = Closure::once_into_js(move || {
            gloo::timers::callback::Timeout::new(0, f).forget();
        });
        let _ = w.request_animation_frame(then.unchecked_ref());
    }
}

/// Runs `f` once after the next frame is painted, or after 100 ms where no frame comes (a
/// hidden tab), whichever is first.
pub fn after_paint(f: impl FnOnce() + 'static) {
    use std::cell::Cell;
    type Once = Rc<Cell<Option<Box<dyn FnOnce()>>>>;
    let once: Once = Rc::new(Cell::new(Some(Box::new(f))));
    let fire = move || {
        if let Some(f) = once.take() {
            f();
        }
    };
    gloo::timers::callback::Timeout::new(100, fire.clone()).forget();
    next_frame_then(fire);
}

fn deliver(r: Reply) {
    let (state, listeners) = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let Some(i) = c.entries.iter().position(|e| e.id == r.id) else {
            return (None, Vec::new());
        };
        let e = &mut c.entries[i];
        e.state.take(r);
        let out = (
            Some(e.state.clone()),
            e.listeners.iter().map(|l| l.1.clone()).collect(),
        );
        if e.state.finished && !e.kept {
            c.entries.remove(i);
        }
        out
    });
    // Listeners run outside the borrow: they may start or cancel jobs.
    if let Some(s) = state {
        for l in listeners {
            l.emit(s.clone());
        }
    }
}

/// Starts the worker if it is not running (fetches and compiles its wasm).
pub fn warm_up() {
    CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        if c.bridge.is_none() {
            let bridge = Engine::spawner()
                .callback(on_reply)
                .encoding::<Json>()
                .spawn_with_loader(LOADER);
            c.bridge = Some(bridge);
        }
    });
}

/// Starts the worker once the page has painted (the next animation frame, then a task), so
/// its download and compilation never delay the first view.
pub fn warm_up_after_paint() {
    // Without animation frames (a hidden tab) the first job starts the worker instead.
    next_frame_then(warm_up);
}

fn send(r: Request) {
    warm_up();
    // In a task of its own: writing a large plan as JSON takes a while (about 20 ms for 1,521
    // items), and must not lengthen the render that asked for the job.
    gloo::timers::callback::Timeout::new(0, move || {
        CLIENT.with(|c| {
            if let Some(b) = c.borrow().bridge.as_ref() {
                b.send(r);
            }
        });
    })
    .forget();
}

fn start(c: &mut Client, plan: &Rc<Plan>, job: Job, kept: bool) -> (u64, Request) {
    c.next += 1;
    let id = c.next;
    c.entries.push(Entry {
        id,
        plan: plan.clone(),
        job: job.clone(),
        state: JobState::default(),
        kept,
        listeners: Vec::new(),
    });
    // Forget the oldest kept answers; a job still running for a listener is never dropped.
    while c.entries.iter().filter(|e| e.kept).count() > KEEP {
        let Some(i) = c
            .entries
            .iter()
            .position(|e| e.kept && e.listeners.is_empty())
        else {
            break;
        };
        let old = c.entries.remove(i);
        if !old.state.finished {
            if let Some(b) = c.bridge.as_ref() {
                b.send(Request::Cancel(old.id));
            }
        }
    }
    let req = Request::Start {
        id,
        plan: Box::new((**plan).clone()),
        job,
    };
    (id, req)
}

/// Runs a one-off job (its answer is not kept); `on` hears every step. Returns its id, for
/// [`cancel`].
pub fn run(plan: &Rc<Plan>, job: Job, on: Callback<JobState>) -> u64 {
    let (id, req) = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let (id, req) = start(&mut c, plan, job, false);
        if let Some(e) = c.entries.last_mut() {
            e.listeners.push((0, on));
        }
        (id, req)
    });
    send(req);
    id
}

/// Stops job `id`: nothing more is heard of it.
pub fn cancel(id: u64) {
    let found = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let before = c.entries.len();
        c.entries.retain(|e| e.id != id);
        before != c.entries.len()
    });
    if found {
        send(Request::Cancel(id));
    }
}

/// The answer to `job` on `plan` as far as it is known, computed in the worker and kept:
/// the component re-renders as steps arrive, and at once from the kept answer when the same
/// plan and job were asked before.
#[hook]
pub fn use_job(plan: &PlanRef, job: Job) -> JobState {
    let state = use_state(JobState::default);
    let listener = use_state(|| {
        CLIENT.with(|c| {
            let mut c = c.borrow_mut();
            c.next += 1;
            c.next
        })
    });
    let key = (plan.clone(), job);
    {
        let state = state.clone();
        let me = *listener;
        use_effect_with(key.clone(), move |(plan, job)| {
            let plan = plan.0.clone();
            let on = Callback::from(move |s: JobState| state.set(s));
            let (known, req) = CLIENT.with(|c| {
                let mut c = c.borrow_mut();
                let found = c
                    .entries
                    .iter()
                    .position(|e| e.kept && Rc::ptr_eq(&e.plan, &plan) && e.job == *job);
                let (i, req) = match found {
                    Some(i) => (i, None),
                    None => {
                        let (_, req) = start(&mut c, &plan, job.clone(), true);
                        (c.entries.len() - 1, Some(req))
                    }
                };
                let e = &mut c.entries[i];
                e.listeners.push((me, on.clone()));
                (e.state.clone(), req)
            });
            on.emit(known);
            if let Some(r) = req {
                send(r);
            }
            move || {
                CLIENT.with(|c| {
                    for e in c.borrow_mut().entries.iter_mut() {
                        e.listeners.retain(|l| l.0 != me);
                    }
                })
            }
        });
    }
    // The kept entry is the truth (the state above only makes the component render again).
    let now = CLIENT.with(|c| {
        c.borrow()
            .entries
            .iter()
            .find(|e| e.kept && Rc::ptr_eq(&e.plan, &key.0 .0) && e.job == key.1)
            .map(|e| e.state.clone())
            .unwrap_or_default()
    });
    // While a new plan's answer is on its way, the previous one stays on screen, marked stale.
    let last = use_mut_ref(JobState::default);
    let mut last = last.borrow_mut();
    let mut shown = now.clone();
    shown.stale = (now.figures.is_none() && last.figures.is_some())
        || (now.charts.is_none() && last.charts.is_some())
        || (now.annual.is_none() && last.annual.is_some());
    shown.figures = now.figures.clone().or_else(|| last.figures.clone());
    shown.charts = now.charts.clone().or_else(|| last.charts.clone());
    shown.annual = now.annual.clone().or_else(|| last.annual.clone());
    if now.annual.is_some() {
        last.annual = now.annual.clone();
    }
    if now.figures.is_some() {
        last.figures = now.figures;
    }
    if now.charts.is_some() {
        last.charts = now.charts;
    }
    shown
}
