//! The application shell: the state, its hooks, and the layout.
//!
//! [`App`] lays out the page (or the bare report in `?embed` mode), handles
//! selection and scrolling, and loads a policy from the URL fragment or a
//! saved draft at start. `Topbar` holds the example, the file picker, the
//! exports, the share link and the language switch; `InputPane` the editor.
//! The state is the reducer's ([`crate::state`]); every side effect is a
//! hook's ([`crate::hooks`]).

use std::rc::Rc;

use policylens_core::{InputKind, Span};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::{
    ChecklistPanel, DocumentView, FactsPanel, FindingsPanel, OutlineTree, SdkMapPanel, SummaryLine, TopProblems,
};
pub use crate::hooks::MAX_INPUT_BYTES;
use crate::hooks::{
    run_analysis, saved_draft, saved_lang, saved_save_draft, use_analysis, use_file_loader, use_page_paste,
    use_persisted, use_settle, Source,
};
use crate::i18n::{Lang, Notice};
pub use crate::state::Analysis;
use crate::state::{Action, State};

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(saved_lang(), saved_save_draft(), run_analysis("")));
    use_persisted(&state);
    let editor = use_node_ref();
    let set_text = use_analysis(&state, &editor);
    let files = use_file_loader(&set_text, state.dispatcher());

    // A policy passed in the URL fragment (read by boot.js), else the saved
    // draft, loads at once; a fragment boot.js could not read says why.
    {
        let (set_text, dispatch) = (set_text.clone(), state.dispatcher());
        use_effect_with((), move |()| {
            if let Some(kind) = global_string("__policylensFragmentError") {
                dispatch.dispatch(Action::Notify(Some(Notice::of_fragment_error(&kind))));
            }
            if let Some(text) = global_string("__policylensInitialText").or_else(saved_draft) {
                set_text.emit((text, Source::Outside));
            }
        });
    }

    let on_select = {
        let dispatch = state.dispatcher();
        Callback::from(move |span: Span| {
            dispatch.dispatch(Action::Select(span));
            scroll_to(span);
        })
    };

    use_settle(&state);
    use_page_paste(&set_text, !state.editing);
    let (lang, a, below) = (state.lang, &state.analysis, &state.below);
    // Text that is not a policy keeps the editor in view, to be corrected.
    let show_editor = state.editing || !a.report.summary.judged;
    let on_edit = {
        let (dispatch, editor) = (state.dispatcher(), editor.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Edit(true));
            let editor = editor.clone();
            // After the render that shows it.
            gloo_timers::callback::Timeout::new(0, move || {
                if let Some(area) = editor.cast::<HtmlTextAreaElement>() {
                    let _ = area.focus();
                    area.scroll_into_view();
                }
            })
            .forget();
        })
    };
    let strings = lang.strings();
    if is_embedded() {
        // Embedded in a documentation page: the report panels only.
        return html! { <crate::element::ReportView analysis={a.clone()} {lang} {on_select} /> };
    }
    html! {
        <div class="app" ondrop={files.on_drop} ondragover={files.on_dragover}>
            <div class="skip-links">
                <a href="#sdk-map">{ strings.skip_to_map }</a>
                <a href="#findings">{ strings.skip_to_findings }</a>
            </div>
            <Topbar {lang} analysis={a.clone()} input={state.input.clone()} dispatch={state.dispatcher()}
                on_example={files.on_example} on_pick={files.on_pick} />
            <SummaryLine analysis={a.clone()} {lang} />
            { messages(&state) }
            // Results first: once a policy is analysed, what it shares and
            // what to fix come before the text.
            if a.report.summary.judged {
                <section class="hero" data-testid="hero" aria-label={strings.results} data-analysis={a.seq.to_string()}>
                    <div class="hero-map">
                        <SdkMapPanel analysis={a.clone()} {lang} on_select={on_select.clone()} />
                    </div>
                    <div class="hero-side">
                        <TopProblems analysis={a.clone()} {lang} on_select={on_select.clone()} />
                        if !show_editor {
                            <p class="to-text">
                                <button type="button" data-testid="edit-text" onclick={on_edit}>{ strings.to_text }</button>
                                <span class="hint">{ strings.paste_anywhere }</span>
                            </p>
                        }
                    </div>
                </section>
            }
            <main class={classes!("layout", (!show_editor).then_some("no-editor"))}>
                <InputPane {lang} save_draft={state.save_draft} {editor} {set_text} dispatch={state.dispatcher()}
                    hidden={!show_editor} />
                <section class="outline-pane">
                    <h2 class="pane-title">{ strings.outline }</h2>
                    <OutlineTree analysis={below.clone()} {lang} on_select={on_select.clone()} />
                </section>
                // Focusable, so that a keyboard can scroll it (WCAG 2.1.1).
                <section class="document-pane" tabindex="0" aria-label={strings.document}>
                    <DocumentView analysis={below.clone()} {lang} selected={state.selected} />
                </section>
                <aside class="report-pane" data-analysis={below.seq.to_string()}>
                    <ChecklistPanel analysis={below.clone()} {lang} on_select={on_select.clone()} />
                    <FindingsPanel analysis={below.clone()} {lang} on_select={on_select.clone()} />
                    if !below.report.summary.judged {
                        <SdkMapPanel analysis={below.clone()} {lang} on_select={on_select.clone()} />
                    }
                    <FactsPanel analysis={below.clone()} {lang} {on_select} />
                </aside>
            </main>
        </div>
    }
}

