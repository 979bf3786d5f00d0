//! Opening a PostgreSQL store that is already there and migrated takes a short path (no
//! lock, no transaction); it must still refuse a newer store and migrate one that lacks a
//! migration.

mod common;

use liaison_store::{Location, StoreError};

#[test]
fn reopening_checks_the_migrations_it_skips() {
    let loc = common::pg_location("pg_open");
    let Location::Postgres(url) = &loc else {
        unreachable!()
    };
    let schema = url.rsplit("schema=").next().unwrap().to_string();
    let mut admin = postgres::Client::connect(
        &std::env::var("LIAISON_TEST_DATABASE_URL").unwrap(),
        postgres::NoTls,
    )
    .unwrap();
    let versions = |admin: &mut postgres::Client| -> Vec<i64> {
        admin
            .query(
                &format!("SELECT version FROM {schema}.schema_migrations ORDER BY version"),
                &[],
            )
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect()
    };

    // First open: creates and migrates. Second: the short path, same store.
    drop(liaison_store::open(&loc).unwrap());
    let all = versions(&mut admin);
    assert!(all.contains(&11), "{all:?}");
    let mut s = liaison_store::open(&loc).unwrap();
    assert_eq!(s.meta("nothing").unwrap(), None);
    drop(s);
    assert_eq!(versions(&mut admin), all);

    // A store missing a migration is migrated again (PostgreSQL's 11 changes nothing, so
    // running it twice is safe), not taken as ready.
    admin
        .batch_execute(&format!(
            "DELETE FROM {schema}.schema_migrations WHERE version = 11"
        ))
        .unwrap();
    drop(liaison_store::open(&loc).unwrap());
    assert_eq!(versions(&mut admin), all);

    // A store written by a newer liaison is refused, as before.
    admin
        .batch_execute(&format!(
            "INSERT INTO {schema}.schema_migrations (version, name, applied_at)
             VALUES (999, 'from the future', '2030-01-01T00:00:00Z')"
        ))
        .unwrap();
    match liaison_store::open(&loc) {
        Err(StoreError::SchemaTooNew { found: 999, .. }) => {}
        Err(e) => panic!("expected SchemaTooNew, got {e}"),
        Ok(_) => panic!("a newer store was opened"),
    }
    admin
        .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
        .unwrap();
}

/// A store whose tracked messages are keyed by SHA-256 (before migration 12) keeps every
/// message row and threading key when migrated: the tracker finds the same holders,
/// threads and keys afterwards.
#[test]
fn messages_keyed_by_sha256_are_migrated_to_ledger_keys() {
    use liaison_store::{Changes, KeyRole, MessageKeys, MessageRow, PutRaw};
    let loc = common::pg_location("pg_v12");
    let Location::Postgres(url) = &loc else {
        unreachable!()
    };
    let schema = url.rsplit("schema=").next().unwrap().to_string();
    let mut s = liaison_store::open(&loc).unwrap();
    let mut rows = Vec::new();
    for (i, mid) in ["b@x", "a@x", "c@x"].iter().enumerate() {
        let PutRaw::New { sha256, seq } = s.put_raw(&common::mail(mid), mid, Some(mid)).unwrap()
        else {
            panic!("new")
        };
        let own = vec![format!("mid:{mid}")];
        rows.push(MessageRow {
            sha256: sha256.clone(),
            seq,
            message_id: Some(mid.to_string()),
            date: None,
            opener: i == 0,
            thread: if i < 2 { "t1".into() } else { "t2".into() },
            collaboration: (i < 2).then(|| "c1".to_string()),
            keys: MessageKeys {
                own: own.clone(),
                strong: if i == 0 { own } else { vec!["mid:b@x".into()] },
                weak: vec![format!("subj:{i}")],
            },
        });
        assert!(
            s.apply(&Changes {
                input: Some(seq),
                messages: vec![rows[i].clone()],
                ..Changes::default()
            })
            .unwrap()
        );
    }
    let before = s.all_messages().unwrap();
    assert_eq!(before.len(), 3);
    let keys = vec!["mid:b@x".to_string()];
    let hits_before = s.messages_by_key(&keys, &KeyRole::ALL).unwrap();
    assert_eq!(hits_before.len(), 4, "{hits_before:?}");
    drop(s);

    // The tables as migrations 1–11 left them.
    let mut admin = postgres::Client::connect(
        &std::env::var("LIAISON_TEST_DATABASE_URL").unwrap(),
        postgres::NoTls,
    )
    .unwrap();
    admin
        .batch_execute(&format!(
            "SET search_path TO {schema};
             CREATE TABLE old_m AS SELECT sha256, seq, message_id, date, opener, thread,
                 collaboration FROM messages;
             CREATE TABLE old_k AS SELECT k.key, k.role, m.sha256, k.pos
                 FROM message_keys k JOIN messages m ON m.seq = k.seq;
             DROP TABLE message_keys; DROP TABLE messages;
             CREATE TABLE messages (
                 sha256 TEXT PRIMARY KEY REFERENCES raw_messages(sha256), seq BIGINT NOT NULL,
                 message_id TEXT, date TEXT, opener BOOLEAN NOT NULL, thread TEXT NOT NULL,
                 collaboration TEXT);
             INSERT INTO messages SELECT * FROM old_m;
             CREATE INDEX messages_thread ON messages(thread);
             CREATE INDEX messages_collaboration ON messages(collaboration);
             CREATE TABLE message_keys (key TEXT NOT NULL, role SMALLINT NOT NULL,
                 sha256 TEXT NOT NULL, pos INTEGER NOT NULL, PRIMARY KEY (key, role, sha256));
             INSERT INTO message_keys SELECT * FROM old_k;
             CREATE INDEX message_keys_sha256 ON message_keys(sha256);
             CREATE INDEX raw_messages_message_id ON raw_messages(message_id);
             DROP TABLE old_m; DROP TABLE old_k;
             DELETE FROM schema_migrations WHERE version = 12;"
        ))
        .unwrap();

    let mut s = liaison_store::open(&loc).unwrap();
    assert_eq!(s.all_messages().unwrap(), before);
    assert_eq!(
        s.messages_by_key(&keys, &KeyRole::ALL).unwrap(),
        hits_before
    );
    let members = s.thread_members(&["t1".to_string()]).unwrap();
    assert_eq!(members.len(), 2);
    assert!(members.iter().all(|m| before.contains(m)));
    assert_eq!(
        s.message_row(&rows[2].sha256).unwrap().map(|m| m.thread),
        Some("t2".to_string())
    );
    admin
        .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
        .unwrap();
}
