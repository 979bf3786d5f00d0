//! How "what is due" scales with the number of collaborations (issue 14): for 10^3 … 10^6
//! generated collaborations (1 % open and due soon, the rest archived), on SQLite, measures
//!
//! * the planner over every collaboration, on one core and on all cores (rayon);
//! * the planner over the same number of collaborations all live (the planner bench's mix,
//!   its worst case per collaboration), on one core and on all cores;
//! * the full replan into the store (`plans::refresh` after a configuration change);
//! * `plans::due` read from the stored plans (median of repeated runs, fresh connection);
//!
//! and prints a Markdown table plus an SVG chart of the growth.
//!
//! `cargo run --release -p liaison-engine --example scale -- [--sizes 1000,10000,...]
//!  [--svg docs/scale.svg] [--keep DIR]`
//!
//! With `LIAISON_BENCH_DATABASE_URL=postgres://…` the stores are PostgreSQL schemas
//! (`scale_N`) instead of SQLite files.
//!
//! Two narrower modes: `--planner N` times the planner alone on `N` live collaborations
//! (wall and thread CPU time; the full recompute `plan_compact` and `plan`, which also makes
//! every action's strings; with `SCALE_PROFILE=compact` or `plan`, only that one, for
//! `perf record`), and `--due DB` times `plans::due` on a store kept with `--keep`, step by
//! step.

use chrono::{DateTime, Duration, FixedOffset};
use liaison_engine::{
    Lang, PlanContext, Policy, plan, plan_compact, plan_compact_parallel, plan_parallel, plans,
};
use liaison_model::{ActionItem, Collaboration, EventKind, ItemStatus, Kind, State};
use liaison_store::{Changes, Location};
use liaison_time::{Calendar, WorkHours};
use std::time::Instant;

#[path = "../benches/support/mix.rs"]
mod mix;
use mix::{directory, ev, t0};

/// Collaboration `i` of a company's history: every 100th is open (in one of four shapes),
/// started in the last weeks before `now`; the others were archived over ten years.
fn collaboration(i: usize, now: DateTime<FixedOffset>) -> Collaboration {
    let open = i.is_multiple_of(100);
    let start = if open {
        now - Duration::minutes(((i / 100) * 7919 % (20 * 24 * 60)) as i64)
    } else {
        t0() - Duration::minutes((i % (10 * 365 * 24 * 60)) as i64)
    };
    let peer = format!("p{}@example.com", i % 500);
    let mut c = Collaboration {
        id: format!("c{i:08}"),
        kind: Kind::Request,
        project: format!("项目{}", i % 1000),
        subject: format!("【需求对接】项目{}-技术部", i % 1000),
        urgency: None,
        owner: "me@example.com".into(),
        counterparts: vec![peer.clone()],
        cc: vec![],
        started: start,
        state: State::Sent,
        items: vec![ActionItem {
            what: "评估方案".into(),
            owner: Some(peer.clone()),
            due: Some(start + Duration::days(7)),
            due_text: None,
            standard: None,
            status: ItemStatus::Open,
            promised: None,
        }],
        events: vec![ev(EventKind::Sent, start, "me@example.com")],
    };
    let h = |x: i64| start + Duration::hours(x);
    if !open {
        c.events.push(ev(EventKind::Replied, h(3), &peer));
        c.events.push(ev(EventKind::Delivered, h(40), &peer));
        c.events
            .push(ev(EventKind::Confirmed, h(44), "me@example.com"));
        c.events
            .push(ev(EventKind::Archived, h(50), "me@example.com"));
        c.items[0].status = ItemStatus::Confirmed;
        c.state = State::Archived;
        return c;
    }
    match (i / 100) % 4 {
        0 => {}
        1 => {
            c.events.push(ev(EventKind::Replied, h(3), &peer));
            c.state = State::Acknowledged;
        }
        2 => {
            c.events.push(ev(EventKind::Replied, h(3), &peer));
            c.events.push(ev(EventKind::Disagreement, h(3), &peer));
            c.items[0].promised = Some(start + Duration::days(9));
            c.state = State::InProgress;
        }
        _ => {
            c.events.push(ev(EventKind::Replied, h(3), &peer));
            c.events.push(ev(EventKind::Delivered, h(40), &peer));
            c.items[0].status = ItemStatus::Delivered;
            c.state = State::Delivered;
        }
    }
    c
}

/// What every measurement plans with besides the collaborations: the default policy, the
/// PRC calendar, Shanghai time and the generated directory.
struct Setting {
    policy: Policy,
    cal: Calendar,
    people: liaison_model::Directory,
}

impl Setting {
    fn new() -> Setting {
        Setting {
            policy: Policy::default(),
            cal: Calendar::cn(),
            people: directory(),
        }
    }

