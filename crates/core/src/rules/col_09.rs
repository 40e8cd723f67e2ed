//! COL-09: Information obtained from third parties.
//!
//! 经第三方登录或合作方取得的信息同样是个人信息，用户应知道来源以及我们如何使用。
//!
//! Detection: a clause says it (第三方账号登录, 第三方账号, 从第三方获取, 间接获取 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "COL-09",
    title_zh: "说明从第三方获取的信息",
    title_en: "Information obtained from third parties",
    severity: Should,
    sources: ["GB/T 35273 5.4"],
    why: "经第三方登录或合作方取得的信息同样是个人信息，用户应知道来源以及我们如何使用。",
    fix: "说明间接获取的来源与范围：“当您使用第三方账号登录时，我们会从该第三方获取您授权共享的昵称和头像。”",
    check: check,
}

const WORDS: &[&str] = &[
    "第三方账号登录",
    "第三方账号",
    "从第三方获取",
    "间接获取",
    "合作伙伴获取",
    "第三方合作伙伴",
    "从关联方",
    "第三方向我们提供",
];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明是否以及如何从第三方获取个人信息。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass =
            verdict_on(&RULE, &policy_with("您可以使用第三方账号登录，我们将从第三方获取您授权共享的昵称和头像。"))
                .unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("您可以使用第"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明是否以及如何从第三方获取个人信息。");
    }
}
