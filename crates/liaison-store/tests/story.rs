//! The store's story, run against SQLite and against a real PostgreSQL (scripts/test starts
//! it and exports LIAISON_TEST_DATABASE_URL).

mod common;

use common::*;
use liaison_model::{EventKind, State};
use liaison_store::{Changes, InputKind, PutRaw, Store};

/// Raw messages: stored by SHA-256, bytes exact, re-put is a no-op.
fn raw_round_trip(s: &mut dyn Store) {
    let bytes = mail("a@x");
    let first = s.put_raw(&bytes, "inbox/a.eml", Some("a@x")).unwrap();
    let PutRaw::New { sha256, seq } = first.clone() else {
        panic!("first put must be new: {first:?}")
    };
    assert_eq!(sha256, liaison_store::sha256_hex(&bytes));
    assert_eq!(
        s.put_raw(&bytes, "elsewhere.eml", None).unwrap(),
        PutRaw::Duplicate {
            sha256: sha256.clone()
        }
    );
    let raw = s.raw(&sha256).unwrap().unwrap();
    assert_eq!(raw.bytes, bytes);
    assert_eq!(raw.source, "inbox/a.eml");
    assert_eq!(raw.message_id.as_deref(), Some("a@x"));
    assert_eq!(raw.seq, seq);
    assert!(s.raw("0000").unwrap().is_none());

    // Binary-safe: invalid UTF-8 and NUL bytes survive.
    let odd = b"Subject: \xff\xfe\x00\r\n\r\n\x00\x01".to_vec();
    let put = s.put_raw(&odd, "odd", None).unwrap();
    assert_eq!(s.raw(put.sha256()).unwrap().unwrap().bytes, odd);

    // A batch with an internal duplicate and an already-stored one.
    let (b, c) = (mail("b@x"), mail("c@x"));
    let res = s
        .put_raw_batch(&[
            (&b, "b", Some("b@x")),
            (&bytes, "a again", None),
            (&c, "c", None),
            (&b, "b again", None),
        ])
        .unwrap();
    let news: Vec<bool> = res.iter().map(PutRaw::is_new).collect();
    assert_eq!(news, [true, false, true, false]);
    let st = s.stats().unwrap();
    assert_eq!((st.raw_messages, st.inputs, st.pending), (4, 4, 4));
}

