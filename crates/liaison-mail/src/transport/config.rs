//! `[smtp]` and `[imap]`: what the user writes, and the [`Server`] it resolves to.

use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// TLS from the first byte (SMTPS 465, IMAPS 993).
    Tls,
    /// Plain first, then STARTTLS, required (submission 587, IMAP 143).
    Starttls,
    /// No encryption at all: only to a loopback address.
    None,
}

impl Security {
    /// The name as written in the configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Security::Tls => "tls",
            Security::Starttls => "starttls",
            Security::None => "none",
        }
    }
}

/// `[smtp]` in liaison.toml.
///
/// ```toml
/// [smtp]
/// host = "smtp.example.com"
/// port = 465                      # default: 465 (tls), 587 (starttls), 25 (none)
/// security = "tls"                # tls | starttls | none (none only to a loopback address)
/// username = "wanglei@example.com"
/// password_env = "LIAISON_SMTP_PASSWORD"   # or: password_command = "pass show mail"
/// ca_file = "ca.pem"              # extra CA (PEM) trusted besides the system roots
/// timeout = 30                    # seconds per network operation
/// max_attempts = 10               # 4xx and network failures are retried this often
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    /// Server name or address.
    pub host: String,
    /// Port (default by `security`).
    pub port: Option<u16>,
    /// `tls` (default), `starttls` or `none`.
    pub security: Option<Security>,
    /// Login name (AUTH PLAIN/LOGIN); no AUTH without it.
    pub username: Option<String>,
    /// The environment variable holding the password.
    pub password_env: Option<String>,
    /// A command (run with `sh -c`) whose first output line is the password.
    pub password_command: Option<String>,
    /// A PEM file of CA certificates trusted besides the system roots (relative to the
    /// configuration file).
    pub ca_file: Option<PathBuf>,
    /// Seconds to wait for each network operation (default 60).
    pub timeout: Option<f64>,
    /// How many attempts a message gets when the server answers 4xx or cannot be reached
    /// (default 10); then it is marked failed.
    pub max_attempts: Option<u32>,
}

/// `[imap]` in liaison.toml: the [`SmtpConfig`] keys (except `max_attempts`) plus folder
/// names.
///
/// ```toml
/// [imap]
/// host = "imap.example.com"
/// security = "tls"                # default port: 993 (tls), 143 (starttls, none)
/// username = "wanglei@example.com"
/// password_env = "LIAISON_IMAP_PASSWORD"
/// # inbox = "INBOX"; sent = "Sent"; drafts = "Drafts"  (default: found by SPECIAL-USE)
/// # idle = false                 # `liaison run`: poll instead of IDLE (default: IDLE where offered)
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImapConfig {
    /// Server name or address.
    pub host: String,
    /// Port (default by `security`).
    pub port: Option<u16>,
    /// `tls` (default), `starttls` or `none`.
    pub security: Option<Security>,
    /// Login name.
    pub username: Option<String>,
    /// The environment variable holding the password.
    pub password_env: Option<String>,
    /// A command (run with `sh -c`) whose first output line is the password.
    pub password_command: Option<String>,
    /// A PEM file of CA certificates trusted besides the system roots.
    pub ca_file: Option<PathBuf>,
    /// Seconds to wait for each network operation (default 60).
    pub timeout: Option<f64>,
    /// The folder incoming mail is read from (default `INBOX`).
    pub inbox: Option<String>,
    /// The folder of sent mail (default: the one marked `\Sent`, else `Sent`).
    pub sent: Option<String>,
    /// The folder of drafts (default: the one marked `\Drafts`, else `Drafts`).
    pub drafts: Option<String>,
    /// Whether `liaison run` waits for new mail with IDLE where the server offers it
    /// (default `true`); `false` polls every `--poll` seconds instead.
    pub idle: Option<bool>,
}

/// A configuration value that cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("[{section}] {key}: {reason}")]
pub struct ConfigError {
    /// `smtp` or `imap`.
    pub section: &'static str,
    /// The key at fault.
    pub key: &'static str,
    /// What is wrong and how to fix it.
    pub reason: String,
}

