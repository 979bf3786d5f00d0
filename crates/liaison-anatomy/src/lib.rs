//! The only reader of the guide's structure: what the guide's 步骤2 asks a mail to
//! contain, and what a reply says, found in mail with byte spans and line numbers. Every
//! other crate asks this one; a second reader of any of these elsewhere is a bug (DESIGN §2).
//!
//! What it reads:
//!
//! - [`Anatomy::parse`]: a draft or message, either an `.eml` (RFC 5322, any charset, read
//!   through liaison-mail) or a plain draft (`.md`/`.txt`) that starts with header lines
//!   (`Subject:`/`主题:`, `From:`/`发件人:`, `To:`/`收件人:`, `Cc:`/`抄送:`, `Date:`/`日期:`,
//!   `Attachments:`/`附件:`; ASCII or full-width colon), a blank line, then the body. It finds
//!   - the subject `【类型】项目/主题-部门-紧急程度` and its parts, its reply/forward
//!     prefixes, the normalised subject and the topic that threads it ([`subject`]),
//!   - the recipients, the date and the attachments,
//!   - in the body: the greeting (称呼), the opening (开场白), the background and goal
//!     (背景与目标), the problem description, the enumerated items with their
//!     what/owner/deadline/standard (做什么/谁来做/何时完成/交付标准), attachment references
//!     and descriptions, the closing and the signature (落款),
//!   - the body's [`Lang`], and every time expression with its weekday check.
//! - [`strip_quoted`]: a reply's new text and the span of its quoted part ([`quote`]).
//! - [`reply::read`]: what a reply says — its own new text, its class (acknowledgement,
//!   question, promise, delivery, delay, dispute, auto-reply; nudge, sync, escalation,
//!   confirmation), the time it promises and the items it is about ([`reply`]).
//!
//! Dates and times are read only through liaison-time ([`liaison_time::scan_detailed`]);
//! sentences and the language through liaison-model ([`liaison_model::text`], [`Lang`]).
//!
//! Contract: reading is pure (no IO, no clock: the time context comes in
//! [`ParseOptions`]), never panics and never fails. Every span indexes
//! [`Anatomy::source`], the text the draft was read as: the file itself for plain drafts and
//! UTF-8 `.eml` files whose body appears verbatim, otherwise a decoded view (headers then
//! body) that `liaison parse` shows; spans lie on character boundaries (fuzzed). What could
//! not be read is listed in [`Anatomy::problems`].

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use liaison_mail::Message;
use liaison_model::{Directory, Kind, KindTable, Lang, Urgency};
use liaison_time::{Detailed, ExprKind, WeekdayMismatch};
use serde::Serialize;
use std::collections::BTreeMap;

/// A byte range of [`Anatomy::source`] with its 1-based line number (of `start`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
}

/// A piece of text found in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The text as written (trimmed).
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// How the draft was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceFormat {
    /// A plain draft with header lines (`.md`, `.txt`).
    Plain,
    /// An `.eml` whose spans index the file itself.
    Eml,
    /// An `.eml` shown as a decoded view (encoded body or headers, or a non-UTF-8 charset).
    EmlDecoded,
}

/// The subject line and its parts: `【类型】项目/主题-部门-紧急程度`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subject {
    /// The whole subject.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// The text inside 【】 (or `[]` in English subjects, `［］`, `〖〗`), if the subject
    /// (after reply/forward prefixes) starts with one.
    pub tag: Option<Part>,
    /// The kind the tag names, if it is a known tag or alias.
    pub kind: Option<Kind>,
    /// 项目/主题.
    pub project: Option<Part>,
    /// Departments (split on `/`, `、`).
    pub departments: Vec<Part>,
    /// The urgency part (the last `-` part), whether or not it is a known urgency.
    pub urgency: Option<Part>,
    /// The urgency the urgency part names, if known.
    pub urgency_value: Option<Urgency>,
    /// The subject without reply/forward prefixes, spaces collapsed.
    pub normalized: String,
    /// The 【类型】项目 part, lower-cased, that threads a conversation (see
    /// [`subject::topic_of`]).
    pub topic: String,
    /// It carried a reply or forward prefix (`Re:`, `回复:`, `回覆:`, `Re[2]:`, `AW:`, `Fw:` …).
    pub is_reply: bool,
    /// It carried a forward prefix (Fw:, Fwd:, 转发:, 轉發:, WG: …).
    pub is_forward: bool,
}

/// A recipient or sender as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Address {
    /// Display name, if any.
    pub name: Option<String>,
    /// Email address (lower-cased), if any.
    pub email: Option<String>,
    /// Where it is.
    pub span: Span,
}

/// A time expression found in the draft (from `liaison_time::scan_detailed`), located in
/// the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeExpr {
    /// The matched text.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Deadline, vague or placeholder.
    pub kind: ExprKind,
    /// The resolved instant for deadlines.
    pub value: Option<DateTime<FixedOffset>>,
    /// Set when a date carries a weekday that does not match it (`12月3日（周五）`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday_mismatch: Option<WeekdayMismatch>,
    /// The time zone as written (`PT`, `CST`, `东京时间`), when the expression names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// The value counted working days in a year whose holidays the calendar only
    /// estimates (no State Council notice for it yet).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
}

/// Whether a greeting addresses one person or a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GreetingKind {
    /// 张经理，您好 / Dear Alice.
    Personal,
    /// 各位同事，大家好 / Dear all.
    Group,
    /// 您好 / Hello with nobody named.
    Neutral,
}

/// The greeting (称呼).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Greeting {
    /// The greeting text.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Personal, group or neutral.
    pub kind: GreetingKind,
    /// How many people it names (张经理、李经理 → 2).
    pub names: usize,
}

/// A part of the body with the number of sentences it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The heading or label, if the part has one (背景与目标, Background).
    pub heading: Option<Part>,
    /// The content (without the heading).
    pub text: String,
    /// Where the whole part is (heading included).
    pub span: Span,
    /// Sentences in the content.
    pub sentences: usize,
}

/// An enumerated item (需求/待办): 做什么/谁来做/何时完成/交付标准.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// The list marker as written (`1.`, `需求1：`, `-`, a table row's `|`); empty for an ask
    /// read from running text.
    pub marker: String,
    /// 做什么: the item text after the marker (continuation lines included).
    pub what: Part,
    /// 谁来做: the responsible person or department, if named.
    pub owner: Option<Part>,
    /// 何时完成: the deadline as written (the labelled one, else the first time expression),
    /// without its label.
    pub due: Option<Part>,
    /// Time expressions inside the item.
    pub deadlines: Vec<TimeExpr>,
    /// 交付标准: the clause stating the acceptance standard, if any.
    pub standard: Option<Part>,
    /// The whole item (marker and continuation lines).
    pub span: Span,
}

impl Item {
    /// Whether the item was written as a list line or a table row (false for an ask read
    /// from running text, which the guide's "分点列出" does not count).
    pub fn is_listed(&self) -> bool {
        !self.marker.is_empty()
    }

