//! The rules: one registry ([`REGISTRY`]) of every rule, in the order reports
//! list them. Ids are never reused.
//!
//! A rule is data (id, titles, severity, sources, why it matters, how to fix,
//! the last two in Chinese and in English) plus a check that returns a
//! [`Verdict`]; it never renders or prints. A failing or weak verdict carries
//! a [`Detail`] (a message key and its arguments); [`messages`] renders it, so
//! the app, the CLI's `explain` and the docs read the same text.
//!
//! Rules are data where they are data. The keyword rules (pass when a clause
//! says one of their words, fail when none does, warn when a second set of
//! words is missing) are records of `data/keyword-rules.txt`, turned into
//! [`Rule`] statics by build.rs ([`Check::Keywords`]); each is tested on
//! excerpts of real policies (`tests/fixtures/rules/ID.txt`: pass, warn, fail)
//! with a snapshot of verdicts and evidence (`tests/rule_fixtures.rs`). Rules
//! with logic of their own keep a file each (`ctl_01.rs` …, one
//! `declare_rule!`, [`Check::Code`]) with unit tests. STR-01…03 report the
//! numbering anomalies the segmenter collected.
//!
//! A rule sees only its [`Context`]: the outline, facts, checklist, SDKs,
//! anomalies and [`ClauseTexts`], every clause and heading normalised once and
//! joined into one string, so that a rule's words are searched once with
//! memchr's memmem, not once per clause (helpers [`Context::mentions`],
//! [`Context::clauses_with`], [`Context::row`]).
//!
//! Adding a rule: a record in `data/keyword-rules.txt` and its fixture, or a
//! file with one `declare_rule!`, its tests and its messages in
//! `data/messages.txt`; either way a line in [`REGISTRY`].

pub use crate::report::{Arg, Detail};
use crate::report::{Category, ChecklistRow, Evidence, Facts, Finding, FindingStatus, Node, Severity};
pub use crate::scan::ClauseTexts;
use crate::scan::WordIndex;
use crate::sdk::SdkExtraction;
use crate::segment::Anomaly;
use crate::text::Lines;

pub mod messages;

mod col_02;
mod col_04;
mod col_05;
mod col_07;
mod ctl_01;
mod pub_01;
mod pub_02;
mod rgt_07;
mod shr_03;
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
    /// Where the keyword rules' words first occur, found in one pass when a
    /// rule first asks ([`Context::clauses_with`]).
    pub hits: std::sync::OnceLock<Vec<FirstThree>>,
}

/// The first three clauses (their numbers) that hold a word, in order: a
/// fixed array, not a vector per word (those were a third of the cost of
/// building the table).
#[derive(Debug, Clone, Copy, Default)]
pub struct FirstThree {
    at: [u32; 3],
    n: u8,
}

impl FirstThree {
    fn add(&mut self, clause: u32) {
        let n = usize::from(self.n);
        if n < 3 && (n == 0 || self.at[n - 1] != clause) {
            self.at[n] = clause;
            self.n += 1;
        }
    }

    fn as_slice(&self) -> &[u32] {
        &self.at[..usize::from(self.n)]
    }
}

/// Every word of the keyword rules (`words`, `together`, `also`): the
/// pipeline looks for them with classification's in its one scan of the
/// clauses ([`crate::scan::WordIndex`]), and the rules' questions are
/// answered from its hits instead of a scan per word (they were a tenth of
/// the whole analysis).
pub fn keyword_words() -> impl Iterator<Item = &'static str> {
    let mut words: Vec<&'static str> =
        CODE_WORDS.iter().flat_map(|rule| rule.iter()).flat_map(|l| l.iter()).copied().collect();
    for rule in REGISTRY {
        if let Check::Keywords(k) = rule.check {
            words.extend(k.words.iter().chain(k.also).copied());
            for (a, b) in k.together {
                words.extend(a.iter().chain(b.iter()).copied());
            }
        }
    }
    words.into_iter()
}

/// The words the rules written as code ask the clauses about
/// (`holding_any`, `clauses_with`, `mentions`), each rule's `ASKED`: indexed
/// with the keyword rules' words, so the one scan answers them too. A test
/// analyses the corpus and checks that no question fell back to a search
/// (`no_rule_searches_the_clauses_again`).
const CODE_WORDS: &[&[&[&str]]] = &[
    col_02::ASKED,
    col_04::ASKED,
    col_05::ASKED,
    col_07::ASKED,
    ctl_01::ASKED,
    pub_01::ASKED,
    pub_02::ASKED,
    shr_03::ASKED,
    sto_01::ASKED,
    sto_02::ASKED,
    wrd_01::ASKED,
    wrd_02::ASKED,
    wrd_04::ASKED,
    wrd_05::ASKED,
];

