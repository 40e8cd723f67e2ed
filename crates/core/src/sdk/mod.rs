//! Third-party SDKs and other recipients of personal information
//! ([`SdkExtraction`]).
//!
//! Structure first, then prose. The passes run in this order, each a single
//! walk over the non-blank lines that marks the lines it consumed, so a later
//! pass never reads a row twice:
//!
//! 1. tables, all read into one table model (`table.rs`): web-page exports with
//!    a lone `|` line between cells, header cells one per line, and
//!    one-row-a-line tables split by `|`, tabs, wide spaces or commas;
//! 2. key–value records (`SDK名称：…`, `records.rs`);
//! 3. numbered items naming SDKs in their head, and SDKs listed under their
//!    provider (`lists.rs`);
//! 4. sentences naming SDKs (`prose.rs`).
//!
//! Then vendors' push SDKs named by vendor become one SDK per vendor
//! (`push.rs`); the knowledge base ([`kb`]) fills the provider and category the
//! text leaves out (the text wins; a provider from it is marked
//! `provider_from: knowledge_base`); the same SDK found twice is merged
//! (`merge.rs`); rows are put in the order the policy names them; definitions
//! the policy gives (`唯一设备识别码：…IDFA、UUID…`) expand the data items they
//! define. Recipients that are not SDKs come last (`recipients.rs`), and a
//! payment SDK is also a payment recipient. A policy that only points to a
//! list elsewhere (`点此查看…SDK详情`) sets `external_list`.
//!
//! Never reads the outline's categories or the rules.

mod lists;
mod names;
mod prose;
mod recipients;
mod records;
mod table;

use self::{lists::*, names::*, prose::*, recipients::*, records::*, table::*};
use crate::lexicon as lex;

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

pub fn extract(text: &str, lines: &Lines, outline: &[Node]) -> SdkExtraction {
    extract_with(text, lines, outline, Kb::builtin())
}

/// [`extract`] with a knowledge base of the caller's (tests, or none).
pub fn extract_with(text: &str, lines: &Lines, outline: &[Node], kb: &Kb) -> SdkExtraction {
    let mut out = find_with(text, lines, kb);
    link_external_list(&mut out, text, outline);
    out
}

/// Everything [`extract`] finds but the external list: it reads only the
/// text and its lines, so it needs no outline and may run while the text is
/// segmented and classified ([`crate::analyze_with`] runs it beside them).
pub fn find(text: &str, lines: &Lines) -> SdkExtraction {
    find_with(text, lines, Kb::builtin())
}

/// Sets `external_list` of what [`find`] found: where the outline says the
/// policy's SDK list is on another page, when it gives none in the text.
pub fn link_external_list(found: &mut SdkExtraction, text: &str, outline: &[Node]) {
    // Also beside SDKs named in the text: a policy that links its full list
    // often names a few SDKs in passing.
    found.external_list = external_list(text, outline, &found.sdks);
}

fn find_with(text: &str, lines: &Lines, kb: &Kb) -> SdkExtraction {
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
    out
}

/// A non-blank line, trimmed.
#[derive(Debug, Clone, Copy)]
struct Cell<'a> {
    text: &'a str,
    span: Span,
    /// Where the first colon of `text` is ([`crate::text::find_colon`]):
    /// several passes ask it of every line, and in Chinese text the scan
    /// stops at every full-width comma on its way.
    colon: Option<usize>,
}

impl<'a> Cell<'a> {
    /// A piece of a line, its colon looked for in it.
    fn new(text: &'a str, span: Span) -> Self {
        Cell { text, span, colon: crate::text::find_colon(text) }
    }
}

fn cells<'a>(text: &'a str, lines: &Lines) -> Vec<Cell<'a>> {
    let mut out = Vec::new();
    // The colons of the whole text, in one scan, dealt to the lines in order.
    let mut colons = crate::text::colons(text).peekable();
    for &s in lines.spans() {
        let (t, span) = trim_span(&text[s.start..s.end], s.start);
        while colons.next_if(|&at| at < span.start).is_some() {}
        let colon = colons.peek().filter(|&&at| at < span.end).map(|&at| at - span.start);
        if !t.is_empty() {
            debug_assert_eq!(colon, crate::text::find_colon(t));
            out.push(Cell { text: t, span, colon });
        }
    }
    out
}

mod align;
pub mod vocab;

