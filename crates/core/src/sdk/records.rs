//! Key–value records: `SDK名称：…` blocks, keys run together on one line, a
//! record line that names its SDK before the first key.
//!
//! [`kv_parts`] splits a line wherever a key begins, however records run
//! together. A name before the first key names the record, as does a name line
//! just above its keys; `第三方名称` inside an `SDK名称` record is the provider,
//! not another SDK.

use super::*;

/// `SDK名称：微信SDK` → (field, value with its span, whether the key says SDK).
pub(super) fn key_value(cell: Cell<'_>) -> Option<(Field, &str, Span, bool)> {
    let i = cell.colon?;
    let sep = if cell.text.as_bytes()[i] == b':' { ':' } else { '：' };
    if i > 40 {
        return None;
    }
    let key = &cell.text[..i];
    let f = field_of(key)?;
    let rest_at = i + sep.len_utf8();
    let (v, span) = trim_span(&cell.text[rest_at..], cell.span.start + rest_at);
    Some((f, v, span, key.to_ascii_lowercase().contains("sdk")))
}

/// `SDK名称：…` / `使用目的：…` / `收集个人信息：…` blocks, one key per line
/// (or several keys on one line separated by `；`).
#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles; inlined in wasm (smaller)
pub(super) fn key_value_blocks(
    text: &str,
    lines: &Lines,
    cells: &[Cell<'_>],
    used: &mut [bool],
    kb: &Kb,
    out: &mut Vec<Sdk>,
) {
    let mut row: Option<Row> = None;
    for (i, c) in cells.iter().enumerate() {
        if used[i] {
            continue;
        }
        let (mut pairs, lead) = line_pairs(*c);
        // `**个推消息推送SDK**` or `微信SDK` on its own line, then its keys: a
        // record whose name is the line above it.
        if row.is_none() && !pairs.is_empty() && !pairs.iter().any(|p| p.0 == Field::Name) && lead.is_none() {
            name_above(cells, used, i, kb, &mut pairs);
        }
        // `阿里云一键登录SDK,所属公司：…,使用目的：…`: a record whose name
        // comes before its first key.
        if pairs.len() >= 2 && !pairs.iter().any(|p| p.0 == Field::Name) {
            if let Some(lead) = lead {
                name_in_lead(lead, &mut pairs);
            }
        }
        // `微信开放平台隐私政策：https://…`: a line per SDK under an SDK heading.
        if pairs.len() == 1 && pairs[0].0 == Field::Link && lead.is_none() {
            name_in_link_key(*c, &mut pairs);
        }
        let names_or_continues = pairs.iter().any(|p| p.0 == Field::Name) || (row.is_some() && !pairs.is_empty());
        if pairs.is_empty() || !names_or_continues {
            if let Some(r) = row.take() {
                out.extend(r.into_sdk(text, lines));
            }
            continue;
        }
        used[i] = true;
        add_pairs(text, lines, pairs, &mut row, out);
    }
    if let Some(r) = row.take() {
        out.extend(r.into_sdk(text, lines));
    }
}

/// A key and its value: (field, value, value's span, whether the key says SDK).
type Pair<'a> = (Field, &'a str, Span, bool);

/// The key–value pairs of a line, and the text before its first key when
/// that holds none.
fn line_pairs(c: Cell<'_>) -> (Vec<Pair<'_>>, Option<(&str, Span)>) {
    let mut pairs = Vec::new();
    let mut lead: Option<(&str, Span)> = None;
    // A line without a colon holds no key.
    let parts = if c.colon.is_some() { kv_parts(c.text) } else { Vec::new() };
    for (n, part) in parts.into_iter().enumerate() {
        let (t, span) = trim_span(part.1, c.span.start + part.0);
        if let Some(kv) = key_value(Cell::new(t, span)) {
            pairs.push(kv);
        } else if n == 0 {
            lead = Some((t, span));
        }
    }
    (pairs, lead)
}

