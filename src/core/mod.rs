//! The pure domain and engine: plain Rust and serde, no browser. Every number the user sees is
//! computed here and tested natively (`cargo test`).
//!
//! The modules stand in layers ([`LAYERS`], lowest first): a module uses modules of its own
//! layer or of lower ones, never of a higher one, and no two modules use each other, directly
//! or through others. `cargo test --test import_circles` checks both.

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
pub mod funding_source;
pub mod geometry;
pub mod ids;
pub mod instances;
pub mod jobs;
pub mod lang;
pub mod money;
pub mod optimise;
pub mod phasing;
pub mod plan;
pub mod plan_file;
pub mod priority;
pub mod risk;
pub mod select;
pub mod settings;
pub mod share;
pub mod site;
pub mod sort;
pub mod store;
pub mod takeoff;
pub mod validate;
pub mod yardstick;

/// The core's layers, lowest first: (what the layer holds, its modules). A module imports
/// only from its own layer (without circles) or lower ones; a new module is added to the layer
/// of what it is, and `tests/import_circles.rs` fails on a module missing here or on an import
/// that climbs.
pub const LAYERS: &[(&str, &[&str])] = &[
    (
        "foundations: money, ids, languages, funding sources, geometry, sorting",
        &[
            "money",
            "sort",
            "geometry",
            "ids",
            "lang",
            "funding_source",
            "extras",
        ],
    ),
    (
        "solvers: plain maths on numbers (selection, risk, layout of badges)",
        &["optimise", "risk", "yardstick", "badges", "instances"],
    ),
    (
        "the site and the catalog, and how their numbers and errors are written",
        &["site", "catalog", "format", "error"],
    ),
    ("the plan and what the user set", &["settings", "plan"]),
    (
        "engines: quantities, costs, consent, funding, priority, selection, phasing",
        &[
            "takeoff",
            "costing",
            "consent",
            "elevator_share",
            "funding",
            "priority",
            "select",
            "phasing",
        ],
    ),
    (
        "files: checking, reading and writing plans, links, surveys",
        &["validate", "plan_file", "share", "store", "csv"],
    ),
    (
        "the whole plan: evaluation, comparison, explanations, decisions, jobs, edits",
        &[
            "evaluate", "compare", "explain", "decide", "jobs", "command",
        ],
    ),
];

/// The demo community shipped with the app (`static/demo.json`), the plan shown whenever
/// there is no saved work; the tests load the same file.
pub const DEMO_JSON: &str = include_str!("../../static/demo.json");

/// The demo plan, for the core's unit tests.
#[cfg(test)]
pub(crate) fn demo() -> plan::Plan {
    plan_file::load_str(DEMO_JSON)
        .unwrap_or_else(|e| panic!("the demo plan is invalid: {:?}", e.errors))
        .plan
}
