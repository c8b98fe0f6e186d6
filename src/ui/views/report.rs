//! The public-notice report (公示): one printable page in the current language with the plan
//! picture, the items and their costs, funding by source, what each household pays and why
//! (with the elevator tables), where consent stands, and the annual plan. It prints on A4
//! through the print style sheet (`@media print` in `static/styles.css`) and saves as PDF
//! through the browser's print dialogue. Every figure comes from the same core evaluation as
//! the rest of the app.

use crate::core::catalog::Catalog;
use crate::core::elevator_share::ElevatorShare;
use crate::core::evaluate::Evaluation;
use crate::core::explain;
use crate::core::format::{money_compact, money_exact, number, percent_bp};
use crate::core::funding_source::FundingSource;
use crate::core::geometry::{bounds, vertex_centroid, Pt};
use crate::core::ids::{PlacementId, StairwellId};
use crate::core::phasing::AnnualPlan;
use crate::core::plan::Plan;
use crate::core::site::Target;
use crate::ui::computed::use_computed;
use crate::ui::i18n::{class_name, t, Key, Lang};
use crate::ui::labels::source_name;
use crate::ui::labels::status_text;
use crate::ui::labels::target_label;
use crate::ui::labels::{class_css, item_name};
use crate::ui::session::use_session;
use crate::ui::state::Page;
use std::collections::BTreeMap;
use yew::prelude::*;

