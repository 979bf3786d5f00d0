//! The scanner: find, classify and resolve time expressions.

use crate::{Calendar, WorkHours};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

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
}

/// What expressions are resolved against.
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

/// Finds every time expression in `text`, in order of position.
pub fn scan(text: &str, ctx: &Context) -> Vec<Expression> {
    let _ = (text, ctx);
    Vec::new()
}
