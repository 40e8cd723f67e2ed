//! The SDK knowledge base: canonical names, aliases, providers and categories
//! of SDKs common in Chinese apps (`data/sdk-kb.csv`, compiled in: one row per
//! SDK with its aliases, provider companies, a category from a closed set,
//! typical data, privacy-policy URL and the source of the row).
//!
//! All names and aliases are matched by one Aho–Corasick automaton over
//! normalised text. The extractor uses it to fill the provider and category a
//! policy leaves out; it never overrides what the text says. Tests hand in
//! their own ([`Kb::with_entries`], [`Kb::empty`]).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::text::normalize;

/// One SDK the knowledge base knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbEntry {
    pub canonical: String,
    pub aliases: Vec<String>,
    /// Legal entities that provide it (several when it changed hands).
    pub providers: Vec<String>,
    pub category: String,
    /// Empty in the built-in table, which leaves the column out (`build.rs`).
    pub typical_data: String,
    /// `V` verified against the provider's own policy, `M` from memory.
    pub entity_check: String,
}

/// The knowledge base with its alias matcher.
#[derive(Debug, Clone)]
pub struct Kb {
    entries: Vec<KbEntry>,
    /// Pattern index → entry index.
    owners: Vec<usize>,
    matcher: Option<AhoCorasick>,
}

/// `data/sdk-kb.csv` with the columns the analysis reads (see `build.rs`).
const BUILTIN: &str = include_str!(concat!(env!("OUT_DIR"), "/sdk-kb.csv"));

impl Kb {
    /// A knowledge base that knows nothing: extraction relies on structure only.
    pub fn empty() -> Self {
        Self { entries: Vec::new(), owners: Vec::new(), matcher: None }
    }

    /// The knowledge base shipped with the product, parsed once.
    pub fn builtin() -> &'static Kb {
        static KB: OnceLock<Kb> = OnceLock::new();
        KB.get_or_init(|| Kb::from_csv(BUILTIN))
    }

    /// Parses `canonical,aliases,provider_entity,category,typical_pi,entity_check`
    /// (aliases `|`-separated, providers `/`-separated; a header line and
    /// malformed lines are skipped).
    pub fn from_csv(csv: &str) -> Self {
        let mut entries = Vec::new();
        for line in csv.lines().skip(1) {
            let cols: Vec<&str> = line.split(',').map(str::trim).collect();
            if cols.len() < 4 || cols[0].is_empty() {
                continue;
            }
            entries.push(KbEntry {
                canonical: cols[0].to_owned(),
                aliases: cols[1].split('|').map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect(),
                providers: cols[2].split('/').map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect(),
                category: cols[3].to_owned(),
                typical_data: cols.get(4).copied().unwrap_or("").to_owned(),
                entity_check: cols.get(5).copied().unwrap_or("").to_owned(),
            });
        }
        Self::with_entries(entries)
    }

    pub fn with_entries(entries: Vec<KbEntry>) -> Self {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for name in std::iter::once(&e.canonical).chain(&e.aliases) {
                let n = normalize(name);
                // Very short Latin aliases (`GY`) would match inside words.
                if n.chars().count() < 2 || (n.is_ascii() && n.len() < 4) {
                    continue;
                }
                patterns.push(n);
                owners.push(i);
            }
        }
        let matcher = if patterns.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(&patterns)
                .ok()
        };
        Self { entries, owners, matcher }
    }

    pub fn entries(&self) -> &[KbEntry] {
        &self.entries
    }

    /// The entry whose name or alias occurs in `name` (longest leftmost).
    pub fn lookup(&self, name: &str) -> Option<&KbEntry> {
        let n = normalize(name);
        let m = self.matcher.as_ref()?.find(&n)?;
        self.entries.get(self.owners[m.pattern().as_usize()])
    }

    /// All entries named in `text` (ASCII case ignored), with byte ranges.
    pub fn find_all<'a>(&'a self, normalized: &'a str) -> impl Iterator<Item = (&'a KbEntry, usize, usize)> + 'a {
        self.matcher.iter().flat_map(move |m| {
            m.find_iter(normalized)
                .map(move |x| (&self.entries[self.owners[x.pattern().as_usize()]], x.start(), x.end()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_finds_aliases() {
        let kb = Kb::builtin();
        assert!(kb.entries().len() > 80);
        assert_eq!(kb.lookup("个推消息推送SDK").map(|e| e.canonical.as_str()), Some("个推推送"));
        assert_eq!(kb.lookup("MobTechSDK").unwrap().providers, vec!["上海游昆信息技术有限公司"]);
        assert!(Kb::empty().lookup("个推").is_none());
    }

    #[test]
    fn injectable() {
        let kb = Kb::from_csv("h\n蜜饯推送,MJPush,蜜饯科技有限公司,push,设备信息,V\n");
        assert_eq!(kb.lookup("用了mjpush").unwrap().category, "push");
    }
}
