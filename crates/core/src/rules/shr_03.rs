//! SHR-03: third-party SDKs listed, each with name, provider, purpose, kinds
//! of information and privacy-policy link.

use super::{declare_rule, Arg, Context, Detail, Verdict};

declare_rule! {
    id: "SHR-03",
    title_zh: "逐一列明第三方 SDK 及其信息",
    title_en: "Third-party SDKs listed with name, provider, purpose, data, method, permissions and link",
    severity: Must,
    category: Sdk,
    sources: [
        "PIPL 23",
        "认定方法 二.1",
        "认定方法 五",
        "NDSR 21",
        "SDK指引 5.2",
        "信管函〔2023〕26号",
        "GB/T 43435 6.1",
    ],
    why: "SDK 直接从用户设备收集信息，用户应知道每个 SDK 的名称、提供方、目的、收集的信息种类、处理方式、调用的权限和其隐私政策。",
    fix: "在政策中附第三方 SDK 清单，每行写明：SDK 名称、第三方主体全称、使用目的、收集的个人信息类型、处理方式（嵌入SDK/委托处理/共享）、调用的系统权限、隐私政策链接。",
    why_en: "SDKs collect information directly from the user's device; users should know each SDK's name, provider, purpose, kinds of information collected, processing method, the permissions it uses and its privacy policy.",
    fix_en: "Attach a list of third-party SDKs to the policy, each row giving: the SDK name, the third party's full legal name, the purpose, the kinds of personal information collected, the processing method (embedded SDK / entrusted processing / sharing), the system permissions used and a link to its privacy policy.",
    check: check,
}

/// What an SDK row leaves out, in the order the SDK guide lists the fields.
/// A provider the knowledge base supplied is one the policy left out.
pub(crate) fn missing_fields(s: &crate::report::Sdk) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if s.provider_from != Some(crate::report::ProviderFrom::Text) {
        missing.push("sdk-field.provider");
    }
    if s.purpose.is_none() {
        missing.push("sdk-field.purpose");
    }
    if s.data.is_empty() {
        missing.push("sdk-field.data");
    }
    if s.method.is_none() {
        missing.push("sdk-field.method");
    }
    if s.permissions.is_empty() {
        missing.push("sdk-field.permissions");
    }
    if s.link.is_none() {
        missing.push("sdk-field.link");
    }
    missing
}

const SDK: &[&str] = &["sdk"];

/// The words this rule asks the clauses about: indexed by the pipeline's
/// one scan ([`super::CODE_WORDS`]).
pub(super) const ASKED: &[&[&str]] = &[SDK];

fn check(ctx: &Context<'_>) -> Verdict {
    let sdks = &ctx.sdks.sdks;
    // A list linked from the text is the accepted practice (reviewers judged
    // the must-level failure here a false alarm, also where a few SDKs are
    // named in passing beside the link); that the list is not in the text is
    // WRD-06's point.
    if ctx.sdks.external_list.is_some() {
        return Verdict::NotApplicable;
    }
    if sdks.is_empty() {
        return if ctx.mentions(SDK) {
            Verdict::Fail(Detail::new("SHR-03.fail"), ctx.clauses_with(SDK))
        } else {
            Verdict::NotApplicable
        };
    }
    // The statutory core (provider, purpose, data, link) decides the verdict;
    // method and permissions, which the SDK guide adds, are named but do not
    // make a row incomplete on their own.
    // Rows that lack a core field are named first: they make the verdict.
    let mut core_gaps = Vec::new();
    let mut other_gaps = Vec::new();
    for s in sdks {
        let missing = missing_fields(s);
        let fields = missing.iter().map(|m| Detail::new(*m)).collect();
        let line = Detail::new("SHR-03.gap").arg(s.name.as_str()).arg(Arg::Parts { parts: fields, phrases: false });
        if missing.iter().any(|m| !matches!(*m, "sdk-field.method" | "sdk-field.permissions")) {
            core_gaps.push(line);
        } else if !missing.is_empty() {
            other_gaps.push(line);
        }
    }
    let ev: Vec<_> = sdks.iter().filter_map(|s| s.evidence.first().cloned()).take(3).collect();
    if core_gaps.is_empty() {
        Verdict::Pass(ev)
    } else {
        let n = core_gaps.len();
        let shown: Vec<_> = core_gaps.into_iter().chain(other_gaps).take(8).collect();
        let detail = Detail::new("SHR-03.warn").arg(sdks.len()).arg(n).arg(Arg::Parts { parts: shown, phrases: true });
        Verdict::Warn(detail, ev)
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
        // A list on another page is WRD-06's finding, not a failure here.
        let linked = policy_with("我们会嵌入授权合作伙伴的SDK（您可点此查看我们接入授权合作伙伴的SDK详情说明）。");
        assert_eq!(verdict_on(&RULE, &linked), None);
        // Real pointers (CAPP-130): a named list document, a page to read.
        for pointer in [
            "您可,点击此处,查看我们接入的SDK详情。",
            "本产品第三方信息共享具体情况请见《第三方信息共享清单》包括《第三方SDK目录》）。",
            "如果您希望进一步了解我们所接入的第三方SDK情况，请您阅读第三方SDK情况说明。",
            "接入第三方SDK情况请见：懂车帝接入第三方SDK目录",
            "查看爱奇艺《信息共享清单》中的“内嵌SDK”进一步了解。",
        ] {
            assert_eq!(verdict_on(&RULE, &policy_with(pointer)), None, "{pointer}");
        }
        // A few SDKs named in passing beside the linked list are not judged
        // as the list.
        let both = policy_with("我们接入了支付宝SDK，用于支付。您可,点击此处,查看我们接入的SDK详情。");
        assert_eq!(verdict_on(&RULE, &both), None);
    }

    #[test]
    fn each_row_says_what_it_leaves_out() {
        let table = policy_with(
            "SDK名称：极光推送SDK\n第三方名称：深圳市和讯华谷信息技术有限公司\n使用目的：消息推送\n收集个人信息：设备标识符\n隐私政策链接：https://www.jiguang.cn/license/privacy\n\
             SDK名称：友盟统计SDK\n使用目的：统计\n",
        );
        let f = verdict_on(&RULE, &table).unwrap();
        assert_eq!(f.status, FindingStatus::Warn);
        assert_eq!(
            f.message,
            "2 个 SDK 中 1 个缺少必备信息：友盟统计SDK（缺提供方、信息类型、处理方式、权限、隐私政策链接）；极光推送SDK（缺处理方式、权限）"
        );
    }
}
