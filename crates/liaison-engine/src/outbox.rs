//! The outbox: every mail liaison sends goes through it, so that a mail is sent exactly once
//! or, where that cannot be known, held for a person — never sent twice blindly.
//!
//! One message's life (each arrow a committed write):
//!
//! ```text
//! prepare → enqueue: queued (or draft, awaiting approval)
//! claim:    sending, attempts + 1          (nothing has left yet)
//! DATA 354: sending, handed_over           (the content is about to leave)
//! 250:      sent → recorded (ingested as an outgoing message) → appended (IMAP Sent)
//! 4xx / network before the content: queued again, not before now + backoff
//! 5xx, or out of attempts: failed
//! no reply after the content: held (unless the Sent folder shows it was sent)
//! ```
//!
//! After a crash, [`recover`] settles what was left in `sending` by a process that is gone
//! (its lock is free): without `handed_over` nothing was sent, so it is queued again (the
//! same Message-ID); with it, the Sent folder is searched for the Message-ID where IMAP is
//! configured — found means sent; otherwise it is `held`. A `sent` message not yet recorded
//! or appended is finished; the append first looks in the Sent folder, so a crash between
//! the append and its mark never leaves two copies.
//!
//! Each step is a library function ([`prepare`], [`enqueue`], [`send_one`], [`send_due`],
//! [`recover`], [`drop_message`], [`list`]) so the CLI and the runner share them.

use crate::pipeline::{IngestOptions, PipelineError, Quiet, ingest};
use crate::tracker::TrackerConfig;
use chrono::{DateTime, FixedOffset, Utc};
use liaison_mail::Message;
use liaison_mail::mailbox::{Mailbox, RawMail};
use liaison_mail::transport::{
    Disposition, ImapClient, ImapError, SmtpClient, check_envelope_address,
};
use liaison_store::{OutboxEntry, OutboxState, Store, StoreError};
use serde::Serialize;

/// Errors of the outbox (a failed SMTP transaction is not one: it is an [`Outcome`]).
#[derive(Debug, thiserror::Error)]
pub enum OutboxError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Recording a sent mail failed.
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
    /// The message cannot be sent as it is.
    #[error("{0}")]
    Invalid(String),
    /// The Message-ID was sent already.
    #[error("{message_id} was already sent at {at}")]
    AlreadySent {
        /// The message.
        message_id: String,
        /// When the server accepted it.
        at: DateTime<Utc>,
    },
    /// The message may have been delivered: only a person may send it again.
    #[error("{message_id} is held: it may have been delivered ({reason})")]
    Held {
        /// The message.
        message_id: String,
        /// Why it is held.
        reason: String,
    },
    /// Another process is sending it right now.
    #[error("{message_id} is being sent by another process")]
    InFlight {
        /// The message.
        message_id: String,
    },
    /// No such message in the outbox.
    #[error("{0} is not in the outbox")]
    NotFound(String),
    /// The message is not in a state this operation applies to.
    #[error("{message_id} is {state}")]
    WrongState {
        /// The message.
        message_id: String,
        /// Its state.
        state: OutboxState,
    },
}

/// A message made ready for the outbox by [`prepare`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// Message-ID without angle brackets.
    pub message_id: String,
    /// Decoded subject.
    pub subject: String,
    /// The From address: the envelope sender.
    pub from: String,
    /// The To addresses.
    pub to: Vec<String>,
    /// Every envelope recipient: To, Cc and Bcc.
    pub recipients: Vec<String>,
    /// The bytes to send: CRLF line ends, no Bcc header.
    pub bytes: Vec<u8>,
    /// The Date header.
    pub date: Option<DateTime<FixedOffset>>,
}

/// Where a message comes from, kept with it for the runner and for display.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The collaboration it serves.
    pub collaboration: Option<String>,
    /// The action it carries out (`nudge`, `sync`, `escalate`, `confirm`, `retro`).
    pub action: Option<String>,
}

/// Lone CR or LF to CRLF, as SMTP and IMAP want.
fn crlf(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 40);
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'\r' => {
                out.extend_from_slice(b"\r\n");
                if raw.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\n' => out.extend_from_slice(b"\r\n"),
            b => out.push(b),
        }
        i += 1;
    }
    out
}

