//! The vocabulary of edits: what can be selected ([`Feature`]), a building's properties, every
//! [`Command`], why an edit is refused ([`EditError`]), and what an edit created ([`Applied`]).

use crate::core::geometry::Pt;
use crate::core::ids::*;
use crate::core::optimise::Must;
use crate::core::plan::*;
use crate::core::site::*;
use serde::{Deserialize, Serialize};

/// Something on the site plan that can be selected, moved or deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    /// A building (with its stairwells).
    Building(BuildingId),
    /// A drawn area.
    Area(FeatureId),
    /// A pipe run.
    Pipe(FeatureId),
    /// A point.
    Point(FeatureId),
}

/// The editable properties of a building; the stairwells and households are generated from
/// them (rooms `101`, `102`, … per stairwell).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildingProps {
    /// Name.
    pub name: String,
    /// Storeys.
    pub floors: u8,
    /// Storey height, m.
    pub storey_height_m: f64,
    /// Year built.
    pub year_built: u16,
    /// Condition 1-5.
    pub condition: u8,
    /// Number of stairwells.
    pub stairwells: u8,
    /// Households per floor in each stairwell.
    pub households_per_floor: u8,
    /// Exclusive area of each household, m².
    pub area_per_household_m2: f64,
}

impl BuildingProps {
    /// The properties of an existing building (households per floor and area from its first
    /// stairwell).
    pub fn of(b: &Building) -> Self {
        let first = b.stairwells.first();
        let per_floor = first.map_or(0, |s| {
            s.households.iter().filter(|h| h.floor == 1).count().max(1)
        });
        let area = first
            .and_then(|s| s.households.first())
            .map_or(70.0, |h| h.area_m2.m2());
        BuildingProps {
            name: b.name.clone(),
            floors: b.floors,
            storey_height_m: b.storey_height_m,
            year_built: b.year_built,
            condition: b.condition,
            stairwells: b.stairwells.len() as u8,
            households_per_floor: per_floor as u8,
            area_per_household_m2: area,
        }
    }

    /// A typical walk-up: 6 floors of 2.9 m, 1990, fair condition, 2 stairwells of 2 flats a
    /// floor of 75 m².
    pub fn typical(name: &str) -> Self {
        BuildingProps {
            name: name.to_string(),
            floors: 6,
            storey_height_m: 2.9,
            year_built: 1990,
            condition: 3,
            stairwells: 2,
            households_per_floor: 2,
            area_per_household_m2: 75.0,
        }
    }
}

