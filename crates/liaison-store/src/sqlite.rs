//! The SQLite backend: a file in WAL mode (or a private in-memory database).

use crate::outbox::{self, FolderCursor, OutboxEntry, OutboxState};
use crate::schema::{self, MIGRATIONS};
use crate::{
    Backend, Changes, Input, InputKind, KeyHit, KeyRole, MessageRow, PlanRow, PutRaw, Quarantined,
    RawMessage, ReadyRaw, Result, Stats, Store, StoreError,
};
use liaison_model::{Collaboration, Event};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::path::{Path, PathBuf};

mod checkpoint;
use checkpoint::Checkpointer;

/// A store in a SQLite database.
pub struct SqliteStore {
    conn: Connection,
    /// The database file (None in memory).
    path: Option<PathBuf>,
    /// The tracker lock file, while held.
    lock: Option<File>,
    /// A batch transaction is open ([`Store::begin_batch`]).
    in_batch: bool,
    /// Outbox locks held: lock-file bucket → (the locked file, the messages using it).
    outbox_locks: HashMap<u32, (File, HashSet<String>)>,
    /// The thread that checkpoints the WAL (file databases only, once a batch committed).
    checkpointer: Option<Checkpointer>,
}

/// How many lock files the outbox's per-message locks share.
const OUTBOX_LOCK_BUCKETS: u32 = 64;

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish()
    }
}

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// Switches a database to WAL. Changing the journal mode needs an exclusive lock and, on a
/// fresh file that other processes are opening at the same moment, SQLite answers BUSY at
/// once without calling the busy handler; so wait and retry here, up to the busy timeout.
fn set_wal(conn: &Connection) -> rusqlite::Result<()> {
    let start = std::time::Instant::now();
    let mut pause = std::time::Duration::from_millis(5);
    loop {
        let r = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0));
        match r {
            Ok(_) => return Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(std::time::Duration::from_millis(200));
            }
            Err(e) => return Err(e),
        }
    }
}

impl SqliteStore {
    /// A batch was committed: the checkpointing thread (started now if need be) may have
    /// work. A store that never commits a batch (a dashboard's reads, a mark) starts none.
    fn committed(&mut self) {
        if self.checkpointer.is_none()
            && let Some(path) = &self.path
        {
            self.checkpointer = Checkpointer::start(path);
        }
        if let Some(c) = &self.checkpointer {
            c.committed();
        }
    }

    /// Opens or creates the database file at `path` (and its folder), sets WAL mode and
    /// runs pending migrations.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        let fail = |reason: String| StoreError::Open {
            location: path.display().to_string(),
            reason,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| fail(e.to_string()))?;
        }
        let conn = Connection::open(path).map_err(|e| fail(e.to_string()))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| fail(e.to_string()))?;
        set_wal(&conn).map_err(|e| fail(e.to_string()))?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| fail(e.to_string()))?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| fail(e.to_string()))?;
        // A page cache for the indexes the tracker walks for every message. No memory map:
        // its pages count in the process's memory and grew with the database (660 MB peak
        // at 10^5 messages with a 1 GiB map, 226 MB without), and it saved nothing measurable
        // (ingest of 10^5 messages took the same CPU, `due` the same time).
        conn.pragma_update(None, "cache_size", -65_536)
            .map_err(|e| fail(e.to_string()))?;
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(|e| fail(e.to_string()))?;
        // Checkpoint the WAL every 64 MiB of it instead of every 4 MiB (SQLite's default):
        // an ingest rewrites the same index pages in every page of the tracker, and each
        // checkpoint copied them into the database again (a tenth of an ingest's CPU).
        // Safe: a checkpoint only moves committed pages from the WAL into the database; a
        // crash at any moment (kill -9 mid-ingest, before, during or after a checkpoint)
        // leaves every committed transaction in the WAL or the database, and the next open
        // recovers it, as before. With `synchronous = NORMAL` the WAL is synced at each
        // checkpoint, so on power loss (not a process crash) the transactions since the last
        // one may be lost, never half-applied: a message lost that way is simply stored
        // again by the next ingest of its mailbox (ingest is idempotent), and the database
        // is never corrupted. Readers (the dashboard) read a longer WAL through its index.
        //
        // The checkpoints themselves run on a thread of their own ([`checkpoint`]), started
        // at the first batch committed; the writer's automatic checkpoint stays only as a
        // backstop.
        conn.pragma_update(None, "wal_autocheckpoint", checkpoint::BACKSTOP_PAGES)
            .map_err(|e| fail(e.to_string()))?;
        let mut s = SqliteStore {
            conn,
            path: Some(path.to_path_buf()),
            lock: None,
            in_batch: false,
            outbox_locks: HashMap::new(),
            checkpointer: None,
        };
        s.migrate().map_err(|e| fail(e.to_string()))?;
        Ok(s)
    }

    /// A private in-memory database (for tests and `liaison rebuild`).
    pub fn memory() -> Result<SqliteStore> {
        let conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut s = SqliteStore {
            conn,
            path: None,
            lock: None,
            in_batch: false,
            outbox_locks: HashMap::new(),
            checkpointer: None,
        };
        s.migrate()?;
        Ok(s)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
            [],
            |r| r.get(0),
        )?)
    }

    fn migrate(&mut self) -> Result<()> {
        // Up to date (the usual case): a plain read, so opening never waits for a writer
        // such as a tracker page in progress.
        let applied_count: Result<i64> = self
            .conn
            .query_row("SELECT COUNT(*) FROM schema_migrations", [], |r| r.get(0))
            .map_err(Into::into);
        if self.schema_version().is_ok_and(|v| v == schema::latest())
            && applied_count.is_ok_and(|n| n == MIGRATIONS.len() as i64)
        {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )?;
        let current: i64 = tx.query_row(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
            [],
            |r| r.get(0),
        )?;
        if current > schema::latest() {
            return Err(StoreError::SchemaTooNew {
                found: current,
                known: schema::latest(),
            });
        }
        // Every migration not yet applied, not only those above the highest: versions are
        // numbered by the branch that wrote them, so a store may have 7 and still lack 6.
        let applied: Vec<i64> = {
            let mut st = tx.prepare("SELECT version FROM schema_migrations")?;
            let rows = st.query_map([], |r| r.get(0))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        for m in MIGRATIONS.iter().filter(|m| !applied.contains(&m.version)) {
            tx.execute_batch(m.sqlite)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
                params![m.version, m.name, schema::ts(chrono::Utc::now())],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

fn put_raw_tx(
    tx: &rusqlite::Transaction<'_>,
    bytes: &[u8],
    ready: &ReadyRaw,
    source: &str,
    message_id: Option<&str>,
    now: &str,
) -> Result<PutRaw> {
    let sha256 = ready.sha256().to_string();
    let packed = ready.stored(bytes);
    let n = tx
        .prepare_cached(
            "INSERT INTO raw_messages (sha256, bytes, message_id, source, size, stored_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (sha256) DO NOTHING",
        )?
        .execute(params![
            sha256,
            packed,
            message_id,
            source,
            bytes.len() as i64,
            now
        ])?;
    if n == 0 {
        return Ok(PutRaw::Duplicate { sha256 });
    }
    tx.prepare_cached("INSERT INTO inputs (kind, sha256, recorded_at) VALUES ('message', ?1, ?2)")?
        .execute(params![sha256, now])?;
    Ok(PutRaw::New {
        sha256,
        seq: tx.last_insert_rowid(),
    })
}

const INPUT_COLUMNS: &str =
    "i.seq, i.kind, i.recorded_at, i.applied, i.sha256, r.bytes, r.source, i.collaboration, i.event,
     r.size FROM inputs i LEFT JOIN raw_messages r ON r.sha256 = i.sha256";

/// [`INPUT_COLUMNS`] without the raw message (`pending_unread`): the ledger alone.
const INPUT_HEADS: &str =
    "i.seq, i.kind, i.recorded_at, i.applied, i.sha256, NULL, NULL, i.collaboration,
     i.event, NULL FROM inputs i";

type InputRow = (
    i64,
    String,
    String,
    bool,
    Option<String>,
    Option<Vec<u8>>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
);

fn input_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<InputRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
    ))
}

