//! The CAPP-130 corpus (EnlightenedAI/CAPP-130, CC BY 4.0): 130 app
//! privacy policies, one sentence a line, with topic labels by legal experts.
//! Read by `policylens eval`, `policylens train` and `policylens batch`
//! (`rw_*.jsonl`); its topic labels are mapped onto the clause model's
//! `TOPICS` ([`MAPPING`]).

use std::path::{Path, PathBuf};

use policylens_core::classify::model::TOPICS;

/// The CAPP-130 topics that mean each of the model's topics, in the order
/// of [`TOPICS`], as the issue maps them.
pub const MAPPING: [&[&str]; TOPICS.len()] = [
    &["数据收集", "使用"],
    &["权限获取"],
    &["共享、委托、转让、公开（披露）"],
    &["存储方式"],
    &["安全措施"],
    &["特殊人群"],
    &["数据、权限管理"],
    &["联系方式"],
    &["隐私政策的授权、修改与变更"],
];

/// Topic labels of one sentence, in the order of [`TOPICS`].
pub type Labels = [bool; TOPICS.len()];

/// One policy of the corpus.
pub struct Policy {
    pub name: String,
    pub sentences: Vec<String>,
    pub gold: Vec<Labels>,
}

impl Policy {
    /// The policy as a reader would paste it: one sentence a line, so that
    /// line `n` (1-based) of the text is sentence `n - 1`.
    pub fn text(&self) -> String {
        self.sentences.join("\n")
    }
}

/// Reads every `*.jsonl` file of `dir`, sorted by name.
pub fn load(dir: &Path) -> Result<Vec<Policy>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no .jsonl files in {}", dir.display()));
    }
    files.iter().map(|p| read(p)).collect()
}

fn read(path: &Path) -> Result<Policy, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (sentences, gold) = parse(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Policy { name, sentences, gold })
}

/// The sentences of a CAPP-130 file and their labels.
pub fn parse(raw: &str) -> Result<(Vec<String>, Vec<Labels>), String> {
    let mut sentences = Vec::new();
    let mut gold = Vec::new();
    for (i, line) in raw.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        sentences.push(v["text"].as_str().unwrap_or_default().to_owned());
        let labels: Vec<&str> =
            v["label"].as_array().map(|a| a.iter().filter_map(|x| x.as_str()).collect()).unwrap_or_default();
        gold.push(std::array::from_fn(|t| labels.iter().any(|l| MAPPING[t].contains(l))));
    }
    Ok((sentences, gold))
}
