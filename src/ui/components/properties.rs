//! The properties panel for the selection: a building's form (validated as you type, committed
//! on change), an area's, pipe's or point's name and measure, a stairwell's items, and a placed
//! item's quantity with how it was found, its cost range, priority with its breakdown, consent
//! and funding.

use crate::core::command::{BuildingProps, Command, Feature};

use crate::core::explain;
use crate::core::format::{money_compact, money_exact, number};
use crate::core::geometry::{polygon_area_m2, polyline_length_m};
use crate::core::ids::PlacementId;
use crate::core::optimise::Must;
use crate::core::plan::Plan;
use crate::core::site::Target;
use crate::ui::components::fields::{parse_number, Field};
use crate::ui::computed::{use_computed, Computed};
use crate::ui::i18n::{class_name, t, unit_name, Key, Lang};
use crate::ui::labels::target_label;
use crate::ui::labels::{class_css, item_name};
use crate::ui::session::{use_session, Session};
use crate::ui::state::Sel;
use yew::prelude::*;

fn criterion_name(id: &str, plan: &Plan, lang: Lang) -> String {
    if let Some(name) = crate::ui::i18n::criterion_name(lang, id) {
        return name.to_string();
    }
    plan.priority
        .custom
        .iter()
        .find(|c| c.id == id)
        .map_or_else(
            || id.to_string(),
            |c| crate::ui::i18n::own_text(lang, &c.name_zh, &c.name_en).to_string(),
        )
}

/// Properties of [`Properties`].
#[derive(Properties, PartialEq)]
pub struct PropertiesProps {}

/// The properties panel.
#[component]
pub fn Properties(_props: &PropertiesProps) -> Html {
    let app = use_session();
    let s = app.state();
    let lang = s.lang;
    let computed = use_computed();
    let body = match s.selection.len() {
        0 => html! { <p class="hint">{ t(lang, Key::NothingSelected) }</p> },
        1 => match s.selection[0] {
            Sel::Feature(Feature::Building(id)) => building_form(&app, id),
            Sel::Feature(f) => feature_info(&app, &computed, f),
            Sel::Stairwell(id) => items_here(&app, &computed, Target::Stairwell(id)),
            Sel::Placement(id) => placement_info(&app, &computed, id),
        },
        n => html! {
            <p>{ format!("{} {n}", t(lang, Key::SelectedCount)) }</p>
        },
    };
    html! {
        <section class="properties" aria-labelledby="props-title">
            <h2 id="props-title">{ t(lang, Key::Properties) }</h2>
            { body }
        </section>
    }
}

fn building_form(app: &Session, id: crate::core::ids::BuildingId) -> Html {
    let s = app.state();
    let lang = s.lang;
    let Some(b) = s.plan.0.community.building(id) else {
        return html! {};
    };
    let props = BuildingProps::of(b);
    let commit = |apply: fn(&mut BuildingProps, &str)| {
        let app = app.clone();
        let props = props.clone();
        Callback::from(move |text: String| {
            let mut p = props.clone();
            apply(&mut p, &text);
            app.edit(Command::UpdateBuilding { id, props: p });
        })
    };
    let num = |v: f64| {
        AttrValue::from(
            number(v, 2)
                .replace(',', "")
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_string(),
        )
    };
    let err = t(lang, Key::Invalid);
    let key = format!("b{}", id.0);
    html! {
        <form class="form" key={key} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <Field id="prop-name" label={t(lang, Key::Name)} value={AttrValue::from(props.name.clone())} error={err}
                on_commit={commit(|p, v| p.name = v.trim().to_string())} />
            <Field id="prop-floors" label={t(lang, Key::FloorsLabel)} value={num(f64::from(props.floors))} range={Some((1.0, 40.0))} decimal=true error={err}
                on_commit={commit(|p, v| p.floors = parse_number(v, 1.0, 40.0).map_or(p.floors, |x| x.round() as u8))} />
            <Field id="prop-height" label={t(lang, Key::StoreyHeight)} value={num(props.storey_height_m)} range={Some((2.0, 6.0))} decimal=true error={err}
                on_commit={commit(|p, v| p.storey_height_m = parse_number(v, 2.0, 6.0).map_or(p.storey_height_m, |x| (x * 100.0).round() / 100.0))} />
            <Field id="prop-year" label={t(lang, Key::YearBuilt)} value={num(f64::from(props.year_built))} range={Some((1900.0, 2100.0))} decimal=true error={err}
                on_commit={commit(|p, v| p.year_built = parse_number(v, 1900.0, 2100.0).map_or(p.year_built, |x| x.round() as u16))} />
            <Field id="prop-stairwells" label={t(lang, Key::StairwellCount)} value={num(f64::from(props.stairwells))} range={Some((1.0, 20.0))} decimal=true error={err}
                on_commit={commit(|p, v| p.stairwells = parse_number(v, 1.0, 20.0).map_or(p.stairwells, |x| x.round() as u8))} />
            <Field id="prop-perfloor" label={t(lang, Key::HouseholdsPerFloor)} value={num(f64::from(props.households_per_floor))} range={Some((1.0, 12.0))} decimal=true error={err}
                on_commit={commit(|p, v| p.households_per_floor = parse_number(v, 1.0, 12.0).map_or(p.households_per_floor, |x| x.round() as u8))} />
            <Field id="prop-area" label={t(lang, Key::AreaPerHousehold)} value={num(props.area_per_household_m2)} range={Some((10.0, 1000.0))} decimal=true error={err}
                on_commit={commit(|p, v| p.area_per_household_m2 = parse_number(v, 10.0, 1000.0).unwrap_or(p.area_per_household_m2))} />
            <Field id="prop-condition" label={t(lang, Key::Condition)} value={num(f64::from(props.condition))} range={Some((1.0, 5.0))} decimal=true error={err}
                on_commit={commit(|p, v| p.condition = parse_number(v, 1.0, 5.0).map_or(p.condition, |x| x.round() as u8))} />
            <p class="facts-line">{ format!("{}: {} · {} {}", t(lang, Key::Households), b.household_count(), t(lang, Key::Area), format!("{} m²", number(b.footprint_m2(), 1))) }</p>
        </form>
    }
}

