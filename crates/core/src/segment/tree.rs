//! Nesting the headings of one document into a tree.
//!
//! Depth is not fixed per marker style. A style seen for the first time
//! nests under the heading open above it (order of appearance); a style
//! already open closes everything below it and becomes a sibling; a style
//! that continues a numbering seen earlier (一 → 二 after a gap) returns to
//! the level it had. `Style::rank` only stops a weak style from becoming the
//! parent of a strong one (an `a.` list never holds a `一、` chapter): a major
//! style (chapter, `一、`, `【】`) never nests under a minor one, nor under a
//! major one that is not stronger. A `【…】` line followed by the next number of an
//! open numbering (1.11.2, 【设置】, 1.11.3) labels a passage inside it and
//! closes nothing. A count of 一 that restarts in another punctuation while
//! `一、` is open (`一.` `二.`) is a list inside the chapter
//! (`Style::CnNumList`).
//!
//! Numbering anomalies (a gap, a repeat, a number out of order) are collected
//! as [`Anomaly`]s for the STR rules; the tree itself is built regardless.

use foldhash::HashMap;
use std::ops::Range;

use super::clauses;
use super::lines::{Heading, LineInfo, LineKind};
use super::marker::Style;
use super::toc::Toc;
use crate::report::{Node, NodeKind, Span};
use crate::scan::is_cn_numeral;
use crate::text::{fold_width, Lines};

/// A break in the numbering of sibling headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anomaly {
    pub kind: AnomalyKind,
    /// The heading line where the numbering breaks.
    pub span: Span,
    pub expected: u32,
    pub found: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnomalyKind {
    /// 一, 二, 四: a number is skipped.
    Gap,
    /// 三, 三: a number is used twice.
    Repeat,
    /// 三, 二: a number goes backwards.
    OutOfOrder,
}

pub struct BuiltDocument {
    pub node: Node,
    pub anomalies: Vec<Anomaly>,
}

/// A node before nesting: its line, level and span.
struct Flat {
    line: usize,
    level: u32,
    kind: NodeKind,
    style: Option<Style>,
    number: Option<u32>,
    span: Span,
}

