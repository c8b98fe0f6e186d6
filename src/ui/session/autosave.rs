//! Autosave: the plan is saved 400 ms after the last change, and at once when the page is
//! hidden or closed; another tab saving the same project is noticed at once.

use crate::core::store;
use crate::ui::session::handle::{use_session, Session};
use crate::ui::state::SaveState;
use crate::ui::storage::LocalKv;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Saves the plan after each change and before the page goes; warns when another tab or
/// window saves a newer version of the same project.
#[component]
pub fn Autosave() -> Html {
    let session = use_session();
    // The session as last rendered, for the timer and the listeners.
    let latest = use_mut_ref(|| session.clone());
    *latest.borrow_mut() = session.clone();
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let latest = latest.clone();
        let timer = timer.clone();
        let key = (session.state().plan.clone(), session.state().save);
        use_effect_with(key, move |(_, save)| {
            if *save == SaveState::Pending {
                *timer.borrow_mut() = Some(Timeout::new(400, move || latest.borrow().flush()));
            }
        });
    }
    use_effect_with((), move |_| {
        let flush = {
            let latest = latest.clone();
            Rc::new(move || {
                if let Some(t) = timer.borrow_mut().take() {
                    t.cancel();
                }
                latest.borrow().flush();
            })
        };
        let win = gloo::utils::window();
        let doc = gloo::utils::document();
        let f1 = flush.clone();
        let on_hide = EventListener::new(&doc, "visibilitychange", move |_| {
            if gloo::utils::document().visibility_state() == web_sys::VisibilityState::Hidden {
                f1();
            }
        });
        let on_pagehide = EventListener::new(&win, "pagehide", move |_| flush());
        let on_storage = EventListener::new(&win, "storage", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            let s: Session = latest.borrow().clone();
            let Some(id) = s.state().project.clone() else {
                return;
            };
            if e.key().as_deref() == Some(format!("rp.project.{id}").as_str()) {
                s.saw_newer(store::stored_rev(&LocalKv, &id));
            }
        });
        move || drop((on_hide, on_pagehide, on_storage))
    });
    html! {}
}
