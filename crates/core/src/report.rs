//! The report: everything the analysis says about one policy.
//!
//! These types are the product's stable interface (docs/report-schema.md). The
//! JSON form is produced by serde; field names and enum spellings below are
//! part of the contract, so renaming one is a breaking change that needs a new
//! `schema_version`.

use serde::{Deserialize, Serialize};

/// Version of the JSON report's shape. Bumped only on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

/// A half-open byte range `[start, end)` into the analysed text (UTF-8, after
/// decoding and before any normalisation). Serialised as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(into = "[usize; 2]", from = "[usize; 2]")]
#[cfg_attr(feature = "ts", ts(as = "[usize; 2]"))]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> Self {
        [span.start, span.end]
    }
}

/// The whole analysis of one policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Report {
    pub schema_version: u32,
    pub input: InputInfo,
    /// Documents, tables of contents and sections, in input order.
    pub outline: Vec<Node>,
    /// One row per checklist category, in the taxonomy's order.
    pub checklist: Vec<ChecklistRow>,
    pub findings: Vec<Finding>,
    /// Third-party SDKs the policy discloses.
    pub sdks: Vec<Sdk>,
    /// Other named recipients of personal information (never SDKs).
    pub recipients: Vec<Recipient>,
    pub facts: Facts,
    /// Problems with the outline itself: a table of contents that does not
    /// match the body.
    pub toc_mismatches: Vec<TocMismatch>,
    /// The headline counts every front end shows (added in schema 1).
    #[serde(default)]
    pub summary: Summary,
    /// The SDK data-flow graph: data groups → SDKs and recipients →
    /// providers (added in schema 1).
    #[serde(default)]
    pub flows: FlowGraph,
    /// The rule set that produced `findings` (a hash of the rules, their
    /// data and messages; added in schema 1).
    #[serde(default)]
    pub rules_version: String,
}

/// What was analysed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InputInfo {
    /// Length of the decoded UTF-8 text in bytes.
    pub bytes: usize,
    /// Number of lines (a final line without a newline counts).
    pub lines: usize,
    /// The encoding the input was decoded from: `utf-8`, `utf-16le`,
    /// `utf-16be` or `gb18030`.
    pub encoding: String,
    /// Whether the text is a privacy policy at all. Only a `policy` gets a
    /// checklist and findings.
    pub kind: InputKind,
    /// `html` when the input is a web page: the analysis then reads its
    /// text view ([`crate::html::text_view`]), whose offsets are the
    /// input's, and `lines` counts the view's lines.
    #[serde(default)]
    pub format: InputFormat,
}

/// How the input is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    #[default]
    Text,
    Html,
}

/// What the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// Nothing but whitespace.
    Empty,
    /// Reads as a Chinese privacy policy.
    Policy,
    /// Text that is not a Chinese privacy policy (a novel, code, an English page).
    NotAPolicy,
}

/// A topic of the taxonomy (docs/report-schema.md). The declaration order is
/// the taxonomy's, which `Ord` follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Overview,
    Definitions,
    Scope,
    Collection,
    Permissions,
    Cookies,
    Sdk,
    Sharing,
    Storage,
    CrossBorder,
    Security,
    Rights,
    Minors,
    Updates,
    Contact,
    Other,
}

impl Category {
    /// Every category in the taxonomy's order.
    pub const ALL: [Category; 16] = [
        Category::Overview,
        Category::Definitions,
        Category::Scope,
        Category::Collection,
        Category::Permissions,
        Category::Cookies,
        Category::Sdk,
        Category::Sharing,
        Category::Storage,
        Category::CrossBorder,
        Category::Security,
        Category::Rights,
        Category::Minors,
        Category::Updates,
        Category::Contact,
        Category::Other,
    ];

