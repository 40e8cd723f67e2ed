//! The table model every table shape feeds ([`Table`]: header fields, rows of
//! cell spans that may cover several lines) and its readers:
//!
//! - `lone_pipe_tables`: web-page exports with a lone `|` line between cells;
//! - `flattened_tables`: header cells one per line, then the rows' cells;
//! - `delimited_tables`: one row a line, split by `|` (outer bars optional),
//!   tabs, wide spaces or, under such a header, commas (see `align`); a row
//!   wrapped over several lines is read on.
//!
//! Column and key names are classified by meaning ([`field_of`]), not by exact
//! spelling. Data items are split outside brackets; an open-ended list (`等`,
//! `包括但不限于`) is marked (`data_open`).

use super::*;
use crate::lexicon as lex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Name,
    Provider,
    Purpose,
    Data,
    Method,
    Permission,
    Link,
}

/// Column and key names policies use, normalised.
pub(super) const FIELDS: &[(&str, Field)] = &[
    ("sdk名称", Field::Name),
    ("sdk", Field::Name),
    ("第三方sdk名称", Field::Name),
    ("第三方名称", Field::Name),
    ("插件名称", Field::Name),
    ("sdk类型", Field::Name),
    ("合作方名称", Field::Name),
    ("合作方", Field::Name),
    ("产品名称", Field::Name),
    ("第三方主体", Field::Provider),
    ("第三方机构名称", Field::Provider),
    ("第三方公司名称", Field::Provider),
    ("sdk提供方", Field::Provider),
    ("提供方", Field::Provider),
    ("公司名称", Field::Provider),
    ("开发者", Field::Provider),
    ("运营方", Field::Provider),
    ("使用目的", Field::Purpose),
    ("场景描述", Field::Purpose),
    ("使用场景", Field::Purpose),
    ("功能", Field::Purpose),
    ("用途", Field::Purpose),
    ("目的", Field::Purpose),
    ("功能描述", Field::Purpose),
    ("收集个人信息", Field::Data),
    ("收集个人信息类型", Field::Data),
    ("收集的个人信息", Field::Data),
    ("涉及个人信息", Field::Data),
    ("个人信息类型", Field::Data),
    ("个人信息字段", Field::Data),
    ("收集信息", Field::Data),
    ("收集数据类型", Field::Data),
    ("处理的个人信息", Field::Data),
    ("收集方式", Field::Method),
    ("权限", Field::Permission),
    ("申请权限", Field::Permission),
    ("所需权限", Field::Permission),
    ("隐私政策链接", Field::Link),
    ("隐私政策", Field::Link),
    ("第三方隐私政策", Field::Link),
    ("隐私权政策链接", Field::Link),
    ("官网链接", Field::Link),
    ("链接", Field::Link),
];

/// A cell normalised for comparison with column names, its colon dropped;
/// `None` for a cell too long to be one. Column names are short and most
/// cells are sentences: those are skipped before normalising.
pub(super) fn field_name(cell: &str) -> Option<String> {
    if cell.chars().filter(|c| !c.is_whitespace()).nth(40).is_some() {
        return None;
    }
    let n = normalize(cell);
    let n = n.trim_end_matches([':', '：']);
    // A company's name (`深圳市腾讯计算机系统有限公司：微信SDK、QQ SDK`) heads a group, not a column.
    if n.ends_with("有限公司") || n.ends_with("股份公司") || n.ends_with("集团") {
        return None;
    }
    (!n.is_empty() && n.len() <= 40).then(|| n.to_owned())
}

/// The field a column name names exactly ([`FIELDS`]).
pub(super) fn exact_field(name: &str) -> Option<Field> {
    FIELDS.iter().find(|(k, _)| *k == name).map(|(_, f)| *f)
}

// Every column or key name holds one of these characters (sorted, for a
// binary search); most short lines hold none and are rejected before
// any allocation.
const KEY_CHARS: &[char] = &[
    'S', 'U', 's', 'u', '三', '业', '主', '产', '伙', '伴', '作', '供', '信', '公', '内', '则', '功', '务', '发', '司',
    '合', '名', '品', '场', '址', '型', '字', '官', '容', '属', '开', '式', '息', '所', '据', '提', '政', '数', '方',
    '服', '机', '权', '构', '段', '用', '目', '称', '第', '策', '类', '网', '规', '运', '链', '项',
];

