//! The scenario bar (choose, create, duplicate, rename, delete scenarios) and the page
//! navigation (plan, compare, residents, annual plan).

use crate::core::command::Command;
use crate::core::ids::ScenarioId;
use crate::ui::components::fields::Field;
use crate::ui::i18n::{t, Key};
use crate::ui::session::use_session;
use crate::ui::state::Page;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Tabs for the pages.
#[component]
pub fn PageNav() -> Html {
    let app = use_session();
    let lang = app.lang();
    let current = app.state().page;
    let tab = |p: Page, key: Key| {
        let app = app.clone();
        html! {
            <button type="button" role="tab" aria-selected={(current == p).to_string()}
                onclick={Callback::from(move |_| app.go(p))}>{ t(lang, key) }</button>
        }
    };
    html! {
        <nav class="page-nav" role="tablist" aria-label={t(lang, Key::Pages)}>
            { tab(Page::Plan, Key::PagePlan) }
            { tab(Page::Compare, Key::PageCompare) }
            { tab(Page::Residents, Key::PageResidents) }
            { tab(Page::Annual, Key::PageAnnual) }
            { tab(Page::Projects, Key::PageProjects) }
        </nav>
    }
}

/// Choose and manage scenarios.
#[component]
pub fn ScenarioBar() -> Html {
    let app = use_session();
    let lang = app.lang();
    let plan = app.state().plan.0.clone();
    let current = plan.current_scenario;
    let renaming = use_state(|| false);
    let onchange = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                if let Ok(id) = sel.value().parse::<u32>() {
                    app.edit(Command::SetScenario { id: ScenarioId(id) });
                }
            }
        })
    };
    let new = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.edit(Command::AddScenario {
                name: t(app.lang(), Key::NewScenarioName).to_string(),
                from: None,
                keep: None,
            })
        })
    };
    let dup = {
        let app = app.clone();
        let name = plan.scenario().name.clone();
        Callback::from(move |_: MouseEvent| {
            let n = format!("{name}{}", t(app.lang(), Key::CopyOf));
            app.edit(Command::AddScenario {
                name: n,
                from: Some(current),
                keep: None,
            })
        })
    };
    // Deleting asks first, on the page (not a browser pop-up, which phones and in-app
    // browsers show badly or not at all).
    let confirming = use_state(|| false);
    let del = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let confirm = (*confirming).then(|| {
        let yes = {
            let app = app.clone();
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| {
                confirming.set(false);
                app.edit(Command::DeleteScenario { id: current });
            })
        };
        let no = {
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(false))
        };
        html! {
            <div class="confirm" role="alertdialog" aria-label={t(lang, Key::DeleteScenario)}>
                <span>{ format!("{} «{}»", t(lang, Key::ConfirmDeleteScenario), plan.scenario().name) }</span>
                <button type="button" class="danger" onclick={yes} data-testid="confirm-delete-scenario">{ t(lang, Key::ConfirmDelete) }</button>
                <button type="button" onclick={no}>{ t(lang, Key::Cancel) }</button>
            </div>
        }
    });
    let toggle = {
        let renaming = renaming.clone();
        Callback::from(move |_: MouseEvent| renaming.set(!*renaming))
    };
    let rename = {
        let app = app.clone();
        let renaming = renaming.clone();
        Callback::from(move |name: String| {
            app.edit(Command::RenameScenario { id: current, name });
            renaming.set(false);
        })
    };
    let options = plan.scenarios.iter().map(|s| {
        html! { <option key={s.id.0} value={s.id.0.to_string()} selected={s.id == current}>{ s.name.clone() }</option> }
    });
    html! {
        <div class="scenario-bar">
            <label class="scenario-select">
                <span>{ t(lang, Key::Scenarios) }</span>
                <select {onchange} aria-label={t(lang, Key::Scenarios)} data-testid="scenario-select">{ for options }</select>
            </label>
            <button type="button" onclick={new}>{ t(lang, Key::NewScenario) }</button>
            <button type="button" onclick={dup}>{ t(lang, Key::DuplicateScenario) }</button>
            <button type="button" aria-expanded={(*renaming).to_string()} onclick={toggle}>{ t(lang, Key::RenameScenario) }</button>
            <button type="button" class="danger" onclick={del} disabled={plan.scenarios.len() <= 1}>{ t(lang, Key::DeleteScenario) }</button>
            { for confirm }
            <div class="rename" hidden={!*renaming}>
                <Field id="scenario-name" label={t(lang, Key::Name)} value={AttrValue::from(plan.scenario().name.clone())} error={t(lang, Key::Invalid)} on_commit={rename} />
            </div>
        </div>
    }
}
