//! The comparison page: 2-4 scenarios side by side with their differences highlighted, what
//! changes between two of them, charts (cost by class, funding, value for money, cost risk,
//! elevator shares), and the optimiser that makes a new scenario within a budget and says why
//! each item was left out. The charts are drawn in `plots`, the optimiser's panel is
//! `optimise`.

use crate::core::catalog::Class;
use crate::core::compare::{Changes, ScenarioFigures};
use crate::core::format::{money_compact, money_exact};
use crate::core::funding_source::FundingSource;
use crate::core::ids::ScenarioId;
use crate::core::jobs::Job;
use crate::core::money::Money;
use crate::core::plan::Plan;
use crate::ui::engine::use_job;
use crate::ui::i18n::{class_name, t, Key, Lang};
use crate::ui::labels::item_name;
use crate::ui::labels::source_name;
use crate::ui::labels::target_label;
use crate::ui::session::use_session;

use std::rc::Rc;
use yew::prelude::*;

mod optimise;
mod plots;

use optimise::*;
use plots::*;

/// The comparison page.
#[component]
pub fn CompareView() -> Html {
    let app = use_session();
    let lang = app.lang();
    let plan = app.state().plan.clone();
    let all: Vec<ScenarioId> = plan.0.scenarios.iter().map(|s| s.id).collect();
    let picked = use_state(|| all.iter().copied().take(4).collect::<Vec<_>>());
    let picked_now: Vec<ScenarioId> = picked
        .iter()
        .copied()
        .filter(|id| all.contains(id))
        .collect();
    // Figures and charts come from the engine worker, kept by plan (see `engine`).
    let job = use_job(&plan, Job::Compare(picked_now.clone()));
    let figs: Rc<Vec<ScenarioFigures>> = job.figures.clone().unwrap_or_default();
    let toggle = |id: ScenarioId| {
        let picked = picked.clone();
        Callback::from(move |_: Event| {
            let mut v = (*picked).clone();
            if let Some(i) = v.iter().position(|x| *x == id) {
                v.remove(i);
            } else if v.len() < 4 {
                v.push(id);
            }
            picked.set(v);
        })
    };
    let boxes = plan.0.scenarios.iter().map(|s| {
        html! {
            <label class="check" key={s.id.0}>
                <input type="checkbox" checked={picked_now.contains(&s.id)} onchange={toggle(s.id)} disabled={!picked_now.contains(&s.id) && picked_now.len() >= 4} />
                { s.name.clone() }
            </label>
        }
    });
    let table = if job.figures.is_some() {
        figures_table(&figs, &plan.0, lang)
    } else {
        progress_line(&job, lang, "compare-progress")
    };
    // What changes comes from the worker too (it evaluates both scenarios), for the first
    // two scenarios picked (an earlier answer for another pair is not shown).
    let what = match (picked_now.first(), picked_now.get(1), job.changes.clone()) {
        (Some(&a), Some(&b), Some(changes)) if (a, b) == changes.0 => {
            html! { <WhatChanges plan={plan.clone()} {a} {b} {changes} {lang} /> }
        }
        _ => html! {},
    };
    // The bar charts do not show the cost risk: they are not redrawn when it arrives. Nothing
    // is drawn before the figures are there.
    let bars = job.figures.is_some().then(|| BarFigures(figs.clone()));
    let by_class = deferred_chart(
        use_deferred_svg((bars.clone(), lang), |(f, l)| {
            f.as_ref()
                .map(|f| cost_by_class_svg(&f.0, *l))
                .unwrap_or_default()
        }),
        t(lang, Key::ChartCostByClass),
        (720, 380),
    );
    let by_source = deferred_chart(
        use_deferred_svg((bars, lang), |(f, l)| {
            f.as_ref()
                .map(|f| funding_svg(&f.0, *l))
                .unwrap_or_default()
        }),
        t(lang, Key::ChartFunding),
        (720, 380),
    );
    html! {
        // Busy until the worker has sent every figure and chart of this plan.
        <div class="page compare-page" aria-busy={(!job.finished).to_string()}>
            <section class="pane">
                <h2>{ t(lang, Key::CompareTitle) }</h2>
                <fieldset class="pick"><legend>{ t(lang, Key::PickScenarios) }</legend>{ for boxes }</fieldset>
                if job.stale { <p class="hint" role="status">{ t(lang, Key::Updating) }</p> }
                { table }
                { what }
            </section>
            if job.figures.is_some() {
                <section class="pane charts">
                    { by_class }
                    { by_source }
                </section>
            }
            <OptimisePanel />
            <CurrentCharts charts={job.charts.clone()} progress={(!job.finished).then_some((job.done, job.of))} />
        </div>
    }
}

/// The figures the bar charts draw: equal when all but their cost risk are.
#[derive(Clone)]
struct BarFigures(Rc<Vec<ScenarioFigures>>);

