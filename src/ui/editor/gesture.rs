//! The editor's gestures as plain functions, tested natively: what a press with the select
//! tool starts, what the preview shows while the pointer moves, and what the release commits
//! (one edit, one undo step, or a new selection). The component only turns pointer events
//! into plan points and carries out what these functions return.

use super::render::Preview;
use super::view::Hit;
use crate::core::command::{snap, BuildingProps, Command, Feature};
use crate::core::geometry::{
    all_inside, drag_box, is_rectangle, rect, resize_rect, rotate_about, vertex_centroid, Pt, View,
};
use crate::core::plan::Plan;
use crate::core::site::Community;
use crate::ui::i18n::{new_building_name, Lang};
use crate::ui::state::{AppState, Sel};

/// An interaction in progress.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Drag {
    None,
    Pan {
        start: (f64, f64),
        view: View,
    },
    Move {
        start: Pt,
        features: Vec<Feature>,
        moved: bool,
    },
    Box {
        start: Pt,
        add: bool,
    },
    Vertex {
        feature: Feature,
        index: usize,
    },
    Rotate {
        feature: Feature,
        centre: Pt,
        start: f64,
    },
    Rect {
        start: Pt,
    },
    Pinch,
}

/// What a press with the select tool does.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Press {
    /// Shift-click: the thing under the pointer joins or leaves the selection.
    Toggle(Sel),
    /// A drag starts, after the selection becomes `select` (when given).
    Start {
        select: Option<Vec<Sel>>,
        drag: Drag,
    },
    /// Nothing (a handle with nothing selected, a mark that cannot be selected).
    Nothing,
}

/// The shape points of a feature.
pub(super) fn shape_of(plan: &Plan, f: Feature) -> Option<Vec<Pt>> {
    let c = &plan.community;
    Some(match f {
        Feature::Building(id) => c.building(id)?.footprint.clone(),
        Feature::Area(id) => c.area(id)?.polygon.clone(),
        Feature::Pipe(id) => c.pipe(id)?.path.clone(),
        Feature::Point(id) => vec![c.point(id)?.position],
    })
}

/// A press at plan point `p` on `hit` with the select tool: a corner handle reshapes, the
/// rotate handle turns, a feature is selected (shift: toggled) and moved with what else is
/// selected, empty ground starts a selection box (shift: adding to the selection).
pub(super) fn press_select(state: &AppState, hit: Option<Hit>, p: Pt, shift: bool) -> Press {
    let single = state.selection.first().and_then(|x| match x {
        Sel::Feature(f) => Some(*f),
        _ => None,
    });
    match hit {
        Some(Hit::Vertex(index)) => match single {
            Some(feature) => Press::Start {
                select: None,
                drag: Drag::Vertex { feature, index },
            },
            None => Press::Nothing,
        },
        Some(Hit::Rotate) => match single.and_then(|f| Some((f, shape_of(&state.plan.0, f)?))) {
            Some((feature, pts)) => {
                let c = vertex_centroid(&pts);
                Press::Start {
                    select: None,
                    drag: Drag::Rotate {
                        feature,
                        centre: c,
                        start: (p.y - c.y).atan2(p.x - c.x),
                    },
                }
            }
            None => Press::Nothing,
        },
        Some(h) => {
            let Some(sel) = h.sel() else {
                return Press::Nothing;
            };
            if shift {
                return Press::Toggle(sel);
            }
            let already = state.is_selected(sel);
            // Moving: the features selected (or the one under the pointer).
            let mut features = if already {
                state.selected_features()
            } else {
                Vec::new()
            };
            if let Sel::Feature(f) = sel {
                if !features.contains(&f) {
                    features = vec![f];
                }
            }
            let select = (!already).then(|| vec![sel]);
            if features.is_empty() {
                return match select {
                    Some(_) => Press::Start {
                        select,
                        drag: Drag::None,
                    },
                    None => Press::Nothing,
                };
            }
            Press::Start {
                select,
                drag: Drag::Move {
                    start: p,
                    features,
                    moved: false,
                },
            }
        }
        None => Press::Start {
            select: (!shift).then(Vec::new),
            drag: Drag::Box {
                start: p,
                add: shift,
            },
        },
    }
}

