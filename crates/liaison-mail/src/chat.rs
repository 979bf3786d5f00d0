//! Chat webhooks (即时通讯, the guide's channel for nudges): DingTalk custom robots,
//! Feishu/Lark custom bots and WeCom group robots.
//!
//! Each vendor has its own payload, its own way to @mention a person (by the handle in the
//! directory) and, for DingTalk and Feishu, its own HMAC-SHA256 signature over a timestamp:
//!
//! * DingTalk (加签): `timestamp` (Unix ms) and `sign` =
//!   urlencode(base64(HMAC-SHA256(key = secret, msg = timestamp + "\n" + secret))) in the
//!   query; `{"msgtype":"text","text":{"content":…},"at":{"atUserIds":[…]}}` with `@handle`
//!   in the text.
//! * Feishu/Lark (签名校验): `timestamp` (Unix s) and `sign` =
//!   base64(HMAC-SHA256(key = timestamp + "\n" + secret, msg = "")) in the body;
//!   `{"msg_type":"text","content":{"text":"<at user_id=\"…\">…</at> …"}}`.
//! * WeCom: no signing (the key in the URL is the credential);
//!   `{"msgtype":"text","text":{"content":…,"mentioned_list":[…]}}`.
//!
//! A 429, a 5xx, a timeout or the vendor's own rate-limit answer is retried with a
//! doubling backoff (or the server's Retry-After); the wait goes through a [`Sleeper`], so
//! tests never sleep. HTTP is spoken directly (HTTP/1.1, one request per connection) over
//! TCP or rustls: a webhook POST needs nothing more, and no HTTP crate is pulled in.

use crate::transport::tls;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// A chat platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    /// DingTalk custom robot (钉钉自定义机器人).
    Dingtalk,
    /// Feishu/Lark custom bot (飞书自定义机器人).
    Feishu,
    /// WeCom group robot (企业微信群机器人).
    Wecom,
}

impl Platform {
    /// The key of the platform in a person's `chat` handles.
    pub fn id(self) -> &'static str {
        match self {
            Platform::Dingtalk => "dingtalk",
            Platform::Feishu => "feishu",
            Platform::Wecom => "wecom",
        }
    }
}

/// `[chat]` in liaison.toml.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChatConfig {
    /// Seconds to wait for a webhook's answer (default 10).
    #[serde(default)]
    pub timeout_secs: Option<u64>,
    /// Attempts per message, the first included (default 4).
    #[serde(default)]
    pub max_attempts: Option<u32>,
    /// `[[chat.webhook]]`: the robots, each for some departments and/or people.
    #[serde(default, rename = "webhook")]
    pub webhooks: Vec<Webhook>,
}

/// One robot.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Webhook {
    /// `dingtalk`, `feishu` or `wecom`.
    pub platform: Platform,
    /// The webhook URL as the vendor gives it (http only to a loopback address).
    pub url: String,
    /// The environment variable holding the signing secret (DingTalk 加签 `SEC…`, Feishu
    /// 签名校验); absent for an unsigned robot.
    #[serde(default)]
    pub secret_env: Option<String>,
    /// Departments whose people this robot reaches.
    #[serde(default)]
    pub departments: Vec<String>,
    /// People (by email) this robot reaches.
    #[serde(default)]
    pub people: Vec<String>,
}

impl ChatConfig {
    /// The robot for a person: one naming them, else one for their department.
    pub fn webhook_for(&self, email: &str, department: &str) -> Option<&Webhook> {
        self.webhooks
            .iter()
            .find(|w| {
                w.people
                    .iter()
                    .any(|p| p.trim().eq_ignore_ascii_case(email.trim()))
            })
            .or_else(|| {
                self.webhooks
                    .iter()
                    .find(|w| w.departments.iter().any(|d| d.trim() == department.trim()))
            })
    }
}

/// Why a chat message was not delivered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChatError {
    /// The configuration cannot work.
    #[error("[chat] webhook {url}: {reason}")]
    Config {
        /// The webhook URL (its token hidden).
        url: String,
        /// What is wrong and how to fix it.
        reason: String,
    },
    /// The robot refused or the network failed, after every attempt.
    #[error("{platform} webhook {url}: {reason} (after {attempts} attempt(s))")]
    Failed {
        /// The platform.
        platform: &'static str,
        /// The webhook URL (its token hidden).
        url: String,
        /// The last failure.
        reason: String,
        /// Attempts made.
        attempts: u32,
    },
}

