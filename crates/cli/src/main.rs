//! `policylens`: the PolicyLens analysis on the command line.
//!
//! The CLI reads files, decodes them and prints what the core returns; it
//! computes nothing itself.

use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use policylens_core::decode::{decode, Decoded};
use policylens_core::{FindingStatus, Node, NodeKind, Report, Severity};

mod batch;
mod capp;
mod diff;
mod eval;
mod text_report;
mod train;

const USAGE: &str = "\
policylens: analyse Chinese privacy policies

Usage:
  policylens analyze PATH|- [--format json|text|markdown] [--fail-on must|should]
  policylens batch DIR|FILE... [--out PATH] [--format jsonl|csv]
  policylens diff OLD NEW [--format text|json]
  policylens eval capp130 DIR [--folds K | --rules | --agreement]
                                   clause classification against CAPP-130 labels
  policylens train capp130 DIR --out FILE
                                   learn the clause model from CAPP-130 labels
  policylens rules                 list every rule
  policylens explain ID            what a rule checks, why, and how to fix
  policylens help

Exit status: 0 when a report was produced, 1 when --fail-on is given and a
finding of that severity (or worse) fails, 2 when the input cannot be read or
decoded (with a one-line message on stderr).";

enum Format {
    Json,
    Text,
    Markdown,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("policylens: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some(cmd) = args.first() else {
        println!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    };
    match cmd.as_str() {
        "analyze" | "analyse" => analyze(&args[1..]),
        "batch" => batch::run(&args[1..]),
        "eval" => eval::run(&args[1..]),
        "train" => train::run(&args[1..]),
        "rules" => {
            for r in policylens_core::rules::REGISTRY {
                println!(
                    "{:<8} {:<6} {}  {}",
                    r.id,
                    format!("{:?}", r.severity).to_lowercase(),
                    r.title_zh,
                    r.title_en
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        "explain" => {
            let id = args.get(1).ok_or("explain needs a rule id, e.g. policylens explain STR-01")?;
            let r = policylens_core::rules::get(&id.to_ascii_uppercase())
                .ok_or_else(|| format!("no rule {id}; 'policylens rules' lists them"))?;
            println!("{} — {} / {}", r.id, r.title_zh, r.title_en);
            println!("severity: {:?}", r.severity);
            println!("sources: {}", r.sources.join("; "));
            println!("\nWhy it matters:\n  {}", r.why);
            println!("\nHow to fix:\n  {}", r.fix);
            Ok(ExitCode::SUCCESS)
        }
        "diff" => diff::run(&args[1..], |p| {
            let decoded = read_decoded(p)?;
            let report = policylens_core::analyze_decoded(&decoded.text, decoded.encoding);
            Ok((decoded.text, report))
        }),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "--version" | "-V" => {
            println!("policylens {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command '{other}'; try 'policylens help'")),
    }
}

fn analyze(args: &[String]) -> Result<ExitCode, String> {
    let mut path: Option<&str> = None;
    let mut format = Format::Text;
    let mut fail_on: Option<Severity> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => {
                format = match it.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("text") => Format::Text,
                    Some("markdown") => Format::Markdown,
                    other => {
                        return Err(format!(
                            "--format takes json, text or markdown, not {}",
                            other.unwrap_or("nothing")
                        ))
                    }
                }
            }
            "--fail-on" => {
                fail_on = Some(match it.next().map(String::as_str) {
                    Some("must") => Severity::Must,
                    Some("should") => Severity::Should,
                    other => return Err(format!("--fail-on takes must or should, not {}", other.unwrap_or("nothing"))),
                })
            }
            s if path.is_none() && (s == "-" || !s.starts_with('-')) => path = Some(s),
            s => return Err(format!("unexpected argument '{s}'")),
        }
    }
    let path = path.ok_or("analyze needs a PATH, or - for standard input")?;
    let report = read_and_analyze(path)?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &report).map_err(io::Error::from).and_then(|()| writeln!(out))
        }
        Format::Text => out.write_all(text_report::render(&report, io::stdout().is_terminal()).as_bytes()),
        Format::Markdown => out.write_all(policylens_core::markdown::render(&report, true).as_bytes()),
    };
    // `--fail-on should` also fails on must-items: severities are ordered.
    let gate_failed = fail_on.is_some_and(|threshold| {
        report.findings.iter().any(|f| f.status == FindingStatus::Fail && f.severity <= threshold)
    });
    match written {
        Ok(()) if gate_failed => Ok(ExitCode::from(1)),
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("cannot write the report: {e}")),
    }
}

fn read_and_analyze(path: &str) -> Result<Report, String> {
    let decoded = read_decoded(path)?;
    Ok(policylens_core::analyze_decoded(&decoded.text, decoded.encoding))
}

fn read_decoded(path: &str) -> Result<Decoded, String> {
    let bytes = read_bytes(path)?;
    decode(&bytes).map_err(|e| format!("{path}: {e}"))
}

fn read_bytes(path: &str) -> Result<Vec<u8>, String> {
    Ok(if path == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?
    })
}

/// Sections of a node, depth first, for the text form.
pub(crate) fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a Node>) {
    for n in nodes {
        if n.kind != NodeKind::Document {
            out.push(n);
        }
        walk(&n.children, out);
    }
}
