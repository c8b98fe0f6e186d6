//! The comparison page: 2-4 scenarios side by side with their differences highlighted, what
//! changes between two of them, charts (cost by class, funding, value for money, cost risk,
//! elevator shares), and the optimiser that makes a new scenario within a budget and says why
//! each item was left out.

use crate::charts::{
    self, bars::Stacked, value_for_money::ValueForMoney, CLASS_COLOURS, SOURCE_COLOURS,
};
use crate::core::catalog::Class;
use crate::core::command::Command;
use crate::core::compare::{Changes, ScenarioFigures};
use crate::core::format::{money_compact, money_exact};
use crate::core::funding::FundingSource;
use crate::core::jobs::{ChartData, Job};
use crate::core::model::{PlacementId, Plan, ScenarioId};
use crate::core::money::Money;
use crate::core::select::SelectionSettings;
use crate::ui::computed::use_computed;
use crate::ui::engine::{use_job, JobState};
use crate::ui::i18n::{class_name, pick, reason, t, Key, Lang};
use crate::ui::labels::chart_html;
use crate::ui::labels::item_name;
use crate::ui::labels::source_name;
use crate::ui::labels::target_label;
use crate::ui::state::{use_app, Action, AppHandle};
use std::rc::Rc;
use yew::prelude::*;

/// A chart drawn after the page's next frame is painted, and again only when its data
/// changes: plotters measures every label in the page (a layout each), and laying out the
/// charts with the table that came with them made one long task on a large community. Until it is drawn, the previous drawing (or an empty frame of
/// its size) stands in.
#[hook]
fn use_deferred_svg<D>(data: D, draw: fn(&D) -> String) -> Option<Rc<String>>
where
    D: PartialEq + Clone + 'static,
{
    let svg = use_state(|| None::<Rc<String>>);
    {
        let svg = svg.clone();
        use_effect_with(data, move |d| {
            let d = d.clone();
            let live = Rc::new(std::cell::Cell::new(true));
            let still = live.clone();
            crate::ui::engine::after_paint(move || {
                if still.get() {
                    svg.set(Some(Rc::new(draw(&d))));
                }
            });
            move || live.set(false)
        });
    }
    (*svg).clone()
}

/// A deferred chart's figure: the drawing, or a frame of its size while it is drawn (an empty
/// drawing: there is no data yet).
fn deferred_chart(svg: Option<Rc<String>>, label: &str, size: (u32, u32)) -> Html {
    match svg.filter(|s| !s.is_empty()) {
        Some(svg) => chart_html((*svg).clone(), label),
        None => html! {
            <figure class="chart" aria-busy="true" aria-label={label.to_string()} style={format!("aspect-ratio: {} / {}", size.0, size.1)}></figure>
        },
    }
}

fn money_fmt(lang: Lang) -> impl Fn(f64) -> String {
    move |v: f64| money_compact(Money::from_yuan_f64(v).unwrap_or(Money::ZERO), lang)
}

