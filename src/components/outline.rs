//! The outline as a navigable tree: one tab stop (roving tabindex), the
//! arrow keys move between items (Right to the first child, Left to the
//! parent), Home and End to the ends, Enter or Space selects.

use policylens_core::{Node, NodeKind, Span};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::ViewProps;
use crate::i18n::Strings;

const ITEM: &str = "[role=treeitem]";

#[component]
pub fn OutlineTree(props: &ViewProps) -> Html {
    let strings = props.lang.strings();
    let outline = &props.analysis.report.outline;
    let has_content = outline.iter().any(|d| !d.children.is_empty() || d.heading.is_some());
    // The item that takes the tab stop: the last one focused.
    let cursor = use_state(|| 0usize);
    let onfocusin = {
        let cursor = cursor.clone();
        Callback::from(move |e: FocusEvent| {
            if let (_, Some(at)) = super::items_of(&e, ITEM) {
                cursor.set(at);
            }
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let (items, Some(at)) = super::items_of(&e, ITEM) else { return };
        let here = &items[at];
        let to: Option<web_sys::Element> = match e.key().as_str() {
            "ArrowRight" => here.query_selector(":scope > ul > [role=treeitem]").ok().flatten(),
            "ArrowLeft" => here.parent_element().and_then(|p| p.closest(ITEM).ok().flatten()),
            "Enter" | " " => {
                e.prevent_default();
                if let Some(label) = here.first_element_child().and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    label.click();
                }
                return;
            }
            key => super::step(key, at, items.len()).map(|i| items[i].clone()),
        };
        if let Some(el) = to {
            e.prevent_default();
            super::focus(&el);
        }
    });
    let total = count(outline);
    let mut tree = Tree {
        strings,
        on_select: &props.on_select,
        ui: props.lang.html_code(),
        next: 0,
        stop: if *cursor < total { *cursor } else { 0 },
    };
    html! {
        <nav class="outline" data-testid="outline" aria-label={strings.outline}>
            if has_content {
                <ul role="tree" aria-label={strings.outline} {onkeydown} {onfocusin}>
                    { for outline.iter().map(|n| tree.node(n)) }
                </ul>
            } else {
                <p class="empty">{ strings.empty_outline }</p>
            }
        </nav>
    }
}

fn count(nodes: &[Node]) -> usize {
    nodes.iter().map(|n| 1 + count(&n.children)).sum()
}

/// The tree being drawn: its items are numbered in document order, and the
/// one numbered `stop` is the tree's tab stop.
struct Tree<'a> {
    strings: &'a Strings,
    on_select: &'a Callback<Span>,
    /// The interface's `lang` code, for the labels that are its own.
    ui: &'static str,
    next: usize,
    stop: usize,
}

impl Tree<'_> {
    fn node(&mut self, n: &Node) -> Html {
        let strings = self.strings;
        let (label, from_policy) = match (n.kind, &n.heading) {
            (NodeKind::Toc, _) => (strings.toc.to_owned(), false),
            (_, Some(h)) => (h.clone(), true),
            (_, None) => (strings.untitled_document.to_owned(), false),
        };
        let kind = match n.kind {
            NodeKind::Document => "document",
            NodeKind::Section => "section",
            NodeKind::Toc => "toc",
        };
        let span = n.span;
        let onclick = self.on_select.reform(move |_: MouseEvent| span);
        let cat = n.categories.first().map_or("", |c| c.id());
        let tabindex = if self.next == self.stop { "0" } else { "-1" };
        self.next += 1;
        let children: Vec<Html> = n.children.iter().map(|c| self.node(c)).collect();
        // Headings quoted from the policy are Chinese whatever the interface.
        let lang = if from_policy { "zh-CN" } else { self.ui };
        html! {
            <li role="treeitem" class={classes!("node", kind)} data-kind={kind} data-category={cat} {tabindex} {lang}>
                <span class="node-label" {onclick} title={format!("{}–{}", n.lines[0], n.lines[1])}>
                    <span class="heading">{ label }</span>
                    <span class="line-no">{ n.lines[0] }</span>
                </span>
                if !children.is_empty() {
                    <ul role="group">{ for children }</ul>
                }
            </li>
        }
    }
}
