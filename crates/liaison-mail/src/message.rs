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
    /// An inline image with a Content-ID (a signature logo, a picture in the text), not a
    /// file the sender attached.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inline: bool,
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

    /// Reads only the header of a message — ids, sender, recipients, date, subject — without
    /// decoding its bodies and attachments: what storing a message needs. Never panics.
    pub fn parse_headers(raw: &[u8]) -> Message {
        match mail_parser::MessageParser::default().parse_headers(raw) {
            Some(m) => read_headers(&m, raw),
            None => Message {
                problems: vec!["not an RFC 5322 message: no header could be read".into()],
                ..Message::default()
            },
        }
    }

    fn parse_depth(raw: &[u8], depth: u8) -> Message {
        use mail_parser::{MessageParser, MimeHeaders};

        let Some(m) = MessageParser::default().parse(raw) else {
            return Message {
                problems: vec!["not an RFC 5322 message: no header could be read".into()],
                ..Message::default()
            };
        };
        let mut out = read_headers(&m, raw);
        // An HTML-only message's text body is its HTML part: read it with our conversion
        // rather than mail-parser's (which loses lists and tables); format=flowed text is
        // joined back into its paragraphs.
        let flowed = m
            .text_part(0)
            .and_then(|p| p.content_type())
            .and_then(|ct| {
                ct.attribute("format")
                    .filter(|f| f.eq_ignore_ascii_case("flowed"))
                    .map(|_| {
                        ct.attribute("delsp")
                            .is_some_and(|d| d.eq_ignore_ascii_case("yes"))
                    })
            });
        out.body = match m.text_part(0).map(|p| &p.body) {
            Some(mail_parser::PartType::Text(t)) => match flowed {
                Some(delsp) => unflow(t, delsp),
                None => t.to_string(),
            },
            Some(mail_parser::PartType::Html(h)) => html_to_text(h),
            _ => m.body_html(0).map(|h| html_to_text(&h)).unwrap_or_default(),
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
            let mut name = part
                .attachment_name()
                .map(str::to_string)
                .unwrap_or_else(|| "(unnamed)".into());
            if name.contains('\u{FFFD}') {
                let (hs, he) = (
                    (part.offset_header as usize).min(raw.len()),
                    (part.offset_body as usize).min(raw.len()),
                );
                if let Some(n) = rfc2231_name(&raw[hs..he.max(hs)]) {
                    name = n;
                }
            }
            let disposition = part
                .content_disposition()
                .map(|d| d.ctype().to_ascii_lowercase());
            let image = part
                .content_type()
                .is_some_and(|ct| ct.ctype().eq_ignore_ascii_case("image"));
            let inline = image
                && part.content_id().is_some()
                && disposition.as_deref().is_none_or(|d| d == "inline");
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
                inline,
            });
        }
        out
    }
}