    /// The id the JSON report writes (`cross_border`).
    pub const fn id(self) -> &'static str {
        match self {
            Category::Overview => "overview",
            Category::Definitions => "definitions",
            Category::Scope => "scope",
            Category::Collection => "collection",
            Category::Permissions => "permissions",
            Category::Cookies => "cookies",
            Category::Sdk => "sdk",
            Category::Sharing => "sharing",
            Category::Storage => "storage",
            Category::CrossBorder => "cross_border",
            Category::Security => "security",
            Category::Rights => "rights",
            Category::Minors => "minors",
            Category::Updates => "updates",
            Category::Contact => "contact",
            Category::Other => "other",
        }
    }

    /// The category of a JSON id.
    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }

    /// What personal information is done with: the topics a sentence can be
    /// *about* beside its narrow ones.
    pub const fn is_broad(self) -> bool {
        matches!(
            self,
            Category::Collection
                | Category::Sharing
                | Category::Storage
                | Category::CrossBorder
                | Category::Security
                | Category::Rights
        )
    }
}

/// Lets tests and front ends compare with ids: `categories == ["storage"]`.
impl PartialEq<&str> for Category {
    fn eq(&self, other: &&str) -> bool {
        self.id() == *other
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.id())
    }
}

/// A set of categories, iterated in the taxonomy's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct CategorySet(u16);

impl CategorySet {
    pub const EMPTY: CategorySet = CategorySet(0);

    pub const fn contains(self, c: Category) -> bool {
        self.0 & (1 << c as u16) != 0
    }

    pub fn insert(&mut self, c: Category) {
        self.0 |= 1 << c as u16;
    }

    pub fn remove(&mut self, c: Category) {
        self.0 &= !(1 << c as u16);
    }

    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn iter(self) -> impl Iterator<Item = Category> {
        Category::ALL.into_iter().filter(move |c| self.contains(*c))
    }
}

impl FromIterator<Category> for CategorySet {
    fn from_iter<I: IntoIterator<Item = Category>>(iter: I) -> Self {
        let mut set = CategorySet::EMPTY;
        for c in iter {
            set.insert(c);
        }
        set
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Document,
    Section,
    Toc,
}

/// One node of the outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Node {
    pub kind: NodeKind,
    /// The heading line as written, surrounding whitespace trimmed; `None`
    /// for a document without a title line.
    pub heading: Option<String>,
    /// The numbering marker as written (`一、`, `（二）`, `3.1`), if any.
    pub marker: Option<String>,
    /// 0 for documents, 1 for their top-level sections and tables of
    /// contents, and one more per nesting level below.
    pub level: u32,
    /// The heading and all content up to the next node of the same or a
    /// higher level.
    pub span: Span,
    /// First and last 1-based line of `span`.
    pub lines: [usize; 2],
    /// Taxonomy categories (docs/report-schema.md), most relevant first.
    pub categories: Vec<Category>,
    /// Sentences and list items directly inside this node (not in children).
    pub clauses: Vec<Clause>,
    pub children: Vec<Node>,
}

/// A sentence or list item inside a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Clause {
    pub span: Span,
    pub lines: [usize; 2],
    pub categories: Vec<Category>,
}

/// A pointer to the text that supports a result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Evidence {
    pub span: Span,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// The text of `span`, shortened to at most 200 characters.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CoverageStatus {
    Covered,
    Partial,
    Missing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChecklistRow {
    pub category: Category,
    pub status: CoverageStatus,
    pub evidence: Vec<Evidence>,
    /// Ids of the rules that judge this topic, in registry order (each rule
    /// judges at most one topic). Filled after the rules ran.
    #[serde(default)]
    pub rules: Vec<String>,
    /// Why a `partial` row is not covered; `None` for the other statuses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<PartialReason>,
    /// Where a section on the topic would go, for a row no section covers
    /// (`missing`, or `partial` with clauses only); added in schema 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Placement>,
}

