//! The store's story, run against SQLite and against a real PostgreSQL (scripts/test starts
//! it and exports LIAISON_TEST_DATABASE_URL).

mod common;

use common::*;
use liaison_model::{EventKind, State};
use liaison_store::{
    Changes, FolderCursor, InputKind, KeyRole, MessageKeys, MessageRow, OutboxEntry, OutboxState,
    PutRaw, Store,
};

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

    // A long mail is stored packed: read back byte for byte, alone and as a ledger entry,
    // by its SHA-256 of the original; stored again, it is a duplicate.
    let mut long = mail("long@x");
    for i in 0..300 {
        long.extend_from_slice(
            format!("> 第{i}行：请于本周五下班前提供Q4活动数据。\r\n").as_bytes(),
        );
    }
    let put = s.put_raw_batch(&[(&long, "long", None)]).unwrap().remove(0);
    let PutRaw::New { sha256, seq } = put else {
        panic!("{put:?}")
    };
    assert_eq!(sha256, liaison_store::sha256_hex(&long));
    assert_eq!(s.raw(&sha256).unwrap().unwrap().bytes, long);
    let input = s
        .pending(100)
        .unwrap()
        .into_iter()
        .find(|i| i.seq == seq)
        .unwrap();
    let liaison_store::InputKind::Message { bytes, .. } = input.kind else {
        panic!("{input:?}")
    };
    assert_eq!(bytes, long);
    assert!(!s.put_raw(&long, "again", None).unwrap().is_new());
}

