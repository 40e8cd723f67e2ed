//! WRD-05: a contact channel is promised but never given.

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "WRD-05",
    title_zh: "承诺了联系方式却未提供",
    title_en: "A contact channel promised but never given",
    severity: Should,
    category: Contact,
    sources: ["PIPL 17(1)"],
    why: "政策让用户“通过下列联系方式”联系，但全文没有任何邮箱、电话、地址或表单，用户无从行使权利。",
    fix: "在“如何联系我们”中写明至少一种可用的联系渠道：邮箱、电话、通信地址或在线表单。",
    why_en: "The policy tells users to get in touch “through the contact details below”, but nowhere gives an email address, phone number, postal address or form, so users have no way to exercise their rights.",
    fix_en: "Under “How to contact us”, give at least one working contact channel: an email address, phone number, postal address or online form.",
    check: check,
}

const CONTACT: &[&str] = &["联系方式", "联系我们", "与我们联系"];

/// The words this rule asks the clauses about: indexed by the pipeline's
/// one scan ([`super::CODE_WORDS`]).
pub(super) const ASKED: &[&[&str]] = &[crate::lexicon::IN_APP_CHANNELS, CONTACT];

fn check(ctx: &Context<'_>) -> Verdict {
    let f = ctx.facts;
    if !f.emails.is_empty() || !f.phones.is_empty() || !f.addresses.is_empty() {
        return Verdict::Pass(Vec::new());
    }
    // A channel in the app or on the web (个人中心里的“用户反馈及帮助”) is one.
    let in_app = ctx.clauses_with(crate::lexicon::IN_APP_CHANNELS);
    if !in_app.is_empty() {
        return Verdict::Pass(in_app);
    }
    let ev = ctx.clauses_with(CONTACT);
    if ev.is_empty() {
        Verdict::NotApplicable
    } else {
        Verdict::Warn(Detail::new("WRD-05.warn"), ev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn promised_channel() {
        // weidandan.txt line 174.
        let bad = policy_with("如您有任何疑问，可通过本协议中列出的联系方式与我们联系。");
        assert_eq!(verdict_on(&RULE, &bad).unwrap().status, FindingStatus::Warn);
        let ok = policy_with("如您有任何疑问，请通过 privacy@example.com 与我们联系。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        // CAPP-130 rw_72: the channel is inside the app.
        let in_app = policy_with(
            "如您对本政策有任何疑问，可以通过个人中心里的“用户反馈及帮助”与我们联系，我们将在十五个工作日内回复。",
        );
        assert_eq!(verdict_on(&RULE, &in_app).unwrap().status, FindingStatus::Pass);
    }
}
