//! The tracked state in memory for the length of an ingest: what the tracker reads per
//! message without asking the store.
//!
//! The tracker asks, for every message, which messages hold its keys, who the members of
//! the threads found are, the collaboration of the thread and its manual events, and then
//! writes the result. On PostgreSQL each of those is a network round trip (about ten per
//! message), and they, not the work, set the pace. Under the tracker lock nobody else
//! writes the derived tables (messages, keys, collaborations), so the tracker can read them
//! once into an [`Index`], answer its own questions from it, keep it up to date with what it
//! writes, and send the writes a page at a time ([`liaison_store::Store::apply_page`]).
//!
//! The index lives across several holds of the lock (an ingest tracks after each stored
//! batch). Every committed page writes a new value under
//! [`liaison_store::TRACKER_GENERATION_KEY`]; on taking the lock again, the tracker keeps its
//! index only if the stored value is still the one it wrote, i.e. nobody (another process,
//! a `rebuild`) wrote in between. Otherwise it reads the store again.
//!
//! Memory is bounded: the index holds at most [`MAX_ROWS`] messages (else the tracker asks
//! the store as before) and at most [`MAX_COLLABORATIONS`] collaborations between pages.

use liaison_model::{Collaboration, Event};
use liaison_store::{Changes, KeyHit, KeyRole, MessageRow, RawMessage, Store, StoreError};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Messages the index holds at most (about 1.5 KB each with their keys and the key index,
/// measured: +30 MB of peak RSS at 20,000): past this it is dropped and the tracker reads
/// the store per message.
pub(crate) const MAX_ROWS: usize = 100_000;
/// Collaborations kept between pages at most (read again from the store on a miss).
pub(crate) const MAX_COLLABORATIONS: usize = 20_000;

/// What the tracker reads about one input.
pub(crate) trait Source {
    /// [`Store::messages_by_key`].
    fn messages_by_key(
        &mut self,
        keys: &[String],
        roles: &[KeyRole],
    ) -> Result<Vec<KeyHit>, StoreError>;
    /// [`Store::thread_members`].
    fn thread_members(&mut self, threads: &[String]) -> Result<Vec<MessageRow>, StoreError>;
    /// [`Store::collaboration`].
    fn collaboration(&mut self, id: &str) -> Result<Option<Collaboration>, StoreError>;
    /// [`Store::manual_events`].
    fn manual_events(&mut self, collaboration: &str) -> Result<Vec<(i64, Event)>, StoreError>;
    /// [`Store::raw`].
    fn raw(&mut self, sha256: &str) -> Result<Option<RawMessage>, StoreError>;
}

/// The store asked directly.
pub(crate) struct Direct<'a>(pub &'a mut dyn Store);

impl Source for Direct<'_> {
    fn messages_by_key(
        &mut self,
        keys: &[String],
        roles: &[KeyRole],
    ) -> Result<Vec<KeyHit>, StoreError> {
        self.0.messages_by_key(keys, roles)
    }
    fn thread_members(&mut self, threads: &[String]) -> Result<Vec<MessageRow>, StoreError> {
        self.0.thread_members(threads)
    }
    fn collaboration(&mut self, id: &str) -> Result<Option<Collaboration>, StoreError> {
        self.0.collaboration(id)
    }
    fn manual_events(&mut self, collaboration: &str) -> Result<Vec<(i64, Event)>, StoreError> {
        self.0.manual_events(collaboration)
    }
    fn raw(&mut self, sha256: &str) -> Result<Option<RawMessage>, StoreError> {
        self.0.raw(sha256)
    }
}

/// The derived tables as the store holds them plus the writes not yet sent.
#[derive(Default)]
pub(crate) struct Index {
    /// SHA-256 → the message's number in `rows` (the other tables hold numbers, not
    /// 64-byte strings: a third less memory).
    ids: HashMap<String, u32>,
    /// Every tracked message, keys included.
    rows: Vec<MessageRow>,
    /// Key → the messages holding it, and how.
    holders: HashMap<String, Vec<(KeyRole, u32)>>,
    /// Thread → its members.
    threads: HashMap<String, HashSet<u32>>,
    /// Collaborations read or written (`None`: none with that id).
    collabs: HashMap<String, Option<Collaboration>>,
    /// Collaborations with applied manual events (the others have none).
    manual: HashSet<String>,
    /// Changes recorded and not yet written, in order.
    page: Vec<Changes>,
    /// A write of the page was refused (an input already applied): roll back.
    conflict: bool,
    /// The generation this process last committed ([`liaison_store::TRACKER_GENERATION_KEY`]).
    generation: Option<String>,
}

impl Index {
    /// Reads the store's tracked messages and manual collaborations; `None` when the store
    /// holds more messages than the index may.
    pub(crate) fn load(store: &mut dyn Store) -> Result<Option<Index>, StoreError> {
        if store.stats()?.messages as usize > MAX_ROWS {
            return Ok(None);
        }
        let mut ix = Index::default();
        for m in store.all_messages()? {
            ix.put_row(m);
        }
        ix.manual = store.manual_collaborations()?.into_iter().collect();
        Ok(Some(ix))
    }

    /// Whether the index outgrew its bound.
    pub(crate) fn too_big(&self) -> bool {
        self.rows.len() > MAX_ROWS
    }

    /// The generation this process last committed.
    pub(crate) fn generation(&self) -> Option<&str> {
        self.generation.as_deref()
    }

