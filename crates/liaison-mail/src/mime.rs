//! The MIME writer: a composed mail to RFC 5322 bytes.
//!
//! UTF-8 header text is encoded per RFC 2047 (`=?UTF-8?B?…?=`, folded), attachment file
//! names per RFC 2231 (`filename*0*=UTF-8''…`), the body is base64 UTF-8 text. The output
//! is byte-stable: the boundary is derived from the Message-ID, and the Date comes from the
//! caller (`--now`), so the same input always gives the same bytes.

use chrono::{DateTime, FixedOffset};
use sha2::{Digest, Sha256};

/// A display name and an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    /// Display name (may be Chinese); empty for none.
    pub name: String,
    /// The address.
    pub email: String,
}

/// A file to attach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutAttachment {
    /// File name as the recipient sees it (may be Chinese).
    pub filename: String,
    /// The bytes.
    pub data: Vec<u8>,
}

/// A message ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutMessage {
    /// Sender.
    pub from: Mailbox,
    /// To recipients.
    pub to: Vec<Mailbox>,
    /// Cc recipients.
    pub cc: Vec<Mailbox>,
    /// Subject (UTF-8, one line).
    pub subject: String,
    /// The Date header.
    pub date: DateTime<FixedOffset>,
    /// Message-ID without angle brackets (see [`message_id`]).
    pub message_id: String,
    /// Plain-text body (UTF-8, `\n` line ends).
    pub body: String,
    /// Attachments, in order.
    pub attachments: Vec<OutAttachment>,
}

/// Errors of [`write`].
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MimeError {
    /// A header field contains CR or LF (header injection).
    #[error("header field {field} contains CR or LF (header injection refused)")]
    HeaderInjection {
        /// Which field.
        field: &'static str,
    },
    /// An address is not of the form local@domain.
    #[error("invalid address {0:?}")]
    BadAddress(String),
}

