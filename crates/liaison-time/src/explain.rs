//! Why an expression resolved as it did: the rules of TIME.md that fired, for
//! `liaison time --explain`.

use serde::{Deserialize, Serialize};

/// One rule of TIME.md that the scanner applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Rule {
    /// 今天, 明天, 后天, 大后天.
    RelativeDay,
    /// 本周X / this X: day X of the current Monday–Sunday week.
    WeekdayThisWeek,
    /// 下周X / next X: day X of the next week (下下周X: the week after).
    WeekdayNextWeek,
    /// A weekday without a prefix: the first such day strictly after today.
    WeekdayNext,
    /// M月D日 without a year: the year that puts it nearest the reference.
    NearestYear,
    /// A date with its year written.
    WrittenYear,
    /// D号 without a month: the next such day on or after today.
    DayOfMonth,
    /// 月底, 月初, 上旬, 中旬, 下旬, 年底.
    MonthPart,
    /// A named holiday (元旦, 春节, 国庆 …): its festival day.
    Festival,
    /// X后第一个工作日: the first working day after the festival day.
    FirstWorkdayAfter,
    /// 节后, after the holidays: the nearest statutory break running or coming.
    NearestBreak,
    /// 下周前两个工作日: the first (or last) N working days of a period.
    PeriodWorkdays,
    /// Q1–Q4, 一季度, 上半年, H1: calendar quarters and halves.
    Quarter,
    /// EOW, end of week: the last working day of the week at the workday end.
    EndOfWeek,
    /// X天内: the reference date plus X calendar days, at the end of that day.
    CalendarDays,
    /// Hours and minutes: an exact offset from the reference instant.
    ExactOffset,
    /// X个月: calendar months, clamped to the end of the month.
    Months,
    /// X个工作日内: the X-th working day after today (today not counted).
    WorkingDays,
    /// 收到后, 自即日起, upon receipt: counted from the reference.
    FromReceipt,
    /// A weekday in brackets that does not match the date: the date wins.
    DateWins,
    /// An explicit clock time is the deadline itself (`17:00`, `下午5点`, `5pm`).
    ClockTime,
    /// A bare hour with no 上午/下午 and not in 24-hour form: 1–7 is p.m., 8–11 a.m.
    BareHour,
    /// A part of the day without an hour (上午 12:00, 下午 18:00, 晚上 23:59:59, noon).
    PartOfDay,
    /// 下班, EOD, COB: the configured workday end.
    WorkdayEnd,
    /// 上班, 一早, first thing: the configured workday start.
    WorkdayStart,
    /// A time with no date: today if still ahead of the reference, else tomorrow.
    TodayOrTomorrow,
    /// A date with no time: the end of that day (23:59:59).
    DayEnd,
    /// 前 after a day: the day is included.
    BeforeDay,
    /// 前 after a whole period: the last second before it starts.
    BeforePeriod,
    /// A period as a deadline: its end.
    PeriodEnd,
    /// A range resolves to its end.
    RangeEnd,
    /// A zone written in the text: that instant in that zone, with its offset on that date.
    Zone,
}

