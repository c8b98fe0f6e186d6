//! The optimiser equals exhaustive search: on 10,000 random instances of up to 20 candidates
//! with random budgets, musts, dependencies, exclusive groups and class minimums, the
//! selection has the best value found by trying every subset, and violates nothing; both
//! methods (by components, and by items) agree.
//!
//! And on the hard shape ([`renovation_planner::core::instances::hard`]: dependencies across buildings, the class rule,
//! exclusive variants spanning buildings, musts and a minimum spend on basic items): equal to
//! exhaustive search on 10,000 instances of 8 to 20 items, and equal to the combinatorial
//! search run without a node limit (an independent exact method: another bound, another
//! branching) on 200 instances of 40 to 80 items.
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.

mod common;

use common::Rng;
use renovation_planner::core::instances::hard;
use renovation_planner::core::optimise::{
    solve, solve_dfs, violation, Candidate, Limits, Must, Problem, Status,
};

/// A random instance; `seed` replays it.
pub fn random_problem(seed: u64) -> Problem {
    let mut r = Rng(seed);
    // Mostly small, sometimes the full 20.
    let n = if r.chance(0.25) { 20 } else { r.range(1, 20) } as usize;
    let items: Vec<Candidate> = (0..n)
        .map(|_| Candidate {
            cost: if r.chance(0.05) {
                0
            } else {
                r.range(1, 100) as i64
            },
            value: if r.chance(0.05) {
                0
            } else {
                r.range(1, 100) as i64
            },
            class: r.range(0, 3) as u8,
            must: match r.range(0, 30) {
                0 => Must::Do,
                1 | 2 => Must::Not,
                _ => Must::Free,
            },
        })
        .collect();
    let total: i64 = items.iter().map(|i| i.cost).sum();
    let budget = r.range(0, total.max(1) as u64) as i64;
    let mut requires = Vec::new();
    for _ in 0..r.range(0, n as u64) {
        let a = r.range(0, n as u64 - 1) as u32;
        let b = r.range(0, n as u64 - 1) as u32;
        if a != b {
            requires.push((a, b));
        }
    }
    let mut exclusive = Vec::new();
    for _ in 0..r.range(0, 3) {
        let size = r.range(2, 4).min(n as u64);
        let g: Vec<u32> = (0..size).map(|_| r.range(0, n as u64 - 1) as u32).collect();
        let mut g = g;
        g.sort_unstable();
        g.dedup();
        if g.len() > 1 {
            exclusive.push(g);
        }
    }
    let mut class_min = [0i64; 4];
    if r.chance(0.3) {
        let c = r.range(0, 3) as usize;
        class_min[c] = r.range(0, 150) as i64;
    }
    Problem {
        items,
        budget,
        requires,
        exclusive,
        class_min,
    }
}

/// Best value over all subsets (Gray-code order, constraints tracked incrementally);
/// `None` when no subset is feasible.
pub fn brute_force(p: &Problem) -> Option<i64> {
    let n = p.items.len();
    let mut chosen = vec![false; n];
    let (mut cost, mut value) = (0i64, 0i64);
    let mut spent = [0i64; 4];
    let mut edges_of: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (e, &(a, b)) in p.requires.iter().enumerate() {
        edges_of[a as usize].push(e);
        edges_of[b as usize].push(e);
    }
    let mut groups_of: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (g, m) in p.exclusive.iter().enumerate() {
        for &i in m {
            groups_of[i as usize].push(g);
        }
    }
    let mut group_count = vec![0usize; p.exclusive.len()];
    let mut bad_groups = 0usize;
    let mut bad_edges = 0usize;
    let mut bad_musts = p.items.iter().filter(|i| i.must == Must::Do).count();
    let edge_bad = |chosen: &[bool], e: usize| {
        let (a, b) = p.requires[e];
        chosen[a as usize] && !chosen[b as usize]
    };
    let feasible = |cost: i64, spent: &[i64; 4], be: usize, bg: usize, bm: usize| {
        cost <= p.budget
            && be == 0
            && bg == 0
            && bm == 0
            && (0..4).all(|c| spent[c] >= p.class_min[c])
    };
    let mut best = feasible(cost, &spent, bad_edges, bad_groups, bad_musts).then_some(0);
    for k in 1u64..(1u64 << n) {
        let i = k.trailing_zeros() as usize;
        for &e in &edges_of[i] {
            bad_edges -= usize::from(edge_bad(&chosen, e));
        }
        let now = !chosen[i];
        chosen[i] = now;
        for &e in &edges_of[i] {
            bad_edges += usize::from(edge_bad(&chosen, e));
        }
        let item = &p.items[i];
        let sign = if now { 1 } else { -1 };
        cost += sign * item.cost;
        value += sign * item.value;
        spent[usize::from(item.class)] += sign * item.cost;
        for &g in &groups_of[i] {
            let before = group_count[g] > 1;
            if now {
                group_count[g] += 1;
            } else {
                group_count[g] -= 1;
            }
            let after = group_count[g] > 1;
            bad_groups = bad_groups + usize::from(after) - usize::from(before);
        }
        match (item.must, now) {
            (Must::Do, true) | (Must::Not, false) => bad_musts -= 1,
            (Must::Do, false) | (Must::Not, true) => bad_musts += 1,
            _ => {}
        }
        if feasible(cost, &spent, bad_edges, bad_groups, bad_musts)
            && best.is_none_or(|b| value > b)
        {
            best = Some(value);
        }
    }
    best
}

