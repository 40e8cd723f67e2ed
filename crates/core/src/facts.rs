//! Facts a reader can find in the text: dates, controller, contacts, reply
//! times, children's age, storage location, retention.
//!
//! Placeholder: extracts nothing yet (issue: section checklist and rules).

use crate::report::{Facts, Node};
use crate::text::Lines;

pub fn extract(_text: &str, _lines: &Lines, _outline: &[Node]) -> Facts {
    Facts::default()
}
