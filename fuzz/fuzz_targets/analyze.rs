//! Arbitrary bytes through decoding and the whole analysis: no panic, no
//! hang, every span inside the input on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policylens_core::{analyze_decoded, decode::decode, segment::check_invariants};

fuzz_target!(|data: &[u8]| {
    // Bytes that decode are analysed as the CLI would; the rest lossily, as
    // a paste of broken text would arrive.
    let (text, encoding) = match decode(data) {
        Ok(d) => (d.text, d.encoding),
        Err(_) => (String::from_utf8_lossy(data).into_owned(), "utf-8"),
    };
    let report = analyze_decoded(&text, encoding);
    check_invariants(&text, &report.outline).unwrap();
    let in_text = |s: policylens_core::Span| s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end);
    for f in &report.findings {
        assert!(f.evidence.iter().all(|e| in_text(e.span)));
    }
    for s in &report.sdks {
        assert!(s.evidence.iter().all(|e| in_text(e.span)));
    }
    for row in &report.checklist {
        assert!(row.evidence.iter().all(|e| in_text(e.span)));
    }
});
