//! The plan file: versioned JSON (`schema_version`), the same format for export, autosave,
//! share links and the command line. Reading goes size → UTF-8 → JSON → version (migrating
//! older versions) → typed fields (with the path of the first bad field) → validation.

use super::error::{ErrorKind, PlanError};
use super::model::Plan;
use super::money::{Area, Money};
use super::validate::{repair, validate};
use serde_json::error::Category;
use serde_json::Value;

/// The version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Every version that ever shipped, oldest first; each has a fixture in `tests/fixtures`.
pub const SHIPPED_VERSIONS: [u32; 1] = [1];

/// The largest plan file accepted, bytes (a 160-household community with 20 scenarios is
/// about 200 KB).
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// A plan read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The plan, at [`SCHEMA_VERSION`].
    pub plan: Plan,
    /// The version the file had.
    pub from_version: u32,
    /// True when the file came from a newer planner: show it, never overwrite it.
    pub read_only: bool,
}

/// Why a file could not be read, and what could be kept.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// Every problem found (at least one).
    pub errors: Vec<PlanError>,
    /// The valid rest of the plan, when the problems are in parts that can be dropped
    /// (placements, votes, site features, catalog edits).
    pub valid_rest: Option<Box<Loaded>>,
}

impl LoadError {
    fn one(e: PlanError) -> Self {
        LoadError {
            errors: vec![e],
            valid_rest: None,
        }
    }
}

/// Serialises a plan as readable JSON: objects one field a line, arrays of numbers (points,
/// outlines) on one line, so a file stays small and diffs well.
pub fn to_json(plan: &Plan) -> String {
    // Through the compact text, so that the plan's serialiser exists once in the bundle.
    let value: Value = serde_json::from_str(&to_json_compact(plan)).unwrap_or(Value::Null);
    let mut out = String::with_capacity(64 * 1024);
    write_pretty(&value, 0, &mut out);
    out.push('\n');
    out
}

/// True for a value that prints on one line: a scalar, or an array of such values.
fn is_flat(v: &Value) -> bool {
    match v {
        Value::Object(o) => o.is_empty(),
        Value::Array(a) => a.iter().all(is_flat),
        _ => true,
    }
}

fn write_pretty(v: &Value, depth: usize, out: &mut String) {
    let pad = |d: usize, out: &mut String| out.extend(std::iter::repeat_n("  ", d));
    match v {
        Value::Object(o) if !o.is_empty() => {
            out.push_str("{\n");
            for (i, (k, x)) in o.iter().enumerate() {
                pad(depth + 1, out);
                out.push_str(&Value::String(k.clone()).to_string());
                out.push_str(": ");
                write_pretty(x, depth + 1, out);
                out.push_str(if i + 1 < o.len() { ",\n" } else { "\n" });
            }
            pad(depth, out);
            out.push('}');
        }
        Value::Array(a) if !is_flat(v) => {
            out.push_str("[\n");
            for (i, x) in a.iter().enumerate() {
                pad(depth + 1, out);
                write_pretty(x, depth + 1, out);
                out.push_str(if i + 1 < a.len() { ",\n" } else { "\n" });
            }
            pad(depth, out);
            out.push(']');
        }
        flat => out.push_str(&flat.to_string()),
    }
}

/// Serialises a plan as compact JSON (share links, autosave).
pub fn to_json_compact(plan: &Plan) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(plan).unwrap_or_default()
}

