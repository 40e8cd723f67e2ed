//! SHR-03: third-party SDKs listed, each with name, provider, purpose, kinds
//! of information and privacy-policy link.

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "SHR-03",
    title_zh: "逐一列明第三方 SDK 及其信息",
    title_en: "Third-party SDKs listed with name, provider, purpose, data and link",
    severity: Must,
    sources: ["认定方法 二.1", "认定方法 五", "NDSR 21", "SDK指引", "GB/T 43435"],
    why: "SDK 直接从用户设备收集信息，用户应知道每个 SDK 的名称、提供方、目的、收集的信息种类和其隐私政策。",
    fix: "在政策中附第三方 SDK 清单，每行写明：SDK 名称、第三方主体全称、使用目的、收集的个人信息类型、隐私政策链接。",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    let sdks = &ctx.sdks.sdks;
    if sdks.is_empty() {
        if let Some(span) = ctx.sdks.external_list {
            let ev = vec![crate::text::evidence(ctx.text, ctx.lines, span)];
            return Verdict::Fail("SDK 清单不在政策正文中，只给出了另一页面的链接。".to_owned(), ev);
        }
        return if ctx.mentions(&["sdk"]) {
            Verdict::Fail("提到了 SDK，但没有列出具体的 SDK。".to_owned(), ctx.clauses_with(&["sdk"]))
        } else {
            Verdict::NotApplicable
        };
    }
    let mut gaps = Vec::new();
    for s in sdks {
        let mut missing = Vec::new();
        if s.provider.is_none() {
            missing.push("提供方");
        }
        if s.purpose.is_none() {
            missing.push("目的");
        }
        if s.data.is_empty() {
            missing.push("信息类型");
        }
        if s.link.is_none() {
            missing.push("隐私政策链接");
        }
        if !missing.is_empty() {
            gaps.push(format!("{}（缺{}）", s.name, missing.join("、")));
        }
    }
    let ev: Vec<_> = sdks.iter().filter_map(|s| s.evidence.first().cloned()).take(3).collect();
    if gaps.is_empty() {
        Verdict::Pass(ev)
    } else {
        let shown: Vec<_> = gaps.iter().take(8).cloned().collect();
        Verdict::Warn(format!("{} 个 SDK 信息不全：{}", gaps.len(), shown.join("；")), ev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn mentioned_but_not_listed_fails_and_no_sdk_at_all_is_not_applicable() {
        let vague = policy_with("我们会接入第三方SDK以实现相关功能。");
        let f = verdict_on(&RULE, &vague).unwrap();
        assert_eq!(f.status, FindingStatus::Fail);
        assert_eq!(verdict_on(&RULE, &policy_with("我们收集手机号。")), None);
    }
}
