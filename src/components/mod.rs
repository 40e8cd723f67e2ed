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
