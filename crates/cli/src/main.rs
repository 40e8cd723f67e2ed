//! `policylens`: the PolicyLens analysis on the command line.
//!
//! The CLI reads files, decodes them and prints what the core returns; it
//! computes nothing itself. Arguments are parsed by clap (derive): `--help`
//! and `--version` on every subcommand, `--format=json` and `--format json`
//! alike, suggestions for mistyped flags, shell completions. Paths are taken
//! as `OsString`s, so a file name that is not UTF-8 is read like any other.
//!
//! Subcommands: `analyze PATH|- [--format text|json|markdown|sarif]
//! [--fail-on must|should] [--baseline FILE]`, `batch`, `diff`, `baseline`,
//! `eval`, `train`, `rules` and `explain ID` (the registry, printed here),
//! `completions`. Exit status: 0 a report was produced; 1 a `--fail-on`
//! threshold was met by a finding the baseline does not accept; 2 the input
//! was unreadable or undecodable, a directory, or the arguments were wrong.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use policylens_core::decode::{decode, Decoded};
use policylens_core::{FindingStatus, Node, NodeKind, Report, Severity};

mod baseline;
mod batch;
mod capp;
mod diff;
mod eval;
mod eval_findings;
mod eval_sdk;
mod sarif;
mod text_report;
mod train;

/// Exit statuses: 0 a report was produced, 1 a `--fail-on` gate failed,
/// 2 the input or the arguments could not be used.
const EXIT_GATE: u8 = 1;
const EXIT_INPUT: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "policylens",
    version,
    propagate_version = true,
    about = "Analyse Chinese privacy policies (隐私政策): outline, checklist, findings, SDK map",
    after_help = "\
Examples:
  policylens analyze policy.txt
  policylens analyze policy.txt --format=json
  policylens analyze policy.txt --fail-on must --baseline policylens-baseline.json
  policylens batch policies/ --out report.jsonl

Exit status: 0 when a report was produced, 1 when --fail-on is given and a
finding of that severity (or worse) fails and is not in the baseline, 2 when
the input cannot be read or decoded, or the arguments are wrong (one line on
stderr saying why)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse one policy and print its report
    #[command(
        visible_alias = "analyse",
        after_help = "\
Examples:
  policylens analyze policy.txt                       readable review (coloured on a terminal)
  policylens analyze policy.html --format json        the report, docs/report-schema.md
  cat policy.txt | policylens analyze - --format=markdown
  policylens analyze policy.txt --format sarif > policylens.sarif
  policylens analyze policy.txt --fail-on must --baseline policylens-baseline.json"
    )]
    Analyze {
        /// The policy file (UTF-8, UTF-16 with BOM, GB18030/GBK; .txt, .md or .html), or - for standard input
        path: PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exit 1 when a finding of this severity (or worse) fails
        #[arg(long, value_enum, value_name = "SEVERITY")]
        fail_on: Option<Gate>,
        /// Accepted findings (written by `policylens baseline`): they do not fail the gate
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
    },
    /// Analyse many policies in parallel: one line each, a summary at the end
    #[command(after_help = "\
Examples:
  policylens batch policies/ --out report.jsonl
  policylens batch a.txt b.html --format csv > summary.csv")]
    Batch {
        /// Files, or directories read recursively (.txt .md .html .htm .jsonl)
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the rows here instead of standard output
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = batch::Format::Jsonl)]
        format: batch::Format,
    },
    /// What changed between two versions of a policy, section by section
    #[command(after_help = "\
