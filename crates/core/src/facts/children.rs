//! The age under which the policy treats a user as a child: the youngest
//! age it names in a clause about children (`不满十四周岁`, `未满14周岁`,
//! `14岁以下（含）儿童`), from the first clause that names one.

use super::Clause;
use crate::report::Facts;
use crate::scan::{cn_number, folded};

#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles
pub(super) fn extract(clause: &Clause, facts: &mut Facts) {
    if facts.children_age.is_none() {
        facts.children_age = children_age(clause.text);
    }
}

/// `不满十四周岁`, `未满14周岁`, `14岁以下（含）儿童` in a clause about
/// children; `不满14周岁的未成年人` too, the law's definition of a child
/// (PIPL arts. 28, 31). Other ages of minors (18, 12) name no children,
/// unless the clause calls them children.
fn children_age(clause: &str) -> Option<u32> {
    let about_children = crate::text::has(clause, "儿童");
    if !about_children && !crate::text::has(clause, "未成年") && !crate::text::has(clause, "年龄") {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages() {
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
}
