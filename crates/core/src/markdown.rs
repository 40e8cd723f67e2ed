//! A Markdown rendering of a report, for reviewers who want a file to keep or
//! attach to a ticket. Used by the app's export and the CLI's
//! `--format markdown`; it only presents what the report holds.

use std::fmt::Write;

use crate::report::{CoverageStatus, FindingStatus, Node, NodeKind, Report, Severity};

/// Renders `report` as Markdown, with Chinese (`zh = true`) or English labels.
pub fn render(report: &Report, zh: bool) -> String {
    let mut out = String::new();
    header(&mut out, report, zh);
    let _ = writeln!(out, "## {}\n", label(zh, "目录结构", "Outline"));
    for doc in &report.outline {
        outline(&mut out, doc, 0, zh);
    }
    checklist(&mut out, report, zh);
    findings(&mut out, report, zh);
    sdks(&mut out, report, zh);
    recipients(&mut out, report, zh);
    out
}

/// The Chinese label or the English one.
fn label(zh: bool, z: &'static str, e: &'static str) -> &'static str {
    if zh {
        z
    } else {
        e
    }
}

/// The title, the input's size, and the summary line (or why nothing was judged).
fn header(out: &mut String, report: &Report, zh: bool) {
    let t = |z: &'static str, e: &'static str| label(zh, z, e);
    let _ = writeln!(out, "# {}\n", t("PolicyLens 隐私政策审阅报告", "PolicyLens privacy-policy review"));
    let _ = writeln!(
        out,
        "{}: {} bytes, {} lines, {}\n",
        t("输入", "Input"),
        report.input.bytes,
        report.input.lines,
        report.input.encoding
    );

    let s = &report.summary;
    if s.judged {
        let sensitive: Vec<&str> = s.sensitive.iter().map(|k| k.example.as_str()).collect();
        let _ = writeln!(
            out,
            "**{}**: {} · **{}**: {} · **{}**: {} · **{}**: {}\n",
            t("必须项未满足", "Must-items failing"),
            s.must_fail,
            t("应当项未满足", "Should-items failing"),
            s.should_fail,
            t("第三方 SDK", "Third-party SDKs"),
            s.sdks,
            t("敏感个人信息", "Sensitive personal information"),
            if sensitive.is_empty() { t("未见", "none seen").to_owned() } else { sensitive.join("、") }
        );
    } else {
        let _ = writeln!(
            out,
            "**{}**\n",
            t("输入不是隐私政策，未作评判。", "The input is not a privacy policy; nothing was judged.")
        );
    }
}

/// The checklist table: each category, its status and evidence lines.
fn checklist(out: &mut String, report: &Report, zh: bool) {
    let t = |z: &'static str, e: &'static str| label(zh, z, e);
    if !report.checklist.is_empty() {
        let _ = writeln!(out, "\n## {}\n", t("章节清单", "Checklist"));
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            t("类别", "Category"),
            t("状态", "Status"),
            t("依据（行）", "Evidence (line)")
        );
        let _ = writeln!(out, "|---|---|---|");
        for row in &report.checklist {
            let status = match row.status {
                CoverageStatus::Covered => t("已覆盖", "covered"),
                CoverageStatus::Partial => t("部分覆盖", "partial"),
                CoverageStatus::Missing => t("缺失", "missing"),
            };
            let mut lines: Vec<String> = row.evidence.iter().take(5).map(|e| e.line.to_string()).collect();
            // Where a missing section would go, by the heading it follows.
            if let Some(place) = &row.place {
                match (&place.after, &place.before) {
                    (Some(after), _) => lines.push(format!("{} {}", t("应在其后：", "belongs after"), after.line)),
                    (None, Some(before)) => {
                        lines.push(format!("{} {}", t("应在其前：", "belongs before"), before.line))
                    }
                    (None, None) => {}
                }
            }
            let _ = writeln!(out, "| {} | {status} | {} |", row.category, lines.join(", "));
        }
    }
}

