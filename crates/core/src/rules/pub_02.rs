//! PUB-02: when it took effect or was updated, and what it covers.

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "PUB-02",
    title_zh: "写明生效/更新日期与适用范围",
    title_en: "Effective or update date, and scope",
    severity: Should,
    category: Scope,
    sources: ["GB/T 35273 App. D"],
    why: "没有日期，用户无法判断读到的是否为现行版本；没有适用范围，无法判断政策覆盖哪些产品与主体。",
    fix: "在开头写明“生效日期：2024年1月1日 / 更新日期：……”，并设“适用范围”一节说明适用的产品、服务与运营主体。",
    why_en: "Without a date, users cannot tell whether they are reading the current version; without a scope, they cannot tell which products and entities the policy covers.",
    fix_en: "State at the start “Effective date: 1 January 2024 / Updated: …”, and add a “Scope” section naming the products, services and operating entities the policy applies to.",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    let dated = ctx.facts.effective.is_some() || ctx.facts.updated.is_some();
    let scoped = ctx.row("scope").is_some_and(|r| r.status != crate::report::CoverageStatus::Missing)
        || ctx.mentions(&["适用于", "适用范围"]);
    let ev = ctx.clauses_with(&["生效", "更新日期", "适用于", "适用范围"]);
    match (dated, scoped) {
        (true, true) => Verdict::Pass(ev),
        (true, false) => Verdict::Warn(Detail::new("PUB-02.warn"), ev),
        (false, true) => Verdict::Warn(Detail::new("PUB-02.warn2"), ev),
        (false, false) => Verdict::Fail(Detail::new("PUB-02.fail"), Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn date_and_scope() {
        let ok = policy_with("生效日期：2021年7月1日\n本政策适用于淘宝网服务提供者提供的全部服务。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        let dated_only = policy_with("更新日期：2020 年 5月 20日");
        assert_eq!(verdict_on(&RULE, &dated_only).unwrap().status, FindingStatus::Warn);
        assert_eq!(verdict_on(&RULE, &policy_with("我们会改进服务。")).unwrap().status, FindingStatus::Fail);
    }
}
