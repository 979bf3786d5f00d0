//! `liaison send`, `fetch` and `outbox` as a user runs them: the real binary against
//! Postfix + Dovecot and the fault-injecting SMTP server (scripts/test starts them; by hand
//! see scripts/servers/README.md), on SQLite and on PostgreSQL.
//!
//! What the servers received is counted where it lands — the recipients' Maildirs on disk
//! and the fault server's record — never through liaison's own clients. Delivery into
//! Dovecot is asynchronous: the only waiting is bounded polling for it.

use liaison_store::{Location, OutboxState, Store};
use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const NOW: &str = "2026-12-01T09:00:00+08:00";

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: run scripts/test, or start the servers by hand and eval their env \
             (scripts/servers/mail.sh start; eval \"$(scripts/servers/mail.sh env)\"; the same for \
             fault_smtp.py; PostgreSQL as in scripts/test; see scripts/servers/README.md)"
        )
    })
}

fn host_port(var: &str) -> (String, u16) {
    let v = env(var);
    let (h, p) = v.rsplit_once(':').expect("HOST:PORT");
    (h.to_string(), p.parse().expect("port"))
}

fn unique(name: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!(
        "{name}-{}-{}",
        std::process::id(),
        nanos % 1_000_000_000_000
    )
}

/// Where a test's database is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Backend {
    Sqlite,
    Postgres,
}

/// One test's world: a project folder with liaison.toml and directory.toml, a database,
/// and two fresh sandbox mailboxes — ours and a colleague's.
struct World {
    dir: tempfile::TempDir,
    db: Vec<String>,
    loc: Location,
    us: String,
    them: String,
    tag: String,
}

enum Smtp {
    /// Postfix submission: STARTTLS and AUTH as us.
    Postfix,
    /// The fault server: plain on loopback, the given timeout.
    Fault,
    /// A raw [smtp] section.
    Raw(String),
}

