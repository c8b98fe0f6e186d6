//! Edits of the community's name and the money settings: the optimiser's budget, the class
//! rule, the years of the phasing and their budgets.

use crate::core::command::checks::*;
use crate::core::command::types::*;
use crate::core::money::Money;
use crate::core::plan::*;
use crate::core::validate::limits;

/// Renames the community.
pub(super) fn rename_community(plan: &mut Plan, name: &str) -> Result<(), EditError> {
    check_name(name)?;
    plan.community.name = name.trim().to_string();
    Ok(())
}

/// Sets the optimiser's budget.
pub(super) fn set_budget(plan: &mut Plan, budget: &Money) -> Result<(), EditError> {
    if budget.0 < 0 || budget.0 > crate::core::money::Money::yuan(crate::core::money::MAX_YUAN).0 {
        return Err(EditError::OutOfRange {
            field: "budget".into(),
        });
    }
    plan.selection.budget = *budget;
    Ok(())
}

/// Turns the class rule (basic before improvement before upgrade) on or off.
pub(super) fn set_class_rule(plan: &mut Plan, on: &bool) -> Result<(), EditError> {
    plan.priority.class_rule = *on;
    Ok(())
}

/// Sets the phasing's years and each year's budget (the split by source kept).
pub(super) fn set_years(
    plan: &mut Plan,
    start_year: &u16,
    budgets: &[Money],
) -> Result<(), EditError> {
    let last = u32::from(*start_year) + budgets.len().saturating_sub(1) as u32;
    let max = crate::core::money::Money::yuan(crate::core::money::MAX_YUAN).0;
    if budgets.len() > limits::YEARS
        || !(limits::YEAR.0..=limits::YEAR.1).contains(start_year)
        || last > u32::from(limits::YEAR.1)
        || budgets.iter().any(|b| b.0 < 0 || b.0 > max)
    {
        return Err(EditError::OutOfRange {
            field: "years".into(),
        });
    }
    let old = std::mem::take(&mut plan.phasing.years);
    plan.phasing.start_year = *start_year;
    plan.phasing.years = budgets
        .iter()
        .enumerate()
        .map(|(i, b)| crate::core::settings::YearBudget {
            budget: *b,
            by_source: old.get(i).map(|y| y.by_source.clone()).unwrap_or_default(),
        })
        .collect();
    Ok(())
}
