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
mod tests;
