//! The Yew user interface: thin function components over one app state.

/// Starts the app in the page's `<main id="app">` (placeholder until the UI lands).
pub fn start() {}
