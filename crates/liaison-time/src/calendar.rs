//! Work calendars: which days are working days, and workday hours.
//!
//! Three kinds: [`Calendar::none`] (plain Monday–Friday), [`Calendar::cn`] (PRC statutory
//! holidays and 调休 make-up working days from the State Council's notices, shipped in
//! `data/cn.toml`) and a user file ([`Calendar::from_toml_str`], [`Calendar::from_file`])
//! that adds company days off and extra working days on top of `cn` or `none`.
//!
//! A user calendar file looks like this:
//!
//! ```toml
//! base = "cn"                 # "cn" (default) or "none"
//! holidays = ["2026-12-24", "2026-12-28..2026-12-31"]   # company days off
//! workdays = ["2026-12-26"]   # extra working days (a Saturday or Sunday)
//!
//! # The notice for a year the built-in data lacks, as in data/cn.toml (dates illustrative)
//! [[year]]
//! year = 2027
//! source = "国务院办公厅关于2027年部分节假日安排的通知"
//! holidays = ["2027-01-01..2027-01-03", "2027-02-05..2027-02-11"]
//! workdays = ["2027-02-20"]
//! ```
//!
//! A calendar based on `cn` knows the years of its `[[year]]` notices (the built-in data's
//! and the file's); for any other year only the statutory days are known, and
//! [`Calendar::is_estimated`] says so. A `none` calendar is never estimated: plain
//! Monday–Friday is what it promises.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The built-in PRC calendar data (State Council notices), embedded at build time.
pub const CN_DATA: &str = include_str!("../data/cn.toml");

/// Errors from loading a calendar or workday hours.
#[derive(Debug, thiserror::Error)]
pub enum CalendarError {
    /// A calendar file could not be parsed.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// What is wrong (with the line) and how to fix it.
        message: String,
    },
    /// A calendar file could not be read.
    #[error("{path}: cannot read calendar file: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Workday hours are malformed.
    #[error("invalid workday hours {value:?}: {message}")]
    Hours {
        /// The offending value.
        value: String,
        /// What is wrong and how to fix it.
        message: String,
    },
}

/// Workday hours (defaults 09:00–18:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkHours {
    /// Start of the working day (上班).
    pub start: NaiveTime,
    /// End of the working day (下班).
    pub end: NaiveTime,
}

impl Default for WorkHours {
    fn default() -> Self {
        WorkHours {
            start: NaiveTime::from_hms_opt(9, 0, 0).expect("valid"),
            end: NaiveTime::from_hms_opt(18, 0, 0).expect("valid"),
        }
    }
}

impl WorkHours {
    /// Parses `HH:MM` start and end (as in `[time] workday_start` / `workday_end`).
    pub fn parse(start: &str, end: &str) -> Result<WorkHours, CalendarError> {
        let p = |v: &str| {
            NaiveTime::parse_from_str(v.trim(), "%H:%M").map_err(|_| CalendarError::Hours {
                value: v.to_string(),
                message: "write the time as HH:MM, e.g. \"09:00\" or \"18:00\"".into(),
            })
        };
        let (s, e) = (p(start)?, p(end)?);
        if s >= e {
            return Err(CalendarError::Hours {
                value: format!("{start}–{end}"),
                message: "the workday start must be before its end".into(),
            });
        }
        Ok(WorkHours { start: s, end: e })
    }
}

/// A work calendar: Monday–Friday, minus holidays, plus make-up working days.
///
/// The day sets are shared (`Arc`): a [`crate::Context`] is cloned per dated mail, and the
/// clone should not copy a decade of holidays. Equal calendars compare by pointer first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    holidays: Arc<BTreeSet<NaiveDate>>,
    workdays: Arc<BTreeSet<NaiveDate>>,
    /// For a calendar built on `cn`: the years whose holiday notice it holds (every other
    /// year is estimated). `None` for `none`, which estimates nothing.
    notices: Option<Arc<BTreeSet<i32>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileYear {
    year: Option<i32>,
    #[allow(dead_code)]
    source: Option<String>,
    #[serde(default)]
    holidays: Vec<String>,
    #[serde(default)]
    workdays: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    base: Option<String>,
    #[serde(default)]
    holidays: Vec<String>,
    #[serde(default)]
    workdays: Vec<String>,
    #[serde(default)]
    year: Vec<FileYear>,
}

