//! What the app opens with: the last project, a plan in a link (shown read-only until the
//! user chooses), or the demo; a saved project that cannot be opened is kept as it is and
//! offered for export and repair.

use crate::core::plan_file::Loaded;
use crate::core::share;
use crate::core::share::ReadError;
use crate::core::store;
use crate::ui::state::{AppState, Damaged, Page, Stored};
use crate::ui::storage::{self, LocalKv};
use std::rc::Rc;

/// The page named in the address bar.
pub fn page_in_address() -> Page {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map_or(Page::Plan, |q| Page::from_query(&q))
}

/// The state at start: a plan that arrived in a share link (shown read-only until the user
/// chooses), else the last open project, else the demo; on the page the address names.
pub fn initial_state() -> AppState {
    let mut s = own_state();
    if let Some(Ok(loaded)) = read_fragment() {
        let damaged = s.damaged.clone();
        s = AppState::opened(loaded.plan.clone(), s.lang, Stored::Link);
        s.damaged = damaged;
    }
    s.page = page_in_address();
    s
}

/// The user's own work at start: the last open project, else the demo. A project that cannot
/// be opened is kept as it is (never overwritten) and offered for export and repair.
pub fn own_state() -> AppState {
    let lang = storage::initial_lang();
    let kv = LocalKv;
    let Some(cur) = store::current(&kv) else {
        return AppState::new(lang);
    };
    match store::open(&kv, &cur.project) {
        Ok(mut o) => {
            if o.plan
                .scenario_by_id(crate::core::ids::ScenarioId(cur.scenario))
                .is_some()
            {
                o.plan.current_scenario = crate::core::ids::ScenarioId(cur.scenario);
            }
            let id = Rc::<str>::from(cur.project.as_str());
            let stored = if o.read_only {
                Stored::ReadOnly { project: Some(id) }
            } else {
                Stored::Project {
                    id,
                    rev: o.rev,
                    saved_at_ms: o.saved_at_ms,
                }
            };
            AppState::opened(o.plan, lang, stored)
        }
        Err(e) => {
            let mut s = AppState::new(lang);
            if let (Some(text), store::OpenError::Invalid(error)) =
                (store::raw_plan(&kv, &cur.project), e)
            {
                let name = store::list(&kv)
                    .into_iter()
                    .find(|m| m.id == cur.project)
                    .map_or_else(String::new, |m| m.name);
                s.damaged = Some(Damaged {
                    project: Rc::from(cur.project.as_str()),
                    name,
                    text: Rc::from(text.as_str()),
                    error: Rc::new(*error),
                });
            }
            s
        }
    }
}

/// What a link in the address bar holds.
pub fn read_fragment() -> Option<Result<Rc<Loaded>, ReadError>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    share::is_link(&hash).then(|| share::decode(&hash).map(Rc::new))
}
