//! Criterion bench: scanning workplace sentences (the table cases) and the lint bench's
//! ~2 KB drafts on one core.
//! `cargo bench -p liaison-time --bench scan`

use chrono::DateTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use liaison_time::{Context, scan};
use std::hint::black_box;
use std::path::Path;

fn sentences() -> Vec<&'static str> {
    include_str!("../tests/cases.tsv")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('@'))
        .filter_map(|l| l.split_once('\t').map(|x| x.0))
        .collect()
}

/// The lint bench's corpus (`crates/liaison-lint/benches/lint.rs`): every `.md` fixture of
/// liaison-lint's `good` and `rules` directories, padded to ~2 KB the same way.
fn drafts() -> Vec<String> {
    let fx = Path::new(env!("CARGO_MANIFEST_DIR")).join("../liaison-lint/tests/fixtures");
    let mut files: Vec<_> = ["good", "rules"]
        .iter()
        .filter_map(|d| std::fs::read_dir(fx.join(d)).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let is_han = |c: char| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}');
    files
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|bytes| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let filler = if text.chars().any(is_han) {
                "其他说明：本项目的历史资料已整理到共享文件夹，供各部门参考。"
            } else {
                "Note: earlier project documents are in the shared folder for reference. "
            };
            let mut parts: Vec<String> = text.split("\n\n").map(str::to_string).collect();
            let mut pad = String::new();
            while text.len() + pad.len() < 2000 {
                pad.push_str(filler);
            }
            if parts.len() > 3 {
                parts.insert(3, pad);
            }
            parts.join("\n\n")
        })
        .collect()
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
