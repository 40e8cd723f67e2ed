//! Third-party SDKs and other recipients of personal information.
//!
//! Structure first: flattened tables (one cell per line under a header row),
//! HTML tables (`html`), tab-separated and Markdown pipe tables, key–value blocks (`SDK名称：…`),
//! then prose sentences naming SDKs the knowledge base ([`kb`]) knows. The
//! text wins over the knowledge base; a provider taken from it is marked
//! `knowledge_base`. A policy that only points to a list elsewhere
//! (`点此查看…SDK详情`) sets `external_list` and gets no rows. Every pass is a
//! single walk over the lines.

pub mod kb;
mod merge;
mod push;

use crate::report::{DataItem, Evidence, Node, ProviderFrom, Recipient, Sdk, Span};
use crate::text::{evidence, normalize, trim_span, Lines};
pub use kb::{Kb, KbEntry};

/// What the SDK pass found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SdkExtraction {
    pub sdks: Vec<Sdk>,
    pub recipients: Vec<Recipient>,
    /// Where the policy says its SDK list is on another page (点此查看 …),
    /// when it gives no list in the text.
    pub external_list: Option<Span>,
}

/// Words that point elsewhere, and words that name a list or its details.
const POINTERS: &[&str] =
    &["点此查看", "点击查看", "请查看", "详见", "请查阅", "点击链接", "链接查看", "点此了解", "点击了解"];
const LISTS: &[&str] = &["详情", "清单", "列表", "目录", "说明", "名单"];

pub fn extract(text: &str, lines: &Lines, outline: &[Node]) -> SdkExtraction {
    extract_with(text, lines, outline, Kb::builtin())
}

/// [`extract`] with a knowledge base of the caller's (tests, or none).
pub fn extract_with(text: &str, lines: &Lines, outline: &[Node], kb: &Kb) -> SdkExtraction {
    let mut out = SdkExtraction::default();
    let cells = cells(text, lines);
    let mut used = vec![false; cells.len()];
    lone_pipe_tables(text, lines, &cells, &mut used, &mut out.sdks);
    flattened_tables(text, lines, &cells, &mut used, &mut out.sdks);
    delimited_tables(text, lines, &cells, &mut used, &mut out.sdks);
    key_value_blocks(text, lines, &cells, &mut used, kb, &mut out.sdks);
    list_items(text, lines, &cells, &mut used, kb, &mut out.sdks);
    grouped_by_provider(text, lines, &cells, &mut used, &mut out.sdks);
    prose(text, lines, &cells, &used, kb, &mut out.sdks);
    let mut split = Vec::with_capacity(out.sdks.len());
    for sdk in out.sdks.drain(..) {
        match push::split_name(&sdk) {
            Some(each) => split.extend(each),
            None => split.push(sdk),
        }
    }
    out.sdks = split;
    for sdk in &mut out.sdks {
        fill_from_kb(sdk, kb);
    }
    merge::same_sdks(&mut out.sdks);
    // In the order the policy names them, whichever pass found them.
    out.sdks.sort_by_key(|s| s.evidence.iter().map(|e| e.span.start).min().unwrap_or(usize::MAX));
    expand_definitions(&cells, &mut out.sdks);
    out.recipients = recipients(text, lines, &cells, kb);
    // A payment module the policy calls an SDK (`第三方支付SDK“支付宝、微信支付”`)
    // is also a payment institution that receives data.
    for sdk in out.sdks.iter().filter(|s| s.category.as_deref() == Some("payment")) {
        let named = |r: &Recipient| r.name.contains(sdk.name.as_str()) || sdk.name.contains(r.name.as_str());
        if !out.recipients.iter().any(|r| r.kind == "payment" && named(r)) {
            out.recipients.push(Recipient {
                name: sdk.name.clone(),
                kind: "payment".to_owned(),
                evidence: sdk.evidence.iter().take(1).cloned().collect(),
                data: sdk.data.clone(),
            });
        }
    }
    if out.sdks.is_empty() {
        out.external_list = external_list(text, outline);
    }
    out
}

/// A non-blank line, trimmed.
#[derive(Debug, Clone, Copy)]
struct Cell<'a> {
    text: &'a str,
    span: Span,
}

