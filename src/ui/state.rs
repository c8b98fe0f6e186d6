//! The one app state, its actions and its reducer. The reducer is pure: it applies edits
//! through the core ([`crate::core::command::apply`]), keeps undo history and the selection,
//! and never touches storage, the URL or the clock (those effects live in `app.rs`).

use crate::core::command::{apply, Command, EditError, Feature};
use crate::core::ids::{PlacementId, StairwellId};
use crate::core::lang::Lang;
use crate::core::plan::Plan;
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

/// Something selected on the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sel {
    /// A building, area, pipe or point.
    Feature(Feature),
    /// A stairwell (a target for items such as elevators).
    Stairwell(StairwellId),
    /// A placed item.
    Placement(PlacementId),
}

/// The drawing tool in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tool {
    /// Select, move, box-select.
    Select,
    /// Drag a rectangle to add a building.
    Building,
    /// Click corners to add a building outline (Enter or double-click to finish).
    BuildingPolygon,
    /// Click corners to add an area of a kind.
    Area(crate::core::site::AreaKind),
    /// Click points to add a pipe run.
    Pipe(crate::core::site::PipeKind),
    /// Click to add a point.
    Point(crate::core::site::PointKind),
    /// Click two points of a known length on the traced picture.
    Calibrate,
}

/// The page shown; each has its own address (`?page=compare`), so Back and Forward move
/// between pages and a page can be bookmarked or shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// The site-plan editor.
    Plan,
    /// Scenarios side by side, charts, the optimiser.
    Compare,
    /// Survey tallies and consent votes.
    Residents,
    /// The annual plan and the bill of quantities.
    Annual,
    /// Saved projects, files, share links.
    Projects,
    /// The printable public-notice report.
    Report,
}

impl Page {
    /// Every page, in the order of the page tabs (the report last).
    pub const ALL: [Page; 6] = [
        Page::Plan,
        Page::Compare,
        Page::Residents,
        Page::Annual,
        Page::Projects,
        Page::Report,
    ];

    /// The page's name in the address (`?page=…`); the plan has none.
    pub fn slug(self) -> &'static str {
        match self {
            Page::Plan => "plan",
            Page::Compare => "compare",
            Page::Residents => "residents",
            Page::Annual => "annual",
            Page::Projects => "projects",
            Page::Report => "report",
        }
    }

    /// The page named in an address's query (`?page=residents&…`); the plan when none is.
    pub fn from_query(query: &str) -> Page {
        query
            .trim_start_matches('?')
            .split('&')
            .find_map(|kv| kv.strip_prefix("page="))
            .and_then(|v| Page::ALL.into_iter().find(|p| p.slug() == v))
            .unwrap_or(Page::Plan)
    }

    /// The query string of this page, `""` for the plan.
    pub fn query(self) -> String {
        match self {
            Page::Plan => String::new(),
            p => format!("?page={}", p.slug()),
        }
    }
}

/// Where the plan stands with its saved copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    /// The untouched demo: nothing to save.
    Demo,
    /// Edited; a save is due.
    Pending,
    /// Saved at this time (ms since 1970).
    Saved(u64),
    /// The browser's storage is full: the plan is safe in this window only.
    Full,
    /// The browser's storage refused for another reason.
    Failed,
    /// Another tab or window saved a newer version (this revision).
    Conflict(u64),
    /// Opened from a newer planner: shown, never saved.
    ReadOnly,
    /// A plan from a share link, shown read-only until the user imports it or goes back.
    Preview,
    /// The last edit would make a plan that could not be opened again (a defect of the
    /// planner): it was not saved, and the last good copy is kept.
    Unsaveable,
}

impl SaveState {
    /// True while edits are refused (a newer planner's plan, or a link being looked at).
    pub fn locked(self) -> bool {
        matches!(self, SaveState::ReadOnly | SaveState::Preview)
    }
}

/// A message for the user, shown briefly.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The plan is read-only (made by a newer planner).
    ReadOnly,
    /// Copied to the clipboard.
    Copied,
    /// An edit was refused.
    Refused(EditError),
    /// Nothing to undo or redo.
    NothingToUndo,
    /// A palette item was picked with nothing selected to put it on.
    SelectTargetFirst,
    /// A picture could not be read.
    BadPicture,
    /// An item was dropped on the plan beside every target it can go on.
    DropMissed {
        /// The catalog item.
        item: String,
    },
    /// An edit was tried on a plan from a link, before it was imported.
    LinkPreview,
    /// The last edit could not be saved (see [`SaveState::Unsaveable`]).
    NotSaved,
}

