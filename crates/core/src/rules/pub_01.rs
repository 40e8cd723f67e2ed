//! PUB-01: the policy is a separate, public document.
//!
//! A privacy policy folded into a user agreement fails check 1.2 of the
//! 自评估指南 (a separate document): users never see it as a policy.

use super::{declare_rule, Context, Detail, Verdict};
use crate::text::{evidence, normalize};

declare_rule! {
    id: "PUB-01",
    title_zh: "隐私政策是单独、公开的文件",
    title_en: "The policy is a separate, public document",
    severity: Must,
    sources: ["PIPL 7", "PIPL 17", "NDSR 21", "自评估指南 1.2"],
    why: "个人信息处理规则必须公开，并以单独文件的形式让用户看到；夹在用户协议中的隐私条款属于认定方法所列“未公开收集使用规则”。",
    fix: "以独立文件发布隐私政策，标题写明“隐私政策”或“个人信息保护政策”，在注册与首次运行时提示用户阅读。",
    why_en: "Rules for processing personal information must be made public and shown to users as a separate document; privacy terms buried in a user agreement count as “collection and use rules not made public” under the App illegal-collection identification method.",
    fix_en: "Publish the privacy policy as a separate document titled “Privacy Policy” (隐私政策) or “Personal Information Protection Policy” (个人信息保护政策), and prompt users to read it at registration and on first launch.",
    check: check,
}

/// The words this rule asks the clauses about: indexed by the pipeline's
/// one scan ([`super::CODE_WORDS`]).
pub(super) const ASKED: &[&[&str]] = &[crate::lexicon::SELF_REFERENCES];

fn check(ctx: &Context<'_>) -> Verdict {
    let titled = ctx.outline.iter().find(|d| {
        d.heading
            .as_deref()
            .map(normalize)
            .is_some_and(|h| crate::text::has(&h, "隐私") || crate::text::has(&h, "个人信息保护"))
    });
    match titled {
        Some(doc) => {
            Verdict::Pass(vec![evidence(ctx.text, ctx.lines, ctx.lines.span(ctx.lines.index_of(doc.span.start)))])
        }
        None if ctx.outline.iter().any(|d| {
            d.heading.as_deref().is_some_and(|h| crate::text::has(h, "协议") && !crate::text::has(h, "隐私"))
        }) =>
        {
            Verdict::Fail(Detail::new("PUB-01.fail"), Vec::new())
        }
        None => match names_itself(ctx).or_else(|| title_line(ctx)) {
            Some(ev) => Verdict::Pass(vec![ev]),
            None => Verdict::Warn(Detail::new("PUB-01.warn"), Vec::new()),
        },
    }
}

/// A policy whose title line is not first (an update notice opens it) that
/// names itself: a 《…隐私…》 or 《…个人信息保护…》 title in a clause, and
/// the text calling itself 本政策 or 本指引 (《腾讯隐私政策》…以下简称“本隐私政策”).
fn names_itself(ctx: &Context<'_>) -> Option<crate::report::Evidence> {
    let self_named = ctx.mentions(crate::lexicon::SELF_REFERENCES);
    let titled = |t: &str| {
        t.split('《').skip(1).any(|rest| {
            let title = &rest[..rest.find('》').unwrap_or(rest.len())];
            (crate::text::has(title, "隐私") || crate::text::has(title, "个人信息保护"))
                && !crate::text::has(title, "协议")
        })
    };
    // 本《隐私政策》: the title and the self-reference at once.
    let self_titled =
        |t: &str| crate::text::has(t, "本《") && t.split("本《").skip(1).any(|rest| titled(&format!("《{rest}")));
    if let Some((span, _)) = ctx.clauses.iter().find(|(_, t)| self_titled(t)) {
        return Some(evidence(ctx.text, ctx.lines, span));
    }
    let (span, _) = ctx.clauses.iter().find(|(_, t)| titled(t))?;
    self_named.then(|| evidence(ctx.text, ctx.lines, span))
}