/// A Message-ID (without brackets) on `domain`, derived from `seed` so it is stable.
pub fn message_id(seed: &str, domain: &str) -> String {
    let h = Sha256::digest(seed.as_bytes());
    format!("liaison.{}@{}", hex::encode(&h[..12]), domain)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(B64[(n >> 18) as usize & 63] as char);
        out.push(B64[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            B64[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            B64[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

/// RFC 2047 encoded words for `text`, each at most 75 characters, split on character
/// boundaries; ASCII text without `=?` is returned as is.
pub fn encode_words(text: &str) -> Vec<String> {
    if text.is_ascii() && !text.contains("=?") {
        return vec![text.to_string()];
    }
    let mut words = Vec::new();
    let mut chunk = String::new();
    for ch in text.chars() {
        // 39 input bytes -> 52 base64 chars -> 64 with the wrapper, so "Subject: " + word fits 78.
        if chunk.len() + ch.len_utf8() > 39 {
            words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
            chunk.clear();
        }
        chunk.push(ch);
    }
    if !chunk.is_empty() {
        words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
    }
    words
}

fn check(field: &'static str, value: &str) -> Result<(), MimeError> {
    if value.contains(['\r', '\n']) {
        Err(MimeError::HeaderInjection { field })
    } else {
        Ok(())
    }
}

fn mailbox(field: &'static str, m: &Mailbox) -> Result<String, MimeError> {
    check(field, &m.name)?;
    check(field, &m.email)?;
    let ok = m.email.split_once('@').is_some_and(|(l, d)| {
        !l.is_empty() && !d.is_empty() && !m.email.contains([' ', '<', '>', ',', ';', '"'])
    });
    if !ok {
        return Err(MimeError::BadAddress(m.email.clone()));
    }
    if m.name.is_empty() {
        return Ok(m.email.clone());
    }
    let name = if m.name.is_ascii() {
        if m.name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " !#$%&'*+-/=?^_`{|}~".contains(c))
        {
            m.name.clone()
        } else {
            format!("\"{}\"", m.name.replace('\\', "\\\\").replace('"', "\\\""))
        }
    } else {
        encode_words(&m.name).join(" ")
    };
    Ok(format!("{name} <{}>", m.email))
}

fn address_list(out: &mut String, header: &'static str, list: &[Mailbox]) -> Result<(), MimeError> {
    if list.is_empty() {
        return Ok(());
    }
    let parts = list
        .iter()
        .map(|m| mailbox(header, m))
        .collect::<Result<Vec<_>, _>>()?;
    out.push_str(header);
    out.push_str(": ");
    out.push_str(&parts.join(",\r\n "));
    out.push_str("\r\n");
    Ok(())
}

/// RFC 2231 parameter `name*0*=UTF-8''…; name*1*=…`, split into lines of reasonable length.
fn rfc2231(param: &str, value: &str) -> String {
    // Percent-encode per character, and split only between characters, so that readers
    // which decode each continuation on its own still see whole UTF-8 sequences.
    let mut segments = Vec::new();
    let mut cur = String::new();
    for ch in value.chars() {
        let mut enc = String::new();
        let mut buf = [0u8; 4];
        for &b in ch.encode_utf8(&mut buf).as_bytes() {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                enc.push(b as char);
            } else {
                enc.push_str(&format!("%{b:02X}"));
            }
        }
        if !cur.is_empty() && cur.len() + enc.len() > 50 {
            segments.push(std::mem::take(&mut cur));
        }
        cur.push_str(&enc);
    }
    if !cur.is_empty() || segments.is_empty() {
        segments.push(cur);
    }
    segments
        .iter()
        .enumerate()
        .map(|(n, s)| {
            if n == 0 {
                format!("{param}*0*=UTF-8''{s}")
            } else {
                format!("{param}*{n}*={s}")
            }
        })
        .collect::<Vec<_>>()
        .join(";\r\n ")
}

/// A content type from the file extension.
pub fn content_type(filename: &str) -> &'static str {
    let ext = filename
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "zip" => "application/zip",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "txt" | "log" | "md" => "text/plain",
        "csv" => "text/csv",
        _ => "application/octet-stream",
    }
}

fn base64_lines(out: &mut String, data: &[u8]) {
    for chunk in data.chunks(57) {
        out.push_str(&base64(chunk));
        out.push_str("\r\n");
    }
}

/// Writes the message as RFC 5322 bytes with CRLF line ends.
pub fn write(msg: &OutMessage) -> Result<Vec<u8>, MimeError> {
    check("Subject", &msg.subject)?;
    check("Message-ID", &msg.message_id)?;
    for a in &msg.attachments {
        check("attachment filename", &a.filename)?;
    }
    let mut out = String::new();
    out.push_str(&format!("From: {}\r\n", mailbox("From", &msg.from)?));
    address_list(&mut out, "To", &msg.to)?;
    address_list(&mut out, "Cc", &msg.cc)?;
    out.push_str("Subject: ");
    out.push_str(&encode_words(&msg.subject).join("\r\n "));
    out.push_str("\r\n");
    out.push_str(&format!("Date: {}\r\n", msg.date.to_rfc2822()));
    out.push_str(&format!("Message-ID: <{}>\r\n", msg.message_id));
    out.push_str("MIME-Version: 1.0\r\n");
    out.push_str("X-Mailer: liaison\r\n");
    let text_headers =
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n";
    let body = msg.body.replace("\r\n", "\n").replace('\n', "\r\n");
    if msg.attachments.is_empty() {
        out.push_str(text_headers);
        out.push_str("\r\n");
        base64_lines(&mut out, body.as_bytes());
        return Ok(out.into_bytes());
    }
    let h = Sha256::digest(msg.message_id.as_bytes());
    let boundary = format!("=_liaison_{}", hex::encode(&h[..8]));
    out.push_str(&format!(
        "Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n"
    ));
    out.push_str("This is a multi-part message in MIME format.\r\n");
    out.push_str(&format!("--{boundary}\r\n{text_headers}\r\n"));
    base64_lines(&mut out, body.as_bytes());
    for a in &msg.attachments {
        out.push_str(&format!("--{boundary}\r\n"));
        out.push_str(&format!(
            "Content-Type: {};\r\n {}\r\n",
            content_type(&a.filename),
            rfc2231("name", &a.filename)
        ));
        out.push_str("Content-Transfer-Encoding: base64\r\n");
        out.push_str(&format!(
            "Content-Disposition: attachment;\r\n {}\r\n\r\n",
            rfc2231("filename", &a.filename)
        ));
        base64_lines(&mut out, &a.data);
    }
    out.push_str(&format!("--{boundary}--\r\n"));
    Ok(out.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }

    #[test]
    fn encoded_words_stay_short_and_split_on_chars() {
        let words = encode_words("【需求对接】Q3新产品用户调研与数据分析支持-市场部/技术部-紧急");
        assert!(words.len() > 1);
        assert!(words.iter().all(|w| w.len() <= 75), "{words:?}");
        assert_eq!(encode_words("plain"), vec!["plain".to_string()]);
    }

    #[test]
    fn header_injection_is_refused() {
        let m = OutMessage {
            from: Mailbox {
                name: "A".into(),
                email: "a@example.com".into(),
            },
            to: vec![Mailbox {
                name: "B".into(),
                email: "b@example.com".into(),
            }],
            cc: vec![],
            subject: "hi\r\nBcc: evil@example.com".into(),
            date: DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap(),
            message_id: "x@example.com".into(),
            body: "b".into(),
            attachments: vec![],
        };
        assert_eq!(
            write(&m),
            Err(MimeError::HeaderInjection { field: "Subject" })
        );
        let mut m2 = m.clone();
        m2.subject = "ok".into();
        m2.to[0].name = "B\nBcc: x@y".into();
        assert_eq!(write(&m2), Err(MimeError::HeaderInjection { field: "To" }));
    }

    #[test]
    fn rfc2231_splits_on_whole_escapes() {
        let p = rfc2231("filename", "Q3用户调研需求清单与访谈纪要汇总表.xlsx");
        assert!(p.starts_with("filename*0*=UTF-8''Q3%E7"));
        for seg in p.split(";\r\n ") {
            let v = seg.split_once('=').unwrap().1;
            assert!(
                !v.ends_with('%') && !v[v.len().saturating_sub(2)..].starts_with('%'),
                "{seg}"
            );
        }
    }
}