/// The messages above the report: a notice, and what the text is not.
fn messages(state: &State) -> Html {
    let strings = state.lang.strings();
    html! {
        <>
            if let Some(notice) = state.notice {
                <p class="message" role="alert" data-testid="message">{ notice.text(state.lang) }</p>
            }
            if state.too_large {
                <p class="message" role="alert" data-testid="too-large">{ (strings.too_large)(state.input.len(), MAX_INPUT_BYTES) }</p>
            } else if state.analysis.report.input.kind == InputKind::NotAPolicy {
                <p class="message" role="status" data-testid="not-a-policy">{ strings.not_a_policy }</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct TopbarProps {
    lang: Lang,
    analysis: Analysis,
    input: Rc<str>,
    dispatch: UseReducerDispatcher<State>,
    on_example: Callback<MouseEvent>,
    on_pick: Callback<Event>,
}

/// The title and the actions: load, export, share, switch language.
#[component]
fn Topbar(props: &TopbarProps) -> Html {
    let lang = props.lang;
    let strings = lang.strings();
    let on_export_json = {
        let report = props.analysis.report.clone();
        Callback::from(move |_: MouseEvent| {
            let Ok(value) = crate::report_to_js(&report) else { return };
            let json = js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2));
            if let Some(json) = json.ok().and_then(|j| j.as_string()) {
                crate::export::download("policylens-report.json", "application/json", &json);
            }
        })
    };
    let on_export_md = {
        let report = props.analysis.report.clone();
        Callback::from(move |_: MouseEvent| {
            let md = policylens_core::markdown::render(&report, lang == Lang::Zh);
            crate::export::download("policylens-report.md", "text/markdown", &md);
        })
    };
    let on_share = {
        let (input, dispatch) = (props.input.clone(), props.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let (input, dispatch) = (input.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let notice = match share_fragment(&input).await {
                    Some(fragment) => publish_link(&fragment).await,
                    None => Notice::ShareFailed,
                };
                dispatch.dispatch(Action::Notify(Some(notice)));
            });
        })
    };
    let on_lang = props.dispatch.to_callback().reform(|_: MouseEvent| Action::ToggleLang);
    html! {
        <header class="topbar">
            <div class="brand">
                <h1>{ strings.app_title }</h1>
                <p class="tagline">{ strings.tagline }</p>
            </div>
            <div class="actions">
                <button type="button" data-testid="load-example" onclick={props.on_example.clone()}>{ strings.load_example }</button>
                <label class="button">
                    { strings.pick_file }
                    <input type="file" accept=".txt,.md,.html,.htm,text/plain,text/html,text/markdown" data-testid="file-input" onchange={props.on_pick.clone()} />
                </label>
                <button type="button" data-testid="export-json" onclick={on_export_json}>{ strings.export_json }</button>
                <button type="button" data-testid="export-markdown" onclick={on_export_md}>{ strings.export_markdown }</button>
                <button type="button" data-testid="share" onclick={on_share}>{ strings.share }</button>
                <button type="button" data-testid="lang-switch" onclick={on_lang} lang={lang.other().html_code()}>{ strings.switch_lang }</button>
            </div>
        </header>
    }
}

