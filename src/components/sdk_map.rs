//! The SDK data-flow map: personal-information groups on the left, SDKs
//! grouped by category in the middle, provider companies on the right, an
//! edge for every flow. Recipients that are not SDKs (payment institutions,
//! affiliates, partners by type) follow the SDKs in the middle column, with
//! dashed borders (`data-recipient`) and dashed flows from the data groups
//! their sentences give them (`Recipient::data`), so that the map shows
//! everyone the policy says receives data. The nodes and edges are the
//! report's flow graph; this view adds only coordinates. Drawn as plain SVG
//! by Yew; presentation attributes (not a stylesheet) carry the colours, so
//! the exported file looks the same.

use policylens_core::{DataItem, FlowGraph, FlowNodeKind, ProviderFrom, Recipient, Sdk, Span};
use yew::prelude::*;

use super::ViewProps;
use crate::i18n::Lang;

const WIDTH: f64 = 960.0;
const ROW: f64 = 28.0;
const TOP: f64 = 36.0;
const NODE_H: f64 = 22.0;
const COL_X: [f64; 3] = [10.0, 360.0, 690.0];
const COL_W: [f64; 3] = [230.0, 250.0, 260.0];

/// The map's layout: positions of every node, computed from the report.
struct Layout<'a> {
    groups: Vec<(String, bool)>,
    sdks: Vec<(usize, &'a Sdk)>,
    providers: Vec<String>,
    /// (group row, sdk row)
    data_edges: Vec<(usize, usize)>,
    /// (sdk row, provider row)
    provider_edges: Vec<(usize, usize)>,
    /// (group row, recipient row): what a recipient that is not an SDK receives.
    recipient_edges: Vec<(usize, usize)>,
    category_rows: Vec<(usize, String)>,
    /// The row of the "other recipients" label, when there are any.
    recipients_label: Option<usize>,
    recipients: Vec<(usize, &'a Recipient)>,
    height: f64,
}

/// Rows for the nodes of the report's flow graph (`report.flows`: which
/// nodes, in which order, joined by which edges, is the core's; where they
/// go is this file's).
fn layout<'a>(flows: &FlowGraph, sdks: &'a [Sdk], others: &'a [Recipient]) -> Layout<'a> {
    let mut groups: Vec<(String, bool)> = Vec::new();
    let mut providers: Vec<String> = Vec::new();
    let mut sdk_rows: Vec<(usize, &Sdk)> = Vec::new();
    let mut recipients = Vec::new();
    let mut category_rows = Vec::new();
    // Where each node is: its column's row.
    let mut place: Vec<usize> = Vec::with_capacity(flows.nodes.len());
    let mut row = 0;
    let mut last_category: Option<&Option<String>> = None;
    let mut recipients_label = None;
    for n in &flows.nodes {
        match n.kind {
            FlowNodeKind::Data => {
                place.push(groups.len());
                groups.push((n.label.clone(), n.sensitive));
            }
            FlowNodeKind::Provider => {
                place.push(providers.len());
                providers.push(n.label.clone());
            }
            FlowNodeKind::Sdk => {
                if last_category != Some(&n.category) {
                    category_rows.push((row, n.category.clone().unwrap_or_default()));
                    row += 1;
                    last_category = Some(&n.category);
                }
                place.push(row);
                if let Some(s) = n.index.and_then(|i| sdks.get(i)) {
                    sdk_rows.push((row, s));
                }
                row += 1;
            }
            FlowNodeKind::Recipient => {
                if recipients_label.is_none() {
                    recipients_label = Some(row);
                    row += 1;
                }
                place.push(row);
                if let Some(r) = n.index.and_then(|i| others.get(i)) {
                    recipients.push((row, r));
                }
                row += 1;
            }
        }
    }
    let (mut data_edges, mut provider_edges, mut recipient_edges) = (Vec::new(), Vec::new(), Vec::new());
    for &(from, to) in &flows.edges {
        let (Some(a), Some(b)) = (flows.nodes.get(from), flows.nodes.get(to)) else { continue };
        let edge = (place[from], place[to]);
        match (a.kind, b.kind) {
            (FlowNodeKind::Data, FlowNodeKind::Sdk) => data_edges.push(edge),
            (FlowNodeKind::Data, FlowNodeKind::Recipient) => recipient_edges.push(edge),
            (FlowNodeKind::Sdk, FlowNodeKind::Provider) => provider_edges.push(edge),
            _ => {}
        }
    }
    let count = groups.len().max(row).max(providers.len()).max(1);
    Layout {
        recipients_label,
        recipients,
        groups,
        sdks: sdk_rows,
        providers,
        data_edges,
        provider_edges,
        recipient_edges,
        category_rows,
        height: TOP + count as f64 * ROW + 10.0,
    }
}

fn y(row: usize) -> f64 {
    TOP + row as f64 * ROW
}

fn edge_path(x1: f64, y1: f64, x2: f64, y2: f64) -> String {
    let mid = (x1 + x2) / 2.0;
    format!("M{x1:.1},{y1:.1} C{mid:.1},{y1:.1} {mid:.1},{y2:.1} {x2:.1},{y2:.1}")
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

#[component]
pub fn SdkMap(props: &ViewProps) -> Html {
    let report = &props.analysis.report;
    let strings = props.lang.strings();
    let hovered = use_state(|| None::<usize>);
    let selected = use_state(|| None::<usize>);
    let sdks = &report.sdks;
    let lay = layout(&report.flows, sdks, &report.recipients);
    let svg_ref = use_node_ref();
    let map = Map { lay: &lay, sdks, active: (*hovered).or(*selected), lang: props.lang, stop: 0 };
    let title = strings.map_title;

    let on_export = {
        let svg_ref = svg_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = svg_ref.cast::<web_sys::Element>() {
                let markup = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}", el.outer_html());
                crate::export::download("policylens-sdk-map.svg", "image/svg+xml", &markup);
            }
        })
    };

    // Up and Down move between the middle column's nodes, which share one
    // tab stop; Escape deselects.
    let nodes = lay.sdks.len() + lay.recipients.len();
    let cursor = use_state(|| 0usize);
    let onfocusin = {
        let cursor = cursor.clone();
        Callback::from(move |e: FocusEvent| {
            if let (_, Some(at)) = super::items_of(&e, NAV) {
                cursor.set(at);
            }
        })
    };
    let onkeydown = {
        let selected = selected.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                selected.set(None);
                return;
            }
            let (items, Some(at)) = super::items_of(&e, NAV) else { return };
            if let Some(i) = super::step(&e.key(), at, items.len()) {
                e.prevent_default();
                super::focus(&items[i]);
            }
        })
    };
    let map = Map { stop: if *cursor < nodes { *cursor } else { 0 }, ..map };
    let details = (*selected).and_then(|i| sdks.get(i)).map(|s| sdk_facts(s, props.lang, &props.on_select, false));
    html! {
        <div class="sdk-map" {onkeydown} {onfocusin}>
            <div class="map-actions">
                <button type="button" data-testid="export-svg" onclick={on_export}>{ strings.export_svg }</button>
            </div>
            <div class="map-scroll">
                <svg ref={svg_ref} xmlns="http://www.w3.org/2000/svg" viewBox={format!("0 0 {WIDTH} {:.0}", lay.height)}
                    width="100%" role="group" aria-label={title} font-family="system-ui, sans-serif">
                    <title>{ title }</title>
                    <rect width="100%" height="100%" fill="#ffffff" />
                    { for strings.map_headers.iter().enumerate().map(|(i, h)| html! {
                        <text x={COL_X[i].to_string()} y="18" font-size="13" font-weight="700" fill="#1b1f24">{ *h }</text>
                    }) }
                    <g class="edges">{ map.data_edges() }{ map.recipient_edges() }{ map.provider_edges() }</g>
                    { map.group_nodes() }
                    { map.category_labels() }
                    { for lay.sdks.iter().enumerate().map(|(i, &(row, s))| map.sdk_node(row, s, i, &hovered, &selected)) }
                    { map.recipients_label() }
                    { for lay.recipients.iter().enumerate().map(|(i, &(row, r))| map.recipient_node(row, r, lay.sdks.len() + i, &props.on_select)) }
                    { map.provider_nodes() }
                </svg>
            </div>
            { map.list(&props.on_select) }
            // A wrapper that is always there: the children around it keep
            // their places (and the focused node its element).
            <div class="details-slot">{ for details }</div>
            { legend(props.lang) }
        </div>
    }
}

