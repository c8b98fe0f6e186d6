//! Edits of the items placed in the current scenario: place, remove, quantity, year, must-do.

use crate::core::catalog::Catalog;
use crate::core::command::checks::*;
use crate::core::command::site::prune_matters;
use crate::core::command::types::*;
use crate::core::ids::*;
use crate::core::optimise::Must;
use crate::core::plan::*;
use crate::core::site::*;
use crate::core::takeoff::{check_target, TakeoffError};
use crate::core::validate::limits;

/// Places a catalog item on a target in the current scenario.
pub(super) fn place(plan: &mut Plan, item: &str, target: &Target) -> Result<Applied, EditError> {
    let mut out = Applied::default();
    let catalog = Catalog::with_edits(&plan.catalog);
    let it = catalog.get(item).ok_or(EditError::UnknownItem)?;
    match check_target(&plan.community, it, *target) {
        Ok(()) => {}
        Err(TakeoffError::MissingTarget) => return Err(EditError::NotFound),
        Err(TakeoffError::WrongKind(needs)) => {
            return Err(EditError::WrongKind {
                item: item.to_string(),
                needs,
            })
        }
        Err(TakeoffError::WrongTarget(_)) => {
            return Err(EditError::WrongTarget {
                item: item.to_string(),
                needs: it.targets.first().copied().unwrap_or(TargetKind::Community),
            })
        }
    }
    let current = plan.current_scenario;
    let s = find_mut(&mut plan.scenarios, current, |s| s.id)?;
    if s.items
        .iter()
        .any(|p| p.item == *item && p.target == *target)
    {
        return Err(EditError::AlreadyPlaced);
    }
    if s.items.len() >= limits::PLACEMENTS {
        return Err(EditError::TooMany);
    }
    let id = PlacementId(next_id(s.items.iter().map(|p| p.id), |i| i.0)?);
    s.items.push(Placement::new(id, item, *target));
    out.placements.push(id);
    Ok(out)
}

/// Removes placed items from the current scenario.
pub(super) fn unplace(plan: &mut Plan, placements: &[PlacementId]) -> Result<(), EditError> {
    let current = plan.current_scenario;
    let s = find_mut(&mut plan.scenarios, current, |s| s.id)?;
    if !placements
        .iter()
        .all(|id| s.items.iter().any(|p| p.id == *id))
    {
        return Err(EditError::NotFound);
    }
    s.items.retain(|p| !placements.contains(&p.id));
    for p in &mut s.items {
        p.requires.retain(|r| !placements.contains(r));
    }
    prune_matters(plan);
    Ok(())
}

/// Overrides (or restores) a placed item's quantity.
pub(super) fn set_quantity(
    plan: &mut Plan,
    placement: &PlacementId,
    quantity: &Option<f64>,
) -> Result<(), EditError> {
    if let Some(q) = quantity {
        if !q.is_finite() || !(0.0..=limits::QUANTITY).contains(q) {
            return Err(EditError::OutOfRange {
                field: "quantity".into(),
            });
        }
    }
    let p = placement_mut(plan, *placement)?;
    p.quantity_override = quantity.map(|q| crate::core::geometry::round_to(q, 100.0));
    Ok(())
}

/// Pins a placed item to a year (or lets the phasing choose).
pub(super) fn set_year(
    plan: &mut Plan,
    placement: &PlacementId,
    year: &Option<u16>,
) -> Result<(), EditError> {
    if year.is_some_and(|y| !(limits::YEAR.0..=limits::YEAR.1).contains(&y)) {
        return Err(EditError::OutOfRange {
            field: "year".into(),
        });
    }
    placement_mut(plan, *placement)?.year = *year;
    Ok(())
}

/// Marks a placed item must-do, must-not or free for the optimiser.
pub(super) fn set_must(
    plan: &mut Plan,
    placement: &PlacementId,
    must: &Must,
) -> Result<(), EditError> {
    let p = placement_mut(plan, *placement)?;
    p.must = *must;
    Ok(())
}
