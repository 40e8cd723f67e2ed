//! RGT-07: how requests are answered: identity check and time limit.

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "RGT-07",
    title_zh: "说明如何响应权利请求（身份验证、时限）",
    title_en: "How requests are answered: identity check, time limit",
    severity: Must,
    category: Rights,
    sources: ["PIPL 50", "GB/T 35273 8.7", "认定方法 六"],
    why: "处理者应建立便捷的申请受理和处理机制；用户需要知道多久能得到答复、需要如何验证身份。",
    fix: "写明：“为保障安全，我们可能会先验证您的身份，然后在15个工作日内答复您的请求。”",
    why_en: "Handlers must set up a convenient mechanism for accepting and handling requests; users need to know how soon they will get a reply and how their identity will be verified.",
    fix_en: "State: “For your security, we may first verify your identity, and will then reply to your request within 15 working days.”",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    let times = &ctx.facts.response_time;
    if times.is_empty() {
        return Verdict::Fail(Detail::new("RGT-07.fail"), Vec::new());
    }
    let ev: Vec<_> = times.iter().map(|t| t.evidence.clone()).take(3).collect();
    if ctx.mentions(&[
        "验证身份",
        "身份验证",
        "验证您的身份",
        "验证自己的身份",
        "核实身份",
        "核验身份",
        "证明您的身份",
        "验证您的用户身份",
        "验证您身份",
        "核实您的身份",
        "核验您的身份",
    ]) {
        Verdict::Pass(ev)
    } else {
        Verdict::Warn(Detail::new("RGT-07.warn"), ev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn time_and_identity() {
        let ok = policy_with("为保障安全，我们可能会先要求您验证自己的身份。我们将在15个工作日内答复您的请求。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        let no_id = policy_with("我们将在15个工作日内答复您的请求。");
        assert_eq!(verdict_on(&RULE, &no_id).unwrap().status, FindingStatus::Warn);
        assert_eq!(verdict_on(&RULE, &policy_with("我们收集手机号。")).unwrap().status, FindingStatus::Fail);
    }
}
