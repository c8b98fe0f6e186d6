//! The annual renovation plan (年度改造计划): years and budgets, the items of each year, what
//! could not be scheduled and why, the timeline chart; and the bill of quantities. Both tables
//! export as CSV that opens correctly in Excel.

use crate::charts::timeline::{self, Year};
use crate::core::catalog::Catalog;
use crate::core::catalog::Unit;
use crate::core::command::Command;
use crate::core::costing::Range3;
use crate::core::decide;
use crate::core::format::{money_compact, money_exact, quantity};
use crate::core::ids::PlacementId;
use crate::core::money::Money;
use crate::core::phasing::AnnualPlan;
use crate::core::plan::Plan;
use crate::ui::components::fields::{parse_number, Field};
use crate::ui::i18n::{t, unit_name, unscheduled, Key, Lang};
use crate::ui::labels::chart_html;
use crate::ui::labels::file_name;
use crate::ui::labels::item_name;
use crate::ui::labels::target_label;
use crate::ui::session::{use_session, Session};

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// One row of the bill of quantities; the total row has no quantity and no unit price.
struct BoqRow {
    name: String,
    target: String,
    quantity: Option<(f64, Unit)>,
    unit_price: Option<Money>,
    cost: Range3,
}

/// The bill of quantities of the current scenario, total last (empty if it does not cost).
fn boq_rows(plan: &Plan, lang: Lang) -> Vec<BoqRow> {
    let catalog = Catalog::with_edits(&plan.catalog);
    let Ok(b) = decide::basis(plan, plan.scenario()) else {
        return Vec::new();
    };
    let mut rows: Vec<BoqRow> = b
        .costs
        .lines
        .iter()
        .map(|l| BoqRow {
            name: item_name(&catalog, &l.item, lang),
            target: target_label(plan, l.target, lang),
            quantity: catalog.get(&l.item).map(|i| (l.quantity.value(), i.unit)),
            unit_price: Some(l.unit_cost.likely),
            cost: l.total,
        })
        .collect();
    rows.push(BoqRow {
        name: t(lang, Key::Total).into(),
        target: String::new(),
        quantity: None,
        unit_price: None,
        cost: b.costs.total,
    });
    rows
}

/// The bill of quantities as CSV rows (header first): plain numbers Excel can add up, the
/// unit in a column of its own.
pub fn bill_of_quantities(plan: &Plan, lang: Lang) -> Vec<Vec<String>> {
    let header = [
        Key::Name,
        Key::Target,
        Key::Quantity,
        Key::UnitOfMeasure,
        Key::UnitPrice,
        Key::Low,
        Key::Likely,
        Key::High,
    ]
    .iter()
    .map(|k| t(lang, *k).to_string())
    .collect();
    let body = boq_rows(plan, lang).into_iter().map(|r| {
        let (q, u) = r.quantity.map_or((String::new(), ""), |(v, u)| {
            (
                ((v * 100.0).round() / 100.0).to_string(),
                unit_name(lang, u),
            )
        });
        vec![
            r.name,
            r.target,
            q,
            u.to_string(),
            r.unit_price.map_or_else(String::new, |m| m.to_string()),
            r.cost.low.to_string(),
            r.cost.likely.to_string(),
            r.cost.high.to_string(),
        ]
    });
    std::iter::once(header).chain(body).collect()
}

/// "Item · where" for a placement of the current scenario.
fn placement_name(plan: &Plan, catalog: &Catalog, id: PlacementId, lang: Lang) -> String {
    plan.scenario()
        .items
        .iter()
        .find(|p| p.id == id)
        .map_or_else(String::new, |p| {
            format!(
                "{} · {}",
                item_name(catalog, &p.item, lang),
                target_label(plan, p.target, lang)
            )
        })
}

