//! CTL-01: the controller's legal name and a way to reach it.
//!
//! Uses the extracted facts: the controller, emails, phones, addresses.

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "CTL-01",
    title_zh: "写明处理者名称与联系方式",
    title_en: "Controller's legal name and a way to reach it",
    severity: Must,
    category: Contact,
    sources: ["PIPL 17(1)", "NDSR 21(1)", "GB/T 35273 5.5"],
    why: "个人信息处理者的名称和联系方式是法定告知事项：用户行使权利、投诉或起诉都需要知道对方是谁、如何联系。",
    fix: "写明运营主体全称与至少一种联系渠道，例如：“本政策由××科技有限公司提供，您可以通过 privacy@example.com 或 400-000-0000 与我们联系，注册地址：……”",
    why_en: "The name and contact details of the personal information handler must be disclosed by law: to exercise their rights, complain or sue, users need to know who the handler is and how to reach it.",
    fix_en: "Give the operator's full legal name and at least one contact channel, for example: “This policy is provided by XX Technology Co., Ltd. You can contact us at privacy@example.com or 400-000-0000. Registered address: …”",
    check: check,
}

const CONTACT: &[&str] = &["有限公司", "邮箱", "电话", "地址", "@"];

/// The words this rule asks the clauses about: indexed by the pipeline's
/// one scan ([`super::CODE_WORDS`]).
pub(super) const ASKED: &[&[&str]] = &[crate::lexicon::IN_APP_CHANNELS, CONTACT];

fn check(ctx: &Context<'_>) -> Verdict {
    let f = ctx.facts;
    // A channel in the app or on the web (意见反馈, 在线客服) reaches the
    // controller too.
    let channel = !f.emails.is_empty()
        || !f.phones.is_empty()
        || !f.addresses.is_empty()
        || ctx.mentions(crate::lexicon::IN_APP_CHANNELS);
    let ev = ctx.clauses_with(CONTACT);
    match (f.controller.as_deref(), channel) {
        (Some(_), true) => Verdict::Pass(ev),
        (None, true) => Verdict::Warn(Detail::new("CTL-01.warn"), ev),
        (Some(name), false) => Verdict::Fail(Detail::new("CTL-01.fail2").arg(name.to_string()), ev),
        (None, false) => Verdict::Fail(Detail::new("CTL-01.fail"), Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn name_and_channel() {
        let ok = policy_with("本政策由深圳阿帕云计算有限公司（以下简称“我们”）提供，邮箱：privacy@apayun.com。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        // weidandan.txt: "请通过本协议中列出的联系方式与我们联系", and none is listed.
        let none = policy_with("如您有任何疑问，可通过本协议中列出的联系方式与我们联系。");
        let f = verdict_on(&RULE, &none).unwrap();
        assert_eq!(f.status, FindingStatus::Fail);
        // CAPP-130 rw_72: the company named, the channel inside the app.
        let in_app = policy_with(
            "本政策由央视国际网络有限公司提供。如您有任何疑问，可以通过个人中心里的“用户反馈及帮助”与我们联系。",
        );
        assert_eq!(verdict_on(&RULE, &in_app).unwrap().status, FindingStatus::Pass);
    }
}
