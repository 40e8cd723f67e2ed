//! COL-04: sensitive information identified, with separate consent.

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "COL-04",
    title_zh: "标明敏感个人信息并取得单独同意",
    title_en: "Sensitive information identified, with separate consent",
    severity: Must,
    sources: ["PIPL 28", "PIPL 29", "PIPL 30", "NDSR 21(2)", "GB/T 35273 5.5"],
    why: "处理生物识别、金融账户、行踪轨迹等敏感个人信息须有特定目的和充分必要性，告知必要性与影响并取得单独同意。",
    fix: "标出敏感个人信息（如加粗），说明必要性和对个人权益的影响，并写明：“我们将在收集前另行征得您的单独同意。”",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    let ev = ctx.clauses_with(&["敏感个人信息", "个人敏感信息", "敏感信息"]);
    if ev.is_empty() {
        return Verdict::Fail("未标明哪些是敏感个人信息。".to_owned(), Vec::new());
    }
    if ctx.mentions(&["单独同意", "单独的同意", "另行征得", "明示同意", "单独授权"]) {
        Verdict::Pass(ev)
    } else {
        Verdict::Warn("提到了敏感个人信息，但未说明会取得单独同意。".to_owned(), ev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn sensitive_and_consent() {
        let ok = policy_with("上述身份证号码属于敏感个人信息，我们会在收集前取得您的单独同意。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        let weak = policy_with("身份证号码属于个人敏感信息。");
        assert_eq!(verdict_on(&RULE, &weak).unwrap().status, FindingStatus::Warn);
        assert_eq!(verdict_on(&RULE, &policy_with("我们收集手机号。")).unwrap().status, FindingStatus::Fail);
    }
}
