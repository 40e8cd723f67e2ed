//! STR-02: a section number is used twice (三, 三).

use super::{declare_rule, numbering, Context, Detail, Verdict};
use crate::segment::AnomalyKind;

declare_rule! {
    id: "STR-02",
    title_zh: "章节编号重复",
    title_en: "A section number is used twice",
    severity: Info,
    sources: ["PIPL 17", "GB/T 35273 5.5"],
    why: "同一编号出现两次，引用“第三条”时无法确定指哪一节，用户与监管方都难以准确援引政策内容。",
    fix: "为重复的章节重新编号，使每一节的编号唯一且连续。",
    why_en: "When a number is used twice, a reference such as “Article 3” (第三条) cannot be pinned to one section, so users and regulators cannot cite the policy accurately.",
    fix_en: "Renumber the repeated sections so that every section's number is unique and the numbering is consecutive.",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    numbering::check(ctx, "STR-02", AnomalyKind::Repeat, |_, found| Detail::new("STR-02.gap").arg(found))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::verdict_on;

    #[test]
    fn fails_on_a_repeat_and_passes_without() {
        let repeat = "隐私政策\n一、收集\n我们收集手机号。\n二、共享\n我们不共享。\n二、存储\n存储在境内。\n三、联系我们\n邮箱。\n";
        let f = verdict_on(&RULE, repeat).unwrap();
        assert_eq!(f.status, FindingStatus::Warn);
        assert_eq!(f.message, "编号 2 出现了两次");
        assert_eq!(f.evidence[0].text, "二、存储");
        let fine = "隐私政策\n一、收集\n我们收集手机号。\n二、共享\n我们不共享。\n三、联系我们\n邮箱。\n";
        assert_eq!(verdict_on(&RULE, fine).unwrap().status, FindingStatus::Pass);
    }
}
