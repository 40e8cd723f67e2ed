//! SHR-01: Entrusted processing.
//!
//! 受托方代表处理者处理信息，处理者须约定目的、方式并监督；用户应知道存在委托处理。
//!
//! Detection: a clause says it (委托处理, 受托, 委托第三方, 委托授权合作伙伴 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "SHR-01",
    title_zh: "说明委托处理",
    title_en: "Entrusted processing",
    severity: Should,
    sources: ["PIPL 21", "GB/T 35273 9.1"],
    why: "受托方代表处理者处理信息，处理者须约定目的、方式并监督；用户应知道存在委托处理。",
    fix: "写明：“我们可能委托授权合作伙伴处理您的个人信息，并与其签署严格的保密协议，要求其按照我们的要求处理。”",
    check: check,
}

const WORDS: &[&str] = &["委托处理", "受托", "委托第三方", "委托授权合作伙伴", "委托合作伙伴", "委托其他"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明委托处理个人信息的情形。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass =
            verdict_on(&RULE, &policy_with("我们可能委托授权合作伙伴处理您的个人信息，并要求其严格遵守保密义务。"))
                .unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("我们可能委托"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明委托处理个人信息的情形。");
    }
}
