//! The community and the plan: buildings, stairwells (单元), households, site features, and the
//! scenarios of placed renovation items. Everything here is plain data that serialises to the
//! plan file; rules live in the modules that compute from it.

use super::catalog::{CatalogItem, CostRange, ItemId};
use super::funding::{FundingSettings, ShareRule};
use super::geometry::{polygon_area_m2, polygon_perimeter_m, polyline_length_m, Pt};
use super::money::{Area, Money};
use super::optimise::Must;
use super::phasing::PhasingSettings;
use super::priority::{PrioritySettings, SurveyTally};
use super::risk::RiskSettings;
use super::select::SelectionSettings;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Reads a number rounded to hundredths (see [`crate::core::geometry::round_to`]).
fn de_centi<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    f64::deserialize(d).map(|v| super::geometry::round_to(v, 100.0))
}

/// Reads an optional number rounded to hundredths.
fn de_centi_opt<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    Option::<f64>::deserialize(d).map(|v| v.map(|v| super::geometry::round_to(v, 100.0)))
}

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// A building's id, unique within the community.
    BuildingId
);
id_type!(
    /// A stairwell's (单元) id, unique within the community.
    StairwellId
);
id_type!(
    /// A household's (户) id, unique within the community.
    HouseholdId
);
id_type!(
    /// A site feature's id (area, pipe run or point), unique within its kind.
    FeatureId
);
id_type!(
    /// A placed item's id, unique within its scenario.
    PlacementId
);
id_type!(
    /// A scenario's id, unique within the plan.
    ScenarioId
);

/// One dwelling: the unit of head count for consent and of burden for funding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Household {
    /// Unique id.
    pub id: HouseholdId,
    /// Room number as written on the door, e.g. `501`.
    pub room: String,
    /// Floor, 1 = ground floor.
    pub floor: u8,
    /// Exclusive floor area (专有部分面积) from the property certificate, m².
    pub area_m2: Area,
    /// Owner's name or a label; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
}

/// A stairwell (单元): one entrance and staircase serving the households above it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stairwell {
    /// Unique id.
    pub id: StairwellId,
    /// Name, e.g. `1单元`.
    pub name: String,
    /// Where the entrance is marked on the plan, metres.
    pub position: Pt,
    /// The households of this stairwell.
    pub households: Vec<Household>,
}

/// A residential building.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Building {
    /// Unique id.
    pub id: BuildingId,
    /// Name, e.g. `3号楼`.
    pub name: String,
    /// Outline on the plan, metres, a simple polygon.
    pub footprint: Vec<Pt>,
    /// Storeys above ground.
    pub floors: u8,
    /// Floor-to-floor height, metres (kept to the centimetre).
    #[serde(deserialize_with = "de_centi")]
    pub storey_height_m: f64,
    /// Year of completion.
    pub year_built: u16,
    /// Condition rating, 1 (dangerous) to 5 (good).
    pub condition: u8,
    /// Stairwells, west to east.
    pub stairwells: Vec<Stairwell>,
}

impl Building {
    /// Footprint (= roof) area, m².
    pub fn footprint_m2(&self) -> f64 {
        polygon_area_m2(&self.footprint)
    }

    /// Gross floor area estimated as footprint × floors, m².
    pub fn gross_floor_area_m2(&self) -> f64 {
        self.footprint_m2() * f64::from(self.floors)
    }

    /// External wall area estimated as perimeter × floors × storey height, m².
    pub fn facade_m2(&self) -> f64 {
        polygon_perimeter_m(&self.footprint) * f64::from(self.floors) * self.storey_height_m
    }

    /// Number of households in all stairwells.
    pub fn household_count(&self) -> usize {
        self.stairwells.iter().map(|s| s.households.len()).sum()
    }

    /// All households, stairwell by stairwell.
    pub fn households(&self) -> impl Iterator<Item = &Household> {
        self.stairwells.iter().flat_map(|s| s.households.iter())
    }
}

/// What a drawn area is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    /// A road or path (道路).
    Road,
    /// Green space (绿地).
    Green,
    /// A paved square or yard (场地).
    Plaza,
    /// A parking area (停车场).
    Parking,
}

/// A drawn polygon on the site: road, green, square or parking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteArea {
    /// Unique among areas.
    pub id: FeatureId,
    /// Kind of surface.
    pub kind: AreaKind,
    /// Name, e.g. `主路`.
    pub name: String,
    /// Outline, metres, a simple polygon.
    pub polygon: Vec<Pt>,
}

