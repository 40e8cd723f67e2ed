//! The SDK knowledge base: canonical names, aliases, providers and categories
//! of SDKs common in Chinese apps (`data/sdk-kb.csv`, compiled in: one row per
//! SDK with its aliases, provider companies, a category from a closed set,
//! typical data, privacy-policy URL and the source of the row).
//!
//! All names and aliases are found by one index of names by their first
//! character ([`Names`]). The extractor uses it to fill the provider and category a
//! policy leaves out; it never overrides what the text says. Tests hand in
//! their own ([`Kb::with_entries`], [`Kb::empty`]).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::text::normalize;

/// One SDK the knowledge base knows. The built-in table's entries borrow
/// their text from the table compiled in ([`Kb::builtin`]): parsing it
/// allocates a list of aliases and one of providers per entry, not a string
/// per field (the strings were most of building the table, which a one-shot
/// CLI call or the page's first paste pays).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbEntry {
    pub canonical: Cow<'static, str>,
    pub aliases: Vec<Cow<'static, str>>,
    /// Legal entities that provide it (several when it changed hands).
    pub providers: Vec<Cow<'static, str>>,
    pub category: Cow<'static, str>,
    /// Empty in the built-in table, which leaves the column out (`build.rs`).
    pub typical_data: Cow<'static, str>,
    /// `V` verified against the provider's own policy, `M` from memory.
    pub entity_check: Cow<'static, str>,
}

/// The knowledge base with its alias matcher.
#[derive(Debug, Clone)]
pub struct Kb {
    entries: Vec<KbEntry>,
    names: Names,
    /// The names of payment entries alone ([`Kb::may_name_payment`]).
    payment: Names,
}

