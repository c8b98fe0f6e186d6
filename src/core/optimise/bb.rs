//! Branch and bound on the linear-programming relaxation, for selections whose dependencies
//! and exclusive variants join many items into one component (where the combinatorial
//! bound of [`super::solve_dfs`] is too weak: it relaxes the variants, and the relaxation of
//! an exclusive group alone can be worth 10 % of the plan).
//!
//! The relaxation is the full LP: the budget, every exclusive group (at most one of it), the
//! class minimums, and the dependencies `x_a ≤ x_b`, added as rows only when the relaxation
//! violates them (most are never tight). It is solved by the dual simplex of [`super::lp`],
//! warm from the previous node's basis; a node stops as soon as its bound cannot beat the
//! best selection.
//!
//! Before the search, items whose requirements hold two variants of one exclusive group are
//! removed (they can never be chosen, yet the relaxation takes them at ½ with half of each
//! variant), a first selection is made greedily and from the rounded relaxation, and at every
//! node reduced-cost fixing removes each item whose other value would cost more than the gap
//! between the node's bound and the best selection (the argument of Dantzig, Fulkerson and
//! Johnson, as in Nemhauser and Wolsey, *Integer and Combinatorial Optimization*, 1988,
//! II.4). Fixings propagate through dependencies and groups. The search is depth first,
//! branching on the most fractional item, its rounded value first.
//!
//! Bounds and fixings come from weak duality with the current duals (see [`Lp::bound`]), so
//! they are valid whatever rounding did; the selection's value and feasibility are always
//! checked in exact integers.

use super::lp::{Lp, LpStatus};
use super::problem::{totals, violation, Limits, Must, Problem, Solution, Status};
use super::search::Search;

/// An LP node costs about as much as this many nodes of the combinatorial search, so the
/// node limit of [`Limits`] is divided by it.
pub(super) const LP_NODE_WEIGHT: u64 = 100;

/// Logical implications of fixing one item: what it requires, what requires it, its groups.
struct Links {
    needs: Vec<Vec<u32>>,
    needed_by: Vec<Vec<u32>>,
    groups_of: Vec<Vec<u32>>,
    /// The exclusive groups, members deduplicated and in range.
    groups: Vec<Vec<u32>>,
}

impl Links {
    fn new(p: &Problem) -> Links {
        let n = p.items.len();
        let (mut needs, mut needed_by, mut groups_of) = (
            vec![Vec::new(); n],
            vec![Vec::new(); n],
            vec![Vec::new(); n],
        );
        for &(a, b) in &p.requires {
            if (a as usize) < n && (b as usize) < n && a != b {
                needs[a as usize].push(b);
                needed_by[b as usize].push(a);
            }
        }
        let groups: Vec<Vec<u32>> = p
            .exclusive
            .iter()
            .map(|g| {
                let mut m: Vec<u32> = g.iter().copied().filter(|&m| (m as usize) < n).collect();
                m.sort_unstable();
                m.dedup();
                m
            })
            .collect();
        for (g, members) in groups.iter().enumerate() {
            if members.len() > 1 {
                for &m in members {
                    groups_of[m as usize].push(g as u32);
                }
            }
        }
        Links {
            needs,
            needed_by,
            groups_of,
            groups,
        }
    }

    /// Items whose requirements (followed transitively, the item included) hold two
    /// members of one exclusive group: they can never be chosen. Closures larger than
    /// `cap` are not followed (such items are left to the search).
    fn impossible(&self, cap: usize) -> Vec<bool> {
        let n = self.needs.len();
        let mut out = vec![false; n];
        let mut seen = vec![u32::MAX; n];
        let mut held: Vec<(u32, u32)> = Vec::new();
        let mut stack = Vec::new();
        for (u, out_u) in out.iter_mut().enumerate() {
            stack.clear();
            held.clear();
            stack.push(u as u32);
            seen[u] = u as u32;
            let mut size = 0;
            while let Some(a) = stack.pop() {
                size += 1;
                if size > cap {
                    break;
                }
                held.extend(self.groups_of[a as usize].iter().map(|&g| (g, a)));
                for &b in &self.needs[a as usize] {
                    if seen[b as usize] != u as u32 {
                        seen[b as usize] = u as u32;
                        stack.push(b);
                    }
                }
            }
            if size <= cap {
                held.sort_unstable();
                *out_u = held
                    .windows(2)
                    .any(|w| w[0].0 == w[1].0 && w[0].1 != w[1].1);
            }
        }
        out
    }
}

