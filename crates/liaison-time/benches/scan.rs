//! Criterion bench: scanning workplace sentences (the table cases) and the lint bench's
//! ~2 KB drafts on one core.
//! `cargo bench -p liaison-time --bench scan`

use chrono::DateTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use liaison_time::{Context, scan};
use std::hint::black_box;

#[path = "../../../bench/corpus.rs"]
mod corpus;

fn sentences() -> Vec<&'static str> {
    include_str!("../tests/cases.tsv")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('@'))
        .filter_map(|l| l.split_once('\t').map(|x| x.0))
        .collect()
}

/// The lint bench's corpus (`crates/liaison-lint/benches/lint.rs`).
fn drafts() -> Vec<String> {
    corpus::drafts(env!("CARGO_MANIFEST_DIR"))
}

fn bench(c: &mut Criterion) {
    let ctx = Context::new(DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap());
    let s = sentences();
    let mut g = c.benchmark_group("scan");
    g.throughput(Throughput::Elements(s.len() as u64));
    g.bench_function("cases.tsv sentences", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &s {
                n += scan(black_box(t), &ctx).len();
            }
            n
        })
    });
    let long: String = s.join("。").repeat(40);
    g.throughput(Throughput::Bytes(long.len() as u64));
    g.bench_function("one long mail body", |b| {
        b.iter(|| scan(black_box(&long), &ctx).len())
    });
    let d = drafts();
    if !d.is_empty() {
        let bytes: usize = d.iter().map(String::len).sum();
        eprintln!(
            "lint corpus: {} drafts, {} bytes on average",
            d.len(),
            bytes / d.len()
        );
        g.throughput(Throughput::Elements(d.len() as u64));
        g.bench_function("lint corpus 2 KB drafts", |b| {
            b.iter(|| {
                let mut n = 0;
                for t in &d {
                    n += scan(black_box(t), &ctx).len();
                }
                n
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