/// Where a section on a topic the outline lacks belongs, by the order of
/// the national template (the taxonomy's order): after the last top-level
/// section on an earlier topic, before the section that follows it. Both
/// are headings of the policy's main document; `after` is `None` when the
/// topic comes before every section, `before` when it comes after them all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Placement {
    pub after: Option<Evidence>,
    pub before: Option<Evidence>,
}

/// Why a checklist row is only `partial`: a closed set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PartialReason {
    /// No section is about the topic; only clauses elsewhere touch it.
    ClausesOnly,
    /// A storage section without any retention period.
    NoRetentionPeriod,
    /// A contact section without an e-mail, phone or postal address.
    NoContactChannel,
}

impl PartialReason {
    /// The id the JSON report writes.
    pub fn id(self) -> &'static str {
        match self {
            PartialReason::ClausesOnly => "clauses_only",
            PartialReason::NoRetentionPeriod => "no_retention_period",
            PartialReason::NoContactChannel => "no_contact_channel",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Must,
    Should,
    Info,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FindingStatus {
    Fail,
    Warn,
    Pass,
}

/// One rule's verdict on the policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub status: FindingStatus,
    /// Why the status, in Chinese: `detail` rendered by
    /// `rules::messages::render` (the rule's title for a pass).
    pub message: String,
    pub sources: Vec<String>,
    pub evidence: Vec<Evidence>,
    /// What the rule found, as a message key and the values it names, from
    /// which a front end renders `message` in the reader's language (added
    /// in schema 1; absent on a pass).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Detail>,
    /// What a fail or warning rests on (added in schema 1; absent on a
    /// pass): words the rule looked for and did not find, or text the policy
    /// states. A reviewer weighs the two apart: "not found" may be worded
    /// elsewhere; "stated" is there to read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
}

/// What a finding rests on: a closed set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// What the rule asks for was not found in the text (未找到).
    Missing,
    /// The text states something the rule flags (文本所示).
    Stated,
}

/// A finding's reason: a key of the message table (`data/messages.txt`,
/// `ID.absent`/`ID.weak` for keyword rules) and the values it names, in
/// order (`{0}`, `{1}`…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Detail {
    pub key: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<Arg>,
}

impl Detail {
    pub fn new(key: impl Into<String>) -> Self {
        Detail { key: key.into(), args: Vec::new() }
    }

    /// Adds the next value the message names.
    #[must_use]
    pub fn arg(mut self, arg: impl Into<Arg>) -> Self {
        self.args.push(arg.into());
        self
    }
}

/// A value a message names. Externally tagged (`{"text": …}`): an untagged
/// enum would cost the web bundle serde's buffering code to read it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    /// A value from the text, or a number: the same in every language.
    Text(String),
    /// Values from the text, joined as a list (`、` in Chinese).
    Texts(Vec<String>),
    /// A term or phrase of the message table, in the reader's language.
    Part(Detail),
    /// Terms or phrases of the message table, joined as a list of terms
    /// (`、`) or, when `phrases`, of phrases (`；`).
    Parts { parts: Vec<Detail>, phrases: bool },
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Text(n.to_string())
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Text(n.to_string())
    }
}

impl From<Detail> for Arg {
    fn from(d: Detail) -> Self {
        Arg::Part(d)
    }
}

/// One personal-information item as the policy writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DataItem {
    pub text: String,
    pub group: Option<String>,
    pub sensitive: bool,
    /// What the policy itself says the item is, when it defines it
    /// (`唯一设备识别码：… IMEI、oaid …`): the items of the definition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub defined_as: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ProviderFrom {
    Text,
    KnowledgeBase,
}

/// A third-party SDK the policy discloses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Sdk {
    pub name: String,
    pub canonical: Option<String>,
    pub provider: Option<String>,
    pub provider_from: Option<ProviderFrom>,
    pub category: Option<String>,
    pub purpose: Option<String>,
    pub data: Vec<DataItem>,
    pub permissions: Vec<String>,
    /// How the third party gets the data, as the policy says it (`嵌入SDK`,
    /// `委托处理`, `共享`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The data list is open-ended (`…等`, `包括但不限于…`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub data_open: bool,
    pub link: Option<String>,
    pub evidence: Vec<Evidence>,
}

