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

use crate::core::geometry::{Pt, View};
use crate::ui::i18n::{t, Key};
use crate::ui::session::use_session;
use crate::ui::state::{PlanRef, Tool};
use std::collections::HashMap;
use web_sys::Element;
use yew::prelude::*;

mod gesture;
mod input;
mod overlay;
mod render;
mod toolbar;
mod view;

use gesture::Drag;
use input::{use_draw_keys, Input};
use overlay::{community_items, draw_hint, drawing, handles, map_furniture};

use render::*;
use toolbar::*;
pub use view::*;

/// Properties of [`PlanEditor`].
#[derive(Properties, PartialEq)]
pub struct PlanEditorProps {}

/// The view of the plan (where it is and how far zoomed), as the user last left it in this
/// project, remembered a moment after it stops changing.
#[hook]
fn use_plan_view(plan: &PlanRef, project: Option<std::rc::Rc<str>>) -> UseStateHandle<View> {
    let view = {
        let (project, plan) = (project.clone(), plan.clone());
        use_state(move || {
            project
                .and_then(|id| crate::ui::storage::saved_view(&id))
                .map_or_else(
                    || View::fit(plan.0.community.all_points()),
                    |[x, y, w, h]| View { x, y, w, h },
                )
        })
    };
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    use_effect_with((*view, project), move |(v, project)| {
        if let Some(id) = project.clone() {
            let v = *v;
            *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(300, move || {
                crate::ui::storage::save_view(&id, [v.x, v.y, v.w, v.h]);
            }));
        }
    });
    view
}

/// The site-plan editor.
#[component]
pub fn PlanEditor(_props: &PlanEditorProps) -> Html {
    let app = use_session();
    let s = app.state();
    let lang = s.lang;
    let plan = s.plan.clone();
    let view = use_plan_view(&plan, s.project.clone());
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
    let input = Input {
        app: app.clone(),
        view: view.clone(),
        svg_ref: svg_ref.clone(),
        drag: use_mut_ref(|| Drag::None),
        pointers: use_mut_ref(HashMap::<i32, (f64, f64)>::new),
        pinch_start: use_mut_ref(|| None::<(f64, View, Pt)>),
        preview: use_state(Preview::default),
        draft: use_state(Vec::<Pt>::new),
        calib: use_state(Vec::<Pt>::new),
        step: if s.snap { 1.0 } else { 0.0 },
    };
    use_draw_keys(&input);
    let on = |f: fn(&Input, PointerEvent)| {
        let input = input.clone();
        Callback::from(move |e: PointerEvent| f(&input, e))
    };
    let (onpointerdown, onpointermove, onpointerup) =
        (on(Input::down), on(Input::moved), on(Input::up));
    let onwheel = {
        let input = input.clone();
        Callback::from(move |e: WheelEvent| input.wheel(e))
    };
    let ondblclick = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| input.finish_draft())
    };
    let onkeydown = {
        let input = input.clone();
        Callback::from(move |e: KeyboardEvent| input.key(e))
    };
    let onfocusin = {
        let input = input.clone();
        Callback::from(move |e: FocusEvent| input.focus_in(e))
    };
    let catalog = crate::ui::computed::catalog_of(&plan.0);
    let preview = &*input.preview;
    let v = *view;
    let body = html! {
        <PlanBody plan={plan.clone()} selection={s.selection.clone()} lang={lang} ppm={ppm}
            preview={Preview { offset: preview.offset, shape: preview.shape.clone(), ..Preview::default() }} />
    };
    let community_items = community_items(&app, &catalog, lang);
    let handles = handles(&plan.0, &s.selection, preview, v);
    let trace_html = s.trace.as_ref().map(|tr| {
        html! { <image class="trace" href={tr.url.clone()} x="0" y="0" width={format!("{:.2}", tr.width_px * tr.m_per_px)} height={format!("{:.2}", tr.height_px * tr.m_per_px)} opacity={format!("{:.2}", tr.opacity)} preserveAspectRatio="none" /> }
    });
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
                        { drawing(&input.draft, preview, &input.calib, v) }
                    </g>
                    { map_furniture(v, ppm, lang) }
                </svg>
                <div class="hint-slot">{ draw_hint(&input, lang) }</div>
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
