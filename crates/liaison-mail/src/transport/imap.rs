//! The IMAP client: reads a folder by UID (without marking anything read), finds the
//! special-use folders, appends to the Sent folder, looks a message up by Message-ID, and
//! waits for new mail with IDLE (RFC 2177: re-issued every 29 minutes, DONE on waking,
//! interruptible by a stop signal).
//!
//! Folder names are given and returned in UTF-8 and encoded on the wire in IMAP's modified
//! UTF-7 ([`super::utf7`]).

use super::config::{Security, Server};
use super::tls::{client_config, tls_cause};
use super::utf7;
use chrono::{DateTime, FixedOffset};
use imap::extensions::idle::SetReadTimeout;
use imap_proto::NameAttribute;
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A folder's role, as the server marks it (RFC 6154).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialUse {
    /// `\Sent`.
    Sent,
    /// `\Drafts`.
    Drafts,
}

/// What selecting a folder tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FolderStatus {
    /// The folder's UIDVALIDITY: when it changes, every UID changed meaning.
    pub uid_validity: u32,
    /// The UID the next message will get, when the server says.
    pub uid_next: Option<u32>,
    /// Messages in the folder.
    pub exists: u32,
}

/// Everything that can go wrong talking to an IMAP server. Each message names the server and
/// what to check.
#[derive(Debug, thiserror::Error)]
pub enum ImapError {
    /// No connection could be made.
    #[error(
        "cannot reach the IMAP server {server}: {reason} (check [imap] host and port, and that the server is running)"
    )]
    Unreachable {
        /// The server.
        server: String,
        /// What the network said.
        reason: String,
    },
    /// TLS failed.
    #[error(
        "TLS with the IMAP server {server} failed: {reason} (check [imap] security and port: 993 is usually \"tls\", 143 \"starttls\"; and ca_file for a private CA)"
    )]
    Tls {
        /// The server.
        server: String,
        /// Why.
        reason: String,
    },
    /// `security = "starttls"` but the server does not offer it.
    #[error(
        "the IMAP server {server} does not offer STARTTLS; liaison never falls back to plain text (use security = \"tls\" with port 993)"
    )]
    NoStartTls {
        /// The server.
        server: String,
    },
    /// The login was refused (or no login is configured).
    #[error(
        "the IMAP server {server} refused the login of {user}: {reply} (check [imap] username and the password from password_env or password_command)"
    )]
    Auth {
        /// The server.
        server: String,
        /// The login name.
        user: String,
        /// The server's reply.
        reply: String,
    },
    /// A folder does not exist.
    #[error("the IMAP server {server} has no folder {folder:?} ({hint})")]
    NoFolder {
        /// The server.
        server: String,
        /// The folder.
        folder: String,
        /// What to check.
        hint: String,
    },
    /// No answer in time.
    #[error(
        "the IMAP server {server} did not answer {command} within {secs} s (check the server, or raise [imap] timeout)"
    )]
    Timeout {
        /// The server.
        server: String,
        /// The command.
        command: String,
        /// The timeout in seconds.
        secs: f64,
    },
    /// The server answered NO or BAD, or the connection broke.
    #[error("the IMAP server {server} failed {command}: {reason}")]
    Command {
        /// The server.
        server: String,
        /// The command.
        command: String,
        /// The server's reply or the network error.
        reason: String,
    },
}

/// The connection, plain or TLS.
#[derive(Debug)]
enum Inner {
    Plain(TcpStream),
    Tls(Box<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>),
}

/// What interrupts a wait for new mail (a stop signal): asked between read slices.
pub type Interrupt = Arc<dyn Fn() -> bool + Send + Sync>;

/// How long one read waits while idling before the interrupt is asked again.
const IDLE_SLICE: Duration = Duration::from_millis(250);

