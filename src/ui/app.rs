//! The app shell: header with the name and the language switch, the site plan and the summary.
//! Effects at the edge (remembering the language, the page's `lang` and title) live here.

use super::i18n::{t, Key, Lang};
use super::site_plan::SitePlan;
use super::state::{use_app, AppContext, AppState};
use super::storage;
use super::summary::Summary;
use yew::prelude::*;

/// The language switch: two buttons, the current one pressed.
#[component]
pub fn LangSwitch() -> Html {
    let app = use_app();
    let current = app.lang();
    let button = |lang: Lang, label: &'static str| {
        let app = app.clone();
        let onclick = Callback::from(move |_| app.set_lang(lang));
        html! {
            <button type="button" lang={lang.tag()} aria-pressed={(lang == current).to_string()} {onclick}>{ label }</button>
        }
    };
    html! {
        <div class="lang-switch" role="group" aria-label={t(current, Key::Language)}>
            { button(Lang::Zh, "中文") }
            { button(Lang::En, "English") }
        </div>
    }
}

/// The header.
#[component]
pub fn Header() -> Html {
    let app = use_app();
    let lang = app.lang();
    let s = app.state();
    html! {
        <header class="app-header">
            <div class="title">
                <h1>{ t(lang, Key::AppTitle) }</h1>
                <p class="tagline">{ t(lang, Key::AppTagline) }</p>
            </div>
            <div class="community">
                <span class="community-name">{ s.plan.0.community.name.clone() }</span>
                if s.is_demo {
                    <span class="badge">{ t(lang, Key::DemoBadge) }</span>
                }
            </div>
            <LangSwitch />
        </header>
    }
}

/// The page body under the header.
#[component]
pub fn Workspace() -> Html {
    let app = use_app();
    let s = app.state();
    html! {
        <main class="workspace">
            <div class="plan-pane">
                <SitePlan plan={s.plan.clone()} lang={s.lang} />
            </div>
            <aside class="side-pane">
                <Summary plan={s.plan.clone()} lang={s.lang} />
            </aside>
        </main>
    }
}

/// The root component.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState::new(storage::initial_lang()));
    let lang = state.lang;
    use_effect_with(lang, |&lang| {
        storage::save_lang(lang);
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(t(lang, Key::AppTitle));
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang.tag());
            }
        }
    });
    html! {
        <ContextProvider<AppContext> context={state}>
            <Header />
            <Workspace />
        </ContextProvider<AppContext>>
    }
}
