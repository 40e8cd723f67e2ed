//! Every report on the repository's corpora, pinned by a digest: the five
//! policies, all of CAPP-130, the findings benchmark and the SDK corpus
//! (182 files). A change made for speed must leave each report byte for
//! byte as it was; a change meant to alter reports updates the digests on
//! purpose (`UPDATE_DIGESTS=1 cargo test -p policylens-cli --test
//! reports_unchanged`) and says so in its commit, as with snapshots.
//!
//! The digest is FNV-1a (64 bits) of the report's JSON line as
//! `policylens batch` writes it, path included, with the value of
//! `rules_version` left out: that is a hash of the rules' source files, so
//! any edit of a rule's code changes it, a change for speed too.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

const CORPORA: &[&str] =
    &["tests/corpus/policies", "tests/corpus/capp130", "tests/corpus/findings", "tests/corpus/sdk"];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Each report's path and the digest of its row.
fn digests() -> BTreeMap<String, String> {
    let out = Command::new(env!("CARGO_BIN_EXE_policylens"))
        .current_dir(repo())
        .arg("batch")
        .args(CORPORA)
        .output()
        .expect("policylens runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = String::from_utf8(out.stdout).expect("rows are UTF-8");
    rows.lines()
        .map(|row| {
            let v: serde_json::Value = serde_json::from_str(row).expect("a row is JSON");
            let path = v["path"].as_str().expect("a row names its path").to_owned();
            (path, format!("{:016x}", fnv1a(without_rules_version(row).as_bytes())))
        })
        .collect()
}

/// `row` with the value of its `rules_version` blanked.
fn without_rules_version(row: &str) -> String {
    const KEY: &str = "\"rules_version\":\"";
    match row.find(KEY) {
        Some(at) => {
            let value = at + KEY.len();
            let end = value + row[value..].find('"').expect("the version is a string");
            format!("{}{}", &row[..value], &row[end..])
        }
        None => row.to_owned(),
    }
}

#[test]
fn reports_on_the_corpora_are_unchanged() {
    let file = repo().join("tests/report-digests.txt");
    let got = digests();
    let text: String = got.iter().map(|(path, d)| format!("{d}  {path}\n")).collect();
    if std::env::var_os("UPDATE_DIGESTS").is_some() {
        std::fs::write(&file, text).expect("the digests file is writable");
        return;
    }
    let stored = std::fs::read_to_string(&file).expect("tests/report-digests.txt exists");
    let want: BTreeMap<String, String> =
        stored.lines().filter_map(|l| l.split_once("  ")).map(|(d, path)| (path.to_owned(), d.to_owned())).collect();
    assert_eq!(got.len(), 182, "reports on the corpora");
    let changed: Vec<&String> = want.keys().filter(|p| got.get(*p) != want.get(*p)).collect();
    let added: Vec<&String> = got.keys().filter(|p| !want.contains_key(*p)).collect();
    assert!(
        changed.is_empty() && added.is_empty(),
        "reports changed: {changed:?}; new: {added:?} (UPDATE_DIGESTS=1 when the change is meant)"
    );
}