/// The connection with its timeouts. Normally each read waits at most the configured
/// timeout. While idling (the imap crate sets a read timeout through [`SetReadTimeout`]),
/// reads wait in short slices until the idle deadline, asking the interrupt between slices,
/// so a stop signal ends the wait promptly without tearing the TLS stream.
struct Stream {
    inner: Inner,
    /// The per-operation timeout of `[imap] timeout`, restored when idling ends.
    timeout: Duration,
    /// While idling: when the wait ends.
    idle_until: Option<Instant>,
    interrupt: Option<Interrupt>,
}

impl std::fmt::Debug for Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stream")
            .field("inner", &self.inner)
            .field("idle_until", &self.idle_until)
            .finish()
    }
}

impl Stream {
    fn new(inner: Inner, timeout: Duration, interrupt: Option<Interrupt>) -> Stream {
        Stream {
            inner,
            timeout,
            idle_until: None,
            interrupt,
        }
    }

    fn tcp(&self) -> &TcpStream {
        match &self.inner {
            Inner::Plain(s) => s,
            Inner::Tls(s) => &s.sock,
        }
    }

    fn interrupted(&self) -> bool {
        self.interrupt.as_ref().is_some_and(|f| f())
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let r = match &mut self.inner {
                Inner::Plain(s) => s.read(buf),
                Inner::Tls(s) => s.read(buf),
            };
            match (r, self.idle_until) {
                // A slice of an idle wait ended with nothing to read: wait on, unless the
                // deadline passed or a stop was asked for. (rustls keeps its state across
                // a timed-out read, as it does for non-blocking sockets.)
                (Err(e), Some(until)) if is_timeout(&e) => {
                    let left = until.saturating_duration_since(Instant::now());
                    if left.is_zero() || self.interrupted() {
                        return Err(std::io::ErrorKind::TimedOut.into());
                    }
                    self.tcp().set_read_timeout(Some(
                        left.min(IDLE_SLICE).max(Duration::from_millis(1)),
                    ))?;
                }
                (r, _) => return r,
            }
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.inner {
            Inner::Plain(s) => s.write(buf),
            Inner::Tls(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.inner {
            Inner::Plain(s) => s.flush(),
            Inner::Tls(s) => s.flush(),
        }
    }
}

impl SetReadTimeout for Stream {
    /// Called by the imap crate around an IDLE wait: `Some` starts the wait (until now +
    /// the timeout), `None` ends it and restores the per-operation timeout.
    fn set_read_timeout(&mut self, timeout: Option<Duration>) -> imap::Result<()> {
        let r = match timeout {
            Some(t) => {
                self.idle_until = Some(Instant::now() + t);
                self.tcp()
                    .set_read_timeout(Some(t.min(IDLE_SLICE).max(Duration::from_millis(1))))
            }
            None => {
                self.idle_until = None;
                self.tcp().set_read_timeout(Some(self.timeout))
            }
        };
        r.map_err(imap::Error::Io)
    }
}

/// What ended a wait for new mail ([`ImapClient::idle`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleOutcome {
    /// The server announced new mail in the watched folder.
    NewMail,
    /// The deadline came.
    TimedOut,
    /// The interrupt asked to stop.
    Interrupted,
}

/// The result of [`ImapClient::idle`]: why it ended and how many IDLE commands it issued
/// (more than one when the wait outlasted [`ImapClient::idle_refresh`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Idled {
    /// Why the wait ended.
    pub outcome: IdleOutcome,
    /// IDLE commands issued.
    pub commands: u32,
}

/// RFC 2177: a client should end IDLE and issue it again at least every 29 minutes, or the
/// server may log it out as inactive.
pub const IDLE_REFRESH: Duration = Duration::from_secs(29 * 60);

type Session = imap::Session<Stream>;

/// A listed folder: UTF-8 name, wire name, roles.
type Listed = (String, String, Vec<SpecialUse>);

