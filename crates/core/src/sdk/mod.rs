//! Third-party SDKs and other recipients of personal information.
//!
//! So far: where a policy only points to an SDK list on another page
//! (`点此查看…SDK详情`). Extraction of the lists themselves is the SDK issue's.

use crate::report::{Node, Recipient, Sdk, Span};
use crate::text::{normalize, Lines};

/// What the SDK pass found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SdkExtraction {
    pub sdks: Vec<Sdk>,
    pub recipients: Vec<Recipient>,
    /// Where the policy says its SDK list is on another page (点此查看 …),
    /// when it gives no list in the text.
    pub external_list: Option<Span>,
}

/// Words that point elsewhere, and words that name a list or its details.
const POINTERS: &[&str] =
    &["点此查看", "点击查看", "请查看", "详见", "请查阅", "点击链接", "链接查看", "点此了解", "点击了解"];
const LISTS: &[&str] = &["详情", "清单", "列表", "目录", "说明", "名单"];

pub fn extract(text: &str, _lines: &Lines, outline: &[Node]) -> SdkExtraction {
    let mut out = SdkExtraction::default();
    if out.sdks.is_empty() {
        out.external_list = external_list(text, outline);
    }
    out
}

fn external_list(text: &str, outline: &[Node]) -> Option<Span> {
    fn walk(text: &str, n: &Node) -> Option<Span> {
        for c in &n.clauses {
            let t = normalize(text.get(c.span.start..c.span.end).unwrap_or(""));
            if t.contains("sdk") && POINTERS.iter().any(|p| t.contains(p)) && LISTS.iter().any(|l| t.contains(l)) {
                return Some(c.span);
            }
        }
        n.children.iter().find_map(|child| walk(text, child))
    }
    outline.iter().find_map(|d| walk(text, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_to_an_external_list() {
        let text = "隐私政策\n（三）SDK的使用\n我们会嵌入授权合作伙伴的SDK（您可点此查看我们接入授权合作伙伴的SDK详情说明）。\n";
        let r = crate::analyze(text);
        let lines = Lines::new(text);
        let ext = extract(text, &lines, &r.outline).external_list.unwrap();
        assert!(text[ext.start..ext.end].starts_with("我们会嵌入"));
        let plain = "隐私政策\n我们使用友盟SDK统计崩溃信息。\n";
        assert_eq!(extract(plain, &Lines::new(plain), &crate::analyze(plain).outline).external_list, None);
    }
}
