//! A received or sent message, reduced to what liaison needs.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// An attachment of a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// Decoded file name.
    pub name: String,
    /// MIME type.
    pub content_type: String,
    /// Size in bytes (decoded).
    pub size: u64,
}

/// A parsed message: headers, text body and attachments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Message-ID without angle brackets.
    pub message_id: Option<String>,
    /// In-Reply-To ids, without angle brackets.
    pub in_reply_to: Vec<String>,
    /// References ids, oldest first, without angle brackets.
    pub references: Vec<String>,
    /// Outlook's Thread-Index header, base64 as sent.
    pub thread_index: Option<String>,
    /// Decoded subject.
    pub subject: String,
    /// Sender address (lower-cased email).
    pub from: Option<String>,
    /// Sender display name.
    pub from_name: Option<String>,
    /// To addresses.
    pub to: Vec<String>,
    /// Cc addresses.
    pub cc: Vec<String>,
    /// Date header.
    pub date: Option<DateTime<FixedOffset>>,
    /// The text body (text/plain, or text/html reduced to text).
    pub body: String,
    /// Attachments.
    pub attachments: Vec<Attachment>,
    /// Problems met while reading (malformed header…).
    pub problems: Vec<String>,
    /// Charsets that had to be guessed or corrected, part by part (see [`CharsetNote`]).
    #[serde(default)]
    pub charset_notes: Vec<crate::charset::CharsetNote>,
    /// The header that marks the message as sent automatically (an out-of-office or
    /// other auto-reply), as `Name: value`: `Auto-Submitted` other than `no` (RFC 3834),
    /// `X-Autoreply`, `X-Autorespond`, `Precedence: auto_reply`, or Exchange's
    /// `X-Auto-Response-Suppress: All`. `None` when no header says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_reply: Option<String>,
}

impl Message {
    /// Reads an RFC 5322 message. Never panics and never fails: what could not be read is
    /// listed in [`Message::problems`], and charsets that had to be guessed (undeclared
    /// 8-bit text, unknown or wrong labels) or a multipart body read without its boundary
    /// in [`Message::charset_notes`].
    pub fn parse(raw: &[u8]) -> Message {
        Message::parse_depth(raw, 0)
    }

    fn parse_depth(raw: &[u8], depth: u8) -> Message {
        use mail_parser::{MessageParser, MimeHeaders};

        let Some(m) = MessageParser::default().parse(raw) else {
            return Message {
                problems: vec!["not an RFC 5322 message: no header could be read".into()],
                ..Message::default()
            };
        };
        let mut out = Message {
            message_id: m.message_id().map(clean_id),
            in_reply_to: id_list(m.in_reply_to()),
            references: id_list(m.references()),
            thread_index: m.header_raw("Thread-Index").map(|s| s.trim().to_string()),
            auto_reply: auto_reply_header(&m),
            subject: m.subject().unwrap_or_default().trim().to_string(),
            ..Message::default()
        };
        if let Some(addr) = m.from().and_then(|a| a.first()) {
            out.from = addr.address().map(|a| a.trim().to_lowercase());
            out.from_name = addr.name().map(|n| n.trim().to_string());
        }
        out.to = m.to().map(addresses).unwrap_or_default();
        out.cc = m.cc().map(addresses).unwrap_or_default();
        out.date = m.date().and_then(|d| {
            if d.is_valid() {
                DateTime::parse_from_rfc3339(&d.to_rfc3339()).ok()
            } else {
                None
            }
        });
        if m.date().is_none() && m.header_raw("Date").is_some() {
            out.problems
                .push("the Date header could not be read".into());
        }
        fix_headers(&m, raw, &mut out);
        out.subject = crate::charset::one_line(&out.subject);
        out.from_name = out.from_name.as_deref().map(crate::charset::one_line);
        out.body = if m.text_body_count() > 0 {
            m.body_text(0).map(|b| b.into_owned()).unwrap_or_default()
        } else {
            m.body_html(0).map(|h| html_to_text(&h)).unwrap_or_default()
        };
        fix_body(&m, raw, &mut out);
        let no_body = m.text_body_count() == 0 && m.html_body_count() == 0;
        let recovered = if no_body && depth == 0 && is_multipart(&m) {
            recover_multipart(&m, raw)
        } else if no_body {
            recover_text(&m, raw)
        } else {
            None
        };
        let skip_top = recovered.is_some();
        if let Some(r) = recovered {
            out.body = r.body;
            out.attachments = r.attachments;
            out.charset_notes.extend(r.charset_notes);
        }
        for (i, part) in m.attachments().enumerate() {
            // The whole body that mail-parser kept as one attachment when the boundary was
            // missing: its text was recovered above.
            if skip_top && m.attachments.get(i) == Some(&0) {
                continue;
            }
            let name = part
                .attachment_name()
                .map(str::to_string)
                .unwrap_or_else(|| "(unnamed)".into());
            let content_type = part
                .content_type()
                .map(|ct| match ct.subtype() {
                    Some(sub) => format!("{}/{}", ct.ctype(), sub),
                    None => ct.ctype().to_string(),
                })
                .unwrap_or_else(|| "application/octet-stream".into());
            out.attachments.push(Attachment {
                name,
                content_type,
                size: part.contents().len() as u64,
            });
        }
        out
    }
}

