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
    for i in range {
        let info = &infos[i];
        // A heading's line holds no clause, unless its first sentence runs
        // on after the title: that starts the node's text.
        let own_heading = skip.contains(&i);
        let (line, base) = match (own_heading, info.fused_body()) {
            (true, None) => continue,
            (true, Some(body)) => {
                close_clause(lines, &mut open, last_end, out);
                body
            }
            (false, _) => {
                match info.kind {
                    LineKind::Blank | LineKind::Noise | LineKind::TocEntry => continue,
                    LineKind::Item | LineKind::DocTitle | LineKind::Heading(_) => {
                        close_clause(lines, &mut open, last_end, out)
                    }
                    LineKind::Body => {}
                }
                (info.text, info.span.start)
            }
        };
        read_line(lines, line, base, &mut open, &mut last_end, out);
        if let Some(start) = open {
            // A `更新日期：2022年8月26日` line is whole though no full stop ends
            // it; joined to the next line, its clause would take that line's
            // topic.
            if last_end - start > MAX_CLAUSE_BYTES
                || (!own_heading && matches!(info.kind, LineKind::DocTitle | LineKind::Heading(_)))
                || crate::scan::is_date_field(line)
            {
                close_clause(lines, &mut open, last_end, out);
            }
        }
    }
    close_clause(lines, &mut open, last_end, out);
}

/// Closes the open clause at `end`, if it holds anything.
fn close_clause(lines: &Lines, open: &mut Option<usize>, end: usize, out: &mut Vec<Clause>) {
    if let Some(start) = open.take() {
        if end > start {
            let span = Span::new(start, end);
            out.push(Clause { span, lines: lines.range_of(span), categories: Vec::new() });
        }
    }
}

/// Reads one line (`base` its offset in the text) into clauses: opens one
/// at the first character that is not a space, closes it after a sentence
/// end (and the quotes and brackets that close with it), or at a comma once
/// it is long. `last_end` is where the last character read ends.
fn read_line(
    lines: &Lines,
    line: &str,
    base: usize,
    open: &mut Option<usize>,
    last_end: &mut usize,
    out: &mut Vec<Clause>,
) {
    let b = line.as_bytes();
    let mut k = 0;
    let mut prev = ' ';
    while k < b.len() {
        // A run of ideographs (lead bytes E4–E9: U+4000–U+9FFF) in an
        // open clause that is not yet very long: none is a space, a
        // sentence end or a comma, so the run is passed over by its lead
        // bytes without decoding (the loop below was a twentieth of the
        // analysis).
        if let Some(start) = *open {
            let run = k;
            while k < b.len() && (0xe4..=0xe9).contains(&b[k]) && base + k + 3 - start <= 2 * MAX_CLAUSE_BYTES {
                k += 3;
            }
            if k > run {
                prev = '\u{4e00}';
                *last_end = base + k;
                continue;
            }
        }
        let Some(c) = line[k..].chars().next() else { break };
        let after = k + c.len_utf8();
        if open.is_none() {
            if is_space(c) {
                k = after;
                continue;
            }
            *open = Some(base + k);
        }
        let mut end = base + after;
        let long = open.is_some_and(|start| end - start > MAX_CLAUSE_BYTES);
        // Text without sentence ends is cut at a comma or space once it
        // is long, and anywhere once it is very long.
        let terminal = is_terminal(prev, c, line[after..].chars().next())
            || long && (matches!(c, '，' | ',' | '、' | ' ') || end - open.unwrap_or(end) > 2 * MAX_CLAUSE_BYTES);
        prev = c;
        k = after;
        if terminal {
            // Closing quotes and brackets belong to the sentence they end.
            while let Some(c2) = line[k..].chars().next() {
                if matches!(c2, '”' | '’' | '"' | '）' | ')' | '】' | '」' | '』') {
                    k += c2.len_utf8();
                    end = base + k;
                } else {
                    break;
                }
            }
            close_clause(lines, open, end, out);
        }
        *last_end = end;
    }
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
