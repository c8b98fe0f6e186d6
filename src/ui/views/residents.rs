//! Residents' voice: survey tallies per item (typed in, or imported from a CSV with a preview
//! and an error for each bad row), and owners' votes household by household on a stairwell
//! grid, with the consent status of each matter.

use crate::core::catalog::Catalog;
use crate::core::command::Command;
use crate::core::consent::electorate;
use crate::core::csv::{read_tallies, TallyImport};
use crate::core::ids::PlacementId;
use crate::core::plan::Vote;
use crate::core::settings::SurveyTally;
use crate::core::site::Household;
use crate::ui::components::fields::{parse_number, Field};
use crate::ui::computed::use_computed;
use crate::ui::i18n::{t, Key, Lang};
use crate::ui::labels::item_name;
use crate::ui::labels::status_text;
use crate::ui::labels::target_label;
use crate::ui::session::{use_session, Session};

use std::rc::Rc;
use yew::prelude::*;

/// The parts of the residents page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// What my household pays (first: what residents come for).
    MyShare,
    /// Matters, survey tallies and the household-by-household votes.
    Votes,
    /// Importing survey tallies from a spreadsheet.
    Import,
}

/// The residents page: "what my household pays" first, the committee's vote grid and the
/// survey import on their own tabs (so that a resident on a phone neither scrolls past nor
/// presses 160 vote buttons by accident).
#[component]
pub fn ResidentsView() -> Html {
    let app = use_session();
    let lang = app.lang();
    let part = use_state(|| Part::MyShare);
    let tab = |p: Part, label: &'static str| {
        let part = part.clone();
        let selected = *part == p;
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()} aria-controls="residents-part"
                onclick={Callback::from(move |_| part.set(p))}>{ label }</button>
        }
    };
    let body = match *part {
        Part::MyShare => {
            html! { <section class="pane"><crate::ui::views::my_share::MyShare /></section> }
        }
        Part::Votes => html! { <VotesPart /> },
        Part::Import => html! { <section class="pane"><CsvImport /></section> },
    };
    html! {
        <div class="residents">
            <h2 class="visually-hidden">{ t(lang, Key::Residents) }</h2>
            <div class="subtabs" role="tablist" aria-label={t(lang, Key::Residents)}>
                { tab(Part::MyShare, t(lang, Key::WhatMyHouseholdPays)) }
                { tab(Part::Votes, t(lang, Key::VotesAndSurvey)) }
                { tab(Part::Import, t(lang, Key::ImportTallies)) }
            </div>
            <div id="residents-part" class="page residents-page" role="tabpanel">{ body }</div>
        </div>
    }
}

/// The matters, each with its survey tallies and its household-by-household votes.
#[component]
fn VotesPart() -> Html {
    let app = use_session();
    let lang = app.lang();
    let plan = app.state().plan.0.clone();
    let computed = use_computed();
    let items = &plan.scenario().items;
    let chosen = use_state(|| items.first().map(|p| p.id));
    let chosen_id = chosen
        .filter(|id| items.iter().any(|p| p.id == *id))
        .or(items.first().map(|p| p.id));
    let list = items.iter().map(|p| {
        let id = p.id;
        let sel = chosen.clone();
        let status = computed
            .eval
            .as_ref()
            .and_then(|e| e.consent.iter().find(|c| c.placement == id))
            .map(|c| status_text(lang, c.result.status))
            .unwrap_or_default();
        html! {
            <li key={id.0}>
                <button type="button" class={classes!("matter", (Some(id) == chosen_id).then_some("active"))} aria-pressed={(Some(id) == chosen_id).to_string()}
                    onclick={Callback::from(move |_| sel.set(Some(id)))}>
                    <span>{ format!("{} · {}", item_name(&computed.catalog, &p.item, lang), target_label(&plan, p.target, lang)) }</span>
                    <span class="status">{ status }</span>
                </button>
            </li>
        }
    });
    let detail = chosen_id.map(|id| matter(&app, &computed.catalog, id));
    html! {
        <>
            <section class="pane">
                <h3>{ t(lang, Key::Matters) }</h3>
                <ul class="matters">{ for list }</ul>
            </section>
            <section class="pane">{ for detail }</section>
        </>
    }
}

