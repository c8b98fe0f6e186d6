//! From the screen to the plan: the mapping of screen points to plan metres and what a
//! pointer or key event hit (read from the `data-hit` marks the drawing carries).

use crate::core::command::Feature;
use crate::core::geometry::{Pt, View};
use crate::core::ids::*;
use crate::core::plan::*;
use crate::core::site::*;
use crate::ui::state::Sel;

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