/// Takes the line above the keys as the record's name when it says SDK, is
/// known, or heads a record of SDK fields.
fn name_above<'a>(cells: &[Cell<'a>], used: &[bool], i: usize, kb: &Kb, pairs: &mut Vec<Pair<'a>>) {
    if let Some(prev) = i.checked_sub(1).map(|k| cells[k]).filter(|_| !used[i.saturating_sub(1)]) {
        let t = strip_list_marker(prev.text.trim_matches(['*', '#', ' ', '【', '】']));
        let short = (2..=30).contains(&t.chars().count());
        // A heading of the policy (`十、如何联系我们`) followed by key
        // lines names no SDK: the line must say SDK, be known, or
        // head a record of SDK fields.
        let kinds = [Field::Provider, Field::Purpose, Field::Data, Field::Link]
            .iter()
            .filter(|f| pairs.iter().any(|p| p.0 == **f))
            .count();
        let heading = t.starts_with(|ch: char| "（(一二三四五六七八九十第".contains(ch)) || t.contains('、');
        let sdk_like = t.to_ascii_lowercase().contains("sdk") || kb.lookup(t).is_some() || (kinds >= 2 && !heading);
        if short && sdk_like && !t.contains(['：', ':', '。', '，']) && !junk_name(t) {
            let at = prev.span.start + (t.as_ptr() as usize - prev.text.as_ptr() as usize);
            pairs.insert(0, (Field::Name, t, Span::new(at, at + t.len()), true));
        }
    }
}

/// Takes the name written before the line's first key as the record's name.
fn name_in_lead<'a>((t, span): (&'a str, Span), pairs: &mut Vec<Pair<'a>>) {
    let name = strip_list_marker(lead_name(t).trim_end_matches([',', '，', '：', ':', '；', ';', ' ']));
    let name = without_trailing_aliases(name);
    if (1..=30).contains(&name.chars().count()) && !name.contains(['。', '？', '：', '，', '“', '”']) {
        let at = span.start + (name.as_ptr() as usize - t.as_ptr() as usize);
        pairs.insert(0, (Field::Name, name, Span::new(at, at + name.len()), true));
    }
}

/// `微信开放平台隐私政策：https://…`: the name before the policy's title in
/// the key.
fn name_in_link_key<'a>(c: Cell<'a>, pairs: &mut Vec<Pair<'a>>) {
    let key_end = c.colon.unwrap_or(0);
    let key = &c.text[..key_end];
    let name = ["个人信息保护政策", "隐私权政策", "隐私政策", "隐私协议"]
        .iter()
        .find_map(|w| key.strip_suffix(w))
        .map(|n| n.trim().trim_end_matches(['的', '之']))
        .filter(|n| n.chars().count() >= 2 && !n.contains(['，', '。', '、']) && !n.ends_with("第三方"));
    if let Some(name) = name {
        let at = c.span.start + (name.as_ptr() as usize - c.text.as_ptr() as usize);
        pairs.insert(0, (Field::Name, name, Span::new(at, at + name.len()), false));
    }
}

/// Sets the pairs on the open record; a name closes it and opens another.
fn add_pairs(text: &str, lines: &Lines, pairs: Vec<Pair<'_>>, row: &mut Option<Row>, out: &mut Vec<Sdk>) {
    for (mut f, v, span, sdk_key) in pairs {
        // `第三方名称：` inside an `SDK名称：` record names its provider.
        if f == Field::Name && !sdk_key && row.as_ref().is_some_and(|r| r.name_from_sdk_key && r.provider.is_none()) {
            f = Field::Provider;
        }
        if f == Field::Name {
            if let Some(r) = row.take() {
                out.extend(r.into_sdk(text, lines));
            }
            *row = Some(Row { name_from_sdk_key: sdk_key, ..Row::default() });
        }
        if let Some(r) = row.as_mut() {
            r.set(f, v, span);
        }
    }
}

/// The name that opens a record line, up to the comma after which comes
/// something else: an alias in brackets (`移动安全联盟SDK,（MSA,移动安全联盟,SDK）`),
/// a note (`,由此SDK引入：…`, `,该SDK由…引入`) or a key. Commas inside
/// brackets, and commas that stand for spaces (`腾讯云,移动直播,SDK`), stay.
pub(super) fn lead_name(t: &str) -> &str {
    let mut depth = 0u32;
    for (i, c) in t.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            ',' | '，' if depth == 0 => {
                let rest = &t[i + c.len_utf8()..];
                let piece = &rest[..rest.find([',', '，']).unwrap_or(rest.len())];
                if rest.starts_with(['（', '(', '该', '由']) || piece.contains(['：', ':']) {
                    return &t[..i];
                }
            }
            _ => {}
        }
    }
    t
}

