//! The first pass: what each line is (`LineKind`): blank, noise, body, a list
//! item, a heading candidate with its marker, or a document title.
//!
//! - Heading or list item: a marked line is a heading when its title reads like
//!   one ([`title_ok`]: short, no sentence punctuation); otherwise a list item.
//! - Page numbers and running headers (the same short line many times over)
//!   left by a PDF copy are `Noise`.
//! - Document titles (`隐私权政策`, `《隐私权政策》`) by their endings; unnumbered
//!   headings (`定义`, `变更`) and appendices (`附录：相关定义`) from short lists
//!   of known words.
//! - Without numbered chapters, short unpunctuated lines that name a topic, and
//!   questions (我们会收集哪些个人信息？), are headings; not between chapters
//!   numbered 1. to 5. or beyond, whose other short lines are content.
//! - Bulleted chapter lines (`• 我们如何收集…？`) are headings where at least
//!   three bulleted lines name the template's chapters.
//! - A run of 1. 2. … lines right after a `…：` lead-in is a list (items) when
//!   the same numbering starts again later and its entries do not come back as
//!   headings (then it is a table of contents, for `toc.rs`).
//! - In text wrapped at one width (at least 20 lines of 15 to 199 characters, a
//!   quarter of them within one character of the commonest length, itself 25 or
//!   more), a numbered line that fills the width and runs on into a body line is
//!   a paragraph, not a heading. On CAPP-130 rewrapped at 38 characters this
//!   changed 19 of 130 outlines before, 4 after.

use crate::lexicon as lex;
use foldhash::HashMap;

use super::marker::{self, Marker, Style};
use crate::report::Span;
use std::borrow::Cow;

use crate::text::{is_cjk, is_space, more_chars_than, normalize, trim_span, Lines, NormalText};

/// One line of the input, trimmed, with what it is.
#[derive(Debug, Clone)]
pub struct LineInfo<'a> {
    /// The trimmed line.
    pub text: &'a str,
    /// Span of `text` in the input.
    pub span: Span,
    pub kind: LineKind,
    /// For headings: the marker as written, e.g. `一、` or `（二）`.
    pub marker: Option<&'a str>,
    /// For headings and items: the normalised text after the marker.
    pub title_norm: Cow<'a, str>,
    /// For headings: the marker's number (kept when a heading turns out to
    /// be a table-of-contents entry).
    pub number: Option<u32>,
    /// For a heading run into its first sentence on one line (`七、如何联系我们
    /// 如果您对本政策有任何疑问…`): where in `text` the sentence starts. The
    /// heading is the text before it; the rest is the section's body.
    pub body_at: Option<usize>,
    /// For a numbered lead-in taken as a heading (`（二）我们会出于以下目的，
    /// 收集和使用您的个人信息：` between （一） and （三）): the whole line is
    /// its title, and its text after the marker its first clause too.
    pub lead_in: bool,
}

impl<'a> LineInfo<'a> {
    /// The heading's own text: the whole line, or its part before a fused
    /// first sentence.
    pub fn heading_text(&self) -> &'a str {
        match (self.kind, self.body_at) {
            (LineKind::Heading(_), Some(at)) if !self.lead_in => self.text[..at].trim_end_matches(is_space),
            _ => self.text,
        }
    }

    /// The body text a heading line carries after its title, with its
    /// start in the input.
    pub fn fused_body(&self) -> Option<(&'a str, usize)> {
        match (self.kind, self.body_at) {
            (LineKind::Heading(_), Some(at)) => Some((&self.text[at..], self.span.start + at)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    /// Page numbers and running headers left by a PDF copy.
    Noise,
    /// Continuous text.
    Body,
    /// A list item (a bullet, or a numbered sentence): starts a new clause.
    Item,
    /// A heading candidate.
    Heading(Heading),
    /// The title of a document (`隐私权政策`, `法律声明`).
    DocTitle,
    /// An entry of a table of contents (set by the toc pass).
    TocEntry,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    pub style: Style,
    pub number: Option<u32>,
}

/// Classifies every line of `text`.
pub fn classify_lines<'a>(text: &'a str, lines: &'a Lines) -> Vec<LineInfo<'a>> {
    let normal = NormalText::new(text, lines);
    let mut infos: Vec<LineInfo<'a>> = lines
        .spans()
        .iter()
        .map(|&span| {
            let (trimmed, span) = trim_span(&text[span.start..span.end], span.start);
            LineInfo {
                text: trimmed,
                span,
                kind: LineKind::Body,
                marker: None,
                title_norm: Cow::Borrowed(""),
                number: None,
                body_at: None,
                lead_in: false,
            }
        })
        .collect();
    mark_kinds(&mut infos, normal);
    split_fused_headings(&mut infos, normal);
    let numbered = infos
        .iter()
        .filter(|i| matches!(i.kind, LineKind::Heading(h) if h.style.rank() <= 4 && h.style != Style::Plain))
        .count();
    if numbered < 3 {
        let chapters = decimal_chapter_range(&infos);
        mark_topic_headings(&mut infos, chapters, normal);
    }
    mark_bulleted_chapters(&mut infos);
    demote_glossary_terms(&mut infos);
    demote_lead_in_lists(&mut infos);
    demote_wrapped_paragraphs(&mut infos);
    infos
}

/// Gives every line its kind by itself: blank, noise, title, marked, plain
/// heading (after a finished sentence) or body.
fn mark_kinds<'a>(infos: &mut [LineInfo<'a>], normal: NormalText<'a>) {
    // Running headers: the same short line many times over.
    let mut counts: HashMap<&str, u32> = HashMap::default();
    for info in infos.iter() {
        if !info.text.is_empty() && info.text.len() <= 90 {
            *counts.entry(info.text).or_default() += 1;
        }
    }

    let mut prev_ends_sentence = true;
    for info in infos.iter_mut() {
        let line = info.text;
        // Every short-line test below reads the line normalised (a slice of
        // the text's normal form), and only lines short enough for any to
        // accept. Normalising drops the spaces that `longer_than` skips.
        let norm = Some(normal.of(line)).filter(|n| !n.is_empty() && !more_chars_than(n, SHORT_LINE));
        let n = norm.as_deref();
        let kind = if line.is_empty() {
            LineKind::Blank
        } else if n.is_some_and(page_number)
            || counts.get(line).is_some_and(|&c| c >= 3) && n.is_some_and(header_like) && marker::parse(line).is_none()
        {
            LineKind::Noise
        } else if n.is_some_and(|n| doc_title(line, n) && !appendix_heading(n)) {
            info.title_norm = norm.unwrap_or_default();
            LineKind::DocTitle
        } else if let Some((kind, marker, title)) = classify_marked(line, normal) {
            info.marker = marker;
            info.title_norm = title;
            if let LineKind::Heading(h) = kind {
                info.number = h.number;
            }
            kind
        } else if n.is_some_and(|n| (prev_ends_sentence || appendix_heading(n)) && plain_heading(n)) {
            info.title_norm = norm.unwrap_or_default();
            LineKind::Heading(Heading { style: Style::Plain, number: None })
        } else {
            LineKind::Body
        };
        info.kind = kind;
        match kind {
            LineKind::Blank | LineKind::Noise => {}
            // A date line (`更新日期：2023年1月1日`) is whole without a full stop.
            LineKind::Body | LineKind::Item => {
                prev_ends_sentence = ends_sentence(line) || crate::scan::is_date_field(line);
            }
            _ => prev_ends_sentence = true,
        }
    }
}

