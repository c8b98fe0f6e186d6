//! The site plan drawn as SVG in metres: roads, green, parking, pipe runs, buildings with their
//! names and stairwell marks, point features, a north arrow and a scale bar. The viewBox is the
//! community's extent, so the plan fits its box at any size and stays sharp.

use super::i18n::{t, Key, Lang};
use super::state::PlanRef;
use crate::core::geometry::{bounds, vertex_centroid, Pt};
use crate::core::model::{AreaKind, PipeKind, PointKind};
use yew::prelude::*;

/// Properties of [`SitePlan`].
#[derive(Properties, PartialEq)]
pub struct SitePlanProps {
    /// The plan to draw.
    pub plan: PlanRef,
    /// Language of labels.
    pub lang: Lang,
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

fn area_class(kind: AreaKind) -> &'static str {
    match kind {
        AreaKind::Road => "area road",
        AreaKind::Green => "area green",
        AreaKind::Plaza => "area plaza",
        AreaKind::Parking => "area parking",
    }
}

fn pipe_class(kind: PipeKind) -> &'static str {
    match kind {
        PipeKind::Water => "pipe water",
        PipeKind::Sewer => "pipe sewer",
        PipeKind::Rain => "pipe rain",
        PipeKind::Gas => "pipe gas",
        PipeKind::Power => "pipe power",
        PipeKind::Telecom => "pipe telecom",
        PipeKind::Heating => "pipe heating",
    }
}

fn point_class(kind: PointKind) -> &'static str {
    match kind {
        PointKind::Lamp => "point lamp",
        PointKind::Camera => "point camera",
        PointKind::Gate => "point gate",
        PointKind::Waste => "point waste",
        PointKind::Charger => "point charger",
        PointKind::Other => "point other",
    }
}

/// A scale bar length that is a round number of metres and about a fifth of the plan's width.
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

/// The site plan.
#[component]
pub fn SitePlan(props: &SitePlanProps) -> Html {
    let c = &props.plan.0.community;
    let lang = props.lang;
    let all_pts = c
        .buildings
        .iter()
        .flat_map(|b| b.footprint.iter().copied())
        .chain(c.areas.iter().flat_map(|a| a.polygon.iter().copied()))
        .chain(c.pipes.iter().flat_map(|p| p.path.iter().copied()))
        .chain(c.points.iter().map(|p| p.position));
    let (lo, hi) = bounds(all_pts).unwrap_or((Pt::new(0.0, 0.0), Pt::new(100.0, 100.0)));
    let margin = 10.0;
    let (x0, y0) = (lo.x - margin, lo.y - margin);
    let (w, h) = (hi.x - lo.x + 2.0 * margin, hi.y - lo.y + 2.0 * margin);
    let view_box = format!("{x0:.1} {y0:.1} {w:.1} {h:.1}");
    let bar = scale_bar_m(w);
    let bar_x = x0 + 4.0;
    let bar_y = y0 + h - 4.0;
    let north_x = x0 + w - 7.0;
    let north_y = y0 + 4.0;

    let areas = c.areas.iter().map(|a| {
        html! {
            <polygon key={format!("a{}", a.id)} class={area_class(a.kind)} points={points_attr(&a.polygon)}>
                <title>{ a.name.clone() }</title>
            </polygon>
        }
    });
    let pipes = c.pipes.iter().map(|p| {
        html! {
            <polyline key={format!("p{}", p.id)} class={pipe_class(p.kind)} points={points_attr(&p.path)}>
                <title>{ p.name.clone() }</title>
            </polyline>
        }
    });
    let buildings = c.buildings.iter().map(|b| {
        let centre = vertex_centroid(&b.footprint);
        let label = format!(
            "{} · {}{} · {} {}",
            b.name,
            b.floors,
            t(lang, Key::Floors),
            t(lang, Key::Built),
            b.year_built
        );
        let stairwells = b.stairwells.iter().enumerate().map(|(i, s)| {
            html! {
                <g key={s.id.0} class="stairwell" data-stairwell={s.id.0.to_string()}>
                    <title>{ format!("{} {}", b.name, s.name) }</title>
                    <rect x={format!("{:.2}", s.position.x - 1.6)} y={format!("{:.2}", s.position.y - 1.6)} width="3.2" height="3.2" rx="0.6" />
                    <text x={format!("{:.2}", s.position.x)} y={format!("{:.2}", s.position.y + 0.9)} class="stairwell-label">{ i + 1 }</text>
                </g>
            }
        });
        html! {
            <g key={b.id.0} class="building" data-building={b.id.0.to_string()} role="group" aria-label={label.clone()}>
                <title>{ label }</title>
                <polygon points={points_attr(&b.footprint)} />
                <text x={format!("{:.2}", centre.x)} y={format!("{:.2}", centre.y + 1.2)} class="building-label">{ b.name.clone() }</text>
                { for stairwells }
            </g>
        }
    });
    let points = c.points.iter().map(|p| {
        html! {
            <circle key={format!("pt{}", p.id)} class={point_class(p.kind)} cx={format!("{:.2}", p.position.x)} cy={format!("{:.2}", p.position.y)} r="1.1">
                <title>{ p.name.clone() }</title>
            </circle>
        }
    });
    html! {
        <svg class="site-plan" viewBox={view_box} preserveAspectRatio="xMidYMid meet" role="img" aria-label={format!("{}: {}", t(lang, Key::SitePlan), c.name)}>
            <g class="areas">{ for areas }</g>
            <g class="pipes">{ for pipes }</g>
            <g class="buildings">{ for buildings }</g>
            <g class="points">{ for points }</g>
            <g class="north-arrow" transform={format!("translate({north_x:.1} {north_y:.1})")}>
                <polygon points="0,-3 2,3 0,1.8 -2,3" />
                <text x="0" y="7.5" class="map-note">{ t(lang, Key::North) }</text>
            </g>
            <g class="scale-bar">
                <line x1={format!("{bar_x:.1}")} y1={format!("{bar_y:.1}")} x2={format!("{:.1}", bar_x + bar)} y2={format!("{bar_y:.1}")} />
                <text x={format!("{:.1}", bar_x + bar / 2.0)} y={format!("{:.1}", bar_y - 1.5)} class="map-note">{ format!("{bar} m") }</text>
            </g>
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::scale_bar_m;

    #[test]
    fn scale_bar_is_a_round_fifth() {
        assert_eq!(scale_bar_m(160.0), 20.0);
        assert_eq!(scale_bar_m(260.0), 50.0);
        assert_eq!(scale_bar_m(1000.0), 200.0);
        assert_eq!(scale_bar_m(3.0), 1.0);
    }
}
