//! The session: the one handle components hold (`use_session()`), whose verbs are the user's
//! intents. Each intent is one reducer action; the storage it needs (save the plan on screen
//! first, create or open a project, remember which one is open) happens here, so no view
//! touches the saved projects or dispatches actions itself.

use crate::core::command::Command;
use crate::core::ids::{PlacementId, ScenarioId};
use crate::core::lang::Lang;
use crate::core::plan::Plan;
use crate::core::plan_file::{to_json, Loaded};
use crate::core::select::SelectionReport;
use crate::core::store::{self, OpenError, SaveError};
use crate::ui::labels::file_name;
use crate::ui::session::start::own_state;
use crate::ui::state::{
    demo_plan, Action, AppState, Notice, Page, SaveFailure, SaveState, Sel, Stored, Tool, Trace,
};
use crate::ui::storage::{self, LocalKv};
use std::rc::Rc;
use yew::prelude::*;

/// The context every component reads the state through.
pub type AppContext = UseReducerHandle<AppState>;

/// The app state and the user's intents, for components.
#[derive(Clone, PartialEq)]
pub struct Session {
    ctx: AppContext,
}

/// The session from context. Panics only if used outside `App`, a programming error.
#[hook]
pub fn use_session() -> Session {
    let ctx = use_context::<AppContext>().expect("use_session inside App's context provider");
    Session { ctx }
}

/// Which project the app reopens next time.
fn remember_current(project: &str, plan: &Plan) {
    let _ = store::set_current(
        &mut LocalKv,
        &store::Current {
            project: project.to_string(),
            scenario: plan.current_scenario.0,
        },
    );
}

impl Session {
    /// The current state.
    pub fn state(&self) -> &AppState {
        &self.ctx
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.ctx.lang
    }

    /// The one way actions reach the reducer.
    fn dispatch(&self, a: Action) {
        self.ctx.dispatch(a);
    }

    /// Switches the interface language.
    pub fn set_lang(&self, lang: Lang) {
        self.dispatch(Action::SetLang(lang));
    }

    /// Applies an edit (one undo step).
    pub fn edit(&self, cmd: Command) {
        self.dispatch(Action::Edit(cmd));
    }

    /// Undoes the last edit.
    pub fn undo(&self) {
        self.dispatch(Action::Undo);
    }

    /// Redoes the last undone edit.
    pub fn redo(&self) {
        self.dispatch(Action::Redo);
    }

    /// Selects exactly these.
    pub fn select(&self, v: Vec<Sel>) {
        self.dispatch(Action::Select(v));
    }

    /// Adds to or removes from the selection.
    pub fn toggle(&self, s: Sel) {
        self.dispatch(Action::Toggle(s));
    }

    /// Chooses a tool.
    pub fn set_tool(&self, t: Tool) {
        self.dispatch(Action::SetTool(t));
    }

    /// Turns snapping on or off.
    pub fn set_snap(&self, b: bool) {
        self.dispatch(Action::SetSnap(b));
    }

    /// Shows a message.
    pub fn notify(&self, n: Notice) {
        self.dispatch(Action::Notify(n));
    }

    /// Hides the message.
    pub fn dismiss(&self) {
        self.dispatch(Action::Dismiss);
    }

    /// Sets the traced picture.
    pub fn set_trace(&self, t: Option<Trace>) {
        self.dispatch(Action::SetTrace(t));
    }

    /// Shows a page.
    pub fn go(&self, page: Page) {
        self.dispatch(Action::SetPage(page));
    }

    /// Deletes what is selected (features and placements).
    pub fn delete_selection(&self) {
        let s = self.state();
        let features = s.selected_features();
        let placements: Vec<PlacementId> = s
            .selection
            .iter()
            .filter_map(|x| match x {
                Sel::Placement(p) => Some(*p),
                _ => None,
            })
            .collect();
        if !placements.is_empty() {
            self.edit(Command::Unplace { placements });
        }
        if !features.is_empty() {
            self.edit(Command::Delete { features });
        }
    }

