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

/// Members kept per generation (about the raw size plus the parsed message each; 4,096 at
/// most in all, the bound of the single table before).
const MEMBERS: usize = 2048;
/// Two generations of members: new ones go to `young`; when it is full, `old` is dropped
/// and `young` becomes `old`. A member found in `old` moves back to `young`. So the members
/// used since the last turn are always kept, and the table holds at most twice
/// [`MEMBERS`]. (Emptying the whole table when full, as before, dropped the threads being
/// worked on too: a replay just after it read every member of its thread again, opening
/// mails' anatomy included, on the writer.)
#[derive(Default)]
struct Memo {
    young: HashMap<(String, i64), Member>,
    old: HashMap<(String, i64), Member>,
}

impl Memo {
    fn get(&mut self, key: &(String, i64)) -> Option<Member> {
        if let Some(m) = self.young.get(key) {
            return Some(m.clone());
        }
        let m = self.old.remove(key)?;
        self.put(key.clone(), m.clone());
        Some(m)
    }

    fn put(&mut self, key: (String, i64), m: Member) {
        if self.young.len() >= MEMBERS {
            self.old = std::mem::take(&mut self.young);
        }
        self.young.insert(key, m);
    }
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
    if let Some(m) = MEMO.with(|m| m.borrow_mut().as_mut().and_then(|m| m.get(&key))) {
        return Ok(m);
    }
    let m = load()?;
    MEMO.with(|memo| {
        if let Some(memo) = memo.borrow_mut().as_mut() {
            memo.put(key, m.clone());
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
            let key = (m.info.row.sha256.clone(), m.info.row.seq);
            if memo.get(&key).is_none() {
                memo.put(key, m.clone());
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use liaison_mail::Message;
    use liaison_store::MessageRow;
    use std::cell::Cell;

    fn member_of(n: i64) -> Member {
        let raw = format!("Message-ID: <m{n}@example.com>\r\nSubject: x\r\n\r\nbody\r\n");
        let sha = format!("{n:064}");
        let info = MessageInfo {
            row: MessageRow {
                sha256: sha,
                seq: n,
                message_id: None,
                date: None,
                opener: false,
                thread: String::new(),
                collaboration: None,
                keys: Default::default(),
            },
            message: Message::parse(raw.as_bytes()),
            opened: Default::default(),
            reply: None,
        };
        Member {
            info: info.into(),
            raw: raw.as_bytes().into(),
        }
    }

    /// Loads `n` through the memory, counting the loads (misses).
    fn fetch(n: i64, loads: &Cell<usize>) -> Member {
        member(&format!("{n:064}"), n, || {
            loads.set(loads.get() + 1);
            Ok::<_, ()>(member_of(n))
        })
        .unwrap()
    }

    #[test]
    fn members_in_use_survive_the_table_filling_up() {
        scope(|| {
            let loads = Cell::new(0);
            fetch(0, &loads);
            // Many more members than the table holds, with member 0 used all along (a
            // thread being replayed while the import goes on).
            for n in 1..(5 * MEMBERS as i64) {
                fetch(n, &loads);
                if n % 100 == 0 {
                    fetch(0, &loads);
                }
            }
            let before = loads.get();
            assert_eq!(before, 5 * MEMBERS, "every member loaded once");
            fetch(0, &loads);
            assert_eq!(loads.get(), before, "member 0 was dropped although in use");
            // A member not used for two turns is dropped (the table is bounded).
            fetch(1, &loads);
            assert_eq!(loads.get(), before + 1);
            MEMO.with(|m| {
                let m = m.borrow();
                let m = m.as_ref().unwrap();
                assert!(m.young.len() + m.old.len() <= 2 * MEMBERS);
            });
        });
    }
}
