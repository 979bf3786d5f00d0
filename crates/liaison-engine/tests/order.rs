//! Order independence (issue 9): whatever order the mail arrives in, and however it is
//! split across ingest runs, the tracked collaborations are the same — and equal to the
//! from-scratch recomputation `liaison rebuild` uses.
//!
//! The corpus: the ten-working-day story (crates/liaison-engine/tests/story), a second
//! collaboration with a reply that lost its references (threaded by subject), a copy of
//! an opening mail with other bytes (the Sent copy and the received one), a stranger's
//! mail, and manual marks placed anywhere in the ledger.

use liaison_engine::pipeline::{self, IngestOptions, Quiet};
use liaison_engine::{
    TrackerConfig, TrackerMemory, recompute_all, track_pending, track_pending_kept,
};
use liaison_mail::mailbox::{Mailbox, RawMail};
use liaison_model::{Collaboration, Directory, Event, EventKind, KindTable};
use liaison_store::{Location, Store};
use liaison_time::Context;
use proptest::prelude::*;

const STORY: &[&[u8]] = &[
    include_bytes!("story/01-open.eml"),
    include_bytes!("story/02-ack-wanglei.eml"),
    include_bytes!("story/03-nudge-1.eml"),
    include_bytes!("story/04-nudge-2.eml"),
    include_bytes!("story/05-delay-wanglei.eml"),
    include_bytes!("story/06-escalate.eml"),
    include_bytes!("story/07-sync.eml"),
    include_bytes!("story/08-delivery-lina.eml"),
    include_bytes!("story/09-confirm-lina.eml"),
    include_bytes!("story/10-delivery-wanglei.eml"),
    include_bytes!("story/11-confirm-wanglei.eml"),
];

fn extra() -> Vec<Vec<u8>> {
    let open = |bcc: &str| {
        format!(
            "Message-ID: <q4-open@example.com>\r\nDate: Mon, 30 Nov 2026 10:00:00 +0800\r\nFrom: 赵敏 <zhaomin@example.com>\r\nTo: 李娜 <lina@example.com>\r\n{bcc}Subject: 【需求对接】Q4活动数据-数据部-重要\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n李经理，您好！\r\n\r\n特此对接Q4活动数据需求，请数据部于12月3日17:00前提供。\r\n\r\n1. 提供Q4活动数据（负责人：李娜，12月3日17:00前，交付标准：Excel，含渠道维度）\r\n\r\n赵敏\r\n技术部\r\n电话：010-1234\r\n"
        )
        .into_bytes()
    };
    vec![
        open(""),
        // The Sent copy: same Message-ID, other bytes.
        open("X-Folder: Sent\r\n"),
        // A reply that lost its references: found by subject.
        "Message-ID: <q4-r1@example.com>\r\nDate: Tue, 01 Dec 2026 09:00:00 +0800\r\nFrom: lina@example.com\r\nTo: zhaomin@example.com\r\nSubject: 回复：【需求对接】Q4活动数据-数据部-重要\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n收到，12月3日前无法完成，需要延期到12月7日。\r\n".as_bytes().to_vec(),
        // A proper reply to that reply.
        "Message-ID: <q4-r2@example.com>\r\nDate: Mon, 07 Dec 2026 15:00:00 +0800\r\nIn-Reply-To: <q4-r1@example.com>\r\nFrom: lina@example.com\r\nTo: zhaomin@example.com\r\nSubject: 回复：【需求对接】Q4活动数据-数据部-重要\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n数据已完成，请查收。\r\n".as_bytes().to_vec(),
        // A stranger.
        "Message-ID: <other@example.org>\r\nDate: Tue, 01 Dec 2026 11:00:00 +0800\r\nFrom: someone@example.org\r\nTo: zhaomin@example.com\r\nSubject: 午饭\r\n\r\n一起吃饭？\r\n".as_bytes().to_vec(),
    ]
}

fn config() -> TrackerConfig {
    TrackerConfig {
        me: vec!["zhaomin@example.com".into()],
        kinds: KindTable::default(),
        directory: toml::from_str::<Directory>(include_str!("story/directory.toml")).unwrap(),
        time: Context::new(
            chrono::DateTime::parse_from_rfc3339("2026-09-23T10:00:00+08:00").unwrap(),
        ),
    }
}

