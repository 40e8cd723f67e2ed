//! PolicyLens in the browser: a Yew app that runs the analysis core in the
//! page. The app only renders what `policylens_core::analyze` returns.
//!
//! Also exports `analyze(text)` and `rules()` to JavaScript for pages that
//! want the report as data, and `mount_report` ([`element`]), the report
//! panels on any element, for the npm package's `<policy-lens>` (see the
//! README's embedding section).

pub mod app;
pub mod components;
pub mod decode;
pub mod element;
pub mod export;
pub mod hooks;
pub mod i18n;
pub mod rules_meta;
pub mod state;
pub mod worker;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Installs the clause model (the bytes of `clause_model.bin`, fetched beside
/// the wasm by boot.js and the worker); until then the analysis keeps the
/// rules' topics. Returns an error message for bytes that are no model.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn install_clause_model(bytes: &[u8]) -> Result<(), JsValue> {
    policylens_core::install_clause_model(bytes).map_err(|e| JsValue::from_str(&e))
}

/// Does nothing: `main` calls it so that this library, and with it every
/// `#[wasm_bindgen]` export, is linked into the module.
pub fn linked() {}

/// Mounts the app on the element marked `data-policylens-app`: boot.js calls
/// it once the clause model is installed. Does nothing where there is no such
/// element: the analysis worker, and pages that load the module only for
/// `analyze`, get no app.
#[wasm_bindgen]
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-policylens-app]").ok().flatten());
    if let Some(root) = root {
        yew::Renderer::<app::App>::with_root(root).render();
    }
}

/// A short policy that touches every matcher: clause words, an SDK table,
/// the data vocabulary, prose SDK names, recipients, facts.
const WARM_UP_SAMPLE: &str = "隐私政策\n更新日期：2024年1月1日\n一、我们如何收集和使用您的个人信息\n我们收集您的手机号、设备信息，并与支付机构（包括支付宝）共享；我们接入了友盟SDK。\n当您扫码时，我们会调用您的相机权限。\nSDK名称：个推SDK\n使用目的：消息推送\n收集个人信息：设备标识符（IMEI、OAID）\n二、如何联系我们\n邮箱：a@example.com，我们将在15个工作日内回复。\n";

/// One warm-up analysis: the first builds the matchers, and repeated ones let
/// the engine compile the hot code (V8 tiers wasm up by how much each
/// function runs), so that the user's first paste is not the slow one.
/// The page runs a few after it has painted, one per task; the worker runs
/// them as it starts.
#[wasm_bindgen]
pub fn warm_up() {
    let _ = policylens_core::analyze(&WARM_UP_SAMPLE.repeat(40));
}

/// Analyses `text` and returns the report as a plain JavaScript object with
/// the shape documented in docs/report-schema.md.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsValue> {
    let report = policylens_core::analyze(text);
    report_to_js(&report)
}

/// [`analyze`] for the worker: `{report, ms}`, where `ms` is the time the
/// analysis itself took, without the conversion of the report into a
/// JavaScript object (which the worker times separately).
#[wasm_bindgen]
pub fn analyze_timed(text: &str) -> Result<JsValue, JsValue> {
    let started = now_ms();
    let report = policylens_core::analyze(text);
    let ms = now_ms() - started;
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"report".into(), &report_to_js(&report)?)?;
    js_sys::Reflect::set(&out, &"ms".into(), &ms.into())?;
    Ok(out.into())
}

/// Every rule of the registry (id, severity, checklist topic, titles in
/// Chinese and English, legal sources), in the order reports list them, as
/// plain JavaScript objects (`RuleInfo` of the npm package's report.d.ts).
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsValue> {
    let infos: Vec<policylens_core::rules::RuleInfo> =
        policylens_core::rules::REGISTRY.iter().map(|r| r.info()).collect();
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&infos, &serializer).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// `performance.now()` of whatever global this runs in (page or worker).
pub(crate) fn now_ms() -> f64 {
    let global = js_sys::global();
    let Ok(perf) = js_sys::Reflect::get(&global, &"performance".into()) else { return 0.0 };
    let now = js_sys::Reflect::get(&perf, &"now".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    now.and_then(|f| f.call0(&perf).ok()).and_then(|v| v.as_f64()).unwrap_or(0.0)
}

/// Converts a report to a JavaScript object (maps as plain objects, so that
/// `JSON.stringify` gives the same JSON as the CLI).
pub fn report_to_js(report: &policylens_core::Report) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(report, &serializer).map_err(|e| JsValue::from_str(&e.to_string()))
}