pub(super) fn field_of(cell: &str) -> Option<Field> {
    // Every name that gives a field has 16 characters at most (the exact
    // ones of [`FIELDS`] too, a test checks): longer cells, most lines of a
    // policy, end here before normalising (a character is a byte at least:
    // short cells pass at once). Counted as `normalize` counts, spaces and
    // trailing colons left out.
    let body = cell.trim_end_matches(|c: char| crate::text::is_space(c) || c == ':' || c == '：');
    if body.len() > 16 && body.chars().filter(|c| !crate::text::is_space(*c)).nth(16).is_some() {
        return None;
    }
    if !cell.chars().take(41).any(|c| KEY_CHARS.binary_search(&c).is_ok()) {
        return None;
    }
    let n = field_name(cell)?;
    let n = n.as_str();
    if let Some(f) = exact_field(n) {
        return Some(f);
    }
    // Column names vary endlessly (`收集的个人信息的类型/字段`, `SDK官网`,
    // `服务类型（使用目的）`): classify short names by their words.
    if n.chars().count() > 16 || n.contains(['。', ',', '、']) {
        return None;
    }
    let words = crate::text::Words::new(n);
    let has = |ws: &[&str]| words.any(ws);
    // By meaning, in order: a column of links, of data, of permissions, of
    // the manner of sharing, of the company, of the name, of the purpose.
    if has(&["链接", "官网", "网站", "隐私政策", "隐私权政策", "网址", "url", "处理规则", "规则"])
    {
        Some(Field::Link)
    } else if has(&["方式"]) {
        Some(Field::Method)
    } else if has(lex::COLUMN_DATA)
        || (has(&["信息", "数据"])
            && !(has(lex::COLUMN_NAME_KIND)
                || has(lex::COLUMN_PURPOSE)
                || has(lex::COLUMN_PROVIDER)
                || has(lex::COMPANY_WORD)))
    {
        Some(Field::Data)
    } else if has(&["权限"]) {
        Some(Field::Permission)
    } else if has(lex::COLUMN_PROVIDER) || has(lex::COMPANY_WORD) || has(lex::COLUMN_PROVIDER_MORE) {
        // `第三方SDK提供方的公司名称` names the provider, not the SDK.
        Some(Field::Provider)
    } else if (has(&["名称"]) && has(&["sdk", "插件", "产品", "服务", "第三方", "合作方", "合作伙伴", "伙伴"]))
        || (has(&["产品"]) && !has(&["类型"]))
    {
        Some(Field::Name)
    } else if has(lex::COLUMN_PURPOSE) || has(lex::COLUMN_PURPOSE_MORE) {
        Some(Field::Purpose)
    } else if n == "名称" || n == "合作伙伴" || n == "第三方" || lex::COLUMN_SDK_NAME.contains(&n) {
        Some(Field::Name)
    } else {
        None
    }
}

/// The fields of a header row. Where two columns name something (`SDK名称`
/// and `第三方名称`), the one that is not the SDK's names the third party
/// behind it: the provider.
pub(super) fn header_fields<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<Option<Field>> {
    let names: Vec<&str> = names.into_iter().collect();
    let mut fields: Vec<Option<Field>> = names.iter().map(|n| field_of(n)).collect();
    // A partner table names companies, not SDKs: its company column is the
    // name of each row.
    if !fields.contains(&Some(Field::Name)) {
        if let Some(k) = fields.iter().position(|f| *f == Some(Field::Provider)) {
            fields[k] = Some(Field::Name);
        }
    }
    let name_columns: Vec<usize> = (0..fields.len()).filter(|&k| fields[k] == Some(Field::Name)).collect();
    if name_columns.len() >= 2 && !fields.contains(&Some(Field::Provider)) {
        // `第三方服务名称` beside `合作伙伴名称`: the service is the SDK, the
        // partner its provider.
        let is_sdk = |k: usize| {
            let n = normalize(names[k]);
            crate::text::has(&n, "sdk") || lex::SDK_COLUMN_WORDS.iter().any(|w| crate::text::has(&n, w))
        };
        if let Some(&sdk_column) = name_columns.iter().find(|&&k| is_sdk(k)) {
            for &k in &name_columns {
                if k != sdk_column && !is_sdk(k) {
                    fields[k] = Some(Field::Provider);
                    break;
                }
            }
        }
    }
    fields
}

pub(super) fn is_link(s: &str) -> bool {
    let n = s.trim_start_matches(['(', '（']);
    // `ttps://open.flyme.cn/`: a PDF copy that cut a cell's first letter.
    let n = n.strip_prefix('h').unwrap_or(n);
    n.starts_with("ttp://") || n.starts_with("ttps://") || n.starts_with("www.")
}

