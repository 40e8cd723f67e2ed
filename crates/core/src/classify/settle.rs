//! Settling: one main broad topic per clause, after the model.
//!
//! The model reads characters and may name a second broad topic beside the
//! section's wherever a clause touches one (安全, 存储). A reviewer labels a
//! clause by what it is about: it keeps its section's broad topic and adds
//! another only when its words are about that one. So, after the model:
//!
//! - security outside the security chapter needs a safeguard of the
//!   information (加密, 访问控制, 安全事件), not security as a purpose
//!   (为保障账号安全) or a principle (合法、正当、必要);
//! - storage outside the storage chapter needs a retention period or the
//!   controller's place of storage, not information kept on the device
//!   (暂存在本地);
//! - in a chapter on storing and protecting, a clause that shows one of the
//!   two is about that one;
//! - a channel given to exercise a right (发送邮件至…要求注销) is rights,
//!   not contact;
//! - a narrow topic implies its broad parent where a unit has none: an SDK
//!   row or list is sharing, a section of device permissions collection;
//! - minors is said in a clause's own words or its section's, and so are
//!   the policy's updates (a change word, a version, a date: the model
//!   gave updates to 下载 and 阅读提示 above a policy's date lines);
//! - the items of a list take their lead-in's topic: after
//!   `不得向任何第三方提供…但下列情况除外：` they are sharing exceptions
//!   wherever the list stands, after `X是指…包括：` definitions.

use super::clauses::Signals;
use super::ClauseSignals;
use crate::report::{Category as C, Clause, Node, NodeKind};
use crate::segment::marker::{self, Style};

/// Settles the topics of every clause of `outline` (see the module
/// comment). `signals` are [`super::classify`]'s.
pub fn settle(text: &str, outline: &mut [Node], signals: &ClauseSignals) {
    for doc in outline {
        walk(text, doc, &[], Within::default(), signals);
    }
}

/// The narrow topics a node stands in, which its clauses need not name.
#[derive(Clone, Copy, Default)]
struct Within {
    minors: bool,
    updates: bool,
}

fn walk(text: &str, node: &mut Node, inherited: &[C], within: Within, signals: &ClauseSignals) {
    let own: Vec<C> = node.categories.iter().copied().filter(|c| c.is_broad()).collect();
    let context = if node.kind == NodeKind::Section && !own.is_empty() { own } else { inherited.to_vec() };
    let within = Within {
        minors: within.minors || node.categories.contains(&C::Minors),
        updates: within.updates || node.categories.contains(&C::Updates),
    };
    // What changed (本次更新的内容主要包括：) is listed in the preamble or
    // the updates chapter.
    let tells_changes = node.kind == NodeKind::Document || within.updates;
    let mixed = node.categories == [C::Other]
        && crate::lexicon::HEADING_PRIVACY_CHAPTER.iter().any(|w| super::headings::heading_title(node).contains(w));
    // The open list: its lead-in, and the style of its items once the
    // first (numbered 1, or a bullet) has set it.
    let mut list: Option<(Lead, Option<Style>)> = None;
    for clause in &mut node.clauses {
        let Some(s) = signals.get(clause.span.start) else { continue };
        let raw = text.get(clause.span.start..clause.span.end).unwrap_or("");
        settle_clause(&mut clause.categories, &context, s, raw);
        // A clause left with no topic in a user agreement's privacy chapter
        // keeps what its own words name.
        if mixed && clause.categories.is_empty() {
            clause.categories.extend(s.own_broad.iter().chain(s.own_minors.then_some(C::Minors)));
            clause.categories.sort_unstable();
        }
        // Minors and updates are narrow topics: a clause carries one in its
        // own words or in a section about it (the model, reading pairs, gave
        // minors to 如果您对本政策有任何疑问 in the contact chapter, updates
        // to 下载 above a policy's dates).
        for (topic, inside, own) in
            [(C::Minors, within.minors, s.own_minors), (C::Updates, within.updates, s.own_updates)]
        {
            if !inside && !own {
                clause.categories.retain(|c| *c != topic);
            }
        }
        if let Some((lead, style)) = list {
            match (item(raw), style) {
                (Some((next, _)), Some(style)) if next == style => {
                    lead.give(clause);
                    continue;
                }
                (Some((first, number)), None) if number.is_none_or(|n| n == 1) => {
                    lead.give(clause);
                    list = Some((lead, Some(first)));
                    continue;
                }
                _ => list = None,
            }
        }
        if opens_a_list(raw) {
            list = Lead::of(clause, s, tells_changes).map(|l| (l, None));
        }
    }
    for child in &mut node.children {
        walk(text, child, &context, within, signals);
    }
    add_parent(node);
}