fn feature_info(app: &Session, computed: &Computed, f: Feature) -> Html {
    let s = app.state();
    let lang = s.lang;
    let c = &s.plan.0.community;
    let (name, measure) = match f {
        Feature::Area(id) => match c.area(id) {
            Some(a) => (
                a.name.clone(),
                format!(
                    "{} {} m²",
                    t(lang, Key::Area),
                    number(polygon_area_m2(&a.polygon), 1)
                ),
            ),
            None => return html! {},
        },
        Feature::Pipe(id) => match c.pipe(id) {
            Some(p) => (
                p.name.clone(),
                format!(
                    "{} {} m",
                    t(lang, Key::Length),
                    number(polyline_length_m(&p.path), 1)
                ),
            ),
            None => return html! {},
        },
        Feature::Point(id) => match c.point(id) {
            Some(p) => (p.name.clone(), String::new()),
            None => return html! {},
        },
        Feature::Building(_) => return html! {},
    };
    let on_commit = {
        let app = app.clone();
        Callback::from(move |v: String| {
            app.edit(Command::Rename {
                feature: f,
                name: v,
            })
        })
    };
    let target = match f {
        Feature::Area(id) => Target::Area(id),
        Feature::Pipe(id) => Target::Pipe(id),
        Feature::Point(id) => Target::Point(id),
        Feature::Building(id) => Target::Building(id),
    };
    let kind = kind_select(app, f);
    html! {
        <div class="form">
            <Field id="prop-name" label={t(lang, Key::Name)} value={AttrValue::from(name)} error={t(lang, Key::Invalid)} {on_commit} />
            { kind }
            <p class="facts-line">{ measure }</p>
            { items_here(app, computed, target) }
        </div>
    }
}

