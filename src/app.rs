//! The application shell: input, analysis scheduling, language, layout.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use policylens_core::html::text_view;
use policylens_core::{analyze, InputFormat, InputKind, Report, Span};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::{
    ChecklistPanel, DocumentView, FactsPanel, FindingsPanel, OutlineTree, SdkMapPanel, SummaryLine, TopProblems,
};
use crate::decode::{decode, FileError};
use crate::i18n::Lang;
use crate::worker::{AnalysisWorker, WorkerReply};

/// How long typing must pause before the analysis reruns.
const DEBOUNCE_MS: u32 = 250;

/// Where new text comes from, which decides when it is analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// Typed in the editor: analysed after a pause.
    Typing,
    /// Pasted or dropped into the editor: analysed at once.
    Pasted,
    /// From a file, the URL or a draft: put into the editor and analysed at once.
    Outside,
}
const LANG_KEY: &str = "policylens.lang";
const DRAFT_KEY: &str = "policylens.draft";
const SAVE_DRAFT_KEY: &str = "policylens.save-draft";
/// Largest text the page analyses (8 MiB). Larger text stays in the editor,
/// with a message; the CLI has no such limit.
pub const MAX_INPUT_BYTES: usize = 8 << 20;

/// A finished analysis with its timing.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub report: Rc<Report>,
    pub text: Rc<str>,
    pub millis: f64,
}

/// Identity, not content: a new analysis is a new `Rc`, and comparing two
/// reports of a 1 MB policy field by field on every render would be slow.
impl PartialEq for Analysis {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report) && Rc::ptr_eq(&self.text, &other.text)
    }
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

fn run_analysis(text: &str) -> Analysis {
    let start = now_ms();
    let report = analyze(text);
    let millis = now_ms() - start;
    publish_timing(millis, millis, "main");
    Analysis::new(report, Rc::from(text), millis)
}

impl Analysis {
    /// The text the document view shows: a web page is shown as the text it
    /// displays (the core's text view, offset for offset), never as markup.
    fn new(report: Report, text: Rc<str>, millis: f64) -> Self {
        let text = if report.input.format == InputFormat::Html { Rc::from(text_view(&text)) } else { text };
        Analysis { report: Rc::new(report), text, millis }
    }
}

/// Exposes the last analysis time, and the thread it ran on, for the
/// end-to-end test, which logs them.
fn publish_timing(millis: f64, total_millis: f64, thread: &str) {
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &"__policylensAnalysisMs".into(), &millis.into());
        let _ = js_sys::Reflect::set(&w, &"__policylensAnalysisTotalMs".into(), &total_millis.into());
        let _ = js_sys::Reflect::set(&w, &"__policylensAnalysisThread".into(), &thread.into());
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn saved_lang() -> Lang {
    local_storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_default()
}