impl Sdk {
    /// An SDK known only by its name, with nothing else said of it yet.
    pub fn named(name: impl Into<String>) -> Self {
        Sdk {
            name: name.into(),
            canonical: None,
            provider: None,
            provider_from: None,
            category: None,
            purpose: None,
            data: Vec::new(),
            permissions: Vec::new(),
            method: None,
            data_open: false,
            link: None,
            evidence: Vec::new(),
        }
    }
}

/// A named recipient that is not an SDK: a payment institution, an affiliate,
/// a kind of partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Recipient {
    pub name: String,
    pub kind: String,
    pub evidence: Vec<Evidence>,
    /// The personal information the policy says this recipient receives: the
    /// data-vocabulary items named in the sentences that give it something
    /// (`将您的姓名、手机号共享给支付机构`), as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<DataItem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    Days,
    WorkingDays,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ResponseTime {
    pub value: u32,
    pub unit: TimeUnit,
    pub evidence: Evidence,
}

/// Values a reader can find in the text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Facts {
    /// `YYYY-MM-DD`.
    pub effective: Option<String>,
    /// `YYYY-MM-DD`.
    pub updated: Option<String>,
    pub controller: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub addresses: Vec<String>,
    pub response_time: Vec<ResponseTime>,
    pub children_age: Option<u32>,
    /// `domestic`, `abroad` or `both`, when the policy says.
    pub storage_location: Option<String>,
    /// Retention periods as written.
    pub retention: Vec<Evidence>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum TocMismatchKind {
    /// An entry of the table of contents has no matching section.
    MissingFromBody,
    /// A top-level section is not listed in the table of contents.
    MissingFromToc,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TocMismatch {
    pub kind: TocMismatchKind,
    pub evidence: Evidence,
}

/// The report's headline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Summary {
    /// Findings that fail, by severity. Both are 0 for input that is not a
    /// policy, and then `judged` is false: a front end says what the input
    /// is instead of showing zeros.
    pub must_fail: usize,
    pub should_fail: usize,
    /// Findings that warn, of any severity.
    pub warn: usize,
    /// Whether findings were computed (the input is a policy).
    pub judged: bool,
    pub sections: usize,
    pub clauses: usize,
    pub sdks: usize,
    pub recipients: usize,
    /// The kinds of sensitive personal information (PIPL art. 28) the policy
    /// collects or shares, each once, in the vocabulary's order of first
    /// appearance: from sentences that collect or share, from SDK rows and
    /// from recipients alike.
    pub sensitive: Vec<SensitiveKind>,
}

/// One kind of sensitive personal information and where the policy names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SensitiveKind {
    /// The data-vocabulary group (`id_number`, `financial`, `biometric`…).
    pub group: String,
    /// The item as the policy first writes it (`身份证号`).
    pub example: String,
    /// Given to SDKs or other recipients, not only collected.
    pub shared: bool,
    pub evidence: Evidence,
}

/// Data groups → SDKs and recipients → providers: the map's nodes and edges,
/// in the order a front end lays them out (sensitive groups first; SDKs by
/// category, then in the policy's order). Coordinates are the front end's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FlowGraph {
    pub nodes: Vec<FlowNode>,
    /// Indices into `nodes`, from data to its receiver, from an SDK to its
    /// provider. Each edge once.
    pub edges: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FlowNode {
    pub kind: FlowNodeKind,
    /// A data group's id, an SDK's or recipient's name, a provider's name.
    pub label: String,
    /// A data group that holds sensitive items; an SDK or recipient that
    /// receives some.
    pub sensitive: bool,
    /// An SDK's category, a recipient's kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The index of the SDK in `sdks` or of the recipient in `recipients`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FlowNodeKind {
    Data,
    Sdk,
    Recipient,
    Provider,
}
