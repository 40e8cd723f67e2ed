//! Third-party SDKs and other recipients of personal information.
//!
//! Structure first: flattened tables (one cell per line under a header row),
//! tab-separated and Markdown pipe tables, key–value blocks (`SDK名称：…`),
//! then prose sentences naming SDKs the knowledge base ([`kb`]) knows. The
//! text wins over the knowledge base; a provider taken from it is marked
//! `knowledge_base`. A policy that only points to a list elsewhere
//! (`点此查看…SDK详情`) sets `external_list` and gets no rows. Every pass is a
//! single walk over the lines.

pub mod kb;

use crate::report::{DataItem, Node, ProviderFrom, Recipient, Sdk, Span};
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
    flattened_tables(text, lines, &cells, &mut used, &mut out.sdks);
    delimited_tables(text, lines, &cells, &mut used, &mut out.sdks);
    key_value_blocks(text, lines, &cells, &mut used, &mut out.sdks);
    prose(text, lines, &cells, &used, kb, &mut out.sdks);
    for sdk in &mut out.sdks {
        fill_from_kb(sdk, kb);
    }
    out.recipients = recipients(text, lines, &cells);
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

fn field_of(name: &str) -> Option<Field> {
    let n = normalize(name);
    let n = n.trim_end_matches([':', '：']);
    if n.is_empty() || n.len() > 40 {
        return None;
    }
    FIELDS.iter().find(|(k, _)| *k == n).map(|(_, f)| *f)
}

/// `SDK名称：微信SDK` → (field, value with its span).
fn key_value(cell: Cell<'_>) -> Option<(Field, &str, Span)> {
    let (i, sep) = cell.text.char_indices().find(|&(_, c)| c == '：' || c == ':')?;
    if i > 40 {
        return None;
    }
    let f = field_of(&cell.text[..i])?;
    let rest_at = i + sep.len_utf8();
    let (v, span) = trim_span(&cell.text[rest_at..], cell.span.start + rest_at);
    Some((f, v, span))
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
    link: Option<String>,
    span: Option<Span>,
}

impl Row {
    fn set(&mut self, f: Field, v: &str, span: Span) {
        let v = v.trim().trim_end_matches(['。', ';', '；']).to_owned();
        self.span = Some(match self.span {
            Some(s) => Span::new(s.start.min(span.start), s.end.max(span.end)),
            None => span,
        });
        if v.is_empty() {
            return;
        }
        let slot = match f {
            Field::Name => &mut self.name,
            Field::Provider => &mut self.provider,
            Field::Purpose => &mut self.purpose,
            Field::Data => &mut self.data,
            Field::Permission => &mut self.permissions,
            Field::Link => &mut self.link,
            Field::Method => return,
        };
        if slot.is_none() {
            *slot = Some(v);
        }
    }

