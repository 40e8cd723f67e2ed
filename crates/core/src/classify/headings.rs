//! Headings: which topics a section's heading names.
//!
//! A heading may name several topics (收集和使用, 存储和保护). The precedence
//! rules below settle the words that mean something else in a heading:
//! 管理 done by the company, 安全 as a purpose, 更新 of an account.

use crate::lexicon as lex;
use crate::report::{Category as C, Node};
use crate::text::{normalize, Words};

/// Heading words per category. A heading may match several.
const HEADING_WORDS: &[(C, &[&str])] = &[
    (C::Overview, lex::HEADING_OVERVIEW),
    (C::Definitions, lex::HEADING_DEFINITIONS),
    (C::Scope, lex::HEADING_SCOPE),
    (C::Collection, lex::HEADING_COLLECTION),
    (C::Permissions, lex::HEADING_PERMISSIONS),
    (C::Cookies, lex::HEADING_COOKIES),
    (C::Sdk, lex::HEADING_SDK),
    (C::Sharing, lex::HEADING_SHARING),
    (C::Storage, lex::HEADING_STORAGE),
    (C::CrossBorder, lex::HEADING_CROSS_BORDER),
    (C::Security, lex::HEADING_SECURITY),
    (C::Rights, lex::HEADING_RIGHTS),
    (C::Minors, lex::HEADING_MINORS),
    (C::Updates, lex::HEADING_UPDATES),
    (C::Contact, lex::HEADING_CONTACT),
];

/// Whether a heading holds one of `words` ([`crate::text::contains_any`]:
/// headings are short, and most words are ruled out by their first
/// character without a search).
pub(super) fn matches(norm: &str, words: &[&str]) -> bool {
    crate::text::contains_any(norm, words)
}

/// The normalised heading without its marker.
pub(super) fn heading_title(node: &Node) -> String {
    let heading = node.heading.as_deref().unwrap_or("");
    let start =
        node.marker.as_deref().and_then(|m| crate::text::find_leading(heading, m).map(|i| i + m.len())).unwrap_or(0);
    normalize(&heading[start..])
}

/// The heading words of one category.
fn words_of(category: C) -> &'static [&'static str] {
    HEADING_WORDS.iter().find(|(c, _)| *c == category).map_or(&[], |(_, w)| w)
}

/// `text` with each of `words` in turn replaced by `with`, as a fold of
/// `str::replace` gives it; a word the text (as replaced so far) lacks is
/// skipped without building a searcher and a copy.
fn replace_each(text: &str, words: &[&str], with: &str) -> String {
    words.iter().fold(text.to_owned(), |acc, w| if crate::text::has(&acc, w) { acc.replace(w, with) } else { acc })
}

/// Categories that a heading names. The precedence rules run in this
/// order: each reads what the ones before it left.
pub fn heading_categories(title: &str) -> Vec<C> {
    // Its characters' set is built once for the twenty-odd word tests below.
    let whole = Words::new(title);
    if let Some(alone) = names_alone(&whole) {
        return vec![alone];
    }
    // 个人信息保护政策 is the policy's name, not the security chapter.
    let without_names;
    let w = if whole.any(lex::POLICY_NAMES) {
        without_names = replace_each(title, lex::POLICY_NAMES, "政策");
        Words::new(&without_names)
    } else {
        whole
    };
    let mut out: Vec<C> = HEADING_WORDS.iter().filter(|(_, words)| w.any(words)).map(|(c, _)| *c).collect();
    settle_pairs(&w, &mut out);
    settle_rights(&w, &mut out);
    settle_qualifiers(&w, &mut out);
    settle_updates(&w, &mut out);
    // 隐私保护 in a user agreement heads paragraphs on every topic: each is
    // labelled by its own words, and the chapter is other.
    if out == [C::Security] && w.any(lex::HEADING_PRIVACY_CHAPTER) && !w.any(lex::POLICY_NAMES) {
        out = vec![C::Other];
    }
    out
}

/// A heading that names one topic whatever else it says.
fn names_alone(w: &Words) -> Option<C> {
    // Minors and contact name their sections alone: 未成年人信息安全的特别约定
    // is about minors, not security.
    if w.any(lex::HEADING_MINORS) || w.any(lex::HEADING_MINORS_ALONE) {
        return Some(C::Minors);
    }
    // Who the controller is and how to reach it: 关于我们, 数据控制方, 疑问和反馈.
    if w.any(lex::HEADING_CONTACT) || w.any(lex::HEADING_CONTACT_ALONE) {
        return Some(C::Contact);
    }
    // 个人敏感信息提示 says which information is sensitive: a definition.
    if w.any(lex::HEADING_DEFINITIONS_ALONE) {
        return Some(C::Definitions);
    }
    // What becomes of a deceased user's information is their relatives'
    // right (PIPL art. 49), whatever protection the heading promises.
    if w.any(lex::DECEASED) {
        return Some(C::Rights);
    }
    // What users publish or receive is `other`: 您分享的信息, 我们向您发送的信息;
    // unless the heading gives the user control of it (管理广告推送).
    if w.any(lex::HEADING_PUBLISHED) {
        return Some(if w.any(lex::HEADING_PUBLISHED_CONTROL) { C::Rights } else { C::Other });
    }
    None
}