/// The comparison page.
#[component]
pub fn CompareView() -> Html {
    let app = use_app();
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

/// The comparison's cost by class, as an SVG.
fn cost_by_class_svg(figs: &[ScenarioFigures], lang: Lang) -> String {
    let fmt = money_fmt(lang);
    let names: Vec<String> = figs.iter().map(|f| f.name.clone()).collect();
    let class_series: Vec<(String, plotters::style::RGBColor, Vec<f64>)> = Class::ALL
        .iter()
        .map(|&c| {
            (
                class_name(lang, c).to_string(),
                CLASS_COLOURS[c.index()],
                figs.iter()
                    .map(|f| f.by_class[c.index()].as_yuan_f64())
                    .collect(),
            )
        })
        .collect();
    charts::bars::stacked(
        &Stacked {
            title: t(lang, Key::ChartCostByClass),
            categories: &names,
            series: &class_series,
            fmt: &fmt,
        },
        (720, 380),
    )
}

/// The comparison's funding by source, as an SVG.
fn funding_svg(figs: &[ScenarioFigures], lang: Lang) -> String {
    let fmt = money_fmt(lang);
    let names: Vec<String> = figs.iter().map(|f| f.name.clone()).collect();
    let source_series: Vec<(String, plotters::style::RGBColor, Vec<f64>)> = FundingSource::ALL
        .iter()
        .filter(|s| figs.iter().any(|f| f.by_source[s.index()].0 != 0))
        .map(|&s| {
            (
                source_name(lang, s).to_string(),
                SOURCE_COLOURS[s.index()],
                figs.iter()
                    .map(|f| f.by_source[s.index()].as_yuan_f64())
                    .collect(),
            )
        })
        .collect();
    charts::bars::stacked(
        &Stacked {
            title: t(lang, Key::ChartFunding),
            categories: &names,
            series: &source_series,
            fmt: &fmt,
        },
        (720, 380),
    )
}

/// What a job in the worker has done so far: a progress bar with its count.
fn progress_line(job: &JobState, lang: Lang, testid: &'static str) -> Html {
    let (done, of) = (job.done, job.of.max(1));
    html! {
        <div class="job-progress" role="status" data-testid={testid}>
            <span>{ if job.of == 0 {
                format!("{}…", t(lang, Key::Computing))
            } else {
                format!("{}… {} / {}", t(lang, Key::Computing), done, job.of.max(done))
            } }</span>
            <progress max={of.to_string()} value={done.to_string()} aria-label={t(lang, Key::Computing)}></progress>
        </div>
    }
}

fn figures_table(figs: &[ScenarioFigures], plan: &Plan, lang: Lang) -> Html {
    if figs.is_empty() {
        return html! { <p class="hint">{ t(lang, Key::PickScenarios) }</p> };
    }
    let first = &figs[0];
    // A row: label, and per scenario the text and the number compared with the first column.
    let row = |label: String, cells: Vec<(String, f64)>| {
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
    };
    let m = |f: &ScenarioFigures, g: fn(&ScenarioFigures) -> Money| {
        let v = g(f);
        (money_compact(v, lang), v.as_yuan_f64())
    };
    let mut rows = vec![
        row(
            t(lang, Key::TotalCost).into(),
            figs.iter().map(|f| m(f, |f| f.total.likely)).collect(),
        ),
        row(
            t(lang, Key::CostRange).into(),
            figs.iter()
                .map(|f| {
                    (
                        format!(
                            "{} – {}",
                            money_compact(f.total.low, lang),
                            money_compact(f.total.high, lang)
                        ),
                        f.total.high.as_yuan_f64(),
                    )
                })
                .collect(),
        ),
        row(
            t(lang, Key::PerHousehold).into(),
            figs.iter()
                .map(|f| (money_exact(f.per_household), f.per_household.as_yuan_f64()))
                .collect(),
        ),
    ];
    for c in Class::ALL {
        rows.push(row(
            class_name(lang, c).into(),
            figs.iter()
                .map(|f| {
                    (
                        money_compact(f.by_class[c.index()], lang),
                        f.by_class[c.index()].as_yuan_f64(),
                    )
                })
                .collect(),
        ));
    }
    for (i, (b, _)) in first.by_building.iter().enumerate() {
        let label = b.and_then(|b| plan.community.building(b)).map_or_else(
            || pick(lang, ("全小区项目", "Community-wide")).to_string(),
            |b| crate::core::format::place_name(&b.name, lang),
        );
        rows.push(row(
            label,
            figs.iter()
                .map(|f| {
                    let v = f.by_building.get(i).map_or(Money::ZERO, |x| x.1);
                    (money_compact(v, lang), v.as_yuan_f64())
                })
                .collect(),
        ));
    }
    for s in FundingSource::ALL {
        if figs.iter().any(|f| f.by_source[s.index()].0 != 0) {
            rows.push(row(
                source_name(lang, s).into(),
                figs.iter()
                    .map(|f| {
                        (
                            money_compact(f.by_source[s.index()], lang),
                            f.by_source[s.index()].as_yuan_f64(),
                        )
                    })
                    .collect(),
            ));
        }
    }
    if figs.iter().any(|f| f.gap.0 != 0) {
        rows.push(row(
            t(lang, Key::FundingGap).into(),
            figs.iter()
                .map(|f| (money_compact(f.gap, lang), f.gap.as_yuan_f64()))
                .collect(),
        ));
    }
    rows.push(row(
        t(lang, Key::BurdenRange).into(),
        figs.iter()
            .map(|f| {
                (
                    format!(
                        "{} / {} / {}",
                        money_exact(f.burden.0),
                        money_exact(f.burden.1),
                        money_exact(f.burden.2)
                    ),
                    f.burden.2.as_yuan_f64(),
                )
            })
            .collect(),
    ));
    rows.push(row(
        t(lang, Key::Priority2).into(),
        figs.iter()
            .map(|f| (format!("{:.1}", f.priority), f.priority))
            .collect(),
    ));
    rows.push(row(
        t(lang, Key::HouseholdsBenefited).into(),
        figs.iter()
            .map(|f| {
                (
                    f.households_benefited.to_string(),
                    f.households_benefited as f64,
                )
            })
            .collect(),
    ));
    rows.push(row(
        t(lang, Key::ConsentStatus).into(),
        figs.iter()
            .map(|f| {
                (
                    format!("{} / {} / {}", f.consent.0, f.consent.1, f.consent.2),
                    f.consent.0 as f64,
                )
            })
            .collect(),
    ));
    // The cost risk follows the other figures from the worker; until it is there (for every
    // column) its cells say so and are not compared.
    let risk_cells = if figs.iter().all(|f| f.risk_p80.is_some()) {
        figs.iter()
            .map(|f| m(f, |f| f.risk_p80.unwrap_or_default()))
            .collect()
    } else {
        figs.iter()
            .map(|_| (format!("{}…", t(lang, Key::Computing)), 0.0))
            .collect()
    };
    rows.push(row(t(lang, Key::RiskP80).into(), risk_cells));
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
    let catalog = crate::ui::state::catalog_of(plan);
    let (Some(sa), Some(sb)) = (plan.scenario_by_id(p.a), plan.scenario_by_id(p.b)) else {
        return html! {};
    };
    let label = |(item, target): &(String, crate::core::model::Target)| {
        format!(
            "{} · {}",
            item_name(&catalog, item, lang),
            target_label(plan, *target, lang)
        )
    };
    let lines = |v: &[((String, crate::core::model::Target), Money)]| -> Rc<Vec<String>> {
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

/// The optimiser: a budget, the class rule, fairness; makes a new scenario and explains.
#[component]
pub fn OptimisePanel() -> Html {
    let app = use_app();
    let lang = app.lang();
    let s = app.state();
    let plan = s.plan.0.clone();
    let fair = use_state(|| false);
    let on_budget = {
        let app = app.clone();
        Callback::from(move |budget: Money| app.edit(Command::SetBudget { budget }))
    };
    let rule = {
        let app = app.clone();
        let on = plan.priority.class_rule;
        Callback::from(move |_: Event| app.edit(Command::SetClassRule { on: !on }))
    };
    let fair_toggle = {
        let fair = fair.clone();
        Callback::from(move |_: Event| fair.set(!*fair))
    };
    // The optimisation under way in the worker: its id and how far it is.
    let running = use_state(|| None::<(u64, JobState)>);
    let cancelled = use_state(|| false);
    let run = {
        let app = app.clone();
        let fair = *fair;
        let running = running.clone();
        let cancelled = cancelled.clone();
        Callback::from(move |_: MouseEvent| {
            if running.is_none() {
                cancelled.set(false);
                let id = optimise(&app, fair, running.setter());
                running.set(id.map(|id| (id, JobState::default())));
            }
        })
    };
    let cancel = {
        let running = running.clone();
        let cancelled = cancelled.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some((id, _)) = *running {
                crate::ui::engine::cancel(id);
                running.set(None);
                cancelled.set(true);
            }
        })
    };
    let busy = running.as_ref().map(|(_, job)| {
        html! {
            <div class="job-progress" role="status" data-testid="opt-running">
                <span>{ format!("{}…", t(lang, Key::Optimising)) }</span>
                <progress aria-label={t(lang, Key::Optimising)} value={job.finished.then_some("1")} max="1"></progress>
                <button type="button" onclick={cancel.clone()}>{ t(lang, Key::CancelOptimise) }</button>
            </div>
        }
    });
    let result = s.optimised.clone().map(|r| report(&app, &r));
    html! {
        <section class="pane optimise">
            <h2>{ t(lang, Key::Optimise) }</h2>
            <p class="hint">{ t(lang, Key::OptimiseExplain) }</p>
            <crate::ui::components::fields::MoneyField id="opt-budget" label={t(lang, Key::Budget)} value={plan.selection.budget} on_commit={on_budget} />
            <label class="check"><input type="checkbox" checked={plan.priority.class_rule} onchange={rule} />{ t(lang, Key::ClassRule) }</label>
            <label class="check"><input type="checkbox" checked={*fair} onchange={fair_toggle} />{ t(lang, Key::EqualShares) }</label>
            <button type="button" class="primary" onclick={run} disabled={plan.selection.budget.0 <= 0 || running.is_some()}>{ t(lang, Key::Optimise) }</button>
            { for busy }
            if *cancelled { <p class="hint" role="status" data-testid="opt-cancelled">{ t(lang, Key::OptimiseCancelled) }</p> }
            { for result }
        </section>
    }
}

/// Starts the optimiser on the current scenario in the worker; its answer becomes a new
/// scenario. `running` hears its progress and is cleared when it ends. Returns the job's id.
fn optimise(
    app: &AppHandle,
    fair: bool,
    running: UseStateSetter<Option<(u64, JobState)>>,
) -> Option<u64> {
    let plan = app.state().plan.0.clone();
    let scenario = plan.scenario().clone();
    let settings = SelectionSettings {
        equal_shares: fair,
        ..plan.selection
    };
    let name = format!(
        "{} {}",
        t(app.lang(), Key::OptimisedName),
        money_compact(settings.budget, app.lang())
    );
    let app = app.clone();
    let id = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let me = id.clone();
    let on = Callback::from(move |job: JobState| {
        if !job.finished {
            running.set(Some((me.get(), job)));
            return;
        }
        running.set(None);
        if let Some(r) = job.optimised {
            let chosen = r.chosen.clone();
            app.dispatch(Action::Optimised(Some(r)));
            app.edit(Command::AddScenario {
                name: name.clone(),
                from: Some(scenario.id),
                keep: Some(chosen),
            });
        }
    });
    let job = crate::ui::engine::run(&plan, Job::Optimise(settings), on);
    id.set(job);
    Some(job)
}

fn report(app: &AppHandle, r: &crate::core::select::SelectionReport) -> Html {
    let lang = app.lang();
    let plan = app.state().plan.0.clone();
    let catalog = crate::ui::state::catalog_of(&plan);
    // Names of placements from whichever scenario holds them.
    let name = |id: PlacementId| {
        plan.scenarios
            .iter()
            .rev()
            .flat_map(|s| s.items.iter())
            .find(|p| p.id == id)
            .map_or_else(
                || id.to_string(),
                |p| {
                    format!(
                        "{} · {}",
                        item_name(&catalog, &p.item, lang),
                        target_label(&plan, p.target, lang)
                    )
                },
            )
    };
    let left = r.left_out.iter().map(|l| {
        let why: Vec<String> = l.reasons.iter().map(|x| reason(lang, x, &name)).collect();
        html! { <li><strong>{ name(l.placement) }</strong>{ ":" }{ why.join(";") }</li> }
    });
    let rule = &r.class_rule;
    let effect = (!rule.only_with.is_empty() || !rule.only_without.is_empty()).then(|| {
        let with: Vec<String> = rule.only_without.iter().map(|p| name(*p)).collect();
        html! {
            <p class="explain">{ format!("{}:+ {}(优先级 {:.1} → {:.1})", t(lang, Key::ClassRuleEffect), with.join("、"), rule.value_with as f64 / 100.0, rule.value_without as f64 / 100.0) }</p>
        }
    });
    html! {
            <div class="opt-result" data-testid="opt-result">
                <p><strong>{ format!("{}:{} · {} {:.1}", t(lang, Key::Chosen), money_compact(r.cost, lang), t(lang, Key::Priority2), r.priority) }</strong>
    </p>
                <p class="explain" data-testid="opt-proof">{ match r.status {
                    crate::core::optimise::Status::Optimal => t(lang, Key::ProvenOptimal).to_string(),
                    crate::core::optimise::Status::Stopped => format!("{} {}", t(lang, Key::StoppedBest), if r.gap_permille == 0 {
                        t(lang, Key::GapUnderTenth).to_string()
                    } else {
                        format!("{:.1}%", r.gap_permille as f64 / 10.0)
                    }),
                    crate::core::optimise::Status::Infeasible => String::new(),
                } }</p>
                <h3>{ t(lang, Key::LeftOut) }</h3>
                if r.left_out.is_empty() { <p>{ t(lang, Key::None_) }</p> } else { <ul class="reasons">{ for left }</ul> }
                { for effect }
            </div>
        }
}

/// The current scenario's charts, as far as the worker has computed them.
#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    /// The frontier, the optimised choice and the cost risk, once computed.
    pub charts: Option<Rc<ChartData>>,
    /// Steps done and in all while the job runs.
    pub progress: Option<(u32, u32)>,
}

