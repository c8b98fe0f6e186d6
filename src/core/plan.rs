//! The plan: the community ([`crate::core::site`]) with the scenarios of placed renovation
//! items, the residents' votes and survey tallies, and what the user set (catalog edits, fees,
//! funding rules, priorities, budget, years, risk). The plan file's content; plain data, the
//! rules live in the engines that compute from it.

use super::catalog::{CatalogEdits, ItemId};
use super::ids::{HouseholdId, PlacementId, ScenarioId};
use super::money::Money;
use super::optimise::Must;
use super::risk::RiskSettings;
use super::settings::PhasingSettings;
use super::settings::SelectionSettings;
use super::settings::{is_default, CostSettings};
use super::settings::{FundingSettings, ShareRule};
use super::settings::{PrioritySettings, SurveyTally};
use super::site::{Community, Target};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Reads an optional number rounded to hundredths.
fn de_centi_opt<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    Option::<f64>::deserialize(d).map(|v| v.map(|v| super::geometry::round_to(v, 100.0)))
}

/// Elevator cost sharing for one stairwell (BRIEF §4): floor coefficients weighted by exclusive
/// area, optional compensation to lower floors. The subsidy is the placement's funding rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElevatorSharing {
    /// Coefficient per floor in basis points, index 0 = ground floor. Floors beyond the list
    /// take the last value.
    pub floor_coefficients_bp: Vec<u32>,
    /// Compensation paid to each household of a floor (index 0 = ground floor) by the paying
    /// households; empty = none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub compensation: Vec<Money>,
}

impl Default for ElevatorSharing {
    /// Floors 1-6: 0 / 0.08 / 0.14 / 0.20 / 0.26 / 0.32 [EST, BRIEF §4]; no compensation.
    fn default() -> Self {
        ElevatorSharing {
            floor_coefficients_bp: vec![0, 800, 1400, 2000, 2600, 3200],
            compensation: Vec::new(),
        }
    }
}

impl ElevatorSharing {
    /// The coefficient of `floor` (1 = ground), basis points.
    pub fn coefficient_bp(&self, floor: u8) -> u32 {
        let i = usize::from(floor.max(1) - 1);
        self.floor_coefficients_bp
            .get(i)
            .or(self.floor_coefficients_bp.last())
            .copied()
            .unwrap_or(0)
    }

    /// The compensation each household of `floor` receives.
    pub fn compensation_for(&self, floor: u8) -> Money {
        let i = usize::from(floor.max(1) - 1);
        self.compensation.get(i).copied().unwrap_or(Money::ZERO)
    }
}

/// One renovation item placed on the plan in a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    /// Unique within the scenario.
    pub id: PlacementId,
    /// Catalog item.
    pub item: ItemId,
    /// What it is placed on.
    pub target: Target,
    /// A quantity typed in by hand, replacing the take-off (in the item's unit, kept to 0.01).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_centi_opt"
    )]
    pub quantity_override: Option<f64>,
    /// Funding rules replacing the class rules for this placement (e.g. an elevator subsidy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<Vec<ShareRule>>,
    /// Elevator cost sharing, for items shared by floor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elevator: Option<ElevatorSharing>,
    /// Free note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Forced in or out of an optimised selection.
    #[serde(default, skip_serializing_if = "is_default")]
    pub must: Must,
    /// Placements (of the same scenario) this one needs: "the road requires the pipes under it".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<PlacementId>,
    /// Mutually exclusive variants share a group name: at most one of them is selected
    /// (e.g. elevator model A or B).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub variant_group: String,
    /// Placements with the same bundle name are built together, in the same year
    /// (同设计、同施工: the pipes under a road go with the road).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub bundle: String,
    /// The year of the annual plan this item was put in by hand (`None`: the phasing decides).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
}

impl Placement {
    /// A placement with no overrides.
    pub fn new(id: PlacementId, item: impl Into<ItemId>, target: Target) -> Self {
        Placement {
            id,
            item: item.into(),
            target,
            quantity_override: None,
            funding: None,
            elevator: None,
            note: String::new(),
            must: Must::Free,
            requires: Vec::new(),
            variant_group: String::new(),
            bundle: String::new(),
            year: None,
        }
    }

