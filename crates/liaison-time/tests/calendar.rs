//! Working-day arithmetic, user calendar files and workday hours.

use chrono::NaiveDate;
use liaison_time::{Calendar, CalendarError, WorkHours};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn none_is_monday_to_friday() {
    let c = Calendar::none();
    assert!(c.is_working_day(d(2026, 10, 1))); // a Thursday, a holiday only in cn
    assert!(!c.is_working_day(d(2026, 12, 5)));
    assert_eq!(c.add_working_days(d(2026, 11, 30), 3), d(2026, 12, 3));
    assert_eq!(c.add_working_days(d(2026, 12, 4), 1), d(2026, 12, 7));
    assert_eq!(c.add_working_days(d(2026, 12, 4), 0), d(2026, 12, 4));
}

#[test]
fn cn_skips_holidays_and_counts_make_up_days() {
    let c = Calendar::cn();
    assert!(!c.is_working_day(d(2026, 10, 1)));
    assert!(c.is_working_day(d(2026, 10, 10))); // Saturday 调休
    assert!(c.is_working_day(d(2026, 9, 20))); // Sunday 调休
    // 2026-09-30 (Wed) + 1 working day: Oct 1–7 off, Oct 8 Thursday.
    assert_eq!(c.add_working_days(d(2026, 9, 30), 1), d(2026, 10, 8));
    // Oct 8, Oct 9, Oct 10 (Saturday 调休).
    assert_eq!(c.add_working_days(d(2026, 9, 30), 3), d(2026, 10, 10));
    // Spring festival 2026: Feb 15–23 off, Feb 14 (Sat) works.
    assert_eq!(c.add_working_days(d(2026, 2, 13), 1), d(2026, 2, 14));
    assert_eq!(c.add_working_days(d(2026, 2, 14), 1), d(2026, 2, 24));
    // 2020's extension to Feb 2 (COVID-19).
    assert!(!c.is_working_day(d(2020, 1, 31)));
    assert!(!c.is_working_day(d(2020, 2, 1)));
}

#[test]
fn cn_after_the_shipped_notices_keeps_the_statutory_days() {
    let c = Calendar::cn();
    assert!(!c.is_working_day(d(2027, 1, 1)), "元旦 2027 (a Friday)");
    assert!(!c.is_working_day(d(2027, 2, 5)), "除夕 2027");
    assert!(!c.is_working_day(d(2027, 2, 8)), "初三 2027 (a Monday)");
    assert!(
        c.is_working_day(d(2027, 2, 9)),
        "初四 2027: no notice, so not assumed off"
    );
    assert!(!c.is_working_day(d(2027, 10, 1)));
    assert!(
        c.is_working_day(d(2027, 10, 4)),
        "no bridge days without a notice"
    );
    assert!(!c.is_working_day(d(2027, 9, 15)), "中秋 2027");
    // 2026-12-31 (Thu) + 1 working day skips 2027-01-01 (Fri): Monday Jan 4.
    assert_eq!(c.add_working_days(d(2026, 12, 31), 1), d(2027, 1, 4));
}

#[test]
fn next_working_instant_moves_into_hours() {
    let c = Calendar::cn();
    let h = WorkHours::default();
    let t = |y, m, dd, hh, mm| d(y, m, dd).and_hms_opt(hh, mm, 0).unwrap();
    assert_eq!(
        c.next_working_instant(t(2026, 11, 30, 10, 0), &h),
        t(2026, 11, 30, 10, 0)
    );
    assert_eq!(
        c.next_working_instant(t(2026, 11, 30, 7, 0), &h),
        t(2026, 11, 30, 9, 0)
    );
    assert_eq!(
        c.next_working_instant(t(2026, 12, 4, 19, 0), &h),
        t(2026, 12, 7, 9, 0)
    );
    assert_eq!(
        c.next_working_instant(t(2026, 9, 30, 18, 0), &h),
        t(2026, 10, 8, 9, 0)
    );
    assert_eq!(c.last_working_day_of_week(d(2026, 11, 30)), d(2026, 12, 4));
    assert_eq!(c.last_working_day_of_week(d(2026, 10, 8)), d(2026, 10, 10));
}

