//! STR-01: section numbering skips a number (一, 二, 四).
//!
//! A skipped number usually means a section was deleted or a heading lost in
//! copying, and readers (and reviewers) cannot tell which.

use super::{declare_rule, numbering, Context, Detail, Verdict};
use crate::segment::AnomalyKind;

declare_rule! {
    id: "STR-01",
    title_zh: "章节编号跳号",
    title_en: "Section numbering skips a number",
    severity: Info,
    sources: ["PIPL 17", "GB/T 35273 5.5"],
    why: "编号跳过（一、二、四）通常说明某一章节被删除或在排版、复制时丢失，读者无法确认政策是否完整；PIPL 第17条要求以清晰易懂的方式告知。",
    fix: "检查缺失编号处是否漏掉了章节；补上该章节，或重新连续编号（一、二、三……）。",
    why_en: "A gap in the numbering (such as 一、二、四, i.e. 1, 2, 4) usually means a section was deleted or lost in layout or copying, so readers cannot be sure the policy is complete; PIPL Article 17 requires notice in a clear and easily understood way.",
    fix_en: "Check whether a section is missing where the number is skipped; restore that section, or renumber the sections consecutively (一、二、三…).",
    check: check,
}

fn check(ctx: &Context<'_>) -> Verdict {
    numbering::check(ctx, "STR-01", AnomalyKind::Gap, |expected, found| {
        Detail::new("STR-01.gap").arg(expected.saturating_sub(1)).arg(found).arg(expected)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::verdict_on;

    #[test]
    fn fails_on_a_gap_and_passes_without() {
        // Shape from real policies where a chapter went missing in copying.
        let gap = "隐私政策\n一、我们如何收集信息\n我们收集手机号。\n二、我们如何共享信息\n我们不共享。\n四、如何联系我们\n邮箱。\n";
        let f = verdict_on(&RULE, gap).unwrap();
        assert_eq!(f.status, FindingStatus::Warn);
        assert_eq!(f.message, "编号从 2 跳到了 4（缺少 3）");
        assert_eq!(f.evidence[0].text, "四、如何联系我们");
        assert_eq!(f.evidence[0].line, 6);
        let fine = gap.replace("四、", "三、");
        assert_eq!(verdict_on(&RULE, &fine).unwrap().status, FindingStatus::Pass);
    }

    #[test]
    fn a_number_written_at_a_line_start_in_between_is_no_gap() {
        // xiaoyun.txt 5.3, CAPP-130 rw_14 5.7: a heading run into its
        // paragraph, or ending in 。, that the outline does not take as a
        // heading; the numbering itself is complete.
        let run_in = "隐私政策\n五、我们如何保护信息\n5.1 安全措施\n我们采用加密技术。\n5.2 安全事件\n我们会及时告知。\n\
             5.3 您知悉并理解，互联网并非绝对安全的环境，我们强烈建议您使用复杂的密码，并注意保护您的个人信息安全，如您发现自己的个人信息泄露，请立即联系我们。\n\
             5.4 安全认证\n我们通过了认证。\n";
        assert_eq!(verdict_on(&RULE, run_in).unwrap().status, FindingStatus::Pass);
        // Without the line it is a gap.
        let skipped = run_in.replace("5.3 您知悉", "您知悉");
        assert_eq!(verdict_on(&RULE, &skipped).unwrap().status, FindingStatus::Warn);
        // CAPP-130 rw_8: a numbered line that opens a list (ends in ：), its
        // marker followed by a comma where the copy lost a space.
        let list_opener =
            "隐私政策\n一、我们如何收集\n一. 基本业务功能\n我们收集手机号。\n二. 扩展功能\n我们收集位置。\n\
             三.,根据相关法律法规及国家标准，以下情形中，我们可能会依法收集您的个人信息而无需征得您的同意：\n\
             1.,为订立、履行个人作为一方当事人的合同所必需；\n2.,为履行法定职责或者法定义务所必需；\n\
             四. 我们承诺\n我们承诺保护。\n二、联系我们\n邮箱 a@b.com\n";
        assert_eq!(verdict_on(&RULE, list_opener).unwrap().status, FindingStatus::Pass);
    }
}
