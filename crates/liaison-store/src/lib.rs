//! Store: SQLite and PostgreSQL behind one interface; raw messages kept immutably by SHA-256,
//! append-only events, embedded migrations.
//!
//! # The model of persistence
//!
//! Everything liaison knows comes from **inputs**, kept in an append-only ledger
//! (`inputs` table) with a global sequence number:
//!
//! * a **message** input is created by [`Store::put_raw`], which stores the raw RFC 5322
//!   bytes immutably, keyed by their SHA-256, and appends the ledger entry in the same
//!   transaction. Putting the same bytes again is a no-op ([`PutRaw::Duplicate`]).
//! * a **manual** input is created by [`Store::record_manual`] (e.g. `liaison mark`): an
//!   [`Event`] that happened outside mail.
//!
//! Everything else is **derived** from the inputs and can be recomputed at any time:
//!
//! * `messages` and `message_keys`: every tracked message with its threading keys (the
//!   keys it owns, and the keys it looks up, strong or weak), the thread it belongs to and
//!   that thread's collaboration. A message whose parent has not arrived yet is kept here
//!   with its keys (an orphan), so the parent finds it when it comes — the state never
//!   depends on the order in which mail arrives. Rows are keyed by the message's ledger
//!   sequence number, so that ingest appends to their indexes instead of writing to a
//!   random page of each.
//! * `collaborations`: one JSON document per collaboration, its timeline included.
//!
//! The tracker (liaison-engine) turns each input into a [`Changes`] (messages to index or
//! re-thread, collaborations to write or remove) and hands it to [`Store::apply`], which
//! writes it **and marks the input applied in one transaction**. So an ingest that crashes
//! anywhere leaves each input either fully applied or still [`Store::pending`]; the next
//! run applies what is pending, and nothing is lost or doubled.
//!
//! `liaison rebuild` recomputes every collaboration from [`Store::inputs`] and compares;
//! with `--apply` it replaces the derived tables ([`Store::reset_derived`]).
//!
//! # Outside the ledger
//!
//! Two tables hold operational state rather than facts: the **outbox** (every mail liaison
//! sends, keyed by Message-ID: [`Store::outbox_insert`], moved between states only by
//! compare-and-set with [`Store::outbox_update`]) and the **IMAP folder cursors**
//! ([`Store::folder_cursor`]). A sent mail becomes a fact the usual way: its bytes go
//! through [`Store::put_raw`] like any fetched message. `liaison rebuild` leaves both
//! tables alone.
//!
//! # Several processes
//!
//! On PostgreSQL several liaison processes may share one database: raw inserts use
//! `ON CONFLICT DO NOTHING`; [`Store::apply`] refuses (returns `Ok(false)`) an input that
//! another process applied first; and the tracker's read-modify-write of collaborations is
//! serialised with [`Store::lock_tracker`] / [`Store::unlock_tracker`] (a PostgreSQL advisory
//! lock; on SQLite an exclusive lock on the file `<db>.tracker-lock`). SQLite writers use
//! WAL, a busy timeout and `BEGIN IMMEDIATE`, so concurrent processes wait for each other
//! instead of failing.
//!
//! # Typical use (the tracker loop)
//!
//! ```
//! use liaison_store::{open, Location, Changes, InputKind};
//! let mut store = open(&Location::Memory).unwrap();
//! store.put_raw(b"Message-ID: <a@x>\r\nSubject: hi\r\n\r\nbody\r\n", "inbox/1.eml", Some("a@x")).unwrap();
//! store.lock_tracker().unwrap();
//! for input in store.pending(1000).unwrap() {
//!     if let InputKind::Message { .. } = &input.kind {
//!         // parse, thread, classify … (liaison-engine) and build the changes:
//!         let changes = Changes { input: Some(input.seq), ..Changes::default() };
//!         store.apply(&changes).unwrap();
//!     }
//! }
//! store.unlock_tracker().unwrap();
//! assert!(store.pending(10).unwrap().is_empty());
//! ```

mod error;
mod outbox;
mod packing;
mod pg;
mod schema;
mod sqlite;
mod web;

pub use error::StoreError;
pub use outbox::{FolderCursor, OutboxEntry, OutboxState};
pub use pg::PgStore;
pub use sqlite::SqliteStore;
pub use web::{PageKey, PageQuery, PagedCollaboration, WebSession, WebUser};