/// The bounds of every item (−1 free, 0, 1), with an undo trail.
struct Fixings {
    x: Vec<i8>,
    trail: Vec<u32>,
    queue: Vec<(u32, i8)>,
}

impl Fixings {
    /// Fixes `i` to `v` and everything that follows; false on a contradiction.
    fn fix(&mut self, links: &Links, i: u32, v: i8) -> bool {
        self.queue.clear();
        self.queue.push((i, v));
        while let Some((j, v)) = self.queue.pop() {
            let cur = self.x[j as usize];
            if cur == v {
                continue;
            }
            if cur != -1 {
                return false;
            }
            self.x[j as usize] = v;
            self.trail.push(j);
            if v == 1 {
                self.queue
                    .extend(links.needs[j as usize].iter().map(|&b| (b, 1)));
                for &g in &links.groups_of[j as usize] {
                    let others = links.groups[g as usize].iter().filter(|&&s| s != j);
                    self.queue.extend(others.map(|&s| (s, 0)));
                }
            } else {
                self.queue
                    .extend(links.needed_by[j as usize].iter().map(|&a| (a, 0)));
            }
        }
        true
    }
}

/// The LP bounds of an item fixed to `x` (−1: free).
fn bounds(x: i8) -> (f64, f64) {
    match x {
        0 => (0.0, 0.0),
        1 => (1.0, 1.0),
        _ => (0.0, 1.0),
    }
}

/// The search: the problem, the relaxation, the fixings and the best selection.
struct Tree<'a> {
    p: &'a Problem,
    links: Links,
    fx: Fixings,
    lp: Lp,
    /// Dependencies not yet rows of the relaxation.
    pending: Vec<(u32, u32)>,
    best_value: i64,
    best: Option<Vec<bool>>,
    /// Lagrangian reduced costs, scratch.
    red: Vec<f64>,
    max_iter: u64,
    /// How the last solve ended.
    last: LpStatus,
    /// The greedy of [`Tree::round`] with the musts assigned (built once; `None` before the
    /// first rounding, `Some(None)` when the musts contradict each other).
    rounder: Option<Option<Search<'a>>>,
}

impl<'a> Tree<'a> {
    /// The smallest bound still worth searching: a selection must be worth `best + 1`.
    fn cutoff(&self) -> f64 {
        self.best_value as f64 + 1.0 - 1e-6
    }

    /// Takes `chosen` as the best selection if it satisfies every constraint (checked
    /// exactly) and is worth more.
    fn offer(&mut self, chosen: Vec<bool>) {
        if violation(self.p, &chosen).is_none() {
            let (v, _) = totals(self.p, &chosen);
            if v > self.best_value {
                self.best_value = v;
                self.best = Some(chosen);
            }
        }
    }

