//! The lexicon (`data/lexicon/`): one owner per word. Two sets that share a
//! word are an accident unless listed in [`MEANT`] with the reason.

use policylens_core::lexicon::SETS;

/// Pairs of sets that share words on purpose, and why. Besides these, a
/// topic's heading, clause and strong clause words (`heading.T`, `clause.T`,
/// `clause-strong.T`) may share words: a heading and a sentence name a topic
/// alike, and they are read apart.
const MEANT: &[(&str, &str, &str)] = &[
    ("storage-denials", "storage.kept", "不存储 denies storage to a rule and is about storage to a clause"),
    ("keeping-verbs", "storage.kept", "留存 keeps information: a retention verb to facts, storage to a clause"),
    ("retention-end", "storage.kept", "永久删除 ends retention and tells a clause is about storage"),
    ("policy-anchors", "heading.privacy-chapter", "隐私 anchors a policy's name and heads a user agreement's privacy chapter"),
    ("policy-url-words", "heading.privacy-chapter", "隐私 in a link names a policy, in a heading a privacy chapter"),
    ("managing-by-others", "security.safeguards", "管理措施 is the company's management and a safeguard"),
    ("access-control", "security.safeguards", "权限控制 is staff access control, which is a safeguard"),
    ("heading.security", "security.safeguards", "the words of a safeguard head the security chapter too"),
    (
        "managing-by-others",
        "heading.security",
        "管理制度 is the company's management: no right, and a security heading",
    ),
    ("consent-control", "user-control", "taking consent back is one of the user's controls"),
    ("retention-end", "clause.storage", "deletion when a period ends is what STO-01 asks and a storage clause's sign"),
    ("third-party-sources", "heading.sharing", "partners are where information comes from (COL-09) and whom it goes to (sharing)"),
    ("third-party-sources", "clause.sharing", "third parties are where information comes from (COL-09) and whom it goes to (sharing)"),
    ("scope-products", "sdk-column-words", "产品 is what a policy covers, and what an SDK table's column of names may call its rows"),
    ("data-handling", "identity-check", "checking (验证, 核验) is handling data, and said of 身份 a check of who asks"),
    (
        "processor-bounds",
        "clause-strong.security",
        "a confidentiality agreement binds a processor (SHR-01) and is a safeguard (the security topic)",
    ),
    (
        "consent-control",
        "heading.rights",
        "a heading that takes consent back is a rights heading, and beats collection",
    ),
    ("consent-control", "clause.rights", "a clause that takes consent back is about rights"),
    ("plain-headings", "policy-versions", "生效 alone on a line heads a chapter, and in a sentence dates a policy's version"),
    ("consent-control", "heading.published-control", "turning off what is sent is control of it"),
    ("policy-changes", "user-control", "修改 changes the policy near its name, and is the user's control elsewhere"),
    (
        "policy-changes",
        "heading.updates",
        "a heading names the updates chapter with the words a change of the policy uses",
    ),
    (
        "device-verbs",
        "heading.rights",
        "访问 reaches for a device feature in a clause, and is the right of access in a heading",
    ),
    ("access-control", "clause.security", "权限管理 is staff access control: security, and no device permission"),
    ("user-control", "heading.rights", "a heading of the user's controls is a rights heading"),
    ("user-control", "heading.updates", "修改 in a heading is a change of the policy; in a clause, the user's control"),
    ("user-control", "clause.rights", "the user's controls are rights in a clause"),
    ("user-control", "heading.published-control", "managing what is sent is the user's control"),
    ("contact-chapter", "clause.rights", "a complaint is a right, and a reason to read the contact chapter"),
    ("cross-border", "heading.cross-border", "出境 names a transfer abroad in a heading and in a clause"),
    ("retention", "clause.storage", "最短时间 states a retention period, a storage clause"),
    ("heading.rights", "heading.published-control", "管理 what is sent or published is a right"),
    ("clause.rights", "heading.published-control", "关闭 is a right in a clause and in a heading on ads"),
    ("clause.minors", "heading.minors-alone", "监护人 is about minors in a clause and in a heading"),
    // facts.txt: the fact extractors, their scanners and the summary.
    ("phone-labels", "contact-chapter", "电话 and 客服 label a phone number, and make a clause part of the contact chapter"),
    (
        "reply-words",
        "contact-chapter",
        "回复 and 反馈 make a number of days a reply time, and a clause part of the contact chapter",
    ),
    (
        "address-marks",
        "address-places",
        "the same place words: an address after 地址： needs one (or 县), a line in the contact chapter is made of them (or 大厦, 室)",
    ),
    ("company-name-leads", "clause.definitions", "是指 before a company's name is cut off; in a clause it defines a term"),
    ("company-name-leads", "data-not-handled", "是指 before a company's name is cut off; a clause with it only defines data"),
    ("data-not-handled", "clause.definitions", "a definition collects nothing, and is a clause about definitions"),
    ("data-not-handled", "heading.definitions", "定义 defines, in a clause and in a heading"),
    ("storing", "heading.storage", "the verbs of storing say where information is kept, and name the storage topic"),
    ("storing", "clause.storage", "the verbs of storing say where information is kept, and name the storage topic"),
    ("data-handling", "clause-strong.collection", HANDLING),
    ("data-handling", "clause.collection", HANDLING),
    ("data-handling", "heading.collection", HANDLING),
    ("data-handling", "clause.sharing", HANDLING),
    ("data-handling", "heading.sharing", HANDLING),
    ("data-handling", "heading.cross-border", HANDLING),
    ("data-handling", "device-verbs", "调用 and 授权 handle data, and reach for a device feature"),
    // input.txt: what kind of input was given.
    ("policy-vocabulary", "storing", VOCABULARY),
    ("policy-vocabulary", "data-handling", VOCABULARY),
    ("policy-vocabulary", "policy-acceptance", VOCABULARY),
    ("policy-vocabulary", "device-verbs", VOCABULARY),
    ("policy-vocabulary", "user-control", VOCABULARY),
    ("policy-vocabulary", "contact-chapter", VOCABULARY),
    ("policy-vocabulary", "heading.collection", VOCABULARY),
    ("policy-vocabulary", "heading.permissions", VOCABULARY),
    ("policy-vocabulary", "heading.sharing", VOCABULARY),
    ("policy-vocabulary", "heading.storage", VOCABULARY),
    ("policy-vocabulary", "heading.rights", VOCABULARY),
    ("policy-vocabulary", "clause.collection", VOCABULARY),
    ("policy-vocabulary", "clause.sharing", VOCABULARY),
    ("policy-vocabulary", "clause.storage", VOCABULARY),
    ("policy-vocabulary", "clause-strong.collection", VOCABULARY),
    ("company-name-leads", "column.provider", "提供方 leads a company name in a sentence and heads a provider column in a table"),
    ("company-name-leads", "column.provider.more", "运营方 leads a company name in a sentence and heads a provider column in a table"),
    ("company-name-leads", "provider-keys", "由 leads a company name in a sentence and keys an SDK's provider in a record"),
    ("policy-anchors", "policy-url-words", "隐私 marks a text as a policy and a link as a policy's"),
    ("policy-anchors", "column.data", "个人信息 marks a text as a policy and heads a data column"),
    // sdk.txt and rules.txt
    ("sdk-collect-verbs", "data-handling", "the verbs after an SDK's name that open what it collects handle data"),
    ("sdk-collect-verbs", "heading.collection", SDK_VERBS),
    ("sdk-collect-verbs", "clause.collection", SDK_VERBS),
    ("sdk-collect-verbs", "clause-strong.collection", SDK_VERBS),
    ("sdk-collect-verbs", "clause.rights", "访问您的 opens what an SDK reads, and is the right of access in a clause"),
    ("list-details", "sdk-list-heading-words", "说明 names a list's details and heads an SDK list"),
    ("data-not-handled", "plain-headings", "定义 alone on a line is a heading; in a clause it defines and collects nothing"),
    ("personalisation", "heading.collection", "个性化推荐 is a feature that uses information, and names the chapter on using it"),
    ("personalisation", "heading.rights", "自动化决策 is a feature in use, and a heading on the right to refuse it"),
    ("permission-off", "consent-control", PERMISSION_OFF),
    ("permission-off", "user-control", PERMISSION_OFF),
    ("permission-off", "heading.rights", PERMISSION_OFF),
    ("permission-off", "clause.rights", PERMISSION_OFF),
    ("permission-off", "heading.published-control", PERMISSION_OFF),
    ("protection-words", "security-purpose", "防范 before a list makes it one of safeguards, and security a purpose"),
    ("self-references", "major-heading-words", "本政策 is how a policy calls itself, and makes a heading a chapter"),
    ("self-references", "policy-nouns", "本政策 is how a policy calls itself, and one of the nouns that name a policy"),
    ("sensitive-marks", "heading.collection", "敏感个人信息 marks information as sensitive, and heads a part of the collection chapter"),
    ("external-list-pointers", "list-viewing", "详见 points to a page, and sends the reader to a list named as a document"),
    ("list-viewing", "clause.rights", "查阅 sends the reader to a list, and is the right to consult one's information"),
    ("keeping-verbs", "heading.storage", "保留 keeps information for a time, and names the storage chapter"),
    ("keeping-verbs", "clause.storage", "保留 keeps information for a time, and makes a clause about storage"),
    // segment.txt: the words that make a line a heading.
    ("sdk-list-heading-words", "list-names", "清单 and 目录 name a list, and with SDK make a heading an SDK list's"),
    ("sdk-list-heading-words", "plain-headings", "目录 alone is a heading, and with SDK heads an SDK list"),
    ("appendix-prefixes", "plain-headings", "附录 alone is a heading, and opens an appendix's"),
    ("list-names", "plain-headings", "目录 alone is a heading, and names a list"),
    ("major-heading-words", "plain-headings", "联系我们 and 适用范围 are headings alone, and make a heading a chapter of the template"),
    ("major-heading-words", "policy-nouns", "本政策 in a heading makes it a chapter, and names the policy in a sentence"),
    ("major-heading-words", "heading.scope", STRUCTURE),
    ("major-heading-words", "heading.minors", STRUCTURE),
    ("major-heading-words", "heading.contact", STRUCTURE),
    ("major-heading-words", "clause.minors", "儿童 makes a heading a chapter of the template, and a clause about minors"),
    ("doc-title-endings", "policy-nouns", "隐私政策 ends a document's title, and names the policy in a sentence"),
    ("doc-title-endings", "heading.published", "法律声明 ends a document's title, and heads a chapter on what is published"),
    ("plain-headings", "policy-changes", "变更 and 更新 alone are headings, and near the policy's name change it"),
    ("plain-headings", "heading.overview", STRUCTURE),
    ("plain-headings", "heading.definitions", STRUCTURE),
    ("plain-headings", "heading.scope", STRUCTURE),
    ("plain-headings", "heading.updates", STRUCTURE),
    ("plain-headings", "heading.contact", STRUCTURE),
];