impl World {
    fn new(name: &str, backend: Backend, smtp: Smtp, imap: Option<&str>) -> World {
        let tag = unique(name);
        let domain = env("LIAISON_TEST_MAIL_SANDBOX_DOMAIN");
        let us = format!("us-{tag}@{domain}");
        let them = format!("them-{tag}@{domain}");
        let dir = tempfile::tempdir().unwrap();
        let ca = env("LIAISON_TEST_MAIL_CA");
        let smtp = match smtp {
            Smtp::Postfix => {
                let (h, p) = host_port("LIAISON_TEST_SMTP_STARTTLS");
                format!(
                    "[smtp]\nhost = \"{h}\"\nport = {p}\nsecurity = \"starttls\"\nusername = \"{us}\"\npassword_env = \"LIAISON_TEST_MAIL_SANDBOX_PASSWORD\"\nca_file = \"{ca}\"\ntimeout = 20\n"
                )
            }
            Smtp::Fault => {
                let (h, p) = host_port("LIAISON_TEST_FAULT_SMTP");
                format!("[smtp]\nhost = \"{h}\"\nport = {p}\nsecurity = \"none\"\ntimeout = 1\n")
            }
            Smtp::Raw(s) => s,
        };
        let imap = match imap {
            Some(extra) => {
                let (h, p) = host_port("LIAISON_TEST_IMAPS");
                format!(
                    "[imap]\nhost = \"{h}\"\nport = {p}\nsecurity = \"tls\"\nusername = \"{us}\"\npassword_env = \"LIAISON_TEST_MAIL_SANDBOX_PASSWORD\"\nca_file = \"{ca}\"\ntimeout = 20\n{extra}\n"
                )
            }
            None => String::new(),
        };
        std::fs::write(
            dir.path().join("liaison.toml"),
            format!(
                "[identity]\naddresses = [\"{us}\"]\ndomain = \"liaison.test\"\n\n[directory]\npath = \"directory.toml\"\n\n{smtp}\n{imap}"
            ),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("directory.toml"),
            format!(
                "[[department]]\nname = \"产品部\"\nhead = \"{us}\"\n\n[[department]]\nname = \"市场部\"\nhead = \"{them}\"\n\n\
                 [[person]]\nname = \"王磊\"\nemail = \"{us}\"\ndepartment = \"产品部\"\ntitle = \"经理\"\nchat = {{ dingtalk = \"wanglei01\" }}\n\n\
                 [[person]]\nname = \"张伟\"\nemail = \"{them}\"\ndepartment = \"市场部\"\ntitle = \"经理\"\n"
            ),
        )
        .unwrap();
        let (db, loc) = match backend {
            Backend::Sqlite => {
                let p = dir.path().join("liaison.db");
                (
                    vec!["--db".to_string(), p.display().to_string()],
                    Location::Sqlite(p),
                )
            }
            Backend::Postgres => {
                let base = env("LIAISON_TEST_DATABASE_URL");
                let sep = if base.contains('?') { '&' } else { '?' };
                let url = format!("{base}{sep}schema=tr_{}", tag.replace('-', "_"));
                (
                    vec!["--database-url".to_string(), url.clone()],
                    Location::Postgres(url),
                )
            }
        };
        World {
            dir,
            db,
            loc,
            us,
            them,
            tag,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn cmd(&self, now: &str) -> Command {
        self.cmd_db(now, &self.db)
    }

    fn cmd_db(&self, now: &str, db: &[String]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_liaison"));
        for v in [
            "LIAISON_CONFIG",
            "LIAISON_DIRECTORY",
            "LIAISON_DB",
            "LIAISON_DATABASE_URL",
            "LIAISON_TEST_CRASH_AT",
            "LIAISON_TEST_CRASH_AFTER",
        ] {
            c.env_remove(v);
        }
        c.current_dir(self.dir.path())
            .env("LIAISON_LANG", "en")
            .env("LIAISON_NOW", now)
            .args(db);
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(NOW).args(args).output().unwrap()
    }

    fn run_at(&self, now: &str, args: &[&str]) -> Output {
        self.cmd(now).args(args).output().unwrap()
    }

    /// Writes a brief and composes it into `NAME.eml` (a mail that lints clean).
    fn compose(&self, name: &str, project: &str) -> PathBuf {
        let brief = self.path(&format!("{name}.toml"));
        std::fs::write(
            &brief,
            format!(
                "kind = \"需求对接\"\nproject = \"{project}\"\ndepartments = [\"市场部\"]\nurgency = \"紧急\"\n\
                 from = \"{us}\"\nto = [\"{them}\"]\n\
                 purpose = \"特此对接{project}需求，请市场部于12月3日17:00前提供用户行为数据报表\"\n\
                 background = \"根据上周产品会议决议，需启动用户调研\"\n\
                 goal = \"目标是优化Q3新产品功能、提升用户体验\"\n\
                 reply_by = \"12月1日17:00前\"\n\
                 next_step = \"收到数据后产品部将在两个工作日内完成分析\"\n\n\
                 [[item]]\nwhat = \"提供2025年用户行为数据报表\"\nowner = \"{them}\"\ndue = \"12月3日17:00前\"\nstandard = \"包含功能使用频率、投诉热点等维度\"\n",
                us = self.us,
                them = self.them
            ),
        )
        .unwrap();
        let eml = self.path(&format!("{name}.eml"));
        let o = self.run(&[
            "new",
            "需求对接",
            "--brief",
            brief.to_str().unwrap(),
            "--out",
            eml.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "new: {}", stderr(&o));
        let lint = self.run(&["lint", eml.to_str().unwrap()]);
        assert!(
            lint.status.success(),
            "the composed mail lints clean: {}",
            stdout(&lint)
        );
        eml
    }

    /// A plain message written by hand (sent with --force: the lint gate is not under test).
    fn plain(&self, name: &str, to: &str) -> PathBuf {
        let p = self.path(&format!("{name}.eml"));
        std::fs::write(
            &p,
            format!(
                "From: {us}\r\nTo: {to}\r\nSubject: fault test {name}\r\nDate: Tue, 01 Dec 2026 09:00:00 +0800\r\nMessage-ID: <{name}.{tag}@liaison.test>\r\n\r\nbody\r\n",
                us = self.us,
                tag = self.tag
            ),
        )
        .unwrap();
        p
    }

    fn mid(&self, eml: &Path) -> String {
        let text = std::fs::read_to_string(eml).unwrap();
        let line = text
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("message-id:"))
            .expect("a Message-ID");
        line[11..].trim().trim_matches(['<', '>']).to_string()
    }

    fn store(&self) -> Box<dyn Store> {
        liaison_store::open(&self.loc).unwrap()
    }

    fn outbox(&self) -> Vec<Value> {
        let o = self.run(&["outbox", "--format", "json"]);
        assert!(o.status.success(), "outbox: {}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        v["outbox"].as_array().unwrap().clone()
    }

    fn entry(&self, mid: &str) -> Value {
        self.outbox()
            .into_iter()
            .find(|e| e["message_id"] == mid)
            .unwrap_or_else(|| panic!("{mid} not in the outbox"))
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(o), stderr(o)))
}

// --- What the servers received -----------------------------------------------------------

fn maildir(addr: &str, folder: Option<&str>) -> PathBuf {
    let (local, domain) = addr.split_once('@').unwrap();
    let base = Path::new(&env("LIAISON_TEST_MAIL_DIR"))
        .join("mail")
        .join(domain.to_lowercase())
        .join(local.to_lowercase())
        .join("Maildir");
    match folder {
        Some(f) => base.join(format!(".{f}")),
        None => base,
    }
}

fn count_in(dir: &Path, mid: &str) -> usize {
    let needle = format!("<{mid}>").to_lowercase();
    ["new", "cur"]
        .iter()
        .filter_map(|d| std::fs::read_dir(dir.join(d)).ok())
        .flatten()
        .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
        .filter(|b| String::from_utf8_lossy(b).to_lowercase().contains(&needle))
        .count()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}

/// True while Postfix's queue holds anything for `rcpt`.
fn queued_for(rcpt: &str) -> bool {
    let spool = Path::new(&env("LIAISON_TEST_MAIL_DIR")).join("spool");
    let mut files = Vec::new();
    for q in ["maildrop", "incoming", "active", "deferred", "hold"] {
        walk(&spool.join(q), &mut files);
    }
    let needle = rcpt.to_lowercase();
    files
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .any(|b| String::from_utf8_lossy(&b).to_lowercase().contains(&needle))
}

/// Copies of `mid` in `rcpt`'s INBOX once Postfix has nothing left for `rcpt` (bounded
/// polling: delivery is asynchronous). `expect` is how many the test expects, so it stops
/// waiting as soon as they are there and the queue is empty.
fn inbox_count(rcpt: &str, mid: &str, expect: usize) -> usize {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let n = count_in(&maildir(rcpt, None), mid);
        let settled = !queued_for(rcpt);
        if (n >= expect && settled) || Instant::now() > deadline {
            return n;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Copies of `mid` in our Sent folder (written by IMAP APPEND: synchronous).
fn sent_count(w: &World, mid: &str) -> usize {
    count_in(&maildir(&w.us, Some("Sent")), mid)
}

/// The fault server's transactions for a recipient.
fn fault_received(rcpt: &str) -> Vec<Value> {
    let base = env("LIAISON_TEST_FAULT_SMTP_CONTROL");
    let hp = base.trim_start_matches("http://").trim_end_matches('/');
    let enc: String = rcpt
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '.' | '_' => c.to_string(),
            c => format!("%{:02X}", c as u32),
        })
        .collect();
    let mut s = std::net::TcpStream::connect(hp).unwrap_or_else(|e| {
        panic!("fault server control {base}: {e}; start it (scripts/servers/README.md)")
    });
    write!(
        s,
        "GET /_received?rcpt={enc} HTTP/1.0\r\nHost: {hp}\r\n\r\n"
    )
    .unwrap();
    let mut body = String::new();
    s.read_to_string(&mut body).unwrap();
    let json = body.split_once("\r\n\r\n").unwrap().1;
    let v: Value = serde_json::from_str(json).unwrap();
    v["transactions"].as_array().unwrap().clone()
}

// --- The stories ---------------------------------------------------------------------------

macro_rules! both {
    ($name:ident) => {
        mod $name {
            #[test]
            fn sqlite() {
                super::$name(super::Backend::Sqlite);
            }
            #[test]
            fn postgres() {
                super::$name(super::Backend::Postgres);
            }
        }
    };
}

/// Send through Postfix: delivered once, filed once in Sent, recorded at once as the
/// opening of a collaboration; sending the same Message-ID again is refused. The colleague
/// replies through Postfix; fetch reads the reply (and our own Sent copy, a duplicate) into
/// the collaboration, and a second fetch reads nothing.
fn send_and_fetch(b: Backend) {
    let w = World::new("story", b, Smtp::Postfix, Some(""));
    let eml = w.compose("req", "Q3新产品用户调研");
    let mid = w.mid(&eml);
    let o = w.run(&["send", eml.to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "send: {}\n{}", stdout(&o), stderr(&o));
    let r = json(&o);
    assert_eq!(r["send"][0]["outcome"], "sent");
    assert!(r["send"][0]["reply"].as_str().unwrap().starts_with("250"));
    assert_eq!(inbox_count(&w.them, &mid, 1), 1, "delivered exactly once");
    assert_eq!(sent_count(&w, &mid), 1, "filed once in Sent");
    let e = w.entry(&mid);
    assert_eq!(e["state"], "sent");
    assert_eq!(e["attempts"], 1);
    assert_eq!(e["to"], serde_json::json!([w.them]));
    assert_eq!(e["updated_at"], NOW);
    // Recorded at once: the collaboration exists without a fetch.
    let l = json(&w.run(&["list", "--format", "json"]));
    let collabs = l["collaborations"].as_array().unwrap();
    assert_eq!(collabs.len(), 1, "{l}");
    assert_eq!(collabs[0]["state"], "sent");
    let id = collabs[0]["id"].as_str().unwrap().to_string();
    assert_eq!(
        w.entry(&mid)["collaboration"],
        id,
        "the outbox names the collaboration"
    );

    // The same Message-ID again: refused, saying when.
    let o = w.run_at(
        "2026-12-01T09:30:00+08:00",
        &["send", eml.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("already sent at 2026-12-01T09:00:00+08:00"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("--resend"), "{}", stdout(&o));
    assert_eq!(inbox_count(&w.them, &mid, 1), 1);

    // The colleague replies through Postfix.
    let reply_mid = format!("reply.{}@sandbox.test", w.tag);
    let reply = format!(
        "From: 张伟 <{them}>\r\nTo: 王磊 <{us}>\r\nSubject: =?UTF-8?B?{subj}?=\r\nDate: Tue, 01 Dec 2026 11:00:00 +0800\r\nMessage-ID: <{reply_mid}>\r\nIn-Reply-To: <{mid}>\r\nReferences: <{mid}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n王经理，您好：\r\n\r\n收到，12月3日17:00前提供。\r\n\r\n张伟\r\n",
        them = w.them,
        us = w.us,
        subj = b64("回复：【需求对接】Q3新产品用户调研-市场部-紧急"),
    );
    deliver(&w.them, &w.us, reply.as_bytes());
    assert_eq!(inbox_count(&w.us, &reply_mid, 1), 1);

    let f = json(&w.run_at("2026-12-01T12:00:00+08:00", &["fetch", "--format", "json"]));
    let folders = f["folders"].as_array().unwrap();
    let fetched = |role: &str| {
        folders.iter().find(|x| x["role"] == role).unwrap()["fetched"]
            .as_u64()
            .unwrap()
    };
    assert_eq!((fetched("inbox"), fetched("sent")), (1, 1), "{f}");
    assert_eq!(
        f["ingest"]["imported"], 1,
        "the reply is new; our Sent copy is the same bytes: {f}"
    );
    assert_eq!(f["ingest"]["duplicates"], 1, "{f}");
    let show = json(&w.run_at(
        "2026-12-01T12:00:00+08:00",
        &["show", &id, "--format", "json"],
    ));
    let events: Vec<&str> = show["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(events[..2], ["sent", "replied"], "{show}");

    let f = json(&w.run_at("2026-12-01T12:05:00+08:00", &["fetch", "--format", "json"]));
    assert!(
        f["folders"]
            .as_array()
            .unwrap()
            .iter()
            .all(|x| x["fetched"] == 0),
        "each message is read once: {f}"
    );
    let st = w.store().stats().unwrap();
    assert_eq!(
        (st.raw_messages, st.collaborations, st.events),
        (2, 1, events.len() as u64),
        "a second fetch changes nothing"
    );
}
both!(send_and_fetch);

/// `liaison new … --send` composes, checks and sends in one step.
#[test]
fn new_send() {
    let w = World::new("newsend", Backend::Sqlite, Smtp::Postfix, None);
    w.compose("first", "新品发布");
    let brief = w.path("first.toml");
    let out = w.path("sent.eml");
    let o = w.run(&[
        "new",
        "需求对接",
        "--brief",
        brief.to_str().unwrap(),
        "--send",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}\n{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).starts_with("sent <"), "{}", stdout(&o));
    let mid = w.mid(&out);
    assert_eq!(inbox_count(&w.them, &mid, 1), 1);
    assert_eq!(w.entry(&mid)["state"], "sent");
}

fn b64(s: &str) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let b = s.as_bytes();
    let mut out = String::new();
    for c in b.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Hands a message to Postfix's plain loopback port as an ordinary client would.
fn deliver(from: &str, to: &str, bytes: &[u8]) {
    let (h, p) = host_port("LIAISON_TEST_SMTP");
    let server = liaison_mail::transport::SmtpConfig {
        host: h,
        port: Some(p),
        security: Some(liaison_mail::transport::Security::None),
        ..Default::default()
    }
    .resolve(Path::new("/"))
    .unwrap();
    let mut c = liaison_mail::transport::SmtpClient::new(server, "sandbox.test");
    c.send(from, &[to.to_string()], bytes, &mut || Ok(()))
        .unwrap();
}

/// Faults of the SMTP server leave the outbox right: a 4xx is retried later with the same
/// Message-ID; a 5xx fails with the server's text; a connection dropped or a reply never
/// received after the content leaves the message held (it may have arrived), and it is
/// never sent again by itself.
fn faults(b: Backend) {
    let w = World::new("faults", b, Smtp::Fault, None);
    let send = |name: &str, mode: &str, now: &str| {
        let rcpt = format!("fault-{mode}+{}@example.com", w.tag);
        let eml = w.plain(name, &rcpt);
        let o = w.run_at(
            now,
            &["send", "--force", eml.to_str().unwrap(), "--format", "json"],
        );
        (o, w.mid(&eml), rcpt)
    };

    // 451 after the content: queued again, a minute later, the same Message-ID.
    let (o, mid, rcpt) = send("t451", "451-data", NOW);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let r = json(&o);
    assert_eq!(r["send"][0]["outcome"], "retry");
    assert_eq!(r["send"][0]["next_attempt_at"], "2026-12-01T09:01:00+08:00");
    let e = w.entry(&mid);
    assert_eq!(
        (e["state"].as_str(), e["attempts"].as_u64()),
        (Some("queued"), Some(1))
    );
    assert!(e["last_error"].as_str().unwrap().contains("451"), "{e}");
    let o = w.run_at(
        "2026-12-01T09:02:00+08:00",
        &["outbox", "send", &mid, "--format", "json"],
    );
    assert_eq!(
        json(&o)["send"][0]["next_attempt_at"],
        "2026-12-01T09:04:00+08:00"
    );
    let got = fault_received(&rcpt);
    assert_eq!(got.len(), 2);
    assert!(
        got.iter().all(|t| t["message_id"] == format!("<{mid}>")),
        "{got:?}"
    );

    // 554: failed with the server's text.
    let (o, mid, _) = send("t554", "554-data", NOW);
    assert_eq!(json(&o)["send"][0]["outcome"], "failed");
    let e = w.entry(&mid);
    assert_eq!(e["state"], "failed");
    assert!(
        e["last_error"].as_str().unwrap().contains("fault injected"),
        "{e}"
    );

    // Dropped after the content: held; neither `send` nor `outbox send --all` resends it.
    let (o, mid, rcpt) = send("tdrop", "drop-after-data", NOW);
    assert_eq!(json(&o)["send"][0]["outcome"], "held", "{}", stdout(&o));
    assert_eq!(w.entry(&mid)["state"], "held");
    let again = w.run(&["send", "--force", w.path("tdrop.eml").to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stdout(&again).contains("is held"), "{}", stdout(&again));
    w.run(&["outbox", "send", "--all"]);
    assert_eq!(
        fault_received(&rcpt).len(),
        1,
        "a held message is never re-sent by itself"
    );
    assert_eq!(w.entry(&mid)["state"], "held");

    // No reply after the content within the configured timeout: held.
    let (o, mid, _) = send("thang", "hang-data", NOW);
    assert_eq!(json(&o)["send"][0]["outcome"], "held");
    assert!(
        w.entry(&mid)["last_error"]
            .as_str()
            .unwrap()
            .contains("did not answer")
    );

    // No reply to RCPT: nothing was handed over, retried later.
    let (o, mid, _) = send("thangr", "hang-rcpt", NOW);
    assert_eq!(json(&o)["send"][0]["outcome"], "retry");
    assert_eq!(w.entry(&mid)["state"], "queued");

    // A person drops a held message.
    let o = w.run(&["outbox", "drop", &format!("<{mid}>")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(w.outbox().iter().all(|e| e["message_id"] != mid));
}
both!(faults);

/// Out of attempts after repeated 4xx: failed, saying so.
#[test]
fn attempts_run_out() {
    let (h, p) = host_port("LIAISON_TEST_FAULT_SMTP");
    let w = World::new(
        "attempts",
        Backend::Sqlite,
        Smtp::Raw(format!(
            "[smtp]\nhost = \"{h}\"\nport = {p}\nsecurity = \"none\"\ntimeout = 1\nmax_attempts = 2\n"
        )),
        None,
    );
    let eml = w.plain("t", &format!("fault-451-rcpt+{}@example.com", w.tag));
    let mid = w.mid(&eml);
    w.run(&["send", "--force", eml.to_str().unwrap()]);
    assert_eq!(w.entry(&mid)["state"], "queued");
    let o = w.run_at(
        "2026-12-01T10:00:00+08:00",
        &["outbox", "send", "--all", "--format", "json"],
    );
    assert_eq!(json(&o)["send"][0]["outcome"], "failed");
    let e = w.entry(&mid);
    assert_eq!(e["attempts"], 2);
    assert!(
        e["last_error"]
            .as_str()
            .unwrap()
            .starts_with("gave up after 2 attempts"),
        "{e}"
    );
}

/// Wrong password, TLS failure, server down: a clear error naming the server; the
/// message stays in the outbox.
#[test]
fn server_problems_are_named_and_lose_nothing() {
    let (h, p) = host_port("LIAISON_TEST_SMTP_TLS");
    let ca = env("LIAISON_TEST_MAIL_CA");
    let cases = [
        (
            format!(
                "[smtp]\nhost = \"{h}\"\nport = {p}\nsecurity = \"tls\"\nusername = \"nobody@example.com\"\npassword_env = \"LIAISON_TEST_MAIL_SANDBOX_PASSWORD\"\nca_file = \"{ca}\"\n"
            ),
            "refused the login",
        ),
        (
            format!("[smtp]\nhost = \"{h}\"\nport = {p}\nsecurity = \"tls\"\n"),
            "not trusted",
        ),
        (
            "[smtp]\nhost = \"127.0.0.1\"\nport = 1\nsecurity = \"none\"\n".to_string(),
            "cannot reach the SMTP server smtp://127.0.0.1:1",
        ),
    ];
    for (cfg, want) in cases {
        let w = World::new("down", Backend::Sqlite, Smtp::Raw(cfg), None);
        let eml = w.compose("m", "服务器故障演练");
        let mid = w.mid(&eml);
        let o = w.run(&["send", eml.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains(want), "{want}: {out}");
        assert!(
            out.contains(&p.to_string()) || want.contains(":1"),
            "names the server: {out}"
        );
        assert!(out.contains("kept in the outbox"), "{out}");
        let e = w.entry(&mid);
        assert_eq!(e["state"], "queued");
        assert_eq!(e["attempts"], 1);
    }
}

/// Header injection through any field that reaches SMTP is refused, and nothing reaches
/// the server.
#[test]
fn header_injection_is_refused() {
    let w = World::new("inject", Backend::Sqlite, Smtp::Fault, None);
    // Through the brief.
    let brief = w.path("b.toml");
    std::fs::write(
        &brief,
        format!(
            "project = \"Q3\\r\\nBcc: evil@example.com\"\ndepartments = [\"市场部\"]\nurgency = \"紧急\"\nfrom = \"{}\"\nto = [\"{}\"]\npurpose = \"x\"\n",
            w.us, w.them
        ),
    )
    .unwrap();
    let o = w.run(&[
        "new",
        "需求对接",
        "--brief",
        brief.to_str().unwrap(),
        "--send",
    ]);
    assert_ne!(o.status.code(), Some(0));
    assert!(
        stderr(&o).to_lowercase().contains("injection") || stderr(&o).contains("CR"),
        "{}",
        stderr(&o)
    );

    // Through the directory: an address with a line break (the directory itself refuses
    // it now, before anything is composed).
    let good_directory = std::fs::read_to_string(w.path("directory.toml")).unwrap();
    std::fs::write(
        w.path("directory.toml"),
        format!(
            "[[department]]\nname = \"市场部\"\n\n[[person]]\nname = \"张伟\"\nemail = \"{}\\r\\nRCPT TO:<evil@example.com>\"\ndepartment = \"市场部\"\n",
            w.them
        ),
    )
    .unwrap();
    let o = w.run(&[
        "new",
        "需求对接",
        "--brief",
        w.path("b.toml").to_str().unwrap(),
        "--send",
    ]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("directory.toml"), "{}", stderr(&o));
    std::fs::write(w.path("directory.toml"), good_directory).unwrap();

    // Through the configuration: [identity] domain for a generated Message-ID, and [smtp].
    let raw = w.path("raw.eml");
    std::fs::write(
        &raw,
        format!(
            "From: {}\r\nTo: x-{}@example.com\r\n\r\nbody\r\n",
            w.us, w.tag
        ),
    )
    .unwrap();
    let cfg = std::fs::read_to_string(w.path("liaison.toml")).unwrap();
    std::fs::write(
        w.path("liaison.toml"),
        cfg.replace(
            "domain = \"liaison.test\"",
            "domain = \"x\\r\\nBcc: evil@example.com\"",
        ),
    )
    .unwrap();
    let o = w.run(&["send", "--force", raw.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("[identity] domain"), "{}", stdout(&o));
    std::fs::write(
        w.path("liaison.toml"),
        cfg.replace("security = \"none\"", "security = \"none\"\nusername = \"a\\r\\nMAIL FROM:<x@y>\"\npassword_env = \"LIAISON_TEST_MAIL_SANDBOX_PASSWORD\""),
    )
    .unwrap();
    let o = w.run(&["send", "--force", raw.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("liaison.toml:")
            && err.contains("[smtp] username")
            && err.contains("CR or LF"),
        "{err}"
    );
    assert!(fault_received(&format!("x-{}@example.com", w.tag)).is_empty());
    // `none` to a non-loopback host is refused, naming the file and line.
    std::fs::write(
        w.path("liaison.toml"),
        cfg.replace("host = \"127.0.0.1\"", "host = \"smtp.example.com\""),
    )
    .unwrap();
    let o = w.run(&["send", "--force", raw.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("[smtp] security") && stderr(&o).contains("loopback"),
        "{}",
        stderr(&o)
    );
}

/// `kill -9` (an abort, exactly as abrupt) at every point of sending, on a batch of three:
/// the next run loses nothing and sends nothing twice — counted in the Dovecot mailboxes.
/// Where delivery cannot be proven, the message is held, never re-sent.
fn crash_points(b: Backend) {
    let points = [
        "claimed",
        "handed-over",
        "accepted",
        "sent",
        "recorded",
        "appended",
    ];
    for point in points {
        for nth in [1, 3] {
            let w = World::new(&format!("crash-{point}-{nth}"), b, Smtp::Postfix, Some(""));
            let emls: Vec<PathBuf> = (0..3)
                .map(|i| w.compose(&format!("m{i}"), &format!("崩溃演练{i}")))
                .collect();
            let mids: Vec<String> = emls.iter().map(|e| w.mid(e)).collect();
            let mut args: Vec<&str> = vec!["send"];
            args.extend(emls.iter().map(|e| e.to_str().unwrap()));
            let o = w
                .cmd(NOW)
                .env("LIAISON_TEST_CRASH_AT", format!("{point}:{nth}"))
                .args(&args)
                .output()
                .unwrap();
            assert!(
                !o.status.success(),
                "{point}:{nth} must crash: {}",
                stderr(&o)
            );
            // The next run: recovery, then whatever is queued.
            let o = w.run_at(
                "2026-12-01T09:10:00+08:00",
                &["outbox", "send", "--all", "--format", "json"],
            );
            assert!(o.status.code().is_some(), "{point}:{nth}: {}", stderr(&o));
            for (i, mid) in mids.iter().enumerate() {
                let crashed = i + 1 == nth;
                let state = w.entry(mid)["state"].as_str().unwrap().to_string();
                let held = crashed && (point == "handed-over" || point == "accepted");
                let want_inbox = if crashed && point == "handed-over" {
                    0 // the content never left
                } else {
                    1
                };
                let n = inbox_count(&w.them, mid, want_inbox);
                assert_eq!(
                    n, want_inbox,
                    "{b:?} {point}:{nth} message {i}: delivered {n}"
                );
                if held {
                    assert_eq!(state, "held", "{point}:{nth} message {i}");
                    // Never re-sent by a later run either.
                    w.run_at("2026-12-01T10:00:00+08:00", &["outbox", "send", "--all"]);
                    assert_eq!(inbox_count(&w.them, mid, want_inbox), want_inbox);
                } else {
                    assert_eq!(state, "sent", "{point}:{nth} message {i}");
                    assert_eq!(
                        sent_count(&w, mid),
                        1,
                        "{point}:{nth} message {i}: in Sent once"
                    );
                }
            }
            // Every sent message recorded once: one collaboration each, opened once.
            let sent = mids
                .iter()
                .filter(|m| w.entry(m)["state"] == "sent")
                .count() as u64;
            let st = w.store().stats().unwrap();
            assert_eq!(
                (st.collaborations, st.events),
                (sent, sent),
                "{point}:{nth}"
            );
            assert_eq!(st.pending, 0);
        }
    }
}
both!(crash_points);

/// A real SIGKILL in the middle of a batch, then the next run: each message delivered
/// exactly once or held, never twice.
#[test]
fn sigkill_mid_batch() {
    let w = World::new("sigkill", Backend::Sqlite, Smtp::Postfix, Some(""));
    let n = 8;
    let emls: Vec<PathBuf> = (0..n)
        .map(|i| w.compose(&format!("k{i}"), &format!("中断演练{i}")))
        .collect();
    let mids: Vec<String> = emls.iter().map(|e| w.mid(e)).collect();
    for kill_after in [1usize, 4] {
        let mut args: Vec<String> = vec!["send".into()];
        args.extend(emls.iter().map(|e| e.display().to_string()));
        args.push("--resend".into());
        // Fresh database for each round.
        let _ = std::fs::remove_file(w.path("liaison.db"));
        let mut child = w
            .cmd(NOW)
            .args(&args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Bounded polling of the outbox until `kill_after` messages are sent, then SIGKILL.
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let sent = liaison_store::open(&w.loc)
                .ok()
                .and_then(|mut s| s.outbox_list(&[OutboxState::Sent]).ok())
                .map(|v| v.len())
                .unwrap_or(0);
            if sent >= kill_after || Instant::now() > deadline {
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let _ = Command::new("kill")
            .args(["-9", &child.id().to_string()])
            .status();
        let _ = child.wait();
        let o = w.run_at("2026-12-01T09:10:00+08:00", &["outbox", "send", "--all"]);
        assert!(o.status.code().is_some());
        let round = if kill_after == 1 { 1 } else { 2 };
        for mid in &mids {
            let state = w.entry(mid)["state"].as_str().unwrap().to_string();
            let got = inbox_count(&w.them, mid, round);
            assert!(
                got == round || (state == "held" && got + 1 >= round),
                "round {round}: {mid} delivered {got} times, state {state}"
            );
            assert!(got <= round, "never twice per round: {mid} {got}");
        }
    }
}

/// Fetch killed at each point, many times: the next fetch loses nothing and doubles
/// nothing. Also a changed UIDVALIDITY: the folder is read again, nothing doubles.
fn fetch_crashes_and_uidvalidity(b: Backend) {
    let folder = format!("Work-{}", unique("f"));
    let w = World::new(
        "fetch",
        b,
        Smtp::Postfix,
        Some(&format!("inbox = \"{folder}\"")),
    );
    let mut imap = liaison_mail::transport::ImapClient::new(
        liaison_mail::transport::ImapConfig {
            host: host_port("LIAISON_TEST_IMAPS").0,
            port: Some(host_port("LIAISON_TEST_IMAPS").1),
            security: Some(liaison_mail::transport::Security::Tls),
            username: Some(w.us.clone()),
            password_env: Some("LIAISON_TEST_MAIL_SANDBOX_PASSWORD".into()),
            ca_file: Some(PathBuf::from(env("LIAISON_TEST_MAIL_CA"))),
            ..Default::default()
        }
        .resolve(Path::new("/"))
        .unwrap(),
    );
    imap.create_folder(&folder).unwrap();
    // Our opening mail and nine replies, filed in the folder.
    let eml = w.compose("open", "收取演练");
    let open = std::fs::read(&eml).unwrap();
    let mid = w.mid(&eml);
    let mut mails = vec![open.clone()];
    for i in 0..9 {
        mails.push(
            format!(
                "From: {them}\r\nTo: {us}\r\nSubject: Re: x\r\nDate: Tue, 01 Dec 2026 1{i}:00:00 +0800\r\nMessage-ID: <r{i}.{tag}@sandbox.test>\r\nIn-Reply-To: <{mid}>\r\n\r\n收到 {i}\r\n",
                them = w.them,
                us = w.us,
                tag = w.tag
            )
            .into_bytes(),
        );
    }
    for m in &mails {
        imap.append(&folder, m, false, None).unwrap();
    }
    // Killed inside the ingest of the first chunk (stored, not yet tracked); then after a
    // chunk is stored and tracked, before the cursor moves; then after the cursor moved.
    let o = w
        .cmd(NOW)
        .env("LIAISON_TEST_CRASH_AFTER", "1")
        .args(["fetch", "--batch", "2"])
        .output()
        .unwrap();
    assert!(
        !o.status.success(),
        "the ingest crash hook fires inside fetch too"
    );
    for (point, nth) in [
        ("fetch-stored", 1),
        ("fetch-cursor", 2),
        ("fetch-stored", 3),
    ] {
        let o = w
            .cmd(NOW)
            .env("LIAISON_TEST_CRASH_AT", format!("{point}:{nth}"))
            .args(["fetch", "--batch", "2"])
            .output()
            .unwrap();
        assert!(!o.status.success(), "{point}:{nth} must crash");
    }
    let f = json(&w.run(&["fetch", "--batch", "2", "--format", "json"]));
    let st = w.store().stats().unwrap();
    assert_eq!(st.raw_messages, 10, "every message stored once: {f}");
    assert_eq!((st.pending, st.collaborations), (0, 1));
    let events_before = st.events;
    assert!(events_before >= 2);
    let again = json(&w.run(&["fetch", "--format", "json"]));
    assert!(
        again["folders"]
            .as_array()
            .unwrap()
            .iter()
            .all(|x| x["fetched"] == 0),
        "{again}"
    );

    // A new UIDVALIDITY: the folder is deleted and made again with the same mail and one
    // more; everything is read again, only the new one is imported.
    let old_validity = again["folders"][0]["uid_validity"].clone();
    imap.delete_folder(&folder).unwrap();
    imap.create_folder(&folder).unwrap();
    for m in &mails {
        imap.append(&folder, m, false, None).unwrap();
    }
    let extra = format!(
        "From: {them}\r\nTo: {us}\r\nSubject: Re: x\r\nDate: Wed, 02 Dec 2026 10:00:00 +0800\r\nMessage-ID: <extra.{tag}@sandbox.test>\r\nIn-Reply-To: <{mid}>\r\n\r\n已提交，请查收\r\n",
        them = w.them,
        us = w.us,
        tag = w.tag
    );
    imap.append(&folder, extra.as_bytes(), false, None).unwrap();
    let f = json(&w.run(&["fetch", "--format", "json"]));
    let inbox = &f["folders"][0];
    assert_ne!(inbox["uid_validity"], old_validity);
    assert_eq!(inbox["reset"], true, "{f}");
    assert_eq!(inbox["fetched"], 11);
    assert_eq!(
        (
            f["ingest"]["imported"].as_u64(),
            f["ingest"]["duplicates"].as_u64()
        ),
        (Some(1), Some(10))
    );
    let st = w.store().stats().unwrap();
    assert_eq!((st.raw_messages, st.collaborations), (11, 1));
    assert!(
        st.events > events_before,
        "the new reply adds to the timeline"
    );

    // The oracle: the same eleven mails ingested once into a fresh database give exactly
    // the collaborations the crashed, re-read fetches gave.
    let files = w.path("all");
    std::fs::create_dir(&files).unwrap();
    for (i, m) in mails
        .iter()
        .chain([&extra.clone().into_bytes()])
        .enumerate()
    {
        std::fs::write(files.join(format!("{i:02}.eml")), m).unwrap();
    }
    let fresh = w.path("fresh.db");
    let ingest = |db: &[String], args: &[&str]| w.cmd_db(NOW, db).args(args).output().unwrap();
    let o = ingest(
        &["--db".into(), fresh.display().to_string()],
        &["ingest", files.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let listed = |db: &[String]| json(&ingest(db, &["list", "--format", "json"]));
    assert_eq!(
        listed(&w.db),
        listed(&["--db".into(), fresh.display().to_string()]),
        "nothing doubled, nothing lost"
    );
    imap.delete_folder(&folder).unwrap();
}
both!(fetch_crashes_and_uidvalidity);