/// An input of the ledger: a message (index into the corpus) or a manual mark on the
/// story's collaboration.
#[derive(Debug, Clone)]
enum In {
    Mail(usize),
    Mark(&'static str, EventKind),
}

fn story_id() -> String {
    let m = liaison_mail::Message::parse(STORY[0]);
    liaison_engine::tracker::collaboration_id(&m, STORY[0])
}

fn marks() -> Vec<In> {
    vec![
        // Delivered by hand before some of the mail that comes later in time.
        In::Mark("2026-10-09T12:00:00+08:00", EventKind::Delivered),
        // A retro held in a meeting, after everything.
        In::Mark("2026-10-20T10:00:00+08:00", EventKind::Retro),
    ]
}

fn corpus() -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = STORY.iter().map(|b| b.to_vec()).collect();
    v.extend(extra());
    v
}

/// Ingests `order` in runs of the given sizes (each run stores its messages, then tracks)
/// and returns the store.
fn ingest(order: &[In], runs: &[usize], corpus: &[Vec<u8>]) -> Box<dyn Store> {
    ingest_with(order, runs, corpus, &[], usize::MAX)
}

/// [`ingest`], tracking the runs flagged in `kept` through one [`TrackerMemory`] (the
/// tracked state in memory, as a big ingest keeps it) and the others straight against the
/// store, as a second process would: the memory must notice those writes. The memory holds
/// at most `rows` messages (fewer than the corpus: it turns partial).
fn ingest_with(
    order: &[In],
    runs: &[usize],
    corpus: &[Vec<u8>],
    kept: &[bool],
    rows: usize,
) -> Box<dyn Store> {
    let cfg = config();
    let mut memory = TrackerMemory::with_rows(rows);
    let mut kept = kept.iter().copied().chain(std::iter::repeat(false));
    let mut s = liaison_store::open(&Location::Memory).unwrap();
    let mut i = 0;
    let mut runs = runs.iter().copied().chain(std::iter::repeat(usize::MAX));
    while i < order.len() {
        let n = runs.next().unwrap().max(1).min(order.len() - i);
        for input in &order[i..i + n] {
            match input {
                In::Mail(k) => {
                    s.put_raw(&corpus[*k], "test", None).unwrap();
                }
                In::Mark(at, kind) => {
                    let e = Event {
                        kind: *kind,
                        at: chrono::DateTime::parse_from_rfc3339(at).unwrap(),
                        actor: None,
                        message_id: None,
                        item: None,
                        detail: Some("manual".into()),
                    };
                    s.record_manual(&story_id(), &e).unwrap();
                }
            }
        }
        if kept.next().unwrap() {
            track_pending_kept(&mut *s, &cfg, &mut memory).unwrap();
        } else {
            track_pending(&mut *s, &cfg).unwrap();
        }
        i += n;
    }
    s
}

fn natural() -> &'static [Collaboration] {
    static NATURAL: std::sync::OnceLock<Vec<Collaboration>> = std::sync::OnceLock::new();
    NATURAL.get_or_init(|| {
        let corpus = corpus();
        let mut order: Vec<In> = (0..corpus.len()).map(In::Mail).collect();
        order.extend(marks());
        ingest(&order, &[], &corpus).collaborations().unwrap()
    })
}

#[test]
fn the_natural_order_tracks_both_collaborations() {
    let got = natural();
    assert_eq!(got.len(), 2, "{got:#?}");
    let q4 = got.iter().find(|c| c.project.contains("Q4")).unwrap();
    // Opening (once, although two copies exist), the subject-threaded delay and the
    // delivery that replied to it.
    let kinds: Vec<EventKind> = q4.events.iter().map(|e| e.kind).collect();
    assert_eq!(kinds[0], EventKind::Sent);
    assert_eq!(kinds.iter().filter(|k| **k == EventKind::Sent).count(), 1);
    assert!(kinds.contains(&EventKind::Disagreement), "{kinds:?}");
    assert!(kinds.contains(&EventKind::Delivered), "{kinds:?}");
    let story = got.iter().find(|c| c.id == story_id()).unwrap();
    assert_eq!(story.events.last().unwrap().kind, EventKind::Retro);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("LIAISON_ORDER_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000)
    ))]

    #[test]
    fn any_order_and_split_gives_the_same_state(
        perm in Just((0..corpus().len() + marks().len()).collect::<Vec<usize>>()).prop_shuffle(),
        runs in proptest::collection::vec(1usize..6, 0..8),
    ) {
        let corpus = corpus();
        let all: Vec<In> = (0..corpus.len()).map(In::Mail).chain(marks()).collect();
        let order: Vec<In> = perm.iter().map(|&i| all[i].clone()).collect();
        let mut s = ingest(&order, &runs, &corpus);
        let incremental = s.collaborations().unwrap();
        let full = recompute_all(&mut *s, &config()).unwrap();
        prop_assert_eq!(&incremental, &full.collaborations);
        prop_assert_eq!(incremental.as_slice(), natural());
    }
}

