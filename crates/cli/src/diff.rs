//! `policylens diff OLD NEW`: what changed between two versions of a policy,
//! section by section, and which findings appeared or disappeared.
//!
//! Sections are matched by their heading without its numbering, so that a
//! renumbered section (三 → 四) is the same section and only changed bodies
//! show.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use policylens_core::text::normalize;
use policylens_core::{Node, NodeKind, Report};

/// A section reduced to what a comparison needs.
struct Section {
    heading: String,
    line: usize,
    /// Normalised text of the clauses the section holds directly.
    body: String,
}

/// Sections of a report keyed by their normalised heading without the
/// numbering, so that a renumbered section (三 → 四) is the same section.
fn sections(report: &Report, text: &str) -> BTreeMap<String, Section> {
    fn walk(nodes: &[Node], text: &str, out: &mut BTreeMap<String, Section>) {
        for n in nodes {
            if n.kind == NodeKind::Section {
                let heading = n.heading.clone().unwrap_or_default();
                let marker_end = n.marker.as_deref().and_then(|m| heading.find(m).map(|i| i + m.len())).unwrap_or(0);
                let mut key = normalize(&heading[marker_end..]);
                // Two sections with the same title (（一）共享 under two
                // chapters) stay apart.
                while out.contains_key(&key) {
                    key.push('′');
                }
                let body: String =
                    n.clauses.iter().map(|c| normalize(text.get(c.span.start..c.span.end).unwrap_or(""))).collect();
                out.insert(key, Section { heading, line: n.lines[0], body });
            }
            walk(&n.children, text, out);
        }
    }
    let mut out = BTreeMap::new();
    walk(&report.outline, text, &mut out);
    out
}

/// The differences between two analysed versions.
#[derive(Debug, Default, serde::Serialize)]
pub struct Delta {
    pub added_sections: Vec<(String, usize)>,
    pub removed_sections: Vec<(String, usize)>,
    /// (heading, old line, new line)
    pub changed_sections: Vec<(String, usize, usize)>,
    /// (rule, status) pairs.
    pub new_findings: Vec<(String, String)>,
    pub resolved_findings: Vec<(String, String)>,
}

pub fn compare(old: &Report, old_text: &str, new: &Report, new_text: &str) -> Delta {
    let (a, b) = (sections(old, old_text), sections(new, new_text));
    let mut delta = Delta::default();
    for (key, s) in &b {
        match a.get(key) {
            None => delta.added_sections.push((s.heading.clone(), s.line)),
            Some(o) if o.body != s.body => delta.changed_sections.push((s.heading.clone(), o.line, s.line)),
            Some(_) => {}
        }
    }
    for (key, s) in &a {
        if !b.contains_key(key) {
            delta.removed_sections.push((s.heading.clone(), s.line));
        }
    }
    let key = |r: &Report| -> BTreeSet<(String, String)> {
        r.findings
            .iter()
            .filter(|f| f.status != policylens_core::FindingStatus::Pass)
            .map(|f| (f.rule.clone(), format!("{:?}", f.status).to_lowercase()))
            .collect()
    };
    let (fa, fb) = (key(old), key(new));
    delta.new_findings = fb.difference(&fa).cloned().collect();
    delta.resolved_findings = fa.difference(&fb).cloned().collect();
    delta.added_sections.sort_by_key(|s| s.1);
    delta.removed_sections.sort_by_key(|s| s.1);
    delta.changed_sections.sort_by_key(|s| s.2);
    delta
}

pub fn render(delta: &Delta) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Sections");
    if delta.added_sections.is_empty() && delta.removed_sections.is_empty() && delta.changed_sections.is_empty() {
        let _ = writeln!(s, "  (no changes)");
    }
    for (h, line) in &delta.added_sections {
        let _ = writeln!(s, "  + {h}  (new, line {line})");
    }
    for (h, line) in &delta.removed_sections {
        let _ = writeln!(s, "  - {h}  (old, line {line})");
    }
    for (h, old, new) in &delta.changed_sections {
        let _ = writeln!(s, "  ~ {h}  (old line {old}, new line {new})");
    }
    let _ = writeln!(s, "Findings");
    if delta.new_findings.is_empty() && delta.resolved_findings.is_empty() {
        let _ = writeln!(s, "  (no changes)");
    }
    for (rule, status) in &delta.new_findings {
        let _ = writeln!(s, "  + {rule} {status}");
    }
    for (rule, status) in &delta.resolved_findings {
        let _ = writeln!(s, "  - {rule} {status}");
    }
    s
}

pub fn run(
    old: &Path,
    new: &Path,
    json: bool,
    read: impl Fn(&Path) -> Result<(String, Report), String>,
) -> Result<ExitCode, String> {
    let (old_text, old_report) = read(old)?;
    let (new_text, new_report) = read(new)?;
    let delta = compare(&old_report, &old_text, &new_report, &new_text);
    if json {
        println!("{}", serde_json::to_string_pretty(&delta).map_err(|e| e.to_string())?);
    } else {
        print!("{}", render(&delta));
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renumbered_sections_match_and_edits_show() {
        let old = "隐私政策\n一、收集\n我们收集手机号。\n二、共享\n我们不共享。\n三、联系我们\n邮箱。\n";
        let new = "隐私政策\n一、收集\n我们收集手机号和位置。\n二、存储\n存储在境内。\n三、共享\n我们不共享。\n四、联系我们\n邮箱。\n";
        let (a, b) = (policylens_core::analyze(old), policylens_core::analyze(new));
        let d = compare(&a, old, &b, new);
        assert_eq!(d.added_sections, vec![("二、存储".to_owned(), 4)]);
        assert!(d.removed_sections.is_empty());
        assert_eq!(d.changed_sections, vec![("一、收集".to_owned(), 2, 2)]);
        let text = render(&d);
        assert!(text.contains("  + 二、存储  (new, line 4)"), "{text}");
        assert!(text.contains("  ~ 一、收集  (old line 2, new line 2)"), "{text}");
    }
}