/// What the plan shows while `drag` goes on with the pointer at `p`: the moved offset (once
/// the pointer has gone 3 screen pixels), the box, the new rectangle, the reshaped or turned
/// outline (turns in 15° steps with shift or the grid). `None` for pans and pinches, which
/// move the view instead.
pub(super) fn drag_preview(
    drag: &mut Drag,
    plan: &Plan,
    p: Pt,
    step: f64,
    px_per_m: f64,
    shift: bool,
) -> Option<Preview> {
    let preview = match drag {
        Drag::None | Drag::Pan { .. } | Drag::Pinch => return None,
        Drag::Move { start, moved, .. } => {
            let off = Pt::new(p.x - start.x, p.y - start.y);
            if !*moved && off.x.hypot(off.y) * px_per_m <= 3.0 {
                return None;
            }
            *moved = true;
            Preview {
                offset: Some(snap(off, step)),
                ..Preview::default()
            }
        }
        Drag::Box { start, .. } => Preview {
            boxed: Some((*start, p)),
            ..Preview::default()
        },
        Drag::Rect { start } => Preview {
            rect: Some((*start, snap(p, step))),
            ..Preview::default()
        },
        Drag::Vertex { feature, index } => {
            let pts = shape_of(plan, *feature)?;
            let to = snap(p, step);
            let new = if matches!(feature, Feature::Building(_)) && is_rectangle(&pts) {
                resize_rect(&pts, *index, to)
            } else {
                let mut v = pts;
                if let Some(x) = v.get_mut(*index) {
                    *x = to;
                }
                v
            };
            Preview {
                shape: Some((*feature, new)),
                ..Preview::default()
            }
        }
        Drag::Rotate {
            feature,
            centre,
            start,
        } => {
            let pts = shape_of(plan, *feature)?;
            let mut a = (p.y - centre.y).atan2(p.x - centre.x) - *start;
            if shift || step > 0.0 {
                let q = 15f64.to_radians();
                a = (a / q).round() * q;
            }
            Preview {
                shape: Some((*feature, rotate_about(&pts, *centre, a))),
                ..Preview::default()
            }
        }
    };
    Some(preview)
}

/// What the release of `drag` with `preview` on screen does.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Release {
    /// One edit (one undo step).
    Edit(Command),
    /// A new selection.
    Select(Vec<Sel>),
    /// Nothing (a click, a drag back to where it started, a box or rectangle too small).
    Nothing,
}

/// The features wholly inside the box from `a` to `b`, in drawing order.
pub(super) fn features_in_box(c: &Community, lo: Pt, hi: Pt) -> Vec<Feature> {
    let inside = |pts: &[Pt]| all_inside(pts, lo, hi);
    c.buildings
        .iter()
        .filter(|b| inside(&b.footprint))
        .map(|b| Feature::Building(b.id))
        .chain(
            c.areas
                .iter()
                .filter(|a| inside(&a.polygon))
                .map(|a| Feature::Area(a.id)),
        )
        .chain(
            c.pipes
                .iter()
                .filter(|a| inside(&a.path))
                .map(|a| Feature::Pipe(a.id)),
        )
        .chain(
            c.points
                .iter()
                .filter(|a| inside(&[a.position]))
                .map(|a| Feature::Point(a.id)),
        )
        .collect()
}

