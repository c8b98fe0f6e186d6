//! Every edit of a plan is a [`Command`] applied by [`apply`], which validates it and leaves
//! the plan unchanged when it is refused: [`applied`] makes the edit on a copy and returns the
//! new plan, or the error, so a half-made edit can never reach the plan on screen. The
//! interface's reducer only calls this and records the error; undo and redo keep whole plans.
//!
//! The edits, by what they change:
//! - `site`: buildings, areas, pipes and points;
//! - `items`: the items placed in the current scenario;
//! - `scenarios`: add, rename, delete, show;
//! - `residents`: survey tallies and votes;
//! - `budget`: the community's name, the budget, the class rule, the years;
//!
//! with `types` (the vocabulary) and `checks` (ids, names, outlines) shared by all.

mod budget;
mod checks;
mod items;
mod residents;
mod scenarios;
mod site;
mod types;

use crate::core::catalog::Catalog;
use crate::core::geometry::Pt;
use crate::core::ids::*;
use crate::core::plan::*;
use crate::core::site::*;
use site::targets_of;
pub use site::{entrance_marks, follow_marks};
pub use types::{Applied, BuildingProps, Command, EditError, Feature};

/// Applies `cmd` to `plan`. On error the plan is unchanged: the edit is made on a copy that
/// replaces the plan only when the whole edit succeeded.
pub fn apply(plan: &mut Plan, cmd: &Command) -> Result<Applied, EditError> {
    let (next, out) = applied(plan, cmd)?;
    *plan = next;
    Ok(out)
}

/// The plan after `cmd`, and what it created; or why it was refused (`plan` is never touched).
pub fn applied(plan: &Plan, cmd: &Command) -> Result<(Plan, Applied), EditError> {
    let mut next = plan.clone();
    let out = edit(&mut next, cmd)?;
    check_lines(&next, cmd, &out)?;
    Ok((next, out))
}

/// Refuses an edit that would put a line's quantity × unit price over the limit that keeps
/// every total in range: the items whose quantity it can change are costed again.
fn check_lines(plan: &Plan, cmd: &Command, out: &Applied) -> Result<(), EditError> {
    let on_feature = |f: Feature| targets_of(plan, f);
    let (targets, placements): (Vec<Target>, Vec<PlacementId>) = match cmd {
        Command::Place { .. } => (Vec::new(), out.placements.clone()),
        Command::SetQuantity { placement, .. } => (Vec::new(), vec![*placement]),
        Command::UpdateBuilding { id, .. } => (on_feature(Feature::Building(*id)), Vec::new()),
        Command::SetShape { feature, .. } | Command::SetKind { feature, .. } => {
            (on_feature(*feature), Vec::new())
        }
        Command::AddBuilding { .. } | Command::Duplicate { .. } => (Vec::new(), Vec::new()),
        _ => return Ok(()),
    };
    let catalog = Catalog::with_edits(&plan.catalog);
    let current = plan.current_scenario;
    for s in &plan.scenarios {
        for p in &s.items {
            // Whole-community items add up every building: any building change may move them.
            let hit = targets.contains(&p.target)
                || (p.target == Target::Community
                    && !matches!(cmd, Command::Place { .. } | Command::SetQuantity { .. }))
                || (s.id == current && placements.contains(&p.id));
            if hit && !crate::core::validate::line_fits(plan, &catalog, p) {
                return Err(EditError::TooExpensive {
                    item: p.item.clone(),
                });
            }
        }
    }
    Ok(())
}

/// Makes the edit on `plan` in place; may leave it half-edited on error (callers work on a
/// copy, see [`applied`]).
fn edit(plan: &mut Plan, cmd: &Command) -> Result<Applied, EditError> {
    use Command as C;
    let nothing = |()| Applied::default();
    match cmd {
        C::AddBuilding { footprint, props } => site::add_building(plan, footprint, props),
        C::UpdateBuilding { id, props } => site::update_building(plan, id, props).map(nothing),
        C::AddArea {
            kind,
            name,
            polygon,
        } => site::add_area(plan, kind, name, polygon),
        C::AddPipe { kind, name, path } => site::add_pipe(plan, kind, name, path),
        C::AddPoint {
            kind,
            name,
            position,
        } => site::add_point(plan, kind, name, position),
        C::Move { features, dx, dy } => site::move_features(plan, features, dx, dy).map(nothing),
        C::SetShape { feature, points } => site::set_shape(plan, feature, points).map(nothing),
        C::SetKind { feature, kind } => site::set_kind(plan, feature, kind).map(nothing),
        C::Rename { feature, name } => site::rename(plan, feature, name).map(nothing),
        C::Delete { features } => site::delete(plan, features).map(nothing),
        C::Duplicate { features, dx, dy } => site::duplicate(plan, features, dx, dy),
        C::RenameCommunity { name } => budget::rename_community(plan, name).map(nothing),
        C::SetBudget { budget } => budget::set_budget(plan, budget).map(nothing),
        C::SetClassRule { on } => budget::set_class_rule(plan, on).map(nothing),
        C::SetYears {
            start_year,
            budgets,
        } => budget::set_years(plan, start_year, budgets).map(nothing),
        C::Place { item, target } => items::place(plan, item, target),
        C::Unplace { placements } => items::unplace(plan, placements).map(nothing),
        C::SetQuantity {
            placement,
            quantity,
        } => items::set_quantity(plan, placement, quantity).map(nothing),
        C::SetYear { placement, year } => items::set_year(plan, placement, year).map(nothing),
        C::SetMust { placement, must } => items::set_must(plan, placement, must).map(nothing),
        C::AddScenario { name, from, keep } => {
            scenarios::add_scenario(plan, name, from, keep).map(nothing)
        }
        C::RenameScenario { id, name } => scenarios::rename_scenario(plan, id, name).map(nothing),
        C::DeleteScenario { id } => scenarios::delete_scenario(plan, id).map(nothing),
        C::SetScenario { id } => scenarios::set_scenario(plan, id).map(nothing),
        C::SetTallies { tallies } => residents::set_tallies(plan, tallies).map(nothing),
        C::SetVote {
            matter,
            household,
            vote,
        } => residents::set_vote(plan, matter, household, vote).map(nothing),
    }
}