impl Notice {
    /// True for messages about something that went wrong or was refused (shown as warnings,
    /// never in a success style).
    pub fn is_problem(&self) -> bool {
        !matches!(self, Notice::Copied)
    }
}

/// A saved project that could not be opened: kept as it is, offered for export and repair.
#[derive(Debug, Clone, PartialEq)]
pub struct Damaged {
    /// The project's id.
    pub project: Rc<str>,
    /// Its name in the project list.
    pub name: String,
    /// The stored plan text, exactly as it is.
    pub text: Rc<str>,
    /// What is wrong with it.
    pub error: Rc<crate::core::plan_file::LoadError>,
}

/// A picture of an existing plan traced over.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    /// The picture as a data URL.
    pub url: AttrValue,
    /// Its size in pixels.
    pub width_px: f64,
    /// Its size in pixels.
    pub height_px: f64,
    /// Metres per pixel.
    pub m_per_px: f64,
    /// Opacity 0-1.
    pub opacity: f64,
}

/// How many plans undo keeps.
pub const UNDO_STEPS: usize = 200;

/// Everything the interface shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The plan being edited.
    pub plan: PlanRef,
    /// Interface language.
    pub lang: Lang,
    /// True while the plan is the untouched demo community.
    pub is_demo: bool,
    /// Earlier plans, oldest first.
    pub undo: Rc<Vec<Rc<Plan>>>,
    /// Undone plans, most recently undone last.
    pub redo: Rc<Vec<Rc<Plan>>>,
    /// What is selected.
    pub selection: Rc<[Sel]>,
    /// The tool in use.
    pub tool: Tool,
    /// Snap to a 1 m grid.
    pub snap: bool,
    /// The last message, with a counter so the same message shows again.
    pub notice: Option<(Notice, u32)>,
    /// A traced picture.
    pub trace: Option<Trace>,
    /// The saved project's id, once saved.
    pub project: Option<Rc<str>>,
    /// The revision this window last saved or opened.
    pub rev: u64,
    /// Save status.
    pub save: SaveState,
    /// The page shown.
    pub page: Page,
    /// The last optimisation, to show what was chosen and why the rest was left out.
    pub optimised: Option<Rc<crate::core::select::SelectionReport>>,
    /// A saved project that could not be opened at start (kept; offered for export and
    /// repair).
    pub damaged: Option<Damaged>,
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
        AppState::with_plan(demo_plan(), lang, true)
    }

    /// The state for a plan.
    pub fn with_plan(plan: Plan, lang: Lang, is_demo: bool) -> Self {
        AppState {
            plan: PlanRef(Rc::new(plan)),
            lang,
            is_demo,
            undo: Rc::new(Vec::new()),
            redo: Rc::new(Vec::new()),
            selection: Rc::from(Vec::new()),
            tool: Tool::Select,
            snap: true,
            notice: None,
            trace: None,
            project: None,
            rev: 0,
            save: SaveState::Demo,
            page: Page::Plan,
            optimised: None,
            damaged: None,
        }
    }

    /// The state for a saved project.
    pub fn opened(plan: Plan, lang: Lang, project: &str, rev: u64, read_only: bool) -> Self {
        AppState {
            project: Some(Rc::from(project)),
            rev,
            save: if read_only {
                SaveState::ReadOnly
            } else {
                SaveState::Saved(0)
            },
            ..AppState::with_plan(plan, lang, false)
        }
    }

    /// True when `s` is selected.
    pub fn is_selected(&self, s: Sel) -> bool {
        self.selection.contains(&s)
    }

    /// The selected features.
    pub fn selected_features(&self) -> Vec<Feature> {
        self.selection
            .iter()
            .filter_map(|s| match s {
                Sel::Feature(f) => Some(*f),
                _ => None,
            })
            .collect()
    }
}

