//! Browser tests: components mounted in a real headless browser (Chromium and Firefox) and
//! checked through the DOM. Native `cargo test` skips this file.
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.
#![cfg(target_arch = "wasm32")]

use renovation_planner::ui::app::App;
use renovation_planner::ui::i18n::Lang;
use renovation_planner::ui::site_plan::{SitePlan, SitePlanProps};
use renovation_planner::ui::state::{demo_plan, PlanRef};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the document to mount into.
fn mount_point() -> Element {
    let doc = gloo::utils::document();
    let div = doc.create_element("div").expect("create div");
    doc.body()
        .expect("body")
        .append_child(&div)
        .expect("append");
    div
}

#[wasm_bindgen_test]
async fn site_plan_draws_every_building_with_its_stairwells() {
    let root = mount_point();
    let plan = demo_plan();
    let props = SitePlanProps {
        plan: PlanRef(Rc::new(plan.clone())),
        lang: Lang::Zh,
    };
    let handle = yew::Renderer::<SitePlan>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let buildings = root.query_selector_all(".building").expect("query");
    assert_eq!(buildings.length() as usize, plan.community.buildings.len());
    for b in &plan.community.buildings {
        let g = root
            .query_selector(&format!("[data-building=\"{}\"]", b.id))
            .expect("query")
            .expect("building group present");
        let label = g.query_selector(".building-label").unwrap().unwrap();
        assert_eq!(label.text_content().unwrap(), b.name);
        assert_eq!(
            g.query_selector_all(".stairwell").unwrap().length() as usize,
            b.stairwells.len()
        );
    }
    let svg = root.query_selector("svg").unwrap().unwrap();
    assert!(svg
        .get_attribute("aria-label")
        .unwrap()
        .contains(&plan.community.name));
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn app_switches_language_when_the_button_is_clicked() {
    <gloo::storage::LocalStorage as gloo::storage::Storage>::clear();
    let root = mount_point();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let h1 = || {
        root.query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    let click = |label: &str| {
        let buttons = root.query_selector_all(".lang-switch button").unwrap();
        for i in 0..buttons.length() {
            let b: HtmlElement = buttons.get(i).unwrap().dyn_into().unwrap();
            if b.text_content().unwrap() == label {
                b.click();
                return;
            }
        }
        panic!("no button {label}");
    };
    click("English");
    yew::scheduler::flush().await;
    assert_eq!(h1(), "Renovation Planner");
    let pressed = root
        .query_selector(".lang-switch button[aria-pressed=\"true\"]")
        .unwrap()
        .unwrap();
    assert_eq!(pressed.text_content().unwrap(), "English");
    click("中文");
    yew::scheduler::flush().await;
    assert_eq!(h1(), "老旧小区改造规划");
    // The summary shows the demo's cost in Chinese money format.
    let total = root
        .query_selector("[data-testid=\"total-likely\"]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(total.starts_with('¥') && total.ends_with('万'), "{total}");
    handle.destroy();
}
