//! Every edit of a plan is a [`Command`] applied by [`apply`], which validates it and leaves
//! the plan unchanged when it is refused. The interface's reducer only calls this and records
//! the error; undo and redo keep whole plans.

use super::catalog::Catalog;
use super::geometry::{check_simple_polygon, vertex_centroid, Pt};
use super::ids::*;
use super::money::Area;
use super::optimise::Must;
use super::plan::*;
use super::site::*;
use super::takeoff::{check_target, TakeoffError};
use super::validate::limits;
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

/// One more than the largest id given (1 for none); [`EditError::TooMany`] when the ids are
/// used up.
fn next_id<T: Copy>(
    ids: impl Iterator<Item = T>,
    get: impl Fn(T) -> u32,
) -> Result<u32, EditError> {
    ids.map(get)
        .max()
        .unwrap_or(0)
        .checked_add(1)
        .ok_or(EditError::TooMany)
}

/// The one allocator of new ids for a plan's community: each kind's next id is one more than
/// the largest id of that kind anywhere in the plan, so an id that is in the plan is never
/// given out again (a stairwell that took another's id would also take its elevator and its
/// votes, and the plan would no longer read back).
#[derive(Debug, Clone, Copy)]
struct NextIds {
    stairwell: u32,
    household: u32,
}

impl NextIds {
    fn of(plan: &Plan) -> Result<NextIds, EditError> {
        let c = &plan.community;
        Ok(NextIds {
            stairwell: next_id(
                c.buildings
                    .iter()
                    .flat_map(|b| b.stairwells.iter().map(|s| s.id)),
                |i| i.0,
            )?,
            household: next_id(c.households().map(|h| h.id), |i| i.0)?,
        })
    }

    fn take(slot: &mut u32) -> Result<u32, EditError> {
        let id = *slot;
        *slot = id.checked_add(1).ok_or(EditError::TooMany)?;
        Ok(id)
    }
}

/// The element of `v` with this id, or [`EditError::NotFound`].
fn find_mut<T, I: PartialEq>(v: &mut [T], id: I, id_of: fn(&T) -> I) -> Result<&mut T, EditError> {
    v.iter_mut()
        .find(|x| id_of(x) == id)
        .ok_or(EditError::NotFound)
}

/// The placed item of the current scenario with this id.
fn placement_mut(plan: &mut Plan, id: PlacementId) -> Result<&mut Placement, EditError> {
    let current = plan.current_scenario;
    let s = find_mut(&mut plan.scenarios, current, |s| s.id)?;
    find_mut(&mut s.items, id, |p| p.id)
}

fn check_name(name: &str) -> Result<(), EditError> {
    if name.trim().is_empty() || name.chars().count() > limits::NAME_CHARS {
        Err(EditError::BadName)
    } else {
        Ok(())
    }
}

fn check_props(p: &BuildingProps) -> Result<(), EditError> {
    check_name(&p.name)?;
    let range = |ok: bool, field: &str| {
        if ok {
            Ok(())
        } else {
            Err(EditError::OutOfRange {
                field: field.to_string(),
            })
        }
    };
    range(
        (limits::FLOORS.0..=limits::FLOORS.1).contains(&p.floors),
        "floors",
    )?;
    range(
        (limits::STOREY_HEIGHT_M.0..=limits::STOREY_HEIGHT_M.1).contains(&p.storey_height_m),
        "storey_height_m",
    )?;
    range(
        (limits::YEAR.0..=limits::YEAR.1).contains(&p.year_built),
        "year_built",
    )?;
    range(
        (limits::CONDITION.0..=limits::CONDITION.1).contains(&p.condition),
        "condition",
    )?;
    range((1..=20).contains(&p.stairwells), "stairwells")?;
    range(
        (1..=12).contains(&p.households_per_floor),
        "households_per_floor",
    )?;
    range(
        p.area_per_household_m2.is_finite() && (10.0..=1_000.0).contains(&p.area_per_household_m2),
        "area_per_household_m2",
    )?;
    Ok(())
}

fn check_shape(points: &[Pt], closed: bool) -> Result<(), EditError> {
    if points.len() > limits::POINTS
        || points
            .iter()
            .any(|p| !p.is_finite() || p.x.abs() > limits::COORD_M || p.y.abs() > limits::COORD_M)
    {
        return Err(EditError::BadShape);
    }
    if closed {
        check_simple_polygon(points).map_err(|_| EditError::BadShape)
    } else if points.len() < 2 {
        Err(EditError::BadShape)
    } else {
        Ok(())
    }
}

/// Where `n` stairwell entrances go on an outline: evenly along the edge from vertex 3 to 2 for
/// four-cornered outlines (the long "south" side of a rectangle drawn top-left first, which
/// stays that side when the rectangle is rotated), else along the first edge.
pub fn entrance_marks(footprint: &[Pt], n: usize) -> Vec<Pt> {
    if footprint.is_empty() {
        return Vec::new();
    }
    let (a, b) = if footprint.len() == 4 {
        (footprint[3], footprint[2])
    } else {
        (footprint[0], footprint[1 % footprint.len()])
    };
    (0..n)
        .map(|k| {
            let t = (k as f64 + 0.5) / n as f64;
            Pt::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
        })
        .collect()
}

