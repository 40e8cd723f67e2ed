//! SDK tables in HTML input (`<table><tr><td>…`): what a user gets when they
//! save a policy page and drop the file. Rows are read from the markup
//! itself, so that every span still points into the input as given; a cell's
//! text is its markup with tags removed and the common entities decoded.
//!
//! A hand-written scanner, not an HTML parser: tables in policies are plain,
//! and an unclosed or malformed table costs at most one pass over the text.

use super::{header_fields, is_link, Cell, Field, Row};
use crate::report::{Sdk, Span};
use crate::text::Lines;

/// The byte offset of the next `needle` (ASCII, matched case-insensitively)
/// at or after `from`.
fn find_ci(text: &str, needle: &str, from: usize) -> Option<usize> {
    let hay = text.as_bytes();
    let n = needle.as_bytes();
    if from >= hay.len() || n.is_empty() {
        return None;
    }
    let first = n[0].to_ascii_lowercase();
    let mut i = from;
    while i + n.len() <= hay.len() {
        let rel = hay[i..].iter().position(|b| b.to_ascii_lowercase() == first)?;
        i += rel;
        if i + n.len() <= hay.len() && hay[i..i + n.len()].eq_ignore_ascii_case(n) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The end of the tag that starts at `start` (just past its `>`).
fn tag_end(text: &str, start: usize) -> Option<usize> {
    text[start..].find('>').map(|i| start + i + 1)
}

/// Cell text: tags dropped, entities decoded, whitespace collapsed.
fn cell_text(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The cells of one `<tr>` (from `start` to `end`): their text and the span
/// of their content.
fn row_cells(text: &str, start: usize, end: usize) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let mut at = start;
    loop {
        let td = find_ci(text, "<td", at).filter(|&i| i < end);
        let th = find_ci(text, "<th", at).filter(|&i| i < end && !text[i + 3..].starts_with(['e', 'E']));
        let Some(open) = td.into_iter().chain(th).min() else { break };
        let Some(content) = tag_end(text, open).filter(|&c| c <= end) else { break };
        // A cell ends at its closing tag, or where the next cell or the row does.
        let close = [find_ci(text, "</td", content), find_ci(text, "</th", content), find_ci(text, "<td", content)]
            .into_iter()
            .flatten()
            .filter(|&i| i <= end)
            .min()
            .unwrap_or(end);
        out.push((cell_text(&text[content..close]), Span::new(content, close)));
        at = close.max(content);
        if at >= end {
            break;
        }
    }
    out
}

/// Reads every HTML table whose header row names an SDK column; marks the
/// line cells it covers as used, so that prose does not read them again.
pub(super) fn tables(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &mut [bool], out: &mut Vec<Sdk>) {
    let mut at = 0;
    while let Some(open) = find_ci(text, "<table", at) {
        let end = find_ci(text, "</table", open).unwrap_or(text.len());
        let mut header: Option<Vec<Option<Field>>> = None;
        let mut found = false;
        let mut row_at = open;
        while let Some(tr) = find_ci(text, "<tr", row_at).filter(|&i| i < end) {
            let row_end = find_ci(text, "</tr", tr).filter(|&i| i <= end).unwrap_or(end);
            let next = find_ci(text, "<tr", tr + 3).filter(|&i| i < row_end).unwrap_or(row_end);
            let parts = row_cells(text, tr, next);
            row_at = next.max(tr + 3);
            match &header {
                None => {
                    let fields: Vec<Option<Field>> = header_fields(parts.iter().map(|(t, _)| t.as_str()));
                    if fields.contains(&Some(Field::Name)) && fields.iter().flatten().count() >= 2 {
                        header = Some(fields);
                    }
                }
                Some(fields) => {
                    let mut row = Row::default();
                    for (k, (value, span)) in parts.iter().enumerate() {
                        let f = fields.get(k).copied().flatten().or_else(|| is_link(value).then_some(Field::Link));
                        if let Some(f) = f {
                            row.set(f, value, *span);
                        }
                    }
                    if let Some(sdk) = row.into_sdk(text, lines) {
                        out.push(sdk);
                        found = true;
                    }
                }
            }
        }
        if found {
            let table = Span::new(open, end);
            for (c, u) in cells.iter().zip(used.iter_mut()) {
                if c.span.start < table.end && c.span.end > table.start {
                    *u = true;
                }
            }
        }
        at = end.max(open + 6);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_html_table_with_spans_into_the_markup() {
        let text = "<html><body><p>第三方SDK目录</p>\n<table>\n<tr><th>SDK名称</th><th>第三方主体</th><th>使用目的</th><th>收集个人信息</th></tr>\n<tr><td>个推消息推送SDK</td><td>每日互动股份有限公司</td><td>消息推送</td><td>设备标识符（IMEI、OAID）、网络信息</td></tr>\n<TR><TD><b>友盟统计</b></TD><TD>友盟同欣（北京）科技有限公司</TD><TD>统计分析</TD><TD>设备信息&amp;应用列表</TD></TR>\n</table></body></html>";
        let lines = Lines::new(text);
        let cells = super::super::cells(text, &lines);
        let mut used = vec![false; cells.len()];
        let mut out = Vec::new();
        tables(text, &lines, &cells, &mut used, &mut out);
        let names: Vec<&str> = out.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["个推消息推送SDK", "友盟统计"]);
        assert_eq!(out[0].provider.as_deref(), Some("每日互动股份有限公司"));
        assert_eq!(out[1].purpose.as_deref(), Some("统计分析"));
        assert_eq!(out[1].data.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(), ["设备信息&应用列表"]);
        let ev = out[0].evidence[0].span;
        assert!(text[ev.start..ev.end].starts_with("个推消息推送SDK"));
        assert!(used.iter().filter(|u| **u).count() >= 3);
    }

    #[test]
    fn broken_markup_ends_without_rows_or_panics() {
        for text in [
            "<table><tr><td>SDK名称",
            "<table><tr><td>SDK名称</td><td>使用目的</td></tr><tr><td",
            "<TABLE",
            "<tr><td>x</td>",
        ] {
            let lines = Lines::new(text);
            let cells = super::super::cells(text, &lines);
            let mut used = vec![false; cells.len()];
            let mut out = Vec::new();
            tables(text, &lines, &cells, &mut used, &mut out);
            assert!(out.is_empty(), "{text}");
        }
    }
}
