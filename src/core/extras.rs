//! Forward-tolerant plan files: fields this version does not know (written by a newer planner,
//! or by a tool that adds its own notes) are kept aside when a file is read, listed for the
//! user, and written back where they were when the plan is saved or exported, so that opening
//! and saving a file never loses what someone else put in it.
//!
//! Where a field sits is remembered by the keys of the objects on the way and, in lists of
//! things with an `id` (buildings, stairwells, households, placements, …), by that id rather
//! than the position, so a field stays with its building when an earlier building is deleted.
//! A field whose thing was deleted goes with it.

use serde_json::Value;

/// One step on the way to a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The value of this key of an object.
    Key(String),
    /// The element at this position of a list.
    Index(usize),
    /// The element of a list whose `id` is this.
    Id(u64),
}

/// A field this version does not know: where it was, its key, its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Extra {
    /// The object that holds it.
    pub at: Vec<Step>,
    /// Its key.
    pub key: String,
    /// Its value, as written.
    pub value: Value,
}

/// The unknown fields of a plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extras(pub Vec<Extra>);

impl Extras {
    /// True when the file had no unknown field.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A path of keys and positions as the reader reports it (`community`, `buildings`, 2, `color`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawStep {
    /// An object's key.
    Key(String),
    /// A list's position.
    Index(usize),
}

/// The path of an ignored field as `serde_ignored` reports it.
pub fn raw_path(p: &serde_ignored::Path<'_>) -> Vec<RawStep> {
    let mut out = Vec::new();
    let mut cur = p;
    loop {
        match cur {
            serde_ignored::Path::Root => break,
            serde_ignored::Path::Seq { parent, index } => {
                out.push(RawStep::Index(*index));
                cur = parent;
            }
            serde_ignored::Path::Map { parent, key } => {
                out.push(RawStep::Key(key.clone()));
                cur = parent;
            }
            serde_ignored::Path::Some { parent }
            | serde_ignored::Path::NewtypeStruct { parent }
            | serde_ignored::Path::NewtypeVariant { parent } => cur = parent,
        }
    }
    out.reverse();
    out
}

/// The path in the file's notation: `community.buildings[2].color`.
pub fn path_text(raw: &[RawStep]) -> String {
    let mut s = String::new();
    for step in raw {
        match step {
            RawStep::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            RawStep::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

fn id_of(v: &Value) -> Option<u64> {
    v.as_object()?.get("id")?.as_u64()
}

/// Takes the unknown fields at `paths` out of the file's `value`, anchored by ids.
pub fn collect(value: &Value, paths: &[Vec<RawStep>]) -> Extras {
    let mut out = Vec::new();
    for raw in paths {
        let Some((RawStep::Key(key), parents)) = raw.split_last() else {
            continue;
        };
        let mut at = Vec::new();
        let mut cur = value;
        let mut ok = true;
        for step in parents {
            match (step, cur) {
                (RawStep::Key(k), Value::Object(o)) => match o.get(k) {
                    Some(v) => {
                        at.push(Step::Key(k.clone()));
                        cur = v;
                    }
                    None => ok = false,
                },
                (RawStep::Index(i), Value::Array(a)) => match a.get(*i) {
                    Some(v) => {
                        at.push(id_of(v).map_or(Step::Index(*i), Step::Id));
                        cur = v;
                    }
                    None => ok = false,
                },
                _ => ok = false,
            }
            if !ok {
                break;
            }
        }
        if let (true, Some(v)) = (ok, cur.as_object().and_then(|o| o.get(key))) {
            out.push(Extra {
                at,
                key: key.clone(),
                value: v.clone(),
            });
        }
    }
    // In one order, whatever order the file had them in, so a plan equals itself read back.
    crate::core::sort::sort_by_key(&mut out, &|e: &Extra| format!("{:?}/{}", e.at, e.key));
    Extras(out)
}

/// Puts the unknown fields back into a plan's serialised `value` (a field whose thing no
/// longer exists is dropped; a key the plan now writes itself is left as the plan has it).
pub fn insert(value: &mut Value, extras: &Extras) {
    for e in &extras.0 {
        if let Some(Value::Object(o)) = walk(value, &e.at) {
            o.entry(e.key.clone()).or_insert_with(|| e.value.clone());
        }
    }
}

/// The value at `at`, if it is still there.
fn walk<'a>(value: &'a mut Value, at: &[Step]) -> Option<&'a mut Value> {
    let Some((step, rest)) = at.split_first() else {
        return Some(value);
    };
    let next = match (step, value) {
        (Step::Key(k), Value::Object(o)) => o.get_mut(k),
        (Step::Index(i), Value::Array(a)) => a.get_mut(*i),
        (Step::Id(id), Value::Array(a)) => a.iter_mut().find(|v| id_of(v) == Some(*id)),
        _ => None,
    }?;
    walk(next, rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_fields_follow_their_thing_by_id() {
        let file = json!({"a": 1, "things": [{"id": 7, "x": 1, "color": "red"}, {"id": 9, "note": {"k": [1, 2]}}], "top": true});
        let paths = vec![
            vec![
                RawStep::Key("things".into()),
                RawStep::Index(0),
                RawStep::Key("color".into()),
            ],
            vec![
                RawStep::Key("things".into()),
                RawStep::Index(1),
                RawStep::Key("note".into()),
            ],
            vec![RawStep::Key("top".into())],
        ];
        assert_eq!(path_text(&paths[0]), "things[0].color");
        let extras = collect(&file, &paths);
        assert_eq!(extras.0.len(), 3);
        assert!(extras
            .0
            .iter()
            .any(|e| e.key == "color" && e.at == vec![Step::Key("things".into()), Step::Id(7)]));
        // Written back: the first thing was deleted, the second moved to the front.
        let mut out = json!({"a": 1, "things": [{"id": 9}]});
        insert(&mut out, &extras);
        assert_eq!(
            out,
            json!({"a": 1, "things": [{"id": 9, "note": {"k": [1, 2]}}], "top": true})
        );
    }
}