/// Stairwells for a building from its properties: kept stairwells (by position in `keep`)
/// keep their ids and names; new ones get new ids; every household is new. Entrances are
/// spread evenly along the outline ([`entrance_marks`]) when the number of stairwells
/// changes, and stay where they were when it does not.
fn stairwells_for(
    ids: &mut NextIds,
    footprint: &[Pt],
    props: &BuildingProps,
    keep: &[Stairwell],
) -> Result<Vec<Stairwell>, EditError> {
    let area = Area::from_m2(props.area_per_household_m2).unwrap_or(Area(7_500));
    let n = usize::from(props.stairwells);
    let marks = if keep.len() == n {
        keep.iter().map(|s| s.position).collect()
    } else {
        entrance_marks(footprint, n)
    };
    let mut out = Vec::with_capacity(n);
    for (k, position) in marks.into_iter().enumerate() {
        let (id, name) = match keep.get(k) {
            Some(s) => (s.id, s.name.clone()),
            None => (
                StairwellId(NextIds::take(&mut ids.stairwell)?),
                format!("{}单元", k + 1),
            ),
        };
        let mut households = Vec::new();
        for f in 1..=props.floors {
            for u in 1..=props.households_per_floor {
                households.push(Household {
                    id: HouseholdId(NextIds::take(&mut ids.household)?),
                    room: format!("{f}{u:02}"),
                    floor: f,
                    area_m2: area,
                    owner: String::new(),
                });
            }
        }
        out.push(Stairwell {
            id,
            name,
            position,
            households,
        });
    }
    Ok(out)
}

/// The stairwell marks of an outline that changed shape: with the same number of corners each
/// mark keeps its place along its edge (and its distance off it), so marks follow a resize,
/// a rotation or a reshape; otherwise they move with the outline's centre.
pub fn follow_marks(old: &[Pt], new: &[Pt], marks: &[Pt]) -> Vec<Pt> {
    if old.len() != new.len() || old.len() < 2 {
        let (c0, c1) = (vertex_centroid(old), vertex_centroid(new));
        return marks
            .iter()
            .map(|&m| translate(m, c1.x - c0.x, c1.y - c0.y))
            .collect();
    }
    let n = old.len();
    marks
        .iter()
        .map(|&m| {
            // The nearest edge, the position along it (0-1) and the signed offset off it.
            let mut best = (f64::INFINITY, 0usize, 0.0, 0.0);
            for i in 0..n {
                let (a, b) = (old[i], old[(i + 1) % n]);
                let (ex, ey) = (b.x - a.x, b.y - a.y);
                let len2 = ex * ex + ey * ey;
                if len2 <= 0.0 {
                    continue;
                }
                let t = (((m.x - a.x) * ex + (m.y - a.y) * ey) / len2).clamp(0.0, 1.0);
                let (px, py) = (a.x + ex * t, a.y + ey * t);
                let d = (m.x - px).hypot(m.y - py);
                let side = ((m.x - a.x) * ey - (m.y - a.y) * ex).signum();
                if d < best.0 {
                    best = (d, i, t, side * d);
                }
            }
            let (_, i, t, off) = best;
            let (a, b) = (new[i], new[(i + 1) % n]);
            let (ex, ey) = (b.x - a.x, b.y - a.y);
            let len = ex.hypot(ey).max(1e-9);
            // The unit normal on the same side as before.
            let (nx, ny) = (ey / len, -ex / len);
            Pt::new(a.x + ex * t + nx * off, a.y + ey * t + ny * off)
        })
        .collect()
}

fn translate(p: Pt, dx: f64, dy: f64) -> Pt {
    Pt::new(p.x + dx, p.y + dy)
}

/// Removes placements on `targets` from every scenario, and votes and ratings of matters that
/// no longer exist anywhere.
fn drop_placements_on(plan: &mut Plan, targets: &[Target]) {
    for s in &mut plan.scenarios {
        let gone: Vec<PlacementId> = s
            .items
            .iter()
            .filter(|p| targets.contains(&p.target))
            .map(|p| p.id)
            .collect();
        s.items.retain(|p| !gone.contains(&p.id));
        for p in &mut s.items {
            p.requires.retain(|r| !gone.contains(r));
        }
    }
    prune_matters(plan);
}

/// Drops votes, tallies and ratings of matters no scenario has, and votes of households that
/// no longer exist.
fn prune_matters(plan: &mut Plan) {
    let live: std::collections::HashSet<String> = plan
        .scenarios
        .iter()
        .flat_map(|s| s.items.iter().map(Placement::matter_key))
        .collect();
    let households: std::collections::HashSet<HouseholdId> =
        plan.community.households().map(|h| h.id).collect();
    plan.votes.retain(|k, _| live.contains(k));
    for v in plan.votes.values_mut() {
        v.retain(|h, _| households.contains(h));
    }
    plan.votes.retain(|_, v| !v.is_empty());
    plan.tallies.retain(|k, _| live.contains(k));
    plan.priority.ratings.retain(|k, _| live.contains(k));
}