/// True when the top-level Content-Type is multipart/*.
fn is_multipart(m: &mail_parser::Message<'_>) -> bool {
    use mail_parser::MimeHeaders;
    m.parts
        .first()
        .and_then(|p| p.content_type())
        .is_some_and(|ct| ct.ctype().eq_ignore_ascii_case("multipart"))
}

/// The raw bytes of a header's value in `part`, if it has the header.
fn raw_header<'a>(
    raw: &'a [u8],
    part: &mail_parser::MessagePart<'_>,
    name: &mail_parser::HeaderName<'_>,
) -> Option<&'a [u8]> {
    let h = part.headers.iter().find(|h| &h.name == name)?;
    raw.get(h.offset_start as usize..h.offset_end as usize)
}

/// The `charset` parameter of a raw Content-Type value, as written (mail-parser drops
/// values it cannot parse, such as `charset="charset="GB2312""`).
fn raw_charset(ct: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(ct);
    let lower = text.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = text.get(at + "charset".len()..)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim();
    // The value ends at the next parameter; nested quotes as in `"charset="GB2312""` are
    // taken whole and cleaned by `clean_label`.
    let end = rest.find(';').unwrap_or(rest.len());
    let v = rest[..end].trim();
    let c = crate::charset::clean_label(v);
    (!c.is_empty()).then_some(c)
}

/// Re-decodes the subject and the sender's name from their raw bytes when the raw value
/// holds 8-bit bytes or mail-parser's result shows a decoding failure (U+FFFD, an encoded
/// word left as is, Latin mojibake).
fn fix_headers(m: &mail_parser::Message<'_>, raw: &[u8], out: &mut Message) {
    use crate::charset::{self, CharsetNote, NotePart};
    let Some(top) = m.parts.first() else {
        return;
    };
    let suspicious = |s: &str| {
        s.contains('\u{FFFD}')
            || (s.contains("=?") && s.contains("?="))
            || charset::looks_like_mojibake(s)
    };
    let note = |part, n: Option<(charset::NoteReason, Option<String>, _)>| {
        n.map(|(reason, declared, used)| CharsetNote {
            part,
            reason,
            declared,
            used: charset::name(used).into(),
        })
    };
    if let Some(v) = raw_header(raw, top, &mail_parser::HeaderName::Subject)
        && (!v.is_ascii() || suspicious(&out.subject))
    {
        let (text, n) = charset::decode_header(v);
        if text != out.subject {
            out.subject = text;
            out.charset_notes.extend(note(NotePart::Subject, n));
        }
    }
    let name_bad = out.from_name.as_deref().is_some_and(suspicious);
    if let Some(v) = raw_header(raw, top, &mail_parser::HeaderName::From)
        && (name_bad || !v.is_ascii())
        && let Some(lt) = v.iter().position(|&b| b == b'<')
    {
        // The display name is what comes before `<`.
        let name = v[..lt].trim_ascii();
        let name = name
            .strip_prefix(b"\"")
            .and_then(|n| n.strip_suffix(b"\""))
            .unwrap_or(name);
        if !name.is_empty() {
            let (text, n) = charset::decode_header(name);
            if Some(text.as_str()) != out.from_name.as_deref() && !suspicious(&text) {
                out.from_name = Some(text);
                out.charset_notes.extend(note(NotePart::FromName, n));
            }
        }
    }
}

