//! The stored plans' bookkeeping on PostgreSQL: a session that replans many collaborations
//! leaves no dead `stale_plans` rows behind for the next reader to scan.

mod common;

use liaison_model::State;
use liaison_store::Changes;

/// Replanning 12,000 collaborations (here: settled as archived, as a full replan settles
/// most of a company's history) deletes 12,000 `stale_plans` rows; once nothing is left to
/// plan, the session vacuums the table, so its pages are gone (without the vacuum they stay
/// until autovacuum's next pass, and every `due` scans them).
#[test]
fn a_large_replan_leaves_no_dead_stale_rows_on_postgres() {
    let (mut s, loc) = common::pg("vacuum_stale");
    let collabs: Vec<_> = (0..12_000)
        .map(|i| {
            let mut c = common::collab(&format!("c{i:05}"), "2026-12-01T10:00:00+08:00");
            c.state = State::Archived;
            c
        })
        .collect();
    s.begin_batch().unwrap();
    for ch in collabs.chunks(4_000) {
        s.apply(&Changes {
            collaborations: ch.to_vec(),
            ..Changes::default()
        })
        .unwrap();
    }
    s.end_batch(true).unwrap();
    let url = match &loc {
        liaison_store::Location::Postgres(u) => u.clone(),
        _ => unreachable!(),
    };
    let schema = url.rsplit("schema=").next().unwrap().to_string();
    let mut admin = postgres::Client::connect(
        &std::env::var("LIAISON_TEST_DATABASE_URL").unwrap(),
        postgres::NoTls,
    )
    .unwrap();
    let pages = |admin: &mut postgres::Client| -> i64 {
        admin
            .query_one(
                &format!("SELECT pg_relation_size('{schema}.stale_plans') / 8192"),
                &[],
            )
            .unwrap()
            .get(0)
    };
    assert!(pages(&mut admin) > 0, "12,000 stale rows fill pages");

    s.invalidate_plans().unwrap();
    assert_eq!(s.settle_plans(&["archived"]).unwrap(), 12_000);
    assert!(pages(&mut admin) > 0, "deleted, not yet vacuumed");
    assert!(s.unplanned(10).unwrap().is_empty());
    assert_eq!(
        pages(&mut admin),
        0,
        "vacuumed once nothing was left to plan"
    );

    // A session that cleared only a few does not vacuum: a small replan's dead rows are
    // autovacuum's business.
    let mut c = common::collab("c00000", "2026-12-01T10:00:00+08:00");
    c.state = State::Archived;
    s.apply(&Changes {
        collaborations: vec![c],
        ..Changes::default()
    })
    .unwrap();
    assert_eq!(s.settle_plans(&["archived"]).unwrap(), 1);
    assert!(s.unplanned(10).unwrap().is_empty());
    assert!(pages(&mut admin) > 0, "one dead row, left to autovacuum");
    drop(s);
    admin
        .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
        .unwrap();
}
