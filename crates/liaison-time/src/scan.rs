//! The scanner: find, classify and resolve time expressions.
//!
//! A hand-written character scanner. The text is normalised once (full-width digits and
//! punctuation to ASCII, 繁體 weekday and unit characters to 简体); then at each position a
//! small set of bounded parsers is tried (each reads at most a few dozen characters, and
//! numbers and words only start at a boundary), so scanning is linear in the input.

use crate::explain::{Rule, Rules};
use crate::holidays::Festival;
use crate::zones::ZoneSpec;
use crate::{Calendar, WorkHours};
use chrono::{
    DateTime, Datelike, Duration, FixedOffset, Months, NaiveDate, NaiveDateTime, NaiveTime,
    TimeZone, Weekday,
};
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::ops::Range;

/// What a found expression is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExprKind {
    /// A deadline with a resolved instant.
    Deadline,
    /// Sets no computable date (尽快, 近期, 月底左右).
    Vague,
    /// An unfilled template slot (X月X日, XX:XX, 【日期】).
    Placeholder,
    /// A date or time that cannot exist (4月31日, 2月30日, 25:00); [`Expression::reason`]
    /// says why.
    Invalid,
}

impl ExprKind {
    /// The lowercase name used in JSON (`deadline`, `vague`, `placeholder`, `invalid`).
    pub fn as_str(self) -> &'static str {
        match self {
            ExprKind::Deadline => "deadline",
            ExprKind::Vague => "vague",
            ExprKind::Placeholder => "placeholder",
            ExprKind::Invalid => "invalid",
        }
    }
}

/// Why an [`ExprKind::Invalid`] expression cannot exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum InvalidReason {
    /// `13月`, `0月`.
    NoSuchMonth {
        /// The month written.
        month: u32,
    },
    /// `4月31日`, `2月30日`, `2027年2月29日`: the month has fewer days.
    PastMonthEnd {
        /// The year, when the answer depends on it (February).
        year: Option<i32>,
        /// The month.
        month: u32,
        /// Its last day (29 for February without a year).
        last: u32,
    },
    /// `33日`, `0日`: no month has that day.
    NoSuchDay {
        /// The day written.
        day: u32,
    },
    /// `25:00`, `26点`.
    NoSuchHour {
        /// The hour written.
        hour: u32,
    },
    /// `17:75`.
    NoSuchMinute {
        /// The minute written.
        minute: u32,
    },
    /// `24:30`: nothing comes after 24:00.
    PastMidnight {
        /// The minute written after 24.
        minute: u32,
    },
    /// `上午13点`: a morning word with an afternoon hour.
    NotInMorning {
        /// The hour written.
        hour: u32,
    },
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl InvalidReason {
    /// The reason in Chinese (`4月只有30天`).
    pub fn zh(&self) -> String {
        match *self {
            InvalidReason::NoSuchMonth { month } => format!("没有{month}月"),
            InvalidReason::PastMonthEnd {
                year: Some(y),
                month,
                last,
            } => format!("{y}年{month}月只有{last}天"),
            InvalidReason::PastMonthEnd {
                year: None,
                month: 2,
                last,
            } => format!("2月最多{last}天"),
            InvalidReason::PastMonthEnd {
                year: None,
                month,
                last,
            } => format!("{month}月只有{last}天"),
            InvalidReason::NoSuchDay { day } => format!("没有{day}日"),
            InvalidReason::NoSuchHour { hour } => format!("没有{hour}点"),
            InvalidReason::NoSuchMinute { .. } => "一小时只有60分钟".to_string(),
            InvalidReason::PastMidnight { minute } => {
                format!("没有24:{minute:02}（一天最晚到24:00）")
            }
            InvalidReason::NotInMorning { hour } => format!("上午没有{hour}点"),
        }
    }

    /// The reason in English (`April has only 30 days`), ASCII punctuation.
    pub fn en(&self) -> String {
        let name = |m: u32| {
            MONTHS_EN
                .get(m as usize - 1)
                .copied()
                .unwrap_or("that month")
        };
        match *self {
            InvalidReason::NoSuchMonth { month } => format!("there is no month {month}"),
            InvalidReason::PastMonthEnd {
                year: Some(y),
                month,
                last,
            } => format!("{} {y} has only {last} days", name(month)),
            InvalidReason::PastMonthEnd {
                year: None,
                month: 2,
                last,
            } => format!("February has at most {last} days"),
            InvalidReason::PastMonthEnd {
                year: None,
                month,
                last,
            } => format!("{} has only {last} days", name(month)),
            InvalidReason::NoSuchDay { day } => format!("no month has a day {day}"),
            InvalidReason::NoSuchHour { hour } => {
                format!("there is no hour {hour} (a day runs from 0:00 to 24:00)")
            }
            InvalidReason::NoSuchMinute { minute } => {
                format!("an hour has only 60 minutes (there is no minute {minute})")
            }
            InvalidReason::PastMidnight { minute } => {
                format!("there is no 24:{minute:02} (24:00 is the latest time of a day)")
            }
            InvalidReason::NotInMorning { hour } => {
                format!("{hour} o'clock is not in the morning")
            }
        }
    }
}

/// A date written with a weekday that does not match it, as in `12月3日（周五）`
/// (Dec 3 2026 is a Thursday). The date wins; the linter reports the mismatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekdayMismatch {
    /// The weekday the text states.
    pub stated: Weekday,
    /// The weekday of the date.
    pub actual: Weekday,
}

/// One expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expression {
    /// The matched text.
    pub text: String,
    /// Byte offset of the start in the input.
    pub start: usize,
    /// Byte offset of the end in the input.
    pub end: usize,
    /// Deadline, vague or placeholder.
    pub kind: ExprKind,
    /// The resolved instant; `None` unless `kind` is `Deadline`.
    pub value: Option<DateTime<FixedOffset>>,
    /// The time zone as written in the text (`PT`, `UTC+9`, `东京时间`), when the expression
    /// names one; the value is that instant, converted to the configured zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// The value counted working days in a year whose holiday notice the calendar does not
    /// hold (see [`Calendar::is_estimated`]): only the statutory days are known.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
    /// For [`ExprKind::Invalid`]: why the date or time cannot exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<InvalidReason>,
}

/// What expressions are resolved against.
///
/// Build one with [`Context::new`] and the `with_*` methods rather than a struct literal,
/// so that fields added later do not break callers.
#[derive(Debug, Clone)]
pub struct Context {
    /// The reference instant (the mail's Date, or `--now`).
    pub now: DateTime<FixedOffset>,
    /// Time zone for local dates.
    pub tz: chrono_tz::Tz,
    /// Working days.
    pub calendar: Calendar,
    /// Workday start and end.
    pub hours: WorkHours,
}

impl Context {
    /// Defaults: Asia/Shanghai, the `cn` calendar, 09:00–18:00.
    pub fn new(now: DateTime<FixedOffset>) -> Context {
        Context {
            now,
            tz: chrono_tz::Asia::Shanghai,
            calendar: Calendar::cn(),
            hours: WorkHours::default(),
        }
    }
    /// Sets the time zone.
    pub fn with_tz(mut self, tz: chrono_tz::Tz) -> Context {
        self.tz = tz;
        self
    }
    /// Sets the work calendar.
    pub fn with_calendar(mut self, calendar: Calendar) -> Context {
        self.calendar = calendar;
        self
    }
    /// Sets the workday hours.
    pub fn with_hours(mut self, hours: WorkHours) -> Context {
        self.hours = hours;
        self
    }
}

/// Counters from one scan, for tests that check the scanner stays linear.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanStats {
    /// Characters in the input.
    pub chars: usize,
    /// Character inspections made by the parsers.
    pub steps: u64,
}

/// Finds every time expression in `text`, in order of position.
pub fn scan(text: &str, ctx: &Context) -> Vec<Expression> {
    let mut out = Vec::new();
    scan_with(text, ctx, true, &[], |d| out.push(d.expr));
    out
}

/// An expression with what the linter needs beyond [`Expression`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detailed {
    /// The expression.
    pub expr: Expression,
    /// Set when a date carries a weekday that does not match it.
    pub weekday_mismatch: Option<WeekdayMismatch>,
    /// For a hedged (vague) date such as `12月3日前后`: the anchor, as a hint only.
    pub hint: Option<DateTime<FixedOffset>>,
    /// The rules of TIME.md that fired, in order (for `liaison time --explain`).
    pub rules: Rules,
    /// The days of the work calendar the resolution walked through (first and last,
    /// inclusive), when it counted working days; [`Detailed::skipped_days`] lists the days
    /// off among them.
    pub walked: Option<(NaiveDate, NaiveDate)>,
}

impl Detailed {
    /// The days off (weekends, holidays) the calendar skipped while resolving this
    /// expression, in order; empty when it counted no working days.
    pub fn skipped_days(&self, calendar: &Calendar) -> Vec<NaiveDate> {
        match self.walked {
            Some((a, b)) => a
                .iter_days()
                .take_while(|d| *d <= b)
                .take(400)
                .filter(|d| !calendar.is_working_day(*d))
                .collect(),
            None => Vec::new(),
        }
    }
}

/// Like [`scan`], with weekday mismatches and hedge hints, plus operation counts.
pub fn scan_detailed(text: &str, ctx: &Context) -> (Vec<Detailed>, ScanStats) {
    let mut out = Vec::new();
    let stats = scan_with(text, ctx, true, &[], |d| out.push(d));
    (out, stats)
}

/// Like [`scan_detailed`], but no expression starts or ends inside the byte ranges of
/// `skip`: for a caller that knows parts of the text record history rather than set a
/// deadline (a quoted reply or forward header such as `发件时间：…` or `Sent: …`).
/// Offsets are still those of `text`. Ranges that are not on character boundaries are
/// widened to the characters they touch.
pub fn scan_detailed_skipping(
    text: &str,
    ctx: &Context,
    skip: &[Range<usize>],
) -> (Vec<Detailed>, ScanStats) {
    let mut out = Vec::new();
    let stats = scan_with(text, ctx, true, skip, |d| out.push(d));
    (out, stats)
}

/// [`scan_detailed`] without the prefilter ([`S::may_begin`]): every position that
/// [`may_start`] admits runs the whole parser tree. The reference the differential tests
/// compare the filtered scan against; not for production use (it is several times slower).
#[doc(hidden)]
pub fn scan_reference(text: &str, ctx: &Context) -> (Vec<Detailed>, ScanStats) {
    let mut out = Vec::new();
    let stats = scan_with(text, ctx, false, &[], |d| out.push(d));
    (out, stats)
}

/// A character no parser accepts, written over the skipped ranges.
const BLANK: char = '\u{0}';

/// The scan itself; each expression found goes to `sink` ([`scan`] keeps only the
/// [`Expression`], so the detail is built and dropped in place).
fn scan_with(
    text: &str,
    ctx: &Context,
    filter: bool,
    skip: &[Range<usize>],
    mut sink: impl FnMut(Detailed),
) -> ScanStats {
    let mut chars = normalise(text);
    if !skip.is_empty() {
        for (k, (b, ch)) in text.char_indices().enumerate() {
            if skip
                .iter()
                .any(|r| b < r.end && b + ch.len_utf8() > r.start)
            {
                chars[k] = BLANK;
            }
        }
    }
    let mut offs = Offsets {
        text: text.as_bytes(),
        ci: 0,
        bi: 0,
    };
    let now = ctx.now.with_timezone(&ctx.tz).naive_local();
    let s = S {
        c: &chars,
        ctx,
        now,
        today: now.date(),
        steps: Cell::new(0),
        pending_mismatch: Cell::new(None),
        rules: Cell::new(Rules::default()),
        walked: Cell::new(None),
        festival_named: Cell::new(None),
        point_zone: Cell::new(None),
    };
    let mut i = 0;
    let n = chars.len();
    while i < n {
        s.tick();
        let ch = chars[i];
        // Words and numbers only start at a boundary (every parser requires it), so the
        // inside of a word or a digit run is skipped without trying the parsers.
        let inside = i > 0
            && ((ch.is_ascii_alphabetic() && chars[i - 1].is_ascii_alphanumeric())
                || (ch.is_ascii_digit() && chars[i - 1].is_ascii_digit()));
        if inside || !in_set(&START_SET, ch) {
            i += 1;
            continue;
        }
        if filter && !s.may_begin(i) {
            // the rest of a rejected word or digit run is inside it: pass over it at once
            // (one step per character, as the loop would count it)
            let from = i;
            i += 1;
            if ch.is_ascii_alphabetic() {
                while chars.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
                    i += 1;
                }
            } else if ch.is_ascii_digit() {
                while chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
                    i += 1;
                }
            }
            s.steps.set(s.steps.get() + (i - from - 1) as u64);
            continue;
        }
        s.rules.set(Rules::default());
        s.walked.set(None);
        match s.expr(i) {
            Some(f) if f.end > i && f.skip => i = f.end,
            Some(f) if f.end > i => {
                let bs = offs.at(i);
                let (fixed, zone, reason) = match f.extra {
                    Some(x) => (x.fixed, x.zone, x.reason),
                    None => (None, None, None),
                };
                let zone = zone.map(|(zs, ze)| {
                    let a = offs.at(zs);
                    (a, offs.at(ze))
                });
                let be = offs.at(f.end);
                let local = |t: NaiveDateTime| to_fixed(ctx, t);
                let mut rules = s.rules.get();
                let deadline = f.kind == ExprKind::Deadline;
                let walked = s.walked.get().filter(|_| deadline);
                if f.mismatch.is_some() {
                    rules.push(Rule::DateWins);
                }
                sink(Detailed {
                    expr: Expression {
                        text: text[bs..be].to_string(),
                        start: bs,
                        end: be,
                        kind: f.kind,
                        value: if deadline {
                            match fixed {
                                Some(x) => Some(x.with_timezone(&ctx.tz).fixed_offset()),
                                None => f.value.and_then(local),
                            }
                        } else {
                            None
                        },
                        zone: zone.map(|(a, b)| text[a..b].to_string()),
                        estimated: walked.is_some_and(|(a, b)| {
                            (a.year()..=b.year()).any(|y| ctx.calendar.is_estimated(y))
                        }),
                        reason: reason.filter(|_| f.kind == ExprKind::Invalid),
                    },
                    weekday_mismatch: f.mismatch,
                    hint: f.hint.and_then(local),
                    rules,
                    walked,
                });
                i = f.end;
            }
            _ => i += 1,
        }
    }
    ScanStats {
        chars: n,
        steps: s.steps.get(),
    }
}

/// The weekday mismatch of the expression at `expr.start`, if any (a convenience over
/// [`scan_detailed`] for callers that already hold an [`Expression`]).
pub fn weekday_mismatch(text: &str, expr: &Expression, ctx: &Context) -> Option<WeekdayMismatch> {
    scan_detailed(text, ctx)
        .0
        .into_iter()
        .find(|d| d.expr.start == expr.start && d.expr.end == expr.end)
        .and_then(|d| d.weekday_mismatch)
}

fn to_fixed(ctx: &Context, t: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    match ctx.tz.from_local_datetime(&t) {
        chrono::LocalResult::Single(d) => Some(d.fixed_offset()),
        chrono::LocalResult::Ambiguous(a, _) => Some(a.fixed_offset()),
        chrono::LocalResult::None => ctx
            .tz
            .from_local_datetime(&(t + Duration::hours(1)))
            .earliest()
            .map(|d| d.fixed_offset()),
    }
}

/// Byte offsets of character indices, found by walking the text forward on demand (the
/// scan asks for non-decreasing indices), instead of a vector of one offset per character.
struct Offsets<'t> {
    text: &'t [u8],
    /// A character index and its byte offset.
    ci: usize,
    bi: usize,
}

impl Offsets<'_> {
    /// The byte offset of character `k` (`k` at most the number of characters, and not
    /// below an index asked for before).
    fn at(&mut self, k: usize) -> usize {
        debug_assert!(k >= self.ci);
        while self.ci < k {
            // the width of a UTF-8 sequence from its lead byte
            let b = self.text[self.bi];
            self.bi += 1 + (b >= 0xC0) as usize + (b >= 0xE0) as usize + (b >= 0xF0) as usize;
            self.ci += 1;
        }
        self.bi
    }
}

/// A set of characters of the Basic Multilingual Plane, one bit each (8 KB).
type CharSet = [u64; 1024];

#[inline]
fn in_set(set: &CharSet, ch: char) -> bool {
    let u = ch as u32;
    u < 0x10000 && set[(u >> 6) as usize] & (1 << (u & 63)) != 0
}

/// The characters [`may_start`] admits, as a [`CharSet`] (a bit test instead of a long
/// `match` for every character of the text).
static START_SET: CharSet = {
    let mut b = [0u64; 1024];
    let mut u = 0u32;
    while u < 0x10000 {
        if let Some(c) = char::from_u32(u)
            && may_start(c)
        {
            b[(u >> 6) as usize] |= 1 << (u & 63);
        }
        u += 1;
    }
    b
};

