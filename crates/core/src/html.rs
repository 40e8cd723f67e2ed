//! HTML input: a policy page saved from a browser and dropped or pasted as
//! markup. The analysis runs on a *text view* of the page that has exactly
//! the input's length: tags become spaces (block elements end a line),
//! scripts, styles and comments become blank, and entities are decoded in
//! place with spaces after them. Every byte offset in the view is therefore
//! the same offset in the input, and every span the analysis reports points
//! into the markup as given.
//!
//! Table cells end with a tab, so the SDK extractor reads an HTML table as it
//! reads a table copied from a page. The report says `input.format: html`,
//! and the app's document view shows the text view.
//!
//! A hand-written scanner, not an HTML parser: it never fails, never
//! executes anything and costs one pass. Malformed markup degrades to text.

use crate::lexicon as lex;

/// Whether `text` is an HTML page or fragment rather than text that merely
/// mentions a tag: a document type or `<html>` at the start, or at least
/// five block-level tags.
pub fn is_html(text: &str) -> bool {
    let head = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let start = head.get(..head.len().min(15)).unwrap_or("").to_ascii_lowercase();
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        return true;
    }
    let mut blocks = 0;
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices('<') {
        if let Some((name, _)) = tag_name(&bytes[i + 1..]) {
            if lex::HTML_BLOCK_TAGS.contains(&name.as_str()) || lex::HTML_CELL_TAGS.contains(&name.as_str()) {
                blocks += 1;
                if blocks >= 5 {
                    return true;
                }
            }
        }
    }
    false
}

/// The lowercase element name after `<` or `</`, and whether it is a
/// closing tag; `None` when what follows `<` is no tag (`a < b`).
fn tag_name(after_lt: &[u8]) -> Option<(String, bool)> {
    let (closing, rest) = match after_lt.first() {
        Some(b'/') => (true, &after_lt[1..]),
        _ => (false, after_lt),
    };
    let len = rest.iter().take(16).take_while(|b| b.is_ascii_alphanumeric()).count();
    if len == 0 || !rest[0].is_ascii_alphabetic() {
        return None;
    }
    let end = rest.get(len).copied();
    if !matches!(end, None | Some(b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n')) {
        return None;
    }
    Some((String::from_utf8_lossy(&rest[..len]).to_ascii_lowercase(), closing))
}

/// The text view of an HTML input: same length, same character boundaries
/// outside markup, tags and non-text content blanked (see the module docs).
pub fn text_view(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = bytes.to_vec();
    // Whether the current table row has had a cell: the tab goes between cells.
    let mut row_has_cell = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                if bytes[i + 1..].starts_with(b"!--") {
                    let end = find(bytes, b"-->", i + 4).map_or(bytes.len(), |e| e + 3);
                    blank(text, &mut out, i, end, false);
                    i = end;
                    continue;
                }
                let Some((name, closing)) = tag_name(&bytes[i + 1..]).or_else(|| declaration(&bytes[i + 1..])) else {
                    i += 1;
                    continue;
                };
                let end = tag_end(bytes, i + 1);
                let block = lex::HTML_BLOCK_TAGS.contains(&name.as_str());
                blank(text, &mut out, i, end, block);
                if lex::HTML_CELL_TAGS.contains(&name.as_str()) && !closing {
                    if row_has_cell {
                        out[i] = b'\t';
                    }
                    row_has_cell = true;
                } else if block {
                    row_has_cell = false;
                }
                i = end;
                if lex::HTML_RAW_TAGS.contains(&name.as_str()) && !closing {
                    let close = format!("</{name}");
                    let stop = find_ci(bytes, close.as_bytes(), i).unwrap_or(bytes.len());
                    blank(text, &mut out, i, stop, false);
                    i = stop;
                }
            }
            b'&' => i = entity(bytes, &mut out, i),
            b'\n' | b'\r' | b'\t' => {
                // Source line breaks are spaces on the page; lines come from
                // the block elements.
                out[i] = b' ';
                i += 1;
            }
            _ => i += 1,
        }
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `<!DOCTYPE …>` and `<?xml …?>`: blanked like a tag.
fn declaration(after_lt: &[u8]) -> Option<(String, bool)> {
    matches!(after_lt.first(), Some(b'!' | b'?')).then(|| (String::new(), false))
}

/// Just past the `>` that ends the tag whose name starts at `from`, quotes
/// respected; the end of the text for an unclosed tag.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

fn find_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| p + from)
}

