//! Categories of sections and clauses (taxonomy: docs/report-schema.md).
//!
//! Headings decide what a section is about; content adds the topics that
//! real policies tuck inside other sections (an SDK table inside the sharing
//! chapter, a retention period inside the security chapter, a transfer abroad
//! inside the storage chapter). Clauses are classified on their own words.
//!
//! The word lists are data: one table for headings, one for clauses, in the
//! taxonomy's vocabulary rather than any one policy's.

use crate::report::{Node, NodeKind};
use crate::scan::ClauseTexts;
use crate::text::normalize;

/// Category ids in the taxonomy's order.
pub const CATEGORIES: &[&str] = &[
    "overview",
    "definitions",
    "scope",
    "collection",
    "permissions",
    "cookies",
    "sdk",
    "sharing",
    "storage",
    "cross_border",
    "security",
    "rights",
    "minors",
    "updates",
    "contact",
    "other",
];

/// Heading words per category. A heading may match several.
const HEADING_WORDS: &[(&str, &[&str])] = &[
    ("overview", &["引言", "提示", "简介", "摘要", "前言", "概述", "导言", "序言", "概要"]),
    ("definitions", &["定义", "名词", "术语", "释义", "词语", "关键词说明", "关键词解释"]),
    ("scope", &["适用范围", "适用于", "适用的范围", "政策范围", "的适用"]),
    (
        "collection",
        &[
            "收集",
            "使用您的",
            "使用收集",
            "使用个人",
            "使用的信息",
            "如何使用信息",
            "获取的信息",
            "使用用户信息",
            "信息的使用",
            "您提供的",
            "你提供的",
            "间接获取",
            "来自第三方",
            "从第三方",
            "第三方分享的",
            "主动提供",
            "哪些信息",
            "哪些个人信息",
            "敏感个人信息",
            "个人敏感信息",
            "个性化推荐",
            "算法推荐",
            "定向推送",
        ],
    ),
    ("permissions", &["权限"]),
    ("cookies", &["cookie", "网站信标", "像素标签", "同类技术", "相关技术"]),
    ("sdk", &["sdk", "软件开发工具包", "第三方服务商", "接入第三方", "第三方插件"]),
    (
        "sharing",
        &[
            "共享",
            "转让",
            "公开披露",
            "披露",
            "委托处理",
            "共同处理",
            "对外提供",
            "我们分享",
            "分享的信息",
            "提供给第三方",
            "提供给谁",
            "合作方",
            "合作伙伴",
        ],
    ),
    ("storage", &["存储", "保存", "储存", "保留", "存放", "期限", "在哪里"]),
    ("cross_border", &["跨境", "境外", "全球范围", "出境", "传输", "转移"]),
    (
        "security",
        &[
            "安全",
            "保护您的",
            "保护个人",
            "保护用户",
            "保护信息",
            "如何保护",
            "保护和",
            "信息保护",
            "信息的保护",
            "隐私保护",
            "数据保护",
            "管理制度",
            "管理措施",
            "组织措施",
            "技术措施",
            "保护措施",
        ],
    ),
    (
        "rights",
        &[
            "管理",
            "权利",
            "访问",
            "更正",
            "删除",
            "注销",
            "撤回",
            "控制",
            "查询",
            "自动化决策",
            "自动决策",
            "响应您的",
            "您的选择",
            "关闭",
            "授权变更",
            "改变授权",
            "撤销",
        ],
    ),
    ("minors", &["未成年", "儿童", "不满十四", "不满14"]),
    ("updates", &["更新", "修订", "变更", "修改"]),
    ("contact", &["联系我们", "联系方式", "如何联系", "与我们联系"]),
];

