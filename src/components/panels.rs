//! The report panels: checklist, findings, SDK map, facts, and the summary
//! line. Their `data-testid`s are part of the report contract.

use policylens_core::{CoverageStatus, Evidence, FindingStatus, PartialReason, Severity, Span};
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

fn finding_status(status: FindingStatus) -> &'static str {
    match status {
        FindingStatus::Fail => "fail",
        FindingStatus::Warn => "warn",
        FindingStatus::Pass => "pass",
    }
}

/// A rule's legal sources, each a button: `www/legal.js` opens the cited
/// article (or says a national standard's text is not included) in the
/// reader's language, from the strings these attributes carry.
fn sources(list: &[String], lang: Lang) -> Html {
    let s = lang.strings();
    html! {
        <span class="sources" data-std={s.legal_standard} data-none={s.legal_not_included}
            data-loading={s.legal_loading} data-fail={s.legal_failed} data-close={s.close}>
            { for list.iter().map(|src| html! { <button type="button" class="source" data-source={src.clone()}>{ src.clone() }</button> }) }
        </span>
    }
}

/// Where a missing section belongs: between two headings of the outline,
/// each a link to its place in the document.
fn placement(place: &policylens_core::Placement, lang: Lang, on_select: &Callback<Span>) -> Html {
    let strings = lang.strings();
    let heading = |e: &Evidence| {
        let span = e.span;
        html! {
            <button type="button" class="place-heading" lang="zh-CN" onclick={on_select.reform(move |_: MouseEvent| span)}>
                { "「" }{ e.text.clone() }{ "」" }
            </button>
        }
    };
    let after = place.after.as_ref().map(|e| html! { <>{ heading(e) }{ strings.belongs_after }</> });
    let before = place.before.as_ref().map(|e| html! { <>{ heading(e) }{ strings.belongs_before }</> });
    let (after, before) = match lang {
        // 「一、…」之后、「二、…」之前
        Lang::Zh => (after, before),
        // after “一、…”, before “二、…”
        Lang::En => (
            place.after.as_ref().map(|e| html! { <>{ strings.belongs_after }{ " " }{ heading(e) }</> }),
            place.before.as_ref().map(|e| html! { <>{ strings.belongs_before }{ " " }{ heading(e) }</> }),
        ),
    };
    let sep = if after.is_some() && before.is_some() {
        if lang == Lang::Zh {
            "、"
        } else {
            ", "
        }
    } else {
        ""
    };
    html! {
        <p class="place" data-testid="place">
            { strings.belongs }{ if lang == Lang::En { " " } else { "" } }{ after.unwrap_or_default() }{ sep }{ before.unwrap_or_default() }{ if lang == Lang::Zh { "。" } else { "." } }
        </p>
    }
}

#[component]
pub fn ChecklistPanel(props: &ViewProps) -> Html {
    let strings = props.lang.strings();
    let report = &props.analysis.report;
    let rows = &report.checklist;
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
                    // The findings that judge this topic (a rule that does
                    // not apply has none).
                    let judged: Vec<&policylens_core::Finding> =
                        row.rules.iter().filter_map(|id| report.findings.iter().find(|f| &f.rule == id)).collect();
                    let conflict =
                        row.status == CoverageStatus::Covered && judged.iter().any(|f| f.status == FindingStatus::Fail);
                    let reason = row.reason.map(|r| match r {
                        PartialReason::ClausesOnly => strings.reason_clauses_only,
                        PartialReason::NoRetentionPeriod => strings.reason_no_retention,
                        PartialReason::NoContactChannel => strings.reason_no_channel,
                    });
                    html! {
                        <li class={classes!("row", status, conflict.then_some("conflict"))} data-category={row.category.id()} data-status={status}>
                            <button type="button" class="row-main" disabled={row.evidence.is_empty()}
                                onclick={row.evidence.first().map(|e| e.span).map(|span| props.on_select.reform(move |_: MouseEvent| span))}>
                                <span class="badge">{ status_label(props.lang, row.status) }</span>
                                <span class="category">{ crate::i18n::category_name(row.category.id(), props.lang) }</span>
                            </button>
                            if conflict {
                                <p class="conflict-note">{ strings.rules_failing }</p>
                            }
                            if let (Some(reason), Some(r)) = (reason, row.reason) {
                                <p class="reason" data-reason={r.id()}>{ reason }</p>
                            }
                            if let Some(place) = &row.place {
                                { placement(place, props.lang, &props.on_select) }
                            }
                            if !judged.is_empty() {
                                <ul class="row-rules" aria-label={strings.judged_by}>
                                { for judged.iter().map(|f| {
                                    // `www/legal.js` scrolls to the finding on a click.
                                    let st = finding_status(f.status);
                                    html! {
                                        <li><button type="button" class={classes!("rule-chip", st)} data-rule={f.rule.clone()} data-status={st}>
                                            { f.rule.clone() }{ " " }<span class="badge">{ finding_badge(props.lang, f.status) }</span>
                                        </button></li>
                                    }
                                }) }
                                </ul>
                            }
                            if row.status == CoverageStatus::Missing {
                                { for judged.iter().filter(|f| f.status != FindingStatus::Pass).map(|f| html! {
                                    <div class="missing-basis" data-rule={f.rule.clone()}>
                                        <span class="label">{ strings.legal_basis }{ " " }{ f.rule.clone() }{ "：" }</span>
                                        { sources(&f.sources, props.lang) }
                                        { fix_box(&f.rule, props.lang) }
                                    </div>
                                }) }
                            }
                            { for row.evidence.iter().take(2).map(|e| evidence_link(e, &props.on_select)) }
                        </li>
                    }
                }) }
                </ul>
            }
        </section>
    }
}