    /// Keeps an optimisation as a new scenario named `name`, made from scenario `from`.
    pub fn optimise_into_scenario(
        &self,
        report: Rc<SelectionReport>,
        name: String,
        from: ScenarioId,
    ) {
        self.dispatch(Action::Optimised { report, name, from });
    }

    /// Saves the plan now, if a save is due (before another plan replaces it, or the page
    /// goes).
    pub fn flush(&self) {
        let s = self.state();
        if s.save != SaveState::Pending {
            return;
        }
        let mut kv = LocalKv;
        let now = storage::now_ms();
        let result = match &s.project {
            None => {
                store::create(&mut kv, &s.plan.0, now).map(|(id, rev)| (Rc::<str>::from(id), rev))
            }
            Some(id) => {
                store::save(&mut kv, id, &s.plan.0, s.rev, now).map(|rev| (id.clone(), rev))
            }
        };
        match result {
            Ok((project, rev)) => {
                if s.project.is_none() {
                    // The first save of a project: ask the browser to keep our storage when
                    // space runs short (Chromium decides silently; Firefox may ask once).
                    storage::request_persistence(|_| ());
                }
                remember_current(&project, &s.plan.0);
                self.dispatch(Action::Saved {
                    project,
                    rev,
                    at_ms: now,
                });
            }
            Err(SaveError::Conflict { stored, .. }) => {
                self.dispatch(Action::SaveFailed(SaveFailure::Conflict(stored)))
            }
            Err(SaveError::Full) => self.dispatch(Action::SaveFailed(SaveFailure::Full)),
            Err(SaveError::Failed(_)) => self.dispatch(Action::SaveFailed(SaveFailure::Failed)),
            Err(SaveError::Unreadable(_)) => {
                self.dispatch(Action::SaveFailed(SaveFailure::Unsaveable))
            }
        }
    }

    /// Another tab saved revision `stored` of the open project.
    pub fn saw_newer(&self, stored: u64) {
        let s = self.state();
        if stored > s.rev && s.save != SaveState::ReadOnly {
            self.dispatch(Action::SaveFailed(SaveFailure::Conflict(stored)));
        }
    }

    /// Exports the plan file (or copies it where downloads do not work).
    pub fn export(&self) {
        let plan = self.state().plan.0.clone();
        let text = to_json(&plan);
        if crate::ui::files::in_app_browser()
            || !crate::ui::files::download(&file_name(&plan, "json"), "application/json", &text)
        {
            let me = self.clone();
            crate::ui::files::copy(text, move |ok| {
                if ok {
                    me.notify(Notice::Copied);
                }
            });
        }
    }

    /// Opens a stored project in place of the plan on screen (saved first), on the plan page.
    pub fn open(&self, id: &str) -> Result<(), OpenError> {
        self.flush();
        let o = store::open(&LocalKv, id)?;
        remember_current(id, &o.plan);
        let stored = if o.read_only {
            Stored::ReadOnly {
                project: Some(Rc::from(id)),
            }
        } else {
            Stored::Project {
                id: Rc::from(id),
                rev: o.rev,
                saved_at_ms: o.saved_at_ms,
            }
        };
        self.dispatch(Action::Open {
            plan: Box::new(o.plan),
            stored,
            page: Page::Plan,
            repaired: false,
        });
        Ok(())
    }

    /// After a conflict: shows the version another tab saved, in place of this window's.
    pub fn load_theirs(&self) {
        let Some(id) = self.state().project.clone() else {
            return;
        };
        if let Ok(o) = store::open(&LocalKv, &id) {
            self.dispatch(Action::Open {
                plan: Box::new(o.plan),
                stored: Stored::Project {
                    id,
                    rev: o.rev,
                    saved_at_ms: o.saved_at_ms,
                },
                page: self.state().page,
                repaired: false,
            });
        }
    }

