//! `liaison lint`, `liaison parse` and `liaison rules` as a user runs them: exit codes, the
//! JSON shape of DESIGN §5, SARIF validated against the 2.1.0 schema, carets under Chinese
//! text, languages, unreadable files, standard input, configuration and a 10 MB body.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-11-30T10:00:00+08:00";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../liaison-lint/tests/fixtures")
}

fn liaison(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_liaison"))
        .args(args)
        .current_dir(dir.path())
        .env_remove("LIAISON_LANG")
        .env_remove("LIAISON_CONFIG")
        .env_remove("LIAISON_DIRECTORY")
        .env_remove("LIAISON_NOW")
        .output()
        .unwrap()
}

fn fx(p: &str) -> String {
    fixtures().join(p).display().to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn exit_codes_follow_design() {
    let good = liaison(&["lint", "--now", NOW, &fx("good/request-zh.md")]);
    assert_eq!(good.status.code(), Some(0), "{}", stdout(&good));
    let bad = liaison(&["lint", "--now", NOW, &fx("rules/action-owner.fire-1.md")]);
    assert_eq!(bad.status.code(), Some(1));
    // Warnings only: still 0.
    let warn = liaison(&["lint", "--now", NOW, &fx("rules/action-standard.fire-1.md")]);
    assert_eq!(warn.status.code(), Some(0), "{}", stdout(&warn));
    let badarg = liaison(&["lint", "--now", "yesterday", &fx("good/request-zh.md")]);
    assert_eq!(badarg.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&badarg.stderr).contains("RFC 3339"));
}

#[test]
fn unreadable_file_is_reported_and_others_still_linted() {
    let missing = fixtures()
        .join("good/does-not-exist.md")
        .display()
        .to_string();
    let o = liaison(&[
        "lint",
        "--format",
        "json",
        "--now",
        NOW,
        &missing,
        &fx("rules/action-owner.fire-1.md"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert!(files[0]["error"].as_str().unwrap().len() > 3);
    assert!(
        files[1]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "action-owner")
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("does-not-exist.md"));
}

#[test]
fn json_has_exactly_the_design_shape() {
    let o = liaison(&[
        "lint",
        "--format",
        "json",
        "--now",
        NOW,
        &fx("rules/action-owner.fire-1.md"),
    ]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let keys = |v: &Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&v), ["files", "summary"]);
    assert_eq!(keys(&v["summary"]), ["errors", "warnings"]);
    let f = &v["files"][0];
    assert_eq!(keys(f), ["diagnostics", "kind", "path"]);
    assert_eq!(f["kind"], "需求对接");
    let d = &f["diagnostics"][0];
    assert_eq!(
        keys(d),
        [
            "column", "end", "help", "line", "message", "rule", "severity", "start"
        ]
    );
    assert_eq!(d["rule"], "action-owner");
    assert_eq!(d["severity"], "error");
    assert_eq!(v["summary"]["errors"], 1);
    // start/end are byte offsets into the file.
    let src = std::fs::read(fx("rules/action-owner.fire-1.md")).unwrap();
    let (s, e) = (
        d["start"].as_u64().unwrap() as usize,
        d["end"].as_u64().unwrap() as usize,
    );
    assert!(String::from_utf8_lossy(&src[s..e]).starts_with("1. 提供"));
}

#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    let o = liaison(&[
        "lint",
        "--format",
        "sarif",
        "--now",
        NOW,
        &fx("rules/action-owner.fire-1.md"),
        &fx("rules/weekday-mismatch.fire-2.md"),
        &fx("eml/attachment-missing.fire-gbk.eml"),
        &fx("good/nope.md"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let log: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "action-owner"));
    let schema = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../liaison-lint/tests/schema/sarif-2.1.0-rtm.5.json");
    let script = "import json,sys\n\
        try:\n    import jsonschema\n\
        except ImportError:\n    print('python3 module jsonschema is missing: run scripts/test (it installs it)'); sys.exit(3)\n\
        schema=json.load(open(sys.argv[1]))\n\
        log=json.load(sys.stdin)\n\
        jsonschema.Draft4Validator.check_schema(schema)\n\
        errs=list(jsonschema.Draft4Validator(schema).iter_errors(log))\n\
        [print(e.message, list(e.path)) for e in errs]\n\
        sys.exit(1 if errs else 0)\n";
    let mut child = Command::new("python3")
        .args(["-c", script, &schema.display().to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 is needed to validate SARIF: run scripts/test (it installs it)");
    child.stdin.take().unwrap().write_all(&o.stdout).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "SARIF does not validate: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Display width as a terminal shows it: CJK and full-width forms take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            if (0x1100..=0x115F).contains(&u)
                || (0x2E80..=0xA4CF).contains(&u)
                || (0xAC00..=0xD7A3).contains(&u)
                || (0xF900..=0xFAFF).contains(&u)
                || (0xFE30..=0xFE4F).contains(&u)
                || (0xFF00..=0xFF60).contains(&u)
                || (0xFFE0..=0xFFE6).contains(&u)
            {
                2
            } else {
                1
            }
        })
        .sum()
}

