//! `liaison ingest` as a user runs it: the real binary on real files, against SQLite and a
//! real PostgreSQL (scripts/test starts it and exports LIAISON_TEST_DATABASE_URL).

use liaison_store::{Location, Store};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn liaison() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_liaison"));
    c.env_remove("LIAISON_DATABASE_URL")
        .env_remove("LIAISON_DB")
        .env_remove("LIAISON_TEST_CRASH_AFTER")
        .env_remove("LIAISON_PROGRESS_LINES")
        .env("LIAISON_LANG", "en")
        .env_remove("LIAISON_CONFIG")
        .env("LIAISON_NOW", "2026-12-01T09:00:00+08:00")
        .current_dir("/")
        .args(["--me", "zhangwei@ours.example.com"]);
    c
}

/// Where a test's database is: a SQLite file or a fresh PostgreSQL schema.
#[derive(Clone)]
enum Db {
    Sqlite(PathBuf),
    Pg(String),
}

impl Db {
    fn args(&self) -> Vec<String> {
        match self {
            Db::Sqlite(p) => vec!["--db".into(), p.display().to_string()],
            Db::Pg(u) => vec!["--database-url".into(), u.clone()],
        }
    }
    fn open(&self) -> Box<dyn Store> {
        liaison_store::open(&match self {
            Db::Sqlite(p) => Location::Sqlite(p.clone()),
            Db::Pg(u) => Location::Postgres(u.clone()),
        })
        .unwrap()
    }
}

fn sqlite_db(dir: &Path, name: &str) -> Db {
    Db::Sqlite(dir.join(format!("{name}.db")))
}

fn pg_db(name: &str) -> Db {
    let base = std::env::var("LIAISON_TEST_DATABASE_URL").unwrap_or_else(|_| {
        panic!("LIAISON_TEST_DATABASE_URL is not set: run scripts/test (it starts PostgreSQL)")
    });
    // A schema no earlier run used: fresh by construction.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let sep = if base.contains('?') { '&' } else { '?' };
    Db::Pg(format!(
        "{base}{sep}schema=ingest_{name}_{}_{nanos}",
        std::process::id()
    ))
}

fn ingest_json(db: &Db, extra: &[&str]) -> serde_json::Value {
    let out = liaison()
        .args(db.args())
        .arg("ingest")
        .args(extra)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "ingest failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// One generated message of a realistic thread set: every tenth message opens a
/// collaboration, the others reply to it (In-Reply-To/References), some bodies carry a
/// `From ` line that the mbox must escape.
fn generated(i: usize) -> String {
    let c = i / 10;
    let k = i % 10;
    let day = 1 + (c % 28);
    let date = format!(
        "Tue, {day:02} Dec 2026 {:02}:{:02}:00 +0800",
        9 + k % 9,
        k * 5
    );
    let subject = format!("【需求对接】项目{c}数据支持-市场部-重要");
    if k == 0 {
        format!(
            "Message-ID: <c{c}-0@ours.example.com>\nFrom: 张伟 <zhangwei@ours.example.com>\nTo: wanglei@theirs.example.com\nCc: lina@theirs.example.com\nSubject: {subject}\nDate: {date}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n王经理，您好：\n\n为支持项目{c}，需要贵部门协助以下事项：\n1. 提供10-11月用户画像数据（负责人：王磊，12月3日18:00前，Excel格式）。\n\nFrom the desk of 张伟\n"
        )
    } else {
        format!(
            "Message-ID: <c{c}-{k}@theirs.example.com>\nIn-Reply-To: <c{c}-{}@ours.example.com>\nReferences: <c{c}-0@ours.example.com>\nFrom: 王磊 <wanglei@theirs.example.com>\nTo: zhangwei@ours.example.com\nSubject: 回复：{subject}\nDate: {date}\nContent-Type: text/plain; charset=utf-8\n\n收到，第{k}次更新，预计今日18:00前提供。\n",
            0
        )
    }
}

fn write_mbox(path: &Path, n: usize) {
    write_mbox_of(path, 0..n);
}

/// An mbox of the generated messages `order`, in that order.
fn write_mbox_of(path: &Path, order: impl IntoIterator<Item = usize>) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in order {
        let m = generated(i);
        writeln!(f, "From sender@example.com Tue Dec  1 10:00:00 2026").unwrap();
        for line in m.lines() {
            if line.trim_start_matches('>').starts_with("From ") {
                writeln!(f, ">{line}").unwrap();
            } else {
                writeln!(f, "{line}").unwrap();
            }
        }
        writeln!(f).unwrap();
    }
}