use chrono::{DateTime, FixedOffset, Utc};
use liaison_model::{Collaboration, Event};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The result type of this crate.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Which database a store talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    /// Embedded SQLite (a file, WAL mode), the default.
    Sqlite,
    /// PostgreSQL, for a shared team server.
    Postgres,
}

/// Where the store lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite database file (created if missing, WAL mode).
    Sqlite(PathBuf),
    /// A private in-memory SQLite database (tests, `liaison rebuild`'s scratch copy).
    Memory,
    /// A PostgreSQL connection URL (`postgres://user@host:port/db`). A `?schema=NAME`
    /// parameter (liaison's own, stripped before connecting) puts every table in that
    /// schema, creating it if needed; tests use it to stay apart.
    Postgres(String),
}

impl Location {
    /// Picks the location from the usual sources, most specific first: a PostgreSQL URL
    /// (flag `--database-url` / `LIAISON_DATABASE_URL`, then `[store] database_url`), else
    /// a SQLite file (`--db`, then `[store] db`), else `liaison.db` in `data_dir`.
    pub fn choose(
        database_url: Option<&str>,
        db: Option<&std::path::Path>,
        data_dir: &std::path::Path,
    ) -> Location {
        if let Some(url) = database_url.filter(|u| !u.trim().is_empty()) {
            return Location::Postgres(url.trim().to_string());
        }
        match db {
            Some(p) => Location::Sqlite(p.to_path_buf()),
            None => Location::Sqlite(data_dir.join("liaison.db")),
        }
    }
}

/// Opens (and migrates) the store at `loc`. Migrations are embedded and run at start;
/// concurrent starts on one PostgreSQL database are serialised by an advisory lock.
pub fn open(loc: &Location) -> Result<Box<dyn Store>> {
    Ok(match loc {
        Location::Sqlite(path) => Box::new(SqliteStore::open(path)?),
        Location::Memory => Box::new(SqliteStore::memory()?),
        Location::Postgres(url) => Box::new(PgStore::connect(url)?),
    })
}

/// The [`Store::meta`] key the tracker writes with every page it commits (a value unique to
/// that page), so a process that kept the tracked state in memory can tell, on taking the
/// tracker lock again, whether anyone else wrote since. [`Store::reset_derived`] deletes
/// it.
pub const TRACKER_GENERATION_KEY: &str = "tracker-generation";

/// The lower-case hex SHA-256 of `bytes`: the key of a raw message.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(bytes))
}

/// A raw message hashed and packed for storing ([`Store::put_raw_batch_ready`]): the
/// costly part of storing, which needs no store, so it can run on any thread. Built only
/// from the bytes themselves, so its SHA-256 is always theirs.
#[derive(Debug, Clone)]
pub struct ReadyRaw {
    sha256: String,
    /// The zstd frame when packing pays ([`packing::pack`]); `None`: store the bytes as
    /// they are.
    packed: Option<Vec<u8>>,
    size: usize,
}

impl ReadyRaw {
    /// Hashes and packs `bytes`.
    pub fn new(bytes: &[u8]) -> ReadyRaw {
        ReadyRaw {
            sha256: sha256_hex(bytes),
            packed: match packing::pack(bytes) {
                std::borrow::Cow::Owned(z) => Some(z),
                std::borrow::Cow::Borrowed(_) => None,
            },
            size: bytes.len(),
        }
    }

    /// SHA-256 (hex) of the bytes.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// What to store for `bytes` (the bytes this was made from).
    pub(crate) fn stored<'a>(&'a self, bytes: &'a [u8]) -> &'a [u8] {
        self.packed.as_deref().unwrap_or(bytes)
    }

    /// Whether this can stand for `bytes` (made from bytes of the same length; a debug
    /// build also checks the hash).
    pub(crate) fn fits(&self, bytes: &[u8]) -> bool {
        debug_assert!(self.size != bytes.len() || self.sha256 == sha256_hex(bytes));
        self.size == bytes.len()
    }

    /// `ready` when it stands for every message of `batch`, else each message prepared
    /// now (into `made`).
    pub(crate) fn for_batch<'a>(
        batch: &[(&[u8], &str, Option<&str>)],
        ready: &'a [ReadyRaw],
        made: &'a mut Vec<ReadyRaw>,
    ) -> &'a [ReadyRaw] {
        if ready.len() == batch.len() && batch.iter().zip(ready).all(|(b, r)| r.fits(b.0)) {
            ready
        } else {
            *made = batch.iter().map(|b| ReadyRaw::new(b.0)).collect();
            made
        }
    }
}

