//! The shell's hooks: each owns one kind of side effect, and changes the
//! shell's [`State`](crate::state::State) only through its actions.

mod analysis;
mod file_loader;
mod page_paste;
mod persisted;

pub use analysis::{run_analysis, use_analysis, use_settle, Source, DEBOUNCE_MS, MAX_INPUT_BYTES};
pub use file_loader::{use_file_loader, FileLoader};
pub use page_paste::use_page_paste;
pub use persisted::{saved_draft, saved_lang, saved_save_draft, use_persisted};
