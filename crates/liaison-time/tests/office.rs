//! Table tests for the office forms of issue 16 (TIME.md, "Invalid dates and times" to
//! "When the calendar runs out"): `tests/office.tsv` is asserted exactly; the held-out part,
//! `tests/office_heldout.tsv`, was written with it before the scanner changed and is only
//! scored (its exact-match figure is printed and must not fall below the first run's).
//!
//! Format as tests/cases.tsv (`input<TAB>expected`, `-` or `;`-separated
//! `text|kind[|value]` items, `@now`, `@calendar`), with more flags after an item:
//! `mismatch` (weekday mismatch), `zone=Z` (the zone as written), `estimated` (the
//! calendar of that year is estimated) and, for `invalid`, `reason=R` (the Chinese reason;
//! compared only where written).

use chrono::DateTime;
use liaison_time::{Calendar, Context, ExprKind, scan_detailed};

fn render(input: &str, ctx: &Context) -> Vec<String> {
    let (found, _) = scan_detailed(input, ctx);
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
            if let Some(z) = &e.zone {
                s.push_str("|zone=");
                s.push_str(z);
            }
            if e.estimated {
                s.push_str("|estimated");
            }
            if let Some(r) = &e.reason {
                s.push_str("|reason=");
                s.push_str(&r.zh());
            }
            s
        })
        .collect()
}

/// Whether `got` matches `want`; a `reason=` is compared only when `want` has one.
fn matches(got: &[String], want: &str) -> bool {
    let want: Vec<&str> = if want == "-" {
        Vec::new()
    } else {
        want.split(';').collect()
    };
    got.len() == want.len()
        && got.iter().zip(&want).all(|(g, w)| {
            if w.contains("|reason=") {
                g == w
            } else {
                g.split("|reason=").next() == Some(*w)
            }
        })
}

struct Score {
    total: usize,
    exact: usize,
    failures: Vec<String>,
}

fn run(name: &str, src: &str) -> Score {
    let mut now = DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
    let mut cal = Calendar::cn();
    let mut score = Score {
        total: 0,
        exact: 0,
        failures: Vec::new(),
    };
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
            .unwrap_or_else(|| panic!("{name}:{}: missing TAB", ln + 1));
        let ctx = Context::new(now).with_calendar(cal.clone());
        let got = render(input, &ctx);
        score.total += 1;
        if matches(&got, expected.trim_end()) {
            score.exact += 1;
        } else {
            score.failures.push(format!(
                "{name}:{}: {input}\n  expected {expected}\n  got      {}",
                ln + 1,
                if got.is_empty() {
                    "-".to_string()
                } else {
                    got.join(";")
                }
            ));
        }
        // only deadlines carry a value, and only invalid expressions a reason
        for d in scan_detailed(input, &ctx).0 {
            assert_eq!(
                d.expr.value.is_some(),
                d.expr.kind == ExprKind::Deadline,
                "{input}"
            );
            assert_eq!(
                d.expr.reason.is_some(),
                d.expr.kind == ExprKind::Invalid,
                "{input}"
            );
        }
    }
    score
}

#[test]
fn office_tsv() {
    let s = run("office.tsv", include_str!("office.tsv"));
    eprintln!("office.tsv: {}/{} exact", s.exact, s.total);
    assert!(s.total >= 120, "only {} cases", s.total);
    assert!(
        s.failures.is_empty(),
        "{} of {} cases failed:\n{}",
        s.failures.len(),
        s.total,
        s.failures.join("\n")
    );
}

/// The held-out part was scored once, after the scanner was finished (it had been
/// `#[ignore]`d until then): 42 of 42 exact. It must not fall below that first figure.
#[test]
fn office_heldout_tsv() {
    const FIRST_RUN: usize = 42;
    let s = run("office_heldout.tsv", include_str!("office_heldout.tsv"));
    eprintln!(
        "held-out: {}/{} exact ({:.0}%)",
        s.exact,
        s.total,
        100.0 * s.exact as f64 / s.total as f64
    );
    assert!(
        s.exact >= FIRST_RUN,
        "held-out exact matches fell below the first run ({FIRST_RUN}):\n{}",
        s.failures.join("\n")
    );
}

/// A caller that knows a part of the text records history (a quoted `发件时间：` line) can
/// leave it out; offsets stay those of the whole text.
#[test]
fn skipped_ranges_start_and_end_no_expression() {
    use liaison_time::{scan_detailed, scan_detailed_skipping};
    let ctx = Context::new(DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap());
    let text = "请于12月3日前回复。\n发件时间：2026年12月1日 10:00\n主题：12月5日下班前提交";
    let header = text.find("发件时间").unwrap()..text.find("\n主题").unwrap();
    let all: Vec<String> = scan_detailed(text, &ctx)
        .0
        .into_iter()
        .map(|d| d.expr.text)
        .collect();
    assert_eq!(all, ["12月3日前", "2026年12月1日 10:00", "12月5日下班前"]);
    let kept = scan_detailed_skipping(text, &ctx, std::slice::from_ref(&header)).0;
    let texts: Vec<&str> = kept.iter().map(|d| d.expr.text.as_str()).collect();
    assert_eq!(texts, ["12月3日前", "12月5日下班前"]);
    let last = &kept[1].expr;
    assert_eq!(&text[last.start..last.end], "12月5日下班前");
    // a range that cuts a character in two leaves that whole character out
    let cut = text.find("12月5日").unwrap() + 1..text.find("12月5日").unwrap() + 5;
    let kept = scan_detailed_skipping(text, &ctx, &[cut]).0;
    assert!(
        kept.iter().all(|d| !d.expr.text.contains("12月5日")),
        "{kept:?}"
    );
}
