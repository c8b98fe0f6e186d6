//! Numbers that cannot lie: plans carrying the largest values the validator admits (unit
//! prices, quantities, fees, areas, coefficients, caps, pools, budgets, years, tallies) go
//! through costing, funding, elevator shares, consent, priorities, the optimiser, the
//! frontier, phasing and the risk simulation, and nothing overflows (the test profile keeps
//! overflow checks on: an overflow is a panic, and a panic fails the case). Plans the
//! validator refuses must be refused, never half-computed.
//!
//! `LIMIT_CASES=N` sets the number of random cases (2,000 by default; `scripts/test` runs
//! 1,000,000).
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::Rng;
use renovation_planner::core::catalog::CostRange;
use renovation_planner::core::command::{apply, BuildingProps, Command};
use renovation_planner::core::decide;
use renovation_planner::core::evaluate::evaluate;
use renovation_planner::core::funding_source::FundingSource;
use renovation_planner::core::geometry::rect;
use renovation_planner::core::ids::*;
use renovation_planner::core::money::{Money, MAX_LINE_YUAN, MAX_UNIT_PRICE_YUAN, MAX_YUAN};
use renovation_planner::core::plan::*;
use renovation_planner::core::settings::ShareRule;
use renovation_planner::core::settings::SurveyTally;
use renovation_planner::core::settings::YearBudget;
use renovation_planner::core::site::*;
use renovation_planner::core::validate::{limits, validate};
use std::collections::BTreeMap;

/// An amount near one of the limits: 0, the maximum, or anything between.
fn amount(r: &mut Rng, max_yuan: i64) -> Money {
    match r.range(0, 3) {
        0 => Money::ZERO,
        1 => Money::yuan(max_yuan),
        _ => Money(r.range(0, (max_yuan as u64) * 100) as i64),
    }
}