fn row(sha: &str, seq: i64, thread: &str, collab: Option<&str>, keys: MessageKeys) -> MessageRow {
    MessageRow {
        sha256: sha.into(),
        seq,
        message_id: Some(format!("{sha}@x")),
        date: Some(t("2026-11-30T10:00:00+08:00")),
        opener: collab.is_some(),
        thread: thread.into(),
        collaboration: collab.map(str::to_string),
        keys,
    }
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// The ledger: pending in order, apply exactly once, collaborations and the threading
/// index written.
/// The bounded counts ingest asks for agree with the full [`Store::stats`]: pending
/// entries exactly, tracked messages up to each limit.
fn counts_agree(s: &mut dyn Store, pending: u64, messages: u64) {
    let st = s.stats().unwrap();
    assert_eq!((st.pending, st.messages), (pending, messages));
    assert_eq!(s.pending_count().unwrap(), pending);
    for limit in 0..=messages + 2 {
        assert_eq!(
            s.messages_upto(limit).unwrap(),
            messages.min(limit),
            "limit {limit}"
        );
    }
}

fn ledger_and_apply(s: &mut dyn Store) {
    counts_agree(s, 0, 0);
    let m1 = s.put_raw(&mail("open@x"), "1", Some("open@x")).unwrap();
    let m2 = s.put_raw(&mail("reply@x"), "2", Some("reply@x")).unwrap();
    counts_agree(s, 2, 0);
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
    let open_keys = MessageKeys {
        own: strings(&["mid:open@x", "subj:【需求对接】q4|wanglei@example.com"]),
        strong: strings(&["mid:open@x"]),
        weak: strings(&["subj:【需求对接】q4|wanglei@example.com"]),
    };
    let ch = Changes {
        input: Some(pending[0].seq),
        collaborations: vec![c.clone()],
        messages: vec![row(
            m1.sha256(),
            pending[0].seq,
            "c-1",
            Some("c-1"),
            open_keys.clone(),
        )],
        ..Changes::default()
    };
    assert!(s.apply(&ch).unwrap());
    assert!(
        !s.apply(&ch).unwrap(),
        "an applied input must not apply twice"
    );
    counts_agree(s, 1, 1);
    assert_eq!(s.events("c-1").unwrap(), vec![e1.clone()]);

    // The reply joins the thread; an orphan waits in a thread of its own.
    let m3 = s.put_raw(&mail("orphan@x"), "3", Some("orphan@x")).unwrap();
    let PutRaw::New { seq: m3_seq, .. } = m3.clone() else {
        panic!("new")
    };
    c.state = State::Acknowledged;
    let e2 = event(EventKind::Replied, "2026-11-30T15:00:00+08:00", "reply@x");
    c.events.push(e2.clone());
    let reply_keys = MessageKeys {
        own: strings(&["mid:reply@x"]),
        strong: strings(&["mid:open@x", "mid:reply@x"]),
        weak: vec![],
    };
    let orphan_keys = MessageKeys {
        own: strings(&["mid:orphan@x"]),
        strong: strings(&["mid:missing@x", "mid:orphan@x"]),
        weak: vec![],
    };
    assert!(
        s.apply(&Changes {
            input: Some(pending[1].seq),
            collaborations: vec![c.clone()],
            messages: vec![
                row(
                    m2.sha256(),
                    pending[1].seq,
                    "c-1",
                    Some("c-1"),
                    reply_keys.clone()
                ),
                row(m3.sha256(), m3_seq, "orphan", None, orphan_keys),
            ],
            ..Changes::default()
        })
        .unwrap()
    );
    assert_eq!(
        s.pending(10).unwrap().len(),
        1,
        "the orphan's own entry is still pending"
    );
    assert!(
        s.apply(&Changes {
            input: Some(m3_seq),
            ..Changes::default()
        })
        .unwrap()
    );
    assert_eq!(s.collaboration("c-1").unwrap().unwrap(), c);
    assert!(s.collaboration("nope").unwrap().is_none());
    assert_eq!(s.events("c-1").unwrap(), vec![e1, e2]);
    assert_eq!(s.stats().unwrap().events, 2);
    counts_agree(s, 0, 3);

    // Keys find messages by role.
    let hits = s
        .messages_by_key(&strings(&["mid:open@x"]), &[KeyRole::Own])
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].sha256.as_str(), hits[0].thread.as_str()),
        (m1.sha256(), "c-1")
    );
    let mut lookers: Vec<(String, KeyRole)> = s
        .messages_by_key(&strings(&["mid:open@x"]), &[KeyRole::Strong, KeyRole::Weak])
        .unwrap()
        .into_iter()
        .map(|h| (h.sha256, h.role))
        .collect();
    lookers.sort();
    let mut want = vec![
        (m1.sha256().to_string(), KeyRole::Strong),
        (m2.sha256().to_string(), KeyRole::Strong),
    ];
    want.sort();
    assert_eq!(lookers, want);
    assert!(
        s.messages_by_key(&strings(&["mid:zzz"]), &[KeyRole::Own])
            .unwrap()
            .is_empty()
    );
    assert!(s.messages_by_key(&[], &[KeyRole::Own]).unwrap().is_empty());

    // Thread members come back with their keys in order.
    let members = s.thread_members(&strings(&["c-1", "orphan"])).unwrap();
    assert_eq!(members.len(), 3);
    let reply = members.iter().find(|m| m.sha256 == m2.sha256()).unwrap();
    assert_eq!(reply.keys, reply_keys);
    assert_eq!(reply.date, Some(t("2026-11-30T10:00:00+08:00")));
    let opener = members.iter().find(|m| m.sha256 == m1.sha256()).unwrap();
    assert_eq!(opener.keys, open_keys);
    assert!(opener.opener);
    assert_eq!(
        s.message_row(m3.sha256()).unwrap().unwrap().thread,
        "orphan"
    );
    assert!(s.message_row("none").unwrap().is_none());

    // Re-threading moves a message (its keys stay), removing drops a collaboration.
    assert!(
        s.apply(&Changes {
            messages: vec![row(
                m3.sha256(),
                m3_seq,
                "c-1",
                Some("c-1"),
                MessageKeys::default()
            )],
            ..Changes::default()
        })
        .unwrap()
    );
    let moved = s.thread_members(&strings(&["c-1"])).unwrap();
    assert_eq!(moved.len(), 3);
    assert_eq!(
        moved
            .iter()
            .find(|m| m.sha256 == m3.sha256())
            .unwrap()
            .keys
            .own,
        strings(&["mid:orphan@x"])
    );
    s.apply(&Changes {
        collaborations: vec![collab("c-gone", "2026-11-30T10:00:00+08:00")],
        ..Changes::default()
    })
    .unwrap();
    s.apply(&Changes {
        removed: vec!["c-gone".into()],
        ..Changes::default()
    })
    .unwrap();
    assert!(s.collaboration("c-gone").unwrap().is_none());

    // Meta values.
    assert_eq!(s.meta("fingerprint").unwrap(), None);
    s.set_meta("fingerprint", "a").unwrap();
    s.set_meta("fingerprint", "b").unwrap();
    assert_eq!(s.meta("fingerprint").unwrap().as_deref(), Some("b"));

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
            event: ev.clone()
        }
    );
    let all = s.inputs(0, 100).unwrap();
    assert_eq!(all.len(), 4);
    assert_eq!(s.inputs(all[0].seq, 1).unwrap()[0].seq, all[1].seq);
    // Only applied manual events count for replays.
    assert!(s.manual_events("c-1").unwrap().is_empty());
    assert!(
        s.apply(&Changes {
            input: Some(seq),
            ..Changes::default()
        })
        .unwrap()
    );
    assert_eq!(s.manual_events("c-1").unwrap(), vec![(seq, ev.clone())]);
    assert!(s.manual_events("c-2").unwrap().is_empty());

    // Resetting the derived state keeps the ledger and makes every input pending again.
    s.reset_derived().unwrap();
    let st = s.stats().unwrap();
    assert_eq!(
        (st.inputs, st.pending, st.messages, st.collaborations),
        (4, 4, 0, 0)
    );
    assert_eq!(st.raw_messages, 3);
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
    let mut shas = Vec::new();
    for id in ["1@x", "2@x", "3@x"] {
        shas.push(
            s.put_raw(&mail(id), id, Some(id))
                .unwrap()
                .sha256()
                .to_string(),
        );
    }
    let pending = s.pending(10).unwrap();
    let change = |k: usize, state: State| {
        let mut c = collab("c-b", "2026-11-30T10:00:00+08:00");
        c.state = state;
        c.events
            .push(event(EventKind::Replied, "2026-11-30T11:00:00+08:00", "b"));
        let keys = MessageKeys {
            own: vec![format!("mid:{k}@x")],
            ..MessageKeys::default()
        };
        Changes {
            input: Some(pending[k].seq),
            collaborations: vec![c],
            messages: vec![row(&shas[k], pending[k].seq, "c-b", Some("c-b"), keys)],
            ..Changes::default()
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
        s.messages_by_key(&strings(&["mid:0@x"]), &[KeyRole::Own])
            .unwrap()[0]
            .thread,
        "c-b"
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
    assert!(
        s.messages_by_key(&strings(&["mid:0@x"]), &[KeyRole::Own])
            .unwrap()
            .is_empty()
    );

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
    assert_eq!(s.events("c-b").unwrap().len(), 1);
    assert_eq!(s.stats().unwrap().messages, 2);
    // Outside a batch, apply is its own transaction again.
    assert!(s.apply(&change(2, State::InProgress)).unwrap());
    assert!(s.pending(10).unwrap().is_empty());
}

fn entry(mid: &str, at: &str) -> OutboxEntry {
    let at = t(at).with_timezone(&chrono::Utc);
    OutboxEntry {
        message_id: mid.into(),
        state: OutboxState::Queued,
        subject: "【需求对接】Q4营销活动数据支持-市场部-重要".into(),
        from: "zhangwei@example.com".into(),
        to: vec!["wanglei@example.com".into()],
        recipients: vec!["wanglei@example.com".into(), "lina@example.com".into()],
        collaboration: None,
        action: None,
        bytes: mail(mid),
        attempts: 0,
        last_error: None,
        created_at: at,
        updated_at: at,
        next_attempt_at: None,
        sent_at: None,
        handed_over: false,
        recorded: false,
        appended: false,
        reply: None,
    }
}

/// The outbox: keyed by Message-ID, listed oldest first, moved only by compare-and-set.
fn outbox(s: &mut dyn Store) {
    let a = entry("a@x", "2026-12-01T09:00:00+08:00");
    let mut b = entry("b@x", "2026-12-01T08:00:00+08:00");
    b.state = OutboxState::Draft;
    b.collaboration = Some("c-1".into());
    b.action = Some("nudge".into());
    assert!(s.outbox_insert(&a).unwrap());
    assert!(s.outbox_insert(&b).unwrap());
    assert!(!s.outbox_insert(&a).unwrap(), "one entry per Message-ID");
    assert_eq!(s.outbox_get("a@x").unwrap().unwrap(), a);
    assert_eq!(s.outbox_get("b@x").unwrap().unwrap(), b);
    assert!(s.outbox_get("none@x").unwrap().is_none());
    let all: Vec<String> = s
        .outbox_list(&[])
        .unwrap()
        .into_iter()
        .map(|e| e.message_id)
        .collect();
    assert_eq!(all, ["b@x", "a@x"]);
    let queued = s.outbox_list(&[OutboxState::Queued]).unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].message_id, "a@x");

    // Claim: queued → sending once; a second claim from queued fails.
    let mut claimed = a.clone();
    claimed.state = OutboxState::Sending;
    claimed.attempts = 1;
    claimed.handed_over = true;
    claimed.updated_at = t("2026-12-01T09:05:00+08:00").with_timezone(&chrono::Utc);
    assert!(s.outbox_update(&claimed, &[OutboxState::Queued]).unwrap());
    assert!(!s.outbox_update(&claimed, &[OutboxState::Queued]).unwrap());
    let got = s.outbox_get("a@x").unwrap().unwrap();
    assert_eq!(got, claimed);
    assert_eq!(got.created_at, a.created_at, "created_at never changes");

    let mut sent = claimed.clone();
    sent.state = OutboxState::Sent;
    sent.sent_at = Some(claimed.updated_at);
    sent.reply = Some("250 2.0.0 Ok: queued as 1".into());
    sent.last_error = Some("'; DROP TABLE outbox; --".into());
    assert!(s.outbox_update(&sent, &[OutboxState::Sending]).unwrap());
    assert_eq!(s.outbox_get("a@x").unwrap().unwrap(), sent);
    assert_eq!(s.outbox_unfinished().unwrap(), vec![sent.clone()]);
    let mut settled = sent.clone();
    settled.recorded = true;
    settled.appended = true;
    assert!(s.outbox_update(&settled, &[OutboxState::Sent]).unwrap());
    assert!(s.outbox_unfinished().unwrap().is_empty());

    assert!(!s.outbox_delete("a@x", &[OutboxState::Queued]).unwrap());
    assert!(s.outbox_delete("b@x", &[OutboxState::Draft]).unwrap());
    assert!(s.outbox_get("b@x").unwrap().is_none());
    assert_eq!(s.outbox_list(&[]).unwrap().len(), 1);

    // Folder cursors, per account and folder.
    assert_eq!(s.folder_cursor("imap://u@h:1", "INBOX").unwrap(), None);
    let c = FolderCursor {
        uid_validity: 4_000_000_000,
        last_uid: 7,
    };
    s.set_folder_cursor("imap://u@h:1", "INBOX", c).unwrap();
    s.set_folder_cursor(
        "imap://u@h:1",
        "Sent",
        FolderCursor {
            uid_validity: 1,
            last_uid: 2,
        },
    )
    .unwrap();
    assert_eq!(s.folder_cursor("imap://u@h:1", "INBOX").unwrap(), Some(c));
    let c2 = FolderCursor {
        uid_validity: 5,
        last_uid: 0,
    };
    s.set_folder_cursor("imap://u@h:1", "INBOX", c2).unwrap();
    assert_eq!(s.folder_cursor("imap://u@h:1", "INBOX").unwrap(), Some(c2));
    assert_eq!(
        s.folder_cursor("imap://u@h:1", "Sent")
            .unwrap()
            .unwrap()
            .last_uid,
        2
    );
    assert_eq!(s.folder_cursor("imap://v@h:1", "INBOX").unwrap(), None);
    // A rebuild leaves the outbox and the cursors alone.
    s.reset_derived().unwrap();
    assert_eq!(s.outbox_list(&[]).unwrap().len(), 1);
    assert_eq!(s.folder_cursor("imap://u@h:1", "INBOX").unwrap(), Some(c2));
}

