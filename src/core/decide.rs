//! The decision engine over a plan: priorities, the optimised selection, the cost-benefit
//! frontier, the annual plan and the cost risk of a scenario, each from the plan's settings.
//! The command line and the interface call these.

use super::catalog::Catalog;
use super::costing::{building_of, cost_report, CostError, CostReport};
use super::funding::allocate;
use super::ids::PlacementId;
use super::money::Money;
use super::optimise::{FrontierPoint, FrontierRun, Limits};
use super::phasing::{annual_plan, AnnualPlan, Job, PhasingProblem};
use super::plan::{Plan, Scenario};
use super::priority::{score, Priorities};
use super::risk::{simulate, RiskResult};
use super::select::{build, select, SelectionReport};
use super::settings::SelectionSettings;

/// Costs and priorities of a scenario: what every decision starts from.
#[derive(Debug, Clone, PartialEq)]
pub struct Basis {
    /// The catalog in use.
    pub catalog: Catalog,
    /// Costs of every placement.
    pub costs: CostReport,
    /// Priorities of every placement.
    pub priorities: Priorities,
}

/// Costs and priorities of `scenario`.
pub fn basis(plan: &Plan, scenario: &Scenario) -> Result<Basis, CostError> {
    let catalog = Catalog::with_edits(&plan.catalog);
    let costs = cost_report(&plan.community, &catalog, &plan.costs, &scenario.items)?;
    let priorities = score(plan, &catalog, scenario, &costs);
    Ok(Basis {
        catalog,
        costs,
        priorities,
    })
}

/// The optimised selection of `scenario` under `settings`.
pub fn optimise(
    plan: &Plan,
    scenario: &Scenario,
    b: &Basis,
    settings: &SelectionSettings,
) -> SelectionReport {
    select(
        plan,
        &b.catalog,
        scenario,
        &b.costs,
        &b.priorities,
        settings,
    )
}

/// One point of the frontier in the units people read.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Frontier {
    /// Budget.
    pub budget: Money,
    /// Best total priority points within it (`None`: infeasible).
    pub priority: Option<f64>,
    /// Cost of that selection.
    pub cost: Money,
    /// Proven optimal.
    pub optimal: bool,
}

/// The best total priority for every budget from 0 to the cost of everything, every `step`.
pub fn frontier(plan: &Plan, scenario: &Scenario, b: &Basis, step: Money) -> Vec<Frontier> {
    frontier_run(plan, scenario, b, step, plan.selection.max_nodes)
        .map(frontier_point)
        .collect()
}

/// The frontier of [`frontier`] one budget at a time (for progress and cancelling), each
/// point's search limited to `max_nodes`.
pub fn frontier_run(
    plan: &Plan,
    scenario: &Scenario,
    b: &Basis,
    step: Money,
    max_nodes: u64,
) -> FrontierRun {
    let settings = plan.selection;
    let built = build(
        &b.catalog,
        plan,
        scenario,
        &b.costs,
        &b.priorities,
        &settings,
        plan.priority.class_rule,
    );
    FrontierRun::new(&built.problem, step.fen().max(1), Limits::nodes(max_nodes))
}

/// A frontier point in the units people read.
pub fn frontier_point(p: FrontierPoint) -> Frontier {
    Frontier {
        budget: Money(p.budget),
        priority: p.value.map(|v| v as f64 / 100.0),
        cost: Money(p.cost),
        optimal: p.optimal,
    }
}

/// The phasing problem of the `selected` placements of `scenario`.
pub fn phasing_problem(
    plan: &Plan,
    scenario: &Scenario,
    b: &Basis,
    selected: &[PlacementId],
) -> PhasingProblem {
    let items: Vec<_> = scenario
        .items
        .iter()
        .filter(|p| selected.contains(&p.id))
        .cloned()
        .collect();
    // Funding of just the selected items, for the per-source limits.
    let sub_costs = CostReport {
        lines: b
            .costs
            .lines
            .iter()
            .filter(|l| selected.contains(&l.placement))
            .cloned()
            .collect(),
        ..b.costs.clone()
    };
    let funding = allocate(
        &plan.community,
        &b.catalog,
        &plan.funding,
        &items,
        &sub_costs,
    );
    let jobs: Vec<Job> = items
        .iter()
        .map(|p| {
            let line = sub_costs.lines.iter().find(|l| l.placement == p.id);
            let mut by_source = [0i64; 8];
            if let Some(f) = funding.lines.iter().find(|l| l.placement == p.id) {
                for &(s, m) in &f.parts {
                    by_source[s.index()] += m.fen();
                }
            }
            Job {
                placement: p.id,
                cost: line.map_or(0, |l| l.total.likely.fen()),
                by_source,
                priority: b
                    .priorities
                    .items
                    .iter()
                    .find(|s| s.placement == p.id)
                    .map_or(0, |s| s.value),
                class: line.map_or(3, |l| l.class as u8),
                building: building_of(&plan.community, p.target).map(|b| b.0),
                bundle: p.bundle.clone(),
                pin: p
                    .year
                    .map(|y| i32::from(y) - i32::from(plan.phasing.start_year)),
            }
        })
        .collect();
    // Dependencies and the class rule among the selected items: reuse the selection builder.
    let sub = Scenario {
        items: items.clone(),
        ..scenario.clone()
    };
    let built = build(
        &b.catalog,
        plan,
        &sub,
        &sub_costs,
        &b.priorities,
        &plan.selection,
        plan.priority.class_rule,
    );
    let years = plan
        .phasing
        .years
        .iter()
        .map(|y| {
            let mut src = [None; 8];
            for (s, m) in &y.by_source {
                src[s.index()] = Some(m.fen());
            }
            (y.budget.fen(), src)
        })
        .collect();
    PhasingProblem {
        jobs,
        before: built.problem.requires,
        years,
        cap: plan.phasing.max_works_per_building,
    }
}

/// The annual plan of the `selected` placements.
pub fn phase(plan: &Plan, scenario: &Scenario, b: &Basis, selected: &[PlacementId]) -> AnnualPlan {
    annual_plan(
        &phasing_problem(plan, scenario, b, selected),
        plan.phasing.start_year,
    )
}

/// The cost risk of the `selected` placements against `budget` (zero: none).
pub fn risk(plan: &Plan, b: &Basis, selected: &[PlacementId], budget: Money) -> RiskResult {
    let items: Vec<_> = b
        .costs
        .lines
        .iter()
        .filter(|l| selected.contains(&l.placement))
        .map(|l| (l.total.low, l.total.likely, l.total.high))
        .collect();
    simulate(&items, budget, &plan.risk)
}
