//! Priority: a weighted score per placed item over criteria (safety and urgency, households
//! benefited, resident demand from survey tallies, building condition, cost-effectiveness, and
//! criteria the user adds), with its per-criterion breakdown. Weights are edited directly or
//! derived from pairwise comparisons (AHP) with the consistency ratio.

use super::catalog::{Catalog, Class, Scope};
use super::consent::electorate_size;
use super::costing::CostReport;
use super::ids::PlacementId;
use super::plan::{Plan, Scenario};
use super::settings::{PrioritySettings, SurveyTally, BUILT_IN};
use super::site::{Building, Target};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Saaty's random consistency index for n = 1..=10.
const RANDOM_INDEX: [f64; 10] = [0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/// Weights derived from a pairwise comparison matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ahp {
    /// Normalised weights (sum 1), the principal eigenvector.
    pub weights: Vec<f64>,
    /// The principal eigenvalue.
    pub lambda_max: f64,
    /// Consistency index (λmax − n) / (n − 1).
    pub ci: f64,
    /// Consistency ratio CI / RI; above 0.1 the comparisons contradict each other.
    pub cr: f64,
}

impl Ahp {
    /// True when the consistency ratio is above 0.1 (Saaty's threshold).
    pub fn inconsistent(&self) -> bool {
        self.cr > 0.1
    }
}

/// Why a pairwise matrix cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AhpError {
    /// Not square, empty or larger than 10.
    Shape,
    /// An entry is not positive and finite, or `a[i][j] · a[j][i]` is not 1.
    NotReciprocal(usize, usize),
}

/// The AHP weights of a reciprocal matrix (power iteration to 1e-12).
pub fn ahp(m: &[Vec<f64>]) -> Result<Ahp, AhpError> {
    let n = m.len();
    if n == 0 || n > 10 || m.iter().any(|r| r.len() != n) {
        return Err(AhpError::Shape);
    }
    for i in 0..n {
        for j in 0..n {
            let (a, b) = (m[i][j], m[j][i]);
            if !(a.is_finite() && a > 0.0) || (a * b - 1.0).abs() > 1e-6 {
                return Err(AhpError::NotReciprocal(i, j));
            }
        }
    }
    let mut w = vec![1.0 / n as f64; n];
    let mut lambda = n as f64;
    for _ in 0..1000 {
        let next: Vec<f64> = (0..n)
            .map(|i| (0..n).map(|j| m[i][j] * w[j]).sum())
            .collect();
        let sum: f64 = next.iter().sum();
        lambda = sum; // Σ (A w)_i with Σ w = 1.
        let next: Vec<f64> = next.iter().map(|x| x / sum).collect();
        let diff: f64 = next.iter().zip(&w).map(|(a, b)| (a - b).abs()).sum();
        w = next;
        if diff < 1e-12 {
            break;
        }
    }
    let ci = if n > 1 {
        (lambda - n as f64) / (n as f64 - 1.0)
    } else {
        0.0
    };
    let ri = RANDOM_INDEX[n - 1];
    let cr = if ri > 0.0 { (ci / ri).max(0.0) } else { 0.0 };
    Ok(Ahp {
        weights: w,
        lambda_max: lambda,
        ci: ci.max(0.0),
        cr,
    })
}

/// One criterion's part of an item's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Criterion id.
    pub criterion: String,
    /// Normalised weight, 0..1.
    pub weight: f64,
    /// Rating, 0..1.
    pub rating: f64,
    /// Set by hand (else computed).
    pub manual: bool,
    /// `weight × rating × 100`: points of the score.
    pub points: f64,
}

/// An item's priority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemScore {
    /// The placement.
    pub placement: PlacementId,
    /// Score 0..100.
    pub score: f64,
    /// The score in hundredths of a point, as an integer (what the optimiser maximises).
    pub value: i64,
    /// Breakdown per criterion, in weight order.
    pub parts: Vec<Part>,
}

/// The priorities of a scenario and the weights used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Priorities {
    /// Criterion ids and their normalised weights.
    pub weights: Vec<(String, f64)>,
    /// AHP details when weights came from pairwise comparisons.
    pub ahp: Option<Ahp>,
    /// One score per placement, in scenario order.
    pub items: Vec<ItemScore>,
}

