//! The tracker's work on one ledger input against the store.
//!
//! A new message is indexed with its keys whether or not it belongs to a collaboration
//! yet (an orphan waits for its parent). Then the threads it touches are looked at:
//!
//! * **fast path** — it joins one thread, nothing in the store refers to it yet, and it is
//!   the latest message and event of that thread: the stored collaboration is folded
//!   forward by this one message (what a replay would do, since a replay is a fold in time
//!   order);
//! * otherwise the threads it touches are recomputed from their messages and manual
//!   events ([`super::replay`]): they may merge, split, gain an earlier opening mail or
//!   receive a message in the middle of their history.
//!
//! Either way the stored state equals a recomputation from scratch of the whole ledger
//! ([`super::full`]), whatever order the inputs arrived in; the property tests hold this.

use super::graph::components;
use super::index::{Direct, Source};
use super::info::{MessageInfo, SortKey};
use super::memo;
use super::replay::{Member, opener, replay};
use crate::tracker::{TrackerConfig, TrackerError};
use liaison_model::Event;
use liaison_store::{Changes, Input, InputKind, KeyRole, MessageRow, Store};
use std::collections::BTreeSet;

/// What [`Store::apply`] must write for `input`. Call under [`Store::lock_tracker`].
pub fn track_input(
    store: &mut dyn Store,
    input: &Input,
    cfg: &TrackerConfig,
) -> Result<Changes, TrackerError> {
    track_read(store, input, None, cfg)
}

/// What the tracker reads of `input` without the store: the message parsed, its keys and,
/// for an opening mail, its collaboration ([`MessageInfo::read`]); `None` for a manual
/// input. A pure function, so ingest runs it in parser threads ahead of the writer.
pub fn read_input(input: &Input, cfg: &TrackerConfig) -> Option<MessageInfo> {
    match &input.kind {
        InputKind::Message { sha256, bytes, .. } => {
            Some(MessageInfo::read(bytes, sha256, input.seq, cfg))
        }
        InputKind::Manual { .. } => None,
    }
}

/// [`track_input`] with the message already read by [`read_input`] (`None`: read it here).
pub fn track_read(
    store: &mut dyn Store,
    input: &Input,
    read: Option<MessageInfo>,
    cfg: &TrackerConfig,
) -> Result<Changes, TrackerError> {
    track_from(&mut Direct(store), input, read, cfg)
}

/// [`track_read`] reading through `store` (the store itself, or the ingest's index).
pub(crate) fn track_from(
    store: &mut dyn Source,
    input: &Input,
    read: Option<MessageInfo>,
    cfg: &TrackerConfig,
) -> Result<Changes, TrackerError> {
    let mut changes = Changes {
        input: Some(input.seq),
        ..Changes::default()
    };
    match &input.kind {
        InputKind::Message { sha256, bytes, .. } => {
            let info = match read {
                Some(info) if info.row.sha256 == *sha256 && info.row.seq == input.seq => info,
                _ => MessageInfo::read(bytes, sha256, input.seq, cfg),
            };
            track_message(store, info, bytes, cfg, &mut changes)?;
        }
        InputKind::Manual {
            collaboration,
            event,
        } => track_manual(store, input.seq, collaboration, event, cfg, &mut changes)?,
    }
    Ok(changes)
}