/// A message's lock is exclusive between connections and free again on unlock or when its
/// holder goes away.
fn outbox_locks(loc: &liaison_store::Location) {
    let mut a = liaison_store::open(loc).unwrap();
    let mut b = liaison_store::open(loc).unwrap();
    assert!(a.outbox_try_lock("m1@x").unwrap());
    assert!(
        a.outbox_try_lock("m1@x").unwrap(),
        "re-taking one's own lock"
    );
    assert!(!b.outbox_try_lock("m1@x").unwrap());
    a.outbox_unlock("m1@x").unwrap();
    assert!(b.outbox_try_lock("m1@x").unwrap());
    // A live holder keeps it: a bounded wait ends without the lock.
    let short = std::time::Duration::from_millis(50);
    assert!(!a.outbox_lock_within("m1@x", short).unwrap());
    drop(b); // the holder goes away (as a killed process would)
    // PostgreSQL releases a closed session's locks when its backend has exited, which
    // happens after the client hung up: recovery waits for that (bounded).
    let long = std::time::Duration::from_secs(20);
    assert!(
        a.outbox_lock_within("m1@x", long).unwrap(),
        "the lock of a closed session is free again"
    );
    let mut c = liaison_store::open(loc).unwrap();
    assert!(!c.outbox_try_lock("m1@x").unwrap(), "and it is held");
}

