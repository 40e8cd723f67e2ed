//! The bridge to the analysis worker (www/analysis-worker.js), a module
//! worker that loads the same wasm module as the page (no second bundle).
//!
//! The page posts `{id, text}`; the worker answers `{id, report, ms, total}` with the
//! report as a plain object, which is deserialised here. Where no worker can
//! run (the worker file missing, an old browser), the analysis falls back to
//! the main thread: the bridge reports itself broken and the caller analyses
//! in place.

use std::cell::Cell;
use std::rc::Rc;

use policylens_core::Report;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// A report from the worker, for request `id`.
pub struct WorkerReply {
    pub id: u32,
    pub report: Report,
    /// The analysis itself, in the worker.
    pub millis: f64,
    /// The analysis and the report's conversion into an object, in the worker.
    pub total_millis: f64,
}

pub struct AnalysisWorker {
    worker: Worker,
    broken: Rc<Cell<bool>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl AnalysisWorker {
    /// Starts the worker. `on_reply` gets every report; `on_broken` is called
    /// once if the worker fails, with the id of the request in flight.
    pub fn start(on_reply: impl Fn(WorkerReply) + 'static, on_broken: impl Fn() + 'static) -> Option<Self> {
        let opts = WorkerOptions::new();
        opts.set_type(WorkerType::Module);
        let worker = Worker::new_with_options("analysis-worker.js", &opts).ok()?;
        let broken = Rc::new(Cell::new(false));
        let on_broken = Rc::new(on_broken);
        let on_message = {
            let broken = broken.clone();
            let on_broken = on_broken.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                let get =
                    |key: &str| js_sys::Reflect::get(&data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
                let id = get("id").as_f64().unwrap_or(0.0) as u32;
                let millis = get("ms").as_f64().unwrap_or(0.0);
                let total_millis = get("total").as_f64().unwrap_or(millis);
                match serde_wasm_bindgen::from_value::<Report>(get("report")) {
                    Ok(report) => on_reply(WorkerReply { id, report, millis, total_millis }),
                    Err(_) => {
                        broken.set(true);
                        on_broken();
                    }
                }
            })
        };
        let on_error = {
            let broken = broken.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                if !broken.replace(true) {
                    on_broken();
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Self { worker, broken, _on_message: on_message, _on_error: on_error })
    }

    pub fn is_broken(&self) -> bool {
        self.broken.get()
    }

    /// Asks for the analysis of `text`; the reply carries `id`.
    pub fn post(&self, id: u32, text: &str) -> bool {
        let msg = js_sys::Object::new();
        let ok = js_sys::Reflect::set(&msg, &"id".into(), &id.into()).is_ok()
            && js_sys::Reflect::set(&msg, &"text".into(), &text.into()).is_ok();
        ok && self.worker.post_message(&msg).is_ok()
    }
}

impl Drop for AnalysisWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
