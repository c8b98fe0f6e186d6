//! Comparing scenarios: the figures a committee puts side by side (cost and range, per
//! household, per class, per building, who pays, residents' burden, priority, households
//! benefited, consent, cost risk) and what changes between two scenarios.

use super::catalog::Catalog;
use super::consent::Status;
use super::costing::Range3;
use super::evaluate::{evaluate_with, Evaluation};
use super::ids::{BuildingId, PlacementId, ScenarioId};
use super::money::Money;
use super::plan::{Plan, Scenario};
use super::priority::score;
use super::risk::simulate;
use super::site::Target;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The figures of one scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioFigures {
    /// Scenario id.
    pub id: ScenarioId,
    /// Its name.
    pub name: String,
    /// Items placed.
    pub items: usize,
    /// Total (low, likely, high).
    pub total: Range3,
    /// Likely total per household.
    pub per_household: Money,
    /// Likely total per class.
    pub by_class: [Money; 4],
    /// Likely total per building (plan order), then community-wide.
    pub by_building: Vec<(Option<BuildingId>, Money)>,
    /// Amount per funding source.
    pub by_source: [Money; 8],
    /// Unfunded.
    pub gap: Money,
    /// Residents' burden: lowest, median and highest household.
    pub burden: (Money, Money, Money),
    /// Sum of the items' priority scores.
    pub priority: f64,
    /// Households that some item serves.
    pub households_benefited: usize,
    /// Matters passed, short, not voted.
    pub consent: (usize, usize, usize),
    /// 80th percentile of the total (cost risk); `None` while it is being simulated (the
    /// rest of the figures are shown first: the simulation is most of their cost).
    pub risk_p80: Option<Money>,
}

/// Each cost line's (low, likely, high): what the cost risk samples.
pub type RiskLines = Vec<(Money, Money, Money)>;

/// The figures of `scenario`, its cost risk included; `None` when it cannot be costed.
pub fn figures(plan: &Plan, catalog: &Catalog, scenario: &Scenario) -> Option<ScenarioFigures> {
    let mut f = figures_before_risk(plan, catalog, scenario)?;
    f.figures.risk_p80 = Some(risk_p80(plan, &f.lines));
    Some(f.figures)
}

/// A scenario costed for the comparison: its figures before their cost risk, what the risk
/// samples, and its items by what and where (what [`changes_between`] compares).
#[derive(Debug, Clone)]
pub struct BeforeRisk {
    /// The figures, `risk_p80` still `None`.
    pub figures: ScenarioFigures,
    /// The cost lines [`risk_p80`] samples.
    pub lines: RiskLines,
    /// Each item's quantity and likely cost.
    pub matters: Matters,
}

/// The P80 of a scenario's total from its cost lines: the plan's risk settings with at most
/// 20,000 samples (enough for a percentile to about 0.1 % of the total's spread).
pub fn risk_p80(plan: &Plan, lines: &[(Money, Money, Money)]) -> Money {
    let mut risk = plan.risk;
    risk.samples = risk.samples.min(20_000);
    simulate(lines, Money::ZERO, &risk).p80
}

/// The figures of `scenario` without its cost risk (`risk_p80` is `None`), with the cost
/// lines from which [`risk_p80`] gives it and its items for [`changes_between`]; `None` when
/// it cannot be costed.
pub fn figures_before_risk(
    plan: &Plan,
    catalog: &Catalog,
    scenario: &Scenario,
) -> Option<BeforeRisk> {
    let ev = evaluate_with(plan, catalog, scenario).ok()?;
    // The priorities from the costs just found (what `decide::basis` would find again).
    let priorities = score(plan, catalog, scenario, &ev.costs);
    let c = &plan.community;
    let mut benefited: BTreeSet<_> = BTreeSet::new();
    for p in &scenario.items {
        match p.target {
            Target::Stairwell(s) => {
                if let Some((_, st)) = c.stairwell(s) {
                    benefited.extend(st.households.iter().map(|h| h.id));
                }
            }
            Target::Building(b) => {
                if let Some(b) = c.building(b) {
                    benefited.extend(b.households().map(|h| h.id));
                }
            }
            _ => benefited.extend(c.households().map(|h| h.id)),
        }
    }
    let mut consent = (0, 0, 0);
    for m in ev.consent.iter() {
        match m.result.status {
            Status::Passed => consent.0 += 1,
            Status::NotVoted => consent.2 += 1,
            Status::ShortBy { .. } | Status::CannotPass => consent.1 += 1,
        }
    }
    let lines: Vec<_> = ev
        .costs
        .lines
        .iter()
        .map(|l| (l.total.low, l.total.likely, l.total.high))
        .collect();
    let figures = ScenarioFigures {
        id: scenario.id,
        name: scenario.name.clone(),
        items: scenario.items.len(),
        total: ev.costs.total,
        per_household: ev.costs.per_household.likely,
        by_class: ev.costs.by_class.map(|r| r.likely),
        by_building: ev
            .costs
            .by_building
            .iter()
            .map(|b| (b.building, b.total.likely))
            .collect(),
        by_source: ev.funding.by_source,
        gap: ev.funding.gap,
        burden: ev.funding.burden_spread(c.household_count()),
        priority: priorities.items.iter().map(|i| i.score).sum(),
        households_benefited: benefited.len(),
        consent,
        risk_p80: None,
    };
    Some(BeforeRisk {
        figures,
        lines,
        matters: matters(scenario, &ev),
    })
}