#[test]
fn outbox_locks_sqlite() {
    let (_s, _dir, loc) = common::sqlite();
    outbox_locks(&loc);
}

#[test]
fn outbox_locks_postgres() {
    let (_s, loc) = common::pg("outbox_locks");
    outbox_locks(&loc);
}

/// Four connections race to claim the same 100 queued messages: each is claimed once.
#[test]
fn concurrent_claims_on_postgres_never_double() {
    let loc = common::pg_location("claims");
    let mut s = liaison_store::open(&loc).unwrap();
    for i in 0..100 {
        s.outbox_insert(&entry(&format!("q{i}@x"), "2026-12-01T09:00:00+08:00"))
            .unwrap();
    }
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let loc = loc.clone();
            std::thread::spawn(move || {
                let mut s = liaison_store::open(&loc).unwrap();
                let mut won = Vec::new();
                for e in s.outbox_list(&[OutboxState::Queued]).unwrap() {
                    let mut c = e.clone();
                    c.state = OutboxState::Sending;
                    if s.outbox_update(&c, &[OutboxState::Queued]).unwrap() {
                        won.push(e.message_id);
                    }
                }
                won
            })
        })
        .collect();
    let mut all: Vec<String> = workers
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    all.sort();
    let n = all.len();
    all.dedup();
    assert_eq!((n, all.len()), (100, 100));
}

