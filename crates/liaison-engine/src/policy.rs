//! `[policy]`: the planner's timings, with the guide's defaults.

use serde::{Deserialize, Serialize};

/// Planner timings, deserialised from the `[policy]` section of `liaison.toml`.
///
/// ```toml
/// [policy]
/// reply_window_hours = 24          # clock hours before an unanswered mail is nudged
/// urgent_reply_working_hours = 4   # 紧急: working hours
/// sync_every_working_days = 2      # progress sync cadence for long collaborations
/// sync_overdue_working_days = 3    # a sync older than this is overdue
/// sync_min_span_days = 3           # only collaborations whose last deadline is further out
/// nudges_before_escalation = 2     # unanswered nudges that trigger an escalation
/// confirm_within_hours = 24        # confirm a delivery within this many hours
/// retro_within_working_days = 3    # retro after confirmation when anything slipped
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Clock hours an opening mail or nudge may stay unanswered before the next nudge.
    pub reply_window_hours: u32,
    /// For 紧急 mails: working hours before a nudge.
    pub urgent_reply_working_hours: u32,
    /// Working days between progress syncs.
    pub sync_every_working_days: u32,
    /// Working days after which an owed sync is overdue.
    pub sync_overdue_working_days: u32,
    /// Syncs are owed only when the last deadline is more than this many days after the start.
    pub sync_min_span_days: u32,
    /// Unanswered nudges (to one person) that trigger an escalation.
    pub nudges_before_escalation: u32,
    /// Hours within which a delivery must be confirmed.
    pub confirm_within_hours: u32,
    /// Working days after confirmation within which a retro is due (when anything slipped).
    pub retro_within_working_days: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            reply_window_hours: 24,
            urgent_reply_working_hours: 4,
            sync_every_working_days: 2,
            sync_overdue_working_days: 3,
            sync_min_span_days: 3,
            nudges_before_escalation: 2,
            confirm_within_hours: 24,
            retro_within_working_days: 3,
        }
    }
}