    /// Selections made greedily (each item with what it needs, by value per yuan) from the
    /// relaxation's whole items, then from those at one half or more; offered as the best.
    fn round(&mut self) {
        let n = self.p.items.len();
        let p = self.p;
        let mut rounder = self.rounder.take().unwrap_or_else(|| {
            let values: Vec<i64> = p.items.iter().map(|i| i.value).collect();
            let mut s = Search::new(p, values);
            let musts = p.items.iter().enumerate().all(|(i, c)| match c.must {
                Must::Do => s.assign(i as u32, 1),
                Must::Not => s.assign(i as u32, 0),
                Must::Free => true,
            });
            musts.then_some(s)
        });
        if let Some(s) = rounder.as_mut() {
            for threshold in [1.0 - 1e-6, 0.5 - 1e-6] {
                let seed: Vec<bool> = (0..n).map(|j| self.lp.value(j) > threshold).collect();
                s.best_value = -1;
                s.greedy_from(&seed);
                if let Some(b) = s.best.take() {
                    self.offer(b.iter().map(|&v| v == 1).collect());
                }
            }
        }
        self.rounder = Some(rounder);
    }

    /// Gives the LP the bounds of the items fixed since trail position `mark`.
    fn apply(&mut self, mark: usize) {
        for k in mark..self.fx.trail.len() {
            let i = self.fx.trail[k] as usize;
            let (l, u) = bounds(self.fx.x[i]);
            self.lp.set_bounds(i, l, u);
        }
    }

    /// Frees the items fixed since trail position `mark`.
    fn undo(&mut self, mark: usize) {
        while self.fx.trail.len() > mark {
            if let Some(i) = self.fx.trail.pop() {
                self.fx.x[i as usize] = -1;
                self.lp.set_bounds(i as usize, 0.0, 1.0);
            }
        }
    }

    /// Solves the relaxation at the current bounds, adding the dependency rows it violates
    /// (the most violated first, 64 a round); the status and a valid bound.
    fn relax(&mut self) -> (LpStatus, f64) {
        loop {
            let st = self.lp.solve(self.cutoff(), self.max_iter);
            self.last = st;
            if st != LpStatus::Optimal {
                return (st, self.lp.bound());
            }
            let lp = &self.lp;
            let mut violated: Vec<(f64, usize)> = self
                .pending
                .iter()
                .enumerate()
                .map(|(k, &(a, b))| (lp.value(a as usize) - lp.value(b as usize), k))
                .filter(|&(v, _)| v > 1e-7)
                .collect();
            if violated.is_empty() {
                return (st, self.lp.bound());
            }
            crate::core::sort::sort_by(&mut violated, &|x, y| {
                y.0.total_cmp(&x.0).then(x.1.cmp(&y.1))
            });
            violated.truncate(64);
            let mut taken: Vec<usize> = violated.iter().map(|&(_, k)| k).collect();
            taken.sort_unstable();
            for &k in taken.iter().rev() {
                let (a, b) = self.pending.swap_remove(k);
                self.lp.add_row(vec![(a, 1.0), (b, -1.0)], 0.0);
            }
        }
    }

    /// Reduced-cost fixing: with the current duals, the bound of the node is
    /// `Σ y b + Σ_j max(red_j x_j)`, so forcing item `j` to its other value lowers it by
    /// `|red_j|`; where that leaves no room to beat the best selection, `j` keeps the value
    /// the bound gives it. `None` on a contradiction (nothing better in this subtree), else
    /// whether an item now fixed (by propagation) stands elsewhere in the relaxation's
    /// solution, which must then be solved again.
    fn fix_by_reduced_costs(&mut self) -> Option<bool> {
        if self.best_value < 0 {
            return Some(false);
        }
        let bound = self.lp.bound_with_reduced(&mut self.red);
        let room = bound - self.cutoff();
        if room < 0.0 {
            return None;
        }
        let mark = self.fx.trail.len();
        for j in 0..self.p.items.len() {
            let r = self.red[j];
            if self.fx.x[j] == -1
                && r.abs() > room
                && !self.fx.fix(&self.links, j as u32, i8::from(r > 0.0))
            {
                return None;
            }
        }
        let moved = self.fx.trail[mark..]
            .iter()
            .any(|&i| (self.lp.value(i as usize) - f64::from(self.fx.x[i as usize])).abs() > 1e-9);
        self.apply(mark);
        Some(moved)
    }

