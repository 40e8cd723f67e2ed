//! What the interface shows about a rule beyond the finding itself: its
//! title, in Chinese and English, read from the core's rule registry, so that
//! the app, the CLI's `explain` and the docs cannot drift apart. (The fixes
//! are fetched from rule-texts.json when opened: see `panels::fix_box`.)

/// The descriptive part of a rule.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    pub title_zh: &'static str,
    pub title_en: &'static str,
}

/// The rule with id `id`, if the registry has it.
pub fn lookup(id: &str) -> Option<RuleMeta> {
    policylens_core::rules::get(id).map(|r| RuleMeta { title_zh: r.title_zh, title_en: r.title_en })
}
