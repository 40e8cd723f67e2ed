//! RGT-05: Closing the account.
//!
//! 用户应能注销账号，不得设置不必要或不合理的条件，并在承诺时限内完成。
//!
//! Detection: a clause says it (注销 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "RGT-05",
    title_zh: "注销账号",
    title_en: "Closing the account",
    severity: Must,
    sources: ["认定方法 六", "GB/T 35273 8.5"],
    why: "用户应能注销账号，不得设置不必要或不合理的条件，并在承诺时限内完成。",
    fix: "写明注销路径与时限：“您可以在“设置-账号与安全-注销账号”中申请注销，我们将在15个工作日内完成核查和处理。”",
    check: check,
}

const WORDS: &[&str] = &["注销"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明注销账号的方式。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass =
            verdict_on(&RULE, &policy_with("您可以在设置中申请注销账号，注销后我们将删除您的个人信息。")).unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("您可以在设置"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明注销账号的方式。");
    }
}