/// The map's focusable nodes, in the order the arrow keys move through.
const NAV: &str = ".map-sdk, .map-recipient";

/// What the map's columns, colours and borders mean; the items about the
/// drawing (`wide`) or the list (`narrow`) show only with it.
fn legend(lang: Lang) -> Html {
    let strings = lang.strings();
    const KINDS: [&str; 8] = ["wide", "narrow", "sensitive", "sdk", "incomplete", "recipient", "wide edge", "wide"];
    html! {
        <div class="map-legend" data-testid="map-legend">
            <h3 id="map-legend-title">{ strings.map_legend_title }</h3>
            <ul aria-labelledby="map-legend-title">
                { for KINDS.iter().zip(strings.map_legend).map(|(kind, text)| html! {
                    <li class={*kind}><span class="sw" aria-hidden="true" />{ text }</li>
                }) }
            </ul>
        </div>
    }
}

/// The map being drawn: its layout, and the SDK hovered or selected.
struct Map<'a> {
    lay: &'a Layout<'a>,
    sdks: &'a [Sdk],
    active: Option<usize>,
    lang: Lang,
    /// The middle-column node (SDKs, then other recipients) that holds the
    /// map's tab stop.
    stop: usize,
}

impl Map<'_> {
    fn tabindex(&self, nav: usize) -> &'static str {
        if nav == self.stop {
            "0"
        } else {
            "-1"
        }
    }

    /// Whether the SDK on middle-column row `row` is the active one.
    fn row_active(&self, row: usize) -> bool {
        let sdk_index = self.lay.sdks.iter().find(|(r, _)| *r == row).map(|(_, s)| *s as *const Sdk);
        self.active.is_some_and(|a| sdk_index == self.sdks.get(a).map(|s| s as *const Sdk))
    }

    fn data_edges(&self) -> Html {
        let mid_x = COL_X[1];
        self.lay
            .data_edges
            .iter()
            .map(|&(g, r)| {
                let on = self.row_active(r);
                let sensitive = self.lay.groups[g].1;
                let stroke = if sensitive { "#c62828" } else { "#6e7781" };
                html! {
                    <path d={edge_path(COL_X[0] + COL_W[0], y(g) + NODE_H / 2.0, mid_x, y(r) + NODE_H / 2.0)}
                        fill="none" stroke={stroke} stroke-width={if on { "2.5" } else { "1" }}
                        stroke-opacity={if self.active.is_none() || on { "0.8" } else { "0.12" }}
                        class={classes!("edge", on.then_some("active"))} />
                }
            })
            .collect()
    }

    fn provider_edges(&self) -> Html {
        let mid_x = COL_X[1];
        self.lay
            .provider_edges
            .iter()
            .map(|&(r, p)| {
                let on = self.row_active(r);
                html! {
                    <path d={edge_path(mid_x + COL_W[1], y(r) + NODE_H / 2.0, COL_X[2], y(p) + NODE_H / 2.0)}
                        fill="none" stroke="#0b5cd5" stroke-width={if on { "2.5" } else { "1" }}
                        stroke-opacity={if self.active.is_none() || on { "0.7" } else { "0.12" }}
                        class={classes!("edge", on.then_some("active"))} />
                }
            })
            .collect()
    }

    /// Flows to recipients that are not SDKs: dashed, like their nodes.
    fn recipient_edges(&self) -> Html {
        let mid_x = COL_X[1];
        self.lay.recipient_edges.iter().map(|&(g, r)| {
            let stroke = if self.lay.groups[g].1 { "#c62828" } else { "#8c959f" };
            html! {
                <path d={edge_path(COL_X[0] + COL_W[0], y(g) + NODE_H / 2.0, mid_x, y(r) + NODE_H / 2.0)}
                    fill="none" stroke={stroke} stroke-width="1" stroke-dasharray="4 3"
                    stroke-opacity={if self.active.is_none() { "0.6" } else { "0.12" }} class="edge recipient-edge" />
            }
        }).collect()
    }

    fn group_nodes(&self) -> Html {
        self.lay.groups.iter().enumerate().map(|(i, (id, sensitive))| {
            html! {
                <g class={classes!("map-group", sensitive.then_some("sensitive"))} data-group={id.clone()}>
                    <rect x={COL_X[0].to_string()} y={y(i).to_string()} width={COL_W[0].to_string()} height={NODE_H.to_string()} rx="4"
                        fill={if *sensitive { "#ffe1e4" } else { "#eef1f4" }} stroke={if *sensitive { "#c62828" } else { "#d0d7de" }} />
                    <text x={(COL_X[0] + 8.0).to_string()} y={(y(i) + 15.0).to_string()} font-size="12"
                        fill={if *sensitive { "#a40e26" } else { "#1b1f24" }} font-weight={if *sensitive { "700" } else { "400" }}>
                        { format!("{}{}", if *sensitive { "⚠ " } else { "" }, crate::i18n::group_name(id, self.lang)) }
                    </text>
                </g>
            }
        }).collect()
    }

    fn category_labels(&self) -> Html {
        let mid_x = COL_X[1];
        self.lay.category_rows.iter().map(|(row, cat)| {
            html! {
                <text x={mid_x.to_string()} y={(y(*row) + 15.0).to_string()} font-size="11" fill="#57606a" font-weight="700"
                    class="map-category" data-category={cat.clone()}>
                    { category_label(cat, self.lang) }
                </text>
            }
        }).collect()
    }

    fn sdk_node(
        &self,
        row: usize,
        s: &Sdk,
        nav: usize,
        hovered: &UseStateHandle<Option<usize>>,
        selected: &UseStateHandle<Option<usize>>,
    ) -> Html {
        let mid_x = COL_X[1];
        let index = self.sdks.iter().position(|x| std::ptr::eq(x, s)).unwrap_or(0);
        let is_active = self.active == Some(index);
        let hover = |value: Option<usize>| {
            let hovered = hovered.clone();
            move || hovered.set(value)
        };
        let (h1, h2, h3, h4) = (hover(Some(index)), hover(None), hover(Some(index)), hover(None));
        let hover_on = Callback::from(move |_: MouseEvent| h1());
        let hover_off = Callback::from(move |_: MouseEvent| h2());
        let focus_on = Callback::from(move |_: FocusEvent| h3());
        let focus_off = Callback::from(move |_: FocusEvent| h4());
        let select = {
            let selected = selected.clone();
            Callback::from(move |_: MouseEvent| selected.set(Some(index)))
        };
        let key_select = {
            let selected = selected.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    selected.set(Some(index));
                }
            })
        };
        let incomplete = s.provider.is_none() || s.purpose.is_none() || s.data.is_empty() || s.link.is_none();
        html! {
            <g class={classes!("map-sdk", is_active.then_some("active"))} data-sdk={s.name.clone()} tabindex={self.tabindex(nav)} role="button" lang="zh-CN"
                aria-pressed={(**selected == Some(index)).to_string()} aria-label={s.name.clone()}
                onmouseenter={hover_on} onmouseleave={hover_off} onfocus={focus_on} onblur={focus_off}
                onclick={select} onkeydown={key_select}>
                <rect x={mid_x.to_string()} y={y(row).to_string()} width={COL_W[1].to_string()} height={NODE_H.to_string()} rx="4"
                    fill={if is_active { "#ddebff" } else { "#ffffff" }} stroke={if incomplete { "#bf8700" } else { "#0b5cd5" }}
                    stroke-width={if is_active { "2" } else { "1" }} />
                <text x={(mid_x + 8.0).to_string()} y={(y(row) + 15.0).to_string()} font-size="12" fill="#1b1f24">
                    { shorten(&s.name, 20) }
                </text>
            </g>
        }
    }

    fn recipients_label(&self) -> Html {
        let mid_x = COL_X[1];
        self.lay.recipients_label.map(|row| html! {
            <text x={mid_x.to_string()} y={(y(row) + 15.0).to_string()} font-size="11" fill="#57606a" font-weight="700">
                { self.lang.strings().map_other_recipients }
            </text>
        }).into_iter().collect()
    }

    fn recipient_node(&self, row: usize, r: &Recipient, nav: usize, on_select: &Callback<Span>) -> Html {
        let mid_x = COL_X[1];
        let jump = r.evidence.first().map(|e| e.span);
        let select = {
            let on_select = on_select.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(span) = jump {
                    on_select.emit(span);
                }
            })
        };
        let on_select = on_select.clone();
        let key_select = Callback::from(move |e: KeyboardEvent| {
            if let (Some(span), true) = (jump, e.key() == "Enter" || e.key() == " ") {
                e.prevent_default();
                on_select.emit(span);
            }
        });
        let kind = crate::i18n::recipient_kind_name(&r.kind, self.lang);
        let receives = if r.data.is_empty() {
            String::new()
        } else {
            let items: Vec<&str> = r.data.iter().map(|d| d.text.as_str()).collect();
            format!("{}{}", self.lang.strings().colon, items.join("、"))
        };
        // The accessible name starts with the visible label (WCAG 2.5.3),
        // and names the recipient in full where the label shortens it.
        let visible = format!("{} · {kind}", shorten(&r.name, 14));
        let full = if visible.starts_with(r.name.as_str()) { String::new() } else { format!(" — {}", r.name) };
        html! {
            <g class="map-recipient" data-recipient={r.name.clone()} data-kind={r.kind.clone()} tabindex={self.tabindex(nav)} role="button"
                aria-label={format!("{visible}{receives}{full}")} onclick={select} onkeydown={key_select}>
                <rect x={mid_x.to_string()} y={y(row).to_string()} width={COL_W[1].to_string()} height={NODE_H.to_string()} rx="4"
                    fill="#fbfbfc" stroke="#8c959f" stroke-dasharray="4 3" />
                <text x={(mid_x + 8.0).to_string()} y={(y(row) + 15.0).to_string()} font-size="12" fill="#1b1f24">
                    { visible.clone() }
                </text>
                <title>{ format!("{} ({kind}){receives}", r.name) }</title>
            </g>
        }
    }

    /// The map as a list, for narrow screens: a card per SDK, under its
    /// category, then a card per other recipient, in the map's order.
    fn list(&self, on_select: &Callback<Span>) -> Html {
        let (lay, lang) = (self.lay, self.lang);
        let mut sections: Vec<(String, Vec<Html>)> = Vec::new();
        let mut cats = lay.category_rows.iter().peekable();
        for &(row, s) in &lay.sdks {
            while let Some((_, cat)) = cats.next_if(|(r, _)| *r < row) {
                sections.push((category_label(cat, lang), Vec::new()));
            }
            if let Some((_, cards)) = sections.last_mut() {
                cards.push(sdk_card(s, lang, on_select));
            }
        }
        if !lay.recipients.is_empty() {
            let cards = lay.recipients.iter().map(|(_, r)| {
                let kind = crate::i18n::recipient_kind_name(&r.kind, lang);
                html! {
                    <li class="map-card recipient" data-card-kind="recipient" data-card={r.name.clone()}>
                        <h4 lang="zh-CN">{ r.name.clone() }</h4>
                        <p>{ kind }</p>
                        { chips(&r.data) }
                    </li>
                }
            });
            sections.push((lang.strings().map_other_recipients.to_owned(), cards.collect()));
        }
        html! {
            <div class="map-list" data-testid="map-list">
                { for sections.into_iter().map(|(title, cards)| html! {
                    <><h3>{ title }</h3><ul class="cards">{ for cards }</ul></>
                }) }
            </div>
        }
    }

    fn provider_nodes(&self) -> Html {
        self.lay.providers.iter().enumerate().map(|(i, p)| html! {
            <g class="map-provider" data-provider={p.clone()}>
                <rect x={COL_X[2].to_string()} y={y(i).to_string()} width={COL_W[2].to_string()} height={NODE_H.to_string()} rx="4"
                    fill="#f6f8fa" stroke="#d0d7de" />
                <text x={(COL_X[2] + 8.0).to_string()} y={(y(i) + 15.0).to_string()} font-size="12" fill="#1b1f24">{ shorten(p, 21) }</text>
                <title>{ p.clone() }</title>
            </g>
        }).collect()
    }
}

