//! Exact selection by components: the candidates linked by dependencies or exclusive groups
//! form a component (typically one building's items under the class rule, or one elevator's
//! variants); each component's feasible subsets are enumerated as options, which turns the
//! problem into a multiple-choice knapsack (one option per component).
//!
//! Its LP relaxation takes, per component, the upper concave hull of the options over cost;
//! the hull segments of all components, sorted by value per cost, give the bound by a
//! fractional knapsack (computed in O(log n) with Fenwick trees). This bound respects every
//! dependency and exclusion inside components, so it is far tighter than relaxing them. Root
//! fixing drops every option whose bound cannot beat the best selection found (from rounding
//! the LP), and a depth-first search over the remaining components, options in order of
//! bound, proves the optimum. Class minimums are checked for reachability at every node.
//!
//! Used by [`crate::core::optimise::solve`] whenever every component is small enough to
//! enumerate (at most [`MAX_ITEMS`] items and [`MAX_OPTIONS`] feasible subsets).

use super::fenwick::Fenwick;
use super::problem::{classes_reachable, totals, Limits, Problem, Solution, Status};

/// Largest component enumerated (items).
pub const MAX_ITEMS: usize = 20;
/// Largest number of feasible subsets of one component.
pub const MAX_OPTIONS: usize = 4096;

#[derive(Debug, Clone, Copy)]
struct Opt {
    cost: i64,
    value: i64,
    spend: [i64; 4],
    mask: u64,
}

