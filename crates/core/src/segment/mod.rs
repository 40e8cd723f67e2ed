//! The segmenter: from any pasted policy to an outline of documents, tables
//! of contents, sections and clauses, every one a span of the input.
//!
//! The work goes in passes over the lines, each linear in the input:
//!
//! 1. `lines.rs` reads every line once: blank, noise (page numbers, running
//!    headers), a heading candidate with its marker, a document title, a list
//!    item, or body text.
//! 2. `toc.rs` finds runs of heading candidates that a later heading repeats:
//!    tables of contents, never sections.
//! 3. Documents are split at title lines (`法律声明`, `隐私权政策`) that come
//!    after headings have been seen, unless the next heading continues the
//!    current document's numbering, or the title names a list and an
//!    unnumbered heading of a style the document uses follows (`第三方SDK目录`
//!    between 3.1.1 and 3.1.2 is a linked SDK list, not a new document).
//! 4. `tree.rs` nests the headings of each document by the order in which
//!    marker styles appear and by numbering continuity.
//! 5. `clauses.rs` cuts the text each node holds directly into sentences and
//!    list items.
//!
//! Then each table of contents is compared with the sections of its document
//! (`report::TocMismatch`: an entry missing from the body, a section missing
//! from the table). [`check_invariants`] states what every consumer relies on
//! (spans on char boundaries, children inside parents, siblings in order and
//! apart); [`clause_texts`] normalises every clause and heading once for the
//! stages after this one.
//!
//! The segmenter never assigns a topic: categories are `classify`'s.

mod clauses;
mod lines;
pub mod marker;
mod toc;
mod tree;

use crate::lexicon as lex;
use foldhash::HashMap;

use crate::report::{Node, NodeKind, Span, TocMismatch, TocMismatchKind};
use crate::text::{evidence, Lines};

pub(crate) use lines::defines;
pub use lines::{classify_lines, LineInfo, LineKind};
pub use tree::{Anomaly, AnomalyKind};

/// The segmenter's result.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    pub outline: Vec<Node>,
    pub anomalies: Vec<Anomaly>,
    pub toc_mismatches: Vec<TocMismatch>,
}

/// Segments `text`, whose lines are `lines`.
pub fn segment(text: &str, lines: &Lines) -> Segmentation {
    let mut infos = classify_lines(text, lines);
    let tocs = toc::find_tocs(&mut infos);
    let docs = split_documents(&infos);
    let mut outline = Vec::with_capacity(docs.len());
    let mut anomalies = Vec::new();
    let mut toc_mismatches = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let end_line = docs.get(i + 1).map_or(infos.len(), |d| d.first_line);
        let built = tree::build_document(text, lines, &infos, doc.first_line..end_line, doc.title_line, &tocs);
        anomalies.extend(built.anomalies);
        for toc in tocs.iter().filter(|t| (doc.first_line..end_line).contains(&t.first_line)) {
            toc_mismatches.extend(toc_mismatch(text, lines, &infos, toc, &built.node));
        }
        outline.push(built.node);
    }
    Segmentation { outline, anomalies, toc_mismatches }
}

struct DocStart {
    first_line: usize,
    title_line: Option<usize>,
}

