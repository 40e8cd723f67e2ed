//! A paste anywhere on the page (outside a text field) while the editor is
//! hidden replaces the policy: the report view needs no click to take the
//! next policy.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, Element};
use yew::prelude::*;

use super::analysis::Source;

/// Whether a paste aimed at `target` belongs to a field of its own.
fn into_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.closest("[contenteditable]").ok().flatten().is_some()
}

/// While `active`, a paste of text outside a field becomes the new policy.
#[hook]
pub fn use_page_paste(set_text: &Callback<(String, Source)>, active: bool) {
    // The latest callback: it carries this render's settings.
    let current = use_mut_ref(|| set_text.clone());
    *current.borrow_mut() = set_text.clone();
    use_effect_with(active, move |&active| {
        let listener = active.then(|| {
            let current: Rc<RefCell<Callback<(String, Source)>>> = current.clone();
            Closure::<dyn FnMut(ClipboardEvent)>::new(move |e: ClipboardEvent| {
                if into_field(e.target()) {
                    return;
                }
                let text = e.clipboard_data().and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
                if !text.trim().is_empty() {
                    e.prevent_default();
                    current.borrow().emit((text, Source::Outside));
                }
            })
        });
        let document = web_sys::window().and_then(|w| w.document());
        if let (Some(doc), Some(l)) = (&document, &listener) {
            let _ = doc.add_event_listener_with_callback("paste", l.as_ref().unchecked_ref());
        }
        move || {
            if let (Some(doc), Some(l)) = (document, listener) {
                let _ = doc.remove_event_listener_with_callback("paste", l.as_ref().unchecked_ref());
            }
        }
    });
}