    /// The time expression of [`Item::due`], when liaison-time read one there.
    pub fn due_time(&self) -> Option<&TimeExpr> {
        let d = self.due.as_ref()?;
        self.deadlines
            .iter()
            .find(|t| t.span.start >= d.span.start && t.span.end <= d.span.end)
    }

    /// 交付标准 without its label (交付标准：, 验收标准：, 标准：, Acceptance:, Standard:).
    pub fn standard_value(&self) -> Option<String> {
        let t = self.standard.as_ref()?.text.trim();
        for label in ["交付标准", "验收标准", "标准", "Acceptance", "Standard"] {
            if let Some(rest) = t.strip_prefix(label) {
                let rest = rest.trim_start_matches([':', '：', ' ']);
                return Some(rest.trim().to_string());
            }
        }
        Some(t.to_string())
    }
}

/// A reference to an attachment in the body (见附件, 附件1：《…》, attached, report.xlsx).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachmentRef {
    /// The referring text.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// `附件N` / `Attachment N` number, if given.
    pub index: Option<u32>,
    /// The file name or 《title》 it names, if any.
    pub name: Option<String>,
    /// Whether it is in the 附件说明 part (a description rather than a passing reference).
    pub described: bool,
}

/// A file attached to the mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachedFile {
    /// File name (for plain drafts: as written, relative to the draft).
    pub name: String,
    /// Size in bytes, when known (the CLI fills it for plain drafts).
    pub size: Option<u64>,
    /// Where it is named (the `Attachments:` header, or the decoded view for `.eml`).
    pub span: Span,
    /// Set by the caller when a plain draft names a file that does not exist.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub missing: bool,
}

/// The signature (落款): name, department, contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signature {
    /// The whole signature block (sign-off included).
    pub span: Span,
    /// The valediction: 此致/敬礼, Best regards…
    pub signoff: Option<Part>,
    /// The sender's name.
    pub name: Option<Part>,
    /// The sender's department.
    pub department: Option<Part>,
    /// The sender's title (经理, Key Account Manager).
    pub title: Option<Part>,
    /// Contact channels, one per channel: phone (with 转/ext.), email, WeChat/钉钉/飞书 id,
    /// address.
    pub contact: Vec<Part>,
}

/// A problem met while reading the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// What is wrong, in English.
    pub message: String,
    /// Where, if it is located.
    pub span: Option<Span>,
}

/// Everything liaison recognised in a draft.
#[derive(Debug, Clone, Serialize)]
pub struct Anatomy {
    /// The text every span indexes.
    #[serde(skip)]
    pub source: String,
    /// How the draft was read.
    pub format: SourceFormat,
    /// The body's language ([`Lang::detect`]).
    pub lang: Lang,
    /// The subject, if there is one.
    pub subject: Option<Subject>,
    /// The sender.
    pub from: Option<Address>,
    /// To recipients.
    pub to: Vec<Address>,
    /// Cc recipients.
    pub cc: Vec<Address>,
    /// The Date header, when it could be read.
    pub date: Option<DateTime<FixedOffset>>,
    /// Where the Date header is.
    pub date_span: Option<Span>,
    /// The body.
    pub body: Span,
    /// 称呼.
    pub greeting: Option<Greeting>,
    /// 开场白: the first paragraph after the greeting.
    pub opening: Option<Section>,
    /// 背景与目标 parts.
    pub background: Vec<Section>,
    /// 问题描述 parts (issue and escalation mails).
    pub problem: Vec<Section>,
    /// Enumerated items.
    pub items: Vec<Item>,
    /// Lines outside items that set a deadline for the whole mail (截止时间：…).
    pub deadline_lines: Vec<Part>,
    /// Attachment references and descriptions in the body.
    pub attachment_refs: Vec<AttachmentRef>,
    /// Attached files.
    pub attachments: Vec<AttachedFile>,
    /// 结尾: the paragraph(s) before the signature.
    pub closing: Option<Section>,
    /// 落款.
    pub signature: Option<Signature>,
    /// Every time expression in the subject and body, except in quote headers (`On … wrote:`,
    /// `发件时间：…`), which record history.
    pub times: Vec<TimeExpr>,
    /// The quoted parts of a reply or forward (see [`strip_quoted`]): what the writer did not
    /// write, so no check reads deadlines there.
    pub quoted: Vec<Span>,
    /// Problems met while reading.
    pub problems: Vec<Problem>,
    #[serde(skip)]
    line_starts: Vec<usize>,
}

/// What the anatomy needs to know besides the draft.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Accepted 【】 tags.
    pub kinds: KindTable,
    /// Extra urgency words (configured) besides [`Urgency::parse`].
    pub urgency_words: BTreeMap<String, Urgency>,
    /// Time context for deadline expressions; its `now` is replaced by the mail's Date when it
    /// has one.
    pub time: liaison_time::Context,
    /// The directory, for names of people and departments.
    pub directory: Option<Directory>,
    /// Offset for dates written without one (default +08:00).
    pub default_offset: FixedOffset,
}

impl ParseOptions {
    /// Options with the default kinds and no directory, resolving against `time`.
    pub fn new(time: liaison_time::Context) -> ParseOptions {
        ParseOptions {
            kinds: KindTable::default(),
            urgency_words: BTreeMap::new(),
            time,
            directory: None,
            default_offset: FixedOffset::east_opt(8 * 3600).expect("valid offset"),
        }
    }

    /// Recognises an urgency word: configured words first, then the built-in ones.
    pub fn urgency(&self, word: &str) -> Option<Urgency> {
        urgency_in(&self.urgency_words, word)
    }
}

/// The collaboration kind a subject names by its 【】 tag, read exactly as [`Anatomy`]
/// reads [`Subject::kind`] with these `kinds` and configured `urgency_words` (the same
/// function), without reading the rest of the mail: whether a mail of ours can open a
/// collaboration is decided by this alone.
pub fn subject_kind(
    subject: &str,
    kinds: &KindTable,
    urgency_words: &BTreeMap<String, Urgency>,
) -> Option<Kind> {
    let rest = &subject[subject::prefixes(subject).len..];
    let l = subject::layout(rest, |w| urgency_in(urgency_words, w).is_some());
    l.tag.and_then(|(a, b)| kinds.lookup(rest[a..b].trim()))
}

/// [`ParseOptions::urgency`] with these configured words.
fn urgency_in(words: &BTreeMap<String, Urgency>, word: &str) -> Option<Urgency> {
    let w = word.trim();
    if let Some(u) = words.get(w) {
        return Some(u.clone());
    }
    if let Some((_, u)) = words.iter().find(|(k, _)| k.eq_ignore_ascii_case(w)) {
        return Some(u.clone());
    }
    Urgency::parse(w).or_else(|| {
        let l = w.to_ascii_lowercase();
        match l.as_str() {
            "urgent" => Some(Urgency::Urgent),
            "important" => Some(Urgency::Important),
            "normal" | "routine" | "low" => Some(Urgency::Normal),
            "reply today" | "today" => Some(Urgency::Today),
            _ => l
                .strip_prefix("reply by ")
                .filter(|r| !r.trim().is_empty())
                .map(|r| Urgency::FeedbackBy(r.trim().to_string())),
        }
    })
}

