//! STR-03: a section is out of order (三 before 二).

use super::{declare_rule, numbering, Context, Detail, Verdict};
use crate::segment::AnomalyKind;

declare_rule! {
    id: "STR-03",
    title_zh: "章节顺序颠倒",
    title_en: "A section is out of order",
    severity: Info,
    sources: ["PIPL 17", "GB/T 35273 5.5"],
    why: "编号倒退说明章节被挪动或粘贴错位，目录与正文对不上，读者难以找到所需内容。",
    fix: "按编号顺序排列章节，或按现有顺序重新编号。",
    why_en: "Numbering that goes backwards means sections were moved or pasted out of place: the table of contents no longer matches the text, and readers struggle to find what they need.",
    fix_en: "Put the sections in numerical order, or renumber them in their current order.",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    numbering::check(ctx, "STR-03", AnomalyKind::OutOfOrder, |expected, found| {
        Detail::new("STR-03.gap").arg(expected).arg(found)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::verdict_on;

    #[test]
    fn fails_when_numbering_goes_back_and_passes_in_order() {
        let back = "隐私政策\n一、收集\n我们收集手机号。\n二、共享\n我们不共享。\n三、存储\n境内。\n二、安全\n加密。\n四、联系我们\n邮箱。\n";
        let f = verdict_on(&RULE, back).unwrap();
        assert_eq!(f.status, FindingStatus::Warn);
        assert_eq!(f.message, "此处应为 4，却是 2");
        let fine = "隐私政策\n一、收集\n我们收集手机号。\n二、共享\n我们不共享。\n三、联系我们\n邮箱。\n";
        assert_eq!(verdict_on(&RULE, fine).unwrap().status, FindingStatus::Pass);
    }
}
