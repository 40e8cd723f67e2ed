//! SDK extraction against the hand-checked rows of `expected.json`.

mod common;

use policylens_core::{analyze, ProviderFrom};

#[test]
fn mijian_yields_the_twelve_rows() {
    let text = common::policy("mijian.txt");
    let report = analyze(&text);
    let expected = common::expected();
    let rows = expected["policies"]["mijian.txt"]["sdks"].as_array().unwrap();
    let got: Vec<_> = report.sdks.iter().map(|s| (s.name.as_str(), s.data.len())).collect();
    assert_eq!(report.sdks.len(), rows.len(), "{got:?}");
    for (sdk, row) in report.sdks.iter().zip(rows) {
        assert_eq!(sdk.name, row["name"].as_str().unwrap());
        assert_eq!(sdk.purpose.as_deref(), row["purpose"].as_str());
        let data: Vec<&str> = sdk.data.iter().map(|d| d.text.as_str()).collect();
        let want: Vec<&str> = row["data"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(data, want, "{}", sdk.name);
        assert_eq!(sdk.provider.as_deref(), row["provider"].as_str(), "{}", sdk.name);
        assert_eq!(sdk.provider_from, Some(ProviderFrom::Text));
        assert_eq!(sdk.link.as_deref(), row["link"].as_str(), "{}", sdk.name);
        assert!(!sdk.evidence.is_empty());
        if let Some(d) = sdk.data.iter().find(|d| d.text == "唯一设备识别码") {
            assert_eq!(d.defined_as, ["IDFA", "UUID", "IMEI", "oaid", "AndroidId"]);
        }
        for e in &sdk.evidence {
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            assert!(text[e.span.start..e.span.end].contains(sdk.name.as_str()));
        }
    }
}

#[test]
fn taobao_points_elsewhere_and_invents_no_rows() {
    let text = common::policy("taobao.txt");
    let lines = policylens_core::text::Lines::new(&text);
    let report = analyze(&text);
    assert!(report.sdks.is_empty(), "{:?}", report.sdks.iter().map(|s| &s.name).collect::<Vec<_>>());
    let ext = policylens_core::sdk::extract(&text, &lines, &report.outline);
    assert!(ext.external_list.is_some());
}

#[test]
fn other_policies_have_no_sdk_rows() {
    for name in ["xiaoyun.txt", "apayun.txt", "weidandan.txt"] {
        let report = analyze(&common::policy(name));
        assert!(report.sdks.is_empty(), "{name}: {:?}", report.sdks.iter().map(|s| &s.name).collect::<Vec<_>>());
    }
}
