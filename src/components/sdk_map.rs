//! The SDK data-flow map: personal-information groups on the left, SDKs
//! grouped by category in the middle, provider companies on the right, an
//! edge for every flow. Recipients that are not SDKs (payment institutions,
//! affiliates, partners by type) follow the SDKs in the middle column, with
//! dashed borders, so that the map shows everyone the policy says receives
//! data. Drawn as plain SVG by Yew; presentation attributes
//! (not a stylesheet) carry the colours, so the exported file looks the same.

use policylens_core::{FlowGraph, FlowNodeKind, ProviderFrom, Recipient, Sdk, Span};
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
    let zh = props.lang == Lang::Zh;
    let hovered = use_state(|| None::<usize>);
    let selected = use_state(|| None::<usize>);
    let sdks = &report.sdks;
    let lay = layout(&report.flows, sdks, &report.recipients);
    let active = (*hovered).or(*selected);
    let svg_ref = use_node_ref();

    let mid_x = COL_X[1];
    let edges_data = lay.data_edges.iter().map(|&(g, r)| {
        let sdk_index = lay.sdks.iter().find(|(row, _)| *row == r).map(|(_, s)| *s as *const Sdk);
        let on = active.is_some_and(|a| sdk_index == sdks.get(a).map(|s| s as *const Sdk));
        let sensitive = lay.groups[g].1;
        let stroke = if sensitive { "#c62828" } else { "#6e7781" };
        html! {
            <path d={edge_path(COL_X[0] + COL_W[0], y(g) + NODE_H / 2.0, mid_x, y(r) + NODE_H / 2.0)}
                fill="none" stroke={stroke} stroke-width={if on { "2.5" } else { "1" }}
                stroke-opacity={if active.is_none() || on { "0.8" } else { "0.12" }}
                class={classes!("edge", on.then_some("active"))} />
        }
    });
    let edges_provider = lay.provider_edges.iter().map(|&(r, p)| {
        let sdk_index = lay.sdks.iter().find(|(row, _)| *row == r).map(|(_, s)| *s as *const Sdk);
        let on = active.is_some_and(|a| sdk_index == sdks.get(a).map(|s| s as *const Sdk));
        html! {
            <path d={edge_path(mid_x + COL_W[1], y(r) + NODE_H / 2.0, COL_X[2], y(p) + NODE_H / 2.0)}
                fill="none" stroke="#0b5cd5" stroke-width={if on { "2.5" } else { "1" }}
                stroke-opacity={if active.is_none() || on { "0.7" } else { "0.12" }}
                class={classes!("edge", on.then_some("active"))} />
        }
    });
    // Flows to recipients that are not SDKs: dashed, like their nodes.
    let edges_recipient = lay.recipient_edges.iter().map(|&(g, r)| {
        let stroke = if lay.groups[g].1 { "#c62828" } else { "#8c959f" };
        html! {
            <path d={edge_path(COL_X[0] + COL_W[0], y(g) + NODE_H / 2.0, mid_x, y(r) + NODE_H / 2.0)}
                fill="none" stroke={stroke} stroke-width="1" stroke-dasharray="4 3"
                stroke-opacity={if active.is_none() { "0.6" } else { "0.12" }} class="edge recipient-edge" />
        }
    });
    let group_nodes = lay.groups.iter().enumerate().map(|(i, (id, sensitive))| {
        html! {
            <g class={classes!("map-group", sensitive.then_some("sensitive"))} data-group={id.clone()}>
                <rect x={COL_X[0].to_string()} y={y(i).to_string()} width={COL_W[0].to_string()} height={NODE_H.to_string()} rx="4"
                    fill={if *sensitive { "#ffe1e4" } else { "#eef1f4" }} stroke={if *sensitive { "#c62828" } else { "#d0d7de" }} />
                <text x={(COL_X[0] + 8.0).to_string()} y={(y(i) + 15.0).to_string()} font-size="12"
                    fill={if *sensitive { "#a40e26" } else { "#1b1f24" }} font-weight={if *sensitive { "700" } else { "400" }}>
                    { format!("{}{}", if *sensitive { "⚠ " } else { "" }, group_label(id, zh)) }
                </text>
            </g>
        }
    });
    let category_labels = lay.category_rows.iter().map(|(row, cat)| {
        html! {
            <text x={mid_x.to_string()} y={(y(*row) + 15.0).to_string()} font-size="11" fill="#57606a" font-weight="700"
                class="map-category" data-category={cat.clone()}>
                { category_label(cat, zh) }
            </text>
        }
    });
    let sdk_nodes = lay.sdks.iter().map(|&(row, s)| {
        let index = sdks.iter().position(|x| std::ptr::eq(x, s)).unwrap_or(0);
        let is_active = active == Some(index);
        let set_hover = {
            let hovered = hovered.clone();
            move |value: Option<usize>| hovered.set(value)
        };
        let (h1, h2, h3, h4) = (set_hover.clone(), set_hover.clone(), set_hover.clone(), set_hover);
        let hover_on = Callback::from(move |_: MouseEvent| h1(Some(index)));
        let hover_off = Callback::from(move |_: MouseEvent| h2(None));
        let focus_on = Callback::from(move |_: FocusEvent| h3(Some(index)));
        let focus_off = Callback::from(move |_: FocusEvent| h4(None));
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
            <g class={classes!("map-sdk", is_active.then_some("active"))} data-sdk={s.name.clone()} tabindex="0" role="button"
                aria-pressed={(*selected == Some(index)).to_string()} aria-label={s.name.clone()}
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
    });
    let recipients_label = lay.recipients_label.map(|row| {
        html! {
            <text x={mid_x.to_string()} y={(y(row) + 15.0).to_string()} font-size="11" fill="#57606a" font-weight="700">
                { if zh { "其他接收方（非 SDK）" } else { "Other recipients (not SDKs)" } }
            </text>
        }
    });
    let recipient_nodes = lay.recipients.iter().map(|&(row, r)| {
        let jump = r.evidence.first().map(|e| e.span);
        let on_select = props.on_select.clone();
        let select = Callback::from(move |_: MouseEvent| {
            if let Some(span) = jump {
                on_select.emit(span);
            }
        });
        let on_select = props.on_select.clone();
        let key_select = Callback::from(move |e: KeyboardEvent| {
            if let (Some(span), true) = (jump, e.key() == "Enter" || e.key() == " ") {
                e.prevent_default();
                on_select.emit(span);
            }
        });
        let kind = recipient_kind_label(&r.kind, zh);
        let receives = if r.data.is_empty() {
            String::new()
        } else {
            let items: Vec<&str> = r.data.iter().map(|d| d.text.as_str()).collect();
            format!("{}{}", if zh { "：" } else { ": " }, items.join("、"))
        };
        html! {
            <g class="map-recipient" data-recipient={r.name.clone()} data-kind={r.kind.clone()} tabindex="0" role="button"
                aria-label={format!("{} ({kind}){receives}", r.name)} onclick={select} onkeydown={key_select}>
                <rect x={mid_x.to_string()} y={y(row).to_string()} width={COL_W[1].to_string()} height={NODE_H.to_string()} rx="4"
                    fill="#fbfbfc" stroke="#8c959f" stroke-dasharray="4 3" />
                <text x={(mid_x + 8.0).to_string()} y={(y(row) + 15.0).to_string()} font-size="12" fill="#1b1f24">
                    { format!("{} · {kind}", shorten(&r.name, 14)) }
                </text>
                <title>{ format!("{} ({kind}){receives}", r.name) }</title>
            </g>
        }
    });
    let provider_nodes = lay.providers.iter().enumerate().map(|(i, p)| {
        html! {
            <g class="map-provider" data-provider={p.clone()}>
                <rect x={COL_X[2].to_string()} y={y(i).to_string()} width={COL_W[2].to_string()} height={NODE_H.to_string()} rx="4"
                    fill="#f6f8fa" stroke="#d0d7de" />
                <text x={(COL_X[2] + 8.0).to_string()} y={(y(i) + 15.0).to_string()} font-size="12" fill="#1b1f24">{ shorten(p, 21) }</text>
                <title>{ p.clone() }</title>
            </g>
        }
    });
    let headers = [
        if zh { "个人信息类型" } else { "Personal information" },
        if zh { "第三方 SDK（按类别）" } else { "Third-party SDKs (by category)" },
        if zh { "提供方" } else { "Providers" },
    ];
    let title = if zh {
        "第三方 SDK 个人信息流向图"
    } else {
        "Map of personal information flowing to third-party SDKs"
    };

    let on_export = {
        let svg_ref = svg_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = svg_ref.cast::<web_sys::Element>() {
                let markup = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}", el.outer_html());
                crate::export::download("policylens-sdk-map.svg", "image/svg+xml", &markup);
            }
        })
    };

    let details = (*selected).and_then(|i| sdks.get(i)).map(|s| sdk_details(s, zh, &props.on_select));
    html! {
        <div class="sdk-map">
            <div class="map-actions">
                <button type="button" data-testid="export-svg" onclick={on_export}>{ if zh { "导出 SVG" } else { "Export SVG" } }</button>
            </div>
            <div class="map-scroll">
                <svg ref={svg_ref} xmlns="http://www.w3.org/2000/svg" viewBox={format!("0 0 {WIDTH} {:.0}", lay.height)}
                    width="100%" role="img" aria-label={title} font-family="system-ui, sans-serif">
                    <title>{ title }</title>
                    <rect width="100%" height="100%" fill="#ffffff" />
                    { for headers.iter().enumerate().map(|(i, h)| html! {
                        <text x={COL_X[i].to_string()} y="18" font-size="13" font-weight="700" fill="#1b1f24">{ *h }</text>
                    }) }
                    <g class="edges">{ for edges_data }{ for edges_recipient }{ for edges_provider }</g>
                    { for group_nodes }
                    { for category_labels }
                    { for sdk_nodes }
                    { for recipients_label }
                    { for recipient_nodes }
                    { for provider_nodes }
                </svg>
            </div>
            { for details }
        </div>
    }
}