/// The characters [`norm_char`] changes, as a [`CharSet`] (most characters skip the `match`).
static NORM_SET: CharSet = {
    let mut b = [0u64; 1024];
    let mut u = 0u32;
    while u < 0x10000 {
        if let Some(c) = char::from_u32(u)
            && norm_char(c) != c
        {
            b[(u >> 6) as usize] |= 1 << (u & 63);
        }
        u += 1;
    }
    b
};

const fn shift(ch: char, from: char, to: char) -> char {
    match char::from_u32(ch as u32 - from as u32 + to as u32) {
        Some(c) => c,
        None => ch,
    }
}

const fn norm_char(ch: char) -> char {
    match ch {
        '０'..='９' => shift(ch, '０', '0'),
        'Ａ'..='Ｚ' => shift(ch, 'Ａ', 'A'),
        'ａ'..='ｚ' => shift(ch, 'ａ', 'a'),
        '：' => ':',
        '／' => '/',
        '．' => '.',
        '－' | '–' | '—' | '―' => '-',
        '～' | '〜' => '~',
        '（' => '(',
        '）' => ')',
        '［' => '[',
        '］' => ']',
        '｛' => '{',
        '｝' => '}',
        '＿' => '_',
        '＊' => '*',
        '，' => ',',
        '　' | '\t' | '\u{a0}' => ' ',
        '週' => '周',
        '禮' => '礼',
        '號' => '号',
        '點' => '点',
        '後' => '后',
        '個' => '个',
        '時' => '时',
        '內' => '内',
        '兩' => '两',
        '鐘' => '钟',
        '頭' => '头',
        '間' => '间',
        '為' => '为',
        '於' => '于',
        '晚' => '晚',
        '聖' => '圣',
        '誕' => '诞',
        '節' => '节',
        '慶' => '庆',
        '勞' => '劳',
        '動' => '动',
        '這' => '这',
        '盡' => '尽',
        '稍' => '稍',
        '會' => '会',
        '當' => '当',
        '過' => '过',
        '幾' => '几',
        '將' => '将',
        // more 繁體 forms of the words the parsers read (国庆, 东京时间, 大约, 回来, 尽快 …)
        '國' => '国',
        '東' => '东',
        '約' => '约',
        '來' => '来',
        '儘' => '尽',
        '倫' => '伦',
        '紐' => '纽',
        '爾' => '尔',
        '臺' => '台',
        '韓' => '韩',
        '歐' => '欧',
        '開' => '开',
        '復' => '复',
        '報' => '报',
        '記' => '记',
        '歲' => '岁',
        '邊' => '边',
        '圍' => '围',
        '轉' => '转',
        '項' => '项',
        '條' => '条',
        '題' => '题',
        '頁' => '页',
        '張' => '张',
        '萬' => '万',
        '億' => '亿',
        _ => ch,
    }
}

fn normalise(text: &str) -> Vec<char> {
    let mut c = Vec::with_capacity(text.len());
    c.extend(text.chars().map(|ch| {
        if in_set(&NORM_SET, ch) {
            norm_char(ch)
        } else {
            ch
        }
    }));
    c
}

/// A list of literals for [`S::lits`], with a mask of their first characters so that a
/// position no literal can start at is rejected at once.
struct Lits {
    list: &'static [&'static str],
    mask: u128,
}

/// The bit of `ch` in a [`Lits`] mask.
#[inline]
const fn char_bit(ch: char) -> u128 {
    1 << (ch as u32 % 128)
}

/// The first character of a non-empty `s`, decoded in a `const` context.
const fn first_char(s: &str) -> char {
    let b = s.as_bytes();
    let cp = if b[0] < 0x80 {
        b[0] as u32
    } else if b[0] < 0xE0 {
        ((b[0] as u32 & 0x1F) << 6) | (b[1] as u32 & 0x3F)
    } else if b[0] < 0xF0 {
        ((b[0] as u32 & 0x0F) << 12) | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F)
    } else {
        ((b[0] as u32 & 0x07) << 18)
            | ((b[1] as u32 & 0x3F) << 12)
            | ((b[2] as u32 & 0x3F) << 6)
            | (b[3] as u32 & 0x3F)
    };
    match char::from_u32(cp) {
        Some(c) => c,
        None => panic!("invalid UTF-8"),
    }
}

impl Lits {
    const fn new(list: &'static [&'static str]) -> Lits {
        let mut mask = 0;
        let mut k = 0;
        while k < list.len() {
            // an empty literal matches anywhere
            if list[k].is_empty() {
                mask = u128::MAX;
            } else {
                mask |= char_bit(first_char(list[k]));
            }
            k += 1;
        }
        Lits { list, mask }
    }
}

/// A `&'static Lits` built at compile time: `lits!["之前", "以前"]`.
macro_rules! lits {
    ($($s:expr),* $(,)?) => {{
        const L: $crate::scan::Lits = $crate::scan::Lits::new(&[$($s),*]);
        &L
    }};
}

/// `s` starts with the UTF-8 encoding `head` of one character (a hand loop: a `memcmp`
/// call per literal costs more than the comparison).
#[inline]
fn starts_with_char(s: &[u8], head: &[u8]) -> bool {
    if s.len() < head.len() {
        return false;
    }
    let mut k = 0;
    while k < head.len() {
        if s[k] != head[k] {
            return false;
        }
        k += 1;
    }
    true
}

const fn may_start(ch: char) -> bool {
    ch.is_ascii_alphanumeric()
        || matches!(
            ch,
            '今' | '明'
                | '后'
                | '大'
                | '本'
                | '这'
                | '下'
                | '上'
                | '周'
                | '星'
                | '礼'
                | '月'
                | '年'
                | '季'
                | '元'
                | '春'
                | '圣'
                | '国'
                | '五'
                | '劳'
                | '尽'
                | '近'
                | '有'
                | '抽'
                | '方'
                | '稍'
                | '过'
                | '第'
                | '及'
                | '另'
                | '当'
                | '早'
                | '中'
                | '凌'
                | '晚'
                | '傍'
                | '午'
                | '一'
                | '二'
                | '两'
                | '三'
                | '四'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '廿'
                | '零'
                | '〇'
                | '○'
                | '几'
                | '半'
                | '×'
                | '_'
                | '*'
                | '某'
                | '【'
                | '<'
                | '['
                | '{'
                | ' '
                | '夜'
                | '清'
                | '端'
                | '约'
                | '越'
                | '改'
                | '择'
                | '随'
                | '若'
                | '数'
                | '回'
                | '收'
                | '〔'
                // 节后, 假期后, 放假回来, 长假后, 自即日起, 即日起, 待定
                | '节'
                | '假'
                | '放'
                | '长'
                | '自'
                | '即'
                | '待'
                // zone names before a date or time (东京时间, 美西时间 …)
                | '北'
                | '东'
                | '日'
                | '首'
                | '韩'
                | '新'
                | '伦'
                | '英'
                | '巴'
                | '柏'
                | '欧'
                | '美'
                | '纽'
                | '太'
                | '洛'
                | '硅'
                | '悉'
                | '香'
                | '台'
                | '印'
                | '格'
        )
}

/// [`char_bit`]s of the characters [`zone_start`] admits: most characters are rejected by
/// one test.
const ZONE_START_MASK: u128 = {
    let mut m = 0;
    let mut u = 0x4E00u32;
    while u < 0xA000 {
        if let Some(c) = char::from_u32(u)
            && zone_start_exact(c)
        {
            m |= char_bit(c);
        }
        u += 1;
    }
    m
};

/// Whether `c` starts a zone name written before a date or time (东京时间, 美西时间 …).
#[inline]
fn zone_start(c: char) -> bool {
    ZONE_START_MASK & char_bit(c) != 0 && zone_start_exact(c)
}

const fn zone_start_exact(c: char) -> bool {
    matches!(
        c,
        '北' | '东'
            | '日'
            | '首'
            | '韩'
            | '新'
            | '伦'
            | '英'
            | '巴'
            | '柏'
            | '欧'
            | '美'
            | '纽'
            | '太'
            | '洛'
            | '硅'
            | '悉'
            | '香'
            | '台'
            | '印'
            | '格'
    )
}

/// The longest word [`en_first_word`] accepts.
const EN_FIRST_MAX: usize = 13;

/// Whether `w`, the lowercased letters of an ASCII word at a boundary, can be the first word
/// (up to the first non-letter) of an expression: the prefilter of [`S::may_begin`].
/// `upper`: the word is capitalised; `next`: the character after its letters.
///
/// This MUST list the first letter-run of every English literal, phrase and word that a
/// parser can match at the start of an expression: [`VAGUE_EN`], the hedges in [`S::expr`],
/// the format masks in [`S::mask`], [`S::duration_en`], the slots `X`–`XXXX` of [`S::num`],
/// weekdays in [`S::date`], the phrases and words of [`S::date_en`] (this/next/coming/last,
/// the, early/mid/late, months), and the phrases of [`S::time_en`]. Adding an English
/// phrase to a parser means adding its first word here; the differential tests catch a
/// missing one only if their vocabulary has it.
fn en_first_word(w: u128, upper: bool, next: Option<char>) -> bool {
    if w == pack(b"a") {
        // a.s.a.p. (as a word, "a" only counts after in/within)
        return next == Some('.');
    }
    if EN_FIRST_CAPITALISED.binary_search(&w).is_ok() {
        return upper;
    }
    EN_FIRST.binary_search(&w).is_ok()
}

/// First words that count only when capitalised: "may" and "march" are months only then,
/// and so are abbreviated weekdays ([`S::date`], [`S::date_en`]).
static EN_FIRST_CAPITALISED: [u128; EN_FIRST_CAPITALISED_LIST.len()] =
    packed_sorted(EN_FIRST_CAPITALISED_LIST);
const EN_FIRST_CAPITALISED_LIST: &[&[u8]] = &[
    b"may", b"mar", b"march", b"mon", b"tue", b"tues", b"wed", b"thu", b"thur", b"thurs", b"fri",
    b"sat", b"sun",
];

/// The other first words (see [`en_first_word`]).
static EN_FIRST: [u128; EN_FIRST_LIST.len()] = packed_sorted(EN_FIRST_LIST);
const EN_FIRST_LIST: &[&[u8]] = &[
    // VAGUE_EN
    b"as",
    b"at",
    b"when",
    b"in",
    b"within",
    b"asap",
    b"soon",
    b"shortly",
    // masks
    b"yyyy",
    b"mm",
    b"dd",
    b"hh",
    // hedges
    b"around",
    b"approximately",
    b"roughly",
    b"sometime",
    b"about",
    // slots
    b"x",
    b"xx",
    b"xxx",
    b"xxxx",
    // weekdays
    b"monday",
    b"tuesday",
    b"wednesday",
    b"thursday",
    b"friday",
    b"saturday",
    b"sunday",
    // date_en phrases and words
    b"the",
    b"day",
    b"today",
    b"tomorrow",
    b"tonight",
    b"end",
    b"eow",
    b"eom",
    b"year",
    b"eoy",
    b"eoq",
    b"this",
    b"weekend",
    b"next",
    b"christmas",
    b"new",
    b"coming",
    b"last",
    b"early",
    b"mid",
    b"late",
    // months
    b"january",
    b"jan",
    b"february",
    b"feb",
    b"april",
    b"apr",
    b"june",
    b"jun",
    b"july",
    b"jul",
    b"august",
    b"aug",
    b"september",
    b"sep",
    b"sept",
    b"october",
    b"oct",
    b"november",
    b"nov",
    b"december",
    b"dec",
    // time_en
    b"close",
    b"eod",
    b"cob",
    b"noon",
    b"midday",
    b"midnight",
    b"start",
    // quarters and halves (Q2, H1), TBD/TBC, first thing / first business day after, after
    // the holidays, lunch, to be confirmed
    b"q",
    b"h",
    b"tbd",
    b"tbc",
    b"tba",
    b"first",
    b"after",
    b"lunch",
    b"lunchtime",
    b"to",
];

/// An ASCII word of at most 16 bytes as one integer (byte `k` in bits `8k..8k+8`), so that
/// word lists are searched with integer comparisons.
const fn pack(w: &[u8]) -> u128 {
    let mut k = 0u128;
    let mut j = 0;
    while j < w.len() && j < 16 {
        k |= (w[j] as u128) << (8 * j);
        j += 1;
    }
    k
}

/// `words` packed and sorted, for a binary search; `N` must be `words.len()`.
const fn packed_sorted<const N: usize>(words: &[&[u8]]) -> [u128; N] {
    assert!(words.len() == N);
    let mut a = [0u128; N];
    let mut i = 0;
    while i < N {
        assert!(
            words[i].len() <= EN_FIRST_MAX,
            "a first word is longer than EN_FIRST_MAX"
        );
        a[i] = pack(words[i]);
        // insertion sort
        let mut j = i;
        while j > 0 && a[j - 1] > a[j] {
            let t = a[j];
            a[j] = a[j - 1];
            a[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    a
}

/// For a Chinese character that [`may_start`] admits only because it begins Chinese
/// literals (not a numeral, a slot or a bracket): every character that can follow it in an
/// expression starting there. Derived from the literal lists used at the start position:
/// [`VAGUE_ZH`], the hedges 大概/大约, relative days in [`S::date_zh`], the week prefixes and
/// 星期/礼拜/周 of [`S::weekday_zh`], [`S::festival`], the quarter ends, the year, month and
/// month-part words of [`S::ymd`], and the time words and [`MER_WORDS`] of [`S::time`].
/// A character that starts a one-character literal at the start position (约, 几, 数, 半,
/// 周) or a number must not be listed. Adding a Chinese literal that starts an expression
/// means updating this table (the differential tests check it against every literal).
fn zh_second(c: char) -> Option<&'static [char]> {
    // week prefixes (下/上/本/这/当 …) are followed by 星期, 礼拜 or 周
    const WEEK: [char; 3] = ['星', '礼', '周'];
    Some(match c {
        '今' => &['天', '日', '晚', '早', '年'],
        '明' => &['天', '日', '晚', '早', '后', '年'],
        '后' => &['天'],
        '大' => &['后', '概', '约'],
        '本' => &['年', '月', '季', WEEK[0], WEEK[1], WEEK[2]],
        '这' => &['个', '两', '几', WEEK[0], WEEK[1], WEEK[2]],
        '下' => &[
            '下', '个', '午', '班', '旬', '月', '半', WEEK[0], WEEK[1], WEEK[2],
        ],
        '上' => &[
            '个', '午', '班', '旬', '月', '半', WEEK[0], WEEK[1], WEEK[2],
        ],
        '当' => &['天', '日', '月', WEEK[0], WEEK[1], WEEK[2]],
        '星' => &['期'],
        '礼' => &['拜'],
        '月' => &['底', '末', '初', '中'],
        '年' => &['底', '末'],
        '季' => &['度', '末'],
        '元' => &['旦', '宵'],
        '春' => &['节'],
        '圣' => &['诞'],
        '国' => &['庆'],
        '劳' => &['动'],
        '尽' => &['快', '早'],
        '近' => &['期', '日'],
        '有' | '抽' => &['空'],
        '方' => &['便'],
        '稍' | '随' => &['后'],
        '过' => &['几', '两'],
        '第' => &['一', '二', '三', '四', '1', '2', '3', '4'],
        '及' => &['时'],
        '另' => &['行', '定'],
        '早' => &['日', '上', '晨'],
        '中' => &['午', '旬', '秋'],
        '凌' => &['晨'],
        '晚' => &['上', '间'],
        '傍' => &['晚'],
        '午' => &['饭', '休'],
        '夜' => &['里', '间'],
        '清' => &['明', '晨'],
        '端' => &['午'],
        '越' => &['快'],
        '改' => &['天'],
        '择' => &['日'],
        '若' => &['干'],
        '回' => &['头'],
        '收' => &['工', '到', '假'],
        '节' => &['后', '假'],
        '假' => &['期', '后'],
        '放' => &['假'],
        '长' => &['假'],
        '自' => &['即', '收'],
        '即' => &['日'],
        '待' => &['定'],
        '北' => &['京'],
        '东' => &['京'],
        '日' => &['本'],
        '首' => &['尔'],
        '韩' => &['国'],
        '新' => &['加'],
        '伦' => &['敦'],
        '英' => &['国'],
        '巴' => &['黎'],
        '柏' => &['林'],
        '欧' => &['洲'],
        '美' => &['东', '西', '中', '国'],
        '纽' => &['约'],
        '太' => &['平'],
        '洛' => &['杉'],
        '硅' => &['谷'],
        '悉' => &['尼'],
        '香' => &['港'],
        '台' => &['北'],
        '印' => &['度'],
        '格' => &['林'],
        _ => return None,
    })
}

/// A lowercased ASCII word of at most 16 bytes, read by [`S::word`] without allocating.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Word {
    b: [u8; 16],
    n: u8,
}

impl Word {
    /// The lowercased letters (and inner '-').
    fn bytes(&self) -> &[u8] {
        &self.b[..self.n as usize]
    }
}

impl std::ops::Deref for Word {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.bytes()
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        self.bytes() == other.as_bytes()
    }
}

