//! A learned linear model of what a clause is about, applied after the
//! keyword rules of [`crate::classify`].
//!
//! Why a model: word rules for nine broad topics reached macro F1 0.68 on
//! the CAPP-130 labels; sentences about sharing, storage or rights are said
//! in too many ways for a list of words. A logistic model over characters
//! and character pairs, the section's heading, the neighbouring clauses and
//! the rules' own verdicts, trained on CAPP-130 (EnlightenedAI/CAPP-130,
//! CC BY 4.0) and measured on policies it did not see (`policylens eval
//! capp130 DIR --folds 5`), does better on every topic.
//!
//! The model decides only the nine topics it was trained on ([`TOPICS`]);
//! the narrow categories (definitions, cookies, SDKs, transfers abroad…)
//! stay with the rules, and sections keep the categories their headings and
//! contents give them.
//!
//! The weights are data: `data/clause_model.bin`, written by `policylens
//! train capp130 DIR`. Its layout (little-endian):
//!
//! ```text
//! "PLCM" version:u32 topics:u32 keys:u32
//! per topic: bias:f32 scale:f32 cut:f32
//! keys: u64 × keys (sorted)      weights: i8 × keys × topics
//! ```
//!
//! A feature key packs a namespace and up to two characters:
//! `namespace << 42 | first << 21 | second`.

use std::sync::OnceLock;

use crate::report::{Node, NodeKind, Span};
use crate::rules::ClauseTexts;
use crate::text::normalize;

/// The topics the model decides, in the order of its weights.
pub const TOPICS: [&str; 9] =
    ["collection", "permissions", "sharing", "storage", "security", "minors", "rights", "contact", "updates"];

const N: usize = TOPICS.len();

/// Feature namespaces.
const TEXT_CHAR: u64 = 0;
const TEXT_PAIR: u64 = 1;
const HEADING_PAIR: u64 = 2;
const RULE_VERDICT: u64 = 3;
const PREVIOUS_PAIR: u64 = 4;
const NEXT_PAIR: u64 = 5;

/// Neighbouring clauses count half as much as the clause itself.
const NEIGHBOUR_WEIGHT: f32 = 0.5;

fn key(namespace: u64, first: u32, second: u32) -> u64 {
    namespace << 42 | u64::from(first) << 21 | u64::from(second)
}

/// What the model reads of one clause: sorted, unique keys with values.
pub type Features = Vec<(u64, f32)>;

/// The linear model: per topic a bias, and per key one quantised weight.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseModel {
    keys: Vec<u64>,
    weights: Vec<[i8; N]>,
    bias: [f32; N],
    scale: [f32; N],
    /// A topic is predicted when its score exceeds its cut (a logit).
    cut: [f32; N],
}

static SHIPPED: &[u8] = include_bytes!("../data/clause_model.bin");

