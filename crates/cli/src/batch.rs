//! `policylens batch`: many policies in parallel, one line of output each,
//! and a summary at the end. A file that cannot be read or decoded is
//! reported and skipped; it never aborts the batch.
//!
//! Files run in parallel (rayon), with an indicatif progress bar only on a
//! terminal. Rows are JSON lines or CSV; the summary on stderr gives counts,
//! throughput, the failing rules and the SDKs by frequency. `.jsonl` files are
//! read as CAPP-130 policies.
//!
//! Everything per file happens inside the parallel map: reading, decoding,
//! the analysis, and formatting the output row. The serial part only writes
//! finished rows and counts for the summary, so that a batch scales with
//! cores. Rows used to be serialised after the map, through a
//! `serde_json::Value`: a serial stage of about a sixth of a one-thread run
//! (0.6–0.8 s of 3.9–4.3 s on CAPP-130 repeated to 520 policies), now about
//! 60 ms; docs/scale.md has the timings on one and two threads. A JSON row is
//! `{"path": …, "report": …}` with the report's fields in the order of
//! `policylens analyze --format json`.

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

/// What one policy gave: its output row, formatted in the parallel map, and
/// what the summary counts (or why the file was skipped).
struct Outcome {
    path: PathBuf,
    row: String,
    result: Result<Counts, String>,
}

/// What the summary needs of one report.
struct Counts {
    bytes: usize,
    failing: Vec<String>,
    sdks: Vec<String>,
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
            let outcome = outcome(path, analyze_file(path), format);
            progress.inc(1);
            outcome
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

/// One file's row and counts, built where the file was analysed so that
/// serialising runs in parallel too; the report itself is dropped here.
fn outcome(path: &Path, result: Result<Report, String>, format: Format) -> Outcome {
    let shown = path.display().to_string();
    let row = match (&result, format) {
        (Ok(r), Format::Jsonl) => json_row(&JsonRow { path: &shown, report: r }),
        (Err(e), Format::Jsonl) => json_row(&ErrorRow { path: &shown, error: e }),
        (Ok(r), Format::Csv) => {
            let kind = serde_json::to_value(r.input.kind).ok().and_then(|v| v.as_str().map(str::to_owned));
            format!(
                "{},{},{},{},{},{},{},{},{},",
                csv(&shown),
                r.input.encoding,
                r.input.bytes,
                kind.unwrap_or_default(),
                sections(r),
                r.summary.must_fail,
                r.summary.should_fail,
                r.summary.warn,
                r.summary.sdks
            )
        }
        (Err(e), Format::Csv) => format!("{},,,,,,,,,{}", csv(&shown), csv(e)),
    };
    let result = result.map(|r| Counts {
        bytes: r.input.bytes,
        failing: r.findings.iter().filter(|f| f.status == FindingStatus::Fail).map(|f| f.rule.clone()).collect(),
        sdks: r.sdks.iter().map(|s| s.canonical.clone().unwrap_or_else(|| s.name.clone())).collect(),
    });
    Outcome { path: path.to_owned(), row, result }
}

#[derive(serde::Serialize)]
struct JsonRow<'a> {
    path: &'a str,
    report: &'a Report,
}

#[derive(serde::Serialize)]
struct ErrorRow<'a> {
    path: &'a str,
    error: &'a str,
}

fn json_row(row: &impl serde::Serialize) -> String {
    // Serialising plain data into a String cannot fail.
    serde_json::to_string(row).unwrap_or_default()
}

fn write_rows(out: &mut dyn Write, outcomes: &[Outcome], format: Format) -> io::Result<()> {
    if format == Format::Csv {
        writeln!(out, "path,encoding,bytes,kind,sections,must_fail,should_fail,warn,sdks,error")?;
    }
    for o in outcomes {
        out.write_all(o.row.as_bytes())?;
        out.write_all(b"\n")?;
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
    let ok: Vec<&Counts> = outcomes.iter().filter_map(|o| o.result.as_ref().ok()).collect();
    let errors: Vec<&Outcome> = outcomes.iter().filter(|o| o.result.is_err()).collect();
    let bytes: usize = ok.iter().map(|c| c.bytes).sum();
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
    for c in &ok {
        for rule in &c.failing {
            *rules.entry(rule.as_str()).or_default() += 1;
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
    let mut sdks: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &ok {
        for sdk in &c.sdks {
            *sdks.entry(sdk.as_str()).or_default() += 1;
        }
    }
    if !sdks.is_empty() {
        let mut sdks: Vec<_> = sdks.into_iter().collect();
        sdks.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let _ = writeln!(s, "\nSDKs by frequency (policies):");
        for (name, n) in sdks.into_iter().take(20) {
            let _ = writeln!(s, "  {n:>4}  {name}");
        }
    }
    s
}
