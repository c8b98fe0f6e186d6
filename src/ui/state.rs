//! The one app state, its actions and its reducer. The reducer is pure: it applies edits
//! through the core ([`crate::core::command::apply`]), keeps undo history and the selection,
//! and never touches storage, the URL or the clock (those effects live in `ui::session`, the
//! only place that dispatches actions). Each user intent is one action, tested natively below.

use crate::core::command::{apply, Command, EditError, Feature};
use crate::core::ids::{PlacementId, StairwellId};
use crate::core::lang::Lang;
use crate::core::plan::Plan;
use crate::core::plan_file::load_str;
use crate::core::DEMO_JSON;
use std::rc::Rc;
use yew::{AttrValue, Reducible};

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

    /// The state for a plan kept as `stored`.
    pub fn opened(plan: Plan, lang: Lang, stored: Stored) -> Self {
        let mut s = AppState::with_plan(plan, lang, stored == Stored::Demo);
        match stored {
            Stored::Demo => {}
            Stored::New => s.save = SaveState::Pending,
            Stored::Project {
                id,
                rev,
                saved_at_ms,
            } => {
                s.project = Some(id);
                s.rev = rev;
                s.save = SaveState::Saved(saved_at_ms);
            }
            Stored::ReadOnly { project } => {
                s.project = project;
                s.save = SaveState::ReadOnly;
            }
            Stored::Unstored(f) => s.save = f.state(),
            Stored::Link => s.save = SaveState::Preview,
        }
        s
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

/// Why the plan could not be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveFailure {
    /// Another tab or window saved a newer version (this revision).
    Conflict(u64),
    /// The browser's storage is full.
    Full,
    /// The browser's storage refused for another reason.
    Failed,
    /// The plan would not open again from its own file (a defect of the planner).
    Unsaveable,
}

impl SaveFailure {
    /// The save state it leaves.
    pub fn state(self) -> SaveState {
        match self {
            SaveFailure::Conflict(rev) => SaveState::Conflict(rev),
            SaveFailure::Full => SaveState::Full,
            SaveFailure::Failed => SaveState::Failed,
            SaveFailure::Unsaveable => SaveState::Unsaveable,
        }
    }
}

/// Where a plan that is being opened is kept.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    /// The untouched demo community: saved on its first edit.
    Demo,
    /// A new plan, not yet stored: saved at once.
    New,
    /// A project saved in this browser.
    Project {
        /// Its id.
        id: Rc<str>,
        /// The revision opened.
        rev: u64,
        /// When it was saved (ms since 1970).
        saved_at_ms: u64,
    },
    /// A plan from a newer planner: shown, never saved.
    ReadOnly {
        /// Its project, when it is one of this browser's.
        project: Option<Rc<str>>,
    },
    /// A plan that could not be stored (storage full or refused): kept in this window, with
    /// the export offered.
    Unstored(SaveFailure),
    /// A plan that arrived in a share link: shown read-only until imported or declined.
    Link,
}

