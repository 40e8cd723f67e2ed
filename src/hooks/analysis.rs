//! When and where the analysis runs: typing waits for a pause
//! ([`DEBOUNCE_MS`]), text that arrives whole (paste, drop, file, URL, draft)
//! is analysed at once; on the page's thread up to [`MAIN_THREAD_BYTES`],
//! beyond that in the worker when one can start. The page warms its matchers
//! up after the first paint (`use_warm_up`). The timing of each analysis is published on `window` for the
//! end-to-end tests' timing log.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use policylens_core::analyze;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::persisted::store_draft;
use crate::state::{Action, Analysis, State};
use crate::worker::{AnalysisWorker, WorkerReply};

/// How long typing must pause before the analysis reruns.
pub const DEBOUNCE_MS: u32 = 250;

/// Largest text the page analyses (8 MiB). Larger text stays in the editor,
/// with a message; the CLI has no such limit.
pub const MAX_INPUT_BYTES: usize = 8 << 20;

/// Text up to this size (256 KiB, five times taobao.txt) is analysed on the
/// page's own thread: it takes a few tens of milliseconds there, less than
/// the trip through the worker, whose report must be rebuilt on the page
/// field by field (~20 ms for taobao.txt). Larger text goes to the worker,
/// so that a 1 MB policy never freezes the page.
pub const MAIN_THREAD_BYTES: usize = 256 << 10;

/// Where new text comes from, which decides when it is analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Typed in the editor: analysed after a pause.
    Typing,
    /// Pasted or dropped into the editor: analysed at once.
    Pasted,
    /// From a file, the URL or a draft: put into the editor and analysed at once.
    Outside,
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Analyses `text` on this thread.
pub fn run_analysis(text: &str) -> Analysis {
    let start = now_ms();
    let report = analyze(text);
    let millis = now_ms() - start;
    publish_timing(millis, millis, "main");
    Analysis::new(report, Rc::from(text), millis)
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

/// The latest request: its id (worker replies to older ones are dropped)
/// and its text.
type Latest = Rc<RefCell<(u32, Rc<str>)>>;

/// Warm-up analyses the page runs after its first paint, one per task so
/// that no frame waits for more than one.
const WARM_UPS: u32 = 4;

/// Runs [`crate::warm_up`] [`WARM_UPS`] times, one per task, starting after
/// the first paint, unless text has been analysed by then.
#[hook]
fn use_warm_up(latest: Latest) {
    use_effect_with((), move |()| {
        fn step(left: u32, latest: Latest) {
            // A paste or a draft already warmed the page.
            if left == 0 || latest.borrow().0 > 0 {
                // For the end-to-end timing log: what a fresh page is like
                // after the moment a reader takes to paste.
                let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
                if let Some(root) = root {
                    let _ = root.set_attribute("data-warm", "true");
                }
                return;
            }
            crate::warm_up();
            Timeout::new(0, move || step(left - 1, latest)).forget();
        }
        Timeout::new(100, move || step(WARM_UPS, latest)).forget();
    });
}

/// Asks for `f` to run at the start of the next frame; false where there
/// is no window to paint in.
fn next_frame(f: impl FnOnce() + 'static) -> bool {
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    web_sys::window().is_some_and(|w| w.request_animation_frame(f.unchecked_ref()).is_ok())
}

/// Brings the panels below the first screen up to the latest analysis once
/// the first screen has painted: the frame after the new analysis paints
/// the summary, map and top problems, and at the start of the one after
/// it a task is queued ([`Action::Settle`]) that builds the rest.
#[hook]
pub fn use_settle(state: &UseReducerHandle<State>) {
    let dispatch = state.dispatcher();
    use_effect_with(state.analysis.seq, move |_| {
        let settle = {
            let dispatch = dispatch.clone();
            move || dispatch.dispatch(Action::Settle)
        };
        let queued = next_frame(move || {
            next_frame(move || {
                let _ = Timeout::new(0, settle).forget();
            });
        });
        if !queued {
            dispatch.dispatch(Action::Settle);
        }
    });
}

/// Starts the worker once; its reports for the latest request become the
/// analysis. If it breaks, the latest text is analysed in place.
#[hook]
fn use_worker(dispatch: UseReducerDispatcher<State>, latest: Latest) -> Rc<RefCell<Option<AnalysisWorker>>> {
    let worker = use_mut_ref(|| None::<AnalysisWorker>);
    {
        let worker = worker.clone();
        use_effect_with((), move |()| {
            let on_reply = {
                let latest = latest.clone();
                let dispatch = dispatch.clone();
                move |reply: WorkerReply| {
                    let (id, text) = latest.borrow().clone();
                    if reply.id == id {
                        publish_timing(reply.millis, reply.total_millis, "worker");
                        dispatch.dispatch(Action::Analysed(Analysis::new(reply.report, text, reply.millis)));
                    }
                }
            };
            let on_broken = move || {
                let text = latest.borrow().1.clone();
                dispatch.dispatch(Action::Analysed(run_analysis(&text)));
            };
            *worker.borrow_mut() = AnalysisWorker::start(on_reply, on_broken);
        });
    }
    worker
}

/// Returns the callback that sets the text and schedules its analysis.
/// Text from [`Source::Outside`] is also written into `editor`, which is not
/// controlled by `value`: re-setting a 1 MB value on every keystroke would
/// lay the text out again.
#[hook]
pub fn use_analysis(state: &UseReducerHandle<State>, editor: &NodeRef) -> Callback<(String, Source)> {
    let latest: Latest = use_mut_ref(|| (0u32, Rc::<str>::from("")));
    let pending = use_mut_ref(|| None::<Timeout>);
    let worker = use_worker(state.dispatcher(), latest.clone());
    use_warm_up(latest.clone());
    let dispatch = state.dispatcher();
    let save_draft = state.save_draft;
    let editor = editor.clone();
    Callback::from(move |(text, from): (String, Source)| {
        if from == Source::Outside {
            if let Some(area) = editor.cast::<HtmlTextAreaElement>() {
                area.set_value(&text);
            }
        }
        // A whole policy (pasted into the empty editor, or from outside)
        // puts the report first; a paste into text being edited keeps the
        // editor open.
        let whole = match from {
            Source::Typing => false,
            Source::Pasted => latest.borrow().1.trim().is_empty(),
            Source::Outside => true,
        };
        if whole && !text.trim().is_empty() {
            dispatch.dispatch(Action::Edit(false));
        }
        let text: Rc<str> = Rc::from(text);
        dispatch.dispatch(Action::Input(text.clone()));
        let id = {
            let mut latest = latest.borrow_mut();
            latest.0 += 1;
            latest.1 = text.clone();
            latest.0
        };
        let (dispatch, worker) = (dispatch.clone(), worker.clone());
        let job = move || {
            let too_large = text.len() > MAX_INPUT_BYTES;
            dispatch.dispatch(Action::TooLarge(too_large));
            if save_draft {
                store_draft(&text);
            }
            if too_large {
                return;
            }
            let posted = text.len() > MAIN_THREAD_BYTES
                && worker.borrow().as_ref().is_some_and(|w| !w.is_broken() && w.post(id, &text));
            if !posted {
                dispatch.dispatch(Action::Analysed(run_analysis(&text)));
            }
        };
        let mut slot = pending.borrow_mut();
        slot.take().map(Timeout::cancel);
        // Text that arrives whole (a paste, a drop, a file, the URL) is
        // analysed at once; typing waits for a pause.
        if from == Source::Typing {
            *slot = Some(Timeout::new(DEBOUNCE_MS, job));
        } else {
            job();
        }
    })
}
