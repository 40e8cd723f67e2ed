//! `policylens eval sdk DIR`: SDK extraction measured against SDK rows
//! annotated by hand (`tests/corpus/sdk`, format in its README).
//!
//! Each `*.json` annotation names its text (`text`, or the file of the same
//! stem). Gold rows and extracted SDKs are paired one to one, best match
//! first: the same name (or one of the annotation's `also` spellings) once
//! case, width, spaces and a trailing `SDK` are set aside; else the same
//! knowledge-base entry; else one name containing the other. Over the pairs,
//! provider, purpose, link and the set of data items are compared after the
//! same normalisation (a provider from the knowledge base that lists several
//! companies is exact when one of them is the annotated one). Fields the
//! annotation leaves empty are not scored.
//!
//! Prints name precision, recall and F1 overall and per disclosure shape, and
//! the documents with the lowest recall; `--errors FILE` writes every missed,
//! invented or inexact row. The CLI tests hold this as a regression floor.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use policylens_core::sdk::Kb;
use policylens_core::Sdk;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Annotation {
    id: String,
    #[serde(default)]
    text: Option<String>,
    sdks: Vec<GoldRow>,
}

#[derive(Debug, Deserialize)]
struct GoldRow {
    name: String,
    #[serde(default)]
    also: Vec<String>,
    provider: Option<String>,
    purpose: Option<String>,
    #[serde(default)]
    data: Vec<String>,
    link: Option<String>,
    #[serde(default)]
    shape: String,
}

/// Hits over trials for one figure.
#[derive(Debug, Default, Clone, Copy)]
struct Ratio {
    hit: usize,
    of: usize,
}