/// Clause words per category: what a sentence about the topic says.
const CLAUSE_WORDS: &[(&str, &[&str])] = &[
    ("definitions", &["是指", "指的是", "：指"]),
    (
        "collection",
        &[
            "收集",
            "获取您的",
            "需要您提供",
            "您需要提供",
            "提供您的",
            "填写",
            "读取",
            "记录您的",
            "我们会使用",
            "用于",
            "使用您的",
            "使用这些信息",
        ],
    ),
    ("cookies", &["cookie", "网站信标", "像素标签", "web beacon", "local storage", "同类技术"]),
    ("sdk", &["sdk", "软件开发工具包", "第三方插件", "第三方代码"]),
    (
        "sharing",
        &[
            "共享",
            "转让",
            "公开披露",
            "对外提供",
            "提供给",
            "委托",
            "合作伙伴",
            "第三方",
            "关联公司",
            "关联方",
            "分享给",
            "披露",
        ],
    ),
    ("storage", &["存储", "储存", "保存", "保留", "存放", "期限", "最短时间", "删除或匿名化", "匿名化处理", "境内"]),
    (
        "cross_border",
        &["跨境传输", "跨境转移", "向境外", "传输至境外", "出境", "境外机构", "境外实体", "全球范围", "境外传输"],
    ),
    (
        "security",
        &[
            "安全",
            "加密",
            "去标识化",
            "访问控制",
            "ssl",
            "https",
            "防护",
            "泄露",
            "篡改",
            "丢失",
            "应急预案",
            "权限管理",
            "数据保护",
            "保密",
        ],
    ),
    (
        "rights",
        &[
            "查阅",
            "访问您的",
            "更正",
            "补充",
            "删除您的",
            "注销",
            "撤回",
            "改变授权",
            "复制",
            "副本",
            "转移至",
            "关闭",
            "设置",
            "管理您的",
            "您有权",
            "拒绝",
            "投诉",
            "响应您的",
        ],
    ),
    ("minors", &["未成年", "儿童", "不满十四", "不满14", "14周岁", "十四周岁", "监护人"]),
];

/// Words that put a clause on a broad topic even inside another topic's
/// section: encryption named in the sharing chapter is about security too,
/// a retention period in the security chapter is about storage. Narrower
/// than [`CLAUSE_WORDS`]: each names the topic, not just touches it.
/// Measured on CAPP-130, sharing and rights gain nothing this way, so they
/// have none.
const STRONG_CLAUSE_WORDS: &[(&str, &[&str])] = &[
    ("collection", &["收集", "获取您的", "获取你的", "采集", "读取"]),
    (
        "storage",
        &[
            "存储于",
            "存储在",
            "保存在",
            "保存于",
            "存放在",
            "保存期限",
            "存储期限",
            "保留期限",
            "存储地",
            "境内",
            "最短期限",
            "最短时间",
            "期限届满",
        ],
    ),
    (
        "security",
        &[
            "安全措施",
            "加密",
            "去标识化",
            "安全保护",
            "保密协议",
            "保密义务",
            "安全防护",
            "安全技术",
            "访问控制",
            "安全事件",
            "泄露",
            "安全能力",
            "安全管理",
        ],
    ),
];

/// Management by the service or the company, not by the user: no right.
const OTHERS_MANAGING: &[&str] = &[
    "账户管理",
    "帐户管理",
    "账号管理",
    "帐号管理",
    "订单管理",
    "会员管理",
    "实名制管理",
    "内部管理",
    "管理制度",
    "管理措施",
    "管理组织",
    "管理体系",
    "管理规范",
];
/// The user taking back consent or turning a use off.
const CONSENT_CONTROL: &[&str] = &["关闭", "撤回", "撤销", "授权变更", "改变授权"];
/// What an account holder changes: 修改密码 is no update of the policy.
const ACCOUNT_OBJECTS: &[&str] = &["密码", "账号", "帐号", "账户", "帐户", "手机号", "绑定"];

/// What a policy calls itself, for sentences about changing or accepting it.
const POLICY_NOUNS: &[&str] = &[
    "本政策",
    "本隐私",
    "本指引",
    "本声明",
    "本规则",
    "本协议",
    "本条款",
    "本保护",
    "隐私政策》",
    "隐私权政策》",
    "保护指引》",
    "保护政策》",
    "隐私政策",
    "隐私协议",
];
const POLICY_CHANGES: &[&str] = &["更新", "修订", "修改", "变更", "调整", "重大变化"];
const POLICY_ACCEPTANCE: &[&str] = &["同意", "接受"];

/// Device features whose use needs a permission of the system.
const DEVICE_FEATURES: &[&str] = &[
    "相机",
    "摄像头",
    "麦克风",
    "相册",
    "通讯录",
    "定位",
    "gps",
    "存储空间",
    "日历",
    "传感器",
    "蓝牙",
    "剪切板",
    "剪贴板",
    "悬浮窗",
    "电话状态",
];
/// Verbs that ask for a device feature: 调用您的相机, 开启定位.
const DEVICE_VERBS: &[&str] = &["调用", "开启", "访问", "授权", "打开", "申请", "使用"];
/// 权限 in the sense of staff access control, which is security.
const ACCESS_CONTROL: &[&str] = &["权限控制", "权限管理", "最小授权", "权限的人员", "访问权限的", "操作权限"];

