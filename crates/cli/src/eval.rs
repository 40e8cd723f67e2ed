//! `policylens eval capp130 DIR`: clause classification measured against
//! the CAPP-130 topic labels (EnlightenedAI/CAPP-130, CC BY 4.0).
//!
//! Each policy's sentences are joined by newlines, as a reader would paste
//! them; a sentence's predicted categories are those of the clauses on its
//! line. Topics map to the taxonomy as the issue specifies; a sentence counts
//! once per category.
//!
//! The shipped clause model was trained on this corpus, so measuring it here
//! flatters it. `--folds K` measures what holds for unseen policies: policy
//! `i` falls in fold `i mod K`, and each fold is analysed with a model
//! trained on the other folds only. `--rules` measures the keyword rules
//! without any model.
//!
//! `--agreement` measures the labels rather than PolicyLens: how far the
//! annotators agree with themselves. Many sentences occur word for word in
//! several policies (shared templates); each such occurrence is "predicted"
//! by the majority of that sentence's labels in the other policies, first
//! for the sentence alone, then only where its neighbours are the same
//! too (macro F1 0.816 for the sentence alone when this was written). No
//! classifier of sentences can expect to beat these figures on unseen
//! policies by much: they bound what the labels can confirm.

use std::path::Path;
use std::process::ExitCode;

use policylens_core::classify::model::{ClauseModel, TOPICS};
use policylens_core::Node;

use crate::capp::{self, Labels, Policy};
use crate::train;

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

pub enum Model {
    Shipped,
    Rules,
    Folds(usize),
    Agreement,
}

pub fn run(dir: &Path, model: Model, errors: Option<&Path>) -> Result<ExitCode, String> {
    // `--errors FILE` writes each misclassified sentence as a TSV line
    // (file, line, category, fp|fn, text), for error analysis.
    let mut errors = errors
        .map(|p| std::fs::File::create(p).map_err(|e| format!("cannot write {}: {e}", p.display())))
        .transpose()?;
    let policies = capp::load(dir)?;
    if let Model::Agreement = model {
        agreement(&policies);
        return Ok(ExitCode::SUCCESS);
    }
    let mut counts = [Counts::default(); TOPICS.len()];
    let mut sentences = 0;
    let mut measure = |policy: &Policy, model: &ClauseModel| -> Result<(), String> {
        sentences += policy.sentences.len();
        eval_policy(policy, model, &mut counts, errors.as_mut())
    };
    let how = match model {
        Model::Shipped => {
            for p in &policies {
                measure(p, ClauseModel::shipped())?;
            }
            "shipped model (trained on this corpus: not a measure of unseen policies)".to_owned()
        }
        Model::Rules => {
            for p in &policies {
                measure(p, &ClauseModel::empty())?;
            }
            "keyword rules only".to_owned()
        }
        Model::Agreement => unreachable!("handled above"),
        Model::Folds(k) => {
            let examples = train::examples(&policies);
            for fold in 0..k {
                let seen: Vec<&train::Example> = examples.iter().filter(|e| e.policy % k != fold).collect();
                let model = train::train(&seen);
                for p in policies.iter().enumerate().filter(|(i, _)| i % k == fold).map(|(_, p)| p) {
                    measure(p, &model)?;
                }
            }
            format!("{k}-fold cross-validation by policy")
        }
    };
    println!("CAPP-130 clause classification: {} policies, {sentences} sentences; {how}", policies.len());
    print_table(&counts);
    Ok(ExitCode::SUCCESS)
}

/// Per category precision, recall, F1 and gold count, then the macro F1
/// (the last line; tests read it there).
fn print_table(counts: &[Counts; TOPICS.len()]) {
    println!("{:<12} {:>9} {:>9} {:>9} {:>7}", "category", "precision", "recall", "F1", "gold");
    let mut f1s = Vec::new();
    for (cat, c) in TOPICS.iter().zip(counts) {
        let p = ratio(c.tp, c.tp + c.fp);
        let r = ratio(c.tp, c.tp + c.fn_);
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        f1s.push(f1);
        println!("{cat:<12} {p:>9.3} {r:>9.3} {f1:>9.3} {:>7}", c.tp + c.fn_);
    }
    #[allow(clippy::cast_precision_loss)]
    let macro_f1 = f1s.iter().sum::<f64>() / f1s.len() as f64;
    println!("{:<12} {:>29.3}", "macro F1", macro_f1);
}

