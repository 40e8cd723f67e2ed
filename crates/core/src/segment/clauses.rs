//! Clauses: the sentences and list items of a node's own text.
//!
//! PDF copies wrap lines mid-sentence, so a clause runs across line breaks
//! until sentence punctuation ends it (`。！？；` and their ASCII forms, and `.`
//! after a Latin word, never a list number, decimal or URL); a list item or
//! bullet always starts a new one. Closing quotes and brackets stay with the
//! sentence they end; a date line (`更新日期：…`) is a clause of its own; text
//! without sentence ends is cut once a clause grows long.

use std::ops::Range;

use super::lines::{LineInfo, LineKind};
use crate::report::{Clause, Span};
use crate::text::{is_space, Lines};

/// A clause longer than this is cut at the next line end, so that text
/// without punctuation (a wall of characters) still yields small clauses.
const MAX_CLAUSE_BYTES: usize = 1500;

pub fn build(lines: &Lines, infos: &[LineInfo<'_>], range: Range<usize>, skip: &[usize], out: &mut Vec<Clause>) {
    let mut open: Option<usize> = None; // start of the clause being built
    let mut last_end = 0usize;
    let close = |open: &mut Option<usize>, end: usize, out: &mut Vec<Clause>| {
        if let Some(start) = open.take() {
            if end > start {
                let span = Span::new(start, end);
                out.push(Clause { span, lines: lines.range_of(span), categories: Vec::new() });
            }
        }
    };
    for i in range {
        let info = &infos[i];
        // A heading's line holds no clause, unless its first sentence runs
        // on after the title: that starts the node's text.
        let own_heading = skip.contains(&i);
        let (line, base) = match (own_heading, info.fused_body()) {
            (true, None) => continue,
            (true, Some(body)) => {
                close(&mut open, last_end, out);
                body
            }
            (false, _) => {
                match info.kind {
                    LineKind::Blank | LineKind::Noise | LineKind::TocEntry => continue,
                    LineKind::Item | LineKind::DocTitle | LineKind::Heading(_) => close(&mut open, last_end, out),
                    LineKind::Body => {}
                }
                (info.text, info.span.start)
            }
        };
        let mut iter = line.char_indices().peekable();
        let mut prev = ' ';
        while let Some((k, c)) = iter.next() {
            if open.is_none() {
                if is_space(c) {
                    continue;
                }
                open = Some(base + k);
            }
            let mut end = base + k + c.len_utf8();
            let long = open.is_some_and(|start| end - start > MAX_CLAUSE_BYTES);
            // Text without sentence ends is cut at a comma or space once it
            // is long, and anywhere once it is very long.
            let terminal = is_terminal(prev, c, iter.peek().map(|&(_, n)| n))
                || long && (matches!(c, '，' | ',' | '、' | ' ') || end - open.unwrap_or(end) > 2 * MAX_CLAUSE_BYTES);
            prev = c;
            if terminal {
                // Closing quotes and brackets belong to the sentence they end.
                while let Some(&(k2, c2)) = iter.peek() {
                    if matches!(c2, '”' | '’' | '"' | '）' | ')' | '】' | '」' | '』') {
                        end = base + k2 + c2.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                close(&mut open, end, out);
            }
            last_end = end;
        }
        if let Some(start) = open {
            // A `更新日期：2022年8月26日` line is whole though no full stop ends
            // it; joined to the next line, its clause would take that line's
            // topic.
            if last_end - start > MAX_CLAUSE_BYTES
                || (!own_heading && matches!(info.kind, LineKind::DocTitle | LineKind::Heading(_)))
                || crate::scan::is_date_field(line)
            {
                close(&mut open, last_end, out);
            }
        }
    }
    close(&mut open, last_end, out);
}

fn is_terminal(prev: char, c: char, next: Option<char>) -> bool {
    match c {
        '。' | '！' | '？' | '；' | '!' | '?' | ';' => true,
        // An ASCII full stop ends an English sentence, not a list number
        // (`1. `), a decimal or a URL.
        '.' => prev.is_ascii_alphabetic() && next.is_none_or(|n| n == ' '),
        _ => false,
    }
}