/// What the user can do. Each user intent is one action (see `ui::session`).
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
    SaveFailed(SaveFailure),
    /// Put another plan on screen: a saved project, an imported file, another tab's version,
    /// a new blank plan, the demo, or a plan from a link.
    Open {
        /// The plan.
        plan: Box<Plan>,
        /// Where it is kept.
        stored: Stored,
        /// The page to show.
        page: Page,
        /// True when the plan is the readable part of a damaged project (which is then no
        /// longer offered for repair).
        repaired: bool,
    },
    /// Keep this window's plan as a new project (after a conflict).
    KeepMineAsCopy,
    /// Show a page.
    SetPage(Page),
    /// Close the offer to export or repair a damaged project.
    ForgetDamaged,
    /// Go back to the user's own work (after looking at a linked plan): this state, on the
    /// page and in the language shown.
    BackToOwnWork(Box<AppState>),
    /// Keep an optimisation as a new scenario (one undo step) and remember why each item was
    /// chosen or left out.
    Optimised {
        /// What the optimiser chose and why.
        report: Rc<crate::core::select::SelectionReport>,
        /// The new scenario's name.
        name: String,
        /// The scenario it was optimised from.
        from: crate::core::ids::ScenarioId,
    },
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

    /// The notice that refuses any change, when the plan is locked.
    fn locked_notice(&self) -> Option<Notice> {
        match self.save {
            SaveState::ReadOnly => Some(Notice::ReadOnly),
            SaveState::Preview => Some(Notice::LinkPreview),
            _ => None,
        }
    }

    /// One edit: the new plan and one undo step, or the plan unchanged and why.
    fn edited(self: Rc<Self>, cmd: &Command) -> Rc<Self> {
        if let Some(n) = self.locked_notice() {
            return self.notify(n);
        }
        let mut next = (*self.plan.0).clone();
        match apply(&mut next, cmd) {
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

    /// Undo (`back`) or redo.
    fn stepped(self: Rc<Self>, back: bool) -> Rc<Self> {
        if let Some(n) = self.locked_notice() {
            return self.notify(n);
        }
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

    /// Another plan on screen, in this language, with this state's damaged project still
    /// offered unless `repaired`; the traced picture stays only for the same project.
    fn replaced(
        self: Rc<Self>,
        plan: Plan,
        stored: Stored,
        page: Page,
        repaired: bool,
    ) -> Rc<Self> {
        let same_project =
            matches!(&stored, Stored::Project { id, .. } if self.project.as_deref() == Some(&**id));
        let read_only = matches!(stored, Stored::ReadOnly { .. });
        let mut s = AppState::opened(plan, self.lang, stored);
        s.page = page;
        s.damaged = if repaired { None } else { self.damaged.clone() };
        if same_project {
            s.trace = self.trace.clone();
        }
        let s = Rc::new(s);
        if read_only {
            s.notify(Notice::ReadOnly)
        } else {
            s
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetLang(lang) if lang != self.lang => self.with(|s| s.lang = lang),
            Action::SetLang(_) => self,
            Action::Edit(cmd) => self.edited(&cmd),
            Action::Undo => self.stepped(true),
            Action::Redo => self.stepped(false),
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
                if matches!(
                    s.save,
                    SaveState::Pending | SaveState::Saved(_) | SaveState::Full | SaveState::Failed
                ) {
                    s.save = SaveState::Saved(at_ms);
                }
            }),
            Action::SaveFailed(SaveFailure::Unsaveable) => self
                .with(|s| s.save = SaveState::Unsaveable)
                .notify(Notice::NotSaved),
            Action::SaveFailed(f) => self.with(|s| s.save = f.state()),
            Action::Open {
                plan,
                stored,
                page,
                repaired,
            } => self.replaced(*plan, stored, page, repaired),
            Action::SetPage(p) if p == self.page => self,
            Action::SetPage(p) => self.with(|s| s.page = p),
            Action::ForgetDamaged => self.with(|s| s.damaged = None),
            Action::BackToOwnWork(own) => {
                let mut s = *own;
                s.lang = self.lang;
                s.page = self.page;
                Rc::new(s)
            }
            Action::Optimised { report, name, from } => {
                let chosen = report.chosen.clone();
                let before = self.plan.clone();
                let next = self.edited(&Command::AddScenario {
                    name,
                    from: Some(from),
                    keep: Some(chosen),
                });
                if next.plan == before {
                    // Refused (a locked plan): nothing was kept, so nothing to explain.
                    return next;
                }
                next.with(|s| s.optimised = Some(report))
            }
            Action::KeepMineAsCopy => self.with(|s| {
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

    // The session's intents, one action each.

    fn open(s: &Rc<AppState>, plan: Plan, stored: Stored, page: Page) -> Rc<AppState> {
        reduce(
            s.clone(),
            Action::Open {
                plan: Box::new(plan),
                stored,
                page,
                repaired: false,
            },
        )
    }

    fn project(id: &str, rev: u64, at: u64) -> Stored {
        Stored::Project {
            id: Rc::from(id),
            rev,
            saved_at_ms: at,
        }
    }

    fn move_building(s: Rc<AppState>) -> Rc<AppState> {
        reduce(
            s,
            Action::Edit(Command::Move {
                features: vec![Feature::Building(BuildingId(1))],
                dx: 1.0,
                dy: 0.0,
            }),
        )
    }

    fn damaged() -> Damaged {
        Damaged {
            project: Rc::from("p-old"),
            name: "旧项目".into(),
            text: Rc::from("{"),
            error: Rc::new(crate::core::plan_file::LoadError {
                errors: Vec::new(),
                valid_rest: None,
            }),
        }
    }

    #[test]
    fn opening_a_project_shows_it_as_saved_at_its_own_time_on_the_page_asked() {
        let s0 = move_building(Rc::new(AppState::new(Lang::En)));
        let s0 = reduce(s0, Action::SetPage(Page::Projects));
        let s1 = open(
            &s0,
            Plan::blank("A", "S"),
            project("p1", 7, 1_700_000_000_000),
            Page::Plan,
        );
        assert_eq!(s1.project.as_deref(), Some("p1"));
        assert_eq!(s1.rev, 7);
        assert_eq!(s1.save, SaveState::Saved(1_700_000_000_000));
        assert_eq!(s1.page, Page::Plan);
        assert_eq!(s1.lang, Lang::En, "the language shown stays");
        assert!(
            s1.undo.is_empty(),
            "another plan's history is not this plan's"
        );
        assert!(!s1.is_demo);
        assert_eq!(s1.plan.0.community.name, "A");
    }

    #[test]
    fn new_plans_a_blank_one_is_saved_at_once_the_demo_on_its_first_edit() {
        let s0 = Rc::new(AppState::new(Lang::Zh));
        let blank = open(
            &s0,
            Plan::blank("新小区", "方案一"),
            Stored::New,
            Page::Projects,
        );
        assert_eq!(blank.save, SaveState::Pending);
        assert_eq!(blank.page, Page::Projects);
        assert!(!blank.is_demo);
        let demo = open(&blank, demo_plan(), Stored::Demo, Page::Projects);
        assert_eq!(demo.save, SaveState::Demo);
        assert!(demo.is_demo);
        let edited = move_building(demo);
        assert_eq!(edited.save, SaveState::Pending);
        assert!(!edited.is_demo);
    }

    #[test]
    fn a_plan_from_a_newer_planner_is_shown_locked_and_says_so() {
        let s0 = Rc::new(AppState::new(Lang::Zh));
        let s1 = open(
            &s0,
            demo_plan(),
            Stored::ReadOnly { project: None },
            Page::Compare,
        );
        assert_eq!(s1.save, SaveState::ReadOnly);
        assert!(matches!(s1.notice, Some((Notice::ReadOnly, _))));
        let s2 = move_building(s1.clone());
        assert!(
            Rc::ptr_eq(&s1.plan.0, &s2.plan.0),
            "no edit of a read-only plan"
        );
        let s3 = reduce(s2, Action::Undo);
        assert!(matches!(s3.notice, Some((Notice::ReadOnly, _))));
    }

    #[test]
    fn a_linked_plan_is_looked_at_then_left_for_ones_own_work_on_the_same_page() {
        let own = move_building(Rc::new(AppState::new(Lang::Zh)));
        let own_plan = own.plan.0.clone();
        let mut linked = Plan::blank("链接里的小区", "方案");
        linked.community.name = "链接里的小区".into();
        let s1 = open(&own, linked, Stored::Link, Page::Residents);
        assert_eq!(s1.save, SaveState::Preview);
        let s2 = move_building(s1.clone());
        assert!(Rc::ptr_eq(&s1.plan.0, &s2.plan.0));
        assert!(matches!(s2.notice, Some((Notice::LinkPreview, _))));
        let s3 = reduce(s2, Action::SetLang(Lang::En));
        let s4 = reduce(s3, Action::BackToOwnWork(Box::new((*own).clone())));
        assert!(Rc::ptr_eq(&s4.plan.0, &own_plan));
        assert_eq!((s4.page, s4.lang), (Page::Residents, Lang::En));
    }

    #[test]
    fn a_plan_that_could_not_be_stored_stays_on_screen_with_the_reason() {
        let s0 = Rc::new(AppState::new(Lang::Zh));
        let s1 = open(
            &s0,
            Plan::blank("A", "S"),
            Stored::Unstored(SaveFailure::Full),
            Page::Projects,
        );
        assert_eq!(s1.save, SaveState::Full);
        assert_eq!(s1.project, None);
        let s2 = move_building(open(
            &s1,
            demo_plan(),
            Stored::Unstored(SaveFailure::Failed),
            Page::Plan,
        ));
        assert_eq!(
            s2.save,
            SaveState::Failed,
            "an edit does not hide the failure"
        );
    }

    #[test]
    fn a_damaged_project_stays_offered_until_repaired_or_closed() {
        let mut s = AppState::new(Lang::Zh);
        s.damaged = Some(damaged());
        let s0 = Rc::new(s);
        let s1 = open(&s0, Plan::blank("A", "S"), project("p1", 1, 5), Page::Plan);
        assert!(
            s1.damaged.is_some(),
            "opening another project keeps the offer"
        );
        let s2 = reduce(
            s1.clone(),
            Action::Open {
                plan: Box::new(Plan::blank("修复", "S")),
                stored: project("p2", 1, 6),
                page: Page::Plan,
                repaired: true,
            },
        );
        assert!(s2.damaged.is_none());
        let s3 = reduce(s1, Action::ForgetDamaged);
        assert!(s3.damaged.is_none());
    }

    #[test]
    fn the_traced_picture_stays_with_its_project_only() {
        let s0 = open(
            &Rc::new(AppState::new(Lang::Zh)),
            demo_plan(),
            project("p1", 3, 10),
            Page::Plan,
        );
        let s1 = reduce(
            s0,
            Action::SetTrace(Some(Trace {
                url: AttrValue::from("data:image/png;base64,"),
                width_px: 100.0,
                height_px: 50.0,
                m_per_px: 0.5,
                opacity: 0.5,
            })),
        );
        let theirs = open(&s1, demo_plan(), project("p1", 4, 20), Page::Plan);
        assert!(
            theirs.trace.is_some(),
            "another tab's version of the same project"
        );
        let other = open(&s1, demo_plan(), project("p2", 1, 30), Page::Plan);
        assert!(other.trace.is_none());
    }

    #[test]
    fn saves_and_their_failures() {
        let s0 = move_building(Rc::new(AppState::new(Lang::Zh)));
        assert_eq!(s0.save, SaveState::Pending);
        let s1 = reduce(
            s0,
            Action::Saved {
                project: Rc::from("p9"),
                rev: 1,
                at_ms: 99,
            },
        );
        assert_eq!(
            (s1.project.as_deref(), s1.rev, s1.save),
            (Some("p9"), 1, SaveState::Saved(99))
        );
        let s2 = reduce(s1.clone(), Action::SaveFailed(SaveFailure::Conflict(4)));
        assert_eq!(s2.save, SaveState::Conflict(4));
        let s3 = reduce(s2, Action::KeepMineAsCopy);
        assert_eq!(
            (s3.project.clone(), s3.rev, s3.save),
            (None, 0, SaveState::Pending)
        );
        let s4 = reduce(s1, Action::SaveFailed(SaveFailure::Unsaveable));
        assert_eq!(s4.save, SaveState::Unsaveable);
        assert!(
            matches!(s4.notice, Some((Notice::NotSaved, _))),
            "the user is told"
        );
    }

    #[test]
    fn optimising_into_a_scenario_is_one_undo_step_and_remembers_why() {
        let s0 = Rc::new(AppState::new(Lang::Zh));
        let plan = s0.plan.0.clone();
        let scenario = plan.scenario().clone();
        let keep: Vec<PlacementId> = scenario.items.iter().take(3).map(|p| p.id).collect();
        let mut report = crate::core::jobs::Running::new(
            (*plan).clone(),
            crate::core::jobs::Job::Optimise(plan.selection),
        )
        .run()
        .into_iter()
        .find_map(|p| match p {
            crate::core::jobs::Part::Optimised(r) => Some(r),
            _ => None,
        })
        .expect("the optimiser answers");
        report.chosen = keep.clone();
        let s1 = reduce(
            s0.clone(),
            Action::Optimised {
                report: Rc::new(report),
                name: "优化 ¥100万".into(),
                from: scenario.id,
            },
        );
        assert_eq!(s1.plan.0.scenarios.len(), plan.scenarios.len() + 1);
        let made = s1.plan.0.scenario();
        assert_eq!(made.name, "优化 ¥100万");
        let kept: Vec<PlacementId> = made.items.iter().map(|p| p.id).collect();
        assert_eq!(kept.len(), keep.len());
        assert!(s1.optimised.is_some());
        assert_eq!(s1.undo.len(), 1, "one undo step");
        let back = reduce(s1, Action::Undo);
        assert_eq!(*back.plan.0, *plan);
    }
}
