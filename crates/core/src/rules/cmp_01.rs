//! CMP-01: Complaints and outside dispute resolution.
//!
//! 用户对处理行为不满时，应知道向谁投诉、举报以及如何寻求外部救济。
//!
//! Detection: a clause says it (投诉, 举报, 监管部门, 诉讼 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "CMP-01",
    title_zh: "投诉举报与外部救济渠道",
    title_en: "Complaints and outside dispute resolution",
    severity: Must,
    sources: ["认定方法 六", "GB/T 35273 8.8", "儿童规定 10"],
    why: "用户对处理行为不满时，应知道向谁投诉、举报以及如何寻求外部救济。",
    fix: "写明：“如您对我们的回复不满意，可以向网信、公安、工信等监管部门投诉举报，或向被告住所地有管辖权的法院提起诉讼。”",
    check: check,
}

const WORDS: &[&str] = &["投诉", "举报", "监管部门", "诉讼", "仲裁", "法院"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明投诉、举报或外部救济渠道。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass =
            verdict_on(&RULE, &policy_with("如果您对我们的回复不满意，您可以向监管部门投诉举报，或向法院提起诉讼。"))
                .unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("如果您对我们"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明投诉、举报或外部救济渠道。");
    }
}
