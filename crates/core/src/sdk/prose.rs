//! SDKs named in sentences: names before `SDK`, quoted lists after it, the
//! other items of a list of SDK names, `接入X及Y的SDK`, a policy title
//! (`《个推隐私政策》`), and names the knowledge base knows that stand neither
//! inside a URL nor after 用于 (a purpose, not an SDK); purpose and data from the
//! sentence (or the next one).

use super::*;
use crate::lexicon as lex;

/// Sentences naming SDKs: `通过友盟SDK、诸葛IO SDK、腾讯Bugly SDK收集运行数据`.
/// Names are the words written before `SDK` and the names the knowledge base
/// knows, in sentences that speak of SDKs; the sentence gives data and purpose.
#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles; inlined in wasm (smaller)
pub(super) fn prose(text: &str, lines: &Lines, cells: &[Cell<'_>], used: &[bool], kb: &Kb, out: &mut Vec<Sdk>) {
    // Each name once, by where it is in `out`; a name met again adds its
    // sentence to the evidence (a few at most).
    let mut seen: foldhash::HashMap<String, usize> =
        out.iter().enumerate().map(|(i, s)| (normalize(&s.name), i)).collect();
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
            if !has_sdk(sentence) && !sentence.contains('《') {
                continue;
            }
            let names = names_in_sentence(sentence, kb);
            let (purpose, mut data) = purpose_and_data(sentence);
            if data.is_none() {
                data = next_sentence_data(&all_sentences, at, cells, used, i);
            }
            let naming = Naming { sentence, start: c.span.start + at, purpose, data };
            record_names(text, lines, &naming, names, &mut seen, out);
        }
    }
}

/// Whether `s` has the word SDK, in any case.
pub(super) fn has_sdk(s: &str) -> bool {
    has_ascii_word(s, b"sdk")
}

/// Whether `s` speaks of push (`推送`, `push` in any case).
fn has_push(s: &str) -> bool {
    crate::text::has(s, "推送") || has_ascii_word(s, b"push")
}

/// Whether `s` holds `word` (lower-case ASCII) in any case. Its first
/// letter is looked for with memchr, in either case: in Chinese text it is
/// rare (no byte of a multi-byte character is ASCII), so most lines are
/// passed over at memchr's speed instead of a comparison at every byte.
fn has_ascii_word(s: &str, word: &[u8]) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(word[0], word[0].to_ascii_uppercase(), b)
        .any(|i| b.get(i..i + word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word)))
}

/// The byte ranges of the SDK names of a sentence, in order.
fn names_in_sentence(sentence: &str, kb: &Kb) -> Vec<(usize, usize)> {
    let mut names = token_names(sentence, kb);
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
    kb_names(sentence, kb, &mut names);
    names.sort_unstable();
    names
}

/// The names written before the word `SDK` that name something.
fn token_names(sentence: &str, kb: &Kb) -> Vec<(usize, usize)> {
    let b = sentence.as_bytes();
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
    // A name in prose written only in Chinese words is a name when
    // something is left after the words that only say what kind of
    // SDK it is (`移动登录SDK`, `视频客服SDK`; not `应用安全SDK`,
    // `推送SDK`), or when the knowledge base knows it.
    names.retain(|&(a, z)| {
        let n = &sentence[a..z - 3];
        n.bytes().any(|b| b.is_ascii_alphanumeric()) || kb.lookup(n).is_some() || plain_chinese_name_ok(sentence, a, n)
    });
    names
}

/// Adds the knowledge-base names of a sentence that overlap none of the
/// names found so far (`names`, in order and without overlaps).
fn kb_names(sentence: &str, kb: &Kb, names: &mut Vec<(usize, usize)>) {
    // `names` is in order and without overlaps: a binary search finds
    // whether a knowledge-base match overlaps one.
    let by_token = names.len();
    // Payment institutions are recipients, not SDKs.
    let about_payment = crate::text::has(sentence, "支付机构") || crate::text::has(sentence, "金融机构");
    let urls = url_ranges(sentence);
    for (entry, s, e) in kb.find_all(sentence) {
        if crate::text::has(&entry.category, "payment") || about_payment {
            continue;
        }
        // An alias inside a URL, or after 用于 (`用于微博登录`: a purpose), names nothing.
        let before = &sentence[..s];
        if urls.iter().any(|&(a, z)| a <= s && s < z) || ["用于", "实现", "支持"].iter().any(|w| before.ends_with(w))
        {
            continue;
        }
        let i = names[..by_token].partition_point(|&(_, z)| z <= s);
        if names[..by_token].get(i).is_none_or(|&(a, _)| a >= e) {
            names.push((s, e));
        }
    }
}

