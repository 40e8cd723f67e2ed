//! WRD-02: the user waives claims, or the controller disclaims liability.

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "WRD-02",
    title_zh: "要求用户放弃权利或免除处理者责任",
    title_en: "The user waives claims or the controller disclaims liability",
    severity: Should,
    sources: ["PIPL 69", "民法典 497"],
    why: "处理者侵害个人信息权益应承担责任（PIPL 第69条）；以格式条款免除自身责任、排除用户主要权利的条款无效。",
    fix: "删除免责与放弃权利的表述；如需说明风险，写明各方依法承担责任，例如：“因我们的过错造成您损失的，我们将依法承担责任。”",
    why_en: "A handler that infringes personal information rights and interests is liable for it (PIPL Article 69); standard terms that exempt the handler from its own liability or exclude the user's main rights are void.",
    fix_en: "Remove disclaimers and waivers of rights; if risks need explaining, state that each party bears liability according to law, for example: “Where you suffer a loss through our fault, we will bear liability according to law.”",
    check: check,
}

const WORDS: &[&str] = crate::lexicon::WAIVER;

/// The words this rule asks the clauses about: indexed by the pipeline's
/// one scan ([`super::CODE_WORDS`]).
pub(super) const ASKED: &[&[&str]] = &[WORDS];

fn check(ctx: &Context<'_>) -> Verdict {
    // Disclaiming sites and apps the controller neither owns nor controls
    // (a link to another site) waives nothing of the user's claims on it.
    let ev = ctx.clauses_with_but_not(WORDS, crate::lexicon::NOT_OURS);
    if ev.is_empty() {
        Verdict::Pass(Vec::new())
    } else {
        Verdict::Warn(Detail::new("WRD-02.warn"), ev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn waivers() {
        // xiaoyun.txt, 3.4, last paragraph.
        let bad = policy_with(
            "您同意免除上述个人信息的接收和/或使用方在按照本声明所述情形下进行信息分享、转让和披露的责任。",
        );
        assert_eq!(verdict_on(&RULE, &bad).unwrap().status, FindingStatus::Warn);
        // CAPP-130 rw_60.jsonl:305: a linked site's practices.
        let linked = policy_with("在任何链接网站或应用不归我们拥有或控制的情况下，我们对其内容、对网站或应用的任何使用或该网站或应用的隐私做法概不负责。");
        assert_eq!(verdict_on(&RULE, &linked).unwrap().status, FindingStatus::Pass);
        let ok = policy_with("因我们的过错造成您损失的，我们将依法承担责任。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
    }
}
