//! The `policylens` binary end to end: the report contract, encodings, exit
//! statuses and messages.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_policylens"))
}

fn policy_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/policies").join(name)
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child =
        bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn json_report_follows_the_schema() {
    let out = bin().args(["analyze"]).arg(policy_path("mijian.txt")).args(["--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["input"]["encoding"], "utf-8");
    assert_eq!(v["input"]["bytes"], 46795);
    assert_eq!(v["input"]["lines"], 1051);
    for key in ["outline", "checklist", "findings", "sdks", "recipients"] {
        assert!(v[key].is_array(), "{key}");
    }
    for key in ["effective", "updated", "controller", "emails", "phones", "response_time", "children_age"] {
        assert!(v["facts"].get(key).is_some(), "facts.{key}");
    }
    let doc = &v["outline"][1];
    assert_eq!(doc["kind"], "document");
    assert_eq!(doc["heading"], "第二部分隐私权政策");
    let first = doc["children"].as_array().unwrap().iter().find(|n| n["kind"] == "section").unwrap();
    assert_eq!(first["heading"], "一、我们如何收集和使用您的信息");
    assert_eq!(first["marker"], "一、");
    assert_eq!(first["level"], 1);
    assert_eq!(first["lines"][0], 116);
    let span = first["span"].as_array().unwrap();
    assert_eq!(span.len(), 2);
    assert!(first["clauses"][0]["span"].is_array());
}

#[test]
fn text_report_shows_the_outline() {
    let out = bin().args(["analyze"]).arg(policy_path("weidandan.txt")).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[document] 微单单隐私协议 (lines 1-367)"), "{text}");
    assert!(text.contains("第十一章 适用范围  (line 340)"), "{text}");
}

#[test]
fn gbk_and_utf16_are_decoded() {
    let policy = "隐私政策\n一、我们如何收集信息\n我们收集您的手机号。\n";
    // GBK bytes of the text above (table checked with Python's codecs).
    let gbk: Vec<u8> = policy
        .chars()
        .flat_map(|c| match c {
            '\n' => vec![b'\n'],
            _ => gbk_of(c),
        })
        .collect();
    let out = run_stdin(&["analyze", "-", "--format", "json"], &gbk);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["input"]["encoding"], "gb18030");
    assert_eq!(v["outline"][0]["children"][0]["heading"], "一、我们如何收集信息");

    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(policy.encode_utf16().flat_map(u16::to_le_bytes));
    let out = run_stdin(&["analyze", "-", "--format", "json"], &utf16);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["input"]["encoding"], "utf-16le");
    assert_eq!(v["input"]["bytes"], policy.len());
}

/// GBK encodings of the few characters the test uses.
fn gbk_of(c: char) -> Vec<u8> {
    let table: &[(char, [u8; 2])] = &[
        ('隐', [0xd2, 0xfe]),
        ('私', [0xcb, 0xbd]),
        ('政', [0xd5, 0xfe]),
        ('策', [0xb2, 0xdf]),
        ('一', [0xd2, 0xbb]),
        ('、', [0xa1, 0xa2]),
        ('我', [0xce, 0xd2]),
        ('们', [0xc3, 0xc7]),
        ('如', [0xc8, 0xe7]),
        ('何', [0xba, 0xce]),
        ('收', [0xca, 0xd5]),
        ('集', [0xbc, 0xaf]),
        ('信', [0xd0, 0xc5]),
        ('息', [0xcf, 0xa2]),
        ('您', [0xc4, 0xfa]),
        ('的', [0xb5, 0xc4]),
        ('手', [0xca, 0xd6]),
        ('机', [0xbb, 0xfa]),
        ('号', [0xba, 0xc5]),
        ('。', [0xa1, 0xa3]),
    ];
    table.iter().find(|(k, _)| *k == c).map(|(_, b)| b.to_vec()).unwrap_or_else(|| panic!("no GBK for {c}"))
}

