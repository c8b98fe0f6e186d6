//! Browser tests: the app mounted in a real headless browser (Chromium and Firefox), driven
//! through synthetic pointer and keyboard events, checked through the DOM. Native
//! `cargo test` skips this file.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.

use renovation_planner::ui::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, PointerEvent, PointerEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app in English on the demo, with its stylesheet, the plan 760 × 420 px.
async fn mount() -> (Element, yew::AppHandle<App>) {
    <gloo::storage::LocalStorage as gloo::storage::Storage>::clear();
    let _ = <gloo::storage::LocalStorage as gloo::storage::Storage>::set(
        "renovation-planner.lang",
        "en",
    );
    let doc = gloo::utils::document();
    if doc.get_element_by_id("test-style").is_none() {
        let style = doc.create_element("style").unwrap();
        style.set_id("test-style");
        // The app's own stylesheet, then the plan pinned to the top of the (small) test window.
        let css = format!(
            "{}\nsvg.site-plan{{position:fixed;left:0;top:0;width:760px;height:420px;z-index:10}}",
            include_str!("../static/styles.css")
        );
        style.set_text_content(Some(&css));
        doc.head().unwrap().append_child(&style).unwrap();
    }
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    let handle = yew::Renderer::<App>::with_root(div.clone()).render();
    yew::scheduler::flush().await;
    (div, handle)
}

fn q(root: &Element, sel: &str) -> Element {
    root.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no {sel}"))
}

fn text(root: &Element, sel: &str) -> String {
    q(root, sel).text_content().unwrap_or_default()
}

/// The yuan in a text such as "¥4,061,892".
fn yuan(s: &str) -> i64 {
    s.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap()
}

/// Screen position of a plan point (metres), as the editor maps it.
fn screen(root: &Element, x: f64, y: f64) -> (f64, f64) {
    let svg = q(root, "svg.site-plan");
    let vb: Vec<f64> = svg
        .get_attribute("viewBox")
        .unwrap()
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    let r = svg.get_bounding_client_rect();
    let s = (r.width() / vb[2]).min(r.height() / vb[3]);
    let left = r.left() + (r.width() - vb[2] * s) / 2.0;
    let top = r.top() + (r.height() - vb[3] * s) / 2.0;
    (left + (x - vb[0]) * s, top + (y - vb[1]) * s)
}

fn pointer(target: &web_sys::EventTarget, kind: &str, x: f64, y: f64) {
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_client_x(x as i32);
    init.set_client_y(y as i32);
    init.set_pointer_id(1);
    init.set_pointer_type("mouse");
    init.set_is_primary(true);
    init.set_button(0);
    init.set_buttons(if kind == "pointerup" { 0 } else { 1 });
    let e = PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&e).unwrap();
}

/// A pointer drag on the element under the start point, in plan metres.
async fn drag_plan(root: &Element, from: (f64, f64), to: (f64, f64)) {
    let (x0, y0) = screen(root, from.0, from.1);
    let (x1, y1) = screen(root, to.0, to.1);
    let doc = gloo::utils::document();
    let el = doc.element_from_point(x0 as f32, y0 as f32).unwrap();
    pointer(&el, "pointerdown", x0, y0);
    yew::scheduler::flush().await;
    // Selecting must not re-create the element under the pointer.
    assert!(el.is_connected(), "the pressed element stays in the page");
    pointer(&el, "pointermove", (x0 + x1) / 2.0, (y0 + y1) / 2.0);
    yew::scheduler::flush().await;
    pointer(&el, "pointermove", x1, y1);
    yew::scheduler::flush().await;
    pointer(&el, "pointerup", x1, y1);
    yew::scheduler::flush().await;
}

fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
async fn the_demo_plan_is_drawn_with_every_building_and_stairwell() {
    let (root, handle) = mount().await;
    assert_eq!(root.query_selector_all(".building").unwrap().length(), 6);
    assert_eq!(root.query_selector_all(".stairwell").unwrap().length(), 14);
    // The generated name "3号楼" in the page's language ("Building 3" in English).
    let lang = renovation_planner::core::lang::Lang::from_tag(
        &gloo::utils::window()
            .navigator()
            .language()
            .unwrap_or_default(),
    );
    assert_eq!(
        text(&root, "[data-building=\"3\"] .building-label"),
        renovation_planner::core::format::place_name("3号楼", lang)
    );
    assert!(q(&root, "svg.site-plan")
        .get_attribute("aria-label")
        .unwrap()
        .contains("建设路纺织厂家属院"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn drawing_a_building_adds_it_to_the_plan() {
    let (root, handle) = mount().await;
    click(&q(&root, "button[aria-label=\"Building (rectangle)\"]"));
    yew::scheduler::flush().await;
    drag_plan(&root, (118.0, 100.0), (133.0, 109.0)).await;
    assert_eq!(root.query_selector_all(".building").unwrap().length(), 7);
    // The new building is selected and its properties are shown.
    assert!(q(&root, "#prop-name")
        .dyn_ref::<web_sys::HtmlInputElement>()
        .unwrap()
        .value()
        .starts_with("Building 7"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn placing_an_elevator_on_a_stairwell_adds_its_cost_to_the_summary() {
    let (root, handle) = mount().await;
    let before = yuan(&text(&root, "[data-testid=\"total-likely\"]"));
    let items = yuan(&text(&root, "[data-testid=\"items-placed\"]"));
    // Select stairwell 2 of building 2 (id 22), then pick the elevator in the palette.
    let mark = q(&root, "[data-stairwell=\"22\"] rect");
    let r = mark.get_bounding_client_rect();
    let (x, y) = (r.left() + r.width() / 2.0, r.top() + r.height() / 2.0);
    pointer(&mark, "pointerdown", x, y);
    pointer(&mark, "pointerup", x, y);
    yew::scheduler::flush().await;
    click(&q(&root, "button[data-item=\"elevator\"]"));
    yew::scheduler::flush().await;
    assert_eq!(
        yuan(&text(&root, "[data-testid=\"items-placed\"]")),
        items + 1
    );
    let after = yuan(&text(&root, "[data-testid=\"total-likely\"]"));
    // 500 000 yuan + 3 % design + 2 % supervision + 10 % contingency.
    assert_eq!(after - before, 575_000);
    assert_eq!(
        root.query_selector_all(".badge[data-item=\"elevator\"]")
            .unwrap()
            .length(),
        3
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn dragging_a_building_moves_it_on_the_grid_and_undo_restores_it() {
    let (root, handle) = mount().await;
    let outline = || {
        q(&root, "[data-building=\"1\"] polygon")
            .get_attribute("points")
            .unwrap()
    };
    let original = outline();
    assert_eq!(original, "8.00,12.00 53.00,12.00 53.00,23.00 8.00,23.00");
    // Grab building 1 away from its stairwell marks and badges, move by (3.4, 2.3) m.
    drag_plan(&root, (20.0, 15.0), (23.4, 17.3)).await;
    assert_eq!(
        outline(),
        "11.00,14.00 56.00,14.00 56.00,25.00 11.00,25.00",
        "moved 3 m east, 2 m south: snapped"
    );
    click(&q(&root, "button[aria-label=\"Undo\"]"));
    yew::scheduler::flush().await;
    assert_eq!(outline(), original);
    click(&q(&root, "button[aria-label=\"Redo\"]"));
    yew::scheduler::flush().await;
    assert_eq!(outline(), "11.00,14.00 56.00,14.00 56.00,25.00 11.00,25.00");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn an_elevator_dropped_on_a_road_is_refused_with_a_message() {
    let (root, handle) = mount().await;
    let items = yuan(&text(&root, "[data-testid=\"items-placed\"]"));
    let button = q(&root, "button[data-item=\"elevator\"]");
    let r = button.get_bounding_client_rect();
    pointer(&button, "pointerdown", r.left() + 5.0, r.top() + 5.0);
    let (x, y) = screen(&root, 64.6, 50.0);
    let win: web_sys::EventTarget = gloo::utils::window().into();
    pointer(&win, "pointermove", x, y);
    yew::scheduler::flush().await;
    pointer(&win, "pointerup", x, y);
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, "[data-testid=\"notice\"]"),
        "Added elevator needs a stairwell"
    );
    assert_eq!(
        yuan(&text(&root, "[data-testid=\"items-placed\"]")),
        items,
        "nothing placed"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_the_title() {
    let (root, handle) = mount().await;
    assert_eq!(text(&root, "h1"), "Renovation Planner");
    let zh = q(&root, ".lang-switch button[lang=\"zh-CN\"]");
    click(&zh);
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "h1"), "老旧小区改造规划");
    let total = text(&root, "[data-testid=\"total-likely\"]");
    assert!(total.starts_with('¥') && total.ends_with('万'), "{total}");
    handle.destroy();
}
