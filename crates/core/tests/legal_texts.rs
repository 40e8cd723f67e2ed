//! `www/legal.json` (the app's legal texts, fetched on demand) holds every
//! article of PIPL and the NDSR that a rule cites, each starting with its own
//! 第X条 heading, and no national standard.

use policylens_core::rules::REGISTRY;

/// 17 → 十七, 21 → 二十一, 7 → 七, 69 → 六十九.
fn chinese(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_owned(),
        10..=19 => format!("十{}", D[(n % 10) as usize]),
        _ => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
    }
}

#[test]
fn every_cited_pipl_and_ndsr_article_is_shipped() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/legal.json");
    let legal: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut checked = 0;
    for rule in REGISTRY {
        for source in rule.sources {
            let Some((law, rest)) = source.split_once(' ') else { continue };
            if !matches!(law, "PIPL" | "NDSR") {
                continue;
            }
            let article = rest.split('(').next().unwrap();
            let text =
                legal[law][article].as_str().unwrap_or_else(|| panic!("{}: {source} is not in legal.json", rule.id));
            let heading = format!("第{}条", chinese(article.parse().unwrap()));
            assert!(text.starts_with(&heading), "{source}: {text}");
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked}");
    assert!(legal.get("GB/T").is_none());
    assert!(legal["_header"]["sources"]["PIPL"]["from"].as_str().unwrap().contains("LawRefBook"));
}
