//! The plan drawn as SVG: areas, pipes, buildings (one memoised component each) and the
//! placed items' badges, laid out by [`crate::core::badges`] so that labels never cover
//! each other.

use crate::core::badges::{lay_out_badges, text_em};
use crate::core::catalog::{Catalog, Class};
use crate::core::command::Feature;
use crate::core::format::{place_name, stairwell_label};
use crate::core::geometry::{bounds, polygon_area_m2, vertex_centroid, Pt};
use crate::core::ids::*;
use crate::core::plan::*;
use crate::core::site::*;
use crate::ui::i18n::{t, Key, Lang};
use crate::ui::labels::class_css;
use crate::ui::state::{PlanRef, Sel};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// A preview drawn during an interaction.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Preview {
    /// Offset of the moving features.
    pub(super) offset: Option<Pt>,
    /// A reshaped feature.
    pub(super) shape: Option<(Feature, Vec<Pt>)>,
    /// A selection box.
    pub(super) boxed: Option<(Pt, Pt)>,
    /// A rectangle being drawn.
    pub(super) rect: Option<(Pt, Pt)>,
    /// The pointer, for rubber bands.
    pub(super) pointer: Option<Pt>,
}

pub(super) fn points_attr(pts: &[Pt]) -> AttrValue {
    let mut s = String::with_capacity(pts.len() * 12);
    for p in pts {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&format!("{:.2},{:.2}", p.x, p.y));
    }
    s.into()
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

