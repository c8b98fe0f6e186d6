//! The app shell: header with the name and the language switch; the catalog palette, the
//! site-plan editor, and the properties and summary panels (tabs on phones); messages; global
//! keyboard shortcuts. Effects at the edge (remembering the language, the page's `lang` and
//! title, window key listeners) live here.

use crate::ui::components::palette::{refusal_text, Palette};
use crate::ui::components::properties::Properties;
use crate::ui::components::scenarios::{PageNav, ScenarioBar};
use crate::ui::components::summary::Summary;
use crate::ui::computed::{use_compute, ComputedRef};
use crate::ui::editor::PlanEditor;
use crate::ui::i18n::{t, Key, Lang};
use crate::ui::session::{initial_state, page_in_address, Autosave};
use crate::ui::session::{use_session, AppContext};
use crate::ui::state::{Notice, Page, SaveState};
use crate::ui::storage;
use crate::ui::views::annual::AnnualView;
use crate::ui::views::compare::CompareView;
use crate::ui::views::residents::ResidentsView;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The language switch: two buttons, the current one pressed.
#[component]
pub fn LangSwitch() -> Html {
    let app = use_session();
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
            { button(Lang::Zh, crate::ui::i18n::endonym(Lang::Zh)) }
            { button(Lang::En, crate::ui::i18n::endonym(Lang::En)) }
        </div>
    }
}

/// The header.
#[component]
pub fn Header() -> Html {
    let app = use_session();
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
                <span class="badge" hidden={!s.is_demo}>{ t(lang, Key::DemoBadge) }</span>
                <SaveIndicator />
            </div>
            <LangSwitch />
        </header>
    }
}

/// A message, shown until dismissed or replaced.
#[component]
pub fn NoticeBar() -> Html {
    let app = use_session();
    let lang = app.lang();
    let Some((notice, n)) = app.state().notice.clone() else {
        return html! { <div class="notice-slot" aria-live="polite"></div> };
    };
    let catalog = crate::ui::computed::catalog_of(&app.state().plan.0);
    let mut action = None;
    let text = match &notice {
        Notice::ReadOnly => t(lang, Key::ReadOnlyNotice).to_string(),
        Notice::Copied => t(lang, Key::Copied).to_string(),
        Notice::Refused(e) => refusal_text(&app, e),
        Notice::NothingToUndo => t(lang, Key::NothingToUndo).to_string(),
        Notice::SelectTargetFirst => t(lang, Key::SelectTargetFirst).to_string(),
        Notice::BadPicture => t(lang, Key::BadPicture).to_string(),
        Notice::LinkPreview => t(lang, Key::LinkPreviewNotice).to_string(),
        Notice::NotSaved => t(lang, Key::NotSavedNotice).to_string(),
        Notice::DropMissed { item } => {
            let it = catalog.get(item);
            if it.is_some_and(|i| {
                i.targets
                    .contains(&crate::core::site::TargetKind::Community)
            }) {
                let app = app.clone();
                let item = item.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    app.dismiss();
                    app.edit(crate::core::command::Command::Place {
                        item: item.clone(),
                        target: crate::core::site::Target::Community,
                    });
                });
                action = Some(html! {
                    <button type="button" class="primary" {onclick} data-testid="place-on-community">{ t(lang, Key::PlaceOnCommunity) }</button>
                });
            }
            crate::ui::i18n::drop_missed(
                lang,
                &crate::ui::labels::item_name(&catalog, item, lang),
                it.map_or(&[][..], |i| i.targets.as_slice()),
            )
        }
    };
    let close = {
        let app = app.clone();
        Callback::from(move |_| app.dismiss())
    };
    html! {
        <div class="notice-slot" aria-live="polite">
            <div class={classes!("notice", notice.is_problem().then_some("problem"))} role="alert" key={n}>
                <span data-testid="notice">{ text }</span>
                { for action }
                <button type="button" aria-label={t(lang, Key::Close)} onclick={close}>{ "✕" }</button>
            </div>
        </div>
    }
}

/// "Saved at HH:MM", "Saving…" or a warning, in the header.
#[component]
pub fn SaveIndicator() -> Html {
    let app = use_session();
    let lang = app.lang();
    let text = match app.state().save {
        SaveState::Demo => t(lang, Key::DemoNotSaved).to_string(),
        SaveState::Pending => t(lang, Key::Saving).to_string(),
        SaveState::Saved(0) => String::new(),
        SaveState::Saved(ms) => {
            let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
            crate::ui::i18n::saved_at(lang, d.get_hours(), d.get_minutes())
        }
        SaveState::Full | SaveState::Failed | SaveState::Conflict(_) => "⚠".to_string(),
        SaveState::ReadOnly => "🔒".to_string(),
        SaveState::Preview => t(lang, Key::ViewingLink).to_string(),
        SaveState::Unsaveable => "⚠".to_string(),
    };
    html! { <span class="save-state" data-testid="save-state" role="status">{ text }</span> }
}

