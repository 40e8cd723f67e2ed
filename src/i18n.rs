//! Interface strings in Chinese (the default) and English.

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
    CATEGORIES.iter().find(|(k, _, _)| *k == id).map_or(id, |(_, zh, en)| if lang == Lang::Zh { zh } else { en })
}
