//! The combinatorial search: depth-first branch and bound over the candidates in order of
//! value per yuan, with propagation of dependencies and exclusions, the Dantzig bound over
//! Lagrangian values, and the class-minimum check (see the folder's docs,
//! [`crate::core::optimise`]).

use super::fenwick::Fenwick;
use super::mckp;
use super::problem::{classes_reachable, Candidate, Limits, Must, Problem, Solution, Status};

const FREE: i8 = -1;

/// The search state with undo trail.
pub(super) struct Search<'a> {
    p: &'a Problem,
    /// Candidate indices in order of value per cost, best first.
    order: Vec<u32>,
    /// Position of each candidate in `order`.
    pos: Vec<u32>,
    /// Direct prerequisites and dependents, and exclusive groups per candidate.
    needs: Vec<Vec<u32>>,
    needed_by: Vec<Vec<u32>>,
    groups_of: Vec<Vec<u32>>,
    x: Vec<i8>,
    trail: Vec<u32>,
    cost: i64,
    value: i64,
    spent: [i64; 4],
    open_cost: [i64; 4],
    /// Values used by the bound: the candidates' values with Lagrangian transfers along
    /// dependencies (see [`lagrangian_values`]); only positive ones enter the bound.
    bval: Vec<i64>,
    /// Sum of `bval` over chosen candidates.
    bvalue: i64,
    /// The constant of the Lagrangian bound (the exclusive groups' multipliers).
    bconst: i64,
    /// `bval` and `bconst` are the Lagrangian values times this (1, or a power of two when
    /// they come from the LP's fractional duals).
    bscale: i64,
    /// Cost and bound value of open candidates with a positive bound value, by position in
    /// `order`.
    f_cost: Fenwick,
    f_value: Fenwick,
    queue: Vec<(u32, i8)>,
    pub(super) best_value: i64,
    pub(super) best: Option<Vec<i8>>,
    nodes: u64,
}

/// Orders candidates by value per cost, best first: free valuable items (cost 0, value > 0),
/// then the rest by `value / cost` compared exactly, then worthless ones (value ≤ 0). A total
/// order, as sorting requires.
fn better(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    let group = |c: &Candidate| match (c.cost, c.value) {
        (_, v) if v <= 0 => 2,
        (c, _) if c <= 0 => 0,
        _ => 1,
    };
    group(a).cmp(&group(b)).then_with(|| {
        if group(a) == 1 {
            // va / ca > vb / cb  ⇔  va · cb > vb · ca (costs positive).
            let lhs = i128::from(a.value) * i128::from(b.cost);
            let rhs = i128::from(b.value) * i128::from(a.cost);
            rhs.cmp(&lhs)
        } else {
            b.value.cmp(&a.value)
        }
    })
}

impl<'a> Search<'a> {
    pub(super) fn new(p: &'a Problem, bval: Vec<i64>) -> Self {
        let none = vec![false; p.items.len()];
        Self::new_ordered(p, bval, &none)
    }

    /// A search over `bval` order; among equal ratios, members of `first` come first.
    fn new_ordered(p: &'a Problem, bval: Vec<i64>, first: &[bool]) -> Self {
        let n = p.items.len();
        let keyed = |i: u32| Candidate {
            value: bval[i as usize],
            ..p.items[i as usize]
        };
        let mut order: Vec<u32> = (0..n as u32).collect();
        crate::core::sort::sort_by(&mut order, &|&a, &b| {
            better(&keyed(a), &keyed(b))
                .then(first[b as usize].cmp(&first[a as usize]))
                .then(a.cmp(&b))
        });
        let mut pos = vec![0u32; n];
        for (k, &i) in order.iter().enumerate() {
            pos[i as usize] = k as u32;
        }
        let mut needs = vec![Vec::new(); n];
        let mut needed_by = vec![Vec::new(); n];
        for &(a, b) in &p.requires {
            if (a as usize) < n && (b as usize) < n && a != b {
                needs[a as usize].push(b);
                needed_by[b as usize].push(a);
            }
        }
        let mut groups_of = vec![Vec::new(); n];
        for (g, members) in p.exclusive.iter().enumerate() {
            for &m in members {
                if (m as usize) < n {
                    groups_of[m as usize].push(g as u32);
                }
            }
        }
        let mut f_cost = Fenwick::new(n);
        let mut f_value = Fenwick::new(n);
        let mut open_cost = [0i64; 4];
        for (k, &i) in order.iter().enumerate() {
            let c = &p.items[i as usize];
            if bval[i as usize] > 0 {
                f_cost.add(k, c.cost);
                f_value.add(k, bval[i as usize]);
            }
            open_cost[usize::from(c.class.min(3))] += c.cost;
        }
        Search {
            p,
            order,
            pos,
            needs,
            needed_by,
            groups_of,
            x: vec![FREE; n],
            trail: Vec::with_capacity(n),
            cost: 0,
            value: 0,
            spent: [0; 4],
            open_cost,
            bval,
            bvalue: 0,
            bconst: 0,
            bscale: 1,
            f_cost,
            f_value,
            queue: Vec::new(),
            best_value: -1,
            best: None,
            nodes: 0,
        }
    }