    fn cx(&self, now: DateTime<FixedOffset>) -> PlanContext<'_> {
        PlanContext {
            policy: &self.policy,
            calendar: &self.cal,
            hours: WorkHours::default(),
            tz: chrono_tz::Asia::Shanghai,
            directory: &self.people,
            now,
            lang: Lang::Zh,
        }
    }
}

/// CPU time of the calling thread, in seconds: steadier than the wall clock when other
/// work shares the cores.
fn thread_cpu() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

struct Row {
    n: usize,
    plan_one_core: f64,
    plan_all_cores: f64,
    active_one_core: f64,
    active_all_cores: f64,
    replan: f64,
    due: f64,
    due_count: usize,
}

/// Where the store of size `n` goes: a new SQLite file in `dir`, or, when
/// `LIAISON_BENCH_DATABASE_URL` is set, a new schema `scale_N` in that PostgreSQL database
/// (dropped first if a previous run left it).
fn fresh_store(n: usize, dir: &std::path::Path) -> Location {
    match std::env::var("LIAISON_BENCH_DATABASE_URL") {
        Ok(url) => {
            let schema = format!("scale_{n}");
            let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            client
                .batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
                .unwrap();
            let sep = if url.contains('?') { '&' } else { '?' };
            Location::Postgres(format!("{url}{sep}schema={schema}"))
        }
        Err(_) => {
            let path = dir.join(format!("scale-{n}.db"));
            let _ = std::fs::remove_file(&path);
            Location::Sqlite(path)
        }
    }
}

fn measure(n: usize, dir: &std::path::Path) -> Row {
    let now = DateTime::parse_from_rfc3339("2026-12-07T10:00:00+08:00").unwrap();
    let setting = Setting::new();
    let cx = setting.cx(now);
    let collabs: Vec<Collaboration> = (0..n).map(|i| collaboration(i, now)).collect();

    // The planner itself, over everything in memory.
    let t = Instant::now();
    let one = plan(&collabs, &cx);
    let plan_one_core = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let all = plan_parallel(&collabs, &cx);
    let plan_all_cores = t.elapsed().as_secs_f64();
    assert_eq!(one, all);

    // The planner's worst case: every collaboration live (the planner bench's mix).
    let active = mix::generate(n);
    let active_now = DateTime::parse_from_rfc3339("2026-09-20T12:00:00+08:00").unwrap();
    let acx = PlanContext {
        now: active_now,
        ..cx.clone()
    };
    let t = Instant::now();
    let a1 = plan(&active, &acx);
    let active_one_core = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let a2 = plan_parallel(&active, &acx);
    let active_all_cores = t.elapsed().as_secs_f64();
    assert_eq!(a1, a2);
    drop((active, a1, a2));

    let location = fresh_store(n, dir);
    let mut store = liaison_store::open(&location).unwrap();
    store.begin_batch().unwrap();
    for ch in collabs.chunks(10_000) {
        store
            .apply(&Changes {
                collaborations: ch.to_vec(),
                ..Changes::default()
            })
            .unwrap();
    }
    store.end_batch(true).unwrap();
    drop(collabs);

    let t = Instant::now();
    let planned = plans::refresh(store.as_mut(), &cx).unwrap();
    let replan = t.elapsed().as_secs_f64();
    assert_eq!(planned, n);
    drop(store);

    let mut times = Vec::new();
    let mut due_count = 0;
    for _ in 0..15 {
        let t = Instant::now();
        let mut s = liaison_store::open(&location).unwrap();
        let due = plans::due(s.as_mut(), &cx, false).unwrap();
        times.push(t.elapsed().as_secs_f64());
        due_count = due.len();
        let want: Vec<_> = one.iter().filter(|a| a.due_at <= now).cloned().collect();
        assert_eq!(due, want);
    }
    Row {
        n,
        plan_one_core,
        plan_all_cores,
        active_one_core,
        active_all_cores,
        replan,
        due: median(times),
        due_count,
    }
}

