//! SEC-01: Security measures.
//!
//! 用户有权了解其信息受到何种技术与管理措施保护。
//!
//! Detection: a clause says it (加密, 去标识化, 访问控制, ssl …).

use super::{declare_rule, Context, Verdict};

declare_rule! {
    id: "SEC-01",
    title_zh: "说明安全保护措施",
    title_en: "Security measures",
    severity: Should,
    sources: ["PIPL 51", "GB/T 35273 5.5"],
    why: "用户有权了解其信息受到何种技术与管理措施保护。",
    fix: "列出具体措施：“我们使用 SSL 加密传输、对敏感信息加密存储、实行最小权限的访问控制……”",
    check: check,
}

const WORDS: &[&str] =
    &["加密", "去标识化", "访问控制", "ssl", "https", "安全防护", "安全措施", "数据保护技术", "匿名化"];

fn check(ctx: &Context<'_>) -> Verdict {
    ctx.require(WORDS, "未说明采取的安全保护措施。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn passes_when_stated_and_fails_when_absent() {
        let pass = verdict_on(&RULE, &policy_with("我们会使用加密技术确保数据的保密性，并采取访问控制机制。")).unwrap();
        assert_eq!(pass.status, FindingStatus::Pass);
        assert!(pass.evidence[0].text.contains("我们会使用加"));
        let fail = verdict_on(&RULE, &policy_with("我们会依法处理您的个人信息。")).unwrap();
        assert_eq!(fail.status, FindingStatus::Fail);
        assert_eq!(fail.message, "未说明采取的安全保护措施。");
    }
}