    fn item(&self, i: u32) -> &Candidate {
        &self.p.items[i as usize]
    }

    /// Fixes `i` to `v` without propagation; false on a contradiction or an overspent budget.
    fn fix(&mut self, i: u32, v: i8) -> bool {
        let cur = self.x[i as usize];
        if cur != FREE {
            return cur == v;
        }
        let c = *self.item(i);
        let k = self.pos[i as usize] as usize;
        self.x[i as usize] = v;
        self.trail.push(i);
        let bv = self.bval[i as usize];
        if bv > 0 {
            self.f_cost.add(k, -c.cost);
            self.f_value.add(k, -bv);
        }
        let class = usize::from(c.class.min(3));
        self.open_cost[class] -= c.cost;
        if v == 1 {
            self.cost += c.cost;
            self.value += c.value;
            self.bvalue += bv;
            self.spent[class] += c.cost;
            if self.cost > self.p.budget {
                return false;
            }
        }
        true
    }

    /// Fixes `i` to `v` and everything that follows from it.
    pub(super) fn assign(&mut self, i: u32, v: i8) -> bool {
        self.queue.clear();
        self.queue.push((i, v));
        while let Some((j, v)) = self.queue.pop() {
            if self.x[j as usize] == v {
                continue;
            }
            if !self.fix(j, v) {
                return false;
            }
            if v == 1 {
                for k in 0..self.needs[j as usize].len() {
                    let b = self.needs[j as usize][k];
                    self.queue.push((b, 1));
                }
                for gi in 0..self.groups_of[j as usize].len() {
                    let g = self.groups_of[j as usize][gi] as usize;
                    for &s in &self.p.exclusive[g] {
                        if s != j {
                            self.queue.push((s, 0));
                        }
                    }
                }
            } else {
                for k in 0..self.needed_by[j as usize].len() {
                    let a = self.needed_by[j as usize][k];
                    self.queue.push((a, 0));
                }
            }
        }
        true
    }

    fn undo(&mut self, mark: usize) {
        while self.trail.len() > mark {
            let Some(i) = self.trail.pop() else { break };
            let c = *self.item(i);
            let k = self.pos[i as usize] as usize;
            let class = usize::from(c.class.min(3));
            let bv = self.bval[i as usize];
            if self.x[i as usize] == 1 {
                self.cost -= c.cost;
                self.value -= c.value;
                self.bvalue -= bv;
                self.spent[class] -= c.cost;
            }
            self.x[i as usize] = FREE;
            if bv > 0 {
                self.f_cost.add(k, c.cost);
                self.f_value.add(k, bv);
            }
            self.open_cost[class] += c.cost;
        }
    }

    /// Can every class minimum still be met (ignoring dependencies)?
    fn classes_reachable(&self) -> bool {
        classes_reachable(self.p, &self.spent, &self.open_cost, self.cost)
    }

    fn classes_met(&self) -> bool {
        (0..4).all(|c| self.spent[c] >= self.p.class_min[c])
    }

    /// The Dantzig bound on the value reachable from the current state: the fractional
    /// knapsack over the open candidates with the Lagrangian values, which never
    /// under-estimates (see [`lagrangian_values`]).
    fn bound(&self) -> i64 {
        let room = self.p.budget - self.cost;
        let k = self.f_cost.max_prefix_within(room);
        let mut ub = self.bconst + self.bvalue + self.f_value.prefix(k);
        if k < self.order.len() {
            // The critical item: the first open one past the prefix, taken fractionally.
            let i = self.order[k];
            let used = self.f_cost.prefix(k);
            let c = self.item(i);
            let bv = self.bval[i as usize];
            if c.cost > 0 && bv > 0 && self.x[i as usize] == FREE {
                ub += (i128::from(bv) * i128::from(room - used) / i128::from(c.cost)) as i64;
            }
        }
        ub
    }

