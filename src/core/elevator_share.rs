//! Added-elevator cost sharing within a stairwell (BRIEF §4): the residents' part (cost minus
//! subsidy) is split by floor coefficient × exclusive area, with optional compensation paid to
//! lower floors by the paying households. The table always sums exactly to the residents' part:
//! the fen left over by rounding go by the largest-remainder rule of [`crate::core::money`]
//! (largest remainder first; ties to the household listed first in the stairwell).

use super::ids::{HouseholdId, StairwellId};
use super::money::{apportion, Area, Money};
use super::plan::ElevatorSharing;
use super::site::Stairwell;
use serde::{Deserialize, Serialize};

/// One household's line in the elevator table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareRow {
    /// The household.
    pub household: HouseholdId,
    /// Its room number.
    pub room: String,
    /// Its floor (1 = ground).
    pub floor: u8,
    /// Its exclusive area.
    pub area_m2: Area,
    /// The floor's coefficient, basis points.
    pub coefficient_bp: u32,
    /// Coefficient × area (bp × 0.01 m²): the household's weight.
    pub weight: u128,
    /// What it pays towards cost and compensation.
    pub pays: Money,
    /// What it receives as compensation.
    pub compensation: Money,
    /// `pays − compensation`: its net share (negative = receives money).
    pub net: Money,
}

/// A floor's line in the elevator table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FloorRow {
    /// Floor (1 = ground).
    pub floor: u8,
    /// Coefficient, basis points.
    pub coefficient_bp: u32,
    /// Households on the floor.
    pub households: usize,
    /// Their exclusive area.
    pub area_m2: Area,
    /// Sum of their net shares.
    pub net: Money,
}

/// The elevator cost-sharing table of one stairwell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ElevatorShare {
    /// The stairwell.
    pub stairwell: StairwellId,
    /// Elevator cost (construction + fees, likely).
    pub cost: Money,
    /// Subsidy and other non-resident money.
    pub subsidy: Money,
    /// What residents pay in all: `cost − subsidy`.
    pub residents_total: Money,
    /// Total compensation to lower floors (collected from payers on top).
    pub compensation_total: Money,
    /// Sum of weights.
    pub weight_sum: u128,
    /// One row per household, in stairwell order.
    pub rows: Vec<ShareRow>,
    /// One row per floor, ground floor first.
    pub floors: Vec<FloorRow>,
}