/// The data an SDK or recipient receives, as chips; sensitive ones marked
/// as the map marks them.
fn chips(data: &[DataItem]) -> Html {
    html! {
        <ul class="chips" lang="zh-CN">
            { for data.iter().map(|d| html! {
                <li class={classes!("chip", d.sensitive.then_some("sensitive"))}>
                    { if d.sensitive { "⚠ " } else { "" } }{ d.text.clone() }
                </li>
            }) }
        </ul>
    }
}

/// One card of the list: the SDK's name, then what the details say of it.
fn sdk_card(s: &Sdk, lang: Lang, on_select: &Callback<Span>) -> Html {
    let incomplete = !missing(s, lang).is_empty();
    html! {
        <li class={classes!("map-card", "sdk", incomplete.then_some("incomplete"))} data-card-kind="sdk" data-card={s.name.clone()}>
            <h4 lang="zh-CN">{ s.name.clone() }</h4>
            { sdk_facts(s, lang, on_select, true) }
        </li>
    }
}

/// What an SDK's entry lacks (drawn with an amber border).
fn missing(s: &Sdk, lang: Lang) -> Vec<&'static str> {
    let strings = lang.strings();
    [
        (s.provider.is_none(), strings.missing_provider),
        (s.purpose.is_none(), strings.missing_purpose),
        (s.data.is_empty(), strings.missing_data),
        (s.link.is_none(), strings.missing_link),
    ]
    .into_iter()
    .filter_map(|(m, label)| m.then_some(label))
    .collect()
}

