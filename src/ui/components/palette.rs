//! The catalog palette: items grouped by class and colour-coded, searchable in both languages.
//! Click an item to place it on the selected target (or on the whole community when it allows
//! that and nothing is selected), or drag it onto the plan.

use crate::core::catalog::{CatalogItem, Class};
use crate::core::command::{Command, EditError, Feature};
use crate::core::format::money_compact;
use crate::core::site::{Target, TargetKind};
use crate::ui::i18n::{class_name, refusal, t, unit_name, Key, Lang};
use crate::ui::labels::{class_css, item_name};
use crate::ui::session::{use_session, Session};
use crate::ui::state::{Notice, Sel};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// True when `item` matches the search text in either language or by id.
pub fn matches(item: &CatalogItem, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    q.is_empty()
        || item.name_zh.contains(q.as_str())
        || item.name_en.to_lowercase().contains(q.as_str())
        || item.id.contains(q.as_str())
}

/// The target a selection offers, if any.
pub fn target_of_selection(app: &Session) -> Option<Target> {
    let s = app.state();
    let plan = &s.plan.0;
    s.selection.first().and_then(|sel| match *sel {
        Sel::Feature(Feature::Building(id)) => Some(Target::Building(id)),
        Sel::Feature(Feature::Area(id)) => Some(Target::Area(id)),
        Sel::Feature(Feature::Pipe(id)) => Some(Target::Pipe(id)),
        Sel::Feature(Feature::Point(id)) => Some(Target::Point(id)),
        Sel::Stairwell(id) => Some(Target::Stairwell(id)),
        Sel::Placement(id) => plan
            .scenario()
            .items
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.target),
    })
}

/// Places `item` on `target`, or says why it cannot go there. Without a target, an item that
/// goes only on the whole community is placed there; any other item is not placed on the
/// whole community silently (that can cost a great deal): the message says where it goes and
/// offers the whole community as a choice.
pub fn place(app: &Session, item: &CatalogItem, target: Option<Target>) {
    let target = match target {
        Some(t) => t,
        None if item.targets == [TargetKind::Community] => Target::Community,
        None => {
            app.notify(Notice::DropMissed {
                item: item.id.clone(),
            });
            return;
        }
    };
    // A building was chosen for an item that goes on its stairwells (elevators): say so.
    if let Target::Building(_) = target {
        if !item.targets.contains(&TargetKind::Building) {
            app.notify(Notice::Refused(EditError::WrongTarget {
                item: item.id.clone(),
                needs: item
                    .targets
                    .first()
                    .copied()
                    .unwrap_or(TargetKind::Community),
            }));
            return;
        }
    }
    app.edit(Command::Place {
        item: item.id.clone(),
        target,
    });
}

/// A palette item being dragged.
#[derive(Clone, PartialEq)]
struct Dragging {
    item: Rc<CatalogItem>,
    x: f64,
    y: f64,
}

/// Reads the target under a screen point: the innermost element with `data-hit`.
pub fn target_at(app: &Session, x: f64, y: f64) -> Option<Option<Target>> {
    let doc = gloo::utils::document();
    let el = doc.element_from_point(x as f32, y as f32)?;
    let in_plan = el.closest("svg.site-plan").ok().flatten().is_some();
    if !in_plan {
        return None;
    }
    let hit = el.closest("[data-hit]").ok().flatten();
    let Some(hit) = hit.and_then(|h| h.get_attribute("data-hit")) else {
        return Some(None);
    };
    Some(crate::ui::editor::parse_hit(&hit).and_then(|h| h.target(&app.state().plan.0)))
}

/// Properties of [`Palette`].
#[derive(Properties, PartialEq)]
pub struct PaletteProps {}

