//! COL-06: What happens if the user refuses.
//!
//! 拒绝提供非必要信息不得影响基本功能；用户需要知道拒绝的后果才能作出自愿的选择。
//!
//! Detection: a clause says it (如您不提供, 如果您不提供, 若您不提供, 拒绝提供 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "COL-06",
    title_zh: "说明拒绝提供的后果",
    title_en: "What happens if the user refuses",
    severity: Must,
    sources: ["PIPL 16", "认定方法 四", "GB/T 35273 5.3"],
    why: "拒绝提供非必要信息不得影响基本功能；用户需要知道拒绝的后果才能作出自愿的选择。",
    fix: "写明：“如您不提供上述信息，将无法使用该功能，但不影响您使用我们提供的其他服务。”",
    check: check,
}

const WORDS: &[&str] = &[
    "如您不提供",
    "如果您不提供",
    "若您不提供",
    "拒绝提供",
    "不影响您使用",
    "不会影响您使用",
    "将无法使用",
    "无法正常使用",
    "如您拒绝",
];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明拒绝提供个人信息的后果。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass = verdict_on(&RULE, &policy_with("如您不提供上述信息，将无法完成注册，但不影响您浏览商品。")).unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("如您不提供上"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明拒绝提供个人信息的后果。");
    }
}
