//! The fixture corpus: every draft under tests/fixtures/{good,rules,directory,large,eml}
//! is linted and compared with its `*.expected.json`. Names carry intent: `good/*` must be
//! clean, `<rule>.fire-N` must raise <rule>, `<rule>.ok-N` (a near miss) must not.
//!
//! `LIAISON_BLESS=1 cargo test -p liaison-lint --test fixtures` rewrites the expected files
//! (review the diff before committing).

use chrono::DateTime;
use liaison_lint::{LintConfig, Linter};
use liaison_model::Directory;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const DIRS: &[&str] = &["good", "rules", "directory", "large", "eml"];

/// Expectations written by hand from TIME.md (bless leaves them alone).
const HAND_WRITTEN: &[&str] = &["deadline-placeholder.fire-1", "deadline-placeholder.ok-1"];

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn linter_for(dir: &Path) -> Linter {
    let cfg: LintConfig = match std::fs::read_to_string(dir.join("lint.toml")) {
        Ok(t) => toml::from_str(&t).expect("lint.toml parses"),
        Err(_) => LintConfig::default(),
    };
    let directory: Option<Directory> = std::fs::read_to_string(dir.join("directory.toml"))
        .ok()
        .map(|t| toml::from_str(&t).expect("directory.toml parses"));
    let now = DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
    Linter::new(&cfg, directory, liaison_time::Context::new(now)).expect("config is valid")
}

/// The same attachment resolution the CLI does for plain drafts.
fn lint_file(linter: &Linter, path: &Path) -> liaison_lint::FileReport {
    let raw = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let mut a = linter.parse(&name, &raw);
    if a.format == liaison_anatomy::SourceFormat::Plain {
        for f in &mut a.attachments {
            match std::fs::metadata(path.parent().unwrap().join(&f.name)) {
                Ok(m) => f.size = Some(m.len()),
                Err(_) => f.missing = true,
            }
        }
    }
    linter.report(&name, a, None)
}

fn expected_of(r: &liaison_lint::FileReport) -> Value {
    json!({
        "kind": r.kind,
        "diagnostics": r.diagnostics.iter().map(|d| json!({
            "rule": d.rule,
            "severity": d.severity,
            "line": d.line,
            "column": d.column,
            "start": d.start,
            "end": d.end,
            "message": d.message,
        })).collect::<Vec<_>>(),
    })
}

fn drafts(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| {
        let s = p.to_string_lossy();
        (s.ends_with(".md") || s.ends_with(".txt") || s.ends_with(".eml"))
            && !s.ends_with(".expected.json")
    });
    v.sort();
    v
}

#[test]
fn corpus_matches_expectations() {
    let bless = std::env::var_os("LIAISON_BLESS").is_some();
    let root = fixtures_root();
    let mut failures = Vec::new();
    let mut count = 0;
    let mut zh = 0;
    let mut en = 0;
    let mut fired: std::collections::BTreeSet<String> = Default::default();
    let mut near: std::collections::BTreeSet<String> = Default::default();
    for d in DIRS {
        let dir = root.join(d);
        let linter = linter_for(&dir);
        for path in drafts(&dir) {
            count += 1;
            let report = lint_file(&linter, &path);
            match report.lang {
                Some(liaison_lint::Lang::En) => en += 1,
                _ => zh += 1,
            }
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let stem = name
                .rsplit_once('.')
                .map(|x| x.0)
                .unwrap_or(&name)
                .to_string();
            let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule).collect();
            // Intent from the name.
            if *d == "good" && !rules.is_empty() {
                failures.push(format!("{d}/{name}: a good draft has findings: {rules:?}"));
            }
            if let Some((rule, tag)) = stem.split_once('.') {
                if tag.starts_with("fire") {
                    fired.insert(rule.to_string());
                    if !rules.contains(&rule) {
                        failures.push(format!("{d}/{name}: {rule} did not fire (got {rules:?})"));
                    }
                } else if tag.starts_with("ok") {
                    near.insert(rule.to_string());
                    if rules.contains(&rule) {
                        failures.push(format!("{d}/{name}: {rule} fired on a near miss"));
                    }
                }
            }
            let got = expected_of(&report);
            let exp_path = dir.join(format!("{stem}.expected.json"));
            if bless && !HAND_WRITTEN.contains(&stem.as_str()) {
                std::fs::write(
                    &exp_path,
                    serde_json::to_string_pretty(&got).unwrap() + "\n",
                )
                .unwrap();
                continue;
            }
            match std::fs::read_to_string(&exp_path) {
                Ok(t) => {
                    let want: Value = serde_json::from_str(&t).unwrap();
                    if want != got {
                        failures.push(format!(
                            "{d}/{name}: differs from {stem}.expected.json\n  want: {want}\n  got:  {got}"
                        ));
                    }
                }
                Err(_) => failures.push(format!(
                    "{d}/{name}: no {stem}.expected.json (run with LIAISON_BLESS=1)"
                )),
            }
        }
    }
    assert!(count >= 80, "the corpus has {count} drafts, fewer than 80");
    assert!(
        zh >= 20 && en >= 20,
        "zh {zh}, en {en}: both languages need drafts"
    );
    for r in liaison_lint::RULES {
        if !fired.contains(r.id) {
            failures.push(format!("rule {} has no firing fixture", r.id));
        }
        if !near.contains(r.id) {
            failures.push(format!("rule {} has no near-miss fixture", r.id));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
