//! Component tests of the app in headless Chromium (wasm-bindgen-test).
//! Run by `make test-browser`; see webdriver.json for the browser flags.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use policylens_web::app::{Analysis, App};
use policylens_web::components::{OutlineTree, ViewProps};
use policylens_web::i18n::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

const POLICY: &str = "示例隐私政策\n一、我们如何收集信息\n我们收集您的手机号。\n二、联系我们\n邮箱：a@example.com。\n";

fn mount() -> Element {
    // As boot.js does before the app mounts (the model is not in the wasm).
    let _ = policylens_core::install_clause_model(include_bytes!("../crates/core/data/clause_model.bin"));
    let doc = gloo_utils_document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn gloo_utils_document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn analysis(text: &str) -> Analysis {
    Analysis::new(policylens_core::analyze(text), Rc::from(text), 0.0)
}

/// Waits until `ready` holds, for at most ten seconds (then the assertions
/// that follow say what is missing).
async fn until(ready: impl Fn() -> bool) {
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if ready() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
}

#[wasm_bindgen_test]
async fn outline_tree_lists_the_sections() {
    let root = mount();
    let props = ViewProps { analysis: analysis(POLICY), lang: Lang::Zh, on_select: Default::default() };
    yew::Renderer::<OutlineTree>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let outline = root.query_selector("[data-testid=outline]").unwrap().unwrap();
    let labels: Vec<String> = {
        let list = outline.query_selector_all(".node.section > .node-label .heading").unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap()).collect()
    };
    assert_eq!(labels, vec!["一、我们如何收集信息", "二、联系我们"]);
}

#[wasm_bindgen_test]
async fn typing_a_policy_reanalyses_it_and_markup_stays_text() {
    let root = mount();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let area: HtmlTextAreaElement =
        root.query_selector("[data-testid=policy-input]").unwrap().unwrap().dyn_into().unwrap();
    let hostile =
        format!("{POLICY}三、其他\n<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>。\n");
    area.set_value(&hostile);
    let event = web_sys::InputEvent::new("input").unwrap();
    area.dispatch_event(&event).unwrap();
    // The analysis is debounced by 250 ms, runs on this thread (no worker
    // here, debug build) and the document then appears a step per frame:
    // wait for the last step rather than guess a time.
    until(|| {
        let complete = root.query_selector("[data-testid=document][data-complete=true]").unwrap().is_some();
        complete && root.query_selector_all("[data-testid=outline] .node.section").unwrap().length() == 3
    })
    .await;
    let sections = root.query_selector_all("[data-testid=outline] .node.section").unwrap();
    assert_eq!(sections.length(), 3);
    let document = root.query_selector("[data-testid=document]").unwrap().unwrap();
    assert!(document.text_content().unwrap().contains("<img src=x"));
    assert!(document.query_selector("img").unwrap().is_none());
    assert!(document.query_selector("script").unwrap().is_none());
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_every_label_and_is_remembered() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("policylens.lang").unwrap();
    let root = mount();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let attr = |sel: &str, name: &str| root.query_selector(sel).unwrap().unwrap().get_attribute(name);
    assert_eq!(attr("[data-testid=outline]", "aria-label").as_deref(), Some("目录结构"));
    assert_eq!(attr("[data-testid=lang-switch]", "lang").as_deref(), Some("en"));
    // Nothing is written until the user chooses.
    assert_eq!(storage.get_item("policylens.lang").unwrap(), None);
    let switch: web_sys::HtmlElement =
        root.query_selector("[data-testid=lang-switch]").unwrap().unwrap().dyn_into().unwrap();
    switch.click();
    until(|| attr("[data-testid=outline]", "aria-label").as_deref() == Some("Outline")).await;
    assert_eq!(attr("[data-testid=outline]", "aria-label").as_deref(), Some("Outline"));
    assert_eq!(attr("[data-testid=lang-switch]", "lang").as_deref(), Some("zh-CN"));
    assert_eq!(root.query_selector("[data-testid=findings] h2").unwrap().unwrap().text_content().unwrap(), "Findings");
    let html = gloo_utils_document().document_element().unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(storage.get_item("policylens.lang").unwrap().as_deref(), Some("en"));
    storage.remove_item("policylens.lang").unwrap();
}

#[wasm_bindgen_test]
async fn mount_report_renders_the_panels_and_updates_them_in_place() {
    let root = mount();
    let mut mounted = policylens_web::element::mount_report(root.clone(), POLICY, "en");
    yew::scheduler::flush().await;
    let text = |sel: &str| root.query_selector(sel).unwrap().unwrap().text_content().unwrap();
    let attr = |sel: &str, name: &str| root.query_selector(sel).unwrap().unwrap().get_attribute(name);
    assert_eq!(attr(".app.embed", "lang").as_deref(), Some("en"));
    assert_eq!(text("[data-testid=checklist] h2"), "Checklist");
    assert_eq!(attr("[data-testid=checklist] li[data-category=contact]", "data-status").as_deref(), Some("covered"));
    assert!(text("[data-testid=facts]").contains("a@example.com"));
    // Another text, in Chinese: the same panels, shown anew.
    mounted.update("隐私政策\n一、第三方SDK\n我们接入了友盟SDK，收集您的设备信息。\n", "zh");
    yew::scheduler::flush().await;
    assert_eq!(attr(".app.embed", "lang").as_deref(), Some("zh-CN"));
    assert_eq!(text("[data-testid=checklist] h2"), "章节清单");
    assert!(root.query_selector("[data-testid=sdk-map] [data-sdk]").unwrap().is_some());
    assert!(!text("[data-testid=facts]").contains("a@example.com"));
    mounted.destroy();
    yew::scheduler::flush().await;
    assert!(root.query_selector("[data-testid=checklist]").unwrap().is_none());
}
