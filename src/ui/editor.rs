//! The site-plan editor: the plan as SVG in metres with pan and zoom (wheel, pinch, buttons,
//! fit), a grid with snapping, a scale bar and a north arrow; drawing buildings, areas, pipe
//! runs and points; selecting (click, shift-click, box), moving, reshaping, rotating,
//! deleting and duplicating; placed items as badges. Every commit is one [`Command`]; a drag
//! previews locally and commits once when released (one undo step).

use super::i18n::{area_kind_name, point_kind_name, t, Key, Lang};
use super::palette::class_css;
use super::state::{use_app, AppHandle, PlanRef, Sel, Tool, Trace};
use crate::core::catalog::{Catalog, Class};
use crate::core::command::{snap, BuildingProps, Command, Feature};
use crate::core::format::{place_name, stairwell_label};
use crate::core::geometry::{bounds, polygon_area_m2, rect, vertex_centroid, Pt};
use crate::core::model::*;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// The visible part of the plan, metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl View {
    /// The whole community with a margin.
    pub fn fit(plan: &Plan) -> View {
        let (lo, hi) = bounds(plan.community.all_points())
            .unwrap_or((Pt::new(0.0, 0.0), Pt::new(100.0, 100.0)));
        let m = 10.0;
        View {
            x: lo.x - m,
            y: lo.y - m,
            w: (hi.x - lo.x + 2.0 * m).max(20.0),
            h: (hi.y - lo.y + 2.0 * m).max(20.0),
        }
    }

    /// Zooms by `f` (< 1 in, > 1 out) keeping `about` in place.
    pub fn zoom(self, f: f64, about: Pt) -> View {
        let f = f.clamp(0.2, 5.0);
        let w = (self.w * f).clamp(5.0, 20_000.0);
        let f = w / self.w;
        View {
            x: about.x - (about.x - self.x) * f,
            y: about.y - (about.y - self.y) * f,
            w,
            h: self.h * f,
        }
    }

    fn centre(self) -> Pt {
        Pt::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// Maps screen points to plan points for an SVG shown with `xMidYMid meet`.
#[derive(Debug, Clone, Copy)]
pub struct Screen {
    left: f64,
    top: f64,
    scale: f64,
}

impl Screen {
    /// From the element's box and the view.
    pub fn new(rect: &web_sys::DomRect, v: View) -> Screen {
        let scale = (rect.width() / v.w).min(rect.height() / v.h).max(1e-9);
        Screen {
            left: rect.left() + (rect.width() - v.w * scale) / 2.0 - v.x * scale,
            top: rect.top() + (rect.height() - v.h * scale) / 2.0 - v.y * scale,
            scale,
        }
    }

    /// The plan point under a screen point.
    pub fn to_plan(self, x: f64, y: f64) -> Pt {
        Pt::new((x - self.left) / self.scale, (y - self.top) / self.scale)
    }

    /// Pixels per metre.
    pub fn px_per_m(self) -> f64 {
        self.scale
    }
}

/// What a pointer hit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Hit {
    /// A building.
    Building(BuildingId),
    /// A stairwell mark.
    Stairwell(StairwellId),
    /// An area.
    Area(FeatureId),
    /// A pipe run.
    Pipe(FeatureId),
    /// A point.
    Point(FeatureId),
    /// A placed item's badge.
    Placement(PlacementId),
    /// A vertex handle of the selected shape.
    Vertex(usize),
    /// The rotate handle of the selected building.
    Rotate,
}

/// Reads a `data-hit` value.
pub fn parse_hit(s: &str) -> Option<Hit> {
    let (k, v) = s.split_once(':')?;
    let n: u32 = v.parse().ok()?;
    Some(match k {
        "b" => Hit::Building(BuildingId(n)),
        "s" => Hit::Stairwell(StairwellId(n)),
        "a" => Hit::Area(FeatureId(n)),
        "p" => Hit::Pipe(FeatureId(n)),
        "t" => Hit::Point(FeatureId(n)),
        "pl" => Hit::Placement(PlacementId(n)),
        "v" => Hit::Vertex(n as usize),
        "r" => Hit::Rotate,
        _ => return None,
    })
}

impl Hit {
    /// The target an item dropped here goes on.
    pub fn target(self, plan: &Plan) -> Option<Target> {
        Some(match self {
            Hit::Building(id) => Target::Building(id),
            Hit::Stairwell(id) => Target::Stairwell(id),
            Hit::Area(id) => Target::Area(id),
            Hit::Pipe(id) => Target::Pipe(id),
            Hit::Point(id) => Target::Point(id),
            Hit::Placement(id) => plan.scenario().items.iter().find(|p| p.id == id)?.target,
            Hit::Vertex(_) | Hit::Rotate => return None,
        })
    }

    /// What clicking it selects.
    pub fn sel(self) -> Option<Sel> {
        Some(match self {
            Hit::Building(id) => Sel::Feature(Feature::Building(id)),
            Hit::Stairwell(id) => Sel::Stairwell(id),
            Hit::Area(id) => Sel::Feature(Feature::Area(id)),
            Hit::Pipe(id) => Sel::Feature(Feature::Pipe(id)),
            Hit::Point(id) => Sel::Feature(Feature::Point(id)),
            Hit::Placement(id) => Sel::Placement(id),
            Hit::Vertex(_) | Hit::Rotate => return None,
        })
    }
}

fn points_attr(pts: &[Pt]) -> AttrValue {
    let mut s = String::with_capacity(pts.len() * 12);
    for p in pts {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&format!("{:.2},{:.2}", p.x, p.y));
    }
    s.into()
}

/// A scale bar length that is a round number of metres and about a fifth of the width.
pub fn scale_bar_m(width_m: f64) -> f64 {
    let target = (width_m / 5.0).max(1.0);
    let mag = 10f64.powf(target.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|f| f * mag)
        .take_while(|&l| l <= target)
        .last()
        .unwrap_or(mag)
}

/// The shape points of a feature.
fn shape_of(plan: &Plan, f: Feature) -> Option<Vec<Pt>> {
    let c = &plan.community;
    Some(match f {
        Feature::Building(id) => c.building(id)?.footprint.clone(),
        Feature::Area(id) => c.area(id)?.polygon.clone(),
        Feature::Pipe(id) => c.pipe(id)?.path.clone(),
        Feature::Point(id) => vec![c.point(id)?.position],
    })
}

/// True when four points form a rectangle (right angles within 0.5°).
fn is_rectangle(p: &[Pt]) -> bool {
    p.len() == 4
        && (0..4).all(|i| {
            let (a, b, c) = (p[i], p[(i + 1) % 4], p[(i + 2) % 4]);
            let (ux, uy, vx, vy) = (b.x - a.x, b.y - a.y, c.x - b.x, c.y - b.y);
            let dot = ux * vx + uy * vy;
            let n = ux.hypot(uy) * vx.hypot(vy);
            n > 0.0 && (dot / n).abs() < 0.01
        })
}

/// Moves corner `i` of a rectangle to `to`, keeping the opposite corner and right angles.
fn resize_rect(p: &[Pt], i: usize, to: Pt) -> Vec<Pt> {
    let o = p[(i + 2) % 4];
    let (a, b) = (p[(i + 1) % 4], p[(i + 3) % 4]);
    // Unit axes along the sides meeting at the opposite corner.
    let axis = |q: Pt| {
        let (dx, dy) = (q.x - o.x, q.y - o.y);
        let n = dx.hypot(dy).max(1e-9);
        (dx / n, dy / n)
    };
    let (ua, ub) = (axis(a), axis(b));
    let (dx, dy) = (to.x - o.x, to.y - o.y);
    let la = (dx * ua.0 + dy * ua.1).max(1.0);
    let lb = (dx * ub.0 + dy * ub.1).max(1.0);
    let na = Pt::new(o.x + ua.0 * la, o.y + ua.1 * la);
    let nb = Pt::new(o.x + ub.0 * lb, o.y + ub.1 * lb);
    let ni = Pt::new(o.x + ua.0 * la + ub.0 * lb, o.y + ua.1 * la + ub.1 * lb);
    let mut out = p.to_vec();
    out[i] = ni;
    out[(i + 1) % 4] = na;
    out[(i + 3) % 4] = nb;
    out
}

fn rotate(pts: &[Pt], c: Pt, rad: f64) -> Vec<Pt> {
    let (s, k) = rad.sin_cos();
    pts.iter()
        .map(|p| {
            let (dx, dy) = (p.x - c.x, p.y - c.y);
            Pt::new(c.x + dx * k - dy * s, c.y + dx * s + dy * k)
        })
        .collect()
}