impl SiteArea {
    /// Area of the polygon, m².
    pub fn area_m2(&self) -> f64 {
        polygon_area_m2(&self.polygon)
    }
}

/// What a pipe run carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PipeKind {
    /// Drinking water supply.
    Water,
    /// Foul sewer.
    Sewer,
    /// Rainwater drain.
    Rain,
    /// Gas.
    Gas,
    /// Power cable.
    Power,
    /// Telecom / weak-current lines.
    Telecom,
    /// District heating.
    Heating,
}

/// A drawn polyline: a pipe or cable run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PipeRun {
    /// Unique among pipe runs.
    pub id: FeatureId,
    /// What it carries.
    pub kind: PipeKind,
    /// Name.
    pub name: String,
    /// The run, metres, at least two points.
    pub path: Vec<Pt>,
}

impl PipeRun {
    /// Length of the run, metres.
    pub fn length_m(&self) -> f64 {
        polyline_length_m(&self.path)
    }
}

/// What a point feature is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PointKind {
    /// Street lamp.
    Lamp,
    /// Camera.
    Camera,
    /// Entrance gate.
    Gate,
    /// Waste collection point.
    Waste,
    /// Charging point.
    Charger,
    /// Any other point.
    Other,
}

/// The kind of a drawn feature: what an area, a run or a point is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "feature", content = "kind")]
pub enum SiteKind {
    /// An area's kind.
    Area(AreaKind),
    /// A run's kind.
    Pipe(PipeKind),
    /// A point's kind.
    Point(PointKind),
}

/// A point on the site: lamp, camera, gate, waste point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointFeature {
    /// Unique among points.
    pub id: FeatureId,
    /// What it is.
    pub kind: PointKind,
    /// Name.
    pub name: String,
    /// Where, metres.
    pub position: Pt,
}

/// The community (小区) as it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Community {
    /// Name, e.g. `建设路纺织厂家属院`.
    pub name: String,
    /// City and district, free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub city: String,
    /// Residential buildings.
    pub buildings: Vec<Building>,
    /// Roads, green, squares, parking.
    #[serde(default)]
    pub areas: Vec<SiteArea>,
    /// Pipe and cable runs.
    #[serde(default)]
    pub pipes: Vec<PipeRun>,
    /// Point features.
    #[serde(default)]
    pub points: Vec<PointFeature>,
}

impl Community {
    /// True when the two differ at most in where things are drawn (outlines, runs, positions):
    /// what funding and consent read is the same. Every field is named, so a new one must be
    /// placed on one side or the other here.
    pub fn same_but_geometry(&self, other: &Community) -> bool {
        fn all<T>(a: &[T], b: &[T], same: impl Fn(&T, &T) -> bool) -> bool {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        let Community {
            name,
            city,
            buildings,
            areas,
            pipes,
            points,
        } = self;
        *name == other.name
            && *city == other.city
            && all(buildings, &other.buildings, |a, b| {
                let Building {
                    id,
                    name,
                    footprint: _,
                    floors,
                    storey_height_m,
                    year_built,
                    condition,
                    stairwells,
                } = a;
                *id == b.id
                    && *name == b.name
                    && *floors == b.floors
                    && storey_height_m.to_bits() == b.storey_height_m.to_bits()
                    && *year_built == b.year_built
                    && *condition == b.condition
                    && all(stairwells, &b.stairwells, |s, t| {
                        let Stairwell {
                            id,
                            name,
                            position: _,
                            households,
                        } = s;
                        *id == t.id && *name == t.name && *households == t.households
                    })
            })
            && all(areas, &other.areas, |a, b| {
                let SiteArea {
                    id,
                    kind,
                    name,
                    polygon: _,
                } = a;
                *id == b.id && *kind == b.kind && *name == b.name
            })
            && all(pipes, &other.pipes, |a, b| {
                let PipeRun {
                    id,
                    kind,
                    name,
                    path: _,
                } = a;
                *id == b.id && *kind == b.kind && *name == b.name
            })
            && all(points, &other.points, |a, b| {
                let PointFeature {
                    id,
                    kind,
                    name,
                    position: _,
                } = a;
                *id == b.id && *kind == b.kind && *name == b.name
            })
    }

    /// Every point of every feature (outlines, runs, points): for fitting a view.
    pub fn all_points(&self) -> impl Iterator<Item = Pt> + '_ {
        self.buildings
            .iter()
            .flat_map(|b| b.footprint.iter().copied())
            .chain(self.areas.iter().flat_map(|a| a.polygon.iter().copied()))
            .chain(self.pipes.iter().flat_map(|p| p.path.iter().copied()))
            .chain(self.points.iter().map(|p| p.position))
    }

