//! Deadline expressions and the Chinese work calendar.
//!
//! [`scan`] finds time expressions in a text (Chinese and English), classifies each as a
//! [`ExprKind::Deadline`], [`ExprKind::Vague`] or [`ExprKind::Placeholder`], and resolves
//! deadlines to the latest instant by which the task must be done, following `TIME.md`.
//! [`Calendar`] knows working days (PRC statutory holidays and 调休 with `cn`).
//! This crate is pure apart from [`Calendar::from_file`]: the reference instant is always
//! an argument.

pub mod calendar;
pub mod holidays;
pub mod scan;

pub use calendar::{Calendar, CalendarError, WorkHours};
pub use scan::{
    Context, Detailed, ExprKind, Expression, ScanStats, WeekdayMismatch, scan, scan_detailed,
    weekday_mismatch,
};