fn track_message(
    store: &mut dyn Source,
    info: MessageInfo,
    raw: &[u8],
    cfg: &TrackerConfig,
    changes: &mut Changes,
) -> Result<(), TrackerError> {
    let sha = info.row.sha256.clone();
    let lookups: Vec<String> = info
        .row
        .keys
        .strong
        .iter()
        .chain(&info.row.keys.weak)
        .cloned()
        .collect();
    // Kept (not copied) for later replays of its thread; `info` is the kept reading.
    let new = memo::remember(info, raw);
    let info = &new.info;
    let targets = store.messages_by_key(&lookups, &[KeyRole::Own])?;
    let lookers = store.messages_by_key(&info.row.keys.own, &[KeyRole::Strong, KeyRole::Weak])?;
    let threads: BTreeSet<String> = targets
        .iter()
        .chain(&lookers)
        .filter(|h| h.sha256 != sha)
        .map(|h| h.thread.clone())
        .collect();
    let referred_to = lookers
        .iter()
        .any(|h| h.role == KeyRole::Strong && h.sha256 != sha);

    if threads.is_empty() {
        let mut row = info.row.clone();
        row.thread = sha.clone();
        if let Some(c) = info.collaboration(&new.raw, cfg) {
            if !store.manual_events(&c.id)?.is_empty() {
                // Marks recorded for this collaboration before this copy of its opening
                // mail arrived: replay them in their place.
                return recompute(store, Vec::new(), Some(new), cfg, changes);
            }
            row.thread = c.id.clone();
            row.collaboration = Some(c.id.clone());
            changes.collaborations.push(c);
        }
        changes.messages.push(row);
        return Ok(());
    }

    let threads: Vec<String> = threads.into_iter().collect();
    let members = store.thread_members(&threads)?;
    if threads.len() == 1
        && !referred_to
        && fast_path(store, info, &new.raw, &members, cfg, changes)?
    {
        return Ok(());
    }
    recompute(store, members, Some(new), cfg, changes)
}

/// Folds `info` onto its one thread when that gives what a replay would; false (nothing
/// added to `changes`) when a replay is needed.
fn fast_path(
    store: &mut dyn Source,
    info: &MessageInfo,
    raw: &[u8],
    members: &[MessageRow],
    cfg: &TrackerConfig,
    changes: &mut Changes,
) -> Result<bool, TrackerError> {
    // The rows borrowed, not copied: this runs for almost every message of an ingest.
    let rows: Vec<&MessageRow> = members.iter().chain([&info.row]).collect();
    if components(&rows).len() != 1 {
        return Ok(false);
    }
    let key = info.key();
    if members.iter().any(|m| SortKey::of(m) >= key) {
        return Ok(false);
    }
    let thread = members[0].thread.clone();
    let collab = members[0].collaboration.clone();
    let mut row = info.row.clone();
    row.thread = thread.clone();
    match collab {
        Some(id) => {
            let Some(mut c) = store.collaboration(&id)? else {
                return Ok(false);
            };
            let manual = store.manual_events(&id)?;
            if manual.iter().any(|(_, e)| key.before_instant(e.at)) {
                return Ok(false);
            }
            let duplicate = info.row.message_id.is_some()
                && members.iter().any(|m| m.message_id == info.row.message_id);
            if !duplicate {
                memo::apply_message(&mut c, info, cfg);
            }
            row.collaboration = Some(id);
            changes.collaborations.push(c);
        }
        None if info.row.opener => {
            // The first opening mail of a thread that had none: it is the latest message,
            // so the earlier ones stay outside the collaboration, as in a replay.
            let Some(c) = info.collaboration(raw, cfg) else {
                return Ok(false);
            };
            if !store.manual_events(&c.id)?.is_empty() {
                return Ok(false);
            }
            for m in members {
                let mut m = m.clone();
                m.thread = c.id.clone();
                m.collaboration = Some(c.id.clone());
                changes.messages.push(m);
            }
            row.thread = c.id.clone();
            row.collaboration = Some(c.id.clone());
            changes.collaborations.push(c);
        }
        None => {}
    }
    changes.messages.push(row);
    Ok(true)
}

