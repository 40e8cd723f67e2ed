//! Cells of a table row whose separators were flattened to ASCII commas.
//!
//! Text exported from a table often keeps only `,` between cells, and the
//! same `,` also stands for a space inside a cell (`Bilibili,SDK`,
//! `1.手机唯一标识码；,2.手机存储权限`). Which commas separate cells is decided
//! by what each column holds: a company in the provider column, a link in the
//! link column, a short name in the name column. [`align`] chooses the split
//! of the pieces into the header's columns that fits best (a small dynamic
//! programme over contiguous groups; no crate does this kind of typed
//! segmentation). Reads the row and its header's fields only, never the text
//! around the row.

use super::Field;
use crate::lexicon as lex;

/// Every comma-separated piece of `s`, trimmed: [`align`] decides which
/// commas stood for spaces (`Android,ID`).
/// A comma inside brackets separates nothing.
pub(super) fn pieces(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut push = |a: usize, z: usize| {
        let piece = &s[a..z];
        let lead = piece.len() - piece.trim_start().len();
        let t = piece.trim();
        if !t.is_empty() {
            out.push((a + lead, a + lead + t.len()));
        }
    };
    let mut depth = 0u32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                push(start, i);
                start = i + 1;
            }
            _ => {}
        }
    }
    push(start, s.len());
    out
}

/// Byte ranges of `s`, one per column of `fields` (possibly empty), grouping
/// the comma-separated `parts` in order. A company fused with the name
/// after it is first cut after `公司`.
pub(super) fn align(s: &str, parts: &[(usize, usize)], fields: &[Option<Field>]) -> Vec<(usize, usize)> {
    let n = fields.len();
    let mut parts = parts.to_vec();
    unfuse_company(s, &mut parts, fields);
    let k = parts.len();
    if k == 0 || n == 0 || k > 64 {
        return parts;
    }
    // best[i][j]: the best score of the first i pieces in the first j
    // columns; from[i][j]: where column j - 1's group starts.
    const NONE: i32 = i32::MIN / 4;
    let mut best = vec![vec![NONE; n + 1]; k + 1];
    let mut from = vec![vec![0usize; n + 1]; k + 1];
    best[0][0] = 0;
    for j in 0..n {
        let last = j + 1 == n;
        for i in 0..=k {
            if best[i][j] == NONE {
                continue;
            }
            // An empty cell.
            let empty =
                if last || fields[j..].iter().all(|f| !matches!(f, Some(Field::Name | Field::Data))) { -1 } else { -4 };
            if best[i][j] + empty > best[i][j + 1] {
                best[i][j + 1] = best[i][j] + empty;
                from[i][j + 1] = i;
            }
            for z in i + 1..=k {
                let score = best[i][j] + group_score(s, &parts[i..z], fields[j]);
                if score > best[z][j + 1] {
                    best[z][j + 1] = score;
                    from[z][j + 1] = i;
                }
            }
        }
    }
    if best[k][n] == NONE {
        return parts;
    }
    let mut out = vec![(0, 0); n];
    let mut i = k;
    for j in (0..n).rev() {
        let a = from[i][j + 1];
        // An empty cell gets its place fixed below.
        out[j] = if a == i { (0, 0) } else { (parts[a].0, parts[i - 1].1) };
        i = a;
    }
    // An empty cell is a zero-width range where the previous cell ends, so
    // that spans stay in order.
    let mut end = parts[0].0;
    for cell in &mut out {
        if cell.0 == cell.1 {
            *cell = (end, end);
        }
        end = cell.1;
    }
    out
}

/// `深圳市腾讯计算机系统有限公司MTP（ACE）`: a provider cell fused with the
/// name cell after it, cut after the company's suffix (joining the two
/// again costs what any join does).
fn unfuse_company(s: &str, parts: &mut Vec<(usize, usize)>, fields: &[Option<Field>]) {
    let Some(p) = fields.iter().position(|f| *f == Some(Field::Provider)) else {
        return;
    };
    if fields.get(p + 1) != Some(&Some(Field::Name)) {
        return;
    }
    for (k, &(a, z)) in parts.iter().enumerate() {
        let cell = &s[a..z];
        if let Some(at) = cell.find("公司") {
            let cut = a + at + "公司".len();
            if cut < z && !s[cut..z].starts_with(['（', '(', '、', '，', '。']) {
                parts.splice(k..=k, [(a, cut), (cut, z)]);
            }
            return;
        }
    }
}

/// How well `pieces` joined by commas fit a column of `field`.
fn group_score(s: &str, pieces: &[(usize, usize)], field: Option<Field>) -> i32 {
    let text = &s[pieces[0].0..pieces[pieces.len() - 1].1];
    let mut score = fit(text, field);
    for w in pieces.windows(2) {
        score += join_cost(&s[w[0].0..w[0].1], &s[w[1].0..w[1].1], field);
    }
    score
}

