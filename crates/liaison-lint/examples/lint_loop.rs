//! Runs one part of a lint over the bench corpus (tests/fixtures/{good,rules} padded to 2 KB,
//! as benches/lint.rs builds it) many times, for `perf stat`, whose instruction counts do not
//! depend on what else the machine runs:
//!
//! ```text
//! perf stat -e instructions,cycles target/release/examples/lint_loop parse+check 200
//! ```
//!
//! Modes: `scan` (liaison_time::scan alone), `parse`, `parse+check`.

use liaison_lint::{LintConfig, Linter};
use std::hint::black_box;

#[path = "../../../bench/corpus.rs"]
mod corpus;

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "parse+check".into());
    let iters: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100);
    let drafts = corpus::draft_bytes(env!("CARGO_MANIFEST_DIR"));
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
    let linter = Linter::new(
        &LintConfig::default(),
        None,
        liaison_time::Context::new(now),
    )
    .unwrap();
    let ctx = liaison_time::Context::new(now);
    let texts: Vec<String> = drafts
        .iter()
        .map(|d| String::from_utf8_lossy(d).into_owned())
        .collect();
    let t0 = std::time::Instant::now();
    for _ in 0..iters {
        for (d, t) in drafts.iter().zip(&texts) {
            match mode.as_str() {
                "scan" => {
                    black_box(liaison_time::scan(black_box(t), &ctx));
                }
                "parse" => {
                    black_box(linter.parse("d.md", black_box(d)));
                }
                _ => {
                    black_box(linter.lint_bytes("d.md", black_box(d), None));
                }
            }
        }
    }
    let n = iters * drafts.len();
    eprintln!(
        "{mode}: {n} drafts, {:.1} µs per draft (wall clock)",
        t0.elapsed().as_secs_f64() * 1e6 / n as f64
    );
}
