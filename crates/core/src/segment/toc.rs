//! Tables of contents: a run of at least three heading-like lines, with nothing
//! but blank lines between them, whose entries later headings repeat.
//!
//! An entry repeats when a later title is equal to it, one is a prefix of the
//! other, or their character pairs agree (bigram Dice ≥ 0.6: tables of contents
//! abbreviate and reword). A bare marker closing the run (`八、` with no title)
//! is dropped. Comparisons run under a fixed budget, so that hostile input with
//! thousands of heading runs stays linear; the entries become
//! `LineKind::TocEntry`, never sections.

use super::lines::{LineInfo, LineKind};
use super::marker::Style;
use crate::report::Span;

/// A table of contents found in the text.
#[derive(Debug, Clone)]
pub struct Toc {
    pub first_line: usize,
    pub last_line: usize,
    /// Line indices of the entries.
    pub entries: Vec<usize>,
    /// From the first entry's start to the last entry's end.
    pub span: Span,
}

/// Fewest entries a table of contents has.
const MIN_ENTRIES: usize = 3;
/// Most entries considered: longer runs are outlines of the body itself.
const MAX_ENTRIES: usize = 80;
/// How many later headings an entry is compared with.
const LOOKAHEAD: usize = 400;
/// Comparisons allowed over the whole text, so that hostile input with
/// thousands of heading runs stays linear.
const BUDGET: usize = 200_000;