fn fit(t: &str, field: Option<Field>) -> i32 {
    let t = t.trim();
    let url = super::is_link(t) || crate::text::has(t, "://");
    let chars = t.chars().count();
    let org = lex::COMPANY_WORD
        .iter()
        .chain(lex::COMPANY_ENDINGS)
        .chain(lex::COMPANY_ENDINGS_MORE)
        .chain(lex::ORGANISATION_WORDS)
        .any(|w| crate::text::has(t, w));
    let sdk = t.to_ascii_lowercase().contains("sdk");
    // `SDK` alone is the end of a name whose space became a comma.
    if ["sdk", "api", "push"].contains(&t.to_ascii_lowercase().as_str()) {
        return -4;
    }
    match field {
        Some(Field::Link) => {
            if url {
                6
            } else {
                -4
            }
        }
        _ if url => -6,
        Some(Field::Provider) => {
            if org && chars <= 60 {
                4
            } else if chars <= 20 && !t.contains('、') {
                0
            } else {
                -2
            }
        }
        Some(Field::Name) => {
            if org && !sdk || t.contains('、') && chars > 10 && !sdk {
                -3
            } else if chars <= 30 {
                2
            } else {
                -3
            }
        }
        Some(Field::Data) => i32::from(t.contains(['、', '（', '('])),
        Some(Field::Method | Field::Permission) => {
            if chars <= 24 {
                1
            } else {
                -1
            }
        }
        Some(Field::Purpose) if org && chars <= 30 => -2,
        Some(Field::Purpose) | None => 0,
    }
}

/// What joining two neighbouring pieces into one cell costs: nothing where
/// the comma stood for a space (`Bilibili,SDK`, `华为,SDK`) or inside a list
/// of data items; one point elsewhere.
fn join_cost(a: &str, b: &str, field: Option<Field>) -> i32 {
    let latin_word = |x: &str| x.len() <= 16 && x.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_');
    let suffix = ["sdk", "api", "push", "kit", "plus", "id"].contains(&b.to_ascii_lowercase().as_str());
    let latin_after_latin = a.ends_with(|c: char| c.is_ascii_alphanumeric());
    // `华为,SDK`, `Android,ID`: a name's last word is worth keeping.
    if suffix {
        return 1;
    }
    // `百度,OAID,SDK`: a Latin word goes with the name before it.
    if latin_word(b) && (latin_after_latin || field == Some(Field::Name)) {
        return 0;
    }
    match field {
        // `Android,ID、MAC地址`: a word of an item broken at its space.
        Some(Field::Data | Field::Permission)
            if latin_after_latin && b.starts_with(|c: char| c.is_ascii_alphanumeric()) =>
        {
            0
        }
        Some(Field::Data | Field::Permission) => -1,
        _ => -2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(s: &str, fields: &[Option<Field>]) -> Vec<String> {
        align(s, &pieces(s), fields).into_iter().map(|(a, z)| s[a..z].to_owned()).collect()
    }

    const P: Option<Field> = Some(Field::Provider);
    const N: Option<Field> = Some(Field::Name);
    const D: Option<Field> = Some(Field::Data);
    const U: Option<Field> = Some(Field::Purpose);
    const M: Option<Field> = Some(Field::Method);
    const L: Option<Field> = Some(Field::Link);

    #[test]
    fn a_name_with_a_flattened_space_stays_one_cell() {
        let row = "上海某某数码科技有限公司,Bilibili,SDK,设备型号、设备MAC地址,渠道登录时使用,提供账号登录,SDK本机采集,https://example.com/privacy";
        assert_eq!(
            cells(row, &[P, N, D, None, U, M, L]),
            [
                "上海某某数码科技有限公司",
                "Bilibili,SDK",
                "设备型号、设备MAC地址",
                "渠道登录时使用",
                "提供账号登录",
                "SDK本机采集",
                "https://example.com/privacy"
            ]
        );
    }

    #[test]
    fn commas_inside_a_data_list_stay_in_the_data_cell() {
        let row = "某某科技有限公司,某渠道SDK,1.手机唯一标识码；,2.手机存储权限,3.请求网络连接。,渠道登录时,提供登录,SDK本机采集,http://example.com/p";
        let got = cells(row, &[P, N, D, None, U, M, L]);
        assert_eq!(got[2], "1.手机唯一标识码；,2.手机存储权限,3.请求网络连接。", "{got:?}");
    }

    #[test]
    fn a_company_fused_with_the_name_is_cut_after_gongsi() {
        let row = "深圳市某某计算机系统有限公司MTP（ACE）,设备型号、系统版本,游戏中使用,反作弊,SDK本机采集,https://example.com/doc";
        let got = cells(row, &[P, N, D, None, U, M, L]);
        assert_eq!(got[0], "深圳市某某计算机系统有限公司");
        assert_eq!(got[1], "MTP（ACE）");
        assert_eq!(got[6], "https://example.com/doc");
    }

    #[test]
    fn a_provider_column_in_the_middle_takes_the_company() {
        let row = "指纹认证SDK（仅安卓）,FIDO指纹认证组件,验证指纹信息,国民某某科技有限公司,指纹信息,指纹权限";
        let got = cells(row, &[None, N, U, P, D, Some(Field::Permission), D]);
        assert_eq!(got[3], "国民某某科技有限公司");
        assert_eq!(got[1], "FIDO指纹认证组件");
    }
}
