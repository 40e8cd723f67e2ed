//! KID-01: children under 14: guardian consent and handling.

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "KID-01",
    title_zh: "未满十四周岁儿童个人信息的保护",
    title_en: "Children under 14: guardian consent and handling",
    severity: Must,
    sources: ["PIPL 28", "PIPL 31", "儿童规定 8", "儿童规定 9", "儿童规定 10"],
    why: "不满十四周岁未成年人的个人信息属于敏感个人信息，处理前须取得其父母或其他监护人的同意，并制定专门的处理规则。",
    fix: "设“未成年人保护”一节：“若您是不满十四周岁的儿童，请在监护人陪同下阅读本政策，并在取得监护人同意后使用我们的服务。”",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    let ev = ctx.clauses_with(&["未成年", "儿童", "不满十四", "不满14", "十四周岁", "14周岁"]);
    if ev.is_empty() {
        return Verdict::Fail("未说明如何处理未成年人（不满十四周岁儿童）的个人信息。".to_owned(), Vec::new());
    }
    if ctx.mentions(&["监护人", "父母"]) {
        Verdict::Pass(ev)
    } else {
        Verdict::Warn("提到了未成年人，但未说明需取得监护人同意。".to_owned(), ev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn minors_and_guardians() {
        let ok = policy_with("若您是不满十四周岁的儿童，请在取得监护人同意后使用我们的服务。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        assert_eq!(verdict_on(&RULE, &policy_with("我们收集手机号。")).unwrap().status, FindingStatus::Fail);
    }
}
