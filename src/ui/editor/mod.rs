//! The site-plan editor: the plan as SVG in metres with pan and zoom (wheel, pinch, buttons,
//! fit), a grid with snapping, a scale bar and a north arrow; drawing buildings, areas, pipe
//! runs and points; selecting (click, shift-click, box), moving, reshaping, rotating,
//! deleting and duplicating; placed items as badges. Every commit is one [`Command`]; a drag
//! previews locally and commits once when released (one undo step).
//!
//! This file is the shell: the component, its pointer and key gestures, and the overlays of
//! an interaction in progress. [`view`] maps screen points to the plan and reads what was
//! hit; `render` draws the plan and its badges; `toolbar` holds the tools and the tracing
//! controls. The shape maths (rectangles, resizing, rotation, zoom, the scale bar, box
//! selection) and the badge layout are pure and live in [`crate::core::geometry`] and
//! [`crate::core::badges`], tested natively.

use crate::core::command::{snap, BuildingProps, Command, Feature};
use crate::core::geometry::{scale_bar_m, vertex_centroid, Pt, View};
use crate::core::site::*;
use crate::ui::components::fields::select_value;
use crate::ui::i18n::{area_kind_name, point_kind_name, t, Key};
use crate::ui::labels::class_css;
use crate::ui::labels::{AREA_KINDS, PIPE_KINDS};
use crate::ui::session::{use_session, Session};
use crate::ui::state::{Sel, Tool, Trace};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

mod gesture;
mod render;
mod toolbar;
mod view;

use gesture::{drag_preview, press_select, release, shape_of, Drag, Press, Release};

use render::*;
use toolbar::*;
pub use view::*;

/// Properties of [`PlanEditor`].
#[derive(Properties, PartialEq)]
pub struct PlanEditorProps {}

