//! Plane geometry on the site plan, in metres: points, polygon area and perimeter, polyline
//! length, simplicity (no self-intersection) checks, and the editor's shape maths (rectangle
//! test, corner resize, rotation, the visible window and its zoom, the scale bar, box
//! selection), tested here natively.

use serde::{Deserialize, Serialize};

/// A point on the site plan in metres; `x` grows east, `y` grows south (screen order), so the
/// plan can be drawn without flipping. Serialised as `[x, y]`. Coordinates are kept to the
/// millimetre ([`round_mm`]): a site plan needs no more, and short decimals read back exactly.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(from = "[f64; 2]", into = "[f64; 2]")]
pub struct Pt {
    /// Metres east of the plan origin.
    pub x: f64,
    /// Metres south of the plan origin.
    pub y: f64,
}

impl From<[f64; 2]> for Pt {
    fn from([x, y]: [f64; 2]) -> Self {
        Pt::new(x, y)
    }
}

/// `v` rounded to `1 / per` (e.g. `per = 1000.0`: to the thousandth). The result's shortest
/// decimal form has at most that many decimals, so JSON text reads back to the same `f64`.
/// Non-finite values pass through (validation refuses them).
pub fn round_to(v: f64, per: f64) -> f64 {
    if v.is_finite() && v.abs() < 1.0e12 {
        (v * per).round() / per
    } else {
        v
    }
}

/// Metres rounded to the millimetre.
pub fn round_mm(v: f64) -> f64 {
    round_to(v, 1000.0)
}

impl From<Pt> for [f64; 2] {
    fn from(p: Pt) -> Self {
        [p.x, p.y]
    }
}

impl Pt {
    /// A point from its coordinates in metres, rounded to the millimetre.
    pub fn new(x: f64, y: f64) -> Self {
        Pt {
            x: round_mm(x),
            y: round_mm(y),
        }
    }