/// Finds tables of contents and marks their lines as [`LineKind::TocEntry`].
pub fn find_tocs(infos: &mut [LineInfo<'_>]) -> Vec<Toc> {
    let is_entry = |k: LineKind| matches!(k, LineKind::Heading(_) | LineKind::Item);
    let mut tocs = Vec::new();
    let mut budget = BUDGET;
    let headings: Vec<usize> =
        infos.iter().enumerate().filter(|(_, i)| matches!(i.kind, LineKind::Heading(_))).map(|(k, _)| k).collect();
    let mut keys = KeyCache::default();
    let mut i = 0;
    while i < infos.len() {
        if !is_entry(infos[i].kind) {
            i += 1;
            continue;
        }
        // Collect the run starting at i.
        let mut run = vec![i];
        let mut j = i + 1;
        while j < infos.len() {
            match infos[j].kind {
                LineKind::Blank | LineKind::Noise => j += 1,
                k if is_entry(k) && infos[j].title_norm.chars().count() <= 40 => {
                    // A title the run already holds, or numbering that
                    // starts over, means the body has begun.
                    // (Entries may end with a full stop that headings lack.)
                    let bare = |k: usize| infos[k].title_norm.trim_end_matches(['。', '.', ';', '；', ':']);
                    if run.iter().any(|&e| bare(e) == bare(j)) || restarts(infos, &run, j) {
                        break;
                    }
                    run.push(j);
                    j += 1;
                }
                _ => break,
            }
        }
        // A bare marker closing the list (`八、` with no title) is a stray,
        // not an entry.
        while run.len() > 1 && run.last().is_some_and(|&k| infos[k].title_norm.is_empty()) {
            run.pop();
        }
        if (MIN_ENTRIES..=MAX_ENTRIES).contains(&run.len()) && run.iter().all(|&k| !infos[k].title_norm.is_empty()) {
            let from = headings.partition_point(|&k| k < j);
            let later = &headings[from..(from + LOOKAHEAD).min(headings.len())];
            let mut matched = 0;
            for &k in later.iter().chain(&run) {
                keys.ensure(k, infos);
            }
            for &e in &run {
                let cost = later.len();
                if budget < cost {
                    break;
                }
                budget -= cost;
                let entry = &keys.0[&e];
                if later.iter().any(|k| entry.matches(&keys.0[k])) {
                    matched += 1;
                }
            }
            // Most entries must reappear, and the body must not start inside
            // the run (it cannot: later headings are after j).
            if matched * 10 >= run.len() * 6 && matched >= MIN_ENTRIES {
                let first = run[0];
                let last = *run.last().expect("run has entries");
                for &e in &run {
                    infos[e].kind = LineKind::TocEntry;
                }
                tocs.push(Toc {
                    first_line: first,
                    last_line: last,
                    entries: run,
                    span: Span::new(infos[first].span.start, infos[last].span.end),
                });
            }
        }
        i = j.max(i + 1);
    }
    tocs
}

/// A title prepared for fuzzy comparison: its character count and sorted
/// character bigrams, computed once per line.
#[derive(Default)]
struct TitleKey {
    norm: String,
    chars: usize,
    bigrams: Vec<u64>,
    /// The marker's style and number, where the line has one.
    number: Option<(Style, u32)>,
}

impl TitleKey {
    fn new(norm: &str) -> Self {
        let cs: Vec<char> = norm.chars().collect();
        let mut bigrams: Vec<u64> = cs.windows(2).map(|w| (u64::from(w[0]) << 32) | u64::from(w[1])).collect();
        bigrams.sort_unstable();
        Self { norm: norm.to_owned(), chars: cs.len(), bigrams, number: None }
    }

    /// The same test as [`titles_match`], on prepared keys. Two lines
    /// numbered in one style name the same section only under one number:
    /// `（二）更正您的个人信息` is not `（三）删除您的个人信息`, however many
    /// character pairs they share.
    fn matches(&self, other: &TitleKey) -> bool {
        let (a, b) = (&self.norm, &other.norm);
        if a.is_empty() || b.is_empty() {
            return false;
        }
        if let (Some((s, m)), Some((t, n))) = (self.number, other.number) {
            if s == t && m != n {
                return false;
            }
        }
        if a == b || (self.chars.min(other.chars) >= 4 && (a.starts_with(b.as_str()) || b.starts_with(a.as_str()))) {
            return true;
        }
        sorted_dice(&self.bigrams, &other.bigrams) >= 0.6
    }
}

/// Keys by line index, made on first use.
#[derive(Default)]
struct KeyCache(foldhash::HashMap<usize, TitleKey>);

impl KeyCache {
    fn ensure(&mut self, line: usize, infos: &[LineInfo<'_>]) {
        self.0.entry(line).or_insert_with(|| {
            let mut key = TitleKey::new(&infos[line].title_norm);
            key.number = super::marker::parse(infos[line].text).and_then(|m| Some((m.style, m.number?)));
            key
        });
    }
}

/// Dice coefficient of two sorted bigram lists.
fn sorted_dice(x: &[u64], y: &[u64]) -> f32 {
    let (nx, ny) = (x.len(), y.len());
    if nx == 0 || ny == 0 || nx.min(ny) * 7 < nx.max(ny) * 3 {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < nx && j < ny {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * common) as f32 / (nx + ny) as f32
}

/// Whether line `j` numbers its heading at or below the last entry of the
/// same style in `run`: `1、` after `11、` starts the body.
fn restarts(infos: &[LineInfo<'_>], run: &[usize], j: usize) -> bool {
    let LineKind::Heading(h) = infos[j].kind else { return false };
    let Some(n) = h.number else { return false };
    // Entries ending with ；or 。 are list items, numbered all the same.
    run.iter()
        .rev()
        .find_map(|&e| match infos[e].kind {
            LineKind::Heading(p) if p.style == h.style => p.number,
            LineKind::Item => super::marker::parse(infos[e].text).filter(|m| m.style == h.style).and_then(|m| m.number),
            _ => None,
        })
        .is_some_and(|last| n <= last)
}

/// Equal, or one a prefix of the other: strict enough to tell that the body
/// repeats an entry, where [`titles_match`] would also pair look-alikes.
pub fn same_title(a: &str, b: &str) -> bool {
    a == b || (a.chars().count().min(b.chars().count()) >= 4 && (a.starts_with(b) || b.starts_with(a)))
}

/// Whether two normalised titles name the same section: equal, one a prefix
/// of the other, or sharing most of their character pairs (tables of contents
/// abbreviate and reword: 我们如何分享 / 我们如何共享).
pub fn titles_match(a: &str, b: &str) -> bool {
    TitleKey::new(a).matches(&TitleKey::new(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reworded_titles_match() {
        assert!(titles_match("我们如何分享、转让、公开披露个人信息", "我们如何共享、转让、公开披露个人信息"));
        assert!(titles_match("我们如何存储个人信息", "我们如何存储和传输个人信息"));
        assert!(titles_match("我们如何收集、使用您的信息", "我们如何收集、使用您的信息以及您可以如何管理您的信息"));
        assert!(!titles_match("我们如何保护个人信息的安全", "联系我们"));
    }

    #[test]
    fn look_alike_entries_under_other_numbers_make_no_table() {
        // CAPP-130 rw_43: steps of a how-to and the 权利 sections after
        // them share many pairs with later lines, under other numbers.
        let text = "五、您的权利\n（一）访问您的个人信息\n正文。\n1）进入得间后，点击“我的”\n2）点击“设置”\n\
                    3）点击“换绑手机”\n4）进行信息查询和访问\n（二）更正您的个人信息\n正文。\n\
                    （三）删除您的个人信息\n正文。\n（五）注销账户\n1、进入得间后，点击“我的”\n2、点击“设置”\n\
                    3、点击“注销账户”\n正文。\n";
        let lines = crate::text::Lines::new(text);
        let mut infos = super::super::lines::classify_lines(text, &lines);
        assert!(find_tocs(&mut infos).is_empty());
    }
}
