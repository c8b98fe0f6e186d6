//! The editor's input: pointer gestures (press, move, release; pan, pinch and wheel zoom),
//! the keys on the plan and while drawing, keyboard focus, and finishing a drawing. The
//! gesture decisions themselves are plain functions in `gesture`; this file reads the events
//! and applies what they decide.

use super::gesture::{drag_preview, press_select, release, Drag, Press, Release};
use super::render::Preview;
use super::view::{parse_hit, Hit, Screen};
use crate::core::command::{snap, BuildingProps, Command};
use crate::core::geometry::{Pt, View};
use crate::ui::i18n::{area_kind_name, point_kind_name};
use crate::ui::session::Session;
use crate::ui::state::Tool;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// Everything the editor's event handlers read and change. Cheap to clone: handles only.
#[derive(Clone)]
pub(super) struct Input {
    pub(super) app: Session,
    pub(super) view: UseStateHandle<View>,
    pub(super) svg_ref: NodeRef,
    pub(super) drag: Rc<RefCell<Drag>>,
    /// The pointers down now, by id, at their screen position.
    pub(super) pointers: Rc<RefCell<HashMap<i32, (f64, f64)>>>,
    /// When a pinch began: the fingers' distance, the view and the plan point between them.
    pub(super) pinch_start: Rc<RefCell<Option<(f64, View, Pt)>>>,
    pub(super) preview: UseStateHandle<Preview>,
    /// The corners of an outline or line being drawn.
    pub(super) draft: UseStateHandle<Vec<Pt>>,
    /// The points clicked to calibrate a traced picture.
    pub(super) calib: UseStateHandle<Vec<Pt>>,
    /// The snapping step in metres (0: off).
    pub(super) step: f64,
}

/// What a pointer event hit: the nearest element with a `data-hit` key.
fn hit_of(e: &PointerEvent) -> Option<Hit> {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("[data-hit]").ok().flatten())
        .and_then(|el| el.get_attribute("data-hit"))
        .and_then(|h| parse_hit(&h))
}

impl Input {
    fn screen(&self) -> Option<Screen> {
        self.svg_ref
            .cast::<Element>()
            .map(|el| Screen::new(&el.get_bounding_client_rect(), *self.view))
    }

    /// A pointer goes down: a second finger starts a pinch, the middle or right button (or a
    /// finger on empty ground) pans, otherwise the current tool acts.
    pub(super) fn down(&self, e: PointerEvent) {
        let Some(sc) = self.screen() else { return };
        let (cx, cy) = (f64::from(e.client_x()), f64::from(e.client_y()));
        self.pointers.borrow_mut().insert(e.pointer_id(), (cx, cy));
        if let Some(el) = self.svg_ref.cast::<Element>() {
            let _ = el.set_pointer_capture(e.pointer_id());
        }
        if self.pointers.borrow().len() == 2 {
            let ps: Vec<(f64, f64)> = self.pointers.borrow().values().copied().collect();
            let dist = (ps[0].0 - ps[1].0).hypot(ps[0].1 - ps[1].1);
            let mid = sc.to_plan((ps[0].0 + ps[1].0) / 2.0, (ps[0].1 + ps[1].1) / 2.0);
            *self.pinch_start.borrow_mut() = Some((dist, *self.view, mid));
            *self.drag.borrow_mut() = Drag::Pinch;
            self.preview.set(Preview::default());
            return;
        }
        let p = sc.to_plan(cx, cy);
        let state = self.app.state();
        let hit = hit_of(&e);
        let pan = e.button() == 1
            || e.button() == 2
            || (e.pointer_type() == "touch" && hit.is_none() && state.tool == Tool::Select);
        if pan {
            *self.drag.borrow_mut() = Drag::Pan {
                start: (cx, cy),
                view: *self.view,
            };
            return;
        }
        if e.button() == 0 {
            self.tool_press(hit, p, e.shift_key());
        }
    }

