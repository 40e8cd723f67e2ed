//! STO-01: how long information is kept, and what happens after.

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "STO-01",
    title_zh: "说明保存期限及到期处理",
    title_en: "Retention period and what happens after",
    severity: Must,
    category: Storage,
    sources: ["PIPL 17(2)", "PIPL 19", "PIPL 47", "NDSR 21(3)", "GB/T 35273 6.1"],
    why: "保存期限应为实现处理目的所必要的最短时间；用户应知道信息保存多久、到期后是否删除或匿名化。",
    fix: "写明：“我们仅在实现目的所必需的最短时间内保存您的个人信息，例如订单信息保存3年；超出保存期限后，我们将删除或匿名化处理。”",
    why_en: "Personal information should be kept for the shortest time necessary to achieve the purpose of processing; users should know how long it is kept and whether it is deleted or anonymised afterwards.",
    fix_en: "State: “We keep your personal information only for the shortest time necessary to achieve the purpose, for example order information for 3 years; after the retention period, we will delete or anonymise it.”",
    check: check,
}

/// The words this rule asks the clauses about: indexed by the pipeline's
/// one scan ([`super::CODE_WORDS`]).
pub(super) const ASKED: &[&[&str]] = &[crate::lexicon::RETENTION_END];

fn check(ctx: &Context<'_>) -> Verdict {
    if ctx.facts.retention.is_empty() {
        return Verdict::Fail(Detail::new("STO-01.fail"), Vec::new());
    }
    let ev = ctx.facts.retention.iter().take(3).cloned().collect();
    if ctx.mentions(crate::lexicon::RETENTION_END) {
        Verdict::Pass(ev)
    } else {
        Verdict::Warn(Detail::new("STO-01.warn"), ev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn retention_and_after() {
        let ok =
            policy_with("我们仅在实现目的所必需的最短时间内保存您的个人信息，超出保存期限后我们将删除或匿名化处理。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        let no_after = policy_with("我们仅在实现目的所必需的最短时间内保存您的个人信息。");
        assert_eq!(verdict_on(&RULE, &no_after).unwrap().status, FindingStatus::Warn);
        assert_eq!(verdict_on(&RULE, &policy_with("我们收集手机号。")).unwrap().status, FindingStatus::Fail);
    }
}
