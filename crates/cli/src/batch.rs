//! `policylens batch`: many policies in parallel, one line of output each,
//! and a summary at the end. A file that cannot be read or decoded is
//! reported and skipped; it never aborts the batch.
//!
//! Files run in parallel (rayon), with an indicatif progress bar only on a
//! terminal. Rows are JSON lines or CSV; the summary on stderr gives counts,
//! throughput, the failing rules and the SDKs by frequency. `.jsonl` files are
//! read as CAPP-130 policies.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use policylens_core::{FindingStatus, Report};
use rayon::prelude::*;

/// Extensions read from directories. `.jsonl` files are taken as CAPP-130
/// policies (one `{\"text\": …}` object per sentence, joined by newlines).
const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "jsonl"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
}

/// What one policy gave.
struct Outcome {
    path: PathBuf,
    result: Result<Report, String>,
}

pub fn run(inputs: &[PathBuf], out_path: Option<&Path>, format: Format) -> Result<ExitCode, String> {
    let mut files = Vec::new();
    for input in inputs {
        collect(input, &mut files).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    }
    files.sort();

    let started = Instant::now();
    let progress = if io::stderr().is_terminal() {
        let bar = ProgressBar::new(files.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} policies {elapsed_precise} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let outcomes: Vec<Outcome> = files
        .par_iter()
        .map(|path| {
            let result = analyze_file(path);
            progress.inc(1);
            Outcome { path: path.clone(), result }
        })
        .collect();
    progress.finish_and_clear();
    let elapsed = started.elapsed();

    let mut sink: Box<dyn Write> = match out_path {
        Some(p) => Box::new(io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| format!("cannot write {}: {e}", p.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    write_rows(&mut sink, &outcomes, format).map_err(|e| format!("cannot write the results: {e}"))?;
    sink.flush().map_err(|e| format!("cannot write the results: {e}"))?;
    drop(sink);
    eprint!("{}", summary(&outcomes, elapsed.as_secs_f64()));
    Ok(ExitCode::SUCCESS)
}

/// Files under `path` (recursively for a directory) with a known extension;
/// a file named on the command line is taken whatever its extension.
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    if path.is_dir() {
        for entry in std::fs::read_dir(path)? {
            let p = entry?.path();
            if p.is_dir() {
                collect(&p, out)?;
            } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e)) {
                out.push(p);
            }
        }
        Ok(())
    } else {
        std::fs::metadata(path)?;
        out.push(path.to_owned());
        Ok(())
    }
}

fn analyze_file(path: &Path) -> Result<Report, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let decoded = policylens_core::decode::decode(&bytes).map_err(|e| e.to_string())?;
    let text = if path.extension().is_some_and(|e| e == "jsonl") {
        crate::capp::parse(&decoded.text)?.0.join("\n")
    } else {
        decoded.text
    };
    Ok(policylens_core::analyze_decoded(&text, decoded.encoding))
}

fn sections(report: &Report) -> usize {
    report.outline.iter().flat_map(|d| &d.children).filter(|n| n.kind == policylens_core::NodeKind::Section).count()
}

fn write_rows(out: &mut dyn Write, outcomes: &[Outcome], format: Format) -> io::Result<()> {
    if format == Format::Csv {
        writeln!(out, "path,encoding,bytes,kind,sections,must_fail,should_fail,warn,sdks,error")?;
    }
    for o in outcomes {
        let path = o.path.display().to_string();
        match (&o.result, format) {
            (Ok(r), Format::Jsonl) => {
                let line = serde_json::json!({"path": path, "report": r});
                writeln!(out, "{line}")?;
            }
            (Err(e), Format::Jsonl) => writeln!(out, "{}", serde_json::json!({"path": path, "error": e}))?,
            (Ok(r), Format::Csv) => {
                let kind = serde_json::to_value(r.input.kind).ok().and_then(|v| v.as_str().map(str::to_owned));
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{},{},",
                    csv(&path),
                    r.input.encoding,
                    r.input.bytes,
                    kind.unwrap_or_default(),
                    sections(r),
                    r.summary.must_fail,
                    r.summary.should_fail,
                    r.summary.warn,
                    r.summary.sdks
                )?;
            }
            (Err(e), Format::Csv) => writeln!(out, "{},,,,,,,,,{}", csv(&path), csv(e))?,
        }
    }
    Ok(())
}

/// Quotes a CSV field when it needs it.
fn csv(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The closing table: counts, throughput, failing rules, common SDKs.
fn summary(outcomes: &[Outcome], seconds: f64) -> String {
    let ok: Vec<&Report> = outcomes.iter().filter_map(|o| o.result.as_ref().ok()).collect();
    let errors: Vec<&Outcome> = outcomes.iter().filter(|o| o.result.is_err()).collect();
    let bytes: usize = ok.iter().map(|r| r.input.bytes).sum();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "\n{} policies analysed, {} skipped, {:.1} MB in {:.2} s ({:.0} policies/s)",
        ok.len(),
        errors.len(),
        bytes as f64 / 1e6,
        seconds,
        outcomes.len() as f64 / seconds.max(1e-9)
    );
    for e in &errors {
        if let Err(msg) = &e.result {
            let _ = writeln!(s, "  skipped {}: {msg}", e.path.display());
        }
    }
    let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &ok {
        for f in r.findings.iter().filter(|f| f.status == FindingStatus::Fail) {
            *rules.entry(f.rule.as_str()).or_default() += 1;
        }
    }
    if !rules.is_empty() {
        let mut rules: Vec<_> = rules.into_iter().collect();
        rules.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let _ = writeln!(s, "\nFailing rules (policies):");
        for (rule, n) in rules {
            let _ = writeln!(s, "  {rule:<8} {n}");
        }
    }
    let mut sdks: BTreeMap<String, usize> = BTreeMap::new();
    for r in &ok {
        for sdk in &r.sdks {
            *sdks.entry(sdk.canonical.clone().unwrap_or_else(|| sdk.name.clone())).or_default() += 1;
        }
    }
    if !sdks.is_empty() {
        let mut sdks: Vec<_> = sdks.into_iter().collect();
        sdks.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let _ = writeln!(s, "\nSDKs by frequency (policies):");
        for (name, n) in sdks.into_iter().take(20) {
            let _ = writeln!(s, "  {n:>4}  {name}");
        }
    }
    s
}