/// The kind of input, decided by file extension or by sniffing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// RFC 5322.
    Eml,
    /// A plain draft with header lines.
    Plain,
}

impl InputKind {
    /// `.eml` by extension; otherwise sniffs RFC 5322-only headers (MIME-Version,
    /// Content-Type, Message-ID, Received, Return-Path) in the header block.
    pub fn detect(path: Option<&str>, raw: &[u8]) -> InputKind {
        if let Some(p) = path {
            let l = p.to_ascii_lowercase();
            if l.ends_with(".eml") || l.ends_with(".mbox") || l.ends_with(".msg") {
                return InputKind::Eml;
            }
            if l.ends_with(".md") || l.ends_with(".txt") || l.ends_with(".markdown") {
                return InputKind::Plain;
            }
        }
        let head = &raw[..raw.len().min(4096)];
        let head = String::from_utf8_lossy(head);
        for line in head.lines() {
            if line.trim().is_empty() {
                break;
            }
            let l = line.to_ascii_lowercase();
            if [
                "mime-version:",
                "content-type:",
                "message-id:",
                "received:",
                "return-path:",
                "content-transfer-encoding:",
            ]
            .iter()
            .any(|h| l.starts_with(h))
            {
                return InputKind::Eml;
            }
        }
        InputKind::Plain
    }
}

impl Anatomy {
    /// Reads a draft of either kind (see [`InputKind::detect`]).
    pub fn parse(raw: &[u8], path: Option<&str>, opts: &ParseOptions) -> Anatomy {
        match InputKind::detect(path, raw) {
            InputKind::Eml => Anatomy::parse_eml(raw, opts),
            InputKind::Plain => Anatomy::parse_plain(raw, opts),
        }
    }

    /// Reads a plain draft (header lines, blank line, body). Non-UTF-8 input is read as
    /// GB18030 (a superset of GBK/GB2312), and that is listed as a problem.
    pub fn parse_plain(raw: &[u8], opts: &ParseOptions) -> Anatomy {
        let mut problems = Vec::new();
        let raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
        let source = match std::str::from_utf8(raw) {
            Ok(s) => s.to_string(),
            Err(_) => {
                let (text, _, had_errors) = encoding_rs::GB18030.decode(raw);
                problems.push(Problem {
                    message: if had_errors {
                        "the draft is neither UTF-8 nor GB18030; undecodable bytes were replaced"
                            .into()
                    } else {
                        "the draft is not UTF-8; it was read as GB18030 (GBK)".into()
                    },
                    span: None,
                });
                text.into_owned()
            }
        };
        let mut a = Anatomy::empty(source, SourceFormat::Plain);
        a.problems = problems;
        let body_start = a.read_plain_headers(opts);
        a.finish(body_start, opts);
        a
    }

    /// Where the signature of a plain draft starts (a byte offset into `raw`), reading
    /// nothing else: the same signature [`Anatomy::parse_plain`] finds, without the time
    /// expressions and the body's other parts, which the signature does not depend on (it
    /// is found first, from the bottom). The reply reader strips signatures this way, once
    /// per reply, where a whole reading was a seventh of an ingest's CPU.
    pub fn signature_start_plain(raw: &str, opts: &ParseOptions) -> Option<usize> {
        let mut a = Anatomy::empty(raw.to_string(), SourceFormat::Plain);
        let body_start = a.read_plain_headers(opts);
        let len = a.source.len();
        let stripped = strip_quoted(&a.source[body_start..len]);
        let lines = a.lines_of(body_start, len, &stripped);
        let first = lines.iter().position(|l| !l.blank)?;
        let _checked = words::CheckedGuard::enter(&a.source);
        signature::detect(&mut a, &lines, first, lines.len(), opts);
        a.signature.map(|s| s.span.start)
    }

    /// Reads an RFC 5322 message through [`Message::parse`].
    pub fn parse_eml(raw: &[u8], opts: &ParseOptions) -> Anatomy {
        let m = Message::parse(raw);
        Anatomy::from_message(&m, raw, opts)
    }

    /// Builds the anatomy of an already parsed message. `raw` is used to locate spans in the
    /// file itself when it is UTF-8 and the body appears in it verbatim.
    pub fn from_message(m: &Message, raw: &[u8], opts: &ParseOptions) -> Anatomy {
        let mut a = Anatomy::from_message_read(m, raw, opts);
        // An automatic reply greets nobody: its `您好，` / `Hi,` is part of the template (every
        // author of the corpus reads it so).
        if a.greeting.is_some() && is_automatic(m) {
            a.greeting = None;
        }
        a
    }

    fn from_message_read(m: &Message, raw: &[u8], opts: &ParseOptions) -> Anatomy {
        let problems: Vec<Problem> = m
            .problems
            .iter()
            .map(|p| Problem {
                message: p.clone(),
                span: None,
            })
            .collect();
        if let Some(a) = Anatomy::verbatim_eml(m, raw, opts) {
            let mut a = a;
            a.problems.splice(0..0, problems);
            return a;
        }
        // A decoded view: headers, blank line, body.
        let mut view = String::with_capacity(m.body.len() + 256);
        let push_header = |name: &str, value: &str, view: &mut String| {
            view.push_str(name);
            view.push_str(": ");
            view.push_str(&value.replace(['\r', '\n'], " "));
            view.push('\n');
        };
        push_header("Subject", &m.subject, &mut view);
        if let Some(f) = &m.from {
            let v = match &m.from_name {
                Some(n) if !n.is_empty() => format!("{n} <{f}>"),
                _ => f.clone(),
            };
            push_header("From", &v, &mut view);
        }
        if !m.to.is_empty() {
            push_header("To", &m.to.join(", "), &mut view);
        }
        if !m.cc.is_empty() {
            push_header("Cc", &m.cc.join(", "), &mut view);
        }
        if let Some(d) = m.date {
            push_header("Date", &d.to_rfc3339(), &mut view);
        }
        // Inline images (signature logos) are not attached files.
        let files: Vec<&liaison_mail::Attachment> =
            m.attachments.iter().filter(|a| !a.inline).collect();
        if !files.is_empty() {
            let names: Vec<&str> = files.iter().map(|a| a.name.as_str()).collect();
            push_header("Attachments", &names.join(", "), &mut view);
        }
        view.push('\n');
        view.push_str(&m.body.replace("\r\n", "\n"));
        let mut a = Anatomy::empty(view, SourceFormat::EmlDecoded);
        a.problems = problems;
        let body_start = a.read_plain_headers(opts);
        // The view lists recipients by address only (its offsets are what diagnostics
        // point at); the body calls them by the display names the raw header gives.
        for (name, list) in [("To", &mut a.to), ("Cc", &mut a.cc)] {
            let Some(decoded) =
                raw_header(raw, name).map(|v| liaison_mail::charset::decode_header(&v).0)
            else {
                continue;
            };
            for ad in list.iter_mut().filter(|ad| ad.name.is_none()) {
                let Some(e) = ad.email.as_deref() else {
                    continue;
                };
                ad.name = decoded
                    .split(',')
                    .find(|seg| seg.to_lowercase().contains(e))
                    .and_then(|seg| seg.split('<').next().filter(|_| seg.contains('<')))
                    .map(|n| n.trim().trim_matches('"').trim().to_string())
                    .filter(|n| !n.is_empty());
            }
        }
        a.date = m.date.or(a.date);
        // Sizes come from the message.
        for (f, att) in a.attachments.iter_mut().zip(files) {
            f.size = Some(att.size);
        }
        a.finish(body_start, opts);
        a
    }

