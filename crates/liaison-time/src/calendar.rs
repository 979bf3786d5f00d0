//! Work calendars: which days are working days, and workday hours.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Errors from loading a calendar.
#[derive(Debug, thiserror::Error)]
pub enum CalendarError {
    /// A user calendar file could not be parsed.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: String,
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

/// A work calendar: Monday–Friday, minus holidays, plus make-up working days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    holidays: BTreeSet<NaiveDate>,
    workdays: BTreeSet<NaiveDate>,
}

impl Calendar {
    /// Plain Monday–Friday.
    pub fn none() -> Calendar {
        Calendar::default()
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
        let mut d = day;
        let mut left = n;
        while left > 0 {
            d = d.succ_opt().unwrap_or(d);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }
}
