//! Every collaboration recomputed from the whole ledger at once (`liaison rebuild`).
//!
//! This is deliberately a different algorithm from the incremental tracker
//! ([`super::incremental`]): all messages are read, threads are formed over all of them in
//! one pass ([`super::graph::components`]) and every thread with an opening mail is
//! replayed ([`super::replay`]). The two must agree whatever order the inputs arrived in.

use super::graph::components;
use super::info::MessageInfo;
use super::replay::{Member, opener, replay};
use crate::tracker::{TrackerConfig, TrackerError};
use liaison_model::{Collaboration, Event};
use liaison_store::{InputKind, MessageRow, Store};
use std::collections::BTreeMap;

/// What a full recomputation produced.
#[derive(Debug, Clone, Default)]
pub struct Recomputed {
    /// Every collaboration, ordered by start time then id.
    pub collaborations: Vec<Collaboration>,
    /// Every message's collaboration (SHA-256 → id), for messages that have one.
    pub membership: BTreeMap<String, String>,
    /// Messages read.
    pub messages: u64,
    /// Ledger entries read.
    pub inputs: u64,
    /// Raw messages whose bytes no longer hash to their key: (stored key, actual SHA-256).
    pub altered: Vec<(String, String)>,
}

/// Recomputes every collaboration from the ledger of `store` (which is only read).
pub fn recompute_all(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
) -> Result<Recomputed, TrackerError> {
    let mut out = Recomputed::default();
    let mut rows: Vec<MessageRow> = Vec::new();
    let mut manual: BTreeMap<String, Vec<(i64, Event)>> = BTreeMap::new();
    let mut after = 0;
    loop {
        let page = store.inputs(after, 1000)?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for input in page {
            out.inputs += 1;
            match input.kind {
                InputKind::Message { sha256, bytes, .. } => {
                    out.messages += 1;
                    let actual = liaison_store::sha256_hex(&bytes);
                    if actual != sha256 {
                        out.altered.push((sha256.clone(), actual));
                    }
                    rows.push(MessageInfo::row(&bytes, &sha256, input.seq, cfg));
                }
                InputKind::Manual {
                    collaboration,
                    event,
                } => manual
                    .entry(collaboration)
                    .or_default()
                    .push((input.seq, event)),
            }
        }
    }
    for comp in components(&rows) {
        if !comp.iter().any(|&i| rows[i].opener) {
            continue;
        }
        let mut part = Vec::with_capacity(comp.len());
        for &i in &comp {
            let sha = &rows[i].sha256;
            let Some(raw) = store.raw(sha)? else {
                return Err(TrackerError::MissingRaw(sha.clone()));
            };
            part.push(Member {
                info: MessageInfo::read(&raw.bytes, sha, rows[i].seq, cfg).into(),
                raw: raw.bytes.into(),
            });
        }
        let Some((oi, id)) = opener(&part) else {
            continue;
        };
        let events = manual.get(&id).map(Vec::as_slice).unwrap_or_default();
        if let Some(c) = replay(&part, oi, events, cfg) {
            for m in &part {
                out.membership
                    .insert(m.info.row.sha256.clone(), c.id.clone());
            }
            out.collaborations.push(c);
        }
    }
    out.collaborations
        .sort_by(|a, b| a.started.cmp(&b.started).then(a.id.cmp(&b.id)));
    Ok(out)
}
