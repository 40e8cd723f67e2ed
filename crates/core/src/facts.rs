//! Facts a reader can find in the text: dates, controller, contacts, reply
//! times, children's age, storage location, retention.
//!
//! Each extractor scans the text once, by hand (no regex crate: it would
//! add its Unicode tables to the wasm bundle).

use crate::report::{Facts, Node, ResponseTime};
use crate::scan::{cn_number, date_at, emails, folded, has_digit, phones, response_time};
use crate::text::{evidence, is_cjk, is_space, Lines};

pub fn extract(text: &str, lines: &Lines, outline: &[Node]) -> Facts {
    let mut facts = Facts::default();
    dates(text, &mut facts);
    facts.emails = emails(text);
    facts.phones = phones(text);
    for number in phone_shaped(text) {
        if !facts.phones.contains(&number) {
            facts.phones.push(number);
        }
    }
    facts.addresses = addresses(text);
    facts.controller = controller(text);
    for clause in crate::segment::clause_spans(outline) {
        let s = &text[clause.start..clause.end];
        if let Some(rt) = response_time(s) {
            if !facts.response_time.iter().any(|r| r.value == rt.0 && r.unit == rt.1) {
                facts.response_time.push(ResponseTime {
                    value: rt.0,
                    unit: rt.1,
                    evidence: evidence(text, lines, clause),
                });
            }
        }
        if facts.children_age.is_none() {
            facts.children_age = children_age(s);
        }
        if is_retention(s) && facts.retention.len() < 5 {
            facts.retention.push(evidence(text, lines, clause));
        }
        if let Some(loc) = storage_location(s) {
            facts.storage_location = Some(match facts.storage_location.as_deref() {
                Some(prev) if prev != loc => "both".to_owned(),
                _ => loc.to_owned(),
            });
        }
    }
    facts
}

fn dates(text: &str, facts: &mut Facts) {
    for line in text.lines() {
        if !has_digit(line) {
            continue;
        }
        let cs = folded(line);
        let mut i = 0;
        while i < cs.len() {
            if cs[i].1.is_ascii_digit() && (i == 0 || !cs[i - 1].1.is_ascii_digit()) {
                if let Some((date, used)) = date_at(&cs, i) {
                    let before: String = cs[i.saturating_sub(16)..i].iter().map(|c| c.1).collect();
                    // 本政策于2022年1月19日更新, 自2022年8月26日起生效.
                    let after: String = cs[i + used..(i + used + 4).min(cs.len())].iter().map(|c| c.1).collect();
                    let effective = before.contains("生效") || after.starts_with("生效") || after.starts_with("起生效");
                    let updated = before.contains("更新") || before.contains("修订") || before.contains("发布");
                    // 首次发布日期 is the first version, not the latest.
                    let updated = (updated && !before.contains("首次")) || after.starts_with("更新");
                    // 本版更新&生效时间: one date for both.
                    let both = ["更新与生效", "更新及生效", "更新和生效", "更新&生效", "更新/生效", "更新、生效"]
                        .iter()
                        .any(|w| before.contains(w));
                    if effective && facts.effective.is_none() {
                        facts.effective = Some(date.clone());
                    }
                    if updated && (!effective || both) && facts.updated.is_none() {
                        facts.updated = Some(date);
                    }
                    i += used;
                    continue;
                }
            }
            i += 1;
        }
    }
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
        if !b[i].is_ascii_digit() || (i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'-')) {
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
    for (pos, _) in text.match_indices("地址") {
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
        let placey = ["省", "市", "区", "路", "街", "号", "楼", "县"].iter().any(|w| addr.contains(w));
        if placey && !addr.contains('@') && addr.chars().count() >= 6 && !out.iter().any(|a| a == addr) {
            out.push(addr.to_owned());
        }
    }
    out
}

/// The controller: the first company that the policy names as “we”, else
/// the first company it names at all.
fn controller(text: &str) -> Option<String> {
    let mut first = None;
    let suffixes = text.match_indices("有限").filter_map(|(pos, _)| {
        ["有限公司", "有限责任公司"].into_iter().find(|s| text[pos..].starts_with(s)).map(|s| (pos, s))
    });
    for (pos, suffix) in suffixes {
        let end = pos + suffix.len();
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
        let window = &text[end..crate::text::floor_boundary(text, (end + 60).min(text.len()))];
        if window.contains("我们") || window.contains("简称") {
            return Some(name.to_owned());
        }
        first.get_or_insert_with(|| name.to_owned());
    }
    first
}