proptest! {
    // A quarter of the cases of the test above: the same machinery, with memory.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("LIAISON_ORDER_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000) / 4
    ))]

    /// The whole ingest pipeline (mailbox reader, messages read for the tracker before
    /// they are stored, storing and tracking batch by batch): any order, any batch size,
    /// messages repeated (duplicates never enter the ledger twice) and a message left
    /// pending by an earlier run give the full recompute's state, and the same
    /// collaborations and threading index as tracking the same ledger without the pipeline.
    #[test]
    fn the_ingest_pipeline_gives_the_same_state(
        perm in Just((0..corpus().len()).collect::<Vec<usize>>()).prop_shuffle(),
        batch in 1usize..9,
        repeats in proptest::collection::vec(0..corpus().len(), 0..4),
        left_pending in proptest::option::of(0..corpus().len()),
        memory_rows in proptest::option::of(0..corpus().len()),
    ) {
        let corpus = corpus();
        let cfg = config();
        let mut s = liaison_store::open(&Location::Memory).unwrap();
        if let Some(k) = left_pending {
            s.put_raw(&corpus[k], "earlier", None).unwrap();
        }
        let mails: Vec<RawMail> = perm
            .iter()
            .chain(&repeats)
            .enumerate()
            .map(|(i, &k)| RawMail {
                bytes: corpus[k].clone(),
                source: format!("test#{i}"),
                position: i as u64,
            })
            .collect();
        let mut opts = IngestOptions { batch, ..IngestOptions::default() };
        if let Some(rows) = memory_rows {
            // Fewer than the corpus: the tracker's memory turns partial on the way.
            opts.memory_rows = rows;
        }
        let summary =
            pipeline::ingest(&mut *s, &cfg, vec![Mailbox::from_messages(mails)], &opts, &mut Quiet)
                .unwrap();
        prop_assert_eq!(summary.pending, 0);
        prop_assert_eq!(summary.imported as usize, corpus.len() - usize::from(left_pending.is_some()));
        let collaborations = s.collaborations().unwrap();
        prop_assert_eq!(collaborations.len(), 2);
        let full = recompute_all(&mut *s, &cfg).unwrap();
        prop_assert_eq!(&collaborations, &full.collaborations);
        // The same ledger tracked without the pipeline.
        let mut plain = liaison_store::open(&Location::Memory).unwrap();
        for input in s.inputs(0, 10_000).unwrap() {
            if let liaison_store::InputKind::Message { bytes, .. } = input.kind {
                plain.put_raw(&bytes, "test", None).unwrap();
            }
        }
        track_pending(&mut *plain, &cfg).unwrap();
        prop_assert_eq!(&collaborations, &plain.collaborations().unwrap());
        prop_assert_eq!(s.all_messages().unwrap(), plain.all_messages().unwrap());
    }

    #[test]
    fn the_tracker_memory_gives_the_same_state(
        perm in Just((0..corpus().len() + marks().len()).collect::<Vec<usize>>()).prop_shuffle(),
        runs in proptest::collection::vec(1usize..6, 0..8),
        kept in proptest::collection::vec(proptest::bool::weighted(0.7), 0..9),
        rows in proptest::option::of(0..corpus().len()),
    ) {
        let corpus = corpus();
        let all: Vec<In> = (0..corpus.len()).map(In::Mail).chain(marks()).collect();
        let order: Vec<In> = perm.iter().map(|&i| all[i].clone()).collect();
        let rows = rows.unwrap_or(usize::MAX);
        let mut s = ingest_with(&order, &runs, &corpus, &kept, rows);
        let incremental = s.collaborations().unwrap();
        let full = recompute_all(&mut *s, &config()).unwrap();
        prop_assert_eq!(&incremental, &full.collaborations);
        prop_assert_eq!(incremental.as_slice(), natural());
        // The threading index too: row for row what tracking without memory writes.
        let mut plain = ingest(&order, &runs, &corpus);
        prop_assert_eq!(s.all_messages().unwrap(), plain.all_messages().unwrap());
        prop_assert_eq!(s.stats().unwrap(), plain.stats().unwrap());
    }
}
