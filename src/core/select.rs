//! Selection under a budget for a scenario: turns the placed items into an optimisation problem
//! (costs, priorities, musts, dependencies, variants, class minimums, the class rule
//! 先民生、后提升), solves it exactly ([`crate::core::optimise`]) or by the Method of Equal
//! Shares (fairness between buildings), and says why each item left out was left out.

use super::catalog::{Catalog, Class};
use super::consent::electorate;
use super::costing::{building_of, CostReport};
use super::ids::{BuildingId, PlacementId};
use super::money::Money;
use super::optimise::{solve, Candidate, Limits, Must, Problem, Solution, Status};
use super::plan::{Plan, Scenario};
use super::priority::Priorities;
use super::settings::SelectionSettings;
use super::site::Target;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The problem built from a scenario, with the placement behind each candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The optimisation problem (costs in fen, values in hundredths of a point).
    pub problem: Problem,
    /// Candidate index → placement.
    pub placements: Vec<PlacementId>,
    /// Which `requires` pairs come from the class rule.
    pub from_class_rule: Vec<bool>,
}

/// Builds the problem of `scenario` (its costs and priorities already computed).
pub fn build(
    catalog: &Catalog,
    plan: &Plan,
    scenario: &Scenario,
    costs: &CostReport,
    priorities: &Priorities,
    settings: &SelectionSettings,
    class_rule: bool,
) -> Built {
    let c = &plan.community;
    let index: HashMap<PlacementId, u32> = scenario
        .items
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i as u32))
        .collect();
    let items: Vec<Candidate> = scenario
        .items
        .iter()
        .map(|p| {
            let class = catalog.get(&p.item).map_or(Class::Upgrade, |i| i.class);
            Candidate {
                cost: costs
                    .lines
                    .iter()
                    .find(|l| l.placement == p.id)
                    .map_or(0, |l| l.total.likely.fen()),
                value: priorities
                    .items
                    .iter()
                    .find(|s| s.placement == p.id)
                    .map_or(0, |s| s.value),
                class: class as u8,
                must: p.must,
            }
        })
        .collect();
    let mut requires = Vec::new();
    let mut from_class_rule = Vec::new();
    for (i, p) in scenario.items.iter().enumerate() {
        for r in &p.requires {
            if let Some(&j) = index.get(r) {
                requires.push((i as u32, j));
                from_class_rule.push(false);
            }
        }
    }
    if class_rule {
        // Within each building (and among community-wide items), every improvement or upgrade
        // item requires every safety and basic item.
        let site = |t: Target| building_of(c, t);
        let mut by_site: BTreeMap<Option<BuildingId>, (Vec<u32>, Vec<u32>)> = BTreeMap::new();
        for (i, p) in scenario.items.iter().enumerate() {
            let e = by_site.entry(site(p.target)).or_default();
            if Class::ALL[usize::from(items[i].class)].is_livelihood() {
                e.0.push(i as u32);
            } else {
                e.1.push(i as u32);
            }
        }
        for (basics, others) in by_site.values() {
            for &o in others {
                for &b in basics {
                    requires.push((o, b));
                    from_class_rule.push(true);
                }
            }
        }
    }
    let mut groups: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (i, p) in scenario.items.iter().enumerate() {
        if !p.variant_group.is_empty() {
            groups.entry(&p.variant_group).or_default().push(i as u32);
        }
    }
    let budget = if settings.budget > Money::ZERO {
        settings.budget.fen()
    } else {
        items.iter().map(|i| i.cost).sum()
    };
    Built {
        problem: Problem {
            items,
            budget,
            requires,
            exclusive: groups.into_values().filter(|g| g.len() > 1).collect(),
            class_min: settings.class_min.map(Money::fen),
        },
        placements: scenario.items.iter().map(|p| p.id).collect(),
        from_class_rule,
    }
}

/// Why an item was left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum Reason {
    /// The user said not to do it.
    ExcludedByUser,
    /// A mutually exclusive variant was chosen instead.
    ExcludedBy {
        /// The chosen variant.
        placement: PlacementId,
    },
    /// It needs an item that cannot be chosen.
    Needs {
        /// The missing prerequisite.
        placement: PlacementId,
    },
    /// 先民生、后提升: its building's safety or basic item is not chosen.
    LivelihoodFirst {
        /// The missing livelihood item.
        placement: PlacementId,
    },
    /// It (with what it needs) costs more than is left of the budget.
    OverBudget {
        /// By how much.
        by: Money,
    },
    /// Every chosen item gives more priority per yuan; this one is the least efficient use.
    LowerValuePerYuan {
        /// The least efficient chosen item, still better than this one.
        than: PlacementId,
    },
    /// Its priority is zero, so it adds nothing.
    NoValue,
    /// The search stopped before deciding it (node limit).
    NotReached,
    /// Not chosen by the equal-shares rule: its supporters' shares were spent.
    SharesSpent,
}