/// What the user can do.
#[derive(Debug, Clone)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
    /// Edit the plan (one undo step).
    Edit(Command),
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Replace the selection.
    Select(Vec<Sel>),
    /// Add to or remove from the selection.
    Toggle(Sel),
    /// Choose a tool.
    SetTool(Tool),
    /// Turn grid snapping on or off.
    SetSnap(bool),
    /// Show a message.
    Notify(Notice),
    /// Hide the message.
    Dismiss,
    /// Set or clear the traced picture.
    SetTrace(Option<Trace>),
    /// The plan was saved as `project` revision `rev` at `at_ms`.
    Saved {
        /// Project id.
        project: Rc<str>,
        /// New revision.
        rev: u64,
        /// When.
        at_ms: u64,
    },
    /// Saving failed.
    SaveFailed(SaveState),
    /// Replace the plan (open a project, load another tab's version, import).
    Open {
        /// The plan.
        plan: Box<Plan>,
        /// Its project, if saved.
        project: Option<Rc<str>>,
        /// Its revision.
        rev: u64,
        /// Shown read-only.
        read_only: bool,
    },
    /// Keep this window's plan as a new project (after a conflict).
    Detach,
    /// Start on a new plan not yet saved: the demo (saved on its first edit) or a blank one
    /// (saved at once as a new project).
    NewPlan {
        /// The plan.
        plan: Box<Plan>,
        /// True for the untouched demo.
        demo: bool,
    },
    /// Show a page.
    SetPage(Page),
    /// Show a plan that arrived in a share link, read-only, until it is imported or declined.
    Preview {
        /// The linked plan.
        plan: Box<Plan>,
    },
    /// Remember (or forget) a saved project that could not be opened.
    SetDamaged(Option<Damaged>),
    /// Go back to the user's own work (after looking at a linked plan): this state, on the
    /// page and in the language shown.
    Restore(Box<AppState>),
    /// Remember an optimisation result.
    Optimised(Option<Rc<crate::core::select::SelectionReport>>),
}

impl AppState {
    /// Drops selections that no longer exist in the plan.
    fn drop_missing_selection(&mut self) {
        let plan = &self.plan.0;
        let keep: Vec<Sel> = self
            .selection
            .iter()
            .copied()
            .filter(|x| exists(plan, *x))
            .collect();
        self.selection = Rc::from(keep);
    }

    fn with(self: &Rc<Self>, f: impl FnOnce(&mut AppState)) -> Rc<Self> {
        let mut s = (**self).clone();
        f(&mut s);
        Rc::new(s)
    }

