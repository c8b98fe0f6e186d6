//! Projects and files: the projects saved in this browser (open, rename, duplicate, delete),
//! new plans, plan files (export, import as a new project, refused with the field at fault),
//! share links (the plan in the URL fragment), and the offer to import a plan that arrived in
//! a link. Nothing here overwrites work: an import or a link always becomes a new project, the
//! plan on screen is saved before another replaces it, and a deletion asks first.

use crate::core::command::Command;
use crate::core::plan::Plan;
use crate::core::plan_file::{load, LoadError, Loaded, MAX_BYTES};
use crate::core::share::{self, LinkError, ReadError};
use crate::core::store::{self, ProjectMeta};
use crate::ui::components::fields::Field;
use crate::ui::i18n::{pick, t, Key, Lang};
use crate::ui::session::read_fragment;
use crate::ui::session::{export_plan, flush};
use crate::ui::state::{demo_plan, use_app, Action, AppHandle, Notice, Page, SaveState};
use crate::ui::storage::request_persistence;
use crate::ui::storage::{self, LocalKv};
use std::rc::Rc;
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

/// Makes `loaded` a new project and shows it; a plan from a newer planner is shown read-only
/// and never stored (so it can never be overwritten by this older version).
pub fn import_as_new(app: &AppHandle, loaded: Loaded) {
    flush(app);
    // Stay on the page the import was made from.
    let page = app.state().page;
    import_into(app, loaded);
    app.dispatch(Action::SetPage(page));
}

fn import_into(app: &AppHandle, loaded: Loaded) {
    if loaded.read_only {
        app.dispatch(Action::Open {
            plan: Box::new(loaded.plan),
            project: None,
            rev: 0,
            read_only: true,
        });
        app.notify(Notice::ReadOnly);
        return;
    }
    let mut kv = LocalKv;
    let now = storage::now_ms();
    match store::create(&mut kv, &loaded.plan, now) {
        Ok((id, rev)) => {
            let _ = store::set_current(
                &mut kv,
                &store::Current {
                    project: id.clone(),
                    scenario: loaded.plan.current_scenario.0,
                },
            );
            app.dispatch(Action::Open {
                plan: Box::new(loaded.plan),
                project: Some(Rc::from(id.as_str())),
                rev,
                read_only: false,
            });
            app.dispatch(Action::Saved {
                project: Rc::from(id.as_str()),
                rev,
                at_ms: now,
            });
        }
        // Storage full or blocked: the plan is still opened, unsaved, and the banner offers
        // the export.
        Err(e) => {
            app.dispatch(Action::NewPlan {
                plan: Box::new(loaded.plan),
                demo: false,
            });
            app.dispatch(Action::SaveFailed(match e {
                store::SaveError::Full => SaveState::Full,
                _ => SaveState::Failed,
            }));
        }
    }
}

/// Opens a stored project in place of the current plan (saved first).
fn open_project(app: &AppHandle, id: &str) -> Result<(), String> {
    flush(app);
    match store::open(&LocalKv, id) {
        Ok((plan, rev, read_only)) => {
            let _ = store::set_current(
                &mut LocalKv,
                &store::Current {
                    project: id.to_string(),
                    scenario: plan.current_scenario.0,
                },
            );
            app.dispatch(Action::Open {
                plan: Box::new(plan),
                project: Some(Rc::from(id)),
                rev,
                read_only,
            });
            Ok(())
        }
        Err(store::OpenError::Missing) => Err(pick(
            app.lang(),
            (
                "这个项目已被删除(可能在另一个窗口中)。",
                "This project was deleted (perhaps in another window).",
            ),
        )
        .to_string()),
        Err(store::OpenError::Invalid(e)) => Err(load_error_text(app.lang(), &e)),
    }
}

/// The problems of a refused file, one per line (at most ten, then how many more).
pub fn load_error_text(lang: Lang, e: &LoadError) -> String {
    let mut lines: Vec<String> = e
        .errors
        .iter()
        .take(10)
        .map(|x| x.message_with_path(lang))
        .collect();
    if e.errors.len() > 10 {
        lines.push(match lang {
            Lang::Zh => format!("……另有 {} 处问题", e.errors.len() - 10),
            Lang::En => format!("… and {} more problems", e.errors.len() - 10),
        });
    }
    lines.join("\n")
}