    /// After a conflict: keeps this window's plan as a new project.
    pub fn keep_mine_as_copy(&self) {
        self.dispatch(Action::KeepMineAsCopy);
    }

    /// Makes `loaded` a new project and shows it on the page the import was made from; a plan
    /// from a newer planner is shown read-only and never stored (so this older version can
    /// never overwrite it). Nothing of the work on screen is lost: it is saved first.
    pub fn import(&self, loaded: Loaded) {
        self.import_plan(loaded, false);
    }

    /// Imports the readable part of a damaged project as a new project; the damaged copy stays
    /// as it is, no longer offered for repair.
    pub fn repair(&self, loaded: Loaded) {
        self.import_plan(loaded, true);
    }

    fn import_plan(&self, loaded: Loaded, repaired: bool) {
        self.flush();
        let stored = if loaded.read_only {
            Stored::ReadOnly { project: None }
        } else {
            let now = storage::now_ms();
            match store::create(&mut LocalKv, &loaded.plan, now) {
                Ok((id, rev)) => {
                    remember_current(&id, &loaded.plan);
                    Stored::Project {
                        id: Rc::from(id.as_str()),
                        rev,
                        saved_at_ms: now,
                    }
                }
                // Storage full or blocked: the plan is still opened, unsaved, and the banner
                // offers the export.
                Err(SaveError::Full) => Stored::Unstored(SaveFailure::Full),
                Err(_) => Stored::Unstored(SaveFailure::Failed),
            }
        };
        self.dispatch(Action::Open {
            plan: Box::new(loaded.plan),
            stored,
            page: self.state().page,
            repaired,
        });
    }

    /// Starts a new blank plan (saved at once as a new project).
    pub fn new_blank(&self, plan: Plan) {
        self.replace_with(plan, Stored::New);
    }

    /// Starts again from the demo community (saved on its first edit).
    pub fn new_demo(&self) {
        self.replace_with(demo_plan(), Stored::Demo);
    }

    fn replace_with(&self, plan: Plan, stored: Stored) {
        self.flush();
        self.dispatch(Action::Open {
            plan: Box::new(plan),
            stored,
            page: self.state().page,
            repaired: false,
        });
    }

    /// Copies a stored project as `name` (the plan on screen saved first).
    pub fn duplicate(&self, id: &str, name: &str) -> Result<String, SaveError> {
        self.flush();
        store::duplicate(&mut LocalKv, id, name, storage::now_ms())
    }

    /// Renames a project: the one on screen by an edit (one undo step, autosaved like any
    /// edit), another in storage.
    pub fn rename(&self, id: &str, name: String) -> Result<(), SaveError> {
        if self.state().project.as_deref() == Some(id) {
            self.edit(Command::RenameCommunity { name });
            Ok(())
        } else {
            store::rename(&mut LocalKv, id, &name, storage::now_ms()).map(|_| ())
        }
    }

    /// Deletes a stored project (after the user confirmed). The project on screen leaves the
    /// screen too (else autosave would save it again); the demo takes its place.
    pub fn delete(&self, id: &str) -> Result<(), SaveError> {
        let result = store::delete(&mut LocalKv, id);
        if self.state().project.as_deref() == Some(id) {
            self.dispatch(Action::Open {
                plan: Box::new(demo_plan()),
                stored: Stored::Demo,
                page: self.state().page,
                repaired: false,
            });
        }
        result
    }

    /// Shows a plan that arrived in a link, read-only, on the page shown (the work on screen
    /// saved first).
    pub fn preview(&self, plan: Plan) {
        self.replace_with(plan, Stored::Link);
    }

    /// Leaves a linked plan for the user's own work, on the page shown.
    pub fn back_to_own_work(&self) {
        if self.state().save == SaveState::Preview {
            self.dispatch(Action::BackToOwnWork(Box::new(own_state())));
        }
    }

    /// Closes the offer to export or repair a damaged project.
    pub fn forget_damaged(&self) {
        self.dispatch(Action::ForgetDamaged);
    }
}