fn pts_attr(pts: &[Pt]) -> String {
    pts.iter()
        .map(|p| format!("{:.1},{:.1}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where the count of items on a target is drawn.
fn mark_at(plan: &Plan, t: Target) -> Option<Pt> {
    let c = &plan.community;
    match t {
        Target::Community => None,
        Target::Building(id) => c.building(id).map(|b| {
            let ctr = vertex_centroid(&b.footprint);
            Pt::new(ctr.x, ctr.y - 3.5)
        }),
        Target::Stairwell(id) => c.stairwell(id).map(|(_, s)| s.position),
        Target::Area(id) => c.area(id).map(|a| vertex_centroid(&a.polygon)),
        Target::Pipe(id) => c
            .pipe(id)
            .and_then(|p| p.path.get(p.path.len() / 2).copied()),
        Target::Point(id) => c.point(id).map(|p| p.position),
    }
}

/// The site plan as a static picture: areas, pipes, buildings with their names, and a circled
/// count of the items on each feature.
fn plan_picture(plan: &Plan, lang: Lang) -> Html {
    let c = &plan.community;
    let Some((lo, hi)) = bounds(c.all_points()) else {
        return html! { <p class="hint">{ t(lang, Key::ThePlanIsEmpty) }</p> };
    };
    let pad = 4.0;
    let view = format!(
        "{:.1} {:.1} {:.1} {:.1}",
        lo.x - pad,
        lo.y - pad,
        (hi.x - lo.x) + 2.0 * pad,
        (hi.y - lo.y) + 2.0 * pad
    );
    let areas = c.areas.iter().map(|a| {
        let kind = format!("{:?}", a.kind).to_lowercase();
        html! { <polygon class={classes!("pic-area", kind)} points={pts_attr(&a.polygon)} /> }
    });
    let pipes = c.pipes.iter().map(|p| {
        let kind = format!("{:?}", p.kind).to_lowercase();
        html! { <polyline class={classes!("pic-pipe", kind)} points={pts_attr(&p.path)} /> }
    });
    let buildings = c.buildings.iter().map(|b| {
        let ctr = vertex_centroid(&b.footprint);
        html! {
            <g class="pic-building">
                <polygon points={pts_attr(&b.footprint)} />
                <text x={format!("{:.1}", ctr.x)} y={format!("{:.1}", ctr.y + 1.5)}>{ crate::core::format::place_name(&b.name, lang) }</text>
            </g>
        }
    });
    let mut counts: BTreeMap<(i64, i64), (Pt, usize)> = BTreeMap::new();
    for p in &plan.scenario().items {
        if let Some(at) = mark_at(plan, p.target) {
            let key = ((at.x * 10.0) as i64, (at.y * 10.0) as i64);
            counts.entry(key).or_insert((at, 0)).1 += 1;
        }
    }
    let marks = counts.values().map(|(at, n)| {
        html! {
            <g class="pic-mark">
                <circle cx={format!("{:.1}", at.x)} cy={format!("{:.1}", at.y)} r="2.4" />
                <text x={format!("{:.1}", at.x)} y={format!("{:.1}", at.y + 1.0)}>{ n }</text>
            </g>
        }
    });
    html! {
        <figure class="plan-picture">
            <svg viewBox={view} role="img" aria-label={t(lang, Key::SitePlan)} xmlns="http://www.w3.org/2000/svg">
                { for areas }{ for pipes }{ for buildings }{ for marks }
            </svg>
            <figcaption>{ t(lang, Key::CircledNumbersItemsAtThat) }</figcaption>
        </figure>
    }
}

/// What every section of the report reads: the plan, its catalog and evaluation, the language.
struct Report<'a> {
    p: &'a Plan,
    catalog: &'a Catalog,
    ev: &'a Evaluation,
    lang: Lang,
}

impl Report<'_> {
    /// "Item · where" for a placement of the current scenario.
    fn label(&self, id: PlacementId) -> String {
        self.p
            .scenario()
            .items
            .iter()
            .find(|x| x.id == id)
            .map_or_else(String::new, |x| {
                format!(
                    "{} · {}",
                    item_name(self.catalog, &x.item, self.lang),
                    target_label(self.p, x.target, self.lang)
                )
            })
    }

    fn place_of(&self, st: StairwellId) -> String {
        self.p
            .community
            .stairwell(st)
            .map(|(b, s)| crate::core::format::stairwell_label(&b.name, &s.name, self.lang))
            .unwrap_or_default()
    }

    /// The key figures at the top.
    fn key_figures(&self) -> Html {
        let (ev, lang) = (self.ev, self.lang);
        let costs = &ev.costs;
        html! {
            <section class="report-key">
                <div><span class="big">{ money_compact(costs.total.likely, lang) }</span><span>{ t(lang, Key::TotalCost) }</span></div>
                <div><span class="big">{ money_compact(costs.per_household.likely, lang) }</span><span>{ t(lang, Key::PerHousehold) }</span></div>
                <div><span class="big">{ money_compact(ev.funding.residents(), lang) }</span><span>{ t(lang, Key::ResidentsPayInAll) }</span></div>
                <div><span class="big">{ ev.consent.iter().filter(|m| m.result.passed()).count() }{ "/" }{ ev.consent.len() }</span><span>{ t(lang, Key::MattersAgreed) }</span></div>
            </section>
        }
    }

    /// 2. Items with costs, by class.
    fn items(&self) -> Html {
        let (p, catalog, lang) = (self.p, self.catalog, self.lang);
        let costs = &self.ev.costs;
        let item_rows = costs.lines.iter().map(|l| {
            let unit = catalog.get(&l.item).map(|i| i.unit);
            html! {
                <tr>
                    <td><span class={classes!("class-tag", class_css(l.class))}>{ class_name(lang, l.class) }</span></td>
                    <td>{ item_name(catalog, &l.item, lang) }</td>
                    <td>{ target_label(p, l.target, lang) }</td>
                    <td class="num">{ unit.map_or_else(String::new, |u| crate::core::format::quantity(l.quantity.value(), u, lang)) }</td>
                    <td class="num">{ money_exact(l.total.likely) }</td>
                </tr>
            }
        });
        html! {
            <section>
                <h2>{ t(lang, Key::N2ItemsAndCosts) }</h2>
                <table class="items">
                    <thead><tr><th>{ t(lang, Key::Class) }</th><th>{ t(lang, Key::Name) }</th><th>{ t(lang, Key::Target) }</th><th class="num">{ t(lang, Key::Quantity) }</th><th class="num">{ t(lang, Key::CostWithFeesAndContingency) }</th></tr></thead>
                    <tbody>{ for item_rows }</tbody>
                    <tfoot><tr><th colspan="4">{ t(lang, Key::Total) }</th><td class="num"><strong>{ money_exact(costs.total.likely) }</strong></td></tr></tfoot>
                </table>
                <p class="hint">{ crate::ui::i18n::cost_range_note(lang, &money_compact(costs.total.low, lang), &money_compact(costs.total.high, lang)) }</p>
            </section>
        }
    }

    /// 3. Funding by source, and the gap.
    fn funding(&self) -> Html {
        let (ev, lang) = (self.ev, self.lang);
        let total = ev.costs.total.likely.0.max(1) as f64;
        let source_rows = FundingSource::ALL
            .iter()
            .filter(|s| ev.funding.by_source[s.index()].0 != 0)
            .map(|&s| {
                let m = ev.funding.by_source[s.index()];
                html! {
                    <tr><td>{ source_name(lang, s) }</td><td class="num">{ money_exact(m) }</td><td class="num">{ format!("{:.1}%", m.0 as f64 / total * 100.0) }</td></tr>
                }
            });
        let gap_row = (ev.funding.gap.0 != 0).then(|| html! {
            <tr class="gap"><td>{ t(lang, Key::FundingGap) }</td><td class="num">{ money_exact(ev.funding.gap) }</td><td class="num">{ format!("{:.1}%", ev.funding.gap.0 as f64 / total * 100.0) }</td></tr>
        });
        html! {
            <section>
                <h2>{ t(lang, Key::N3Funding) }</h2>
                <table>
                    <thead><tr><th>{ t(lang, Key::Source) }</th><th class="num">{ t(lang, Key::Amount) }</th><th class="num">{ t(lang, Key::Share) }</th></tr></thead>
                    <tbody>{ for source_rows }{ for gap_row }</tbody>
                </table>
            </section>
        }
    }

    /// How each item's residents' part is divided, with the first household that pays it as
    /// the worked example (every household's line follows the same rule).
    fn examples(&self) -> Vec<Html> {
        let households = &self.ev.funding.households;
        let mut seen = std::collections::BTreeSet::new();
        households
            .iter()
            .flat_map(|h| h.lines.iter().map(move |l| (h, l)))
            // Someone who pays makes the better example (the ground floor pays no elevator).
            .filter(|(_, l)| l.amount.0 > 0)
            .chain(
                households
                    .iter()
                    .flat_map(|h| h.lines.iter().map(move |l| (h, l))),
            )
            .filter(|(_, l)| seen.insert(l.placement))
            .map(|(h, l)| {
                let who = format!("{} {}", self.place_of(h.stairwell), h.room);
                let why = explain::burden_line(l, self.lang);
                html! {
                    <li><strong>{ self.label(l.placement) }</strong>{ crate::ui::i18n::burden_example(self.lang, &why, &who) }</li>
                }
            })
            .collect()
    }

    /// One elevator's sharing table, floor by floor.
    fn elevator_table(&self, e: &ElevatorShare) -> Html {
        let lang = self.lang;
        let place = self.place_of(e.stairwell);
        let rows = e.floors.iter().map(|f| {
            let each = money_exact(crate::core::money::Money(
                f.net.0 / f.households.max(1) as i64,
            ));
            html! {
                <tr>
                    <td class="num">{ f.floor }</td>
                    <td class="num">{ percent_bp(f.coefficient_bp) }</td>
                    <td class="num">{ f.households }</td>
                    <td class="num">{ number(f.area_m2.m2(), 1) }</td>
                    <td class="num">{ money_exact(f.net) }</td>
                    <td class="num">{ each }</td>
                </tr>
            }
        });
        html! {
            <div class="elevator-table">
                <h4>{ crate::ui::i18n::elevator_money(lang, &place, &money_exact(e.cost), &money_exact(e.subsidy), &money_exact(e.residents_total)) }</h4>
                <table>
                    <thead><tr>
                        <th class="num">{ t(lang, Key::Floor) }</th>
                        <th class="num">{ t(lang, Key::Coefficient) }</th>
                        <th class="num">{ t(lang, Key::Households) }</th>
                        <th class="num">{ t(lang, Key::AreaM) }</th>
                        <th class="num">{ t(lang, Key::FloorTotal) }</th>
                        <th class="num">{ t(lang, Key::AveragePerHousehold) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        }
    }

    /// 4. What each household pays, and why.
    fn households(&self) -> Html {
        let (ev, lang) = (self.ev, self.lang);
        let households = self.p.community.household_count();
        let (lo, median, hi) = ev.funding.burden_spread(households);
        let household_rows = ev.funding.households.iter().map(|h| {
            html! {
                <li>
                    <span>{ format!("{} {}", self.place_of(h.stairwell), h.room) }</span>
                    <strong class="num">{ money_exact(h.total) }</strong>
                </li>
            }
        });
        let examples = self.examples();
        let paying = ev
            .funding
            .households
            .iter()
            .filter(|h| h.total.0 > 0)
            .count();
        html! {
            <section>
                <h2>{ t(lang, Key::N4WhatHouseholdsPay) }</h2>
                <p>{ crate::ui::i18n::households_pay(lang, households, paying, &money_exact(lo), &money_exact(median), &money_exact(hi)) }</p>
                { for ev.funding.elevators.iter().map(|e| self.elevator_table(e)) }
                if !examples.is_empty() {
                    <h4>{ t(lang, Key::HowTheAmountsAreComputed) }</h4>
                    <ul class="why">{ for examples }</ul>
                }
                if !ev.funding.households.is_empty() {
                    <h4>{ t(lang, Key::WhatEachHouseholdPays) }</h4>
                    <ul class="household-grid" data-testid="household-grid">{ for household_rows }</ul>
                }
            </section>
        }
    }

    /// Section 5, consent: the agreeing share by head count and by area (both must reach
    /// the threshold).
    fn consent(&self) -> Html {
        let (ev, lang) = (self.ev, self.lang);
        let shares = |r: &crate::core::consent::ConsentResult| {
            let rows = explain::consent_rows(r, lang);
            let pct = |i: usize| rows[i].value.rsplit("= ").next().unwrap_or("").to_string();
            format!("{} / {}", pct(2), pct(3))
        };
        let consent_rows = ev.consent.iter().map(|m| {
            let r = &m.result;
            html! {
                <tr class={classes!(if r.passed() { "ok" } else { "pending" })}>
                    <td>{ self.label(m.placement) }</td>
                    <td class="num">{ r.eligible_households }</td>
                    <td class="num">{ r.participating_households }</td>
                    <td class="num">{ r.agree_households }</td>
                    <td class="num">{ shares(r) }</td>
                    <td>{ status_text(lang, r.status) }</td>
                </tr>
            }
        });
        html! {
            <section>
                <h2>{ t(lang, Key::N5OwnersConsent) }</h2>
                if ev.consent.is_empty() {
                    <p class="hint">{ t(lang, Key::NoItemOfThisScenario) }</p>
                } else {
                    <table>
                        <thead><tr><th>{ t(lang, Key::Matter) }</th><th class="num">{ t(lang, Key::Eligible) }</th><th class="num">{ t(lang, Key::TookPart) }</th><th class="num">{ t(lang, Key::Agree) }</th><th class="num">{ t(lang, Key::AgreeShareHeadsArea) }</th><th>{ t(lang, Key::Result) }</th></tr></thead>
                        <tbody>{ for consent_rows }</tbody>
                    </table>
                }
            </section>
        }
    }

    /// 6. The annual plan, once the engine worker has it.
    fn annual(&self, annual: Option<&AnnualPlan>) -> Html {
        let lang = self.lang;
        let body = match annual {
            Some(a) => {
                let rows = a.years.iter().map(|y| {
                    let items = y.items.iter().map(|id| html! { <li>{ self.label(*id) }</li> });
                    html! {
                        <tr><th scope="row">{ y.year }</th><td><ul>{ for items }</ul></td><td class="num">{ money_compact(y.cost, lang) }</td></tr>
                    }
                });
                html! {
                    <table>
                        <thead><tr><th>{ t(lang, Key::Year) }</th><th>{ t(lang, Key::ItemsPlaced) }</th><th class="num">{ t(lang, Key::Cost) }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                }
            }
            None => html! { <p class="hint">{ t(lang, Key::NoAnnualPlanYetSet) }</p> },
        };
        html! {
            <section>
                <h2>{ t(lang, Key::N6AnnualPlan) }</h2>
                { body }
            </section>
        }
    }
}

/// The report page.
#[component]
pub fn ReportView() -> Html {
    let app = use_session();
    let lang = app.lang();
    let computed = use_computed();
    let plan = app.state().plan.clone();
    let p = &plan.0;
    // The annual plan comes from the engine worker.
    let job = crate::ui::engine::use_job(&plan, crate::core::jobs::Job::Phase);
    let annual = job.annual.clone().filter(|_| !p.phasing.years.is_empty());
    let today = {
        let d = js_sys::Date::new_0();
        crate::ui::i18n::long_date(lang, d.get_full_year(), d.get_month() + 1, d.get_date())
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let back = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.go(Page::Projects))
    };
    let title = crate::ui::i18n::report_title(lang, &p.community.name);
    let Some(ev) = computed.eval.as_ref() else {
        return html! {
            <article class="report pane"><h1>{ title }</h1>
                <p class="error">{ t(lang, Key::ThePlanCannotBeCosted) }</p>
            </article>
        };
    };
    let r = Report {
        p,
        catalog: &computed.catalog,
        ev,
        lang,
    };
    let subtitle = crate::ui::i18n::report_subtitle(
        lang,
        &p.scenario().name,
        p.community.buildings.len(),
        p.community.household_count(),
        &today,
    );
    html! {
        <article class="report" data-testid="report">
            <div class="report-tools no-print">
                <button type="button" onclick={back}>{ t(lang, Key::Back) }</button>
                <button type="button" class="primary" onclick={print} data-testid="print">{ t(lang, Key::PrintSaveAsPDF) }</button>
                <span class="hint">{ t(lang, Key::ChooseSaveAsPDFIn) }</span>
            </div>
            <header>
                <h1>{ title }</h1>
                <p>{ subtitle }</p>
            </header>
            { r.key_figures() }
            <section>
                <h2>{ t(lang, Key::N1SitePlan) }</h2>
                { plan_picture(p, lang) }
            </section>
            { r.items() }
            { r.funding() }
            { r.households() }
            { r.consent() }
            { r.annual(annual.as_deref()) }
            <footer>
                <p>{ t(lang, Key::ReportFooter) }</p>
            </footer>
        </article>
    }
}
