//! RGT-06: Restricting or refusing processing; explanations.
//!
//! 个人有权限制或拒绝他人对其信息的处理，并有权要求处理者解释说明其处理规则。
//!
//! Detection: a clause says it (限制处理, 限制或拒绝, 拒绝处理, 解释说明 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "RGT-06",
    title_zh: "限制、拒绝处理与解释说明",
    title_en: "Restricting or refusing processing; explanations",
    severity: Should,
    sources: ["PIPL 44", "PIPL 48"],
    why: "个人有权限制或拒绝他人对其信息的处理，并有权要求处理者解释说明其处理规则。",
    fix: "写明：“您有权限制或拒绝我们处理您的个人信息，并可要求我们对个人信息处理规则进行解释说明。”",
    check: check,
}

const WORDS: &[&str] =
    &["限制处理", "限制或拒绝", "拒绝处理", "解释说明", "约束信息系统自动决策", "自动决策", "限制我们"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明限制、拒绝处理或要求解释说明的权利。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass =
            verdict_on(&RULE, &policy_with("您有权限制或拒绝我们对您个人信息的处理，并有权要求我们作出解释说明。"))
                .unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("您有权限制或"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明限制、拒绝处理或要求解释说明的权利。");
    }
}