#[test]
fn user_file_adds_company_days() {
    let src =
        "holidays = [\"2026-12-24\", \"2026-12-28..2026-12-30\"]\nworkdays = [\"2026-12-26\"]\n";
    let c = Calendar::from_toml_str(src, "company.toml").unwrap();
    assert!(!c.is_working_day(d(2026, 12, 24)));
    assert!(!c.is_working_day(d(2026, 12, 29)));
    assert!(c.is_working_day(d(2026, 12, 26)));
    assert!(!c.is_working_day(d(2026, 10, 1)), "base defaults to cn");
    let n =
        Calendar::from_toml_str("base = \"none\"\nholidays = [\"2026-12-24\"]", "f.toml").unwrap();
    assert!(n.is_working_day(d(2026, 10, 1)));
    assert!(!n.is_working_day(d(2026, 12, 24)));
}

#[test]
fn user_file_errors_name_file_line_and_fix() {
    let e = Calendar::from_toml_str(
        "holidays = [\n  \"2026-12-24\",\n  \"2026-13-01\",\n]\n",
        "company.toml",
    )
    .unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.contains("company.toml") && msg.contains("line 3") && msg.contains("2026-12-24\""),
        "{msg}"
    );
    let e = Calendar::from_toml_str("base = \"us\"", "c.toml")
        .unwrap_err()
        .to_string();
    assert!(e.contains("base = \"cn\""), "{e}");
    let e = Calendar::from_toml_str("holiday = []", "c.toml")
        .unwrap_err()
        .to_string();
    assert!(e.contains("c.toml") && e.contains("expected keys"), "{e}");
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.toml");
    assert!(matches!(
        Calendar::from_file(&missing),
        Err(CalendarError::Io { .. })
    ));
    let f = dir.path().join("cal.toml");
    std::fs::write(&f, "workdays = [\"2026-12-05\"]").unwrap();
    assert!(
        Calendar::from_file(&f)
            .unwrap()
            .is_working_day(d(2026, 12, 5))
    );
}

#[test]
fn work_hours_parse() {
    let h = WorkHours::parse("08:30", "17:30").unwrap();
    assert_eq!(h.end.to_string(), "17:30:00");
    assert!(
        WorkHours::parse("9", "18:00")
            .unwrap_err()
            .to_string()
            .contains("HH:MM")
    );
    assert!(WorkHours::parse("18:00", "09:00").is_err());
}

#[test]
fn years_without_a_notice_are_estimated_until_a_file_adds_one() {
    let cn = Calendar::cn();
    assert!(!cn.is_estimated(2026), "2026's notice is shipped");
    assert!(
        cn.is_estimated(2027),
        "2027's is not (only the statutory days)"
    );
    assert!(cn.is_estimated(2019));
    assert!(
        !Calendar::none().is_estimated(2027),
        "plain Monday-Friday estimates nothing"
    );
    let with_2027 = Calendar::from_toml_str(
        "base = \"cn\"\n[[year]]\nyear = 2027\nholidays = [\"2027-10-01..2027-10-07\"]\nworkdays = [\"2027-10-09\"]\n",
        "cal.toml",
    )
    .unwrap();
    assert!(!with_2027.is_estimated(2027));
    assert!(with_2027.is_estimated(2028));
    assert!(!with_2027.is_working_day(d(2027, 10, 5)));
    assert!(with_2027.is_working_day(d(2027, 10, 9)));
    // company days off alone do not make a year's notice
    let company = Calendar::from_toml_str("holidays = [\"2027-12-24\"]\n", "company.toml").unwrap();
    assert!(company.is_estimated(2027));
    // a [[year]] block without `year` takes it from its dates
    let inferred =
        Calendar::from_toml_str("[[year]]\nholidays = [\"2028-01-01\"]\n", "cal.toml").unwrap();
    assert!(!inferred.is_estimated(2028));
}

#[test]
fn lantern_festival_is_the_fifteenth_of_the_first_lunar_month() {
    use liaison_time::holidays::Festival;
    // 元宵 2026 was on March 3, 2027 on February 20 (published lunar calendars)
    assert_eq!(Festival::Lantern.in_year(2026), Some(d(2026, 3, 3)));
    assert_eq!(Festival::Lantern.in_year(2027), Some(d(2027, 2, 20)));
}