/// What a list's lead-in gives its items.
#[derive(Clone, Copy)]
enum Lead {
    /// `X是指…，包括：`: the items continue the definition.
    Definition,
    /// A lead-in whose own words name one broad topic (共享…但下列情况除外：).
    Topic(C),
    /// `本次更新的内容主要包括：`, `本政策所指的重大变更包括：`: the items are
    /// changes of the policy.
    Updates,
}

impl Lead {
    /// The lead-in `clause` (already settled), which takes the topic it
    /// gives: 我们不会共享…除外： in the collection chapter is sharing.
    fn of(clause: &mut Clause, s: &Signals, tells_changes: bool) -> Option<Lead> {
        if clause.categories.contains(&C::Definitions) {
            return Some(Lead::Definition);
        }
        if tells_changes && s.own_updates && clause.categories.contains(&C::Updates) {
            return Some(Lead::Updates);
        }
        // Sharing with its exceptions is the list that real policies put
        // under other chapters; a list's other topics its chapter gives.
        let mut named = s.own_broad.iter();
        let (Some(C::Sharing), None) = (named.next(), named.next()) else { return None };
        let lead = Lead::Topic(C::Sharing);
        lead.give(clause);
        Some(lead)
    }

    fn give(self, clause: &mut Clause) {
        let cats = &mut clause.categories;
        match self {
            Lead::Definition => *cats = vec![C::Definitions],
            Lead::Topic(t) => {
                cats.retain(|c| !c.is_broad() && *c != C::Definitions);
                cats.push(t);
                cats.sort_unstable();
            }
            Lead::Updates => *cats = vec![C::Updates],
        }
    }
}

/// A clause that ends in a colon: the lead-in of what follows.
fn opens_a_list(raw: &str) -> bool {
    raw.trim_end().ends_with(['：', ':'])
}

/// The style and number of the item's marker a clause starts with: （1）,
/// 1), ①, a., 1., (一); a bullet (-, •) is [`Style::Plain`] with no number.
fn item(raw: &str) -> Option<(Style, Option<u32>)> {
    let line = raw.trim_start();
    if line.starts_with(['-', '•', '·', '●', '▪', '◆', '■', '○', '◇', '・']) {
        return Some((Style::Plain, None));
    }
    marker::parse(line).map(|m| (m.style, m.number)).filter(|(style, _)| {
        matches!(
            style,
            Style::ParenArabic
                | Style::HalfParenArabic
                | Style::Circled
                | Style::LatinLower
                | Style::LatinUpper
                | Style::Decimal(_)
                | Style::ParenCn
        )
    })
}

