//! What the threading index keeps of one message: its keys, its date and whether it can
//! open a collaboration.

use crate::thread;
use crate::tracker::{TrackerConfig, open, opens, prepare_reply};
use chrono::{DateTime, FixedOffset, Utc};
use liaison_anatomy::reply::Prepared;
use liaison_mail::Message;
use liaison_model::Collaboration;
use liaison_store::{MessageKeys, MessageRow};
use std::sync::OnceLock;

/// A message read for threading.
#[derive(Debug, Clone)]
pub struct MessageInfo {
    /// The row the index keeps (thread and collaboration still to be decided).
    pub row: MessageRow,
    /// The parsed message.
    pub message: Message,
    /// The collaboration this message opens ([`open`]), once read: read ahead for a fresh
    /// opening mail (one that refers to nothing), in the parser threads rather than the
    /// writer; for an opening mail that replies to something (our own nudges and syncs
    /// carry the tag too, and almost always join the collaboration already open), read by
    /// [`MessageInfo::collaboration`] the first time the tracker needs it. Kept either way:
    /// a member is shared by every replay of its thread, and each replay starts from its
    /// opening mail's collaboration, so without it each replay read the opener's anatomy
    /// (the costly part) again.
    pub opened: OnceLock<Option<Collaboration>>,
    /// The reply read as far as it can be without the items
    /// ([`liaison_anatomy::reply::prepare`]), for a message that can join a collaboration
    /// (it answers something, or carries a 【类型】 tag): read in the parser threads, since
    /// it is the costliest part of applying a reply; `None` otherwise (the tracker reads
    /// it if it ever needs it).
    pub reply: Option<Prepared>,
}

/// Where a message falls in replay order: by date (a message without one comes after every
/// dated one), then by SHA-256, so any two distinct messages are ordered the same way
/// whatever order they arrived in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SortKey {
    /// The Date in UTC; `None` sorts last.
    pub undated: bool,
    /// The instant.
    pub at: DateTime<Utc>,
    /// SHA-256 of the raw bytes.
    pub sha256: String,
}

impl SortKey {
    /// The key of a row.
    pub fn of(row: &MessageRow) -> SortKey {
        SortKey {
            undated: row.date.is_none(),
            at: row
                .date
                .map(|d| d.with_timezone(&Utc))
                .unwrap_or(DateTime::<Utc>::MIN_UTC),
            sha256: row.sha256.clone(),
        }
    }

    /// True when a manual event at `at` comes after this message (a message and a manual
    /// event at the same instant: the message first).
    pub fn before_instant(&self, at: DateTime<FixedOffset>) -> bool {
        !self.undated && self.at <= at.with_timezone(&Utc)
    }
}

impl MessageInfo {
    /// Reads `raw` (the message stored under `sha256`, ledger entry `seq`).
    pub fn read(raw: &[u8], sha256: &str, seq: i64, cfg: &TrackerConfig) -> MessageInfo {
        Self::read_with(raw, sha256, seq, cfg, true)
    }

    /// The row only ([`MessageInfo::read`] without the reply's reading: for threading
    /// every message of a store, where most are never applied as replies).
    pub fn row(raw: &[u8], sha256: &str, seq: i64, cfg: &TrackerConfig) -> MessageRow {
        Self::read_with(raw, sha256, seq, cfg, false).row
    }

    fn read_with(
        raw: &[u8],
        sha256: &str,
        seq: i64,
        cfg: &TrackerConfig,
        reply: bool,
    ) -> MessageInfo {
        let message = Message::parse(raw);
        let k = thread::keys(&message);
        // Subject keys only for subjects with a 【类型】 tag: untagged subjects ("Re: 周报")
        // never reach a collaboration by subject, and indexing them would join thousands of
        // unrelated mails into giant threads.
        let tagged = k.topic.starts_with('【');
        let is_subject = |key: &String| key.starts_with("subj:");
        let mut keys = MessageKeys::default();
        for key in &k.own {
            if !is_subject(key) || tagged {
                keys.own.push(key.clone());
            }
        }
        for key in &k.lookup {
            if is_subject(key) {
                if tagged {
                    keys.weak.push(key.clone());
                }
            } else {
                keys.strong.push(key.clone());
            }
        }
        // Whether it opens a collaboration is decided by the subject; the collaboration
        // itself (the anatomy: the costly part) is read ahead only for a fresh opening mail.
        let opener = opens(&message, cfg);
        let fresh_opener = opener && keys.strong.is_empty();
        let opened = OnceLock::new();
        if fresh_opener {
            let _ = opened.set(open(&message, raw, cfg));
        }
        // Read ahead only what will most likely be applied as a reply: a tagged message (an
        // untagged one reaches a collaboration only by its references, and most of those
        // are personal threads), but not a fresh opening mail, which opens its own
        // collaboration rather than joining one. Whatever is not read here is read by the
        // tracker when it is applied.
        let reply = (reply && tagged && !fresh_opener).then(|| prepare_reply(&message, cfg));
        MessageInfo {
            row: MessageRow {
                sha256: sha256.to_string(),
                seq,
                message_id: message.message_id.clone(),
                date: message.date,
                opener,
                thread: String::new(),
                collaboration: None,
                keys,
            },
            message,
            opened,
            reply,
        }
    }

    /// The collaboration this message opens (its `raw` bytes given): the one read ahead,
    /// else read now; `None` when it is no opening mail.
    pub fn collaboration(&self, raw: &[u8], cfg: &TrackerConfig) -> Option<Collaboration> {
        if !self.row.opener {
            return None;
        }
        self.opened
            .get_or_init(|| open(&self.message, raw, cfg))
            .clone()
    }

    /// Its replay order key.
    pub fn key(&self) -> SortKey {
        SortKey::of(&self.row)
    }
}
