//! Every keyword rule (and a rule with logic that has a fixture) on excerpts of real policies, as ruff tests its rules
//! over fixture files: `tests/fixtures/rules/ID.txt` holds a `pass`, a `fail`
//! and, for a rule that can only warn, a `warn` excerpt, each with its source.
//! Each excerpt is analysed inside the same minimal policy, the rule's status
//! must be the block's, and a snapshot keeps every verdict with its message
//! and evidence lines, so a change to a rule's words shows in review.

use std::fmt::Write;
use std::path::PathBuf;

use policylens_core::rules::{Check, REGISTRY};
use policylens_core::FindingStatus;

/// The excerpt inside a policy that reads as one and names no rule's words.
fn policy_with(excerpt: &str) -> String {
    format!("隐私政策\n我们重视您的个人信息，经您同意后使用这些信息提供服务。\n{excerpt}\n")
}

struct Block {
    kind: String,
    source: String,
    text: String,
}

fn blocks(file: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for line in file.lines() {
        if let Some(kind) = line.strip_prefix("== ") {
            out.push(Block { kind: kind.trim().to_owned(), source: String::new(), text: String::new() });
        } else if let Some(source) = line.strip_prefix("# source: ") {
            out.last_mut().expect("a block before its source").source = source.trim().to_owned();
        } else if let Some(b) = out.last_mut() {
            if !line.trim().is_empty() {
                b.text.push_str(line);
                b.text.push('\n');
            }
        }
    }
    out
}

#[test]
fn keyword_rules_on_real_excerpts() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut snapshot = String::new();
    let mut checked = 0;
    for rule in REGISTRY.iter() {
        // Every keyword rule has a fixture file; a rule with logic of its own
        // may have one too (COL-04 was a keyword rule).
        let keywords = match rule.check {
            Check::Keywords(k) => Some(k),
            _ => None,
        };
        let path = dir.join(format!("{}.txt", rule.id));
        let file = match (std::fs::read_to_string(&path), keywords) {
            (Ok(file), _) => file,
            (Err(_), Some(_)) => panic!("{} has no fixture file", rule.id),
            (Err(_), None) => continue,
        };
        let blocks = blocks(&file);
        let kinds: Vec<&str> = blocks.iter().map(|b| b.kind.as_str()).collect();
        let want: &[&str] = match keywords {
            Some(k) if k.also.is_empty() => &["pass", "fail"],
            _ => &["pass", "warn", "fail"],
        };
        assert_eq!(kinds, want, "{}: blocks", rule.id);
        for b in &blocks {
            assert!(b.source.starts_with("tests/corpus/"), "{} {}: a real source", rule.id, b.kind);
            let report = policylens_core::analyze(&policy_with(&b.text));
            let f = report.findings.iter().find(|f| f.rule == rule.id).expect("a keyword rule always judges");
            let status = match f.status {
                FindingStatus::Pass => "pass",
                FindingStatus::Warn => "warn",
                FindingStatus::Fail => "fail",
            };
            assert_eq!(status, b.kind, "{} on {} ({})", rule.id, b.source, f.message);
            let lines: Vec<String> = f.evidence.iter().map(|e| e.line.to_string()).collect();
            let _ =
                writeln!(snapshot, "{} {}: {} [lines {}] ({})", rule.id, status, f.message, lines.join(","), b.source);
            checked += 1;
        }
    }
    assert!(checked >= 50, "{checked} excerpts");
    insta::assert_snapshot!(snapshot);
}
