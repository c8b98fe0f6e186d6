//! The engine's Web Worker (see `renovation_planner::worker`); index.html builds it with
//! trunk as a worker next to the app, and the app starts it after its first paint.

#![forbid(unsafe_code)]

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo::worker::Registrable;
        console_error_panic_hook::set_once();
        renovation_planner::worker::Engine::registrar()
            .encoding::<renovation_planner::worker::Json>()
            .register();
    }
}