impl Counts {
    fn add(&mut self, gold: bool, predicted: bool) -> Option<&'static str> {
        match (gold, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => {
                self.fp += 1;
                return Some("fp");
            }
            (true, false) => {
                self.fn_ += 1;
                return Some("fn");
            }
            (false, false) => {}
        }
        None
    }
}

/// The annotators' agreement with themselves (see the module comment):
/// one table for sentences shared word for word between policies, one for
/// those shared with both neighbours.
fn agreement(policies: &[Policy]) {
    use std::collections::HashMap;
    // The text an occurrence is matched by: the sentence, or the sentence
    // with its neighbours.
    let key = |p: &Policy, i: usize, with_neighbours: bool| {
        let at = |j: Option<usize>| j.and_then(|j| p.sentences.get(j)).map_or("", |s| s.trim());
        if with_neighbours {
            format!("{}\n{}\n{}", at(i.checked_sub(1)), at(Some(i)), at(Some(i + 1)))
        } else {
            at(Some(i)).to_owned()
        }
    };
    for (what, with_neighbours) in
        [("the same sentence", false), ("the same sentence between the same neighbours", true)]
    {
        // Per distinct text: each occurrence's policy and labels.
        let mut seen: HashMap<String, Vec<(usize, Labels)>> = HashMap::new();
        for (p, policy) in policies.iter().enumerate() {
            for (i, gold) in policy.gold.iter().enumerate() {
                seen.entry(key(policy, i, with_neighbours)).or_default().push((p, *gold));
            }
        }
        let mut counts = [Counts::default(); TOPICS.len()];
        let mut occurrences = 0;
        for found in seen.values() {
            for (p, gold) in found {
                let others: Vec<&Labels> = found.iter().filter(|(q, _)| q != p).map(|(_, l)| l).collect();
                if others.is_empty() {
                    continue;
                }
                occurrences += 1;
                for (t, c) in counts.iter_mut().enumerate() {
                    let votes = others.iter().filter(|l| l[t]).count();
                    c.add(gold[t], 2 * votes > others.len());
                }
            }
        }
        println!(
            "CAPP-130 label agreement: {} policies, {occurrences} occurrences of {what} in another policy, \
             labelled as the majority of the other policies label it",
            policies.len()
        );
        print_table(&counts);
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn eval_policy(
    policy: &Policy,
    model: &ClauseModel,
    counts: &mut [Counts],
    errors: Option<&mut std::fs::File>,
) -> Result<(), String> {
    let report = policylens_core::analyze_with(&policy.text(), "utf-8", model);
    let mut predicted: Vec<Labels> = vec![[false; TOPICS.len()]; policy.sentences.len()];
    fn walk(n: &Node, predicted: &mut [Labels]) {
        for c in &n.clauses {
            for line in c.lines[0]..=c.lines[1] {
                if let Some(set) = line.checked_sub(1).and_then(|i| predicted.get_mut(i)) {
                    for cat in &c.categories {
                        if let Some(i) = TOPICS.iter().position(|k| k == cat) {
                            set[i] = true;
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
    let mut errors = errors;
    for (line, (g, p)) in policy.gold.iter().zip(&predicted).enumerate() {
        for (i, c) in counts.iter_mut().enumerate() {
            let Some(kind) = c.add(g[i], p[i]) else { continue };
            if let Some(out) = errors.as_deref_mut() {
                use std::io::Write;
                writeln!(out, "{}\t{}\t{}\t{kind}\t{}", policy.name, line + 1, TOPICS[i], policy.sentences[line])
                    .map_err(|e| format!("cannot write errors: {e}"))?;
            }
        }
    }
    Ok(())
}
