//! Programme yardsticks (BRIEF §3): how a plan's cost per household and per m² compares with
//! what renovation programmes actually spent, for a "this plan is far above/below usual"
//! warning.

use super::money::Money;
use serde::{Deserialize, Serialize};

/// What a yardstick measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// Yuan per household.
    Household,
    /// Yuan per m² of floor area.
    SquareMetre,
}

/// A published programme figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Yardstick {
    /// Stable id.
    pub id: &'static str,
    /// Chinese label.
    pub zh: &'static str,
    /// English label.
    pub en: &'static str,
    /// Unit.
    pub per: Per,
    /// The figure.
    pub value: Money,
}

/// The yardsticks of BRIEF §3.
pub const YARDSTICKS: [Yardstick; 6] = [
    Yardstick {
        id: "nanyang",
        zh: "南阳 2018-20 平均",
        en: "Nanyang 2018-20 average",
        per: Per::Household,
        value: Money::yuan(12_700),
    },
    Yardstick {
        id: "kunming_xishan",
        zh: "昆明西山区",
        en: "Kunming Xishan",
        per: Per::Household,
        value: Money::yuan(8_700),
    },
    Yardstick {
        id: "national_2023",
        zh: "全国 2023 平均",
        en: "National 2023 average",
        per: Per::Household,
        value: Money::yuan(26_800),
    },
    Yardstick {
        id: "beijing_seismic",
        zh: "北京 2012-18(含抗震加固)",
        en: "Beijing 2012-18 (with seismic work)",
        per: Per::Household,
        value: Money::yuan(41_500),
    },
    Yardstick {
        id: "kunming_xishan_m2",
        zh: "昆明西山区(每平方米)",
        en: "Kunming Xishan (per m²)",
        per: Per::SquareMetre,
        value: Money::yuan(158),
    },
    Yardstick {
        id: "wuxi_basic_min",
        zh: "无锡基础类最低标准(每平方米)",
        en: "Wuxi minimum, basic-led (per m²)",
        per: Per::SquareMetre,
        value: Money::yuan(400),
    },
];

/// How far from a yardstick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Under half the figure.
    FarBelow,
    /// Half to 0.8 times.
    Below,
    /// 0.8 to 1.25 times.
    Near,
    /// 1.25 to 2 times.
    Above,
    /// More than twice.
    FarAbove,
}

/// The plan against one yardstick.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The yardstick's id.
    pub id: String,
    /// The plan's figure.
    pub plan: Money,
    /// The yardstick's figure.
    pub yardstick: Money,
    /// plan / yardstick in per mille (1000 = equal).
    pub ratio_permille: u64,
    /// The band.
    pub level: Level,
}

/// Compares per-household and per-m² costs with every yardstick.
pub fn compare(per_household: Money, per_m2: Money) -> Vec<Comparison> {
    YARDSTICKS
        .iter()
        .map(|y| {
            let plan = match y.per {
                Per::Household => per_household,
                Per::SquareMetre => per_m2,
            };
            let ratio_permille = (plan.0.max(0) as u128 * 1000 / y.value.0.max(1) as u128) as u64;
            let level = match ratio_permille {
                0..=499 => Level::FarBelow,
                500..=799 => Level::Below,
                800..=1250 => Level::Near,
                1251..=2000 => Level::Above,
                _ => Level::FarAbove,
            };
            Comparison {
                id: y.id.to_string(),
                plan,
                yardstick: y.value,
                ratio_permille,
                level,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_against_nanyang() {
        let c = |yuan| compare(Money::yuan(yuan), Money::yuan(100))[0].level;
        assert_eq!(c(12_700), Level::Near);
        assert_eq!(c(6_000), Level::FarBelow);
        assert_eq!(c(26_000), Level::FarAbove);
        assert_eq!(c(20_000), Level::Above);
        let r = &compare(Money::yuan(25_400), Money::ZERO)[0];
        assert_eq!(r.ratio_permille, 2000);
        assert_eq!(r.level, Level::Above);
    }
}
