//! COL-07: personalised recommendation and automated decisions.

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "COL-07",
    title_zh: "个性化推荐与自动化决策可关闭",
    title_en: "Personalised recommendation can be turned off",
    severity: Must,
    category: Collection,
    sources: ["PIPL 24", "认定方法 三.6", "GB/T 35273 7.5", "GB/T 35273 7.7"],
    why: "利用个人信息进行自动化决策、个性化推送的，应同时提供不针对个人特征的选项或便捷的拒绝方式。",
    fix: "写明关闭路径：“您可以在“设置-隐私-个性化推荐”中关闭个性化推荐，关闭后我们将展示不针对您个人特征的内容。”",
    why_en: "Where personal information is used for automated decision-making or personalised push content, an option not tailored to personal characteristics, or a convenient way to refuse, must be offered as well.",
    fix_en: "Give the way to turn it off: “You can turn off personalised recommendations under ‘Settings – Privacy – Personalised recommendations’; we will then show content that is not tailored to your personal characteristics.”",
    check: check,
}

const USED: &[&str] = crate::lexicon::PERSONALISATION;

/// Ways to turn personalisation off.
const WAYS_OFF: &[&str] =
    &["关闭个性化", "不针对您个人特征", "不针对其个人特征", "取消个性化", "关闭推荐", "退出个性化", "关闭", "拒绝"];

/// The words this rule asks the clauses about: indexed by the pipeline's
/// one scan ([`super::CODE_WORDS`]).
pub(super) const ASKED: &[&[&str]] = &[USED, WAYS_OFF];

fn check(ctx: &Context<'_>) -> Verdict {
    let ev = ctx.clauses_with(USED);
    if ev.is_empty() {
        return Verdict::NotApplicable;
    }
    if ctx.mentions(WAYS_OFF) {
        Verdict::Pass(ev)
    } else {
        Verdict::Fail(Detail::new("COL-07.fail"), ev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn recommendation_with_and_without_opt_out() {
        let ok = policy_with("我们会基于浏览记录为您提供个性化推荐。您可以在设置中关闭个性化推荐。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        let bad = policy_with("我们会基于浏览记录为您提供个性化推荐。");
        assert_eq!(verdict_on(&RULE, &bad).unwrap().status, FindingStatus::Fail);
        assert_eq!(verdict_on(&RULE, &policy_with("我们收集手机号。")), None);
    }
}