/// The criteria of the settings in display order: the built-in ones first, then the user's.
pub fn criteria(s: &PrioritySettings) -> Vec<String> {
    let mut ids: Vec<String> = BUILT_IN
        .iter()
        .filter(|b| s.weights.contains_key(**b))
        .map(|b| b.to_string())
        .collect();
    ids.extend(
        s.weights
            .keys()
            .filter(|k| !BUILT_IN.contains(&k.as_str()))
            .cloned(),
    );
    ids
}

/// The normalised weights of the settings (AHP when a valid matrix is given), in
/// [`criteria`] order; the pairwise matrix rows follow the same order.
pub fn weights(s: &PrioritySettings) -> (Vec<(String, f64)>, Option<Ahp>) {
    let ids = criteria(s);
    if let Some(m) = &s.pairwise {
        if let Ok(a) = ahp(m) {
            if a.weights.len() == ids.len() {
                let w = ids.into_iter().zip(a.weights.iter().copied()).collect();
                return (w, Some(a));
            }
        }
    }
    let total: u64 = s.weights.values().map(|&w| u64::from(w)).sum();
    let w = ids
        .into_iter()
        .map(|k| {
            let v = s.weights.get(&k).copied().unwrap_or(0);
            let f = if total > 0 {
                f64::from(v) / total as f64
            } else {
                0.0
            };
            (k, f)
        })
        .collect();
    (w, None)
}

/// Default urgency of a class, 0..1: safety 1.0, basic 0.8, improvement 0.5, upgrade 0.3.
pub fn class_urgency(class: Class) -> f64 {
    match class {
        Class::Safety => 1.0,
        Class::Basic => 0.8,
        Class::Improvement => 0.5,
        Class::Upgrade => 0.3,
    }
}