/// The folders liaison uses, as configured (`None`: found by SPECIAL-USE, else the usual
/// name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderNames {
    /// Incoming mail (`INBOX`).
    pub inbox: Option<String>,
    /// Sent mail (`\Sent`, else `Sent`).
    pub sent: Option<String>,
    /// Drafts (`\Drafts`, else `Drafts`).
    pub drafts: Option<String>,
}

/// An IMAP client for one account; connects on first use, reconnects after a failure.
pub struct ImapClient {
    server: Server,
    session: Option<Session>,
    /// Folders as listed.
    folders: Option<Vec<Listed>>,
    names: FolderNames,
    /// Resolved names: inbox, sent, drafts.
    resolved: [Option<String>; 3],
    /// Whether the server offers IDLE (asked once per connection).
    can_idle: Option<bool>,
    /// The folder opened for [`ImapClient::idle`] on this connection.
    watching: Option<String>,
    interrupt: Option<Interrupt>,
    idle_refresh: Duration,
}

impl std::fmt::Debug for ImapClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImapClient")
            .field("server", &self.server)
            .field("connected", &self.session.is_some())
            .finish()
    }
}

fn is_timeout(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
    )
}

/// The wire name of a folder given in UTF-8: plain ASCII names stay as they are.
fn wire(name: &str) -> String {
    utf7::encode(name)
}

impl ImapClient {
    /// A client for `server` (nothing is sent until the first call that needs it).
    pub fn new(server: Server) -> ImapClient {
        ImapClient {
            server,
            session: None,
            folders: None,
            names: FolderNames::default(),
            resolved: [None, None, None],
            can_idle: None,
            watching: None,
            interrupt: None,
            idle_refresh: IDLE_REFRESH,
        }
    }

    /// A client that uses these folder names.
    pub fn with_folders(server: Server, names: FolderNames) -> ImapClient {
        let mut c = ImapClient::new(server);
        c.names = names;
        c
    }

    fn resolved(&mut self, i: usize) -> Result<String, ImapError> {
        if let Some(n) = &self.resolved[i] {
            return Ok(n.clone());
        }
        let (configured, use_, fallback) = match i {
            0 => (self.names.inbox.clone(), None, "INBOX"),
            1 => (self.names.sent.clone(), Some(SpecialUse::Sent), "Sent"),
            _ => (
                self.names.drafts.clone(),
                Some(SpecialUse::Drafts),
                "Drafts",
            ),
        };
        let n = self.resolve_folder(configured.as_deref(), use_, fallback)?;
        self.resolved[i] = Some(n.clone());
        Ok(n)
    }

    /// The incoming-mail folder (`[imap] inbox`, else `INBOX`).
    pub fn inbox(&mut self) -> Result<String, ImapError> {
        self.resolved(0)
    }

    /// The Sent folder (`[imap] sent`, else the one marked `\Sent`, else `Sent`).
    pub fn sent(&mut self) -> Result<String, ImapError> {
        self.resolved(1)
    }

    /// The Drafts folder (`[imap] drafts`, else the one marked `\Drafts`, else `Drafts`).
    pub fn drafts(&mut self) -> Result<String, ImapError> {
        self.resolved(2)
    }

    /// The server this client talks to.
    pub fn server(&self) -> &Server {
        &self.server
    }

    fn name(&self) -> String {
        self.server.to_string()
    }

    fn error(&self, command: &str, e: imap::Error) -> ImapError {
        let server = self.name();
        let command = command.to_string();
        match e {
            imap::Error::Io(io) if is_timeout(&io) => ImapError::Timeout {
                server,
                command,
                secs: self.server.timeout.as_secs_f64(),
            },
            imap::Error::Io(io) => match tls_cause(&io) {
                Some(reason) => ImapError::Tls { server, reason },
                None => ImapError::Command {
                    server,
                    command,
                    reason: io.to_string(),
                },
            },
            imap::Error::No(n) => ImapError::Command {
                server,
                command,
                reason: format!("NO {}", n.information),
            },
            imap::Error::Bad(b) => ImapError::Command {
                server,
                command,
                reason: format!("BAD {}", b.information),
            },
            imap::Error::Bye(b) => ImapError::Command {
                server,
                command,
                reason: format!("BYE {}", b.information),
            },
            imap::Error::ConnectionLost => ImapError::Command {
                server,
                command,
                reason: "the connection was closed".into(),
            },
            other => ImapError::Command {
                server,
                command,
                reason: other.to_string(),
            },
        }
    }