fn fixtures(dir: &Path) -> PathBuf {
    let mails = dir.join("mails");
    std::fs::create_dir_all(mails.join("sub")).unwrap();
    for i in 0..5 {
        std::fs::write(mails.join(format!("{i}.eml")), generated(i)).unwrap();
    }
    std::fs::write(mails.join("sub/5.eml"), generated(5)).unwrap();
    std::fs::write(
        mails.join("broken.eml"),
        b"\x00\x01\x02\xff not a mail at all",
    )
    .unwrap();
    std::fs::write(mails.join("empty.eml"), b"\r\n\r\n").unwrap();
    // Any name is read (a Maildir's files have no .eml); not being a mail, it is quarantined.
    std::fs::write(mails.join("notes.txt"), b"not a mail: whatever the name").unwrap();
    // A hidden file is reported as skipped, not read.
    std::fs::write(mails.join(".DS_Store"), b"\0\0\0\x01Bud1").unwrap();
    mails
}

fn n(v: &serde_json::Value, k: &str) -> u64 {
    v[k].as_u64().unwrap_or_else(|| panic!("no {k} in {v}"))
}

fn idempotent_and_quarantine(db: Db, dir: &Path) {
    let mails = fixtures(dir);
    let mbox = dir.join("more.mbox");
    write_mbox(&mbox, 30);
    let maildir = dir.join("Maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).unwrap();
    }
    std::fs::write(maildir.join("new/1700000000.1.host"), generated(40)).unwrap();
    std::fs::write(maildir.join("cur/1700000000.2.host:2,S"), generated(41)).unwrap();
    std::fs::write(maildir.join("tmp/1700000000.3.host"), generated(42)).unwrap();

    let m = mails.to_str().unwrap();
    let args = [
        m,
        "--mbox",
        mbox.to_str().unwrap(),
        "--maildir",
        maildir.to_str().unwrap(),
    ];
    let first = ingest_json(&db, &args);
    // 6 .eml + 3 malformed + 30 mbox (0..6 overlap with the .eml files: same bytes) + 2
    // Maildir.
    assert_eq!(n(&first, "read"), 6 + 3 + 30 + 2, "{first}");
    assert_eq!(n(&first, "malformed"), 3, "{first}");
    assert_eq!(n(&first, "imported"), 6 + 24 + 2, "{first}");
    assert_eq!(n(&first, "duplicates"), 6, "{first}");
    let sources: Vec<&str> = first["quarantined"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["source"].as_str().unwrap())
        .collect();
    assert!(
        sources.iter().any(|s| s.ends_with("broken.eml")),
        "{sources:?}"
    );
    assert!(
        sources.iter().any(|s| s.ends_with("empty.eml")),
        "{sources:?}"
    );
    assert!(
        sources.iter().any(|s| s.ends_with("notes.txt")),
        "{sources:?}"
    );
    // Nothing looked at is dropped silently: the hidden file and the Maildir's delivery in
    // progress are reported as skipped, with the reason.
    let skipped: Vec<&str> = first["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(
        skipped.iter().any(|s| s.contains(".DS_Store")),
        "{skipped:?}"
    );
    assert!(skipped.iter().any(|s| s.contains("tmp")), "{skipped:?}");

    let mut store = db.open();
    let before = store.stats().unwrap();
    let collabs_before = store.collaborations().unwrap();
    assert_eq!(before.raw_messages, 32);
    assert_eq!(before.quarantined, 3);
    let q = store.quarantined().unwrap();
    assert!(
        q.iter()
            .any(|q| q.bytes == b"\x00\x01\x02\xff not a mail at all")
    );

    // The mbox's escaped `From ` line comes back unescaped, bytes otherwise exact.
    let raw = store
        .raw(&liaison_store::sha256_hex(generated(10).as_bytes()))
        .unwrap()
        .expect("message 10 stored with exactly its generated bytes");
    assert!(raw.source.ends_with("more.mbox#11"), "{}", raw.source);
    assert!(String::from_utf8_lossy(&raw.bytes).contains("\nFrom the desk of"));
    drop(store);

    // `liaison quarantine` lists them and gives their bytes back, named by hash only.
    let out = liaison()
        .args(db.args())
        .args(["quarantine", "--format", "json", "--export"])
        .arg(dir.join("kept"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let listed = listed["quarantined"].as_array().unwrap();
    assert_eq!(listed.len(), 3, "{listed:?}");
    for e in listed {
        let path = PathBuf::from(e["exported"].as_str().unwrap());
        let sha = e["sha256"].as_str().unwrap();
        assert_eq!(path, dir.join("kept").join(format!("{sha}.eml")));
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(liaison_store::sha256_hex(&bytes), sha);
        assert_eq!(e["bytes"].as_u64().unwrap(), bytes.len() as u64);
        assert!(!e["reason"].as_str().unwrap().is_empty());
    }

    // Everything again: a no-op; the quarantined files are duplicates, not new problems.
    let again = ingest_json(&db, &args);
    assert_eq!(n(&again, "imported"), 0, "{again}");
    assert_eq!(n(&again, "malformed"), 0, "{again}");
    assert_eq!(
        n(&again, "duplicates"),
        41,
        "every message again, the 3 quarantined ones included: {again}"
    );
    let mut store = db.open();
    let after = store.stats().unwrap();
    assert_eq!(after.raw_messages, before.raw_messages);
    assert_eq!(after.inputs, before.inputs);
    assert_eq!(after.events, before.events);
    assert_eq!(after.quarantined, before.quarantined);
    assert_eq!(store.collaborations().unwrap(), collabs_before);
}

#[test]
fn idempotent_and_quarantine_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    idempotent_and_quarantine(sqlite_db(dir.path(), "t"), dir.path());
}

#[test]
fn idempotent_and_quarantine_postgres() {
    let dir = tempfile::tempdir().unwrap();
    idempotent_and_quarantine(pg_db("idem"), dir.path());
}

#[test]
fn missing_path_is_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let out = liaison()
        .args(["--db", db.to_str().unwrap(), "ingest", "/no/such/mailbox"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/no/such/mailbox"), "{err}");
    assert!(
        !db.exists(),
        "nothing may be written when a source is unreadable"
    );

    let out = liaison()
        .args(["--db", db.to_str().unwrap(), "ingest", "--maildir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cur/"));
}

/// Everything a store holds that an ingest decides, for comparing two stores.
fn fingerprint(
    s: &mut dyn Store,
) -> (
    liaison_store::Stats,
    Vec<liaison_model::Collaboration>,
    usize,
) {
    let st = s.stats().unwrap();
    let collabs = s.collaborations().unwrap();
    let events: usize = collabs.iter().map(|c| s.events(&c.id).unwrap().len()).sum();
    (st, collabs, events)
}

const CRASH_N: usize = 3_000;

/// The process aborts right after committing a batch of raw messages, before the tracker
/// saw them; the next run finishes: every message stored once, state equal to a clean run.
fn crash_with_hook(db: Db, clean: Db, dir: &Path) {
    let mbox = dir.join("big.mbox");
    write_mbox(&mbox, CRASH_N);
    let out = liaison()
        .args(db.args())
        .args(["ingest", "--mbox", mbox.to_str().unwrap()])
        .env("LIAISON_TEST_CRASH_AFTER", "1200")
        .output()
        .unwrap();
    assert!(!out.status.success(), "the hook must abort the process");
    assert!(String::from_utf8_lossy(&out.stderr).contains("LIAISON_TEST_CRASH_AFTER"));
    let mid = db.open().stats().unwrap();
    assert!(
        mid.raw_messages >= 1200 && (mid.raw_messages as usize) < CRASH_N,
        "crashed mid-way: {mid:?}"
    );

    let resumed = ingest_json(&db, &["--mbox", mbox.to_str().unwrap()]);
    assert_eq!(
        n(&resumed, "imported") + n(&resumed, "duplicates"),
        CRASH_N as u64,
        "{resumed}"
    );
    assert_eq!(n(&resumed, "duplicates"), mid.raw_messages);
    ingest_json(&clean, &["--mbox", mbox.to_str().unwrap()]);
    assert_exactly_once(&mut *db.open(), &mut *clean.open());
}

fn assert_exactly_once(got: &mut dyn Store, clean: &mut dyn Store) {
    for i in 0..CRASH_N {
        let sha = liaison_store::sha256_hex(generated(i).as_bytes());
        assert!(got.raw(&sha).unwrap().is_some(), "message {i} lost");
    }
    let (st, collabs, events) = fingerprint(got);
    assert_eq!(st.raw_messages, CRASH_N as u64);
    assert_eq!(st.inputs, CRASH_N as u64, "a message was recorded twice");
    let (cst, ccollabs, cevents) = fingerprint(clean);
    assert_eq!(
        (st.pending, cst.pending),
        (0, 0),
        "the tracker finished everything"
    );
    assert_eq!(
        collabs.len(),
        CRASH_N / 10,
        "one collaboration per opening mail"
    );
    assert!(events > CRASH_N / 10, "replies were tracked as events");
    assert_eq!(events, cevents, "events doubled or lost");
    assert_eq!(collabs, ccollabs);
}

#[test]
fn crash_mid_ingest_resumes_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    crash_with_hook(
        sqlite_db(dir.path(), "crash"),
        sqlite_db(dir.path(), "clean"),
        dir.path(),
    );
}

#[test]
fn crash_mid_ingest_resumes_postgres() {
    let dir = tempfile::tempdir().unwrap();
    crash_with_hook(pg_db("crash"), pg_db("clean"), dir.path());
}

/// A real kill (SIGKILL) once the process has reported progress, wherever it is.
#[test]
fn killed_mid_ingest_resumes_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    killed_mid_ingest_resumes(
        sqlite_db(dir.path(), "killed"),
        sqlite_db(dir.path(), "clean"),
        dir.path(),
    );
}