/// Every name and alias, normalised, found leftmost-longest with ASCII case
/// ignored.
///
/// Written by hand rather than an Aho–Corasick automaton: building that
/// automaton over the 1 500 names took 31 M instructions (about 7 ms, 70 % of
/// a first analysis of a short policy, in the page and in every CLI call),
/// while the extractor searches for names only in the few sentences that
/// speak of SDKs or recipients. Sorting the names by first character builds
/// in microseconds and costs a binary search per character searched.
#[derive(Debug, Clone, Default)]
struct Names {
    /// (name, entry index), in the table's order. A name normalised but for
    /// its ASCII case (most are: `JPush`, `友盟+`) is borrowed as written:
    /// names are compared with ASCII case ignored, and normalising 1 500 of
    /// them was a third of building the table.
    names: Vec<(Cow<'static, str>, usize)>,
    /// One key per name, sorted: its first character (bits 43–63), then
    /// longest first (`u16::MAX` − length, bits 27–42), then the table's
    /// order (its index, bits 0–26). Plain `u64`s, so the sort is the one the
    /// bundle already has.
    order: Vec<u64>,
    /// Bit `c % 4096` set for every first character, and bit `pair(c, d)`
    /// for every name's first two characters (`c` alone for a name of one):
    /// most characters of a sentence start no name and are passed over
    /// without the binary search.
    firsts: Vec<u64>,
    pairs: Vec<u64>,
}

/// Bits of [`Names::firsts`] and [`Names::pairs`].
const FIRST_BITS: usize = 4096;
const PAIR_BITS: usize = 1 << 16;

#[inline(always)]
fn bit_set(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & 1 << (i % 64) != 0
}

fn set_bit(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

/// The bit of a name's first two characters (`second` none for a name of one).
#[allow(clippy::cast_possible_truncation)]
fn pair(first: char, second: Option<char>) -> usize {
    let second = second.map_or(0, |c| u64::from(c.to_ascii_lowercase()) + 1);
    let h = (u64::from(first.to_ascii_lowercase()) << 21 | second).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 48) as usize % PAIR_BITS
}

impl Names {
    fn new(names: Vec<(Cow<'static, str>, usize)>) -> Self {
        let mut order: Vec<u64> = (0u64..)
            .zip(&names)
            .filter_map(|(i, (name, _))| {
                let first = u64::from(name.chars().next()?.to_ascii_lowercase());
                let shorter = u64::from(u16::MAX - u16::try_from(name.len()).unwrap_or(u16::MAX));
                (i < 1 << 27).then_some(first << 43 | shorter << 27 | i)
            })
            .collect();
        order.sort_unstable();
        let mut firsts = vec![0u64; FIRST_BITS / 64];
        let mut pairs = vec![0u64; PAIR_BITS / 64];
        for (name, _) in &names {
            let mut chars = name.chars();
            let Some(first) = chars.next() else { continue };
            set_bit(&mut firsts, first.to_ascii_lowercase() as usize % FIRST_BITS);
            set_bit(&mut pairs, pair(first, chars.next()));
        }
        Self { names, order, firsts, pairs }
    }

    /// The longest name starting at byte `at` of `text`: its end and entry.
    fn longest_at(&self, text: &str, at: usize, first: char) -> Option<(usize, usize)> {
        if !self.may_start(first) {
            return None;
        }
        self.longest_from(text, at, first)
    }

    /// Whether a name may start with `first`: the test most characters
    /// fail, inlined into the scan (the call cost as much as the test).
    #[inline(always)]
    fn may_start(&self, first: char) -> bool {
        !self.firsts.is_empty() && bit_set(&self.firsts, first.to_ascii_lowercase() as usize % FIRST_BITS)
    }

    /// [`Names::longest_at`] past its first test.
    #[inline(never)]
    fn longest_from(&self, text: &str, at: usize, first: char) -> Option<(usize, usize)> {
        let second = text[at + first.len_utf8()..].chars().next();
        if !bit_set(&self.pairs, pair(first, second)) && !bit_set(&self.pairs, pair(first, None)) {
            return None;
        }
        let first = u64::from(first.to_ascii_lowercase());
        let from = self.order.partition_point(|k| k >> 43 < first);
        let rest = &text.as_bytes()[at..];
        self.order[from..]
            .iter()
            .take_while(|k| *k >> 43 == first)
            .filter_map(|k| usize::try_from(k & ((1 << 27) - 1)).ok().and_then(|i| self.names.get(i)))
            .find(|(name, _)| rest.get(..name.len()).is_some_and(|t| t.eq_ignore_ascii_case(name.as_bytes())))
            .map(|(name, entry)| (at + name.len(), *entry))
    }

    /// Names in `text`, leftmost first, the longest at each place, none
    /// overlapping: (start, end, entry index).
    fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        let mut pos = 0;
        std::iter::from_fn(move || {
            while let Some(c) = text[pos..].chars().next() {
                let at = pos;
                if let Some((end, entry)) = self.longest_at(text, at, c) {
                    pos = end;
                    return Some((at, end, entry));
                }
                pos += c.len_utf8();
            }
            None
        })
    }
}

/// Whether an entry is a payment service (its category says so).
pub fn is_payment(entry: &KbEntry) -> bool {
    crate::text::has(&entry.category, "payment")
}

/// `data/sdk-kb.csv` with the columns the analysis reads (see `build.rs`).
const BUILTIN: &str = include_str!(concat!(env!("OUT_DIR"), "/sdk-kb.csv"));

/// The entries of a table in [`Kb::from_csv`]'s columns, each field made a
/// string by `field` (borrowed from a static table, owned otherwise).
fn parse<'a>(csv: &'a str, field: impl Fn(&'a str) -> Cow<'static, str>) -> Vec<KbEntry> {
    let mut entries = Vec::new();
    for line in csv.lines().skip(1) {
        let mut cols = line.splitn(7, ',').map(str::trim);
        let mut col = || cols.next();
        let (Some(canonical), Some(aliases), Some(providers), Some(category)) = (col(), col(), col(), col()) else {
            continue;
        };
        if canonical.is_empty() {
            continue;
        }
        let (typical_data, entity_check) = (col().unwrap_or(""), col().unwrap_or(""));
        let list = |s: &'a str, sep: char| s.split(sep).map(str::trim).filter(|a| !a.is_empty()).map(&field).collect();
        entries.push(KbEntry {
            canonical: field(canonical),
            aliases: list(aliases, '|'),
            providers: list(providers, '/'),
            category: field(category),
            typical_data: field(typical_data),
            entity_check: field(entity_check),
        });
    }
    entries
}

impl Kb {
    /// A knowledge base that knows nothing: extraction relies on structure only.
    pub fn empty() -> Self {
        Self { entries: Vec::new(), names: Names::default(), payment: Names::default() }
    }

    /// The knowledge base shipped with the product, parsed once.
    pub fn builtin() -> &'static Kb {
        static KB: OnceLock<Kb> = OnceLock::new();
        KB.get_or_init(|| Kb::with_entries(parse(BUILTIN, Cow::Borrowed)))
    }

    /// Parses `canonical,aliases,provider_entity,category,typical_pi,entity_check`
    /// (aliases `|`-separated, providers `/`-separated; a header line and
    /// malformed lines are skipped).
    pub fn from_csv(csv: &str) -> Self {
        Self::with_entries(parse(csv, |s| Cow::Owned(s.to_owned())))
    }