/// `穿山甲SDK（字节跳动广告SDK、今日头条广告SDK）` → `穿山甲SDK`: the
/// bracket that closes a record's name holds its other names or a note
/// (`（目前仅Android客户端接入）`), not the name.
pub(super) fn without_trailing_aliases(s: &str) -> &str {
    let Some(body) = s.strip_suffix(['）', ')']) else {
        return s;
    };
    let mut depth = 1u32;
    for (i, c) in body.char_indices().rev() {
        match c {
            '）' | ')' => depth += 1,
            '（' | '(' => {
                depth -= 1;
                if depth == 0 {
                    let head = body[..i].trim_end_matches([',', '，', ' ']);
                    return if head.chars().count() >= 2 { head } else { s };
                }
            }
            _ => {}
        }
    }
    s
}

/// Pieces of a key–value line, with their byte offsets: split where a key
/// begins (`SDK名称：`, `公司全称：`, `隐私政策链接：`), however the records
/// run together (`；`, one space, two, none at all after a URL:
/// `…/privacy2) SDK名称：…`), and at `；`.
pub(super) fn kv_parts(s: &str) -> Vec<(usize, &str)> {
    let mut starts: Vec<usize> = vec![0];
    for c in crate::text::colons(s) {
        // `https:` is no key.
        if s[c..].starts_with("://") {
            continue;
        }
        // The key runs back from the colon, at most 16 characters, to a
        // separator or to where a URL or Latin word before it ends
        // (`…/privacy第三方SDK名称：`); the longest that names a field wins.
        let head = &s[..c];
        // Where a key may start, nearest first; then asked farthest first,
        // the first that names a field is the longest (one `field_of` for a
        // plain `SDK名称：`, not one per character).
        let mut candidates = [0usize; 16];
        let mut n = 0;
        for (count, (at, x)) in head.char_indices().rev().enumerate() {
            if count >= 16 || x.is_whitespace() || ends_a_key(x) {
                break;
            }
            let before = head[..at].chars().next_back();
            let starts = before.is_none_or(|p| p.is_whitespace() || ends_a_key(p) || (p.is_ascii() && !x.is_ascii()));
            // A bare `SDK：` is a key only where the line begins (`Bugly,SDK：` is a name).
            let bare_sdk = s[at..c].trim().eq_ignore_ascii_case("sdk") && at > 0;
            if starts && !bare_sdk {
                candidates[n] = at;
                n += 1;
            }
        }
        let best = candidates[..n].iter().rev().copied().find(|&at| field_of(&s[at..c]).is_some());
        if let Some(k) = best {
            if k > 0 && !starts.contains(&k) {
                starts.push(k);
            }
        }
    }
    for (i, len) in crate::text::narrow_or_wide(s, b';') {
        let after = i + len;
        if after < s.len() && !starts.contains(&after) {
            starts.push(after);
        }
    }
    starts.sort_unstable();
    let mut out = Vec::with_capacity(starts.len());
    for (n, &a) in starts.iter().enumerate() {
        let z = starts.get(n + 1).copied().unwrap_or(s.len());
        // The next record's number run into this value (`…/privacy2) `).
        let part = strip_trailing_marker(s[a..z].trim_end_matches(['；', ';', ' ', '\u{3000}', '\t']));
        out.push((a, part));
    }
    out
}

/// A separator that a key never runs back across.
fn ends_a_key(c: char) -> bool {
    matches!(c, '；' | ';' | '，' | ',' | '。' | '、' | ')' | '）' | '】')
}

/// `…privacy2)`, `…信息（3）`, `…类型 4.`: a list number that belongs to
/// what follows, cut off.
pub(super) fn strip_trailing_marker(s: &str) -> &str {
    let t = s.trim_end();
    let (body, closed) = match t.strip_suffix([')', '）', '.', '、']) {
        Some(b) => (b, true),
        None => (t, false),
    };
    if !closed {
        return s;
    }
    let digits = body.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.len() == body.len() || body.len() - digits.len() > 2 {
        return s;
    }
    let digits = digits.strip_suffix(['(', '（']).unwrap_or(digits);
    digits.trim_end()
}