/// Charts of the current scenario: value for money with the frontier, cost risk, elevators.
#[component]
pub fn CurrentCharts(props: &ChartsProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let plan = app.state().plan.clone();
    let computed = use_computed();
    let budget = plan.0.selection.budget;
    let data = (props.charts.clone(), lang, budget);
    let vfm = use_deferred_svg(data.clone(), |(d, l, b)| {
        d.as_ref().map(|d| value_svg(d, *l, *b)).unwrap_or_default()
    });
    let risk = use_deferred_svg(data, |(d, l, b)| {
        d.as_ref().map(|d| risk_svg(d, *l, *b)).unwrap_or_default()
    });
    // The first elevator's shares per household by floor (computed live, on this thread).
    let elevator_data = computed
        .eval
        .as_ref()
        .and_then(|ev| ev.funding.elevators.first().cloned())
        .map(|tab| {
            let per: Vec<f64> = tab
                .floors
                .iter()
                .map(|f| f.net.as_yuan_f64() / f.households.max(1) as f64)
                .collect();
            let floors: Vec<u8> = tab.floors.iter().map(|f| f.floor).collect();
            let st = plan
                .0
                .community
                .stairwell(tab.stairwell)
                .map(|(b, s)| crate::core::format::stairwell_label(&b.name, &s.name, lang))
                .unwrap_or_default();
            (
                per,
                floors,
                format!("{} · {st}", t(lang, Key::ChartElevator)),
            )
        });
    let has_elevator = elevator_data.is_some();
    let elevator = use_deferred_svg((elevator_data, lang), |(d, lang)| {
        let Some((per, floors, title)) = d else {
            return String::new();
        };
        let label = |i: usize| {
            format!(
                "{}{}",
                floors.get(i).copied().unwrap_or(0),
                if *lang == Lang::Zh { "层" } else { "F" }
            )
        };
        charts::elevator::render(title, per, &label, &money_fmt(*lang), (760, 320))
    });
    let Some(_) = props.charts.as_ref() else {
        let (done, of) = props.progress.unwrap_or((0, 0));
        let job = JobState {
            done,
            of,
            ..JobState::default()
        };
        return html! { <section class="pane charts">{ progress_line(&job, lang, "charts-progress") }</section> };
    };
    // Until a chart is drawn (after the frame its data arrived in) its previous drawing stays;
    // an empty drawing (no data yet) is a frame of the chart's size.
    html! {
        <section class="pane charts">
            { deferred_chart(vfm, t(lang, Key::ChartValue), (760, 420)) }
            { deferred_chart(risk, t(lang, Key::ChartRisk), (760, 320)) }
            if has_elevator {
                { deferred_chart(elevator, t(lang, Key::ChartElevator), (760, 320)) }
            } else {
                <p class="hint">{ t(lang, Key::NoElevators) }</p>
            }
        </section>
    }
}

