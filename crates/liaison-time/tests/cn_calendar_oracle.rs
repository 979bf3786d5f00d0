//! Cross-checks every day of the shipped `cn` years against the PyPI package
//! `chinesecalendar` (a test-time oracle only).

use chrono::{Duration, NaiveDate};
use liaison_time::Calendar;
use std::process::Command;

#[test]
fn cn_calendar_matches_chinesecalendar_every_day() {
    let years = Calendar::cn_years();
    let script = format!(
        "import datetime as dt, chinese_calendar as c\n\
         d = dt.date({}, 1, 1)\n\
         out = []\n\
         while d <= dt.date({}, 12, 31):\n    out.append('1' if c.is_workday(d) else '0')\n    d += dt.timedelta(1)\n\
         print(''.join(out))\n",
        years.start(),
        years.end()
    );
    let out = Command::new("python3").arg("-c").arg(&script).output().expect(
        "python3 not found: run scripts/test (it installs python3 and the chinesecalendar oracle)",
    );
    assert!(
        out.status.success(),
        "the chinesecalendar oracle failed (module missing?): run scripts/test (it installs it with pip)\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let flags = String::from_utf8(out.stdout).unwrap();
    let flags = flags.trim();
    let cal = Calendar::cn();
    let mut d = NaiveDate::from_ymd_opt(*years.start(), 1, 1).unwrap();
    let mut diffs = Vec::new();
    for f in flags.chars() {
        let oracle = f == '1';
        if cal.is_working_day(d) != oracle {
            diffs.push(format!(
                "{d}: liaison {} oracle {}",
                cal.is_working_day(d),
                oracle
            ));
        }
        d += Duration::days(1);
    }
    assert_eq!(
        d,
        NaiveDate::from_ymd_opt(*years.end() + 1, 1, 1).unwrap(),
        "oracle returned a short answer"
    );
    assert!(
        diffs.is_empty(),
        "cn calendar differs from chinesecalendar:\n{}",
        diffs.join("\n")
    );
}