fn sdk_details(s: &Sdk, zh: bool, on_select: &Callback<Span>) -> Html {
    let missing: Vec<&str> = [
        (s.provider.is_none(), if zh { "提供方" } else { "provider" }),
        (s.purpose.is_none(), if zh { "使用目的" } else { "purpose" }),
        (s.data.is_empty(), if zh { "个人信息类型" } else { "kinds of data" }),
        (s.link.is_none(), if zh { "隐私政策链接" } else { "privacy-policy link" }),
    ]
    .into_iter()
    .filter_map(|(m, label)| m.then_some(label))
    .collect();
    let provider = match (&s.provider, s.provider_from) {
        (Some(p), Some(ProviderFrom::KnowledgeBase)) => {
            format!(
                "{p}{}",
                if zh {
                    "（据知识库，政策未写明）"
                } else {
                    " (from the knowledge base; not stated in the policy)"
                }
            )
        }
        (Some(p), _) => p.clone(),
        (None, _) => (if zh { "未说明" } else { "not stated" }).to_owned(),
    };
    let data: Vec<String> = s.data.iter().map(|d| d.text.clone()).collect();
    html! {
        <dl class="sdk-details facts" data-testid="sdk-details" aria-live="polite">
            <dt>{ "SDK" }</dt><dd>{ s.name.clone() }</dd>
            <dt>{ if zh { "提供方" } else { "Provider" } }</dt><dd data-testid="sdk-provider">{ provider }</dd>
            <dt>{ if zh { "使用目的" } else { "Purpose" } }</dt><dd>{ s.purpose.clone().unwrap_or_default() }</dd>
            <dt>{ if zh { "个人信息" } else { "Data" } }</dt><dd>{ data.join("、") }</dd>
            if !s.permissions.is_empty() {
                <dt>{ if zh { "权限" } else { "Permissions" } }</dt><dd>{ s.permissions.join("、") }</dd>
            }
            <dt>{ if zh { "隐私政策" } else { "Privacy policy" } }</dt>
            <dd>{ s.link.clone().unwrap_or_else(|| (if zh { "未提供" } else { "not given" }).to_owned()) }</dd>
            if !missing.is_empty() {
                <dt>{ if zh { "缺少" } else { "Missing" } }</dt><dd class="missing">{ missing.join("、") }</dd>
            }
            if let Some(ev) = s.evidence.first() {
                <dt>{ if zh { "原文" } else { "Clause" } }</dt>
                <dd>{ super::panels::evidence_link(ev, on_select) }</dd>
            }
        </dl>
    }
}

