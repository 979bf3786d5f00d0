//! The SMTP client: hands a message's bytes to a server exactly as given (lettre's
//! connection, driven one command at a time so the caller can record, durably, the moment
//! the content is about to leave).
//!
//! What a failure means for the message is in [`SmtpError::disposition`]: a 4xx reply or a
//! failure before the content was handed over means "not delivered, try again"; a 5xx reply
//! means "refused"; a connection lost or a reply never received after the content was sent
//! means nobody can tell, and the message must not be sent again blindly.

use super::config::{Security, Server};
use super::tls::{read_ca_file, tls_cause};
use lettre::Address;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use std::time::{Duration, Instant};

/// The step of the SMTP dialogue an error happened at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Opening the connection and reading the greeting.
    Connect,
    /// TLS (implicit or STARTTLS).
    Tls,
    /// Logging in.
    Auth,
    /// `MAIL FROM`.
    Mail,
    /// `RCPT TO`.
    Rcpt,
    /// `DATA` (before the content).
    Data,
    /// The content and the final dot: from here on the server may have the message.
    Message,
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Stage::Connect => "connect",
            Stage::Tls => "TLS",
            Stage::Auth => "AUTH",
            Stage::Mail => "MAIL FROM",
            Stage::Rcpt => "RCPT TO",
            Stage::Data => "DATA",
            Stage::Message => "end of DATA",
        })
    }
}

/// What a failed transaction means for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    /// Not delivered; a later attempt may succeed (4xx, network, server down, login).
    Retry,
    /// Refused for good (5xx): sending it again would be refused again.
    Fail,
    /// The content was handed over but no reply came: it may or may not have been
    /// delivered. A person must decide.
    Uncertain,
}

/// Everything that can go wrong talking to an SMTP server. Each message names the server and
/// what to check.
#[derive(Debug, thiserror::Error)]
pub enum SmtpError {
    /// No connection could be made.
    #[error(
        "cannot reach the SMTP server {server}: {reason} (check [smtp] host and port, and that the server is running)"
    )]
    Unreachable {
        /// The server.
        server: String,
        /// What the network said.
        reason: String,
    },
    /// TLS failed (certificate, name, protocol).
    #[error(
        "TLS with the SMTP server {server} failed: {reason} (check [smtp] security and port: 465 is usually \"tls\", 587 \"starttls\"; and ca_file for a private CA)"
    )]
    Tls {
        /// The server.
        server: String,
        /// Why.
        reason: String,
    },
    /// `security = "starttls"` but the server does not offer it.
    #[error(
        "the SMTP server {server} does not offer STARTTLS; liaison never falls back to plain text (use security = \"tls\" with port 465, or the server's submission port)"
    )]
    NoStartTls {
        /// The server.
        server: String,
    },
    /// The server refused the login.
    #[error(
        "the SMTP server {server} refused the login of {user}: {reply} (check [smtp] username and the password from password_env or password_command)"
    )]
    Auth {
        /// The server.
        server: String,
        /// The login name.
        user: String,
        /// The server's reply.
        reply: String,
    },
    /// A login is configured but the server offers no mechanism liaison speaks.
    #[error(
        "the SMTP server {server} offers no AUTH PLAIN or LOGIN here (many servers offer it only after STARTTLS: check [smtp] security)"
    )]
    NoAuth {
        /// The server.
        server: String,
    },
    /// The server answered with an error code.
    #[error("the SMTP server {server} answered {code} to {stage}: {text}")]
    Rejected {
        /// The server.
        server: String,
        /// Where.
        stage: Stage,
        /// The reply code (4xx temporary, 5xx permanent).
        code: u16,
        /// The reply text.
        text: String,
    },
    /// No answer in time.
    #[error(
        "the SMTP server {server} did not answer within {secs} s at {stage} (check the server, or raise [smtp] timeout)"
    )]
    Timeout {
        /// The server.
        server: String,
        /// Where.
        stage: Stage,
        /// The timeout, in seconds.
        secs: f64,
    },
    /// The connection was lost.
    #[error("the SMTP server {server} closed the connection at {stage}: {reason}")]
    Dropped {
        /// The server.
        server: String,
        /// Where.
        stage: Stage,
        /// What the network said.
        reason: String,
    },
    /// An envelope address is not acceptable.
    #[error("envelope address {address:?} refused: {reason}")]
    Address {
        /// The address.
        address: String,
        /// Why.
        reason: String,
    },
    /// The message needs something the server lacks (8BITMIME, SMTPUTF8).
    #[error("the SMTP server {server} cannot take this message: {reason}")]
    Unsupported {
        /// The server.
        server: String,
        /// What is missing.
        reason: String,
    },
    /// The caller's step before the content failed (nothing was handed over).
    #[error("{0}")]
    Hook(String),
}

