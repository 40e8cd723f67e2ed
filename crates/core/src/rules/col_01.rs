//! COL-01: Purposes stated function by function.
//!
//! 用户需要知道每项业务功能收集哪些信息、用于什么目的，才能判断是否同意；笼统的目的说明是认定方法列举的违规情形。
//!
//! Detection: a clause says it (业务功能, 基本功能, 扩展功能, 附加功能 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "COL-01",
    title_zh: "按业务功能逐项说明收集目的",
    title_en: "Purposes stated function by function",
    severity: Must,
    sources: ["PIPL 17(2)", "NDSR 21(2)", "认定方法 二.1", "GB/T 35273 5.3", "GB/T 41391"],
    why: "用户需要知道每项业务功能收集哪些信息、用于什么目的，才能判断是否同意；笼统的目的说明是认定方法列举的违规情形。",
    fix: "按业务功能分节说明，例如：“为帮助您注册账号（基本功能），我们需要收集您的手机号码，用于发送验证码……”",
    check: check,
}

const WORDS: &[&str] =
    &["业务功能", "基本功能", "扩展功能", "附加功能", "为实现", "为了向您提供", "为帮助您", "为向您提供", "为便于您"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未按业务功能说明收集使用个人信息的目的。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass = verdict_on(
            &RULE,
            &policy_with("为实现向您提供我们产品及/或服务的基本功能，您须授权我们收集、使用必要的信息。"),
        )
        .unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("为实现向您提"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未按业务功能说明收集使用个人信息的目的。");
    }
}
