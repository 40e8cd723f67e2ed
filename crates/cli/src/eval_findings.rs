//! `policylens eval findings GOLD`: the rules' findings measured against
//! verdicts judged by hand (`tests/corpus/findings`, format in its README).
//!
//! A gold file (`*.tsv`) names its policy on a `# policy: PATH` line (PATH
//! relative to the gold file's folder; a `.jsonl` policy is a CAPP-130 file,
//! read as `eval capp130` reads it: its sentences joined by newlines) and
//! holds one row per judged rule: `rule`, `verdict` (`problem` when the text
//! really fails what the rule asks, `ok` when it does not), the deciding
//! `line` (or `-`) and the `reason`. The verdict is about the text, not about
//! the tool.
//!
//! Findings and gold rows are joined by rule. A fail or warning is right when
//! the gold says `problem`; a pass is right when it says `ok`. Printed: the
//! precision of fail/warn findings (true problems over judged fail/warn), the
//! false-pass rate of must rules (gold problems over judged must passes), both
//! per rule and overall, the policies, and what was left unjudged (findings
//! with no gold row are counted, never guessed). Gold problems where the rule
//! gave no finding (n/a) are reported apart. `--errors FILE` writes every
//! disagreement as TSV.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use policylens_core::{FindingStatus, Report, Severity};

/// One judged rule of one policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldRow {
    pub rule: String,
    /// The text really fails what the rule asks.
    pub problem: bool,
    /// The deciding line (1-based), if one decides.
    pub line: Option<usize>,
    pub reason: String,
}

/// A parsed gold file: the policy it names and its rows.
#[derive(Debug)]
pub struct Gold {
    pub policy: String,
    pub rows: Vec<GoldRow>,
}

/// The tool's verdict on one rule, as the join sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Fail,
    Warn,
    Pass,
    /// The rule gave no finding.
    Absent,
}

impl Tool {
    fn name(self) -> &'static str {
        match self {
            Tool::Fail => "fail",
            Tool::Warn => "warn",
            Tool::Pass => "pass",
            Tool::Absent => "n/a",
        }
    }
    fn flags(self) -> bool {
        matches!(self, Tool::Fail | Tool::Warn)
    }
}

/// Counts for one rule, or summed over rules.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Fail/warn findings the gold calls a problem.
    pub flagged_problem: usize,
    /// Fail/warn findings the gold calls ok: false alarms.
    pub flagged_ok: usize,
    /// Fail/warn findings without a gold row.
    pub flagged_unjudged: usize,
    /// Passes the gold calls ok.
    pub passed_ok: usize,
    /// Passes the gold calls a problem: false passes.
    pub passed_problem: usize,
    /// Passes without a gold row.
    pub passed_unjudged: usize,
    /// Gold problems where the rule gave no finding.
    pub none_problem: usize,
    /// Gold ok rows where the rule gave no finding.
    pub none_ok: usize,
}

impl Tally {
    fn add(&mut self, tool: Tool, gold: Option<bool>) {
        let slot = match (tool, gold) {
            (t, Some(true)) if t.flags() => &mut self.flagged_problem,
            (t, Some(false)) if t.flags() => &mut self.flagged_ok,
            (t, None) if t.flags() => &mut self.flagged_unjudged,
            (Tool::Pass, Some(false)) => &mut self.passed_ok,
            (Tool::Pass, Some(true)) => &mut self.passed_problem,
            (Tool::Pass, None) => &mut self.passed_unjudged,
            (_, Some(true)) => &mut self.none_problem,
            (_, Some(false)) => &mut self.none_ok,
            (_, None) => return,
        };
        *slot += 1;
    }

    /// Judged fail/warn findings.
    pub fn flagged(&self) -> usize {
        self.flagged_problem + self.flagged_ok
    }

    /// Judged passes.
    pub fn passed(&self) -> usize {
        self.passed_ok + self.passed_problem
    }