/// The number of years, the first year and the budget per year.
fn years_form(app: &Session, lang: Lang) -> Html {
    let plan = app.state().plan.clone();
    let ph = &plan.0.phasing;
    let years_n = ph.years.len();
    let per_year = ph.years.first().map_or(Money::ZERO, |y| y.budget);
    let set_years = |n: usize, start: u16, budget: Money| Command::SetYears {
        start_year: start,
        budgets: vec![budget; n],
    };
    let on_years = {
        let app = app.clone();
        let (start, budget) = (ph.start_year, per_year);
        Callback::from(move |v: String| {
            let n = parse_number(&v, 0.0, 50.0).map_or(0, |x| x.round() as usize);
            let budget = if budget.0 > 0 {
                budget
            } else {
                Money::yuan(1_000_000)
            };
            app.edit(set_years(n, start, budget));
        })
    };
    let on_start = {
        let app = app.clone();
        let (n, budget) = (years_n, per_year);
        Callback::from(move |v: String| {
            let y = parse_number(&v, 1900.0, 2100.0).map_or(2027, |x| x.round() as u16);
            app.edit(set_years(n, y, budget));
        })
    };
    let on_budget = {
        let app = app.clone();
        let (n, start) = (years_n, ph.start_year);
        Callback::from(move |b: Money| app.edit(set_years(n.max(1), start, b)))
    };
    html! {
        <div class="years-form">
            <Field id="years-n" label={t(lang, Key::Years)} value={AttrValue::from(years_n.to_string())} range={Some((0.0, f64::from((2101u16.saturating_sub(ph.start_year)).min(50))))} decimal=true error={t(lang, Key::Invalid)} on_commit={on_years} />
            <Field id="years-start" label={t(lang, Key::StartYear)} value={AttrValue::from(ph.start_year.to_string())} range={Some((1900.0, 2100.0 - years_n.saturating_sub(1) as f64))} decimal=true error={t(lang, Key::Invalid)} on_commit={on_start} />
            <crate::ui::components::fields::MoneyField id="years-budget" label={t(lang, Key::BudgetPerYear)} value={per_year} on_commit={on_budget} />
        </div>
    }
}

/// The year chooser of one item: "automatic" or one of the plan's years.
fn year_pick(app: &Session, id: PlacementId, name: &str, years: std::ops::Range<u16>) -> Html {
    let lang = app.lang();
    let pinned = app
        .state()
        .plan
        .0
        .scenario()
        .items
        .iter()
        .find(|p| p.id == id)
        .and_then(|p| p.year);
    let onchange = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value());
            let year = v.and_then(|v| v.parse::<u16>().ok());
            app.edit(Command::SetYear {
                placement: id,
                year,
            });
        })
    };
    let opts = years.map(|y| {
        html! {
            <option value={y.to_string()} selected={pinned == Some(y)}>{ y }</option>
        }
    });
    html! {
        <label class="year-pick">
            <span class="visually-hidden">{ format!("{} · {}", t(lang, Key::Year), name) }</span>
            <select {onchange} data-testid={format!("year-{}", id.0)}>
                <option value="" selected={pinned.is_none()}>{ t(lang, Key::YearAuto) }</option>
                { for opts }
            </select>
        </label>
    }
}

/// The schedule of the annual plan: its table, its timeline chart, and the warnings and
/// items left out with why.
struct Schedule<'a> {
    app: &'a Session,
    plan: &'a Plan,
    catalog: &'a Catalog,
    annual: &'a AnnualPlan,
    basis: &'a decide::Basis,
    lang: Lang,
}