/// An interaction in progress.
#[derive(Debug, Clone, PartialEq)]
enum Drag {
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

/// A preview drawn during an interaction.
#[derive(Debug, Clone, PartialEq, Default)]
struct Preview {
    /// Offset of the moving features.
    offset: Option<Pt>,
    /// A reshaped feature.
    shape: Option<(Feature, Vec<Pt>)>,
    /// A selection box.
    boxed: Option<(Pt, Pt)>,
    /// A rectangle being drawn.
    rect: Option<(Pt, Pt)>,
    /// The pointer, for rubber bands.
    pointer: Option<Pt>,
}

/// Sizes of the plan's labels in screen pixels (converted to metres at the current zoom),
/// so that names stay readable on a phone: at least 12 px, as the age-friendly guidelines ask.
pub mod label_px {
    /// A building's name.
    pub const BUILDING: f64 = 14.0;
    /// Badges and stairwell numbers.
    pub const SMALL: f64 = 12.0;
    /// A stairwell mark's side.
    pub const MARK: f64 = 20.0;
}

/// The width of `text` in ems, for laying out labels (CJK characters are one em wide, Latin
/// letters and digits about 0.6).
pub fn text_em(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum()
}

/// Where the badges of one target go: rows of pills of the given widths, centred under the
/// anchor, each row at most `max_w` wide, at most `max_rows` rows; the badges that do not fit
/// are counted instead. Returns each shown badge's left edge and top (relative to the
/// anchor) and how many are hidden. One "+N" pill takes the last place when any is hidden.
pub fn lay_out_badges(
    widths: &[f64],
    max_w: f64,
    max_rows: usize,
    h: f64,
    gap: f64,
    more_w: f64,
) -> (Vec<(f64, f64)>, usize) {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut row_w = 0.0;
    for (i, &w) in widths.iter().enumerate() {
        match rows.last_mut() {
            Some(r) if row_w + gap + w <= max_w => {
                r.push(i);
                row_w += gap + w;
            }
            _ => {
                rows.push(vec![i]);
                row_w = w;
            }
        }
    }
    let mut hidden = 0;
    if rows.len() > max_rows {
        hidden = rows[max_rows..].iter().map(Vec::len).sum();
        rows.truncate(max_rows);
        // Room for the "+N" pill at the end of the last row.
        if let Some(last) = rows.last_mut() {
            let w = |r: &[usize]| r.iter().map(|&i| widths[i]).sum::<f64>() + gap * r.len() as f64;
            while last.len() > 1 && w(last) + more_w > max_w {
                last.pop();
                hidden += 1;
            }
        }
    }
    let mut out = vec![(0.0, 0.0); widths.len()];
    let mut shown = Vec::new();
    for (k, r) in rows.iter().enumerate() {
        let extra = if hidden > 0 && k + 1 == rows.len() {
            more_w + gap
        } else {
            0.0
        };
        let total: f64 = r.iter().map(|&i| widths[i]).sum::<f64>()
            + gap * r.len().saturating_sub(1) as f64
            + extra;
        let mut x = -total / 2.0;
        for &i in r {
            out[i] = (x, k as f64 * (h + gap));
            shown.push(i);
            x += widths[i] + gap;
        }
    }
    (shown.iter().map(|&i| out[i]).collect(), hidden)
}

/// Where a building's name goes: inside, above the middle, when the outline is tall enough on
/// screen for the name, a row of badges and the stairwell marks; else just above the outline
/// (small buildings on a phone). `m` is metres per screen pixel.
fn name_spot(footprint: &[Pt], m: f64) -> (Pt, bool) {
    let ctr = vertex_centroid(footprint);
    let (lo, hi) = bounds(footprint.iter().copied()).unwrap_or((ctr, ctr));
    let inside =
        (hi.y - lo.y) / m >= label_px::BUILDING + label_px::SMALL * 1.5 + label_px::MARK + 14.0;
    if inside {
        (Pt::new(ctr.x, lo.y + (hi.y - lo.y) * 0.3), true)
    } else {
        (Pt::new(ctr.x, lo.y - label_px::BUILDING * 0.7 * m), false)
    }
}

/// Where badges of a target sit (the centre of their first row's top edge, or of its bottom
/// edge when they stack upwards), how wide a row of them may be, metres, and whether they
/// stack upwards. `m` is metres per screen pixel. Items on the whole community are listed
/// above the plan, not on it.
fn anchor(plan: &Plan, t: Target, m: f64) -> Option<(Pt, f64, bool)> {
    let c = &plan.community;
    let below = |p: Pt, px: f64| Pt::new(p.x, p.y + px * m);
    Some(match t {
        Target::Community => return None,
        Target::Building(id) => {
            let b = c.building(id)?;
            let (lo, hi) = bounds(b.footprint.iter().copied())?;
            let (spot, inside) = name_spot(&b.footprint, m);
            let w = (hi.x - lo.x).max(90.0 * m);
            if inside {
                (below(spot, label_px::BUILDING * 0.6 + 2.0), w, false)
            } else {
                (below(spot, -(label_px::BUILDING * 0.6 + 2.0)), w, true)
            }
        }
        Target::Stairwell(id) => {
            let (_, s) = c.stairwell(id)?;
            (
                below(s.position, label_px::MARK * 0.5 + 3.0),
                70.0 * m,
                false,
            )
        }
        Target::Area(id) => {
            let a = c.area(id)?;
            let ctr = vertex_centroid(&a.polygon);
            let (lo, hi) = bounds(a.polygon.iter().copied())?;
            (ctr, (hi.x - lo.x).max(90.0 * m), false)
        }
        Target::Pipe(id) => {
            let p = c.pipe(id)?;
            let n = p.path.len();
            let (a, b) = (p.path[n / 2 - usize::from(n % 2 == 0)], p.path[n / 2]);
            (
                below(Pt::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0), 4.0),
                120.0 * m,
                false,
            )
        }
        Target::Point(id) => (below(c.point(id)?.position, 8.0), 90.0 * m, false),
    })
}

/// Properties of [`PlanEditor`].
#[derive(Properties, PartialEq)]
pub struct PlanEditorProps {}