/// One clause's topics, read in its section's broad topics `context`.
fn settle_clause(cats: &mut Vec<C>, context: &[C], s: &Signals, raw: &str) {
    if cats.contains(&C::Definitions) {
        return;
    }
    let in_context = |c: C| context.contains(&c);
    let storing_and_protecting = in_context(C::Storage) && in_context(C::Security);
    let drop_security =
        if storing_and_protecting { s.keeps && !s.protects } else { !in_context(C::Security) && !s.protects };
    let drop_storage =
        if storing_and_protecting { s.protects && !s.keeps } else { !in_context(C::Storage) && !s.keeps };
    cats.retain(|c| !((*c == C::Security && drop_security) || (*c == C::Storage && drop_storage)));
    // …unless it also invites the reader to contact us (发送邮件…与我们联系并
    // 说明您的要求), which CAPP-130's experts label contact too.
    // (Searched only for a request of a right: most clauses make none.)
    let invites_contact = || crate::text::has(raw, "联系我们") || crate::text::has(raw, "与我们联系");
    if s.rights_request && cats.contains(&C::Rights) && !invites_contact() {
        cats.retain(|c| *c != C::Contact);
    }
    // An SDK row is sharing. A clause that only asks for a permission keeps
    // no broad topic: CAPP-130's experts label it permissions alone
    // (collection F1 −0.019 when it became collection); its section does.
    if s.names_sdk && cats.contains(&C::Sdk) && !cats.iter().any(|c| c.is_broad()) {
        cats.push(C::Sharing);
        cats.sort_unstable();
    }
}

/// A narrow section's broad parent, where it has no broad topic: a section
/// of device permissions is collection, an SDK list sharing.
fn add_parent(node: &mut Node) {
    let cats = &mut node.categories;
    // Only a section about nothing else: cookies read by SDKs stay cookies.
    if node.kind != NodeKind::Section || cats.iter().any(|c| !matches!(c, C::Sdk | C::Permissions)) {
        return;
    }
    let parent = if cats.contains(&C::Sdk) {
        C::Sharing
    } else if cats.contains(&C::Permissions) {
        C::Collection
    } else {
        return;
    };
    cats.push(parent);
    cats.sort_unstable();
}

#[cfg(test)]
mod tests {
    use crate::report::{Category as C, Node};

    /// Each clause's text and categories after the rules, the shipped model
    /// and settling.
    fn clauses(text: &str) -> Vec<(String, Vec<C>)> {
        fn walk(text: &str, n: &Node, out: &mut Vec<(String, Vec<C>)>) {
            for c in &n.clauses {
                out.push((text[c.span.start..c.span.end].trim().to_owned(), c.categories.clone()));
            }
            n.children.iter().for_each(|c| walk(text, c, out));
        }
        let report = crate::analyze(text);
        let mut out = Vec::new();
        report.outline.iter().for_each(|d| walk(text, d, &mut out));
        out
    }

