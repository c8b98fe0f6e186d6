//! The projects saved in this browser, newest first, one row each (open, rename, duplicate,
//! delete after confirmation), and a project that could not be opened (kept as it is: export
//! it, or open its readable part as a new project).

use crate::core::store::{self, OpenError, ProjectMeta};
use crate::ui::components::fields::Field;
use crate::ui::i18n::{confirm_delete, copied_as, copy_name, deleted, load_problems, t, Key};
use crate::ui::session::use_session;
use crate::ui::storage::LocalKv;
use yew::prelude::*;

/// "2026-11-26 14:05" in local time.
fn date_time(ms: u64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Props of [`ProjectList`].
#[derive(Properties, PartialEq)]
pub struct ListProps {
    /// A message for the page (what was done), or none to clear it.
    pub on_message: Callback<Option<String>>,
}

/// The saved projects and what went wrong opening one.
#[component]
pub fn ProjectList(props: &ListProps) -> Html {
    let app = use_session();
    let lang = app.lang();
    // Bumped after a change to storage, so the list is read again.
    let tick = use_state(|| 0u32);
    // A project that could not be opened: its id and what is wrong.
    let problem = use_state(|| None::<(String, String)>);
    let current = app.state().project.clone();
    let mut metas: Vec<ProjectMeta> = store::list(&LocalKv);
    crate::core::sort::sort_by_key(&mut metas, &|m| std::cmp::Reverse(m.saved_at_ms));
    let _ = *tick;
    let on_done = {
        let tick = tick.clone();
        let on_message = props.on_message.clone();
        Callback::from(move |m: Option<String>| {
            if m.is_some() {
                on_message.emit(m);
            }
            tick.set(tick.wrapping_add(1));
        })
    };
    let on_problem = {
        let problem = problem.clone();
        let on_message = props.on_message.clone();
        Callback::from(move |p: Option<(String, String)>| {
            if p.is_some() {
                on_message.emit(None);
            }
            problem.set(p);
        })
    };
    let rows = metas.iter().map(|m| {
        let is_current = current.as_deref() == Some(m.id.as_str());
        html! {
            <ProjectRow key={m.id.clone()} meta={m.clone()} {is_current}
                on_done={on_done.clone()} on_problem={on_problem.clone()} />
        }
    });
    html! {
        <>
            if let Some((id, text)) = (*problem).clone() {
                <OpenProblem {id} {text} on_close={on_problem.reform(|_| None)} />
            }
            if metas.is_empty() {
                <p class="hint">{ t(lang, Key::NoSavedProjectsYetEdit) }</p>
            }
            <ul class="project-list" data-testid="project-list">{ for rows }</ul>
        </>
    }
}

/// Props of [`ProjectRow`].
#[derive(Properties, PartialEq)]
pub struct RowProps {
    /// The project.
    pub meta: ProjectMeta,
    /// True for the project on screen.
    pub is_current: bool,
    /// Storage changed; with a message for the page.
    pub on_done: Callback<Option<String>>,
    /// The project could not be opened (its id and what is wrong), or it opened.
    pub on_problem: Callback<Option<(String, String)>>,
}

/// One saved project and what can be done with it.
#[component]
fn ProjectRow(props: &RowProps) -> Html {
    let app = use_session();
    let lang = app.lang();
    let renaming = use_state(|| false);
    let confirming = use_state(|| false);
    let m = &props.meta;
    let id = m.id.clone();
    let open = {
        let (app, id, on_problem) = (app.clone(), id.clone(), props.on_problem.clone());
        Callback::from(move |_: MouseEvent| match app.open(&id) {
            Ok(()) => on_problem.emit(None),
            Err(OpenError::Missing) => on_problem.emit(Some((
                id.clone(),
                t(app.lang(), Key::ProjectDeletedElsewhere).to_string(),
            ))),
            Err(OpenError::Invalid(e)) => {
                on_problem.emit(Some((id.clone(), load_problems(app.lang(), &e))))
            }
        })
    };
    let duplicate = {
        let (app, id, name, on_done) = (
            app.clone(),
            id.clone(),
            m.name.clone(),
            props.on_done.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let lang = app.lang();
            let copy = copy_name(lang, &name);
            on_done.emit(Some(match app.duplicate(&id, &copy) {
                Ok(_) => copied_as(lang, &copy),
                Err(_) => t(lang, Key::StorageFailed).to_string(),
            }));
        })
    };
    let name_cell = if *renaming {
        let field_id = format!("rename-{id}");
        let (app, id, renaming, on_done) = (
            app.clone(),
            id.clone(),
            renaming.clone(),
            props.on_done.clone(),
        );
        let on_commit = Callback::from(move |v: String| {
            if v.trim().is_empty() {
                return;
            }
            let failed = app.rename(&id, v).is_err();
            renaming.set(false);
            on_done.emit(failed.then(|| t(app.lang(), Key::StorageFailed).to_string()));
        });
        html! {
            <Field id={field_id} label={t(lang, Key::NewName)} value={AttrValue::from(m.name.clone())}
                error={t(lang, Key::TheNameCannotBeEmpty)} {on_commit} />
        }
    } else {
        html! { <strong class="project-name">{ m.name.clone() }</strong> }
    };
    let confirm = (*confirming).then(|| {
        let yes = {
            let (app, id, name) = (app.clone(), id.clone(), m.name.clone());
            let (confirming, on_done) = (confirming.clone(), props.on_done.clone());
            Callback::from(move |_: MouseEvent| {
                let _ = app.delete(&id);
                confirming.set(false);
                on_done.emit(Some(deleted(app.lang(), &name)));
            })
        };
        html! {
            <div class="confirm" role="alertdialog" aria-label={t(lang, Key::ConfirmDeletion)}>
                <span>{ confirm_delete(lang, &m.name) }</span>
                <button type="button" class="danger" onclick={yes} data-testid="confirm-delete">{ t(lang, Key::Delete) }</button>
                <button type="button" onclick={set(&confirming, false)}>{ t(lang, Key::Cancel) }</button>
            </div>
        }
    });
    html! {
        <li class={classes!("project", props.is_current.then_some("current"))} data-project={id.clone()}>
            <div class="project-main">
                { name_cell }
                if props.is_current { <span class="badge">{ t(lang, Key::Open) }</span> }
                <span class="saved">{ format!("{} {}", t(lang, Key::Saved), date_time(m.saved_at_ms)) }</span>
            </div>
            <div class="project-actions">
                <button type="button" onclick={open} disabled={props.is_current}>{ t(lang, Key::OpenProject) }</button>
                <button type="button" onclick={set(&renaming, true)}>{ t(lang, Key::Rename) }</button>
                <button type="button" onclick={duplicate}>{ t(lang, Key::Duplicate) }</button>
                <button type="button" class="danger" onclick={set(&confirming, true)}>{ t(lang, Key::Delete) }</button>
            </div>
            { for confirm }
        </li>
    }
}