    /// The key of the matter residents vote on: the item and its target, e.g.
    /// `elevator@stairwell:5`. The same elevator in two scenarios is one matter.
    pub fn matter_key(&self) -> String {
        format!("{}@{}", self.item, self.target.key())
    }
}

/// A named set of placed items: one option for the community.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Unique id.
    pub id: ScenarioId,
    /// Name, e.g. `基础类`.
    pub name: String,
    /// Items placed.
    pub items: Vec<Placement>,
}

/// A household's vote on a matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vote {
    /// 同意.
    Agree,
    /// 反对.
    Object,
    /// 弃权 (takes part, does not agree).
    Abstain,
}

/// Votes per matter key (see [`Placement::matter_key`]), per household. A household absent
/// from the map has not voted.
pub type Votes = BTreeMap<String, BTreeMap<HouseholdId, Vote>>;

/// The plan file's format version this build writes; a newer file opens read-only (see
/// [`crate::core::plan_file`]).
pub const SCHEMA_VERSION: u32 = 1;

/// The whole plan: the file format's content (see `plan_file`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// File format version (see [`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The community.
    pub community: Community,
    /// Price edits and custom items.
    #[serde(default, skip_serializing_if = "CatalogEdits::is_empty")]
    pub catalog: CatalogEdits,
    /// Fees and contingency.
    #[serde(default)]
    pub costs: CostSettings,
    /// Funding pools and share rules.
    #[serde(default)]
    pub funding: FundingSettings,
    /// The scenarios; at least one.
    pub scenarios: Vec<Scenario>,
    /// The scenario shown on the plan.
    pub current_scenario: ScenarioId,
    /// Residents' votes per matter.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub votes: Votes,
    /// Survey tallies per matter (问需于民), read by the resident-demand criterion.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tallies: BTreeMap<String, SurveyTally>,
    /// Priority criteria, weights and ratings.
    #[serde(default, skip_serializing_if = "is_default")]
    pub priority: PrioritySettings,
    /// Budget and limits of the optimised selection.
    #[serde(default, skip_serializing_if = "is_default")]
    pub selection: SelectionSettings,
    /// Years and yearly budgets of the annual plan.
    #[serde(default, skip_serializing_if = "is_default")]
    pub phasing: PhasingSettings,
    /// Cost-risk simulation settings.
    #[serde(default, skip_serializing_if = "is_default")]
    pub risk: RiskSettings,
    /// Fields of the file this version does not know, written back on save and export
    /// (see [`crate::core::extras`]).
    #[serde(skip)]
    pub extras: super::extras::Extras,
}

impl Plan {
    /// A new plan with no site features: one empty scenario, default fees and funding rules.
    pub fn blank(name: &str, scenario_name: &str) -> Plan {
        Plan {
            schema_version: SCHEMA_VERSION,
            community: Community {
                name: name.to_string(),
                city: String::new(),
                buildings: Vec::new(),
                areas: Vec::new(),
                pipes: Vec::new(),
                points: Vec::new(),
            },
            catalog: CatalogEdits::default(),
            costs: CostSettings::default(),
            funding: FundingSettings::default(),
            scenarios: vec![Scenario {
                id: ScenarioId(1),
                name: scenario_name.to_string(),
                items: Vec::new(),
            }],
            current_scenario: ScenarioId(1),
            votes: Votes::default(),
            tallies: BTreeMap::new(),
            priority: PrioritySettings::default(),
            selection: SelectionSettings::default(),
            phasing: PhasingSettings::default(),
            risk: RiskSettings::default(),
            extras: super::extras::Extras::default(),
        }
    }

    /// The current scenario (the first if the id is stale, which validation prevents).
    pub fn scenario(&self) -> &Scenario {
        self.scenarios
            .iter()
            .find(|s| s.id == self.current_scenario)
            .unwrap_or(&self.scenarios[0])
    }

    /// A scenario by id.
    pub fn scenario_by_id(&self, id: ScenarioId) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }
}