impl Rule {
    /// A stable id (`working-days`, `nearest-year` …).
    pub fn id(self) -> &'static str {
        match self {
            Rule::ClockTime => "clock-time",
            Rule::BareHour => "bare-hour",
            Rule::PartOfDay => "part-of-day",
            Rule::WorkdayEnd => "workday-end",
            Rule::WorkdayStart => "workday-start",
            Rule::DayEnd => "day-end",
            Rule::TodayOrTomorrow => "today-or-tomorrow",
            Rule::BeforeDay => "before-day",
            Rule::BeforePeriod => "before-period",
            Rule::PeriodEnd => "period-end",
            Rule::RangeEnd => "range-end",
            Rule::WeekdayThisWeek => "weekday-this-week",
            Rule::WeekdayNextWeek => "weekday-next-week",
            Rule::WeekdayNext => "weekday-next",
            Rule::RelativeDay => "relative-day",
            Rule::CalendarDays => "calendar-days",
            Rule::ExactOffset => "exact-offset",
            Rule::Months => "months",
            Rule::WorkingDays => "working-days",
            Rule::FromReceipt => "from-receipt",
            Rule::NearestYear => "nearest-year",
            Rule::WrittenYear => "written-year",
            Rule::DayOfMonth => "day-of-month",
            Rule::MonthPart => "month-part",
            Rule::Festival => "festival",
            Rule::FirstWorkdayAfter => "first-workday-after",
            Rule::NearestBreak => "nearest-break",
            Rule::PeriodWorkdays => "period-workdays",
            Rule::Quarter => "quarter",
            Rule::Zone => "zone",
            Rule::EndOfWeek => "end-of-week",
            Rule::DateWins => "date-wins",
        }
    }

    /// The rule in Chinese, as TIME.md states it.
    pub fn zh(self) -> &'static str {
        match self {
            Rule::ClockTime => "写明的时刻就是截止时刻",
            Rule::BareHour => {
                "未写上午/下午的钟点按工作时间理解：1–7点为下午，8–11点为上午，12点为中午"
            }
            Rule::PartOfDay => "只写时段：上午/中午为12:00，下午为18:00，晚上为23:59:59",
            Rule::WorkdayEnd => "下班/EOD/COB 为配置的下班时间",
            Rule::WorkdayStart => "上班/一早/first thing 为配置的上班时间",
            Rule::DayEnd => "只有日期没有时刻：当天23:59:59",
            Rule::TodayOrTomorrow => "只有时刻没有日期：今天该时刻未过则为今天，否则为明天",
            Rule::BeforeDay => "日期后的“前”包含当天",
            Rule::BeforePeriod => "整个时期后的“前”：该时期开始前的最后一秒",
            Rule::PeriodEnd => "以时期为期限：该时期结束",
            Rule::RangeEnd => "时间范围取其结束",
            Rule::WeekdayThisWeek => "本周X：本周（周一至周日）的星期X",
            Rule::WeekdayNextWeek => "下周X：下一周的星期X",
            Rule::WeekdayNext => "不带前缀的星期X：今天之后的第一个星期X",
            Rule::RelativeDay => "今天/明天/后天/大后天",
            Rule::CalendarDays => "X天内：参考日期加X个自然日，当天结束",
            Rule::ExactOffset => "小时/分钟：从参考时刻起精确计算",
            Rule::Months => "X个月：按日历月计算，超出月末取月末",
            Rule::WorkingDays => {
                "X个工作日内：今天之后的第X个工作日（不含今天）当天结束，按工作日历跳过节假日、计入调休"
            }
            Rule::FromReceipt => "收到后/自即日起：从参考时刻起算",
            Rule::NearestYear => "未写年份的日期：取离参考日期最近的年份（前后约6个月）",
            Rule::WrittenYear => "写明年份的日期",
            Rule::DayOfMonth => "只写几号：今天或之后的第一个该日",
            Rule::MonthPart => "月底/月初/上旬/中旬/下旬/年底",
            Rule::Festival => "节日取节日当天（X前为节日前一天结束）",
            Rule::FirstWorkdayAfter => {
                "X后第一个工作日：节日当天之后的第一个工作日（放假与调休之后的第一天）"
            }
            Rule::NearestBreak => "节后：正在进行或即将到来的最近一个法定假期",
            Rule::PeriodWorkdays => "某时期的前（后）N个工作日：以其中最后一个工作日结束为期限",
            Rule::Quarter => "季度与半年按日历计算；未写年份时取当前或下一个同名时期",
            Rule::Zone => "写明时区：按该时区当天的偏移（含夏令时）换算到配置的时区",
            Rule::EndOfWeek => "周末前/EOW：本周最后一个工作日的下班时间",
            Rule::DateWins => "括号中的星期与日期不符：以日期为准",
        }
    }

    /// The rule in English.
    pub fn en(self) -> &'static str {
        match self {
            Rule::ClockTime => "an explicit clock time is the deadline itself",
            Rule::BareHour => {
                "a bare hour (no a.m./p.m., not 24-hour): 1-7 is p.m., 8-11 a.m., 12 noon"
            }
            Rule::PartOfDay => {
                "a part of the day with no hour: morning/noon 12:00, afternoon 18:00, evening 23:59:59"
            }
            Rule::WorkdayEnd => "EOD, COB, 下班: the configured workday end",
            Rule::WorkdayStart => "first thing, 上班, 一早: the configured workday start",
            Rule::DayEnd => "a date with no time: the end of that day (23:59:59)",
            Rule::TodayOrTomorrow => {
                "a time with no date: today if still ahead of the reference, else tomorrow"
            }
            Rule::BeforeDay => "'before' a day includes the day",
            Rule::BeforePeriod => "'before' a whole period: the last second before it starts",
            Rule::PeriodEnd => "a period as a deadline: its end",
            Rule::RangeEnd => "a range resolves to its end",
            Rule::WeekdayThisWeek => "this <weekday>: that day of the current Monday-Sunday week",
            Rule::WeekdayNextWeek => "next <weekday>: that day of the next week",
            Rule::WeekdayNext => {
                "a weekday with no prefix: the first such day strictly after today"
            }
            Rule::RelativeDay => "today, tomorrow, the day after tomorrow",
            Rule::CalendarDays => {
                "within X days: the reference date plus X calendar days, at the end of that day"
            }
            Rule::ExactOffset => "hours and minutes: an exact offset from the reference instant",
            Rule::Months => "X months: calendar months, clamped to the end of the month",
            Rule::WorkingDays => {
                "within X business days: the end of the X-th working day after today (today not counted), holidays skipped and make-up days counted"
            }
            Rule::FromReceipt => "upon receipt: counted from the reference",
            Rule::NearestYear => {
                "a date without a year: the year that puts it nearest the reference (about +/-6 months)"
            }
            Rule::WrittenYear => "a date with its year written",
            Rule::DayOfMonth => "a day number alone: the next such day on or after today",
            Rule::MonthPart => "end, start, early, mid or late part of a month, or the year end",
            Rule::Festival => {
                "a named holiday: its festival day ('before' it: the end of the day before)"
            }
            Rule::FirstWorkdayAfter => {
                "first working day after a holiday: the first working day after the festival day (after the break and its make-up days)"
            }
            Rule::NearestBreak => {
                "after the holidays: the nearest statutory break that is running or coming"
            }
            Rule::PeriodWorkdays => {
                "the first (last) N working days of a period: the end of the last of them"
            }
            Rule::Quarter => {
                "calendar quarters and halves; without a year, the one running or the next of that name"
            }
            Rule::Zone => {
                "a zone written in the text: that instant in that zone, with its offset on that date (daylight saving included)"
            }
            Rule::EndOfWeek => "end of week: the last working day of the week at the workday end",
            Rule::DateWins => "a bracketed weekday that does not match the date: the date wins",
        }
    }
}