    /// Distance to `other`, metres.
    pub fn dist(self, other: Pt) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    /// True when both coordinates are finite numbers.
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

/// Absolute area of a closed polygon (shoelace formula), m². The closing edge is implied.
pub fn polygon_area_m2(pts: &[Pt]) -> f64 {
    if pts.len() < 3 {
        return 0.0;
    }
    let mut twice = 0.0;
    for (i, a) in pts.iter().enumerate() {
        let b = pts[(i + 1) % pts.len()];
        twice += a.x * b.y - b.x * a.y;
    }
    (twice / 2.0).abs()
}

/// Perimeter of a closed polygon, metres (closing edge included).
pub fn polygon_perimeter_m(pts: &[Pt]) -> f64 {
    if pts.len() < 2 {
        return 0.0;
    }
    pts.iter()
        .enumerate()
        .map(|(i, a)| a.dist(pts[(i + 1) % pts.len()]))
        .sum()
}

/// Length of an open polyline, metres.
pub fn polyline_length_m(pts: &[Pt]) -> f64 {
    pts.windows(2).map(|w| w[0].dist(w[1])).sum()
}

/// Centroid of a polygon's vertices (good enough to place a label).
pub fn vertex_centroid(pts: &[Pt]) -> Pt {
    if pts.is_empty() {
        return Pt::default();
    }
    let n = pts.len() as f64;
    let (sx, sy) = pts
        .iter()
        .fold((0.0, 0.0), |(sx, sy), p| (sx + p.x, sy + p.y));
    Pt::new(sx / n, sy / n)
}

/// Axis-aligned bounding box `(min, max)` of some points; `None` when there are none.
pub fn bounds(pts: impl IntoIterator<Item = Pt>) -> Option<(Pt, Pt)> {
    let mut it = pts.into_iter();
    let first = it.next()?;
    Some(it.fold((first, first), |(lo, hi), p| {
        (
            Pt::new(lo.x.min(p.x), lo.y.min(p.y)),
            Pt::new(hi.x.max(p.x), hi.y.max(p.y)),
        )
    }))
}

/// A point in whole millimetres: the plan's own precision ([`Pt::new`] rounds to it), where
/// the tests of simple outlines are exact integer arithmetic, so whether an outline touches
/// itself never depends on floating-point rounding, snapping or rotation.
fn mm(p: Pt) -> (i64, i64) {
    ((p.x * 1000.0).round() as i64, (p.y * 1000.0).round() as i64)
}

/// Twice the signed area of the triangle a-b-c, mm² (exact: coordinates are at most 10^8 mm).
fn orient(a: (i64, i64), b: (i64, i64), c: (i64, i64)) -> i128 {
    let (ax, ay, bx, by, cx, cy) = (
        i128::from(a.0),
        i128::from(a.1),
        i128::from(b.0),
        i128::from(b.1),
        i128::from(c.0),
        i128::from(c.1),
    );
    (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
}

/// `p`, known to be on the line a-b, lies between a and b (ends included).
fn within(a: (i64, i64), b: (i64, i64), p: (i64, i64)) -> bool {
    p.0 >= a.0.min(b.0) && p.0 <= a.0.max(b.0) && p.1 >= a.1.min(b.1) && p.1 <= a.1.max(b.1)
}

fn cross_exact(a1: (i64, i64), a2: (i64, i64), b1: (i64, i64), b2: (i64, i64)) -> bool {
    let (d1, d2) = (orient(b1, b2, a1), orient(b1, b2, a2));
    let (d3, d4) = (orient(a1, a2, b1), orient(a1, a2, b2));
    if d1.signum() * d2.signum() < 0 && d3.signum() * d4.signum() < 0 {
        return true;
    }
    (d1 == 0 && within(b1, b2, a1))
        || (d2 == 0 && within(b1, b2, a2))
        || (d3 == 0 && within(a1, a2, b1))
        || (d4 == 0 && within(a1, a2, b2))
}

/// True when the closed segments `a1-a2` and `b1-b2` share at least one point (exact, in
/// millimetres).
pub fn segments_intersect(a1: Pt, a2: Pt, b1: Pt, b2: Pt) -> bool {
    cross_exact(mm(a1), mm(a2), mm(b1), mm(b2))
}

/// Why a polygon is not a valid simple outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolygonFault {
    /// Fewer than 3 vertices.
    TooFewPoints,
    /// A coordinate is NaN or infinite.
    NotFinite,
    /// Two non-adjacent edges cross or touch, an edge folds back on the one before, or two
    /// vertices coincide.
    SelfIntersecting,
    /// Encloses no area.
    ZeroArea,
}

/// Checks that `pts` is a simple polygon (edges meet only at shared vertices of adjacent
/// edges), exactly, in whole millimetres. Straight-on corners (three in a line) are allowed;
/// doubled corners and a repeated first corner are for the reader to normalise first
/// ([`crate::core::plan_file::normalise`]). O(n²) in the number of vertices; footprints have a
/// handful.
pub fn check_simple_polygon(pts: &[Pt]) -> Result<(), PolygonFault> {
    if pts.len() < 3 {
        return Err(PolygonFault::TooFewPoints);
    }
    if !pts.iter().all(|p| p.is_finite()) {
        return Err(PolygonFault::NotFinite);
    }
    let q: Vec<(i64, i64)> = pts.iter().map(|&p| mm(p)).collect();
    let n = q.len();
    for i in 0..n {
        for j in (i + 1)..n {
            if q[i] == q[j] {
                return Err(PolygonFault::SelfIntersecting);
            }
        }
    }
    for i in 0..n {
        let (a1, a2) = (q[i], q[(i + 1) % n]);
        // An edge that folds back along the one before (a spike).
        let a0 = q[(i + n - 1) % n];
        if orient(a0, a1, a2) == 0 && (within(a1, a2, a0) || within(a0, a1, a2)) {
            return Err(PolygonFault::SelfIntersecting);
        }
        for j in (i + 1)..n {
            let adjacent = j == i + 1 || (i == 0 && j == n - 1);
            if adjacent {
                continue;
            }
            let (b1, b2) = (q[j], q[(j + 1) % n]);
            if cross_exact(a1, a2, b1, b2) {
                return Err(PolygonFault::SelfIntersecting);
            }
        }
    }
    let twice: i128 = (0..n)
        .map(|i| {
            let (a, b) = (q[i], q[(i + 1) % n]);
            i128::from(a.0) * i128::from(b.1) - i128::from(b.0) * i128::from(a.1)
        })
        .sum();
    if twice == 0 {
        return Err(PolygonFault::ZeroArea);
    }
    Ok(())
}

/// A rectangle of `w` × `h` metres with its top-left corner at `(x, y)`, rotated by `deg`
/// degrees clockwise about that corner.
pub fn rect(x: f64, y: f64, w: f64, h: f64, deg: f64) -> Vec<Pt> {
    let (s, c) = deg.to_radians().sin_cos();
    [(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)]
        .iter()
        .map(|&(dx, dy)| Pt::new(x + dx * c - dy * s, y + dx * s + dy * c))
        .collect()
}

/// Points as people draw and CAD tools write them, made plain: corners given twice in a row
/// merged, and for a closed outline a last corner that repeats the first dropped. Returns
/// the points and how many repeats were merged and whether a closing repeat was dropped.
pub fn normalise_points(pts: &[Pt], closed: bool) -> (Vec<Pt>, usize, bool) {
    let mut out: Vec<Pt> = pts.to_vec();
    out.dedup();
    let merged = pts.len() - out.len();
    let ring = closed && out.len() > 3 && out.first() == out.last();
    if ring {
        out.pop();
    }
    (out, merged, ring)
}

/// True when two axis-aligned boxes `[x0, y0, x1, y1]` share some area (touching edges do
/// not count).
pub fn boxes_overlap(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Boxes `[x0, y0, x1, y1]` put down one after another, asked "would this one overlap any
/// already down?" ([`boxes_overlap`]): a uniform grid of square cells, each listing the boxes
/// that reach into it, so a question looks at the few boxes near it instead of all (the plan's
/// badges: 1,500 labels, a million box tests done one by one). A box more than
/// [`BoxIndex::SPAN`] cells across is kept apart and tested always.
#[derive(Debug, Clone)]
pub struct BoxIndex {
    cell: f64,
    boxes: Vec<[f64; 4]>,
    cells: std::collections::HashMap<(i64, i64), Vec<usize>>,
    wide: Vec<usize>,
}

impl BoxIndex {
    /// The most cells a box spans, each way, to be listed in them.
    pub const SPAN: i64 = 64;

    /// An empty index with cells `cell` wide (about the size of a typical box).
    pub fn new(cell: f64) -> Self {
        BoxIndex {
            cell: if cell.is_finite() && cell > 0.0 {
                cell
            } else {
                1.0
            },
            boxes: Vec::new(),
            cells: std::collections::HashMap::new(),
            wide: Vec::new(),
        }
    }

    /// The cells a box reaches into, or `None` when they are too many.
    fn cells_of(&self, b: [f64; 4]) -> Option<impl Iterator<Item = (i64, i64)>> {
        let c = |v: f64| (v / self.cell).floor().clamp(-1e12, 1e12) as i64;
        let (x0, y0, x1, y1) = (c(b[0]), c(b[1]), c(b[2]), c(b[3]));
        (x1 - x0 <= Self::SPAN && y1 - y0 <= Self::SPAN)
            .then(|| (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y))))
    }