/// Splits a message into its header lines (each with its continuation lines) and the rest
/// (the blank line and body), or `None` when no header ends it.
fn split_header(bytes: &[u8]) -> Option<(Vec<&[u8]>, &[u8])> {
    let end = bytes.windows(4).position(|w| w == b"\r\n\r\n")? + 2;
    let (head, rest) = bytes.split_at(end);
    let mut fields: Vec<&[u8]> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + 1 < head.len() {
        if head[i] == b'\r' && head[i + 1] == b'\n' {
            let next = head.get(i + 2);
            if !matches!(next, Some(b' ') | Some(b'\t')) {
                fields.push(&head[start..i + 2]);
                start = i + 2;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    Some((fields, rest))
}

fn field_name(field: &[u8]) -> String {
    let colon = field.iter().position(|&b| b == b':').unwrap_or(0);
    String::from_utf8_lossy(&field[..colon])
        .trim()
        .to_ascii_lowercase()
}

/// Makes a message ready to send: line ends to CRLF; a Message-ID (derived from the bytes,
/// on `domain`) and a Date (`now`) added when missing; Bcc recipients moved from the header
/// to the envelope; every envelope address checked (no CR/LF or other smuggling).
pub fn prepare(
    raw: &[u8],
    now: DateTime<FixedOffset>,
    domain: &str,
) -> Result<Prepared, OutboxError> {
    let invalid = |s: String| OutboxError::Invalid(s);
    let bytes = crlf(raw);
    let Some((fields, rest)) = split_header(&bytes) else {
        return Err(invalid(
            "not an RFC 5322 message: no header followed by a blank line (write it with `liaison new`)".into(),
        ));
    };
    let mut bcc = Vec::new();
    let mut kept: Vec<&[u8]> = Vec::new();
    let (mut has_mid, mut has_date) = (false, false);
    for f in &fields {
        match field_name(f).as_str() {
            "bcc" => {
                let mut probe = b"To:".to_vec();
                probe.extend_from_slice(&f[f.iter().position(|&b| b == b':').unwrap_or(0) + 1..]);
                probe.extend_from_slice(b"\r\n");
                bcc.extend(Message::parse(&probe).to);
            }
            name => {
                has_mid |= name == "message-id";
                has_date |= name == "date";
                kept.push(f);
            }
        }
    }
    let mut head: Vec<u8> = Vec::with_capacity(bytes.len() + 100);
    if !has_mid {
        let seed = liaison_store::sha256_hex(&bytes);
        let mid = liaison_mail::mime::message_id(&seed, domain);
        if mid.contains(['\r', '\n', ' ', '<', '>']) {
            return Err(invalid(format!(
                "the Message-ID domain {domain:?} contains characters a header cannot hold (check [identity] domain)"
            )));
        }
        head.extend_from_slice(format!("Message-ID: <{mid}>\r\n").as_bytes());
    }
    if !has_date {
        head.extend_from_slice(format!("Date: {}\r\n", now.to_rfc2822()).as_bytes());
    }
    for f in kept {
        head.extend_from_slice(f);
    }
    head.extend_from_slice(rest);
    let bytes = head;
    let m = Message::parse(&bytes);
    let message_id = m
        .message_id
        .clone()
        .filter(|id| !id.is_empty())
        .ok_or_else(|| invalid("the Message-ID header cannot be read".into()))?;
    if message_id.contains(['\r', '\n']) {
        return Err(invalid("the Message-ID contains CR or LF".into()));
    }
    let from = m
        .from
        .clone()
        .ok_or_else(|| invalid("no From address (the sender)".into()))?;
    let mut recipients: Vec<String> = Vec::new();
    for a in m.to.iter().chain(&m.cc).chain(&bcc) {
        let a = a.trim().to_string();
        if !recipients.iter().any(|r| r.eq_ignore_ascii_case(&a)) {
            recipients.push(a);
        }
    }
    if recipients.is_empty() {
        return Err(invalid("no recipient (To, Cc or Bcc)".into()));
    }
    for a in std::iter::once(&from).chain(&recipients) {
        check_envelope_address(a).map_err(|r| invalid(format!("address {a:?}: {r}")))?;
    }
    Ok(Prepared {
        message_id,
        subject: m.subject,
        from,
        to: m.to,
        recipients,
        bytes,
        date: m.date,
    })
}

/// What [`enqueue`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Enqueued {
    /// A new entry.
    New,
    /// An entry that was queued, failed or a draft, queued again with these bytes.
    Requeued,
    /// A sent or held message queued again on request (`--resend`).
    Resend,
}

/// Puts a prepared message in the outbox: `queued`, or `draft` when `draft` (awaiting
/// approval). A Message-ID already sent is refused ([`OutboxError::AlreadySent`]) and a held
/// one too ([`OutboxError::Held`]), unless `resend`; one in `sending` is refused while its
/// sender is alive.
pub fn enqueue(
    store: &mut dyn Store,
    p: &Prepared,
    origin: &Origin,
    draft: bool,
    now: DateTime<FixedOffset>,
    resend: bool,
) -> Result<Enqueued, OutboxError> {
    let now = now.with_timezone(&Utc);
    let state = if draft {
        OutboxState::Draft
    } else {
        OutboxState::Queued
    };
    let fresh = OutboxEntry {
        message_id: p.message_id.clone(),
        state,
        subject: p.subject.clone(),
        from: p.from.clone(),
        to: p.to.clone(),
        recipients: p.recipients.clone(),
        collaboration: origin.collaboration.clone(),
        action: origin.action.clone(),
        bytes: p.bytes.clone(),
        attempts: 0,
        last_error: None,
        created_at: now,
        updated_at: now,
        next_attempt_at: None,
        sent_at: None,
        handed_over: false,
        recorded: false,
        appended: false,
        reply: None,
    };
    // Two rounds at most: an entry that changes state between our read and our write is
    // read again.
    for _ in 0..3 {
        let Some(old) = store.outbox_get(&p.message_id)? else {
            if store.outbox_insert(&fresh)? {
                return Ok(Enqueued::New);
            }
            continue;
        };
        let (kind, expect) = match old.state {
            OutboxState::Sent if !resend => {
                return Err(OutboxError::AlreadySent {
                    message_id: old.message_id,
                    at: old.sent_at.unwrap_or(old.updated_at),
                });
            }
            OutboxState::Held if !resend => {
                return Err(OutboxError::Held {
                    message_id: old.message_id,
                    reason: old.last_error.unwrap_or_default(),
                });
            }
            OutboxState::Sending => {
                return Err(OutboxError::InFlight {
                    message_id: old.message_id,
                });
            }
            OutboxState::Sent | OutboxState::Held => (Enqueued::Resend, old.state),
            s => (Enqueued::Requeued, s),
        };
        let mut e = fresh.clone();
        e.created_at = old.created_at;
        e.attempts = old.attempts;
        e.collaboration = origin.collaboration.clone().or(old.collaboration);
        e.action = origin.action.clone().or(old.action);
        if store.outbox_update(&e, &[expect])? {
            return Ok(kind);
        }
    }
    Err(OutboxError::InFlight {
        message_id: p.message_id.clone(),
    })
}

/// Where [`send_one`] or [`send_due`] left a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Outcome {
    /// The server accepted it.
    Sent,
    /// Not delivered; it will be tried again at this instant.
    Retry {
        /// Not before.
        next_attempt_at: DateTime<Utc>,
    },
    /// Refused for good, or out of attempts.
    Failed,
    /// Perhaps delivered: held for a person.
    Held,
    /// Not tried.
    Skipped {
        /// Why.
        reason: String,
    },
}

/// What happened to one message.
#[derive(Debug, Clone, Serialize)]
pub struct SendReport {
    /// Message-ID.
    pub message_id: String,
    /// Subject.
    pub subject: String,
    /// To addresses.
    pub to: Vec<String>,
    /// What happened.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// Transactions tried so far.
    pub attempts: u32,
    /// The failure, as the server or the network said it.
    pub error: Option<String>,
    /// The server's reply on acceptance.
    pub reply: Option<String>,
    /// A problem after acceptance (recording it, appending to the Sent folder); the
    /// message was sent, and the step is finished by the next send, outbox or run.
    pub warning: Option<String>,
    /// The failure concerned the server or the account, not this message: the next
    /// message would fail the same way.
    #[serde(skip)]
    pub server_failure: bool,
}

/// Test hooks: abort the process at a point of sending (as `kill -9` would), to prove that
/// nothing is lost or sent twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrashPoint {
    /// After `sending` is committed, before connecting.
    Claimed,
    /// After `handed_over` is committed, before the content is sent.
    HandedOver,
    /// After the server accepted the message, before `sent` is committed.
    Accepted,
    /// After `sent` is committed, before the message is recorded.
    Sent,
    /// After the message is recorded, before it is appended to the Sent folder.
    Recorded,
    /// After the append, before it is marked.
    Appended,
}

