//! Saved projects in a key-value store (the browser's `localStorage` in the app, a map in
//! tests): a project list, one record per project with a revision number, and the last open
//! project. Every write is read back; a save whose base revision is not the stored one is a
//! conflict (another tab saved in between) and writes nothing, so no work is silently
//! overwritten.

use super::plan::Plan;
use super::plan_file::{load_str, to_json_compact, LoadError};
use serde::{Deserialize, Serialize};

/// Why a write failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// The store is full (quota exceeded).
    Full,
    /// The store refused for another reason (blocked, private mode…).
    Failed(String),
}

/// A key-value store of strings.
pub trait Kv {
    /// The value of `key`.
    fn get(&self, key: &str) -> Option<String>;
    /// Sets `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError>;
    /// Removes `key`.
    fn remove(&mut self, key: &str);
}

/// An in-memory store with an optional size limit (for tests).
#[derive(Debug, Clone, Default)]
pub struct MemoryKv {
    /// The entries.
    pub map: std::collections::BTreeMap<String, String>,
    /// Refuse writes that would make the total larger than this many bytes.
    pub limit: Option<usize>,
}

impl Kv for MemoryKv {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        if let Some(limit) = self.limit {
            let others: usize = self
                .map
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > limit {
                return Err(WriteError::Full);
            }
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }
}

const INDEX: &str = "rp.projects";
const CURRENT: &str = "rp.current";

fn record_key(id: &str) -> String {
    format!("rp.project.{id}")
}

/// A project in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectMeta {
    /// Stable id.
    pub id: String,
    /// Shown name (the community's name when saved).
    pub name: String,
    /// Last save, milliseconds since 1970.
    pub saved_at_ms: u64,
    /// Revision of the last save.
    pub rev: u64,
}

/// What the app reopens: the project and its scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Current {
    /// Project id.
    pub project: String,
    /// Scenario id shown.
    pub scenario: u32,
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Another tab saved revision `stored` after ours (`base`).
    Conflict {
        /// The revision we started from.
        base: u64,
        /// The revision in the store.
        stored: u64,
    },
    /// The store is full.
    Full,
    /// The write failed or did not read back the same.
    Failed(String),
    /// The plan would not read back from its own file (a defect of the planner): nothing was
    /// written, and the last good copy stays as it was.
    Unreadable(Box<LoadError>),
}

/// Why a project could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    /// No such project.
    Missing,
    /// The stored text is damaged or from a newer version.
    Invalid(Box<LoadError>),
}

/// The project list (empty when absent or unreadable).
pub fn list(kv: &impl Kv) -> Vec<ProjectMeta> {
    kv.get(INDEX)
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

fn write_index(kv: &mut impl Kv, metas: &[ProjectMeta]) -> Result<(), SaveError> {
    let text = serde_json::to_string(metas).unwrap_or_default();
    write_checked(kv, INDEX, &text)
}

/// Writes and reads back.
fn write_checked(kv: &mut impl Kv, key: &str, value: &str) -> Result<(), SaveError> {
    match kv.set(key, value) {
        Ok(()) => {}
        Err(WriteError::Full) => return Err(SaveError::Full),
        Err(WriteError::Failed(m)) => return Err(SaveError::Failed(m)),
    }
    if kv.get(key).as_deref() == Some(value) {
        Ok(())
    } else {
        Err(SaveError::Failed("read back differs".into()))
    }
}

/// The stored revision of a project (0 when absent).
pub fn stored_rev(kv: &impl Kv, id: &str) -> u64 {
    kv.get(&record_key(id))
        .and_then(|s| s.split('\n').nth(1).and_then(|r| r.parse().ok()))
        .unwrap_or(0)
}

/// The stored plan text of a project as it is, readable or not (to export a damaged copy).
pub fn raw_plan(kv: &impl Kv, id: &str) -> Option<String> {
    let text = kv.get(&record_key(id))?;
    let mut parts = text.splitn(4, '\n');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some("RP1"), Some(_), Some(_), Some(plan)) => Some(plan.to_string()),
        _ => Some(text),
    }
}

/// A stored project as opened.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The plan.
    pub plan: Plan,
    /// The revision stored.
    pub rev: u64,
    /// When it was saved, milliseconds since 1970.
    pub saved_at_ms: u64,
    /// Made by a newer planner: to be shown, never saved.
    pub read_only: bool,
}

/// Opens a project: its plan, revision and save time.
pub fn open(kv: &impl Kv, id: &str) -> Result<Opened, OpenError> {
    let text = kv.get(&record_key(id)).ok_or(OpenError::Missing)?;
    let mut parts = text.splitn(4, '\n');
    let (Some("RP1"), Some(rev), Some(at), Some(plan)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(OpenError::Invalid(Box::new(LoadError {
            errors: vec![super::error::PlanError::new(
                "",
                super::error::ErrorKind::NotAnObject,
            )],
            valid_rest: None,
        })));
    };
    let rev = rev.parse().unwrap_or(0);
    let saved_at_ms = at.parse().unwrap_or(0);
    let loaded = load_str(plan).map_err(|e| OpenError::Invalid(Box::new(e)))?;
    Ok(Opened {
        plan: loaded.plan,
        rev,
        saved_at_ms,
        read_only: loaded.read_only,
    })
}

