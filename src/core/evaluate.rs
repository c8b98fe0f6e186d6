//! One scenario evaluated: costs, funding, household burdens, elevator tables, consent per
//! matter and yardstick comparisons. This is what the summary panel, the report and the
//! command line show.

use super::catalog::Catalog;
use super::consent::{check, electorate, ConsentResult};
use super::costing::{cost_report, CostError, CostReport};
use super::funding::{allocate, FundingReport};
use super::model::{PlacementId, Plan, Scenario};
use super::yardstick::{compare, Comparison};
use serde::Serialize;

/// The consent check of one placed item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatterConsent {
    /// The placement.
    pub placement: PlacementId,
    /// Its vote key.
    pub matter_key: String,
    /// The check.
    pub result: ConsentResult,
}

/// Everything computed for one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// The scenario's name.
    pub scenario: String,
    /// Costs.
    pub costs: CostReport,
    /// Funding, burdens, elevator tables.
    pub funding: FundingReport,
    /// Consent per placement.
    pub consent: Vec<MatterConsent>,
    /// Against programme yardsticks.
    pub yardsticks: Vec<Comparison>,
}

/// Evaluates `scenario` of `plan` with its catalog.
pub fn evaluate_with(
    plan: &Plan,
    catalog: &Catalog,
    scenario: &Scenario,
) -> Result<Evaluation, CostError> {
    let costs = cost_report(&plan.community, catalog, &plan.costs, &scenario.items)?;
    let funding = allocate(
        &plan.community,
        catalog,
        &plan.funding,
        &scenario.items,
        &costs,
    );
    let consent = scenario
        .items
        .iter()
        .filter_map(|p| {
            let item = catalog.get(&p.item)?;
            let voters = electorate(&plan.community, p.target, item.consent.scope);
            let key = p.matter_key();
            Some(MatterConsent {
                placement: p.id,
                result: check(
                    &voters,
                    plan.votes.get(&key),
                    item.consent.scope,
                    item.consent.matter,
                ),
                matter_key: key,
            })
        })
        .collect();
    let yardsticks = compare(costs.per_household.likely, costs.per_m2.likely);
    Ok(Evaluation {
        scenario: scenario.name.clone(),
        costs,
        funding,
        consent,
        yardsticks,
    })
}

/// Evaluates the plan's current scenario.
pub fn evaluate(plan: &Plan) -> Result<Evaluation, CostError> {
    evaluate_with(plan, &Catalog::for_plan(plan), plan.scenario())
}
