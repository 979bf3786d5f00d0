//! What the tracker already read, kept for the length of an ingest.
//!
//! A message that lands in the middle of its thread's history (mail arrives out of date
//! order all the time: INBOX and Sent imported separately, replies dated before what they
//! answer) makes the tracker replay the whole thread. Without memory, every replay parsed
//! every member again and read every reply again, so a thread of n messages cost O(n²)
//! reads. Both are pure functions of their inputs, so their results are kept here:
//!
//! * a member (raw bytes and [`MessageInfo`]) by SHA-256 and ledger entry;
//! * a reply reading by SHA-256 and the items it was read against (what it depends on
//!   besides the message and the configuration).
//!
//! The memory is a thread-local installed by [`scope`] (the ingest, or one run of the
//! tracker) for one configuration, and dropped when the scope ends; outside a scope nothing
//! is kept. Each table is bounded: when full it is emptied (a miss only costs a read).

use super::info::MessageInfo;
use super::replay::Member;
use crate::tracker::{TrackerConfig, apply_message_read, read_reply};
use chrono::{DateTime, FixedOffset};
use liaison_anatomy::reply::ReplyReading;
use liaison_mail::Message;
use liaison_model::{Collaboration, Event};
use std::cell::RefCell;
use std::collections::HashMap;

/// Members kept at most (about the raw size plus the parsed message each).
const MEMBERS: usize = 4096;
/// Reply readings kept at most.
const READINGS: usize = 32_768;

type Items = Vec<(String, Option<String>, Option<DateTime<FixedOffset>>)>;

#[derive(Default)]
struct Memo {
    members: HashMap<(String, i64), Member>,
    readings: HashMap<(String, Items), ReplyReading>,
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

/// [`crate::tracker::apply_message`] of the message stored under `sha256`, its reply
/// reading taken from memory when it was read against the same items before.
pub(crate) fn apply_message(
    c: &mut Collaboration,
    sha256: &str,
    m: &Message,
    cfg: &TrackerConfig,
) -> Vec<Event> {
    apply_message_read(c, m, cfg, |c| {
        let installed = MEMO.with(|memo| memo.borrow().is_some());
        if !installed {
            return read_reply(c, m, cfg);
        }
        let items: Items = c
            .items
            .iter()
            .map(|i| (i.what.clone(), i.owner.clone(), i.promised.or(i.due)))
            .collect();
        let key = (sha256.to_string(), items);
        if let Some(r) = MEMO.with(|memo| {
            memo.borrow()
                .as_ref()
                .and_then(|memo| memo.readings.get(&key).cloned())
        }) {
            return r;
        }
        let r = read_reply(c, m, cfg);
        MEMO.with(|memo| {
            if let Some(memo) = memo.borrow_mut().as_mut() {
                if memo.readings.len() >= READINGS {
                    memo.readings.clear();
                }
                memo.readings.insert(key, r.clone());
            }
        });
        r
    })
}