/// A click that sets a flag.
fn set(flag: &UseStateHandle<bool>, to: bool) -> Callback<MouseEvent> {
    let flag = flag.clone();
    Callback::from(move |_: MouseEvent| flag.set(to))
}

/// Props of [`OpenProblem`].
#[derive(Properties, PartialEq)]
pub struct ProblemProps {
    /// The project's id.
    pub id: String,
    /// What is wrong.
    pub text: String,
    /// The problem was dealt with.
    pub on_close: Callback<()>,
}

/// A project that cannot be opened stays as it is: export it, or open its readable part.
#[component]
fn OpenProblem(props: &ProblemProps) -> Html {
    let app = use_session();
    let lang = app.lang();
    let export = {
        let id = props.id.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(raw) = store::raw_plan(&LocalKv, &id) {
                let name = format!("{id}-damaged.json");
                if !crate::ui::files::download(&name, "application/json", &raw) {
                    crate::ui::files::copy(raw, |_| ());
                }
            }
        })
    };
    let rest = store::raw_plan(&LocalKv, &props.id)
        .and_then(|raw| crate::core::plan_file::load_str(&raw).err())
        .and_then(|e| e.valid_rest)
        .map(|rest| {
            let (app, on_close) = (app.clone(), props.on_close.clone());
            let onclick = Callback::from(move |_: MouseEvent| {
                app.import((*rest).clone());
                on_close.emit(());
            });
            html! { <button type="button" class="primary" {onclick}>{ t(lang, Key::RepairDamaged) }</button> }
        });
    html! {
        <div class="refusal" role="alert" data-testid="open-error">
            <p><strong>{ t(lang, Key::ThisProjectCannotBeOpened) }</strong></p>
            <pre class="messages">{ props.text.clone() }</pre>
            <div class="row">
                <button type="button" onclick={export}>{ t(lang, Key::ExportDamaged) }</button>
                { for rest }
            </div>
        </div>
    }
}
