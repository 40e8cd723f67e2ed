//! Clauses: which topics a sentence's own words name.
//!
//! Every word that clause classification looks for is in one automaton, so
//! a clause is scanned once; the predicates below read what the scan found.
//! Besides its topics, a clause leaves [`Signals`] that only its section can
//! resolve (a contact word counts inside the contact chapter only).

use crate::lexicon as lex;
use crate::report::{Category as C, CategorySet};
use crate::scan::{ClauseTexts, Hit, WordIndex};

/// Clause words per category: what a sentence about the topic says.
const CLAUSE_WORDS: &[(C, &[&str])] = &[
    (C::Definitions, lex::CLAUSE_DEFINITIONS),
    (C::Collection, lex::CLAUSE_COLLECTION),
    (C::Cookies, lex::CLAUSE_COOKIES),
    (C::Sdk, lex::CLAUSE_SDK),
    (C::Sharing, lex::CLAUSE_SHARING),
    (C::Storage, lex::CLAUSE_STORAGE),
    (C::CrossBorder, lex::CROSS_BORDER),
    (C::Security, lex::CLAUSE_SECURITY),
    (C::Rights, lex::CLAUSE_RIGHTS),
    (C::Minors, lex::CLAUSE_MINORS),
];

/// Words that put a clause on a broad topic even inside another topic's
/// section: encryption named in the sharing chapter is about security too,
/// a retention period in the security chapter is about storage (with the
/// `retention` words, added to the matcher). Narrower
/// than [`CLAUSE_WORDS`]: each names the topic, not just touches it.
/// Measured on CAPP-130, sharing and rights gain nothing this way, so they
/// have none.
const STRONG_CLAUSE_WORDS: &[(C, &[&str])] = &[
    (C::Collection, lex::CLAUSE_STRONG_COLLECTION),
    (C::Storage, lex::CLAUSE_STRONG_STORAGE),
    (C::Security, lex::CLAUSE_STRONG_SECURITY),
];

/// Word groups that the clause predicates look at, beside the categories.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Category(C),
    Strong(C),
    PolicyNoun,
    PolicyChange,
    /// 生效, 版本: the policy's version and dates.
    PolicyVersion,
    PolicyAcceptance,
    ClickToAgree,
    DeviceFeature,
    DeviceVerb,
    Permission,
    AccessControl,
    ContactChannel,
    ContactWord,
    /// `@` or a word that a phone number follows: worth a closer look.
    ChannelHint,
    /// Words of a promised reply that `contact-chapter` lacks.
    ReplyHint,
    Control,
    PlaceWord(usize),
    Definition,
    /// 为保障, 防范, 风控: what follows is the purpose of an act.
    SecurityPurpose,
    CrossBorder,
    Retention,
    Sdk,
    /// 要求注销, 获取副本: a request that exercises a right.
    RightsRequest,
    /// 本地, 缓存: where information stays on the user's device.
    OnDevice,
    /// 技术措施, 脱敏: a protection act beside the strong security words.
    Safeguard,
    /// 留存, 服务器上: storage by the controller beside the strong words.
    Kept,
}

