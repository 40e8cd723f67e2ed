//! WRD-04: open-ended lists where kinds of information are enumerated.

use super::{declare_rule, Context, Detail, Verdict};

declare_rule! {
    id: "WRD-04",
    title_zh: "以“包括但不限于”开放列举个人信息",
    title_en: "Open-ended lists of personal information",
    severity: Should,
    category: Collection,
    sources: ["认定方法 二.1"],
    why: "“包括但不限于”让列举失去边界，用户无法知道实际收集的全部信息，与逐项列明的要求不符。",
    fix: "删除“包括但不限于”“等”，完整列出实际收集的每一项信息。",
    why_en: "“Including but not limited to” takes away the boundary of a list: users cannot know everything that is actually collected, which conflicts with the requirement to list each item.",
    fix_en: "Remove “including but not limited to” and “etc.” (“包括但不限于”, “等”), and list every item of information actually collected.",
    check: check,
}

/// An open list of personal information: 包括但不限于 followed, in the
/// same sentence, by kinds of personal information the data vocabulary
/// knows (包括但不限于设备型号、手机号). Lists of measures, rights, documents,
/// dealers or activities name none; nor does a definition that only names
/// a category (个人信息包括但不限于个人敏感信息).
fn lists_information_openly(t: &str) -> bool {
    let Some(at) = t.find("包括但不限于") else { return false };
    let chars_before = |n: usize| &t[t[..at].char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i)..at];
    // What is protected (保护我们收集的信息，包括但不限于加密) is followed by
    // measures, not by information.
    if crate::lexicon::PROTECTION_WORDS.iter().any(|w| chars_before(15).contains(w)) {
        return false;
    }
    // A definition of personal information (个人信息是指…, 以电子或者其他方式
    // 记录的…) lists examples of the term, not what is collected.
    // (`data-not-handled`: a sentence that defines data or collects none.)
    if crate::lexicon::DATA_NOT_HANDLED.iter().chain(crate::lexicon::STATUTORY_DEFINITION).any(|w| t[..at].contains(w))
    {
        return false;
    }
    // The values of one field in brackets (身份证件类型（包括但不限于身份证、
    // 护照…）, CAPP-130 rw_4): document types, not kinds of information.
    if ["类型(", "种类(", "类别("].iter().any(|w| t[..at].ends_with(w)) {
        return false;
    }
    // A clause that opens by saying what personal information is
    // (个人信息包括但不限于客户姓名…, CAPP-130 rw_3) defines the term.
    let subject = t[..at].trim_start_matches(|c: char| !crate::text::is_cjk(c));
    if subject == "个人信息" || subject.ends_with("所称个人信息") || subject.ends_with("所称的个人信息")
    {
        return false;
    }
    let after = &t[at + "包括但不限于".len()..];
    let mut list = &after[..after.find(['。', '；', ';']).unwrap_or(after.len())];
    // Inside brackets the list ends with them (各APP（包括但不限于美图秀秀、美拍）,
    // CAPP-130 rw_16): what follows is the sentence again.
    if t[..at].rfind('(') > t[..at].rfind(')') {
        list = &list[..list.find(')').unwrap_or(list.len())];
    }
    // An element of the list names a kind when it starts with one (操作系统版本,
    // 您的姓名); 加密存储 or 访问控制 only end with a word the vocabulary has.
    let vocab = crate::sdk::vocab::Vocab::builtin();
    let elements: Vec<&str> = list.split(['、', '，', ',', '：', ':', '及', '和', '与', '或']).map(str::trim).collect();
    // A list of what is done with information (收集、存储和使用): 存储 there is
    // an act, not the storage the vocabulary knows.
    if elements.iter().any(|el| ["收集", "使用", "共享", "处理", "转让"].contains(el)) {
        return false;
    }
    elements.into_iter().any(|el| {
        let el = el.trim_start_matches(['“', '"', '（', '(']);
        let el = ["您的", "你的", "用户的"].iter().find_map(|p| el.strip_prefix(p)).unwrap_or(el);
        // 个人信息 itself is the category, no kind of it (本政策说明…规则，包括但不限于
        // 您的个人信息的目的, CAPP-130 rw_18).
        !el.is_empty()
            && !el.starts_with("个人信息")
            && vocab.items_in(el).iter().any(|d| el.starts_with(d.text.as_str()))
    })
}