/// Builds an [`Input`] from its columns (shared with the PostgreSQL backend).
pub(crate) fn make_input(row: InputRowOwned) -> Result<Input> {
    make_input_read(row, true)
}

/// [`make_input`], reading the raw bytes only when `read` (else they are left empty: a row
/// of [`INPUT_HEADS`]).
pub(crate) fn make_input_read(row: InputRowOwned, read: bool) -> Result<Input> {
    let (seq, kind, recorded_at, applied, sha256, bytes, source, collaboration, event, size) = row;
    let kind = match kind.as_str() {
        "message" => InputKind::Message {
            sha256: sha256
                .ok_or_else(|| StoreError::corrupt(format!("input {seq}"), "no sha256"))?,
            bytes: match (bytes, size) {
                (Some(b), Some(n)) => crate::packing::unpack(b, n, &format!("of input {seq}"))?,
                _ if !read => Vec::new(),
                _ => {
                    return Err(StoreError::corrupt(
                        format!("input {seq}"),
                        "raw bytes missing",
                    ));
                }
            },
            source: source.unwrap_or_default(),
        },
        "manual" => InputKind::Manual {
            collaboration: collaboration.unwrap_or_default(),
            event: schema::decode_event(event.as_deref().unwrap_or("null"))?,
        },
        other => {
            return Err(StoreError::corrupt(
                format!("input {seq}"),
                format!("unknown kind {other:?}"),
            ));
        }
    };
    Ok(Input {
        seq,
        recorded_at: schema::parse_ts(&recorded_at)?,
        applied,
        kind,
    })
}

/// The columns of an input row, backend-independent.
pub(crate) type InputRowOwned = InputRow;

/// The writes of [`Store::apply`] on an open transaction; false (nothing written) when the
/// input was already applied. The ledger mark comes first, so returning early leaves
/// nothing to undo.
fn write_changes(conn: &Connection, changes: &Changes) -> Result<bool> {
    if !mark_applied(conn, changes.input.into_iter())? {
        return Ok(false);
    }
    let removed: Vec<&str> = changes.removed.iter().map(String::as_str).collect();
    let collaborations: Vec<&Collaboration> = changes.collaborations.iter().collect();
    let messages: Vec<&MessageRow> = changes.messages.iter().collect();
    write_rows(conn, &removed, &collaborations, &messages)?;
    Ok(true)
}

/// The writes of [`Store::apply_page`] on an open transaction, as PostgreSQL's page does
/// them: every input marked, the collaborations removed anywhere in the page deleted, each
/// collaboration written once as the page leaves it (unless the page ends by removing it),
/// and the last row of each message. Writing a collaboration once per page instead of once
/// per message that touches it saves serialising its whole timeline again and again (a
/// thread's replies mostly arrive in the same page). False when an input of the page was
/// already applied (the caller rolls back).
fn write_page(conn: &Connection, page: &[Changes]) -> Result<bool> {
    if !mark_applied(conn, page.iter().filter_map(|c| c.input))? {
        return Ok(false);
    }
    let rows = crate::PageRows::of(page);
    write_rows(conn, &rows.removed, &rows.written, &rows.messages)?;
    Ok(true)
}