/// The release of `drag`: a move commits its offset, a box selects what is wholly inside it
/// (added to `selection` when it began with shift, never listing a feature twice), a
/// rectangle of at least 3 m × 3 m becomes a new building, a reshape or turn commits the
/// new outline.
pub(super) fn release(
    drag: Drag,
    preview: &Preview,
    plan: &Plan,
    selection: &[Sel],
    lang: Lang,
) -> Release {
    match drag {
        Drag::Move {
            features,
            moved: true,
            ..
        } => match preview.offset.filter(|o| o.x != 0.0 || o.y != 0.0) {
            Some(off) => Release::Edit(Command::Move {
                features,
                dx: off.x,
                dy: off.y,
            }),
            None => Release::Nothing,
        },
        Drag::Box { add, .. } => {
            let Some((lo, hi)) = preview.boxed.and_then(|(a, b)| drag_box(a, b, 0.5)) else {
                return Release::Nothing;
            };
            let mut sel: Vec<Sel> = if add { selection.to_vec() } else { Vec::new() };
            for f in features_in_box(&plan.community, lo, hi) {
                if !sel.contains(&Sel::Feature(f)) {
                    sel.push(Sel::Feature(f));
                }
            }
            Release::Select(sel)
        }
        Drag::Rect { .. } => match preview.rect {
            Some((a, b)) if (b.x - a.x).abs() >= 3.0 && (b.y - a.y).abs() >= 3.0 => {
                let (w, h) = ((b.x - a.x).abs(), (b.y - a.y).abs());
                let name = new_building_name(lang, plan.community.buildings.len() + 1);
                Release::Edit(Command::AddBuilding {
                    footprint: rect(a.x.min(b.x), a.y.min(b.y), w, h, 0.0),
                    props: BuildingProps::typical(&name),
                })
            }
            _ => Release::Nothing,
        },
        Drag::Vertex { .. } | Drag::Rotate { .. } => match preview.shape.clone() {
            Some((feature, points)) => Release::Edit(Command::SetShape { feature, points }),
            None => Release::Nothing,
        },
        _ => Release::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geometry::polygon_area_m2;
    use crate::ui::state::demo_plan;

    fn state() -> AppState {
        AppState::with_plan(demo_plan(), Lang::Zh, false)
    }

    fn first_building(s: &AppState) -> Feature {
        Feature::Building(s.plan.0.community.buildings[0].id)
    }

    #[test]
    fn a_press_selects_and_moves_what_is_under_the_pointer() {
        let s = state();
        let b = first_building(&s);
        let p = Pt::new(1.0, 2.0);
        let Press::Start { select, drag } = press_select(
            &s,
            Some(Hit::Building(match b {
                Feature::Building(id) => id,
                _ => unreachable!(),
            })),
            p,
            false,
        ) else {
            panic!("a press on a building starts a drag");
        };
        assert_eq!(select, Some(vec![Sel::Feature(b)]));
        assert_eq!(
            drag,
            Drag::Move {
                start: p,
                features: vec![b],
                moved: false
            }
        );
        // Shift toggles instead; empty ground starts a box (shift: adding).
        let id = s.plan.0.community.buildings[0].id;
        assert_eq!(
            press_select(&s, Some(Hit::Building(id)), p, true),
            Press::Toggle(Sel::Feature(b))
        );
        assert_eq!(
            press_select(&s, None, p, true),
            Press::Start {
                select: None,
                drag: Drag::Box {
                    start: p,
                    add: true
                }
            }
        );
        assert_eq!(
            press_select(&s, None, p, false),
            Press::Start {
                select: Some(Vec::new()),
                drag: Drag::Box {
                    start: p,
                    add: false
                }
            }
        );
        // A handle with nothing selected does nothing.
        assert_eq!(
            press_select(&s, Some(Hit::Vertex(0)), p, false),
            Press::Nothing
        );
    }

    #[test]
    fn a_move_shows_only_after_three_pixels_and_commits_once() {
        let s = state();
        let b = first_building(&s);
        let mut d = Drag::Move {
            start: Pt::new(0.0, 0.0),
            features: vec![b],
            moved: false,
        };
        // 0.5 m at 4 px/m is 2 px: not yet a move.
        assert_eq!(
            drag_preview(&mut d, &s.plan.0, Pt::new(0.5, 0.0), 1.0, 4.0, false),
            None
        );
        let pv = drag_preview(&mut d, &s.plan.0, Pt::new(3.4, -1.6), 1.0, 4.0, false).unwrap();
        assert_eq!(pv.offset, Some(Pt::new(3.0, -2.0)), "snapped to the grid");
        assert_eq!(
            release(d, &pv, &s.plan.0, &[], Lang::Zh),
            Release::Edit(Command::Move {
                features: vec![b],
                dx: 3.0,
                dy: -2.0
            })
        );
        // A click (never moved) commits nothing.
        let d = Drag::Move {
            start: Pt::new(0.0, 0.0),
            features: vec![b],
            moved: false,
        };
        assert_eq!(
            release(d, &Preview::default(), &s.plan.0, &[], Lang::Zh),
            Release::Nothing
        );
    }

    #[test]
    fn a_box_selects_what_is_wholly_inside_and_adds_without_repeats() {
        let s = state();
        let c = &s.plan.0.community;
        let (lo, hi) = crate::core::geometry::bounds(c.all_points()).unwrap();
        let all = features_in_box(c, lo, hi);
        assert_eq!(
            all.len(),
            c.buildings.len() + c.areas.len() + c.pipes.len() + c.points.len()
        );
        let b = first_building(&s);
        let pv = Preview {
            boxed: Some((hi, lo)),
            ..Preview::default()
        };
        let Release::Select(sel) = release(
            Drag::Box {
                start: hi,
                add: true,
            },
            &pv,
            &s.plan.0,
            &[Sel::Feature(b)],
            Lang::Zh,
        ) else {
            panic!("a box selects");
        };
        assert_eq!(
            sel.len(),
            all.len(),
            "the building already selected is not listed twice"
        );
        assert_eq!(sel[0], Sel::Feature(b));
        let tiny = Preview {
            boxed: Some((lo, Pt::new(lo.x + 0.2, lo.y + 0.2))),
            ..Preview::default()
        };
        assert_eq!(
            release(
                Drag::Box {
                    start: lo,
                    add: false
                },
                &tiny,
                &s.plan.0,
                &[],
                Lang::Zh
            ),
            Release::Nothing
        );
    }

    #[test]
    fn a_rectangle_of_three_metres_or_more_becomes_a_named_building() {
        let s = state();
        let n = s.plan.0.community.buildings.len();
        let pv = Preview {
            rect: Some((Pt::new(10.0, 10.0), Pt::new(4.0, 30.0))),
            ..Preview::default()
        };
        let Release::Edit(Command::AddBuilding { footprint, props }) = release(
            Drag::Rect {
                start: Pt::new(10.0, 10.0),
            },
            &pv,
            &s.plan.0,
            &[],
            Lang::Zh,
        ) else {
            panic!("a rectangle adds a building");
        };
        assert!((polygon_area_m2(&footprint) - 120.0).abs() < 1e-9);
        assert_eq!(props.name, format!("{}号楼", n + 1));
        let small = Preview {
            rect: Some((Pt::new(0.0, 0.0), Pt::new(2.0, 9.0))),
            ..Preview::default()
        };
        assert_eq!(
            release(
                Drag::Rect {
                    start: Pt::new(0.0, 0.0)
                },
                &small,
                &s.plan.0,
                &[],
                Lang::En
            ),
            Release::Nothing
        );
    }

    #[test]
    fn reshaping_a_rectangular_building_keeps_it_rectangular_and_turns_snap_to_15_degrees() {
        let s = state();
        let b = first_building(&s);
        let pts = shape_of(&s.plan.0, b).unwrap();
        let mut d = Drag::Vertex {
            feature: b,
            index: 0,
        };
        let to = Pt::new(pts[0].x - 2.0, pts[0].y - 1.0);
        let pv = drag_preview(&mut d, &s.plan.0, to, 0.0, 4.0, false).unwrap();
        let (f, new) = pv.shape.clone().unwrap();
        assert_eq!(f, b);
        if is_rectangle(&pts) {
            assert!(is_rectangle(&new));
        }
        assert_eq!(
            release(d, &pv, &s.plan.0, &[], Lang::Zh),
            Release::Edit(Command::SetShape {
                feature: b,
                points: new
            })
        );
        // A turn of about 20° with shift snaps to 15°: the outline keeps its area.
        let c = vertex_centroid(&pts);
        let mut d = Drag::Rotate {
            feature: b,
            centre: c,
            start: 0.0,
        };
        let a = 20f64.to_radians();
        let p = Pt::new(c.x + 10.0 * a.cos(), c.y + 10.0 * a.sin());
        let pv = drag_preview(&mut d, &s.plan.0, p, 0.0, 4.0, true).unwrap();
        let (_, turned) = pv.shape.unwrap();
        assert_eq!(turned, rotate_about(&pts, c, 15f64.to_radians()));
        let (a0, a1) = (polygon_area_m2(&pts), polygon_area_m2(&turned));
        assert!(
            (a1 - a0).abs() < 0.05,
            "{a0} → {a1} (corners kept to the millimetre)"
        );
    }
}
