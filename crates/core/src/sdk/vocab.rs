//! Personal-information items: the product's data vocabulary
//! (`data/data-vocab.tsv`, from the shared data-vocab.json) groups the items a
//! policy writes; groups are marked sensitive (PIPL art. 28, GB/T 35273 B.2)
//! or watched by regulators.

use std::sync::OnceLock;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

use crate::report::DataItem;

const BUILTIN: &str = include_str!("../../data/data-vocab.tsv");

include!(concat!(env!("OUT_DIR"), "/sensitive_aliases.rs"));

/// One group of the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub sensitive: bool,
    /// Not legally sensitive but scrutinised by regulators (device ids, app lists).
    pub watched: bool,
}

#[derive(Clone)]
pub struct Vocab {
    groups: Vec<Group>,
    /// The group of each alias, by the alias's number in `matcher`.
    owners: Vec<usize>,
    /// The aliases, lower-cased in ASCII and each once (the first group
    /// that lists one owns it), leftmost-longest.
    matcher: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
}

impl std::fmt::Debug for Vocab {
    // The automaton has no `Debug`; the groups say what it finds.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocab").field("groups", &self.groups).finish_non_exhaustive()
    }
}

impl Vocab {
    /// `id \t y|n (sensitive) \t y|n (watched) \t alias|alias…`; `#` lines are comments.
    pub fn from_tsv(tsv: &str) -> Self {
        let mut groups = Vec::new();
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 {
                continue;
            }
            for a in cols[3].split('|').map(str::trim).filter(|a| !a.is_empty()) {
                patterns.push(a.to_owned());
                owners.push(groups.len());
            }
            groups.push(Group { id: cols[0].to_owned(), sensitive: cols[1] == "y", watched: cols[2] == "y" });
        }
        // Matching is ASCII-case-insensitive: the aliases are lower-cased
        // here and a text with upper case is searched as a lower-cased copy
        // (same bytes, same offsets; `matches`).
        let mut seen = foldhash::HashSet::default();
        let (patterns, owners): (Vec<String>, Vec<usize>) = patterns
            .into_iter()
            .map(|p| p.to_ascii_lowercase())
            .zip(owners)
            .filter(|(p, _)| seen.insert(p.clone()))
            .unzip();
        let matcher =
            CharwiseDoubleArrayAhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&patterns).ok();
        Self { groups, owners, matcher }
    }

    pub fn builtin() -> &'static Vocab {
        static V: OnceLock<Vocab> = OnceLock::new();
        V.get_or_init(|| Vocab::from_tsv(BUILTIN))
    }

    /// The aliases `text` holds, leftmost-longest, ASCII case aside: each
    /// as its byte range in `text` and its group.
    fn matches(&self, text: &str) -> Vec<(usize, usize, &Group)> {
        let Some(m) = self.matcher.as_ref() else { return Vec::new() };
        let lower;
        let hay = if text.bytes().any(|b| b.is_ascii_uppercase()) {
            lower = text.to_ascii_lowercase();
            lower.as_str()
        } else {
            text
        };
        m.leftmost_find_iter(hay).map(|x| (x.start(), x.end(), &self.groups[self.owners[x.value() as usize]])).collect()
    }

    /// The group of an item: the longest alias it contains (leftmost first).
    pub fn group_of(&self, text: &str) -> Option<&Group> {
        let best = self.matches(text).into_iter().max_by_key(|x| (x.1 - x.0, std::cmp::Reverse(x.0)))?;
        Some(best.2)
    }
}

impl Vocab {
    /// The items a sentence names, as written, in order and each once:
    /// `我们会将您的姓名、手机号共享给…` → 姓名, 手机号.
    pub fn items_in(&self, sentence: &str) -> Vec<DataItem> {
        let mut out: Vec<DataItem> = Vec::new();
        for (start, end, group) in self.matches(sentence) {
            let text = &sentence[start..end];
            if !out.iter().any(|d| d.text == text) {
                out.push(DataItem {
                    text: text.to_owned(),
                    group: Some(group.id.clone()),
                    sensitive: group.sensitive,
                    defined_as: Vec::new(),
                });
            }
        }
        out
    }
}

