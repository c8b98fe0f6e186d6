//! Money as whole fen (0.01 yuan) in an `i64`, exact apportionment, and measured floor areas
//! as whole hundredths of a square metre. No floating point touches an amount after it is read.
//!
//! Rounding rules (used everywhere):
//! - A price read from a file or typed in is rounded to the nearest fen, halves away from zero.
//! - A line cost `quantity × unit price` is computed from the quantity rounded to 0.01 of its
//!   unit and rounded once to the nearest fen, halves away from zero ([`Money::mul_centi`]).
//! - A percentage of an amount (fees, subsidy rates) is given in basis points (1/100 of a per
//!   cent) and rounded once to the nearest fen, halves away from zero ([`Money::mul_bp`]).
//! - An amount split between parties by weights uses the largest-remainder method
//!   ([`apportion`]): every party gets the floor of its exact share; the fen left over go one
//!   each to the parties with the largest remainders, ties to the earlier party in the list
//!   (for households: the order of the plan, building by building, stairwell by stairwell, room
//!   by room). The parts always sum exactly to the whole.

//!
//! Limits that keep every sum in an `i64` of fen (i64::MAX ≈ 9.2 × 10^18 fen), checked when a
//! plan is read and on every edit, so that no total can wrap around:
//! - any amount (a budget, a pool, a cap, a subsidy, a compensation): 0 to [`MAX_YUAN`] =
//!   10^12 yuan (10^14 fen);
//! - a unit price: at most [`MAX_UNIT_PRICE_YUAN`] = 10^8 yuan;
//! - one placed item's construction cost (quantity × unit price at the high price): at most
//!   [`MAX_LINE_YUAN`] = 10^11 yuan, else the plan or the edit is refused naming the item;
//! - design, supervision and contingency at most 100 % each, so a line's total is at most
//!   4 × 10^11 yuan;
//! - at most 20,000 placements in a scenario ([`crate::core::validate::limits::PLACEMENTS`]):
//!   a scenario's total is at most 8 × 10^15 yuan = 8 × 10^17 fen, a tenth of `i64::MAX`, so a
//!   total plus a budget, a pool or any other amount cannot overflow either. Products (shares,
//!   weights, fees) are computed in `i128`/`u128` and divided back below these bounds.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

/// The largest amount the planner accepts anywhere: 10^12 yuan (a trillion), far above any
/// programme, so that sums of many amounts can never overflow an `i64` of fen.
pub const MAX_YUAN: i64 = 1_000_000_000_000;

/// The highest unit price of a catalog item: 10^8 yuan (a hundred million yuan per unit; the
/// dearest default item, a canteen, is at most 10^6).
pub const MAX_UNIT_PRICE_YUAN: i64 = 100_000_000;

/// The highest construction cost of one placed item: 10^11 yuan, two hundred times Nanyang's
/// whole three-year programme.
pub const MAX_LINE_YUAN: i64 = 100_000_000_000;

/// An amount of money in fen (1 yuan = 100 fen). Serialised as a number of yuan with at most
/// two decimals (`12700` or `39000.5`), read back exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(pub i64);

impl Money {
    /// Zero yuan.
    pub const ZERO: Money = Money(0);

    /// Whole yuan.
    pub const fn yuan(y: i64) -> Money {
        Money(y * 100)
    }

    /// The amount in fen.
    pub const fn fen(self) -> i64 {
        self.0
    }

    /// The amount in yuan as a float, for charts and display only.
    pub fn as_yuan_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// Parses a yuan amount from a float (file or form), rounding to the nearest fen.
    /// `None` for NaN, infinities and amounts beyond ±[`MAX_YUAN`].
    pub fn from_yuan_f64(y: f64) -> Option<Money> {
        if !y.is_finite() || y.abs() > MAX_YUAN as f64 {
            return None;
        }
        Some(Money((y * 100.0).round() as i64))
    }

