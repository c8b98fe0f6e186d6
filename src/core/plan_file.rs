//! The plan file: versioned JSON (`schema_version`), the same format for export, autosave,
//! share links and the command line. Reading goes size → UTF-8 → JSON → version (migrating
//! older versions) → typed fields (with the path of the first bad field) → validation.

use super::error::{ErrorKind, Named, PlanError};
use super::extras::{self, RawStep};
use super::plan::Plan;
use super::validate::{repair, validate};
use serde::de::DeserializeSeed;
use serde_json::error::Category;
use serde_json::Value;
use std::cell::RefCell;

/// The version this build writes (defined with the plan it describes).
pub use super::plan::SCHEMA_VERSION;

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
    /// What the reader fixed (closed rings, doubled corners) and the fields it did not know
    /// (kept, and written back on export): to tell the user.
    pub notes: Vec<PlanError>,
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
    if plan.extras.is_empty() {
        return serde_json::to_string(plan).unwrap_or_default();
    }
    // With the fields this version did not know put back where they were.
    let mut v = serde_json::to_value(plan).unwrap_or(Value::Null);
    extras::insert(&mut v, &plan.extras);
    v.to_string()
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

/// Reads a plan file from text: JSON (an object with each key once) → version (migrating
/// older versions) → typed fields (the exact path of the first bad one; unknown fields kept
/// aside) → outlines normalised (closed rings and doubled corners, reported as fixed) →
/// validation. Every message names the thing as people call it.
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
    let mut value = parse_value(text)?;
    let version = match value.get("schema_version").filter(|v| !v.is_null()) {
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
    if version < SCHEMA_VERSION {
        value = migrate(value, version)?;
    }
    let mut unknown: Vec<Vec<RawStep>> = Vec::new();
    let typed: Result<Plan, _> = {
        let mut note = |p: serde_ignored::Path<'_>| unknown.push(extras::raw_path(&p));
        let de = serde_ignored::Deserializer::new(&value, &mut note);
        serde_path_to_error::deserialize(de)
    };
    let mut plan = match typed {
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
        Err(e) => {
            let mut err = from_serde(&e);
            annotate(std::slice::from_mut(&mut err), &value);
            return Err(LoadError::one(err));
        }
    };
    plan.schema_version = SCHEMA_VERSION;
    plan.extras = extras::collect(&value, &unknown);
    let mut notes: Vec<PlanError> = unknown
        .iter()
        .map(|raw| PlanError::new(extras::path_text(raw), ErrorKind::UnknownField))
        .collect();
    notes.extend(normalise(&mut plan));
    annotate(&mut notes, &value);
    let mut errors = validate(&plan);
    annotate(&mut errors, &value);
    let loaded = |plan| Loaded {
        plan,
        from_version: version,
        read_only,
        notes: notes.clone(),
    };
    if errors.is_empty() {
        Ok(loaded(plan))
    } else {
        let valid_rest = repair(&plan).map(|(p, _)| Box::new(loaded(p)));
        Err(LoadError { errors, valid_rest })
    }
}

/// JSON text to a value, refusing an object with the same key twice (which JSON readers
/// settle differently: serde_json keeps the last, others the first): the key is named.
fn parse_value(text: &str) -> Result<Value, LoadError> {
    let dup = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = Checked {
        path: String::new(),
        dup: &dup,
    };
    let result = seed.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    match result {
        Ok(v) => Ok(v),
        Err(e) => {
            if let Some((path, key)) = dup.into_inner() {
                let mut e = PlanError::new(path, ErrorKind::DuplicateKey { key });
                // Named from the text as a plain reader sees it (the last of the two wins).
                if let Ok(v) = serde_json::from_str::<Value>(text) {
                    annotate(std::slice::from_mut(&mut e), &v);
                }
                return Err(LoadError::one(e));
            }
            let offset = byte_offset(text, e.line(), e.column());
            // A number too large for any field (1e999).
            let huge = e.to_string().starts_with("number out of range");
            Err(LoadError::one(match e.classify() {
                Category::Data | Category::Syntax if huge => {
                    PlanError::new(json_path_at(text, offset).path, ErrorKind::NotFinite)
                }
                _ => PlanError::new(
                    "",
                    ErrorKind::NotJson {
                        line: e.line(),
                        column: e.column(),
                    },
                ),
            }))
        }
    }
}

/// Builds a JSON value while noting the path of the first key written twice.
struct Checked<'a> {
    path: String,
    dup: &'a RefCell<Option<(String, String)>>,
}

impl<'de> serde::de::DeserializeSeed<'de> for Checked<'_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Checked<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        loop {
            let child = Checked {
                path: format!("{}[{}]", self.path, out.len()),
                dup: self.dup,
            };
            match seq.next_element_seed(child)? {
                Some(v) => out.push(v),
                None => return Ok(Value::Array(out)),
            }
        }
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                *self.dup.borrow_mut() = Some((self.path.clone(), key));
                return Err(serde::de::Error::custom("duplicate key"));
            }
            let path = if self.path.is_empty() {
                key.clone()
            } else {
                format!("{}.{key}", self.path)
            };
            let v = map.next_value_seed(Checked {
                path,
                dup: self.dup,
            })?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// Outlines as CAD and GIS tools write them, made simple: a last corner that repeats the
