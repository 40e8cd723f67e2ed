//! `policylens eval capp130 DIR`: clause classification measured against
//! the CAPP-130 topic labels (EnlightenedAI/CAPP-130, CC BY 4.0).
//!
//! Each file's sentences are joined by newlines, as a reader would paste
//! them; a sentence's predicted categories are those of the clauses on its
//! line. Topics map to the taxonomy as the issue specifies; a sentence counts
//! once per category.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use policylens_core::Node;

pub const USAGE: &str = "policylens eval capp130 DIR [--errors FILE]";

/// The evaluated categories and the CAPP-130 topics that mean them.
const MAPPING: &[(&str, &[&str])] = &[
    ("collection", &["数据收集", "使用"]),
    ("permissions", &["权限获取"]),
    ("sharing", &["共享、委托、转让、公开（披露）"]),
    ("storage", &["存储方式"]),
    ("security", &["安全措施"]),
    ("minors", &["特殊人群"]),
    ("rights", &["数据、权限管理"]),
    ("contact", &["联系方式"]),
    ("updates", &["隐私政策的授权、修改与变更"]),
];

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let (Some("capp130"), Some(dir)) = (args.first().map(String::as_str), args.get(1)) else {
        return Err(format!("usage: {USAGE}"));
    };
    // `--errors FILE` writes each misclassified sentence as a TSV line
    // (file, line, category, fp|fn, text), for error analysis.
    let mut errors = match args.get(2).map(String::as_str) {
        Some("--errors") => {
            let path = args.get(3).ok_or_else(|| format!("usage: {USAGE}"))?;
            Some(std::fs::File::create(path).map_err(|e| format!("cannot write {path}: {e}"))?)
        }
        Some(other) => return Err(format!("unknown argument {other}; usage: {USAGE}")),
        None => None,
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {dir}: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no .jsonl files in {dir}"));
    }
    let mut counts = vec![Counts::default(); MAPPING.len()];
    let mut sentences = 0;
    for path in &files {
        sentences += eval_file(path, &mut counts, errors.as_mut())?;
    }
    println!("CAPP-130 clause classification: {} policies, {sentences} sentences", files.len());
    println!("{:<12} {:>9} {:>9} {:>9} {:>7}", "category", "precision", "recall", "F1", "gold");
    let mut f1s = Vec::new();
    for ((cat, _), c) in MAPPING.iter().zip(&counts) {
        let p = ratio(c.tp, c.tp + c.fp);
        let r = ratio(c.tp, c.tp + c.fn_);
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        f1s.push(f1);
        println!("{cat:<12} {p:>9.3} {r:>9.3} {f1:>9.3} {:>7}", c.tp + c.fn_);
    }
    let macro_f1 = f1s.iter().sum::<f64>() / f1s.len() as f64;
    println!("{:<12} {:>29.3}", "macro F1", macro_f1);
    Ok(ExitCode::SUCCESS)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn eval_file(path: &Path, counts: &mut [Counts], mut errors: Option<&mut std::fs::File>) -> Result<usize, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut texts = Vec::new();
    let mut gold: Vec<BTreeSet<usize>> = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{}: {e}", path.display()))?;
        texts.push(v["text"].as_str().unwrap_or_default().to_owned());
        let labels: Vec<&str> =
            v["label"].as_array().map(|a| a.iter().filter_map(|x| x.as_str()).collect()).unwrap_or_default();
        gold.push(
            MAPPING
                .iter()
                .enumerate()
                .filter(|(_, (_, topics))| labels.iter().any(|l| topics.contains(l)))
                .map(|(i, _)| i)
                .collect(),
        );
    }
    let text = texts.join("\n");
    let report = policylens_core::analyze(&text);
    let mut predicted: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); texts.len()];
    fn walk(n: &Node, predicted: &mut [BTreeSet<usize>]) {
        for c in &n.clauses {
            for line in c.lines[0]..=c.lines[1] {
                if let Some(set) = predicted.get_mut(line - 1) {
                    for cat in &c.categories {
                        if let Some(i) = MAPPING.iter().position(|(k, _)| k == cat) {
                            set.insert(i);
                        }
                    }
                }
            }
        }
        for child in &n.children {
            walk(child, predicted);
        }
    }
    for d in &report.outline {
        walk(d, &mut predicted);
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    for (line, (g, p)) in gold.iter().zip(&predicted).enumerate() {
        for (i, c) in counts.iter_mut().enumerate() {
            let kind = match (g.contains(&i), p.contains(&i)) {
                (true, true) => {
                    c.tp += 1;
                    continue;
                }
                (false, true) => {
                    c.fp += 1;
                    "fp"
                }
                (true, false) => {
                    c.fn_ += 1;
                    "fn"
                }
                (false, false) => continue,
            };
            if let Some(out) = errors.as_deref_mut() {
                use std::io::Write;
                writeln!(out, "{name}\t{}\t{}\t{kind}\t{}", line + 1, MAPPING[i].0, texts[line])
                    .map_err(|e| format!("cannot write errors: {e}"))?;
            }
        }
    }
    Ok(texts.len())
}