    /// `self × centi / 100`, i.e. a unit price times a quantity given in hundredths of its unit,
    /// rounded to the nearest fen (halves away from zero); `None` beyond `i64` (never silently
    /// wrapped).
    pub fn mul_centi(self, centi: i64) -> Option<Money> {
        i64::try_from(div_round(self.0 as i128 * centi as i128, 100))
            .ok()
            .map(Money)
    }

    /// `self × bp / 10 000`: a share in basis points, rounded to the nearest fen.
    pub fn mul_bp(self, bp: u32) -> Money {
        Money(div_round(self.0 as i128 * bp as i128, 10_000) as i64)
    }

    /// `self × num / den`, rounded to the nearest fen; `den` must not be zero.
    pub fn mul_ratio(self, num: u128, den: u128) -> Money {
        let v = (self.0.unsigned_abs() as u128 * num + den / 2) / den;
        let v = v as i64;
        Money(if self.0 < 0 { -v } else { v })
    }

    /// The larger of `self` and zero.
    pub fn max0(self) -> Money {
        Money(self.0.max(0))
    }
}

/// Integer division rounding halves away from zero.
pub(crate) fn div_round(n: i128, d: i128) -> i128 {
    let q = n / d;
    let r = n % d;
    if 2 * r.abs() >= d.abs() {
        q + if (n < 0) ^ (d < 0) { -1 } else { 1 }
    } else {
        q
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0 + o.0)
    }
}
impl AddAssign for Money {
    fn add_assign(&mut self, o: Money) {
        self.0 += o.0;
    }
}
impl Sub for Money {
    type Output = Money;
    fn sub(self, o: Money) -> Money {
        Money(self.0 - o.0)
    }
}
impl SubAssign for Money {
    fn sub_assign(&mut self, o: Money) {
        self.0 -= o.0;
    }
}
impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}
impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}
impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + *b)
    }
}

impl fmt::Display for Money {
    /// Plain yuan with two decimals, e.g. `12700.00`; user-facing text uses [`crate::core::format`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", a / 100, a % 100)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            s.serialize_i64(self.0 / 100)
        } else {
            s.serialize_f64(self.0 as f64 / 100.0)
        }
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        let y = f64::deserialize(d)?;
        Money::from_yuan_f64(y).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "amount {y} yuan is out of range (at most {MAX_YUAN} yuan)"
            ))
        })
    }
}

/// A floor area in hundredths of a square metre (property certificates give two decimals).
/// Serialised as square metres (`86.45`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Area(pub u64);

/// The largest single floor area accepted: 100 000 m².
pub const MAX_AREA_M2: f64 = 100_000.0;

impl Area {
    /// An area from square metres, rounded to 0.01 m²; `None` if negative, not finite or huge.
    pub fn from_m2(m2: f64) -> Option<Area> {
        if !m2.is_finite() || !(0.0..=MAX_AREA_M2).contains(&m2) {
            return None;
        }
        Some(Area((m2 * 100.0).round() as u64))
    }

    /// The area in square metres, for display.
    pub fn m2(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// The area in hundredths of a square metre.
    pub const fn centi(self) -> u64 {
        self.0
    }
}

impl Add for Area {
    type Output = Area;
    fn add(self, o: Area) -> Area {
        Area(self.0 + o.0)
    }
}
impl Sum for Area {
    fn sum<I: Iterator<Item = Area>>(iter: I) -> Area {
        iter.fold(Area(0), |a, b| a + b)
    }
}

impl Serialize for Area {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.is_multiple_of(100) {
            s.serialize_u64(self.0 / 100)
        } else {
            s.serialize_f64(self.0 as f64 / 100.0)
        }
    }
}

impl<'de> Deserialize<'de> for Area {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Area, D::Error> {
        let m2 = f64::deserialize(d)?;
        Area::from_m2(m2).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "area {m2} m² is out of range (0 to {MAX_AREA_M2} m²)"
            ))
        })
    }
}

