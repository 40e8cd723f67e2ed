//! SHR-02: giving information to other controllers.

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "SHR-02",
    title_zh: "向其他处理者提供个人信息的告知与同意",
    title_en: "Sharing with other controllers: recipients, purpose, consent",
    severity: Must,
    sources: ["PIPL 23", "NDSR 21", "认定方法 五", "GB/T 35273 9.2", "感知提升"],
    why: "向其他处理者提供个人信息，须告知接收方名称、联系方式、处理目的、方式和种类，并取得单独同意。",
    fix: "列出共享对象（或第三方共享清单）及目的、方式、种类，并写明：“向第三方提供前，我们将征得您的单独同意。”",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    let ev = ctx.clauses_with(&["共享", "对外提供", "提供给第三方", "向第三方提供", "分享给"]);
    if ev.is_empty() {
        return Verdict::Fail("未说明是否向其他处理者提供个人信息。".to_owned(), Vec::new());
    }
    if ctx.mentions(&["单独同意", "单独的同意", "征得您的同意", "征得您的授权", "明确同意", "授权同意", "另行征得"])
    {
        Verdict::Pass(ev)
    } else {
        Verdict::Warn("说明了共享，但未说明共享前如何取得您的同意。".to_owned(), ev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn sharing_with_consent() {
        let ok = policy_with("我们不会与第三方共享您的个人信息，但事先获得您的明确同意的除外。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        let weak = policy_with("我们会与合作伙伴共享您的设备信息。");
        assert_eq!(verdict_on(&RULE, &weak).unwrap().status, FindingStatus::Warn);
        assert_eq!(verdict_on(&RULE, &policy_with("我们收集手机号。")).unwrap().status, FindingStatus::Fail);
    }
}