    fn notify(self: &Rc<Self>, n: Notice) -> Rc<Self> {
        let count = self.notice.as_ref().map_or(0, |x| x.1 + 1);
        self.with(|s| s.notice = Some((n, count)))
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetLang(lang) if lang != self.lang => self.with(|s| s.lang = lang),
            Action::SetLang(_) => self,
            Action::Edit(_) if self.save == SaveState::ReadOnly => self.notify(Notice::ReadOnly),
            Action::Edit(_) if self.save == SaveState::Preview => self.notify(Notice::LinkPreview),
            Action::Edit(cmd) => {
                let mut next = (*self.plan.0).clone();
                match apply(&mut next, &cmd) {
                    Err(e) => self.notify(Notice::Refused(e)),
                    Ok(created) => self.with(|s| {
                        let mut undo = (*s.undo).clone();
                        undo.push(s.plan.0.clone());
                        if undo.len() > UNDO_STEPS {
                            undo.remove(0);
                        }
                        s.undo = Rc::new(undo);
                        s.redo = Rc::new(Vec::new());
                        s.plan = PlanRef(Rc::new(next));
                        s.is_demo = false;
                        s.save = pending_after(s.save);
                        let new: Vec<Sel> = created
                            .features
                            .into_iter()
                            .map(Sel::Feature)
                            .chain(created.placements.into_iter().map(Sel::Placement))
                            .collect();
                        if !new.is_empty() {
                            s.selection = Rc::from(new);
                        } else {
                            s.drop_missing_selection();
                        }
                        if matches!(
                            cmd,
                            Command::AddBuilding { .. }
                                | Command::AddArea { .. }
                                | Command::AddPipe { .. }
                                | Command::AddPoint { .. }
                        ) {
                            s.tool = Tool::Select;
                        }
                    }),
                }
            }
            Action::Undo | Action::Redo if self.save == SaveState::ReadOnly => {
                self.notify(Notice::ReadOnly)
            }
            Action::Undo | Action::Redo if self.save == SaveState::Preview => {
                self.notify(Notice::LinkPreview)
            }
            Action::Undo | Action::Redo => {
                let back = matches!(action, Action::Undo);
                let from = if back { &self.undo } else { &self.redo };
                if from.is_empty() {
                    return self.notify(Notice::NothingToUndo);
                }
                self.with(|s| {
                    let (from, to) = if back {
                        (&mut s.undo, &mut s.redo)
                    } else {
                        (&mut s.redo, &mut s.undo)
                    };
                    let mut f = (**from).clone();
                    let Some(target) = f.pop() else { return };
                    let mut t = (**to).clone();
                    t.push(s.plan.0.clone());
                    *from = Rc::new(f);
                    *to = Rc::new(t);
                    s.plan = PlanRef(target);
                    s.save = pending_after(s.save);
                    s.drop_missing_selection();
                })
            }
            Action::Select(v) => {
                if *self.selection == *v {
                    self
                } else {
                    self.with(|s| s.selection = Rc::from(v))
                }
            }
            Action::Toggle(x) => self.with(|s| {
                let mut v: Vec<Sel> = s.selection.to_vec();
                match v.iter().position(|y| *y == x) {
                    Some(i) => {
                        v.remove(i);
                    }
                    None => v.push(x),
                }
                s.selection = Rc::from(v);
            }),
            Action::SetTool(t) => self.with(|s| s.tool = t),
            Action::SetSnap(b) => self.with(|s| s.snap = b),
            Action::Notify(n) => self.notify(n),
            Action::Dismiss => self.with(|s| s.notice = None),
            Action::SetTrace(t) => self.with(|s| s.trace = t),
            Action::Saved {
                project,
                rev,
                at_ms,
            } => self.with(|s| {
                s.project = Some(project);
                s.rev = rev;
                if s.save == SaveState::Pending
                    || matches!(
                        s.save,
                        SaveState::Saved(_) | SaveState::Full | SaveState::Failed
                    )
                {
                    s.save = SaveState::Saved(at_ms);
                }
            }),
            Action::SaveFailed(st) => self.with(|s| s.save = st),
            Action::Open {
                plan,
                project,
                rev,
                read_only,
            } => {
                let lang = self.lang;
                let trace = self.trace.clone();
                Rc::new(AppState {
                    project,
                    rev,
                    save: if read_only {
                        SaveState::ReadOnly
                    } else {
                        SaveState::Saved(0)
                    },
                    trace,
                    damaged: self.damaged.clone(),
                    ..AppState::with_plan(*plan, lang, false)
                })
            }
            Action::SetPage(p) if p == self.page => self,
            Action::SetPage(p) => self.with(|s| s.page = p),
            Action::Preview { plan } => {
                let mut s = AppState::with_plan(*plan, self.lang, false);
                s.save = SaveState::Preview;
                s.page = self.page;
                s.damaged = self.damaged.clone();
                Rc::new(s)
            }
            Action::SetDamaged(d) => self.with(|s| s.damaged = d),
            Action::Restore(own) => {
                let mut s = *own;
                s.lang = self.lang;
                s.page = self.page;
                Rc::new(s)
            }
            Action::NewPlan { plan, demo } => {
                let mut s = AppState::with_plan(*plan, self.lang, demo);
                s.trace = None;
                s.damaged = self.damaged.clone();
                if !demo {
                    s.save = SaveState::Pending;
                }
                Rc::new(s)
            }
            Action::Optimised(r) => self.with(|s| s.optimised = r),
            Action::Detach => self.with(|s| {
                s.project = None;
                s.rev = 0;
                s.save = SaveState::Pending;
            }),
        }
    }
}

/// The save state after undo or redo: the plan changed, so a save is due.
fn pending_after(s: SaveState) -> SaveState {
    match s {
        SaveState::Conflict(_)
        | SaveState::Full
        | SaveState::Failed
        | SaveState::ReadOnly
        | SaveState::Preview => s,
        _ => SaveState::Pending,
    }
}

