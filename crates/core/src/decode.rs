//! Bytes to text: UTF-8, UTF-16 with a byte-order mark, and GB18030 (which
//! includes GBK and GB2312), detected in that order.
//!
//! Decoding is the one place where input can be refused: bytes that are
//! valid in none of these encodings are reported with their position.
//!
//! Behind the `decode` feature (on by default): the web app turns it off and
//! decodes with the browser's TextDecoder, which keeps the encoding tables
//! out of the wasm bundle.

use std::fmt;

/// Text decoded from bytes, with the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `utf-8`, `utf-16le`, `utf-16be` or `gb18030`.
    pub encoding: &'static str,
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset of the first byte that no candidate encoding accepts.
    pub offset: usize,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not UTF-8, UTF-16 or GB18030 text: undecodable byte at offset {}", self.offset)
    }
}

impl std::error::Error for DecodeError {}

/// Detects the encoding of `bytes` and decodes them.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return utf8(rest, 3);
    }
    for (bom, enc, name) in
        [(&b"\xff\xfe"[..], encoding_rs::UTF_16LE, "utf-16le"), (&b"\xfe\xff"[..], encoding_rs::UTF_16BE, "utf-16be")]
    {
        if bytes.starts_with(bom) {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
            if had_errors {
                let valid = text.find('\u{fffd}').unwrap_or(0);
                return Err(DecodeError { offset: 2 + text[..valid].encode_utf16().count() * 2 });
            }
            return Ok(Decoded { text: text.into_owned(), encoding: name });
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded { text: s.to_owned(), encoding: "utf-8" }),
        Err(utf8_err) => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                // Report where UTF-8 failed: text that is mostly UTF-8 with a
                // broken byte is more common than broken GB18030.
                return Err(DecodeError { offset: utf8_err.valid_up_to() });
            }
            Ok(Decoded { text: text.into_owned(), encoding: "gb18030" })
        }
    }
}

fn utf8(bytes: &[u8], offset: usize) -> Result<Decoded, DecodeError> {
    std::str::from_utf8(bytes)
        .map(|s| Decoded { text: s.to_owned(), encoding: "utf-8" })
        .map_err(|e| DecodeError { offset: offset + e.valid_up_to() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "隐私政策：我们收集您的手机号。";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(SAMPLE.as_bytes()).unwrap(), Decoded { text: SAMPLE.into(), encoding: "utf-8" });
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(&bom).unwrap().text, SAMPLE);
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xff, 0xfe];
        le.extend(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap(), Decoded { text: SAMPLE.into(), encoding: "utf-16le" });
        let mut be = vec![0xfe, 0xff];
        be.extend(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap().encoding, "utf-16be");
    }

    #[test]
    fn gbk_is_detected() {
        let (bytes, _, _) = encoding_rs::GBK.encode(SAMPLE);
        assert_eq!(decode(&bytes).unwrap(), Decoded { text: SAMPLE.into(), encoding: "gb18030" });
    }

    #[test]
    fn garbage_reports_its_offset() {
        let err = decode(b"abc\xff\xff\xff").unwrap_err();
        assert_eq!(err.offset, 3);
        assert_eq!(err.to_string(), "not UTF-8, UTF-16 or GB18030 text: undecodable byte at offset 3");
    }
}