impl Schedule<'_> {
    fn name(&self, id: PlacementId) -> String {
        placement_name(self.plan, self.catalog, id, self.lang)
    }

    fn line(&self, id: PlacementId) -> Option<&crate::core::costing::Line> {
        self.basis.costs.lines.iter().find(|l| l.placement == id)
    }

    fn cost_of(&self, id: PlacementId) -> Money {
        self.line(id).map_or(Money::ZERO, |l| l.total.likely)
    }

    fn year_pick(&self, id: PlacementId) -> Html {
        let first = self.plan.phasing.start_year;
        let years = first..first.saturating_add(self.annual.years.len() as u16);
        year_pick(self.app, id, &self.name(id), years)
    }

    fn table(&self) -> Html {
        let lang = self.lang;
        // The owners' vote of each item.
        let ev =
            crate::core::evaluate::evaluate_with(self.plan, self.catalog, self.plan.scenario())
                .ok();
        let vote_pending = |id: PlacementId| {
            ev.as_ref()
                .and_then(|e| e.consent.iter().find(|c| c.placement == id))
                .filter(|c| !c.result.passed())
                .map(|c| crate::ui::labels::status_text(lang, c.result.status))
        };
        let rows = self.annual.years.iter().map(|y| {
            let items = y.items.iter().map(|id| {
                let warn = vote_pending(*id).map(|st| html! {
                    <span class="warn" data-testid="vote-warning">{ format!("⚠ {}{st}", t(lang, Key::VoteNotPassed)) }</span>
                });
                html! {
                    <li>
                        <span>{ format!("{} ({})", self.name(*id), money_compact(self.cost_of(*id), lang)) }</span>
                        { for warn }
                        { self.year_pick(*id) }
                    </li>
                }
            });
            html! {
                <tr>
                    <th scope="row">{ y.year }</th>
                    <td><ul>{ for items }</ul></td>
                    <td class="num">{ money_compact(y.cost, lang) }</td>
                    <td class="num">{ money_compact(y.budget, lang) }</td>
                </tr>
            }
        });
        html! {
            <div class="table-wrap">
                <table class="annual" data-testid="annual-table">
                    <thead><tr><th>{ t(lang, Key::Year) }</th><th>{ t(lang, Key::ItemsPlaced) }</th><th>{ t(lang, Key::Cost) }</th><th>{ t(lang, Key::LegendBudget) }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        }
    }

    fn chart(&self) -> Html {
        let lang = self.lang;
        let years: Vec<Year> = self
            .annual
            .years
            .iter()
            .map(|y| Year {
                label: y.year.to_string(),
                budget: y.budget.as_yuan_f64(),
                items: y
                    .items
                    .iter()
                    .map(|id| {
                        let class = self.line(*id).map_or(3, |l| l.class.index());
                        (self.cost_of(*id).as_yuan_f64(), class)
                    })
                    .collect(),
            })
            .collect();
        let fmt = move |v: f64| money_compact(Money::from_yuan_f64(v).unwrap_or(Money::ZERO), lang);
        chart_html(
            timeline::render(
                t(lang, Key::ChartTimeline),
                &years,
                t(lang, Key::LegendBudget),
                &fmt,
                (760, 360),
            ),
            t(lang, Key::ChartTimeline),
        )
    }

    fn notes(&self) -> Html {
        let (a, lang) = (self.annual, self.lang);
        let name = |id: PlacementId| self.name(id);
        let left = a.unscheduled.iter().map(|(id, why)| html! { <li><strong>{ name(*id) }</strong>{ ":" }{ unscheduled(lang, why, &name) }{ self.year_pick(*id) }</li> });
        let conflicts = a.pin_conflicts.iter().map(|(id, needs)| html! {
            <li data-testid="pin-conflict">{ crate::ui::i18n::pin_conflict(lang, &name(*id), &name(*needs)) }</li>
        });
        let over = a.years.iter().filter(|y| y.cost > y.budget).map(|y| html! {
            <li>{ crate::ui::i18n::year_over_budget(lang, y.year, &money_compact(y.cost, lang), &money_compact(y.budget, lang)) }</li>
        });
        let warnings: Vec<Html> = conflicts.chain(over).collect();
        html! {
            <>
                if !warnings.is_empty() {
                    <ul class="reasons warnings" role="status">{ for warnings }</ul>
                }
                if !a.unscheduled.is_empty() {
                    <h3>{ t(lang, Key::Unscheduled) }</h3>
                    <ul class="reasons">{ for left }</ul>
                }
            </>
        }
    }
}

/// The annual plan as CSV rows: year, item, where, likely cost.
fn annual_csv(plan: &Plan, lang: Lang) -> Vec<Vec<String>> {
    let catalog = Catalog::with_edits(&plan.catalog);
    let mut rows = vec![vec![
        t(lang, Key::Year).to_string(),
        t(lang, Key::Name).into(),
        t(lang, Key::Target).into(),
        t(lang, Key::Likely).into(),
    ]];
    if let Ok(b) = decide::basis(plan, plan.scenario()) {
        let all: Vec<PlacementId> = plan.scenario().items.iter().map(|x| x.id).collect();
        let a = decide::phase(plan, plan.scenario(), &b, &all);
        for y in &a.years {
            for id in &y.items {
                if let (Some(p), Some(l)) = (
                    plan.scenario().items.iter().find(|p| p.id == *id),
                    b.costs.lines.iter().find(|l| l.placement == *id),
                ) {
                    rows.push(vec![
                        y.year.to_string(),
                        item_name(&catalog, &p.item, lang),
                        target_label(plan, p.target, lang),
                        l.total.likely.to_string(),
                    ]);
                }
            }
        }
    }
    rows
}