/// Waits between attempts (tests inject one that records instead of sleeping).
pub trait Sleeper {
    /// Waits `d`.
    fn sleep(&mut self, d: Duration);
}

/// The real wait.
#[derive(Debug, Default, Clone, Copy)]
pub struct ThreadSleeper;

impl Sleeper for ThreadSleeper {
    fn sleep(&mut self, d: Duration) {
        std::thread::sleep(d);
    }
}

/// Records the waits instead of sleeping.
#[derive(Debug, Default, Clone)]
pub struct RecordingSleeper {
    /// Every wait asked for, in order.
    pub waits: Vec<Duration>,
}

impl Sleeper for RecordingSleeper {
    fn sleep(&mut self, d: Duration) {
        self.waits.push(d);
    }
}

/// HMAC-SHA256 (RFC 2104).
pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut k = [0u8; 64];
    if key.len() > 64 {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let mut inner = Sha256::new();
    inner.update(k.map(|b| b ^ 0x36));
    inner.update(msg);
    let ih = inner.finalize();
    let mut outer = Sha256::new();
    outer.update(k.map(|b| b ^ 0x5c));
    outer.update(ih);
    outer.finalize().into()
}

/// The DingTalk signature of `timestamp_ms` (before URL-encoding).
pub fn dingtalk_sign(secret: &str, timestamp_ms: i64) -> String {
    let msg = format!("{timestamp_ms}\n{secret}");
    crate::mime::base64(&hmac_sha256(secret.as_bytes(), msg.as_bytes()))
}

/// The Feishu signature of `timestamp_s`.
pub fn feishu_sign(secret: &str, timestamp_s: i64) -> String {
    let key = format!("{timestamp_s}\n{secret}");
    crate::mime::base64(&hmac_sha256(key.as_bytes(), b""))
}

/// Percent-encodes a query value (RFC 3986 unreserved characters kept).
pub fn url_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A request ready to post: the URL (signature added) and the JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatRequest {
    /// Where to POST.
    pub url: String,
    /// The JSON body.
    pub body: String,
}

/// Builds the vendor's request for `text` mentioning `handles`, signed at `now_ms`.
pub fn build_request(
    platform: Platform,
    url: &str,
    secret: Option<&str>,
    handles: &[String],
    text: &str,
    now_ms: i64,
) -> ChatRequest {
    match platform {
        Platform::Dingtalk => {
            let ats: String = handles.iter().map(|h| format!(" @{h}")).collect();
            let body = serde_json::json!({
                "msgtype": "text",
                "text": { "content": format!("{text}{ats}") },
                "at": { "atUserIds": handles, "isAtAll": false },
            });
            let url = match secret {
                Some(s) => format!(
                    "{url}{}timestamp={now_ms}&sign={}",
                    if url.contains('?') { "&" } else { "?" },
                    url_encode(&dingtalk_sign(s, now_ms))
                ),
                None => url.to_string(),
            };
            ChatRequest {
                url,
                body: body.to_string(),
            }
        }
        Platform::Feishu => {
            let ats: String = handles
                .iter()
                .map(|h| {
                    let h = h.replace(['"', '<', '>'], "");
                    format!("<at user_id=\"{h}\">{h}</at> ")
                })
                .collect();
            let mut body = serde_json::json!({
                "msg_type": "text",
                "content": { "text": format!("{ats}{text}") },
            });
            if let Some(s) = secret {
                let ts = now_ms.div_euclid(1000);
                body["timestamp"] = serde_json::Value::String(ts.to_string());
                body["sign"] = serde_json::Value::String(feishu_sign(s, ts));
            }
            ChatRequest {
                url: url.to_string(),
                body: body.to_string(),
            }
        }
        Platform::Wecom => {
            let mut content = text.to_string();
            // WeCom's text is at most 2048 bytes.
            while content.len() > 2000 {
                content.pop();
            }
            let body = serde_json::json!({
                "msgtype": "text",
                "text": { "content": content, "mentioned_list": handles },
            });
            ChatRequest {
                url: url.to_string(),
                body: body.to_string(),
            }
        }
    }
}