/// A page of changes written at once ([`Store::apply_page`]) leaves the store exactly as
/// applying them one by one does: rows inserted with their keys then moved, a
/// collaboration written twice, one removed and written again, one written and removed.
/// An input already applied makes the page refuse.
fn page(s: &mut dyn Store) {
    let mut one = liaison_store::open(&liaison_store::Location::Memory).unwrap();
    let mut shas = Vec::new();
    for id in ["p1@x", "p2@x", "p3@x", "p4@x"] {
        let bytes = mail(id);
        shas.push(
            s.put_raw(&bytes, id, Some(id))
                .unwrap()
                .sha256()
                .to_string(),
        );
        one.put_raw(&bytes, id, Some(id)).unwrap();
    }
    let seqs: Vec<i64> = s.pending(10).unwrap().iter().map(|i| i.seq).collect();
    let other: Vec<i64> = one.pending(10).unwrap().iter().map(|i| i.seq).collect();
    assert_eq!(seqs, other, "both ledgers number alike");
    let keys = |k: usize| MessageKeys {
        own: vec![format!("mid:p{k}@x"), format!("subj:t|{k}")],
        strong: vec![format!("mid:p{}@x", k.saturating_sub(1))],
        weak: vec!["subj:t|a".into()],
    };
    let c = |id: &str, state: State, events: usize| {
        let mut c = collab(id, "2026-11-30T10:00:00+08:00");
        c.state = state;
        for i in 0..events {
            c.events.push(event(
                EventKind::Replied,
                "2026-11-30T11:00:00+08:00",
                &format!("e{i}"),
            ));
        }
        c
    };
    let r = |k: usize, thread: &str, collab: Option<&str>| {
        row(&shas[k], seqs[k], thread, collab, keys(k))
    };
    // A collaboration stored before the page, which the page removes and writes again.
    let before = Changes {
        collaborations: vec![c("c-old", State::Sent, 0), c("c-gone", State::Sent, 0)],
        ..Changes::default()
    };
    assert!(s.apply(&before).unwrap());
    assert!(one.apply(&before).unwrap());
    let page = vec![
        Changes {
            input: Some(seqs[0]),
            collaborations: vec![c("c-a", State::Sent, 0)],
            messages: vec![r(0, "c-a", Some("c-a"))],
            ..Changes::default()
        },
        Changes {
            input: Some(seqs[1]),
            collaborations: vec![c("c-a", State::Acknowledged, 1)],
            removed: vec!["c-old".into()],
            messages: vec![r(1, &shas[1], None)],
        },
        Changes {
            input: Some(seqs[2]),
            collaborations: vec![c("c-old", State::InProgress, 2), c("c-new", State::Sent, 0)],
            removed: vec!["c-gone".into()],
            // The second message moves into the first one's thread.
            messages: vec![r(2, "c-a", Some("c-a")), r(1, "c-a", Some("c-a"))],
        },
        Changes {
            input: Some(seqs[3]),
            removed: vec!["c-new".into()],
            ..Changes::default()
        },
    ];
    s.begin_batch().unwrap();
    assert!(s.apply_page(&page).unwrap());
    s.end_batch(true).unwrap();
    for ch in &page {
        assert!(one.apply(ch).unwrap());
    }
    assert_eq!(s.all_messages().unwrap(), one.all_messages().unwrap());
    assert_eq!(
        s.all_messages().unwrap()[0].keys.strong.len(),
        1,
        "keys come along"
    );
    assert_eq!(s.collaborations().unwrap(), one.collaborations().unwrap());
    assert_eq!(s.stats().unwrap(), one.stats().unwrap());
    let ids = |s: &mut dyn Store| {
        let mut v: Vec<String> = s
            .unplanned(100)
            .unwrap()
            .into_iter()
            .map(|(_, c)| c.id)
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(s), ids(&mut *one));
    assert_eq!(ids(s), ["c-a", "c-old"]);
    let hits = s
        .messages_by_key(&strings(&["subj:t|a"]), &[KeyRole::Weak])
        .unwrap();
    assert_eq!(hits.len(), 3);
    assert!(hits.iter().all(|h| h.thread == "c-a"), "{hits:?}");

    // Already applied: refused, and the caller rolls back.
    s.begin_batch().unwrap();
    assert!(!s.apply_page(&page[3..]).unwrap());
    s.end_batch(false).unwrap();
    assert_eq!(s.stats().unwrap(), one.stats().unwrap());
    assert!(s.manual_collaborations().unwrap().is_empty());
}