/// `--planner N`: the planner alone over `N` collaborations of the all-active mix, on one
/// core and on all cores (median of 5 runs each): the full recompute in compact form
/// ([`plan_compact`]), and [`plan`], which also makes every action's display strings. Each
/// timing includes dropping the result.
fn planner_only(n: usize) {
    let setting = Setting::new();
    let cx = setting.cx(DateTime::parse_from_rfc3339("2026-09-20T12:00:00+08:00").unwrap());
    let collabs = mix::generate(n);
    match std::env::var("SCALE_PROFILE").as_deref() {
        // For `perf record`: one way of planning only, on this thread.
        Ok("compact") => {
            for _ in 0..5 {
                std::hint::black_box(plan_compact(&collabs, &cx));
            }
            return;
        }
        Ok("plan") => {
            for _ in 0..5 {
                std::hint::black_box(plan(&collabs, &cx));
            }
            return;
        }
        _ => {}
    }
    let (mut one, mut cpu, mut all, mut count) = (vec![], vec![], vec![], 0);
    let (mut c_one, mut c_cpu, mut c_all) = (vec![], vec![], vec![]);
    for _ in 0..5 {
        let t = Instant::now();
        let c = thread_cpu();
        let k = plan_compact(&collabs, &cx).len();
        c_cpu.push(thread_cpu() - c);
        c_one.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        assert_eq!(plan_compact_parallel(&collabs, &cx).len(), k);
        c_all.push(t.elapsed().as_secs_f64());

        let t = Instant::now();
        let c = thread_cpu();
        count = plan(&collabs, &cx).len();
        cpu.push(thread_cpu() - c);
        one.push(t.elapsed().as_secs_f64());
        assert_eq!(count, k);
        let t = Instant::now();
        plan_parallel(&collabs, &cx);
        all.push(t.elapsed().as_secs_f64());
    }
    let threads = rayon::current_num_threads();
    println!(
        "{n} collaborations, {count} actions\n  plan_compact: 1 core {:.1} ms wall, {:.1} ms CPU ({:.2} µs each), {threads} threads {:.1} ms\n  plan:         1 core {:.1} ms wall, {:.1} ms CPU ({:.2} µs each), {threads} threads {:.1} ms",
        median(c_one) * 1e3,
        median(c_cpu.clone()) * 1e3,
        median(c_cpu) * 1e6 / n as f64,
        median(c_all) * 1e3,
        median(one) * 1e3,
        median(cpu.clone()) * 1e3,
        median(cpu) * 1e6 / n as f64,
        median(all) * 1e3
    );
}

/// `--due DB`: `plans::due` on a store kept by `--keep` (or a PostgreSQL URL with
/// `?schema=scale_N`), step by step (median of 15 runs,
/// a fresh connection each), to see where its time goes.
fn due_only(path: &std::path::Path) {
    let now = DateTime::parse_from_rfc3339("2026-12-07T10:00:00+08:00").unwrap();
    let setting = Setting::new();
    let cx = setting.cx(now);
    // A PostgreSQL URL (with `?schema=scale_N`) names a store kept in PostgreSQL.
    let location = match path.to_str() {
        Some(url) if url.starts_with("postgres") => Location::Postgres(url.to_string()),
        _ => Location::Sqlite(path.to_path_buf()),
    };
    let (mut open, mut refresh, mut due, mut total) = (vec![], vec![], vec![], vec![]);
    let (mut read, mut decode, mut cpu) = (vec![], vec![], vec![]);
    let mut count = 0;
    for _ in 0..15 {
        let c0 = process_cpu();
        let t = Instant::now();
        let mut s = liaison_store::open(&location).unwrap();
        let t1 = Instant::now();
        plans::refresh(s.as_mut(), &cx).unwrap();
        let t2 = Instant::now();
        // Dropped after the clock is read, as `measure` does.
        let due_now = plans::due(s.as_mut(), &cx, false).unwrap();
        let t3 = Instant::now();
        cpu.push(process_cpu() - c0);
        count = due_now.len();
        drop(due_now);
        open.push((t1 - t).as_secs_f64());
        refresh.push((t2 - t1).as_secs_f64());
        due.push((t3 - t2).as_secs_f64());
        total.push((t3 - t).as_secs_f64());
        // The read alone, and the decoding of what it read (with a copy of each row).
        let t4 = Instant::now();
        let rows = s.plans_at(cx.now.timestamp_micros(), false).unwrap();
        let t5 = Instant::now();
        let decoded = plans::at(&rows, &cx);
        decode.push(t5.elapsed().as_secs_f64());
        read.push((t5 - t4).as_secs_f64());
        let n = decoded.len();
        assert_eq!(n, count);
    }
    println!(
        "open {:.2} ms, refresh {:.2} ms, due {:.2} ms (its own refresh included), total {:.2} ms (process CPU {:.2} ms); {count} actions; the read alone {:.2} ms, decoding it {:.2} ms",
        median(open) * 1e3,
        median(refresh) * 1e3,
        median(due) * 1e3,
        median(total) * 1e3,
        median(cpu) * 1e3,
        median(read) * 1e3,
        median(decode) * 1e3,
    );
}

/// CPU time of the whole process (every thread), in seconds.
fn process_cpu() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

