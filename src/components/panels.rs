//! The report panels: checklist, findings, SDK map, facts, and the summary
//! line. Their `data-testid`s are part of the report contract.

use policylens_core::{CoverageStatus, Evidence, FindingStatus, Severity, Span};
use yew::prelude::*;

use super::ViewProps;
use crate::i18n::Lang;

pub(crate) fn evidence_link(ev: &Evidence, on_select: &Callback<Span>) -> Html {
    let span = ev.span;
    let onclick = on_select.reform(move |_: MouseEvent| span);
    html! {
        <button type="button" class="evidence" {onclick} data-span={format!("{}-{}", span.start, span.end)}>
            <span class="line-no">{ ev.line }</span>{ " " }<span lang="zh-CN">{ ev.text.clone() }</span>
        </button>
    }
}

#[component]
pub fn SummaryLine(props: &ViewProps) -> Html {
    let s = &props.analysis.report.summary;
    let strings = props.lang.strings();
    // Counts only where there was something to judge: empty or non-policy
    // input says what it is elsewhere, never "0 failing".
    let headline = if s.judged {
        html! { <strong>{ (strings.summary)(s.must_fail, s.sdks, s.sensitive.len()) }</strong> }
    } else {
        html! {}
    };
    let chips = s.sensitive.iter().map(|k| {
        let title = format!("{}：{}", k.example, k.evidence.text);
        html! {
            <li class={classes!("chip", "sensitive", k.shared.then_some("shared"))} data-group={k.group.clone()} {title}>
                { crate::i18n::group_name(&k.group, props.lang) }
            </li>
        }
    });
    html! {
        <div class="summary" data-testid="summary">
            { headline }
            if s.judged && !s.sensitive.is_empty() {
                <ul class="chips" data-testid="sensitive-chips" aria-label={strings.sensitive_chips}>
                    { for chips }
                </ul>
            }
            <span class="stats">{ (strings.stats)(s.sections, s.clauses, props.analysis.millis) }</span>
        </div>
    }
}

fn status_label(lang: Lang, status: CoverageStatus) -> &'static str {
    let strings = lang.strings();
    match status {
        CoverageStatus::Covered => strings.status_covered,
        CoverageStatus::Partial => strings.status_partial,
        CoverageStatus::Missing => strings.status_missing,
    }
}

#[component]
pub fn ChecklistPanel(props: &ViewProps) -> Html {
    let strings = props.lang.strings();
    let rows = &props.analysis.report.checklist;
    html! {
        <section class="panel" data-testid="checklist">
            <h2>{ strings.checklist }</h2>
            if rows.is_empty() {
                <p class="empty">{ strings.not_yet }</p>
            } else {
                <ul class="rows">
                { for rows.iter().map(|row| {
                    let status = match row.status {
                        CoverageStatus::Covered => "covered",
                        CoverageStatus::Partial => "partial",
                        CoverageStatus::Missing => "missing",
                    };
                    html! {
                        <li class={classes!("row", status)} data-category={row.category.id()} data-status={status}>
                            <button type="button" class="row-main" disabled={row.evidence.is_empty()}
                                onclick={row.evidence.first().map(|e| e.span).map(|span| props.on_select.reform(move |_: MouseEvent| span))}>
                                <span class="badge">{ status_label(props.lang, row.status) }</span>
                                <span class="category">{ crate::i18n::category_name(row.category.id(), props.lang) }</span>
                            </button>
                            { for row.evidence.iter().take(2).map(|e| evidence_link(e, &props.on_select)) }
                        </li>
                    }
                }) }
                </ul>
            }
        </section>
    }
}

#[component]
pub fn FindingsPanel(props: &ViewProps) -> Html {
    let strings = props.lang.strings();
    let findings = &props.analysis.report.findings;
    let groups = [
        (Severity::Must, strings.severity_must),
        (Severity::Should, strings.severity_should),
        (Severity::Info, strings.severity_info),
    ];
    let open: Vec<_> = findings.iter().filter(|f| f.status != FindingStatus::Pass).collect();
    let passed = findings.len() - open.len();
    html! {
        <section class="panel" data-testid="findings" id="findings" tabindex="-1">
            <h2>{ strings.findings }</h2>
            if findings.is_empty() {
                <p class="empty">{ strings.not_yet }</p>
            }
            { for groups.iter().map(|(severity, title)| {
                let items: Vec<_> = open.iter().filter(|f| f.severity == *severity).collect();
                if items.is_empty() {
                    return html! {};
                }
                html! {
                    <div class="finding-group" data-severity={format!("{severity:?}").to_lowercase()}>
                        <h3>{ *title }{ format!(" · {}", items.len()) }</h3>
                        <ul class="rows">
                        { for items.iter().map(|f| finding(f, props.lang, &props.on_select)) }
                        </ul>
                    </div>
                }
            }) }
            if passed > 0 {
                <details class="passed">
                    <summary>{ (strings.passed)(passed) }</summary>
                    <ul class="rows">
                    { for findings.iter().filter(|f| f.status == FindingStatus::Pass).map(|f| finding(f, props.lang, &props.on_select)) }
                    </ul>
                </details>
            }
        </section>
    }
}

