//! The one app state, its actions and its reducer. The reducer is pure: it never touches
//! storage, the URL or the clock (those effects live in `app.rs`).

use crate::core::format::Lang;
use crate::core::model::Plan;
use crate::core::plan_file::load_str;
use crate::core::DEMO_JSON;
use std::rc::Rc;
use yew::prelude::*;

/// A shared plan compared by identity: every edit makes a new `Rc`, so pointer equality is
/// exact and costs nothing when Yew compares props.
#[derive(Debug, Clone)]
pub struct PlanRef(pub Rc<Plan>);

impl PartialEq for PlanRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Everything the interface shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The plan being edited.
    pub plan: PlanRef,
    /// Interface language.
    pub lang: Lang,
    /// True while the plan is the untouched demo community.
    pub is_demo: bool,
}

/// The embedded demo plan. The file is part of the build and covered by native tests, so a
/// failure here is a build defect, reported by the panic hook.
pub fn demo_plan() -> Plan {
    match load_str(DEMO_JSON) {
        Ok(l) => l.plan,
        Err(e) => panic!("the embedded demo plan is invalid: {:?}", e.errors),
    }
}

impl AppState {
    /// The state at start-up: the demo community in `lang`.
    pub fn new(lang: Lang) -> Self {
        AppState {
            plan: PlanRef(Rc::new(demo_plan())),
            lang,
            is_demo: true,
        }
    }
}

/// What the user can do.
#[derive(Debug, Clone)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetLang(lang) if lang != self.lang => Rc::new(AppState {
                lang,
                ..(*self).clone()
            }),
            Action::SetLang(_) => self,
        }
    }
}

/// The context every component reads the state through.
pub type AppContext = UseReducerHandle<AppState>;

/// The app state and its verbs, for components.
#[derive(Clone, PartialEq)]
pub struct AppHandle {
    ctx: AppContext,
}

impl AppHandle {
    /// The current state.
    pub fn state(&self) -> &AppState {
        &self.ctx
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.ctx.lang
    }

    /// Switches the interface language.
    pub fn set_lang(&self, lang: Lang) {
        self.ctx.dispatch(Action::SetLang(lang));
    }
}

/// The app handle from context. Panics only if used outside `App`, a programming error.
#[hook]
pub fn use_app() -> AppHandle {
    let ctx = use_context::<AppContext>().expect("use_app inside App's context provider");
    AppHandle { ctx }
}