/// Saves `plan` as project `id` on top of revision `base`; returns the new revision.
pub fn save(
    kv: &mut impl Kv,
    id: &str,
    plan: &Plan,
    base: u64,
    now_ms: u64,
) -> Result<u64, SaveError> {
    let stored = stored_rev(kv, id);
    if stored != base {
        return Err(SaveError::Conflict { base, stored });
    }
    let rev = base + 1;
    let json = to_json_compact(plan);
    // Never replace the last good copy with one that cannot be opened again.
    match load_str(&json) {
        Ok(back) if back.plan == *plan => {}
        Ok(_) => {
            return Err(SaveError::Unreadable(Box::new(LoadError {
                errors: vec![super::error::PlanError::new(
                    "",
                    super::error::ErrorKind::NotAnObject,
                )],
                valid_rest: None,
            })))
        }
        Err(e) => return Err(SaveError::Unreadable(Box::new(e))),
    }
    let record = format!("RP1\n{rev}\n{now_ms}\n{json}");
    write_checked(kv, &record_key(id), &record)?;
    let mut metas = list(kv);
    let meta = ProjectMeta {
        id: id.to_string(),
        name: plan.community.name.clone(),
        saved_at_ms: now_ms,
        rev,
    };
    match metas.iter_mut().find(|m| m.id == id) {
        Some(m) => *m = meta,
        None => metas.push(meta),
    }
    write_index(kv, &metas)?;
    Ok(rev)
}

/// A new project id not yet used: `p` + the time + a counter.
pub fn new_id(kv: &impl Kv, now_ms: u64) -> String {
    let metas = list(kv);
    (0u32..)
        .map(|k| format!("p{now_ms}{k}"))
        .find(|id| !metas.iter().any(|m| &m.id == id) && kv.get(&record_key(id)).is_none())
        .unwrap_or_default()
}

/// Creates a project from `plan`; returns its id and revision.
pub fn create(kv: &mut impl Kv, plan: &Plan, now_ms: u64) -> Result<(String, u64), SaveError> {
    let id = new_id(kv, now_ms);
    let rev = save(kv, &id, plan, 0, now_ms)?;
    Ok((id, rev))
}

/// Deletes a project (record and list entry).
pub fn delete(kv: &mut impl Kv, id: &str) -> Result<(), SaveError> {
    kv.remove(&record_key(id));
    let metas: Vec<ProjectMeta> = list(kv).into_iter().filter(|m| m.id != id).collect();
    write_index(kv, &metas)?;
    if current(kv).is_some_and(|c| c.project == id) {
        kv.remove(CURRENT);
    }
    Ok(())
}

/// Renames a stored project (its community's name); returns the new revision. A project
/// saved by another tab in between is still renamed on top of that save (renaming is not a
/// competing edit of the plan).
pub fn rename(kv: &mut impl Kv, id: &str, name: &str, now_ms: u64) -> Result<u64, SaveError> {
    let Opened {
        mut plan,
        rev,
        read_only,
        ..
    } = open(kv, id).map_err(|e| match e {
        OpenError::Missing => SaveError::Failed("no such project".into()),
        OpenError::Invalid(_) => SaveError::Failed("unreadable project".into()),
    })?;
    if read_only {
        return Err(SaveError::Failed("read-only project".into()));
    }
    plan.community.name = name.trim().to_string();
    save(kv, id, &plan, rev, now_ms)
}

/// Copies a stored project under `name`; returns the copy's id.
pub fn duplicate(kv: &mut impl Kv, id: &str, name: &str, now_ms: u64) -> Result<String, SaveError> {
    let Opened { mut plan, .. } =
        open(kv, id).map_err(|_| SaveError::Failed("unreadable project".into()))?;
    plan.community.name = name.to_string();
    create(kv, &plan, now_ms).map(|(id, _)| id)
}

/// The project and scenario last open.
pub fn current(kv: &impl Kv) -> Option<Current> {
    kv.get(CURRENT).and_then(|s| serde_json::from_str(&s).ok())
}