/// Headings that the first pass took for list items or read whole:
///
/// - Headings run into their first sentence on one line, as copies from PDFs
///   and web pages leave them: `七、如何联系我们 如果您对本政策有任何疑问，…`,
///   `八、法律适用与争议解决 1. 本协议的订立…`. The title is the text before a
///   space that reads as a heading on a topic; the text after it starts a
///   sentence (punctuation, or eight characters before the next space) or a
///   numbered item.
/// - Numbered lead-ins to a list (`（二）我们会出于以下目的，收集和使用您的个人
///   信息：`): the whole line titles the section, and is its first clause.
///
/// A line already taken as a heading is split so. A marked line taken as a
/// list item is a heading only where other lines of its style are headings
/// and its number fits them (the last one is n − 1, the next n + 1 or
/// none): a list `1. 账号信息 您注册时…` inside a chapter continues no
/// chapters.
fn split_fused_headings<'a>(infos: &mut [LineInfo<'a>], normal: NormalText<'a>) {
    let candidates = fused_candidates(infos);
    if candidates.is_empty() {
        return;
    }
    let accepted = fitting_candidates(infos, &candidates);
    for (c, &(i, style, number, at)) in candidates.iter().enumerate() {
        if !accepted[c] {
            continue;
        }
        let info = &mut infos[i];
        let title = match at {
            Some(at) => info.text[..at].trim_end_matches(is_space),
            None => info.text,
        };
        let m = marker::parse(title).expect("the marker parsed before");
        info.kind = LineKind::Heading(Heading { style, number });
        info.marker = Some(&title[m.text_range.0..m.text_range.1]);
        info.title_norm = normal.of(&title[m.len..]);
        info.number = number;
        info.body_at = Some(at.unwrap_or(m.len));
        info.lead_in = at.is_none();
    }
}

/// A heading candidate: line, style, number, where the body starts in the
/// text (None: a lead-in, the body is the line after its marker).
type Candidate = (usize, Style, Option<u32>, Option<usize>);

