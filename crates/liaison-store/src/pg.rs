//! The PostgreSQL backend, for a team server shared by several liaison processes.

use crate::outbox::{self, FolderCursor, OutboxEntry, OutboxState};
use crate::schema::{self, MIGRATIONS};
use crate::sqlite::make_input_read;
use crate::{
    Backend, Changes, Input, KeyHit, KeyRole, MessageRow, PlanRow, PutRaw, Quarantined, RawMessage,
    ReadyRaw, Result, Stats, Store, StoreError,
};
use liaison_model::{Collaboration, Event};
use postgres::{Client, NoTls, Row};

/// Advisory-lock namespace of liaison ("LIAI" in ASCII); the low bits tell the lock apart.
const LOCK_BASE: i64 = 0x4C49_4149_0000_0000;
const LOCK_MIGRATE: i64 = 1;
const LOCK_TRACKER: i64 = 2;
const LOCK_SCHEMA: i64 = 3;
const LOCK_OUTBOX: i64 = 4;

/// A store in a PostgreSQL database.
pub struct PgStore {
    client: Client,
    schema: Option<String>,
    tracker_locked: bool,
    /// A batch transaction is open ([`Store::begin_batch`]).
    in_batch: bool,
    /// Prepared statements of the hot paths, by SQL text (one round trip less per use).
    stmts: std::collections::HashMap<&'static str, postgres::Statement>,
    /// Outbox locks held by this session: lock key → the messages using it.
    outbox_locks: std::collections::HashMap<i32, std::collections::HashSet<String>>,
    /// Rows of `stale_plans` this session deleted since it last vacuumed them (see
    /// [`Store::unplanned`]).
    stale_cleared: usize,
}

/// Deleted `stale_plans` rows from which on a session that has planned everything vacuums
/// the plan tables itself.
const VACUUM_AFTER: usize = 10_000;

const SQL_MARK_APPLIED: &str = "UPDATE inputs SET applied = TRUE WHERE seq = $1 AND NOT applied";
// One round trip: the row, and its plan marked stale.
const SQL_UPSERT_COLLAB: &str = "WITH up AS (
     INSERT INTO collaborations (id, kind, state, owner, subject, started_utc, data, event_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, state = excluded.state,
       owner = excluded.owner, subject = excluded.subject,
       started_utc = excluded.started_utc, data = excluded.data,
       event_count = excluded.event_count,
       revision = collaborations.revision + 1
     RETURNING id)
     INSERT INTO stale_plans (id) SELECT id FROM up ON CONFLICT DO NOTHING";
const SQL_DELETE_COLLAB: &str = "DELETE FROM collaborations WHERE id = $1";
const SQL_DELETE_COLLAB_PLANS: &str = "DELETE FROM plans WHERE collaboration = $1";
const SQL_DELETE_STALE_PLAN: &str = "DELETE FROM stale_plans WHERE id = $1";

const SQL_INSERT_MESSAGE: &str =
    "INSERT INTO messages (sha256, seq, message_id, date, opener, thread, collaboration)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (seq) DO NOTHING";
const SQL_UPDATE_MESSAGE: &str =
    "UPDATE messages SET thread = $2, collaboration = $3, opener = $4 WHERE seq = $1";
const SQL_INSERT_KEYS: &str = "INSERT INTO message_keys (key, role, seq, pos)
     SELECT k, r, $3, p FROM unnest($1::TEXT[], $2::SMALLINT[], $4::INTEGER[]) AS t(k, r, p)
     ON CONFLICT DO NOTHING";
const SQL_GET_COLLAB: &str = "SELECT data FROM collaborations WHERE id = $1";
const SQL_BY_KEY: &str = "SELECT k.key, k.role::BIGINT, m.sha256, m.thread
     FROM message_keys k JOIN messages m ON m.seq = k.seq
     WHERE k.key = ANY($1::TEXT[]) AND k.role = ANY($2::SMALLINT[])
     ORDER BY k.key, k.role, m.sha256";
const SQL_MEMBERS: &str =
    "SELECT sha256, seq, message_id, date, opener, thread, collaboration FROM messages
     WHERE thread = ANY($1::TEXT[]) ORDER BY sha256";
const SQL_MEMBER_KEYS: &str = "SELECT m.sha256, k.role::BIGINT, k.key
     FROM message_keys k JOIN messages m ON m.seq = k.seq
     WHERE k.seq = ANY($1::BIGINT[]) ORDER BY k.seq, k.role, k.pos";
const SQL_MANUAL: &str = "SELECT seq, event FROM inputs
     WHERE kind = 'manual' AND collaboration = $1 AND applied ORDER BY seq";

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("schema", &self.schema)
            .finish()
    }
}

/// Splits liaison's own `schema=NAME` query parameter off a URL.
fn split_schema(url: &str) -> std::result::Result<(String, Option<String>), String> {
    let Some((base, query)) = url.split_once('?') else {
        return Ok((url.to_string(), None));
    };
    let mut keep = Vec::new();
    let mut schema = None;
    for kv in query.split('&').filter(|s| !s.is_empty()) {
        match kv.split_once('=') {
            Some(("schema", name)) => {
                if name.is_empty()
                    || name.len() > 63
                    || !name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                    || name.starts_with(|c: char| c.is_ascii_digit())
                {
                    return Err(format!(
                        "schema name {name:?}: use lower-case letters, digits and _ (max 63)"
                    ));
                }
                schema = Some(name.to_string());
            }
            _ => keep.push(kv),
        }
    }
    let url = if keep.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", keep.join("&"))
    };
    Ok((url, schema))
}

/// A PostgreSQL error with the server's own message (the driver's `Display` says only
/// "db error").
pub(crate) fn describe(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => e.to_string(),
    }
}

/// The advisory-lock key that serialises creating the schema `name`.
fn schema_lock_key(name: &str) -> i64 {
    let mut h: i64 = 0;
    for b in name.bytes() {
        h = h.wrapping_mul(31).wrapping_add(b as i64);
    }
    LOCK_BASE ^ ((h & 0x00FF_FFFF) << 8) ^ LOCK_SCHEMA
}

/// The URL with any password replaced, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// Whether the store on the connection's search path has every migration this build knows
/// and none newer: read without a lock, as migrations only ever add. Any error (no table
/// yet) answers no, and [`PgStore::migrate`] decides under its lock.
fn migrated(client: &mut Client) -> bool {
    let Ok(msgs) = client.simple_query("SELECT version FROM schema_migrations") else {
        return false;
    };
    let applied: Vec<i64> = msgs
        .iter()
        .filter_map(|m| match m {
            postgres::SimpleQueryMessage::Row(r) => r.get(0).and_then(|v| v.parse().ok()),
            _ => None,
        })
        .collect();
    applied.iter().all(|v| *v <= schema::latest())
        && MIGRATIONS.iter().all(|m| applied.contains(&m.version))
}