    fn record_if_better(&mut self) {
        if self.value > self.best_value && self.classes_met() {
            self.best_value = self.value;
            self.best = Some(self.x.clone());
        }
    }

    /// A selection starting from `seed` (taken in order, skipping what conflicts), then filled
    /// greedily; kept if it is the best so far.
    pub(super) fn greedy_from(&mut self, seed: &[bool]) {
        let mark = self.trail.len();
        for k in 0..self.order.len() {
            let i = self.order[k];
            if seed[i as usize] && self.x[i as usize] == FREE {
                let m = self.trail.len();
                if !self.assign(i, 1) {
                    self.undo(m);
                }
            }
        }
        self.greedy();
        self.undo(mark);
    }

    /// A first selection: for classes under their minimum, that class's candidates in order
    /// of value per cost until the minimum is met; then every candidate in that order; each
    /// with its prerequisites when they fit.
    pub(super) fn greedy(&mut self) {
        let mark = self.trail.len();
        for pass in 0..2 {
            if pass == 0 && self.classes_met() {
                continue;
            }
            for k in 0..self.order.len() {
                let i = self.order[k];
                if self.x[i as usize] != FREE {
                    continue;
                }
                let class = usize::from(self.item(i).class.min(3));
                if pass == 0 && self.spent[class] >= self.p.class_min[class] {
                    continue;
                }
                let m = self.trail.len();
                if !self.assign(i, 1) {
                    self.undo(m);
                }
            }
        }
        self.record_if_better();
        self.undo(mark);
    }

    /// Whether a bound (in units of `bval`, scaled by `bscale`) can still beat the best
    /// selection: only a value of at least `best + 1` is worth searching for.
    fn promising(&self, bound: i64) -> bool {
        bound > self.best_value * self.bscale + self.bscale - 1
    }

    /// Depth-first branch and bound from the current state, in `order`, one first, to
    /// `max_nodes` nodes. `None` when the search finished (the best selection is optimal),
    /// or the proven upper bound on the value when it stopped.
    fn branch(&mut self, max_nodes: u64) -> Option<i64> {
        #[derive(Clone, Copy, PartialEq)]
        enum Stage {
            Enter,
            AfterOne,
            AfterZero,
        }
        struct Frame {
            from: usize,
            item: u32,
            bound: i64,
            mark: usize,
            stage: Stage,
        }
        impl Frame {
            /// A new node: search the candidates from `from` on, under `bound`.
            fn enter(from: usize, bound: i64) -> Frame {
                Frame {
                    from,
                    item: 0,
                    bound,
                    mark: 0,
                    stage: Stage::Enter,
                }
            }
        }
        let n = self.order.len();
        let mut stack = vec![Frame::enter(0, i64::MAX)];
        let start = self.nodes;
        while let Some(top) = stack.len().checked_sub(1) {
            match stack[top].stage {
                Stage::Enter => {
                    self.nodes += 1;
                    if self.nodes - start > max_nodes {
                        let open = stack
                            .iter()
                            .filter(|f| f.stage != Stage::Enter)
                            .map(|f| f.bound.div_euclid(self.bscale))
                            .max()
                            .unwrap_or(self.best_value);
                        return Some(open.max(self.best_value));
                    }
                    if !self.classes_reachable() {
                        stack.pop();
                        continue;
                    }
                    self.record_if_better();
                    let mut k = stack[top].from;
                    while k < n && self.x[self.order[k] as usize] != FREE {
                        k += 1;
                    }
                    if k == n {
                        stack.pop();
                        continue;
                    }
                    let bound = self.bound();
                    if !self.promising(bound) {
                        stack.pop();
                        continue;
                    }
                    let f = &mut stack[top];
                    f.from = k;
                    f.item = self.order[k];
                    f.bound = bound;
                    f.mark = self.trail.len();
                    f.stage = Stage::AfterOne;
                    let (item, from) = (f.item, k + 1);
                    if self.assign(item, 1) {
                        stack.push(Frame::enter(from, bound));
                    }
                }
                Stage::AfterOne => {
                    let (mark, item, bound, from) = {
                        let f = &stack[top];
                        (f.mark, f.item, f.bound, f.from + 1)
                    };
                    self.undo(mark);
                    if !self.promising(bound) {
                        stack.pop();
                        continue;
                    }
                    stack[top].stage = Stage::AfterZero;
                    if self.assign(item, 0) {
                        stack.push(Frame::enter(from, bound));
                    }
                }
                Stage::AfterZero => {
                    let mark = stack[top].mark;
                    self.undo(mark);
                    stack.pop();
                }
            }
        }
        None
    }
}

