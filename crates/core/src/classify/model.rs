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
//! keys:    the first key, then each key's distance from the one before,
//!          as LEB128 varints (the keys are sorted and unique)
//! weights: one signed nibble (−7…7) per key and topic, key by key, the
//!          low nibble first; a last odd nibble is padded with 0
//! ```
//!
//! Both choices are about the wasm bundle: sorted keys as deltas take 19 KB
//! instead of 64, and a nibble per weight 36 KB instead of 72. Sixteen
//! levels instead of 255 cost 0.002 of 5-fold macro F1 on CAPP-130.
//!
//! A feature key packs a namespace and up to two characters:
//! `namespace << 42 | first << 21 | second`.
//!
//! [`inputs`] (training) spells out the feature blocks that [`apply`]
//! (prediction) sums; the unit test `apply_decides_as_the_features_say`
//! checks that both decide alike on taobao.txt. Changing a feature means
//! retraining (`policylens train capp130 tests/corpus/capp130 --out
//! crates/core/data/clause_model.bin`); the CLI test
//! `eval_capp130_shipped_model` fails when the shipped file no longer fits the
//! features.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::ClauseSignals;
use crate::report::{Category, Clause, Node, NodeKind, Span};
use crate::scan::ClauseTexts;
use crate::text::normalize;

/// The topics the model decides, in the order of its weights.
pub const TOPICS: [Category; 9] = [
    Category::Collection,
    Category::Permissions,
    Category::Sharing,
    Category::Storage,
    Category::Security,
    Category::Minors,
    Category::Rights,
    Category::Contact,
    Category::Updates,
];

const N: usize = TOPICS.len();
const CONTACT: usize = 7;
const _: () = assert!(matches!(TOPICS[CONTACT], Category::Contact));
const RIGHTS: usize = 6;
const _: () = assert!(matches!(TOPICS[RIGHTS], Category::Rights));

/// Feature namespaces.
const TEXT_CHAR: u64 = 0;
const TEXT_PAIR: u64 = 1;
const HEADING_PAIR: u64 = 2;
const RULE_VERDICT: u64 = 3;
const PREVIOUS_PAIR: u64 = 4;
const NEXT_PAIR: u64 = 5;

/// A weight is stored as a multiple of its topic's scale, −LEVELS…LEVELS.
const LEVELS: f32 = 7.0;
const VERSION: u32 = 2;

/// Neighbouring clauses count half as much as the clause itself.
const NEIGHBOUR_WEIGHT: f32 = 0.5;

fn key(namespace: u64, first: u32, second: u32) -> u64 {
    namespace << 42 | u64::from(first) << 21 | u64::from(second)
}

/// What the model reads of one clause: keys with values, sorted by key (a
/// key repeats when its pair does).
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
    /// Characters, headings and verdicts: key → index into `weights`. A
    /// lookup per character and pair is the model's whole cost.
    table: Table,
    /// A pair's three weight rows (in the clause, before it, after it)
    /// under one key: one lookup instead of three.
    pair_table: Table,
    pair_rows: Vec<[u32; 3]>,
    /// The same three rows' weights side by side, packed ([`pack`]), by the
    /// pair's entry: the clause walk reads one row instead of following
    /// three indices into `weights`, and adds it with four additions.
    pair_weights: Vec<[u64; PAIR_WORDS]>,
    /// The weights of the character keys (the first keys), packed.
    char_weights: Vec<[u64; CHAR_WORDS]>,
    /// The row of each character below [`CHAR_TABLE`] (`u16::MAX`: none),
    /// read directly instead of hashed: a clause's characters are the most
    /// looked-up keys. Empty when the rows do not fit in `u16`.
    chars: Vec<u16>,
}

/// Characters with a direct row: below U+A000, every ideograph of the
/// basic block and everything before it.
const CHAR_TABLE: usize = 0xA000;

/// The row of every character key below [`CHAR_TABLE`], by code point.
fn char_rows(keys: &[u64]) -> Vec<u16> {
    let mut rows = vec![u16::MAX; CHAR_TABLE];
    // Character keys are the namespace's first: sorted, they lead the keys.
    for (i, &k) in keys.iter().enumerate().take_while(|(_, k)| **k >> 21 == TEXT_CHAR) {
        let Some(r) = u16::try_from(i).ok().filter(|r| *r != u16::MAX) else { return Vec::new() };
        if let Some(slot) = usize::try_from(k).ok().and_then(|k| rows.get_mut(k)) {
            *slot = r;
        }
    }
    rows
}

const PAIR_NAMESPACES: [u64; 3] = [TEXT_PAIR, PREVIOUS_PAIR, NEXT_PAIR];
const LOW_42: u64 = (1 << 42) - 1;

/// The lookup tables of `keys`.
fn index(keys: &[u64]) -> (Table, Table, Vec<[u32; 3]>) {
    let (pairs, rows) = pair_rows(keys);
    let others: Vec<(u64, u32)> =
        keys.iter().zip(0u32..).filter(|(k, _)| !PAIR_NAMESPACES.contains(&(*k >> 42))).map(|(k, i)| (*k, i)).collect();
    let pair_entries: Vec<(u64, u32)> = pairs.iter().copied().zip(0u32..).collect();
    (Table::new(&others), Table::new(&pair_entries), rows)
}

/// Every pair of the three pair namespaces, sorted, with its row in each
/// (`NO_ROW` where that namespace lacks it). `keys` are sorted, so each
/// namespace's pairs are a sorted run: the three runs are merged in one pass
/// (sorting all pairs and a binary search per pair and namespace were a
/// tenth of the first analysis's cost).
fn pair_rows(keys: &[u64]) -> (Vec<u64>, Vec<[u32; 3]>) {
    let runs =
        PAIR_NAMESPACES.map(|ns| keys.partition_point(|k| k >> 42 < ns)..keys.partition_point(|k| k >> 42 <= ns));
    let mut at = runs.clone().map(|r| r.start);
    let head = |at: &[usize; 3], j: usize| (at[j] < runs[j].end).then(|| keys[at[j]] & LOW_42);
    let mut pairs = Vec::new();
    let mut rows = Vec::new();
    while let Some(p) = (0..3).filter_map(|j| head(&at, j)).min() {
        let row = std::array::from_fn(|j| {
            if head(&at, j) != Some(p) {
                return NO_ROW;
            }
            at[j] += 1;
            u32::try_from(at[j] - 1).unwrap_or(NO_ROW)
        });
        pairs.push(p);
        rows.push(row);
    }
    (pairs, rows)
}

