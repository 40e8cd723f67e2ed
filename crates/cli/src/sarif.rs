//! `analyze --format sarif`: the findings as a SARIF 2.1.0 log, for
//! code-scanning dashboards. Failing findings are `error` (must) or
//! `warning` (should, info), warnings are `note`; passes are left out.
//! Locations are line and column (Unicode code points, 1-based) into the
//! policy file; a finding about something missing points at its first line.
//! With a baseline, accepted findings carry `baselineState: unchanged` and
//! the others `new`.

use policylens_core::text::Lines;
use policylens_core::{Finding, FindingStatus, Report, Severity};
use serde_json::{json, Value};

use crate::baseline::{self, Baseline};

pub fn log(uri: &str, text: &str, report: &Report, accepted: Option<&Baseline>) -> Value {
    let lines = Lines::new(text);
    let rules: Vec<Value> = policylens_core::rules::REGISTRY
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.title_en,
                "shortDescription": { "text": format!("{} / {}", r.title_zh, r.title_en) },
                "fullDescription": { "text": r.why },
                "help": { "text": r.fix },
                "defaultConfiguration": { "level": level(r.severity, FindingStatus::Fail) },
                "properties": {
                    "sources": r.sources,
                    "severity": format!("{:?}", r.severity).to_lowercase(),
                    "why_en": r.why_en,
                    "fix_en": r.fix_en,
                },
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .filter(|f| f.status != FindingStatus::Pass)
        .map(|f| result(uri, text, &lines, f, accepted))
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "PolicyLens",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/policylens/policylens",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn level(severity: Severity, status: FindingStatus) -> &'static str {
    match (status, severity) {
        (FindingStatus::Fail, Severity::Must) => "error",
        (FindingStatus::Fail, _) => "warning",
        _ => "note",
    }
}

fn result(uri: &str, text: &str, lines: &Lines, f: &Finding, accepted: Option<&Baseline>) -> Value {
    let locations: Vec<Value> = if f.evidence.is_empty() {
        vec![location(uri, json!({ "startLine": 1 }))]
    } else {
        f.evidence
            .iter()
            .map(|e| {
                let (start_line, start_column) = line_column(text, lines, e.span.start);
                let (end_line, end_column) = line_column(text, lines, e.span.end);
                location(
                    uri,
                    json!({
                        "startLine": start_line, "startColumn": start_column,
                        "endLine": end_line, "endColumn": end_column,
                        "snippet": { "text": e.text },
                    }),
                )
            })
            .collect()
    };
    let mut r = json!({
        "ruleId": f.rule,
        "level": level(f.severity, f.status),
        "message": { "text": f.message },
        "locations": locations,
        "partialFingerprints": { "policylens/evidence/v1": baseline::fingerprint(text, f) },
    });
    if let Some(b) = accepted {
        r["baselineState"] = json!(if b.accepts(text, f) { "unchanged" } else { "new" });
    }
    r
}

fn location(uri: &str, region: Value) -> Value {
    json!({ "physicalLocation": { "artifactLocation": { "uri": uri }, "region": region } })
}

/// 1-based line and column (in code points) of byte `offset`.
fn line_column(text: &str, lines: &Lines, offset: usize) -> (usize, usize) {
    let offset = policylens_core::text::floor_boundary(text, offset.min(text.len()));
    let line = lines.number_of(offset);
    let start = lines.span(lines.index_of(offset)).start.min(offset);
    (line, text[start..offset].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_code_points() {
        let text = "第一行\n我们收集手机号。\n";
        let lines = Lines::new(text);
        let at = text.find("手机号").unwrap();
        assert_eq!(line_column(text, &lines, at), (2, 5));
        assert_eq!(line_column(text, &lines, 0), (1, 1));
    }
}