    /// True when any box down overlaps `b`.
    pub fn overlaps(&self, b: [f64; 4]) -> bool {
        let hit = |i: &usize| boxes_overlap(self.boxes[*i], b);
        match self.cells_of(b) {
            None => self.boxes.iter().any(|t| boxes_overlap(*t, b)),
            Some(mut cells) => {
                self.wide.iter().any(hit)
                    || cells.any(|k| self.cells.get(&k).is_some_and(|v| v.iter().any(hit)))
            }
        }
    }

    /// Puts `b` down.
    pub fn push(&mut self, b: [f64; 4]) {
        let i = self.boxes.len();
        self.boxes.push(b);
        match self.cells_of(b) {
            None => self.wide.push(i),
            Some(cells) => {
                let cells: Vec<_> = cells.collect();
                for k in cells {
                    self.cells.entry(k).or_default().push(i);
                }
            }
        }
    }
}

/// True when four points form a rectangle (right angles within 0.5°).
pub fn is_rectangle(p: &[Pt]) -> bool {
    p.len() == 4
        && (0..4).all(|i| {
            let (a, b, c) = (p[i], p[(i + 1) % 4], p[(i + 2) % 4]);
            let (ux, uy, vx, vy) = (b.x - a.x, b.y - a.y, c.x - b.x, c.y - b.y);
            let dot = ux * vx + uy * vy;
            let n = ux.hypot(uy) * vx.hypot(vy);
            n > 0.0 && (dot / n).abs() < 0.01
        })
}