/// The URL without its token, for messages.
fn shown(url: &str) -> String {
    url.split('?').next().unwrap_or(url).to_string()
}

/// One HTTP answer.
#[derive(Debug)]
struct Answer {
    status: u16,
    retry_after: Option<u64>,
    body: String,
}

/// Posts JSON and reads the answer (HTTP/1.1, `Connection: close`).
fn http_post(url: &str, body: &str, timeout: Duration) -> Result<Answer, String> {
    let (tls_on, rest) = if let Some(r) = url.strip_prefix("https://") {
        (true, r)
    } else if let Some(r) = url.strip_prefix("http://") {
        (false, r)
    } else {
        return Err("the URL must start with https:// (or http:// to a loopback address)".into());
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if authority.contains(['\r', '\n', ' ']) || path.contains(['\r', '\n', ' ']) {
        return Err("the URL contains spaces or line breaks".into());
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if p.chars().all(|c| c.is_ascii_digit()) => {
            (h.to_string(), p.parse::<u16>().map_err(|e| e.to_string())?)
        }
        _ => (authority.to_string(), if tls_on { 443 } else { 80 }),
    };
    let host_bare = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    if !tls_on && !is_loopback(&host_bare) {
        return Err("plain http is only allowed to a loopback address; use https://".into());
    }
    use std::net::ToSocketAddrs;
    let addr = (host_bare.as_str(), port)
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve {host}: {e}"))?
        .next()
        .ok_or_else(|| format!("cannot resolve {host}"))?;
    let tcp = TcpStream::connect_timeout(&addr, timeout)
        .map_err(|e| format!("cannot connect to {host}:{port}: {e}"))?;
    tcp.set_read_timeout(Some(timeout))
        .map_err(|e| e.to_string())?;
    tcp.set_write_timeout(Some(timeout))
        .map_err(|e| e.to_string())?;
    let req = format!(
        "POST {path} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\nUser-Agent: liaison\r\n\r\n{body}",
        body.len()
    );
    let mut raw = Vec::new();
    let io = |e: std::io::Error| {
        if matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        ) {
            format!("no answer within {} s", timeout.as_secs())
        } else {
            e.to_string()
        }
    };
    if tls_on {
        let cfg = tls::client_config(None)?;
        let name = rustls_pki_types::ServerName::try_from(host_bare.clone())
            .map_err(|e| format!("{host}: {e}"))?;
        let conn = rustls::ClientConnection::new(cfg, name).map_err(|e| e.to_string())?;
        let mut s = rustls::StreamOwned::new(conn, tcp);
        s.write_all(req.as_bytes()).map_err(io)?;
        match s.read_to_end(&mut raw) {
            Ok(_) => {}
            // Servers that close without close_notify: what was read is the answer.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof && !raw.is_empty() => {}
            Err(e) => return Err(io(e)),
        }
    } else {
        let mut s = tcp;
        s.write_all(req.as_bytes()).map_err(io)?;
        s.read_to_end(&mut raw).map_err(io)?;
    }
    parse_answer(&raw)
}

fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn parse_answer(raw: &[u8]) -> Result<Answer, String> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("the server closed the connection without an answer")?;
    let head = String::from_utf8_lossy(&raw[..end]);
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or("not an HTTP answer")?;
    let mut retry_after = None;
    let mut chunked = false;
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let k = k.trim().to_ascii_lowercase();
            if k == "retry-after" {
                retry_after = v.trim().parse().ok();
            } else if k == "transfer-encoding" && v.to_ascii_lowercase().contains("chunked") {
                chunked = true;
            }
        }
    }
    let mut body = raw[end + 4..].to_vec();
    if chunked {
        body = dechunk(&body);
    }
    Ok(Answer {
        status,
        retry_after,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn dechunk(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = b[i..].windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&b[i..i + p])
                .split(';')
                .next()
                .unwrap_or("")
                .trim(),
            16,
        )
        .unwrap_or(0);
        i += p + 2;
        if size == 0 || i + size > b.len() {
            break;
        }
        out.extend_from_slice(&b[i..i + size]);
        i += size + 2;
        if i >= b.len() {
            break;
        }
    }
    out
}