/// Why segment's heading words are classify's topic words too.
const STRUCTURE: &str = "segment finds a heading by words that classify then reads for the heading's topic";

/// Why `sdk-collect-verbs` shares its verbs with the collection topic.
const SDK_VERBS: &str = "the verbs that open what an SDK collects are the verbs of collection in a clause";
/// Why `permission-off` shares its words with the user's controls.
const PERMISSION_OFF: &str = "turning a permission off (关闭, 撤回) is one of the user's controls, which are rights";

/// Sets that sample the commonest words of a policy's topics, to count or
/// to spot a topic at all: they share words with every topic by design.
const SAMPLES: &[&str] = &["policy-vocabulary", "topic-hints"];

/// Stop lists (`stop.*`): words that mark the edge of a name (particles,
/// pronouns, the verbs and kind words around it). They are read as
/// boundaries, not meanings, and may share any word.
fn is_stop_list(set: &str) -> bool {
    set.starts_with("stop.")
}

/// Why `data-handling` shares its verbs with the topics.
const HANDLING: &str =
    "collecting and passing on are the same verbs whether they make a clause's sensitive items collected or name its topic";
/// Why `policy-vocabulary` shares its words with the topics.
const VOCABULARY: &str =
    "policy-vocabulary samples the commonest words of any policy, which name topics too; it only counts them";

