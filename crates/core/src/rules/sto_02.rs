//! STO-02: where information is stored, and any transfer abroad.

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "STO-02",
    title_zh: "说明存储地点及出境情况",
    title_en: "Storage location and any transfer abroad",
    severity: Must,
    category: CrossBorder,
    sources: ["PIPL 38", "PIPL 39", "GB/T 35273 9.8", "儿童规定 10(2)"],
    why: "境内收集的个人信息原则上存储在境内；向境外提供须告知境外接收方、目的、方式、种类并取得单独同意。",
    fix: "写明：“我们在中华人民共和国境内收集和产生的个人信息存储在境内。如需向境外提供，我们将告知境外接收方的名称、联系方式、目的和信息种类，并取得您的单独同意。”",
    why_en: "Personal information collected within China should in principle be stored in China; providing it abroad requires telling users the overseas recipient, the purpose, method and kinds of information, and obtaining their separate consent.",
    fix_en: "State: “Personal information we collect and generate within the People's Republic of China is stored within China. If it needs to be provided abroad, we will tell you the overseas recipient's name and contact details, the purpose and the kinds of information, and obtain your separate consent.”",
    check: check,
}

const WHERE: &[&str] = &["境内", "境外", "跨境", "出境"];
const ABROAD: &[&str] = &["向境外", "境外传输", "跨境传输", "出境", "境外实体", "境外机构", "传输至境外"];
const CONSENT: &[&str] = &["单独同意", "单独的同意", "另行征得", "明确授权", "明示同意", "征得您的同意", "授权同意"];

/// The words this rule asks the clauses about: indexed by the pipeline's
/// one scan ([`super::CODE_WORDS`]).
pub(super) const ASKED: &[&[&str]] = &[WHERE, ABROAD, CONSENT];

fn check(ctx: &Context<'_>) -> Verdict {
    let ev = ctx.clauses_with(WHERE);
    match ctx.facts.storage_location.as_deref() {
        None if ev.is_empty() => Verdict::Fail(Detail::new("STO-02.fail"), Vec::new()),
        None => Verdict::Warn(Detail::new("STO-02.warn"), ev),
        Some(_) => {
            let abroad = ctx.mentions(ABROAD);
            if abroad && !ctx.mentions(CONSENT) {
                Verdict::Warn(Detail::new("STO-02.warn2"), ev)
            } else {
                Verdict::Pass(ev)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn location_and_transfer() {
        let ok = policy_with("我们在中华人民共和国境内收集的个人信息将存储在中国境内。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
        let transfer = policy_with("上述信息将存储于中华人民共和国境内。因业务需要我们会向境外传输个人信息。");
        assert_eq!(verdict_on(&RULE, &transfer).unwrap().status, FindingStatus::Warn);
        assert_eq!(verdict_on(&RULE, &policy_with("我们收集手机号。")).unwrap().status, FindingStatus::Fail);
    }
}
