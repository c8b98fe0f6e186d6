//! What the user set for a plan, as plain data read from and written to the plan file: fees
//! and contingency, funding rules per class and per item with the money per source, priority
//! criteria and weights, the budget of a selection, the years of the annual plan. The engines
//! that read them ([`crate::core::costing`], [`crate::core::funding`],
//! [`crate::core::priority`], [`crate::core::select`], [`crate::core::phasing`]) add their
//! behaviour; the settings sit below the plan so that the plan can hold them without importing
//! the engines.

use super::catalog::{Class, ItemId};
use super::funding_source::FundingSource;
use super::money::Money;
use super::optimise::Limits;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// True for a value equal to its type's default (to keep files short).
pub fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// Design, supervision and contingency percentages (basis points) added to construction cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostSettings {
    /// Design fee, basis points of construction cost.
    pub design_bp: u32,
    /// Supervision fee, basis points.
    pub supervision_bp: u32,
    /// Contingency (不可预见费), basis points.
    pub contingency_bp: u32,
}

impl Default for CostSettings {
    /// Design 3 %, supervision 2 %, contingency 10 % (BRIEF §3: contingency 10-20 %).
    fn default() -> Self {
        CostSettings {
            design_bp: 300,
            supervision_bp: 200,
            contingency_bp: 1000,
        }
    }
}

/// How much of a line one source may pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareRule {
    /// The source.
    pub source: FundingSource,
    /// At most this share of the line, basis points (10 000 = all of it).
    pub max_bp: u32,
    /// And at most this amount per line (e.g. an elevator subsidy cap).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_amount: Option<Money>,
}

impl ShareRule {
    /// A share without an amount cap.
    pub const fn share(source: FundingSource, max_bp: u32) -> ShareRule {
        ShareRule {
            source,
            max_bp,
            max_amount: None,
        }
    }
}

/// Share rules per class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRules {
    /// Safety items.
    pub safety: Vec<ShareRule>,
    /// Basic items.
    pub basic: Vec<ShareRule>,
    /// Improvement items.
    pub improvement: Vec<ShareRule>,
    /// Upgrade items.
    pub upgrade: Vec<ShareRule>,
}

impl ClassRules {
    /// The rules of a class.
    pub fn get(&self, class: Class) -> &[ShareRule] {
        match class {
            Class::Safety => &self.safety,
            Class::Basic => &self.basic,
            Class::Improvement => &self.improvement,
            Class::Upgrade => &self.upgrade,
        }
    }
}

/// Named sets of rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// Finance covers basic, all parties share improvement, society leads upgrade.
    LivelihoodFirst,
    /// Edited by the user.
    Custom,
}

/// Funding settings of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundingSettings {
    /// Which preset the rules came from.
    pub preset: Preset,
    /// Rules per class.
    pub class_rules: ClassRules,
    /// Rules per catalog item, replacing the class rule (e.g. the elevator subsidy).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub item_rules: BTreeMap<ItemId, Vec<ShareRule>>,
    /// Money available per source for this community; a source absent here is unlimited.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pools: BTreeMap<FundingSource, Money>,
    /// At most this much per household from residents; the rest is a gap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household_cap: Option<Money>,
    /// Central subsidy only for buildings completed before this year (policy: before the end
    /// of 2000, so 2001).
    #[serde(default = "default_central_year")]
    pub central_subsidy_built_before: u16,
}

fn default_central_year() -> u16 {
    2001
}

impl Default for FundingSettings {
    fn default() -> Self {
        FundingSettings::livelihood_first()
    }
}

impl FundingSettings {
    /// The preset "finance covers basic, all parties share improvement, society leads upgrade":
    /// safety and basic items: central subsidy, then local finance, up to all of the cost
    /// (utility companies pay up to half of their own lines); improvement: local finance up to
    /// 30 %, work unit and social capital up to 30 % where eligible, residents the rest;
    /// elevators: local subsidy of 40 % capped at 150 000 yuan [EST, between Weifang's and
    /// Shanghai's]; upgrade: social capital up to 60 %, local finance the rest.
    pub fn livelihood_first() -> Self {
        use FundingSource as F;
        let finance = vec![
            ShareRule::share(F::CentralSubsidy, 10_000),
            ShareRule::share(F::Utility, 5_000),
            ShareRule::share(F::SpecialBonds, 10_000),
            ShareRule::share(F::LocalFinance, 10_000),
        ];
        let mut item_rules = BTreeMap::new();
        item_rules.insert(
            "elevator".to_string(),
            vec![ShareRule {
                source: F::LocalFinance,
                max_bp: 4_000,
                max_amount: Some(Money::yuan(150_000)),
            }],
        );
        FundingSettings {
            preset: Preset::LivelihoodFirst,
            class_rules: ClassRules {
                safety: finance.clone(),
                basic: finance,
                improvement: vec![
                    ShareRule::share(F::LocalFinance, 3_000),
                    ShareRule::share(F::WorkUnit, 3_000),
                    ShareRule::share(F::SocialCapital, 3_000),
                ],
                upgrade: vec![
                    ShareRule::share(F::SocialCapital, 6_000),
                    ShareRule::share(F::LocalFinance, 10_000),
                ],
            },
            item_rules,
            pools: BTreeMap::from([
                (F::SpecialBonds, Money::ZERO),
                (F::WorkUnit, Money::ZERO),
                (F::BankLoan, Money::ZERO),
            ]),
            household_cap: None,
            central_subsidy_built_before: 2001,
        }
    }
}

