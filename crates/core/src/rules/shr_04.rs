//! SHR-04: Transfer in a merger, division or bankruptcy.
//!
//! 控制者发生合并、分立、解散、破产时，接收方应继续履行义务；用户应事先知道。
//!
//! Detection: a clause says it (合并, 分立, 收购, 破产 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "SHR-04",
    title_zh: "说明合并、分立等情形下的转让",
    title_en: "Transfer in a merger, division or bankruptcy",
    severity: Should,
    sources: ["PIPL 22", "GB/T 35273 9.3"],
    why: "控制者发生合并、分立、解散、破产时，接收方应继续履行义务；用户应事先知道。",
    fix: "写明：“如涉及合并、收购或破产清算，我们会要求新的持有您个人信息的公司继续受本政策约束。”",
    check: check,
}

const WORDS: &[&str] = &["合并", "分立", "收购", "破产", "重组", "解散"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明合并、分立、破产等情形下个人信息的转让。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass =
            verdict_on(&RULE, &policy_with("在涉及合并、收购或破产清算时，我们会要求新的持有者继续受本政策的约束。"))
                .unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("在涉及合并、"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明合并、分立、破产等情形下个人信息的转让。");
    }
}
