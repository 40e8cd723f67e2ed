//! The controller: the first company that the policy names as “we”
//! (`某某有限公司（以下简称“我们”）`), else the first company it names at all,
//! with the words that ran into its name (本政策由, 提供方, 在本指引中) cut off.

use crate::lexicon as lex;
use crate::report::Facts;
use crate::text::is_cjk;

#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles
pub(super) fn extract(text: &str, facts: &mut Facts) {
    facts.controller = controller(text);
}

/// The controller: the first company that the policy names as “we”, else
/// the first company it names at all.
fn controller(text: &str) -> Option<String> {
    let mut first = None;
    let suffixes = memchr::memmem::find_iter(text.as_bytes(), "有限".as_bytes()).filter_map(|pos| {
        ["有限公司", "有限责任公司"].into_iter().find(|s| text[pos..].starts_with(s)).map(|s| (pos, s))
    });
    for (pos, suffix) in suffixes {
        let end = pos + suffix.len();
        let window = &text[end..window_end(text, end)];
        let named_we = crate::text::has(window, "我们") || crate::text::has(window, "简称");
        // Once a fallback is found, only a company named as “we” matters.
        if first.is_some() && !named_we {
            continue;
        }
        let before = &text[..pos];
        // Extend left over the company's name: CJK and brackets.
        let mut start = pos;
        for (i, c) in before.char_indices().rev() {
            if is_cjk(c) || matches!(c, '（' | '）' | '(' | ')') {
                start = i;
                if pos - i > 120 {
                    break;
                }
            } else {
                break;
            }
        }
        let name = company_name(&text[start..end]);
        if name.chars().count() < 6 {
            continue;
        }
        if named_we {
            return Some(name.to_owned());
        }
        // Not, as the fallback, a company named as a third party (an SDK's
        // provider in a policy that names no company of its own).
        let around = &text[crate::text::floor_boundary(text, start.saturating_sub(60))..window_end(text, end)];
        if !["SDK", "sdk", "第三方", "合作方", "合作伙伴"].iter().any(|w| crate::text::has(around, w)) {
            first.get_or_insert_with(|| name.to_owned());
        }
    }
    first
}

/// Where a company's context ends: 60 bytes after it, on a char boundary.
fn window_end(text: &str, end: usize) -> usize {
    crate::text::floor_boundary(text, (end + 60).min(text.len()))
}

/// The company's name in a run of CJK text that ends with 有限(责任)公司: the
/// words before it (本政策由, 提供方, 在本指引中, 全资子公司) cut off.
fn company_name(run: &str) -> &str {
    // A bracket closed but not opened in the run ends the words before the
    // name (“本政策”）由…); one opened but not closed begins it
    // (酷狗公司（即广州酷狗…).
    let mut open: Vec<usize> = Vec::new();
    let mut cut = 0;
    for (i, c) in run.char_indices() {
        match c {
            '（' | '(' => open.push(i + c.len_utf8()),
            '）' | ')' if open.pop().is_none() => cut = i + c.len_utf8(),
            _ => {}
        }
    }
    let mut name = &run[open.first().copied().unwrap_or(cut)..];
    // Another company before this one (…全资子公司苏州沁游…).
    let body = &name[..name.len() - "公司".len()];
    if let Some(i) = body.rfind("公司") {
        name = &name[i + "公司".len()..];
    }
    // Drop a verb or article that ran into the name (由…, 是…, 指…).
    for lead in lex::COMPANY_NAME_LEADS {
        if let Some(rest) = name.strip_prefix(lead) {
            if rest.chars().count() >= 6 {
                name = rest;
            }
        }
    }
    // Words before a place name that begins the name (在本指引中深圳市…,
    // 服务是北京三快在线…); a place in brackets (耐克商业（中国）) is part of it.
    if lex::COMPANY_PLACES.iter().any(|p| name.starts_with(p)) {
        return name;
    }
    let mut depth = 0;
    for (i, c) in name.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ if depth == 0 && i > 0 => {
                let rest = &name[i..];
                if lex::COMPANY_PLACES.iter().any(|p| rest.starts_with(p)) && rest.chars().count() >= 8 {
                    return rest;
                }
            }
            _ => {}
        }
    }
    // A long run is a phrase ending in a name (服务提供者某某网络…): keep
    // what follows its last function word, if a name's length remains.
    if name.chars().count() > 10 {
        if let Some((i, c)) = name.char_indices().rev().find(|(_, c)| "者指由是为的择与和及向在".contains(*c))
        {
            // 在线途游…: a name may begin with such a word.
            if i > 0 && name[i + c.len_utf8()..].chars().count() >= 6 {
                name = &name[i + c.len_utf8()..];
            }
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controller_named_as_we() {
        let t = "本政策由深圳阿帕云计算有限公司（以下简称“我们”）制定。与北京某某科技有限公司合作。";
        assert_eq!(controller(t).as_deref(), Some("深圳阿帕云计算有限公司"));
    }

    #[test]
    fn company_names_without_the_words_before_them() {
        // Seen in CAPP-130 policies.
        assert_eq!(company_name("如无特别说明在本指引中深圳市腾讯计算机系统有限公司"), "深圳市腾讯计算机系统有限公司");
        assert_eq!(company_name("服务是北京三快在线科技有限公司"), "北京三快在线科技有限公司");
        assert_eq!(company_name("本政策）由中国电信股份有限公司"), "中国电信股份有限公司");
        assert_eq!(company_name("酷狗公司（即广州酷狗计算机科技有限公司"), "广州酷狗计算机科技有限公司");
        assert_eq!(company_name("某某科技股份有限公司全资子公司苏州沁游网络科技有限公司"), "苏州沁游网络科技有限公司");
        assert_eq!(company_name("提供方深圳市腾讯计算机系统有限公司"), "深圳市腾讯计算机系统有限公司");
        // A place in brackets belongs to the name.
        assert_eq!(company_name("耐克商业（中国）有限公司"), "耐克商业（中国）有限公司");
        assert_eq!(company_name("由行吟信息科技（上海）有限公司"), "行吟信息科技（上海）有限公司");
        assert_eq!(company_name("欢迎使用每日科技（上海）股份有限公司"), "每日科技（上海）股份有限公司");
        assert_eq!(company_name("在线途游（北京）科技有限公司"), "在线途游（北京）科技有限公司");
        let t = "本应用由北京小米科技有限责任公司（以下简称“我们”）提供。";
        assert_eq!(controller(t).as_deref(), Some("北京小米科技有限责任公司"));
    }
}