impl PgStore {
    /// Connects to `url` (`postgres://user[:pass]@host:port/db[?schema=NAME]`) and runs
    /// pending migrations under an advisory lock.
    pub fn connect(url: &str) -> Result<PgStore> {
        let fail = |reason: String| StoreError::Open {
            location: redact(url),
            reason,
        };
        let (conn_url, schema) = split_schema(url).map_err(fail)?;
        let mut client = Client::connect(&conn_url, NoTls).map_err(|e| fail(describe(&e)))?;
        // Every open but a store's first finds its schema there and migrated: two round
        // trips to see that, instead of creating the schema under a lock and checking the
        // migrations in a locked transaction (a dozen, a tenth of a `due` at 10^6).
        let ready = match &schema {
            Some(s) => client
                .batch_execute(&format!("SET search_path TO \"{s}\""))
                .is_ok(),
            None => true,
        } && migrated(&mut client);
        if let Some(s) = schema.as_ref().filter(|_| !ready) {
            // Concurrent `CREATE SCHEMA IF NOT EXISTS` of one name can still collide on the
            // catalogue's unique index; a lock per schema name serialises first starts.
            let key = schema_lock_key(s);
            // Separate statements: a multi-statement string is one implicit transaction,
            // and the lock would be released before the schema is committed.
            for sql in [
                format!("SELECT pg_advisory_lock({key})"),
                format!("CREATE SCHEMA IF NOT EXISTS \"{s}\""),
                format!("SELECT pg_advisory_unlock({key})"),
                format!("SET search_path TO \"{s}\""),
            ] {
                client.batch_execute(&sql).map_err(|e| fail(describe(&e)))?;
            }
        }
        let mut st = PgStore {
            client,
            schema,
            tracker_locked: false,
            in_batch: false,
            stmts: Default::default(),
            outbox_locks: Default::default(),
            stale_cleared: 0,
        };
        if ready {
            return Ok(st);
        }
        st.migrate().map_err(|e| match e {
            e @ StoreError::SchemaTooNew { .. } => e,
            StoreError::Postgres(e) => fail(describe(&e)),
            e => fail(e.to_string()),
        })?;
        Ok(st)
    }

    /// The prepared statement for `sql`, prepared on first use.
    fn stmt(&mut self, sql: &'static str) -> Result<postgres::Statement> {
        if let Some(s) = self.stmts.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client.prepare(sql)?;
        self.stmts.insert(sql, s.clone());
        Ok(s)
    }

    /// The schema this store lives in (`None`: the connection's default search path).
    pub fn schema(&self) -> Option<&str> {
        self.schema.as_deref()
    }

    /// The advisory-lock key for `which`, distinct per schema so tests stay apart.
    fn lock_key(&self, which: i64) -> i64 {
        let mut h: i64 = 0;
        for b in self.schema.as_deref().unwrap_or("").bytes() {
            h = h.wrapping_mul(31).wrapping_add(b as i64);
        }
        LOCK_BASE ^ ((h & 0x00FF_FFFF) << 8) ^ which
    }

    /// The two-key advisory lock of a message (a key space apart from the one-key locks):
    /// this schema's outbox, and a bucket of Message-IDs.
    fn outbox_lock_keys(&self, message_id: &str) -> (i32, i32) {
        let k1 = (self.lock_key(LOCK_OUTBOX) & 0x7FFF_FFFF) as i32;
        let k2 = (outbox::mid_hash(message_id) % 4096) as i32;
        (k1, k2)
    }

    fn migrate(&mut self) -> Result<()> {
        let key = self.lock_key(LOCK_MIGRATE);
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&key])?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )?;
        let current: i64 = tx
            .query_one(
                "SELECT COALESCE(MAX(version), 0)::BIGINT FROM schema_migrations",
                &[],
            )?
            .get(0);
        if current > schema::latest() {
            return Err(StoreError::SchemaTooNew {
                found: current,
                known: schema::latest(),
            });
        }
        // Every migration not yet applied, not only those above the highest: versions are
        // numbered by the branch that wrote them, so a store may have 7 and still lack 6.
        let applied: Vec<i64> = tx
            .query("SELECT version FROM schema_migrations", &[])?
            .iter()
            .map(|r| r.get(0))
            .collect();
        for m in MIGRATIONS.iter().filter(|m| !applied.contains(&m.version)) {
            tx.batch_execute(m.postgres)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                &[&m.version, &m.name, &schema::ts(chrono::Utc::now())],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The schema version of the open database.
    pub fn schema_version(&mut self) -> Result<i64> {
        Ok(self
            .client
            .query_one(
                "SELECT COALESCE(MAX(version), 0)::BIGINT FROM schema_migrations",
                &[],
            )?
            .get(0))
    }
}

/// A deadlock or serialisation failure: the transaction can be run again.
fn is_retryable(e: &postgres::Error) -> bool {
    use postgres::error::SqlState;
    matches!(
        e.code(),
        Some(c) if *c == SqlState::T_R_DEADLOCK_DETECTED || *c == SqlState::T_R_SERIALIZATION_FAILURE
    )
}

const INPUT_COLUMNS: &str =
    "i.seq, i.kind, i.recorded_at, i.applied, i.sha256, r.bytes, r.source, i.collaboration, i.event,
     r.size FROM inputs i LEFT JOIN raw_messages r ON r.sha256 = i.sha256";

/// [`INPUT_COLUMNS`] without the raw message (`pending_unread`): the ledger alone.
const INPUT_HEADS: &str =
    "i.seq, i.kind, i.recorded_at, i.applied, i.sha256, NULL::bytea, NULL::text,
     i.collaboration, i.event, NULL::bigint FROM inputs i";

fn input_of(r: &Row) -> Result<Input> {
    input_read(r, true)
}

/// [`input_of`], reading the raw bytes only when `read`.
fn input_read(r: &Row, read: bool) -> Result<Input> {
    make_input_read(
        (
            r.try_get(0)?,
            r.try_get(1)?,
            r.try_get(2)?,
            r.try_get(3)?,
            r.try_get(4)?,
            r.try_get(5)?,
            r.try_get(6)?,
            r.try_get(7)?,
            r.try_get(8)?,
            r.try_get(9)?,
        ),
        read,
    )
}

/// The prepared statements [`write_changes`] uses.
struct Statements {
    mark: postgres::Statement,
    upsert: postgres::Statement,
    delete: postgres::Statement,
    delete_plans: postgres::Statement,
    delete_stale: postgres::Statement,
    insert_message: postgres::Statement,
    update_message: postgres::Statement,
    insert_keys: postgres::Statement,
}

/// The writes of [`Store::apply`] on an open transaction; false (nothing written) when the
/// input was already applied. The ledger mark comes first, so returning early leaves
/// nothing to undo.
fn write_changes(
    db: &mut impl postgres::GenericClient,
    st: &Statements,
    changes: &Changes,
) -> Result<bool> {
    if let Some(seq) = changes.input
        && db.execute(&st.mark, &[&seq])? == 0
    {
        return Ok(false);
    }
    for id in &changes.removed {
        db.execute(&st.delete, &[id])?;
        db.execute(&st.delete_plans, &[id])?;
        db.execute(&st.delete_stale, &[id])?;
    }
    for c in &changes.collaborations {
        db.execute(
            &st.upsert,
            &[
                &c.id,
                &schema::collab_kind(c),
                &c.state.id(),
                &c.owner,
                &c.subject,
                &schema::ts(c.started.with_timezone(&chrono::Utc)),
                &schema::collab_json(c),
                &(c.events.len() as i64),
            ],
        )?;
    }
    for m in &changes.messages {
        let n = db.execute(
            &st.insert_message,
            &[
                &m.sha256,
                &m.seq,
                &m.message_id,
                &schema::date_text(m.date),
                &m.opener,
                &m.thread,
                &m.collaboration,
            ],
        )?;
        if n == 1 {
            let rows = schema::key_rows(&m.keys);
            let keys: Vec<&str> = rows.iter().map(|r| r.2).collect();
            let roles: Vec<i16> = rows.iter().map(|r| r.0 as i16).collect();
            let pos: Vec<i32> = rows.iter().map(|r| r.1 as i32).collect();
            db.execute(&st.insert_keys, &[&keys, &roles, &m.seq, &pos])?;
        } else {
            db.execute(
                &st.update_message,
                &[&m.seq, &m.thread, &m.collaboration, &m.opener],
            )?;
        }
    }
    Ok(true)
}

