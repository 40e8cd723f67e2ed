//! Golden tests: the outline of each policy in tests/corpus/policies
//! against the hand-checked sections of expected.json.

#[macro_use]
mod common;

use common::{expected, policy, privacy_policy};
use policylens_core::{analyze, Node, NodeKind};

fn find_toc(nodes: &[Node], out: &mut Vec<[usize; 2]>) {
    for n in nodes {
        if n.kind == NodeKind::Toc {
            out.push(n.lines);
        }
        find_toc(&n.children, out);
    }
}

#[track_caller]
fn check(name: &str) {
    let text = policy(name);
    let report = analyze(&text);
    policylens_core::segment::check_invariants(&text, &report.outline).unwrap();
    let exp = &expected()["policies"][name];

    let doc = privacy_policy(&report);
    let got: Vec<(String, usize)> = doc
        .children
        .iter()
        .filter(|n| n.kind == NodeKind::Section)
        .map(|n| (n.heading.clone().unwrap(), n.lines[0]))
        .collect();
    let want: Vec<(String, usize)> = exp["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["heading"].as_str().unwrap().to_owned(), s["line"].as_u64().unwrap() as usize))
        .collect();
    // Sections before the first expected one (a preamble such as 【引言】)
    // may exist; from the first on, the lists must be identical.
    let first =
        got.iter().position(|g| g == &want[0]).unwrap_or_else(|| panic!("{name}: first section missing: {got:#?}"));
    assert_eq!(got[first..].to_vec(), want, "{name}");

    if let Some(toc) = exp.get("toc_lines") {
        let want = [toc[0].as_u64().unwrap() as usize, toc[1].as_u64().unwrap() as usize];
        let mut tocs = Vec::new();
        find_toc(&report.outline, &mut tocs);
        // A toc node's lines may include trailing blank lines after the last entry.
        assert!(
            tocs.iter().any(|t| t[0] == want[0] && t[1] >= want[1] && t[1] <= want[1] + 2),
            "{name}: toc {want:?} not found in {tocs:?}"
        );
    }
    assert!(report.toc_mismatches.is_empty(), "{name}: {:?}", report.toc_mismatches);
}

per_policy!(check);

#[test]
fn apayun_has_the_legal_statement_as_its_own_document() {
    let report = analyze(&policy("apayun.txt"));
    let titles: Vec<Option<&str>> = report.outline.iter().map(|d| d.heading.as_deref()).collect();
    assert_eq!(titles, vec![None, Some("法律声明"), Some("隐私权政策")]);
    let legal: Vec<&str> = report.outline[1].children.iter().map(|n| n.heading.as_deref().unwrap()).collect();
    assert_eq!(legal, vec!["一、权利归属", "二、责任限制", "三、知识产权保护"]);
}

#[test]
fn nested_lists_sit_below_their_parents() {
    let report = analyze(&policy("xiaoyun.txt"));
    let doc = privacy_policy(&report);
    let first = &doc.children.iter().find(|n| n.kind == NodeKind::Section).unwrap();
    let sub: Vec<&str> = first.children.iter().map(|n| n.heading.as_deref().unwrap()).collect();
    assert_eq!(sub[0], "（一）帮您成为我们的用户");
    let grand: Vec<&str> = first.children[0].children.iter().map(|n| n.heading.as_deref().unwrap()).collect();
    assert_eq!(grand, vec!["a. 注册、登录", "b. 认证"]);
}
