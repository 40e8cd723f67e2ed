//! WRD-04: open-ended lists where kinds of information are enumerated.

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "WRD-04",
    title_zh: "以“包括但不限于”开放列举个人信息",
    title_en: "Open-ended lists of personal information",
    severity: Should,
    category: Collection,
    sources: ["认定方法 二.1"],
    why: "“包括但不限于”让列举失去边界，用户无法知道实际收集的全部信息，与逐项列明的要求不符。",
    fix: "删除“包括但不限于”“等”，完整列出实际收集的每一项信息。",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    let hits: Vec<_> = ctx
        .clauses
        .iter()
        .filter(|(_, t)| t.contains("包括但不限于") && (t.contains("收集") || t.contains("获取") || t.contains("信息")))
        .collect();
    if hits.is_empty() {
        return Verdict::Pass(Vec::new());
    }
    let ev = hits.iter().take(3).map(|(s, _)| crate::text::evidence(ctx.text, ctx.lines, *s)).collect();
    Verdict::Warn(Detail::new("WRD-04.warn").arg(hits.len()), ev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn open_lists() {
        let bad = policy_with("我们会收集您的设备信息，包括但不限于设备型号、操作系统版本。");
        assert_eq!(verdict_on(&RULE, &bad).unwrap().status, FindingStatus::Warn);
        let ok = policy_with("我们会收集您的设备型号和操作系统版本。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
    }
}