/// A placement's identity across scenarios: its item and target.
pub type Matter = (String, Target);

/// What differs between scenario A and B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    /// Items only in A, with their likely cost there.
    pub only_a: Vec<(Matter, Money)>,
    /// Items only in B, with their likely cost there.
    pub only_b: Vec<(Matter, Money)>,
    /// Items in both with a different quantity: (A's, B's) quantity and the cost change.
    pub changed: Vec<(Matter, f64, f64, Money)>,
    /// B's likely total minus A's.
    pub difference: Money,
}

/// Each placement's quantity and likely cost, by what it is and where.
pub type Matters = BTreeMap<Matter, (f64, Money)>;

/// A scenario's items by what and where, from its evaluation.
fn matters(s: &Scenario, e: &Evaluation) -> Matters {
    let lines: HashMap<PlacementId, _> = e.costs.lines.iter().map(|l| (l.placement, l)).collect();
    s.items
        .iter()
        .filter_map(|p| {
            let l = lines.get(&p.id)?;
            Some((
                (p.item.clone(), p.target),
                (l.quantity.value(), l.total.likely),
            ))
        })
        .collect()
}

/// The differences between two scenarios.
pub fn changes(plan: &Plan, catalog: &Catalog, a: &Scenario, b: &Scenario) -> Option<Changes> {
    let ea = evaluate_with(plan, catalog, a).ok()?;
    let eb = evaluate_with(plan, catalog, b).ok()?;
    Some(changes_between(
        &matters(a, &ea),
        &matters(b, &eb),
        eb.costs.total.likely - ea.costs.total.likely,
    ))
}

/// The differences between two scenarios' items; `difference` is B's likely total minus A's.
pub fn changes_between(ia: &Matters, ib: &Matters, difference: Money) -> Changes {
    let only_a = ia
        .iter()
        .filter(|(k, _)| !ib.contains_key(*k))
        .map(|(k, v)| (k.clone(), v.1))
        .collect();
    let only_b = ib
        .iter()
        .filter(|(k, _)| !ia.contains_key(*k))
        .map(|(k, v)| (k.clone(), v.1))
        .collect();
    let changed = ia
        .iter()
        .filter_map(|(k, va)| {
            let vb = ib.get(k)?;
            ((va.0 - vb.0).abs() > 1e-9 || va.1 != vb.1)
                .then(|| (k.clone(), va.0, vb.0, vb.1 - va.1))
        })
        .collect();
    Changes {
        only_a,
        only_b,
        changed,
        difference,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::demo;

    #[test]
    fn the_demo_scenarios_differ_by_exactly_their_differing_items() {
        let plan = demo();
        let catalog = Catalog::with_edits(&plan.catalog);
        let (a, b) = (&plan.scenarios[1], &plan.scenarios[0]); // basic only, then comprehensive
        let ch = changes(&plan, &catalog, a, b).unwrap();
        assert!(ch.only_a.is_empty());
        assert_eq!(ch.only_b.len(), 5); // two elevators, greening, chargers, elderly station
        let added: Money = ch.only_b.iter().map(|x| x.1).sum();
        assert_eq!(ch.difference, added);
        assert!(ch.changed.is_empty());
        let fa = figures(&plan, &catalog, a).unwrap();
        let fb = figures(&plan, &catalog, b).unwrap();
        assert_eq!(fb.total.likely - fa.total.likely, ch.difference);
        assert_eq!(fa.consent.0 + fa.consent.1 + fa.consent.2, a.items.len());
        assert!(fb.priority > fa.priority);
        assert_eq!(fb.households_benefited, 160);
        assert!(fb.burden.2 > fa.burden.2, "elevator households pay");
        assert!(fa.risk_p80.expect("with its cost risk") >= fa.total.likely.mul_bp(9_000));
    }
}
