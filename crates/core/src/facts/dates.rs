//! The dates a policy was last updated and takes effect, read by the labels
//! beside them: `更新日期：2020 年 5月 20日`, `本政策于2022年1月19日更新，
//! 自2022年1月26日起生效`. The first of each counts; 首次发布日期 is the first
//! version's date, not the latest.

use crate::report::Facts;
use crate::scan::{date_at, folded, has_year_digits};

#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles
pub(super) fn extract(text: &str, facts: &mut Facts) {
    for line in crate::text::lines_of(text) {
        // The first of each counts: once both are known, nothing is left to read.
        if facts.effective.is_some() && facts.updated.is_some() {
            break;
        }
        // A date's year is four digits in a row: most lines have none.
        if !has_year_digits(line) {
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
                    let effective =
                        crate::text::has(&before, "生效") || after.starts_with("生效") || after.starts_with("起生效");
                    let updated = crate::text::has(&before, "更新")
                        || crate::text::has(&before, "修订")
                        || crate::text::has(&before, "发布");
                    // 首次发布日期 is the first version, not the latest.
                    let updated = (updated && !crate::text::has(&before, "首次")) || after.starts_with("更新");
                    // 本版更新&生效时间: one date for both. (Not in the lexicon:
                    // 更新、生效 holds the lexicon's separator.)
                    let both = ["更新与生效", "更新及生效", "更新和生效", "更新&生效", "更新/生效", "更新、生效"]
                        .iter()
                        .any(|w| crate::text::has(&before, w));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_form() {
        let mut f = Facts::default();
        extract("最近更新日期：2020 年 5月 20日\n生效日期： 2024 年 11 月 26 日\n", &mut f);
        assert_eq!(f.updated.as_deref(), Some("2020-05-20"));
        assert_eq!(f.effective.as_deref(), Some("2024-11-26"));
        let mut f = Facts::default();
        extract("最新版本生效日期：２０２１年７月１日", &mut f);
        let mut at_line_end = Facts::default();
        extract("最后更新时间： 2022-03-22", &mut at_line_end);
        assert_eq!(at_line_end.updated.as_deref(), Some("2022-03-22"));
        assert_eq!(f.effective.as_deref(), Some("2021-07-01"));
        // Seen in CAPP-130 policies.
        let mut f = Facts::default();
        extract(
            "首次发布日期：2011年【4】月【6】日
本次更新发布日期：2022年【2】月【26】日
生效日期：【2022】年【8】月【24】日
",
            &mut f,
        );
        assert_eq!(f.updated.as_deref(), Some("2022-02-26"));
        assert_eq!(f.effective.as_deref(), Some("2022-08-24"));
        let mut f = Facts::default();
        extract("本版更新&生效时间：2021年【1】月【1】日", &mut f);
        assert_eq!((f.updated.as_deref(), f.effective.as_deref()), (Some("2021-01-01"), Some("2021-01-01")));
        let mut f = Facts::default();
        extract("本政策于2022年1月19日更新，自2022年1月26日起生效。", &mut f);
        assert_eq!((f.updated.as_deref(), f.effective.as_deref()), (Some("2022-01-19"), Some("2022-01-26")));
    }
}
