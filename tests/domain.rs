//! Hand-computed cases for quantities, costs and funding on a one-building community, worked
//! out on paper (the comments show the arithmetic).
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.

mod common;

use renovation_planner::core::catalog::{Catalog, Class};
use renovation_planner::core::costing::cost_report;
use renovation_planner::core::funding::allocate;
use renovation_planner::core::funding_source::FundingSource as F;
use renovation_planner::core::geometry::{rect, Pt};
use renovation_planner::core::ids::*;
use renovation_planner::core::money::Money;
use renovation_planner::core::plan::*;
use renovation_planner::core::settings::CostSettings;
use renovation_planner::core::settings::{FundingSettings, ShareRule};
use renovation_planner::core::site::*;
use std::collections::BTreeMap;

/// One building 60 × 12 m, 6 floors of 2.9 m, built 1988; two stairwells of 12 households,
/// each 70 m².
fn community() -> Community {
    let stairwell = |s: u32| {
        common::stairwell(
            s,
            format!("{s}单元"),
            Pt::new(15.0 + 30.0 * f64::from(s - 1), 12.0),
            (6, 2),
            s * 100,
        )
    };
    Community {
        name: "测试小区".into(),
        city: String::new(),
        buildings: vec![Building {
            id: BuildingId(1),
            name: "1号楼".into(),
            footprint: rect(0.0, 0.0, 60.0, 12.0, 0.0),
            floors: 6,
            storey_height_m: 2.9,
            year_built: 1988,
            condition: 3,
            stairwells: vec![stairwell(1), stairwell(2)],
        }],
        areas: vec![],
        pipes: vec![],
        points: vec![],
    }
}

fn placements(items: &[&str]) -> Vec<Placement> {
    items
        .iter()
        .enumerate()
        .map(|(i, id)| {
            Placement::new(
                PlacementId(i as u32 + 1),
                *id,
                Target::Building(BuildingId(1)),
            )
        })
        .collect()
}

#[test]
fn cost_roll_up_by_hand() {
    let c = community();
    let items = placements(&["roof_waterproofing", "facade_repair", "water_supply_pipes"]);
    let r = cost_report(&c, Catalog::defaults(), &CostSettings::default(), &items).unwrap();
    // Roof 720 m² × 140 = 100 800; facade 144 m × 6 × 2.9 m = 2505.6 m² × 80 = 200 448;
    // water 24 households × 2 500 = 60 000. Construction 361 248.
    assert_eq!(r.lines[0].construction.likely, Money::yuan(100_800));
    assert_eq!(r.lines[1].construction.likely, Money::yuan(200_448));
    assert_eq!(r.lines[2].construction.likely, Money::yuan(60_000));
    assert_eq!(r.construction.likely, Money::yuan(361_248));
    // Fees per line: design 3 %, supervision 2 %, contingency 10 %. Facade: 6 013.44 +
    // 4 008.96 + 20 044.80.
    assert_eq!(r.lines[1].design.likely, Money(601_344));
    assert_eq!(r.lines[1].supervision.likely, Money(400_896));
    assert_eq!(r.lines[1].contingency.likely, Money(2_004_480));
    assert_eq!(r.lines[1].total.likely, Money(23_051_520));
    // Total 115 920 + 230 515.20 + 69 000 = 415 435.20.
    assert_eq!(r.total.likely, Money(41_543_520));
    assert_eq!(
        r.design.likely + r.supervision.likely + r.contingency.likely,
        Money(5_418_720)
    );
    // Low prices: roof 720 × 80, facade 2505.6 × 40, water 24 × 1500, each × 1.15.
    assert_eq!(
        r.total.low,
        Money::yuan(57_600 + 36_000).mul_bp(11_500) + Money(10_022_400).mul_bp(11_500)
    );
    assert_eq!(r.by_class[Class::Basic.index()], r.total);
    assert_eq!(r.by_class[Class::Improvement.index()].likely, Money::ZERO);
    // Per household: 415 435.20 / 24 = 17 309.80. Per m²: / 4 320 m² = 96.1656 → 96.17.
    assert_eq!(r.per_household.likely, Money(1_730_980));
    assert_eq!(r.per_m2.likely, Money(9_617));
    assert_eq!(r.by_building[0].total, r.total);
    assert_eq!(
        r.by_building[1].total.likely,
        Money::ZERO,
        "no community-wide items"
    );
}