fn targets_of(plan: &Plan, f: Feature) -> Vec<Target> {
    match f {
        Feature::Building(id) => {
            let mut t = vec![Target::Building(id)];
            if let Some(b) = plan.community.building(id) {
                t.extend(b.stairwells.iter().map(|s| Target::Stairwell(s.id)));
            }
            t
        }
        Feature::Area(id) => vec![Target::Area(id)],
        Feature::Pipe(id) => vec![Target::Pipe(id)],
        Feature::Point(id) => vec![Target::Point(id)],
    }
}

/// What an edit created, for the interface to select it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Applied {
    /// New features.
    pub features: Vec<Feature>,
    /// New placements.
    pub placements: Vec<PlacementId>,
}

/// Applies `cmd` to `plan`. On error the plan is unchanged: the edit is made on a copy that
/// replaces the plan only when the whole edit succeeded.
pub fn apply(plan: &mut Plan, cmd: &Command) -> Result<Applied, EditError> {
    let (next, out) = applied(plan, cmd)?;
    *plan = next;
    Ok(out)
}

/// The plan after `cmd`, and what it created; or why it was refused (`plan` is never touched).
pub fn applied(plan: &Plan, cmd: &Command) -> Result<(Plan, Applied), EditError> {
    let mut next = plan.clone();
    let out = edit(&mut next, cmd)?;
    check_lines(&next, cmd, &out)?;
    Ok((next, out))
}

/// Refuses an edit that would put a line's quantity × unit price over the limit that keeps
/// every total in range: the items whose quantity it can change are costed again.
fn check_lines(plan: &Plan, cmd: &Command, out: &Applied) -> Result<(), EditError> {
    let on_feature = |f: Feature| targets_of(plan, f);
    let (targets, placements): (Vec<Target>, Vec<PlacementId>) = match cmd {
        Command::Place { .. } => (Vec::new(), out.placements.clone()),
        Command::SetQuantity { placement, .. } => (Vec::new(), vec![*placement]),
        Command::UpdateBuilding { id, .. } => (on_feature(Feature::Building(*id)), Vec::new()),
        Command::SetShape { feature, .. } | Command::SetKind { feature, .. } => {
            (on_feature(*feature), Vec::new())
        }
        Command::AddBuilding { .. } | Command::Duplicate { .. } => (Vec::new(), Vec::new()),
        _ => return Ok(()),
    };
    let catalog = Catalog::with_edits(&plan.catalog);
    let current = plan.current_scenario;
    for s in &plan.scenarios {
        for p in &s.items {
            // Whole-community items add up every building: any building change may move them.
            let hit = targets.contains(&p.target)
                || (p.target == Target::Community
                    && !matches!(cmd, Command::Place { .. } | Command::SetQuantity { .. }))
                || (s.id == current && placements.contains(&p.id));
            if hit && !super::validate::line_fits(plan, &catalog, p) {
                return Err(EditError::TooExpensive {
                    item: p.item.clone(),
                });
            }
        }
    }
    Ok(())
}

