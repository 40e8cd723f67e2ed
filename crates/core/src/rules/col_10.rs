//! COL-10: When consent is not required.
//!
//! 法律列举了无需取得同意的情形；政策应如实列明，而非扩大解释。
//!
//! Detection: a clause says it (征得授权同意的例外, 征得您授权同意的例外, 无需征得, 无需您的同意 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "COL-10",
    title_zh: "说明无需同意的例外情形",
    title_en: "When consent is not required",
    severity: Should,
    sources: ["PIPL 13", "GB/T 35273 5.6"],
    why: "法律列举了无需取得同意的情形；政策应如实列明，而非扩大解释。",
    fix: "列出 PIPL 第十三条规定的情形，例如：“为订立、履行您作为一方当事人的合同所必需；为履行法定职责或者法定义务所必需……”",
    check: check,
}

const WORDS: &[&str] = &[
    "征得授权同意的例外",
    "征得您授权同意的例外",
    "无需征得",
    "无需您的同意",
    "无需取得您的",
    "事先征得授权同意的例外",
    "不需要征得",
    "例外情形",
];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明无需征得同意的例外情形。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass =
            verdict_on(&RULE, &policy_with("根据相关法律法规，以下情形中收集您的个人信息无需征得您的授权同意。"))
                .unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("根据相关法律"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明无需征得同意的例外情形。");
    }
}
