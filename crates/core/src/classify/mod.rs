//! Categories of sections and clauses (taxonomy: docs/report-schema.md).
//!
//! The passes, in order:
//!
//! 1. `clauses.rs`: each clause's topics from its own words, in one scan of
//!    the lexicon's clause words, and the signals only its section can
//!    resolve;
//! 2. `headings.rs`: each section's topics from its heading; content adds the
//!    topics that real policies tuck inside other sections (an SDK table in
//!    the sharing chapter, a retention period in the security chapter, a
//!    transfer abroad in the storage chapter);
//! 3. `context.rs`: each clause read in its section;
//! 4. [`model`]: the shipped clause model revises the nine broad topics
//!    ([`model::TOPICS`]), reading the labels of passes 1–3 as features
//!    (called by [`crate::analyze_with`] after [`classify`]).
//!
//! The signals passed between the passes (`clauses::Signals`) are struct
//! fields that never reach the report. The words are data:
//! `data/lexicon/topics.txt`, in the taxonomy's vocabulary rather than any one
//! policy's. Measured on CAPP-130 with `policylens eval capp130 DIR`.

mod clauses;
mod context;
mod headings;
pub mod model;
mod settle;

pub use clauses::{clause_categories, clause_categories_at, clause_word_index, clause_words};
pub use headings::heading_categories;
pub use settle::settle;

use clauses::Signals;
use context::Scope;
use headings::heading_title;

use crate::report::{Category as C, Node, NodeKind};
use crate::scan::ClauseTexts;
use crate::text::normalize;

/// What the clauses' words said that the model does not see, for
/// [`settle`]: each clause's signals by the start of its span.
pub struct ClauseSignals(Vec<(usize, Signals)>);

impl ClauseSignals {
    /// The signals of the clause that starts at byte `at`.
    fn get(&self, at: usize) -> Option<&Signals> {
        self.0.binary_search_by_key(&at, |(start, _)| *start).ok().map(|i| &self.0[i].1)
    }
}

/// Assigns categories to every node and clause of `outline`, in place.
pub fn classify(text: &str, outline: &mut [Node], normalized: &ClauseTexts) -> ClauseSignals {
    let mut all = Vec::new();
    for doc in outline {
        let mut ignored = ContentSignals::default();
        classify_clauses(text, normalized, doc, &mut ignored, &mut all);
        for clause in &mut doc.clauses {
            context::drop_summary_topics(&mut clause.categories);
        }
        all.extend(classify_sections(text, normalized, &mut doc.children));
    }
    all.sort_by_key(|(at, _)| *at);
    ClauseSignals(all)
}

/// Classifies top-level sections, each on its own: natively halves of them
/// at once, down to one section each (rayon gives an idle thread the other
/// half).
fn classify_sections(text: &str, normalized: &ClauseTexts, sections: &mut [Node]) -> Vec<(usize, Signals)> {
    crate::parallel::in_pieces(sections, 1, &|sections: &mut [Node]| {
        let mut all = Vec::new();
        for child in sections {
            let first = all.len();
            classify_section(text, normalized, child, &mut all);
            context::contextualise(child, &[], Scope::default(), &mut all[first..].iter().map(|(_, s)| s));
        }
        all
    })
}

/// Classifies the clauses a node holds directly, adds what they say to
/// `content` and their [`Signals`] to `signals`. Each clause is normalised
/// once.
fn classify_clauses(
    text: &str,
    normalized: &ClauseTexts,
    node: &mut Node,
    content: &mut ContentSignals,
    signals: &mut Vec<(usize, Signals)>,
) {
    for clause in &mut node.clauses {
        let owned;
        let (norm, found) = match normalized.find(clause.span) {
            Some(i) => (normalized.text(i), clauses::scan_at(normalized, i)),
            None => {
                owned = normalize(text.get(clause.span.start..clause.span.end).unwrap_or(""));
                (owned.as_str(), clauses::scan(&owned))
            }
        };
        let (mut own, s) = clauses::clause_topics(norm, &found);
        if !own.contains(&C::Definitions) && clauses::is_glossary_entry(&text[clause.span.start..clause.span.end]) {
            own = vec![C::Definitions];
        }
        clause.categories = own;
        signals.push((clause.span.start, s));
        content.sdk_mentions += usize::from(found.sdk);
        content.cross_border += usize::from(found.cross_border);
        content.retention += usize::from(found.retention);
    }
}

