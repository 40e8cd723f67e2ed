//! COL-08: Cookies and similar technologies, and how to manage them.
//!
//! Cookie、网站信标等会在用户不察觉时记录行为，用户需要知道其用途以及如何清除或拒绝。
//!
//! Detection: a clause says it (cookie, 网站信标, 像素标签, 同类技术 …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "COL-08",
    title_zh: "说明 Cookie 及同类技术及其管理方式",
    title_en: "Cookies and similar technologies, and how to manage them",
    severity: Should,
    sources: ["GB/T 35273 App. D"],
    why: "Cookie、网站信标等会在用户不察觉时记录行为，用户需要知道其用途以及如何清除或拒绝。",
    fix: "说明使用的 Cookie 及同类技术、目的，以及如何通过浏览器设置清除或拒绝：“您可以通过浏览器设置管理或删除 Cookie。”",
    check: check,
}

const WORDS: &[&str] = &["cookie", "网站信标", "像素标签", "同类技术"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明 Cookie 及同类技术。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass = verdict_on(&RULE, &policy_with("我们使用 Cookie 来记住您的偏好，您可以通过浏览器设置管理 Cookie。"))
            .unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("我们使用 C"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明 Cookie 及同类技术。");
    }
}
