//! The live summary panel: totals by class, cost per household and per m², who pays, the items
//! with the highest priority, and how the plan compares with programme figures. Recomputed
//! only when the plan changes (shared with the properties panel).

use crate::core::catalog::Class;
use crate::core::format::{money_compact, money_exact};
use crate::core::funding_source::FundingSource;
use crate::core::yardstick::YARDSTICKS;
use crate::ui::computed::use_computed;
use crate::ui::i18n::{class_name, t, Key};
use crate::ui::labels::source_name;
use crate::ui::labels::{class_css, item_name};
use crate::ui::session::use_session;
use crate::ui::state::Sel;
use yew::prelude::*;

/// The summary panel.
#[component]
pub fn Summary() -> Html {
    let app = use_session();
    let lang = app.lang();
    let computed = use_computed();
    let plan = &app.state().plan.0;
    let c = &plan.community;
    let stairwells: usize = c.buildings.iter().map(|b| b.stairwells.len()).sum();
    let facts = html! {
        <dl class="facts">
            <div><dt>{ t(lang, Key::Buildings) }</dt><dd>{ c.buildings.len() }</dd></div>
            <div><dt>{ t(lang, Key::Stairwells) }</dt><dd>{ stairwells }</dd></div>
            <div><dt>{ t(lang, Key::Households) }</dt><dd>{ c.household_count() }</dd></div>
        </dl>
    };
    let colon = crate::ui::i18n::colon(lang);
    let Some(ev) = computed.eval.as_ref() else {
        return html! { <section class="summary"><h2>{ t(lang, Key::Summary) }</h2>{ facts }</section> };
    };
    let costs = &ev.costs;
    let total = costs.total.likely.0.max(1) as f64;
    let classes = Class::ALL.iter().map(|&class| {
        let v = costs.by_class[class.index()].likely;
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
        .map(|&s| html! {
            <li><span>{ source_name(lang, s) }</span><span class="amount">{ money_compact(ev.funding.by_source[s.index()], lang) }</span></li>
        });
    let gap = (ev.funding.gap.0 != 0).then(|| html! {
        <li class="gap"><span>{ t(lang, Key::FundingGap) }</span><span class="amount">{ money_compact(ev.funding.gap, lang) }</span></li>
    });
    let top = computed.priorities.as_ref().map(|pr| {
        let mut items: Vec<_> = pr.items.iter().collect();
        crate::core::sort::sort_by(&mut items, &|a, b| b.score.total_cmp(&a.score));
        let rows = items.into_iter().take(5).filter_map(|sc| {
            let p = plan.scenario().items.iter().find(|p| p.id == sc.placement)?;
            let id = p.id;
            let app = app.clone();
            let target = crate::ui::labels::target_label(plan, p.target, lang);
            Some(html! {
                <li key={id.0}>
                    <button type="button" class="link" onclick={Callback::from(move |_| app.select(vec![Sel::Placement(id)]))}>
                        { format!("{} · {}", item_name(&computed.catalog, &p.item, lang), target) }
                    </button>
                    <span class="amount">{ format!("{:.1}", sc.score) }</span>
                </li>
            })
        });
        html! { <ol class="top">{ for rows }</ol> }
    });
    let yard = ev.yardsticks.iter().zip(YARDSTICKS.iter()).take(4).map(|(cmp, y)| {
        html! {
            <li><span>{ crate::ui::i18n::yardstick_name(lang, y) }</span><span class="amount">{ format!("{} ({:.1}×)", money_exact(cmp.yardstick), cmp.ratio_permille as f64 / 1000.0) }</span></li>
        }
    });
    html! {
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{ t(lang, Key::Summary) }</h2>
            <p class="scenario-name">{ format!("{}{colon}{}", t(lang, Key::Scenario), plan.scenario().name) }</p>
            { facts }
            <div class="headline">
                <div class="big" data-testid="total-likely">{ money_compact(costs.total.likely, lang) }</div>
                <div class="label">{ t(lang, Key::TotalCost) }</div>
                <div class="range">{ format!("{} {} – {}", t(lang, Key::CostRange), money_compact(costs.total.low, lang), money_compact(costs.total.high, lang)) }</div>
            </div>
            <dl class="facts">
                <div><dt>{ t(lang, Key::PerHousehold) }</dt><dd data-testid="per-household">{ money_exact(costs.per_household.likely) }</dd></div>
                <div><dt>{ t(lang, Key::PerSquareMetre) }</dt><dd>{ money_exact(costs.per_m2.likely) }</dd></div>
                <div><dt>{ t(lang, Key::ItemsPlaced) }</dt><dd data-testid="items-placed">{ costs.lines.len() }</dd></div>
            </dl>
            <h3>{ t(lang, Key::ByClass) }</h3>
            <ul class="classes">{ for classes }</ul>
            <h3>{ t(lang, Key::FundingBySource) }</h3>
            <ul class="sources">{ for sources }{ for gap }</ul>
            <h3>{ t(lang, Key::TopPriorities) }</h3>
            { for top }
            <h3>{ t(lang, Key::Yardsticks) }</h3>
            <ul class="sources">{ for yard }</ul>
        </section>
    }
}