/// Splits the lines into documents. A title line opens a new document only
/// once the current one has headings of its own: a policy's title repeated
/// in a running header, or a title after a few lines of preamble, stays in
/// the document it names. Nor does a title whose next heading continues the
/// current document's numbering: `接入第三方SDK目录` between 3.1.1 and 3.1.2
/// is a link to a list or a list inside the chapter.
fn split_documents(infos: &[LineInfo<'_>]) -> Vec<DocStart> {
    let mut docs = vec![DocStart { first_line: 0, title_line: None }];
    // The heading styles of the current document, with the last number of
    // each: empty until it has a heading.
    let mut styles: HashMap<marker::Style, Option<u32>> = HashMap::default();
    // The first heading after each line, found in one backward pass so that
    // looking ahead stays linear. Titles are looked past: titles in a row
    // (《QQ隐私保护指引》《微信隐私保护指引》) are links.
    let mut next_heading = vec![None; infos.len() + 1];
    for i in (0..infos.len()).rev() {
        next_heading[i] = match infos[i].kind {
            LineKind::Heading(h) => Some(h),
            _ => next_heading[i + 1],
        };
    }
    for (i, info) in infos.iter().enumerate() {
        match info.kind {
            LineKind::DocTitle if styles.is_empty() => {
                let current = docs.last_mut().expect("docs is never empty");
                current.title_line.get_or_insert(i);
            }
            LineKind::DocTitle if !is_part_of_the_document(&info.title_norm, next_heading[i + 1], &styles) => {
                docs.push(DocStart { first_line: i, title_line: Some(i) });
                styles.clear();
            }
            LineKind::Heading(h) => {
                let last = styles.entry(h.style).or_default();
                *last = h.number.or(*last);
            }
            _ => {}
        }
    }
    docs
}

/// Whether a title line inside a document belongs to it: its next heading
/// numbers on from one of the same style (3.1.1 → 3.1.2, 三 → 四), or it
/// names a list (`第三方SDK目录`, `个人信息收集清单`) and an unnumbered
/// heading of a style the document already uses follows. A new document
/// starts its own numbering.
fn is_part_of_the_document(
    title: &str,
    next: Option<lines::Heading>,
    styles: &HashMap<marker::Style, Option<u32>>,
) -> bool {
    let Some(next) = next else { return false };
    match (next.number, styles.get(&next.style)) {
        (Some(n), Some(&Some(last))) => n == last + 1,
        (None, Some(_)) => lex::LIST_NAMES.iter().any(|w| title.ends_with(w)),
        _ => false,
    }
}

/// Compares a table of contents with the top-level sections of its document.
fn toc_mismatch(text: &str, lines: &Lines, infos: &[LineInfo<'_>], toc: &toc::Toc, doc: &Node) -> Vec<TocMismatch> {
    let sections: Vec<&Node> = doc.children.iter().filter(|n| n.kind == NodeKind::Section).collect();
    let mut out = Vec::new();
    let mut matched = vec![false; sections.len()];
    for &entry in &toc.entries {
        let title = &infos[entry].title_norm;
        let free = |k: usize| !matched[k] && sections[k].span.start > toc.span.end;
        let titles: Vec<String> = sections.iter().map(|s| normalized_heading_title(s)).collect();
        let hit = (0..sections.len())
            .find(|&k| free(k) && toc::same_title(title, &titles[k]))
            // Reworded beyond recognition (您如何管理 / 管理您的): the same
            // number still ties an entry to its section.
            .or_else(|| {
                let number = infos[entry].number?;
                (0..sections.len()).find(|&k| free(k) && heading_number(infos, lines, sections[k]) == Some(number))
            })
            .or_else(|| (0..sections.len()).find(|&k| free(k) && toc::titles_match(title, &titles[k])));
        match hit {
            Some(k) => matched[k] = true,
            None => out.push(TocMismatch {
                kind: TocMismatchKind::MissingFromBody,
                evidence: evidence(text, lines, infos[entry].span),
            }),
        }
    }
    for (k, s) in sections.iter().enumerate() {
        // A bare marker (`八、` alone on its line) names nothing to list.
        if !matched[k] && s.span.start > toc.span.end && !normalized_heading_title(s).is_empty() {
            let heading_line = lines.index_of(s.span.start);
            out.push(TocMismatch {
                kind: TocMismatchKind::MissingFromToc,
                evidence: evidence(text, lines, infos[heading_line].span),
            });
        }
    }
    out
}

fn heading_number(infos: &[LineInfo<'_>], lines: &Lines, node: &Node) -> Option<u32> {
    infos[lines.index_of(node.span.start)].number
}

fn normalized_heading_title(node: &Node) -> String {
    let heading = node.heading.as_deref().unwrap_or("");
    let marker_len =
        node.marker.as_deref().map_or(0, |m| crate::text::find_leading(heading, m).map_or(0, |i| i + m.len()));
    crate::text::normalize(&heading[marker_len..])
}

/// Checks the outline invariants that every consumer relies on; used by tests
/// and debug assertions.
pub fn check_invariants(text: &str, outline: &[Node]) -> Result<(), String> {
    fn walk(text: &str, nodes: &[Node], parent: Span) -> Result<(), String> {
        let mut prev_end = parent.start;
        for n in nodes {
            let s = n.span;
            if !(text.is_char_boundary(s.start) && text.is_char_boundary(s.end)) {
                return Err(format!("span {s:?} not on char boundaries"));
            }
            if !parent.contains(s) {
                return Err(format!("span {s:?} outside parent {parent:?}"));
            }
            if s.start < prev_end {
                return Err(format!("span {s:?} overlaps previous sibling ending at {prev_end}"));
            }
            prev_end = s.end;
            let mut clause_end = s.start;
            for c in &n.clauses {
                if !s.contains(c.span) || c.span.start < clause_end || c.span.is_empty() {
                    return Err(format!("clause {:?} misplaced in {s:?}", c.span));
                }
                if !(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end)) {
                    return Err(format!("clause {:?} not on char boundaries", c.span));
                }
                clause_end = c.span.end;
            }
            walk(text, &n.children, s)?;
        }
        Ok(())
    }
    walk(text, outline, Span::new(0, text.len()))
}

/// Every clause of the outline, and every section heading (rules look for
/// what a policy says, in headings too), with its normalised text, in input
/// order.
pub fn clause_texts(text: &str, lines: &Lines, outline: &[Node]) -> crate::scan::ClauseTexts {
    fn walk(text: &str, n: &Node, out: &mut Vec<Span>) {
        if let (NodeKind::Section, Some(h)) = (n.kind, n.heading.as_deref()) {
            let start = n.span.start + crate::text::find_leading(&text[n.span.start..], h).unwrap_or(0);
            out.push(Span::new(start, start + h.len()));
        }
        out.extend(n.clauses.iter().map(|c| c.span));
        for child in &n.children {
            walk(text, child, out);
        }
    }
    let mut out = Vec::new();
    for d in outline {
        walk(text, d, &mut out);
    }
    // By span, so that classification can find a clause's text by its span.
    out.sort_unstable();
    crate::scan::ClauseTexts::of_spans(out, lines.normalized())
}

/// The spans of every clause of the outline, in input order.
pub fn clause_spans(outline: &[Node]) -> Vec<Span> {
    fn walk(n: &Node, out: &mut Vec<Span>) {
        out.extend(n.clauses.iter().map(|c| c.span));
        for c in &n.children {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    for d in outline {
        walk(d, &mut out);
    }
    out.sort_by_key(|s| s.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The headings of each document's top-level sections.
    fn tops(text: &str) -> Vec<Vec<String>> {
        let lines = Lines::new(text);
        segment(text, &lines)
            .outline
            .iter()
            .map(|doc| {
                doc.children
                    .iter()
                    .filter(|n| n.kind == NodeKind::Section)
                    .map(|n| n.heading.clone().unwrap_or_default())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_list_title_inside_a_chapter_opens_no_document() {
        let text = "隐私政策\n1.收集\n正文。\n2.共享\n2.1 共享原则\n正文。\n接入第三方SDK目录\n\
                    SDK名称：友盟\n2.2 转让\n正文。\n3.联系我们\n正文。\n";
        assert_eq!(tops(text), [["1.收集", "2.共享", "3.联系我们"]]);
    }

    #[test]
    fn a_titled_list_after_the_policy_is_a_document() {
        let text = "隐私政策\n一、收集\n正文。\n二、联系我们\n正文。\n第三方SDK目录\nSDK名称：友盟\n一、说明\n正文。\n";
        assert_eq!(tops(text), [vec!["一、收集", "二、联系我们"], vec!["一、说明"]]);
    }

    #[test]
    fn linked_policy_titles_inside_a_list_open_no_document() {
        let text = "隐私政策\n一、收集\n（1）登录\n如您使用第三方账号登录的，请阅读\n《QQ隐私保护指引》\n\
                    《微信隐私保护指引》\n（2）资料维护\n正文。\n二、联系我们\n正文。\n";
        assert_eq!(tops(text), [["一、收集", "二、联系我们"]]);
    }

    #[test]
    fn a_toc_with_full_stops_ends_where_the_body_repeats_an_entry() {
        let text = "隐私政策\n本政策将帮助您了解以下内容：\n1.我们如何收集您的信息。\n2.我们如何共享您的信息。\n\
                    3.如何联系我们。\n一、我们如何收集您的信息\n正文。\n二、我们如何共享您的信息\n正文。\n三、如何联系我们\n正文。\n";
        assert_eq!(tops(text), [["一、我们如何收集您的信息", "二、我们如何共享您的信息", "三、如何联系我们"]]);
    }

    #[test]
    fn a_bracketed_label_inside_numbering_closes_no_chapter() {
        // CAPP-130 rw_48: 【…】 between 1.11.2 and 1.11.3 is a label of the
        // passage; at the end of the policy, with no numbering to go on,
        // it is a chapter of its own.
        let text = "隐私政策\n1. 我们如何收集信息\n1.1 个性化推荐\n1.1.1 机制\n正文。\n1.1.2 控制\n正文。\n\
                    【个性化推荐设置】\n正文。\n1.1.3 广告\n正文。\n1.2 消息通知\n正文。\n2. 联系我们\n正文。\n\
                    【附录】\n正文。\n";
        assert_eq!(tops(text), [["1. 我们如何收集信息", "2. 联系我们", "【附录】"]]);
    }

    #[test]
    fn a_count_restarting_in_other_punctuation_is_a_list_inside_the_chapter() {
        // CAPP-130 rw_8: 一、 chapters, 一. 二. lists inside the first.
        let text = "隐私政策\n一、我们如何收集您的信息\n一. 基本功能\n正文。\n二. 扩展功能\n正文。\n\
                    二、我们如何共享您的信息\n正文。\n三、联系我们\n正文。\n";
        assert_eq!(tops(text), [["一、我们如何收集您的信息", "二、我们如何共享您的信息", "三、联系我们"]]);
        // Mixed punctuation at one level, with no restart, stays one level.
        let mixed = "隐私政策\n一、收集\n正文。\n二. 共享\n正文。\n三、联系我们\n正文。\n";
        assert_eq!(tops(mixed), [["一、收集", "二. 共享", "三、联系我们"]]);
    }

    #[test]
    fn a_lead_in_list_is_no_chapters_and_a_bare_marker_ends_no_toc() {
        // CAPP-130 rw_121: a change log announced by a lead-in line, before
        // the chapters' own 1. 2. 3.
        let text = "隐私政策\n本版本更新的重点内容主要集中于：\n1. 完善了有关性别信息收集的说明\n\
                    2. 优化了有关麦克风权限申请的说明\n概要正文。\n1. 我们收集的信息\n正文。\n\
                    2. 信息共享\n正文。\n3. 联系我们\n正文。\n";
        assert_eq!(tops(text), [["1. 我们收集的信息", "2. 信息共享", "3. 联系我们"]]);
        // CAPP-130 rw_79: a table of contents closed by a stray `四、`.
        let text = "隐私政策\n本规则将帮助您了解以下内容：\n一、收集\n二、共享\n三、联系我们\n四、\n\
                    一、收集\n正文。\n二、共享\n正文。\n三、联系我们\n正文。\n";
        let lines = Lines::new(text);
        let seg = segment(text, &lines);
        assert_eq!(seg.outline[0].children[0].kind, NodeKind::Toc);
        assert!(seg.toc_mismatches.is_empty(), "{:?}", seg.toc_mismatches);
    }

    #[test]
    fn a_numbered_paragraph_wrapped_at_the_margin_is_no_heading() {
        // PDF copies wrap every line at one width; a numbered line that
        // fills it and runs on is a paragraph (CAPP-130 rw_102, wrapped).
        let wrap = |s: &str| -> String {
            let cs: Vec<char> = s.chars().collect();
            cs.chunks(30).map(|c| c.iter().collect::<String>() + "\n").collect()
        };
        let body =
            wrap(&"我们会依据法律法规的要求采取相应的安全措施保护您的个人信息，并及时告知您处理的结果。".repeat(8));
        let numbered = wrap(
            "2.向您进一步说明了本游戏对您的账号进行实名认证时处理个人信息的具体情形以及您可以如何管理相关的个人信息。",
        );
        let text = format!("隐私政策\n1. 我们如何收集您的信息\n{body}{numbered}3. 我们如何共享您的信息\n{body}");
        assert_eq!(tops(&text), [["1. 我们如何收集您的信息", "3. 我们如何共享您的信息"]]);
    }

    #[test]
    fn bulleted_chapters_hold_numbered_sections() {
        let text = "隐私政策\n• 前言\n正文。\n• 我们如何收集您的个人信息？\n（一）注册\n正文。\n\
                    • 设备信息\n• 我们如何使用 Cookie 等技术\n正文。\n• 您如何联系我们\n正文。\n";
        assert_eq!(
            tops(text),
            [["• 前言", "• 我们如何收集您的个人信息？", "• 我们如何使用 Cookie 等技术", "• 您如何联系我们"]]
        );
    }
}
