//! Heading markers: the numbering at the start of a line (`第三章`, `一、`,
//! `（二）`, `3.1`, `(1)`, `①`, `a.`, `【…】`, `#`), parsed into a style and a
//! number. Styles are punctuation-blind: `一、` and `一.`, `1.` and `1、` are
//! one style each, because real policies mix them at one level.
//!
//! A style says nothing about depth by itself; the segmenter infers depth from
//! the order in which styles appear (see `tree.rs`). `Style::rank` is only a
//! tie-breaker that stops a weak style (`a.`) from becoming the parent of a
//! strong one (`一、`).

use crate::scan::{cn_number, is_cn_numeral};
use crate::text::{fold_width, is_space};

/// The numbering style of a heading, independent of its punctuation: `一、`,
/// `一.` and `一．` are one style, because real policies mix them at one level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// `第一部分`
    Part,
    /// `第一章`
    Chapter,
    /// `第一节`
    Section,
    /// `第一条`
    Article,
    /// `一、` `一.`
    CnNum,
    /// `一.` under `一、`: Chinese numerals told apart from the chapters'
    /// by their punctuation, because their count restarts inside one (see
    /// `tree.rs`). The marker parser never returns it.
    CnNumList,
    /// `【…】` as a whole line.
    Bracket,
    /// `（一）` `(一)`
    ParenCn,
    /// `1.` `1、` or `1.1`, `1.1.1` with the depth given.
    Decimal(u8),
    /// `(1)` `（1）`
    ParenArabic,
    /// `1)` `1）`
    HalfParenArabic,
    /// `①`
    Circled,
    /// `a.` `a、` `a)`
    LatinLower,
    /// `A.`
    LatinUpper,
    /// Markdown `#`, `##`, …
    Markdown(u8),
    /// A line that is all `**bold**`.
    Bold,
    /// An unnumbered short heading (`定义`, `变更`, `我们如何共享您的信息`).
    Plain,
    /// An unnumbered heading below a `Plain` one, in a policy without
    /// numbering (`共享` under `我们如何共享、转让、公开披露您的个人信息`).
    PlainMinor,
}

impl Style {
    /// Prior strength, lower is an outer level. Used only when the order of
    /// appearance would nest a stronger style inside a weaker one.
    pub fn rank(self) -> u8 {
        match self {
            Style::Markdown(n) => n.saturating_sub(1),
            Style::Part => 1,
            Style::Chapter => 2,
            Style::Section => 3,
            Style::Article | Style::CnNum | Style::Bracket | Style::Bold => 4,
            Style::ParenCn | Style::CnNumList => 5,
            Style::Decimal(n) => 5 + n,
            Style::ParenArabic | Style::HalfParenArabic => 10,
            Style::Circled => 11,
            Style::LatinLower | Style::LatinUpper => 12,
            Style::Plain => 4,
            Style::PlainMinor => 5,
        }
    }

    /// Whether numbers of this style are expected to run 1, 2, 3 without gaps.
    pub fn is_counted(self) -> bool {
        !matches!(self, Style::Bracket | Style::Markdown(_) | Style::Bold | Style::Plain | Style::PlainMinor)
    }
}

/// A marker found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub style: Style,
    /// The number, for styles that count (`三` → 3, `3.2` → 2, `c.` → 3).
    pub number: Option<u32>,
    /// Byte length of the marker in the line, including a leading bullet and
    /// the punctuation and spaces after it.
    pub len: usize,
    /// Byte range of the marker proper (no bullet, no trailing spaces).
    pub text_range: (usize, usize),
    /// Whether a list bullet (`- `, `• `) stood before the marker.
    pub bulleted: bool,
}

/// Chars of a line with their byte offsets, width-folded for matching.
struct Cursor<'a> {
    line: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<char> {
        self.line[self.pos..].chars().next().map(fold_width)
    }

    fn peek_raw(&self) -> Option<char> {
        self.line[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.line[self.pos..].chars().next()?;
        self.pos += c.len_utf8();
        Some(fold_width(c))
    }

    fn eat(&mut self, f: impl Fn(char) -> bool) -> bool {
        match self.peek() {
            Some(c) if f(c) => {
                self.bump();
                true
            }
            _ => false,
        }
    }

    fn skip_spaces(&mut self) {
        while self.peek_raw().is_some_and(is_space) {
            self.bump();
        }
    }

    fn rest(&self) -> &'a str {
        &self.line[self.pos..]
    }
}

/// Reads a run of Chinese numerals and returns its value.
fn read_cn(cur: &mut Cursor<'_>) -> Option<u32> {
    let start = cur.pos;
    while cur.peek().is_some_and(is_cn_numeral) {
        cur.bump();
    }
    let v = cn_number(&cur.line[start..cur.pos]);
    if v.is_none() {
        cur.pos = start;
    }
    v
}

