//! Text primitives: lines with their byte spans ([`Lines`]: offset → line
//! number), whitespace of every kind ([`is_space`]), width folding and
//! [`normalize`] for matching, and [`evidence`] built from spans.
//!
//! Everything the analysis reports is a span into the original text; the
//! normalised forms produced here are only ever used for matching.

use crate::report::{Evidence, Span};

/// The lines of a text, each as the span of its content (without the line
/// break). `\n`, `\r\n` and a lone `\r` all end a line.
#[derive(Debug, Clone)]
pub struct Lines {
    spans: Vec<Span>,
    normalized: Normalized,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut spans = Vec::with_capacity(bytes.len() / 40 + 1);
        let mut start = 0;
        // Only the line breaks are looked at (memchr), not every byte.
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // The `\n` of a `\r\n`, already taken with its `\r`.
            if i < start {
                continue;
            }
            spans.push(Span::new(start, i));
            start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
        }
        if start < bytes.len() || spans.is_empty() {
            spans.push(Span::new(start, bytes.len()));
        }
        Self { spans, normalized: Normalized::new(text) }
    }

    /// The whole text in its normal form, sliced by span.
    pub fn normalized(&self) -> &Normalized {
        &self.normalized
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The span of line `index` (0-based), without its line break.
    pub fn span(&self, index: usize) -> Span {
        self.spans[index]
    }

    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// The 0-based index of the line holding byte `offset`. An offset on a
    /// line break belongs to the line it ends.
    pub fn index_of(&self, offset: usize) -> usize {
        match self.spans.binary_search_by(|s| s.start.cmp(&offset)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        }
    }

    /// The 1-based line number of byte `offset`.
    pub fn number_of(&self, offset: usize) -> usize {
        self.index_of(offset) + 1
    }

    /// First and last 1-based line of a span. An empty span, or one that ends
    /// right after a line break, does not reach into the next line.
    pub fn range_of(&self, span: Span) -> [usize; 2] {
        let first = self.number_of(span.start);
        let last = if span.end > span.start { self.number_of(span.end - 1) } else { first };
        [first, last.max(first)]
    }

    /// The start of the line after line `index`, or the text's end.
    pub fn next_start(&self, index: usize, text_len: usize) -> usize {
        self.spans.get(index + 1).map_or(text_len, |s| s.start)
    }
}

/// Whitespace that policies carry, including the kinds PDF and web copies
/// leave behind: ideographic space, no-break space, zero-width characters and
/// the byte-order mark.
#[inline]
pub fn is_space(c: char) -> bool {
    // Past the ideographic space, the last white space of Unicode, only the
    // byte-order mark: most characters of a policy are decided here.
    if c > '\u{3000}' {
        return c == '\u{feff}';
    }
    c.is_whitespace()
        || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00a0}' | '\u{3000}')
}

/// Trims [`is_space`] characters from both ends and returns the trimmed text
/// with its span (relative to `offset`, the position of `s` in the text).
pub fn trim_span(s: &str, offset: usize) -> (&str, Span) {
    let start_trimmed = s.trim_start_matches(is_space);
    let lead = s.len() - start_trimmed.len();
    let trimmed = start_trimmed.trim_end_matches(is_space);
    (trimmed, Span::new(offset + lead, offset + lead + trimmed.len()))
}

/// Is `c` a CJK ideograph (the characters Chinese text is written in)?
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ebef}')
}

/// Is `c` Chinese or full-width punctuation?
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}' | '“' | '”' | '‘' | '’' | '…' | '—' | '·' | '•')
}

/// Maps full-width ASCII variants (digits, letters, punctuation) to ASCII.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The form of a piece of text that matching works on: width folded, ASCII
/// lower-cased, every kind of whitespace removed. Removing all spaces is what
/// makes `收集 、使用` and `收集、使用`, or `2. 1.` and `2.1.`, the same.
///
/// Matching sees `、，。；：（）` folded to their ASCII forms where they have
/// one (`，` → `,`, `（` → `(`, `：` → `:`, `；` → `;`); `、` and `。` stay.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out, |_, _| {});
    out
}