    /// What the current tool does with a press at plan point `p`.
    fn tool_press(&self, hit: Option<Hit>, p: Pt, shift: bool) {
        let (app, state) = (&self.app, self.app.state());
        let sp = snap(p, self.step);
        match state.tool {
            Tool::Select => match press_select(state, hit, p, shift) {
                Press::Toggle(sel) => app.toggle(sel),
                Press::Start { select, drag: d } => {
                    if let Some(sel) = select {
                        app.select(sel);
                    }
                    *self.drag.borrow_mut() = d;
                }
                Press::Nothing => {}
            },
            Tool::Building => {
                *self.drag.borrow_mut() = Drag::Rect { start: sp };
            }
            Tool::BuildingPolygon | Tool::Area(_) | Tool::Pipe(_) => {
                let mut d = (*self.draft).clone();
                if d.last() != Some(&sp) {
                    d.push(sp);
                }
                self.draft.set(d);
            }
            Tool::Point(kind) => {
                let name = point_kind_name(state.lang, kind).to_string();
                app.edit(Command::AddPoint {
                    kind,
                    name,
                    position: sp,
                });
            }
            Tool::Calibrate => {
                // Two points, then the real distance is asked beside the plan.
                let mut c = (*self.calib).clone();
                if c.len() < 2 {
                    c.push(p);
                    self.calib.set(c);
                }
            }
        }
    }

    /// A pointer moves: pan, pinch, or preview the gesture in progress.
    pub(super) fn moved(&self, e: PointerEvent) {
        let Some(sc) = self.screen() else { return };
        let (cx, cy) = (f64::from(e.client_x()), f64::from(e.client_y()));
        if self.pointers.borrow().contains_key(&e.pointer_id()) {
            self.pointers.borrow_mut().insert(e.pointer_id(), (cx, cy));
        }
        let p = sc.to_plan(cx, cy);
        let mut d = self.drag.borrow_mut();
        match &mut *d {
            Drag::None => {
                if matches!(
                    self.app.state().tool,
                    Tool::BuildingPolygon | Tool::Area(_) | Tool::Pipe(_)
                ) {
                    self.preview.set(Preview {
                        pointer: Some(snap(p, self.step)),
                        ..Preview::default()
                    });
                }
            }
            Drag::Pan { start, view: v0 } => {
                let k = sc.px_per_m();
                self.view.set(View {
                    x: v0.x - (cx - start.0) / k,
                    y: v0.y - (cy - start.1) / k,
                    ..*v0
                });
            }
            Drag::Pinch => {
                let ps: Vec<(f64, f64)> = self.pointers.borrow().values().copied().collect();
                if let (Some((d0, v0, mid)), true) = (*self.pinch_start.borrow(), ps.len() == 2) {
                    let dist = (ps[0].0 - ps[1].0).hypot(ps[0].1 - ps[1].1).max(1.0);
                    self.view.set(v0.zoom(d0 / dist, mid));
                }
            }
            d => {
                let plan = &self.app.state().plan.0;
                let k = sc.px_per_m();
                if let Some(pv) = drag_preview(d, plan, p, self.step, k, e.shift_key()) {
                    self.preview.set(pv);
                }
            }
        }
    }

    /// A pointer goes up (or is cancelled): the gesture commits once, as one edit.
    pub(super) fn up(&self, e: PointerEvent) {
        self.pointers.borrow_mut().remove(&e.pointer_id());
        let d = std::mem::replace(&mut *self.drag.borrow_mut(), Drag::None);
        let pv = (*self.preview).clone();
        self.preview.set(Preview::default());
        let state = self.app.state();
        match release(d, &pv, &state.plan.0, &state.selection, state.lang) {
            Release::Edit(cmd) => self.app.edit(cmd),
            Release::Select(sel) => self.app.select(sel),
            Release::Nothing => {}
        }
    }

    /// The wheel zooms about the pointer.
    pub(super) fn wheel(&self, e: WheelEvent) {
        e.prevent_default();
        let Some(sc) = self.screen() else { return };
        let about = sc.to_plan(f64::from(e.client_x()), f64::from(e.client_y()));
        let f = (e.delta_y() * 0.0015).exp();
        self.view.set(self.view.zoom(f, about));
    }