    fn tcp(&self) -> Result<TcpStream, ImapError> {
        let unreachable = |reason: String| ImapError::Unreachable {
            server: self.name(),
            reason,
        };
        let addrs: Vec<_> = self
            .server
            .address()
            .to_socket_addrs()
            .map_err(|e| unreachable(e.to_string()))?
            .collect();
        let mut last = "the host name resolves to no address".to_string();
        for a in addrs {
            match TcpStream::connect_timeout(&a, self.server.timeout) {
                Ok(s) => {
                    let t = Some(self.server.timeout);
                    s.set_read_timeout(t)
                        .and_then(|_| s.set_write_timeout(t))
                        .map_err(|e| unreachable(e.to_string()))?;
                    return Ok(s);
                }
                Err(e) => last = e.to_string(),
            }
        }
        Err(unreachable(last))
    }

    fn tls(&self, tcp: TcpStream) -> Result<Inner, ImapError> {
        let tls_err = |reason: String| ImapError::Tls {
            server: self.name(),
            reason,
        };
        let cfg = client_config(self.server.ca_file.as_deref()).map_err(tls_err)?;
        let host = self
            .server
            .host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let name =
            rustls::pki_types::ServerName::try_from(host).map_err(|e| tls_err(e.to_string()))?;
        let conn = rustls::ClientConnection::new(cfg, name).map_err(|e| tls_err(e.to_string()))?;
        let mut s = rustls::StreamOwned::new(conn, tcp);
        // Complete the handshake now, so a certificate problem is reported as one.
        while s.conn.is_handshaking() {
            if let Err(e) = s.conn.complete_io(&mut s.sock) {
                return Err(match tls_cause(&e) {
                    Some(r) => tls_err(r),
                    None if is_timeout(&e) => ImapError::Timeout {
                        server: self.name(),
                        command: "the TLS handshake".into(),
                        secs: self.server.timeout.as_secs_f64(),
                    },
                    None => tls_err(e.to_string()),
                });
            }
        }
        Ok(Inner::Tls(Box::new(s)))
    }

    fn connect(&self) -> Result<Session, ImapError> {
        let tcp = self.tcp()?;
        let stream = |inner: Inner| Stream::new(inner, self.server.timeout, self.interrupt.clone());
        let mut client = match self.server.security {
            Security::Tls => imap::Client::new(stream(self.tls(tcp)?)),
            Security::None => imap::Client::new(stream(Inner::Plain(tcp))),
            Security::Starttls => {
                let tcp = self.starttls(tcp)?;
                // No second greeting after STARTTLS.
                return self.login(imap::Client::new(stream(self.tls(tcp)?)));
            }
        };
        client
            .read_greeting()
            .map_err(|e| self.error("the greeting", e))?;
        self.login(client)
    }