fn settings(central_pool: i64, local_pool: i64) -> FundingSettings {
    let mut s = FundingSettings::livelihood_first();
    s.class_rules.basic = vec![
        ShareRule::share(F::CentralSubsidy, 10_000),
        ShareRule::share(F::Utility, 5_000),
        ShareRule::share(F::LocalFinance, 10_000),
    ];
    s.pools = BTreeMap::from([
        (F::CentralSubsidy, Money::yuan(central_pool)),
        (F::LocalFinance, Money::yuan(local_pool)),
    ]);
    s
}

#[test]
fn funding_by_hand_with_pools_and_residents_by_area() {
    let c = community();
    let items = placements(&["roof_waterproofing", "facade_repair", "water_supply_pipes"]);
    let costs = cost_report(&c, Catalog::defaults(), &CostSettings::default(), &items).unwrap();
    let f = allocate(
        &c,
        Catalog::defaults(),
        &settings(100_000, 50_000),
        &items,
        &costs,
    );
    // Utility (eligible for water only) goes first: 50 % of 69 000 = 34 500.
    // Central (pool 100 000): roof 100 000. Local (pool 50 000): roof 15 920, facade 34 080.
    assert_eq!(f.order[0], F::Utility);
    assert_eq!(f.by_source[F::Utility.index()], Money::yuan(34_500));
    assert_eq!(f.by_source[F::CentralSubsidy.index()], Money::yuan(100_000));
    assert_eq!(f.by_source[F::LocalFinance.index()], Money::yuan(50_000));
    // Residents: facade 230 515.20 − 34 080 = 196 435.20; water 34 500.
    assert_eq!(f.residents(), Money(23_093_520));
    assert_eq!(f.gap, Money::ZERO);
    // 24 equal households: 196 435.20 / 24 = 8 184.80 and 34 500 / 24 = 1 437.50.
    assert_eq!(f.households.len(), 24);
    for h in &f.households {
        assert_eq!(h.total, Money(962_230), "{}", h.room);
        assert_eq!(h.lines.len(), 2);
    }
    // Everything is paid by someone.
    let paid: Money = f.by_source.iter().sum::<Money>() + f.gap;
    assert_eq!(paid, costs.total.likely);
}

#[test]
fn the_household_cap_moves_the_excess_to_the_gap() {
    let c = community();
    let items = placements(&["roof_waterproofing", "facade_repair", "water_supply_pipes"]);
    let costs = cost_report(&c, Catalog::defaults(), &CostSettings::default(), &items).unwrap();
    let mut s = settings(100_000, 50_000);
    s.household_cap = Some(Money::yuan(9_000));
    let f = allocate(&c, Catalog::defaults(), &s, &items, &costs);
    // Each household 9 622.30 → capped at 9 000: 622.30 × 24 = 14 935.20 to the gap.
    assert!(f
        .households
        .iter()
        .all(|h| h.total == Money::yuan(9_000) && h.capped == Money(62_230)));
    assert_eq!(f.gap, Money(1_493_520));
    assert_eq!(f.residents(), Money::yuan(216_000));
}

#[test]
fn restricted_money_is_spent_where_only_it_can_go() {
    // Water first in plan order. The utility company may pay half of water only; central
    // subsidy may pay anything basic. Utility goes first, so central money is left for the
    // roof instead of being spent on the water line the utility shares.
    let c = community();
    let items = placements(&["water_supply_pipes", "roof_waterproofing"]);
    let costs = cost_report(&c, Catalog::defaults(), &CostSettings::default(), &items).unwrap();
    let f = allocate(
        &c,
        Catalog::defaults(),
        &settings(150_000, 0),
        &items,
        &costs,
    );
    let water = &f.lines[0];
    assert_eq!(water.parts[0], (F::Utility, Money::yuan(34_500)));
    assert_eq!(water.parts[1], (F::CentralSubsidy, Money::yuan(34_500)));
    let roof = &f.lines[1];
    assert_eq!(
        roof.parts,
        vec![
            (F::CentralSubsidy, Money::yuan(115_500)),
            (F::Residents, Money::yuan(420))
        ]
    );
}

#[test]
fn central_subsidy_needs_a_pre_2001_building() {
    let mut c = community();
    c.buildings[0].year_built = 2005;
    let items = placements(&["roof_waterproofing"]);
    let costs = cost_report(&c, Catalog::defaults(), &CostSettings::default(), &items).unwrap();
    let f = allocate(
        &c,
        Catalog::defaults(),
        &settings(1_000_000, 1_000_000),
        &items,
        &costs,
    );
    assert_eq!(f.by_source[F::CentralSubsidy.index()], Money::ZERO);
    assert_eq!(f.by_source[F::LocalFinance.index()], costs.total.likely);
}