    /// Ends the drawing in progress: a building, an area or a pipe run, when it has enough
    /// corners.
    pub(super) fn finish_draft(&self) {
        let pts = (*self.draft).clone();
        self.draft.set(Vec::new());
        let (app, state) = (&self.app, self.app.state());
        let lang = state.lang;
        match state.tool {
            Tool::BuildingPolygon if pts.len() >= 3 => {
                let n = state.plan.0.community.buildings.len() + 1;
                let name = crate::ui::i18n::new_building_name(lang, n);
                app.edit(Command::AddBuilding {
                    footprint: pts,
                    props: BuildingProps::typical(&name),
                });
            }
            Tool::Area(kind) if pts.len() >= 3 => {
                app.edit(Command::AddArea {
                    kind,
                    name: area_kind_name(lang, kind).to_string(),
                    polygon: pts,
                });
            }
            Tool::Pipe(kind) if pts.len() >= 2 => {
                app.edit(Command::AddPipe {
                    kind,
                    name: crate::ui::i18n::pipe_kind_name(lang, kind).to_string(),
                    path: pts,
                });
            }
            _ => {}
        }
    }

    /// Leaves the drawing: its corners and calibration points are dropped.
    pub(super) fn cancel_draft(&self) {
        self.draft.set(Vec::new());
        self.app.set_tool(Tool::Select);
    }

    /// A key on the plan: arrows move the selection (Shift: 10 m), Delete removes it, Escape
    /// clears it, Enter goes to its properties.
    pub(super) fn key(&self, e: KeyboardEvent) {
        let (app, state) = (&self.app, self.app.state());
        let key = e.key();
        let big = if e.shift_key() { 10.0 } else { 1.0 };
        let arrow = match key.as_str() {
            "ArrowLeft" => Some((-big, 0.0)),
            "ArrowRight" => Some((big, 0.0)),
            "ArrowUp" => Some((0.0, -big)),
            "ArrowDown" => Some((0.0, big)),
            _ => None,
        };
        if let Some((dx, dy)) = arrow {
            let features = state.selected_features();
            if !features.is_empty() {
                e.prevent_default();
                app.edit(Command::Move { features, dx, dy });
            }
            return;
        }
        // While drawing, Enter and Escape belong to the drawing (the window's listener, wherever
        // the focus is).
        let drawing = state.tool != Tool::Select || !self.draft.is_empty();
        match key.as_str() {
            "Delete" | "Backspace" if !drawing => {
                e.prevent_default();
                app.delete_selection();
            }
            "Escape" if !drawing => app.select(Vec::new()),
            "Enter" if !drawing => {
                if let Some(el) = gloo::utils::document()
                    .query_selector(".properties input, .properties select, .properties button")
                    .ok()
                    .flatten()
                {
                    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                        e.prevent_default();
                        let _ = h.focus();
                    }
                }
            }
            _ => {}
        }
    }

    /// Enter finishes and Escape cancels a drawing wherever the focus is.
    fn draw_key(&self, e: &web_sys::KeyboardEvent) {
        if self.app.state().tool == Tool::Select && self.draft.is_empty() {
            return;
        }
        match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                self.draft.set(Vec::new());
                self.calib.set(Vec::new());
                self.app.set_tool(Tool::Select);
            }
            "Enter" if !self.draft.is_empty() => {
                e.prevent_default();
                self.finish_draft();
            }
            _ => {}
        }
    }

    /// Keyboard focus on a feature or badge selects it.
    pub(super) fn focus_in(&self, e: FocusEvent) {
        let hit = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.get_attribute("data-hit"))
            .and_then(|h| parse_hit(&h));
        if let Some(sel) = hit.and_then(Hit::sel) {
            if !self.app.state().is_selected(sel) {
                self.app.select(vec![sel]);
            }
        }
    }
}

/// Enter finishes and Escape cancels a drawing wherever the focus is (after drawing with the
/// mouse it stays on the page, not on the plan), except while typing in a field. A new tool
/// starts a new drawing: corners of an unfinished outline never carry over.
#[hook]
pub(super) fn use_draw_keys(input: &Input) {
    let latest = use_mut_ref(|| None::<Input>);
    *latest.borrow_mut() = Some(input.clone());
    use_effect_with((), move |_| {
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let l = gloo::events::EventListener::new_with_options(
            &gloo::utils::window(),
            "keydown",
            options,
            move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let typing = e
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    });
                if typing {
                    return;
                }
                let input = latest.borrow().clone();
                if let Some(input) = input {
                    input.draw_key(e);
                }
            },
        );
        move || drop(l)
    });
    let (draft, calib) = (input.draft.clone(), input.calib.clone());
    use_effect_with(input.app.state().tool, move |_| {
        draft.set(Vec::new());
        calib.set(Vec::new());
    });
}
