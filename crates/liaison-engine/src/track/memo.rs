//! What the tracker already read, kept for the length of an ingest.
//!
//! A message that lands in the middle of its thread's history (mail arrives out of date
//! order all the time: INBOX and Sent imported separately, replies dated before what they
//! answer) makes the tracker replay the whole thread. Without memory, every replay parsed
//! every member again and read every reply again, so a thread of n messages cost O(n²)
//! reads. Both are pure functions of their inputs, so their results are kept here:
//!
//! * a member (raw bytes and [`MessageInfo`], which holds the reply read as far as it can
//!   be without the items) by SHA-256 and ledger entry.
//!
//! The memory is a thread-local installed by [`scope`] (the ingest, or one run of the
//! tracker) for one configuration, and dropped when the scope ends; outside a scope nothing
//! is kept. The table is bounded: when full it is emptied (a miss only costs a read).

use super::info::MessageInfo;
use super::replay::Member;
use crate::tracker::{TrackerConfig, apply_message_read, item_refs, read_reply};
use liaison_model::{Collaboration, Event};
use std::cell::RefCell;
use std::collections::HashMap;

/// Members kept at most (about the raw size plus the parsed message each).
const MEMBERS: usize = 4096;
#[derive(Default)]
struct Memo {
    members: HashMap<(String, i64), Member>,
}

thread_local! {
    static MEMO: RefCell<Option<Memo>> = const { RefCell::new(None) };
}

/// Runs `f` with the memory installed (one configuration for the whole of `f`). Nested
/// scopes share the outer one.
pub(crate) fn scope<T>(f: impl FnOnce() -> T) -> T {
    struct Guard(bool);
    impl Drop for Guard {
        fn drop(&mut self) {
            if self.0 {
                MEMO.with(|m| *m.borrow_mut() = None);
            }
        }
    }
    let installed = MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.is_none() {
            *m = Some(Memo::default());
            true
        } else {
            false
        }
    });
    let _guard = Guard(installed);
    f()
}

/// The member stored under `sha256` (ledger entry `seq`), read by `load` on a miss.
pub(crate) fn member<E>(
    sha256: &str,
    seq: i64,
    load: impl FnOnce() -> Result<Member, E>,
) -> Result<Member, E> {
    let key = (sha256.to_string(), seq);
    if let Some(m) = MEMO.with(|m| {
        m.borrow()
            .as_ref()
            .and_then(|m| m.members.get(&key).cloned())
    }) {
        return Ok(m);
    }
    let m = load()?;
    MEMO.with(|memo| {
        if let Some(memo) = memo.borrow_mut().as_mut() {
            if memo.members.len() >= MEMBERS {
                memo.members.clear();
            }
            memo.members.insert(key, m.clone());
        }
    });
    Ok(m)
}

/// Remembers a member the tracker has just read (the new message of an input), so a later
/// replay of its thread does not parse it again; returns it (shared with the memory).
pub(crate) fn remember(info: MessageInfo, raw: &[u8]) -> Member {
    let m = Member {
        info: info.into(),
        raw: raw.into(),
    };
    MEMO.with(|memo| {
        if let Some(memo) = memo.borrow_mut().as_mut() {
            if memo.members.len() >= MEMBERS {
                memo.members.clear();
            }
            memo.members
                .entry((m.info.row.sha256.clone(), m.info.row.seq))
                .or_insert_with(|| m.clone());
        }
    });
    m
}

/// [`crate::tracker::apply_message`] of a message read by [`MessageInfo::read`]: its reply
/// as the parser threads prepared it, pointed at the collaboration's items as they are now
/// (a replay applies the same reply to items that have moved since).
pub(crate) fn apply_message(
    c: &mut Collaboration,
    info: &MessageInfo,
    cfg: &TrackerConfig,
) -> Vec<Event> {
    let m = &info.message;
    apply_message_read(c, m, cfg, |c| match &info.reply {
        Some(prepared) => prepared.against(&item_refs(c)),
        None => read_reply(c, m, cfg),
    })
}