/// A max-flow network with `f64` capacities (Dinic), for the Lagrangian values.
struct Network {
    to: Vec<u32>,
    cap: Vec<f64>,
    adj: Vec<Vec<u32>>,
    level: Vec<i32>,
    it: Vec<usize>,
}

impl Network {
    fn new(nodes: usize) -> Self {
        Network {
            to: Vec::new(),
            cap: Vec::new(),
            adj: vec![Vec::new(); nodes],
            level: vec![0; nodes],
            it: vec![0; nodes],
        }
    }

    /// Adds an edge and its reverse; returns the edge's index.
    fn edge(&mut self, a: usize, b: usize, cap: f64) -> usize {
        let e = self.to.len();
        self.to.push(b as u32);
        self.cap.push(cap);
        self.adj[a].push(e as u32);
        self.to.push(a as u32);
        self.cap.push(0.0);
        self.adj[b].push(e as u32 + 1);
        e
    }

    fn bfs(&mut self, s: usize, t: usize) -> bool {
        self.level.fill(-1);
        self.level[s] = 0;
        let mut queue = std::collections::VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            for &e in &self.adj[v] {
                let w = self.to[e as usize] as usize;
                if self.cap[e as usize] > EPS && self.level[w] < 0 {
                    self.level[w] = self.level[v] + 1;
                    queue.push_back(w);
                }
            }
        }
        self.level[t] >= 0
    }

    /// One augmenting path in the level graph (iterative DFS); the flow pushed.
    fn augment(&mut self, s: usize, t: usize, path: &mut Vec<u32>) -> f64 {
        path.clear();
        let mut v = s;
        loop {
            if v == t {
                let f = path
                    .iter()
                    .map(|&e| self.cap[e as usize])
                    .fold(f64::INFINITY, f64::min);
                for &e in path.iter() {
                    self.cap[e as usize] -= f;
                    self.cap[(e ^ 1) as usize] += f;
                }
                return f;
            }
            let mut advanced = false;
            while self.it[v] < self.adj[v].len() {
                let e = self.adj[v][self.it[v]];
                let w = self.to[e as usize] as usize;
                if self.cap[e as usize] > EPS && self.level[w] == self.level[v] + 1 {
                    path.push(e);
                    v = w;
                    advanced = true;
                    break;
                }
                self.it[v] += 1;
            }
            if !advanced {
                // Dead end: retreat one edge and skip it.
                self.level[v] = -1;
                match path.pop() {
                    Some(e) => {
                        v = self.to[(e ^ 1) as usize] as usize;
                        self.it[v] += 1;
                    }
                    None => return 0.0,
                }
            }
        }
    }

    fn max_flow(&mut self, s: usize, t: usize) {
        let mut path = Vec::new();
        while self.bfs(s, t) {
            self.it.fill(0);
            while self.augment(s, t, &mut path) > EPS {}
        }
    }

    /// Nodes reachable from `s` in the residual network.
    fn source_side(&self, s: usize) -> Vec<bool> {
        let mut seen = vec![false; self.adj.len()];
        let mut stack = vec![s];
        seen[s] = true;
        while let Some(v) = stack.pop() {
            for &e in &self.adj[v] {
                let w = self.to[e as usize] as usize;
                if self.cap[e as usize] > EPS && !seen[w] {
                    seen[w] = true;
                    stack.push(w);
                }
            }
        }
        seen
    }
}

const EPS: f64 = 1e-9;