impl CrashPoint {
    /// Reads `claimed`, `handed-over`, `accepted`, `sent`, `recorded`, `appended`.
    pub fn parse(s: &str) -> Option<CrashPoint> {
        Some(match s {
            "claimed" => CrashPoint::Claimed,
            "handed-over" => CrashPoint::HandedOver,
            "accepted" => CrashPoint::Accepted,
            "sent" => CrashPoint::Sent,
            "recorded" => CrashPoint::Recorded,
            "appended" => CrashPoint::Appended,
            _ => return None,
        })
    }
}

/// How to send.
#[derive(Debug, Clone)]
pub struct SendOptions {
    /// Attempts before a message that keeps failing temporarily is marked failed.
    pub max_attempts: u32,
    /// How a sent mail is recorded (through the ingest pipeline).
    pub ingest: IngestOptions,
    /// Test hook: abort at this point, at the `crash_nth` message reaching it (1-based).
    pub crash_at: Option<CrashPoint>,
    /// See `crash_at`.
    pub crash_nth: u32,
}

impl Default for SendOptions {
    fn default() -> Self {
        SendOptions {
            max_attempts: 10,
            ingest: IngestOptions::default(),
            crash_at: None,
            crash_nth: 1,
        }
    }
}

/// Counts arrivals at crash points (per process).
static CRASH_COUNT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