/// A plan at the edge of what the validator accepts (or just beyond, sometimes).
fn extreme_plan(seed: u64) -> Plan {
    let mut r = Rng(seed);
    let mut plan = Plan::blank("极值小区", "方案一");
    for b in 0..r.range(1, 2) {
        let props = BuildingProps {
            name: format!("{}号楼", b + 1),
            floors: if r.chance(0.5) {
                limits::FLOORS.1
            } else {
                r.range(1, 40) as u8
            },
            storey_height_m: limits::STOREY_HEIGHT_M.1,
            year_built: 1990,
            condition: 1,
            stairwells: r.range(1, 2) as u8,
            households_per_floor: 1,
            area_per_household_m2: if r.chance(0.5) { 1_000.0 } else { 10.0 },
        };
        let footprint = rect(
            b as f64 * 300.0,
            0.0,
            r.float(10.0, 280.0),
            r.float(8.0, 200.0),
            0.0,
        );
        apply(&mut plan, &Command::AddBuilding { footprint, props }).unwrap();
    }
    apply(
        &mut plan,
        &Command::AddArea {
            kind: AreaKind::Parking,
            name: "场".into(),
            polygon: rect(
                0.0,
                500.0,
                r.float(10.0, 5_000.0),
                r.float(10.0, 5_000.0),
                0.0,
            ),
        },
    )
    .unwrap();
    // Households with the largest areas the validator allows.
    for h in plan.community.buildings.iter_mut().flat_map(|b| {
        b.stairwells
            .iter_mut()
            .flat_map(|s| s.households.iter_mut())
    }) {
        if r.chance(0.3) {
            h.area_m2 = renovation_planner::core::money::Area::from_m2(100_000.0).unwrap();
        }
    }
    // Prices at the limit.
    for id in [
        "elevator",
        "parking_surface",
        "facade_repair",
        "roof_waterproofing",
        "stairwell_renovation",
        "water_supply_pipes",
    ] {
        if r.chance(0.25) {
            let hi = amount(&mut r, MAX_UNIT_PRICE_YUAN);
            plan.catalog.prices.insert(
                id.into(),
                CostRange {
                    low: Money(hi.0 / 3),
                    likely: Money(hi.0 / 2),
                    high: hi,
                },
            );
        }
    }
    // Fees at 100 % each.
    plan.costs.design_bp = r.range(0, u64::from(limits::FEE_BP)) as u32;
    plan.costs.supervision_bp = limits::FEE_BP;
    plan.costs.contingency_bp = limits::FEE_BP;
    // Placements, with quantities typed in up to the limit.
    let stairwells: Vec<StairwellId> = plan
        .community
        .buildings
        .iter()
        .flat_map(|b| b.stairwells.iter().map(|s| s.id))
        .collect();
    let buildings: Vec<BuildingId> = plan.community.buildings.iter().map(|b| b.id).collect();
    // Placed directly (the edit commands are tested elsewhere; here only the numbers count).
    let mut targets: Vec<(&str, Target)> = Vec::new();
    for s in &stairwells {
        targets.push(("elevator", Target::Stairwell(*s)));
        targets.push(("stairwell_renovation", Target::Stairwell(*s)));
    }
    for b in &buildings {
        targets.push(("facade_repair", Target::Building(*b)));
        targets.push(("roof_waterproofing", Target::Building(*b)));
    }
    targets.push(("water_supply_pipes", Target::Community));
    targets.push(("parking_surface", Target::Area(FeatureId(1))));
    targets.push(("elderly_service_station", Target::Community));
    plan.scenarios[0].items = targets
        .into_iter()
        .enumerate()
        .map(|(i, (item, t))| Placement::new(PlacementId(i as u32 + 1), item, t))
        .collect();
    let ids: Vec<PlacementId> = plan.scenario().items.iter().map(|p| p.id).collect();
    for (k, id) in ids.iter().enumerate() {
        let s = &mut plan.scenarios[0];
        let p = &mut s.items[k];
        if r.chance(0.3) {
            p.quantity_override = Some(if r.chance(0.2) {
                limits::QUANTITY
            } else {
                r.float(0.0, 1_000.0)
            });
        }
        if p.item == "elevator" {
            let mut sharing = ElevatorSharing::default();
            if r.chance(0.5) {
                sharing.floor_coefficients_bp = vec![limits::COEFFICIENT_BP; 40];
            }
            if r.chance(0.5) {
                sharing.compensation = (0..40).map(|_| amount(&mut r, MAX_YUAN / 1_000)).collect();
            }
            p.elevator = Some(sharing);
            p.funding = Some(vec![
                ShareRule {
                    source: FundingSource::LocalFinance,
                    max_bp: 10_000,
                    max_amount: Some(amount(&mut r, MAX_YUAN)),
                },
                ShareRule {
                    source: FundingSource::Residents,
                    max_bp: 10_000,
                    max_amount: None,
                },
            ]);
        }
        p.must = match r.range(0, 4) {
            0 => renovation_planner::core::optimise::Must::Do,
            1 => renovation_planner::core::optimise::Must::Not,
            _ => renovation_planner::core::optimise::Must::Free,
        };
        if k > 0 && r.chance(0.2) {
            p.requires = vec![ids[k - 1]];
        }
        let _ = id;
    }
    // Funding pools, caps, budgets and years at their limits.
    for s in FundingSource::ALL {
        if r.chance(0.5) {
            plan.funding.pools.insert(s, amount(&mut r, MAX_YUAN));
        }
    }
    plan.funding.household_cap = r.chance(0.5).then(|| amount(&mut r, MAX_YUAN));
    plan.selection.budget = amount(&mut r, MAX_YUAN);
    plan.selection.class_min = [
        amount(&mut r, MAX_YUAN),
        Money::ZERO,
        Money::ZERO,
        Money::ZERO,
    ];
    plan.selection.max_nodes = 20_000;
    let n_years = r.range(0, limits::YEARS as u64) as usize;
    plan.phasing.start_year = limits::YEAR.1 - n_years.saturating_sub(1) as u16;
    plan.phasing.years = (0..n_years)
        .map(|_| YearBudget {
            budget: amount(&mut r, MAX_YUAN),
            by_source: BTreeMap::from([(FundingSource::LocalFinance, amount(&mut r, MAX_YUAN))]),
        })
        .collect();
    plan.risk.samples = r.range(1, 40) as u32;
    plan.risk.seed = r.next();
    // Tallies up to the number of households, and votes.
    let n = plan.community.household_count() as u32;
    for p in plan.scenarios[0].items.clone() {
        plan.tallies.insert(
            p.matter_key(),
            SurveyTally {
                support: n,
                oppose: 0,
                no_view: 0,
            },
        );
        let votes: BTreeMap<HouseholdId, Vote> = plan
            .community
            .households()
            .map(|h| (h.id, Vote::Agree))
            .collect();
        plan.votes.insert(p.matter_key(), votes);
    }
    plan
}

