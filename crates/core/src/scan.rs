//! The scan layer, below segmentation: primitives every stage shares and
//! none owns. Normalised clause texts searched once for many words
//! ([`ClauseTexts`]), and the scanners of dates, numerals, e-mail addresses,
//! phone numbers and reply times that facts, classification and the clause
//! model all use. Imports only `text`, `report`'s
//! plain types and the lexicon's words; never a stage of the pipeline.

use crate::lexicon as lex;
use crate::report::{Span, TimeUnit};
use crate::text::{fold_width, is_space, Normalized, Words};

/// The normalised clauses and headings of a policy, in input order, with
/// their texts also joined into one string: a rule's words are then looked
/// for once in the whole text rather than once per clause (44 rules over a
/// thousand clauses made this the largest cost of analysis).
#[derive(Debug)]
pub struct ClauseTexts {
    /// The texts' spans in the input, sorted.
    items: Vec<Span>,
    /// The texts, each followed by `\n` (which normalised text never holds).
    joined: String,
    /// Where each text starts in `joined`.
    starts: Vec<usize>,
    /// Every word of `index` in every text, from one scan of `joined`
    /// ([`ClauseTexts::indexed`]); empty until then.
    hits: Vec<Hit>,
    /// Where each text's hits start in `hits`, and their end.
    hit_starts: Vec<u32>,
    index: Option<&'static WordIndex>,
}

/// The words that stages look for in every clause, in one automaton: the
/// clauses are scanned once ([`ClauseTexts::indexed`]) and each stage reads
/// the hits of its own words by their number ([`WordIndex::id`]) instead of
/// scanning the clauses again. The pipeline builds one index over the words
/// of classification and of the keyword rules. The automaton is daachorse's
/// character-wise double array, made for CJK dictionaries: on taobao.txt its
/// overlapping scan measured half aho-corasick's instructions, its build two
/// thirds, and its code a quarter of aho-corasick's in the wasm.
pub struct WordIndex {
    ac: daachorse::CharwiseDoubleArrayAhoCorasick<u32>,
    /// The words, sorted and each once: a word's place is its number.
    words: Vec<&'static str>,
}

/// A word of a [`WordIndex`] found in a text: its number, and its byte
/// range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub word: u32,
    pub start: u32,
    pub end: u32,
}

impl std::fmt::Debug for WordIndex {
    // The automaton has no `Debug`; its words say what it finds.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordIndex").field("words", &self.words).finish_non_exhaustive()
    }
}

impl WordIndex {
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> Self {
        let mut words: Vec<&'static str> = words.into_iter().filter(|w| !w.is_empty()).collect();
        words.sort_unstable();
        words.dedup();
        let ac = daachorse::CharwiseDoubleArrayAhoCorasick::new(&words).expect("clause words build an automaton");
        WordIndex { ac, words }
    }

    /// The number of `word`, if the index holds it.
    pub fn id(&self, word: &str) -> Option<usize> {
        self.words.binary_search(&word).ok()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Every occurrence of every word in `text`, overlapping ones too, in
    /// the order of their ends.
    pub fn hits<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Hit> + 't {
        self.ac.find_overlapping_iter(text).map(|m| Hit {
            word: m.value(),
            start: m.start() as u32,
            end: m.end() as u32,
        })
    }
}

/// The raw clauses of a text, each with its [`Words`], and their normalised
/// texts with the one scan's hits: built once for the stages that test the
/// raw clauses for words (facts, the summary), each of which built the same
/// character sets of every clause before.
pub struct ClauseWords<'a> {
    pub text: &'a str,
    /// Every clause's span and words, in text order.
    pub clauses: Vec<(Span, Words<'a>)>,
    pub normalized: &'a ClauseTexts,
}

impl<'a> ClauseWords<'a> {
    pub fn new(text: &'a str, spans: &[Span], normalized: &'a ClauseTexts) -> Self {
        let clauses = spans.iter().map(|&s| (s, Words::new(text.get(s.start..s.end).unwrap_or("")))).collect();
        ClauseWords { text, clauses, normalized }
    }
}

/// `texts` joined, each followed by `\n`, and where each starts.
fn join(texts: &[&str]) -> (String, Vec<usize>) {
    let mut joined = String::with_capacity(texts.iter().map(|t| t.len() + 1).sum());
    let mut starts = Vec::with_capacity(texts.len());
    for t in texts {
        starts.push(joined.len());
        joined.push_str(t);
        joined.push('\n');
    }
    (joined, starts)
}

