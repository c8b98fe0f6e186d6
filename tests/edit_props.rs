//! Property test of the one edit function: any sequence of edits, from the demo or a blank
//! plan, leaves a plan that validates and reads back from its file exactly; a refused edit
//! leaves the plan untouched (all or nothing). This is what guarantees that autosave never
//! stores a plan the app cannot open again.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::{demo, Rng};
use proptest::prelude::*;
use renovation_planner::core::catalog::Catalog;
use renovation_planner::core::command::{apply, BuildingProps, Command, Feature};
use renovation_planner::core::evaluate::{evaluate_after, evaluate_with, Evaluation, Previous};
use renovation_planner::core::geometry::{rect, Pt};
use renovation_planner::core::ids::*;
use renovation_planner::core::money::Money;
use renovation_planner::core::optimise::Must;
use renovation_planner::core::plan::*;
use renovation_planner::core::plan_file::{load_str, to_json};
use renovation_planner::core::site::*;
use renovation_planner::core::validate::validate;

/// Every feature of the plan.
fn features(plan: &Plan) -> Vec<Feature> {
    let c = &plan.community;
    c.buildings
        .iter()
        .map(|b| Feature::Building(b.id))
        .chain(c.areas.iter().map(|a| Feature::Area(a.id)))
        .chain(c.pipes.iter().map(|a| Feature::Pipe(a.id)))
        .chain(c.points.iter().map(|a| Feature::Point(a.id)))
        .collect()
}

/// Every target of the plan, including ids that do not exist (refusals are tested too).
fn targets(plan: &Plan, r: &mut Rng) -> Target {
    let c = &plan.community;
    let mut all = vec![Target::Community, Target::Stairwell(StairwellId(9_999))];
    all.extend(c.buildings.iter().map(|b| Target::Building(b.id)));
    all.extend(
        c.buildings
            .iter()
            .flat_map(|b| b.stairwells.iter().map(|s| Target::Stairwell(s.id))),
    );
    all.extend(c.areas.iter().map(|a| Target::Area(a.id)));
    all.extend(c.pipes.iter().map(|a| Target::Pipe(a.id)));
    all.extend(c.points.iter().map(|a| Target::Point(a.id)));
    *r.pick(&all)
}

fn props(r: &mut Rng, name: &str) -> BuildingProps {
    BuildingProps {
        name: name.to_string(),
        floors: r.range(1, 9) as u8,
        storey_height_m: 2.8,
        year_built: 1990,
        condition: r.range(1, 5) as u8,
        stairwells: r.range(1, 5) as u8,
        households_per_floor: r.range(1, 4) as u8,
        area_per_household_m2: r.float(40.0, 120.0),
    }
}

/// A random edit of `plan`, valid or not.
fn random_command(plan: &Plan, r: &mut Rng) -> Command {
    let fs = features(plan);
    let some_feature = |r: &mut Rng| {
        if fs.is_empty() {
            Feature::Building(BuildingId(1))
        } else {
            *r.pick(&fs)
        }
    };
    let items: Vec<String> = Catalog::defaults()
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let placements: Vec<PlacementId> = plan.scenario().items.iter().map(|p| p.id).collect();
    let some_placement = |r: &mut Rng| {
        if placements.is_empty() {
            PlacementId(1)
        } else {
            *r.pick(&placements)
        }
    };
    let x = r.float(-50.0, 250.0);
    let y = r.float(-50.0, 250.0);
    match r.range(0, 17) {
        0 | 1 => Command::AddBuilding {
            footprint: rect(
                x,
                y,
                r.float(8.0, 60.0),
                r.float(8.0, 15.0),
                r.float(0.0, 90.0),
            ),
            props: props(r, "新楼"),
        },
        2 | 3 => {
            let ids: Vec<BuildingId> = plan.community.buildings.iter().map(|b| b.id).collect();
            let id = if ids.is_empty() {
                BuildingId(1)
            } else {
                *r.pick(&ids)
            };
            Command::UpdateBuilding {
                id,
                props: props(r, "改楼"),
            }
        }
        4 => Command::AddArea {
            kind: *r.pick(&[
                AreaKind::Road,
                AreaKind::Green,
                AreaKind::Parking,
                AreaKind::Plaza,
            ]),
            name: "区".into(),
            polygon: rect(x, y, r.float(3.0, 40.0), r.float(3.0, 40.0), 0.0),
        },
        5 => Command::AddPipe {
            kind: *r.pick(&[
                PipeKind::Sewer,
                PipeKind::Gas,
                PipeKind::Telecom,
                PipeKind::Rain,
            ]),
            name: "管".into(),
            path: vec![Pt::new(x, y), Pt::new(x + r.float(1.0, 80.0), y)],
        },
        6 => Command::AddPoint {
            kind: PointKind::Lamp,
            name: "灯".into(),
            position: Pt::new(x, y),
        },
        7 => Command::Move {
            features: vec![some_feature(r)],
            dx: r.float(-5.0, 5.0),
            dy: r.float(-5.0, 5.0),
        },
        8 => Command::Delete {
            features: vec![some_feature(r)],
        },
        9 => Command::Duplicate {
            features: vec![some_feature(r), some_feature(r)],
            dx: 3.0,
            dy: 3.0,
        },
        10..=12 => Command::Place {
            item: r.pick(&items).clone(),
            target: targets(plan, r),
        },
        13 => Command::Unplace {
            placements: vec![some_placement(r)],
        },
        14 => Command::SetQuantity {
            placement: some_placement(r),
            quantity: Some(r.float(-1.0, 500.0)),
        },
        15 => Command::SetMust {
            placement: some_placement(r),
            must: *r.pick(&[Must::Do, Must::Not, Must::Free]),
        },
        16 => Command::SetKind {
            feature: some_feature(r),
            kind: *r.pick(&[
                SiteKind::Area(AreaKind::Green),
                SiteKind::Area(AreaKind::Road),
                SiteKind::Pipe(PipeKind::Power),
                SiteKind::Pipe(PipeKind::Sewer),
                SiteKind::Point(PointKind::Charger),
            ]),
        },
        _ => match r.range(0, 3) {
            0 => Command::AddScenario {
                name: "另一方案".into(),
                from: Some(plan.current_scenario),
                keep: None,
            },
            1 => Command::SetScenario {
                id: plan.scenarios[r.range(0, plan.scenarios.len() as u64 - 1) as usize].id,
            },
            2 => Command::DeleteScenario {
                id: plan.current_scenario,
            },
            _ => Command::SetYears {
                start_year: 2027,
                budgets: vec![Money::yuan(1_000_000); r.range(0, 4) as usize],
            },
        },
    }
}