impl SmtpError {
    /// What the failure means for the message (see [`Disposition`]).
    pub fn disposition(&self) -> Disposition {
        match self {
            SmtpError::Rejected { code, .. } if *code >= 500 => Disposition::Fail,
            SmtpError::Rejected { .. } => Disposition::Retry,
            SmtpError::Timeout {
                stage: Stage::Message,
                ..
            }
            | SmtpError::Dropped {
                stage: Stage::Message,
                ..
            } => Disposition::Uncertain,
            SmtpError::Address { .. } | SmtpError::Unsupported { .. } => Disposition::Fail,
            _ => Disposition::Retry,
        }
    }

    /// True when the failure concerns the server or the account, not this message: sending
    /// the next message would fail the same way.
    pub fn is_connection_level(&self) -> bool {
        match self {
            SmtpError::Unreachable { .. }
            | SmtpError::Tls { .. }
            | SmtpError::NoStartTls { .. }
            | SmtpError::Auth { .. }
            | SmtpError::NoAuth { .. } => true,
            SmtpError::Timeout { stage, .. }
            | SmtpError::Dropped { stage, .. }
            | SmtpError::Rejected { stage, .. } => matches!(stage, Stage::Connect | Stage::Tls),
            _ => false,
        }
    }
}

/// The server's acceptance of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// The reply to the final dot (e.g. `250 2.0.0 Ok: queued as 4Xk…`).
    pub reply: String,
}

/// An SMTP client for one server; connects on first use and keeps the connection for the
/// next message.
pub struct SmtpClient {
    server: Server,
    hello: ClientId,
    conn: Option<(SmtpConnection, Instant)>,
}

impl std::fmt::Debug for SmtpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpClient")
            .field("server", &self.server)
            .field("connected", &self.conn.is_some())
            .finish()
    }
}

/// An idle connection older than this is checked with NOOP before reuse.
const IDLE_CHECK: Duration = Duration::from_secs(20);

fn is_timeout(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(io) = err.downcast_ref::<std::io::Error>()
            && matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            )
        {
            return true;
        }
        cur = err.source();
    }
    false
}

/// The innermost message of an error chain (lettre's own text is generic).
fn cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut last = e.to_string();
    let mut cur = e.source();
    while let Some(err) = cur {
        last = err.to_string();
        cur = err.source();
    }
    last
}

impl SmtpClient {
    /// A client for `server`; `hello` is the name given in EHLO (our domain).
    pub fn new(server: Server, hello: &str) -> SmtpClient {
        let hello = match hello.parse::<std::net::IpAddr>() {
            Ok(std::net::IpAddr::V4(a)) => ClientId::Ipv4(a),
            Ok(std::net::IpAddr::V6(a)) => ClientId::Ipv6(a),
            Err(_) if !hello.trim().is_empty() && !hello.contains(['\r', '\n', ' ']) => {
                ClientId::Domain(hello.trim().to_string())
            }
            Err(_) => ClientId::Domain("localhost".into()),
        };
        SmtpClient {
            server,
            hello,
            conn: None,
        }
    }

    /// The server this client talks to.
    pub fn server(&self) -> &Server {
        &self.server
    }

    fn name(&self) -> String {
        self.server.to_string()
    }

