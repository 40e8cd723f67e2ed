//! WRD-03: a promised reply time longer than 15 working days.

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "WRD-03",
    title_zh: "答复时限超过15个工作日",
    title_en: "Reply time longer than 15 working days",
    severity: Should,
    category: Rights,
    sources: ["认定方法 六", "GB/T 35273 8.7"],
    why: "认定方法要求更正、删除、注销等请求在承诺时限内处理，承诺时限不得超过15个工作日；30天是 GB/T 35273 8.7 的上限。",
    fix: "把答复时限改为不超过15个工作日：“我们将在15个工作日内答复您的请求。”",
    why_en: "The App illegal-collection identification method requires requests for correction, deletion, account closure and the like to be handled within the promised time, and the promised time may not exceed 15 working days; 30 days is the upper limit in GB/T 35273 8.7.",
    fix_en: "Change the response time to no more than 15 working days: “We will reply to your request within 15 working days.”",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    let long: Vec<_> = ctx.facts.response_time.iter().filter(|r| r.value > 15).collect();
    if ctx.facts.response_time.is_empty() {
        return Verdict::NotApplicable;
    }
    if long.is_empty() {
        return Verdict::Pass(ctx.facts.response_time.iter().map(|r| r.evidence.clone()).take(3).collect());
    }
    let ev = long.iter().map(|r| r.evidence.clone()).collect();
    let unit = |r: &crate::report::ResponseTime| match r.unit {
        crate::report::TimeUnit::Days => "unit.days",
        crate::report::TimeUnit::WorkingDays => "unit.working-days",
    };
    Verdict::Warn(Detail::new("WRD-03.warn").arg(long[0].value).arg(Detail::new(unit(long[0]))), ev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn reply_times() {
        // xiaoyun.txt promises 【30】 days.
        let bad = policy_with("我们会在收到您的反馈的【30】天内予以回复。");
        let f = verdict_on(&RULE, &bad).unwrap();
        assert_eq!(f.status, FindingStatus::Warn);
        assert_eq!(f.message, "承诺在 30天 内答复，长于15个工作日。");
        let ok = policy_with("我们将在15个工作日内答复您的请求。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
    }
}