/// Appends the normal form of `s` ([`normalize`]) to `out`, and calls
/// `step(end in s, end in out)` after each character that does not stay as
/// it is.
fn fold_into(s: &str, out: &mut String, mut step: impl FnMut(usize, usize)) {
    // Most characters of a policy (ideographs, lower-case ASCII, digits,
    // Chinese punctuation) stay as they are: runs of them are copied as
    // bytes. Most are known to stay by their first byte alone
    // ([`STAYING_LENGTH`]); a few first bytes need the next ones
    // ([`stays_at`]); only the characters that change are decoded. Decoding
    // every character was half the cost of normalising (callgrind,
    // taobao.txt).
    let b = s.as_bytes();
    let mut run = 0;
    let mut i = next_changed(b, 0);
    while i < b.len() {
        let len = utf8_len(b[i]);
        out.push_str(&s[run..i]);
        run = i + len;
        if let Some(c) = s[i..run].chars().next() {
            if !is_space(c) {
                out.push(fold_width(c).to_ascii_lowercase());
            }
        }
        step(run, out.len());
        i = next_changed(b, run);
    }
    out.push_str(&s[run..]);
}

/// The first character at or after byte `i` of `b` (on a character
/// boundary) that [`normalize`] may change, or `b.len()`: most are passed
/// by their first byte ([`STAYING_LENGTH`]), a few by their next ones
/// ([`stays_at`]).
#[inline(always)]
fn next_changed(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        let n = STAYING_LENGTH[usize::from(b[i])];
        if n != 0 {
            i += usize::from(n);
        } else if stays_at(b, i) {
            i += utf8_len(b[i]);
        } else {
            break;
        }
    }
    i
}

/// By the first byte of a character: the length of the character when the
/// byte alone says that [`normalize`] keeps it, else 0 ([`stays_at`]
/// decides). A test checks it against `stays_at` for every `char`.
static STAYING_LENGTH: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        t[b] = match x {
            0..=0x7f => {
                if x.is_ascii_uppercase() || matches!(x, b'\t'..=b'\r' | b' ') {
                    0
                } else {
                    1
                }
            }
            0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef => 0,
            // Continuation bytes never start a character.
            0x80..=0xc1 => 0,
            0xc3..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
        b += 1;
    }
    t
};

/// A text in its normal form ([`normalize`]), with the way back: the normal
/// form of any span of the text (on character boundaries) is a slice of it
/// ([`Normalized::of`]), because `normalize` maps each character by itself.
/// The pipeline normalises the whole text once ([`Lines::normalized`]);
/// normalising each line and then each clause again was a twentieth of an
/// analysis, with a string allocated for every one.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
    /// After each character that does not stay as it is: its end in the
    /// input and in `text`. Between two steps offsets move one for one.
    steps: Vec<(usize, usize)>,
}

impl Normalized {
    pub fn new(s: &str) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut steps = Vec::new();
        fold_into(s, &mut text, |from, to| steps.push((from, to)));
        Normalized { text, steps }
    }

    /// The whole text, normalised.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Where input offset `at` (a character boundary) falls in the normal
    /// form.
    pub fn offset(&self, at: usize) -> usize {
        match self.steps.partition_point(|&(from, _)| from <= at) {
            0 => at,
            k => {
                let (from, to) = self.steps[k - 1];
                to + (at - from)
            }
        }
    }

    /// The normal form of `span` of the input: `normalize(&input[span])`.
    pub fn of(&self, span: Span) -> &str {
        self.text.get(self.offset(span.start)..self.offset(span.end)).unwrap_or("")
    }
}

/// Whether `s` is its own normal form ([`normalize`]) but for ASCII upper
/// case: told from its bytes, without building the normal form.
pub fn is_normal_but_case(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = next_changed(b, 0);
    while i < b.len() {
        if !b[i].is_ascii_uppercase() {
            return false;
        }
        i = next_changed(b, i + 1);
    }
    true
}

