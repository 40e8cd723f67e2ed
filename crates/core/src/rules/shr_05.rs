//! SHR-05: public disclosure only with separate consent.

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "SHR-05",
    title_zh: "公开披露须取得单独同意",
    title_en: "Public disclosure only with separate consent",
    severity: Should,
    sources: ["PIPL 25", "GB/T 35273 9.4"],
    why: "公开个人信息影响最大，除法律另有规定外须取得个人单独同意。",
    fix: "写明：“我们仅会在获得您单独同意后，公开披露您的个人信息。”",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    let ev = ctx.clauses_with(&["公开披露"]);
    if ev.is_empty() {
        return Verdict::Fail("未说明公开披露个人信息的情形与条件。".to_owned(), Vec::new());
    }
    if ctx.mentions(&["单独同意", "明确同意", "单独的同意", "明示同意"]) {
        Verdict::Pass(ev)
    } else {
        Verdict::Warn("说明了公开披露，但未说明需取得单独同意。".to_owned(), ev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn disclosure_with_consent() {
        let ok = policy_with("我们仅会在获得您明确同意后，公开披露您的个人信息。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        let weak = policy_with("在法律要求时我们会公开披露您的个人信息。");
        assert_eq!(verdict_on(&RULE, &weak).unwrap().status, FindingStatus::Warn);
    }
}