impl ClauseModel {
    /// The model built into PolicyLens.
    pub fn shipped() -> &'static ClauseModel {
        static MODEL: OnceLock<ClauseModel> = OnceLock::new();
        // The file is checked by a unit test; a broken one would leave the
        // rules' verdicts alone rather than fail the analysis.
        MODEL.get_or_init(|| ClauseModel::from_bytes(SHIPPED).unwrap_or_else(|_| ClauseModel::empty()))
    }

    /// A model that predicts nothing: [`apply`] then keeps the rules' verdicts.
    pub fn empty() -> ClauseModel {
        ClauseModel { keys: Vec::new(), weights: Vec::new(), bias: [0.0; N], scale: [0.0; N], cut: [f32::INFINITY; N] }
    }

    /// Quantises trained weights (one row of `N` per key, keys sorted and
    /// unique) to one byte each, per topic scaled by its largest weight.
    pub fn from_weights(keys: Vec<u64>, weights: &[[f32; N]], bias: [f32; N], cut: [f32; N]) -> ClauseModel {
        let mut scale = [0.0f32; N];
        for row in weights {
            for (s, w) in scale.iter_mut().zip(row) {
                *s = s.max(w.abs() / 127.0);
            }
        }
        let weights = weights
            .iter()
            .map(|row| {
                let mut q = [0i8; N];
                for ((q, w), s) in q.iter_mut().zip(row).zip(&scale) {
                    // In range by construction of `scale`.
                    #[allow(clippy::cast_possible_truncation)]
                    let v = if *s > 0.0 { (w / s).round().clamp(-127.0, 127.0) as i8 } else { 0 };
                    *q = v;
                }
                q
            })
            .collect();
        ClauseModel { keys, weights, bias, scale, cut }
    }

    /// Parses the file layout described in the module documentation.
    pub fn from_bytes(bytes: &[u8]) -> Result<ClauseModel, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != b"PLCM" {
            return Err("not a PolicyLens clause model".into());
        }
        let version = r.u32()?;
        if version != 1 {
            return Err(format!("clause model version {version} is not supported"));
        }
        if r.u32()? as usize != N {
            return Err("clause model has the wrong number of topics".into());
        }
        let n = r.u32()? as usize;
        let (mut bias, mut scale, mut cut) = ([0.0; N], [0.0; N], [0.0; N]);
        for t in 0..N {
            bias[t] = r.f32()?;
            scale[t] = r.f32()?;
            cut[t] = r.f32()?;
        }
        let keys: Vec<u64> = (0..n).map(|_| r.u64()).collect::<Result<_, _>>()?;
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err("clause model keys are not sorted".into());
        }
        let raw = r.take(n * N)?;
        let weights = raw
            .chunks_exact(N)
            .map(|c| {
                let mut row = [0i8; N];
                for (w, b) in row.iter_mut().zip(c) {
                    *w = i8::from_le_bytes([*b]);
                }
                row
            })
            .collect();
        if r.at != bytes.len() {
            return Err("clause model has trailing bytes".into());
        }
        Ok(ClauseModel { keys, weights, bias, scale, cut })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + 12 * N + self.keys.len() * (8 + N));
        out.extend_from_slice(b"PLCM");
        out.extend_from_slice(&1u32.to_le_bytes());
        for n in [N, self.keys.len()] {
            out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
        }
        for t in 0..N {
            for v in [self.bias[t], self.scale[t], self.cut[t]] {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        for k in &self.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for row in &self.weights {
            out.extend(row.iter().map(|w| w.to_le_bytes()[0]));
        }
        out
    }

    /// Number of weighted features.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The score (a logit) of every topic.
    pub fn scores(&self, features: &[(u64, f32)]) -> [f32; N] {
        let mut sum = [0.0f32; N];
        for (k, v) in features {
            if let Ok(i) = self.keys.binary_search(k) {
                for (s, w) in sum.iter_mut().zip(&self.weights[i]) {
                    *s += f32::from(*w) * v;
                }
            }
        }
        let mut out = self.bias;
        for t in 0..N {
            out[t] += sum[t] * self.scale[t];
        }
        out
    }

    /// The topics whose score passes their cut.
    pub fn predict(&self, features: &[(u64, f32)]) -> [bool; N] {
        let s = self.scores(features);
        std::array::from_fn(|t| s[t] > self.cut[t])
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("clause model is truncated")?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn array<const K: usize>(&mut self) -> Result<[u8; K], String> {
        let mut a = [0u8; K];
        a.copy_from_slice(self.take(K)?);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.array()?))
    }
}

/// One clause as the model sees it, in document order.
#[derive(Debug, Clone)]
pub struct ClauseInput {
    pub span: Span,
    pub lines: [usize; 2],
    pub features: Features,
}

/// Where a clause sits: its text's pairs, its headings' pairs and the
/// rules' verdicts, before neighbours are added.
struct Own {
    span: Span,
    lines: [usize; 2],
    chars: Vec<u32>,
    pairs: Vec<u32x2>,
    headings: Vec<u32x2>,
    verdicts: Vec<(u32, u32)>,
}

#[allow(non_camel_case_types)]
type u32x2 = (u32, u32);