/// Marks `seqs` applied; false when one of them already was.
fn mark_applied(conn: &Connection, seqs: impl Iterator<Item = i64>) -> Result<bool> {
    let mut mark =
        conn.prepare_cached("UPDATE inputs SET applied = 1 WHERE seq = ?1 AND applied = 0")?;
    for seq in seqs {
        if mark.execute([seq])? == 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Deletes `removed` (with their plans), writes `collaborations` whole and indexes
/// `messages` (with their keys the first time; a row already there gets its thread,
/// collaboration and opener updated).
fn write_rows(
    conn: &Connection,
    removed: &[&str],
    collaborations: &[&Collaboration],
    messages: &[&MessageRow],
) -> Result<()> {
    {
        let mut del = conn.prepare_cached("DELETE FROM collaborations WHERE id = ?1")?;
        let mut del_plans = conn.prepare_cached("DELETE FROM plans WHERE collaboration = ?1")?;
        let mut del_stale = conn.prepare_cached("DELETE FROM stale_plans WHERE id = ?1")?;
        for id in removed {
            del.execute([id])?;
            del_plans.execute([id])?;
            del_stale.execute([id])?;
        }
        let mut stale =
            conn.prepare_cached("INSERT INTO stale_plans (id) VALUES (?1) ON CONFLICT DO NOTHING")?;
        let mut up = conn.prepare_cached(
            "INSERT INTO collaborations (id, kind, state, owner, subject, started_utc, data, event_count)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, state = excluded.state,
               owner = excluded.owner, subject = excluded.subject,
               started_utc = excluded.started_utc, data = excluded.data,
               event_count = excluded.event_count,
               revision = collaborations.revision + 1",
        )?;
        for c in collaborations {
            up.execute(params![
                c.id,
                schema::collab_kind(c),
                c.state.id(),
                c.owner,
                c.subject,
                schema::ts(c.started.with_timezone(&chrono::Utc)),
                schema::collab_json(c),
                c.events.len() as i64
            ])?;
            stale.execute([&c.id])?;
        }
        let mut ins = conn.prepare_cached(
            "INSERT INTO messages (sha256, seq, message_id, date, opener, thread, collaboration)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (seq) DO NOTHING",
        )?;
        let mut upd = conn.prepare_cached(
            "UPDATE messages SET thread = ?2, collaboration = ?3, opener = ?4 WHERE seq = ?1",
        )?;
        let mut key = conn.prepare_cached(
            "INSERT INTO message_keys (key, role, seq, pos) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT DO NOTHING",
        )?;
        for m in messages {
            let n = ins.execute(params![
                m.sha256,
                m.seq,
                m.message_id,
                schema::date_text(m.date),
                m.opener,
                m.thread,
                m.collaboration
            ])?;
            if n == 1 {
                for (role, pos, k) in schema::key_rows(&m.keys) {
                    key.execute(params![k, role, m.seq, pos])?;
                }
            } else {
                upd.execute(params![m.seq, m.thread, m.collaboration, m.opener])?;
            }
        }
    }
    Ok(())
}

/// Message rows (without keys) for a `WHERE` clause over `messages`, by SHA-256.
fn message_rows(conn: &Connection, sql_where: &str, arg: &str) -> Result<Vec<MessageRow>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT sha256, seq, message_id, date, opener, thread, collaboration FROM messages WHERE {sql_where}"
    ))?;
    let rows = st.query_map([arg], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, bool>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, Option<String>>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (sha256, seq, message_id, date, opener, thread, collaboration) = row?;
        out.push(MessageRow {
            sha256,
            seq,
            message_id,
            date: schema::parse_date(date)?,
            opener,
            thread,
            collaboration,
            keys: Default::default(),
        });
    }
    // The rows are stored in ledger order; callers get them in the order of the messages'
    // identity, as before the rows were keyed by their ledger entry.
    out.sort_unstable_by(|a, b| a.sha256.cmp(&b.sha256));
    Ok(out)
}

impl Store for SqliteStore {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    fn put_raw(&mut self, bytes: &[u8], source: &str, message_id: Option<&str>) -> Result<PutRaw> {
        Ok(self
            .put_raw_batch(&[(bytes, source, message_id)])?
            .pop()
            .expect("one result per message"))
    }

    fn put_raw_batch(&mut self, batch: &[(&[u8], &str, Option<&str>)]) -> Result<Vec<PutRaw>> {
        self.put_raw_batch_ready(batch, &[])
    }

    fn put_raw_batch_ready(
        &mut self,
        batch: &[(&[u8], &str, Option<&str>)],
        ready: &[ReadyRaw],
    ) -> Result<Vec<PutRaw>> {
        let mut made = Vec::new();
        let ready = ReadyRaw::for_batch(batch, ready, &mut made);
        let now = schema::ts(chrono::Utc::now());
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut out = Vec::with_capacity(batch.len());
        for ((bytes, source, mid), r) in batch.iter().zip(ready) {
            out.push(put_raw_tx(&tx, bytes, r, source, *mid, &now)?);
        }
        tx.commit()?;
        self.committed();
        Ok(out)
    }

    fn raw(&mut self, sha256: &str) -> Result<Option<RawMessage>> {
        self.conn
            .prepare_cached(
                "SELECT r.sha256, r.bytes, r.message_id, r.source, i.seq, r.size
                 FROM raw_messages r JOIN inputs i ON i.sha256 = r.sha256 WHERE r.sha256 = ?1",
            )?
            .query_row([sha256], |r| {
                Ok((
                    RawMessage {
                        sha256: r.get(0)?,
                        bytes: r.get(1)?,
                        message_id: r.get(2)?,
                        source: r.get(3)?,
                        seq: r.get(4)?,
                    },
                    r.get::<_, i64>(5)?,
                ))
            })
            .optional()?
            .map(|(mut m, size)| {
                m.bytes = crate::packing::unpack(std::mem::take(&mut m.bytes), size, sha256)?;
                Ok::<_, StoreError>(m)
            })
            .transpose()
    }

    fn quarantine(&mut self, bytes: &[u8], source: &str, reason: &str) -> Result<bool> {
        let n = self.conn.execute(
            "INSERT INTO quarantine (sha256, bytes, source, reason, at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (sha256) DO NOTHING",
            params![
                crate::sha256_hex(bytes),
                bytes,
                source,
                reason,
                schema::ts(chrono::Utc::now())
            ],
        )?;
        Ok(n == 1)
    }

    fn quarantined(&mut self) -> Result<Vec<Quarantined>> {
        let mut st = self.conn.prepare(
            "SELECT sha256, source, reason, bytes, at FROM quarantine ORDER BY at, sha256",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Vec<u8>>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (sha256, source, reason, bytes, at) = row?;
            out.push(Quarantined {
                sha256,
                source,
                reason,
                bytes,
                at: schema::parse_ts(&at)?,
            });
        }
        Ok(out)
    }