/// A left-out item and its reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOut {
    /// The placement.
    pub placement: PlacementId,
    /// Why, most specific first.
    pub reasons: Vec<Reason>,
}

/// How the class rule changes the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleEffect {
    /// Whether the rule was on for the main result.
    pub rule_on: bool,
    /// Total priority (hundredths) with the rule, and without.
    pub value_with: i64,
    /// Without the rule.
    pub value_without: i64,
    /// Items chosen only without the rule.
    pub only_without: Vec<PlacementId>,
    /// Items chosen only with the rule.
    pub only_with: Vec<PlacementId>,
}

/// Selection method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// The highest total priority (exact).
    HighestPriority,
    /// The Method of Equal Shares.
    EqualShares,
}

/// The outcome of a selection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelectionReport {
    /// How it was chosen.
    pub method: Method,
    /// Budget used for the problem.
    pub budget: Money,
    /// Optimal, stopped or infeasible (for equal shares: optimal means "rule applied").
    pub status: Status,
    /// Chosen placements, in scenario order.
    pub chosen: Vec<PlacementId>,
    /// Total priority points chosen (score sum, 0-100 per item).
    pub priority: f64,
    /// Proven upper bound of the total priority points.
    pub priority_bound: f64,
    /// Proven gap in per mille (0 = optimal).
    pub gap_permille: u64,
    /// Cost of the chosen items.
    pub cost: Money,
    /// Search nodes.
    pub nodes: u64,
    /// Why each other item was left out.
    pub left_out: Vec<LeftOut>,
    /// Effect of the class rule.
    pub class_rule: RuleEffect,
    /// Spending per building (plan order, then community-wide).
    pub by_building: Vec<(Option<BuildingId>, Money)>,
}

fn ratio_lt(a: &Candidate, b: &Candidate) -> bool {
    // a.value / a.cost < b.value / b.cost, exactly (zero costs count as infinitely good).
    match (a.cost, b.cost) {
        (0, 0) => a.value < b.value,
        (0, _) => false,
        (_, 0) => true,
        _ => i128::from(a.value) * i128::from(b.cost) < i128::from(b.value) * i128::from(a.cost),
    }
}

/// Reasons for every candidate not chosen.
pub fn explain(built: &Built, chosen: &[bool], stopped: bool) -> Vec<LeftOut> {
    let p = &built.problem;
    let n = p.items.len();
    let spent: i64 = (0..n).filter(|&i| chosen[i]).map(|i| p.items[i].cost).sum();
    let left = p.budget - spent;
    let mut needs: Vec<Vec<(u32, bool)>> = vec![Vec::new(); n];
    for (&(a, b), &rule) in p.requires.iter().zip(&built.from_class_rule) {
        needs[a as usize].push((b, rule));
    }
    let excluded_by = |i: usize| -> Option<usize> {
        p.exclusive
            .iter()
            .filter(|g| g.contains(&(i as u32)))
            .flat_map(|g| g.iter())
            .map(|&m| m as usize)
            .find(|&m| m != i && chosen[m])
    };
    // The least efficient chosen item the optimiser was free to drop.
    let marginal = (0..n)
        .filter(|&i| chosen[i] && p.items[i].must == Must::Free && p.items[i].value > 0)
        .min_by(|&a, &b| {
            if ratio_lt(&p.items[a], &p.items[b]) {
                std::cmp::Ordering::Less
            } else if ratio_lt(&p.items[b], &p.items[a]) {
                std::cmp::Ordering::Greater
            } else {
                a.cmp(&b)
            }
        });
    (0..n)
        .filter(|&i| !chosen[i])
        .map(|i| {
            let mut reasons = Vec::new();
            let item = &p.items[i];
            if item.must == Must::Not {
                reasons.push(Reason::ExcludedByUser);
            }
            if let Some(z) = excluded_by(i) {
                reasons.push(Reason::ExcludedBy {
                    placement: built.placements[z],
                });
            }
            // Unchosen prerequisites, transitively, and their cost.
            let mut seen = vec![false; n];
            let mut stack = vec![i];
            seen[i] = true;
            let mut closure_cost = 0;
            let mut blocked_any = false;
            while let Some(j) = stack.pop() {
                closure_cost += p.items[j].cost;
                for &(b, rule) in &needs[j] {
                    let b = b as usize;
                    if chosen[b] || seen[b] {
                        continue;
                    }
                    seen[b] = true;
                    let blocked = p.items[b].must == Must::Not || excluded_by(b).is_some();
                    blocked_any |= blocked;
                    let placement = built.placements[b];
                    if rule {
                        reasons.push(Reason::LivelihoodFirst { placement });
                    } else if blocked {
                        reasons.push(Reason::Needs { placement });
                    }
                    stack.push(b);
                }
            }
            let only_rule = reasons
                .iter()
                .all(|r| matches!(r, Reason::LivelihoodFirst { .. }));
            if only_rule && !blocked_any {
                if closure_cost > left {
                    reasons.push(Reason::OverBudget {
                        by: Money(closure_cost - left),
                    });
                    if let Some(w) = marginal.filter(|&w| ratio_lt(item, &p.items[w])) {
                        reasons.push(Reason::LowerValuePerYuan {
                            than: built.placements[w],
                        });
                    }
                } else if item.value <= 0 {
                    reasons.push(Reason::NoValue);
                } else if stopped {
                    reasons.push(Reason::NotReached);
                }
            }
            if reasons.is_empty() {
                reasons.push(Reason::SharesSpent);
            }
            LeftOut {
                placement: built.placements[i],
                reasons,
            }
        })
        .collect()
}

