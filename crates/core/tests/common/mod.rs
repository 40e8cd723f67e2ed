//! Helpers shared by the integration tests: where the shared corpus is, and
//! how to pick the privacy policy out of a multi-document outline.
#![allow(dead_code)] // reason: each test binary uses a different subset

use std::path::PathBuf;

use policylens_core::{Node, NodeKind, Report};

/// The repository's test corpus, `tests/corpus` (see its README).
pub fn corpus_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    assert!(dir.is_dir(), "the test corpus is expected at {}", dir.display());
    dir
}

pub fn policy(name: &str) -> String {
    let path = corpus_dir().join("policies").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn expected() -> serde_json::Value {
    let path = corpus_dir().join("expected.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The document that is the privacy policy proper: among documents whose
/// title names a privacy policy (or all, if none does), the one with the
/// most sections.
pub fn privacy_policy(report: &Report) -> &Node {
    let sections = |d: &Node| d.children.iter().filter(|n| n.kind == NodeKind::Section).count();
    let titled: Vec<&Node> =
        report.outline.iter().filter(|d| d.heading.as_deref().is_some_and(|h| h.contains("隐私"))).collect();
    let pool = if titled.is_empty() { report.outline.iter().collect() } else { titled };
    pool.into_iter().max_by_key(|d| sections(d)).expect("at least one document")
}

/// The text of CAPP-130 policy `rw_N.jsonl`: its sentences joined by newlines.
pub fn capp_text(path: &std::path::Path) -> String {
    let raw = std::fs::read_to_string(path).unwrap();
    let mut out = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        out.push(v["text"].as_str().unwrap_or_default().to_owned());
    }
    out.join("\n")
}

/// One test per corpus policy, named after it, each calling `$check` with
/// the policy's file name.
#[allow(unused_macros)] // not every test file checks each policy alike
macro_rules! per_policy {
    ($check:ident) => {
        #[test]
        fn xiaoyun() {
            $check("xiaoyun.txt");
        }

        #[test]
        fn apayun() {
            $check("apayun.txt");
        }

        #[test]
        fn weidandan() {
            $check("weidandan.txt");
        }

        #[test]
        fn mijian() {
            $check("mijian.txt");
        }

        #[test]
        fn taobao() {
            $check("taobao.txt");
        }
    };
}