/// Values for the bound that account for dependencies and exclusive groups, and a constant.
///
/// The Lagrangian relaxation of the dependencies `x_a ≤ x_b` with multipliers `μ ≥ 0` moves
/// value from each item to what it requires (`v'_a = v_a − μ`, `v'_b = v_b + μ`); that of each
/// exclusive group `Σ x ≤ 1` with `ν ≥ 0` takes `ν` from each member and adds `ν` to a
/// constant. For any such multipliers every feasible selection has `Σ v' x + K ≥ Σ v x`, so
/// `K` plus the fractional knapsack over `v'` still bounds the optimum from above. The
/// multipliers come from the LP relaxation at the budget's price λ: `μ` is the flow of a
/// maximum closure (found by bisection on λ), `ν` the second-best reduced value of each group;
/// a few rounds alternate between them. The bound is then close to the LP relaxation with
/// dependencies and variants, far tighter than ignoring them. Only open candidates (`x` free)
/// take part.
pub fn lagrangian_values(p: &Problem, x: &[i8], room: i64) -> (Vec<i64>, i64, Vec<bool>) {
    let n = p.items.len();
    let base: Vec<i64> = p.items.iter().map(|i| i.value).collect();
    let open = |i: usize| x.get(i).copied() == Some(FREE);
    if room <= 0 || n == 0 {
        return (base, 0, vec![false; n]);
    }
    let deps: Vec<(usize, usize)> = p
        .requires
        .iter()
        .map(|&(a, b)| (a as usize, b as usize))
        .filter(|&(a, b)| a < n && b < n && a != b && open(a) && open(b))
        .collect();
    let groups: Vec<Vec<usize>> = p
        .exclusive
        .iter()
        .map(|g| {
            g.iter()
                .map(|&m| m as usize)
                .filter(|&m| m < n && open(m))
                .collect::<Vec<_>>()
        })
        .filter(|g: &Vec<usize>| g.len() > 1)
        .collect();
    let (s, t) = (n, n + 1);
    let mut net = Network::new(n + 2);
    let dep_edges: Vec<usize> = deps.iter().map(|&(a, b)| net.edge(a, b, 1e30)).collect();
    let item_edges: Vec<(usize, usize)> = (0..n)
        .map(|i| (net.edge(s, i, 0.0), net.edge(i, t, 0.0)))
        .collect();
    let fresh = net.cap.clone();
    // Maximum closure of the open items with weights `value − λ·cost`; returns its cost.
    let closure_at = |net: &mut Network, value: &[i64], lambda: f64| -> i64 {
        net.cap.copy_from_slice(&fresh);
        for (i, &(es, et)) in item_edges.iter().enumerate() {
            if !open(i) {
                continue;
            }
            let w = value[i] as f64 - lambda * p.items[i].cost as f64;
            if w > 0.0 {
                net.cap[es] = w;
            } else {
                net.cap[et] = -w;
            }
        }
        net.max_flow(s, t);
        let side = net.source_side(s);
        (0..n)
            .filter(|&i| open(i) && side[i])
            .map(|i| p.items[i].cost)
            .sum()
    };
    let top_ratio = (0..n)
        .filter(|&i| open(i) && p.items[i].cost > 0)
        .map(|i| base[i].max(0) as f64 / p.items[i].cost as f64)
        .fold(0.0, f64::max);
    let mut nu = vec![0i64; groups.len()];
    let mut values = base.clone();
    let mut constant = 0;
    let mut closure = vec![false; n];
    for _round in 0..3 {
        // Values with the current group penalties.
        let mut penalised = base.clone();
        for (g, members) in groups.iter().enumerate() {
            for &m in members {
                penalised[m] -= nu[g];
            }
        }
        // The budget's price λ by bisection, then the closure's flows as μ.
        let (mut lo, mut hi) = (0.0, top_ratio + 1.0);
        if closure_at(&mut net, &penalised, 0.0) <= room {
            hi = 0.0;
        } else {
            for _ in 0..50 {
                let mid = (lo + hi) / 2.0;
                if closure_at(&mut net, &penalised, mid) > room {
                    lo = mid;
                } else {
                    hi = mid;
                }
                if hi - lo < 1e-9 * hi.max(1e-12) {
                    break;
                }
            }
        }
        closure_at(&mut net, &penalised, hi);
        let side = net.source_side(s);
        for (i, c) in closure.iter_mut().enumerate() {
            *c = open(i) && side[i];
        }
        let mut moved = base.clone();
        for (&(a, b), &e) in deps.iter().zip(&dep_edges) {
            // The reverse edge's residual capacity is the flow pushed (it starts at zero).
            let mu = net.cap[e + 1].max(0.0).floor().min(1e15) as i64;
            moved[a] -= mu;
            moved[b] += mu;
        }
        // ν: the second-best reduced value in each group at price λ (the LP's group dual).
        for (g, members) in groups.iter().enumerate() {
            let mut r: Vec<f64> = members
                .iter()
                .map(|&m| moved[m] as f64 - hi * p.items[m].cost as f64)
                .collect();
            // Largest first (equal floats are alike, so the unstable sort is exact).
            r.sort_unstable_by(f64::total_cmp);
            r.reverse();
            nu[g] = r.get(1).copied().unwrap_or(0.0).max(0.0).floor() as i64;
        }
        values = moved;
        constant = 0;
        for (g, members) in groups.iter().enumerate() {
            for &m in members {
                values[m] -= nu[g];
            }
            constant += nu[g];
        }
        if groups.is_empty() {
            break;
        }
    }
    (values, constant, closure)
}

