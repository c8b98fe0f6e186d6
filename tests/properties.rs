//! Property tests over random plans and inputs: the plan file round-trips losslessly; every
//! yuan of cost is paid by a source or shown as a gap; shares sum exactly; quantities are never
//! negative; reading arbitrary bytes never panics.
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.

mod common;

use common::{random_plan, targets_for};
use proptest::prelude::*;
use renovation_planner::core::catalog::Catalog;
use renovation_planner::core::elevator_share::share_elevator;
use renovation_planner::core::evaluate::evaluate;
use renovation_planner::core::geometry::Pt;
use renovation_planner::core::ids::*;
use renovation_planner::core::money::{apportion, Area, Money};
use renovation_planner::core::plan::*;
use renovation_planner::core::plan_file::{load, load_str, to_json, to_json_compact};
use renovation_planner::core::site::*;
use renovation_planner::core::takeoff::take_off;
use renovation_planner::core::validate::validate;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn plan_file_round_trips_losslessly(seed in any::<u64>()) {
        let plan = random_plan(seed);
        prop_assert!(validate(&plan).is_empty(), "{:?}", validate(&plan));
        let back = load_str(&to_json(&plan)).map_err(|e| TestCaseError::fail(format!("{:?}", e.errors)))?;
        prop_assert_eq!(&back.plan, &plan);
        let back = load_str(&to_json_compact(&plan)).map_err(|e| TestCaseError::fail(format!("{:?}", e.errors)))?;
        prop_assert_eq!(&back.plan, &plan);
    }

    #[test]
    fn every_yuan_is_paid_or_shown_as_a_gap(seed in any::<u64>()) {
        let plan = random_plan(seed);
        for s in &plan.scenarios {
            let mut p = plan.clone();
            p.current_scenario = s.id;
            let ev = evaluate(&p).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            let paid: Money = ev.funding.by_source.iter().sum::<Money>() + ev.funding.gap;
            prop_assert_eq!(paid, ev.costs.total.likely);
            for l in &ev.funding.lines {
                let sum: Money = l.parts.iter().map(|p| p.1).sum::<Money>() + l.gap;
                prop_assert_eq!(sum, l.total);
                prop_assert!(l.parts.iter().all(|p| p.1 > Money::ZERO));
            }
            // Household burdens add up to the residents' total.
            let hh: Money = ev.funding.households.iter().map(|h| h.total).sum();
            prop_assert_eq!(hh, ev.funding.residents());
            // Each elevator table sums to its residents' part, per household and per floor.
            for t in &ev.funding.elevators {
                prop_assert_eq!(t.rows.iter().map(|r| r.net).sum::<Money>(), t.residents_total);
                prop_assert_eq!(t.floors.iter().map(|r| r.net).sum::<Money>(), t.residents_total);
            }
            // Costs: low ≤ likely ≤ high, parts add up.
            let c = &ev.costs;
            prop_assert!(c.total.low <= c.total.likely && c.total.likely <= c.total.high);
            let by_class: Money = c.by_class.iter().map(|r| r.likely).sum();
            prop_assert_eq!(by_class, c.total.likely);
            let by_building: Money = c.by_building.iter().map(|r| r.total.likely).sum();
            prop_assert_eq!(by_building, c.total.likely);
        }
    }

    #[test]
    fn apportioned_parts_always_sum_to_the_total(
        total in -1_000_000_000_000i64..1_000_000_000_000i64,
        weights in proptest::collection::vec(0u128..10_000_000_000, 1..60),
    ) {
        match apportion(Money(total), &weights) {
            None => prop_assert!(weights.iter().all(|&w| w == 0)),
            Some(parts) => {
                prop_assert_eq!(parts.iter().sum::<Money>(), Money(total));
                let sum: u128 = weights.iter().sum();
                for (p, &w) in parts.iter().zip(&weights) {
                    // Each part is within one fen of its exact share.
                    let exact = total.unsigned_abs() as f64 * w as f64 / sum as f64;
                    prop_assert!((p.0.unsigned_abs() as f64 - exact).abs() <= 1.0 + exact * 1e-12);
                }
            }
        }
    }

    #[test]
    fn elevator_tables_sum_exactly(
        cost in 0i64..100_000_000,
        subsidy in 0i64..100_000_000,
        households in proptest::collection::vec((1u8..=9, 1u64..20_000), 1..40),
        coefficients in proptest::collection::vec(0u32..5_000, 1..10),
        compensation in proptest::collection::vec(0i64..1_000_000, 0..3),
    ) {
        let s = Stairwell {
            id: StairwellId(1),
            name: "1".into(),
            position: Pt::new(0.0, 0.0),
            households: households.iter().enumerate().map(|(i, &(floor, a))| Household {
                id: HouseholdId(i as u32),
                room: i.to_string(),
                floor,
                area_m2: Area(a),
                owner: String::new(),
            }).collect(),
        };
        let sharing = ElevatorSharing {
            floor_coefficients_bp: coefficients,
            compensation: compensation.into_iter().map(Money).collect(),
        };
        if let Some(t) = share_elevator(&s, Money(cost), Money(subsidy), &sharing) {
            prop_assert_eq!(t.residents_total, Money((cost - subsidy).max(0)));
            prop_assert_eq!(t.rows.iter().map(|r| r.net).sum::<Money>(), t.residents_total);
            prop_assert_eq!(t.floors.iter().map(|r| r.net).sum::<Money>(), t.residents_total);
            // A household whose floor coefficient is zero never pays.
            for r in &t.rows {
                if r.coefficient_bp == 0 {
                    prop_assert_eq!(r.pays, Money::ZERO);
                }
            }
        }
    }

    #[test]
    fn quantities_are_never_negative(seed in any::<u64>(), manual in proptest::option::of(any::<f64>())) {
        let plan = random_plan(seed);
        for item in &Catalog::defaults().items {
            for t in targets_for(&plan, item) {
                let q = take_off(&plan.community, item, t, manual).unwrap();
                prop_assert!(q.centi >= 0, "{} on {:?}: {}", item.id, t, q.centi);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = load(&bytes);
    }

    #[test]
    fn mutated_plan_files_never_panic(seed in any::<u64>(), at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<bool>()) {
        let mut text = to_json_compact(&random_plan(seed)).into_bytes();
        let i = at.index(text.len());
        if cut { text.truncate(i) } else { text[i] = byte }
        match load(&text) {
            Ok(l) => prop_assert!(validate(&l.plan).is_empty()),
            Err(e) => {
                prop_assert!(!e.errors.is_empty());
                if let Some(rest) = e.valid_rest {
                    prop_assert!(validate(&rest.plan).is_empty());
                }
            }
        }
    }
}
