//! The pure domain and engine: plain Rust and serde, no browser. Every number the user sees is
//! computed here and tested natively (`cargo test`).

pub mod badges;
pub mod catalog;
pub mod command;
pub mod compare;
pub mod consent;
pub mod costing;
pub mod csv;
pub mod decide;
pub mod elevator_share;
pub mod error;
pub mod evaluate;
pub mod explain;
pub mod extras;
pub mod format;
pub mod funding;
pub mod geometry;
pub mod instances;
pub mod jobs;
pub mod model;
pub mod money;
pub mod optimise;
pub mod phasing;
pub mod plan_file;
pub mod priority;
pub mod risk;
pub mod select;
pub mod share;
pub mod sort;
pub mod store;
pub mod takeoff;
pub mod validate;
pub mod yardstick;

/// The demo community shipped with the app (`static/demo.json`), the plan shown whenever
/// there is no saved work; the tests load the same file.
pub const DEMO_JSON: &str = include_str!("../../static/demo.json");

/// The demo plan, for the core's unit tests.
#[cfg(test)]
pub(crate) fn demo() -> model::Plan {
    plan_file::load_str(DEMO_JSON)
        .unwrap_or_else(|e| panic!("the demo plan is invalid: {:?}", e.errors))
        .plan
}
