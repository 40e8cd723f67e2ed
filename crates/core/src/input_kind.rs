//! Is the input a privacy policy at all? Empty text, a novel, source code or
//! an English page gets a report that says so, not a wall of failures.
//!
//! A policy names itself (an anchor such as 隐私政策) and uses at least three
//! words of the policy vocabulary (`data/lexicon/input.txt`). Only a policy
//! gets a checklist and findings; any input gets its outline and facts.

use crate::lexicon as lex;
use crate::report::InputKind;
use crate::text::is_space;

/// Classifies `text`: empty, a privacy policy, or something else.
pub fn classify(text: &str) -> InputKind {
    if text.chars().all(is_space) {
        return InputKind::Empty;
    }
    let anchored = lex::POLICY_ANCHORS.iter().any(|a| text.contains(a));
    let topics = lex::POLICY_VOCABULARY.iter().filter(|t| text.contains(*t)).count();
    if anchored && topics >= 3 {
        InputKind::Policy
    } else {
        InputKind::NotAPolicy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_policies_from_other_text() {
        assert_eq!(classify(" \n\u{3000}\u{200b}"), InputKind::Empty);
        assert_eq!(classify("隐私政策\n我们收集、使用您的个人信息，并在征得同意后共享。"), InputKind::Policy);
        assert_eq!(
            classify("第一回 宴桃园豪杰三结义 斩黄巾英雄首立功。话说天下大势，分久必合，合久必分。"),
            InputKind::NotAPolicy
        );
        assert_eq!(classify("fn main() { println!(\"hello\"); }"), InputKind::NotAPolicy);
        assert_eq!(
            classify("This Privacy Policy explains how we collect and use your personal data."),
            InputKind::NotAPolicy
        );
    }
}