/// A server to talk to, resolved from `[smtp]` or `[imap]`.
#[derive(Clone, PartialEq)]
pub struct Server {
    /// `smtp` or `imap` (for messages).
    pub protocol: &'static str,
    /// Host name or address.
    pub host: String,
    /// Port.
    pub port: u16,
    /// How the connection is protected.
    pub security: Security,
    /// Login name, if any.
    pub username: Option<String>,
    /// The password (present exactly when `username` is).
    pub password: Option<String>,
    /// Extra CA certificates (PEM file).
    pub ca_file: Option<PathBuf>,
    /// Per-operation timeout.
    pub timeout: Duration,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("protocol", &self.protocol)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .finish()
    }
}

impl std::fmt::Display for Server {
    /// `smtps://host:port` (`smtp`, `smtps`, `imap`, `imaps` by protocol and security),
    /// for messages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scheme = match (self.protocol, self.security) {
            ("smtp", Security::Tls) => "smtps",
            ("imap", Security::Tls) => "imaps",
            (p, _) => p,
        };
        write!(f, "{scheme}://")?;
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

impl Server {
    /// `host:port` for connecting.
    pub fn address(&self) -> (String, u16) {
        (self.host.clone(), self.port)
    }

    /// A key naming this account (`imap://user@host:port`), for remembering what was read.
    pub fn account(&self) -> String {
        format!(
            "{}://{}@{}:{}",
            self.protocol,
            self.username.as_deref().unwrap_or(""),
            self.host,
            self.port
        )
    }
}

/// Whether `host` is a loopback address (a name that is not an address counts only when it
/// is `localhost`).
pub fn is_loopback(host: &str) -> bool {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    if h.eq_ignore_ascii_case("localhost") {
        return true;
    }
    h.parse::<std::net::IpAddr>()
        .map(|ip| ip.is_loopback())
        .unwrap_or(false)
}

struct Common<'a> {
    section: &'static str,
    host: &'a str,
    port: Option<u16>,
    security: Option<Security>,
    username: &'a Option<String>,
    password_env: &'a Option<String>,
    password_command: &'a Option<String>,
    ca_file: &'a Option<PathBuf>,
    timeout: Option<f64>,
    default_ports: [u16; 3],
}

fn no_newline(section: &'static str, key: &'static str, v: &str) -> Result<(), ConfigError> {
    if v.contains(['\r', '\n']) {
        return Err(ConfigError {
            section,
            key,
            reason: "contains CR or LF (refused: it would reach the server as a command)".into(),
        });
    }
    Ok(())
}

