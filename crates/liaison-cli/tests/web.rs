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

/// A multipart/form-data POST: text fields, and files as (field, file name, bytes).
fn http_multipart(
    addr: &str,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &str, &[u8])],
) -> Resp {
    let boundary = "----liaisontestboundary7MA4YWxk";
    let mut body: Vec<u8> = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    for (k, name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let mut s = TcpStream::connect(addr).unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nCookie: {cookie}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).unwrap();
    // The server may answer (413) before reading the whole body.
    let _ = s.write_all(&body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
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

/// A GET's body as bytes (downloads: xlsx, ics).
fn http_bytes(addr: &str, path: &str, cookie: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    let req = format!(
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nCookie: {cookie}\r\n\r\n"
    );
    s.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
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
    let body = raw[end + 4..].to_vec();
    assert!(
        !headers
            .iter()
            .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked")),
        "{path}: chunked download"
    );
    (status, headers, body)
}

fn header_of<'a>(h: &'a [(String, String)], name: &str) -> &'a str {
    h.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
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
    // Paged (?limit=N, then ?after=next): the same actions, and the total.
    let mut paged: Vec<Value> = Vec::new();
    let mut after = String::new();
    loop {
        let r = http(
            &s.addr,
            "GET",
            &format!("/api/v1/due?now={}&limit=3{after}", NOW.replace('+', "%2B")),
            &[("Authorization", &auth)],
            "",
        );
        assert_eq!(r.status, 200, "{}", r.body);
        let v: Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["total"], api["due"].as_array().unwrap().len());
        paged.extend(v["due"].as_array().unwrap().iter().cloned());
        match v["next"].as_str() {
            Some(n) => after = format!("&after={}", n.replace('|', "%7C")),
            None => break,
        }
    }
    assert_eq!(&paged, api["due"].as_array().unwrap());

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
    // Locked out means the right password is refused too, with no session.
    let p = http(&s.addr, "GET", "/login", &[], "");
    let c = form_value(&p.body, "csrf_token").unwrap();
    let r = http(
        &s.addr,
        "POST",
        "/login",
        &[("Cookie", &p.cookies().join("; "))],
        &format!("username={}&password={}&csrf_token={c}", VIEWER.0, VIEWER.1),
    );
    assert_eq!(r.status, 429, "a locked name logged in: {}", r.body);
    assert!(
        !r.cookies()
            .iter()
            .any(|c| c.starts_with("liaison_session=")),
        "a locked name got a session"
    );

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
        // Chromium names a download from its UTF-8 name only under a UTF-8 locale; without
        // one (a bare CI shell) every download is called "download". Users' desktops are
        // UTF-8; so is this run, whatever the caller's locale.
        .env("LC_ALL", "C.UTF-8")
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
        "reports_phone_no_overflow",
        "due_summary",
        "due_draft_loaded",
        "due_next_by_key",
        "preview_attachment",
        "draft_saved",
        "report_chart_loaded",
    ] {
        assert_eq!(c[k], true, "{k}: {v:#}");
    }
    assert!(c["due_page_rows"].as_u64().unwrap() >= 1, "{v:#}");
    assert!(c["due_page_rows"].as_u64().unwrap() <= 3, "{v:#}");
    assert!(c["due_next_rows"].as_u64().unwrap() >= 1, "{v:#}");
    assert_eq!(c["detail_confirm_form"], 1, "{v:#}");
    assert!(
        c["form_download_name"].as_str().unwrap().ends_with(".xlsx"),
        "{v:#}"
    );
    assert!(
        c["ics_download_name"].as_str().unwrap().ends_with(".ics"),
        "{v:#}"
    );
    assert!(c["report_rows"].as_u64().unwrap() >= 1, "{v:#}");
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
    // …and the compose page's draft waits there as a draft.
    assert_eq!(n(&after), n(&before) + 2, "{after}");
    assert!(after.contains("\"draft\""), "{after}");
    for f in [
        "due-1440.png",
        "due-375.png",
        "compose-1440.png",
        "detail-1440.png",
        "detail-375.png",
        "list-1440.png",
        "reports-1440.png",
        "reports-375.png",
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

/// A user confined to a department (`liaison user add --department`).
fn add_department_user(dir: &Path, name: &str, pw: &str, role: &str, dept: &str) {
    let (code, _, err) = liaison(
        dir,
        &[
            "user",
            "add",
            name,
            "--role",
            role,
            "--department",
            dept,
            "--password-stdin",
        ],
        Some(&format!("{pw}\n")),
    );
    assert_eq!(code, 0, "user add: {err}");
}

fn enc(s: &str) -> String {
    s.replace('+', "%2B")
}

/// A member of 财务部 sees the 支付系统升级 collaborations (财务部 in the subject) and nothing
/// of 市场部's 需求对接: list, detail, due, API, marks, sends, mails and forms all leave it
/// out (404 or empty). With `[web] members_see_all = true` the same requests see it, so
/// each check fails without its protection.
#[test]
fn members_see_only_their_department() {
    let tmp = seeded();
    let dir = demo(&tmp);
    add_users(&dir);
    add_department_user(&dir, "caiwu", "finance-pass-1", "member", "财务部");
    let (code, token, err) = liaison(&dir, &["user", "token", "caiwu"], None);
    assert_eq!(code, 0, "{err}");
    let auth = format!("Bearer {}", token.trim());
    let (_, users, _) = liaison(&dir, &["user", "list", "--format", "json"], None);
    assert!(users.contains("\"department\": \"财务部\""), "{users}");
    let request = collab_id(&dir, "【需求对接】Q3");
    let payment = collab_id(&dir, "支付系统");

    let check = |see_all: bool| {
        let s = serve(&dir, &["--now", NOW]);
        let me = login(&s.addr, "caiwu", "finance-pass-1");
        let get = |path: &str| http(&s.addr, "GET", path, &[("Cookie", &me)], "");
        let api = |path: &str| http(&s.addr, "GET", path, &[("Authorization", &auth)], "");
        let list = get("/collaborations");
        assert_eq!(list.status, 200);
        assert!(list.body.contains(&payment), "own department listed");
        assert_eq!(list.body.contains(&request), see_all, "list");
        let detail = get(&format!("/collaborations/{request}"));
        assert_eq!(detail.status, if see_all { 200 } else { 404 }, "detail");
        assert_eq!(get(&format!("/collaborations/{payment}")).status, 200);
        let due = get(&format!("/due?now={}", enc(NOW)));
        assert_eq!(due.status, 200);
        assert_eq!(
            due.body.contains(&format!("/collaborations/{request}\"")),
            see_all,
            "due page"
        );
        let r = api(&format!("/api/v1/collaborations/{request}"));
        assert_eq!(r.status, if see_all { 200 } else { 404 }, "API detail");
        let r = api("/api/v1/collaborations");
        let v: Value = serde_json::from_str(&r.body).unwrap();
        let ids: Vec<&str> = v["collaborations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert!(ids.contains(&payment.as_str()));
        assert_eq!(ids.contains(&request.as_str()), see_all, "API list");
        let r = api(&format!("/api/v1/due?now={}", enc(NOW)));
        let v: Value = serde_json::from_str(&r.body).unwrap();
        let due_ids: Vec<&str> = v["due"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["collaboration"].as_str().unwrap())
            .collect();
        assert_eq!(due_ids.contains(&request.as_str()), see_all, "API due");
        // Forms and the calendar of a collaboration are as visible as its page.
        let (status, _, _) = http_bytes(&s.addr, &format!("/collaborations/{request}/ics"), &me);
        assert_eq!(status, if see_all { 200 } else { 404 }, "ics");
        let (status, _, _) = http_bytes(
            &s.addr,
            &format!("/collaborations/{request}/forms/assignment?format=csv"),
            &me,
        );
        assert_eq!(status, if see_all { 200 } else { 404 }, "form");
        // A mark on another department's collaboration changes nothing.
        let own = get(&format!("/collaborations/{payment}"));
        let csrf = form_value(&own.body, "csrf_token").unwrap();
        let before = events(&dir, &request);
        let r = http(
            &s.addr,
            "POST",
            &format!("/collaborations/{request}/mark"),
            &[("Cookie", &me)],
            &format!("mark=disputed&csrf_token={csrf}"),
        );
        if see_all {
            assert_eq!(r.status, 303, "{}", r.body);
            assert_eq!(events(&dir, &request), before + 1);
        } else {
            assert_eq!(r.status, 404, "mark");
            assert_eq!(events(&dir, &request), before);
        }
    };
    check(false);
    // The request's due action, as the API of an unconfined member lists it: the confined
    // member may neither send nor dismiss it.
    {
        let s = serve(&dir, &["--now", NOW]);
        let me = login(&s.addr, "caiwu", "finance-pass-1");
        let own = http(&s.addr, "GET", "/collaborations", &[("Cookie", &me)], "");
        let csrf = form_value(&own.body, "csrf_token").unwrap();
        let (_, cli, _) = liaison(&dir, &["--now", NOW, "due", "--format", "json"], None);
        let v: Value = serde_json::from_str(&cli).unwrap();
        let a = v["due"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["collaboration"] == request.as_str())
            .expect("the request owes an action")
            .clone();
        let draft = http(
            &s.addr,
            "GET",
            &format!(
                "/due/draft?collaboration={request}&action={}&due_at={}&now={}",
                a["action"].as_str().unwrap(),
                enc(a["due_at"].as_str().unwrap()),
                enc(NOW)
            ),
            &[("Cookie", &me)],
            "",
        );
        assert_eq!(
            draft.status, 404,
            "the drafted mail of another department's action"
        );
        for path in ["/due/dismiss", "/due/send"] {
            let r = http(
                &s.addr,
                "POST",
                path,
                &[("Cookie", &me)],
                &format!(
                    "collaboration={request}&action={}&due_at={}&now={}&csrf_token={csrf}",
                    a["action"].as_str().unwrap(),
                    enc(a["due_at"].as_str().unwrap()),
                    enc(NOW)
                ),
            );
            assert_eq!(r.status, 404, "{path}: {}", r.body);
        }
    }
    let cfg = dir.join("liaison.toml");
    let mut text = std::fs::read_to_string(&cfg).unwrap();
    text.push_str("\n[web]\nmembers_see_all = true\n");
    std::fs::write(&cfg, text).unwrap();
    check(true);
}

/// The due page reads one page of the stored plans: following its "next" links with two
/// actions a page lists exactly what `liaison due --format json` lists, in order, and the
/// title counts them all.
#[test]
fn due_page_pages_through_the_stored_plans() {
    let tmp = seeded();
    let dir = demo(&tmp);
    let s = serve(&dir, &[]);
    let (_, cli, _) = liaison(&dir, &["--now", NOW, "due", "--format", "json"], None);
    let v: Value = serde_json::from_str(&cli).unwrap();
    let want: Vec<String> = v["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            format!(
                "{} {}",
                a["collaboration"].as_str().unwrap(),
                a["action"].as_str().unwrap()
            )
        })
        .collect();
    assert!(want.len() > 2, "the demo owes several actions: {want:?}");
    let mut path = format!("/due?now={}&per=2", enc(NOW));
    let mut got = Vec::new();
    let mut cookie = String::new();
    for _ in 0..want.len() + 2 {
        let r = http(&s.addr, "GET", &path, &[("Cookie", &cookie)], "");
        assert_eq!(r.status, 200, "{path}");
        if let Some(c) = r
            .cookies()
            .into_iter()
            .find(|c| c.starts_with("liaison_session="))
        {
            cookie = c;
        }
        assert!(
            r.body.contains(&format!("<title>({}) ", want.len())),
            "{path}: the title counts every action"
        );
        let mut rest = r.body.as_str();
        let mut on_page = 0;
        while let Some(i) = rest.find("name=\"collaboration\" value=\"") {
            rest = &rest[i + 28..];
            let id = rest.split('"').next().unwrap().to_string();
            let j = rest.find("name=\"action\" value=\"").unwrap();
            let action = rest[j + 21..].split('"').next().unwrap().to_string();
            // Each action has two forms (send, dismiss) when mailable, one otherwise.
            let key = format!("{id} {action}");
            if got.last() != Some(&key) || on_page == 0 {
                got.push(key);
                on_page += 1;
            }
            let k = rest.find("</li>").unwrap();
            rest = &rest[k..];
        }
        // Pages hold whole (due instant, collaboration) groups, so a page of two may hold
        // a few more; never none.
        assert!(
            (1..=6).contains(&on_page),
            "{path}: {on_page} actions on a page of 2"
        );
        match form_href(&r.body, "due-next") {
            Some(next) => path = next.replace("&amp;", "&").replace("&#x2f;", "/"),
            None => break,
        }
    }
    assert_eq!(got, want);
}