/// What a drawn feature is (a sewer or a gas pipe, a road or a square): a choice that is
/// refused with the reason when items on it could not stay.
fn kind_select(app: &Session, f: Feature) -> Html {
    use crate::core::site::SiteKind;
    use crate::ui::i18n::{area_kind_name, pipe_kind_name, point_kind_name};
    use crate::ui::labels::{AREA_KINDS, PIPE_KINDS, POINT_KINDS};
    let s = app.state();
    let lang = s.lang;
    let c = &s.plan.0.community;
    let (current, options): (Option<SiteKind>, Vec<(SiteKind, &'static str)>) = match f {
        Feature::Area(id) => (
            c.area(id).map(|a| SiteKind::Area(a.kind)),
            AREA_KINDS
                .iter()
                .map(|&k| (SiteKind::Area(k), area_kind_name(lang, k)))
                .collect(),
        ),
        Feature::Pipe(id) => (
            c.pipe(id).map(|p| SiteKind::Pipe(p.kind)),
            PIPE_KINDS
                .iter()
                .map(|&k| (SiteKind::Pipe(k), pipe_kind_name(lang, k)))
                .collect(),
        ),
        Feature::Point(id) => (
            c.point(id).map(|p| SiteKind::Point(p.kind)),
            POINT_KINDS
                .iter()
                .map(|&k| (SiteKind::Point(k), point_kind_name(lang, k)))
                .collect(),
        ),
        Feature::Building(_) => return html! {},
    };
    let kinds: Vec<SiteKind> = options.iter().map(|(k, _)| *k).collect();
    let onchange = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            if let Some(kind) =
                crate::ui::components::fields::select_value(&e).and_then(|i| kinds.get(i).copied())
            {
                app.edit(Command::SetKind { feature: f, kind });
            }
        })
    };
    let opts = options.iter().enumerate().map(|(i, (k, name))| {
        html! { <option value={i.to_string()} selected={Some(*k) == current}>{ *name }</option> }
    });
    html! {
        <div class="field">
            <label for="prop-kind">{ t(lang, Key::Kind) }</label>
            <select id="prop-kind" {onchange} data-testid="feature-kind">{ for opts }</select>
        </div>
    }
}

fn items_here(app: &Session, computed: &Computed, target: Target) -> Html {
    let s = app.state();
    let lang = s.lang;
    let items: Vec<_> = s
        .plan
        .0
        .scenario()
        .items
        .iter()
        .filter(|p| p.target == target)
        .collect();
    let rows = items.iter().map(|p| {
        let id = p.id;
        let app = app.clone();
        let class = computed.catalog.get(&p.item).map(|i| i.class);
        html! {
            <li key={p.id.0}>
                <button type="button" class={classes!("link", class.map(class_css))} onclick={Callback::from(move |_| app.select(vec![Sel::Placement(id)]))}>
                    { item_name(&computed.catalog, &p.item, lang) }
                </button>
            </li>
        }
    });
    html! {
        <>
            <h3>{ format!("{} · {}", t(lang, Key::ItemsHere), target_label(&s.plan.0, target, lang)) }</h3>
            if items.is_empty() {
                <p class="hint">{ t(lang, Key::DragToPlace) }</p>
            } else {
                <ul class="items-here">{ for rows }</ul>
            }
        </>
    }
}