/// Some words of a [`WordIndex`] as a set of bits by their numbers: a hit
/// is tested with one load, not a search (every hit of every clause is
/// tested).
#[derive(Debug, Clone)]
pub struct WordSet(Vec<u64>);

impl WordSet {
    /// Whether any of `hits` is a word of the set.
    pub fn any_in(&self, hits: &[Hit]) -> bool {
        hits.iter().any(|h| self.0[h.word as usize / 64] & (1 << (h.word % 64)) != 0)
    }
}

impl ClauseTexts {
    /// The texts joined, each followed by `\n`.
    pub fn joined(&self) -> &str {
        &self.joined
    }

    /// Texts given with their spans (sorted by span).
    pub fn new(items: Vec<(Span, String)>) -> Self {
        let (joined, starts) = join(&items.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>());
        let items = items.into_iter().map(|(span, _)| span).collect();
        ClauseTexts { items, joined, starts, hits: Vec::new(), hit_starts: Vec::new(), index: None }
    }

    /// The normal forms of `spans` (sorted) of a text normalised whole:
    /// slices of it, copied once into the joined texts.
    pub fn of_spans(items: Vec<Span>, normalized: &Normalized) -> Self {
        let (joined, starts) = join(&items.iter().map(|&s| normalized.of(s)).collect::<Vec<_>>());
        ClauseTexts { items, joined, starts, hits: Vec::new(), hit_starts: Vec::new(), index: None }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The span of text `i` in the input.
    pub fn span(&self, i: usize) -> Span {
        self.items[i]
    }

    /// Text `i`, normalised.
    pub fn text(&self, i: usize) -> &str {
        let end = self.starts.get(i + 1).map_or(self.joined.len(), |&e| e);
        &self.joined[self.starts[i]..end - 1]
    }

    /// Every text with its span, in input order.
    pub fn iter(&self) -> impl Iterator<Item = (Span, &str)> + '_ {
        (0..self.items.len()).map(|i| (self.items[i], self.text(i)))
    }

    /// The number of the text at exactly `span`.
    pub fn find(&self, span: Span) -> Option<usize> {
        self.items.binary_search(&span).ok()
    }

    /// Text `i` with its span.
    pub fn get(&self, i: usize) -> (Span, &str) {
        (self.items[i], self.text(i))
    }

    /// The normalised text at exactly `span`.
    pub fn text_of(&self, span: Span) -> Option<&str> {
        self.find(span).map(|i| self.text(i))
    }

    /// The texts with every word of `index` found in them, in one scan of
    /// the joined texts (no word holds the `\n` between two texts).
    pub fn indexed(mut self, index: &'static WordIndex) -> Self {
        let mut hits = Vec::new();
        let mut hit_starts = Vec::with_capacity(self.starts.len() + 1);
        let mut clause = 0;
        hit_starts.push(0);
        for m in index.ac.find_overlapping_iter(&self.joined) {
            let at = m.start();
            // Hits come in the order of their ends, so clause by clause.
            while clause + 1 < self.starts.len() && self.starts[clause + 1] <= at {
                clause += 1;
                hit_starts.push(hits.len() as u32);
            }
            let base = self.starts[clause];
            hits.push(Hit { word: m.value(), start: (at - base) as u32, end: (m.end() - base) as u32 });
        }
        while hit_starts.len() <= self.starts.len() {
            hit_starts.push(hits.len() as u32);
        }
        self.hits = hits;
        self.hit_starts = hit_starts;
        self.index = Some(index);
        self
    }

