//! The selection problem and its answer, shared by the three exact methods: the candidates
//! (cost, value, must, dependencies, variant group, class), the budget and class minimums,
//! the search limits, and the check that a selection honours every constraint.

use serde::{Deserialize, Serialize};

/// Whether the user forces a candidate in or out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Must {
    /// The optimiser decides.
    #[default]
    Free,
    /// Must be selected.
    Do,
    /// Must not be selected.
    Not,
}

/// One candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// Cost (any integer unit, e.g. fen), ≥ 0.
    pub cost: i64,
    /// Value (e.g. priority in hundredths of a point), ≥ 0.
    pub value: i64,
    /// Class index 0..4 (safety, basic, improvement, upgrade), for class minimums.
    pub class: u8,
    /// Forced in or out.
    pub must: Must,
}

/// A selection problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Problem {
    /// The candidates.
    pub items: Vec<Candidate>,
    /// The budget, in the unit of the costs.
    pub budget: i64,
    /// `(a, b)`: selecting `a` requires selecting `b` (indices into `items`).
    pub requires: Vec<(u32, u32)>,
    /// Groups of mutually exclusive candidates: at most one of each group.
    pub exclusive: Vec<Vec<u32>>,
    /// Minimum total cost of the selected candidates of each class.
    pub class_min: [i64; 4],
}

/// How good the answer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Proven optimal.
    Optimal,
    /// Stopped at the node limit: the best found, with the proven upper bound in
    /// [`Solution::upper_bound`].
    Stopped,
    /// No selection satisfies the constraints (e.g. must-do items over budget).
    Infeasible,
}

/// The result of a solve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Solution {
    /// Selected or not, per candidate.
    pub chosen: Vec<bool>,
    /// Total value selected.
    pub value: i64,
    /// Total cost selected.
    pub cost: i64,
    /// Optimal, stopped or infeasible.
    pub status: Status,
    /// A proven upper bound on the optimal value (equal to `value` when optimal).
    pub upper_bound: i64,
    /// Search nodes visited.
    pub nodes: u64,
}

impl Solution {
    /// The proven optimality gap in per mille of the upper bound (0 when optimal).
    pub fn gap_permille(&self) -> u64 {
        if self.upper_bound <= 0 || self.upper_bound <= self.value {
            0
        } else {
            ((self.upper_bound - self.value) as u128 * 1000 / self.upper_bound as u128) as u64
        }
    }
}

/// Search limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// Stop after this many search nodes (deterministic, unlike a clock).
    pub max_nodes: u64,
    /// Solve by components (multiple-choice knapsack) when they are small enough; otherwise,
    /// or when false, by items.
    pub by_components: bool,
}

impl Limits {
    /// A node limit, solving by components where possible.
    pub const fn nodes(max_nodes: u64) -> Self {
        Limits {
            max_nodes,
            by_components: true,
        }
    }
}

impl Default for Limits {
    /// Two million nodes: well under a second for a community-sized problem.
    fn default() -> Self {
        Limits::nodes(2_000_000)
    }
}

/// Checks a selection against every constraint of `p`; `None` when feasible, else what is
/// violated first.
pub fn violation(p: &Problem, chosen: &[bool]) -> Option<String> {
    if chosen.len() != p.items.len() {
        return Some("wrong length".into());
    }
    let (_, cost) = totals(p, chosen);
    if cost > p.budget {
        return Some(format!("cost {cost} over budget {}", p.budget));
    }
    for (i, (item, &c)) in p.items.iter().zip(chosen).enumerate() {
        match item.must {
            Must::Do if !c => return Some(format!("must-do {i} not chosen")),
            Must::Not if c => return Some(format!("must-not {i} chosen")),
            _ => {}
        }
    }
    for &(a, b) in &p.requires {
        if chosen[a as usize] && !chosen[b as usize] {
            return Some(format!("{a} chosen without {b}"));
        }
    }
    for g in &p.exclusive {
        if g.iter().filter(|&&m| chosen[m as usize]).count() > 1 {
            return Some(format!("exclusive group {g:?} has more than one"));
        }
    }
    for c in 0..4u8 {
        let spent: i64 = p
            .items
            .iter()
            .zip(chosen)
            .filter(|(i, &ch)| ch && i.class == c)
            .map(|(i, _)| i.cost)
            .sum();
        if spent < p.class_min[usize::from(c)] {
            return Some(format!(
                "class {c} spends {spent} < {}",
                p.class_min[usize::from(c)]
            ));
        }
    }
    None
}

/// Can every class minimum still be met, with `spent` per class so far, at most `open` per
/// class still to come and `cost` spent in all (ignoring dependencies)?
pub(super) fn classes_reachable(p: &Problem, spent: &[i64; 4], open: &[i64; 4], cost: i64) -> bool {
    let mut need = 0;
    for c in 0..4 {
        let short = p.class_min[c] - spent[c];
        if short > 0 {
            if short > open[c] {
                return false;
            }
            need += short;
        }
    }
    need <= p.budget - cost
}

/// Total value and cost of a selection.
pub(super) fn totals(p: &Problem, chosen: &[bool]) -> (i64, i64) {
    p.items
        .iter()
        .zip(chosen)
        .filter(|(_, &c)| c)
        .fold((0, 0), |(v, c), (i, _)| (v + i.value, c + i.cost))
}
