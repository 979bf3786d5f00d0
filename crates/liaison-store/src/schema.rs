//! The schema: one logical schema, written once per SQL dialect, as embedded migrations.
//!
//! Tables:
//! * `raw_messages` — the bytes of every ingested message, keyed by SHA-256; immutable
//!   (a trigger refuses UPDATE and DELETE).
//! * `inputs` — the ledger: one row per message or manual event, global `seq`, `applied`.
//! * `messages`, `message_keys` — derived: every tracked message, its thread and
//!   collaboration, and the threading keys it owns or looks up (version 2).
//! * `collaborations` — derived: the tracker's current view, one JSON document per
//!   collaboration (timeline included) plus the columns list/filter needs.
//! * `meta` — derived: small named values (the tracker's configuration fingerprint).
//! * `quarantine` — malformed messages kept aside with the reason.
//! * `outbox` — every mail liaison sends, keyed by Message-ID, with its state (version 3;
//!   operational, not derived: a rebuild leaves it alone).
//! * `imap_folders` — per account and folder, the UIDVALIDITY and the last UID read
//!   (version 3).
//! * `web_users`, `web_sessions`, `web_tokens` — who may use `liaison serve`: argon2 password
//!   hashes, sessions and API tokens stored as SHA-256 of the secret (version 6; operational;
//!   the user's department since version 9).
//! * `schema_migrations` — which migrations ran.
//!
//! Version 1 kept an append-only `events` table and a first-writer-wins `thread_keys`
//! index, which made the result depend on the order mail arrived in; version 2 drops
//! both, empties the derived tables and marks every input pending, so the next tracker run
//! recomputes everything from the ledger.

/// One migration, in both dialects.
pub(crate) struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

/// Every migration, oldest first. Never edit a released one: add a new one.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "initial",
        sqlite: r#"
CREATE TABLE raw_messages (
    sha256     TEXT PRIMARY KEY,
    bytes      BLOB NOT NULL,
    message_id TEXT,
    source     TEXT NOT NULL,
    size       INTEGER NOT NULL,
    stored_at  TEXT NOT NULL
);
CREATE INDEX raw_messages_message_id ON raw_messages(message_id);
CREATE TRIGGER raw_messages_immutable_u BEFORE UPDATE ON raw_messages
    BEGIN SELECT RAISE(ABORT, 'raw_messages are immutable'); END;
CREATE TRIGGER raw_messages_immutable_d BEFORE DELETE ON raw_messages
    BEGIN SELECT RAISE(ABORT, 'raw_messages are immutable'); END;