/// The transfer-decoded bytes of a part.
fn part_bytes(raw: &[u8], part: &mail_parser::MessagePart<'_>) -> Option<Vec<u8>> {
    let s = part.offset_body as usize;
    let e = (part.offset_end as usize).min(raw.len());
    transfer_decode(raw.get(s..e)?, part.encoding)
}

fn transfer_decode(body: &[u8], enc: mail_parser::Encoding) -> Option<Vec<u8>> {
    match enc {
        mail_parser::Encoding::Base64 => mail_parser::decoders::base64::base64_decode(body),
        mail_parser::Encoding::QuotedPrintable => {
            mail_parser::decoders::quoted_printable::quoted_printable_decode(body)
        }
        mail_parser::Encoding::None => Some(body.to_vec()),
    }
}

/// Re-decodes the body part when mail-parser's text shows a decoding failure (U+FFFD,
/// Latin mojibake) or its charset label is one mail-parser reads differently than we do:
/// the declared label is kept only if the bytes decode cleanly with it, otherwise the
/// charset is guessed and noted.
fn fix_body(m: &mail_parser::Message<'_>, raw: &[u8], out: &mut Message) {
    use crate::charset::{self, CharsetNote, NotePart};
    let (part, html) = match (m.text_part(0), m.html_part(0)) {
        (Some(p), _) => (p, false),
        (None, Some(p)) => (p, true),
        (None, None) => return,
    };
    let is_html = html || matches!(part.body, mail_parser::PartType::Html(_));
    let label = raw_header(raw, part, &mail_parser::HeaderName::ContentType).and_then(raw_charset);
    let ours = label.as_deref().map(charset::encoding_for_label);
    let theirs_unknown = label.as_deref().is_some_and(|l| {
        mail_parser::decoders::charsets::map::charset_decoder(l.as_bytes()).is_none()
    });
    let suspicious = out.body.contains('\u{FFFD}') || charset::looks_like_mojibake(&out.body);
    if !(suspicious || (theirs_unknown && ours.is_some())) {
        return;
    }
    let Some(bytes) = part_bytes(raw, part) else {
        return;
    };
    let d = charset::decode_declared(&bytes, label.as_deref());
    let text = if is_html {
        html_to_text(&d.text)
    } else {
        d.text
    };
    if text == out.body {
        return;
    }
    out.body = text;
    if let Some(reason) = d.reason {
        out.charset_notes.push(CharsetNote {
            part: NotePart::Body,
            reason,
            declared: label,
            used: charset::name(d.used).into(),
        });
    }
}

/// What was recovered from a multipart message whose boundary is missing or wrong.
struct Recovered {
    body: String,
    attachments: Vec<Attachment>,
    charset_notes: Vec<crate::charset::CharsetNote>,
}

