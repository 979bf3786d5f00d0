//! Deadline expressions and the Chinese work calendar.
//!
//! [`scan()`] finds time expressions in a text (Chinese and English), classifies each as a
//! [`ExprKind::Deadline`], [`ExprKind::Vague`], [`ExprKind::Placeholder`] or
//! [`ExprKind::Invalid`] (a date that cannot exist, with its [`InvalidReason`]), and resolves
//! deadlines to the latest instant by which the task must be done, following `TIME.md`.
//! Numbers that are not dates (section numbers, counts, ctime and RFC 5322 timestamps) are
//! not returned at all.
//! [`Calendar`] knows working days (PRC statutory holidays and 调休 with `cn`).
//! This crate is pure apart from [`Calendar::from_file`]: the reference instant is always
//! an argument.
//!
//! ```
//! use liaison_time::{scan, Calendar, Context, ExprKind};
//! let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
//! let ctx = Context::new(now).with_calendar(Calendar::cn());
//! let found = scan("请于12月3日前提交，下周五下班前给结论，尽快回复，X月X日前反馈", &ctx);
//! assert_eq!(found[0].text, "12月3日前");
//! assert_eq!(found[0].value.unwrap().to_rfc3339(), "2026-12-03T23:59:59+08:00");
//! assert_eq!(found[1].value.unwrap().to_rfc3339(), "2026-12-11T18:00:00+08:00");
//! assert_eq!(found[2].kind, ExprKind::Vague);
//! assert_eq!(found[3].kind, ExprKind::Placeholder);
//! ```
//!
//! For the linter, [`scan_detailed`] also returns each date's weekday mismatch
//! (`12月3日（周五）`: the date wins), the anchor of a hedged date as a hint, and for
//! `liaison time --explain` the [`Rule`]s that fired and the calendar days that were walked.
//! [`scan_detailed_skipping`] leaves given byte ranges out (a quoted reply header, say).

pub mod calendar;
pub mod explain;
pub mod holidays;
pub mod scan;
pub mod zones;

pub use calendar::{Calendar, CalendarError, WorkHours, WorkingDaySet};
pub use explain::{Rule, Rules};
pub use scan::{
    Context, Detailed, ExprKind, Expression, InvalidReason, ScanStats, WeekdayMismatch, scan,
    scan_detailed, scan_detailed_skipping, weekday_mismatch,
};