    /// All households, building by building, stairwell by stairwell: the canonical order used
    /// wherever a tie is broken.
    pub fn households(&self) -> impl Iterator<Item = &Household> {
        self.buildings.iter().flat_map(|b| b.households())
    }

    /// Number of households.
    pub fn household_count(&self) -> usize {
        self.buildings.iter().map(Building::household_count).sum()
    }

    /// A building by id.
    pub fn building(&self, id: BuildingId) -> Option<&Building> {
        self.buildings.iter().find(|b| b.id == id)
    }

    /// A stairwell by id, with its building.
    pub fn stairwell(&self, id: StairwellId) -> Option<(&Building, &Stairwell)> {
        self.buildings
            .iter()
            .find_map(|b| b.stairwells.iter().find(|s| s.id == id).map(|s| (b, s)))
    }

    /// An area by id.
    pub fn area(&self, id: FeatureId) -> Option<&SiteArea> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// A pipe run by id.
    pub fn pipe(&self, id: FeatureId) -> Option<&PipeRun> {
        self.pipes.iter().find(|p| p.id == id)
    }

    /// A point by id.
    pub fn point(&self, id: FeatureId) -> Option<&PointFeature> {
        self.points.iter().find(|p| p.id == id)
    }

    /// Total exclusive floor area of all households.
    pub fn exclusive_area(&self) -> Area {
        self.households().map(|h| h.area_m2).sum()
    }

    /// Sum of the buildings' gross floor areas, m².
    pub fn gross_floor_area_m2(&self) -> f64 {
        self.buildings
            .iter()
            .map(Building::gross_floor_area_m2)
            .sum()
    }
}

/// What a renovation item is placed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// The whole community.
    Community,
    /// One building.
    Building(BuildingId),
    /// One stairwell.
    Stairwell(StairwellId),
    /// A drawn area.
    Area(FeatureId),
    /// A pipe run.
    Pipe(FeatureId),
    /// A point feature.
    Point(FeatureId),
}

impl Target {
    /// The kind of target, for matching against what an item accepts.
    pub fn kind(self) -> TargetKind {
        match self {
            Target::Community => TargetKind::Community,
            Target::Building(_) => TargetKind::Building,
            Target::Stairwell(_) => TargetKind::Stairwell,
            Target::Area(_) => TargetKind::Area,
            Target::Pipe(_) => TargetKind::Pipe,
            Target::Point(_) => TargetKind::Point,
        }
    }

    /// A stable text key, e.g. `stairwell:5`, used to key votes on a matter.
    pub fn key(self) -> String {
        match self {
            Target::Community => "community".to_string(),
            Target::Building(id) => format!("building:{id}"),
            Target::Stairwell(id) => format!("stairwell:{id}"),
            Target::Area(id) => format!("area:{id}"),
            Target::Pipe(id) => format!("pipe:{id}"),
            Target::Point(id) => format!("point:{id}"),
        }
    }
}

/// The kinds of thing an item can be placed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// The whole community.
    Community,
    /// A building.
    Building,
    /// A stairwell.
    Stairwell,
    /// A drawn area.
    Area,
    /// A pipe run.
    Pipe,
    /// A point feature.
    Point,
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

/// True for a value equal to its type's default (to keep files short).
pub fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
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

/// Edits to the default catalog kept in the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct CatalogEdits {
    /// New unit prices for default items.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub prices: BTreeMap<ItemId, CostRange>,
    /// Items the user added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<CatalogItem>,
}

impl CatalogEdits {
    /// True when the default catalog is used unchanged.
    pub fn is_empty(&self) -> bool {
        self.prices.is_empty() && self.custom.is_empty()
    }
}

/// The whole plan: the file format's content (see `plan_file`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// File format version (see `plan_file::SCHEMA_VERSION`).
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
            schema_version: super::plan_file::SCHEMA_VERSION,
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
