//! The rules: each a declaration in its own file, listed in one registry.
//!
//! A rule is data (id, titles, severity, sources, why it matters, how to fix)
//! plus a detection function that returns a [`Verdict`]; it never renders or
//! prints. `declare_rule!` builds the data from the declaration, so the app,
//! the CLI's `explain` and the docs read the same text.
//!
//! Adding a rule: a file with one `declare_rule!` and its tests, and a line in
//! [`REGISTRY`]. Ids are never reused.

use crate::report::{ChecklistRow, Evidence, Facts, Finding, FindingStatus, Node, Severity};
pub use crate::scan::ClauseTexts;
use crate::sdk::SdkExtraction;
use crate::segment::Anomaly;
use crate::text::Lines;

mod chg_01;
mod cmp_01;
mod col_01;
mod col_02;
mod col_03;
mod col_04;
mod col_05;
mod col_06;
mod col_07;
mod col_08;
mod col_09;
mod col_10;
mod ctl_01;
mod ctl_02;
mod kid_01;
mod pub_01;
mod pub_02;
mod pub_03;
mod rgt_01;
mod rgt_02;
mod rgt_03;
mod rgt_04;
mod rgt_05;
mod rgt_06;
mod rgt_07;
mod rgt_08;
mod sec_01;
mod sec_02;
mod shr_01;
mod shr_02;
mod shr_03;
mod shr_04;
mod shr_05;
mod shr_06;
mod sto_01;
mod sto_02;
mod str_01;
mod str_02;
mod str_03;
mod wrd_01;
mod wrd_02;
mod wrd_03;
mod wrd_04;
mod wrd_05;
mod wrd_06;

/// Everything a rule may look at.
#[derive(Debug)]
pub struct Context<'a> {
    pub text: &'a str,
    pub lines: &'a Lines,
    pub outline: &'a [Node],
    pub facts: &'a Facts,
    pub checklist: &'a [ChecklistRow],
    pub sdks: &'a SdkExtraction,
    pub anomalies: &'a [Anomaly],
    /// Every clause with its normalised text, in input order: what most
    /// rules search.
    pub clauses: &'a ClauseTexts,
}

impl Context<'_> {
    /// Evidence from the clauses (at most three) that contain any of `words`.
    pub fn clauses_with(&self, words: &[&str]) -> Vec<Evidence> {
        self.clauses
            .first_with(words, 3)
            .into_iter()
            .map(|i| crate::text::evidence(self.text, self.lines, self.clauses[i].0))
            .collect()
    }

    /// Whether any clause contains any of `words`.
    pub fn mentions(&self, words: &[&str]) -> bool {
        words
            .iter()
            .any(|w| !w.is_empty() && memchr::memmem::find(self.clauses.joined().as_bytes(), w.as_bytes()).is_some())
    }

    /// Pass with the clauses that say it, or fail with `absent`.
    pub fn require(&self, words: &[&str], absent: &str) -> Verdict {
        let ev = self.clauses_with(words);
        if ev.is_empty() {
            Verdict::Fail(absent.to_owned(), Vec::new())
        } else {
            Verdict::Pass(ev)
        }
    }

    /// The checklist row of `category`.
    pub fn row(&self, category: &str) -> Option<&ChecklistRow> {
        self.checklist.iter().find(|r| r.category == category)
    }
}

/// What a rule concludes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The requirement is met; the evidence shows where.
    Pass(Vec<Evidence>),
    /// Present but weak, with a message saying how.
    Warn(String, Vec<Evidence>),
    /// Required content is absent or wrong.
    Fail(String, Vec<Evidence>),
    /// The rule does not apply to this policy (no finding is reported).
    NotApplicable,
}

/// A rule: its description (data) and its detection.
#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub severity: Severity,
    /// Legal sources, cited as in docs (e.g. `PIPL 17(1)`).
    pub sources: &'static [&'static str],
    /// Why the requirement matters.
    pub why: &'static str,
    /// How to fix it, with a compliant wording.
    pub fix: &'static str,
    pub check: fn(&Context<'_>) -> Verdict,
}

/// Declares a rule as a `pub static RULE`.
macro_rules! declare_rule {
    (
        id: $id:literal,
        title_zh: $zh:literal,
        title_en: $en:literal,
        severity: $sev:ident,
        sources: [$($src:literal),* $(,)?],
        why: $why:literal,
        fix: $fix:literal,
        check: $check:path $(,)?
    ) => {
        pub static RULE: $crate::rules::Rule = $crate::rules::Rule {
            id: $id,
            title_zh: $zh,
            title_en: $en,
            severity: $crate::report::Severity::$sev,
            sources: &[$($src),*],
            why: $why,
            fix: $fix,
            check: $check,
        };
    };
}
pub(crate) use declare_rule;