/// A hash table of the model's keys, with a bit filter in front: most
/// pairs of a clause are not in the model, and the filter (8 KiB, in the
/// cache) answers them without touching the table. A key (45 bits: a
/// namespace below 8 and two code points) and its entry number (below
/// 2^19) share one `u64` a slot: the pair table, probed at most of a
/// clause's character pairs, is 256 KiB instead of 512 with a slot of a
/// `(u64, u32)`.
#[derive(Debug, Clone, PartialEq)]
struct Table {
    slots: Vec<u64>,
    filter: Vec<u64>,
}

const KEY_BITS: u32 = 45;
const VALUE_BITS: u32 = 64 - KEY_BITS;
/// No key of the model is all ones: a namespace is below 6.
const EMPTY_SLOT: u64 = u64::MAX;
/// What `pair_rows` puts where a namespace lacks a pair.
const NO_ROW: u32 = u32::MAX;
const FILTER_BITS: usize = 1 << 16;

fn hash(key: u64) -> u64 {
    // Fibonacci hashing: the top bits of the product are well mixed.
    key.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl Table {
    /// A table of `entries`: key → entry number. An entry that does not fit
    /// (a key of 45 bits all ones or more, a number from 2^19 on: a model
    /// file that is not the shipped one's kind; the shipped one has tens of
    /// thousands of keys) is left out, and its key is then not in the model.
    fn new(entries: &[(u64, u32)]) -> Table {
        let fits = |&&(k, v): &&(u64, u32)| k < (1 << KEY_BITS) - 1 && v < 1 << VALUE_BITS;
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![EMPTY_SLOT; size];
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for &(k, value) in entries.iter().filter(fits) {
            let h = hash(k);
            let bit = Self::filter_bit(h);
            filter[bit / 64] |= 1 << (bit % 64);
            let mut s = Self::slot(h, size - 1);
            while slots[s] != EMPTY_SLOT {
                s = (s + 1) & (size - 1);
            }
            slots[s] = k << VALUE_BITS | u64::from(value);
        }
        Table { slots, filter }
    }

    #[allow(clippy::cast_possible_truncation)]
    fn slot(h: u64, mask: usize) -> usize {
        (h >> 32) as usize & mask
    }

    #[allow(clippy::cast_possible_truncation)]
    fn filter_bit(h: u64) -> usize {
        (h >> 48) as usize
    }

    /// The entry number of `key`.
    #[allow(clippy::cast_possible_truncation)] // reason: 19 bits
    fn get(&self, key: u64) -> Option<usize> {
        let h = hash(key);
        let bit = Self::filter_bit(h);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut s = Self::slot(h, mask);
        loop {
            let slot = self.slots[s];
            if slot == EMPTY_SLOT {
                return None;
            }
            if slot >> VALUE_BITS == key {
                return Some((slot & ((1 << VALUE_BITS) - 1)) as usize);
            }
            s = (s + 1) & mask;
        }
    }
}

#[cfg(not(feature = "external-model"))]
static SHIPPED: &[u8] = include_bytes!("../../data/clause_model.bin");

/// The model a caller installed (feature `external-model`).
#[cfg(feature = "external-model")]
static INSTALLED: OnceLock<ClauseModel> = OnceLock::new();

/// Installs the shipped model's bytes (`data/clause_model.bin`), where the
/// build leaves them out (feature `external-model`: the web app fetches the
/// file beside its wasm). The first installed model stays.
#[cfg(feature = "external-model")]
pub fn install(bytes: &[u8]) -> Result<(), String> {
    let model = ClauseModel::from_bytes(bytes)?;
    let _ = INSTALLED.set(model);
    Ok(())
}

impl ClauseModel {
    /// The model built into PolicyLens.
    #[cfg(not(feature = "external-model"))]
    pub fn shipped() -> &'static ClauseModel {
        static MODEL: OnceLock<ClauseModel> = OnceLock::new();
        // The file is checked by a unit test; a broken one would leave the
        // rules' verdicts alone rather than fail the analysis.
        MODEL.get_or_init(|| ClauseModel::from_bytes(SHIPPED).unwrap_or_else(|_| ClauseModel::empty()))
    }

    /// The installed model, or until one is, the empty model (the rules'
    /// topics stand).
    #[cfg(feature = "external-model")]
    pub fn shipped() -> &'static ClauseModel {
        static EMPTY: OnceLock<ClauseModel> = OnceLock::new();
        INSTALLED.get().unwrap_or_else(|| EMPTY.get_or_init(ClauseModel::empty))
    }

    /// A model that predicts nothing: [`apply`] then keeps the rules' verdicts.
    pub fn empty() -> ClauseModel {
        ClauseModel {
            keys: Vec::new(),
            weights: Vec::new(),
            bias: [0.0; N],
            scale: [0.0; N],
            cut: [f32::INFINITY; N],
            table: Table::new(&[]),
            pair_table: Table::new(&[]),
            pair_rows: Vec::new(),
            pair_weights: Vec::new(),
            char_weights: Vec::new(),
            chars: Vec::new(),
        }
    }

    /// Quantises trained weights (one row of `N` per key, keys sorted and
    /// unique) to [`LEVELS`] steps each way, per topic scaled by its
    /// largest weight.
    pub fn from_weights(keys: Vec<u64>, weights: &[[f32; N]], bias: [f32; N], cut: [f32; N]) -> ClauseModel {
        let mut scale = [0.0f32; N];
        for row in weights {
            for (s, w) in scale.iter_mut().zip(row) {
                *s = s.max(w.abs() / LEVELS);
            }
        }
        let weights = weights
            .iter()
            .map(|row| {
                let mut q = [0i8; N];
                for ((q, w), s) in q.iter_mut().zip(row).zip(&scale) {
                    // In range by construction of `scale`.
                    #[allow(clippy::cast_possible_truncation)]
                    let v = if *s > 0.0 { (w / s).round().clamp(-LEVELS, LEVELS) as i8 } else { 0 };
                    *q = v;
                }
                q
            })
            .collect();
        ClauseModel::indexed(keys, weights, bias, scale, cut)
    }

    /// The model of `keys` and their `weights`, with its lookup tables.
    fn indexed(keys: Vec<u64>, weights: Vec<[i8; N]>, bias: [f32; N], scale: [f32; N], cut: [f32; N]) -> ClauseModel {
        let (table, pair_table, pair_rows) = index(&keys);
        let pair_weights = pair_rows
            .iter()
            .map(|rows| {
                let mut w = [0i8; 3 * N];
                for (part, &r) in w.chunks_exact_mut(N).zip(rows) {
                    if let Some(row) = weights.get(r as usize) {
                        part.copy_from_slice(row);
                    }
                }
                pack(&w)
            })
            .collect();
        let char_weights =
            weights.iter().zip(&keys).take_while(|(_, k)| **k >> 21 == TEXT_CHAR).map(|(w, _)| pack(w)).collect();
        ClauseModel {
            table,
            pair_table,
            pair_rows,
            pair_weights,
            char_weights,
            chars: char_rows(&keys),
            keys,
            weights,
            bias,
            scale,
            cut,
        }
    }

    /// Parses the file layout described in the module documentation.
    pub fn from_bytes(bytes: &[u8]) -> Result<ClauseModel, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != b"PLCM" {
            return Err("not a PolicyLens clause model".into());
        }
        let version = r.u32()?;
        if version != VERSION {
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
        // Not `with_capacity(n)`: `n` comes from the file.
        let mut keys: Vec<u64> = Vec::new();
        let mut last = 0u64;
        for i in 0..n {
            let delta = r.varint()?;
            if i > 0 && delta == 0 {
                return Err("clause model keys are not sorted".into());
            }
            last = last.checked_add(delta).ok_or("clause model keys are not sorted")?;
            keys.push(last);
        }
        let packed = r.take(n.checked_mul(N).ok_or("clause model is truncated")?.div_ceil(2))?;
        // Sign-extends four bits.
        let signed = |b: u8| i8::from_le_bytes([b << 4]) >> 4;
        // All nibbles in one pass over the bytes (low nibble first), then
        // cut into rows: a row of nine straddles bytes, and reading each
        // nibble by its index was a third of the model's loading.
        let flat: Vec<i8> = packed.iter().flat_map(|&b| [signed(b & 0xF), signed(b >> 4)]).collect();
        let weights = flat.chunks_exact(N).take(n).map(|row| std::array::from_fn(|t| row[t])).collect();
        if r.at != bytes.len() {
            return Err("clause model has trailing bytes".into());
        }
        Ok(ClauseModel::indexed(keys, weights, bias, scale, cut))
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + 12 * N + self.keys.len() * (8 + N));
        out.extend_from_slice(b"PLCM");
        out.extend_from_slice(&VERSION.to_le_bytes());
        for n in [N, self.keys.len()] {
            out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
        }
        for t in 0..N {
            for v in [self.bias[t], self.scale[t], self.cut[t]] {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        let mut last = 0;
        for &k in &self.keys {
            let mut delta = k - last;
            last = k;
            while delta >= 0x80 {
                out.push(delta.to_le_bytes()[0] | 0x80);
                delta >>= 7;
            }
            out.push(delta.to_le_bytes()[0]);
        }
        let nibbles: Vec<u8> = self.weights.iter().flatten().map(|w| w.to_le_bytes()[0] & 0xF).collect();
        out.extend(nibbles.chunks(2).map(|c| c[0] | c.get(1).map_or(0, |h| h << 4)));
        out
    }

    /// Number of weighted features.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The weights of `key`, if the model has it.
    fn row(&self, key: u64) -> Option<&[i8; N]> {
        let i = match PAIR_NAMESPACES.iter().position(|ns| *ns == key >> 42) {
            Some(which) => *self.pair_table.get(key & LOW_42).and_then(|i| self.pair_rows.get(i))?.get(which)? as usize,
            None => self.table.get(key)?,
        };
        self.weights.get(i)
    }

    /// The unscaled sum of the weights of `items` in `namespace` (not a
    /// pair namespace: [`Self::summed`] sums those).
    fn block_sum(&self, namespace: u64, items: &[u64]) -> [f32; N] {
        let mut sum = [0i32; N];
        for k in items {
            add_row(&mut sum, self.table.get(namespace << 42 | k).and_then(|i| self.weights.get(i)));
        }
        to_f32(sum)
    }

    /// The row of character `c`'s key: from the direct table where it
    /// reaches, else hashed.
    #[inline]
    fn char_row(&self, c: char) -> Option<usize> {
        let cp = u32::from(c);
        match usize::try_from(cp).ok().and_then(|i| self.chars.get(i)) {
            Some(&r) => (r != u16::MAX).then_some(usize::from(r)),
            None => self.table.get(TEXT_CHAR << 42 | u64::from(cp)),
        }
    }

    /// The score (a logit) of every topic.
    pub fn scores(&self, features: &[(u64, f32)]) -> [f32; N] {
        let mut sum = [0.0f32; N];
        for (k, v) in features {
            if let Some(row) = self.row(*k) {
                for (s, w) in sum.iter_mut().zip(row) {
                    *s += f32::from(*w) * v;
                }
            }
        }
        self.logits(&sum)
    }

    fn logits(&self, sum: &[f32; N]) -> [f32; N] {
        std::array::from_fn(|t| self.bias[t] + sum[t] * self.scale[t])
    }

    /// The topics whose score passes their cut.
    pub fn predict(&self, features: &[(u64, f32)]) -> [bool; N] {
        self.passes(&self.scores(features))
    }

    /// The topics whose unscaled weighted sum passes their cut.
    fn decide(&self, sum: &[f32; N]) -> [bool; N] {
        self.passes(&self.logits(sum))
    }

    fn passes(&self, logits: &[f32; N]) -> [bool; N] {
        std::array::from_fn(|t| logits[t] > self.cut[t])
    }
}

