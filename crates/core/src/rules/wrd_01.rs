//! WRD-01: consent by use ("using the service means you agree").

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "WRD-01",
    title_zh: "以“使用即同意”代替明示同意",
    title_en: "Consent by use",
    severity: Should,
    category: Collection,
    sources: ["PIPL 14"],
    why: "同意应当由个人在充分知情的前提下自愿、明确作出；“使用或继续使用即视为同意”不是有效的同意。",
    fix: "删除“使用即同意”的表述，改为在首次运行或注册时以弹窗展示政策并由用户主动勾选或点击“同意”。",
    why_en: "Consent must be given voluntarily and explicitly by a fully informed individual; “using or continuing to use the service means you consent” is not valid consent.",
    fix_en: "Remove wording that treats use as consent; instead, show the policy in a pop-up at first launch or registration and have the user actively tick a box or tap “Agree”.",
    check: check,
}

/// Words of using the service, then words of deeming it consent.
const USE: &[&str] = crate::lexicon::CONSENT_BY_USE_USE;
const DEEMED: &[&str] = crate::lexicon::CONSENT_BY_USE_DEEMED;

const CONSENT: &[&str] = &["同意"];

/// The words this rule asks the clauses about: indexed by the pipeline's
/// one scan ([`super::CODE_WORDS`]).
pub(super) const ASKED: &[&[&str]] = &[CONSENT];

fn check(ctx: &Context<'_>) -> Verdict {
    let hits = ctx.evidence_where(CONSENT, |t| {
        USE.iter().any(|w| crate::text::has(t, w))
            && DEEMED.iter().any(|w| crate::text::has(t, w))
            && crate::text::has(t, "同意")
    });
    if hits.is_empty() {
        Verdict::Pass(Vec::new())
    } else {
        Verdict::Warn(Detail::new("WRD-01.warn"), hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn consent_by_use() {
        // xiaoyun.txt, preamble.
        let bad = policy_with(
            "您使用或继续使用我们的服务，即意味着同意我们按照本《隐私政策》收集、使用、储存和分享您的相关信息。",
        );
        let f = verdict_on(&RULE, &bad).unwrap();
        assert_eq!(f.status, FindingStatus::Warn);
        assert!(f.evidence[0].text.starts_with("您使用或继续使用我们的服务"));
        let ok = policy_with("在您点击“同意”后，我们才会开始收集您的个人信息。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
    }
}
