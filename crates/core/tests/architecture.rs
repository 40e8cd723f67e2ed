//! Imports follow the pipeline (ARCHITECTURE.md, "Invariants"): a stage
//! imports the stages before it and the layers below it, never one after
//! it. Checked on the source text, outside test modules, so that a new
//! upstream import fails here rather than in review.

use std::path::{Path, PathBuf};

/// Each module of the core and the modules it must never import.
const NEVER: &[(&str, &[&str])] = &[
    // The bottom: types and text primitives.
    ("report", &["text", "scan", "segment", "classify", "facts", "sdk", "checklist", "rules", "summary", "markdown"]),
    ("text", &["scan", "segment", "classify", "facts", "sdk", "checklist", "rules", "summary", "markdown"]),
    ("scan", &["segment", "classify", "facts", "sdk", "checklist", "rules", "summary", "markdown"]),
    // The pipeline, in order.
    ("segment", &["classify", "facts", "sdk", "checklist", "rules", "summary", "markdown"]),
    ("classify", &["facts", "sdk", "checklist", "rules", "summary", "markdown"]),
    ("facts", &["classify", "sdk", "checklist", "rules", "summary", "markdown"]),
    ("sdk", &["classify", "facts", "checklist", "rules", "summary", "markdown"]),
    ("checklist", &["rules", "summary", "markdown"]),
    ("rules", &["summary", "markdown"]),
    ("summary", &["rules", "markdown"]),
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a source file belongs to: `sdk/merge.rs` → `sdk`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_owned()
}

/// The crate modules a source names (`crate::sdk::…`, `use crate::{…}` is not
/// used in this crate), outside its `#[cfg(test)]` module.
fn imports(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or("");
    let mut out: Vec<String> = code
        .match_indices("crate::")
        .map(|(at, m)| {
            code[at + m.len()..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>()
        })
        .filter(|m| !m.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn imports_flow_down_the_pipeline() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    assert!(files.len() > 40, "found {} sources", files.len());
    let mut wrong = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        let Some((_, never)) = NEVER.iter().find(|(m, _)| *m == module) else { continue };
        for import in imports(&std::fs::read_to_string(file).unwrap()) {
            if never.contains(&import.as_str()) {
                wrong.push(format!("{} imports crate::{import}", file.strip_prefix(&src).unwrap().display()));
            }
        }
    }
    assert!(wrong.is_empty(), "upstream imports:\n{}", wrong.join("\n"));
}

#[test]
fn the_check_sees_an_upstream_import() {
    assert_eq!(imports("use crate::rules::ClauseTexts;\nfn f() { crate::sdk::x(); }"), ["rules", "sdk"]);
    assert_eq!(imports("use crate::text::x;\n#[cfg(test)]\nmod tests { use crate::analyze; }"), ["text"]);
}

/// Functions of `source` outside its test module, as `(name, lines)`: from the
/// `fn` line to the closing brace at the same indentation (rustfmt's layout).
fn function_lengths(source: &str) -> Vec<(String, usize)> {
    let code = source.split("#[cfg(test)]").next().unwrap_or("");
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let rest = ["pub ", "pub(crate) ", "pub(super) ", "const ", "async "]
            .iter()
            .fold(trimmed, |t, p| t.strip_prefix(p).unwrap_or(t));
        let Some(sig) = rest.strip_prefix("fn ") else { continue };
        if line.trim_end().ends_with(';') {
            continue;
        }
        let name: String = sig.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(end) = lines[i..].iter().position(|l| *l == close || l.trim_end() == close) {
            out.push((name, end + 1));
        }
    }
    out
}

#[test]
fn no_function_of_the_core_runs_over_80_lines() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut long = Vec::new();
    for file in &files {
        for (name, n) in function_lengths(&std::fs::read_to_string(file).unwrap()) {
            if n > 80 {
                long.push(format!("{}: {name} ({n} lines)", file.strip_prefix(&src).unwrap().display()));
            }
        }
    }
    assert!(long.is_empty(), "functions over 80 lines; split them along what they do:\n{}", long.join("\n"));
}

#[test]
fn function_lengths_are_counted_from_fn_to_its_brace() {
    let source = "fn a() {\n    1\n}\n\npub(crate) fn b(\n    x: u8,\n) -> u8 {\n    x\n}\n#[cfg(test)]\nfn c() {}\n";
    assert_eq!(function_lengths(source), [("a".to_owned(), 3), ("b".to_owned(), 5)]);
}