/// Recomputes the threads of `members` (plus the new message, if any) from scratch and
/// writes every row and collaboration that results; collaborations that no longer have an
/// opening mail are removed.
fn recompute(
    store: &mut dyn Source,
    members: Vec<MessageRow>,
    new: Option<Member>,
    cfg: &TrackerConfig,
    changes: &mut Changes,
) -> Result<(), TrackerError> {
    let before: BTreeSet<String> = members
        .iter()
        .filter_map(|m| m.collaboration.clone())
        .collect();
    // What the index holds now, so rows a replay leaves as they are are not rewritten.
    let stored: std::collections::HashMap<String, (String, Option<String>, bool)> = members
        .iter()
        .map(|m| {
            (
                m.sha256.clone(),
                (m.thread.clone(), m.collaboration.clone(), m.opener),
            )
        })
        .collect();
    let mut all: Vec<Option<Member>> = Vec::with_capacity(members.len() + 1);
    for m in members {
        all.push(Some(load_member(store, &m, cfg)?));
    }
    if let Some(new) = new {
        all.push(Some(new));
    }
    let comps = {
        let rows: Vec<&MessageRow> = all.iter().flatten().map(|m| &m.info.row).collect();
        components(&rows)
    };
    let mut after = BTreeSet::new();
    for comp in comps {
        // Each index is in exactly one component.
        let part: Vec<Member> = comp.iter().filter_map(|&i| all[i].take()).collect();
        let (thread, collab) = match opener(&part) {
            Some((oi, id)) => {
                let manual = store.manual_events(&id)?;
                match replay(&part, oi, &manual, cfg) {
                    Some(c) => {
                        let id = c.id.clone();
                        changes.collaborations.push(c);
                        after.insert(id.clone());
                        (id.clone(), Some(id))
                    }
                    None => (min_sha(&part), None),
                }
            }
            None => (min_sha(&part), None),
        };
        for m in part {
            let mut row = m.info.row.clone();
            row.thread = thread.clone();
            row.collaboration = collab.clone();
            let same = stored.get(&row.sha256).is_some_and(|(t, c, o)| {
                *t == row.thread && *c == row.collaboration && *o == row.opener
            });
            if !same {
                changes.messages.push(row);
            }
        }
    }
    changes.removed = before.difference(&after).cloned().collect();
    Ok(())
}

/// A thread member read from the raw store (or from what this ingest already read).
fn load_member(
    store: &mut dyn Source,
    m: &MessageRow,
    cfg: &TrackerConfig,
) -> Result<Member, TrackerError> {
    memo::member(&m.sha256, m.seq, || {
        let Some(raw) = store.raw(&m.sha256)? else {
            return Err(TrackerError::MissingRaw(m.sha256.clone()));
        };
        Ok(Member {
            info: MessageInfo::read(&raw.bytes, &m.sha256, m.seq, cfg).into(),
            raw: raw.bytes.into(),
        })
    })
}

fn min_sha(part: &[Member]) -> String {
    part.iter()
        .map(|m| m.info.row.sha256.as_str())
        .min()
        .unwrap_or_default()
        .to_string()
}

fn track_manual(
    store: &mut dyn Source,
    seq: i64,
    collaboration: &str,
    event: &Event,
    cfg: &TrackerConfig,
    changes: &mut Changes,
) -> Result<(), TrackerError> {
    // A mark for a collaboration that does not exist (yet): nothing to write now. The entry
    // is applied and stays in the ledger, so a replay that later produces this collaboration
    // includes it.
    let Some(mut c) = store.collaboration(collaboration)? else {
        return Ok(());
    };
    let members = store.thread_members(&[collaboration.to_string()])?;
    let manual = store.manual_events(collaboration)?;
    let at = event.at.with_timezone(&chrono::Utc);
    let last_manual = manual
        .iter()
        .map(|(_, e)| e.at.with_timezone(&chrono::Utc))
        .max();
    let latest = members
        .iter()
        .all(|m| SortKey::of(m).before_instant(event.at))
        && last_manual.is_none_or(|l| l <= at);
    if latest {
        crate::tracker::apply_manual(&mut c, event.clone());
        changes.collaborations.push(c);
        return Ok(());
    }
    // A mark back in time: replay the thread with it in its place. The store does not list
    // this entry among the applied ones yet, so it is added here.
    recompute_with_manual(
        store,
        members,
        collaboration,
        (seq, event.clone()),
        cfg,
        changes,
    )
}

fn recompute_with_manual(
    store: &mut dyn Source,
    members: Vec<MessageRow>,
    collaboration: &str,
    extra: (i64, Event),
    cfg: &TrackerConfig,
    changes: &mut Changes,
) -> Result<(), TrackerError> {
    let mut all = Vec::with_capacity(members.len());
    for m in &members {
        all.push(load_member(store, m, cfg)?);
    }
    let Some((oi, id)) = opener(&all) else {
        return Ok(());
    };
    if id != collaboration {
        return Ok(());
    }
    let mut manual = store.manual_events(&id)?;
    manual.push(extra);
    if let Some(c) = replay(&all, oi, &manual, cfg) {
        changes.collaborations.push(c);
    }
    Ok(())
}