/// The nearest round coordinate on a grid of `step` metres.
pub fn snap(p: Pt, step: f64) -> Pt {
    if step <= 0.0 {
        return p;
    }
    Pt::new((p.x / step).round() * step, (p.y / step).round() * step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geometry::rect;
    use crate::core::plan_file::{load_str, to_json};
    use crate::core::validate::validate;

    use crate::core::demo;

    fn ok(plan: &mut Plan, cmd: Command) -> Applied {
        let a = apply(plan, &cmd).unwrap_or_else(|e| panic!("{cmd:?}: {e:?}"));
        assert_eq!(validate(plan), vec![], "after {cmd:?}");
        a
    }

    #[test]
    fn adding_a_building_generates_households() {
        let mut p = demo();
        let before = p.community.household_count();
        let a = ok(
            &mut p,
            Command::AddBuilding {
                footprint: rect(150.0, 10.0, 30.0, 11.0, 0.0),
                props: BuildingProps::typical("7号楼"),
            },
        );
        assert_eq!(a.features, vec![Feature::Building(BuildingId(7))]);
        assert_eq!(p.community.household_count(), before + 24);
        let b = p.community.building(BuildingId(7)).unwrap();
        assert_eq!(b.stairwells.len(), 2);
        assert_eq!(b.stairwells[0].households[0].room, "101");
        // The plan still round-trips.
        assert_eq!(load_str(&to_json(&p)).unwrap().plan, p);
    }

    #[test]
    fn placing_checks_the_target() {
        let mut p = demo();
        let a = ok(
            &mut p,
            Command::Place {
                item: "elevator".into(),
                target: Target::Stairwell(StairwellId(21)),
            },
        );
        assert_eq!(a.placements.len(), 1);
        let e = apply(
            &mut p,
            &Command::Place {
                item: "elevator".into(),
                target: Target::Area(FeatureId(1)),
            },
        );
        assert_eq!(
            e,
            Err(EditError::WrongTarget {
                item: "elevator".into(),
                needs: TargetKind::Stairwell
            })
        );
        let again = apply(
            &mut p,
            &Command::Place {
                item: "elevator".into(),
                target: Target::Stairwell(StairwellId(21)),
            },
        );
        assert_eq!(again, Err(EditError::AlreadyPlaced));
    }

    #[test]
    fn moving_and_refused_edits_leave_the_plan_valid() {
        let mut p = demo();
        let before = p.clone();
        ok(
            &mut p,
            Command::Move {
                features: vec![Feature::Building(BuildingId(1))],
                dx: 2.0,
                dy: -1.0,
            },
        );
        let b = p.community.building(BuildingId(1)).unwrap();
        assert_eq!(b.footprint[0], Pt::new(10.0, 11.0));
        assert_eq!(b.stairwells[0].position, Pt::new(17.5, 22.0));
        // A bow-tie outline is refused and changes nothing.
        let snapshot = p.clone();
        let bad = Command::SetShape {
            feature: Feature::Building(BuildingId(1)),
            points: vec![
                Pt::new(0.0, 0.0),
                Pt::new(10.0, 10.0),
                Pt::new(10.0, 0.0),
                Pt::new(0.0, 10.0),
            ],
        };
        assert_eq!(apply(&mut p, &bad), Err(EditError::BadShape));
        assert_eq!(p, snapshot);
        assert_ne!(p, before);
    }

    #[test]
    fn deleting_a_building_removes_its_placements_and_votes() {
        let mut p = demo();
        ok(
            &mut p,
            Command::Delete {
                features: vec![Feature::Building(BuildingId(1))],
            },
        );
        assert!(p.scenarios.iter().all(|s| s.items.iter().all(|x| !matches!(
            x.target,
            Target::Building(BuildingId(1)) | Target::Stairwell(StairwellId(11..=13))
        ))));
        assert!(!p.votes.contains_key("elevator@stairwell:11"));
        assert!(p.votes.contains_key("elevator@stairwell:51"));
    }

    #[test]
    fn updating_a_building_regenerates_households_when_counts_change() {
        let mut p = demo();
        let mut props = BuildingProps::of(p.community.building(BuildingId(5)).unwrap());
        assert_eq!(
            (props.floors, props.stairwells, props.households_per_floor),
            (6, 2, 2)
        );
        props.name = "五号楼".into();
        ok(
            &mut p,
            Command::UpdateBuilding {
                id: BuildingId(5),
                props: props.clone(),
            },
        );
        assert!(
            p.votes.contains_key("elevator@stairwell:51"),
            "same households keep votes"
        );
        props.floors = 7;
        ok(
            &mut p,
            Command::UpdateBuilding {
                id: BuildingId(5),
                props,
            },
        );
        let b = p.community.building(BuildingId(5)).unwrap();
        assert_eq!(b.household_count(), 28);
        assert_eq!(
            b.stairwells[0].id,
            StairwellId(51),
            "stairwells keep their ids"
        );
        assert!(
            !p.votes.contains_key("elevator@stairwell:51"),
            "old households' votes dropped"
        );
        let bad = BuildingProps {
            floors: 0,
            ..BuildingProps::typical("x")
        };
        assert_eq!(
            apply(
                &mut p,
                &Command::UpdateBuilding {
                    id: BuildingId(5),
                    props: bad
                }
            ),
            Err(EditError::OutOfRange {
                field: "floors".into()
            })
        );
    }

    #[test]
    fn scenarios_tallies_and_votes() {
        let mut p = demo();
        ok(
            &mut p,
            Command::AddScenario {
                name: "电梯方案".into(),
                from: Some(ScenarioId(1)),
                keep: Some(vec![PlacementId(17), PlacementId(18)]),
            },
        );
        assert_eq!(p.current_scenario, ScenarioId(3));
        assert_eq!(p.scenario().items.len(), 2);
        ok(
            &mut p,
            Command::RenameScenario {
                id: ScenarioId(3),
                name: "只装电梯".into(),
            },
        );
        ok(&mut p, Command::SetScenario { id: ScenarioId(1) });
        ok(&mut p, Command::DeleteScenario { id: ScenarioId(3) });
        ok(&mut p, Command::DeleteScenario { id: ScenarioId(2) });
        assert_eq!(
            apply(&mut p, &Command::DeleteScenario { id: ScenarioId(1) }),
            Err(EditError::LastScenario)
        );
        ok(
            &mut p,
            Command::SetTallies {
                tallies: vec![(
                    "elevator@stairwell:11".into(),
                    Some(crate::core::settings::SurveyTally {
                        support: 9,
                        oppose: 1,
                        no_view: 2,
                    }),
                )],
            },
        );
        assert_eq!(p.tallies.len(), 1);
        ok(
            &mut p,
            Command::SetVote {
                matter: "elevator@stairwell:11".into(),
                household: HouseholdId(1111),
                vote: Some(Vote::Agree),
            },
        );
        assert_eq!(
            p.votes["elevator@stairwell:11"][&HouseholdId(1111)],
            Vote::Agree
        );
        ok(
            &mut p,
            Command::SetVote {
                matter: "elevator@stairwell:11".into(),
                household: HouseholdId(1111),
                vote: None,
            },
        );
        assert!(!p.votes["elevator@stairwell:11"].contains_key(&HouseholdId(1111)));
        assert_eq!(
            apply(
                &mut p,
                &Command::SetVote {
                    matter: "x".into(),
                    household: HouseholdId(9),
                    vote: None
                }
            ),
            Err(EditError::NotFound)
        );
        ok(
            &mut p,
            Command::SetYears {
                start_year: 2027,
                budgets: vec![crate::core::money::Money::yuan(1_000_000); 3],
            },
        );
        assert_eq!(p.phasing.years.len(), 3);
    }

    #[test]
    fn duplicate_and_snap() {
        let mut p = demo();
        let a = ok(
            &mut p,
            Command::Duplicate {
                features: vec![
                    Feature::Building(BuildingId(3)),
                    Feature::Area(FeatureId(6)),
                ],
                dx: 0.0,
                dy: 130.0,
            },
        );
        assert_eq!(a.features.len(), 2);
        // A duplicate that fails part-way (its second feature does not exist) is refused
        // whole: the first copy, made before the failure, is not left in the plan.
        let before = p.clone();
        let half = apply(
            &mut p,
            &Command::Duplicate {
                features: vec![
                    Feature::Building(BuildingId(3)),
                    Feature::Building(BuildingId(999)),
                ],
                dx: 0.0,
                dy: 260.0,
            },
        );
        assert_eq!(half, Err(EditError::NotFound));
        assert_eq!(p, before, "a refused duplicate changes nothing");
        assert_eq!(snap(Pt::new(10.4, 9.6), 1.0), Pt::new(10.0, 10.0));
        assert_eq!(snap(Pt::new(10.26, -0.26), 0.5), Pt::new(10.5, -0.5));
    }
}