/// A text with its normal form: the normal form of any slice of the text,
/// without normalising it again.
#[derive(Debug, Clone, Copy)]
pub struct NormalText<'a> {
    text: &'a str,
    normalized: &'a Normalized,
}

impl<'a> NormalText<'a> {
    /// `text` and its lines (which hold its normal form).
    pub fn new(text: &'a str, lines: &'a Lines) -> Self {
        NormalText { text, normalized: lines.normalized() }
    }

    /// The normal form of `part`: a slice of the normal form when `part` is
    /// a slice of the text, else `part` normalised.
    pub fn of(&self, part: &str) -> std::borrow::Cow<'a, str> {
        // Where `part` lies in the text, by address (as `str::subslice_range`
        // would say, were it stable).
        let start = (part.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        match start.checked_add(part.len()) {
            Some(end) if end <= self.text.len() => self.normalized.of(Span::new(start, end)).into(),
            _ => normalize(part).into(),
        }
    }
}

/// Whether `hay` holds `needle`, as `str::contains` says. In the wasm build
/// `str::contains` builds a two-way searcher for every call (the standard
/// library's SIMD path for short needles is x86's only): a twentieth of
/// the page's analysis went to building and running them. There the
/// needle's last byte is found by memchr (SIMD in wasm too) and the rest
/// compared ([`has_by_last_byte`]); natively the standard library is
/// quicker.
#[inline]
pub fn has(hay: &str, needle: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    return has_by_last_byte(hay, needle);
    #[cfg(not(target_arch = "wasm32"))]
    return hay.contains(needle);
}

/// [`has`] in the browser: memchr for the needle's last byte, then a
/// comparison at each place it occurs.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn has_by_last_byte(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&last) = n.last() else { return true };
    let Some(tail) = h.get(n.len() - 1..) else { return false };
    memchr::memchr_iter(last, tail).any(|i| h[i..i + n.len()] == *n)
}

/// Where `needle` first occurs in `hay`, answered without a search when
/// `hay` starts with it (a section starts with its heading, a heading with
/// its marker): building the substring searcher cost more than the search.
pub fn find_leading(hay: &str, needle: &str) -> Option<usize> {
    if hay.starts_with(needle) {
        Some(0)
    } else {
        hay.find(needle)
    }
}

/// Whether `s` has more than `n` characters (at most one count of the
/// first `n + 1`: most lines are too long or too short to need one).
pub fn more_chars_than(s: &str, n: usize) -> bool {
    if s.len() <= n {
        return false;
    }
    s.len() > 4 * n || s.chars().nth(n).is_some()
}

