//! Property tests of the decision engine on random plans and schedules: selections honour every
//! constraint and the class rule, phasing never exceeds a year's budget and keeps dependencies,
//! bundles and caps, and the risk result is identical for the same seed.
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.

mod common;

use common::{random_plan, Rng};
use proptest::prelude::*;
use renovation_planner::core::catalog::Class;
use renovation_planner::core::costing::building_of;
use renovation_planner::core::decide;
use renovation_planner::core::ids::PlacementId;
use renovation_planner::core::money::Money;
use renovation_planner::core::optimise::{violation, Must};
use renovation_planner::core::phasing::{schedule, Job, PhasingProblem};
use renovation_planner::core::risk::{simulate, Distribution, RiskSettings};
use renovation_planner::core::select::build;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn plan_selections_honour_constraints_and_the_class_rule(seed in any::<u64>(), budget_share in 0u32..=100) {
        let mut plan = random_plan(seed);
        let mut r = Rng(seed ^ 0xABCD);
        // Sprinkle musts, dependencies and variants over the first scenario.
        let ids: Vec<PlacementId> = plan.scenarios[0].items.iter().map(|p| p.id).collect();
        for p in plan.scenarios[0].items.iter_mut() {
            match r.range(0, 12) {
                0 => p.must = Must::Not,
                1 => p.must = Must::Do,
                _ => {}
            }
            if !ids.is_empty() && r.chance(0.2) {
                p.requires.push(*r.pick(&ids));
            }
            if r.chance(0.2) {
                p.variant_group = format!("g{}", r.range(0, 2));
            }
        }
        plan.priority.class_rule = r.chance(0.7);
        let scenario = plan.scenarios[0].clone();
        let b = decide::basis(&plan, &scenario).unwrap();
        let total = b.costs.total.likely;
        plan.selection.budget = Money((total.fen() * i64::from(budget_share) / 100).max(1));
        let report = decide::optimise(&plan, &scenario, &b, &plan.selection);
        let built = build(&b.catalog, &plan, &scenario, &b.costs, &b.priorities, &plan.selection, plan.priority.class_rule);
        let chosen: Vec<bool> = built.placements.iter().map(|p| report.chosen.contains(p)).collect();
        if report.status != renovation_planner::core::optimise::Status::Infeasible {
            prop_assert_eq!(violation(&built.problem, &chosen), None);
            prop_assert!(report.cost <= plan.selection.budget);
            if plan.priority.class_rule {
                // 先民生、后提升: a chosen improvement or upgrade item means every safety and
                // basic item of its building is chosen.
                for (i, p) in scenario.items.iter().enumerate() {
                    let class = b.costs.lines[i].class;
                    if chosen[i] && !class.is_livelihood() {
                        let site = building_of(&plan.community, p.target);
                        for (j, q) in scenario.items.iter().enumerate() {
                            if b.costs.lines[j].class <= Class::Basic && building_of(&plan.community, q.target) == site {
                                prop_assert!(chosen[j], "{} chosen without {}", p.id, q.id);
                            }
                        }
                    }
                }
            }
            // Every item left out has at least one reason.
            prop_assert_eq!(report.left_out.len(), scenario.items.len() - report.chosen.len());
            prop_assert!(report.left_out.iter().all(|l| !l.reasons.is_empty()));
        }
    }

    #[test]
    fn phasing_never_exceeds_a_year_and_keeps_order(seed in any::<u64>()) {
        let mut r = Rng(seed);
        let n = r.range(0, 30) as usize;
        let jobs: Vec<Job> = (0..n).map(|i| {
            let cost = r.range(1, 1_000) as i64;
            let mut by_source = [0i64; 8];
            let split = r.range(0, cost as u64) as i64;
            by_source[0] = split;
            by_source[6] = cost - split;
            Job {
                placement: PlacementId(i as u32),
                cost,
                by_source,
                priority: r.range(0, 100) as i64,
                class: r.range(0, 3) as u8,
                building: r.chance(0.7).then(|| r.range(1, 3) as u32),
                bundle: if r.chance(0.2) { format!("b{}", r.range(0, 3)) } else { String::new() },
                pin: None,
            }
        }).collect();
        let before: Vec<(u32, u32)> = (0..r.range(0, n as u64)).filter_map(|_| {
            if n < 2 { return None; }
            let a = r.range(0, n as u64 - 1) as u32;
            let b = r.range(0, n as u64 - 1) as u32;
            (a != b).then_some((a, b))
        }).collect();
        let years: Vec<(i64, [Option<i64>; 8])> = (0..r.range(1, 5)).map(|_| {
            let mut src = [None; 8];
            if r.chance(0.4) { src[0] = Some(r.range(0, 2_000) as i64); }
            (r.range(0, 4_000) as i64, src)
        }).collect();
        let p = PhasingProblem { jobs, before, years, cap: r.range(0, 4) as u8 };
        let (year_of, reasons) = schedule(&p);
        for (y, (budget, src)) in p.years.iter().enumerate() {
            let in_year: Vec<&Job> = p.jobs.iter().zip(&year_of).filter(|(_, v)| **v == Some(y)).map(|(j, _)| j).collect();
            prop_assert!(in_year.iter().map(|j| j.cost).sum::<i64>() <= *budget);
            for s in 0..8 {
                if let Some(limit) = src[s] {
                    prop_assert!(in_year.iter().map(|j| j.by_source[s]).sum::<i64>() <= limit);
                }
            }
            if p.cap > 0 {
                for b in 1..=3u32 {
                    prop_assert!(in_year.iter().filter(|j| j.building == Some(b)).count() <= usize::from(p.cap));
                }
            }
        }
        for &(a, b) in &p.before {
            if let Some(ya) = year_of[a as usize] {
                let yb = year_of[b as usize];
                prop_assert!(yb.is_some_and(|yb| yb <= ya), "{a} in {ya} before its prerequisite {b} ({yb:?})");
            }
        }
        for (i, j) in p.jobs.iter().enumerate() {
            if !j.bundle.is_empty() {
                for (k, o) in p.jobs.iter().enumerate() {
                    if o.bundle == j.bundle {
                        prop_assert_eq!(year_of[i], year_of[k]);
                    }
                }
            }
            prop_assert_eq!(year_of[i].is_none(), reasons.iter().any(|(x, _)| *x == i));
        }
    }

    #[test]
    fn risk_is_identical_for_the_same_seed(seed in any::<u64>(), n in 0usize..30, pert in any::<bool>()) {
        let mut r = Rng(seed);
        let items: Vec<(Money, Money, Money)> = (0..n).map(|_| {
            let lo = r.range(0, 100_000) as i64;
            let mid = lo + r.range(0, 100_000) as i64;
            let hi = mid + r.range(0, 100_000) as i64;
            (Money(lo), Money(mid), Money(hi))
        }).collect();
        let s = RiskSettings { distribution: if pert { Distribution::Pert } else { Distribution::Triangular }, samples: 2_000, seed };
        let a = simulate(&items, Money(1_000_000), &s);
        let b = simulate(&items, Money(1_000_000), &s);
        prop_assert_eq!(&a, &b);
        prop_assert!(a.p50 <= a.p80 && a.p80 <= a.p95 && a.min <= a.p50 && a.p95 <= a.max);
        let lo: i64 = items.iter().map(|i| i.0.fen()).sum();
        let hi: i64 = items.iter().map(|i| i.2.fen()).sum();
        prop_assert!(a.min.fen() >= lo - 1 && a.max.fen() <= hi + 1);
    }
}
