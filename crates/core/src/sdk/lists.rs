//! Numbered items naming SDKs in their head, and SDKs listed under their
//! provider.

use super::*;
use crate::lexicon as lex;

/// Numbered list items that name SDKs in their head: `（1）社保卡SDK：当您…`,
/// `5）社交金融SDK、移动经理SDK：…`, `1.PP视频SDK：手机/电话权限`,
/// `（2）.信鸽SDK,通过获取IMEI…`, `（1）人脸识别SDK。`. Every name of the
/// head is an SDK, known to the knowledge base or not; the item's text gives
/// purpose, data and provider.
#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles; inlined in wasm (smaller)
pub(super) fn list_items(
    text: &str,
    lines: &Lines,
    cells: &[Cell<'_>],
    used: &mut [bool],
    kb: &Kb,
    out: &mut Vec<Sdk>,
) {
    let mut last_sdk_item = None;
    for (i, c) in cells.iter().enumerate() {
        if used[i] {
            continue;
        }
        let item = strip_list_marker(c.text);
        if item.len() == c.text.trim_start().len() || item.is_empty() {
            continue;
        }
        let Some((head_end, colon)) = head_end(item) else { continue };
        // A head that is a sentence names no SDK of its own.
        if item[..head_end].contains(['。', '，']) {
            continue;
        }
        let head = named_after_verb(&item[..head_end]);
        // An item right under an SDK item, shaped like it (`3.腾讯X5：手机/电话权限`
        // after `2.风行播放SDK：手机/电话权限、定位权限`), is one too.
        let sibling = i > 0
            && last_sdk_item == Some(i - 1)
            && colon
            && head.chars().count() <= 20
            && bare_list(&item[head_end..]).is_some();
        if head.is_empty() || head.contains(['。', '，']) || !(has_sdk(head) || kb.lookup(head).is_some() || sibling)
        {
            continue;
        }
        let (body, body_span) = item_body(cells, used, i, &item[head_end..]);
        let item = Item { cell: *c, head, body, body_span };
        if item.name_sdks(text, lines, kb, out) {
            used[i] = true;
            last_sdk_item = Some(i);
            if body_span != c.span {
                used[i + 1] = true;
            }
        }
    }
}

/// `作业帮APP集成北京今始科技有限公司的速验登录SDK` → `速验登录SDK`: a head
/// that says who integrates whose SDK names the SDK after its last 的.
fn named_after_verb(head: &str) -> &str {
    let verb = ["集成", "接入", "嵌入", "使用", "采用"].iter().filter_map(|v| head.find(v)).min();
    match (verb, head.rfind('的')) {
        (Some(v), Some(d)) if v < d && has_sdk(&head[d..]) => &head[d + '的'.len_utf8()..],
        _ => head,
    }
}

/// Where an item's head ends, and whether a colon ends it: at the first
/// colon, or at a comma right after `SDK`, or the whole short item.
fn head_end(item: &str) -> Option<(usize, bool)> {
    // The head ends at the first colon, or at a comma right after `SDK`,
    // or is the whole short item.
    let colon = item.char_indices().find(|&(p, ch)| (ch == '：' || ch == ':') && !item[p..].starts_with("://"));
    let head_end = match colon {
        Some((p, _)) if item[..p].chars().count() <= 30 => Some(p),
        // Without SDK (most items), before a lower-cased copy.
        _ if !has_sdk(item) => None,
        _ => {
            let lower = item.to_ascii_lowercase();
            lower.find("sdk,").or_else(|| lower.find("sdk，")).map(|p| p + 3).or_else(|| {
                let t = item.trim_end_matches(['。', '；', ';']);
                (t.chars().count() <= 25 && has_sdk(t)).then_some(t.len())
            })
        }
    };
    head_end.map(|e| (e, colon.is_some()))
}

/// The text that describes the item: what follows its head, or the
/// paragraph under an item that is its head alone.
fn item_body<'a>(cells: &[Cell<'a>], used: &[bool], i: usize, after_head: &'a str) -> (&'a str, Span) {
    // `（1）人脸识别SDK。` alone on its line: the paragraph under it
    // describes it (`…该SDK由某某公司提供，需要采集您的…`).
    let mut body = after_head;
    let mut body_span = cells[i].span;
    if body.trim_matches(['。', '；', ';', ' ']).is_empty() {
        if let Some(next) = cells.get(i + 1).filter(|n| {
            !used[i + 1] && strip_list_marker(n.text).len() == n.text.trim_start().len() && n.text.chars().count() > 20
        }) {
            body = next.text;
            body_span = next.span;
        }
    }
    (body, body_span)
}

/// A list item that names SDKs in its head, and the text that describes them.
struct Item<'a> {
    cell: Cell<'a>,
    head: &'a str,
    body: &'a str,
    body_span: Span,
}

impl Item<'_> {
    /// Adds an SDK for every name of the head, with purpose, data and
    /// provider from the body; whether it named any.
    fn name_sdks(&self, text: &str, lines: &Lines, kb: &Kb, out: &mut Vec<Sdk>) -> bool {
        let Item { cell: c, head, body, body_span } = *self;
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
                    && !has_sdk(name)
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
        named_any
    }
}

/// `：手机/电话权限、定位权限`, `：“设备信息（IMEI/Mac）、存储权限”`: a value that is
/// only a list of short items (no sentence, no purpose), without its colon
/// and quotes.
pub(super) fn bare_list(body: &str) -> Option<&str> {
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
        && !["用于", "为了", "以便", "通过"].iter().any(|w| crate::text::has(v, w)))
    .then_some(v)
}

/// SDKs listed under their provider: `深圳市腾讯计算机系统有限公司：微信SDK、QQ SDK、Bugly SDK`.
#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles; inlined in wasm (smaller)
pub(super) fn grouped_by_provider(
    text: &str,
    lines: &Lines,
    cells: &[Cell<'_>],
    used: &mut [bool],
    out: &mut Vec<Sdk>,
) {
    for (i, c) in cells.iter().enumerate() {
        if used[i] {
            continue;
        }
        let t = strip_list_marker(c.text);
        let Some(colon) = crate::text::find_colon(t) else { continue };
        let head = t[..colon].trim().trim_matches('*');
        let is_company = lex::COMPANY_ENDINGS.iter().chain(lex::COMPANY_ENDINGS_MORE).any(|e| head.ends_with(e));
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
pub(super) fn split_names(head: &str) -> Vec<(usize, &str)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numbered_item_that_says_who_integrates_whose_sdk() {
        // CAPP-130 rw_33.jsonl:167, its marker `1.4.1` followed by a comma.
        let text = "隐私政策\n1.4 第三方SDK\n1.4.1,作业帮APP集成北京今始科技有限公司的速验登录SDK，速验登录SDK需要获取您的网络访问权限，收集您的手机样式、设备版本信息。\n";
        let x = extract_with(text, &Lines::new(text), &[], Kb::builtin());
        let rows: Vec<(&str, Option<&str>)> = x.sdks.iter().map(|s| (s.name.as_str(), s.provider.as_deref())).collect();
        assert_eq!(rows, [("速验登录SDK", Some("北京今始科技有限公司"))]);
        assert_eq!(named_after_verb("我们使用的友盟SDK"), "友盟SDK");
        assert_eq!(named_after_verb("友盟的统计SDK"), "友盟的统计SDK");
        assert_eq!(strip_list_marker("1.4.1,作业帮"), "作业帮");
        assert_eq!(strip_list_marker("360加固SDK"), "360加固SDK");
        assert_eq!(strip_list_marker("（2）.信鸽SDK"), "信鸽SDK");
    }
}
