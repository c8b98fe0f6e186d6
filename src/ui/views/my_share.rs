//! "What does my household pay, and why?": a resident picks their stairwell and door, and sees
//! their total for the current scenario with every item's share worked out (the same core
//! evaluation and explanations as the public-notice report).

use crate::core::explain;
use crate::core::format::money_exact;
use crate::core::ids::{HouseholdId, StairwellId};
use crate::ui::computed::use_computed;
use crate::ui::i18n::{t, Key};
use crate::ui::labels::item_name;
use crate::ui::labels::target_label;
use crate::ui::session::use_session;

use wasm_bindgen::JsCast;
use yew::prelude::*;

fn selected_value(e: &Event) -> Option<u32> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .and_then(|s| s.value().parse().ok())
}

/// The lookup: stairwell, then door; the household's total and its working.
#[component]
pub fn MyShare() -> Html {
    let app = use_session();
    let lang = app.lang();
    let plan = app.state().plan.0.clone();
    let computed = use_computed();
    let stairwell = use_state(|| None::<StairwellId>);
    let household = use_state(|| None::<HouseholdId>);
    let c = &plan.community;
    let stairwells: Vec<_> = c
        .buildings
        .iter()
        .flat_map(|b| b.stairwells.iter().map(move |s| (b, s)))
        .collect();
    // The chosen stairwell, if it still exists; else the first one.
    let st = stairwell
        .and_then(|id| c.stairwell(id))
        .or(stairwells.first().copied());
    let Some((b, s)) = st else {
        return html! {};
    };
    let hh = household
        .and_then(|id| s.households.iter().find(|h| h.id == id))
        .or(s.households.first());
    let on_stairwell = {
        let (stairwell, household) = (stairwell.clone(), household.clone());
        Callback::from(move |e: Event| {
            if let Some(v) = selected_value(&e) {
                stairwell.set(Some(StairwellId(v)));
                household.set(None);
            }
        })
    };
    let on_household = {
        let household = household.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = selected_value(&e) {
                household.set(Some(HouseholdId(v)));
            }
        })
    };
    let st_options = stairwells.iter().map(|(ob, os)| {
        html! { <option key={os.id.0} value={os.id.0.to_string()} selected={os.id == s.id}>{ crate::core::format::stairwell_label(&ob.name, &os.name, lang) }</option> }
    });
    let hh_options = s.households.iter().map(|h| {
        let label = crate::ui::i18n::room_on_floor(lang, &h.room, h.floor);
        html! { <option key={h.id.0} value={h.id.0.to_string()} selected={Some(h.id) == hh.map(|x| x.id)}>{ label }</option> }
    });
    let result = match (computed.eval.as_ref(), hh) {
        (Some(ev), Some(h)) => {
            let place = crate::core::format::stairwell_label(&b.name, &s.name, lang);
            let who = crate::ui::i18n::household_at(lang, &place, &h.room);
            let colon = crate::ui::i18n::colon(lang);
            match ev.funding.households.iter().find(|x| x.household == h.id) {
                None => html! {
                    <div class="my-share-result">
                        <p class="my-share-total" data-testid="my-share-total">{ format!("{who}{colon}{}", money_exact(crate::core::money::Money::ZERO)) }</p>
                        <p class="hint">{ t(lang, Key::ThisScenarioAsksNothingOf) }</p>
                    </div>
                },
                Some(burden) => {
                    let lines = burden.lines.iter().map(|l| {
                        let placement = plan.scenario().items.iter().find(|p| p.id == l.placement);
                        let target = placement
                            .map(|p| target_label(&plan, p.target, lang))
                            .unwrap_or_default();
                        let item = placement.map(|p| item_name(&computed.catalog, &p.item, lang)).unwrap_or_default();
                        // Whether the owners' vote on this item has passed: a share is only
                        // due once it has.
                        let vote = ev.consent.iter().find(|c| c.placement == l.placement).map(|c| {
                            let ok = c.result.passed();
                            html! {
                                <p class={classes!("vote-status", if ok { "ok" } else { "pending" })} data-testid="my-share-vote">
                                    { format!("{}{}", t(lang, Key::OwnersVote), crate::ui::labels::status_text(lang, c.result.status)) }
                                </p>
                            }
                        });
                        html! {
                            <li data-testid="my-share-line">
                                <div class="my-share-line-head">
                                    <span>{ format!("{item} · {target}") }</span>
                                    <strong class="num">{ money_exact(l.amount) }</strong>
                                </div>
                                { for vote }
                                <p class="explain">{ explain::burden_line(l, lang) }</p>
                            </li>
                        }
                    });
                    html! {
                        <div class="my-share-result">
                            <p class="my-share-total" data-testid="my-share-total">{ format!("{who}{colon}{}", money_exact(burden.total)) }</p>
                            <ul class="my-share-lines">{ for lines }</ul>
                            <p class="explain" data-testid="my-share-sum">{ format!("{}{}", t(lang, Key::TotalColon), explain::household_total(burden, lang)) }</p>
                        </div>
                    }
                }
            }
        }
        _ => html! {},
    };
    html! {
        <div class="my-share" data-testid="my-share">
            <h2>{ t(lang, Key::WhatMyHouseholdPays) }</h2>
            <p class="hint">{ t(lang, Key::PickTheStairwellAndThe) }</p>
            <div class="my-share-pick">
                <label>
                    <span>{ t(lang, Key::Stairwell) }</span>
                    <select onchange={on_stairwell} data-testid="my-share-stairwell">{ for st_options }</select>
                </label>
                <label>
                    <span>{ t(lang, Key::Door) }</span>
                    <select onchange={on_household} data-testid="my-share-household">{ for hh_options }</select>
                </label>
            </div>
            { result }
        </div>
    }
}