fn resolve(c: Common<'_>, base: &Path) -> Result<Server, ConfigError> {
    let err = |key: &'static str, reason: String| ConfigError {
        section: c.section,
        key,
        reason,
    };
    let host = c.host.trim();
    if host.is_empty() {
        return Err(err("host", "missing: the server's name or address".into()));
    }
    no_newline(c.section, "host", host)?;
    if host.contains(char::is_whitespace) || host.contains('/') {
        return Err(err(
            "host",
            format!("{host:?} is not a host name or address"),
        ));
    }
    let security = c.security.unwrap_or(Security::Tls);
    if security == Security::None && !is_loopback(host) {
        return Err(err(
            "security",
            format!(
                "\"none\" sends the password and mail unencrypted; it is allowed only to a loopback address (127.0.0.1, ::1, localhost), not {host:?}: use \"tls\" or \"starttls\""
            ),
        ));
    }
    let port = c.port.unwrap_or(match security {
        Security::Tls => c.default_ports[0],
        Security::Starttls => c.default_ports[1],
        Security::None => c.default_ports[2],
    });
    if port == 0 {
        return Err(err("port", "must be 1-65535".into()));
    }
    let username = c
        .username
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    if let Some(u) = username {
        no_newline(c.section, "username", u)?;
    }
    let password = match (c.password_env, c.password_command) {
        (Some(_), Some(_)) => {
            return Err(err(
                "password_command",
                "give either password_env or password_command, not both".into(),
            ));
        }
        (Some(var), None) => match std::env::var(var) {
            Ok(p) if !p.is_empty() => Some(p),
            _ => {
                return Err(err(
                    "password_env",
                    format!(
                        "the environment variable {var} is not set (export it, or use password_command)"
                    ),
                ));
            }
        },
        (None, Some(cmd)) => {
            Some(run_password_command(cmd).map_err(|r| err("password_command", r))?)
        }
        (None, None) => None,
    };
    if let Some(p) = &password {
        no_newline(c.section, "password", p)?;
    }
    match (username, &password) {
        (Some(_), None) => {
            return Err(err(
                "password_env",
                "a username needs a password: set password_env (an environment variable) or password_command".into(),
            ));
        }
        (None, Some(_)) => {
            return Err(err(
                "username",
                "a password is configured but no username".into(),
            ));
        }
        _ => {}
    }
    let timeout = match c.timeout {
        None => Duration::from_secs(60),
        Some(t) if t.is_finite() && t > 0.0 && t <= 3600.0 => Duration::from_secs_f64(t),
        Some(t) => {
            return Err(err(
                "timeout",
                format!("{t}: give seconds between 0 and 3600"),
            ));
        }
    };
    let ca_file = c.ca_file.as_ref().map(|p| {
        if p.is_absolute() {
            p.clone()
        } else {
            base.join(p)
        }
    });
    if let Some(p) = &ca_file
        && !p.is_file()
    {
        return Err(err(
            "ca_file",
            format!(
                "{} is not a readable file (a PEM file of CA certificates)",
                p.display()
            ),
        ));
    }
    Ok(Server {
        protocol: c.section,
        host: host.to_string(),
        port,
        security,
        username: username.map(str::to_string),
        password,
        ca_file,
        timeout,
    })
}

/// Runs `password_command` with `sh -c` and takes the first line of its output.
fn run_password_command(cmd: &str) -> Result<String, String> {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{cmd:?} failed ({})", out.status));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().next().unwrap_or("").trim_end_matches('\r');
    if line.is_empty() {
        return Err(format!("{cmd:?} printed no password"));
    }
    Ok(line.to_string())
}

impl SmtpConfig {
    /// Resolves the server: defaults, password, checks. `base` is the folder relative
    /// paths (`ca_file`) are read from (the configuration file's).
    pub fn resolve(&self, base: &Path) -> Result<Server, ConfigError> {
        resolve(
            Common {
                section: "smtp",
                host: &self.host,
                port: self.port,
                security: self.security,
                username: &self.username,
                password_env: &self.password_env,
                password_command: &self.password_command,
                ca_file: &self.ca_file,
                timeout: self.timeout,
                default_ports: [465, 587, 25],
            },
            base,
        )
    }
}

impl ImapConfig {
    /// The folder names as configured.
    pub fn folders(&self) -> super::FolderNames {
        let f = |v: &Option<String>| v.as_ref().map(|s| s.trim().to_string());
        super::FolderNames {
            inbox: f(&self.inbox),
            sent: f(&self.sent),
            drafts: f(&self.drafts),
        }
    }

