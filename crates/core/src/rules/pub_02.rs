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

const SCOPE: &[&str] = &["适用于", "适用范围"];
const DATES_OR_SCOPE: &[&str] = &["生效", "更新日期", "适用于", "适用范围"];

/// The words this rule asks the clauses about: indexed by the pipeline's
/// one scan ([`super::CODE_WORDS`]).
pub(super) const ASKED: &[&[&str]] = &[SCOPE, DATES_OR_SCOPE];

fn check(ctx: &Context<'_>) -> Verdict {
    let dated = ctx.facts.effective.is_some() || ctx.facts.updated.is_some() || dated_by_month(ctx);
    let scoped = ctx.row("scope").is_some_and(|r| r.status != crate::report::CoverageStatus::Missing)
        || ctx.mentions(SCOPE)
        || defines_its_product(ctx);
    let ev = ctx.clauses_with(DATES_OR_SCOPE);
    match (dated, scoped) {
        (true, true) => Verdict::Pass(ev),
        (true, false) => Verdict::Warn(Detail::new("PUB-02.warn"), ev),
        (false, true) => Verdict::Warn(Detail::new("PUB-02.warn2"), ev),
        (false, false) => Verdict::Fail(Detail::new("PUB-02.fail"), Vec::new()),
    }
}

/// A date label with a year and a month but no day (`更新与生效日期：2022年7月`),
/// which the facts, holding whole dates, leave out.
fn dated_by_month(ctx: &Context<'_>) -> bool {
    ctx.clauses.iter().take(12).any(|(_, t)| {
        ["日期", "时间"].iter().any(|label| {
            t.match_indices(label).any(|(at, _)| {
                // Read backwards: `效生` is 生效.
                let before: String = t[..at].chars().rev().take(6).collect();
                let after: String = t[at + label.len()..].chars().take(12).collect();
                ["效生", "新更", "订修", "布发"].iter().any(|w| crate::text::has(&before, w))
                    && after.find("20").is_some_and(|i| after[i..].contains('年') && after[i..].contains('月'))
            })
        })
    })
}

/// The opening defines what the policy covers, without the word 适用: the
/// product and who runs it (`“抖音”指…运营的…客户端应用程序、官方网站`,
/// `融e行…是由…提供的…平台`). Only the first clauses: later, a product
/// named is a feature, not the scope.
fn defines_its_product(ctx: &Context<'_>) -> bool {
    ctx.clauses.iter().take(6).any(|(_, t)| {
        ["指", "是由", "运营", "提供"].iter().any(|w| crate::text::has(t, w))
            && crate::lexicon::SCOPE_PRODUCTS.iter().any(|w| crate::text::has(t, w))
    })
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

    #[test]
    fn scope_as_a_definition_and_a_date_without_a_day() {
        // CAPP-130 rw_17.jsonl:1–4 and rw_60.jsonl:1–3.
        let douyin = "“抖音”隐私政策\n更新日期：2022年07月06日\n“抖音”指北京微播视界科技有限公司及其关联方合法拥有并运营的、标注名称为抖音的客户端应用程序、官方网站。\n我们重视您的个人信息，经您同意后使用这些信息提供服务。\n";
        assert_eq!(verdict_on(&RULE, douyin).unwrap().status, FindingStatus::Pass);
        let nike = "耐克隐私政策和 COOKIE 政策\n更新与生效日期：2022年7月\n本隐私政策明确了在您使用由耐克商业（中国）有限公司提供的网站、移动应用程序及小程序时，我们如何处理您的个人信息。\n我们重视您的个人信息，经您同意后使用这些信息提供服务。\n";
        assert_eq!(verdict_on(&RULE, nike).unwrap().status, FindingStatus::Pass);
        // A product named later is no scope.
        let later = "隐私政策\n更新日期：2022年07月06日\n我们重视您的个人信息，经您同意后使用这些信息提供服务。\n我们收集手机号。\n我们重视隐私。\n我们会加密。\n我们会删除。\n我们会告知。\n我们会回复。\n我们的客户端由我们运营。\n";
        assert_eq!(verdict_on(&RULE, later).unwrap().status, FindingStatus::Warn);
    }
}