/// What [`Store::put_raw`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PutRaw {
    /// Stored for the first time; `seq` is its ledger entry.
    New {
        /// SHA-256 (hex) of the bytes.
        sha256: String,
        /// The ledger sequence number of the new input.
        seq: i64,
    },
    /// These exact bytes were already stored: nothing changed.
    Duplicate {
        /// SHA-256 (hex) of the bytes.
        sha256: String,
    },
}

impl PutRaw {
    /// True when the message was new.
    pub fn is_new(&self) -> bool {
        matches!(self, PutRaw::New { .. })
    }
    /// The SHA-256 (hex) of the bytes.
    pub fn sha256(&self) -> &str {
        match self {
            PutRaw::New { sha256, .. } | PutRaw::Duplicate { sha256 } => sha256,
        }
    }
}

/// A raw message as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMessage {
    /// SHA-256 (hex) of `bytes`.
    pub sha256: String,
    /// The bytes exactly as ingested.
    pub bytes: Vec<u8>,
    /// Message-ID (without angle brackets) when the ingester could read one.
    pub message_id: Option<String>,
    /// Where it was first read from (file path, `mbox:FILE#N`, …).
    pub source: String,
    /// The ledger sequence number of its input.
    pub seq: i64,
}

/// What an input is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputKind {
    /// A stored raw message (bytes included).
    Message {
        /// SHA-256 (hex) of the bytes.
        sha256: String,
        /// The raw bytes.
        bytes: Vec<u8>,
        /// Where it was first read from.
        source: String,
    },
    /// An event recorded by hand (`liaison mark`) or by the runner.
    Manual {
        /// The collaboration it concerns.
        collaboration: String,
        /// The event.
        event: Event,
    },
}

/// One entry of the input ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Global sequence number (ledger order = processing order).
    pub seq: i64,
    /// When the entry was recorded (wall clock of the recording process).
    pub recorded_at: DateTime<Utc>,
    /// Whether the tracker has applied it.
    pub applied: bool,
    /// What it is.
    pub kind: InputKind,
}

/// The threading keys of one message, as the tracker indexes them (opaque strings such as
/// `mid:<id>`, `ti:<conversation>`, `subj:<topic>|<address>`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MessageKeys {
    /// Keys this message owns (its Message-ID, conversation, subject topic per participant).
    pub own: Vec<String>,
    /// Strong keys it looks up (In-Reply-To, References, conversation).
    pub strong: Vec<String>,
    /// Weak keys it looks up (subject topic with a participant), used only when no strong
    /// key finds a message.
    pub weak: Vec<String>,
}

/// A tracked message as the threading index keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageRow {
    /// SHA-256 (hex) of the raw message.
    pub sha256: String,
    /// The ledger entry of the raw message.
    pub seq: i64,
    /// Message-ID without angle brackets, when it has one.
    pub message_id: Option<String>,
    /// The Date header, when it has one.
    pub date: Option<DateTime<FixedOffset>>,
    /// An outgoing mail of ours whose subject carries a known 【类型】: it can open a
    /// collaboration.
    pub opener: bool,
    /// The thread (connected set of messages) it belongs to: an opaque id chosen by the
    /// tracker.
    pub thread: String,
    /// The collaboration of its thread, if the thread has one.
    pub collaboration: Option<String>,
    /// Its threading keys.
    pub keys: MessageKeys,
}

/// Which way a message holds a key (see [`MessageKeys`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyRole {
    /// The message owns the key.
    Own,
    /// The message looks the key up as strong evidence.
    Strong,
    /// The message looks the key up as weak evidence.
    Weak,
}

impl KeyRole {
    /// Every role, in the order of their codes.
    pub const ALL: [KeyRole; 3] = [KeyRole::Own, KeyRole::Strong, KeyRole::Weak];

    pub(crate) fn code(self) -> i64 {
        match self {
            KeyRole::Own => 0,
            KeyRole::Strong => 1,
            KeyRole::Weak => 2,
        }
    }
    pub(crate) fn from_code(c: i64) -> Option<KeyRole> {
        match c {
            0 => Some(KeyRole::Own),
            1 => Some(KeyRole::Strong),
            2 => Some(KeyRole::Weak),
            _ => None,
        }
    }
}

