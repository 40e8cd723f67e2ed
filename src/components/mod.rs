//! The views. Each takes the finished analysis and renders part of it; none
//! computes anything the report does not hold.

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