/// The site-plan editor.
#[component]
pub fn PlanEditor(_props: &PlanEditorProps) -> Html {
    let app = use_app();
    let s = app.state();
    let lang = s.lang;
    let plan = s.plan.clone();
    let project = s.project.clone();
    let view = {
        let project = project.clone();
        let plan = plan.clone();
        use_state(move || {
            project
                .and_then(|id| super::storage::saved_view(&id))
                .map_or_else(|| View::fit(&plan.0), |[x, y, w, h]| View { x, y, w, h })
        })
    };
    {
        // Remember the view (for reopening exactly where the user was), a moment after it
        // stops changing.
        let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        use_effect_with((*view, project), move |(v, project)| {
            if let Some(id) = project.clone() {
                let v = *v;
                *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(300, move || {
                    super::storage::save_view(&id, [v.x, v.y, v.w, v.h]);
                }));
            }
        });
    }
    let svg_ref = use_node_ref();
    // The drawing's size on screen, from a ResizeObserver: it reports after the browser's own
    // layout, so neither an edit nor a change of page forces a layout of the whole plan (a
    // measurement in an effect did, 20-60 ms on a large community). A hidden plan (another
    // page) reports 0 × 0, which is not kept.
    let size = use_state_eq(|| (0.0f64, 0.0f64));
    {
        let (size, svg_ref) = (size.clone(), svg_ref.clone());
        use_effect_with((), move |_| observe_size(&svg_ref, size))
    }
    // Screen pixels per metre at the current zoom, for labels sized in pixels.
    let ppm = match *size {
        (w, h) if w > 0.0 && h > 0.0 => (w / view.w).min(h / view.h).max(1e-9),
        _ => 3.0,
    };
    let drag = use_mut_ref(|| Drag::None);
    let pointers = use_mut_ref(HashMap::<i32, (f64, f64)>::new);
    let pinch_start = use_mut_ref(|| None::<(f64, View, Pt)>);
    let preview = use_state(Preview::default);
    let draft = use_state(Vec::<Pt>::new);
    let calib = use_state(Vec::<Pt>::new);
    let catalog = super::state::catalog_of(&plan.0);
    let step = if s.snap { 1.0 } else { 0.0 };

    let screen = {
        let svg_ref = svg_ref.clone();
        let view = view.clone();
        move || {
            svg_ref
                .cast::<Element>()
                .map(|el| Screen::new(&el.get_bounding_client_rect(), *view))
        }
    };
    let hit_of = |e: &PointerEvent| -> Option<Hit> {
        e.target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("[data-hit]").ok().flatten())
            .and_then(|el| el.get_attribute("data-hit"))
            .and_then(|h| parse_hit(&h))
    };
    let selected_shape = s.selection.iter().find_map(|x| match x {
        Sel::Feature(f) if s.selection.len() == 1 => Some(*f),
        _ => None,
    });

    let onpointerdown = {
        let app = app.clone();
        let drag = drag.clone();
        let view = view.clone();
        let screen = screen.clone();
        let preview = preview.clone();
        let draft = draft.clone();
        let calib = calib.clone();
        let pointers = pointers.clone();
        let pinch_start = pinch_start.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(sc) = screen() else { return };
            let (cx, cy) = (f64::from(e.client_x()), f64::from(e.client_y()));
            pointers.borrow_mut().insert(e.pointer_id(), (cx, cy));
            if let Some(el) = svg_ref.cast::<Element>() {
                let _ = el.set_pointer_capture(e.pointer_id());
            }
            if pointers.borrow().len() == 2 {
                let ps: Vec<(f64, f64)> = pointers.borrow().values().copied().collect();
                let dist = (ps[0].0 - ps[1].0).hypot(ps[0].1 - ps[1].1);
                let mid = sc.to_plan((ps[0].0 + ps[1].0) / 2.0, (ps[0].1 + ps[1].1) / 2.0);
                *pinch_start.borrow_mut() = Some((dist, *view, mid));
                *drag.borrow_mut() = Drag::Pinch;
                preview.set(Preview::default());
                return;
            }
            let p = sc.to_plan(cx, cy);
            let sp = snap(p, step);
            let state = app.state();
            let hit = hit_of(&e);
            let pan = e.button() == 1
                || e.button() == 2
                || (e.pointer_type() == "touch" && hit.is_none() && state.tool == Tool::Select);
            if pan {
                *drag.borrow_mut() = Drag::Pan {
                    start: (cx, cy),
                    view: *view,
                };
                return;
            }
            if e.button() != 0 {
                return;
            }
            match state.tool {
                Tool::Select => match hit {
                    Some(Hit::Vertex(i)) => {
                        if let Some(f) = state.selection.first().and_then(|x| match x {
                            Sel::Feature(f) => Some(*f),
                            _ => None,
                        }) {
                            *drag.borrow_mut() = Drag::Vertex {
                                feature: f,
                                index: i,
                            };
                        }
                    }
                    Some(Hit::Rotate) => {
                        if let Some(Sel::Feature(f)) = state.selection.first().copied() {
                            if let Some(pts) = shape_of(&state.plan.0, f) {
                                let c = vertex_centroid(&pts);
                                *drag.borrow_mut() = Drag::Rotate {
                                    feature: f,
                                    centre: c,
                                    start: (p.y - c.y).atan2(p.x - c.x),
                                };
                            }
                        }
                    }
                    Some(h) => {
                        let Some(sel) = h.sel() else { return };
                        if e.shift_key() {
                            app.toggle(sel);
                            return;
                        }
                        if !state.is_selected(sel) {
                            app.select(vec![sel]);
                        }
                        // Moving: the features selected (or the one under the pointer).
                        let mut features: Vec<Feature> = if state.is_selected(sel) {
                            state.selected_features()
                        } else {
                            Vec::new()
                        };
                        if let Sel::Feature(f) = sel {
                            if !features.contains(&f) {
                                features = vec![f];
                            }
                        }
                        if !features.is_empty() {
                            *drag.borrow_mut() = Drag::Move {
                                start: p,
                                features,
                                moved: false,
                            };
                        }
                    }
                    None => {
                        if !e.shift_key() {
                            app.select(Vec::new());
                        }
                        *drag.borrow_mut() = Drag::Box {
                            start: p,
                            add: e.shift_key(),
                        };
                    }
                },
                Tool::Building => {
                    *drag.borrow_mut() = Drag::Rect { start: sp };
                }
                Tool::BuildingPolygon | Tool::Area(_) | Tool::Pipe(_) => {
                    let mut d = (*draft).clone();
                    if d.last() != Some(&sp) {
                        d.push(sp);
                    }
                    draft.set(d);
                }
                Tool::Point(kind) => {
                    let name = point_kind_name(state.lang, kind).to_string();
                    app.edit(Command::AddPoint {
                        kind,
                        name,
                        position: sp,
                    });
                }
                Tool::Calibrate => {
                    // Two points, then the real distance is asked beside the plan.
                    let mut c = (*calib).clone();
                    if c.len() < 2 {
                        c.push(p);
                        calib.set(c);
                    }
                }
            }
        })
    };

    let onpointermove = {
        let drag = drag.clone();
        let view = view.clone();
        let screen = screen.clone();
        let preview = preview.clone();
        let pointers = pointers.clone();
        let pinch_start = pinch_start.clone();
        let app = app.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(sc) = screen() else { return };
            let (cx, cy) = (f64::from(e.client_x()), f64::from(e.client_y()));
            if pointers.borrow().contains_key(&e.pointer_id()) {
                pointers.borrow_mut().insert(e.pointer_id(), (cx, cy));
            }
            let p = sc.to_plan(cx, cy);
            let mut d = drag.borrow_mut();
            match &mut *d {
                Drag::None => {
                    if matches!(
                        app.state().tool,
                        Tool::BuildingPolygon | Tool::Area(_) | Tool::Pipe(_)
                    ) {
                        preview.set(Preview {
                            pointer: Some(snap(p, step)),
                            ..Preview::default()
                        });
                    }
                }
                Drag::Pan { start, view: v0 } => {
                    let k = sc.px_per_m();
                    view.set(View {
                        x: v0.x - (cx - start.0) / k,
                        y: v0.y - (cy - start.1) / k,
                        ..*v0
                    });
                }
                Drag::Pinch => {
                    let ps: Vec<(f64, f64)> = pointers.borrow().values().copied().collect();
                    if let (Some((d0, v0, mid)), true) = (*pinch_start.borrow(), ps.len() == 2) {
                        let dist = (ps[0].0 - ps[1].0).hypot(ps[0].1 - ps[1].1).max(1.0);
                        view.set(v0.zoom(d0 / dist, mid));
                    }
                }
                Drag::Move { start, moved, .. } => {
                    let off = Pt::new(p.x - start.x, p.y - start.y);
                    if off.x.hypot(off.y) * sc.px_per_m() > 3.0 || *moved {
                        *moved = true;
                        preview.set(Preview {
                            offset: Some(snap(off, step)),
                            ..Preview::default()
                        });
                    }
                }
                Drag::Box { start, .. } => {
                    preview.set(Preview {
                        boxed: Some((*start, p)),
                        ..Preview::default()
                    });
                }
                Drag::Rect { start } => {
                    preview.set(Preview {
                        rect: Some((*start, snap(p, step))),
                        ..Preview::default()
                    });
                }
                Drag::Vertex { feature, index } => {
                    if let Some(pts) = shape_of(&app.state().plan.0, *feature) {
                        let to = snap(p, step);
                        let new = if matches!(feature, Feature::Building(_)) && is_rectangle(&pts) {
                            resize_rect(&pts, *index, to)
                        } else {
                            let mut v = pts.clone();
                            if let Some(x) = v.get_mut(*index) {
                                *x = to;
                            }
                            v
                        };
                        preview.set(Preview {
                            shape: Some((*feature, new)),
                            ..Preview::default()
                        });
                    }
                }
                Drag::Rotate {
                    feature,
                    centre,
                    start,
                } => {
                    if let Some(pts) = shape_of(&app.state().plan.0, *feature) {
                        let mut a = (p.y - centre.y).atan2(p.x - centre.x) - *start;
                        if e.shift_key() || step > 0.0 {
                            let q = 15f64.to_radians();
                            a = (a / q).round() * q;
                        }
                        preview.set(Preview {
                            shape: Some((*feature, rotate(&pts, *centre, a))),
                            ..Preview::default()
                        });
                    }
                }
            }
        })
    };

    let onpointerup = {
        let drag = drag.clone();
        let preview = preview.clone();
        let pointers = pointers.clone();
        let app = app.clone();
        let screen = screen.clone();
        Callback::from(move |e: PointerEvent| {
            pointers.borrow_mut().remove(&e.pointer_id());
            let d = std::mem::replace(&mut *drag.borrow_mut(), Drag::None);
            let pv = (*preview).clone();
            preview.set(Preview::default());
            let state = app.state();
            match d {
                Drag::Move {
                    features,
                    moved: true,
                    ..
                } => {
                    if let Some(off) = pv.offset.filter(|o| o.x != 0.0 || o.y != 0.0) {
                        app.edit(Command::Move {
                            features,
                            dx: off.x,
                            dy: off.y,
                        });
                    }
                }
                Drag::Box { start, add } => {
                    if let (Some((a, b)), Some(_)) = (pv.boxed, screen()) {
                        let (lo, hi) = (
                            Pt::new(a.x.min(b.x), a.y.min(b.y)),
                            Pt::new(a.x.max(b.x), a.y.max(b.y)),
                        );
                        if (hi.x - lo.x) > 0.5 || (hi.y - lo.y) > 0.5 {
                            let inside = |pts: &[Pt]| {
                                pts.iter().all(|p| {
                                    p.x >= lo.x && p.x <= hi.x && p.y >= lo.y && p.y <= hi.y
                                })
                            };
                            let c = &state.plan.0.community;
                            let mut sel: Vec<Sel> = if add {
                                state.selection.to_vec()
                            } else {
                                Vec::new()
                            };
                            sel.extend(
                                c.buildings
                                    .iter()
                                    .filter(|b| inside(&b.footprint))
                                    .map(|b| Sel::Feature(Feature::Building(b.id))),
                            );
                            sel.extend(
                                c.areas
                                    .iter()
                                    .filter(|a| inside(&a.polygon))
                                    .map(|a| Sel::Feature(Feature::Area(a.id))),
                            );
                            sel.extend(
                                c.pipes
                                    .iter()
                                    .filter(|a| inside(&a.path))
                                    .map(|a| Sel::Feature(Feature::Pipe(a.id))),
                            );
                            sel.extend(
                                c.points
                                    .iter()
                                    .filter(|a| inside(&[a.position]))
                                    .map(|a| Sel::Feature(Feature::Point(a.id))),
                            );
                            sel.dedup();
                            app.select(sel);
                        }
                    }
                    let _ = start;
                }
                Drag::Rect { start } => {
                    if let Some((a, b)) = pv.rect {
                        let (w, h) = ((b.x - a.x).abs(), (b.y - a.y).abs());
                        if w >= 3.0 && h >= 3.0 {
                            let n = state.plan.0.community.buildings.len() + 1;
                            let name = match state.lang {
                                Lang::Zh => format!("{n}号楼"),
                                Lang::En => format!("Building {n}"),
                            };
                            app.edit(Command::AddBuilding {
                                footprint: rect(a.x.min(b.x), a.y.min(b.y), w, h, 0.0),
                                props: BuildingProps::typical(&name),
                            });
                        }
                    }
                    let _ = start;
                }
                Drag::Vertex { .. } | Drag::Rotate { .. } => {
                    if let Some((feature, points)) = pv.shape {
                        app.edit(Command::SetShape { feature, points });
                    }
                }
                _ => {}
            }
        })
    };

    let onwheel = {
        let view = view.clone();
        let screen = screen.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let Some(sc) = screen() else { return };
            let about = sc.to_plan(f64::from(e.client_x()), f64::from(e.client_y()));
            let f = (e.delta_y() * 0.0015).exp();
            view.set(view.zoom(f, about));
        })
    };

    let finish_draft = {
        let app = app.clone();
        let draft = draft.clone();
        move || {
            let pts = (*draft).clone();
            draft.set(Vec::new());
            let state = app.state();
            let lang = state.lang;
            match state.tool {
                Tool::BuildingPolygon if pts.len() >= 3 => {
                    let n = state.plan.0.community.buildings.len() + 1;
                    let name = match lang {
                        Lang::Zh => format!("{n}号楼"),
                        Lang::En => format!("Building {n}"),
                    };
                    app.edit(Command::AddBuilding {
                        footprint: pts,
                        props: BuildingProps::typical(&name),
                    });
                }
                Tool::Area(kind) if pts.len() >= 3 => {
                    app.edit(Command::AddArea {
                        kind,
                        name: area_kind_name(lang, kind).to_string(),
                        polygon: pts,
                    });
                }
                Tool::Pipe(kind) if pts.len() >= 2 => {
                    app.edit(Command::AddPipe {
                        kind,
                        name: super::i18n::pipe_kind_name(lang, kind).to_string(),
                        path: pts,
                    });
                }
                _ => {}
            }
        }
    };
    let ondblclick = {
        let finish = finish_draft.clone();
        Callback::from(move |_: MouseEvent| finish())
    };

    let onkeydown = {
        let app = app.clone();
        let draft = draft.clone();
        Callback::from(move |e: KeyboardEvent| {
            let state = app.state();
            let key = e.key();
            let big = if e.shift_key() { 10.0 } else { 1.0 };
            let arrow = match key.as_str() {
                "ArrowLeft" => Some((-big, 0.0)),
                "ArrowRight" => Some((big, 0.0)),
                "ArrowUp" => Some((0.0, -big)),
                "ArrowDown" => Some((0.0, big)),
                _ => None,
            };
            if let Some((dx, dy)) = arrow {
                let features = state.selected_features();
                if !features.is_empty() {
                    e.prevent_default();
                    app.edit(Command::Move { features, dx, dy });
                }
                return;
            }
            // While drawing, Enter and Escape belong to the drawing (the window's listener
            // below, wherever the focus is).
            let drawing = state.tool != Tool::Select || !draft.is_empty();
            match key.as_str() {
                "Delete" | "Backspace" if !drawing => {
                    e.prevent_default();
                    app.delete_selection();
                }
                "Escape" if !drawing => app.select(Vec::new()),
                "Enter" if !drawing => {
                    if let Some(el) = gloo::utils::document()
                        .query_selector(".properties input, .properties select, .properties button")
                        .ok()
                        .flatten()
                    {
                        if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                            e.prevent_default();
                            let _ = h.focus();
                        }
                    }
                }
                _ => {}
            }
        })
    };

    // Enter finishes and Escape cancels a drawing wherever the focus is (after drawing with
    // the mouse it stays on the page, not on the plan).
    let draw_keys = use_mut_ref(|| None::<Rc<dyn Fn(&web_sys::KeyboardEvent)>>);
    {
        let app = app.clone();
        let draft = draft.clone();
        let calib = calib.clone();
        let finish = finish_draft.clone();
        *draw_keys.borrow_mut() = Some(Rc::new(move |e: &web_sys::KeyboardEvent| {
            if app.state().tool == Tool::Select && draft.is_empty() {
                return;
            }
            match e.key().as_str() {
                "Escape" => {
                    e.prevent_default();
                    draft.set(Vec::new());
                    calib.set(Vec::new());
                    app.set_tool(Tool::Select);
                }
                "Enter" if !draft.is_empty() => {
                    e.prevent_default();
                    finish();
                }
                _ => {}
            }
        }));
    }
    {
        let draw_keys = draw_keys.clone();
        use_effect_with((), move |_| {
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let l = gloo::events::EventListener::new_with_options(
                &gloo::utils::window(),
                "keydown",
                options,
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let typing = e
                        .target()
                        .and_then(|t| t.dyn_into::<Element>().ok())
                        .is_some_and(|el| {
                            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        });
                    if typing {
                        return;
                    }
                    let h = draw_keys.borrow().clone();
                    if let Some(h) = h {
                        h(e);
                    }
                },
            );
            move || drop(l)
        });
    }
    // A new tool starts a new drawing: corners of an unfinished outline never carry over.
    {
        let (draft, calib) = (draft.clone(), calib.clone());
        use_effect_with(s.tool, move |_| {
            draft.set(Vec::new());
            calib.set(Vec::new());
        });
    }

    // Keyboard focus selects.
    let onfocusin = {
        let app = app.clone();
        Callback::from(move |e: FocusEvent| {
            let hit = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.get_attribute("data-hit"))
                .and_then(|h| parse_hit(&h));
            if let Some(sel) = hit.and_then(Hit::sel) {
                if !app.state().is_selected(sel) {
                    app.select(vec![sel]);
                }
            }
        })
    };

    let v = *view;
    let body = html! {
        <PlanBody plan={plan.clone()} selection={app.state().selection.clone()} lang={lang} ppm={ppm}
            preview={Preview { offset: preview.offset, shape: preview.shape.clone(), ..Preview::default() }} />
    };
    // Items on the whole community have no place on the plan: they are listed above it.
    let community_items: Vec<Html> = plan
        .0
        .scenario()
        .items
        .iter()
        .filter(|p| p.target == Target::Community)
        .map(|pl| {
            let id = pl.id;
            let name = super::palette::item_name(&catalog, &pl.item, lang);
            let short = catalog.get(&pl.item).map_or_else(|| name.clone(), |i| i.short_name(lang).to_string());
            let class = class_of(&catalog, &pl.item);
            let onclick = {
                let app = app.clone();
                Callback::from(move |_: MouseEvent| app.select(vec![Sel::Placement(id)]))
            };
            // Delete removes it, as on the plan.
            let onkeydown = {
                let app = app.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if matches!(e.key().as_str(), "Delete" | "Backspace") {
                        e.prevent_default();
                        app.select(vec![Sel::Placement(id)]);
                        app.edit(Command::Unplace { placements: vec![id] });
                    }
                })
            };
            html! {
                <li key={id.0}>
                    <button type="button" class={classes!("badge", "chip", class_css(class), sel_cls_html(s.is_selected(Sel::Placement(id))))}
                        data-item={pl.item.clone()} data-target={pl.target.key()} data-placement={id.0.to_string()} title={name} {onclick} {onkeydown}>{ short }</button>
                </li>
            }
        })
        .collect();
    let handles = selected_shape
        .and_then(|f| {
            let pts = preview.shape.as_ref().filter(|(g, _)| *g == f).map(|(_, p)| p.clone()).or_else(|| shape_of(&plan.0, f))?;
            Some((f, pts))
        })
        .map(|(f, pts)| {
            let r = v.w / 120.0;
            let vertices = pts.iter().enumerate().map(|(i, p)| {
                html! { <circle class="handle" data-hit={format!("v:{i}")} cx={format!("{:.2}", p.x)} cy={format!("{:.2}", p.y)} r={format!("{r:.2}")} /> }
            });
            let rot = matches!(f, Feature::Building(_)).then(|| {
                let c = vertex_centroid(&pts);
                let top = pts.iter().map(|p| p.y).fold(f64::INFINITY, f64::min) - 4.0 * r;
                html! {
                    <g class="rotate-handle" data-hit="r:0">
                        <line x1={format!("{:.2}", c.x)} y1={format!("{:.2}", c.y)} x2={format!("{:.2}", c.x)} y2={format!("{:.2}", top)} />
                        <circle cx={format!("{:.2}", c.x)} cy={format!("{:.2}", top)} r={format!("{:.2}", r * 1.2)} />
                    </g>
                }
            });
            html! { <g class="handles">{ for vertices }{ for rot }</g> }
        });
    let draft_html = (!draft.is_empty()).then(|| {
        let mut pts = (*draft).clone();
        if let Some(p) = preview.pointer {
            pts.push(p);
        }
        html! { <polyline class="draft" points={points_attr(&pts)} /> }
    });
    let rect_html = preview.rect.map(|(a, b)| {
        html! { <rect class="draft" x={format!("{:.2}", a.x.min(b.x))} y={format!("{:.2}", a.y.min(b.y))} width={format!("{:.2}", (b.x - a.x).abs())} height={format!("{:.2}", (b.y - a.y).abs())} /> }
    });
    let box_html = preview.boxed.map(|(a, b)| {
        html! { <rect class="select-box" x={format!("{:.2}", a.x.min(b.x))} y={format!("{:.2}", a.y.min(b.y))} width={format!("{:.2}", (b.x - a.x).abs())} height={format!("{:.2}", (b.y - a.y).abs())} /> }
    });
    let calib_html = calib.iter().map(|p| html! { <circle class="calib" cx={format!("{:.2}", p.x)} cy={format!("{:.2}", p.y)} r={format!("{:.2}", v.w / 150.0)} /> });
    let bar = scale_bar_m(v.w);
    let fs = label_px::SMALL / ppm.max(1e-6);
    let (bx, by) = (v.x + v.w * 0.03, v.y + v.h * 0.96);
    let (nx, ny) = (v.x + v.w * 0.95, v.y + v.h * 0.06);
    let trace_html = s.trace.as_ref().map(|tr| {
        html! { <image class="trace" href={tr.url.clone()} x="0" y="0" width={format!("{:.2}", tr.width_px * tr.m_per_px)} height={format!("{:.2}", tr.height_px * tr.m_per_px)} opacity={format!("{:.2}", tr.opacity)} preserveAspectRatio="none" /> }
    });
    let hint = match s.tool {
        Tool::Select => None,
        Tool::Building => Some(t(lang, Key::DrawHintRect)),
        Tool::BuildingPolygon | Tool::Area(_) | Tool::Pipe(_) => {
            Some(t(lang, Key::DrawHintPolygon))
        }
        Tool::Point(_) => Some(t(lang, Key::DrawHintPoint)),
        Tool::Calibrate => Some(t(lang, Key::CalibrateHint)),
    };
    // What the drawing tool makes: the kind of pipe or area, chosen before drawing.
    let kind_picker = match s.tool {
        Tool::Pipe(current) => {
            let app = app.clone();
            let onchange = Callback::from(move |e: Event| {
                if let Some(k) = select_value(&e).and_then(|v| PIPE_KINDS.get(v).copied()) {
                    app.set_tool(Tool::Pipe(k));
                }
            });
            let options = PIPE_KINDS.iter().enumerate().map(|(i, &k)| html! {
                <option value={i.to_string()} selected={k == current}>{ super::i18n::pipe_kind_name(lang, k) }</option>
            });
            html! { <label class="kind-pick">{ t(lang, Key::PipeKindToDraw) }<select {onchange} data-testid="pipe-kind">{ for options }</select></label> }
        }
        Tool::Area(current) => {
            let app = app.clone();
            let onchange = Callback::from(move |e: Event| {
                if let Some(k) = select_value(&e).and_then(|v| AREA_KINDS.get(v).copied()) {
                    app.set_tool(Tool::Area(k));
                }
            });
            let options = AREA_KINDS.iter().enumerate().map(|(i, &k)| html! {
                <option value={i.to_string()} selected={k == current}>{ area_kind_name(lang, k) }</option>
            });
            html! { <label class="kind-pick">{ t(lang, Key::Kind) }<select {onchange} data-testid="area-kind">{ for options }</select></label> }
        }
        _ => html! {},
    };
    // Calibration: after two points on the picture, their real distance.
    let calib_form = if s.tool == Tool::Calibrate && calib.len() == 2 {
        let (a, b) = (calib[0], calib[1]);
        let app = app.clone();
        let calib = calib.clone();
        let on_commit = Callback::from(move |v: String| {
            if let Some(real) = super::fields::parse_number(&v, 0.01, 100_000.0) {
                calibrate(&app, a, b, real);
                calib.set(Vec::new());
                app.set_tool(Tool::Select);
            }
        });
        html! {
            <super::fields::Field id="calib-length" label={t(lang, Key::CalibrateLength)} value={AttrValue::default()} range={Some((0.01, 100_000.0))} decimal=true error={t(lang, Key::Invalid)} {on_commit} />
        }
    } else {
        html! {}
    };
    let label = format!("{}: {}", t(lang, Key::SitePlan), plan.0.community.name);
    html! {
        <div class="editor">
            <Toolbar view={view.clone()} />
            if !community_items.is_empty() {
                <div class="community-items">
                    <span class="community-items-label">{ t(lang, Key::WholeCommunityItems) }</span>
                    <ul>{ for community_items }</ul>
                </div>
            }
            <div class={classes!("canvas", format!("tool-{}", tool_css(s.tool)))}>
                <svg ref={svg_ref} class="site-plan" role="application" aria-label={label}
                    viewBox={format!("{:.2} {:.2} {:.2} {:.2}", v.x, v.y, v.w, v.h)} preserveAspectRatio="xMidYMid meet"
                    {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup} {onwheel} {ondblclick} {onkeydown} {onfocusin}
                    oncontextmenu={Callback::from(|e: MouseEvent| e.prevent_default())}>
                    <defs>
                        <pattern id="grid" width="5" height="5" patternUnits="userSpaceOnUse">
                            <path d="M 5 0 L 0 0 0 5" class="grid-line" />
                        </pattern>
                    </defs>
                    <rect class="grid" x={format!("{:.2}", v.x)} y={format!("{:.2}", v.y)} width={format!("{:.2}", v.w)} height={format!("{:.2}", v.h)} fill="url(#grid)" />
                    // Optional layers sit in fixed containers, so that the list of children never
                    // changes length and the plan's elements are never re-created (which would
                    // lose keyboard focus and pointer targets).
                    <g class="trace-layer">{ for trace_html }</g>
                    { body }
                    <g class="overlay">
                        { for handles }
                        { for draft_html }
                        { for rect_html }
                        { for box_html }
                        { for calib_html }
                    </g>
                    <g class="north-arrow" transform={format!("translate({nx:.2} {ny:.2}) scale({:.3})", fs / 3.0)} aria-hidden="true">
                        <polygon points="0,-3 2,3 0,1.8 -2,3" />
                        <text x="0" y="7.5" class="map-note" style="font-size:3.2px">{ t(lang, Key::North) }</text>
                    </g>
                    <g class="scale-bar" aria-hidden="true">
                        <line x1={format!("{bx:.2}")} y1={format!("{by:.2}")} x2={format!("{:.2}", bx + bar)} y2={format!("{by:.2}")} style={format!("stroke-width:{:.3}", fs / 6.0)} />
                        <text x={format!("{:.2}", bx + bar / 2.0)} y={format!("{:.2}", by - fs * 0.5)} class="map-note" style={format!("font-size:{fs:.3}px")}>{ format!("{bar} m") }</text>
                    </g>
                </svg>
                <div class="hint-slot">
                    if let Some(h) = hint {
                        <div class="draw-hint" role="status">
                            <span>{ h }</span>
                            { kind_picker }
                            { calib_form }
                            if !draft.is_empty() {
                                <button type="button" onclick={{ let f = finish_draft.clone(); Callback::from(move |_| f()) }}>{ t(lang, Key::Finish) }</button>
                            }
                            <button type="button" onclick={{ let app = app.clone(); let d = draft.clone(); Callback::from(move |_| { d.set(Vec::new()); app.set_tool(Tool::Select); }) }}>{ t(lang, Key::Cancel) }</button>
                        </div>
                    }
                </div>
            </div>
        </div>
    }
}

