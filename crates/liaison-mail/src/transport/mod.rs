//! Transports: an SMTP client (through lettre) that hands composed bytes to a server as
//! they are, and an IMAP client (the `imap` crate) that reads folders by UID and appends to
//! the Sent folder. Both are synchronous, speak TLS through rustls (the system roots plus an
//! optional CA file), and connect lazily, so a command that never needs the server never
//! asks for its password.
//!
//! Configuration (`[smtp]`, `[imap]` in liaison.toml) is read into [`SmtpConfig`] and
//! [`ImapConfig`] and resolved into a [`Server`]: defaults filled in, the password read from
//! `password_env` or `password_command` (never from the command line), and every field that
//! reaches the wire checked for CR/LF (header and command injection).
//!
//! Every error names the server and says what to check.

mod config;
pub mod imap;
pub mod smtp;
pub(crate) mod tls;
pub mod utf7;

pub use config::{ConfigError, ImapConfig, Security, Server, SmtpConfig};
pub use imap::{
    FolderNames, FolderStatus, IDLE_REFRESH, IdleOutcome, Idled, ImapClient, ImapError, Interrupt,
    SpecialUse,
};
pub use smtp::{Accepted, Disposition, SmtpClient, SmtpError, Stage};

/// Checks an address for the envelope (`MAIL FROM`, `RCPT TO`): one `local@domain` with no
/// CR, LF, spaces, angle brackets or commas, so nothing can be smuggled into the SMTP
/// dialogue. Returns the reason when it is refused.
pub fn check_envelope_address(addr: &str) -> Result<(), String> {
    if addr.is_empty() {
        return Err("empty address".into());
    }
    if addr.contains(['\r', '\n']) {
        return Err("contains CR or LF (header injection refused)".into());
    }
    if let Some(c) = addr
        .chars()
        .find(|c| c.is_control() || c.is_whitespace() || matches!(c, '<' | '>' | ',' | ';'))
    {
        return Err(format!("contains {c:?}"));
    }
    match addr.split_once('@') {
        Some((local, domain))
            if !local.is_empty() && !domain.is_empty() && !domain.contains('@') =>
        {
            Ok(())
        }
        _ => Err("not of the form local@domain".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelope_addresses_refuse_injection() {
        assert!(check_envelope_address("wanglei@example.com").is_ok());
        for bad in [
            "",
            "wanglei@example.com\r\nRCPT TO:<x@y>",
            "a b@example.com",
            "<a@b>",
            "a@b,c@d",
            "nodomain",
            "a@b@c",
            "@example.com",
        ] {
            assert!(check_envelope_address(bad).is_err(), "{bad:?}");
        }
        assert!(
            check_envelope_address("a@b\nBcc: c@d")
                .unwrap_err()
                .contains("injection")
        );
    }
}
