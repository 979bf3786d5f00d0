//! Table tests: every line of tests/cases.tsv is asserted exactly.
//!
//! Format: `input<TAB>expected`, where expected is `-` (nothing found) or a `;`-separated
//! list of `text|kind|value` (value omitted for vague and placeholder; a value is
//! `YYYY-MM-DDTHH:MM:SS`, local to +08:00). `@now RFC3339` sets the reference for the lines
//! that follow (default 2026-11-30T10:00:00+08:00), `@calendar none|cn` the calendar,
//! `@mismatch` on an expected item (`text|deadline|value|mismatch`) asserts a weekday
//! mismatch. Lines starting with `#` are comments.

use chrono::DateTime;
use liaison_time::{Calendar, Context, ExprKind, scan_detailed};

fn render(input: &str, ctx: &Context) -> String {
    let (found, _) = scan_detailed(input, ctx);
    if found.is_empty() {
        return "-".into();
    }
    found
        .iter()
        .map(|d| {
            let e = &d.expr;
            let mut s = format!("{}|{}", e.text, e.kind.as_str());
            if let Some(v) = e.value {
                s.push('|');
                s.push_str(&v.format("%Y-%m-%dT%H:%M:%S").to_string());
            }
            if d.weekday_mismatch.is_some() {
                s.push_str("|mismatch");
            }
            s
        })
        .collect::<Vec<_>>()
        .join(";")
}

#[test]
fn cases_tsv() {
    let src = include_str!("cases.tsv");
    let mut now = DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
    let mut cal = Calendar::cn();
    let mut failures = Vec::new();
    let mut count = 0;
    let mut kinds = [0usize; 3];
    for (ln, line) in src.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(v) = line.strip_prefix("@now ") {
            now = DateTime::parse_from_rfc3339(v.trim()).expect("bad @now");
            continue;
        }
        if let Some(v) = line.strip_prefix("@calendar ") {
            cal = Calendar::from_spec(v.trim()).expect("bad @calendar");
            continue;
        }
        let (input, expected) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("cases.tsv:{}: missing TAB", ln + 1));
        let ctx = Context::new(now).with_calendar(cal.clone());
        let got = render(input, &ctx);
        count += 1;
        for e in expected.split(';') {
            match e.split('|').nth(1) {
                Some("deadline") => kinds[0] += 1,
                Some("vague") => kinds[1] += 1,
                Some("placeholder") => kinds[2] += 1,
                _ => {}
            }
        }
        if got != expected.trim_end() {
            failures.push(format!(
                "cases.tsv:{}: {input}\n  expected {expected}\n  got      {got}",
                ln + 1
            ));
        }
        // zero vague or placeholder expressions resolved to an instant
        for d in scan_detailed(input, &ctx).0 {
            if d.expr.kind != ExprKind::Deadline {
                assert!(d.expr.value.is_none());
            }
        }
    }
    assert!(count >= 300, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!(
        "{count} cases; deadline {} vague {} placeholder {}",
        kinds[0], kinds[1], kinds[2]
    );
}