/// Reads ASCII digits (after width folding), at most three.
fn read_arabic(cur: &mut Cursor<'_>) -> Option<u32> {
    let start = cur.pos;
    let mut v = 0u32;
    let mut n = 0;
    while let Some(d) = cur.peek().and_then(|c| c.to_digit(10)) {
        cur.bump();
        v = v * 10 + d;
        n += 1;
        if n > 3 {
            cur.pos = start;
            return None;
        }
    }
    (n > 0).then_some(v)
}

fn circled(c: char) -> Option<u32> {
    match c {
        '\u{2460}'..='\u{2473}' => Some(c as u32 - 0x2460 + 1),
        '\u{2776}'..='\u{277f}' => Some(c as u32 - 0x2776 + 1),
        _ => None,
    }
}

/// Parses the marker at the start of `line` (already trimmed at its start).
pub fn parse(line: &str) -> Option<Marker> {
    let mut cur = Cursor { line, pos: 0 };
    // Markdown headings and bold lines come first: they wrap other markers.
    if line.starts_with('#') {
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']) {
            let len = hashes + (line.len() - hashes - line[hashes..].trim_start_matches(is_space).len());
            return Some(Marker {
                style: Style::Markdown(hashes as u8),
                number: None,
                len,
                text_range: (0, hashes),
                bulleted: false,
            });
        }
    }
    // A list bullet may stand before a marker: `- 一、`, `• 1.`.
    let mut bulleted = false;
    if let Some(c) = cur.peek_raw() {
        if matches!(c, '-' | '•' | '·' | '*' | '●' | '▪' | '◆' | '■' | '○' | '◇' | '・') && !line.starts_with("**")
        {
            cur.bump();
            if cur.peek_raw().is_some_and(is_space) || !matches!(c, '-' | '*') {
                cur.skip_spaces();
                bulleted = true;
            } else {
                return None;
            }
        }
    }
    let start = cur.pos;
    let (style, number) = parse_numbered(&mut cur)?;
    let text_end = cur.pos;
    cur.skip_spaces();
    // Odd copies double the punctuation or leave a bullet after the marker
    // (`1.、我们如何…`, `一、• 我们如何…`): both belong to the marker, not
    // to the title.
    if cur.peek().is_some_and(|c| matches!(c, '、' | '.'))
        && !cur.line[cur.pos..].chars().nth(1).is_some_and(|c| fold_width(c).is_ascii_digit())
    {
        cur.bump();
        cur.skip_spaces();
    }
    if cur.peek_raw().is_some_and(|c| matches!(c, '•' | '·' | '●' | '▪' | '◆' | '■')) {
        cur.bump();
        cur.skip_spaces();
    }
    Some(Marker { style, number, len: cur.pos, text_range: (start, text_end), bulleted })
}

/// The numbered or lettered marker at the cursor: its style and number.
fn parse_numbered(cur: &mut Cursor<'_>) -> Option<(Style, Option<u32>)> {
    let first = cur.peek()?;
    if first == '第' {
        return parse_ordinal(cur);
    }
    if is_cn_numeral(first) {
        return parse_cn(cur);
    }
    if first == '(' {
        return parse_paren(cur);
    }
    if first.is_ascii_digit() {
        return parse_decimal(cur);
    }
    if let Some(n) = circled(first) {
        cur.bump();
        return Some((Style::Circled, Some(n)));
    }
    if first.is_ascii_alphabetic() {
        return parse_latin(cur, first);
    }
    None
}

/// `第X部分` / `章` / `节` / `条`.
fn parse_ordinal(cur: &mut Cursor<'_>) -> Option<(Style, Option<u32>)> {
    let save = cur.pos;
    cur.bump();
    cur.skip_spaces();
    let n = read_cn(cur).or_else(|| read_arabic(cur));
    if let Some(n) = n {
        cur.skip_spaces();
        let rest = cur.rest();
        for (word, style) in
            [("部分", Style::Part), ("章", Style::Chapter), ("节", Style::Section), ("条", Style::Article)]
        {
            if rest.starts_with(word) {
                cur.pos += word.len();
                cur.eat(|c| matches!(c, '、' | ':' | '.' | ','));
                return Some((style, Some(n)));
            }
        }
    }
    cur.pos = save;
    None
}

