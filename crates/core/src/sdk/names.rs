//! What is a name and who provides it: junk and generic names, companies
//! before a name or in its sentence.

use crate::lexicon as lex;

/// A "name" that is a phrase of the sentence around it: a clause
/// (`我们集成了前述两项第三方SDK，用于…`), a kind of SDK only (`使用的第三方SDK`,
/// `第三方SDK服务商`), or words with a verb of the sentence (`APP调用人脸识别SDK`).
pub(super) fn junk_name(name: &str) -> bool {
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
    // … and verbs of the sentence, and words of a heading about SDKs
    // (`第三方SDK收集使用信息说明`).
    (pointer.iter().any(|w| crate::text::has(n, w)) && generic_words(&without_sdk))
        || SENTENCE_VERBS.iter().chain(SDK_LIST_HEADING_WORDS).any(|w| crate::text::has(n, w))
}

/// Words that only say what kind of SDK it is, or point at one.
pub(super) const KIND_WORDS: &[&str] = crate::lexicon::STOP_KIND_WORDS;

/// Verbs of the sentence around a name (调用, 点击): a name holds none.
const SENTENCE_VERBS: &[&str] =
    &["参见", "调用", "采集", "关闭", "阅读", "开通", "点击", "查看", "了解", "需要", "可能", "进行", "所需", "涉及"];

/// Beside [`SENTENCE_VERBS`], words of a heading about SDKs: no name holds them.
const SDK_LIST_HEADING_WORDS: &[&str] = crate::lexicon::SDK_LIST_HEADING_WORDS;

/// Beside [`SENTENCE_VERBS`], words a name in prose does not hold: particles,
/// pronouns and pointers of the sentence around it.
const NOT_IN_NAMES: &[&str] = crate::lexicon::STOP_NOT_IN_NAMES;

/// Whether `t` holds a word of the sentence around a name
/// ([`SENTENCE_VERBS`], [`NOT_IN_NAMES`]): no name does.
pub(super) fn holds_sentence_word(t: &str) -> bool {
    SENTENCE_VERBS.iter().chain(NOT_IN_NAMES).any(|w| crate::text::has(t, w))
}

/// A name in prose written only in Chinese words: one that is more than the
/// kind of SDK, holds no verb of the sentence, and stands in a list or after
/// a verb of use (`使用移动登录SDK、电信登录SDK`).
pub(super) fn plain_chinese_name_ok(sentence: &str, a: usize, name: &str) -> bool {
    if generic_words(name) || holds_sentence_word(name) {
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
pub(super) fn generic_words(name: &str) -> bool {
    let mut rest = name.trim().to_owned();
    loop {
        let before = rest.len();
        for w in KIND_WORDS {
            if crate::text::has(&rest, w) {
                rest = rest.replace(w, "");
            }
        }
        if rest.len() == before {
            break;
        }
    }
    rest.chars().filter(|c| !c.is_whitespace()).count() < 2
}

/// The company written right before a name: `集成北京今始科技有限公司的速验登录SDK`,
/// `使用了神州泰岳公司提供的社交金融SDK`.
pub(super) fn company_before(head: &str) -> Option<String> {
    let h = head.trim_end();
    let h = h.strip_suffix("提供的").or_else(|| h.strip_suffix('的'))?;
    let h = h.strip_suffix("所").unwrap_or(h);
    let ends = lex::COMPANY_ENDINGS.iter().chain(lex::COMPANY_WORD).any(|e| h.ends_with(e))
        || h.ends_with(['）', ')']) && crate::text::has(h, "公司");
    if !ends {
        return None;
    }
    company_run(h)
}

/// The company name that ends `h`: back to a verb, a particle or a
/// punctuation mark, at most 40 characters.
pub(super) fn company_run(h: &str) -> Option<String> {
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
pub(super) fn provider_in(body: &str) -> Option<String> {
    for key in lex::PROVIDER_KEYS {
        if let Some(p) = body.find(key) {
            let rest = &body[p + key.len()..];
            let end = rest.find(['，', ',', '。', '；', '（', '(']).unwrap_or(rest.len());
            let cand = rest[..end].trim();
            let cand = cand.strip_suffix("提供").unwrap_or(cand);
            if let Some(e) = lex::COMPANY_ENDINGS
                .iter()
                .chain(lex::COMPANY_WORD)
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