// A page of changes in four statements ([`Store::apply_page`]): the ledger marks, the
// collaborations removed, the collaborations written (each once, as it ends the page), and
// the message rows with their keys. Arrays travel as parameters and are unnested on the
// server, so the number of round trips does not grow with the page.
const SQL_PAGE_MARK: &str =
    "UPDATE inputs SET applied = TRUE WHERE seq = ANY($1::BIGINT[]) AND NOT applied";
const SQL_PAGE_DELETE_COLLABS: &str =
    "WITH c AS (DELETE FROM collaborations WHERE id = ANY($1::TEXT[])),
     p AS (DELETE FROM plans WHERE collaboration = ANY($1::TEXT[]))
     DELETE FROM stale_plans WHERE id = ANY($1::TEXT[])";
const SQL_PAGE_UPSERT_COLLABS: &str = "WITH up AS (
     INSERT INTO collaborations (id, kind, state, owner, subject, started_utc, data, event_count)
     SELECT * FROM unnest($1::TEXT[], $2::TEXT[], $3::TEXT[], $4::TEXT[], $5::TEXT[],
                          $6::TEXT[], $7::TEXT[], $8::BIGINT[])
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, state = excluded.state,
       owner = excluded.owner, subject = excluded.subject,
       started_utc = excluded.started_utc, data = excluded.data,
       event_count = excluded.event_count,
       revision = collaborations.revision + 1
     RETURNING id)
     INSERT INTO stale_plans (id) SELECT id FROM up ON CONFLICT DO NOTHING";
// New rows are inserted with their keys; rows already stored get their thread,
// collaboration and opener updated (the UPDATE sees the snapshot from before the INSERT,
// so it touches only rows that were there), as [`write_changes`] does row by row.
const SQL_PAGE_MESSAGES: &str = "WITH v AS (
       SELECT * FROM unnest($1::TEXT[], $2::BIGINT[], $3::TEXT[], $4::TEXT[], $5::BOOLEAN[],
                            $6::TEXT[], $7::TEXT[])
         AS v(sha256, seq, message_id, date, opener, thread, collaboration)),
     ins AS (
       INSERT INTO messages (sha256, seq, message_id, date, opener, thread, collaboration)
       SELECT * FROM v ON CONFLICT (seq) DO NOTHING RETURNING seq),
     upd AS (
       UPDATE messages m SET thread = v.thread, collaboration = v.collaboration,
         opener = v.opener
       FROM v WHERE m.seq = v.seq)
     INSERT INTO message_keys (key, role, seq, pos)
     SELECT k.key, k.role, k.seq, k.pos
     FROM unnest($8::TEXT[], $9::SMALLINT[], $10::BIGINT[], $11::INTEGER[]) AS k(key, role, seq, pos)
     WHERE k.seq IN (SELECT seq FROM ins)
     ON CONFLICT DO NOTHING";

/// The prepared statements [`write_page`] uses.
struct PageStatements {
    mark: postgres::Statement,
    delete: postgres::Statement,
    upsert: postgres::Statement,
    messages: postgres::Statement,
}

/// The writes of [`Store::apply_page`] on an open transaction; false when an input of the
/// page was already applied (the caller rolls back).
fn write_page(db: &mut Client, st: &PageStatements, page: &[Changes]) -> Result<bool> {
    use std::collections::BTreeSet;
    let seqs: BTreeSet<i64> = page.iter().filter_map(|c| c.input).collect();
    if !seqs.is_empty() {
        let seqs: Vec<i64> = seqs.into_iter().collect();
        if db.execute(&st.mark, &[&seqs])? != seqs.len() as u64 {
            return Ok(false);
        }
    }
    // One apply after another: a collaboration removed anywhere in the page is deleted
    // first (with its plans), then each one written is stored as the page leaves it —
    // unless the page ends by removing it. Same for messages: the last row of each wins.
    let rows = crate::PageRows::of(page);
    if !rows.removed.is_empty() {
        db.execute(&st.delete, &[&rows.removed])?;
    }
    let written = &rows.written;
    if !written.is_empty() {
        let ids: Vec<&str> = written.iter().map(|c| c.id.as_str()).collect();
        let kinds: Vec<String> = written.iter().map(|c| schema::collab_kind(c)).collect();
        let states: Vec<&str> = written.iter().map(|c| c.state.id()).collect();
        let owners: Vec<&str> = written.iter().map(|c| c.owner.as_str()).collect();
        let subjects: Vec<&str> = written.iter().map(|c| c.subject.as_str()).collect();
        let started: Vec<String> = written
            .iter()
            .map(|c| schema::ts(c.started.with_timezone(&chrono::Utc)))
            .collect();
        let data: Vec<String> = written.iter().map(|c| schema::collab_json(c)).collect();
        let events: Vec<i64> = written.iter().map(|c| c.events.len() as i64).collect();
        db.execute(
            &st.upsert,
            &[
                &ids, &kinds, &states, &owners, &subjects, &started, &data, &events,
            ],
        )?;
    }
    if !rows.messages.is_empty() {
        let ms = &rows.messages;
        let shas: Vec<&str> = ms.iter().map(|m| m.sha256.as_str()).collect();
        let seq: Vec<i64> = ms.iter().map(|m| m.seq).collect();
        let mids: Vec<Option<&str>> = ms.iter().map(|m| m.message_id.as_deref()).collect();
        let dates: Vec<Option<String>> = ms.iter().map(|m| schema::date_text(m.date)).collect();
        let openers: Vec<bool> = ms.iter().map(|m| m.opener).collect();
        let threads: Vec<&str> = ms.iter().map(|m| m.thread.as_str()).collect();
        let collabs: Vec<Option<&str>> = ms.iter().map(|m| m.collaboration.as_deref()).collect();
        let (mut kk, mut kr, mut ks, mut kp) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for m in ms {
            for (role, pos, key) in schema::key_rows(&m.keys) {
                kk.push(key);
                kr.push(role as i16);
                ks.push(m.seq);
                kp.push(pos as i32);
            }
        }
        db.execute(
            &st.messages,
            &[
                &shas, &seq, &mids, &dates, &openers, &threads, &collabs, &kk, &kr, &ks, &kp,
            ],
        )?;
    }
    Ok(true)
}