/// Every word that clause classification looks for, with its group; a
/// word in several sets comes once for each.
fn word_groups() -> Vec<(&'static str, Group)> {
    let mut out: Vec<(&'static str, Group)> = Vec::new();
    let mut add = |words: &[&'static str], group: Group| out.extend(words.iter().map(|w| (*w, group)));
    for (cat, words) in CLAUSE_WORDS {
        add(words, Group::Category(*cat));
    }
    for (cat, words) in STRONG_CLAUSE_WORDS {
        add(words, Group::Strong(*cat));
    }
    add(lex::RETENTION, Group::Strong(C::Storage));
    add(lex::POLICY_NOUNS, Group::PolicyNoun);
    add(lex::POLICY_CHANGES, Group::PolicyChange);
    add(lex::POLICY_ACCEPTANCE, Group::PolicyAcceptance);
    add(lex::POLICY_VERSIONS, Group::PolicyVersion);
    add(lex::CLICK_TO_AGREE, Group::ClickToAgree);
    add(lex::DEVICE_FEATURES, Group::DeviceFeature);
    add(lex::DEVICE_VERBS, Group::DeviceVerb);
    add(&["权限"], Group::Permission);
    add(lex::ACCESS_CONTROL, Group::AccessControl);
    add(lex::NON_DEVICE_PERMISSIONS, Group::AccessControl);
    add(lex::CONTACT_CHANNELS, Group::ContactChannel);
    add(lex::CONTACT_CHAPTER, Group::ContactWord);
    add(&["@", "电话", "热线", "客服", "tel", "致电"], Group::ChannelHint);
    add(&["响应", "处理", "予以"], Group::ReplyHint);
    add(lex::USER_CONTROL, Group::Control);
    for (i, w) in lex::ADDRESS_PLACES.iter().enumerate() {
        add(&[w], Group::PlaceWord(i));
    }
    add(lex::CLAUSE_DEFINITIONS, Group::Definition);
    add(lex::SECURITY_PURPOSE, Group::SecurityPurpose);
    add(lex::CROSS_BORDER, Group::CrossBorder);
    add(lex::CROSS_BORDER_LOOSE, Group::CrossBorder);
    add(lex::RETENTION, Group::Retention);
    add(lex::RETENTION_LOOSE, Group::Retention);
    add(&["sdk"], Group::Sdk);
    add(lex::RIGHTS_REQUESTS, Group::RightsRequest);
    add(lex::STORAGE_ON_DEVICE, Group::OnDevice);
    add(lex::SECURITY_SAFEGUARDS, Group::Safeguard);
    add(lex::STORAGE_KEPT, Group::Kept);
    out
}

/// The words of clause classification, for the pipeline's one
/// [`WordIndex`] over every clause.
pub fn clause_words() -> impl Iterator<Item = &'static str> {
    word_groups().into_iter().map(|(w, _)| w)
}

/// The groups of each word of `index` (none for the words of other stages).
fn groups_by_id(index: &WordIndex) -> Vec<Vec<Group>> {
    let mut groups = vec![Vec::new(); index.len()];
    for (w, g) in word_groups() {
        if let Some(i) = index.id(w) {
            groups[i].push(g);
        }
    }
    groups
}

/// The groups of each word of `index`, built once: classification's own
/// index ([`own_index`]) keeps them beside it, and the first other index
/// asked for is the pipeline's (it is static, `lib.rs`). A third index would
/// get its groups built again at every call, so none is passed here.
fn groups_of(index: &'static WordIndex) -> std::borrow::Cow<'static, [Vec<Group>]> {
    if let Some((_, groups)) = OWN.get().filter(|(own, _)| std::ptr::eq(index, own)) {
        return std::borrow::Cow::Borrowed(groups.as_slice());
    }
    static GROUPS: std::sync::OnceLock<(usize, Vec<Vec<Group>>)> = std::sync::OnceLock::new();
    let key = std::ptr::from_ref(index) as usize;
    let (k, groups) = GROUPS.get_or_init(|| (key, groups_by_id(index)));
    if *k == key {
        std::borrow::Cow::Borrowed(groups.as_slice())
    } else {
        std::borrow::Cow::Owned(groups_by_id(index))
    }
}

/// The index of classification's words alone: the pipeline scans text that
/// is not a policy with it (no rule reads it).
pub fn clause_word_index() -> &'static WordIndex {
    &own_index().0
}

static OWN: std::sync::OnceLock<(WordIndex, Vec<Vec<Group>>)> = std::sync::OnceLock::new();

/// An index of classification's words alone, for a clause read on its own
/// (the tests' questions, text that is not a policy), with its groups.
fn own_index() -> &'static (WordIndex, Vec<Vec<Group>>) {
    OWN.get_or_init(|| {
        let index = WordIndex::new(clause_words());
        let groups = groups_by_id(&index);
        (index, groups)
    })
}

/// What one scan of a clause found.
#[derive(Default)]
pub(super) struct Scan {
    categories: CategorySet,
    strong: CategorySet,
    /// Where security words start, and where a purpose marker ends.
    security_at: Vec<usize>,
    purpose_ends: Vec<usize>,
    /// Byte ranges of the words whose distance matters.
    policy_nouns: Vec<(usize, usize)>,
    policy_changes: Vec<(usize, usize)>,
    policy_acceptance: Vec<(usize, usize)>,
    device_features: Vec<usize>,
    device_verbs: Vec<usize>,
    click_to_agree: bool,
    policy_version: bool,
    permission: bool,
    access_control: bool,
    contact_channel: bool,
    contact_word: bool,
    channel_hint: bool,
    reply_hint: bool,
    pub(super) control: bool,
    places: u32,
    definition_at: Option<usize>,
    pub(super) cross_border: bool,
    pub(super) retention: bool,
    pub(super) sdk: bool,
    rights_request: bool,
    on_device: bool,
    safeguard: bool,
    kept: bool,
}

/// What a clause's words say, scanned on its own.
pub(super) fn scan(norm: &str) -> Scan {
    let (index, groups) = own_index();
    scan_hits(index.hits(norm), groups)
}

/// What text `i` of `texts` says, from the hits of the pipeline's one scan
/// when the texts were scanned, else from a scan of its own.
pub(super) fn scan_at(texts: &ClauseTexts, i: usize) -> Scan {
    match (texts.index(), texts.hits_of(i)) {
        (Some(index), Some(hits)) => scan_hits(hits.iter().copied(), &groups_of(index)),
        _ => scan(texts.text(i)),
    }
}