/// One year's money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct YearBudget {
    /// Total that can be spent this year.
    pub budget: Money,
    /// Limits per funding source this year (a source absent here is limited only by the total).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_source: BTreeMap<FundingSource, Money>,
}

/// Phasing settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhasingSettings {
    /// The first year of the plan.
    pub start_year: u16,
    /// Budgets, one per year from `start_year`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<YearBudget>,
    /// At most this many items under way in one building in one year (0 = no cap).
    pub max_works_per_building: u8,
}

impl Default for PhasingSettings {
    /// From 2027, no years yet, at most 3 works per building a year.
    fn default() -> Self {
        PhasingSettings {
            start_year: 2027,
            years: Vec::new(),
            max_works_per_building: 3,
        }
    }
}

/// The built-in criteria, by id.
pub const BUILT_IN: [&str; 5] = [
    "safety",
    "households",
    "demand",
    "condition",
    "cost_effectiveness",
];

/// A criterion the user added (rated by hand per item, 0-10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomCriterion {
    /// Id, unique among criteria.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
}

/// Survey tallies for one matter (问需于民): how many households support, oppose, have no view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SurveyTally {
    /// Support.
    pub support: u32,
    /// Oppose.
    pub oppose: u32,
    /// No view.
    pub no_view: u32,
}

impl SurveyTally {
    /// Share supporting among all answers, 0..1; `None` without answers.
    pub fn support_share(&self) -> Option<f64> {
        let n = self.support + self.oppose + self.no_view;
        (n > 0).then(|| f64::from(self.support) / f64::from(n))
    }
}

/// Priority settings of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrioritySettings {
    /// Weight per criterion id (any non-negative numbers; normalised to sum 1).
    pub weights: BTreeMap<String, u32>,
    /// Criteria added by the user.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<CustomCriterion>,
    /// Pairwise comparisons (AHP) over the criteria in [`criteria`] order, when used: entry
    /// `[i][j]` says how much more important criterion i is than j (1/9..9). Replaces
    /// `weights` when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairwise: Option<Vec<Vec<f64>>>,
    /// Ratings set by hand, 0-10, per matter key and criterion; they replace computed ones.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ratings: BTreeMap<String, BTreeMap<String, u8>>,
    /// The class rule 先民生、后提升: within a building, no improvement or upgrade item is
    /// selected or scheduled before that building's safety and basic items.
    #[serde(default = "yes")]
    pub class_rule: bool,
}

fn yes() -> bool {
    true
}

impl Default for PrioritySettings {
    /// Safety 30, households 20, demand 20, condition 15, cost-effectiveness 15 [EST].
    fn default() -> Self {
        let weights = [
            ("safety", 30),
            ("households", 20),
            ("demand", 20),
            ("condition", 15),
            ("cost_effectiveness", 15),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        PrioritySettings {
            weights,
            custom: Vec::new(),
            pairwise: None,
            ratings: BTreeMap::new(),
            class_rule: true,
        }
    }
}

/// Budget and limits of a selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectionSettings {
    /// The budget (total cost including fees); zero means not set.
    #[serde(default)]
    pub budget: Money,
    /// Minimum spend per class, [`Class::ALL`] order.
    #[serde(default, skip_serializing_if = "is_default")]
    pub class_min: [Money; 4],
    /// Node limit of the exact search.
    #[serde(default = "default_nodes")]
    pub max_nodes: u64,
    /// Select by the Method of Equal Shares (fair between households and so buildings)
    /// instead of the highest total priority.
    #[serde(default)]
    pub equal_shares: bool,
}

fn default_nodes() -> u64 {
    Limits::default().max_nodes
}

impl Default for SelectionSettings {
    fn default() -> Self {
        SelectionSettings {
            budget: Money::ZERO,
            class_min: [Money::ZERO; 4],
            max_nodes: default_nodes(),
            equal_shares: false,
        }
    }
}