/// A message found through a key ([`Store::messages_by_key`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyHit {
    /// The key.
    pub key: String,
    /// How the message holds it.
    pub role: KeyRole,
    /// The message.
    pub sha256: String,
    /// Its thread.
    pub thread: String,
}

/// A write produced by the tracker for one input; [`Store::apply`] performs it atomically.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    /// The ledger entry this applies (marked applied in the same transaction). `None` for
    /// writes that come from no input.
    pub input: Option<i64>,
    /// Collaborations to insert or replace, whole (their timelines included).
    pub collaborations: Vec<Collaboration>,
    /// Collaborations that no longer exist (their thread lost its opening mail to another
    /// thread): deleted.
    pub removed: Vec<String>,
    /// Messages to index (with their keys, the first time) or to move to another thread or
    /// collaboration.
    pub messages: Vec<MessageRow>,
}

/// What a page of [`Changes`] leaves behind, as both stores write it
/// ([`Store::apply_page`]): the collaborations removed anywhere in the page, each
/// collaboration written as the page leaves it (unless the page ends by removing it), and
/// the last row of each message, each in order of first appearance.
pub(crate) struct PageRows<'a> {
    pub removed: Vec<&'a str>,
    pub written: Vec<&'a Collaboration>,
    pub messages: Vec<&'a MessageRow>,
}

impl<'a> PageRows<'a> {
    pub(crate) fn of(page: &'a [Changes]) -> PageRows<'a> {
        use std::collections::{HashMap, HashSet};
        let mut removed: Vec<&str> = Vec::new();
        let mut seen_removed: HashSet<&str> = HashSet::new();
        let mut last: HashMap<&str, Option<&Collaboration>> = HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        let mut rows: HashMap<&str, &MessageRow> = HashMap::new();
        let mut row_order: Vec<&str> = Vec::new();
        for c in page {
            for id in &c.removed {
                if seen_removed.insert(id) {
                    removed.push(id);
                }
                if last.insert(id, None).is_none() {
                    order.push(id);
                }
            }
            for x in &c.collaborations {
                if last.insert(&x.id, Some(x)).is_none() {
                    order.push(&x.id);
                }
            }
            for m in &c.messages {
                if rows.insert(&m.sha256, m).is_none() {
                    row_order.push(&m.sha256);
                }
            }
        }
        PageRows {
            removed,
            written: order.iter().filter_map(|id| last[id]).collect(),
            messages: row_order.iter().map(|s| rows[s]).collect(),
        }
    }
}

/// A message kept aside because it could not be read as mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    /// SHA-256 (hex) of the bytes.
    pub sha256: String,
    /// Where it was read from.
    pub source: String,
    /// Why it was kept aside.
    pub reason: String,
    /// The bytes exactly as read.
    pub bytes: Vec<u8>,
    /// When it was quarantined.
    pub at: DateTime<Utc>,
}

/// Counts for summaries and checks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Raw messages stored.
    pub raw_messages: u64,
    /// Ledger entries (messages and manual events).
    pub inputs: u64,
    /// Ledger entries not yet applied.
    pub pending: u64,
    /// Tracked messages (in the threading index).
    pub messages: u64,
    /// Collaborations.
    pub collaborations: u64,
    /// Events in all timelines.
    pub events: u64,
    /// Quarantined messages.
    pub quarantined: u64,
}

/// The one database interface, implemented by [`SqliteStore`] and [`PgStore`].
///
/// Methods take `&mut self` because a connection is not shared; open one store per
/// thread or process. Every write is its own transaction, except [`Store::apply`] calls
/// grouped by [`Store::begin_batch`].
pub trait Store: Send {
    /// Which backend this is.
    fn backend(&self) -> Backend;

    /// Stores raw message bytes immutably under their SHA-256 and appends a message input
    /// to the ledger, in one transaction. Idempotent: the same bytes again give
    /// [`PutRaw::Duplicate`] and change nothing.
    fn put_raw(&mut self, bytes: &[u8], source: &str, message_id: Option<&str>) -> Result<PutRaw>;

    /// Stores many raw messages in one transaction (same semantics as [`Store::put_raw`]
    /// for each, results in order). Ingest uses this to batch.
    fn put_raw_batch(&mut self, batch: &[(&[u8], &str, Option<&str>)]) -> Result<Vec<PutRaw>>;