#[test]
fn carets_line_up_under_chinese_text() {
    let o = liaison(&["lint", "--now", NOW, &fx("rules/deadline-vague.fire-1.md")]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.contains("请市场部尽快提供报告初稿"))
        .expect("the snippet line");
    let src_line = lines[i];
    let caret_line = lines[i + 1];
    let bar = src_line.find('|').unwrap();
    let text = &src_line[bar + 2..];
    let before = &text[..text.find("尽快").unwrap()];
    let caret_at = caret_line.find('^').unwrap();
    let caret_bar = caret_line.find('|').unwrap();
    assert_eq!(
        caret_at - caret_bar - 2,
        width(before),
        "\n{src_line}\n{caret_line}"
    );
    assert_eq!(caret_line.matches('^').count(), width("尽快"));
    assert!(out.contains("error[deadline-vague]"));
    assert!(out.contains("修改建议"));
}

#[test]
fn messages_follow_lang_and_draft_language() {
    let zh = stdout(&liaison(&[
        "lint",
        "--format",
        "json",
        "--now",
        NOW,
        &fx("rules/action-owner.fire-1.md"),
    ]));
    assert!(zh.contains("第1项没有写明负责人"));
    let en = stdout(&liaison(&[
        "--lang",
        "en",
        "lint",
        "--format",
        "json",
        "--now",
        NOW,
        &fx("rules/action-owner.fire-1.md"),
    ]));
    assert!(en.contains("item 1 names no owner"), "{en}");
    // An English draft gets English messages without --lang.
    let auto = stdout(&liaison(&[
        "lint",
        "--format",
        "json",
        "--now",
        NOW,
        &fx("rules/action-owner.fire-2.md"),
    ]));
    assert!(auto.contains("item 1 names no owner"), "{auto}");
    // In text, the help label follows the diagnostic's language: no Chinese label in front
    // of an English fix.
    let text = stdout(&liaison(&[
        "lint",
        "--now",
        NOW,
        &fx("rules/action-owner.fire-2.md"),
    ]));
    assert!(text.contains("item 1 names no owner"), "{text}");
    assert!(!text.contains("修改建议"), "{text}");
}

