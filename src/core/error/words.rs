//! The words of a place in an error message: targets, items, settings and fields as people
//! call them, in the user's language.

use super::kind::Named;
use crate::core::format::place_name;
use crate::core::lang::Lang;

/// A target key of the file (`stairwell:22`) in words: `单元(编号 22)`, `stairwell no. 22`.
pub fn target_words(key: &str, lang: Lang) -> String {
    let Some((kind, id)) = key.split_once(':') else {
        return match (key, lang) {
            ("community", Lang::Zh) => "整个小区".into(),
            ("community", Lang::En) => "the whole community".into(),
            _ => key.to_string(),
        };
    };
    let (zh, en) = match kind {
        "building" => ("楼栋", "building"),
        "stairwell" => ("单元", "stairwell"),
        "area" => ("区域", "area"),
        "pipe" => ("管线", "pipe run"),
        "point" => ("点位", "point"),
        "placement" => ("项目", "item"),
        "scenario" => ("方案", "scenario"),
        "household" => ("住户", "household"),
        "criterion" => ("评价指标", "criterion"),
        _ => return key.to_string(),
    };
    match lang {
        Lang::Zh => format!("{zh}(编号 {id})"),
        Lang::En => format!("{en} no. {id}"),
    }
}

/// The things of a place in words: `2号楼 1单元 104室`, `Building 2 · Stairwell 1 · flat 104`.
pub fn place_words(place: &[Named], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let words: Vec<String> = place
        .iter()
        .map(|n| match n {
            Named::Community => (if zh { "小区" } else { "the community" }).to_string(),
            Named::Building(s) | Named::Stairwell(s) => place_name(s, lang),
            Named::Household(room) => {
                if zh {
                    format!("{room}室")
                } else {
                    format!("flat {room}")
                }
            }
            Named::Area(s) | Named::Pipe(s) | Named::Point(s) => s.clone(),
            Named::Scenario(s) => {
                if zh {
                    format!("方案「{s}」")
                } else {
                    format!("scenario “{s}”")
                }
            }
            Named::Item(id) | Named::CatalogItem(id) => item_words(id, lang),
            Named::Settings(key) => settings_words(key, lang).to_string(),
        })
        .filter(|w| !w.is_empty())
        .collect();
    words.join(if zh { " " } else { " · " })
}

pub(super) fn item_words(id: &str, lang: Lang) -> String {
    crate::core::catalog::Catalog::defaults()
        .get(id)
        .map_or_else(|| id.to_string(), |i| i.name(lang).to_string())
}

fn settings_words(key: &str, lang: Lang) -> &str {
    let pair = match key {
        "funding" => ("资金设置", "funding settings"),
        "costs" => ("费用设置", "cost settings"),
        "phasing" => ("年度计划", "annual plan"),
        "selection" => ("优化设置", "optimiser settings"),
        "risk" => ("风险模拟", "risk simulation"),
        "priority" => ("优先级设置", "priority settings"),
        "votes" => ("业主表决", "owners' votes"),
        "tallies" => ("问卷统计", "survey tallies"),
        "catalog" => ("改造项目库", "catalog"),
        _ => return key,
    };
    match lang {
        Lang::Zh => pair.0,
        Lang::En => pair.1,
    }
}

/// A field's name in words and its unit (`("面积", " m²")`).
pub fn field_words(key: &str, lang: Lang) -> (String, &'static str) {
    let (zh, en, unit) = match key {
        "floors" => ("层数", "floors", ""),
        "storey_height_m" => ("层高", "storey height", " m"),
        "year_built" => ("建成年份", "year built", ""),
        "condition" => ("房屋状况", "condition", ""),
        "area_m2" => ("面积", "area", " m²"),
        "floor" => ("所在楼层", "floor", ""),
        "room" => ("房号", "room number", ""),
        "owner" => ("业主", "owner", ""),
        "name" => ("名称", "name", ""),
        "name_zh" => ("中文名称", "Chinese name", ""),
        "name_en" => ("英文名称", "English name", ""),
        "city" => ("城市", "city", ""),
        "footprint" => ("楼栋轮廓", "outline", ""),
        "polygon" => ("轮廓", "outline", ""),
        "path" => ("走向", "run", ""),
        "position" => ("位置", "position", ""),
        "id" => ("编号", "id", ""),
        "kind" => ("类型", "kind", ""),
        "item" => ("项目", "item", ""),
        "target" => ("放置位置", "place", ""),
        "budget" => ("预算", "budget", " 元"),
        "household_cap" => ("每户出资上限", "cap per household", " 元"),
        "max_amount" => ("金额上限", "amount cap", " 元"),
        "max_bp" => ("比例上限", "share cap", " bp"),
        "pools" => ("资金池", "funding pool", " 元"),
        "compensation" => ("低层补偿", "compensation", " 元"),
        "class_min" => ("类别最低投入", "minimum per class", " 元"),
        "start_year" => ("起始年份", "first year", ""),
        "year" => ("年份", "year", ""),
        "years" => ("年数", "years", ""),
        "samples" => ("样本数", "samples", ""),
        "seed" => ("随机种子", "seed", ""),
        "support" => ("支持", "support", ""),
        "oppose" => ("反对", "oppose", ""),
        "no_view" => ("无意见", "no view", ""),
        "quantity_override" => ("工程量", "quantity", ""),
        "unit_cost" => ("单价", "unit price", " 元"),
        "low" => ("低价", "low price", " 元"),
        "likely" => ("可能价", "likely price", " 元"),
        "high" => ("高价", "high price", " 元"),
        "design_bp" => ("设计费率", "design fee", " bp"),
        "supervision_bp" => ("监理费率", "supervision fee", " bp"),
        "contingency_bp" => ("不可预见费率", "contingency", " bp"),
        "floor_coefficients_bp" => ("楼层系数", "floor coefficient", " bp"),
        "schema_version" => ("文件版本号 schema_version", "schema_version", ""),
        "current_scenario" => ("当前方案", "current scenario", ""),
        "scenarios" => ("方案", "scenarios", ""),
        "items" => ("项目", "items", ""),
        "requires" => ("前置项目", "prerequisite", ""),
        "central_subsidy_built_before" => ("中央补助年份", "central subsidy year", ""),
        "max_works_per_building" => ("每栋楼每年施工上限", "works per building a year", ""),
        other => {
            return (other.to_string(), "");
        }
    };
    (
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
        .to_string(),
        if lang == Lang::En && unit == " 元" {
            " yuan"
        } else {
            unit
        },
    )
}