fn line_of(src: &str, needle: &str) -> usize {
    src.find(needle)
        .map(|i| src[..i].matches('\n').count() + 1)
        .unwrap_or(0)
}

fn parse_days(src: &str, path: &str, item: &str) -> Result<Vec<NaiveDate>, CalendarError> {
    let bad = |what: &str| CalendarError::Parse {
        path: path.to_string(),
        message: format!(
            "line {}: {what} {item:?}; write a date as \"2026-12-24\" or a range as \"2026-12-28..2026-12-31\"",
            line_of(src, item)
        ),
    };
    let date =
        |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| bad("invalid date"));
    match item.split_once("..") {
        None => Ok(vec![date(item)?]),
        Some((a, b)) => {
            let (a, b) = (date(a)?, date(b)?);
            if b < a || (b - a).num_days() > 366 {
                return Err(bad(
                    "range ends before it starts or spans more than a year:",
                ));
            }
            Ok(a.iter_days().take_while(|d| *d <= b).collect())
        }
    }
}

/// The statutory days off of `year` (without 调休), from the festival tables.
fn statutory_days(year: i32) -> Vec<NaiveDate> {
    use crate::holidays::Festival;
    let mut v = Vec::new();
    let fixed = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    v.extend(
        [
            fixed(1, 1),
            fixed(5, 1),
            fixed(5, 2),
            fixed(10, 1),
            fixed(10, 2),
            fixed(10, 3),
        ]
        .into_iter()
        .flatten(),
    );
    if let Some(s) = Festival::Spring.in_year(year) {
        v.extend((-1..=2).map(|k| s + Duration::days(k)));
    }
    for f in [Festival::Qingming, Festival::Duanwu, Festival::MidAutumn] {
        v.extend(f.in_year(year));
    }
    v
}

impl Calendar {
    /// Plain Monday–Friday.
    pub fn none() -> Calendar {
        Calendar::default()
    }

    /// The PRC calendar: statutory holidays and 调休 make-up working days for every year in
    /// `data/cn.toml` (2020–2026, from the State Council's notices). For the years after
    /// that, up to [`Calendar::CN_STATUTORY_UNTIL`], whose notice is not shipped, the
    /// statutory days themselves (全国年节及纪念日放假办法, 2024 revision: 元旦, 除夕 to 初三,
    /// 清明, 5月1–2日, 端午, 中秋, 10月1–3日) are days off, without 调休 (the notice adds
    /// bridge days and make-up days that cannot be known in advance). Before 2020 and after
    /// that it is plain Monday–Friday.
    pub fn cn() -> Calendar {
        static CN: OnceLock<Calendar> = OnceLock::new();
        CN.get_or_init(|| {
            let base = Calendar {
                notices: Some(Arc::default()),
                ..Calendar::none()
            };
            let mut c = Calendar::from_toml_str_with_base(CN_DATA, "data/cn.toml", base)
                .expect("embedded cn.toml is valid");
            for y in (*Calendar::cn_years().end() + 1)..=Calendar::CN_STATUTORY_UNTIL {
                for d in statutory_days(y) {
                    Arc::make_mut(&mut c.holidays).insert(d);
                }
            }
            c
        })
        .clone()
    }

    /// The last year for which [`Calendar::cn`] knows the statutory days off.
    pub const CN_STATUTORY_UNTIL: i32 = 2030;

    /// The years the built-in `cn` data covers.
    pub fn cn_years() -> std::ops::RangeInclusive<i32> {
        2020..=2026
    }