/// Words of a packed row of `N` and of `3 × N` weights.
const CHAR_WORDS: usize = N.div_ceil(8);
const PAIR_WORDS: usize = (3 * N).div_ceil(8);
// `pack` fills at most eight words.
const _: () = assert!(CHAR_WORDS <= 8 && PAIR_WORDS <= 8);

/// A row of weights (−7…7) packed eight to a `u64`, each as a byte of
/// `w + 8` (1…15): one addition of `u64`s adds eight weights at once
/// (SIMD within a register). The wasm build, optimised for size, adds no
/// vectors of its own; the byte-wise sums were a sixth of the page's
/// analysis.
fn pack<const W: usize>(weights: &[i8]) -> [u64; W] {
    // Bytes first, then words: a shift and an or per weight cost half a
    // million instructions on loading the model.
    let mut bytes = [0u8; 64];
    for (b, &w) in bytes.iter_mut().zip(weights) {
        // −7…7 biased to 1…15: one byte.
        #[allow(clippy::cast_sign_loss)]
        let biased = w.wrapping_add(8) as u8;
        *b = biased;
    }
    std::array::from_fn(|k| {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[8 * k..8 * k + 8]);
        u64::from_le_bytes(word)
    })
}

/// A sum of packed rows ([`pack`]) of `L` weights: up to sixteen rows in
/// the bytes (16 × 15 < 256, no byte carries into the next), then moved to
/// `i32`s with the bias taken off.
struct PackedSum<const W: usize, const L: usize> {
    bytes: [u64; W],
    pending: i32,
    sums: [i32; L],
}

