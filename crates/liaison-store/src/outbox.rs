//! The outbox and the IMAP folder cursors: operational state next to the ledger, not
//! derived from it (a rebuild leaves both alone).
//!
//! The outbox holds every mail liaison sends, keyed by Message-ID, with its bytes exactly as
//! they go to the server. Its state only moves by compare-and-set
//! ([`crate::Store::outbox_update`] names the states it expects), so two processes cannot
//! both claim one message; [`crate::Store::outbox_try_lock`] tells a process whether a
//! message in `sending` belongs to a live sender (the lock dies with its process).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where a message is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutboxState {
    /// Waiting for a person's approval (the runner's review queue).
    Draft,
    /// To be sent (now, or at `next_attempt_at` after a temporary failure).
    Queued,
    /// Claimed by a sender; the SMTP transaction may be under way.
    Sending,
    /// Accepted by the server.
    Sent,
    /// Refused for good (5xx), or out of attempts.
    Failed,
    /// Perhaps delivered, perhaps not: a person must decide (never re-sent by itself).
    Held,
}

impl OutboxState {
    /// Every state.
    pub const ALL: [OutboxState; 6] = [
        OutboxState::Draft,
        OutboxState::Queued,
        OutboxState::Sending,
        OutboxState::Sent,
        OutboxState::Failed,
        OutboxState::Held,
    ];

    /// The name stored and shown (`queued`, `sent` …).
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxState::Draft => "draft",
            OutboxState::Queued => "queued",
            OutboxState::Sending => "sending",
            OutboxState::Sent => "sent",
            OutboxState::Failed => "failed",
            OutboxState::Held => "held",
        }
    }

    /// Reads a stored name.
    pub fn parse(s: &str) -> Option<OutboxState> {
        OutboxState::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

impl std::fmt::Display for OutboxState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One message of the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    /// Message-ID without angle brackets: the key.
    pub message_id: String,
    /// Its state.
    pub state: OutboxState,
    /// The decoded subject.
    pub subject: String,
    /// The envelope sender (the From address).
    pub from: String,
    /// The To addresses (for display).
    pub to: Vec<String>,
    /// Every envelope recipient (To, Cc, Bcc).
    pub recipients: Vec<String>,
    /// The collaboration it serves, when known.
    pub collaboration: Option<String>,
    /// The action it carries out (`nudge`, `sync` …), when it comes from the runner.
    pub action: Option<String>,
    /// The bytes, exactly as handed to the server.
    pub bytes: Vec<u8>,
    /// SMTP transactions tried.
    pub attempts: u32,
    /// The last failure, as the server or network said it.
    pub last_error: Option<String>,
    /// When it entered the outbox.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// Not to be tried before this instant (after a temporary failure).
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// When the server accepted it.
    pub sent_at: Option<DateTime<Utc>>,
    /// The content was about to be handed to the server in the current attempt (recorded
    /// before the first byte of it left): after a crash, the message may have been
    /// delivered.
    pub handed_over: bool,
    /// Recorded as an outgoing message (stored raw and tracked).
    pub recorded: bool,
    /// The IMAP step is settled: appended to the Sent folder, or nothing to append it to
    /// (no `[imap]` when it was sent).
    pub appended: bool,
    /// The server's reply to the content.
    pub reply: Option<String>,
}

/// What was last read from one IMAP folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FolderCursor {
    /// The folder's UIDVALIDITY when it was read.
    pub uid_validity: u32,
    /// The highest UID read.
    pub last_uid: u32,
}

/// The addresses as stored (a JSON array).
pub(crate) fn addrs_json(v: &[String]) -> String {
    serde_json::to_string(v).expect("strings always serialise")
}

/// Reads [`addrs_json`].
pub(crate) fn parse_addrs(s: &str) -> crate::Result<Vec<String>> {
    serde_json::from_str(s).map_err(|e| crate::StoreError::corrupt("outbox addresses", e))
}

/// Reads a stored state.
pub(crate) fn parse_state(s: &str) -> crate::Result<OutboxState> {
    OutboxState::parse(s).ok_or_else(|| crate::StoreError::corrupt("outbox state", s))
}

/// The names of `states`, for `IN (…)` / `= ANY(…)`.
pub(crate) fn state_names(states: &[OutboxState]) -> Vec<&'static str> {
    states.iter().map(|s| s.as_str()).collect()
}

/// A stable 32-bit hash of a Message-ID (lock keys and lock-file buckets).
pub(crate) fn mid_hash(mid: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in mid.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The columns of the outbox, in the order both backends select them.
pub(crate) const COLUMNS: &str = "message_id, state, subject, sender, to_addrs, recipients, collaboration, action, bytes, attempts, last_error, created_at, updated_at, next_attempt_at, sent_at, handed_over, recorded, appended, reply";

/// The raw column values of one row (backend-independent).
pub(crate) struct Row {
    pub message_id: String,
    pub state: String,
    pub subject: String,
    pub sender: String,
    pub to_addrs: String,
    pub recipients: String,
    pub collaboration: Option<String>,
    pub action: Option<String>,
    pub bytes: Vec<u8>,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub next_attempt_at: Option<String>,
    pub sent_at: Option<String>,
    pub handed_over: bool,
    pub recorded: bool,
    pub appended: bool,
    pub reply: Option<String>,
}

impl Row {
    pub(crate) fn decode(self) -> crate::Result<OutboxEntry> {
        let ts = |s: Option<String>| s.map(|s| crate::schema::parse_ts(&s)).transpose();
        Ok(OutboxEntry {
            state: parse_state(&self.state)?,
            to: parse_addrs(&self.to_addrs)?,
            recipients: parse_addrs(&self.recipients)?,
            created_at: crate::schema::parse_ts(&self.created_at)?,
            updated_at: crate::schema::parse_ts(&self.updated_at)?,
            next_attempt_at: ts(self.next_attempt_at)?,
            sent_at: ts(self.sent_at)?,
            message_id: self.message_id,
            subject: self.subject,
            from: self.sender,
            collaboration: self.collaboration,
            action: self.action,
            bytes: self.bytes,
            attempts: u32::try_from(self.attempts.max(0)).unwrap_or(u32::MAX),
            last_error: self.last_error,
            handed_over: self.handed_over,
            recorded: self.recorded,
            appended: self.appended,
            reply: self.reply,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_round_trip() {
        for s in OutboxState::ALL {
            assert_eq!(OutboxState::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
        assert_eq!(OutboxState::parse("dropped"), None);
    }
}