/// The text's first line, when it is a policy's title that the outline ran
/// into the lines after it (no punctuation ends it): short, about privacy,
/// ending as a policy's name does (`耐克隐私政策和 COOKIE 政策`).
fn title_line(ctx: &Context<'_>) -> Option<crate::report::Evidence> {
    let line_at = |i: usize| {
        let s = ctx.lines.span(i);
        ctx.text[s.start..s.end].trim()
    };
    let (i, line) = (0..ctx.lines.len()).map(|i| (i, line_at(i))).find(|(_, l)| !l.is_empty())?;
    let t = normalize(line);
    let title = t.chars().count() <= 40
        && (crate::text::has(&t, "隐私") || crate::text::has(&t, "个人信息保护"))
        && ["政策", "指引", "声明", "规则"].iter().any(|e| t.ends_with(e))
        && !crate::text::has(&t, "协议");
    title.then(|| evidence(ctx.text, ctx.lines, ctx.lines.span(i)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FindingStatus;
    use crate::rules::test_support::{policy_with, verdict_on};

    #[test]
    fn a_title_run_into_the_lines_after_it() {
        // CAPP-130 rw_60.jsonl:1–3: no punctuation ends the title or the date,
        // so the outline reads the three lines as one clause.
        let text = "耐克隐私政策和 COOKIE 政策\n更新与生效日期：2022年7月\n本隐私政策明确了在您使用耐克产品/服务时收集、处理的个人信息。\n我们会收集您的手机号。\n";
        let f = verdict_on(&RULE, text).unwrap();
        assert_eq!(f.status, FindingStatus::Pass);
        assert_eq!(f.evidence[0].line, 1);
        // A user agreement's first line is no policy's title.
        let agreement = text.replace("耐克隐私政策和 COOKIE 政策", "耐克用户协议");
        assert_ne!(verdict_on(&RULE, &agreement).unwrap().status, FindingStatus::Pass);
    }

    #[test]
    fn titled_policy_passes_and_user_agreement_fails() {
        let f = verdict_on(&RULE, &policy_with("我们会收集您的手机号。")).unwrap();
        assert_eq!(f.status, FindingStatus::Pass);
        assert_eq!(f.evidence[0].text, "隐私政策");
        // An update notice first, the policy named in 《》 and calling itself 本指引
        // (CAPP-130 rw_120, rw_41).
        let body = "一、我们如何收集和使用您的个人信息\n我们会收集您的手机号码，用于注册账号。\n二、我们如何共享您的个人信息\n我们不会与第三方共享您的个人信息。\n";
        let notice = format!(
            "更新日期：2021年5月1日\n我们对《游戏隐私保护指引》进行了更新。\n本指引适用于您使用游戏服务。\n{body}"
        );
        assert_eq!(verdict_on(&RULE, &notice).unwrap().status, FindingStatus::Pass);
        // A user agreement that only points to the policy still lacks one.
        let pointer = format!("更新日期：2021年5月1日\n请阅读《隐私政策》。\n本协议适用于您使用游戏服务。\n{body}");
        assert_eq!(verdict_on(&RULE, &pointer).unwrap().status, FindingStatus::Warn);
        // CAPP-130 rw_72: no title line, the text calling itself 本《隐私政策》.
        let self_titled = format!("引言\n我们希望通过本《隐私政策》向您说明我们如何收集和使用您的信息。\n{body}");
        assert_eq!(verdict_on(&RULE, &self_titled).unwrap().status, FindingStatus::Pass);
        let agreement = "用户服务协议\n一、账号注册\n您同意我们收集、使用您的个人信息，并与第三方共享。\n二、隐私\n我们存储您的信息。\n";
        assert_eq!(verdict_on(&RULE, agreement).unwrap().status, FindingStatus::Fail);
    }
}