/// An edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "command")]
pub enum Command {
    /// Adds a building with generated stairwells and households.
    AddBuilding {
        /// Outline.
        footprint: Vec<Pt>,
        /// Properties.
        props: BuildingProps,
    },
    /// Changes a building's properties; stairwells and households are regenerated when their
    /// numbers or the floors change (votes of households that no longer exist are dropped).
    UpdateBuilding {
        /// Which.
        id: BuildingId,
        /// New properties.
        props: BuildingProps,
    },
    /// Adds a drawn area.
    AddArea {
        /// Kind.
        kind: AreaKind,
        /// Name.
        name: String,
        /// Outline.
        polygon: Vec<Pt>,
    },
    /// Adds a pipe run.
    AddPipe {
        /// Kind.
        kind: PipeKind,
        /// Name.
        name: String,
        /// Run.
        path: Vec<Pt>,
    },
    /// Adds a point.
    AddPoint {
        /// Kind.
        kind: PointKind,
        /// Name.
        name: String,
        /// Where.
        position: Pt,
    },
    /// Moves features by (dx, dy) metres.
    Move {
        /// What.
        features: Vec<Feature>,
        /// East, m.
        dx: f64,
        /// South, m.
        dy: f64,
    },
    /// Replaces the outline or run of a feature (resize, rotate, reshape).
    SetShape {
        /// Which.
        feature: Feature,
        /// New points.
        points: Vec<Pt>,
    },
    /// Renames a feature.
    Rename {
        /// Which.
        feature: Feature,
        /// New name.
        name: String,
    },
    /// Changes what a drawn area, run or point is (a sewer into a gas pipe, a road into a
    /// square). Refused while items on it could not stay on the new kind.
    SetKind {
        /// Which.
        feature: Feature,
        /// The new kind (of the same sort as the feature).
        kind: SiteKind,
    },
    /// Renames the community (the project's name in the project list).
    RenameCommunity {
        /// New name.
        name: String,
    },
    /// Deletes features and every placement on them.
    Delete {
        /// What.
        features: Vec<Feature>,
    },
    /// Copies features, offset by (dx, dy), with new ids.
    Duplicate {
        /// What.
        features: Vec<Feature>,
        /// East, m.
        dx: f64,
        /// South, m.
        dy: f64,
    },
    /// Places a catalog item on a target in the current scenario.
    Place {
        /// Catalog id.
        item: String,
        /// Where.
        target: Target,
    },
    /// Removes placements from the current scenario.
    Unplace {
        /// Which.
        placements: Vec<PlacementId>,
    },
    /// Sets or clears a placement's typed-in quantity.
    SetQuantity {
        /// Which.
        placement: PlacementId,
        /// The quantity, or `None` for the take-off.
        quantity: Option<f64>,
    },
    /// Forces a placement in or out of optimised selections.
    SetMust {
        /// Which.
        placement: PlacementId,
        /// Free, do or not.
        must: Must,
    },
    /// Adds a scenario: empty, or a copy of `from` keeping only `keep` (all when `None`);
    /// it becomes the current one.
    AddScenario {
        /// Name.
        name: String,
        /// Copy this scenario's items.
        from: Option<ScenarioId>,
        /// Only these placements of `from`.
        keep: Option<Vec<PlacementId>>,
    },
    /// Renames a scenario.
    RenameScenario {
        /// Which.
        id: ScenarioId,
        /// New name.
        name: String,
    },
    /// Deletes a scenario (not the last one).
    DeleteScenario {
        /// Which.
        id: ScenarioId,
    },
    /// Shows another scenario on the plan.
    SetScenario {
        /// Which.
        id: ScenarioId,
    },
    /// Sets or clears the survey tallies of matters (one undo step for a whole CSV import).
    SetTallies {
        /// Matter key and its tally (`None` clears it).
        tallies: Vec<(String, Option<crate::core::settings::SurveyTally>)>,
    },
    /// Records or clears a household's vote on a matter.
    SetVote {
        /// Matter key.
        matter: String,
        /// Who.
        household: HouseholdId,
        /// The vote, or `None` for not voted.
        vote: Option<Vote>,
    },
    /// Sets the budget of the optimised selection (zero: none).
    SetBudget {
        /// The budget.
        budget: crate::core::money::Money,
    },
    /// Turns the class rule 先民生、后提升 on or off.
    SetClassRule {
        /// On?
        on: bool,
    },
    /// Puts a placement of the current scenario in a year of the annual plan by hand, or
    /// leaves the year to the phasing again (`None`).
    SetYear {
        /// Which.
        placement: PlacementId,
        /// The calendar year.
        year: Option<u16>,
    },
    /// Sets the years of the annual plan: first year and each year's budget.
    SetYears {
        /// First year.
        start_year: u16,
        /// Budget per year.
        budgets: Vec<crate::core::money::Money>,
    },
}

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "error")]
pub enum EditError {
    /// The thing to edit does not exist.
    NotFound,
    /// A name is empty or too long.
    BadName,
    /// A number is out of its range.
    OutOfRange {
        /// Which field.
        field: String,
    },
    /// An outline crosses itself or has too few points.
    BadShape,
    /// The catalog has no such item.
    UnknownItem,
    /// The item cannot go on this kind of target.
    WrongTarget {
        /// The item.
        item: String,
        /// What it needs (the first kind it accepts).
        needs: TargetKind,
    },
    /// The target is the right sort but the wrong kind (greening on a road, overhead lines on
    /// a sewer).
    WrongKind {
        /// The item.
        item: String,
        /// The kinds it goes on.
        needs: Vec<SiteKind>,
    },
    /// A feature's kind cannot change while these items (catalog ids) are placed on it.
    KindConflict {
        /// The items that could not stay.
        items: Vec<String>,
    },
    /// The same item is already on this target.
    AlreadyPlaced,
    /// Too many of something.
    TooMany,
    /// The last scenario cannot be deleted.
    LastScenario,
    /// An item's quantity × unit price would be over the limit of one line
    /// ([`crate::core::money::MAX_LINE_YUAN`]).
    TooExpensive {
        /// The item.
        item: String,
    },
}

/// What an edit created, for the interface to select it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Applied {
    /// New features.
    pub features: Vec<Feature>,
    /// New placements.
    pub placements: Vec<PlacementId>,
}