struct Comp {
    items: Vec<u32>,
    options: Vec<Opt>,
    /// Index of the empty option (nothing of this component).
    empty: u32,
    /// Positions of its hull segments in the global order.
    segments: Vec<usize>,
    /// Largest spend per class over its options.
    max_spend: [i64; 4],
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Enumerates the feasible subsets of one component (closed under its dependencies, at most
/// one of each exclusive group); `None` when there are more than [`MAX_OPTIONS`].
fn enumerate(p: &Problem, items: &[u32], needs: &[u64], groups: &[u64]) -> Option<Vec<Opt>> {
    let m = items.len();
    // needed_by[j]: local items that require j.
    let mut needed_by = vec![0u64; m];
    for (a, &mask) in needs.iter().enumerate() {
        for (b, nb) in needed_by.iter_mut().enumerate() {
            if mask >> b & 1 == 1 {
                *nb |= 1 << a;
            }
        }
    }
    let mut out = Vec::new();
    // Depth-first over the items in order, with the decided-so-far mask.
    let mut stack: Vec<(usize, u64)> = vec![(0, 0)];
    let mut work = 0usize;
    while let Some((j, mask)) = stack.pop() {
        work += 1;
        if work > 64 * MAX_OPTIONS {
            return None;
        }
        if j == m {
            let closed = (0..m).all(|a| mask >> a & 1 == 0 || needs[a] & !mask == 0);
            if closed {
                if out.len() >= MAX_OPTIONS {
                    return None;
                }
                let mut o = Opt {
                    cost: 0,
                    value: 0,
                    spend: [0; 4],
                    mask,
                };
                for (a, &i) in items.iter().enumerate() {
                    if mask >> a & 1 == 1 {
                        let c = &p.items[i as usize];
                        o.cost += c.cost;
                        o.value += c.value;
                        o.spend[usize::from(c.class.min(3))] += c.cost;
                    }
                }
                out.push(o);
            }
            continue;
        }
        let earlier = (1u64 << j) - 1;
        // Leave j out: nothing already taken may need it.
        if needed_by[j] & mask & earlier == 0 {
            stack.push((j + 1, mask));
        }
        // Take j: what it needs among earlier items is taken; no group conflict.
        let with = mask | 1 << j;
        let needs_ok = needs[j] & earlier & !mask == 0;
        let groups_ok = groups.iter().all(|g| (g & with).count_ones() <= 1);
        if needs_ok && groups_ok {
            stack.push((j + 1, with));
        }
    }
    Some(out)
}

/// Upper concave hull of the options from (0, 0), as segments (Δcost, Δvalue).
fn hull(options: &[Opt]) -> Vec<(i64, i64)> {
    let mut pts: Vec<(i64, i64)> = options.iter().map(|o| (o.cost, o.value)).collect();
    crate::core::sort::sort_by(&mut pts, &|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut h: Vec<(i64, i64)> = vec![(0, 0)];
    for &(c, v) in &pts {
        let Some(&(_, lv)) = h.last() else { continue };
        if v <= lv {
            continue; // dominated: costs at least as much, worth no more
        }
        while h.len() >= 2 {
            let (a, b) = (h[h.len() - 2], h[h.len() - 1]);
            // Pop b unless a → b → (c, v) turns right (strictly concave).
            let cross = i128::from(b.0 - a.0) * i128::from(v - b.1)
                - i128::from(b.1 - a.1) * i128::from(c - b.0);
            if cross >= 0 {
                h.pop();
            } else {
                break;
            }
        }
        h.push((c, v));
    }
    h.windows(2)
        .map(|w| (w[1].0 - w[0].0, w[1].1 - w[0].1))
        .collect()
}

/// Segment `a` has a higher value per cost than `b` (zero cost first).
fn seg_before(a: (i64, i64), b: (i64, i64)) -> std::cmp::Ordering {
    match (a.0 == 0, b.0 == 0) {
        (true, true) => b.1.cmp(&a.1),
        (true, false) => std::cmp::Ordering::Less,
        (false, true) => std::cmp::Ordering::Greater,
        (false, false) => {
            (i128::from(b.1) * i128::from(a.0)).cmp(&(i128::from(a.1) * i128::from(b.0)))
        }
    }
}

struct State<'a> {
    p: &'a Problem,
    comps: Vec<Comp>,
    seg_cost: Vec<i64>,
    seg_value: Vec<i64>,
    f_cost: Fenwick,
    f_value: Fenwick,
    cost: i64,
    value: i64,
    spent: [i64; 4],
    /// Σ max spend per class over the unfixed components.
    open_spend: [i64; 4],
    best_value: i64,
    /// Option chosen per component in the best selection.
    best: Option<Vec<u32>>,
    /// Option chosen per component now (`u32::MAX`: open).
    pick: Vec<u32>,
    nodes: u64,
}

const OPEN: u32 = u32::MAX;

impl State<'_> {
    fn bound(&self) -> i64 {
        let room = self.p.budget - self.cost;
        if room < 0 {
            return i64::MIN;
        }
        let k = self.f_cost.max_prefix_within(room);
        let mut ub = self.value + self.f_value.prefix(k);
        if k < self.seg_cost.len() {
            let used = self.f_cost.prefix(k);
            let (c, v) = (self.seg_cost[k], self.seg_value[k]);
            let active = self.f_cost.prefix(k + 1) - used == c && c > 0;
            if active {
                ub += (i128::from(v) * i128::from(room - used) / i128::from(c)) as i64;
            }
        }
        ub
    }

    fn classes_reachable(&self) -> bool {
        classes_reachable(self.p, &self.spent, &self.open_spend, self.cost)
    }

    fn classes_met(&self) -> bool {
        (0..4).all(|c| self.spent[c] >= self.p.class_min[c])
    }

    fn set_segments(&mut self, comp: usize, on: bool) {
        let sign = if on { 1 } else { -1 };
        for k in 0..self.comps[comp].segments.len() {
            let pos = self.comps[comp].segments[k];
            self.f_cost.add(pos, sign * self.seg_cost[pos]);
            self.f_value.add(pos, sign * self.seg_value[pos]);
        }
        for c in 0..4 {
            self.open_spend[c] += sign * self.comps[comp].max_spend[c];
        }
    }

    fn apply(&mut self, comp: usize, o: usize, sign: i64) {
        let opt = self.comps[comp].options[o];
        self.cost += sign * opt.cost;
        self.value += sign * opt.value;
        for c in 0..4 {
            self.spent[c] += sign * opt.spend[c];
        }
        self.pick[comp] = if sign > 0 { o as u32 } else { OPEN };
    }

    /// Keeps the current selection (open components empty) if it is feasible and better.
    fn record(&mut self) {
        if self.cost <= self.p.budget && self.value > self.best_value && self.classes_met() {
            self.best_value = self.value;
            let picks = self
                .pick
                .iter()
                .zip(&self.comps)
                .map(|(&o, c)| if o == OPEN { c.empty } else { o })
                .collect();
            self.best = Some(picks);
        }
    }

    /// The bound with `comp` (its segments already removed) set to option `o`.
    fn option_bound(&mut self, comp: usize, o: usize) -> i64 {
        self.apply(comp, o, 1);
        let b = if self.cost <= self.p.budget && self.classes_reachable() {
            self.bound()
        } else {
            i64::MIN
        };
        self.apply(comp, o, -1);
        b
    }
}

/// The open items grouped into components (joined by dependencies and exclusive groups),
/// each by its root; `None` when one is larger than [`MAX_ITEMS`].
fn component_items(p: &Problem, root: &[i8]) -> Option<Vec<Vec<u32>>> {
    let n = p.items.len();
    let open = |i: usize| root[i] < 0;
    let mut parent: Vec<usize> = (0..n).collect();
    for &(a, b) in &p.requires {
        let (a, b) = (a as usize, b as usize);
        if a < n && b < n && open(a) && open(b) {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra] = rb;
        }
    }
    for g in &p.exclusive {
        let members: Vec<usize> = g
            .iter()
            .map(|&m| m as usize)
            .filter(|&m| m < n && open(m))
            .collect();
        for w in members.windows(2) {
            let (ra, rb) = (find(&mut parent, w[0]), find(&mut parent, w[1]));
            parent[ra] = rb;
        }
    }
    let mut by_root: std::collections::BTreeMap<usize, Vec<u32>> =
        std::collections::BTreeMap::new();
    for i in (0..n).filter(|&i| open(i)) {
        let r = find(&mut parent, i);
        by_root.entry(r).or_default().push(i as u32);
    }
    // One large component is enough to hand the problem on: say so before enumerating any.
    if by_root.values().any(|items| items.len() > MAX_ITEMS) {
        return None;
    }
    Some(by_root.into_values().collect())
}

