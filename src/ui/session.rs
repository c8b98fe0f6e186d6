//! The user's work across visits: what the app opens with (the last project, a plan in a
//! link, or the demo), the autosave and its flush before the page goes, and the export of
//! the plan file. The one place that reads and writes the saved projects for the shell and
//! the projects page.

use crate::core::plan_file::to_json;
use crate::core::plan_file::Loaded;
use crate::core::share;
use crate::core::share::ReadError;
use crate::core::store::{self, SaveError};
use crate::ui::labels::file_name;
use crate::ui::state::{use_app, Action, AppHandle, AppState, Notice, Page, SaveState};
use crate::ui::storage::{self, LocalKv};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Exports the plan file (or copies it where downloads do not work).
pub fn export_plan(app: &AppHandle) {
    let plan = app.state().plan.0.clone();
    let text = to_json(&plan);
    if crate::ui::files::in_app_browser()
        || !crate::ui::files::download(&file_name(&plan, "json"), "application/json", &text)
    {
        let app = app.clone();
        crate::ui::files::copy(text, move |ok| {
            if ok {
                app.notify(Notice::Copied);
            }
        });
    }
}

/// The plan and where it stands, as last rendered, for savers outside the render.
#[derive(Clone)]
struct Snapshot {
    app: AppHandle,
}

/// Saves the plan now, if a save is due.
fn persist(snap: &Snapshot) {
    let s = snap.app.state();
    if s.save != SaveState::Pending {
        return;
    }
    let mut kv = LocalKv;
    let now = storage::now_ms();
    let result = match &s.project {
        None => store::create(&mut kv, &s.plan.0, now).map(|(id, rev)| (Rc::<str>::from(id), rev)),
        Some(id) => store::save(&mut kv, id, &s.plan.0, s.rev, now).map(|rev| (id.clone(), rev)),
    };
    match result {
        Ok((project, rev)) => {
            if s.project.is_none() {
                // The first save of a project: ask the browser to keep our storage when space
                // runs short (Chromium decides silently; Firefox may ask the user once).
                crate::ui::storage::request_persistence(|_| ());
            }
            let _ = store::set_current(
                &mut kv,
                &store::Current {
                    project: project.to_string(),
                    scenario: s.plan.0.current_scenario.0,
                },
            );
            snap.app.dispatch(Action::Saved {
                project,
                rev,
                at_ms: now,
            });
        }
        Err(SaveError::Conflict { stored, .. }) => snap
            .app
            .dispatch(Action::SaveFailed(SaveState::Conflict(stored))),
        Err(SaveError::Full) => snap.app.dispatch(Action::SaveFailed(SaveState::Full)),
        Err(SaveError::Failed(_)) => snap.app.dispatch(Action::SaveFailed(SaveState::Failed)),
        Err(SaveError::Unreadable(_)) => {
            snap.app.dispatch(Action::SaveFailed(SaveState::Unsaveable));
            snap.app.notify(Notice::NotSaved);
        }
    }
}

/// Saves the current plan now if a save is due (before another plan replaces it).
pub fn flush(app: &AppHandle) {
    persist(&Snapshot { app: app.clone() });
}

/// Autosave: a save 400 ms after the last change, at once when the page is hidden or closed;
/// and a warning when another tab saves the same project.
#[component]
pub fn Autosave() -> Html {
    let app = use_app();
    let snap = use_mut_ref(|| None::<Snapshot>);
    *snap.borrow_mut() = Some(Snapshot { app: app.clone() });
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let snap = snap.clone();
        let timer = timer.clone();
        let key = (app.state().plan.clone(), app.state().save);
        use_effect_with(key, move |(_, save)| {
            if *save == SaveState::Pending {
                let snap = snap.clone();
                *timer.borrow_mut() = Some(Timeout::new(400, move || {
                    if let Some(s) = snap.borrow().clone() {
                        persist(&s);
                    }
                }));
            }
        });
    }
    {
        let snap = snap.clone();
        let timer = timer.clone();
        use_effect_with((), move |_| {
            let flush = {
                let snap = snap.clone();
                let timer = timer.clone();
                Rc::new(move || {
                    if let Some(t) = timer.borrow_mut().take() {
                        t.cancel();
                    }
                    if let Some(s) = snap.borrow().clone() {
                        persist(&s);
                    }
                })
            };
            let win = gloo::utils::window();
            let doc = gloo::utils::document();
            let f1 = flush.clone();
            let on_hide = EventListener::new(&doc, "visibilitychange", move |_| {
                if gloo::utils::document().visibility_state() == web_sys::VisibilityState::Hidden {
                    f1();
                }
            });
            let f2 = flush.clone();
            let on_pagehide = EventListener::new(&win, "pagehide", move |_| f2());
            let on_storage = EventListener::new(&win, "storage", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                let Some(s) = snap.borrow().clone() else {
                    return;
                };
                let state = s.app.state();
                let Some(id) = state.project.clone() else {
                    return;
                };
                if e.key().as_deref() == Some(format!("rp.project.{id}").as_str()) {
                    let stored = store::stored_rev(&LocalKv, &id);
                    if stored > state.rev && state.save != SaveState::ReadOnly {
                        s.app
                            .dispatch(Action::SaveFailed(SaveState::Conflict(stored)));
                    }
                }
            });
            move || drop((on_hide, on_pagehide, on_storage))
        });
    }
    html! {}
}

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
    if let Some(Ok(loaded)) = crate::ui::session::read_fragment() {
        let damaged = s.damaged.clone();
        s = AppState::with_plan(loaded.plan.clone(), s.lang, false);
        s.save = SaveState::Preview;
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
        Ok((mut plan, rev, read_only)) => {
            if plan
                .scenario_by_id(crate::core::ids::ScenarioId(cur.scenario))
                .is_some()
            {
                plan.current_scenario = crate::core::ids::ScenarioId(cur.scenario);
            }
            let mut s = AppState::opened(plan, lang, &cur.project, rev, read_only);
            if let (false, Some(m)) = (
                read_only,
                store::list(&kv).into_iter().find(|m| m.id == cur.project),
            ) {
                s.save = SaveState::Saved(m.saved_at_ms);
            }
            s
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
                s.damaged = Some(crate::ui::state::Damaged {
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