impl Store for PgStore {
    fn backend(&self) -> Backend {
        Backend::Postgres
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
        let now = schema::ts(chrono::Utc::now());
        // Hashed and packed once, whatever the number of attempts below.
        let mut made = Vec::new();
        let ready = ReadyRaw::for_batch(batch, ready, &mut made);
        let packed: Vec<&[u8]> = batch
            .iter()
            .zip(ready)
            .map(|((b, _, _), r)| r.stored(b))
            .collect();
        // Two processes storing overlapping batches in different orders can deadlock on the
        // unique index; PostgreSQL aborts one of them, which then simply tries again.
        let mut attempt = 0;
        loop {
            let r = (|| -> Result<Vec<PutRaw>> {
                let mut tx = self.client.transaction()?;
                // Two statements per batch (not two per message): raw rows are inserted in
                // SHA-256 order, so concurrent batches take their index locks in one global
                // order and cannot deadlock; ledger entries are then appended in the batch's
                // own (mailbox) order.
                let shas: Vec<String> = ready.iter().map(|r| r.sha256().to_string()).collect();
                let mut first: std::collections::HashMap<&str, usize> = Default::default();
                for (i, sha) in shas.iter().enumerate() {
                    first.entry(sha.as_str()).or_insert(i);
                }
                let mut uniq: Vec<usize> = first.values().copied().collect();
                uniq.sort_by(|&a, &b| shas[a].cmp(&shas[b]));
                let u_sha: Vec<&str> = uniq.iter().map(|&i| shas[i].as_str()).collect();
                let u_bytes: Vec<&[u8]> = uniq.iter().map(|&i| packed[i]).collect();
                let u_mid: Vec<Option<&str>> = uniq.iter().map(|&i| batch[i].2).collect();
                let u_src: Vec<&str> = uniq.iter().map(|&i| batch[i].1).collect();
                let u_size: Vec<i64> = uniq.iter().map(|&i| batch[i].0.len() as i64).collect();
                let inserted: std::collections::HashSet<String> = tx
                    .query(
                        "INSERT INTO raw_messages (sha256, bytes, message_id, source, size, stored_at)
                         SELECT s, b, m, src, sz, $6
                         FROM unnest($1::TEXT[], $2::BYTEA[], $3::TEXT[], $4::TEXT[], $5::BIGINT[])
                              WITH ORDINALITY AS t(s, b, m, src, sz, o)
                         ORDER BY o
                         ON CONFLICT (sha256) DO NOTHING RETURNING sha256",
                        &[&u_sha, &u_bytes, &u_mid, &u_src, &u_size, &now],
                    )?
                    .iter()
                    .map(|r| r.get::<_, String>(0))
                    .collect();
                // Ledger entries for the new ones, in batch order.
                let new_in_order: Vec<&str> = shas
                    .iter()
                    .enumerate()
                    .filter(|(i, s)| first[s.as_str()] == *i && inserted.contains(s.as_str()))
                    .map(|(_, s)| s.as_str())
                    .collect();
                let seqs: std::collections::HashMap<String, i64> = tx
                    .query(
                        "INSERT INTO inputs (kind, sha256, recorded_at)
                         SELECT 'message', s, $2 FROM unnest($1::TEXT[]) WITH ORDINALITY AS t(s, o)
                         ORDER BY o RETURNING sha256, seq",
                        &[&new_in_order, &now],
                    )?
                    .iter()
                    .map(|r| (r.get::<_, String>(0), r.get::<_, i64>(1)))
                    .collect();
                let mut out = Vec::with_capacity(batch.len());
                for (i, sha256) in shas.iter().enumerate() {
                    match seqs.get(sha256) {
                        Some(&seq) if first[sha256.as_str()] == i => out.push(PutRaw::New {
                            sha256: sha256.clone(),
                            seq,
                        }),
                        _ => out.push(PutRaw::Duplicate {
                            sha256: sha256.clone(),
                        }),
                    }
                }
                tx.commit()?;
                Ok(out)
            })();
            match r {
                Err(StoreError::Postgres(e)) if attempt < 8 && is_retryable(&e) => attempt += 1,
                r => return r,
            }
        }
    }

    fn raw(&mut self, sha256: &str) -> Result<Option<RawMessage>> {
        let row = self.client.query_opt(
            "SELECT r.sha256, r.bytes, r.message_id, r.source, i.seq, r.size
             FROM raw_messages r JOIN inputs i ON i.sha256 = r.sha256 WHERE r.sha256 = $1",
            &[&sha256],
        )?;
        Ok(match row {
            Some(r) => Some(RawMessage {
                sha256: r.try_get(0)?,
                bytes: crate::packing::unpack(r.try_get(1)?, r.try_get(5)?, sha256)?,
                message_id: r.try_get(2)?,
                source: r.try_get(3)?,
                seq: r.try_get(4)?,
            }),
            None => None,
        })
    }

    fn quarantine(&mut self, bytes: &[u8], source: &str, reason: &str) -> Result<bool> {
        let n = self.client.execute(
            "INSERT INTO quarantine (sha256, bytes, source, reason, at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (sha256) DO NOTHING",
            &[
                &crate::sha256_hex(bytes),
                &bytes,
                &source,
                &reason,
                &schema::ts(chrono::Utc::now()),
            ],
        )?;
        Ok(n == 1)
    }