/// The kinds of pipe run, in the order the kind pickers list them.
pub const PIPE_KINDS: [PipeKind; 7] = [
    PipeKind::Water,
    PipeKind::Sewer,
    PipeKind::Rain,
    PipeKind::Gas,
    PipeKind::Power,
    PipeKind::Telecom,
    PipeKind::Heating,
];

/// The kinds of area, in the order the kind pickers list them.
pub const AREA_KINDS: [AreaKind; 4] = [
    AreaKind::Road,
    AreaKind::Green,
    AreaKind::Plaza,
    AreaKind::Parking,
];

/// The kinds of point, in the order the kind pickers list them.
pub const POINT_KINDS: [PointKind; 6] = [
    PointKind::Lamp,
    PointKind::Camera,
    PointKind::Gate,
    PointKind::Waste,
    PointKind::Charger,
    PointKind::Other,
];

fn sel_cls_html(selected: bool) -> Option<&'static str> {
    selected.then_some("selected")
}

/// The index chosen in the `<select>` that fired `e`.
pub fn select_value(e: &Event) -> Option<usize> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .and_then(|s| s.value().parse().ok())
}

fn tool_css(t: Tool) -> &'static str {
    match t {
        Tool::Select => "select",
        Tool::Building | Tool::BuildingPolygon | Tool::Area(_) | Tool::Pipe(_) | Tool::Point(_) => {
            "draw"
        }
        Tool::Calibrate => "calibrate",
    }
}