#[component]
pub fn App() -> Html {
    let lang = use_state(saved_lang);
    let input = use_state(String::new);
    let analysis = use_state(|| run_analysis(""));
    let message = use_state(|| None::<String>);
    let selected = use_state(|| None::<Span>);
    let pending = use_mut_ref(|| None::<Timeout>);
    let strings = lang.strings();

    {
        let lang = *lang;
        use_effect_with(lang, move |lang| {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                if let Some(root) = doc.document_element() {
                    let _ = root.set_attribute("lang", if *lang == Lang::Zh { "zh-CN" } else { "en" });
                }
                doc.set_title(lang.strings().app_title);
            }
        });
    }

    // The analysis runs in a worker when one can start, else in place.
    let worker = use_mut_ref(|| None::<AnalysisWorker>);
    let latest = use_mut_ref(|| (0u32, Rc::<str>::from("")));
    {
        let worker = worker.clone();
        let latest = latest.clone();
        let setter = analysis.setter();
        use_effect_with((), move |()| {
            let on_reply = {
                let latest = latest.clone();
                let setter = setter.clone();
                move |reply: WorkerReply| {
                    let (id, text) = latest.borrow().clone();
                    if reply.id == id {
                        publish_timing(reply.millis, reply.total_millis, "worker");
                        setter.set(Analysis::new(reply.report, text, reply.millis));
                    }
                }
            };
            let on_broken = move || {
                let text = latest.borrow().1.clone();
                setter.set(run_analysis(&text));
            };
            *worker.borrow_mut() = AnalysisWorker::start(on_reply, on_broken);
        });
    }

    // The text area is not controlled by `value`: re-setting a 1 MB value on
    // every keystroke would lay the text out again. Text from elsewhere (a
    // file, the example, the URL) is written into it directly.
    let area_ref = use_node_ref();

    let too_large = use_state(|| false);
    let save_draft = use_state(|| local_storage().and_then(|s| s.get_item(SAVE_DRAFT_KEY).ok().flatten()).is_some());

    // Sets the text and schedules an analysis. `immediate` marks text that
    // did not come from typing: it is analysed at once and shown in the area.
    let set_text = {
        let input = input.clone();
        let area_ref = area_ref.clone();
        let setter = analysis.setter();
        let too_large = too_large.clone();
        let save_draft = save_draft.clone();
        let pending = pending.clone();
        let worker = worker.clone();
        let latest = latest.clone();
        Callback::from(move |(text, from): (String, Source)| {
            // Text that arrives whole (a paste, a drop, a file, the URL) is
            // analysed at once; typing waits for a pause.
            let immediate = from != Source::Typing;
            if from == Source::Outside {
                if let Some(area) = area_ref.cast::<HtmlTextAreaElement>() {
                    area.set_value(&text);
                }
            }
            input.set(text.clone());
            let text: Rc<str> = Rc::from(text);
            let id = {
                let mut latest = latest.borrow_mut();
                latest.0 += 1;
                latest.1 = text.clone();
                latest.0
            };
            let setter = setter.clone();
            let worker = worker.clone();
            let too_large = too_large.clone();
            let save_draft = save_draft.clone();
            let job = move || {
                too_large.set(text.len() > MAX_INPUT_BYTES);
                if *save_draft {
                    store_draft(&text);
                }
                if text.len() > MAX_INPUT_BYTES {
                    return;
                }
                let posted = worker.borrow().as_ref().is_some_and(|w| !w.is_broken() && w.post(id, &text));
                if !posted {
                    setter.set(run_analysis(&text));
                }
            };
            let mut slot = pending.borrow_mut();
            slot.take().map(Timeout::cancel);
            if immediate {
                job();
            } else {
                *slot = Some(Timeout::new(DEBOUNCE_MS, job));
            }
        })
    };

    // A policy passed in the URL fragment (read by boot.js) loads at once.
    {
        let set_text = set_text.clone();
        use_effect_with((), move |()| {
            if let Some(text) = global_string("__policylensInitialText") {
                set_text.emit((text, Source::Outside));
            } else if let Some(draft) = saved_draft() {
                set_text.emit((draft, Source::Outside));
            }
        });
    }

    let on_input = {
        let set_text = set_text.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let whole = e.input_type().starts_with("insertFromPaste") || e.input_type().starts_with("insertFromDrop");
            set_text.emit((area.value(), if whole { Source::Pasted } else { Source::Typing }));
        })
    };

    let load_file = {
        let set_text = set_text.clone();
        let message = message.clone();
        let lang = lang.clone();
        Rc::new(move |file: web_sys::File| {
            let set_text = set_text.clone();
            let message = message.clone();
            let strings = lang.strings();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let buffer = match JsFuture::from(file.array_buffer()).await {
                    Ok(b) => b,
                    Err(_) => {
                        message.set(Some(strings.file_read_error.to_owned()));
                        return;
                    }
                };
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                match decode(&name, &bytes) {
                    Ok(text) => {
                        message.set(None);
                        set_text.emit((text, Source::Outside));
                    }
                    Err(FileError::Unsupported) => message.set(Some(strings.unsupported_file.to_owned())),
                    Err(FileError::Undecodable) => message.set(Some(strings.undecodable.to_owned())),
                }
            });
        })
    };

    let on_drop = {
        let load_file = load_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                load_file(file);
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());

    let on_pick = {
        let load_file = load_file.clone();
        Callback::from(move |e: Event| {
            let picker: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = picker.files().and_then(|f| f.get(0)) {
                load_file(file);
            }
            picker.set_value("");
        })
    };

    let on_example = {
        let set_text = set_text.clone();
        let message = message.clone();
        let lang = lang.clone();
        Callback::from(move |_: MouseEvent| {
            let set_text = set_text.clone();
            let message = message.clone();
            let strings = lang.strings();
            wasm_bindgen_futures::spawn_local(async move {
                match fetch_text("example-policy.txt").await {
                    Some(text) => set_text.emit((text, Source::Outside)),
                    None => message.set(Some(strings.file_read_error.to_owned())),
                }
            });
        })
    };

    let on_share = {
        let input = input.clone();
        let message = message.clone();
        let lang = lang.clone();
        Callback::from(move |_: MouseEvent| {
            let text = (*input).clone();
            let message = message.clone();
            let strings = lang.strings();
            wasm_bindgen_futures::spawn_local(async move {
                match share_fragment(&text).await {
                    Some(fragment) => {
                        if let Some(w) = web_sys::window() {
                            let _ =
                                w.history().and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&fragment)));
                        }
                        message.set(Some(strings.share_done.to_owned()));
                    }
                    None => message.set(Some(strings.share_failed.to_owned())),
                }
            });
        })
    };

    let on_save_draft = {
        let save_draft = save_draft.clone();
        let input = input.clone();
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            if let Some(s) = local_storage() {
                if checked {
                    let _ = s.set_item(SAVE_DRAFT_KEY, "1");
                    store_draft(&input);
                } else {
                    // Opting out forgets the draft at once.
                    let _ = s.remove_item(SAVE_DRAFT_KEY);
                    let _ = s.remove_item(DRAFT_KEY);
                }
            }
            save_draft.set(checked);
        })
    };

    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |_: MouseEvent| {
            let next = if *lang == Lang::Zh { Lang::En } else { Lang::Zh };
            if let Some(s) = local_storage() {
                let _ = s.set_item(LANG_KEY, next.code());
            }
            lang.set(next);
        })
    };

    let on_select = {
        let selected = selected.clone();
        Callback::from(move |span: Span| {
            selected.set(Some(span));
            scroll_to(span);
        })
    };

    let on_export_json = {
        let analysis = analysis.clone();
        Callback::from(move |_: MouseEvent| {
            let Ok(value) = crate::report_to_js(&analysis.report) else { return };
            let json = js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2));
            if let Some(json) = json.ok().and_then(|j| j.as_string()) {
                crate::export::download("policylens-report.json", "application/json", &json);
            }
        })
    };
    let on_export_md = {
        let analysis = analysis.clone();
        let lang = lang.clone();
        Callback::from(move |_: MouseEvent| {
            let md = policylens_core::markdown::render(&analysis.report, *lang == Lang::Zh);
            crate::export::download("policylens-report.md", "text/markdown", &md);
        })
    };

    let a = &*analysis;
    if is_embedded() {
        // Embedded in a documentation page: the report panels only.
        return html! {
            <div class="app embed" data-embed="true">
                <SummaryLine analysis={a.clone()} lang={*lang} />
                <main class="layout embed-layout">
                    <ChecklistPanel analysis={a.clone()} lang={*lang} on_select={on_select.clone()} />
                    <FindingsPanel analysis={a.clone()} lang={*lang} on_select={on_select.clone()} />
                    <SdkMapPanel analysis={a.clone()} lang={*lang} on_select={on_select.clone()} />
                    <FactsPanel analysis={a.clone()} lang={*lang} on_select={on_select} />
                </main>
            </div>
        };
    }
    html! {
        <div class="app" ondrop={on_drop} ondragover={on_dragover}>
            <header class="topbar">
                <div class="brand">
                    <h1>{ strings.app_title }</h1>
                    <p class="tagline">{ strings.tagline }</p>
                </div>
                <div class="actions">
                    <button type="button" data-testid="load-example" onclick={on_example}>{ strings.load_example }</button>
                    <label class="button">
                        { strings.pick_file }
                        <input type="file" accept=".txt,.md,.html,.htm,text/plain,text/html,text/markdown" data-testid="file-input" onchange={on_pick} />
                    </label>
                    <button type="button" data-testid="export-json" onclick={on_export_json}>{ strings.export_json }</button>
                    <button type="button" data-testid="export-markdown" onclick={on_export_md}>{ strings.export_markdown }</button>
                    <button type="button" data-testid="share" onclick={on_share}>{ strings.share }</button>
                    <button type="button" data-testid="lang-switch" onclick={on_lang} lang={if *lang == Lang::Zh { "en" } else { "zh-CN" }}>{ strings.switch_lang }</button>
                </div>
            </header>
            <SummaryLine analysis={a.clone()} lang={*lang} />
            if let Some(msg) = &*message {
                <p class="message" role="alert" data-testid="message">{ msg }</p>
            }
            if *too_large {
                <p class="message" role="alert" data-testid="too-large">{ (strings.too_large)(input.len(), MAX_INPUT_BYTES) }</p>
            } else if a.report.input.kind == InputKind::NotAPolicy {
                <p class="message" role="status" data-testid="not-a-policy">{ strings.not_a_policy }</p>
            }
            // Results first: once a policy is analysed, what it shares and
            // what to fix come before the text.
            if a.report.summary.judged {
                <section class="hero" data-testid="hero" aria-label={if *lang == Lang::Zh { "分析结果" } else { "Results" }}>
                    <div class="hero-map">
                        <SdkMapPanel analysis={a.clone()} lang={*lang} on_select={on_select.clone()} />
                    </div>
                    <div class="hero-side">
                        <TopProblems analysis={a.clone()} lang={*lang} on_select={on_select.clone()} />
                        <a class="to-text" href="#policy-input">{ if *lang == Lang::Zh { "查看与编辑原文 ↓" } else { "View and edit the text ↓" } }</a>
                    </div>
                </section>
            }
            <main class="layout">
                <section class="input-pane">
                    <label for="policy-input" class="pane-title">{ strings.input_label }</label>
                    <label class="draft-toggle">
                        <input type="checkbox" data-testid="save-draft" checked={*save_draft} onchange={on_save_draft} />
                        { strings.save_draft }
                    </label>
                    <textarea id="policy-input" data-testid="policy-input" spellcheck="false"
                        placeholder={strings.input_placeholder} ref={area_ref} oninput={on_input} />
                </section>
                <section class="outline-pane">
                    <h2 class="pane-title">{ strings.outline }</h2>
                    <OutlineTree analysis={a.clone()} lang={*lang} on_select={on_select.clone()} />
                </section>
                <section class="document-pane">
                    <DocumentView analysis={a.clone()} lang={*lang} selected={*selected} />
                </section>
                <aside class="report-pane">
                    <ChecklistPanel analysis={a.clone()} lang={*lang} on_select={on_select.clone()} />
                    <FindingsPanel analysis={a.clone()} lang={*lang} on_select={on_select.clone()} />
                    if !a.report.summary.judged {
                        <SdkMapPanel analysis={a.clone()} lang={*lang} on_select={on_select.clone()} />
                    }
                    <FactsPanel analysis={a.clone()} lang={*lang} on_select={on_select} />
                </aside>
            </main>
        </div>
    }
}