    fn verbatim_eml(m: &Message, raw: &[u8], opts: &ParseOptions) -> Option<Anatomy> {
        let text = std::str::from_utf8(raw).ok()?;
        let header_end = text
            .find("\r\n\r\n")
            .map(|i| i + 4)
            .or_else(|| text.find("\n\n").map(|i| i + 2))?;
        let body = m.body.as_str();
        let trimmed = body.trim_end();
        if trimmed.trim().is_empty() {
            return None;
        }
        // Single part: the body follows the headers; multipart: it is inside a part.
        let body_start = header_end + text[header_end..].find(trimmed)?;
        let body_end = body_start + trimmed.len();
        let mut a = Anatomy::empty(text.to_string(), SourceFormat::Eml);
        // Subject: must appear verbatim in the Subject header line.
        let subj_line = find_header_line(&a.source[..header_end], "subject")?;
        let (ls, le) = subj_line;
        let line_text = &a.source[ls..le];
        let rel = line_text.find(m.subject.as_str())?;
        if !m.subject.is_empty() {
            let s = ls + rel;
            a.subject = Some(a.subject_from(s, s + m.subject.len(), opts));
        }
        for (name, is_to) in [("to", true), ("cc", false)] {
            if let Some((hs, he)) = find_header_line(&a.source[..header_end], name) {
                let colon = a.source[hs..he].find(':').map(|i| hs + i + 1).unwrap_or(hs);
                let mut addrs = a.addresses(colon, he);
                // Display names as written may be RFC 2047-encoded: the body calls people by
                // the decoded name.
                for ad in &mut addrs {
                    if let Some(n) = ad.name.as_mut()
                        && n.contains("=?")
                    {
                        *n = liaison_mail::charset::decode_header(n.as_bytes()).0;
                    }
                }
                if is_to {
                    a.to = addrs;
                } else {
                    a.cc = addrs;
                }
            }
        }
        if let Some((hs, he)) = find_header_line(&a.source[..header_end], "from") {
            let colon = a.source[hs..he].find(':').map(|i| hs + i + 1).unwrap_or(hs);
            a.from = a.addresses(colon, he).into_iter().next();
            // The header as written may be RFC 2047-encoded: take the decoded display name.
            if let (Some(f), Some(n)) = (a.from.as_mut(), m.from_name.as_ref())
                && f.name.as_deref().is_some_and(|x| x.contains("=?"))
            {
                f.name = Some(n.clone());
            }
        }
        if let Some((hs, he)) = find_header_line(&a.source[..header_end], "date") {
            a.date_span = Some(a.span(hs, he));
        }
        a.date = m.date;
        for att in m.attachments.iter().filter(|x| !x.inline) {
            a.attachments.push(AttachedFile {
                name: att.name.clone(),
                size: Some(att.size),
                span: match a.source[..header_end].find(att.name.as_str()) {
                    Some(i) => a.span(i, i + att.name.len()),
                    None => match a.source.find(att.name.as_str()) {
                        Some(i) => a.span(i, i + att.name.len()),
                        None => a.span(0, 0),
                    },
                },
                missing: false,
            });
        }
        a.finish_range(body_start, body_end, opts);
        Some(a)
    }

    fn empty(source: String, format: SourceFormat) -> Anatomy {
        let mut line_starts = Vec::with_capacity(source.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        Anatomy {
            source,
            format,
            lang: Lang::Zh,
            subject: None,
            from: None,
            to: Vec::new(),
            cc: Vec::new(),
            date: None,
            date_span: None,
            body: Span::default(),
            greeting: None,
            opening: None,
            background: Vec::new(),
            problem: Vec::new(),
            items: Vec::new(),
            deadline_lines: Vec::new(),
            attachment_refs: Vec::new(),
            attachments: Vec::new(),
            closing: None,
            signature: None,
            times: Vec::new(),
            quoted: Vec::new(),
            problems: Vec::new(),
            line_starts,
        }
    }

    /// The 1-based line and 1-based column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        let idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let ls = self.line_starts[idx];
        let col = self
            .source
            .get(ls..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0);
        (idx + 1, col + 1)
    }

    /// Byte range of the 1-based line `line` (without its line break).
    pub fn line_range(&self, line: usize) -> (usize, usize) {
        let i = line.saturating_sub(1).min(self.line_starts.len() - 1);
        let s = self.line_starts[i];
        let mut e = self
            .line_starts
            .get(i + 1)
            .copied()
            .unwrap_or(self.source.len());
        let bytes = self.source.as_bytes();
        while e > s && (bytes[e - 1] == b'\n' || bytes[e - 1] == b'\r') {
            e -= 1;
        }
        (s, e)
    }

    /// Makes a span from byte offsets (clamped to the source, moved to char boundaries).
    pub fn span(&self, start: usize, end: usize) -> Span {
        let mut s = start.min(self.source.len());
        while !self.source.is_char_boundary(s) {
            s -= 1;
        }
        let mut e = end.clamp(s, self.source.len());
        while !self.source.is_char_boundary(e) {
            e += 1;
        }
        let line = match self.line_starts.binary_search(&s) {
            Ok(i) => i + 1,
            Err(i) => i,
        };
        Span {
            start: s,
            end: e,
            line,
        }
    }

    fn part(&self, start: usize, end: usize) -> Part {
        let span = self.span(start, end);
        Part {
            text: self.source[span.start..span.end].to_string(),
            span,
        }
    }

    /// The text of a span.
    pub fn text(&self, span: Span) -> &str {
        self.source.get(span.start..span.end).unwrap_or("")
    }

    /// The kind named by the subject tag.
    pub fn kind(&self) -> Option<Kind> {
        self.subject.as_ref().and_then(|s| s.kind)
    }

