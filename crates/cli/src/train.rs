//! `policylens train capp130 DIR --out FILE`: learns the clause model
//! (`crates/core/data/clause_model.bin`) from the CAPP-130 topic labels.
//!
//! One logistic regression per topic, over the features of
//! `policylens_core::classify::model::inputs`, fitted by AdaGrad with class
//! weights (a topic is rare: without them the model learns to say no), in an
//! order shuffled by each clause's features, over the features seen at least
//! [`MIN_COUNT`] times. The features are pruned to the [`KEPT`] that weigh most, which keeps the file
//! small, and refitted. Each topic's cut maximises F1 on predictions for
//! policies the model did not see (an inner [`INNER_FOLDS`]-fold
//! cross-validation), so that it holds for new policies rather than for the
//! training set.
//!
//! Deterministic: same corpus, same file.

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

use policylens_core::classify::model::{self, ClauseModel, TOPICS};
use rayon::prelude::*;

use crate::capp::{self, Labels, Policy};

const N: usize = TOPICS.len();
/// Features kept in the shipped model. CAPP-130, 5-fold macro F1: all
/// ~100 000 features 0.773, 12 000 0.772, 8 000 0.770, 6 000 0.764,
/// 4 000 0.752. Each feature costs about 7 bytes of the wasm bundle.
const KEPT: usize = 8000;
/// A feature seen in fewer clauses is noise.
const MIN_COUNT: u32 = 3;
/// Four passes score as eight (0.772 either way, unpruned).
const EPOCHS: usize = 4;
const LEARNING_RATE: f32 = 0.3;
/// L2 penalty per example and step. 5-fold macro F1 on CAPP-130: 1e-5
/// 0.771, 3e-5 0.770, 1e-4 0.776, 3e-4 0.775, 1e-3 0.764.
const L2: f32 = 1e-4;
/// Orders of the examples fitted and averaged per topic.
const ORDERS: u64 = 3;
/// Folds of the inner cross-validation that sets the cuts.
const INNER_FOLDS: usize = 4;

/// One clause with its features and the labels of its sentences.
pub struct Example {
    pub features: Vec<(u64, f32)>,
    pub labels: Labels,
    pub policy: usize,
}

