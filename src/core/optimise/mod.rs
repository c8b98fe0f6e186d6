//! Exact selection under a budget: the set of candidates with the highest total priority whose
//! cost fits the budget, honouring must-do and must-not items, dependencies (A requires B),
//! mutually exclusive variants, and a minimum spend per class.
//!
//! Three exact methods, chosen by the shape of the problem ([`solve`]):
//! - small components (a building's items, an elevator's variants) are solved together as a
//!   multiple-choice knapsack by dynamic programming ([`mckp`]);
//! - otherwise a short combinatorial search (below) runs first and answers when it proves
//!   its selection optimal within a few thousand nodes;
//! - if it does not (dependencies and variants that join most items into one component make
//!   its bound weak), branch and bound on the full LP relaxation ([`bb`], solved by the dual
//!   simplex of [`lp`]) takes over, with closure presolve and reduced-cost fixing.
//!
//! The combinatorial search is depth-first branch and bound (Horowitz–Sahni) over the
//! candidates in order of value per yuan, with
//! - propagation: choosing an item chooses everything it requires and drops its exclusive
//!   siblings; dropping an item drops everything that requires it (all undone on backtrack);
//! - the Dantzig bound (the fractional knapsack over the still-open items, which relaxes the
//!   dependencies and exclusions, so it never under-estimates), computed in O(log n) from
//!   Fenwick trees over that order;
//! - a check that every class minimum can still be met.
//!
//! Values and costs are integers, so the answer is exact. With a node limit the search may stop
//! early; it then returns its best selection and a proven upper bound on the optimum.

use serde::{Deserialize, Serialize};

mod bb;
mod fenwick;
pub mod lp;
pub mod mckp;
mod problem;
mod search;

pub use problem::{violation, Candidate, Limits, Must, Problem, Solution, Status};
use search::{dfs, unreachable_dfs};

/// Solves `p` exactly, or to the node limit. `start` is a known feasible selection to begin
/// from (it only speeds the search; a wrong one is ignored).
///
/// Small components (a building's items, an elevator's variants) are solved as a multiple-
/// choice knapsack ([`mckp`]); problems whose dependencies and variants join items into large
/// components by branch and bound on the LP relaxation ([`bb`]), which starts from a short
/// combinatorial search ([`solve_dfs`]) and returns its answer when that already proves it.
pub fn solve(p: &Problem, limits: Limits, start: Option<&[bool]>) -> Solution {
    match dfs(p, limits, start, true) {
        Ok(s) => s,
        Err(()) => bb::solve(p, limits, start),
    }
}

/// The combinatorial search alone (depth-first with the Dantzig bound over Lagrangian
/// values), to the node limit.
pub fn solve_dfs(p: &Problem, limits: Limits, start: Option<&[bool]>) -> Solution {
    match dfs(p, limits, start, false) {
        Ok(s) => s,
        Err(()) => unreachable_dfs(p),
    }
}

/// One point of the cost-benefit frontier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrontierPoint {
    /// The budget.
    pub budget: i64,
    /// The best value within it (`None` when nothing is feasible, e.g. under the must-dos).
    pub value: Option<i64>,
    /// What that selection costs.
    pub cost: i64,
    /// Proven optimal at this budget.
    pub optimal: bool,
}

/// The best value for every budget from 0 to the cost of everything, in steps of `step`
/// (the last point is the full cost). Each solve starts from the previous selection, which
/// stays feasible as the budget grows.
pub fn frontier(p: &Problem, step: i64, limits: Limits) -> Vec<FrontierPoint> {
    FrontierRun::new(p, step, limits).collect()
}

/// The frontier one budget at a time (what [`frontier`] collects), so that a caller can show
/// progress and stop between points: each point warm-starts from its neighbour's selection.
#[derive(Debug, Clone)]
pub struct FrontierRun {
    q: Problem,
    budgets: Vec<i64>,
    next: usize,
    prev: Option<Vec<bool>>,
    limits: Limits,
}

impl FrontierRun {
    /// The run over budgets 0, `step`, 2 `step` ... and the full cost.
    pub fn new(p: &Problem, step: i64, limits: Limits) -> Self {
        let total: i64 = p.items.iter().map(|i| i.cost.max(0)).sum();
        let step = step.max(1);
        let mut budgets: Vec<i64> = (0..).map(|k| k * step).take_while(|&b| b < total).collect();
        budgets.push(total);
        FrontierRun {
            q: p.clone(),
            budgets,
            next: 0,
            prev: None,
            limits,
        }
    }

    /// How many points the run has.
    pub fn len(&self) -> usize {
        self.budgets.len()
    }

    /// True when it has none (never: the full cost is always a point).
    pub fn is_empty(&self) -> bool {
        self.budgets.is_empty()
    }

    /// How many points are done.
    pub fn done(&self) -> usize {
        self.next
    }
}

impl Iterator for FrontierRun {
    type Item = FrontierPoint;

