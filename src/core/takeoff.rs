//! Quantity take-off: an item's quantity found from what it is placed on (households and
//! stairwells counted, roof from the footprint, facade from perimeter × floors × storey height,
//! road from the drawn area, pipe from the drawn length), or typed in and marked as such.

use super::catalog::{CatalogItem, Measure};
use super::site::{Community, SiteKind, Target, TargetKind};
use serde::{Deserialize, Serialize};

/// How a quantity was found, for the "why this number" explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum Derivation {
    /// Households counted in the target.
    Households {
        /// How many.
        count: usize,
    },
    /// Stairwells counted in the target.
    Stairwells {
        /// How many.
        count: usize,
    },
    /// Buildings counted in the target.
    Buildings {
        /// How many.
        count: usize,
    },
    /// Footprint area (summed over `buildings`).
    Roof {
        /// Number of buildings summed.
        buildings: usize,
        /// Total footprint, m².
        area_m2: f64,
    },
    /// Perimeter × floors × storey height (one building).
    Facade {
        /// Perimeter, m.
        perimeter_m: f64,
        /// Storeys.
        floors: u8,
        /// Storey height, m.
        storey_height_m: f64,
    },
    /// Facade areas summed over several buildings.
    FacadeSum {
        /// Number of buildings summed.
        buildings: usize,
    },
    /// Footprint × floors (one building).
    FloorArea {
        /// Footprint, m².
        footprint_m2: f64,
        /// Storeys.
        floors: u8,
    },
    /// Floor areas summed over several buildings.
    FloorAreaSum {
        /// Number of buildings summed.
        buildings: usize,
    },
    /// The drawn polygon's area.
    DrawnArea {
        /// m².
        area_m2: f64,
    },
    /// The drawn run's length.
    DrawnLength {
        /// m.
        length_m: f64,
    },
    /// One per placement.
    Count,
    /// The item's default quantity, to be typed in.
    Entered {
        /// The default.
        default: f64,
    },
    /// Typed in by hand, replacing the take-off.
    Manual {
        /// What the take-off would have been.
        derived: f64,
    },
}

/// A quantity in hundredths of the item's unit, with how it was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Hundredths of the item's unit (2.5 m² → 250); never negative.
    pub centi: i64,
    /// How it was found.
    pub derivation: Derivation,
}

impl Quantity {
    /// The quantity in the item's unit.
    pub fn value(&self) -> f64 {
        self.centi as f64 / 100.0
    }

    /// True when typed in by hand.
    pub fn is_manual(&self) -> bool {
        matches!(self.derivation, Derivation::Manual { .. })
    }
}

/// Why no quantity can be taken off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TakeoffError {
    /// The item cannot be placed on this kind of target.
    WrongTarget(TargetKind),
    /// The target is of the right sort but the wrong kind (greening on a road, overhead lines
    /// on a sewer); the item needs one of these kinds.
    WrongKind(Vec<SiteKind>),
    /// The target does not exist in the community.
    MissingTarget,
}

/// Rounds a measured value to hundredths of its unit; negative or non-finite becomes 0.
fn to_centi(v: f64) -> i64 {
    if v.is_finite() && v > 0.0 {
        (v * 100.0).round() as i64
    } else {
        0
    }
}

/// Checks that `item` may be placed on `target` and that the target exists.
pub fn check_target(
    community: &Community,
    item: &CatalogItem,
    target: Target,
) -> Result<(), TakeoffError> {
    if !item.targets.contains(&target.kind()) {
        return Err(TakeoffError::WrongTarget(target.kind()));
    }
    let exists = match target {
        Target::Community => true,
        Target::Building(id) => community.building(id).is_some(),
        Target::Stairwell(id) => community.stairwell(id).is_some(),
        Target::Area(id) => match community.area(id) {
            Some(a) => {
                if !item.area_kinds.is_empty() && !item.area_kinds.contains(&a.kind) {
                    return Err(TakeoffError::WrongKind(
                        item.area_kinds.iter().map(|&k| SiteKind::Area(k)).collect(),
                    ));
                }
                true
            }
            None => false,
        },
        Target::Pipe(id) => match community.pipe(id) {
            Some(p) => {
                if !item.pipe_kinds.is_empty() && !item.pipe_kinds.contains(&p.kind) {
                    return Err(TakeoffError::WrongKind(
                        item.pipe_kinds.iter().map(|&k| SiteKind::Pipe(k)).collect(),
                    ));
                }
                true
            }
            None => false,
        },
        Target::Point(id) => community.point(id).is_some(),
    };
    if exists {
        Ok(())
    } else {
        Err(TakeoffError::MissingTarget)
    }
}