CREATE TABLE inputs (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind          TEXT NOT NULL CHECK (kind IN ('message', 'manual')),
    sha256        TEXT UNIQUE REFERENCES raw_messages(sha256),
    collaboration TEXT,
    event         TEXT,
    recorded_at   TEXT NOT NULL,
    applied       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inputs_pending ON inputs(seq) WHERE applied = 0;

CREATE TABLE collaborations (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    state       TEXT NOT NULL,
    owner       TEXT NOT NULL,
    subject     TEXT NOT NULL,
    started_utc TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX collaborations_started ON collaborations(started_utc, id);

CREATE TABLE events (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    collaboration TEXT NOT NULL,
    input_seq     INTEGER,
    kind          TEXT NOT NULL,
    at            TEXT NOT NULL,
    data          TEXT NOT NULL
);
CREATE INDEX events_collaboration ON events(collaboration, seq);
CREATE TRIGGER events_append_only_u BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_d BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TABLE thread_keys (
    key           TEXT PRIMARY KEY,
    collaboration TEXT NOT NULL
);

CREATE TABLE quarantine (
    sha256 TEXT PRIMARY KEY,
    bytes  BLOB NOT NULL,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL
);
"#,
        postgres: r#"
CREATE TABLE raw_messages (
    sha256     TEXT PRIMARY KEY,
    bytes      BYTEA NOT NULL,
    message_id TEXT,
    source     TEXT NOT NULL,
    size       BIGINT NOT NULL,
    stored_at  TEXT NOT NULL
);
CREATE INDEX raw_messages_message_id ON raw_messages(message_id);

CREATE TABLE inputs (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('message', 'manual')),
    sha256        TEXT UNIQUE REFERENCES raw_messages(sha256),
    collaboration TEXT,
    event         TEXT,
    recorded_at   TEXT NOT NULL,
    applied       BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX inputs_pending ON inputs(seq) WHERE NOT applied;

CREATE TABLE collaborations (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    state       TEXT NOT NULL,
    owner       TEXT NOT NULL,
    subject     TEXT NOT NULL,
    started_utc TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX collaborations_started ON collaborations(started_utc, id);

CREATE TABLE events (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    collaboration TEXT NOT NULL,
    input_seq     BIGINT,
    kind          TEXT NOT NULL,
    at            TEXT NOT NULL,
    data          TEXT NOT NULL
);
CREATE INDEX events_collaboration ON events(collaboration, seq);

CREATE FUNCTION liaison_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER raw_messages_immutable BEFORE UPDATE OR DELETE ON raw_messages
    FOR EACH ROW EXECUTE FUNCTION liaison_refuse_change();
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION liaison_refuse_change();

CREATE TABLE thread_keys (
    key           TEXT PRIMARY KEY,
    collaboration TEXT NOT NULL
);

CREATE TABLE quarantine (
    sha256 TEXT PRIMARY KEY,
    bytes  BYTEA NOT NULL,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL
);
"#,
    },
    Migration {
        version: 2,
        name: "order-independent threading",
        sqlite: r#"
DROP TRIGGER events_append_only_u;
DROP TRIGGER events_append_only_d;
DROP TABLE events;
DROP TABLE thread_keys;
DELETE FROM collaborations;
ALTER TABLE collaborations ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0;
UPDATE inputs SET applied = 0;
CREATE INDEX inputs_manual ON inputs(collaboration, seq) WHERE kind = 'manual';

CREATE TABLE messages (
    sha256        TEXT PRIMARY KEY REFERENCES raw_messages(sha256),
    seq           INTEGER NOT NULL,
    message_id    TEXT,
    date          TEXT,
    opener        INTEGER NOT NULL,
    thread        TEXT NOT NULL,
    collaboration TEXT
);
CREATE INDEX messages_thread ON messages(thread);
CREATE INDEX messages_collaboration ON messages(collaboration);

CREATE TABLE message_keys (
    key    TEXT NOT NULL,
    role   INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    pos    INTEGER NOT NULL,
    PRIMARY KEY (key, role, sha256)
) WITHOUT ROWID;
CREATE INDEX message_keys_sha256 ON message_keys(sha256);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"#,
        postgres: r#"
DROP TRIGGER events_append_only ON events;
DROP TABLE events;
DROP TABLE thread_keys;
DELETE FROM collaborations;
ALTER TABLE collaborations ADD COLUMN event_count BIGINT NOT NULL DEFAULT 0;
UPDATE inputs SET applied = FALSE;
CREATE INDEX inputs_manual ON inputs(collaboration, seq) WHERE kind = 'manual';

CREATE TABLE messages (
    sha256        TEXT PRIMARY KEY REFERENCES raw_messages(sha256),
    seq           BIGINT NOT NULL,
    message_id    TEXT,
    date          TEXT,
    opener        BOOLEAN NOT NULL,
    thread        TEXT NOT NULL,
    collaboration TEXT
);
CREATE INDEX messages_thread ON messages(thread);
CREATE INDEX messages_collaboration ON messages(collaboration);

CREATE TABLE message_keys (
    key    TEXT NOT NULL,
    role   SMALLINT NOT NULL,
    sha256 TEXT NOT NULL,
    pos    INTEGER NOT NULL,
    PRIMARY KEY (key, role, sha256)
);
CREATE INDEX message_keys_sha256 ON message_keys(sha256);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"#,
    },
    Migration {
        version: 3,
        name: "outbox and IMAP folder cursors",
        sqlite: r#"
CREATE TABLE outbox (
    message_id      TEXT PRIMARY KEY,
    state           TEXT NOT NULL
        CHECK (state IN ('draft', 'queued', 'sending', 'sent', 'failed', 'held')),
    subject         TEXT NOT NULL,
    sender          TEXT NOT NULL,
    to_addrs        TEXT NOT NULL,
    recipients      TEXT NOT NULL,
    collaboration   TEXT,
    action          TEXT,
    bytes           BLOB NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    next_attempt_at TEXT,
    sent_at         TEXT,
    handed_over     INTEGER NOT NULL DEFAULT 0,
    recorded        INTEGER NOT NULL DEFAULT 0,
    appended        INTEGER NOT NULL DEFAULT 0,
    reply           TEXT
);
CREATE INDEX outbox_state ON outbox(state, next_attempt_at);
CREATE INDEX outbox_created ON outbox(created_at, message_id);

CREATE TABLE imap_folders (
    account      TEXT NOT NULL,
    folder       TEXT NOT NULL,
    uid_validity INTEGER NOT NULL,
    last_uid     INTEGER NOT NULL,
    PRIMARY KEY (account, folder)
);
"#,
        postgres: r#"
CREATE TABLE outbox (
    message_id      TEXT PRIMARY KEY,
    state           TEXT NOT NULL
        CHECK (state IN ('draft', 'queued', 'sending', 'sent', 'failed', 'held')),
    subject         TEXT NOT NULL,
    sender          TEXT NOT NULL,
    to_addrs        TEXT NOT NULL,
    recipients      TEXT NOT NULL,
    collaboration   TEXT,
    action          TEXT,
    bytes           BYTEA NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    next_attempt_at TEXT,
    sent_at         TEXT,
    handed_over     BOOLEAN NOT NULL DEFAULT FALSE,
    recorded        BOOLEAN NOT NULL DEFAULT FALSE,
    appended        BOOLEAN NOT NULL DEFAULT FALSE,
    reply           TEXT
);
CREATE INDEX outbox_state ON outbox(state, next_attempt_at);
CREATE INDEX outbox_created ON outbox(created_at, message_id);

CREATE TABLE imap_folders (
    account      TEXT NOT NULL,
    folder       TEXT NOT NULL,
    uid_validity BIGINT NOT NULL,
    last_uid     BIGINT NOT NULL,
    PRIMARY KEY (account, folder)
);
"#,
    },
    Migration {
        version: 6,
        name: "web users, sessions and API tokens",
        sqlite: r#"
CREATE TABLE web_users (
    name          TEXT PRIMARY KEY,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
    password_hash TEXT NOT NULL,
    lang          TEXT NOT NULL DEFAULT 'zh',
    created_at    TEXT NOT NULL
);
CREATE TABLE web_sessions (
    token_hash  TEXT PRIMARY KEY,
    user_name   TEXT NOT NULL REFERENCES web_users(name) ON DELETE CASCADE,
    csrf        TEXT NOT NULL,
    expires_utc TEXT NOT NULL
);
CREATE INDEX web_sessions_expires ON web_sessions(expires_utc);
CREATE TABLE web_tokens (
    token_hash TEXT PRIMARY KEY,
    user_name  TEXT NOT NULL REFERENCES web_users(name) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
CREATE INDEX collaborations_state_started ON collaborations(state, started_utc, id);
"#,
        postgres: r#"
CREATE TABLE web_users (
    name          TEXT PRIMARY KEY,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
    password_hash TEXT NOT NULL,
    lang          TEXT NOT NULL DEFAULT 'zh',
    created_at    TEXT NOT NULL
);
CREATE TABLE web_sessions (
    token_hash  TEXT PRIMARY KEY,
    user_name   TEXT NOT NULL REFERENCES web_users(name) ON DELETE CASCADE,
    csrf        TEXT NOT NULL,
    expires_utc TEXT NOT NULL
);
CREATE INDEX web_sessions_expires ON web_sessions(expires_utc);
CREATE TABLE web_tokens (
    token_hash TEXT PRIMARY KEY,
    user_name  TEXT NOT NULL REFERENCES web_users(name) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
CREATE INDEX collaborations_state_started ON collaborations(state, started_utc, id);
"#,
    },
    Migration {
        version: 7,
        name: "stored plans (the planner's result per collaboration)",
        sqlite: r#"
ALTER TABLE collaborations ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE TABLE stale_plans (id TEXT PRIMARY KEY);
INSERT INTO stale_plans (id) SELECT id FROM collaborations;
CREATE TABLE plans (
    collaboration TEXT NOT NULL,
    valid_from    INTEGER NOT NULL,
    valid_until   INTEGER NOT NULL,
    due_at        INTEGER NOT NULL,
    overdue_at    INTEGER NOT NULL,
    data          TEXT NOT NULL
);
CREATE INDEX plans_due ON plans(due_at);
CREATE INDEX plans_collaboration ON plans(collaboration);
"#,
        postgres: r#"
ALTER TABLE collaborations ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
CREATE TABLE stale_plans (id TEXT PRIMARY KEY);
INSERT INTO stale_plans (id) SELECT id FROM collaborations;
CREATE TABLE plans (
    collaboration TEXT NOT NULL,
    valid_from    BIGINT NOT NULL,
    valid_until   BIGINT NOT NULL,
    due_at        BIGINT NOT NULL,
    overdue_at    BIGINT NOT NULL,
    data          TEXT NOT NULL
);
CREATE INDEX plans_due ON plans(due_at);
CREATE INDEX plans_collaboration ON plans(collaboration);
"#,
    },
    Migration {
        version: 9,
        name: "the department of a web user; the due page's index on plans",
        // The index covers what the due page reads (`Store::plans_due_count`, and
        // `Store::plans_due_page` in its order), so neither touches the table's rows
        // nor sorts the many actions that fall due at one instant.
        sqlite: r#"
ALTER TABLE web_users ADD COLUMN department TEXT;
CREATE INDEX plans_due_page ON plans(due_at, collaboration, valid_from, valid_until, overdue_at);
"#,
        postgres: r#"
ALTER TABLE web_users ADD COLUMN department TEXT;
CREATE INDEX plans_due_page ON plans(due_at, collaboration COLLATE "C", valid_from, valid_until, overdue_at);
"#,
    },
    Migration {
        version: 11,
        name: "stored plans clustered by due instant",
        // `due` reads every action due by now. Through an index on a rowid table that is one
        // descent into the table per action, scattered over its pages: at 10^6
        // collaborations half of `due`'s time. Kept in due order (WITHOUT ROWID, keyed by
        // due instant), the actions due by now are one run of neighbouring pages. `seq`
        // numbers a collaboration's rows so the key is unique. The rows are only a cache of
        // the planner's result: they are dropped and every collaboration replanned.
        sqlite: r#"
DROP TABLE plans;
CREATE TABLE plans (
    due_at        INTEGER NOT NULL,
    collaboration TEXT NOT NULL,
    valid_from    INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    valid_until   INTEGER NOT NULL,
    overdue_at    INTEGER NOT NULL,
    data          TEXT NOT NULL,
    PRIMARY KEY (due_at, collaboration, valid_from, seq)
) WITHOUT ROWID;
CREATE INDEX plans_collaboration ON plans(collaboration);
CREATE INDEX plans_due_page ON plans(due_at, collaboration, valid_from, valid_until, overdue_at);
INSERT OR IGNORE INTO stale_plans (id) SELECT id FROM collaborations;
"#,
        // PostgreSQL reads the due range through its index as before; nothing to change.
        postgres: "SELECT 1;",
    },
    Migration {
        version: 12,
        name: "tracked messages keyed by their ledger entry",
        // Every message ingested inserts into each index of these tables. Keyed by SHA-256,
        // an insert lands on a random page of each index; once the indexes outgrow the page
        // cache every message dirties a page per index (written to the WAL and again at the
        // checkpoint), and ingest slows as the store grows. Keyed by the ledger sequence
        // number, the rows and the index of a message's keys are appended. The SHA-256 of a
        // message is still found through `inputs` (one index per store is enough). The two
        // indexes dropped were never read (`raw_messages.message_id`,
        // `messages.collaboration`). Rows are copied as they are: nothing is recomputed.
        sqlite: r#"
DROP INDEX raw_messages_message_id;
CREATE TABLE messages_by_seq (
    seq           INTEGER PRIMARY KEY REFERENCES inputs(seq),
    sha256        TEXT NOT NULL,
    message_id    TEXT,
    date          TEXT,
    opener        INTEGER NOT NULL,
    thread        TEXT NOT NULL,
    collaboration TEXT
);
INSERT INTO messages_by_seq (seq, sha256, message_id, date, opener, thread, collaboration)
    SELECT seq, sha256, message_id, date, opener, thread, collaboration FROM messages ORDER BY seq;
CREATE TABLE message_keys_by_seq (
    key  TEXT NOT NULL,
    role INTEGER NOT NULL,
    seq  INTEGER NOT NULL,
    pos  INTEGER NOT NULL,
    PRIMARY KEY (key, role, seq)
) WITHOUT ROWID;
INSERT INTO message_keys_by_seq (key, role, seq, pos)
    SELECT k.key, k.role, m.seq, k.pos FROM message_keys k JOIN messages m ON m.sha256 = k.sha256;
DROP TABLE message_keys;
DROP TABLE messages;
ALTER TABLE messages_by_seq RENAME TO messages;
ALTER TABLE message_keys_by_seq RENAME TO message_keys;
CREATE INDEX messages_thread ON messages(thread);
CREATE INDEX message_keys_seq ON message_keys(seq);
"#,
        postgres: r#"
DROP INDEX raw_messages_message_id;
CREATE TABLE messages_by_seq (
    seq           BIGINT PRIMARY KEY REFERENCES inputs(seq),
    sha256        TEXT NOT NULL,
    message_id    TEXT,
    date          TEXT,
    opener        BOOLEAN NOT NULL,
    thread        TEXT NOT NULL,
    collaboration TEXT
);
INSERT INTO messages_by_seq (seq, sha256, message_id, date, opener, thread, collaboration)
    SELECT seq, sha256, message_id, date, opener, thread, collaboration FROM messages;
CREATE TABLE message_keys_by_seq (
    key  TEXT NOT NULL,
    role SMALLINT NOT NULL,
    seq  BIGINT NOT NULL,
    pos  INTEGER NOT NULL,
    PRIMARY KEY (key, role, seq)
);
INSERT INTO message_keys_by_seq (key, role, seq, pos)
    SELECT k.key, k.role, m.seq, k.pos FROM message_keys k JOIN messages m ON m.sha256 = k.sha256;
DROP TABLE message_keys;
DROP TABLE messages;
ALTER TABLE messages_by_seq RENAME TO messages;
ALTER TABLE message_keys_by_seq RENAME TO message_keys;
CREATE INDEX messages_thread ON messages(thread);
CREATE INDEX message_keys_seq ON message_keys(seq);
"#,
    },
];

/// The newest schema version this build knows.
pub(crate) fn latest() -> i64 {
    MIGRATIONS.last().map(|m| m.version).unwrap_or(0)
}

/// A timestamp as stored: RFC 3339 in UTC with second precision, so text order is time
/// order.
pub(crate) fn ts(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// Reads a timestamp written by [`ts`] (or any RFC 3339 value).
pub(crate) fn parse_ts(s: &str) -> crate::Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| crate::StoreError::corrupt(format!("timestamp {s:?}"), e))
}

/// The JSON of an event.
pub(crate) fn event_json(e: &liaison_model::Event) -> String {
    serde_json::to_string(e).expect("events always serialise")
}

/// A message's date as stored (RFC 3339 with its own offset).
pub(crate) fn date_text(d: Option<chrono::DateTime<chrono::FixedOffset>>) -> Option<String> {
    d.map(|d| d.to_rfc3339())
}

/// Reads a date written by [`date_text`].
pub(crate) fn parse_date(
    s: Option<String>,
) -> crate::Result<Option<chrono::DateTime<chrono::FixedOffset>>> {
    s.map(|s| {
        chrono::DateTime::parse_from_rfc3339(&s)
            .map_err(|e| crate::StoreError::corrupt(format!("message date {s:?}"), e))
    })
    .transpose()
}

/// Groups key rows `(sha256, role, key)` (ordered by sha256, role, position) into each
/// message's [`crate::MessageKeys`].
pub(crate) fn group_keys(
    rows: Vec<(String, i64, String)>,
) -> crate::Result<std::collections::HashMap<String, crate::MessageKeys>> {
    let mut out: std::collections::HashMap<String, crate::MessageKeys> = Default::default();
    for (sha, role, key) in rows {
        let k = out.entry(sha).or_default();
        match crate::KeyRole::from_code(role) {
            Some(crate::KeyRole::Own) => k.own.push(key),
            Some(crate::KeyRole::Strong) => k.strong.push(key),
            Some(crate::KeyRole::Weak) => k.weak.push(key),
            None => return Err(crate::StoreError::corrupt("message key role", role)),
        }
    }
    Ok(out)
}

/// Every (role, position, key) of a message's keys, for insertion.
pub(crate) fn key_rows(k: &crate::MessageKeys) -> Vec<(i64, i64, &str)> {
    let mut out = Vec::with_capacity(k.own.len() + k.strong.len() + k.weak.len());
    for (role, keys) in [
        (crate::KeyRole::Own, &k.own),
        (crate::KeyRole::Strong, &k.strong),
        (crate::KeyRole::Weak, &k.weak),
    ] {
        for (i, key) in keys.iter().enumerate() {
            out.push((role.code(), i as i64, key.as_str()));
        }
    }
    out
}

/// The JSON of a collaboration.
pub(crate) fn collab_json(c: &liaison_model::Collaboration) -> String {
    serde_json::to_string(c).expect("collaborations always serialise")
}

/// The `kind` column of a collaboration (its JSON name).
pub(crate) fn collab_kind(c: &liaison_model::Collaboration) -> String {
    serde_json::to_value(c.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Decodes a stored event.
pub(crate) fn decode_event(s: &str) -> crate::Result<liaison_model::Event> {
    serde_json::from_str(s).map_err(|e| crate::StoreError::corrupt("event JSON", e))
}

/// Decodes a stored collaboration.
pub(crate) fn decode_collab(s: &str) -> crate::Result<liaison_model::Collaboration> {
    serde_json::from_str(s).map_err(|e| crate::StoreError::corrupt("collaboration JSON", e))
}