/// The four rules of a consent check as a small table: each share by head count and by area
/// against what the Civil Code asks, with a tick or a cross.
pub fn consent_table(r: &crate::core::consent::ConsentResult, lang: Lang) -> Html {
    let rows = explain::consent_rows(r, lang).into_iter().map(|row| {
        let mark = if row.ok { "✓" } else { "✗" };
        html! {
            <tr class={if row.ok { "ok" } else { "short" }}>
                <th scope="row">{ row.label }</th>
                <td class="num">{ row.value }</td>
                <td>{ row.needs }</td>
                <td class="mark" aria-label={t(lang, if row.ok { Key::TargetMet } else { Key::NotMet })}>{ mark }</td>
            </tr>
        }
    });
    html! {
        <table class="consent-rules" data-testid="consent-rules">
            <thead><tr>
                <th>{ t(lang, Key::Rule) }</th>
                <th class="num">{ t(lang, Key::Now) }</th>
                <th>{ t(lang, Key::Needs) }</th>
                <th><span class="visually-hidden">{ t(lang, Key::Met) }</span></th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

fn placement_info(app: &Session, computed: &Computed, id: PlacementId) -> Html {
    let s = app.state();
    let lang = s.lang;
    let plan = &s.plan.0;
    let Some(p) = plan.scenario().items.iter().find(|p| p.id == id) else {
        return html! {};
    };
    let Some(item) = computed.catalog.get(&p.item) else {
        return html! {};
    };
    let ev = computed.eval.as_ref();
    let line = ev.and_then(|e| e.costs.lines.iter().find(|l| l.placement == id));
    let score = computed
        .priorities
        .as_ref()
        .and_then(|pr| pr.items.iter().find(|x| x.placement == id));
    let consent = ev.and_then(|e| e.consent.iter().find(|c| c.placement == id));
    let funding = ev.and_then(|e| e.funding.lines.iter().find(|l| l.placement == id));
    let unit = unit_name(lang, item.unit);
    let quantity = line.map(|l| {
        let value = AttrValue::from(if l.quantity.is_manual() { number(l.quantity.value(), 2).replace(',', "") } else { String::new() });
        let on_commit = {
            let app = app.clone();
            Callback::from(move |v: String| {
                app.edit(Command::SetQuantity { placement: id, quantity: parse_number(&v, 0.0, 1.0e9) })
            })
        };
        let reset = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.edit(Command::SetQuantity { placement: id, quantity: None }))
        };
        html! {
            <div class="quantity">
                <p><strong>{ format!("{}: {}", t(lang, Key::Quantity), crate::core::format::quantity(l.quantity.value(), item.unit, lang)) }</strong></p>
                <p class="explain">{ explain::quantity(&l.quantity, item.unit, lang) }</p>
                <Field id="prop-qty" label={format!("{} ({unit})", t(lang, Key::QuantityTyped))} value={value} range={Some((0.0, 1.0e9))} decimal=true error={t(lang, Key::Invalid)} {on_commit} />
                if l.quantity.is_manual() {
                    <button type="button" onclick={reset}>{ t(lang, Key::UseTakeoff) }</button>
                }
            </div>
        }
    });
    let cost = line.map(|l| {
        html! {
            <dl class="kv">
                <dt>{ t(lang, Key::Cost) }</dt>
                <dd data-testid="placement-cost">{ money_compact(l.total.likely, lang) }</dd>
                <dt>{ t(lang, Key::CostRange) }</dt>
                <dd>{ format!("{} – {}", money_compact(l.total.low, lang), money_compact(l.total.high, lang)) }</dd>
                <dt>{ t(lang, Key::UnitPriceLikely) }</dt>
                <dd>{ format!("{}/{unit}", money_exact(l.unit_cost.likely)) }</dd>
            </dl>
        }
    });
    let priority = score.map(|sc| {
        let parts = sc.parts.iter().map(|pt| {
            html! {
                <li>
                    <span class="crit">{ criterion_name(&pt.criterion, plan, lang) }{ if pt.manual { " ✎" } else { "" } }</span>
                    <span class="bar" aria-hidden="true"><span style={format!("width:{:.1}%", pt.rating * 100.0)}></span></span>
                    <span class="pts">{ format!("{:.1}", pt.points) }</span>
                </li>
            }
        });
        html! {
            <>
                <h3>{ format!("{} {:.1} / 100", t(lang, Key::Priority), sc.score) }</h3>
                <ul class="breakdown">{ for parts }</ul>
            </>
        }
    });
    let consent_html = consent.map(|c| {
        let r = &c.result;
        let status = crate::ui::labels::status_text(lang, r.status);
        let who = crate::ui::i18n::took_part(
            lang,
            r.eligible_households,
            r.participating_households,
            r.agree_households,
        );
        html! {
            <>
                <h3>{ t(lang, Key::Consent) }</h3>
                <p class={classes!("consent", if r.passed() { "ok" } else { "pending" })}>{ status }</p>
                <p class="explain">{ who }</p>
                { consent_table(r, lang) }
            </>
        }
    });
    let funding_html = funding.map(|f| {
        let rows = f.parts.iter().map(|(src, m)| html! { <li><span>{ crate::ui::i18n::source_name(lang, *src) }</span><span class="amount">{ money_compact(*m, lang) }</span></li> });
        html! {
            <>
                <h3>{ t(lang, Key::Funding) }</h3>
                <ul class="sources">{ for rows }</ul>
            </>
        }
    });
    let must = {
        let app = app.clone();
        let current = p.must;
        let opt = move |m: Must, key: Key| {
            let app = app.clone();
            html! {
                <label class="radio">
                    <input type="radio" name="must" checked={current == m} onchange={Callback::from(move |_| app.edit(Command::SetMust { placement: id, must: m }))} />
                    { t(lang, key) }
                </label>
            }
        };
        html! {
            <fieldset class="must">
                <legend>{ t(lang, Key::Must) }</legend>
                { opt(Must::Free, Key::MustFree) }
                { opt(Must::Do, Key::MustDo) }
                { opt(Must::Not, Key::MustNot) }
            </fieldset>
        }
    };
    let remove = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.edit(Command::Unplace {
                placements: vec![id],
            })
        })
    };
    html! {
        <div class="placement" key={format!("pl{}", id.0)}>
            <p class={classes!("item-title", class_css(item.class))}>
                <span class="class-tag">{ class_name(lang, item.class) }</span>
                <strong>{ item.name(lang) }</strong>
            </p>
            <p class="explain">{ format!("@ {}", target_label(plan, p.target, lang)) }</p>
            { for quantity }
            { for cost }
            { for priority }
            { for consent_html }
            { for funding_html }
            { must }
            <button type="button" class="danger" onclick={remove}>{ t(lang, Key::Remove) }</button>
        </div>
    }
}
