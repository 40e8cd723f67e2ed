//! Context: what a clause is about given the section it stands in.
//!
//! Measured on CAPP-130 (`policylens eval`), a section's topic beats a
//! clause's keywords for the broad topics; the narrow ones (a permission,
//! minors, cookies, an SDK, a contact channel, a change of the policy) a
//! sentence carries alone.

use super::clauses::Signals;
use super::headings::{heading_categories, heading_title};
use crate::lexicon as lex;
use crate::report::{Category as C, Node, NodeKind};

/// Topics that a section's context gives its clauses: a sentence in the
/// sharing chapter is about sharing even when it only says 合作伙伴. Contact
/// and permissions are not: in the contact chapter only the channels and
/// promises are contact, and a permission is asked for in so many words.
fn is_contextual(category: C) -> bool {
    !matches!(category, C::Overview | C::Other | C::Definitions | C::Scope | C::Contact | C::Permissions)
}

/// Topics a clause keeps from its own words whatever its section: the
/// narrow ones that a sentence carries alone.
fn is_own_topic(category: C) -> bool {
    matches!(category, C::Permissions | C::Minors | C::Cookies | C::Sdk | C::Contact | C::Updates | C::Definitions)
}

/// The chapter a node stands in, as its clauses see it.
#[derive(Clone, Copy, Default)]
pub(super) struct Scope {
    /// Inside the contact chapter.
    pub in_contact: bool,
    /// Inside a section about permissions only.
    pub in_permissions: bool,
}

/// Gives each clause the topics of its innermost section that has any; of
/// its own words it keeps the narrow topics. A definition takes nothing
/// from its section. `signals` holds each clause's [`Signals`] in the
/// order of a pre-order walk.
pub(super) fn contextualise<'a>(
    node: &mut Node,
    inherited: &[C],
    scope: Scope,
    signals: &mut impl Iterator<Item = &'a Signals>,
) {
    adopt_chapter_topics(node, inherited);
    let own: Vec<C> = node.categories.iter().copied().filter(|c| is_contextual(*c)).collect();
    let scope = if node.categories.is_empty() {
        scope
    } else {
        let has = |k: C| node.categories.contains(&k);
        Scope { in_contact: has(C::Contact), in_permissions: has(C::Permissions) && own.is_empty() }
    };
    // A section about permissions speaks of permissions, not of collection
    // at large: it passes on no broad topic (CAPP-130: collection +0.006).
    let context: Vec<C> = if !own.is_empty() {
        own
    } else if scope.in_permissions {
        Vec::new()
    } else {
        inherited.to_vec()
    };
    for clause in &mut node.clauses {
        let s = signals.next().copied().unwrap_or_default();
        clause.categories = clause_in_context(&clause.categories, &context, scope, s);
    }
    for child in &mut node.children {
        contextualise(child, &context, scope, signals);
    }
}

/// A subsection takes its chapter's topics where its own heading names
/// none, or where 安全 in it names a purpose.
fn adopt_chapter_topics(node: &mut Node, inherited: &[C]) {
    // Inside the collection or sharing chapter, 安全 names a purpose
    // (保障交易安全所需信息, 实现安全与统计分析), not the security chapter:
    // such a subsection is about what its chapter is about.
    if node.categories == [C::Security]
        && inherited.iter().any(|c| *c == C::Collection || *c == C::Sharing)
        && !heading_title(node).contains("保护")
    {
        node.categories = inherited.to_vec();
    }
    // A subsection whose heading names no topic (（七）客户服务, 证件照服务)
    // is about what its chapter is about; the majority of its clauses' own
    // words (客服, 保存照片) would mislead. Narrow topics its content shows
    // (an SDK list, a permission) stay; of a chapter on several topics
    // (storing and protecting), the one its clauses show.
    if inherited.is_empty() || node.kind != NodeKind::Section {
        return;
    }
    // A subsection named after a purpose or a feature (保障产品与服务的安全、
    // 高效运转 under Cookie; 帮助您获得更轻松的访问体验) is about its
    // chapter, whatever its words touch.
    let title = heading_title(node);
    if lex::HEADING_PURPOSE_OPENERS.iter().any(|w| title.starts_with(w)) {
        let narrow = node.categories.iter().copied().filter(|c| matches!(c, C::Permissions | C::Minors | C::Sdk));
        let mut cats: Vec<C> = inherited.iter().copied().chain(narrow).collect();
        cats.sort_unstable();
        cats.dedup();
        node.categories = cats;
        return;
    }
    if !heading_categories(&title).is_empty() {
        return;
    }
    let narrow = node.categories.iter().filter(|c| matches!(c, C::Permissions | C::Minors | C::Cookies | C::Sdk));
    let kept = |c: &C| matches!(c, C::Storage | C::Security | C::CrossBorder);
    let shows_one = node.categories.iter().any(|c| kept(c) && inherited.contains(c));
    let mut cats: Vec<C> =
        inherited.iter().copied().filter(|c| !shows_one || !kept(c) || node.categories.contains(c)).collect();
    // An SDK list or cookies in the chapter do not make every part of it about them.
    cats.retain(|c| *c != C::Sdk && *c != C::Cookies);
    for c in narrow {
        if !cats.contains(c) {
            cats.push(*c);
        }
    }
    cats.sort_unstable();
    node.categories = cats;
}

/// A clause's topics: its own words' (`own`) read in its section's
/// `context`.
fn clause_in_context(own: &[C], context: &[C], scope: Scope, s: Signals) -> Vec<C> {
    let definition = own.contains(&C::Definitions);
    let mut cats;
    // The contact and permission chapters scope their clauses as a topic
    // would, though they give them none.
    if !context.is_empty() || scope.in_contact || scope.in_permissions {
        cats = if definition { Vec::new() } else { context.to_vec() };
        // A chapter on storing and protecting: a clause that names one of
        // the two is about that one.
        if cats.contains(&C::Storage) && cats.contains(&C::Security) {
            let named: Vec<C> = s.strong.iter().filter(|c| *c == C::Storage || *c == C::Security).collect();
            if let [one] = named[..] {
                cats.retain(|c| (*c != C::Storage && *c != C::Security) || *c == one);
            }
        }
        let strong = s.strong.iter().filter(|_| !definition);
        for c in own.iter().copied().filter(|c| is_own_topic(*c)).chain(strong) {
            if !cats.contains(&c) {
                cats.push(c);
            }
        }
    } else {
        cats = own.to_vec();
        drop_summary_topics(&mut cats);
    }
    if s.weak_contact && scope.in_contact && !cats.contains(&C::Contact) {
        cats.push(C::Contact);
    }
    // Turning off a permission or clearing cookies is the user's control
    // (CAPP-130: rights F1 +0.03).
    let about_control = |c: &C| *c == C::Permissions || *c == C::Cookies;
    if s.control && (cats.iter().any(about_control) || context.iter().any(about_control)) && !cats.contains(&C::Rights)
    {
        cats.push(C::Rights);
    }
    if definition {
        cats.retain(|c| *c == C::Definitions);
    }
    cats
}

/// Outside any topic's section, a sentence that names several broad topics
/// is a summary (我们会如何收集、使用、共享和保护您的信息), not a statement
/// about any of them. Measured on CAPP-130: macro F1 +0.007.
pub(super) fn drop_summary_topics(categories: &mut Vec<C>) {
    if categories.iter().filter(|c| c.is_broad()).count() >= 2 {
        categories.retain(|c| !c.is_broad());
    }
}