/// The Method of Equal Shares: every household gets an equal share of the budget; an item is
/// bought by the households it serves, each paying the same amount per point of priority as far
/// as their shares allow; the item costing its supporters least per point goes first. Must-do
/// items are paid by everyone first; an item is open once what it requires is bought; what is
/// left of the budget at the end buys further items by value per yuan.
pub fn equal_shares(plan: &Plan, scenario: &Scenario, built: &Built) -> Vec<bool> {
    let p = &built.problem;
    let n = p.items.len();
    let c = &plan.community;
    let voters: Vec<_> = c.households().map(|h| h.id).collect();
    let nv = voters.len().max(1);
    let vindex: HashMap<_, usize> = voters.iter().enumerate().map(|(i, &h)| (h, i)).collect();
    let supporters: Vec<Vec<usize>> = scenario
        .items
        .iter()
        .map(|pl| {
            electorate(c, pl.target, super::catalog::Scope::Stairwell)
                .iter()
                .filter_map(|h| vindex.get(&h.id).copied())
                .collect()
        })
        .collect();
    let mut share = vec![p.budget as f64 / nv as f64; nv];
    let mut chosen = vec![false; n];
    let mut blocked = vec![false; n];
    let block_siblings = |i: usize, blocked: &mut Vec<bool>| {
        for g in p.exclusive.iter().filter(|g| g.contains(&(i as u32))) {
            for &m in g {
                if m as usize != i {
                    blocked[m as usize] = true;
                }
            }
        }
    };
    let mut spent = 0i64;
    for i in 0..n {
        match p.items[i].must {
            Must::Do => {
                chosen[i] = true;
                spent += p.items[i].cost;
                let each = p.items[i].cost as f64 / nv as f64;
                share.iter_mut().for_each(|s| *s -= each);
                block_siblings(i, &mut blocked);
            }
            Must::Not => blocked[i] = true,
            Must::Free => {}
        }
    }
    let open = |i: usize, chosen: &[bool], blocked: &[bool]| {
        !chosen[i]
            && !blocked[i]
            && p.items[i].value > 0
            && p.requires
                .iter()
                .all(|&(a, b)| a as usize != i || chosen[b as usize])
    };
    loop {
        // For each open item: the smallest per-household payment t with Σ min(share, t) ≥ cost.
        let mut best: Option<(f64, usize, f64)> = None;
        for i in 0..n {
            if !open(i, &chosen, &blocked) || supporters[i].is_empty() {
                continue;
            }
            let cost = p.items[i].cost as f64;
            let mut s: Vec<f64> = supporters[i].iter().map(|&v| share[v].max(0.0)).collect();
            if s.iter().sum::<f64>() + 1e-6 < cost {
                continue;
            }
            // Unstable is exact here (equal floats are alike) and shares the risk module's sort.
            s.sort_unstable_by(f64::total_cmp);
            let mut paid = 0.0;
            let mut t = 0.0;
            for (k, &sk) in s.iter().enumerate() {
                let rest = (s.len() - k) as f64;
                if paid + sk * rest >= cost {
                    t = (cost - paid) / rest;
                    break;
                }
                paid += sk;
                t = sk;
            }
            let rho = t / p.items[i].value as f64;
            if best.is_none_or(|(r, _, _)| rho < r) {
                best = Some((rho, i, t));
            }
        }
        let Some((_, i, t)) = best else { break };
        for &v in &supporters[i] {
            share[v] -= share[v].max(0.0).min(t);
        }
        chosen[i] = true;
        spent += p.items[i].cost;
        block_siblings(i, &mut blocked);
    }
    // Completion: the unspent budget buys more, best value per yuan first.
    let mut order: Vec<usize> = (0..n).collect();
    super::sort::sort_indices(&mut order, &|a, b| {
        if ratio_lt(&p.items[b], &p.items[a]) {
            std::cmp::Ordering::Less
        } else if ratio_lt(&p.items[a], &p.items[b]) {
            std::cmp::Ordering::Greater
        } else {
            a.cmp(&b)
        }
    });
    let mut changed = true;
    while changed {
        changed = false;
        for &i in &order {
            if open(i, &chosen, &blocked) && spent + p.items[i].cost <= p.budget {
                chosen[i] = true;
                spent += p.items[i].cost;
                block_siblings(i, &mut blocked);
                changed = true;
            }
        }
    }
    chosen
}

