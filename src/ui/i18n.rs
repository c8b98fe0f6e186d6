//! The one translation layer: every text of the interface is a [`Key`], and [`t`] gives it in
//! each language. The match is exhaustive and returns both languages at once, so a key without
//! a translation does not compile.

pub use crate::core::format::Lang;

/// Every text shown by the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// The app's name.
    AppTitle,
    /// Subtitle under the name.
    AppTagline,
    /// Label of the language switch group.
    Language,
    /// The site plan's accessible name.
    SitePlan,
    /// Heading of the summary panel.
    Summary,
    /// Buildings.
    Buildings,
    /// Households.
    Households,
    /// Stairwells.
    Stairwells,
    /// Total cost (likely).
    TotalCost,
    /// Cost range.
    CostRange,
    /// Per household.
    PerHousehold,
    /// Per m² of floor area.
    PerSquareMetre,
    /// Funding by source.
    FundingBySource,
    /// Residents' share.
    ResidentsShare,
    /// Unfunded gap.
    FundingGap,
    /// Current scenario.
    Scenario,
    /// Built (year).
    Built,
    /// Floors.
    Floors,
    /// The panic message's title.
    CrashTitle,
    /// The panic message's advice.
    CrashAdvice,
    /// Reload button.
    Reload,
    /// The "demo" badge.
    DemoBadge,
    /// Safety class.
    ClassSafety,
    /// Basic class.
    ClassBasic,
    /// Improvement class.
    ClassImprovement,
    /// Upgrade class.
    ClassUpgrade,
    /// By class heading.
    ByClass,
    /// Compared with programme figures.
    Yardsticks,
    /// Legend: road.
    LegendRoad,
    /// Legend: green.
    LegendGreen,
    /// Legend: parking / square.
    LegendParking,
    /// Legend: pipe.
    LegendPipe,
    /// North.
    North,
    /// Items placed.
    ItemsPlaced,
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    let (zh, en) = match key {
        Key::AppTitle => ("老旧小区改造规划", "Renovation Planner"),
        Key::AppTagline => (
            "在小区平面图上布置改造项目,比较费用与优先级",
            "Lay out renovation options on the site plan; compare cost and priority",
        ),
        Key::Language => ("语言", "Language"),
        Key::SitePlan => ("小区平面图", "Site plan"),
        Key::Summary => ("方案汇总", "Summary"),
        Key::Buildings => ("楼栋", "Buildings"),
        Key::Households => ("户数", "Households"),
        Key::Stairwells => ("单元", "Stairwells"),
        Key::TotalCost => ("总投资(可能值)", "Total cost (likely)"),
        Key::CostRange => ("区间(低–高)", "Range (low–high)"),
        Key::PerHousehold => ("户均", "Per household"),
        Key::PerSquareMetre => ("每平方米建筑面积", "Per m² floor area"),
        Key::FundingBySource => ("资金来源", "Funding by source"),
        Key::ResidentsShare => ("居民出资", "Residents pay"),
        Key::FundingGap => ("资金缺口", "Unfunded gap"),
        Key::Scenario => ("方案", "Scenario"),
        Key::Built => ("建成", "Built"),
        Key::Floors => ("层", "floors"),
        Key::CrashTitle => ("出错了,页面已停止", "Something went wrong and the page stopped"),
        Key::CrashAdvice => (
            "您的规划已保存在本浏览器中。请重新加载页面;如果问题重复出现,请导出规划文件并反馈。",
            "Your plan is kept in this browser. Reload the page; if it happens again, export the plan file and report it.",
        ),
        Key::Reload => ("重新加载", "Reload"),
        Key::DemoBadge => ("示例小区", "Demo community"),
        Key::ClassSafety => ("安全隐患", "Safety"),
        Key::ClassBasic => ("基础类", "Basic"),
        Key::ClassImprovement => ("完善类", "Improvement"),
        Key::ClassUpgrade => ("提升类", "Upgrade"),
        Key::ByClass => ("按类别", "By class"),
        Key::Yardsticks => ("与改造项目户均投资比较", "Against programme figures"),
        Key::LegendRoad => ("道路", "Road"),
        Key::LegendGreen => ("绿地", "Green"),
        Key::LegendParking => ("停车场/场地", "Parking / square"),
        Key::LegendPipe => ("管线", "Pipes"),
        Key::North => ("北", "N"),
        Key::ItemsPlaced => ("已布置项目", "Items placed"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_text_in_both_languages() {
        // The match in `t` is exhaustive; this catches empty strings.
        for key in [Key::AppTitle, Key::CrashTitle, Key::SitePlan, Key::Summary] {
            assert!(!t(Lang::Zh, key).is_empty());
            assert!(!t(Lang::En, key).is_empty());
            assert_ne!(t(Lang::Zh, key), t(Lang::En, key));
        }
    }
}