#[test]
fn standard_input_is_read_with_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_liaison"))
        .args(["lint", "--format", "json", "--now", NOW, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let draft = std::fs::read(fx("rules/deadline-vague.fire-1.md")).unwrap();
    child.stdin.take().unwrap().write_all(&draft).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files"][0]["path"], "-");
}

#[test]
fn explain_and_rules_list_every_rule() {
    let o = liaison(&["lint", "--explain", "action-owner"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("负责人"));
    let o = liaison(&["--lang", "en", "lint", "--explain", "action-ownr"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("action-owner"));
    let o = liaison(&["rules", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for id in [
        "subject-format",
        "subject-kind",
        "subject-department",
        "subject-urgency",
        "greeting-missing",
        "greeting-mismatch",
        "opening-purpose",
        "background-missing",
        "background-too-long",
        "actions-missing",
        "action-owner",
        "action-deadline",
        "deadline-vague",
        "deadline-placeholder",
        "deadline-invalid",
        "deadline-estimated",
        "deadline-zone-ambiguous",
        "deadline-past",
        "deadline-nonworking",
        "weekday-mismatch",
        "action-standard",
        "attachment-missing",
        "attachment-undescribed",
        "attachment-large",
        "closing-next-step",
        "signature-incomplete",
        "core-not-upfront",
        "recipient-unknown",
        "escalation-cc",
        "placeholder-leftover",
    ] {
        assert!(ids.contains(&id), "missing rule {id}");
    }
    assert_eq!(ids.len(), 30);
}

#[test]
fn config_switches_rules_and_rejects_unknown_ids() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("liaison.toml");
    std::fs::write(
        &cfg,
        "[lint.rules]\naction-owner = \"off\"\naction-standard = \"error\"\n",
    )
    .unwrap();
    let c = cfg.display().to_string();
    let o = liaison(&[
        "--config",
        &c,
        "lint",
        "--format",
        "json",
        "--now",
        NOW,
        &fx("rules/action-owner.fire-1.md"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = liaison(&[
        "--config",
        &c,
        "lint",
        "--now",
        NOW,
        &fx("rules/action-standard.fire-1.md"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    std::fs::write(&cfg, "[lint.rules]\naction-ownr = \"off\"\n").unwrap();
    let o = liaison(&[
        "--config",
        &c,
        "lint",
        "--now",
        NOW,
        &fx("good/request-zh.md"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("action-ownr") && err.contains("action-owner"),
        "{err}"
    );
}

#[test]
fn parse_prints_the_anatomy() {
    let o = liaison(&[
        "parse",
        "--format",
        "json",
        "--now",
        NOW,
        &fx("good/kickoff-zh.md"),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["subject"]["kind"], "kickoff");
    assert_eq!(v["subject"]["departments"].as_array().unwrap().len(), 3);
    assert_eq!(v["items"].as_array().unwrap().len(), 2);
    assert_eq!(v["items"][0]["owner"]["text"], "张伟");
    assert_eq!(v["greeting"]["kind"], "group");
    assert_eq!(v["signature"]["department"]["text"], "产品部");
    assert!(v["items"][0]["span"]["line"].as_u64().unwrap() > 10);
}

#[test]
fn a_ten_megabyte_body_lints() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(fx("good/request-zh.md")).unwrap();
    let filler = "补充说明：以下为历史调研数据摘要，供参考。\n".repeat(10 * 1024 * 1024 / 60);
    let big = good.replace("附件说明：", &format!("{filler}\n附件说明："));
    assert!(big.len() > 10 * 1024 * 1024);
    let p = dir.path().join("big.md");
    std::fs::write(&p, &big).unwrap();
    std::fs::copy(
        fx("good/Q3用户调研需求清单.xlsx"),
        dir.path().join("Q3用户调研需求清单.xlsx"),
    )
    .unwrap();
    let o = liaison(&[
        "lint",
        "--format",
        "json",
        "--now",
        NOW,
        &p.display().to_string(),
    ]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["files"][0]["error"].is_null());
    let rules: Vec<&str> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    // The filler is plain text: nothing but the draft's own (clean) structure is judged.
    assert!(
        !rules.contains(&"action-owner") && !rules.contains(&"signature-incomplete"),
        "{rules:?}"
    );
    assert_eq!(o.status.code(), Some(0), "{rules:?}");
}

#[test]
fn a_folder_lints_the_drafts_in_it() {
    let o = liaison(&["lint", "--format", "json", "--now", NOW, &fx("good")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["files"].as_array().unwrap().len() >= 19);
    assert_eq!(v["summary"]["errors"], 0);
}
