//! The policy as a structured document: headings, clauses, tables of
//! contents, each element carrying the byte offset it starts at
//! (`node-N`, `clause-N`) so that panels can scroll to it.
//!
//! A 1 MB policy has thousands of clauses. Each block (a document's own text
//! or one of its top-level nodes) is its own component, so a change of
//! selection re-renders only the blocks it touches, and the blocks appear a
//! few at a time, one step per frame, so that no frame is long.

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

/// Clauses rendered per frame while a large document appears.
const CLAUSES_PER_STEP: usize = 600;

/// One renderable block: a document (its heading and own clauses only) or
/// a top-level node with everything below it.
#[derive(Clone, Copy, PartialEq)]
struct Block {
    doc: usize,
    /// `None` for the document's own heading and clauses.
    child: Option<usize>,
    clauses: usize,
}

fn blocks(outline: &[Node]) -> Vec<Block> {
    let mut out = Vec::new();
    for (d, doc) in outline.iter().enumerate() {
        out.push(Block { doc: d, child: None, clauses: doc.clauses.len() });
        for (c, child) in doc.children.iter().enumerate() {
            out.push(Block { doc: d, child: Some(c), clauses: count_clauses(child) });
        }
    }
    out
}

fn count_clauses(n: &Node) -> usize {
    n.clauses.len() + n.children.iter().map(count_clauses).sum::<usize>()
}

#[component]
pub fn DocumentView(props: &DocumentProps) -> Html {
    let all = blocks(&props.analysis.report.outline);
    let shown = use_state(|| 0usize);
    {
        // A new analysis starts from the first step again.
        let shown = shown.clone();
        use_effect_with(props.analysis.clone(), move |_| shown.set(0));
    }
    // How many blocks fit in the next step.
    let next = {
        let mut budget = CLAUSES_PER_STEP;
        let mut n = *shown;
        while n < all.len() && (budget >= all[n].clauses || n == *shown) {
            budget = budget.saturating_sub(all[n].clauses);
            n += 1;
        }
        n
    };
    {
        let shown = shown.clone();
        use_effect_with((*shown, next), move |&(current, next)| {
            let pending = (next > current).then(|| gloo_timers::callback::Timeout::new(0, move || shown.set(next)));
            move || drop(pending)
        });
    }
    let done = *shown >= all.len();
    html! {
        <article class="document" data-testid="document" aria-live="polite" lang="zh-CN" data-complete={done.to_string()}>
            { for all.iter().take(*shown).map(|b| {
                let outline = &props.analysis.report.outline;
                let span = match b.child {
                    None => outline[b.doc].span,
                    Some(c) => outline[b.doc].children[c].span,
                };
                // Only the block holding the selection sees it, so that the
                // others keep equal props and are not rendered again.
                let selected = props.selected.filter(|s| span.contains(*s) || s.start == span.start);
                html! {
                    <DocBlock key={format!("{}-{:?}", b.doc, b.child)} analysis={props.analysis.clone()} lang={props.lang}
                        doc={b.doc} child={b.child} {selected} />
                }
            }) }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct BlockProps {
    analysis: Analysis,
    lang: Lang,
    doc: usize,
    child: Option<usize>,
    selected: Option<Span>,
}

#[component]
fn DocBlock(props: &BlockProps) -> Html {
    let strings = props.lang.strings();
    let text = &props.analysis.text;
    let doc = &props.analysis.report.outline[props.doc];
    match props.child {
        Some(c) => node(&doc.children[c], text, strings, props.selected, true),
        None => node(doc, text, strings, props.selected, false),
    }
}

fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

fn node(n: &Node, text: &str, strings: &Strings, selected: Option<Span>, with_children: bool) -> Html {
    let selected_here = selected.is_some_and(|s| s.start == n.span.start);
    let cat = n.categories.first().map_or("", |c| c.id());
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
            { for n.clauses.iter().enumerate().map(|(i, c)| {
                let sel = selected.is_some_and(|s| s.start == c.span.start);
                // A clause that starts a line of the input starts a paragraph
                // here too (list items, new paragraphs of a web copy).
                let gap_start = if i == 0 { c.span.start } else { n.clauses[i - 1].span.end };
                let para = text.get(gap_start..c.span.start).is_some_and(|gap| gap.contains('\n'));
                html! {
                    <span id={format!("clause-{}", c.span.start)} class={classes!("clause", sel.then_some("selected"), para.then_some("para"))}
                        data-category={c.categories.first().map_or("", |k| k.id())}>
                        { slice(text, c.span) }
                    </span>
                }
            }) }
            if with_children {
                { for n.children.iter().map(|c| node(c, text, strings, selected, true)) }
            }
        </section>
    }
}
