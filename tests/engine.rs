//! The decision engine on plans: priorities with breakdowns, the class rule and its effect,
//! reasons for left-out items, fairness by equal shares, phasing of the demo.
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.

mod common;

use renovation_planner::core::decide;
use renovation_planner::core::geometry::{rect, Pt};
use renovation_planner::core::ids::*;
use renovation_planner::core::money::Money;
use renovation_planner::core::optimise::{Must, Status};
use renovation_planner::core::plan::*;
use renovation_planner::core::select::Reason;
use renovation_planner::core::settings::CostSettings;
use renovation_planner::core::settings::SelectionSettings;
use renovation_planner::core::settings::YearBudget;
use renovation_planner::core::site::*;
use std::collections::BTreeMap;

/// Two buildings of 20 households each (70 m²), three placements each: A (building 1) items are
/// rated higher than B (building 2) items by hand.
fn two_buildings() -> Plan {
    let building = |id: u32, x: f64| Building {
        id: BuildingId(id),
        name: format!("{id}号楼"),
        footprint: rect(x, 0.0, 30.0, 10.0, 0.0),
        floors: 5,
        storey_height_m: 2.9,
        year_built: 1990,
        condition: 3,
        stairwells: vec![common::stairwell(
            id * 10,
            "1单元".into(),
            Pt::new(x + 15.0, 10.0),
            (5, 4),
            id * 100,
        )],
    };
    let mut plan = common::demo();
    plan.community.buildings = vec![building(1, 0.0), building(2, 50.0)];
    plan.community.areas.clear();
    plan.community.pipes.clear();
    plan.community.points.clear();
    plan.votes.clear();
    // Three basic items per building with quantities making each exactly 100 000 yuan:
    // fire safety 2 × 50 000, facade 1 250 m² × 80, water pipes 40 households × 2 500.
    let mut items = Vec::new();
    for (b, offset) in [(1u32, 0u32), (2, 10)] {
        for (k, (item, qty)) in [
            ("fire_safety", 2.0),
            ("facade_repair", 1_250.0),
            ("water_supply_pipes", 40.0),
        ]
        .iter()
        .enumerate()
        {
            let mut p = Placement::new(
                PlacementId(offset + k as u32 + 1),
                *item,
                Target::Building(BuildingId(b)),
            );
            p.quantity_override = Some(*qty);
            items.push(p);
        }
    }
    plan.scenarios = vec![Scenario {
        id: ScenarioId(1),
        name: "test".into(),
        items,
    }];
    plan.current_scenario = ScenarioId(1);
    plan.costs = CostSettings {
        design_bp: 0,
        supervision_bp: 0,
        contingency_bp: 0,
    };
    // Rate by hand: A items 9/10 on every criterion, B items 6/10.
    for p in &plan.scenarios[0].items {
        let r = if p.id.0 <= 10 { 9 } else { 6 };
        let ratings: BTreeMap<String, u8> = plan
            .priority
            .weights
            .keys()
            .map(|k| (k.clone(), r))
            .collect();
        plan.priority.ratings.insert(p.matter_key(), ratings);
    }
    plan
}

#[test]
fn priorities_come_with_their_breakdown() {
    let plan = common::demo();
    let s = plan.scenario().clone();
    let b = decide::basis(&plan, &s).unwrap();
    assert_eq!(b.priorities.items.len(), s.items.len());
    for it in &b.priorities.items {
        let sum: f64 = it.parts.iter().map(|p| p.points).sum();
        assert!((sum - it.score).abs() < 1e-9);
        assert_eq!(it.parts.len(), 5);
        assert!((0.0..=100.0).contains(&it.score));
    }
    // The safety fix is more urgent than the elderly station.
    let score = |id: u32| {
        b.priorities
            .items
            .iter()
            .find(|x| x.placement == PlacementId(id))
            .unwrap()
    };
    let urgency = |id: u32| {
        score(id)
            .parts
            .iter()
            .find(|p| p.criterion == "safety")
            .unwrap()
            .rating
    };
    assert!(urgency(1) > urgency(21));
    // The elevator that passed its vote has no survey yet: neutral demand.
    let demand = score(17)
        .parts
        .iter()
        .find(|p| p.criterion == "demand")
        .unwrap()
        .rating;
    assert_eq!(demand, 0.5);
}

#[test]
fn survey_tallies_drive_the_demand_criterion() {
    let mut plan = common::demo();
    let key = plan.scenario().items[20].matter_key();
    plan.tallies.insert(
        key,
        renovation_planner::core::settings::SurveyTally {
            support: 90,
            oppose: 10,
            no_view: 0,
        },
    );
    let s = plan.scenario().clone();
    let b = decide::basis(&plan, &s).unwrap();
    let part = b.priorities.items[20]
        .parts
        .iter()
        .find(|p| p.criterion == "demand")
        .unwrap()
        .clone();
    assert!((part.rating - 0.9).abs() < 1e-12);
    assert!(!part.manual);
}