/// Selects from `scenario` under `settings` and explains the result.
pub fn select(
    plan: &Plan,
    catalog: &Catalog,
    scenario: &Scenario,
    costs: &CostReport,
    priorities: &Priorities,
    settings: &SelectionSettings,
) -> SelectionReport {
    let rule_on = plan.priority.class_rule;
    let limits = Limits::nodes(settings.max_nodes);
    let with = build(catalog, plan, scenario, costs, priorities, settings, true);
    let without = build(catalog, plan, scenario, costs, priorities, settings, false);
    let solved_with = solve(&with.problem, limits, None);
    let solved_without = solve(&without.problem, limits, None);
    let (built, solution): (&Built, Solution) = if settings.equal_shares {
        let b = if rule_on { &with } else { &without };
        let chosen = equal_shares(plan, scenario, b);
        let (cost, value) = b
            .problem
            .items
            .iter()
            .zip(&chosen)
            .filter(|(_, &c)| c)
            .fold((0, 0), |(c, v), (i, _)| (c + i.cost, v + i.value));
        let status = if super::optimise::violation(&b.problem, &chosen).is_none() {
            Status::Optimal
        } else {
            Status::Infeasible
        };
        (
            b,
            Solution {
                chosen,
                value,
                cost,
                status,
                upper_bound: value,
                nodes: 0,
            },
        )
    } else if rule_on {
        (&with, solved_with.clone())
    } else {
        (&without, solved_without.clone())
    };
    let pick = |s: &Solution, b: &Built| -> Vec<PlacementId> {
        b.placements
            .iter()
            .zip(&s.chosen)
            .filter(|(_, &c)| c)
            .map(|(p, _)| *p)
            .collect()
    };
    let chosen_with = pick(&solved_with, &with);
    let chosen_without = pick(&solved_without, &without);
    let chosen = pick(&solution, built);
    let cost_of = |id: PlacementId| {
        costs
            .lines
            .iter()
            .find(|l| l.placement == id)
            .map_or(Money::ZERO, |l| l.total.likely)
    };
    let mut by_building: Vec<(Option<BuildingId>, Money)> = plan
        .community
        .buildings
        .iter()
        .map(|b| (Some(b.id), Money::ZERO))
        .collect();
    by_building.push((None, Money::ZERO));
    for p in scenario.items.iter().filter(|p| chosen.contains(&p.id)) {
        let b = building_of(&plan.community, p.target);
        if let Some(e) = by_building.iter_mut().find(|e| e.0 == b) {
            e.1 += cost_of(p.id);
        }
    }
    let stopped = solution.status == Status::Stopped;
    SelectionReport {
        method: if settings.equal_shares {
            Method::EqualShares
        } else {
            Method::HighestPriority
        },
        budget: Money(built.problem.budget),
        status: solution.status,
        priority: solution.value as f64 / 100.0,
        priority_bound: solution.upper_bound as f64 / 100.0,
        gap_permille: solution.gap_permille(),
        cost: Money(solution.cost),
        nodes: solution.nodes,
        left_out: explain(built, &solution.chosen, stopped),
        class_rule: RuleEffect {
            rule_on,
            value_with: solved_with.value,
            value_without: solved_without.value,
            only_without: chosen_without
                .iter()
                .filter(|p| !chosen_with.contains(p))
                .copied()
                .collect(),
            only_with: chosen_with
                .iter()
                .filter(|p| !chosen_without.contains(p))
                .copied()
                .collect(),
        },
        chosen,
        by_building,
    }
}
