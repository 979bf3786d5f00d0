//! Ingest throughput (messages per second) on a generated mbox, stage by stage, against
//! mail-parser's raw parse of the same bytes:
//!
//! * `mail-parser raw` — split the mbox and `MessageParser::parse` each message;
//! * `liaison parse+thread` — split, `liaison_mail::Message::parse`, threading keys;
//! * `store sqlite` — all of the above plus storing raw bytes and ledger entries in a
//!   fresh SQLite file, in batches of 500 as `liaison ingest` does.
//!
//! `cargo bench -p liaison-store --bench ingest`. The whole-process comparison on 100,000
//! messages is `bench/ingest.sh`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use liaison_mail::mailbox::MboxReader;
use liaison_store::Store;
use std::hint::black_box;

#[path = "../examples/gen.rs"]
mod generator;

fn bench(c: &mut Criterion) {
    let n = 5_000;
    let mbox = generator::mbox(n);
    let mut g = c.benchmark_group("ingest");
    g.throughput(Throughput::Elements(n as u64));
    g.sample_size(10);
    g.bench_function("mail-parser raw", |b| {
        b.iter(|| {
            let parser = mail_parser::MessageParser::default();
            let mut ok = 0;
            for m in MboxReader::new(&mbox[..], "bench".into()) {
                let m = m.unwrap();
                if parser.parse(&m.bytes).is_some() {
                    ok += 1;
                }
            }
            assert_eq!(ok, n);
        })
    });
    g.bench_function("liaison parse+thread", |b| {
        b.iter(|| {
            for m in MboxReader::new(&mbox[..], "bench".into()) {
                let m = liaison_mail::Message::parse(&m.unwrap().bytes);
                black_box(liaison_engine::thread::keys(&m));
            }
        })
    });
    g.bench_function("store sqlite", |b| {
        b.iter_with_setup(
            || tempfile::tempdir().unwrap(),
            |dir| {
                let mut s = liaison_store::SqliteStore::open(&dir.path().join("b.db")).unwrap();
                let mut batch: Vec<(Vec<u8>, String, Option<String>)> = Vec::new();
                let flush = |s: &mut liaison_store::SqliteStore, batch: &mut Vec<_>| {
                    let refs: Vec<(&[u8], &str, Option<&str>)> = batch
                        .iter()
                        .map(|(b, src, mid): &(Vec<u8>, String, Option<String>)| {
                            (b.as_slice(), src.as_str(), mid.as_deref())
                        })
                        .collect();
                    s.put_raw_batch(&refs).unwrap();
                    batch.clear();
                };
                for m in MboxReader::new(&mbox[..], "bench".into()) {
                    let m = m.unwrap();
                    let parsed = liaison_mail::Message::parse(&m.bytes);
                    black_box(liaison_engine::thread::keys(&parsed));
                    batch.push((m.bytes, m.source, parsed.message_id));
                    if batch.len() == 500 {
                        flush(&mut s, &mut batch);
                    }
                }
                flush(&mut s, &mut batch);
                assert_eq!(s.stats().unwrap().raw_messages, n as u64);
                dir
            },
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