/// Scales a traced picture so the two clicked points are `real` metres apart.
fn calibrate(app: &AppHandle, a: Pt, b: Pt, real: f64) {
    let Some(tr) = app.state().trace.clone() else {
        return;
    };
    let measured = a.dist(b);
    if measured <= 0.0 || real.is_nan() || real <= 0.0 {
        return;
    }
    app.set_trace(Some(Trace {
        m_per_px: tr.m_per_px * real / measured,
        ..tr
    }));
}

fn class_of(catalog: &Catalog, item: &str) -> Class {
    catalog.get(item).map_or(Class::Upgrade, |i| i.class)
}

/// The plan's features and badges.
/// What the plan's drawing depends on: the editor draws it as a component of its own, so a
/// change elsewhere in the app (another page, a notice, the save state) does not rebuild and
/// compare a thousand badges.
#[derive(Properties, PartialEq)]
struct PlanBodyProps {
    plan: PlanRef,
    selection: Rc<[Sel]>,
    /// Only the offset and the reshaped feature (not the pointer).
    preview: Preview,
    lang: Lang,
    ppm: f64,
}

#[component]
fn PlanBody(p: &PlanBodyProps) -> Html {
    let catalog = super::state::catalog_of(&p.plan.0);
    render_plan(&p.plan, &p.selection, &catalog, &p.preview, p.lang, p.ppm)
}