Examples:
  policylens diff old.txt new.txt
  policylens diff old.txt new.txt --format json")]
    Diff {
        old: PathBuf,
        new: PathBuf,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// Write the failing findings of a policy to a baseline of accepted findings
    #[command(after_help = "\
Examples:
  policylens baseline policy.txt --reason \"reviewed with legal, 2026-11\" --by alice
  policylens analyze policy.txt --fail-on must --baseline policylens-baseline.json

Each entry records the rule, a fingerprint of its evidence (the text, not its
line, so the entry survives edits elsewhere), the reason and who accepted it.
Entries already in the file keep their reason; findings that no longer fail
are dropped.")]
    Baseline {
        /// The policy whose failing findings are accepted
        path: PathBuf,
        /// The baseline file to write (merged with what it holds)
        #[arg(long, value_name = "FILE", default_value = "policylens-baseline.json")]
        out: PathBuf,
        /// Why these findings are accepted
        #[arg(long, default_value = "accepted when the baseline was written")]
        reason: String,
        /// Who accepted them (default: $USER)
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
    /// Measure PolicyLens against an annotated corpus
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Learn the clause model from CAPP-130 labels
    #[command(subcommand)]
    Train(TrainCommand),
    /// List every rule
    Rules,
    /// What a rule checks, why, and how to fix it
    #[command(after_help = "Example:\n  policylens explain SHR-03")]
    Explain {
        /// A rule id, as `policylens rules` lists them (case does not matter)
        id: String,
    },
    /// Print a shell completion script
    #[command(after_help = "\
Examples:
  policylens completions bash > ~/.local/share/bash-completion/completions/policylens
  policylens completions zsh > \"${fpath[1]}/_policylens\"
  policylens completions fish > ~/.config/fish/completions/policylens.fish")]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand, Debug)]
enum EvalCommand {
    /// Clause classification against the CAPP-130 topic labels
    #[command(after_help = "\
Examples:
  policylens eval capp130 tests/corpus/capp130 --folds 5
  policylens eval capp130 tests/corpus/capp130 --rules --errors errors.tsv")]
    Capp130 {
        dir: PathBuf,
        /// Cross-validate by policy: each fold analysed by a model trained on the others
        #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(2..), conflicts_with_all = ["rules", "agreement"])]
        folds: Option<u32>,
        /// The keyword rules alone, without the clause model
        #[arg(long, conflicts_with = "agreement")]
        rules: bool,
        /// How often the annotators agree with themselves
        #[arg(long)]
        agreement: bool,
        /// Write each misclassified sentence to this TSV file
        #[arg(long, value_name = "FILE")]
        errors: Option<PathBuf>,
    },
    /// SDK extraction against hand-annotated SDK rows (tests/corpus/sdk)
    #[command(after_help = "\
Examples:
  policylens eval sdk tests/corpus/sdk
  policylens eval sdk tests/corpus/sdk --errors sdk-errors.tsv")]
    Sdk {
        /// A directory of annotated documents (`*.json` beside their text), read recursively
        dir: PathBuf,
        /// Write each missed, invented or inexact row to this TSV file
        #[arg(long, value_name = "FILE")]
        errors: Option<PathBuf>,
    },
    /// Findings against rule verdicts judged by hand (tests/corpus/findings)
    #[command(after_help = "\
Examples:
  policylens eval findings tests/corpus/findings
  policylens eval findings tests/corpus/findings --errors findings-errors.tsv

Prints the precision of fail/warn findings (true problems over judged fail/warn),
the false-pass rate of must rules (gold problems over judged must passes), per rule
and overall; findings without a gold row are counted as unjudged.")]
    Findings {
        /// A directory of gold files (`*.tsv`, each naming its policy), read recursively, or one gold file
        gold: PathBuf,
        /// Write each disagreement (policy, rule, tool status, gold verdict, line, reason) to this TSV file
        #[arg(long, value_name = "FILE")]
        errors: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum TrainCommand {
    /// Learn from CAPP-130 and write the model file
    #[command(
        after_help = "Example:\n  policylens train capp130 tests/corpus/capp130 --out crates/core/data/clause_model.bin"
    )]
    Capp130 {
        dir: PathBuf,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
    /// SARIF 2.1.0, for code-scanning dashboards
    Sarif,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Gate {
    Must,
    Should,
}

impl Gate {
    fn severity(self) -> Severity {
        match self {
            Gate::Must => Severity::Must,
            Gate::Should => Severity::Should,
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with status 0; usage errors to
            // stderr with status 2, as clap prints them (with suggestions).
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(EXIT_INPUT) } else { ExitCode::SUCCESS };
        }
    };
    match run(cli.command) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("policylens: {msg}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Analyze { path, format, fail_on, baseline } => analyze(&path, format, fail_on, baseline.as_deref()),
        Command::Batch { paths, out, format } => batch::run(&paths, out.as_deref(), format),
        Command::Diff { old, new, format } => diff::run(&old, &new, format == DiffFormat::Json, |p| {
            let decoded = read_decoded(p)?;
            let report = policylens_core::analyze_decoded(&decoded.text, decoded.encoding);
            Ok((decoded.text, report))
        }),
        Command::Baseline { path, out, reason, by } => {
            let (text, report) = read_and_analyze(&path)?;
            let by = by.or_else(|| std::env::var("USER").ok()).unwrap_or_else(|| "unknown".to_owned());
            let written = baseline::write(&out, &text, &report, &reason, &by)?;
            println!("{} accepted findings written to {}", written, out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Capp130 { dir, folds, rules, agreement, errors }) => {
            let model = match (folds, rules, agreement) {
                (Some(k), _, _) => eval::Model::Folds(k as usize),
                (None, true, _) => eval::Model::Rules,
                (None, false, true) => eval::Model::Agreement,
                (None, false, false) => eval::Model::Shipped,
            };
            eval::run(&dir, model, errors.as_deref())
        }
        Command::Eval(EvalCommand::Sdk { dir, errors }) => eval_sdk::run(&dir, errors.as_deref()),
        Command::Eval(EvalCommand::Findings { gold, errors }) => eval_findings::run(&gold, errors.as_deref()),
        Command::Train(TrainCommand::Capp130 { dir, out }) => train::run(&dir, &out),
        Command::Rules => {
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
        Command::Explain { id } => {
            let r = policylens_core::rules::get(&id.to_ascii_uppercase())
                .ok_or_else(|| format!("no rule {id}; 'policylens rules' lists them"))?;
            println!("{} — {} / {}", r.id, r.title_zh, r.title_en);
            println!("severity: {:?}", r.severity);
            println!("sources: {}", r.sources.join("; "));
            println!("\nWhy it matters:\n  {}", r.why);
            println!("\nHow to fix:\n  {}", r.fix);
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "policylens", &mut io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn analyze(path: &Path, format: Format, fail_on: Option<Gate>, baseline: Option<&Path>) -> Result<ExitCode, String> {
    let accepted = baseline.map(baseline::read).transpose()?;
    let (text, report) = read_and_analyze(path)?;
    // Stdout is line-buffered: a report written through it costs one system
    // call per line (7 185 for taobao.txt). Write in blocks instead.
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let written = match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &report).map_err(io::Error::from).and_then(|()| writeln!(out))
        }
        Format::Text => out.write_all(text_report::render(&report, io::stdout().is_terminal()).as_bytes()),
        Format::Markdown => out.write_all(policylens_core::markdown::render(&report, true).as_bytes()),
        Format::Sarif => {
            let log = sarif::log(&display_path(path), &text, &report, accepted.as_ref());
            serde_json::to_writer_pretty(&mut out, &log).map_err(io::Error::from).and_then(|()| writeln!(out))
        }
    };
    let written = written.and_then(|()| out.flush());
    drop(out);
    // `--fail-on should` also fails on must-items: severities are ordered.
    // A finding the baseline accepts does not count.
    let mut gate_failed = 0;
    let mut gate_accepted = 0;
    if let Some(threshold) = fail_on.map(Gate::severity) {
        for f in report.findings.iter().filter(|f| f.status == FindingStatus::Fail && f.severity <= threshold) {
            if accepted.as_ref().is_some_and(|b| b.accepts(&text, f)) {
                gate_accepted += 1;
            } else {
                gate_failed += 1;
            }
        }
        if gate_accepted > 0 {
            eprintln!("policylens: {gate_accepted} failing findings accepted by the baseline, {gate_failed} new");
        }
    }
    match written {
        Ok(()) if gate_failed > 0 => Ok(ExitCode::from(EXIT_GATE)),
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("cannot write the report: {e}")),
    }
}

/// A path as messages show it (lossy where it is not UTF-8).
fn display_path(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "-".to_owned()
    } else {
        path.to_string_lossy().into_owned()
    }
}

fn read_and_analyze(path: &Path) -> Result<(String, Report), String> {
    let decoded = read_decoded(path)?;
    let report = policylens_core::analyze_decoded(&decoded.text, decoded.encoding);
    Ok((decoded.text, report))
}

fn read_decoded(path: &Path) -> Result<Decoded, String> {
    let bytes = read_bytes(path)?;
    decode(&bytes).map_err(|e| format!("{}: {e}", display_path(path)))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(buf);
    }
    if path.is_dir() {
        return Err(format!(
            "{} is a directory; analyze reads one file (policylens batch reads directories)",
            display_path(path)
        ));
    }
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", display_path(path)))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn format_takes_both_spellings() {
        for args in
            [["policylens", "analyze", "p.txt", "--format=json"], ["policylens", "analyze", "p.txt", "--format"]]
        {
            let parsed = Cli::try_parse_from(args.iter().copied().chain((args[3] == "--format").then_some("json")));
            let Ok(Cli { command: Command::Analyze { format, .. } }) = parsed else { panic!("{parsed:?}") };
            assert_eq!(format, Format::Json);
        }
    }
}
