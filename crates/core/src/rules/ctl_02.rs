//! CTL-02: Contact of the person or office responsible for personal information.
//!
//! 处理个人信息达到规定数量的处理者应指定个人信息保护负责人并公开其联系方式，用户需要知道向谁主张权利。
//!
//! Detection: a clause says it (个人信息保护负责人, 个人信息保护专职部门, 个人信息保护专员, 数据保护官 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "CTL-02",
    title_zh: "个人信息保护负责人或部门的联系方式",
    title_en: "Contact of the person or office responsible for personal information",
    severity: Should,
    sources: ["PIPL 52", "儿童规定 8", "GB/T 35273 11.1"],
    why: "处理个人信息达到规定数量的处理者应指定个人信息保护负责人并公开其联系方式，用户需要知道向谁主张权利。",
    fix: "写明个人信息保护负责人或专职部门及其联系方式，例如：“我们设立了个人信息保护专职部门，您可以通过 privacy@example.com 与其联系。”",
    check: check,
}

const WORDS: &[&str] = &[
    "个人信息保护负责人",
    "个人信息保护专职部门",
    "个人信息保护专员",
    "数据保护官",
    "专门的个人信息保护",
    "个人信息保护部门",
    "个人信息保护专职",
];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明个人信息保护负责人或专职部门。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass =
            verdict_on(&RULE, &policy_with("我们还设立了个人信息保护专职部门，您可以通过邮件与其联系。")).unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("我们还设立了"));
        let fail = verdict_on(&RULE, &policy_with("您可以通过在线客服与我们联系。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明个人信息保护负责人或专职部门。");
    }
}
