//! The checks every edit shares: new ids that are never reused, finding what an edit names,
//! names, building properties and outlines within the limits the plan file accepts.

use crate::core::command::types::{BuildingProps, EditError};
use crate::core::geometry::{check_simple_polygon, Pt};
use crate::core::ids::*;
use crate::core::plan::*;
use crate::core::validate::limits;

/// Outlines and runs as drawn or pasted: a click on the first corner to close an outline, or
/// a corner clicked twice, is not an error.
pub(super) fn plain(pts: &[Pt], closed: bool) -> Vec<Pt> {
    crate::core::geometry::normalise_points(pts, closed).0
}

/// One more than the largest id given (1 for none); [`EditError::TooMany`] when the ids are
/// used up.
pub(super) fn next_id<T: Copy>(
    ids: impl Iterator<Item = T>,
    get: impl Fn(T) -> u32,
) -> Result<u32, EditError> {
    ids.map(get)
        .max()
        .unwrap_or(0)
        .checked_add(1)
        .ok_or(EditError::TooMany)
}

/// The one allocator of new ids for a plan's community: each kind's next id is one more than
/// the largest id of that kind anywhere in the plan, so an id that is in the plan is never
/// given out again (a stairwell that took another's id would also take its elevator and its
/// votes, and the plan would no longer read back).
#[derive(Debug, Clone, Copy)]
pub(super) struct NextIds {
    pub(super) stairwell: u32,
    pub(super) household: u32,
}

impl NextIds {
    pub(super) fn of(plan: &Plan) -> Result<NextIds, EditError> {
        let c = &plan.community;
        Ok(NextIds {
            stairwell: next_id(
                c.buildings
                    .iter()
                    .flat_map(|b| b.stairwells.iter().map(|s| s.id)),
                |i| i.0,
            )?,
            household: next_id(c.households().map(|h| h.id), |i| i.0)?,
        })
    }

    pub(super) fn take(slot: &mut u32) -> Result<u32, EditError> {
        let id = *slot;
        *slot = id.checked_add(1).ok_or(EditError::TooMany)?;
        Ok(id)
    }
}

/// The element of `v` with this id, or [`EditError::NotFound`].
pub(super) fn find_mut<T, I: PartialEq>(
    v: &mut [T],
    id: I,
    id_of: fn(&T) -> I,
) -> Result<&mut T, EditError> {
    v.iter_mut()
        .find(|x| id_of(x) == id)
        .ok_or(EditError::NotFound)
}

/// The placed item of the current scenario with this id.
pub(super) fn placement_mut(plan: &mut Plan, id: PlacementId) -> Result<&mut Placement, EditError> {
    let current = plan.current_scenario;
    let s = find_mut(&mut plan.scenarios, current, |s| s.id)?;
    find_mut(&mut s.items, id, |p| p.id)
}

pub(super) fn check_name(name: &str) -> Result<(), EditError> {
    if name.trim().is_empty() || name.chars().count() > limits::NAME_CHARS {
        Err(EditError::BadName)
    } else {
        Ok(())
    }
}

pub(super) fn check_props(p: &BuildingProps) -> Result<(), EditError> {
    check_name(&p.name)?;
    let range = |ok: bool, field: &str| {
        if ok {
            Ok(())
        } else {
            Err(EditError::OutOfRange {
                field: field.to_string(),
            })
        }
    };
    range(
        (limits::FLOORS.0..=limits::FLOORS.1).contains(&p.floors),
        "floors",
    )?;
    range(
        (limits::STOREY_HEIGHT_M.0..=limits::STOREY_HEIGHT_M.1).contains(&p.storey_height_m),
        "storey_height_m",
    )?;
    range(
        (limits::YEAR.0..=limits::YEAR.1).contains(&p.year_built),
        "year_built",
    )?;
    range(
        (limits::CONDITION.0..=limits::CONDITION.1).contains(&p.condition),
        "condition",
    )?;
    range((1..=20).contains(&p.stairwells), "stairwells")?;
    range(
        (1..=12).contains(&p.households_per_floor),
        "households_per_floor",
    )?;
    range(
        p.area_per_household_m2.is_finite() && (10.0..=1_000.0).contains(&p.area_per_household_m2),
        "area_per_household_m2",
    )?;
    Ok(())
}

pub(super) fn check_shape(points: &[Pt], closed: bool) -> Result<(), EditError> {
    if points.len() > limits::POINTS
        || points
            .iter()
            .any(|p| !p.is_finite() || p.x.abs() > limits::COORD_M || p.y.abs() > limits::COORD_M)
    {
        return Err(EditError::BadShape);
    }
    if closed {
        check_simple_polygon(points).map_err(|_| EditError::BadShape)
    } else if points.len() < 2 {
        Err(EditError::BadShape)
    } else {
        Ok(())
    }
}