#[test]
fn elevator_shares_follow_floors_and_sum_to_the_fen() {
    let c = community();
    let items = vec![Placement::new(
        PlacementId(1),
        "elevator",
        Target::Stairwell(StairwellId(1)),
    )];
    let costs = cost_report(&c, Catalog::defaults(), &CostSettings::default(), &items).unwrap();
    // 500 000 × 1.15 = 575 000; subsidy 40 % capped at 150 000 → residents 425 000.
    let f = allocate(
        &c,
        Catalog::defaults(),
        &FundingSettings::livelihood_first(),
        &items,
        &costs,
    );
    let t = &f.elevators[0];
    assert_eq!(t.cost, Money::yuan(575_000));
    assert_eq!(t.subsidy, Money::yuan(150_000));
    assert_eq!(t.residents_total, Money::yuan(425_000));
    // Ground floor exempt; sixth floor pays 425 000 × 0.32 / 2 = 68 000 each.
    for r in &t.rows {
        let expect = match r.floor {
            1 => 0,
            f => 425_000 * [0, 0, 8, 14, 20, 26, 32][f as usize] / 100 / 2,
        };
        assert_eq!(r.net, Money::yuan(expect), "floor {}", r.floor);
    }
    assert_eq!(f.residents(), Money::yuan(425_000));
    // The burden explanation carries the floor coefficient.
    let top = f.households.iter().find(|h| h.room == "601").unwrap();
    assert!(matches!(
        top.lines[0].basis,
        renovation_planner::core::funding::Basis::Floor {
            coefficient_bp: 3_200,
            floor: 6,
            ..
        }
    ));
    // Households of the other stairwell pay nothing.
    assert!(f.households.iter().all(|h| h.stairwell == StairwellId(1)));
}

#[test]
fn price_edits_and_custom_items_are_part_of_the_plan() {
    use renovation_planner::core::catalog::{
        CatalogItem, ConsentRule, CostRange, Matter, Measure, Scope, Sharing, Unit,
    };
    use renovation_planner::core::plan_file::{load_str, to_json};
    let mut plan = common::demo();
    // The committee got a quote: roof work at 120 / 150 / 180 yuan per m².
    plan.catalog
        .prices
        .insert("roof_waterproofing".into(), CostRange::yuan(120, 150, 180));
    plan.catalog.custom.push(CatalogItem {
        id: "mural".into(),
        name_zh: "文化墙".into(),
        name_en: "Mural".into(),
        class: Class::Improvement,
        unit: Unit::SquareMetre,
        unit_cost: CostRange::yuan(100, 200, 300),
        measure: Measure::Entered { default: 50.0 },
        targets: vec![TargetKind::Community],
        area_kinds: vec![],
        pipe_kinds: vec![],
        consent: ConsentRule {
            scope: Scope::Community,
            matter: Matter::Ordinary,
        },
        funding: vec![F::LocalFinance, F::Residents],
        sharing: Sharing::ByArea,
        source: "committee quote".into(),
    });
    plan.scenarios[0]
        .items
        .push(Placement::new(PlacementId(99), "mural", Target::Community));
    let back = load_str(&to_json(&plan))
        .expect("edited plan is valid")
        .plan;
    assert_eq!(back, plan, "edits survive the file");
    let ev = renovation_planner::core::evaluate::evaluate(&back).unwrap();
    let roof = ev
        .costs
        .lines
        .iter()
        .find(|l| l.item == "roof_waterproofing")
        .unwrap();
    assert_eq!(roof.unit_cost.likely, Money::yuan(150));
    assert_eq!(roof.construction.likely, Money::yuan(495 * 150));
    let mural = ev.costs.lines.iter().find(|l| l.item == "mural").unwrap();
    assert_eq!(mural.construction.likely, Money::yuan(50 * 200));
    // A price edit out of order is refused, naming it.
    plan.catalog
        .prices
        .insert("gas_pipes".into(), CostRange::yuan(3, 2, 1));
    let e = load_str(&to_json(&plan)).unwrap_err();
    assert_eq!(e.errors[0].path, "catalog.prices.gas_pipes");
}
