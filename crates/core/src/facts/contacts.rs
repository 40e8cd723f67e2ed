//! Ways to reach the controller: e-mail addresses, phone numbers (after a
//! label such as 电话, or by their shape alone) and postal addresses (after
//! 地址：), each once, in the order the text gives them.

use crate::lexicon as lex;
use crate::report::Facts;
use crate::scan::{emails, phones};
use crate::text::is_space;

#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles
pub(super) fn extract(text: &str, facts: &mut Facts) {
    facts.emails = emails(text);
    facts.phones = phones(text);
    for number in phone_shaped(text) {
        if !facts.phones.contains(&number) {
            facts.phones.push(number);
        }
    }
    facts.addresses = addresses(text);
    for line in address_lines(text) {
        if !facts.addresses.iter().any(|a| a == line) {
            facts.addresses.push(line.to_owned());
        }
    }
}

/// Lines that are a postal address alone, with no label (a footer under
/// `©…有限公司 版权所有`: `北京市海淀区翠微中里14号楼四层A458室`): a city and a
/// district near the start, a number, and the end of an address (号, 室, 层,
/// 楼, 座); no sentence.
fn address_lines(text: &str) -> Vec<&str> {
    crate::text::lines_of(text)
        .map(str::trim)
        .filter(|l| {
            // The end first: it rules out almost every line at once.
            if !l.ends_with(['号', '室', '层', '楼', '座']) {
                return false;
            }
            let n = l.chars().count();
            let head = &l[..l.char_indices().nth(10).map_or(l.len(), |(i, _)| i)];
            (8..=60).contains(&n)
                && head.contains(['市', '省'])
                && head.contains(['区', '县'])
                && l.bytes().any(|b| b.is_ascii_digit())
                && !l.contains(['。', '，', '；', ',', '：', ':'])
        })
        .collect()
}

/// Numbers that are phone numbers by their shape alone, wherever they stand
/// (咨询专线,0755-83761852; 拨打4008135858电话): a 400/800 service number or
/// a landline with its area code and hyphen. Other digit runs (dates, post
/// codes, amounts) need a label, which [`phones`] reads.
fn phone_shaped(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // To the next digit at once: most of a policy has none.
        match crate::text::first_ascii_digit(&b[i..]) {
            Some(d) => i += d,
            None => break,
        }
        if i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'-') {
            i += 1;
            continue;
        }
        let mut e = i;
        while e < b.len() && (b[e].is_ascii_digit() || (b[e] == b'-' && b.get(e + 1).is_some_and(u8::is_ascii_digit))) {
            e += 1;
        }
        let run = &text[i..e];
        let digits = run.bytes().filter(u8::is_ascii_digit).count();
        let service = (run.starts_with("400") || run.starts_with("800")) && digits == 10;
        let landline = run.split_once('-').is_some_and(|(area, number)| {
            area.starts_with('0') && (3..=4).contains(&area.len()) && (7..=8).contains(&number.len())
        });
        if (service || landline) && !out.iter().any(|n| n == run) {
            out.push(run.to_owned());
        }
        i = e.max(i + 1);
    }
    out
}

/// Addresses given after 地址：.
fn addresses(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for pos in memchr::memmem::find_iter(text.as_bytes(), "地址".as_bytes()) {
        let after = &text[pos + "地址".len()..];
        let Some(rest) =
            after.strip_prefix('：').or_else(|| after.strip_prefix(':')).or_else(|| after.strip_prefix("为"))
        else {
            continue;
        };
        let rest = rest.trim_start_matches(is_space);
        let end = rest.find(['。', '；', ';', '\n', '，', ',', '）', '（', '(']).unwrap_or(rest.len()).min(200);
        let addr = rest[..crate::text::floor_boundary(rest, end)].trim();
        // An address has place words; an email or web address is not one.
        let placey = lex::ADDRESS_MARKS.iter().any(|w| crate::text::has(addr, w));
        if placey && !addr.contains('@') && addr.chars().count() >= 6 && !out.iter().any(|a| a == addr) {
            out.push(addr.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_on_a_line_of_its_own() {
        // CAPP-130 rw_112.jsonl:212–213: the footer's address has no label.
        let text = "@游酷盛世科技(北京)有限公司 版权所有\n北京市海淀区翠微中里14号楼四层A458室\n京ICP备14053202号\n";
        assert_eq!(address_lines(text), ["北京市海淀区翠微中里14号楼四层A458室"]);
        // A sentence that names a place is no address line.
        assert!(address_lines("我们在北京市海淀区设有办公室，位于3号楼。\n").is_empty());
    }

    #[test]
    fn emails_and_phones() {
        assert_eq!(emails("请发送邮件至 zixun@xiaoyun.com ），我们会"), vec!["zixun@xiaoyun.com"]);
        assert_eq!(phones("客服电话：400-123-4567。"), vec!["400-123-4567"]);
        // Seen in CAPP-130 policies: numbers without a phone label.
        assert_eq!(phone_shaped("未成年教育咨询专线,0755-83761852与我们联系"), vec!["0755-83761852"]);
        assert_eq!(phone_shaped("或拨打4008135858电话咨询"), vec!["4008135858"]);
        assert_eq!(phone_shaped("联系方式400-126-0088。"), vec!["400-126-0088"]);
        // Dates, post codes and ID-like runs are no phone numbers.
        assert!(phone_shaped("更新日期：2022-03-22，邮编：518054，金额4000000元").is_empty());
    }
}
