//! Collaborations as the tracker follows them: items, states and the append-only events.

use crate::{Kind, Urgency};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// The life-cycle state of a collaboration (DESIGN §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Composed, not yet sent.
    Draft,
    /// Sent, no reply yet.
    Sent,
    /// A counterpart replied.
    Acknowledged,
    /// Work is under way (a progress update or promise was seen).
    InProgress,
    /// Every item was delivered.
    Delivered,
    /// The deliveries were confirmed.
    Confirmed,
    /// The retrospective was held.
    Reviewed,
    /// Archived.
    Archived,
}

impl State {
    /// The machine name used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Sent => "sent",
            State::Acknowledged => "acknowledged",
            State::InProgress => "in-progress",
            State::Delivered => "delivered",
            State::Confirmed => "confirmed",
            State::Reviewed => "reviewed",
            State::Archived => "archived",
        }
    }
}

/// The status of one action item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemStatus {
    /// Not yet delivered.
    Open,
    /// Delivered, awaiting confirmation.
    Delivered,
    /// Confirmed by the requester.
    Confirmed,
    /// Past its deadline without delivery.
    Overdue,
    /// No longer needed.
    Dropped,
}

/// One action item: 做什么 / 谁来做 / 何时完成 / 交付标准.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    /// 做什么.
    pub what: String,
    /// 谁来做: email when known, else the name or department as written.
    pub owner: Option<String>,
    /// The deadline instant, when one could be resolved.
    pub due: Option<DateTime<FixedOffset>>,
    /// The deadline as written.
    pub due_text: Option<String>,
    /// 交付标准.
    pub standard: Option<String>,
    /// Current status.
    pub status: ItemStatus,
    /// A later time the owner promised (recorded from replies such as 预计今日18:00前提供).
    pub promised: Option<DateTime<FixedOffset>>,
}

/// What happened, as an append-only fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// The opening mail was sent.
    Sent,
    /// A counterpart replied.
    Replied,
    /// A nudge was sent.
    Nudged,
    /// A progress sync was sent.
    Synced,
    /// The collaboration was escalated.
    Escalated,
    /// Something was delivered.
    Delivered,
    /// A delivery was confirmed.
    Confirmed,
    /// The retrospective was done.
    Retro,
    /// The collaboration was archived.
    Archived,
    /// A deadline moved (a promise or a renegotiation).
    DeadlineChanged,
    /// A reply disputed or delayed.
    Disagreement,
    /// An item was dropped.
    Dropped,
    /// An automatic reply (out of office) came: not an answer.
    AutoReplied,
}

/// An event in a collaboration's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// When it happened.
    pub at: DateTime<FixedOffset>,
    /// Who caused it (email), when known.
    pub actor: Option<String>,
    /// The message it came from (Message-ID), if any.
    pub message_id: Option<String>,
    /// The item it concerns (0-based), if any.
    pub item: Option<usize>,
    /// Free detail (the promised time, the dispute phrase…).
    pub detail: Option<String>,
}

/// One thread of cross-department work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collaboration {
    /// Stable id (derived from the opening message).
    pub id: String,
    /// 协作类型.
    pub kind: Kind,
    /// 项目/主题.
    pub project: String,
    /// The opening subject.
    pub subject: String,
    /// 紧急程度.
    pub urgency: Option<Urgency>,
    /// The sender of the opening mail (ours).
    pub owner: String,
    /// To recipients of the opening mail.
    pub counterparts: Vec<String>,
    /// Cc recipients of the opening mail.
    pub cc: Vec<String>,
    /// When it started (the opening mail's date).
    pub started: DateTime<FixedOffset>,
    /// Current state.
    pub state: State,
    /// Action items.
    pub items: Vec<ActionItem>,
    /// Timeline, oldest first.
    pub events: Vec<Event>,
}
