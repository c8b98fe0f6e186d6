//! Shared helpers for the native integration tests: the demo plan and a deterministic random
//! plan generator (SplitMix64 from a seed, so a failing case can be replayed).
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.
#![allow(dead_code)]

use renovation_planner::core::catalog::{Catalog, CatalogEdits};
use renovation_planner::core::geometry::{rect, Pt};
use renovation_planner::core::ids::*;
use renovation_planner::core::money::{Area, Money};
use renovation_planner::core::plan::*;
use renovation_planner::core::plan_file::load_str;
use renovation_planner::core::settings::CostSettings;
use renovation_planner::core::site::*;
use renovation_planner::core::DEMO_JSON;
use std::collections::BTreeMap;

/// The demo plan.
pub fn demo() -> Plan {
    load_str(DEMO_JSON).expect("demo loads").plan
}

/// SplitMix64: small, fast, good enough to generate test data.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    /// Uniform in `[lo, hi)`.
    pub fn float(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (self.next() >> 11) as f64 / (1u64 << 53) as f64 * (hi - lo)
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.float(0.0, 1.0) < p
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.range(0, v.len() as u64 - 1) as usize]
    }
}

/// A random but valid plan: 1-5 buildings in a row, 1-3 stairwells, 1-4 households a floor,
/// some areas, pipes and points, 1-3 scenarios of random valid placements, random votes.
pub fn random_plan(seed: u64) -> Plan {
    let mut r = Rng(seed);
    let nb = r.range(1, 5) as u32;
    let mut buildings = Vec::new();
    for b in 1..=nb {
        let floors = r.range(1, 7) as u8;
        let ns = r.range(1, 3) as u32;
        let x = f64::from(b) * 60.0 + r.float(0.0, 5.0);
        let w = r.float(10.0, 50.0);
        let h = r.float(8.0, 14.0);
        let stairwells = (1..=ns)
            .map(|s| {
                let per_floor = r.range(1, 4) as u32;
                let households = (1..=floors)
                    .flat_map(|f| (1..=per_floor).map(move |u| (f, u)))
                    .map(|(f, u)| Household {
                        id: HouseholdId(b * 10_000 + s * 1_000 + u32::from(f) * 10 + u),
                        room: format!("{f}0{u}"),
                        floor: f,
                        area_m2: Area(r.range(3_000, 15_000)),
                        owner: if r.chance(0.3) {
                            "业主".into()
                        } else {
                            String::new()
                        },
                    })
                    .collect();
                Stairwell {
                    id: StairwellId(b * 10 + s),
                    name: format!("{s}单元"),
                    position: Pt::new(x + w * (f64::from(s) - 0.5) / f64::from(ns), 20.0 + h),
                    households,
                }
            })
            .collect();
        buildings.push(Building {
            id: BuildingId(b),
            name: format!("{b}号楼"),
            footprint: rect(x, 20.0, w, h, r.float(-10.0, 10.0)),
            floors,
            storey_height_m: (r.float(2.6, 3.3) * 100.0).round() / 100.0,
            year_built: r.range(1970, 2010) as u16,
            condition: r.range(1, 5) as u8,
            stairwells,
        });
    }
    let kinds = [
        AreaKind::Road,
        AreaKind::Green,
        AreaKind::Plaza,
        AreaKind::Parking,
    ];
    let areas = (1..=r.range(0, 4) as u32)
        .map(|i| SiteArea {
            id: FeatureId(i),
            kind: *r.pick(&kinds),
            name: format!("区域{i}"),
            polygon: rect(
                f64::from(i) * 70.0,
                60.0,
                r.float(5.0, 60.0),
                r.float(3.0, 20.0),
                0.0,
            ),
        })
        .collect();
    let pipes = (1..=r.range(0, 3) as u32)
        .map(|i| PipeRun {
            id: FeatureId(i),
            kind: PipeKind::Sewer,
            name: format!("管{i}"),
            path: vec![
                Pt::new(0.0, f64::from(i) * 5.0),
                Pt::new(r.float(1.0, 200.0), f64::from(i) * 5.0),
            ],
        })
        .collect();
    let points = (1..=r.range(0, 3) as u32)
        .map(|i| PointFeature {
            id: FeatureId(i),
            kind: PointKind::Lamp,
            name: format!("灯{i}"),
            position: Pt::new(f64::from(i) * 9.0, 90.0),
        })
        .collect();
    let community = Community {
        name: format!("随机小区{seed}"),
        city: String::new(),
        buildings,
        areas,
        pipes,
        points,
    };
    let mut plan = Plan {
        schema_version: 1,
        community,
        catalog: CatalogEdits::default(),
        costs: CostSettings::default(),
        funding: Default::default(),
        scenarios: Vec::new(),
        current_scenario: ScenarioId(1),
        votes: BTreeMap::new(),
        tallies: BTreeMap::new(),
        priority: Default::default(),
        selection: Default::default(),
        phasing: Default::default(),
        risk: Default::default(),
        extras: Default::default(),
    };
    if r.chance(0.3) {
        plan.priority.class_rule = false;
        plan.priority
            .weights
            .insert("security".into(), r.range(0, 40) as u32);
        plan.priority
            .custom
            .push(renovation_planner::core::settings::CustomCriterion {
                id: "security".into(),
                name_zh: "治安".into(),
                name_en: "Security".into(),
            });
    }
    if r.chance(0.3) {
        plan.selection.budget = Money::yuan(r.range(0, 3_000_000) as i64);
        plan.phasing.years = (0..r.range(1, 4))
            .map(|_| renovation_planner::core::settings::YearBudget {
                budget: Money::yuan(r.range(0, 2_000_000) as i64),
                by_source: BTreeMap::new(),
            })
            .collect();
    }
    if r.chance(0.3) {
        plan.funding.household_cap = Some(Money::yuan(r.range(1_000, 50_000) as i64));
    }
    if r.chance(0.5) {
        plan.funding.pools.insert(
            renovation_planner::core::funding_source::FundingSource::CentralSubsidy,
            Money::yuan(r.range(0, 2_000_000) as i64),
        );
    }
    let ns = r.range(1, 3) as u32;
    for s in 1..=ns {
        let items = random_placements(&plan, &mut r, r_count(seed, s));
        plan.scenarios.push(Scenario {
            id: ScenarioId(s),
            name: format!("方案{s}"),
            items,
        });
    }
    // Survey tallies and ratings on some matters.
    for p in plan.scenarios[0].items.iter().take(4) {
        if r.chance(0.5) {
            // At most as many answers as the community has households.
            let n = plan.community.household_count() as u64 / 3;
            plan.tallies.insert(
                p.matter_key(),
                renovation_planner::core::settings::SurveyTally {
                    support: r.range(0, n) as u32,
                    oppose: r.range(0, n) as u32,
                    no_view: r.range(0, n) as u32,
                },
            );
        }
        if r.chance(0.3) {
            plan.priority
                .ratings
                .entry(p.matter_key())
                .or_default()
                .insert("safety".into(), r.range(0, 10) as u8);
        }
    }
    // Votes on some matters of the first scenario.
    let keys: Vec<String> = plan.scenarios[0]
        .items
        .iter()
        .map(|p| p.matter_key())
        .collect();
    let households: Vec<HouseholdId> = plan.community.households().map(|h| h.id).collect();
    for k in keys.iter().take(3) {
        let mut v = BTreeMap::new();
        for h in &households {
            match r.range(0, 3) {
                0 => {}
                1 => {
                    v.insert(*h, Vote::Agree);
                }
                2 => {
                    v.insert(*h, Vote::Object);
                }
                _ => {
                    v.insert(*h, Vote::Abstain);
                }
            }
        }
        if !v.is_empty() {
            plan.votes.insert(k.clone(), v);
        }
    }
    plan
}

