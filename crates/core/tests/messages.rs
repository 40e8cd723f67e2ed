//! Every finding on the corpus policies carries a detail whose every key
//! (and every nested part's) is in the message table, in both languages,
//! and whose Chinese rendering is the report's `message`.

use policylens_core::rules::messages::{render, template, Lang};
use policylens_core::{Arg, Detail, FindingStatus};

fn keys(d: &Detail, out: &mut Vec<String>) {
    out.push(d.key.clone());
    for a in &d.args {
        match a {
            Arg::Part(p) => keys(p, out),
            Arg::Parts { parts, .. } => parts.iter().for_each(|p| keys(p, out)),
            Arg::Text(_) | Arg::Texts(_) => {}
        }
    }
}

#[test]
fn every_detail_renders_in_both_languages() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/policies");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let report = policylens_core::analyze(&std::fs::read_to_string(&path).unwrap());
        for f in &report.findings {
            let Some(detail) = &f.detail else {
                assert_eq!(f.status, FindingStatus::Pass, "{} on {}", f.rule, path.display());
                continue;
            };
            seen += 1;
            let mut all = Vec::new();
            keys(detail, &mut all);
            for k in &all {
                assert!(template(k, Lang::Zh).is_some() && template(k, Lang::En).is_some(), "{k} has no message");
            }
            assert_eq!(render(detail, Lang::Zh), f.message);
            let en = render(detail, Lang::En);
            assert!(!en.contains('{'), "{}: {en}", f.rule);
        }
        assert_eq!(report.rules_version, policylens_core::rules::messages::RULES_VERSION);
    }
    assert!(seen > 20, "{seen} failing or warning findings");
}

/// A fail or warning says what it rests on: words not found, or text the
/// policy states; a pass says nothing.
#[test]
fn every_finding_says_what_it_rests_on() {
    use policylens_core::Basis;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/policies");
    let report = |name: &str| policylens_core::analyze(&std::fs::read_to_string(dir.join(name)).unwrap());
    let xiaoyun = report("xiaoyun.txt");
    let basis = |id: &str| xiaoyun.findings.iter().find(|f| f.rule == id).map(|f| (f.status, f.basis));
    // Consent by use is there to read (您使用或继续使用…即意味着同意).
    assert_eq!(basis("WRD-01"), Some((FindingStatus::Warn, Some(Basis::Stated))));
    // No protection officer: the rule found none.
    assert_eq!(basis("CTL-02"), Some((FindingStatus::Fail, Some(Basis::Missing))));
    assert_eq!(basis("RGT-01").map(|(_, b)| b), Some(None), "a pass rests on its evidence");
    for name in ["apayun.txt", "mijian.txt", "taobao.txt", "weidandan.txt", "xiaoyun.txt"] {
        for f in report(name).findings {
            assert_eq!(f.basis.is_some(), f.status != FindingStatus::Pass, "{} on {name}", f.rule);
        }
    }
}