pub fn build_document(
    text: &str,
    lines: &Lines,
    infos: &[LineInfo<'_>],
    range: Range<usize>,
    title_line: Option<usize>,
    tocs: &[Toc],
) -> BuiltDocument {
    let line_start = |i: usize| line_start(text, lines, i);
    let doc_span = Span::new(if range.start == 0 { 0 } else { line_start(range.start) }, line_start(range.end));

    let mut flats = section_flats(text, lines, infos, range.clone(), title_line, doc_span);
    close_sections(&mut flats);
    insert_tocs(text, lines, &mut flats, tocs, &range);

    let mut anomalies = Vec::new();
    let mut pos = 0;
    let children = nest(text, lines, infos, &flats, &mut pos, 1, &mut anomalies);
    let title = title_line.map(|t| infos[t].text.to_owned());
    let marker = title_marker(infos, title_line);
    let skip = title_line.into_iter().collect::<Vec<_>>();
    let clauses = own_clauses(text, lines, infos, doc_span, &skip, &children);
    let node = Node {
        kind: NodeKind::Document,
        heading: title,
        marker,
        level: 0,
        span: doc_span,
        lines: lines.range_of(doc_span),
        categories: Vec::new(),
        clauses,
        children,
    };
    BuiltDocument { node, anomalies }
}

/// Where line `i` starts, or the end of the text past the last line.
fn line_start(text: &str, lines: &Lines, i: usize) -> usize {
    if i < lines.len() {
        lines.span(i).start
    } else {
        text.len()
    }
}

/// The open headings while a document's headings are read in order.
#[derive(Default)]
struct Levels {
    /// (style, last number) of every open heading, outermost first.
    stack: Vec<(Style, u32)>,
    /// style -> (number, level) of the last numbered heading of that style.
    last_seen: HashMap<Style, (u32, usize)>,
    /// The punctuation after 一 of chapters, and of lists inside them.
    chapter_punct: Option<char>,
    list_punct: Option<char>,
}

/// Every heading of the document (the title aside) as a section, with its
/// level by the style stack; each span runs to the document's end.
fn section_flats(
    text: &str,
    lines: &Lines,
    infos: &[LineInfo<'_>],
    range: Range<usize>,
    title_line: Option<usize>,
    doc_span: Span,
) -> Vec<Flat> {
    let mut flats: Vec<Flat> = Vec::new();
    let mut levels = Levels::default();
    let headings: Vec<usize> =
        range.filter(|&i| matches!(infos[i].kind, LineKind::Heading(_)) && Some(i) != title_line).collect();
    for (k, &i) in headings.iter().enumerate() {
        let LineKind::Heading(h) = infos[i].kind else {
            continue;
        };
        let style = levels.style_of(&infos[i], h);
        let next = headings.get(k + 1).map(|&j| infos[j].kind);
        let inside_numbering = levels.inside_numbering(style, next);
        let level = levels.place(style, h.number, inside_numbering);
        flats.push(Flat {
            line: i,
            level,
            kind: NodeKind::Section,
            style: Some(style),
            number: h.number,
            span: Span::new(line_start(text, lines, i), doc_span.end),
        });
    }
    flats
}

impl Levels {
    /// The heading's style, with a `一` list inside `一、` chapters told apart.
    fn style_of(&mut self, info: &LineInfo<'_>, h: Heading) -> Style {
        // 一、 chapters holding 一. 二. 三. lists: a count that restarts at 一
        // in another punctuation while 一、 is open is a list of its own,
        // and that punctuation stays the list's in this document.
        if h.style != Style::CnNum {
            return h.style;
        }
        let punct =
            info.marker.and_then(|m| m.trim_end().chars().last()).map(fold_width).filter(|c| !is_cn_numeral(*c));
        if punct.is_some() && punct == self.list_punct {
            Style::CnNumList
        } else if h.number == Some(1)
            && punct != self.chapter_punct
            && self.stack.iter().any(|&(s, n)| s == Style::CnNum && n >= 1)
        {
            self.list_punct = punct;
            Style::CnNumList
        } else {
            self.chapter_punct = punct;
            h.style
        }
    }

    /// Whether a `【…】` heading labels a passage inside an open numbering:
    /// the next heading continues it.
    fn inside_numbering(&self, style: Style, next: Option<LineKind>) -> bool {
        // A 【…】 line between 1.11.2 and 1.11.3 labels a passage inside the
        // numbered section; it does not close the numbering.
        style == Style::Bracket
            && !self.stack.iter().any(|&(s, _)| s == style)
            && next.is_some_and(|kind| {
                let LineKind::Heading(next) = kind else {
                    return false;
                };
                next.number.is_some_and(|n| {
                    self.stack.iter().any(|&(s, open)| s == next.style && s.is_counted() && n == open + 1)
                })
            })
    }

    /// Closes what the heading closes, opens it, and returns its level.
    fn place(&mut self, style: Style, number: Option<u32>, inside_numbering: bool) -> u32 {
        if inside_numbering {
            // Nests under the heading open above it: the stack stays.
        } else if style == Style::Plain {
            self.stack.clear();
        } else if style == Style::PlainMinor {
            // Below the last unnumbered major heading, or at the top.
            match self.stack.iter().position(|&(s, _)| s == Style::Plain) {
                Some(p) => self.stack.truncate(p + 1),
                None => self.stack.clear(),
            }
        } else if let Some(pos) = self.stack.iter().position(|&(s, _)| s == style) {
            self.stack.truncate(pos);
        } else {
            self.close_for_new_style(style, number);
        }
        self.stack.push((style, number.unwrap_or(0)));
        let level = self.stack.len() as u32;
        if let Some(n) = number {
            self.last_seen.insert(style, (n, self.stack.len()));
        }
        level
    }

    /// For a style not open: returns to the level of a numbering it
    /// continues, or pops what it may not nest under.
    fn close_for_new_style(&mut self, style: Style, number: Option<u32>) {
        let continues = match (number, self.last_seen.get(&style)) {
            (Some(n), Some(&(prev, level))) => n == prev + 1 && level <= self.stack.len() + 1,
            _ => false,
        };
        if continues {
            let level = self.last_seen[&style].1;
            self.stack.truncate(level - 1);
        } else {
            // An unnumbered major heading (引言, 定义) holds only
            // unnumbered minor ones: numbered headings after it are the
            // policy's own chapters. A major style never nests under a
            // minor one or under a major one of equal or lower rank.
            while let Some(&(top, _)) = self.stack.last() {
                let major = |s: Style| s.rank() <= 4;
                let pop = top == Style::Plain || (major(style) && (!major(top) || top.rank() >= style.rank()));
                if !pop {
                    break;
                }
                self.stack.pop();
            }
        }
    }
}

/// Ends each section where the next one of the same or a higher level begins.
fn close_sections(flats: &mut [Flat]) {
    let mut open: Vec<usize> = Vec::new();
    for k in 0..flats.len() {
        while let Some(&top) = open.last() {
            if flats[top].level >= flats[k].level {
                flats[top].span.end = flats[k].span.start;
                open.pop();
            } else {
                break;
            }
        }
        open.push(k);
    }
}

/// Puts each table of contents of the range inside the innermost node that
/// holds it.
fn insert_tocs(text: &str, lines: &Lines, flats: &mut Vec<Flat>, tocs: &[Toc], range: &Range<usize>) {
    for toc in tocs.iter().filter(|t| range.contains(&t.first_line)) {
        let span = Span::new(line_start(text, lines, toc.first_line), lines.next_start(toc.last_line, text.len()));
        let pos = flats.partition_point(|f| f.line < toc.first_line);
        let parent_level = flats[..pos].iter().rev().find(|f| f.span.contains(span)).map_or(0, |f| f.level);
        flats.insert(
            pos,
            Flat {
                line: toc.first_line,
                level: parent_level + 1,
                kind: NodeKind::Toc,
                style: None,
                number: None,
                span,
            },
        );
    }
}

/// The marker of the document's title line, as classified or parsed anew.
fn title_marker(infos: &[LineInfo<'_>], title_line: Option<usize>) -> Option<String> {
    title_line.and_then(|t| infos[t].marker.map(str::to_owned)).or_else(|| {
        title_line.and_then(|t| {
            super::marker::parse(infos[t].text).map(|m| infos[t].text[m.text_range.0..m.text_range.1].to_owned())
        })
    })
}

/// `style` as the marker parser returns it: the parser reads `一.` under
/// `一、` as the chapters' style; the tree tells the two apart.
fn as_parsed(style: Style) -> Style {
    if style == Style::CnNumList {
        Style::CnNum
    } else {
        style
    }
}

/// Whether a line strictly between `from` and `to` starts with a marker of
/// `style` numbered within `numbers`.
fn written_between(
    infos: &[LineInfo<'_>],
    from: usize,
    to: usize,
    style: Style,
    numbers: std::ops::Range<u32>,
) -> bool {
    let parsed = as_parsed(style);
    infos.get(from + 1..to).unwrap_or_default().iter().any(|info| {
        super::marker::parse(info.text)
            .is_some_and(|m| m.style == parsed && m.number.is_some_and(|k| numbers.contains(&k)))
    })
}

/// Whether a line strictly between `from` and `to` starts with a marker of
/// a style outside `style` (a lower rank).
fn outer_marker_between(infos: &[LineInfo<'_>], from: usize, to: usize, style: Style) -> bool {
    infos
        .get(from + 1..to)
        .unwrap_or_default()
        .iter()
        .any(|info| super::marker::parse(info.text).is_some_and(|m| m.style.rank() < style.rank()))
}

/// Whether a line strictly between `from` and `to` is the title of a policy
/// of its own: short, unnumbered, about personal information, ending as a
/// policy's name does (`淘宝网儿童个人信息保护规则及监护人须知`).
fn document_title_between(infos: &[LineInfo<'_>], from: usize, to: usize) -> bool {
    infos.get(from + 1..to).unwrap_or_default().iter().any(|info| {
        let t = info.text.trim();
        t.chars().count() <= 40
            && super::marker::parse(t).is_none()
            && (crate::text::has(t, "隐私") || crate::text::has(t, "个人信息"))
            && ["政策", "规则", "指引", "须知", "声明"].iter().any(|e| t.ends_with(e))
    })
}

/// Whether the line `at` (numbered 1) repeats the title of the run's own
/// first item, at most 30 lines up from `last`: the run was a table of
/// contents (CAPP-130 rw_79: `一、儿童个人信息的收集` … `八、` then
/// `一、儿童个人信息的收集` again).
fn repeats_the_first(infos: &[LineInfo<'_>], last: usize, at: usize, style: Style) -> bool {
    let parsed = as_parsed(style);
    let title = |t: &str| super::marker::parse(t).map(|m| crate::text::normalize(&t[m.len..]));
    let Some(own) = title(infos[at].text) else { return false };
    infos[last.saturating_sub(30)..=last].iter().rev().any(|info| {
        super::marker::parse(info.text).is_some_and(|m| m.style == parsed && m.number == Some(1))
            && title(info.text).as_deref() == Some(own.as_str())
    })
}

/// What is wrong with number `n` of `style` on line `at`, after the
/// sibling on line `from` when `expected` was due; `None` when nothing is.
fn numbering_anomaly(
    infos: &[LineInfo<'_>],
    from: usize,
    at: usize,
    style: Style,
    n: u32,
    expected: u32,
) -> Option<AnomalyKind> {
    match n.cmp(&expected) {
        std::cmp::Ordering::Equal => None,
        // A skipped number written at the start of a line in between (a
        // heading run into its paragraph, or one that ends in 。) is a
        // heading missed, not a gap.
        std::cmp::Ordering::Greater if written_between(infos, from, at, style, expected..n) => None,
        std::cmp::Ordering::Greater => Some(AnomalyKind::Gap),
        // A list that starts again at 1 after an outer marker written at a
        // line start in between (`（二）我们可能将…用于以下目的：` that the
        // outline took as a sentence) is a new list, not one out of order;
        // so is one whose first items the outline took as sentences, their
        // numbers written at line starts after the outer marker (CAPP-130
        // rw_79: `5、` then `1）进入…` then `2）`), but not a number written
        // twice (`2)…` `2)…`).
        std::cmp::Ordering::Less
            if outer_marker_between(infos, from, at, style)
                && (n == 1 || (n + 1 < expected && written_between(infos, from, at, style, 1..n))) =>
        {
            None
        }
        // A second document pasted after the first (a children's policy
        // after the main one) numbers its chapters from 一 again; so do the
        // chapters after a table of contents the outline took as headings.
        std::cmp::Ordering::Less
            if n == 1 && (document_title_between(infos, from, at) || repeats_the_first(infos, from, at, style)) =>
        {
            None
        }
        std::cmp::Ordering::Less if n + 1 == expected => Some(AnomalyKind::Repeat),
        std::cmp::Ordering::Less => Some(AnomalyKind::OutOfOrder),
    }
}

/// Turns the flat list into a tree, starting at `flats[*pos]`, taking every
/// node of `level` and its descendants.
fn nest(
    text: &str,
    lines: &Lines,
    infos: &[LineInfo<'_>],
    flats: &[Flat],
    pos: &mut usize,
    level: u32,
    anomalies: &mut Vec<Anomaly>,
) -> Vec<Node> {
    let mut out = Vec::new();
    // Per style, the last sibling's number and line.
    let mut numbering: HashMap<Style, (u32, usize)> = HashMap::default();
    while *pos < flats.len() && flats[*pos].level >= level {
        let f = &flats[*pos];
        *pos += 1;
        // Deeper nodes without a parent at this level (a level skipped)
        // become children of the previous node, or of this level.
        let children = nest(text, lines, infos, flats, pos, f.level + 1, anomalies);
        if let (Some(style), Some(n)) = (f.style, f.number) {
            if style.is_counted() {
                // Only against a previous sibling: a list whose first item
                // is a sentence (not a heading) starts at 2 legitimately.
                let last = numbering.get(&style).copied();
                let expected = last.map_or(n, |p| p.0 + 1);
                let kind = last.and_then(|(_, from)| numbering_anomaly(infos, from, f.line, style, n, expected));
                if let Some(kind) = kind {
                    anomalies.push(Anomaly { kind, span: infos[f.line].span, expected, found: n });
                }
                numbering.insert(style, (n, f.line));
            }
        }
        let info = &infos[f.line];
        let (heading, marker) = match f.kind {
            NodeKind::Toc => (None, None),
            _ => (Some(info.heading_text().to_owned()), info.marker.map(str::to_owned)),
        };
        let clauses = match f.kind {
            NodeKind::Toc => Vec::new(),
            _ => own_clauses(text, lines, infos, f.span, &[f.line], &children),
        };
        out.push(Node {
            kind: f.kind,
            heading,
            marker,
            level: f.level,
            span: f.span,
            lines: lines.range_of(f.span),
            categories: Vec::new(),
            clauses,
            children,
        });
    }
    out
}

/// Clauses of the text a node holds directly: its span without its heading
/// and without its children.
fn own_clauses(
    text: &str,
    lines: &Lines,
    infos: &[LineInfo<'_>],
    span: Span,
    skip_lines: &[usize],
    children: &[Node],
) -> Vec<crate::report::Clause> {
    let first = lines.index_of(span.start);
    let end = if span.end >= text.len() { lines.len() } else { lines.index_of(span.end) };
    let mut ranges = Vec::new();
    let mut cursor = first;
    for c in children {
        let cs = lines.index_of(c.span.start);
        if cs > cursor {
            ranges.push(cursor..cs);
        }
        cursor = if c.span.end >= text.len() { lines.len() } else { lines.index_of(c.span.end) };
    }
    if end > cursor {
        ranges.push(cursor..end);
    }
    let mut out = Vec::new();
    for r in ranges {
        clauses::build(lines, infos, r, skip_lines, &mut out);
    }
    out
}