fn scan_hits(hits: impl Iterator<Item = Hit>, groups: &[Vec<Group>]) -> Scan {
    let mut s = Scan::default();
    for h in hits {
        for group in &groups[h.word as usize] {
            s.add(*group, h.start as usize, h.end as usize);
        }
    }
    s
}

impl Scan {
    fn add(&mut self, group: Group, start: usize, end: usize) {
        let s = self;
        match group {
            Group::Category(c) => {
                s.categories.insert(c);
                if c == C::Security {
                    s.security_at.push(start);
                }
            }
            Group::Strong(c) => {
                s.strong.insert(c);
                if c == C::Security {
                    s.security_at.push(start);
                }
            }
            Group::SecurityPurpose => s.purpose_ends.push(end),
            Group::PolicyNoun => s.policy_nouns.push((start, end)),
            Group::PolicyChange => s.policy_changes.push((start, end)),
            Group::PolicyAcceptance => s.policy_acceptance.push((start, end)),
            Group::ClickToAgree => s.click_to_agree = true,
            Group::PolicyVersion => s.policy_version = true,
            Group::DeviceFeature => s.device_features.push(start),
            Group::DeviceVerb => s.device_verbs.push(end),
            Group::Permission => s.permission = true,
            Group::AccessControl => s.access_control = true,
            Group::ContactChannel => s.contact_channel = true,
            Group::ContactWord => s.contact_word = true,
            Group::ChannelHint => s.channel_hint = true,
            Group::ReplyHint => s.reply_hint = true,
            Group::Control => s.control = true,
            Group::PlaceWord(i) => s.places |= 1 << i,
            Group::Definition => s.definition_at = Some(s.definition_at.map_or(start, |d| d.min(start))),
            Group::CrossBorder => s.cross_border = true,
            Group::Retention => s.retention = true,
            Group::Sdk => s.sdk = true,
            Group::RightsRequest => s.rights_request = true,
            Group::OnDevice => s.on_device = true,
            Group::Safeguard => {
                s.safeguard = true;
                s.security_at.push(start);
            }
            Group::Kept => s.kept = true,
        }
    }
}

/// What a clause's words say that only its section can resolve. Never
/// reaches the report.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Signals {
    /// The broad topics the clause names strongly ([`STRONG_CLAUSE_WORDS`]).
    pub strong: CategorySet,
    /// Words of the contact chapter that say nothing of contact elsewhere
    /// (回复, 投诉): contact inside that chapter only.
    pub weak_contact: bool,
    /// A control word (清除, 关闭, 撤回): a right where cookies or a
    /// permission are the subject.
    pub control: bool,
    /// A safeguard of personal information (加密, 访问控制, 安全事件), not
    /// security as the purpose of an act: what makes a clause about
    /// security outside the security chapter ([`super::settle`]).
    pub protects: bool,
    /// A retention period or the controller's place of storage, not
    /// information kept on the user's device (暂存在本地, Cookie存储偏好).
    pub keeps: bool,
    /// A request that exercises a right (要求注销, 获取副本).
    pub rights_request: bool,
    /// Security named only as the purpose of an act (为保障账号安全).
    pub security_purpose: bool,
    /// Information kept on the user's device (暂存在本地).
    pub on_device: bool,
    /// The clause names an SDK in its own words.
    pub names_sdk: bool,
    /// The broad topics its own words name, before its section is read.
    pub own_broad: CategorySet,
    /// Its own words name minors (儿童, 未成年人).
    pub own_minors: bool,
    /// Its own words say something of a policy's changes, version or
    /// acceptance (修订, 生效日期, 同意本政策).
    pub own_updates: bool,
}

impl Signals {
    /// The signals the clause model reads, as bits (see `model`).
    pub fn bits(&self) -> impl Iterator<Item = u32> {
        let flags =
            [self.protects, self.keeps, self.rights_request, self.security_purpose, self.on_device, self.control];
        (0u32..).zip(flags).filter(|(_, on)| *on).map(|(i, _)| i)
    }
}

/// A clause's [`Signals`], from its normalised text.
pub(super) fn signals_of(norm: &str) -> Signals {
    clause_topics(norm, &scan(norm)).1
}

/// Categories a clause is about, from its own words.
pub fn clause_categories(norm: &str) -> Vec<C> {
    clause_topics(norm, &scan(norm)).0
}

/// [`clause_categories`] of text `i` of `texts`, from the pipeline's scan.
pub fn clause_categories_at(texts: &ClauseTexts, i: usize) -> Vec<C> {
    clause_topics(texts.text(i), &scan_at(texts, i)).0
}

