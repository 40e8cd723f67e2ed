//! Text from files: a file picked or dropped on the page, and the example
//! policy. Files are decoded here (see `decode`); what cannot be read gets
//! a message. Text over the size limit is still loaded: the analysis
//! scheduler says it is too large and keeps it in the editor.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use super::Source;
use crate::decode::{decode, FileError};
use crate::i18n::Notice;
use crate::state::{Action, State};

/// The event handlers that load text from files.
pub struct FileLoader {
    /// A file dropped anywhere on the page.
    pub on_drop: Callback<DragEvent>,
    /// Lets the page accept drops.
    pub on_dragover: Callback<DragEvent>,
    /// A file chosen in the file input.
    pub on_pick: Callback<Event>,
    /// The example policy, fetched from the app's own files.
    pub on_example: Callback<MouseEvent>,
}

/// Reads, decodes and loads `file`, or says why it cannot.
async fn load(file: web_sys::File, set_text: Callback<(String, Source)>, dispatch: UseReducerDispatcher<State>) {
    let notify = |notice| dispatch.dispatch(Action::Notify(notice));
    let name = file.name();
    let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
        notify(Some(Notice::FileReadError));
        return;
    };
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    match decode(&name, &bytes) {
        Ok(text) => {
            notify(None);
            set_text.emit((text, Source::Outside));
        }
        Err(FileError::Unsupported) => notify(Some(Notice::UnsupportedFile)),
        Err(FileError::Undecodable) => notify(Some(Notice::Undecodable)),
    }
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

#[hook]
pub fn use_file_loader(set_text: &Callback<(String, Source)>, dispatch: UseReducerDispatcher<State>) -> FileLoader {
    let load_file = {
        let (set_text, dispatch) = (set_text.clone(), dispatch.clone());
        Rc::new(move |file: web_sys::File| {
            wasm_bindgen_futures::spawn_local(load(file, set_text.clone(), dispatch.clone()));
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
    let on_pick = Callback::from(move |e: Event| {
        let picker: HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = picker.files().and_then(|f| f.get(0)) {
            load_file(file);
        }
        picker.set_value("");
    });
    let set_text = set_text.clone();
    let on_example = Callback::from(move |_: MouseEvent| {
        let (set_text, dispatch) = (set_text.clone(), dispatch.clone());
        wasm_bindgen_futures::spawn_local(async move {
            match fetch_text("example-policy.txt").await {
                Some(text) => set_text.emit((text, Source::Outside)),
                None => dispatch.dispatch(Action::Notify(Some(Notice::FileReadError))),
            }
        });
    });
    FileLoader { on_drop, on_dragover: Callback::from(|e: DragEvent| e.prevent_default()), on_pick, on_example }
}