/// The findings that do not pass, by severity, with sources and evidence.
fn findings(out: &mut String, report: &Report, zh: bool) {
    let t = |z: &'static str, e: &'static str| label(zh, z, e);
    let failing: Vec<_> = report.findings.iter().filter(|f| f.status != FindingStatus::Pass).collect();
    if !failing.is_empty() {
        let _ = writeln!(out, "\n## {}\n", t("问题", "Findings"));
        for severity in [Severity::Must, Severity::Should, Severity::Info] {
            for f in failing.iter().filter(|f| f.severity == severity) {
                let status = if f.status == FindingStatus::Fail { t("未满足", "fail") } else { t("警告", "warn") };
                let basis = match f.basis {
                    Some(crate::report::Basis::Missing) => t("，未找到", ", not found"),
                    Some(crate::report::Basis::Stated) => t("，文本所示", ", in the text"),
                    None => "",
                };
                let _ = writeln!(out, "- **{}** ({status}{basis}): {}", f.rule, escape(&f.message));
                if !f.sources.is_empty() {
                    let _ = writeln!(out, "  - {}: {}", t("依据", "Sources"), f.sources.join("; "));
                }
                for e in f.evidence.iter().take(3) {
                    let _ = writeln!(out, "  - {} {}: {}", t("第", "line"), e.line, escape(&e.text));
                }
            }
        }
    }
}

/// The SDK table: name, provider, purpose, data, privacy policy.
fn sdks(out: &mut String, report: &Report, zh: bool) {
    let t = |z: &'static str, e: &'static str| label(zh, z, e);
    if !report.sdks.is_empty() {
        let _ = writeln!(out, "\n## {}\n", t("第三方 SDK", "Third-party SDKs"));
        let _ = writeln!(
            out,
            "| SDK | {} | {} | {} | {} |",
            t("提供方", "Provider"),
            t("目的", "Purpose"),
            t("个人信息", "Data"),
            t("隐私政策", "Privacy policy")
        );
        let _ = writeln!(out, "|---|---|---|---|---|");
        for s in &report.sdks {
            let data: Vec<&str> = s.data.iter().map(|d| d.text.as_str()).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                escape(&s.name),
                escape(s.provider.as_deref().unwrap_or("—")),
                escape(s.purpose.as_deref().unwrap_or("—")),
                escape(&data.join("、")),
                escape(s.link.as_deref().unwrap_or("—"))
            );
        }
    }
}

/// The table of other recipients: name, kind, data.
fn recipients(out: &mut String, report: &Report, zh: bool) {
    let t = |z: &'static str, e: &'static str| label(zh, z, e);
    if !report.recipients.is_empty() {
        let _ = writeln!(out, "\n## {}\n", t("其他接收方（非 SDK）", "Other recipients (not SDKs)"));
        let _ = writeln!(out, "| {} | {} | {} |", t("接收方", "Recipient"), t("类型", "Kind"), t("个人信息", "Data"));
        let _ = writeln!(out, "|---|---|---|");
        for r in &report.recipients {
            let data: Vec<&str> = r.data.iter().map(|d| d.text.as_str()).collect();
            let data = if data.is_empty() { "—".to_owned() } else { data.join("、") };
            let _ = writeln!(out, "| {} | {} | {} |", escape(&r.name), escape(&r.kind), escape(&data));
        }
    }
}

fn outline(out: &mut String, node: &Node, depth: usize, zh: bool) {
    let label = match node.kind {
        NodeKind::Toc => (if zh { "（目录）" } else { "(table of contents)" }).to_owned(),
        _ => node.heading.clone().unwrap_or_else(|| (if zh { "（无标题文档）" } else { "(untitled)" }).to_owned()),
    };
    let cats = if node.categories.is_empty() {
        String::new()
    } else {
        format!(" `{}`", node.categories.iter().map(|c| c.id()).collect::<Vec<_>>().join("` `"))
    };
    let _ = writeln!(out, "{}- {} (L{}){cats}", "  ".repeat(depth), escape(&label), node.lines[0]);
    for c in &node.children {
        outline(out, c, depth + 1, zh);
    }
}

/// Escapes the characters that would change a Markdown table or list.
fn escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_outline_and_escapes_pipes() {
        let report = crate::analyze("隐私政策\n一、我们如何收集信息\n我们收集手机号。\n二、联系 | 我们\n邮箱。\n");
        let md = render(&report, true);
        assert!(md.starts_with("# PolicyLens 隐私政策审阅报告\n"), "{md}");
        assert!(md.contains("- 隐私政策 (L1)\n  - 一、我们如何收集信息 (L2)"), "{md}");
        assert!(md.contains("二、联系 \\| 我们"), "{md}");
        let en = render(&report, false);
        assert!(en.contains("## Outline"), "{en}");
    }

    #[test]
    fn lists_recipients_with_what_they_receive() {
        let report = crate::analyze("隐私政策\n一、共享\n我们会将您的姓名、手机号码共享给配送服务商。\n");
        let md = render(&report, true);
        assert!(md.contains("| 配送服务商 | logistics | 姓名、手机号码 |"), "{md}");
    }
}