/// The site-plan editor.
#[component]
pub fn PlanEditor(_props: &PlanEditorProps) -> Html {
    let app = use_session();
    let s = app.state();
    let lang = s.lang;
    let plan = s.plan.clone();
    let project = s.project.clone();
    let view = {
        let project = project.clone();
        let plan = plan.clone();
        use_state(move || {
            project
                .and_then(|id| crate::ui::storage::saved_view(&id))
                .map_or_else(
                    || View::fit(plan.0.community.all_points()),
                    |[x, y, w, h]| View { x, y, w, h },
                )
        })
    };
    {
        // Remember the view (for reopening exactly where the user was), a moment after it
        // stops changing.
        let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        use_effect_with((*view, project), move |(v, project)| {
            if let Some(id) = project.clone() {
                let v = *v;
                *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(300, move || {
                    crate::ui::storage::save_view(&id, [v.x, v.y, v.w, v.h]);
                }));
            }
        });
    }
    let svg_ref = use_node_ref();
    // The drawing's size on screen, from a ResizeObserver: it reports after the browser's own
    // layout, so neither an edit nor a change of page forces a layout of the whole plan (a
    // measurement in an effect did, 20-60 ms on a large community). A hidden plan (another
    // page) reports 0 × 0, which is not kept.
    let size = use_state_eq(|| (0.0f64, 0.0f64));
    {
        let (size, svg_ref) = (size.clone(), svg_ref.clone());
        use_effect_with((), move |_| observe_size(&svg_ref, size))
    }
    // Screen pixels per metre at the current zoom, for labels sized in pixels.
    let ppm = match *size {
        (w, h) if w > 0.0 && h > 0.0 => view.px_per_m(w, h),
        _ => 3.0,
    };
    let drag = use_mut_ref(|| Drag::None);
    let pointers = use_mut_ref(HashMap::<i32, (f64, f64)>::new);
    let pinch_start = use_mut_ref(|| None::<(f64, View, Pt)>);
    let preview = use_state(Preview::default);
    let draft = use_state(Vec::<Pt>::new);
    let calib = use_state(Vec::<Pt>::new);
    let catalog = crate::ui::computed::catalog_of(&plan.0);
    let step = if s.snap { 1.0 } else { 0.0 };

    let screen = {
        let svg_ref = svg_ref.clone();
        let view = view.clone();
        move || {
            svg_ref
                .cast::<Element>()
                .map(|el| Screen::new(&el.get_bounding_client_rect(), *view))
        }
    };
    let hit_of = |e: &PointerEvent| -> Option<Hit> {
        e.target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("[data-hit]").ok().flatten())
            .and_then(|el| el.get_attribute("data-hit"))
            .and_then(|h| parse_hit(&h))
    };
    let selected_shape = s.selection.iter().find_map(|x| match x {
        Sel::Feature(f) if s.selection.len() == 1 => Some(*f),
        _ => None,
    });

    let onpointerdown = {
        let app = app.clone();
        let drag = drag.clone();
        let view = view.clone();
        let screen = screen.clone();
        let preview = preview.clone();
        let draft = draft.clone();
        let calib = calib.clone();
        let pointers = pointers.clone();
        let pinch_start = pinch_start.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(sc) = screen() else { return };
            let (cx, cy) = (f64::from(e.client_x()), f64::from(e.client_y()));
            pointers.borrow_mut().insert(e.pointer_id(), (cx, cy));
            if let Some(el) = svg_ref.cast::<Element>() {
                let _ = el.set_pointer_capture(e.pointer_id());
            }
            if pointers.borrow().len() == 2 {
                let ps: Vec<(f64, f64)> = pointers.borrow().values().copied().collect();
                let dist = (ps[0].0 - ps[1].0).hypot(ps[0].1 - ps[1].1);
                let mid = sc.to_plan((ps[0].0 + ps[1].0) / 2.0, (ps[0].1 + ps[1].1) / 2.0);
                *pinch_start.borrow_mut() = Some((dist, *view, mid));
                *drag.borrow_mut() = Drag::Pinch;
                preview.set(Preview::default());
                return;
            }
            let p = sc.to_plan(cx, cy);
            let sp = snap(p, step);
            let state = app.state();
            let hit = hit_of(&e);
            let pan = e.button() == 1
                || e.button() == 2
                || (e.pointer_type() == "touch" && hit.is_none() && state.tool == Tool::Select);
            if pan {
                *drag.borrow_mut() = Drag::Pan {
                    start: (cx, cy),
                    view: *view,
                };
                return;
            }
            if e.button() != 0 {
                return;
            }
            match state.tool {
                Tool::Select => match press_select(state, hit, p, e.shift_key()) {
                    Press::Toggle(sel) => app.toggle(sel),
                    Press::Start { select, drag: d } => {
                        if let Some(sel) = select {
                            app.select(sel);
                        }
                        *drag.borrow_mut() = d;
                    }
                    Press::Nothing => {}
                },
                Tool::Building => {
                    *drag.borrow_mut() = Drag::Rect { start: sp };
                }
                Tool::BuildingPolygon | Tool::Area(_) | Tool::Pipe(_) => {
                    let mut d = (*draft).clone();
                    if d.last() != Some(&sp) {
                        d.push(sp);
                    }
                    draft.set(d);
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
                    let mut c = (*calib).clone();
                    if c.len() < 2 {
                        c.push(p);
                        calib.set(c);
                    }
                }
            }
        })
    };

    let onpointermove = {
        let drag = drag.clone();
        let view = view.clone();
        let screen = screen.clone();
        let preview = preview.clone();
        let pointers = pointers.clone();
        let pinch_start = pinch_start.clone();
        let app = app.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(sc) = screen() else { return };
            let (cx, cy) = (f64::from(e.client_x()), f64::from(e.client_y()));
            if pointers.borrow().contains_key(&e.pointer_id()) {
                pointers.borrow_mut().insert(e.pointer_id(), (cx, cy));
            }
            let p = sc.to_plan(cx, cy);
            let mut d = drag.borrow_mut();
            match &mut *d {
                Drag::None => {
                    if matches!(
                        app.state().tool,
                        Tool::BuildingPolygon | Tool::Area(_) | Tool::Pipe(_)
                    ) {
                        preview.set(Preview {
                            pointer: Some(snap(p, step)),
                            ..Preview::default()
                        });
                    }
                }
                Drag::Pan { start, view: v0 } => {
                    let k = sc.px_per_m();
                    view.set(View {
                        x: v0.x - (cx - start.0) / k,
                        y: v0.y - (cy - start.1) / k,
                        ..*v0
                    });
                }
                Drag::Pinch => {
                    let ps: Vec<(f64, f64)> = pointers.borrow().values().copied().collect();
                    if let (Some((d0, v0, mid)), true) = (*pinch_start.borrow(), ps.len() == 2) {
                        let dist = (ps[0].0 - ps[1].0).hypot(ps[0].1 - ps[1].1).max(1.0);
                        view.set(v0.zoom(d0 / dist, mid));
                    }
                }
                d => {
                    let plan = &app.state().plan.0;
                    if let Some(pv) = drag_preview(d, plan, p, step, sc.px_per_m(), e.shift_key()) {
                        preview.set(pv);
                    }
                }
            }
        })
    };

    let onpointerup = {
        let drag = drag.clone();
        let preview = preview.clone();
        let pointers = pointers.clone();
        let app = app.clone();
        Callback::from(move |e: PointerEvent| {
            pointers.borrow_mut().remove(&e.pointer_id());
            let d = std::mem::replace(&mut *drag.borrow_mut(), Drag::None);
            let pv = (*preview).clone();
            preview.set(Preview::default());
            let state = app.state();
            match release(d, &pv, &state.plan.0, &state.selection, state.lang) {
                Release::Edit(cmd) => app.edit(cmd),
                Release::Select(sel) => app.select(sel),
                Release::Nothing => {}
            }
        })
    };

    let onwheel = {
        let view = view.clone();
        let screen = screen.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let Some(sc) = screen() else { return };
            let about = sc.to_plan(f64::from(e.client_x()), f64::from(e.client_y()));
            let f = (e.delta_y() * 0.0015).exp();
            view.set(view.zoom(f, about));
        })
    };

    let finish_draft = {
        let app = app.clone();
        let draft = draft.clone();
        move || {
            let pts = (*draft).clone();
            draft.set(Vec::new());
            let state = app.state();
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
    };
    let ondblclick = {
        let finish = finish_draft.clone();
        Callback::from(move |_: MouseEvent| finish())
    };

    let onkeydown = {
        let app = app.clone();
        let draft = draft.clone();
        Callback::from(move |e: KeyboardEvent| {
            let state = app.state();
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
            // While drawing, Enter and Escape belong to the drawing (the window's listener
            // below, wherever the focus is).
            let drawing = state.tool != Tool::Select || !draft.is_empty();
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
        })
    };

    // Enter finishes and Escape cancels a drawing wherever the focus is (after drawing with
    // the mouse it stays on the page, not on the plan).
    let draw_keys = use_mut_ref(|| None::<Rc<dyn Fn(&web_sys::KeyboardEvent)>>);
    {
        let app = app.clone();
        let draft = draft.clone();
        let calib = calib.clone();
        let finish = finish_draft.clone();
        *draw_keys.borrow_mut() = Some(Rc::new(move |e: &web_sys::KeyboardEvent| {
            if app.state().tool == Tool::Select && draft.is_empty() {
                return;
            }
            match e.key().as_str() {
                "Escape" => {
                    e.prevent_default();
                    draft.set(Vec::new());
                    calib.set(Vec::new());
                    app.set_tool(Tool::Select);
                }
                "Enter" if !draft.is_empty() => {
                    e.prevent_default();
                    finish();
                }
                _ => {}
            }
        }));
    }
    {
        let draw_keys = draw_keys.clone();
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
                    let h = draw_keys.borrow().clone();
                    if let Some(h) = h {
                        h(e);
                    }
                },
            );
            move || drop(l)
        });
    }
    // A new tool starts a new drawing: corners of an unfinished outline never carry over.
    {
        let (draft, calib) = (draft.clone(), calib.clone());
        use_effect_with(s.tool, move |_| {
            draft.set(Vec::new());
            calib.set(Vec::new());
        });
    }

    // Keyboard focus selects.
    let onfocusin = {
        let app = app.clone();
        Callback::from(move |e: FocusEvent| {
            let hit = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.get_attribute("data-hit"))
                .and_then(|h| parse_hit(&h));
            if let Some(sel) = hit.and_then(Hit::sel) {
                if !app.state().is_selected(sel) {
                    app.select(vec![sel]);
                }
            }
        })
    };

    let v = *view;
    let body = html! {
        <PlanBody plan={plan.clone()} selection={app.state().selection.clone()} lang={lang} ppm={ppm}
            preview={Preview { offset: preview.offset, shape: preview.shape.clone(), ..Preview::default() }} />
    };
    // Items on the whole community have no place on the plan: they are listed above it.
    let community_items: Vec<Html> = plan
        .0
        .scenario()
        .items
        .iter()
        .filter(|p| p.target == Target::Community)
        .map(|pl| {
            let id = pl.id;
            let name = crate::ui::labels::item_name(&catalog, &pl.item, lang);
            let short = catalog.get(&pl.item).map_or_else(|| name.clone(), |i| i.short_name(lang).to_string());
            let class = class_of(&catalog, &pl.item);
            let onclick = {
                let app = app.clone();
                Callback::from(move |_: MouseEvent| app.select(vec![Sel::Placement(id)]))
            };
            // Delete removes it, as on the plan.
            let onkeydown = {
                let app = app.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if matches!(e.key().as_str(), "Delete" | "Backspace") {
                        e.prevent_default();
                        app.select(vec![Sel::Placement(id)]);
                        app.edit(Command::Unplace { placements: vec![id] });
                    }
                })
            };
            html! {
                <li key={id.0}>
                    <button type="button" class={classes!("badge", "chip", class_css(class), sel_cls_html(s.is_selected(Sel::Placement(id))))}
                        data-item={pl.item.clone()} data-target={pl.target.key()} data-placement={id.0.to_string()} title={name} {onclick} {onkeydown}>{ short }</button>
                </li>
            }
        })
        .collect();
    let handles = selected_shape
        .and_then(|f| {
            let pts = preview.shape.as_ref().filter(|(g, _)| *g == f).map(|(_, p)| p.clone()).or_else(|| shape_of(&plan.0, f))?;
            Some((f, pts))
        })
        .map(|(f, pts)| {
            let r = v.w / 120.0;
            let vertices = pts.iter().enumerate().map(|(i, p)| {
                html! { <circle class="handle" data-hit={format!("v:{i}")} cx={format!("{:.2}", p.x)} cy={format!("{:.2}", p.y)} r={format!("{r:.2}")} /> }
            });
            let rot = matches!(f, Feature::Building(_)).then(|| {
                let c = vertex_centroid(&pts);
                let top = pts.iter().map(|p| p.y).fold(f64::INFINITY, f64::min) - 4.0 * r;
                html! {
                    <g class="rotate-handle" data-hit="r:0">
                        <line x1={format!("{:.2}", c.x)} y1={format!("{:.2}", c.y)} x2={format!("{:.2}", c.x)} y2={format!("{:.2}", top)} />
                        <circle cx={format!("{:.2}", c.x)} cy={format!("{:.2}", top)} r={format!("{:.2}", r * 1.2)} />
                    </g>
                }
            });
            html! { <g class="handles">{ for vertices }{ for rot }</g> }
        });
    let draft_html = (!draft.is_empty()).then(|| {
        let mut pts = (*draft).clone();
        if let Some(p) = preview.pointer {
            pts.push(p);
        }
        html! { <polyline class="draft" points={points_attr(&pts)} /> }
    });
    let rect_html = preview.rect.map(|(a, b)| {
        html! { <rect class="draft" x={format!("{:.2}", a.x.min(b.x))} y={format!("{:.2}", a.y.min(b.y))} width={format!("{:.2}", (b.x - a.x).abs())} height={format!("{:.2}", (b.y - a.y).abs())} /> }
    });
    let box_html = preview.boxed.map(|(a, b)| {
        html! { <rect class="select-box" x={format!("{:.2}", a.x.min(b.x))} y={format!("{:.2}", a.y.min(b.y))} width={format!("{:.2}", (b.x - a.x).abs())} height={format!("{:.2}", (b.y - a.y).abs())} /> }
    });
    let calib_html = calib.iter().map(|p| html! { <circle class="calib" cx={format!("{:.2}", p.x)} cy={format!("{:.2}", p.y)} r={format!("{:.2}", v.w / 150.0)} /> });
    let bar = scale_bar_m(v.w);
    let fs = label_px::SMALL / ppm.max(1e-6);
    let (bx, by) = (v.x + v.w * 0.03, v.y + v.h * 0.96);
    let (nx, ny) = (v.x + v.w * 0.95, v.y + v.h * 0.06);
    let trace_html = s.trace.as_ref().map(|tr| {
        html! { <image class="trace" href={tr.url.clone()} x="0" y="0" width={format!("{:.2}", tr.width_px * tr.m_per_px)} height={format!("{:.2}", tr.height_px * tr.m_per_px)} opacity={format!("{:.2}", tr.opacity)} preserveAspectRatio="none" /> }
    });
    let hint = match s.tool {
        Tool::Select => None,
        Tool::Building => Some(t(lang, Key::DrawHintRect)),
        Tool::BuildingPolygon | Tool::Area(_) | Tool::Pipe(_) => {
            Some(t(lang, Key::DrawHintPolygon))
        }
        Tool::Point(_) => Some(t(lang, Key::DrawHintPoint)),
        Tool::Calibrate => Some(t(lang, Key::CalibrateHint)),
    };
    // What the drawing tool makes: the kind of pipe or area, chosen before drawing.
    let kind_picker = match s.tool {
        Tool::Pipe(current) => {
            let app = app.clone();
            let onchange = Callback::from(move |e: Event| {
                if let Some(k) = select_value(&e).and_then(|v| PIPE_KINDS.get(v).copied()) {
                    app.set_tool(Tool::Pipe(k));
                }
            });
            let options = PIPE_KINDS.iter().enumerate().map(|(i, &k)| html! {
                <option value={i.to_string()} selected={k == current}>{ crate::ui::i18n::pipe_kind_name(lang, k) }</option>
            });
            html! { <label class="kind-pick">{ t(lang, Key::PipeKindToDraw) }<select {onchange} data-testid="pipe-kind">{ for options }</select></label> }
        }
        Tool::Area(current) => {
            let app = app.clone();
            let onchange = Callback::from(move |e: Event| {
                if let Some(k) = select_value(&e).and_then(|v| AREA_KINDS.get(v).copied()) {
                    app.set_tool(Tool::Area(k));
                }
            });
            let options = AREA_KINDS.iter().enumerate().map(|(i, &k)| html! {
                <option value={i.to_string()} selected={k == current}>{ area_kind_name(lang, k) }</option>
            });
            html! { <label class="kind-pick">{ t(lang, Key::Kind) }<select {onchange} data-testid="area-kind">{ for options }</select></label> }
        }
        _ => html! {},
    };
    // Calibration: after two points on the picture, their real distance.
    let calib_form = if s.tool == Tool::Calibrate && calib.len() == 2 {
        let (a, b) = (calib[0], calib[1]);
        let app = app.clone();
        let calib = calib.clone();
        let on_commit = Callback::from(move |v: String| {
            if let Some(real) = crate::ui::components::fields::parse_number(&v, 0.01, 100_000.0) {
                calibrate(&app, a, b, real);
                calib.set(Vec::new());
                app.set_tool(Tool::Select);
            }
        });
        html! {
            <crate::ui::components::fields::Field id="calib-length" label={t(lang, Key::CalibrateLength)} value={AttrValue::default()} range={Some((0.01, 100_000.0))} decimal=true error={t(lang, Key::Invalid)} {on_commit} />
        }
    } else {
        html! {}
    };
    let label = format!("{}: {}", t(lang, Key::SitePlan), plan.0.community.name);
    html! {
        <div class="editor">
            <Toolbar view={view.clone()} />
            if !community_items.is_empty() {
                <div class="community-items">
                    <span class="community-items-label">{ t(lang, Key::WholeCommunityItems) }</span>
                    <ul>{ for community_items }</ul>
                </div>
            }
            <div class={classes!("canvas", format!("tool-{}", tool_css(s.tool)))}>
                <svg ref={svg_ref} class="site-plan" role="application" aria-label={label}
                    viewBox={format!("{:.2} {:.2} {:.2} {:.2}", v.x, v.y, v.w, v.h)} preserveAspectRatio="xMidYMid meet"
                    {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup} {onwheel} {ondblclick} {onkeydown} {onfocusin}
                    oncontextmenu={Callback::from(|e: MouseEvent| e.prevent_default())}>
                    <defs>
                        <pattern id="grid" width="5" height="5" patternUnits="userSpaceOnUse">
                            <path d="M 5 0 L 0 0 0 5" class="grid-line" />
                        </pattern>
                    </defs>
                    <rect class="grid" x={format!("{:.2}", v.x)} y={format!("{:.2}", v.y)} width={format!("{:.2}", v.w)} height={format!("{:.2}", v.h)} fill="url(#grid)" />
                    // Optional layers sit in fixed containers, so that the list of children never
                    // changes length and the plan's elements are never re-created (which would
                    // lose keyboard focus and pointer targets).
                    <g class="trace-layer">{ for trace_html }</g>
                    { body }
                    <g class="overlay">
                        { for handles }
                        { for draft_html }
                        { for rect_html }
                        { for box_html }
                        { for calib_html }
                    </g>
                    <g class="north-arrow" transform={format!("translate({nx:.2} {ny:.2}) scale({:.3})", fs / 3.0)} aria-hidden="true">
                        <polygon points="0,-3 2,3 0,1.8 -2,3" />
                        <text x="0" y="7.5" class="map-note" style="font-size:3.2px">{ t(lang, Key::North) }</text>
                    </g>
                    <g class="scale-bar" aria-hidden="true">
                        <line x1={format!("{bx:.2}")} y1={format!("{by:.2}")} x2={format!("{:.2}", bx + bar)} y2={format!("{by:.2}")} style={format!("stroke-width:{:.3}", fs / 6.0)} />
                        <text x={format!("{:.2}", bx + bar / 2.0)} y={format!("{:.2}", by - fs * 0.5)} class="map-note" style={format!("font-size:{fs:.3}px")}>{ format!("{bar} m") }</text>
                    </g>
                </svg>
                <div class="hint-slot">
                    if let Some(h) = hint {
                        <div class="draw-hint" role="status">
                            <span>{ h }</span>
                            { kind_picker }
                            { calib_form }
                            if !draft.is_empty() {
                                <button type="button" onclick={{ let f = finish_draft.clone(); Callback::from(move |_| f()) }}>{ t(lang, Key::Finish) }</button>
                            }
                            <button type="button" onclick={{ let app = app.clone(); let d = draft.clone(); Callback::from(move |_| { d.set(Vec::new()); app.set_tool(Tool::Select); }) }}>{ t(lang, Key::Cancel) }</button>
                        </div>
                    }
                </div>
            </div>
        </div>
    }
}