/// Reads a plan file from its bytes.
pub fn load(bytes: &[u8]) -> Result<Loaded, LoadError> {
    if bytes.len() > MAX_BYTES {
        return Err(LoadError::one(PlanError::new(
            "",
            ErrorKind::TooLarge {
                bytes: bytes.len(),
                limit: MAX_BYTES,
            },
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        LoadError::one(PlanError::new(
            "",
            ErrorKind::NotUtf8 {
                offset: e.valid_up_to(),
            },
        ))
    })?;
    // A UTF-8 byte-order mark (Windows editors) is not an error.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    load_str(text)
}

/// The first thing read from any file: just its version (every other field is skipped).
#[derive(serde::Deserialize)]
struct Header {
    schema_version: Option<Value>,
}

/// Reads a plan file from text.
pub fn load_str(text: &str) -> Result<Loaded, LoadError> {
    if text.len() > MAX_BYTES {
        return Err(LoadError::one(PlanError::new(
            "",
            ErrorKind::TooLarge {
                bytes: text.len(),
                limit: MAX_BYTES,
            },
        )));
    }
    if !text.trim_start().starts_with('{') {
        return Err(LoadError::one(PlanError::new(
            "",
            match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                Ok(_) => ErrorKind::NotAnObject,
                Err(e) => ErrorKind::NotJson {
                    line: e.line(),
                    column: e.column(),
                },
            },
        )));
    }
    let header: Header = serde_json::from_str(text).map_err(|e| {
        LoadError::one(PlanError::new(
            "",
            match e.classify() {
                Category::Data => ErrorKind::NotAnObject,
                _ => ErrorKind::NotJson {
                    line: e.line(),
                    column: e.column(),
                },
            },
        ))
    })?;
    let version = match header.schema_version {
        None => {
            return Err(LoadError::one(PlanError::new(
                "schema_version",
                ErrorKind::MissingVersion,
            )))
        }
        Some(v) => match v.as_u64() {
            Some(n) if (1..=u64::from(u32::MAX)).contains(&n) => n as u32,
            _ => {
                return Err(LoadError::one(PlanError::new(
                    "schema_version",
                    ErrorKind::UnknownVersion {
                        found: v.to_string(),
                    },
                )))
            }
        },
    };
    let read_only = version > SCHEMA_VERSION;
    let migrated;
    let text = if version < SCHEMA_VERSION {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            LoadError::one(PlanError::new(
                "",
                ErrorKind::NotJson {
                    line: e.line(),
                    column: e.column(),
                },
            ))
        })?;
        migrated = migrate(value, version)?.to_string();
        migrated.as_str()
    } else {
        text
    };
    let mut plan: Plan = match serde_json::from_str(text) {
        Ok(p) => p,
        Err(_) if read_only => {
            return Err(LoadError::one(PlanError::new(
                "schema_version",
                ErrorKind::NewerVersion {
                    found: version,
                    supported: SCHEMA_VERSION,
                },
            )))
        }
        Err(e) => return Err(LoadError::one(from_serde(text, &e))),
    };
    plan.schema_version = SCHEMA_VERSION;
    let errors = validate(&plan);
    let loaded = |plan| Loaded {
        plan,
        from_version: version,
        read_only,
    };
    if errors.is_empty() {
        Ok(loaded(plan))
    } else {
        let valid_rest = repair(&plan).map(|(p, _)| Box::new(loaded(p)));
        Err(LoadError { errors, valid_rest })
    }
}

/// Brings an older file's JSON up to [`SCHEMA_VERSION`]. Each shipped version older than the
/// current one gets a step here (`1 => v1_to_v2(v)`), applied in turn. Version 1 is the first
/// that shipped, so there is no step yet; versions that never shipped are refused.
fn migrate(mut v: Value, from: u32) -> Result<Value, LoadError> {
    if !SHIPPED_VERSIONS.contains(&from) {
        return Err(LoadError::one(PlanError::new(
            "schema_version",
            ErrorKind::UnknownVersion {
                found: from.to_string(),
            },
        )));
    }
    if let Value::Object(o) = &mut v {
        o.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    }
    Ok(v)
}

/// Turns a serde error into a [`PlanError`] whose path is found from the error's position in
/// the text (see [`json_path_at`]).
fn from_serde(text: &str, e: &serde_json::Error) -> PlanError {
    let full = e.to_string();
    // serde_json appends " at line L column C"; the position is used for the path instead.
    let msg = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m)
        .to_string();
    let offset = byte_offset(text, e.line(), e.column());
    let at = json_path_at(text, offset);
    let join = |base: &str, field: &str| {
        if base.is_empty() {
            field.to_string()
        } else {
            format!("{base}.{field}")
        }
    };
    let between_ticks = |s: &str| -> Option<String> {
        let a = s.find('`')?;
        let b = s[a + 1..].find('`')?;
        Some(s[a + 1..a + 1 + b].to_string())
    };
    if msg.starts_with("missing field") {
        let field = between_ticks(&msg).unwrap_or_default();
        let base = at.closed.map_or(at.path, |c| c.0);
        return PlanError::new(join(&base, &field), ErrorKind::Missing);
    }
    // Our own range errors (amounts, areas) are reported by serde_json after the object that
    // holds the field; find the field in that object by testing its numbers.
    if let Some((base, start)) = &at.closed {
        let bad_number = |v: f64| {
            (msg.starts_with("amount ") && Money::from_yuan_f64(v).is_none())
                || (msg.starts_with("area ") && Area::from_m2(v).is_none())
        };
        if let Ok(Value::Object(o)) = serde_json::from_str::<Value>(&text[*start..offset]) {
            if let Some(key) = o
                .iter()
                .find(|(_, v)| v.as_f64().is_some_and(bad_number))
                .map(|(k, _)| k)
            {
                let value = o[key].to_string();
                let (min, max) = if msg.starts_with("area ") {
                    ("0".to_string(), super::money::MAX_AREA_M2.to_string())
                } else {
                    let m = super::money::MAX_YUAN;
                    (format!("-{m}"), m.to_string())
                };
                return PlanError::new(join(base, key), ErrorKind::OutOfRange { value, min, max });
            }
        }
    }
    let path = at.path;
    if msg == "number out of range" {
        return PlanError::new(path, ErrorKind::NotFinite);
    }
    if msg.starts_with("unknown field") {
        return PlanError::new(path, ErrorKind::UnknownField);
    }
    if msg.starts_with("unknown variant") {
        return PlanError::new(path, ErrorKind::UnknownValue { detail: msg });
    }
    if msg.starts_with("invalid type") {
        return PlanError::new(path, ErrorKind::WrongType { detail: msg });
    }
    if msg.starts_with("invalid value: integer") {
        let value = between_ticks(&msg).unwrap_or_default();
        let (min, max) = match msg.rsplit("expected ").next().unwrap_or("") {
            "u8" => ("0", "255"),
            "u16" => ("0", "65535"),
            "u32" => ("0", "4294967295"),
            _ => ("?", "?"),
        };
        return PlanError::new(
            path,
            ErrorKind::OutOfRange {
                value,
                min: min.into(),
                max: max.into(),
            },
        );
    }
    PlanError::new(path, ErrorKind::Invalid { detail: msg })
}