/// The rules' words alone, for clauses that were not scanned with the
/// pipeline's index.
fn own_index() -> &'static WordIndex {
    static INDEX: std::sync::OnceLock<WordIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| WordIndex::new(keyword_words()))
}

impl<'a> Context<'a> {
    /// Everything a rule may look at, its word index not built yet.
    #[allow(clippy::too_many_arguments)] // reason: the pipeline's results, one each
    pub fn new(
        text: &'a str,
        lines: &'a Lines,
        outline: &'a [Node],
        facts: &'a Facts,
        checklist: &'a [ChecklistRow],
        sdks: &'a SdkExtraction,
        anomalies: &'a [Anomaly],
        clauses: &'a ClauseTexts,
    ) -> Self {
        Context { text, lines, outline, facts, checklist, sdks, anomalies, clauses, hits: std::sync::OnceLock::new() }
    }

    /// Per word of the index, the first three clauses that hold it.
    fn hits(&self) -> &[FirstThree] {
        self.hits.get_or_init(|| {
            let index = self.index();
            let mut hits: Vec<FirstThree> = vec![FirstThree::default(); index.len()];
            let mut add = |word: u32, i: u32| hits[word as usize].add(i);
            if self.clauses.index().is_some() {
                for i in 0..self.clauses.len() {
                    for h in self.clauses.hits_of(i).unwrap_or_default() {
                        add(h.word, i as u32);
                    }
                }
            } else {
                for h in index.hits(self.clauses.joined()) {
                    add(h.word, self.clauses.clause_at(h.start as usize) as u32);
                }
            }
            hits
        })
    }

    /// The index whose hits answer the keyword questions: the pipeline's
    /// when the clauses were scanned with it.
    fn index(&self) -> &'static WordIndex {
        self.clauses.index().unwrap_or_else(own_index)
    }

    /// Indices of the first three clauses that contain any of `words`, as
    /// [`ClauseTexts::first_with`] finds them, from the index when it holds
    /// every word.
    fn first_three_with(&self, words: &[&str]) -> Vec<usize> {
        let index = self.index();
        let ids: Option<Vec<usize>> = words.iter().filter(|w| !w.is_empty()).map(|w| index.id(w)).collect();
        let Some(ids) = ids else {
            crate::scan::searched_again();
            return self.clauses.first_with(words, 3);
        };
        let hits = self.hits();
        let mut found: Vec<usize> =
            ids.iter().flat_map(|&id| hits[id].as_slice().iter().map(|&i| i as usize)).collect();
        found.sort_unstable();
        found.dedup();
        found.truncate(3);
        // The index answers as the scan it replaces would (every test
        // analysis checks it).
        debug_assert_eq!(found, self.clauses.first_with(words, 3), "{words:?}");
        found
    }

    /// Evidence from the clauses (at most three) that contain any of `words`.
    pub fn clauses_with(&self, words: &[&str]) -> Vec<Evidence> {
        self.first_three_with(words)
            .into_iter()
            .map(|i| crate::text::evidence(self.text, self.lines, self.clauses.span(i)))
            .collect()
    }

    /// Evidence from the clauses (at most three) that contain a word of `a`
    /// and a word of `b`.
    pub fn clauses_with_both(&self, a: &[&str], b: &[&str]) -> Vec<Evidence> {
        self.evidence_where(a, |t| b.iter().any(|w| crate::text::has(t, w)))
    }

    /// Evidence from the clauses (at most three) that contain any of `words`
    /// and none of `not`.
    pub fn clauses_with_but_not(&self, words: &[&str], not: &[&str]) -> Vec<Evidence> {
        self.evidence_where(words, |t| !not.iter().any(|w| crate::text::has(t, w)))
    }

    /// Evidence from the first three clauses with any of `words` whose
    /// normalised text `keep` accepts.
    pub(super) fn evidence_where(&self, words: &[&str], keep: impl Fn(&str) -> bool) -> Vec<Evidence> {
        self.clauses
            .holding_any(words)
            .into_iter()
            .filter(|&i| keep(self.clauses.text(i)))
            .take(3)
            .map(|i| crate::text::evidence(self.text, self.lines, self.clauses.span(i)))
            .collect()
    }

    /// Whether any clause contains any of `words`.
    pub fn mentions(&self, words: &[&str]) -> bool {
        let index = self.index();
        if words.iter().all(|w| w.is_empty() || index.id(w).is_some()) {
            let hits = self.hits();
            let found = words.iter().filter_map(|w| index.id(w)).any(|id| hits[id].n > 0);
            debug_assert_eq!(
                found,
                words.iter().any(|w| !w.is_empty() && self.clauses.joined().contains(w)),
                "{words:?}"
            );
            return found;
        }
        crate::scan::searched_again();
        words
            .iter()
            .any(|w| !w.is_empty() && memchr::memmem::find(self.clauses.joined().as_bytes(), w.as_bytes()).is_some())
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
    /// Present but weak; the detail says how.
    Warn(Detail, Vec<Evidence>),
    /// Required content is absent or wrong; the detail says what.
    Fail(Detail, Vec<Evidence>),
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
    /// The checklist topic the rule judges, if any (at most one): the
    /// checklist row of that category lists the rule.
    pub category: Option<Category>,
    /// Legal sources, cited as in docs (e.g. `PIPL 17(1)`).
    pub sources: &'static [&'static str],
    /// Why the requirement matters.
    pub why: &'static str,
    /// How to fix it, with a compliant wording.
    pub fix: &'static str,
    /// [`Rule::why`] in English.
    pub why_en: &'static str,
    /// [`Rule::fix`] in English (the model wording translated, in quotes).
    pub fix_en: &'static str,
    pub check: Check,
}