impl PartialEq for BarFigures {
    fn eq(&self, other: &Self) -> bool {
        let without_risk = |f: &ScenarioFigures| ScenarioFigures {
            risk_p80: None,
            ..f.clone()
        };
        Rc::ptr_eq(&self.0, &other.0)
            || (self.0.len() == other.0.len()
                && self
                    .0
                    .iter()
                    .zip(other.0.iter())
                    .all(|(a, b)| without_risk(a) == without_risk(b)))
    }
}

/// One row of the comparison: its label, and per scenario the text and the number compared
/// with the first column (higher or lower is marked).
fn compare_row(label: String, cells: Vec<(String, f64)>) -> Html {
    let base = cells.first().map_or(0.0, |c| c.1);
    let tds = cells.into_iter().enumerate().map(|(i, (text, v))| {
        let cls = if i == 0 || (v - base).abs() < 1e-9 {
            None
        } else if v > base {
            Some("diff up")
        } else {
            Some("diff down")
        };
        html! { <td class={classes!(cls)}>{ text }</td> }
    });
    html! { <tr><th scope="row">{ label }</th>{ for tds }</tr> }
}

/// A sum of money per scenario, written compactly and compared by its value.
fn money_cells(
    figs: &[ScenarioFigures],
    lang: Lang,
    g: impl Fn(&ScenarioFigures) -> Money,
) -> Vec<(String, f64)> {
    figs.iter()
        .map(|f| {
            let v = g(f);
            (money_compact(v, lang), v.as_yuan_f64())
        })
        .collect()
}

/// The money rows: total, range, per household, per class, per building, per source, gap.
fn money_rows(figs: &[ScenarioFigures], plan: &Plan, lang: Lang) -> Vec<Html> {
    let range = figs
        .iter()
        .map(|f| {
            let text = format!(
                "{} – {}",
                money_compact(f.total.low, lang),
                money_compact(f.total.high, lang)
            );
            (text, f.total.high.as_yuan_f64())
        })
        .collect();
    let per_household = figs
        .iter()
        .map(|f| (money_exact(f.per_household), f.per_household.as_yuan_f64()))
        .collect();
    let mut rows = vec![
        compare_row(
            t(lang, Key::TotalCost).into(),
            money_cells(figs, lang, |f| f.total.likely),
        ),
        compare_row(t(lang, Key::CostRange).into(), range),
        compare_row(t(lang, Key::PerHousehold).into(), per_household),
    ];
    for c in Class::ALL {
        rows.push(compare_row(
            class_name(lang, c).into(),
            money_cells(figs, lang, |f| f.by_class[c.index()]),
        ));
    }
    for (i, (b, _)) in figs[0].by_building.iter().enumerate() {
        let label = b.and_then(|b| plan.community.building(b)).map_or_else(
            || t(lang, Key::CommunityWide).to_string(),
            |b| crate::core::format::place_name(&b.name, lang),
        );
        let cells = money_cells(figs, lang, |f| {
            f.by_building.get(i).map_or(Money::ZERO, |x| x.1)
        });
        rows.push(compare_row(label, cells));
    }
    for s in FundingSource::ALL {
        if figs.iter().any(|f| f.by_source[s.index()].0 != 0) {
            rows.push(compare_row(
                source_name(lang, s).into(),
                money_cells(figs, lang, |f| f.by_source[s.index()]),
            ));
        }
    }
    if figs.iter().any(|f| f.gap.0 != 0) {
        rows.push(compare_row(
            t(lang, Key::FundingGap).into(),
            money_cells(figs, lang, |f| f.gap),
        ));
    }
    rows
}

/// The rows after the money: burdens, priority, households, consent and the cost risk.
fn other_rows(figs: &[ScenarioFigures], lang: Lang) -> Vec<Html> {
    let cells = |g: &dyn Fn(&ScenarioFigures) -> (String, f64)| figs.iter().map(g).collect();
    let burden = cells(&|f| {
        let text = format!(
            "{} / {} / {}",
            money_exact(f.burden.0),
            money_exact(f.burden.1),
            money_exact(f.burden.2)
        );
        (text, f.burden.2.as_yuan_f64())
    });
    let priority = cells(&|f| (format!("{:.1}", f.priority), f.priority));
    let households = cells(&|f| {
        let n = f.households_benefited;
        (n.to_string(), n as f64)
    });
    let consent = cells(&|f| {
        let (a, b, c) = f.consent;
        (format!("{a} / {b} / {c}"), a as f64)
    });
    // The cost risk follows the other figures from the worker; until it is there (for every
    // column) its cells say so and are not compared.
    let risk = if figs.iter().all(|f| f.risk_p80.is_some()) {
        money_cells(figs, lang, |f| f.risk_p80.unwrap_or_default())
    } else {
        cells(&|_| (format!("{}…", t(lang, Key::Computing)), 0.0))
    };
    vec![
        compare_row(t(lang, Key::BurdenRange).into(), burden),
        compare_row(t(lang, Key::Priority2).into(), priority),
        compare_row(t(lang, Key::HouseholdsBenefited).into(), households),
        compare_row(t(lang, Key::ConsentStatus).into(), consent),
        compare_row(t(lang, Key::RiskP80).into(), risk),
    ]
}

