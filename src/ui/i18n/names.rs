//! The names of the domain's kinds (classes, units, targets, areas, pipes, points, fields).

use crate::core::catalog::{Class, Unit};
use crate::core::funding_source::FundingSource;
use crate::core::lang::Lang;
use crate::core::site::{AreaKind, PipeKind, PointKind, SiteKind, TargetKind};
use crate::core::yardstick::Yardstick;
use crate::ui::i18n::keys::Key;
use crate::ui::i18n::table::{pick, t};

/// The name of a class.
pub fn class_name(lang: Lang, class: Class) -> &'static str {
    t(
        lang,
        match class {
            Class::Safety => Key::ClassSafety,
            Class::Basic => Key::ClassBasic,
            Class::Improvement => Key::ClassImprovement,
            Class::Upgrade => Key::ClassUpgrade,
        },
    )
}

/// The name of a unit.
pub fn unit_name(lang: Lang, u: Unit) -> &'static str {
    pick(lang, u.names())
}

/// The name of a kind of target.
pub fn target_kind_name(lang: Lang, k: TargetKind) -> &'static str {
    pick(
        lang,
        match k {
            TargetKind::Community => ("整个小区", "the whole community"),
            TargetKind::Building => ("楼栋", "a building"),
            TargetKind::Stairwell => ("单元", "a stairwell"),
            TargetKind::Area => ("道路或场地", "a road or area"),
            TargetKind::Pipe => ("管线", "a pipe run"),
            TargetKind::Point => ("点位", "a point"),
        },
    )
}

/// The name of an area kind.
pub fn area_kind_name(lang: Lang, k: AreaKind) -> &'static str {
    t(
        lang,
        match k {
            AreaKind::Road => Key::ToolRoad,
            AreaKind::Green => Key::ToolGreen,
            AreaKind::Plaza => Key::ToolPlaza,
            AreaKind::Parking => Key::ToolParking,
        },
    )
}

/// The name of a pipe kind.
pub fn pipe_kind_name(lang: Lang, k: PipeKind) -> &'static str {
    pick(
        lang,
        match k {
            PipeKind::Water => ("给水管", "Water pipe"),
            PipeKind::Sewer => ("污水管", "Sewer"),
            PipeKind::Rain => ("雨水管", "Rain drain"),
            PipeKind::Gas => ("燃气管", "Gas pipe"),
            PipeKind::Power => ("电力线", "Power cable"),
            PipeKind::Telecom => ("弱电线", "Telecom line"),
            PipeKind::Heating => ("供热管", "Heating pipe"),
        },
    )
}

/// The name of a point kind.
pub fn point_kind_name(lang: Lang, k: PointKind) -> &'static str {
    pick(
        lang,
        match k {
            PointKind::Lamp => ("路灯", "Lamp"),
            PointKind::Camera => ("监控", "Camera"),
            PointKind::Gate => ("出入口", "Gate"),
            PointKind::Waste => ("垃圾点", "Waste point"),
            PointKind::Charger => ("充电点", "Charger"),
            PointKind::Other => ("点位", "Point"),
        },
    )
}

/// The name of a kind of drawn feature.
pub fn site_kind_name(lang: Lang, k: SiteKind) -> &'static str {
    match k {
        SiteKind::Area(k) => area_kind_name(lang, k),
        SiteKind::Pipe(k) => pipe_kind_name(lang, k),
        SiteKind::Point(k) => point_kind_name(lang, k),
    }
}

/// Words joined as a list: `污水管、雨水管` / `sewer or rain drain`.
pub fn or_list(lang: Lang, words: &[&str]) -> String {
    match lang {
        Lang::Zh => words.join("、"),
        Lang::En => match words {
            [] => String::new(),
            [one] => (*one).to_string(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
        },
    }
}

/// The label of a building field by its id.
pub fn field_name(lang: Lang, field: &str) -> &'static str {
    t(
        lang,
        match field {
            "floors" => Key::FloorsLabel,
            "tallies" => Key::SurveyTallies,
            "years" => Key::Years,
            "year" => Key::Year,
            "budget" => Key::Budget,
            "storey_height_m" => Key::StoreyHeight,
            "year_built" => Key::YearBuilt,
            "condition" => Key::Condition,
            "stairwells" => Key::StairwellCount,
            "households_per_floor" => Key::HouseholdsPerFloor,
            "area_per_household_m2" => Key::AreaPerHousehold,
            "quantity" => Key::Quantity,
            _ => Key::Invalid,
        },
    )
}

/// The name of a funding source.
pub fn source_name(lang: Lang, s: FundingSource) -> &'static str {
    pick(lang, s.names())
}

/// The label of a published yardstick.
pub fn yardstick_name(lang: Lang, y: &Yardstick) -> &'static str {
    pick(lang, (y.zh, y.en))
}

/// The name of a built-in priority criterion (none for a custom one, which has its own).
pub fn criterion_name(lang: Lang, id: &str) -> Option<&'static str> {
    let pair = match id {
        "safety" => ("安全与紧迫性", "Safety and urgency"),
        "households" => ("受益户数", "Households benefited"),
        "demand" => ("居民需求", "Resident demand"),
        "condition" => ("房屋状况", "Building condition"),
        "cost_effectiveness" => ("性价比", "Cost-effectiveness"),
        _ => return None,
    };
    Some(pick(lang, pair))
}