/// Splits `residents_total` among the households of `stairwell` by floor coefficient × area.
/// `None` when no household has a positive weight (nobody to pay).
pub fn share_elevator(
    stairwell: &Stairwell,
    cost: Money,
    subsidy: Money,
    sharing: &ElevatorSharing,
) -> Option<ElevatorShare> {
    let residents_total = (cost - subsidy).max0();
    let weights: Vec<u128> = stairwell
        .households
        .iter()
        .map(|h| u128::from(sharing.coefficient_bp(h.floor)) * u128::from(h.area_m2.centi()))
        .collect();
    let compensation: Vec<Money> = stairwell
        .households
        .iter()
        .map(|h| sharing.compensation_for(h.floor))
        .collect();
    let compensation_total: Money = compensation.iter().sum();
    let pays = apportion(residents_total + compensation_total, &weights)?;
    let rows: Vec<ShareRow> = stairwell
        .households
        .iter()
        .zip(weights.iter().zip(pays.iter().zip(&compensation)))
        .map(|(h, (&w, (&p, &c)))| ShareRow {
            household: h.id,
            room: h.room.clone(),
            floor: h.floor,
            area_m2: h.area_m2,
            coefficient_bp: sharing.coefficient_bp(h.floor),
            weight: w,
            pays: p,
            compensation: c,
            net: p - c,
        })
        .collect();
    let top = rows.iter().map(|r| r.floor).max().unwrap_or(0);
    let floors = (1..=top)
        .filter_map(|f| {
            let on: Vec<&ShareRow> = rows.iter().filter(|r| r.floor == f).collect();
            (!on.is_empty()).then(|| FloorRow {
                floor: f,
                coefficient_bp: sharing.coefficient_bp(f),
                households: on.len(),
                area_m2: on.iter().map(|r| r.area_m2).sum(),
                net: on.iter().map(|r| r.net).sum(),
            })
        })
        .collect();
    Some(ElevatorShare {
        stairwell: stairwell.id,
        cost,
        subsidy,
        residents_total,
        compensation_total,
        weight_sum: weights.iter().sum(),
        rows,
        floors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geometry::Pt;
    use crate::core::site::Household;

    /// Two households per floor on 6 floors; west flats 80 m², east flats 60 m².
    fn stairwell() -> Stairwell {
        Stairwell {
            id: StairwellId(1),
            name: "1单元".into(),
            position: Pt::new(0.0, 0.0),
            households: (1..=6u8)
                .flat_map(|f| {
                    [(1u32, 8_000u64), (2, 6_000)].map(|(n, a)| Household {
                        id: HouseholdId(u32::from(f) * 100 + n),
                        room: format!("{f}0{n}"),
                        floor: f,
                        area_m2: Area(a),
                        owner: String::new(),
                    })
                })
                .collect(),
        }
    }

    #[test]
    fn hand_computed_table_with_ground_floor_exempt() {
        // Cost 500 000, subsidy 150 000: residents pay 350 000.
        // Weights per floor pair = coefficient × (80 + 60) m²; Σ coefficients over floors 2-6
        // = 0.08+0.14+0.20+0.26+0.32 = 1.00, so a floor pays 350 000 × coefficient, split 80:60.
        // Floor 6: 112 000 → 64 000 (80 m²) and 48 000 (60 m²).
        let s = stairwell();
        let t = share_elevator(
            &s,
            Money::yuan(500_000),
            Money::yuan(150_000),
            &ElevatorSharing::default(),
        )
        .unwrap();
        assert_eq!(t.residents_total, Money::yuan(350_000));
        let net = |room: &str| t.rows.iter().find(|r| r.room == room).unwrap().net;
        assert_eq!(net("101"), Money::ZERO);
        assert_eq!(net("102"), Money::ZERO);
        assert_eq!(net("601"), Money::yuan(64_000));
        assert_eq!(net("602"), Money::yuan(48_000));
        assert_eq!(net("201"), Money::yuan(16_000)); // 350 000 × 0.08 × 80/140
        assert_eq!(net("202"), Money::yuan(12_000));
        let floor = |f: u8| t.floors.iter().find(|r| r.floor == f).unwrap().net;
        assert_eq!(floor(1), Money::ZERO);
        assert_eq!(floor(4), Money::yuan(70_000)); // 350 000 × 0.20
        assert_eq!(
            t.rows.iter().map(|r| r.net).sum::<Money>(),
            t.residents_total
        );
        assert_eq!(
            t.floors.iter().map(|r| r.net).sum::<Money>(),
            t.residents_total
        );
    }

    #[test]
    fn the_last_fen_goes_by_largest_remainder() {
        // 100.00 yuan over three equal payers: 33.34 + 33.33 + 33.33.
        let mut s = stairwell();
        s.households.truncate(3);
        for h in &mut s.households {
            h.floor = 2;
            h.area_m2 = Area(5_000);
        }
        let t =
            share_elevator(&s, Money(10_000), Money::ZERO, &ElevatorSharing::default()).unwrap();
        let nets: Vec<i64> = t.rows.iter().map(|r| r.net.0).collect();
        assert_eq!(nets, vec![3_334, 3_333, 3_333]);
    }

    #[test]
    fn compensation_to_lower_floors_is_collected_from_payers() {
        let s = stairwell();
        let sharing = ElevatorSharing {
            compensation: vec![Money::yuan(5_000)],
            ..ElevatorSharing::default()
        };
        let t = share_elevator(&s, Money::yuan(500_000), Money::yuan(150_000), &sharing).unwrap();
        assert_eq!(t.compensation_total, Money::yuan(10_000));
        let ground: Vec<Money> = t
            .rows
            .iter()
            .filter(|r| r.floor == 1)
            .map(|r| r.net)
            .collect();
        assert_eq!(ground, vec![Money::yuan(-5_000), Money::yuan(-5_000)]);
        // The rest pay 360 000 between them; the net still sums to 350 000.
        assert_eq!(
            t.rows.iter().map(|r| r.net).sum::<Money>(),
            Money::yuan(350_000)
        );
        let top = t.rows.iter().find(|r| r.room == "601").unwrap();
        let exact = Money::yuan(360_000).mul_ratio(32 * 80, 100 * 140);
        assert!(
            (top.pays - exact).0.abs() <= 1,
            "{:?} vs {exact:?}",
            top.pays
        );
    }

    #[test]
    fn no_payer_means_no_table() {
        let mut s = stairwell();
        s.households.retain(|h| h.floor == 1);
        assert!(
            share_elevator(&s, Money::yuan(1), Money::ZERO, &ElevatorSharing::default()).is_none()
        );
    }
}
