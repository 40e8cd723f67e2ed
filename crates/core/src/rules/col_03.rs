//! COL-03: How information is collected.
//!
//! 由用户主动提供、自动采集还是从第三方间接获取，决定了用户能否控制以及向谁主张权利。
//!
//! Detection: a clause says it (主动提供, 自动收集, 自动采集, 间接获取 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "COL-03",
    title_zh: "说明收集方式",
    title_en: "How information is collected",
    severity: Must,
    sources: ["PIPL 17(2)", "认定方法 二.1"],
    why: "由用户主动提供、自动采集还是从第三方间接获取，决定了用户能否控制以及向谁主张权利。",
    fix: "分别说明：“您主动提供的信息……；我们在您使用服务时自动收集的信息……；我们从第三方间接获取的信息……”",
    check: check,
}

const WORDS: &[&str] = &[
    "主动提供",
    "自动收集",
    "自动采集",
    "间接获取",
    "从第三方获取",
    "从第三方处获取",
    "您提供的信息",
    "我们获取的信息",
    "您向我们提供",
];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明个人信息的收集方式（主动提供、自动收集或间接获取）。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass =
            verdict_on(&RULE, &policy_with("您在使用我们服务时主动提供的信息，以及我们在您使用服务时自动收集的信息。"))
                .unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("您在使用我们"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明个人信息的收集方式（主动提供、自动收集或间接获取）。");
    }
}