    /// True problems over judged fail/warn findings (`None` when none were judged).
    pub fn precision(&self) -> Option<f64> {
        ratio(self.flagged_problem, self.flagged())
    }

    /// Gold problems over judged passes (`None` when none were judged).
    pub fn false_pass_rate(&self) -> Option<f64> {
        ratio(self.passed_problem, self.passed())
    }

    /// Verdicts the gold contradicts.
    pub fn wrong(&self) -> usize {
        self.flagged_ok + self.passed_problem
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

fn show(r: Option<f64>) -> String {
    r.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"))
}

/// Parses a gold file: `#` lines are comments (`# policy: PATH` names the
/// policy), the first other line is the header `rule verdict line reason`,
/// then one row per judged rule, tab-separated.
pub fn parse(raw: &str) -> Result<Gold, String> {
    let mut policy = None;
    let mut header = false;
    let mut rows: Vec<GoldRow> = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(p) = comment.trim().strip_prefix("policy:") {
                if policy.replace(p.trim().to_owned()).is_some() {
                    return Err(format!("line {n}: a second '# policy:' line"));
                }
            }
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if !header {
            if cells.iter().map(|c| c.trim()).ne(["rule", "verdict", "line", "reason"]) {
                return Err(format!("line {n}: expected the header 'rule<TAB>verdict<TAB>line<TAB>reason'"));
            }
            header = true;
            continue;
        }
        if cells.len() != 4 {
            return Err(format!("line {n}: {} cells, expected 4 (rule, verdict, line, reason)", cells.len()));
        }
        let rule = cells[0].trim().to_ascii_uppercase();
        if policylens_core::rules::get(&rule).is_none() {
            return Err(format!("line {n}: no rule {rule}"));
        }
        let problem = match cells[1].trim() {
            "problem" => true,
            "ok" => false,
            other => return Err(format!("line {n}: verdict '{other}', expected 'problem' or 'ok'")),
        };
        let line_no = match cells[2].trim() {
            "-" | "" => None,
            s => Some(s.parse::<usize>().ok().filter(|&v| v > 0).ok_or_else(|| format!("line {n}: line '{s}'"))?),
        };
        if rows.iter().any(|r| r.rule == rule) {
            return Err(format!("line {n}: {rule} judged twice"));
        }
        rows.push(GoldRow { rule, problem, line: line_no, reason: cells[3].trim().to_owned() });
    }
    let policy = policy.ok_or("no '# policy: PATH' line")?;
    Ok(Gold { policy, rows })
}

/// One rule of one policy, joined: the tool's verdict and the gold's.
#[derive(Debug, Clone)]
pub struct Joined<'a> {
    pub rule: &'static str,
    pub severity: Severity,
    pub tool: Tool,
    pub gold: Option<&'a GoldRow>,
}

/// Every rule of the registry with the report's finding for it (the worst,
/// should a rule give two) and the gold row, if any.
pub fn join<'a>(report: &Report, gold: &'a [GoldRow]) -> Vec<Joined<'a>> {
    policylens_core::rules::REGISTRY
        .iter()
        .map(|r| {
            let tool =
                report.findings.iter().filter(|f| f.rule == r.id).map(|f| f.status).min().map_or(Tool::Absent, |s| {
                    match s {
                        FindingStatus::Fail => Tool::Fail,
                        FindingStatus::Warn => Tool::Warn,
                        FindingStatus::Pass => Tool::Pass,
                    }
                });
            Joined { rule: r.id, severity: r.severity, tool, gold: gold.iter().find(|g| g.rule == r.id) }
        })
        .collect()
}

/// The policy text a gold file names, as the analysis reads it.
fn policy_text(path: &Path) -> Result<(String, &'static str), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let decoded = policylens_core::decode::decode(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = if path.extension().is_some_and(|e| e == "jsonl") {
        crate::capp::parse(&decoded.text).map_err(|e| format!("{}: {e}", path.display()))?.0.join("\n")
    } else {
        decoded.text
    };
    Ok((text, decoded.encoding))
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_file() {
        out.push(path.to_owned());
        return Ok(());
    }
    for entry in std::fs::read_dir(path)? {
        let p = entry?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "tsv") {
            out.push(p);
        }
    }
    Ok(())
}

