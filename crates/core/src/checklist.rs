//! The section checklist: one row per taxonomy category.
//!
//! Placeholder: no rows yet (issue: section checklist and rules).

use crate::report::{ChecklistRow, Facts, Node};
use crate::text::Lines;

pub fn build(_text: &str, _lines: &Lines, _outline: &[Node], _facts: &Facts) -> Vec<ChecklistRow> {
    Vec::new()
}
