//! The policy as a structured document: headings, clauses, tables of
//! contents, each element carrying the byte offset it starts at (`at-N`) so
//! that panels can scroll to it.

use policylens_core::{Node, NodeKind, Span};
use yew::prelude::*;

use crate::app::Analysis;
use crate::i18n::{Lang, Strings};

#[derive(Properties, PartialEq)]
pub struct DocumentProps {
    pub analysis: Analysis,
    pub lang: Lang,
    pub selected: Option<Span>,
}

#[component]
pub fn DocumentView(props: &DocumentProps) -> Html {
    let strings = props.lang.strings();
    let text = &props.analysis.text;
    html! {
        <article class="document" data-testid="document" aria-live="polite">
            { for props.analysis.report.outline.iter().map(|n| node(n, text, strings, props.selected)) }
        </article>
    }
}

fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

fn node(n: &Node, text: &str, strings: &Strings, selected: Option<Span>) -> Html {
    let selected_here = selected.is_some_and(|s| s.start == n.span.start);
    let cat = n.categories.first().cloned().unwrap_or_default();
    let class = classes!(
        "doc-node",
        match n.kind {
            NodeKind::Document => "document",
            NodeKind::Section => "section",
            NodeKind::Toc => "toc",
        },
        selected_here.then_some("selected")
    );
    let heading = match n.kind {
        NodeKind::Toc => Some(strings.toc.to_owned()),
        _ => n.heading.clone(),
    };
    let level = (n.level + 2).min(6);
    let toc_body =
        (n.kind == NodeKind::Toc).then(|| html! { <pre class="toc-text">{ slice(text, n.span).trim() }</pre> });
    html! {
        <section id={format!("node-{}", n.span.start)} class={class} data-category={cat} data-level={n.level.to_string()}>
            if let Some(h) = heading {
                <div class={format!("doc-heading h{level}")} role="heading" aria-level={level.to_string()}>{ h }</div>
            }
            { for toc_body }
            { for n.clauses.iter().map(|c| {
                let sel = selected.is_some_and(|s| s.start == c.span.start);
                html! {
                    <span id={format!("clause-{}", c.span.start)} class={classes!("clause", sel.then_some("selected"))}
                        data-category={c.categories.first().cloned().unwrap_or_default()}>
                        { slice(text, c.span) }
                    </span>
                }
            }) }
            { for n.children.iter().map(|c| node(c, text, strings, selected)) }
        </section>
    }
}
