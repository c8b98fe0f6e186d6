//! Errors in a plan or a plan file, said the way people say it: each names the thing as
//! residents and designers call it ("2号楼 1单元 104室", "方案「仅基础类」里的加装电梯") and the
//! field in words ("面积"), says what is wrong in the user's language (serde's own English
//! texts included), and keeps the field's JSON path (`community.buildings[1].stairwells[0]…`)
//! as a second line for designers.

use super::format::place_name;
use super::lang::Lang;
use serde::Serialize;
use std::fmt;

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ErrorKind {
    /// The file is larger than the limit.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The bytes are not UTF-8 text.
    NotUtf8 {
        /// Byte offset of the first bad byte.
        offset: usize,
    },
    /// Not JSON at all.
    NotJson {
        /// Line of the error (1-based).
        line: usize,
        /// Column of the error (1-based).
        column: usize,
    },
    /// JSON, but not an object.
    NotAnObject,
    /// No `schema_version`.
    MissingVersion,
    /// A `schema_version` that never existed.
    UnknownVersion {
        /// What was found.
        found: String,
    },
    /// Made by a newer version of the planner, and not readable by this one.
    NewerVersion {
        /// Its version.
        found: u32,
        /// Ours.
        supported: u32,
    },
    /// A required field is missing.
    Missing,
    /// A field has the wrong type.
    WrongType {
        /// What was found, in serde's words (`string "86.3"`, `integer `5``).
        found: String,
        /// What was expected, in serde's words (`f64`, `a sequence`).
        expected: String,
    },
    /// The same key twice in one object (a file edited by hand or merged by a tool).
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// A field this version does not know (kept aside, and written back on export).
    UnknownField,
    /// A value is not one of the allowed words.
    UnknownValue {
        /// What was found.
        found: String,
        /// The allowed words.
        allowed: Vec<String>,
    },
    /// A number outside its range.
    OutOfRange {
        /// The value.
        value: String,
        /// Lowest allowed.
        min: String,
        /// Highest allowed.
        max: String,
    },
    /// A required text or list is empty.
    Empty,
    /// An id used twice.
    Duplicate {
        /// The id.
        id: String,
    },
    /// An outline crosses itself.
    SelfIntersecting,
    /// An outline or run with too few points.
    TooFewPoints {
        /// Needed.
        min: usize,
    },
    /// A number that is infinite, not a number, or too large for any field.
    NotFinite,
    /// An outline enclosing no area.
    ZeroArea,
    /// A catalog id that does not exist.
    UnknownItem {
        /// The id.
        id: String,
    },
    /// An item placed on something it cannot go on.
    WrongTarget {
        /// The item.
        item: String,
        /// The target key.
        target: String,
    },
    /// A reference to something that does not exist.
    MissingTarget {
        /// The target key.
        target: String,
    },
    /// A price range not in order low ≤ likely ≤ high.
    PriceOrder,
    /// A placed item whose quantity × unit price is beyond the limit of one line
    /// ([`crate::core::money::MAX_LINE_YUAN`]).
    LineTooLarge {
        /// The limit, yuan.
        limit_yuan: i64,
    },
    /// A building with fewer floors than its households live on (one error for the building,
    /// not one per household).
    HouseholdsAboveTop {
        /// The building's floors.
        floors: u8,
        /// How many households are above.
        households: usize,
        /// The highest floor of a household.
        highest: u8,
    },
    /// A survey tally with more answers than the households entitled to answer.
    TallyOverHouseholds {
        /// Answers.
        answers: u64,
        /// Households.
        households: usize,
    },
    /// Annotated on reading: an outline that repeated its first corner at the end (as CAD and
    /// GIS tools write closed rings): the repeat was dropped.
    ClosedRingFixed,
    /// Annotated on reading: corners written twice in a row were merged.
    RepeatedCornersFixed {
        /// How many were dropped.
        removed: usize,
    },
    /// Anything else serde reports.
    Invalid {
        /// Its description.
        detail: String,
    },
}