/// The data the next sentence (or the next line's first) says the SDKs
/// just listed collect: `…使用A SDK、B SDK。此类SDK会收集您的…`.
fn next_sentence_data(
    all_sentences: &[(usize, &str)],
    at: usize,
    cells: &[Cell<'_>],
    used: &[bool],
    i: usize,
) -> Option<String> {
    // The next sentence may be on the next line (`此SDK直接收集您的…`,
    // `需要访问您的本机设备信息…`).
    let next = all_sentences.iter().find(|(a, _)| *a > at).map(|(_, n)| n.trim_start()).or_else(|| {
        let n = cells.get(i + 1).filter(|_| !used.get(i + 1).copied().unwrap_or(true))?;
        (strip_list_marker(n.text).len() == n.text.len()).then(|| sentences(n.text).first().map(|x| x.1))?
    });
    let next = next.filter(|n| {
        (lex::NEXT_SENTENCE_POINTERS.iter().any(|w| n.starts_with(w)) && n.to_ascii_lowercase().contains("sdk"))
            || lex::NEXT_SENTENCE_COLLECTS.iter().any(|w| n.starts_with(w))
    })?;
    purpose_and_data(next).1
}

/// A sentence that names SDKs, where it starts in the text, and what it
/// says they are for and collect.
struct Naming<'a> {
    sentence: &'a str,
    start: usize,
    purpose: Option<String>,
    data: Option<String>,
}

/// Adds each new name of the sentence to `out`; a name seen before gets the
/// sentence as more evidence (eight at most).
fn record_names(
    text: &str,
    lines: &Lines,
    naming: &Naming<'_>,
    names: Vec<(usize, usize)>,
    seen: &mut foldhash::HashMap<String, usize>,
    out: &mut Vec<Sdk>,
) {
    let Naming { sentence, start, .. } = *naming;
    let span = Span::new(start, start + sentence.len());
    let single = names.len() == 1;
    for (s, e) in names {
        let name = sentence[s..e].trim().to_owned();
        let key = normalize(&name);
        if key.chars().count() < 2 || GENERIC.iter().any(|g| key == *g) || junk_name(&name) {
            continue;
        }
        if let Some(&k) = seen.get(&key) {
            if out[k].evidence.len() < 8 {
                let ev = evidence(text, lines, window(text, span, start + s, start + e));
                if !out[k].evidence.contains(&ev) {
                    out[k].evidence.push(ev);
                }
            }
            continue;
        }
        seen.insert(key, out.len());
        let provider = company_before(&sentence[..s]).or_else(|| (single).then(|| provider_in(sentence)).flatten());
        let ev = evidence(text, lines, window(text, span, start + s, start + e));
        out.push(found(&name, provider, naming.purpose.clone(), naming.data.as_deref(), ev));
    }
}

/// `接入X及Y的SDK`, `集成了X、Y的SDK`: the names between the verb and `的SDK`
/// (a company there is the provider, not a name).
pub(super) fn names_before_de_sdk(s: &str) -> Vec<(usize, usize)> {
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
            if t.chars().count() >= 2 && !generic_words(t) && !holds_sentence_word(t) {
                out.push((a, a + t.len()));
            }
            p += part.len() + sep_len(s, p + part.len());
        }
    }
    out
}