/// The byte offset of serde_json's (1-based line, byte column).
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column).min(text.len())
}

/// Where a byte offset is in a JSON text.
#[derive(Debug, PartialEq, Eq)]
pub struct JsonPlace {
    /// Path of the innermost value being read there, e.g. `community.buildings[2].floors`.
    pub path: String,
    /// When the text just before the offset closed an object or array: that container's path
    /// and the byte offset where it starts.
    pub closed: Option<(String, usize)>,
}

enum Frame {
    /// In an object (starting at this byte); the key being read or whose value is being read.
    Object(usize, Option<String>),
    /// In an array, at this index.
    Array(usize),
}

fn path_of(stack: &[Frame]) -> String {
    let mut p = String::new();
    for f in stack {
        match f {
            Frame::Object(_, Some(k)) => {
                if !p.is_empty() {
                    p.push('.');
                }
                p.push_str(k);
            }
            Frame::Object(_, None) => {}
            Frame::Array(i) => {
                p.push_str(&format!("[{i}]"));
            }
        }
    }
    p
}

/// The JSON path of the value at byte `offset` of `text` (which is syntactically valid up to
/// there): a small scanner that tracks object keys and array indices. Used to name the field
/// of a type error reported by position.
pub fn json_path_at(text: &str, offset: usize) -> JsonPlace {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    // In an object: true while the next string is a key.
    let mut expect_key = false;
    let mut closed = None;
    let mut i = 0;
    while i < end {
        let c = bytes[i];
        if !c.is_ascii_whitespace() {
            closed = None;
        }
        match c {
            b'{' => {
                stack.push(Frame::Object(i, None));
                expect_key = true;
            }
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                let start = match stack.pop() {
                    Some(Frame::Object(start, _)) => start,
                    _ => i,
                };
                closed = Some((path_of(&stack), start));
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(..)) => expect_key = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if expect_key {
                    let raw = &text[start..j.min(text.len())];
                    let key = serde_json::from_str::<String>(&format!("\"{raw}\""))
                        .unwrap_or_else(|_| raw.to_string());
                    if let Some(Frame::Object(_, k)) = stack.last_mut() {
                        *k = Some(key);
                    }
                    expect_key = false;
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    JsonPlace {
        path: path_of(&stack),
        closed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_path_at_finds_keys_and_indices() {
        let t = r#"{"a": {"b": [10, {"c": "x\"y", "d": 5}]}, "e": 1}"#;
        let at = |needle: &str| json_path_at(t, t.find(needle).unwrap() + needle.len()).path;
        assert_eq!(at("[10"), "a.b[0]");
        assert_eq!(at(r#""d": 5"#), "a.b[1].d");
        assert_eq!(at(r#""c": "x"#), "a.b[1].c");
        assert_eq!(at(r#""e": 1"#), "e");
        let closed = json_path_at(t, t.find("5}").unwrap() + 2);
        assert_eq!(closed.closed.map(|c| c.0).as_deref(), Some("a.b[1]"));
    }
}