fn tool_css(t: Tool) -> &'static str {
    match t {
        Tool::Select => "select",
        Tool::Building | Tool::BuildingPolygon | Tool::Area(_) | Tool::Pipe(_) | Tool::Point(_) => {
            "draw"
        }
        Tool::Calibrate => "calibrate",
    }
}

/// Scales a traced picture so the two clicked points are `real` metres apart.
fn calibrate(app: &Session, a: Pt, b: Pt, real: f64) {
    let Some(tr) = app.state().trace.clone() else {
        return;
    };
    let measured = a.dist(b);
    if measured <= 0.0 || real.is_nan() || real <= 0.0 {
        return;
    }
    app.set_trace(Some(Trace {
        m_per_px: tr.m_per_px * real / measured,
        ..tr
    }));
}

/// Keeps `size` at the element's content box size (non-zero sizes only) until the returned
/// clean-up runs.
fn observe_size(node: &NodeRef, size: UseStateHandle<(f64, f64)>) -> impl FnOnce() {
    use wasm_bindgen::{closure::Closure, JsCast};
    let on = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let last = entries.get(entries.length().saturating_sub(1));
        if let Ok(e) = last.dyn_into::<web_sys::ResizeObserverEntry>() {
            let r = e.content_rect();
            if r.width() > 0.0 && r.height() > 0.0 {
                size.set((r.width(), r.height()));
            }
        }
    });
    let observer = web_sys::ResizeObserver::new(on.as_ref().unchecked_ref()).ok();
    if let (Some(o), Some(el)) = (observer.as_ref(), node.cast::<Element>()) {
        o.observe(&el);
    }
    move || {
        if let Some(o) = observer {
            o.disconnect();
        }
        drop(on);
    }
}