/// A batch hashed and packed off the writer (`ReadyRaw`) stores exactly what the same
/// batch stored plainly would; a `ready` that does not stand for the batch (another length,
/// or made from other bytes of another length) is ignored, never trusted.
fn ready_batches(s: &mut dyn Store) {
    let mut long = mail("ready-long@x");
    for i in 0..300 {
        long.extend_from_slice(format!("> 第{i}行：请于本周五下班前提供数据。\r\n").as_bytes());
    }
    let short = mail("ready-short@x");
    let batch: Vec<(&[u8], &str, Option<&str>)> = vec![
        (&long, "long", None),
        (&short, "short", Some("ready-short@x")),
    ];
    let ready: Vec<liaison_store::ReadyRaw> = batch
        .iter()
        .map(|b| liaison_store::ReadyRaw::new(b.0))
        .collect();
    assert_eq!(ready[0].sha256(), liaison_store::sha256_hex(&long));
    let puts = s.put_raw_batch_ready(&batch, &ready).unwrap();
    assert!(puts.iter().all(PutRaw::is_new));
    assert_eq!(puts[0].sha256(), liaison_store::sha256_hex(&long));
    assert_eq!(puts[1].sha256(), liaison_store::sha256_hex(&short));
    // Read back byte for byte (the long one was stored packed).
    assert_eq!(s.raw(puts[0].sha256()).unwrap().unwrap().bytes, long);
    assert_eq!(s.raw(puts[1].sha256()).unwrap().unwrap().bytes, short);
    // Stored again, prepared or not: duplicates.
    assert!(!s.put_raw_batch_ready(&batch, &ready).unwrap()[0].is_new());
    assert!(!s.put_raw_batch(&batch).unwrap()[1].is_new());

    // A ready list that does not stand for the batch is ignored: the right SHA-256 is
    // stored, not the one handed in.
    let other = mail("ready-other@x");
    let wrong = vec![liaison_store::ReadyRaw::new(&long)];
    let put = s
        .put_raw_batch_ready(&[(&other, "other", None)], &wrong)
        .unwrap()
        .remove(0);
    assert_eq!(put.sha256(), liaison_store::sha256_hex(&other));
    assert_eq!(s.raw(put.sha256()).unwrap().unwrap().bytes, other);
    let put = s
        .put_raw_batch_ready(&[(&other, "other", None)], &[])
        .unwrap()
        .remove(0);
    assert!(!put.is_new());
}

