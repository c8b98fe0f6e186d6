//! The Yew user interface: thin function components over one app state (`state.rs`), with
//! storage and other effects at the edge.

pub mod app;
pub mod components;
pub mod computed;
pub mod editor;
pub mod engine;
pub mod files;
pub mod i18n;
pub mod labels;
pub mod panic;
pub mod session;
pub mod state;
pub mod storage;
pub mod views;

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