/// The components with their feasible options; `None` when one has too many to enumerate.
fn components(p: &Problem, by_root: Vec<Vec<u32>>) -> Option<Vec<Comp>> {
    let n = p.items.len();
    let mut req_of: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &(a, b) in &p.requires {
        if (a as usize) < n && (b as usize) < n && a != b {
            req_of[a as usize].push(b);
        }
    }
    let mut groups_of: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (g, members) in p.exclusive.iter().enumerate() {
        for &m in members {
            if (m as usize) < n {
                groups_of[m as usize].push(g as u32);
            }
        }
    }
    let mut local = vec![u32::MAX; n];
    let mut comp_of = vec![usize::MAX; n];
    let mut comps = Vec::with_capacity(by_root.len());
    for (ci, items) in by_root.into_iter().enumerate() {
        for (j, &i) in items.iter().enumerate() {
            local[i as usize] = j as u32;
            comp_of[i as usize] = ci;
        }
        // Local masks: what each item needs, and each exclusive group.
        let mut needs = vec![0u64; items.len()];
        let mut group_ids: Vec<u32> = Vec::new();
        for (j, &a) in items.iter().enumerate() {
            for &b in &req_of[a as usize] {
                if comp_of[b as usize] == ci {
                    needs[j] |= 1 << local[b as usize];
                }
            }
            group_ids.extend(&groups_of[a as usize]);
        }
        group_ids.sort_unstable();
        group_ids.dedup();
        let groups: Vec<u64> = group_ids
            .iter()
            .map(|&g| {
                p.exclusive[g as usize]
                    .iter()
                    .filter(|&&m| (m as usize) < n && comp_of[m as usize] == ci)
                    .fold(0u64, |acc, &m| acc | 1 << local[m as usize])
            })
            .filter(|g| g.count_ones() > 1)
            .collect();
        let options = enumerate(p, &items, &needs, &groups)?;
        let mut max_spend = [0i64; 4];
        for o in &options {
            for c in 0..4 {
                max_spend[c] = max_spend[c].max(o.spend[c]);
            }
        }
        let empty = options.iter().position(|o| o.mask == 0).unwrap_or(0) as u32;
        comps.push(Comp {
            items,
            options,
            empty,
            segments: Vec::new(),
            max_spend,
        });
    }
    Some(comps)
}

