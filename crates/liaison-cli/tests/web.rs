//! `liaison serve` (issue 13): the server is started on a free port over a store seeded
//! with the demo's mails (one per kind, attachments included) plus one mail whose subject is
//! a script tag. Security checks each fail without their protection; the browser test
//! drives Debian's Chromium with playwright-core (scripts/browser/web.mjs).

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const NOW: &str = "2026-12-02T10:00:00+08:00";
const MEMBER: (&str, &str) = ("wanglei", "member-pass-1");
const VIEWER: (&str, &str) = ("guest", "viewer-pass-1");

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_liaison")
}

fn liaison(dir: &Path, args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .current_dir(dir)
        .env_remove("LIAISON_DATABASE_URL")
        .env_remove("LIAISON_CONFIG")
        .env_remove("LIAISON_NOW")
        .env("LIAISON_DB", dir.join("web.db"))
        .env("LIAISON_LANG", "zh")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const XSS_MAIL: &str = "From: =?UTF-8?B?546L56OK?= <wanglei@example.com>\r
To: zhangwei@example.com\r
Subject: =?UTF-8?B?44CQ6ZyA5rGC5a+55o6l44CRPHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pua1i+ivlS3luILlnLrpg6gt57Sn5oCl?=\r
Date: Mon, 30 Nov 2026 11:00:00 +0800\r
Message-ID: <xss-web-test@example.com>\r
MIME-Version: 1.0\r
Content-Type: text/plain; charset=utf-8\r
Content-Transfer-Encoding: 8bit\r
\r
张经理，您好！\r
";

/// A folder with the demo's configuration, directory and mails ingested into web.db,
/// plus the XSS mail.
fn seeded() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let demo = tmp.path().join("demo");
    let (code, _, err) = liaison(tmp.path(), &["demo", "--dir", demo.to_str().unwrap()], None);
    assert_eq!(code, 0, "liaison demo: {err}");
    std::fs::write(demo.join("mails/xss.eml"), XSS_MAIL).unwrap();
    let (code, _, err) = liaison(&demo, &["ingest", "mails"], None);
    assert_eq!(code, 0, "liaison ingest: {err}");
    tmp
}

fn demo(tmp: &tempfile::TempDir) -> PathBuf {
    tmp.path().join("demo")
}

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `liaison serve --listen 127.0.0.1:0` and reads the bound address from stderr.
fn serve(dir: &Path, extra: &[&str]) -> Server {
    let mut child = Command::new(bin())
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(extra)
        .current_dir(dir)
        .env_remove("LIAISON_DATABASE_URL")
        .env_remove("LIAISON_CONFIG")
        .env_remove("LIAISON_NOW")
        .env("LIAISON_DB", dir.join("web.db"))
        .env("LIAISON_LANG", "zh")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    let addr = loop {
        line.clear();
        assert!(
            err.read_line(&mut line).unwrap() > 0,
            "serve exited before listening"
        );
        if let Some(i) = line.find("http://") {
            break line[i + 7..].trim().to_string();
        }
    };
    // Keep draining the request log so the server never blocks on a full pipe.
    std::thread::spawn(move || {
        let mut sink = String::new();
        while err.read_line(&mut sink).unwrap_or(0) > 0 {
            sink.clear();
        }
    });
    Server { child, addr }
}

struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn cookies(&self) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
            .filter_map(|(_, v)| v.split(';').next().map(str::to_string))
            .collect()
    }
}

