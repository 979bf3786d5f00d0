//! A thread replayed into its collaboration.
//!
//! The collaboration of a thread is a pure function of the thread's messages and the
//! manual events recorded for it: the earliest opening mail (by [`SortKey`]) opens it, and
//! every later message and manual event is applied in time order (a message and a manual
//! event at the same instant: the message first; two manual events: ledger order).
//! Messages dated before the opening mail belong to the thread but not to the
//! collaboration. A Message-ID seen twice (the copy in Sent and the one in a recipient's
//! INBOX) counts once.

use super::info::{MessageInfo, SortKey};
use crate::tracker::{TrackerConfig, apply_manual, collaboration_id};
use liaison_model::{Collaboration, Event};
use std::collections::HashSet;
use std::sync::Arc;

/// One message of a thread with its raw bytes. Both are shared, not copied: the tracker's
/// memory ([`super::memo`]) hands the same member to every replay of its thread.
#[derive(Debug, Clone)]
pub struct Member {
    /// What the index knows of it.
    pub info: Arc<MessageInfo>,
    /// The raw message.
    pub raw: Arc<[u8]>,
}

/// The opening mail of a thread (index into `members`) and the id of its collaboration.
pub fn opener(members: &[Member]) -> Option<(usize, String)> {
    let i = (0..members.len())
        .filter(|&i| members[i].info.row.opener)
        .min_by_key(|&i| members[i].info.key())?;
    let m = &members[i];
    Some((i, collaboration_id(&m.info.message, &m.raw)))
}

/// Replays a thread whose opening mail is `members[opener]`. `manual` holds the manual
/// events recorded for that collaboration with their ledger sequence numbers.
pub fn replay(
    members: &[Member],
    opener_index: usize,
    manual: &[(i64, Event)],
    cfg: &TrackerConfig,
) -> Option<Collaboration> {
    let first = &members[opener_index];
    let mut c = first.info.collaboration(&first.raw, cfg)?;
    let start = first.info.key();
    let mut later: Vec<(SortKey, &Member)> = members
        .iter()
        .map(|m| (m.info.key(), m))
        .filter(|(k, _)| *k > start)
        .collect();
    later.sort_by(|a, b| a.0.cmp(&b.0));
    let mut seen: HashSet<&str> = first.info.row.message_id.as_deref().into_iter().collect();
    let mut manual: Vec<&(i64, Event)> = manual.iter().collect();
    manual.sort_by_key(|(seq, e)| (e.at.with_timezone(&chrono::Utc), *seq));
    let mut manual = manual.into_iter().peekable();
    for (key, m) in later {
        while let Some((_, e)) = manual.next_if(|(_, e)| !key.before_instant(e.at)) {
            apply_manual(&mut c, e.clone());
        }
        if let Some(id) = m.info.row.message_id.as_deref()
            && !seen.insert(id)
        {
            continue;
        }
        super::memo::apply_message(&mut c, &m.info, cfg);
    }
    for (_, e) in manual {
        apply_manual(&mut c, e.clone());
    }
    Some(c)
}