/// Never reached: `dfs` only hands over to the LP search when asked to.
pub(super) fn unreachable_dfs(p: &Problem) -> Solution {
    Solution {
        chosen: vec![false; p.items.len()],
        value: 0,
        cost: 0,
        status: Status::Infeasible,
        upper_bound: 0,
        nodes: 0,
    }
}

/// The root of the combinatorial search: forced choices, components; then either the search
/// or, when `to_lp` and the components are too large, `Err` (the LP search takes over).
pub(super) fn dfs(
    p: &Problem,
    limits: Limits,
    start: Option<&[bool]>,
    to_lp: bool,
) -> Result<Solution, ()> {
    let n = p.items.len();
    let values: Vec<i64> = p.items.iter().map(|i| i.value).collect();
    let mut s = Search::new(p, values);
    let infeasible = |nodes| Solution {
        chosen: vec![false; n],
        value: 0,
        cost: 0,
        status: Status::Infeasible,
        upper_bound: 0,
        nodes,
    };
    // Root: forced choices, and items that alone exceed the budget.
    for i in 0..n as u32 {
        let c = *s.item(i);
        let v = match c.must {
            Must::Do => 1,
            Must::Not => 0,
            Must::Free if c.cost > p.budget || c.cost < 0 || c.value < 0 => 0,
            Must::Free => continue,
        };
        if !s.assign(i, v) {
            return Ok(infeasible(0));
        }
    }
    if !s.classes_reachable() {
        return Ok(infeasible(0));
    }
    // Small components (the usual case: a building's items, an elevator's variants): solve as
    // a multiple-choice knapsack with its much tighter bound.
    if limits.by_components {
        if let Some(sol) = mckp::solve_by_components(p, &s.x, limits, start) {
            return Ok(sol);
        }
    }
    if to_lp {
        return Err(());
    }
    // Lagrangian values from the LP relaxation at the root, then the same root again.
    let (bval, bconst, closure) = lagrangian_values(p, &s.x, p.budget - s.cost);
    let root: Vec<i8> = s.x.clone();
    s = Search::new_ordered(p, bval, &closure);
    s.bconst = bconst;
    for (i, &v) in root.iter().enumerate() {
        if v != FREE && !s.assign(i as u32, v) {
            return Ok(infeasible(0));
        }
    }
    // A first selection from the LP relaxation: its closure (fits the budget), then a greedy
    // fill; and the plain greedy. The better one starts the search.
    s.greedy_from(&closure);
    s.greedy();
    if let Some(start) = start.filter(|st| st.len() == n) {
        let mark = s.trail.len();
        let ok = (0..n as u32).all(|i| s.assign(i, i8::from(start[i as usize])));
        if ok {
            s.record_if_better();
        }
        s.undo(mark);
    }

    let upper_bound = s.branch(limits.max_nodes);
    let stopped = upper_bound.is_some();
    let upper_bound = upper_bound.unwrap_or(s.best_value);
    let nodes = s.nodes;
    Ok(match s.best {
        None if !stopped => infeasible(nodes),
        None => Solution {
            upper_bound,
            status: Status::Stopped,
            ..infeasible(nodes)
        },
        Some(best) => {
            let chosen: Vec<bool> = best.iter().map(|&v| v == 1).collect();
            let cost = chosen
                .iter()
                .zip(&p.items)
                .filter(|(c, _)| **c)
                .map(|(_, i)| i.cost)
                .sum();
            Solution {
                value: s.best_value,
                cost,
                chosen,
                status: if stopped && upper_bound > s.best_value {
                    Status::Stopped
                } else {
                    Status::Optimal
                },
                upper_bound: upper_bound.max(s.best_value),
                nodes,
            }
        }
    })
}