fn matter(app: &Session, catalog: &Catalog, id: PlacementId) -> Html {
    let lang = app.lang();
    let plan = app.state().plan.0.clone();
    let Some(p) = plan.scenario().items.iter().find(|p| p.id == id) else {
        return html! {};
    };
    let Some(item) = catalog.get(&p.item) else {
        return html! {};
    };
    let key = p.matter_key();
    let tally = plan.tallies.get(&key).copied().unwrap_or_default();
    // A survey has at most one answer per household.
    let households = plan.community.household_count() as f64;
    let field = |label: Key, value: u32, set: fn(&mut SurveyTally, u32)| {
        let app = app.clone();
        let key = key.clone();
        let on_commit = Callback::from(move |v: String| {
            let mut t = app
                .state()
                .plan
                .0
                .tallies
                .get(&key)
                .copied()
                .unwrap_or_default();
            let n = app.state().plan.0.community.household_count() as f64;
            match parse_number(&v, 0.0, n) {
                Some(x) => set(&mut t, x.round() as u32),
                None => return,
            }
            app.edit(Command::SetTallies {
                tallies: vec![(key.clone(), Some(t))],
            });
        });
        html! { <Field id={format!("tally-{}", t(Lang::En, label).to_lowercase().replace(' ', "-"))} label={t(lang, label)} value={AttrValue::from(value.to_string())} range={Some((0.0, households))} decimal=true error={t(lang, Key::Invalid)} {on_commit} /> }
    };
    let voters = electorate(&plan.community, p.target, item.consent.scope);
    let votes = plan.votes.get(&key);
    let vote_of = |h: &Household| votes.and_then(|v| v.get(&h.id)).copied();
    // Households grouped by stairwell, top floor first.
    let mut groups: Vec<(String, Vec<&Household>)> = Vec::new();
    for b in &plan.community.buildings {
        for s in &b.stairwells {
            let hh: Vec<&Household> = voters
                .iter()
                .copied()
                .filter(|h| s.households.iter().any(|x| x.id == h.id))
                .collect();
            if !hh.is_empty() {
                groups.push((
                    crate::core::format::stairwell_label(&b.name, &s.name, lang),
                    hh,
                ));
            }
        }
    }
    let grid = groups.iter().map(|(name, hh)| {
        let top = hh.iter().map(|h| h.floor).max().unwrap_or(1);
        let rows = (1..=top).rev().map(|f| {
            let cells = hh.iter().filter(|h| h.floor == f).map(|h| {
                let v = vote_of(h);
                let next = match v {
                    None => Some(Vote::Agree),
                    Some(Vote::Agree) => Some(Vote::Object),
                    Some(Vote::Object) => Some(Vote::Abstain),
                    Some(Vote::Abstain) => None,
                };
                let (cls, word) = match v {
                    None => ("none", t(lang, Key::NotVoted)),
                    Some(Vote::Agree) => ("agree", t(lang, Key::VoteAgree)),
                    Some(Vote::Object) => ("object", t(lang, Key::Object)),
                    Some(Vote::Abstain) => ("abstain", t(lang, Key::Abstain)),
                };
                let app = app.clone();
                let key = key.clone();
                let hid = h.id;
                html! {
                    <button type="button" class={classes!("vote", cls)} aria-label={format!("{} {} {word}", name, h.room)} title={word}
                        onclick={Callback::from(move |_| app.edit(Command::SetVote { matter: key.clone(), household: hid, vote: next }))}>
                        { h.room.clone() }
                    </button>
                }
            });
            html! { <div class="vote-row">{ for cells }</div> }
        });
        html! { <div class="vote-stair"><h4>{ name.clone() }</h4>{ for rows }</div> }
    });
    let result =
        crate::core::consent::check(&voters, votes, item.consent.scope, item.consent.matter);
    let summary = crate::ui::i18n::vote_tally(lang, &result);
    let rule = match item.consent.matter {
        crate::core::catalog::Matter::Major => t(lang, Key::MajorMatter23Take),
        crate::core::catalog::Matter::Ordinary => t(lang, Key::OrdinaryMatter23Take),
    };
    html! {
        <div key={key.clone()}>
            <h3>{ format!("{} · {}", item.name(lang), target_label(&plan, p.target, lang)) }</h3>
            <h4>{ t(lang, Key::SurveyTallies) }</h4>
            <div class="tally">
                { field(Key::Support, tally.support, |t, v| t.support = v) }
                { field(Key::Oppose, tally.oppose, |t, v| t.oppose = v) }
                { field(Key::NoView, tally.no_view, |t, v| t.no_view = v) }
            </div>
            <h4>{ t(lang, Key::Votes) }</h4>
            <p class={classes!("consent", if result.passed() { "ok" } else { "pending" })} data-testid="consent-status">{ status_text(lang, result.status) }</p>
            <p class="explain">{ summary }</p>
            { crate::ui::components::properties::consent_table(&result, lang) }
            <p class="explain">{ rule }</p>
            <p class="hint">{ t(lang, Key::VoteHint) }</p>
            <div class="vote-grid">{ for grid }</div>
        </div>
    }
}

