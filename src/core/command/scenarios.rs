//! Edits of the scenarios: add (empty or copied), rename, delete, show.

use crate::core::command::checks::*;
use crate::core::command::site::prune_matters;
use crate::core::command::types::*;
use crate::core::ids::*;
use crate::core::plan::*;
use crate::core::validate::limits;

/// Adds a scenario, empty or copied (all or some items) from another, and shows it.
pub(super) fn add_scenario(
    plan: &mut Plan,
    name: &str,
    from: &Option<ScenarioId>,
    keep: &Option<Vec<PlacementId>>,
) -> Result<(), EditError> {
    check_name(name)?;
    if plan.scenarios.len() >= limits::SCENARIOS {
        return Err(EditError::TooMany);
    }
    let items = match from {
        None => Vec::new(),
        Some(f) => {
            let src = plan.scenario_by_id(*f).ok_or(EditError::NotFound)?;
            let mut items: Vec<Placement> = src
                .items
                .iter()
                .filter(|p| keep.as_ref().is_none_or(|k| k.contains(&p.id)))
                .cloned()
                .collect();
            let ids: Vec<PlacementId> = items.iter().map(|p| p.id).collect();
            for p in &mut items {
                p.requires.retain(|r| ids.contains(r));
            }
            items
        }
    };
    let id = ScenarioId(next_id(plan.scenarios.iter().map(|s| s.id), |i| i.0)?);
    plan.scenarios.push(Scenario {
        id,
        name: name.trim().to_string(),
        items,
    });
    plan.current_scenario = id;
    Ok(())
}

/// Renames a scenario.
pub(super) fn rename_scenario(
    plan: &mut Plan,
    id: &ScenarioId,
    name: &str,
) -> Result<(), EditError> {
    check_name(name)?;
    let s = find_mut(&mut plan.scenarios, *id, |s| s.id)?;
    s.name = name.trim().to_string();
    Ok(())
}

/// Deletes a scenario (never the last).
pub(super) fn delete_scenario(plan: &mut Plan, id: &ScenarioId) -> Result<(), EditError> {
    if plan.scenario_by_id(*id).is_none() {
        return Err(EditError::NotFound);
    }
    if plan.scenarios.len() <= 1 {
        return Err(EditError::LastScenario);
    }
    plan.scenarios.retain(|s| s.id != *id);
    if plan.current_scenario == *id {
        plan.current_scenario = plan.scenarios[0].id;
    }
    prune_matters(plan);
    Ok(())
}

/// Shows another scenario.
pub(super) fn set_scenario(plan: &mut Plan, id: &ScenarioId) -> Result<(), EditError> {
    if plan.scenario_by_id(*id).is_none() {
        return Err(EditError::NotFound);
    }
    plan.current_scenario = *id;
    Ok(())
}
