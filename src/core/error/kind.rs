//! What can be wrong ([`ErrorKind`]) and the things of a plan as people name them
//! ([`Named`]), for messages.

use serde::Serialize;

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