/// Makes the edit on `plan` in place; may leave it half-edited on error (callers work on a
/// copy, see [`applied`]).
fn edit(plan: &mut Plan, cmd: &Command) -> Result<Applied, EditError> {
    let mut out = Applied::default();
    let c = &plan.community;
    // Outlines and runs as drawn or pasted: a click on the first corner to close an outline,
    // or a corner clicked twice, is not an error.
    let plain = |pts: &[Pt], closed: bool| super::geometry::normalise_points(pts, closed).0;
    match cmd {
        Command::AddBuilding { footprint, props } => {
            let footprint = &plain(footprint, true);
            check_props(props)?;
            check_shape(footprint, true)?;
            if c.buildings.len() >= limits::FEATURES {
                return Err(EditError::TooMany);
            }
            let id = BuildingId(next_id(c.buildings.iter().map(|b| b.id), |i| i.0)?);
            let mut ids = NextIds::of(plan)?;
            let stairwells = stairwells_for(&mut ids, footprint, props, &[])?;
            plan.community.buildings.push(Building {
                id,
                name: props.name.trim().to_string(),
                footprint: footprint.clone(),
                floors: props.floors,
                storey_height_m: props.storey_height_m,
                year_built: props.year_built,
                condition: props.condition,
                stairwells,
            });
            out.features.push(Feature::Building(id));
        }
        Command::UpdateBuilding { id, props } => {
            check_props(props)?;
            let b = c.building(*id).ok_or(EditError::NotFound)?;
            let old = BuildingProps::of(b);
            let regenerate = old.floors != props.floors
                || old.stairwells != props.stairwells
                || old.households_per_floor != props.households_per_floor
                || (old.area_per_household_m2 - props.area_per_household_m2).abs() > 0.004;
            let footprint = b.footprint.clone();
            let keep = b.stairwells.clone();
            let new_stairwells = if regenerate {
                // New households (the old ones leave with their votes); stairwells keep their
                // ids and names where they still exist. Ids come from the whole plan, the
                // building's own old stairwells and households included, so none is reused.
                let mut ids = NextIds::of(plan)?;
                Some(stairwells_for(&mut ids, &footprint, props, &keep)?)
            } else {
                None
            };
            let removed: Vec<Target> = match &new_stairwells {
                Some(s) => keep
                    .iter()
                    .filter(|o| !s.iter().any(|n| n.id == o.id))
                    .map(|o| Target::Stairwell(o.id))
                    .collect(),
                None => Vec::new(),
            };
            if let Some(b) = plan.community.buildings.iter_mut().find(|x| x.id == *id) {
                b.name = props.name.trim().to_string();
                b.floors = props.floors;
                b.storey_height_m = props.storey_height_m;
                b.year_built = props.year_built;
                b.condition = props.condition;
                if let Some(s) = new_stairwells {
                    b.stairwells = s;
                }
            }
            drop_placements_on(plan, &removed);
        }
        Command::AddArea {
            kind,
            name,
            polygon,
        } => {
            let polygon = &plain(polygon, true);
            check_shape(polygon, true)?;
            let id = FeatureId(next_id(c.areas.iter().map(|a| a.id), |i| i.0)?);
            plan.community.areas.push(SiteArea {
                id,
                kind: *kind,
                name: name.trim().to_string(),
                polygon: polygon.clone(),
            });
            out.features.push(Feature::Area(id));
        }
        Command::AddPipe { kind, name, path } => {
            let path = &plain(path, false);
            check_shape(path, false)?;
            let id = FeatureId(next_id(c.pipes.iter().map(|a| a.id), |i| i.0)?);
            plan.community.pipes.push(PipeRun {
                id,
                kind: *kind,
                name: name.trim().to_string(),
                path: path.clone(),
            });
            out.features.push(Feature::Pipe(id));
        }
        Command::AddPoint {
            kind,
            name,
            position,
        } => {
            check_shape(&[*position, *position], false)?;
            let id = FeatureId(next_id(c.points.iter().map(|a| a.id), |i| i.0)?);
            plan.community.points.push(PointFeature {
                id,
                kind: *kind,
                name: name.trim().to_string(),
                position: *position,
            });
            out.features.push(Feature::Point(id));
        }
        Command::Move { features, dx, dy } => {
            if !dx.is_finite() || !dy.is_finite() {
                return Err(EditError::BadShape);
            }
            let mut next = plan.clone();
            for f in features {
                let cc = &mut next.community;
                match *f {
                    Feature::Building(id) => {
                        let b = find_mut(&mut cc.buildings, id, |x| x.id)?;
                        b.footprint = b
                            .footprint
                            .iter()
                            .map(|&p| translate(p, *dx, *dy))
                            .collect();
                        for s in &mut b.stairwells {
                            s.position = translate(s.position, *dx, *dy);
                        }
                        check_shape(&b.footprint, true)?;
                    }
                    Feature::Area(id) => {
                        let a = find_mut(&mut cc.areas, id, |x| x.id)?;
                        a.polygon = a.polygon.iter().map(|&p| translate(p, *dx, *dy)).collect();
                        check_shape(&a.polygon, true)?;
                    }
                    Feature::Pipe(id) => {
                        let r = find_mut(&mut cc.pipes, id, |x| x.id)?;
                        r.path = r.path.iter().map(|&p| translate(p, *dx, *dy)).collect();
                        check_shape(&r.path, false)?;
                    }
                    Feature::Point(id) => {
                        let p = find_mut(&mut cc.points, id, |x| x.id)?;
                        p.position = translate(p.position, *dx, *dy);
                        check_shape(&[p.position, p.position], false)?;
                    }
                }
            }
            *plan = next;
        }
        Command::SetShape { feature, points } => {
            let closed = matches!(feature, Feature::Building(_) | Feature::Area(_));
            let points = &if matches!(feature, Feature::Point(_)) {
                points.clone()
            } else {
                plain(points, closed)
            };
            let cc = &mut plan.community;
            match *feature {
                Feature::Building(id) => {
                    check_shape(points, true)?;
                    let b = find_mut(&mut cc.buildings, id, |x| x.id)?;
                    // Stairwell marks follow the outline's edges.
                    let marks: Vec<Pt> = b.stairwells.iter().map(|s| s.position).collect();
                    let moved = follow_marks(&b.footprint, points, &marks);
                    for (s, m) in b.stairwells.iter_mut().zip(moved) {
                        s.position = m;
                    }
                    b.footprint.clone_from(points);
                }
                Feature::Area(id) => {
                    check_shape(points, true)?;
                    let a = find_mut(&mut cc.areas, id, |x| x.id)?;
                    a.polygon.clone_from(points);
                }
                Feature::Pipe(id) => {
                    check_shape(points, false)?;
                    let r = find_mut(&mut cc.pipes, id, |x| x.id)?;
                    r.path.clone_from(points);
                }
                Feature::Point(id) => {
                    let &[p] = points.as_slice() else {
                        return Err(EditError::BadShape);
                    };
                    check_shape(&[p, p], false)?;
                    let x = find_mut(&mut cc.points, id, |x| x.id)?;
                    x.position = p;
                }
            }
        }
        Command::SetKind { feature, kind } => {
            let cc = &mut plan.community;
            match (*feature, *kind) {
                (Feature::Area(id), SiteKind::Area(k)) => {
                    find_mut(&mut cc.areas, id, |x| x.id)?.kind = k
                }
                (Feature::Pipe(id), SiteKind::Pipe(k)) => {
                    find_mut(&mut cc.pipes, id, |x| x.id)?.kind = k
                }
                (Feature::Point(id), SiteKind::Point(k)) => {
                    find_mut(&mut cc.points, id, |x| x.id)?.kind = k
                }
                _ => return Err(EditError::NotFound),
            }
            // Every item on it, in every scenario, must still fit.
            let catalog = Catalog::with_edits(&plan.catalog);
            let on: Vec<Target> = targets_of(plan, *feature);
            let mut bad: Vec<String> = Vec::new();
            for s in &plan.scenarios {
                for p in s.items.iter().filter(|p| on.contains(&p.target)) {
                    let fits = catalog
                        .get(&p.item)
                        .is_some_and(|it| check_target(&plan.community, it, p.target).is_ok());
                    if !fits && !bad.contains(&p.item) {
                        bad.push(p.item.clone());
                    }
                }
            }
            if !bad.is_empty() {
                return Err(EditError::KindConflict { items: bad });
            }
        }
        Command::RenameCommunity { name } => {
            check_name(name)?;
            plan.community.name = name.trim().to_string();
        }
        Command::Rename { feature, name } => {
            check_name(name)?;
            let name = name.trim().to_string();
            let cc = &mut plan.community;
            match *feature {
                Feature::Building(id) => find_mut(&mut cc.buildings, id, |x| x.id)?.name = name,
                Feature::Area(id) => find_mut(&mut cc.areas, id, |x| x.id)?.name = name,
                Feature::Pipe(id) => find_mut(&mut cc.pipes, id, |x| x.id)?.name = name,
                Feature::Point(id) => find_mut(&mut cc.points, id, |x| x.id)?.name = name,
            }
        }
        Command::Delete { features } => {
            let targets: Vec<Target> = features.iter().flat_map(|&f| targets_of(plan, f)).collect();
            let cc = &mut plan.community;
            for f in features {
                match *f {
                    Feature::Building(id) => cc.buildings.retain(|x| x.id != id),
                    Feature::Area(id) => cc.areas.retain(|x| x.id != id),
                    Feature::Pipe(id) => cc.pipes.retain(|x| x.id != id),
                    Feature::Point(id) => cc.points.retain(|x| x.id != id),
                }
            }
            drop_placements_on(plan, &targets);
        }
        Command::Duplicate { features, dx, dy } => {
            for f in features {
                let added = match *f {
                    Feature::Building(id) => {
                        let b = plan.community.building(id).ok_or(EditError::NotFound)?;
                        let props = BuildingProps::of(b);
                        let footprint: Vec<Pt> = b
                            .footprint
                            .iter()
                            .map(|&p| translate(p, *dx, *dy))
                            .collect();
                        let marks: Vec<Pt> = b
                            .stairwells
                            .iter()
                            .map(|s| translate(s.position, *dx, *dy))
                            .collect();
                        let a = edit(plan, &Command::AddBuilding { footprint, props })?;
                        if let Some(Feature::Building(nid)) = a.features.first() {
                            if let Some(nb) =
                                plan.community.buildings.iter_mut().find(|x| x.id == *nid)
                            {
                                for (s, m) in nb.stairwells.iter_mut().zip(marks) {
                                    s.position = m;
                                }
                            }
                        }
                        a
                    }
                    Feature::Area(id) => {
                        let a = plan.community.area(id).ok_or(EditError::NotFound)?;
                        let cmd = Command::AddArea {
                            kind: a.kind,
                            name: a.name.clone(),
                            polygon: a.polygon.iter().map(|&p| translate(p, *dx, *dy)).collect(),
                        };
                        edit(plan, &cmd)?
                    }
                    Feature::Pipe(id) => {
                        let r = plan.community.pipe(id).ok_or(EditError::NotFound)?;
                        let cmd = Command::AddPipe {
                            kind: r.kind,
                            name: r.name.clone(),
                            path: r.path.iter().map(|&p| translate(p, *dx, *dy)).collect(),
                        };
                        edit(plan, &cmd)?
                    }
                    Feature::Point(id) => {
                        let x = plan.community.point(id).ok_or(EditError::NotFound)?;
                        let cmd = Command::AddPoint {
                            kind: x.kind,
                            name: x.name.clone(),
                            position: translate(x.position, *dx, *dy),
                        };
                        edit(plan, &cmd)?
                    }
                };
                out.features.extend(added.features);
            }
        }
        Command::Place { item, target } => {
            let catalog = Catalog::with_edits(&plan.catalog);
            let it = catalog.get(item).ok_or(EditError::UnknownItem)?;
            match check_target(&plan.community, it, *target) {
                Ok(()) => {}
                Err(TakeoffError::MissingTarget) => return Err(EditError::NotFound),
                Err(TakeoffError::WrongKind(needs)) => {
                    return Err(EditError::WrongKind {
                        item: item.clone(),
                        needs,
                    })
                }
                Err(TakeoffError::WrongTarget(_)) => {
                    return Err(EditError::WrongTarget {
                        item: item.clone(),
                        needs: it.targets.first().copied().unwrap_or(TargetKind::Community),
                    })
                }
            }
            let current = plan.current_scenario;
            let s = find_mut(&mut plan.scenarios, current, |s| s.id)?;
            if s.items
                .iter()
                .any(|p| p.item == *item && p.target == *target)
            {
                return Err(EditError::AlreadyPlaced);
            }
            if s.items.len() >= limits::PLACEMENTS {
                return Err(EditError::TooMany);
            }
            let id = PlacementId(next_id(s.items.iter().map(|p| p.id), |i| i.0)?);
            s.items.push(Placement::new(id, item.clone(), *target));
            out.placements.push(id);
        }
        Command::Unplace { placements } => {
            let current = plan.current_scenario;
            let s = find_mut(&mut plan.scenarios, current, |s| s.id)?;
            if !placements
                .iter()
                .all(|id| s.items.iter().any(|p| p.id == *id))
            {
                return Err(EditError::NotFound);
            }
            s.items.retain(|p| !placements.contains(&p.id));
            for p in &mut s.items {
                p.requires.retain(|r| !placements.contains(r));
            }
            prune_matters(plan);
        }
        Command::SetQuantity {
            placement,
            quantity,
        } => {
            if let Some(q) = quantity {
                if !q.is_finite() || !(0.0..=limits::QUANTITY).contains(q) {
                    return Err(EditError::OutOfRange {
                        field: "quantity".into(),
                    });
                }
            }
            let p = placement_mut(plan, *placement)?;
            p.quantity_override = quantity.map(|q| super::geometry::round_to(q, 100.0));
        }
        Command::AddScenario { name, from, keep } => {
            check_name(name)?;
            if plan.scenarios.len() >= limits::SCENARIOS {
                return Err(EditError::TooMany);
            }
            let items = match from {
                None => Vec::new(),
                Some(f) => {
                    let src = plan.scenario_by_id(*f).ok_or(EditError::NotFound)?;
                    let mut items: Vec<Placement> = src
                        .items
                        .iter()
                        .filter(|p| keep.as_ref().is_none_or(|k| k.contains(&p.id)))
                        .cloned()
                        .collect();
                    let ids: Vec<PlacementId> = items.iter().map(|p| p.id).collect();
                    for p in &mut items {
                        p.requires.retain(|r| ids.contains(r));
                    }
                    items
                }
            };
            let id = ScenarioId(next_id(plan.scenarios.iter().map(|s| s.id), |i| i.0)?);
            plan.scenarios.push(Scenario {
                id,
                name: name.trim().to_string(),
                items,
            });
            plan.current_scenario = id;
        }
        Command::RenameScenario { id, name } => {
            check_name(name)?;
            let s = find_mut(&mut plan.scenarios, *id, |s| s.id)?;
            s.name = name.trim().to_string();
        }
        Command::DeleteScenario { id } => {
            if plan.scenario_by_id(*id).is_none() {
                return Err(EditError::NotFound);
            }
            if plan.scenarios.len() <= 1 {
                return Err(EditError::LastScenario);
            }
            plan.scenarios.retain(|s| s.id != *id);
            if plan.current_scenario == *id {
                plan.current_scenario = plan.scenarios[0].id;
            }
            prune_matters(plan);
        }
        Command::SetScenario { id } => {
            if plan.scenario_by_id(*id).is_none() {
                return Err(EditError::NotFound);
            }
            plan.current_scenario = *id;
        }
        Command::SetTallies { tallies } => {
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
        }
        Command::SetVote {
            matter,
            household,
            vote,
        } => {
            if !plan.community.households().any(|h| h.id == *household) {
                return Err(EditError::NotFound);
            }
            let votes = plan.votes.entry(matter.clone()).or_default();
            match vote {
                Some(v) => {
                    votes.insert(*household, *v);
                }
                None => {
                    votes.remove(household);
                }
            }
            plan.votes.retain(|_, v| !v.is_empty());
        }
        Command::SetBudget { budget } => {
            if budget.0 < 0
                || budget.0 > crate::core::money::Money::yuan(crate::core::money::MAX_YUAN).0
            {
                return Err(EditError::OutOfRange {
                    field: "budget".into(),
                });
            }
            plan.selection.budget = *budget;
        }
        Command::SetClassRule { on } => plan.priority.class_rule = *on,
        Command::SetYears {
            start_year,
            budgets,
        } => {
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
        }
        Command::SetYear { placement, year } => {
            if year.is_some_and(|y| !(limits::YEAR.0..=limits::YEAR.1).contains(&y)) {
                return Err(EditError::OutOfRange {
                    field: "year".into(),
                });
            }
            placement_mut(plan, *placement)?.year = *year;
        }
        Command::SetMust { placement, must } => {
            let p = placement_mut(plan, *placement)?;
            p.must = *must;
        }
    }
    Ok(out)
}