/// Storage problems and conflicts, with what the user can do.
#[component]
pub fn SaveBanner() -> Html {
    let app = use_session();
    let lang = app.lang();
    let s = app.state();
    let export = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.export())
    };
    let (text, actions) = match s.save {
        SaveState::Full => (t(lang, Key::StorageFull), html! {}),
        SaveState::Failed => (t(lang, Key::StorageFailed), html! {}),
        SaveState::ReadOnly => (t(lang, Key::ReadOnlyBanner), html! {}),
        SaveState::Unsaveable => (t(lang, Key::UnsaveableBanner), html! {}),
        SaveState::Conflict(_) => {
            let theirs = {
                let app = app.clone();
                Callback::from(move |_: MouseEvent| app.load_theirs())
            };
            let mine = {
                let app = app.clone();
                Callback::from(move |_: MouseEvent| app.keep_mine_as_copy())
            };
            (
                t(lang, Key::ConflictText),
                html! {
                    <>
                        <button type="button" onclick={theirs}>{ t(lang, Key::LoadTheirs) }</button>
                        <button type="button" onclick={mine}>{ t(lang, Key::KeepMineAsCopy) }</button>
                    </>
                },
            )
        }
        _ => return html! { <div class="banner-slot"></div> },
    };
    html! {
        <div class="banner-slot">
            <div class="banner" role="alert" data-testid="save-banner">
                <span>{ text }</span>
                { actions }
                <button type="button" onclick={export}>{ t(lang, Key::ExportFile) }</button>
            </div>
        </div>
    }
}

/// A saved project that could not be opened: what is wrong, and what the user can do with
/// it (export the stored text as it is; open the readable part as a new project). The copy
/// in the browser is never overwritten.
#[component]
pub fn DamagedBanner() -> Html {
    let app = use_session();
    let lang = app.lang();
    let Some(d) = app.state().damaged.clone() else {
        return html! {};
    };
    let export = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            let name = format!(
                "{}-damaged.json",
                if d.name.is_empty() { "plan" } else { &d.name }
            );
            if !crate::ui::files::download(&name, "application/json", &d.text) {
                crate::ui::files::copy(d.text.to_string(), |_| ());
            }
        })
    };
    let repair = d.error.valid_rest.clone().map(|rest| {
        let app = app.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            app.repair((*rest).clone());
        });
        html! {
            <button type="button" class="primary" {onclick} data-testid="repair-damaged">{ t(lang, Key::RepairDamaged) }</button>
        }
    });
    let close = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.forget_damaged())
    };
    let problems = crate::ui::i18n::load_problems(lang, &d.error);
    let name = if d.name.is_empty() {
        d.project.to_string()
    } else {
        d.name.clone()
    };
    html! {
        <div class="banner-slot">
            <div class="banner problem" role="alert" data-testid="damaged-banner">
                <span>
                    <strong>{ crate::ui::i18n::damaged_title(lang, &name) }</strong>
                    <span class="messages">{ problems }</span>
                </span>
                <button type="button" onclick={export} data-testid="export-damaged">{ t(lang, Key::ExportDamaged) }</button>
                { for repair }
                <button type="button" onclick={close}>{ t(lang, Key::Close) }</button>
            </div>
        </div>
    }
}

/// Keeps the address bar and the page in step: each page has its own address
/// (`?page=compare`, pushed to the history), so Back and Forward move between pages and a
/// reload opens the same page. The `#plan=` fragment of a share link is kept.
#[component]
pub fn Router() -> Html {
    let app = use_session();
    let page = app.state().page;
    use_effect_with(page, |&page| {
        let Some(w) = web_sys::window() else { return };
        let loc = w.location();
        if page_in_address() != page {
            let hash = loc.hash().unwrap_or_default();
            let path = loc.pathname().unwrap_or_default();
            let url = format!("{path}{}{hash}", page.query());
            if let Ok(h) = w.history() {
                let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    });
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            let l = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                app.go(page_in_address());
            });
            move || drop(l)
        });
    }
    html! {}
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
    let app = use_session();
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
    let page = app.state().page;
    let other = match page {
        Page::Plan => None,
        Page::Compare => Some(html! { <CompareView /> }),
        Page::Residents => Some(html! { <ResidentsView /> }),
        Page::Annual => Some(html! { <AnnualView /> }),
        Page::Projects => Some(html! { <crate::ui::views::projects::ProjectsView /> }),
        Page::Report => Some(html! { <crate::ui::views::report::ReportView /> }),
    };
    html! {
        <ContextProvider<ComputedRef> context={computed}>
            <div class="bars">
                <PageNav />
                // Scenarios belong to the plan's pages, not to projects and files.
                if !matches!(page, Page::Projects | Page::Report) { <ScenarioBar /> }
            </div>
            <div class="other-page" hidden={other.is_none()}>{ for other }</div>
            <main class="workspace" hidden={page != Page::Plan}>
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
    let app = use_session();
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
    let app = use_session();
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
struct AppContextHandle(crate::ui::session::Session);

/// The root component.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let lang = state.lang;
    // The engine's worker loads once the first view is on screen.
    use_effect_with((), |_| crate::ui::engine::warm_up_after_paint());
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
            <SaveBanner />
            <DamagedBanner />
            <crate::ui::views::projects::LinkOffer />
            <Workspace />
            <Shortcuts />
            <Autosave />
            <Router />
        </ContextProvider<AppContext>>
    }
}