    fn quarantined(&mut self) -> Result<Vec<Quarantined>> {
        let rows = self.client.query(
            "SELECT sha256, source, reason, bytes, at FROM quarantine ORDER BY at, sha256",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                Ok(Quarantined {
                    sha256: r.try_get(0)?,
                    source: r.try_get(1)?,
                    reason: r.try_get(2)?,
                    bytes: r.try_get(3)?,
                    at: schema::parse_ts(r.try_get::<_, &str>(4)?)?,
                })
            })
            .collect()
    }

    fn record_manual(&mut self, collaboration: &str, event: &Event) -> Result<i64> {
        Ok(self
            .client
            .query_one(
                "INSERT INTO inputs (kind, collaboration, event, recorded_at)
                 VALUES ('manual', $1, $2, $3) RETURNING seq",
                &[
                    &collaboration,
                    &schema::event_json(event),
                    &schema::ts(chrono::Utc::now()),
                ],
            )?
            .get(0))
    }

    fn pending(&mut self, limit: usize) -> Result<Vec<Input>> {
        let rows = self.client.query(
            &format!("SELECT {INPUT_COLUMNS} WHERE NOT i.applied ORDER BY i.seq LIMIT $1"),
            &[&(limit as i64)],
        )?;
        rows.iter().map(input_of).collect()
    }

    fn pending_unread(&mut self, limit: usize) -> Result<Vec<Input>> {
        let rows = self.client.query(
            &format!("SELECT {INPUT_HEADS} WHERE NOT i.applied ORDER BY i.seq LIMIT $1"),
            &[&(limit as i64)],
        )?;
        rows.iter().map(|r| input_read(r, false)).collect()
    }

    fn inputs(&mut self, after: i64, limit: usize) -> Result<Vec<Input>> {
        let rows = self.client.query(
            &format!("SELECT {INPUT_COLUMNS} WHERE i.seq > $1 ORDER BY i.seq LIMIT $2"),
            &[&after, &(limit as i64)],
        )?;
        rows.iter().map(input_of).collect()
    }

    fn apply(&mut self, changes: &Changes) -> Result<bool> {
        let st = Statements {
            mark: self.stmt(SQL_MARK_APPLIED)?,
            upsert: self.stmt(SQL_UPSERT_COLLAB)?,
            delete: self.stmt(SQL_DELETE_COLLAB)?,
            delete_plans: self.stmt(SQL_DELETE_COLLAB_PLANS)?,
            delete_stale: self.stmt(SQL_DELETE_STALE_PLAN)?,
            insert_message: self.stmt(SQL_INSERT_MESSAGE)?,
            update_message: self.stmt(SQL_UPDATE_MESSAGE)?,
            insert_keys: self.stmt(SQL_INSERT_KEYS)?,
        };
        if self.in_batch {
            return write_changes(&mut self.client, &st, changes);
        }
        // The row lock taken on the input makes a second process applying the same input
        // wait, then see `applied` and back off.
        let mut tx = self.client.transaction()?;
        if !write_changes(&mut tx, &st, changes)? {
            tx.rollback()?;
            return Ok(false);
        }
        tx.commit()?;
        Ok(true)
    }

    fn begin_batch(&mut self) -> Result<()> {
        if !self.in_batch {
            self.client.batch_execute("BEGIN")?;
            self.in_batch = true;
        }
        Ok(())
    }

    fn end_batch(&mut self, commit: bool) -> Result<()> {
        if self.in_batch {
            self.in_batch = false;
            self.client
                .batch_execute(if commit { "COMMIT" } else { "ROLLBACK" })?;
        }
        Ok(())
    }

    fn collaboration(&mut self, id: &str) -> Result<Option<Collaboration>> {
        let st = self.stmt(SQL_GET_COLLAB)?;
        let row = self.client.query_opt(&st, &[&id])?;
        match row {
            Some(r) => Ok(Some(schema::decode_collab(r.try_get::<_, &str>(0)?)?)),
            None => Ok(None),
        }
    }

    fn collaborations(&mut self) -> Result<Vec<Collaboration>> {
        let rows = self.client.query(
            "SELECT data FROM collaborations ORDER BY started_utc, id",
            &[],
        )?;
        rows.iter()
            .map(|r| schema::decode_collab(r.try_get::<_, &str>(0)?))
            .collect()
    }

    fn events(&mut self, collaboration: &str) -> Result<Vec<Event>> {
        Ok(self
            .collaboration(collaboration)?
            .map(|c| c.events)
            .unwrap_or_default())
    }

    fn messages_by_key(&mut self, keys: &[String], roles: &[KeyRole]) -> Result<Vec<KeyHit>> {
        if keys.is_empty() || roles.is_empty() {
            return Ok(Vec::new());
        }
        let st = self.stmt(SQL_BY_KEY)?;
        let codes: Vec<i16> = roles.iter().map(|r| r.code() as i16).collect();
        let rows = self.client.query(&st, &[&keys, &codes])?;
        rows.iter()
            .map(|r| {
                let code: i64 = r.try_get(1)?;
                Ok(KeyHit {
                    key: r.try_get(0)?,
                    role: KeyRole::from_code(code)
                        .ok_or_else(|| StoreError::corrupt("message key role", code))?,
                    sha256: r.try_get(2)?,
                    thread: r.try_get(3)?,
                })
            })
            .collect()
    }

    fn message_row(&mut self, sha256: &str) -> Result<Option<MessageRow>> {
        let row = self.client.query_opt(
            "SELECT sha256, seq, message_id, date, opener, thread, collaboration FROM messages
             WHERE seq = (SELECT seq FROM inputs WHERE sha256 = $1)",
            &[&sha256],
        )?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some(MessageRow {
            sha256: r.try_get(0)?,
            seq: r.try_get(1)?,
            message_id: r.try_get(2)?,
            date: schema::parse_date(r.try_get(3)?)?,
            opener: r.try_get(4)?,
            thread: r.try_get(5)?,
            collaboration: r.try_get(6)?,
            keys: Default::default(),
        }))
    }

    fn thread_members(&mut self, threads: &[String]) -> Result<Vec<MessageRow>> {
        if threads.is_empty() {
            return Ok(Vec::new());
        }
        let st = self.stmt(SQL_MEMBERS)?;
        let rows = self.client.query(&st, &[&threads])?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            out.push(MessageRow {
                sha256: r.try_get(0)?,
                seq: r.try_get(1)?,
                message_id: r.try_get(2)?,
                date: schema::parse_date(r.try_get(3)?)?,
                opener: r.try_get(4)?,
                thread: r.try_get(5)?,
                collaboration: r.try_get(6)?,
                keys: Default::default(),
            });
        }
        let seqs: Vec<i64> = out.iter().map(|m| m.seq).collect();
        let st = self.stmt(SQL_MEMBER_KEYS)?;
        let rows = self.client.query(&st, &[&seqs])?;
        let mut flat = Vec::with_capacity(rows.len());
        for r in &rows {
            flat.push((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?));
        }
        let mut keys = schema::group_keys(flat)?;
        for m in &mut out {
            if let Some(k) = keys.remove(&m.sha256) {
                m.keys = k;
            }
        }
        Ok(out)
    }

    fn manual_events(&mut self, collaboration: &str) -> Result<Vec<(i64, Event)>> {
        let st = self.stmt(SQL_MANUAL)?;
        let rows = self.client.query(&st, &[&collaboration])?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get::<_, i64>(0)?,
                    schema::decode_event(r.try_get::<_, &str>(1)?)?,
                ))
            })
            .collect()
    }

    fn all_messages(&mut self) -> Result<Vec<MessageRow>> {
        let rows = self.client.query(
            "SELECT sha256, seq, message_id, date, opener, thread, collaboration FROM messages
             ORDER BY sha256",
            &[],
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            out.push(MessageRow {
                sha256: r.try_get(0)?,
                seq: r.try_get(1)?,
                message_id: r.try_get(2)?,
                date: schema::parse_date(r.try_get(3)?)?,
                opener: r.try_get(4)?,
                thread: r.try_get(5)?,
                collaboration: r.try_get(6)?,
                keys: Default::default(),
            });
        }
        let rows = self.client.query(
            "SELECT m.sha256, k.role::BIGINT, k.key FROM message_keys k
             JOIN messages m ON m.seq = k.seq ORDER BY k.seq, k.role, k.pos",
            &[],
        )?;
        let mut flat = Vec::with_capacity(rows.len());
        for r in &rows {
            flat.push((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?));
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
        let rows = self.client.query(
            "SELECT DISTINCT collaboration FROM inputs
             WHERE kind = 'manual' AND applied AND collaboration IS NOT NULL",
            &[],
        )?;
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    }

    fn apply_page(&mut self, page: &[Changes]) -> Result<bool> {
        if page.is_empty() {
            return Ok(true);
        }
        let own_tx = !self.in_batch;
        if own_tx {
            self.client.batch_execute("BEGIN")?;
        }
        let st = PageStatements {
            mark: self.stmt(SQL_PAGE_MARK)?,
            delete: self.stmt(SQL_PAGE_DELETE_COLLABS)?,
            upsert: self.stmt(SQL_PAGE_UPSERT_COLLABS)?,
            messages: self.stmt(SQL_PAGE_MESSAGES)?,
        };
        match write_page(&mut self.client, &st, page) {
            Ok(true) => {
                if own_tx {
                    self.client.batch_execute("COMMIT")?;
                }
                Ok(true)
            }
            other => {
                if own_tx {
                    let _ = self.client.batch_execute("ROLLBACK");
                }
                other
            }
        }
    }

    fn reset_derived(&mut self) -> Result<()> {
        self.client.batch_execute(
            "BEGIN; DELETE FROM message_keys; DELETE FROM messages; DELETE FROM collaborations; DELETE FROM plans; DELETE FROM stale_plans;
             DELETE FROM meta WHERE key = 'tracker-generation'; UPDATE inputs SET applied = FALSE; COMMIT;",
        )?;
        Ok(())
    }

    fn meta(&mut self, key: &str) -> Result<Option<String>> {
        let row = self
            .client
            .query_opt("SELECT value FROM meta WHERE key = $1", &[&key])?;
        Ok(match row {
            Some(r) => Some(r.try_get(0)?),
            None => None,
        })
    }

    fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.client.execute(
            "INSERT INTO meta (key, value) VALUES ($1, $2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&key, &value],
        )?;
        Ok(())
    }

    fn lock_tracker(&mut self) -> Result<()> {
        if !self.tracker_locked {
            let key = self.lock_key(LOCK_TRACKER);
            self.client
                .execute("SELECT pg_advisory_lock($1)", &[&key])?;
            self.tracker_locked = true;
        }
        Ok(())
    }

    fn unlock_tracker(&mut self) -> Result<()> {
        if self.tracker_locked {
            let key = self.lock_key(LOCK_TRACKER);
            self.client
                .execute("SELECT pg_advisory_unlock($1)", &[&key])?;
            self.tracker_locked = false;
        }
        Ok(())
    }

    fn stats(&mut self) -> Result<Stats> {
        let r = self.client.query_one(
            "SELECT (SELECT COUNT(*) FROM raw_messages), (SELECT COUNT(*) FROM inputs),
                    (SELECT COUNT(*) FROM inputs WHERE NOT applied),
                    (SELECT COUNT(*) FROM messages),
                    (SELECT COUNT(*) FROM collaborations),
                    (SELECT COALESCE(SUM(event_count), 0)::BIGINT FROM collaborations),
                    (SELECT COUNT(*) FROM quarantine)",
            &[],
        )?;
        let g = |i: usize| -> Result<u64> { Ok(r.try_get::<_, i64>(i)? as u64) };
        Ok(Stats {
            raw_messages: g(0)?,
            inputs: g(1)?,
            pending: g(2)?,
            messages: g(3)?,
            collaborations: g(4)?,
            events: g(5)?,
            quarantined: g(6)?,
        })
    }

    fn pending_count(&mut self) -> Result<u64> {
        let r = self
            .client
            .query_one("SELECT COUNT(*) FROM inputs WHERE NOT applied", &[])?;
        Ok(r.try_get::<_, i64>(0)? as u64)
    }

    fn messages_upto(&mut self, limit: u64) -> Result<u64> {
        let limit = limit.min(i64::MAX as u64) as i64;
        let r = self.client.query_one(
            "SELECT COUNT(*) FROM (SELECT 1 FROM messages LIMIT $1) AS m",
            &[&limit],
        )?;
        Ok(r.try_get::<_, i64>(0)? as u64)
    }

    fn outbox_insert(&mut self, e: &OutboxEntry) -> Result<bool> {
        let n = self.client.execute(
            &format!(
                "INSERT INTO outbox ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
                 ON CONFLICT (message_id) DO NOTHING",
                outbox::COLUMNS
            ),
            &[
                &e.message_id,
                &e.state.as_str(),
                &e.subject,
                &e.from,
                &outbox::addrs_json(&e.to),
                &outbox::addrs_json(&e.recipients),
                &e.collaboration,
                &e.action,
                &e.bytes,
                &i64::from(e.attempts),
                &e.last_error,
                &schema::ts(e.created_at),
                &schema::ts(e.updated_at),
                &e.next_attempt_at.map(schema::ts),
                &e.sent_at.map(schema::ts),
                &e.handed_over,
                &e.recorded,
                &e.appended,
                &e.reply,
            ],
        )?;
        Ok(n == 1)
    }

    fn outbox_get(&mut self, message_id: &str) -> Result<Option<OutboxEntry>> {
        let row = self.client.query_opt(
            &format!(
                "SELECT {} FROM outbox WHERE message_id = $1",
                outbox::COLUMNS
            ),
            &[&message_id],
        )?;
        row.map(|r| outbox_row(&r)?.decode()).transpose()
    }

    fn outbox_list(&mut self, states: &[OutboxState]) -> Result<Vec<OutboxEntry>> {
        let names = outbox::state_names(if states.is_empty() {
            &OutboxState::ALL
        } else {
            states
        });
        let rows = self.client.query(
            &format!(
                "SELECT {} FROM outbox WHERE state = ANY($1::TEXT[]) ORDER BY created_at, message_id",
                outbox::COLUMNS
            ),
            &[&names],
        )?;
        rows.iter().map(|r| outbox_row(r)?.decode()).collect()
    }

    fn outbox_unfinished(&mut self) -> Result<Vec<OutboxEntry>> {
        let rows = self.client.query(
            &format!(
                "SELECT {} FROM outbox WHERE state = 'sent' AND (NOT recorded OR NOT appended)
                 ORDER BY created_at, message_id",
                outbox::COLUMNS
            ),
            &[],
        )?;
        rows.iter().map(|r| outbox_row(r)?.decode()).collect()
    }

    fn outbox_update(&mut self, e: &OutboxEntry, expect: &[OutboxState]) -> Result<bool> {
        let names = outbox::state_names(expect);
        let n = self.client.execute(
            "UPDATE outbox SET state = $2, subject = $3, sender = $4, to_addrs = $5,
               recipients = $6, collaboration = $7, action = $8, bytes = $9, attempts = $10,
               last_error = $11, updated_at = $12, next_attempt_at = $13, sent_at = $14,
               handed_over = $15, recorded = $16, appended = $17, reply = $18
             WHERE message_id = $1 AND state = ANY($19::TEXT[])",
            &[
                &e.message_id,
                &e.state.as_str(),
                &e.subject,
                &e.from,
                &outbox::addrs_json(&e.to),
                &outbox::addrs_json(&e.recipients),
                &e.collaboration,
                &e.action,
                &e.bytes,
                &i64::from(e.attempts),
                &e.last_error,
                &schema::ts(e.updated_at),
                &e.next_attempt_at.map(schema::ts),
                &e.sent_at.map(schema::ts),
                &e.handed_over,
                &e.recorded,
                &e.appended,
                &e.reply,
                &names,
            ],
        )?;
        Ok(n == 1)
    }

    fn outbox_delete(&mut self, message_id: &str, expect: &[OutboxState]) -> Result<bool> {
        let names = outbox::state_names(expect);
        let n = self.client.execute(
            "DELETE FROM outbox WHERE message_id = $1 AND state = ANY($2::TEXT[])",
            &[&message_id, &names],
        )?;
        Ok(n == 1)
    }

    fn outbox_try_lock(&mut self, message_id: &str) -> Result<bool> {
        let (k1, k2) = self.outbox_lock_keys(message_id);
        if let Some(users) = self.outbox_locks.get_mut(&k2) {
            users.insert(message_id.to_string());
            return Ok(true);
        }
        let got: bool = self
            .client
            .query_one("SELECT pg_try_advisory_lock($1, $2)", &[&k1, &k2])?
            .get(0);
        if got {
            self.outbox_locks.insert(
                k2,
                std::collections::HashSet::from([message_id.to_string()]),
            );
        }
        Ok(got)
    }

    fn outbox_lock_within(&mut self, message_id: &str, wait: std::time::Duration) -> Result<bool> {
        if self.outbox_try_lock(message_id)? {
            return Ok(true);
        }
        let (k1, k2) = self.outbox_lock_keys(message_id);
        let mut tx = self.client.transaction()?;
        // The wait bounds this statement only; a session lock taken in a transaction stays
        // after the commit, like one taken outside.
        tx.batch_execute(&format!(
            "SET LOCAL lock_timeout = '{}ms'",
            wait.as_millis().max(1)
        ))?;
        match tx.execute("SELECT pg_advisory_lock($1, $2)", &[&k1, &k2]) {
            Ok(_) => {
                tx.commit()?;
                self.outbox_locks.insert(
                    k2,
                    std::collections::HashSet::from([message_id.to_string()]),
                );
                Ok(true)
            }
            Err(e) if e.code() == Some(&postgres::error::SqlState::LOCK_NOT_AVAILABLE) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    fn outbox_unlock(&mut self, message_id: &str) -> Result<()> {
        let (k1, k2) = self.outbox_lock_keys(message_id);
        if let Some(users) = self.outbox_locks.get_mut(&k2) {
            users.remove(message_id);
            if users.is_empty() {
                self.outbox_locks.remove(&k2);
                self.client
                    .execute("SELECT pg_advisory_unlock($1, $2)", &[&k1, &k2])?;
            }
        }
        Ok(())
    }

    fn folder_cursor(&mut self, account: &str, folder: &str) -> Result<Option<FolderCursor>> {
        let row = self.client.query_opt(
            "SELECT uid_validity, last_uid FROM imap_folders WHERE account = $1 AND folder = $2",
            &[&account, &folder],
        )?;
        Ok(match row {
            Some(r) => Some(FolderCursor {
                uid_validity: r.try_get::<_, i64>(0)? as u32,
                last_uid: r.try_get::<_, i64>(1)? as u32,
            }),
            None => None,
        })
    }

    fn set_folder_cursor(
        &mut self,
        account: &str,
        folder: &str,
        cursor: FolderCursor,
    ) -> Result<()> {
        self.client.execute(
            "INSERT INTO imap_folders (account, folder, uid_validity, last_uid) VALUES ($1, $2, $3, $4)
             ON CONFLICT (account, folder) DO UPDATE SET uid_validity = excluded.uid_validity,
               last_uid = excluded.last_uid",
            &[
                &account,
                &folder,
                &i64::from(cursor.uid_validity),
                &i64::from(cursor.last_uid),
            ],
        )?;
        Ok(())
    }

    fn unplanned(&mut self, limit: usize) -> Result<Vec<(i64, Collaboration)>> {
        let rows = self.client.query(
            "SELECT c.revision, c.data FROM stale_plans s JOIN collaborations c ON c.id = s.id LIMIT $1",
            &[&(limit as i64)],
        )?;
        if rows.is_empty() && self.stale_cleared >= VACUUM_AFTER && !self.in_batch {
            // A large replan (every collaboration, after a change of configuration) leaves
            // as many dead rows in `stale_plans`, and every later read of the stored plans
            // checks that table first: scanning 10^6 dead rows took 55 ms of a 100 ms `due`
            // until autovacuum came by. Vacuumed now, the next reader finds them gone.
            self.client
                .batch_execute("VACUUM (ANALYZE) stale_plans, plans")?;
            self.stale_cleared = 0;
        }
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get(0)?,
                    schema::decode_collab(r.try_get::<_, &str>(1)?)?,
                ))
            })
            .collect()
    }

    fn put_plans(&mut self, plans: &[(String, i64, Vec<PlanRow>)]) -> Result<usize> {
        let mut tx = self.client.transaction()?;
        let mark = tx.prepare(
            "DELETE FROM stale_plans WHERE id = $1
               AND EXISTS (SELECT 1 FROM collaborations WHERE id = $1 AND revision = $2)",
        )?;
        let del = tx.prepare("DELETE FROM plans WHERE collaboration = $1")?;
        let ins = tx.prepare(
            "INSERT INTO plans (collaboration, valid_from, valid_until, due_at, overdue_at, data)
             SELECT * FROM unnest($1::TEXT[], $2::BIGINT[], $3::BIGINT[], $4::BIGINT[],
                                  $5::BIGINT[], $6::TEXT[])",
        )?;
        let mut stored = 0;
        let mut rows: Vec<&PlanRow> = Vec::new();
        for (id, rev, r) in plans {
            if tx.execute(&mark, &[id, rev])? == 0 {
                continue;
            }
            stored += 1;
            tx.execute(&del, &[id])?;
            rows.extend(r.iter());
        }
        if !rows.is_empty() {
            let col = |f: fn(&PlanRow) -> i64| rows.iter().map(|r| f(r)).collect::<Vec<i64>>();
            let ids: Vec<&str> = rows.iter().map(|r| r.collaboration.as_str()).collect();
            let data: Vec<&str> = rows.iter().map(|r| r.data.as_str()).collect();
            tx.execute(
                &ins,
                &[
                    &ids,
                    &col(|r| r.valid_from),
                    &col(|r| r.valid_until),
                    &col(|r| r.due_at),
                    &col(|r| r.overdue_at),
                    &data,
                ],
            )?;
        }
        tx.commit()?;
        self.stale_cleared += stored;
        Ok(stored)
    }

    fn settle_plans(&mut self, states: &[&str]) -> Result<usize> {
        // Every read of the stored plans settles first, and mostly nothing is stale: one
        // round trip to see that, instead of a transaction of two deletes (four).
        let any: bool = self
            .client
            .query_one("SELECT EXISTS (SELECT 1 FROM stale_plans)", &[])?
            .try_get(0)?;
        if !any {
            return Ok(0);
        }
        let mut tx = self.client.transaction()?;
        tx.execute(
            "DELETE FROM plans WHERE collaboration IN
               (SELECT s.id FROM stale_plans s JOIN collaborations c ON c.id = s.id
                WHERE c.state = ANY($1))",
            &[&states],
        )?;
        let n = tx.execute(
            "DELETE FROM stale_plans WHERE id IN
               (SELECT s.id FROM stale_plans s JOIN collaborations c ON c.id = s.id
                WHERE c.state = ANY($1))",
            &[&states],
        )?;
        tx.commit()?;
        self.stale_cleared += n as usize;
        Ok(n as usize)
    }

    fn invalidate_plans(&mut self) -> Result<()> {
        self.client.batch_execute(
            "BEGIN; INSERT INTO stale_plans (id) SELECT id FROM collaborations ON CONFLICT DO NOTHING;
             DELETE FROM plans; COMMIT;",
        )?;
        Ok(())
    }

    fn plans_at(&mut self, at: i64, upcoming: bool) -> Result<Vec<PlanRow>> {
        let sql = if upcoming {
            "SELECT collaboration, valid_from, valid_until, due_at, overdue_at, data FROM plans
             WHERE valid_from <= $1 AND valid_until > $1"
        } else {
            "SELECT collaboration, valid_from, valid_until, due_at, overdue_at, data FROM plans
             WHERE due_at <= $1 AND valid_from <= $1 AND valid_until > $1"
        };
        let rows = self.client.query(sql, &[&at])?;
        rows.iter()
            .map(|r| {
                Ok(PlanRow {
                    collaboration: r.try_get(0)?,
                    valid_from: r.try_get(1)?,
                    valid_until: r.try_get(2)?,
                    due_at: r.try_get(3)?,
                    overdue_at: r.try_get(4)?,
                    data: r.try_get(5)?,
                })
            })
            .collect()
    }

    fn plans_due_count(&mut self, at: i64) -> Result<crate::PlanCount> {
        let r = self.client.query_one(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE overdue_at < $1) FROM plans
             WHERE due_at <= $1 AND valid_from <= $1 AND valid_until > $1",
            &[&at],
        )?;
        let (due, overdue): (i64, i64) = (r.try_get(0)?, r.try_get(1)?);
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
        // COLLATE "C": byte order, as the engine sorts (the database's collation may not be).
        let (from, key) = after.unwrap_or((i64::MIN, ""));
        let rows = self.client.query(
            "SELECT collaboration, valid_from, valid_until, due_at, overdue_at, data FROM plans
             WHERE due_at <= $1 AND valid_from <= $1 AND valid_until > $1
               AND due_at >= $2 AND (due_at > $2 OR collaboration COLLATE \"C\" > $3)
             ORDER BY due_at, collaboration COLLATE \"C\" LIMIT $4",
            &[&at, &from, &key, &(limit as i64)],
        )?;
        rows.iter()
            .map(|r| {
                Ok(PlanRow {
                    collaboration: r.try_get(0)?,
                    valid_from: r.try_get(1)?,
                    valid_until: r.try_get(2)?,
                    due_at: r.try_get(3)?,
                    overdue_at: r.try_get(4)?,
                    data: r.try_get(5)?,
                })
            })
            .collect()
    }

    fn web_user_put(&mut self, user: &crate::WebUser) -> Result<()> {
        self.client.execute(
            "INSERT INTO web_users (name, role, password_hash, lang, created_at, department)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (name) DO UPDATE SET role = excluded.role,
               password_hash = excluded.password_hash, lang = excluded.lang,
               department = excluded.department",
            &[
                &user.name,
                &user.role,
                &user.password_hash,
                &user.lang,
                &schema::ts(chrono::Utc::now()),
                &user.department,
            ],
        )?;
        Ok(())
    }

    fn web_user(&mut self, name: &str) -> Result<Option<crate::WebUser>> {
        let row = self.client.query_opt(
            "SELECT name, role, password_hash, lang, department FROM web_users WHERE name = $1",
            &[&name],
        )?;
        row.map(|r| web_user_row(&r)).transpose()
    }

    fn web_users(&mut self) -> Result<Vec<crate::WebUser>> {
        let rows = self.client.query(
            "SELECT name, role, password_hash, lang, department FROM web_users ORDER BY name",
            &[],
        )?;
        rows.iter().map(web_user_row).collect()
    }

    fn web_session_put(&mut self, s: &crate::WebSession) -> Result<()> {
        let now = schema::ts(chrono::Utc::now());
        self.client
            .execute("DELETE FROM web_sessions WHERE expires_utc < $1", &[&now])?;
        self.client.execute(
            "INSERT INTO web_sessions (token_hash, user_name, csrf, expires_utc) VALUES ($1, $2, $3, $4)",
            &[&s.token_hash, &s.user, &s.csrf, &schema::ts(s.expires)],
        )?;
        Ok(())
    }

    fn web_session(&mut self, token_hash: &str) -> Result<Option<crate::WebSession>> {
        let row = self.client.query_opt(
            "SELECT token_hash, user_name, csrf, expires_utc FROM web_sessions WHERE token_hash = $1",
            &[&token_hash],
        )?;
        row.map(|r| {
            Ok(crate::WebSession {
                token_hash: r.try_get(0)?,
                user: r.try_get(1)?,
                csrf: r.try_get(2)?,
                expires: schema::parse_ts(r.try_get::<_, &str>(3)?)?,
            })
        })
        .transpose()
    }

    fn web_session_delete(&mut self, token_hash: &str) -> Result<()> {
        self.client.execute(
            "DELETE FROM web_sessions WHERE token_hash = $1",
            &[&token_hash],
        )?;
        Ok(())
    }

    fn web_token_put(&mut self, token_hash: &str, user: &str) -> Result<()> {
        self.client.execute(
            "INSERT INTO web_tokens (token_hash, user_name, created_at) VALUES ($1, $2, $3)",
            &[&token_hash, &user, &schema::ts(chrono::Utc::now())],
        )?;
        Ok(())
    }

    fn web_token_user(&mut self, token_hash: &str) -> Result<Option<String>> {
        let row = self.client.query_opt(
            "SELECT user_name FROM web_tokens WHERE token_hash = $1",
            &[&token_hash],
        )?;
        Ok(row.map(|r| r.try_get(0)).transpose()?)
    }

    fn collaboration_page(
        &mut self,
        query: &crate::PageQuery,
    ) -> Result<Vec<crate::PagedCollaboration>> {
        let (sql, args) = crate::web::page_sql(query);
        let params: Vec<&(dyn postgres::types::ToSql + Sync)> = args
            .iter()
            .map(|a| a as &(dyn postgres::types::ToSql + Sync))
            .collect();
        let rows = self.client.query(&sql, &params)?;
        rows.iter()
            .map(|r| {
                Ok(crate::PagedCollaboration {
                    key: crate::PageKey {
                        started_utc: r.try_get(0)?,
                        id: r.try_get(1)?,
                    },
                    collaboration: schema::decode_collab(r.try_get::<_, &str>(2)?)?,
                })
            })
            .collect()
    }
}