/// What one parse attempt found.
struct Found {
    end: usize,
    kind: ExprKind,
    value: Option<NaiveDateTime>,
    mismatch: Option<WeekdayMismatch>,
    hint: Option<NaiveDateTime>,
    /// What few expressions have (a zone, a reason), boxed so that the common result stays
    /// small: it is moved through every parser level.
    extra: Option<Box<Extra>>,
    /// A timestamp that records when, not by when (ctime, RFC 5322): passed over, not
    /// reported.
    skip: bool,
}

/// The rarer parts of a [`Found`].
#[derive(Default)]
struct Extra {
    /// With a zone written in the text: the instant itself (`value` is then not used).
    fixed: Option<DateTime<FixedOffset>>,
    /// The characters of the zone as written.
    zone: Option<(usize, usize)>,
    /// Why an invalid expression cannot exist.
    reason: Option<InvalidReason>,
}

impl Found {
    fn new(end: usize, kind: ExprKind, value: Option<NaiveDateTime>) -> Found {
        Found {
            end,
            kind,
            value,
            mismatch: None,
            hint: None,
            extra: None,
            skip: false,
        }
    }
    fn vague(end: usize) -> Found {
        Found::new(end, ExprKind::Vague, None)
    }
    fn slot(end: usize) -> Found {
        Found::new(end, ExprKind::Placeholder, None)
    }
    fn at(end: usize, t: NaiveDateTime) -> Found {
        Found::new(end, ExprKind::Deadline, Some(t))
    }
    fn invalid(end: usize, why: InvalidReason) -> Found {
        let mut f = Found::new(end, ExprKind::Invalid, None);
        f.extra = Some(Box::new(Extra {
            reason: Some(why),
            ..Extra::default()
        }));
        f
    }
    fn skip(end: usize) -> Found {
        let mut f = Found::new(end, ExprKind::Vague, None);
        f.skip = true;
        f
    }
}

/// A number, or an unfilled slot where one belongs.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Num {
    Val(u32, usize),
    Slot,
}

/// The date part of a point.
#[derive(Debug, Clone, Copy)]
enum DateP {
    Day(NaiveDate),
    /// first, last, whole: a whole period (前 means before it starts).
    Span(NaiveDate, NaiveDate, bool),
    Instant(NaiveDateTime),
    Slot,
    /// A date that cannot exist (4月31日).
    Invalid(InvalidReason),
}

/// The time-of-day part of a point: hour (0–24), minute, second.
#[derive(Debug, Clone, Copy)]
enum TimeP {
    At(u32, u32, u32),
    Slot,
    /// A time that cannot exist (25:00, 17:75).
    Invalid(InvalidReason),
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
enum Mer {
    #[default]
    None,
    Am,
    Pm,
    Noon,
}

/// A zone written in the text and the characters (start, end) that name it (`u32`: a point
/// is moved through every parser level, so it stays small).
type ZoneAt = (ZoneSpec, u32, u32);

/// A [`ZoneAt`] from character indices.
fn zone_at(z: ZoneSpec, start: usize, end: usize) -> ZoneAt {
    (z, start as u32, end as u32)
}

#[derive(Debug, Clone, Copy)]
struct Point {
    date: Option<DateP>,
    time: Option<TimeP>,
    mismatch: Option<WeekdayMismatch>,
}

impl Point {
    fn new(date: Option<DateP>, time: Option<TimeP>, mismatch: Option<WeekdayMismatch>) -> Point {
        Point {
            date,
            time,
            mismatch,
        }
    }

    /// Why the point cannot exist, if it cannot.
    fn invalid(&self) -> Option<InvalidReason> {
        match (self.date, self.time) {
            (Some(DateP::Invalid(r)), _) | (_, Some(TimeP::Invalid(r))) => Some(r),
            _ => None,
        }
    }
}

const VAGUE_ZH: &Lits = lits![
    "越快越好",
    "尽快",
    "尽早",
    "近期",
    "近日",
    "有空的时候",
    "有空时",
    "有空",
    "抽空",
    "方便的时候",
    "方便时",
    "稍后",
    "过几天",
    "过两天",
    "这两天",
    "这几天",
    "第一时间",
    "及时",
    "另行通知",
    "改天",
    "择日",
    "早日",
    "随后",
    "回头",
    "待定",
    "另定",
];

const VAGUE_EN: &Lits = lits![
    "as soon as possible",
    "at your earliest convenience",
    "at your convenience",
    "when you get a chance",
    "when you have a chance",
    "when you have time",
    "when you get time",
    "in the near future",
    "in the coming days",
    "in a few days",
    "within a few days",
    "in due course",
    "at some point",
    "a.s.a.p.",
    "asap",
    "soon",
    "shortly",
    "to be confirmed",
    "to be determined",
    "to be decided",
    "to be announced",
    "tbd",
    "tbc",
    "tba",
];

/// Parts of the day that set a.m. or p.m. (and stand for a time on their own).
const MER_WORDS: &Lits = lits![
    "上午", "早上", "早晨", "清晨", "凌晨", "中午", "下午", "晚上", "晚间", "傍晚", "夜里", "夜间",
];

const SLOT_CHARS: &[char] = &['X', 'x', '×', '_', '*', '某', '○'];

struct S<'a> {
    c: &'a [char],
    ctx: &'a Context,
    now: NaiveDateTime,
    today: NaiveDate,
    steps: Cell<u64>,
    /// A weekday mismatch found inside a date form (周五（12月5日）), for [`S::date`].
    pending_mismatch: Cell<Option<WeekdayMismatch>>,
    /// The rules that fired for the expression being parsed (reset at each position).
    rules: Cell<Rules>,
    /// The calendar days a working-day count walked (first, last), for the expression
    /// being parsed.
    walked: Cell<Option<(NaiveDate, NaiveDate)>>,
    /// The last festival the text named (节后 then means its break).
    festival_named: Cell<Option<Festival>>,
    /// The zone written with the last point [`S::point`] read (kept out of [`Point`], which
    /// is moved through every parser level).
    point_zone: Cell<Option<ZoneAt>>,
}

fn eod(d: NaiveDate) -> NaiveDateTime {
    d.and_hms_opt(23, 59, 59).expect("valid")
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
}

fn add_months(y: i32, m: u32, k: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + k;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

fn zh_digit(ch: char) -> Option<u32> {
    Some(match ch {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn is_zh_num(ch: char) -> bool {
    zh_digit(ch).is_some() || ch == '十' || ch == '廿'
}

fn zh_weekday(ch: char) -> Option<Option<Weekday>> {
    // Some(None) is an unfilled weekday (周X).
    Some(Some(match ch {
        '一' | '1' => Weekday::Mon,
        '二' | '2' => Weekday::Tue,
        '三' | '3' => Weekday::Wed,
        '四' | '4' => Weekday::Thu,
        '五' | '5' => Weekday::Fri,
        '六' | '6' => Weekday::Sat,
        '日' | '天' | '7' => Weekday::Sun,
        'X' | 'x' | '某' | '×' | '_' | '*' => return Some(None),
        _ => return None,
    }))
}

fn en_weekday(w: &[u8]) -> Option<(Weekday, bool)> {
    // (weekday, is an abbreviation)
    Some(match w {
        b"monday" => (Weekday::Mon, false),
        b"tuesday" => (Weekday::Tue, false),
        b"wednesday" => (Weekday::Wed, false),
        b"thursday" => (Weekday::Thu, false),
        b"friday" => (Weekday::Fri, false),
        b"saturday" => (Weekday::Sat, false),
        b"sunday" => (Weekday::Sun, false),
        b"mon" => (Weekday::Mon, true),
        b"tue" | b"tues" => (Weekday::Tue, true),
        b"wed" => (Weekday::Wed, true),
        b"thu" | b"thur" | b"thurs" => (Weekday::Thu, true),
        b"fri" => (Weekday::Fri, true),
        b"sat" => (Weekday::Sat, true),
        b"sun" => (Weekday::Sun, true),
        _ => return None,
    })
}

fn en_month(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"january" | b"jan" => 1,
        b"february" | b"feb" => 2,
        b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"may" => 5,
        b"june" | b"jun" => 6,
        b"july" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sep" | b"sept" => 9,
        b"october" | b"oct" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dec" => 12,
        _ => return None,
    })
}

fn en_number(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"a" | b"an" | b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"twelve" => 12,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"thirty" => 30,
        b"forty-eight" => 48,
        b"twenty-four" => 24,
        _ => return None,
    })
}

impl<'a> S<'a> {
    #[inline]
    fn tick(&self) {
        self.steps.set(self.steps.get() + 1);
    }

    /// Records that `r` fired for the expression being parsed.
    #[inline]
    fn note(&self, r: Rule) {
        let mut x = self.rules.get();
        x.push(r);
        self.rules.set(x);
    }

    /// Records that the calendar was walked from `from` to `to` (inclusive).
    fn walk(&self, from: NaiveDate, to: NaiveDate) {
        self.walked.set(Some((from.min(to), to)));
    }

    /// The `n`-th working day after `day` (today not counted), recording the walk.
    fn add_working_days(&self, day: NaiveDate, n: u32) -> NaiveDate {
        let d = self.ctx.calendar.add_working_days(day, n);
        if n > 0 {
            self.walk(day.succ_opt().unwrap_or(day), d);
        }
        d
    }

    #[inline]
    fn ch(&self, i: usize) -> Option<char> {
        self.tick();
        self.c.get(i).copied()
    }

    #[inline]
    fn is(&self, i: usize, ch: char) -> bool {
        self.ch(i) == Some(ch)
    }

