//! Decoding dropped files with the browser's TextDecoder, which knows
//! UTF-16 and GB18030; this keeps encoding tables out of the wasm bundle.
//! PDF, Word and other binary documents are refused with a message.

use wasm_bindgen::JsValue;
use web_sys::{TextDecoder, TextDecoderOptions};

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// PDF, Word and other binary documents.
    Unsupported,
    /// Not UTF-8, UTF-16 or GB18030.
    Undecodable,
}

/// Rejects files that are not text, by name and by their first bytes.
pub fn check_kind(name: &str, bytes: &[u8]) -> Result<(), FileError> {
    let lower = name.to_ascii_lowercase();
    let binary_ext = [".pdf", ".doc", ".docx", ".odt", ".rtf", ".pages", ".wps"].iter().any(|e| lower.ends_with(e));
    let binary_magic =
        bytes.starts_with(b"%PDF") || bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]);
    if binary_ext || binary_magic {
        Err(FileError::Unsupported)
    } else {
        Ok(())
    }
}

fn decode_with(label: &str, bytes: &[u8]) -> Result<String, JsValue> {
    let opts = TextDecoderOptions::new();
    opts.set_fatal(true);
    let decoder = TextDecoder::new_with_label_and_options(label, &opts)?;
    decoder.decode_with_u8_array(bytes)
}

/// Decodes bytes as UTF-8 (BOM optional), UTF-16 with a BOM, or GB18030.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, FileError> {
    check_kind(name, bytes)?;
    let label = if bytes.starts_with(&[0xff, 0xfe]) {
        "utf-16le"
    } else if bytes.starts_with(&[0xfe, 0xff]) {
        "utf-16be"
    } else {
        "utf-8"
    };
    decode_with(label, bytes)
        .or_else(|_| if label == "utf-8" { decode_with("gb18030", bytes) } else { Err(JsValue::NULL) })
        .map_err(|_| FileError::Undecodable)
}