    /// [`Store::put_raw_batch`] with each message already hashed and packed
    /// (`ready[i]` is [`ReadyRaw::new`] of `batch[i]`'s bytes), so the thread that talks
    /// to the store does not do that work: ingest prepares them in its parser threads. A
    /// `ready` of another length, or an entry made from bytes of another length, is
    /// ignored and the batch is prepared here.
    fn put_raw_batch_ready(
        &mut self,
        batch: &[(&[u8], &str, Option<&str>)],
        ready: &[ReadyRaw],
    ) -> Result<Vec<PutRaw>> {
        let _ = ready;
        self.put_raw_batch(batch)
    }

    /// The raw message with this SHA-256, if stored.
    fn raw(&mut self, sha256: &str) -> Result<Option<RawMessage>>;

    /// Keeps a malformed message aside with the reason. Idempotent by SHA-256; returns true
    /// when it was not quarantined before.
    fn quarantine(&mut self, bytes: &[u8], source: &str, reason: &str) -> Result<bool>;

    /// Every quarantined message, oldest first.
    fn quarantined(&mut self) -> Result<Vec<Quarantined>>;

    /// Appends a manual input (an event that happened outside mail) to the ledger and
    /// returns its sequence number. Apply it like any other input.
    fn record_manual(&mut self, collaboration: &str, event: &Event) -> Result<i64>;

    /// Up to `limit` inputs not yet applied, in sequence order.
    fn pending(&mut self, limit: usize) -> Result<Vec<Input>>;

    /// [`Store::pending`] without reading the raw messages: each message's `bytes` and
    /// `source` are left empty. For a caller that holds the bytes already (an ingest
    /// tracking what it has just stored: reading them back decompressed every message a
    /// second time, a twentieth of an ingest). A store may return them filled.
    fn pending_unread(&mut self, limit: usize) -> Result<Vec<Input>> {
        self.pending(limit)
    }

    /// Up to `limit` inputs with `seq > after`, applied or not, in sequence order (for
    /// `liaison rebuild`: page with the last seq seen).
    fn inputs(&mut self, after: i64, limit: usize) -> Result<Vec<Input>>;

    /// Writes `changes` in one transaction and marks `changes.input` applied. Returns
    /// `Ok(false)` and writes nothing when that input was already applied (by this or
    /// another process). Inside a batch ([`Store::begin_batch`]) the batch's transaction
    /// is used instead.
    fn apply(&mut self, changes: &Changes) -> Result<bool>;

    /// Opens a transaction that the following [`Store::apply`] calls share, until
    /// [`Store::end_batch`]; reads in between see the batch's own writes. The tracker
    /// applies a page of inputs this way, so a database that pays for every commit (a
    /// PostgreSQL fsync) pays once per page. A crash before the end loses the whole page's
    /// applies, never part of one: those inputs stay pending and are applied on the next
    /// run. Hold [`Store::lock_tracker`] around a batch.
    fn begin_batch(&mut self) -> Result<()>;

    /// Commits the batch (`commit`), or rolls it back, leaving its inputs pending.
    fn end_batch(&mut self, commit: bool) -> Result<()>;

    /// The collaboration with this id.
    fn collaboration(&mut self, id: &str) -> Result<Option<Collaboration>>;

    /// Every collaboration, ordered by start time then id.
    fn collaborations(&mut self) -> Result<Vec<Collaboration>>;

    /// The timeline of one collaboration, oldest first (empty when it does not exist).
    fn events(&mut self, collaboration: &str) -> Result<Vec<Event>>;

    /// Every tracked message holding one of `keys` in one of `roles`.
    fn messages_by_key(&mut self, keys: &[String], roles: &[KeyRole]) -> Result<Vec<KeyHit>>;

    /// The tracked message with this SHA-256 (keys not included).
    fn message_row(&mut self, sha256: &str) -> Result<Option<MessageRow>>;

    /// The tracked messages of these threads, keys included, ordered by SHA-256.
    fn thread_members(&mut self, threads: &[String]) -> Result<Vec<MessageRow>>;

    /// The manual events already applied to `collaboration`, with their ledger sequence
    /// numbers, in ledger order.
    fn manual_events(&mut self, collaboration: &str) -> Result<Vec<(i64, Event)>>;

    /// Every tracked message, keys included, ordered by SHA-256: what the tracker loads
    /// into memory once per ingest instead of asking per message ([`Store::messages_by_key`],
    /// [`Store::thread_members`]).
    fn all_messages(&mut self) -> Result<Vec<MessageRow>>;

