//! Plane geometry on the site plan, in metres: points, polygon area and perimeter, polyline
//! length, simplicity (no self-intersection) checks.

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

fn orient(a: Pt, b: Pt, c: Pt) -> f64 {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
}

fn on_segment(a: Pt, b: Pt, p: Pt) -> bool {
    p.x >= a.x.min(b.x) && p.x <= a.x.max(b.x) && p.y >= a.y.min(b.y) && p.y <= a.y.max(b.y)
}

/// True when the closed segments `a1-a2` and `b1-b2` share at least one point.
pub fn segments_intersect(a1: Pt, a2: Pt, b1: Pt, b2: Pt) -> bool {
    let d1 = orient(b1, b2, a1);
    let d2 = orient(b1, b2, a2);
    let d3 = orient(a1, a2, b1);
    let d4 = orient(a1, a2, b2);
    if ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
    {
        return true;
    }
    (d1 == 0.0 && on_segment(b1, b2, a1))
        || (d2 == 0.0 && on_segment(b1, b2, a2))
        || (d3 == 0.0 && on_segment(a1, a2, b1))
        || (d4 == 0.0 && on_segment(a1, a2, b2))
}

/// Why a polygon is not a valid simple outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolygonFault {
    /// Fewer than 3 vertices.
    TooFewPoints,
    /// A coordinate is NaN or infinite.
    NotFinite,
    /// Two non-adjacent edges cross or touch, or two vertices coincide.
    SelfIntersecting,
    /// Encloses no area.
    ZeroArea,
}

/// Checks that `pts` is a simple polygon (edges meet only at shared vertices of adjacent edges).
/// O(n²) in the number of vertices; footprints have a handful.
pub fn check_simple_polygon(pts: &[Pt]) -> Result<(), PolygonFault> {
    if pts.len() < 3 {
        return Err(PolygonFault::TooFewPoints);
    }
    if !pts.iter().all(|p| p.is_finite()) {
        return Err(PolygonFault::NotFinite);
    }
    let n = pts.len();
    for i in 0..n {
        for j in (i + 1)..n {
            if pts[i] == pts[j] {
                return Err(PolygonFault::SelfIntersecting);
            }
        }
    }
    for i in 0..n {
        let (a1, a2) = (pts[i], pts[(i + 1) % n]);
        for j in (i + 1)..n {
            let adjacent = j == i + 1 || (i == 0 && j == n - 1);
            if adjacent {
                continue;
            }
            let (b1, b2) = (pts[j], pts[(j + 1) % n]);
            if segments_intersect(a1, a2, b1, b2) {
                return Err(PolygonFault::SelfIntersecting);
            }
        }
    }
    if polygon_area_m2(pts) <= 1e-9 {
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

/// True when two axis-aligned boxes `[x0, y0, x1, y1]` share some area (touching edges do
/// not count).
pub fn boxes_overlap(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
