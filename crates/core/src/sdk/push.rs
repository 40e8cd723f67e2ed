//! Phone vendors' push SDKs named only by vendor:
//! `华为/小米/OPPO/vivo手机的厂商Push SDK`, `极光、小米、华为、vivo、OPPO品牌手机厂商的推送SDK`.
//! Each vendor named next to a push word is one SDK, `华为推送SDK`, which
//! the knowledge base knows; the generic phrase is never a name.

use crate::lexicon as lex;
use crate::report::{Sdk, Span};
use crate::text::{evidence, Lines};

/// Vendors with a push channel of their own, as policies write them.
const VENDORS: &[(&str, &str)] = &[
    ("华为", "华为"),
    ("huawei", "华为"),
    ("荣耀", "荣耀"),
    ("honor", "荣耀"),
    ("小米", "小米"),
    ("xiaomi", "小米"),
    ("oppo", "OPPO"),
    ("vivo", "vivo"),
    ("魅族", "魅族"),
    ("meizu", "魅族"),
];

/// The vendors named in `s` (lower-cased), in order, each once.
fn vendors_in(lower: &str) -> Vec<(usize, &'static str)> {
    let mut out: Vec<(usize, &'static str)> = Vec::new();
    for (word, vendor) in VENDORS {
        let mut from = 0;
        while let Some(i) = lower[from..].find(word) {
            let at = from + i;
            // `vivo` inside a longer Latin word is not the vendor.
            let latin = word.is_ascii();
            let before = lower[..at].chars().next_back();
            let after = lower[at + word.len()..].chars().next();
            let bounded = !latin
                || (before.is_none_or(|c| !c.is_ascii_alphabetic()) && after.is_none_or(|c| !c.is_ascii_alphabetic()));
            if bounded && !out.iter().any(|(_, v)| v == vendor) {
                out.push((at, vendor));
            }
            from = at + word.len();
        }
    }
    out.sort_unstable();
    out
}

/// Per-vendor push SDKs for a name that lists several vendors
/// (`华为/小米/OPPO/vivo厂商推送SDK`); `None` for any other name.
pub(super) fn split_name(sdk: &Sdk) -> Option<Vec<Sdk>> {
    let lower = sdk.name.to_ascii_lowercase();
    if !lex::PUSH_WORDS.iter().any(|p| crate::text::has(&lower, p)) {
        return None;
    }
    let vendors = vendors_in(&lower);
    if vendors.len() < 2 {
        return None;
    }
    Some(
        vendors
            .into_iter()
            .map(|(_, v)| Sdk {
                name: format!("{v}推送SDK"),
                canonical: None,
                provider: None,
                provider_from: None,
                category: None,
                ..sdk.clone()
            })
            .collect(),
    )
}

/// Vendor push SDKs in prose: a clause with a push word and two or more
/// vendors listed together before it, within 40 characters.
pub(super) fn in_sentence(text: &str, lines: &Lines, sentence: &str, span: Span, out: &mut Vec<Sdk>) {
    // ASCII lower-casing keeps every byte offset.
    let lower = sentence.to_ascii_lowercase();
    // Clauses: the sentence splitter's pieces (a `；` ends a clause too).
    for (clause_at, piece) in super::sentences(&lower) {
        let clause_end = clause_at + piece.len();
        let clause = &lower[clause_at..clause_end];
        let pushes: Vec<usize> = lex::PUSH_WORDS.iter().flat_map(|p| clause.match_indices(p).map(|(i, _)| i)).collect();
        let vendors: Vec<(usize, &str)> = vendors_in(clause)
            .into_iter()
            .filter(|&(at, _)| pushes.iter().any(|&p| at < p && clause[at..p].chars().count() <= 40))
            .collect();
        if vendors.len() < 2 {
            continue;
        }
        let ev_span = Span::new(span.start + clause_at, span.start + clause_end);
        for (_, v) in vendors {
            out.push(Sdk { evidence: vec![evidence(text, lines, ev_span)], ..Sdk::named(format!("{v}推送SDK")) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Vec<String> {
        let lines = Lines::new(s);
        let mut out = Vec::new();
        in_sentence(s, &lines, s, Span::new(0, s.len()), &mut out);
        out.into_iter().map(|x| x.name).collect()
    }

    #[test]
    fn vendors_before_a_push_word_are_push_sdks() {
        assert_eq!(
            run("在华为/小米/OPPO/vivo手机上，我们使用手机厂商Push SDK向您推送通知。"),
            ["华为推送SDK", "小米推送SDK", "OPPO推送SDK", "vivo推送SDK"]
        );
        assert_eq!(
            run("我们接入了极光、小米、华为、vivo、OPPO品牌手机厂商的推送SDK。"),
            ["小米推送SDK", "华为推送SDK", "vivo推送SDK", "OPPO推送SDK"]
        );
        assert!(run("您可以在华为应用市场下载本应用，我们会向您推送消息。").is_empty());
        assert!(run("vivovideo与小米推送无关").len() < 2);
        // The first push word may come before the vendors.
        assert_eq!(run("消息推送：我们接入了小米、华为品牌手机厂商的推送SDK。"), ["小米推送SDK", "华为推送SDK"]);
    }
}