impl Vocab {
    /// The sensitive items a sentence names, as written, in order (repeats
    /// too), with their groups: [`Vocab::items_in`]'s sensitive ones without
    /// building an item for each.
    pub fn sensitive_in<'a>(&'a self, sentence: &'a str) -> impl Iterator<Item = (&'a str, &'a Group)> + 'a {
        self.matches(sentence)
            .into_iter()
            .filter(|(_, _, group)| group.sensitive)
            .map(move |(start, end, group)| (&sentence[start..end], group))
    }
}

pub fn item(text: &str) -> DataItem {
    let g = Vocab::builtin().group_of(text);
    DataItem {
        text: text.to_owned(),
        group: g.map(|g| g.id.clone()),
        sensitive: g.is_some_and(|g| g.sensitive),
        defined_as: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The aliases found are those the aho-corasick crate finds,
        /// leftmost-longest and ASCII-case-insensitive, with the group of
        /// the first line that lists a repeated alias.
        #[test]
        fn matches_are_aho_corasicks_leftmost_longest(
            text in "[甲乙丙a-cA-C ]{0,40}",
            aliases in proptest::collection::vec("[甲乙丙a-cA-C]{1,4}", 1..10),
        ) {
            let tsv: String = aliases.iter().enumerate().map(|(i, a)| format!("g{i}\tn\tn\t{a}\n")).collect();
            let vocab = Vocab::from_tsv(&tsv);
            let ac = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(&aliases)
                .expect("aliases build an automaton");
            let expected: Vec<(usize, usize, String)> = ac
                .find_iter(&text)
                .map(|m| {
                    let first = aliases.iter().position(|a| a.eq_ignore_ascii_case(&aliases[m.pattern().as_usize()]));
                    (m.start(), m.end(), format!("g{}", first.unwrap_or(usize::MAX)))
                })
                .collect();
            let found: Vec<(usize, usize, String)> = vocab.matches(&text).into_iter().map(|(s, e, g)| (s, e, g.id.clone())).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn sensitive_aliases_are_the_sensitive_groups_aliases_normalised() {
        let tsv_aliases: Vec<String> = BUILTIN
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .filter(|c| c.len() >= 4 && c[1] == "y")
            .flat_map(|c| c[3].split('|').map(|a| a.trim().to_ascii_lowercase()).collect::<Vec<_>>())
            .collect();
        assert!(SENSITIVE_ALIASES.contains(&"gps") && SENSITIVE_ALIASES.contains(&"身份证"));
        assert!(tsv_aliases.iter().all(|a| SENSITIVE_ALIASES.contains(&a.as_str())));
        // As the clause index reads them: normalised text.
        assert!(SENSITIVE_ALIASES.iter().all(|a| crate::text::normalize(a) == *a), "{SENSITIVE_ALIASES:?}");
    }

    #[test]
    fn groups_and_sensitivity() {
        assert_eq!(item("设备识别码IMEI").group.as_deref(), Some("device_id"));
        assert!(item("精确位置信息").sensitive);
        assert!(item("身份证号").sensitive);
        assert!(!item("昵称").sensitive);
        assert!(Vocab::builtin().group_of("应用列表").is_some_and(|g| g.watched));
        assert_eq!(item("天气").group, None);
    }

    #[test]
    fn items_named_in_a_sentence() {
        let items =
            Vocab::builtin().items_in("我们会将您的姓名、手机号码和收货地址共享给配送服务商，手机号码仅用于联系。");
        let texts: Vec<&str> = items.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["姓名", "手机号码", "收货地址"]);
        assert!(items.iter().all(|d| d.group.is_some()));
        let sensitive: Vec<(&str, &str)> = Vocab::builtin()
            .sensitive_in("我们会收集您的姓名、身份证号码和精确位置信息，身份证号码仅用于实名认证。")
            .map(|(text, group)| (text, group.id.as_str()))
            .collect();
        let ids: Vec<&str> = sensitive.iter().map(|(_, g)| *g).collect();
        assert_eq!(sensitive.len(), 3, "{sensitive:?}");
        assert_eq!(sensitive[0].0, sensitive[2].0, "a repeat is given again");
        assert!(!ids.contains(&"name"), "{ids:?}");
    }
}