fn figures_table(figs: &[ScenarioFigures], plan: &Plan, lang: Lang) -> Html {
    if figs.is_empty() {
        return html! { <p class="hint">{ t(lang, Key::PickScenarios) }</p> };
    }
    let rows = money_rows(figs, plan, lang)
        .into_iter()
        .chain(other_rows(figs, lang));
    let heads = figs
        .iter()
        .map(|f| html! { <th scope="col">{ f.name.clone() }</th> });
    html! {
        <div class="table-wrap">
            <table class="compare" data-testid="compare-table">
                <thead><tr><th scope="col">{ t(lang, Key::Figure) }</th>{ for heads }</tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

/// A list of what changes longer than this starts folded.
const FOLD_OVER: usize = 8;

/// Properties of [`WhatChanges`].
#[derive(Properties, PartialEq)]
struct WhatChangesProps {
    plan: crate::ui::state::PlanRef,
    a: ScenarioId,
    b: ScenarioId,
    changes: Rc<((ScenarioId, ScenarioId), Changes)>,
    lang: Lang,
}

/// What changes from scenario `a` to `b`: a component of its own, so that the comparison
/// page's other updates (each step the worker reports) do not build its lists again.
#[component]
fn WhatChanges(p: &WhatChangesProps) -> Html {
    let (plan, lang, ch) = (&p.plan.0, p.lang, &p.changes.1);
    let catalog = crate::ui::computed::catalog_of(plan);
    let (Some(sa), Some(sb)) = (plan.scenario_by_id(p.a), plan.scenario_by_id(p.b)) else {
        return html! {};
    };
    let label = |(item, target): &(String, crate::core::site::Target)| {
        format!(
            "{} · {}",
            item_name(&catalog, item, lang),
            target_label(plan, *target, lang)
        )
    };
    let lines = |v: &[((String, crate::core::site::Target), Money)]| -> Rc<Vec<String>> {
        Rc::new(
            v.iter()
                .map(|(k, m)| format!("{} ({})", label(k), money_compact(*m, lang)))
                .collect(),
        )
    };
    let changed: Rc<Vec<String>> = Rc::new(
        ch.changed
            .iter()
            .map(|(k, qa, qb, d)| {
                format!(
                    "{}: {qa:.2} → {qb:.2} ({}{})",
                    label(k),
                    if d.0 >= 0 { "+" } else { "" },
                    money_compact(*d, lang)
                )
            })
            .collect(),
    );
    let heading = |name: &str| AttrValue::from(format!("{} {}", t(lang, Key::OnlyIn), name));
    html! {
        <section class="changes">
            <h3>{ format!("{}:{} → {}", t(lang, Key::WhatChanges), sa.name, sb.name) }</h3>
            <p data-testid="difference"><strong>{ format!("{} {}{}", t(lang, Key::Difference), if ch.difference.0 >= 0 { "+" } else { "" }, money_exact(ch.difference)) }</strong></p>
            if !ch.only_a.is_empty() { <FoldedList heading={heading(&sa.name)} lines={lines(&ch.only_a)} {lang} /> }
            if !ch.only_b.is_empty() { <FoldedList heading={heading(&sb.name)} lines={lines(&ch.only_b)} {lang} /> }
            if !ch.changed.is_empty() { <FoldedList heading={AttrValue::from(t(lang, Key::QuantityChanged))} lines={changed} {lang} /> }
        </section>
    }
}

/// Properties of [`FoldedList`].
#[derive(Properties, PartialEq)]
struct FoldedListProps {
    heading: AttrValue,
    lines: Rc<Vec<String>>,
    lang: Lang,
}

/// A list under its heading and count; a long one starts folded, and its lines are put in
/// the page only when it is opened (on a large plan there are hundreds: they pushed the
/// optimiser far down the page and made opening the page lay them all out).
#[component]
fn FoldedList(p: &FoldedListProps) -> Html {
    let n = p.lines.len();
    let open = use_state(|| n <= FOLD_OVER);
    let node = use_node_ref();
    {
        // `toggle` does not bubble, so it is heard on the element itself.
        let open = open.clone();
        use_effect_with(node.clone(), move |node| {
            let listener = node.cast::<web_sys::Element>().map(|el| {
                let el2 = el.clone();
                gloo::events::EventListener::new(&el, "toggle", move |_| {
                    open.set(el2.has_attribute("open"));
                })
            });
            move || drop(listener)
        });
    }
    let items = p.lines.iter().map(|l| html! { <li>{ l.clone() }</li> });
    html! {
        <details class="change-list" open={*open} ref={node}>
            <summary>{ crate::ui::i18n::with_count(p.lang, &p.heading, n) }</summary>
            if *open { <ul>{ for items }</ul> }
        </details>
    }
}