fn render_plan(
    plan: &PlanRef,
    selection: &[Sel],
    catalog: &Catalog,
    preview: &Preview,
    lang: Lang,
    ppm: f64,
) -> Html {
    struct S<'a>(&'a [Sel]);
    impl S<'_> {
        fn is_selected(&self, x: Sel) -> bool {
            self.0.contains(&x)
        }
    }
    let s = S(selection);
    // Metres per screen pixel: labels are sized in pixels.
    let m = 1.0 / ppm.max(1e-6);
    let c = &plan.0.community;
    let off = preview.offset.unwrap_or_default();
    let moving = |f: Feature| preview.offset.is_some() && s.is_selected(Sel::Feature(f));
    let shaped = |f: Feature| {
        preview
            .shape
            .as_ref()
            .filter(|(g, _)| *g == f)
            .map(|(_, p)| p.clone())
    };
    let sel_cls = |sel: Sel| s.is_selected(sel).then_some("selected");
    let transform = |f: Feature| moving(f).then(|| format!("translate({:.2} {:.2})", off.x, off.y));
    let areas = c.areas.iter().map(|a| {
        let f = Feature::Area(a.id);
        let pts = shaped(f).unwrap_or_else(|| a.polygon.clone());
        let kind = match a.kind { AreaKind::Road => "road", AreaKind::Green => "green", AreaKind::Plaza => "plaza", AreaKind::Parking => "parking" };
        html! {
            <polygon key={format!("a{}", a.id)} class={classes!("area", kind, sel_cls(Sel::Feature(f)))} data-hit={format!("a:{}", a.id)}
                tabindex="0" role="button" aria-label={format!("{} · {} {:.0} m²", a.name, t(lang, Key::Area), polygon_area_m2(&pts))}
                points={points_attr(&pts)} transform={transform(f)}>
                <title>{ a.name.clone() }</title>
            </polygon>
        }
    });
    let pipes = c.pipes.iter().map(|p| {
        let f = Feature::Pipe(p.id);
        let pts = shaped(f).unwrap_or_else(|| p.path.clone());
        let kind = match p.kind { PipeKind::Water => "water", PipeKind::Sewer => "sewer", PipeKind::Rain => "rain", PipeKind::Gas => "gas", PipeKind::Power => "power", PipeKind::Telecom => "telecom", PipeKind::Heating => "heating" };
        html! {
            <g key={format!("p{}", p.id)} class={classes!("pipe-group", sel_cls(Sel::Feature(f)))} data-hit={format!("p:{}", p.id)} transform={transform(f)}
                tabindex="0" role="button" aria-label={format!("{} · {} {:.0} m", p.name, t(lang, Key::Length), crate::core::geometry::polyline_length_m(&pts))}>
                <title>{ p.name.clone() }</title>
                <polyline class="pipe-hit" points={points_attr(&pts)} />
                <polyline class={classes!("pipe", kind)} points={points_attr(&pts)} />
            </g>
        }
    });
    // Each building is a component of its own, drawn again only when what it shows changes
    // (a move of one building redraws that one, not the forty others).
    let buildings = c.buildings.iter().map(|b| {
        let f = Feature::Building(b.id);
        let shape = shaped(f);
        let d = shape
            .as_ref()
            .map(|p| {
                let (c0, c1) = (vertex_centroid(&b.footprint), vertex_centroid(p));
                Pt::new(c1.x - c0.x, c1.y - c0.y)
            })
            .unwrap_or_default();
        let drawn = DrawnBuilding {
            id: b.id,
            name: AttrValue::from(b.name.clone()),
            floors: b.floors,
            year_built: b.year_built,
            footprint: Rc::new(shape.unwrap_or_else(|| b.footprint.clone())),
            stairwells: b
                .stairwells
                .iter()
                .map(|st| DrawnStairwell {
                    id: st.id,
                    name: AttrValue::from(st.name.clone()),
                    at: Pt::new(st.position.x + d.x, st.position.y + d.y),
                    selected: s.is_selected(Sel::Stairwell(st.id)),
                })
                .collect(),
            selected: s.is_selected(Sel::Feature(f)),
            transform: transform(f).map(AttrValue::from),
            lang,
            m,
        };
        html! { <BuildingShape key={b.id.0} b={drawn} /> }
    });
    let points = c.points.iter().map(|p| {
        let f = Feature::Point(p.id);
        let pos = shaped(f).and_then(|v| v.first().copied()).unwrap_or(p.position);
        let kind = match p.kind { PointKind::Lamp => "lamp", PointKind::Camera => "camera", PointKind::Gate => "gate", PointKind::Waste => "waste", PointKind::Charger => "charger", PointKind::Other => "other" };
        html! {
            <circle key={format!("pt{}", p.id)} class={classes!("point", kind, sel_cls(Sel::Feature(f)))} data-hit={format!("t:{}", p.id)} transform={transform(f)}
                tabindex="0" role="button" aria-label={p.name.clone()}
                cx={format!("{:.2}", pos.x)} cy={format!("{:.2}", pos.y)} r="1.3">
                <title>{ p.name.clone() }</title>
            </circle>
        }
    });
    // Badges: readable short names in pills, laid out per target in at most two rows; what
    // does not fit is counted in a "+N" pill that selects the target (its items are listed in
    // the properties).
    let fs = label_px::SMALL * m;
    let (h, pad, gap) = (fs * 1.5, fs * 0.45, fs * 0.3);
    // Placements by target, targets in the order first placed (found by a map: a large
    // community has 1,500 placements on 250 targets).
    let mut by_target: Vec<(Target, Vec<&Placement>)> = Vec::new();
    let mut slot: HashMap<Target, usize> = HashMap::new();
    for pl in &plan.0.scenario().items {
        let k = *slot.entry(pl.target).or_insert_with(|| {
            by_target.push((pl.target, Vec::new()));
            by_target.len() - 1
        });
        by_target[k].1.push(pl);
    }
    // What is already drawn, as boxes [x0, y0, x1, y1]: the buildings' names and the
    // stairwell marks. A badge that would cover one of them, or another badge, is folded
    // into its target's "+N" pill instead, so that every label stays readable.
    let mut taken = crate::core::geometry::BoxIndex::new(h * 4.0);
    let name_fs = label_px::BUILDING * m;
    let mark = label_px::MARK * m;
    for b in &c.buildings {
        let (spot, _) = name_spot(&b.footprint, m);
        let w = text_em(&place_name(&b.name, lang)) * name_fs;
        taken.push([
            spot.x - w / 2.0,
            spot.y - name_fs * 0.6,
            spot.x + w / 2.0,
            spot.y + name_fs * 0.6,
        ]);
        for st in &b.stairwells {
            let p = st.position;
            taken.push([
                p.x - mark / 2.0,
                p.y - mark / 2.0,
                p.x + mark / 2.0,
                p.y + mark / 2.0,
            ]);
        }
    }
    // Elevators and other stairwell items first: they are what residents look for.
    crate::core::sort::sort_by_key(&mut by_target, &|(t, _)| match t {
        Target::Stairwell(_) => 0u8,
        Target::Building(_) => 1,
        _ => 2,
    });
    let mut badges: Vec<Html> = Vec::new();
    for (target, items) in &by_target {
        let Some((a, max_w, up)) = anchor(&plan.0, *target, m) else {
            continue;
        };
        // Rows stack downwards from the anchor, or upwards (the first row nearest to it).
        let row_y = |dy: f64| if up { a.y - dy - h } else { a.y + dy };
        let labels: Vec<String> = items
            .iter()
            .map(|pl| {
                catalog
                    .get(&pl.item)
                    .map_or_else(|| pl.item.clone(), |i| i.short_name(lang).to_string())
            })
            .collect();
        let widths: Vec<f64> = labels.iter().map(|l| text_em(l) * fs + 2.0 * pad).collect();
        let more_w = text_em("+99") * fs + 2.0 * pad;
        let (pos, _) = lay_out_badges(&widths, max_w, 2, h, gap, more_w);
        // Each laid-out badge is shown only where it covers nothing already drawn.
        let mut place: Vec<Option<(f64, f64)>> = vec![None; items.len()];
        let mut last_shown: Option<(f64, f64, f64)> = None;
        for (k, &(dx, dy)) in pos.iter().enumerate() {
            let (x, y) = (a.x + dx, row_y(dy));
            let r = [x, y, x + widths[k], y + h];
            if !taken.overlaps(r) {
                taken.push(r);
                place[k] = Some((x, y));
                last_shown = Some((x, y, widths[k]));
            }
        }
        let hidden = place.iter().filter(|p| p.is_none()).count();
        let moving_target = match *target {
            Target::Building(id) => moving(Feature::Building(id)),
            Target::Stairwell(id) => c
                .stairwell(id)
                .is_some_and(|(b, _)| moving(Feature::Building(b.id))),
            Target::Area(id) => moving(Feature::Area(id)),
            Target::Pipe(id) => moving(Feature::Pipe(id)),
            Target::Point(id) => moving(Feature::Point(id)),
            Target::Community => false,
        };
        let tr = moving_target.then(|| format!("translate({:.2} {:.2})", off.x, off.y));
        let where_ = super::properties::target_label(&plan.0, *target, lang);
        let (tr_attr, target_key) = (
            tr.clone().map(AttrValue::from),
            AttrValue::from(target.key()),
        );
        let mut group: Vec<BadgeProps> = Vec::with_capacity(items.len());
        for (k, (pl, label)) in items.iter().zip(labels).enumerate() {
            let class = class_of(catalog, &pl.item);
            let name = super::palette::item_name(catalog, &pl.item, lang);
            // A badge that does not fit stays in the page, hidden (the "+N" pill stands for it).
            let (shown, (x, y)) = match place[k] {
                Some(p) => (true, p),
                None => (false, (a.x, a.y)),
            };
            let at = [x, y, widths[k], h, fs];
            group.push(BadgeProps {
                id: pl.id,
                class: class_css(class),
                selected: s.is_selected(Sel::Placement(pl.id)),
                shown,
                item: AttrValue::from(pl.item.clone()),
                target: target_key.clone(),
                transform: tr_attr.clone(),
                name: AttrValue::from(format!("{name} @ {where_}")),
                text: AttrValue::from(label),
                at,
            });
        }
        badges
            .push(html! { <Badges key={format!("t-{}", target.key())} badges={Rc::new(group)} /> });
        if hidden > 0 {
            // The "+N" pill: after the last badge shown, else where the first would be, else
            // a row further out; the first of these places that covers nothing.
            let mut spots: Vec<(f64, f64)> = Vec::new();
            if let Some((x, y, w)) = last_shown {
                spots.push((x + w + gap, y));
            }
            for k in 0..3 {
                for dx in [0.0, 1.2, -1.2, 2.4, -2.4] {
                    spots.push((
                        a.x - more_w / 2.0 + dx * more_w,
                        row_y(k as f64 * (h + gap)),
                    ));
                }
            }
            let free = |&(x, y): &(f64, f64)| {
                let r = [x, y, x + more_w, y + h];
                !taken.overlaps(r)
            };
            let (x, y) = spots.iter().copied().find(free).unwrap_or(spots[0]);
            taken.push([x, y, x + more_w, y + h]);
            let hit = match *target {
                Target::Building(id) => format!("b:{id}"),
                Target::Stairwell(id) => format!("s:{id}"),
                Target::Area(id) => format!("a:{id}"),
                Target::Pipe(id) => format!("p:{id}"),
                Target::Point(id) => format!("t:{id}"),
                Target::Community => String::new(),
            };
            let text = format!("+{hidden}");
            let more = super::i18n::more_items(lang, hidden, &where_);
            badges.push(html! {
                <g key={format!("more-{}", target.key())} class="badge more" data-hit={hit} transform={tr.clone()} tabindex="0" role="button" aria-label={more.clone()}>
                    <title>{ more }</title>
                    <rect x={format!("{x:.2}")} y={format!("{y:.2}")} width={format!("{more_w:.2}")} height={format!("{h:.2}")} rx={format!("{:.2}", h / 2.0)} />
                    <text x={format!("{:.2}", x + more_w / 2.0)} y={format!("{:.2}", y + h * 0.68)} style={format!("font-size:{fs:.3}px")}>{ text }</text>
                </g>
            });
        }
    }
    html! {
        <>
            <g class="areas">{ for areas }</g>
            <g class="pipes">{ for pipes }</g>
            <g class="buildings">{ for buildings }</g>
            <g class="points">{ for points }</g>
            <g class="badges">{ for badges }</g>
        </>
    }
}