fn crash(opts: &SendOptions, at: CrashPoint) {
    if opts.crash_at == Some(at) {
        let n = CRASH_COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
        if n >= opts.crash_nth.max(1) {
            eprintln!("LIAISON_TEST_CRASH_AT={at:?}: aborting");
            std::process::abort();
        }
    }
}

/// The wait before attempt `attempts + 1`: a minute, doubling, at most an hour.
pub fn backoff(attempts: u32) -> chrono::Duration {
    let minutes = 1i64 << attempts.saturating_sub(1).min(6);
    chrono::Duration::minutes(minutes.min(60))
}

fn report(e: &OutboxEntry, outcome: Outcome) -> SendReport {
    SendReport {
        message_id: e.message_id.clone(),
        subject: e.subject.clone(),
        to: e.to.clone(),
        outcome,
        attempts: e.attempts,
        error: e.last_error.clone(),
        reply: e.reply.clone(),
        warning: None,
        server_failure: false,
    }
}

/// Whether the Sent folder holds the message: `Some(true|false)`, or `None` when IMAP is
/// not configured (or failed, with the error).
fn in_sent(imap: Option<&mut ImapClient>, mid: &str) -> Result<Option<bool>, ImapError> {
    let Some(imap) = imap else { return Ok(None) };
    let sent = imap.sent()?;
    Ok(Some(imap.count_message_id(&sent, mid)? > 0))
}

/// Sends one message of the outbox in one of the states `from` (normally `queued`; a person
/// naming a message may also send a failed, held or draft one). Returns what happened; an
/// `Err` when the store failed, or [`OutboxError::InFlight`], [`OutboxError::NotFound`],
/// [`OutboxError::WrongState`] when the message cannot be sent now.
#[allow(clippy::too_many_arguments)]
pub fn send_one(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
    smtp: &mut SmtpClient,
    imap: Option<&mut ImapClient>,
    message_id: &str,
    from: &[OutboxState],
    now: DateTime<FixedOffset>,
    opts: &SendOptions,
) -> Result<SendReport, OutboxError> {
    let r = send_one_inner(store, cfg, smtp, imap, message_id, from, now, opts);
    if let Ok(r) = &r {
        log_send(r);
    }
    r
}

/// Logs one message's fate (tracing, target `liaison::send`): its Message-ID, collaboration
/// (when the runner made it), state and the server's word.
fn log_send(r: &SendReport) {
    let state = match &r.outcome {
        Outcome::Sent => "sent",
        Outcome::Retry { .. } => "retry",
        Outcome::Failed => "failed",
        Outcome::Held => "held",
        Outcome::Skipped { .. } => "skipped",
    };
    let error = r.error.as_deref().unwrap_or("");
    match &r.outcome {
        Outcome::Sent => tracing::info!(
            target: "liaison::send",
            message_id = %r.message_id,
            state,
            attempts = r.attempts,
            reply = r.reply.as_deref().unwrap_or(""),
            warning = r.warning.as_deref().unwrap_or(""),
            "sent"
        ),
        Outcome::Skipped { reason } => tracing::debug!(
            target: "liaison::send",
            message_id = %r.message_id,
            state,
            reason = %reason,
            "not sent"
        ),
        _ => tracing::warn!(
            target: "liaison::send",
            message_id = %r.message_id,
            state,
            attempts = r.attempts,
            error,
            "not sent"
        ),
    }
}

