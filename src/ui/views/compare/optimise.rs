//! Optimising under a budget from the comparison page: the settings, the run in the engine's
//! worker with its progress and cancel, and the answer with what was proven.

use crate::core::command::Command;
use crate::core::format::money_compact;
use crate::core::ids::PlacementId;
use crate::core::jobs::Job;
use crate::core::money::Money;
use crate::core::settings::SelectionSettings;
use crate::ui::engine::JobState;
use crate::ui::i18n::{reason, t, Key};
use crate::ui::labels::item_name;
use crate::ui::labels::target_label;
use crate::ui::session::{use_session, Session};
use yew::prelude::*;

/// The optimiser: a budget, the class rule, fairness; makes a new scenario and explains.
#[component]
pub fn OptimisePanel() -> Html {
    let app = use_session();
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
                running.set(Some((id, JobState::default())));
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
pub(super) fn optimise(
    app: &Session,
    fair: bool,
    running: UseStateSetter<Option<(u64, JobState)>>,
) -> u64 {
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
            app.optimise_into_scenario(r, name.clone(), scenario.id);
        }
    });
    let job = crate::ui::engine::run(&plan, Job::Optimise(settings), on);
    id.set(job);
    job
}

pub(super) fn report(app: &Session, r: &crate::core::select::SelectionReport) -> Html {
    let lang = app.lang();
    let plan = app.state().plan.0.clone();
    let catalog = crate::ui::computed::catalog_of(&plan);
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
            <p class="explain">{ crate::ui::i18n::class_rule_effect(lang, &with, rule.value_with as f64 / 100.0, rule.value_without as f64 / 100.0) }</p>
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
