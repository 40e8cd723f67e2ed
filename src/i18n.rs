//! Interface strings in Chinese (the default) and English: every string the
//! interface shows ([`Lang::strings`]), the messages ([`Notice`]) and the
//! display names of the ids the core reports (categories, data groups,
//! recipient kinds). No view picks a language's text itself.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The code for `lang` attributes (`<html lang>`, the switch button).
    pub fn html_code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The other language: the one the switch button offers.
    pub fn other(self) -> Self {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Chooses between a Chinese and an English value that comes from
    /// elsewhere (the core's rule registry, the tables below).
    /// The core's language, for the messages it renders (finding details).
    pub fn core(self) -> policylens_core::rules::messages::Lang {
        self.pick(policylens_core::rules::messages::Lang::Zh, policylens_core::rules::messages::Lang::En)
    }

    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// Every string the interface shows.
#[derive(Debug)]
pub struct Strings {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub switch_lang: &'static str,
    pub input_label: &'static str,
    pub input_placeholder: &'static str,
    pub drop_hint: &'static str,
    pub pick_file: &'static str,
    pub load_example: &'static str,
    pub export_json: &'static str,
    pub share: &'static str,
    pub share_done: &'static str,
    pub share_failed: &'static str,
    pub share_copied: &'static str,
    pub share_long: &'static str,
    pub fragment_too_large: &'static str,
    pub fragment_invalid: &'static str,
    pub fragment_not_utf8: &'static str,
    pub export_markdown: &'static str,
    pub outline: &'static str,
    pub checklist: &'static str,
    pub findings: &'static str,
    pub sdk_map: &'static str,
    pub facts: &'static str,
    pub empty_outline: &'static str,
    pub untitled_document: &'static str,
    pub toc: &'static str,
    pub not_yet: &'static str,
    pub no_sdks: &'static str,
    pub unsupported_file: &'static str,
    pub undecodable: &'static str,
    pub file_read_error: &'static str,
    pub not_a_policy: &'static str,
    pub save_draft: &'static str,
    pub results: &'static str,
    pub to_text: &'static str,
    /// Under the edit button: a paste anywhere on the page replaces the policy.
    pub paste_anywhere: &'static str,
    pub sensitive_chips: &'static str,
    pub status_covered: &'static str,
    pub status_partial: &'static str,
    pub status_missing: &'static str,
    pub severity_must: &'static str,
    pub severity_should: &'static str,
    pub severity_info: &'static str,
    pub how_to_fix: &'static str,
    /// Why a checklist row is partial, by `PartialReason`.
    pub reason_clauses_only: &'static str,
    /// Before the headings between which a missing section belongs.
    pub belongs: &'static str,
    pub belongs_after: &'static str,
    pub belongs_before: &'static str,
    pub reason_no_retention: &'static str,
    pub reason_no_channel: &'static str,
    /// A covered row whose rules fail.
    pub rules_failing: &'static str,
    pub legal_basis: &'static str,
    /// A finding's status, as a badge.
    pub finding_fail: &'static str,
    /// What a fail or warning rests on, with a tooltip each.
    pub basis_missing: &'static str,
    pub basis_missing_title: &'static str,
    pub basis_stated: &'static str,
    pub basis_stated_title: &'static str,
    pub finding_warn: &'static str,
    pub finding_pass: &'static str,
    pub judged_by: &'static str,
    pub legal_standard: &'static str,
    pub legal_not_included: &'static str,
    pub legal_loading: &'static str,
    pub legal_failed: &'static str,
    pub close: &'static str,
    pub fix_first: &'static str,
    pub no_problems: &'static str,
    pub fact_effective: &'static str,
    pub fact_updated: &'static str,
    pub fact_controller: &'static str,
    pub fact_email: &'static str,
    pub fact_phone: &'static str,
    pub fact_reply_within: &'static str,
    pub fact_children_age: &'static str,
    pub unit_days: &'static str,
    pub unit_working_days: &'static str,
    pub export_svg: &'static str,
    pub map_title: &'static str,
    pub map_headers: [&'static str; 3],
    pub map_other_recipients: &'static str,
    pub map_legend_title: &'static str,
    /// The legend: the drawing's columns, the list's cards, sensitive data,
    /// SDKs, incomplete SDK entries, other recipients, the lines, the keys.
    pub map_legend: [&'static str; 8],
    pub skip_to_map: &'static str,
    pub skip_to_findings: &'static str,
    pub uncategorised: &'static str,
    /// Between a name and what follows it ("支付机构：会员名").
    pub colon: &'static str,
    /// Between the parts of a joined category name.
    pub list_sep: &'static str,
    pub sdk: &'static str,
    pub provider: &'static str,
    pub purpose: &'static str,
    pub data: &'static str,
    pub permissions: &'static str,
    pub privacy_policy: &'static str,
    pub missing: &'static str,
    pub clause: &'static str,
    pub document: &'static str,
    pub missing_provider: &'static str,
    pub missing_purpose: &'static str,
    pub missing_data: &'static str,
    pub missing_link: &'static str,
    pub from_knowledge_base: &'static str,
    pub not_stated: &'static str,
    pub not_given: &'static str,
    pub passed: fn(usize) -> String,
    pub all_problems: fn(usize) -> String,
    pub too_large: fn(usize, usize) -> String,
    pub summary: fn(usize, usize, usize) -> String,
    pub stats: fn(usize, usize, f64) -> String,
}

pub static ZH: Strings = Strings {
    app_title: "PolicyLens 隐私政策透镜",
    tagline: "在浏览器中分析隐私政策：文本不会离开本页面。",
    switch_lang: "English",
    input_label: "隐私政策文本",
    input_placeholder: "在此粘贴隐私政策全文，或将 .txt / .md / .html 文件拖放到这里……",
    drop_hint: "可拖放文件",
    pick_file: "选择文件",
    load_example: "载入示例",
    export_json: "导出 JSON",
    share: "生成分享链接",
    share_done: "已把政策压缩进地址栏中的链接（# 之后的部分不会发送给任何服务器）。",
    share_failed: "无法生成分享链接。",
    share_copied: "分享链接已复制到剪贴板（# 之后的部分不会发送给任何服务器）。",
    share_long: "分享链接已生成，但超过 32 KB：部分聊天软件和邮件会截断这么长的链接，建议改为发送文件。",
    fragment_too_large: "链接中的政策解压后超过 8 MB，已停止读取。请改用文件打开。",
    fragment_invalid: "链接中的政策不完整或已损坏（可能在复制时被截断），无法读取。",
    fragment_not_utf8: "链接中的内容不是 UTF-8 文本，无法读取。",
    export_markdown: "导出 Markdown",
    outline: "目录结构",
    checklist: "章节清单",
    findings: "问题",
    sdk_map: "第三方 SDK 数据流",
    facts: "关键信息",
    empty_outline: "粘贴政策文本后，这里会显示它的目录结构。",
    untitled_document: "（无标题文档）",
    toc: "目录",
    not_yet: "暂无结果。",
    no_sdks: "未发现第三方 SDK。",
    unsupported_file: "无法直接读取 PDF 或 Word 文件：请在阅读器中全选并复制文字，再粘贴到这里，或另存为 .txt 后拖入。",
    undecodable: "无法识别文件编码（支持 UTF-8、UTF-16、GB18030/GBK）。",
    file_read_error: "读取文件失败。",
    not_a_policy: "这段文字看起来不是中文隐私政策（未出现“隐私”“个人信息”等用语），因此不生成章节清单和问题。",
    save_draft: "在本机保存草稿（刷新后恢复；不会上传）",
    results: "分析结果",
    to_text: "编辑原文",
    paste_anywhere: "在页面任意处粘贴（Ctrl+V），即可分析另一份政策。",
    sensitive_chips: "敏感个人信息",
    status_covered: "已覆盖",
    status_partial: "部分覆盖",
    status_missing: "缺失",
    severity_must: "必须（法定要求）",
    severity_should: "应当（国家标准与良好实践）",
    severity_info: "提示",
    how_to_fix: "如何修改",
    reason_clauses_only: "没有专门的章节，只有其他章节中的零散语句提及。",
    belongs: "按模板顺序，这一章应放在",
    belongs_after: "之后",
    belongs_before: "之前",
    reason_no_retention: "有存储章节，但未写明保存期限。",
    reason_no_channel: "有联系章节，但未给出邮箱、电话或地址。",
    rules_failing: "有此章节，但下列规则未通过：",
    legal_basis: "法律依据",
    finding_fail: "未通过",
    basis_missing: "未找到",
    basis_missing_title: "规则在文中没有找到所要求的内容；若政策用其他说法写了，请核对。",
    basis_stated: "文本所示",
    basis_stated_title: "政策原文写明了规则所指出的问题，见引用的条款。",
    finding_warn: "待改进",
    finding_pass: "通过",
    judged_by: "相关规则",
    legal_standard: "国家标准，不含正文",
    legal_not_included: "未收录正文",
    legal_loading: "正在载入条文……",
    legal_failed: "条文载入失败",
    close: "关闭",
    fix_first: "优先处理",
    no_problems: "未发现问题。",
    fact_effective: "生效日期",
    fact_updated: "更新日期",
    fact_controller: "个人信息处理者",
    fact_email: "邮箱",
    fact_phone: "电话",
    fact_reply_within: "答复时限",
    fact_children_age: "儿童年龄",
    unit_days: "天",
    unit_working_days: "个工作日",
    export_svg: "导出 SVG",
    map_title: "第三方 SDK 个人信息流向图",
    map_headers: ["个人信息类型", "第三方 SDK（按类别）", "提供方"],
    map_other_recipients: "其他接收方（非 SDK）",
    map_legend_title: "图例",
    map_legend: [
        "从左到右：个人信息类型 → 接收它的 SDK（按类别）→ 提供方；连线即政策写明的流向。",
        "每张卡片：一个 SDK 或其他接收方、其提供方和它获得的个人信息。",
        "红色、带 ⚠：敏感个人信息及其流向",
        "蓝框：第三方 SDK",
        "橙框：SDK 说明不完整（缺提供方、目的、信息类型或隐私政策链接）",
        "虚线框：不是 SDK 的其他接收方（支付机构、关联方等）",
        "蓝线：SDK 所属的提供方；灰线：一般个人信息的流向",
        "点按 SDK 看详情；↑↓ 移动，Esc 取消选择。",
    ],
    skip_to_map: "跳到 SDK 地图",
    skip_to_findings: "跳到问题",
    uncategorised: "未分类",
    colon: "：",
    list_sep: "、",
    sdk: "SDK",
    provider: "提供方",
    purpose: "使用目的",
    data: "个人信息",
    permissions: "权限",
    privacy_policy: "隐私政策",
    missing: "缺少",
    clause: "原文",
    document: "政策原文",
    missing_provider: "提供方",
    missing_purpose: "使用目的",
    missing_data: "个人信息类型",
    missing_link: "隐私政策链接",
    from_knowledge_base: "（据知识库，政策未写明）",
    not_stated: "未说明",
    not_given: "未提供",
    passed: |n| format!("已满足 {n} 项"),
    all_problems: |n| format!("全部 {n} 个问题"),
    too_large: |size, max| {
        format!("文本过大（{:.1} MB），超过页面可分析的上限 {} MB：文字仍保留在编辑框中。请删减后再试，或使用命令行工具 policylens。", size as f64 / 1_048_576.0, max >> 20)
    },
    summary: |must, sdks, sensitive| {
        format!("{must} 项必须项未满足 · {sdks} 个第三方 SDK · {sensitive} 类敏感个人信息")
    },
    stats: |sections, clauses, ms| format!("{sections} 个章节 · {clauses} 个条款 · 分析用时 {ms:.1} 毫秒"),
};

pub static EN: Strings = Strings {
    app_title: "PolicyLens",
    tagline: "Privacy-policy review in your browser: the text never leaves this page.",
    switch_lang: "中文",
    input_label: "Privacy policy text",
    input_placeholder: "Paste a privacy policy here, or drop a .txt / .md / .html file…",
    drop_hint: "Drop a file",
    pick_file: "Choose file",
    load_example: "Load example",
    export_json: "Export JSON",
    share: "Share link",
    share_done: "The policy is now compressed into the link in the address bar (the part after # is never sent to a server).",
    share_failed: "Could not make a share link.",
    share_copied: "The share link is copied to the clipboard (the part after # is never sent to a server).",
    share_long: "The share link is made, but it is over 32 KB: some chat apps and mailers cut links this long; consider sending the file.",
    fragment_too_large: "The policy in the link unpacks to more than 8 MB; reading stopped. Open it as a file instead.",
    fragment_invalid: "The policy in the link is incomplete or damaged (perhaps cut off when copied) and cannot be read.",
    fragment_not_utf8: "The link does not hold UTF-8 text and cannot be read.",
    export_markdown: "Export Markdown",
    outline: "Outline",
    checklist: "Checklist",
    findings: "Findings",
    sdk_map: "Third-party SDK data flows",
    facts: "Key facts",
    empty_outline: "Paste a policy to see its outline here.",
    untitled_document: "(untitled document)",
    toc: "Table of contents",
    not_yet: "Nothing yet.",
    no_sdks: "No third-party SDKs found.",
    unsupported_file: "PDF and Word files cannot be read directly: select all text in your reader, copy and paste it here, or save it as .txt and drop that.",
    undecodable: "Could not detect the file's encoding (UTF-8, UTF-16 and GB18030/GBK are supported).",
    file_read_error: "Could not read the file.",
    not_a_policy: "This text does not read like a Chinese privacy policy (it never mentions 隐私 or 个人信息), so no checklist or findings are shown.",
    save_draft: "Save my draft on this device (restored after a reload; never uploaded)",
    results: "Results",
    to_text: "Edit the text",
    paste_anywhere: "Paste anywhere on the page (Ctrl+V) to analyse another policy.",
    sensitive_chips: "Sensitive personal information",
    status_covered: "covered",
    status_partial: "partial",
    status_missing: "missing",
    severity_must: "Must (statutory)",
    severity_should: "Should (national standards, good practice)",
    severity_info: "Notes",
    how_to_fix: "How to fix",
    reason_clauses_only: "No section is about it; only sentences in other sections touch it.",
    belongs: "In the template's order, this section belongs",
    belongs_after: "after",
    belongs_before: "before",
    reason_no_retention: "A storage section, but no retention period.",
    reason_no_channel: "A contact section, but no e-mail, phone or address.",
    rules_failing: "The section is there, but rules below fail:",
    legal_basis: "Legal basis",
    finding_fail: "fail",
    basis_missing: "not found",
    basis_missing_title: "The rule did not find what it asks for; check whether the policy says it in other words.",
    basis_stated: "in the text",
    basis_stated_title: "The policy's own words show the problem; see the clauses cited.",
    finding_warn: "warn",
    finding_pass: "pass",
    judged_by: "Rules",
    legal_standard: "national standard, text not included",
    legal_not_included: "text not included",
    legal_loading: "Loading the article…",
    legal_failed: "Could not load the article",
    close: "Close",
    fix_first: "Fix these first",
    no_problems: "No problems found.",
    fact_effective: "Effective",
    fact_updated: "Updated",
    fact_controller: "Controller",
    fact_email: "Email",
    fact_phone: "Phone",
    fact_reply_within: "Reply within",
    fact_children_age: "Children under",
    unit_days: " days",
    unit_working_days: " working days",
    export_svg: "Export SVG",
    map_title: "Map of personal information flowing to third-party SDKs",
    map_headers: ["Personal information", "Third-party SDKs (by category)", "Providers"],
    map_other_recipients: "Other recipients (not SDKs)",
    map_legend_title: "Legend",
    map_legend: [
        "Left to right: kinds of personal information → the SDKs receiving them (by category) → their providers; each line is a flow the policy states.",
        "Each card: an SDK or other recipient, its provider and the personal information it receives.",
        "Red, with ⚠: sensitive personal information and its flows",
        "Blue border: a third-party SDK",
        "Amber border: an incomplete SDK entry (no provider, purpose, data or policy link)",
        "Dashed border: a recipient that is not an SDK (payment institutions, affiliates…)",
        "Blue lines: an SDK's provider; grey lines: flows of ordinary personal information",
        "Click an SDK for details; ↑↓ move, Esc deselects.",
    ],
    skip_to_map: "Skip to the SDK map",
    skip_to_findings: "Skip to the findings",
    uncategorised: "Uncategorised",
    colon: ": ",
    list_sep: ", ",
    sdk: "SDK",
    provider: "Provider",
    purpose: "Purpose",
    data: "Data",
    permissions: "Permissions",
    privacy_policy: "Privacy policy",
    missing: "Missing",
    clause: "Clause",
    document: "Policy text",
    missing_provider: "provider",
    missing_purpose: "purpose",
    missing_data: "kinds of data",
    missing_link: "privacy-policy link",
    from_knowledge_base: " (from the knowledge base; not stated in the policy)",
    not_stated: "not stated",
    not_given: "not given",
    passed: |n| format!("{n} rules pass"),
    all_problems: |n| format!("All {n} problems"),
    too_large: |size, max| format!("The text is too large ({:.1} MB) for the page, whose limit is {} MB: it stays in the editor. Shorten it, or use the policylens command-line tool.", size as f64 / 1_048_576.0, max >> 20),
    summary: |must, sdks, sensitive| format!("{must} must-items fail · {sdks} third-party SDKs · {sensitive} sensitive kinds of data"),
    stats: |sections, clauses, ms| format!("{sections} sections · {clauses} clauses · analysed in {ms:.1} ms"),
};

/// The taxonomy's categories in checklist order, with their names.
pub const CATEGORIES: &[(&str, &str, &str)] = &[
    ("overview", "引言与提示", "Overview"),
    ("definitions", "定义", "Definitions"),
    ("scope", "适用范围", "Scope"),
    ("collection", "收集和使用", "Collection and use"),
    ("permissions", "系统权限", "Device permissions"),
    ("cookies", "Cookie 和同类技术", "Cookies and similar"),
    ("sdk", "第三方 SDK", "Third-party SDKs"),
    ("sharing", "共享、委托、转让、公开披露", "Sharing and disclosure"),
    ("storage", "存储", "Storage and retention"),
    ("cross_border", "跨境传输", "Cross-border transfer"),
    ("security", "安全保护", "Security"),
    ("rights", "您的权利", "Your rights"),
    ("minors", "未成年人", "Minors"),
    ("updates", "更新", "Updates"),
    ("contact", "联系我们", "Contact"),
    ("other", "其他", "Other"),
];

/// The display name of a category id.
pub fn category_name(id: &str, lang: Lang) -> &str {
    CATEGORIES.iter().find(|(k, _, _)| *k == id).map_or(id, |&(_, zh, en)| lang.pick(zh, en))
}

/// A message the shell shows above the report. Kept as a key, not as text,
/// so that it is shown in the interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    FileReadError,
    UnsupportedFile,
    Undecodable,
    ShareDone,
    ShareCopied,
    ShareLong,
    ShareFailed,
    FragmentTooLarge,
    FragmentInvalid,
    FragmentNotUtf8,
}

impl Notice {
    pub fn text(self, lang: Lang) -> &'static str {
        let s = lang.strings();
        match self {
            Notice::FileReadError => s.file_read_error,
            Notice::UnsupportedFile => s.unsupported_file,
            Notice::Undecodable => s.undecodable,
            Notice::ShareDone => s.share_done,
            Notice::ShareCopied => s.share_copied,
            Notice::ShareLong => s.share_long,
            Notice::ShareFailed => s.share_failed,
            Notice::FragmentTooLarge => s.fragment_too_large,
            Notice::FragmentInvalid => s.fragment_invalid,
            Notice::FragmentNotUtf8 => s.fragment_not_utf8,
        }
    }

    /// The notice for a fragment that boot.js could not read (its
    /// `FragmentError` kind).
    pub fn of_fragment_error(kind: &str) -> Notice {
        match kind {
            "too_large" => Notice::FragmentTooLarge,
            "not_utf8" => Notice::FragmentNotUtf8,
            _ => Notice::FragmentInvalid,
        }
    }
}

/// `(id, Chinese, English)` rows: the display names of ids the core reports.
type Names = [(&'static str, &'static str, &'static str)];

fn lookup(table: &'static Names, id: &str, lang: Lang) -> Option<&'static str> {
    table.iter().find(|(k, _, _)| *k == id).map(|&(_, zh, en)| lang.pick(zh, en))
}

/// The personal-information groups of the core's data vocabulary.
const GROUPS: &Names = &[
    ("identity_basic", "个人基本资料/账号", "Basic profile & account"),
    ("credentials", "账号鉴别信息", "Credentials"),
    ("gov_id", "身份证件/实名信息", "ID documents"),
    ("biometric", "生物识别信息", "Biometrics"),
    ("financial", "金融账户/财产信息", "Financial accounts"),
    ("health", "医疗健康信息", "Health"),
    ("location_precise", "精确位置/行踪轨迹", "Precise location"),
    ("location_coarse", "粗略位置", "Coarse location"),
    ("communications", "通讯/社交关系", "Contacts & messages"),
    ("browsing", "上网与使用记录", "Browsing & usage"),
    ("beliefs_status", "其他敏感信息", "Other sensitive"),
    ("minor", "未成年人信息", "Minors' data"),
    ("device_id", "设备标识符", "Device identifiers"),
    ("device_info", "设备信息", "Device information"),
    ("network", "网络信息", "Network"),
    ("app_list", "应用列表", "Installed apps"),
    ("sensors", "传感器信息", "Sensors"),
    ("media", "文件与媒体", "Files & media"),
    ("camera", "摄像头", "Camera"),
    ("microphone", "麦克风", "Microphone"),
    ("clipboard", "剪切板", "Clipboard"),
    ("calendar", "日历", "Calendar"),
    ("cookies", "Cookie 与同类技术", "Cookies"),
    ("other", "其他", "Other"),
];

/// The kinds of recipient that are not SDKs.
const RECIPIENT_KINDS: &Names = &[
    ("payment", "支付机构", "payment"),
    ("affiliate", "关联方", "affiliate"),
    ("partner", "合作伙伴", "partner"),
    ("logistics", "物流", "logistics"),
    ("merchant", "商家", "merchant"),
];

/// The parts of SDK category names (`analytics/crash` has two), by their
/// lower-case ids with `-` for `_`; synonyms have a row each.
const SDK_CATEGORY_PARTS: &Names = &[
    ("push", "推送", "Push"),
    ("push-vendor", "推送", "Push"),
    ("ads", "广告", "Ads"),
    ("ads-mediation", "广告", "Ads"),
    ("analytics", "统计分析", "Analytics"),
    ("attribution", "归因", "Attribution"),
    ("map", "地图定位", "Maps & location"),
    ("location", "地图定位", "Maps & location"),
    ("payment", "支付", "Payment"),
    ("login", "登录", "Login"),
    ("share", "分享", "Share"),
    ("social", "分享", "Share"),
    ("sms", "短信", "SMS"),
    ("one-tap-login", "一键登录", "One-tap login"),
    ("one tap login", "一键登录", "One-tap login"),
    ("crash", "崩溃监测", "Crash reporting"),
    ("crash reporting", "崩溃监测", "Crash reporting"),
    ("apm", "崩溃监测", "Crash reporting"),
    ("im", "即时通讯/音视频", "IM & RTC"),
    ("rtc", "即时通讯/音视频", "IM & RTC"),
    ("im-rtc", "即时通讯/音视频", "IM & RTC"),
    ("voice", "语音", "Voice"),
    ("customer-service", "客服", "Customer service"),
    ("customer service", "客服", "Customer service"),
    ("risk-control", "风控", "Risk control"),
    ("risk control", "风控", "Risk control"),
    ("captcha", "风控", "Risk control"),
    ("anti-cheat", "风控", "Risk control"),
    ("content-moderation", "内容审核", "Content moderation"),
    ("identity", "身份认证", "Identity"),
    ("face", "身份认证", "Identity"),
    ("ocr", "身份认证", "Identity"),
    ("device-id", "设备标识", "Device ID"),
    ("app-hardening", "应用加固", "App hardening"),
    ("cloud", "云服务/媒体", "Cloud & media"),
    ("media", "云服务/媒体", "Cloud & media"),
    ("video", "云服务/媒体", "Cloud & media"),
    ("ecommerce", "电商", "E-commerce"),
    ("webview", "浏览器内核", "Webview"),
    ("login-share", "登录分享", "Login & share"),
    ("crash-apm", "崩溃与性能监测", "Crash & performance"),
    ("one-click-login", "一键登录", "One-tap login"),
    ("av", "音视频", "Audio & video"),
    ("ocr-face", "人脸与证件识别", "Face & OCR"),
    ("speech", "语音", "Speech"),
    ("game", "游戏", "Games"),
    ("hardening", "应用加固", "App hardening"),
    ("framework", "开发框架", "Frameworks"),
    ("library", "开源组件", "Libraries"),
    ("other", "其他", "Other"),
];

/// The display name of a personal-information group (the id itself when
/// the table lacks it).
pub fn group_name(id: &str, lang: Lang) -> String {
    lookup(GROUPS, id, lang).unwrap_or(id).to_owned()
}

/// The display name of a kind of recipient.
pub fn recipient_kind_name(kind: &str, lang: Lang) -> String {
    lookup(RECIPIENT_KINDS, kind, lang).unwrap_or(kind).to_owned()
}

/// The display name of one part of an SDK category.
pub fn sdk_category_part_name(part: &str, lang: Lang) -> String {
    let key = part.to_ascii_lowercase().replace('_', "-");
    lookup(SDK_CATEGORY_PARTS, &key, lang).unwrap_or(part).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_language_and_unknown_ids_stay_as_they_are() {
        assert_eq!(group_name("gov_id", Lang::Zh), "身份证件/实名信息");
        assert_eq!(group_name("gov_id", Lang::En), "ID documents");
        assert_eq!(group_name("made_up", Lang::En), "made_up");
        assert_eq!(recipient_kind_name("payment", Lang::Zh), "支付机构");
        assert_eq!(recipient_kind_name("bank", Lang::Zh), "bank");
        // SDK category parts: case and `_` do not matter; synonyms share a name.
        assert_eq!(sdk_category_part_name("Push_Vendor", Lang::Zh), "推送");
        assert_eq!(sdk_category_part_name("social", Lang::En), "Share");
        assert_eq!(sdk_category_part_name("Quantum", Lang::En), "Quantum");
        assert_eq!(category_name("sdk", Lang::En), "Third-party SDKs");
    }

    #[test]
    fn every_notice_and_language_has_its_own_text() {
        let notices = [
            Notice::FileReadError,
            Notice::UnsupportedFile,
            Notice::Undecodable,
            Notice::ShareDone,
            Notice::ShareCopied,
            Notice::ShareLong,
            Notice::ShareFailed,
            Notice::FragmentTooLarge,
            Notice::FragmentInvalid,
            Notice::FragmentNotUtf8,
        ];
        for n in notices {
            assert_ne!(n.text(Lang::Zh), n.text(Lang::En), "{n:?}");
        }
        assert_eq!(Notice::of_fragment_error("too_large"), Notice::FragmentTooLarge);
        assert_eq!(Notice::of_fragment_error("what"), Notice::FragmentInvalid);
        assert_eq!(Lang::Zh.other().html_code(), "en");
        assert_eq!(Lang::En.other().html_code(), "zh-CN");
        assert_eq!((ZH.passed)(3), "已满足 3 项");
        assert_eq!((EN.all_problems)(7), "All 7 problems");
    }
}