    #[track_caller]
    fn topics_of(text: &str, clause: &str) -> Vec<&'static str> {
        let all = clauses(text);
        let found =
            all.iter().find(|(t, _)| t.contains(clause)).unwrap_or_else(|| panic!("no clause {clause}: {all:?}"));
        found.1.iter().map(|c| c.id()).collect()
    }

    #[test]
    fn security_outside_its_chapter_needs_a_safeguard() {
        let text = "示例隐私政策\n一、我们如何收集和使用您的个人信息\n\
                    我们遵循合法、正当、必要的原则收集您的个人信息。\n\
                    为保障您的账号安全，防范安全风险，我们会收集您的登录日志和设备信息。\n\
                    二、我们如何共享您的个人信息\n我们会与合作伙伴签署严格的保密协议，要求其采取加密等安全措施。\n\
                    三、我们如何保护您的个人信息\n我们遵循确保安全原则。\n";
        assert_eq!(topics_of(text, "合法、正当、必要"), ["collection"]);
        assert_eq!(topics_of(text, "为保障您的账号安全"), ["collection"]);
        assert_eq!(topics_of(text, "保密协议"), ["sharing", "security"]);
        assert_eq!(topics_of(text, "确保安全原则"), ["security"]);
    }

    #[test]
    fn storage_outside_its_chapter_needs_a_period_or_a_place() {
        let text = "示例隐私政策\n一、我们如何使用Cookie\n我们会借助Cookie存储您的偏好设置，以便您下次访问时无需重复设置。\n\
                    二、我们如何保护您的个人信息\n我们仅在实现目的所必需的最短期限内保留您的个人信息，超出期限后删除或匿名化处理。\n";
        // Cookies, and the preferences they keep may count as collected;
        // never storage.
        let cookie = topics_of(text, "偏好设置");
        assert!(cookie.contains(&"cookies") && !cookie.contains(&"storage"), "{cookie:?}");
        assert!(topics_of(text, "最短期限").contains(&"storage"));
    }

    #[test]
    fn in_a_chapter_on_storing_and_protecting_a_clause_takes_the_one_it_shows() {
        let text = "示例隐私政策\n一、我们如何保存和保护您的个人信息\n\
                    我们在中华人民共和国境内收集的个人信息将存储于中华人民共和国境内。\n\
                    我们采用加密技术和访问控制措施保护您的个人信息。\n";
        assert_eq!(topics_of(text, "存储于中华人民共和国境内"), ["storage"]);
        assert_eq!(topics_of(text, "加密技术"), ["security"]);
    }

    #[test]
    fn a_channel_to_exercise_a_right_is_rights_not_contact() {
        let text = "示例隐私政策\n一、您的权利\n如需注销账号，您可以发送邮件至privacy@example.com要求注销，我们将在15个工作日内处理。\n\
                    二、如何联系我们\n如果您对本政策有任何疑问，请通过privacy@example.com与我们联系。\n";
        assert_eq!(topics_of(text, "要求注销"), ["rights"]);
        assert_eq!(topics_of(text, "有任何疑问"), ["contact"]);
    }

    #[test]
    fn an_sdk_row_is_sharing_and_a_permissions_section_collection() {
        let text = "示例隐私政策\n一、第三方SDK目录\n\
                    SDK名称：友盟统计SDK，提供方：友盟同欣（北京）科技有限公司，收集个人信息类型：设备标识符，使用目的：统计分析。\n\
                    SDK名称：极光推送SDK，提供方：深圳市和讯华谷信息技术有限公司，收集个人信息类型：设备信息，使用目的：消息推送。\n\
                    SDK名称：个推SDK，提供方：每日互动股份有限公司，收集个人信息类型：网络信息，使用目的：消息推送。\n\
                    二、设备权限调用说明\n相机权限：用于扫描二维码。\n位置权限：用于推荐附近的门店。\n";
        assert!(topics_of(text, "友盟统计SDK").contains(&"sharing"));
        let report = crate::analyze(text);
        let sections = &report.outline[0].children;
        assert_eq!(sections[0].categories, [C::Sdk, C::Sharing]);
        assert_eq!(sections[1].categories, [C::Collection, C::Permissions]);
    }

    #[test]
    fn the_items_of_a_list_take_their_lead_ins_topic() {
        // CAPP-130 wording: sharing exceptions inside the collection
        // chapter, and a definition that continues through its list.
        let text = "示例隐私政策\n一、我们如何收集和使用您的个人信息\n我们会收集您的手机号码。\n\
                    我们不会向任何第三方共享您的个人信息，但以下情况除外：\n（1）事先获得您的明确同意；\n\
                    （2）根据法律法规或主管机关的要求。\n二、定义\n个人敏感信息：是指一旦泄露可能危害人身和财产安全的个人信息，包括：\n\
                    1. 身份证件号码；\n2. 银行账号。\n";
        assert_eq!(topics_of(text, "但以下情况除外"), ["sharing"]);
        assert_eq!(topics_of(text, "事先获得您的明确同意"), ["sharing"]);
        assert_eq!(topics_of(text, "主管机关的要求"), ["sharing"]);
        assert_eq!(topics_of(text, "身份证件号码"), ["definitions"]);
    }

    #[test]
    fn a_privacy_chapter_of_a_user_agreement_labels_each_paragraph_by_its_words() {
        let text = "示例用户服务协议\n一、总则\n1.1 本协议是您与本公司之间的协议。\n二、用户个人隐私信息保护\n\
                    2.1 本软件重视对未成年人个人信息的保护，未成年人应在监护人陪同下使用。\n\
                    2.2 未经用户许可，本公司不得向任何第三方提供用户的个人信息，但下列情况除外：\n\
                    （1）获得用户的明确授权；\n（2）根据法律法规的要求。\n2.3 本公司采用加密技术保护用户信息。\n";
        let report = crate::analyze(text);
        assert_eq!(report.outline[0].children[1].categories, [C::Other]);
        assert_eq!(topics_of(text, "2.1"), ["minors"]);
        assert_eq!(topics_of(text, "2.2"), ["sharing"]);
        assert_eq!(topics_of(text, "获得用户的明确授权"), ["sharing"]);
        assert_eq!(topics_of(text, "2.3"), ["security"]);
    }

    #[test]
    fn purpose_subsections_keep_their_chapters_topic() {
        let text = "示例隐私政策\n一、我们如何使用Cookie和同类技术\n1. 保障产品与服务的安全、高效运转\n\
                    我们可能会设置认证与保障安全性的Cookie，使我们确认您是否安全登录服务。\n\
                    2. 帮助您获得更轻松的访问体验\n使用此类技术可以帮助您省去重复填写个人信息的步骤。\n";
        let report = crate::analyze(text);
        let chapter = &report.outline[0].children[0];
        assert_eq!(chapter.children[0].categories, [C::Cookies]);
        assert_eq!(chapter.children[1].categories, [C::Cookies]);
        assert_eq!(topics_of(text, "重复填写"), ["cookies"]);
    }

    #[test]
    fn updates_needs_its_own_words_or_section() {
        // CAPP-130 wording: a site's navigation around the dates and a
        // request to read (rw_22, rw_57), and the items of the updates
        // chapter.
        let text = "示例隐私政策\n下载\n示例隐私政策\n更新日期：2022年3月14日\n生效日期：2022年3月21日\n\
                    请您在使用我们的产品前仔细阅读本隐私政策。\n您勾选即表示您已同意本个人信息保护政策。\n\
                    一、如何联系我们\n如果您对本政策有任何疑问，请联系我们：privacy@example.com。\n\
                    二、本政策如何更新\n我们的隐私政策可能变更。\n本政策所指的重大变更包括但不限于：\n\
                    1. 个人信息安全影响评估报告表明存在高风险时。\n";
        assert_eq!(topics_of(text, "下载"), Vec::<&str>::new());
        assert_eq!(topics_of(text, "仔细阅读"), Vec::<&str>::new());
        assert_eq!(topics_of(text, "生效日期"), ["updates"]);
        assert_eq!(topics_of(text, "您勾选"), ["updates"]);
        assert_eq!(topics_of(text, "更新日期"), ["updates"]);
        assert_eq!(topics_of(text, "评估报告"), ["updates"]);
        // What a new version changed, listed in the preamble (rw_11).
        let text = "示例隐私政策\n本版生效时间：2022年08月08日\n版本更新提示\n本次更新的内容主要包括：\n\
                    1. 增加有关传感器信息处理的说明；\n2. 优化应用权限清单内容；\n\
                    一、我们如何收集和使用您的个人信息\n我们会收集您的手机号码。\n";
        assert_eq!(topics_of(text, "传感器信息"), ["updates"]);
        assert_eq!(topics_of(text, "应用权限清单"), ["updates"]);
    }

    #[test]
    fn minors_needs_its_own_words_or_section() {
        let text = "示例隐私政策\n一、如何联系我们\n如果您对本政策有任何疑问，请联系我们：privacy@example.com。\n\
                    二、我们如何保护未成年人的信息\n我们会在监护人同意后处理其个人信息。\n";
        assert_eq!(topics_of(text, "有任何疑问"), ["contact"]);
        assert!(topics_of(text, "监护人同意").contains(&"minors"));
    }
}
