// Generated from the Rust types (crates/core/src/report.rs, RuleInfo in
// crates/core/src/rules/mod.rs) by ts-rs: do not edit by hand. Regenerate with
//   UPDATE_REPORT_TYPES=1 cargo test -p policylens-core --features ts --test typescript
// The JSON contract is documented in docs/report-schema.md.

/**
 * The whole analysis of one policy.
 */
export type Report = { schema_version: number, input: InputInfo, 
/**
 * Documents, tables of contents and sections, in input order.
 */
outline: Array<Node>, 
/**
 * One row per checklist category, in the taxonomy's order.
 */
checklist: Array<ChecklistRow>, findings: Array<Finding>, 
/**
 * Third-party SDKs the policy discloses.
 */
sdks: Array<Sdk>, 
/**
 * Other named recipients of personal information (never SDKs).
 */
recipients: Array<Recipient>, facts: Facts, 
/**
 * Problems with the outline itself: a table of contents that does not
 * match the body.
 */
toc_mismatches: Array<TocMismatch>, 
/**
 * The headline counts every front end shows (added in schema 1).
 */
summary: Summary, 
/**
 * The SDK data-flow graph: data groups → SDKs and recipients →
 * providers (added in schema 1).
 */
flows: FlowGraph, 
/**
 * The rule set that produced `findings` (a hash of the rules, their
 * data and messages; added in schema 1).
 */
rules_version: string, };

/**
 * A value a message names. Externally tagged (`{"text": …}`): an untagged
 * enum would cost the web bundle serde's buffering code to read it back.
 */
export type Arg = { "text": string } | { "texts": Array<string> } | { "part": Detail } | { "parts": { parts: Array<Detail>, phrases: boolean, } };

/**
 * What a finding rests on: a closed set.
 */
export type Basis = "missing" | "stated";

/**
 * A topic of the taxonomy (docs/report-schema.md). The declaration order is
 * the taxonomy's, which `Ord` follows.
 */
export type Category = "overview" | "definitions" | "scope" | "collection" | "permissions" | "cookies" | "sdk" | "sharing" | "storage" | "cross_border" | "security" | "rights" | "minors" | "updates" | "contact" | "other";

export type ChecklistRow = { category: Category, status: CoverageStatus, evidence: Array<Evidence>, 
/**
 * Ids of the rules that judge this topic, in registry order (each rule
 * judges at most one topic). Filled after the rules ran.
 */
rules: Array<string>, 
/**
 * Why a `partial` row is not covered; `None` for the other statuses.
 */
reason?: PartialReason | null, 
/**
 * Where a section on the topic would go, for a row no section covers
 * (`missing`, or `partial` with clauses only); added in schema 1.
 */
place?: Placement | null, };

/**
 * A sentence or list item inside a section.
 */
export type Clause = { span: Span, lines: [number, number], categories: Array<Category>, };

export type CoverageStatus = "covered" | "partial" | "missing";

/**
 * One personal-information item as the policy writes it.
 */
export type DataItem = { text: string, group: string | null, sensitive: boolean, 
/**
 * What the policy itself says the item is, when it defines it
 * (`唯一设备识别码：… IMEI、oaid …`): the items of the definition.
 */
defined_as?: Array<string>, };

/**
 * A finding's reason: a key of the message table (`data/messages.txt`,
 * `ID.absent`/`ID.weak` for keyword rules) and the values it names, in
 * order (`{0}`, `{1}`…).
 */
export type Detail = { key: string, args?: Array<Arg>, };

/**
 * A pointer to the text that supports a result.
 */
export type Evidence = { span: Span, 
/**
 * 1-based line of `span.start`.
 */
line: number, 
/**
 * The text of `span`, shortened to at most 200 characters.
 */
text: string, };

/**
 * Values a reader can find in the text.
 */