impl Ratio {
    fn add(&mut self, hit: bool) {
        self.of += 1;
        self.hit += usize::from(hit);
    }
    fn value(self) -> f64 {
        if self.of == 0 {
            0.0
        } else {
            self.hit as f64 / self.of as f64
        }
    }
    fn show(self) -> String {
        if self.of == 0 {
            "    -".to_owned()
        } else {
            format!("{:.3}", self.value())
        }
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    gold: usize,
    found: usize,
    predicted: usize,
    provider: Ratio,
    purpose: Ratio,
    link: Ratio,
    data: Ratio,
}

pub fn run(dir: &Path, errors: Option<&Path>) -> Result<ExitCode, String> {
    let mut files = Vec::new();
    collect(dir, &mut files).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    files.sort();
    if files.is_empty() {
        return Err(format!("no annotations (*.json) in {}", dir.display()));
    }
    let mut errors_out = errors
        .map(|p| std::fs::File::create(p).map_err(|e| format!("cannot write {}: {e}", p.display())))
        .transpose()?;
    let kb = Kb::builtin();
    let mut total = Tally::default();
    let mut by_shape: BTreeMap<String, Tally> = BTreeMap::new();
    let mut per_doc: Vec<(String, Tally)> = Vec::new();
    for file in &files {
        let raw = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let ann: Annotation =
            serde_json::from_str(&raw).map_err(|e| format!("{}: not an SDK annotation: {e}", file.display()))?;
        let text_path = text_of(file, ann.text.as_deref())?;
        let bytes = std::fs::read(&text_path).map_err(|e| format!("cannot read {}: {e}", text_path.display()))?;
        let decoded = policylens_core::decode::decode(&bytes).map_err(|e| format!("{}: {e}", text_path.display()))?;
        let report = policylens_core::analyze_decoded(&decoded.text, decoded.encoding);
        let mut doc = Tally { gold: ann.sdks.len(), predicted: report.sdks.len(), ..Tally::default() };
        let pairs = pair(&ann.sdks, &report.sdks, kb);
        let mut log = |kind: &str, gold: &str, got: &str| {
            if let Some(out) = errors_out.as_mut() {
                let _ = writeln!(out, "{}\t{kind}\t{}\t{}", ann.id, gold.replace('\t', " "), got.replace('\t', " "));
            }
        };
        for (g, gold) in ann.sdks.iter().enumerate() {
            let shape =
                by_shape.entry(if gold.shape.is_empty() { "?".into() } else { gold.shape.clone() }).or_default();
            shape.gold += 1;
            let Some(p) = pairs[g] else {
                log("missed", &gold.name, "");
                continue;
            };
            let got = &report.sdks[p];
            doc.found += 1;
            shape.found += 1;
            if let Some(want) = &gold.provider {
                let ok = got
                    .provider
                    .as_deref()
                    .is_some_and(|have| same(want, have) || have.split('/').any(|part| same(want, part)));
                doc.provider.add(ok);
                shape.provider.add(ok);
                if !ok {
                    log("provider", &format!("{}: {want}", gold.name), got.provider.as_deref().unwrap_or(""));
                }
            }
            if let Some(want) = &gold.purpose {
                let ok = got.purpose.as_deref().is_some_and(|have| same(want, have));
                doc.purpose.add(ok);
                shape.purpose.add(ok);
            }
            if let Some(want) = &gold.link {
                let ok = got.link.as_deref().is_some_and(|have| same_link(want, have));
                doc.link.add(ok);
                shape.link.add(ok);
                if !ok {
                    log("link", &format!("{}: {want}", gold.name), got.link.as_deref().unwrap_or(""));
                }
            }
            if !gold.data.is_empty() {
                let mut want: Vec<String> = gold.data.iter().map(|d| data_key(d)).collect();
                let mut have: Vec<String> = got.data.iter().map(|d| data_key(&d.text)).collect();
                want.sort();
                want.dedup();
                have.sort();
                have.dedup();
                let ok = want == have;
                doc.data.add(ok);
                shape.data.add(ok);
                if !ok {
                    log("data", &format!("{}: {}", gold.name, want.join("、")), &have.join("、"));
                }
            }
        }
        for (p, got) in report.sdks.iter().enumerate() {
            if !pairs.contains(&Some(p)) {
                log("invented", "", &got.name);
            }
        }
        total.gold += doc.gold;
        total.found += doc.found;
        total.predicted += doc.predicted;
        for (t, d) in [
            (&mut total.provider, doc.provider),
            (&mut total.purpose, doc.purpose),
            (&mut total.link, doc.link),
            (&mut total.data, doc.data),
        ] {
            t.hit += d.hit;
            t.of += d.of;
        }
        per_doc.push((ann.id, doc));
    }
    // Written at once, so that a closed pipe (`| head`) ends the output
    // quietly instead of panicking in `println!`.
    let mut report = String::new();
    macro_rules! outln {
        () => { report.push('\n') };
        ($($t:tt)*) => {{ use std::fmt::Write as _; let _ = writeln!(report, $($t)*); }};
    }
    let precision = ratio(total.found, total.predicted);
    let recall = ratio(total.found, total.gold);
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    outln!(
        "SDK extraction: {} documents, {} annotated rows, {} extracted, {} paired",
        per_doc.len(),
        total.gold,
        total.predicted,
        total.found
    );
    outln!();
    outln!(
        "{:<8} {:>5} {:>5} {:>7}  {:>8} {:>8} {:>8} {:>8}",
        "shape",
        "rows",
        "found",
        "recall",
        "provider",
        "purpose",
        "link",
        "data"
    );
    for (shape, t) in &by_shape {
        outln!(
            "{:<8} {:>5} {:>5} {:>7.3}  {:>8} {:>8} {:>8} {:>8}",
            shape,
            t.gold,
            t.found,
            ratio(t.found, t.gold),
            t.provider.show(),
            t.purpose.show(),
            t.link.show(),
            t.data.show()
        );
    }
    outln!();
    outln!("documents with the lowest recall:");
    per_doc.sort_by(|a, b| ratio(a.1.found, a.1.gold).total_cmp(&ratio(b.1.found, b.1.gold)).then(a.0.cmp(&b.0)));
    for (id, d) in per_doc.iter().take(8) {
        outln!("  {id:<40} {:>3}/{:<3} found, {:>3} extracted", d.found, d.gold, d.predicted);
    }
    outln!();
    outln!("exact over paired rows (rows annotated with the field):");
    outln!(
        "  provider {} ({}), purpose {} ({}), link {} ({}), data items {} ({})",
        total.provider.show(),
        total.provider.of,
        total.purpose.show(),
        total.purpose.of,
        total.link.show(),
        total.link.of,
        total.data.show(),
        total.data.of
    );
    // The last line holds the headline figures; tests read them there.
    outln!("name precision {precision:.3} recall {recall:.3} F1 {f1:.3}");
    let _ = std::io::stdout().write_all(report.as_bytes());
    Ok(ExitCode::SUCCESS)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(path)? {
        let p = entry?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
    Ok(())
}

/// The text an annotation is about: its `text` field, else the file of the
/// same stem with a text extension.
fn text_of(annotation: &Path, named: Option<&str>) -> Result<PathBuf, String> {
    let dir = annotation.parent().unwrap_or(Path::new("."));
    if let Some(name) = named {
        return Ok(dir.join(name));
    }
    ["txt", "html", "htm", "md"]
        .iter()
        .map(|ext| annotation.with_extension(ext))
        .find(|p| p.is_file())
        .ok_or_else(|| format!("{}: no text beside it (.txt, .html, .md)", annotation.display()))
}

/// Case, width, white space and brackets' width set aside.
fn key(s: &str) -> String {
    let n = policylens_core::text::normalize(s);
    n.chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '“' | '”' | '「' | '」' | '《' | '》' => '"',
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && *c != '"')
        .collect::<String>()
        .trim_end_matches(['。', '；', ';', '.', '，', ','])
        .to_owned()
}

fn same(a: &str, b: &str) -> bool {
    key(a) == key(b)
}

fn same_link(a: &str, b: &str) -> bool {
    let k =
        |s: &str| key(s).trim_end_matches('/').trim_start_matches("https://").trim_start_matches("http://").to_owned();
    k(a) == k(b)
}

/// A name without a trailing `sdk`, `插件` or `组件`.
fn name_key(s: &str) -> String {
    let k = key(s);
    let mut k = k.as_str();
    for suffix in ["sdk", "插件", "组件", "服务"] {
        if let Some(rest) = k.strip_suffix(suffix) {
            if rest.chars().count() >= 2 {
                k = rest.trim_end_matches(['-', '_', '.']);
            }
        }
    }
    k.to_owned()
}

fn data_key(s: &str) -> String {
    let k = key(s);
    // `您上传的图片` and `上传的图片` are one item.
    let k = k.trim_start_matches("包括").trim_start_matches("收集").trim_start_matches("您的").trim_start_matches('您');
    let k = k.trim_end_matches("等信息").trim_end_matches("等数据").trim_end_matches('等');
    k.to_owned()
}

/// Gold row index → extracted SDK index, one to one, best match first.
fn pair(gold: &[GoldRow], got: &[Sdk], kb: &Kb) -> Vec<Option<usize>> {
    let canonical = |s: &str| kb.lookup(s).map(|e| e.canonical.to_string());
    let mut candidates: Vec<(u8, usize, usize)> = Vec::new();
    for (g, row) in gold.iter().enumerate() {
        let names: Vec<String> = std::iter::once(&row.name).chain(&row.also).map(|n| name_key(n)).collect();
        let gold_canon: Vec<String> =
            std::iter::once(&row.name).chain(&row.also).filter_map(|n| canonical(n)).collect();
        for (p, sdk) in got.iter().enumerate() {
            let have = name_key(&sdk.name);
            let score = if names.contains(&have) {
                3
            } else if sdk
                .canonical
                .as_ref()
                .or(canonical(&sdk.name).as_ref())
                .is_some_and(|c| gold_canon.iter().any(|g| g == c))
            {
                2
            } else if names.iter().any(|n| {
                n.chars().count() >= 2 && have.chars().count() >= 2 && (n.contains(&have) || have.contains(n.as_str()))
            }) {
                1
            } else {
                continue;
            };
            candidates.push((score, g, p));
        }
    }
    // Best score first; among equals, document order.
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut out = vec![None; gold.len()];
    let mut taken = vec![false; got.len()];
    for (_, g, p) in candidates {
        if out[g].is_none() && !taken[p] {
            out[g] = Some(p);
            taken[p] = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sdk(name: &str) -> Sdk {
        Sdk::named(name)
    }

    fn gold(name: &str) -> GoldRow {
        GoldRow {
            name: name.into(),
            also: vec![],
            provider: None,
            purpose: None,
            data: vec![],
            link: None,
            shape: "C".into(),
        }
    }

    #[test]
    fn names_pair_best_first_and_one_to_one() {
        let g = [gold("极光推送SDK"), gold("友盟统计"), gold("某某人脸核验SDK")];
        let p = [sdk("友盟+统计分析SDK"), sdk("JPush"), sdk("极光推送 sdk"), sdk("人脸核验")];
        let pairs = pair(&g, &p, Kb::builtin());
        assert_eq!(pairs, [Some(2), Some(0), Some(3)]);
    }

    #[test]
    fn data_items_compare_without_their_trailing_words() {
        assert_eq!(data_key("设备信息（IMEI、OAID）等"), data_key("设备信息(IMEI、OAID)"));
        assert_ne!(data_key("设备信息"), data_key("设备型号"));
        assert!(same_link("https://www.jiguang.cn/license/privacy/", "http://www.jiguang.cn/license/privacy"));
    }
}
