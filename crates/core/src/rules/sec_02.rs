//! SEC-02: Security incidents: response and notice.
//!
//! 发生泄露等安全事件时，处理者应采取补救措施并告知受影响的个人。
//!
//! Detection: a clause says it (安全事件, 应急预案, 泄露事件, 事件处置 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "SEC-02",
    title_zh: "说明安全事件的处置与告知",
    title_en: "Security incidents: response and notice",
    severity: Should,
    sources: ["PIPL 57", "GB/T 35273 10"],
    why: "发生泄露等安全事件时，处理者应采取补救措施并告知受影响的个人。",
    fix: "写明：“如不幸发生个人信息安全事件，我们将启动应急预案，并以推送、邮件等方式告知您事件情况、可能的影响和补救措施。”",
    check: check,
}

const WORDS: &[&str] = &["安全事件", "应急预案", "泄露事件", "事件处置"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明个人信息安全事件的处置与告知。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass =
            verdict_on(&RULE, &policy_with("在不幸发生个人信息安全事件后，我们将按照法律法规的要求及时向您告知。"))
                .unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("在不幸发生个"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明个人信息安全事件的处置与告知。");
    }
}
