//! What every front end shows first, computed once from the report's parts:
//! the headline counts ([`Summary`]: failing findings by severity, warnings,
//! whether anything was judged, sections, clauses, SDKs, recipients) and the
//! SDK data-flow graph ([`FlowGraph`]). Front ends render these; they never
//! recount.
//!
//! The sensitive kinds of personal information ([`SensitiveKind`]) are those
//! an SDK or recipient receives (shared), then those a clause that collects,
//! uses or passes on data names (collected), each once with its evidence. The
//! flow graph runs from data groups to SDKs and recipients to providers, its
//! nodes in layout order; the app adds only coordinates.
//!
//! Never reads the text beyond the clauses it is given, never judges a rule.

use std::collections::BTreeMap;

use crate::lexicon as lex;
use crate::report::{DataItem, Finding, FindingStatus, InputKind, Node, NodeKind, Recipient, Sdk, Severity};
pub use crate::report::{FlowGraph, FlowNode, FlowNodeKind, SensitiveKind, Summary};
use crate::scan::ClauseWords;
use crate::sdk::vocab::Vocab;
use crate::text::Lines;

pub fn summarize(
    kind: InputKind,
    outline: &[Node],
    findings: &[Finding],
    sdks: &[Sdk],
    recipients: &[Recipient],
    sensitive: Vec<SensitiveKind>,
) -> Summary {
    let failing = |sev| findings.iter().filter(|f| f.severity == sev && f.status == FindingStatus::Fail).count();
    let (mut sections, mut clauses) = (0, 0);
    count(outline, &mut sections, &mut clauses);
    Summary {
        must_fail: failing(Severity::Must),
        should_fail: failing(Severity::Should),
        warn: findings.iter().filter(|f| f.status == FindingStatus::Warn).count(),
        judged: kind == InputKind::Policy,
        sections,
        clauses,
        sdks: sdks.len(),
        recipients: recipients.len(),
        sensitive,
    }
}

fn count(nodes: &[Node], sections: &mut usize, clauses: &mut usize) {
    for n in nodes {
        if n.kind == NodeKind::Section {
            *sections += 1;
        }
        *clauses += n.clauses.len();
        count(&n.children, sections, clauses);
    }
}

/// The sensitive kinds of personal information the SDKs and recipients
/// receive and the clauses collect, for [`summarize`] (they need no
/// findings: the analysis finds them while the rules judge).
#[cfg_attr(not(target_arch = "wasm32"), inline(never))] // a frame of its own in native profiles
pub fn sensitive_kinds(
    clauses: &ClauseWords<'_>,
    lines: &Lines,
    sdks: &[Sdk],
    recipients: &[Recipient],
) -> Vec<SensitiveKind> {
    let mut out: Vec<SensitiveKind> = Vec::new();
    // Given away first: an SDK row or recipient that receives the item.
    let given = sdks
        .iter()
        .flat_map(|s| s.data.iter().map(move |d| (d, s.evidence.first())))
        .chain(recipients.iter().flat_map(|r| r.data.iter().map(move |d| (d, r.evidence.first()))));
    for (d, ev) in given {
        let (Some(group), true, Some(ev)) = (d.group.as_ref(), d.sensitive, ev) else { continue };
        match out.iter_mut().find(|k| &k.group == group) {
            Some(k) => k.shared = true,
            None => out.push(SensitiveKind {
                group: group.clone(),
                example: d.text.clone(),
                shared: true,
                evidence: ev.clone(),
            }),
        }
    }
    // Then every clause that collects, uses or passes on data.
    let vocab = Vocab::builtin();
    // The clauses that may name a sensitive item, from the one scan of the
    // clauses (the pipeline's index holds the aliases): most clauses that
    // handle data name none, and are passed over without a search.
    let sensitive = clauses.normalized.word_set(crate::sdk::vocab::SENSITIVE_ALIASES);
    for (span, words) in &clauses.clauses {
        let (span, clause) = (*span, words.text);
        if sensitive.as_ref().is_some_and(|set| !clauses.normalized.may_hold(span, set)) {
            continue;
        }
        if !words.any(lex::DATA_HANDLING) || words.any(lex::DATA_NOT_HANDLED) {
            continue;
        }
        for (example, group) in vocab.sensitive_in(clause) {
            if !out.iter().any(|k| k.group == group.id) {
                out.push(SensitiveKind {
                    group: group.id.clone(),
                    example: example.to_owned(),
                    shared: false,
                    evidence: crate::text::evidence(clauses.text, lines, span),
                });
            }
        }
    }
    out
}