/// Everything the app computes for a plan, as the pages do.
fn compute_everything(plan: &Plan) {
    let ev = evaluate(plan).expect("a valid plan costs");
    assert!(ev.costs.total.high.0 >= ev.costs.total.likely.0);
    for s in &plan.scenarios {
        let b = decide::basis(plan, s).expect("a valid plan costs");
        let report = decide::optimise(plan, s, &b, &plan.selection);
        assert!(report.cost.0 >= 0);
        let total = b.costs.total.likely;
        let step = Money(total.0 / 2).max(Money(1));
        let f = decide::frontier(plan, s, &b, step);
        assert!(!f.is_empty());
        let all: Vec<PlacementId> = s.items.iter().map(|p| p.id).collect();
        let a = decide::phase(plan, s, &b, &all);
        for y in &a.years {
            assert!(y.year <= limits::YEAR.1, "years stay within the horizon");
        }
        let risk = decide::risk(plan, &b, &all, plan.selection.budget);
        assert!(risk.p50.0 >= 0);
    }
}

fn run(cases: u64) {
    // Two workers (the machines have two cores), each its own seeds.
    let counts: Vec<(u64, u64)> = std::thread::scope(|sc| {
        let workers: Vec<_> = (0..2u64)
            .map(|w| {
                sc.spawn(move || {
                    let (mut valid, mut refused) = (0u64, 0u64);
                    for seed in (w..cases).step_by(2) {
                        let plan = extreme_plan(seed);
                        let errors = validate(&plan);
                        if errors.is_empty() {
                            valid += 1;
                            let r = std::panic::catch_unwind(|| compute_everything(&plan));
                            assert!(
                                r.is_ok(),
                                "seed {seed}: the largest admitted values overflowed"
                            );
                        } else {
                            refused += 1;
                            // A refusal names something and says what.
                            assert!(errors.iter().all(|e| {
                                !e.message(renovation_planner::core::lang::Lang::Zh)
                                    .is_empty()
                            }));
                        }
                    }
                    (valid, refused)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let (valid, refused) = counts.iter().fold((0, 0), |a, c| (a.0 + c.0, a.1 + c.1));
    eprintln!("{cases} cases: {valid} admitted and computed, {refused} refused");
    assert!(
        valid * 4 >= cases,
        "most cases are admitted ({valid} of {cases}; {refused} refused)"
    );
}

#[test]
fn the_largest_admitted_values_never_overflow() {
    let cases = std::env::var("LIMIT_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    run(cases);
}

/// The worst case the limits are chosen for: a scenario of 20,000 items, each at the limit
/// of one line, with fees of 100 % each, through costing, funding and phasing.
#[test]
fn twenty_thousand_lines_at_the_limit_fit() {
    let mut plan = Plan::blank("极值小区", "方案一");
    apply(
        &mut plan,
        &Command::AddArea {
            kind: AreaKind::Parking,
            name: "场".into(),
            polygon: rect(0.0, 0.0, 100.0, 100.0, 0.0),
        },
    )
    .unwrap();
    plan.catalog.prices.insert(
        "parking_surface".into(),
        CostRange {
            low: Money::yuan(MAX_UNIT_PRICE_YUAN),
            likely: Money::yuan(MAX_UNIT_PRICE_YUAN),
            high: Money::yuan(MAX_UNIT_PRICE_YUAN),
        },
    );
    plan.costs.design_bp = limits::FEE_BP;
    plan.costs.supervision_bp = limits::FEE_BP;
    plan.costs.contingency_bp = limits::FEE_BP;
    let per_line = (MAX_LINE_YUAN / MAX_UNIT_PRICE_YUAN) as f64;
    let items: Vec<Placement> = (1..=limits::PLACEMENTS as u32)
        .map(|i| {
            let mut p = Placement::new(
                PlacementId(i),
                "parking_surface",
                Target::Area(FeatureId(1)),
            );
            p.quantity_override = Some(per_line);
            p
        })
        .collect();
    plan.scenarios[0].items = items;
    plan.phasing.years = vec![
        YearBudget {
            budget: Money::yuan(MAX_YUAN),
            by_source: BTreeMap::new()
        };
        3
    ];
    // One item more would be over the line limit: refused.
    let mut over = plan.clone();
    over.scenarios[0].items[0].quantity_override = Some(per_line + 0.01);
    assert!(!validate(&over).is_empty());
    let ev = evaluate(&plan).expect("at the limits it still costs");
    let expect = Money::yuan(MAX_LINE_YUAN).0 as i128 * 4 * limits::PLACEMENTS as i128;
    assert_eq!(i128::from(ev.costs.total.likely.0), expect);
    assert!(expect * 10 < i128::from(i64::MAX), "with room to spare");
    let b = decide::basis(&plan, plan.scenario()).unwrap();
    let ids: Vec<PlacementId> = plan.scenario().items.iter().map(|p| p.id).collect();
    let a = decide::phase(&plan, plan.scenario(), &b, &ids);
    assert!(a.years.iter().all(|y| y.cost <= y.budget));
}