/// How a rule decides.
#[derive(Debug, Clone, Copy)]
pub enum Check {
    /// A rule with logic of its own, in its own file.
    Code(fn(&Context<'_>) -> Verdict),
    /// A keyword rule, declared as data (`data/keyword-rules.txt`).
    Keywords(Keywords),
}

/// A keyword rule: it passes when a clause says any of `words`, or says a
/// concept in other words: a word of each set of a `together` pair (a
/// processor and a contract binding it); fails (`ID.absent`) when none does;
/// and, when `also` is given, only warns (`ID.weak`) when no clause says any
/// of `also` too.
#[derive(Debug, Clone, Copy)]
pub struct Keywords {
    pub words: &'static [&'static str],
    pub together: &'static [(&'static [&'static str], &'static [&'static str])],
    pub also: &'static [&'static str],
}

impl Keywords {
    fn verdict(&self, id: &str, ctx: &Context<'_>) -> Verdict {
        let mut ev = ctx.clauses_with(self.words);
        if ev.is_empty() {
            ev = self
                .together
                .iter()
                .find_map(|(a, b)| Some(ctx.clauses_with_both(a, b)).filter(|e| !e.is_empty()))
                .unwrap_or_default();
        }
        if ev.is_empty() {
            Verdict::Fail(Detail::new(format!("{id}.absent")), Vec::new())
        } else if self.also.is_empty() || ctx.mentions(self.also) {
            Verdict::Pass(ev)
        } else {
            Verdict::Warn(Detail::new(format!("{id}.weak")), ev)
        }
    }
}

impl Rule {
    /// The rule's verdict on a policy.
    pub fn verdict(&self, ctx: &Context<'_>) -> Verdict {
        match self.check {
            Check::Code(check) => check(ctx),
            Check::Keywords(k) => k.verdict(self.id, ctx),
        }
    }
}

/// The keyword rules' statics, generated from `data/keyword-rules.txt`.
mod keyword {
    use super::{Check, Keywords, Rule};
    include!(concat!(env!("OUT_DIR"), "/keyword_rules.rs"));
}

/// Declares a rule as a `pub static RULE`.
macro_rules! declare_rule {
    (@category) => { None };
    (@category $cat:ident) => { Some($crate::report::Category::$cat) };
    (
        id: $id:literal,
        title_zh: $zh:literal,
        title_en: $en:literal,
        severity: $sev:ident,
        $(category: $cat:ident,)?
        sources: [$($src:literal),* $(,)?],
        why: $why:literal,
        fix: $fix:literal,
        why_en: $why_en:literal,
        fix_en: $fix_en:literal,
        check: $check:path $(,)?
    ) => {
        pub static RULE: $crate::rules::Rule = $crate::rules::Rule {
            id: $id,
            title_zh: $zh,
            title_en: $en,
            severity: $crate::report::Severity::$sev,
            category: $crate::rules::declare_rule!(@category $($cat)?),
            sources: &[$($src),*],
            why: $crate::rules::explanation!($why),
            fix: $crate::rules::explanation!($fix),
            why_en: $crate::rules::explanation!($why_en),
            fix_en: $crate::rules::explanation!($fix_en),
            check: $crate::rules::Check::Code($check),
        };
    };
}
pub(crate) use declare_rule;

/// A rule's `why` and `fix`: kept with the `explain` feature (the CLI's
/// `explain`, SARIF), empty without it. The web bundle leaves them out and
/// reads the fixes from `www/rule-texts.json` when a reader opens one
/// (`tests/rule_texts.rs` keeps that file in step with the rules).
#[cfg(feature = "explain")]
macro_rules! explanation {
    ($text:literal) => {
        $text
    };
}
#[cfg(not(feature = "explain"))]
macro_rules! explanation {
    ($text:literal) => {
        ""
    };
}
pub(crate) use explanation;

/// Every rule, in the order reports list them.
pub static REGISTRY: &[&Rule] = &[
    &pub_01::RULE,
    &pub_02::RULE,
    &keyword::PUB_03,
    &ctl_01::RULE,
    &keyword::CTL_02,
    &keyword::COL_01,
    &col_02::RULE,
    &keyword::COL_03,
    &col_04::RULE,
    &col_05::RULE,
    &keyword::COL_06,
    &col_07::RULE,
    &keyword::COL_08,
    &keyword::COL_09,
    &keyword::COL_10,
    &sto_01::RULE,
    &sto_02::RULE,
    &keyword::SEC_01,
    &keyword::SEC_02,
    &keyword::SHR_01,
    &keyword::SHR_02,
    &shr_03::RULE,
    &keyword::SHR_04,
    &keyword::SHR_05,
    &shr_06::RULE,
    &keyword::RGT_01,
    &keyword::RGT_02,
    &keyword::RGT_03,
    &keyword::RGT_04,
    &keyword::RGT_05,
    &keyword::RGT_06,
    &rgt_07::RULE,
    &keyword::RGT_08,
    &keyword::CMP_01,
    &keyword::KID_01,
    &keyword::CHG_01,
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

/// What a front end lists about a rule: its registry data without the check,
/// and without `why` and `fix`, which builds without the `explain` feature
/// (the wasm) leave out. Serialised for the npm package's `rules()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    /// The checklist topic the rule judges, if any.
    pub category: Option<Category>,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    /// Legal sources, cited as in docs (e.g. `PIPL 17(1)`).
    pub sources: &'static [&'static str],
}

impl Rule {
    /// The rule's [`RuleInfo`].
    pub fn info(&self) -> RuleInfo {
        RuleInfo {
            id: self.id,
            severity: self.severity,
            category: self.category,
            title_zh: self.title_zh,
            title_en: self.title_en,
            sources: self.sources,
        }
    }
}

/// Lists on each checklist row the rules that judge its category.
pub fn link_checklist(checklist: &mut [ChecklistRow]) {
    for row in checklist {
        row.rules = REGISTRY.iter().filter(|r| r.category == Some(row.category)).map(|r| r.id.to_owned()).collect();
    }
}

/// Runs every rule of the registry.
pub fn run(ctx: &Context<'_>) -> Vec<Finding> {
    run_each(ctx, REGISTRY)
}

/// The findings of `rules`, in their order: natively halves of them at once
/// (each rule judges alone), down to a few rules each.
fn run_each(ctx: &Context<'_>, rules: &[&Rule]) -> Vec<Finding> {
    crate::parallel::in_pieces(rules, 4, &|rules: &[&Rule]| {
        rules.iter().filter_map(|rule| finding(rule, rule.verdict(ctx))).collect()
    })
}

fn finding(rule: &Rule, verdict: Verdict) -> Option<Finding> {
    let (status, detail, evidence) = match verdict {
        Verdict::Pass(ev) => (FindingStatus::Pass, None, ev),
        Verdict::Warn(d, ev) => (FindingStatus::Warn, Some(d), ev),
        Verdict::Fail(d, ev) => (FindingStatus::Fail, Some(d), ev),
        Verdict::NotApplicable => return None,
    };
    let message = detail.as_ref().map_or_else(|| rule.title_zh.to_owned(), |d| messages::render(d, messages::Lang::Zh));
    let basis = detail.as_ref().map(|d| messages::basis(&d.key));
    Some(Finding {
        rule: rule.id.to_owned(),
        severity: rule.severity,
        status,
        message,
        sources: rule.sources.iter().map(|s| (*s).to_owned()).collect(),
        evidence,
        detail,
        basis,
    })
}

/// Helpers for the numbering rules (STR-01…03).
pub(crate) mod numbering {
    use super::{Arg, Context, Detail, Verdict};
    use crate::segment::AnomalyKind;
    use crate::text::evidence;