/// A multipart message whose boundary does not occur in its body: when the body has
/// boundary lines of its own (`--X` followed by part headers), it is read again with that
/// boundary; otherwise the whole body is read as one text part.
fn recover_multipart(m: &mail_parser::Message<'_>, raw: &[u8]) -> Option<Recovered> {
    use crate::charset::{self, CharsetNote, NotePart, NoteReason};
    let top = m.parts.first()?;
    let body = raw.get(top.offset_body as usize..)?;
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return None;
    }
    let note = |used: String| CharsetNote {
        part: NotePart::Body,
        reason: NoteReason::NoBoundary,
        declared: None,
        used,
    };
    if let Some(boundary) = find_boundary(body) {
        let mut again =
            format!("Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n").into_bytes();
        again.extend_from_slice(body);
        let inner = Message::parse_depth(&again, 1);
        if !inner.body.trim().is_empty() {
            let mut notes = vec![note(format!("--{boundary}"))];
            notes.extend(inner.charset_notes);
            return Some(Recovered {
                body: inner.body,
                attachments: inner.attachments,
                charset_notes: notes,
            });
        }
    }
    let bytes = transfer_decode(body, top.encoding).unwrap_or_else(|| body.to_vec());
    let d = charset::decode_declared(&bytes, None);
    let lower = d.text.to_ascii_lowercase();
    let text = if lower.contains("<html") || lower.contains("<body") || lower.contains("<br") {
        html_to_text(&d.text)
    } else {
        d.text
    };
    Some(Recovered {
        body: text,
        attachments: Vec::new(),
        charset_notes: vec![note(charset::name(d.used).into())],
    })
}

/// A single text part that mail-parser set aside because its declared transfer encoding
/// does not fit (a `base64` header over plain 8-bit text): read it as it is.
fn recover_text(m: &mail_parser::Message<'_>, raw: &[u8]) -> Option<Recovered> {
    use crate::charset::{self, CharsetNote, NotePart, NoteReason};
    use mail_parser::MimeHeaders;
    let top = m.parts.first()?;
    let ct = top.content_type();
    let text_type = ct.is_none_or(|c| c.ctype().eq_ignore_ascii_case("text"));
    if !top.is_encoding_problem || !text_type {
        return None;
    }
    let body = raw.get(top.offset_body as usize..)?;
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return None;
    }
    let label = raw_header(raw, top, &mail_parser::HeaderName::ContentType).and_then(raw_charset);
    let cte = raw_header(raw, top, &mail_parser::HeaderName::ContentTransferEncoding)
        .map(|v| String::from_utf8_lossy(v).trim().to_ascii_lowercase());
    let d = charset::decode_declared(body, label.as_deref());
    let html = ct.is_some_and(|c| c.subtype().is_some_and(|s| s.eq_ignore_ascii_case("html")));
    let mut notes = vec![CharsetNote {
        part: NotePart::Body,
        reason: NoteReason::BadTransferEncoding,
        declared: cte,
        used: charset::name(d.used).into(),
    }];
    if let Some(reason) = d.reason {
        notes.push(CharsetNote {
            part: NotePart::Body,
            reason,
            declared: label,
            used: charset::name(d.used).into(),
        });
    }
    Some(Recovered {
        body: if html { html_to_text(&d.text) } else { d.text },
        attachments: Vec::new(),
        charset_notes: notes,
    })
}

/// The first line of `body` of the form `--X` (X a plausible boundary) followed by a header
/// line, as a part's opening boundary is.
fn find_boundary(body: &[u8]) -> Option<String> {
    let mut lines = body.split(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let Some(b) = line.strip_prefix(b"--") else {
            continue;
        };
        let plausible = (1..=70).contains(&b.len())
            && b.iter().all(|&c| c.is_ascii_graphic() || c == b' ')
            && !b.ends_with(b" ")
            && !b.contains(&b'"');
        let next_is_header = lines.peek().is_some_and(|n| {
            let name = n.iter().take_while(|&&c| c != b':').count();
            name > 0 && name < n.len() && n[..name].iter().all(|&c| (33..=126).contains(&c))
        });
        if plausible && next_is_header {
            return std::str::from_utf8(b).ok().map(str::to_string);
        }
    }
    None
}