#[test]
fn the_budget_is_respected_and_left_out_items_say_why() {
    let mut plan = common::demo();
    plan.selection = SelectionSettings {
        budget: Money::yuan(2_500_000),
        ..SelectionSettings::default()
    };
    let s = plan.scenario().clone();
    let b = decide::basis(&plan, &s).unwrap();
    let r = decide::optimise(&plan, &s, &b, &plan.selection);
    assert_eq!(r.status, Status::Optimal);
    assert!(r.cost <= Money::yuan(2_500_000));
    assert!(!r.left_out.is_empty());
    for l in &r.left_out {
        assert!(
            l.reasons
                .iter()
                .any(|x| matches!(x, Reason::OverBudget { .. })),
            "{l:?}"
        );
    }
    // Must-not is reported as the user's choice; a dependency on it as "needs".
    plan.scenarios[0].items[0].must = Must::Not;
    plan.scenarios[0].items[2].requires.push(PlacementId(1));
    let s = plan.scenario().clone();
    let b = decide::basis(&plan, &s).unwrap();
    let r = decide::optimise(&plan, &s, &b, &plan.selection);
    let why = |id: u32| {
        r.left_out
            .iter()
            .find(|l| l.placement == PlacementId(id))
            .map(|l| l.reasons.clone())
    };
    assert_eq!(why(1), Some(vec![Reason::ExcludedByUser]));
    assert!(why(3).unwrap().contains(&Reason::Needs {
        placement: PlacementId(1)
    }));
}

#[test]
fn the_class_rule_and_its_effect() {
    // The roof of building 1 (79 695 yuan) and the elevator of its stairwell 1 (575 000), the
    // elevator rated far higher, a budget of 580 000: both do not fit. With the rule the
    // elevator must wait for the roof, so the roof is chosen; without it, the elevator.
    let mut plan = common::demo();
    plan.scenarios[0]
        .items
        .retain(|p| [2, 17].contains(&p.id.0));
    for (id, r) in [(2u32, 1u8), (17, 10)] {
        let key = plan.scenarios[0]
            .items
            .iter()
            .find(|p| p.id.0 == id)
            .unwrap()
            .matter_key();
        let ratings = plan
            .priority
            .weights
            .keys()
            .map(|k| (k.clone(), r))
            .collect();
        plan.priority.ratings.insert(key, ratings);
    }
    plan.selection.budget = Money::yuan(580_000);
    let s = plan.scenario().clone();
    let b = decide::basis(&plan, &s).unwrap();
    let r = decide::optimise(&plan, &s, &b, &plan.selection);
    assert_eq!(r.chosen, vec![PlacementId(2)]);
    assert_eq!(r.class_rule.only_without, vec![PlacementId(17)]);
    assert_eq!(r.class_rule.only_with, vec![PlacementId(2)]);
    assert!(r.class_rule.value_without > r.class_rule.value_with);
    // Switched off, the elevator is chosen.
    plan.priority.class_rule = false;
    let r = decide::optimise(&plan, &s, &b, &plan.selection);
    assert_eq!(r.chosen, vec![PlacementId(17)]);
    // With the rule, and the roof excluded by the user, the elevator cannot come first.
    plan.priority.class_rule = true;
    plan.scenarios[0].items[0].must = Must::Not;
    let s = plan.scenario().clone();
    let r = decide::optimise(&plan, &s, &b, &plan.selection);
    let why = &r
        .left_out
        .iter()
        .find(|l| l.placement == PlacementId(17))
        .unwrap()
        .reasons;
    assert_eq!(
        why,
        &vec![Reason::LivelihoodFirst {
            placement: PlacementId(2)
        }]
    );
}

#[test]
fn equal_shares_spread_the_budget_between_buildings() {
    let mut plan = two_buildings();
    plan.selection.budget = Money::yuan(300_000);
    let s = plan.scenario().clone();
    let b = decide::basis(&plan, &s).unwrap();
    let best = decide::optimise(&plan, &s, &b, &plan.selection);
    // Highest total priority: all three of building 1's (better rated) items.
    let in_b1 = |ids: &[PlacementId]| ids.iter().filter(|p| p.0 <= 10).count();
    assert_eq!(in_b1(&best.chosen), 3);
    plan.selection.equal_shares = true;
    let fair = decide::optimise(&plan, &s, &b, &plan.selection);
    // Equal shares: each building's 20 households hold 150 000 — one item each, then the
    // 100 000 left buys the best remaining item (building 1's).
    assert_eq!(fair.chosen.len(), 3);
    assert_eq!(in_b1(&fair.chosen), 2);
    assert!(fair.cost <= Money::yuan(300_000));
}

#[test]
fn the_demo_phases_over_three_years_within_each_budget() {
    let mut plan = common::demo();
    plan.phasing.years = vec![
        YearBudget {
            budget: Money::yuan(1_500_000),
            by_source: BTreeMap::new()
        };
        3
    ];
    let s = plan.scenario().clone();
    let b = decide::basis(&plan, &s).unwrap();
    let all: Vec<PlacementId> = s.items.iter().map(|p| p.id).collect();
    let a = decide::phase(&plan, &s, &b, &all);
    assert_eq!(a.years.len(), 3);
    assert!(a.years.iter().all(|y| y.cost <= y.budget));
    assert_eq!(a.years[0].year, 2027);
    // Safety first: the safety fix is in the first year.
    assert!(a.years[0].items.contains(&PlacementId(1)));
    let scheduled: usize = a.years.iter().map(|y| y.items.len()).sum();
    assert_eq!(scheduled + a.unscheduled.len(), all.len());
}
