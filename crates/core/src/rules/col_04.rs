//! COL-04: sensitive personal information marked, with separate consent.
//!
//! The separate consent must be said of sensitive information: a clause that
//! promises 单独同意 (or 另行征得, 单独授权; 明示同意 is not enough for it) and names sensitive
//! information (敏感, or a sensitive kind of the data vocabulary: 身份证号,
//! 人脸, 银行卡号). 明示同意 for new features, or 单独同意 for sharing or
//! transfers abroad only, is not it; nor is 您同意…处理您的个人敏感信息,
//! a consent bundled into the policy (reviewers judged both false passes).

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "COL-04",
    title_zh: "标明敏感个人信息并取得单独同意",
    title_en: "Sensitive information identified, with separate consent",
    severity: Must,
    category: Definitions,
    sources: ["PIPL 28", "PIPL 29", "PIPL 30", "NDSR 21(2)", "GB/T 35273 5.5"],
    why: "处理生物识别、金融账户、行踪轨迹等敏感个人信息须有特定目的和充分必要性，告知必要性与影响并取得单独同意。",
    fix: "标出敏感个人信息（如加粗），说明必要性和对个人权益的影响，并写明：“我们将在收集前另行征得您的单独同意。”",
    why_en: "Sensitive personal information, such as biometrics, financial accounts and whereabouts, may only be processed for a specific purpose and where sufficiently necessary; users must be told why it is necessary and how it affects them, and their separate consent obtained.",
    fix_en: "Mark sensitive personal information (for example in bold), explain why it is necessary and how it affects the individual's rights and interests, and state: “We will obtain your separate consent before collecting it.”",
    check: check,
}

/// Whether a clause promises a separate consent for sensitive information.
fn separate_consent_for_sensitive(t: &str) -> bool {
    crate::lexicon::SEPARATE_CONSENT_WORDS.iter().any(|w| crate::text::has(t, w))
        && (crate::text::has(t, "敏感") || crate::sdk::vocab::Vocab::builtin().items_in(t).iter().any(|d| d.sensitive))
        // The separate consent the law asks for disclosing information or
        // sending it abroad (PIPL 25, 39) is not the one for sensitive
        // information (CAPP-130 rw_3.jsonl:215, rw_79.jsonl:549).
        && !["公开披露", "境外", "出境"].iter().any(|w| crate::text::has(t, w))
}

/// The words this rule asks the clauses about: indexed by the pipeline's
/// one scan ([`super::CODE_WORDS`]).
pub(super) const ASKED: &[&[&str]] = &[crate::lexicon::SENSITIVE_MARKS, crate::lexicon::SEPARATE_CONSENT_WORDS];

fn check(ctx: &Context<'_>) -> Verdict {
    let marked = ctx.clauses_with(crate::lexicon::SENSITIVE_MARKS);
    if marked.is_empty() {
        return Verdict::Fail(Detail::new("COL-04.absent"), Vec::new());
    }
    let consent = ctx.evidence_where(crate::lexicon::SEPARATE_CONSENT_WORDS, separate_consent_for_sensitive);
    if consent.is_empty() {
        Verdict::Warn(Detail::new("COL-04.weak"), marked.into_iter().take(3).collect())
    } else {
        Verdict::Pass(consent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn separate_consent_must_be_said_of_sensitive_information() {
        let ok = policy_with("身份证号码属于敏感个人信息，我们将在收集前另行征得您的单独同意。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        // A sensitive kind named in the consent clause is enough.
        let kind =
            policy_with("以下信息为敏感个人信息。\n在收集您的人脸信息前，我们会单独征得您的同意，取得您的单独同意。");
        assert_eq!(verdict_on(&RULE, &kind).unwrap().status, FindingStatus::Pass);
        // Real wording (taobao.txt, mijian.txt): 明示同意 for new features.
        let features = policy_with(
            "以下信息为敏感个人信息，请您谨慎提供。\n如我们要将信息用于本政策未载明的其他用途，会事先征求您的明示同意。",
        );
        assert_eq!(verdict_on(&RULE, &features).unwrap().status, FindingStatus::Warn);
        // CAPP-130 rw_115: a consent bundled into the policy.
        let bundled = policy_with("您同意我们可以按本政策所述的目的和方式来处理您的个人敏感信息。");
        assert_eq!(verdict_on(&RULE, &bundled).unwrap().status, FindingStatus::Warn);
        // Separate consent for sharing only.
        let sharing = policy_with("身份证号码为敏感个人信息。\n向第三方共享前，我们会征得您的单独同意。");
        assert_eq!(verdict_on(&RULE, &sharing).unwrap().status, FindingStatus::Warn);
        // CAPP-130 rw_3.jsonl:215: separate consent for a public disclosure,
        // which names sensitive information too.
        let disclosure = policy_with("身份证号码为敏感个人信息。\n如确需公开披露，涉及敏感信息的还会告知敏感信息的内容，并事先征得您的单独同意。");
        assert_eq!(verdict_on(&RULE, &disclosure).unwrap().status, FindingStatus::Warn);
        assert_eq!(verdict_on(&RULE, &policy_with("我们收集您的手机号。")).unwrap().status, FindingStatus::Fail);
    }
}