fn cells<'a>(text: &'a str, lines: &Lines) -> Vec<Cell<'a>> {
    let mut out = Vec::new();
    for &s in lines.spans() {
        let (t, span) = trim_span(&text[s.start..s.end], s.start);
        if !t.is_empty() {
            out.push(Cell { text: t, span });
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Provider,
    Purpose,
    Data,
    Method,
    Permission,
    Link,
}

/// Column and key names policies use, normalised.
const FIELDS: &[(&str, Field)] = &[
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
fn field_name(cell: &str) -> Option<String> {
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
fn exact_field(name: &str) -> Option<Field> {
    FIELDS.iter().find(|(k, _)| *k == name).map(|(_, f)| *f)
}

fn field_of(cell: &str) -> Option<Field> {
    // Every column or key name holds one of these characters; most lines hold
    // none in their first 40 and are rejected before any allocation.
    const KEY_CHARS: &str =
        "名称方目场功用信息数据字段权链官网政策址规则主公司机构开发运提供所属式类型产品服务第三合作伙伴业务内容项SsUu";
    if !cell.chars().take(41).any(|c| KEY_CHARS.contains(c)) {
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
    let has = |ws: &[&str]| ws.iter().any(|w| n.contains(w));
    // By meaning, in order: a column of links, of data, of permissions, of
    // the manner of sharing, of the company, of the name, of the purpose.
    if has(&["链接", "官网", "隐私政策", "隐私权政策", "网址", "url", "处理规则", "规则"]) {
        Some(Field::Link)
    } else if has(&["方式"]) {
        Some(Field::Method)
    } else if has(&["个人信息", "字段", "信息类型", "数据类型", "共享信息", "收集信息", "信息内容", "数据项"])
        || (has(&["信息", "数据"])
            && !has(&["名称", "类型", "场景", "目的", "主体", "提供者", "提供方", "公司", "机构", "开发者"]))
    {
        Some(Field::Data)
    } else if has(&["权限"]) {
        Some(Field::Permission)
    } else if has(&["主体", "公司", "机构", "提供方", "开发者", "运营方", "提供者", "所属"]) {
        // `第三方SDK提供方的公司名称` names the provider, not the SDK.
        Some(Field::Provider)
    } else if (has(&["名称"]) && has(&["sdk", "插件", "产品", "服务", "第三方", "合作方", "合作伙伴", "伙伴"]))
        || (has(&["产品"]) && !has(&["类型"]))
    {
        Some(Field::Name)
    } else if has(&["目的", "场景", "功能", "用途", "业务"]) {
        Some(Field::Purpose)
    } else if n == "名称"
        || n == "合作伙伴"
        || n == "第三方"
        || ["第三方sdk", "三方sdk", "sdk名", "接入sdk", "sdk产品"].contains(&n)
    {
        Some(Field::Name)
    } else {
        None
    }
}

/// The fields of a header row. Where two columns name something (`SDK名称`
/// and `第三方名称`), the one that is not the SDK's names the third party
/// behind it: the provider.
fn header_fields<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<Option<Field>> {
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
            n.contains("sdk") || ["服务", "产品", "插件", "组件"].iter().any(|w| n.contains(w))
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

/// `SDK名称：微信SDK` → (field, value with its span, whether the key says SDK).
fn key_value(cell: Cell<'_>) -> Option<(Field, &str, Span, bool)> {
    let (i, sep) = cell.text.char_indices().find(|&(_, c)| c == '：' || c == ':')?;
    if i > 40 {
        return None;
    }
    let key = &cell.text[..i];
    let f = field_of(key)?;
    let rest_at = i + sep.len_utf8();
    let (v, span) = trim_span(&cell.text[rest_at..], cell.span.start + rest_at);
    Some((f, v, span, key.to_ascii_lowercase().contains("sdk")))
}

fn is_link(s: &str) -> bool {
    let n = s.trim_start_matches(['(', '（']);
    n.starts_with("http://") || n.starts_with("https://") || n.starts_with("www.")
}

#[derive(Default)]
struct Row {
    name: Option<String>,
    provider: Option<String>,
    purpose: Option<String>,
    data: Option<String>,
    permissions: Option<String>,
    method: Option<String>,
    link: Option<String>,
    span: Option<Span>,
    /// The name came under a key that says SDK (`SDK名称：`).
    name_from_sdk_key: bool,
}

impl Row {
    fn set(&mut self, f: Field, v: &str, span: Span) {
        // Cells of a web page's text view keep the width of the tags and
        // entities they held (`个推<b>SDK</b>`, `设备信息&amp;应用列表`).
        let v = join_cell_lines(v, f == Field::Data);
        let v = crate::text::join_space_runs(v.trim().trim_end_matches(['。', ';', '；', ',', '，']).trim_end());
        self.span = Some(match self.span {
            Some(s) => Span::new(s.start.min(span.start), s.end.max(span.end)),
            None => span,
        });
        if v.is_empty() {
            return;
        }
        // `访问联网、设备信息。用户信息/数据类型：设备标识信息。`: the part a
        // data cell labels as the data is the data.
        let v = match f {
            Field::Data => labelled_data(&v).map_or(v.clone(), str::to_owned),
            _ => v,
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
    fn widen(&mut self, span: Span) {
        self.span = Some(match self.span {
            Some(s) => Span::new(s.start.min(span.start), s.end.max(span.end)),
            None => span,
        });
    }

    fn into_sdk(self, text: &str, lines: &Lines) -> Option<Sdk> {
        let name = self.name?;
        // `SDK：SDK是指…一组工具和/或代码` defines the word; it names nothing.
        if name.chars().count() > 40 || name.starts_with(['是', '指']) || name.contains("是指") || junk_name(&name)
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

fn split_list(s: &str) -> Vec<String> {
    s.split(['、', '，', ',', '；', ';', '/', '\t'])
        .map(|x| x.trim().trim_end_matches(['。', '.']).trim())
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Data items: split at the separators outside brackets, so that
/// `设备信息（IMEI、OAID）` stays one item with its clarification; a leading
/// `包括` and a trailing `等` dropped.
fn data_items(s: &str) -> Vec<DataItem> {
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
fn open_ended(s: &str) -> bool {
    let t = s.trim().trim_end_matches(['。', '；', ';', '.', ')', '）']);
    s.contains("包括但不限于")
        || s.contains("等等")
        || t.ends_with('等')
        || t.ends_with("等信息")
        || t.ends_with("等数据")
}

/// A table cell that wraps over several lines, as one value: data items
/// keep each line as an item (a line that ends without a separator gets
/// one), other fields join the lines.
fn join_cell_lines(v: &str, items: bool) -> String {
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

mod align;
pub mod vocab;

/// The table model every table shape feeds: a header's fields and rows of
/// cells, each cell one or more lines of the text.
struct Table {
    fields: Vec<Option<Field>>,
    rows: Vec<Vec<Span>>,
}

impl Table {
    /// One SDK per row that names one; a cell beyond the header that is a
    /// link is the row's link.
    fn emit(&self, text: &str, lines: &Lines, out: &mut Vec<Sdk>) {
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
fn is_rule(s: &str) -> bool {
    s.contains('-') && s.contains('|') && s.chars().all(|c| matches!(c, '-' | '|' | ':' | ' ' | '\u{3000}'))
}

/// Tables exported from a web page one cell per line, with a lone `|` line
/// between the cells of a row and a `---|---` rule under the header. A cell
/// may wrap over several lines; rows follow one another without a
/// separator, so the last line before a row's first `|` is its first cell.
fn lone_pipe_tables(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &mut [bool], out: &mut Vec<Sdk>) {
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
fn flattened_tables(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &mut [bool], out: &mut Vec<Sdk>) {
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
fn space_joined_row(s: &str, n: usize) -> Option<Vec<(usize, usize)>> {
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
        if piece.is_ascii() && !piece.contains("://") && !piece.starts_with("www.") {
            parts[k - 1].1 = parts[k].1;
            parts.remove(k);
        } else {
            k += 1;
        }
    }
    (parts.len() == n && n >= 3).then_some(parts)
}

/// A cell of a flattened table: short, not a sentence, not a heading of what follows.
fn table_cell(s: &str) -> bool {
    s.chars().count() <= 300
        && !s.ends_with(['：', ':', '。'])
        && field_name(s).and_then(|n| exact_field(&n)).is_none()
        && !s.starts_with(|c: char| {
            "（(一二三四五六七八九十第".contains(c)
                && s.chars().count() < 30
                && s.contains(['、', '）', ')'])
                && !s.contains("SDK")
        })
}

/// How a delimited table separates its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Delim {
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
fn split_by(s: &str, d: Delim) -> Vec<(usize, usize)> {
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
fn delimited_header(s: &str) -> Option<(Delim, Vec<Option<Field>>)> {
    // Most lines hold no delimiter at all.
    if !s.contains(['|', '\t', ' ']) {
        return None;
    }
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

/// Tables one row a line: Markdown pipe tables (with or without the outer
/// `|`), tab-separated rows, and rows that flattening left comma-separated
/// under a tab or wide-space header. A row whose cells wrap onto the next
/// lines is read on until it has all its cells.
fn delimited_tables(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &mut [bool], out: &mut Vec<Sdk>) {
    let mut i = 0;
    while i < cells.len() {
        let Some((delim, fields)) = (!used[i]).then(|| delimited_header(cells[i].text)).flatten() else {
            i += 1;
            continue;
        };
        let n = fields.len();
        used[i] = true;
        let mut rows: Vec<Vec<Span>> = Vec::new();
        let mut row: Vec<Span> = Vec::new();
        let mut comma_rows = 0;
        let mut j = i + 1;
        while j < cells.len() && !used[j] {
            let c = cells[j];
            if is_rule(c.text) {
                used[j] = true;
                j += 1;
                continue;
            }
            // The row's delimiter: the header's, or commas where flattening
            // replaced tabs and wide spaces.
            let parts = split_by(c.text, delim);
            let full_comma_row = |t: &str| {
                let commas = split_by(t, Delim::Comma).len();
                commas + 1 >= n || commas >= 3 && commas + 2 >= n
            };
            if parts.len() < 2 && delim != Delim::Pipe {
                // A row the copy broke in two: its second line, between full
                // rows, belongs to the row before.
                if comma_rows > 0
                    && c.text.contains(',')
                    && !full_comma_row(c.text)
                    && cells.get(j + 1).is_some_and(|next| full_comma_row(next.text))
                {
                    if let Some(last) = rows.last_mut().and_then(|r| r.last_mut()) {
                        *last = Span::new(last.start, c.span.end);
                    }
                    used[j] = true;
                    j += 1;
                    continue;
                }
                if full_comma_row(c.text) {
                    comma_rows += 1;
                    // One row a line; which commas part the cells is
                    // decided by what each column holds.
                    if !row.is_empty() {
                        rows.push(std::mem::take(&mut row));
                    }
                    let cells = align::align(c.text, &align::pieces(c.text), &fields);
                    rows.push(cells.iter().map(|&(a, z)| Span::new(c.span.start + a, c.span.start + z)).collect());
                    used[j] = true;
                    j += 1;
                    continue;
                }
            }
            let incomplete = !row.is_empty() && row.len() < n;
            if parts.len() < 2 && !incomplete {
                break;
            }
            let spans: Vec<Span> = parts.iter().map(|&(a, z)| Span::new(c.span.start + a, c.span.start + z)).collect();
            if incomplete {
                // The first piece continues the last cell.
                let last = row.last_mut().expect("row is not empty");
                *last = Span::new(last.start, spans[0].end.max(last.end));
                row.extend_from_slice(&spans[1..]);
            } else {
                if !row.is_empty() {
                    rows.push(std::mem::take(&mut row));
                }
                row = spans;
            }
            used[j] = true;
            j += 1;
        }
        if !row.is_empty() {
            rows.push(row);
        }
        // More cells than columns: the extra pieces were commas inside a
        // cell, most often a list of data items.
        let data_col = fields.iter().position(|f| *f == Some(Field::Data));
        for r in &mut rows {
            if r.len() > n && !fields.contains(&Some(Field::Link)) || r.len() > n + 1 {
                let extra = r.len() - n;
                let at = data_col.unwrap_or(n - 1).min(r.len() - 1 - extra);
                let merged = Span::new(r[at].start, r[at + extra].end);
                r.splice(at..=at + extra, std::iter::once(merged));
            }
        }
        Table { fields, rows }.emit(text, lines, out);
        i = j;
    }
}

/// `SDK名称：…` / `使用目的：…` / `收集个人信息：…` blocks, one key per line
/// (or several keys on one line separated by `；`).
fn key_value_blocks(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &mut [bool], kb: &Kb, out: &mut Vec<Sdk>) {
    let mut row: Option<Row> = None;
    for (i, c) in cells.iter().enumerate() {
        if used[i] {
            continue;
        }
        let mut pairs = Vec::new();
        let mut lead: Option<(&str, Span)> = None;
        // A line without a colon holds no key.
        let parts = if c.text.contains(['：', ':']) { kv_parts(c.text) } else { Vec::new() };
        for (n, part) in parts.into_iter().enumerate() {
            let (t, span) = trim_span(part.1, c.span.start + part.0);
            if let Some(kv) = key_value(Cell { text: t, span }) {
                pairs.push(kv);
            } else if n == 0 {
                lead = Some((t, span));
            }
        }
        // `**个推消息推送SDK**` or `微信SDK` on its own line, then its keys: a
        // record whose name is the line above it.
        if row.is_none() && !pairs.is_empty() && !pairs.iter().any(|p| p.0 == Field::Name) && lead.is_none() {
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
                let sdk_like =
                    t.to_ascii_lowercase().contains("sdk") || kb.lookup(t).is_some() || (kinds >= 2 && !heading);
                if short && sdk_like && !t.contains(['：', ':', '。', '，']) && !junk_name(t) {
                    let at = prev.span.start + (t.as_ptr() as usize - prev.text.as_ptr() as usize);
                    pairs.insert(0, (Field::Name, t, Span::new(at, at + t.len()), true));
                }
            }
        }
        // `阿里云一键登录SDK,所属公司：…,使用目的：…`: a record whose name
        // comes before its first key.
        if pairs.len() >= 2 && !pairs.iter().any(|p| p.0 == Field::Name) {
            if let Some((t, span)) = lead {
                let name = strip_list_marker(lead_name(t).trim_end_matches([',', '，', '：', ':', '；', ';', ' ']));
                let name = without_trailing_aliases(name);
                if (1..=30).contains(&name.chars().count()) && !name.contains(['。', '？', '：', '，', '“', '”'])
                {
                    let at = span.start + (name.as_ptr() as usize - t.as_ptr() as usize);
                    pairs.insert(0, (Field::Name, name, Span::new(at, at + name.len()), true));
                }
            }
        }
        // `微信开放平台隐私政策：https://…`: a line per SDK under an SDK heading.
        if pairs.len() == 1 && pairs[0].0 == Field::Link && lead.is_none() {
            let key_end = c.text.find(['：', ':']).unwrap_or(0);
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
        let names_or_continues = pairs.iter().any(|p| p.0 == Field::Name) || (row.is_some() && !pairs.is_empty());
        if pairs.is_empty() || !names_or_continues {
            if let Some(r) = row.take() {
                out.extend(r.into_sdk(text, lines));
            }
            continue;
        }
        used[i] = true;
        for (mut f, v, span, sdk_key) in pairs {
            // `第三方名称：` inside an `SDK名称：` record names its provider.
            if f == Field::Name && !sdk_key && row.as_ref().is_some_and(|r| r.name_from_sdk_key && r.provider.is_none())
            {
                f = Field::Provider;
            }
            if f == Field::Name {
                if let Some(r) = row.take() {
                    out.extend(r.into_sdk(text, lines));
                }
                row = Some(Row { name_from_sdk_key: sdk_key, ..Row::default() });
            }
            if let Some(r) = row.as_mut() {
                r.set(f, v, span);
            }
        }
    }
    if let Some(r) = row.take() {
        out.extend(r.into_sdk(text, lines));
    }
}

/// The name that opens a record line, up to the comma after which comes
/// something else: an alias in brackets (`移动安全联盟SDK,（MSA,移动安全联盟,SDK）`),
/// a note (`,由此SDK引入：…`, `,该SDK由…引入`) or a key. Commas inside
/// brackets, and commas that stand for spaces (`腾讯云,移动直播,SDK`), stay.
fn lead_name(t: &str) -> &str {
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
fn without_trailing_aliases(s: &str) -> &str {
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
fn kv_parts(s: &str) -> Vec<(usize, &str)> {
    let mut starts: Vec<usize> = vec![0];
    for (c, ch) in s.char_indices().filter(|&(_, ch)| ch == '：' || ch == ':') {
        // `https:` is no key.
        if ch == ':' && s[c..].starts_with("://") {
            continue;
        }
        // The key runs back from the colon, at most 16 characters, to a
        // separator or to where a URL or Latin word before it ends
        // (`…/privacy第三方SDK名称：`); the longest that names a field wins.
        let head = &s[..c];
        let mut best = None;
        for (count, (at, x)) in head.char_indices().rev().enumerate() {
            if count >= 16 || x.is_whitespace() || "；;，,。、)）】".contains(x) {
                break;
            }
            let before = head[..at].chars().next_back();
            let starts = before
                .is_none_or(|p| p.is_whitespace() || "；;，,。、)）】".contains(p) || (p.is_ascii() && !x.is_ascii()));
            // A bare `SDK：` is a key only where the line begins (`Bugly,SDK：` is a name).
            let bare_sdk = s[at..c].trim().eq_ignore_ascii_case("sdk") && at > 0;
            if starts && !bare_sdk && field_of(&s[at..c]).is_some() {
                best = Some(at);
            }
        }
        if let Some(k) = best {
            if k > 0 && !starts.contains(&k) {
                starts.push(k);
            }
        }
    }
    for (i, ch) in s.char_indices().filter(|&(_, ch)| ch == '；' || ch == ';') {
        let after = i + ch.len_utf8();
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

/// `…privacy2)`, `…信息（3）`, `…类型 4.`: a list number that belongs to
/// what follows, cut off.
fn strip_trailing_marker(s: &str) -> &str {
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

/// The first URL in `s`: from `http`/`www.` to white space or Chinese
/// punctuation (a path may hold Chinese words: `…/qq互联sdk隐私保护声明`),
/// an unopened closing bracket or trailing `.` left out.
fn url_in(s: &str) -> Option<String> {
    // Where a row gives several (an official site and a policy page), the
    // policy page.
    let urls: Vec<String> = url_ranges(s).into_iter().filter_map(|(a, _)| one_url(&s[a..])).collect();
    let policy = |u: &&String| {
        let l = u.to_ascii_lowercase();
        ["privacy", "policy", "隐私", "agreement", "legal", "protocol", "terms", "announce", "notice"]
            .iter()
            .any(|w| l.contains(w))
    };
    urls.iter().find(policy).or(urls.first()).cloned()
}

/// The URL at the start of `rest`.
fn one_url(rest: &str) -> Option<String> {
    let end = rest
        .char_indices()
        .find(|&(i, c)| {
            c.is_whitespace()
                || "，；。、“”《》【】|".contains(c)
                || (c == ',' && rest[i + 1..].chars().next().is_none_or(|n| !n.is_ascii()))
        })
        .map_or(rest.len(), |(i, _)| i);
    let mut url = &rest[..end];
    while let Some(c) = url.chars().next_back() {
        let unopened = (c == ')' && !url.contains('(')) || (c == '）' && !url.contains('（'));
        if unopened || matches!(c, '.' | ',' | ';' | ':' | '"' | '\'') {
            url = &url[..url.len() - c.len_utf8()];
        } else {
            break;
        }
    }
    (url.len() > 8).then(|| url.to_owned())
}

/// `1.`, `（2）`, `3)`, `①`, `a.`: a list marker at the start, cut off.
fn strip_list_marker(s: &str) -> &str {
    let t = s.trim_start();
    let t = t.trim_start_matches(['（', '(']);
    let digits = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = if digits.len() < t.len() && t.len() - digits.len() <= 3 {
        digits.trim_start_matches(['.', '．', '、', ')', '）', ',', ' ', '.'])
    } else if t.starts_with(|c: char| ('①'..='⑳').contains(&c)) {
        &t[t.chars().next().map_or(0, char::len_utf8)..]
    } else {
        return s.trim_start();
    };
    rest.trim_start()
}

/// Sentences naming SDKs: `通过友盟SDK、诸葛IO SDK、腾讯Bugly SDK收集运行数据`.
/// Names are the words written before `SDK` and the names the knowledge base
/// knows, in sentences that speak of SDKs; the sentence gives data and purpose.
fn prose(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &[bool], kb: &Kb, out: &mut Vec<Sdk>) {
    // Each name once, by where it is in `out`; a name met again adds its
    // sentence to the evidence (a few at most).
    let mut seen: std::collections::HashMap<String, usize> =
        out.iter().enumerate().map(|(i, s)| (normalize(&s.name), i)).collect();
    let has_sdk = |s: &str| s.as_bytes().windows(3).any(|w| w.eq_ignore_ascii_case(b"sdk"));
    let has_push = |s: &str| s.contains("推送") || s.as_bytes().windows(4).any(|w| w.eq_ignore_ascii_case(b"push"));
    for (i, c) in cells.iter().enumerate() {
        if used[i] || !(has_sdk(c.text) || has_push(c.text)) {
            continue;
        }
        let all_sentences = sentences(c.text);
        for &(at, sentence) in &all_sentences {
            if has_push(sentence) {
                let span = Span::new(c.span.start + at, c.span.start + at + sentence.len());
                push::in_sentence(text, lines, sentence, span, out);
            }
            let b = sentence.as_bytes();
            if !has_sdk(sentence) && !sentence.contains('《') {
                continue;
            }
            let mut names: Vec<(usize, usize)> = Vec::new();
            let mut k = 0;
            while k + 3 <= b.len() {
                if b[k..k + 3].eq_ignore_ascii_case(b"sdk") {
                    if let Some(start) = name_before(sentence, k) {
                        names.push((start, k + 3));
                    }
                    k += 3;
                } else {
                    k += 1;
                }
            }
            // `names` is in order and without overlaps: a binary search finds
            // whether a knowledge-base match overlaps one.
            // A name in prose written only in Chinese words is a name when
            // something is left after the words that only say what kind of
            // SDK it is (`移动登录SDK`, `视频客服SDK`; not `应用安全SDK`,
            // `推送SDK`), or when the knowledge base knows it.
            names.retain(|&(a, z)| {
                let n = &sentence[a..z - 3];
                n.bytes().any(|b| b.is_ascii_alphanumeric())
                    || kb.lookup(n).is_some()
                    || plain_chinese_name_ok(sentence, a, n)
            });
            // `接入了高德地图及高德定位的SDK`: the names before `的SDK`.
            names.extend(names_before_de_sdk(sentence));
            // `由每日互动股份有限公司提供推送服务…《个推用户隐私政策》`: an SDK
            // named only by the title of its policy.
            names.extend(titled_policies(sentence, kb));
            // Names in quotes after the word SDK are SDKs, whatever they are
            // (`第三方SDK“A、B、C”`, `第三方SDK“A”、“B”`, an unclosed quote).
            let quoted = quoted_names(sentence);
            names.retain(|&(a, z)| !quoted.iter().any(|&(qa, qz)| a < qz && qa < z));
            names.extend_from_slice(&quoted);
            names.sort_unstable();
            // `微信SDK、支付宝SDK、翼支付、度小满（百度）、银联支付SDK`,
            // `…快手SDK、微博资讯API、快手视频API`: the other items of a list
            // whose items name SDKs are SDKs too.
            let more = list_neighbours(sentence, &names);
            names.extend(more);
            names.sort_unstable();
            let by_token = names.len();
            // Payment institutions are recipients, not SDKs.
            let about_payment = sentence.contains("支付机构") || sentence.contains("金融机构");
            let urls = url_ranges(sentence);
            for (entry, s, e) in kb.find_all(sentence) {
                if entry.category.contains("payment") || about_payment {
                    continue;
                }
                // An alias inside a URL, or after 用于 (`用于微博登录`: a purpose), names nothing.
                let before = &sentence[..s];
                if urls.iter().any(|&(a, z)| a <= s && s < z)
                    || ["用于", "实现", "支持"].iter().any(|w| before.ends_with(w))
                {
                    continue;
                }
                let i = names[..by_token].partition_point(|&(_, z)| z <= s);
                if names[..by_token].get(i).is_none_or(|&(a, _)| a >= e) {
                    names.push((s, e));
                }
            }
            names.sort_unstable();
            let (purpose, mut data) = purpose_and_data(sentence);
            // `…使用A SDK、B SDK。此类SDK会收集您的…`: the next sentence says
            // what the listed SDKs collect.
            // The next sentence may be on the next line (`此SDK直接收集您的…`,
            // `需要访问您的本机设备信息…`).
            if data.is_none() {
                let next = all_sentences.iter().find(|(a, _)| *a > at).map(|(_, n)| n.trim_start()).or_else(|| {
                    let n = cells.get(i + 1).filter(|_| !used.get(i + 1).copied().unwrap_or(true))?;
                    (strip_list_marker(n.text).len() == n.text.len()).then(|| sentences(n.text).first().map(|x| x.1))?
                });
                if let Some(next) = next.filter(|n| {
                    (["此类", "该类", "上述", "这些", "该", "以上", "此"].iter().any(|w| n.starts_with(w))
                        && n.to_ascii_lowercase().contains("sdk"))
                        || ["需要访问", "需要收集", "需要获取", "会收集", "将收集", "可能会收集"]
                            .iter()
                            .any(|w| n.starts_with(w))
                }) {
                    data = purpose_and_data(next).1;
                }
            }
            let span = Span::new(c.span.start + at, c.span.start + at + sentence.len());
            let single = names.len() == 1;
            for (s, e) in names {
                let name = sentence[s..e].trim().to_owned();
                let key = normalize(&name);
                if key.chars().count() < 2 || GENERIC.iter().any(|g| key == *g) || junk_name(&name) {
                    continue;
                }
                if let Some(&k) = seen.get(&key) {
                    if out[k].evidence.len() < 8 {
                        let ev =
                            evidence(text, lines, window(text, span, c.span.start + at + s, c.span.start + at + e));
                        if !out[k].evidence.contains(&ev) {
                            out[k].evidence.push(ev);
                        }
                    }
                    continue;
                }
                seen.insert(key, out.len());
                let provider =
                    company_before(&sentence[..s]).or_else(|| (single).then(|| provider_in(sentence)).flatten());
                let ev = evidence(text, lines, window(text, span, c.span.start + at + s, c.span.start + at + e));
                out.push(found(&name, provider, purpose.clone(), data.as_deref(), ev));
            }
        }
    }
}

/// `接入X及Y的SDK`, `集成了X、Y的SDK`: the names between the verb and `的SDK`
/// (a company there is the provider, not a name).
fn names_before_de_sdk(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let lower = s.to_ascii_lowercase();
    for (k, _) in lower.match_indices("的sdk").chain(lower.match_indices("的 sdk")) {
        let head = &s[..k];
        let Some((v, verb)) = ["接入了", "接入", "集成了", "集成", "嵌入了", "嵌入", "使用了", "使用"]
            .iter()
            .filter_map(|w| head.rfind(w).map(|i| (i, *w)))
            .max_by_key(|&(i, w)| i + w.len())
        else {
            continue;
        };
        let from = v + verb.len();
        let run = &s[from..k];
        if run.chars().count() > 30 || run.contains(['，', '。', '；']) || run.ends_with("公司") {
            continue;
        }
        let mut p = from;
        for part in run.split(['、', '及', '和', '与']) {
            let t = part.trim();
            let a = p + (part.len() - part.trim_start().len());
            if t.chars().count() >= 2 && !generic_words(t) && !NOT_IN_NAMES.iter().any(|w| t.contains(w)) {
                out.push((a, a + t.len()));
            }
            p += part.len() + sep_len(s, p + part.len());
        }
    }
    out
}

/// SDKs named by the title of their own policy, `《个推用户隐私政策》`, when
/// the knowledge base knows the name in it.
fn titled_policies(s: &str, kb: &Kb) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (open, _) in s.match_indices('《') {
        let body_at = open + '《'.len_utf8();
        let Some(close) = s[body_at..].find('》') else { continue };
        let title = &s[body_at..body_at + close];
        let Some(core) = ["用户隐私政策", "隐私政策", "隐私权政策", "个人信息保护政策", "隐私保护声明", "隐私声明"]
            .iter()
            .find_map(|w| title.strip_suffix(w))
        else {
            continue;
        };
        let core = core.trim_end_matches(['的', ' ']);
        // A brand alone (`个推`) is known as its SDK's name.
        if core.chars().count() >= 2 && lookup_brand(kb, core).is_some() {
            out.push((body_at, body_at + core.len()));
        }
    }
    out
}

/// Items of a `、` list next to names already found: between two found
/// names any short item; after the last one, an item named like an
/// interface (`…API`, `…SDK`, `…PUSH`).
fn list_neighbours(s: &str, names: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let item_ok = |t: &str| {
        let n = t.chars().count();
        (2..=16).contains(&n) && !t.contains(['，', '。', '；', '：', '“', '”']) && !junk_name(t)
    };
    for w in names.windows(2) {
        let ((_, z1), (a2, _)) = (w[0], w[1]);
        if z1 >= a2 {
            continue;
        }
        let gap = &s[z1..a2];
        // Only `、item、item、` between them.
        if !gap.starts_with('、') || !gap.ends_with('、') || gap.len() <= '、'.len_utf8() * 2 {
            continue;
        }
        let inner = &gap['、'.len_utf8()..gap.len() - '、'.len_utf8()];
        let mut p = z1 + '、'.len_utf8();
        for item in inner.split('、') {
            let t = item.trim();
            if item_ok(t) {
                let a = p + (item.len() - item.trim_start().len());
                out.push((a, a + t.len()));
            }
            p += item.len() + '、'.len_utf8();
        }
    }
    if let Some(&(_, z)) = names.last().filter(|_| names.len() >= 2) {
        let mut p = z;
        while s[p..].starts_with('、') {
            let from = p + '、'.len_utf8();
            let end = s[from..].find(['、', '，', '。', '；', ',']).map_or(s.len(), |e| from + e);
            let t = s[from..end].trim();
            let upper = t.to_ascii_uppercase();
            if !(item_ok(t) && ["API", "SDK", "PUSH"].iter().any(|x| upper.ends_with(x))) {
                break;
            }
            out.push((from, from + t.len()));
            p = end;
        }
    }
    out
}

/// Byte ranges of the URLs in `s`.
fn url_ranges(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = ["https://", "http://", "www."].iter().filter_map(|p| s[from..].find(p)).min() {
        let a = from + i;
        let len =
            s[a..].find(|c: char| c.is_whitespace() || "，；。、“”《》【】（）()".contains(c)).unwrap_or(s.len() - a);
        out.push((a, a + len));
        from = a + len.max(1);
        while !s.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

/// Names quoted right after the word SDK: `第三方SDK“A、B、C”`,
/// `第三方SDK“A”、“B”、“C”`, `SDK：“A”和“B”`, an unclosed `SDK“A、B，`;
/// also a quoted name that is itself an SDK's (`“极光推送SDK”`).
fn quoted_names(s: &str) -> Vec<(usize, usize)> {
    const OPEN: &[char] = &['“', '「', '"', '『'];
    const CLOSE: &[char] = &['”', '」', '"', '』'];
    let mut out = Vec::new();
    let lower = s.to_ascii_lowercase();
    let mut from = 0;
    while let Some(q) = s[from..].find(OPEN).map(|i| from + i) {
        let before: String = s[..q].chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
        let after_sdk = before.to_ascii_lowercase().contains("sdk");
        let mut at = q;
        let mut any = false;
        // One or more quoted groups, joined by 、 和 及 与.
        while let Some(open) = s[at..].chars().next().filter(|c| OPEN.contains(c)) {
            let body_start = at + open.len_utf8();
            let rest = &s[body_start..];
            let stop = rest.find(['。', '；', ';']).unwrap_or(rest.len());
            let (body_end, next) = match rest[..stop].find(CLOSE) {
                Some(c) => {
                    let close = rest[c..].chars().next().map_or(1, char::len_utf8);
                    (body_start + c, body_start + c + close)
                }
                // Unclosed: up to the clause's end.
                None => {
                    let e = rest.find(['，', '。', '；', ';', ',']).unwrap_or(rest.len());
                    (body_start + e, body_start + e)
                }
            };
            let body = &s[body_start..body_end];
            let is_sdk = lower[body_start..body_end].ends_with("sdk");
            if (after_sdk || is_sdk) && body.chars().count() <= 80 {
                let mut p = body_start;
                for part in body.split(['、', '，', ',', '/']) {
                    let t = part.trim();
                    if t.chars().count() >= 2 && t.chars().count() <= 30 {
                        let a = p + (part.len() - part.trim_start().len());
                        out.push((a, a + t.len()));
                        any = true;
                    }
                    p += part.len() + sep_len(s, p + part.len());
                }
            }
            at = next;
            // Another group follows after 、 和 及 与?
            let tail = &s[at..];
            let skip = ["、", "和", "及", "与", "以及"].iter().find(|w| tail.starts_with(**w)).map_or(0, |w| w.len());
            if skip == 0 || !tail[skip..].starts_with(OPEN) || !(after_sdk || any) {
                break;
            }
            at += skip;
        }
        from = at.max(q + 1);
        while !s.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

/// The length of the separator at `i` (0 at the end).
fn sep_len(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(0, char::len_utf8)
}

/// A "name" that is a phrase of the sentence around it: a clause
/// (`我们集成了前述两项第三方SDK，用于…`), a kind of SDK only (`使用的第三方SDK`,
/// `第三方SDK服务商`), or words with a verb of the sentence (`APP调用人脸识别SDK`).
fn junk_name(name: &str) -> bool {
    let n = name.trim();
    if n.contains(['，', '。', '；']) {
        return true;
    }
    let lower = n.to_ascii_lowercase();
    let without_sdk = lower.replace("sdk", "");
    if without_sdk.bytes().any(|b| b.is_ascii_alphanumeric()) {
        return false;
    }
    let pointer = ["第三方", "相关", "该", "此", "上述", "前述", "使用的", "我们", "服务商", "其他", "以上"];
    // … and words of a heading about SDKs (`第三方SDK收集使用信息说明`).
    let verbs = [
        "参见",
        "调用",
        "采集",
        "关闭",
        "阅读",
        "开通",
        "点击",
        "查看",
        "了解",
        "需要",
        "可能",
        "进行",
        "所需",
        "涉及",
        "收集使用",
        "说明",
        "清单",
        "目录",
    ];
    (pointer.iter().any(|w| n.contains(w)) && generic_words(&without_sdk)) || verbs.iter().any(|w| n.contains(w))
}

/// Words that only say what kind of SDK it is, or point at one.
const KIND_WORDS: &[&str] = &[
    "第三方",
    "相关",
    "其他",
    "其它",
    "上述",
    "前述",
    "以下",
    "下列",
    "这些",
    "那些",
    "此类",
    "该类",
    "各类",
    "这类",
    "部分",
    "一些",
    "多个",
    "对应",
    "相应",
    "外部",
    "合作方",
    "合作伙伴",
    "服务商",
    "我们的",
    "我行",
    "官方",
    "如下",
    "各",
    "该",
    "此",
    "本",
    "其",
    "所",
    "的",
    "推送",
    "消息",
    "统计",
    "分析",
    "数据",
    "分享",
    "登录",
    "支付",
    "地图",
    "定位",
    "广告",
    "安全",
    "应用",
    "功能",
    "服务",
    "工具",
    "插件",
    "组件",
    "基础",
    "集成",
    "接入",
    "使用",
    "类",
    "由",
    "提供",
    "渠道",
    "联运",
    "以上",
    "初始化",
    "采集",
    "调用",
    "程序化",
    "授权",
    "合作",
    "伙伴",
    "厂商",
    "手机",
    "品牌",
    "我们",
    "服务商",
    "两项",
];

/// Words a name does not hold: verbs and particles of the sentence around it.
const NOT_IN_NAMES: &[&str] = &[
    "参见",
    "请",
    "调用",
    "采集",
    "关闭",
    "阅读",
    "允许",
    "开通",
    "提供",
    "点击",
    "查看",
    "了解",
    "需要",
    "可能",
    "进行",
    "我们",
    "您",
    "前述",
    "以上",
    "上述",
    "该",
    "此",
    "对应",
    "具体",
    "情况",
    "所需",
    "权限",
    "涉及",
    "服务中",
    "之前",
    "之后",
    "时",
    "后",
    "前",
];

/// A name in prose written only in Chinese words: one that is more than the
/// kind of SDK, holds no verb of the sentence, and stands in a list or after
/// a verb of use (`使用移动登录SDK、电信登录SDK`).
fn plain_chinese_name_ok(sentence: &str, a: usize, name: &str) -> bool {
    if generic_words(name) || NOT_IN_NAMES.iter().any(|w| name.contains(w)) {
        return false;
    }
    let before = sentence[..a].trim_end();
    before.is_empty()
        || before.ends_with(['、', '，', '：', ':', '“', '（', '(', '和', '及', '与', '了', '如'])
        || ["包括", "使用", "集成", "接入", "嵌入", "采用", "通过", "涉及", "例如", "公司的", "公司提供的", "集团的"]
            .iter()
            .any(|w| before.ends_with(w))
}

/// Whether a Chinese-only name is nothing but [`KIND_WORDS`].
fn generic_words(name: &str) -> bool {
    let mut rest = name.trim().to_owned();
    loop {
        let before = rest.len();
        for w in KIND_WORDS {
            rest = rest.replace(w, "");
        }
        if rest.len() == before {
            break;
        }
    }
    rest.chars().filter(|c| !c.is_whitespace()).count() < 2
}

/// The company written right before a name: `集成北京今始科技有限公司的速验登录SDK`,
/// `使用了神州泰岳公司提供的社交金融SDK`.
fn company_before(head: &str) -> Option<String> {
    let h = head.trim_end();
    let h = h.strip_suffix("提供的").or_else(|| h.strip_suffix('的'))?;
    let h = h.strip_suffix("所").unwrap_or(h);
    let ends = ["有限公司", "有限责任公司", "公司", "集团"].iter().any(|e| h.ends_with(e))
        || h.ends_with(['）', ')']) && h.contains("公司");
    if !ends {
        return None;
    }
    company_run(h)
}

/// The company name that ends `h`: back to a verb, a particle or a
/// punctuation mark, at most 40 characters.
fn company_run(h: &str) -> Option<String> {
    let mut start = h.len();
    for (count, (i, c)) in h.char_indices().rev().enumerate() {
        if count >= 40 || matches!(c, '，' | ',' | '。' | '：' | ':' | '；' | '、' | '“' | '”' | ' ') {
            break;
        }
        start = i;
    }
    let mut run = &h[start..];
    for stop in [
        "通过",
        "使用了",
        "使用",
        "集成了",
        "集成",
        "接入了",
        "接入",
        "嵌入了",
        "嵌入",
        "提供方为",
        "提供方",
        "由",
        "为",
        "是",
        "了",
        "将",
    ] {
        if let Some(p) = run.rfind(stop) {
            let after = &run[p + stop.len()..];
            if after.chars().count() >= 4 {
                run = after;
            }
        }
    }
    let run = run.trim();
    (run.chars().count() >= 4).then(|| run.to_owned())
}

/// The provider an item's text names: `提供方为X有限公司`, `由X公司提供`,
/// `X公司的…SDK`.
fn provider_in(body: &str) -> Option<String> {
    for key in ["提供方为", "提供方：", "提供方:", "提供者为", "服务商为", "由"] {
        if let Some(p) = body.find(key) {
            let rest = &body[p + key.len()..];
            let end = rest.find(['，', ',', '。', '；', '（', '(']).unwrap_or(rest.len());
            let cand = rest[..end].trim();
            let cand = cand.strip_suffix("提供").unwrap_or(cand);
            if let Some(e) = ["有限责任公司", "有限公司", "公司", "集团"]
                .iter()
                .filter_map(|e| cand.rfind(e).map(|i| i + e.len()))
                .max()
            {
                let c = cand[..e].trim();
                if c.chars().count() >= 4 {
                    return Some(c.to_owned());
                }
            }
        }
    }
    if let Some(at) = body.find("公司的").or_else(|| body.find("公司提供的")) {
        return company_run(&body[..at + "公司".len()]);
    }
    // `我行使用了银联的SDK`, `使用人社局提供的电子社保卡SDK`: whoever's SDK is used.
    for verb in ["使用了", "集成了", "接入了", "采用了", "使用", "集成", "接入", "采用"] {
        let Some(v) = body.find(verb) else { continue };
        let rest = &body[v + verb.len()..];
        let Some(de) = rest.find("提供的").or_else(|| rest.find('的')) else { continue };
        let who = rest[..de].trim();
        let after = &rest[de..];
        let n = who.chars().count();
        if (2..=15).contains(&n)
            && !who.contains(['，', '。', '、', '“', '”'])
            && !who.to_ascii_lowercase().contains("sdk")
            && after.chars().take(20).collect::<String>().to_ascii_lowercase().contains("sdk")
        {
            return Some(who.to_owned());
        }
        break;
    }
    None
}

/// Numbered list items that name SDKs in their head: `（1）社保卡SDK：当您…`,
/// `5）社交金融SDK、移动经理SDK：…`, `1.PP视频SDK：手机/电话权限`,
/// `（2）.信鸽SDK,通过获取IMEI…`, `（1）人脸识别SDK。`. Every name of the
/// head is an SDK, known to the knowledge base or not; the item's text gives
/// purpose, data and provider.
fn list_items(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &mut [bool], kb: &Kb, out: &mut Vec<Sdk>) {
    let mut last_sdk_item = None;
    for (i, c) in cells.iter().enumerate() {
        if used[i] {
            continue;
        }
        let item = strip_list_marker(c.text);
        if item.len() == c.text.trim_start().len() || item.is_empty() {
            continue;
        }
        let lower_sdk = |s: &str| s.to_ascii_lowercase().contains("sdk");
        // The head ends at the first colon, or at a comma right after `SDK`,
        // or is the whole short item.
        let colon = item.char_indices().find(|&(p, ch)| (ch == '：' || ch == ':') && !item[p..].starts_with("://"));
        let head_end = match colon {
            Some((p, _)) if item[..p].chars().count() <= 30 => Some(p),
            _ => {
                let lower = item.to_ascii_lowercase();
                lower.find("sdk,").or_else(|| lower.find("sdk，")).map(|p| p + 3).or_else(|| {
                    let t = item.trim_end_matches(['。', '；', ';']);
                    (t.chars().count() <= 25 && lower_sdk(t)).then_some(t.len())
                })
            }
        };
        let Some(head_end) = head_end else { continue };
        let head = &item[..head_end];
        // An item right under an SDK item, shaped like it (`3.腾讯X5：手机/电话权限`
        // after `2.风行播放SDK：手机/电话权限、定位权限`), is one too.
        let sibling = i > 0
            && last_sdk_item == Some(i - 1)
            && colon.is_some()
            && head.chars().count() <= 20
            && bare_list(&item[head_end..]).is_some();
        if head.is_empty() || head.contains(['。', '，']) || !(lower_sdk(head) || kb.lookup(head).is_some() || sibling)
        {
            continue;
        }
        // `（1）人脸识别SDK。` alone on its line: the paragraph under it
        // describes it (`…该SDK由某某公司提供，需要采集您的…`).
        let mut body = &item[head_end..];
        let mut body_span = c.span;
        if body.trim_matches(['。', '；', ';', ' ']).is_empty() {
            if let Some(next) = cells.get(i + 1).filter(|n| {
                !used[i + 1]
                    && strip_list_marker(n.text).len() == n.text.trim_start().len()
                    && n.text.chars().count() > 20
            }) {
                body = next.text;
                body_span = next.span;
            }
        }
        let (purpose, data) = purpose_and_data(body);
        // `1.PP视频SDK：手机/电话权限、定位权限`: a bare list after the name
        // is what the SDK collects.
        let data = bare_list(body).map(str::to_owned).or(data);
        let provider = provider_in(body);
        let head_at = c.span.start + (head.as_ptr() as usize - c.text.as_ptr() as usize);
        let mut named_any = false;
        for (off, part) in split_names(head) {
            let name = part.trim();
            if name.chars().count() < 2
                || generic_words(name.trim_end_matches(|ch: char| ch.is_ascii_alphabetic() || ch == ',' || ch == ' '))
                    && !lower_sdk(name)
                    && kb.lookup(name).is_none()
            {
                continue;
            }
            let key = normalize(name);
            if GENERIC.iter().any(|g| key == *g) || junk_name(name) {
                continue;
            }
            named_any = true;
            let start = head_at + off + (part.len() - part.trim_start().len());
            let whole = Span::new(c.span.start, body_span.end.max(c.span.end));
            let ev = evidence(text, lines, window(text, whole, start, start + name.len()));
            out.push(Sdk { link: url_in(body), ..found(name, provider.clone(), purpose.clone(), data.as_deref(), ev) });
        }
        if named_any {
            used[i] = true;
            last_sdk_item = Some(i);
            if body_span != c.span {
                used[i + 1] = true;
            }
        }
    }
}

/// The value after a data label inside a cell (`数据类型：…`, `个人信息类型：…`),
/// up to the end of its sentence.
fn labelled_data(v: &str) -> Option<&str> {
    let at =
        ["数据类型：", "数据类型:", "信息类型：", "信息类型:"].iter().find_map(|k| v.find(k).map(|p| p + k.len()))?;
    let rest = &v[at..];
    let end = rest.find('。').unwrap_or(rest.len());
    let value = rest[..end].trim();
    (!value.is_empty()).then_some(value)
}

/// `：手机/电话权限、定位权限`, `：“设备信息（IMEI/Mac）、存储权限”`: a value that is
/// only a list of short items (no sentence, no purpose), without its colon
/// and quotes.
fn bare_list(body: &str) -> Option<&str> {
    let v = body
        .trim_start_matches(['：', ':', ' '])
        .trim()
        .trim_matches(['“', '”', '"'])
        .trim_end_matches(['。', '；', ';']);
    let items = data_items(v);
    let short = items.iter().all(|d| d.text.chars().count() <= 40);
    (!v.is_empty()
        && short
        && !v.contains(['。', '，'])
        && !["用于", "为了", "以便", "通过"].iter().any(|w| v.contains(w)))
    .then_some(v)
}

/// SDKs listed under their provider: `深圳市腾讯计算机系统有限公司：微信SDK、QQ SDK、Bugly SDK`.
fn grouped_by_provider(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &mut [bool], out: &mut Vec<Sdk>) {
    for (i, c) in cells.iter().enumerate() {
        if used[i] {
            continue;
        }
        let t = strip_list_marker(c.text);
        let Some(colon) = t.find(['：', ':']) else { continue };
        let head = t[..colon].trim().trim_matches('*');
        let is_company =
            ["有限公司", "有限责任公司", "股份公司", "集团", "Inc.", "LLC", "Ltd."].iter().any(|e| head.ends_with(e));
        if !is_company || head.chars().count() > 40 {
            continue;
        }
        let body = &t[colon + t[colon..].chars().next().map_or(1, char::len_utf8)..];
        let items: Vec<&str> = body.split(['、', '，', ',', '；']).collect();
        if items.is_empty()
            || !items.iter().all(|x| x.trim().chars().count() <= 30)
            || !body.to_ascii_lowercase().contains("sdk")
        {
            continue;
        }
        // `用途：…；收集…` on the next line says what the whole group does
        // and collects.
        let next = cells
            .get(i + 1)
            .filter(|n| !used[i + 1] && ["用途", "目的", "使用目的", "收集"].iter().any(|k| n.text.starts_with(k)));
        let (purpose, data) = match next {
            Some(n) => {
                let (_, data) = purpose_and_data(n.text);
                let purpose = kv_parts(n.text)
                    .into_iter()
                    .find_map(|(_, part)| {
                        let (key, value) = part.split_once(['：', ':'])?;
                        (field_of(key) == Some(Field::Purpose)).then(|| value.trim().to_owned())
                    })
                    .filter(|v| !v.is_empty());
                (purpose, data)
            }
            None => (None, None),
        };
        let span = Span::new(c.span.start, next.map_or(c.span.end, |n| n.span.end));
        for item in items {
            let name = item.trim().trim_end_matches(['。', '.']);
            if name.chars().count() >= 2 && !junk_name(name) {
                let ev = evidence(text, lines, span);
                out.push(found(name, Some(head.to_owned()), purpose.clone(), data.as_deref(), ev));
            }
        }
        used[i] = true;
        if next.is_some() {
            used[i + 1] = true;
        }
    }
}

/// The names of an item's head: split at `、`, `和`, `及`, `与`, `以及`;
/// a bracket after a name (`字节SDK（仅涉及安卓）`) left out.
fn split_names(head: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0u32;
    let mut cut_at: Option<usize> = None;
    for (i, ch) in head.char_indices() {
        match ch {
            '（' | '(' => {
                if depth == 0 && i > start && head[start..i].to_ascii_lowercase().ends_with("sdk") {
                    cut_at = Some(i);
                }
                depth += 1;
            }
            '）' | ')' => depth = depth.saturating_sub(1),
            '、' | '和' | '及' | '与' if depth == 0 && i > start => {
                out.push((start, &head[start..cut_at.unwrap_or(i)]));
                start = i + ch.len_utf8();
                cut_at = None;
            }
            _ => {}
        }
    }
    out.push((start, &head[start..cut_at.unwrap_or(head.len())]));
    out.retain(|(_, p)| !p.trim().is_empty());
    out
}

/// An SDK the text names, with the provider, purpose and data it gives.
fn found(name: &str, provider: Option<String>, purpose: Option<String>, data: Option<&str>, ev: Evidence) -> Sdk {
    Sdk {
        provider_from: provider.as_ref().map(|_| ProviderFrom::Text),
        provider,
        purpose,
        data: data.map(data_items).unwrap_or_default(),
        data_open: data.is_some_and(open_ended),
        evidence: vec![ev],
        ..Sdk::named(name)
    }
}

/// The sentence, or a window around the name when the sentence is huge (so
/// that many names in one enormous line stay linear).
fn window(text: &str, sentence: Span, start: usize, end: usize) -> Span {
    if sentence.len() <= 1000 {
        return sentence;
    }
    let a = crate::text::floor_boundary(text, start.saturating_sub(300).max(sentence.start));
    let z = crate::text::floor_boundary(text, (end + 300).min(sentence.end));
    Span::new(a.max(sentence.start), z.max(end))
}

const GENERIC: &[&str] =
    &["sdk", "第三方sdk", "相关sdk", "该sdk", "此sdk", "这些sdk", "其他sdk", "上述sdk", "各sdk", "相应sdk"];

/// Words after which an SDK's name starts (verbs, conjunctions, particles).
const STOPS: &[&str] = &[
    "通过", "使用", "集成", "接入", "嵌入", "采用", "包括", "例如", "如", "和", "及", "与", "的", "了", "中", "在",
    "由", "或", "是", "为", "将", "向", "等", "我们", "您",
];

/// Where the name that ends at byte `k` (the `SDK`) begins, if it has one.
fn name_before(s: &str, k: usize) -> Option<usize> {
    let head = &s[..k];
    let mut start = k;
    for (count, (i, c)) in head.char_indices().rev().enumerate() {
        let ok = crate::text::is_cjk(c) || c.is_ascii_alphanumeric() || matches!(c, ' ' | '+' | '-' | '.' | '·');
        if !ok || count >= 16 {
            break;
        }
        start = i;
    }
    let token = &s[start..k];
    // Cut after the last stop word inside the token.
    let mut cut = start;
    for w in STOPS {
        if let Some(p) = token.rfind(w) {
            // `中` of `中国移动SDK` begins a name; it ends a phrase only
            // elsewhere (`在…中`).
            if *w == "中" && token[p + w.len()..].starts_with('国') {
                continue;
            }
            cut = cut.max(start + p + w.len());
        }
    }
    let name = s[cut..k].trim_start();
    let cut = k - name.len();
    let bare = name.trim();
    if bare.is_empty()
        || bare.ends_with(['类', '种', '些', '方', '到', '个', '款', '项'])
        || ["第三方", "合作伙伴", "相关", "其他", "上述", "该", "此", "这些", "各", "平台"]
            .iter()
            .any(|g| bare.ends_with(g))
    {
        return None;
    }
    Some(cut)
}

/// A cell's sentences with their byte offsets.
fn sentences(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；') {
            let end = i + c.len_utf8();
            out.push((start, &s[start..end]));
            start = end;
        }
    }
    if start < s.len() {
        out.push((start, &s[start..]));
    }
    out
}

/// `…收集运行数据，用于统计分析。` → (purpose, data).
fn purpose_and_data(s: &str) -> (Option<String>, Option<String>) {
    let clip = |from: usize| -> Option<String> {
        let rest = &s[from..];
        let end = rest.find(['。', '；', '，', ',', '；']).unwrap_or(rest.len());
        let v = rest[..end].trim();
        (!v.is_empty() && v.chars().count() <= 60).then(|| v.to_owned())
    };
    // `为了向您提供人脸识别服务，我们使用了…`: a sentence that opens with its
    // purpose; else the purpose after `用于`.
    let opening = s.trim_start().strip_prefix("为了").map(|r| s.len() - r.len());
    let purpose = opening
        .or_else(|| ["用于", "以便", "以实现", "以提供"].iter().find_map(|w| s.find(w).map(|p| p + w.len())))
        .and_then(clip);
    // The earliest verb of collection, and what follows it up to the purpose
    // or the clause's end (outside brackets: a list may explain an item
    // with commas inside them).
    const VERBS: &[&str] = &[
        "收集的信息包括",
        "收集的个人信息包括",
        "收集您的",
        "收集",
        "采集您的",
        "采集",
        "获取您的",
        "获取",
        "读取您的",
        "读取",
        "访问您的",
        "使用您的",
        "需要您的",
    ];
    // What follows a verb, up to the purpose or the clause's end (outside
    // brackets, and not at a comma that stands for a space: `Android,ID`).
    let object = |p: usize| -> Option<String> {
        let rest = s[p..].trim_start_matches(['：', ':', ',']);
        let rest = rest.strip_prefix("包括").unwrap_or(rest).trim_start_matches(['：', ':', ',']);
        let mut depth = 0u32;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            match c {
                '（' | '(' => depth += 1,
                '）' | ')' => depth = depth.saturating_sub(1),
                ',' if latin(rest[..i].chars().next_back()) && latin(rest[i + 1..].chars().next()) => {}
                '，' | '。' | '；' | ',' if depth == 0 => {
                    end = i;
                    break;
                }
                _ if depth == 0
                    && ["用于", "以便", "以实现", "以提供", "并", "进行"].iter().any(|w| rest[i..].starts_with(w)) =>
                {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        let v = rest[..end].trim();
        let v = v.strip_prefix("您的").or_else(|| v.strip_prefix('您')).unwrap_or(v).trim_start_matches([',', ' ']);
        // `该SDK信息的收集主要为了…`: a purpose, not an object.
        let purpose_not_data = ["主要", "为了", "是", "用于", "目的"].iter().any(|w| v.starts_with(w));
        (!v.is_empty() && v.chars().count() <= 300 && !purpose_not_data).then(|| v.to_owned())
    };
    // The verbs in order; a permission (`需要获取您的网络访问权限，收集您的…`)
    // gives way to the data a later verb names.
    let mut at: Vec<(usize, usize)> =
        VERBS.iter().flat_map(|w| s.match_indices(w).map(|(p, _)| (p, p + w.len()))).collect();
    at.sort_by_key(|&(p, end)| (p, std::cmp::Reverse(end)));
    at.dedup_by_key(|x| x.0);
    let objects: Vec<(usize, String)> = at.iter().filter_map(|&(v, p)| Some((v, object(p)?))).collect();
    let mut data = objects.iter().find(|o| !o.1.ends_with("权限")).or(objects.first()).cloned();
    // `需要收集您的本机设备信息，并可能会收集您的手机型号、系统类型`: a verb
    // joined by `并` adds its object to the list.
    if let Some((first, list)) = data.as_mut() {
        for (v, o) in &objects {
            let joined = s[..*v].chars().rev().take(6).any(|c| c == '并');
            if *v > *first && joined && !list.contains(o.as_str()) {
                list.push('、');
                list.push_str(o);
            }
        }
    }
    let data = data.map(|d| d.1);
    (purpose, data)
}

/// The knowledge base's entry for a name, or for a brand alone (`个推`) as
/// its SDK is known.
fn lookup_brand<'k>(kb: &'k Kb, name: &str) -> Option<&'k KbEntry> {
    kb.lookup(name).or_else(|| {
        (name.chars().count() >= 2 && !name.to_ascii_lowercase().contains("sdk"))
            .then(|| kb.lookup(&format!("{name}SDK")).or_else(|| kb.lookup(&format!("{name}推送"))))
            .flatten()
    })
}

fn fill_from_kb(sdk: &mut Sdk, kb: &Kb) {
    let Some(e) = lookup_brand(kb, &sdk.name) else { return };
    sdk.canonical = Some(e.canonical.clone());
    if sdk.category.is_none() {
        sdk.category = Some(e.category.clone());
    }
    if sdk.provider.is_none() && !e.providers.is_empty() {
        sdk.provider = Some(e.providers.join("/"));
        sdk.provider_from = Some(ProviderFrom::KnowledgeBase);
    }
}

/// Definitions the policy gives (`唯一设备识别码：iOS设备为IDFA、UUID，Android设备为IMEI、oaid…`)
/// expand the data items they define. One pass over the lines, one lookup per item.
fn expand_definitions(cells: &[Cell<'_>], sdks: &mut [Sdk]) {
    if sdks.is_empty() {
        return;
    }
    let mut defs: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for c in cells {
        let Some(p) = c.text.find(['：', ':']) else { continue };
        let term = c.text[..p].trim();
        if term.is_empty() || term.chars().count() > 12 || field_of(term).is_some() {
            continue;
        }
        let sep = if c.text[p..].starts_with('：') { '：'.len_utf8() } else { 1 };
        defs.entry(term).or_insert(&c.text[p + sep..]);
    }
    for item in sdks.iter_mut().flat_map(|s| &mut s.data) {
        let Some(body) = defs.get(item.text.as_str()) else { continue };
        let mut clean = String::with_capacity(body.len());
        let mut depth = 0u32;
        for ch in body.chars() {
            match ch {
                '（' | '(' => depth += 1,
                '）' | ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => clean.push(ch),
                _ => {}
            }
        }
        let mut parts: Vec<String> = Vec::new();
        for part in split_list(&clean) {
            let part = part.rsplit('为').next().unwrap_or(&part).trim().to_owned();
            if !part.is_empty() && part.chars().count() <= 20 && !parts.contains(&part) {
                parts.push(part);
            }
        }
        item.defined_as = parts;
    }
}

/// Kinds of recipient named by type, and where a list of names follows them.
const RECIPIENT_KINDS: &[(&str, &str)] = &[
    ("支付机构", "payment"),
    ("金融机构", "payment"),
    ("关联公司", "affiliate"),
    ("关联方", "affiliate"),
    ("授权合作伙伴", "partner"),
    ("广告合作伙伴", "partner"),
    ("物流公司", "logistics"),
    ("配送服务商", "logistics"),
    ("商家", "merchant"),
];

/// Named recipients that are not SDKs: kinds of partner as the policy names
/// them, and the payment institutions it lists (`支付机构（包括支付宝支付、微信支付…）`).
fn recipients(text: &str, lines: &Lines, cells: &[Cell<'_>], kb: &Kb) -> Vec<Recipient> {
    let mut out: Vec<Recipient> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for c in cells {
        // Most lines give nothing to anyone: skip them before splitting sentences.
        if !["共享", "提供", "传输", "委托", "支付服务"].iter().any(|w| c.text.contains(w)) {
            continue;
        }
        for (at, sentence) in sentences(c.text) {
            let span = Span::new(c.span.start + at, c.span.start + at + sentence.len());
            // What this sentence gives, found once and only when it names a
            // recipient; a recipient named again gains that sentence's items.
            let mut given: Option<Vec<DataItem>> = None;
            let mut push =
                |out: &mut Vec<Recipient>, seen: &mut std::collections::HashSet<String>, name: &str, kind: &str| {
                    let data = given.get_or_insert_with(|| vocab::Vocab::builtin().items_in(sentence));
                    if seen.insert(name.to_owned()) {
                        out.push(Recipient {
                            name: name.to_owned(),
                            kind: kind.to_owned(),
                            evidence: vec![evidence(text, lines, window(text, span, span.start, span.start))],
                            data: data.clone(),
                        });
                    } else if let Some(r) = out.iter_mut().find(|r| r.name == name) {
                        for d in data.iter() {
                            if r.data.len() < 40 && !r.data.iter().any(|x| x.text == d.text) {
                                r.data.push(d.clone());
                            }
                        }
                    }
                };
            // Share/transfer context only: a recipient receives something.
            // Most sentences have none: test that before any recipient word.
            let gives = ["共享", "提供", "传输", "委托"].iter().any(|w| sentence.contains(w));
            if !gives && !sentence.contains("支付服务") {
                continue;
            }
            for (word, kind) in RECIPIENT_KINDS {
                if !gives || !sentence.contains(word) {
                    continue;
                }
                push(&mut out, &mut seen, word, kind);
                if *kind == "payment" {
                    let after = &sentence[sentence.find(word).unwrap_or(0) + word.len()..];
                    if let Some(list) = after.strip_prefix(['（', '(']) {
                        let list = list.split(['）', ')']).next().unwrap_or("");
                        let list = list.trim_start_matches("包括").trim_start_matches("如");
                        for name in list.split(['、', '，', ',']) {
                            let name = name.split(['，', '以', '等']).next().unwrap_or("").trim();
                            if !name.is_empty() && name.chars().count() <= 12 {
                                push(&mut out, &mut seen, name, "payment");
                            }
                        }
                    }
                }
            }
            let mut named: Vec<String> = Vec::new();
            for (entry, s, e) in kb.find_all(sentence) {
                if entry.category.contains("payment")
                    && ["共享", "提供", "支付服务"].iter().any(|w| sentence.contains(w))
                {
                    named.push(sentence[s..e].to_owned());
                }
            }
            for name in named {
                // `支付宝` inside `支付宝支付` already listed is the same recipient.
                if !out.iter().any(|r| r.name.contains(name.as_str())) {
                    push(&mut out, &mut seen, &name, "payment");
                }
            }
        }
    }
    out
}

fn external_list(text: &str, outline: &[Node]) -> Option<Span> {
    fn walk(text: &str, n: &Node) -> Option<Span> {
        for c in &n.clauses {
            let raw = text.get(c.span.start..c.span.end).unwrap_or("");
            // Most clauses name no SDK: skip them before normalising.
            if !raw.bytes().any(|b| b == b's' || b == b'S') && !raw.contains(['ｓ', 'Ｓ']) {
                continue;
            }
            let t = normalize(raw);
            if t.contains("sdk") && POINTERS.iter().any(|p| t.contains(p)) && LISTS.iter().any(|l| t.contains(l)) {
                return Some(c.span);
            }
        }
        n.children.iter().find_map(|child| walk(text, child))
    }
    outline.iter().find_map(|d| walk(text, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> SdkExtraction {
        let lines = Lines::new(text);
        extract_with(text, &lines, &[], Kb::builtin())
    }

    fn spans_ok(text: &str, x: &SdkExtraction) {
        for e in x.sdks.iter().flat_map(|s| &s.evidence) {
            assert!(
                e.span.end <= text.len() && text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end)
            );
        }
    }

    #[test]
    fn comma_flattened_rows_under_a_single_space_header() {
        // The shape of CAPP-130 rw_97's channel table, with made-up names.
        let text = "第三方公司名称 产品/服务 涉及个人信息 使用场景 使用目的 共享方式  第三方链接\n\
北京某某网络科技有限公司,甲渠道SDK,个人常用设备信息（包括硬件序列号、设备MAC地址）,甲渠道登录时使用,提供账号登录,SDK本机采集,https://example.com/a\n\
上海某某数码科技有限公司,Bilibili,SDK,设备识别码、Android,ID,乙渠道登录时使用,提供账号登录,SDK本机采集,https://example.com/b\n\
深圳市某某计算机系统有限公司MTP（ACE）,设备型号、系统版本,游戏过程中使用,反作弊,SDK本机采集,https://example.com/c\n\
魅族某某有限公司,丙SDK,1.手机唯一标识码；,2.手机存储权限,丙渠道登录时,提供登录,SDK本机采集,http://example.com/d\n";
        let x = run(text);
        spans_ok(text, &x);
        let got: Vec<(&str, Option<&str>, usize, Option<&str>)> =
            x.sdks.iter().map(|s| (s.name.as_str(), s.provider.as_deref(), s.data.len(), s.link.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("甲渠道SDK", Some("北京某某网络科技有限公司"), 1, Some("https://example.com/a")),
                ("Bilibili,SDK", Some("上海某某数码科技有限公司"), 2, Some("https://example.com/b")),
                ("MTP（ACE）", Some("深圳市某某计算机系统有限公司"), 2, Some("https://example.com/c")),
                ("丙SDK", Some("魅族某某有限公司"), 2, Some("http://example.com/d")),
            ]
        );
        assert_eq!(x.sdks[1].data[1].text, "Android,ID");
    }

    #[test]
    fn a_record_line_names_its_sdk_before_aliases_and_notes() {
        // The shapes of CAPP-130 rw_21's SDK list.
        let text = "某广告SDK（某某广告SDK、某头条广告SDK）,由此SDK引入：某某SDK、某utility,SDK,使用目的：用于获取广告,数据类型：网络访问，设备标识\n\
某云,移动直播,SDK,该SDK由某广告SDK引入,使用目的：视频播放,数据类型：网络访问\n\
某语音交互,SDK（某设备端语音交互NUI,SDK,、某语音交互NLS,SDK）,使用目的：用于语音合成,数据类型：录音\n";
        let x = run(text);
        let names: Vec<&str> = x.sdks.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["某广告SDK", "某云,移动直播,SDK", "某语音交互,SDK"]);
        assert_eq!(x.sdks[1].purpose.as_deref(), Some("视频播放"));
    }

    #[test]
    fn a_numbered_sdk_heading_takes_the_paragraph_under_it() {
        // The shape of CAPP-130 rw_88, with made-up names.
        let text = "（1）人脸识别SDK。\n为了向您提供人脸识别服务，我们使用了人脸识别SDK，该SDK由北京某某智能科技有限公司提供，在您进行设备绑定时，APP调用人脸识别SDK，进行活体检测识别，采集人脸图片。\n（2）微信SDK。\n为了向您提供登录服务，我们使用了微信SDK，该SDK由腾讯公司提供，需要采集您的昵称、头像信息。\n";
        let x = run(text);
        let got: Vec<(&str, Option<&str>, Option<&str>)> =
            x.sdks.iter().map(|s| (s.name.as_str(), s.provider.as_deref(), s.purpose.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("人脸识别SDK", Some("北京某某智能科技有限公司"), Some("向您提供人脸识别服务")),
                ("微信SDK", Some("腾讯公司"), Some("向您提供登录服务")),
            ]
        );
        assert_eq!(x.sdks[1].data.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(), ["昵称", "头像信息"]);
    }

    #[test]
    fn list_items_after_sdk_items_and_bare_lists_of_data() {
        // The shape of CAPP-130 rw_87, with made-up names.
        let text = "播放类：\n1.某视频SDK：手机/电话权限、定位权限\n2.某某X5：手机/电话权限、存储权限\n3.某短视频API：获取IMEI权限、系统安装的应用程序权限\n获取权限原因：\n1.手机/电话权限：获取用户设备标识\n";
        let x = run(text);
        let names: Vec<&str> = x.sdks.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["某视频SDK", "某某X5", "某短视频API"]);
        let data: Vec<&str> = x.sdks[2].data.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(data, ["获取IMEI权限", "系统安装的应用程序权限"]);
    }

    #[test]
    fn a_group_line_under_a_provider_gives_purpose_and_data() {
        let text = "深圳市某某计算机系统有限公司：甲SDK、乙 SDK\n用途：登录与分享；收集设备型号、网络类型。\n";
        let x = run(text);
        assert_eq!(x.sdks.len(), 2);
        for s in &x.sdks {
            assert_eq!(s.provider.as_deref(), Some("深圳市某某计算机系统有限公司"));
            assert_eq!(s.purpose.as_deref(), Some("登录与分享"));
            assert_eq!(s.data.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(), ["设备型号", "网络类型"]);
        }
    }

    #[test]
    fn the_next_line_says_what_the_listed_sdks_collect() {
        // CAPP-130 rw_12's shape: the purpose clause is no object of 收集.
        let text = "2.,为确保推送及时到达，可能涉及的SDK包括华为推送SDK、小米推送SDK，该SDK信息的收集主要为了确保消息可以及时推送到您的设备上。\n此类SDK会收集您的设备标识信息（MAC地址、IMEI）、网络信息，此类信息是实现上述功能所必须的信息。\n";
        let x = run(text);
        assert_eq!(x.sdks.len(), 2);
        let data: Vec<&str> = x.sdks[0].data.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(data, ["设备标识信息（MAC地址、IMEI）", "网络信息"]);
    }

    #[test]
    fn a_data_cell_that_labels_its_data() {
        let text = "第三方服务名称\t合作伙伴名称\t获取的权限/信息\t用途\t合作伙伴网站\n\
某热更新,上海某某信息科技有限公司,访问联网、存储权限、设备信息。用户信息/数据类型：设备标识信息,热更新,http://example.com/p\n";
        let x = run(text);
        assert_eq!(x.sdks.len(), 1, "{:?}", x.sdks);
        assert_eq!(x.sdks[0].provider.as_deref(), Some("上海某某信息科技有限公司"));
        assert_eq!(x.sdks[0].data.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(), ["设备标识信息"]);
    }

    #[test]
    fn flattened_table_with_a_fifth_link_cell() {
        let text = "SDK名称\n\n场景描述\n\n个人信息类型\n\n第三方机构名称\n\n微信SDK\n\n微信登录和分享\n\n微信ID、头像、昵称\n\n深圳市腾讯计算机系统有限公司\n\nhttps://privacy.qq.com/\n\nMobTechSDK\n微信登录和分享\n网络信息、唯一设备识别码、基站信息\n上海游昆信息技术有限公司\nhttp://www.mob.com/about/policy\n个人信息字段定义以及穷举：\n";
        let x = run(text);
        spans_ok(text, &x);
        assert_eq!(x.sdks.len(), 2);
        let s = &x.sdks[1];
        assert_eq!(s.name, "MobTechSDK");
        assert_eq!(s.link.as_deref(), Some("http://www.mob.com/about/policy"));
        assert_eq!(s.canonical.as_deref(), Some("MobTech"));
        assert!(s.data[2].group.is_some());
    }

    #[test]
    fn tab_separated_table_with_a_wrapped_cell() {
        // CAPP-130 rw_43.
        let text = "序号\tSDK名称\t场景描述\t个人信息字段\t隐私政策链接\t第三方机构名称\n\
1\t百度TTS\t语音朗读\t设备信息(操作系统版本、唯一设备标识符、国际移动设备身份码IMEI)、日志信息等\thttp://ai.baidu.com/ai-doc/REFERENCE/Jkdyl0v3v\t北京百度网讯科技有限公司\n\
7\t腾讯QQ\t登录、将页面分享至QQ好友或朋友圈\t设备唯一标识码\thttps://ti.qq.com/agreement/qqface.html?\n\
appname=mqq_2019\t深圳市腾讯计算机系统有限公司\n";
        let x = run(text);
        spans_ok(text, &x);
        assert_eq!(x.sdks.len(), 2, "{:?}", x.sdks);
        assert_eq!(x.sdks[0].name, "百度TTS");
        assert_eq!(x.sdks[0].purpose.as_deref(), Some("语音朗读"));
        assert_eq!(x.sdks[0].provider.as_deref(), Some("北京百度网讯科技有限公司"));
        assert_eq!(x.sdks[1].provider.as_deref(), Some("深圳市腾讯计算机系统有限公司"));
    }

    #[test]
    fn markdown_pipe_table() {
        let text = "| SDK名称 | 使用目的 | 收集个人信息 | 第三方主体 |\n|---|---|---|---|\n| 极光推送SDK | 消息推送 | 设备标识、网络信息 | 深圳市和讯华谷信息技术有限公司 |\n| 神秘SDK | 统计 | IP地址 |  |\n";
        let x = run(text);
        spans_ok(text, &x);
        assert_eq!(x.sdks.len(), 2);
        assert_eq!(x.sdks[0].name, "极光推送SDK");
        assert_eq!(x.sdks[0].category.as_deref(), Some("push"));
        assert_eq!(x.sdks[0].provider_from, Some(ProviderFrom::Text));
        assert_eq!(x.sdks[1].name, "神秘SDK");
        assert_eq!(x.sdks[1].provider, None);
    }

    #[test]
    fn key_value_blocks_on_one_line_and_several() {
        // CAPP-130 rw_32.
        let text = "SDK名称：腾讯浏览服务  公司名称：腾讯科技（深圳）有限公司  SDK官网：https://x5.tencent.com/  使用目的：APP内网页加载展示  收集的个人信息的类型/字段：设备信息、网络信息\n\
第三方名称：个推消息推送SDK\n使用目的：消息推送\n收集个人信息：设备信息、IMEI\n隐私政策链接：https://docs.getui.com/privacy\n";
        let x = run(text);
        spans_ok(text, &x);
        assert_eq!(x.sdks.len(), 2, "{:?}", x.sdks);
        assert_eq!(x.sdks[0].name, "腾讯浏览服务");
        assert_eq!(x.sdks[0].provider.as_deref(), Some("腾讯科技（深圳）有限公司"));
        assert_eq!(x.sdks[0].link.as_deref(), Some("https://x5.tencent.com/"));
        assert_eq!(x.sdks[0].data.len(), 2);
        let g = &x.sdks[1];
        assert_eq!(g.name, "个推消息推送SDK");
        assert_eq!(g.provider.as_deref(), Some("每日互动股份有限公司"));
        assert_eq!(g.provider_from, Some(ProviderFrom::KnowledgeBase));
    }

    #[test]
    fn prose_lists_sdks_with_data_and_purpose() {
        let text =
            "我们还将通过友盟SDK、诸葛IO SDK、腾讯Bugly SDK收集运行数据，用于统计分析。我们会嵌入授权合作伙伴的SDK。\n";
        let x = run(text);
        spans_ok(text, &x);
        let names: Vec<&str> = x.sdks.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["友盟SDK", "诸葛IO SDK", "腾讯Bugly SDK"]);
        assert_eq!(x.sdks[0].data[0].text, "运行数据");
        assert_eq!(x.sdks[0].purpose.as_deref(), Some("统计分析"));
    }

    #[test]
    fn payment_institutions_and_affiliates_are_recipients() {
        // mijian.txt line 236.
        let text = "您可以选择与我们合作的第三方支付机构（包括支付宝支付、微信支付、快钱支付，以下称“支付机构”）所提供的支付服务，我们会将您对应的支付账户会员名、订单支付相关信息通过在应用程序中嵌入软件工具开发包（SDK）等方式与支付机构共享。\n您的个人信息可能会与我们的关联公司共享。\n";
        let x = run(text);
        assert!(x.sdks.is_empty(), "{:?}", x.sdks);
        let names: Vec<(&str, &str)> = x.recipients.iter().map(|r| (r.name.as_str(), r.kind.as_str())).collect();
        assert_eq!(
            names,
            [
                ("支付机构", "payment"),
                ("支付宝支付", "payment"),
                ("微信支付", "payment"),
                ("快钱支付", "payment"),
                ("关联公司", "affiliate")
            ]
        );
        // What they receive, as the sentences say it.
        let data = |i: usize| x.recipients[i].data.iter().map(|d| d.text.as_str()).collect::<Vec<_>>();
        assert_eq!(data(0), ["支付账户", "会员名", "订单支付"]);
        assert_eq!(data(1), data(0), "the institutions it lists receive the same");
        assert_eq!(data(4), Vec::<&str>::new(), "the affiliate sentence names no data");
        let text = "我们会将您的姓名、手机号码、收货地址共享给配送服务商，以完成配送。
";
        let x = run(text);
        let r = &x.recipients[0];
        assert_eq!(r.kind, "logistics");
        assert_eq!(r.data.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(), ["姓名", "手机号码", "收货地址"]);
    }

    #[test]
    fn kb_is_injectable_and_structure_finds_unknown_names() {
        let text = "SDK名称：蜜饯推送\n使用目的：推送\n";
        let x = extract_with(text, &Lines::new(text), &[], &Kb::empty());
        assert_eq!(x.sdks[0].canonical, None);
        assert_eq!(x.sdks[0].name, "蜜饯推送");
    }

    #[test]
    fn arbitrary_text_never_panics() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let alphabet: Vec<char> =
            "SDK名称：:\t|\n 、，。使用目的收集个人信息https://友盟个推第三方主体\u{3000}é😀-".chars().collect();
        for _ in 0..300 {
            let mut s = String::new();
            for _ in 0..(seed % 200) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let x = run(&s);
            spans_ok(&s, &x);
        }
    }

    #[test]
    fn hostile_input_stays_fast() {
        let line = "我们通过友盟SDK、".repeat(5_000_000 / 24);
        let t = std::time::Instant::now();
        let _ = run(&line);
        let mut table = String::from("SDK名称\t使用目的\t收集个人信息\n");
        for i in 0..10_000 {
            table.push_str(&format!("未知{i}SDK\t统计\t设备信息\n"));
        }
        let x = run(&table);
        assert_eq!(x.sdks.len(), 10_000);
        assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
    }

    #[test]
    fn points_to_an_external_list() {
        let text = "隐私政策\n（三）SDK的使用\n我们会嵌入授权合作伙伴的SDK（您可点此查看我们接入授权合作伙伴的SDK详情说明）。\n";
        let r = crate::analyze(text);
        let lines = Lines::new(text);
        let ext = extract(text, &lines, &r.outline).external_list.unwrap();
        assert!(text[ext.start..ext.end].starts_with("我们会嵌入"));
        let plain = "隐私政策\n我们使用友盟SDK统计崩溃信息。\n";
        assert_eq!(extract(plain, &Lines::new(plain), &crate::analyze(plain).outline).external_list, None);
    }
}