/// A thing of the plan as people name it, for messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "named", content = "name")]
pub enum Named {
    /// The community.
    Community,
    /// A building by its name.
    Building(String),
    /// A stairwell by its name.
    Stairwell(String),
    /// A household by its room number.
    Household(String),
    /// A drawn area by its name.
    Area(String),
    /// A pipe run by its name.
    Pipe(String),
    /// A point by its name.
    Point(String),
    /// A scenario by its name.
    Scenario(String),
    /// A placed item by its catalog id.
    Item(String),
    /// A catalog item (price edit or custom item) by its id.
    CatalogItem(String),
    /// A part of the settings by its key (`funding`, `phasing`, …).
    Settings(String),
}

/// An error at a place in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanError {
    /// JSON path of the field, e.g. `community.buildings[2].floors`; empty for the whole file.
    pub path: String,
    /// What is wrong.
    #[serde(flatten)]
    pub kind: ErrorKind,
    /// The things on the way to the field, as people name them (filled in when a file is
    /// read; empty otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub place: Vec<Named>,
}

impl PlanError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        PlanError {
            path: path.into(),
            kind,
            place: Vec::new(),
        }
    }

    /// The field's key (the last name of the path), if the path ends in one.
    pub fn field(&self) -> Option<&str> {
        let last = self.path.rsplit('.').next()?;
        let key = last.split('[').next().unwrap_or(last);
        (!key.is_empty() && !last.ends_with(']')).then_some(key)
    }

    /// The message for people, in `lang`: the thing, the field in words, what is wrong.
    /// `2号楼 1单元 104室:面积 0 不在 0.01–100000 m² 之间`.
    pub fn message(&self, lang: Lang) -> String {
        let field = self.field().map(|f| field_words(f, lang));
        let what = describe(&self.kind, field.as_ref(), lang);
        let place = place_words(&self.place, lang);
        let subject = place;
        if subject.is_empty() {
            what
        } else {
            match lang {
                Lang::Zh => format!("{subject}:{what}"),
                Lang::En => format!("{subject}: {what}"),
            }
        }
    }

    /// The message and, for designers, the field's path second:
    /// `…(位置:community.buildings[1].floors)`, `… (at community.buildings[1].floors)`.
    pub fn message_with_path(&self, lang: Lang) -> String {
        let m = self.message(lang);
        match (self.path.is_empty(), lang) {
            (true, _) => m,
            (false, Lang::Zh) => format!("{m}(位置:{})", self.path),
            (false, Lang::En) => format!("{m} (at {})", self.path),
        }
    }
}

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

fn item_words(id: &str, lang: Lang) -> String {
    super::catalog::Catalog::defaults()
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

/// serde's word for a type found in a file, in `lang`: `string "86.3"` → `文字 "86.3"`.
fn found_words(found: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let rest = |p: &str| {
        found
            .strip_prefix(p)
            .map(|r| r.trim().trim_matches('`').to_string())
    };
    if let Some(v) = rest("string") {
        return if zh {
            format!("文字 {v}")
        } else {
            format!("the text {v}")
        };
    }
    if let Some(v) = rest("integer") {
        return if zh {
            format!("整数 {v}")
        } else {
            format!("the whole number {v}")
        };
    }
    if let Some(v) = rest("floating point") {
        return if zh {
            format!("小数 {v}")
        } else {
            format!("the number {v}")
        };
    }
    if let Some(v) = rest("boolean") {
        return if zh {
            format!("是非值 {v}")
        } else {
            format!("the yes/no value {v}")
        };
    }
    let pair = match found {
        "null" => ("空值 null", "an empty value (null)"),
        "map" => ("对象 {…}", "an object {…}"),
        "sequence" => ("列表 […]", "a list […]"),
        "unit value" => ("空值", "an empty value"),
        _ => return found.to_string(),
    };
    (if zh { pair.0 } else { pair.1 }).to_string()
}

/// serde's word for an expected type, in `lang`: `f64` → `数字`.
fn expected_words(expected: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let pair = match expected {
        "f64" | "f32" => ("数字", "a number"),
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize" => {
            ("整数", "a whole number")
        }
        "a string" | "a borrowed string" | "string" => ("文字", "a text"),
        "a boolean" | "bool" => ("true 或 false", "true or false"),
        "a sequence" => ("列表 […]", "a list […]"),
        e if e.starts_with("an array") || e.starts_with("a tuple") || e.starts_with("tuple") => {
            ("坐标 [x, y]", "a point [x, y]")
        }
        e if e.starts_with("struct ") || e == "a map" || e.starts_with("internally tagged") => {
            ("对象 {…}", "an object {…}")
        }
        e if e.contains("variant") || e.starts_with("enum ") => {
            ("规定的取值之一", "one of the allowed words")
        }
        _ => return expected.to_string(),
    };
    (if zh { pair.0 } else { pair.1 }).to_string()
}

