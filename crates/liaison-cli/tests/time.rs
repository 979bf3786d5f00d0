//! `liaison time`: the CLI contract of DESIGN §4.

use std::io::Write;
use std::process::{Command, Stdio};

const NOW: &str = "2026-11-30T10:00:00+08:00";

fn liaison(args: &[&str], stdin: Option<&str>, cwd: &std::path::Path) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_liaison"))
        .args(args)
        .current_dir(cwd)
        .env_remove("LIAISON_CONFIG")
        .env_remove("LIAISON_NOW")
        .env_remove("LIAISON_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut si = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            si.write_all(s.as_bytes()).unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn json_one_object_per_stdin_line() {
    let dir = tempfile::tempdir().unwrap();
    let input =
        "请于12月3日前提交。\n请尽快回复\n\n截止时间：X月X日\nPlease reply by Friday 5pm.\n";
    let (code, out, err) = liaison(
        &["--now", NOW, "time", "--format", "json"],
        Some(input),
        dir.path(),
    );
    assert_eq!(code, 0, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(
        lines[0],
        serde_json::json!({"input": "请于12月3日前提交。", "expressions": [
            {"text": "12月3日前", "start": 6, "end": 18, "kind": "deadline", "value": "2026-12-03T23:59:59+08:00"}]})
    );
    assert!(
        out.lines().next().unwrap().starts_with("{\"input\":"),
        "field order as in DESIGN §4"
    );
    assert_eq!(lines[1]["expressions"][0]["kind"], "vague");
    assert_eq!(lines[1]["expressions"][0]["value"], serde_json::Value::Null);
    assert_eq!(lines[2]["expressions"], serde_json::json!([]));
    assert_eq!(lines[3]["expressions"][0]["kind"], "placeholder");
    assert_eq!(
        lines[4]["expressions"][0]["value"],
        "2026-12-04T17:00:00+08:00"
    );
}

#[test]
fn text_shows_kind_value_and_weekday_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = liaison(
        &[
            "--now",
            NOW,
            "time",
            "12月3日（周五）前提交，下周五下班前给结论",
        ],
        None,
        dir.path(),
    );
    assert_eq!(code, 0);
    assert!(out.contains("2026-12-03 23:59:59 周四"), "{out}");
    assert!(out.contains("写的是周五"), "{out}");
    assert!(out.contains("2026-12-11 18:00:00 周五"), "{out}");
    let (_, out, _) = liaison(
        &["--lang", "en", "--now", NOW, "time", "11月5日17:00前"],
        None,
        dir.path(),
    );
    assert!(
        out.contains("deadline 2026-11-05 17:00:00 Thu (already passed)"),
        "{out}"
    );
}

#[test]
fn tz_calendar_and_config() {
    let dir = tempfile::tempdir().unwrap();
    // --tz: the same instant, read in New York
    let (_, out, _) = liaison(
        &[
            "--now",
            NOW,
            "time",
            "明天",
            "--tz",
            "America/New_York",
            "--format",
            "json",
        ],
        None,
        dir.path(),
    );
    assert!(out.contains("2026-11-30T23:59:59-05:00"), "{out}");
    // --calendar none vs cn around National Day 2026
    let now = "2026-09-30T10:00:00+08:00";
    let (_, cn, _) = liaison(
        &["--now", now, "time", "3个工作日内", "--format", "json"],
        None,
        dir.path(),
    );
    assert!(cn.contains("2026-10-10T23:59:59+08:00"), "{cn}");
    let (_, none, _) = liaison(
        &[
            "--now",
            now,
            "time",
            "3个工作日内",
            "--calendar",
            "none",
            "--format",
            "json",
        ],
        None,
        dir.path(),
    );
    assert!(none.contains("2026-10-05T23:59:59+08:00"), "{none}");
    // a company calendar file, and [time] in liaison.toml
    std::fs::write(
        dir.path().join("company.toml"),
        "holidays = [\"2026-12-01..2026-12-02\"]\n",
    )
    .unwrap();
    let (_, f, err) = liaison(
        &[
            "--now",
            NOW,
            "time",
            "1个工作日内",
            "--calendar",
            "company.toml",
            "--format",
            "json",
        ],
        None,
        dir.path(),
    );
    assert!(f.contains("2026-12-03T23:59:59+08:00"), "{f}{err}");
    std::fs::write(
        dir.path().join("liaison.toml"),
        "[time]\ncalendar = \"company.toml\"\nworkday_end = \"17:30\"\n",
    )
    .unwrap();
    let (_, c, err) = liaison(
        &[
            "--now",
            NOW,
            "time",
            "1个工作日内，下班前",
            "--format",
            "json",
        ],
        None,
        dir.path(),
    );
    assert!(
        c.contains("2026-12-03T23:59:59+08:00") && c.contains("2026-11-30T17:30:00+08:00"),
        "{c}{err}"
    );
}

#[test]
fn bad_arguments_exit_2_with_a_fix() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = liaison(&["--now", "yesterday", "time", "明天"], None, dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("RFC 3339"), "{err}");
    let (code, _, err) = liaison(
        &["--now", NOW, "time", "明天", "--tz", "Mars/Base"],
        None,
        dir.path(),
    );
    assert_eq!(code, 2);
    assert!(err.contains("IANA"), "{err}");
    std::fs::write(dir.path().join("bad.toml"), "holidays = [\"2026-02-30\"]\n").unwrap();
    let (code, _, err) = liaison(
        &["--now", NOW, "time", "明天", "--calendar", "bad.toml"],
        None,
        dir.path(),
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("bad.toml") && err.contains("line 1") && err.contains("2026-12-24"),
        "{err}"
    );
}
