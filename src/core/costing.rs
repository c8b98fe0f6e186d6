//! Cost roll-up: each placed item's quantity × unit price (low / likely / high), plus design,
//! supervision and contingency per line, summed per class, per building, per household and per
//! m² of floor area. Rounding rules: see [`crate::core::money`].

use super::catalog::{Catalog, Class, CostRange, ItemId};
use super::ids::{BuildingId, PlacementId};
use super::money::{Money, MAX_LINE_YUAN};
use super::plan::Placement;
use super::settings::CostSettings;
use super::site::{Community, Target};
use super::takeoff::{take_off, Quantity, TakeoffError};
use serde::{Deserialize, Serialize};
use std::ops::Add;

/// An amount at the low, likely and high price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Range3 {
    /// At the low prices.
    pub low: Money,
    /// At the likely prices.
    pub likely: Money,
    /// At the high prices.
    pub high: Money,
}

impl Range3 {
    /// Applies `f` to each of the three amounts.
    pub fn map(self, f: impl Fn(Money) -> Money) -> Range3 {
        Range3 {
            low: f(self.low),
            likely: f(self.likely),
            high: f(self.high),
        }
    }
}

impl Add for Range3 {
    type Output = Range3;
    fn add(self, o: Range3) -> Range3 {
        Range3 {
            low: self.low + o.low,
            likely: self.likely + o.likely,
            high: self.high + o.high,
        }
    }
}

impl std::iter::Sum for Range3 {
    fn sum<I: Iterator<Item = Range3>>(iter: I) -> Range3 {
        iter.fold(Range3::default(), |a, b| a + b)
    }
}

/// The cost of one placed item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// Which placement.
    pub placement: PlacementId,
    /// Catalog item.
    pub item: ItemId,
    /// Its class.
    pub class: Class,
    /// What it is placed on.
    pub target: Target,
    /// The building it belongs to (none for community-wide items).
    pub building: Option<BuildingId>,
    /// Quantity and how it was found.
    pub quantity: Quantity,
    /// Unit price used.
    pub unit_cost: CostRange,
    /// Quantity × unit price.
    pub construction: Range3,
    /// Design fee on this line.
    pub design: Range3,
    /// Supervision fee on this line.
    pub supervision: Range3,
    /// Contingency on this line.
    pub contingency: Range3,
    /// Construction + fees + contingency.
    pub total: Range3,
}

/// The cost of a building's items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildingCost {
    /// The building, or none for community-wide items.
    pub building: Option<BuildingId>,
    /// Total of its lines.
    pub total: Range3,
    /// Households of the building (0 for community-wide).
    pub households: usize,
}

/// The cost roll-up of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CostReport {
    /// One line per placement, in scenario order.
    pub lines: Vec<Line>,
    /// Totals per class, in [`Class::ALL`] order.
    pub by_class: [Range3; 4],
    /// Totals per building (plan order), then community-wide items.
    pub by_building: Vec<BuildingCost>,
    /// Sum of construction costs.
    pub construction: Range3,
    /// Sum of design fees.
    pub design: Range3,
    /// Sum of supervision fees.
    pub supervision: Range3,
    /// Sum of contingencies.
    pub contingency: Range3,
    /// Grand total.
    pub total: Range3,
    /// Households in the community.
    pub households: usize,
    /// Gross floor area of the community, m².
    pub floor_area_m2: f64,
    /// Total per household, rounded to the fen.
    pub per_household: Range3,
    /// Total per m² of gross floor area, rounded to the fen.
    pub per_m2: Range3,
}

/// Why a placement cannot be costed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CostError {
    /// The catalog has no such item.
    UnknownItem(PlacementId, ItemId),
    /// The target is wrong or missing.
    Target(PlacementId, TakeoffError),
    /// Quantity × unit price is beyond [`MAX_LINE_YUAN`] (the limit that keeps every total in
    /// range): the item and the cost it would have.
    TooLarge(PlacementId, ItemId),
}

/// The building a target belongs to.
pub fn building_of(community: &Community, target: Target) -> Option<BuildingId> {
    match target {
        Target::Building(b) => Some(b),
        Target::Stairwell(s) => community.stairwell(s).map(|(b, _)| b.id),
        _ => None,
    }
}

/// Costs one placement.
pub fn cost_line(
    community: &Community,
    catalog: &Catalog,
    settings: &CostSettings,
    p: &Placement,
) -> Result<Line, CostError> {
    let item = catalog
        .get(&p.item)
        .ok_or_else(|| CostError::UnknownItem(p.id, p.item.clone()))?;
    let quantity = take_off(community, item, p.target, p.quantity_override)
        .map_err(|e| CostError::Target(p.id, e))?;
    let uc = item.unit_cost;
    let limit = Money::yuan(MAX_LINE_YUAN);
    let times = |m: Money| {
        m.mul_centi(quantity.centi)
            .filter(|c| c.0.abs() <= limit.0)
            .ok_or_else(|| CostError::TooLarge(p.id, p.item.clone()))
    };
    let construction = Range3 {
        low: times(uc.low)?,
        likely: times(uc.likely)?,
        high: times(uc.high)?,
    };
    let design = construction.map(|m| m.mul_bp(settings.design_bp));
    let supervision = construction.map(|m| m.mul_bp(settings.supervision_bp));
    let contingency = construction.map(|m| m.mul_bp(settings.contingency_bp));
    Ok(Line {
        placement: p.id,
        item: item.id.clone(),
        class: item.class,
        target: p.target,
        building: building_of(community, p.target),
        quantity,
        unit_cost: uc,
        construction,
        design,
        supervision,
        contingency,
        total: construction + design + supervision + contingency,
    })
}

/// Costs a set of placements.
pub fn cost_report(
    community: &Community,
    catalog: &Catalog,
    settings: &CostSettings,
    items: &[Placement],
) -> Result<CostReport, CostError> {
    let lines = items
        .iter()
        .map(|p| cost_line(community, catalog, settings, p))
        .collect::<Result<Vec<_>, _>>()?;
    let mut by_class = [Range3::default(); 4];
    for l in &lines {
        by_class[l.class.index()] = by_class[l.class.index()] + l.total;
    }
    let mut by_building: Vec<BuildingCost> = community
        .buildings
        .iter()
        .map(|b| BuildingCost {
            building: Some(b.id),
            total: lines
                .iter()
                .filter(|l| l.building == Some(b.id))
                .map(|l| l.total)
                .sum(),
            households: b.household_count(),
        })
        .collect();
    by_building.push(BuildingCost {
        building: None,
        total: lines
            .iter()
            .filter(|l| l.building.is_none())
            .map(|l| l.total)
            .sum(),
        households: 0,
    });
    let households = community.household_count();
    let floor_area_m2 = community.gross_floor_area_m2();
    let total: Range3 = lines.iter().map(|l| l.total).sum();
    let per_household = if households > 0 {
        total.map(|m| m.mul_ratio(1, households as u128))
    } else {
        Range3::default()
    };
    let area_centi = (floor_area_m2 * 100.0).round();
    let per_m2 = if area_centi >= 1.0 {
        total.map(|m| m.mul_ratio(100, area_centi as u128))
    } else {
        Range3::default()
    };
    Ok(CostReport {
        construction: lines.iter().map(|l| l.construction).sum(),
        design: lines.iter().map(|l| l.design).sum(),
        supervision: lines.iter().map(|l| l.supervision).sum(),
        contingency: lines.iter().map(|l| l.contingency).sum(),
        total,
        by_class,
        by_building,
        households,
        floor_area_m2,
        per_household,
        per_m2,
        lines,
    })
}