/// The rules that fired for one expression (a set: each rule once, listed in the order of
/// [`Rule`], which runs from the date to the time, the suffix and the zone).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Rules {
    // one bit per rule: the scanner notes rules on its hot path
    bits: u64,
}

impl Rules {
    /// Adds a rule.
    #[inline]
    pub fn push(&mut self, r: Rule) {
        self.bits |= 1 << (r as u32);
    }

    /// The rules, in the order of [`Rule`].
    pub fn iter(&self) -> impl Iterator<Item = Rule> + '_ {
        ALL.iter().copied().filter(|r| self.contains(*r))
    }

    /// Whether no rule was recorded.
    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }

    /// Whether `r` fired.
    pub fn contains(&self, r: Rule) -> bool {
        self.bits & (1 << (r as u32)) != 0
    }
}

/// Every rule, in the order of [`Rule`].
const ALL: [Rule; 32] = [
    Rule::RelativeDay,
    Rule::WeekdayThisWeek,
    Rule::WeekdayNextWeek,
    Rule::WeekdayNext,
    Rule::NearestYear,
    Rule::WrittenYear,
    Rule::DayOfMonth,
    Rule::MonthPart,
    Rule::Festival,
    Rule::FirstWorkdayAfter,
    Rule::NearestBreak,
    Rule::PeriodWorkdays,
    Rule::Quarter,
    Rule::EndOfWeek,
    Rule::CalendarDays,
    Rule::ExactOffset,
    Rule::Months,
    Rule::WorkingDays,
    Rule::FromReceipt,
    Rule::DateWins,
    Rule::ClockTime,
    Rule::BareHour,
    Rule::PartOfDay,
    Rule::WorkdayEnd,
    Rule::WorkdayStart,
    Rule::TodayOrTomorrow,
    Rule::DayEnd,
    Rule::BeforeDay,
    Rule::BeforePeriod,
    Rule::PeriodEnd,
    Rule::RangeEnd,
    Rule::Zone,
];