/// Display names of the kinds of recipient the core reports.
fn recipient_kind_label(kind: &str, zh: bool) -> String {
    let (z, e) = match kind {
        "payment" => ("支付机构", "payment"),
        "affiliate" => ("关联方", "affiliate"),
        "partner" => ("合作伙伴", "partner"),
        "logistics" => ("物流", "logistics"),
        "merchant" => ("商家", "merchant"),
        other => return other.to_owned(),
    };
    (if zh { z } else { e }).to_owned()
}

/// Display names of SDK categories. The knowledge base names some by
/// their parts (`analytics/crash`, `share/login/sms/push`): each part is
/// named and the names joined.
fn category_label(id: &str, zh: bool) -> String {
    if id.is_empty() {
        return (if zh { "未分类" } else { "Uncategorised" }).to_owned();
    }
    let mut parts: Vec<String> = Vec::new();
    for label in id.split('/').map(|part| category_part_label(part, zh)) {
        if !parts.contains(&label) {
            parts.push(label);
        }
    }
    parts.join(if zh { "、" } else { ", " })
}

fn category_part_label(part: &str, zh: bool) -> String {
    let (z, e) = match part.to_ascii_lowercase().replace('_', "-").as_str() {
        "push" | "push-vendor" => ("推送", "Push"),
        "ads" | "ads-mediation" => ("广告", "Ads"),
        "analytics" => ("统计分析", "Analytics"),
        "attribution" => ("归因", "Attribution"),
        "map" | "location" => ("地图定位", "Maps & location"),
        "payment" => ("支付", "Payment"),
        "login" => ("登录", "Login"),
        "share" | "social" => ("分享", "Share"),
        "sms" => ("短信", "SMS"),
        "one-tap-login" | "one tap login" => ("一键登录", "One-tap login"),
        "crash" | "crash reporting" | "apm" => ("崩溃监测", "Crash reporting"),
        "im" | "rtc" | "im-rtc" => ("即时通讯/音视频", "IM & RTC"),
        "voice" => ("语音", "Voice"),
        "customer-service" | "customer service" => ("客服", "Customer service"),
        "risk-control" | "risk control" | "captcha" | "anti-cheat" => ("风控", "Risk control"),
        "content-moderation" => ("内容审核", "Content moderation"),
        "identity" | "face" | "ocr" => ("身份认证", "Identity"),
        "device-id" => ("设备标识", "Device ID"),
        "app-hardening" => ("应用加固", "App hardening"),
        "cloud" | "media" | "video" => ("云服务/媒体", "Cloud & media"),
        "ecommerce" => ("电商", "E-commerce"),
        "webview" => ("浏览器内核", "Webview"),
        "login-share" => ("登录分享", "Login & share"),
        "crash-apm" => ("崩溃与性能监测", "Crash & performance"),
        "one-click-login" => ("一键登录", "One-tap login"),
        "av" => ("音视频", "Audio & video"),
        "ocr-face" => ("人脸与证件识别", "Face & OCR"),
        "speech" => ("语音", "Speech"),
        "game" => ("游戏", "Games"),
        "hardening" => ("应用加固", "App hardening"),
        "framework" => ("开发框架", "Frameworks"),
        "library" => ("开源组件", "Libraries"),
        "other" => ("其他", "Other"),
        _ => return part.to_owned(),
    };
    (if zh { z } else { e }).to_owned()
}