    /// The collaborations that have applied manual events (the others have none, so the
    /// tracker need not ask [`Store::manual_events`] about them).
    fn manual_collaborations(&mut self) -> Result<Vec<String>>;

    /// Writes a page of [`Changes`], in order, as [`Store::apply`] would one by one, with
    /// as few statements as the backend allows. Returns `Ok(false)` when one of their
    /// inputs was already applied: the page must then be rolled back
    /// ([`Store::end_batch`] with `false`), as some of it may be written. Call inside a
    /// batch ([`Store::begin_batch`]) under [`Store::lock_tracker`].
    fn apply_page(&mut self, page: &[Changes]) -> Result<bool> {
        for changes in page {
            if !self.apply(changes)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Empties every derived table (messages, keys, collaborations) and marks every input
    /// pending again, in one transaction, so the tracker recomputes everything
    /// (`liaison rebuild --apply`). Raw messages and the ledger are untouched.
    fn reset_derived(&mut self) -> Result<()>;

    /// A small named value kept with the derived state (e.g. the fingerprint of the
    /// configuration the tracker ran with).
    fn meta(&mut self, key: &str) -> Result<Option<String>>;

    /// Sets a [`Store::meta`] value.
    fn set_meta(&mut self, key: &str, value: &str) -> Result<()>;

    /// Takes the tracker lock (blocks until free): hold it from reading collaborations to
    /// [`Store::apply`] so two processes never update one collaboration from stale state.
    fn lock_tracker(&mut self) -> Result<()>;

    /// Releases the tracker lock.
    fn unlock_tracker(&mut self) -> Result<()>;

    /// Counts of what is stored. Each count reads its whole table: at 10^6 messages about
    /// half a second, so ingest and the tracker ask [`Store::pending_count`] and
    /// [`Store::messages_upto`] instead.
    fn stats(&mut self) -> Result<Stats>;

    /// Ledger entries not yet applied ([`Stats::pending`]), counted through the index of
    /// pending entries: the cost grows with the backlog, not with the store.
    fn pending_count(&mut self) -> Result<u64>;

    /// Tracked messages ([`Stats::messages`]) counted up to `limit`: the smaller of the
    /// count and `limit`, at a cost bounded by `limit` rather than by the store.
    fn messages_upto(&mut self, limit: u64) -> Result<u64>;

    /// Adds a message to the outbox; false (nothing written) when its Message-ID is there
    /// already.
    fn outbox_insert(&mut self, entry: &OutboxEntry) -> Result<bool>;

    /// The outbox entry with this Message-ID.
    fn outbox_get(&mut self, message_id: &str) -> Result<Option<OutboxEntry>>;

    /// The outbox entries in any of `states` (all when empty), oldest first.
    fn outbox_list(&mut self, states: &[OutboxState]) -> Result<Vec<OutboxEntry>>;

    /// The sent entries whose later steps are not settled (not yet recorded, or not yet
    /// appended to the Sent folder), oldest first.
    fn outbox_unfinished(&mut self) -> Result<Vec<OutboxEntry>>;

    /// Writes `entry` (every field but `message_id` and `created_at`) if the stored entry's
    /// state is one of `expect`, atomically; false (nothing written) otherwise. This is how
    /// a sender claims a message: two processes moving `queued → sending` cannot both win.
    fn outbox_update(&mut self, entry: &OutboxEntry, expect: &[OutboxState]) -> Result<bool>;

    /// Removes the entry if its state is one of `expect`; false otherwise.
    fn outbox_delete(&mut self, message_id: &str, expect: &[OutboxState]) -> Result<bool>;

    /// Tries to take this process's lock on a message (never waits): held while the
    /// message is being sent, and released by the system when the process dies, so a
    /// message found in `sending` whose lock is free was left by a sender that is gone.
    /// Messages share a bounded set of locks: a false answer may mean another message is
    /// being sent, and is only ever a reason to wait.
    fn outbox_try_lock(&mut self, message_id: &str) -> Result<bool>;

    /// [`Store::outbox_try_lock`], waiting at most `wait` for the holder to let go. For
    /// recovery after a crash: on PostgreSQL the lock of a process that just died is held
    /// until the server notices the closed connection, a few milliseconds later (a busy
    /// server, longer), and a recovery run started right away would take the dead sender
    /// for a live one. SQLite's locks go with the process, so it does not wait.
    fn outbox_lock_within(&mut self, message_id: &str, wait: std::time::Duration) -> Result<bool> {
        let _ = wait;
        self.outbox_try_lock(message_id)
    }

    /// Releases [`Store::outbox_try_lock`].
    fn outbox_unlock(&mut self, message_id: &str) -> Result<()>;

    /// What was last read from an IMAP folder of an account.
    fn folder_cursor(&mut self, account: &str, folder: &str) -> Result<Option<FolderCursor>>;

    /// Records what was read from an IMAP folder.
    fn set_folder_cursor(
        &mut self,
        account: &str,
        folder: &str,
        cursor: FolderCursor,
    ) -> Result<()>;

    /// Up to `limit` collaborations whose stored plan is missing or stale (written since it
    /// was planned), each with its revision for [`Store::put_plans`].
    fn unplanned(&mut self, limit: usize) -> Result<Vec<(i64, Collaboration)>>;

    /// Replaces the stored plans of collaborations, each `(id, revision, rows)`, in one
    /// transaction. A collaboration written since `revision` was read is skipped (it stays
    /// unplanned); returns how many were stored.
    fn put_plans(&mut self, plans: &[(String, i64, Vec<PlanRow>)]) -> Result<usize>;

    /// Marks the unplanned collaborations in these states (JSON names) as planned with no
    /// rows, without reading them: the planner owes nothing in them. Returns how many.
    fn settle_plans(&mut self, states: &[&str]) -> Result<usize>;

    /// Marks every stored plan stale (the policy, calendar or directory changed).
    fn invalidate_plans(&mut self) -> Result<()>;

    /// The stored plan rows valid at `at` (microseconds since the epoch): only those due by
    /// then unless `upcoming`.
    fn plans_at(&mut self, at: i64, upcoming: bool) -> Result<Vec<PlanRow>>;

    /// How many rows [`Store::plans_at`] returns for `at` without `upcoming`, and how many
    /// of them are late (`overdue_at < at`): a count, nothing decoded.
    fn plans_due_count(&mut self, at: i64) -> Result<PlanCount>;

    /// Up to `limit` of the rows [`Store::plans_at`] returns for `at` without `upcoming`,
    /// ordered by due instant, then collaboration (byte order), starting after the key
    /// `after` (a due instant and a collaboration: the last row of the previous page).
    fn plans_due_page(
        &mut self,
        at: i64,
        after: Option<(i64, &str)>,
        limit: usize,
    ) -> Result<Vec<PlanRow>>;

    /// Adds or replaces a web user.
    fn web_user_put(&mut self, user: &WebUser) -> Result<()>;

    /// A web user by name.
    fn web_user(&mut self, name: &str) -> Result<Option<WebUser>>;

    /// Every web user, by name.
    fn web_users(&mut self) -> Result<Vec<WebUser>>;

    /// Stores a session (its secret hashed by the caller); expired sessions are removed.
    fn web_session_put(&mut self, session: &WebSession) -> Result<()>;

    /// A session by the hash of its secret (expired or not: the caller checks).
    fn web_session(&mut self, token_hash: &str) -> Result<Option<WebSession>>;

    /// Ends a session.
    fn web_session_delete(&mut self, token_hash: &str) -> Result<()>;

    /// Stores an API token (the hash of its secret) for a user.
    fn web_token_put(&mut self, token_hash: &str, user: &str) -> Result<()>;

    /// The user an API token (by the hash of its secret) belongs to.
    fn web_token_user(&mut self, token_hash: &str) -> Result<Option<String>>;

    /// One page of collaborations by keyset (see [`PageQuery`]).
    fn collaboration_page(&mut self, query: &PageQuery) -> Result<Vec<PagedCollaboration>>;
}

/// The stored plan rows due at an instant, counted ([`Store::plans_due_count`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanCount {
    /// Rows due by the instant.
    pub due: usize,
    /// Of those, the rows already late.
    pub overdue: usize,
}

/// One row of a collaboration's stored plan: an owed action, valid while
/// `valid_from <= now < valid_until` (microseconds since the epoch). The engine writes and
/// reads `data`; the store only indexes the instants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRow {
    /// The collaboration.
    pub collaboration: String,
    /// First instant at which the row holds.
    pub valid_from: i64,
    /// First instant at which it no longer holds.
    pub valid_until: i64,
    /// When the action falls due.
    pub due_at: i64,
    /// After when the action is late.
    pub overdue_at: i64,
    /// The action, as the engine serialised it.
    pub data: String,
}
