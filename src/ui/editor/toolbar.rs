//! The editor's toolbar (tools, zoom, fit, grid, undo and redo) and the tracing controls
//! for a background picture of the site plan.

use crate::core::command::{snap, BuildingProps, Command};
use crate::core::geometry::{rect, View};
use crate::core::site::*;
use crate::ui::i18n::{t, Key};
use crate::ui::session::{use_session, Session};
use crate::ui::state::{Tool, Trace};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Properties of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The editor's view.
    pub view: UseStateHandle<View>,
}

/// The editor's toolbar: tools, undo/redo, zoom, snap, trace.
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let app = use_session();
    let s = app.state();
    let lang = s.lang;
    let tool_button = |tool: Tool, key: Key, icon: &'static str| {
        let app = app.clone();
        let pressed = s.tool == tool;
        html! {
            <button type="button" class="tool" aria-pressed={pressed.to_string()} title={t(lang, key)} aria-label={t(lang, key)}
                onclick={Callback::from(move |_| app.set_tool(tool))}>
                <span aria-hidden="true" class="icon">{ icon }</span><span class="tool-label">{ t(lang, key) }</span>
            </button>
        }
    };
    let act = |key: Key, icon: &'static str, disabled: bool, f: Callback<MouseEvent>| {
        html! {
            <button type="button" class="tool" title={t(lang, key)} aria-label={t(lang, key)} disabled={disabled} onclick={f}>
                <span aria-hidden="true" class="icon">{ icon }</span><span class="tool-label">{ t(lang, key) }</span>
            </button>
        }
    };
    let view = props.view.clone();
    let zoom = |f: f64| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.set(view.zoom(f, view.centre())))
    };
    let fit = {
        let view = view.clone();
        let plan = s.plan.clone();
        Callback::from(move |_: MouseEvent| view.set(View::fit(plan.0.community.all_points())))
    };
    let undo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.undo())
    };
    let redo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.redo())
    };
    let del = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.delete_selection())
    };
    let dup = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let features = app.state().selected_features();
            if !features.is_empty() {
                app.edit(Command::Duplicate {
                    features,
                    dx: 5.0,
                    dy: 5.0,
                });
            }
        })
    };
    let add_here = {
        let app = app.clone();
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            let c = snap(view.centre(), 1.0);
            let n = app.state().plan.0.community.buildings.len() + 1;
            let name = crate::ui::i18n::new_building_name(app.lang(), n);
            app.edit(Command::AddBuilding {
                footprint: rect(c.x - 15.0, c.y - 5.5, 30.0, 11.0, 0.0),
                props: BuildingProps::typical(&name),
            });
        })
    };
    let snap_toggle = {
        let app = app.clone();
        let on = s.snap;
        Callback::from(move |_: MouseEvent| app.set_snap(!on))
    };
    let nothing = s.selection.is_empty();
    html! {
        <div class="toolbar" role="toolbar" aria-label={t(lang, Key::Tools)}>
            { tool_button(Tool::Select, Key::ToolSelect, "↖") }
            { tool_button(Tool::Building, Key::ToolBuilding, "▭") }
            { tool_button(Tool::BuildingPolygon, Key::ToolBuildingPolygon, "⬠") }
            { tool_button(Tool::Area(AreaKind::Road), Key::ToolRoad, "═") }
            { tool_button(Tool::Area(AreaKind::Green), Key::ToolGreen, "♣") }
            { tool_button(Tool::Area(AreaKind::Parking), Key::ToolParking, "P") }
            { tool_button(Tool::Pipe(PipeKind::Sewer), Key::ToolPipe, "┄") }
            { tool_button(Tool::Point(PointKind::Lamp), Key::ToolPoint, "•") }
            { act(Key::AddBuildingHere, "＋", false, add_here) }
            <span class="sep" aria-hidden="true"></span>
            { act(Key::Undo, "↶", s.undo.is_empty(), undo) }
            { act(Key::Redo, "↷", s.redo.is_empty(), redo) }
            { act(Key::Duplicate, "⊞", nothing, dup) }
            { act(Key::Delete, "✕", nothing, del) }
            <span class="sep" aria-hidden="true"></span>
            { act(Key::ZoomIn, "＋", false, zoom(0.8)) }
            { act(Key::ZoomOut, "－", false, zoom(1.25)) }
            { act(Key::FitToWindow, "⤢", false, fit) }
            <button type="button" class="tool" aria-pressed={s.snap.to_string()} title={t(lang, Key::Snap)} aria-label={t(lang, Key::Snap)} onclick={snap_toggle}>
                <span aria-hidden="true" class="icon">{ "#" }</span><span class="tool-label">{ t(lang, Key::Snap) }</span>
            </button>
            <TraceControls />
        </div>
    }
}