/// The message for one problem, in `lang`; `field` is the field's name and unit when the
/// problem is in one field. Grouped by what is wrong: the file as a whole, a value, a number
/// out of range, a drawn shape, or the plan's own rules.
fn describe(kind: &ErrorKind, field: Option<&(String, &'static str)>, lang: Lang) -> String {
    use ErrorKind as K;
    let zh = lang == Lang::Zh;
    let unit = field.map_or("", |f| f.1);
    let name = field.map_or_else(String::new, |f| f.0.clone());
    match kind {
        K::TooLarge { .. }
        | K::NotUtf8 { .. }
        | K::NotJson { .. }
        | K::NotAnObject
        | K::MissingVersion
        | K::UnknownVersion { .. }
        | K::NewerVersion { .. }
        | K::DuplicateKey { .. } => file_problem(kind, zh),
        K::Missing
        | K::WrongType { .. }
        | K::UnknownField
        | K::UnknownValue { .. }
        | K::Empty
        | K::Duplicate { .. }
        | K::NotFinite
        | K::Invalid { .. } => value_problem(kind, &name, lang),
        K::OutOfRange { .. } => out_of_range(kind, &name, unit, lang),
        K::SelfIntersecting
        | K::TooFewPoints { .. }
        | K::ZeroArea
        | K::ClosedRingFixed
        | K::RepeatedCornersFixed { .. } => shape_problem(kind, &name, zh),
        K::UnknownItem { .. }
        | K::WrongTarget { .. }
        | K::MissingTarget { .. }
        | K::PriceOrder
        | K::LineTooLarge { .. }
        | K::HouseholdsAboveTop { .. }
        | K::TallyOverHouseholds { .. } => plan_problem(kind, lang),
    }
}

/// What is wrong with the file as a whole (size, encoding, JSON, version).
fn file_problem(kind: &ErrorKind, zh: bool) -> String {
    use ErrorKind as K;
    match kind {
        K::TooLarge { bytes, limit } => {
            let (b, l) = (bytes / 1024 / 1024, limit / 1024 / 1024);
            if zh {
                format!("文件太大({b} MB),规划文件最大 {l} MB")
            } else {
                format!("the file is too large ({b} MB); plan files are at most {l} MB")
            }
        }
        K::NotUtf8 { offset } => {
            if zh {
                format!("不是 UTF-8 文本(第 {offset} 字节起无法识别),请选择本工具导出的 .json 文件")
            } else {
                format!("not UTF-8 text (unreadable from byte {offset}); choose a .json file exported by this planner")
            }
        }
        K::NotJson { line, column } => {
            if zh {
                format!("不是有效的 JSON(第 {line} 行第 {column} 列)")
            } else {
                format!("not valid JSON (line {line}, column {column})")
            }
        }
        K::NotAnObject => {
            if zh {
                "不是规划文件:顶层应为对象 {…}".into()
            } else {
                "not a plan file: the top level must be an object {…}".into()
            }
        }
        K::MissingVersion => {
            if zh {
                "缺少 schema_version(文件版本号),这不像本工具的规划文件".into()
            } else {
                "schema_version is missing; this does not look like a plan file of this planner"
                    .into()
            }
        }
        K::UnknownVersion { found } => {
            if zh {
                format!("未知的文件版本 {found}")
            } else {
                format!("unknown file version {found}")
            }
        }
        K::NewerVersion { found, supported } => {
            if zh {
                format!("此文件由更新版本的规划工具保存(版本 {found},本工具支持到 {supported}),请更新后再打开")
            } else {
                format!("this file was saved by a newer planner (version {found}; this one reads up to {supported}); please update")
            }
        }
        K::DuplicateKey { key } => {
            if zh {
                format!("“{key}”在同一处写了两次,无法确定用哪一个")
            } else {
                format!("“{key}” is written twice in one place; which one is meant is unclear")
            }
        }
        other => format!("{other:?}"),
    }
}

/// What is wrong with one value (missing, wrong type, not allowed, empty, repeated).
fn value_problem(kind: &ErrorKind, name: &str, lang: Lang) -> String {
    use ErrorKind as K;
    let zh = lang == Lang::Zh;
    match kind {
        K::Missing => {
            if zh {
                format!("缺少“{name}”")
            } else {
                format!("{name} is missing")
            }
        }
        K::WrongType { found, expected } => {
            let (f, e) = (found_words(found, lang), expected_words(expected, lang));
            if zh {
                format!("{name}应为{e},文件里是{f}")
            } else {
                format!("{name} should be {e}, the file has {f}")
            }
        }
        K::UnknownField => {
            if zh {
                format!("本版本不认识“{name}”,已原样保留")
            } else {
                format!("this version does not know “{name}”; it is kept as it is")
            }
        }
        K::UnknownValue { found, allowed } => {
            let list = allowed.join(if zh { "、" } else { ", " });
            if zh {
                format!("{name}“{found}”不是可用的取值(可用:{list})")
            } else {
                format!("{name} “{found}” is not one of the allowed values ({list})")
            }
        }
        K::Empty => {
            if zh {
                format!("{name}不能为空")
            } else {
                format!("{name} must not be empty")
            }
        }
        K::Duplicate { id } => {
            if zh {
                format!("编号 {id} 重复(另一处已用了这个编号)")
            } else {
                format!("id {id} is used twice")
            }
        }
        K::NotFinite => {
            if zh {
                format!("{name}不是可用的数字(过大或无穷大)")
            } else {
                format!("{name} is not a usable number (too large or infinite)")
                    .trim_start()
                    .to_string()
            }
        }
        K::Invalid { detail } => {
            if zh {
                format!("无效的值({detail})")
            } else {
                format!("invalid ({detail})")
            }
        }
        other => format!("{other:?}"),
    }
}

/// A number outside its range; amounts of money are written as money (¥100.0亿, ¥1,000,000).
fn out_of_range(kind: &ErrorKind, name: &str, unit: &str, lang: Lang) -> String {
    let ErrorKind::OutOfRange { value, min, max } = kind else {
        return format!("{kind:?}");
    };
    let zh = lang == Lang::Zh;
    // Amounts of money are written as money: ¥100.0亿, ¥1,000,000.
    let money = |v: &str| {
        v.parse::<f64>()
            .ok()
            .and_then(super::money::Money::from_yuan_f64)
            .map(|m| super::format::money_compact(m, lang))
    };
    let is_money = unit.contains('元') || unit.contains("yuan");
    let (value, min, max, unit) = match (is_money, money(value), money(min)) {
        (true, Some(v), Some(lo)) => (v, lo, money(max).unwrap_or_else(|| max.clone()), ""),
        _ => (value.clone(), min.clone(), max.clone(), unit),
    };
    let max_s = if max == "∞" {
        String::new()
    } else {
        max.clone()
    };
    match (zh, max_s.is_empty()) {
        (true, false) => format!("{name} {value} 不在 {min}–{max_s}{unit} 之间"),
        (true, true) => format!("{name} {value} 不能小于 {min}{unit}"),
        (false, false) => {
            format!("{name} {value} is not between {min} and {max_s}{unit}")
        }
        (false, true) => format!("{name} {value} must be at least {min}{unit}"),
    }
}

/// What is wrong with a drawn outline or line (crossing, too few points, no area, repairs).
fn shape_problem(kind: &ErrorKind, name: &str, zh: bool) -> String {
    use ErrorKind as K;
    match kind {
        K::SelfIntersecting => {
            if zh {
                format!("{name}自相交(边线交叉或拐角重合)")
            } else {
                format!("the {name} crosses itself (edges cross or corners coincide)")
            }
        }
        K::TooFewPoints { min } => {
            if zh {
                format!("{name}至少需要 {min} 个点")
            } else {
                format!("the {name} needs at least {min} points")
            }
        }
        K::ZeroArea => {
            if zh {
                format!("{name}面积为零")
            } else {
                format!("the {name} encloses no area")
            }
        }
        K::ClosedRingFixed => {
            if zh {
                format!("{name}末尾重复了起点(闭合环),已去掉重复的点")
            } else {
                format!("the {name} repeated its first corner at the end (a closed ring); the repeat was dropped")
            }
        }
        K::RepeatedCornersFixed { removed } => {
            if zh {
                format!("{name}有 {removed} 个连续重复的点,已合并")
            } else {
                if *removed == 1 {
                    format!("the {name} had a corner written twice in a row; it was merged")
                } else {
                    format!(
                        "the {name} had {removed} corners written twice in a row; they were merged"
                    )
                }
            }
        }
        other => format!("{other:?}"),
    }
}

/// What breaks the plan's own rules (catalog, targets, prices, households, tallies).
fn plan_problem(kind: &ErrorKind, lang: Lang) -> String {
    use ErrorKind as K;
    let zh = lang == Lang::Zh;
    match kind {
        K::UnknownItem { id } => {
            if zh {
                format!("改造项目库中没有“{id}”")
            } else {
                format!("the catalog has no item \"{id}\"")
            }
        }
        K::WrongTarget { item, target } => {
            let (item, target) = (item_words(item, lang), target_words(target, lang));
            if zh {
                format!("“{item}”不能放在{target}上")
            } else {
                format!("{item} cannot be placed on {target}")
            }
        }
        K::MissingTarget { target } => {
            let target = target_words(target, lang);
            if zh {
                format!("找不到{target}")
            } else {
                format!("{target} does not exist")
            }
        }
        K::PriceOrder => {
            if zh {
                "单价应满足 低 ≤ 可能 ≤ 高,且不为负".into()
            } else {
                "prices must satisfy 0 ≤ low ≤ likely ≤ high".into()
            }
        }
        K::LineTooLarge { limit_yuan } => {
            let l = super::format::money_compact(super::money::Money::yuan(*limit_yuan), lang);
            if zh {
                format!("工程量 × 单价超过单项上限 {l},请检查单价或工程量")
            } else {
                format!("quantity × unit price is over the limit of {l} for one item; check the price or the quantity")
            }
        }
        K::HouseholdsAboveTop {
            floors,
            households,
            highest,
        } => {
            if zh {
                format!("共 {floors} 层,但有 {households} 户在更高的楼层(最高 {highest} 层)")
            } else {
                format!("has {floors} floors, but {households} households live higher up (up to floor {highest})")
            }
        }
        K::TallyOverHouseholds {
            answers,
            households,
        } => {
            if zh {
                format!("共 {answers} 份意见,多于有权表态的 {households} 户")
            } else {
                format!(
                    "{answers} answers, more than the {households} households entitled to answer"
                )
            }
        }
        other => format!("{other:?}"),
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_with_path(Lang::En))
    }
}