fn form_href(html: &str, id: &str) -> Option<String> {
    let i = html.find(&format!("id=\"{id}\""))?;
    let start = html[..i].rfind("href=\"")? + 6;
    Some(html[start..].split('"').next()?.to_string())
}

/// Confirm (reject with a reason, then accept), retro, forms, .ics and archive from the
/// collaboration's page: the same results as the CLI commands, each POST refused without
/// its CSRF token or with a role that may not act.
#[test]
fn closing_actions() {
    let tmp = seeded();
    let dir = demo(&tmp);
    add_users(&dir);
    add_department_user(&dir, "boss", "admin-pass-1", "admin", "总经办");
    let s = serve(&dir, &["--now", NOW]);
    let request = collab_id(&dir, "【需求对接】Q3");
    let member = login(&s.addr, MEMBER.0, MEMBER.1);
    let page = http(
        &s.addr,
        "GET",
        &format!("/collaborations/{request}"),
        &[("Cookie", &member)],
        "",
    );
    assert!(
        page.body.contains("action=\"/collaborations/"),
        "closing forms"
    );
    assert!(
        page.body
            .contains(&format!("/collaborations/{request}/confirm"))
    );
    assert!(
        !page.body.contains("/archive\""),
        "a member is offered no archive"
    );
    let csrf = form_value(&page.body, "csrf_token").unwrap();
    let post = |cookie: &str, what: &str, body: &str| {
        http(
            &s.addr,
            "POST",
            &format!("/collaborations/{request}/{what}"),
            &[("Cookie", cookie)],
            body,
        )
    };
    let status = |item: usize| -> String {
        let (_, out, _) = liaison(
            &dir,
            &["--now", NOW, "show", &request, "--format", "json"],
            None,
        );
        let v: Value = serde_json::from_str(&out).unwrap();
        v["items"][item]["status"].as_str().unwrap().to_string()
    };

    // CSRF and roles first: nothing changes.
    let before = events(&dir, &request);
    for what in ["confirm", "retro", "archive"] {
        let r = post(&member, what, "verdict=accept&item=1");
        assert_eq!(r.status, 403, "{what} without csrf_token");
    }
    let viewer = login(&s.addr, VIEWER.0, VIEWER.1);
    let vpage = http(
        &s.addr,
        "GET",
        &format!("/collaborations/{request}"),
        &[("Cookie", &viewer)],
        "",
    );
    assert!(
        !vpage.body.contains("/confirm\""),
        "a viewer is offered no confirm"
    );
    let vcsrf = form_value(&vpage.body, "csrf_token").unwrap();
    for what in ["confirm", "retro", "archive"] {
        let r = post(
            &viewer,
            what,
            &format!("verdict=accept&item=1&csrf_token={vcsrf}"),
        );
        assert_eq!(r.status, 403, "{what} by a viewer");
    }
    let r = post(&member, "archive", &format!("csrf_token={csrf}"));
    assert_eq!(r.status, 403, "archive by a member");
    assert_eq!(events(&dir, &request), before);

    // Nothing delivered yet: nothing to confirm.
    let (_, out, _) = liaison(
        &dir,
        &["--now", NOW, "show", &request, "--format", "json"],
        None,
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    let delivered = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| matches!(i["status"].as_str(), Some("delivered" | "confirmed")));
    if !delivered {
        let r = post(
            &member,
            "confirm",
            &format!("verdict=accept&csrf_token={csrf}"),
        );
        assert_eq!(r.status, 422, "{}", r.body);
    }
    // Deliver item 1, reject it with a reason naming the new deadline: it is open again.
    let r = post(
        &member,
        "mark",
        &format!("mark=delivered&item=1&csrf_token={csrf}"),
    );
    assert_eq!(r.status, 303);
    assert_eq!(status(0), "delivered");
    let r = post(
        &member,
        "confirm",
        &format!(
            "verdict=reject&item=1&reason=%E7%BC%BA%E5%B0%91%E9%A3%8E%E9%99%A9&csrf_token={csrf}"
        ),
    );
    assert_eq!(r.status, 422, "a reason without a deadline: {}", r.body);
    let reason = "缺少风险评估，请于12月9日18:00前补充";
    let body = format!(
        "verdict=reject&item=1&reason={}&csrf_token={csrf}",
        pct(reason)
    );
    let r = post(&member, "confirm", &body);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("id=\"closing-draft\""), "{}", r.body);
    assert!(r.body.contains("【成果确认】"), "{}", r.body);
    assert!(r.body.contains("缺少风险评估"));
    assert_ne!(status(0), "delivered");
    assert_eq!(events(&dir, &request), before + 3);
    // Delivered again and accepted: confirmed.
    post(
        &member,
        "mark",
        &format!("mark=delivered&item=1&csrf_token={csrf}"),
    );
    let r = post(
        &member,
        "confirm",
        &format!("verdict=accept&item=1&csrf_token={csrf}"),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(status(0), "confirmed");

    // Retro: a dry run records nothing; the real one records the 复盘.
    let n = events(&dir, &request);
    let r = post(&member, "retro", &format!("dry_run=1&csrf_token={csrf}"));
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("【复盘】"), "{}", r.body);
    assert_eq!(events(&dir, &request), n);
    let r = post(&member, "retro", &format!("csrf_token={csrf}"));
    assert_eq!(r.status, 200);
    assert_eq!(events(&dir, &request), n + 1);

    // Forms and the calendar: byte for byte what `liaison form` and `liaison ics` write.
    for kind in ["request", "assignment", "progress", "escalation", "retro"] {
        let (st, h, body) = http_bytes(
            &s.addr,
            &format!("/collaborations/{request}/forms/{kind}?format=csv"),
            &member,
        );
        assert_eq!(st, 200, "{kind}");
        assert!(header_of(&h, "content-type").starts_with("text/csv"));
        assert!(header_of(&h, "content-disposition").starts_with("attachment;"));
        let out = dir.join(format!("{kind}.csv"));
        let (code, _, err) = liaison(
            &dir,
            &[
                "--now",
                NOW,
                "form",
                kind,
                &request,
                "--format",
                "csv",
                "-o",
                out.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(code, 0, "{err}");
        assert_eq!(body, std::fs::read(&out).unwrap(), "form {kind}");
        let (st, h, body) = http_bytes(
            &s.addr,
            &format!("/collaborations/{request}/forms/{kind}"),
            &member,
        );
        assert_eq!(st, 200);
        assert!(header_of(&h, "content-type").contains("spreadsheetml"));
        assert!(body.starts_with(b"PK"), "{kind}.xlsx is a zip");
    }
    let (st, _, _) = http_bytes(
        &s.addr,
        &format!("/collaborations/{request}/forms/nope"),
        &member,
    );
    assert_eq!(st, 404);
    let (st, h, body) = http_bytes(&s.addr, &format!("/collaborations/{request}/ics"), &member);
    assert_eq!(st, 200);
    assert!(header_of(&h, "content-type").starts_with("text/calendar"));
    let (_, cli, _) = liaison(&dir, &["--now", NOW, "ics", &request], None);
    assert_eq!(String::from_utf8(body).unwrap(), cli);

    // Archive: an admin's, into the server's working directory.
    let admin = login(&s.addr, "boss", "admin-pass-1");
    let apage = http(
        &s.addr,
        "GET",
        &format!("/collaborations/{request}"),
        &[("Cookie", &admin)],
        "",
    );
    assert!(
        apage.body.contains("/archive\""),
        "an admin is offered archive"
    );
    let acsrf = form_value(&apage.body, "csrf_token").unwrap();
    let r = post(&admin, "archive", &format!("csrf_token={acsrf}"));
    assert_eq!(r.status, 200, "{}", r.body);
    let archived: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("manifest.json").is_file())
        .collect();
    assert_eq!(archived.len(), 1, "one archive folder with its manifest");
    let (_, out, _) = liaison(&dir, &["show", &request, "--format", "json"], None);
    assert!(out.contains("\"archived\""), "{out}");
}