/// The value-for-money chart with the frontier and the budget, as an SVG.
fn value_svg(data: &ChartData, lang: Lang, budget: Money) -> String {
    let fmt = money_fmt(lang);
    let items: Vec<(f64, f64, bool)> = data
        .points
        .iter()
        .map(|&(cost, score, chosen)| (cost.as_yuan_f64(), score, chosen))
        .collect();
    let front: Vec<(f64, f64)> = data
        .frontier
        .iter()
        .filter_map(|f| Some((f.budget.as_yuan_f64(), f.priority?)))
        .collect();
    let budget = (budget.0 > 0).then(|| budget.as_yuan_f64());
    charts::value_for_money::render(
        &ValueForMoney {
            title: t(lang, Key::ChartValue),
            axes: (t(lang, Key::AxisCost), t(lang, Key::AxisPriority)),
            items: &items,
            frontier: &front,
            frontier_axis: Some(t(lang, Key::AxisTotalPriority)),
            budget,
            fmt: &fmt,
            legend: [
                t(lang, Key::LegendItems),
                t(lang, Key::LegendChosen),
                t(lang, Key::LegendFrontier),
                t(lang, Key::LegendBudget),
            ],
        },
        (760, 420),
    )
}

/// The cost-risk histogram with P50, P80 and the budget, as an SVG.
fn risk_svg(data: &ChartData, lang: Lang, budget: Money) -> String {
    let risk = &data.risk;
    let mut marks = vec![
        ("P50".to_string(), risk.p50.as_yuan_f64()),
        ("P80".to_string(), risk.p80.as_yuan_f64()),
    ];
    if budget.0 > 0 {
        marks.push((t(lang, Key::LegendBudget).to_string(), budget.as_yuan_f64()));
    }
    charts::risk::render(
        &charts::risk::RiskChart {
            title: t(lang, Key::ChartRisk),
            range: (risk.min.as_yuan_f64(), risk.max.as_yuan_f64()),
            histogram: &risk.histogram,
            marks: &marks,
            fmt: &money_fmt(lang),
        },
        (760, 320),
    )
}