/// Loading a picture to trace, its opacity and its scale.
#[component]
pub fn TraceControls() -> Html {
    let app = use_session();
    let lang = app.lang();
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let onchange = {
        let app = app.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let Some(file) = crate::ui::files::picked_file(&e) else {
                return;
            };
            let mime = file.raw_mime_type();
            if mime != "image/png" && mime != "image/jpeg" {
                app.notify(crate::ui::state::Notice::BadPicture);
                return;
            }
            let app = app.clone();
            let task = gloo::file::callbacks::read_as_data_url(&file, move |r| match r {
                Ok(url) => load_picture(app, url),
                Err(_) => app.notify(crate::ui::state::Notice::BadPicture),
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let trace = app.state().trace.clone();
    let controls = trace.map(|tr| {
        let oninput = {
            let app = app.clone();
            let tr = tr.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    let o = el.value().parse::<f64>().unwrap_or(50.0) / 100.0;
                    app.set_trace(Some(Trace { opacity: o.clamp(0.0, 1.0), ..tr.clone() }));
                }
            })
        };
        let calibrate = { let app = app.clone(); Callback::from(move |_: MouseEvent| app.set_tool(Tool::Calibrate)) };
        let remove = { let app = app.clone(); Callback::from(move |_: MouseEvent| app.set_trace(None)) };
        html! {
            <>
                <label class="opacity">{ t(lang, Key::PictureOpacity) }
                    <input type="range" min="0" max="100" value={format!("{:.0}", tr.opacity * 100.0)} {oninput} />
                </label>
                <button type="button" class="tool" onclick={calibrate}>{ t(lang, Key::Calibrate) }</button>
                <button type="button" class="tool" onclick={remove}>{ t(lang, Key::RemovePicture) }</button>
            </>
        }
    });
    html! {
        <>
            <label class="tool file-tool">
                <span aria-hidden="true" class="icon">{ "▣" }</span><span class="tool-label">{ t(lang, Key::TracePicture) }</span>
                <input type="file" accept="image/png,image/jpeg" class="visually-hidden" {onchange} />
            </label>
            { for controls }
        </>
    }
}

/// Measures a picture and shows it at 0.1 m per pixel until calibrated.
pub(super) fn load_picture(app: Session, url: String) {
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        app.notify(crate::ui::state::Notice::BadPicture);
        return;
    };
    let img2 = img.clone();
    let src = url.clone();
    let app2 = app.clone();
    gloo::events::EventListener::once(&img, "load", move |_| {
        let (w, h) = (
            f64::from(img2.natural_width()),
            f64::from(img2.natural_height()),
        );
        if w > 0.0 && h > 0.0 {
            app.set_trace(Some(Trace {
                url: url.clone().into(),
                width_px: w,
                height_px: h,
                m_per_px: 0.1,
                opacity: 0.5,
            }));
        } else {
            app.notify(crate::ui::state::Notice::BadPicture);
        }
    })
    .forget();
    gloo::events::EventListener::once(&img, "error", move |_| {
        app2.notify(crate::ui::state::Notice::BadPicture)
    })
    .forget();
    img.set_src(&src);
}
