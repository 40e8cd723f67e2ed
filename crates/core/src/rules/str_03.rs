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

    #[test]
    fn a_list_that_starts_again_under_an_outer_marker_is_in_order() {
        // CAPP-130 rw_39.jsonl:18–40: （二） opens a list as a sentence ending
        // in ：, and the numbers under it start again at 1.
        let restart = "隐私政策\n一、我们如何收集\n（一）为保证您正常使用本网站的产品或服务，我们会收集以下信息：\n1、您提供的信息\n您注册时提供手机号。\n\
            2、您在使用服务过程中产生的信息\n日志信息。\n（二）我们可能将收集到的您的个人信息用于以下目的：\n1、为您提供服务\n身份验证。\n2、改进服务\n统计分析。\n二、联系我们\n邮箱。\n";
        assert_eq!(verdict_on(&RULE, restart).unwrap().status, FindingStatus::Pass);
        // Without the outer marker the list does go back.
        let back = restart.replace("（二）我们可能将", "我们可能将");
        assert_eq!(verdict_on(&RULE, &back).unwrap().status, FindingStatus::Warn);
    }
}
