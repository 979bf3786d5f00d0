//! `liaison run --once` and `liaison draft` as a user runs them, against Postfix + Dovecot,
//! the chat webhook receiver and PostgreSQL (scripts/test starts them; by hand see
//! scripts/servers/README.md), on SQLite and on PostgreSQL. `--now` drives the clock.
//!
//! What the servers received is counted where it lands — the recipients' Maildirs on disk
//! and the chat receiver's record — never through liaison's own clients. Delivery into
//! Dovecot is asynchronous: the only waiting is bounded polling for it.

use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: run scripts/test, or start the servers by hand and eval their env \
             (scripts/servers/mail.sh start; eval \"$(scripts/servers/mail.sh env)\"; \
             scripts/servers/chat_receiver.py start; PostgreSQL as in scripts/test; see \
             scripts/servers/README.md)"
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

#[derive(Clone, Copy, Debug, PartialEq)]
enum Backend {
    Sqlite,
    Postgres,
}

struct World {
    dir: tempfile::TempDir,
    db: Vec<String>,
    us: String,
    them: String,
    tag: String,
}

/// The people of the directory: us (产品部) and `n` colleagues (市场部), the first being
/// `them`; `chat` gives the colleagues a DingTalk handle.
fn directory(us: &str, others: &[String], chat: bool) -> String {
    let mut d = format!(
        "[[department]]\nname = \"产品部\"\nhead = \"boss-p@example.com\"\n\n[[department]]\nname = \"市场部\"\nhead = \"boss-m@example.com\"\n\n\
         [[person]]\nname = \"陈静\"\nemail = \"boss-p@example.com\"\ndepartment = \"产品部\"\ntitle = \"总监\"\n\n\
         [[person]]\nname = \"刘洋\"\nemail = \"boss-m@example.com\"\ndepartment = \"市场部\"\ntitle = \"总监\"\n\n\
         [[person]]\nname = \"王磊\"\nemail = \"{us}\"\ndepartment = \"产品部\"\ntitle = \"经理\"\nsuperior = \"boss-p@example.com\"\n\n"
    );
    for (i, o) in others.iter().enumerate() {
        d.push_str(&format!(
            "[[person]]\nname = \"张伟{}\"\nemail = \"{o}\"\ndepartment = \"市场部\"\ntitle = \"经理\"\nsuperior = \"boss-m@example.com\"\n{}\n",
            if i == 0 { String::new() } else { i.to_string() },
            if chat { format!("chat = {{ dingtalk = \"zw{i}\" }}\n") } else { String::new() }
        ));
    }
    d
}

impl World {
    /// A project folder: [smtp] to Postfix, [imap] to Dovecot (when `imap`), every action
    /// kind in `send` mode, and `extra` config.
    fn new(name: &str, b: Backend, imap: bool, colleagues: usize, extra: &str) -> World {
        let tag = unique(name);
        let domain = env("LIAISON_TEST_MAIL_SANDBOX_DOMAIN");
        let us = format!("us-{tag}@{domain}");
        let others: Vec<String> = (0..colleagues.max(1))
            .map(|i| {
                if i == 0 {
                    format!("them-{tag}@{domain}")
                } else {
                    format!("them{i}-{tag}@{domain}")
                }
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let ca = env("LIAISON_TEST_MAIL_CA");
        let (h, p) = host_port("LIAISON_TEST_SMTP_STARTTLS");
        let smtp = format!(
            "[smtp]\nhost = \"{h}\"\nport = {p}\nsecurity = \"starttls\"\nusername = \"{us}\"\npassword_env = \"LIAISON_TEST_MAIL_SANDBOX_PASSWORD\"\nca_file = \"{ca}\"\ntimeout = 20\n"
        );
        let imap = if imap {
            let (h, p) = host_port("LIAISON_TEST_IMAPS");
            format!(
                "[imap]\nhost = \"{h}\"\nport = {p}\nsecurity = \"tls\"\nusername = \"{us}\"\npassword_env = \"LIAISON_TEST_MAIL_SANDBOX_PASSWORD\"\nca_file = \"{ca}\"\ntimeout = 20\n"
            )
        } else {
            String::new()
        };
        std::fs::write(
            dir.path().join("liaison.toml"),
            format!(
                "[identity]\naddresses = [\"{us}\"]\ndomain = \"liaison.test\"\n\n[directory]\npath = \"directory.toml\"\n\n{smtp}\n{imap}\n\
                 [automation]\nnudge = \"send\"\nsync = \"send\"\nescalate = \"send\"\nconfirm = \"send\"\nretro = \"send\"\n\n{extra}\n"
            ),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("directory.toml"),
            directory(&us, &others, extra.contains("[chat]")),
        )
        .unwrap();
        let db = match b {
            Backend::Sqlite => vec![
                "--db".to_string(),
                dir.path().join("liaison.db").display().to_string(),
            ],
            Backend::Postgres => {
                let base = env("LIAISON_TEST_DATABASE_URL");
                let sep = if base.contains('?') { '&' } else { '?' };
                vec![
                    "--database-url".to_string(),
                    format!("{base}{sep}schema=rn_{}", tag.replace('-', "_")),
                ]
            }
        };
        World {
            dir,
            db,
            us,
            them: others[0].clone(),
            tag,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn cmd(&self, now: &str) -> Command {
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
            .args(&self.db);
        c
    }

    fn run_at(&self, now: &str, args: &[&str]) -> Output {
        self.cmd(now).args(args).output().unwrap()
    }

    /// One pass of the runner at `now`, its JSON report.
    fn pass(&self, now: &str) -> Value {
        let o = self
            .cmd(now)
            .env("LIAISON_LANG", "zh")
            .args(["run", "--once", "--format", "json"])
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "run --once at {now}: {}\n{}",
            stdout(&o),
            stderr(&o)
        );
        json(&o)
    }

    /// An opening 需求对接 mail from us to `to`, sent at 2026-12-01 09:00 (Tue), item due
    /// 12月3日17:00前.
    fn opening(&self, n: usize, to: &str) -> (String, Vec<u8>) {
        let mid = format!("open{n}.{}@liaison.test", self.tag);
        let subject = format!("【需求对接】调研{n}-市场部-一般");
        let body = format!(
            "张经理，您好！\r\n\r\n特此对接调研{n}需求，请市场部于12月3日17:00前提供用户行为数据报表。\r\n\r\n背景与目标：根据上周产品会议决议，需启动用户调研。目标是优化新产品功能。\r\n\r\n具体事项：\r\n1. 做什么：提供2025年用户行为数据报表；谁来做：市场部 张伟；何时完成：12月3日17:00前；交付标准：包含功能使用频率、投诉热点等维度。\r\n\r\n收到数据后产品部将在两个工作日内完成分析。如有疑问，请于12月2日17:00前回复确认。\r\n\r\n王磊\r\n产品部 经理\r\n邮箱：{us}\r\n",
            us = self.us
        );
        let raw = format!(
            "From: =?UTF-8?B?{name}?= <{us}>\r\nTo: <{to}>\r\nSubject: =?UTF-8?B?{subj}?=\r\nDate: Tue, 01 Dec 2026 09:00:00 +0800\r\nMessage-ID: <{mid}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}",
            name = b64("王磊"),
            us = self.us,
            subj = b64(&subject),
        );
        (mid, raw.into_bytes())
    }

    fn outbox(&self, now: &str) -> Vec<Value> {
        let o = self.run_at(now, &["outbox", "--format", "json"]);
        assert!(o.status.success(), "outbox: {}", stderr(&o));
        json(&o)["outbox"].as_array().unwrap().clone()
    }

    fn events(&self, now: &str) -> Vec<Value> {
        let l = json(&self.run_at(now, &["list", "--format", "json"]));
        let id = l["collaborations"][0]["id"].as_str().unwrap().to_string();
        json(&self.run_at(now, &["show", &id, "--format", "json"]))["events"]
            .as_array()
            .unwrap()
            .clone()
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

/// The messages of a Maildir folder.
fn messages(dir: &Path) -> Vec<String> {
    ["new", "cur"]
        .iter()
        .filter_map(|d| std::fs::read_dir(dir.join(d)).ok())
        .flatten()
        .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
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

/// The messages in `rcpt`'s INBOX whose text contains `needle`, once Postfix has nothing
/// left for `rcpt` and at least `expect` are there (bounded polling).
fn inbox_with(rcpt: &str, needle: &str, expect: usize) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let v: Vec<String> = messages(&maildir(rcpt, None))
            .into_iter()
            .filter(|m| m.contains(needle))
            .collect();
        if (v.len() >= expect && !queued_for(rcpt)) || Instant::now() > deadline {
            return v;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The decoded text of a message (subject and body), for assertions on content.
fn text_of(raw: &str) -> String {
    let m = liaison_mail::Message::parse(raw.as_bytes());
    format!("{}\n{}", m.subject, m.body)
}

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

// --- The stories ---------------------------------------------------------------------------

/// The whole loop on real servers: our request goes out through Postfix; silence; the
/// runner nudges (once per working day, never at night); the colleague replies through
/// Postfix with the delivery; the runner fetches it from Dovecot and confirms the delivery
/// naming the item and its standard. Every mail is counted in the colleague's Maildir.
fn story(b: Backend) {
    let w = World::new("story", b, true, 1, "");
    let (open_mid, raw) = w.opening(1, &w.them);
    std::fs::write(w.path("open.eml"), &raw).unwrap();
    let o = w.run_at(
        "2026-12-01T09:00:00+08:00",
        &["send", w.path("open.eml").to_str().unwrap()],
    );
    assert!(o.status.success(), "send: {}\n{}", stdout(&o), stderr(&o));
    assert_eq!(inbox_with(&w.them, &open_mid, 1).len(), 1);

    // Three hours of silence: nothing is due.
    let r = w.pass("2026-12-01T12:00:00+08:00");
    assert!(r["working_time"].as_bool().unwrap());
    assert!(r["acted"].as_array().unwrap().is_empty(), "{r}");

    // At night the runner does not act, even with a nudge due.
    let r = w.pass("2026-12-02T22:00:00+08:00");
    assert!(!r["working_time"].as_bool().unwrap(), "{r}");
    assert!(r["acted"].as_array().unwrap().is_empty(), "{r}");
    assert_eq!(inbox_with(&w.them, "liaison-nudge-", 0).len(), 0);

    // Wednesday morning: the nudge is sent, once.
    let r = w.pass("2026-12-02T10:00:00+08:00");
    let acted = r["acted"].as_array().unwrap();
    assert_eq!(acted.len(), 1, "{r}");
    assert_eq!(
        (acted[0]["action"].as_str(), acted[0]["outcome"].as_str()),
        (Some("nudge"), Some("queued"))
    );
    assert_eq!(r["sent"][0]["outcome"], "sent", "{r}");
    let nudges = inbox_with(&w.them, "liaison-nudge-", 1);
    assert_eq!(nudges.len(), 1);
    let text = text_of(&nudges[0]);
    assert!(text.contains("【跟进提醒】"), "{text}");
    assert!(
        text.contains("提供2025年用户行为数据报表") && text.contains("12月3日17:00"),
        "names the open item and its deadline: {text}"
    );
    assert!(
        nudges[0].contains(&format!("In-Reply-To: <{open_mid}>")),
        "threads into the request"
    );
    // Again the same day: nothing more (one nudge per person per working day).
    for now in ["2026-12-02T10:05:00+08:00", "2026-12-02T17:00:00+08:00"] {
        let r = w.pass(now);
        assert!(r["sent"].as_array().unwrap().is_empty(), "{r}");
    }
    assert_eq!(inbox_with(&w.them, "liaison-nudge-", 1).len(), 1);

    // The colleague delivers through Postfix.
    let reply_mid = format!("deliver.{}@sandbox.test", w.tag);
    let reply = format!(
        "From: =?UTF-8?B?{name}?= <{them}>\r\nTo: <{us}>\r\nSubject: =?UTF-8?B?{subj}?=\r\nDate: Thu, 03 Dec 2026 10:00:00 +0800\r\nMessage-ID: <{reply_mid}>\r\nIn-Reply-To: <{open_mid}>\r\nReferences: <{open_mid}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n王经理，您好：\r\n\r\n数据报表已完成，请查收。\r\n\r\n张伟\r\n",
        name = b64("张伟"),
        them = w.them,
        us = w.us,
        subj = b64("回复：【需求对接】调研1-市场部-一般"),
    );
    deliver(&w.them, &w.us, reply.as_bytes());
    assert_eq!(inbox_with(&w.us, &reply_mid, 1).len(), 1);

    // Fetched at once; the confirmation is due within 24 h, so the next morning.
    let r = w.pass("2026-12-03T11:00:00+08:00");
    let fetched: u64 = r["fetched"]["folders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fetched"].as_u64().unwrap())
        .sum();
    assert!(fetched >= 1, "{r}");
    let r = w.pass("2026-12-04T10:30:00+08:00");
    let acted = r["acted"].as_array().unwrap();
    assert_eq!(acted.len(), 1, "{r}");
    assert_eq!(acted[0]["action"], "confirm");
    let confirms = inbox_with(&w.them, "liaison-confirm-", 1);
    assert_eq!(confirms.len(), 1);
    let text = text_of(&confirms[0]);
    assert!(text.contains("【成果确认】"), "{text}");
    assert!(
        text.contains("提供2025年用户行为数据报表")
            && text.contains("包含功能使用频率、投诉热点等维度"),
        "names the delivery and its standard: {text}"
    );

    // The timeline, and nothing left to do but archive; nothing sent twice.
    let kinds: Vec<String> = w
        .events("2026-12-04T11:00:00+08:00")
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        kinds,
        ["sent", "nudged", "replied", "delivered", "confirmed"],
        "{kinds:?}"
    );
    let r = w.pass("2026-12-04T11:00:00+08:00");
    assert!(r["sent"].as_array().unwrap().is_empty(), "{r}");
    assert_eq!(
        inbox_with(&w.them, "liaison-", 2).len(),
        2,
        "one nudge, one confirmation"
    );
    let out = w.outbox("2026-12-04T11:00:00+08:00");
    assert!(out.iter().all(|e| e["state"] == "sent"), "{out:?}");
    // Our Sent folder holds each follow-up once.
    let sent = messages(&maildir(&w.us, Some("Sent")));
    assert_eq!(
        sent.iter().filter(|m| m.contains("liaison-nudge-")).count(),
        1
    );
    assert_eq!(
        sent.iter()
            .filter(|m| m.contains("liaison-confirm-"))
            .count(),
        1
    );
}
both!(story);

/// A world with nudges in draft mode, our request sent on Tuesday 09:00, and the runner's
/// pass on Wednesday 10:00 that drafted its nudge: the world and the nudge's Message-ID.
fn drafted_nudge(name: &str, b: Backend) -> (World, String) {
    let w = World::new(name, b, true, 1, "");
    let cfg = std::fs::read_to_string(w.path("liaison.toml")).unwrap();
    std::fs::write(
        w.path("liaison.toml"),
        cfg.replace("nudge = \"send\"", "nudge = \"draft\""),
    )
    .unwrap();
    let (_, raw) = w.opening(1, &w.them);
    std::fs::write(w.path("open.eml"), &raw).unwrap();
    let o = w.run_at(
        "2026-12-01T09:00:00+08:00",
        &["send", w.path("open.eml").to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let r = w.pass("2026-12-02T10:00:00+08:00");
    assert_eq!(r["acted"][0]["outcome"], "drafted", "{r}");
    let mid = r["acted"][0]["message_id"].as_str().unwrap().to_string();
    (w, mid)
}

/// Draft mode (the default): the follow-up waits in the outbox as `draft` and in the IMAP
/// Drafts folder; nothing reaches the colleague until a person sends it.
#[test]
fn draft_mode_waits_for_review() {
    let (w, mid) = drafted_nudge("review", Backend::Sqlite);
    let out = w.outbox("2026-12-02T10:00:00+08:00");
    let e = out
        .iter()
        .find(|e| e["message_id"] == mid.as_str())
        .unwrap();
    assert_eq!(e["state"], "draft");
    assert_eq!(
        messages(&maildir(&w.us, Some("Drafts")))
            .iter()
            .filter(|m| m.contains(&mid))
            .count(),
        1
    );
    // A second pass drafts nothing new.
    let r = w.pass("2026-12-02T11:00:00+08:00");
    assert!(
        r["acted"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["outcome"] == "skipped"),
        "{r}"
    );
    assert_eq!(inbox_with(&w.them, &mid, 0).len(), 0, "a draft is not sent");
    // Approved by a person: sent once.
    let o = w.run_at("2026-12-02T11:30:00+08:00", &["outbox", "send", &mid]);
    assert!(o.status.success(), "{}\n{}", stdout(&o), stderr(&o));
    assert_eq!(inbox_with(&w.them, &mid, 1).len(), 1);
}

/// A drafted follow-up that a person drops (`liaison outbox drop`) is not drafted again by
/// the next passes for the same action and due instant, and nothing is sent.
fn dropped_draft_stays_dropped(b: Backend) {
    let (w, mid) = drafted_nudge("dropped", b);
    let o = w.run_at("2026-12-02T10:10:00+08:00", &["outbox", "drop", &mid]);
    assert!(o.status.success(), "{}\n{}", stdout(&o), stderr(&o));
    assert!(
        w.outbox("2026-12-02T10:10:00+08:00")
            .iter()
            .all(|e| e["message_id"] != mid.as_str()),
        "dropped"
    );
    for now in ["2026-12-02T11:00:00+08:00", "2026-12-02T16:00:00+08:00"] {
        let r = w.pass(now);
        let acted = r["acted"].as_array().unwrap();
        let nudge = acted
            .iter()
            .find(|a| a["message_id"] == mid.as_str())
            .unwrap_or_else(|| panic!("the nudge is still due at {now}: {r}"));
        assert_eq!(nudge["outcome"], "skipped", "{r}");
        assert!(nudge["detail"].as_str().unwrap().contains("dropped"), "{r}");
        assert!(
            w.outbox(now)
                .iter()
                .all(|e| e["message_id"] != mid.as_str()),
            "not drafted again at {now}"
        );
    }
    assert_eq!(inbox_with(&w.them, &mid, 0).len(), 0, "nothing was sent");
}
both!(dropped_draft_stays_dropped);

/// Three `liaison run --once` at the same instant on one store, over 200 collaborations
/// each owing a nudge to a different colleague: each nudge sent exactly once (counted in
/// 200 Maildirs), each recorded once.
fn three_runners(b: Backend) {
    let n = 200;
    let w = World::new("multi", b, false, n, "");
    let domain = env("LIAISON_TEST_MAIL_SANDBOX_DOMAIN");
    let others: Vec<String> = (0..n)
        .map(|i| {
            if i == 0 {
                w.them.clone()
            } else {
                format!("them{i}-{}@{domain}", w.tag)
            }
        })
        .collect();
    let inbox = w.path("mail");
    std::fs::create_dir_all(&inbox).unwrap();
    for (i, o) in others.iter().enumerate() {
        std::fs::write(inbox.join(format!("{i:03}.eml")), w.opening(i, o).1).unwrap();
    }
    let o = w.run_at(
        "2026-12-01T09:30:00+08:00",
        &["ingest", inbox.to_str().unwrap()],
    );
    assert!(o.status.success(), "ingest: {}\n{}", stdout(&o), stderr(&o));
    let now = "2026-12-02T10:00:00+08:00";
    let due = json(&w.run_at(now, &["due", "--format", "json"]));
    assert_eq!(
        due["due"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["action"] == "nudge")
            .count(),
        n,
        "{due}"
    );
    let children: Vec<std::process::Child> = (0..3)
        .map(|_| {
            w.cmd(now)
                .args(["run", "--once", "--format", "json"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut queued = 0;
    let mut sent = 0;
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        let r = json(&o);
        queued += r["acted"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["outcome"] == "queued")
            .count();
        sent += r["sent"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["outcome"] == "sent")
            .count();
    }
    assert_eq!(
        (queued, sent),
        (n, n),
        "each action claimed and sent once across the three"
    );
    for o in &others {
        assert_eq!(
            inbox_with(o, "liaison-nudge-", 1).len(),
            1,
            "{o}: exactly one nudge"
        );
    }
    let out = w.outbox(now);
    assert_eq!(
        out.iter()
            .filter(|e| e["action"] == "nudge" && e["state"] == "sent" && e["attempts"] == 1)
            .count(),
        n
    );
    // Nothing is due any more, and a fourth run does nothing.
    let r = w.pass("2026-12-02T10:30:00+08:00");
    assert!(r["sent"].as_array().unwrap().is_empty(), "{r}");
}
both!(three_runners);

/// `kill -9` (an abort, as abrupt) of `liaison run` at each point of acting, sending and
/// fetching: the next pass loses nothing and sends nothing twice, counted in Dovecot.
fn crashes(b: Backend) {
    for point in [
        "run-claimed",
        "run-recorded",
        "claimed",
        "handed-over",
        "accepted",
        "sent",
        "recorded",
        "appended",
        "fetch-stored",
        "fetch-cursor",
    ] {
        // The fetch has one chunk to read; the others act on three nudges.
        let nths: &[u32] = if point.starts_with("fetch") {
            &[1]
        } else {
            &[1, 2, 3]
        };
        for &nth in nths {
            let w = World::new(&format!("crash-{point}-{nth}"), b, true, 3, "");
            let domain = env("LIAISON_TEST_MAIL_SANDBOX_DOMAIN");
            let others: Vec<String> = (0..3)
                .map(|i| {
                    if i == 0 {
                        w.them.clone()
                    } else {
                        format!("them{i}-{}@{domain}", w.tag)
                    }
                })
                .collect();
            let inbox = w.path("mail");
            std::fs::create_dir_all(&inbox).unwrap();
            for (i, o) in others.iter().enumerate() {
                std::fs::write(inbox.join(format!("{i}.eml")), w.opening(i, o).1).unwrap();
            }
            let o = w.run_at(
                "2026-12-01T09:30:00+08:00",
                &["ingest", inbox.to_str().unwrap()],
            );
            assert!(o.status.success(), "{}", stderr(&o));
            // A reply waits in Dovecot, so the fetch has something to read.
            let reply = format!(
                "From: <{}>\r\nTo: <{}>\r\nSubject: re\r\nDate: Tue, 01 Dec 2026 10:00:00 +0800\r\nMessage-ID: <r.{}@sandbox.test>\r\n\r\nok\r\n",
                w.them, w.us, w.tag
            );
            deliver(&w.them, &w.us, reply.as_bytes());
            assert_eq!(inbox_with(&w.us, &format!("r.{}", w.tag), 1).len(), 1);
            let now = "2026-12-02T10:00:00+08:00";
            let o = w
                .cmd(now)
                .env("LIAISON_TEST_CRASH_AT", format!("{point}:{nth}"))
                .args(["run", "--once"])
                .output()
                .unwrap();
            assert!(
                !o.status.success(),
                "{point}:{nth} must crash: {}",
                stderr(&o)
            );
            let o = w.run_at(
                "2026-12-02T10:10:00+08:00",
                &["run", "--once", "--format", "json"],
            );
            assert!(o.status.code().is_some(), "{}", stderr(&o));
            // A third pass changes nothing.
            w.run_at("2026-12-02T10:20:00+08:00", &["run", "--once"]);
            let out = w.outbox("2026-12-02T10:30:00+08:00");
            for o in &others {
                let held = out
                    .iter()
                    .any(|e| e["state"] == "held" && e["to"][0] == o.as_str());
                let got = inbox_with(o, "liaison-nudge-", if held { 0 } else { 1 }).len();
                assert!(got <= 1, "{b:?} {point}:{nth}: {o} got {got} nudges");
                assert!(
                    got == 1 || held,
                    "{b:?} {point}:{nth}: {o} got no nudge and none is held: {out:?}"
                );
            }
            assert_eq!(
                out.iter().filter(|e| e["action"] == "nudge").count(),
                3,
                "{point}:{nth}: {out:?}"
            );
            // The reply was read once.
            let st = json(&w.run_at("2026-12-02T10:30:00+08:00", &["list", "--format", "json"]));
            assert_eq!(st["collaborations"].as_array().unwrap().len(), 3);
        }
    }
}
both!(crashes);

// --- Chat ----------------------------------------------------------------------------------

fn chat_control(method: &str, path: &str) -> Value {
    let base = env("LIAISON_TEST_CHAT");
    let hp = base
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let mut s = std::net::TcpStream::connect(&hp).unwrap_or_else(|e| {
        panic!("chat receiver {base}: {e}; start it: scripts/servers/chat_receiver.py start")
    });
    write!(
        s,
        "{method} {path} HTTP/1.0\r\nHost: {hp}\r\nContent-Length: 0\r\n\r\n"
    )
    .unwrap();
    let mut body = String::new();
    s.read_to_string(&mut body).unwrap();
    serde_json::from_str(body.split_once("\r\n\r\n").unwrap().1).unwrap()
}

fn chat_world(name: &str, bot: &str, extra: &str) -> (World, String) {
    let token = format!("dingtalk-signed.{}", unique(name));
    // The receiver checks the signature's timestamp against the instant in the path.
    let ms = chrono::DateTime::parse_from_rfc3339("2026-12-02T10:00:00+08:00")
        .unwrap()
        .timestamp_millis();
    let _ = bot;
    let cfg = format!(
        "[chat]\nmax_attempts = 1\ntimeout_secs = 2\n{extra}\n[[chat.webhook]]\nplatform = \"dingtalk\"\nurl = \"{}/now/{ms}/robot/send?access_token={token}\"\nsecret_env = \"LIAISON_TEST_DINGTALK_SECRET\"\ndepartments = [\"市场部\"]\n",
        env("LIAISON_TEST_CHAT")
    );
    (World::new(name, Backend::Sqlite, false, 1, &cfg), token)
}

/// A nudge to a colleague with a DingTalk handle goes by chat, signed and @mentioning the
/// handle; a second pass does not nudge again.
#[test]
fn chat_nudge_is_signed_and_mentions() {
    let (w, token) = chat_world("chat-ok", "", "");
    let (_, raw) = w.opening(1, &w.them);
    std::fs::write(w.path("open.eml"), &raw).unwrap();
    assert!(
        w.run_at(
            "2026-12-01T09:00:00+08:00",
            &["send", w.path("open.eml").to_str().unwrap()]
        )
        .status
        .success()
    );
    let o = w
        .cmd("2026-12-02T10:00:00+08:00")
        .env("LIAISON_TEST_DINGTALK_SECRET", "SECdingtalk-test-secret")
        .args(["run", "--once", "--format", "json"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let r = json(&o);
    assert_eq!(r["acted"][0]["outcome"], "chat", "{r}");
    let got = chat_control("GET", &format!("/_received?token={token}"));
    let reqs = got["requests"].as_array().unwrap();
    assert_eq!(reqs.len(), 1, "{got}");
    assert_eq!(reqs[0]["outcome"], "accepted", "{got}");
    assert_eq!(reqs[0]["signed"], true);
    assert_eq!(reqs[0]["mentions"]["user_ids"], serde_json::json!(["zw0"]));
    assert!(
        reqs[0]["text"]
            .as_str()
            .unwrap()
            .contains("提供2025年用户行为数据报表")
    );
    assert_eq!(
        inbox_with(&w.them, "liaison-nudge-", 0).len(),
        0,
        "no mail when chat worked"
    );
    let events = w.events("2026-12-02T10:30:00+08:00");
    let nudged = events.iter().find(|e| e["kind"] == "nudged").unwrap();
    assert!(
        nudged["detail"]
            .as_str()
            .unwrap()
            .starts_with("chat dingtalk"),
        "{nudged}"
    );
    let o = w
        .cmd("2026-12-02T11:00:00+08:00")
        .env("LIAISON_TEST_DINGTALK_SECRET", "SECdingtalk-test-secret")
        .args(["run", "--once", "--format", "json"])
        .output()
        .unwrap();
    assert!(json(&o)["acted"].as_array().unwrap().is_empty());
    assert_eq!(
        chat_control("GET", &format!("/_received?token={token}"))["requests"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// A chat webhook that answers 500 or times out: the nudge falls back to mail, once, and the
/// event says so.
#[test]
fn chat_failure_falls_back_to_mail() {
    for fault in ["500", "timeout"] {
        let (w, token) = chat_world(&format!("chat-{fault}"), "", "");
        let (_, raw) = w.opening(1, &w.them);
        std::fs::write(w.path("open.eml"), &raw).unwrap();
        assert!(
            w.run_at(
                "2026-12-01T09:00:00+08:00",
                &["send", w.path("open.eml").to_str().unwrap()]
            )
            .status
            .success()
        );
        chat_control(
            "POST",
            &format!("/_fail?status={fault}&count=1&token={token}&seconds=5"),
        );
        let o = w
            .cmd("2026-12-02T10:00:00+08:00")
            .env("LIAISON_TEST_DINGTALK_SECRET", "SECdingtalk-test-secret")
            .args(["run", "--once", "--format", "json"])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        let r = json(&o);
        assert_eq!(r["acted"][0]["outcome"], "chat-fallback", "{r}");
        assert_eq!(
            inbox_with(&w.them, "liaison-nudge-", 1).len(),
            1,
            "{fault}: mailed once"
        );
        let events = w.events("2026-12-02T10:30:00+08:00");
        let nudged: Vec<&Value> = events.iter().filter(|e| e["kind"] == "nudged").collect();
        assert_eq!(nudged.len(), 1, "{events:?}");
        let d = nudged[0]["detail"].as_str().unwrap();
        assert!(
            d.contains("chat failed") && d.contains("fell back to mail"),
            "{d}"
        );
    }
}

/// Retries: 429 then 503, then accepted — the waits go through the injected sleeper (no
/// sleeping), the Retry-After honoured.
#[test]
fn chat_retries_with_backoff() {
    use liaison_mail::chat::{ChatClient, ChatConfig, Platform, RecordingSleeper, Webhook};
    let token = format!("feishu-signed.{}", unique("retry"));
    let ms = 1_795_000_000_000i64;
    let hook = Webhook {
        platform: Platform::Feishu,
        url: format!(
            "{}/now/{ms}/open-apis/bot/v2/hook/{token}",
            env("LIAISON_TEST_CHAT")
        ),
        secret_env: Some("LIAISON_TEST_FEISHU_SECRET_RETRY".into()),
        departments: vec![],
        people: vec![],
    };
    // SAFETY: the only test of this binary reading this variable.
    unsafe { std::env::set_var("LIAISON_TEST_FEISHU_SECRET_RETRY", "feishu-test-secret") };
    chat_control(
        "POST",
        &format!("/_fail?status=429&count=1&token={token}&retry_after=7"),
    );
    chat_control("POST", &format!("/_fail?status=503&count=1&token={token}"));
    let mut c = ChatClient::with_sleeper(ChatConfig::default(), RecordingSleeper::default());
    c.post(
        &hook,
        &["fanzhiyuan".into()],
        "进度同步：请于12月3日17:00前回复。",
        ms,
    )
    .unwrap();
    assert_eq!(
        c.sleeper().waits,
        vec![Duration::from_secs(7), Duration::from_secs(2)]
    );
    let got = chat_control("GET", &format!("/_received?token={token}"));
    let reqs = got["requests"].as_array().unwrap();
    assert_eq!(reqs.len(), 3, "{got}");
    assert_eq!(reqs[2]["outcome"], "accepted", "{got}");
    assert_eq!(reqs[2]["signed"], true);
    assert_eq!(
        reqs[2]["mentions"]["user_ids"],
        serde_json::json!(["fanzhiyuan"])
    );
    // A refusal that is not temporary is not retried.
    let mut bad = hook.clone();
    unsafe { std::env::set_var("LIAISON_TEST_FEISHU_SECRET_RETRY", "wrong-secret") };
    bad.url = bad.url.replace(&token, &format!("{token}x"));
    let e = c.post(&bad, &[], "x", ms).unwrap_err().to_string();
    assert!(e.contains("after 1 attempt"), "{e}");
}

// --- Drafting and injection ------------------------------------------------------------------

/// `liaison draft` prints each action kind, lint-clean, in both languages; a subject that
/// decodes to a line break cannot smuggle a header into the drafted mail.
#[test]
fn draft_command_and_injection() {
    let w = World::new("draftcmd", Backend::Sqlite, false, 1, "");
    let (_, raw) = w.opening(1, &w.them);
    std::fs::write(w.path("open.eml"), &raw).unwrap();
    assert!(
        w.run_at(
            "2026-12-01T09:30:00+08:00",
            &["ingest", w.path("open.eml").to_str().unwrap()]
        )
        .status
        .success()
    );
    let l = json(&w.run_at("2026-12-02T10:00:00+08:00", &["list", "--format", "json"]));
    let id = l["collaborations"][0]["id"].as_str().unwrap().to_string();
    for action in ["nudge", "sync", "escalate", "confirm", "retro"] {
        for lang in ["zh", "en"] {
            let out = w.path(&format!("{action}-{lang}.eml"));
            let o = w
                .cmd("2026-12-02T10:00:00+08:00")
                .env("LIAISON_LANG", lang)
                .args([
                    "draft",
                    action,
                    &id[..8],
                    "--format",
                    "eml",
                    "--out",
                    out.to_str().unwrap(),
                ])
                .output()
                .unwrap();
            assert!(o.status.success(), "{action} {lang}: {}", stderr(&o));
            let o = w.run_at(
                "2026-12-02T10:00:00+08:00",
                &["lint", "--format", "json", out.to_str().unwrap()],
            );
            let v = json(&o);
            assert_eq!(v["summary"]["errors"], 0, "{action} {lang}: {v}");
        }
    }
    let esc = liaison_mail::Message::parse(&std::fs::read(w.path("escalate-zh.eml")).unwrap());
    assert_eq!(
        esc.cc,
        ["boss-p@example.com", "boss-m@example.com"],
        "both superiors cc'd"
    );

    // Injection: a subject decoding to "…\r\nBcc: evil@example.com".
    let w2 = World::new("inject", Backend::Sqlite, false, 1, "");
    let (_, raw) = w2.opening(2, &w2.them);
    let bad = String::from_utf8(raw).unwrap().replace(
        &format!("=?UTF-8?B?{}?=", b64("【需求对接】调研2-市场部-一般")),
        &format!(
            "=?UTF-8?B?{}?=",
            b64("【需求对接】调研2\r\nBcc: evil@example.com-市场部-一般")
        ),
    );
    std::fs::write(w2.path("bad.eml"), bad).unwrap();
    assert!(
        w2.run_at(
            "2026-12-01T09:30:00+08:00",
            &["ingest", w2.path("bad.eml").to_str().unwrap()]
        )
        .status
        .success()
    );
    let l = json(&w2.run_at("2026-12-02T10:00:00+08:00", &["list", "--format", "json"]));
    let id = l["collaborations"][0]["id"]
        .as_str()
        .expect("the mail opens a collaboration");
    {
        let o = w2.run_at(
            "2026-12-02T10:00:00+08:00",
            &["draft", "nudge", id, "--format", "eml"],
        );
        let text = stdout(&o);
        assert!(
            !text
                .lines()
                .any(|l| l.to_ascii_lowercase().starts_with("bcc:")),
            "no smuggled header: {text}"
        );
        // And the runner never sends to the smuggled address.
        w2.pass("2026-12-02T10:00:00+08:00");
        assert!(inbox_with("evil@example.com", "liaison-", 0).is_empty());
    }
}

/// `liaison demo` runs the loop on the local servers when they are there (a nudge and a
/// confirmation sent, seen in the outbox), and says how to start them when they are not.
#[test]
fn demo_runs_the_loop_on_local_servers() {
    env("LIAISON_TEST_SMTP_STARTTLS");
    let t = tempfile::tempdir().unwrap();
    let d = t.path().join("demo");
    let o = Command::new(env!("CARGO_BIN_EXE_liaison"))
        .args(["--lang", "en", "demo", "--dir", d.to_str().unwrap()])
        .env_remove("LIAISON_NOW")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("nudge (queued)") && out.contains("confirm (queued)"),
        "{out}"
    );
    assert!(
        out.contains("<liaison-nudge-") && out.contains("<liaison-confirm-"),
        "{out}"
    );
    let d2 = t.path().join("demo2");
    let mut c = Command::new(env!("CARGO_BIN_EXE_liaison"));
    for (k, _) in std::env::vars().filter(|(k, _)| k.starts_with("LIAISON_TEST_")) {
        c.env_remove(k);
    }
    let o = c
        .args(["--lang", "en", "demo", "--dir", d2.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("scripts/servers/mail.sh start"),
        "{}",
        stdout(&o)
    );
}

// --- The daemon ---------------------------------------------------------------------------

/// A running `liaison run` daemon, its stdout and stderr read line by line as they come.
struct Daemon {
    child: std::process::Child,
    out: std::sync::mpsc::Receiver<String>,
    err: std::sync::mpsc::Receiver<String>,
    /// Every stderr line seen so far.
    log: Vec<String>,
}

fn lines<R: Read + Send + 'static>(r: R) -> std::sync::mpsc::Receiver<String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for l in std::io::BufReader::new(r).lines() {
            let Ok(l) = l else { break };
            if tx.send(l).is_err() {
                break;
            }
        }
    });
    rx
}

impl Daemon {
    fn start(mut c: Command) -> Daemon {
        let mut child = c
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let out = lines(child.stdout.take().unwrap());
        let err = lines(child.stderr.take().unwrap());
        Daemon {
            child,
            out,
            err,
            log: Vec::new(),
        }
    }

    /// Waits (bounded) for a stderr line containing every one of `needles`.
    fn logged(&mut self, needles: &[&str]) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.err.recv_timeout(left) {
                Ok(l) => {
                    self.log.push(l.clone());
                    if needles.iter().all(|n| l.contains(n)) {
                        return l;
                    }
                }
                Err(_) => panic!("no log line with {needles:?}:\n{}", self.log.join("\n")),
            }
        }
    }

    /// Waits (bounded) for a pass report on stdout that `ok` accepts.
    fn report(&mut self, ok: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.out.recv_timeout(left) {
                Ok(l) => {
                    let v: Value = serde_json::from_str(&l).unwrap_or_else(|e| panic!("{e}: {l}"));
                    if ok(&v) {
                        return v;
                    }
                }
                Err(_) => {
                    while let Ok(l) = self.err.try_recv() {
                        self.log.push(l);
                    }
                    panic!("no such pass report; log:\n{}", self.log.join("\n"))
                }
            }
        }
    }

    /// SIGTERM, then the exit status and the whole log.
    fn stop(mut self) -> (std::process::ExitStatus, String) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let status = self.child.wait().unwrap();
        while let Ok(l) = self.err.recv_timeout(Duration::from_secs(10)) {
            self.log.push(l);
        }
        (status, self.log.join("\n"))
    }
}

/// The messages a pass report says it read from the inbox.
fn inbox_fetched(r: &Value) -> u64 {
    r["fetched"]["folders"]
        .as_array()
        .map(|v| {
            v.iter()
                .filter(|f| f["role"] == "inbox")
                .map(|f| f["fetched"].as_u64().unwrap_or(0))
                .sum()
        })
        .unwrap_or(0)
}

/// A reply from `them` to the opening mail `open_mid`, with Message-ID `mid`.
fn reply(w: &World, open_mid: &str, mid: &str) -> Vec<u8> {
    format!(
        "From: <{them}>\r\nTo: <{us}>\r\nSubject: =?UTF-8?B?{subj}?=\r\nDate: Tue, 01 Dec 2026 10:30:00 +0800\r\nMessage-ID: <{mid}>\r\nIn-Reply-To: <{open_mid}>\r\nReferences: <{open_mid}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n王经理，您好：\r\n\r\n收到，12月3日17:00前提供。\r\n\r\n张伟\r\n",
        them = w.them,
        us = w.us,
        subj = b64("回复：【需求对接】调研1-市场部-一般"),
    )
    .into_bytes()
}

/// The daemon sleeps with IMAP IDLE (Dovecot offers it): a reply delivered through Postfix
/// while it waits is fetched and applied at once, although the next poll is an hour away;
/// the clock starts at `--now`; SIGTERM ends the wait and the daemon cleanly.
#[test]
fn daemon_idles_and_ingests_new_mail_at_once() {
    let w = World::new("idle", Backend::Sqlite, true, 1, "");
    let (open_mid, raw) = w.opening(1, &w.them);
    std::fs::write(w.path("open.eml"), &raw).unwrap();
    let o = w.run_at(
        "2026-12-01T09:00:00+08:00",
        &["send", w.path("open.eml").to_str().unwrap()],
    );
    assert!(o.status.success(), "send: {}\n{}", stdout(&o), stderr(&o));
    let mut c = w.cmd("2026-12-01T10:00:00+08:00");
    c.args(["run", "--poll", "3600", "--format", "json", "-v"]);
    let mut d = Daemon::start(c);
    let started = d.logged(&["liaison::run: started"]);
    assert!(
        started.contains("imap=\"idle\"") && started.contains("now=2026-12-01T10:00:0"),
        "{started}"
    );
    // The first pass, then the wait: IDLE on the inbox.
    d.logged(&["waiting for new mail", "mode=\"idle\""]);
    let mid = format!("idle-reply.{}@sandbox.test", w.tag);
    deliver(&w.them, &w.us, &reply(&w, &open_mid, &mid));
    let r = d.report(|r| inbox_fetched(r) >= 1);
    assert!(r["working_time"].as_bool().unwrap(), "{r}");
    d.logged(&["liaison::run: new mail"]);
    // Back to waiting, then stopped by SIGTERM in the middle of the IDLE.
    d.logged(&["waiting for new mail"]);
    let (status, log) = d.stop();
    assert!(status.success(), "{status:?}\n{log}");
    assert!(log.trim_end().ends_with("liaison::run: stopped"), "{log}");
    assert!(
        log.contains("liaison::fetch: fetched") && log.contains("folder=INBOX"),
        "structured fetch log: {log}"
    );
    let kinds: Vec<String> = w
        .events("2026-12-01T11:00:00+08:00")
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        kinds[..2],
        ["sent", "replied"],
        "the reply was applied: {kinds:?}"
    );
}

/// `[imap] idle = false`: the daemon polls the inbox every `--poll` seconds instead, and
/// the reply is read at a poll.
#[test]
fn daemon_polls_when_idle_is_off() {
    let w = World::new("poll", Backend::Sqlite, true, 1, "");
    let cfg = std::fs::read_to_string(w.path("liaison.toml")).unwrap();
    std::fs::write(
        w.path("liaison.toml"),
        cfg.replace("[imap]\n", "[imap]\nidle = false\n"),
    )
    .unwrap();
    let (open_mid, raw) = w.opening(1, &w.them);
    std::fs::write(w.path("open.eml"), &raw).unwrap();
    let o = w.run_at(
        "2026-12-01T09:00:00+08:00",
        &["send", w.path("open.eml").to_str().unwrap()],
    );
    assert!(o.status.success(), "send: {}\n{}", stdout(&o), stderr(&o));
    let mut c = w.cmd("2026-12-01T10:00:00+08:00");
    c.args(["run", "--poll", "1", "--format", "json", "-v"]);
    let mut d = Daemon::start(c);
    assert!(
        d.logged(&["liaison::run: started"])
            .contains("imap=\"poll\"")
    );
    d.logged(&["liaison::run: waiting", "mode=\"poll\""]);
    let mid = format!("poll-reply.{}@sandbox.test", w.tag);
    deliver(&w.them, &w.us, &reply(&w, &open_mid, &mid));
    d.report(|r| inbox_fetched(r) >= 1);
    let (status, log) = d.stop();
    assert!(status.success(), "{status:?}\n{log}");
    assert!(!log.contains("mode=\"idle\""), "{log}");
}

/// The daemon stops cleanly on SIGTERM without any server configured: exit 0, the last log
/// line says so; the structured log goes to stderr and nothing but reports to stdout.
#[test]
fn daemon_stops_on_sigterm() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(
        t.path().join("liaison.toml"),
        "[identity]\naddresses = [\"us@example.com\"]\n",
    )
    .unwrap();
    let db = t.path().join("liaison.db");
    let mut c = Command::new(env!("CARGO_BIN_EXE_liaison"));
    c.current_dir(t.path())
        .env_remove("LIAISON_NOW")
        .env_remove("LIAISON_DATABASE_URL")
        .env_remove("LIAISON_LOG")
        .env_remove("RUST_LOG")
        .env("LIAISON_LANG", "en")
        .arg("--db")
        .arg(&db)
        .args(["run", "--poll", "3600", "--format", "json"]);
    let mut d = Daemon::start(c);
    let started = d.logged(&["liaison::run: started"]);
    assert!(
        started.contains(" INFO ") && started.contains("imap=\"none\""),
        "{started}"
    );
    // The first pass's report on stdout: nothing to do.
    let r = d.report(|_| true);
    assert!(r["acted"].as_array().unwrap().is_empty(), "{r}");
    let (status, log) = d.stop();
    assert!(status.success(), "{status:?} {log}");
    assert!(log.trim_end().ends_with("liaison::run: stopped"), "{log}");
    assert!(!log.contains("DEBUG"), "info by default: {log}");
}