#[derive(Default)]
pub(super) struct Row {
    pub(super) name: Option<String>,
    pub(super) provider: Option<String>,
    pub(super) purpose: Option<String>,
    pub(super) data: Option<String>,
    pub(super) permissions: Option<String>,
    pub(super) method: Option<String>,
    pub(super) link: Option<String>,
    pub(super) span: Option<Span>,
    /// A provider cell that is a sentence: the row is a note, no SDK.
    pub(super) prose: bool,
    /// The name came under a key that says SDK (`SDK名称：`).
    pub(super) name_from_sdk_key: bool,
}

impl Row {
    pub(super) fn set(&mut self, f: Field, v: &str, span: Span) {
        // Cells of a web page's text view keep the width of the tags and
        // entities they held (`个推<b>SDK</b>`, `设备信息&amp;应用列表`).
        let v = join_cell_lines(v, f == Field::Data);
        let v = crate::text::join_space_runs(v.trim().trim_end_matches(['。', ';', '；', ',', '，']).trim_end());
        let v = match f {
            Field::Provider | Field::Purpose => join_wrapped_pieces(&v, false),
            // `ttps://open.flyme.cn/`: the first letter lost at a cut.
            Field::Link if v.starts_with("ttp") => join_wrapped_pieces(&format!("h{v}"), true),
            Field::Link => join_wrapped_pieces(&v, true),
            _ => v,
        };
        // A note inside a table (`vivo,品牌手机，我们接入的第三,方,SDK…`) has
        // no company in its provider column.
        if f == Field::Provider && crate::text::has(&v, "我们") {
            self.prose = true;
        }
        self.span = Some(match self.span {
            Some(s) => Span::new(s.start.min(span.start), s.end.max(span.end)),
            None => span,
        });
        if v.is_empty() {
            return;
        }
        // `访问联网、设备信息。用户信息/数据类型：设备标识信息。`: the part a
        // data cell labels as the data is the data.
        let v = match labelled_data(&v).filter(|_| f == Field::Data).map(str::to_owned) {
            Some(labelled) => labelled,
            None => v,
        };
        let slot = match f {
            Field::Name => &mut self.name,
            Field::Provider => &mut self.provider,
            Field::Purpose => &mut self.purpose,
            Field::Data => &mut self.data,
            Field::Permission => &mut self.permissions,
            Field::Link => &mut self.link,
            Field::Method => &mut self.method,
        };
        if slot.is_none() {
            *slot = Some(v);
        }
    }

    /// The row's evidence also covers `span`.
    pub(super) fn widen(&mut self, span: Span) {
        self.span = Some(match self.span {
            Some(s) => Span::new(s.start.min(span.start), s.end.max(span.end)),
            None => span,
        });
    }

    pub(super) fn into_sdk(self, text: &str, lines: &Lines) -> Option<Sdk> {
        let name = self.name?;
        // `SDK：SDK是指…一组工具和/或代码` defines the word; it names nothing.
        if self.prose
            || name.chars().count() > 40
            || name.starts_with(['是', '指'])
            || crate::text::has(&name, "是指")
            || junk_name(&name)
        {
            return None;
        }
        let span = self.span?;
        Some(Sdk {
            name,
            canonical: None,
            provider_from: self.provider.as_ref().map(|_| ProviderFrom::Text),
            provider: self.provider,
            category: None,
            purpose: self.purpose,
            data: self.data.as_deref().map(data_items).unwrap_or_default(),
            permissions: self.permissions.as_deref().map(split_list).unwrap_or_default(),
            method: self.method,
            data_open: self.data.as_deref().is_some_and(open_ended),
            // The link a cell holds, else the first one the row's text gives.
            link: self.link.as_deref().and_then(url_in).or_else(|| url_in(&text[span.start..span.end])),
            evidence: vec![evidence(text, lines, span)],
        })
    }
}