/// first (a closed ring) is dropped, and corners written twice in a row are merged (also in
/// pipe runs). Each change is reported, so the user knows the file was fixed.
pub fn normalise(plan: &mut Plan) -> Vec<PlanError> {
    let mut notes = Vec::new();
    let mut fix = |path: String, pts: &mut Vec<super::geometry::Pt>, closed: bool| {
        let (plain, merged, ring) = super::geometry::normalise_points(pts, closed);
        if merged > 0 {
            notes.push(PlanError::new(
                path.clone(),
                ErrorKind::RepeatedCornersFixed { removed: merged },
            ));
        }
        if ring {
            notes.push(PlanError::new(path, ErrorKind::ClosedRingFixed));
        }
        *pts = plain;
    };
    let c = &mut plan.community;
    for (i, b) in c.buildings.iter_mut().enumerate() {
        fix(
            format!("community.buildings[{i}].footprint"),
            &mut b.footprint,
            true,
        );
    }
    for (i, a) in c.areas.iter_mut().enumerate() {
        fix(
            format!("community.areas[{i}].polygon"),
            &mut a.polygon,
            true,
        );
    }
    for (i, p) in c.pipes.iter_mut().enumerate() {
        fix(format!("community.pipes[{i}].path"), &mut p.path, false);
    }
    notes
}

/// The things on the way to each error's field, as people name them, read from the file's
/// `value` (buildings, stairwells and areas by name, households by room, scenarios by name,
/// placed items by their catalog item).
pub fn annotate(errors: &mut [PlanError], value: &Value) {
    for e in errors {
        e.place = place_of(value, &e.path);
    }
}

fn place_of(value: &Value, path: &str) -> Vec<Named> {
    let steps = parse_path(path);
    let mut out = Vec::new();
    let mut cur = value;
    let mut parent_key: Option<&str> = None;
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    for (n, step) in steps.iter().enumerate() {
        match step {
            RawStep::Key(k) => {
                if n == 0 {
                    match k.as_str() {
                        "community" => {
                            if steps.len() <= 2 {
                                out.push(Named::Community);
                            }
                        }
                        "scenarios" | "schema_version" | "current_scenario" => {}
                        // A top-level field alone is named by the field itself.
                        _ if steps.len() == 1 => {}
                        other => out.push(Named::Settings(other.to_string())),
                    }
                }
                if parent_key == Some("prices") {
                    out.push(Named::CatalogItem(k.clone()));
                }
                match cur.get(k.as_str()) {
                    Some(v) => cur = v,
                    None => break,
                }
                parent_key = Some(k.as_str());
            }
            RawStep::Index(i) => {
                let Some(v) = cur.get(*i) else { break };
                match parent_key {
                    Some("buildings") => out.push(Named::Building(text(v, "name"))),
                    Some("stairwells") => out.push(Named::Stairwell(text(v, "name"))),
                    Some("households") => out.push(Named::Household(text(v, "room"))),
                    Some("areas") => out.push(Named::Area(text(v, "name"))),
                    Some("pipes") => out.push(Named::Pipe(text(v, "name"))),
                    Some("points") => out.push(Named::Point(text(v, "name"))),
                    Some("scenarios") => out.push(Named::Scenario(text(v, "name"))),
                    Some("items") => out.push(Named::Item(text(v, "item"))),
                    Some("custom") => out.push(Named::CatalogItem(text(v, "id"))),
                    _ => {}
                }
                cur = v;
                parent_key = None;
            }
        }
    }
    out.retain(|n| !matches!(n, Named::Building(s) | Named::Stairwell(s) | Named::Household(s) | Named::Scenario(s) | Named::Item(s) | Named::CatalogItem(s) if s.is_empty()));
    out
}

/// `community.buildings[1].floors` → keys and positions.
fn parse_path(path: &str) -> Vec<RawStep> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut it = part.split('[');
        if let Some(k) = it.next().filter(|k| !k.is_empty()) {
            out.push(RawStep::Key(k.to_string()));
        }
        for idx in it {
            if let Ok(i) = idx.trim_end_matches(']').parse() {
                out.push(RawStep::Index(i));
            }
        }
    }
    out
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

/// Turns a typed-read error into a [`PlanError`] at its exact path, with serde's words kept
/// as data (found and expected types, allowed values) for messages in either language.
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
        return PlanError::new(
            join(&between_ticks(&msg).unwrap_or_default()),
            ErrorKind::Missing,
        );
    }
    if msg.starts_with("duplicate field") {
        let key = between_ticks(&msg).unwrap_or_default();
        return PlanError::new(path, ErrorKind::DuplicateKey { key });
    }
    // Our own range errors (amounts, areas): "amount 1e20 yuan is out of range …".
    for (prefix, min, max) in [
        (
            "amount ",
            format!("-{}", super::money::MAX_YUAN),
            super::money::MAX_YUAN.to_string(),
        ),
        (
            "area ",
            "0".to_string(),
            super::money::MAX_AREA_M2.to_string(),
        ),
    ] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            let value = rest.split_whitespace().next().unwrap_or("").to_string();
            return PlanError::new(path, ErrorKind::OutOfRange { value, min, max });
        }
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let found = between_ticks(rest).unwrap_or_default();
        let allowed = rest
            .split_once("expected ")
            .map(|(_, list)| {
                list.split('`')
                    .enumerate()
                    .filter(|(i, _)| i % 2 == 1)
                    .map(|(_, w)| w.to_string())
                    .collect()
            })
            .unwrap_or_default();
        return PlanError::new(path, ErrorKind::UnknownValue { found, allowed });
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return PlanError::new(
            path,
            ErrorKind::WrongType {
                found: found.to_string(),
                expected: expected.to_string(),
            },
        );
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