#[allow(clippy::too_many_arguments)]
fn send_one_inner(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
    smtp: &mut SmtpClient,
    imap: Option<&mut ImapClient>,
    message_id: &str,
    from: &[OutboxState],
    now: DateTime<FixedOffset>,
    opts: &SendOptions,
) -> Result<SendReport, OutboxError> {
    if !store.outbox_try_lock(message_id)? {
        return Err(OutboxError::InFlight {
            message_id: message_id.into(),
        });
    }
    let r = send_locked(store, cfg, smtp, imap, message_id, from, now, opts);
    store.outbox_unlock(message_id)?;
    r
}

#[allow(clippy::too_many_arguments)]
fn send_locked(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
    smtp: &mut SmtpClient,
    mut imap: Option<&mut ImapClient>,
    message_id: &str,
    from: &[OutboxState],
    now: DateTime<FixedOffset>,
    opts: &SendOptions,
) -> Result<SendReport, OutboxError> {
    let utc = now.with_timezone(&Utc);
    let Some(mut e) = store.outbox_get(message_id)? else {
        return Err(OutboxError::NotFound(message_id.into()));
    };
    if !from.contains(&e.state) {
        return Err(OutboxError::WrongState {
            message_id: e.message_id,
            state: e.state,
        });
    }
    let before = e.state;
    e.state = OutboxState::Sending;
    e.attempts += 1;
    e.handed_over = false;
    e.updated_at = utc;
    if !store.outbox_update(&e, &[before])? {
        return Ok(report(
            &e,
            Outcome::Skipped {
                reason: "changed by another process".into(),
            },
        ));
    }
    crash(opts, CrashPoint::Claimed);

    let mut handed = false;
    let result = {
        let mut hook = || -> Result<(), String> {
            let mut h = e.clone();
            h.handed_over = true;
            match store.outbox_update(&h, &[OutboxState::Sending]) {
                Ok(true) => {
                    handed = true;
                    crash(opts, CrashPoint::HandedOver);
                    Ok(())
                }
                Ok(false) => Err("the outbox entry changed during sending".into()),
                Err(err) => Err(format!("cannot record the hand-over: {err}")),
            }
        };
        smtp.send(&e.from, &e.recipients, &e.bytes, &mut hook)
    };
    e.handed_over = handed;
    match result {
        Ok(acc) => {
            crash(opts, CrashPoint::Accepted);
            e.state = OutboxState::Sent;
            e.sent_at = Some(utc);
            e.reply = Some(acc.reply);
            e.last_error = None;
            e.next_attempt_at = None;
            e.updated_at = utc;
            store.outbox_update(&e, &[OutboxState::Sending])?;
            crash(opts, CrashPoint::Sent);
            let warning = finish(store, cfg, imap, &mut e, false, opts)?;
            let mut r = report(&e, Outcome::Sent);
            r.warning = warning;
            Ok(r)
        }
        Err(err) => {
            let server_failure = err.is_connection_level();
            let text = err.to_string();
            e.last_error = Some(text.clone());
            e.updated_at = utc;
            let outcome = match err.disposition() {
                Disposition::Retry if e.attempts < opts.max_attempts.max(1) => {
                    let at = utc + backoff(e.attempts);
                    e.state = OutboxState::Queued;
                    e.next_attempt_at = Some(at);
                    e.handed_over = false;
                    Outcome::Retry {
                        next_attempt_at: at,
                    }
                }
                Disposition::Retry => {
                    e.state = OutboxState::Failed;
                    e.last_error = Some(format!("gave up after {} attempts: {text}", e.attempts));
                    Outcome::Failed
                }
                Disposition::Fail => {
                    e.state = OutboxState::Failed;
                    Outcome::Failed
                }
                Disposition::Uncertain => match in_sent(imap.as_deref_mut(), &e.message_id) {
                    Ok(Some(true)) => {
                        e.state = OutboxState::Sent;
                        e.sent_at = Some(utc);
                        e.appended = true;
                        e.reply = Some("found in the Sent folder".into());
                        Outcome::Sent
                    }
                    _ => {
                        e.state = OutboxState::Held;
                        Outcome::Held
                    }
                },
            };
            store.outbox_update(&e, &[OutboxState::Sending])?;
            let mut warning = None;
            if e.state == OutboxState::Sent {
                warning = finish(store, cfg, imap, &mut e, true, opts)?;
            }
            let mut r = report(&e, outcome);
            r.warning = warning;
            r.server_failure = server_failure;
            Ok(r)
        }
    }
}

