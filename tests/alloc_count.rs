//! The hot loops do not allocate per iteration: a counting allocator shows that the exact
//! search allocates the same amount whatever the number of nodes it visits (only set-up and
//! each improvement of the best selection allocate), and that the Monte Carlo loop allocates
//! the same whatever the number of samples.
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.
#![allow(unsafe_code)] // A global allocator is an unsafe trait; it only counts and forwards.

mod common;

use renovation_planner::core::money::Money;
use renovation_planner::core::optimise::{solve, Candidate, Limits, Must, Problem};
use renovation_planner::core::risk::{simulate, Distribution, RiskSettings};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

struct Counting;
static ALLOCS: AtomicU64 = AtomicU64::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn count<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = ALLOCS.load(Ordering::Relaxed);
    let r = f();
    (r, ALLOCS.load(Ordering::Relaxed) - before)
}

/// A hard instance (many near-equal ratios) so that the search visits many nodes.
fn hard(n: usize) -> Problem {
    let mut r = common::Rng(42);
    let items = (0..n)
        .map(|_| {
            let cost = r.range(1_000, 1_100) as i64;
            Candidate {
                cost,
                value: cost + r.range(0, 5) as i64,
                class: 1,
                must: Must::Free,
            }
        })
        .collect();
    Problem {
        items,
        budget: 1_000 * n as i64 / 2 + 333,
        ..Problem::default()
    }
}

// The allocation count of one test must not be disturbed by another: run both in one test.
#[test]
fn hot_loops_do_not_allocate_per_iteration() {
    let p = hard(60);
    let (small, a_small) = count(|| solve(&p, Limits::nodes(1_000), None));
    let (big, a_big) = count(|| solve(&p, Limits::nodes(200_000), None));
    assert!(
        big.nodes > 50 * small.nodes.max(1) / 10,
        "the bigger run visits many more nodes: {} vs {}",
        big.nodes,
        small.nodes
    );
    // Per node there is no allocation: 200× the nodes cost only a few extra allocations
    // (one per improvement of the incumbent, each a copy of the assignment).
    let per_node = (a_big.saturating_sub(a_small)) as f64 / (big.nodes - small.nodes).max(1) as f64;
    assert!(
        per_node < 0.01,
        "{a_small} allocations for {} nodes, {a_big} for {}",
        small.nodes,
        big.nodes
    );

    let items = vec![(Money::yuan(80), Money::yuan(100), Money::yuan(130)); 200];
    let s = |samples| RiskSettings {
        distribution: Distribution::Pert,
        samples,
        seed: 1,
    };
    // A first run sets up the tables computed once per process (the PERT density's grid).
    let _ = simulate(&items, Money::ZERO, &s(10));
    let (_, r_small) = count(|| simulate(&items, Money::ZERO, &s(1_000)));
    let (_, r_big) = count(|| simulate(&items, Money::ZERO, &s(100_000)));
    assert_eq!(
        r_small, r_big,
        "Monte Carlo allocations do not grow with the samples"
    );
    eprintln!("optimiser: {a_small} allocs / {} nodes, {a_big} allocs / {} nodes; risk: {r_small} allocs at 1k and 100k samples", small.nodes, big.nodes);
}
