//! Property tests: any input yields an outline whose spans lie on UTF-8
//! boundaries inside the input, children inside parents, siblings in order
//! and not overlapping; and the whole analysis never panics.

use policylens_core::{analyze, segment::check_invariants};
use proptest::prelude::*;

/// Pieces that real policies are made of, heavy on heading markers, so that
/// random mixes exercise the segmenter's decisions.
const PIECES: &[&str] = &[
    "一、",
    "二、",
    "四、",
    "三. ",
    "十一、",
    "（一）",
    "(二)",
    "（1）",
    "1)",
    "2）",
    "1.",
    "2、",
    "3.1 ",
    "2. 1. ",
    "1.1.1",
    "①",
    "a. ",
    "B.",
    "【提示】",
    "# ",
    "## ",
    "**",
    "- ",
    "• ",
    "第一章 ",
    "第二部分",
    "第3条",
    "定义",
    "变更",
    "隐私政策",
    "法律声明",
    "我们如何收集和使用您的个人信息",
    "联系我们",
    "。",
    "；",
    "，",
    "：",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\u{3000}",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "我们收集您的手机号",
    "12",
    "7",
    "SDK名称：友盟",
    "Cookie",
    "包括但不限于",
    "x",
    "é",
    "😀",
    "\t",
];

/// Markup pieces, mixed with the policy pieces for web pages.
const MARKUP: &[&str] = &[
    "<!DOCTYPE html>",
    "<html>",
    "<p>",
    "</p>",
    "<div class=\"正文\">",
    "<br>",
    "<br/>",
    "<li>",
    "<table>",
    "<tr>",
    "<td>",
    "</td>",
    "<th>",
    "<h2 title='标题😀'>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "&amp;",
    "&nbsp;",
    "&#x4e2d;",
    "&#20013;",
    "&#1114112;",
    "&lt;",
    "<",
    ">",
    "\"",
    "&",
];

fn policy_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..400).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn mixes_of_markers_keep_the_invariants(text in policy_like()) {
        let report = analyze(&text);
        prop_assert_eq!(check_invariants(&text, &report.outline), Ok(()));
        prop_assert_eq!(report.input.bytes, text.len());
    }

    #[test]
    fn web_pages_keep_the_invariants(
        pieces in prop::collection::vec(prop::sample::select(MARKUP).prop_union(prop::sample::select(PIECES)), 0..400)
    ) {
        let text = format!("<!DOCTYPE html>{}", pieces.concat());
        let report = analyze(&text);
        prop_assert_eq!(report.input.format, policylens_core::InputFormat::Html);
        prop_assert_eq!(check_invariants(&text, &report.outline), Ok(()));
        for sdk in &report.sdks {
            for e in &sdk.evidence {
                prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            }
        }
    }

    #[test]
    fn random_bytes_decoded_lossily_keep_the_invariants(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let report = analyze(&text);
        prop_assert_eq!(check_invariants(&text, &report.outline), Ok(()));
    }

    #[test]
    fn any_unicode_keeps_the_invariants(text in "\\PC{0,600}") {
        let report = analyze(&text);
        prop_assert_eq!(check_invariants(&text, &report.outline), Ok(()));
    }
}

#[test]
fn documents_partition_the_input() {
    let text = "提示条款\n欢迎。\n法律声明\n一、权利\n内容。\n隐私权政策\n一、收集\n我们收集。\n二、联系\n邮箱。\n";
    let report = analyze(text);
    let spans: Vec<[usize; 2]> = report.outline.iter().map(|d| [d.span.start, d.span.end]).collect();
    assert_eq!(spans.first().unwrap()[0], 0);
    assert_eq!(spans.last().unwrap()[1], text.len());
    for w in spans.windows(2) {
        assert_eq!(w[0][1], w[1][0]);
    }
    assert_eq!(report.outline.len(), 3);
}

#[test]
fn huge_single_line_is_handled() {
    let text = "我们收集您的信息，".repeat(200_000); // 5.4 MB, one line
    let report = analyze(&text);
    check_invariants(&text, &report.outline).unwrap();
    let clauses: usize = report.outline.iter().map(|d| d.clauses.len()).sum();
    assert!(clauses > 1, "a wall of text without sentence ends is still cut into clauses");
}

#[test]
fn thousands_of_nested_markers() {
    let mut text = String::new();
    for i in 0..5000 {
        let marker = match i % 6 {
            0 => "一、",
            1 => "（一）",
            2 => "1.",
            3 => "（1）",
            4 => "①",
            _ => "a.",
        };
        text.push_str(marker);
        text.push_str(&format!("第{i}项标题\n我们收集信息。\n"));
    }
    let report = analyze(&text);
    check_invariants(&text, &report.outline).unwrap();
    // Six styles nest six deep, and the seventh heading starts over at the top.
    let depth = |mut n: &policylens_core::Node| {
        let mut d = 0;
        while let Some(c) = n.children.first() {
            n = c;
            d += 1;
        }
        d
    };
    assert_eq!(depth(&report.outline[0]), 6);
}

#[test]
fn one_hundred_thousand_headings() {
    let text: String = (0..100_000).map(|i| format!("{}、标题\n正文。\n", i % 90 + 1)).collect();
    let report = analyze(&text);
    check_invariants(&text, &report.outline).unwrap();
}