impl<const W: usize, const L: usize> PackedSum<W, L> {
    fn new() -> Self {
        PackedSum { bytes: [0; W], pending: 0, sums: [0; L] }
    }

    #[inline]
    fn add(&mut self, row: &[u64; W]) {
        for (a, r) in self.bytes.iter_mut().zip(row) {
            *a += r;
        }
        self.pending += 1;
        if self.pending == 16 {
            self.flush();
        }
    }

    fn flush(&mut self) {
        for (l, s) in self.sums.iter_mut().enumerate() {
            // A byte: in range.
            #[allow(clippy::cast_possible_truncation)]
            let byte = (self.bytes[l / 8] >> (8 * (l % 8))) as u8;
            *s += i32::from(byte) - 8 * self.pending;
        }
        self.bytes = [0; W];
        self.pending = 0;
    }

    fn total(mut self) -> [i32; L] {
        self.flush();
        self.sums
    }
}

fn add_row(sum: &mut [i32; N], row: Option<&[i8; N]>) {
    for (s, w) in sum.iter_mut().zip(row.into_iter().flatten()) {
        *s += i32::from(*w);
    }
}

#[allow(clippy::cast_precision_loss)]
fn to_f32(sum: [i32; N]) -> [f32; N] {
    sum.map(|s| s as f32)
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
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.array()?))
    }
    /// An unsigned LEB128 number of at most 64 bits.
    fn varint(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            value |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("clause model has a number too long".into())
    }
}

/// One clause as the model sees it, in document order.
#[derive(Debug, Clone)]
pub struct ClauseInput {
    pub span: Span,
    pub lines: [usize; 2],
    pub features: Features,
}

/// What the model reads of one clause, before neighbours are added: the
/// clause's characters and pairs as they occur (a repeated pair counts
/// twice; deduplicating cost a sort per clause), its headings' pairs
/// (shared by the clauses of a section, unique) and the rules' verdicts.
struct Own {
    span: Span,
    lines: [usize; 2],
    chars: Vec<u64>,
    pairs: Vec<u64>,
    /// Index into the heading-pair lists.
    headings: usize,
    verdicts: Vec<u64>,
}

/// A pair of characters as the low 42 bits of a key.
fn pair(a: char, b: char) -> u64 {
    key(0, a as u32, b as u32)
}

fn sorted_unique(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

fn pairs_of(s: &str) -> impl Iterator<Item = u64> + '_ {
    s.chars().zip(s.chars().skip(1)).map(|(a, b)| pair(a, b))
}

fn category_index(c: Category) -> u32 {
    c as u32
}

/// The clauses of `outline` in document order, and the heading-pair lists
/// they point into.
/// `signals` are [`super::classify`]'s where the caller has them; else each
/// clause is scanned again for them (training).
fn own_clauses(
    outline: &[Node],
    normalized: &ClauseTexts,
    signals: Option<&ClauseSignals>,
) -> (Vec<Own>, Vec<Vec<u64>>) {
    let mut own = Vec::new();
    let contexts = walk_clauses(outline, normalized, signals, |seen| {
        own.push(Own {
            span: seen.clause.span,
            lines: seen.clause.lines,
            chars: seen.norm.chars().map(|ch| u64::from(u32::from(ch))).collect(),
            pairs: pairs_of(seen.norm).collect(),
            headings: seen.headings,
            verdicts: seen.verdicts.to_vec(),
        });
    });
    own.sort_by_key(|o| o.span.start);
    (own, contexts)
}

