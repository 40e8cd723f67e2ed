//! Baselines of accepted findings: `policylens baseline` writes one,
//! `analyze --fail-on … --baseline FILE` honours it, so that a CI pipeline
//! fails only on new problems.
//!
//! An entry is matched by its rule and a fingerprint of its evidence: the
//! text the finding points at with white space removed, not its line, so an
//! accepted finding stays accepted when the policy changes elsewhere and comes
//! back when its own wording changes. The fingerprint is FNV-1a over the rule
//! id and that text; each entry also keeps a reason and who accepted it, and
//! rewriting a baseline keeps the earlier reasons.

use std::path::Path;

use policylens_core::{Finding, FindingStatus, Report};
use serde::{Deserialize, Serialize};

/// The file, as written and read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// `1`; a file of another version is refused.
    pub version: u32,
    pub accepted: Vec<Accepted>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accepted {
    pub rule: String,
    pub fingerprint: String,
    pub reason: String,
    pub accepted_by: String,
    /// The finding's message when it was accepted, for the reader of the file.
    #[serde(default)]
    pub message: String,
}

const VERSION: u32 = 1;

impl Baseline {
    pub fn accepts(&self, text: &str, finding: &Finding) -> bool {
        let fp = fingerprint(text, finding);
        self.accepted.iter().any(|a| a.rule == finding.rule && a.fingerprint == fp)
    }
}

/// FNV-1a over the rule id and the evidence text without white space: stable
/// across platforms and versions, unlike `std`'s hasher.
pub fn fingerprint(text: &str, finding: &Finding) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(finding.rule.as_bytes());
    for e in &finding.evidence {
        eat(b"\0");
        let quoted = text.get(e.span.start..e.span.end).unwrap_or(&e.text);
        for c in quoted.chars().filter(|c| !c.is_whitespace()) {
            let mut buf = [0u8; 4];
            eat(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    format!("{h:016x}")
}

pub fn read(path: &Path) -> Result<Baseline, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
    let b: Baseline =
        serde_json::from_str(&raw).map_err(|e| format!("{} is not a PolicyLens baseline: {e}", path.display()))?;
    if b.version != VERSION {
        return Err(format!("{}: baseline version {} (this policylens reads {VERSION})", path.display(), b.version));
    }
    Ok(b)
}

/// Writes the failing findings of `report` to `path`, keeping the reason and
/// author of entries already there. Returns how many entries it holds.
pub fn write(path: &Path, text: &str, report: &Report, reason: &str, by: &str) -> Result<usize, String> {
    let old = if path.exists() { read(path)? } else { Baseline::default() };
    let mut accepted = Vec::new();
    for f in report.findings.iter().filter(|f| f.status == FindingStatus::Fail) {
        let fingerprint = fingerprint(text, f);
        if accepted.iter().any(|a: &Accepted| a.rule == f.rule && a.fingerprint == fingerprint) {
            continue;
        }
        let kept = old.accepted.iter().find(|a| a.rule == f.rule && a.fingerprint == fingerprint);
        accepted.push(Accepted {
            rule: f.rule.clone(),
            fingerprint,
            reason: kept.map_or_else(|| reason.to_owned(), |a| a.reason.clone()),
            accepted_by: kept.map_or_else(|| by.to_owned(), |a| a.accepted_by.clone()),
            message: f.message.clone(),
        });
    }
    let n = accepted.len();
    let file = Baseline { version: VERSION, accepted };
    let json = serde_json::to_string_pretty(&file).map_err(|e| e.to_string())?;
    std::fs::write(path, json + "\n").map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_follows_the_words_not_the_place() {
        let a = "隐私政策\n我们不会收集 儿童信息。\n";
        let b = "隐私政策\n\n前言\n我们不会收集儿童信息。\n";
        let finding = |text: &str| {
            let start = text.find("我们").unwrap();
            let lines = policylens_core::text::Lines::new(text);
            Finding {
                rule: "KID-01".into(),
                severity: policylens_core::Severity::Must,
                status: FindingStatus::Fail,
                message: String::new(),
                sources: vec![],
                evidence: vec![policylens_core::text::evidence(
                    text,
                    &lines,
                    policylens_core::Span::new(start, text.len() - 1),
                )],
                detail: None,
                basis: None,
            }
        };
        assert_eq!(fingerprint(a, &finding(a)), fingerprint(b, &finding(b)));
        // FNV-1a of "KID-01\0我们不会收集儿童信息。", checked with Python.
        assert_eq!(fingerprint(a, &finding(a)), "c8597011540c1d2e");
        let c = "隐私政策\n我们会收集儿童信息。\n";
        assert_ne!(fingerprint(a, &finding(a)), fingerprint(c, &finding(c)));
    }
}