/// Two topics named together where the words of one only qualify the other.
fn settle_pairs(w: &Words, out: &mut Vec<C>) {
    let has = |out: &[C], c: C| out.contains(&c);
    // 使用 Cookie is about cookies, not collection; 存储和传输 is storage and
    // transfer abroad, but 传输 alone (安全传输) is not abroad.
    if has(out, C::Cookies) {
        out.retain(|c| *c != C::Collection);
    }
    if has(out, C::CrossBorder) && !w.any(&["跨境", "境外", "全球", "出境"]) && !has(out, C::Storage) {
        out.retain(|c| *c != C::CrossBorder);
    }
    // 个人敏感信息提示 explains what is collected, not the preamble.
    if has(out, C::Overview) && has(out, C::Collection) {
        out.retain(|c| *c != C::Overview);
    }
}

/// Words that qualify another topic (收集的 信息), after the rights are
/// settled; a device feature named with a grant is a permission.
fn settle_qualifiers(w: &Words, out: &mut Vec<C>) {
    let t = w.text;
    let has = |out: &[C], c: C| out.contains(&c);
    // 储存收集的信息, 共享收集的用户信息: 收集的 only qualifies the
    // information that another broad topic is about.
    if has(out, C::Collection)
        && out.iter().any(|c| matches!(*c, C::Sharing | C::Storage | C::Security | C::CrossBorder))
        && !matches(&t.replace("收集的", ""), words_of(C::Collection))
    {
        out.retain(|c| *c != C::Collection);
    }
    if has(out, C::Security) && has(out, C::Minors) {
        out.retain(|c| *c != C::Security);
    }
    // 基于日历授权的拓展功能: a feature that asks for a device permission.
    if !has(out, C::Permissions) && w.any(lex::DEVICE_FEATURES) && w.any(&["授权", "调用", "开启"]) {
        out.push(C::Permissions);
    }
}

/// 管理, 控制, 访问 and 删除 in a heading: the user's rights only when the
/// user does them.
fn settle_rights(w: &Words, out: &mut Vec<C>) {
    let t = w.text;
    let has = |out: &[C], c: C| out.contains(&c);
    if !has(out, C::Rights) {
        return;
    }
    let drop = |out: &mut Vec<C>, d: C| out.retain(|c| *c != d);
    // The data controller (数据控制方) is who controls, not what users do.
    if w.any(&["控制方", "控制者"]) && !matches(&t.replace("控制", ""), words_of(C::Rights)) {
        drop(out, C::Rights);
    }
    // 个人信息保护权利 are rights, not the security chapter.
    if has(out, C::Rights) && has(out, C::Security) && w.any(&["权利"]) && !w.any(&["安全"]) {
        drop(out, C::Security);
    }
    // 安全管理 is security, not the user managing anything.
    if has(out, C::Rights) && has(out, C::Security) && w.any(&["安全管理", "访问控制"]) {
        drop(out, C::Rights);
    }
    // 账号管理, 订单管理, 管理制度: the service or the company manages, not
    // the user (CAPP-130 labels such subsections collection or security).
    if has(out, C::Rights) {
        let rest = replace_each(t, lex::MANAGING_BY_OTHERS, "");
        if !matches(&rest, words_of(C::Rights)) {
            drop(out, C::Rights);
        }
    }
    // 关闭个性化推荐, 个人信息收集和使用授权变更: the user takes back what
    // collection was given.
    if has(out, C::Rights) && has(out, C::Collection) && w.any(lex::CONSENT_CONTROL) {
        drop(out, C::Collection);
    }
    if has(out, C::Rights) && has(out, C::Collection) {
        if !w.any(&["管理", "权利", "控制"]) {
            // 删除/访问 inside a collection heading (收集和使用) name no rights.
            drop(out, C::Rights);
        } else if !w.any(&["收集"]) {
            // 控制个人信息的使用 is about the user's control, not collection.
            drop(out, C::Collection);
        }
    }
}

/// 更新 of the policy, not of an account or of the user's information.
fn settle_updates(w: &Words, out: &mut Vec<C>) {
    let has = |out: &[C], c: C| out.contains(&c);
    if !has(out, C::Updates) {
        return;
    }
    // 隐私政策的查询与修订, 本政策的更新及访问: looking the policy up is no
    // right over one's information.
    if has(out, C::Rights) && w.any(lex::POLICY_NOUNS) && !w.any(&["权利", "管理"]) {
        out.retain(|c| *c != C::Rights);
    }
    // 修改密码, 变更绑定手机号: a change of the account, not of the policy.
    if w.any(lex::ACCOUNT_OBJECTS) && !w.any(lex::POLICY_NOUNS) {
        out.retain(|c| *c != C::Updates);
    }
    // 更新 in 我们如何更新您的信息 or 访问、变更帐户信息 is a right or a
    // use; 隐私政策的更新 is the chapter.
    if has(out, C::Updates)
        && (has(out, C::Collection) || has(out, C::Sharing) || has(out, C::Rights))
        && !w.any(lex::POLICY_NOUNS)
    {
        out.retain(|c| *c != C::Updates);
    }
}