/// The ledger: pending in order, apply exactly once, collaborations/events/keys written.
fn ledger_and_apply(s: &mut dyn Store) {
    let m1 = s.put_raw(&mail("open@x"), "1", Some("open@x")).unwrap();
    let _m2 = s.put_raw(&mail("reply@x"), "2", Some("reply@x")).unwrap();
    let pending = s.pending(10).unwrap();
    assert_eq!(pending.len(), 2);
    assert!(pending[0].seq < pending[1].seq);
    match &pending[0].kind {
        InputKind::Message {
            sha256,
            bytes,
            source,
        } => {
            assert_eq!(sha256, m1.sha256());
            assert_eq!(bytes, &mail("open@x"));
            assert_eq!(source, "1");
        }
        k => panic!("expected a message input, got {k:?}"),
    }
    assert!(!pending[0].applied);

    let mut c = collab("c-1", "2026-11-30T10:00:00+08:00");
    let e1 = event(EventKind::Sent, "2026-11-30T10:00:00+08:00", "open@x");
    c.events.push(e1.clone());
    let ch = Changes {
        input: Some(pending[0].seq),
        collaborations: vec![c.clone()],
        events: vec![("c-1".into(), e1.clone())],
        thread_keys: vec![
            ("mid:open@x".into(), "c-1".into()),
            (
                "subj:【需求对接】q4|wanglei@example.com".into(),
                "c-1".into(),
            ),
        ],
    };
    assert!(s.apply(&ch).unwrap());
    assert!(
        !s.apply(&ch).unwrap(),
        "an applied input must not apply twice"
    );
    assert_eq!(s.events("c-1").unwrap().len(), 1);

    // The reply updates the collaboration; a conflicting key keeps its first owner.
    c.state = State::Acknowledged;
    let e2 = event(EventKind::Replied, "2026-11-30T15:00:00+08:00", "reply@x");
    c.events.push(e2.clone());
    assert!(
        s.apply(&Changes {
            input: Some(pending[1].seq),
            collaborations: vec![c.clone()],
            events: vec![("c-1".into(), e2.clone())],
            thread_keys: vec![
                ("mid:reply@x".into(), "c-1".into()),
                ("mid:open@x".into(), "c-other".into()),
            ],
        })
        .unwrap()
    );
    assert!(s.pending(10).unwrap().is_empty());
    assert_eq!(s.collaboration("c-1").unwrap().unwrap(), c);
    assert!(s.collaboration("nope").unwrap().is_none());
    let evs = s.events("c-1").unwrap();
    assert_eq!(
        evs.iter().map(|e| e.event.clone()).collect::<Vec<_>>(),
        vec![e1, e2]
    );
    assert!(evs[0].seq < evs[1].seq);
    assert_eq!(evs[1].input_seq, Some(pending[1].seq));

    let keys = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        s.find_thread(&keys(&["mid:zzz", "mid:open@x"]))
            .unwrap()
            .as_deref(),
        Some("c-1")
    );
    assert_eq!(s.find_thread(&keys(&["mid:zzz"])).unwrap(), None);
    assert_eq!(s.find_thread(&[]).unwrap(), None);

    // Manual inputs join the same ledger.
    let ev = event(EventKind::Delivered, "2026-12-01T09:00:00+08:00", "-");
    let seq = s.record_manual("c-1", &ev).unwrap();
    let p = s.pending(10).unwrap();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].seq, seq);
    assert_eq!(
        p[0].kind,
        InputKind::Manual {
            collaboration: "c-1".into(),
            event: ev
        }
    );
    let all = s.inputs(0, 100).unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(s.inputs(all[0].seq, 1).unwrap()[0].seq, all[1].seq);
}

/// Listing is ordered by start instant (across offsets), then id.
fn list_order(s: &mut dyn Store) {
    let cs = vec![
        collab("b", "2026-11-30T10:00:00+08:00"),
        collab("a", "2026-11-30T10:00:00+08:00"),
        collab("early", "2026-11-30T01:30:00+00:00"), // 09:30 +08:00
        collab("late", "2026-11-29T23:00:00-05:00"),  // 12:00 +08:00 next day
    ];
    s.apply(&Changes {
        collaborations: cs,
        ..Changes::default()
    })
    .unwrap();
    let ids: Vec<String> = s
        .collaborations()
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(ids, ["early", "a", "b", "late"]);
}

/// Quarantine keeps the bytes and the reason, once.
fn quarantine(s: &mut dyn Store) {
    let bad = b"\x00\x01 not mail".to_vec();
    assert!(s.quarantine(&bad, "x.eml", "no header").unwrap());
    assert!(!s.quarantine(&bad, "x.eml", "no header").unwrap());
    let q = s.quarantined().unwrap();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].bytes, bad);
    assert_eq!(q[0].reason, "no header");
    assert_eq!(s.stats().unwrap().quarantined, 1);
}