/// The steps after acceptance: record the mail as an outgoing message (the ingest
/// pipeline), then append it to the Sent folder where IMAP is configured. `careful`: look in
/// the Sent folder before appending (after a crash the append may have happened). Returns
/// a warning when a step could not be done now (it is retried later).
fn finish(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
    imap: Option<&mut ImapClient>,
    e: &mut OutboxEntry,
    careful: bool,
    opts: &SendOptions,
) -> Result<Option<String>, OutboxError> {
    if !e.recorded {
        let mb = Mailbox::from_messages(vec![RawMail {
            bytes: e.bytes.clone(),
            source: format!("outbox:<{}>", e.message_id),
            position: 1,
        }]);
        ingest(store, cfg, vec![mb], &opts.ingest, &mut Quiet)?;
        e.recorded = true;
        if e.collaboration.is_none() {
            // The collaboration the mail opened or joined, for `liaison outbox`.
            let sha = liaison_store::sha256_hex(&e.bytes);
            e.collaboration = store.message_row(&sha)?.and_then(|m| m.collaboration);
        }
        store.outbox_update(e, &[OutboxState::Sent])?;
        crash(opts, CrashPoint::Recorded);
    }
    if e.appended {
        return Ok(None);
    }
    let Some(imap) = imap else {
        // Nothing to file it in: settled (configuring [imap] later does not file old mail).
        e.appended = true;
        store.outbox_update(e, &[OutboxState::Sent])?;
        return Ok(None);
    };
    let r = (|| -> Result<(), ImapError> {
        let sent = imap.sent()?;
        if careful && imap.count_message_id(&sent, &e.message_id)? > 0 {
            return Ok(());
        }
        let date = Message::parse(&e.bytes).date;
        imap.append(&sent, &e.bytes, false, date)?;
        crash(opts, CrashPoint::Appended);
        Ok(())
    })();
    match r {
        Ok(()) => {
            e.appended = true;
            store.outbox_update(e, &[OutboxState::Sent])?;
            Ok(None)
        }
        Err(err) => Ok(Some(format!("sent, but not yet in the Sent folder: {err}"))),
    }
}

/// What [`recover`] did with one message.
#[derive(Debug, Clone, Serialize)]
pub struct Recovered {
    /// Message-ID.
    pub message_id: String,
    /// The state it is in now.
    pub state: OutboxState,
    /// What was found.
    pub note: String,
}

/// How long recovery waits for the lock of a sender that may have just died
/// ([`Store::outbox_lock_within`]); a live sender holds it for a whole SMTP exchange, so
/// waiting this long for one only delays this run's recovery of that message.
const DEAD_SENDER_WAIT: std::time::Duration = std::time::Duration::from_millis(1000);

/// Settles what a process that is gone left behind: messages in `sending` (queued again
/// when nothing was handed over; sent when the Sent folder has them; else held), and sent
/// messages not yet recorded or appended. Messages whose sender is alive are left alone.
pub fn recover(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
    mut imap: Option<&mut ImapClient>,
    now: DateTime<FixedOffset>,
    opts: &SendOptions,
) -> Result<Vec<Recovered>, OutboxError> {
    let utc = now.with_timezone(&Utc);
    let mut out = Vec::new();
    for e in store.outbox_list(&[OutboxState::Sending])? {
        if !store.outbox_lock_within(&e.message_id, DEAD_SENDER_WAIT)? {
            continue;
        }
        let r = (|| -> Result<Option<Recovered>, OutboxError> {
            // Read again under the lock: the sender may have finished meanwhile.
            let Some(mut e) = store.outbox_get(&e.message_id)? else {
                return Ok(None);
            };
            if e.state != OutboxState::Sending {
                return Ok(None);
            }
            let note;
            if !e.handed_over {
                e.state = OutboxState::Queued;
                e.next_attempt_at = None;
                note = "interrupted before the content was handed to the server: queued again"
                    .to_string();
            } else {
                match in_sent(imap.as_deref_mut(), &e.message_id) {
                    Ok(Some(true)) => {
                        e.state = OutboxState::Sent;
                        e.sent_at = Some(e.updated_at);
                        e.appended = true;
                        e.reply = Some("found in the Sent folder".into());
                        note = "interrupted after the content was handed over; found in the Sent folder: sent".into();
                    }
                    Ok(found) => {
                        e.state = OutboxState::Held;
                        note = format!(
                            "interrupted after the content was handed to the server{}: it may have been delivered; held for a person",
                            if found.is_some() {
                                ", and not in the Sent folder"
                            } else {
                                ""
                            }
                        );
                    }
                    Err(err) => {
                        // Cannot look now; stays in `sending` for the next recovery.
                        return Ok(Some(Recovered {
                            message_id: e.message_id,
                            state: OutboxState::Sending,
                            note: format!("cannot look in the Sent folder yet: {err}"),
                        }));
                    }
                }
            }
            e.last_error = Some(note.clone());
            e.updated_at = utc;
            store.outbox_update(&e, &[OutboxState::Sending])?;
            if e.state == OutboxState::Sent {
                finish(store, cfg, imap.as_deref_mut(), &mut e, true, opts)?;
            }
            Ok(Some(Recovered {
                message_id: e.message_id,
                state: e.state,
                note,
            }))
        })();
        store.outbox_unlock(&e.message_id)?;
        if let Some(rec) = r? {
            out.push(rec);
        }
    }
    for mut e in store.outbox_unfinished()? {
        if !store.outbox_lock_within(&e.message_id, DEAD_SENDER_WAIT)? {
            continue;
        }
        let r = finish(store, cfg, imap.as_deref_mut(), &mut e, true, opts);
        store.outbox_unlock(&e.message_id)?;
        let warning = r?;
        out.push(Recovered {
            message_id: e.message_id,
            state: e.state,
            note: warning
                .unwrap_or_else(|| "sent earlier: recording and Sent folder finished".into()),
        });
    }
    Ok(out)
}