    /// The plain-text start of a STARTTLS session, spoken directly (the imap crate's
    /// client does not expose it): greeting, CAPABILITY, STARTTLS. Reads byte by byte so
    /// nothing of the TLS handshake is consumed.
    fn starttls(&self, mut tcp: TcpStream) -> Result<TcpStream, ImapError> {
        let fail = |command: &str, e: std::io::Error| {
            if is_timeout(&e) {
                ImapError::Timeout {
                    server: self.name(),
                    command: command.into(),
                    secs: self.server.timeout.as_secs_f64(),
                }
            } else {
                ImapError::Command {
                    server: self.name(),
                    command: command.into(),
                    reason: e.to_string(),
                }
            }
        };
        fn line(tcp: &mut TcpStream) -> std::io::Result<String> {
            let mut out = Vec::new();
            let mut b = [0u8; 1];
            while out.len() < 64 * 1024 {
                if tcp.read(&mut b)? == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                out.push(b[0]);
                if out.ends_with(b"\r\n") {
                    break;
                }
            }
            Ok(String::from_utf8_lossy(&out).trim_end().to_string())
        }
        let greeting = line(&mut tcp).map_err(|e| fail("the greeting", e))?;
        let mut caps = greeting.to_ascii_uppercase();
        if !caps.contains("STARTTLS") {
            tcp.write_all(b"L0 CAPABILITY\r\n")
                .map_err(|e| fail("CAPABILITY", e))?;
            loop {
                let l = line(&mut tcp).map_err(|e| fail("CAPABILITY", e))?;
                if l.starts_with("L0 ") {
                    break;
                }
                caps.push(' ');
                caps.push_str(&l.to_ascii_uppercase());
            }
        }
        if !caps.contains("STARTTLS") {
            return Err(ImapError::NoStartTls {
                server: self.name(),
            });
        }
        tcp.write_all(b"L1 STARTTLS\r\n")
            .map_err(|e| fail("STARTTLS", e))?;
        loop {
            let l = line(&mut tcp).map_err(|e| fail("STARTTLS", e))?;
            if let Some(rest) = l.strip_prefix("L1 ") {
                if rest.to_ascii_uppercase().starts_with("OK") {
                    return Ok(tcp);
                }
                return Err(ImapError::Command {
                    server: self.name(),
                    command: "STARTTLS".into(),
                    reason: rest.to_string(),
                });
            }
        }
    }

    fn login(&self, client: imap::Client<Stream>) -> Result<Session, ImapError> {
        let (Some(user), Some(pass)) = (&self.server.username, &self.server.password) else {
            return Err(ImapError::Auth {
                server: self.name(),
                user: String::new(),
                reply:
                    "no login configured: set [imap] username and password_env or password_command"
                        .into(),
            });
        };
        client.login(user, pass).map_err(|(e, _)| {
            let reply = match &e {
                imap::Error::No(n) => n.information.clone(),
                imap::Error::Bad(b) => b.information.clone(),
                _ => String::new(),
            };
            if reply.is_empty() {
                self.error("LOGIN", e)
            } else {
                ImapError::Auth {
                    server: self.name(),
                    user: user.clone(),
                    reply,
                }
            }
        })
    }

    /// Connects and logs in now (also to check the configuration).
    pub fn check(&mut self) -> Result<(), ImapError> {
        self.session().map(|_| ())
    }

    fn session(&mut self) -> Result<&mut Session, ImapError> {
        if self.session.is_none() {
            // A new connection has nothing open and may be to a server that changed.
            self.watching = None;
            self.can_idle = None;
            self.session = Some(self.connect()?);
        }
        Ok(self.session.as_mut().expect("connected above"))
    }

    /// Runs `f` on the session; a failure drops the connection so the next call reconnects.
    fn with<T>(
        &mut self,
        command: &str,
        f: impl FnOnce(&mut Session) -> imap::Result<T>,
    ) -> Result<T, ImapError> {
        let r = f(self.session()?);
        r.map_err(|e| {
            self.session = None;
            self.error(command, e)
        })
    }

    fn list(&mut self) -> Result<&[Listed], ImapError> {
        if self.folders.is_none() {
            let names = self.with("LIST", |s| s.list(Some(""), Some("*")))?;
            let mut out = Vec::new();
            for n in names.iter() {
                let mut uses = Vec::new();
                for a in n.attributes() {
                    match a {
                        NameAttribute::Sent => uses.push(SpecialUse::Sent),
                        NameAttribute::Drafts => uses.push(SpecialUse::Drafts),
                        _ => {}
                    }
                }
                out.push((utf7::decode(n.name()), n.name().to_string(), uses));
            }
            self.folders = Some(out);
        }
        Ok(self.folders.as_deref().unwrap_or_default())
    }