#[test]
fn optimiser_equals_exhaustive_search_on_10000_instances() {
    let mut optimal = 0;
    let mut infeasible = 0;
    for seed in 0..10_000u64 {
        let p = random_problem(seed);
        // Must-not items start out "violated" in the brute force only when chosen: fine.
        let s = solve(&p, Limits::default(), None);
        // The same problem by items (the fallback for components too large to enumerate).
        let by_items = solve(
            &p,
            Limits {
                by_components: false,
                ..Limits::default()
            },
            None,
        );
        assert_eq!(by_items.status, s.status, "seed {seed}: by items");
        assert_eq!(by_items.value, s.value, "seed {seed}: by items {p:?}");
        let expect = brute_force(&p);
        match expect {
            None => {
                assert_eq!(s.status, Status::Infeasible, "seed {seed}: {p:?}");
                infeasible += 1;
            }
            Some(v) => {
                assert_eq!(s.status, Status::Optimal, "seed {seed}: {p:?}");
                assert_eq!(s.value, v, "seed {seed}: {p:?}");
                assert_eq!(violation(&p, &s.chosen), None, "seed {seed}: {p:?}");
                assert_eq!(s.upper_bound, s.value);
                optimal += 1;
            }
        }
    }
    // The generator makes both kinds.
    assert!(
        optimal > 5_000 && infeasible > 100,
        "{optimal} optimal, {infeasible} infeasible"
    );
}

#[test]
fn hard_shape_equals_exhaustive_search_on_10000_instances() {
    let (mut optimal, mut infeasible) = (0, 0);
    for seed in 0..10_000u64 {
        let n = 8 + (seed % 13) as usize;
        let p = hard(n, seed);
        let s = solve(&p, Limits::default(), None);
        match brute_force(&p) {
            None => {
                assert_eq!(
                    s.status,
                    Status::Infeasible,
                    "seed {seed}, {n} items: {p:?}"
                );
                infeasible += 1;
            }
            Some(v) => {
                assert_eq!(s.status, Status::Optimal, "seed {seed}, {n} items: {p:?}");
                assert_eq!(s.value, v, "seed {seed}, {n} items: {p:?}");
                assert_eq!(violation(&p, &s.chosen), None, "seed {seed}: {p:?}");
                assert_eq!(s.upper_bound, s.value);
                optimal += 1;
            }
        }
    }
    assert!(
        optimal > 9_000,
        "{optimal} optimal, {infeasible} infeasible"
    );
}

#[test]
fn hard_shape_equals_the_unlimited_combinatorial_search_on_200_instances() {
    let unlimited = Limits {
        max_nodes: u64::MAX,
        by_components: false,
    };
    for seed in 0..200u64 {
        let n = 40 + (seed % 41) as usize;
        let p = hard(n, 50_000 + seed);
        let s = solve(&p, Limits::default(), None);
        let reference = solve_dfs(&p, unlimited, None);
        assert_eq!(s.status, reference.status, "seed {seed}, {n} items");
        assert_eq!(s.value, reference.value, "seed {seed}, {n} items");
        if s.status == Status::Optimal {
            assert_eq!(violation(&p, &s.chosen), None, "seed {seed}");
            assert_eq!(s.upper_bound, s.value);
        }
    }
}