/// The first URL in `s`: from `http`/`www.` to white space or Chinese
/// punctuation (a path may hold Chinese words: `…/qq互联sdk隐私保护声明`),
/// an unopened closing bracket or trailing `.` left out.
fn url_in(s: &str) -> Option<String> {
    // Where a row gives several (an official site and a policy page), the
    // policy page.
    let urls: Vec<String> = url_ranges(s).into_iter().filter_map(|(a, _)| one_url(&s[a..])).collect();
    let policy = |u: &&String| {
        let l = u.to_ascii_lowercase();
        lex::POLICY_URL_WORDS.iter().any(|w| crate::text::has(&l, w))
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

/// `1.`, `1.4.1,`, `（2）`, `3)`, `①`: a list marker at the start, cut off.
/// Digits need a mark after them: `360加固SDK` and `3D地图SDK` are names.
fn strip_list_marker(s: &str) -> &str {
    const MARKS: [char; 8] = ['.', '．', '、', ')', '）', ',', ' ', '，'];
    let t = s.trim_start();
    let t = t.trim_start_matches(['（', '(']);
    // `1.4.1`: number groups joined by dots.
    let mut digits = t;
    loop {
        let after = digits.trim_start_matches(|c: char| c.is_ascii_digit());
        if after.len() == digits.len() || digits.len() - after.len() > 3 {
            break;
        }
        digits = after;
        match after.strip_prefix(['.', '．']) {
            Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => digits = r,
            _ => break,
        }
    }
    let rest = if digits.len() < t.len() && digits.starts_with(MARKS) {
        digits.trim_start_matches(MARKS)
    } else if t.starts_with(|c: char| ('①'..='⑳').contains(&c)) {
        &t[t.chars().next().map_or(0, char::len_utf8)..]
    } else {
        return s.trim_start();
    };
    rest.trim_start()
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
    sdk.canonical = Some(e.canonical.to_string());
    if sdk.category.is_none() {
        sdk.category = Some(e.category.to_string());
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
    let mut defs: foldhash::HashMap<&str, &str> = foldhash::HashMap::default();
    for c in cells {
        let Some(p) = c.colon else { continue };
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
    fn a_lone_pipe_under_a_wrapped_row_ends_the_table() {
        // Found by the fuzzer: a row left short, then a line of a pipe alone
        // (no cell at all) indexed an empty list.
        let text = "个人信息|SDK名称|用途\n位置|微信\n\n托-\n|\n";
        let x = run(text);
        spans_ok(text, &x);
        let fuzzed = String::from_utf8_lossy(include_bytes!("../../../../fuzz/corpus/analyze/crash-d3fe15da"));
        spans_ok(&fuzzed, &run(&fuzzed));
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
    fn a_comma_flattened_table_after_its_lead_in() {
        // CAPP-130 rw_104 (CC BY 4.0): a PDF table flattened to commas, the
        // header after the sentence that introduces it, cells cut by line
        // wraps (`深圳市腾讯计算机系,统有限公司`, `https://www.jiguang.c,n/…`),
        // and the next numbered part of the policy after it.
        let text = "目前我们接入的第三方合作伙伴权限情况如下：,第三方服务名称,合作伙伴名称,具体功能,获取的权限/信息,合作伙伴网站\n\
            微信支付,深圳市腾讯计算机系,统有限公司,支付,无,http://privacy.qq.com/\n\
            极光推送,深圳市和讯华谷信息,技术有限公司,信息推送,判断手机是否解锁、,访问网络,https://www.jiguang.c,n/license/privacy\n\
            2.,转让,我们不会将您的个人信息转让给任何公司、组织和个人，但以下情况除外：\n";
        let x = run(text);
        spans_ok(text, &x);
        let rows: Vec<(&str, Option<&str>, Option<&str>)> =
            x.sdks.iter().map(|s| (s.name.as_str(), s.provider.as_deref(), s.link.as_deref())).collect();
        assert_eq!(
            rows,
            [
                ("微信支付", Some("深圳市腾讯计算机系统有限公司"), Some("http://privacy.qq.com/")),
                ("极光推送", Some("深圳市和讯华谷信息技术有限公司"), Some("https://www.jiguang.cn/license/privacy")),
            ]
        );
        assert_eq!(x.sdks[1].purpose.as_deref(), Some("信息推送"));
    }

    #[test]
    fn points_to_an_external_list() {
        let text = "隐私政策\n（三）SDK的使用\n我们会嵌入授权合作伙伴的SDK（您可点此查看我们接入授权合作伙伴的SDK详情说明）。\n";
        let r = crate::analyze(text);
        let lines = Lines::new(text);
        let ext = extract(text, &lines, &r.outline).external_list.unwrap();
        assert!(text[ext.start..ext.end].starts_with("我们会嵌入"));
        // A link's text on a line of its own, as web pages are copied.
        for (link, expected) in [
            ("了解我们关联的SDK和第三方服务。", true),
            ("第三方信息共享清单", true),
            ("点击查看第三方SDK目录", true),
            // CAPP-130 rw_123.jsonl:174: an appendix the text does not hold.
            ("根据不同合作方，可能接入的SDK名单详附件《SDK及类似程序列表》。", true),
            ("我们接入的SDK如下", false),
            ("第三方SDK会收集您的设备信息，用于统计。", false),
            // The title of a list in the text (CAPP-130 rw_21).
            (
                "第三方SDK目录\n友盟SDK,提供方：友盟同欣（北京）科技有限公司,使用目的：统计分析,数据类型：设备信息",
                false,
            ),
        ] {
            let text = format!("隐私政策\n一、共享\n我们会使用第三方SDK提供服务，这些SDK可能收集必要的信息。\n{link}\n二、联系我们\n邮箱：a@example.com\n");
            let r = crate::analyze(&text);
            let found = extract(&text, &Lines::new(&text), &r.outline).external_list;
            assert_eq!(found.map(|s| &text[s.start..s.end]), expected.then_some(link), "{link}");
        }
        let plain = "隐私政策\n我们使用友盟SDK统计崩溃信息。\n";
        assert_eq!(extract(plain, &Lines::new(plain), &crate::analyze(plain).outline).external_list, None);
    }
}
