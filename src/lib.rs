//! Renovation Planner (老旧小区改造规划): plan the renovation of an old residential community.
//!
//! - [`core`]: the pure domain and engine (plain Rust + serde). Every number the user sees is
//!   computed here and tested natively.
//! - [`charts`]: plotters charts, data in, SVG out.
//! - [`ui`]: thin Yew function components over one app state.
//! - [`worker`]: the engine's Web Worker (the long computations, off the page's thread).

#![forbid(unsafe_code)]

pub mod charts;
pub mod core;
pub mod ui;
pub mod worker;
