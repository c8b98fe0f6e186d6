//! The eight kinds of money that pay for renovation (BRIEF §4), named once for the catalog
//! (which sources an item may draw on), the funding rules and the yearly budgets.

use serde::{Deserialize, Serialize};

/// The eight kinds of money (BRIEF §4). Serialised as its [`FundingSource::code`]; read
/// through a string so that an error in a map key (`funding.pools.central_subsidy`) is reported
/// with the key in its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum FundingSource {
    /// 中央补助: mainly basic items in pre-2000 communities.
    CentralSubsidy,
    /// 地方财政: provincial, municipal, district finance.
    LocalFinance,
    /// 专项债: local government special bonds.
    SpecialBonds,
    /// 银行融资: for items that earn income.
    BankLoan,
    /// 原产权单位: the original work unit.
    WorkUnit,
    /// 专业经营单位: utility and pipeline companies, for their own lines.
    Utility,
    /// 居民出资: residents (direct, maintenance fund, provident fund).
    Residents,
    /// 社会资本: paid use of new facilities.
    SocialCapital,
}

impl FundingSource {
    /// All sources.
    pub const ALL: [FundingSource; 8] = [
        FundingSource::CentralSubsidy,
        FundingSource::LocalFinance,
        FundingSource::SpecialBonds,
        FundingSource::BankLoan,
        FundingSource::WorkUnit,
        FundingSource::Utility,
        FundingSource::Residents,
        FundingSource::SocialCapital,
    ];

    /// Index in [`FundingSource::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The code used in files, e.g. `central_subsidy`.
    pub fn code(self) -> &'static str {
        match self {
            FundingSource::CentralSubsidy => "central_subsidy",
            FundingSource::LocalFinance => "local_finance",
            FundingSource::SpecialBonds => "special_bonds",
            FundingSource::BankLoan => "bank_loan",
            FundingSource::WorkUnit => "work_unit",
            FundingSource::Utility => "utility",
            FundingSource::Residents => "residents",
            FundingSource::SocialCapital => "social_capital",
        }
    }

    /// Chinese and English names.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            FundingSource::CentralSubsidy => ("中央补助", "Central subsidy"),
            FundingSource::LocalFinance => ("地方财政", "Local finance"),
            FundingSource::SpecialBonds => ("专项债券", "Special bonds"),
            FundingSource::BankLoan => ("银行融资", "Bank financing"),
            FundingSource::WorkUnit => ("原产权单位", "Original work unit"),
            FundingSource::Utility => ("管线单位", "Utility companies"),
            FundingSource::Residents => ("居民出资", "Residents"),
            FundingSource::SocialCapital => ("社会资本", "Social capital"),
        }
    }
}

impl From<FundingSource> for &'static str {
    fn from(s: FundingSource) -> Self {
        s.code()
    }
}

impl TryFrom<String> for FundingSource {
    type Error = String;
    fn try_from(code: String) -> Result<Self, String> {
        FundingSource::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .ok_or_else(|| {
                let all: Vec<&str> = FundingSource::ALL.iter().map(|s| s.code()).collect();
                format!(
                    "unknown variant `{code}`, expected one of {}",
                    all.join(", ")
                )
            })
    }
}