/// A hull segment: its component, its place in the component's hull, and (cost, value).
type Segment = (usize, usize, (i64, i64));

impl<'a> State<'a> {
    /// The search state at the root: the root fixings applied, every component open, its
    /// hull segments in one global order (returned too, for the first selection).
    fn new(p: &'a Problem, root: &[i8], mut comps: Vec<Comp>) -> (Self, Vec<Segment>) {
        let mut segs: Vec<Segment> = Vec::new();
        for (ci, c) in comps.iter().enumerate() {
            for (k, s) in hull(&c.options).into_iter().enumerate() {
                segs.push((ci, k, s));
            }
        }
        crate::core::sort::sort_by(&mut segs, &|a, b| {
            seg_before(a.2, b.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1))
        });
        let mut f_cost = Fenwick::new(segs.len());
        let mut f_value = Fenwick::new(segs.len());
        let mut seg_cost = Vec::with_capacity(segs.len());
        let mut seg_value = Vec::with_capacity(segs.len());
        for (pos, &(ci, _, (dc, dv))) in segs.iter().enumerate() {
            comps[ci].segments.push(pos);
            f_cost.add(pos, dc);
            f_value.add(pos, dv);
            seg_cost.push(dc);
            seg_value.push(dv);
        }
        let (mut cost, mut value, mut spent) = (0i64, 0i64, [0i64; 4]);
        for (i, it) in p.items.iter().enumerate() {
            if root[i] == 1 {
                cost += it.cost;
                value += it.value;
                spent[usize::from(it.class.min(3))] += it.cost;
            }
        }
        let mut open_spend = [0i64; 4];
        for c in &comps {
            for k in 0..4 {
                open_spend[k] += c.max_spend[k];
            }
        }
        let nc = comps.len();
        let s = State {
            p,
            comps,
            seg_cost,
            seg_value,
            f_cost,
            f_value,
            cost,
            value,
            spent,
            open_spend,
            best_value: -1,
            best: None,
            pick: vec![OPEN; nc],
            nodes: 0,
        };
        (s, segs)
    }

    /// Records the selection of one option per component as a candidate for the best.
    fn offer(&mut self, picks: &[usize]) {
        for (ci, &o) in picks.iter().enumerate() {
            self.apply(ci, o, 1);
        }
        self.record();
        for (ci, &o) in picks.iter().enumerate() {
            self.apply(ci, o, -1);
        }
    }

    /// A first selection: round the LP (take hull segments in order while they fit), then
    /// let each component upgrade to its best option within what is left, until nothing
    /// changes.
    fn first_selection(&mut self, segs: &[Segment]) {
        let nc = self.comps.len();
        let mut pick: Vec<usize> = self.comps.iter().map(|c| c.empty as usize).collect();
        let mut reached: Vec<(i64, i64)> = vec![(0, 0); nc];
        let mut blocked = vec![false; nc];
        let mut room = self.p.budget - self.cost;
        for &(ci, _, (dc, dv)) in segs {
            if blocked[ci] {
                continue;
            }
            if dc <= room {
                room -= dc;
                reached[ci].0 += dc;
                reached[ci].1 += dv;
            } else {
                blocked[ci] = true;
            }
        }
        for (ci, c) in self.comps.iter().enumerate() {
            if let Some(o) = c
                .options
                .iter()
                .position(|o| (o.cost, o.value) == reached[ci])
            {
                pick[ci] = o;
            }
        }
        for _ in 0..3 {
            let used: i64 = self
                .comps
                .iter()
                .zip(&pick)
                .map(|(c, &o)| c.options[o].cost)
                .sum();
            let mut room = self.p.budget - self.cost - used;
            let mut changed = false;
            for (ci, c) in self.comps.iter().enumerate() {
                let cur = c.options[pick[ci]];
                let limit = cur.cost + room;
                if let Some((o, better)) = c
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.cost <= limit && o.value > cur.value)
                    .max_by_key(|(_, o)| (o.value, -o.cost))
                {
                    room -= better.cost - cur.cost;
                    pick[ci] = o;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        self.offer(&pick);
    }

    /// A given start selection, when it keeps the root fixings and each component's part of
    /// it is one of its options.
    fn offer_start(&mut self, root: &[i8], start: &[bool]) {
        let n = root.len();
        let mut ok = (0..n).all(|i| root[i] < 0 || (root[i] == 1) == start[i]);
        let mut picks = Vec::with_capacity(self.comps.len());
        for c in &self.comps {
            let mask = c.items.iter().enumerate().fold(0u64, |m, (j, &i)| {
                if start[i as usize] {
                    m | 1 << j
                } else {
                    m
                }
            });
            match c.options.iter().position(|o| o.mask == mask) {
                Some(o) => picks.push(o),
                None => ok = false,
            }
        }
        if ok && picks.len() == self.comps.len() {
            self.offer(&picks);
        }
    }

    /// Root fixing: drop options whose bound cannot beat the best; fix components left with
    /// one. Returns the options alive per component, which are fixed, and whether some
    /// component has none left (the best is then proven).
    fn root_fixing(&mut self) -> (Vec<Vec<u32>>, Vec<bool>, bool) {
        let nc = self.comps.len();
        let mut alive: Vec<Vec<u32>> = self
            .comps
            .iter()
            .map(|c| (0..c.options.len() as u32).collect())
            .collect();
        let mut fixed = vec![false; nc];
        for _pass in 0..4 {
            let mut changed = false;
            for ci in 0..nc {
                if fixed[ci] {
                    continue;
                }
                self.set_segments(ci, false);
                let mut keep = Vec::with_capacity(alive[ci].len());
                for &o in &alive[ci] {
                    if self.option_bound(ci, o as usize) > self.best_value {
                        keep.push(o);
                    }
                }
                changed |= keep.len() != alive[ci].len();
                alive[ci] = keep;
                match alive[ci].len() {
                    0 => {
                        self.set_segments(ci, true);
                        return (alive, fixed, true);
                    }
                    1 => {
                        self.apply(ci, alive[ci][0] as usize, 1);
                        fixed[ci] = true;
                        self.record();
                    }
                    _ => self.set_segments(ci, true),
                }
            }
            if !changed {
                break;
            }
        }
        (alive, fixed, false)
    }

    /// Depth-first search over the components still open, in order of their best segment.
    /// Returns whether the node limit stopped it, and the highest bound then left open.
    fn search(&mut self, alive: &[Vec<u32>], fixed: &[bool], max_nodes: u64) -> (bool, i64) {
        let mut order: Vec<usize> = (0..self.comps.len()).filter(|&c| !fixed[c]).collect();
        let first_seg = |c: usize| {
            self.comps[c]
                .segments
                .first()
                .copied()
                .unwrap_or(usize::MAX)
        };
        crate::core::sort::sort_indices(&mut order, &|a, b| first_seg(a).cmp(&first_seg(b)));
        let depth_max = order.len();
        // Per depth: the options to try with their bounds (buffers reused: no allocation per
        // node), the next to try, and the one applied now.
        let mut cand: Vec<Vec<(i64, u32)>> = vec![Vec::new(); depth_max];
        let mut next: Vec<usize> = vec![0; depth_max];
        let mut current: Vec<Option<u32>> = vec![None; depth_max];
        let mut depth = 0usize;
        let mut entering = true;
        loop {
            if entering {
                entering = false;
                self.record();
                let open =
                    depth < depth_max && self.bound() > self.best_value && self.classes_reachable();
                if !open {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                    continue;
                }
                let ci = order[depth];
                self.set_segments(ci, false);
                let mut buf = std::mem::take(&mut cand[depth]);
                buf.clear();
                for &o in &alive[ci] {
                    let b = self.option_bound(ci, o as usize);
                    if b > self.best_value {
                        buf.push((b, o));
                    }
                }
                buf.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                cand[depth] = buf;
                next[depth] = 0;
                current[depth] = None;
            }
            // At `depth`: undo the option just explored, then try the next one.
            let ci = order[depth];
            if let Some(o) = current[depth].take() {
                self.apply(ci, o as usize, -1);
            }
            let k = next[depth];
            if k < cand[depth].len() && cand[depth][k].0 > self.best_value {
                self.nodes += 1;
                if self.nodes > max_nodes {
                    // The bounds left open: this one and those of the options applied above.
                    let mut upper = self.best_value.max(cand[depth][k].0);
                    for d in (0..depth).rev() {
                        if let Some(o) = current[d] {
                            let b = cand[d].iter().find(|x| x.1 == o).map_or(i64::MAX, |x| x.0);
                            upper = upper.max(b);
                        }
                    }
                    return (true, upper);
                }
                let o = cand[depth][k].1;
                next[depth] = k + 1;
                self.apply(ci, o as usize, 1);
                current[depth] = Some(o);
                depth += 1;
                entering = true;
            } else {
                self.set_segments(ci, true);
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
        }
        (false, self.best_value)
    }

    /// The answer: the best selection (the root fixings and one option per component), proven
    /// unless the search stopped below `upper`.
    fn finish(&self, root: &[i8], stopped: bool, upper: i64) -> Solution {
        let Some(picks) = &self.best else {
            return Solution {
                chosen: vec![false; root.len()],
                value: 0,
                cost: 0,
                status: if stopped {
                    Status::Stopped
                } else {
                    Status::Infeasible
                },
                upper_bound: upper.max(0),
                nodes: self.nodes,
            };
        };
        let mut chosen: Vec<bool> = root.iter().map(|&v| v == 1).collect();
        for (c, &o) in self.comps.iter().zip(picks) {
            let mask = c.options[o as usize].mask;
            for (j, &i) in c.items.iter().enumerate() {
                if mask >> j & 1 == 1 {
                    chosen[i as usize] = true;
                }
            }
        }
        let (value, cost) = totals(self.p, &chosen);
        let status = if stopped && upper > self.best_value {
            Status::Stopped
        } else {
            Status::Optimal
        };
        Solution {
            chosen,
            value,
            cost,
            status,
            upper_bound: upper.max(value),
            nodes: self.nodes,
        }
    }
}

/// Solves by components; `None` when a component is too large to enumerate. `root` holds the
/// root fixings (−1 open, 0 out, 1 in), consistent with every dependency and group.
pub(crate) fn solve_by_components(
    p: &Problem,
    root: &[i8],
    limits: Limits,
    start: Option<&[bool]>,
) -> Option<Solution> {
    let comps = components(p, component_items(p, root)?)?;
    let (mut s, segs) = State::new(p, root, comps);
    s.first_selection(&segs);
    if let Some(start) = start.filter(|st| st.len() == p.items.len()) {
        s.offer_start(root, start);
    }
    s.record();
    let (alive, fixed, exhausted) = s.root_fixing();
    if exhausted {
        return Some(s.finish(root, false, s.best_value));
    }
    let (stopped, upper) = s.search(&alive, &fixed, limits.max_nodes);
    Some(s.finish(root, stopped, upper))
}