    /// The index the texts were scanned with, if they were.
    pub fn index(&self) -> Option<&'static WordIndex> {
        self.index
    }

    /// The hits in text `i`, positions relative to its start, when the texts
    /// were scanned ([`ClauseTexts::indexed`]).
    pub fn hits_of(&self, i: usize) -> Option<&[Hit]> {
        self.index?;
        Some(&self.hits[self.hit_starts[i] as usize..self.hit_starts[i + 1] as usize])
    }

    /// The index of the clause whose text holds byte `pos` of
    /// [`ClauseTexts::joined`].
    pub fn clause_at(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s <= pos) - 1
    }

    /// Indices of the texts, in input order, that contain any of `words`:
    /// from the hits of the one scan when the index holds every word, else
    /// as [`ClauseTexts::first_with`] finds them.
    pub fn holding_any(&self, words: &[&str]) -> Vec<usize> {
        let Some(set) = self.word_set(words) else {
            searched_again();
            return self.first_with(words, usize::MAX);
        };
        let found: Vec<usize> = (0..self.items.len()).filter(|&i| set.any_in(self.hits_in(i))).collect();
        debug_assert_eq!(found, self.first_with(words, usize::MAX), "{words:?}");
        found
    }

    /// `words` (the empty one aside) as a set of the index's word numbers:
    /// `None` when the texts were not scanned with an index that holds
    /// every one of them.
    pub fn word_set(&self, words: &[&str]) -> Option<WordSet> {
        let index = self.index?;
        let mut bits = vec![0u64; index.len().div_ceil(64)];
        for w in words.iter().filter(|w| !w.is_empty()) {
            let id = index.id(w)?;
            bits[id / 64] |= 1 << (id % 64);
        }
        Some(WordSet(bits))
    }

    /// Whether the text at `span` may hold one of the words of `set`
    /// ([`ClauseTexts::word_set`]), normalised: false only when the one scan
    /// found none of them in it. A span that is no text's may hold anything.
    pub fn may_hold(&self, span: Span, set: &WordSet) -> bool {
        self.find(span).is_none_or(|i| set.any_in(self.hits_in(i)))
    }

    /// The hits of text `i` (empty before [`ClauseTexts::indexed`]).
    fn hits_in(&self, i: usize) -> &[Hit] {
        self.hits_of(i).unwrap_or_default()
    }

    /// Indices of the first `limit` clauses, in input order, that contain
    /// any of `words`.
    pub fn first_with(&self, words: &[&str], limit: usize) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        for w in words.iter().filter(|w| !w.is_empty()) {
            // The first `limit` clauses overall are among each word's first.
            let mut own = 0;
            let mut last = usize::MAX;
            for pos in memchr::memmem::find_iter(self.joined.as_bytes(), w.as_bytes()) {
                let i = self.starts.partition_point(|&s| s <= pos) - 1;
                if i != last {
                    found.push(i);
                    last = i;
                    own += 1;
                    if own == limit {
                        break;
                    }
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found.truncate(limit);
        found
    }
}

#[cfg(test)]
thread_local! {
    /// How many questions on this thread the index could not answer.
    pub(crate) static SEARCHES_AGAIN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts a question the index could not answer (a word it lacks), for the
/// tests that check the pipeline's questions all come from its one scan.
#[inline]
pub(crate) fn searched_again() {
    #[cfg(test)]
    SEARCHES_AGAIN.with(|n| n.set(n.get() + 1));
}

/// Chars of `s`, width-folded, with their byte offsets.
pub(crate) fn folded(s: &str) -> Vec<(usize, char)> {
    // Sized by a count first: `collect` would grow the vector several times.
    let mut out = Vec::with_capacity(s.chars().count());
    out.extend(s.char_indices().map(|(i, c)| (i, fold_width(c))));
    out
}

/// Reads a date at `cs[i..]`: `2020 年 5月 20日`, `2021-07-01`, `2021/7/1`,
/// `2021.7.1`. Returns (YYYY-MM-DD, chars consumed).
pub(crate) fn date_at(cs: &[(usize, char)], i: usize) -> Option<(String, usize)> {
    let mut k = i;
    let mut nums = Vec::new();
    let mut seps = Vec::new();
    while nums.len() < 3 {
        // Templates bracket the blanks they filled: 【2022】年【8】月【24】日.
        if !nums.is_empty() && k < cs.len() && matches!(cs[k].1, '【' | '[') {
            k += 1;
        }
        let start = k;
        let mut v = 0u32;
        while k < cs.len() && cs[k].1.is_ascii_digit() && k - start < 4 {
            v = v * 10 + cs[k].1.to_digit(10)?;
            k += 1;
        }
        if k == start {
            return None;
        }
        nums.push(v);
        if k < cs.len() && matches!(cs[k].1, '】' | ']') {
            k += 1;
        }
        while k < cs.len() && is_space(cs[k].1) {
            k += 1;
        }
        // A date may end the line: `2022-03-22`.
        let sep = cs.get(k).map_or(' ', |c| c.1);
        if !matches!(sep, '年' | '月' | '日' | '-' | '/' | '.') {
            if nums.len() == 3 {
                break;
            }
            return None;
        }
        seps.push(sep);
        k += 1;
        while k < cs.len() && is_space(cs[k].1) {
            k += 1;
        }
    }
    let (y, m, d) = (nums[0], nums[1], nums[2]);
    let ok_seps = seps.first() == Some(&'年') || seps.first().is_some_and(|s| matches!(s, '-' | '/' | '.'));
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) && ok_seps)
        .then(|| (format!("{y:04}-{m:02}-{d:02}"), k - i))
}