    /// Every folder (UTF-8 names), as the server lists them.
    pub fn folders(&mut self) -> Result<Vec<String>, ImapError> {
        Ok(self.list()?.iter().map(|(n, _, _)| n.clone()).collect())
    }

    /// The folder the server marks with `use_`, if any (UTF-8 name).
    pub fn special_folder(&mut self, use_: SpecialUse) -> Result<Option<String>, ImapError> {
        Ok(self
            .list()?
            .iter()
            .find(|(_, _, u)| u.contains(&use_))
            .map(|(n, _, _)| n.clone()))
    }

    /// Resolves a folder: the configured name if given, else the special-use folder, else
    /// `fallback`. The folder must exist.
    pub fn resolve_folder(
        &mut self,
        configured: Option<&str>,
        use_: Option<SpecialUse>,
        fallback: &str,
    ) -> Result<String, ImapError> {
        let name = match (configured, use_) {
            (Some(n), _) => n.to_string(),
            (None, Some(u)) => self
                .special_folder(u)?
                .unwrap_or_else(|| fallback.to_string()),
            (None, None) => fallback.to_string(),
        };
        if name.eq_ignore_ascii_case("INBOX") {
            return Ok("INBOX".into());
        }
        let known = self.folders()?;
        if !known.contains(&name) {
            let key = match use_ {
                Some(SpecialUse::Sent) => "sent",
                Some(SpecialUse::Drafts) => "drafts",
                None => "inbox",
            };
            return Err(ImapError::NoFolder {
                server: self.name(),
                folder: name,
                hint: format!("set [imap] {key} to one of: {}", known.join(", ")),
            });
        }
        Ok(name)
    }

    /// Opens `folder` read-only (EXAMINE: nothing is marked read) and says what it holds.
    pub fn examine(&mut self, folder: &str) -> Result<FolderStatus, ImapError> {
        let w = wire(folder);
        self.watching = None;
        let mb = self.with(&format!("EXAMINE {folder}"), |s| s.examine(&w))?;
        let Some(uid_validity) = mb.uid_validity else {
            return Err(ImapError::Command {
                server: self.name(),
                command: format!("EXAMINE {folder}"),
                reason: "the server gave no UIDVALIDITY".into(),
            });
        };
        Ok(FolderStatus {
            uid_validity,
            uid_next: mb.uid_next,
            exists: mb.exists,
        })
    }

    /// The UIDs above `last_uid` in the open folder, ascending.
    pub fn uids_after(&mut self, last_uid: u32) -> Result<Vec<u32>, ImapError> {
        let from = last_uid.saturating_add(1);
        let set = self.with("UID SEARCH", |s| s.uid_search(format!("UID {from}:*")))?;
        // `N:*` always matches the last message, even below N.
        let mut uids: Vec<u32> = set.into_iter().filter(|&u| u > last_uid).collect();
        uids.sort_unstable();
        Ok(uids)
    }

    /// The raw bytes of these messages of the open folder (BODY.PEEK: nothing is marked
    /// read), by UID, ascending. A UID that vanished meanwhile is left out.
    pub fn fetch(&mut self, uids: &[u32]) -> Result<Vec<(u32, Vec<u8>)>, ImapError> {
        if uids.is_empty() {
            return Ok(Vec::new());
        }
        let set = uid_set(uids);
        let fetches = self.with("UID FETCH", |s| s.uid_fetch(&set, "(UID BODY.PEEK[])"))?;
        let mut out: Vec<(u32, Vec<u8>)> = fetches
            .iter()
            .filter_map(|f| Some((f.uid?, f.body()?.to_vec())))
            .filter(|(u, _)| uids.binary_search(u).is_ok())
            .collect();
        out.sort_by_key(|(u, _)| *u);
        out.dedup_by_key(|(u, _)| *u);
        Ok(out)
    }