/// A clause as the model reads it: its normalised text, its rule verdicts
/// (keys, sorted) and the index of its heading-pair list.
struct Seen<'a> {
    clause: &'a Clause,
    norm: &'a str,
    verdicts: &'a [u64],
    headings: usize,
}

/// Hands every clause of `outline` to `visit`, in outline order, and
/// returns the heading-pair lists the clauses point into.
fn walk_clauses(
    outline: &[Node],
    normalized: &ClauseTexts,
    signals: Option<&ClauseSignals>,
    mut visit: impl FnMut(Seen<'_>),
) -> Vec<Vec<u64>> {
    let mut walk = Walk { normalized, signals, headings: Vec::new(), contexts: Vec::new(), verdicts: Vec::new() };
    for doc in outline {
        walk.node(doc, &mut visit);
    }
    walk.contexts
}

/// The state of [`walk_clauses`]: the normalised headings above the node,
/// and one verdict buffer reused for every clause.
struct Walk<'a> {
    normalized: &'a ClauseTexts,
    signals: Option<&'a ClauseSignals>,
    headings: Vec<String>,
    contexts: Vec<Vec<u64>>,
    verdicts: Vec<u64>,
}

impl Walk<'_> {
    fn node(&mut self, node: &Node, visit: &mut impl FnMut(Seen<'_>)) {
        let is_section = node.kind == NodeKind::Section;
        if is_section {
            self.headings.push(normalize(node.heading.as_deref().unwrap_or("")));
        }
        if !node.clauses.is_empty() {
            self.contexts.push(sorted_unique(self.headings.iter().flat_map(|h| pairs_of(h)).collect()));
        }
        for c in &node.clauses {
            let norm = self.normalized.text_of(c.span).unwrap_or("");
            // What the clause's words signal beside its topics (a safeguard, a
            // retention period, security as a purpose).
            let found = self.signals.and_then(|s| s.get(c.span.start)).copied();
            let bits = found.unwrap_or_else(|| super::clauses::signals_of(norm)).bits().map(|b| key(0, 2, b));
            self.verdicts.clear();
            self.verdicts.extend(c.categories.iter().map(|k| key(0, 0, category_index(*k))));
            self.verdicts.extend(node.categories.iter().map(|k| key(0, 1, category_index(*k))));
            self.verdicts.extend(bits);
            self.verdicts.sort_unstable();
            self.verdicts.dedup();
            visit(Seen { clause: c, norm, verdicts: &self.verdicts, headings: self.contexts.len() - 1 });
        }
        for child in &node.children {
            self.node(child, visit);
        }
        if is_section {
            self.headings.pop();
        }
    }
}

/// An email or a phone number: a clause that gives one is contact in every
/// policy; the model, reading pairs, missed some (邮箱：a@example.com).
/// A clause that gives an email or a phone number is contact, whatever the
/// model says, unless it is the way to exercise a right (发送邮件至…要求注销,
/// 获取副本): then it is rights. The index into [`TOPICS`].
fn forced_topic(norm: &str) -> Option<usize> {
    if !gives_channel(norm) {
        return None;
    }
    let asks_for_a_right = crate::lexicon::RIGHTS_REQUESTS.iter().any(|w| crate::text::has(norm, w));
    Some(if asks_for_a_right { RIGHTS } else { CONTACT })
}

fn gives_channel(norm: &str) -> bool {
    (norm.contains('@') && !crate::scan::emails(norm).is_empty())
        || (norm.bytes().filter(u8::is_ascii_digit).count() >= 7 && !crate::scan::phones(norm).is_empty())
}

/// The feature blocks of clause `i`: namespace, items, weight, as
/// [`inputs`] spells them out for training. [`apply`] sums the same blocks
/// its own way (checked by `apply_decides_as_the_features_say`).
fn blocks<'a>(own: &'a [Own], contexts: &'a [Vec<u64>], i: usize) -> [(u64, &'a [u64], f32); 6] {
    let o = &own[i];
    let none: &[u64] = &[];
    let previous = i.checked_sub(1).map_or(none, |p| &own[p].pairs);
    let next = own.get(i + 1).map_or(none, |n| &n.pairs);
    [
        (TEXT_CHAR, &o.chars, 1.0),
        (TEXT_PAIR, &o.pairs, 1.0),
        (HEADING_PAIR, &contexts[o.headings], 1.0),
        (RULE_VERDICT, &o.verdicts, 1.0),
        (PREVIOUS_PAIR, previous, NEIGHBOUR_WEIGHT),
        (NEXT_PAIR, next, NEIGHBOUR_WEIGHT),
    ]
}

/// The value of each feature of a block: each block has unit length, so a
/// long clause does not outweigh its heading.
fn block_value(len: usize, weight: f32) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let n = len.max(1) as f32;
    weight / n.sqrt()
}

/// The features of every clause of `outline`, in document order. Reads the
/// categories the rules gave clauses and sections, so call it after
/// [`crate::classify::classify`].
pub fn inputs(outline: &[Node], normalized: &ClauseTexts) -> Vec<ClauseInput> {
    let (own, contexts) = own_clauses(outline, normalized, None);
    (0..own.len())
        .map(|i| {
            let mut features: Features = Vec::new();
            for (namespace, items, weight) in blocks(&own, &contexts, i) {
                let v = block_value(items.len(), weight);
                features.extend(items.iter().map(|k| (namespace << 42 | k, v)));
            }
            features.sort_unstable_by_key(|x| x.0);
            ClauseInput { span: own[i].span, lines: own[i].lines, features }
        })
        .collect()
}

/// Replaces the rules' verdicts on the model's topics with the model's, for
/// every clause of `outline`. `normalized` holds the clauses' texts.
///
/// Scores what [`inputs`] would give [`ClauseModel::scores`], but sums each
/// block once: a section's headings once for all its clauses, a clause's
/// pairs once for itself and once for each neighbour.
pub fn apply(model: &ClauseModel, outline: &mut [Node], normalized: &ClauseTexts, signals: &ClauseSignals) {
    let sums = text_sums(model, &crate::segment::clause_spans(outline), normalized);
    apply_with(model, outline, normalized, signals, &sums);
}

