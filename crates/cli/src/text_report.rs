//! The human-readable form of a report (`--format text`), with colours when
//! printing to a terminal.

use std::fmt::Write;

use policylens_core::{CoverageStatus, FindingStatus, InputKind, NodeKind, Report, Severity};

/// ANSI styles, or nothing when not on a terminal.
struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn red(&self, s: &str) -> String {
        self.wrap("31", s)
    }
    fn yellow(&self, s: &str) -> String {
        self.wrap("33", s)
    }
    fn green(&self, s: &str) -> String {
        self.wrap("32", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
}

pub fn render(report: &Report, color: bool) -> String {
    let p = Paint(color);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} bytes, {} lines, {}",
        p.bold("PolicyLens report:"),
        report.input.bytes,
        report.input.lines,
        report.input.encoding
    );
    match report.input.kind {
        InputKind::Empty => {
            let _ = writeln!(out, "{}", p.yellow("The input is empty."));
            return out;
        }
        InputKind::NotAPolicy => {
            let _ = writeln!(
                out,
                "{}",
                p.yellow("This text does not read like a Chinese privacy policy (it never mentions 隐私 or 个人信息): no checklist or findings.")
            );
        }
        InputKind::Policy => {}
    }
    let _ = writeln!(out, "\n{}", p.bold("Outline"));
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
            let cats = if n.categories.is_empty() {
                String::new()
            } else {
                format!("  {{{}}}", n.categories.iter().map(|c| c.id()).collect::<Vec<_>>().join(", "))
            };
            let _ = writeln!(out, "{indent}{label}  (line {}){}", n.lines[0], p.dim(&cats));
        }
    }
    for m in &report.toc_mismatches {
        let _ = writeln!(out, "  table of contents: {:?} at line {}: {}", m.kind, m.evidence.line, m.evidence.text);
    }
    if !report.checklist.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Checklist"));
        for row in &report.checklist {
            let status = match row.status {
                CoverageStatus::Covered => p.green("covered"),
                CoverageStatus::Partial => p.yellow("partial"),
                CoverageStatus::Missing => p.red("missing"),
            };
            let lines: Vec<String> = row.evidence.iter().take(4).map(|e| e.line.to_string()).collect();
            let at = if lines.is_empty() { String::new() } else { format!("  lines {}", lines.join(", ")) };
            let _ = writeln!(out, "  {:<14} {status}{}", row.category, p.dim(&at));
        }
    }
    let shown: Vec<_> = report.findings.iter().filter(|f| f.status != FindingStatus::Pass).collect();
    if !shown.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Findings"));
        for severity in [Severity::Must, Severity::Should, Severity::Info] {
            for f in shown.iter().filter(|f| f.severity == severity) {
                let status = match f.status {
                    FindingStatus::Fail => p.red("fail"),
                    _ => p.yellow("warn"),
                };
                let _ = writeln!(out, "  {} {:?} {status}: {}", p.bold(&f.rule), f.severity, f.message);
                if let Some(e) = f.evidence.first() {
                    let _ = writeln!(out, "      {}", p.dim(&format!("line {}: {}", e.line, e.text)));
                }
            }
        }
        let passed = report.findings.len() - shown.len();
        let _ = writeln!(out, "  {}", p.dim(&format!("({passed} rules pass)")));
    }
    if !report.sdks.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Third-party SDKs"));
        for s in &report.sdks {
            let _ = writeln!(out, "  {} — {}", s.name, s.provider.as_deref().unwrap_or("provider not stated"));
        }
    }
    if !report.recipients.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Other recipients"));
        for r in &report.recipients {
            let data: Vec<&str> = r.data.iter().map(|d| d.text.as_str()).collect();
            let data = if data.is_empty() { String::new() } else { format!(": {}", data.join("、")) };
            let _ = writeln!(out, "  {} ({}){data}", r.name, r.kind);
        }
    }
    out
}