/// Every rule, in the order reports list them.
pub static REGISTRY: &[&Rule] = &[
    &pub_01::RULE,
    &pub_02::RULE,
    &pub_03::RULE,
    &ctl_01::RULE,
    &ctl_02::RULE,
    &col_01::RULE,
    &col_02::RULE,
    &col_03::RULE,
    &col_04::RULE,
    &col_05::RULE,
    &col_06::RULE,
    &col_07::RULE,
    &col_08::RULE,
    &col_09::RULE,
    &col_10::RULE,
    &sto_01::RULE,
    &sto_02::RULE,
    &sec_01::RULE,
    &sec_02::RULE,
    &shr_01::RULE,
    &shr_02::RULE,
    &shr_03::RULE,
    &shr_04::RULE,
    &shr_05::RULE,
    &shr_06::RULE,
    &rgt_01::RULE,
    &rgt_02::RULE,
    &rgt_03::RULE,
    &rgt_04::RULE,
    &rgt_05::RULE,
    &rgt_06::RULE,
    &rgt_07::RULE,
    &rgt_08::RULE,
    &cmp_01::RULE,
    &kid_01::RULE,
    &chg_01::RULE,
    &wrd_01::RULE,
    &wrd_02::RULE,
    &wrd_03::RULE,
    &wrd_04::RULE,
    &wrd_05::RULE,
    &wrd_06::RULE,
    &str_01::RULE,
    &str_02::RULE,
    &str_03::RULE,
];

/// The rule with id `id`.
pub fn get(id: &str) -> Option<&'static Rule> {
    REGISTRY.iter().copied().find(|r| r.id == id)
}

/// Runs every rule of the registry.
pub fn run(ctx: &Context<'_>) -> Vec<Finding> {
    REGISTRY.iter().filter_map(|rule| finding(rule, (rule.check)(ctx))).collect()
}

fn finding(rule: &Rule, verdict: Verdict) -> Option<Finding> {
    let (status, message, evidence) = match verdict {
        Verdict::Pass(ev) => (FindingStatus::Pass, rule.title_zh.to_owned(), ev),
        Verdict::Warn(m, ev) => (FindingStatus::Warn, m, ev),
        Verdict::Fail(m, ev) => (FindingStatus::Fail, m, ev),
        Verdict::NotApplicable => return None,
    };
    Some(Finding {
        rule: rule.id.to_owned(),
        severity: rule.severity,
        status,
        message,
        sources: rule.sources.iter().map(|s| (*s).to_owned()).collect(),
        evidence,
    })
}

/// Helpers for the numbering rules (STR-01…03).
pub(crate) mod numbering {
    use super::{Context, Verdict};
    use crate::segment::AnomalyKind;
    use crate::text::evidence;

    /// Fails with every anomaly of `kind`, each described by `describe`.
    pub fn check(ctx: &Context<'_>, kind: AnomalyKind, describe: fn(u32, u32) -> String) -> Verdict {
        let hits: Vec<_> = ctx.anomalies.iter().filter(|a| a.kind == kind).collect();
        if hits.is_empty() {
            return Verdict::Pass(Vec::new());
        }
        // A hostile text can hold thousands; the first few make the point.
        let mut messages: Vec<String> = hits.iter().take(5).map(|a| describe(a.expected, a.found)).collect();
        if hits.len() > 5 {
            messages.push(format!("另有 {} 处", hits.len() - 5));
        }
        let ev = hits.iter().take(20).map(|a| evidence(ctx.text, ctx.lines, a.span)).collect();
        Verdict::Warn(messages.join("；"), ev)
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// A minimal policy (it reads as one, and triggers no rule's words by
    /// itself) with `sentence` as its body.
    pub fn policy_with(sentence: &str) -> String {
        format!("隐私政策\n我们重视您的个人信息，经您同意后使用这些信息提供服务。\n{sentence}\n")
    }

    /// Runs one rule on a text through the whole analysis.
    #[track_caller]
    pub fn verdict_on(rule: &Rule, text: &str) -> Option<Finding> {
        crate::analyze(text).findings.into_iter().find(|f| f.rule == rule.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_documented() {
        let mut ids: Vec<&str> = REGISTRY.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), REGISTRY.len());
        for r in REGISTRY {
            assert!(
                !r.title_zh.is_empty() && !r.title_en.is_empty() && !r.why.is_empty() && !r.fix.is_empty(),
                "{}",
                r.id
            );
            assert!(!r.sources.is_empty(), "{}", r.id);
        }
        assert_eq!(get("STR-01").map(|r| r.id), Some("STR-01"));
    }
}
