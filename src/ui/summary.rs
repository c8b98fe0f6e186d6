//! The summary panel: what the current scenario costs, per class, per household and per m²,
//! who pays, and how it compares with programme figures. Recomputed only when the plan changes.

use super::i18n::{t, Key, Lang};
use super::state::PlanRef;
use crate::core::catalog::Class;
use crate::core::evaluate::{evaluate, Evaluation};
use crate::core::format::{money_compact, money_exact};
use crate::core::funding::FundingSource;
use crate::core::yardstick::YARDSTICKS;
use yew::prelude::*;

/// Properties of [`Summary`].
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// The plan.
    pub plan: PlanRef,
    /// Language.
    pub lang: Lang,
}

/// The name of a class.
pub fn class_name(lang: Lang, class: Class) -> &'static str {
    t(
        lang,
        match class {
            Class::Safety => Key::ClassSafety,
            Class::Basic => Key::ClassBasic,
            Class::Improvement => Key::ClassImprovement,
            Class::Upgrade => Key::ClassUpgrade,
        },
    )
}

/// The name of a funding source.
pub fn source_name(lang: Lang, s: FundingSource) -> &'static str {
    let (zh, en) = s.names();
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn class_css(class: Class) -> &'static str {
    match class {
        Class::Safety => "class-safety",
        Class::Basic => "class-basic",
        Class::Improvement => "class-improvement",
        Class::Upgrade => "class-upgrade",
    }
}

/// The summary panel.
#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let ev = use_memo(props.plan.clone(), |p| evaluate(&p.0));
    let plan = &props.plan.0;
    let c = &plan.community;
    let stairwells: usize = c.buildings.iter().map(|b| b.stairwells.len()).sum();
    let facts = html! {
        <dl class="facts">
            <div><dt>{ t(lang, Key::Buildings) }</dt><dd>{ c.buildings.len() }</dd></div>
            <div><dt>{ t(lang, Key::Stairwells) }</dt><dd>{ stairwells }</dd></div>
            <div><dt>{ t(lang, Key::Households) }</dt><dd>{ c.household_count() }</dd></div>
        </dl>
    };
    let body = match &*ev {
        Err(e) => html! { <p class="error" role="alert">{ format!("{e:?}") }</p> },
        Ok(ev) => costs(ev, lang),
    };
    html! {
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{ t(lang, Key::Summary) }</h2>
            <p class="scenario-name">{ format!("{}:{}", t(lang, Key::Scenario), plan.scenario().name) }</p>
            { facts }
            { body }
        </section>
    }
}

fn costs(ev: &Evaluation, lang: Lang) -> Html {
    let c = &ev.costs;
    let total = c.total.likely.0.max(1) as f64;
    let classes = Class::ALL.iter().map(|&class| {
        let v = c.by_class[class.index()].likely;
        let pct = v.0 as f64 / total * 100.0;
        html! {
            <li class={classes!("class-row", class_css(class))}>
                <span class="class-name">{ class_name(lang, class) }</span>
                <span class="bar" aria-hidden="true"><span style={format!("width:{pct:.1}%")}></span></span>
                <span class="amount">{ money_compact(v, lang) }</span>
            </li>
        }
    });
    let sources = FundingSource::ALL
        .iter()
        .filter(|s| ev.funding.by_source[s.index()].0 != 0)
        .map(|&s| {
            html! {
                <li><span>{ source_name(lang, s) }</span><span class="amount">{ money_compact(ev.funding.by_source[s.index()], lang) }</span></li>
            }
        });
    let gap = (ev.funding.gap.0 != 0).then(|| {
        html! { <li class="gap"><span>{ t(lang, Key::FundingGap) }</span><span class="amount">{ money_compact(ev.funding.gap, lang) }</span></li> }
    });
    let yard = ev.yardsticks.iter().zip(YARDSTICKS.iter()).take(4).map(|(cmp, y)| {
        let label = match lang {
            Lang::Zh => y.zh,
            Lang::En => y.en,
        };
        html! {
            <li><span>{ label }</span><span class="amount">{ format!("{} ({:.1}×)", money_exact(cmp.yardstick), cmp.ratio_permille as f64 / 1000.0) }</span></li>
        }
    });
    html! {
        <>
            <div class="headline">
                <div class="big" data-testid="total-likely">{ money_compact(c.total.likely, lang) }</div>
                <div class="label">{ t(lang, Key::TotalCost) }</div>
                <div class="range">{ format!("{} {} – {}", t(lang, Key::CostRange), money_compact(c.total.low, lang), money_compact(c.total.high, lang)) }</div>
            </div>
            <dl class="facts">
                <div><dt>{ t(lang, Key::PerHousehold) }</dt><dd data-testid="per-household">{ money_exact(c.per_household.likely) }</dd></div>
                <div><dt>{ t(lang, Key::PerSquareMetre) }</dt><dd>{ money_exact(c.per_m2.likely) }</dd></div>
                <div><dt>{ t(lang, Key::ItemsPlaced) }</dt><dd>{ c.lines.len() }</dd></div>
            </dl>
            <h3>{ t(lang, Key::ByClass) }</h3>
            <ul class="classes">{ for classes }</ul>
            <h3>{ t(lang, Key::FundingBySource) }</h3>
            <ul class="sources">{ for sources }{ for gap }</ul>
            <h3>{ t(lang, Key::Yardsticks) }</h3>
            <ul class="sources">{ for yard }</ul>
        </>
    }
}
