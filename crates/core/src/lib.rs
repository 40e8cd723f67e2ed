//! PolicyLens analysis core: reads a Chinese privacy policy and reports its
//! outline, checklist coverage, rule findings, third-party SDKs and facts.
//!
//! Pure and deterministic: no I/O, no clocks, no web dependencies. The app
//! (wasm), the CLI and the tests all call [`analyze`].
//!
//! ```
//! let report = policylens_core::analyze("隐私政策\n一、我们如何收集信息\n我们收集您的手机号。\n");
//! assert_eq!(report.outline[0].children[0].heading.as_deref(), Some("一、我们如何收集信息"));
//! ```
#![forbid(unsafe_code)]

pub mod checklist;
pub mod classify;
pub mod clause_model;
#[cfg(feature = "decode")]
pub mod decode;
pub mod facts;
pub mod html;
pub mod input_kind;
pub mod markdown;
pub mod report;
pub mod rules;
pub mod scan;
pub mod sdk;
pub mod segment;
pub mod summary;
pub mod text;

pub use report::*;

/// Analyses a policy given as text. Never fails: any input yields a report.
pub fn analyze(text: &str) -> Report {
    analyze_decoded(text, "utf-8")
}

/// Analyses text that was decoded from `encoding` (recorded in the report).
pub fn analyze_decoded(input: &str, encoding: &str) -> Report {
    analyze_with(input, encoding, clause_model::ClauseModel::shipped())
}

/// Analyses with another clause model than the shipped one: training and
/// cross-validation (`policylens train`, `policylens eval --folds`) pass
/// [`clause_model::ClauseModel::empty`] to see the rules' own verdicts.
pub fn analyze_with(input: &str, encoding: &str, model: &clause_model::ClauseModel) -> Report {
    // A saved web page is analysed as the text it shows, offset for offset.
    let is_html = html::is_html(input);
    let view;
    let text = if is_html {
        view = html::text_view(input);
        view.as_str()
    } else {
        input
    };
    let lines = text::Lines::new(text);
    let seg = segment::segment(text, &lines);
    let mut outline = seg.outline;
    // Clauses are normalised once, here, for classification and rules.
    let clauses = segment::clause_texts(text, &outline);
    classify::classify(text, &mut outline, &clauses);
    clause_model::apply(model, &mut outline, &clauses);
    let facts = facts::extract(text, &lines, &outline);
    let sdks = sdk::extract(text, &lines, &outline);
    let kind = input_kind::classify(text);
    // Text that is not a policy gets its outline and facts, but no checklist
    // and no findings: a wall of failures would say nothing useful.
    let (checklist, findings) = if kind == InputKind::Policy {
        let checklist = checklist::build(text, &lines, &outline, &facts);
        let findings = rules::run(&rules::Context {
            text,
            lines: &lines,
            outline: &outline,
            facts: &facts,
            checklist: &checklist,
            sdks: &sdks,
            anomalies: &seg.anomalies,
            clauses: &clauses,
        });
        (checklist, findings)
    } else {
        (Vec::new(), Vec::new())
    };
    let summary = summary::summarize(text, &lines, kind, &outline, &findings, &sdks.sdks, &sdks.recipients);
    let flows = summary::flow_graph(&sdks.sdks, &sdks.recipients);
    Report {
        schema_version: SCHEMA_VERSION,
        input: InputInfo {
            bytes: text.len(),
            lines: if text.is_empty() { 0 } else { lines.len() },
            encoding: encoding.to_owned(),
            kind,
            format: if is_html { InputFormat::Html } else { InputFormat::Text },
        },
        outline,
        checklist,
        findings,
        sdks: sdks.sdks,
        recipients: sdks.recipients,
        facts,
        toc_mismatches: seg.toc_mismatches,
        summary,
        flows,
    }
}
