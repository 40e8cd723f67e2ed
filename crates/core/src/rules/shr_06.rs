//! SHR-06: an SDK row's personal information listed open-ended (`等`,
//! `包括但不限于`).

use super::{declare_rule, Arg, Context, Detail, Verdict};

declare_rule! {
    id: "SHR-06",
    title_zh: "SDK 收集的个人信息以“等”开放列举",
    title_en: "An SDK's personal information listed open-ended",
    severity: Should,
    category: Sdk,
    sources: ["PIPL 17(1)", "PIPL 23", "SDK指引 5.2", "信管函〔2023〕26号", "认定方法 二.1"],
    why: "SDK 清单中以“等”“包括但不限于”结尾的信息列表没有边界，用户和审核者无法判断该 SDK 实际收集哪些个人信息。",
    fix: "在 SDK 清单的每一行完整列出该 SDK 收集的每一项个人信息，删去“等”“包括但不限于”。",
    why_en: "Lists of information in an SDK list that end with “etc.” or “including but not limited to” have no boundary: users and reviewers cannot tell what personal information the SDK actually collects.",
    fix_en: "In each row of the SDK list, name every item of personal information the SDK collects, and remove “etc.” and “including but not limited to” (“等”, “包括但不限于”).",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    let sdks = &ctx.sdks.sdks;
    if sdks.iter().all(|s| s.data.is_empty()) {
        return Verdict::NotApplicable;
    }
    let open: Vec<_> = sdks.iter().filter(|s| s.data_open).collect();
    if open.is_empty() {
        let ev =
            sdks.iter().filter(|s| !s.data.is_empty()).filter_map(|s| s.evidence.first().cloned()).take(3).collect();
        return Verdict::Pass(ev);
    }
    let names: Vec<&str> = open.iter().take(8).map(|s| s.name.as_str()).collect();
    let ev = open.iter().filter_map(|s| s.evidence.first().cloned()).take(3).collect();
    Verdict::Warn(
        Detail::new("SHR-06.warn").arg(open.len()).arg(Arg::Texts(names.iter().map(|n| (*n).to_owned()).collect())),
        ev,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn open_ended_sdk_rows() {
        let open = policy_with("SDK名称：极光推送SDK\n收集个人信息：设备标识符、网络信息等\nSDK名称：友盟统计SDK\n收集个人信息：设备型号\n");
        let f = verdict_on(&RULE, &open).unwrap();
        assert_eq!(f.status, FindingStatus::Warn);
        assert_eq!(f.message, "1 个 SDK 的信息列表以“等”开放列举：极光推送SDK");
        let closed = policy_with("SDK名称：友盟统计SDK\n收集个人信息：设备型号、网络类型\n");
        assert_eq!(verdict_on(&RULE, &closed).unwrap().status, FindingStatus::Pass);
        assert_eq!(verdict_on(&RULE, &policy_with("我们收集手机号。")), None);
    }
}