pub(super) fn split_list(s: &str) -> Vec<String> {
    s.split(['、', '，', ',', '；', ';', '/', '\t'])
        .map(|x| x.trim().trim_end_matches(['。', '.']).trim())
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Data items: split at the separators outside brackets, so that
/// `设备信息（IMEI、OAID）` stays one item with its clarification; a leading
/// `包括` and a trailing `等` dropped.
pub(super) fn data_items(s: &str) -> Vec<DataItem> {
    let mut out = Vec::new();
    let mut depth = 0u32;
    let mut start = 0;
    let push = |part: &str, out: &mut Vec<DataItem>| {
        let t = part.trim().trim_end_matches(['。', '.']).trim();
        let t = t.strip_prefix("包括").unwrap_or(t).trim();
        // `处理您的面部生物识别信息`, `使用您的网络信息`: the item, not the verb.
        let t = t.split_once("您的").filter(|(verb, _)| (1..=3).contains(&verb.chars().count())).map_or(t, |(_, x)| x);
        let t = t.strip_suffix("等信息").or_else(|| t.strip_suffix('等')).unwrap_or(t).trim();
        if !t.is_empty() {
            out.push(vocab::item(t));
        }
    };
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' | '【' | '[' => depth += 1,
            '）' | ')' | '】' | ']' => depth = depth.saturating_sub(1),
            // `Android,ID`: a comma between Latin letters or digits stands
            // for a space (text flattened from a table).
            ',' if s[..i].ends_with(|p: char| p.is_ascii_alphanumeric())
                && s[i + 1..].starts_with(|n: char| n.is_ascii_alphanumeric()) => {}
            '、' | '，' | ',' | '；' | ';' | '/' | '\t' | '\n' if depth == 0 => {
                push(&s[start..i], &mut out);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    push(&s[start..], &mut out);
    out
}

/// A data list that leaves its end open: `…等`, `…等信息`, `包括但不限于…`.
pub(super) fn open_ended(s: &str) -> bool {
    let t = s.trim().trim_end_matches(['。', '；', ';', '.', ')', '）']);
    crate::text::has(s, "包括但不限于")
        || crate::text::has(s, "等等")
        || t.ends_with('等')
        || t.ends_with("等信息")
        || t.ends_with("等数据")
}

/// A table cell that wraps over several lines, as one value: data items
/// keep each line as an item (a line that ends without a separator gets
/// one), other fields join the lines.
/// A cell of a comma-flattened row that a line wrap cut in two
/// (`浙江蚂蚁小微金融服,务集团股份有限公司`, `https://www.jiguang.c,n/license`):
/// the comma goes, in a link unless a second link follows, elsewhere between two Chinese characters
/// unless a company's name ends before it (`北京百度网讯科技有限公司,高德集团`
/// names two).
fn join_wrapped_pieces(v: &str, link: bool) -> String {
    if !v.contains(',') || (link && !is_link(v)) {
        return v.to_owned();
    }
    let mut out = String::with_capacity(v.len());
    let mut chars = v.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == ',' {
            let before = v[..i].chars().next_back();
            let after = chars.peek().map(|&(_, a)| a);
            let cjk = |x: Option<char>| x.is_some_and(crate::text::is_cjk);
            let company_ends = lex::COMPANY_ENDINGS.iter().chain(lex::COMPANY_WORD).any(|e| out.ends_with(e));
            // A link goes on in ASCII (`.c,om/p`); a second link or a note
            // after it (`,（该网站为境外网站）`) is no part of it.
            let url_goes_on =
                after.is_some_and(|a| a.is_ascii_alphanumeric() || "/.?=&#%-_~:".contains(a)) && !is_link(&v[i + 1..]);
            if (link && url_goes_on) || (!link && cjk(before) && cjk(after) && !company_ends) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

pub(super) fn join_cell_lines(v: &str, items: bool) -> String {
    if !v.contains('\n') {
        return v.to_owned();
    }
    let mut out = String::with_capacity(v.len());
    for line in v.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if items && !out.is_empty() && !out.ends_with(['、', '，', ',', '；', ';', '/']) {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

/// The table model every table shape feeds: a header's fields and rows of
/// cells, each cell one or more lines of the text.
pub(super) struct Table {
    pub(super) fields: Vec<Option<Field>>,
    pub(super) rows: Vec<Vec<Span>>,
}

impl Table {
    /// One SDK per row that names one; a cell beyond the header that is a
    /// link is the row's link.
    pub(super) fn emit(&self, text: &str, lines: &Lines, out: &mut Vec<Sdk>) {
        for cells in &self.rows {
            let mut row = Row::default();
            for (k, span) in cells.iter().enumerate() {
                let v = &text[span.start..span.end];
                let f = self.fields.get(k).copied().flatten().or_else(|| is_link(v.trim()).then_some(Field::Link));
                match f {
                    Some(f) => row.set(f, v, *span),
                    None => row.widen(*span),
                }
            }
            out.extend(row.into_sdk(text, lines));
        }
    }
}

/// `---|---|---`: the rule under a table's header.
pub(super) fn is_rule(s: &str) -> bool {
    s.contains('-') && s.contains('|') && s.chars().all(|c| matches!(c, '-' | '|' | ':' | ' ' | '\u{3000}'))
}

/// Tables exported from a web page one cell per line, with a lone `|` line
/// between the cells of a row and a `---|---` rule under the header. A cell
/// may wrap over several lines; rows follow one another without a
/// separator, so the last line before a row's first `|` is its first cell.
#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles; inlined in wasm (smaller)
pub(super) fn lone_pipe_tables(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &mut [bool], out: &mut Vec<Sdk>) {
    let bar = |i: usize| cells.get(i).is_some_and(|c| c.text == "|" || c.text == "｜");
    let mut i = 0;
    while i < cells.len() {
        if used[i] || !is_rule(cells[i].text) {
            i += 1;
            continue;
        }
        let n = cells[i].text.trim_matches('|').split('|').count();
        // The header: n cells separated by n - 1 bars, right above the rule.
        let Some(first) = i.checked_sub(2 * n - 1) else {
            i += 1;
            continue;
        };
        if n < 2 || !(0..n - 1).all(|k| bar(first + 2 * k + 1)) {
            i += 1;
            continue;
        }
        let fields = header_fields((0..n).map(|k| cells[first + 2 * k].text));
        if !fields.contains(&Some(Field::Name)) {
            i += 1;
            continue;
        }
        // The body: chunks of lines between bars.
        let mut rows: Vec<Vec<Span>> = Vec::new();
        let mut row: Vec<Span> = Vec::new();
        let mut chunk: Vec<usize> = Vec::new();
        let mut j = i + 1;
        let span_of = |chunk: &[usize]| Span::new(cells[chunk[0]].span.start, cells[chunk[chunk.len() - 1]].span.end);
        while j < cells.len() {
            let c = cells[j];
            if bar(j) {
                if chunk.is_empty() {
                    break;
                }
                if row.len() == n - 1 {
                    // The last cell of this row, then the next row's first.
                    let next = chunk.pop().unwrap_or(j);
                    if !chunk.is_empty() {
                        row.push(span_of(&chunk));
                    }
                    rows.push(std::mem::take(&mut row));
                    chunk = vec![next];
                }
                row.push(span_of(&chunk));
                chunk.clear();
            } else {
                // A sentence, or a line no bar follows soon, ends the table.
                let ends = c.text.ends_with(['。', '：', ':']) && c.text.chars().count() > 30;
                let bar_soon = (j + 1..(j + 6).min(cells.len())).any(bar);
                if ends || (row.len() == n - 1 && !bar_soon && !chunk.is_empty()) || (row.len() < n - 1 && !bar_soon) {
                    if row.len() == n - 1 && !ends && chunk.is_empty() {
                        chunk.push(j);
                        j += 1;
                    }
                    break;
                }
                chunk.push(j);
            }
            j += 1;
        }
        if row.len() == n - 1 && !chunk.is_empty() {
            row.push(span_of(&chunk));
            rows.push(row);
        }
        for u in &mut used[first..j] {
            *u = true;
        }
        Table { fields, rows }.emit(text, lines, out);
        i = j;
    }
}

/// A run of ≥2 header cells (one per line) with a name column, then rows of
/// that many cells; a row may carry one more cell if it is a link.
#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles; inlined in wasm (smaller)
pub(super) fn flattened_tables(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &mut [bool], out: &mut Vec<Sdk>) {
    let mut i = 0;
    while i < cells.len() {
        let mut j = i;
        while j < cells.len() && field_of(cells[j].text).is_some() && !cells[j].text.contains(['：', ':']) {
            j += 1;
        }
        let header: Vec<Field> = header_fields(cells[i..j].iter().map(|c| c.text)).into_iter().flatten().collect();
        if header.len() < 2 || !header.contains(&Field::Name) {
            i = j.max(i + 1);
            continue;
        }
        for u in &mut used[i..j] {
            *u = true;
        }
        let n = header.len();
        let has_link = header.contains(&Field::Link);
        // Rows whose cells a copy joined with single spaces, one row a line;
        // else rows of `n` cells one a line, perhaps with a link after them.
        let mut rows: Vec<Vec<Span>> = Vec::new();
        while let Some(parts) = cells.get(j).and_then(|c| space_joined_row(c.text, n)) {
            let c = cells[j];
            rows.push(parts.iter().map(|&(a, z)| Span::new(c.span.start + a, c.span.start + z)).collect());
            used[j] = true;
            j += 1;
        }
        let joined = !rows.is_empty();
        while !joined && j + n <= cells.len() && cells[j..j + n].iter().all(|c| table_cell(c.text)) {
            let mut end = j + n;
            if !has_link && end < cells.len() && is_link(cells[end].text) {
                end += 1;
            }
            rows.push(cells[j..end].iter().map(|c| c.span).collect());
            for u in &mut used[j..end] {
                *u = true;
            }
            j = end;
        }
        let fields = header.iter().map(|f| Some(*f)).collect();
        Table { fields, rows }.emit(text, lines, out);
        i = j;
    }
}

/// A row of `n` cells joined by single spaces (`友盟统计SDK 友盟同欣（北京）科技有限公司
/// 统计 设备信息、网络信息 https://…`). A Latin word after a name (`阿里云OCR SDK`,
/// `环信IM SDK`) stays with it.
pub(super) fn space_joined_row(s: &str, n: usize) -> Option<Vec<(usize, usize)>> {
    if !s.contains(' ') || s.ends_with(['。', '：', ':']) {
        return None;
    }
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for piece in s.split(' ') {
        if !piece.is_empty() {
            parts.push((at, at + piece.len()));
        }
        at += piece.len() + 1;
    }
    // Merge a Latin word that is not a URL into the piece before it while
    // there are too many pieces.
    let mut k = 1;
    while parts.len() > n && k < parts.len() {
        let piece = &s[parts[k].0..parts[k].1];
        if piece.is_ascii() && !crate::text::has(piece, "://") && !piece.starts_with("www.") {
            parts[k - 1].1 = parts[k].1;
            parts.remove(k);
        } else {
            k += 1;
        }
    }
    (parts.len() == n && n >= 3).then_some(parts)
}

/// A cell of a flattened table: short, not a sentence, not a heading of what follows.
pub(super) fn table_cell(s: &str) -> bool {
    s.chars().count() <= 300
        && !s.ends_with(['：', ':', '。'])
        && field_name(s).and_then(|n| exact_field(&n)).is_none()
        && !s.starts_with(|c: char| {
            "（(一二三四五六七八九十第".contains(c)
                && s.chars().count() < 30
                && s.contains(['、', '）', ')'])
                && !crate::text::has(s, "SDK")
        })
}

/// How a delimited table separates its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Delim {
    /// `|`, with or without a leading and trailing one.
    Pipe,
    Tab,
    /// Runs of two or more spaces (a header copied from a page).
    Spaces,
    /// ASCII commas, not between Latin letters or digits (text flattened
    /// from a table, where `Android,ID` is one word).
    Comma,
}

/// Byte ranges of the cells of `s` split by `d`, trimmed.
pub(super) fn split_by(s: &str, d: Delim) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let w = match d {
            Delim::Pipe if b[i] == b'|' => 1,
            Delim::Tab if b[i] == b'\t' => 1,
            Delim::Spaces if b[i] == b' ' || b[i] == b'\t' => {
                let n = b[i..].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
                if n >= 2 || b[i] == b'\t' {
                    n
                } else {
                    0
                }
            }
            Delim::Comma if b[i] == b',' => {
                let latin = |c: Option<&u8>| c.is_some_and(u8::is_ascii_alphanumeric);
                // `SDK,1.手机唯一标识码`: a numbered item starts a cell.
                let numbered = b.get(i + 1).is_some_and(u8::is_ascii_digit)
                    && matches!(b.get(i + 2), Some(b'.'))
                    && !b.get(i + 3).is_some_and(u8::is_ascii_digit);
                usize::from(numbered || !(i > 0 && latin(b.get(i - 1)) && latin(b.get(i + 1))))
            }
            _ => 0,
        };
        if w > 0 {
            cuts.push((i, i + w));
            i += w;
        } else {
            i += 1;
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (a, z) in cuts.into_iter().chain(std::iter::once((s.len(), s.len()))) {
        let part = &s[start..a];
        let lead = part.len() - part.trim_start().len();
        out.push((start + lead, start + lead + part.trim().len()));
        start = z;
    }
    if d == Delim::Pipe {
        // A leading or trailing `|` opens or closes the row, it holds no cell.
        if out.first().is_some_and(|&(a, z)| a == z) && s.trim_start().starts_with('|') {
            out.remove(0);
        }
        if out.last().is_some_and(|&(a, z)| a == z) && s.trim_end().ends_with('|') {
            out.pop();
        }
    }
    out
}

/// The header of a delimited table: its delimiter and fields, when the line
/// splits into two or more column names with a name column.
pub(super) fn delimited_header(s: &str) -> Option<(Delim, Vec<Option<Field>>)> {
    // ASCII delimiters are looked for as bytes (memchr): a `char` array
    // pattern decodes every character of the line.
    let b = s.as_bytes();
    if memchr::memchr(b',', b).is_some() && memchr::memchr2(b'|', b'\t', b).is_none() {
        if let Some(found) = comma_header(s) {
            return Some(found);
        }
    }
    // Most lines hold no delimiter at all.
    memchr::memchr3(b'|', b'\t', b' ', b)?;
    for d in [Delim::Pipe, Delim::Tab, Delim::Spaces] {
        let parts = split_by(s, d);
        // Column names hold no `key：value`.
        if parts.len() < 2 || parts.iter().any(|&(a, z)| s[a..z].trim_end_matches(['：', ':']).contains(['：', ':']))
        {
            continue;
        }
        let fields = header_fields(parts.iter().map(|&(a, z)| &s[a..z]));
        if fields.contains(&Some(Field::Name)) && fields.iter().flatten().count() >= 2 {
            return Some((d, fields));
        }
    }
    // `第三方公司名称 产品/服务 涉及个人信息 使用场景`: single spaces, every
    // word a column name. Its rows are found by their own delimiter.
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() >= 3 {
        let fields = header_fields(words.iter().copied());
        if fields.iter().all(Option::is_some) && fields.contains(&Some(Field::Name)) {
            return Some((Delim::Spaces, fields));
        }
    }
    None
}

/// A header that flattening left comma-separated, perhaps after the sentence
/// that introduced the table (CAPP-130 rw_104: `目前我们接入的第三方合作伙伴权限
/// 情况如下：,第三方服务名称,合作伙伴名称,具体功能,获取的权限/信息,合作伙伴网站`):
/// three or more cells, every one a column name, one of them the name's.
fn comma_header(s: &str) -> Option<(Delim, Vec<Option<Field>>)> {
    let parts = split_by(s, Delim::Comma);
    let lead_in = parts.first().is_some_and(|&(a, z)| s[a..z].ends_with(['：', ':']));
    let cells = &parts[usize::from(lead_in)..];
    if cells.len() < 3 || cells.iter().any(|&(a, z)| s[a..z].contains(['：', ':'])) {
        return None;
    }
    let fields = header_fields(cells.iter().map(|&(a, z)| &s[a..z]));
    (fields.iter().all(Option::is_some) && fields.contains(&Some(Field::Name))).then_some((Delim::Comma, fields))
}

/// Tables one row a line: Markdown pipe tables (with or without the outer
/// `|`), tab-separated rows, and rows that flattening left comma-separated
/// under a tab or wide-space header. A row whose cells wrap onto the next
/// lines is read on until it has all its cells.
#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles; inlined in wasm (smaller)
pub(super) fn delimited_tables(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &mut [bool], out: &mut Vec<Sdk>) {
    let mut i = 0;
    while i < cells.len() {
        let Some((delim, fields)) = (!used[i]).then(|| delimited_header(cells[i].text)).flatten() else {
            i += 1;
            continue;
        };
        used[i] = true;
        let mut reader =
            RowReader { delim, n: fields.len(), fields: &fields, rows: Vec::new(), row: Vec::new(), comma_rows: 0 };
        let mut j = i + 1;
        while j < cells.len() && !used[j] {
            let c = cells[j];
            if !is_rule(c.text) && !reader.take_line(c, cells.get(j + 1)) {
                break;
            }
            used[j] = true;
            j += 1;
        }
        let rows = reader.finish();
        Table { fields, rows }.emit(text, lines, out);
        i = j;
    }
}

/// The rows of a delimited table, read a line at a time under its header.
struct RowReader<'f> {
    delim: Delim,
    fields: &'f [Option<Field>],
    /// The number of columns.
    n: usize,
    rows: Vec<Vec<Span>>,
    /// The row being read, when its cells may wrap onto the next line.
    row: Vec<Span>,
    /// How many rows were comma-separated lines.
    comma_rows: usize,
}

impl RowReader<'_> {
    /// Whether a comma-separated line holds (nearly) a full row.
    fn full_comma_row(&self, t: &str) -> bool {
        let commas = split_by(t, Delim::Comma).len();
        commas + 1 >= self.n || commas >= 3 && commas + 2 >= self.n
    }

    /// Reads a line of the table; false when the table ends before it.
    fn take_line(&mut self, c: Cell<'_>, next: Option<&Cell<'_>>) -> bool {
        // Under a comma header every row is a comma row; a line of the
        // table flattened another way (spaces only) is passed over.
        if self.delim == Delim::Comma {
            // `2.,转让,我们不会…`: the next numbered part of the policy, its
            // marker alone before the first comma, ends the table.
            let first = split_by(c.text, Delim::Comma).first().map_or("", |&(a, z)| &c.text[a..z]);
            if first.chars().count() <= 3 && crate::segment::marker::parse(first).is_some_and(|m| m.len == first.len())
            {
                return false;
            }
            return self.take_comma_line(c, next)
                || (!c.text.contains(',') && next.is_some_and(|n| self.full_comma_row(n.text)));
        }
        // The row's delimiter: the header's, or commas where flattening
        // replaced tabs and wide spaces.
        let parts = split_by(c.text, self.delim);
        if parts.len() < 2 && self.delim != Delim::Pipe && self.take_comma_line(c, next) {
            return true;
        }
        let incomplete = !self.row.is_empty() && self.row.len() < self.n;
        // A line of delimiters alone (`|`) holds no cell to continue a row with.
        if parts.is_empty() || (parts.len() < 2 && !incomplete) {
            return false;
        }
        let spans: Vec<Span> = parts.iter().map(|&(a, z)| Span::new(c.span.start + a, c.span.start + z)).collect();
        if incomplete {
            // The first piece continues the last cell.
            let last = self.row.last_mut().expect("row is not empty");
            *last = Span::new(last.start, spans[0].end.max(last.end));
            self.row.extend_from_slice(&spans[1..]);
        } else {
            if !self.row.is_empty() {
                self.rows.push(std::mem::take(&mut self.row));
            }
            self.row = spans;
        }
        true
    }

    /// Reads a line without the header's delimiter as a comma-separated row,
    /// or as the second half of one the copy broke in two; false when it is
    /// neither.
    fn take_comma_line(&mut self, c: Cell<'_>, next: Option<&Cell<'_>>) -> bool {
        // A row the copy broke in two: its second line, between full
        // rows, belongs to the row before.
        if self.comma_rows > 0
            && c.text.contains(',')
            && !self.full_comma_row(c.text)
            && next.is_some_and(|next| self.full_comma_row(next.text))
        {
            if let Some(last) = self.rows.last_mut().and_then(|r| r.last_mut()) {
                *last = Span::new(last.start, c.span.end);
            }
            return true;
        }
        if self.full_comma_row(c.text) {
            self.comma_rows += 1;
            // One row a line; which commas part the cells is
            // decided by what each column holds.
            if !self.row.is_empty() {
                self.rows.push(std::mem::take(&mut self.row));
            }
            let cells = align::align(c.text, &align::pieces(c.text), self.fields);
            self.rows.push(cells.iter().map(|&(a, z)| Span::new(c.span.start + a, c.span.start + z)).collect());
            return true;
        }
        false
    }

    /// The rows read, with the extra pieces of a row with more cells than
    /// columns merged back into one cell.
    fn finish(mut self) -> Vec<Vec<Span>> {
        if !self.row.is_empty() {
            self.rows.push(std::mem::take(&mut self.row));
        }
        let n = self.n;
        // More cells than columns: the extra pieces were commas inside a
        // cell, most often a list of data items.
        let data_col = self.fields.iter().position(|f| *f == Some(Field::Data));
        for r in &mut self.rows {
            if r.len() > n && !self.fields.contains(&Some(Field::Link)) || r.len() > n + 1 {
                let extra = r.len() - n;
                let at = data_col.unwrap_or(n - 1).min(r.len() - 1 - extra);
                let merged = Span::new(r[at].start, r[at + extra].end);
                r.splice(at..=at + extra, std::iter::once(merged));
            }
        }
        self.rows
    }
}

/// The value after a data label inside a cell (`数据类型：…`, `个人信息类型：…`),
/// up to the end of its sentence.
pub(super) fn labelled_data(v: &str) -> Option<&str> {
    let at = lex::DATA_LABELS.iter().find_map(|k| v.find(k).map(|p| p + k.len()))?;
    let rest = &v[at..];
    let end = rest.find('。').unwrap_or(rest.len());
    let value = rest[..end].trim();
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_chars_are_sorted_for_the_binary_search() {
        assert!(KEY_CHARS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(field_of("SDK名称"), Some(Field::Name));
        assert_eq!(field_of("我们会在您使用该功能时收集您的设备信息以及网络状态信息并提供给第三方服务商。"), None);
    }

    #[test]
    fn names_of_fields_have_sixteen_characters_at_most() {
        assert!(FIELDS.iter().all(|(k, _)| k.chars().count() <= 16));
        // Up to sixteen characters, spaces and colons aside, name a field.
        assert_eq!(field_of("第三方 SDK 提供方的公司名称和所属集团的全称 ：："), None);
        assert_eq!(field_of("第三方SDK提供方公司名称全称： "), Some(Field::Provider));
        assert_eq!(field_of("第三方SDK提供方公司名称全称之一"), None);
    }
}
