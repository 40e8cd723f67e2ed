//! What the interface shows about a rule beyond the finding itself: its
//! title and how to fix it, each in Chinese and English, read from the core's
//! rule registry, so that the app, the CLI's `explain` and the docs cannot
//! drift apart.

/// The descriptive part of a rule.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub fix: &'static str,
    pub fix_en: &'static str,
}

/// The rule with id `id`, if the registry has it.
pub fn lookup(id: &str) -> Option<RuleMeta> {
    policylens_core::rules::get(id).map(|r| RuleMeta {
        title_zh: r.title_zh,
        title_en: r.title_en,
        fix: r.fix,
        fix_en: r.fix_en,
    })
}
