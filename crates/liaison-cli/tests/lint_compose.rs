//! Agreement between compose and lint (issue 4, item 5): every mail that `liaison new`
//! generates from a valid brief under `examples/` lints clean, in Chinese and in English.
//!

use serde_json::Value;
use std::path::Path;
use std::process::Command;

const NOW: &str = "2026-11-30T10:00:00+08:00";

#[test]
fn every_composed_kind_lints_clean_in_both_languages() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut briefs: Vec<_> = std::fs::read_dir(&examples)
        .expect("examples/ holds one brief per kind")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n != "directory.toml" && n != "liaison.toml"
        })
        .collect();
    briefs.sort();
    let directory = examples.join("directory.toml");
    let mut kinds = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    let out = tempfile::tempdir().unwrap();
    for brief in &briefs {
        let text = std::fs::read_to_string(brief).unwrap();
        let toml: toml::Table = toml::from_str(&text).unwrap();
        let Some(kind) = toml.get("kind").and_then(|k| k.as_str()) else {
            continue;
        };
        kinds.insert(kind.to_string());
        for lang in ["zh", "en"] {
            let mail = out.path().join(format!(
                "{}-{lang}.eml",
                brief.file_stem().unwrap().to_string_lossy()
            ));
            let mut new = Command::new(env!("CARGO_BIN_EXE_liaison"));
            new.args(["--lang", lang, "new", kind, "--brief"])
                .arg(brief)
                .args(["--format", "eml", "--now", NOW, "--out"])
                .arg(&mail);
            if directory.is_file() {
                new.arg("--directory").arg(&directory);
            }
            let o = new.output().unwrap();
            assert!(
                o.status.success(),
                "liaison new {kind} ({lang}) failed: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            let mut lint = Command::new(env!("CARGO_BIN_EXE_liaison"));
            lint.args(["lint", "--format", "json", "--now", NOW])
                .arg(&mail);
            if directory.is_file() {
                lint.arg("--directory").arg(&directory);
            }
            let o = lint.output().unwrap();
            let v: Value = serde_json::from_slice(&o.stdout).unwrap();
            let diags = &v["files"][0]["diagnostics"];
            if !diags.as_array().is_some_and(|d| d.is_empty()) {
                failures.push(format!("{kind} ({lang}, {}): {diags}", brief.display()));
            }
        }
    }
    assert_eq!(
        kinds.len(),
        9,
        "examples/ should have a brief for each of the 9 kinds: {kinds:?}"
    );
    assert!(
        failures.is_empty(),
        "composed mails with findings:\n{}",
        failures.join("\n")
    );
}