#[derive(Properties, PartialEq)]
struct InputPaneProps {
    lang: Lang,
    save_draft: bool,
    editor: NodeRef,
    set_text: Callback<(String, Source)>,
    dispatch: UseReducerDispatcher<State>,
    /// Hidden, not removed: the text area keeps the user's text.
    hidden: bool,
}

/// The editor and the save-draft choice.
#[component]
fn InputPane(props: &InputPaneProps) -> Html {
    let strings = props.lang.strings();
    let on_input = props.set_text.reform(|e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        let whole = e.input_type().starts_with("insertFromPaste") || e.input_type().starts_with("insertFromDrop");
        (area.value(), if whole { Source::Pasted } else { Source::Typing })
    });
    let on_save_draft = props
        .dispatch
        .to_callback()
        .reform(|e: Event| Action::SaveDraft(e.target_unchecked_into::<HtmlInputElement>().checked()));
    html! {
        <section class="input-pane" hidden={props.hidden}>
            <label for="policy-input" class="pane-title">{ strings.input_label }</label>
            <label class="draft-toggle">
                <input type="checkbox" data-testid="save-draft" checked={props.save_draft} onchange={on_save_draft} />
                { strings.save_draft }
            </label>
            <textarea id="policy-input" data-testid="policy-input" spellcheck="false"
                placeholder={strings.input_placeholder} ref={props.editor.clone()} oninput={on_input} />
        </section>
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

/// Puts the share link in the address bar and on the clipboard; says so,
/// and warns when the link is long enough for mailers to cut.
async fn publish_link(fragment: &str) -> Notice {
    let Some(w) = web_sys::window() else { return Notice::ShareFailed };
    let _ = w.history().and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(fragment)));
    let long = global_number("policylensFragment", "longLink").is_some_and(|n| fragment.len() as f64 > n);
    let url = w.location().href().unwrap_or_default();
    let copied = JsFuture::from(w.navigator().clipboard().write_text(&url)).await.is_ok();
    match (long, copied) {
        (true, _) => Notice::ShareLong,
        (false, true) => Notice::ShareCopied,
        (false, false) => Notice::ShareDone,
    }
}

/// A number that boot.js left on `window.object`.
fn global_number(object: &str, name: &str) -> Option<f64> {
    let w = web_sys::window()?;
    let o = js_sys::Reflect::get(&w, &JsValue::from_str(object)).ok()?;
    js_sys::Reflect::get(&o, &JsValue::from_str(name)).ok()?.as_f64()
}

/// The `#policy=…` fragment for `text`, compressed by boot.js's helper.
async fn share_fragment(text: &str) -> Option<String> {
    let w = web_sys::window()?;
    let helper = js_sys::Reflect::get(&w, &"policylensFragment".into()).ok()?;
    let encode: js_sys::Function = js_sys::Reflect::get(&helper, &"encode".into()).ok()?.dyn_into().ok()?;
    let promise: js_sys::Promise = encode.call1(&helper, &JsValue::from_str(text)).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()?.as_string()
}