    pub fn with_entries(entries: Vec<KbEntry>) -> Self {
        let mut names = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for name in std::iter::once(&e.canonical).chain(&e.aliases) {
                let n = match name {
                    Cow::Borrowed(b) if crate::text::is_normal_but_case(b) => Cow::Borrowed(*b),
                    _ => Cow::Owned(normalize(name)),
                };
                // Very short Latin aliases (`GY`) would match inside words.
                if n.chars().count() < 2 || (n.is_ascii() && n.len() < 4) {
                    continue;
                }
                names.push((n, i));
            }
        }
        let pays: Vec<bool> = entries.iter().map(is_payment).collect();
        let payment = names.iter().filter(|(_, i)| pays[*i]).cloned().collect();
        Self { entries, names: Names::new(names), payment: Names::new(payment) }
    }

    pub fn entries(&self) -> &[KbEntry] {
        &self.entries
    }

    /// The entry whose name or alias occurs in `name` (longest leftmost).
    pub fn lookup(&self, name: &str) -> Option<&KbEntry> {
        let n = normalize(name);
        let (_, _, entry) = self.names.find_iter(&n).next()?;
        self.entries.get(entry)
    }

    /// Whether `text` may name a payment entry among [`Kb::find_all`]'s:
    /// false when no payment name occurs in it at all. The payment names are
    /// a few dozen of 1 500: most sentences are ruled out by their first
    /// characters, where the whole index stops at every `个` (个推).
    pub fn may_name_payment(&self, text: &str) -> bool {
        self.payment.find_iter(text).next().is_some()
    }

    /// All entries named in `text` (ASCII case ignored), with byte ranges.
    pub fn find_all<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (&'a KbEntry, usize, usize)> + 'a {
        self.names.find_iter(text).map(move |(start, end, entry)| (&self.entries[entry], start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_finds_aliases() {
        let kb = Kb::builtin();
        assert!(kb.entries().len() > 80);
        assert_eq!(kb.lookup("个推消息推送SDK").map(|e| e.canonical.as_ref()), Some("个推推送"));
        assert_eq!(kb.lookup("MobTechSDK").unwrap().providers, vec!["上海游昆信息技术有限公司"]);
        assert!(Kb::empty().lookup("个推").is_none());
    }

    #[test]
    fn names_are_found_leftmost_longest_in_any_ascii_case() {
        let kb = Kb::from_csv(
            "h\n友盟统计,UMeng|友盟,友盟同欣（北京）科技有限公司,analytics,,V\n\
             友盟推送,友盟push,友盟同欣（北京）科技有限公司,push,,V\n极光推送,JPush,深圳市和讯华谷信息技术有限公司,push,,V\n",
        );
        let found: Vec<(&str, usize, usize)> =
            kb.find_all("接入友盟PUSH、UMENG和jpush。").map(|(e, s, z)| (e.canonical.as_ref(), s, z)).collect();
        // 友盟PUSH is the longer name at its place; 友盟 alone is not
        // found inside it.
        assert_eq!(found, [("友盟推送", 6, 16), ("友盟统计", 19, 24), ("极光推送", 27, 32)]);
        assert!(Kb::empty().find_all("友盟").next().is_none());
    }

    proptest::proptest! {
        /// A text no payment name occurs in gives no payment entry.
        #[test]
        fn no_payment_name_no_payment_entry(text in "[支付宝微信银联财通个推云闪PayAl ]{0,24}") {
            let kb = Kb::builtin();
            if !kb.may_name_payment(&text) {
                proptest::prop_assert!(kb.find_all(&text).all(|(e, _, _)| !is_payment(e)), "{text}");
            }
        }

        /// The index finds what a leftmost-longest, ASCII-case-insensitive
        /// Aho–Corasick automaton over the same names finds.
        #[test]
        fn names_find_what_an_automaton_finds(
            text in "[a-cA-C友盟推送极光 ]{0,40}",
            names in proptest::collection::vec("[a-cA-C友盟推送极光 ]{2,4}", 1..8),
        ) {
            let entries: Vec<KbEntry> = names
                .iter()
                .map(|n| KbEntry {
                    canonical: Cow::Owned(n.clone()),
                    aliases: Vec::new(),
                    providers: Vec::new(),
                    category: Cow::Borrowed(""),
                    typical_data: Cow::Borrowed(""),
                    entity_check: Cow::Borrowed(""),
                })
                .collect();
            let kb = Kb::with_entries(entries);
            let patterns: Vec<&str> = kb.names.names.iter().map(|(n, _)| n.as_ref()).collect();
            let ac = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(&patterns)
                .expect("names build an automaton");
            let expected: Vec<(usize, usize)> = ac.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            let found: Vec<(usize, usize)> = kb.find_all(&text).map(|(_, s, z)| (s, z)).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn injectable() {
        let kb = Kb::from_csv("h\n蜜饯推送,MJPush,蜜饯科技有限公司,push,设备信息,V\n");
        assert_eq!(kb.lookup("用了mjpush").unwrap().category, "push");
    }
}