export type Facts = { 
/**
 * `YYYY-MM-DD`.
 */
effective: string | null, 
/**
 * `YYYY-MM-DD`.
 */
updated: string | null, controller: string | null, emails: Array<string>, phones: Array<string>, addresses: Array<string>, response_time: Array<ResponseTime>, children_age: number | null, 
/**
 * `domestic`, `abroad` or `both`, when the policy says.
 */
storage_location: string | null, 
/**
 * Retention periods as written.
 */
retention: Array<Evidence>, };

/**
 * One rule's verdict on the policy.
 */
export type Finding = { rule: string, severity: Severity, status: FindingStatus, 
/**
 * Why the status, in Chinese: `detail` rendered by
 * `rules::messages::render` (the rule's title for a pass).
 */
message: string, sources: Array<string>, evidence: Array<Evidence>, 
/**
 * What the rule found, as a message key and the values it names, from
 * which a front end renders `message` in the reader's language (added
 * in schema 1; absent on a pass).
 */
detail?: Detail | null, 
/**
 * What a fail or warning rests on (added in schema 1; absent on a
 * pass): words the rule looked for and did not find, or text the policy
 * states. A reviewer weighs the two apart: "not found" may be worded
 * elsewhere; "stated" is there to read.
 */
basis?: Basis | null, };

export type FindingStatus = "fail" | "warn" | "pass";

/**
 * Data groups → SDKs and recipients → providers: the map's nodes and edges,
 * in the order a front end lays them out (sensitive groups first; SDKs by
 * category, then in the policy's order). Coordinates are the front end's.
 */
export type FlowGraph = { nodes: Array<FlowNode>, 
/**
 * Indices into `nodes`, from data to its receiver, from an SDK to its
 * provider. Each edge once.
 */
edges: Array<[number, number]>, };

export type FlowNode = { kind: FlowNodeKind, 
/**
 * A data group's id, an SDK's or recipient's name, a provider's name.
 */
label: string, 
/**
 * A data group that holds sensitive items; an SDK or recipient that
 * receives some.
 */
sensitive: boolean, 
/**
 * An SDK's category, a recipient's kind.
 */
category?: string | null, 
/**
 * The index of the SDK in `sdks` or of the recipient in `recipients`.
 */
index?: number | null, };

export type FlowNodeKind = "data" | "sdk" | "recipient" | "provider";

/**
 * How the input is written.
 */
export type InputFormat = "text" | "html";

/**
 * What was analysed.
 */
export type InputInfo = { 
/**
 * Length of the decoded UTF-8 text in bytes.
 */
bytes: number, 
/**
 * Number of lines (a final line without a newline counts).
 */
lines: number, 
/**
 * The encoding the input was decoded from: `utf-8`, `utf-16le`,
 * `utf-16be` or `gb18030`.
 */
encoding: string, 
/**
 * Whether the text is a privacy policy at all. Only a `policy` gets a
 * checklist and findings.
 */
kind: InputKind, 
/**
 * `html` when the input is a web page: the analysis then reads its
 * text view ([`crate::html::text_view`]), whose offsets are the
 * input's, and `lines` counts the view's lines.
 */
format: InputFormat, };

/**
 * What the input is.
 */
export type InputKind = "empty" | "policy" | "not_a_policy";

/**
 * One node of the outline.
 */
export type Node = { kind: NodeKind, 
/**
 * The heading line as written, surrounding whitespace trimmed; `None`
 * for a document without a title line.
 */
heading: string | null, 
/**
 * The numbering marker as written (`一、`, `（二）`, `3.1`), if any.
 */
marker: string | null, 
/**
 * 0 for documents, 1 for their top-level sections and tables of
 * contents, and one more per nesting level below.
 */
level: number, 
/**
 * The heading and all content up to the next node of the same or a
 * higher level.
 */
span: Span, 
/**
 * First and last 1-based line of `span`.
 */
lines: [number, number], 
/**
 * Taxonomy categories (docs/report-schema.md), most relevant first.
 */
categories: Array<Category>, 
/**
 * Sentences and list items directly inside this node (not in children).
 */
clauses: Array<Clause>, children: Array<Node>, };