    fn classify(&self, e: lettre::transport::smtp::Error, stage: Stage) -> SmtpError {
        let server = self.name();
        if let Some(code) = e.status() {
            let code: u16 = code.to_string().parse().unwrap_or(0);
            let text = std::error::Error::source(&e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            if stage == Stage::Auth {
                return SmtpError::Auth {
                    server,
                    user: self.server.username.clone().unwrap_or_default(),
                    reply: format!("{code} {text}"),
                };
            }
            return SmtpError::Rejected {
                server,
                stage,
                code,
                text,
            };
        }
        if let Some(reason) = tls_cause(&e) {
            return SmtpError::Tls { server, reason };
        }
        if e.is_tls() {
            return SmtpError::Tls {
                server,
                reason: cause(&e),
            };
        }
        if is_timeout(&e) {
            return SmtpError::Timeout {
                server,
                stage,
                secs: self.server.timeout.as_secs_f64(),
            };
        }
        if stage == Stage::Connect && !e.is_response() {
            return SmtpError::Unreachable {
                server,
                reason: cause(&e),
            };
        }
        SmtpError::Dropped {
            server,
            stage,
            reason: cause(&e),
        }
    }

    fn tls_parameters(&self) -> Result<TlsParameters, SmtpError> {
        let tls_err = |reason: String| SmtpError::Tls {
            server: self.name(),
            reason,
        };
        let mut b = TlsParameters::builder(self.server.host.clone());
        if let Some(p) = &self.server.ca_file {
            for c in read_ca_file(p).map_err(tls_err)? {
                let cert =
                    Certificate::from_der(c.as_ref().to_vec()).map_err(|e| tls_err(cause(&e)))?;
                b = b.add_root_certificate(cert);
            }
        }
        b.build_rustls().map_err(|e| tls_err(cause(&e)))
    }

    fn connect(&self) -> Result<SmtpConnection, SmtpError> {
        let timeout = Some(self.server.timeout);
        let addr = self.server.address();
        let mut conn = match self.server.security {
            Security::Tls => {
                let params = self.tls_parameters()?;
                SmtpConnection::connect(addr, timeout, &self.hello, Some(&params), None)
                    .map_err(|e| self.classify(e, Stage::Connect))?
            }
            Security::Starttls => {
                let params = self.tls_parameters()?;
                let mut c = SmtpConnection::connect(addr, timeout, &self.hello, None, None)
                    .map_err(|e| self.classify(e, Stage::Connect))?;
                if !c.can_starttls() {
                    c.abort();
                    return Err(SmtpError::NoStartTls {
                        server: self.name(),
                    });
                }
                c.starttls(&params, &self.hello)
                    .map_err(|e| self.classify(e, Stage::Tls))?;
                c
            }
            Security::None => SmtpConnection::connect(addr, timeout, &self.hello, None, None)
                .map_err(|e| self.classify(e, Stage::Connect))?,
        };
        if let (Some(user), Some(pass)) = (&self.server.username, &self.server.password) {
            let offers = [Mechanism::Plain, Mechanism::Login]
                .iter()
                .any(|m| conn.server_info().supports_auth_mechanism(*m));
            if !offers {
                conn.abort();
                return Err(SmtpError::NoAuth {
                    server: self.name(),
                });
            }
            let creds = Credentials::new(user.clone(), pass.clone());
            if let Err(e) = conn.auth(&[Mechanism::Plain, Mechanism::Login], &creds) {
                conn.abort();
                return Err(self.classify(e, Stage::Auth));
            }
        }
        Ok(conn)
    }

    /// Connects (and logs in) now, to check the configuration.
    pub fn check(&mut self) -> Result<(), SmtpError> {
        self.connection().map(|_| ())
    }

    fn connection(&mut self) -> Result<&mut SmtpConnection, SmtpError> {
        let stale = match &mut self.conn {
            Some((c, last)) => {
                c.has_broken() || (last.elapsed() > IDLE_CHECK && !c.test_connected())
            }
            None => true,
        };
        if stale {
            if let Some((mut c, _)) = self.conn.take() {
                c.abort();
            }
            let c = self.connect()?;
            self.conn = Some((c, Instant::now()));
        }
        Ok(&mut self.conn.as_mut().expect("connected above").0)
    }

    /// Sends one message: `MAIL FROM:<from>`, `RCPT TO` for each recipient, `DATA`, then
    /// `before_content` (the caller records that the content is about to be handed over; an
    /// error there aborts the transaction before anything was sent), then the bytes as they
    /// are (dot-stuffed) and the final dot. Any failure closes the connection; the next
    /// message opens a new one.
    pub fn send(
        &mut self,
        from: &str,
        recipients: &[String],
        bytes: &[u8],
        before_content: &mut dyn FnMut() -> Result<(), String>,
    ) -> Result<Accepted, SmtpError> {
        let parse = |a: &str| -> Result<Address, SmtpError> {
            super::check_envelope_address(a).map_err(|reason| SmtpError::Address {
                address: a.to_string(),
                reason,
            })?;
            a.parse::<Address>().map_err(|e| SmtpError::Address {
                address: a.to_string(),
                reason: e.to_string(),
            })
        };
        let sender = parse(from)?;
        if recipients.is_empty() {
            return Err(SmtpError::Address {
                address: String::new(),
                reason: "the message has no recipient".into(),
            });
        }
        let rcpts = recipients
            .iter()
            .map(|r| parse(r))
            .collect::<Result<Vec<_>, _>>()?;
        let r = self.transaction(sender, &rcpts, bytes, before_content);
        match &r {
            Ok(_) => {
                if let Some((_, last)) = &mut self.conn {
                    *last = Instant::now();
                }
            }
            Err(_) => {
                if let Some((mut c, _)) = self.conn.take() {
                    c.abort();
                }
            }
        }
        r
    }

    fn transaction(
        &mut self,
        sender: Address,
        rcpts: &[Address],
        bytes: &[u8],
        before_content: &mut dyn FnMut() -> Result<(), String>,
    ) -> Result<Accepted, SmtpError> {
        let name = self.name();
        let conn = self.connection()?;
        let mut params = Vec::new();
        let info = conn.server_info();
        if !bytes.is_ascii() {
            if !info.supports_feature(Extension::EightBitMime) {
                return Err(SmtpError::Unsupported {
                    server: name,
                    reason: "the message has 8-bit content and the server lacks 8BITMIME".into(),
                });
            }
            params.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        let utf8 =
            !sender.to_string().is_ascii() || rcpts.iter().any(|r| !r.to_string().is_ascii());
        if utf8 {
            if !info.supports_feature(Extension::SmtpUtfEight) {
                return Err(SmtpError::Unsupported {
                    server: name,
                    reason: "an address is not ASCII and the server lacks SMTPUTF8".into(),
                });
            }
            params.push(MailParameter::SmtpUtfEight);
        }
        let r = conn.command(Mail::new(Some(sender), params));
        r.map_err(|e| self.classify(e, Stage::Mail))?;
        for rcpt in rcpts {
            let conn = &mut self.conn.as_mut().expect("connected").0;
            conn.command(Rcpt::new(rcpt.clone(), vec![]))
                .map_err(|e| self.classify(e, Stage::Rcpt))?;
        }
        let conn = &mut self.conn.as_mut().expect("connected").0;
        conn.command(Data)
            .map_err(|e| self.classify(e, Stage::Data))?;
        before_content().map_err(SmtpError::Hook)?;
        let conn = &mut self.conn.as_mut().expect("connected").0;
        // The content and the final dot in one write: lettre's `message` writes them apart,
        // and Nagle's algorithm then holds the dot until the server's delayed ACK (40 ms a
        // message). Text goes through `command`, which writes once; other bytes (8-bit in
        // a legacy charset) take the slower way.
        let reply = match std::str::from_utf8(bytes) {
            Ok(text) => conn.command(Content(data_block(text))),
            Err(_) => conn.message(bytes),
        }
        .map_err(|e| self.classify(e, Stage::Message))?;
        let text: Vec<&str> = reply.message().collect();
        Ok(Accepted {
            reply: format!("{} {}", reply.code(), text.join(" ")),
        })
    }

    /// Ends the session politely (QUIT).
    pub fn quit(&mut self) {
        if let Some((mut c, _)) = self.conn.take() {
            let _ = c.quit();
        }
    }
}

/// The DATA block of a message: dot-stuffed (a line starting with `.` gets another), ended
/// by CRLF and the lone dot. The message itself arrives unchanged.
fn data_block(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut at_line_start = true;
    let mut prev = '\0';
    for c in text.chars() {
        if at_line_start && c == '.' {
            out.push('.');
        }
        out.push(c);
        at_line_start = c == '\n' && prev == '\r';
        prev = c;
    }
    if !out.ends_with("\r\n") {
        out.push_str("\r\n");
    }
    out.push_str(".\r\n");
    out
}

/// Text written as one "command" (see [`data_block`]).
struct Content(String);

impl std::fmt::Display for Content {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Drop for SmtpClient {
    fn drop(&mut self) {
        self.quit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server() -> String {
        "smtp://127.0.0.1:25".into()
    }

    #[test]
    fn data_blocks_are_dot_stuffed_and_ended_once() {
        assert_eq!(
            data_block("a\r\n.b\r\n..c\r\nd.\r\n"),
            "a\r\n..b\r\n...c\r\nd.\r\n.\r\n"
        );
        assert_eq!(data_block(".x"), "..x\r\n.\r\n");
        assert_eq!(data_block("x\r\n"), "x\r\n.\r\n");
        // A lone LF is not a line end on the wire.
        assert_eq!(data_block("x\n.y\r\n"), "x\n.y\r\n.\r\n");
    }

    #[test]
    fn dispositions() {
        let rej = |code| SmtpError::Rejected {
            server: server(),
            stage: Stage::Message,
            code,
            text: "x".into(),
        };
        assert_eq!(rej(451).disposition(), Disposition::Retry);
        assert_eq!(rej(554).disposition(), Disposition::Fail);
        let lost = |stage| SmtpError::Dropped {
            server: server(),
            stage,
            reason: "eof".into(),
        };
        assert_eq!(lost(Stage::Data).disposition(), Disposition::Retry);
        assert_eq!(lost(Stage::Message).disposition(), Disposition::Uncertain);
        let late = SmtpError::Timeout {
            server: server(),
            stage: Stage::Message,
            secs: 1.0,
        };
        assert_eq!(late.disposition(), Disposition::Uncertain);
        assert!(
            SmtpError::Unreachable {
                server: server(),
                reason: "refused".into()
            }
            .is_connection_level()
        );
        assert!(!rej(451).is_connection_level());
    }
}