    /// Warns with every anomaly of `kind`, each described by `describe`
    /// (from the expected and the found number); the warning's detail is
    /// `ID.warn` with the descriptions as phrases.
    pub fn check(ctx: &Context<'_>, id: &str, kind: AnomalyKind, describe: fn(u32, u32) -> Detail) -> Verdict {
        let hits: Vec<_> = ctx.anomalies.iter().filter(|a| a.kind == kind).collect();
        if hits.is_empty() {
            return Verdict::Pass(Vec::new());
        }
        // A hostile text can hold thousands; the first few make the point.
        let mut parts: Vec<Detail> = hits.iter().take(5).map(|a| describe(a.expected, a.found)).collect();
        if hits.len() > 5 {
            parts.push(Detail::new("STR.more").arg(hits.len() - 5));
        }
        let ev = hits.iter().take(20).map(|a| evidence(ctx.text, ctx.lines, a.span)).collect();
        Verdict::Warn(Detail::new(format!("{id}.warn")).arg(Arg::Parts { parts, phrases: true }), ev)
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
    fn no_rule_searches_the_clauses_again() {
        // Every question the rules ask of a policy's clauses is answered by
        // the pipeline's one scan: their words are in its index.
        for text in [
            include_str!("../../../../tests/corpus/policies/taobao.txt"),
            include_str!("../../../../tests/corpus/policies/mijian.txt"),
            include_str!("../../../../tests/corpus/policies/apayun.txt"),
            include_str!("../../../../tests/corpus/policies/xiaoyun.txt"),
            include_str!("../../../../tests/corpus/policies/weidandan.txt"),
        ] {
            crate::scan::SEARCHES_AGAIN.with(|n| n.set(0));
            let report = crate::analyze(text);
            assert!(!report.findings.is_empty());
            assert_eq!(crate::scan::SEARCHES_AGAIN.with(std::cell::Cell::get), 0, "{}", &text[..60]);
        }
    }

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

    /// `text` without what is inside quotes (“…”) or parentheses, where a
    /// Chinese word may be quoted.
    fn unquoted(text: &str) -> String {
        let mut depth = 0usize;
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '“' | '(' | '（' => depth += 1,
                '”' | ')' | '）' => depth = depth.saturating_sub(1),
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    }

    fn is_cjk(c: char) -> bool {
        matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
    }

    #[test]
    fn every_rule_explains_itself_in_english() {
        for r in REGISTRY {
            for (field, text) in [("why_en", r.why_en), ("fix_en", r.fix_en)] {
                assert!(!text.trim().is_empty(), "{} has no {field}", r.id);
                let bare = unquoted(text);
                assert!(!bare.chars().any(is_cjk), "{} {field} has Chinese outside quotes: {bare}", r.id);
                let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
                let ascii = letters.iter().filter(|c| c.is_ascii()).count();
                assert!(ascii * 10 >= letters.len() * 7, "{} {field} is not mostly English: {text}", r.id);
            }
            // The Chinese fix keeps its model wording in Chinese quotes, and
            // the English one translates it.
            assert_eq!(r.fix.contains('“'), r.fix_en.contains('“'), "{}: fix and fix_en differ in quoting", r.id);
        }
        assert!(unquoted("Remove “等” (等) now").chars().all(|c| !is_cjk(c)));
    }

    #[test]
    fn every_checklist_topic_is_judged_by_a_rule() {
        let report = crate::analyze(&test_support::policy_with("我们收集您的手机号。"));
        assert_eq!(report.checklist.len(), 14);
        for row in &report.checklist {
            assert!(!row.rules.is_empty(), "{} lists no rule", row.category);
            for id in &row.rules {
                assert_eq!(get(id).and_then(|r| r.category), Some(row.category), "{id}");
            }
        }
        // A rule sits on at most one row.
        let mut all: Vec<&String> = report.checklist.iter().flat_map(|r| &r.rules).collect();
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n);
        let sdk = report.checklist.iter().find(|r| r.category == Category::Sdk).map(|r| r.rules.clone());
        assert_eq!(sdk, Some(vec!["SHR-03".to_owned(), "SHR-06".to_owned(), "WRD-06".to_owned()]));
        let storage = report.checklist.iter().find(|r| r.category == Category::Storage).map(|r| r.rules.clone());
        assert_eq!(storage, Some(vec!["STO-01".to_owned()]));
        // Rules about the whole text judge no topic.
        for id in ["PUB-01", "PUB-03", "WRD-02", "STR-01", "STR-02", "STR-03"] {
            assert_eq!(get(id).and_then(|r| r.category), None, "{id}");
        }
    }
}
