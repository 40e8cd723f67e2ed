//! RGT-08: Rights of a deceased user's close relatives.
//!
//! 自然人死亡的，其近亲属可为自身合法、正当利益对死者的相关个人信息行使权利。
//!
//! Detection: a clause says it (近亲属, 逝世, 死亡, 去世 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "RGT-08",
    title_zh: "近亲属的权利",
    title_en: "Rights of a deceased user's close relatives",
    severity: Should,
    sources: ["PIPL 49"],
    why: "自然人死亡的，其近亲属可为自身合法、正当利益对死者的相关个人信息行使权利。",
    fix: "写明：“如用户不幸逝世，其近亲属可以通过本政策的联系方式，为自身合法、正当利益行使查阅、复制、更正、删除等权利。”",
    check: check,
}

const WORDS: &[&str] = &["近亲属", "逝世", "死亡", "去世", "已故"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明已故用户近亲属的权利。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass = verdict_on(&RULE, &policy_with("如您不幸逝世，您的近亲属可以联系我们行使相关权利。")).unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("如您不幸逝世"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明已故用户近亲属的权利。");
    }
}