    /// Reads header lines from the start of the source; returns where the body starts.
    fn read_plain_headers(&mut self, opts: &ParseOptions) -> usize {
        let mut pos = 0;
        let len = self.source.len();
        let mut saw_header = false;
        loop {
            if pos >= len {
                break;
            }
            let le = self.source[pos..]
                .find('\n')
                .map(|i| pos + i)
                .unwrap_or(len);
            let next = (le + 1).min(len);
            let line = self.source[pos..le].trim_end_matches('\r');
            if line.trim().is_empty() {
                if saw_header {
                    return next;
                }
                pos = next;
                continue;
            }
            let Some((name, vstart)) = plain_header(line) else {
                if !saw_header {
                    self.problems.push(Problem {
                        message: "no header lines (Subject:/主题:, To:/收件人: …) before the body"
                            .into(),
                        span: None,
                    });
                }
                return pos;
            };
            saw_header = true;
            let vs = pos + vstart;
            let ve = pos + line.len();
            // Trim spaces around the value.
            let raw_v = &self.source[vs..ve];
            let lead = raw_v.len() - raw_v.trim_start().len();
            let (vs, ve) = (vs + lead, vs + lead + raw_v.trim().len());
            match name {
                HeaderName::Subject => self.subject = Some(self.subject_from(vs, ve, opts)),
                HeaderName::From => self.from = self.addresses(vs, ve).into_iter().next(),
                HeaderName::To => self.to = self.addresses(vs, ve),
                HeaderName::Cc => self.cc = self.addresses(vs, ve),
                HeaderName::Bcc => {}
                HeaderName::Date => {
                    self.date_span = Some(self.span(vs, ve));
                    let v = self.source[vs..ve].to_string();
                    match parse_date(&v, opts.default_offset) {
                        Some(d) => self.date = Some(d),
                        None => self.problems.push(Problem {
                            message: format!(
                                "the date {v:?} could not be read (use RFC 3339, e.g. 2026-11-30T10:00:00+08:00, or 2026-11-30 10:00)"
                            ),
                            span: Some(self.span(vs, ve)),
                        }),
                    }
                }
                HeaderName::Attachments => {
                    for (s, e) in split_list(&self.source[vs..ve]) {
                        let name = self.source[vs + s..vs + e].to_string();
                        if is_none_word(&name) {
                            continue;
                        }
                        let span = self.span(vs + s, vs + e);
                        self.attachments.push(AttachedFile {
                            name,
                            size: None,
                            span,
                            missing: false,
                        });
                    }
                }
            }
            pos = next;
        }
        len
    }

    fn subject_from(&self, s: usize, e: usize, opts: &ParseOptions) -> Subject {
        let text = &self.source[s..e];
        let n = subject::normalize(text);
        let pre = subject::prefixes(text);
        let l = subject::layout(&text[pre.len..], |w| opts.urgency(w).is_some());
        let base = s + pre.len;
        let part = |(a, b): (usize, usize)| self.part(base + a, base + b);
        let tag = l.tag.map(part);
        let urgency = l.urgency.map(part);
        Subject {
            text: text.to_string(),
            span: self.span(s, e),
            kind: subject_kind(text, &opts.kinds, &opts.urgency_words),
            tag,
            project: l.project.map(part),
            departments: l.departments.into_iter().map(part).collect(),
            urgency_value: urgency.as_ref().and_then(|u| opts.urgency(&u.text)),
            urgency,
            normalized: n.subject,
            topic: n.topic,
            is_reply: n.is_reply,
            is_forward: n.is_forward,
        }
    }

    fn addresses(&self, vs: usize, ve: usize) -> Vec<Address> {
        let mut out = Vec::new();
        for (s, e) in split_list(&self.source[vs..ve]) {
            let t = &self.source[vs + s..vs + e];
            if is_none_word(t) {
                continue;
            }
            let (name, email) = if let (Some(l), Some(r)) = (t.find('<'), t.rfind('>')) {
                let n = t[..l].trim().trim_matches('"').trim();
                let em = t[l + 1..r.max(l + 1)].trim().to_lowercase();
                (
                    (!n.is_empty()).then(|| n.to_string()),
                    (!em.is_empty()).then_some(em),
                )
            } else if t.contains('@') {
                (None, Some(t.trim().to_lowercase()))
            } else {
                (Some(t.trim().to_string()), None)
            };
            out.push(Address {
                name,
                email,
                span: self.span(vs + s, vs + e),
            });
        }
        out
    }

    /// Body analysis: everything after the headers.
    fn finish(&mut self, body_start: usize, opts: &ParseOptions) {
        let len = self.source.len();
        self.finish_range(body_start, len, opts);
    }

    fn finish_range(&mut self, body_start: usize, body_end: usize, opts: &ParseOptions) {
        self.body = self.span(body_start, body_end);
        self.lang = Lang::detect(&self.source[body_start..body_end]);
        // Time expressions: subject and body.
        let subject = self.subject.as_ref().map(|s| (s.span.start, s.span.end));
        // The body's fields are the writer's: a reply's or forward's quoted original is left
        // out (cut where a quote header starts; interleaved `>` lines read as blank).
        let stripped = strip_quoted(&self.source[body_start..body_end]);
        // A quote header's date is when the original was sent, never a deadline.
        let (in_subject, in_body) = with_time_context(&opts.time, self.date, |ctx| {
            let in_subject =
                subject.map(|(ss, se)| liaison_time::scan_detailed(&self.source[ss..se], ctx).0);
            let in_body = liaison_time::scan_detailed_skipping(
                &self.source[body_start..body_end],
                ctx,
                &stripped.headers,
            )
            .0;
            (in_subject, in_body)
        });
        if let (Some((ss, _)), Some(found)) = (subject, in_subject) {
            self.push_times(ss, found);
        }
        self.push_times(body_start, in_body);
        self.quoted = stripped
            .parts
            .iter()
            .map(|r| self.span(body_start + r.start, body_start + r.end))
            .collect();
        let lines = self.lines_of(body_start, body_end, &stripped);
        // The analysis only reads the source: check it once for lower-casing shortcuts.
        let _checked = words::CheckedGuard::enter(&self.source);
        // A reply or forward (a message with `Re:`/`Fw:`, or carrying the original it
        // answers): its own text is an answer. A plain draft that only has `Re:` in its
        // subject is read as written (it may be a whole new mail in an old thread).
        let reply = stripped.quoted.is_some()
            || self.format != SourceFormat::Plain
                && self
                    .subject
                    .as_ref()
                    .is_some_and(|s| s.is_reply || s.is_forward);
        body::analyse(self, &lines, opts, reply);
    }

    fn push_times(&mut self, base: usize, found: Vec<Detailed>) {
        for Detailed {
            expr: e,
            weekday_mismatch,
            ..
        } in found
        {
            let span = self.span(base + e.start, base + e.end);
            self.times.push(TimeExpr {
                text: e.text,
                span,
                kind: e.kind,
                value: e.value,
                weekday_mismatch,
                zone: e.zone,
                estimated: e.estimated,
            });
        }
    }