/// The length of the UTF-8 sequence that starts with `lead`.
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0x7f => 1,
        0x80..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Whether [`normalize`] keeps the character at byte `i` of `b` (a valid
/// UTF-8 text, `i` on a character boundary) as it is: not upper-case ASCII,
/// not white space ([`is_space`]), not full width ([`fold_width`]). Read
/// from its bytes; a test checks it for every `char`.
#[inline(always)]
fn stays_at(b: &[u8], i: usize) -> bool {
    let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b[i] {
        x @ 0..=0x7f => !(x.is_ascii_uppercase() || matches!(x, b'\t'..=b'\r' | b' ')),
        // U+0080–U+00BF (NEL, no-break space) and U+1000–U+1FFF (Ogham
        // space): decoded.
        0xc2 | 0xe1 => false,
        // U+2000–U+207F: the spaces of general punctuation.
        0xe2 => !matches!(next(1), 0x80 | 0x81),
        // U+3000, the ideographic space.
        0xe3 => !(next(1) == 0x80 && next(2) == 0x80),
        // U+FEFF and the full-width forms U+FF00–U+FF7F.
        0xef => !matches!(next(1), 0xbb..=0xbd),
        _ => true,
    }
}

/// Whether `haystack` contains any of `words`, as
/// `words.iter().any(|w| haystack.contains(w))` says, quicker: a word whose
/// first or last character the text lacks is skipped without a search
/// ([`CharSet`]). For several word lists on one text, build a [`Words`] once.
pub fn contains_any(haystack: &str, words: &[&str]) -> bool {
    Words::new(haystack).any(words)
}

/// The characters of a text as a set of 1 024 bits, by code point modulo
/// 1 024: one pass over the text, then a word whose first or last character
/// is missing is known to be absent without a search. Most word tests on a
/// clause fail, and a `str::contains` costs a searcher's set-up and a scan
/// of the clause each (they were a sixth of the analysis). Written here
/// because the crates that index words (aho-corasick, daachorse) build an
/// automaton per word list, and the lists are many and the texts short.
#[derive(Clone)]
pub struct CharSet([u64; 16]);

impl CharSet {
    pub fn of(s: &str) -> Self {
        // Decoding (`chars`) measured cheaper than reading each key from
        // the last bytes with bounds checks.
        let mut bits = [0u64; 16];
        for c in s.chars() {
            let i = u32::from(c) as usize % 1024;
            bits[i / 64] |= 1 << (i % 64);
        }
        CharSet(bits)
    }

    /// Whether `word` may occur in the text: false only when it cannot.
    /// The keys of its first and last characters are read from their bytes
    /// (the low ten bits of a code point are in its last two bytes), which
    /// costs a third of decoding them.
    #[inline]
    pub fn may_hold(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let Some(&lead) = b.first() else { return true };
        let first_len = match lead {
            0..=0x7f => 1,
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
        self.has_key(key_ending_at(b, first_len - 1)) && self.has_key(key_ending_at(b, b.len() - 1))
    }

    #[inline]
    fn has_key(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

/// The code point modulo 1 024 of the character whose last byte is `b[last]`.
#[inline]
fn key_ending_at(b: &[u8], last: usize) -> usize {
    let x = usize::from(b[last]);
    if x < 0x80 {
        x
    } else {
        ((usize::from(b[last - 1]) & 0x0f) << 6) | (x & 0x3f)
    }
}

/// A text and its [`CharSet`], for many word tests on one text; each
/// answers as `str::contains` would.
#[derive(Clone)]
pub struct Words<'a> {
    pub text: &'a str,
    set: CharSet,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Self {
        Words { text, set: CharSet::of(text) }
    }

    /// Whether the text holds `word`.
    #[inline]
    pub fn has(&self, word: &str) -> bool {
        word.len() <= self.text.len() && self.set.may_hold(word) && has(self.text, word)
    }

    /// Whether the text holds any of `words`.
    pub fn any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.has(w))
    }
}

/// Where any of some words occur in a whole text, for the question "does
/// this span hold one of them?" asked of many spans (the lines of a
/// policy): one `memmem` search per word over the text instead of a test of
/// every line, which cost a tenth of the SDK pass (callgrind, taobao.txt).
pub struct Occurrences {
    /// Byte ranges of the occurrences, by start.
    at: Vec<(usize, usize)>,
}

impl Occurrences {
    pub fn of(text: &str, words: &[&str]) -> Self {
        let mut at: Vec<(usize, usize)> = Vec::new();
        let bytes = text.as_bytes();
        for w in words.iter().filter(|w| !w.is_empty()) {
            // Overlapping ones too (`集集` twice in `集集集`): a span may hold
            // the second and not the first. `find_iter` skips them.
            let finder = memchr::memmem::Finder::new(w.as_bytes());
            let mut from = 0;
            while let Some(s) = bytes.get(from..).and_then(|rest| finder.find(rest)) {
                at.push((from + s, from + s + w.len()));
                from += s + 1;
            }
        }
        at.sort_unstable();
        Occurrences { at }
    }

    /// Whether one of the words lies wholly inside `span`: what
    /// `contains_any(&text[span], words)` says (empty words aside).
    pub fn within(&self, span: Span) -> bool {
        let first = self.at.partition_point(|&(s, _)| s < span.start);
        self.at[first..].iter().take_while(|&&(s, _)| s < span.end).any(|&(_, e)| e <= span.end)
    }
}

/// The lines of `text` as [`str::lines`] gives them (`\n` or `\r\n` ends
/// one), the breaks found by memchr: `str::lines` searches with the
/// standard library's scalar `memchr`, a tenth of the date reader's cost.
pub fn lines_of(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut breaks = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let line = match breaks.next() {
            Some(end) => {
                let line = &text[start..end];
                start = end + 1;
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => {
                let line = &text[start..];
                start = text.len();
                line
            }
        };
        Some(line)
    })
}

