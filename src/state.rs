//! The shell's state and every change to it: [`State`] is changed only by
//! dispatching an [`Action`] (Yew's `use_reducer`). Side effects (storage,
//! the worker, the DOM) are the hooks'; the reducer only computes.

use std::rc::Rc;

use policylens_core::html::text_view;
use policylens_core::{InputFormat, Report, Span};
use yew::prelude::*;

use crate::i18n::{Lang, Notice};

/// A finished analysis with its timing.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub report: Rc<Report>,
    pub text: Rc<str>,
    pub millis: f64,
    /// Counts the analyses of this page (0 for the first), so that a test
    /// can tell when the first screen shows a new one.
    pub seq: u32,
}

thread_local! {
    static SEQ: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Identity, not content: a new analysis is a new `Rc`, and comparing two
/// reports of a 1 MB policy field by field on every render would be slow.
impl PartialEq for Analysis {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report) && Rc::ptr_eq(&self.text, &other.text)
    }
}

impl Analysis {
    /// The text the document view shows: a web page is shown as the text it
    /// displays (the core's text view, offset for offset), never as markup.
    pub fn new(report: Report, text: Rc<str>, millis: f64) -> Self {
        let text = if report.input.format == InputFormat::Html { Rc::from(text_view(&text)) } else { text };
        let seq = SEQ.with(|n| n.replace(n.get() + 1));
        Analysis { report: Rc::new(report), text, millis, seq }
    }
}

/// Everything the shell shows that can change.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    /// The editor's text (the text area itself is not controlled).
    pub input: Rc<str>,
    /// The last finished analysis: the first screen (summary, map, top
    /// problems) shows it at once.
    pub analysis: Analysis,
    /// What the panels below the first screen (outline, document, checklist,
    /// findings, facts) show: `analysis` one frame later ([`Action::Settle`]),
    /// so that the first screen of a new report is painted before the
    /// thousands of nodes below it are built and laid out.
    pub below: Analysis,
    /// A message above the report (file errors, the share link).
    pub notice: Option<Notice>,
    /// Whether the last text scheduled for analysis was over the size limit.
    pub too_large: bool,
    /// The clause or node last chosen in a panel.
    pub selected: Option<Span>,
    /// Whether the user opted in to keeping a draft in local storage.
    pub save_draft: bool,
    /// Whether the editor is shown. A policy that arrives whole (pasted into
    /// the empty editor, dropped, from a file or a link) hides it: the report
    /// comes first and the editor is one click away. Hidden, the text area is
    /// not laid out, which for a 56 KB policy is most of a frame.
    pub editing: bool,
}

impl State {
    pub fn new(lang: Lang, save_draft: bool, analysis: Analysis) -> Self {
        let below = analysis.clone();
        State {
            lang,
            input: Rc::from(""),
            analysis,
            below,
            notice: None,
            too_large: false,
            selected: None,
            save_draft,
            editing: true,
        }
    }
}

#[derive(Debug)]
pub enum Action {
    /// New text in the editor (its analysis is scheduled by `use_analysis`).
    Input(Rc<str>),
    /// The scheduled text was checked against the size limit.
    TooLarge(bool),
    /// An analysis finished.
    Analysed(Analysis),
    /// The first screen has painted: the panels below it catch up.
    Settle,
    /// Shows a message, or clears it.
    Notify(Option<Notice>),
    /// A clause or node was chosen in a panel.
    Select(Span),
    /// The language switch.
    ToggleLang,
    /// The save-draft checkbox.
    SaveDraft(bool),
    /// Shows or hides the editor.
    Edit(bool),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Input(text) => next.input = text,
            Action::TooLarge(too_large) => next.too_large = too_large,
            Action::Analysed(analysis) => next.analysis = analysis,
            Action::Settle if next.below == next.analysis => return self,
            Action::Settle => next.below = next.analysis.clone(),
            Action::Notify(notice) => next.notice = notice,
            Action::Select(span) => next.selected = Some(span),
            Action::ToggleLang => next.lang = next.lang.other(),
            Action::SaveDraft(on) => next.save_draft = on,
            Action::Edit(on) => next.editing = on,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<State> {
        let analysis = Analysis::new(policylens_core::analyze(""), Rc::from(""), 0.0);
        Rc::new(State::new(Lang::Zh, false, analysis))
    }

    #[test]
    fn each_action_changes_only_its_part_of_the_state() {
        let s = state();
        let s = s.reduce(Action::Input(Rc::from("隐私政策")));
        assert_eq!(&*s.input, "隐私政策");
        let s = s.reduce(Action::TooLarge(true));
        assert!(s.too_large);
        let s = s.reduce(Action::Notify(Some(Notice::ShareDone)));
        assert_eq!(s.notice, Some(Notice::ShareDone));
        let s = s.reduce(Action::Select(Span { start: 3, end: 9 }));
        assert_eq!(s.selected, Some(Span { start: 3, end: 9 }));
        let s = s.reduce(Action::ToggleLang);
        assert_eq!(s.lang, Lang::En);
        let s = s.reduce(Action::SaveDraft(true));
        assert!(s.save_draft);
        assert!(s.editing, "the editor shows until a policy arrives");
        let s = s.reduce(Action::Edit(false));
        assert!(!s.editing);
        let before = s.analysis.clone();
        let s =
            s.reduce(Action::Analysed(Analysis::new(policylens_core::analyze("隐私政策"), Rc::from("隐私政策"), 1.0)));
        assert_ne!(s.analysis, before, "a new analysis is a new value");
        assert_eq!(s.below, before, "the panels below wait for the first screen");
        assert!(s.analysis.seq > before.seq);
        let s = s.reduce(Action::Settle);
        assert_eq!(s.below, s.analysis);
        assert_eq!((&*s.input, s.too_large, s.lang), ("隐私政策", true, Lang::En), "the rest is kept");
        let s = s.reduce(Action::Notify(None)).reduce(Action::ToggleLang);
        assert_eq!((s.notice, s.lang), (None, Lang::Zh));
    }
}
