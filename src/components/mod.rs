//! The views. Each takes the finished analysis and renders part of it; none
//! computes anything the report does not hold.
//!
//! [`DocumentView`] (the policy, every clause and node at `id="clause-N"` /
//! `id="node-N"`, N its byte offset), [`OutlineTree`], the panels with the
//! report contract's `data-testid`s (`checklist`, `findings`, `sdk-map`,
//! `facts`) and [`SdkMap`], the SVG data-flow map laid out from the report's
//! flow graph.

mod document;
mod outline;
mod panels;
mod sdk_map;

pub use document::DocumentView;
pub use outline::OutlineTree;
pub use panels::{ChecklistPanel, FactsPanel, FindingsPanel, SdkMapPanel, SummaryLine, TopProblems};
pub use sdk_map::SdkMap;

use yew::prelude::*;

use crate::app::Analysis;
use crate::i18n::Lang;

/// Props shared by every view of the report.
#[derive(Properties, PartialEq)]
pub struct ViewProps {
    pub analysis: Analysis,
    pub lang: Lang,
    #[prop_or_default]
    pub on_select: Callback<policylens_core::Span>,
}

/// The elements matching `selector` inside the event's current target, and
/// the position among them of the one the event's target is in: what the
/// arrow keys of a tree or of the map move between.
pub(crate) fn items_of(e: &Event, selector: &str) -> (Vec<web_sys::Element>, Option<usize>) {
    use wasm_bindgen::JsCast;
    let element = |t: Option<web_sys::EventTarget>| t.and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let (Some(container), Some(target)) = (element(e.current_target()), element(e.target())) else {
        return (Vec::new(), None);
    };
    let here = target.closest(selector).ok().flatten();
    let list = container.query_selector_all(selector).ok();
    let items: Vec<web_sys::Element> =
        list.iter().flat_map(|l| (0..l.length()).filter_map(|i| l.item(i)?.dyn_into().ok())).collect();
    let at = here.and_then(|h| items.iter().position(|i| *i == h));
    (items, at)
}

/// Focuses an element, HTML or SVG (both have `focus()`).
pub(crate) fn focus(el: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
}

/// Where Up, Down, Home and End move to from `at` in a list of `n`.
pub(crate) fn step(key: &str, at: usize, n: usize) -> Option<usize> {
    match key {
        "ArrowDown" => Some((at + 1).min(n.saturating_sub(1))),
        "ArrowUp" => Some(at.saturating_sub(1)),
        "Home" => Some(0),
        "End" => n.checked_sub(1),
        _ => None,
    }
}