/// What the clauses of a subtree say, for content-derived categories.
#[derive(Default)]
struct ContentSignals {
    sdk_mentions: usize,
    cross_border: usize,
    retention: usize,
    child_sdk: bool,
}

impl ContentSignals {
    fn absorb(&mut self, child: &ContentSignals) {
        self.sdk_mentions += child.sdk_mentions;
        self.cross_border += child.cross_border;
        self.retention += child.retention;
    }
}

/// Classifies a section and its subtree (clauses in pre-order, sections
/// bottom up); returns what the subtree's clauses say.
fn classify_section(
    text: &str,
    normalized: &ClauseTexts,
    node: &mut Node,
    signals: &mut Vec<(usize, Signals)>,
) -> ContentSignals {
    let mut s = ContentSignals::default();
    classify_clauses(text, normalized, node, &mut s, signals);
    for child in &mut node.children {
        let child_signals = classify_section(text, normalized, child, signals);
        s.absorb(&child_signals);
        if child.kind == NodeKind::Section && child.categories.contains(&C::Sdk) {
            s.child_sdk = true;
        }
    }
    if node.kind != NodeKind::Section {
        return s;
    }
    let mut cats = heading_categories(&heading_title(node));
    let add = |cats: &mut Vec<C>, c: C| {
        if !cats.contains(&c) {
            cats.push(c);
        }
    };
    let contact_or_minors = cats.iter().any(|c| matches!(*c, C::Contact | C::Minors | C::Other | C::Updates));
    if !contact_or_minors {
        if s.child_sdk || s.sdk_mentions >= 3 {
            add(&mut cats, C::Sdk);
        }
        if s.cross_border >= 1 && cats.iter().any(|c| matches!(*c, C::Storage | C::Security | C::CrossBorder)) {
            add(&mut cats, C::CrossBorder);
        }
        if s.retention >= 1 && cats.iter().any(|c| matches!(*c, C::Security | C::CrossBorder)) {
            add(&mut cats, C::Storage);
        }
    }
    if cats.is_empty() {
        // No heading words: what most of its clauses are about, else other.
        cats.push(majority(node).unwrap_or(C::Other));
    }
    cats.sort_unstable();
    node.categories = cats;
    s
}

