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
    ("definitions", &["定义", "名词解释", "术语", "释义"]),
    ("scope", &["适用范围", "适用于", "适用的范围"]),
    (
        "collection",
        &["收集", "使用您的", "使用收集", "使用个人", "使用的信息", "如何使用信息", "获取的信息", "使用用户信息"],
    ),
    ("permissions", &["权限"]),
    ("cookies", &["cookie", "网站信标", "像素标签", "同类技术", "相关技术"]),
    ("sdk", &["sdk", "软件开发工具包", "第三方服务商", "接入第三方", "第三方插件"]),
    (
        "sharing",
        &["共享", "转让", "公开披露", "披露", "委托处理", "对外提供", "我们分享", "分享的信息", "提供给第三方"],
    ),
    ("storage", &["存储", "保存", "储存", "保留", "存放", "期限"]),
    ("cross_border", &["跨境", "境外", "全球范围", "出境", "传输", "转移"]),
    ("security", &["安全", "保护您的", "保护个人", "保护用户", "保护信息", "如何保护", "保护和"]),
    (
        "rights",
        &["管理", "您的权利", "用户权利", "个人信息权利", "访问", "更正", "删除", "注销", "撤回", "控制您的", "查询"],
    ),
    ("minors", &["未成年", "儿童", "不满十四", "不满14"]),
    ("updates", &["更新", "修订", "变更", "修改"]),
    ("contact", &["联系我们", "联系方式", "如何联系", "联系"]),
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
    ("permissions", &["权限", "相机", "摄像头", "麦克风", "相册", "通讯录", "位置信息", "定位", "存储空间", "日历"]),
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
    ("updates", &["更新", "修订", "变更", "修改本", "本政策的", "重大变化", "弹窗", "生效"]),
    ("contact", &["联系我们", "联系方式", "客服", "电话", "邮箱", "@", "地址", "反馈", "投诉", "举报"]),
];

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

/// Categories that a heading names.
pub fn heading_categories(title: &str) -> Vec<&'static str> {
    let t = title;
    // Minors and contact name their sections alone: 未成年人信息安全的特别约定
    // is about minors, not security.
    if matches(t, &["未成年", "儿童", "不满十四", "不满14"]) {
        return vec!["minors"];
    }
    if matches(t, &["联系我们", "如何联系", "联系方式"]) {
        return vec!["contact"];
    }
    // What users publish or receive is `other`: 您分享的信息, 我们向您发送的信息.
    if matches(t, &["您分享", "您公开", "您发布", "向您发送", "发送的信息", "广告", "法律声明", "知识产权"])
    {
        return vec!["other"];
    }
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
    if has(&out, "rights") && has(&out, "collection") && !matches(t, &["管理", "权利"]) {
        // 删除/访问 inside a collection heading (收集和使用) name no rights.
        out.retain(|c| *c != "rights");
    }
    if has(&out, "security") && has(&out, "minors") {
        out.retain(|c| *c != "security");
    }
    // 更新 in 我们如何更新您的信息 is rare; 隐私政策的更新 is the chapter.
    if has(&out, "updates") && (has(&out, "collection") || has(&out, "sharing")) {
        out.retain(|c| *c != "updates");
    }
    out
}

/// One automaton over every clause word, so that a clause is scanned once.
fn clause_matcher() -> &'static (aho_corasick::AhoCorasick, Vec<usize>) {
    static MATCHER: std::sync::OnceLock<(aho_corasick::AhoCorasick, Vec<usize>)> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut category_of = Vec::new();
        for (cat, words) in CLAUSE_WORDS {
            let index = CATEGORIES.iter().position(|c| c == cat).expect("clause words use taxonomy ids");
            for w in *words {
                patterns.push(*w);
                category_of.push(index);
            }
        }
        let ac = aho_corasick::AhoCorasick::new(&patterns).expect("clause words build an automaton");
        (ac, category_of)
    })
}

/// Categories a clause is about.
pub fn clause_categories(norm: &str) -> Vec<&'static str> {
    let (ac, category_of) = clause_matcher();
    let mut hit = [false; 16];
    for m in ac.find_overlapping_iter(norm) {
        hit[category_of[m.pattern().as_usize()]] = true;
    }
    let mut out: Vec<&'static str> = CATEGORIES.iter().zip(hit).filter(|(_, h)| *h).map(|(c, _)| *c).collect();
    if out.contains(&"cookies") {
        out.retain(|c| *c != "collection" && *c != "storage");
    }
    if out.contains(&"minors") {
        out.retain(|c| *c != "collection");
    }
    out
}

/// Assigns categories to every node and clause of `outline`, in place.
pub fn classify(text: &str, outline: &mut [Node]) {
    for doc in outline {
        let mut ignored = ContentSignals::default();
        classify_clauses(text, doc, &mut ignored);
        for child in &mut doc.children {
            classify_section(text, child);
            contextualise(child, &[]);
        }
    }
}

/// Topics that a section's context gives its clauses: a sentence in the
/// sharing chapter is about sharing even when it only says 合作伙伴.
fn is_contextual(category: &str) -> bool {
    !matches!(category, "overview" | "other" | "definitions" | "scope")
}

/// Gives each clause the topics of its innermost section that has any; of
/// its own words it keeps the narrow topics that sentences carry on their own
/// (a permission, minors, cookies, an SDK). Measured on CAPP-130, context
/// beats keywords for the broad topics (macro F1 0.59 against 0.51).
fn contextualise(node: &mut Node, inherited: &[String]) {
    let own: Vec<String> = node.categories.iter().filter(|c| is_contextual(c)).cloned().collect();
    let context: Vec<String> = if own.is_empty() { inherited.to_vec() } else { own };
    if !context.is_empty() {
        for clause in &mut node.clauses {
            let mut cats = context.clone();
            for c in &clause.categories {
                if matches!(c.as_str(), "permissions" | "minors" | "cookies" | "sdk") && !cats.contains(c) {
                    cats.push(c.clone());
                }
            }
            clause.categories = cats;
        }
    }
    for child in &mut node.children {
        contextualise(child, &context);
    }
}

/// Classifies the clauses a node holds directly and adds what they say to
/// `signals`. Each clause is normalised once.
fn classify_clauses(text: &str, node: &mut Node, signals: &mut ContentSignals) {
    for clause in &mut node.clauses {
        let norm = normalize(text.get(clause.span.start..clause.span.end).unwrap_or(""));
        clause.categories = clause_categories(&norm).into_iter().map(str::to_owned).collect();
        if norm.contains("sdk") {
            signals.sdk_mentions += 1;
        }
        if matches(&norm, CROSS_BORDER_CONTENT) {
            signals.cross_border += 1;
        }
        if matches(&norm, RETENTION_CONTENT) {
            signals.retention += 1;
        }
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
fn classify_section(text: &str, node: &mut Node) -> ContentSignals {
    let mut s = ContentSignals::default();
    classify_clauses(text, node, &mut s);
    for child in &mut node.children {
        let child_signals = classify_section(text, child);
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
    fn clauses() {
        assert!(clause_categories(&normalize("我们会与合作伙伴共享您的设备信息。")).contains(&"sharing"));
        assert!(clause_categories(&normalize("我们使用 Cookie 来记住您的偏好。")).contains(&"cookies"));
        assert!(clause_categories(&normalize("儿童：指不满十四周岁的未成年人。")).contains(&"minors"));
    }
}