    fn record_manual(&mut self, collaboration: &str, event: &Event) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO inputs (kind, collaboration, event, recorded_at) VALUES ('manual', ?1, ?2, ?3)",
            params![
                collaboration,
                schema::event_json(event),
                schema::ts(chrono::Utc::now())
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    fn pending(&mut self, limit: usize) -> Result<Vec<Input>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {INPUT_COLUMNS} WHERE i.applied = 0 ORDER BY i.seq LIMIT ?1"
        ))?;
        let rows = st.query_map([limit as i64], input_row)?;
        rows.map(|r| make_input(r?)).collect()
    }

    fn pending_unread(&mut self, limit: usize) -> Result<Vec<Input>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {INPUT_HEADS} WHERE i.applied = 0 ORDER BY i.seq LIMIT ?1"
        ))?;
        let rows = st.query_map([limit as i64], input_row)?;
        rows.map(|r| make_input_read(r?, false)).collect()
    }

    fn inputs(&mut self, after: i64, limit: usize) -> Result<Vec<Input>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {INPUT_COLUMNS} WHERE i.seq > ?1 ORDER BY i.seq LIMIT ?2"
        ))?;
        let rows = st.query_map(params![after, limit as i64], input_row)?;
        rows.map(|r| make_input(r?)).collect()
    }

    fn apply(&mut self, changes: &Changes) -> Result<bool> {
        if self.in_batch {
            return write_changes(&self.conn, changes);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !write_changes(&tx, changes)? {
            return Ok(false);
        }
        tx.commit()?;
        Ok(true)
    }

    fn apply_page(&mut self, page: &[Changes]) -> Result<bool> {
        if self.in_batch {
            return write_page(&self.conn, page);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !write_page(&tx, page)? {
            return Ok(false);
        }
        tx.commit()?;
        Ok(true)
    }

    fn begin_batch(&mut self) -> Result<()> {
        if !self.in_batch {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.in_batch = true;
        }
        Ok(())
    }

    fn end_batch(&mut self, commit: bool) -> Result<()> {
        if self.in_batch {
            self.in_batch = false;
            self.conn
                .execute_batch(if commit { "COMMIT" } else { "ROLLBACK" })?;
            if commit {
                self.committed();
            }
        }
        Ok(())
    }

    fn collaboration(&mut self, id: &str) -> Result<Option<Collaboration>> {
        let data: Option<String> = self
            .conn
            .prepare_cached("SELECT data FROM collaborations WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        data.map(|d| schema::decode_collab(&d)).transpose()
    }

    fn collaborations(&mut self) -> Result<Vec<Collaboration>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT data FROM collaborations ORDER BY started_utc, id")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|d| schema::decode_collab(&d?)).collect()
    }

    fn events(&mut self, collaboration: &str) -> Result<Vec<Event>> {
        Ok(self
            .collaboration(collaboration)?
            .map(|c| c.events)
            .unwrap_or_default())
    }

    fn messages_by_key(&mut self, keys: &[String], roles: &[KeyRole]) -> Result<Vec<KeyHit>> {
        // One lookup per key (the primary key's prefix), not one per key and role: the
        // tracker asks two or three roles at a time.
        let mut st = self.conn.prepare_cached(
            "SELECT k.role, m.sha256, m.thread FROM message_keys k
             JOIN messages m ON m.seq = k.seq WHERE k.key = ?1",
        )?;
        let mut out = Vec::new();
        let mut found: Vec<(i64, String, String)> = Vec::new();
        for key in keys {
            found.clear();
            let rows = st.query_map(params![key], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                found.push(row?);
            }
            found.sort_unstable_by(|a, b| a.1.cmp(&b.1));
            // The caller's role order, each role's hits by SHA-256.
            for role in roles {
                for (code, sha256, thread) in &found {
                    if *code == role.code() {
                        out.push(KeyHit {
                            key: key.clone(),
                            role: *role,
                            sha256: sha256.clone(),
                            thread: thread.clone(),
                        });
                    }
                }
            }
        }
        Ok(out)
    }

    fn message_row(&mut self, sha256: &str) -> Result<Option<MessageRow>> {
        Ok(message_rows(
            &self.conn,
            "seq = (SELECT seq FROM inputs WHERE sha256 = ?1)",
            sha256,
        )?
        .pop())
    }

    fn thread_members(&mut self, threads: &[String]) -> Result<Vec<MessageRow>> {
        let mut out = Vec::new();
        for t in threads {
            out.extend(message_rows(&self.conn, "thread = ?1", t)?);
        }
        out.sort_by(|a, b| a.sha256.cmp(&b.sha256));
        out.dedup_by(|a, b| a.sha256 == b.sha256);
        let mut st = self.conn.prepare_cached(
            "SELECT role, key FROM message_keys WHERE seq = ?1 ORDER BY role, pos",
        )?;
        for m in &mut out {
            let rows = st.query_map([m.seq], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?;
            let mut flat = Vec::new();
            for row in rows {
                let (role, key) = row?;
                flat.push((m.sha256.clone(), role, key));
            }
            if let Some(k) = schema::group_keys(flat)?.remove(&m.sha256) {
                m.keys = k;
            }
        }
        Ok(out)
    }

    fn manual_events(&mut self, collaboration: &str) -> Result<Vec<(i64, Event)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT seq, event FROM inputs WHERE kind = 'manual' AND collaboration = ?1 AND applied = 1 ORDER BY seq",
        )?;
        let rows = st.query_map([collaboration], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, ev) = row?;
            out.push((seq, schema::decode_event(&ev)?));
        }
        Ok(out)
    }

    fn all_messages(&mut self) -> Result<Vec<MessageRow>> {
        // `message_rows` takes one argument; this condition holds for every row.
        let mut out = message_rows(&self.conn, "?1 = ''", "")?;
        let mut st = self.conn.prepare_cached(
            "SELECT m.sha256, k.role, k.key FROM message_keys k JOIN messages m ON m.seq = k.seq
             ORDER BY k.seq, k.role, k.pos",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut flat = Vec::new();
        for row in rows {
            flat.push(row?);
        }
        let mut keys = schema::group_keys(flat)?;
        for m in &mut out {
            if let Some(k) = keys.remove(&m.sha256) {
                m.keys = k;
            }
        }
        Ok(out)
    }

    fn manual_collaborations(&mut self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached(
            "SELECT DISTINCT collaboration FROM inputs
             WHERE kind = 'manual' AND applied = 1 AND collaboration IS NOT NULL",
        )?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row?);
        }
        Ok(out)
    }

    fn reset_derived(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "DELETE FROM message_keys; DELETE FROM messages; DELETE FROM collaborations; DELETE FROM plans;
             DELETE FROM stale_plans; DELETE FROM meta WHERE key = 'tracker-generation';
             UPDATE inputs SET applied = 0;",
        )?;
        tx.commit()?;
        Ok(())
    }

    fn meta(&mut self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    fn lock_tracker(&mut self) -> Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        if self.lock.is_some() {
            return Ok(());
        }
        let mut lp = path.clone().into_os_string();
        lp.push(".tracker-lock");
        let io = |e| StoreError::Io {
            path: PathBuf::from(&lp).display().to_string(),
            error: e,
        };
        let f = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lp)
            .map_err(io)?;
        f.lock().map_err(io)?;
        self.lock = Some(f);
        Ok(())
    }

    fn unlock_tracker(&mut self) -> Result<()> {
        if let Some(f) = self.lock.take() {
            let _ = f.unlock();
        }
        Ok(())
    }

    fn stats(&mut self) -> Result<Stats> {
        let c = |s: &Connection, q: &str| -> Result<u64> {
            Ok(s.query_row(q, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Stats {
            raw_messages: c(&self.conn, "SELECT COUNT(*) FROM raw_messages")?,
            inputs: c(&self.conn, "SELECT COUNT(*) FROM inputs")?,
            pending: c(&self.conn, "SELECT COUNT(*) FROM inputs WHERE applied = 0")?,
            messages: c(&self.conn, "SELECT COUNT(*) FROM messages")?,
            collaborations: c(&self.conn, "SELECT COUNT(*) FROM collaborations")?,
            events: c(
                &self.conn,
                "SELECT COALESCE(SUM(event_count), 0) FROM collaborations",
            )?,
            quarantined: c(&self.conn, "SELECT COUNT(*) FROM quarantine")?,
        })
    }

    fn pending_count(&mut self) -> Result<u64> {
        let n: i64 =
            self.conn
                .query_row("SELECT COUNT(*) FROM inputs WHERE applied = 0", [], |r| {
                    r.get(0)
                })?;
        Ok(n as u64)
    }

    fn messages_upto(&mut self, limit: u64) -> Result<u64> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM (SELECT 1 FROM messages LIMIT ?1)",
            [limit.min(i64::MAX as u64) as i64],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    fn outbox_insert(&mut self, e: &OutboxEntry) -> Result<bool> {
        let n = self.conn.execute(
            &format!(
                "INSERT INTO outbox ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
                 ON CONFLICT (message_id) DO NOTHING",
                outbox::COLUMNS
            ),
            params![
                e.message_id,
                e.state.as_str(),
                e.subject,
                e.from,
                outbox::addrs_json(&e.to),
                outbox::addrs_json(&e.recipients),
                e.collaboration,
                e.action,
                e.bytes,
                i64::from(e.attempts),
                e.last_error,
                schema::ts(e.created_at),
                schema::ts(e.updated_at),
                e.next_attempt_at.map(schema::ts),
                e.sent_at.map(schema::ts),
                e.handed_over,
                e.recorded,
                e.appended,
                e.reply
            ],
        )?;
        Ok(n == 1)
    }

    fn outbox_get(&mut self, message_id: &str) -> Result<Option<OutboxEntry>> {
        let row = self
            .conn
            .query_row(
                &format!(
                    "SELECT {} FROM outbox WHERE message_id = ?1",
                    outbox::COLUMNS
                ),
                [message_id],
                outbox_row,
            )
            .optional()?;
        row.map(outbox::Row::decode).transpose()
    }

    fn outbox_list(&mut self, states: &[OutboxState]) -> Result<Vec<OutboxEntry>> {
        let names = outbox::state_names(if states.is_empty() {
            &OutboxState::ALL
        } else {
            states
        });
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {} FROM outbox WHERE state IN (SELECT value FROM json_each(?1))
             ORDER BY created_at, message_id",
            outbox::COLUMNS
        ))?;
        let rows = st.query_map(
            [serde_json::to_string(&names).expect("names serialise")],
            outbox_row,
        )?;
        rows.map(|r| r?.decode()).collect()
    }

    fn outbox_unfinished(&mut self) -> Result<Vec<OutboxEntry>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {} FROM outbox WHERE state = 'sent' AND (recorded = 0 OR appended = 0)
             ORDER BY created_at, message_id",
            outbox::COLUMNS
        ))?;
        let rows = st.query_map([], outbox_row)?;
        rows.map(|r| r?.decode()).collect()
    }

    fn outbox_update(&mut self, e: &OutboxEntry, expect: &[OutboxState]) -> Result<bool> {
        let names = outbox::state_names(expect);
        let n = self.conn.execute(
            "UPDATE outbox SET state = ?2, subject = ?3, sender = ?4, to_addrs = ?5,
               recipients = ?6, collaboration = ?7, action = ?8, bytes = ?9, attempts = ?10,
               last_error = ?11, updated_at = ?12, next_attempt_at = ?13, sent_at = ?14,
               handed_over = ?15, recorded = ?16, appended = ?17, reply = ?18
             WHERE message_id = ?1 AND state IN (SELECT value FROM json_each(?19))",
            params![
                e.message_id,
                e.state.as_str(),
                e.subject,
                e.from,
                outbox::addrs_json(&e.to),
                outbox::addrs_json(&e.recipients),
                e.collaboration,
                e.action,
                e.bytes,
                i64::from(e.attempts),
                e.last_error,
                schema::ts(e.updated_at),
                e.next_attempt_at.map(schema::ts),
                e.sent_at.map(schema::ts),
                e.handed_over,
                e.recorded,
                e.appended,
                e.reply,
                serde_json::to_string(&names).expect("names serialise")
            ],
        )?;
        Ok(n == 1)
    }

    fn outbox_delete(&mut self, message_id: &str, expect: &[OutboxState]) -> Result<bool> {
        let names = outbox::state_names(expect);
        let n = self.conn.execute(
            "DELETE FROM outbox WHERE message_id = ?1 AND state IN (SELECT value FROM json_each(?2))",
            params![
                message_id,
                serde_json::to_string(&names).expect("names serialise")
            ],
        )?;
        Ok(n == 1)
    }

    fn outbox_try_lock(&mut self, message_id: &str) -> Result<bool> {
        let Some(path) = &self.path else {
            return Ok(true);
        };
        let bucket = outbox::mid_hash(message_id) % OUTBOX_LOCK_BUCKETS;
        if let Some((_, users)) = self.outbox_locks.get_mut(&bucket) {
            // Already ours (flock would refuse a second descriptor of this process).
            users.insert(message_id.to_string());
            return Ok(true);
        }
        let mut dir = path.clone().into_os_string();
        dir.push(".outbox-locks");
        let dir = PathBuf::from(dir);
        let file = dir.join(format!("{bucket:02}"));
        let io = |e| StoreError::Io {
            path: file.display().to_string(),
            error: e,
        };
        std::fs::create_dir_all(&dir).map_err(io)?;
        let f = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&file)
            .map_err(io)?;
        match f.try_lock() {
            Ok(()) => {
                self.outbox_locks
                    .insert(bucket, (f, HashSet::from([message_id.to_string()])));
                Ok(true)
            }
            Err(std::fs::TryLockError::WouldBlock) => Ok(false),
            Err(std::fs::TryLockError::Error(e)) => Err(io(e)),
        }
    }

    fn outbox_unlock(&mut self, message_id: &str) -> Result<()> {
        let bucket = outbox::mid_hash(message_id) % OUTBOX_LOCK_BUCKETS;
        if let Some((_, users)) = self.outbox_locks.get_mut(&bucket) {
            users.remove(message_id);
            if users.is_empty()
                && let Some((f, _)) = self.outbox_locks.remove(&bucket)
            {
                let _ = f.unlock();
            }
        }
        Ok(())
    }

    fn folder_cursor(&mut self, account: &str, folder: &str) -> Result<Option<FolderCursor>> {
        let row: Option<(i64, i64)> = self
            .conn
            .query_row(
                "SELECT uid_validity, last_uid FROM imap_folders WHERE account = ?1 AND folder = ?2",
                [account, folder],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.map(|(v, u)| FolderCursor {
            uid_validity: v as u32,
            last_uid: u as u32,
        }))
    }

    fn set_folder_cursor(
        &mut self,
        account: &str,
        folder: &str,
        cursor: FolderCursor,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO imap_folders (account, folder, uid_validity, last_uid) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (account, folder) DO UPDATE SET uid_validity = excluded.uid_validity,
               last_uid = excluded.last_uid",
            params![
                account,
                folder,
                i64::from(cursor.uid_validity),
                i64::from(cursor.last_uid)
            ],
        )?;
        Ok(())
    }

    fn unplanned(&mut self, limit: usize) -> Result<Vec<(i64, Collaboration)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT c.revision, c.data FROM stale_plans s JOIN collaborations c ON c.id = s.id LIMIT ?1",
        )?;
        let rows = st.query_map([limit as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (rev, data) = row?;
            out.push((rev, schema::decode_collab(&data)?));
        }
        Ok(out)
    }

    fn put_plans(&mut self, plans: &[(String, i64, Vec<PlanRow>)]) -> Result<usize> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut stored = 0;
        {
            let mut mark = tx.prepare_cached(
                "DELETE FROM stale_plans WHERE id = ?1
                   AND EXISTS (SELECT 1 FROM collaborations WHERE id = ?1 AND revision = ?2)",
            )?;
            let mut del = tx.prepare_cached("DELETE FROM plans WHERE collaboration = ?1")?;
            let mut ins = tx.prepare_cached(
                "INSERT INTO plans (collaboration, valid_from, valid_until, due_at, overdue_at, data, seq)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for (id, rev, rows) in plans {
                if mark.execute(params![id, rev])? == 0 {
                    continue;
                }
                stored += 1;
                del.execute([id])?;
                for (seq, r) in rows.iter().enumerate() {
                    ins.execute(params![
                        r.collaboration,
                        r.valid_from,
                        r.valid_until,
                        r.due_at,
                        r.overdue_at,
                        r.data,
                        seq as i64
                    ])?;
                }
            }
        }
        tx.commit()?;
        Ok(stored)
    }

    fn settle_plans(&mut self, states: &[&str]) -> Result<usize> {
        // CROSS JOIN: walk the stale list (short) rather than every collaboration.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut n = 0;
        {
            let mut del = tx.prepare_cached(
                "DELETE FROM plans WHERE collaboration IN
                   (SELECT s.id FROM stale_plans s CROSS JOIN collaborations c ON c.id = s.id
                    WHERE c.state = ?1)",
            )?;
            let mut mark = tx.prepare_cached(
                "DELETE FROM stale_plans WHERE id IN
                   (SELECT s.id FROM stale_plans s CROSS JOIN collaborations c ON c.id = s.id
                    WHERE c.state = ?1)",
            )?;
            for st in states {
                del.execute([st])?;
                n += mark.execute([st])?;
            }
        }
        tx.commit()?;
        Ok(n)
    }

    fn invalidate_plans(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "INSERT OR IGNORE INTO stale_plans (id) SELECT id FROM collaborations;
             DELETE FROM plans;",
        )?;
        tx.commit()?;
        Ok(())
    }

    fn plans_at(&mut self, at: i64, upcoming: bool) -> Result<Vec<PlanRow>> {
        let sql = if upcoming {
            "SELECT collaboration, valid_from, valid_until, due_at, overdue_at, data FROM plans
             WHERE valid_from <= ?1 AND valid_until > ?1"
        } else {
            "SELECT collaboration, valid_from, valid_until, due_at, overdue_at, data FROM plans
             WHERE due_at <= ?1 AND valid_from <= ?1 AND valid_until > ?1"
        };
        let mut st = self.conn.prepare_cached(sql)?;
        let rows = st.query_map([at], |r| {
            Ok(PlanRow {
                collaboration: r.get(0)?,
                valid_from: r.get(1)?,
                valid_until: r.get(2)?,
                due_at: r.get(3)?,
                overdue_at: r.get(4)?,
                data: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    fn plans_due_count(&mut self, at: i64) -> Result<crate::PlanCount> {
        let (due, overdue): (i64, i64) = self
            .conn
            .prepare_cached(
                "SELECT COUNT(*), COALESCE(SUM(overdue_at < ?1), 0) FROM plans
                 WHERE due_at <= ?1 AND valid_from <= ?1 AND valid_until > ?1",
            )?
            .query_row([at], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(crate::PlanCount {
            due: due as usize,
            overdue: overdue as usize,
        })
    }

    fn plans_due_page(
        &mut self,
        at: i64,
        after: Option<(i64, &str)>,
        limit: usize,
    ) -> Result<Vec<PlanRow>> {
        // The index on due_at gives the order; ties on due_at are few and sorted after.
        let (from, key) = after.unwrap_or((i64::MIN, ""));
        let mut st = self.conn.prepare_cached(
            "SELECT collaboration, valid_from, valid_until, due_at, overdue_at, data FROM plans
             WHERE due_at <= ?1 AND valid_from <= ?1 AND valid_until > ?1
               AND due_at >= ?2 AND (due_at > ?2 OR collaboration > ?3)
             ORDER BY due_at, collaboration LIMIT ?4",
        )?;
        let rows = st.query_map(params![at, from, key, limit as i64], |r| {
            Ok(PlanRow {
                collaboration: r.get(0)?,
                valid_from: r.get(1)?,
                valid_until: r.get(2)?,
                due_at: r.get(3)?,
                overdue_at: r.get(4)?,
                data: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    fn web_user_put(&mut self, user: &crate::WebUser) -> Result<()> {
        self.conn.execute(
            "INSERT INTO web_users (name, role, password_hash, lang, created_at, department)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (name) DO UPDATE SET role = excluded.role,
               password_hash = excluded.password_hash, lang = excluded.lang,
               department = excluded.department",
            params![
                user.name,
                user.role,
                user.password_hash,
                user.lang,
                schema::ts(chrono::Utc::now()),
                user.department
            ],
        )?;
        Ok(())
    }

    fn web_user(&mut self, name: &str) -> Result<Option<crate::WebUser>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT name, role, password_hash, lang, department FROM web_users WHERE name = ?1",
            )?
            .query_row([name], |r| {
                Ok(crate::WebUser {
                    name: r.get(0)?,
                    role: r.get(1)?,
                    password_hash: r.get(2)?,
                    lang: r.get(3)?,
                    department: r.get(4)?,
                })
            })
            .optional()?)
    }

    fn web_users(&mut self) -> Result<Vec<crate::WebUser>> {
        let mut st = self.conn.prepare_cached(
            "SELECT name, role, password_hash, lang, department FROM web_users ORDER BY name",
        )?;
        let rows = st.query_map([], |r| {
            Ok(crate::WebUser {
                name: r.get(0)?,
                role: r.get(1)?,
                password_hash: r.get(2)?,
                lang: r.get(3)?,
                department: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    fn web_session_put(&mut self, s: &crate::WebSession) -> Result<()> {
        let now = schema::ts(chrono::Utc::now());
        self.conn
            .prepare_cached("DELETE FROM web_sessions WHERE expires_utc < ?1")?
            .execute([&now])?;
        self.conn
            .prepare_cached(
                "INSERT INTO web_sessions (token_hash, user_name, csrf, expires_utc) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![s.token_hash, s.user, s.csrf, schema::ts(s.expires)])?;
        Ok(())
    }

    fn web_session(&mut self, token_hash: &str) -> Result<Option<crate::WebSession>> {
        let row: Option<(String, String, String, String)> = self
            .conn
            .prepare_cached(
                "SELECT token_hash, user_name, csrf, expires_utc FROM web_sessions WHERE token_hash = ?1",
            )?
            .query_row([token_hash], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        row.map(|(token_hash, user, csrf, exp)| {
            Ok(crate::WebSession {
                token_hash,
                user,
                csrf,
                expires: schema::parse_ts(&exp)?,
            })
        })
        .transpose()
    }

    fn web_session_delete(&mut self, token_hash: &str) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM web_sessions WHERE token_hash = ?1")?
            .execute([token_hash])?;
        Ok(())
    }

    fn web_token_put(&mut self, token_hash: &str, user: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO web_tokens (token_hash, user_name, created_at) VALUES (?1, ?2, ?3)",
            params![token_hash, user, schema::ts(chrono::Utc::now())],
        )?;
        Ok(())
    }

    fn web_token_user(&mut self, token_hash: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT user_name FROM web_tokens WHERE token_hash = ?1")?
            .query_row([token_hash], |r| r.get(0))
            .optional()?)
    }

    fn collaboration_page(
        &mut self,
        query: &crate::PageQuery,
    ) -> Result<Vec<crate::PagedCollaboration>> {
        let (sql, args) = crate::web::page_sql(query);
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (started_utc, id, data) = row?;
            out.push(crate::PagedCollaboration {
                key: crate::PageKey { started_utc, id },
                collaboration: schema::decode_collab(&data)?,
            });
        }
        Ok(out)
    }
}

fn outbox_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<outbox::Row> {
    Ok(outbox::Row {
        message_id: r.get(0)?,
        state: r.get(1)?,
        subject: r.get(2)?,
        sender: r.get(3)?,
        to_addrs: r.get(4)?,
        recipients: r.get(5)?,
        collaboration: r.get(6)?,
        action: r.get(7)?,
        bytes: r.get(8)?,
        attempts: r.get(9)?,
        last_error: r.get(10)?,
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
        next_attempt_at: r.get(13)?,
        sent_at: r.get(14)?,
        handed_over: r.get(15)?,
        recorded: r.get(16)?,
        appended: r.get(17)?,
        reply: r.get(18)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_mail_is_stored_packed_and_short_mail_as_is() {
        let mut s = SqliteStore::memory().unwrap();
        let long = "Subject: x\r\n\r\n".to_string() + &"请于本周五下班前提供数据。\r\n".repeat(200);
        s.put_raw(long.as_bytes(), "long", None).unwrap();
        s.put_raw(b"Subject: y\r\n\r\nok\r\n", "short", None)
            .unwrap();
        let rows: Vec<(String, i64, i64)> = s
            .conn
            .prepare("SELECT source, length(bytes), size FROM raw_messages ORDER BY source")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(rows[0].0, "long");
        assert!(rows[0].1 * 10 < rows[0].2, "{rows:?}");
        assert_eq!(rows[0].2, long.len() as i64);
        assert_eq!(rows[1].1, rows[1].2, "{rows:?}");
    }

    #[test]
    fn raw_messages_refuse_changes() {
        let mut s = SqliteStore::memory().unwrap();
        s.put_raw(b"Subject: x\r\n\r\n", "x", None).unwrap();
        let err = s
            .conn
            .execute("UPDATE raw_messages SET bytes = x'00'", [])
            .unwrap_err();
        assert!(err.to_string().contains("immutable"), "{err}");
        assert!(s.conn.execute("DELETE FROM raw_messages", []).is_err());
        assert_eq!(s.schema_version().unwrap(), schema::latest());
    }

    /// A database at `path` as a liaison that knew migrations up to `version` left it.
    fn migrated_to(path: &Path, version: i64) -> Connection {
        let conn = Connection::open(path).unwrap();
        conn.execute_batch(
            "CREATE TABLE schema_migrations (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )
        .unwrap();
        for m in MIGRATIONS.iter().filter(|m| m.version <= version) {
            conn.execute_batch(m.sqlite).unwrap();
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?1, ?2, 'x')",
                params![m.version, m.name],
            )
            .unwrap();
        }
        conn
    }

    /// A version-1 database (append-only events, first-writer thread keys) upgrades to
    /// version 2 with its ledger intact, its derived state emptied and every input pending,
    /// so the next tracker run recomputes it.
    #[test]
    fn version_1_data_is_kept_and_retracked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        {
            let conn = migrated_to(&path, 1);
            conn.execute_batch(
                "INSERT INTO raw_messages VALUES ('aa', x'41', 'a@x', 'a.eml', 1, 'x');
                 INSERT INTO inputs (kind, sha256, recorded_at, applied) VALUES ('message', 'aa', 'x', 1);
                 INSERT INTO collaborations VALUES ('c1', 'request', 'sent', 'o', 's', 'x', '{}');
                 INSERT INTO events (collaboration, kind, at, data) VALUES ('c1', 'sent', 'x', '{}');
                 INSERT INTO thread_keys VALUES ('mid:a@x', 'c1');",
            )
            .unwrap();
        }
        let mut s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), schema::latest());
        let st = s.stats().unwrap();
        assert_eq!(
            (
                st.raw_messages,
                st.inputs,
                st.pending,
                st.collaborations,
                st.events
            ),
            (1, 1, 1, 0, 0)
        );
        assert_eq!(s.raw("aa").unwrap().unwrap().bytes, b"A");
    }
    /// A version-11 database (tracked messages keyed by SHA-256) upgrades to version 12
    /// with every message row and threading key kept, now found through the ledger entry.
    #[test]
    fn version_11_messages_are_kept_when_keyed_by_ledger_entry() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v11.db");
        {
            let conn = migrated_to(&path, 11);
            conn.execute_batch(
                "INSERT INTO raw_messages VALUES ('bb', x'42', 'b@x', 'b.eml', 1, 'x');
                 INSERT INTO raw_messages VALUES ('aa', x'41', 'a@x', 'a.eml', 1, 'x');
                 INSERT INTO inputs (kind, sha256, recorded_at, applied) VALUES ('message', 'bb', 'x', 1);
                 INSERT INTO inputs (kind, sha256, recorded_at, applied) VALUES ('message', 'aa', 'x', 1);
                 INSERT INTO messages VALUES ('bb', 1, 'b@x', NULL, 1, 'bb', 'c1');
                 INSERT INTO messages VALUES ('aa', 2, 'a@x', NULL, 0, 'bb', 'c1');
                 INSERT INTO message_keys VALUES ('mid:b@x', 0, 'bb', 0);
                 INSERT INTO message_keys VALUES ('mid:a@x', 0, 'aa', 0);
                 INSERT INTO message_keys VALUES ('mid:b@x', 1, 'aa', 0);
                 INSERT INTO message_keys VALUES ('subj:x', 2, 'aa', 0);",
            )
            .unwrap();
        }
        let mut s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), schema::latest());
        let a = s.message_row("aa").unwrap().unwrap();
        assert_eq!((a.seq, a.thread.as_str(), a.opener), (2, "bb", false));
        assert!(s.message_row("cc").unwrap().is_none());
        let hits = s
            .messages_by_key(&["mid:b@x".to_string()], &KeyRole::ALL)
            .unwrap();
        let hits: Vec<(KeyRole, &str)> = hits.iter().map(|h| (h.role, h.sha256.as_str())).collect();
        assert_eq!(hits, [(KeyRole::Own, "bb"), (KeyRole::Strong, "aa")]);
        let members = s.thread_members(&["bb".to_string()]).unwrap();
        let shas: Vec<&str> = members.iter().map(|m| m.sha256.as_str()).collect();
        assert_eq!(shas, ["aa", "bb"]);
        assert_eq!(members[0].keys.strong, ["mid:b@x"]);
        assert_eq!(members[0].keys.weak, ["subj:x"]);
        assert_eq!(s.all_messages().unwrap(), members);
    }
}