/// The category most clauses of a node carry, if one dominates.
fn majority(node: &Node) -> Option<C> {
    let mut counts = [0usize; 16];
    let mut total = 0;
    for c in &node.clauses {
        total += 1;
        for cat in &c.categories {
            counts[*cat as usize] += 1;
        }
    }
    let (i, &n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    (total > 0 && n * 2 > total).then_some(C::ALL[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keyword rules' verdicts, before the clause model revises them.
    fn rules_only(text: &str) -> crate::Report {
        crate::analyze_with(text, "utf-8", &model::ClauseModel::empty())
    }

    #[track_caller]
    fn check(heading: &str, expect: &[&str]) {
        let ids: Vec<&str> = heading_categories(&normalize(heading)).iter().map(|c| c.id()).collect();
        assert_eq!(ids, expect, "{heading}");
    }

    #[test]
    fn headings() {
        check("我们如何收集和使用个人信息", &["collection"]);
        check("我们如何使用 cookie 等同类技术", &["cookies"]);
        check("我们如何共享、转让、公开披露个人信息", &["sharing"]);
        check("我们如何存储和传输个人信息", &["storage", "cross_border"]);
        check("未成年人信息安全的特别约定", &["minors"]);
        check("第八章 存储信息的地点和期限", &["storage"]);
        check("您的信息如何在全球范围转移", &["cross_border"]);
        check("定义及适用范围", &["definitions", "scope"]);
        check("您分享的信息", &["other"]);
        check("我们如何保护和保存您的用户信息", &["storage", "security"]);
        check("修订和通知", &["updates"]);
        check("如何联系我们", &["contact"]);
    }

    #[test]
    fn headings_seen_in_capp130() {
        // Rights named without 您的权利; deceased users; control of ads.
        check("五、您控制个人信息的权利", &["rights"]);
        check("如何行使您的个人信息相关权利", &["rights"]);
        check("我们对去世用户的个人信息保护", &["rights"]);
        check("6.2.2 管理你的个性化广告推送", &["rights"]);
        check("2.2.2 广告", &["other"]);
        check("如何更好地控制个人信息的使用", &["rights"]);
        check("主要功能或服务中个人信息的使用", &["collection"]);
        check("您提供的信息", &["collection"]);
        // Protection of personal information, but not the policy's name.
        check("个人信息的保护", &["security"]);
        check("本《芒果TV个人信息保护政策》适用范围", &["scope"]);
        check("个人信息的安全管理方式", &["security"]);
        // Joint processing and partners are sharing.
        check("2.1.3 共同处理", &["sharing"]);
        check("数据使用过程中涉及的合作方以及转移、公开个人信息", &["sharing"]);
        // 收集的 qualifies what another topic is about.
        check("我们如何储存收集的用户信息", &["storage"]);
        check("我们如何保证收集的用户信息安全", &["security"]);
        check("我们收集的信息", &["collection"]);
        // Looking the policy up is no right.
        check("隐私政策的查询与修订", &["updates"]);
        check("与我们取得联系与争议解决", &["contact"]);
        check("相关词语解释", &["definitions"]);
        check("6.我们在哪里处理您的数据？", &["storage"]);
        check("5、个人敏感信息提示", &["definitions"]);
        check("1. 政策范围及修订", &["scope", "updates"]);
        check("您有什么个人信息保护权利？", &["rights"]);
        check("您需要向 WECHAT 提供哪些信息？", &["collection"]);
        check("您的个人信息会被提供给谁？", &["sharing"]);
        check("数据控制方", &["contact"]);
        check("二、 关于我们", &["contact"]);
        check("十、疑问和反馈", &["contact"]);
        check("九、本政策的适用", &["scope"]);
        check("八、法律适用及争议解决", &[]);
        check("6. 个性化推荐", &["collection"]);
        check("年龄限制和家长/监护人控制", &["minors"]);
        check("您输入的搜索关键词信息", &[]);
        // The service or the company manages: no right of the user.
        check("（一）帮助您成为我们的会员及账户管理", &[]);
        check("（六）下单、订单管理与交付", &[]);
        check("2、数据保护管理组织措施", &["security"]);
        check("4.2 管理制度", &["security"]);
        // Taking consent back is a right, not collection.
        check("5.4 个人信息收集和使用授权变更", &["rights"]);
        check("4.关闭个性化推荐", &["rights"]);
        // Indirect collection is collection.
        check("（三）来自第三方的信息", &["collection"]);
        check("4、我们可能从第三方间接获取您的个人信息", &["collection"]);
        check("6、基于日历授权的拓展功能", &["permissions"]);
        check("4.修改密码", &[]);
        check("个人注册账户加入企业组织的数据控制方", &["contact"]);
        // Heading vocabulary seen in unseen policies.
        check("九、联系方法", &["contact"]);
        check("青少年模式", &["minors"]);
        check("投诉及举报", &["contact"]);
        check("第三方服务", &["sharing"]);
        check("第三方隐私协议", &["sharing"]);
        check("个人信息共享", &["sharing"]);
    }

    #[test]
    fn clauses() {
        assert!(own("我们会与合作伙伴共享您的设备信息。").contains(&"sharing"));
        assert!(own("我们使用 Cookie 来记住您的偏好。").contains(&"cookies"));
        assert!(own("儿童：指不满十四周岁的未成年人。").contains(&"minors"));
        // Clauses are matched normalised: the full-width colon of `：指` is
        // read as `:`.
        assert!(own("去标识化：指个人信息经过处理，使其在不借助额外信息的情况下无法识别特定自然人的过程。")
            .contains(&"definitions"));
    }

    /// The one scan reads normalised clauses, so a word it looks for must be
    /// normalised too: `：指` or `web beacon` could never be found.
    #[test]
    fn the_words_of_the_one_scan_are_normalised() {
        let unfound: Vec<&str> =
            clause_words().chain(crate::rules::keyword_words()).filter(|w| normalize(w) != *w).collect();
        assert_eq!(unfound, Vec::<&str>::new());
    }

    fn own(clause: &str) -> Vec<&'static str> {
        clause_categories(&normalize(clause)).iter().map(|c| c.id()).collect()
    }

    #[test]
    fn permissions_are_asked_for_in_so_many_words() {
        assert!(own("当您使用扫码功能时，我们会调用您的相机。").contains(&"permissions"));
        assert!(own("您可以在系统设置中关闭位置权限。").contains(&"permissions"));
        // Staff access control is security; a location in a list of data is collection.
        assert!(!own("我们对员工采取严格的权限控制。").contains(&"permissions"));
        assert!(!own("我们会收集您的位置信息以推荐附近的门店。").contains(&"permissions"));
    }

    #[test]
    fn sentences_about_the_policy_itself_are_updates() {
        assert!(own("我们可能会适时对本政策进行修订。").contains(&"updates"));
        assert!(own("点击同意即表示您已阅读并接受本隐私政策。").contains(&"updates"));
        assert!(!own("您可以更新您的昵称和头像。").contains(&"updates"));
    }

    #[test]
    fn contact_channels_count_anywhere_other_contact_words_only_in_the_chapter() {
        assert!(own("您也可以发送邮件至privacy@example.com与我们联系。").contains(&"contact"));
        assert!(own("客服电话：400-123-4567").contains(&"contact"));
        assert!(!own("我们将在十五个工作日内回复。").contains(&"contact"));
        let chapter = |t: &str| clauses::clause_topics(&normalize(t), &clauses::scan(&normalize(t))).1.weak_contact;
        assert!(chapter("我们将在十五个工作日内回复。"));
        assert!(chapter("中国北京市海淀区上地十街10号"));
        assert!(!chapter("本政策自发布之日起生效。"));
    }

    #[test]
    fn definitions_take_no_topic_from_their_section() {
        let text = "示例隐私政策\n一、联系我们\n儿童：指不满十四周岁的未成年人。\n邮箱：a@example.com\n";
        let report = rules_only(text);
        let section = &report.outline[0].children[0];
        let cats: Vec<Vec<C>> = section.clauses.iter().map(|c| c.categories.clone()).collect();
        assert_eq!(cats, vec![vec![C::Definitions], vec![C::Contact]]);
    }

    #[test]
    fn a_summary_outside_any_topic_names_none() {
        let text =
            "示例隐私政策\n本政策说明我们如何收集、使用、共享和保护您的个人信息。\n一、联系我们\n邮箱：a@example.com\n";
        let report = rules_only(text);
        assert_eq!(report.outline[0].clauses[0].categories, Vec::<C>::new());
    }

    #[test]
    fn a_clause_naming_another_broad_topic_carries_it_too() {
        let text = "示例隐私政策\n一、我们如何共享您的信息\n我们会与合作伙伴签署保密协议。\n二、我们如何存储和保护您的信息\n我们采用加密技术保护您的信息。\n我们将您的信息存储在中国境内。\n";
        let report = rules_only(text);
        let cats = |s: usize, c: usize| report.outline[0].children[s].clauses[c].categories.clone();
        assert_eq!(cats(0, 0), ["sharing", "security"]);
        assert_eq!(cats(1, 0), ["security"]);
        assert_eq!(cats(1, 1), ["storage"]);
    }

    #[test]
    fn security_as_a_purpose_inside_collection_is_collection() {
        let text = "示例隐私政策\n一、我们如何收集和使用您的个人信息\n（一）保障交易安全所需信息\n我们会收集您的设备信息用于风险识别。\n二、我们如何保护您的个人信息\n（一）安全措施\n我们采用加密技术。\n";
        let report = rules_only(text);
        let doc = &report.outline[0];
        assert_eq!(doc.children[0].children[0].categories, ["collection"]);
        assert_eq!(doc.children[1].children[0].categories, ["security"]);
    }

    #[test]
    fn a_subsection_without_topic_words_is_about_its_chapter() {
        // The clauses of （二）客户服务 speak of complaints and corrections
        // (rights words), but the subsection says what the collection
        // chapter collects for customer service. An SDK list stays sdk.
        let text = "示例隐私政策\n一、我们如何收集和使用您的个人信息\n（一）注册\n我们会收集您的手机号码。\n\
                    （二）客户服务\n您可以投诉或申请更正。\n您也可以要求删除错误信息。\n\
                    （三）其他功能\n友盟SDK会收集设备信息。\n极光SDK会收集设备标识。\n个推SDK会收集网络信息。\n\
                    二、我们如何存储和保护您的信息\n（一）期限\n我们仅在必要期限内保存您的信息。\n（二）措施\n我们采用加密技术保护您的信息。\n\
                    （三）其他\n本节内容。\n";
        let report = rules_only(text);
        let doc = &report.outline[0];
        let cats = |s: usize, c: usize| doc.children[s].children[c].categories.clone();
        assert_eq!(cats(0, 1), ["collection"]);
        assert_eq!(cats(0, 2), ["collection", "sdk"]);
        assert_eq!(cats(1, 0), ["storage"]);
        assert_eq!(cats(1, 1), ["security"]);
        assert_eq!(cats(1, 2), ["storage", "security"]);
    }

    #[test]
    fn security_as_the_purpose_of_collecting_is_no_safeguard() {
        // CAPP-130 wording: security is why information is collected.
        assert!(!own("为保障您的账号安全，防范安全风险，我们会收集您的设备信息。").contains(&"security"));
        assert!(!own("为了维护交易安全，我们需要收集您的订单信息。").contains(&"security"));
        // A safeguard of the information stays security, whatever it says besides.
        assert!(own("我们会采用加密技术保护您收集的个人信息。").contains(&"security"));
        assert!(own("我们收集的信息会通过加密传输，为保障安全我们还部署了防火墙。").contains(&"security"));
    }

    #[test]
    fn term_lines_under_a_definitions_heading_are_glossary_entries() {
        let text = "示例隐私政策\n一、定义\n个人信息\n指以电子或者其他方式记录的能够识别特定自然人的各种信息。\n\
                    个人敏感信息\n指一旦泄露可能危害人身和财产安全的个人信息。\n二、我们如何收集您的信息\n我们会收集您的手机号码。\n";
        let report = rules_only(text);
        let doc = &report.outline[0];
        assert_eq!(doc.children.len(), 2, "the terms are no sections");
        let cats: Vec<Vec<C>> = doc.children[0].clauses.iter().map(|c| c.categories.clone()).collect();
        assert_eq!(cats, vec![vec![C::Definitions], vec![C::Definitions]]);
        assert!(!clauses::is_glossary_entry("指纹\n指纹信息用于解锁。"));
        assert!(!clauses::is_glossary_entry("本政策所指的重大变更包括："));
    }

    #[test]
    fn turning_off_a_permission_is_a_right() {
        let text = "示例隐私政策\n一、我们如何收集和使用您的个人信息\n您可以在系统设置中关闭相机权限。\n我们会收集您的设备信息。\n";
        let report = rules_only(text);
        let clauses = &report.outline[0].children[0].clauses;
        assert_eq!(clauses[0].categories, ["collection", "permissions", "rights"]);
        assert_eq!(clauses[1].categories, ["collection"]);
    }
}