/// Where Chinese company names begin: 深圳市腾讯…, 北京三快…, 中国电信….
const PLACES: &[&str] = &[
    "中国",
    "北京",
    "上海",
    "天津",
    "重庆",
    "深圳",
    "广州",
    "杭州",
    "南京",
    "苏州",
    "成都",
    "武汉",
    "西安",
    "厦门",
    "珠海",
    "长沙",
    "合肥",
    "青岛",
    "大连",
    "宁波",
    "福州",
    "济南",
    "郑州",
    "沈阳",
    "东莞",
    "佛山",
    "无锡",
    "芜湖",
    "浙江",
    "江苏",
    "广东",
    "福建",
    "湖南",
    "湖北",
    "四川",
    "山东",
    "河南",
    "河北",
    "安徽",
    "江西",
    "辽宁",
    "吉林",
    "黑龙江",
    "陕西",
    "山西",
    "云南",
    "贵州",
    "广西",
    "海南",
    "甘肃",
    "宁夏",
    "青海",
    "新疆",
    "西藏",
    "内蒙古",
    "香港",
    "澳门",
    "霍尔果斯",
];

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
    for lead in [
        "欢迎您使用",
        "欢迎使用",
        "本政策由",
        "提供方",
        "运营方",
        "运营者",
        "提供者",
        "由",
        "是指",
        "是",
        "指",
        "即",
        "现",
        "为",
        "系",
        "和",
        "与",
        "及",
    ] {
        if let Some(rest) = name.strip_prefix(lead) {
            if rest.chars().count() >= 6 {
                name = rest;
            }
        }
    }
    // Words before a place name that begins the name (在本指引中深圳市…,
    // 服务是北京三快在线…); a place in brackets (耐克商业（中国）) is part of it.
    if PLACES.iter().any(|p| name.starts_with(p)) {
        return name;
    }
    let mut depth = 0;
    for (i, c) in name.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ if depth == 0 && i > 0 => {
                let rest = &name[i..];
                if PLACES.iter().any(|p| rest.starts_with(p)) && rest.chars().count() >= 8 {
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

/// `不满十四周岁`, `未满14周岁`, `14岁以下（含）儿童` in a clause about
/// children; `不满14周岁的未成年人` too, the law's definition of a child
/// (PIPL arts. 28, 31). Other ages of minors (18, 12) name no children,
/// unless the clause calls them children.
fn children_age(clause: &str) -> Option<u32> {
    let about_children = clause.contains("儿童");
    if !about_children && !clause.contains("未成年") && !clause.contains("年龄") {
        return None;
    }
    let cs = folded(clause);
    let text: String = cs.iter().map(|c| c.1).collect();
    let ages = text.match_indices('岁').filter_map(|(pos, _)| {
        let before = text[..pos].strip_suffix('周').unwrap_or(&text[..pos]).trim_end();
        let digits: String =
            before.chars().rev().take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c)).collect();
        let digits: String = digits.chars().rev().collect();
        digits.parse::<u32>().ok().or_else(|| cn_number(&digits)).filter(|a| (6..=18).contains(a))
    });
    let youngest = ages.min()?;
    // Games class players 12周岁及以下 for anti-addiction rules: an age
    // band, not the children's threshold.
    (about_children || youngest == 14).then_some(youngest)
}

fn is_retention(clause: &str) -> bool {
    ["保存期限", "存储期限", "保留期限", "保存时间", "存储时间", "最短期限", "最短时间", "期限届满"]
        .iter()
        .any(|w| clause.contains(w))
}

fn storage_location(clause: &str) -> Option<&'static str> {
    let stores = ["存储", "储存", "存放", "保存"].iter().any(|w| clause.contains(w));
    if !stores {
        return None;
    }
    if clause.contains("境内") {
        Some("domestic")
    } else if clause.contains("境外")
        && !clause.contains("向境外")
        // 我们不会将您的个人信息储存…或传输至境外: a promise to stay home.
        && !["不会", "不得", "不向", "不在", "不存储", "不储存", "不传输"].iter().any(|w| clause.contains(w))
        && stored_near_abroad(clause)
    {
        Some("abroad")
    } else {
        None
    }
}