fn run(start: Plan, seed: u64, steps: usize) -> Result<(), TestCaseError> {
    let mut r = Rng(seed);
    let mut plan = start;
    for step in 0..steps {
        let cmd = random_command(&plan, &mut r);
        let before = plan.clone();
        match apply(&mut plan, &cmd) {
            Ok(_) => {
                let errs = validate(&plan);
                prop_assert!(errs.is_empty(), "step {step}, {cmd:?}: {errs:?}");
                let back = load_str(&to_json(&plan)).map_err(|e| {
                    TestCaseError::fail(format!("step {step}, {cmd:?}: {:?}", e.errors))
                })?;
                prop_assert_eq!(
                    &back.plan,
                    &plan,
                    "step {}, {:?} does not read back",
                    step,
                    cmd
                );
            }
            Err(_) => prop_assert_eq!(
                &plan,
                &before,
                "step {}: refused {:?} changed the plan",
                step,
                cmd
            ),
        }
    }
    Ok(())
}

/// Edits at random, moves and reshapes most often, votes and funding settings changed now
/// and then: after each, the evaluation that keeps what the edit did not change equals the
/// evaluation from scratch.
fn run_evaluations(start: Plan, seed: u64, steps: usize) -> Result<(), TestCaseError> {
    let mut r = Rng(seed);
    let mut plan = start;
    let mut last = evaluate(&plan);
    for step in 0..steps {
        let before = plan.clone();
        let what = match r.range(0, 9) {
            0..=3 if !features(&plan).is_empty() => {
                let fs = features(&plan);
                let f = *r.pick(&fs);
                let cmd = if r.chance(0.7) {
                    Command::Move {
                        features: vec![f],
                        dx: r.float(-5.0, 5.0),
                        dy: r.float(-5.0, 5.0),
                    }
                } else {
                    // A reshape: the feature grown or shrunk about its first point.
                    let k = r.float(0.8, 1.25);
                    let pts = shape_of(&plan, f);
                    let o = pts.first().copied().unwrap_or(Pt::new(0.0, 0.0));
                    Command::SetShape {
                        feature: f,
                        points: pts
                            .iter()
                            .map(|p| Pt::new(o.x + (p.x - o.x) * k, o.y + (p.y - o.y) * k))
                            .collect(),
                    }
                };
                let _ = apply(&mut plan, &cmd);
                format!("{cmd:?}")
            }
            4 => {
                // A household's vote on one of the placed items.
                let keys: Vec<String> = plan
                    .scenario()
                    .items
                    .iter()
                    .map(|p| p.matter_key())
                    .collect();
                let hh: Vec<HouseholdId> = plan.community.households().map(|h| h.id).collect();
                if let (false, false) = (keys.is_empty(), hh.is_empty()) {
                    let key = r.pick(&keys).clone();
                    let h = *r.pick(&hh);
                    let v = *r.pick(&[Vote::Agree, Vote::Object, Vote::Abstain]);
                    plan.votes.entry(key).or_default().insert(h, v);
                }
                "a vote".into()
            }
            5 => {
                plan.funding.household_cap = r
                    .chance(0.5)
                    .then(|| Money::yuan(r.range(100, 20_000) as i64));
                "the household cap".into()
            }
            _ => {
                let cmd = random_command(&plan, &mut r);
                let _ = apply(&mut plan, &cmd);
                format!("{cmd:?}")
            }
        };
        let catalog = Catalog::with_edits(&plan.catalog);
        let previous = last.as_ref().map(|e| Previous {
            plan: &before,
            scenario: before.scenario(),
            evaluation: e,
        });
        let kept = evaluate_after(previous, &plan, &catalog, plan.scenario()).ok();
        let fresh = evaluate(&plan);
        prop_assert_eq!(&kept, &fresh, "step {}: after {}", step, what);
        last = fresh;
    }
    Ok(())
}