    /// Parses a calendar file's text. `path` names it in error messages.
    /// `base = "cn"` (the default) or `"none"` chooses what the file adds to.
    pub fn from_toml_str(src: &str, path: &str) -> Result<Calendar, CalendarError> {
        let base = match toml::from_str::<File>(src) {
            Ok(f) => f.base,
            Err(e) => {
                return Err(CalendarError::Parse {
                    path: path.to_string(),
                    message: format!(
                        "{e}\nexpected keys: base = \"cn\"|\"none\", holidays = [\"YYYY-MM-DD\" or \"FROM..TO\"], workdays = [...]"
                    ),
                });
            }
        };
        let base = match base.as_deref() {
            None | Some("cn") => Calendar::cn(),
            Some("none") => Calendar::none(),
            Some(other) => {
                return Err(CalendarError::Parse {
                    path: path.to_string(),
                    message: format!(
                        "line {}: unknown base {other:?}; use base = \"cn\" or base = \"none\"",
                        line_of(src, other)
                    ),
                });
            }
        };
        Calendar::from_toml_str_with_base(src, path, base)
    }

    fn from_toml_str_with_base(
        src: &str,
        path: &str,
        mut cal: Calendar,
    ) -> Result<Calendar, CalendarError> {
        let f: File = toml::from_str(src).map_err(|e| CalendarError::Parse {
            path: path.to_string(),
            message: e.to_string(),
        })?;
        let mut hol = f.holidays;
        let mut wd = f.workdays;
        for y in f.year {
            // a [[year]] block is that year's notice: the year is no longer estimated
            let year = y.year.or_else(|| {
                y.holidays
                    .iter()
                    .chain(&y.workdays)
                    .find_map(|d| d.get(..4).and_then(|x| x.parse().ok()))
            });
            if let (Some(year), Some(n)) = (year, cal.notices.as_mut()) {
                Arc::make_mut(n).insert(year);
            }
            hol.extend(y.holidays);
            wd.extend(y.workdays);
        }
        for h in &hol {
            for d in parse_days(src, path, h)? {
                Arc::make_mut(&mut cal.workdays).remove(&d);
                Arc::make_mut(&mut cal.holidays).insert(d);
            }
        }
        for w in &wd {
            for d in parse_days(src, path, w)? {
                Arc::make_mut(&mut cal.holidays).remove(&d);
                Arc::make_mut(&mut cal.workdays).insert(d);
            }
        }
        Ok(cal)
    }

    /// Reads a calendar file (see the module docs for its shape).
    pub fn from_file(path: &Path) -> Result<Calendar, CalendarError> {
        let name = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|source| CalendarError::Io {
            path: name.clone(),
            source,
        })?;
        Calendar::from_toml_str(&src, &name)
    }

    /// `cn`, `none`, or a file path.
    pub fn from_spec(spec: &str) -> Result<Calendar, CalendarError> {
        match spec {
            "cn" => Ok(Calendar::cn()),
            "none" => Ok(Calendar::none()),
            p => Calendar::from_file(Path::new(p)),
        }
    }

    /// Whether the days off of `year` are estimated: the calendar is based on `cn` and holds
    /// no State Council notice for that year (only the statutory days are known, not the
    /// bridge days and 调休). A calendar file with `base = "cn"` and a `[[year]]` block for
    /// the year adds its notice.
    pub fn is_estimated(&self, year: i32) -> bool {
        self.notices.as_ref().is_some_and(|n| !n.contains(&year))
    }

    /// Whether `day` is a working day.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.workdays.contains(&day) {
            return true;
        }
        if self.holidays.contains(&day) {
            return false;
        }
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// The `n`-th working day after `day` (today not counted). `n = 0` returns `day`.
    pub fn add_working_days(&self, day: NaiveDate, n: u32) -> NaiveDate {
        WorkingDaySet::add_working_days(self, day, n)
    }

    /// The first working day on or after `day`.
    pub fn next_working_day(&self, day: NaiveDate) -> NaiveDate {
        WorkingDaySet::next_working_day(self, day)
    }

    /// The first instant at or after `t` that falls within working hours on a working day:
    /// `t` itself when it is inside them, else the next workday start.
    pub fn next_working_instant(&self, t: NaiveDateTime, hours: &WorkHours) -> NaiveDateTime {
        WorkingDaySet::next_working_instant(self, t, hours)
    }

    /// Working hours between two local times: the time within `hours` on working days from
    /// `a` to `b` (0 when `b` is not after `a`). Used for first-reply times in reports.
    pub fn working_hours_between(
        &self,
        a: NaiveDateTime,
        b: NaiveDateTime,
        hours: &WorkHours,
    ) -> f64 {
        if b <= a {
            return 0.0;
        }
        let mut secs = 0i64;
        let mut day = a.date();
        // Bounded: ten years of days at most.
        for _ in 0..3660 {
            if day > b.date() {
                break;
            }
            if self.is_working_day(day) {
                let start = day.and_time(hours.start).max(a);
                let end = day.and_time(hours.end).min(b);
                if end > start {
                    secs += (end - start).num_seconds();
                }
            }
            match day.succ_opt() {
                Some(n) => day = n,
                None => break,
            }
        }
        secs as f64 / 3600.0
    }

    /// The last working day of the Monday–Sunday week containing `day` (Friday if the week
    /// has none).
    pub fn last_working_day_of_week(&self, day: NaiveDate) -> NaiveDate {
        let monday = day - Duration::days(day.weekday().num_days_from_monday() as i64);
        (0..7)
            .rev()
            .map(|i| monday + Duration::days(i))
            .find(|d| self.is_working_day(*d))
            .unwrap_or(monday + Duration::days(4))
    }
}