/// The byte offsets of the colons of `s`, ASCII `:` and full-width `：`
/// (EF BC 9A), in order: found from their bytes (memchr), where a `char`
/// pattern (`s.find(['：', ':'])`) decodes every character of the line.
pub fn colons(s: &str) -> impl Iterator<Item = usize> + '_ {
    narrow_or_wide(s, b':').map(|(at, _)| at)
}

/// Where the ASCII punctuation `a` (`!` to `~`) and its full-width form
/// (U+FEE0 + `a`: `；` for `;`) are in `s`, with their lengths, in order:
/// found from their bytes (memchr) instead of decoding every character.
pub fn narrow_or_wide(s: &str, a: u8) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    let wide = u32::from(a) + 0xFEE0;
    #[allow(clippy::cast_possible_truncation)]
    let tail = [0x80 | ((wide >> 6) & 0x3F) as u8, 0x80 | (wide & 0x3F) as u8];
    memchr::memchr2_iter(a, 0xEF, b).filter_map(move |i| {
        if b[i] == a {
            Some((i, 1))
        } else {
            (b.get(i + 1..i + 3) == Some(&tail[..])).then_some((i, 3))
        }
    })
}

/// The first colon of `s` ([`colons`]).
pub fn find_colon(s: &str) -> Option<usize> {
    colons(s).next()
}

/// Where the first ASCII digit of `b` is. Chunks of 32 bytes are tested
/// without a branch per byte (the compiler vectorises the fold), so the long
/// stretches of Chinese between digits pass quickly.
pub fn first_ascii_digit(b: &[u8]) -> Option<usize> {
    let mut at = 0;
    for chunk in b.chunks(32) {
        if chunk.iter().fold(false, |any, &x| any | (x.wrapping_sub(b'0') < 10)) {
            return chunk.iter().position(u8::is_ascii_digit).map(|p| at + p);
        }
        at += chunk.len();
    }
    None
}

/// Builds evidence for `span`, with its text shortened to 200 characters.
pub fn evidence(text: &str, lines: &Lines, span: Span) -> Evidence {
    let slice = &text[span.start..span.end];
    let (trimmed, span) = trim_span(slice, span.start);
    // A character is a byte at least: most clauses are counted by length.
    let shown: String = if trimmed.len() > 200 && trimmed.chars().count() > 200 {
        let mut s: String = trimmed.chars().take(199).collect();
        s.push('…');
        s
    } else {
        trimmed.to_owned()
    };
    Evidence { span, line: lines.number_of(span.start), text: collapse_breaks(&shown) }
}

