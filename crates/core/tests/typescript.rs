//! `packages/npm/report.d.ts`, the npm package's report types, is what ts-rs
//! generates from the Rust types: this test fails when they drift apart, and
//! `UPDATE_REPORT_TYPES=1 cargo test -p policylens-core --features ts --test typescript`
//! writes it again.
#![cfg(feature = "ts")]

use std::path::Path;

#[test]
fn the_npm_packages_report_types_are_the_rust_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packages/npm/report.d.ts");
    let generated = policylens_core::typescript::declarations();
    if std::env::var_os("UPDATE_REPORT_TYPES").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "packages/npm/report.d.ts is not what the Rust types generate: run \
         `UPDATE_REPORT_TYPES=1 cargo test -p policylens-core --features ts --test typescript`"
    );
}

#[test]
fn the_declarations_hold_every_type_of_the_contract() {
    let ts = policylens_core::typescript::declarations();
    for name in ["Report", "Node", "Finding", "Sdk", "Facts", "Summary", "FlowGraph", "Arg", "RuleInfo"] {
        assert!(ts.contains(&format!("export type {name} = ")), "{name} missing:\n{ts}");
    }
    // Spans are `[start, end]`, and fields serde leaves out when empty are optional.
    assert!(ts.contains("export type Span = [number, number];"), "{ts}");
    assert!(ts.contains("span: Span,"), "{ts}");
    assert!(ts.contains("data_open?: boolean"), "{ts}");
    assert!(ts.contains("provider: string | null"), "{ts}");
}
