//! The section checklist: one row per taxonomy category (not `overview` or
//! `other`), in the taxonomy's order.
//!
//! `covered`: a section is about it (its heading and clauses are the
//! evidence). `partial`: only some clauses elsewhere touch it, or a required
//! element is absent (storage without a retention period; a contact chapter
//! without any channel). `missing`: nothing.

use crate::report::{Category, ChecklistRow, CoverageStatus, Evidence, Facts, Node, NodeKind, Span};
use crate::text::{evidence, Lines};

/// Most evidence items a row lists.
const MAX_EVIDENCE: usize = 8;

pub fn build(text: &str, lines: &Lines, outline: &[Node], facts: &Facts) -> Vec<ChecklistRow> {
    Category::ALL
        .into_iter()
        .filter(|c| !matches!(c, Category::Overview | Category::Other))
        .map(|category| {
            let mut sections = Vec::new();
            let mut clauses = Vec::new();
            for doc in outline {
                collect(doc, category, &mut sections, &mut clauses);
            }
            let heading_span = |n: &Node| {
                let line = lines.index_of(n.span.start);
                lines.span(line)
            };
            let mut ev: Vec<Evidence> =
                sections.iter().take(MAX_EVIDENCE).map(|n| evidence(text, lines, heading_span(n))).collect();
            for span in clauses.iter().take(MAX_EVIDENCE.saturating_sub(ev.len())) {
                ev.push(evidence(text, lines, *span));
            }
            let channel = !facts.emails.is_empty() || !facts.phones.is_empty() || !facts.addresses.is_empty();
            let status = match category {
                // A way to reach the controller is the point of the row:
                // words about contacting without a channel cover nothing.
                Category::Contact if !channel => {
                    if sections.is_empty() {
                        CoverageStatus::Missing
                    } else {
                        CoverageStatus::Partial
                    }
                }
                Category::Storage if !sections.is_empty() && facts.retention.is_empty() => CoverageStatus::Partial,
                _ if !sections.is_empty() => CoverageStatus::Covered,
                _ if !clauses.is_empty() => CoverageStatus::Partial,
                _ => CoverageStatus::Missing,
            };
            ChecklistRow { category, status, evidence: ev }
        })
        .collect()
}

/// Sections carrying `category`, and clauses carrying it outside them.
fn collect<'a>(node: &'a Node, category: Category, sections: &mut Vec<&'a Node>, clauses: &mut Vec<Span>) {
    let has = |cats: &[Category]| cats.contains(&category);
    if node.kind == NodeKind::Section && has(&node.categories) {
        sections.push(node);
        return;
    }
    for c in &node.clauses {
        if has(&c.categories) {
            clauses.push(c.span);
        }
    }
    for child in &node.children {
        collect(child, category, sections, clauses);
    }
}
