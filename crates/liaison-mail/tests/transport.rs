//! The SMTP and IMAP clients against real servers: Postfix delivering into Dovecot, and the
//! fault-injecting SMTP server (scripts/test starts them and exports their addresses; by
//! hand see scripts/servers/README.md). What arrived is counted in the recipients' Maildirs
//! on disk, not through the client under test.

use liaison_mail::transport::{
    Disposition, ImapClient, ImapConfig, Security, Server, SmtpClient, SmtpConfig, SmtpError,
    SpecialUse, Stage,
};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: run scripts/test, or start the servers by hand and eval their env \
             (scripts/servers/mail.sh start; eval \"$(scripts/servers/mail.sh env)\"; the same for \
             fault_smtp.py; see scripts/servers/README.md)"
        )
    })
}

fn host_port(var: &str) -> (String, u16) {
    let v = env(var);
    let (h, p) = v.rsplit_once(':').expect("HOST:PORT");
    (h.to_string(), p.parse().expect("port"))
}

/// A fresh sandbox address for this test (tests run in parallel; mailboxes persist).
fn sandbox(tag: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!(
        "mt-{tag}-{}-{nanos}@{}",
        std::process::id(),
        env("LIAISON_TEST_MAIL_SANDBOX_DOMAIN")
    )
}

fn smtp_server(var: &str, security: Security, user: Option<&str>, pass: &str) -> Server {
    let (host, port) = host_port(var);
    // SAFETY: tests set only variables private to one test, before any thread reads them.
    let var_name = format!("LIAISON_TEST_PW_{}", port);
    unsafe { std::env::set_var(&var_name, pass) };
    SmtpConfig {
        host,
        port: Some(port),
        security: Some(security),
        username: user.map(str::to_string),
        password_env: user.map(|_| var_name.clone()),
        ca_file: Some(PathBuf::from(env("LIAISON_TEST_MAIL_CA"))),
        timeout: Some(10.0),
        ..SmtpConfig::default()
    }
    .resolve(Path::new("/"))
    .unwrap()
}

fn imap_server(var: &str, security: Security, user: &str, pass: &str) -> Server {
    let (host, port) = host_port(var);
    let cmd = format!("printf '%s' '{pass}'");
    ImapConfig {
        host,
        port: Some(port),
        security: Some(security),
        username: Some(user.to_string()),
        password_command: Some(cmd),
        ca_file: Some(PathBuf::from(env("LIAISON_TEST_MAIL_CA"))),
        timeout: Some(10.0),
        ..ImapConfig::default()
    }
    .resolve(Path::new("/"))
    .unwrap()
}

fn message(from: &str, to: &str, mid: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: transport test\r\nDate: Tue, 01 Dec 2026 09:00:00 +0800\r\nMessage-ID: <{mid}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhello\r\n.leading dot\r\n"
    )
    .into_bytes()
}

/// The Maildir of a delivered address (plus tags stripped, as Dovecot delivers).
fn maildir(addr: &str, folder: Option<&str>) -> PathBuf {
    let (local, domain) = addr.split_once('@').unwrap();
    let local = local.split('+').next().unwrap().to_lowercase();
    let base = Path::new(&env("LIAISON_TEST_MAIL_DIR"))
        .join("mail")
        .join(domain.to_lowercase())
        .join(local)
        .join("Maildir");
    match folder {
        Some(f) => base.join(format!(".{f}")),
        None => base,
    }
}

/// Messages in a Maildir folder carrying this Message-ID.
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

