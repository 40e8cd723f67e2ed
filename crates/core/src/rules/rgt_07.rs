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
    if checks_identity(ctx.clauses.joined()) {
        Verdict::Pass(ev)
    } else {
        Verdict::Warn(Detail::new("RGT-07.warn"), ev)
    }
}

/// Whether the text says it checks who asks: a checking verb just before
/// or right after 身份 (`验证您的身份`, `核验您的用户身份`, `身份核验`), in any
/// words; the verbs are `identity-check` in the lexicon.
fn checks_identity(text: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), "身份".as_bytes()).any(|at| {
        // Up to six characters before, within the phrase (`验证码、身份证`
        // is two items).
        let before: String = text[..at]
            .chars()
            .rev()
            .take(6)
            .take_while(|c| !"、，。；,;：:\n".contains(*c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after = &text[at + "身份".len()..];
        crate::lexicon::IDENTITY_CHECK.iter().any(|v| crate::text::has(&before, v) || after.starts_with(v))
    })
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

    #[test]
    fn identity_checks_in_other_words() {
        // CAPP-130 rw_101.jsonl:162 and rw_5.jsonl:74.
        assert!(checks_identity("在响应您的请求前，可能需要您提供实名身份信息进行身份核验。"));
        assert!(checks_identity("客服会先核验您的用户身份，再处理您的投诉。"));
        assert!(checks_identity("为保障安全，我们可能会先要求您验证自己的身份。"));
        // 身份 without a check: a kind of information, or a role.
        assert!(!checks_identity("我们收集您的身份证号码和身份信息。"));
        assert!(!checks_identity("以监护人身份同意。"));
        assert!(!checks_identity("我们收集手机号验证码、身份证号码。"));
    }
}