/// The header fields of a parsed message (ids, addresses, date, subject, auto-reply), with
/// raw 8-bit headers read in their charset.
fn read_headers(m: &mail_parser::Message<'_>, raw: &[u8]) -> Message {
    let mut out = Message {
        message_id: m.message_id().map(clean_id),
        in_reply_to: id_list(m.in_reply_to()),
        references: id_list(m.references()),
        thread_index: m.header_raw("Thread-Index").map(|s| s.trim().to_string()),
        auto_reply: auto_reply_header(m),
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
    fix_headers(m, raw, &mut out);
    out.subject = crate::charset::one_line(&out.subject);
    out.from_name = out.from_name.as_deref().map(crate::charset::one_line);
    out
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

/// RFC 3676 `format=flowed` text: a line ending in a space continues on the next line
/// (the space removed too with `DelSp=yes`), within the same quote depth; the `-- `
/// signature separator and space-stuffing are kept as lines.
pub fn unflow(text: &str, delsp: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open = false; // the last line written continues
    let mut open_depth = 0;
    for line in text.lines() {
        let depth = line.len() - line.trim_start_matches('>').len();
        let mut content = &line[depth..];
        if depth == 0 {
            // Space-stuffing: one leading space added by the sender.
            content = content.strip_prefix(' ').unwrap_or(content);
        }
        let is_sig = line == "-- ";
        if open && depth == open_depth {
            // Joined onto the previous line.
            let c = if depth > 0 {
                content.strip_prefix(' ').unwrap_or(content)
            } else {
                content
            };
            out.push_str(c);
        } else {
            if open {
                out.push('\n');
            }
            out.push_str(&line[..depth]);
            out.push_str(content);
        }
        let soft = !is_sig && line.ends_with(' ') && !line.trim().is_empty();
        if soft {
            if delsp {
                out.pop();
            }
            open = true;
            open_depth = depth;
        } else {
            out.push('\n');
            open = false;
        }
    }
    if out.ends_with('\n') && !text.ends_with('\n') {
        out.pop();
    }
    out
}

/// An RFC 2231 file name split into `filename*0*=`, `filename*1*=` … whose percent-encoded
/// bytes cut a character in two (mail-parser decodes each piece alone): the pieces joined,
/// then decoded with the charset named in the first.
fn rfc2231_name(header: &[u8]) -> Option<String> {
    let h = String::from_utf8_lossy(header);
    let lower = h.to_ascii_lowercase();
    for key in ["filename*", "name*"] {
        let mut pieces: Vec<(u32, String)> = Vec::new();
        let mut from = 0;
        while let Some(i) = lower[from..].find(key) {
            let at = from + i + key.len();
            from = at;
            // Only the parameter itself, not `xname*`.
            let before = lower[..at - key.len()].chars().next_back();
            if before.is_some_and(|c| c.is_ascii_alphanumeric()) {
                continue;
            }
            let digits: String = lower[at..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let Ok(n) = digits.parse::<u32>() else {
                continue;
            };
            let rest = &h[at + digits.len()..];
            let Some(v) = rest.strip_prefix("*=").or_else(|| rest.strip_prefix('=')) else {
                continue;
            };
            let v: String = v
                .chars()
                .take_while(|c| !matches!(c, ';' | '\r' | '\n'))
                .collect();
            pieces.push((n, v.trim().trim_matches('"').to_string()));
        }
        if pieces.is_empty() {
            continue;
        }
        pieces.sort_by_key(|p| p.0);
        let joined: String = pieces.into_iter().map(|p| p.1).collect();
        let (charset, encoded) = match joined.split_once('\'') {
            Some((cs, rest)) => (cs.to_string(), rest.split_once('\'').map_or(rest, |x| x.1)),
            None => ("utf-8".to_string(), joined.as_str()),
        };
        let mut bytes = Vec::new();
        let b = encoded.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%'
                && i + 2 < b.len()
                && let Ok(x) = u8::from_str_radix(&encoded[i + 1..i + 3], 16)
            {
                bytes.push(x);
                i += 3;
            } else {
                bytes.push(b[i]);
                i += 1;
            }
        }
        let enc =
            encoding_rs::Encoding::for_label(charset.as_bytes()).unwrap_or(encoding_rs::UTF_8);
        let (text, _, bad) = enc.decode(&bytes);
        if !bad {
            return Some(text.into_owned());
        }
    }
    None
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

/// HTML to text through html2text (an HTML5 parser): paragraphs, `<div>`s and `<br>` become
/// lines, list items `1. ` / `- ` lines, `<blockquote>` lines start with `> ` (as a plain-text
/// client quotes), table rows become `| cell | cell |` lines (a `|---|` line after the first
/// row, which mail tables use as their header), links keep their text, and images (signature
/// logos) are dropped. Lines are never wrapped.
pub fn html_to_text(html: &str) -> String {
    // html2text is not expected to panic, but a mail reader must not: fall back to dropping
    // tags if it ever does.
    let rendered = std::panic::catch_unwind(|| {
        html2text::config::with_decorator(MailText)
            .string_from_read(html.as_bytes(), WIDTH)
            .ok()
    })
    .ok()
    .flatten();
    match rendered {
        Some(t) => table_lines(&t),
        None => strip_tags(html),
    }
}

/// Wide enough that no mail paragraph is wrapped.
const WIDTH: usize = 20_000;

/// How HTML elements read as text (see [`html_to_text`]).
#[derive(Clone, Debug)]
struct MailText;

impl html2text::render::TextDecorator for MailText {
    type Annotation = ();
    fn decorate_link_start(&mut self, _url: &str) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_link_end(&mut self) -> String {
        String::new()
    }
    fn decorate_em_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_em_end(&self) -> String {
        String::new()
    }
    fn decorate_strong_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_strong_end(&self) -> String {
        String::new()
    }
    fn decorate_strikeout_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_strikeout_end(&self) -> String {
        String::new()
    }
    fn decorate_code_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_code_end(&self) -> String {
        String::new()
    }
    fn decorate_preformat_first(&self) {}
    fn decorate_preformat_cont(&self) {}
    fn decorate_image(&mut self, _src: &str, _title: &str) -> (String, ()) {
        (String::new(), ())
    }
    fn header_prefix(&self, _level: usize) -> String {
        String::new()
    }
    fn quote_prefix(&self) -> String {
        "> ".to_string()
    }
    fn unordered_item_prefix(&self) -> String {
        "- ".to_string()
    }
    fn ordered_item_prefix(&self, i: i64) -> String {
        format!("{i}. ")
    }
    fn make_subblock_decorator(&self) -> Self {
        MailText
    }
    fn decorate_superscript_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_superscript_end(&self) -> String {
        String::new()
    }
}

/// Rewrites html2text's drawn tables (`─┬─` rules, `│` between cells) as `| a | b |` rows.
fn table_lines(t: &str) -> String {
    let rule = |l: &str| {
        let l = l.trim();
        !l.is_empty() && l.chars().all(|c| "─┬┼┴├┤┌┐└┘│ ".contains(c))
    };
    let mut out = String::with_capacity(t.len());
    // Rows seen in the current table (0 outside a table).
    let mut rows = 0;
    let mut cols = 0;
    for line in t.lines() {
        let line = line.trim_end();
        if rule(line) {
            continue;
        }
        if line.contains('│') {
            let cells: Vec<&str> = line.split('│').map(str::trim).collect();
            out.push_str("| ");
            out.push_str(&cells.join(" | "));
            out.push_str(" |\n");
            if rows == 0 {
                cols = cells.len();
            }
            rows += 1;
            if rows == 1 {
                out.push('|');
                for _ in 0..cols {
                    out.push_str("---|");
                }
                out.push('\n');
            }
            continue;
        }
        rows = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Drops tags (the fallback of [`html_to_text`]).
fn strip_tags(html: &str) -> String {
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

    /// Paragraphs, breaks, lists, quotes and tables come out as lines; logos and link
    /// decoration do not.
    #[test]
    fn html_keeps_paragraphs_lists_quotes_and_tables() {
        let html = "<html><body><div>Hi Tom,</div><div><br></div><p>Line one<br>line&nbsp;two &amp; more</p>\
            <ol><li>Owner: Ops (Kim). Due: Fri</li><li>second</li></ol><ul><li>dot</li></ul>\
            <blockquote>earlier text<br>more</blockquote>\
            <table><tr><td>No.</td><td>Task</td></tr><tr><td>1</td><td>Report</td></tr></table>\
            <div>Sam | Ops</div><img src=\"cid:logo\" alt=\"Logo\"><a href=\"http://x.example\">the sheet</a></body></html>";
        let t = html_to_text(html);
        let lines: Vec<&str> = t.lines().map(str::trim_end).collect();
        for want in [
            "Hi Tom,",
            "Line one",
            "line\u{a0}two & more",
            "1. Owner: Ops (Kim). Due: Fri",
            "2. second",
            "- dot",
            "> earlier text",
            "> more",
            "| No. | Task |",
            "|---|---|",
            "| 1 | Report |",
            "Sam | Ops",
            "the sheet",
        ] {
            assert!(lines.contains(&want), "{want:?} not in {lines:?}");
        }
        // The empty div is a paragraph break.
        let i = lines.iter().position(|l| *l == "Hi Tom,").unwrap();
        assert_eq!(lines[i + 1], "");
        assert!(!t.contains("Logo") && !t.contains('│') && !t.contains('─'));
    }

    /// An HTML-only message is read through the same conversion.
    #[test]
    fn html_only_message_uses_the_conversion() {
        let raw = b"Subject: t\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>One</p><ul><li>a</li><li>b</li></ul>";
        let m = Message::parse(raw);
        let lines: Vec<&str> = m.body.lines().collect();
        assert!(
            lines.contains(&"- a") && lines.contains(&"- b"),
            "{lines:?}"
        );
    }

    #[test]
    fn rfc2231_pieces_that_split_a_character_are_joined() {
        let h = b"Content-Disposition: attachment;\r\n\tfilename*0*=utf-8''%E6%8A%A5%E5;\r\n\tfilename*1*=%91%8A.pdf\r\n";
        assert_eq!(rfc2231_name(h).as_deref(), Some("报告.pdf"));
        assert_eq!(rfc2231_name(b"Content-Type: text/plain\r\n"), None);
    }

    #[test]
    fn inline_logos_are_marked() {
        let raw = b"Subject: t\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\nContent-Type: image/png; name=\"image001.png\"\r\nContent-Disposition: inline; filename=\"image001.png\"\r\nContent-ID: <image001.png@x>\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Disposition: attachment; filename=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--b--\r\n";
        let m = Message::parse(raw);
        let got: Vec<(&str, bool)> = m
            .attachments
            .iter()
            .map(|a| (a.name.as_str(), a.inline))
            .collect();
        assert_eq!(got, [("image001.png", true), ("a.pdf", false)]);
    }

    #[test]
    fn flowed_text_is_joined() {
        let t = "we confirm the \r\nnew part number \r\ntoday.\r\n\r\n> quoted soft \r\n> line\r\n-- \r\nSam\r\n";
        assert_eq!(
            unflow(t, false),
            "we confirm the new part number today.\n\n> quoted soft line\n-- \nSam\n"
        );
        assert_eq!(unflow("ab \ncd\n", true), "abcd\n");
        assert_eq!(
            unflow("no soft breaks\nhere", false),
            "no soft breaks\nhere"
        );
    }

    #[test]
    fn garbage_never_panics() {
        for raw in [&b""[..], b"\xff\xfe\x00", b"Subject", b"\r\n\r\n\r\n"] {
            let _ = Message::parse(raw);
        }
        for html in [
            "<table><tr><td>",
            "<<>>",
            "</li></ol>",
            "<blockquote><table>x",
        ] {
            let _ = html_to_text(html);
        }
    }
}
