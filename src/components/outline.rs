//! The outline as a navigable tree.

use policylens_core::{Node, NodeKind};
use yew::prelude::*;

use super::ViewProps;
use crate::i18n::Strings;

#[component]
pub fn OutlineTree(props: &ViewProps) -> Html {
    let strings = props.lang.strings();
    let outline = &props.analysis.report.outline;
    let has_content = outline.iter().any(|d| !d.children.is_empty() || d.heading.is_some());
    html! {
        <nav class="outline" data-testid="outline" aria-label={strings.outline}>
            if has_content {
                <ul role="tree">{ for outline.iter().map(|n| node(n, strings, &props.on_select)) }</ul>
            } else {
                <p class="empty">{ strings.empty_outline }</p>
            }
        </nav>
    }
}

fn node(n: &Node, strings: &Strings, on_select: &Callback<policylens_core::Span>) -> Html {
    let label = match n.kind {
        NodeKind::Toc => strings.toc.to_owned(),
        _ => n.heading.clone().unwrap_or_else(|| strings.untitled_document.to_owned()),
    };
    let kind = match n.kind {
        NodeKind::Document => "document",
        NodeKind::Section => "section",
        NodeKind::Toc => "toc",
    };
    let span = n.span;
    let onclick = on_select.reform(move |_: MouseEvent| span);
    let cat = n.categories.first().map_or("", |c| c.id());
    html! {
        <li role="treeitem" class={classes!("node", kind)} data-kind={kind} data-category={cat}>
            <button type="button" class="node-label" {onclick} title={format!("{}–{}", n.lines[0], n.lines[1])}>
                <span class="heading">{ label }</span>
                <span class="line-no">{ n.lines[0] }</span>
            </button>
            if !n.children.is_empty() {
                <ul role="group">{ for n.children.iter().map(|c| node(c, strings, on_select)) }</ul>
            }
        </li>
    }
}
