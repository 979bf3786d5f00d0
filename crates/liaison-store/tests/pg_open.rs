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
