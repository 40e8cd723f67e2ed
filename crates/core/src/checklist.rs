//! The section checklist: one row per taxonomy category (not `overview` or
//! `other`), in the taxonomy's order.
//!
//! `covered`: a section is about it (its heading and clauses are the
//! evidence). `partial`: only some clauses elsewhere touch it, or a required
//! element is absent (storage without a retention period; a contact chapter
//! without any channel); `reason` says which. `missing`: nothing.
//!
//! A row no section covers says where in the outline a section on it would
//! go (`place`), by the template's order of topics.

use crate::report::{
    Category, ChecklistRow, CoverageStatus, Evidence, Facts, Node, NodeKind, PartialReason, Placement, Span,
};
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
            let (status, reason) = match category {
                // A way to reach the controller is the point of the row:
                // words about contacting without a channel cover nothing.
                Category::Contact if !channel => {
                    if sections.is_empty() {
                        (CoverageStatus::Missing, None)
                    } else {
                        (CoverageStatus::Partial, Some(PartialReason::NoContactChannel))
                    }
                }
                Category::Storage if !sections.is_empty() && facts.retention.is_empty() => {
                    (CoverageStatus::Partial, Some(PartialReason::NoRetentionPeriod))
                }
                _ if !sections.is_empty() => (CoverageStatus::Covered, None),
                _ if !clauses.is_empty() => (CoverageStatus::Partial, Some(PartialReason::ClausesOnly)),
                _ => (CoverageStatus::Missing, None),
            };
            let place = sections.is_empty().then(|| placement(text, lines, outline, category));
            // `rules` is filled once the rules ran (`rules::link_checklist`).
            ChecklistRow { category, status, evidence: ev, rules: Vec::new(), reason, place }
        })
        .collect()
}

/// The position of `category` in the template's order of topics.
fn rank(category: Category) -> usize {
    Category::ALL.iter().position(|c| *c == category).unwrap_or(usize::MAX)
}

/// Where a section on `category` would go among the top-level sections of
/// the main document (the one with the most sections): after the last
/// section on an earlier topic that comes before the first section on a
/// later one, before the section that follows it.
fn placement(text: &str, lines: &Lines, outline: &[Node], category: Category) -> Placement {
    let is_section = |n: &&Node| n.kind == NodeKind::Section;
    let main = outline.iter().max_by_key(|d| d.children.iter().filter(is_section).count());
    let sections: Vec<&Node> = main.map(|d| d.children.iter().filter(is_section).collect()).unwrap_or_default();
    // A section's main topic is its first; a section with none (a preamble,
    // a heading the classifier could not place) does not move the place.
    let main_rank = |n: &Node| n.categories.first().filter(|c| **c != Category::Other).map(|c| rank(*c));
    // The first section on a later topic bounds the place, so that a
    // section out of the template's order near the end (a scope chapter
    // last) does not pull the place down to it.
    let later = sections.iter().position(|n| main_rank(n).is_some_and(|r| r > rank(category)));
    let after = sections[..later.unwrap_or(sections.len())]
        .iter()
        .rposition(|n| main_rank(n).is_some_and(|r| r < rank(category)));
    let before = match after {
        Some(i) => sections.get(i + 1),
        None => later.map(|i| &sections[i]),
    };
    let heading = |n: &Node| evidence(text, lines, lines.span(lines.index_of(n.span.start)));
    Placement { after: after.map(|i| heading(sections[i])), before: before.map(|n| heading(n)) }
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

#[cfg(test)]
mod tests {
    use crate::report::{Category, ChecklistRow, CoverageStatus, PartialReason};

    fn row(rows: &[ChecklistRow], category: Category) -> (CoverageStatus, Option<PartialReason>) {
        let r = rows.iter().find(|r| r.category == category).expect("a row per category");
        (r.status, r.reason)
    }

    const HEAD: &str = "隐私政策\n我们重视您的个人信息，经您同意后收集和使用这些信息提供服务。\n";

    #[test]
    fn partial_rows_say_why() {
        let text = format!(
            "{HEAD}一、我们如何存储您的个人信息\n我们将您的个人信息存储于中华人民共和国境内的服务器。\n\
             二、如何联系我们\n如您有任何疑问，可以与我们联系。\n"
        );
        let rows = crate::analyze(&text).checklist;
        assert_eq!(row(&rows, Category::Storage), (CoverageStatus::Partial, Some(PartialReason::NoRetentionPeriod)));
        assert_eq!(row(&rows, Category::Contact), (CoverageStatus::Partial, Some(PartialReason::NoContactChannel)));
        // The preamble's clause touches collection, no section is about it.
        assert_eq!(row(&rows, Category::Collection), (CoverageStatus::Partial, Some(PartialReason::ClausesOnly)));
        assert_eq!(row(&rows, Category::Cookies), (CoverageStatus::Missing, None));
        assert_eq!(
            rows.iter().find(|r| r.category == Category::Storage).map(|r| r.rules.clone()),
            Some(vec!["STO-01".to_owned()])
        );
    }

    #[test]
    fn a_row_without_a_section_says_where_one_would_go() {
        let text = format!(
            "{HEAD}一、我们如何收集和使用您的个人信息\n我们收集您的手机号码用于注册账号。\n\
             二、我们如何共享您的个人信息\n我们不会与第三方共享您的个人信息。\n\
             三、我们如何保护您的个人信息\n我们采用加密技术保护您的个人信息。\n\
             四、如何联系我们\n您可以发送邮件至 privacy@example.com 与我们联系。\n"
        );
        let rows = crate::analyze(&text).checklist;
        let place = |category: Category| {
            let row = rows.iter().find(|r| r.category == category).unwrap();
            row.place
                .as_ref()
                .map(|p| (p.after.as_ref().map(|e| e.text.clone()), p.before.as_ref().map(|e| e.text.clone())))
        };
        let some = |s: &str| Some(s.to_owned());
        // Storage comes after sharing and before security in the template.
        assert_eq!(
            place(Category::Storage),
            Some((some("二、我们如何共享您的个人信息"), some("三、我们如何保护您的个人信息")))
        );
        // Rights: after security, before contact.
        assert_eq!(place(Category::Rights), Some((some("三、我们如何保护您的个人信息"), some("四、如何联系我们"))));
        // Updates: after security (contact comes later in the template).
        assert_eq!(place(Category::Updates), Some((some("三、我们如何保护您的个人信息"), some("四、如何联系我们"))));
        // Definitions come before every section.
        assert_eq!(place(Category::Definitions), Some((None, some("一、我们如何收集和使用您的个人信息"))));
        // A covered row has no place.
        assert_eq!(place(Category::Sharing), None);
    }

    #[test]
    fn covered_rows_have_no_reason() {
        let text = format!(
            "{HEAD}一、我们如何存储您的个人信息\n我们对您个人信息的保存期限为六个月，超出保存期限后我们将删除您的个人信息。\n\
             二、如何联系我们\n您可以发送邮件至 privacy@example.com 与我们联系。\n"
        );
        let rows = crate::analyze(&text).checklist;
        assert_eq!(row(&rows, Category::Storage), (CoverageStatus::Covered, None));
        assert_eq!(row(&rows, Category::Contact), (CoverageStatus::Covered, None));
        let json = serde_json::to_value(&rows).expect("rows serialise");
        let contact = json.as_array().and_then(|a| a.iter().find(|r| r["category"] == "contact")).cloned();
        let contact = contact.expect("a contact row");
        assert!(contact.get("reason").is_none());
        assert_eq!(contact["rules"], serde_json::json!(["CTL-01", "CTL-02", "CMP-01", "WRD-05"]));
    }
}
