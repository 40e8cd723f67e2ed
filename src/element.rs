//! The report panels on their own: what the app shows in `?embed` mode and
//! what the npm package's `<policy-lens>` element renders into its shadow
//! root (`packages/npm/index.js` calls [`mount_report`]).
//!
//! [`ReportView`] renders an analysis it is given; [`mount_report`] and
//! [`ReportMount::update`] are the boundary: they analyse the text and hand
//! the analysis to the view, as the app's hooks do.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::components::{ChecklistPanel, FactsPanel, FindingsPanel, SdkMapPanel, SummaryLine, ViewProps};
use crate::i18n::Lang;

/// The summary line and the report panels (checklist, findings, SDK map,
/// facts), in `lang`. Its root carries `lang`, which `www/legal.js` reads to
/// fill a rule's fix in the reader's language.
#[component]
pub fn ReportView(props: &ViewProps) -> Html {
    let (a, lang, on_select) = (&props.analysis, props.lang, &props.on_select);
    html! {
        <div class="app embed" data-embed="true" lang={lang.html_code()}>
            <SummaryLine analysis={a.clone()} {lang} />
            <main class="layout embed-layout">
                <ChecklistPanel analysis={a.clone()} {lang} on_select={on_select.clone()} />
                <FindingsPanel analysis={a.clone()} {lang} on_select={on_select.clone()} />
                <SdkMapPanel analysis={a.clone()} {lang} on_select={on_select.clone()} />
                <FactsPanel analysis={a.clone()} {lang} on_select={on_select.clone()} />
            </main>
        </div>
    }
}

/// The report panels of one policy, mounted on an element by
/// [`mount_report`]; [`update`](ReportMount::update) shows another text or
/// language, [`destroy`](ReportMount::destroy) unmounts them.
#[wasm_bindgen]
pub struct ReportMount {
    handle: yew::AppHandle<ReportView>,
}

/// Analyses `text` and renders its report panels (the app's `?embed` view)
/// into `root`, which may be inside a shadow root; `lang` is `zh` (the
/// default for any other value) or `en`. Install the clause model first
/// (`install_clause_model`), or the topics are the rules' alone.
#[wasm_bindgen]
pub fn mount_report(root: web_sys::Element, text: &str, lang: &str) -> ReportMount {
    let handle = yew::Renderer::<ReportView>::with_root_and_props(root, props(text, lang)).render();
    ReportMount { handle }
}

#[wasm_bindgen]
impl ReportMount {
    /// Analyses `text` and shows its report, in `lang`, in place of the one shown.
    pub fn update(&mut self, text: &str, lang: &str) {
        self.handle.update(props(text, lang));
    }

    /// Removes the panels from the element they were mounted on.
    pub fn destroy(self) {
        self.handle.destroy();
    }
}

/// The view's props: the analysis of `text`, timed, in `lang`.
fn props(text: &str, lang: &str) -> ViewProps {
    let started = crate::now_ms();
    let report = policylens_core::analyze(text);
    let millis = crate::now_ms() - started;
    let analysis = crate::state::Analysis::new(report, Rc::from(text), millis);
    ViewProps { analysis, lang: Lang::from_code(lang).unwrap_or_default(), on_select: Callback::noop() }
}
