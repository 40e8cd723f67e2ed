//! How long and where information is kept: the first five retention
//! clauses as evidence, and the storage location (`domestic`, `abroad`, or
//! `both` when clauses say each).

use super::Clause;
use crate::lexicon as lex;
use crate::report::Facts;
use crate::text::Words;

/// Most retention clauses kept as evidence.
const MAX_RETENTION: usize = 5;

#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles
pub(super) fn extract_retention(clause: &Clause, facts: &mut Facts) {
    if is_retention(clause.words) && facts.retention.len() < MAX_RETENTION {
        facts.retention.push(clause.evidence());
    }
}

#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles
pub(super) fn extract_location(clause: &Clause, facts: &mut Facts) {
    if let Some(loc) = storage_location(clause.words) {
        facts.storage_location = Some(match facts.storage_location.as_deref() {
            Some(prev) if prev != loc => "both".to_owned(),
            _ => loc.to_owned(),
        });
    }
}

/// A retention clause: its words (保存期限, 最短时间), or information kept
/// for a length of time (日志信息保存6个月, 运单信息将保留三十天到六个月).
fn is_retention(words: &Words) -> bool {
    words.any(lex::RETENTION)
        || words.any(lex::RETENTION_LOOSE)
        || ((words.any(lex::STORING) || words.any(lex::KEEPING_VERBS)) && crate::scan::names_a_duration(words.text))
}

fn storage_location(words: &Words) -> Option<&'static str> {
    if !words.any(lex::STORING) {
        return None;
    }
    let clause = words.text;
    // 中国大陆 (CAPP-130 rw_29.jsonl:154: 您的信息将存储于中国大陆) is at home too.
    let mainland = crate::text::has(clause, "中国大陆")
        && !crate::text::has(clause, "境外")
        && !["中国大陆以外", "中国大陆之外"].iter().any(|w| crate::text::has(clause, w));
    if crate::text::has(clause, "境内") || mainland {
        Some("domestic")
    } else if crate::text::has(clause, "境外")
        && !crate::text::has(clause, "向境外")
        // 我们不会将您的个人信息储存…或传输至境外: a promise to stay home.
        && !lex::STORAGE_DENIALS.iter().any(|w| crate::text::has(clause, w))
        && stored_near_abroad(clause)
    {
        Some("abroad")
    } else {
        None
    }
}

/// Whether a storage word stands within a short phrase of 境外 (存储于…在
/// 境外的数据中心), not in another part of a long line (an SDK row that
/// writes to 外部存储).
fn stored_near_abroad(clause: &str) -> bool {
    // Byte offsets: 20 CJK characters are 60 bytes.
    clause
        .match_indices("境外")
        .any(|(a, _)| lex::STORING.iter().any(|w| clause.match_indices(w).any(|(s, _)| a.abs_diff(s) <= 60)))
}

#[cfg(test)]
mod tests {
    use super::is_retention;

    #[test]
    fn a_period_of_keeping_is_a_retention_clause() {
        assert!(is_retention(&Words::new("我们对您个人信息的保存期限为六个月。")));
        assert!(is_retention(&Words::new("您的日志信息将保存6个月。")));
        // CAPP-130 rw_58.
        assert!(is_retention(&Words::new("您的运单信息在前台系统将保留三十天到六个月不等的期限。")));
        assert!(!is_retention(&Words::new("我们将在15个工作日内回复您。")));
        assert!(!is_retention(&Words::new("我们会保存您的订单信息。")));
        assert!(!is_retention(&Words::new("本政策于2024年1月1日更新，我们保留解释权。")));
    }

    use super::*;

    #[test]
    fn storage_location_abroad_only_when_said() {
        assert_eq!(
            storage_location(&Words::new("我们在中国大陆以外收集的个人信息存储于在境外的数据中心。")),
            Some("abroad")
        );
        assert_eq!(
            storage_location(&Words::new("我们在中华人民共和国境内收集的个人信息将存储在境内。")),
            Some("domestic")
        );
        assert_eq!(storage_location(&Words::new("您的信息将存储于中国大陆的服务器上。")), Some("domestic"));
        // Seen in CAPP-130 policies: promises not to, and unrelated words.
        assert_eq!(
            storage_location(&Words::new(
                "目前，我们不会将您的个人信息在跨境业务中使用、储存，或将您的个人信息传输至境外。"
            )),
            None
        );
        let row = format!("使用目的：辅助开发,数据类型：写入外部存储{}境外开发者", "，读取设备信息".repeat(5));
        assert_eq!(storage_location(&Words::new(&row)), None);
    }
}