/// Blanks `out[start..end]`: ASCII bytes become spaces (the first a line
/// break for a block element); a multi-byte character becomes whitespace of
/// its own length (U+00A0, U+3000), so that no character boundary moves.
fn blank(text: &str, out: &mut [u8], start: usize, end: usize, line_break: bool) {
    let region = &text[start..end];
    for (k, c) in region.char_indices() {
        let at = start + k;
        match c.len_utf8() {
            1 => out[at] = if c == '\n' { b'\n' } else { b' ' },
            2 => out[at..at + 2].copy_from_slice("\u{a0}".as_bytes()),
            3 => out[at..at + 3].copy_from_slice("\u{3000}".as_bytes()),
            _ => {
                out[at..at + 3].copy_from_slice("\u{3000}".as_bytes());
                out[at + 3] = b' ';
            }
        }
    }
    if line_break && end > start {
        out[start] = b'\n';
    }
}

/// Decodes the entity at `i` in place (`&amp;` → `&` and four spaces);
/// returns where scanning goes on. Unknown or malformed entities stay as
/// written.
fn entity(bytes: &[u8], out: &mut [u8], i: usize) -> usize {
    let Some(semi) = bytes[i..].iter().take(12).position(|&b| b == b';').map(|p| i + p) else {
        return i + 1;
    };
    let name = &bytes[i + 1..semi];
    let decoded: Option<char> = match name {
        b"nbsp" | b"ensp" | b"emsp" | b"thinsp" => Some(' '),
        b"amp" => Some('&'),
        b"lt" => Some('<'),
        b"gt" => Some('>'),
        b"quot" => Some('"'),
        b"apos" => Some('\''),
        b"ldquo" => Some('“'),
        b"rdquo" => Some('”'),
        b"middot" => Some('·'),
        b"mdash" => Some('—'),
        _ => numeric(name),
    };
    let Some(c) = decoded else {
        return i + 1;
    };
    let mut buf = [0u8; 4];
    let encoded = c.encode_utf8(&mut buf).as_bytes();
    let len = semi + 1 - i;
    if encoded.len() > len {
        return i + 1;
    }
    out[i..i + encoded.len()].copy_from_slice(encoded);
    for b in &mut out[i + encoded.len()..semi + 1] {
        *b = b' ';
    }
    semi + 1
}

/// `#20013` or `#x4e2d`.
fn numeric(name: &[u8]) -> Option<char> {
    let digits = std::str::from_utf8(name.strip_prefix(b"#")?).ok()?;
    let code = match digits.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => digits.parse().ok()?,
    };
    char::from_u32(code).filter(|c| !c.is_control() || *c == '\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_markup_from_text_that_mentions_a_tag() {
        assert!(is_html("<!DOCTYPE html><html><body><p>隐私政策</p></body></html>"));
        assert!(is_html("<div><h2>一、收集</h2><p>a</p><p>b</p><p>c</p></div>"));
        assert!(!is_html("隐私政策\n我们不会在页面中插入 <script> 或 <img> 标签。\n"));
        assert!(!is_html("a < b and c > d"));
    }

    #[test]
    fn the_view_keeps_every_offset() {
        let html = "<html><head><title>隐私政策</title><style>p{color:red}</style></head>\n<body>\
                    <h2 class=\"标题\">一、我们如何收集信息</h2>\n<p>我们收集您的手机号&amp;邮箱&#x4e2d;。</p>\
                    <!-- 注释 --><script>alert('x')</script><table><tr><td>SDK名称</td><td>友盟</td></tr></table></body></html>";
        let view = text_view(html);
        assert_eq!(view.len(), html.len());
        // Text keeps its place; character boundaries of the input stay boundaries.
        for (i, _) in view.char_indices() {
            assert!(html.is_char_boundary(i), "{i}");
        }
        let at = html.find("一、我们如何收集信息").expect("heading");
        assert_eq!(&view[at..at + "一、我们如何收集信息".len()], "一、我们如何收集信息");
        let lines: Vec<String> = view
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines, ["隐私政策", "一、我们如何收集信息", "我们收集您的手机号& 邮箱中 。", "SDK名称 友盟"]);
        assert!(view.contains("SDK名称     \t   友盟"), "cells are tab-separated: {view:?}");
        assert!(!view.contains("\t    SDK名称"), "no tab before a row's first cell");
        assert!(!view.contains("alert") && !view.contains("color") && !view.contains("注释") && !view.contains("标题"));
    }

    #[test]
    fn malformed_markup_never_panics_and_keeps_length() {
        for html in ["<p>未闭合", "<", "&", "&#xZZ;", "<p title=\"未闭合>文字", "<script>不结束", "&#1114112;", "<!--"]
        {
            let view = text_view(html);
            assert_eq!(view.len(), html.len(), "{html}");
        }
    }
}
