//! The app shell: header with the name and the language switch; the catalog palette, the
//! site-plan editor, and the properties and summary panels (tabs on phones); messages; global
//! keyboard shortcuts. Effects at the edge (remembering the language, the page's `lang` and
//! title, window key listeners) live here.

use super::editor::PlanEditor;
use super::i18n::{t, Key, Lang};
use super::palette::{refusal_text, Palette};
use super::properties::{use_compute, ComputedRef, Properties};
use super::state::{use_app, AppContext, AppState, Notice};
use super::storage;
use super::summary::Summary;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
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

/// A message, shown until dismissed or replaced.
#[component]
pub fn NoticeBar() -> Html {
    let app = use_app();
    let lang = app.lang();
    let Some((notice, n)) = app.state().notice.clone() else {
        return html! { <div class="notice-slot" aria-live="polite"></div> };
    };
    let text = match &notice {
        Notice::Refused(e) => refusal_text(&app, e),
        Notice::NothingToUndo => t(lang, Key::NothingToUndo).to_string(),
        Notice::SelectTargetFirst => t(lang, Key::SelectTargetFirst).to_string(),
        Notice::BadPicture => t(lang, Key::BadPicture).to_string(),
    };
    let close = {
        let app = app.clone();
        Callback::from(move |_| app.dismiss())
    };
    html! {
        <div class="notice-slot" aria-live="polite">
            <div class="notice" role="alert" key={n}>
                <span data-testid="notice">{ text }</span>
                <button type="button" aria-label={t(lang, Key::Close)} onclick={close}>{ "✕" }</button>
            </div>
        </div>
    }
}

/// Which panel a phone shows under the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Panel {
    Catalog,
    Properties,
    Summary,
}

/// The page body under the header.
#[component]
pub fn Workspace() -> Html {
    let app = use_app();
    let lang = app.lang();
    let panel = use_state(|| Panel::Catalog);
    let computed = use_compute(app.state().plan.clone());
    // A new selection brings its properties forward on phones.
    {
        let panel = panel.clone();
        let sel = app.state().selection.clone();
        use_effect_with(sel, move |sel| {
            if !sel.is_empty() {
                panel.set(Panel::Properties);
            }
        });
    }
    let tab = |p: Panel, key: Key| {
        let panel = panel.clone();
        let selected = *panel == p;
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()} onclick={Callback::from(move |_| panel.set(p))}>{ t(lang, key) }</button>
        }
    };
    let active = |p: Panel| (*panel == p).then_some("active");
    html! {
        <ContextProvider<ComputedRef> context={computed}>
            <main class="workspace">
                <aside class={classes!("left-pane", "pane", active(Panel::Catalog))}><Palette /></aside>
                <div class="plan-pane"><PlanEditor /></div>
                <div class="tabs" role="tablist" aria-label={t(lang, Key::Properties)}>
                    { tab(Panel::Catalog, Key::Catalog) }
                    { tab(Panel::Properties, Key::Properties) }
                    { tab(Panel::Summary, Key::Summary) }
                </div>
                <aside class="right-pane">
                    <div class={classes!("pane", active(Panel::Properties))}><Properties /></div>
                    <div class={classes!("pane", active(Panel::Summary))}><Summary /></div>
                </aside>
            </main>
            <NoticeBar />
        </ContextProvider<ComputedRef>>
    }
}

/// Global shortcuts: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo (not while typing).
#[component]
pub fn Shortcuts() -> Html {
    let app = use_app();
    let handle = use_mut_ref(|| None::<AppContextHandle>);
    *handle.borrow_mut() = Some(AppContextHandle(app.clone()));
    use_effect_with((), move |_| {
        // Not passive (gloo's default): the shortcuts prevent the browser's own action.
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let listener =
            EventListener::new_with_options(&gloo::utils::window(), "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let typing = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    });
                if typing {
                    return;
                }
                // "/" searches the catalog (as on many sites).
                if e.key() == "/" && !e.ctrl_key() && !e.meta_key() {
                    if let Some(el) = gloo::utils::document()
                        .query_selector(".palette .search")
                        .ok()
                        .flatten()
                    {
                        if let Some(h) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                            e.prevent_default();
                            let _ = h.focus();
                            // Typing replaces the last search.
                            h.select();
                        }
                    }
                    return;
                }
                if !(e.ctrl_key() || e.meta_key()) {
                    return;
                }
                let Some(app) = handle.borrow().as_ref().map(|h| h.0.clone()) else {
                    return;
                };
                match e.key().to_lowercase().as_str() {
                    "z" if e.shift_key() => {
                        e.prevent_default();
                        app.redo();
                    }
                    "z" => {
                        e.prevent_default();
                        app.undo();
                    }
                    "y" => {
                        e.prevent_default();
                        app.redo();
                    }
                    _ => {}
                }
            });
        move || drop(listener)
    });
    html! {}
}

/// Buttons that appear on keyboard focus and jump to the plan or the catalog.
#[component]
pub fn SkipLinks() -> Html {
    let app = use_app();
    let lang = app.lang();
    let focus = |selector: &'static str| {
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = gloo::utils::document()
                .query_selector(selector)
                .ok()
                .flatten()
            {
                if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                } else if let Some(s) = el.dyn_ref::<web_sys::SvgElement>() {
                    let _ = s.focus();
                }
            }
        })
    };
    html! {
        <>
            <button type="button" class="skip" onclick={focus("svg.site-plan [tabindex]")}>{ t(lang, Key::SkipToPlan) }</button>
            <button type="button" class="skip" onclick={focus(".palette .search")}>{ t(lang, Key::SkipToCatalog) }</button>
        </>
    }
}

/// Keeps the latest app handle for listeners registered once.
struct AppContextHandle(super::state::AppHandle);

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
            <SkipLinks />
            <Header />
            <Workspace />
            <Shortcuts />
        </ContextProvider<AppContext>>
    }
}