    /// The node at the current fixings: solves the relaxation, fixes by reduced costs (and
    /// solves again while that moves the solution); the status and bound, or `None` when
    /// nothing in this subtree can beat the best selection.
    fn node(&mut self, parent_bound: f64) -> Option<(LpStatus, f64)> {
        loop {
            let (status, bound) = self.relax();
            let bound = bound.min(parent_bound);
            if !matches!(status, LpStatus::Optimal | LpStatus::IterationLimit)
                || bound < self.cutoff()
            {
                return None;
            }
            match self.fix_by_reduced_costs() {
                None => return None,
                Some(true) => continue,
                Some(false) => return Some((status, bound)),
            }
        }
    }

    /// Whether every item stands at 0 or 1 in the relaxation's solution.
    fn integral(&self) -> bool {
        (0..self.p.items.len()).all(|j| {
            let v = self.lp.value(j);
            v.min(1.0 - v).abs() <= 1e-6
        })
    }

    /// Whether the last solve ended optimal (its solution is worth rounding).
    fn lp_solution_ok(&self) -> bool {
        self.last == LpStatus::Optimal
    }

    /// The item to branch on: the most fractional free one (ties: the most valuable).
    fn pick(&self) -> Option<usize> {
        let mut pick: Option<(usize, f64)> = None;
        for j in 0..self.p.items.len() {
            if self.fx.x[j] != -1 {
                continue;
            }
            let v = self.lp.value(j);
            let frac = v.min(1.0 - v);
            if frac > 1e-6
                && pick.is_none_or(|(k, f)| {
                    frac > f + 1e-9
                        || (frac > f - 1e-9 && self.p.items[j].value > self.p.items[k].value)
                })
            {
                pick = Some((j, frac));
            }
        }
        pick.map(|(j, _)| j)
    }
}

/// The answer when no selection meets the rules.
fn infeasible(n: usize, nodes: u64) -> Solution {
    Solution {
        chosen: vec![false; n],
        value: 0,
        cost: 0,
        status: Status::Infeasible,
        upper_bound: 0,
        nodes,
    }
}

/// Root fixings: what the user forced, items that can never fit or never pay, and items
/// whose requirements hold two variants of a group. `None` when they contradict each other.
fn root_fixings(p: &Problem, links: &Links) -> Option<Fixings> {
    let n = p.items.len();
    let mut fx = Fixings {
        x: vec![-1; n],
        trail: Vec::new(),
        queue: Vec::new(),
    };
    let impossible = links.impossible(256);
    for (i, c) in p.items.iter().enumerate() {
        let v = match c.must {
            Must::Do => 1,
            Must::Not => 0,
            Must::Free if c.cost > p.budget || c.cost < 0 || c.value < 0 || impossible[i] => 0,
            Must::Free => continue,
        };
        if !fx.fix(links, i as u32, v) {
            return None;
        }
    }
    if (0..n).any(|i| impossible[i] && fx.x[i] == 1) {
        return None;
    }
    fx.trail.clear();
    Some(fx)
}

/// The relaxation: budget, groups and class minimums as rows, scaled to about 1. The
/// dependency rows are added lazily, when the relaxation breaks one.
fn relaxation(p: &Problem, links: &Links, fx: &Fixings) -> Lp {
    let n = p.items.len();
    let scale = p.items.iter().map(|i| i.cost).max().unwrap_or(1).max(1) as f64;
    let (lo, up): (Vec<f64>, Vec<f64>) = fx.x.iter().map(|&x| bounds(x)).unzip();
    let mut lp = Lp::new(p.items.iter().map(|i| i.value as f64).collect(), lo, up);
    lp.add_row(
        (0..n)
            .map(|i| (i as u32, p.items[i].cost as f64 / scale))
            .collect(),
        p.budget as f64 / scale,
    );
    for g in &links.groups {
        if g.len() > 1 {
            lp.add_row(g.iter().map(|&m| (m, 1.0)).collect(), 1.0);
        }
    }
    for (c, &m) in p.class_min.iter().enumerate() {
        if m > 0 {
            let row: Vec<(u32, f64)> = (0..n)
                .filter(|&i| usize::from(p.items[i].class.min(3)) == c)
                .map(|i| (i as u32, -(p.items[i].cost as f64) / scale))
                .collect();
            lp.add_row(row, -(m as f64) / scale);
        }
    }
    lp
}

