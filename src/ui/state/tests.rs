//! The reducer's actions, each a user intent, tested natively.

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