/// Downloads `rows` as the plan's CSV file named with `what`.
fn download_csv(plan: &Plan, what: &str, rows: &[Vec<String>]) {
    let _ = crate::ui::files::download(
        &file_name(plan, "csv").replace(".csv", &format!("-{what}.csv")),
        "text/csv;charset=utf-8",
        &crate::core::csv::write(rows),
    );
}

/// The bill of quantities with its CSV export.
fn boq_pane(app: &Session, lang: Lang) -> Html {
    let export_boq = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let plan = app.state().plan.0.clone();
            let rows = bill_of_quantities(&plan, app.lang());
            download_csv(&plan, t(app.lang(), Key::BillOfQuantities), &rows);
        })
    };
    let boq_head = [
        Key::Name,
        Key::Target,
        Key::Quantity,
        Key::UnitPrice,
        Key::Low,
        Key::Likely,
        Key::High,
    ]
    .iter()
    .enumerate()
    .map(|(j, k)| html! { <th class={classes!((j >= 2).then_some("num"))}>{ t(lang, *k) }</th> });
    let boq_rows = boq_rows(&app.state().plan.0, lang).into_iter().map(|r| {
        html! {
            <tr>
                <td>{ r.name }</td>
                <td>{ r.target }</td>
                <td class="num">{ r.quantity.map_or_else(String::new, |(v, u)| quantity(v, u, lang)) }</td>
                <td class="num">{ r.unit_price.map_or_else(String::new, money_exact) }</td>
                <td class="num">{ money_exact(r.cost.low) }</td>
                <td class="num">{ money_exact(r.cost.likely) }</td>
                <td class="num">{ money_exact(r.cost.high) }</td>
            </tr>
        }
    });
    html! {
        <section class="pane boq-pane">
            <h2>{ t(lang, Key::BillOfQuantities) }</h2>
            <div class="table-wrap"><table class="boq" data-testid="boq"><thead><tr>{ for boq_head }</tr></thead><tbody>{ for boq_rows }</tbody></table></div>
            <button type="button" onclick={export_boq}>{ format!("{} · {}", t(lang, Key::ExportCsv), t(lang, Key::BillOfQuantities)) }</button>
        </section>
    }
}

/// The annual plan page.
#[component]
pub fn AnnualView() -> Html {
    let app = use_session();
    let lang = app.lang();
    let plan = app.state().plan.clone();
    // The schedule comes from the engine worker; the costs beside it are computed here.
    let job = crate::ui::engine::use_job(&plan, crate::core::jobs::Job::Phase);
    let basis = use_memo(plan.clone(), |p| decide::basis(&p.0, p.0.scenario()).ok());
    let catalog = Catalog::with_edits(&plan.0.catalog);
    let schedule = match (job.annual.as_deref(), (*basis).as_ref()) {
        (Some(annual), Some(basis)) if !annual.years.is_empty() => Some(Schedule {
            app: &app,
            plan: &plan.0,
            catalog: &catalog,
            annual,
            basis,
            lang,
        }),
        _ => None,
    };
    let (table, chart, left) = match &schedule {
        Some(s) => (s.table(), s.chart(), s.notes()),
        None if job.annual.is_none() && (*basis).is_some() && !job.finished => (
            html! { <p class="hint" role="status" data-testid="annual-progress">{ format!("{}…", t(lang, Key::Computing)) }</p> },
            html! {},
            html! {},
        ),
        None => (
            html! { <p class="hint" data-testid="annual-empty">{ t(lang, Key::AnnualEmptyHint) }</p> },
            html! {},
            html! {},
        ),
    };
    let export_annual = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let plan = app.state().plan.0.clone();
            let lang = app.lang();
            download_csv(&plan, t(lang, Key::AnnualPlan), &annual_csv(&plan, lang));
        })
    };
    html! {
        <div class="page annual-page">
            <section class="pane">
                <h2>{ t(lang, Key::AnnualPlan) }</h2>
                { years_form(&app, lang) }
                { table }
                { left }
                <button type="button" onclick={export_annual}>{ format!("{} · {}", t(lang, Key::ExportCsv), t(lang, Key::AnnualPlan)) }</button>
            </section>
            if schedule.is_some() {
                <section class="pane charts">{ chart }</section>
            }
            { boq_pane(&app, lang) }
        </div>
    }
}