/// Words of a clause that gives a way to reach the controller wherever it
/// stands; an email or a phone number does too.
const CONTACT_CHANNELS: &[&str] = &[
    "客服电话",
    "客服热线",
    "服务热线",
    "注册地址",
    "办公地址",
    "联系地址",
    "通信地址",
    "邮政编码",
    "邮编:",
    "发送邮件至",
    "邮件至",
];
/// Words of a user's control (清除 Cookie, 关闭权限, 撤回授权): about cookies or
/// a permission, they state the user's rights.
const CONTROL_WORDS: &[&str] = &["清除", "关闭", "撤回", "拒绝", "删除", "取消", "更改", "修改", "管理", "设置"];
/// Marker of a clause with a control word, resolved by [`contextualise`].
const CONTROL: &str = "~control";

/// Words that, inside the contact chapter, make a clause part of it.
const CONTACT_WORDS: &[&str] =
    &["联系", "客服", "反馈", "邮件", "邮箱", "电话", "地址", "负责人", "专职部门", "投诉", "举报", "回复", "答复"];
/// Place words: a line made of them in the contact chapter is an address.
const PLACE_WORDS: &[&str] = &["省", "市", "区", "路", "街", "号", "大厦", "楼", "室"];

/// Words that tell a transfer abroad, not cross-border e-commerce.
const CROSS_BORDER_CONTENT: &[&str] = &[
    "跨境传输",
    "跨境转移",
    "向境外",
    "传输至境外",
    "传输到境外",
    "出境",
    "境外机构",
    "境外实体",
    "境外接收方",
    "全球范围",
    "境外传输",
    "境外的",
];
/// Words that state how long information is kept.
const RETENTION_CONTENT: &[&str] =
    &["保存期限", "存储期限", "保留期限", "保存时间", "存储时间", "最短期限", "最短时间", "期限届满", "超出保存期限"];

fn matches(norm: &str, words: &[&str]) -> bool {
    words.iter().any(|w| norm.contains(w))
}

/// The normalised heading without its marker.
fn heading_title(node: &Node) -> String {
    let heading = node.heading.as_deref().unwrap_or("");
    let start = node.marker.as_deref().and_then(|m| heading.find(m).map(|i| i + m.len())).unwrap_or(0);
    normalize(&heading[start..])
}

/// The heading words of one category.
fn words_of(category: &str) -> &'static [&'static str] {
    HEADING_WORDS.iter().find(|(c, _)| *c == category).map_or(&[], |(_, w)| w)
}

