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
//! Memory is bounded, whatever the size of the store: the index holds every tracked
//! message only while there are at most `rows` of them ([`MAX_ROWS`] by default). Past that
//! it is *partial*: it holds what the current pages need, fetched from the store a page at
//! a time ([`Index::fill`]: one query for the holders of the page's keys, one for the members
//! of their threads), and is emptied at a commit once it outgrows `rows` again. It also
//! keeps at most [`MAX_COLLABORATIONS`] collaborations between pages.
//!
//! A partial index answers a question only when it knows the whole answer: it remembers
//! the keys whose holders and the threads whose members it fetched. Its own rows are always
//! the current ones (every write goes through it and reaches the store with the page), so a
//! row the store returns that the index already holds is skipped, and a row it does not
//! hold was not written since the last commit and is current in the store.

use liaison_model::{Collaboration, Event};
use liaison_store::{Changes, KeyHit, KeyRole, MessageRow, RawMessage, Store, StoreError};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Messages the index holds by default (about 1.5 KB each with their keys and the key index,
/// measured: +30 MB of peak RSS at 20,000); past this it turns partial. A partial index
/// costs little more: an ingest of 10^5 messages took the same CPU with 20,000 as with
/// 100,000 (and 100 MB less memory).
pub(crate) const MAX_ROWS: usize = 20_000;
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
    /// The most rows held; past it the index is emptied at the next commit.
    cap: usize,
    /// Whether `rows` holds every tracked message (loaded whole); else only what was
    /// fetched, as recorded in `keys_done` and `threads_done`.
    complete: bool,
    /// Partial index: keys whose every holder is in `rows`.
    keys_done: HashSet<String>,
    /// Partial index: threads whose every member is in `rows`.
    threads_done: HashSet<String>,
}

impl Index {
    /// Reads the store's manual collaborations, and its tracked messages when there are at
    /// most `cap` of them (else the index starts partial and empty).
    pub(crate) fn load(store: &mut dyn Store, cap: usize) -> Result<Index, StoreError> {
        let mut ix = Index {
            cap,
            ..Index::default()
        };
        if store.messages_upto((cap as u64).saturating_add(1))? as usize <= cap {
            for m in store.all_messages()? {
                ix.put_row(m);
            }
            ix.complete = true;
        }
        ix.manual = store.manual_collaborations()?.into_iter().collect();
        Ok(ix)
    }

    /// Fetches from the store what the index lacks to answer for `keys` (their holders,
    /// with the members of the holders' threads) and for `threads` (their members): two
    /// queries at most, whatever the number of keys. Nothing to do for a complete index.
    pub(crate) fn fill<'k>(
        &mut self,
        store: &mut dyn Store,
        keys: impl IntoIterator<Item = &'k String>,
        threads: impl IntoIterator<Item = &'k String>,
    ) -> Result<(), StoreError> {
        if self.complete {
            return Ok(());
        }
        let mut want_keys: Vec<String> = keys
            .into_iter()
            .filter(|k| !self.keys_done.contains(*k))
            .cloned()
            .collect();
        want_keys.sort_unstable();
        want_keys.dedup();
        let mut want_threads: BTreeSet<String> = threads
            .into_iter()
            .filter(|t| !self.threads_done.contains(*t))
            .cloned()
            .collect();
        if !want_keys.is_empty() {
            let hits = store.messages_by_key(&want_keys, &KeyRole::ALL)?;
            for h in hits {
                // A holder the index has is current here; one it lacks is current in its
                // store thread, fetched below.
                if !self.ids.contains_key(&h.sha256) && !self.threads_done.contains(&h.thread) {
                    want_threads.insert(h.thread);
                }
            }
        }
        if !want_threads.is_empty() {
            let threads: Vec<String> = want_threads.into_iter().collect();
            for m in store.thread_members(&threads)? {
                if !self.ids.contains_key(&m.sha256) {
                    self.put_row(m);
                }
            }
            self.threads_done.extend(threads);
        }
        self.keys_done.extend(want_keys);
        Ok(())
    }

    /// The generation this process last committed.
    pub(crate) fn generation(&self) -> Option<&str> {
        self.generation.as_deref()
    }

    /// Notes the page just committed with generation `g`; trims the collaboration cache,
    /// and empties the rows (the index turns partial) once there are more than it may hold.
    pub(crate) fn committed(&mut self, g: String) {
        self.generation = Some(g);
        // Everything written is in the store now, so any of these can be read again.
        if self.collabs.len() > MAX_COLLABORATIONS {
            self.collabs.clear();
        }
        if self.rows.len() > self.cap {
            self.ids = HashMap::new();
            self.rows = Vec::new();
            self.holders = HashMap::new();
            self.threads = HashMap::new();
            self.keys_done = HashSet::new();
            self.threads_done = HashSet::new();
            self.complete = false;
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
        // At most `cap` (and a page) messages: a cap near u32::MAX would be terabytes.
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
        self.index.fill(self.store, keys, [])?;
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
        self.index.fill(self.store, [], threads)?;
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