/// A batch: applies share one transaction, reads inside see them, a rollback leaves every
/// input pending and nothing written, a commit writes all.
fn batch(s: &mut dyn Store) {
    for id in ["1@x", "2@x", "3@x"] {
        s.put_raw(&mail(id), id, Some(id)).unwrap();
    }
    let pending = s.pending(10).unwrap();
    let change = |k: usize, state: State| {
        let mut c = collab("c-b", "2026-11-30T10:00:00+08:00");
        c.state = state;
        let e = event(EventKind::Replied, "2026-11-30T11:00:00+08:00", "b");
        Changes {
            input: Some(pending[k].seq),
            collaborations: vec![c],
            events: vec![("c-b".into(), e)],
            thread_keys: vec![(format!("mid:{k}@x"), "c-b".into())],
        }
    };

    s.begin_batch().unwrap();
    assert!(s.apply(&change(0, State::Sent)).unwrap());
    assert!(
        !s.apply(&change(0, State::Sent)).unwrap(),
        "once per batch too"
    );
    assert_eq!(s.collaboration("c-b").unwrap().unwrap().state, State::Sent);
    assert_eq!(
        s.find_thread(&["mid:0@x".to_string()]).unwrap().as_deref(),
        Some("c-b")
    );
    assert_eq!(s.pending(10).unwrap().len(), 2);
    assert!(s.apply(&change(1, State::Acknowledged)).unwrap());
    s.end_batch(false).unwrap();
    assert_eq!(
        s.pending(10).unwrap().len(),
        3,
        "a rolled-back page stays pending"
    );
    assert!(s.collaboration("c-b").unwrap().is_none());
    assert!(s.events("c-b").unwrap().is_empty());
    assert_eq!(s.find_thread(&["mid:0@x".to_string()]).unwrap(), None);

    s.begin_batch().unwrap();
    assert!(s.apply(&change(0, State::Sent)).unwrap());
    assert!(s.apply(&change(1, State::Acknowledged)).unwrap());
    s.end_batch(true).unwrap();
    let left = s.pending(10).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].seq, pending[2].seq);
    assert_eq!(
        s.collaboration("c-b").unwrap().unwrap().state,
        State::Acknowledged
    );
    assert_eq!(s.events("c-b").unwrap().len(), 2);
    // Outside a batch, apply is its own transaction again.
    assert!(s.apply(&change(2, State::InProgress)).unwrap());
    assert!(s.pending(10).unwrap().is_empty());
}

macro_rules! story {
    ($name:ident) => {
        mod $name {
            use super::*;
            #[test]
            fn sqlite() {
                let (mut s, _dir, _) = common::sqlite();
                super::$name(&mut *s);
            }
            #[test]
            fn memory() {
                let mut s = liaison_store::open(&liaison_store::Location::Memory).unwrap();
                super::$name(&mut *s);
            }
            #[test]
            fn postgres() {
                let (mut s, _) = common::pg(stringify!($name));
                super::$name(&mut *s);
            }
        }
    };
}

story!(raw_round_trip);
story!(ledger_and_apply);
story!(list_order);
story!(quarantine);
story!(batch);

#[test]
fn reopening_keeps_data_and_migrations_run_once_sqlite() {
    let (mut s, _dir, loc) = common::sqlite();
    s.put_raw(&mail("a@x"), "a", None).unwrap();
    drop(s);
    let mut again = liaison_store::open(&loc).unwrap();
    assert_eq!(again.stats().unwrap().raw_messages, 1);
}

#[test]
fn reopening_keeps_data_and_migrations_run_once_postgres() {
    let (mut s, loc) = common::pg("reopen");
    s.put_raw(&mail("a@x"), "a", None).unwrap();
    drop(s);
    let mut again = liaison_store::open(&loc).unwrap();
    assert_eq!(again.stats().unwrap().raw_messages, 1);
}