/// The SDK data-flow graph of a report's SDKs and recipients.
pub fn flow_graph(sdks: &[Sdk], recipients: &[Recipient]) -> FlowGraph {
    let mut g = FlowGraph::default();
    // Data groups, sensitive ones first, each once.
    let mut groups: BTreeMap<String, bool> = BTreeMap::new();
    for d in sdks.iter().flat_map(|s| &s.data).chain(recipients.iter().flat_map(|r| &r.data)) {
        *groups.entry(group_key(d).to_owned()).or_default() |= d.sensitive;
    }
    let mut groups: Vec<(String, bool)> = groups.into_iter().collect();
    groups.sort_by_key(|(_, sensitive)| !sensitive);
    for (id, sensitive) in &groups {
        g.nodes.push(FlowNode {
            kind: FlowNodeKind::Data,
            label: id.clone(),
            sensitive: *sensitive,
            category: None,
            index: None,
        });
    }
    let group_node = |d: &DataItem| groups.iter().position(|(id, _)| id == group_key(d));
    // SDKs by category, then in the policy's order.
    let mut ordered: Vec<(usize, &Sdk)> = sdks.iter().enumerate().collect();
    ordered.sort_by(|a, b| a.1.category.cmp(&b.1.category).then(a.0.cmp(&b.0)));
    let mut providers: Vec<String> = sdks.iter().filter_map(|s| s.provider.clone()).collect();
    providers.sort();
    providers.dedup();
    let first_provider = g.nodes.len() + sdks.len() + recipients.len();
    for (i, s) in ordered {
        let node = g.nodes.len();
        g.nodes.push(FlowNode {
            kind: FlowNodeKind::Sdk,
            label: s.name.clone(),
            sensitive: s.data.iter().any(|d| d.sensitive),
            category: s.category.clone(),
            index: Some(i),
        });
        edges_from(&s.data, node, &group_node, &mut g.edges);
        if let Some(p) = s.provider.as_ref().and_then(|p| providers.iter().position(|x| x == p)) {
            g.edges.push((node, first_provider + p));
        }
    }
    for (i, r) in recipients.iter().enumerate() {
        let node = g.nodes.len();
        g.nodes.push(FlowNode {
            kind: FlowNodeKind::Recipient,
            label: r.name.clone(),
            sensitive: r.data.iter().any(|d| d.sensitive),
            category: Some(r.kind.clone()),
            index: Some(i),
        });
        edges_from(&r.data, node, &group_node, &mut g.edges);
    }
    for p in providers {
        g.nodes.push(FlowNode {
            kind: FlowNodeKind::Provider,
            label: p,
            sensitive: false,
            category: None,
            index: None,
        });
    }
    g
}

fn group_key(d: &DataItem) -> &str {
    d.group.as_deref().unwrap_or("other")
}

/// One edge from each data group `data` names to `to`.
fn edges_from(
    data: &[DataItem],
    to: usize,
    group_node: &impl Fn(&DataItem) -> Option<usize>,
    edges: &mut Vec<(usize, usize)>,
) {
    for d in data {
        if let Some(from) = group_node(d) {
            if !edges.contains(&(from, to)) {
                edges.push((from, to));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    #[test]
    fn counts_and_sensitive_kinds_of_a_policy() {
        let r = analyze(
            "某某App隐私政策\n一、我们如何收集和使用您的个人信息\n在您进行实名认证时，我们会收集您的姓名、身份证号。\n\
             绑定银行卡时，我们需要您提供银行卡号。\n敏感个人信息是指一旦泄露将会危害人身安全的个人信息，例如生物识别信息。\n\
             我们不会收集您的生物识别信息。\n二、我们如何共享您的个人信息\n我们接入了极光推送SDK，收集设备标识符。\n",
        );
        let s = &r.summary;
        assert!(s.judged);
        assert_eq!(s.sdks, 1);
        assert_eq!(
            s.must_fail,
            r.findings.iter().filter(|f| f.severity == Severity::Must && f.status == FindingStatus::Fail).count()
        );
        let groups: Vec<&str> = s.sensitive.iter().map(|k| k.group.as_str()).collect();
        // The definition of sensitive information and a denial name biometrics
        // but collect none.
        assert!(!groups.contains(&"biometric"), "{groups:?}");
        assert!(s.sensitive.iter().any(|k| k.example == "身份证号" && !k.shared), "{:?}", s.sensitive);
        assert!(s.sensitive.iter().any(|k| k.group == "financial"), "{:?}", s.sensitive);
    }

    #[test]
    fn text_that_is_not_a_policy_is_not_judged() {
        let s = analyze("今天天气很好。").summary;
        assert!(!s.judged);
        assert_eq!((s.must_fail, s.should_fail, s.warn), (0, 0, 0));
    }

    #[test]
    fn the_flow_graph_links_data_sdks_and_providers() {
        let mut a = Sdk::named("甲SDK");
        a.provider = Some("甲公司".into());
        a.category = Some("push".into());
        a.data = vec![crate::sdk::vocab::item("身份证号"), crate::sdk::vocab::item("IMEI")];
        let mut b = Sdk::named("乙SDK");
        b.provider = Some("甲公司".into());
        b.category = Some("analytics".into());
        b.data = vec![crate::sdk::vocab::item("IMEI")];
        let g = flow_graph(&[a, b], &[]);
        let labels: Vec<(&str, FlowNodeKind)> = g.nodes.iter().map(|n| (n.label.as_str(), n.kind)).collect();
        let id_group = crate::sdk::vocab::item("身份证号").group.unwrap();
        let device_group = crate::sdk::vocab::item("IMEI").group.unwrap();
        assert_eq!(
            labels,
            [
                (id_group.as_str(), FlowNodeKind::Data),
                (device_group.as_str(), FlowNodeKind::Data),
                ("乙SDK", FlowNodeKind::Sdk),
                ("甲SDK", FlowNodeKind::Sdk),
                ("甲公司", FlowNodeKind::Provider),
            ]
        );
        assert!(g.nodes[0].sensitive && g.nodes[3].sensitive && !g.nodes[2].sensitive);
        assert_eq!(g.nodes[3].index, Some(0));
        // Device ids to both SDKs, the ID number to 甲 only, both SDKs to their one provider.
        assert_eq!(g.edges, [(1, 2), (2, 4), (0, 3), (1, 3), (3, 4)]);
    }
}
