//! The comparison page's charts: the bar charts of cost by class and by funding source,
//! and the current scenario's value for money (with the frontier) and cost risk, each drawn
//! after a paint and again only when its data changes.

use crate::charts::{
    self, bars::Stacked, value_for_money::ValueForMoney, CLASS_COLOURS, SOURCE_COLOURS,
};
use crate::core::catalog::Class;
use crate::core::compare::ScenarioFigures;
use crate::core::format::money_compact;
use crate::core::funding_source::FundingSource;
use crate::core::jobs::ChartData;
use crate::core::money::Money;
use crate::ui::computed::use_computed;
use crate::ui::engine::JobState;
use crate::ui::i18n::{class_name, t, Key, Lang};
use crate::ui::labels::chart_html;
use crate::ui::labels::source_name;
use crate::ui::session::use_session;

use std::rc::Rc;
use yew::prelude::*;

/// A chart drawn after the page's next frame is painted, and again only when its data
/// changes: plotters measures every label in the page (a layout each), and laying out the
/// charts with the table that came with them made one long task on a large community. Until it is drawn, the previous drawing (or an empty frame of
/// its size) stands in.
#[hook]
pub(super) fn use_deferred_svg<D>(data: D, draw: fn(&D) -> String) -> Option<Rc<String>>
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
pub(super) fn deferred_chart(svg: Option<Rc<String>>, label: &str, size: (u32, u32)) -> Html {
    match svg.filter(|s| !s.is_empty()) {
        Some(svg) => chart_html((*svg).clone(), label),
        None => html! {
            <figure class="chart" aria-busy="true" aria-label={label.to_string()} style={format!("aspect-ratio: {} / {}", size.0, size.1)}></figure>
        },
    }
}

pub(super) fn money_fmt(lang: Lang) -> impl Fn(f64) -> String {
    move |v: f64| money_compact(Money::from_yuan_f64(v).unwrap_or(Money::ZERO), lang)
}

/// What a job in the worker has done so far: a progress bar with its count.
pub(super) fn progress_line(job: &JobState, lang: Lang, testid: &'static str) -> Html {
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

/// The comparison's cost by class, as an SVG.
pub(super) fn cost_by_class_svg(figs: &[ScenarioFigures], lang: Lang) -> String {
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
pub(super) fn funding_svg(figs: &[ScenarioFigures], lang: Lang) -> String {
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
    let app = use_session();
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
        let label =
            |i: usize| crate::ui::i18n::floor_short(*lang, floors.get(i).copied().unwrap_or(0));
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
pub(super) fn value_svg(data: &ChartData, lang: Lang, budget: Money) -> String {
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
pub(super) fn risk_svg(data: &ChartData, lang: Lang, budget: Money) -> String {
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