/// The message for a link that could not be read.
pub fn link_error_text(lang: Lang, e: &ReadError) -> String {
    match e {
        ReadError::NotALink => String::new(),
        ReadError::UnknownFormat => pick(lang, (
            "此链接由更新版本的规划工具生成,本版本无法读取。请更新后再打开,或请对方发送规划文件。",
            "This link was made by a newer version of the planner and cannot be read here. Update, or ask for the plan file.",
        ))
        .to_string(),
        ReadError::Damaged => pick(lang, (
            "链接不完整或已损坏(转发时可能被截断)。请让对方重新发送链接,或发送规划文件。",
            "The link is incomplete or damaged (it may have been cut when forwarded). Ask for the link again, or for the plan file.",
        ))
        .to_string(),
        ReadError::Plan(e) => load_error_text(lang, e),
    }
}

/// A refused file or link: what is wrong, and the valid rest when some parts could be kept.
#[derive(Clone, PartialEq)]
struct Refusal {
    /// Which file.
    source: String,
    /// The messages.
    text: String,
    /// The valid rest and how many problems it drops.
    rest: Option<(Rc<Loaded>, usize)>,
}

/// The projects and files page.
#[component]
pub fn ProjectsView() -> Html {
    let app = use_app();
    let lang = app.lang();
    let tick = use_state(|| 0u32);
    let refresh = {
        let tick = tick.clone();
        move || tick.set(tick.wrapping_add(1))
    };
    let renaming = use_state(|| None::<String>);
    let confirm_delete = use_state(|| None::<String>);
    let message = use_state(|| None::<String>);
    // A project that could not be opened: its id and what is wrong.
    let problem = use_state(|| None::<(String, String)>);
    let refusal = use_state(|| None::<Refusal>);
    let link = use_state(|| None::<Result<String, LinkError>>);
    let persisted = use_state(|| None::<bool>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    // Whether the browser keeps our storage when space runs short.
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
    let s = app.state();
    let current = s.project.clone();
    let mut metas: Vec<ProjectMeta> = store::list(&LocalKv);
    crate::core::sort::sort_by_key(&mut metas, &|m| std::cmp::Reverse(m.saved_at_ms));
    let _ = *tick;
    let rows = metas.iter().map(|m| {
        let id = m.id.clone();
        let is_current = current.as_deref() == Some(id.as_str());
        let open = {
            let app = app.clone();
            let id = id.clone();
            let message = message.clone();
            let problem = problem.clone();
            Callback::from(move |_: MouseEvent| match open_project(&app, &id) {
                Ok(()) => {
                    problem.set(None);
                    app.dispatch(Action::SetPage(Page::Plan));
                }
                Err(e) => {
                    message.set(None);
                    problem.set(Some((id.clone(), e)));
                }
            })
        };
        let start_rename = {
            let renaming = renaming.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| renaming.set(Some(id.clone())))
        };
        let duplicate = {
            let app = app.clone();
            let id = id.clone();
            let name = m.name.clone();
            let message = message.clone();
            let refresh = refresh.clone();
            Callback::from(move |_: MouseEvent| {
                flush(&app);
                let copy = match app.lang() {
                    Lang::Zh => format!("{name}(副本)"),
                    Lang::En => format!("{name} (copy)"),
                };
                match store::duplicate(&mut LocalKv, &id, &copy, storage::now_ms()) {
                    Ok(_) => message.set(Some(match app.lang() {
                        Lang::Zh => format!("已复制为「{copy}」。"),
                        Lang::En => format!("Copied as “{copy}”."),
                    })),
                    Err(_) => message.set(Some(t(app.lang(), Key::StorageFailed).to_string())),
                }
                refresh();
            })
        };
        let ask_delete = {
            let confirm_delete = confirm_delete.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| confirm_delete.set(Some(id.clone())))
        };
        let name_cell = if renaming.as_deref() == Some(id.as_str()) {
            let on_commit = {
                let app = app.clone();
                let id = id.clone();
                let renaming = renaming.clone();
                let message = message.clone();
                let refresh = refresh.clone();
                Callback::from(move |v: String| {
                    if v.trim().is_empty() {
                        return;
                    }
                    if is_current {
                        app.edit(Command::RenameCommunity { name: v });
                        flush(&app);
                    } else if store::rename(&mut LocalKv, &id, &v, storage::now_ms()).is_err() {
                        message.set(Some(t(app.lang(), Key::StorageFailed).to_string()));
                    }
                    renaming.set(None);
                    refresh();
                })
            };
            html! {
                <Field id={format!("rename-{id}")} label={t(lang, Key::NewName)} value={AttrValue::from(m.name.clone())}
                    error={t(lang, Key::TheNameCannotBeEmpty)} {on_commit} />
            }
        } else {
            html! { <strong class="project-name">{ m.name.clone() }</strong> }
        };
        let confirm = (confirm_delete.as_deref() == Some(id.as_str())).then(|| {
            let yes = {
                let app = app.clone();
                let id = id.clone();
                let confirm_delete = confirm_delete.clone();
                let refresh = refresh.clone();
                let message = message.clone();
                let name = m.name.clone();
                Callback::from(move |_: MouseEvent| {
                    let was_current = app.state().project.as_deref() == Some(id.as_str());
                    let _ = store::delete(&mut LocalKv, &id);
                    if was_current {
                        // The deleted project leaves the screen too (else autosave would save
                        // it again); the demo takes its place.
                        app.dispatch(Action::NewPlan {
                            plan: Box::new(demo_plan()),
                            demo: true,
                        });
                        app.dispatch(Action::SetPage(Page::Projects));
                    }
                    message.set(Some(match app.lang() {
                        Lang::Zh => format!("已删除「{name}」。"),
                        Lang::En => format!("Deleted “{name}”."),
                    }));
                    confirm_delete.set(None);
                    refresh();
                })
            };
            let no = {
                let confirm_delete = confirm_delete.clone();
                Callback::from(move |_: MouseEvent| confirm_delete.set(None))
            };
            html! {
                <div class="confirm" role="alertdialog" aria-label={t(lang, Key::ConfirmDeletion)}>
                    <span>{ match lang {
                        Lang::Zh => format!("删除「{}」?本机保存的这个项目将被删除,无法恢复(已导出的文件不受影响)。", m.name),
                        Lang::En => format!("Delete “{}”? The copy saved in this browser is removed for good (exported files are not affected).", m.name),
                    } }</span>
                    <button type="button" class="danger" onclick={yes} data-testid="confirm-delete">{ t(lang, Key::Delete) }</button>
                    <button type="button" onclick={no}>{ t(lang, Key::Cancel) }</button>
                </div>
            }
        });
        html! {
            <li key={id.clone()} class={classes!("project", is_current.then_some("current"))} data-project={id.clone()}>
                <div class="project-main">
                    { name_cell }
                    if is_current { <span class="badge">{ t(lang, Key::Open) }</span> }
                    <span class="saved">{ format!("{} {}", t(lang, Key::Saved), date_time(m.saved_at_ms)) }</span>
                </div>
                <div class="project-actions">
                    <button type="button" onclick={open} disabled={is_current}>{ t(lang, Key::OpenProject) }</button>
                    <button type="button" onclick={start_rename}>{ t(lang, Key::Rename) }</button>
                    <button type="button" onclick={duplicate}>{ t(lang, Key::Duplicate) }</button>
                    <button type="button" class="danger" onclick={ask_delete}>{ t(lang, Key::Delete) }</button>
                </div>
                { for confirm }
            </li>
        }
    });
    let new_blank = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            flush(&app);
            let lang = app.lang();
            app.dispatch(Action::NewPlan {
                plan: Box::new(Plan::blank(
                    t(lang, Key::NewCommunity),
                    t(lang, Key::Scenario1),
                )),
                demo: false,
            });
        })
    };
    let new_demo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            flush(&app);
            app.dispatch(Action::NewPlan {
                plan: Box::new(demo_plan()),
                demo: true,
            });
        })
    };
    let export = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| export_plan(&app))
    };
    let on_file = {
        let app = app.clone();
        let refusal = refusal.clone();
        let message = message.clone();
        Callback::from(move |e: Event| {
            let Some(file) = crate::ui::files::picked_file(&e) else {
                return;
            };
            let name = file.name();
            // Too large: refused before reading it into memory.
            if file.size() > MAX_BYTES as u64 {
                let e = load(&vec![b' '; MAX_BYTES + 1]).err();
                refusal.set(e.map(|e| Refusal {
                    source: name,
                    text: load_error_text(app.lang(), &e),
                    rest: None,
                }));
                return;
            }
            let app = app.clone();
            let refusal = refusal.clone();
            let message = message.clone();
            let task = gloo::file::callbacks::read_as_bytes(&file, move |r| {
                let lang = app.lang();
                let Ok(bytes) = r else {
                    refusal.set(Some(Refusal {
                        source: name,
                        text: t(lang, Key::TheFileCouldNotBe).into(),
                        rest: None,
                    }));
                    return;
                };
                match load(&bytes) {
                    Ok(loaded) => {
                        refusal.set(None);
                        let mut text = match lang {
                            Lang::Zh => {
                                format!("已导入「{}」为新项目。", loaded.plan.community.name)
                            }
                            Lang::En => format!(
                                "Imported “{}” as a new project.",
                                loaded.plan.community.name
                            ),
                        };
                        // What the reader fixed, and the fields it kept without knowing them.
                        for n in loaded.notes.iter().take(10) {
                            text.push('\n');
                            text.push_str(&n.message_with_path(lang));
                        }
                        if loaded.notes.len() > 10 {
                            text.push_str(&match lang {
                                Lang::Zh => format!("\n……另有 {} 处", loaded.notes.len() - 10),
                                Lang::En => format!("\n… and {} more", loaded.notes.len() - 10),
                            });
                        }
                        message.set(Some(text));
                        import_as_new(&app, loaded);
                    }
                    Err(e) => refusal.set(Some(Refusal {
                        source: name,
                        text: load_error_text(lang, &e),
                        rest: e.valid_rest.map(|r| (Rc::new(*r), e.errors.len())),
                    })),
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let refusal_html = (*refusal).clone().map(|r| {
        let keep = r.rest.clone().map(|(rest, n)| {
            let app = app.clone();
            let refusal = refusal.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                import_as_new(&app, (*rest).clone());
                refusal.set(None);
            });
            html! {
                <button type="button" class="primary" {onclick} data-testid="import-rest">{ match lang {
                    Lang::Zh => format!("去掉有问题的 {n} 处,导入其余部分"),
                    Lang::En => format!("Leave out the {n} bad parts and import the rest"),
                } }</button>
            }
        });
        html! {
            <div class="refusal" role="alert" data-testid="import-error">
                <p><strong>{ match lang {
                    Lang::Zh => format!("未导入「{}」,当前项目没有改变:", r.source),
                    Lang::En => format!("“{}” was not imported; the open project is unchanged:", r.source),
                } }</strong></p>
                <pre class="messages">{ r.text.clone() }</pre>
                { for keep }
            </div>
        }
    });
    let make_link = {
        let app = app.clone();
        let link = link.clone();
        Callback::from(move |_: MouseEvent| link.set(Some(share::encode(&app.state().plan.0))))
    };
    let link_html = (*link).clone().map(|l| match l {
        Ok(fragment) => {
            // The app's own address, without the page the sender was on: a link opens on
            // the plan.
            let url = web_sys::window()
                .map(|w| {
                    let l = w.location();
                    format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
                })
                .unwrap_or_default()
                + "#"
                + &fragment;
            let copy = {
                let app = app.clone();
                let url = url.clone();
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
                    <label for="share-url">{ match lang {
                        Lang::Zh => format!("分享链接({} 个字符)", url.chars().count()),
                        Lang::En => format!("Share link ({} characters)", url.chars().count()),
                    } }</label>
                    <input id="share-url" type="text" readonly=true value={url} data-testid="share-url" />
                    <button type="button" class="primary" onclick={copy}>{ t(lang, Key::CopyLink) }</button>
                    <p class="hint">{ pick(lang, (
                        "链接里就是整个规划,不经过任何服务器。对方用浏览器打开后可导入为新项目。",
                        "The link holds the whole plan and goes through no server. Whoever opens it can import it as a new project.",
                    )) }</p>
                </div>
            }
        }
        Err(LinkError::TooLong { chars }) => html! {
            <p class="error" role="alert" data-testid="link-too-long">{ match lang {
                Lang::Zh => format!("这个规划太大,链接将有 {chars} 个字符(上限 {}),在微信等聊天工具中会被截断。请改用“导出规划文件”,把文件发给对方。", share::MAX_LINK_CHARS),
                Lang::En => format!("This plan is too large for a link ({chars} characters; the limit is {}): chat apps would cut it. Export the plan file and send the file instead.", share::MAX_LINK_CHARS),
            } }</p>
        },
    });
    let ask_persist = {
        let persisted = persisted.clone();
        Callback::from(move |_: MouseEvent| {
            let persisted = persisted.clone();
            request_persistence(move |v| persisted.set(Some(v)));
        })
    };
    let persist_html = match *persisted {
        Some(true) => {
            html! { <p class="ok">{ t(lang, Key::TheBrowserHasAgreedTo) }</p> }
        }
        _ => html! {
            <p class="hint">
                { t(lang, Key::WhenSpaceRunsShortA) }
                <button type="button" class="link" onclick={ask_persist}>{ t(lang, Key::AskToKeepIt) }</button>
                { t(lang, Key::ExportImportantPlansAsFiles) }
            </p>
        },
    };
    let to_report = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::SetPage(Page::Report)))
    };
    // A project that cannot be opened stays as it is: export it, or open its readable part.
    let problem_html = (*problem).clone().map(|(id, text)| {
        let export = {
            let id = id.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(raw) = store::raw_plan(&LocalKv, &id) {
                    let name = format!("{id}-damaged.json");
                    if !crate::ui::files::download(&name, "application/json", &raw) {
                        crate::ui::files::copy(raw, |_| ());
                    }
                }
            })
        };
        let rest = store::raw_plan(&LocalKv, &id)
            .and_then(|raw| crate::core::plan_file::load_str(&raw).err())
            .and_then(|e| e.valid_rest)
            .map(|rest| {
                let app = app.clone();
                let problem = problem.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    import_as_new(&app, (*rest).clone());
                    problem.set(None);
                });
                html! { <button type="button" class="primary" {onclick}>{ t(lang, Key::RepairDamaged) }</button> }
            });
        html! {
            <div class="refusal" role="alert" data-testid="open-error">
                <p><strong>{ t(lang, Key::ThisProjectCannotBeOpened) }</strong></p>
                <pre class="messages">{ text }</pre>
                <div class="row">
                    <button type="button" onclick={export}>{ t(lang, Key::ExportDamaged) }</button>
                    { for rest }
                </div>
            </div>
        }
    });
    let in_app = crate::ui::files::in_app_browser();
    html! {
        <section class="projects-page pane" aria-labelledby="projects-title">
            <h2 id="projects-title">{ t(lang, Key::PageProjects) }</h2>
            if let Some(m) = (*message).clone() { <p class="message messages" role="status" data-testid="projects-message">{ m }</p> }
            { problem_html }
            <div class="page-grid">
                <section>
                    <h3>{ t(lang, Key::ProjectsSavedInThisBrowser) }</h3>
                    if metas.is_empty() {
                        <p class="hint">{ t(lang, Key::NoSavedProjectsYetEdit) }</p>
                    }
                    <ul class="project-list" data-testid="project-list">{ for rows }</ul>
                    <div class="row">
                        <button type="button" onclick={new_blank} data-testid="new-blank">{ t(lang, Key::NewBlankCommunity) }</button>
                        <button type="button" onclick={new_demo}>{ t(lang, Key::OpenTheDemoCommunity) }</button>
                    </div>
                    { persist_html }
                </section>
                <section>
                    <h3>{ t(lang, Key::PlanFiles) }</h3>
                    <p class="hint">{ pick(lang, (
                        "规划文件(.json)包含小区、方案、表决与设置,可在任何电脑上用本工具打开。导入的文件总是成为新项目,不会覆盖当前项目。",
                        "A plan file (.json) holds the community, scenarios, votes and settings, and opens in this planner on any computer. An imported file always becomes a new project; it never replaces the open one.",
                    )) }</p>
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
                    <h3>{ t(lang, Key::ShareLink) }</h3>
                    <button type="button" onclick={make_link} data-testid="make-link">{ t(lang, Key::MakeAShareLink) }</button>
                    { for link_html }
                    <h3>{ t(lang, Key::PublicNoticeReport) }</h3>
                    <p class="hint">{ t(lang, Key::PrintItOrSaveIt) }</p>
                    <button type="button" class="primary" onclick={to_report}>{ t(lang, Key::OpenTheReport) }</button>
                </section>
            </div>
        </section>
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

/// A plan that arrived in a link: shown read-only (every page works, nothing is saved) with
/// the offer to import it as a new project or to go back to one's own plans. It never
/// replaces the user's work.
#[component]
pub fn LinkOffer() -> Html {
    let app = use_app();
    let lang = app.lang();
    let incoming = use_state(read_fragment);
    let latest = use_mut_ref(|| app.clone());
    *latest.borrow_mut() = app.clone();
    {
        // A link pasted into this tab's address bar changes only the fragment: the work on
        // screen is saved, then the linked plan is shown.
        let incoming = incoming.clone();
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let l =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    let found = read_fragment();
                    if let Some(Ok(loaded)) = &found {
                        let app = latest.borrow().clone();
                        flush(&app);
                        app.dispatch(Action::Preview {
                            plan: Box::new(loaded.plan.clone()),
                        });
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
        let incoming = incoming.clone();
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            clear_fragment();
            incoming.set(None);
            if app.state().save == SaveState::Preview {
                app.dispatch(Action::Restore(Box::new(crate::ui::session::own_state())));
            }
        })
    };
    match found {
        Ok(loaded) => {
            let import = {
                let app = app.clone();
                let incoming = incoming.clone();
                let loaded = loaded.clone();
                Callback::from(move |_: MouseEvent| {
                    import_as_new(&app, (*loaded).clone());
                    clear_fragment();
                    incoming.set(None);
                })
            };
            let p = &loaded.plan;
            let items: usize = p.scenarios.iter().map(|s| s.items.len()).sum();
            html! {
                <div class="banner offer" role="region" aria-label={t(lang, Key::LinkOfferLabel)} data-testid="link-offer">
                    <span>{ match lang {
                        Lang::Zh => format!("您正在查看链接中的规划「{}」({} 栋楼,{} 个方案,{} 个改造项目),只能查看,不会保存。导入为新项目后可以修改;您自己的规划不受影响。", p.community.name, p.community.buildings.len(), p.scenarios.len(), items),
                        Lang::En => format!("You are looking at the plan “{}” from a link ({} buildings, {} scenarios, {} items): view only, nothing is saved. Import it as a new project to edit it; your own plans are not changed.", p.community.name, p.community.buildings.len(), p.scenarios.len(), items),
                    } }</span>
                    <button type="button" class="primary" onclick={import} data-testid="import-link">{ t(lang, Key::ImportAsANewProject) }</button>
                    <button type="button" onclick={back} data-testid="leave-link">{ t(lang, Key::DonTImportBackTo) }</button>
                </div>
            }
        }
        Err(e) => html! {
            <div class="banner problem" role="alert" data-testid="link-error">
                <span class="messages">{ link_error_text(lang, &e) }</span>
                <button type="button" onclick={back}>{ t(lang, Key::Close) }</button>
            </div>
        },
    }
}
