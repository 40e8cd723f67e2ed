//! Golden tests: every expected section carries all of its `categories` and
//! nothing beyond `categories` + `also` (expected.json).

#[macro_use]
mod common;

use common::{expected, policy, privacy_policy};
use policylens_core::{analyze, NodeKind};

#[track_caller]
fn check(name: &str) {
    let report = analyze(&policy(name));
    let exp = &expected()["policies"][name];
    let doc = privacy_policy(&report);
    let mut problems = Vec::new();
    for s in exp["sections"].as_array().unwrap() {
        let heading = s["heading"].as_str().unwrap();
        let node = doc
            .children
            .iter()
            .find(|n| n.kind == NodeKind::Section && n.heading.as_deref() == Some(heading))
            .unwrap_or_else(|| panic!("{name}: no section {heading}"));
        let must: Vec<&str> = s["categories"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        let also: Vec<&str> = s
            .get("also")
            .and_then(|a| a.as_array())
            .map(|a| a.iter().map(|v| v.as_str().unwrap()).collect())
            .unwrap_or_default();
        for m in &must {
            if !node.categories.iter().any(|c| c == m) {
                problems.push(format!("{heading}: lacks {m} (has {:?})", node.categories));
            }
        }
        for c in &node.categories {
            if !must.contains(&c.id()) && !also.contains(&c.id()) {
                problems.push(format!("{heading}: extra {c}"));
            }
        }
    }
    assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
}

per_policy!(check);
