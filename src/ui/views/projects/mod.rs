//! Projects and files: the projects saved in this browser (open, rename, duplicate, delete),
//! new plans, plan files (export, import as a new project, refused with the field at fault),
//! share links (the plan in the URL fragment), and the offer to import a plan that arrived in
//! a link. Nothing here overwrites work: an import or a link always becomes a new project, the
//! plan on screen is saved before another replaces it, and a deletion asks first. Every change
//! goes through the session's intents (`ui::session`).
//!
//! - `list`: the saved projects, one row each, and a project that could not be opened;
//! - `files`: export and import of plan files;
//! - `link`: share links, and the offer for a plan that arrived in one.

pub mod files;
pub mod link;
pub mod list;

use crate::core::plan::Plan;
use crate::ui::i18n::{t, Key};
use crate::ui::session::use_session;
use crate::ui::state::Page;
use crate::ui::storage::request_persistence;
use yew::prelude::*;

pub use link::LinkOffer;

/// Whether the browser keeps our storage when space runs short, and the request to.
#[component]
fn KeepStorage() -> Html {
    let lang = use_session().lang();
    let persisted = use_state(|| None::<bool>);
    {
        let persisted = persisted.clone();
        use_effect_with((), move |_| {
            if let Some(sm) = web_sys::window().map(|w| w.navigator().storage()) {
                if let Ok(p) = sm.persisted() {
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Ok(v) = wasm_bindgen_futures::JsFuture::from(p).await {
                            persisted.set(v.as_bool());
                        }
                    });
                }
            }
        });
    }
    let ask = {
        let persisted = persisted.clone();
        Callback::from(move |_: MouseEvent| {
            let persisted = persisted.clone();
            request_persistence(move |v| persisted.set(Some(v)));
        })
    };
    match *persisted {
        Some(true) => html! { <p class="ok">{ t(lang, Key::TheBrowserHasAgreedTo) }</p> },
        _ => html! {
            <p class="hint">
                { t(lang, Key::WhenSpaceRunsShortA) }
                <button type="button" class="link" onclick={ask}>{ t(lang, Key::AskToKeepIt) }</button>
                { t(lang, Key::ExportImportantPlansAsFiles) }
            </p>
        },
    }
}

/// The projects and files page.
#[component]
pub fn ProjectsView() -> Html {
    let app = use_session();
    let lang = app.lang();
    let message = use_state(|| None::<String>);
    let on_message = {
        let message = message.clone();
        Callback::from(move |m: Option<String>| message.set(m))
    };
    let new_blank = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let lang = app.lang();
            app.new_blank(Plan::blank(
                t(lang, Key::NewCommunity),
                t(lang, Key::Scenario1),
            ));
        })
    };
    let new_demo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.new_demo())
    };
    let to_report = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.go(Page::Report))
    };
    html! {
        <section class="projects-page pane" aria-labelledby="projects-title">
            <h2 id="projects-title">{ t(lang, Key::PageProjects) }</h2>
            if let Some(m) = (*message).clone() { <p class="message messages" role="status" data-testid="projects-message">{ m }</p> }
            <div class="page-grid">
                <section>
                    <h3>{ t(lang, Key::ProjectsSavedInThisBrowser) }</h3>
                    <list::ProjectList on_message={on_message.clone()} />
                    <div class="row">
                        <button type="button" onclick={new_blank} data-testid="new-blank">{ t(lang, Key::NewBlankCommunity) }</button>
                        <button type="button" onclick={new_demo}>{ t(lang, Key::OpenTheDemoCommunity) }</button>
                    </div>
                    <KeepStorage />
                </section>
                <section>
                    <h3>{ t(lang, Key::PlanFiles) }</h3>
                    <p class="hint">{ t(lang, Key::PlanFilesHint) }</p>
                    <files::PlanFiles {on_message} />
                    <h3>{ t(lang, Key::ShareLink) }</h3>
                    <link::ShareLink />
                    <h3>{ t(lang, Key::PublicNoticeReport) }</h3>
                    <p class="hint">{ t(lang, Key::PrintItOrSaveIt) }</p>
                    <button type="button" class="primary" onclick={to_report}>{ t(lang, Key::OpenTheReport) }</button>
                </section>
            </div>
        </section>
    }
}