/// CSV import of survey tallies with a preview: UTF-8 (with or without a byte-order mark) or
/// GB18030/GBK as Excel on a Chinese Windows saves it; comma, tab or semicolon separated; the
/// header row shown; each bad row with its reason; afterwards how many rows went in.
#[component]
pub fn CsvImport() -> Html {
    let app = use_session();
    let lang = app.lang();
    let import = use_state(|| None::<Rc<TallyImport>>);
    let error = use_state(|| None::<String>);
    let done = use_state(|| None::<(usize, usize)>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let onchange = {
        let app = app.clone();
        let import = import.clone();
        let error = error.clone();
        let done = done.clone();
        Callback::from(move |e: Event| {
            let Some(file) = crate::ui::files::picked_file(&e) else {
                return;
            };
            let app = app.clone();
            let import = import.clone();
            let error = error.clone();
            let done = done.clone();
            let task = gloo::file::callbacks::read_as_bytes(&file, move |r| {
                done.set(None);
                match r.ok().and_then(|b| crate::ui::files::decode_text(&b)) {
                    Some(text) => {
                        error.set(None);
                        import.set(Some(Rc::new(read_tallies(&app.state().plan.0, &text))));
                    }
                    None => {
                        import.set(None);
                        error.set(Some(t(app.lang(), Key::CsvUnreadable).to_string()));
                    }
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let apply = {
        let app = app.clone();
        let import = import.clone();
        let done = done.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(r) = (*import).clone() {
                let good: Vec<(String, Option<SurveyTally>)> = r
                    .rows
                    .iter()
                    .filter_map(|x| x.result.as_ref().ok())
                    .map(|(k, t)| (k.clone(), Some(*t)))
                    .collect();
                if !good.is_empty() {
                    app.edit(Command::SetTallies { tallies: good });
                }
                done.set(Some(r.counts()));
                import.set(None);
            }
        })
    };
    let preview = (*import).clone().map(|r| {
        let (ok, bad) = r.counts();
        let head = r.header.as_ref().map(|h| {
            let cells = h.iter().take(5).map(|c| html! { <th scope="col">{ c.clone() }</th> });
            html! { <thead><tr><th scope="col">{ t(lang, Key::Row) }</th>{ for cells }<th scope="col">{ t(lang, Key::RowStatus) }</th></tr></thead> }
        });
        let trs = r.rows.iter().map(|x| {
            let status = match &x.result {
                Ok(_) => html! { <td class="ok">{ t(lang, Key::RowsOk) }</td> },
                Err(e) => html! { <td class="bad" data-testid="row-error">{ crate::ui::i18n::row_problem(lang, e) }</td> },
            };
            let cells = x.cells.iter().take(5).map(|c| html! { <td>{ c.clone() }</td> });
            html! { <tr><td>{ x.line }</td>{ for cells }{ status }</tr> }
        });
        html! {
            <>
                <h4>{ t(lang, Key::ImportPreview) }</h4>
                <p class="explain" data-testid="csv-counts">{ crate::ui::i18n::rows_found(lang, ok, bad) }</p>
                <div class="table-wrap"><table class="preview">{ for head }<tbody>{ for trs }</tbody></table></div>
                <button type="button" class="primary" onclick={apply} disabled={ok == 0}>{ format!("{} ({ok})", t(lang, Key::ApplyRows)) }</button>
            </>
        }
    });
    let result = (*done).map(|(ok, bad)| {
        html! { <p class="message" role="status" data-testid="csv-imported">{ crate::ui::i18n::rows_imported(lang, ok, bad) }</p> }
    });
    html! {
        <div class="csv-import">
            <h3>{ t(lang, Key::ImportTallies) }</h3>
            <p class="hint">{ t(lang, Key::CsvHelp) }</p>
            <label class="button file-button">
                { t(lang, Key::ImportTallies) }
                <input type="file" accept=".csv,.txt,text/csv,text/plain" class="visually-hidden" {onchange} data-testid="csv-input" />
            </label>
            if let Some(e) = (*error).clone() { <p class="error" role="alert">{ e }</p> }
            { for result }
            { for preview }
        </div>
    }
}