/// A topic's own sets: `heading.T`, `clause.T`, `clause-strong.T`.
fn same_topic(a: &str, b: &str) -> bool {
    let topic = |s: &str| {
        s.strip_prefix("heading.")
            .or_else(|| s.strip_prefix("clause-strong."))
            .or_else(|| s.strip_prefix("clause."))
            .map(str::to_owned)
    };
    topic(a).is_some() && topic(a) == topic(b)
}

/// Every pair of sets that share a word, with the shared words.
fn overlaps() -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
    let mut out = Vec::new();
    for (i, (a, wa)) in SETS.iter().enumerate() {
        for (b, wb) in &SETS[i + 1..] {
            let shared: Vec<&str> = wa.iter().copied().filter(|w| wb.contains(w)).collect();
            if !shared.is_empty() {
                out.push((*a, *b, shared));
            }
        }
    }
    out
}

#[test]
fn no_word_has_two_owners_by_accident() {
    let unexpected: Vec<String> = overlaps()
        .into_iter()
        .filter(|(a, b, _)| !same_topic(a, b))
        .filter(|(a, b, _)| !is_stop_list(a) && !is_stop_list(b))
        .filter(|(a, b, _)| !SAMPLES.contains(a) && !SAMPLES.contains(b))
        .filter(|(a, b, _)| !MEANT.iter().any(|(x, y, _)| (x, y) == (a, b) || (x, y) == (b, a)))
        .map(|(a, b, shared)| format!("{a} / {b}: {}", shared.join("、")))
        .collect();
    assert!(
        unexpected.is_empty(),
        "sets that share words (list the pair in MEANT if meant):\n{}",
        unexpected.join("\n")
    );
}

#[test]
fn every_meant_overlap_still_exists() {
    let found = overlaps();
    for (a, b, why) in MEANT {
        assert!(!why.is_empty(), "{a} / {b}: say why");
        assert!(
            found.iter().any(|(x, y, _)| (x, y) == (a, b) || (x, y) == (b, a)),
            "{a} / {b} no longer share a word: remove the pair"
        );
    }
}

#[test]
fn a_topic_may_share_its_words_between_heading_and_clause() {
    assert!(same_topic("heading.storage", "clause-strong.storage"));
    assert!(!same_topic("heading.storage", "clause.security"));
    assert!(!same_topic("retention", "clause.storage"));
}

#[test]
fn sets_are_found_by_name() {
    let retention = SETS.iter().find(|(name, _)| *name == "retention").map(|(_, w)| *w);
    assert_eq!(retention, Some(policylens_core::lexicon::RETENTION));
    assert!(policylens_core::lexicon::RETENTION.contains(&"保存期限"));
}