    /// Appends a message to `folder` (marked `\Seen`, and `\Draft` when `draft`), with the
    /// message's date as its internal date. Returns its UID when the server says (UIDPLUS).
    pub fn append(
        &mut self,
        folder: &str,
        bytes: &[u8],
        draft: bool,
        date: Option<DateTime<FixedOffset>>,
    ) -> Result<Option<u32>, ImapError> {
        let w = wire(folder);
        let appended = self.with(&format!("APPEND {folder}"), |s| {
            let mut cmd = s.append(&w, bytes);
            cmd.flag(imap::types::Flag::Seen);
            if draft {
                cmd.flag(imap::types::Flag::Draft);
            }
            if let Some(d) = date {
                cmd.internal_date(d);
            }
            cmd.finish()
        })?;
        Ok(appended.uids.and_then(|u| match u.first() {
            Some(imap_proto::UidSetMember::Uid(u)) => Some(*u),
            _ => None,
        }))
    }

    /// How many messages of `folder` carry this Message-ID (without angle brackets).
    pub fn count_message_id(&mut self, folder: &str, message_id: &str) -> Result<usize, ImapError> {
        if message_id.contains(['"', '\\', '\r', '\n']) || message_id.is_empty() {
            return Ok(0);
        }
        self.examine(folder)?;
        let found = self.with("UID SEARCH HEADER Message-ID", |s| {
            s.uid_search(format!("HEADER Message-ID \"<{message_id}>\""))
        })?;
        Ok(found.len())
    }

    /// Creates a folder.
    pub fn create_folder(&mut self, folder: &str) -> Result<(), ImapError> {
        let w = wire(folder);
        self.folders = None;
        self.with(&format!("CREATE {folder}"), |s| s.create(&w))
    }

    /// Deletes a folder and everything in it.
    pub fn delete_folder(&mut self, folder: &str) -> Result<(), ImapError> {
        let w = wire(folder);
        self.folders = None;
        // A selected folder cannot always be deleted: leave it first.
        let _ = self.with("CLOSE", |s| s.close());
        self.with(&format!("DELETE {folder}"), |s| s.delete(&w))
    }

    /// What interrupts [`ImapClient::idle`] (asked a few times a second while waiting):
    /// a stop signal, so a daemon ends promptly. Applies to connections made after it is
    /// set.
    pub fn set_interrupt(&mut self, interrupt: Interrupt) {
        self.interrupt = Some(interrupt);
    }

    /// How long one IDLE command may last before it is ended and issued again
    /// ([`IDLE_REFRESH`], 29 minutes, by default; shorter only for tests).
    pub fn set_idle_refresh(&mut self, every: Duration) {
        self.idle_refresh = every.max(Duration::from_millis(10));
    }

    /// Whether the server offers IDLE (RFC 2177) in its capabilities.
    pub fn can_idle(&mut self) -> Result<bool, ImapError> {
        if let Some(b) = self.can_idle {
            return Ok(b);
        }
        let caps = self.with("CAPABILITY", |s| s.capabilities())?;
        let b = caps.has_str("IDLE");
        self.can_idle = Some(b);
        Ok(b)
    }

    /// Opens `folder` to be watched by [`ImapClient::idle`] (EXAMINE: nothing is marked
    /// read); does nothing when it is watched already on this connection. Watch before
    /// reading the folder: mail that arrives after this call is announced by the next
    /// IDLE, so none slips in between the read and the wait.
    pub fn watch(&mut self, folder: &str) -> Result<(), ImapError> {
        if self.session.is_some() && self.watching.as_deref() == Some(folder) {
            return Ok(());
        }
        self.examine(folder)?;
        self.watching = Some(folder.to_string());
        Ok(())
    }