/// Whether `line` is a short `label：date` field, as a policy's head gives
/// its dates (`更新日期：2022年8月26日`, `生效日期:【2022年06月09日】`). Such a
/// line is complete even without a full stop.
pub(crate) fn is_date_field(line: &str) -> bool {
    let line = line.trim_matches(|c: char| is_space(c) || matches!(c, '】' | '）' | ')' | '」' | '。'));
    if line.chars().count() > 40 || !has_year_digits(line) {
        return false;
    }
    let cs = folded(line);
    // A field's label is short: `最新版本生效日期`.
    let Some(colon) = cs.iter().position(|c| c.1 == ':').filter(|&at| at <= 12) else { return false };
    (colon + 1..cs.len()).any(|i| {
        cs[i].1.is_ascii_digit()
            && !cs[i - 1].1.is_ascii_digit()
            && date_at(&cs, i).is_some_and(|(_, used)| cs[i + used..].iter().all(|c| is_space(c.1) || c.1 == '日'))
    })
}

/// Whether `s` has a digit, ASCII or full-width: most lines have none and
/// need no closer look.
pub(crate) fn has_digit(s: &str) -> bool {
    let b = s.as_bytes();
    crate::text::first_ascii_digit(b).is_some() || memchr::memchr_iter(0xEF, b).any(|i| wide_digit_at(b, i))
}

/// Whether a full-width digit (EF BC 90–99) starts at byte `i` of `b`.
fn wide_digit_at(b: &[u8], i: usize) -> bool {
    matches!(b.get(i..i + 3), Some([0xEF, 0xBC, 0x90..=0x99]))
}

/// Whether `s` holds four digits in a row, ASCII or full-width: a date's
/// year ([`date_at`] reads 1990–2100), so a line without one holds no date
/// and need not be folded. Read from the bytes: a full-width digit is
/// EF BC 90–99, and 0xEF is never inside a character.
pub(crate) fn has_year_digits(s: &str) -> bool {
    let b = s.as_bytes();
    if !memchr::memchr_iter(0xEF, b).any(|i| wide_digit_at(b, i)) {
        // ASCII digits only (most lines): jump from digit to digit.
        let mut at = 0;
        while let Some(d) = crate::text::first_ascii_digit(&b[at..]) {
            let run = b[at + d..].iter().take(4).take_while(|x| x.is_ascii_digit()).count();
            if run == 4 {
                return true;
            }
            at += d + run;
        }
        return false;
    }
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        if b[i].is_ascii_digit() {
            run += 1;
            i += 1;
        } else if wide_digit_at(b, i) {
            run += 1;
            i += 3;
        } else {
            run = 0;
            i += 1;
        }
        if run == 4 {
            return true;
        }
    }
    false
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

pub(crate) fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || matches!(c, '十' | '百')
}

/// Value of a Chinese numeral such as `十二`, `二十`, `一百零三`; `None` for
/// anything else.
pub fn cn_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 6 {
        return None;
    }
    let mut total = 0u32;
    let mut current = 0u32;
    let mut seen = false;
    for c in s.chars() {
        if let Some(d) = cn_digit(c) {
            current = current * 10 + d;
            seen = true;
        } else if c == '十' {
            total += if current == 0 { 10 } else { current * 10 };
            current = 0;
            seen = true;
        } else if c == '百' {
            total += if current == 0 { 100 } else { current * 100 };
            current = 0;
            seen = true;
        } else {
            return None;
        }
    }
    seen.then_some(total + current)
}

