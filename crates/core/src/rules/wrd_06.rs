//! WRD-06: the SDK list lives on another page.

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "WRD-06",
    title_zh: "SDK 清单不在正文中",
    title_en: "The SDK list is on another page",
    severity: Should,
    category: Sdk,
    sources: ["认定方法 二.1", "NDSR 21"],
    why: "只给出“点此查看”的链接，用户离线、截图或打印时看不到 SDK 清单，审阅也无法核对。",
    fix: "把第三方 SDK 清单作为附录放入政策正文（SDK 名称、提供方、目的、信息类型、隐私政策链接）。",
    why_en: "With only a “click here to view” link, users who are offline, or who take a screenshot or print the policy, cannot see the SDK list, and reviewers cannot check it.",
    fix_en: "Put the list of third-party SDKs into the body of the policy as an appendix (SDK name, provider, purpose, kinds of information, privacy policy link).",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    match ctx.sdks.external_list {
        Some(span) if ctx.sdks.sdks.is_empty() => {
            Verdict::Warn(Detail::new("WRD-06.warn"), vec![crate::text::evidence(ctx.text, ctx.lines, span)])
        }
        _ => Verdict::Pass(Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn external_list() {
        // taobao.txt 三（三）.
        let bad = policy_with("我们的应用中会嵌入授权合作伙伴的SDK（您可点此查看我们接入授权合作伙伴的SDK详情说明）。");
        assert_eq!(verdict_on(&RULE, &bad).unwrap().status, FindingStatus::Warn);
        assert_eq!(verdict_on(&RULE, &policy_with("我们不使用第三方SDK。")).unwrap().status, FindingStatus::Pass);
    }
}