/// An open node of the depth-first search: the item and value to fix, the parent's bound and
/// the trail mark to undo to.
struct Entry {
    item: u32,
    value: i8,
    bound: f64,
    mark: usize,
}

impl Tree<'_> {
    /// First selections: the combinatorial search's greedy, and the caller's.
    fn seed(&mut self, start: Option<&[bool]>) {
        let p = self.p;
        let n = p.items.len();
        let values: Vec<i64> = p.items.iter().map(|i| i.value).collect();
        let mut s = Search::new(p, values);
        if (0..n).all(|j| self.fx.x[j] == -1 || s.assign(j as u32, self.fx.x[j])) {
            s.greedy();
            if let Some(b) = s.best.take() {
                self.offer(b.iter().map(|&v| v == 1).collect());
            }
        }
        if let Some(st) = start.filter(|st| st.len() == n) {
            self.offer(st.to_vec());
        }
    }

    /// The item to branch on at a solved node, or `None` when the node is integral (its
    /// selection is offered as the best so far).
    fn branch_item(&mut self, status: LpStatus) -> Option<usize> {
        let n = self.p.items.len();
        match self.pick() {
            None if status == LpStatus::Optimal && self.integral() => {
                // Integral: the best in this subtree, if it holds exactly.
                let chosen: Vec<bool> = (0..n).map(|j| self.lp.value(j) > 0.5).collect();
                if violation(self.p, &chosen).is_none() {
                    self.offer(chosen);
                    None
                } else {
                    // Rounding broke a row the relaxation held only approximately.
                    (0..n).find(|&j| self.fx.x[j] == -1)
                }
            }
            None => (0..n).find(|&j| self.fx.x[j] == -1),
            some => some,
        }
    }

    /// Pops open nodes until one can still beat the best and its fixing holds; applies it
    /// and returns its parent's bound. `Err(true)` when the node limit stopped the search,
    /// `Err(false)` when no open node is left.
    fn next_node(
        &mut self,
        stack: &mut Vec<Entry>,
        nodes: u64,
        max_nodes: u64,
    ) -> Result<f64, bool> {
        while let Some(e) = stack.pop() {
            if e.bound < self.cutoff() {
                continue;
            }
            if nodes >= max_nodes {
                stack.push(e);
                return Err(true);
            }
            self.undo(e.mark);
            let mark = self.fx.trail.len();
            if self.fx.fix(&self.links, e.item, e.value) {
                self.apply(mark);
                return Ok(e.bound);
            }
            self.undo(mark);
        }
        Err(false)
    }

    /// The answer once the search ends: proven when it ran out of open nodes, otherwise the
    /// best with the highest bound still open.
    fn answer(self, stack: &[Entry], nodes: u64, stopped: bool) -> Solution {
        let p = self.p;
        let open_bound = stack
            .iter()
            .map(|e| e.bound.floor() as i64)
            .max()
            .unwrap_or(self.best_value);
        let upper_bound = if stopped {
            open_bound.max(self.best_value)
        } else {
            self.best_value
        };
        let best_value = self.best_value;
        match self.best {
            None if !stopped => infeasible(p.items.len(), nodes),
            None => Solution {
                upper_bound,
                status: Status::Stopped,
                ..infeasible(p.items.len(), nodes)
            },
            Some(chosen) => {
                let (_, cost) = totals(p, &chosen);
                Solution {
                    value: best_value,
                    cost,
                    chosen,
                    status: if stopped && upper_bound > best_value {
                        Status::Stopped
                    } else {
                        Status::Optimal
                    },
                    upper_bound: upper_bound.max(best_value),
                    nodes,
                }
            }
        }
    }
}