/// [`apply`] with the clauses' [`TextSum`]s summed already: they need no
/// topics, so the analysis sums them while the rules classify.
pub fn apply_with(
    model: &ClauseModel,
    outline: &mut [Node],
    normalized: &ClauseTexts,
    signals: &ClauseSignals,
    sums: &[TextSum],
) {
    if model.is_empty() {
        return;
    }
    // Each clause's blocks summed as it is walked, its text's from `sums`.
    let mut summed: Vec<Summed> = Vec::with_capacity(sums.len());
    let contexts = walk_clauses(outline, normalized, Some(signals), |seen| {
        let start = seen.clause.span.start;
        let text = match sums.binary_search_by_key(&start, |s| s.start) {
            Ok(i) => Cow::Borrowed(&sums[i]),
            Err(_) => Cow::Owned(model.text_sum(start, seen.norm)),
        };
        summed.push(model.summed(&seen, text));
    });
    summed.sort_by_key(|s| s.text.start);
    let heading_sums: Vec<[f32; N]> = contexts.iter().map(|c| model.block_sum(HEADING_PAIR, c)).collect();
    let mut verdicts: Vec<(usize, [bool; N])> = Vec::with_capacity(summed.len());
    for (i, o) in summed.iter().enumerate() {
        // The blocks in the order `inputs` lists them (f32 sums depend on it).
        let mut sum = [0.0f32; N];
        let text = &o.text;
        add_scaled(&mut sum, &text.chars, block_value(text.n_chars, 1.0));
        add_scaled(&mut sum, &text.pairs[0], block_value(text.n_pairs, 1.0));
        add_f32(&mut sum, &heading_sums[o.headings], block_value(contexts[o.headings].len(), 1.0));
        add_scaled(&mut sum, &o.verdicts, block_value(o.n_verdicts, 1.0));
        if let Some(p) = i.checked_sub(1) {
            let p = &summed[p];
            add_scaled(&mut sum, &p.text.pairs[1], block_value(p.text.n_pairs, NEIGHBOUR_WEIGHT));
        }
        if let Some(n) = summed.get(i + 1) {
            add_scaled(&mut sum, &n.text.pairs[2], block_value(n.text.n_pairs, NEIGHBOUR_WEIGHT));
        }
        let mut topics = model.decide(&sum);
        if let Some(t) = text.forced {
            topics[t] = true;
        }
        verdicts.push((text.start, topics));
    }
    for doc in outline {
        assign(doc, &verdicts);
    }
}

fn add_scaled(sum: &mut [f32; N], s: &[i32; N], v: f32) {
    add_f32(sum, &to_f32(*s), v);
}

fn add_f32(sum: &mut [f32; N], s: &[f32; N], v: f32) {
    for (t, x) in sum.iter_mut().zip(s) {
        *t += x * v;
    }
}

/// The clauses' [`TextSum`]s, in the order of `spans` (each clause's span,
/// sorted): natively halves of them at once, down to a few dozen clauses.
pub fn text_sums(model: &ClauseModel, spans: &[Span], normalized: &ClauseTexts) -> Vec<TextSum> {
    if model.is_empty() {
        return Vec::new();
    }
    crate::parallel::in_pieces(spans, 32, &|spans: &[Span]| {
        spans.iter().map(|s| model.text_sum(s.start, normalized.text_of(*s).unwrap_or(""))).collect()
    })
}

/// What a clause's own text gives the model whatever its topics: its
/// characters' and pairs' weights summed in one pass (no vectors of
/// features), the pairs in their three roles (in the clause, before a
/// clause, after one), with their counts, and the topic a channel forces.
#[derive(Debug, Clone)]
pub struct TextSum {
    start: usize,
    chars: [i32; N],
    n_chars: usize,
    pairs: [[i32; N]; 3],
    n_pairs: usize,
    /// The topic a channel forces, whatever the model says ([`forced_topic`]).
    forced: Option<usize>,
}

/// One clause's blocks, summed ([`ClauseModel::summed`]): its text's
/// ([`TextSum`]) and its verdicts, with their counts.
struct Summed<'a> {
    /// Its text's sums, borrowed from those of every clause.
    text: Cow<'a, TextSum>,
    verdicts: [i32; N],
    n_verdicts: usize,
    headings: usize,
}

impl ClauseModel {
    fn text_sum(&self, start: usize, norm: &str) -> TextSum {
        let mut chars = PackedSum::<CHAR_WORDS, N>::new();
        // The pairs' three roles side by side, as `pair_weights` has them.
        let mut pairs = PackedSum::<PAIR_WORDS, { 3 * N }>::new();
        let (mut n_chars, mut n_pairs) = (0, 0);
        let mut last: Option<char> = None;
        for c in norm.chars() {
            n_chars += 1;
            if let Some(row) = self.char_row(c).and_then(|i| self.char_weights.get(i)) {
                chars.add(row);
            }
            if let Some(a) = last {
                n_pairs += 1;
                if let Some(row) = self.pair_table.get(pair(a, c)).and_then(|i| self.pair_weights.get(i)) {
                    pairs.add(row);
                }
            }
            last = Some(c);
        }
        let (chars, pairs) = (chars.total(), pairs.total());
        TextSum {
            start,
            chars,
            n_chars,
            pairs: std::array::from_fn(|role| std::array::from_fn(|t| pairs[role * N + t])),
            n_pairs,
            forced: forced_topic(norm),
        }
    }

    fn summed<'a>(&self, seen: &Seen<'_>, text: Cow<'a, TextSum>) -> Summed<'a> {
        let mut verdicts = [0i32; N];
        for k in seen.verdicts {
            add_row(&mut verdicts, self.table.get(RULE_VERDICT << 42 | k).and_then(|i| self.weights.get(i)));
        }
        Summed { text, verdicts, n_verdicts: seen.verdicts.len(), headings: seen.headings }
    }
}