/// Categories that a heading names.
pub fn heading_categories(title: &str) -> Vec<&'static str> {
    let t = title;
    // Minors and contact name their sections alone: 未成年人信息安全的特别约定
    // is about minors, not security.
    if matches(t, &["未成年", "儿童", "不满十四", "不满14", "年龄限制", "监护人"]) {
        return vec!["minors"];
    }
    // Who the controller is and how to reach it: 关于我们, 数据控制方, 疑问和反馈.
    if matches(t, &["联系我们", "如何联系", "联系方式", "取得联系", "关于我们", "数据控制方", "数据控制者", "疑问"])
    {
        return vec!["contact"];
    }
    // What becomes of a deceased user's information is their relatives'
    // right (PIPL art. 49), whatever protection the heading promises.
    if matches(t, &["去世", "已故", "死亡", "逝者"]) {
        return vec!["rights"];
    }
    // What users publish or receive is `other`: 您分享的信息, 我们向您发送的信息;
    // unless the heading gives the user control of it (管理广告推送).
    if matches(t, &["您分享", "您公开", "您发布", "向您发送", "发送的信息", "广告", "法律声明", "知识产权"])
    {
        return if matches(t, &["管理", "控制", "关闭", "退出"]) { vec!["rights"] } else { vec!["other"] };
    }
    // 个人信息保护政策 is the policy's name, not the security chapter.
    let without_names;
    let t = if matches(t, &["保护政策", "保护指引", "保护规则", "保护声明", "保护协议"]) {
        without_names = ["保护政策", "保护指引", "保护规则", "保护声明", "保护协议"]
            .iter()
            .fold(t.to_owned(), |acc, name| acc.replace(name, "政策"));
        without_names.as_str()
    } else {
        t
    };
    let mut out = Vec::new();
    for (cat, words) in HEADING_WORDS {
        if matches(t, words) {
            out.push(*cat);
        }
    }
    fn has(out: &[&str], c: &str) -> bool {
        out.contains(&c)
    }
    // 使用 Cookie is about cookies, not collection; 存储和传输 is storage and
    // transfer abroad, but 传输 alone (安全传输) is not abroad.
    if has(&out, "cookies") {
        out.retain(|c| *c != "collection");
    }
    if has(&out, "cross_border") && !matches(t, &["跨境", "境外", "全球", "出境"]) && !has(&out, "storage") {
        out.retain(|c| *c != "cross_border");
    }
    // 个人敏感信息提示 explains what is collected, not the preamble.
    if has(&out, "overview") && has(&out, "collection") {
        out.retain(|c| *c != "overview");
    }
    // The data controller (数据控制方) is who controls, not what users do.
    if has(&out, "rights") && matches(t, &["控制方", "控制者"]) && !matches(&t.replace("控制", ""), words_of("rights"))
    {
        out.retain(|c| *c != "rights");
    }
    // 个人信息保护权利 are rights, not the security chapter.
    if has(&out, "rights") && has(&out, "security") && matches(t, &["权利"]) && !matches(t, &["安全"]) {
        out.retain(|c| *c != "security");
    }
    // 安全管理 is security, not the user managing anything.
    if has(&out, "rights") && has(&out, "security") && matches(t, &["安全管理", "访问控制"]) {
        out.retain(|c| *c != "rights");
    }
    // 账号管理, 订单管理, 管理制度: the service or the company manages, not
    // the user (CAPP-130 labels such subsections collection or security).
    if has(&out, "rights") {
        let rest = OTHERS_MANAGING.iter().fold(t.to_owned(), |acc, w| acc.replace(w, ""));
        if !matches(&rest, words_of("rights")) {
            out.retain(|c| *c != "rights");
        }
    }
    // 关闭个性化推荐, 个人信息收集和使用授权变更: the user takes back what
    // collection was given.
    if has(&out, "rights") && has(&out, "collection") && matches(t, CONSENT_CONTROL) {
        out.retain(|c| *c != "collection");
    }
    if has(&out, "rights") && has(&out, "collection") {
        if !matches(t, &["管理", "权利", "控制"]) {
            // 删除/访问 inside a collection heading (收集和使用) name no rights.
            out.retain(|c| *c != "rights");
        } else if !matches(t, &["收集"]) {
            // 控制个人信息的使用 is about the user's control, not collection.
            out.retain(|c| *c != "collection");
        }
    }
    // 储存收集的信息, 共享收集的用户信息: 收集的 only qualifies the
    // information that another broad topic is about.
    if has(&out, "collection")
        && out.iter().any(|c| matches!(*c, "sharing" | "storage" | "security" | "cross_border"))
        && !matches(&t.replace("收集的", ""), words_of("collection"))
    {
        out.retain(|c| *c != "collection");
    }
    // 隐私政策的查询与修订, 本政策的更新及访问: looking the policy up is no
    // right over one's information.
    if has(&out, "updates") && has(&out, "rights") && matches(t, POLICY_NOUNS) && !matches(t, &["权利", "管理"]) {
        out.retain(|c| *c != "rights");
    }
    if has(&out, "security") && has(&out, "minors") {
        out.retain(|c| *c != "security");
    }
    // 修改密码, 变更绑定手机号: a change of the account, not of the policy.
    if has(&out, "updates") && matches(t, ACCOUNT_OBJECTS) && !matches(t, POLICY_NOUNS) {
        out.retain(|c| *c != "updates");
    }
    // 基于日历授权的拓展功能: a feature that asks for a device permission.
    if !has(&out, "permissions") && matches(t, DEVICE_FEATURES) && matches(t, &["授权", "调用", "开启"]) {
        out.push("permissions");
    }
    // 更新 in 我们如何更新您的信息 or 访问、变更帐户信息 is a right or a
    // use; 隐私政策的更新 is the chapter.
    if has(&out, "updates")
        && (has(&out, "collection") || has(&out, "sharing") || has(&out, "rights"))
        && !matches(t, POLICY_NOUNS)
    {
        out.retain(|c| *c != "updates");
    }
    out
}

/// Word groups that the clause predicates look at, beside the categories.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    /// A category's word; strong words carry the index plus [`STRONG`].
    Category(usize),
    PolicyNoun,
    PolicyChange,
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
    /// Words of a promised reply that [`CONTACT_WORDS`] lacks.
    ReplyHint,
    Control,
    PlaceWord(usize),
    Definition,
    CrossBorder,
    Retention,
    Sdk,
}