/// The ledger read without its raw messages (`pending_unread`) is the ledger read whole,
/// less the bytes and sources of its messages: same entries, same order, same kinds.
fn pending_unread(s: &mut dyn Store) {
    let long = {
        let mut m = mail("unread-long@x");
        for i in 0..300 {
            m.extend_from_slice(format!("第{i}行：请于本周五下班前提供数据。\r\n").as_bytes());
        }
        m
    };
    s.put_raw(&long, "long", Some("unread-long@x")).unwrap();
    let ev = event(EventKind::Dropped, "2026-03-02T10:00:00+08:00", "不再需要");
    s.record_manual("c-unread", &ev).unwrap();
    s.put_raw(&mail("unread-short@x"), "short", None).unwrap();

    let whole = s.pending(10).unwrap();
    let unread = s.pending_unread(10).unwrap();
    assert_eq!(whole.len(), 3);
    assert_eq!(unread.len(), whole.len());
    for (u, w) in unread.iter().zip(&whole) {
        assert_eq!(
            (u.seq, u.applied, u.recorded_at),
            (w.seq, w.applied, w.recorded_at)
        );
        match (&u.kind, &w.kind) {
            (
                InputKind::Message { sha256, bytes, .. },
                InputKind::Message {
                    sha256: sha_whole,
                    bytes: bytes_whole,
                    ..
                },
            ) => {
                assert_eq!(sha256, sha_whole);
                // Left out, or (a store that does not know how) given whole.
                assert!(bytes.is_empty() || bytes == bytes_whole, "input {}", u.seq);
                assert!(!bytes_whole.is_empty());
            }
            (u, w) => assert_eq!(u, w),
        }
    }
    assert_eq!(s.pending_unread(1).unwrap().len(), 1);
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
story!(ready_batches);
story!(pending_unread);
story!(ledger_and_apply);
story!(list_order);
story!(quarantine);
story!(batch);
story!(outbox);
story!(page);

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
                        let mut c = collab(&format!("c{}", input.seq), "2026-11-30T10:00:00+08:00");
                        c.events
                            .push(event(EventKind::Replied, "2026-11-30T10:00:00+08:00", "x"));
                        if s.apply(&Changes {
                            input: Some(input.seq),
                            collaborations: vec![c],
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
