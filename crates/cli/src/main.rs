//! `policylens`: the PolicyLens analysis on the command line.
//!
//! The CLI reads files, decodes them and prints what the core returns; it
//! computes nothing itself.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use policylens_core::decode::decode;
use policylens_core::{Node, NodeKind, Report};

mod text_report;

const USAGE: &str = "\
policylens: analyse Chinese privacy policies

Usage:
  policylens analyze PATH|- [--format json|text]
  policylens help

Exit status: 0 when a report was produced, 2 when the input cannot be read or
decoded (with a one-line message on stderr).";

enum Format {
    Json,
    Text,
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
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => {
                format = match it.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("text") => Format::Text,
                    other => return Err(format!("--format takes json or text, not {}", other.unwrap_or("nothing"))),
                }
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
        Format::Text => out.write_all(text_report::render(&report).as_bytes()),
    };
    match written {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("cannot write the report: {e}")),
    }
}

fn read_and_analyze(path: &str) -> Result<Report, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    let decoded = decode(&bytes).map_err(|e| format!("{path}: {e}"))?;
    Ok(policylens_core::analyze_decoded(&decoded.text, decoded.encoding))
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
