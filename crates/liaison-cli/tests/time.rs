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

fn json_lines(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn invalid_dates_are_reported_with_the_reason_in_the_language_of_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = "2月30日前提交\n13月1日前提交\n12月3日25:00前提交\n";
    let (code, out, err) = liaison(
        &["--now", NOW, "time", "--format", "json"],
        Some(input),
        dir.path(),
    );
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    assert_eq!(
        lines[0]["expressions"],
        serde_json::json!([{"text": "2月30日前", "start": 0, "end": 12, "kind": "invalid",
            "value": null, "reason": "2月最多29天"}])
    );
    assert_eq!(lines[1]["expressions"][0]["text"], "13月1日前");
    assert_eq!(lines[1]["expressions"][0]["reason"], "没有13月");
    assert_eq!(lines[2]["expressions"][0]["text"], "12月3日25:00前");
    assert_eq!(lines[2]["expressions"][0]["value"], serde_json::Value::Null);
    let (_, out, _) = liaison(
        &[
            "--lang",
            "en",
            "--now",
            NOW,
            "time",
            "Please submit by April 31.",
        ],
        None,
        dir.path(),
    );
    assert!(
        out.contains("invalid - no such date or time: April has only 30 days"),
        "{out}"
    );
    assert!(out.is_ascii(), "English output is ASCII: {out}");
    let (_, out, _) = liaison(&["--now", NOW, "time", "4月31日前提交"], None, dir.path());
    assert!(out.contains("无效") && out.contains("4月只有30天"), "{out}");
}

#[test]
fn zones_estimated_years_and_non_dates_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let input = "请在12月3日10am PT前回复\n国庆后第一个工作日提交\nSee section 3.2 and the 8/10项 list.\nOn Wed Jul  6 12:25:21 2005, Bob wrote:\n";
    let (code, out, err) = liaison(
        &["--now", NOW, "time", "--format", "json"],
        Some(input),
        dir.path(),
    );
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    let zoned = &lines[0]["expressions"][0];
    assert_eq!(zoned["text"], "12月3日10am PT前");
    assert_eq!(zoned["value"], "2026-12-04T02:00:00+08:00");
    assert_eq!(zoned["zone"], "PT");
    assert!(zoned.get("estimated").is_none() && zoned.get("reason").is_none());
    let holiday = &lines[1]["expressions"][0];
    assert_eq!(holiday["text"], "国庆后第一个工作日");
    assert_eq!(holiday["value"], "2027-10-04T23:59:59+08:00");
    assert_eq!(holiday["estimated"], true);
    // numbers that are not dates are not returned at all
    assert_eq!(lines[2]["expressions"], serde_json::json!([]));
    assert_eq!(lines[3]["expressions"], serde_json::json!([]));
}

#[test]
fn text_says_how_to_add_an_estimated_year() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out, _) = liaison(
        &[
            "--now",
            "2027-09-28T10:00:00+08:00",
            "time",
            "3个工作日内回复",
        ],
        None,
        dir.path(),
    );
    assert!(out.contains("2027-10-04 23:59:59"), "{out}");
    assert!(
        out.contains("2027年的节假日安排为估算") && out.contains("base = \"cn\""),
        "{out}"
    );
    let (_, out, _) = liaison(
        &[
            "--lang",
            "en",
            "--now",
            "2027-09-28T10:00:00+08:00",
            "time",
            "reply within 3 business days",
        ],
        None,
        dir.path(),
    );
    assert!(
        out.contains("the holidays of 2027 are estimated") && out.contains("[[year]]"),
        "{out}"
    );
    // a calendar file that adds the 2027 notice: no longer estimated, and its days count
    std::fs::write(
        dir.path().join("cal2027.toml"),
        "base = \"cn\"\n[[year]]\nyear = 2027\nholidays = [\"2027-10-01..2027-10-07\"]\nworkdays = [\"2027-09-26\", \"2027-10-09\"]\n",
    )
    .unwrap();
    let (_, out, err) = liaison(
        &[
            "--now",
            "2027-09-28T10:00:00+08:00",
            "time",
            "3个工作日内回复",
            "--calendar",
            "cal2027.toml",
            "--format",
            "json",
        ],
        None,
        dir.path(),
    );
    let line = &json_lines(&out)[0]["expressions"][0];
    assert_eq!(line["value"], "2027-10-08T23:59:59+08:00", "{out}{err}");
    assert!(line.get("estimated").is_none(), "{out}");
}

#[test]
fn explain_names_the_rules_and_the_days_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let now = "2026-09-30T10:00:00+08:00";
    let (code, out, err) = liaison(
        &[
            "--now",
            now,
            "time",
            "--explain",
            "3个工作日内回复，下周五下班前",
        ],
        None,
        dir.path(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("规则 working-days"), "{out}");
    assert!(
        out.contains("跳过的非工作日：2026-10-01 周四、2026-10-02 周五"),
        "{out}"
    );
    assert!(out.contains("2026-10-07 周三"), "{out}");
    assert!(
        out.contains("规则 weekday-next-week") && out.contains("规则 workday-end"),
        "{out}"
    );
    let (_, out, _) = liaison(
        &[
            "--now",
            now,
            "time",
            "--explain",
            "--format",
            "json",
            "3个工作日内回复",
        ],
        None,
        dir.path(),
    );
    let e = &json_lines(&out)[0]["expressions"][0];
    assert_eq!(e["value"], "2026-10-10T23:59:59+08:00");
    assert_eq!(e["explain"]["rules"], serde_json::json!(["working-days"]));
    assert_eq!(
        e["explain"]["skipped"],
        serde_json::json!([
            "2026-10-01",
            "2026-10-02",
            "2026-10-03",
            "2026-10-04",
            "2026-10-05",
            "2026-10-06",
            "2026-10-07"
        ])
    );
    // without --explain, no explain field
    let (_, out, _) = liaison(
        &["--now", now, "time", "--format", "json", "3个工作日内回复"],
        None,
        dir.path(),
    );
    assert!(
        json_lines(&out)[0]["expressions"][0]
            .get("explain")
            .is_none()
    );
    let (_, out, _) = liaison(
        &[
            "--lang",
            "en",
            "--now",
            now,
            "time",
            "--explain",
            "within 3 business days",
        ],
        None,
        dir.path(),
    );
    assert!(
        out.contains("rule working-days: ") && out.contains("days off skipped: 2026-10-01 Thu"),
        "{out}"
    );
    assert!(out.is_ascii(), "{out}");
}
