//! Categories of sections and clauses (taxonomy: docs/report-schema.md).
//!
//! Placeholder: assigns nothing yet (issue: section checklist and rules).

use crate::report::Node;

/// Assigns categories to every node and clause of `outline`, in place.
pub fn classify(_text: &str, _outline: &mut [Node]) {}
