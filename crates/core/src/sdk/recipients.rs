//! Named recipients that are not SDKs, and an SDK list kept on another page.

use super::*;
use crate::lexicon as lex;
use crate::text::Occurrences;

/// Kinds of recipient named by type, and where a list of names follows them.
pub(super) const RECIPIENT_KINDS: &[(&str, &str)] = &[
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
#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles; inlined in wasm (smaller)
pub(super) fn recipients(text: &str, lines: &Lines, cells: &[Cell<'_>], kb: &Kb) -> Vec<Recipient> {
    let mut out: Vec<Recipient> = Vec::new();
    let mut seen = foldhash::HashSet::default();
    // Most lines give nothing to anyone: skip them before splitting
    // sentences. The words are found once in the whole text and asked of
    // each line and sentence by its span.
    let sharing = Occurrences::of(text, &["共享", "提供"]);
    let passing = Occurrences::of(text, &["传输", "委托"]);
    let paying = Occurrences::of(text, &["支付服务"]);
    for c in cells {
        if !(sharing.within(c.span) || passing.within(c.span) || paying.within(c.span)) {
            continue;
        }
        for (at, sentence) in sentences(c.text) {
            let span = Span::new(c.span.start + at, c.span.start + at + sentence.len());
            // What this sentence gives, found once and only when it names a
            // recipient; a recipient named again gains that sentence's items.
            let mut given: Option<Vec<DataItem>> = None;
            let mut push = |out: &mut Vec<Recipient>, seen: &mut foldhash::HashSet<String>, name: &str, kind: &str| {
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
            let shares = sharing.within(span);
            let gives = shares || passing.within(span);
            let pays = paying.within(span);
            if !gives && !pays {
                continue;
            }
            let words = crate::text::Words::new(sentence);
            for (word, kind) in RECIPIENT_KINDS {
                if !gives || !words.has(word) {
                    continue;
                }
                push(&mut out, &mut seen, word, kind);
                if *kind == "payment" {
                    for name in listed_after(sentence, word) {
                        push(&mut out, &mut seen, name, "payment");
                    }
                }
            }
            // Payment SDKs the knowledge base knows, named where the sentence
            // shares or pays: the names are looked up only then.
            let mut named: Vec<String> = Vec::new();
            if (shares || pays) && kb.may_name_payment(sentence) {
                for (entry, s, e) in kb.find_all(sentence) {
                    if super::kb::is_payment(entry) {
                        named.push(sentence[s..e].to_owned());
                    }
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

/// The names listed in brackets right after `word` in `sentence`:
/// `支付机构（包括支付宝支付、微信支付等）` → 支付宝支付, 微信支付.
fn listed_after<'s>(sentence: &'s str, word: &str) -> Vec<&'s str> {
    let after = &sentence[sentence.find(word).unwrap_or(0) + word.len()..];
    let Some(list) = after.strip_prefix(['（', '(']) else { return Vec::new() };
    let list = list.split(['）', ')']).next().unwrap_or("");
    let list = list.trim_start_matches("包括").trim_start_matches("如");
    list.split(['、', '，', ','])
        .map(|name| name.split(['，', '以', '等']).next().unwrap_or("").trim())
        .filter(|name| !name.is_empty() && name.chars().count() <= 12)
        .collect()
}

/// Whether a clause that names SDKs points to a list of them elsewhere: a
/// pointer (点此查看, 请见) and a list word (清单, 详情), or a list named as
/// a document of its own (查看《信息共享清单》中的“内嵌SDK”).
fn points_to_a_list(t: &str) -> bool {
    let list_word = |s: &str| lex::LIST_NAMES.iter().chain(lex::LIST_DETAILS).any(|l| crate::text::has(s, l));
    let pointer = lex::EXTERNAL_LIST_POINTERS.iter().any(|p| crate::text::has(t, p));
    // A list's title in 《》 or, on some pages, 【】 (【自意网络第三方信息共享清单】).
    let named_list =
        t.split(['《', '【']).skip(1).any(|rest| list_word(&rest[..rest.find(['》', '】']).unwrap_or(rest.len())]));
    (pointer && list_word(t)) || (named_list && lex::LIST_VIEWING.iter().any(|v| crate::text::has(t, v)))
}

/// Whether a clause is the text of a link on a line of its own, as copied
/// from a web page: a short line that only names a list of SDKs or sharing
/// partners (`第三方信息共享清单`, `SDK目录`) or sends the reader to them
/// (`了解我们关联的SDK和第三方服务。`). A title over a list in the text is a
/// heading, not a clause, and a sentence that describes SDKs is longer or
/// says more (a comma, a second sentence).
fn is_link_line(text: &str, span: Span, t: &str) -> bool {
    let whole_line = text[..span.start].trim_end_matches([' ', '\t', '\u{3000}']).ends_with('\n')
        || text[..span.start].trim().is_empty();
    let ends_line = text[span.end..].trim_start_matches([' ', '\t', '\u{3000}', '\r']).starts_with('\n')
        || text[span.end..].trim().is_empty();
    let body = t.trim_end_matches(['。', '.', '>', '》', ' ']);
    if !whole_line || !ends_line || body.chars().count() > 30 || body.contains(['，', ',', '。', '；', ';', '：', ':'])
    {
        return false;
    }
    let about_sdks =
        crate::text::has(body, "sdk") || crate::text::has(body, "第三方") || crate::text::has(body, "共享");
    let list_title = lex::LIST_NAMES.iter().any(|l| body.ends_with(l));
    let pointer = lex::LIST_VIEWING.iter().chain(lex::EXTERNAL_LIST_POINTERS).any(|v| body.starts_with(v))
        || body.starts_with("点击")
        || body.starts_with("点此");
    about_sdks && (list_title || (pointer && crate::text::has(body, "sdk")))
}

/// Whether an SDK the readers found starts within the three lines after
/// `span`: the line is then the title of a list in the text.
fn list_follows(text: &str, span: Span, sdks: &[Sdk]) -> bool {
    let rest = &text[span.end..];
    let window = span.end + rest.match_indices('\n').nth(3).map_or(rest.len(), |(i, _)| i);
    sdks.iter().flat_map(|s| &s.evidence).any(|e| e.span.start >= span.end && e.span.start < window)
}

#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles; inlined in wasm (smaller)
pub(super) fn external_list(text: &str, outline: &[Node], sdks: &[Sdk]) -> Option<Span> {
    fn walk(text: &str, n: &Node, sdks: &[Sdk], candidates: &Occurrences) -> Option<Span> {
        for c in &n.clauses {
            // Most clauses name no SDK: skip them before normalising.
            if !candidates.within(c.span) {
                continue;
            }
            let raw = text.get(c.span.start..c.span.end).unwrap_or("");
            let t = normalize(raw);
            // The MIIT 第三方共享清单 lists the SDKs too (点击查看…第三方共享清单).
            let sharing_list =
                crate::text::has(&t, "共享清单") && lex::EXTERNAL_LIST_POINTERS.iter().any(|p| crate::text::has(&t, p));
            let link_line = is_link_line(text, c.span, &t) && !list_follows(text, c.span, sdks);
            // An appendix (详附件《SDK及类似程序列表》) may be in the text: it is
            // elsewhere only when the readers found next to no SDK rows.
            let appendix = ["附件", "附录", "附表"].iter().any(|w| crate::text::has(&t, w));
            let pointer = points_to_a_list(&t) && (!appendix || sdks.len() < 3);
            if (crate::text::has(&t, "sdk") && pointer) || sharing_list || link_line {
                return Some(c.span);
            }
        }
        n.children.iter().find_map(|child| walk(text, child, sdks, candidates))
    }
    // A clause that may name an SDK (an s in any width) or a sharing list,
    // found in one search of the text per word.
    let candidates = Occurrences::of(text, &["s", "S", "ｓ", "Ｓ", "共享清单"]);
    outline.iter().find_map(|d| walk(text, d, sdks, &candidates))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_listed_in_brackets_after_a_kind() {
        let s = "我们会将订单信息共享给支付机构（包括支付宝支付、微信支付等）以完成支付。";
        assert_eq!(listed_after(s, "支付机构"), ["支付宝支付", "微信支付"]);
        assert_eq!(listed_after("共享给支付机构。", "支付机构"), Vec::<&str>::new());
        assert_eq!(listed_after("金融机构(如银联)", "金融机构"), ["银联"]);
    }
}