/// A digit or a Chinese numeral (一 … 十, 百, 零, 两).
pub(crate) fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || is_cn_numeral(c)
}

pub(crate) fn emails(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
    let domain = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-');
    for (at, _) in text.match_indices('@') {
        let mut s = at;
        while s > 0 && local(b[s - 1]) {
            s -= 1;
        }
        let mut e = at + 1;
        while e < b.len() && domain(b[e]) {
            e += 1;
        }
        let candidate = text[s..e].trim_end_matches('.');
        let (user, host) = candidate.split_once('@').unwrap_or(("", ""));
        let tld_ok = host
            .rsplit_once('.')
            .is_some_and(|(_, tld)| tld.len() >= 2 && tld.bytes().all(|c| c.is_ascii_alphabetic()));
        if !user.is_empty() && tld_ok && !out.iter().any(|x| x.eq_ignore_ascii_case(candidate)) {
            out.push(candidate.to_owned());
        }
    }
    out
}

/// Phone numbers given after 电话 / 热线 / 客服 / Tel.
pub(crate) fn phones(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for key in lex::PHONE_LABELS {
        // memmem: SIMD, where `match_indices` of a `&str` is not.
        for pos in memchr::memmem::find_iter(text.as_bytes(), key.as_bytes()) {
            let after = &text[pos + key.len()..];
            let window = &after[..crate::text::floor_boundary(after, 60)];
            if !has_digit(window) {
                continue;
            }
            let cs = folded(window);
            let mut k = 0;
            // Skip labels and punctuation up to the first digit.
            while k < cs.len() && !cs[k].1.is_ascii_digit() && k < 12 {
                k += 1;
            }
            let mut number = String::new();
            while k < cs.len() && (cs[k].1.is_ascii_digit() || matches!(cs[k].1, '-' | ' ' | '(' | ')')) {
                number.push(cs[k].1);
                k += 1;
            }
            let number = number.trim().trim_matches('-').to_owned();
            let digits = number.chars().filter(char::is_ascii_digit).count();
            if (5..=13).contains(&digits) && !out.contains(&number) {
                out.push(number);
            }
        }
    }
    out
}