/// True when the selected thing still exists in `plan`.
pub fn exists(plan: &Plan, s: Sel) -> bool {
    let c = &plan.community;
    match s {
        Sel::Feature(Feature::Building(id)) => c.building(id).is_some(),
        Sel::Feature(Feature::Area(id)) => c.area(id).is_some(),
        Sel::Feature(Feature::Pipe(id)) => c.pipe(id).is_some(),
        Sel::Feature(Feature::Point(id)) => c.point(id).is_some(),
        Sel::Stairwell(id) => c.stairwell(id).is_some(),
        Sel::Placement(id) => plan.scenario().items.iter().any(|p| p.id == id),
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

    /// Applies an edit (one undo step).
    pub fn edit(&self, cmd: Command) {
        self.ctx.dispatch(Action::Edit(cmd));
    }

    /// Undoes the last edit.
    pub fn undo(&self) {
        self.ctx.dispatch(Action::Undo);
    }

    /// Redoes the last undone edit.
    pub fn redo(&self) {
        self.ctx.dispatch(Action::Redo);
    }

    /// Selects exactly these.
    pub fn select(&self, v: Vec<Sel>) {
        self.ctx.dispatch(Action::Select(v));
    }

    /// Adds to or removes from the selection.
    pub fn toggle(&self, s: Sel) {
        self.ctx.dispatch(Action::Toggle(s));
    }

    /// Chooses a tool.
    pub fn set_tool(&self, t: Tool) {
        self.ctx.dispatch(Action::SetTool(t));
    }

    /// Turns snapping on or off.
    pub fn set_snap(&self, b: bool) {
        self.ctx.dispatch(Action::SetSnap(b));
    }

    /// Shows a message.
    pub fn notify(&self, n: Notice) {
        self.ctx.dispatch(Action::Notify(n));
    }

    /// Hides the message.
    pub fn dismiss(&self) {
        self.ctx.dispatch(Action::Dismiss);
    }

    /// Sets the traced picture.
    pub fn set_trace(&self, t: Option<Trace>) {
        self.ctx.dispatch(Action::SetTrace(t));
    }

    /// Dispatches any action.
    pub fn dispatch(&self, a: Action) {
        self.ctx.dispatch(a);
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
}

/// The app handle from context. Panics only if used outside `App`, a programming error.
#[hook]
pub fn use_app() -> AppHandle {
    let ctx = use_context::<AppContext>().expect("use_app inside App's context provider");
    AppHandle { ctx }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::command::BuildingProps;
    use crate::core::geometry::rect;
    use crate::core::ids::{BuildingId, StairwellId};
    use crate::core::site::Target;

    fn reduce(s: Rc<AppState>, a: Action) -> Rc<AppState> {
        s.reduce(a)
    }

    #[test]
    fn edits_undo_and_redo_restore_plans_exactly() {
        let s0 = Rc::new(AppState::new(Lang::Zh));
        let original = s0.plan.0.clone();
        let s1 = reduce(
            s0,
            Action::Edit(Command::AddBuilding {
                footprint: rect(150.0, 10.0, 30.0, 11.0, 0.0),
                props: BuildingProps::typical("7号楼"),
            }),
        );
        assert_eq!(s1.plan.0.community.buildings.len(), 7);
        assert!(!s1.is_demo);
        assert_eq!(
            &*s1.selection,
            &[Sel::Feature(Feature::Building(BuildingId(7)))]
        );
        let s2 = reduce(s1.clone(), Action::Undo);
        assert_eq!(*s2.plan.0, *original);
        let s3 = reduce(s2, Action::Redo);
        assert_eq!(*s3.plan.0, *s1.plan.0);
    }

    #[test]
    fn a_refused_edit_keeps_the_plan_and_says_why() {
        let s0 = Rc::new(AppState::new(Lang::Zh));
        let s1 = reduce(
            s0.clone(),
            Action::Edit(Command::Place {
                item: "elevator".into(),
                target: Target::Area(crate::core::ids::FeatureId(1)),
            }),
        );
        assert!(Rc::ptr_eq(&s0.plan.0, &s1.plan.0));
        assert!(matches!(
            s1.notice,
            Some((Notice::Refused(EditError::WrongTarget { .. }), _))
        ));
        assert!(s1.undo.is_empty());
    }

    #[test]
    fn history_keeps_at_least_a_hundred_steps() {
        let mut s = Rc::new(AppState::new(Lang::Zh));
        for _ in 0..150 {
            s = reduce(
                s,
                Action::Edit(Command::Move {
                    features: vec![Feature::Building(BuildingId(1))],
                    dx: 0.5,
                    dy: 0.0,
                }),
            );
        }
        assert_eq!(s.undo.len(), 150);
        for _ in 0..150 {
            s = reduce(s, Action::Undo);
        }
        assert_eq!(*s.plan.0, demo_plan());
        let _ = StairwellId(0);
    }
}