/// `一、` `一.` `一．`, or `三 ` before Chinese text.
fn parse_cn(cur: &mut Cursor<'_>) -> Option<(Style, Option<u32>)> {
    let save = cur.pos;
    let n = read_cn(cur)?;
    if cur.eat(|c| matches!(c, '、' | '.' | ',' | '，')) {
        return Some((Style::CnNum, Some(n)));
    }
    // `一）收集`: the opening bracket lost.
    if cur.eat(|c| c == ')') {
        return Some((Style::ParenCn, Some(n)));
    }
    // `三 个人信息的存储`: a space for the comma, before Chinese text;
    // `一 、收集`: a space before it.
    let after = cur.pos;
    cur.skip_spaces();
    if cur.pos > after && cur.eat(|c| matches!(c, '、' | '.')) {
        return Some((Style::CnNum, Some(n)));
    }
    if cur.pos > after && n <= 20 && cur.peek().is_some_and(crate::text::is_cjk) {
        return Some((Style::CnNum, Some(n)));
    }
    cur.pos = save;
    None
}

/// `（一）` `(一)` `(1)` `（1）` `(a)`.
fn parse_paren(cur: &mut Cursor<'_>) -> Option<(Style, Option<u32>)> {
    let save = cur.pos;
    cur.bump();
    cur.skip_spaces();
    let (style, n) = if let Some(n) = read_cn(cur) {
        (Style::ParenCn, n)
    } else if let Some(n) = read_arabic(cur) {
        (Style::ParenArabic, n)
    } else if let Some(c) = cur.peek().filter(|c| c.is_ascii_alphabetic()) {
        // （a） (b): one letter only, not `(Local` or `(注：`.
        cur.bump();
        let lower = c.to_ascii_lowercase();
        let style = if c.is_ascii_lowercase() { Style::LatinLower } else { Style::LatinUpper };
        (style, u32::from(lower as u8 - b'a' + 1))
    } else {
        cur.pos = save;
        return None;
    };
    cur.skip_spaces();
    if cur.eat(|c| c == ')') {
        return Some((style, Some(n)));
    }
    // `（三 我们如何存储…`: the closing bracket lost, a space in its place
    // before Chinese text. Without the space `（一些…` is a word.
    let after = cur.pos;
    if matches!(style, Style::ParenCn | Style::ParenArabic)
        && cur.line[save..after].chars().last().is_some_and(is_space)
        && cur.peek().is_some_and(crate::text::is_cjk)
    {
        return Some((style, Some(n)));
    }
    cur.pos = save;
    None
}

/// `1.` `1、` `1.1` `1.1.1` `2. 1.` `1)` `1）` `1 标题`.
fn parse_decimal(cur: &mut Cursor<'_>) -> Option<(Style, Option<u32>)> {
    let save = cur.pos;
    let mut parts = vec![read_arabic(cur)?];
    if parts[0] > 99 {
        cur.pos = save;
        return None;
    }
    if cur.eat(|c| c == ')') {
        return Some((Style::HalfParenArabic, Some(parts[0])));
    }
    loop {
        let before = cur.pos;
        if !cur.eat(|c| c == '.') {
            break;
        }
        cur.skip_spaces();
        match read_arabic(cur) {
            Some(n) if n <= 99 && parts.len() < 6 => parts.push(n),
            _ => {
                // `1.` then text: the dot ends the marker.
                cur.pos = before;
                cur.bump();
                let depth = parts.len() as u8;
                return Some((Style::Decimal(depth), parts.last().copied()));
            }
        }
    }
    if cur.eat(|c| c == '、') {
        return Some((Style::Decimal(parts.len() as u8), parts.last().copied()));
    }
    // `1.1 共享`, `3.2共享`: several parts need no final dot.
    if parts.len() >= 2 {
        let next = cur.peek();
        if next.is_none_or(|c| is_space(c) || !c.is_ascii_digit() && c != '.' && c != '%') {
            return Some((Style::Decimal(parts.len() as u8), parts.last().copied()));
        }
    }
    // `1 标题`: a single number followed by a space (a tab separates the
    // cells of a table's row: `3	穿山甲	广告投放`); `1 . 标题`, `2 、标题`: a
    // space before the punctuation.
    if parts.len() == 1 && cur.peek_raw().is_some_and(|c| matches!(c, ' ' | '\u{3000}')) {
        let digits_end = cur.pos;
        cur.skip_spaces();
        let punct = cur.peek().is_some_and(|c| matches!(c, '.' | '、'));
        if punct {
            cur.bump();
        }
        let after = cur.rest().trim_start_matches(is_space);
        if after.chars().next().is_some_and(crate::text::is_cjk) {
            if !punct {
                cur.pos = digits_end;
            }
            return Some((Style::Decimal(1), Some(parts[0])));
        }
    }
    cur.pos = save;
    None
}