/// The features of every clause of `outline`, in document order. Reads the
/// categories the rules gave clauses and sections, so call it after
/// [`crate::classify::classify`] and before [`apply`].
pub fn inputs(outline: &[Node], normalized: &ClauseTexts) -> Vec<ClauseInput> {
    let mut own = Vec::new();
    let mut headings: Vec<String> = Vec::new();
    for doc in outline {
        collect(doc, normalized, &mut headings, &mut own);
    }
    own.sort_by_key(|o| o.span.start);
    (0..own.len())
        .map(|i| {
            let o = &own[i];
            let mut f: Vec<(u64, f32)> = Vec::new();
            let mut block = |namespace: u64, items: &mut dyn Iterator<Item = u32x2>, weight: f32| {
                let start = f.len();
                f.extend(items.map(|(a, b)| (key(namespace, a, b), 0.0)));
                let mut added: Vec<(u64, f32)> = f.split_off(start);
                added.sort_unstable_by_key(|x| x.0);
                added.dedup_by_key(|x| x.0);
                // Each block has unit length, so a long clause does not
                // outweigh its heading.
                #[allow(clippy::cast_precision_loss)]
                let v = weight / (added.len().max(1) as f32).sqrt();
                f.extend(added.into_iter().map(|(k, _)| (k, v)));
            };
            block(TEXT_CHAR, &mut o.chars.iter().map(|&c| (0, c)), 1.0);
            block(TEXT_PAIR, &mut o.pairs.iter().copied(), 1.0);
            block(HEADING_PAIR, &mut o.headings.iter().copied(), 1.0);
            block(RULE_VERDICT, &mut o.verdicts.iter().copied(), 1.0);
            if let Some(p) = i.checked_sub(1).and_then(|p| own.get(p)) {
                block(PREVIOUS_PAIR, &mut p.pairs.iter().copied(), NEIGHBOUR_WEIGHT);
            }
            if let Some(n) = own.get(i + 1) {
                block(NEXT_PAIR, &mut n.pairs.iter().copied(), NEIGHBOUR_WEIGHT);
            }
            f.sort_unstable_by_key(|x| x.0);
            ClauseInput { span: o.span, lines: o.lines, features: f }
        })
        .collect()
}

