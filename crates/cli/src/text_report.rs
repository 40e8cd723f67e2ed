//! The human-readable form of a report (`--format text`).

use std::fmt::Write;

use policylens_core::{NodeKind, Report};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "PolicyLens report: {} bytes, {} lines, {}",
        report.input.bytes, report.input.lines, report.input.encoding
    );
    let _ = writeln!(out, "\nOutline");
    let mut nodes = Vec::new();
    for doc in &report.outline {
        let _ = writeln!(
            out,
            "  [document] {} (lines {}-{})",
            doc.heading.as_deref().unwrap_or("(untitled)"),
            doc.lines[0],
            doc.lines[1]
        );
        nodes.clear();
        crate::walk(&doc.children, &mut nodes);
        for n in &nodes {
            let indent = "  ".repeat(n.level as usize + 1);
            let label = match n.kind {
                NodeKind::Toc => "[table of contents]".to_owned(),
                _ => n.heading.clone().unwrap_or_default(),
            };
            let cats =
                if n.categories.is_empty() { String::new() } else { format!("  {{{}}}", n.categories.join(", ")) };
            let _ = writeln!(out, "{indent}{label}  (line {}){cats}", n.lines[0]);
        }
    }
    for m in &report.toc_mismatches {
        let _ = writeln!(out, "  table of contents: {:?} at line {}: {}", m.kind, m.evidence.line, m.evidence.text);
    }
    if !report.checklist.is_empty() {
        let _ = writeln!(out, "\nChecklist");
        for row in &report.checklist {
            let _ = writeln!(out, "  {:<14} {:?}", row.category, row.status);
        }
    }
    if !report.findings.is_empty() {
        let _ = writeln!(out, "\nFindings");
        for f in &report.findings {
            let _ = writeln!(out, "  {} {:?}/{:?}: {}", f.rule, f.severity, f.status, f.message);
        }
    }
    if !report.sdks.is_empty() {
        let _ = writeln!(out, "\nThird-party SDKs");
        for s in &report.sdks {
            let _ = writeln!(out, "  {} — {}", s.name, s.provider.as_deref().unwrap_or("provider not stated"));
        }
    }
    out
}