/// Scores every placement of `scenario`. `costs` is the scenario's cost report.
pub fn score(
    plan: &Plan,
    catalog: &Catalog,
    scenario: &Scenario,
    costs: &CostReport,
) -> Priorities {
    let (weights, ahp) = weights(&plan.priority);
    let c = &plan.community;
    let community_households = c.household_count();
    let total_households = community_households.max(1) as f64;
    // Buildings and stairwells by id, looked up once per item (a large community has 160
    // stairwells and 1,500 items).
    let building_by_id: HashMap<_, &Building> = c.buildings.iter().map(|b| (b.id, b)).collect();
    let stairwell_by_id: HashMap<_, &Building> = c
        .buildings
        .iter()
        .flat_map(|b| b.stairwells.iter().map(move |s| (s.id, b)))
        .collect();
    let building_of = |t: Target| -> Option<&Building> {
        match t {
            Target::Building(b) => building_by_id.get(&b).copied(),
            Target::Stairwell(s) => stairwell_by_id.get(&s).copied(),
            _ => None,
        }
    };
    // Each item's consent scope and class, from one catalog look-up.
    let kind: Vec<(Scope, Class)> = scenario
        .items
        .iter()
        .map(|p| {
            catalog
                .get(&p.item)
                .map_or((Scope::Community, Class::Upgrade), |i| {
                    (i.consent.scope, i.class)
                })
        })
        .collect();
    // Households served and cost-effectiveness (households per 10 000 yuan), normalised by the
    // best item of the scenario. Served: the households of the item's stairwell or building
    // (with the scope at most the building), or of the whole community; counted by
    // `consent::electorate_size` once per target and scope (a large community has 1,500
    // items on 250 targets).
    let mut electorates: HashMap<(Target, Scope), usize> = HashMap::new();
    let served: Vec<usize> = scenario
        .items
        .iter()
        .zip(&kind)
        .map(|(p, &(scope, _))| match p.target {
            Target::Stairwell(_) | Target::Building(_) => {
                let scope = scope.min(Scope::Building);
                *electorates
                    .entry((p.target, scope))
                    .or_insert_with(|| electorate_size(c, p.target, scope))
            }
            _ => community_households,
        })
        .collect();
    let cost_of: HashMap<_, _> = costs
        .lines
        .iter()
        .map(|l| (l.placement, l.total.likely))
        .collect();
    let effectiveness: Vec<f64> = scenario
        .items
        .iter()
        .zip(&served)
        .map(|(p, &n)| {
            let cost = cost_of.get(&p.id).map_or(0.0, |m| m.as_yuan_f64());
            if cost > 0.0 {
                n as f64 / cost * 10_000.0
            } else {
                f64::from(u8::from(n > 0))
            }
        })
        .collect();
    let best_eff = effectiveness.iter().copied().fold(0.0, f64::max);
    let rate = |cond: u8| f64::from(5 - cond.clamp(1, 5)) / 4.0;
    // An item of no building: the condition of all buildings, weighted by households.
    let community_condition = {
        let (sum, n) = c.buildings.iter().fold((0.0, 0usize), |(s, n), b| {
            let h = b.household_count();
            (s + rate(b.condition) * h as f64, n + h)
        });
        if n > 0 {
            sum / n as f64
        } else {
            0.5
        }
    };
    let condition_of =
        |t: Target| -> f64 { building_of(t).map_or(community_condition, |b| rate(b.condition)) };
    let items = scenario
        .items
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let key = p.matter_key();
            let manual = plan.priority.ratings.get(&key);
            let class = kind[k].1;
            let parts: Vec<Part> = weights
                .iter()
                .map(|(id, w)| {
                    let hand = manual
                        .and_then(|m| m.get(id))
                        .map(|&r| f64::from(r.min(10)) / 10.0);
                    let computed = match id.as_str() {
                        "safety" => class_urgency(class),
                        "households" => served[k] as f64 / total_households,
                        "demand" => plan
                            .tallies
                            .get(&key)
                            .and_then(SurveyTally::support_share)
                            .unwrap_or(0.5),
                        "condition" => condition_of(p.target),
                        "cost_effectiveness" => {
                            if best_eff > 0.0 {
                                effectiveness[k] / best_eff
                            } else {
                                0.0
                            }
                        }
                        // A user criterion not yet rated: neutral.
                        _ => 0.5,
                    };
                    let rating = hand.unwrap_or(computed).clamp(0.0, 1.0);
                    Part {
                        criterion: id.clone(),
                        weight: *w,
                        rating,
                        manual: hand.is_some(),
                        points: w * rating * 100.0,
                    }
                })
                .collect();
            let score: f64 = parts.iter().map(|p| p.points).sum();
            ItemScore {
                placement: p.id,
                score,
                value: (score * 100.0).round() as i64,
                parts,
            }
        })
        .collect();
    Priorities {
        weights,
        ahp,
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consistent_matrix_gives_exact_weights_and_zero_cr() {
        // Weights 4:2:1 make a perfectly consistent matrix.
        let w = [4.0, 2.0, 1.0];
        let m: Vec<Vec<f64>> = (0..3)
            .map(|i| (0..3).map(|j| w[i] / w[j]).collect())
            .collect();
        let a = ahp(&m).unwrap();
        assert!((a.weights[0] - 4.0 / 7.0).abs() < 1e-9);
        assert!((a.weights[2] - 1.0 / 7.0).abs() < 1e-9);
        assert!((a.lambda_max - 3.0).abs() < 1e-9);
        assert!(a.cr.abs() < 1e-9);
        assert!(!a.inconsistent());
    }

    #[test]
    fn contradictory_comparisons_are_flagged() {
        // A > B (9), B > C (9), but C > A (9): badly inconsistent.
        let m = vec![
            vec![1.0, 9.0, 1.0 / 9.0],
            vec![1.0 / 9.0, 1.0, 9.0],
            vec![9.0, 1.0 / 9.0, 1.0],
        ];
        let a = ahp(&m).unwrap();
        assert!(a.inconsistent(), "CR {}", a.cr);
        assert!(ahp(&[vec![1.0, 2.0], vec![2.0, 1.0]]).is_err());
        assert_eq!(ahp(&[vec![1.0, 2.0]]), Err(AhpError::Shape));
    }

    #[test]
    fn saaty_textbook_example() {
        // A classic 3×3 example: CR ≈ 0.0158.
        let m = vec![
            vec![1.0, 3.0, 5.0],
            vec![1.0 / 3.0, 1.0, 2.0],
            vec![1.0 / 5.0, 1.0 / 2.0, 1.0],
        ];
        let a = ahp(&m).unwrap();
        assert!((a.weights[0] - 0.648).abs() < 0.002, "{:?}", a.weights);
        assert!((a.weights[1] - 0.230).abs() < 0.002);
        assert!(a.cr > 0.0 && a.cr < 0.01, "CR {}", a.cr);
    }
}