/// What the vendor's JSON answer says: `Ok(())`, `Err((retry, reason))`.
fn judge(platform: Platform, a: &Answer) -> Result<(), (bool, String)> {
    if a.status == 429 || a.status >= 500 {
        return Err((true, format!("HTTP {}", a.status)));
    }
    if a.status != 200 {
        return Err((false, format!("HTTP {}: {}", a.status, a.body.trim())));
    }
    let v: serde_json::Value = serde_json::from_str(&a.body)
        .map_err(|_| (false, format!("not a JSON answer: {}", a.body.trim())))?;
    let code = match platform {
        Platform::Feishu => v
            .get("code")
            .or_else(|| v.get("StatusCode"))
            .and_then(|c| c.as_i64()),
        _ => v.get("errcode").and_then(|c| c.as_i64()),
    }
    .unwrap_or(-1);
    if code == 0 {
        return Ok(());
    }
    let msg = v
        .get("errmsg")
        .or_else(|| v.get("msg"))
        .or_else(|| v.get("StatusMessage"))
        .and_then(|m| m.as_str())
        .unwrap_or("");
    // The vendors' own rate-limit answers.
    let retry = matches!(
        (platform, code),
        (Platform::Dingtalk, 130101) | (Platform::Feishu, 11232) | (Platform::Wecom, 45009)
    );
    Err((retry, format!("error {code}: {msg}")))
}

/// Posts chat messages with retries.
pub struct ChatClient<S: Sleeper = ThreadSleeper> {
    config: ChatConfig,
    sleeper: S,
    timeout: Duration,
    max_attempts: u32,
}

impl ChatClient<ThreadSleeper> {
    /// A client that really sleeps between attempts.
    pub fn new(config: ChatConfig) -> ChatClient<ThreadSleeper> {
        ChatClient::with_sleeper(config, ThreadSleeper)
    }
}