fn pairs_of(s: &str) -> Vec<u32x2> {
    let chars: Vec<u32> = s.chars().map(u32::from).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

fn category_index(c: &str) -> u32 {
    crate::classify::CATEGORIES.iter().position(|k| *k == c).map_or(u32::MAX >> 11, |i| i as u32)
}

fn collect(node: &Node, normalized: &ClauseTexts, headings: &mut Vec<String>, out: &mut Vec<Own>) {
    let is_section = node.kind == NodeKind::Section;
    if is_section {
        headings.push(normalize(node.heading.as_deref().unwrap_or("")));
    }
    let heading_pairs: Vec<u32x2> = headings.iter().flat_map(|h| pairs_of(h)).collect();
    for c in &node.clauses {
        let owned;
        let norm = match normalized.binary_search_by_key(&c.span, |(span, _)| *span) {
            Ok(i) => normalized[i].1.as_str(),
            Err(_) => {
                owned = String::new();
                owned.as_str()
            }
        };
        let verdicts = c
            .categories
            .iter()
            .map(|k| (0, category_index(k)))
            .chain(node.categories.iter().map(|k| (1, category_index(k))))
            .collect();
        out.push(Own {
            span: c.span,
            lines: c.lines,
            chars: norm.chars().map(u32::from).collect(),
            pairs: pairs_of(norm),
            headings: heading_pairs.clone(),
            verdicts,
        });
    }
    for child in &node.children {
        collect(child, normalized, headings, out);
    }
    if is_section {
        headings.pop();
    }
}

/// Replaces the rules' verdicts on the model's topics with the model's, for
/// every clause of `outline`; `inputs` come from [`inputs`] on the same
/// outline.
pub fn apply(model: &ClauseModel, outline: &mut [Node], inputs: &[ClauseInput]) {
    if model.is_empty() {
        return;
    }
    let mut verdicts: Vec<(Span, [bool; N])> = inputs.iter().map(|c| (c.span, model.predict(&c.features))).collect();
    verdicts.sort_by_key(|v| v.0.start);
    for doc in outline {
        assign(doc, &verdicts);
    }
}

fn assign(node: &mut Node, verdicts: &[(Span, [bool; N])]) {
    for c in &mut node.clauses {
        let Ok(i) = verdicts.binary_search_by_key(&c.span.start, |v| v.0.start) else { continue };
        let topics = &verdicts[i].1;
        // A definition stays a definition: what it defines is not its topic.
        if c.categories.iter().any(|k| k == "definitions") {
            continue;
        }
        c.categories.retain(|k| !TOPICS.contains(&k.as_str()));
        for (t, on) in TOPICS.iter().zip(topics) {
            if *on {
                c.categories.push((*t).to_owned());
            }
        }
        c.categories.sort_by_key(|k| category_index(k));
    }
    for child in &mut node.children {
        assign(child, verdicts);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each clause's categories after the rules and the shipped model.
    fn clause_categories(text: &str) -> Vec<Vec<String>> {
        fn walk(n: &Node, out: &mut Vec<Vec<String>>) {
            out.extend(n.clauses.iter().map(|c| c.categories.clone()));
            n.children.iter().for_each(|c| walk(c, out));
        }
        let mut out = Vec::new();
        crate::analyze(text).outline.iter().for_each(|d| walk(d, &mut out));
        out
    }

    #[test]
    fn the_shipped_model_loads() {
        let m = ClauseModel::from_bytes(SHIPPED).unwrap();
        assert_eq!(m.len(), 8000);
        assert!(m.cut.iter().all(|c| c.is_finite()));
        assert_eq!(ClauseModel::shipped(), &m);
    }

    #[test]
    fn bytes_round_trip_and_bad_bytes_are_refused() {
        let m = ClauseModel::from_weights(vec![3, 9], &[[0.5; N], [-1.0; N]], [0.1; N], [0.2; N]);
        let bytes = m.to_bytes();
        assert_eq!(ClauseModel::from_bytes(&bytes).unwrap(), m);
        assert_eq!(ClauseModel::from_bytes(&bytes[..20]).unwrap_err(), "clause model is truncated");
        assert_eq!(ClauseModel::from_bytes(b"GIF89a").unwrap_err(), "not a PolicyLens clause model");
        let mut extra = bytes.clone();
        extra.push(0);
        assert_eq!(ClauseModel::from_bytes(&extra).unwrap_err(), "clause model has trailing bytes");
    }

    #[test]
    fn quantised_scores_follow_the_weights() {
        let m = ClauseModel::from_weights(vec![3, 9], &[[0.5; N], [-1.0; N]], [0.1; N], [0.2; N]);
        assert!((m.scores(&[(3, 1.0)])[0] - 0.6).abs() < 0.01);
        assert!((m.scores(&[(9, 0.5), (42, 1.0)])[4] + 0.4).abs() < 0.01);
        assert_eq!(m.predict(&[(3, 1.0)]), [true; N]);
        assert_eq!(m.predict(&[(9, 1.0)]), [false; N]);
    }

    #[test]
    fn features_are_sorted_unique_and_see_heading_and_neighbours() {
        let text =
            "示例隐私政策\n一、我们如何共享您的信息\n我们不会向第三方出售您的信息。\n我们会与合作伙伴签署协议。\n";
        let report = crate::analyze_with(text, "utf-8", &ClauseModel::empty());
        let norm = crate::rules::normalized_clauses(text, &report.outline);
        let clauses = inputs(&report.outline, &norm);
        assert_eq!(clauses.len(), 2);
        assert_eq!(clauses[0].lines, [3, 3]);
        let f = &clauses[0].features;
        assert!(f.windows(2).all(|w| w[0].0 < w[1].0));
        let has = |ns: u64, a: char, b: char| f.iter().any(|(k, _)| *k == key(ns, a as u32, b as u32));
        assert!(has(TEXT_PAIR, '出', '售'));
        assert!(has(HEADING_PAIR, '共', '享'));
        assert!(has(NEXT_PAIR, '伙', '伴'));
        assert!(!has(PREVIOUS_PAIR, '伙', '伴'));
        // The rules' verdict: the sharing chapter gives its clause sharing.
        assert!(f.iter().any(|(k, _)| *k == key(RULE_VERDICT, 0, category_index("sharing"))));
    }

    /// Sentences of kinds the keyword rules missed or mislabelled on
    /// CAPP-130, in the words of other policies.
    #[test]
    fn the_model_reads_what_keywords_miss() {
        let text = "某某隐私政策\n一、我们如何收集和使用您的个人信息\n在您注册账号时，您需要提供手机号码。\n我们仅在本政策所述目的所必需的期间内保留您的个人信息，超出期限后我们将删除或匿名化处理。\n经您授权后，我们会将您的订单信息提供给商家以完成配送。\n";
        let cats = clause_categories(text);
        assert_eq!(cats[0], ["collection"]);
        assert!(cats[1].contains(&"storage".to_owned()), "{cats:?}");
        assert!(cats[2].contains(&"sharing".to_owned()), "{cats:?}");
    }

    #[test]
    fn definitions_stay_definitions() {
        let text = "示例隐私政策\n一、联系我们\n儿童：指不满十四周岁的未成年人。\n邮箱：a@example.com\n";
        assert_eq!(clause_categories(text), [vec!["definitions".to_owned()], vec!["contact".to_owned()]]);
    }
}