fn evaluate(plan: &Plan) -> Option<Evaluation> {
    evaluate_with(plan, &Catalog::with_edits(&plan.catalog), plan.scenario()).ok()
}

/// A feature's outline, run or position.
fn shape_of(plan: &Plan, f: Feature) -> Vec<Pt> {
    let c = &plan.community;
    match f {
        Feature::Building(id) => c.building(id).map(|b| b.footprint.clone()),
        Feature::Area(id) => c.area(id).map(|a| a.polygon.clone()),
        Feature::Pipe(id) => c.pipe(id).map(|p| p.path.clone()),
        Feature::Point(id) => c.point(id).map(|p| vec![p.position]),
    }
    .unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn an_evaluation_after_an_edit_equals_one_from_scratch(seed in any::<u64>()) {
        run_evaluations(demo(), seed, 30)?;
    }

    #[test]
    fn any_edits_of_the_demo_keep_a_valid_plan_that_reads_back(seed in any::<u64>()) {
        run(demo(), seed, 40)?;
    }

    #[test]
    fn any_edits_of_a_blank_plan_keep_a_valid_plan_that_reads_back(seed in any::<u64>()) {
        run(Plan::blank("新小区", "方案一"), seed, 40)?;
    }
}

/// The designer's first steps that used to save an unreadable plan: a new blank community, a
/// building, its stairwells from 2 to 3. The new stairwell gets a new id, an elevator on it
/// stays on it, and the three entrances are spread along the building.
#[test]
fn a_third_stairwell_gets_its_own_id_and_place() {
    let mut plan = Plan::blank("新小区", "方案一");
    apply(
        &mut plan,
        &Command::AddBuilding {
            footprint: rect(0.0, 0.0, 60.0, 12.0, 0.0),
            props: BuildingProps::typical("1号楼"),
        },
    )
    .unwrap();
    let mut p = BuildingProps::of(&plan.community.buildings[0]);
    p.stairwells = 3;
    apply(
        &mut plan,
        &Command::UpdateBuilding {
            id: BuildingId(1),
            props: p,
        },
    )
    .unwrap();
    assert_eq!(validate(&plan), vec![]);
    let s = &plan.community.buildings[0].stairwells;
    let ids: Vec<u32> = s.iter().map(|s| s.id.0).collect();
    assert_eq!(ids, vec![1, 2, 3]);
    let xs: Vec<f64> = s.iter().map(|s| s.position.x).collect();
    assert_eq!(
        xs,
        vec![10.0, 30.0, 50.0],
        "entrances spread evenly, none on another"
    );
    apply(
        &mut plan,
        &Command::Place {
            item: "elevator".into(),
            target: Target::Stairwell(StairwellId(3)),
        },
    )
    .unwrap();
    assert_eq!(
        plan.scenario().items[0].target,
        Target::Stairwell(StairwellId(3))
    );
    assert_eq!(load_str(&to_json(&plan)).unwrap().plan, plan);
}

/// A rotated building's entrances turn with it.
#[test]
fn stairwell_marks_follow_a_rotation() {
    let mut plan = demo();
    let b = plan.community.building(BuildingId(1)).unwrap().clone();
    let c = renovation_planner::core::geometry::vertex_centroid(&b.footprint);
    // A half turn about the centre swaps the marks' sides.
    let turned: Vec<Pt> = b
        .footprint
        .iter()
        .map(|p| Pt::new(2.0 * c.x - p.x, 2.0 * c.y - p.y))
        .collect();
    apply(
        &mut plan,
        &Command::SetShape {
            feature: Feature::Building(BuildingId(1)),
            points: turned,
        },
    )
    .unwrap();
    let after = plan.community.building(BuildingId(1)).unwrap();
    for (old, new) in b.stairwells.iter().zip(&after.stairwells) {
        let expect = Pt::new(2.0 * c.x - old.position.x, 2.0 * c.y - old.position.y);
        assert!(
            new.position.dist(expect) < 0.01,
            "{:?} vs {:?}",
            new.position,
            expect
        );
    }
}