    /// Waits for new mail in the watched folder ([`ImapClient::watch`]) with IDLE, until
    /// `until` or the interrupt. An IDLE command is ended (DONE) and issued again every
    /// [`ImapClient::idle_refresh`], as RFC 2177 asks; DONE is also sent on waking, so
    /// the connection is ready for the next command. Only an announcement of new messages
    /// (EXISTS, RECENT) wakes it; flag changes and expunges do not. Fails when nothing is
    /// watched or the server has no IDLE ([`ImapClient::can_idle`]); after a failure the
    /// connection is dropped (the next call reconnects).
    pub fn idle(&mut self, until: Instant) -> Result<Idled, ImapError> {
        let Some(folder) = self.watching.clone().filter(|_| self.session.is_some()) else {
            return Err(ImapError::Command {
                server: self.name(),
                command: "IDLE".into(),
                reason: "no folder is watched (watch it first)".into(),
            });
        };
        if !self.can_idle()? {
            return Err(ImapError::Command {
                server: self.name(),
                command: "IDLE".into(),
                reason: "the server does not offer IDLE".into(),
            });
        }
        let refresh = self.idle_refresh;
        let command = format!("IDLE {folder}");
        let mut commands = 0;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(Idled {
                    outcome: IdleOutcome::TimedOut,
                    commands,
                });
            }
            if self.interrupt.as_ref().is_some_and(|f| f()) {
                return Ok(Idled {
                    outcome: IdleOutcome::Interrupted,
                    commands,
                });
            }
            commands += 1;
            let mut news = false;
            let mut bye: Option<String> = None;
            let session = self.session()?;
            // The imap crate panics (`unreachable!`) when a server answers IDLE with a
            // tagged OK and no continuation; such a server is a bad input, not a bug of
            // ours: it becomes an error and the connection is dropped.
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let mut h = session.idle();
                h.timeout(left.min(refresh)).keepalive(false);
                // Dropping the handle sends DONE and reads the server's completion.
                h.wait_while(|r| match r {
                    imap::types::UnsolicitedResponse::Exists(_)
                    | imap::types::UnsolicitedResponse::Recent(_) => {
                        news = true;
                        false
                    }
                    imap::types::UnsolicitedResponse::Bye { information, .. } => {
                        bye = Some(information.unwrap_or_default());
                        false
                    }
                    _ => true,
                })
            }));
            let r = match r {
                Ok(r) => r,
                Err(_) => {
                    self.session = None;
                    return Err(ImapError::Command {
                        server: self.name(),
                        command,
                        reason: "the server answered IDLE without a continuation".into(),
                    });
                }
            };
            if let Some(why) = bye {
                self.session = None;
                return Err(ImapError::Command {
                    server: self.name(),
                    command,
                    reason: format!("BYE {why}"),
                });
            }
            match r {
                Ok(_) if news => {
                    return Ok(Idled {
                        outcome: IdleOutcome::NewMail,
                        commands,
                    });
                }
                // Timed out (the deadline, the interrupt, or the refresh): decided at the
                // top of the loop.
                Ok(_) => {}
                Err(e) => {
                    self.session = None;
                    return Err(self.error(&command, e));
                }
            }
        }
    }

    /// Logs out politely.
    pub fn logout(&mut self) {
        if let Some(mut s) = self.session.take() {
            let _ = s.logout();
        }
    }
}

impl Drop for ImapClient {
    fn drop(&mut self) {
        self.logout();
    }
}

/// A compact UID set: `1:3,7,9:10`.
fn uid_set(uids: &[u32]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < uids.len() {
        let start = uids[i];
        let mut end = start;
        while i + 1 < uids.len() && uids[i + 1] == end + 1 {
            i += 1;
            end = uids[i];
        }
        if !out.is_empty() {
            out.push(',');
        }
        if start == end {
            out.push_str(&start.to_string());
        } else {
            out.push_str(&format!("{start}:{end}"));
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uid_sets_are_compact() {
        assert_eq!(uid_set(&[1, 2, 3, 7, 9, 10]), "1:3,7,9:10");
        assert_eq!(uid_set(&[5]), "5");
        assert_eq!(uid_set(&[]), "");
    }
}