    /// The body's lines as the analysis reads them: a quoted original at the end is left
    /// out, and quoted lines between the writer's answers read as blank.
    fn lines_of(&self, body_start: usize, body_end: usize, stripped: &Stripped) -> Vec<Line> {
        let mut analysis_end = body_end;
        let mut blank_quotes = false;
        // An inline answer: a one-line attribution (`On … wrote:`), then `>` lines with the
        // writer's answers between them.
        let mut header_line: Option<usize> = None;
        if let Some(q) = &stripped.quoted {
            let qs = body_start + q.start;
            let rest = &self.source[qs..body_end];
            let to_end = q.end >= self.source[body_start..body_end].trim_end().len();
            if to_end && !rest.trim_start().starts_with('>') {
                let mut ls = rest.lines().skip(1).map(str::trim);
                let next = ls.by_ref().find(|l| !l.is_empty());
                let inline = next.is_some_and(|l| l.starts_with('>'))
                    && ls.any(|l| !l.is_empty() && !l.starts_with('>'));
                if inline {
                    header_line = Some(qs);
                    blank_quotes = true;
                } else {
                    analysis_end = qs;
                }
            } else {
                blank_quotes = true;
            }
        }
        let mut lines = self.body_lines(body_start, analysis_end);
        if blank_quotes {
            for l in &mut lines {
                let t = &self.source[l.start..l.end];
                let header = header_line.is_some_and(|h| l.start >= h && l.start <= h + 4);
                if t.starts_with('>') || header {
                    l.blank = true;
                }
            }
        }
        lines
    }

    fn body_lines(&self, body_start: usize, body_end: usize) -> Vec<Line> {
        let mut out = Vec::new();
        let mut pos = body_start;
        let len = body_end;
        while pos < len {
            let le = self.source[pos..]
                .find('\n')
                .map(|i| (pos + i).min(len))
                .unwrap_or(len);
            let raw = &self.source[pos..le];
            let content = raw.trim_end_matches('\r');
            let trimmed_start = content.len() - content.trim_start().len();
            let t = content.trim();
            out.push(Line {
                start: pos + trimmed_start,
                end: pos + trimmed_start + t.len(),
                indent: trimmed_start,
                blank: t.is_empty(),
            });
            pos = le + 1;
        }
        out
    }

    /// Time expressions whose span lies inside `span`.
    pub fn times_in(&self, span: Span) -> impl Iterator<Item = &TimeExpr> {
        self.times
            .iter()
            .filter(move |t| t.span.start >= span.start && t.span.end <= span.end)
    }
}

#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    indent: usize,
    blank: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeaderName {
    Subject,
    From,
    To,
    Cc,
    Bcc,
    Date,
    Attachments,
}

/// Recognises a plain-draft header line: returns the header and the byte offset of its value.
fn plain_header(line: &str) -> Option<(HeaderName, usize)> {
    let (ci, clen) = match (line.find(':'), line.find('：')) {
        (Some(a), Some(b)) if a < b => (a, 1),
        (Some(_), Some(b)) => (b, '：'.len_utf8()),
        (Some(a), None) => (a, 1),
        (None, Some(b)) => (b, '：'.len_utf8()),
        (None, None) => return None,
    };
    let name = line[..ci]
        .trim()
        .trim_start_matches("**")
        .trim_end_matches("**");
    let lower = name.to_ascii_lowercase();
    let h = match lower.as_str() {
        "subject" | "主题" | "邮件主题" | "标题" => HeaderName::Subject,
        "from" | "发件人" => HeaderName::From,
        "to" | "收件人" => HeaderName::To,
        "cc" | "抄送" | "抄送人" => HeaderName::Cc,
        "bcc" | "密送" => HeaderName::Bcc,
        "date" | "日期" | "发送时间" | "时间" => HeaderName::Date,
        "attachments" | "attachment" | "附件" => HeaderName::Attachments,
        _ => return None,
    };
    Some((h, ci + clen))
}

/// Finds a header line (`name:` at a line start, continuation lines included) in an RFC 5322
/// header block; returns its byte range.
fn find_header_line(head: &str, name: &str) -> Option<(usize, usize)> {
    let mut pos = 0;
    while pos < head.len() {
        let le = head[pos..]
            .find('\n')
            .map(|i| pos + i)
            .unwrap_or(head.len());
        let line = &head[pos..le];
        if line.len() > name.len()
            && line.as_bytes()[name.len()] == b':'
            && line[..name.len()].eq_ignore_ascii_case(name)
        {
            let mut end = le;
            // Folded continuation lines.
            while end + 1 < head.len() && matches!(head.as_bytes()[end + 1], b' ' | b'\t') {
                end = head[end + 1..]
                    .find('\n')
                    .map(|i| end + 1 + i)
                    .unwrap_or(head.len());
            }
            let mut e = end;
            while e > pos && matches!(head.as_bytes()[e - 1], b'\r' | b'\n') {
                e -= 1;
            }
            return Some((pos, e));
        }
        pos = le + 1;
    }
    None
}

