//! Errors in a plan or a plan file: each names the field (a JSON path such as
//! `community.buildings[2].floors`) and what is wrong, with a message in the user's language.

use super::format::Lang;
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
        /// serde's description, e.g. `invalid type: string "六", expected u8`.
        detail: String,
    },
    /// A field this version does not know.
    UnknownField,
    /// A value is not one of the allowed words.
    UnknownValue {
        /// serde's description.
        detail: String,
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
    /// Anything else serde reports.
    Invalid {
        /// Its description.
        detail: String,
    },
}

/// An error at a place in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanError {
    /// JSON path of the field, e.g. `community.buildings[2].floors`; empty for the whole file.
    pub path: String,
    /// What is wrong.
    #[serde(flatten)]
    pub kind: ErrorKind,
}

impl PlanError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        PlanError {
            path: path.into(),
            kind,
        }
    }

    /// The message for people, in `lang`, naming the field.
    pub fn message(&self, lang: Lang) -> String {
        let what = describe(&self.kind, lang);
        if self.path.is_empty() {
            what
        } else {
            match lang {
                Lang::Zh => format!("{}:{}", self.path, what),
                Lang::En => format!("{}: {}", self.path, what),
            }
        }
    }
}

fn describe(kind: &ErrorKind, lang: Lang) -> String {
    use ErrorKind as K;
    let zh = lang == Lang::Zh;
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
        K::Missing => {
            if zh {
                "缺少此项".into()
            } else {
                "missing".into()
            }
        }
        K::WrongType { detail } => {
            if zh {
                format!("类型不对({detail})")
            } else {
                format!("wrong type ({detail})")
            }
        }
        K::UnknownField => {
            if zh {
                "无法识别的字段".into()
            } else {
                "unknown field".into()
            }
        }
        K::UnknownValue { detail } => {
            if zh {
                format!("取值无法识别({detail})")
            } else {
                format!("unknown value ({detail})")
            }
        }
        K::OutOfRange { value, min, max } => {
            if zh {
                format!("数值 {value} 超出范围({min} 至 {max})")
            } else {
                format!("{value} is out of range ({min} to {max})")
            }
        }
        K::Empty => {
            if zh {
                "不能为空".into()
            } else {
                "must not be empty".into()
            }
        }
        K::Duplicate { id } => {
            if zh {
                format!("编号 {id} 重复")
            } else {
                format!("id {id} is used twice")
            }
        }
        K::SelfIntersecting => {
            if zh {
                "轮廓线自相交".into()
            } else {
                "the outline crosses itself".into()
            }
        }
        K::TooFewPoints { min } => {
            if zh {
                format!("至少需要 {min} 个点")
            } else {
                format!("needs at least {min} points")
            }
        }
        K::NotFinite => {
            if zh {
                "不是可用的数字(过大或无穷大)".into()
            } else {
                "not a usable number (too large or infinite)".into()
            }
        }
        K::ZeroArea => {
            if zh {
                "轮廓面积为零".into()
            } else {
                "the outline encloses no area".into()
            }
        }
        K::UnknownItem { id } => {
            if zh {
                format!("改造项目库中没有“{id}”")
            } else {
                format!("the catalog has no item \"{id}\"")
            }
        }
        K::WrongTarget { item, target } => {
            if zh {
                format!("“{item}”不能放在 {target} 上")
            } else {
                format!("\"{item}\" cannot be placed on {target}")
            }
        }
        K::MissingTarget { target } => {
            if zh {
                format!("找不到 {target}")
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
        K::Invalid { detail } => {
            if zh {
                format!("无效({detail})")
            } else {
                format!("invalid ({detail})")
            }
        }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PlanError {}