    fn next(&mut self) -> Option<FrontierPoint> {
        let b = *self.budgets.get(self.next)?;
        self.next += 1;
        self.q.budget = b;
        let s = solve(&self.q, self.limits, self.prev.as_deref());
        if s.status != Status::Infeasible {
            self.prev = Some(s.chosen.clone());
        }
        Some(FrontierPoint {
            budget: b,
            value: (s.status != Status::Infeasible).then_some(s.value),
            cost: s.cost,
            optimal: s.status == Status::Optimal,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::fenwick::Fenwick;
    use super::*;

    fn item(cost: i64, value: i64) -> Candidate {
        Candidate {
            cost,
            value,
            class: 1,
            must: Must::Free,
        }
    }

    #[test]
    fn classic_knapsack() {
        // Values 60/100/120, weights 10/20/30, capacity 50: best is items 1 and 2 (220).
        let p = Problem {
            items: vec![item(10, 60), item(20, 100), item(30, 120)],
            budget: 50,
            ..Problem::default()
        };
        let s = solve(&p, Limits::default(), None);
        assert_eq!(s.status, Status::Optimal);
        assert_eq!(s.value, 220);
        assert_eq!(s.chosen, vec![false, true, true]);
        assert_eq!(s.cost, 50);
    }

    #[test]
    fn dependencies_exclusions_and_musts() {
        // 0 requires 1; 2 and 3 are exclusive variants; 4 must be done.
        let p = Problem {
            items: vec![
                item(10, 100),
                item(30, 1),
                item(20, 50),
                item(20, 60),
                item(5, 0),
            ],
            budget: 60,
            requires: vec![(0, 1)],
            exclusive: vec![vec![2, 3]],
            ..Problem::default()
        };
        let mut p = p;
        p.items[4].must = Must::Do;
        let s = solve(&p, Limits::default(), None);
        assert!(violation(&p, &s.chosen).is_none());
        // 0+1 (40) + 4 (5) = 45, then 3 (20) would be 65 > 60: compare 0+1+4 = 101 with
        // 3+2?(exclusive) → 3+4 = 60 ... best: 0,1,4 + nothing else = 101? or 3 + 2 no.
        // 0,1,4 cost 45 value 101; 3,4 cost 25 value 60; 0,1,4 + none fits (15 left). So 101.
        assert_eq!(s.value, 101);
        assert!(s.chosen[0] && s.chosen[1] && s.chosen[4]);
    }

    #[test]
    fn class_minimum_forces_spending() {
        let mut p = Problem {
            items: vec![item(10, 100), item(10, 90), item(10, 1)],
            budget: 20,
            ..Problem::default()
        };
        p.items[2].class = 3;
        p.class_min[3] = 10;
        let s = solve(&p, Limits::default(), None);
        assert_eq!(s.value, 101);
        assert!(s.chosen[2]);
    }

    #[test]
    fn infeasible_musts_are_reported() {
        let mut p = Problem {
            items: vec![item(100, 1)],
            budget: 50,
            ..Problem::default()
        };
        p.items[0].must = Must::Do;
        assert_eq!(
            solve(&p, Limits::default(), None).status,
            Status::Infeasible
        );
    }

    #[test]
    fn stopping_early_reports_a_proven_bound() {
        // Many similar items: a tiny node limit stops the search.
        let items: Vec<Candidate> = (0..40)
            .map(|i| item(100 + (i * 37) % 23, 100 + (i * 53) % 29))
            .collect();
        let p = Problem {
            items,
            budget: 1_500,
            ..Problem::default()
        };
        let full = solve(&p, Limits::default(), None);
        assert_eq!(full.status, Status::Optimal);
        let early = solve(&p, Limits::nodes(3), None);
        assert!(early.upper_bound >= full.value);
        assert!(early.value <= full.value);
        if early.status == Status::Stopped {
            assert!(early.gap_permille() > 0);
        }
    }

    #[test]
    fn fenwick_prefix_search() {
        let mut f = Fenwick::new(5);
        for (i, v) in [3, 0, 4, 2, 5].iter().enumerate() {
            f.add(i, *v);
        }
        assert_eq!(f.prefix(3), 7);
        assert_eq!(f.max_prefix_within(6), 2);
        assert_eq!(f.max_prefix_within(7), 3);
        assert_eq!(f.max_prefix_within(100), 5);
        assert_eq!(f.max_prefix_within(2), 0);
    }

    #[test]
    fn frontier_is_monotone_and_ends_at_everything() {
        let p = Problem {
            items: vec![item(10, 60), item(20, 100), item(30, 120)],
            ..Problem::default()
        };
        let f = frontier(&p, 10, Limits::default());
        let values: Vec<i64> = f.iter().map(|x| x.value.unwrap_or(-1)).collect();
        assert_eq!(values, vec![0, 60, 100, 160, 180, 220, 280]);
        assert_eq!(f.last().map(|x| x.budget), Some(60));
    }
}