/// Whether a clause names a length of time: a numeral, then 天, 周, 个月,
/// 个工作日 or 年 (`6个月`, `三十天`, `【3】年`); not a date (`2024年1月1日`).
pub(crate) fn names_a_duration(clause: &str) -> bool {
    let cs = folded(clause);
    let mut i = 0;
    while i < cs.len() {
        if !is_numeral(cs[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < cs.len() && is_numeral(cs[i].1) {
            i += 1;
        }
        let rest: String = cs[i..(i + 6).min(cs.len())]
            .iter()
            .map(|c| c.1)
            .filter(|c| !matches!(c, '】' | ']' | ')' | '）' | ' '))
            .collect();
        let year_number = i - start == 4;
        let date_follows = rest.chars().nth(1).is_some_and(is_numeral);
        if ["天", "周", "个月", "个工作日"].iter().any(|u| rest.starts_with(u))
            || (rest.starts_with('年') && !year_number && !date_follows)
        {
            return true;
        }
    }
    false
}

/// Whether a clause says how long something is kept (运单信息将保留三十天到
/// 六个月不等的期限): its days are a retention period, not a reply time.
fn keeps_for_a_period(clause: &Words) -> bool {
    (clause.any(lex::STORING) || clause.any(lex::KEEPING_VERBS)) && clause.any(&["期限", "期间"])
}

/// A promised reply time in a clause: `15个工作日内`, `【30】天`, `十五天内`.
pub(crate) fn response_time(clause: &str) -> Option<(u32, TimeUnit)> {
    response_time_in(&Words::new(clause))
}

/// [`response_time`] of a clause whose characters' set is built.
pub(crate) fn response_time_in(words: &Words) -> Option<(u32, TimeUnit)> {
    let clause = words.text;
    // Ceasing operations (停止运营) brings a notice period and a deletion
    // deadline, neither a reply to the user.
    if !words.any(lex::REPLY_WORDS) || words.any(&["停止运营", "终止运营"]) || keeps_for_a_period(words) {
        return None;
    }
    let cs = folded(clause);
    for (i, &(_, c)) in cs.iter().enumerate() {
        if !is_numeral(c) || (i > 0 && is_numeral(cs[i - 1].1)) {
            continue;
        }
        // 提前15个工作日通知: how early a notice comes, not how fast a reply.
        let before: String = cs[i.saturating_sub(3)..i].iter().map(|c| c.1).collect();
        if crate::text::has(&before, "提前") {
            continue;
        }
        let mut k = i;
        let mut word = String::new();
        while k < cs.len() && is_numeral(cs[k].1) {
            word.push(cs[k].1);
            k += 1;
        }
        let value = word.parse::<u32>().ok().or_else(|| cn_number(&word))?;
        // Skip closing brackets and spaces: 【30】天, 15 个工作日.
        while k < cs.len() && (is_space(cs[k].1) || matches!(cs[k].1, '】' | ']' | ')' | '）')) {
            k += 1;
        }
        let rest: String = cs[k..(k + 5).min(cs.len())].iter().map(|c| c.1).collect();
        // `十五个工作内` (CAPP-130 rw_115): 日 left out by a typo.
        let unit = if rest.starts_with("个工作日") || rest.starts_with("工作日") || rest.starts_with("个工作内")
        {
            TimeUnit::WorkingDays
        } else if rest.starts_with('天')
            || rest.starts_with("日内")
            || rest.starts_with("个自然日")
            || rest.starts_with("自然日")
        {
            TimeUnit::Days
        } else {
            continue;
        };
        if (1..=180).contains(&value) {
            return Some((value, unit));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_texts_find_the_first_clauses_with_any_word_in_order() {
        let t = |s: &str| (Span::new(0, 0), s.to_owned());
        let texts = ClauseTexts::new(vec![t("甲乙"), t("丙"), t("乙乙乙"), t("甲"), t("丁")]);
        assert_eq!(texts.first_with(&["乙", "甲"], 3), vec![0, 2, 3]);
        assert_eq!(texts.first_with(&["丁"], 3), vec![4]);
        assert_eq!(texts.first_with(&["戊", ""], 3), Vec::<usize>::new());
        // A word never spans two clauses.
        assert_eq!(texts.first_with(&["乙丙"], 3), Vec::<usize>::new());
    }

    #[test]
    fn one_scan_gives_each_clause_its_own_hits() {
        static INDEX: std::sync::OnceLock<WordIndex> = std::sync::OnceLock::new();
        let index = INDEX.get_or_init(|| WordIndex::new(["乙", "甲乙", "丁", "乙丙", "", "乙"]));
        // Sorted and each once, the empty word left out.
        assert_eq!(index.len(), 4);
        let (jia_yi, yi, ding) =
            (index.id("甲乙").unwrap() as u32, index.id("乙").unwrap() as u32, index.id("丁").unwrap() as u32);
        let t = |s: &str| (Span::new(0, 0), s.to_owned());
        let texts = ClauseTexts::new(vec![t("甲乙"), t("丙"), t("乙乙"), t(""), t("丁")]);
        assert_eq!(texts.hits_of(0), None, "not scanned yet");
        let texts = texts.indexed(index);
        let hit = |word, start, end| Hit { word, start, end };
        assert_eq!(texts.hits_of(0).unwrap(), [hit(jia_yi, 0, 6), hit(yi, 3, 6)]);
        assert_eq!(texts.hits_of(1).unwrap(), []);
        assert_eq!(texts.hits_of(2).unwrap(), [hit(yi, 0, 3), hit(yi, 3, 6)]);
        assert_eq!(texts.hits_of(3).unwrap(), []);
        // Positions are the clause's own; 乙丙 spans two clauses and is no hit.
        assert_eq!(texts.hits_of(4).unwrap(), [hit(ding, 0, 3)]);
        // The clauses holding any of some words, from the hits when the index
        // holds them all, else by a search of each word.
        assert_eq!(texts.holding_any(&["丁", "甲乙"]), [0, 4]);
        assert_eq!(texts.holding_any(&["乙"]), [0, 2]);
        assert_eq!(texts.holding_any(&["丙", "乙"]), [0, 1, 2], "丙 is not indexed");
        assert_eq!(texts.holding_any(&[]), Vec::<usize>::new());
    }

    #[test]
    fn a_span_may_hold_the_words_its_scan_found() {
        static INDEX: std::sync::OnceLock<WordIndex> = std::sync::OnceLock::new();
        let index = INDEX.get_or_init(|| WordIndex::new(["身份证", "手机号"]));
        let texts =
            ClauseTexts::new(vec![(Span::new(0, 12), "身份证号码".to_owned()), (Span::new(20, 26), "姓名".to_owned())]);
        assert!(texts.word_set(&["身份证"]).is_none(), "not scanned yet");
        let texts = texts.indexed(index);
        let set = texts.word_set(&["身份证", ""]).unwrap();
        assert!(texts.may_hold(Span::new(0, 12), &set));
        assert!(!texts.may_hold(Span::new(20, 26), &set));
        // A span that is no text's may hold anything.
        assert!(texts.may_hold(Span::new(30, 40), &set));
        assert!(texts.word_set(&["姓名"]).is_none(), "姓名 is not indexed");
    }

    proptest::proptest! {
        /// Four digits in a row, read from bytes, as the folded characters
        /// that [`date_at`] reads have them.
        #[test]
        fn year_digits_are_four_folded_digits_in_a_row(s in "[0-9０-９年a【】 \u{ff00}-\u{ff20}]{0,12}") {
            let cs = folded(&s);
            let want = cs.windows(4).any(|w| w.iter().all(|c| c.1.is_ascii_digit()));
            proptest::prop_assert_eq!(has_year_digits(&s), want);
        }
    }

    #[test]
    fn year_digits_in_every_width() {
        assert!(has_year_digits("更新日期：2020年5月20日"));
        assert!(has_year_digits("生效：２０２１年７月１日"));
        assert!(has_year_digits("２0２1"));
        assert!(!has_year_digits("第1条至第999条，共3项"));
        assert!(!has_year_digits("12 34"));
        assert!(!has_year_digits(""));
    }

    proptest::proptest! {
        /// The hits of one scan of the joined texts are, clause by clause,
        /// the hits of a scan of each.
        #[test]
        fn one_scan_equals_a_scan_per_clause(texts in proptest::collection::vec("[甲乙丙a-c]{0,6}", 0..8)) {
            static INDEX: std::sync::OnceLock<WordIndex> = std::sync::OnceLock::new();
            let index = INDEX.get_or_init(|| WordIndex::new(["甲", "甲乙", "乙乙", "a", "ab", "bca", "丙a"]));
            let texts = ClauseTexts::new(texts.into_iter().map(|s| (Span::new(0, 0), s)).collect()).indexed(index);
            for i in 0..texts.len() {
                let own: Vec<Hit> = index.hits(texts.text(i)).collect();
                proptest::prop_assert_eq!(texts.hits_of(i).unwrap(), own.as_slice());
            }
        }

        /// The index (daachorse) finds what the aho-corasick crate's
        /// overlapping search finds, in the same order: every occurrence,
        /// by end, the longer of two with one end first.
        #[test]
        fn hits_are_the_overlapping_matches_of_aho_corasick(
            text in "[甲乙丙a-cé ]{0,40}",
            words in proptest::collection::btree_set("[甲乙丙a-cé]{1,4}", 1..10),
        ) {
            let words: Vec<&'static str> = words.into_iter().map(|w| &*Box::leak(w.into_boxed_str())).collect();
            let index = WordIndex::new(words.iter().copied());
            let ac = aho_corasick::AhoCorasick::new(&words).expect("words build an automaton");
            let expected: Vec<Hit> = ac
                .find_overlapping_iter(&text)
                .map(|m| Hit { word: m.pattern().as_u32(), start: m.start() as u32, end: m.end() as u32 })
                .collect();
            let found: Vec<Hit> = index.hits(&text).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn date_fields() {
        assert!(is_date_field("更新日期：2022年8月26日"));
        assert!(is_date_field("生效日期:【2022年06月09日】"));
        assert!(is_date_field("最后更新时间： 2022-03-22"));
        assert!(is_date_field("本版发布日期：2020年  11 月 24  日"));
        // A sentence wrapped after its date goes on; so does one whose
        // colon comes late.
        assert!(!is_date_field("本政策自2022年8月26日"));
        assert!(!is_date_field("我们于以下日期更新了本政策的部分条款，主要包括第三方清单：2022年8月26日"));
        assert!(!is_date_field("联系电话：400-123-4567"));
    }
}