/// Sends every queued message that is due (`next_attempt_at` reached), oldest first, after
/// [`recover`]. Stops trying at the first failure of the server or the account (unreachable,
/// TLS, login): the rest stay queued untouched and are reported as skipped.
pub fn send_due(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
    smtp: &mut SmtpClient,
    mut imap: Option<&mut ImapClient>,
    now: DateTime<FixedOffset>,
    opts: &SendOptions,
) -> Result<Vec<SendReport>, OutboxError> {
    recover(store, cfg, imap.as_deref_mut(), now, opts)?;
    let utc = now.with_timezone(&Utc);
    let due: Vec<String> = store
        .outbox_list(&[OutboxState::Queued])?
        .into_iter()
        .filter(|e| e.next_attempt_at.is_none_or(|t| t <= utc))
        .map(|e| e.message_id)
        .collect();
    send_many(
        store,
        cfg,
        smtp,
        imap,
        &due,
        &[OutboxState::Queued],
        now,
        opts,
    )
}

/// Sends the named messages in order (each in one of the states `from`), stopping at the
/// first failure of the server or the account as [`send_due`] does.
#[allow(clippy::too_many_arguments)]
pub fn send_many(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
    smtp: &mut SmtpClient,
    mut imap: Option<&mut ImapClient>,
    ids: &[String],
    from: &[OutboxState],
    now: DateTime<FixedOffset>,
    opts: &SendOptions,
) -> Result<Vec<SendReport>, OutboxError> {
    let mut out = Vec::new();
    let mut stopped: Option<String> = None;
    for id in ids {
        if let Some(why) = &stopped {
            if let Some(e) = store.outbox_get(id)? {
                out.push(report(
                    &e,
                    Outcome::Skipped {
                        reason: format!("not tried: {why}"),
                    },
                ));
            }
            continue;
        }
        match send_one(store, cfg, smtp, imap.as_deref_mut(), id, from, now, opts) {
            Ok(r) => {
                if r.server_failure {
                    stopped = r.error.clone();
                }
                out.push(r);
            }
            Err(OutboxError::InFlight { message_id }) => {
                if let Some(e) = store.outbox_get(&message_id)? {
                    out.push(report(
                        &e,
                        Outcome::Skipped {
                            reason: "being sent by another process".into(),
                        },
                    ));
                }
            }
            Err(OutboxError::WrongState { message_id, state }) => {
                if let Some(e) = store.outbox_get(&message_id)? {
                    out.push(report(
                        &e,
                        Outcome::Skipped {
                            reason: format!("it is {state}"),
                        },
                    ));
                }
            }
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// The [`Store::meta`] key marking a message a person dropped from the outbox, so that the
/// runner does not draft the same follow-up (same Message-ID) again.
pub fn dropped_key(message_id: &str) -> String {
    format!("outbox-dropped:{message_id}")
}

/// Removes a message from the outbox (any state but `sending` while its sender is alive),
/// leaving a tombstone ([`dropped_key`]) so the runner does not draft it again.
pub fn drop_message(store: &mut dyn Store, message_id: &str) -> Result<OutboxEntry, OutboxError> {
    let Some(e) = store.outbox_get(message_id)? else {
        return Err(OutboxError::NotFound(message_id.into()));
    };
    if !store.outbox_try_lock(message_id)? {
        return Err(OutboxError::InFlight {
            message_id: message_id.into(),
        });
    }
    let all = OutboxState::ALL;
    // The tombstone first: a crash between the two leaves the message in the outbox, where
    // a person sees it and can drop it again, never a draft that comes back.
    let r = store
        .set_meta(&dropped_key(message_id), &Utc::now().to_rfc3339())
        .and_then(|()| store.outbox_delete(message_id, &all));
    store.outbox_unlock(message_id)?;
    r?;
    tracing::info!(target: "liaison::outbox", message_id, state = %e.state, "dropped");
    Ok(e)
}

/// One line of `liaison outbox`: the contract's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listed {
    /// Message-ID.
    pub message_id: String,
    /// Subject.
    pub subject: String,
    /// To addresses.
    pub to: Vec<String>,
    /// State.
    pub state: OutboxState,
    /// Transactions tried.
    pub attempts: u32,
    /// The last failure.
    pub last_error: Option<String>,
    /// When it last changed (RFC 3339, in the zone of `now`).
    pub updated_at: String,
    /// The collaboration it serves.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collaboration: Option<String>,
    /// The action it carries out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Not to be tried before (after a temporary failure).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_attempt_at: Option<String>,
    /// When the server accepted it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<String>,
}

/// The outbox, oldest first, times shown in the offset of `now`.
pub fn list(store: &mut dyn Store, now: DateTime<FixedOffset>) -> Result<Vec<Listed>, OutboxError> {
    let tz = *now.offset();
    let show = |t: DateTime<Utc>| t.with_timezone(&tz).to_rfc3339();
    Ok(store
        .outbox_list(&[])?
        .into_iter()
        .map(|e| Listed {
            updated_at: show(e.updated_at),
            next_attempt_at: e.next_attempt_at.map(show),
            sent_at: e.sent_at.map(show),
            message_id: e.message_id,
            subject: e.subject,
            to: e.to,
            state: e.state,
            attempts: e.attempts,
            last_error: e.last_error,
            collaboration: e.collaboration,
            action: e.action,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-12-01T09:00:00+08:00").unwrap()
    }

    #[test]
    fn prepare_adds_ids_moves_bcc_and_normalises() {
        let raw = b"From: Zhang <zhangwei@example.com>\nTo: a@example.com, b@example.com\nCc: c@example.com\nBcc: d@example.com,\n  a@example.com\nSubject: hi\n\nbody\n.\n";
        let p = prepare(raw, now(), "liaison.test").unwrap();
        assert_eq!(p.from, "zhangwei@example.com");
        assert_eq!(
            p.recipients,
            [
                "a@example.com",
                "b@example.com",
                "c@example.com",
                "d@example.com"
            ]
        );
        assert_eq!(p.to, ["a@example.com", "b@example.com"]);
        let text = String::from_utf8(p.bytes.clone()).unwrap();
        assert!(!text.to_lowercase().contains("bcc"), "{text}");
        assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
        assert!(text.starts_with("Message-ID: <liaison."), "{text}");
        assert!(
            text.contains("Date: Tue, 1 Dec 2026 09:00:00 +0800\r\n"),
            "{text}"
        );
        assert!(p.message_id.ends_with("@liaison.test"));
        // Deterministic: the same input gives the same bytes and Message-ID.
        assert_eq!(prepare(raw, now(), "liaison.test").unwrap(), p);
        // A message that has its own keeps them.
        let own = b"Message-ID: <x@y>\r\nDate: Mon, 30 Nov 2026 10:00:00 +0800\r\nFrom: a@b.c\r\nTo: d@e.f\r\n\r\nx\r\n";
        let q = prepare(own, now(), "liaison.test").unwrap();
        assert_eq!(q.message_id, "x@y");
        assert_eq!(q.bytes, own.to_vec());
    }

    #[test]
    fn prepare_refuses_what_cannot_be_sent() {
        for (raw, want) in [
            (&b"just text"[..], "RFC 5322"),
            (b"To: a@b.c\r\n\r\nx", "From"),
            (b"From: a@b.c\r\nSubject: x\r\n\r\nx", "recipient"),
        ] {
            let e = prepare(raw, now(), "d").unwrap_err().to_string();
            assert!(e.contains(want), "{e}");
        }
        // A domain that would break the header.
        let e = prepare(
            b"From: a@b.c\r\nTo: d@e.f\r\n\r\nx",
            now(),
            "x\r\nBcc: evil@x",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("[identity] domain"), "{e}");
    }

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        let m: Vec<i64> = (1..=9).map(|a| backoff(a).num_minutes()).collect();
        assert_eq!(m, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }
}
