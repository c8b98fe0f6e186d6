//! What the editor draws around the plan: the items on the whole community (listed above
//! it), the handles of the selected shape, a drawing in progress, the calibration points,
//! the north arrow and scale bar, and the hint of the current tool with its choices.

use super::gesture::shape_of;
use super::input::Input;
use super::render::{class_of, label_px, points_attr, sel_cls_html, Preview};
use crate::core::catalog::Catalog;
use crate::core::command::{Command, Feature};
use crate::core::geometry::{scale_bar_m, vertex_centroid, Pt, View};
use crate::core::plan::Plan;
use crate::core::site::Target;
use crate::ui::components::fields::select_value;
use crate::ui::i18n::{area_kind_name, t, Key, Lang};
use crate::ui::labels::class_css;
use crate::ui::labels::{AREA_KINDS, PIPE_KINDS};
use crate::ui::session::Session;
use crate::ui::state::{Sel, Tool, Trace};
use yew::prelude::*;

/// Items on the whole community have no place on the plan: they are listed above it, as
/// chips that select them (Delete removes one, as on the plan).
pub(super) fn community_items(app: &Session, catalog: &Catalog, lang: Lang) -> Vec<Html> {
    let s = app.state();
    s.plan
        .0
        .scenario()
        .items
        .iter()
        .filter(|p| p.target == Target::Community)
        .map(|pl| {
            let id = pl.id;
            let name = crate::ui::labels::item_name(catalog, &pl.item, lang);
            let short = catalog.get(&pl.item).map_or_else(|| name.clone(), |i| i.short_name(lang).to_string());
            let class = class_of(catalog, &pl.item);
            let onclick = {
                let app = app.clone();
                Callback::from(move |_: MouseEvent| app.select(vec![Sel::Placement(id)]))
            };
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
        .collect()
}

/// The corner handles of the one selected shape (and a rotation handle for a building).
pub(super) fn handles(plan: &Plan, selection: &[Sel], preview: &Preview, v: View) -> Option<Html> {
    let f = selection.iter().find_map(|x| match x {
        Sel::Feature(f) if selection.len() == 1 => Some(*f),
        _ => None,
    })?;
    let pts = preview
        .shape
        .as_ref()
        .filter(|(g, _)| *g == f)
        .map(|(_, p)| p.clone())
        .or_else(|| shape_of(plan, f))?;
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
    Some(html! { <g class="handles">{ for vertices }{ for rot }</g> })
}

/// A rectangle between two corners, with its class.
fn rect_between(class: &'static str, (a, b): (Pt, Pt)) -> Html {
    html! { <rect {class} x={format!("{:.2}", a.x.min(b.x))} y={format!("{:.2}", a.y.min(b.y))} width={format!("{:.2}", (b.x - a.x).abs())} height={format!("{:.2}", (b.y - a.y).abs())} /> }
}

/// A drawing in progress: the outline so far (to the pointer), a rectangle or a selection
/// box being dragged, and the calibration points.
pub(super) fn drawing(draft: &[Pt], preview: &Preview, calib: &[Pt], v: View) -> Html {
    let draft_html = (!draft.is_empty()).then(|| {
        let mut pts = draft.to_vec();
        if let Some(p) = preview.pointer {
            pts.push(p);
        }
        html! { <polyline class="draft" points={points_attr(&pts)} /> }
    });
    let rect_html = preview.rect.map(|r| rect_between("draft", r));
    let box_html = preview.boxed.map(|r| rect_between("select-box", r));
    let calib_html = calib.iter().map(|p| html! { <circle class="calib" cx={format!("{:.2}", p.x)} cy={format!("{:.2}", p.y)} r={format!("{:.2}", v.w / 150.0)} /> });
    html! {
        <>
            { for draft_html }
            { for rect_html }
            { for box_html }
            { for calib_html }
        </>
    }
}

/// The north arrow and the scale bar, sized for the screen at `ppm` pixels per metre.
pub(super) fn map_furniture(v: View, ppm: f64, lang: Lang) -> Html {
    let bar = scale_bar_m(v.w);
    let fs = label_px::SMALL / ppm.max(1e-6);
    let (bx, by) = (v.x + v.w * 0.03, v.y + v.h * 0.96);
    let (nx, ny) = (v.x + v.w * 0.95, v.y + v.h * 0.06);
    html! {
        <>
            <g class="north-arrow" transform={format!("translate({nx:.2} {ny:.2}) scale({:.3})", fs / 3.0)} aria-hidden="true">
                <polygon points="0,-3 2,3 0,1.8 -2,3" />
                <text x="0" y="7.5" class="map-note" style="font-size:3.2px">{ t(lang, Key::North) }</text>
            </g>
            <g class="scale-bar" aria-hidden="true">
                <line x1={format!("{bx:.2}")} y1={format!("{by:.2}")} x2={format!("{:.2}", bx + bar)} y2={format!("{by:.2}")} style={format!("stroke-width:{:.3}", fs / 6.0)} />
                <text x={format!("{:.2}", bx + bar / 2.0)} y={format!("{:.2}", by - fs * 0.5)} class="map-note" style={format!("font-size:{fs:.3}px")}>{ format!("{bar} m") }</text>
            </g>
        </>
    }
}

/// What the drawing tool makes: the kind of pipe or area, chosen before drawing.
fn kind_picker(app: &Session, tool: Tool, lang: Lang) -> Html {
    match tool {
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

/// Calibration: after two points on the picture, their real distance.
fn calib_form(input: &Input, lang: Lang) -> Html {
    let (app, calib) = (&input.app, &input.calib);
    if app.state().tool != Tool::Calibrate || calib.len() != 2 {
        return html! {};
    }
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
}

/// The hint of the current drawing tool, with its choices and the finish and cancel buttons
/// (nothing for the select tool).
pub(super) fn draw_hint(input: &Input, lang: Lang) -> Html {
    let tool = input.app.state().tool;
    let hint = match tool {
        Tool::Select => return html! {},
        Tool::Building => t(lang, Key::DrawHintRect),
        Tool::BuildingPolygon | Tool::Area(_) | Tool::Pipe(_) => t(lang, Key::DrawHintPolygon),
        Tool::Point(_) => t(lang, Key::DrawHintPoint),
        Tool::Calibrate => t(lang, Key::CalibrateHint),
    };
    let finish = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| input.finish_draft())
    };
    let cancel = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| input.cancel_draft())
    };
    html! {
        <div class="draw-hint" role="status">
            <span>{ hint }</span>
            { kind_picker(&input.app, tool, lang) }
            { calib_form(input, lang) }
            if !input.draft.is_empty() {
                <button type="button" onclick={finish}>{ t(lang, Key::Finish) }</button>
            }
            <button type="button" onclick={cancel}>{ t(lang, Key::Cancel) }</button>
        </div>
    }
}