fn finding(f: &policylens_core::Finding, lang: Lang, on_select: &Callback<Span>) -> Html {
    let status = match f.status {
        FindingStatus::Fail => "fail",
        FindingStatus::Warn => "warn",
        FindingStatus::Pass => "pass",
    };
    let meta = crate::rules_meta::lookup(&f.rule);
    let title = meta.as_ref().map(|m| lang.pick(m.title_zh, m.title_en));
    let fix = meta.as_ref().map(|m| m.fix).filter(|f| !f.is_empty());
    // The core renders the finding's detail in the reader's language; a
    // pass says only its title.
    let message = match &f.detail {
        Some(d) => policylens_core::rules::messages::render(d, lang.core()),
        None => lang.pick(f.message.clone(), String::new()),
    };
    html! {
        <li class={classes!("finding", status)} data-rule={f.rule.clone()} data-status={status}>
            <div class="finding-head">
                <span class="rule-id">{ f.rule.clone() }</span>{ " " }
                if let Some(t) = title { <strong class="rule-title">{ t }</strong> }
            </div>
            if !message.is_empty() { <span class="message">{ message }</span> }
            <span class="sources">{ f.sources.join("；") }</span>
            if let Some(fix) = fix {
                <details class="fix">
                    <summary>{ lang.strings().how_to_fix }</summary>
                    <p>{ fix }</p>
                </details>
            }
            { for f.evidence.iter().take(3).map(|e| evidence_link(e, on_select)) }
        </li>
    }
}

/// The three problems a reader should fix first: failing must-items, then
/// failing should-items, then warnings, each with its fix.
#[component]
pub fn TopProblems(props: &ViewProps) -> Html {
    let strings = props.lang.strings();
    let findings = &props.analysis.report.findings;
    let rank = |f: &&policylens_core::Finding| match (f.status, f.severity) {
        (FindingStatus::Fail, Severity::Must) => 0,
        (FindingStatus::Fail, Severity::Should) => 1,
        (FindingStatus::Fail, Severity::Info) => 2,
        (FindingStatus::Warn, Severity::Must) => 3,
        _ => 4,
    };
    let mut open: Vec<&policylens_core::Finding> =
        findings.iter().filter(|f| f.status != FindingStatus::Pass).collect();
    open.sort_by_key(rank);
    html! {
        <section class="panel top-problems" data-testid="top-problems">
            <h2>{ strings.fix_first }</h2>
            if open.is_empty() {
                <p class="empty">{ strings.no_problems }</p>
            } else {
                <ol class="rows">
                    { for open.iter().take(3).map(|f| finding(f, props.lang, &props.on_select)) }
                </ol>
                if open.len() > 3 {
                    <a class="more" href="#findings">
                        { (strings.all_problems)(open.len()) }
                    </a>
                }
            }
        </section>
    }
}

#[component]
pub fn SdkMapPanel(props: &ViewProps) -> Html {
    let strings = props.lang.strings();
    let report = &props.analysis.report;
    html! {
        <section class="panel" data-testid="sdk-map" id="sdk-map" tabindex="-1">
            <h2>{ strings.sdk_map }</h2>
            if report.sdks.is_empty() {
                <p class="empty">{ strings.no_sdks }</p>
            }
            if !report.sdks.is_empty() || !report.recipients.is_empty() {
                <super::SdkMap analysis={props.analysis.clone()} lang={props.lang} on_select={props.on_select.clone()} />
            }
        </section>
    }
}

#[component]
pub fn FactsPanel(props: &ViewProps) -> Html {
    let strings = props.lang.strings();
    let f = &props.analysis.report.facts;
    let mut rows: Vec<(&str, String)> = Vec::new();
    if let Some(d) = &f.effective {
        rows.push((strings.fact_effective, d.clone()));
    }
    if let Some(d) = &f.updated {
        rows.push((strings.fact_updated, d.clone()));
    }
    if let Some(c) = &f.controller {
        rows.push((strings.fact_controller, c.clone()));
    }
    for e in &f.emails {
        rows.push((strings.fact_email, e.clone()));
    }
    for p in &f.phones {
        rows.push((strings.fact_phone, p.clone()));
    }
    for r in &f.response_time {
        let unit = match r.unit {
            policylens_core::TimeUnit::Days => strings.unit_days,
            policylens_core::TimeUnit::WorkingDays => strings.unit_working_days,
        };
        rows.push((strings.fact_reply_within, format!("{}{unit}", r.value)));
    }
    if let Some(a) = f.children_age {
        rows.push((strings.fact_children_age, a.to_string()));
    }
    html! {
        <section class="panel" data-testid="facts">
            <h2>{ strings.facts }</h2>
            if rows.is_empty() {
                <p class="empty">{ strings.not_yet }</p>
            } else {
                <dl class="facts">
                { for rows.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd lang={(k == strings.fact_controller).then_some("zh-CN")}>{ v }</dd></> }) }
                </dl>
            }
        </section>
    }
}
