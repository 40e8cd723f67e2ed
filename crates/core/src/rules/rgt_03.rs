//! RGT-03: Deletion.
//!
//! 目的已实现、撤回同意等情形下，个人有权请求删除其个人信息。
//!
//! Detection: a clause says it (删除您的, 删除个人, 删除信息, 删除请求 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "RGT-03",
    title_zh: "删除",
    title_en: "Deletion",
    severity: Must,
    sources: ["PIPL 47", "认定方法 六"],
    why: "目的已实现、撤回同意等情形下，个人有权请求删除其个人信息。",
    fix: "列出可以请求删除的情形并给出操作方式：“在以下情形中，您可以向我们提出删除个人信息的请求……”",
    check: check,
}

const WORDS: &[&str] =
    &["删除您的", "删除个人", "删除信息", "删除请求", "请求删除", "要求删除", "予以删除", "删除相关"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明删除个人信息的权利与方式。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass = verdict_on(&RULE, &policy_with("在以下情形中，您可以向我们提出删除个人信息的请求。")).unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("在以下情形中"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明删除个人信息的权利与方式。");
    }
}