fn r_count(seed: u64, s: u32) -> usize {
    ((seed.wrapping_mul(31).wrapping_add(u64::from(s))) % 25) as usize
}

/// Every valid target of an item in a plan.
pub fn targets_for(
    plan: &Plan,
    item: &renovation_planner::core::catalog::CatalogItem,
) -> Vec<Target> {
    let c = &plan.community;
    let mut all = vec![Target::Community];
    all.extend(c.buildings.iter().map(|b| Target::Building(b.id)));
    all.extend(
        c.buildings
            .iter()
            .flat_map(|b| b.stairwells.iter().map(|s| Target::Stairwell(s.id))),
    );
    all.extend(c.areas.iter().map(|a| Target::Area(a.id)));
    all.extend(c.pipes.iter().map(|p| Target::Pipe(p.id)));
    all.extend(c.points.iter().map(|p| Target::Point(p.id)));
    all.into_iter()
        .filter(|&t| renovation_planner::core::takeoff::check_target(c, item, t).is_ok())
        .collect()
}

fn random_placements(plan: &Plan, r: &mut Rng, n: usize) -> Vec<Placement> {
    let catalog = Catalog::defaults();
    let mut out = Vec::new();
    let mut id = 1;
    while out.len() < n {
        let item = r.pick(&catalog.items);
        let targets = targets_for(plan, item);
        if targets.is_empty() {
            if r.chance(0.05) {
                break;
            }
            continue;
        }
        let target = *r.pick(&targets);
        let mut p = Placement::new(PlacementId(id), item.id.clone(), target);
        if r.chance(0.2) {
            p.quantity_override = Some((r.float(0.0, 500.0) * 100.0).round() / 100.0);
        }
        if item.id == "elevator" && r.chance(0.5) {
            p.elevator = Some(ElevatorSharing {
                floor_coefficients_bp: (0..7).map(|_| r.range(0, 5_000) as u32).collect(),
                compensation: if r.chance(0.5) {
                    vec![Money::yuan(r.range(0, 8_000) as i64)]
                } else {
                    vec![]
                },
            });
        }
        out.push(p);
        id += 1;
    }
    out
}

/// A stairwell at `position` with `floors × per_floor` households of 70 m², ids
/// `first_household + index` (index from 0, floor by floor), rooms `{floor}0{door}`.
pub fn stairwell(
    id: u32,
    name: String,
    position: Pt,
    (floors, per_floor): (u32, u32),
    first_household: u32,
) -> Stairwell {
    Stairwell {
        id: StairwellId(id),
        name,
        position,
        households: (0..floors * per_floor)
            .map(|i| Household {
                id: HouseholdId(first_household + i),
                room: format!("{}0{}", i / per_floor + 1, i % per_floor + 1),
                floor: (i / per_floor + 1) as u8,
                area_m2: Area(7_000),
                owner: String::new(),
            })
            .collect(),
    }
}
