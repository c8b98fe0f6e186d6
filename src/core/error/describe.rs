//! The words of an error message: what is wrong, said in the user's language, with the
//! field's name and unit, serde's type names in plain words, and money written as money.

use super::kind::ErrorKind;
use super::words::{item_words, target_words};
use crate::core::lang::Lang;

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
pub(super) fn describe(
    kind: &ErrorKind,
    field: Option<&(String, &'static str)>,
    lang: Lang,
) -> String {
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
            .and_then(crate::core::money::Money::from_yuan_f64)
            .map(|m| crate::core::format::money_compact(m, lang))
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
            let l = crate::core::format::money_compact(
                crate::core::money::Money::yuan(*limit_yuan),
                lang,
            );
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
