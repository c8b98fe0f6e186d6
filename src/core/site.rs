//! The community as it stands: buildings, stairwells (单元), households and the site's features
//! (areas, pipe runs, points), and what an item can be placed on ([`Target`]). Plain data that
//! serialises to the plan file; rules live in the modules that compute from it.

use super::geometry::{polygon_area_m2, polygon_perimeter_m, polyline_length_m, Pt};
use super::ids::{BuildingId, FeatureId, HouseholdId, StairwellId};
use super::money::Area;
use serde::{Deserialize, Serialize};

/// Reads a number rounded to hundredths (see [`crate::core::geometry::round_to`]).
fn de_centi<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    f64::deserialize(d).map(|v| super::geometry::round_to(v, 100.0))
}

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