/// `a.` `B、` `c)`, but not `a.b`.
fn parse_latin(cur: &mut Cursor<'_>, first: char) -> Option<(Style, Option<u32>)> {
    let save = cur.pos;
    cur.bump();
    if cur.peek().is_some_and(|c| matches!(c, '.' | '、' | ')')) {
        cur.bump();
        // `a.b` is an abbreviation or a domain, not a marker.
        if cur.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
            cur.pos = save;
            return None;
        }
        let lower = first.to_ascii_lowercase();
        let n = u32::from(lower as u8 - b'a' + 1);
        let style = if first.is_ascii_lowercase() { Style::LatinLower } else { Style::LatinUpper };
        return Some((style, Some(n)));
    }
    cur.pos = save;
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(line: &str, style: Style, number: Option<u32>, rest: &str) {
        let m = parse(line).unwrap_or_else(|| panic!("no marker in {line:?}"));
        assert_eq!((m.style, m.number), (style, number), "{line:?}");
        assert_eq!(&line[m.len..], rest, "{line:?}");
    }

    #[test]
    fn parses_every_common_style() {
        check("第一部分定义", Style::Part, Some(1), "定义");
        check("第十一章 适用范围", Style::Chapter, Some(11), "适用范围");
        check("第3条 说明", Style::Article, Some(3), "说明");
        check("一、本协议的适用范围", Style::CnNum, Some(1), "本协议的适用范围");
        check("三. 我们如何共享", Style::CnNum, Some(3), "我们如何共享");
        check("十二．联系", Style::CnNum, Some(12), "联系");
        check("三 个人信息的存储", Style::CnNum, Some(3), "个人信息的存储");
        check("（一）帮您成为我们的用户", Style::ParenCn, Some(1), "帮您成为我们的用户");
        check("(二) 向您提供", Style::ParenCn, Some(2), "向您提供");
        check("1.我们如何收集", Style::Decimal(1), Some(1), "我们如何收集");
        check("2、为实现", Style::Decimal(1), Some(2), "为实现");
        check("３．联系", Style::Decimal(1), Some(3), "联系");
        check("3.1 共享", Style::Decimal(2), Some(1), "共享");
        check("2. 1. 帮助您成为我们的会员", Style::Decimal(2), Some(1), "帮助您成为我们的会员");
        check("1.1.2 设备信息", Style::Decimal(3), Some(2), "设备信息");
        check("（1）相机", Style::ParenArabic, Some(1), "相机");
        check("(12) 相机", Style::ParenArabic, Some(12), "相机");
        check("3）位置", Style::HalfParenArabic, Some(3), "位置");
        check("②日志", Style::Circled, Some(2), "日志");
        check("a. 注册、登录", Style::LatinLower, Some(1), "注册、登录");
        check("（b）cookie的清除", Style::LatinLower, Some(2), "cookie的清除");
        check("B.认证", Style::LatinUpper, Some(2), "认证");
        check("## 联系我们", Style::Markdown(2), None, "联系我们");
        check("- 一、本协议的适用范围", Style::CnNum, Some(1), "本协议的适用范围");
        check("• 1. 会员注册", Style::Decimal(1), Some(1), "会员注册");
    }

    #[test]
    fn parses_odd_numbering() {
        // Spaces inside the marker, doubled punctuation, a stray bullet, a
        // lost bracket: copies from PDFs and word processors.
        check("1 . 我们如何收集您的信息", Style::Decimal(1), Some(1), "我们如何收集您的信息");
        check("2 、我们如何共享", Style::Decimal(1), Some(2), "我们如何共享");
        check("一 、我们如何收集", Style::CnNum, Some(1), "我们如何收集");
        check("1.、我们如何收集", Style::Decimal(1), Some(1), "我们如何收集");
        check("二、• 我们如何共享", Style::CnNum, Some(2), "我们如何共享");
        check("四）我们如何保护您的信息", Style::ParenCn, Some(4), "我们如何保护您的信息");
        check("（三 我们如何存储", Style::ParenCn, Some(3), "我们如何存储");
        check("(2 相机权限", Style::ParenArabic, Some(2), "相机权限");
        // A decimal after the doubled dot is a number, not punctuation.
        check("1. .5倍", Style::Decimal(1), Some(1), ".5倍");
        assert_eq!(parse("（一些信息"), None);
        assert_eq!(parse("1 .com"), None);
        assert_eq!(parse("3\t穿山甲\t广告投放"), None);
    }

    #[test]
    fn rejects_lookalikes() {
        for line in [
            "2020年5月20日",
            "一些信息",
            "www.a.com",
            "100.我们",
            "e.g.",
            "-3",
            "十分重要",
            "第三方",
            "**重要**",
            "三 ",
            "一百 个",
        ] {
            assert_eq!(parse(line), None, "{line:?}");
        }
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(cn_number("十"), Some(10));
        assert_eq!(cn_number("十一"), Some(11));
        assert_eq!(cn_number("二十"), Some(20));
        assert_eq!(cn_number("二十三"), Some(23));
        assert_eq!(cn_number("一百零三"), Some(103));
        assert_eq!(cn_number("方"), None);
    }
}