/// The catalog palette.
#[component]
pub fn Palette(_props: &PaletteProps) -> Html {
    let app = use_session();
    let lang = app.lang();
    let query = use_state(String::new);
    let dragging = use_state(|| None::<Dragging>);
    let listeners = use_mut_ref(Vec::<EventListener>::new);
    let catalog = crate::ui::computed::catalog_of(&app.state().plan.0);
    let search_ref = use_node_ref();
    let on_search = {
        let query = query.clone();
        crate::ui::components::fields::use_ime_text(
            search_ref.clone(),
            Callback::from(move |text: String| query.set(text)),
        )
    };
    let start_drag = |item: Rc<CatalogItem>| {
        let dragging = dragging.clone();
        let listeners = listeners.clone();
        let app = app.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 || e.pointer_type() == "touch" {
                return; // touch: tap to place; scrolling the list stays possible
            }
            let start = (f64::from(e.client_x()), f64::from(e.client_y()));
            let moved = Rc::new(RefCell::new(false));
            let win = gloo::utils::window();
            let d = dragging.clone();
            let item_m = item.clone();
            let moved_m = moved.clone();
            let on_move = EventListener::new(&win, "pointermove", move |ev| {
                let Some(ev) = ev.dyn_ref::<web_sys::PointerEvent>() else {
                    return;
                };
                let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
                if !*moved_m.borrow() && (x - start.0).hypot(y - start.1) < 6.0 {
                    return;
                }
                *moved_m.borrow_mut() = true;
                d.set(Some(Dragging {
                    item: item_m.clone(),
                    x,
                    y,
                }));
            });
            let d = dragging.clone();
            let l = listeners.clone();
            let app = app.clone();
            let item_u = item.clone();
            let on_up = EventListener::new(&win, "pointerup", move |ev| {
                let Some(ev) = ev.dyn_ref::<web_sys::PointerEvent>() else {
                    return;
                };
                let was_drag = *moved.borrow();
                d.set(None);
                if was_drag {
                    if let Some(target) =
                        target_at(&app, f64::from(ev.client_x()), f64::from(ev.client_y()))
                    {
                        place(&app, &item_u, target);
                    }
                }
                // Drop the listeners after this event has been handled.
                let l = l.clone();
                gloo::timers::callback::Timeout::new(0, move || l.borrow_mut().clear()).forget();
            });
            *listeners.borrow_mut() = vec![on_move, on_up];
        })
    };
    let groups = Class::ALL.iter().map(|&class| {
        let items: Vec<&CatalogItem> = catalog
            .items
            .iter()
            .filter(|i| i.class == class && matches(i, &query))
            .collect();
        if items.is_empty() {
            return html! {};
        }
        let rows = items.into_iter().map(|item| {
            let rc = Rc::new(item.clone());
            let onclick = {
                let app = app.clone();
                let rc = rc.clone();
                Callback::from(move |_: MouseEvent| place(&app, &rc, target_of_selection(&app)))
            };
            let onpointerdown = start_drag(rc);
            let price = format!(
                "{}/{}",
                money_compact(item.unit_cost.likely, lang),
                unit_name(lang, item.unit)
            );
            html! {
                <li key={item.id.clone()}>
                    <button type="button" class={classes!("palette-item", class_css(class))}
                        data-item={item.id.clone()}
                        title={format!("{} · {}", item.name(lang), crate::ui::i18n::class_name(lang, class))}
                        aria-label={format!("{} · {}", item.name(lang), price)}
                        {onclick} {onpointerdown}>
                        <span class="swatch" aria-hidden="true"></span>
                        <span class="item-name">{ item.name(lang) }</span>
                        <span class="item-price">{ price }</span>
                    </button>
                </li>
            }
        });
        html! {
            <section class="palette-group" key={class_name(Lang::En, class)}>
                <h3 class={class_css(class)}>{ class_name(lang, class) }</h3>
                <ul>{ for rows }</ul>
            </section>
        }
    });
    let any = catalog.items.iter().any(|i| matches(i, &query));
    let ghost = (*dragging).as_ref().map(|d| {
        html! {
            <div class={classes!("drag-ghost", class_css(d.item.class))} style={format!("left:{}px;top:{}px", d.x + 12.0, d.y + 12.0)} aria-hidden="true">
                { d.item.name(lang) }
            </div>
        }
    });
    // Escape goes back to the plan.
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        if e.key() == "Escape" {
            if let Some(el) = gloo::utils::document()
                .query_selector("svg.site-plan [tabindex]")
                .ok()
                .flatten()
            {
                if let Some(s) = el.dyn_ref::<web_sys::SvgElement>() {
                    e.prevent_default();
                    let _ = s.focus();
                }
            }
        }
    });
    html! {
        <section class="palette" aria-labelledby="palette-title" {onkeydown}>
            <h2 id="palette-title">{ t(lang, Key::Catalog) }</h2>
            <p class="hint">{ t(lang, Key::DragToPlace) }</p>
            <input type="search" class="search" ref={search_ref} placeholder={t(lang, Key::SearchCatalog)} aria-label={t(lang, Key::SearchCatalog)}
                oninput={on_search} />
            if !any {
                <p class="hint">{ t(lang, Key::NoMatch) }</p>
            }
            { for groups }
            { for ghost }
        </section>
    }
}

/// A short text for a refusal, naming the items.
pub fn refusal_text(app: &Session, e: &EditError) -> String {
    let lang = app.lang();
    let catalog = crate::ui::computed::catalog_of(&app.state().plan.0);
    refusal(lang, e, &|id| item_name(&catalog, id, lang))
}

/// The name of a unit pair helper for other views.
pub fn unit_label(lang: Lang, item: &CatalogItem) -> &'static str {
    crate::ui::i18n::unit_name(lang, item.unit)
}