/// One automaton over every word that clause classification looks for, so
/// that a clause is scanned once.
fn clause_matcher() -> &'static (aho_corasick::AhoCorasick, Vec<Group>) {
    static MATCHER: std::sync::OnceLock<(aho_corasick::AhoCorasick, Vec<Group>)> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        let mut patterns: Vec<&str> = Vec::new();
        let mut groups = Vec::new();
        let mut add = |words: &[&'static str], group: Group| {
            for w in words {
                patterns.push(w);
                groups.push(group);
            }
        };
        for (table, offset) in [(CLAUSE_WORDS, 0), (STRONG_CLAUSE_WORDS, STRONG)] {
            for (cat, words) in table {
                let index = CATEGORIES.iter().position(|c| c == cat).expect("clause words use taxonomy ids");
                add(words, Group::Category(index + offset));
            }
        }
        add(POLICY_NOUNS, Group::PolicyNoun);
        add(POLICY_CHANGES, Group::PolicyChange);
        add(POLICY_ACCEPTANCE, Group::PolicyAcceptance);
        add(&["点击同意", "点击\"同意"], Group::ClickToAgree);
        add(DEVICE_FEATURES, Group::DeviceFeature);
        add(DEVICE_VERBS, Group::DeviceVerb);
        add(&["权限"], Group::Permission);
        add(ACCESS_CONTROL, Group::AccessControl);
        add(CONTACT_CHANNELS, Group::ContactChannel);
        add(CONTACT_WORDS, Group::ContactWord);
        add(&["@", "电话", "热线", "客服", "tel", "致电"], Group::ChannelHint);
        add(&["响应", "处理", "予以"], Group::ReplyHint);
        add(CONTROL_WORDS, Group::Control);
        for (i, w) in PLACE_WORDS.iter().enumerate() {
            add(&[w], Group::PlaceWord(i));
        }
        add(&["是指", ":指", "指的是"], Group::Definition);
        add(CROSS_BORDER_CONTENT, Group::CrossBorder);
        add(RETENTION_CONTENT, Group::Retention);
        add(&["sdk"], Group::Sdk);
        let ac = aho_corasick::AhoCorasick::new(&patterns).expect("clause words build an automaton");
        (ac, groups)
    })
}

/// What one scan of a clause found.
#[derive(Default)]
struct Scan {
    categories: [bool; 2 * STRONG],
    /// Byte ranges of the words whose distance matters.
    policy_nouns: Vec<(usize, usize)>,
    policy_changes: Vec<(usize, usize)>,
    policy_acceptance: Vec<(usize, usize)>,
    device_features: Vec<usize>,
    device_verbs: Vec<usize>,
    click_to_agree: bool,
    permission: bool,
    access_control: bool,
    contact_channel: bool,
    contact_word: bool,
    channel_hint: bool,
    reply_hint: bool,
    control: bool,
    places: u32,
    definition_at: Option<usize>,
    cross_border: bool,
    retention: bool,
    sdk: bool,
}

fn scan(norm: &str) -> Scan {
    let (ac, groups) = clause_matcher();
    let mut s = Scan::default();
    for m in ac.find_overlapping_iter(norm) {
        let (start, end) = (m.start(), m.end());
        match groups[m.pattern().as_usize()] {
            Group::Category(i) => s.categories[i] = true,
            Group::PolicyNoun => s.policy_nouns.push((start, end)),
            Group::PolicyChange => s.policy_changes.push((start, end)),
            Group::PolicyAcceptance => s.policy_acceptance.push((start, end)),
            Group::ClickToAgree => s.click_to_agree = true,
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
        }
    }
    s
}

/// A marker that classification leaves on a clause whose words belong to
/// the contact chapter but say nothing of contact elsewhere (回复, 投诉);
/// [`contextualise`] turns it into `contact` inside that chapter and drops it
/// outside. It never reaches the report.
const CONTACT_IN_CHAPTER: &str = "~contact";

/// Offset of strong words' categories in the matcher.
const STRONG: usize = 16;

/// Markers of the topics a clause names strongly ([`STRONG_CLAUSE_WORDS`]),
/// left beside its categories until [`contextualise`] resolves them.
const STRONG_MARKERS: &[&str] =
    &["", "", "", "+collection", "", "", "", "", "+storage", "", "+security", "", "", "", "", ""];

/// Categories a clause is about, from its own words.
pub fn clause_categories(norm: &str) -> Vec<&'static str> {
    clause_topics(norm, &scan(norm)).0
}