/// One HTTP/1.1 request (Connection: close), enough for these checks.
fn http(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Resp {
    let mut s = TcpStream::connect(addr).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if method == "POST" {
        req.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
        req.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked {
        dechunk(rest)
    } else {
        rest.to_string()
    };
    Resp {
        status,
        headers,
        body,
    }
}

fn dechunk(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if n == 0 || after.len() < n {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].trim_start_matches("\r\n");
    }
    out
}

fn form_value(html: &str, name: &str) -> Option<String> {
    let key = format!("name=\"{name}\" value=\"");
    let i = html.find(&key)? + key.len();
    Some(html[i..].split('"').next()?.to_string())
}

/// Logs in; the session cookie ("liaison_session=…").
fn login(addr: &str, user: &str, pw: &str) -> String {
    let page = http(addr, "GET", "/login", &[], "");
    assert_eq!(page.status, 200);
    let csrf = form_value(&page.body, "csrf_token").expect("csrf_token in the login form");
    let cookie = page.cookies().join("; ");
    let r = http(
        addr,
        "POST",
        "/login",
        &[("Cookie", &cookie)],
        &format!("username={user}&password={pw}&csrf_token={csrf}"),
    );
    assert_eq!(r.status, 303, "login of {user}: {}", r.body);
    r.cookies()
        .into_iter()
        .find(|c| c.starts_with("liaison_session="))
        .expect("session cookie")
}

fn collab_id(dir: &Path, kind_tag: &str) -> String {
    let (code, out, err) = liaison(dir, &["list", "--format", "json"], None);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    v["collaborations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["subject"].as_str().unwrap().contains(kind_tag))
        .unwrap_or_else(|| panic!("no collaboration with {kind_tag}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn events(dir: &Path, id: &str) -> usize {
    let (_, out, _) = liaison(dir, &["show", id, "--format", "json"], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    v["events"].as_array().unwrap().len()
}

fn add_users(dir: &Path) -> String {
    for (user, pw, role) in [
        (MEMBER.0, MEMBER.1, "member"),
        (VIEWER.0, VIEWER.1, "viewer"),
    ] {
        let (code, _, err) = liaison(
            dir,
            &["user", "add", user, "--role", role, "--password-stdin"],
            Some(&format!("{pw}\n")),
        );
        assert_eq!(code, 0, "user add: {err}");
    }
    let (code, token, err) = liaison(dir, &["user", "token", MEMBER.0], None);
    assert_eq!(code, 0, "user token: {err}");
    token.trim().to_string()
}

#[test]
fn non_loopback_listen_without_users_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, _, err) = liaison(tmp.path(), &["serve", "--listen", "0.0.0.0:0"], None);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("liaison user add"), "{err}");
    let (code, _, err) = liaison(tmp.path(), &["serve", "--listen", "nowhere"], None);
    assert_eq!(code, 2);
    assert!(err.contains("unix:/path"), "{err}");
}

#[test]
fn healthz_and_local_user_without_users() {
    let tmp = seeded();
    let dir = demo(&tmp);
    let s = serve(&dir, &[]);
    let r = http(&s.addr, "GET", "/healthz", &[], "");
    assert_eq!((r.status, r.body.as_str()), (200, "ok"));
    // No users: the loopback server serves the local user without a login.
    let r = http(&s.addr, "GET", "/collaborations", &[], "");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Q3新产品用户调研"), "{}", r.body);
    let csp = r.header("content-security-policy").unwrap_or("");
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
}

#[test]
fn security_checks() {
    let tmp = seeded();
    let dir = demo(&tmp);
    let token = add_users(&dir);
    let s = serve(&dir, &[]);
    let request = collab_id(&dir, "【需求对接】Q3");
    let xss = collab_id(&dir, "<script>");

    // With users, pages need a login.
    let r = http(&s.addr, "GET", "/collaborations", &[], "");
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some("/login"));

    // API: 401 without a token or with a wrong one; with one, exactly `liaison list/due --format json`.
    let r = http(&s.addr, "GET", "/api/v1/collaborations", &[], "");
    assert_eq!(r.status, 401);
    let r = http(
        &s.addr,
        "GET",
        "/api/v1/collaborations",
        &[("Authorization", "Bearer lsn_wrong")],
        "",
    );
    assert_eq!(r.status, 401);
    let auth = format!("Bearer {token}");
    let r = http(
        &s.addr,
        "GET",
        &format!("/api/v1/collaborations?now={}", NOW.replace('+', "%2B")),
        &[("Authorization", &auth)],
        "",
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let api: Value = serde_json::from_str(&r.body).unwrap();
    let (_, cli, _) = liaison(&dir, &["--now", NOW, "list", "--format", "json"], None);
    assert_eq!(api, serde_json::from_str::<Value>(&cli).unwrap());
    let r = http(
        &s.addr,
        "GET",
        &format!("/api/v1/due?now={}", NOW.replace('+', "%2B")),
        &[("Authorization", &auth)],
        "",
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let api: Value = serde_json::from_str(&r.body).unwrap();
    let (_, cli, _) = liaison(&dir, &["--now", NOW, "due", "--format", "json"], None);
    assert_eq!(api, serde_json::from_str::<Value>(&cli).unwrap());
    assert!(!api["due"].as_array().unwrap().is_empty());

    let member = login(&s.addr, MEMBER.0, MEMBER.1);
    // XSS: the subject is shown as text, never as markup.
    for path in [
        format!("/collaborations/{xss}"),
        "/collaborations".to_string(),
    ] {
        let r = http(&s.addr, "GET", &path, &[("Cookie", &member)], "");
        assert_eq!(r.status, 200);
        assert!(
            r.body
                .contains("&lt;script&gt;window.__xss=1&lt;&#x2f;script&gt;")
                || r.body
                    .contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"),
            "{path}: subject not escaped"
        );
        assert!(
            !r.body.contains("<script>window.__xss"),
            "{path}: raw script tag in the page"
        );
    }

    // CSRF: a POST without (or with a wrong) csrf_token is refused and changes nothing.
    let before = events(&dir, &request);
    for body in ["mark=delivered", "mark=delivered&csrf_token=0000"] {
        let r = http(
            &s.addr,
            "POST",
            &format!("/collaborations/{request}/mark"),
            &[("Cookie", &member)],
            body,
        );
        assert_eq!(r.status, 403, "{body}");
    }
    assert_eq!(events(&dir, &request), before);
    // The same POST with the session's token is recorded.
    let page = http(
        &s.addr,
        "GET",
        &format!("/collaborations/{request}"),
        &[("Cookie", &member)],
        "",
    );
    let csrf = form_value(&page.body, "csrf_token").unwrap();
    let r = http(
        &s.addr,
        "POST",
        &format!("/collaborations/{request}/mark"),
        &[("Cookie", &member)],
        &format!("mark=delivered&item=1&csrf_token={csrf}"),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(events(&dir, &request), before + 1);

    // A viewer, with a valid token, cannot mark or send.
    let viewer = login(&s.addr, VIEWER.0, VIEWER.1);
    let page = http(
        &s.addr,
        "GET",
        &format!("/collaborations/{request}"),
        &[("Cookie", &viewer)],
        "",
    );
    assert!(
        !page.body.contains("class=\"mark\""),
        "viewer sees the mark form"
    );
    let vcsrf = form_value(&page.body, "csrf_token").unwrap();
    let r = http(
        &s.addr,
        "POST",
        &format!("/collaborations/{request}/mark"),
        &[("Cookie", &viewer)],
        &format!("mark=dropped&csrf_token={vcsrf}"),
    );
    assert_eq!(r.status, 403);
    let r = http(
        &s.addr,
        "POST",
        "/compose/send",
        &[("Cookie", &viewer)],
        &format!("kind=nudge&to=zhangwei%40example.com&csrf_token={vcsrf}"),
    );
    assert_eq!(r.status, 403);
    let r = http(
        &s.addr,
        "POST",
        "/due/send",
        &[("Cookie", &viewer)],
        &format!("collaboration={request}&action=nudge&due_at=x&csrf_token={vcsrf}"),
    );
    assert_eq!(r.status, 403);
    assert_eq!(events(&dir, &request), before + 1);

    // Login rate limiting: the sixth wrong password in a row is refused outright.
    let mut last = 0;
    for _ in 0..6 {
        let p = http(&s.addr, "GET", "/login", &[], "");
        let c = form_value(&p.body, "csrf_token").unwrap();
        let r = http(
            &s.addr,
            "POST",
            "/login",
            &[("Cookie", &p.cookies().join("; "))],
            &format!("username=guest&password=nope&csrf_token={c}"),
        );
        last = r.status;
    }
    assert_eq!(last, 429);

    // Attachments are downloads with a neutral type.
    let page = http(
        &s.addr,
        "GET",
        &format!("/collaborations/{request}"),
        &[("Cookie", &member)],
        "",
    );
    let i = page
        .body
        .find("/messages/")
        .expect("a mail in the timeline");
    let sha: String = page.body[i + 10..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    let r = http(
        &s.addr,
        "GET",
        &format!("/collaborations/{request}/messages/{sha}/attachments/0"),
        &[("Cookie", &member)],
        "",
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/octet-stream"));
    assert!(
        r.header("content-disposition")
            .unwrap_or("")
            .starts_with("attachment;")
    );
    // A message of another collaboration is not served under this one.
    let r = http(
        &s.addr,
        "GET",
        &format!("/collaborations/{xss}/messages/{sha}"),
        &[("Cookie", &member)],
        "",
    );
    assert_eq!(r.status, 404);
}

fn node_modules() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/browser")
}

#[test]
fn browser() {
    let browser_dir = node_modules();
    assert!(
        browser_dir.join("node_modules/playwright-core").is_dir(),
        "scripts/browser/node_modules is missing: run scripts/test (it runs npm ci there and installs chromium, fonts-wqy-microhei, nodejs, npm)"
    );
    assert!(
        Path::new("/usr/bin/chromium").exists(),
        "/usr/bin/chromium is missing: run scripts/test (apt-get install chromium fonts-wqy-microhei)"
    );
    let tmp = seeded();
    let dir = demo(&tmp);
    add_users(&dir);
    let s = serve(&dir, &["--now", NOW]);
    let request = collab_id(&dir, "【需求对接】Q3");
    let xss = collab_id(&dir, "<script>");
    let shots = std::env::var("LIAISON_WEB_SHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| tmp.path().join("shots"));
    std::fs::create_dir_all(&shots).unwrap();
    let (_, before, _) = liaison(&dir, &["outbox", "--format", "json"], None);
    let out = Command::new("node")
        .arg(browser_dir.join("web.mjs"))
        .env("BASE", format!("http://{}", s.addr))
        .env("NOW", NOW)
        .env("MEMBER", format!("{}:{}", MEMBER.0, MEMBER.1))
        .env("VIEWER", format!("{}:{}", VIEWER.0, VIEWER.1))
        .env("COLLAB", &request)
        .env("XSS", &xss)
        .env("SHOTS", &shots)
        .output()
        .expect("node (run scripts/test: it installs nodejs)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "node failed: {}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    let c = &v["checks"];
    assert_eq!(v["errors"], serde_json::json!([]), "{v:#}");
    assert_eq!(c["login_form_has_csrf"], true, "{v:#}");
    let due = c["due_actions"].as_u64().unwrap();
    assert!(due >= 2, "{v:#}");
    assert_eq!(c["due_title_count"], true, "{v:#}");
    assert_eq!(c["due_keyboard"], true, "{v:#}");
    assert_eq!(c["due_after_send"].as_u64().unwrap(), due - 1, "{v:#}");
    for k in [
        "due_phone_no_overflow",
        "detail_phone_no_overflow",
        "list_phone_no_overflow",
        "compose_phone_no_overflow",
    ] {
        assert_eq!(c[k], true, "{k}: {v:#}");
    }
    assert_eq!(c["lint_error_appeared"], true, "{v:#}");
    assert_eq!(c["lint_error_disappeared"], true, "{v:#}");
    assert_eq!(c["preview_subject"], true, "{v:#}");
    assert!(c["detail_items"].as_u64().unwrap() >= 1, "{v:#}");
    assert_eq!(
        c["detail_fields"],
        serde_json::json!(["做什么", "谁来做", "何时完成", "交付标准"]),
        "{v:#}"
    );
    assert!(
        c["download_name"].as_str().unwrap().ends_with(".xlsx"),
        "{v:#}"
    );
    assert!(c["download_bytes"].as_u64().unwrap() > 0, "{v:#}");
    assert_eq!(c["xss_text_shown"], true, "{v:#}");
    assert_eq!(c["xss_not_run"], true, "{v:#}");
    assert_eq!(c["csrf_less_post_status"], 403, "{v:#}");
    assert_eq!(c["wrong_csrf_post_status"], 403, "{v:#}");
    assert_eq!(c["viewer_send_buttons"], 0, "{v:#}");
    assert_eq!(c["viewer_mark_forms"], 0, "{v:#}");
    assert_eq!(c["viewer_mark_status"], 403, "{v:#}");
    assert_eq!(c["viewer_send_status"], 403, "{v:#}");
    assert!(c["lint_page_findings"].as_u64().unwrap() >= 1, "{v:#}");
    assert!(c["directory_people"].as_u64().unwrap() >= 3, "{v:#}");
    // The sent action went through the outbox (no [smtp] here: it waits there, queued).
    let (_, after, _) = liaison(&dir, &["outbox", "--format", "json"], None);
    let n = |s: &str| {
        serde_json::from_str::<Value>(s).unwrap()["outbox"]
            .as_array()
            .map_or(0, Vec::len)
    };
    assert_eq!(n(&after), n(&before) + 1, "{after}");
    for f in [
        "due-1440.png",
        "due-375.png",
        "compose-1440.png",
        "detail-1440.png",
        "list-1440.png",
    ] {
        assert!(
            shots
                .join(f)
                .metadata()
                .map(|m| m.len() > 1000)
                .unwrap_or(false),
            "{f} not saved"
        );
    }
}