fn outbox_row(r: &Row) -> Result<outbox::Row> {
    Ok(outbox::Row {
        message_id: r.try_get(0)?,
        state: r.try_get(1)?,
        subject: r.try_get(2)?,
        sender: r.try_get(3)?,
        to_addrs: r.try_get(4)?,
        recipients: r.try_get(5)?,
        collaboration: r.try_get(6)?,
        action: r.try_get(7)?,
        bytes: r.try_get(8)?,
        attempts: r.try_get(9)?,
        last_error: r.try_get(10)?,
        created_at: r.try_get(11)?,
        updated_at: r.try_get(12)?,
        next_attempt_at: r.try_get(13)?,
        sent_at: r.try_get(14)?,
        handed_over: r.try_get(15)?,
        recorded: r.try_get(16)?,
        appended: r.try_get(17)?,
        reply: r.try_get(18)?,
    })
}

/// A `web_users` row.
fn web_user_row(r: &Row) -> Result<crate::WebUser> {
    Ok(crate::WebUser {
        name: r.try_get(0)?,
        role: r.try_get(1)?,
        password_hash: r.try_get(2)?,
        lang: r.try_get(3)?,
        department: r.try_get(4)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_parameter_is_split_off() {
        assert_eq!(
            split_schema("postgres://u@h:1/db?schema=t_1").unwrap(),
            ("postgres://u@h:1/db".to_string(), Some("t_1".to_string()))
        );
        assert_eq!(
            split_schema("postgres://u@h/db?sslmode=disable&schema=x").unwrap(),
            (
                "postgres://u@h/db?sslmode=disable".to_string(),
                Some("x".to_string())
            )
        );
        assert!(split_schema("postgres://u@h/db?schema=Bad;drop").is_err());
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
    }
}