/// The quantity of `item` placed on `target`, from the plan, or `manual` when given.
pub fn take_off(
    community: &Community,
    item: &CatalogItem,
    target: Target,
    manual: Option<f64>,
) -> Result<Quantity, TakeoffError> {
    check_target(community, item, target)?;
    let buildings: Vec<_> = match target {
        Target::Community => community.buildings.iter().collect(),
        Target::Building(id) => community.building(id).into_iter().collect(),
        Target::Stairwell(id) => community
            .stairwell(id)
            .map(|(b, _)| b)
            .into_iter()
            .collect(),
        _ => Vec::new(),
    };
    let (value, derivation) = match item.measure {
        Measure::Households => {
            let n = match target {
                Target::Stairwell(id) => community
                    .stairwell(id)
                    .map_or(0, |(_, s)| s.households.len()),
                _ => buildings.iter().map(|b| b.household_count()).sum(),
            };
            (n as f64, Derivation::Households { count: n })
        }
        Measure::Stairwells => {
            let n = match target {
                Target::Stairwell(_) => 1,
                _ => buildings.iter().map(|b| b.stairwells.len()).sum(),
            };
            (n as f64, Derivation::Stairwells { count: n })
        }
        Measure::Buildings => (
            buildings.len() as f64,
            Derivation::Buildings {
                count: buildings.len(),
            },
        ),
        Measure::RoofArea => {
            let a: f64 = buildings.iter().map(|b| b.footprint_m2()).sum();
            (
                a,
                Derivation::Roof {
                    buildings: buildings.len(),
                    area_m2: a,
                },
            )
        }
        Measure::FacadeArea => {
            let a: f64 = buildings.iter().map(|b| b.facade_m2()).sum();
            let d = match buildings.as_slice() {
                [b] => Derivation::Facade {
                    perimeter_m: super::geometry::polygon_perimeter_m(&b.footprint),
                    floors: b.floors,
                    storey_height_m: b.storey_height_m,
                },
                many => Derivation::FacadeSum {
                    buildings: many.len(),
                },
            };
            (a, d)
        }
        Measure::FloorArea => {
            let a: f64 = buildings.iter().map(|b| b.gross_floor_area_m2()).sum();
            let d = match buildings.as_slice() {
                [b] => Derivation::FloorArea {
                    footprint_m2: b.footprint_m2(),
                    floors: b.floors,
                },
                many => Derivation::FloorAreaSum {
                    buildings: many.len(),
                },
            };
            (a, d)
        }
        Measure::DrawnArea => {
            let a = match target {
                Target::Area(id) => community.area(id).map_or(0.0, |a| a.area_m2()),
                _ => 0.0,
            };
            (a, Derivation::DrawnArea { area_m2: a })
        }
        Measure::DrawnLength => {
            let l = match target {
                Target::Pipe(id) => community.pipe(id).map_or(0.0, |p| p.length_m()),
                _ => 0.0,
            };
            (l, Derivation::DrawnLength { length_m: l })
        }
        Measure::Count => (1.0, Derivation::Count),
        Measure::Entered { default } => (default, Derivation::Entered { default }),
    };
    Ok(match manual {
        Some(m) => Quantity {
            centi: to_centi(m),
            derivation: Derivation::Manual { derived: value },
        },
        None => Quantity {
            centi: to_centi(value),
            derivation,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::Catalog;
    use crate::core::geometry::{rect, Pt};
    use crate::core::ids::*;

    use crate::core::money::Area;
    use crate::core::site::*;

    fn community() -> Community {
        let hh = |id: u32, floor: u8| Household {
            id: HouseholdId(id),
            room: format!("{floor}0{}", id % 2 + 1),
            floor,
            area_m2: Area(7_000),
            owner: String::new(),
        };
        Community {
            name: "t".into(),
            city: String::new(),
            buildings: vec![Building {
                id: BuildingId(1),
                name: "1号楼".into(),
                footprint: rect(0.0, 0.0, 60.0, 12.0, 0.0),
                floors: 6,
                storey_height_m: 2.9,
                year_built: 1988,
                condition: 3,
                stairwells: vec![
                    Stairwell {
                        id: StairwellId(1),
                        name: "1单元".into(),
                        position: Pt::new(10.0, 12.0),
                        households: (0..12).map(|i| hh(i, (i / 2 + 1) as u8)).collect(),
                    },
                    Stairwell {
                        id: StairwellId(2),
                        name: "2单元".into(),
                        position: Pt::new(40.0, 12.0),
                        households: (12..24).map(|i| hh(i, ((i - 12) / 2 + 1) as u8)).collect(),
                    },
                ],
            }],
            areas: vec![SiteArea {
                id: FeatureId(1),
                kind: AreaKind::Road,
                name: "主路".into(),
                polygon: rect(0.0, 20.0, 100.0, 6.0, 0.0),
            }],
            pipes: vec![PipeRun {
                id: FeatureId(1),
                kind: PipeKind::Sewer,
                name: "污水".into(),
                path: vec![Pt::new(0.0, 30.0), Pt::new(30.0, 30.0), Pt::new(30.0, 70.0)],
            }],
            points: vec![],
        }
    }

    fn item(id: &str) -> CatalogItem {
        Catalog::defaults().get(id).unwrap().clone()
    }

    #[test]
    fn roof_is_footprint_and_facade_is_perimeter_times_height() {
        let c = community();
        let roof = take_off(
            &c,
            &item("roof_waterproofing"),
            Target::Building(BuildingId(1)),
            None,
        )
        .unwrap();
        assert_eq!(roof.centi, 72_000); // 60 × 12 = 720 m²
        let facade = take_off(
            &c,
            &item("facade_repair"),
            Target::Building(BuildingId(1)),
            None,
        )
        .unwrap();
        // perimeter 144 m × 6 floors × 2.9 m = 2505.6 m²
        assert_eq!(facade.centi, 250_560);
        assert!(matches!(
            facade.derivation,
            Derivation::Facade { floors: 6, .. }
        ));
        let gfa = take_off(
            &c,
            &item("energy_retrofit"),
            Target::Building(BuildingId(1)),
            None,
        )
        .unwrap();
        assert_eq!(gfa.centi, 432_000); // 720 × 6
    }

    #[test]
    fn households_and_stairwells_are_counted_at_the_target() {
        let c = community();
        let w = item("water_supply_pipes");
        assert_eq!(
            take_off(&c, &w, Target::Building(BuildingId(1)), None)
                .unwrap()
                .centi,
            2_400
        );
        assert_eq!(
            take_off(&c, &w, Target::Stairwell(StairwellId(2)), None)
                .unwrap()
                .centi,
            1_200
        );
        assert_eq!(
            take_off(&c, &w, Target::Community, None).unwrap().centi,
            2_400
        );
        let e = item("elevator");
        assert_eq!(
            take_off(&c, &e, Target::Stairwell(StairwellId(1)), None)
                .unwrap()
                .centi,
            100
        );
    }

    #[test]
    fn road_area_and_pipe_length_come_from_the_drawing() {
        let c = community();
        let road = take_off(&c, &item("road_overlay"), Target::Area(FeatureId(1)), None).unwrap();
        assert_eq!(road.centi, 60_000); // 100 × 6
        let pipe = take_off(
            &c,
            &item("rain_sewage_separation"),
            Target::Pipe(FeatureId(1)),
            None,
        )
        .unwrap();
        assert_eq!(pipe.centi, 7_000); // 30 + 40
    }

    #[test]
    fn manual_override_is_marked_and_never_negative() {
        let c = community();
        let q = take_off(
            &c,
            &item("road_overlay"),
            Target::Area(FeatureId(1)),
            Some(512.345),
        )
        .unwrap();
        assert_eq!(q.centi, 51_235);
        assert!(q.is_manual());
        assert_eq!(q.derivation, Derivation::Manual { derived: 600.0 });
        let neg = take_off(
            &c,
            &item("road_overlay"),
            Target::Area(FeatureId(1)),
            Some(-5.0),
        )
        .unwrap();
        assert_eq!(neg.centi, 0);
    }

    #[test]
    fn wrong_or_missing_targets_are_refused() {
        let c = community();
        assert_eq!(
            take_off(&c, &item("elevator"), Target::Area(FeatureId(1)), None),
            Err(TakeoffError::WrongTarget(TargetKind::Area))
        );
        assert_eq!(
            take_off(
                &c,
                &item("elevator"),
                Target::Stairwell(StairwellId(9)),
                None
            ),
            Err(TakeoffError::MissingTarget)
        );
        // Greening needs a green area, not a road.
        assert_eq!(
            take_off(&c, &item("greening"), Target::Area(FeatureId(1)), None),
            Err(TakeoffError::WrongKind(vec![SiteKind::Area(
                crate::core::site::AreaKind::Green
            )]))
        );
    }
}