pub fn run(dir: &Path, errors: Option<&Path>) -> Result<ExitCode, String> {
    let mut files = Vec::new();
    collect(dir, &mut files).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    files.sort();
    if files.is_empty() {
        return Err(format!("no gold files (*.tsv) in {}", dir.display()));
    }
    let mut errors_out = errors
        .map(|p| std::fs::File::create(p).map_err(|e| format!("cannot write {}: {e}", p.display())))
        .transpose()?;
    if let Some(out) = errors_out.as_mut() {
        let _ = writeln!(out, "policy\trule\ttool\tgold\tline\treason");
    }
    let mut by_rule: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let mut must = Tally::default();
    let mut all = Tally::default();
    let mut per_policy: Vec<(String, Tally, Tally)> = Vec::new();
    let mut missed: Vec<String> = Vec::new();
    let (mut judgements, mut problems) = (0, 0);
    for file in &files {
        let raw = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let gold = parse(&raw).map_err(|e| format!("{}: {e}", file.display()))?;
        let policy_path = file.parent().unwrap_or(Path::new(".")).join(&gold.policy);
        let (text, encoding) = policy_text(&policy_path).map_err(|e| format!("{}: {e}", file.display()))?;
        let lines = text.lines().count();
        if let Some(r) = gold.rows.iter().find(|r| r.line.is_some_and(|l| l > lines)) {
            return Err(format!(
                "{}: {} is judged on line {}, but {} has {lines} lines",
                file.display(),
                r.rule,
                r.line.unwrap_or(0),
                gold.policy
            ));
        }
        judgements += gold.rows.len();
        problems += gold.rows.iter().filter(|r| r.problem).count();
        let report = policylens_core::analyze_decoded(&text, encoding);
        let name = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let (mut doc, mut doc_must) = (Tally::default(), Tally::default());
        for j in join(&report, &gold.rows) {
            let verdict = j.gold.map(|g| g.problem);
            by_rule.entry(j.rule).or_default().add(j.tool, verdict);
            all.add(j.tool, verdict);
            doc.add(j.tool, verdict);
            if j.severity == Severity::Must {
                must.add(j.tool, verdict);
                doc_must.add(j.tool, verdict);
            }
            let Some(g) = j.gold else { continue };
            if j.tool == Tool::Absent && g.problem {
                missed.push(format!("{name} {}", j.rule));
            }
            let disagrees = if j.tool.flags() { !g.problem } else { g.problem };
            if disagrees {
                if let Some(out) = errors_out.as_mut() {
                    let _ = writeln!(
                        out,
                        "{name}\t{}\t{}\t{}\t{}\t{}",
                        j.rule,
                        j.tool.name(),
                        if g.problem { "problem" } else { "ok" },
                        g.line.map_or_else(|| "-".to_owned(), |l| l.to_string()),
                        g.reason.replace(['\t', '\n'], " ")
                    );
                }
            }
        }
        per_policy.push((name, doc, doc_must));
    }

    // Written at once, so that a closed pipe (`| head`) ends the output
    // quietly instead of panicking in `println!`.
    let mut out = String::new();
    macro_rules! outln {
        () => { out.push('\n') };
        ($($t:tt)*) => {{ use std::fmt::Write as _; let _ = writeln!(out, $($t)*); }};
    }
    outln!(
        "Findings against hand judgements: {} policies, {judgements} judgements ({problems} problem, {} ok)",
        per_policy.len(),
        judgements - problems
    );
    outln!();
    outln!(
        "{:<7} {:<6} {:>5} {:>5} {:>5} {:>9}  {:>5} {:>5} {:>6}  {:>9}",
        "rule",
        "sev",
        "flag",
        "true",
        "false",
        "precision",
        "pass",
        "false",
        "rate",
        "unjudged"
    );
    for r in policylens_core::rules::REGISTRY {
        let Some(t) = by_rule.get(r.id) else { continue };
        if t.flagged() + t.passed() + t.flagged_unjudged + t.none_problem + t.none_ok == 0
            && (r.severity != Severity::Must || t.passed_unjudged == 0)
        {
            continue;
        }
        let unjudged = t.flagged_unjudged + if r.severity == Severity::Must { t.passed_unjudged } else { 0 };
        outln!(
            "{:<7} {:<6} {:>5} {:>5} {:>5} {:>9}  {:>5} {:>5} {:>6}  {:>9}",
            r.id,
            format!("{:?}", r.severity).to_lowercase(),
            t.flagged(),
            t.flagged_problem,
            t.flagged_ok,
            show(t.precision()),
            t.passed(),
            t.passed_problem,
            show(t.false_pass_rate()),
            unjudged
        );
    }
    outln!("(flag: judged fail/warn findings, true: the gold says problem, false: false alarms;");
    outln!(" pass: judged passes, false: false passes, rate: false passes over judged passes)");
    outln!();
    let mut worst: Vec<(&str, &Tally)> = by_rule.iter().filter(|(_, t)| t.wrong() > 0).map(|(r, t)| (*r, t)).collect();
    worst.sort_by(|a, b| b.1.wrong().cmp(&a.1.wrong()).then(a.0.cmp(b.0)));
    outln!("worst rules (wrong verdicts: false alarms + false passes):");
    for (rule, t) in worst.iter().take(10) {
        outln!(
            "  {rule:<7} {:>3} wrong of {:>3} judged: {} false alarms of {} fail/warn, {} false passes of {} passes",
            t.wrong(),
            t.flagged() + t.passed(),
            t.flagged_ok,
            t.flagged(),
            t.passed_problem,
            t.passed()
        );
    }
    outln!();
    outln!("policies:");
    for (name, doc, doc_must) in &per_policy {
        outln!(
            "  {name:<24} fail/warn {:>2}/{:<2} true, must passes {:>2}/{:<2} false, unjudged {}",
            doc.flagged_problem,
            doc.flagged(),
            doc_must.passed_problem,
            doc_must.passed(),
            doc.flagged_unjudged + doc_must.passed_unjudged
        );
    }
    outln!();
    outln!(
        "unjudged (no gold row): {} fail/warn findings, {} must-rule passes",
        all.flagged_unjudged,
        must.passed_unjudged
    );
    outln!(
        "gold problems where the rule gave no finding (n/a): {}{}",
        missed.len(),
        if missed.is_empty() { String::new() } else { format!(" ({})", missed.join(", ")) }
    );
    // The last line holds the headline figures; tests read them there.
    outln!(
        "precision of fail/warn {} ({}/{}); false passes of must rules {} ({}/{})",
        show(all.precision()),
        all.flagged_problem,
        all.flagged(),
        show(must.false_pass_rate()),
        must.passed_problem,
        must.passed()
    );
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use policylens_core::{Evidence, Finding};

    fn finding(rule: &str, status: FindingStatus) -> Finding {
        let severity = policylens_core::rules::get(rule).unwrap().severity;
        Finding {
            rule: rule.into(),
            severity,
            status,
            message: String::new(),
            sources: vec![],
            evidence: Vec::<Evidence>::new(),
            detail: None,
            basis: None,
        }
    }

    const GOLD: &str = "# policy: ../policies/x.txt\n# a comment\nrule\tverdict\tline\treason\n\
        CTL-01\tproblem\t5\tno company name\nSHR-01\tok\t294\t按照我们的指示\n\
        COL-05\tproblem\t122\t会员权限 is not a device permission\nRGT-01\tok\t-\taccess\n\
        KID-01\tproblem\t-\tno minors section\n";

    #[test]
    fn gold_files_parse_and_refuse_what_they_cannot_mean() {
        let g = parse(GOLD).unwrap();
        assert_eq!(g.policy, "../policies/x.txt");
        assert_eq!(g.rows.len(), 5);
        assert_eq!(
            g.rows[1],
            GoldRow { rule: "SHR-01".into(), problem: false, line: Some(294), reason: "按照我们的指示".into() }
        );
        assert_eq!(g.rows[3].line, None);
        let header = "# policy: p.txt\nrule\tverdict\tline\treason\n";
        for (bad, why) in [
            ("rule\tverdict\tline\treason\nCTL-01\tok\t1\tx\n", "no '# policy"),
            ("# policy: p.txt\nCTL-01\tok\t1\tx\n", "header"),
            (&format!("{header}XYZ-01\tok\t1\tx\n"), "no rule XYZ-01"),
            (&format!("{header}CTL-01\tmaybe\t1\tx\n"), "verdict 'maybe'"),
            (&format!("{header}CTL-01\tok\t0\tx\n"), "line '0'"),
            (&format!("{header}CTL-01\tok\t1\n"), "3 cells"),
            (&format!("{header}CTL-01\tok\t1\tx\nctl-01\tproblem\t2\ty\n"), "CTL-01 judged twice"),
        ] {
            let e = parse(bad).unwrap_err();
            assert!(e.contains(why), "{bad:?}: {e}");
        }
    }

    #[test]
    fn findings_join_gold_by_rule_and_count_once() {
        let gold = parse(GOLD).unwrap();
        let mut report = policylens_core::analyze("");
        report.findings = vec![
            finding("CTL-01", FindingStatus::Warn), // true problem
            finding("SHR-01", FindingStatus::Fail), // false alarm
            finding("COL-05", FindingStatus::Pass), // false pass (must)
            finding("RGT-01", FindingStatus::Pass), // deserved pass (must)
            finding("RGT-02", FindingStatus::Pass), // unjudged must pass
            finding("WRD-04", FindingStatus::Warn), // unjudged warning
            finding("PUB-03", FindingStatus::Pass), // unjudged should pass: not counted as unjudged must
        ];
        // KID-01: gold problem, no finding: missed where the rule is n/a.
        let joined = join(&report, &gold.rows);
        assert_eq!(joined.len(), policylens_core::rules::REGISTRY.len());
        let mut all = Tally::default();
        let mut must = Tally::default();
        for j in &joined {
            all.add(j.tool, j.gold.map(|g| g.problem));
            if j.severity == Severity::Must {
                must.add(j.tool, j.gold.map(|g| g.problem));
            }
        }
        assert_eq!(
            all,
            Tally {
                flagged_problem: 1,
                flagged_ok: 1,
                flagged_unjudged: 1,
                passed_ok: 1,
                passed_problem: 1,
                passed_unjudged: 2,
                none_problem: 1,
                none_ok: 0,
            }
        );
        assert_eq!(all.precision(), Some(0.5));
        assert_eq!(all.wrong(), 2);
        assert_eq!((must.passed(), must.passed_problem, must.passed_unjudged), (2, 1, 1));
        assert_eq!(must.false_pass_rate(), Some(0.5));
        assert_eq!(Tally::default().precision(), None);
        assert_eq!(show(None), "-");
        assert_eq!(show(Some(35.0 / 47.0)), "0.745");
    }

    #[test]
    fn the_worst_status_of_a_rule_given_twice_counts() {
        let mut report = policylens_core::analyze("");
        report.findings = vec![finding("SHR-03", FindingStatus::Pass), finding("SHR-03", FindingStatus::Fail)];
        let j = join(&report, &[]);
        assert_eq!(j.iter().find(|j| j.rule == "SHR-03").unwrap().tool, Tool::Fail);
        assert_eq!(j.iter().find(|j| j.rule == "CTL-01").unwrap().tool, Tool::Absent);
    }
}