/// Splits an address or file list on `,` `;` `、` (and full-width forms) outside `<>`/quotes;
/// returns trimmed byte ranges.
fn split_list(v: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut quoted = false;
    let mut start = 0;
    let push = |a: usize, b: usize, out: &mut Vec<(usize, usize)>| {
        let p = &v[a..b];
        let lead = p.len() - p.trim_start().len();
        let (s, e) = (a + lead, a + p.trim_end().len());
        if e > s {
            out.push((s, e));
        }
    };
    for (i, c) in v.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '<' => depth += 1,
            '>' => depth -= 1,
            ',' | ';' | '、' | '，' | '；' if depth <= 0 && !quoted => {
                push(start, i, &mut out);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    push(start, v.len(), &mut out);
    out
}

fn is_none_word(s: &str) -> bool {
    matches!(
        s.trim().to_ascii_lowercase().as_str(),
        "无" | "none" | "n/a" | "-" | "（无）" | "(none)"
    )
}

/// Runs `f` with `base`, or with `base` whose `now` is `date` when there is one (a cheap
/// clone: the calendar's day sets are shared).
fn with_time_context<R>(
    base: &liaison_time::Context,
    date: Option<DateTime<FixedOffset>>,
    f: impl FnOnce(&liaison_time::Context) -> R,
) -> R {
    match date {
        Some(d) => {
            let mut ctx = base.clone();
            ctx.now = d;
            f(&ctx)
        }
        None => f(base),
    }
}

/// Parses a Date header: RFC 2822, RFC 3339, `2026-11-30 10:00`, `2026-11-30`,
/// `2026年11月30日 10:00`.
pub fn parse_date(v: &str, default_offset: FixedOffset) -> Option<DateTime<FixedOffset>> {
    let v = v.trim();
    // The common `2026-11-30 10:00` without the format parsers (which read it the same way:
    // RFC 3339/2822 and the formats with seconds reject it, `%Y-%m-%d %H:%M` accepts it).
    let b = v.as_bytes();
    if b.len() == 16
        && (b[4], b[7], b[10], b[13]) == (b'-', b'-', b' ', b':')
        && [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
    {
        let n = |r: std::ops::Range<usize>| v[r].parse::<u32>().ok();
        let date = NaiveDate::from_ymd_opt(n(0..4)? as i32, n(5..7)?, n(8..10)?)?;
        let t = date.and_hms_opt(n(11..13)?, n(14..16)?, 0)?;
        return default_offset.from_local_datetime(&t).single();
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(v) {
        return Some(d);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(v) {
        return Some(d);
    }
    let norm: String = v
        .replace(['年', '月'], "-")
        .replace('日', " ")
        .replace('/', "-")
        .replace('T', " ");
    let norm = norm.trim();
    for f in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d  %H:%M"] {
        if let Ok(n) = NaiveDateTime::parse_from_str(norm, f) {
            return default_offset.from_local_datetime(&n).single();
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(norm, "%Y-%m-%d") {
        return default_offset
            .from_local_datetime(&d.and_hms_opt(9, 0, 0)?)
            .single();
    }
    None
}

mod body;
mod items;
pub mod quote;
pub mod reply;
mod signature;
pub mod subject;
pub mod words;

pub use quote::{Stripped, strip_quoted};
pub use reply::{ItemRef, ReplyClass, ReplyReading, Writer};

/// A message sent automatically: the auto-reply headers, or an out-of-office text at the
/// top of a short body.
fn is_automatic(m: &Message) -> bool {
    if m.auto_reply.is_some() {
        return true;
    }
    let head: String = m.body.chars().take(600).collect();
    let norm = reply::cues::normalize(&head);
    m.body.chars().count() <= 1200 && reply::cues::any(&norm, reply::cues::AUTO_STRONG)
}

/// The value of header `name` in a raw message, unfolded, still encoded.
fn raw_header(raw: &[u8], name: &str) -> Option<Vec<u8>> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .or_else(|| raw.windows(2).position(|w| w == b"\n\n"))?;
    let head = String::from_utf8_lossy(&raw[..end + 1]);
    let (s, e) = find_header_line(&head, name)?;
    let line = &head[s..e];
    let v = &line[line.find(':')? + 1..];
    let unfolded: Vec<&str> = v.split(['\r', '\n']).map(str::trim).collect();
    Some(unfolded.join(" ").trim().as_bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body encoded on the wire is read from a decoded view that lists recipients by
    /// address; the display name still comes from the raw header, so a call by name is read.
    #[test]
    fn an_encoded_recipient_name_reaches_the_body_reader() {
        let opts = ParseOptions::new(liaison_time::Context::new(
            DateTime::parse_from_rfc3339("2026-12-01T10:00:00+08:00").unwrap(),
        ));
        let raw = "From: a@example.com\r\nTo: =?UTF-8?B?5byg5pmT5bOw?= <zxf@example.com>\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=E6=99=93=E5=B3=B0=EF=BC=8C=E5=91=A8=E6=8A=A5=E6=88=91=E6=99=9A=E7=82=B9=E5=\r\n=8F=91=E3=80=82\r\n";
        let a = Anatomy::parse_eml(raw.as_bytes(), &opts);
        assert_eq!(a.to[0].name.as_deref(), Some("张晓峰"));
        assert_eq!(a.greeting.map(|g| g.text).as_deref(), Some("晓峰，"));
    }

    /// An automatic reply greets nobody; the same text sent by hand does (fifth round).
    #[test]
    fn an_automatic_reply_has_no_greeting() {
        let opts = ParseOptions::new(liaison_time::Context::new(
            DateTime::parse_from_rfc3339("2026-12-01T10:00:00+08:00").unwrap(),
        ));
        let eml = |extra: &str| {
            format!(
                "From: =?UTF-8?B?5ZGo5pWP?= <zhou@example.com>\r\nTo: a@example.com\r\nSubject: =?UTF-8?B?6Ieq5Yqo5Zue5aSN?=\r\nDate: Tue, 1 Dec 2026 10:00:00 +0800\r\n{extra}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n您好，我12月2日至12月4日出差，期间邮件回复可能不及时。\r\n"
            )
        };
        let auto = eml("Auto-Submitted: auto-replied\r\n");
        let a = Anatomy::parse_eml(auto.as_bytes(), &opts);
        assert!(a.greeting.is_none());
        let by_hand = eml("");
        let a = Anatomy::parse_eml(by_hand.as_bytes(), &opts);
        assert!(a.greeting.is_some());
    }

    /// The `YYYY-MM-DD HH:MM` shortcut reads what the format parsers read.
    #[test]
    fn date_shortcut_agrees_with_chrono() {
        let off = FixedOffset::east_opt(8 * 3600).unwrap();
        let slow = |v: &str| -> Option<DateTime<FixedOffset>> {
            let n = NaiveDateTime::parse_from_str(v, "%Y-%m-%d %H:%M").ok()?;
            off.from_local_datetime(&n).single()
        };
        for v in [
            "2026-11-30 10:00",
            "2026-02-29 10:00",
            "2028-02-29 23:59",
            "2026-13-01 10:00",
            "2026-11-31 10:00",
            "2026-11-30 24:00",
            "2026-11-30 10:60",
            "0000-01-01 00:00",
            "2026-00-10 10:00",
        ] {
            assert_eq!(parse_date(v, off), slow(v), "{v}");
        }
    }

    /// The dated context equals the given base with `now` replaced.
    #[test]
    fn dated_context_follows_its_base() {
        let now = DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
        let d = DateTime::parse_from_rfc3339("2026-12-03T09:00:00+08:00").unwrap();
        let a = liaison_time::Context::new(now);
        let mut b = a.clone();
        b.calendar = liaison_time::Calendar::none();
        for base in [&a, &b, &b, &a, &a] {
            with_time_context(base, Some(d), |c| {
                assert_eq!(c.now, d);
                assert!(c.calendar == base.calendar && c.tz == base.tz && c.hours == base.hours);
            });
            with_time_context(base, None, |c| assert_eq!(c.now, now));
        }
    }

    fn opts() -> ParseOptions {
        let now = DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
        ParseOptions::new(liaison_time::Context::new(now))
    }

    #[test]
    fn plain_headers_with_full_width_colons_and_list_separators() {
        let src = "主题：【需求确认】Q3调研-市场部/技术部-需12月3日前反馈\n收件人：张伟 <ZhangWei@example.com>、陈静；li@example.com\n抄送: 市场部经理\n日期：2026年11月30日 10:00\n附件：a.xlsx、b.pdf\n\n张经理，您好！\n";
        let a = Anatomy::parse_plain(src.as_bytes(), &opts());
        let s = a.subject.as_ref().unwrap();
        assert_eq!(s.kind, Some(Kind::Request));
        assert_eq!(s.project.as_ref().unwrap().text, "Q3调研");
        let deps: Vec<_> = s.departments.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(deps, ["市场部", "技术部"]);
        assert_eq!(
            s.urgency_value,
            Some(Urgency::FeedbackBy("12月3日前".into()))
        );
        assert_eq!(a.to.len(), 3);
        assert_eq!(a.to[0].email.as_deref(), Some("zhangwei@example.com"));
        assert_eq!(a.to[1].name.as_deref(), Some("陈静"));
        assert_eq!(a.cc[0].name.as_deref(), Some("市场部经理"));
        assert_eq!(a.date.unwrap().to_rfc3339(), "2026-11-30T10:00:00+08:00");
        assert_eq!(a.attachments.len(), 2);
        assert_eq!(a.text(a.attachments[1].span), "b.pdf");
        assert_eq!(a.greeting.as_ref().unwrap().kind, GreetingKind::Personal);
        assert_eq!(a.line_col(a.greeting.as_ref().unwrap().span.start), (7, 1));
    }

    #[test]
    fn english_subject_keeps_hyphens_inside_parts() {
        let src =
            "Subject: [Follow-up] Sign-off review - R&D/Marketing - Reply by Dec 3\n\nHi all,\n";
        let a = Anatomy::parse_plain(src.as_bytes(), &opts());
        let s = a.subject.unwrap();
        assert_eq!(s.kind, Some(Kind::Nudge));
        assert_eq!(s.project.unwrap().text, "Sign-off review");
        assert_eq!(s.departments.len(), 2);
        assert!(matches!(s.urgency_value, Some(Urgency::FeedbackBy(_))));
        assert_eq!(a.lang, Lang::En);
    }

    /// Times carry liaison-time's weekday check, in the subject and in the body.
    #[test]
    fn times_carry_weekday_mismatches() {
        let src = "主题：【需求对接】X-市场部-需12/3（周五）前反馈\n日期：2026-11-30 10:00\n\n请于十二月三日（周五）前反馈，12月4日（周五）前确认。\n";
        let a = Anatomy::parse_plain(src.as_bytes(), &opts());
        let m: Vec<_> = a
            .times
            .iter()
            .map(|t| {
                (
                    a.text(t.span),
                    t.weekday_mismatch.map(|m| (m.stated, m.actual)),
                )
            })
            .collect();
        use chrono::Weekday::{Fri, Thu};
        assert_eq!(
            m,
            [
                ("12/3（周五）前", Some((Fri, Thu))),
                ("十二月三日（周五）前", Some((Fri, Thu))),
                ("12月4日（周五）前", None),
            ]
        );
    }

    #[test]
    fn standard_value_drops_the_label() {
        let src = "主题：【需求对接】X-市场部-紧急\n\n张经理，您好！\n\n具体需求：\n1. 市场部提供报表，12月3日前，交付标准：包含渠道维度；\n2. 协调访谈，12月4日前，要求一线城市用户\n";
        let a = Anatomy::parse_plain(src.as_bytes(), &opts());
        let v: Vec<_> = a.items.iter().map(Item::standard_value).collect();
        assert_eq!(
            v,
            [
                Some("包含渠道维度".to_string()),
                Some("要求一线城市用户".to_string())
            ]
        );
    }

    /// Reply prefixes only the threading keys used to know, and every tag bracket.
    #[test]
    fn reply_subjects_keep_their_parts() {
        for src in [
            "主题：回覆：答覆: 【复盘】项目A-产品部-一般\n\n各位好\n",
            "主题：Re[2]: 轉發：〖复盘〗项目A-产品部-一般\n\n各位好\n",
            "主题：AW: ［复盘］项目A-产品部-一般\n\n各位好\n",
        ] {
            let a = Anatomy::parse_plain(src.as_bytes(), &opts());
            let s = a.subject.as_ref().unwrap();
            assert_eq!(s.kind, Some(Kind::Retrospective), "{src}");
            assert_eq!(s.project.as_ref().unwrap().text, "项目A", "{src}");
            assert_eq!(a.text(s.departments[0].span), "产品部", "{src}");
            assert_eq!(s.topic, "【复盘】项目a", "{src}");
            assert!(s.is_reply, "{src}");
        }
        let a = Anatomy::parse_plain("主题：【复盘】x\n\nhi\n".as_bytes(), &opts());
        let s = a.subject.unwrap();
        assert!(!s.is_reply && !s.is_forward);
        assert_eq!(s.normalized, "【复盘】x");
    }

    #[test]
    fn gbk_plain_draft_is_decoded_and_noted() {
        let (gbk, _, _) =
            encoding_rs::GBK.encode("主题：【复盘】项目-产品部-一般\n\n各位同事，大家好！\n");
        let a = Anatomy::parse_plain(&gbk, &opts());
        assert_eq!(a.kind(), Some(Kind::Retrospective));
        assert_eq!(a.greeting.unwrap().kind, GreetingKind::Group);
        assert!(a.problems.iter().any(|p| p.message.contains("GB18030")));
    }

    #[test]
    fn dates() {
        let off = FixedOffset::east_opt(8 * 3600).unwrap();
        for v in [
            "2026-11-30 10:00",
            "2026/11/30 10:00",
            "Mon, 30 Nov 2026 10:00:00 +0800",
            "2026-11-30T10:00:00+08:00",
        ] {
            assert_eq!(
                parse_date(v, off).unwrap().to_rfc3339(),
                "2026-11-30T10:00:00+08:00",
                "{v}"
            );
        }
        assert!(parse_date("next monday", off).is_none());
    }

    #[test]
    fn items_sections_and_signature() {
        let src = "Subject: 【需求对接】X项目-市场部-紧急\n\n张经理，您好！特此同步需求，请于12月3日前反馈。\n\n一、背景与目标\n为提升转化率，根据周会决议启动。\n\n二、具体需求\n1. 市场部提供报表，12月3日前，包含渠道维度；\n   - 需附原始数据\n2. 协调访谈资源\n\n附件说明：\n附件1：《需求清单》说明维度。\n\n如有疑问请于今日17:00前反馈。\n\n此致\n敬礼！\n\n王磊\n产品部\n钉钉：wanglei01\n";
        let a = Anatomy::parse_plain(src.as_bytes(), &opts());
        assert!(a.opening.as_ref().unwrap().text.starts_with("特此同步"));
        assert_eq!(a.background.len(), 1);
        assert_eq!(a.background[0].sentences, 1);
        assert_eq!(a.items.len(), 2);
        assert_eq!(a.items[0].owner.as_ref().unwrap().text, "市场部");
        // The what is the action alone; its sub-points stay in the item.
        assert_eq!(a.items[0].what.text, "提供报表");
        assert!(a.text(a.items[0].span).contains("需附原始数据"));
        assert_eq!(a.items[0].due.as_ref().unwrap().text, "12月3日前");
        assert!(a.items[1].owner.is_none());
        assert!(
            a.attachment_refs
                .iter()
                .any(|r| r.described && r.index == Some(1))
        );
        assert!(a.closing.as_ref().unwrap().text.contains("反馈"));
        let sig = a.signature.as_ref().unwrap();
        assert_eq!(sig.name.as_ref().unwrap().text, "王磊");
        assert_eq!(sig.department.as_ref().unwrap().text, "产品部");
        assert!(sig.contact[0].text.contains("wanglei01"));
        assert!(sig.signoff.as_ref().unwrap().text.contains("此致"));
    }
}
