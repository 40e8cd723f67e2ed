//! RGT-01: Access, copy and portability.
//!
//! 个人有权查阅、复制其个人信息，并在符合条件时请求转移。
//!
//! Detection: a clause says it (查阅, 访问您的, 副本, 复制 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "RGT-01",
    title_zh: "查阅、复制与转移",
    title_en: "Access, copy and portability",
    severity: Must,
    sources: ["PIPL 45", "GB/T 35273 8.1", "GB/T 35273 8.6"],
    why: "个人有权查阅、复制其个人信息，并在符合条件时请求转移。",
    fix: "写明操作路径：“您可以在“我的-设置-个人信息”中查阅您的个人信息，或联系我们获取个人信息副本。”",
    check: check,
}

const WORDS: &[&str] = &["查阅", "访问您的", "副本", "复制", "转移至", "导出", "查询您的", "查询、更正"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明查阅、复制个人信息的权利与方式。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass = verdict_on(&RULE, &policy_with("您可以登录账号查阅您的个人信息，并可以获取个人信息副本。")).unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("您可以登录账"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明查阅、复制个人信息的权利与方式。");
    }
}