fn assign(node: &mut Node, verdicts: &[(usize, [bool; N])]) {
    for c in &mut node.clauses {
        let Ok(i) = verdicts.binary_search_by_key(&c.span.start, |v| v.0) else { continue };
        let topics = &verdicts[i].1;
        // A definition stays a definition: what it defines is not its topic.
        if c.categories.contains(&Category::Definitions) {
            continue;
        }
        c.categories.retain(|k| !TOPICS.contains(k));
        for (t, on) in TOPICS.iter().zip(topics) {
            if *on {
                c.categories.push(*t);
            }
        }
        c.categories.sort_unstable();
    }
    for child in &mut node.children {
        assign(child, verdicts);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pair rows as a sort and a binary search per namespace give them.
    fn pair_rows_by_search(keys: &[u64]) -> (Vec<u64>, Vec<[u32; 3]>) {
        let mut pairs: Vec<u64> =
            keys.iter().filter(|k| PAIR_NAMESPACES.contains(&(*k >> 42))).map(|k| k & LOW_42).collect();
        pairs.sort_unstable();
        pairs.dedup();
        let rows = pairs
            .iter()
            .map(|p| {
                PAIR_NAMESPACES.map(|ns| {
                    keys.binary_search(&(ns << 42 | p)).ok().and_then(|i| u32::try_from(i).ok()).unwrap_or(NO_ROW)
                })
            })
            .collect();
        (pairs, rows)
    }

    #[cfg(not(feature = "external-model"))]
    #[test]
    fn a_character_has_the_same_row_directly_as_hashed() {
        let m = ClauseModel::from_bytes(SHIPPED).unwrap();
        assert_eq!(m.chars.len(), CHAR_TABLE);
        let mut found = 0;
        for c in (0..0x11000u32).filter_map(char::from_u32) {
            let hashed = m.table.get(TEXT_CHAR << 42 | u64::from(u32::from(c)));
            assert_eq!(m.char_row(c), hashed, "{c:?}");
            found += usize::from(hashed.is_some());
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn pair_rows_merge_the_sorted_namespaces() {
        let keys = [key(TEXT_CHAR, 0, 7), key(TEXT_PAIR, 1, 2), key(TEXT_PAIR, 3, 4), key(NEXT_PAIR, 1, 2)];
        let (pairs, rows) = pair_rows(&keys);
        assert_eq!(pairs, [key(0, 1, 2), key(0, 3, 4)]);
        assert_eq!(rows, [[1, NO_ROW, 3], [2, NO_ROW, NO_ROW]]);
        #[cfg(not(feature = "external-model"))]
        {
            let shipped = ClauseModel::from_bytes(SHIPPED).unwrap();
            assert!(shipped.pair_rows.len() > 1000);
            assert_eq!(pair_rows(&shipped.keys), pair_rows_by_search(&shipped.keys));
        }
    }

    proptest::proptest! {
        /// The table finds every key it holds, with its entry number, and
        /// no other (keys of every namespace, many of them colliding).
        #[test]
        fn the_table_finds_its_keys_and_no_other(
            raw in proptest::collection::vec((0u64..6, 0u32..0x11_0000, 0u32..0x11_0000), 0..300),
            asked in proptest::collection::vec((0u64..6, 0u32..0x11_0000, 0u32..0x11_0000), 0..50),
        ) {
            let mut keys: Vec<u64> = raw.iter().map(|&(ns, a, b)| key(ns, a, b)).collect();
            keys.sort_unstable();
            keys.dedup();
            let entries: Vec<(u64, u32)> = keys.iter().copied().zip(0u32..).collect();
            let table = Table::new(&entries);
            for (k, i) in &entries {
                proptest::prop_assert_eq!(table.get(*k), Some(*i as usize));
            }
            for &(ns, a, b) in &asked {
                let k = key(ns, a, b);
                proptest::prop_assert_eq!(table.get(k), keys.binary_search(&k).ok());
            }
        }

        /// Packed rows add up to what the weights add up to, however many.
        #[test]
        fn packed_sums_equal_plain_sums(rows in proptest::collection::vec(proptest::collection::vec(-7i8..=7, 3 * N), 0..70)) {
            let mut packed = PackedSum::<PAIR_WORDS, { 3 * N }>::new();
            let mut plain = [0i32; 3 * N];
            for row in &rows {
                packed.add(&pack(row));
                for (s, w) in plain.iter_mut().zip(row) {
                    *s += i32::from(*w);
                }
            }
            proptest::prop_assert_eq!(packed.total(), plain);
        }

        #[test]
        fn pair_rows_equal_a_search_per_namespace(
            raw in proptest::collection::vec((0u64..7, 0u32..4, 0u32..4), 0..40),
        ) {
            let mut keys: Vec<u64> = raw.iter().map(|&(ns, a, b)| key(ns, a, b)).collect();
            keys.sort_unstable();
            keys.dedup();
            proptest::prop_assert_eq!(pair_rows(&keys), pair_rows_by_search(&keys));
        }
    }

    /// Each clause's categories after the rules and the shipped model.
    fn clause_categories(text: &str) -> Vec<Vec<Category>> {
        fn walk(n: &Node, out: &mut Vec<Vec<Category>>) {
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
        // Header and cuts take 16 + 12 × N bytes; the keys follow as 3, then +6.
        let keys_at = 16 + 12 * N;
        assert_eq!(bytes[keys_at..keys_at + 2], [3, 6]);
        let mut repeated = bytes.clone();
        repeated[keys_at + 1] = 0;
        assert_eq!(ClauseModel::from_bytes(&repeated).unwrap_err(), "clause model keys are not sorted");
        let mut endless = bytes[..keys_at].to_vec();
        endless.extend([0xFF; 11]);
        assert_eq!(ClauseModel::from_bytes(&endless).unwrap_err(), "clause model has a number too long");
    }

    #[test]
    fn quantised_scores_follow_the_weights() {
        let m = ClauseModel::from_weights(vec![3, 9], &[[0.3; N], [-1.0; N]], [0.1; N], [0.2; N]);
        // The largest weight is 7 steps; 0.3 is stored as the nearest step,
        // 2/7.
        assert!((m.scores(&[(3, 1.0)])[0] - (0.1 + 2.0 / 7.0)).abs() < 1e-5);
        assert!((m.scores(&[(9, 0.5), (42, 1.0)])[4] + 0.4).abs() < 1e-5);
        assert_eq!(m.predict(&[(3, 1.0)]), [true; N]);
        assert_eq!(m.predict(&[(9, 1.0)]), [false; N]);
    }

    #[test]
    fn features_are_sorted_and_see_heading_and_neighbours() {
        let text =
            "示例隐私政策\n一、我们如何共享您的信息\n我们不会向第三方出售您的信息。\n我们会与合作伙伴签署协议。\n";
        let report = crate::analyze_with(text, "utf-8", &ClauseModel::empty());
        let norm = crate::segment::clause_texts(text, &crate::text::Lines::new(text), &report.outline);
        let clauses = inputs(&report.outline, &norm);
        assert_eq!(clauses.len(), 2);
        assert_eq!(clauses[0].lines, [3, 3]);
        let f = &clauses[0].features;
        assert!(f.windows(2).all(|w| w[0].0 <= w[1].0));
        let has = |ns: u64, a: char, b: char| f.iter().any(|(k, _)| *k == key(ns, a as u32, b as u32));
        assert!(has(TEXT_PAIR, '出', '售'));
        assert!(has(HEADING_PAIR, '共', '享'));
        assert!(has(NEXT_PAIR, '伙', '伴'));
        assert!(!has(PREVIOUS_PAIR, '伙', '伴'));
        // The rules' verdict: the sharing chapter gives its clause sharing.
        assert!(f.iter().any(|(k, _)| *k == key(RULE_VERDICT, 0, category_index(Category::Sharing))));
    }

    /// Sentences of kinds the keyword rules missed or mislabelled on
    /// CAPP-130, in the words of other policies.
    #[test]
    fn the_model_reads_what_keywords_miss() {
        let text = "某某隐私政策\n一、我们如何收集和使用您的个人信息\n在您注册账号时，您需要提供手机号码。\n我们仅在本政策所述目的所必需的期间内保留您的个人信息，超出期限后我们将删除或匿名化处理。\n经您授权后，我们会将您的订单信息提供给商家以完成配送。\n";
        let cats = clause_categories(text);
        // The rules give all three `collection`, from the heading; the model
        // sees that the second is about retention.
        assert_eq!(cats[0], ["collection"]);
        assert_eq!(cats[1], ["storage"]);
        // The third is sharing (CAPP-130 labels its kind so), but under a
        // collection heading in a three-clause text the model scores it
        // 0.6 below sharing's cut: a known miss of short texts, which give
        // the model no neighbours to read. Under a sharing heading it
        // passes by 2.9.
        assert!(!cats[2].contains(&Category::Collection), "{cats:?}");
    }

    /// `apply` sums blocks its own way; it must decide as `inputs` +
    /// `predict` do, or training and prediction would see different models.
    #[test]
    fn apply_decides_as_the_features_say() {
        let text = include_str!("../../../../tests/corpus/policies/taobao.txt");
        let rules = crate::analyze_with(text, "utf-8", &ClauseModel::empty());
        let lines = crate::text::Lines::new(text);
        let norm = crate::segment::clause_texts(text, &lines, &rules.outline);
        let m = ClauseModel::shipped();
        // The signals as `analyze` has them, from classifying the outline.
        let mut outline = crate::segment::segment(text, &lines).outline;
        let signals = crate::classify::classify(text, &mut outline, &norm);
        assert_eq!(outline, rules.outline);
        apply(m, &mut outline, &norm, &signals);
        let mut applied = Vec::new();
        fn walk(n: &Node, out: &mut Vec<(usize, Vec<Category>)>) {
            out.extend(n.clauses.iter().map(|c| (c.span.start, c.categories.clone())));
            n.children.iter().for_each(|c| walk(c, out));
        }
        outline.iter().for_each(|d| walk(d, &mut applied));
        applied.sort();
        let clauses = inputs(&rules.outline, &norm);
        assert!(clauses.len() > 300, "{}", clauses.len());
        for (c, (start, cats)) in clauses.iter().zip(&applied) {
            assert_eq!(c.span.start, *start);
            if cats.contains(&Category::Definitions) {
                continue;
            }
            let mut predicted = m.predict(&c.features);
            if let Some(t) = forced_topic(&crate::text::normalize(&text[c.span.start..c.span.end])) {
                predicted[t] = true;
            }
            for (t, on) in TOPICS.iter().zip(predicted) {
                assert_eq!(cats.contains(t), on, "{t} at {start}: {cats:?}");
            }
        }
    }

    #[test]
    fn a_channel_to_exercise_a_right_is_rights() {
        let text = "示例隐私政策\n一、您的权利\n如需注销账号，您可以发送邮件至privacy@example.com要求注销。\n\
                    二、如何联系我们\n如有任何疑问，请发送邮件至privacy@example.com与我们联系。\n";
        let cats = clause_categories(text);
        assert!(cats[0].contains(&Category::Rights), "{cats:?}");
        assert!(cats[1].contains(&Category::Contact), "{cats:?}");
        assert!(!cats[1].contains(&Category::Rights), "{cats:?}");
    }

    #[test]
    fn definitions_stay_definitions() {
        let text = "示例隐私政策\n一、联系我们\n儿童：指不满十四周岁的未成年人。\n邮箱：a@example.com\n";
        assert_eq!(clause_categories(text), [vec![Category::Definitions], vec![Category::Contact]]);
    }
}