impl std::error::Error for PlanError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_household_error_names_the_flat_and_the_field_in_words_with_the_path_second() {
        let mut e = PlanError::new(
            "community.buildings[1].stairwells[0].households[3].area_m2",
            ErrorKind::OutOfRange {
                value: "0".into(),
                min: "0.01".into(),
                max: "100000".into(),
            },
        );
        e.place = vec![
            Named::Building("2号楼".into()),
            Named::Stairwell("1单元".into()),
            Named::Household("104".into()),
        ];
        assert_eq!(
            e.message(Lang::Zh),
            "2号楼 1单元 104室:面积 0 不在 0.01–100000 m² 之间"
        );
        assert_eq!(
            e.message(Lang::En),
            "Building 2 · Stairwell 1 · flat 104: area 0 is not between 0.01 and 100000 m²"
        );
        assert_eq!(
            e.message_with_path(Lang::Zh),
            "2号楼 1单元 104室:面积 0 不在 0.01–100000 m² 之间(位置:community.buildings[1].stairwells[0].households[3].area_m2)"
        );
        assert!(e
            .message_with_path(Lang::En)
            .ends_with(" (at community.buildings[1].stairwells[0].households[3].area_m2)"));
    }

    #[test]
    fn serde_texts_are_said_in_the_users_language() {
        let e = PlanError::new(
            "community.buildings[0].stairwells[0].households[0].area_m2",
            ErrorKind::WrongType {
                found: "string \"86.3\"".into(),
                expected: "f64".into(),
            },
        );
        let zh = e.message(Lang::Zh);
        assert_eq!(zh, "面积应为数字,文件里是文字 \"86.3\"");
        assert!(!zh.contains("invalid") && !zh.contains("expected"), "{zh}");
        assert_eq!(
            e.message(Lang::En),
            "area should be a number, the file has the text \"86.3\""
        );
    }
}