/// Scrolls the document view to the clause, or else the node, that starts
/// at `span.start`.
fn scroll_to(span: Span) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = doc
        .get_element_by_id(&format!("clause-{}", span.start))
        .or_else(|| doc.get_element_by_id(&format!("node-{}", span.start)));
    if let Some(el) = target {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// The saved draft, when the user opted in to saving it.
fn saved_draft() -> Option<String> {
    let s = local_storage()?;
    s.get_item(SAVE_DRAFT_KEY).ok().flatten()?;
    s.get_item(DRAFT_KEY).ok().flatten().filter(|d| !d.is_empty())
}

/// Saves the draft locally (only ever called when the user opted in). A
/// draft too large for the browser's storage is simply not saved.
fn store_draft(text: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(DRAFT_KEY, text);
    }
}

/// Whether the page was opened with `?embed`.
fn is_embedded() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| q.trim_start_matches('?').split('&').any(|p| p == "embed" || p.starts_with("embed=")))
}

/// A string that boot.js left on `window`.
fn global_string(name: &str) -> Option<String> {
    let w = web_sys::window()?;
    js_sys::Reflect::get(&w, &JsValue::from_str(name)).ok()?.as_string()
}

/// The `#policy=…` fragment for `text`, compressed by boot.js's helper.
async fn share_fragment(text: &str) -> Option<String> {
    let w = web_sys::window()?;
    let helper = js_sys::Reflect::get(&w, &"policylensFragment".into()).ok()?;
    let encode: js_sys::Function = js_sys::Reflect::get(&helper, &"encode".into()).ok()?.dyn_into().ok()?;
    let promise: js_sys::Promise = encode.call1(&helper, &JsValue::from_str(text)).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()?.as_string()
}

/// Fetches one of the app's own static files as text.
async fn fetch_text(path: &str) -> Option<String> {
    let window = web_sys::window()?;
    let resp = JsFuture::from(window.fetch_with_str(path)).await.ok()?;
    let resp: web_sys::Response = resp.dyn_into().ok()?;
    if !resp.ok() {
        return None;
    }
    JsFuture::from(resp.text().ok()?).await.ok()?.as_string()
}