/// True while Postfix still holds a message for `rcpt` in its queue.
fn queued_for(rcpt: &str) -> bool {
    let spool = Path::new(&env("LIAISON_TEST_MAIL_DIR")).join("spool");
    let needle = rcpt.as_bytes();
    ["maildrop", "incoming", "active", "deferred", "hold"]
        .iter()
        .flat_map(|q| walk(&spool.join(q)))
        .filter_map(|p| std::fs::read(p).ok())
        .any(|b| {
            b.windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle))
        })
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// Waits (bounded polling: delivery into Dovecot is asynchronous) until Postfix has
/// delivered everything for `rcpt`, then counts the copies of `mid` in its INBOX.
fn delivered(rcpt: &str, mid: &str, at_least: usize) -> usize {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let n = count_in(&maildir(rcpt, None), mid);
        if (n >= at_least && !queued_for(rcpt)) || Instant::now() > deadline {
            return n;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn no_hook() -> impl FnMut() -> Result<(), String> {
    || Ok(())
}

#[test]
fn sends_through_postfix_plain_starttls_and_tls() {
    let to = sandbox("send");
    let from = "wanglei@example.com";
    let cases = [
        ("LIAISON_TEST_SMTP", Security::None, None),
        (
            "LIAISON_TEST_SMTP_STARTTLS",
            Security::Starttls,
            Some("wanglei@example.com"),
        ),
        (
            "LIAISON_TEST_SMTP_TLS",
            Security::Tls,
            Some("wanglei@example.com"),
        ),
    ];
    let mut mids = Vec::new();
    for (i, (var, sec, user)) in cases.iter().enumerate() {
        let mut c = SmtpClient::new(
            smtp_server(var, *sec, *user, "wanglei-pass"),
            "liaison.test",
        );
        // Two messages on one connection, the second reusing it.
        for k in 0..2 {
            let mid = format!("t{i}-{k}.{}@liaison.test", std::process::id());
            let mut hooked = false;
            let ok = c
                .send(
                    from,
                    std::slice::from_ref(&to),
                    &message(from, &to, &mid),
                    &mut || {
                        hooked = true;
                        Ok(())
                    },
                )
                .unwrap_or_else(|e| panic!("{var}: {e}"));
            assert!(hooked, "the hook runs before the content");
            assert!(ok.reply.starts_with("250"), "{}", ok.reply);
            mids.push(mid);
        }
        c.quit();
    }
    for mid in &mids {
        assert_eq!(delivered(&to, mid, 1), 1, "{mid} delivered exactly once");
    }
    // The content arrives as sent: the dot-stuffed line restored, nothing added at the end.
    let dir = maildir(&to, None);
    let file = ["new", "cur"]
        .iter()
        .filter_map(|d| std::fs::read_dir(dir.join(d)).ok())
        .flatten()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .find(|t| t.contains(&mids[0]))
        .unwrap();
    let body = file.replace("\r\n", "\n");
    assert!(body.ends_with("\nhello\n.leading dot\n"), "{body}");
}

#[test]
fn wrong_password_tls_failure_and_down_server_are_named() {
    let to = sandbox("bad");
    let from = "wanglei@example.com";
    let msg = message(from, &to, "bad@liaison.test");

    let mut c = SmtpClient::new(
        smtp_server(
            "LIAISON_TEST_SMTP_TLS",
            Security::Tls,
            Some("wanglei@example.com"),
            "wrong",
        ),
        "liaison.test",
    );
    let e = c
        .send(from, std::slice::from_ref(&to), &msg, &mut no_hook())
        .unwrap_err();
    assert!(matches!(e, SmtpError::Auth { .. }), "{e:?}");
    let text = e.to_string();
    assert!(text.contains(&env("LIAISON_TEST_SMTP_TLS")), "{text}");
    assert!(text.contains("password_env"), "{text}");
    assert_eq!(e.disposition(), Disposition::Retry);

    // The test CA not trusted: a TLS error that says what to set.
    let mut s = smtp_server(
        "LIAISON_TEST_SMTP_TLS",
        Security::Tls,
        Some("wanglei@example.com"),
        "wanglei-pass",
    );
    s.ca_file = None;
    let e = SmtpClient::new(s, "liaison.test")
        .send(from, std::slice::from_ref(&to), &msg, &mut no_hook())
        .unwrap_err();
    assert!(matches!(e, SmtpError::Tls { .. }), "{e:?}");
    assert!(e.to_string().contains("ca_file"), "{e}");

    // Nothing listens on port 1.
    let mut s = smtp_server("LIAISON_TEST_SMTP", Security::None, None, "");
    s.port = 1;
    let e = SmtpClient::new(s, "liaison.test")
        .send(from, std::slice::from_ref(&to), &msg, &mut no_hook())
        .unwrap_err();
    assert!(matches!(e, SmtpError::Unreachable { .. }), "{e:?}");
    assert!(e.to_string().contains("127.0.0.1:1"), "{e}");
    assert!(e.is_connection_level());

    // Postfix refuses relaying: 5xx, refused for good.
    let mut c = SmtpClient::new(
        smtp_server("LIAISON_TEST_SMTP", Security::None, None, ""),
        "liaison.test",
    );
    let e = c
        .send(
            from,
            &["someone@elsewhere.invalid".into()],
            &msg,
            &mut no_hook(),
        )
        .unwrap_err();
    assert!(
        matches!(
            e,
            SmtpError::Rejected {
                stage: Stage::Rcpt,
                code: 554,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(e.disposition(), Disposition::Fail);
    assert_eq!(delivered(&to, "bad@liaison.test", 0), 0);
}

#[test]
fn envelope_injection_is_refused_before_connecting() {
    let mut s = smtp_server("LIAISON_TEST_SMTP", Security::None, None, "");
    s.port = 1; // would fail to connect: the refusal must come first
    let mut c = SmtpClient::new(s, "liaison.test");
    let e = c
        .send(
            "wanglei@example.com",
            &["x@example.com>\r\nRCPT TO:<y@example.com".into()],
            b"Subject: x\r\n\r\nx\r\n",
            &mut no_hook(),
        )
        .unwrap_err();
    assert!(matches!(e, SmtpError::Address { .. }), "{e:?}");
    assert!(e.to_string().contains("injection"), "{e}");
}

/// Each fault of the fault server, chosen by the recipient address, and what it means.
#[test]
fn faults_are_classified() {
    let (host, port) = host_port("LIAISON_TEST_FAULT_SMTP");
    let server = SmtpConfig {
        host,
        port: Some(port),
        security: Some(Security::None),
        timeout: Some(1.0),
        ..SmtpConfig::default()
    }
    .resolve(Path::new("/"))
    .unwrap();
    let tag = format!("{}x{}", std::process::id(), line!());
    let cases: [(&str, Stage, Option<u16>, Disposition, bool); 7] = [
        (
            "451-data",
            Stage::Message,
            Some(451),
            Disposition::Retry,
            true,
        ),
        (
            "554-data",
            Stage::Message,
            Some(554),
            Disposition::Fail,
            true,
        ),
        (
            "451-mail",
            Stage::Mail,
            Some(451),
            Disposition::Retry,
            false,
        ),
        ("550-rcpt", Stage::Rcpt, Some(550), Disposition::Fail, false),
        (
            "drop-after-data",
            Stage::Message,
            None,
            Disposition::Uncertain,
            true,
        ),
        (
            "hang-data",
            Stage::Message,
            None,
            Disposition::Uncertain,
            true,
        ),
        ("hang-rcpt", Stage::Rcpt, None, Disposition::Retry, false),
    ];
    for (mode, stage, code, disposition, content_sent) in cases {
        let mut c = SmtpClient::new(server.clone(), "liaison.test");
        let fault = format!("fault-{mode}+{tag}@example.com");
        // A mail-stage fault is chosen by the sender, the others by the recipient.
        let (from, rcpt) = if mode.ends_with("-mail") {
            (fault, format!("ok+{tag}@example.com"))
        } else {
            ("wanglei@example.com".to_string(), fault)
        };
        let mut hooked = false;
        let e = c
            .send(
                &from,
                &[rcpt],
                &message("wanglei@example.com", "x@example.com", "f@x"),
                &mut || {
                    hooked = true;
                    Ok(())
                },
            )
            .unwrap_err();
        assert_eq!(e.disposition(), disposition, "{mode}: {e:?}");
        assert_eq!(hooked, content_sent, "{mode}: hook");
        match (&e, code) {
            (
                SmtpError::Rejected {
                    stage: s, code: c, ..
                },
                Some(want),
            ) => {
                assert_eq!((*s, *c), (stage, want), "{mode}")
            }
            (SmtpError::Timeout { stage: s, .. } | SmtpError::Dropped { stage: s, .. }, None) => {
                assert_eq!(*s, stage, "{mode}")
            }
            _ => panic!("{mode}: unexpected {e:?}"),
        }
        assert!(
            e.to_string().contains(&env("LIAISON_TEST_FAULT_SMTP")),
            "{e}"
        );
    }
    // A failing hook stops the transaction before any content leaves.
    let mut c = SmtpClient::new(server, "liaison.test");
    let e = c
        .send(
            "wanglei@example.com",
            &[format!("nobody+{tag}@example.com")],
            b"Subject: x\r\n\r\nx\r\n",
            &mut || Err("store is gone".into()),
        )
        .unwrap_err();
    assert!(matches!(e, SmtpError::Hook(_)), "{e:?}");
}

#[test]
fn imap_append_search_fetch_and_special_use() {
    let user = sandbox("imap");
    let pass = env("LIAISON_TEST_MAIL_SANDBOX_PASSWORD");
    for (var, sec) in [
        ("LIAISON_TEST_IMAPS", Security::Tls),
        ("LIAISON_TEST_IMAP", Security::Starttls),
        ("LIAISON_TEST_IMAP", Security::None),
    ] {
        let mut c = ImapClient::new(imap_server(var, sec, &user, &pass));
        c.check().unwrap_or_else(|e| panic!("{var} {sec:?}: {e}"));
        assert_eq!(
            c.special_folder(SpecialUse::Sent).unwrap().as_deref(),
            Some("Sent")
        );
        assert_eq!(
            c.special_folder(SpecialUse::Drafts).unwrap().as_deref(),
            Some("Drafts")
        );
    }
    let mut c = ImapClient::new(imap_server(
        "LIAISON_TEST_IMAPS",
        Security::Tls,
        &user,
        &pass,
    ));
    let sent = c
        .resolve_folder(None, Some(SpecialUse::Sent), "Sent")
        .unwrap();
    let before = c.examine(&sent).unwrap();
    let mut uids = Vec::new();
    for i in 0..3 {
        let m = message(&user, "x@example.com", &format!("ap{i}@liaison.test"));
        uids.push(c.append(&sent, &m, false, None).unwrap());
    }
    assert_eq!(c.count_message_id(&sent, "ap1@liaison.test").unwrap(), 1);
    assert_eq!(c.count_message_id(&sent, "nope@liaison.test").unwrap(), 0);
    let st = c.examine(&sent).unwrap();
    assert_eq!(st.uid_validity, before.uid_validity);
    assert_eq!(st.exists, before.exists + 3);
    let after = c.uids_after(0).unwrap();
    assert_eq!(after.len(), 3);
    if uids.iter().all(Option::is_some) {
        assert_eq!(after, uids.iter().map(|u| u.unwrap()).collect::<Vec<_>>());
    }
    assert_eq!(c.uids_after(after[1]).unwrap(), vec![after[2]]);
    assert!(
        c.uids_after(after[2]).unwrap().is_empty(),
        "N:* must not return the last below N"
    );
    let got = c.fetch(&after[..2]).unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[0].1,
        message(&user, "x@example.com", "ap0@liaison.test")
    );
    // Fetching marked nothing read (BODY.PEEK), and the file is on disk in .Sent.
    assert_eq!(
        count_in(&maildir(&user, Some("Sent")), "ap2@liaison.test"),
        1
    );

    // A Chinese folder name round-trips through modified UTF-7.
    c.create_folder("工作").unwrap();
    assert!(c.folders().unwrap().iter().any(|f| f == "工作"));
    assert!(c.resolve_folder(Some("工作"), None, "INBOX").is_ok());
    let e = c.resolve_folder(Some("不存在"), None, "INBOX").unwrap_err();
    assert!(e.to_string().contains("[imap] inbox"), "{e}");
    c.delete_folder("工作").unwrap();

    let mut bad = ImapClient::new(imap_server(
        "LIAISON_TEST_IMAPS",
        Security::Tls,
        &user,
        "wrong",
    ));
    let e = bad.check().unwrap_err();
    assert!(
        matches!(e, liaison_mail::transport::ImapError::Auth { .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains(&env("LIAISON_TEST_IMAPS")), "{e}");
    let mut s = imap_server("LIAISON_TEST_IMAPS", Security::Tls, &user, &pass);
    s.ca_file = None;
    let e = ImapClient::new(s).check().unwrap_err();
    assert!(
        matches!(e, liaison_mail::transport::ImapError::Tls { .. }),
        "{e:?}"
    );
    let mut s = imap_server("LIAISON_TEST_IMAPS", Security::Tls, &user, &pass);
    s.port = 1;
    let e = ImapClient::new(s).check().unwrap_err();
    assert!(
        matches!(e, liaison_mail::transport::ImapError::Unreachable { .. }),
        "{e:?}"
    );
}

/// IDLE (RFC 2177) on Dovecot, over TLS and plain loopback: a wait with no mail ends at its
/// deadline, re-issuing IDLE at the refresh interval; a mail delivered through Postfix
/// wakes a wait whose deadline is two minutes away, and the connection then serves commands
/// (DONE was sent); the interrupt ends a wait between read slices.
#[test]
fn idle_wakes_on_new_mail_refreshes_and_is_interrupted() {
    use liaison_mail::transport::{IDLE_REFRESH, IdleOutcome};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let user = sandbox("idle");
    let pass = env("LIAISON_TEST_MAIL_SANDBOX_PASSWORD");
    for (var, sec) in [
        ("LIAISON_TEST_IMAPS", Security::Tls),
        ("LIAISON_TEST_IMAP", Security::None),
    ] {
        let mut c = ImapClient::new(imap_server(var, sec, &user, &pass));
        assert!(c.can_idle().unwrap(), "Dovecot offers IDLE");
        // Nothing watched yet: refused, not hung.
        assert!(c.idle(Instant::now() + Duration::from_secs(60)).is_err());
        c.watch("INBOX").unwrap();
        c.set_idle_refresh(Duration::from_millis(50));
        let r = c.idle(Instant::now() + Duration::from_millis(400)).unwrap();
        assert_eq!(r.outcome, IdleOutcome::TimedOut, "{var}");
        assert!(r.commands >= 2, "re-issued at the refresh interval: {r:?}");

        c.set_idle_refresh(IDLE_REFRESH);
        let mid = format!("idle.{}@liaison.test", var.to_lowercase());
        let (to, m) = (user.clone(), message("a@example.com", &user, &mid));
        let t = std::thread::spawn(move || {
            let mut s = SmtpClient::new(
                smtp_server("LIAISON_TEST_SMTP", Security::None, None, ""),
                "sandbox.test",
            );
            s.send("a@example.com", &[to], &m, &mut no_hook()).unwrap();
        });
        let r = c.idle(Instant::now() + Duration::from_secs(120)).unwrap();
        t.join().unwrap();
        assert_eq!(r.outcome, IdleOutcome::NewMail, "{var}: {r:?}");
        assert_eq!(r.commands, 1);
        assert_eq!(delivered(&user, &mid, 1), 1);
        assert_eq!(c.count_message_id("INBOX", &mid).unwrap(), 1, "{var}");
    }

    // The interrupt is asked at the start and between read slices: the fourth question
    // says stop, in the middle of a wait whose deadline is two minutes away.
    let asked = Arc::new(AtomicUsize::new(0));
    let a = asked.clone();
    let mut c = ImapClient::new(imap_server(
        "LIAISON_TEST_IMAPS",
        Security::Tls,
        &user,
        &pass,
    ));
    c.set_interrupt(Arc::new(move || a.fetch_add(1, Ordering::SeqCst) >= 3));
    c.watch("INBOX").unwrap();
    let r = c.idle(Instant::now() + Duration::from_secs(120)).unwrap();
    assert_eq!(r.outcome, IdleOutcome::Interrupted, "{r:?}");
    assert_eq!(r.commands, 1, "stopped inside the first IDLE");
    assert!(asked.load(Ordering::SeqCst) >= 4);
    // DONE was sent: the connection still answers.
    assert!(c.examine("INBOX").is_ok());
}
