//! Lint throughput on ~2 KB drafts (the fixture corpus padded to 2 KB, as bench/lint/run.sh
//! does): parse only, and parse + check. `cargo bench -p liaison-lint`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use liaison_lint::{LintConfig, Linter};
use std::hint::black_box;

#[path = "../../../bench/corpus.rs"]
mod corpus;

fn bench(c: &mut Criterion) {
    let drafts = corpus::draft_bytes(env!("CARGO_MANIFEST_DIR"));
    let bytes: usize = drafts.iter().map(Vec::len).sum();
    eprintln!(
        "{} drafts, {} bytes on average",
        drafts.len(),
        bytes / drafts.len()
    );
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
    let linter = Linter::new(
        &LintConfig::default(),
        None,
        liaison_time::Context::new(now),
    )
    .unwrap();
    let mut g = c.benchmark_group("lint");
    g.throughput(Throughput::Elements(drafts.len() as u64));
    let ctx = liaison_time::Context::new(now);
    let texts: Vec<String> = drafts
        .iter()
        .map(|d| String::from_utf8_lossy(d).into_owned())
        .collect();
    g.bench_function("time-scan-only", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(liaison_time::scan(black_box(t), &ctx));
            }
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            for d in &drafts {
                black_box(linter.parse("d.md", black_box(d)));
            }
        })
    });
    g.bench_function("parse+check", |b| {
        b.iter(|| {
            for d in &drafts {
                black_box(linter.lint_bytes("d.md", black_box(d), None));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
