//! Golden tests: the checklist's `missing` rows and the facts of each corpus
//! policy against expected.json.

#[macro_use]
mod common;

use common::{expected, policy};
use policylens_core::{analyze, CoverageStatus, TimeUnit};

#[track_caller]
fn check(name: &str) {
    let report = analyze(&policy(name));
    let all = expected();
    let exp = &all["policies"][name];
    let among: Vec<&str> = all["missing_among"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let want: Vec<&str> = exp["missing"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let got: Vec<&str> = report
        .checklist
        .iter()
        .filter(|r| r.status == CoverageStatus::Missing && among.contains(&r.category.id()))
        .map(|r| r.category.id())
        .collect();
    let mut want_sorted = want.clone();
    want_sorted.sort_unstable();
    let mut got_sorted = got.clone();
    got_sorted.sort_unstable();
    assert_eq!(got_sorted, want_sorted, "{name}: missing rows");

    let facts = &exp["facts"];
    let f = &report.facts;
    for (key, value) in [("effective", &f.effective), ("updated", &f.updated)] {
        if let Some(v) = facts.get(key) {
            assert_eq!(value.as_deref(), v.as_str(), "{name}: {key}");
        }
    }
    if let Some(emails) = facts.get("emails") {
        let want: Vec<&str> = emails.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(f.emails, want, "{name}: emails");
    }
    if let Some(days) = facts.get("response_days_promised") {
        let want: Vec<u64> = days.as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
        let got: Vec<u64> = f.response_time.iter().map(|r| u64::from(r.value)).collect();
        assert_eq!(got, want, "{name}: reply times");
        if facts.get("response_unit").and_then(|u| u.as_str()) == Some("working days") {
            assert!(f.response_time.iter().all(|r| r.unit == TimeUnit::WorkingDays), "{name}: unit");
        }
    }
    if let Some(age) = facts.get("children_age") {
        assert_eq!(f.children_age.map(u64::from), age.as_u64(), "{name}: children's age");
    }
}

per_policy!(check);

/// The status of `rule` on a corpus policy.
fn status(name: &str, rule: &str) -> Option<policylens_core::FindingStatus> {
    analyze(&policy(name)).findings.into_iter().find(|f| f.rule == rule).map(|f| f.status)
}

#[test]
fn known_defects_are_found() {
    use policylens_core::FindingStatus::{Fail, Warn};
    for rule in ["WRD-01", "WRD-02", "WRD-03"] {
        assert_eq!(status("xiaoyun.txt", rule), Some(Warn), "xiaoyun {rule}");
    }
    assert_eq!(status("weidandan.txt", "WRD-05"), Some(Warn));
    assert_eq!(status("weidandan.txt", "CTL-01"), Some(Fail));
    assert_eq!(status("weidandan.txt", "KID-01"), Some(Fail));
    assert_eq!(status("taobao.txt", "WRD-06"), Some(Warn));
}

#[test]
fn defects_are_not_invented() {
    use policylens_core::FindingStatus::Pass;
    for name in ["apayun.txt", "mijian.txt", "taobao.txt"] {
        assert_eq!(status(name, "WRD-01"), Some(Pass), "{name}");
        assert_eq!(status(name, "WRD-05"), Some(Pass), "{name}");
        assert_eq!(status(name, "KID-01"), Some(Pass), "{name}");
    }
    for name in ["xiaoyun.txt", "apayun.txt", "weidandan.txt", "mijian.txt"] {
        assert_eq!(status(name, "WRD-06"), Some(Pass), "{name}");
    }
}