/// Several processes on one PostgreSQL: four connections race to store the same messages
/// and to apply every pending input; each message is stored once and applied once.
#[test]
fn concurrent_workers_on_postgres_never_double() {
    let loc = common::pg_location("concurrent");
    drop(liaison_store::open(&loc).unwrap());
    let n = 200;
    let workers: Vec<_> = (0..4)
        .map(|w| {
            let loc = loc.clone();
            std::thread::spawn(move || {
                let mut s = liaison_store::open(&loc).unwrap();
                let mut applied = 0;
                for i in 0..n {
                    let i = (i + w * 37) % n;
                    s.put_raw(&mail(&format!("m{i}@x")), "race", None).unwrap();
                }
                loop {
                    s.lock_tracker().unwrap();
                    let p = s.pending(16).unwrap();
                    if p.is_empty() {
                        s.unlock_tracker().unwrap();
                        break;
                    }
                    for input in p {
                        let e = event(EventKind::Replied, "2026-11-30T10:00:00+08:00", "x");
                        if s.apply(&Changes {
                            input: Some(input.seq),
                            events: vec![("c".into(), e)],
                            ..Changes::default()
                        })
                        .unwrap()
                        {
                            applied += 1;
                        }
                    }
                    s.unlock_tracker().unwrap();
                }
                applied
            })
        })
        .collect();
    let total: usize = workers.into_iter().map(|h| h.join().unwrap()).sum();
    let mut s = liaison_store::open(&loc).unwrap();
    let st = s.stats().unwrap();
    assert_eq!(st.raw_messages, n as u64);
    assert_eq!(st.inputs, n as u64);
    assert_eq!(st.pending, 0);
    assert_eq!(total, n);
    assert_eq!(st.events, n as u64);
}

/// Overlapping batches stored in opposite orders by concurrent connections (the shape that
/// can deadlock on the unique index) all land, each message once.
#[test]
fn concurrent_batches_in_opposite_orders_postgres() {
    let loc = common::pg_location("batches");
    drop(liaison_store::open(&loc).unwrap());
    let n = 300;
    let handles: Vec<_> = (0..4)
        .map(|w| {
            let loc = loc.clone();
            std::thread::spawn(move || {
                let mut s = liaison_store::open(&loc).unwrap();
                let mut order: Vec<usize> = (0..n).collect();
                if w % 2 == 1 {
                    order.reverse();
                }
                let mails: Vec<Vec<u8>> = order.iter().map(|i| mail(&format!("b{i}@x"))).collect();
                let mut new = 0;
                for chunk in mails.chunks(50) {
                    let refs: Vec<(&[u8], &str, Option<&str>)> =
                        chunk.iter().map(|m| (m.as_slice(), "b", None)).collect();
                    new += s
                        .put_raw_batch(&refs)
                        .unwrap()
                        .iter()
                        .filter(|p| p.is_new())
                        .count();
                }
                new
            })
        })
        .collect();
    let total: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
    assert_eq!(
        total, n,
        "each message is new exactly once across all workers"
    );
    let st = liaison_store::open(&loc).unwrap().stats().unwrap();
    assert_eq!((st.raw_messages, st.inputs), (n as u64, n as u64));
}

/// Another connection sees nothing of a batch until it commits (a crash mid-page loses the
/// page, never part of it).
fn batch_invisible_until_commit(mut s: Box<dyn Store>, loc: &liaison_store::Location) {
    s.put_raw(&mail("v@x"), "v", Some("v@x")).unwrap();
    let seq = s.pending(1).unwrap()[0].seq;
    s.begin_batch().unwrap();
    assert!(
        s.apply(&Changes {
            input: Some(seq),
            collaborations: vec![collab("c-v", "2026-11-30T10:00:00+08:00")],
            ..Changes::default()
        })
        .unwrap()
    );
    // Opening does not wait for the open batch (the schema is up to date: no write).
    let mut other = liaison_store::open(loc).unwrap();
    assert!(other.collaboration("c-v").unwrap().is_none());
    assert_eq!(other.pending(10).unwrap().len(), 1);
    s.end_batch(true).unwrap();
    assert!(other.collaboration("c-v").unwrap().is_some());
    assert!(other.pending(10).unwrap().is_empty());
}

#[test]
fn batch_invisible_until_commit_sqlite() {
    let (s, _dir, loc) = common::sqlite();
    batch_invisible_until_commit(s, &loc);
}

#[test]
fn batch_invisible_until_commit_postgres() {
    let (s, loc) = common::pg("batch_visibility");
    batch_invisible_until_commit(s, &loc);
}