/// The first header that marks a message as an automatic reply (see [`Message::auto_reply`]).
fn auto_reply_header(m: &mail_parser::Message<'_>) -> Option<String> {
    let marks = |name: &str, value: &str| -> bool {
        let v = value.trim().to_ascii_lowercase();
        match name {
            "Auto-Submitted" => !v.is_empty() && !v.starts_with("no"),
            "X-Autoreply" | "X-Autorespond" => !v.is_empty() && v != "no" && v != "false",
            "Precedence" => v == "auto_reply",
            // Exchange sets `All` on its own out-of-office replies; ordinary mail that asks
            // not to be answered automatically names a list (DR, RN, NRN, OOF…) instead.
            "X-Auto-Response-Suppress" => v == "all",
            _ => false,
        }
    };
    [
        "Auto-Submitted",
        "X-Autoreply",
        "X-Autorespond",
        "Precedence",
        "X-Auto-Response-Suppress",
    ]
    .into_iter()
    .find_map(|name| {
        let v = m.header_raw(name)?;
        marks(name, v).then(|| format!("{name}: {}", v.trim()))
    })
}

fn clean_id(id: &str) -> String {
    id.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_string()
}

fn id_list(v: &mail_parser::HeaderValue<'_>) -> Vec<String> {
    match v {
        mail_parser::HeaderValue::Text(t) => vec![clean_id(t)],
        mail_parser::HeaderValue::TextList(l) => l.iter().map(|t| clean_id(t)).collect(),
        _ => Vec::new(),
    }
}

fn addresses(a: &mail_parser::Address<'_>) -> Vec<String> {
    a.iter()
        .filter_map(|x| x.address())
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A crude but safe HTML-to-text reduction: drops tags, keeps line breaks at block ends.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut tag = String::new();
    for c in html.chars() {
        match (in_tag, c) {
            (false, '<') => {
                in_tag = true;
                tag.clear();
            }
            (true, '>') => {
                in_tag = false;
                let t = tag.trim_start_matches('/').to_ascii_lowercase();
                let name: String = t
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if matches!(
                    name.as_str(),
                    "br" | "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3"
                ) {
                    out.push('\n');
                }
            }
            (true, c) => tag.push(c),
            (false, c) => out.push(c),
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_reply_headers_are_exposed() {
        let with = |h: &str| {
            let raw = format!("From: a@x.com\r\nSubject: s\r\n{h}\r\n\r\nbody\r\n");
            Message::parse(raw.as_bytes()).auto_reply
        };
        assert_eq!(
            with("Auto-Submitted: auto-replied").as_deref(),
            Some("Auto-Submitted: auto-replied")
        );
        assert_eq!(with("auto-submitted: no"), None);
        assert!(with("X-Autoreply: yes").is_some());
        assert!(with("Precedence: auto_reply").is_some());
        assert_eq!(with("Precedence: bulk"), None);
        assert!(with("X-Auto-Response-Suppress: All").is_some());
        assert_eq!(with("X-Auto-Response-Suppress: DR, RN, NRN, OOF"), None);
        assert_eq!(with("X-Mailer: x"), None);
    }

    #[test]
    fn reads_basic_headers() {
        let raw = b"Message-ID: <a@x>\r\nIn-Reply-To: <b@x>\r\nReferences: <c@x> <b@x>\r\nFrom: =?UTF-8?B?546L56OK?= <WangLei@Example.com>\r\nTo: a@example.com, b@example.com\r\nSubject: =?UTF-8?B?44CQ6ZyA5rGC5a+55o6l44CR?=\r\nDate: Mon, 30 Nov 2026 10:00:00 +0800\r\n\r\nhello\r\n";
        let m = Message::parse(raw);
        assert_eq!(m.message_id.as_deref(), Some("a@x"));
        assert_eq!(m.in_reply_to, vec!["b@x"]);
        assert_eq!(m.references, vec!["c@x", "b@x"]);
        assert_eq!(m.from.as_deref(), Some("wanglei@example.com"));
        assert_eq!(m.from_name.as_deref(), Some("王磊"));
        assert_eq!(m.to.len(), 2);
        assert_eq!(m.subject, "【需求对接】");
        assert_eq!(m.date.unwrap().to_rfc3339(), "2026-11-30T10:00:00+08:00");
        assert!(m.body.contains("hello"));
    }

    #[test]
    fn garbage_never_panics() {
        for raw in [&b""[..], b"\xff\xfe\x00", b"Subject", b"\r\n\r\n\r\n"] {
            let _ = Message::parse(raw);
        }
    }
}