/// Joins the hard-wrapped lines of a PDF copy into one line for display.
fn collapse_breaks(s: &str) -> String {
    // Bytes, not characters: a `char` pattern decodes every character.
    if memchr::memchr2(b'\n', b'\r', s.as_bytes()).is_none() {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for part in s.split(['\n', '\r']) {
        let part = part.trim_matches(is_space);
        if part.is_empty() {
            continue;
        }
        // A line break between two Latin words was a space.
        let needs_space = out.chars().last().is_some_and(|c| c.is_ascii_alphanumeric())
            && part.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
        if needs_space {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// Tidies the runs of whitespace inside `s` that markup leaves (a tag or an
/// entity blanked to its width): a run of several that touches Chinese text
/// goes, other runs become one space; a single space stays as written.
/// `个推      SDK` → `个推SDK`, `Co.,   Ltd.` → `Co., Ltd.`, `腾讯直播 SDK` stays.
pub fn join_space_runs(s: &str) -> String {
    let s = s.trim_matches(is_space);
    if !s.chars().any(is_space) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if !is_space(c) {
            out.push(c);
            continue;
        }
        let mut run = 1;
        while chars.next_if(|&n| is_space(n)).is_some() {
            run += 1;
        }
        let before = out.chars().last().unwrap_or(' ');
        let after = chars.peek().copied().unwrap_or(' ');
        if run == 1 || (before.is_ascii() && after.is_ascii()) {
            out.push(' ');
        }
    }
    out
}

/// Rounds `i` down to a char boundary of `s`.
pub fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_handle_every_break() {
        let lines = Lines::new("a\r\nb\rc\nd");
        let got: Vec<_> = lines.spans().iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(got, vec![(0, 1), (3, 4), (5, 6), (7, 8)]);
        assert_eq!(lines.number_of(3), 2);
        assert_eq!(lines.number_of(2), 1);
        assert_eq!(lines.range_of(Span::new(0, 4)), [1, 2]);
    }

    #[test]
    fn empty_text_has_one_line() {
        assert_eq!(Lines::new("").len(), 1);
        assert_eq!(Lines::new("a\n").len(), 1);
    }

    /// The plain definition that [`normalize`]'s copying of runs must equal.
    fn normalize_char_by_char(s: &str) -> String {
        s.chars().filter(|&c| !is_space(c)).map(|c| fold_width(c).to_ascii_lowercase()).collect()
    }

    #[test]
    fn contains_any_finds_what_a_search_for_each_word_finds() {
        let words = ["个人信息", "收集", "cookie", "Ｃ"];
        assert!(contains_any("我们如何收集和使用", &words));
        assert!(contains_any("关于cookie", &words));
        assert!(!contains_any("联系我们", &words));
        assert!(!contains_any("", &words));
        assert!(contains_any("", &[""]));
        assert!(contains_any("ＡＢＣ", &words));
    }

    #[test]
    fn occurrences_answer_for_a_span_as_a_search_of_it_would() {
        let text = "我们不共享。\n我们会提供给支付服务商\n联系我们";
        let words = ["共享", "提供", "支付服务"];
        let occ = Occurrences::of(text, &words);
        let lines = Lines::new(text);
        let found: Vec<bool> = lines.spans().iter().map(|&s| occ.within(s)).collect();
        assert_eq!(found, [true, true, false]);
        // A word cut by the span's end is not inside it.
        let cut = text.find("支付").map(|s| Span::new(0, s + "支付服".len())).unwrap_or_default();
        assert!(!Occurrences::of(text, &["支付服务"]).within(cut));
        assert!(!Occurrences::of("", &words).within(Span::new(0, 0)));
    }

    #[test]
    fn every_character_is_normalised_as_its_definition_says() {
        let mut buf = [0u8; 4];
        for c in char::MIN..=char::MAX {
            let alone: &str = c.encode_utf8(&mut buf);
            // Kept only where the definition keeps it (some kept ones are
            // decoded all the same: the test of bytes is coarse).
            assert!(!stays_at(alone.as_bytes(), 0) || normalize_char_by_char(alone) == alone, "{c:?}");
            // The first byte's verdict, where it gives one, is the bytes'.
            let n = STAYING_LENGTH[usize::from(alone.as_bytes()[0])];
            assert!(n == 0 || (usize::from(n) == alone.len() && stays_at(alone.as_bytes(), 0)), "{c:?}");
            let within = format!("a{c}个");
            assert_eq!(normalize(&within), normalize_char_by_char(&within), "{c:?}");
        }
    }

    #[test]
    fn char_set_keys_every_character_by_its_code_point() {
        let mut buf = [0u8; 4];
        for c in char::MIN..=char::MAX {
            let k = u32::from(c) as usize % 1024;
            assert!(CharSet::of(c.encode_utf8(&mut buf)).has_key(k), "{c:?}");
        }
    }

    #[test]
    fn is_space_is_white_space_or_an_invisible_mark_for_every_character() {
        let definition = |c: char| {
            c.is_whitespace()
                || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00a0}' | '\u{3000}')
        };
        for c in char::MIN..=char::MAX {
            assert_eq!(is_space(c), definition(c), "{c:?}");
        }
    }

    #[test]
    fn the_first_ascii_digit_past_a_chunk_of_chinese() {
        let long = format!("{}第3条", "个人信息".repeat(20));
        assert_eq!(first_ascii_digit(long.as_bytes()), Some(243));
        assert_eq!(first_ascii_digit("１２".as_bytes()), None, "full-width digits are not ASCII");
        assert_eq!(first_ascii_digit(b""), None);
    }

    proptest::proptest! {
        #[test]
        fn first_ascii_digit_is_the_position_of_one(s in "[0-9a个/:]{0,80}") {
            proptest::prop_assert_eq!(first_ascii_digit(s.as_bytes()), s.bytes().position(|b| b.is_ascii_digit()));
        }

        #[test]
        fn contains_any_equals_a_search_for_each_word(
            s in "[a-dé😀收集使用信息个人 ]{0,30}",
            words in proptest::collection::vec("[a-dѡéөȀ😀收集使用信息个人]{0,3}", 0..6),
        ) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(contains_any(&s, &words), words.iter().any(|w| s.contains(w)));
        }

        #[test]
        fn occurrences_within_equal_a_search_of_the_span(
            s in "[a-d收集使用信息个人 ]{0,30}",
            words in proptest::collection::vec("[a-d收集使用信息个人]{0,3}", 0..6),
            cut in (0usize..40, 0usize..40),
        ) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let (a, b) = (floor_boundary(&s, cut.0.min(cut.1)), floor_boundary(&s, cut.0.max(cut.1)));
            let occ = Occurrences::of(&s, &words);
            let inside = &s[a..b];
            proptest::prop_assert_eq!(
                occ.within(Span::new(a, b)),
                words.iter().any(|w| !w.is_empty() && inside.contains(w))
            );
        }

        #[test]
        fn lines_split_as_a_walk_over_every_byte_does(s in "[a\r\n个]{0,20}") {
            // The definition: `\n`, `\r\n` and a lone `\r` end a line.
            let b = s.as_bytes();
            let (mut want, mut start, mut i) = (Vec::new(), 0, 0);
            while i < b.len() {
                if b[i] == b'\n' || b[i] == b'\r' {
                    want.push(Span::new(start, i));
                    if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    start = i + 1;
                }
                i += 1;
            }
            if start < b.len() || want.is_empty() {
                want.push(Span::new(start, b.len()));
            }
            let got = Lines::new(&s);
            proptest::prop_assert_eq!(got.spans(), want.as_slice());
        }

        #[test]
        fn colons_are_the_characters_that_are_colons(s in "[a:：个\u{ff00}-\u{ff20}\u{3000}-\u{3010}]{0,16}") {
            let want: Vec<usize> = s.char_indices().filter(|&(_, c)| c == ':' || c == '：').map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(colons(&s).collect::<Vec<_>>(), want);
            proptest::prop_assert_eq!(find_colon(&s), s.find([':', '：']));
        }

        #[test]
        fn has_is_str_contains(hay in "[ab个人a\u{8f}]{0,12}", needle in "[ab个人]{0,3}") {
            proptest::prop_assert_eq!(has_by_last_byte(&hay, &needle), hay.contains(needle.as_str()));
        }

        #[test]
        fn narrow_or_wide_finds_both_widths(s in "[a;；:：个\u{ff00}-\u{ff20}]{0,16}") {
            let want: Vec<(usize, usize)> =
                s.char_indices().filter(|&(_, c)| c == ';' || c == '；').map(|(i, c)| (i, c.len_utf8())).collect();
            proptest::prop_assert_eq!(narrow_or_wide(&s, b';').collect::<Vec<_>>(), want);
        }

        #[test]
        fn normal_but_case_is_normal_once_lower_cased(s in "[aZ0 \t\u{3000}\u{a0}\u{ff01}-\u{ff0f}个、，。：（“]{0,12}") {
            // Sound, not complete: a character the byte test decodes (`“`)
            // makes it say no, and the caller normalises.
            if is_normal_but_case(&s) {
                proptest::prop_assert_eq!(normalize(&s), s.to_ascii_lowercase());
            }
            if !s.contains(['“', '\u{3000}', '\u{a0}', ' ', '\t']) && !s.chars().any(|c| ('\u{ff01}'..='\u{ff5e}').contains(&c)) {
                proptest::prop_assert!(is_normal_but_case(&s));
            }
        }

        #[test]
        fn lines_of_are_str_lines(s in "[a\r\n个]{0,20}") {
            proptest::prop_assert_eq!(lines_of(&s).collect::<Vec<_>>(), s.lines().collect::<Vec<_>>());
        }

        #[test]
        fn normalize_equals_its_char_by_char_definition(
            s in "[a-zA-Z0-9 \t\r\n\u{b}\u{c}.,:;()\u{3000}\u{a0}\u{200b}\u{feff}\u{ff01}-\u{ff5e}\u{4e00}-\u{4e10}\u{9ffe}-\u{a001}、，。；：（）“”…—·\u{20000}\u{1680}\u{2028}\u{85}]{0,40}"
        ) {
            proptest::prop_assert_eq!(normalize(&s), normalize_char_by_char(&s));
        }

        #[test]
        fn a_span_of_the_normalized_text_is_the_span_normalized(
            s in "[aZ0 \t\r\n\u{3000}\u{a0}\u{200b}\u{feff}\u{ff01}-\u{ff0f}\u{4e00}-\u{4e03}、，。：（\u{20000}\u{85}]{0,24}",
            cut in proptest::collection::vec(0usize..25, 2)
        ) {
            let n = Normalized::new(&s);
            proptest::prop_assert_eq!(n.as_str(), normalize(&s));
            let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            let (a, b) = (bounds[cut[0] % bounds.len()], bounds[cut[1] % bounds.len()]);
            let (a, b) = (a.min(b), a.max(b));
            proptest::prop_assert_eq!(n.of(Span::new(a, b)), normalize(&s[a..b]));
        }
    }

    #[test]
    fn normalize_folds_width_and_spaces() {
        assert_eq!(normalize("收集 、使用\u{3000}ＡＢ１２．"), "收集、使用ab12.");
        assert_eq!(normalize("2. 1. 帮助"), "2.1.帮助");
        assert_eq!(normalize("\u{200b}Cookie\u{a0}"), "cookie");
    }

    #[test]
    fn evidence_trims_and_joins_wrapped_lines() {
        let text = "  我们会收集\n您的信息。 ";
        let lines = Lines::new(text);
        let ev = evidence(text, &lines, Span::new(0, text.len()));
        assert_eq!(ev.text, "我们会收集您的信息。");
        assert_eq!(ev.span, Span::new(2, text.len() - 1));
        assert_eq!(ev.line, 1);
    }

    #[test]
    fn join_space_runs_drops_spaces_next_to_chinese_only() {
        assert_eq!(join_space_runs("个推      SDK"), "个推SDK");
        assert_eq!(join_space_runs("设备信息&    应用列表"), "设备信息&应用列表");
        assert_eq!(join_space_runs("Google   LLC"), "Google LLC");
        assert_eq!(join_space_runs("腾讯直播 SDK"), "腾讯直播 SDK");
        assert_eq!(join_space_runs("友盟同欣（北京）科技有限公司"), "友盟同欣（北京）科技有限公司");
    }
}