fn finding_badge(lang: Lang, status: FindingStatus) -> &'static str {
    let strings = lang.strings();
    match status {
        FindingStatus::Fail => strings.finding_fail,
        FindingStatus::Warn => strings.finding_warn,
        FindingStatus::Pass => strings.finding_pass,
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
                        { for items.iter().map(|f| finding(f, props.lang, &props.on_select, true)) }
                        </ul>
                    </div>
                }
            }) }
            if passed > 0 {
                <details class="passed">
                    <summary>{ (strings.passed)(passed) }</summary>
                    <ul class="rows">
                    { for findings.iter().filter(|f| f.status == FindingStatus::Pass).map(|f| finding(f, props.lang, &props.on_select, true)) }
                    </ul>
                </details>
            }
        </section>
    }
}

/// A finding; `anchor`: the findings panel's copy, the one `finding-RULE`
/// names (the top problems repeat some).
fn finding(f: &policylens_core::Finding, lang: Lang, on_select: &Callback<Span>, anchor: bool) -> Html {
    let status = finding_status(f.status);
    let id = anchor.then(|| format!("finding-{}", f.rule));
    let meta = crate::rules_meta::lookup(&f.rule);
    let title = meta.as_ref().map(|m| lang.pick(m.title_zh, m.title_en));
    // The core renders the finding's detail in the reader's language; a
    // pass says only its title.
    let message = match &f.detail {
        Some(d) => policylens_core::rules::messages::render(d, lang.core()),
        None => lang.pick(f.message.clone(), String::new()),
    };
    html! {
        <li class={classes!("finding", status)} {id} data-rule={f.rule.clone()} data-status={status}>
            <div class="finding-head">
                <span class="rule-id">{ f.rule.clone() }</span>{ " " }
                if let Some(t) = title { <strong class="rule-title">{ t }</strong> }
            </div>
            if let Some(basis) = f.basis {
                { basis_tag(basis, lang) }
            }
            if !message.is_empty() { <span class="message">{ message }</span> }
            { sources(&f.sources, lang) }
            { fix_box(&f.rule, lang) }
            { for f.evidence.iter().take(3).map(|e| evidence_link(e, on_select)) }
        </li>
    }
}

/// What a fail or warning rests on: words not found (which may be worded
/// elsewhere), or text the policy states.
fn basis_tag(basis: policylens_core::Basis, lang: Lang) -> Html {
    let s = lang.strings();
    let (id, label, title) = match basis {
        policylens_core::Basis::Missing => ("missing", s.basis_missing, s.basis_missing_title),
        policylens_core::Basis::Stated => ("stated", s.basis_stated, s.basis_stated_title),
    };
    html! { <span class={classes!("basis", id)} data-basis={id} title={title}>{ label }</span> }
}

/// A rule's fix, folded. The text is not in the wasm: www/legal.js fills it
/// from rule-texts.json, in the page's language, when the box is opened. The
/// key makes a language switch start a fresh, empty box.
fn fix_box(rule: &str, lang: Lang) -> Html {
    let s = lang.strings();
    html! {
        <details class="fix" key={format!("{rule}-{}", lang.code())} data-fix-rule={rule.to_owned()}
            data-loading={s.legal_loading} data-fail={s.legal_failed}>
            <summary>{ s.how_to_fix }</summary>
            <p class="fix-text" data-testid="fix-text"></p>
        </details>
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
                    { for open.iter().take(3).map(|f| finding(f, props.lang, &props.on_select, false)) }
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