/// Categories a clause is about from its own words, in the taxonomy's
/// order, and what only its section can resolve.
pub(super) fn clause_topics(norm: &str, s: &Scan) -> (Vec<C>, Signals) {
    let mut hit = s.categories;
    let mut strong = s.strong;
    let security_purpose = security_is_a_purpose(s);
    // 为保障账号安全，我们会收集…: security is the purpose of collecting,
    // not a safeguard of the information.
    if security_purpose {
        hit.remove(C::Security);
        strong.remove(C::Security);
    }
    let mut set = |c: C, on: bool| if on { hit.insert(c) } else { hit.remove(c) };
    // A definition (个人信息：指…) is about the term, not the topic of its
    // words; 是指 further on is a sentence that explains something.
    set(C::Definitions, s.definition_at.is_some_and(|i| i <= 75));
    set(C::Permissions, is_permission(norm, s));
    set(C::Updates, is_about_the_policy_itself(s));
    set(C::Contact, gives_contact_channel(norm, s));
    if hit.contains(C::Cookies) {
        hit.remove(C::Collection);
        hit.remove(C::Storage);
    }
    if hit.contains(C::Minors) {
        hit.remove(C::Collection);
    }
    let signals = Signals {
        strong,
        weak_contact: !hit.contains(C::Contact) && belongs_to_contact_chapter(norm, s),
        control: s.control,
        protects: !security_purpose && (strong.contains(C::Security) || s.safeguard),
        keeps: s.retention || s.cross_border || ((s.strong.contains(C::Storage) || s.kept) && !s.on_device),
        rights_request: s.rights_request,
        security_purpose,
        on_device: s.on_device,
        names_sdk: s.sdk,
        own_minors: s.categories.contains(C::Minors),
        own_updates: hit.contains(C::Updates) || !s.policy_changes.is_empty() || s.policy_version,
        own_broad: hit.iter().filter(|c| c.is_broad()).collect(),
    };
    (hit.iter().collect(), signals)
}

/// A term on its line and its definition on the next (个人信息 / 指以电子
/// 或者其他方式…), which the segmenter keeps together as one clause.
pub(super) fn is_glossary_entry(raw: &str) -> bool {
    let raw = raw.trim();
    let Some(nl) = memchr::memchr(b'\n', raw.as_bytes()) else { return false };
    let (term, rest) = (&raw[..nl], &raw[nl + 1..]);
    let term = term.trim();
    (1..=15).contains(&term.chars().count())
        && term.chars().all(|c| crate::text::is_cjk(c) || c.is_ascii_alphanumeric())
        && crate::segment::defines(rest.trim_start())
}

/// Every security word stands within a few characters after a purpose
/// marker (为保障账号安全, 防范安全风险), in a clause that collects or uses.
fn security_is_a_purpose(s: &Scan) -> bool {
    let collects = s.categories.contains(C::Collection) || s.strong.contains(C::Collection);
    // 24 bytes: eight Chinese characters.
    collects
        && !s.security_at.is_empty()
        && s.security_at.iter().all(|&at| s.purpose_ends.iter().any(|&p| p <= at && at <= p + 24))
}

/// Asks for or explains a permission of the device: 权限 (not staff access
/// control), or a verb that reaches for a device feature (调用您的相机).
fn is_permission(norm: &str, s: &Scan) -> bool {
    if s.permission && !s.access_control {
        return true;
    }
    s.device_verbs.iter().any(|&v| {
        s.device_features.iter().any(|&f| {
            f >= v
                && matches!(
                    norm.get(v..f),
                    Some("" | "您的" | "你的" | "设备的" | "手机的" | "您的设备的" | "你的设备的")
                )
        })
    })
}

/// Changes to the policy, or the user's acceptance of it: 我们可能适时修订
/// 本政策, 点击同意即表示您接受本隐私政策.
fn is_about_the_policy_itself(s: &Scan) -> bool {
    // Byte windows: 36 bytes are twelve Chinese characters.
    let near = |words: &[(usize, usize)], window: usize| {
        s.policy_nouns.iter().any(|&(ns, ne)| {
            words.iter().any(|&(ws, we)| ws + window >= ns && we <= ne + window && (we <= ns || ws >= ne))
        })
    };
    s.click_to_agree || near(&s.policy_changes, 36) || near(&s.policy_acceptance, 24)
}

/// An email, a phone number or a labelled address: contact wherever it is.
fn gives_contact_channel(norm: &str, s: &Scan) -> bool {
    s.contact_channel
        || (s.channel_hint && (!crate::scan::emails(norm).is_empty() || !crate::scan::phones(norm).is_empty()))
}

/// A clause that, inside the contact chapter, belongs to it: a channel, a
/// promised reply, a complaint route, an address line.
fn belongs_to_contact_chapter(norm: &str, s: &Scan) -> bool {
    s.contact_word
        || (s.reply_hint && crate::scan::response_time(norm).is_some())
        || (s.places.count_ones() >= 3 && norm.chars().count() < 80)
}
