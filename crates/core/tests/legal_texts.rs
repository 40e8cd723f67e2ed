//! `www/legal.json` (the app's legal texts, fetched on demand) holds every
//! article of PIPL and the NDSR that a rule cites, each starting with its own
//! 第X条 heading, and no national standard; every source a rule cites names
//! a document of `data/legal/sources.txt` (title and number) and an item
//! that exists in it.

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

/// The cited documents: key → (title, number), from data/legal/sources.txt.
fn documents() -> std::collections::BTreeMap<String, (String, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/legal/sources.txt");
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            assert_eq!(f.len(), 4, "{l}");
            (f[0].to_owned(), (f[1].to_owned(), f[2].to_owned()))
        })
        .collect()
}

/// Clauses of GB/T 35273-2020 the rules may cite (its table of contents).
const GBT_35273: &[&str] = &[
    "4", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "6.1", "6.2", "6.3", "6.4", "7.1", "7.2", "7.3", "7.4",
    "7.5", "7.6", "7.7", "7.8", "7.9", "8.1", "8.2", "8.3", "8.4", "8.5", "8.6", "8.7", "8.8", "9.1", "9.2", "9.3",
    "9.4", "9.5", "9.6", "9.7", "9.8", "10", "10.1", "10.2", "11.1", "11.2", "11.3", "11.4", "11.5", "11.6", "11.7",
    "App. D",
];

/// Whether `item` is an article number in `1..=last`, with an optional
/// item in parentheses: `17`, `17(2)`.
fn article(item: &str, last: u32) -> bool {
    let (n, rest) = item.split_once('(').map_or((item, None), |(n, r)| (n, Some(r)));
    let items_ok = rest.is_none_or(|r| r.strip_suffix(')').is_some_and(|k| k.parse::<u32>().is_ok_and(|k| k >= 1)));
    n.parse::<u32>().is_ok_and(|n| (1..=last).contains(&n)) && items_ok
}

#[test]
fn every_source_names_a_registered_document_and_an_item_in_it() {
    let docs = documents();
    let mut seen = std::collections::BTreeSet::new();
    for rule in REGISTRY {
        for source in rule.sources {
            let key = if source.starts_with("GB/T ") {
                source.splitn(3, ' ').take(2).collect::<Vec<_>>().join(" ")
            } else {
                source.split(' ').next().unwrap().to_owned()
            };
            let (title, number) = docs.get(&key).unwrap_or_else(|| panic!("{}: {source} names no document", rule.id));
            assert!(!title.is_empty() && !number.is_empty());
            seen.insert(key.clone());
            let item = source[key.len()..].trim();
            let ok = match key.as_str() {
                "PIPL" => article(item, 74),
                "NDSR" => article(item, 64),
                "民法典" => article(item, 1260),
                "儿童规定" => article(item, 29),
                // 一 … 六, optionally with the numbered case: 二.1
                "认定方法" => {
                    let (part, case) = item.split_once('.').map_or((item, None), |(p, c)| (p, Some(c)));
                    ["一", "二", "三", "四", "五", "六"].contains(&part)
                        && case.is_none_or(|c| c.parse::<u32>().is_ok())
                }
                "GB/T 35273" => GBT_35273.contains(&item),
                // What an SDK must disclose (6.1 b), per the reference checklist.
                "GB/T 43435" => item == "6.1",
                "自评估指南" | "SDK指引" => {
                    !item.is_empty() && item.split('.').all(|n| n.parse::<u32>().is_ok())
                }
                // Notices cited whole.
                _ => item.is_empty(),
            };
            assert!(ok, "{}: {source} cites no item {key} has", rule.id);
        }
    }
    // Every registered document is cited (none left over to drift).
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), docs.keys().cloned().collect::<Vec<_>>());
    // The two citations a reviewer found wrong stay fixed.
    let sources = |id: &str| REGISTRY.iter().find(|r| r.id == id).unwrap().sources;
    assert_eq!(sources("COL-07"), ["PIPL 24", "认定方法 三.6", "GB/T 35273 7.5", "GB/T 35273 7.7"]);
    assert!(sources("PUB-01").contains(&"自评估指南 1.2"));
}

#[test]
fn legal_json_names_every_document_as_sources_txt_does() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/legal.json");
    let legal: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let shipped = legal["_header"]["sources"].as_object().unwrap();
    let docs = documents();
    assert_eq!(shipped.len(), docs.len(), "run python3 scripts/legal-json.py");
    for (key, (title, number)) in docs {
        assert_eq!(shipped[&key]["title"], title.as_str(), "run python3 scripts/legal-json.py");
        assert_eq!(shipped[&key]["number"], number.as_str(), "run python3 scripts/legal-json.py");
    }
    assert_eq!(shipped["认定方法"]["number"], "国信办秘字〔2019〕191号");
}