/// Moves corner `i` of a rectangle to `to`, keeping the opposite corner and right angles;
/// each side stays at least 1 m long.
pub fn resize_rect(p: &[Pt], i: usize, to: Pt) -> Vec<Pt> {
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

/// `pts` turned by `rad` radians about `c` (clockwise on screen: y points down).
pub fn rotate_about(pts: &[Pt], c: Pt, rad: f64) -> Vec<Pt> {
    let (s, k) = rad.sin_cos();
    pts.iter()
        .map(|p| {
            let (dx, dy) = (p.x - c.x, p.y - c.y);
            Pt::new(c.x + dx * k - dy * s, c.y + dx * s + dy * k)
        })
        .collect()
}

/// A scale bar length that is a round number of metres (1, 2 or 5 times a power of ten) and
/// at most a fifth of the width.
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

/// The box spanned by two corners in any order, if it is larger than `min` metres in either
/// direction (a click is not a box): its low and high corners.
pub fn drag_box(a: Pt, b: Pt, min: f64) -> Option<(Pt, Pt)> {
    let (lo, hi) = (
        Pt::new(a.x.min(b.x), a.y.min(b.y)),
        Pt::new(a.x.max(b.x), a.y.max(b.y)),
    );
    ((hi.x - lo.x) > min || (hi.y - lo.y) > min).then_some((lo, hi))
}

/// True when every point lies in the box `lo`..`hi` (edges included).
pub fn all_inside(pts: &[Pt], lo: Pt, hi: Pt) -> bool {
    pts.iter()
        .all(|p| p.x >= lo.x && p.x <= hi.x && p.y >= lo.y && p.y <= hi.y)
}

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
    /// The points' bounds with a 10 m margin, at least 20 m each way (100 m square from the
    /// origin when there are no points).
    pub fn fit(pts: impl IntoIterator<Item = Pt>) -> View {
        let (lo, hi) = bounds(pts).unwrap_or((Pt::new(0.0, 0.0), Pt::new(100.0, 100.0)));
        let m = 10.0;
        View {
            x: lo.x - m,
            y: lo.y - m,
            w: (hi.x - lo.x + 2.0 * m).max(20.0),
            h: (hi.y - lo.y + 2.0 * m).max(20.0),
        }
    }

    /// Zooms by `f` (< 1 in, > 1 out; one step at most 5× either way) keeping `about` in
    /// place; the width stays within 5 m and 20 km.
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

    /// The middle of the view.
    pub fn centre(self) -> Pt {
        Pt::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// Screen pixels per metre when the view is shown, aspect kept (`meet`), in a box of
    /// `w` × `h` pixels.
    pub fn px_per_m(self, w: f64, h: f64) -> f64 {
        (w / self.w).min(h / self.h).max(1e-9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_index_answers_as_testing_every_box_does() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 10_000) as f64 / 100.0 // 0-100
        };
        for cell in [0.5, 3.0, 40.0] {
            let (mut index, mut all) = (BoxIndex::new(cell), Vec::new());
            let (mut hits, mut misses) = (0, 0);
            for k in 0..2_000 {
                let (x, y) = (next() - 50.0, next() - 50.0);
                // Mostly label-sized, now and then one far wider than the cells.
                let (w, h) = if k % 97 == 0 {
                    (next() * 3.0, 1.0)
                } else {
                    (next() / 20.0, next() / 50.0)
                };
                let b = [x, y, x + w, y + h];
                let want = all.iter().any(|t| boxes_overlap(*t, b));
                assert_eq!(index.overlaps(b), want, "box {k} {b:?}, cells {cell}");
                if want {
                    hits += 1;
                } else {
                    misses += 1;
                    index.push(b);
                    all.push(b);
                }
            }
            assert!(hits > 100 && misses > 100, "{hits} {misses}");
        }
    }

    #[test]
    fn boxes_overlap_only_when_they_share_area() {
        assert!(boxes_overlap([0.0, 0.0, 2.0, 2.0], [1.0, 1.0, 3.0, 3.0]));
        assert!(
            !boxes_overlap([0.0, 0.0, 2.0, 2.0], [2.0, 0.0, 3.0, 2.0]),
            "touching"
        );
        assert!(!boxes_overlap([0.0, 0.0, 2.0, 2.0], [0.0, 5.0, 2.0, 6.0]));
        assert!(
            boxes_overlap([0.0, 0.0, 10.0, 10.0], [4.0, 4.0, 5.0, 5.0]),
            "inside"
        );
    }

    #[test]
    fn rectangle_area_and_perimeter() {
        let r = rect(10.0, 5.0, 60.0, 12.0, 0.0);
        assert!((polygon_area_m2(&r) - 720.0).abs() < 1e-9);
        assert!((polygon_perimeter_m(&r) - 144.0).abs() < 1e-9);
        assert!(check_simple_polygon(&r).is_ok());
    }

    #[test]
    fn rotated_rectangle_keeps_area() {
        let r = rect(0.0, 0.0, 30.0, 10.0, 37.0);
        assert!(
            (polygon_area_m2(&r) - 300.0).abs() < 0.05,
            "mm rounding of corners"
        );
    }

    #[test]
    fn bow_tie_is_self_intersecting() {
        let bow = [
            Pt::new(0.0, 0.0),
            Pt::new(10.0, 10.0),
            Pt::new(10.0, 0.0),
            Pt::new(0.0, 10.0),
        ];
        assert_eq!(
            check_simple_polygon(&bow),
            Err(PolygonFault::SelfIntersecting)
        );
    }

    #[test]
    fn degenerate_polygons_are_refused() {
        assert_eq!(
            check_simple_polygon(&[Pt::new(0.0, 0.0), Pt::new(1.0, 1.0)]),
            Err(PolygonFault::TooFewPoints)
        );
        let line = [Pt::new(0.0, 0.0), Pt::new(1.0, 0.0), Pt::new(2.0, 0.0)];
        assert!(check_simple_polygon(&line).is_err());
        let nan = [Pt::new(0.0, 0.0), Pt::new(f64::NAN, 0.0), Pt::new(2.0, 3.0)];
        assert_eq!(check_simple_polygon(&nan), Err(PolygonFault::NotFinite));
    }

    #[test]
    fn touching_is_decided_exactly_whatever_the_rounding() {
        // A notch whose tip touches the opposite edge at exactly one point: refused, and so is
        // the same outline moved by amounts whose products round differently in f64.
        let notch = |dx: f64, dy: f64| {
            vec![
                Pt::new(0.1 + dx, 0.1 + dy),
                Pt::new(10.3 + dx, 0.1 + dy),
                Pt::new(10.3 + dx, 10.7 + dy),
                Pt::new(5.2 + dx, 0.1 + dy),
                Pt::new(0.1 + dx, 10.7 + dy),
            ]
        };
        for (dx, dy) in [
            (0.0, 0.0),
            (0.3, 0.7),
            (123.456, 789.012),
            (-0.1, 1e4 + 0.003),
        ] {
            assert_eq!(
                check_simple_polygon(&notch(dx, dy)),
                Err(PolygonFault::SelfIntersecting),
                "({dx}, {dy})"
            );
        }
        // A millimetre away it is simple, at any offset.
        for (dx, dy) in [(0.0, 0.0), (0.3, 0.7), (123.456, 789.012)] {
            let mut p = notch(dx, dy);
            p[3] = Pt::new(p[3].x, p[3].y + 0.001);
            assert!(check_simple_polygon(&p).is_ok(), "({dx}, {dy})");
        }
        // Three corners in a line are fine; an edge folding back is not.
        let straight = [
            Pt::new(0.0, 0.0),
            Pt::new(5.0, 0.0),
            Pt::new(10.0, 0.0),
            Pt::new(10.0, 5.0),
        ];
        assert!(check_simple_polygon(&straight).is_ok());
        let spike = [
            Pt::new(0.0, 0.0),
            Pt::new(10.0, 0.0),
            Pt::new(4.0, 0.0),
            Pt::new(4.0, 5.0),
        ];
        assert_eq!(
            check_simple_polygon(&spike),
            Err(PolygonFault::SelfIntersecting)
        );
    }

    #[test]
    fn l_shape_is_simple() {
        let l = [
            Pt::new(0.0, 0.0),
            Pt::new(20.0, 0.0),
            Pt::new(20.0, 10.0),
            Pt::new(10.0, 10.0),
            Pt::new(10.0, 20.0),
            Pt::new(0.0, 20.0),
        ];
        assert!(check_simple_polygon(&l).is_ok());
        assert!((polygon_area_m2(&l) - 300.0).abs() < 1e-9);
        assert!((polyline_length_m(&l) - 60.0).abs() < 1e-9);
    }

    #[test]
    fn rectangles_are_told_from_other_quadrilaterals() {
        assert!(is_rectangle(&rect(0.0, 0.0, 30.0, 10.0, 0.0)));
        assert!(is_rectangle(&rect(5.0, 5.0, 30.0, 10.0, 33.0)), "turned");
        let trapezoid = [
            Pt::new(0.0, 0.0),
            Pt::new(10.0, 0.0),
            Pt::new(8.0, 5.0),
            Pt::new(2.0, 5.0),
        ];
        assert!(!is_rectangle(&trapezoid));
        assert!(!is_rectangle(&trapezoid[..3]), "three points");
        let flat = [Pt::new(0.0, 0.0); 4];
        assert!(!is_rectangle(&flat), "no sides");
    }

    #[test]
    fn resizing_a_corner_keeps_the_opposite_corner_and_right_angles() {
        let r = rect(0.0, 0.0, 30.0, 10.0, 25.0);
        for i in 0..4 {
            let far = r[(i + 2) % 4];
            let to = Pt::new(r[i].x + 4.0, r[i].y - 3.0);
            let out = resize_rect(&r, i, to);
            assert!(is_rectangle(&out), "corner {i}");
            assert_eq!(out[(i + 2) % 4], far, "opposite corner {i}");
        }
        // Dragged across the opposite corner: the sides stay at least 1 m.
        let r = rect(0.0, 0.0, 20.0, 10.0, 0.0);
        let out = resize_rect(&r, 2, Pt::new(-50.0, -50.0));
        assert!((polygon_area_m2(&out) - 1.0).abs() < 1e-9, "{out:?}");
    }

    #[test]
    fn rotation_turns_about_the_centre_and_keeps_the_shape() {
        let r = rect(0.0, 0.0, 20.0, 10.0, 0.0);
        let c = vertex_centroid(&r);
        let q = rotate_about(&r, c, std::f64::consts::FRAC_PI_2);
        assert!((polygon_area_m2(&q) - 200.0).abs() < 1e-9);
        let qc = vertex_centroid(&q);
        assert!((qc.x - c.x).abs() < 1e-9 && (qc.y - c.y).abs() < 1e-9);
        // A quarter turn (y down): the point right of the centre goes below it.
        let p = rotate_about(&[Pt::new(c.x + 5.0, c.y)], c, std::f64::consts::FRAC_PI_2)[0];
        assert!((p.x - c.x).abs() < 1e-9 && (p.y - (c.y + 5.0)).abs() < 1e-9);
    }

    #[test]
    fn scale_bars_are_round_and_at_most_a_fifth_of_the_width() {
        for (w, want) in [
            (100.0, 20.0),
            (240.0, 20.0),
            (260.0, 50.0),
            (999.0, 100.0),
            (3.0, 1.0),
        ] {
            assert_eq!(scale_bar_m(w), want, "width {w}");
        }
        for w in [7.0, 55.0, 130.0, 480.0, 2_500.0, 17_000.0] {
            let l = scale_bar_m(w);
            assert!(l <= (w / 5.0).max(1.0) + 1e-9, "width {w}: {l}");
            let mag = 10f64.powf(l.log10().floor());
            assert!(
                [1.0, 2.0, 5.0].iter().any(|f| (l / mag - f).abs() < 1e-9),
                "{l}"
            );
        }
    }

    #[test]
    fn a_drag_box_needs_some_size_and_takes_only_what_is_wholly_inside() {
        assert_eq!(
            drag_box(Pt::new(1.0, 1.0), Pt::new(1.2, 1.3), 0.5),
            None,
            "a click"
        );
        let (lo, hi) = drag_box(Pt::new(10.0, 2.0), Pt::new(0.0, 8.0), 0.5).unwrap_or_default();
        assert_eq!(
            (lo, hi),
            (Pt::new(0.0, 2.0), Pt::new(10.0, 8.0)),
            "any corner order"
        );
        assert!(all_inside(&rect(1.0, 3.0, 4.0, 4.0, 0.0), lo, hi));
        assert!(all_inside(&[Pt::new(0.0, 2.0)], lo, hi), "edges count");
        assert!(
            !all_inside(&rect(8.0, 3.0, 4.0, 4.0, 0.0), lo, hi),
            "half out"
        );
    }

    #[test]
    fn the_view_fits_with_a_margin_and_zooms_about_the_pointer() {
        let v = View::fit([Pt::new(0.0, 0.0), Pt::new(100.0, 40.0)]);
        assert_eq!(
            v,
            View {
                x: -10.0,
                y: -10.0,
                w: 120.0,
                h: 60.0
            }
        );
        assert_eq!(View::fit([]).w, 120.0, "empty plan: the default square");
        let about = Pt::new(30.0, 5.0);
        let z = v.zoom(0.5, about);
        // The point under the pointer stays where it was on screen.
        let frac = |v: View| ((about.x - v.x) / v.w, (about.y - v.y) / v.h);
        let (a, b) = (frac(v), frac(z));
        assert!((a.0 - b.0).abs() < 1e-12 && (a.1 - b.1).abs() < 1e-12);
        assert_eq!(z.w, 60.0);
        assert_eq!(v.zoom(1e-6, about).w, 24.0, "one step zooms 5x at most");
        assert_eq!(
            View { w: 6.0, ..v }.zoom(0.5, about).w,
            5.0,
            "5 m at the closest"
        );
        assert_eq!(v.px_per_m(1200.0, 300.0), 5.0, "the narrower fit wins");
    }
}
