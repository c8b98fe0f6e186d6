//! The web app's entry point: installs the panic hook and mounts the app.

#![forbid(unsafe_code)]

fn main() {
    renovation_planner::ui::start();
}