/// Categories a clause is about from its own words, and the markers of the
/// topics it names strongly.
fn clause_topics(norm: &str, s: &Scan) -> (Vec<&'static str>, Vec<&'static str>) {
    let mut hit = s.categories;
    let strong: Vec<&'static str> =
        STRONG_MARKERS.iter().zip(&hit[STRONG..]).filter(|(m, h)| **h && !m.is_empty()).map(|(m, _)| *m).collect();
    let index = |c: &str| CATEGORIES.iter().position(|k| *k == c).unwrap_or(0);
    // A definition (个人信息：指…) is about the term, not the topic of its
    // words; 是指 further on is a sentence that explains something.
    hit[index("definitions")] = s.definition_at.is_some_and(|i| i <= 75);
    hit[index("permissions")] = is_permission(norm, s);
    hit[index("updates")] = is_about_the_policy_itself(s);
    hit[index("contact")] = gives_contact_channel(norm, s);
    let mut out: Vec<&'static str> =
        CATEGORIES.iter().zip(&hit[..STRONG]).filter(|(_, h)| **h).map(|(c, _)| *c).collect();
    if out.contains(&"cookies") {
        out.retain(|c| *c != "collection" && *c != "storage");
    }
    if out.contains(&"minors") {
        out.retain(|c| *c != "collection");
    }
    (out, strong)
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

/// Assigns categories to every node and clause of `outline`, in place.
pub fn classify(text: &str, outline: &mut [Node], normalized: &ClauseTexts) {
    for doc in outline {
        let mut ignored = ContentSignals::default();
        classify_clauses(text, normalized, doc, &mut ignored);
        for clause in &mut doc.clauses {
            clause.categories.retain(|c| c != CONTACT_IN_CHAPTER && c != CONTROL && !c.starts_with('+'));
            drop_summary_topics(&mut clause.categories);
        }
        for child in &mut doc.children {
            classify_section(text, normalized, child);
            contextualise(child, &[], false, false);
        }
    }
}

/// Topics that a section's context gives its clauses: a sentence in the
/// sharing chapter is about sharing even when it only says 合作伙伴. Contact
/// and permissions are not: in the contact chapter only the channels and
/// promises are contact, and a permission is asked for in so many words.
fn is_contextual(category: &str) -> bool {
    !matches!(category, "overview" | "other" | "definitions" | "scope" | "contact" | "permissions")
}

/// Topics a clause keeps from its own words whatever its section: the
/// narrow ones that a sentence carries alone.
fn is_own_topic(category: &str) -> bool {
    matches!(category, "permissions" | "minors" | "cookies" | "sdk" | "contact" | "updates" | "definitions")
}

/// Gives each clause the topics of its innermost section that has any; of
/// its own words it keeps the narrow topics (a permission, minors, cookies,
/// an SDK, a contact channel, a change of the policy). A definition takes
/// nothing from its section. Measured on CAPP-130 (`policylens eval`),
/// context beats keywords for the broad topics.
fn contextualise(node: &mut Node, inherited: &[String], in_contact: bool, in_permissions: bool) {
    // Inside the collection or sharing chapter, 安全 names a purpose
    // (保障交易安全所需信息, 实现安全与统计分析), not the security chapter:
    // such a subsection is about what its chapter is about.
    if node.categories == ["security"]
        && inherited.iter().any(|c| c == "collection" || c == "sharing")
        && !heading_title(node).contains("保护")
    {
        node.categories = inherited.to_vec();
    }
    // A subsection whose heading names no topic (（七）客户服务, 证件照服务)
    // is about what its chapter is about; the majority of its clauses' own
    // words (客服, 保存照片) would mislead. Narrow topics its content shows
    // (an SDK list, a permission) stay; of a chapter on several topics
    // (storing and protecting), the one its clauses show.
    if !inherited.is_empty() && node.kind == NodeKind::Section && heading_categories(&heading_title(node)).is_empty() {
        let narrow =
            node.categories.iter().filter(|c| matches!(c.as_str(), "permissions" | "minors" | "cookies" | "sdk"));
        let kept = |c: &str| matches!(c, "storage" | "security" | "cross_border");
        let shows_one = node.categories.iter().any(|c| kept(c) && inherited.contains(c));
        let mut cats: Vec<String> =
            inherited.iter().filter(|c| !shows_one || !kept(c) || node.categories.contains(c)).cloned().collect();
        // An SDK list or cookies in the chapter do not make every part of it about them.
        cats.retain(|c| c != "sdk" && c != "cookies");
        for c in narrow {
            if !cats.contains(c) {
                cats.push(c.clone());
            }
        }
        // In the taxonomy's order (a filter, not a sort: no sort code for
        // String in the wasm bundle).
        node.categories = CATEGORIES.iter().filter(|k| cats.iter().any(|c| c == *k)).map(|k| (*k).to_owned()).collect();
    }
    let own: Vec<String> = node.categories.iter().filter(|c| is_contextual(c)).cloned().collect();
    let (in_contact, in_permissions) = if node.categories.is_empty() {
        (in_contact, in_permissions)
    } else {
        let has = |k: &str| node.categories.iter().any(|c| c == k);
        (has("contact"), has("permissions") && own.is_empty())
    };
    // A section about permissions speaks of permissions, not of collection
    // at large: it passes on no broad topic (CAPP-130: collection +0.006).
    let context: Vec<String> = if !own.is_empty() {
        own
    } else if in_permissions {
        Vec::new()
    } else {
        inherited.to_vec()
    };
    for clause in &mut node.clauses {
        let weak_contact = clause.categories.iter().any(|c| c == CONTACT_IN_CHAPTER);
        let control = clause.categories.iter().any(|c| c == CONTROL);
        clause.categories.retain(|c| c != CONTACT_IN_CHAPTER && c != CONTROL);
        let definition = clause.categories.iter().any(|c| c == "definitions");
        let strong: Vec<String> =
            clause.categories.iter().filter_map(|c| c.strip_prefix('+')).map(str::to_owned).collect();
        clause.categories.retain(|c| !c.starts_with('+'));
        // The contact and permission chapters scope their clauses as a
        // topic would, though they give them none.
        if !context.is_empty() || in_contact || in_permissions {
            let mut cats = if definition { Vec::new() } else { context.clone() };
            // A chapter on storing and protecting: a clause that names one
            // of the two is about that one.
            if cats.iter().any(|c| c == "storage") && cats.iter().any(|c| c == "security") {
                let named: Vec<&String> = strong.iter().filter(|c| *c == "storage" || *c == "security").collect();
                if let [one] = named[..] {
                    let one = one.clone();
                    cats.retain(|c| (c != "storage" && c != "security") || *c == one);
                }
            }
            let strong = strong.iter().filter(|_| !definition);
            for c in clause.categories.iter().filter(|c| is_own_topic(c)).chain(strong) {
                if !cats.contains(c) {
                    cats.push(c.clone());
                }
            }
            clause.categories = cats;
        } else {
            drop_summary_topics(&mut clause.categories);
        }
        if weak_contact && in_contact && !clause.categories.iter().any(|c| c == "contact") {
            clause.categories.push("contact".to_owned());
        }
        // Turning off a permission or clearing cookies is the user's control
        // (CAPP-130: rights F1 +0.03).
        let about_control = |c: &String| c == "permissions" || c == "cookies";
        if control
            && (clause.categories.iter().any(about_control) || context.iter().any(about_control))
            && !clause.categories.iter().any(|c| c == "rights")
        {
            clause.categories.push("rights".to_owned());
        }
        if definition {
            clause.categories.retain(|c| c == "definitions");
        }
    }
    for child in &mut node.children {
        contextualise(child, &context, in_contact, in_permissions);
    }
}

/// Outside any topic's section, a sentence that names several broad topics
/// is a summary (我们会如何收集、使用、共享和保护您的信息), not a statement
/// about any of them. Measured on CAPP-130: macro F1 +0.007.
fn drop_summary_topics(categories: &mut Vec<String>) {
    let broad = |c: &String| {
        matches!(c.as_str(), "collection" | "sharing" | "storage" | "cross_border" | "security" | "rights")
    };
    if categories.iter().filter(|c| broad(c)).count() >= 2 {
        categories.retain(|c| !broad(c));
    }
}

/// Classifies the clauses a node holds directly and adds what they say to
/// `signals`. Each clause is normalised once.
fn classify_clauses(text: &str, normalized: &ClauseTexts, node: &mut Node, signals: &mut ContentSignals) {
    for clause in &mut node.clauses {
        let owned;
        let norm = match normalized.binary_search_by_key(&clause.span, |(span, _)| *span) {
            Ok(i) => normalized[i].1.as_str(),
            Err(_) => {
                owned = normalize(text.get(clause.span.start..clause.span.end).unwrap_or(""));
                owned.as_str()
            }
        };
        let found = scan(norm);
        let (own, strong) = clause_topics(norm, &found);
        clause.categories = own.into_iter().chain(strong).map(str::to_owned).collect();
        if !clause.categories.iter().any(|c| c == "contact") && belongs_to_contact_chapter(norm, &found) {
            clause.categories.push(CONTACT_IN_CHAPTER.to_owned());
        }
        if found.control {
            clause.categories.push(CONTROL.to_owned());
        }
        signals.sdk_mentions += usize::from(found.sdk);
        signals.cross_border += usize::from(found.cross_border);
        signals.retention += usize::from(found.retention);
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

/// Classifies a section and its subtree, bottom up; returns what the
/// subtree's clauses say.
fn classify_section(text: &str, normalized: &ClauseTexts, node: &mut Node) -> ContentSignals {
    let mut s = ContentSignals::default();
    classify_clauses(text, normalized, node, &mut s);
    for child in &mut node.children {
        let child_signals = classify_section(text, normalized, child);
        s.absorb(&child_signals);
        if child.kind == NodeKind::Section && child.categories.iter().any(|c| c == "sdk") {
            s.child_sdk = true;
        }
    }
    if node.kind != NodeKind::Section {
        return s;
    }
    let mut cats: Vec<&str> = heading_categories(&heading_title(node));
    let add = |cats: &mut Vec<&str>, c: &'static str| {
        if !cats.contains(&c) {
            cats.push(c);
        }
    };
    let contact_or_minors = cats.iter().any(|c| matches!(*c, "contact" | "minors" | "other" | "updates"));
    if !contact_or_minors {
        if s.child_sdk || s.sdk_mentions >= 3 {
            add(&mut cats, "sdk");
        }
        if s.cross_border >= 1 && cats.iter().any(|c| matches!(*c, "storage" | "security" | "cross_border")) {
            add(&mut cats, "cross_border");
        }
        if s.retention >= 1 && cats.iter().any(|c| matches!(*c, "security" | "cross_border")) {
            add(&mut cats, "storage");
        }
    }
    if cats.is_empty() {
        // No heading words: what most of its clauses are about, else other.
        cats.push(majority(node).unwrap_or("other"));
    }
    cats.sort_by_key(|c| CATEGORIES.iter().position(|k| k == c));
    node.categories = cats.into_iter().map(str::to_owned).collect();
    s
}

/// The category most clauses of a node carry, if one dominates.
fn majority(node: &Node) -> Option<&'static str> {
    let mut counts = [0usize; 16];
    let mut total = 0;
    for c in &node.clauses {
        total += 1;
        for cat in &c.categories {
            if let Some(i) = CATEGORIES.iter().position(|k| k == cat) {
                counts[i] += 1;
            }
        }
    }
    let (i, &n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    (total > 0 && n * 2 > total).then_some(CATEGORIES[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keyword rules' verdicts, before the clause model revises them.
    fn rules_only(text: &str) -> crate::Report {
        crate::analyze_with(text, "utf-8", &crate::clause_model::ClauseModel::empty())
    }

    #[track_caller]
    fn check(heading: &str, expect: &[&str]) {
        assert_eq!(heading_categories(&normalize(heading)), expect, "{heading}");
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
        check("5、个人敏感信息提示", &["collection"]);
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
    }

    #[test]
    fn clauses() {
        assert!(clause_categories(&normalize("我们会与合作伙伴共享您的设备信息。")).contains(&"sharing"));
        assert!(clause_categories(&normalize("我们使用 Cookie 来记住您的偏好。")).contains(&"cookies"));
        assert!(clause_categories(&normalize("儿童：指不满十四周岁的未成年人。")).contains(&"minors"));
    }

    fn own(clause: &str) -> Vec<&'static str> {
        clause_categories(&normalize(clause))
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
        let chapter = |t: &str| belongs_to_contact_chapter(&normalize(t), &scan(&normalize(t)));
        assert!(chapter("我们将在十五个工作日内回复。"));
        assert!(chapter("中国北京市海淀区上地十街10号"));
        assert!(!chapter("本政策自发布之日起生效。"));
    }

    #[test]
    fn definitions_take_no_topic_from_their_section() {
        let text = "示例隐私政策\n一、联系我们\n儿童：指不满十四周岁的未成年人。\n邮箱：a@example.com\n";
        let report = rules_only(text);
        let section = &report.outline[0].children[0];
        let cats: Vec<Vec<String>> = section.clauses.iter().map(|c| c.categories.clone()).collect();
        assert_eq!(cats, vec![vec!["definitions".to_owned()], vec!["contact".to_owned()]]);
    }

    #[test]
    fn a_summary_outside_any_topic_names_none() {
        let text =
            "示例隐私政策\n本政策说明我们如何收集、使用、共享和保护您的个人信息。\n一、联系我们\n邮箱：a@example.com\n";
        let report = rules_only(text);
        assert_eq!(report.outline[0].clauses[0].categories, Vec::<String>::new());
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
    fn turning_off_a_permission_is_a_right() {
        let text = "示例隐私政策\n一、我们如何收集和使用您的个人信息\n您可以在系统设置中关闭相机权限。\n我们会收集您的设备信息。\n";
        let report = rules_only(text);
        let clauses = &report.outline[0].children[0].clauses;
        assert_eq!(clauses[0].categories, ["collection", "permissions", "rights"]);
        assert_eq!(clauses[1].categories, ["collection"]);
    }
}
