//! COL-02: kinds of information named specifically.

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "COL-02",
    title_zh: "具体列明收集的个人信息类型",
    title_en: "Kinds of information named specifically",
    severity: Must,
    category: Collection,
    sources: ["PIPL 17(2)", "认定方法 二.1"],
    why: "“相关信息”“必要信息”之类的概括不能让用户知道交出了什么；逐项列明是认定方法的明确要求。",
    fix: "逐项列出，例如：“我们会收集您的手机号码、昵称、头像和设备标识符（IMEI、OAID）”，避免以“等”“相关信息”收尾。",
    why_en: "Catch-all phrases such as “relevant information” or “necessary information” do not tell users what they are handing over; listing each kind is an explicit requirement of the App illegal-collection identification method.",
    fix_en: "List each kind, for example: “We will collect your mobile phone number, nickname, profile picture and device identifiers (IMEI, OAID)”, and do not end a list with “etc.” or “relevant information”.",
    check: check,
}

/// A clause that lists kinds names two or more with 、 after 收集/提供.
fn lists_kinds(t: &str) -> bool {
    (crate::text::has(t, "收集") || crate::text::has(t, "提供") || crate::text::has(t, "获取"))
        && t.matches('、').count() >= 2
}

const GIVES: &[&str] = &["收集", "提供", "获取"];

/// The words this rule asks the clauses about: indexed by the pipeline's
/// one scan ([`super::CODE_WORDS`]).
pub(super) const ASKED: &[&[&str]] = &[GIVES];

fn check(ctx: &Context<'_>) -> Verdict {
    // Only clauses with one of the verbs can list (found in one pass).
    let listing: Vec<_> = ctx
        .clauses
        .holding_any(GIVES)
        .into_iter()
        .map(|i| ctx.clauses.get(i))
        .filter(|(_, t)| lists_kinds(t))
        .collect();
    let ev = listing.iter().take(3).map(|(s, _)| crate::text::evidence(ctx.text, ctx.lines, *s)).collect();
    match listing.len() {
        0 => Verdict::Fail(Detail::new("COL-02.fail"), Vec::new()),
        1..=2 => Verdict::Warn(Detail::new("COL-02.warn"), ev),
        _ => Verdict::Pass(ev),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn listed_kinds() {
        let s = "注册时我们会收集您的手机号码、昵称、头像。\n下单时我们会收集收货人姓名、地址、电话。\n定位时我们会获取您的经度、纬度、城市。";
        assert_eq!(verdict_on(&RULE, &policy_with(s)).unwrap().status, FindingStatus::Pass);
        let vague = policy_with("我们会收集提供服务所必需的相关信息。");
        assert_eq!(verdict_on(&RULE, &vague).unwrap().status, FindingStatus::Fail);
    }
}
