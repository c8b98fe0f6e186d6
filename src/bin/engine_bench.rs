//! The decision engine compiled to WebAssembly for `scripts/bench`: exports that time the exact
//! selection, the frontier and the Monte Carlo risk inside the browser, so they can be compared
//! with JavaScript solvers in the same page. Not part of the app.
#![forbid(unsafe_code)]

use renovation_planner::core::money::Money;
use renovation_planner::core::optimise::{frontier, solve, Limits, Problem};
use renovation_planner::core::risk::{simulate, Distribution, RiskSettings};
use wasm_bindgen::prelude::*;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Runs `f` `reps` times; returns the last result and the mean milliseconds per run (timed
/// as one batch, since the browser's clock is coarse).
fn timed<T>(reps: u32, mut f: impl FnMut() -> T) -> (Option<T>, Vec<f64>) {
    let mut last = None;
    let t0 = now();
    for _ in 0..reps.max(1) {
        last = Some(f());
    }
    (last, vec![(now() - t0) / f64::from(reps.max(1))])
}

/// Solves a problem given as JSON `reps` times; returns JSON with the solution and the times.
#[wasm_bindgen]
pub fn bench_solve(problem_json: &str, reps: u32) -> String {
    let p: Problem = match serde_json::from_str(problem_json) {
        Ok(p) => p,
        Err(e) => return format!("{{\"error\": {:?}}}", e.to_string()),
    };
    let (s, times) = timed(reps, || solve(&p, Limits::default(), None));
    let s = s.expect("at least one run");
    let chosen: Vec<usize> = (0..s.chosen.len()).filter(|&i| s.chosen[i]).collect();
    serde_json::json!({
        "value": s.value, "cost": s.cost, "status": s.status, "nodes": s.nodes,
        "upper_bound": s.upper_bound, "chosen": chosen, "times_ms": times,
    })
    .to_string()
}

/// The hard-shape instance `n`, `seed` of [`renovation_planner::core::instances::hard`] as
/// JSON (the benchmark hands the same problem to every solver).
#[wasm_bindgen]
pub fn hard_instance(n: u32, seed: u32) -> String {
    let p = renovation_planner::core::instances::hard(n as usize, u64::from(seed));
    serde_json::to_string(&p).unwrap_or_default()
}

/// The frontier of a problem in `steps` equal budget steps, timed.
#[wasm_bindgen]
pub fn bench_frontier(problem_json: &str, steps: u32, reps: u32) -> String {
    let p: Problem = match serde_json::from_str(problem_json) {
        Ok(p) => p,
        Err(e) => return format!("{{\"error\": {:?}}}", e.to_string()),
    };
    let total: i64 = p.items.iter().map(|i| i.cost).sum();
    let step = (total / i64::from(steps.max(1))).max(1);
    let (f, times) = timed(reps, || frontier(&p, step, Limits::default()));
    let values: Vec<Option<i64>> = f.unwrap_or_default().iter().map(|x| x.value).collect();
    serde_json::json!({ "step": step, "values": values, "times_ms": times }).to_string()
}

/// Monte Carlo over `n` items (low, likely, high given as a flat JSON array of yuan), timed.
#[wasm_bindgen]
pub fn bench_risk(items_json: &str, samples: u32, pert: bool, reps: u32) -> String {
    let flat: Vec<f64> = serde_json::from_str(items_json).unwrap_or_default();
    let items: Vec<(Money, Money, Money)> = flat
        .chunks_exact(3)
        .map(|c| {
            let m = |y: f64| Money::from_yuan_f64(y).unwrap_or(Money::ZERO);
            (m(c[0]), m(c[1]), m(c[2]))
        })
        .collect();
    let s = RiskSettings {
        distribution: if pert {
            Distribution::Pert
        } else {
            Distribution::Triangular
        },
        samples,
        seed: 2021,
    };
    let (r, times) = timed(reps, || simulate(&items, Money::ZERO, &s));
    let r = r.expect("at least one run");
    serde_json::json!({
        "p50": r.p50.as_yuan_f64(), "p80": r.p80.as_yuan_f64(), "p95": r.p95.as_yuan_f64(),
        "mean": r.mean.as_yuan_f64(), "times_ms": times,
    })
    .to_string()
}

/// The value-for-money chart of `items` (a flat JSON array of cost, priority, chosen 0/1) with
/// a frontier, as SVG text (the app's own chart code).
#[wasm_bindgen]
pub fn chart_svg(items_json: &str) -> String {
    use renovation_planner::charts::value_for_money::{render, ValueForMoney};
    let flat: Vec<f64> = serde_json::from_str(items_json).unwrap_or_default();
    let items: Vec<(f64, f64, bool)> = flat
        .chunks_exact(3)
        .map(|c| (c[0], c[1], c[2] > 0.5))
        .collect();
    let mut by_ratio: Vec<&(f64, f64, bool)> = items.iter().collect();
    by_ratio.sort_by(|a, b| (b.1 / b.0.max(1.0)).total_cmp(&(a.1 / a.0.max(1.0))));
    let mut frontier = vec![(0.0, 0.0)];
    let (mut c, mut v) = (0.0, 0.0);
    for (k, it) in by_ratio.iter().enumerate() {
        c += it.0;
        v += it.1;
        if k % 20 == 19 {
            frontier.push((c, v));
        }
    }
    let fmt = |x: f64| format!("¥{:.0}万", x / 10_000.0);
    render(
        &ValueForMoney {
            title: "性价比:优先级与费用",
            axes: ("费用", "优先级"),
            items: &items,
            frontier: &frontier,
            frontier_axis: Some("右轴:优先级合计"),
            budget: Some(c / 2.0),
            fmt: &fmt,
            legend: ["项目", "入选项目", "各预算下的最优", "预算"],
        },
        (800, 480),
    )
}

fn main() {}