/// What a building on the plan shows: its outline (or the shape it is being given), name,
/// stairwell marks, whether it is selected or moving, the language and the scale.
#[derive(PartialEq)]
struct DrawnBuilding {
    id: BuildingId,
    name: AttrValue,
    floors: u8,
    year_built: u16,
    footprint: Rc<Vec<Pt>>,
    stairwells: Vec<DrawnStairwell>,
    selected: bool,
    transform: Option<AttrValue>,
    lang: Lang,
    /// Metres per screen pixel.
    m: f64,
}

/// A stairwell's mark, where it is drawn (after a reshape preview).
#[derive(Clone, PartialEq)]
struct DrawnStairwell {
    id: StairwellId,
    name: AttrValue,
    at: Pt,
    selected: bool,
}

#[derive(Properties, PartialEq)]
struct BuildingShapeProps {
    b: DrawnBuilding,
}

#[component]
fn BuildingShape(p: &BuildingShapeProps) -> Html {
    let b = &p.b;
    let (lang, m) = (b.lang, b.m);
    let bname = place_name(&b.name, lang);
    let label = super::i18n::building_summary(lang, &bname, b.floors, b.year_built);
    let mark = label_px::MARK * m;
    let small = label_px::SMALL * m;
    let stairwells = b.stairwells.iter().enumerate().map(|(i, st)| {
        let p = st.at;
        let name = stairwell_label(&b.name, &st.name, lang);
        html! {
            <g key={st.id.0} class={classes!("stairwell", sel_cls_html(st.selected))} data-hit={format!("s:{}", st.id)} data-stairwell={st.id.0.to_string()}
                tabindex="0" role="button" aria-label={name.clone()}>
                <title>{ name }</title>
                <rect x={format!("{:.2}", p.x - mark / 2.0)} y={format!("{:.2}", p.y - mark / 2.0)} width={format!("{mark:.2}")} height={format!("{mark:.2}")} rx={format!("{:.2}", mark * 0.2)} />
                <text x={format!("{:.2}", p.x)} y={format!("{:.2}", p.y + small * 0.36)} class="stairwell-label" style={format!("font-size:{small:.3}px")}>{ i + 1 }</text>
            </g>
        }
    });
    let name_fs = label_px::BUILDING * m;
    let (spot, _) = name_spot(&b.footprint, m);
    html! {
        <g class={classes!("building", sel_cls_html(b.selected))} data-building={b.id.0.to_string()} transform={b.transform.clone()}>
            <polygon points={points_attr(&b.footprint)} data-hit={format!("b:{}", b.id)} tabindex="0" role="button" aria-label={label.clone()}>
                <title>{ label }</title>
            </polygon>
            <text x={format!("{:.2}", spot.x)} y={format!("{:.2}", spot.y)} class="building-label" style={format!("font-size:{name_fs:.3}px")} data-hit={format!("b:{}", b.id)}>{ bname }</text>
            { for stairwells }
        </g>
    }
}

/// What one badge shows.
#[derive(Clone, PartialEq)]
struct BadgeProps {
    id: PlacementId,
    class: &'static str,
    selected: bool,
    /// False when it is folded into its target's "+N" pill.
    shown: bool,
    item: AttrValue,
    target: AttrValue,
    transform: Option<AttrValue>,
    /// "name @ where", its accessible name.
    name: AttrValue,
    /// The short name on the pill.
    text: AttrValue,
    /// x, y, width, height, font size (plan metres).
    at: [f64; 5],
}

/// The badges of one target: [`Badges`] draws them again only when they change (a move
/// redraws the badges that moved, not the thousand others).
#[derive(Properties, PartialEq)]
struct BadgesProps {
    badges: Rc<Vec<BadgeProps>>,
}

#[component]
fn Badges(p: &BadgesProps) -> Html {
    html! { <>{ for p.badges.iter().map(badge) }</> }
}