/// What the policy says of an SDK: the details of the selected one, or
/// (`card`) the body of its card in the list, which has its name above.
fn sdk_facts(s: &Sdk, lang: Lang, on_select: &Callback<Span>, card: bool) -> Html {
    let strings = lang.strings();
    let missing = missing(s, lang);
    let provider = match (&s.provider, s.provider_from) {
        (Some(p), Some(ProviderFrom::KnowledgeBase)) => format!("{p}{}", strings.from_knowledge_base),
        (Some(p), _) => p.clone(),
        (None, _) => strings.not_stated.to_owned(),
    };
    html! {
        <dl class={if card { "facts" } else { "sdk-details facts" }} data-testid={(!card).then_some("sdk-details")}
            aria-live={(!card).then_some("polite")}>
            if !card {
                <dt>{ strings.sdk }</dt><dd lang="zh-CN">{ s.name.clone() }</dd>
            }
            <dt>{ strings.provider }</dt>
            <dd class="card-provider" data-testid={(!card).then_some("sdk-provider")} lang={s.provider.is_some().then_some("zh-CN")}>{ provider }</dd>
            <dt>{ strings.purpose }</dt><dd lang="zh-CN">{ s.purpose.clone().unwrap_or_default() }</dd>
            <dt>{ strings.data }</dt><dd>{ chips(&s.data) }</dd>
            if !s.permissions.is_empty() {
                <dt>{ strings.permissions }</dt><dd>{ s.permissions.join("、") }</dd>
            }
            <dt>{ strings.privacy_policy }</dt>
            <dd>{ s.link.clone().unwrap_or_else(|| strings.not_given.to_owned()) }</dd>
            if !missing.is_empty() {
                <dt>{ strings.missing }</dt><dd class="missing">{ missing.join(strings.list_sep) }</dd>
            }
            if let Some(ev) = s.evidence.first() {
                <dt>{ strings.clause }</dt>
                <dd>{ super::panels::evidence_link(ev, on_select) }</dd>
            }
        </dl>
    }
}

/// Display names of SDK categories. The knowledge base names some by
/// their parts (`analytics/crash`, `share/login/sms/push`): each part is
/// named and the names joined.
fn category_label(id: &str, lang: Lang) -> String {
    let strings = lang.strings();
    if id.is_empty() {
        return strings.uncategorised.to_owned();
    }
    let mut parts: Vec<String> = Vec::new();
    for label in id.split('/').map(|part| crate::i18n::sdk_category_part_name(part, lang)) {
        if !parts.contains(&label) {
            parts.push(label);
        }
    }
    parts.join(strings.list_sep)
}