pub fn run(dir: &Path, out: &Path) -> Result<ExitCode, String> {
    let policies = capp::load(dir)?;
    let examples = examples(&policies);
    let all: Vec<&Example> = examples.iter().collect();
    let model = train(&all);
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!(
        "trained on {} policies, {} clauses: {} features, {} bytes written to {}",
        policies.len(),
        examples.len(),
        model.len(),
        bytes.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The clauses of every policy as the rules leave them, labelled with the
/// topics of their sentences.
pub fn examples(policies: &[Policy]) -> Vec<Example> {
    let per_policy: Vec<Vec<Example>> = policies
        .par_iter()
        .enumerate()
        .map(|(p, policy)| {
            let text = policy.text();
            let report = policylens_core::analyze_with(&text, "utf-8", &ClauseModel::empty());
            let normalized = policylens_core::segment::clause_texts(
                &text,
                &policylens_core::text::Lines::new(&text),
                &report.outline,
            );
            model::inputs(&report.outline, &normalized)
                .into_iter()
                .map(|c| {
                    let mut labels = [false; N];
                    for line in c.lines[0]..=c.lines[1] {
                        if let Some(g) = line.checked_sub(1).and_then(|i| policy.gold.get(i)) {
                            for (l, g) in labels.iter_mut().zip(g) {
                                *l |= *g;
                            }
                        }
                    }
                    Example { features: c.features, labels, policy: p }
                })
                .collect()
        })
        .collect();
    per_policy.into_iter().flatten().collect()
}

/// Trains a model on `examples`, cuts included.
pub fn train(examples: &[&Example]) -> ClauseModel {
    let cut = cuts(examples);
    let (keys, weights, bias) = fit_pruned(examples);
    ClauseModel::from_weights(keys, &weights, bias, cut)
}

/// Per topic, the cut that maximises F1 on out-of-fold scores.
fn cuts(examples: &[&Example]) -> [f32; N] {
    let mut scored: Vec<([f32; N], Labels)> = Vec::with_capacity(examples.len());
    for fold in 0..INNER_FOLDS {
        let (test, train): (Vec<&Example>, Vec<&Example>) =
            examples.iter().partition(|e| e.policy % INNER_FOLDS == fold);
        if test.is_empty() || train.is_empty() {
            continue;
        }
        let (keys, weights, bias) = fit_pruned(&train);
        let model = ClauseModel::from_weights(keys, &weights, bias, [0.0; N]);
        scored.extend(test.iter().map(|e| (model.scores(&e.features), e.labels)));
    }
    std::array::from_fn(|t| best_cut(scored.iter().map(|(s, l)| (s[t], l[t]))))
}

fn best_cut(points: impl Iterator<Item = (f32, bool)>) -> f32 {
    let mut points: Vec<(f32, bool)> = points.collect();
    if points.is_empty() {
        return 0.0;
    }
    points.sort_by(|a, b| b.0.total_cmp(&a.0));
    let positives = points.iter().filter(|p| p.1).count();
    // Sweep the cut down through the scores: predicted = the first i points.
    let (mut tp, mut best, mut best_f1) = (0usize, f32::INFINITY, -1.0f64);
    for (i, (score, label)) in points.iter().enumerate() {
        tp += usize::from(*label);
        let predicted = i + 1;
        #[allow(clippy::cast_precision_loss)]
        let f1 = 2.0 * tp as f64 / (predicted + positives) as f64;
        let next_differs = points.get(i + 1).is_none_or(|n| n.0 < *score);
        if next_differs && f1 > best_f1 {
            best_f1 = f1;
            // Halfway to the next score, so the cut does not sit on a point.
            best = points.get(i + 1).map_or(*score - 1.0, |n| (score + n.0) / 2.0);
        }
    }
    best
}

type Fitted = (Vec<u64>, Vec<[f32; N]>, [f32; N]);

/// Fits on every feature seen [`MIN_COUNT`] times, keeps the [`KEPT`] that
/// weigh most in any topic, and fits again on those alone.
fn fit_pruned(examples: &[&Example]) -> Fitted {
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for e in examples {
        for (k, _) in &e.features {
            *counts.entry(*k).or_default() += 1;
        }
    }
    let mut keys: Vec<u64> = counts.into_iter().filter(|(_, n)| *n >= MIN_COUNT).map(|(k, _)| k).collect();
    keys.sort_unstable();
    let (weights, _) = fit(examples, &keys);
    let mut order: Vec<usize> = (0..keys.len()).collect();
    let strength = |i: usize| weights[i].iter().fold(0.0f32, |m, w| m.max(w.abs()));
    order.sort_by(|&a, &b| strength(b).total_cmp(&strength(a)).then(a.cmp(&b)));
    order.truncate(KEPT);
    let mut kept: Vec<u64> = order.into_iter().map(|i| keys[i]).collect();
    kept.sort_unstable();
    let (weights, bias) = fit(examples, &kept);
    (kept, weights, bias)
}

/// Logistic regression per topic over `keys` (sorted), one topic a thread.
fn fit(examples: &[&Example], keys: &[u64]) -> (Vec<[f32; N]>, [f32; N]) {
    let rows: Vec<Vec<(u32, f32)>> = examples
        .iter()
        .map(|e| {
            e.features
                .iter()
                .filter_map(|(k, v)| keys.binary_search(k).ok().map(|i| (u32::try_from(i).unwrap_or(u32::MAX), *v)))
                .collect()
        })
        .collect();
    // The feature keys themselves, not their indices among `keys` (which
    // shift when a feature comes or goes).
    let content: Vec<u64> =
        examples.iter().map(|e| e.features.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &(k, _)| mix(h ^ k))).collect();
    let per_topic: Vec<(Vec<f32>, f32)> = (0..N)
        .into_par_iter()
        .map(|t| {
            let y: Vec<bool> = examples.iter().map(|e| e.labels[t]).collect();
            // Several orders, averaged: one order's luck moves a topic's F1
            // by up to 0.01.
            let fits: Vec<(Vec<f32>, f32)> =
                (0..ORDERS).map(|o| fit_topic(&rows, &content, o, &y, keys.len())).collect();
            #[allow(clippy::cast_precision_loss)]
            let n = ORDERS as f32;
            let w = (0..keys.len()).map(|j| fits.iter().map(|f| f.0[j]).sum::<f32>() / n).collect();
            (w, fits.iter().map(|f| f.1).sum::<f32>() / n)
        })
        .collect();
    let mut weights = vec![[0.0f32; N]; keys.len()];
    let mut bias = [0.0f32; N];
    for (t, (w, b)) in per_topic.into_iter().enumerate() {
        for (row, w) in weights.iter_mut().zip(w) {
            row[t] = w;
        }
        bias[t] = b;
    }
    (weights, bias)
}

/// AdaGrad on the class-weighted logistic loss, in an order shuffled by
/// `content`, a hash of each example's features.
fn fit_topic(rows: &[Vec<(u32, f32)>], content: &[u64], seed: u64, y: &[bool], dim: usize) -> (Vec<f32>, f32) {
    let positives = y.iter().filter(|v| **v).count().max(1);
    let negatives = (y.len() - positives.min(y.len())).max(1);
    #[allow(clippy::cast_precision_loss)]
    let (wp, wn) = (y.len() as f32 / (2.0 * positives as f32), y.len() as f32 / (2.0 * negatives as f32));
    let mut w = vec![0.0f32; dim];
    let mut g2 = vec![1e-6f32; dim];
    let (mut b, mut gb) = (0.0f32, 1e-6f32);
    // Each example's place in an epoch comes from its own features, not
    // from its index: a clause added or removed anywhere in the corpus
    // leaves the order of all others as it was. (An index shuffle reorders
    // everything: a change to a few policies moved topics' F1 everywhere.)
    let mut order: Vec<usize> = (0..rows.len()).collect();
    for epoch in 0..EPOCHS as u64 {
        let key = |i: usize| mix(content[i] ^ (seed * EPOCHS as u64 + epoch).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        order.sort_by_key(|&i| (key(i), i));
        for &i in &order {
            let z = b + rows[i].iter().map(|&(j, x)| w[j as usize] * x).sum::<f32>();
            let p = 1.0 / (1.0 + (-z).exp());
            let (target, weight) = if y[i] { (1.0, wp) } else { (0.0, wn) };
            let g = (p - target) * weight;
            for &(j, x) in &rows[i] {
                let j = j as usize;
                let grad = g * x + L2 * w[j];
                g2[j] += grad * grad;
                w[j] -= LEARNING_RATE * grad / g2[j].sqrt();
            }
            gb += g * g;
            b -= LEARNING_RATE * g / gb.sqrt();
        }
    }
    (w, b)
}

/// A bijective 64-bit mix (SplitMix64's finaliser): keys that differ in one
/// bit land far apart.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_cut_separates_the_positives() {
        let points = [(3.0, true), (2.0, true), (1.0, false), (0.5, true), (-1.0, false)];
        // Predicting the top two gives F1 0.8, the top four 0.857: the cut
        // falls between 0.5 and -1.0.
        assert_eq!(best_cut(points.into_iter()), -0.25);
    }

    #[test]
    fn learns_a_separable_topic() {
        let ex = |k: u64, yes: bool, policy: usize| {
            let mut labels = [false; N];
            labels[2] = yes;
            Example { features: vec![(k, 1.0)], labels, policy }
        };
        let examples: Vec<Example> = (0..40).map(|i| ex(if i % 2 == 0 { 7 } else { 9 }, i % 2 == 0, i % 8)).collect();
        let refs: Vec<&Example> = examples.iter().collect();
        let model = train(&refs);
        assert!(model.predict(&[(7, 1.0)])[2]);
        assert!(!model.predict(&[(9, 1.0)])[2]);
    }
}