    fn into_sdk(self, text: &str, lines: &Lines) -> Option<Sdk> {
        let name = self.name?;
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
            link: self.link.map(|l| l.trim_matches(['(', ')', '（', '）']).to_owned()),
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

fn data_items(s: &str) -> Vec<DataItem> {
    split_list(s).into_iter().map(|t| vocab::item(&t)).collect()
}

pub mod vocab;

/// A run of ≥2 header cells (one per line) with a name column, then rows of
/// that many cells; a row may carry one more cell if it is a link.
fn flattened_tables(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &mut [bool], out: &mut Vec<Sdk>) {
    let mut i = 0;
    while i < cells.len() {
        let mut header = Vec::new();
        let mut j = i;
        while j < cells.len() {
            match field_of(cells[j].text) {
                Some(f) if !cells[j].text.contains(['：', ':']) => header.push(f),
                _ => break,
            }
            j += 1;
        }
        if header.len() < 2 || !header.contains(&Field::Name) {
            i = j.max(i + 1);
            continue;
        }
        for u in &mut used[i..j] {
            *u = true;
        }
        let n = header.len();
        let has_link = header.contains(&Field::Link);
        loop {
            if j + n > cells.len() {
                break;
            }
            let row_cells = &cells[j..j + n];
            if row_cells.iter().any(|c| !table_cell(c.text)) {
                break;
            }
            let mut row = Row::default();
            for (f, c) in header.iter().zip(row_cells) {
                row.set(*f, c.text, c.span);
            }
            let mut end = j + n;
            if !has_link && end < cells.len() && is_link(cells[end].text) {
                row.set(Field::Link, cells[end].text, cells[end].span);
                end += 1;
            }
            for u in &mut used[j..end] {
                *u = true;
            }
            if let Some(sdk) = row.into_sdk(text, lines) {
                out.push(sdk);
            }
            j = end;
        }
        i = j;
    }
}

/// A cell of a flattened table: short, not a sentence, not a heading of what follows.
fn table_cell(s: &str) -> bool {
    s.chars().count() <= 300
        && !s.ends_with(['：', ':', '。'])
        && field_of(s).is_none()
        && !s.starts_with(|c: char| {
            "（(一二三四五六七八九十第".contains(c)
                && s.chars().count() < 30
                && s.contains(['、', '）', ')'])
                && !s.contains("SDK")
        })
}

fn split_row(s: &str) -> Option<Vec<(&str, usize)>> {
    let (body, off) = if s.starts_with('|') {
        let inner = s.trim_start_matches('|');
        let off = s.len() - inner.len();
        (inner.strip_suffix('|').unwrap_or(inner), off)
    } else if s.contains('\t') {
        (s, 0)
    } else {
        return None;
    };
    let sep = if s.starts_with('|') { '|' } else { '\t' };
    let mut out = Vec::new();
    let mut at = off;
    for part in body.split(sep) {
        out.push((part, at));
        at += part.len() + 1;
    }
    (out.len() >= 2).then_some(out)
}

/// Tab-separated rows and Markdown pipe tables under a header row.
fn delimited_tables(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &mut [bool], out: &mut Vec<Sdk>) {
    let mut i = 0;
    while i < cells.len() {
        let header: Option<Vec<Option<Field>>> =
            split_row(cells[i].text).map(|parts| parts.iter().map(|(p, _)| field_of(p)).collect());
        let Some(header) = header.filter(|h| h.contains(&Some(Field::Name)) && h.iter().flatten().count() >= 2) else {
            i += 1;
            continue;
        };
        used[i] = true;
        let mut j = i + 1;
        while j < cells.len() {
            let Some(parts) = split_row(cells[j].text) else { break };
            used[j] = true;
            j += 1;
            if parts.iter().all(|(p, _)| p.trim().chars().all(|c| matches!(c, '-' | ':' | ' '))) {
                continue; // the |---|---| rule
            }
            let mut row = Row::default();
            let base = cells[j - 1].span.start;
            for (k, (p, at)) in parts.iter().enumerate() {
                let f = header.get(k).copied().flatten().or_else(|| is_link(p.trim()).then_some(Field::Link));
                let (v, span) = trim_span(p, base + at);
                if let Some(f) = f {
                    row.set(f, v, span);
                }
            }
            if let Some(sdk) = row.into_sdk(text, lines) {
                out.push(sdk);
            }
        }
        i = j;
    }
}

/// `SDK名称：…` / `使用目的：…` / `收集个人信息：…` blocks, one key per line
/// (or several keys on one line separated by `；`).
fn key_value_blocks(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &mut [bool], out: &mut Vec<Sdk>) {
    let mut row: Option<Row> = None;
    for (i, c) in cells.iter().enumerate() {
        if used[i] {
            continue;
        }
        let mut pairs = Vec::new();
        let mut at = 0;
        for part in c.text.split(['；', ';']) {
            let span = Span::new(c.span.start + at, c.span.start + at + part.len());
            at += part.len() + if c.text[at + part.len()..].starts_with('；') { '；'.len_utf8() } else { 1 };
            let (t, span) = trim_span(part, span.start);
            if let Some(kv) = key_value(Cell { text: t, span }) {
                pairs.push(kv);
            }
        }
        if pairs.is_empty() {
            if let Some(r) = row.take() {
                out.extend(r.into_sdk(text, lines));
            }
            continue;
        }
        used[i] = true;
        for (f, v, span) in pairs {
            if f == Field::Name {
                if let Some(r) = row.take() {
                    out.extend(r.into_sdk(text, lines));
                }
                row = Some(Row::default());
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

/// Sentences naming SDKs: `通过友盟SDK、诸葛IO SDK、腾讯Bugly SDK收集运行数据`.
/// Names come from the knowledge base and from words written before `SDK`.
fn prose(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &[bool], kb: &Kb, out: &mut Vec<Sdk>) {
    let _ = (text, lines, cells, used, kb, out);
}

fn fill_from_kb(sdk: &mut Sdk, kb: &Kb) {
    let Some(e) = kb.lookup(&sdk.name) else { return };
    sdk.canonical = Some(e.canonical.clone());
    if sdk.category.is_none() {
        sdk.category = Some(e.category.clone());
    }
    if sdk.provider.is_none() && !e.providers.is_empty() {
        sdk.provider = Some(e.providers.join("/"));
        sdk.provider_from = Some(ProviderFrom::KnowledgeBase);
    }
}

fn recipients(text: &str, lines: &Lines, cells: &[Cell<'_>]) -> Vec<Recipient> {
    let _ = (text, lines, cells);
    Vec::new()
}

fn external_list(text: &str, outline: &[Node]) -> Option<Span> {
    fn walk(text: &str, n: &Node) -> Option<Span> {
        for c in &n.clauses {
            let t = normalize(text.get(c.span.start..c.span.end).unwrap_or(""));
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
