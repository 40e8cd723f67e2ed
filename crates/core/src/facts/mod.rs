//! Facts a reader can find in the text, each by its own extractor:
//!
//! - `dates.rs` — the dates the policy was updated and takes effect, by their
//!   labels (更新, 生效).
//! - `contacts.rs` — e-mail addresses, phone numbers (after a label, or by
//!   their shape alone) and postal addresses (after 地址：).
//! - `controller.rs` — the company the policy names as “我们”.
//! - `replies.rs` — the reply times it promises (15个工作日内).
//! - `children.rs` — the age under which a user is a child.
//! - `storage.rs` — retention clauses and where information is stored.
//!
//! The first three read the whole text; the others read one clause at a
//! time, and `each_clause` hands every clause of the outline to each of
//! them in turn, in the order of `CLAUSE_EXTRACTORS`.
//!
//! Every extractor scans by hand (no regex crate: it would add its Unicode
//! tables to the wasm bundle); the words it looks for are the lexicon's
//! (`data/lexicon/facts.txt`).
//!
//! Never reads the outline's categories, the SDKs or the rules, and judges
//! nothing: a missing fact is for the checklist and the rules to weigh.

mod children;
mod contacts;
mod controller;
mod dates;
mod replies;
mod storage;

use crate::report::{Evidence, Facts, Span};
use crate::scan::ClauseWords;
use crate::text::{Lines, Words};

/// Extractors that read the whole text, in the order they run.
const TEXT_EXTRACTORS: &[fn(&str, &mut Facts)] = &[dates::extract, contacts::extract, controller::extract];

/// Extractors that read one clause at a time, in the order each clause is
/// handed to them.
const CLAUSE_EXTRACTORS: &[fn(&Clause, &mut Facts)] =
    &[replies::extract, children::extract, storage::extract_retention, storage::extract_location];

#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles
pub fn extract(lines: &Lines, clauses: &ClauseWords<'_>) -> Facts {
    let mut facts = from_text(clauses.text);
    add_from_clauses(lines, clauses, &mut facts);
    facts
}

/// What the extractors that read the whole text find: they need no outline,
/// so the analysis runs them beside segmentation. [`extract`] is this, then
/// [`add_from_clauses`].
pub fn from_text(text: &str) -> Facts {
    let mut facts = Facts::default();
    for extractor in TEXT_EXTRACTORS {
        extractor(text, &mut facts);
    }
    facts
}

/// Adds what the clause extractors find to what [`from_text`] found.
pub fn add_from_clauses(lines: &Lines, clauses: &ClauseWords<'_>, facts: &mut Facts) {
    each_clause(lines, clauses, facts, CLAUSE_EXTRACTORS);
}

/// One clause of the outline as a clause extractor sees it.
pub(crate) struct Clause<'a> {
    /// The clause's own text, as written.
    pub text: &'a str,
    /// Its text with its characters' set, built once for every extractor's
    /// word tests (and the summary's).
    pub words: &'a Words<'a>,
    span: Span,
    whole: &'a str,
    lines: &'a Lines,
}

impl Clause<'_> {
    /// The clause as evidence of a fact.
    pub fn evidence(&self) -> Evidence {
        crate::text::evidence(self.whole, self.lines, self.span)
    }
}

/// Visits every clause of the outline once, in text order, and hands it to
/// each of `extractors` in turn.
fn each_clause(lines: &Lines, clauses: &ClauseWords<'_>, facts: &mut Facts, extractors: &[fn(&Clause, &mut Facts)]) {
    for (span, words) in &clauses.clauses {
        let clause = Clause { text: words.text, words, span: *span, whole: clauses.text, lines };
        for extractor in extractors {
            extractor(&clause, facts);
        }
    }
}
