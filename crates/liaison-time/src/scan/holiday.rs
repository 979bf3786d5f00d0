//! Working days after a holiday and inside a period: `国庆后第一个工作日`,
//! `节后上班第一天`, `first business day after the holidays`, `下周前两个工作日`
//! (TIME.md, "Holidays, working days after them, quarters").

use super::{Num, S};
use crate::explain::Rule;
use crate::holidays::Festival;
use chrono::{Datelike, Duration, NaiveDate};

/// The festivals of the statutory breaks (节后 names the nearest of these).
const STATUTORY: [Festival; 7] = [
    Festival::NewYear,
    Festival::Spring,
    Festival::Qingming,
    Festival::Labour,
    Festival::Duanwu,
    Festival::MidAutumn,
    Festival::National,
];

impl S<'_> {
    /// The first working day strictly after `day`, recording the walk.
    fn first_workday_after(&self, day: NaiveDate, nth: u32) -> Option<NaiveDate> {
        let next = day.succ_opt()?;
        let first = self.ctx.calendar.next_working_day(next);
        let d = if nth > 1 {
            self.ctx.calendar.add_working_days(first, nth - 1)
        } else {
            first
        };
        self.walk(next, d);
        Some(d)
    }

    /// The `nth` working day after festival `f`'s day, for the occurrence whose day back is
    /// today or later (the break running or coming); `strict`: later than today.
    pub(super) fn workday_after_festival(
        &self,
        f: Festival,
        nth: u32,
        strict: bool,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let y = self.today.year();
        (y - 1..=y + 1).find_map(|y| {
            let day = f.in_year(y)?;
            let r = self.ctx.calendar.next_working_day(day.succ_opt()?);
            let back = if nth > 1 {
                self.ctx.calendar.add_working_days(r, nth - 1)
            } else {
                r
            };
            (back > self.today || (!strict && back == self.today)).then_some((day, back))
        })
    }

    /// After a festival's name (and 假期/长假): `后第一个工作日`, `后的第一个工作日`,
    /// `后上班第一天`, `后第2个工作日` …: (end, the working day).
    pub(super) fn festival_workday(&self, i: usize, f: Festival) -> Option<(usize, NaiveDate)> {
        let e = self.lit(i, "后")?;
        let (e, nth) = self.nth_workday(e)?;
        let (day, _) = self.workday_after_festival(f, nth, false)?;
        let d = self.first_workday_after(day, nth)?;
        self.note(Rule::FirstWorkdayAfter);
        Some((e, d))
    }

    /// `第一个工作日`, `的第一个工作日`, `首个工作日`, `上班第一天`, `第3个工作日` at `i`:
    /// (end, N).
    fn nth_workday(&self, i: usize) -> Option<(usize, u32)> {
        let i = self.lit(i, "的").unwrap_or(i);
        if let Some((e, _)) = self.lits(
            i,
            lits![
                "首个工作日",
                "上班第一天",
                "第一天上班",
                "开工第一天",
                "复工第一天",
                "上班首日",
            ],
        ) {
            return Some((e, 1));
        }
        let e = self.lit(i, "第")?;
        let (e, Num::Val(n, _)) = self.num(e)? else {
            return None;
        };
        let e = self.lit(e, "个").unwrap_or(e);
        let (e, _) = self.lits(e, lits!["工作日", "工作天", "上班日"])?;
        (1..=30).contains(&n).then_some((e, n))
    }

    /// 节后, 假期后, 放假回来, with an optional `第一个工作日` / `上班第一天`: the first working
    /// day after the nearest statutory break running or coming (or after the festival the
    /// text named before).
    pub(super) fn after_break(&self, i: usize) -> Option<(usize, NaiveDate)> {
        let (e, _) = self.lits(
            i,
            lits![
                "节后",
                "节假日后",
                "假期后",
                "假后",
                "长假后",
                "放假回来后",
                "放假回来",
                "收假后"
            ],
        )?;
        let (e, nth) = self.nth_workday(e).unwrap_or((e, 1));
        self.break_workday(nth).map(|d| (e, d))
    }

    /// The `nth` working day after the break 节后 refers to.
    fn break_workday(&self, nth: u32) -> Option<NaiveDate> {
        let (day, _) = match self.festival_named.get() {
            Some(f) => self.workday_after_festival(f, nth, false)?,
            None => STATUTORY
                .iter()
                .filter_map(|f| self.workday_after_festival(*f, nth, true))
                .min_by_key(|(_, back)| *back)?,
        };
        let d = self.first_workday_after(day, nth)?;
        self.note(Rule::NearestBreak);
        self.note(Rule::FirstWorkdayAfter);
        Some(d)
    }

    /// `first business day after the holidays`, `first working day after Chinese New Year`,
    /// `after the holidays`: (end, the working day).
    pub(super) fn after_holiday_en(&self, i: usize) -> Option<(usize, NaiveDate)> {
        if !matches!(self.c.get(i), Some('a' | 'A' | 'f' | 'F')) {
            return None;
        }
        if let Some((e, _)) = self.en_any(
            i,
            lits![
                "after the holidays",
                "after the holiday",
                "after the break",
                "after the festival",
            ],
        ) {
            return self.break_workday(1).map(|d| (e, d));
        }
        let (e, _) = self.en_any(
            i,
            lits![
                "first business day after ",
                "first working day after ",
                "first workday after ",
                "first day back after ",
            ],
        )?;
        if let Some((e2, _)) = self.en_any(
            e,
            lits!["the holidays", "the holiday", "the break", "the festival"],
        ) {
            return self.break_workday(1).map(|d| (e2, d));
        }
        let e = self.en_any(e, lits!["the "]).map_or(e, |x| x.0);
        let (e2, k) = self.en_any(
            e,
            lits![
                "chinese new year",
                "lunar new year",
                "spring festival",
                "new year's day",
                "new year",
                "qingming festival",
                "qingming",
                "labor day",
                "labour day",
                "may day",
                "dragon boat festival",
                "mid-autumn festival",
                "national day holiday",
                "national day",
                "golden week",
                "christmas",
            ],
        )?;
        let f = [
            Festival::Spring,
            Festival::Spring,
            Festival::Spring,
            Festival::NewYear,
            Festival::NewYear,
            Festival::Qingming,
            Festival::Qingming,
            Festival::Labour,
            Festival::Labour,
            Festival::Labour,
            Festival::Duanwu,
            Festival::MidAutumn,
            Festival::National,
            Festival::National,
            Festival::National,
            Festival::Christmas,
        ][k];
        let (day, _) = self.workday_after_festival(f, 1, false)?;
        let d = self.first_workday_after(day, 1)?;
        self.note(Rule::FirstWorkdayAfter);
        Some((e2, d))
    }

    /// After a whole period (`下周`, `下个月`, from `a` to `b`): `前两个工作日`,
    /// `后三个工作日(内)`, the first or last N working days of it: (end, the last of them).
    pub(super) fn period_workdays(
        &self,
        i: usize,
        a: NaiveDate,
        b: NaiveDate,
    ) -> Option<(usize, NaiveDate)> {
        let j = self.lit(i, "的").unwrap_or(i);
        let (e, k) = self.lits(j, lits!["前", "后"])?;
        let (e, Num::Val(n, _)) = self.num(e)? else {
            return None;
        };
        let e = self.lit(e, "个").unwrap_or(e);
        let (e, _) = self.lits(e, lits!["工作日", "工作天"])?;
        if !(1..=31).contains(&n) {
            return None;
        }
        let e = self.lits(e, lits!["之内", "以内", "内"]).map_or(e, |x| x.0);
        let day = if k == 0 {
            // the first N: counted from the day before the period starts
            let d = self.ctx.calendar.add_working_days(a - Duration::days(1), n);
            self.walk(a, d);
            d
        } else {
            // the last N end on the period's last working day
            let mut d = b;
            while !self.ctx.calendar.is_working_day(d) && d > a {
                d -= Duration::days(1);
            }
            self.walk(d, b);
            d
        };
        self.note(Rule::PeriodWorkdays);
        Some((e, day))
    }
}
