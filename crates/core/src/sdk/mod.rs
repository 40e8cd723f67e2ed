//! Third-party SDKs and other recipients of personal information.
//!
//! Placeholder: extracts nothing yet (issue: SDK extraction and map).

use crate::report::{Node, Recipient, Sdk, Span};
use crate::text::Lines;

/// What the SDK pass found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SdkExtraction {
    pub sdks: Vec<Sdk>,
    pub recipients: Vec<Recipient>,
    /// Where the policy says its SDK list is on another page (点此查看 …),
    /// when it gives no list in the text.
    pub external_list: Option<Span>,
}

pub fn extract(_text: &str, _lines: &Lines, _outline: &[Node]) -> SdkExtraction {
    SdkExtraction::default()
}
