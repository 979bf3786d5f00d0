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
    /// Problems met while reading (bad charset, malformed header…).
    pub problems: Vec<String>,
}

impl Message {
    /// Reads an RFC 5322 message. Never panics and never fails: what could not be read is
    /// listed in [`Message::problems`].
    pub fn parse(raw: &[u8]) -> Message {
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
        // An HTML-only message's text body is its HTML part: read it with our conversion
        // rather than mail-parser's (which loses lists and tables).
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
        if out.subject.contains('\u{FFFD}')
            && let Some(s) = raw_gb18030_subject(raw)
        {
            out.subject = s;
            out.problems
                .push("the Subject header is raw 8-bit text; it was read as GB18030 (GBK)".into());
        }
        if let Some(fixed) = undeclared_gb18030(&m, raw, &out.body) {
            out.body = fixed;
            out.problems.push(
                "the text part declares no charset and is not UTF-8; it was read as GB18030 (GBK)"
                    .into(),
            );
        }
        for part in m.attachments() {
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

/// Chinese mail clients sometimes send GBK text without a charset parameter; mail-parser then
/// reads it as UTF-8 and replaces what it cannot decode. When the first text part is 7bit/8bit,
/// names no charset and decoded with replacements, its raw bytes are read as GB18030 instead
/// (if they decode cleanly that way).
fn undeclared_gb18030(m: &mail_parser::Message<'_>, raw: &[u8], body: &str) -> Option<String> {
    use mail_parser::MimeHeaders;
    if !body.contains('\u{FFFD}') {
        return None;
    }
    let part = m.text_part(0)?;
    let declared = part
        .content_type()
        .and_then(|ct| ct.attribute("charset"))
        .is_some();
    if declared || part.encoding != mail_parser::Encoding::None {
        return None;
    }
    let (s, e) = (
        part.offset_body as usize,
        (part.offset_end as usize).min(raw.len()),
    );
    if s >= e {
        return None;
    }
    let (text, _, had_errors) = encoding_rs::GB18030.decode(&raw[s..e]);
    (!had_errors).then(|| text.into_owned())
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

/// Some clients (old Foxmail, Coremail) send the Subject as raw GBK bytes without RFC 2047
/// encoding; mail-parser reads them as UTF-8 and replaces what it cannot decode. The raw
/// header (folded lines joined) read as GB18030, when it decodes cleanly and is not encoded.
fn raw_gb18030_subject(raw: &[u8]) -> Option<String> {
    let head_end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .or_else(|| raw.windows(2).position(|w| w == b"\n\n"))
        .unwrap_or(raw.len());
    let head = &raw[..head_end];
    let mut start = None;
    let mut i = 0;
    while i < head.len() {
        let line_start = i == 0 || head[i - 1] == b'\n';
        if line_start && head.len() - i > 8 && head[i..i + 8].eq_ignore_ascii_case(b"subject:") {
            start = Some(i + 8);
            break;
        }
        i += 1;
    }
    let s = start?;
    let mut e = s;
    loop {
        let le = head[e..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(head.len(), |p| e + p);
        e = le;
        if e + 1 < head.len() && matches!(head[e + 1], b' ' | b'\t') {
            e += 1;
            continue;
        }
        break;
    }
    let bytes: Vec<u8> = head[s..e]
        .iter()
        .copied()
        .filter(|&b| b != b'\r' && b != b'\n')
        .collect();
    if bytes.windows(2).any(|w| w == b"=?") || bytes.is_ascii() {
        return None;
    }
    let (text, _, had_errors) = encoding_rs::GB18030.decode(&bytes);
    (!had_errors).then(|| text.trim().to_string())
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
    fn undeclared_gbk_text_is_read_as_gb18030() {
        let (gbk, _, _) = encoding_rs::GBK.encode("张经理，您好！请于12月3日前反馈。");
        let mut raw = b"Subject: test\r\nContent-Type: text/plain\r\n\r\n".to_vec();
        raw.extend_from_slice(&gbk);
        let m = Message::parse(&raw);
        assert!(m.body.contains("张经理，您好"), "{:?}", m.body);
        assert!(m.problems.iter().any(|p| p.contains("GB18030")));
        // A declared charset is trusted as it is.
        let mut raw = b"Subject: t\r\nContent-Type: text/plain; charset=gbk\r\n\r\n".to_vec();
        raw.extend_from_slice(&gbk);
        let m = Message::parse(&raw);
        assert!(m.body.contains("张经理") && m.problems.is_empty());
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
    fn raw_gbk_subject_is_read_as_gb18030() {
        let (gbk, _, _) = encoding_rs::GBK.encode("【进度同步】支付网关迁移-技术部");
        let mut raw = b"From: a@example.com\r\nSubject: ".to_vec();
        raw.extend_from_slice(&gbk);
        raw.extend_from_slice(b"\r\nContent-Type: text/plain; charset=gbk\r\n\r\nhi\r\n");
        let m = Message::parse(&raw);
        assert_eq!(m.subject, "【进度同步】支付网关迁移-技术部");
        assert!(m.problems.iter().any(|p| p.contains("Subject")));
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
