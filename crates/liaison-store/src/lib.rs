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
//! The tracker (liaison-engine) turns each input into a [`Changes`] (collaborations to
//! upsert, events to append, thread keys to index) and hands it to [`Store::apply`], which
//! writes it **and marks the input applied in one transaction**. So an ingest that crashes
//! anywhere leaves each input either fully applied or still [`Store::pending`]; the next
//! run applies what is pending, and nothing is lost or doubled.
//!
//! `liaison rebuild` replays [`Store::inputs`] in sequence order into a fresh in-memory
//! store ([`open`] with [`Location::Memory`]) and compares the collaborations.
//!
//! # Several processes
//!
//! On PostgreSQL several liaison processes may share one database: raw inserts use
//! `ON CONFLICT DO NOTHING`; [`Store::apply`] refuses (returns `Ok(false)`) an input that
//! another process applied first; and the tracker's read-modify-write of collaborations is
//! serialised with [`Store::lock_tracker`] / [`Store::unlock_tracker`] (a PostgreSQL advisory
//! lock; on SQLite an exclusive lock on the file `<db>.tracker-lock`).
//!
//! # Typical use (the tracker loop)
//!
//! ```
//! use liaison_store::{open, Location, Changes, InputKind};
//! let mut store = open(&Location::Memory).unwrap();
//! store.put_raw(b"Message-ID: <a@x>\r\nSubject: hi\r\n\r\nbody\r\n", "inbox/1.eml", Some("a@x")).unwrap();
//! store.lock_tracker().unwrap();
//! for input in store.pending(1000).unwrap() {
//!     if let InputKind::Message { bytes, .. } = &input.kind {
//!         // parse, thread, classify … (liaison-engine) and build the changes:
//!         let changes = Changes { input: Some(input.seq), ..Changes::default() };
//!         store.apply(&changes).unwrap();
//!     }
//! }
//! store.unlock_tracker().unwrap();
//! assert!(store.pending(10).unwrap().is_empty());
//! ```

mod error;
mod pg;
mod schema;
mod sqlite;

pub use error::StoreError;
pub use pg::PgStore;
pub use sqlite::SqliteStore;

use chrono::{DateTime, Utc};
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

/// The lower-case hex SHA-256 of `bytes`: the key of a raw message.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(bytes))
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

/// A write produced by the tracker for one input; [`Store::apply`] performs it atomically.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    /// The ledger entry this applies (marked applied in the same transaction). `None` for
    /// writes that come from no input.
    pub input: Option<i64>,
    /// Collaborations to insert or replace, whole.
    pub collaborations: Vec<Collaboration>,
    /// Events to append: (collaboration id, event).
    pub events: Vec<(String, Event)>,
    /// Threading keys to index: (key, collaboration id). A key already indexed keeps its
    /// first collaboration (`ON CONFLICT DO NOTHING`).
    pub thread_keys: Vec<(String, String)>,
}

/// An event as stored in the append-only `events` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    /// Global event sequence number.
    pub seq: i64,
    /// The collaboration it belongs to.
    pub collaboration: String,
    /// The input that produced it, if any.
    pub input_seq: Option<i64>,
    /// The event.
    pub event: Event,
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
    /// Collaborations.
    pub collaborations: u64,
    /// Events.
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

    /// The events of one collaboration, in append order.
    fn events(&mut self, collaboration: &str) -> Result<Vec<StoredEvent>>;

    /// The collaboration of the first key (in the order given) that is indexed. Pass the
    /// keys from `liaison_engine::thread::ThreadKeys::lookup_keys`, strongest first.
    fn find_thread(&mut self, keys: &[String]) -> Result<Option<String>>;

    /// Takes the tracker lock (blocks until free): hold it from reading collaborations to
    /// [`Store::apply`] so two processes never update one collaboration from stale state.
    fn lock_tracker(&mut self) -> Result<()>;

    /// Releases the tracker lock.
    fn unlock_tracker(&mut self) -> Result<()>;

    /// Counts of what is stored.
    fn stats(&mut self) -> Result<Stats>;
}
