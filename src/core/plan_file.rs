//! The plan file: versioned JSON (`schema_version`), the same format for export, autosave,
//! share links and the command line. Reading goes size → UTF-8 → JSON → version (migrating
//! older versions) → typed fields (with the path of the first bad field) → validation.

use super::error::{ErrorKind, PlanError};
use super::model::Plan;
use super::validate::{repair, validate};
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
    pub valid_rest: Option<Loaded>,
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
    // Serialising plain data with string keys cannot fail.
    let value = serde_json::to_value(plan).unwrap_or(Value::Null);
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
    let value: Value = serde_json::from_str(text).map_err(|e| {
        LoadError::one(PlanError::new(
            "",
            ErrorKind::NotJson {
                line: e.line(),
                column: e.column(),
            },
        ))
    })?;
    let Value::Object(obj) = &value else {
        return Err(LoadError::one(PlanError::new("", ErrorKind::NotAnObject)));
    };
    let version = match obj.get("schema_version") {
        None => return Err(LoadError::one(PlanError::new("schema_version", ErrorKind::MissingVersion))),
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
    let value = if read_only {
        value
    } else {
        migrate(value, version)?
    };
    let plan: Plan = match serde_path_to_error::deserialize(value) {
        Ok(p) => p,
        Err(e) => {
            if read_only {
                return Err(LoadError::one(PlanError::new(
                    "schema_version",
                    ErrorKind::NewerVersion {
                        found: version,
                        supported: SCHEMA_VERSION,
                    },
                )));
            }
            return Err(LoadError::one(from_serde(&e)));
        }
    };
    let mut plan = plan;
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
        let valid_rest = repair(&plan).map(|(p, _)| loaded(p));
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

/// Turns a serde error with its path into a [`PlanError`].
fn from_serde(e: &serde_path_to_error::Error<serde_json::Error>) -> PlanError {
    let path = e.path().to_string();
    let path = if path == "." { String::new() } else { path };
    let msg = e.inner().to_string();
    let join = |field: &str| {
        if path.is_empty() {
            field.to_string()
        } else {
            format!("{path}.{field}")
        }
    };
    let between_ticks = |s: &str| -> Option<String> {
        let a = s.find('`')?;
        let b = s[a + 1..].find('`')?;
        Some(s[a + 1..a + 1 + b].to_string())
    };
    if msg.starts_with("missing field") {
        let field = between_ticks(&msg).unwrap_or_default();
        return PlanError::new(join(&field), ErrorKind::Missing);
    }
    if msg.starts_with("unknown field") {
        // serde_path_to_error already put the unknown field on the path.
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