fn svg(rows: &[Row]) -> String {
    // Log-log chart: x = collaborations, y = seconds; one line per measurement.
    let (w, h, m) = (640.0, 400.0, 60.0);
    let xs: Vec<f64> = rows.iter().map(|r| (r.n as f64).log10()).collect();
    let series: [(&str, &str, Vec<f64>); 6] = [
        (
            "planner, 1 core",
            "#d62728",
            rows.iter().map(|r| r.plan_one_core).collect(),
        ),
        (
            "planner, all cores",
            "#ff7f0e",
            rows.iter().map(|r| r.plan_all_cores).collect(),
        ),
        (
            "planner, all active, 1 core",
            "#9467bd",
            rows.iter().map(|r| r.active_one_core).collect(),
        ),
        (
            "planner, all active, all cores",
            "#8c564b",
            rows.iter().map(|r| r.active_all_cores).collect(),
        ),
        (
            "full replan into store",
            "#1f77b4",
            rows.iter().map(|r| r.replan).collect(),
        ),
        (
            "due (stored plans)",
            "#2ca02c",
            rows.iter().map(|r| r.due).collect(),
        ),
    ];
    let ys: Vec<f64> = series
        .iter()
        .flat_map(|s| s.2.iter().map(|v| v.max(1e-5).log10()))
        .collect();
    let (x0, x1) = (
        xs[0].floor(),
        xs[xs.len() - 1].ceil().max(xs[0].floor() + 1.0),
    );
    let (y0, y1) = (
        ys.iter().cloned().fold(f64::INFINITY, f64::min).floor(),
        ys.iter().cloned().fold(f64::NEG_INFINITY, f64::max).ceil(),
    );
    let px = |x: f64| m + (x - x0) / (x1 - x0) * (w - 2.0 * m);
    let py = |y: f64| h - m - (y - y0) / (y1 - y0).max(1.0) * (h - 2.0 * m);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    );
    for e in (x0 as i32)..=(x1 as i32) {
        let x = px(e as f64);
        out += &format!(
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#ddd\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">10^{e}</text>\n",
            m,
            h - m,
            h - m + 18.0
        );
    }
    for e in (y0 as i32)..=(y1 as i32) {
        let y = py(e as f64);
        let label = match e {
            -6 => "1 µs".to_string(),
            -5 => "10 µs".to_string(),
            -4 => "100 µs".to_string(),
            -3 => "1 ms".to_string(),
            -2 => "10 ms".to_string(),
            -1 => "100 ms".to_string(),
            0 => "1 s".to_string(),
            1 => "10 s".to_string(),
            e => format!("1e{e} s"),
        };
        out += &format!(
            "<line x1=\"{m}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#ddd\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{label}</text>\n",
            w - m,
            m - 6.0,
            y + 4.0
        );
    }
    for (k, (name, color, vals)) in series.iter().enumerate() {
        let pts: Vec<String> = xs
            .iter()
            .zip(vals)
            .map(|(x, v)| format!("{:.1},{:.1}", px(*x), py(v.max(1e-5).log10())))
            .collect();
        out += &format!(
            "<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{}\"/>\n",
            pts.join(" ")
        );
        out += &format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"{color}\">{name}</text>\n",
            // Two columns of three above the plot.
            m + 10.0 + 260.0 * (k % 2) as f64,
            16.0 + 14.0 * (k / 2) as f64
        );
    }
    out += &format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">collaborations (log)</text>\n</svg>\n",
        w / 2.0,
        h - 15.0
    );
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |k: &str| {
        args.iter()
            .position(|a| a == k)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let sizes: Vec<usize> = arg("--sizes")
        .unwrap_or_else(|| "1000,10000,100000,1000000".into())
        .split(',')
        .map(|s| s.parse().expect("--sizes N,N,…"))
        .collect();
    if let Some(n) = arg("--planner") {
        planner_only(n.parse().expect("--planner N"));
        return;
    }
    if let Some(db) = arg("--due") {
        due_only(std::path::Path::new(&db));
        return;
    }
    let keep = arg("--keep").map(std::path::PathBuf::from);
    let tmp = tempfile::tempdir().unwrap();
    let dir = keep.clone().unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir).unwrap();
    let mut rows = Vec::new();
    println!(
        "| collaborations | planner, 1 core | planner, {t} threads | planner, all active, 1 core | planner, all active, {t} threads | full replan into {store} | `due` from stored plans | actions due |",
        store = if std::env::var_os("LIAISON_BENCH_DATABASE_URL").is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        t = rayon::current_num_threads()
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for n in sizes {
        let r = measure(n, &dir);
        println!(
            "| {} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms | {:.2} ms | {} |",
            r.n,
            r.plan_one_core * 1e3,
            r.plan_all_cores * 1e3,
            r.active_one_core * 1e3,
            r.active_all_cores * 1e3,
            r.replan * 1e3,
            r.due * 1e3,
            r.due_count
        );
        rows.push(r);
    }
    if let Some(p) = arg("--svg") {
        std::fs::write(&p, svg(&rows)).unwrap();
        eprintln!("wrote {p}");
    }
}