fn pct(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Compose: save as a draft (the outbox's `draft` state, listed on the page), attach files
/// (in the .eml, under a safe name), and refuse one over `[web] max_upload_bytes`.
#[test]
fn compose_drafts_and_attachments() {
    let tmp = seeded();
    let dir = demo(&tmp);
    add_users(&dir);
    let cfg = dir.join("liaison.toml");
    let mut text = std::fs::read_to_string(&cfg).unwrap();
    text.push_str("\n[web]\nmax_upload_bytes = 2000\n");
    std::fs::write(&cfg, text).unwrap();
    let s = serve(&dir, &["--now", NOW]);
    let member = login(&s.addr, MEMBER.0, MEMBER.1);
    let page = http(&s.addr, "GET", "/compose", &[("Cookie", &member)], "");
    assert!(page.body.contains("enctype=\"multipart/form-data\""));
    assert!(page.body.contains("<datalist id=\"dl-people\">"));
    assert!(
        page.body.contains("zhangwei@example.com"),
        "directory completion"
    );
    assert!(
        page.body.contains("<option value=\"市场部\">"),
        "department completion"
    );
    let csrf = form_value(&page.body, "csrf_token").unwrap();
    let fields = [
        ("csrf_token", csrf.as_str()),
        ("kind", "request"),
        ("project", "Q4预算"),
        ("departments", "市场部"),
        ("urgency", "重要"),
        ("to", "zhangwei@example.com"),
        ("purpose", "请市场部提供Q4推广预算"),
        ("background", "Q4推广计划需要预算"),
        ("goal", "12月10日前确定预算"),
        ("item_what_0", "提供Q4推广预算"),
        ("item_owner_0", "张伟"),
        ("item_due_0", "12月8日18:00前"),
        ("item_standard_0", "按渠道列出金额"),
        ("reply_by", "12月3日18:00前"),
        ("attachment_note", "预算模板，请按模板填写"),
    ];
    let file: &[u8] = b"channel,amount\nwechat,100\n";
    // .eml: the attachment is in the mail under a safe name (no path).
    let r = http_multipart(
        &s.addr,
        "/compose/eml",
        &member,
        &fields,
        &[("attachment", "../../预算模板.csv", file)],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.body.contains("Content-Disposition: attachment"),
        "{}",
        r.body
    );
    assert!(!r.body.contains("../"), "the file name keeps no path");
    // Preview shows the attachment in the drafted mail.
    let r = http_multipart(
        &s.addr,
        "/compose/preview",
        &member,
        &fields,
        &[("attachment", "预算模板.csv", file)],
    );
    assert_eq!(r.status, 200);
    assert!(r.body.contains("预算模板.csv"), "{}", r.body);
    // Too large: refused, nothing drafted.
    let big = vec![b'x'; 2001];
    let r = http_multipart(
        &s.addr,
        "/compose/draft",
        &member,
        &fields,
        &[("attachment", "big.bin", &big)],
    );
    assert_eq!(r.status, 413, "{}", r.body);
    // Save as draft: in the outbox as a draft, listed on the compose page.
    let r = http_multipart(
        &s.addr,
        "/compose/draft",
        &member,
        &fields,
        &[("attachment", "预算模板.csv", file)],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("id=\"drafted\""), "{}", r.body);
    let (_, out, _) = liaison(&dir, &["outbox", "--format", "json"], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    let drafts: Vec<&Value> = v["outbox"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["state"] == "draft")
        .collect();
    assert_eq!(drafts.len(), 1, "{out}");
    let page = http(&s.addr, "GET", "/compose", &[("Cookie", &member)], "");
    assert!(page.body.contains("id=\"drafts\""));
    assert!(page.body.contains("Q4预算"));
    // Without the CSRF token, or as a viewer: refused.
    let r = http_multipart(&s.addr, "/compose/draft", &member, &fields[1..], &[]);
    assert_eq!(r.status, 403);
    let viewer = login(&s.addr, VIEWER.0, VIEWER.1);
    let vpage = http(&s.addr, "GET", "/compose", &[("Cookie", &viewer)], "");
    let vcsrf = form_value(&vpage.body, "csrf_token").unwrap();
    let mut vf = fields.to_vec();
    vf[0] = ("csrf_token", vcsrf.as_str());
    let r = http_multipart(&s.addr, "/compose/draft", &viewer, &vf, &[]);
    assert_eq!(r.status, 403);
}

/// 报表: the report of `liaison report` with its chart (the same SVG) and downloads.
#[test]
fn reports_page() {
    let tmp = seeded();
    let dir = demo(&tmp);
    let s = serve(&dir, &["--now", NOW]);
    let r = http(&s.addr, "GET", "/reports?since=2026-01-01", &[], "");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("id=\"report-table\""), "{}", r.body);
    assert!(r.body.contains("市场部"), "a department row");
    assert!(
        r.body
            .contains("src=\"/reports/report.svg?since=2026-01-01\"")
    );
    let cookie = r
        .cookies()
        .into_iter()
        .find(|c| c.starts_with("liaison_session="))
        .unwrap();
    let (st, h, svg) = http_bytes(&s.addr, "/reports/report.svg?since=2026-01-01", &cookie);
    assert_eq!(st, 200);
    assert_eq!(header_of(&h, "content-type"), "image/svg+xml");
    let (_, cli, _) = liaison(
        &dir,
        &[
            "--now",
            NOW,
            "report",
            "--since",
            "2026-01-01",
            "--format",
            "svg",
        ],
        None,
    );
    assert_eq!(String::from_utf8(svg).unwrap(), cli);
    for ext in ["html", "csv", "json"] {
        let (st, h, _) = http_bytes(
            &s.addr,
            &format!("/reports/report.{ext}?since=2026-01-01"),
            &cookie,
        );
        assert_eq!(st, 200, "{ext}");
        assert!(
            header_of(&h, "content-disposition").starts_with("attachment;"),
            "{ext}"
        );
    }
    let r = http(
        &s.addr,
        "GET",
        "/reports?since=yesterday",
        &[("Cookie", &cookie)],
        "",
    );
    assert_eq!(r.status, 400);
}
