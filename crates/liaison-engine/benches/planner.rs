//! Planner cost over 10^3 … 10^6 generated collaborations (a mix of silent, acknowledged,
//! delayed, delivered and confirmed ones), to show how it grows: `plan` (every action with
//! its display strings) and `plan_compact` (the decisions alone, the full recompute).
//!
//! `cargo bench -p liaison-engine --bench planner`

use chrono::DateTime;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use liaison_engine::{Lang, PlanContext, Policy, plan, plan_compact};
use liaison_time::{Calendar, WorkHours};
use std::hint::black_box;

#[path = "support/mix.rs"]
mod mix;
use mix::{directory, generate};

fn bench(c: &mut Criterion) {
    let policy = Policy::default();
    let cal = Calendar::cn();
    let dir = directory();
    let now = DateTime::parse_from_rfc3339("2026-09-20T12:00:00+08:00").unwrap();
    let mut g = c.benchmark_group("planner");
    g.sample_size(10);
    for n in [1_000usize, 10_000, 100_000, 1_000_000] {
        let collabs = generate(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &collabs, |b, cs| {
            let cx = PlanContext {
                policy: &policy,
                calendar: &cal,
                hours: WorkHours::default(),
                tz: chrono_tz::Asia::Shanghai,
                directory: &dir,
                now,
                lang: Lang::Zh,
            };
            b.iter(|| black_box(plan(black_box(cs), &cx)).len())
        });
        g.bench_with_input(BenchmarkId::new("compact", n), &collabs, |b, cs| {
            let cx = PlanContext {
                policy: &policy,
                calendar: &cal,
                hours: WorkHours::default(),
                tz: chrono_tz::Asia::Shanghai,
                directory: &dir,
                now,
                lang: Lang::Zh,
            };
            b.iter(|| black_box(plan_compact(black_box(cs), &cx)).len())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
