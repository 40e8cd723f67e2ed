//! What the page keeps in local storage: the interface language, whether to
//! keep a draft, and the draft itself (only when the user opted in). The
//! language also sets the page's `lang` attribute and title.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::State;

const LANG_KEY: &str = "policylens.lang";
const DRAFT_KEY: &str = "policylens.draft";
const SAVE_DRAFT_KEY: &str = "policylens.save-draft";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn stored(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// The language chosen on an earlier visit, else the default.
pub fn saved_lang() -> Lang {
    stored(LANG_KEY).and_then(|c| Lang::from_code(&c)).unwrap_or_default()
}

/// Whether the user opted in to keeping a draft.
pub fn saved_save_draft() -> bool {
    stored(SAVE_DRAFT_KEY).is_some()
}

/// The saved draft, when the user opted in to saving it.
pub fn saved_draft() -> Option<String> {
    stored(SAVE_DRAFT_KEY)?;
    stored(DRAFT_KEY).filter(|d| !d.is_empty())
}

/// Saves the draft locally (only ever called when the user opted in). A
/// draft too large for the browser's storage is simply not saved.
pub fn store_draft(text: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(DRAFT_KEY, text);
    }
}

/// Keeps local storage and the document in step with the state: the
/// language (also the page's `lang` and title) and the save-draft choice.
/// What was read at start is not written back; only changes are.
#[hook]
pub fn use_persisted(state: &UseReducerHandle<State>) {
    let started = use_mut_ref(|| (false, false));
    use_effect_with(state.lang, {
        let started = started.clone();
        move |lang: &Lang| {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                if let Some(root) = doc.document_element() {
                    let _ = root.set_attribute("lang", lang.html_code());
                }
                doc.set_title(lang.strings().app_title);
            }
            if std::mem::replace(&mut started.borrow_mut().0, true) {
                if let Some(s) = local_storage() {
                    let _ = s.set_item(LANG_KEY, lang.code());
                }
            }
        }
    });
    let input = state.input.clone();
    use_effect_with(state.save_draft, move |&on: &bool| {
        if !std::mem::replace(&mut started.borrow_mut().1, true) {
            return;
        }
        if let Some(s) = local_storage() {
            if on {
                let _ = s.set_item(SAVE_DRAFT_KEY, "1");
                store_draft(&input);
            } else {
                // Opting out forgets the draft at once.
                let _ = s.remove_item(SAVE_DRAFT_KEY);
                let _ = s.remove_item(DRAFT_KEY);
            }
        }
    });
}
