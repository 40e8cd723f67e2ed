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

    #[test]
    fn steps_under_each_item_and_a_second_document_start_again() {
        // CAPP-130 rw_79.jsonl:290–299: steps 1）2）3） under each item, the
        // long first step a sentence.
        let steps = "隐私政策\n我们重视您的个人信息，经您同意后使用这些信息提供服务。\n一、您的权利\n4、家长用户访问头像\n1）进入班级优化大师后，点击【我】，再点击【个人信息】，即可查看您的头像、帐号和昵称信息。\n2）点击设置\n3）进行信息查询访问\n\
            5、家长用户访问班级通讯录\n1）进入班级优化大师后，在课堂首页点击【班级】，再点击【通讯录】，即可查看班级通讯录信息。\n2）进行信息查询访问\n二、联系我们\n邮箱。\n";
        assert_eq!(verdict_on(&RULE, steps).unwrap().status, FindingStatus::Pass);
        // rw_103.jsonl:230–254: a children's policy pasted after the main one.
        let two = "隐私政策\n我们重视您的个人信息，经您同意后使用这些信息提供服务。\n一、收集\n我们收集手机号。\n二、共享\n我们不共享。\n三、联系我们\n邮箱。\n\
            淘宝网儿童个人信息保护规则及监护人须知\n一、我们如何收集和使用儿童个人信息\n我们收集儿童的昵称。\n二、如何联系我们\n邮箱。\n";
        assert_eq!(verdict_on(&RULE, two).unwrap().status, FindingStatus::Pass);
        // rw_79.jsonl:461–470: contents taken as headings, then the chapters.
        let contents = "隐私政策\n我们重视您的个人信息，经您同意后使用这些信息提供服务。\n本规则将帮助您了解以下内容：\n一、儿童个人信息的收集\n二、儿童个人信息的使用\n三、联系我们\n四、\n\
            一、儿童个人信息的收集\n我们收集儿童的昵称。\n二、儿童个人信息的使用\n用于提供服务。\n三、联系我们\n邮箱。\n";
        assert_eq!(verdict_on(&RULE, contents).unwrap().status, FindingStatus::Pass);
        let other = contents.replace("\n一、儿童个人信息的收集\n我们收集", "\n一、我们如何使用信息\n我们收集");
        assert_eq!(verdict_on(&RULE, &other).unwrap().status, FindingStatus::Warn);
    }
}