/// Solves `p` by branch and bound on its LP relaxation, or to the node limit.
pub(super) fn solve(p: &Problem, limits: Limits, start: Option<&[bool]>) -> Solution {
    let n = p.items.len();
    let links = Links::new(p);
    let Some(fx) = root_fixings(p, &links) else {
        return infeasible(n, 0);
    };
    let lp = relaxation(p, &links, &fx);
    let pending: Vec<(u32, u32)> = p
        .requires
        .iter()
        .copied()
        .filter(|&(a, b)| (a as usize) < n && (b as usize) < n && a != b)
        .collect();
    let mut t = Tree {
        p,
        links,
        fx,
        lp,
        pending,
        best_value: -1,
        best: None,
        red: vec![0.0; n],
        max_iter: 200 + 20 * (n as u64),
        last: LpStatus::IterationLimit,
        rounder: None,
    };
    t.seed(start);
    // Depth-first search.
    let max_nodes = (limits.max_nodes / LP_NODE_WEIGHT).max(1);
    let mut stack: Vec<Entry> = Vec::new();
    let mut nodes: u64 = 0;
    let mut root = true;
    let mut parent_bound = f64::INFINITY;
    let stopped = loop {
        // The node: solve, fix by reduced costs, branch.
        nodes += 1;
        let solved = t.node(parent_bound);
        if root {
            if solved.is_none() && t.best.is_none() {
                return infeasible(n, nodes);
            }
            if t.lp_solution_ok() {
                t.round();
            }
            root = false;
        }
        if let Some((status, bound)) = solved {
            if let Some(j) = t.branch_item(status) {
                let up_first = t.lp.value(j) >= 0.5;
                let mark = t.fx.trail.len();
                let (first, second) = if up_first { (1, 0) } else { (0, 1) };
                for value in [second, first] {
                    stack.push(Entry {
                        item: j as u32,
                        value,
                        bound,
                        mark,
                    });
                }
            }
            // Now and then, a selection from rounding the relaxation.
            if nodes.is_multiple_of(16) && status == LpStatus::Optimal {
                t.round();
            }
        }
        // The next open node whose parent's bound can still beat the best.
        match t.next_node(&mut stack, nodes, max_nodes) {
            Ok(bound) => parent_bound = bound,
            Err(stopped) => break stopped,
        }
    };
    t.answer(&stack, nodes, stopped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::optimise::Candidate;

    fn item(cost: i64, value: i64, class: u8, must: Must) -> Candidate {
        Candidate {
            cost,
            value,
            class,
            must,
        }
    }

    #[test]
    fn a_knapsack_with_chains_of_requirements() {
        let f = Must::Free;
        let p = Problem {
            items: vec![
                item(41, 77, 3, f),
                item(33, 13, 3, f),
                item(15, 95, 3, f),
                item(7, 62, 2, f),
                item(53, 73, 2, f),
                item(48, 100, 0, f),
                item(68, 67, 0, f),
                item(68, 26, 0, Must::Not),
                item(76, 76, 1, f),
                item(55, 49, 3, f),
                item(82, 80, 0, f),
                item(51, 10, 0, f),
            ],
            budget: 98,
            requires: vec![
                (9, 11),
                (10, 4),
                (1, 3),
                (1, 8),
                (0, 9),
                (11, 4),
                (0, 8),
                (5, 1),
                (6, 4),
                (1, 2),
                (5, 2),
            ],
            exclusive: vec![],
            class_min: [0; 4],
        };
        let s = solve(&p, Limits::default(), None);
        assert_eq!(s.value, 233, "{s:?}");
    }
}