/// Splits `total` into parts proportional to `weights` by the largest-remainder method.
/// The parts sum exactly to `total`. Returns `None` when all weights are zero (nobody to pay)
/// or when there are no weights. Negative totals are split like positive ones, signs kept.
pub fn apportion(total: Money, weights: &[u128]) -> Option<Vec<Money>> {
    let sum: u128 = weights.iter().sum();
    if sum == 0 {
        return None;
    }
    let neg = total.0 < 0;
    let t = total.0.unsigned_abs() as u128;
    let mut parts: Vec<u128> = Vec::with_capacity(weights.len());
    let mut rems: Vec<(u128, usize)> = Vec::with_capacity(weights.len());
    let mut given: u128 = 0;
    for (i, &w) in weights.iter().enumerate() {
        // t * w fits in u128 for any realistic inputs: t < 2^57, w < 2^64.
        let exact = t * w;
        let q = exact / sum;
        parts.push(q);
        given += q;
        rems.push((exact % sum, i));
    }
    // The fen left over go one each to the largest remainders; among equal remainders the
    // earlier party first. Fewer fen are left than there are parties, and which parties get
    // them does not depend on their order among themselves: a selection (linear time) finds
    // them, not a sort.
    let left = (t - given) as usize;
    if left > 0 {
        let order = |a: &(u128, usize), b: &(u128, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if left < rems.len() {
            rems.select_nth_unstable_by(left - 1, order);
        }
        for &(_, i) in &rems[..left.min(rems.len())] {
            parts[i] += 1;
        }
    }
    Some(
        parts
            .into_iter()
            .map(|p| {
                let p = p as i64;
                Money(if neg { -p } else { p })
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_round_trip_keeps_fen() {
        let m = Money(3_900_045);
        let s = serde_json::to_string(&m).unwrap();
        assert_eq!(s, "39000.45");
        assert_eq!(serde_json::from_str::<Money>(&s).unwrap(), m);
        assert_eq!(serde_json::to_string(&Money::yuan(12700)).unwrap(), "12700");
        assert!(serde_json::from_str::<Money>("1e300").is_err());
    }

    #[test]
    fn rounding_halves_away_from_zero() {
        // 0.5 fen rounds up, -0.5 fen rounds down.
        assert_eq!(Money(1).mul_bp(5_000), Money(1));
        assert_eq!(Money(-1).mul_bp(5_000), Money(-1));
        assert_eq!(Money(3).mul_bp(5_000), Money(2));
        assert_eq!(Money::yuan(80).mul_centi(72_050), Some(Money::yuan(57_640)));
        assert_eq!(
            Money::yuan(MAX_YUAN).mul_centi(i64::MAX),
            None,
            "refused, not wrapped"
        );
        assert_eq!(Money(333).mul_ratio(1, 3), Money(111));
    }

    #[test]
    fn apportion_three_ways_gives_last_fen_to_earliest_largest_remainder() {
        let parts = apportion(Money(100), &[1, 1, 1]).unwrap();
        assert_eq!(parts, vec![Money(34), Money(33), Money(33)]);
        let parts = apportion(Money(-100), &[1, 1, 1]).unwrap();
        assert_eq!(parts, vec![Money(-34), Money(-33), Money(-33)]);
        assert!(apportion(Money(100), &[0, 0]).is_none());
        let parts = apportion(Money(1000), &[0, 2, 1]).unwrap();
        assert_eq!(parts, vec![Money(0), Money(667), Money(333)]);
    }

    #[test]
    fn area_round_trip() {
        let a: Area = serde_json::from_str("86.45").unwrap();
        assert_eq!(a, Area(8645));
        assert_eq!(serde_json::to_string(&a).unwrap(), "86.45");
        assert!(serde_json::from_str::<Area>("-1").is_err());
    }

    #[test]
    fn display_is_plain_yuan() {
        assert_eq!(Money(-12345).to_string(), "-123.45");
        assert_eq!(Money(5).to_string(), "0.05");
    }
}
