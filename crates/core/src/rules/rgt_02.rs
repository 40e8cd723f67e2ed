//! RGT-02: Correction and completion.
//!
//! 个人发现信息不准确或不完整时，有权请求更正、补充。
//!
//! Detection: a clause says it (更正, 补充, 修改您的, 修改个人 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "RGT-02",
    title_zh: "更正与补充",
    title_en: "Correction and completion",
    severity: Must,
    sources: ["PIPL 46", "认定方法 六"],
    why: "个人发现信息不准确或不完整时，有权请求更正、补充。",
    fix: "写明：“您可以在“个人资料”页面更正或补充您的昵称、头像等信息。”",
    check: check,
}

const WORDS: &[&str] = &["更正", "补充", "修改您的", "修改个人", "更新您的"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明更正、补充个人信息的权利与方式。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass = verdict_on(&RULE, &policy_with("您可以在个人资料页面更正或补充您的个人信息。")).unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("您可以在个人"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明更正、补充个人信息的权利与方式。");
    }
}