/// The nearest round coordinate on a grid of `step` metres.
pub fn snap(p: Pt, step: f64) -> Pt {
    if step <= 0.0 {
        return p;
    }
    Pt::new((p.x / step).round() * step, (p.y / step).round() * step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geometry::rect;
    use crate::core::plan_file::{load_str, to_json};
    use crate::core::validate::validate;

    use crate::core::demo;

    fn ok(plan: &mut Plan, cmd: Command) -> Applied {
        let a = apply(plan, &cmd).unwrap_or_else(|e| panic!("{cmd:?}: {e:?}"));
        assert_eq!(validate(plan), vec![], "after {cmd:?}");
        a
    }

    #[test]
    fn adding_a_building_generates_households() {
        let mut p = demo();
        let before = p.community.household_count();
        let a = ok(
            &mut p,
            Command::AddBuilding {
                footprint: rect(150.0, 10.0, 30.0, 11.0, 0.0),
                props: BuildingProps::typical("7号楼"),
            },
        );
        assert_eq!(a.features, vec![Feature::Building(BuildingId(7))]);
        assert_eq!(p.community.household_count(), before + 24);
        let b = p.community.building(BuildingId(7)).unwrap();
        assert_eq!(b.stairwells.len(), 2);
        assert_eq!(b.stairwells[0].households[0].room, "101");
        // The plan still round-trips.
        assert_eq!(load_str(&to_json(&p)).unwrap().plan, p);
    }

    #[test]
    fn placing_checks_the_target() {
        let mut p = demo();
        let a = ok(
            &mut p,
            Command::Place {
                item: "elevator".into(),
                target: Target::Stairwell(StairwellId(21)),
            },
        );
        assert_eq!(a.placements.len(), 1);
        let e = apply(
            &mut p,
            &Command::Place {
                item: "elevator".into(),
                target: Target::Area(FeatureId(1)),
            },
        );
        assert_eq!(
            e,
            Err(EditError::WrongTarget {
                item: "elevator".into(),
                needs: TargetKind::Stairwell
            })
        );
        let again = apply(
            &mut p,
            &Command::Place {
                item: "elevator".into(),
                target: Target::Stairwell(StairwellId(21)),
            },
        );
        assert_eq!(again, Err(EditError::AlreadyPlaced));
    }

    #[test]
    fn moving_and_refused_edits_leave_the_plan_valid() {
        let mut p = demo();
        let before = p.clone();
        ok(
            &mut p,
            Command::Move {
                features: vec![Feature::Building(BuildingId(1))],
                dx: 2.0,
                dy: -1.0,
            },
        );
        let b = p.community.building(BuildingId(1)).unwrap();
        assert_eq!(b.footprint[0], Pt::new(10.0, 11.0));
        assert_eq!(b.stairwells[0].position, Pt::new(17.5, 22.0));
        // A bow-tie outline is refused and changes nothing.
        let snapshot = p.clone();
        let bad = Command::SetShape {
            feature: Feature::Building(BuildingId(1)),
            points: vec![
                Pt::new(0.0, 0.0),
                Pt::new(10.0, 10.0),
                Pt::new(10.0, 0.0),
                Pt::new(0.0, 10.0),
            ],
        };
        assert_eq!(apply(&mut p, &bad), Err(EditError::BadShape));
        assert_eq!(p, snapshot);
        assert_ne!(p, before);
    }

    #[test]
    fn deleting_a_building_removes_its_placements_and_votes() {
        let mut p = demo();
        ok(
            &mut p,
            Command::Delete {
                features: vec![Feature::Building(BuildingId(1))],
            },
        );
        assert!(p.scenarios.iter().all(|s| s.items.iter().all(|x| !matches!(
            x.target,
            Target::Building(BuildingId(1)) | Target::Stairwell(StairwellId(11..=13))
        ))));
        assert!(!p.votes.contains_key("elevator@stairwell:11"));
        assert!(p.votes.contains_key("elevator@stairwell:51"));
    }

    #[test]
    fn updating_a_building_regenerates_households_when_counts_change() {
        let mut p = demo();
        let mut props = BuildingProps::of(p.community.building(BuildingId(5)).unwrap());
        assert_eq!(
            (props.floors, props.stairwells, props.households_per_floor),
            (6, 2, 2)
        );
        props.name = "五号楼".into();
        ok(
            &mut p,
            Command::UpdateBuilding {
                id: BuildingId(5),
                props: props.clone(),
            },
        );
        assert!(
            p.votes.contains_key("elevator@stairwell:51"),
            "same households keep votes"
        );
        props.floors = 7;
        ok(
            &mut p,
            Command::UpdateBuilding {
                id: BuildingId(5),
                props,
            },
        );
        let b = p.community.building(BuildingId(5)).unwrap();
        assert_eq!(b.household_count(), 28);
        assert_eq!(
            b.stairwells[0].id,
            StairwellId(51),
            "stairwells keep their ids"
        );
        assert!(
            !p.votes.contains_key("elevator@stairwell:51"),
            "old households' votes dropped"
        );
        let bad = BuildingProps {
            floors: 0,
            ..BuildingProps::typical("x")
        };
        assert_eq!(
            apply(
                &mut p,
                &Command::UpdateBuilding {
                    id: BuildingId(5),
                    props: bad
                }
            ),
            Err(EditError::OutOfRange {
                field: "floors".into()
            })
        );
    }

    #[test]
    fn scenarios_tallies_and_votes() {
        let mut p = demo();
        ok(
            &mut p,
            Command::AddScenario {
                name: "电梯方案".into(),
                from: Some(ScenarioId(1)),
                keep: Some(vec![PlacementId(17), PlacementId(18)]),
            },
        );
        assert_eq!(p.current_scenario, ScenarioId(3));
        assert_eq!(p.scenario().items.len(), 2);
        ok(
            &mut p,
            Command::RenameScenario {
                id: ScenarioId(3),
                name: "只装电梯".into(),
            },
        );
        ok(&mut p, Command::SetScenario { id: ScenarioId(1) });
        ok(&mut p, Command::DeleteScenario { id: ScenarioId(3) });
        ok(&mut p, Command::DeleteScenario { id: ScenarioId(2) });
        assert_eq!(
            apply(&mut p, &Command::DeleteScenario { id: ScenarioId(1) }),
            Err(EditError::LastScenario)
        );
        ok(
            &mut p,
            Command::SetTallies {
                tallies: vec![(
                    "elevator@stairwell:11".into(),
                    Some(crate::core::settings::SurveyTally {
                        support: 9,
                        oppose: 1,
                        no_view: 2,
                    }),
                )],
            },
        );
        assert_eq!(p.tallies.len(), 1);
        ok(
            &mut p,
            Command::SetVote {
                matter: "elevator@stairwell:11".into(),
                household: HouseholdId(1111),
                vote: Some(Vote::Agree),
            },
        );
        assert_eq!(
            p.votes["elevator@stairwell:11"][&HouseholdId(1111)],
            Vote::Agree
        );
        ok(
            &mut p,
            Command::SetVote {
                matter: "elevator@stairwell:11".into(),
                household: HouseholdId(1111),
                vote: None,
            },
        );
        assert!(!p.votes["elevator@stairwell:11"].contains_key(&HouseholdId(1111)));
        assert_eq!(
            apply(
                &mut p,
                &Command::SetVote {
                    matter: "x".into(),
                    household: HouseholdId(9),
                    vote: None
                }
            ),
            Err(EditError::NotFound)
        );
        ok(
            &mut p,
            Command::SetYears {
                start_year: 2027,
                budgets: vec![crate::core::money::Money::yuan(1_000_000); 3],
            },
        );
        assert_eq!(p.phasing.years.len(), 3);
    }

    #[test]
    fn duplicate_and_snap() {
        let mut p = demo();
        let a = ok(
            &mut p,
            Command::Duplicate {
                features: vec![
                    Feature::Building(BuildingId(3)),
                    Feature::Area(FeatureId(6)),
                ],
                dx: 0.0,
                dy: 130.0,
            },
        );
        assert_eq!(a.features.len(), 2);
        // A duplicate that fails part-way (its second feature does not exist) is refused
        // whole: the first copy, made before the failure, is not left in the plan.
        let before = p.clone();
        let half = apply(
            &mut p,
            &Command::Duplicate {
                features: vec![
                    Feature::Building(BuildingId(3)),
                    Feature::Building(BuildingId(999)),
                ],
                dx: 0.0,
                dy: 260.0,
            },
        );
        assert_eq!(half, Err(EditError::NotFound));
        assert_eq!(p, before, "a refused duplicate changes nothing");
        assert_eq!(snap(Pt::new(10.4, 9.6), 1.0), Pt::new(10.0, 10.0));
        assert_eq!(snap(Pt::new(10.26, -0.26), 0.5), Pt::new(10.5, -0.5));
    }
}
