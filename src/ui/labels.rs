//! Names and labels shared by several pages: an item's name and class colour, a target's
//! label, a funding source's and a consent status's name, export file names, chart figures,
//! and the kinds offered in pickers. Plain functions of the plan and the language.

use crate::core::catalog::{Catalog, Class};
use crate::core::consent::Status;
use crate::core::format::{place_name, stairwell_label};
use crate::core::plan::*;
use crate::core::site::*;
use crate::ui::i18n::Lang;
use crate::ui::i18n::{t, Key};
use yew::prelude::*;

/// The CSS class of a policy class's colour.
pub fn class_css(class: Class) -> &'static str {
    match class {
        Class::Safety => "class-safety",
        Class::Basic => "class-basic",
        Class::Improvement => "class-improvement",
        Class::Upgrade => "class-upgrade",
    }
}

/// The item's name in `lang`, or its id.
pub fn item_name(catalog: &Catalog, id: &str, lang: Lang) -> String {
    catalog
        .get(id)
        .map_or_else(|| id.to_string(), |i| i.name(lang).to_string())
}

/// A label for a target.
pub fn target_label(plan: &Plan, target: Target, lang: Lang) -> String {
    let c = &plan.community;
    match target {
        Target::Community => t(lang, Key::WholeCommunity).into(),
        Target::Building(id) => c
            .building(id)
            .map_or_else(String::new, |b| place_name(&b.name, lang)),
        Target::Stairwell(id) => c.stairwell(id).map_or_else(String::new, |(b, s)| {
            stairwell_label(&b.name, &s.name, lang)
        }),
        Target::Area(id) => c.area(id).map_or_else(String::new, |a| a.name.clone()),
        Target::Pipe(id) => c.pipe(id).map_or_else(String::new, |p| p.name.clone()),
        Target::Point(id) => c.point(id).map_or_else(String::new, |p| p.name.clone()),
    }
}

pub use crate::ui::i18n::source_name;

/// The consent status in words.
pub fn status_text(lang: Lang, s: Status) -> String {
    match s {
        Status::Passed => t(lang, Key::Passed).into(),
        Status::NotVoted => t(lang, Key::NotYetVoted).into(),
        Status::CannotPass => t(lang, Key::CannotPass).into(),
        Status::ShortBy { households } => crate::ui::i18n::short_by(lang, households),
    }
}

/// The plan as a file name: the community's name and the date.
pub fn file_name(plan: &crate::core::plan::Plan, ext: &str) -> String {
    let d = js_sys::Date::new_0();
    let name: String = plan
        .community
        .name
        .chars()
        .map(|c| if "\\/:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    format!(
        "{name}-{:04}{:02}{:02}.{ext}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// An SVG produced by a chart, inserted as markup (charts escape their texts).
pub fn chart_html(svg: String, label: &str) -> Html {
    html! {
        <figure class="chart" role="img" aria-label={label.to_string()}>
            { Html::from_html_unchecked(AttrValue::from(svg)) }
        </figure>
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
