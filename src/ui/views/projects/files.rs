//! Plan files: export (or copy, where downloads do not work), and import as a new project; a
//! refused file is named with every field at fault, and its valid rest can be kept.

use crate::core::plan_file::{load, Loaded, MAX_BYTES};
use crate::ui::i18n::{import_the_rest, imported_as_new, load_problems, not_imported, t, Key};
use crate::ui::session::use_session;
use std::rc::Rc;
use yew::prelude::*;

/// A refused file: what is wrong, and the valid rest when some parts could be kept.
#[derive(Clone, PartialEq)]
struct Refusal {
    /// Which file.
    source: String,
    /// The messages.
    text: String,
    /// The valid rest and how many problems it drops.
    rest: Option<(Rc<Loaded>, usize)>,
}

/// Props of [`PlanFiles`].
#[derive(Properties, PartialEq)]
pub struct FilesProps {
    /// A message for the page (what was imported).
    pub on_message: Callback<Option<String>>,
}

/// Export and import of plan files.
#[component]
pub fn PlanFiles(props: &FilesProps) -> Html {
    let app = use_session();
    let lang = app.lang();
    let refusal = use_state(|| None::<Refusal>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let export = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.export())
    };
    let on_file = {
        let (app, refusal, on_message) = (app.clone(), refusal.clone(), props.on_message.clone());
        Callback::from(move |e: Event| {
            let Some(file) = crate::ui::files::picked_file(&e) else {
                return;
            };
            let source = file.name();
            // Too large: refused before reading it into memory.
            if file.size() > MAX_BYTES as u64 {
                let e = load(&vec![b' '; MAX_BYTES + 1]).err();
                refusal.set(e.map(|e| Refusal {
                    source,
                    text: load_problems(app.lang(), &e),
                    rest: None,
                }));
                return;
            }
            let (app, refusal, on_message) = (app.clone(), refusal.clone(), on_message.clone());
            let task = gloo::file::callbacks::read_as_bytes(&file, move |r| {
                let lang = app.lang();
                let Ok(bytes) = r else {
                    refusal.set(Some(Refusal {
                        source,
                        text: t(lang, Key::TheFileCouldNotBe).into(),
                        rest: None,
                    }));
                    return;
                };
                match load(&bytes) {
                    Ok(loaded) => {
                        refusal.set(None);
                        on_message.emit(Some(imported_as_new(lang, &loaded)));
                        app.import(loaded);
                    }
                    Err(e) => refusal.set(Some(Refusal {
                        source,
                        text: load_problems(lang, &e),
                        rest: e.valid_rest.map(|r| (Rc::new(*r), e.errors.len())),
                    })),
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let refusal_html = (*refusal).clone().map(|r| {
        let keep = r.rest.clone().map(|(rest, n)| {
            let (app, refusal) = (app.clone(), refusal.clone());
            let onclick = Callback::from(move |_: MouseEvent| {
                app.import((*rest).clone());
                refusal.set(None);
            });
            html! {
                <button type="button" class="primary" {onclick} data-testid="import-rest">{ import_the_rest(lang, n) }</button>
            }
        });
        html! {
            <div class="refusal" role="alert" data-testid="import-error">
                <p><strong>{ not_imported(lang, &r.source) }</strong></p>
                <pre class="messages">{ r.text.clone() }</pre>
                { for keep }
            </div>
        }
    });
    let in_app = crate::ui::files::in_app_browser();
    html! {
        <>
            <div class="row">
                <button type="button" onclick={export} data-testid="export-file">{
                    if in_app { t(lang, Key::CopyThePlanFile) } else { t(lang, Key::ExportFile) }
                }</button>
                <label class="button file-button">
                    { t(lang, Key::ImportAPlanFile) }
                    <input type="file" accept=".json,application/json" class="visually-hidden" onchange={on_file} data-testid="import-file" />
                </label>
            </div>
            if in_app {
                <p class="hint">{ t(lang, Key::ThisInAppBrowserCannot) }</p>
            }
            { for refusal_html }
        </>
    }
}