/// A set of working days and the walks over it. [`Calendar`] is one; a caller that asks
/// millions of times (the planner's full recompute) can answer
/// [`WorkingDaySet::is_working_day`] from a table of its own and keep the same walks.
pub trait WorkingDaySet {
    /// Whether `day` is a working day.
    fn is_working_day(&self, day: NaiveDate) -> bool;

    /// The `n`-th working day after `day` (today not counted). `n = 0` returns `day`.
    fn add_working_days(&self, day: NaiveDate, n: u32) -> NaiveDate {
        let mut d = day;
        let mut left = n;
        while left > 0 {
            match d.succ_opt() {
                Some(next) => d = next,
                None => return d,
            }
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// The first working day on or after `day`.
    fn next_working_day(&self, day: NaiveDate) -> NaiveDate {
        let mut d = day;
        // A calendar never has more than a few weeks off in a row; bound the walk anyway.
        for _ in 0..400 {
            if self.is_working_day(d) {
                return d;
            }
            match d.succ_opt() {
                Some(n) => d = n,
                None => return d,
            }
        }
        d
    }

    /// The first instant at or after `t` that falls within working hours on a working day:
    /// `t` itself when it is inside them, else the next workday start.
    fn next_working_instant(&self, t: NaiveDateTime, hours: &WorkHours) -> NaiveDateTime {
        let day = t.date();
        if self.is_working_day(day) {
            if t.time() < hours.start {
                return day.and_time(hours.start);
            }
            if t.time() < hours.end {
                return t;
            }
        }
        let next = self.next_working_day(day + Duration::days(1));
        next.and_time(hours.start)
    }
}

impl WorkingDaySet for Calendar {
    fn is_working_day(&self, day: NaiveDate) -> bool {
        Calendar::is_working_day(self, day)
    }
}

#[cfg(test)]
mod working_hours_tests {
    use super::*;

    #[test]
    fn working_hours_skip_nights_weekends_and_holidays() {
        let c = Calendar::cn();
        let h = WorkHours::default();
        let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        // Wed 10:00 → Thu 09:30: 8 h on Wednesday, half an hour on Thursday.
        assert_eq!(
            c.working_hours_between(t("2026-09-23 10:00"), t("2026-09-24 09:30"), &h),
            8.5
        );
        // Fri 17:00 → Mon 10:00 over a weekend: 1 h + 1 h.
        assert_eq!(
            c.working_hours_between(t("2026-11-27 17:00"), t("2026-11-30 10:00"), &h),
            2.0
        );
        assert_eq!(
            c.working_hours_between(t("2026-11-30 10:00"), t("2026-11-27 17:00"), &h),
            0.0
        );
    }
}
