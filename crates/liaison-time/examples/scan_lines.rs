//! Reads sentences from stdin (one per line) and prints one JSON object per line, like
//! `liaison time --format json`. With `--repeat N` it instead scans the input N times and
//! prints sentences per second to stderr (used by bench/time/compare.py).
//! `cargo run --release -p liaison-time --example scan_lines -- --now 2026-11-30T10:00:00+08:00`

use chrono::DateTime;
use liaison_time::{Context, scan};
use std::io::{BufRead, Write};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut now = "2026-11-30T10:00:00+08:00".to_string();
    let mut repeat = 0usize;
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--now" => {
                now = args[i + 1].clone();
                i += 1;
            }
            "--repeat" => {
                repeat = args[i + 1].parse().expect("--repeat N");
                i += 1;
            }
            a => panic!("unknown argument {a}"),
        }
        i += 1;
    }
    let ctx = Context::new(DateTime::parse_from_rfc3339(&now).expect("--now RFC 3339"));
    let lines: Vec<String> = std::io::stdin()
        .lock()
        .lines()
        .map(|l| l.unwrap())
        .collect();
    if repeat > 0 {
        let t = std::time::Instant::now();
        let mut n = 0usize;
        for _ in 0..repeat {
            for l in &lines {
                n += scan(l, &ctx).len();
            }
        }
        let secs = t.elapsed().as_secs_f64();
        eprintln!(
            "{:.0} sentences/s ({n} expressions)",
            (lines.len() * repeat) as f64 / secs
        );
        println!("{}", (lines.len() * repeat) as f64 / secs);
        return;
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    for l in &lines {
        let exprs: Vec<_> = scan(l, &ctx)
            .into_iter()
            .map(|e| {
                serde_json::json!({"text": e.text, "start": e.start, "end": e.end, "kind": e.kind,
                "value": e.value.map(|v| v.to_rfc3339()), "zone": e.zone,
                "estimated": e.estimated, "reason": e.reason.map(|r| r.en())})
            })
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::json!({"input": l, "expressions": exprs})
        )
        .unwrap();
    }
}
