//! Share links (the whole plan in the address's fragment, no server) and the offer for a plan
//! that arrived in one: shown read-only (every page works, nothing is saved) until the user
//! imports it as a new project or goes back to their own plans. It never replaces their work.

use crate::core::share::{self, LinkError};
use crate::ui::i18n::{link_offer, link_problem, link_too_long, share_link_label, t, Key};
use crate::ui::session::{read_fragment, use_session};
use crate::ui::state::Notice;
use yew::prelude::*;

/// The app's own address with `fragment`, without the page the sender was on: a link opens
/// on the plan.
fn link_address(fragment: &str) -> String {
    let base = web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Makes a share link of the plan on screen, to copy; or says why the plan is too large.
#[component]
pub fn ShareLink() -> Html {
    let app = use_session();
    let lang = app.lang();
    let link = use_state(|| None::<Result<String, LinkError>>);
    let make = {
        let (app, link) = (app.clone(), link.clone());
        Callback::from(move |_: MouseEvent| link.set(Some(share::encode(&app.state().plan.0))))
    };
    let shown = (*link).clone().map(|l| match l {
        Ok(fragment) => {
            let url = link_address(&fragment);
            let copy = {
                let (app, url) = (app.clone(), url.clone());
                Callback::from(move |_: MouseEvent| {
                    let app = app.clone();
                    crate::ui::files::copy(url.clone(), move |ok| {
                        if ok {
                            app.notify(Notice::Copied);
                        }
                    });
                })
            };
            html! {
                <div class="share-link">
                    <label for="share-url">{ share_link_label(lang, url.chars().count()) }</label>
                    <input id="share-url" type="text" readonly=true value={url} data-testid="share-url" />
                    <button type="button" class="primary" onclick={copy}>{ t(lang, Key::CopyLink) }</button>
                    <p class="hint">{ t(lang, Key::ShareLinkHint) }</p>
                </div>
            }
        }
        Err(LinkError::TooLong { chars }) => html! {
            <p class="error" role="alert" data-testid="link-too-long">{ link_too_long(lang, chars, share::MAX_LINK_CHARS) }</p>
        },
    });
    html! {
        <>
            <button type="button" onclick={make} data-testid="make-link">{ t(lang, Key::MakeAShareLink) }</button>
            { for shown }
        </>
    }
}

/// Removes the plan from the address bar (after it was imported or declined), keeping the
/// page.
fn clear_fragment() {
    if let Some(w) = web_sys::window() {
        let url = w
            .location()
            .href()
            .ok()
            .map(|h| h.split('#').next().unwrap_or("").to_string())
            .unwrap_or_default();
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// A plan that arrived in a link: what it holds, with the offer to import it as a new project
/// or to go back to one's own plans; or why the link cannot be read.
#[component]
pub fn LinkOffer() -> Html {
    let app = use_session();
    let lang = app.lang();
    let incoming = use_state(read_fragment);
    let latest = use_mut_ref(|| app.clone());
    *latest.borrow_mut() = app.clone();
    {
        // A link pasted into this tab's address bar changes only the fragment: the work on
        // screen is saved, then the linked plan is shown.
        let incoming = incoming.clone();
        use_effect_with((), move |_| {
            let l =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    let found = read_fragment();
                    if let Some(Ok(loaded)) = &found {
                        latest.borrow().preview(loaded.plan.clone());
                    }
                    incoming.set(found);
                });
            move || drop(l)
        });
    }
    let Some(found) = (*incoming).clone() else {
        return html! {};
    };
    let back = {
        let (incoming, app) = (incoming.clone(), app.clone());
        Callback::from(move |_: MouseEvent| {
            clear_fragment();
            incoming.set(None);
            app.back_to_own_work();
        })
    };
    match found {
        Ok(loaded) => {
            let import = {
                let (app, incoming, loaded) = (app.clone(), incoming.clone(), loaded.clone());
                Callback::from(move |_: MouseEvent| {
                    app.import((*loaded).clone());
                    clear_fragment();
                    incoming.set(None);
                })
            };
            html! {
                <div class="banner offer" role="region" aria-label={t(lang, Key::LinkOfferLabel)} data-testid="link-offer">
                    <span>{ link_offer(lang, &loaded.plan) }</span>
                    <button type="button" class="primary" onclick={import} data-testid="import-link">{ t(lang, Key::ImportAsANewProject) }</button>
                    <button type="button" onclick={back} data-testid="leave-link">{ t(lang, Key::DonTImportBackTo) }</button>
                </div>
            }
        }
        Err(e) => html! {
            <div class="banner problem" role="alert" data-testid="link-error">
                <span class="messages">{ link_problem(lang, &e) }</span>
                <button type="button" onclick={back}>{ t(lang, Key::Close) }</button>
            </div>
        },
    }
}
