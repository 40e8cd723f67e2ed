//! PUB-03: Key points are summarised or marked.
//!
//! 个人信息处理规则应清晰易懂；对敏感个人信息、免责等重要条款以加粗、下划线或摘要提示，用户才可能真正注意到。
//!
//! Detection: a clause says it (加粗, 下划线, 重点, 特别提示 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "PUB-03",
    title_zh: "重点内容作出提示",
    title_en: "Key points are summarised or marked",
    severity: Should,
    sources: ["PIPL 17", "认定方法 二.4", "GB/T 35273 5.5"],
    why: "个人信息处理规则应清晰易懂；对敏感个人信息、免责等重要条款以加粗、下划线或摘要提示，用户才可能真正注意到。",
    fix: "在政策开头加入“重点提示/摘要”，并对敏感个人信息、共享与权利条款加粗或下划线标示，例如：“请您重点阅读加粗标识的条款”。",
    check: check,
}

const WORDS: &[&str] = &["加粗", "下划线", "重点", "特别提示", "摘要", "请您务必仔细阅读", "请您仔细阅读", "特别注意"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未发现对重点条款的提示（加粗、摘要或特别提示）。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass =
            verdict_on(&RULE, &policy_with("请您务必仔细阅读并透彻理解本政策，特别是以粗体标识的条款，您应重点阅读。"))
                .unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("请您务必仔细"));
        let fail = verdict_on(&RULE, &policy_with("我们会不断改进我们的产品与服务。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未发现对重点条款的提示（加粗、摘要或特别提示）。");
    }
}