/// Remembers the project and scenario open.
pub fn set_current(kv: &mut impl Kv, c: &Current) -> Result<(), SaveError> {
    write_checked(kv, CURRENT, &serde_json::to_string(c).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::demo;

    #[test]
    fn rename_and_duplicate_keep_the_plan() {
        let mut kv = MemoryKv::default();
        let plan = demo();
        let (id, _) = create(&mut kv, &plan, 1_000).unwrap();
        assert_eq!(rename(&mut kv, &id, "  新名字 ", 2_000), Ok(2));
        let Opened {
            plan: renamed, rev, ..
        } = open(&kv, &id).unwrap();
        assert_eq!(renamed.community.name, "新名字");
        assert_eq!(rev, 2);
        assert_eq!(renamed.scenarios, plan.scenarios);
        let copy = duplicate(&mut kv, &id, "新名字 (副本)", 3_000).unwrap();
        assert_ne!(copy, id);
        let metas = list(&kv);
        assert_eq!(metas.len(), 2);
        assert_eq!(metas[1].name, "新名字 (副本)");
        let Opened {
            plan: c, rev: crev, ..
        } = open(&kv, &copy).unwrap();
        assert_eq!((c.scenarios, crev), (plan.scenarios, 1));
        delete(&mut kv, &id).unwrap();
        assert_eq!(list(&kv).len(), 1);
        assert!(rename(&mut kv, &id, "x", 4_000).is_err());
    }

    #[test]
    fn create_save_open_round_trip() {
        let mut kv = MemoryKv::default();
        let plan = demo();
        let (id, rev) = create(&mut kv, &plan, 1_000).unwrap();
        assert_eq!(rev, 1);
        let Opened {
            plan: back,
            rev: r,
            read_only: ro,
            saved_at_ms,
        } = open(&kv, &id).unwrap();
        assert_eq!(back, plan);
        assert_eq!((r, ro, saved_at_ms), (1, false, 1_000));
        let mut edited = plan.clone();
        edited.community.name = "改名".into();
        assert_eq!(save(&mut kv, &id, &edited, 1, 2_000), Ok(2));
        assert_eq!(list(&kv)[0].name, "改名");
        assert_eq!(list(&kv)[0].saved_at_ms, 2_000);
        set_current(
            &mut kv,
            &Current {
                project: id.clone(),
                scenario: 2,
            },
        )
        .unwrap();
        assert_eq!(current(&kv).unwrap().scenario, 2);
    }

    #[test]
    fn a_stale_tab_cannot_overwrite_newer_work() {
        let mut kv = MemoryKv::default();
        let (id, _) = create(&mut kv, &demo(), 1).unwrap();
        // Tab A and tab B both opened revision 1; A saves first.
        let mut a = demo();
        a.community.name = "A".into();
        assert_eq!(save(&mut kv, &id, &a, 1, 2), Ok(2));
        let mut b = demo();
        b.community.name = "B".into();
        assert_eq!(
            save(&mut kv, &id, &b, 1, 3),
            Err(SaveError::Conflict { base: 1, stored: 2 })
        );
        assert_eq!(open(&kv, &id).unwrap().plan.community.name, "A");
    }

    #[test]
    fn a_full_store_refuses_and_keeps_the_old_record() {
        let mut kv = MemoryKv::default();
        let (id, _) = create(&mut kv, &demo(), 1).unwrap();
        let used: usize = kv.map.iter().map(|(k, v)| k.len() + v.len()).sum();
        kv.limit = Some(used + 10);
        let mut big = demo();
        big.community.name = "x".repeat(100);
        assert_eq!(save(&mut kv, &id, &big, 1, 2), Err(SaveError::Full));
        assert_eq!(open(&kv, &id).unwrap().plan, demo());
    }

    #[test]
    fn a_plan_that_would_not_read_back_is_never_written() {
        let mut kv = MemoryKv::default();
        let (id, _) = create(&mut kv, &demo(), 1).unwrap();
        let before = kv.map.clone();
        // Two stairwells with one id: the file could not be opened again.
        let mut bad = demo();
        let sid = bad.community.buildings[0].stairwells[0].id;
        bad.community.buildings[0].stairwells[1].id = sid;
        assert!(matches!(
            save(&mut kv, &id, &bad, 1, 2),
            Err(SaveError::Unreadable(_))
        ));
        assert!(matches!(
            create(&mut kv, &bad, 3),
            Err(SaveError::Unreadable(_))
        ));
        assert_eq!(
            kv.map, before,
            "the last good copy and the list are untouched"
        );
        assert_eq!(open(&kv, &id).unwrap().plan, demo());
    }

    #[test]
    fn damaged_records_and_deletes() {
        let mut kv = MemoryKv::default();
        let (id, _) = create(&mut kv, &demo(), 1).unwrap();
        let (id2, _) = create(&mut kv, &demo(), 1).unwrap();
        assert_ne!(id, id2);
        kv.set(&record_key(&id2), "RP1\n1\n1\n{oops").unwrap();
        assert!(matches!(open(&kv, &id2), Err(OpenError::Invalid(_))));
        assert_eq!(raw_plan(&kv, &id2).as_deref(), Some("{oops"));
        delete(&mut kv, &id2).unwrap();
        assert_eq!(list(&kv).len(), 1);
        assert_eq!(open(&kv, &id2), Err(OpenError::Missing));
    }
}
