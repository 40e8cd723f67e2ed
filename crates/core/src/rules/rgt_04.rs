//! RGT-04: Withdrawing consent, and its effect.
//!
//! 基于同意的处理，个人有权撤回同意，处理者应提供便捷方式并说明撤回的效力。
//!
//! Detection: a clause says it (撤回, 改变授权, 改变您授权, 关闭授权 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "RGT-04",
    title_zh: "撤回同意及其后果",
    title_en: "Withdrawing consent, and its effect",
    severity: Must,
    sources: ["PIPL 15", "NDSR 21(4)"],
    why: "基于同意的处理，个人有权撤回同意，处理者应提供便捷方式并说明撤回的效力。",
    fix: "写明：“您可以通过关闭设备权限或在设置中撤回授权；撤回后我们将不再处理相应信息，但不影响撤回前基于同意的处理。”",
    check: check,
}

const WORDS: &[&str] = &["撤回", "改变授权", "改变您授权", "关闭授权", "取消授权", "收回授权"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明撤回同意的方式。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass = verdict_on(&RULE, &policy_with("您可以通过关闭设备功能的方式改变或撤回您的授权同意。")).unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("您可以通过关"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明撤回同意的方式。");
    }
}
