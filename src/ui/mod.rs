//! The Yew user interface: thin function components over one app state (`state.rs`), with
//! storage and other effects at the edge.

pub mod annual;
pub mod app;
pub mod compare;
pub mod editor;
pub mod engine;
pub mod fields;
pub mod files;
pub mod i18n;
pub mod my_share;
pub mod palette;
pub mod panic;
pub mod projects;
pub mod properties;
pub mod report;
pub mod residents;
pub mod scenarios;
pub mod state;
pub mod storage;
pub mod summary;

/// Installs the panic hook and mounts the app on `<div id="app">` (or the body).
pub fn start() {
    panic::install();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(el) => {
            yew::Renderer::<app::App>::with_root(el).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