export type NodeKind = "document" | "section" | "toc";

/**
 * Why a checklist row is only `partial`: a closed set.
 */
export type PartialReason = "clauses_only" | "no_retention_period" | "no_contact_channel";

/**
 * Where a section on a topic the outline lacks belongs, by the order of
 * the national template (the taxonomy's order): after the last top-level
 * section on an earlier topic, before the section that follows it. Both
 * are headings of the policy's main document; `after` is `None` when the
 * topic comes before every section, `before` when it comes after them all.
 */
export type Placement = { after: Evidence | null, before: Evidence | null, };

export type ProviderFrom = "text" | "knowledge_base";

/**
 * A named recipient that is not an SDK: a payment institution, an affiliate,
 * a kind of partner.
 */
export type Recipient = { name: string, kind: string, evidence: Array<Evidence>, 
/**
 * The personal information the policy says this recipient receives: the
 * data-vocabulary items named in the sentences that give it something
 * (`将您的姓名、手机号共享给支付机构`), as written.
 */
data?: Array<DataItem>, };

export type ResponseTime = { value: number, unit: TimeUnit, evidence: Evidence, };

/**
 * What a front end lists about a rule: its registry data without the check,
 * and without `why` and `fix`, which builds without the `explain` feature
 * (the wasm) leave out. Serialised for the npm package's `rules()`.
 */
export type RuleInfo = { id: string, severity: Severity, 
/**
 * The checklist topic the rule judges, if any.
 */
category: Category | null, title_zh: string, title_en: string, 
/**
 * Legal sources, cited as in docs (e.g. `PIPL 17(1)`).
 */
sources: Array<string>, };

/**
 * A third-party SDK the policy discloses.
 */
export type Sdk = { name: string, canonical: string | null, provider: string | null, provider_from: ProviderFrom | null, category: string | null, purpose: string | null, data: Array<DataItem>, permissions: Array<string>, 
/**
 * How the third party gets the data, as the policy says it (`嵌入SDK`,
 * `委托处理`, `共享`).
 */
method?: string | null, 
/**
 * The data list is open-ended (`…等`, `包括但不限于…`).
 */
data_open?: boolean, link: string | null, evidence: Array<Evidence>, };

/**
 * One kind of sensitive personal information and where the policy names it.
 */
export type SensitiveKind = { 
/**
 * The data-vocabulary group (`id_number`, `financial`, `biometric`…).
 */
group: string, 
/**
 * The item as the policy first writes it (`身份证号`).
 */
example: string, 
/**
 * Given to SDKs or other recipients, not only collected.
 */
shared: boolean, evidence: Evidence, };

export type Severity = "must" | "should" | "info";

/**
 * A half-open byte range `[start, end)` into the analysed text (UTF-8, after
 * decoding and before any normalisation). Serialised as `[start, end]`.
 */
export type Span = [number, number];

/**
 * The report's headline.
 */
export type Summary = { 
/**
 * Findings that fail, by severity. Both are 0 for input that is not a
 * policy, and then `judged` is false: a front end says what the input
 * is instead of showing zeros.
 */
must_fail: number, should_fail: number, 
/**
 * Findings that warn, of any severity.
 */
warn: number, 
/**
 * Whether findings were computed (the input is a policy).
 */
judged: boolean, sections: number, clauses: number, sdks: number, recipients: number, 
/**
 * The kinds of sensitive personal information (PIPL art. 28) the policy
 * collects or shares, each once, in the vocabulary's order of first
 * appearance: from sentences that collect or share, from SDK rows and
 * from recipients alike.
 */
sensitive: Array<SensitiveKind>, };

export type TimeUnit = "days" | "working_days";

export type TocMismatch = { kind: TocMismatchKind, evidence: Evidence, };

export type TocMismatchKind = "missing_from_body" | "missing_from_toc";