/// Display names of personal-information groups (the ids of the core's data
/// vocabulary).
pub(crate) fn group_label(id: &str, zh: bool) -> String {
    let (z, e) = match id {
        "identity_basic" => ("个人基本资料/账号", "Basic profile & account"),
        "credentials" => ("账号鉴别信息", "Credentials"),
        "gov_id" => ("身份证件/实名信息", "ID documents"),
        "biometric" => ("生物识别信息", "Biometrics"),
        "financial" => ("金融账户/财产信息", "Financial accounts"),
        "health" => ("医疗健康信息", "Health"),
        "location_precise" => ("精确位置/行踪轨迹", "Precise location"),
        "location_coarse" => ("粗略位置", "Coarse location"),
        "communications" => ("通讯/社交关系", "Contacts & messages"),
        "browsing" => ("上网与使用记录", "Browsing & usage"),
        "beliefs_status" => ("其他敏感信息", "Other sensitive"),
        "minor" => ("未成年人信息", "Minors' data"),
        "device_id" => ("设备标识符", "Device identifiers"),
        "device_info" => ("设备信息", "Device information"),
        "network" => ("网络信息", "Network"),
        "app_list" => ("应用列表", "Installed apps"),
        "sensors" => ("传感器信息", "Sensors"),
        "media" => ("文件与媒体", "Files & media"),
        "camera" => ("摄像头", "Camera"),
        "microphone" => ("麦克风", "Microphone"),
        "clipboard" => ("剪切板", "Clipboard"),
        "calendar" => ("日历", "Calendar"),
        "cookies" => ("Cookie 与同类技术", "Cookies"),
        "other" => ("其他", "Other"),
        other => return other.to_owned(),
    };
    (if zh { z } else { e }).to_owned()
}