fn badge(p: &BadgeProps) -> Html {
    let [x, y, w, h, fs] = p.at;
    html! {
        <g key={p.id.0} class={classes!("badge", p.class, p.selected.then_some("selected"), (!p.shown).then_some("folded"))} data-hit={format!("pl:{}", p.id)} data-item={p.item.clone()} data-target={p.target.clone()}
            transform={p.transform.clone()} tabindex={if p.shown { "0" } else { "-1" }} role="button" aria-label={p.name.clone()}>
            <title>{ p.name.clone() }</title>
            <rect x={format!("{x:.2}")} y={format!("{y:.2}")} width={format!("{w:.2}")} height={format!("{h:.2}")} rx={format!("{:.2}", h / 2.0)} />
            <text x={format!("{:.2}", x + w / 2.0)} y={format!("{:.2}", y + h * 0.68)} style={format!("font-size:{fs:.3}px")}>{ p.text.clone() }</text>
        </g>
    }
}

/// Properties of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The editor's view.
    pub view: UseStateHandle<View>,
}

/// The editor's toolbar: tools, undo/redo, zoom, snap, trace.
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let app = use_app();
    let s = app.state();
    let lang = s.lang;
    let tool_button = |tool: Tool, key: Key, icon: &'static str| {
        let app = app.clone();
        let pressed = s.tool == tool;
        html! {
            <button type="button" class="tool" aria-pressed={pressed.to_string()} title={t(lang, key)} aria-label={t(lang, key)}
                onclick={Callback::from(move |_| app.set_tool(tool))}>
                <span aria-hidden="true" class="icon">{ icon }</span><span class="tool-label">{ t(lang, key) }</span>
            </button>
        }
    };
    let act = |key: Key, icon: &'static str, disabled: bool, f: Callback<MouseEvent>| {
        html! {
            <button type="button" class="tool" title={t(lang, key)} aria-label={t(lang, key)} disabled={disabled} onclick={f}>
                <span aria-hidden="true" class="icon">{ icon }</span><span class="tool-label">{ t(lang, key) }</span>
            </button>
        }
    };
    let view = props.view.clone();
    let zoom = |f: f64| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.set(view.zoom(f, view.centre())))
    };
    let fit = {
        let view = view.clone();
        let plan = s.plan.clone();
        Callback::from(move |_: MouseEvent| view.set(View::fit(&plan.0)))
    };
    let undo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.undo())
    };
    let redo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.redo())
    };
    let del = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.delete_selection())
    };
    let dup = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let features = app.state().selected_features();
            if !features.is_empty() {
                app.edit(Command::Duplicate {
                    features,
                    dx: 5.0,
                    dy: 5.0,
                });
            }
        })
    };
    let add_here = {
        let app = app.clone();
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            let c = snap(view.centre(), 1.0);
            let n = app.state().plan.0.community.buildings.len() + 1;
            let name = match app.lang() {
                Lang::Zh => format!("{n}号楼"),
                Lang::En => format!("Building {n}"),
            };
            app.edit(Command::AddBuilding {
                footprint: rect(c.x - 15.0, c.y - 5.5, 30.0, 11.0, 0.0),
                props: BuildingProps::typical(&name),
            });
        })
    };
    let snap_toggle = {
        let app = app.clone();
        let on = s.snap;
        Callback::from(move |_: MouseEvent| app.set_snap(!on))
    };
    let nothing = s.selection.is_empty();
    html! {
        <div class="toolbar" role="toolbar" aria-label={t(lang, Key::Tools)}>
            { tool_button(Tool::Select, Key::ToolSelect, "↖") }
            { tool_button(Tool::Building, Key::ToolBuilding, "▭") }
            { tool_button(Tool::BuildingPolygon, Key::ToolBuildingPolygon, "⬠") }
            { tool_button(Tool::Area(AreaKind::Road), Key::ToolRoad, "═") }
            { tool_button(Tool::Area(AreaKind::Green), Key::ToolGreen, "♣") }
            { tool_button(Tool::Area(AreaKind::Parking), Key::ToolParking, "P") }
            { tool_button(Tool::Pipe(PipeKind::Sewer), Key::ToolPipe, "┄") }
            { tool_button(Tool::Point(PointKind::Lamp), Key::ToolPoint, "•") }
            { act(Key::AddBuildingHere, "＋", false, add_here) }
            <span class="sep" aria-hidden="true"></span>
            { act(Key::Undo, "↶", s.undo.is_empty(), undo) }
            { act(Key::Redo, "↷", s.redo.is_empty(), redo) }
            { act(Key::Duplicate, "⊞", nothing, dup) }
            { act(Key::Delete, "✕", nothing, del) }
            <span class="sep" aria-hidden="true"></span>
            { act(Key::ZoomIn, "＋", false, zoom(0.8)) }
            { act(Key::ZoomOut, "－", false, zoom(1.25)) }
            { act(Key::FitToWindow, "⤢", false, fit) }
            <button type="button" class="tool" aria-pressed={s.snap.to_string()} title={t(lang, Key::Snap)} aria-label={t(lang, Key::Snap)} onclick={snap_toggle}>
                <span aria-hidden="true" class="icon">{ "#" }</span><span class="tool-label">{ t(lang, Key::Snap) }</span>
            </button>
            <TraceControls />
        </div>
    }
}

/// Loading a picture to trace, its opacity and its scale.
#[component]
pub fn TraceControls() -> Html {
    let app = use_app();
    let lang = app.lang();
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let onchange = {
        let app = app.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let Some(file) = super::files::picked_file(&e) else {
                return;
            };
            let mime = file.raw_mime_type();
            if mime != "image/png" && mime != "image/jpeg" {
                app.notify(super::state::Notice::BadPicture);
                return;
            }
            let app = app.clone();
            let task = gloo::file::callbacks::read_as_data_url(&file, move |r| match r {
                Ok(url) => load_picture(app, url),
                Err(_) => app.notify(super::state::Notice::BadPicture),
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let trace = app.state().trace.clone();
    let controls = trace.map(|tr| {
        let oninput = {
            let app = app.clone();
            let tr = tr.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    let o = el.value().parse::<f64>().unwrap_or(50.0) / 100.0;
                    app.set_trace(Some(Trace { opacity: o.clamp(0.0, 1.0), ..tr.clone() }));
                }
            })
        };
        let calibrate = { let app = app.clone(); Callback::from(move |_: MouseEvent| app.set_tool(Tool::Calibrate)) };
        let remove = { let app = app.clone(); Callback::from(move |_: MouseEvent| app.set_trace(None)) };
        html! {
            <>
                <label class="opacity">{ t(lang, Key::PictureOpacity) }
                    <input type="range" min="0" max="100" value={format!("{:.0}", tr.opacity * 100.0)} {oninput} />
                </label>
                <button type="button" class="tool" onclick={calibrate}>{ t(lang, Key::Calibrate) }</button>
                <button type="button" class="tool" onclick={remove}>{ t(lang, Key::RemovePicture) }</button>
            </>
        }
    });
    html! {
        <>
            <label class="tool file-tool">
                <span aria-hidden="true" class="icon">{ "▣" }</span><span class="tool-label">{ t(lang, Key::TracePicture) }</span>
                <input type="file" accept="image/png,image/jpeg" class="visually-hidden" {onchange} />
            </label>
            { for controls }
        </>
    }
}

/// Measures a picture and shows it at 0.1 m per pixel until calibrated.
fn load_picture(app: AppHandle, url: String) {
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        app.notify(super::state::Notice::BadPicture);
        return;
    };
    let img2 = img.clone();
    let src = url.clone();
    let app2 = app.clone();
    gloo::events::EventListener::once(&img, "load", move |_| {
        let (w, h) = (
            f64::from(img2.natural_width()),
            f64::from(img2.natural_height()),
        );
        if w > 0.0 && h > 0.0 {
            app.set_trace(Some(Trace {
                url: url.clone().into(),
                width_px: w,
                height_px: h,
                m_per_px: 0.1,
                opacity: 0.5,
            }));
        } else {
            app.notify(super::state::Notice::BadPicture);
        }
    })
    .forget();
    gloo::events::EventListener::once(&img, "error", move |_| {
        app2.notify(super::state::Notice::BadPicture)
    })
    .forget();
    img.set_src(&src);
}

/// Keeps `size` at the element's content box size (non-zero sizes only) until the returned
/// clean-up runs.
fn observe_size(node: &NodeRef, size: UseStateHandle<(f64, f64)>) -> impl FnOnce() {
    use wasm_bindgen::{closure::Closure, JsCast};
    let on = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let last = entries.get(entries.length().saturating_sub(1));
        if let Ok(e) = last.dyn_into::<web_sys::ResizeObserverEntry>() {
            let r = e.content_rect();
            if r.width() > 0.0 && r.height() > 0.0 {
                size.set((r.width(), r.height()));
            }
        }
    });
    let observer = web_sys::ResizeObserver::new(on.as_ref().unchecked_ref()).ok();
    if let (Some(o), Some(el)) = (observer.as_ref(), node.cast::<Element>()) {
        o.observe(&el);
    }
    move || {
        if let Some(o) = observer {
            o.disconnect();
        }
        drop(on);
    }
}