/// Where a building's name goes: inside, above the middle, when the outline is tall enough on
/// screen for the name, a row of badges and the stairwell marks; else just above the outline
/// (small buildings on a phone). `m` is metres per screen pixel.
pub(super) fn name_spot(footprint: &[Pt], m: f64) -> (Pt, bool) {
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
pub(super) fn anchor(plan: &Plan, t: Target, m: f64) -> Option<(Pt, f64, bool)> {
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

pub(super) fn sel_cls_html(selected: bool) -> Option<&'static str> {
    selected.then_some("selected")
}

pub(super) fn class_of(catalog: &Catalog, item: &str) -> Class {
    catalog.get(item).map_or(Class::Upgrade, |i| i.class)
}

/// The plan's features and badges.
/// What the plan's drawing depends on: the editor draws it as a component of its own, so a
/// change elsewhere in the app (another page, a notice, the save state) does not rebuild and
/// compare a thousand badges.
#[derive(Properties, PartialEq)]
pub(super) struct PlanBodyProps {
    pub(super) plan: PlanRef,
    pub(super) selection: Rc<[Sel]>,
    /// Only the offset and the reshaped feature (not the pointer).
    pub(super) preview: Preview,
    pub(super) lang: Lang,
    pub(super) ppm: f64,
}

#[component]
pub(super) fn PlanBody(p: &PlanBodyProps) -> Html {
    let catalog = crate::ui::computed::catalog_of(&p.plan.0);
    render_plan(&p.plan, &p.selection, &catalog, &p.preview, p.lang, p.ppm)
}

pub(super) fn render_plan(
    plan: &PlanRef,
    selection: &[Sel],
    catalog: &Catalog,
    preview: &Preview,
    lang: Lang,
    ppm: f64,
) -> Html {
    let d = Draw {
        plan: &plan.0,
        selection,
        preview,
        lang,
        m: 1.0 / ppm.max(1e-6),
    };
    let areas = d.areas();
    let pipes = d.pipes();
    let buildings = d.buildings();
    let points = d.points();
    let badges = d.badges(catalog);
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

/// What one drawing of the plan needs: the plan, what is selected, the preview of an
/// interaction, the language and the scale.
struct Draw<'a> {
    plan: &'a Plan,
    selection: &'a [Sel],
    preview: &'a Preview,
    lang: Lang,
    /// Metres per screen pixel: labels are sized in pixels.
    m: f64,
}

/// The sizes of the badge pills, in metres at the current scale.
#[derive(Clone, Copy)]
struct PillSize {
    fs: f64,
    h: f64,
    pad: f64,
    gap: f64,
}

/// The data-hit key of a target (what a click on its "+N" pill selects).
fn hit_key(target: Target) -> String {
    match target {
        Target::Building(id) => format!("b:{id}"),
        Target::Stairwell(id) => format!("s:{id}"),
        Target::Area(id) => format!("a:{id}"),
        Target::Pipe(id) => format!("p:{id}"),
        Target::Point(id) => format!("t:{id}"),
        Target::Community => String::new(),
    }
}

/// Placements by target, targets in the order first placed (found by a map: a large
/// community has 1,500 placements on 250 targets), then elevators and other stairwell items
/// first: they are what residents look for.
fn by_target(plan: &Plan) -> Vec<(Target, Vec<&Placement>)> {
    let mut by_target: Vec<(Target, Vec<&Placement>)> = Vec::new();
    let mut slot: HashMap<Target, usize> = HashMap::new();
    for pl in &plan.scenario().items {
        let k = *slot.entry(pl.target).or_insert_with(|| {
            by_target.push((pl.target, Vec::new()));
            by_target.len() - 1
        });
        by_target[k].1.push(pl);
    }
    crate::core::sort::sort_by_key(&mut by_target, &|(t, _)| match t {
        Target::Stairwell(_) => 0u8,
        Target::Building(_) => 1,
        _ => 2,
    });
    by_target
}

impl Draw<'_> {
    fn is_selected(&self, x: Sel) -> bool {
        self.selection.contains(&x)
    }

    fn moving(&self, f: Feature) -> bool {
        self.preview.offset.is_some() && self.is_selected(Sel::Feature(f))
    }

    fn shaped(&self, f: Feature) -> Option<Vec<Pt>> {
        self.preview
            .shape
            .as_ref()
            .filter(|(g, _)| *g == f)
            .map(|(_, p)| p.clone())
    }

    fn sel_cls(&self, sel: Sel) -> Option<&'static str> {
        self.is_selected(sel).then_some("selected")
    }

    /// The translation of a feature being moved.
    fn transform(&self, f: Feature) -> Option<String> {
        self.moving(f).then(|| self.offset())
    }

    fn offset(&self) -> String {
        let off = self.preview.offset.unwrap_or_default();
        format!("translate({:.2} {:.2})", off.x, off.y)
    }

    fn areas(&self) -> Vec<Html> {
        let lang = self.lang;
        self.plan.community.areas.iter().map(|a| {
            let f = Feature::Area(a.id);
            let pts = self.shaped(f).unwrap_or_else(|| a.polygon.clone());
            let kind = match a.kind { AreaKind::Road => "road", AreaKind::Green => "green", AreaKind::Plaza => "plaza", AreaKind::Parking => "parking" };
            html! {
                <polygon key={format!("a{}", a.id)} class={classes!("area", kind, self.sel_cls(Sel::Feature(f)))} data-hit={format!("a:{}", a.id)}
                    tabindex="0" role="button" aria-label={format!("{} · {} {:.0} m²", a.name, t(lang, Key::Area), polygon_area_m2(&pts))}
                    points={points_attr(&pts)} transform={self.transform(f)}>
                    <title>{ a.name.clone() }</title>
                </polygon>
            }
        }).collect()
    }

    fn pipes(&self) -> Vec<Html> {
        let lang = self.lang;
        self.plan.community.pipes.iter().map(|p| {
            let f = Feature::Pipe(p.id);
            let pts = self.shaped(f).unwrap_or_else(|| p.path.clone());
            let kind = match p.kind { PipeKind::Water => "water", PipeKind::Sewer => "sewer", PipeKind::Rain => "rain", PipeKind::Gas => "gas", PipeKind::Power => "power", PipeKind::Telecom => "telecom", PipeKind::Heating => "heating" };
            html! {
                <g key={format!("p{}", p.id)} class={classes!("pipe-group", self.sel_cls(Sel::Feature(f)))} data-hit={format!("p:{}", p.id)} transform={self.transform(f)}
                    tabindex="0" role="button" aria-label={format!("{} · {} {:.0} m", p.name, t(lang, Key::Length), crate::core::geometry::polyline_length_m(&pts))}>
                    <title>{ p.name.clone() }</title>
                    <polyline class="pipe-hit" points={points_attr(&pts)} />
                    <polyline class={classes!("pipe", kind)} points={points_attr(&pts)} />
                </g>
            }
        }).collect()
    }

    /// Each building is a component of its own, drawn again only when what it shows changes
    /// (a move of one building redraws that one, not the forty others).
    fn buildings(&self) -> Vec<Html> {
        self.plan
            .community
            .buildings
            .iter()
            .map(|b| {
                let f = Feature::Building(b.id);
                let shape = self.shaped(f);
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
                            selected: self.is_selected(Sel::Stairwell(st.id)),
                        })
                        .collect(),
                    selected: self.is_selected(Sel::Feature(f)),
                    transform: self.transform(f).map(AttrValue::from),
                    lang: self.lang,
                    m: self.m,
                };
                html! { <BuildingShape key={b.id.0} b={drawn} /> }
            })
            .collect()
    }

    fn points(&self) -> Vec<Html> {
        self.plan.community.points.iter().map(|p| {
            let f = Feature::Point(p.id);
            let pos = self.shaped(f).and_then(|v| v.first().copied()).unwrap_or(p.position);
            let kind = match p.kind { PointKind::Lamp => "lamp", PointKind::Camera => "camera", PointKind::Gate => "gate", PointKind::Waste => "waste", PointKind::Charger => "charger", PointKind::Other => "other" };
            html! {
                <circle key={format!("pt{}", p.id)} class={classes!("point", kind, self.sel_cls(Sel::Feature(f)))} data-hit={format!("t:{}", p.id)} transform={self.transform(f)}
                    tabindex="0" role="button" aria-label={p.name.clone()}
                    cx={format!("{:.2}", pos.x)} cy={format!("{:.2}", pos.y)} r="1.3">
                    <title>{ p.name.clone() }</title>
                </circle>
            }
        }).collect()
    }

    /// What is already drawn, as boxes [x0, y0, x1, y1]: the buildings' names and the
    /// stairwell marks. A badge that would cover one of them, or another badge, is folded
    /// into its target's "+N" pill instead, so that every label stays readable.
    fn drawn_labels(&self, h: f64) -> crate::core::geometry::BoxIndex {
        let m = self.m;
        let mut taken = crate::core::geometry::BoxIndex::new(h * 4.0);
        let name_fs = label_px::BUILDING * m;
        let mark = label_px::MARK * m;
        for b in &self.plan.community.buildings {
            let (spot, _) = name_spot(&b.footprint, m);
            let w = text_em(&place_name(&b.name, self.lang)) * name_fs;
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
        taken
    }

    /// Badges: readable short names in pills, laid out per target in at most two rows; what
    /// does not fit is counted in a "+N" pill that selects the target (its items are listed
    /// in the properties).
    fn badges(&self, catalog: &Catalog) -> Vec<Html> {
        let fs = label_px::SMALL * self.m;
        let size = PillSize {
            fs,
            h: fs * 1.5,
            pad: fs * 0.45,
            gap: fs * 0.3,
        };
        let mut taken = self.drawn_labels(size.h);
        let mut badges: Vec<Html> = Vec::new();
        for (target, items) in &by_target(self.plan) {
            self.target_badges(catalog, *target, items, &size, &mut taken, &mut badges);
        }
        badges
    }

    /// Whether the target moves with the features being moved.
    fn target_moving(&self, target: Target) -> bool {
        match target {
            Target::Building(id) => self.moving(Feature::Building(id)),
            Target::Stairwell(id) => self
                .plan
                .community
                .stairwell(id)
                .is_some_and(|(b, _)| self.moving(Feature::Building(b.id))),
            Target::Area(id) => self.moving(Feature::Area(id)),
            Target::Pipe(id) => self.moving(Feature::Pipe(id)),
            Target::Point(id) => self.moving(Feature::Point(id)),
            Target::Community => false,
        }
    }

    /// The badges of one target, and its "+N" pill when some do not fit.
    fn target_badges(
        &self,
        catalog: &Catalog,
        target: Target,
        items: &[&Placement],
        size: &PillSize,
        taken: &mut crate::core::geometry::BoxIndex,
        badges: &mut Vec<Html>,
    ) {
        let (lang, PillSize { fs, h, pad, gap }) = (self.lang, *size);
        let Some((a, max_w, up)) = anchor(self.plan, target, self.m) else {
            return;
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
        let tr = self.target_moving(target).then(|| self.offset());
        let where_ = crate::ui::labels::target_label(self.plan, target, lang);
        let (tr_attr, target_key) = (
            tr.clone().map(AttrValue::from),
            AttrValue::from(target.key()),
        );
        let mut group: Vec<BadgeProps> = Vec::with_capacity(items.len());
        for (k, (pl, label)) in items.iter().zip(labels).enumerate() {
            let class = class_of(catalog, &pl.item);
            let name = crate::ui::labels::item_name(catalog, &pl.item, lang);
            // A badge that does not fit stays in the page, hidden (the "+N" pill stands for it).
            let (shown, (x, y)) = match place[k] {
                Some(p) => (true, p),
                None => (false, (a.x, a.y)),
            };
            group.push(BadgeProps {
                id: pl.id,
                class: class_css(class),
                selected: self.is_selected(Sel::Placement(pl.id)),
                shown,
                item: AttrValue::from(pl.item.clone()),
                target: target_key.clone(),
                transform: tr_attr.clone(),
                name: AttrValue::from(format!("{name} @ {where_}")),
                text: AttrValue::from(label),
                at: [x, y, widths[k], h, fs],
            });
        }
        badges
            .push(html! { <Badges key={format!("t-{}", target.key())} badges={Rc::new(group)} /> });
        if hidden == 0 {
            return;
        }
        // The "+N" pill: after the last badge shown, else where the first would be, else a
        // row further out; the first of these places that covers nothing.
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
        let free = |&(x, y): &(f64, f64)| !taken.overlaps([x, y, x + more_w, y + h]);
        let (x, y) = spots.iter().copied().find(free).unwrap_or(spots[0]);
        taken.push([x, y, x + more_w, y + h]);
        let text = format!("+{hidden}");
        let more = crate::ui::i18n::more_items(lang, hidden, &where_);
        badges.push(html! {
            <g key={format!("more-{}", target.key())} class="badge more" data-hit={hit_key(target)} transform={tr} tabindex="0" role="button" aria-label={more.clone()}>
                <title>{ more }</title>
                <rect x={format!("{x:.2}")} y={format!("{y:.2}")} width={format!("{more_w:.2}")} height={format!("{h:.2}")} rx={format!("{:.2}", h / 2.0)} />
                <text x={format!("{:.2}", x + more_w / 2.0)} y={format!("{:.2}", y + h * 0.68)} style={format!("font-size:{fs:.3}px")}>{ text }</text>
            </g>
        });
    }
}

/// What a building on the plan shows: its outline (or the shape it is being given), name,
/// stairwell marks, whether it is selected or moving, the language and the scale.
#[derive(PartialEq)]
pub(super) struct DrawnBuilding {
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
pub(super) struct DrawnStairwell {
    id: StairwellId,
    name: AttrValue,
    at: Pt,
    selected: bool,
}

#[derive(Properties, PartialEq)]
pub(super) struct BuildingShapeProps {
    b: DrawnBuilding,
}

#[component]
pub(super) fn BuildingShape(p: &BuildingShapeProps) -> Html {
    let b = &p.b;
    let (lang, m) = (b.lang, b.m);
    let bname = place_name(&b.name, lang);
    let label = crate::ui::i18n::building_summary(lang, &bname, b.floors, b.year_built);
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
pub(super) struct BadgeProps {
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
pub(super) struct BadgesProps {
    badges: Rc<Vec<BadgeProps>>,
}

#[component]
pub(super) fn Badges(p: &BadgesProps) -> Html {
    html! { <>{ for p.badges.iter().map(badge) }</> }
}

pub(super) fn badge(p: &BadgeProps) -> Html {
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
