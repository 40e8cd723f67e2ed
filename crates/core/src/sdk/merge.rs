//! One row per SDK: the same SDK found twice (`X` and `X SDK`, a brand in an
//! intro sentence and its table row, a list repeated later, the Android and
//! iOS tables) is merged into the richest of its rows, which keeps every
//! row's evidence and takes the fields it lacks from the others.
//!
//! Rows merge when their names are the same once case, width, spaces, a
//! trailing `SDK` and a platform (`_Android`) are set aside, or when both are the same knowledge-base entry and one
//! is a bare mention (nothing beyond its name) or a brand the other's name
//! holds. Linear: rows are looked up by name key and by entry, never compared
//! pairwise.

use crate::report::Sdk;
use crate::text::normalize;

/// A name without case, width, spaces, a trailing `SDK` and platform.
fn key(name: &str) -> String {
    let n = normalize(name);
    let mut k = n.as_str();
    // `trackingIO_Android` and `trackingIO_Ios` are one SDK on two platforms.
    for suffix in ["sdk", "插件", "组件", "_android", "_ios", "-android", "-ios", "sdk"] {
        if let Some(rest) = k.strip_suffix(suffix) {
            if rest.chars().count() >= 2 {
                k = rest.trim_end_matches(['-', '_', '.', ',']);
            }
        }
    }
    k.to_owned()
}

/// How much a row says.
fn richness(s: &Sdk) -> usize {
    usize::from(s.provider_from == Some(crate::report::ProviderFrom::Text)) * 2
        + usize::from(s.purpose.is_some()) * 2
        + usize::from(s.link.is_some())
        + usize::from(!s.data.is_empty()) * 2
        + usize::from(!s.permissions.is_empty())
}

fn bare(s: &Sdk) -> bool {
    s.purpose.is_none() && s.data.is_empty() && s.link.is_none()
}

/// `…与位置服务提供商（高德地图）进行共享以便…` beside the row `高德地图SDK`:
/// a mention in prose (a purpose at most) whose name the row's name holds.
fn brand_mention(mention: &Sdk, row: &Sdk) -> bool {
    let (m, r) = (key(&mention.name), key(&row.name));
    mention.data.is_empty() && mention.link.is_none() && m.chars().count() >= 2 && r.len() > m.len() && r.contains(&m)
}

/// Two rows are the same SDK when their names are, or when one says nothing
/// beyond its name (a mention in prose), or is a brand mention the other's
/// name holds, and both are the same knowledge-base entry. Linear: rows are looked up by key and by entry.
pub(super) fn same_sdks(sdks: &mut Vec<Sdk>) {
    use foldhash::HashMap;
    let mut out: Vec<Sdk> = Vec::with_capacity(sdks.len());
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut by_entry: HashMap<String, Vec<usize>> = HashMap::default();
    for sdk in sdks.drain(..) {
        let k = key(&sdk.name);
        let found =
            by_key.get(&k).copied().or_else(|| {
                let entry = sdk.canonical.as_ref()?;
                by_entry.get(entry)?.iter().copied().find(|&i| {
                    bare(&out[i]) || bare(&sdk) || brand_mention(&out[i], &sdk) || brand_mention(&sdk, &out[i])
                })
            });
        match found {
            Some(i) => {
                absorb(&mut out[i], sdk);
                by_key.entry(k).or_insert(i);
            }
            None => {
                let i = out.len();
                by_key.insert(k, i);
                if let Some(entry) = &sdk.canonical {
                    by_entry.entry(entry.clone()).or_default().push(i);
                }
                out.push(sdk);
            }
        }
    }
    *sdks = out;
}

/// `kept` becomes the richer of the two, with the other's evidence and the
/// fields it lacked; it stays where the first was found.
fn absorb(kept: &mut Sdk, mut other: Sdk) {
    // A brand mentioned in prose gives way to the row that names it in full.
    let fuller = || {
        let (k, o) = (key(&kept.name), key(&other.name));
        kept.data.is_empty() && o.len() > k.len() && o.contains(&k)
    };
    if richness(&other) > richness(kept) || richness(&other) == richness(kept) && fuller() {
        std::mem::swap(kept, &mut other);
        // The first-found row's evidence leads.
        std::mem::swap(&mut kept.evidence, &mut other.evidence);
    }
    let text_provider = |s: &Sdk| s.provider_from == Some(crate::report::ProviderFrom::Text);
    let better = kept.provider.is_none() || (!text_provider(kept) && text_provider(&other));
    if better && other.provider.is_some() {
        kept.provider = other.provider.take();
        kept.provider_from = other.provider_from;
    }
    kept.purpose = kept.purpose.take().or(other.purpose.take());
    kept.link = kept.link.take().or(other.link.take());
    kept.canonical = kept.canonical.take().or(other.canonical.take());
    kept.category = kept.category.take().or(other.category.take());
    if kept.data.is_empty() {
        kept.data = std::mem::take(&mut other.data);
        kept.data_open = other.data_open;
    }
    kept.method = kept.method.take().or(other.method.take());
    if kept.permissions.is_empty() {
        kept.permissions = std::mem::take(&mut other.permissions);
    }
    for e in other.evidence {
        if !kept.evidence.contains(&e) {
            kept.evidence.push(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Evidence, ProviderFrom, Span};

    fn sdk(name: &str, at: usize) -> Sdk {
        let evidence = vec![Evidence { span: Span::new(at, at + 1), line: at, text: String::new() }];
        Sdk { evidence, ..Sdk::named(name) }
    }

    #[test]
    fn a_mention_and_its_row_are_one_sdk() {
        let mention = Sdk { canonical: Some("极光推送".into()), ..sdk("JPush", 1) };
        let row = Sdk {
            canonical: Some("极光推送".into()),
            provider: Some("深圳市和讯华谷信息技术有限公司".into()),
            provider_from: Some(ProviderFrom::Text),
            purpose: Some("消息推送".into()),
            ..sdk("极光推送SDK", 9)
        };
        let other =
            Sdk { canonical: Some("极光认证".into()), purpose: Some("登录".into()), ..sdk("极光认证", 12) };
        let mut all = vec![mention, row, sdk("极光推送 sdk", 20), other];
        same_sdks(&mut all);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].name, "极光推送SDK");
        assert_eq!(all[0].purpose.as_deref(), Some("消息推送"));
        assert_eq!(all[0].evidence.iter().map(|e| e.line).collect::<Vec<_>>(), [1, 9, 20]);
        assert_eq!(all[1].name, "极光认证");
    }

    #[test]
    fn platforms_and_brand_mentions_join_their_row() {
        let row = |name: &str, at| Sdk {
            canonical: Some("高德地图".into()),
            data: vec![crate::sdk::vocab::item("位置信息")],
            ..sdk(name, at)
        };
        let mention =
            Sdk {
                canonical: Some("高德地图".into()), purpose: Some("返回位置结果".into()), ..sdk("高德", 1)
            };
        let mut all = vec![
            mention,
            row("高德地图SDK", 5),
            row("高德定位SDK", 6),
            sdk("trackingIO_Android", 7),
            sdk("trackingIO_Ios", 8),
        ];
        same_sdks(&mut all);
        let names: Vec<&str> = all.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["高德地图SDK", "高德定位SDK", "trackingIO_Android"]);
        assert_eq!(all[0].evidence.len(), 2);
        assert_eq!(all[2].evidence.len(), 2);
    }
}