    /// Notes the page just committed with generation `g`; trims the collaboration cache.
    pub(crate) fn committed(&mut self, g: String) {
        self.generation = Some(g);
        if self.collabs.len() > MAX_COLLABORATIONS {
            // Everything written is in the store now, so any of these can be read again.
            self.collabs.clear();
        }
    }

    /// A manual input for `collaboration` is about to be tracked.
    pub(crate) fn note_manual(&mut self, collaboration: &str) {
        self.manual.insert(collaboration.to_string());
    }

    /// Whether a write of the page was refused (the page must be rolled back).
    pub(crate) fn conflict(&self) -> bool {
        self.conflict
    }

    /// Takes `changes` as written: the index answers with them from now on, and they go to
    /// the store with the page ([`Index::flush`]).
    pub(crate) fn record(&mut self, changes: Changes) {
        for id in &changes.removed {
            self.collabs.insert(id.clone(), None);
        }
        for c in &changes.collaborations {
            self.collabs.insert(c.id.clone(), Some(c.clone()));
        }
        for m in &changes.messages {
            self.put_row(m.clone());
        }
        self.page.push(changes);
    }

    /// Writes the recorded changes to the store (inside its batch); false when an input
    /// was already applied.
    pub(crate) fn flush(&mut self, store: &mut dyn Store) -> Result<bool, StoreError> {
        if self.page.is_empty() {
            return Ok(!self.conflict);
        }
        let ok = store.apply_page(&self.page)?;
        self.page.clear();
        if !ok {
            self.conflict = true;
        }
        Ok(ok)
    }

    /// A row as [`Store::apply`] writes it: a new message with its keys; a known one only
    /// moves to another thread or collaboration.
    fn put_row(&mut self, m: MessageRow) {
        if let Some(&id) = self.ids.get(&m.sha256) {
            let old = &mut self.rows[id as usize];
            if old.thread != m.thread {
                if let Some(set) = self.threads.get_mut(&old.thread) {
                    set.remove(&id);
                    if set.is_empty() {
                        self.threads.remove(&old.thread);
                    }
                }
                self.threads.entry(m.thread.clone()).or_default().insert(id);
                old.thread = m.thread;
            }
            old.collaboration = m.collaboration;
            old.opener = m.opener;
            return;
        }
        // At most MAX_ROWS (and a page) messages, far below u32::MAX.
        let id = self.rows.len() as u32;
        for (role, keys) in [
            (KeyRole::Own, &m.keys.own),
            (KeyRole::Strong, &m.keys.strong),
            (KeyRole::Weak, &m.keys.weak),
        ] {
            for k in keys {
                self.holders.entry(k.clone()).or_default().push((role, id));
            }
        }
        self.threads.entry(m.thread.clone()).or_default().insert(id);
        self.ids.insert(m.sha256.clone(), id);
        self.rows.push(m);
    }
}

/// The index in front of the store.
pub(crate) struct Cached<'a> {
    /// The store (raw messages, and what the index does not hold).
    pub store: &'a mut dyn Store,
    /// The index.
    pub index: &'a mut Index,
}

impl Source for Cached<'_> {
    fn messages_by_key(
        &mut self,
        keys: &[String],
        roles: &[KeyRole],
    ) -> Result<Vec<KeyHit>, StoreError> {
        // The store's order (key, role, SHA-256), each hit once.
        let mut hits: BTreeSet<(&str, KeyRole, &str, &str)> = BTreeSet::new();
        for k in keys {
            for (role, id) in self.index.holders.get(k).into_iter().flatten() {
                if roles.contains(role) {
                    let m = &self.index.rows[*id as usize];
                    hits.insert((k.as_str(), *role, m.sha256.as_str(), m.thread.as_str()));
                }
            }
        }
        Ok(hits
            .into_iter()
            .map(|(key, role, sha, thread)| KeyHit {
                key: key.to_string(),
                role,
                sha256: sha.to_string(),
                thread: thread.to_string(),
            })
            .collect())
    }

    fn thread_members(&mut self, threads: &[String]) -> Result<Vec<MessageRow>, StoreError> {
        // The store's order: by SHA-256, each member once.
        let members: BTreeSet<&str> = threads
            .iter()
            .filter_map(|t| self.index.threads.get(t))
            .flatten()
            .map(|&id| self.index.rows[id as usize].sha256.as_str())
            .collect();
        Ok(members
            .into_iter()
            .map(|s| self.index.rows[self.index.ids[s] as usize].clone())
            .collect())
    }

    fn collaboration(&mut self, id: &str) -> Result<Option<Collaboration>, StoreError> {
        if let Some(c) = self.index.collabs.get(id) {
            return Ok(c.clone());
        }
        // Not written in this ingest's memory, so the store's copy is current.
        let c = self.store.collaboration(id)?;
        self.index.collabs.insert(id.to_string(), c.clone());
        Ok(c)
    }

    fn manual_events(&mut self, collaboration: &str) -> Result<Vec<(i64, Event)>, StoreError> {
        if !self.index.manual.contains(collaboration) {
            return Ok(Vec::new());
        }
        // Rare (marks): the store answers once the page so far is written, since a manual
        // input counts once its ledger entry is marked applied.
        self.index.flush(self.store)?;
        self.store.manual_events(collaboration)
    }

    fn raw(&mut self, sha256: &str) -> Result<Option<RawMessage>, StoreError> {
        self.store.raw(sha256)
    }
}
