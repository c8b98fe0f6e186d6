//! Edits of what residents said: survey tallies and votes.

use crate::core::command::types::*;
use crate::core::ids::*;
use crate::core::plan::*;
use crate::core::settings::SurveyTally;

/// Sets or clears survey tallies (never more answers than households).
pub(super) fn set_tallies(
    plan: &mut Plan,
    tallies: &[(String, Option<SurveyTally>)],
) -> Result<(), EditError> {
    let households = plan.community.household_count() as u64;
    let over = |t: &crate::core::settings::SurveyTally| {
        u64::from(t.support) + u64::from(t.oppose) + u64::from(t.no_view) > households
    };
    if tallies.iter().any(|(_, t)| t.as_ref().is_some_and(over)) {
        return Err(EditError::OutOfRange {
            field: "tallies".into(),
        });
    }
    for (key, t) in tallies {
        match t {
            Some(t) => {
                plan.tallies.insert(key.clone(), *t);
            }
            None => {
                plan.tallies.remove(key);
            }
        }
    }
    Ok(())
}

/// Records or clears a household's vote on a matter.
pub(super) fn set_vote(
    plan: &mut Plan,
    matter: &str,
    household: &HouseholdId,
    vote: &Option<Vote>,
) -> Result<(), EditError> {
    if !plan.community.households().any(|h| h.id == *household) {
        return Err(EditError::NotFound);
    }
    let votes = plan.votes.entry(matter.to_string()).or_default();
    match vote {
        Some(v) => {
            votes.insert(*household, *v);
        }
        None => {
            votes.remove(household);
        }
    }
    plan.votes.retain(|_, v| !v.is_empty());
    Ok(())
}