/// SDKs named by the title of their own policy, `《个推用户隐私政策》`, when
/// the knowledge base knows the name in it.
pub(super) fn titled_policies(s: &str, kb: &Kb) -> Vec<(usize, usize)> {
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
pub(super) fn list_neighbours(s: &str, names: &[(usize, usize)]) -> Vec<(usize, usize)> {
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
pub(super) fn url_ranges(s: &str) -> Vec<(usize, usize)> {
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
pub(super) fn quoted_names(s: &str) -> Vec<(usize, usize)> {
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
pub(super) fn sep_len(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(0, char::len_utf8)
}

/// The sentence, or a window around the name when the sentence is huge (so
/// that many names in one enormous line stay linear).
pub(super) fn window(text: &str, sentence: Span, start: usize, end: usize) -> Span {
    if sentence.len() <= 1000 {
        return sentence;
    }
    let a = crate::text::floor_boundary(text, start.saturating_sub(300).max(sentence.start));
    let z = crate::text::floor_boundary(text, (end + 300).min(sentence.end));
    Span::new(a.max(sentence.start), z.max(end))
}

pub(super) const GENERIC: &[&str] =
    &["sdk", "第三方sdk", "相关sdk", "该sdk", "此sdk", "这些sdk", "其他sdk", "上述sdk", "各sdk", "相应sdk"];

/// Words after which an SDK's name starts (verbs, conjunctions, particles).
pub(super) const STOPS: &[&str] = crate::lexicon::STOP_NAME_STOPS;

/// Where the name that ends at byte `k` (the `SDK`) begins, if it has one.
pub(super) fn name_before(s: &str, k: usize) -> Option<usize> {
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
pub(super) fn sentences(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    // The four ends (。！？；) are three bytes each, led by 0xE3 or 0xEF:
    // only those bytes are looked at, not every character decoded.
    let b = s.as_bytes();
    for i in memchr::memchr2_iter(0xE3, 0xEF, b) {
        if matches!(b.get(i..i + 3), Some([0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81 | 0x9F | 0x9B])) {
            let end = i + 3;
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
pub(super) fn purpose_and_data(s: &str) -> (Option<String>, Option<String>) {
    (purpose_of(s), data_of(s))
}

/// The purpose a sentence states: what opens it after `为了`, else what
/// follows `用于` (up to the clause's end).
fn purpose_of(s: &str) -> Option<String> {
    let clip = |from: usize| -> Option<String> {
        let rest = &s[from..];
        let end = rest.find(['。', '；', '，', ',', '；']).unwrap_or(rest.len());
        let v = rest[..end].trim();
        (!v.is_empty() && v.chars().count() <= 60).then(|| v.to_owned())
    };
    // `为了向您提供人脸识别服务，我们使用了…`: a sentence that opens with its
    // purpose; else the purpose after `用于`.
    let opening = s.trim_start().strip_prefix("为了").map(|r| s.len() - r.len());
    opening
        .or_else(|| ["用于", "以便", "以实现", "以提供"].iter().find_map(|w| s.find(w).map(|p| p + w.len())))
        .and_then(clip)
}

/// The data a sentence says is collected: the object of the earliest verb
/// of collection, with the objects of verbs joined to it by `并`.
fn data_of(s: &str) -> Option<String> {
    // The earliest verb of collection, and what follows it up to the purpose
    // or the clause's end (outside brackets: a list may explain an item
    // with commas inside them).
    const VERBS: &[&str] = crate::lexicon::SDK_COLLECT_VERBS;
    // The verbs in order; a permission (`需要获取您的网络访问权限，收集您的…`)
    // gives way to the data a later verb names.
    let mut at: Vec<(usize, usize)> =
        VERBS.iter().flat_map(|w| s.match_indices(w).map(|(p, _)| (p, p + w.len()))).collect();
    at.sort_by_key(|&(p, end)| (p, std::cmp::Reverse(end)));
    at.dedup_by_key(|x| x.0);
    let objects: Vec<(usize, String)> = at.iter().filter_map(|&(v, p)| Some((v, object_at(s, p)?))).collect();
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
    data.map(|d| d.1)
}

/// What follows a verb ending at `p`, up to the purpose or the clause's end
/// (outside brackets, and not at a comma that stands for a space:
/// `Android,ID`); none when it states a purpose.
fn object_at(s: &str, p: usize) -> Option<String> {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte search splits where a test of every character would.
        #[test]
        fn sentences_split_where_each_character_says(s in "[a甲乙。！？；，、：「」（）ａ．\u{3001}-\u{3003}\u{ff01}-\u{ff1f}]{0,30}") {
            let mut want = Vec::new();
            let mut start = 0;
            for (i, c) in s.char_indices() {
                if matches!(c, '。' | '！' | '？' | '；') {
                    want.push((start, &s[start..i + c.len_utf8()]));
                    start = i + c.len_utf8();
                }
            }
            if start < s.len() {
                want.push((start, &s[start..]));
            }
            proptest::prop_assert_eq!(sentences(&s), want);
        }
    }

    #[test]
    fn sentences_end_at_the_four_full_stops() {
        let s = "甲。乙！丙？丁；戊，己";
        let got: Vec<(usize, &str)> = sentences(s);
        assert_eq!(got, [(0, "甲。"), (6, "乙！"), (12, "丙？"), (18, "丁；"), (24, "戊，己")]);
        assert_eq!("。！？；".chars().map(|c| c.len_utf8()).sum::<usize>(), 12);
        assert!(sentences("").is_empty());
        assert_eq!(sentences("ａ．ｂ"), [(0, "ａ．ｂ")]);
    }

    #[test]
    fn ascii_words_are_found_in_any_case_among_chinese() {
        assert!(has_sdk("我们接入了友盟SDK。"));
        assert!(has_sdk("Bugly Sdk"));
        assert!(has_sdk("sdk"));
        assert!(!has_sdk("我们接入了 SD K。"));
        assert!(!has_sdk("sd"));
        assert!(has_push("个推推送"));
        assert!(has_push("JPush"));
        assert!(!has_push("PUS"));
    }
}
