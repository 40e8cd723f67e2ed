//! CHG-01: how the policy is updated, and notice of material changes.

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "CHG-01",
    title_zh: "说明政策如何更新及重大变更的通知",
    title_en: "How the policy changes and how users are told",
    severity: Must,
    sources: ["PIPL 14", "PIPL 17", "认定方法 二.2", "GB/T 35273 5.5"],
    why: "处理目的、方式或种类变化时应重新告知，必要时重新取得同意；用户需要知道变更会如何通知到自己。",
    fix: "写明：“对于重大变更，我们会通过弹窗、站内信或邮件等显著方式通知您，并在必要时重新征得您的同意。”",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    let ev = ctx.clauses_with(&["更新", "修订", "变更", "修改本"]);
    if ev.is_empty() {
        return Verdict::Fail("未说明本政策如何更新。".to_owned(), Vec::new());
    }
    if ctx.mentions(&["重大变更", "重大变化", "显著", "弹窗", "推送通知", "站内信", "通知您", "告知您", "提示您"])
    {
        Verdict::Pass(ev)
    } else {
        Verdict::Warn("说明了会更新政策，但未说明如何通知重大变更。".to_owned(), ev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn updates_and_notice() {
        let ok = policy_with("我们可能适时修订本政策。对于重大变更，我们会通过弹窗等显著方式通知您。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        let weak = policy_with("我们可能适时修订本政策。");
        assert_eq!(verdict_on(&RULE, &weak).unwrap().status, FindingStatus::Warn);
    }
}