fn fused_candidates(infos: &[LineInfo<'_>]) -> Vec<Candidate> {
    let mut candidates: Vec<Candidate> = Vec::new();
    for (i, info) in infos.iter().enumerate() {
        if !matches!(info.kind, LineKind::Heading(_) | LineKind::Item) || !longer_than(info.text, 8) {
            continue;
        }
        let Some(m) = marker::parse(info.text) else { continue };
        if m.bulleted || m.style.rank() > 8 {
            continue;
        }
        let whole_heading = matches!(info.kind, LineKind::Heading(_));
        if let Some(at) = fused_split(&info.text[m.len..], m.style, whole_heading) {
            candidates.push((i, m.style, m.number, Some(m.len + at)));
        } else if !whole_heading && is_lead_in(&info.text[m.len..]) {
            candidates.push((i, m.style, m.number, None));
        }
    }
    candidates
}

/// Which candidates are headings: those already read as one, and those
/// whose number fits the headings of their style around them.
fn fitting_candidates(infos: &[LineInfo<'_>], candidates: &[Candidate]) -> Vec<bool> {
    // The numbered headings of each style, in order, with the candidates
    // among them: a candidate's neighbours are the marked lines of its
    // style that are headings or candidates.
    let mut by_style: HashMap<Style, Vec<(usize, Option<u32>)>> = HashMap::default();
    // The styles some line is a heading in by itself.
    let mut heading_styles: Vec<Style> = Vec::new();
    let mut k = 0;
    for (i, info) in infos.iter().enumerate() {
        let candidate = candidates.get(k).filter(|c| c.0 == i);
        if let Some(&(_, style, number, _)) = candidate {
            k += 1;
            by_style.entry(style).or_default().push((i, number));
        } else if let LineKind::Heading(h) = info.kind {
            by_style.entry(h.style).or_default().push((i, h.number));
            if !heading_styles.contains(&h.style) {
                heading_styles.push(h.style);
            }
        }
    }
    // A candidate that does not fit leaves the runs, which may unfit its
    // neighbours: a few rounds, each linear (all that fail leave at once),
    // so that thousands of candidates stay linear; what still fails after
    // them is dropped without another look.
    let fits = |run: &[(usize, Option<u32>)], pos: usize, number: Option<u32>| {
        let prev = pos.checked_sub(1).and_then(|p| run[p].1);
        let next = run.get(pos + 1).and_then(|r| r.1);
        // A count may start over in the next chapter (（一）…（二） in each).
        number.is_some_and(|n| match n {
            0 => false,
            1 => next == Some(2),
            _ => prev == Some(n - 1) && next.is_none_or(|q| q == n.saturating_add(1) || q == 1),
        })
    };
    let mut accepted: Vec<bool> = candidates
        .iter()
        .map(|&(i, style, _, _)| matches!(infos[i].kind, LineKind::Heading(_)) || heading_styles.contains(&style))
        .collect();
    let promoted =
        |c: usize, accepted: &[bool]| accepted[c] && !matches!(infos[candidates[c].0].kind, LineKind::Heading(_));
    for _ in 0..5 {
        for run in by_style.values_mut() {
            run.retain(|&(j, _)| candidates.binary_search_by_key(&j, |c| c.0).map_or(true, |c| accepted[c]));
        }
        // Where each line stands in its style's run.
        let mut position: HashMap<usize, usize> = HashMap::default();
        for run in by_style.values() {
            position.extend(run.iter().enumerate().map(|(pos, &(j, _))| (j, pos)));
        }
        let failing: Vec<usize> = (0..candidates.len())
            .filter(|&c| promoted(c, &accepted))
            .filter(|&c| {
                let (i, style, number, _) = candidates[c];
                !fits(&by_style[&style], position[&i], number)
            })
            .collect();
        if failing.is_empty() {
            break;
        }
        for c in failing {
            accepted[c] = false;
        }
    }
    accepted
}

/// A line that introduces a list (`（二）我们会出于以下目的，收集和使用您的个人
/// 信息：`): one clause ending in a colon, short enough to title what follows.
fn is_lead_in(title: &str) -> bool {
    let Some(body) = title.trim_end_matches(is_space).strip_suffix(['：', ':']) else { return false };
    !longer_than(body, 40)
        && !body.contains(['。', '；', ';', '：', ':', '!', '！', '?', '？'])
        && body.chars().any(is_cjk)
}

/// Where in `title` (the text after a marker) a fused first sentence
/// starts, if the text before it is a heading on a topic.
fn fused_split(title: &str, style: Style, whole_heading: bool) -> Option<usize> {
    let mut gaps = title.char_indices().filter(|&(_, c)| is_space(c)).map(|(k, _)| k).peekable();
    let mut tried = 0;
    while let Some(gap) = gaps.next() {
        // The end of this run of spaces.
        let rest_at = gap + title[gap..].len() - title[gap..].trim_start_matches(is_space).len();
        while gaps.peek().is_some_and(|&g| g < rest_at) {
            gaps.next();
        }
        tried += 1;
        if tried > 3 || gap == 0 {
            return None;
        }
        let head = &title[..gap];
        let rest = &title[rest_at..];
        if longer_than(head, 24) {
            return None;
        }
        if rest.is_empty() || !title_ok(head, style) || !(is_major_topic(&normalize(head)) || is_topic_heading(head)) {
            continue;
        }
        // The head's brackets are closed (`个人信息（参考 GB/T 35273…）` is
        // one title), and the rest starts in Chinese or with a marker:
        // `GB/T`, `Cookie`, `HTML5` go on a title.
        if head.matches(['（', '(']).count() != head.matches(['）', ')']).count()
            || head.matches('《').count() != head.matches('》').count()
        {
            continue;
        }
        let item = marker::parse(rest).is_some_and(|m| m.style.rank() > 4 || m.number == Some(1));
        if !item && !rest.chars().next().is_some_and(is_cjk) {
            continue;
        }
        // A sentence has its punctuation; a line already read as a heading
        // whole (`我们如 何使用 Cookie和同类技术`, `2.2.3. 交易所需信息 1) 订单信息`)
        // keeps its words unless a sentence follows.
        let punctuated = rest.contains(['。', '，', '；', '：', ',', ';']);
        let first_word = rest.split(is_space).next().unwrap_or("");
        let starts_sentence = if whole_heading {
            punctuated
        } else {
            item || first_word.contains(['。', '，', '；', '：', ',', ';', ':'])
                || longer_than(first_word, 7) && punctuated
        };
        if starts_sentence && longer_than(rest, 5) {
            return Some(rest_at);
        }
    }
    None
}

/// A term on a line of its own whose definition follows (`个人信息` then
/// `指以电子或者其他方式…`) is a glossary entry, not a heading named after
/// the term: it stays body text, read with its definition.
fn demote_glossary_terms(infos: &mut [LineInfo<'_>]) {
    for i in 0..infos.len() {
        if !matches!(infos[i].kind, LineKind::Heading(h) if matches!(h.style, Style::Plain | Style::PlainMinor)) {
            continue;
        }
        let next = infos[i + 1..].iter().find(|n| !matches!(n.kind, LineKind::Blank | LineKind::Noise));
        if next.is_some_and(|n| n.kind == LineKind::Body && defines(n.text)) {
            infos[i].kind = LineKind::Body;
        }
    }
}

/// A line that opens with the verb of a definition (指…, 是指…), not with a
/// word that starts with 指 (指纹, 指定).
pub(crate) fn defines(line: &str) -> bool {
    let rest = line.strip_prefix("是指").or_else(|| line.strip_prefix('指'));
    rest.is_some_and(|r| !r.starts_with(['纹', '定', '南', '引', '令', '示', '标']))
}

/// The lines between the first and the last `1.` chapter, when chapters
/// 1. to 5. all stand; else none.
fn decimal_chapter_range(infos: &[LineInfo<'_>]) -> std::ops::Range<usize> {
    // Chapters numbered 1. to 5 or beyond make a numbered policy too, whose
    // other short lines are no headings; a 1. 2. 3. list inside one chapter
    // does not.
    let decimal_chapters: foldhash::HashSet<u32> = infos
        .iter()
        .filter_map(|i| match i.kind {
            LineKind::Heading(Heading { style: Style::Decimal(1), number: Some(n) }) => Some(n),
            _ => None,
        })
        .collect();
    // Between the first and the last of such chapters, short lines are
    // content; before them (a notice on permissions) and after them (a
    // children's notice) topic headings may still stand.
    if (1..=5).all(|n| decimal_chapters.contains(&n)) {
        let is_chapter =
            |i: &LineInfo<'_>| matches!(i.kind, LineKind::Heading(Heading { style: Style::Decimal(1), .. }));
        let first = infos.iter().position(is_chapter).unwrap_or(0);
        let last = infos.iter().rposition(is_chapter).unwrap_or(0);
        first..last
    } else {
        0..0
    }
}

/// In text wrapped at a fixed width (a PDF copy), a numbered line that
/// fills the width and runs on into a body line is the start of a numbered
/// paragraph (`2. 向您进一步说明了…处理个人信息` / `的情况。`), not a heading:
/// headings end short of the margin.
fn demote_wrapped_paragraphs(infos: &mut [LineInfo<'_>]) {
    // Line lengths in characters, 15 to 199 (longer lines are paragraphs).
    let mut counts = [0usize; 200];
    let mut long_lines = 0;
    for info in infos.iter() {
        let n = info.text.chars().count();
        if (15..200).contains(&n) {
            counts[n] += 1;
            long_lines += 1;
        }
    }
    let Some((width, _)) = counts.iter().enumerate().max_by_key(|&(n, &c)| (c, n)) else {
        return;
    };
    let near: usize = counts[width - 1..=(width + 1).min(199)].iter().sum();
    // One sentence a line, or paragraphs a line, share no width.
    if width < 25 || long_lines < 20 || near * 4 < long_lines {
        return;
    }
    for i in 0..infos.len() {
        // A template chapter (我们如何共享…) may fill the line by chance.
        if !matches!(infos[i].kind, LineKind::Heading(h) if h.number.is_some())
            || infos[i].text.chars().count() + 1 < width
            || is_question_topic(&infos[i].title_norm)
        {
            continue;
        }
        // A heading too long for the line ends in a short tail without a
        // full stop (`3. 我们如何共享…以及所接入的第三方` / `SDK`).
        let runs_on = infos.get(i + 1).is_some_and(|n| {
            n.kind == LineKind::Body && (ends_sentence(n.text) || n.text.chars().count() * 2 >= width)
        });
        if runs_on {
            infos[i].kind = LineKind::Item;
        }
    }
}

/// `本版本更新的重点内容主要集中于：` followed by `1. 完善了…` `2. 优化了…`:
/// a list that a lead-in line announces, not the policy's chapters, when the
/// same numbering starts again further on (the chapters' own `1.`). Only a
/// run of numbered lines with nothing between them, 1, 2, 3…, counts.
fn demote_lead_in_lists(infos: &mut [LineInfo<'_>]) {
    let filled = |i: &LineInfo<'_>| !matches!(i.kind, LineKind::Blank | LineKind::Noise);
    // Where each style's count last starts at 1, and where each heading
    // title last stands: one pass, so that many lead-ins stay linear.
    let mut last_one: Vec<(Style, usize)> = Vec::new();
    let mut last_title: HashMap<&str, u32> = HashMap::default();
    for (j, info) in infos.iter().enumerate() {
        if let LineKind::Heading(h) = info.kind {
            if h.number == Some(1) {
                match last_one.iter_mut().find(|(s, _)| *s == h.style) {
                    Some(entry) => entry.1 = j,
                    None => last_one.push((h.style, j)),
                }
            }
            last_title.insert(info.title_norm.as_ref(), u32::try_from(j).unwrap_or(u32::MAX));
        }
    }
    let mut demoted = Vec::new();
    let mut i = 0;
    while i < infos.len() {
        let lead_in = infos[i].kind == LineKind::Body && infos[i].text.ends_with(['：', ':']);
        i += 1;
        if !lead_in {
            continue;
        }
        let mut run = Vec::new();
        let mut style = None;
        for (j, info) in infos.iter().enumerate().skip(i).filter(|(_, n)| filled(n)) {
            match info.kind {
                LineKind::Heading(h)
                    if h.style.is_counted()
                        && h.number == Some(run.len() as u32 + 1)
                        && style.is_none_or(|s| s == h.style) =>
                {
                    style = Some(h.style);
                    run.push(j);
                }
                _ => break,
            }
        }
        let (Some(style), Some(&last)) = (style, run.last()) else {
            continue;
        };
        let restarts = last_one.iter().any(|&(s, j)| s == style && j > last);
        // Entries that come back as headings make a table of contents,
        // which `toc.rs` finds.
        let is_toc =
            run.iter().any(|&j| last_title.get(infos[j].title_norm.as_ref()).is_some_and(|&at| at as usize > last));
        if run.len() >= 2 && restarts && !is_toc {
            demoted.extend_from_slice(&run);
            i = last + 1;
        }
    }
    // The lines read above lie after each run: demoting at the end is the same.
    for j in demoted {
        infos[j].kind = LineKind::Item;
    }
}

/// List bullets that are dots or arrowheads (`•`, `●`, `►`).
const DOT_BULLETS: &[char] = &['•', '·', '●', '▪', '◆', '■', '○', '◇', '・', '►', '➢'];

/// Bullets that carry a policy's chapters (`• 我们如何收集您的个人信息？`,
/// `• APP权限获取说明`): where at least three bulleted lines name the
/// template's chapters, the short bulleted lines that name a chapter are
/// headings, the others stay list items.
fn mark_bulleted_chapters(infos: &mut [LineInfo<'_>]) {
    let chapter = |info: &LineInfo<'_>| -> Option<String> {
        if info.kind != LineKind::Item || info.marker.is_some() || longer_than(info.text, 32) {
            return None;
        }
        // Dots and arrows, not dashes or check marks; the item's title is
        // the text after the bullet.
        if !info.text.starts_with(DOT_BULLETS) {
            return None;
        }
        let title = info.title_norm.trim_matches([',', '?']);
        let named = is_question_topic(title)
            || is_major_topic(title)
            || ["说明", "规则", "政策", "cookie", "sdk", "权限"].iter().any(|w| crate::text::has(title, w));
        let sentence = title.contains(['。', ';', '；', ',', ':', '?', '!']);
        (named && !sentence && (2..=30).contains(&title.chars().count())).then(|| title.to_owned())
    };
    let candidates: Vec<(usize, String)> =
        infos.iter().enumerate().filter_map(|(i, info)| chapter(info).map(|t| (i, t))).collect();
    let questions = candidates.iter().filter(|(_, t)| is_question_topic(t) || is_major_topic(t)).count();
    if questions < 3 {
        return;
    }
    // Typographic chapters, as 【…】 are: they hold numbered subsections.
    for (i, title) in candidates {
        infos[i].kind = LineKind::Heading(Heading { style: Style::Bracket, number: None });
        infos[i].title_norm = title.into();
    }
}

/// In a policy without numbered headings, short unpunctuated lines that name
/// a topic (我们收集哪些个人信息, Cookie 和其他技术) are its headings, provided
/// they stand between a finished sentence and more text.
fn mark_topic_headings<'a>(
    infos: &mut [LineInfo<'a>],
    numbered_chapters: std::ops::Range<usize>,
    normal: NormalText<'a>,
) {
    let mut prev_ends_sentence = true;
    let mut topics = Vec::new();
    for i in 0..infos.len() {
        let kind = infos[i].kind;
        if kind == LineKind::Body
            && prev_ends_sentence
            && !numbered_chapters.contains(&i)
            && is_topic_heading(infos[i].text)
        {
            let followed = infos[i + 1..]
                .iter()
                .find(|n| !matches!(n.kind, LineKind::Blank | LineKind::Noise))
                .is_some_and(|n| matches!(n.kind, LineKind::Body | LineKind::Item | LineKind::Heading(_)));
            if followed {
                infos[i].title_norm = normal.of(infos[i].text);
                infos[i].kind = LineKind::Heading(Heading { style: Style::Plain, number: None });
                topics.push(i);
                prev_ends_sentence = true;
                continue;
            }
        }
        match kind {
            LineKind::Blank | LineKind::Noise => {}
            LineKind::Body | LineKind::Item => prev_ends_sentence = ends_sentence(infos[i].text),
            _ => prev_ends_sentence = true,
        }
    }
    // Two levels only where the policy follows the template's questions
    // (我们如何…, 您如何…) for its chapters; otherwise its topic headings are
    // all one level, as in policies written as a flat list of topics.
    // (Distinct titles: a table of contents repeats them.)
    let questions: foldhash::HashSet<&str> =
        topics.iter().map(|&i| infos[i].title_norm.as_ref()).filter(|t| is_question_topic(t)).collect();
    let questions = questions.len();
    if questions >= 4 {
        for &i in &topics {
            if !is_major_topic(&infos[i].title_norm) {
                infos[i].kind = LineKind::Heading(Heading { style: Style::PlainMinor, number: None });
            }
        }
    }
}

fn is_question_topic(norm: &str) -> bool {
    lex::HEADING_QUESTIONS.iter().any(|p| norm.starts_with(p))
}

/// Words that show a short line is about a topic a policy has a section on.
const TOPIC_WORDS: &[&str] = crate::lexicon::TOPIC_HINTS;

/// The chapter headings of the national template (GB/T 35273 Appendix D) and
/// of most policies: questions (我们如何…, 您如何…) and a few fixed titles. In
/// a policy without numbering they are the top level; other topic headings
/// sit below them.
fn is_major_topic(norm: &str) -> bool {
    const CONTAINS: &[&str] = crate::lexicon::MAJOR_HEADING_WORDS;
    is_question_topic(norm) || CONTAINS.iter().any(|c| norm.contains(c)) || PLAIN_HEADINGS.contains(&norm)
}

/// The most characters (spaces aside) of a line that a short-line test
/// (page number, running header, document title, appendix or plain
/// heading) accepts: longer lines are not normalised for them.
const SHORT_LINE: usize = 40;

/// Whether `line` has more than `n` characters besides spaces: the cheap
/// test that spares normalising the long body lines that no short-line
/// predicate can accept.
fn longer_than(line: &str, n: usize) -> bool {
    // Each character is a byte at least.
    line.len() > n && line.chars().filter(|c| !is_space(*c)).nth(n).is_some()
}

fn is_topic_heading(line: &str) -> bool {
    if longer_than(line, 20) {
        return false;
    }
    let n = normalize(line);
    // A question is a heading too (我们会收集哪些个人信息？).
    let n = n.strip_suffix(['?', '？']).unwrap_or(&n);
    let chars = n.chars().count();
    (2..=20).contains(&chars)
        && n.chars().any(is_cjk)
        && !n.chars().any(|c| {
            matches!(c, '。' | ';' | '；' | ',' | '，' | ':' | '：' | '!' | '！' | '?' | '？' | '@' | '"' | '“' | '”')
        })
        && !n.chars().next().is_some_and(|c| c.is_ascii_digit())
        && (TOPIC_WORDS.iter().any(|w| crate::text::has(n, w)) || n == "我们是谁")
}

/// Lines with a marker, bullet or bracket: a heading or a list item.
fn classify_marked<'a>(line: &'a str, normal: NormalText<'a>) -> Option<(LineKind, Option<&'a str>, Cow<'a, str>)> {
    // 【…】 and **…** as whole lines are headings without numbers.
    for (open, close, style) in [("【", "】", Style::Bracket), ("**", "**", Style::Bold), ("[", "]", Style::Bracket)]
    {
        if line.len() > open.len() + close.len() && line.starts_with(open) && line.ends_with(close) {
            let inner = &line[open.len()..line.len() - close.len()];
            // 【设置→隐私→权限管理】 is a path through the app's menus.
            if !inner.contains(open) && !inner.contains(['→', '>']) {
                let norm = normal.of(inner);
                if title_ok_norm(&norm, style) && (style != Style::Bracket || open == "【" || inner.chars().any(is_cjk))
                {
                    return Some((LineKind::Heading(Heading { style, number: None }), None, norm));
                }
            }
        }
    }
    if let Some(m) = marker::parse(line) {
        let title = line[m.len..].trim_matches(is_space);
        let marker_text = &line[m.text_range.0..m.text_range.1];
        let title = normal.of(strip_bold(title));
        if title_ok_norm(&title, m.style) && !(m.bulleted && is_minor(&m)) {
            return Some((LineKind::Heading(Heading { style: m.style, number: m.number }), Some(marker_text), title));
        }
        return Some((LineKind::Item, Some(marker_text), title));
    }
    let first = line.chars().next()?;
    if DOT_BULLETS.contains(&first)
        || matches!(first, '√' | '✓' | '→')
        || (matches!(first, '-' | '*' | '+') && line[1..].starts_with(is_space))
    {
        return Some((LineKind::Item, None, normal.of(&line[first.len_utf8()..])));
    }
    None
}

fn strip_bold(title: &str) -> &str {
    title.strip_prefix("**").and_then(|t| t.strip_suffix("**")).unwrap_or(title)
}

/// A bulleted `- (1)` or `- a.` is a list item however short.
fn is_minor(m: &Marker) -> bool {
    m.style.rank() >= 10
}

/// Does the text after a marker read like a heading rather than a sentence?
/// Headings are short and carry no sentence punctuation.
pub fn title_ok(title: &str, style: Style) -> bool {
    title_ok_norm(&normalize(title), style)
}

/// [`title_ok`] of a title already normalised.
fn title_ok_norm(norm: &str, style: Style) -> bool {
    let chars = norm.chars().count();
    if chars == 0 {
        // A marker alone on its line: PDF copies put the title on the next.
        return matches!(style, Style::Part | Style::Chapter | Style::CnNum | Style::ParenCn);
    }
    let max = match style {
        Style::Part | Style::Chapter | Style::Section | Style::Markdown(_) | Style::Bold | Style::Bracket => 50,
        Style::ParenArabic | Style::HalfParenArabic | Style::Circled | Style::LatinLower | Style::LatinUpper => 24,
        _ => 40,
    };
    if chars > max {
        return false;
    }
    // A question may be a heading (我们收集哪些信息？); a question mark
    // inside the title is a sentence.
    let norm = norm.strip_suffix(['?', '？']).unwrap_or(norm);
    // A chapter of the template keeps its stray full stop (一、我们如何收集和
    // 使用您的个人信息。); other titles ending so are sentences.
    let norm = match norm.strip_suffix('。') {
        Some(bare) if style.rank() <= 4 && is_question_topic(bare) => bare,
        _ => norm,
    };
    if norm.contains(['。', ';', '!', '?', '；', '！', '？']) {
        return false;
    }
    // A comma is rare in a heading but does occur in long chapter titles
    // (我们如何委托处理、共享、转让，或公开披露您的个人信息).
    let comma_limit = if style.rank() <= 4 { 32 } else { 20 };
    if norm.contains([',', '，']) && chars > comma_limit {
        return false;
    }
    // `客服热线：…` and `包括：` introduce content; only chapter-like and
    // typographic headings may carry a colon.
    let typographic = matches!(style, Style::Part | Style::Chapter | Style::Markdown(_) | Style::Bold | Style::Bracket);
    if norm.contains(':') && !typographic && !(norm.ends_with(':') && chars <= 8) {
        return false;
    }
    // Headings are words, not numbers or addresses.
    norm.chars().any(|c| is_cjk(c) || c.is_ascii_alphabetic()) && !crate::text::has(norm, "http") && !norm.contains('@')
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(|c: char| is_space(c) || matches!(c, '”' | '"' | '’' | '）' | ')' | '】' | '*'))
        .ends_with(['。', '；', ';', '！', '!', '？', '?', '：', ':', '.'])
}

/// `7`, `- 7 -`, `第 7 页`, `7/20`, `Page 7`.
#[cfg(test)]
fn is_page_number(line: &str) -> bool {
    page_number(&normalize(line))
}

/// [`is_page_number`] of a line already normalised.
fn page_number(n: &str) -> bool {
    if n.len() > 12 && n.chars().nth(12).is_some() {
        return false;
    }
    let digits_only = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if digits_only(n) {
        return true;
    }
    if let Some(inner) = n.strip_prefix('-').and_then(|s| s.strip_suffix('-')) {
        return digits_only(inner);
    }
    if let Some(inner) = n.strip_prefix('第').and_then(|s| s.strip_suffix('页')) {
        return digits_only(inner);
    }
    if let Some((a, b)) = n.split_once('/') {
        return digits_only(a) && digits_only(b);
    }
    n.strip_prefix("page").is_some_and(digits_only)
}

/// A short line without a sentence's end, normalised.
fn header_like(n: &str) -> bool {
    n.chars().count() <= 30 && !n.ends_with(['。', ';', '；'])
}

/// Words that end a document's title.
const TITLE_ENDINGS: &[&str] = crate::lexicon::DOC_TITLE_ENDINGS;

/// Words that show a line is a sentence about a document, not its title.
const NOT_TITLE: &[&str] = crate::lexicon::STOP_NOT_A_TITLE;

/// `隐私权政策`, `《隐私权政策》`, `小云-隐私政策`, `第二部分隐私权政策`.
#[cfg(test)]
fn is_doc_title(line: &str) -> bool {
    !longer_than(line, SHORT_LINE) && doc_title(line, &normalize(line))
}

/// [`is_doc_title`] of `line`, `n` its normalised text (at most
/// [`SHORT_LINE`] characters: the callers test that first).
fn doc_title(line: &str, n: &str) -> bool {
    let after_marker;
    let mut n = n;
    if let Some(m) = marker::parse(line) {
        if m.style != Style::Part && m.style != Style::Markdown(1) {
            return false;
        }
        after_marker = normalize(&line[m.len..]);
        n = &after_marker;
    }
    let n = n.trim_matches(|c: char| matches!(c, '《' | '》' | '*' | '"' | '“' | '”' | '<' | '>' | '【' | '】'));
    let n = n.replace(['《', '》'], "");
    TITLE_ENDINGS.iter().any(|e| n.ends_with(e)) && !NOT_TITLE.iter().any(|w| crate::text::has(&n, w))
}

/// Unnumbered headings that policies use on their own line.
const PLAIN_HEADINGS: &[&str] = crate::lexicon::PLAIN_HEADINGS;

/// `附录：相关定义`, `附件一：`, `附表二 第三方SDK列表`, `附：名词解释`: an
/// appendix opens a section of its own, however the body was numbered (it
/// was nesting inside the last chapter, usually 联系我们).
#[cfg(test)]
fn is_appendix_heading(line: &str) -> bool {
    !longer_than(line, SHORT_LINE) && appendix_heading(&normalize(line))
}

/// [`is_appendix_heading`] of a line already normalised (at most
/// [`SHORT_LINE`] characters: the callers test that first).
fn appendix_heading(n: &str) -> bool {
    let rest = lex::APPENDIX_PREFIXES.iter().find_map(|p| n.strip_prefix(p));
    let Some(rest) = rest else { return false };
    // 附件 in a sentence (附件中的信息…) is not a heading: after the word
    // comes a colon, a number, a title or nothing.
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    (rest.is_empty() || rest.starts_with([':', '《']) || n.starts_with("附:") || rest.chars().count() <= 20)
        && !n.ends_with(['。', ';', ','])
        && !rest.starts_with(['中', '的', '内'])
}

/// A short line without punctuation that names a common section: `定义`,
/// `变更`, `简介&提示`. Kept to known words: a short line in running text is
/// far more often a wrapped fragment than a heading.
#[cfg(test)]
fn is_plain_heading(line: &str) -> bool {
    !longer_than(line, SHORT_LINE) && plain_heading(&normalize(line))
}

/// [`is_plain_heading`] of a line already normalised.
fn plain_heading(n: &str) -> bool {
    if appendix_heading(n) {
        return true;
    }
    let chars = n.chars().count();
    if !(2..=16).contains(&chars) {
        return false;
    }
    if n.chars().any(|c| !(is_cjk(c) || c.is_ascii_alphanumeric() || matches!(c, '&' | '、' | '/' | '及' | '和'))) {
        return false;
    }
    PLAIN_HEADINGS.iter().any(|h| n == *h || (n.ends_with(h) && chars <= 8) || (n.starts_with(h) && chars <= 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appendix_headings() {
        for yes in ["附录：相关定义", "附件一：", "附表二 第三方SDK列表", "附：名词解释", "附录", "附件：《SDK情况表》"]
        {
            assert!(is_appendix_heading(yes), "{yes}");
        }
        for no in
            ["附件中的个人信息将被删除。", "附条件的个人信息转移权的说明文字很长很长很长很长很长很长", "我们的附录"]
        {
            assert!(!is_appendix_heading(no), "{no}");
        }
    }

    #[test]
    fn doc_titles() {
        for t in [
            "隐私权政策",
            "《隐私权政策》",
            "小云-隐私政策",
            "第二部分隐私权政策",
            "法律声明",
            "微单单隐私协议",
            "蜜饯隐私政策",
        ] {
            assert!(is_doc_title(t), "{t}");
        }
        for t in
            ["请您仔细阅读本隐私政策", "九、隐私权政策的更新", "我们如何更新隐私政策", "本政策将帮助您了解以下内容："]
        {
            assert!(!is_doc_title(t), "{t}");
        }
    }

    #[test]
    fn plain_headings() {
        for t in ["定义", "变更", "提示条款", "简介&提示", "联系我们"] {
            assert!(is_plain_heading(t), "{t}");
        }
        for t in ["信息。", "我们会收集您的设备信息", "2020年5月20日"] {
            assert!(!is_plain_heading(t), "{t}");
        }
    }

    #[test]
    fn topic_headings_only_without_numbered_ones() {
        let text = "隐私政策\n引言\n我们重视隐私。\n我们收集哪些个人信息\n我们收集手机号。\nCookie 和其他技术\n我们使用 Cookie。\n\
                    您的个人信息会被提供给谁？\n我们不会提供。\n";
        let lines = Lines::new(text);
        let kinds: Vec<bool> =
            classify_lines(text, &lines).iter().map(|i| matches!(i.kind, LineKind::Heading(_))).collect();
        assert_eq!(kinds, vec![false, true, false, true, false, true, false, true, false]);
        let numbered = "一、收集\n我们重视隐私。\n我们收集哪些个人信息\n二、使用\n三、共享\n";
        let lines = Lines::new(numbered);
        let infos = classify_lines(numbered, &lines);
        assert_eq!(infos[2].kind, LineKind::Body);
    }

    #[test]
    fn short_unnumbered_lines_in_chapter_vocabulary_are_headings() {
        // Seen in unnumbered policies: retention, changes and age as bare
        // words, not questions.
        let text =
            "隐私政策\n我们收集手机号。\n保留政策\n我们仅在必要期间内保留信息。\n本政策的修改\n我们可能修订本政策。\n\
                    年龄限制\n本服务面向成年人。\n";
        let lines = Lines::new(text);
        let kinds: Vec<bool> =
            classify_lines(text, &lines).iter().map(|i| matches!(i.kind, LineKind::Heading(_))).collect();
        assert_eq!(kinds, vec![false, false, true, false, true, false, true, false]);
    }

    #[test]
    fn headings_versus_items() {
        assert!(title_ok("我们如何收集和使用个人信息", Style::CnNum));
        assert!(!title_ok("与国家安全、国防安全直接相关的；", Style::LatinLower));
        assert!(!title_ok(
            "下单：您在小云平台上所有的购买或者预定小云平台上的商品，您可能需要提供联系人信息",
            Style::LatinLower
        ));
        assert!(!title_ok("我们的服务模式发生重大变化。如处理目的", Style::Decimal(1)));
        assert!(title_ok("我们收集哪些信息？", Style::Decimal(1)));
        assert!(title_ok("我们如何收集和使用您的个人信息。", Style::CnNum));
        assert!(!title_ok("与国家安全、国防安全有关的。", Style::CnNum));
        assert!(!title_ok("您是否同意？请点击同意", Style::Decimal(1)));
    }

    /// Each line's kind and heading text.
    fn headings(text: &str) -> Vec<(usize, String)> {
        let lines = Lines::new(text);
        classify_lines(text, &lines)
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(i.kind, LineKind::Heading(_)))
            .map(|(k, i)| (k, i.heading_text().to_owned()))
            .collect()
    }

    #[test]
    fn a_heading_run_into_its_first_sentence_is_split() {
        // CAPP-130 rw_104: chapters of a PDF copy run on into their first
        // paragraph, numbered or not.
        let text =
            "一、我们如何收集您的信息\n我们收集手机号。\n二、如何联系我们 如果您对本政策有任何疑问，请联系我们。\n\
                    三、法律适用与争议解决 1. 本协议的订立、履行、解释及争议解决均应适用中华人民共和国法律。\n";
        assert_eq!(
            headings(text),
            [
                (0, "一、我们如何收集您的信息".to_owned()),
                (2, "二、如何联系我们".to_owned()),
                (3, "三、法律适用与争议解决".to_owned())
            ]
        );
        let lines = Lines::new(text);
        let infos = classify_lines(text, &lines);
        assert_eq!(infos[2].fused_body().map(|(t, _)| t), Some("如果您对本政策有任何疑问，请联系我们。"));
        let (body, at) = infos[3].fused_body().expect("a body");
        assert_eq!(&text[at..at + body.len()], body);
        assert!(body.starts_with("1. 本协议"));
    }

    #[test]
    fn a_numbered_lead_in_between_headings_is_a_heading() {
        // CAPP-130 wording: （二） between two short headings of its style
        // opens a list; a lead-in numbered as a list item stays an item.
        let text = "一、我们如何收集和使用您的个人信息\n（一）我们收集的信息\n正文。\n\
                    （二）我们会出于以下目的，收集和使用您的个人信息：\n1、为您提供服务；\n2、保障安全。\n\
                    （三）征得授权同意的例外\n3. 在以下情形中，我们将无法响应您的请求：\n正文。\n";
        assert_eq!(
            headings(text).into_iter().map(|(_, t)| t).collect::<Vec<_>>(),
            [
                "一、我们如何收集和使用您的个人信息",
                "（一）我们收集的信息",
                "（二）我们会出于以下目的，收集和使用您的个人信息：",
                "（三）征得授权同意的例外"
            ]
        );
        let lines = Lines::new(text);
        let infos = classify_lines(text, &lines);
        assert_eq!(infos[3].fused_body().map(|(t, _)| t), Some("我们会出于以下目的，收集和使用您的个人信息："));
    }

    #[test]
    fn glossaries_in_the_preamble_and_appendices_are_sections() {
        // A date line ends its sentence; an appendix heading needs no full
        // stop before it; an appendix naming a list is a heading of the
        // policy, not a document's title.
        let text = "某某隐私政策\n更新日期：2023年1月1日\n相关术语及定义\n个人信息：指以电子方式记录的信息。\n\
                    一、我们如何收集您的个人信息\n正文。\n二、如何联系我们\n邮箱：a@b.com\n附录1：第三方SDK列表\n\
                    SDK名称：友盟\n附录2：名词解释\n设备信息：指设备型号。\n";
        assert_eq!(
            headings(text).into_iter().map(|(_, t)| t).collect::<Vec<_>>(),
            [
                "相关术语及定义",
                "一、我们如何收集您的个人信息",
                "二、如何联系我们",
                "附录1：第三方SDK列表",
                "附录2：名词解释"
            ]
        );
    }

    #[test]
    fn fused_candidates_numbered_zero_or_by_thousands_are_handled() {
        // Found by the fuzzer: a marker numbered 0 has no predecessor.
        let zero = "1、定义\n正文。\n0、如何联系我们 如果您有疑问，请联系我们。\n";
        assert_eq!(headings(zero).len(), 1);
        // Thousands of fused chapters, numbered 1 to 50 sixty times over:
        // each round of the fit is linear.
        let mut many = String::new();
        for _ in 0..60 {
            many.push_str("1、定义\n正文。\n");
            for k in 2..=50 {
                many.push_str(&format!("{k}、如何联系我们 如果您有疑问，请联系我们。\n"));
            }
        }
        assert_eq!(headings(&many).len(), 3000);
    }

    #[test]
    fn titles_with_spaces_and_numbered_items_stay_whole() {
        // A title with a space inside (PDF copies space words apart), a
        // reference in brackets, and a list inside a chapter whose numbers
        // do not continue the chapters'.
        let text = "一、我们如何 使用 Cookie和同类技术\n正文。\n\
                    二、定义\n1. 个人信息（参考 GB/T 35273-2020《信息安全技术 个人信息安全规范》）：是指以电子方式记录的信息。\n\
                    三、我们如何收集您的信息\n1. 账号信息 您注册时需要提供手机号码，用于创建账号。\n\
                    2. 设备信息 我们会收集设备型号，用于保障安全。\n\
                    四、我们如何共享您的信息\n正文。\n";
        assert_eq!(
            headings(text).into_iter().map(|(_, t)| t).collect::<Vec<_>>(),
            ["一、我们如何 使用 Cookie和同类技术", "二、定义", "三、我们如何收集您的信息", "四、我们如何共享您的信息"]
        );
    }

    #[test]
    fn page_numbers() {
        for t in ["7", "- 12 -", "第3页", "3/20"] {
            assert!(is_page_number(t), "{t}");
        }
        assert!(!is_page_number("2020年"));
    }
}