const OPEN_LIST: &[&str] = &["包括但不限于"];

/// The words this rule asks the clauses about: indexed by the pipeline's
/// one scan ([`super::CODE_WORDS`]).
pub(super) const ASKED: &[&[&str]] = &[OPEN_LIST];

fn check(ctx: &Context<'_>) -> Verdict {
    let hits: Vec<_> = ctx
        .clauses
        .holding_any(OPEN_LIST)
        .into_iter()
        .map(|i| ctx.clauses.get(i))
        .filter(|(_, t)| lists_information_openly(t))
        .collect();
    if hits.is_empty() {
        return Verdict::Pass(Vec::new());
    }
    let ev = hits.iter().take(3).map(|(s, _)| crate::text::evidence(ctx.text, ctx.lines, *s)).collect();
    Verdict::Warn(Detail::new("WRD-04.warn").arg(hits.len()), ev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn definitions_and_bracketed_lists_of_apps_are_not_lists_of_information() {
        // CAPP-130 rw_3: what personal information is, in a bank's policy.
        assert!(!lists_information_openly("个人信息包括但不限于客户姓名、性别、国籍、职业、联系方式。"));
        // CAPP-130 rw_16: the apps an account opens, in brackets; the
        // sentence after them names information but lists none openly.
        assert!(!lists_information_openly(
            "美图帐号可登录、使用美图公司旗下各app(包括但不限于美图秀秀、美拍、美颜相机),您在登录时我们会获取您的帐号信息。"
        ));
        assert!(lists_information_openly("我们会收集设备信息(包括但不限于设备型号、操作系统版本)。"));
    }

    #[test]
    fn lists_of_measures_or_rights_are_not_lists_of_information() {
        assert!(lists_information_openly("我们会收集您的设备信息,包括但不限于设备型号、操作系统版本。"));
        assert!(lists_information_openly("您的个人信息包括但不限于姓名、手机号码。"));
        // CAPP-130 rw_4.jsonl:77 and rw_18.jsonl:4 (normalised: `（` is `(`).
        assert!(!lists_information_openly(
            "个人身份信息:姓名、身份证件类型(包括但不限于相应的身份证、军官证、护照等)和证件号码"
        ));
        assert!(!lists_information_openly("本政策旨在向您说明本app处理您个人信息的规则,包括但不限于您的个人信息的目的,收集、存储和使用您的个人信息及方式"));
        assert!(!lists_information_openly("我们采取的安全措施包括但不限于加密存储、访问控制。"));
        assert!(!lists_information_openly("本软件的知识产权包括但不限于著作权、商标权。"));
        // Security tips and safeguards are no list of what is collected.
        assert!(!lists_information_openly("请您妥善保护自己的个人信息,包括但不限于不向他人透露密码、定期修改密码。"));
        assert!(!lists_information_openly("我们会采取措施保护我们收集的信息,包括但不限于加密、去标识化。"));
        // Real lists that are not of information (CAPP-130): documents, a
        // definition, recipients, activities.
        assert!(!lists_information_openly("本指引未尽事宜，包括但不限于本指引、《第三方信息共享清单》均适用。"));
        assert!(!lists_information_openly("个人信息包括但不限于个人敏感信息。"));
        assert!(!lists_information_openly(
            "(1)个人信息:以电子或者其他方式记录的与已识别或者可识别的自然人有关的各种信息,包括但不限于姓名、出生日期、身份证件号码。"
        ));
        assert!(!lists_information_openly("我们会将您的信息提供给经销商，包括但不限于授权经销商、维修站。"));
        assert!(!lists_information_openly("您参与的活动包括但不限于抽奖、签到、积分兑换。"));
    }

    #[test]
    fn open_lists() {
        let bad = policy_with("我们会收集您的设备信息，包括但不限于设备型号、操作系统版本。");
        assert_eq!(verdict_on(&RULE, &bad).unwrap().status, FindingStatus::Warn);
        let ok = policy_with("我们会收集您的设备型号和操作系统版本。");
        assert_eq!(verdict_on(&RULE, &ok).unwrap().status, FindingStatus::Pass);
    }
}