/// The same on PostgreSQL, where the tracker writes a page at a time from memory.
#[test]
fn killed_mid_ingest_resumes_postgres() {
    let dir = tempfile::tempdir().unwrap();
    killed_mid_ingest_resumes(pg_db("killed"), pg_db("killed_clean"), dir.path());
}

fn killed_mid_ingest_resumes(db: Db, clean: Db, dir: &Path) {
    let mbox = dir.join("big.mbox");
    write_mbox(&mbox, CRASH_N);
    let mut child = liaison()
        .args(db.args())
        .args(["ingest", "--batch", "100", "--mbox", mbox.to_str().unwrap()])
        .env("LIAISON_PROGRESS_LINES", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let mut killed = false;
    for line in stderr.lines() {
        let line = line.unwrap();
        if line.starts_with("ingest: read") {
            let read: usize = line
                .split_whitespace()
                .nth(2)
                .and_then(|s| s.trim_end_matches(',').parse().ok())
                .unwrap();
            if read >= 1000 {
                child.kill().unwrap();
                killed = true;
                break;
            }
        }
    }
    let status = child.wait().unwrap();
    assert!(
        killed && !status.success(),
        "the ingest was not killed mid-way"
    );
    let mid = db.open().stats().unwrap();
    assert!((mid.raw_messages as usize) < CRASH_N, "{mid:?}");
    ingest_json(&db, &["--mbox", mbox.to_str().unwrap()]);
    ingest_json(&clean, &["--mbox", mbox.to_str().unwrap()]);
    assert_exactly_once(&mut *db.open(), &mut *clean.open());
}

/// Issue 14: two processes ingest the same mailbox at once (parser threads feeding one
/// writer each, pages of 1,024 inputs per transaction): both succeed, every message is
/// stored and tracked once between them, and the store equals one clean ingest.
fn same_mbox_at_once(db: Db, clean: Db, dir: &Path) {
    let mbox = dir.join("same.mbox");
    write_mbox(&mbox, CRASH_N);
    let children: Vec<_> = (0..2)
        .map(|_| {
            liaison()
                .args(db.args())
                .args([
                    "ingest",
                    "--format",
                    "json",
                    "--mbox",
                    mbox.to_str().unwrap(),
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut imported = 0;
    let mut duplicates = 0;
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        imported += n(&v, "imported");
        duplicates += n(&v, "duplicates");
    }
    assert_eq!(
        (imported, duplicates),
        (CRASH_N as u64, CRASH_N as u64),
        "each message stored by exactly one process"
    );
    ingest_json(&clean, &["--mbox", mbox.to_str().unwrap()]);
    assert_exactly_once(&mut *db.open(), &mut *clean.open());
}

#[test]
fn same_mbox_at_once_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    same_mbox_at_once(
        sqlite_db(dir.path(), "same"),
        sqlite_db(dir.path(), "clean"),
        dir.path(),
    );
}

#[test]
fn same_mbox_at_once_postgres() {
    let dir = tempfile::tempdir().unwrap();
    same_mbox_at_once(pg_db("same"), pg_db("same_clean"), dir.path());
}

/// `liaison rebuild [--apply]` as a user runs it; returns (exit code, JSON report).
fn rebuild_json(db: &Db, extra: &[&str]) -> (i32, serde_json::Value) {
    let out = liaison()
        .args(db.args())
        .args(["rebuild", "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap_or(-1), report)
}

/// Mail ingested before `[identity]` named us cannot open a collaboration; `liaison
/// rebuild` (a dry run) then shows what the configuration now in effect changes and
/// touches nothing, and `rebuild --apply` makes it so.
fn rebuild_replays_everything(db: Db, dir: &Path) {
    let mbox = dir.join("r.mbox");
    write_mbox(&mbox, 200);
    // The reference: ingested with our address known from the start.
    ingest_json(&db, &["--mbox", mbox.to_str().unwrap()]);
    // The same mail ingested by a store that does not know who we are yet.
    let fresh = match &db {
        Db::Sqlite(p) => Db::Sqlite(p.with_extension("noid.db")),
        Db::Pg(u) => Db::Pg(u.replace("schema=", "schema=noid_")),
    };
    let mut bare = Command::new(env!("CARGO_BIN_EXE_liaison"));
    bare.env_remove("LIAISON_DATABASE_URL")
        .env_remove("LIAISON_DB")
        .env_remove("LIAISON_CONFIG")
        .env("LIAISON_LANG", "en")
        .current_dir("/")
        .args(fresh.args())
        .args(["ingest", "--mbox"])
        .arg(&mbox);
    let out = bare.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut store = fresh.open();
    let before = store.stats().unwrap();
    assert_eq!(
        (before.messages, before.collaborations, before.pending),
        (200, 0, 0)
    );

    let (code, report) = rebuild_json(&fresh, &[]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(report["identical"], false);
    assert_eq!(report["applied"], false);
    assert_eq!(n(&report, "inputs"), 200);
    assert_eq!(n(&report, "raw_messages"), 200);
    assert_eq!(n(&report, "collaborations"), 0);
    assert_eq!(n(&report, "rebuilt"), 20);
    assert_eq!(
        report["differences"].as_array().unwrap().len(),
        20,
        "{report}"
    );
    assert_eq!(store.stats().unwrap(), before, "a dry run changes nothing");

    let (code, report) = rebuild_json(&fresh, &["--apply"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["applied"], true);
    assert_eq!(report["verified"], true);
    let after = store.stats().unwrap();
    assert_eq!(
        (after.messages, after.collaborations, after.pending),
        (200, 20, 0)
    );
    assert_eq!(after.raw_messages, before.raw_messages);
    // Each collaboration holds its opening mail and its nine replies.
    for c in store.collaborations().unwrap() {
        assert_eq!(
            c.events
                .iter()
                .filter(|e| e.kind == liaison_model::EventKind::Replied)
                .count(),
            9,
            "{}",
            c.id
        );
    }
    let (code, report) = rebuild_json(&fresh, &[]);
    assert_eq!(
        (code, report["identical"].as_bool()),
        (0, Some(true)),
        "{report}"
    );
    // The store that ingested as "ours" from the start agrees with the rebuilt one.
    assert_eq!(
        db.open().collaborations().unwrap(),
        store.collaborations().unwrap()
    );
}

#[test]
fn rebuild_replays_everything_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    rebuild_replays_everything(sqlite_db(dir.path(), "r"), dir.path());
}

#[test]
fn rebuild_replays_everything_postgres() {
    let dir = tempfile::tempdir().unwrap();
    rebuild_replays_everything(pg_db("rebuild"), dir.path());
}

#[test]
fn empty_store_rebuilds_identically() {
    let dir = tempfile::tempdir().unwrap();
    let out = liaison()
        .args(sqlite_db(dir.path(), "e").args())
        .args(["rebuild"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("identical"));
}

/// The story of crates/liaison-engine/tests/story: an opening mail, replies, nudges, a
/// delay, an escalation, deliveries and confirmations.
fn story_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../liaison-engine/tests/story");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    v.sort();
    v
}

fn story_ingest(db: &Db, files: &[PathBuf]) {
    let out = liaison()
        .args(db.args())
        .args(["--me", "zhaomin@example.com", "ingest"])
        .args(files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Issue 9, item 1: a reply ingested before the mail it answers, or a mailbox ingested in
/// two halves in the "wrong" order, gives the same collaboration as the natural order.
fn order_does_not_matter(make: &dyn Fn(&str) -> Db) {
    let files = story_files();
    let natural = make("natural");
    story_ingest(&natural, &files);
    let want = natural.open().collaborations().unwrap();
    assert_eq!(want.len(), 1);
    assert!(want[0].events.len() > 11, "{:?}", want[0].events);

    // Everything in reverse: every reply arrives before its parent.
    let reversed = make("reversed");
    let mut rev = files.clone();
    rev.reverse();
    story_ingest(&reversed, &rev);
    assert_eq!(reversed.open().collaborations().unwrap(), want);

    // Two runs: the second half first (the INBOX before the Sent folder).
    let halves = make("halves");
    story_ingest(&halves, &files[6..]);
    story_ingest(&halves, &files[..6]);
    assert_eq!(halves.open().collaborations().unwrap(), want);

    // Just the reply, then the original.
    let pair = make("pair");
    story_ingest(&pair, &files[1..2]);
    assert!(pair.open().collaborations().unwrap().is_empty());
    story_ingest(&pair, &files[..1]);
    let got = pair.open().collaborations().unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].events.len(),
        2,
        "the reply waited for its parent: {:?}",
        got[0].events
    );
}

#[test]
fn order_does_not_matter_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    order_does_not_matter(&|name| sqlite_db(dir.path(), name));
}

#[test]
fn order_does_not_matter_postgres() {
    order_does_not_matter(&|name| pg_db(&format!("order_{name}")));
}

/// Issue 9, items 1 and 2: four `liaison ingest` processes at once on disjoint parts of one
/// mailbox, on a fresh database: every process succeeds and the result equals one
/// sequential ingest.
fn concurrent_writers(make: &dyn Fn(&str) -> Db, dir: &Path, rounds: usize) {
    let mbox = dir.join("all.mbox");
    write_mbox(&mbox, 120);
    let files = story_files();
    let reference = make("reference");
    ingest_json(&reference, &["--mbox", mbox.to_str().unwrap()]);
    story_ingest(&reference, &files);
    let want = reference.open().collaborations().unwrap();
    assert_eq!(want.len(), 13);

    // Split the mbox into four and give each process a quarter of the story too.
    let mut parts = Vec::new();
    for p in 0..4 {
        let path = dir.join(format!("part{p}.mbox"));
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        for i in (0..120).filter(|i| i % 4 == p) {
            writeln!(f, "From sender@example.com Tue Dec  1 10:00:00 2026").unwrap();
            for line in generated(i).lines() {
                writeln!(f, "{line}").unwrap();
            }
            writeln!(f).unwrap();
        }
        drop(f);
        let story: Vec<PathBuf> = files.iter().skip(p).step_by(4).cloned().collect();
        parts.push((path, story));
    }
    for round in 0..rounds {
        let db = make(&format!("conc{round}"));
        let children: Vec<_> = parts
            .iter()
            .map(|(mbox, story)| {
                liaison()
                    .args(db.args())
                    .args(["--me", "zhaomin@example.com", "ingest", "--mbox"])
                    .arg(mbox)
                    .args(story)
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let mut store = db.open();
        let st = store.stats().unwrap();
        assert_eq!((st.raw_messages, st.pending), (131, 0), "round {round}");
        assert_eq!(store.collaborations().unwrap(), want, "round {round}");
    }
}

#[test]
fn concurrent_writers_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    concurrent_writers(&|name| sqlite_db(dir.path(), name), dir.path(), 4);
}

#[test]
fn concurrent_writers_postgres() {
    let dir = tempfile::tempdir().unwrap();
    concurrent_writers(&|name| pg_db(&format!("conc_{name}")), dir.path(), 2);
}

#[test]
fn a_nonexistent_path_after_a_good_one_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.eml");
    std::fs::write(&good, generated(1)).unwrap();
    let db = dir.path().join("x.db");
    let out = liaison()
        .args(["--db", db.to_str().unwrap(), "ingest"])
        .arg(&good)
        .arg("/nonexistent")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent"), "{err}");
    assert!(!db.exists(), "no database file may be created: {err}");
}

#[test]
fn maildir_files_of_any_name_are_all_read() {
    // `ingest md/cur` read only the files named *.eml (10 of 40).
    let dir = tempfile::tempdir().unwrap();
    let cur = dir.path().join("md/cur");
    std::fs::create_dir_all(&cur).unwrap();
    std::fs::create_dir_all(dir.path().join("md/new")).unwrap();
    for i in 0..40 {
        let name = if i % 4 == 0 {
            format!("{i}.eml")
        } else {
            format!("17330000{i:02}.M{i}P7.host:2,S")
        };
        std::fs::write(cur.join(name), generated(i)).unwrap();
    }
    let db = sqlite_db(dir.path(), "md");
    let v = ingest_json(&db, &[cur.to_str().unwrap()]);
    assert_eq!(n(&v, "read"), 40, "{v}");
    assert_eq!(n(&v, "imported"), 40, "{v}");
}

#[test]
fn an_mbox_with_leading_garbage_is_read_without_mbox_flag() {
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("clean.mbox");
    write_mbox(&clean, 5);
    let f = dir.path().join("export");
    let mut bytes = b"\xff\xfe junk left by an export tool\n\x00\n\n".to_vec();
    bytes.extend(std::fs::read(&clean).unwrap());
    std::fs::write(&f, &bytes).unwrap();
    let db = sqlite_db(dir.path(), "garbage");
    let v = ingest_json(&db, &[f.to_str().unwrap()]);
    assert_eq!(n(&v, "read"), 5, "{v}");
    assert_eq!(n(&v, "imported"), 5, "{v}");
    assert_eq!(n(&v, "malformed"), 0, "{v}");
    let skipped = v["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1, "{v}");
    assert!(
        skipped[0]
            .as_str()
            .unwrap()
            .contains("before the first `From ` line"),
        "{v}"
    );
}

/// Issue 14: with the tracker's memory bounded far below the mailbox (`--memory-rows`), an
/// ingest ends in the same state as with the whole store in memory: replies stored before
/// the mail they answer, many pages and commits (the memory is emptied at a commit once
/// full), and a second run that starts on a store already bigger than the bound.
fn bounded_memory_gives_the_same_state(small: Db, full: Db, dir: &Path) {
    const N: usize = 1_200;
    // Every thread's replies before its opening mail.
    let (first, second): (Vec<usize>, Vec<usize>) = (0..N).rev().partition(|i| i % 20 < 10);
    for (part, order) in [("first", &first), ("second", &second)] {
        let mbox = dir.join(format!("{part}.mbox"));
        write_mbox_of(&mbox, order.iter().copied());
        let m = mbox.to_str().unwrap();
        // Batches of 97: more than the tracker reads without its memory, and threads of
        // ten cut across them.
        let a = ingest_json(&small, &["--memory-rows", "7", "--batch", "97", m]);
        let b = ingest_json(&full, &[m]);
        assert_eq!(n(&a, "imported"), order.len() as u64);
        assert_eq!(n(&a, "tracked"), n(&b, "tracked"));
    }
    let (mut s, mut f) = (small.open(), full.open());
    let (st, collabs, events) = fingerprint(&mut *s);
    assert_eq!(st.pending, 0);
    assert_eq!(collabs.len(), N / 10, "one collaboration per opening mail");
    assert_eq!((st, collabs, events), fingerprint(&mut *f));
    assert_eq!(s.all_messages().unwrap(), f.all_messages().unwrap());
}

#[test]
fn bounded_memory_gives_the_same_state_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (
        sqlite_db(dir.path(), "small"),
        sqlite_db(dir.path(), "full"),
    );
    bounded_memory_gives_the_same_state(a, b, dir.path());
}

#[test]
fn bounded_memory_gives_the_same_state_postgres() {
    let dir = tempfile::tempdir().unwrap();
    bounded_memory_gives_the_same_state(pg_db("bounded"), pg_db("bounded_full"), dir.path());
}