/// Whether a storage word stands within a short phrase of 境外 (存储于…在
/// 境外的数据中心), not in another part of a long line (an SDK row that
/// writes to 外部存储).
fn stored_near_abroad(clause: &str) -> bool {
    // Byte offsets: 20 CJK characters are 60 bytes.
    clause.match_indices("境外").any(|(a, _)| {
        ["存储", "储存", "存放", "保存"].iter().any(|w| clause.match_indices(w).any(|(s, _)| a.abs_diff(s) <= 60))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TimeUnit;

    #[test]
    fn storage_location_abroad_only_when_said() {
        assert_eq!(storage_location("我们在中国大陆以外收集的个人信息存储于在境外的数据中心。"), Some("abroad"));
        assert_eq!(storage_location("我们在中华人民共和国境内收集的个人信息将存储在境内。"), Some("domestic"));
        // Seen in CAPP-130 policies: promises not to, and unrelated words.
        assert_eq!(
            storage_location("目前，我们不会将您的个人信息在跨境业务中使用、储存，或将您的个人信息传输至境外。"),
            None
        );
        let row = format!("使用目的：辅助开发,数据类型：写入外部存储{}境外开发者", "，读取设备信息".repeat(5));
        assert_eq!(storage_location(&row), None);
    }

    #[test]
    fn dates_in_every_form() {
        let mut f = Facts::default();
        dates("最近更新日期：2020 年 5月 20日\n生效日期： 2024 年 11 月 26 日\n", &mut f);
        assert_eq!(f.updated.as_deref(), Some("2020-05-20"));
        assert_eq!(f.effective.as_deref(), Some("2024-11-26"));
        let mut f = Facts::default();
        dates("最新版本生效日期：２０２１年７月１日", &mut f);
        let mut at_line_end = Facts::default();
        dates("最后更新时间： 2022-03-22", &mut at_line_end);
        assert_eq!(at_line_end.updated.as_deref(), Some("2022-03-22"));
        assert_eq!(f.effective.as_deref(), Some("2021-07-01"));
        // Seen in CAPP-130 policies.
        let mut f = Facts::default();
        dates(
            "首次发布日期：2011年【4】月【6】日
本次更新发布日期：2022年【2】月【26】日
生效日期：【2022】年【8】月【24】日
",
            &mut f,
        );
        assert_eq!(f.updated.as_deref(), Some("2022-02-26"));
        assert_eq!(f.effective.as_deref(), Some("2022-08-24"));
        let mut f = Facts::default();
        dates("本版更新&生效时间：2021年【1】月【1】日", &mut f);
        assert_eq!((f.updated.as_deref(), f.effective.as_deref()), (Some("2021-01-01"), Some("2021-01-01")));
        let mut f = Facts::default();
        dates("本政策于2022年1月19日更新，自2022年1月26日起生效。", &mut f);
        assert_eq!((f.updated.as_deref(), f.effective.as_deref()), (Some("2022-01-19"), Some("2022-01-26")));
    }

    #[test]
    fn reply_times() {
        assert_eq!(response_time("我们会在收到您的反馈的【30】天内予以回复。"), Some((30, TimeUnit::Days)));
        assert_eq!(response_time("我们将在15个工作日内回复您的请求。"), Some((15, TimeUnit::WorkingDays)));
        assert_eq!(response_time("我们将在十五天内答复。"), Some((15, TimeUnit::Days)));
        assert_eq!(response_time("您可以在设置中关闭。"), None);
        // Notice periods and deletion deadlines are no reply times.
        assert_eq!(response_time("我们将至少提前15个工作日通知您，并予以处理。"), None);
        assert_eq!(
            response_time("当我们的产品或服务发生停止运营的情形时，我们将在90天之内删除您的个人信息或进行匿名化处理。"),
            None
        );
    }

    #[test]
    fn emails_phones_ages() {
        assert_eq!(emails("请发送邮件至 zixun@xiaoyun.com ），我们会"), vec!["zixun@xiaoyun.com"]);
        assert_eq!(phones("客服电话：400-123-4567。"), vec!["400-123-4567"]);
        // Seen in CAPP-130 policies: numbers without a phone label.
        assert_eq!(phone_shaped("未成年教育咨询专线,0755-83761852与我们联系"), vec!["0755-83761852"]);
        assert_eq!(phone_shaped("或拨打4008135858电话咨询"), vec!["4008135858"]);
        assert_eq!(phone_shaped("联系方式400-126-0088。"), vec!["400-126-0088"]);
        // Dates, post codes and ID-like runs are no phone numbers.
        assert!(phone_shaped("更新日期：2022-03-22，邮编：518054，金额4000000元").is_empty());
        assert_eq!(children_age("儿童：指不满十四周岁的未成年人。"), Some(14));
        assert_eq!(children_age("若您是14周岁以下的儿童"), Some(14));
        // Seen in CAPP-130 policies.
        assert_eq!(children_age("交易信息、14岁以下（含）儿童信息等"), Some(14));
        assert_eq!(children_age("以及不满十四周岁未成年人的个人信息。"), Some(14));
        assert_eq!(children_age("若您是未满18周岁的未成年人，若您是不满14周岁的儿童"), Some(14));
        assert_eq!(children_age("若您是未满 18 周岁的未成年人，请在监护人指导下使用。"), None);
        assert_eq!(children_age("我们将统一视作12周岁及以下未成年人，纳入相应的防沉迷监管。"), None);
        assert_eq!(children_age("如果您的年龄在14周岁以下，在使用我们的产品前"), Some(14));
    }

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