#[test]
fn undecodable_input_exits_2_with_the_position() {
    let out = run_stdin(&["analyze", "-"], b"abc\xff\xfe\xfd\x80");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim(), "policylens: -: not UTF-8, UTF-16 or GB18030 text: undecodable byte at offset 3");
}

#[test]
fn a_missing_file_exits_2() {
    let out = bin().args(["analyze", "/nonexistent/policy.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("policylens: cannot read /nonexistent/policy.txt:"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn bad_arguments_exit_2() {
    let out = bin().args(["analyze", "x.txt", "--format", "xml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("error: invalid value 'xml' for '--format <FORMAT>'"), "{err}");
    assert!(err.contains("[possible values: text, json, markdown, sarif]"), "{err}");
}

#[test]
fn a_mistyped_flag_gets_a_suggestion() {
    let out = bin().args(["analyze", "x.txt", "--formt", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("error: unexpected argument '--formt' found"), "{err}");
    assert!(err.contains("tip: a similar argument exists: '--format'"), "{err}");
    let out = bin().args(["analyse-it"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_and_version_on_every_subcommand() {
    for sub in ["analyze", "batch", "diff", "baseline", "eval", "train", "rules", "explain", "completions"] {
        let out = bin().args([sub, "--help"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{sub} --help");
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains("Usage: policylens"), "{sub}: {help}");
        let out = bin().args([sub, "--version"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{sub} --version");
        assert!(String::from_utf8(out.stdout).unwrap().trim_end().ends_with(env!("CARGO_PKG_VERSION")));
    }
    let help = String::from_utf8(bin().args(["analyze", "--help"]).output().unwrap().stdout).unwrap();
    assert!(help.contains("Examples:\n  policylens analyze policy.txt "), "{help}");
    assert!(help.contains("--baseline <FILE>"), "{help}");
}

#[test]
fn format_with_an_equals_sign() {
    let out = bin().args(["analyze"]).arg(policy_path("xiaoyun.txt")).arg("--format=json").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("non-utf8");
    let name = dir.join(OsStr::from_bytes(b"\xff\xfe.txt"));
    std::fs::copy(policy_path("xiaoyun.txt"), &name).unwrap();
    let out = bin().arg("analyze").arg(&name).arg("--format=json").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // Missing, it is named in one line, undecodable bytes shown as U+FFFD.
    let missing = dir.join(OsStr::from_bytes(b"\xff\xfe-missing.txt"));
    let out = bin().arg("analyze").arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("policylens: cannot read ") && err.contains("\u{fffd}\u{fffd}-missing.txt: "), "{err}");
}

#[test]
fn a_directory_given_as_a_file_exits_2() {
    let dir = temp_dir("dir-as-file");
    let out = bin().arg("analyze").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.ends_with(" is a directory; analyze reads one file (policylens batch reads directories)\n"), "{err}");
}

#[test]
fn shell_completions() {
    for (shell, marker) in
        [("bash", "_policylens()"), ("zsh", "#compdef policylens"), ("fish", "complete -c policylens")]
    {
        let out = bin().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(marker), "{shell}: {}", &script[..script.len().min(300)]);
        assert!(script.contains("baseline"), "{shell}");
    }
}

#[test]
fn a_baseline_lets_the_gate_fail_only_on_new_findings() {
    let dir = temp_dir("baseline");
    let policy = dir.join("policy.txt");
    std::fs::copy(policy_path("weidandan.txt"), &policy).unwrap();
    let baseline = dir.join("baseline.json");
    let out = bin()
        .arg("baseline")
        .arg(&policy)
        .arg("--out")
        .arg(&baseline)
        .args(["--reason", "reviewed with legal", "--by", "alice"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    assert_eq!(file["version"], 1);
    let accepted = file["accepted"].as_array().unwrap();
    let rules: Vec<&str> = accepted.iter().map(|a| a["rule"].as_str().unwrap()).collect();
    assert!(rules.contains(&"CTL-01") && rules.contains(&"KID-01"), "{rules:?}");
    assert_eq!(accepted[0]["reason"], "reviewed with legal");
    assert_eq!(accepted[0]["accepted_by"], "alice");
    assert_eq!(accepted[0]["fingerprint"].as_str().unwrap().len(), 16);

    let gate = |baseline: &PathBuf| {
        bin()
            .arg("analyze")
            .arg(&policy)
            .args(["--format", "json", "--fail-on", "must", "--baseline"])
            .arg(baseline)
            .output()
            .unwrap()
    };
    let out = gate(&baseline);
    assert_eq!(out.status.code(), Some(0), "every failing finding is accepted");
    assert!(String::from_utf8_lossy(&out.stderr).contains("accepted by the baseline, 0 new"));

    // Without KID-01's entry, KID-01 is new again and fails the gate.
    let mut fewer = file.clone();
    fewer["accepted"].as_array_mut().unwrap().retain(|a| a["rule"] != "KID-01");
    let fewer_path = dir.join("fewer.json");
    std::fs::write(&fewer_path, serde_json::to_string(&fewer).unwrap()).unwrap();
    assert_eq!(gate(&fewer_path).status.code(), Some(1));

    // Rewriting keeps the reasons already given.
    let out = bin()
        .arg("baseline")
        .arg(&policy)
        .arg("--out")
        .arg(&fewer_path)
        .args(["--reason", "new", "--by", "bob"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&fewer_path).unwrap()).unwrap();
    for a in file["accepted"].as_array().unwrap() {
        let expected = if a["rule"] == "KID-01" { "bob" } else { "alice" };
        assert_eq!(a["accepted_by"], expected, "{a}");
    }

    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"accepted\": 3}").unwrap();
    let out = gate(&broken);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a PolicyLens baseline"));
}

#[test]
fn sarif_locates_each_finding_in_the_policy_file() {
    let path = policy_path("weidandan.txt");
    let out = bin().arg("analyze").arg(&path).args(["--format", "sarif"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "PolicyLens");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "KID-01" && r["defaultConfiguration"]["level"] == "error"));
    // The rule's explanation and fix in English ride in its property bag.
    for r in rules {
        for key in ["why_en", "fix_en"] {
            assert!(r["properties"][key].as_str().is_some_and(|s| !s.is_empty()), "{} lacks {key}", r["id"]);
        }
    }
    let results = run["results"].as_array().unwrap();
    let kid = results.iter().find(|r| r["ruleId"] == "KID-01").expect("KID-01 fails on weidandan");
    assert_eq!(kid["level"], "error");
    let loc = &kid["locations"][0]["physicalLocation"];
    assert!(loc["artifactLocation"]["uri"].as_str().unwrap().ends_with("weidandan.txt"));
    assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
    // Every region that quotes the policy quotes it where it says.
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut checked = 0;
    for r in results {
        for l in r["locations"].as_array().unwrap() {
            let region = &l["physicalLocation"]["region"];
            let (Some(line), Some(col)) = (region["startLine"].as_u64(), region["startColumn"].as_u64()) else {
                continue;
            };
            let snippet = region["snippet"]["text"].as_str().unwrap();
            // The policy wraps lines; the snippet joins them.
            let rest = lines[line as usize - 1..].join("\n");
            let from: String = rest.chars().skip(col as usize - 1).filter(|c| !c.is_whitespace()).take(5).collect();
            let want: String = snippet.chars().filter(|c| !c.is_whitespace()).take(5).collect();
            assert_eq!(from, want, "{}", r["ruleId"]);
            checked += 1;
        }
    }
    assert!(checked > 3, "{checked}");
    assert!(results.iter().all(|r| r["partialFingerprints"]["policylens/evidence/v1"].as_str().unwrap().len() == 16));
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("policylens-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn batch_reports_every_file_and_skips_the_broken_one() {
    let dir = temp_dir("batch");
    std::fs::copy(policy_path("weidandan.txt"), dir.join("a.txt")).unwrap();
    std::fs::copy(policy_path("xiaoyun.txt"), dir.join("b.txt")).unwrap();
    std::fs::write(dir.join("c.txt"), b"abc\xff\xfe\xfd\x80").unwrap();
    std::fs::write(dir.join("ignored.bin"), b"\x00").unwrap();
    let out_path = dir.join("out.jsonl");
    let out = bin().arg("batch").arg(&dir).arg("--out").arg(&out_path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&out_path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["report"]["outline"][0]["heading"], "微单单隐私协议");
    assert_eq!(lines[1]["report"]["schema_version"], 1);
    assert_eq!(lines[2]["error"], "not UTF-8, UTF-16 or GB18030 text: undecodable byte at offset 3");
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(summary.contains("2 policies analysed, 1 skipped"), "{summary}");
    assert!(summary.contains("c.txt: not UTF-8"), "{summary}");
}

#[test]
fn batch_rows_hold_the_report_of_analyze() {
    let dir = temp_dir("batch-rows");
    std::fs::copy(policy_path("mijian.txt"), dir.join("mijian.txt")).unwrap();
    let batch = bin().arg("batch").arg(dir.join("mijian.txt")).output().unwrap();
    assert_eq!(batch.status.code(), Some(0));
    let line = String::from_utf8(batch.stdout).unwrap();
    // The report's fields in the order of the schema, as `analyze` writes them.
    assert!(line.contains(",\"report\":{\"schema_version\":1,\"input\":"), "{}", &line[..200]);
    let row: serde_json::Value = serde_json::from_str(line.trim_end()).unwrap();
    let analyze = bin().arg("analyze").arg(dir.join("mijian.txt")).args(["--format", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&analyze.stdout).unwrap();
    assert_eq!(row["report"], report);
}

#[test]
fn batch_writes_csv() {
    let dir = temp_dir("csv");
    std::fs::copy(policy_path("taobao.txt"), dir.join("taobao.txt")).unwrap();
    let out = bin().arg("batch").arg(dir.join("taobao.txt")).args(["--format", "csv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut rows = csv.lines();
    assert_eq!(rows.next().unwrap(), "path,encoding,bytes,kind,sections,must_fail,should_fail,warn,sdks,error");
    let row: Vec<&str> = rows.next().unwrap().split(',').collect();
    // Six summary sections of the first document, eleven (with 【引言】) of the policy.
    assert_eq!(&row[1..5], &["utf-8", "56245", "policy", "17"]);
}

#[test]
fn diff_shows_sections_added_and_changed() {
    let dir = temp_dir("diff");
    let old = dir.join("old.txt");
    let new = dir.join("new.txt");
    std::fs::write(&old, "隐私政策\n一、收集\n我们收集手机号。\n二、联系我们\n邮箱。\n").unwrap();
    std::fs::write(&new, "隐私政策\n一、收集\n我们收集手机号和位置。\n二、存储\n境内。\n三、联系我们\n邮箱。\n")
        .unwrap();
    let out = bin().arg("diff").arg(&old).arg(&new).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("  + 二、存储  (new, line 4)"), "{text}");
    assert!(text.contains("  ~ 一、收集  (old line 2, new line 2)"), "{text}");
    assert!(!text.contains("联系我们"), "renumbered but unchanged: {text}");
}

#[test]
fn markdown_format() {
    let out =
        bin().args(["analyze"]).arg(policy_path("weidandan.txt")).args(["--format", "markdown"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# PolicyLens 隐私政策审阅报告"), "{md}");
}

#[test]
fn not_a_policy_is_said_plainly() {
    let out = run_stdin(&["analyze", "-"], "话说天下大势，分久必合，合久必分。".as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("does not read like a Chinese privacy policy"), "{text}");
    let out = run_stdin(&["analyze", "-", "--format", "json"], b"   ");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["input"]["kind"], "empty");
    assert_eq!(v["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn rules_and_explain() {
    let out = bin().arg("rules").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let list = String::from_utf8(out.stdout).unwrap();
    assert!(list.lines().any(|l| l.starts_with("STR-01   info   章节编号跳号")), "{list}");
    let out = bin().args(["explain", "str-02"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("STR-02 — 章节编号重复 / A section number is used twice\n"), "{text}");
    assert!(text.contains("How to fix:"), "{text}");
    let out = bin().args(["explain", "XYZ-99"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

fn eval_capp130(extra: &[&str]) -> (String, f64) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/capp130");
    let out = bin().args(["eval", "capp130"]).arg(&dir).args(extra).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("CAPP-130 clause classification: 130 policies, 38889 sentences; "), "{text}");
    let macro_f1: f64 = text.lines().last().unwrap().split_whitespace().last().unwrap().parse().unwrap();
    (text, macro_f1)
}

#[test]
fn eval_capp130_rules_alone() {
    let (text, macro_f1) = eval_capp130(&["--rules"]);
    assert!(text.contains("; keyword rules only\n"), "{text}");
    // Measured 0.684 when the clause model landed; a drop is a regression
    // of the keyword rules, which the model reads as features.
    assert!(macro_f1 >= 0.68, "{text}");
}

#[test]
fn eval_capp130_shipped_model() {
    let (text, macro_f1) = eval_capp130(&[]);
    assert!(text.contains("not a measure of unseen policies"), "{text}");
    // 0.855 on the corpus it learned from (5-fold cross-validation: 0.779).
    // Lower means the shipped model file no longer matches the features the
    // core computes: retrain it (`policylens train capp130 DIR --out …`).
    assert!(macro_f1 >= 0.84, "{text}");
}

#[test]
fn eval_capp130_agreement_bounds_the_goal() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/capp130");
    let out = bin().args(["eval", "capp130"]).arg(&dir).arg("--agreement").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let macro_f1: Vec<&str> =
        text.lines().filter(|l| l.starts_with("macro F1")).map(|l| l.split_whitespace().last().unwrap()).collect();
    // The annotators label a sentence shared word for word by two policies
    // alike only this often, and a sentence with the same neighbours too
    // only a little more: a classifier measured against these labels cannot
    // be expected to pass about 0.82 on unseen policies.
    assert_eq!(macro_f1, ["0.816", "0.861"], "{text}");
    assert!(text.contains("14472 occurrences of the same sentence in another policy"), "{text}");
    assert!(text.contains("\nupdates          0.749     0.772     0.761     391\n"), "{text}");
}

#[test]
fn fail_on_gates_by_severity() {
    let code = |name: &str, level: &str| {
        let path = policy_path(name);
        bin()
            .args(["analyze", path.to_str().unwrap(), "--format", "json", "--fail-on", level])
            .output()
            .unwrap()
            .status
            .code()
    };
    // weidandan.txt fails CTL-01 and KID-01 (must); mijian.txt fails only
    // should-items, which `--fail-on should` counts and `must` does not.
    assert_eq!(code("weidandan.txt", "must"), Some(1));
    assert_eq!(code("mijian.txt", "must"), Some(0));
    assert_eq!(code("mijian.txt", "should"), Some(1));
    let bad = bin().args(["analyze", "-", "--fail-on", "never"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid value 'never' for '--fail-on <SEVERITY>'"));
}

#[test]
fn eval_sdk_on_the_sdk_corpus() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/sdk");
    let out = bin().args(["eval", "sdk"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("SDK extraction: 42 documents, 699 annotated rows, "), "{text}");
    for shape in ["A ", "B ", "D ", "E ", "F ", "G ", "H ", "I ", "K ", "L "] {
        assert!(text.lines().any(|l| l.starts_with(shape)), "shape {shape}: {text}");
    }
    // The last line: name precision, recall, F1; the line before it: field
    // exactness. Measured 0.961 / 0.946 / 0.953, provider 0.931 and data
    // 0.818 when this floor was last raised; lower is a regression.
    let numbers = |line: &str| -> Vec<f64> {
        line.split_whitespace().filter_map(|w| w.trim_start_matches('(').parse().ok()).collect()
    };
    let lines: Vec<&str> = text.lines().collect();
    let [precision, recall, f1] = numbers(lines[lines.len() - 1])[..] else { panic!("{text}") };
    assert!(precision >= 0.955 && recall >= 0.94 && f1 >= 0.95, "{text}");
    let fields = lines[lines.len() - 2];
    assert!(fields.trim_start().starts_with("provider "), "{text}");
    let exact = numbers(fields);
    let (provider, data) = (exact[0], exact[3]);
    assert!(provider >= 0.92 && data >= 0.81, "{text}");
}

#[test]
fn eval_findings_on_two_judged_policies() {
    // The seed's gold for apayun and weidandan, pointed at the corpus texts.
    let dir = temp_dir("findings");
    let gold = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/findings");
    for name in ["apayun", "weidandan"] {
        let raw = std::fs::read_to_string(gold.join(format!("{name}.tsv"))).unwrap();
        let line = format!("# policy: ../policies/{name}.txt");
        assert!(raw.contains(&line), "{raw}");
        let moved = raw.replace(&line, &format!("# policy: {}", policy_path(&format!("{name}.txt")).display()));
        std::fs::write(dir.join(format!("{name}.tsv")), moved).unwrap();
    }
    let errors = dir.join("errors.tsv");
    let out = bin().args(["eval", "findings"]).arg(&dir).arg("--errors").arg(&errors).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    // Exact counts: a rule change that moves them moves these lines (update
    // them, and say in the commit which verdicts changed and why).
    assert!(text.starts_with("Findings against hand judgements: 2 policies, 57 judgements (27 problem, 30 ok)\n"));
    assert!(
        text.contains("\n  apayun                   fail/warn  7/8  true, must passes  2/18 false, unjudged 0\n"),
        "{text}"
    );
    assert!(
        text.contains("\n  weidandan                fail/warn 15/15 true, must passes  2/12 false, unjudged 0\n"),
        "{text}"
    );
    assert!(text.contains("\nSHR-01  should     0     0     0         -      2     0  0.000          0\n"), "{text}");
    assert!(text.contains("\ngold problems where the rule gave no finding (n/a): 1 (weidandan COL-07)\n"), "{text}");
    assert!(
        text.ends_with("\nprecision of fail/warn 0.957 (22/23); false passes of must rules 0.133 (4/30)\n"),
        "{text}"
    );
    let errors = std::fs::read_to_string(errors).unwrap();
    let rows: Vec<&str> = errors.lines().collect();
    assert_eq!(rows[0], "policy\trule\ttool\tgold\tline\treason");
    // 1 false alarm, 4 false passes and the n/a problem. (SHR-01 was a
    // false alarm on both until the rule read 按照我们的说明, 代表我们 and the
    // like; COL-09 and RGT-02 on apayun until they read 合法分享的信息 and
    // 变更、删除.)
    assert_eq!(rows.len(), 1 + 6, "{errors}");
    assert!(rows.iter().any(|r| r.starts_with("apayun\tWRD-04\twarn\tok\t31\t")), "{errors}");
    assert!(rows.iter().any(|r| r.starts_with("apayun\tCMP-01\tpass\tproblem\t262\t")), "{errors}");

    // A gold line beyond the text is refused, naming the file.
    let bad = dir.join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(
        bad.join("x.tsv"),
        format!(
            "# policy: {}\nrule\tverdict\tline\treason\nCTL-01\tok\t99999\tx\n",
            policy_path("apayun.txt").display()
        ),
    )
    .unwrap();
    let out = bin().args(["eval", "findings"]).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("x.tsv: CTL-01 is judged on line 99999, but "));
}

#[test]
fn the_findings_gold_parses_and_every_line_is_in_its_text() {
    // The judgement counts do not depend on the rules: they change only when
    // the gold in tests/corpus/findings does (update its README with them).
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/findings");
    let out = bin().args(["eval", "findings"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Findings against hand judgements: 65 policies, 1646 judgements (361 problem, 1285 ok)\n"),
        "{text}"
    );
    assert!(text.lines().last().unwrap().starts_with("precision of fail/warn "), "{text}");
}
