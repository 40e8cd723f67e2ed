//! Every CAPP-130 policy segments without a panic and with a valid outline;
//! a handful, chosen for their different heading styles, are snapshotted.
//! Data: CAPP-130 (EnlightenedAI/CAPP-130, NeurIPS 2023), CC BY 4.0.

mod common;

use common::{capp_text, corpus_dir};
use policylens_core::{analyze, segment::check_invariants, Node, NodeKind};

fn top_sections(doc: &Node) -> usize {
    doc.children.iter().filter(|n| n.kind == NodeKind::Section).count()
}

/// The largest number of top-level sections in any one document.
fn best_document(nodes: &[Node]) -> usize {
    nodes.iter().map(top_sections).max().unwrap_or(0)
}

#[test]
fn all_policies_segment_and_most_have_a_real_outline() {
    let dir = corpus_dir().join("capp130");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 130);
    let mut trivial = Vec::new();
    for path in &files {
        let text = capp_text(path);
        let report = analyze(&text);
        check_invariants(&text, &report.outline).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(report.input.kind, policylens_core::InputKind::Policy, "{}", path.display());
        let n = best_document(&report.outline);
        if n < 5 {
            trivial.push(format!("{} ({n})", path.file_name().unwrap().to_string_lossy()));
        }
    }
    eprintln!("CAPP-130: {} of 130 with at least five top-level sections; below: {trivial:?}", 130 - trivial.len());
    // Measured when the segmenter landed; a drop is a regression.
    assert!(trivial.len() <= 10, "{} policies with a trivial outline: {trivial:?}", trivial.len());
}

/// A compact view of an outline for snapshots: one line per node.
fn render(nodes: &[Node], out: &mut String) {
    for n in nodes {
        let kind = match n.kind {
            NodeKind::Document => "doc",
            NodeKind::Section => "sec",
            NodeKind::Toc => "toc",
        };
        let indent = "  ".repeat(n.level as usize);
        let heading = n.heading.as_deref().unwrap_or("-");
        out.push_str(&format!(
            "{indent}{kind} {}-{} {heading} [{} clauses]\n",
            n.lines[0],
            n.lines[1],
            n.clauses.len()
        ));
        render(&n.children, out);
    }
}

#[track_caller]
fn snapshot(name: &str) {
    let text = capp_text(&corpus_dir().join("capp130").join(format!("{name}.jsonl")));
    let report = analyze(&text);
    let mut out = String::new();
    render(&report.outline, &mut out);
    insta::assert_snapshot!(name, out);
}

/// 【】 summary headings, then 一、 sections with （一） and 1. below.
#[test]
fn snapshot_brackets_and_chinese_numerals() {
    snapshot("rw_1");
}

/// A 1、 2、 table of contents, then 1、 sections holding （一） and （1）.
#[test]
fn snapshot_arabic_top_level() {
    snapshot("rw_29");
}

/// 第一部分 / 第二部分 parts, 一、 sections, 1.1 subsections, (1) lists.
#[test]
fn snapshot_parts_and_decimals() {
    snapshot("rw_64");
}

/// No numbering at all: a table of contents and unnumbered topic headings.
#[test]
fn snapshot_unnumbered_headings() {
    snapshot("rw_113");
}

/// Unnumbered headings with bulleted lists below them.
#[test]
fn snapshot_unnumbered_with_bullets() {
    snapshot("rw_72");
}

/// No numbering, but chapters phrased as the template's questions (我们如何…):
/// two levels.
#[test]
fn snapshot_unnumbered_two_levels() {
    snapshot("rw_90");
}
