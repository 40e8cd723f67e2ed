//! The rules: each a declaration in its own file, listed in one registry.
//!
//! Placeholder: no rules yet (issue: section checklist and rules).

use crate::report::{ChecklistRow, Facts, Finding, Node};
use crate::sdk::SdkExtraction;
use crate::segment::Anomaly;
use crate::text::Lines;

/// Everything a rule may look at.
#[derive(Debug)]
pub struct Context<'a> {
    pub text: &'a str,
    pub lines: &'a Lines,
    pub outline: &'a [Node],
    pub facts: &'a Facts,
    pub checklist: &'a [ChecklistRow],
    pub sdks: &'a SdkExtraction,
    pub anomalies: &'a [Anomaly],
}

/// Runs every rule of the registry.
pub fn run(_ctx: &Context<'_>) -> Vec<Finding> {
    Vec::new()
}