    /// Matches the literal `s` at `i`, returning the end.
    #[inline]
    fn lit(&self, i: usize, s: &str) -> Option<usize> {
        let mut j = i;
        for ch in s.chars() {
            if self.ch(j)? != ch {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The first literal of `list` that matches at `i`: (end, index).
    ///
    /// A literal whose first character differs from the one at `i` is rejected without
    /// decoding it (one step, as [`S::lit`] counts it).
    fn lits(&self, i: usize, l: &Lits) -> Option<(usize, usize)> {
        let list = l.list;
        let Some(&c0) = self.c.get(i) else {
            self.steps.set(self.steps.get() + list.len() as u64);
            return None;
        };
        if l.mask & char_bit(c0) == 0 {
            // no literal starts with this character
            self.steps.set(self.steps.get() + list.len() as u64);
            return None;
        }
        let mut buf = [0u8; 4];
        let head = c0.encode_utf8(&mut buf).as_bytes();
        let mut skipped = 0;
        for (k, s) in list.iter().enumerate() {
            if !s.is_empty() && !starts_with_char(s.as_bytes(), head) {
                skipped += 1;
                continue;
            }
            self.steps.set(self.steps.get() + skipped);
            skipped = 0;
            if s.is_empty() {
                return Some((i, k));
            }
            // the first character is known to match: count it as S::lit would, and compare
            // the rest
            self.tick();
            if let Some(e) = self.lit(i + 1, &s[head.len()..]) {
                return Some((e, k));
            }
        }
        self.steps.set(self.steps.get() + skipped);
        None
    }

    #[inline]
    fn is_alnum(&self, i: usize) -> bool {
        self.c.get(i).is_some_and(|c| c.is_ascii_alphanumeric())
    }

    #[inline]
    fn word_boundary_before(&self, i: usize) -> bool {
        i == 0 || !self.c[i - 1].is_ascii_alphanumeric()
    }

    /// Case-insensitive English phrase at `i` (spaces match one or more spaces), at a word
    /// boundary on both ends.
    fn en(&self, i: usize, phrase: &str) -> Option<usize> {
        if !self.word_boundary_before(i) {
            return None;
        }
        let mut j = i;
        for p in phrase.chars() {
            let c = self.ch(j)?;
            if p == ' ' {
                if c != ' ' {
                    return None;
                }
                while self.is(j + 1, ' ') && j - i < 64 {
                    j += 1;
                }
            } else if c.to_ascii_lowercase() != p {
                return None;
            }
            j += 1;
        }
        let last_alnum = phrase
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        if last_alnum && self.is_alnum(j) {
            return None;
        }
        Some(j)
    }

    ///
    /// Phrases are rejected on their first character without walking them (one step, as
    /// [`S::en`] counts it).
    fn en_any(&self, i: usize, l: &Lits) -> Option<(usize, usize)> {
        if !self.word_boundary_before(i) {
            return None;
        }
        let list = l.list;
        // A phrase starts with the lowercased character at `i` (a space matches a space).
        if self
            .c
            .get(i)
            .is_some_and(|c| l.mask & char_bit(c.to_ascii_lowercase()) == 0)
        {
            self.steps.set(self.steps.get() + list.len() as u64);
            return None;
        }
        // The lowercased first character if ASCII; None past the end or for other
        // characters, which no ASCII phrase character matches.
        let c0 = self
            .c
            .get(i)
            .filter(|c| c.is_ascii())
            .map(|c| c.to_ascii_lowercase() as u8);
        let mut skipped = 0;
        for (k, s) in list.iter().enumerate() {
            if let Some(&p0) = s.as_bytes().first()
                && p0.is_ascii()
                && p0 != b' '
                && Some(p0) != c0
            {
                skipped += 1;
                continue;
            }
            self.steps.set(self.steps.get() + skipped);
            skipped = 0;
            if let Some(e) = self.en(i, s) {
                return Some((e, k));
            }
        }
        self.steps.set(self.steps.get() + skipped);
        None
    }

    /// An ASCII word (letters, '-' inside) at a boundary, lowercased; at most 16 letters.
    fn word(&self, i: usize) -> Option<(usize, Word)> {
        if !self.word_boundary_before(i) || !self.ch(i)?.is_ascii_alphabetic() {
            return None;
        }
        let mut j = i;
        let mut w = Word::default();
        while let Some(c) = self.ch(j) {
            if c.is_ascii_alphabetic()
                || (c == '-' && self.c.get(j + 1).is_some_and(|d| d.is_ascii_alphabetic()))
            {
                if w.n as usize >= w.b.len() {
                    return None;
                }
                w.b[w.n as usize] = c.to_ascii_lowercase() as u8;
                w.n += 1;
                j += 1;
            } else {
                break;
            }
        }
        if self.c.get(j).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        Some((j, w))
    }

    #[inline]
    fn skip_spaces(&self, i: usize) -> usize {
        let mut j = i;
        while self.is(j, ' ') && j - i < 8 {
            j += 1;
        }
        j
    }

    // ----- numbers ---------------------------------------------------------------------

    /// A number (ASCII or Chinese numerals), or a placeholder slot, at `i`.
    fn num(&self, i: usize) -> Option<(usize, Num)> {
        let c0 = self.ch(i)?;
        if c0.is_ascii_digit() {
            if i > 0 && self.c[i - 1].is_ascii_digit() {
                return None;
            }
            let mut j = i;
            let mut v = 0u32;
            while let Some(d) = self.ch(j).and_then(|c| c.to_digit(10)) {
                if j - i >= 4 {
                    return None;
                }
                v = v * 10 + d;
                j += 1;
            }
            // 202X: a partly filled number is a slot.
            if self
                .ch(j)
                .is_some_and(|c| matches!(c, 'X' | 'x' | '×' | '*' | '_'))
            {
                let mut k = j;
                while self
                    .ch(k)
                    .is_some_and(|c| matches!(c, 'X' | 'x' | '×' | '*' | '_'))
                    && k - i < 6
                {
                    k += 1;
                }
                if !self.is_alnum(k) {
                    return Some((k, Num::Slot));
                }
                return None;
            }
            return Some((j, Num::Val(v, j - i)));
        }
        if is_zh_num(c0) {
            if i > 0 && is_zh_num(self.c[i - 1]) {
                return None;
            }
            let mut j = i;
            while self.ch(j).is_some_and(is_zh_num) {
                if j - i >= 6 {
                    return None;
                }
                j += 1;
            }
            let s = &self.c[i..j];
            if s.iter().all(|c| *c == '〇') {
                return Some((j, Num::Slot));
            }
            let v = zh_value(s)?;
            return Some((j, Num::Val(v, j - i)));
        }
        if SLOT_CHARS.contains(&c0) {
            let letter = c0.is_ascii_alphabetic();
            if letter && !self.word_boundary_before(i) {
                return None;
            }
            let mut j = i;
            while self
                .ch(j)
                .is_some_and(|c| c == c0 || (c0 == '_' && c == '_'))
            {
                if j - i >= 4 {
                    return None;
                }
                j += 1;
            }
            if letter && self.c.get(j).is_some_and(|c| c.is_ascii_alphabetic()) {
                return None;
            }
            return Some((j, Num::Slot));
        }
        None
    }

    /// A run of spaces standing for an unfilled number (`  月  日`), followed by `unit`.
    fn space_slot(&self, i: usize, units: &[char]) -> Option<usize> {
        if !self.is(i, ' ') {
            return None;
        }
        let mut j = i;
        while self.is(j, ' ') {
            if j - i >= 6 {
                return None;
            }
            j += 1;
        }
        let u = self.ch(j)?;
        units.contains(&u).then_some(j)
    }

    // ----- the prefilter ---------------------------------------------------------------

    /// Whether an expression can begin at `i` (a candidate [`may_start`] admits): a cheap,
    /// conservative test run before [`S::expr`]. It must never reject a position where
    /// `expr` would find something; `tests/differential.rs` compares it with
    /// [`scan_reference`]. It only rejects what it can decide from a few characters:
    /// an ASCII word that no English parser starts with ([`en_first_word`]), and spaces
    /// not followed by 年 or 月 (the only expressions starting with a space are the unfilled
    /// slots `  年`, `  月`).
    fn may_begin(&self, i: usize) -> bool {
        let c0 = self.c[i];
        if c0.is_ascii_alphabetic() {
            // the letters of the word at `i`, lowercased; longer words are never first words
            let mut w = 0u128;
            let mut n = 0;
            while let Some(c) = self.ch(i + n) {
                if !c.is_ascii_alphabetic() {
                    break;
                }
                if n == EN_FIRST_MAX {
                    return false;
                }
                w |= (c.to_ascii_lowercase() as u128) << (8 * n);
                n += 1;
            }
            let next = self.c.get(i + n).copied();
            const THE: u128 = pack(b"the");
            if w == THE || w == pack(b"in") {
                // The most frequent first words, so what follows is checked as well. "the"
                // starts "the day after tomorrow", "the weekend" and "the 15th" (where the
                // number may be Chinese and follow at once); "in" starts "in the …",
                // "in a few days", "in due course" and "in N <unit>" (N a digit, a Chinese
                // numeral, a slot, or a number word: one, two, … twenty-four, x, xx).
                if w == THE && next.is_some_and(is_zh_num) {
                    return true;
                }
                if next != Some(' ') {
                    return false;
                }
                // S::en lets a phrase space match up to 64 spaces, skip_spaces 8
                let mut j = i + n;
                while self.is(j, ' ') {
                    if j - (i + n) > 70 {
                        return true;
                    }
                    j += 1;
                }
                let Some(c) = self.c.get(j).copied() else {
                    return false;
                };
                let lower = c.to_ascii_lowercase();
                return c.is_ascii_digit()
                    || is_zh_num(c)
                    || if w == THE {
                        matches!(lower, 'd' | 'w')
                    } else {
                        SLOT_CHARS.contains(&c)
                            || matches!(lower, 'a' | 'd' | 'e' | 'f' | 'n' | 'o' | 's' | 't' | 'x')
                    };
            }
            if w == pack(b"to") {
                // "to be confirmed / determined / decided"
                if next != Some(' ') {
                    return false;
                }
                let mut j = i + n;
                while self.is(j, ' ') {
                    if j - (i + n) > 70 {
                        return true;
                    }
                    j += 1;
                }
                return self.c.get(j).is_some_and(|c| c.eq_ignore_ascii_case(&'b'));
            }
            if !en_first_word(w, c0.is_ascii_uppercase(), next) {
                return false;
            }
            // Words of the office forms, decided here by what the parser needs (they are
            // frequent words: "Q3 report", "first draft", "after several reminders").
            match w {
                // Q2, H1: only a quarter or half starts here
                _ if w == pack(b"q") || w == pack(b"h") => {
                    return self.quarter(i, None).is_some();
                }
                // first thing, first business/working day after
                _ if w == pack(b"first") => {
                    return self
                        .next_word_is(i + n, &["thing", "business", "working", "workday", "day"]);
                }
                // after the holidays
                _ if w == pack(b"after") => return self.next_word_is(i + n, &["the"]),
                // by lunch, before lunchtime
                _ if w == pack(b"lunch") || w == pack(b"lunchtime") => {
                    return self.word_before_is(i, &["by", "before", "until", "till"]);
                }
                _ => {}
            }
            return true;
        }
        if c0.is_ascii_digit() {
            return self.digits_may_begin(i);
        }
        if let Some(follow) = zh_second(c0) {
            if !self.c.get(i + 1).is_some_and(|c| follow.contains(c)) {
                return false;
            }
            // Frequent words that start only one form: 收到 (收到后 + a duration), 节假日,
            // 假期, 放假 (节后 …), and the zone names (北京时间 …), checked further here.
            let c2 = self.c.get(i + 2).copied();
            return match (c0, self.c[i + 1]) {
                ('收', '到') => matches!(c2, Some('后' | '本' | '邮')),
                ('收', '假') | ('长', '假') | ('假', '期') => c2 == Some('后'),
                ('节', '假') => c2 == Some('日') && self.is(i + 3, '后'),
                ('放', '假') => c2 == Some('回'),
                ('即', '日') => c2 == Some('起'),
                _ if zone_start(c0) => self.zone_zh(i).is_some(),
                _ => true,
            };
        }
        if c0 == ' ' {
            // space_slot: at most 6 spaces, then the unit
            let mut j = i;
            while self.is(j, ' ') {
                if j - i >= 6 {
                    return false;
                }
                j += 1;
            }
            return matches!(self.c.get(j), Some('年' | '月'));
        }
        true
    }

    /// The prefilter for a run of ASCII digits at `i`: every parser starts with [`S::num`]
    /// there, which takes at most 4 digits, and then needs one of a few characters right
    /// after them: a range (`-`, `~`, 到, 至), 个 or the first character of a duration unit,
    /// 年/月/日/号, a clock (`:`, 点, 时), `/` or `.` between numbers, an ordinal (st, nd,
    /// rd, th), am/pm, a slot (`202X`), or spaces before an English month or am/pm.
    fn digits_may_begin(&self, i: usize) -> bool {
        let mut j = i;
        while self.ch(j).is_some_and(|c| c.is_ascii_digit()) {
            if j - i >= 4 {
                return false;
            }
            j += 1;
        }
        match self.c.get(j) {
            Some(
                '-' | '~' | '到' | '至' | '个' | '工' | '小' | '钟' | '分' | '天' | '日' | '星'
                | '礼' | '周' | '月' | '年' | '号' | '点' | '时' | '/' | '.' | ':' | 's' | 'n'
                | 'r' | 't' | 'a' | 'p' | 'A' | 'P' | 'X' | 'x' | '×' | '*' | '_' | '季',
            ) => true,
            Some(' ') => {
                // S::skip_spaces passes at most 8 spaces
                let mut k = j;
                while self.is(k, ' ') {
                    if k - j > 8 {
                        return false;
                    }
                    k += 1;
                }
                self.c.get(k).is_some_and(|c| c.is_ascii_alphabetic())
            }
            _ => false,
        }
    }

    /// Whether the next word after `i` (one or more spaces first) is one of `words`
    /// (lower case), as [`S::en`] would match it.
    fn next_word_is(&self, i: usize, words: &[&str]) -> bool {
        let mut j = i;
        while self.is(j, ' ') {
            if j - i > 70 {
                // S::en lets a phrase space match up to 64 spaces: keep such a position
                return true;
            }
            j += 1;
        }
        if j == i {
            return false;
        }
        let mut k = j;
        while self.c.get(k).is_some_and(|c| c.is_ascii_alphabetic()) && k - j < 12 {
            k += 1;
        }
        words.iter().any(|w| {
            w.len() == k - j
                && w.chars()
                    .zip(&self.c[j..k])
                    .all(|(a, b)| b.to_ascii_lowercase() == a)
        })
    }

    // ----- the entry point -------------------------------------------------------------

    fn expr(&self, i: usize) -> Option<Found> {
        let c0 = self.c[i];
        // ctime and RFC 5322 timestamps record when, not by when: pass over them
        if self.may_be_timestamp(i)
            && let Some(e) = self.timestamp(i)
        {
            return Some(Found::skip(e));
        }
        if let Some(f) = self.vague_word(i) {
            return Some(f);
        }
        // 收到后3个工作日内, 自即日起30天内: counted from the reference
        if matches!(c0, '收' | '自' | '即')
            && let Some((e, _)) = self.lits(
                i,
                lits![
                    "收到本邮件后",
                    "收到邮件后",
                    "收到后",
                    "自收到之日起",
                    "自即日起",
                    "即日起",
                ],
            )
        {
            let f = self.duration(e)?;
            self.note(Rule::FromReceipt);
            return Some(f);
        }
        if matches!(c0, '【' | '[' | '{' | '〔' | '<') {
            return self.bracket_label(i);
        }
        if c0.is_ascii_alphabetic()
            && let Some(e) = self.mask(i)
        {
            return Some(Found::slot(e));
        }
        // Hedge prefixes: 大概/大约/约 + a date, English "around".
        if let Some(e) = self
            .lits(i, lits!["大概", "大约", "约"])
            .map(|(x, _)| {
                self.lits(x, lits!["在", "是", "于"])
                    .map(|y| y.0)
                    .unwrap_or(x)
            })
            .or_else(|| {
                self.en_any(
                    i,
                    lits![
                        "around ",
                        "approximately ",
                        "roughly ",
                        "sometime around ",
                        "about ",
                    ],
                )
                .map(|x| x.0)
            })
        {
            let e = self.skip_spaces(e);
            if let Some(f) = self.duration(e).or_else(|| self.dated(e)) {
                // A hedge before a calendar day (`約於2027年2月28日`, `around Dec 5`) still
                // names a computable day: the date is the time, the hedge only softens the
                // writer's certainty. A hedged span (`大约3天内`, `大约在月中`) stays vague.
                if f.kind == ExprKind::Deadline && f.value.is_some() && self.names_day(e, f.end) {
                    return Some(f);
                }
                let mut v = Found::vague(f.end);
                v.hint = f.value;
                return Some(v);
            }
            return None;
        }
        if let Some(f) = self.duration(i) {
            // `新机到货后三个工作日内`, `发补通知后10个工作日内`: counted from an event, not
            // from the mail (`收到后…` was read above): no computable time.
            let mut k = i;
            while k > 0 && self.c[k - 1] == ' ' {
                k -= 1;
            }
            if k > 0 && matches!(self.c[k - 1], '后' | '後') {
                return Some(Found::vague(f.end));
            }
            return Some(f);
        }
        self.dated(i)
    }

    fn vague_word(&self, i: usize) -> Option<Found> {
        if let Some((e, _)) = self.lits(i, VAGUE_ZH) {
            return Some(Found::vague(e));
        }
        if self.c[i].is_ascii_alphabetic()
            && let Some((e, _)) = self.en_any(i, VAGUE_EN)
        {
            return Some(Found::vague(e));
        }
        None
    }

    /// 【日期】, [DATE], {截止日期}: a bracketed label naming a date or time.
    fn bracket_label(&self, i: usize) -> Option<Found> {
        let close = match self.c[i] {
            '【' => '】',
            '<' => '>',
            '[' => ']',
            '{' => '}',
            '〔' => '〕',
            _ => return None,
        };
        let mut j = i + 1;
        // {{deadline}} template variables count too.
        let double = close == '}' && self.is(j, '{');
        if double {
            j += 1;
        }
        let start = j;
        while let Some(c) = self.ch(j) {
            if c == close {
                break;
            }
            if j - start > 20 || c == '\n' {
                return None;
            }
            j += 1;
        }
        if !self.is(j, close) {
            return None;
        }
        let label: String = self.c[start..j].iter().collect::<String>().to_lowercase();
        let label = label.trim();
        let hit = [
            "日期",
            "时间",
            "截止",
            "期限",
            "几月几日",
            "月日",
            "date",
            "time",
            "deadline",
            "due",
        ]
        .iter()
        .any(|k| label.contains(k));
        if !hit || label.is_empty() {
            return None;
        }
        let mut e = j + 1;
        if double && self.is(e, '}') {
            e += 1;
        }
        if let Some((x, _)) = self.lits(e, lits!["之前", "以前", "前"]) {
            e = x;
        }
        Some(Found::slot(e))
    }

    /// Format masks: MM/DD, YYYY-MM-DD, HH:MM, YYYY年MM月DD日, DD/MM/YYYY.
    fn mask(&self, i: usize) -> Option<usize> {
        if !self.word_boundary_before(i) {
            return None;
        }
        let masks = [
            "yyyy-mm-dd hh:mm",
            "yyyy-mm-dd",
            "yyyy/mm/dd",
            "yyyy.mm.dd",
            "mm/dd/yyyy",
            "dd/mm/yyyy",
            "yyyy年mm月dd日",
            "mm月dd日",
            "mm/dd",
            "dd/mm",
            "mm-dd",
            "hh:mm",
            "yyyy年m月d日",
        ];
        for m in masks {
            let mut j = i;
            let mut ok = true;
            for p in m.chars() {
                match self.ch(j) {
                    Some(c) if c.to_ascii_lowercase() == p => j += 1,
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok && !self.is_alnum(j) {
                return Some(j);
            }
        }
        None
    }

    /// Whether `[s, e)` is a full calendar date with its year: `2027年2月28日`,
    /// `2027-02-28`, `Feb 28, 2027` — a day that needs no context to be found. (A hedged
    /// day without its year, `Around Dec 3`, `大概周五`, stays vague: the writer is not
    /// committing to a day.)
    fn names_day(&self, s: usize, e: usize) -> bool {
        let t: String = self.c[s..e.min(self.c.len())].iter().collect();
        let digits = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit());
        let nums: Vec<&str> = t
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let year = nums.iter().any(|w| {
            let d = w.trim_end_matches('年');
            digits(d) && d.len() == 4
        }) || t.split('年').next().is_some_and(|y| {
            let y: String = y.chars().rev().take_while(|c| c.is_ascii_digit()).collect();
            y.len() == 4
        }) && t.contains('年');
        if !year || t.contains('天') {
            return false;
        }
        // 2027年2月28日 / 2月28号
        if let Some(k) = t.find('月') {
            let day: String = t[k + '月'.len_utf8()..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let rest = &t[k + '月'.len_utf8() + day.len()..];
            return digits(&day) && (rest.starts_with(['日', '号', '號']));
        }
        // 2027-02-28, 2027/2/28, 2027.2.28
        if nums.iter().filter(|w| digits(w)).count() >= 3 {
            return true;
        }
        // Feb 28, 2027 / 28 February 2027
        nums.iter().any(|w| {
            let w = w.to_ascii_lowercase();
            [
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ]
            .iter()
            .any(|m| w.starts_with(m))
        }) && nums.iter().any(|w| {
            let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            digits(d) && d.len() <= 2
        })
    }

    // ----- durations -------------------------------------------------------------------

    fn duration(&self, i: usize) -> Option<Found> {
        // `i` may be the end of the text (after a hedge: "约" at the end)
        if self.c.get(i).is_some_and(|c| c.is_ascii_alphabetic())
            && let Some(f) = self.duration_en(i)
        {
            return Some(f);
        }
        // Approximate counts resolve to the upper bound: 一两天, 两三天, 三五天.
        let (mut j, count) = if let Some((e, k)) = self.lits(
            i,
            lits![
                "一两", "一二", "两三", "二三", "三四", "三五", "四五", "五六", "七八",
            ],
        ) {
            (e, Num::Val([2, 2, 3, 3, 4, 5, 5, 6, 8][k], 2))
        } else if let Some(e) = self.lits(i, lits!["几", "若干", "数"]).map(|x| x.0) {
            // indefinite: vague if a duration unit follows
            let e2 = self.lit(e, "个").unwrap_or(e);
            let (ue, _) = self.duration_unit(e2)?;
            let se = self.duration_suffix(ue).unwrap_or(ue);
            return Some(Found::vague(se));
        } else if let Some(e) = self.lit(i, "半") {
            // 半小时, 半个小时
            let e2 = self.lit(e, "个").unwrap_or(e);
            let (ue, unit) = self.duration_unit(e2)?;
            if unit != Unit::Hour {
                return None;
            }
            let se = self.duration_suffix(ue)?;
            return Some(Found::at(se, self.now + Duration::minutes(30)));
        } else {
            let (e, n) = self.num(i)?;
            // a range of counts resolves to its upper bound: 3-5个工作日, 三到五天
            match self
                .lits(e, lits!["-", "~", "到", "至"])
                .and_then(|(x, _)| self.num(x))
            {
                Some((e2, n2 @ Num::Val(..))) if matches!(n, Num::Val(..)) => (e2, n2),
                _ => (e, n),
            }
        };
        let mut half = false;
        let ge = self.lit(j, "个");
        if let Some(g) = ge {
            j = g;
            if let Some(h) = self.lit(j, "半") {
                half = true;
                j = h;
            }
        }
        let (ue, unit) = self.duration_unit(j)?;
        // 个 is required for months (3个月), optional otherwise; 日 needs 内/后.
        if unit == Unit::Month && ge.is_none() {
            return None;
        }
        let suffix = self.duration_suffix(ue);
        let end = match (suffix, unit) {
            (Some(e), _) => e,
            (None, Unit::WorkDay) => ue,
            _ => return None,
        };
        let n = match count {
            Num::Slot => return Some(Found::slot(end)),
            Num::Val(n, _) => n,
        };
        if n > 10_000 {
            return None;
        }
        let v = self.apply_duration(n, half, unit)?;
        Some(Found::at(end, v))
    }

    fn apply_duration(&self, n: u32, half: bool, unit: Unit) -> Option<NaiveDateTime> {
        let today = self.today;
        self.note(match unit {
            Unit::Minute | Unit::Hour => Rule::ExactOffset,
            Unit::Day | Unit::Week => Rule::CalendarDays,
            Unit::Month => Rule::Months,
            Unit::WorkDay => Rule::WorkingDays,
        });
        Some(match unit {
            Unit::Minute => self.now + Duration::minutes(n as i64),
            Unit::Hour => self.now + Duration::minutes(n as i64 * 60 + if half { 30 } else { 0 }),
            Unit::Day => eod(today + Duration::days(n as i64)),
            Unit::Week => eod(today + Duration::days(7 * n as i64)),
            Unit::Month => eod(today.checked_add_months(Months::new(n))?),
            Unit::WorkDay => eod(self.add_working_days(today, n)),
        })
    }

    fn duration_unit(&self, i: usize) -> Option<(usize, Unit)> {
        let (e, k) = self.lits(
            i,
            lits![
                "工作日",
                "工作天",
                "小时",
                "钟头",
                "分钟",
                "天",
                "日",
                "星期",
                "礼拜",
                "周",
                "月",
            ],
        )?;
        let u = match k {
            0 | 1 => Unit::WorkDay,
            2 | 3 => Unit::Hour,
            4 => Unit::Minute,
            5 | 6 => Unit::Day,
            7..=9 => Unit::Week,
            _ => Unit::Month,
        };
        if k == 6 || k == 9 {
            // 3日内 / 2周内: need the suffix (checked by the caller via duration_suffix).
            self.duration_suffix(e)?;
        }
        Some((e, u))
    }

    fn duration_suffix(&self, i: usize) -> Option<usize> {
        self.lits(i, lits!["之内", "以内", "之后", "以后", "内", "后"])
            .map(|x| x.0)
    }

    fn duration_en(&self, i: usize) -> Option<Found> {
        let (mut j, _) = self.en_any(
            i,
            lits!["within the next ", "within ", "in the next ", "in "],
        )?;
        let count = if let Some((e, w)) = self.word(j) {
            if w == "x" || w == "xx" {
                j = e;
                Num::Slot
            } else if w == "few" || w == "several" || w == "couple" {
                return None;
            } else {
                let n = en_number(&w)?;
                j = e;
                Num::Val(n, 1)
            }
        } else {
            let (e, n) = self.num(j)?;
            j = e;
            n
        };
        j = self.skip_spaces(j);
        // 24h, 2hrs
        let (e, k) = self
            .en_any(
                j,
                lits![
                    "business days",
                    "business day",
                    "working days",
                    "working day",
                    "workdays",
                    "workday",
                    "days",
                    "day",
                    "hours",
                    "hour",
                    "hrs",
                    "hr",
                    "h",
                    "minutes",
                    "minute",
                    "mins",
                    "min",
                    "weeks",
                    "week",
                    "months",
                    "month",
                ],
            )
            .or_else(|| {
                // "24h" written together
                let p = j.checked_sub(0)?;
                if p > 0 && self.c[p - 1].is_ascii_digit() {
                    self.lits(j, lits!["hours", "hrs", "h"])
                        .map(|(e, _)| (e, 10))
                } else {
                    None
                }
            })?;
        let unit = match k {
            0..=5 => Unit::WorkDay,
            6 | 7 => Unit::Day,
            8..=12 => Unit::Hour,
            13..=16 => Unit::Minute,
            17 | 18 => Unit::Week,
            _ => Unit::Month,
        };
        let n = match count {
            Num::Slot => return Some(Found::slot(e)),
            Num::Val(n, _) => n,
        };
        if n > 10_000 {
            return None;
        }
        Some(Found::at(e, self.apply_duration(n, false, unit)?))
    }

    // ----- dated expressions: point [range] [suffix] ------------------------------------

    fn dated(&self, i: usize) -> Option<Found> {
        // A zone named before the date or time: 东京时间上午9点前, 北京时间12月3日.
        let lead = if self.c.get(i).is_some_and(|c| zone_start(*c)) {
            self.zone_zh(i)
        } else {
            None
        };
        let (start, lead) = match lead {
            Some((e, z)) => (e, Some(zone_at(z, i, e))),
            None => (i, None),
        };
        let (mut j, p) = self.point(start, None)?;
        let mut zone = self.point_zone.get().or(lead);
        let mut last = p;
        // Ranges resolve to their end.
        let k = self.skip_spaces(j);
        if let Some((re, _)) = self
            .lits(k, lits!["至", "到", "-", "~", "—"])
            .or_else(|| self.en_any(k, lits!["to ", "until ", "till ", "through "]))
        {
            let re = self.skip_spaces(re);
            let base = match p.date {
                Some(DateP::Day(d)) => Some(d),
                Some(DateP::Span(_, b, _)) => Some(b),
                None if p.time.is_some() => None,
                _ => None,
            };
            let saved = self.rules.get();
            if let Some((e2, p2)) = self.point(re, base.or(Some(self.today)).filter(|_| true)) {
                // the second part inherits the first part's date when it has none
                let p2 = if p2.date.is_none() {
                    Point { date: p.date, ..p2 }
                } else {
                    p2
                };
                last = Point {
                    date: p2.date,
                    time: p2.time,
                    mismatch: p.mismatch.or(p2.mismatch),
                };
                zone = self.point_zone.get().or(zone);
                j = e2;
                if let Some(e3) = self.lit(j, "之间") {
                    j = e3;
                }
                self.note(Rule::RangeEnd);
            } else {
                self.rules.set(saved);
            }
        }
        // A zone after it: 18:00 CET, 9:00-11:00 PT, 17:00（北京时间）.
        if zone.is_none()
            && let Some((ze, z, zs, zn)) = self.zone_after(j)
        {
            zone = Some(zone_at(z, zs, zn));
            j = ze;
        }
        // Hedges make it vague; the anchor is a hint.
        if let Some((e, _)) = self
            .lits(j, lits!["前后", "左右"])
            .or_else(|| self.en_any(self.skip_spaces(j), lits!["or so", "-ish"]))
        {
            let mut v = Found::vague(e);
            v.hint = self.resolve(&last, false, zone);
            if let Some((_, a, b)) = zone {
                v.extra = Some(Box::new(Extra {
                    zone: Some((a as usize, b as usize)),
                    ..Extra::default()
                }));
            }
            return Some(v);
        }
        // The first (last) N working days of a period: 下周前两个工作日.
        if let (Some(DateP::Span(a, b, true)), None) = (last.date, last.time)
            && let Some((e, day)) = self.period_workdays(j, a, b)
        {
            return Some(Found::at(e, eod(day)));
        }
        let mut before = false;
        if let Some((e, _)) = self.lits(
            j,
            lits![
                "之前", "以前", "为止", "截止", "截至", "前", "之内", "以内", "内",
            ],
        ) {
            before =
                self.c[j] != '内' && self.lit(j, "之内").is_none() && self.lit(j, "以内").is_none();
            j = e;
        }
        if let Some(why) = last.invalid() {
            return Some(Found::invalid(j, why));
        }
        let slot = matches!(last.date, Some(DateP::Slot)) || matches!(last.time, Some(TimeP::Slot));
        if slot {
            return Some(Found::slot(j));
        }
        let v = self.resolve(&last, before, zone)?;
        let mut f = Found::at(j, v);
        f.mismatch = last.mismatch;
        if let Some((z, zs, ze)) = zone {
            f.extra = Some(Box::new(Extra {
                fixed: Some(z.instant(v)?),
                zone: Some((zs as usize, ze as usize)),
                reason: None,
            }));
            self.note(Rule::Zone);
        }
        Some(f)
    }

    /// The deadline of a point, as a wall-clock time (in the written zone when it has one,
    /// else in the configured zone).
    fn resolve(&self, p: &Point, before: bool, zone: Option<ZoneAt>) -> Option<NaiveDateTime> {
        let at = |d: NaiveDate, t: TimeP| -> Option<NaiveDateTime> {
            match t {
                TimeP::At(24, m, s) => Some((d + Duration::days(1)).and_hms_opt(0, m, s)?),
                TimeP::At(h, m, s) => d.and_hms_opt(h, m, s),
                TimeP::Slot | TimeP::Invalid(_) => None,
            }
        };
        match (p.date, p.time) {
            (None, None) => None,
            (Some(DateP::Slot | DateP::Invalid(_)), _)
            | (_, Some(TimeP::Slot | TimeP::Invalid(_))) => None,
            (None, Some(t)) => {
                // today in the written zone, if there is one
                let (now, today) = match zone {
                    Some((z, ..)) => {
                        let n = z.local(self.ctx.now)?;
                        (n, n.date())
                    }
                    None => (self.now, self.today),
                };
                let x = at(today, t)?;
                if x > now {
                    self.note(Rule::TodayOrTomorrow);
                    Some(x)
                } else {
                    self.note(Rule::TodayOrTomorrow);
                    at(today + Duration::days(1), t)
                }
            }
            (Some(DateP::Day(d)), None) => {
                self.note(Rule::DayEnd);
                if before {
                    self.note(Rule::BeforeDay);
                }
                Some(eod(d))
            }
            (Some(DateP::Day(d)), Some(t)) => at(d, t),
            (Some(DateP::Span(a, b, whole)), None) => {
                if before && whole {
                    self.note(Rule::BeforePeriod);
                    Some(eod(a.pred_opt()?))
                } else {
                    self.note(Rule::PeriodEnd);
                    if before {
                        self.note(Rule::BeforeDay);
                    }
                    Some(eod(b))
                }
            }
            (Some(DateP::Span(_, b, _)), Some(t)) => at(b, t),
            (Some(DateP::Instant(x)), _) => Some(x),
        }
    }

    /// A point in time: a date part, a time part, or both. `base` is the date a bare day
    /// number or time refers to inside a range (`12月3日至5日`).
    fn point(&self, i: usize, base: Option<NaiveDate>) -> Option<(usize, Point)> {
        // date first, then an optional time
        if let Some((e, d, mism)) = self.date(i, base) {
            let mut p = Point::new(Some(d), None, mism);
            let mut j = e;
            let k = self.skip_spaces(e);
            // a zone between the date and the time: 12月20日东京时间上午9点
            let mid = if self.c.get(k).is_some_and(|c| zone_start(*c)) {
                self.zone_zh(k)
            } else {
                None
            };
            let (k, mid) = match mid {
                Some((ze, z)) => (self.skip_spaces(ze), Some((z, k, ze))),
                None => (k, None),
            };
            let k = self
                .en_any(k, lits!["at ", "by ", "before "])
                .map(|(x, _)| x)
                .or_else(|| self.lit(k, ",").map(|x| self.skip_spaces(x)))
                .unwrap_or(k);
            let mut zone = None;
            if let Some((te, t)) = self.time(k) {
                p.time = Some(t);
                zone = mid.map(|(z, zs, ze)| zone_at(z, zs, ze));
                j = te;
            } else if let Some((z, zs, ze)) = mid {
                // a zone with a date and no time: the end of that day in that zone
                zone = Some(zone_at(z, zs, ze));
                j = ze;
            } else if let Some((ie, t)) = self.implied_time(e) {
                p.time = Some(t);
                j = ie;
            }
            self.point_zone.set(zone);
            return Some((j, p));
        }
        if let Some((e, t)) = self.time(i) {
            // A bare 上午 / 下午 / 晚上 is a deadline only with 前 (下午前); 下午好 is not.
            let bare = self.lits(i, MER_WORDS).is_some_and(|(x, _)| x == e);
            // time, then an optional zone and date (5pm Friday, 10am PT on Dec 3, noon
            // tomorrow)
            let (e, zone) = match self.zone_after(e) {
                Some((ze, z, zs, zn)) => (ze, Some(zone_at(z, zs, zn))),
                None => (e, None),
            };
            let k = self.skip_spaces(e);
            let k = self
                .en_any(k, lits!["on ", "this "])
                .map(|(x, _)| x)
                .unwrap_or(k);
            let saved = self.rules.get();
            if (k > e || self.c.get(k).is_some_and(|c| c.is_ascii_alphabetic()))
                && let Some((de, d, mism)) = self.date(k, base)
            {
                let p = Point::new(Some(d), Some(t), mism);
                self.point_zone.set(zone);
                // first thing Monday morning, 9am Monday morning: the morning adds nothing
                if let TimeP::At(h, ..) = t
                    && h < 12
                    && let Some((me, _)) = self.en_any(self.skip_spaces(de), lits!["morning"])
                {
                    return Some((me, p));
                }
                return Some((de, p));
            }
            self.rules.set(saved);
            if bare && self.lits(e, lits!["之前", "以前", "前", "截止"]).is_none() {
                return None;
            }
            let p = Point::new(base.filter(|_| false).map(DateP::Day), Some(t), None);
            self.point_zone.set(zone);
            return Some((e, p));
        }
        None
    }

    /// Words after a date that imply a time, handled by [`S::time`] already; kept for the
    /// English "end of day" after a weekday ("Friday end of day").
    fn implied_time(&self, i: usize) -> Option<(usize, TimeP)> {
        let k = self.skip_spaces(i);
        let (e, w) = self.en_any(
            k,
            lits![
                "eod",
                "cob",
                "end of day",
                "end of the day",
                "close of business",
                "morning",
                "afternoon",
                "evening",
                "night",
            ],
        )?;
        // after a date, parts of the day follow 上午 / 下午 / 晚上
        let t = match w {
            5 => TimeP::At(12, 0, 0),
            6 => TimeP::At(18, 0, 0),
            7 | 8 => TimeP::At(23, 59, 59),
            _ => self.hm(self.ctx.hours.end),
        };
        Some((e, t))
    }

    fn hm(&self, t: NaiveTime) -> TimeP {
        use chrono::Timelike;
        TimeP::At(t.hour(), t.minute(), t.second())
    }

    // ----- time of day -----------------------------------------------------------------

    fn time(&self, i: usize) -> Option<(usize, TimeP)> {
        let c0 = self.ch(i)?;
        if c0.is_ascii_alphabetic()
            && let Some(r) = self.time_en(i)
        {
            return Some(r);
        }
        if c0.is_ascii_digit()
            && let Some(r) = self.en_clock(i)
        {
            return Some(r);
        }
        // words that are times by themselves
        if let Some((e, k)) = self.lits(
            i,
            lits![
                "午饭前",
                "午休前",
                "午饭",
                "下班",
                "收工",
                "上班",
                "一早",
                "中午12点",
                "中午十二点",
            ],
        ) {
            if k == 7 || k == 8 {
                self.note(Rule::ClockTime);
                return Some((e, TimeP::At(12, 0, 0)));
            }
            let t = match k {
                0..=2 => {
                    self.note(Rule::PartOfDay);
                    TimeP::At(12, 0, 0)
                }
                3 | 4 => {
                    self.note(Rule::WorkdayEnd);
                    self.hm(self.ctx.hours.end)
                }
                _ => {
                    self.note(Rule::WorkdayStart);
                    self.hm(self.ctx.hours.start)
                }
            };
            return Some((e, t));
        }
        let (j, mer, alone) = if let Some((e, k)) = self.lits(
            i,
            lits![
                "上午", "早上", "早晨", "清晨", "凌晨", "中午", "下午", "晚上", "晚间", "傍晚",
                "夜里", "夜间",
            ],
        ) {
            let mer = match k {
                0..=4 => Mer::Am,
                5 => Mer::Noon,
                _ => Mer::Pm,
            };
            let alone = match k {
                0 => Some(TimeP::At(12, 0, 0)),
                1..=3 => Some(self.hm(self.ctx.hours.start)),
                4 => None,
                5 => Some(TimeP::At(12, 0, 0)),
                6 => Some(TimeP::At(18, 0, 0)),
                _ => Some(TimeP::At(23, 59, 59)),
            };
            (e, mer, alone)
        } else {
            (i, Mer::None, None)
        };
        if let Some((e, t)) = self.clock(j, mer) {
            return Some((e, t));
        }

        // 下午下班前 etc.
        if j > i
            && let Some((e, k)) = self.lits(j, lits!["下班", "上班"])
        {
            let t = match (mer, k) {
                // 上午下班: the end of the morning
                (Mer::Am, 0) => TimeP::At(12, 0, 0),
                (_, 0) => self.hm(self.ctx.hours.end),
                _ => self.hm(self.ctx.hours.start),
            };
            self.note(if k == 0 {
                Rule::WorkdayEnd
            } else {
                Rule::WorkdayStart
            });
            return Some((e, t));
        }
        if alone.is_some() {
            self.note(Rule::PartOfDay);
        }
        alone.map(|t| (j, t))
    }

    /// A clock time: 17:00, 17点, 5点半, 十七时三十分, 下午5点一刻, XX:XX.
    fn clock(&self, i: usize, mer: Mer) -> Option<(usize, TimeP)> {
        let (e, h) = self.num(i)?;
        // H:MM
        if self.is(e, ':') {
            let (e2, m) = self.num(e + 1)?;
            match (h, m) {
                (Num::Slot, _) | (_, Num::Slot) => return Some((e2, TimeP::Slot)),
                (Num::Val(h, hl), Num::Val(m, ml)) => {
                    if ml != 2 || hl > 2 {
                        return None;
                    }
                    if let Some(why) = clock_invalid(h, m) {
                        return Some((e2, TimeP::Invalid(why)));
                    }
                    let mut e3 = e2;
                    let mut s = 0;
                    if self.is(e2, ':')
                        && let Some((e4, Num::Val(sv, 2))) = self.num(e2 + 1)
                        && sv < 60
                    {
                        s = sv;
                        e3 = e4;
                    }
                    let Some(h24) = apply_mer(h, mer, hl == 2) else {
                        return Some((e3, TimeP::Invalid(InvalidReason::NotInMorning { hour: h })));
                    };
                    self.note_clock(h, h24, mer, hl == 2);
                    return Some((e3, TimeP::At(h24, m, if h24 == 24 { 0 } else { s })));
                }
            }
        }
        let (ue, _) = self.lits(e, lits!["点钟", "点", "时"])?;
        // 第3点 is the third point of a list, not three o'clock
        if mer == Mer::None && self.reference_before(i) {
            return None;
        }
        // 这两点 / 那三点 / 有两点: "these two points", a count of points, not an hour
        if mer == Mer::None
            && i > 0
            && matches!(self.c[i - 1], '这' | '那' | '這' | '有')
            && !self.is(ue, '前')
        {
            return None;
        }
        let (h, hl) = match h {
            Num::Slot => {
                // X点, XX时XX分
                let mut j = ue;
                if let Some((e2, _)) = self.num(j) {
                    j = self.lit(e2, "分").unwrap_or(e2);
                }
                return Some((j, TimeP::Slot));
            }
            Num::Val(h, hl) => (h, hl),
        };
        if h > 24 {
            // 25点: an hour that does not exist (a long number before 点 is something else)
            return (hl <= 2)
                .then_some((ue, TimeP::Invalid(InvalidReason::NoSuchHour { hour: h })));
        }
        let mut j = ue;
        let mut m = 0;
        if let Some((e2, k)) = self.lits(j, lits!["半", "一刻", "三刻", "整"]) {
            m = [30, 15, 45, 0][k];
            j = e2;
        } else if let Some((e2, Num::Val(mv, ml))) = self.num(j) {
            let e3 = self.lits(e2, lits!["分钟", "分"]).map(|x| x.0);
            if mv >= 60 {
                // 17点75分
                if let Some(e3) = e3
                    && ml <= 2
                {
                    return Some((
                        e3,
                        TimeP::Invalid(InvalidReason::NoSuchMinute { minute: mv }),
                    ));
                }
            } else if e3.is_some()
                || !self
                    .c
                    .get(e2)
                    .is_some_and(|c| matches!(c, '天' | '日' | '号' | '个' | '月'))
            {
                // 5点10分 / 17点30 ; but not "5点3天"
                m = mv;
                j = e3.unwrap_or(e2);
            }
        }
        let Some(h24) = apply_mer(h, mer, false) else {
            return Some((j, TimeP::Invalid(InvalidReason::NotInMorning { hour: h })));
        };
        if h == 24 && m > 0 {
            return Some((j, TimeP::Invalid(InvalidReason::PastMidnight { minute: m })));
        }
        self.note_clock(h, h24, mer, false);
        Some((j, TimeP::At(h24, m, 0)))
    }

    /// Records how an hour was read: as written, or by the bare-hour rule.
    fn note_clock(&self, written: u32, read: u32, mer: Mer, h24: bool) {
        self.note(Rule::ClockTime);
        if mer == Mer::None && !h24 && written != read {
            self.note(Rule::BareHour);
        }
    }

    fn time_en(&self, i: usize) -> Option<(usize, TimeP)> {
        if let Some((e, k)) = self.en_any(
            i,
            lits![
                "end of business day",
                "end of the business day",
                "end of business",
                "close of business",
                "end of the day",
                "end of day",
                "eod",
                "cob",
                "noon",
                "midday",
                "midnight",
                "start of business",
                "start of the day",
                "tonight",
                "first thing in the morning",
                "first thing",
                "lunchtime",
                "lunch time",
                "lunch",
            ],
        ) {
            let t = match k {
                0..=7 => {
                    self.note(Rule::WorkdayEnd);
                    self.hm(self.ctx.hours.end)
                }
                8 | 9 => TimeP::At(12, 0, 0),
                10 => TimeP::At(24, 0, 0),
                11 | 12 | 14 | 15 => {
                    self.note(Rule::WorkdayStart);
                    self.hm(self.ctx.hours.start)
                }
                16..=18 => {
                    // by lunch, before lunch; not "have lunch"
                    if !self.word_before_is(i, &["by", "before", "until", "till"]) {
                        return None;
                    }
                    self.note(Rule::PartOfDay);
                    TimeP::At(12, 0, 0)
                }
                _ => return None,
            };
            return Some((e, t));
        }
        None
    }

    /// Whether the English word right before `i` (one or two spaces between) is one of
    /// `words` (lower case).
    fn word_before_is(&self, i: usize, words: &[&str]) -> bool {
        let mut j = i;
        while j > 0 && self.c[j - 1] == ' ' && i - j < 2 {
            j -= 1;
        }
        let end = j;
        while j > 0 && self.c[j - 1].is_ascii_alphabetic() && end - j < 8 {
            j -= 1;
        }
        self.tick();
        if j == end || end == i || (j > 0 && self.c[j - 1].is_ascii_alphanumeric()) {
            return false;
        }
        words.iter().any(|w| {
            w.len() == end - j
                && w.chars()
                    .zip(&self.c[j..end])
                    .all(|(a, b)| b.to_ascii_lowercase() == a)
        })
    }

    // ----- dates -----------------------------------------------------------------------

    /// A date part, with the weekday mismatch of a bracketed weekday after it.
    fn date(
        &self,
        i: usize,
        base: Option<NaiveDate>,
    ) -> Option<(usize, DateP, Option<WeekdayMismatch>)> {
        let c0 = self.ch(i)?;
        // "Friday, Dec 4": a weekday written before an explicit date; the date wins.
        if c0.is_ascii_alphabetic()
            && let Some((we, w)) = self.word(i)
            && let Some((wd, abbr)) = en_weekday(&w)
            && (!abbr || c0.is_ascii_uppercase())
        {
            let k = self.skip_spaces(self.lit(we, ",").unwrap_or(we));
            let saved = self.rules.get();
            let explicit = if self.c.get(k).is_some_and(|c| c.is_ascii_digit()) {
                // Wed 12/2, Friday 4 December
                self.day_month_en(k).or_else(|| self.ymd(k, None))
            } else if self.word(k).is_some_and(|(_, w)| en_month(&w).is_some()) {
                self.date_en(k)
            } else {
                None
            };
            if k > we
                && let Some((de, DateP::Day(day))) = explicit
            {
                let mism = (wd != day.weekday()).then_some(WeekdayMismatch {
                    stated: wd,
                    actual: day.weekday(),
                });
                return Some((de, DateP::Day(day), mism));
            }
            self.rules.set(saved);
        }
        self.pending_mismatch.set(None);
        let (e, d) = if c0.is_ascii_alphabetic() {
            self.date_en(i).or_else(|| self.date_zh(i, base))?
        } else {
            match self.day_month_en(i) {
                Some(r) => r,
                None => self.date_zh(i, base)?,
            }
        };
        if let Some(m) = self.pending_mismatch.take() {
            return Some((e, d, Some(m)));
        }
        // A weekday after an explicit date: 12月3日（周五）, 12月3日 周四, Dec 3 (Fri).
        if let DateP::Day(day) = d
            && let Some((we, wd)) = self.trailing_weekday(e)
        {
            // `7/12 (Mon)` from a day-first writer (Malaysia, the UK, India): when the
            // month-first reading has another weekday and the day-first one has the stated
            // weekday, the weekday says which was meant. Only with an English weekday:
            // Chinese writes month first, and `12/3（周五）` is a mismatch to report.
            if wd != day.weekday()
                && self.c[e..we].iter().any(|c| c.is_ascii_alphabetic())
                && let Some(alt) = self.day_first(i, e)
                && alt.weekday() == wd
                // A near date only: a far one (`12/3 (Fri)` as 12 March) is likelier a
                // wrong weekday, which is reported.
                && (alt - self.today).num_days().abs() <= 62
            {
                return Some((we, DateP::Day(alt), None));
            }
            let mism = (wd != day.weekday()).then_some(WeekdayMismatch {
                stated: wd,
                actual: day.weekday(),
            });
            return Some((we, d, mism));
        }
        Some((e, d, None))
    }

    /// The day-first reading of a bare `A/B` at `i..e` (no year, nothing else), if it is a
    /// date.
    fn day_first(&self, i: usize, e: usize) -> Option<NaiveDate> {
        let text: String = self.c.get(i..e)?.iter().collect();
        let (a, b) = text.split_once('/')?;
        if a.is_empty() || b.is_empty() || !(a.chars().chain(b.chars())).all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let (dd, m) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
        if !(1..=12).contains(&m) || !(1..=31).contains(&dd) {
            return None;
        }
        match self.checked_date(None, m, dd) {
            DateP::Day(x) => Some(x),
            _ => None,
        }
    }

    fn trailing_weekday(&self, i: usize) -> Option<(usize, Weekday)> {
        let k = self.skip_spaces(i);
        let (k, close) = if self.is(k, '(') {
            // in brackets, with or without 本/这/下: 12月15日（下周二）
            let k = k + 1;
            let k = self
                .lits(k, lits!["下个", "这个", "本", "这", "下"])
                .filter(|(e, _)| self.lits(*e, lits!["星期", "礼拜", "周"]).is_some())
                .map_or(k, |x| x.0);
            (k, true)
        } else if self.is(k, ',') {
            (self.skip_spaces(k + 1), false)
        } else {
            (k, false)
        };
        let (we, wd) = if let Some((e, _)) = self.lits(k, lits!["星期", "礼拜", "周"]) {
            let wd = zh_weekday(self.ch(e)?)??;
            (e + 1, wd)
        } else if close
            && self.is(k + 1, ')')
            && let Some(Some(wd)) = self.ch(k).and_then(zh_weekday)
        {
            // A bare weekday numeral in brackets, as Taiwan writes it: 12/22（二）.
            (k + 1, wd)
        } else {
            let (e, w) = self.word(k)?;
            let (wd, _) = en_weekday(&w)?;
            (e, wd)
        };
        if close {
            if !self.is(we, ')') {
                return None;
            }
            return Some((we + 1, wd));
        }
        Some((we, wd))
    }

    fn monday(&self) -> NaiveDate {
        self.today - Duration::days(self.today.weekday().num_days_from_monday() as i64)
    }

    fn date_zh(&self, i: usize, base: Option<NaiveDate>) -> Option<(usize, DateP)> {
        let today = self.today;
        // relative days
        if let Some((e, k)) = self.lits(
            i,
            lits![
                "大后天",
                "明后天",
                "后天",
                "明天",
                "明日",
                "今天",
                "今日",
                "当天",
                "当日",
                "今晚",
                "明晚",
                "今早",
                "明早",
            ],
        ) {
            let d = match k {
                0 => 3,
                1 | 2 => 2,
                3 | 4 | 10 | 12 => 1,
                _ => 0,
            };
            let day = today + Duration::days(d);
            self.note(Rule::RelativeDay);
            let at = |t: TimeP| match t {
                TimeP::Invalid(why) => Some(DateP::Invalid(why)),
                t => instant(day, t).map(DateP::Instant),
            };
            match k {
                9 | 10 => {
                    // 今晚 / 明晚: the evening, or a clock time in it
                    if let Some((ce, t)) = self.clock(e, Mer::Pm) {
                        return Some((ce, at(t)?));
                    }
                    self.note(Rule::PartOfDay);
                    return Some((e, DateP::Instant(eod(day))));
                }
                11 | 12 => {
                    if let Some((ce, t)) = self.clock(e, Mer::Am) {
                        return Some((ce, at(t)?));
                    }
                    self.note(Rule::WorkdayStart);
                    return Some((e, DateP::Instant(day.and_time(self.ctx.hours.start))));
                }
                _ => {
                    // 今天（12月3日）, 明天（12/4）: the day with its date in brackets is one
                    // expression, so a time after it (`今天（12月3日）18:00前`) belongs to
                    // that day; the written date wins, as after a weekday.
                    let saved = self.rules.get();
                    if self.is(e, '(')
                        && let Some((de, DateP::Day(dated))) = self.ymd(e + 1, None)
                        && self.is(de, ')')
                    {
                        return Some((de + 1, DateP::Day(dated)));
                    }
                    self.rules.set(saved);
                    return Some((e, DateP::Day(day)));
                }
            }
        }
        // 节后第一个工作日, 假期后, 放假回来
        if matches!(self.c[i], '节' | '假' | '长' | '放' | '收')
            && let Some((e, d)) = self.after_break(i)
        {
            return Some((e, DateP::Day(d)));
        }
        if let Some((we, wdate)) = self.weekday_zh(i) {
            // 周五（12月4日）: a weekday with an explicit date in brackets; the date wins.
            let saved = self.rules.get();
            if let DateP::Day(wday) = wdate
                && self.is(we, '(')
                && let Some((de, DateP::Day(day))) = self.ymd(we + 1, None)
                && self.is(de, ')')
            {
                self.pending_mismatch
                    .set(
                        (wday.weekday() != day.weekday()).then_some(WeekdayMismatch {
                            stated: wday.weekday(),
                            actual: day.weekday(),
                        }),
                    );
                return Some((de + 1, DateP::Day(day)));
            }
            self.rules.set(saved);
            return Some((we, wdate));
        }
        if let Some(r) = self.festival(i) {
            return Some(r);
        }
        // 三季度, 第一季度, 上半年
        if self.may_be_quarter_zh(i)
            && let Some(r) = self.quarter(i, None)
        {
            return Some(r);
        }
        // parts of the current year or quarter
        if let Some((e, k)) = self.lits(
            i,
            lits!["本季度末", "本季末", "季度末", "季末", "本季度底", "季度底"],
        ) {
            let _ = k;
            let q_end_month = ((today.month() - 1) / 3 + 1) * 3;
            self.note(Rule::Quarter);
            return Some((e, DateP::Day(last_of_month(today.year(), q_end_month)?)));
        }
        // year / month / day
        self.ymd(i, base)
    }

    fn weekday_zh(&self, i: usize) -> Option<(usize, DateP)> {
        let (j, week) = match self.lits(
            i,
            lits![
                "下下个",
                "下下",
                "下个",
                "下",
                "本",
                "这个",
                "这",
                "上个",
                "上",
                "当",
            ],
        ) {
            Some((e, k)) => (e, Some([2, 2, 1, 1, 0, 0, 0, -1, -1, 0][k] as i64)),
            None => (i, None),
        };
        let (e, _) = self.lits(j, lits!["星期", "礼拜", "周"])?;
        let monday = self.monday() + Duration::days(7 * week.unwrap_or(0));
        // 周末
        if let Some(e2) = self.lit(e, "末") {
            let sat = monday + Duration::days(5);
            return Some((e2, DateP::Span(sat, sat + Duration::days(1), true)));
        }
        let c = self.ch(e);
        let wd = c.and_then(zh_weekday);
        // 下周一起 = "next week, together"
        let together = c == Some('一') && self.is(e + 1, '起');
        match wd {
            Some(Some(wd)) if !(together || c == Some('天') && self.is(e + 1, '内')) => {
                let off = wd.num_days_from_monday() as i64;
                self.note(match week {
                    Some(1..) => Rule::WeekdayNextWeek,
                    Some(_) => Rule::WeekdayThisWeek,
                    None => Rule::WeekdayNext,
                });
                let day = match week {
                    Some(w) => self.monday() + Duration::days(7 * w + off),
                    None => {
                        let cur = self.today.weekday().num_days_from_monday() as i64;
                        let mut delta = (off - cur).rem_euclid(7);
                        if delta == 0 {
                            delta = 7;
                        }
                        self.today + Duration::days(delta)
                    }
                };
                Some((e + 1, DateP::Day(day)))
            }
            Some(None) => Some((e + 1, DateP::Slot)),
            _ => {
                // a whole week: 本周, 下周, 这个星期 (only with a prefix)
                let w = week?;
                if w < 0 {
                    // 上周 as a whole is a reference to the past, not a deadline
                    return None;
                }
                if self.c.get(e).is_some_and(|c| {
                    matches!(
                        c,
                        '报' | '会'
                            | '年'
                            | '期'
                            | '刊'
                            | '记'
                            | '岁'
                            | '边'
                            | '围'
                            | '转'
                            | '到'
                            | '周'
                            | '例'
                            | '的'
                    )
                }) {
                    return None;
                }
                let _ = w;
                Some((e, DateP::Span(monday, monday + Duration::days(6), true)))
            }
        }
    }

    fn festival(&self, i: usize) -> Option<(usize, DateP)> {
        // 十一 (国庆) is tried apart: 十 starts every other numeral
        let (e, k) = if self.c[i] == '十' {
            if !self.is(i + 1, '一') {
                return None;
            }
            (i + 2, usize::MAX)
        } else {
            self.lits(
                i,
                lits![
                    "元旦",
                    "春节",
                    "元宵节",
                    "元宵",
                    "清明节",
                    "清明",
                    "劳动节",
                    "五一",
                    "端午节",
                    "端午",
                    "中秋节",
                    "中秋",
                    "国庆节",
                    "国庆",
                    "圣诞节",
                    "圣诞",
                ],
            )?
        };
        let f = [
            Festival::NewYear,
            Festival::Spring,
            Festival::Lantern,
            Festival::Lantern,
            Festival::Qingming,
            Festival::Qingming,
            Festival::Labour,
            Festival::Labour,
            Festival::Duanwu,
            Festival::Duanwu,
            Festival::MidAutumn,
            Festival::MidAutumn,
            Festival::National,
            Festival::National,
            Festival::Christmas,
            Festival::Christmas,
        ]
        .get(k)
        .copied()
        .unwrap_or(Festival::National);
        // 五一 must not be a number in a longer run (十五一), nor 五一个
        if k == 7 && (i > 0 && is_zh_num(self.c[i - 1]) || self.is(e, '个')) {
            return None;
        }
        // 十一 is 国庆 only as a holiday (十一前, 十一假期, 十一后第一个工作日), not in
        // 十一月, 十一点, 第十一
        if k == usize::MAX
            && (i > 0 && (is_zh_num(self.c[i - 1]) || self.c[i - 1] == '第')
                || self
                    .lits(
                        e,
                        lits!["假期", "长假", "黄金周", "之前", "以前", "前", "后"],
                    )
                    .is_none())
        {
            return None;
        }
        let e = match self.lits(e, lits!["假期", "长假", "黄金周", "假", "当天", "当日"])
        {
            Some((x, _)) => x,
            None => e,
        };
        self.festival_named.set(Some(f));
        // 国庆后第一个工作日, 春节假期后上班第一天
        if let Some((x, d)) = self.festival_workday(e, f) {
            return Some((x, DateP::Day(d)));
        }
        self.note(Rule::Festival);
        // 春节前 said on the festival day means next year's: the one before us has begun
        let before = self.lits(e, lits!["之前", "以前", "前"]).is_some();
        let from = if before {
            self.today.succ_opt()?
        } else {
            self.today
        };
        let d = f.next_on_or_after(from)?;
        Some((e, DateP::Span(d, d, true)))
    }

    /// Year, month, day in their Chinese and numeric forms.
    fn ymd(&self, i: usize, base: Option<NaiveDate>) -> Option<(usize, DateP)> {
        let today = self.today;
        let mut j = i;
        // year
        let mut year: Option<Option<i32>> = None; // Some(None) = unfilled
        if let Some((e, k)) = self.lits(i, lits!["今年", "明年", "去年", "本年度", "本年"])
        {
            let y = today.year() + [0, 1, -1, 0, 0][k];
            // 今年年底 / 明年底 / 年内
            if let Some((e2, _)) = self.lits(e, lits!["年底", "年末", "底", "末"]) {
                return Some((e2, DateP::Day(NaiveDate::from_ymd_opt(y, 12, 31)?)));
            }
            if let Some(e2) = self.lit(e, "内") {
                let _ = e2;
                return Some((
                    e,
                    DateP::Span(
                        NaiveDate::from_ymd_opt(y, 1, 1)?,
                        NaiveDate::from_ymd_opt(y, 12, 31)?,
                        true,
                    ),
                ));
            }
            year = Some(Some(y));
            j = e;
        } else if let Some((e, n)) = self.num(i) {
            if self.is(e, '年') {
                match n {
                    Num::Val(v, len) if len == 4 && (1900..=2200).contains(&v) => {
                        year = Some(Some(v as i32));
                        j = e + 1;
                    }
                    Num::Slot => {
                        year = Some(None);
                        j = e + 1;
                    }
                    _ => {}
                }
            } else if let Num::Val(v, 4) = n {
                // 2026-12-03, 2026/12/3, 2026.12.03
                if let Some(sep) = self.ch(e).filter(|c| matches!(c, '-' | '/' | '.'))
                    && let Some((e2, m)) = self.num(e + 1)
                    && self.is(e2, sep)
                    && let Some((e3, d)) = self.num(e2 + 1)
                {
                    if self
                        .c
                        .get(e3)
                        .is_some_and(|c| c.is_ascii_digit() || *c == sep)
                    {
                        return None;
                    }
                    return match (m, d) {
                        (Num::Val(m, ml), Num::Val(d, dl)) if ml <= 2 && dl <= 2 => {
                            self.note(Rule::WrittenYear);
                            let date = if (1..=12).contains(&m) {
                                self.checked_date(Some(v as i32), m, d)
                            } else {
                                DateP::Invalid(InvalidReason::NoSuchMonth { month: m })
                            };
                            Some((self.day_suffix(e3), date))
                        }
                        (Num::Val(..), Num::Val(..)) => None,
                        _ => Some((e3, DateP::Slot)),
                    };
                }
                return None;
            }
        } else if let Some(e) = self.space_slot(i, &['年']) {
            year = Some(None);
            j = e + 1;
        }
        // year-level parts: 2026年底, 2027年Q3, 明年上半年
        if let Some(y) = year {
            if let Some(y) = y
                && let Some(r) = self.quarter(j, Some(y))
            {
                return Some(r);
            }
            if let Some((e2, _)) = self.lits(j, lits!["年底", "年末", "底", "末"]) {
                return Some((
                    e2,
                    match y {
                        Some(y) => DateP::Day(NaiveDate::from_ymd_opt(y, 12, 31)?),
                        None => DateP::Slot,
                    },
                ));
            }
        } else if let Some((e, _)) = self.lits(i, lits!["年底", "年末"]) {
            return Some((
                e,
                DateP::Day(NaiveDate::from_ymd_opt(today.year(), 12, 31)?),
            ));
        }
        // month
        let mut month: Option<Option<(i32, u32)>> = None;
        let mut month_explicit_num = false;
        let mut whole_month_word = false;
        if let Some((e, k)) = self.lits(
            j,
            lits![
                "本月",
                "这个月",
                "当月",
                "下个月",
                "下月",
                "上个月",
                "上月",
                "次月",
            ],
        ) {
            let off = [0, 0, 0, 1, 1, -1, -1, 1][k];
            month = Some(Some(add_months(today.year(), today.month(), off)));
            j = e;
            // 上个月 as a whole is a reference to the past, not a deadline
            whole_month_word = off >= 0;
        } else if let Some((e, n)) = self.num(j) {
            if self.is(e, '月') && !self.is(e + 1, '份')
                || (self.is(e, '月') && self.is(e + 1, '份'))
            {
                match n {
                    Num::Val(m, _) if (1..=12).contains(&m) => {
                        let y = match year {
                            Some(Some(y)) => Some(y),
                            Some(None) => None,
                            None => Some(self.nearest_year_for_month(m)),
                        };
                        month = Some(y.map(|y| (y, m)));
                        month_explicit_num = true;
                    }
                    Num::Slot => month = Some(None),
                    // 13月, 0月: a month that does not exist (13月薪 is a salary)
                    Num::Val(m, ml) if ml <= 2 && !self.is(e + 1, '薪') => {
                        let mut end = e + 1;
                        if let Some((de, Num::Val(_, dl))) = self.num(end)
                            && dl <= 2
                            && let Some((x, _)) = self.lits(de, lits!["日", "号"])
                        {
                            end = x;
                        }
                        return Some((
                            end,
                            DateP::Invalid(InvalidReason::NoSuchMonth { month: m }),
                        ));
                    }
                    _ => return None,
                }
                j = e + 1;
                if let Some(e2) = self.lit(j, "份") {
                    j = e2;
                }
            } else if year.is_none() {
                // M/D, M.D (month/day), or a bare day: 25号, 3日
                return self.md_or_day(i, e, n, base);
            } else {
                return None;
            }
        } else if let Some(e) = self.space_slot(j, &['月']) {
            month = Some(None);
            j = e + 1;
        } else if year.is_none() {
            // parts of the current month: 月底, 月初, 上旬 …
            if let Some((e, k)) = self.lits(
                j,
                lits!["月底", "月末", "月初", "月中", "上旬", "中旬", "下旬"],
            ) {
                self.note(Rule::MonthPart);
                return Some((e, self.month_part(today.year(), today.month(), k)?));
            }
            return None;
        }
        if year.is_some() && month.is_none() {
            return None;
        }
        let month = month?;
        // day
        if let Some((e, n)) = self.num(j) {
            if let Some((e2, _)) = self.lits(e, lits!["日", "号"]) {
                // 3日内 after a month is still a date (12月3日内 is unusual; read as date)
                return match (month, n) {
                    (Some((y, m)), Num::Val(d, dl)) => {
                        if dl > 2 {
                            return None;
                        }
                        if month_explicit_num && year.is_none() {
                            // nearest to the reference by the full date
                            self.note(Rule::NearestYear);
                            Some((e2, self.checked_date(None, m, d)))
                        } else {
                            if year.is_some() {
                                self.note(Rule::WrittenYear);
                            }
                            Some((e2, self.checked_date(Some(y), m, d)))
                        }
                    }
                    _ => Some((e2, DateP::Slot)),
                };
            }
            return None;
        }
        if let Some(e) = self.space_slot(j, &['日', '号']) {
            return Some((e + 1, DateP::Slot));
        }
        // parts of the month
        if let Some((e, k)) = self.lits(j, lits!["底", "末", "初", "上旬", "中旬", "下旬", "中"])
        {
            let k = [0, 1, 2, 4, 5, 6, 3][k];
            return match month {
                Some((y, m)) => {
                    self.note(Rule::MonthPart);
                    Some((e, self.month_part(y, m, k)?))
                }
                None => Some((e, DateP::Slot)),
            };
        }
        // the whole month: 12月前, 下个月, 12月内 (a bare 12月 needs one of these)
        let (y, m) = match month {
            Some(ym) => ym,
            None => return Some((j, DateP::Slot)),
        };
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        let last = last_of_month(y, m)?;
        let follows = self
            .lits(j, lits!["前", "之前", "以前", "内", "之内", "以内", "为止"])
            .is_some();
        if whole_month_word || follows {
            return Some((j, DateP::Span(first, last, true)));
        }
        None
    }

    /// The date `m`-`d` (`m` in 1–12) of `year`, or of the year nearest the reference when
    /// no year is written; [`DateP::Invalid`] when there is no such day (4月31日).
    fn checked_date(&self, year: Option<i32>, m: u32, d: u32) -> DateP {
        let y = match year {
            Some(y) => Some(y),
            None => self.nearest_year(m, d),
        };
        if let Some(y) = y
            && let Some(x) = NaiveDate::from_ymd_opt(y, m, d)
        {
            return DateP::Day(x);
        }
        DateP::Invalid(if d == 0 {
            InvalidReason::NoSuchDay { day: 0 }
        } else if m == 2 && d == 29 {
            // no leap year near: say which February was meant
            InvalidReason::PastMonthEnd {
                year: Some(year.unwrap_or_else(|| self.nearest_year_for_month(2))),
                month: 2,
                last: 28,
            }
        } else {
            const LAST: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
            let last = match year {
                Some(y) => last_of_month(y, m).map_or(LAST[m as usize - 1], |x| x.day()),
                None => LAST[m as usize - 1],
            };
            InvalidReason::PastMonthEnd {
                year: year.filter(|_| m == 2),
                month: m,
                last,
            }
        })
    }

    /// 日/号 after a numeric date, e.g. 2026-12-03日 is not used; only 号 after M/D.
    fn day_suffix(&self, i: usize) -> usize {
        self.lits(i, lits!["日", "号"]).map(|x| x.0).unwrap_or(i)
    }

    fn month_part(&self, y: i32, m: u32, k: usize) -> Option<DateP> {
        let d = |day| NaiveDate::from_ymd_opt(y, m, day);
        let last = last_of_month(y, m)?;
        Some(match k {
            0 | 1 => DateP::Day(last),
            2 => DateP::Span(d(1)?, d(5)?, false),
            3 => DateP::Day(d(15)?),
            4 => DateP::Span(d(1)?, d(10)?, false),
            5 => DateP::Span(d(11)?, d(20)?, false),
            _ => DateP::Span(d(21)?, last, false),
        })
    }

    /// After a number that is not followed by 年 or 月: M/D, M.D, or D号 / D日.
    fn md_or_day(
        &self,
        i: usize,
        e: usize,
        n: Num,
        base: Option<NaiveDate>,
    ) -> Option<(usize, DateP)> {
        if let Some(sep) = self.ch(e).filter(|c| matches!(c, '/' | '.' | '-')) {
            // no M.D inside a longer number, version, or decimal amount, nor after a
            // reference (第4.1条, section 3.2, version 2.1, No. 3.2)
            // A dash continues a number only after a letter or digit (`INV-12/23`,
            // `2026-12/23`); a dash between fields (`负责人：Eric——12/22前`) does not.
            let joined_dash =
                i > 1 && self.c[i - 1] == '-' && self.c[i - 2].is_ascii_alphanumeric();
            // A colon after a digit is a clock's (`10:12/…`); after a label (`期限：12/18`,
            // the full-width colon read as `:`) a date follows.
            let clock_colon = i > 1 && self.c[i - 1] == ':' && self.c[i - 2].is_ascii_digit();
            if i > 0 && matches!(self.c[i - 1], '.' | '/')
                || clock_colon
                || i == 1 && self.c[0] == '-'
                || joined_dash
                || self.is_letter_before(i)
                || self.reference_before(i)
            {
                return None;
            }
            let (e2, d) = self.num(e + 1)?;
            if self
                .c
                .get(e2)
                .is_some_and(|c| c.is_ascii_digit() || *c == sep || *c == '%')
                || (self.is(e2, '.') && self.c.get(e2 + 1).is_some_and(|c| c.is_ascii_digit()))
            {
                // 12/15/2026 (US)
                if sep == '/'
                    && self.is(e2, '/')
                    && let (Some((e3, Num::Val(y, 4))), Num::Val(m, ml), Num::Val(dd, dl)) =
                        (self.num(e2 + 1), n, d)
                    && ml <= 2
                    && dl <= 2
                    && (1..=12).contains(&m)
                    && (1..=31).contains(&dd)
                {
                    self.note(Rule::WrittenYear);
                    return Some((e3, self.checked_date(Some(y as i32), m, dd)));
                }
                return None;
            }
            if sep == '-' {
                // 3-5号 is a range of days; M-D is not a Chinese date form
                return None;
            }
            if sep == '.' && !self.md_context(i, e2) {
                // 2.5 is a number unless the text around it reads as a date
                return None;
            }
            // a fraction of a count or an amount: 8/10项, 3/8人, 2.5万, 5/8 of the tasks
            if self.count_after(e2) {
                return None;
            }
            return match (n, d) {
                (Num::Val(m, ml), Num::Val(dd, dl))
                    if ml <= 2 && dl <= 2 && (1..=12).contains(&m) && (1..=31).contains(&dd) =>
                {
                    self.note(Rule::NearestYear);
                    Some((self.day_suffix(e2), self.checked_date(None, m, dd)))
                }
                (Num::Slot, _) | (_, Num::Slot) => Some((e2, DateP::Slot)),
                _ => None,
            };
        }
        let (e2, unit) = self.lits(e, lits!["号", "日"])?;
        // 3号会议室, 1号楼: a number, not a day
        if self.c.get(e2).is_some_and(|c| {
            "楼会房线位馆门窗机厅室床桌店码院车厂箱柜屏台口库仓区街路文章条款令件包组队栋单元层"
                .contains(*c)
        }) || self.reference_before(i)
        {
            return None;
        }
        match n {
            Num::Slot => Some((e2, DateP::Slot)),
            Num::Val(d, _) if (1..=31).contains(&d) => {
                let from = base.unwrap_or(self.today);
                self.note(Rule::DayOfMonth);
                Some((e2, DateP::Day(next_day_numbered(from, d)?)))
            }
            // 33日: no month has it (33号 is more often a house number)
            Num::Val(d, dl) if unit == 1 && dl <= 2 => {
                Some((e2, DateP::Invalid(InvalidReason::NoSuchDay { day: d })))
            }
            _ => None,
        }
    }

    /// Whether `M.D` at `i..e` sits where a date is expected: before 前/号/截止/a bracket or
    /// a time, or after 于/在/截止/日期.
    fn md_context(&self, i: usize, e: usize) -> bool {
        let after = self.c.get(e).is_some_and(|c| {
            matches!(
                c,
                '前' | '之'
                    | '以'
                    | '号'
                    | '日'
                    | '截'
                    | '('
                    | '周'
                    | '星'
                    | '礼'
                    | '至'
                    | '到'
                    | '~'
                    | '上'
                    | '下'
                    | '中'
                    | '晚'
                    | '早'
                    | '当'
                    | '完'
                    | '提'
                    | '交'
            )
        }) || (self.is(e, ' ')
            && self.c.get(e + 1).is_some_and(|c| c.is_ascii_digit()));
        let before = i > 0
            && (matches!(
                self.c[i - 1],
                '于' | '在' | '止' | '至' | '期' | '到' | ':' | '是' | ' '
            ) || (i > 1 && matches!(self.c[i - 1], '晚' | '迟') && self.c[i - 2] == '最'));
        after || before
    }

    fn is_letter_before(&self, i: usize) -> bool {
        i > 0 && self.c[i - 1].is_ascii_alphabetic()
    }

    /// The year that puts month `m` nearest the reference (within about ±6 months).
    fn nearest_year_for_month(&self, m: u32) -> i32 {
        let t = self.today;
        let idx = |y: i32, m: u32| y * 12 + m as i32;
        let cur = idx(t.year(), t.month());
        [t.year() - 1, t.year(), t.year() + 1]
            .into_iter()
            .min_by_key(|y| ((idx(*y, m) - cur).abs(), -*y))
            .unwrap_or(t.year())
    }

    /// The year that puts `m`-`d` nearest the reference date.
    fn nearest_year(&self, m: u32, d: u32) -> Option<i32> {
        let t = self.today;
        // This year's date within half a year of today is the nearest (the same date in
        // the year before or after is at least 183 days away): the common case, decided
        // without trying three years.
        if let Some(x) = NaiveDate::from_ymd_opt(t.year(), m, d)
            && (x - t).num_days().abs() <= 182
        {
            return Some(t.year());
        }
        [t.year() - 1, t.year(), t.year() + 1]
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d).map(|x| (y, x)))
            .min_by_key(|(y, x)| ((*x - t).num_days().abs(), -*y))
            .map(|(y, _)| y)
    }

    fn date_en(&self, i: usize) -> Option<(usize, DateP)> {
        let today = self.today;
        // Q2, H1, end of Q2
        if let Some(r) = self.quarter(i, None) {
            return Some(r);
        }
        // first business day after the holidays, after the holidays
        if let Some((e, d)) = self.after_holiday_en(i) {
            return Some((e, DateP::Day(d)));
        }
        if let Some((e, k)) = self.en_any(
            i,
            lits![
                "the day after tomorrow",
                "day after tomorrow",
                "today",
                "tomorrow",
                "tonight",
                "end of the week",
                "end of this week",
                "end of week",
                "eow",
                "end of next week",
                "end of the month",
                "end of this month",
                "end of month",
                "eom",
                "end of next month",
                "end of the year",
                "end of this year",
                "end of year",
                "year-end",
                "year end",
                "eoy",
                "end of the quarter",
                "end of this quarter",
                "end of quarter",
                "eoq",
                "this weekend",
                "the weekend",
                "weekend",
                "next weekend",
                "this week",
                "next week",
                "this month",
                "next month",
                "christmas",
                "new year's day",
                "new year",
            ],
        ) {
            let m = self.monday();
            let eow = |mon: NaiveDate| {
                let d = self.ctx.calendar.last_working_day_of_week(mon);
                self.walk(d, d.max(mon + Duration::days(4)));
                self.note(Rule::EndOfWeek);
                DateP::Instant(d.and_time(self.ctx.hours.end))
            };
            match k {
                0..=4 => self.note(Rule::RelativeDay),
                10..=24 => self.note(Rule::MonthPart),
                33.. => self.note(Rule::Festival),
                _ => {}
            }
            let r = match k {
                0 | 1 => DateP::Day(today + Duration::days(2)),
                2 => DateP::Day(today),
                3 => DateP::Day(today + Duration::days(1)),
                4 => {
                    if let Some((te, t)) = self.en_clock(self.skip_spaces(e)) {
                        return Some((te, DateP::Instant(instant(today, t)?)));
                    }
                    DateP::Instant(eod(today))
                }
                5..=8 => eow(m),
                9 => eow(m + Duration::days(7)),
                10..=13 => DateP::Day(last_of_month(today.year(), today.month())?),
                14 => {
                    let (y, mo) = add_months(today.year(), today.month(), 1);
                    DateP::Day(last_of_month(y, mo)?)
                }
                15..=20 => DateP::Day(NaiveDate::from_ymd_opt(today.year(), 12, 31)?),
                21..=24 => {
                    let q = ((today.month() - 1) / 3 + 1) * 3;
                    DateP::Day(last_of_month(today.year(), q)?)
                }
                25..=27 => DateP::Span(m + Duration::days(5), m + Duration::days(6), true),
                28 => DateP::Span(m + Duration::days(12), m + Duration::days(13), true),
                29 => DateP::Span(m, m + Duration::days(6), true),
                30 => DateP::Span(m + Duration::days(7), m + Duration::days(13), true),
                31 => DateP::Span(
                    NaiveDate::from_ymd_opt(today.year(), today.month(), 1)?,
                    last_of_month(today.year(), today.month())?,
                    true,
                ),
                32 => {
                    let (y, mo) = add_months(today.year(), today.month(), 1);
                    DateP::Span(
                        NaiveDate::from_ymd_opt(y, mo, 1)?,
                        last_of_month(y, mo)?,
                        true,
                    )
                }
                33 => {
                    let d = Festival::Christmas.next_on_or_after(today)?;
                    DateP::Span(d, d, true)
                }
                _ => {
                    let d = Festival::NewYear.next_on_or_after(today)?;
                    DateP::Span(d, d, true)
                }
            };
            return Some((e, r));
        }
        let (e, w) = self.word(i)?;
        // this/next/coming + weekday
        let (we, prefix, wword) = match w.bytes() {
            b"this" | b"next" | b"coming" | b"last" => {
                let k = self.skip_spaces(e);
                if k == e {
                    return None;
                }
                let (e2, w2) = self.word(k)?;
                (e2, Some(w), w2)
            }
            _ => (e, None, w),
        };
        if let Some((wd, abbr)) = en_weekday(&wword) {
            if abbr && prefix.is_none() {
                // Mon/Sun/Sat … only capitalised, not "sat" or "wed" as words
                let first = self.c[i];
                if !first.is_ascii_uppercase() {
                    return None;
                }
            }
            // "Friday, Dec 4": the date wins (reported as a mismatch by the caller).
            self.note(match prefix.as_deref() {
                Some(b"next") => Rule::WeekdayNextWeek,
                Some(b"this" | b"last") => Rule::WeekdayThisWeek,
                _ => Rule::WeekdayNext,
            });
            let off = wd.num_days_from_monday() as i64;
            let m = self.monday();
            let day = match prefix.as_deref() {
                Some(b"this") => m + Duration::days(off),
                Some(b"next") => m + Duration::days(7 + off),
                Some(b"last") => m + Duration::days(off - 7),
                _ => {
                    let cur = today.weekday().num_days_from_monday() as i64;
                    let mut delta = (off - cur).rem_euclid(7);
                    if delta == 0 {
                        delta = 7;
                    }
                    today + Duration::days(delta)
                }
            };
            return Some((we, DateP::Day(day)));
        }
        if prefix.is_some() {
            return None;
        }
        // the 15th: the next such day of a month
        if w == "the" {
            let k = self.skip_spaces(e);
            if let Some((de, Num::Val(d, dl))) = self.num(k)
                && dl <= 2
                && (1..=31).contains(&d)
            {
                let oe = self.ordinal(de);
                if oe > de {
                    self.note(Rule::DayOfMonth);
                    return Some((oe, DateP::Day(next_day_numbered(today, d)?)));
                }
            }
            return None;
        }
        // early / mid / late December: 上旬 / 中旬 / 下旬
        let (head, joined) = match w.iter().position(|b| *b == b'-') {
            Some(k) => (&w[..k], Some(&w[k + 1..])),
            None => (w.bytes(), None),
        };
        if let Some(part) = match head {
            b"early" => Some(4),
            b"mid" => Some(5),
            b"late" => Some(6),
            _ => None,
        } {
            let (me, m) = match joined {
                Some(mw) => (e, en_month(mw)?),
                None => {
                    let (me, mw) = self.word(self.skip_spaces(e))?;
                    (me, en_month(&mw)?)
                }
            };
            let y = self.nearest_year_for_month(m);
            self.note(Rule::MonthPart);
            return Some((me, self.month_part(y, m, part)?));
        }
        // Month D[st|nd|rd|th][,] [YYYY]
        if let Some(m) = en_month(&w) {
            // "may" and "march" are also words: as months they are capitalised
            if matches!(w.bytes(), b"may" | b"march" | b"mar") && !self.c[i].is_ascii_uppercase() {
                return None;
            }
            let mut k = e;
            if self.is(k, '.') {
                k += 1;
            }
            let k = self.skip_spaces(k);
            if k == e && !self.is(e, '.') {
                return None;
            }
            let (de, d) = self.num(k)?;
            let de = self.ordinal(de);
            return match d {
                Num::Slot => Some((de, DateP::Slot)),
                Num::Val(d, dl) if dl <= 2 => {
                    // optional year
                    let k2 = self.skip_spaces(self.lit(de, ",").unwrap_or(de));
                    if let Some((ye, Num::Val(y, 4))) = self.num(k2) {
                        self.note(Rule::WrittenYear);
                        return Some((ye, self.checked_date(Some(y as i32), m, d)));
                    }
                    self.note(Rule::NearestYear);
                    Some((de, self.checked_date(None, m, d)))
                }
                _ => None,
            };
        }
        None
    }

    /// `15 December`, `3rd Dec 2026`.
    fn day_month_en(&self, i: usize) -> Option<(usize, DateP)> {
        let (de, n) = self.num(i)?;
        let Num::Val(d, dl) = n else { return None };
        if dl > 2 {
            return None;
        }
        let oe = self.ordinal(de);
        let k = self.skip_spaces(oe);
        if k == oe {
            return None;
        }
        let (me, mw) = self.word(k)?;
        let m = en_month(&mw)?;
        let me = if self.is(me, '.') && mw.len() == 3 {
            me + 1
        } else {
            me
        };
        let k2 = self.skip_spaces(self.lit(me, ",").unwrap_or(me));
        if let Some((ye, Num::Val(y, 4))) = self.num(k2) {
            self.note(Rule::WrittenYear);
            return Some((ye, self.checked_date(Some(y as i32), m, d)));
        }
        self.note(Rule::NearestYear);
        Some((me, self.checked_date(None, m, d)))
    }

    fn ordinal(&self, i: usize) -> usize {
        self.lits(i, lits!["st", "nd", "rd", "th"])
            .filter(|(e, _)| !self.is_alnum(*e))
            .map(|x| x.0)
            .unwrap_or(i)
    }

    /// English clock: 5pm, 5:30 p.m., 17:00 (24-hour needs the colon; `5:30` with no
    /// a.m./p.m. follows the bare-hour rule, `05:30` is 24-hour).
    fn en_clock(&self, i: usize) -> Option<(usize, TimeP)> {
        let (e, h) = self.num(i)?;
        let (e, m) = if self.is(e, ':') {
            let (e2, m) = self.num(e + 1)?;
            match (h, m) {
                (_, Num::Val(m, 2)) if m < 60 => (e2, Some(m)),
                (_, Num::Slot) => return Some((e2, TimeP::Slot)),
                // 17:75
                (Num::Val(_, hl), Num::Val(m, 2)) if hl <= 2 => {
                    return Some((
                        e2,
                        TimeP::Invalid(InvalidReason::NoSuchMinute { minute: m }),
                    ));
                }
                _ => return None,
            }
        } else {
            (e, None)
        };
        let (h, hl) = match h {
            Num::Val(h, hl) => (h, hl),
            // X pm / XX:XX
            Num::Slot if m.is_some() => return Some((e, TimeP::Slot)),
            Num::Slot => {
                let k = self.skip_spaces(e);
                let (e2, _) = self.lits(k, lits!["a.m.", "p.m.", "am", "pm", "AM", "PM"])?;
                if self.is_alnum(e2) {
                    return None;
                }
                return Some((e2, TimeP::Slot));
            }
        };
        let k = self.skip_spaces(e);
        if let Some((e2, k2)) = self.lits(
            k,
            lits!["a.m.", "p.m.", "am", "pm", "AM", "PM", "A.M.", "P.M."],
        ) {
            if self.is_alnum(e2) || !(1..=12).contains(&h) {
                return None;
            }
            let pm = matches!(k2, 1 | 3 | 5 | 7);
            let h = match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
            self.note(Rule::ClockTime);
            return Some((e2, TimeP::At(h, m.unwrap_or(0), 0)));
        }
        let m = m?;
        if hl > 2 {
            return None;
        }
        if let Some(why) = clock_invalid(h, m) {
            return Some((e, TimeP::Invalid(why)));
        }
        let h24 = apply_mer(h, Mer::None, hl == 2)?;
        self.note_clock(h, h24, Mer::None, hl == 2);
        Some((e, TimeP::At(h24, m, 0)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    WorkDay,
}

fn instant(d: NaiveDate, t: TimeP) -> Option<NaiveDateTime> {
    match t {
        TimeP::At(24, m, s) => (d + Duration::days(1)).and_hms_opt(0, m, s),
        TimeP::At(h, m, s) => d.and_hms_opt(h, m, s),
        TimeP::Slot | TimeP::Invalid(_) => None,
    }
}

/// Why `h:m` (two-digit minutes) cannot be a time of day, if it cannot.
fn clock_invalid(h: u32, m: u32) -> Option<InvalidReason> {
    if h > 24 {
        Some(InvalidReason::NoSuchHour { hour: h })
    } else if m > 59 {
        Some(InvalidReason::NoSuchMinute { minute: m })
    } else if h == 24 && m > 0 {
        Some(InvalidReason::PastMidnight { minute: m })
    } else {
        None
    }
}

/// Applies 上午/下午/中午 or the working-hours rule to an hour. `colon`: written in 24-hour
/// form (`05:30`, `17:00`), which the bare-hour rule leaves alone.
fn apply_mer(h: u32, mer: Mer, colon: bool) -> Option<u32> {
    Some(match mer {
        Mer::Pm => {
            if h < 12 {
                h + 12
            } else if h == 12 {
                // 晚上12点 is midnight at the end of the day
                24
            } else {
                h
            }
        }
        Mer::Am => {
            if h > 12 {
                return None;
            }
            h
        }
        Mer::Noon => {
            if h == 12 || h == 0 {
                12
            } else if h <= 2 {
                h + 12
            } else {
                h
            }
        }
        Mer::None => {
            if colon {
                // H:MM is the 24-hour form
                h
            } else if (1..=7).contains(&h) {
                h + 12
            } else {
                h
            }
        }
    })
}

/// The next day numbered `d` on or after `from` (this month, or the next month that has it).
fn next_day_numbered(from: NaiveDate, d: u32) -> Option<NaiveDate> {
    let (mut y, mut m) = (from.year(), from.month());
    for _ in 0..3 {
        if let Some(x) = NaiveDate::from_ymd_opt(y, m, d)
            && x >= from
        {
            return Some(x);
        }
        (y, m) = add_months(y, m, 1);
    }
    None
}

fn zh_value(s: &[char]) -> Option<u32> {
    if let Some(p) = s.iter().position(|c| *c == '十' || *c == '廿') {
        let mult = if s[p] == '廿' { 20 } else { 10 };
        let tens = match &s[..p] {
            [] => 1,
            [d] => zh_digit(*d)?,
            _ => return None,
        };
        if mult == 20 && p != 0 {
            return None;
        }
        let ones = match &s[p + 1..] {
            [] => 0,
            [d] => zh_digit(*d)?,
            _ => return None,
        };
        return Some(if mult == 20 {
            20 + ones
        } else {
            tens * 10 + ones
        });
    }
    // positional digits: 二〇二六, or a single digit
    let mut v = 0u32;
    for c in s {
        v = v * 10 + zh_digit(*c)?;
    }
    Some(v)
}

// Parsers of the office forms of TIME.md (issue 16), as more `impl S` blocks. Declared after
// the `lits!` macro so that they can use it.
mod context;
mod holiday;
mod quarter;
mod zone;