impl<S: Sleeper> ChatClient<S> {
    /// A client waiting through `sleeper`.
    pub fn with_sleeper(config: ChatConfig, sleeper: S) -> ChatClient<S> {
        ChatClient {
            timeout: Duration::from_secs(config.timeout_secs.unwrap_or(10).max(1)),
            max_attempts: config.max_attempts.unwrap_or(4).max(1),
            config,
            sleeper,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &ChatConfig {
        &self.config
    }

    /// The sleeper (tests read the waits).
    pub fn sleeper(&self) -> &S {
        &self.sleeper
    }

    /// The wait before attempt `n + 1` (n ≥ 1): 1 s, 2 s, 4 s … at most 60 s, or the
    /// server's Retry-After (at most 60 s).
    pub fn backoff(n: u32, retry_after: Option<u64>) -> Duration {
        match retry_after {
            Some(s) => Duration::from_secs(s.min(60)),
            None => Duration::from_secs((1u64 << (n - 1).min(6)).min(60)),
        }
    }

    /// Posts `text` through `hook`, mentioning `handles`, signed at `now_ms` (Unix ms).
    pub fn post(
        &mut self,
        hook: &Webhook,
        handles: &[String],
        text: &str,
        now_ms: i64,
    ) -> Result<(), ChatError> {
        let url = hook.url.trim();
        if url.contains(['\r', '\n']) || handles.iter().any(|h| h.contains(['\r', '\n'])) {
            return Err(ChatError::Config {
                url: shown(url),
                reason: "line breaks in the URL or a chat handle".into(),
            });
        }
        let secret = match &hook.secret_env {
            Some(var) => match std::env::var(var) {
                Ok(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
                _ => {
                    return Err(ChatError::Config {
                        url: shown(url),
                        reason: format!(
                            "secret_env = {var:?}, but that environment variable is not set: export it with the robot's signing secret"
                        ),
                    });
                }
            },
            None => None,
        };
        let req = build_request(hook.platform, url, secret.as_deref(), handles, text, now_ms);
        let mut last = String::new();
        for n in 1..=self.max_attempts {
            let (retry, reason, after) = match http_post(&req.url, &req.body, self.timeout) {
                Ok(a) => match judge(hook.platform, &a) {
                    Ok(()) => return Ok(()),
                    Err((retry, reason)) => (retry, reason, a.retry_after),
                },
                Err(e) if e.starts_with("plain http") || e.starts_with("the URL") => {
                    return Err(ChatError::Config {
                        url: shown(url),
                        reason: e,
                    });
                }
                Err(e) => (true, e, None),
            };
            last = reason;
            if !retry || n == self.max_attempts {
                return Err(ChatError::Failed {
                    platform: hook.platform.id(),
                    url: shown(url),
                    reason: last,
                    attempts: n,
                });
            }
            self.sleeper.sleep(Self::backoff(n, after));
        }
        Err(ChatError::Failed {
            platform: hook.platform.id(),
            url: shown(url),
            reason: last,
            attempts: self.max_attempts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc4231_case_2() {
        let mac = hmac_sha256(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(mac),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn answers_are_judged_as_the_vendors_reply() {
        let a = |status, body: &str| Answer {
            status,
            retry_after: None,
            body: body.into(),
        };
        assert!(
            judge(
                Platform::Dingtalk,
                &a(200, r#"{"errcode":0,"errmsg":"ok"}"#)
            )
            .is_ok()
        );
        assert_eq!(
            judge(
                Platform::Dingtalk,
                &a(200, r#"{"errcode":310000,"errmsg":"sign not match"}"#)
            ),
            Err((false, "error 310000: sign not match".into()))
        );
        assert!(judge(Platform::Feishu, &a(200, r#"{"code":0,"msg":"success"}"#)).is_ok());
        assert!(matches!(
            judge(Platform::Wecom, &a(503, "")),
            Err((true, _))
        ));
        assert!(matches!(
            judge(Platform::Wecom, &a(200, r#"{"errcode":45009}"#)),
            Err((true, _))
        ));
    }

    #[test]
    fn line_breaks_never_reach_the_wire() {
        let mut c = ChatClient::with_sleeper(ChatConfig::default(), RecordingSleeper::default());
        let hook = Webhook {
            platform: Platform::Wecom,
            url: "http://127.0.0.1:9/cgi-bin/webhook/send?key=k\r\nX-Evil: 1".into(),
            secret_env: None,
            departments: vec![],
            people: vec![],
        };
        assert!(matches!(
            c.post(&hook, &[], "x", 0),
            Err(ChatError::Config { .. })
        ));
        let mut ok = hook.clone();
        ok.url = "http://127.0.0.1:9/cgi-bin/webhook/send?key=k".into();
        assert!(matches!(
            c.post(&ok, &["a\r\nb".into()], "x", 0),
            Err(ChatError::Config { .. })
        ));
        // Plain http only to loopback.
        let mut far = ok.clone();
        far.url = "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k".into();
        assert!(matches!(
            c.post(&far, &[], "x", 0),
            Err(ChatError::Config { .. })
        ));
        assert!(c.sleeper().waits.is_empty());
    }

    #[test]
    fn signatures_follow_the_vendors_recipes() {
        // DingTalk: base64(HMAC(secret, ts + "\n" + secret)); Feishu: base64(HMAC(ts + "\n" + secret, "")).
        let d = dingtalk_sign("SECx", 1_700_000_000_000);
        let want = crate::mime::base64(&hmac_sha256(b"SECx", b"1700000000000\nSECx"));
        assert_eq!(d, want);
        let f = feishu_sign("s", 1_700_000_000);
        assert_eq!(f, crate::mime::base64(&hmac_sha256(b"1700000000\ns", b"")));
        let r = build_request(
            Platform::Dingtalk,
            "https://x/robot/send?access_token=t",
            Some("SECx"),
            &["h".into()],
            "hi",
            1_700_000_000_000,
        );
        assert!(
            r.url
                .starts_with("https://x/robot/send?access_token=t&timestamp=1700000000000&sign=")
        );
        assert!(!r.url[r.url.find("sign=").unwrap() + 5..].contains(['+', '/', '=']));
        assert!(r.body.contains("\"atUserIds\":[\"h\"]") && r.body.contains("hi @h"));
    }

    #[test]
    fn backoff_doubles_and_honours_retry_after() {
        type C = ChatClient<RecordingSleeper>;
        assert_eq!(C::backoff(1, None), Duration::from_secs(1));
        assert_eq!(C::backoff(3, None), Duration::from_secs(4));
        assert_eq!(C::backoff(2, Some(7)), Duration::from_secs(7));
        assert_eq!(C::backoff(20, None), Duration::from_secs(60));
    }
}
