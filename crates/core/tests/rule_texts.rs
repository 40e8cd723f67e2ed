//! `www/rule-texts.json`: each rule's fix, in Chinese and English, for the
//! web app, which leaves these texts out of the wasm (the core's `explain`
//! feature) and fetches the file when a reader opens a fix. The file must
//! say what the rules say; `UPDATE_RULE_TEXTS=1 cargo test --test rule_texts`
//! rewrites it.

use policylens_core::rules::REGISTRY;

fn expected() -> String {
    let mut map = serde_json::Map::new();
    map.insert(
        "_header".to_owned(),
        "Generated from the rules (crates/core/tests/rule_texts.rs); do not edit by hand.".into(),
    );
    for r in REGISTRY {
        map.insert(r.id.to_owned(), serde_json::json!({ "fix": r.fix, "fix_en": r.fix_en }));
    }
    serde_json::to_string_pretty(&serde_json::Value::Object(map)).unwrap() + "\n"
}

#[test]
fn the_web_apps_rule_texts_match_the_rules() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/rule-texts.json");
    let want = expected();
    if std::env::var_os("UPDATE_RULE_TEXTS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "www/rule-texts.json is not what the rules say: run `UPDATE_RULE_TEXTS=1 cargo test -p policylens-core --test rule_texts`"
    );
    assert!(want.contains("\"CTL-01\"") && !want.contains("\"fix\": \"\""), "every rule has a fix");
}