    /// Resolves the server (see [`SmtpConfig::resolve`]).
    pub fn resolve(&self, base: &Path) -> Result<Server, ConfigError> {
        for (key, v) in [
            ("inbox", &self.inbox),
            ("sent", &self.sent),
            ("drafts", &self.drafts),
        ] {
            if let Some(v) = v
                && (v.trim().is_empty() || v.contains(['\r', '\n', '"', '\\', '*', '%']))
            {
                return Err(ConfigError {
                    section: "imap",
                    key,
                    reason: format!(
                        "{v:?} is not a folder name (no quotes, backslashes, wildcards or line breaks)"
                    ),
                });
            }
        }
        resolve(
            Common {
                section: "imap",
                host: &self.host,
                port: self.port,
                security: self.security,
                username: &self.username,
                password_env: &self.password_env,
                password_command: &self.password_command,
                ca_file: &self.ca_file,
                timeout: self.timeout,
                default_ports: [993, 143, 143],
            },
            base,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn smtp(toml_like: impl FnOnce(&mut SmtpConfig)) -> Result<Server, ConfigError> {
        let mut c = SmtpConfig {
            host: "smtp.example.com".into(),
            ..SmtpConfig::default()
        };
        toml_like(&mut c);
        c.resolve(Path::new("/"))
    }

    #[test]
    fn defaults_follow_security() {
        let s = smtp(|_| {}).unwrap();
        assert_eq!((s.port, s.security), (465, Security::Tls));
        let s = smtp(|c| c.security = Some(Security::Starttls)).unwrap();
        assert_eq!(s.port, 587);
        assert_eq!(s.to_string(), "smtp://smtp.example.com:587");
        let i = ImapConfig {
            host: "127.0.0.1".into(),
            security: Some(Security::None),
            ..ImapConfig::default()
        }
        .resolve(Path::new("/"))
        .unwrap();
        assert_eq!(i.port, 143);
    }

    #[test]
    fn plain_only_to_loopback() {
        let e = smtp(|c| c.security = Some(Security::None)).unwrap_err();
        assert_eq!(e.key, "security");
        assert!(e.reason.contains("loopback"), "{e}");
        for h in ["127.0.0.1", "::1", "[::1]", "localhost", "127.0.0.2"] {
            assert!(
                smtp(|c| {
                    c.host = h.into();
                    c.security = Some(Security::None)
                })
                .is_ok(),
                "{h}"
            );
        }
        assert!(!is_loopback("localhost.example.com"));
        assert!(!is_loopback("10.0.0.1"));
    }

    #[test]
    fn passwords_come_from_env_or_command_only() {
        // SAFETY: a test-private variable name; no other thread reads it.
        unsafe { std::env::set_var("LIAISON_TEST_CFG_PW_1", "s3cret") };
        let s = smtp(|c| {
            c.username = Some("me@example.com".into());
            c.password_env = Some("LIAISON_TEST_CFG_PW_1".into());
        })
        .unwrap();
        assert_eq!(s.password.as_deref(), Some("s3cret"));
        assert!(!format!("{s:?}").contains("s3cret"));
        let s = smtp(|c| {
            c.username = Some("me@example.com".into());
            c.password_command = Some("printf 'from-cmd\\nsecond'".into());
        })
        .unwrap();
        assert_eq!(s.password.as_deref(), Some("from-cmd"));
        let e = smtp(|c| {
            c.username = Some("me@example.com".into());
            c.password_env = Some("LIAISON_TEST_CFG_UNSET_VAR".into());
        })
        .unwrap_err();
        assert!(e.reason.contains("LIAISON_TEST_CFG_UNSET_VAR"), "{e}");
        let e = smtp(|c| c.username = Some("me@example.com".into())).unwrap_err();
        assert_eq!(e.key, "password_env");
        let e = smtp(|c| {
            c.username = Some("me@example.com".into());
            c.password_command = Some("exit 3".into());
        })
        .unwrap_err();
        assert_eq!(e.key, "password_command");
    }

    #[test]
    fn injection_through_config_is_refused() {
        let e = smtp(|c| c.host = "smtp.example.com\r\nRSET".into()).unwrap_err();
        assert_eq!(e.key, "host");
        let e = smtp(|c| {
            c.username = Some("me@example.com\r\nMAIL FROM:<x@y>".into());
            c.password_command = Some("echo pw".into());
        })
        .unwrap_err();
        assert_eq!(e.key, "username");
        let e = ImapConfig {
            host: "imap.example.com".into(),
            sent: Some("Sent\"\r\nA1 DELETE INBOX".into()),
            ..ImapConfig::default()
        }
        .resolve(Path::new("/"))
        .unwrap_err();
        assert_eq!(e.key, "sent");
    }
}
