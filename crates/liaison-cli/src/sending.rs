//! Sending mail through the outbox, shared by `liaison send`, `liaison new --send` and
//! `liaison outbox send`: the lint gate, queuing, sending, and how the results are shown.
//! The steps themselves are liaison-engine's (`outbox`); this only wires them to the
//! settings and the terminal.

use crate::drafts::parse_draft;
use crate::output::{self, DataFormat, Lang, tr};
use crate::settings::Settings;
use liaison_engine::outbox::{self, Enqueued, OutboxError, Outcome, Recovered, SendReport};
use liaison_mail::transport::{ImapClient, SmtpClient};
use liaison_store::{OutboxState, Store};
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;

/// One message to send: where it came from (for messages) and its bytes.
pub struct Outgoing {
    /// The file name as given (or a description such as `liaison new`).
    pub name: String,
    /// The file, when there is one (attachments of plain drafts are found beside it).
    pub path: Option<std::path::PathBuf>,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// Options of a send.
#[derive(Debug, Clone, Copy, Default)]
pub struct SendFlags {
    /// Send even when the linter finds errors.
    pub force: bool,
    /// Send a Message-ID again although it was sent (or is held).
    pub resend: bool,
}

/// One line of the result, as printed (`--format json`: `{"send": [...]}`).
#[derive(Debug, Serialize)]
pub struct Line {
    /// The input, when the message came from a file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Message-ID (absent when the message could not be read).
    pub message_id: Option<String>,
    /// Subject.
    pub subject: String,
    /// To addresses.
    pub to: Vec<String>,
    /// `sent`, `retry`, `failed`, `held`, `skipped` or `refused` (not queued).
    pub outcome: &'static str,
    /// The outbox state now.
    pub state: Option<OutboxState>,
    /// Transactions tried.
    pub attempts: u32,
    /// Why it was not sent.
    pub error: Option<String>,
    /// The server's reply on acceptance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
    /// When it will be tried again (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_attempt_at: Option<String>,
    /// A step after acceptance that is still to be done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

impl Line {
    fn refused(file: &str, subject: String, error: String) -> Line {
        Line {
            file: Some(file.to_string()),
            message_id: None,
            subject,
            to: Vec::new(),
            outcome: "refused",
            state: None,
            attempts: 0,
            error: Some(error),
            reply: None,
            next_attempt_at: None,
            warning: None,
        }
    }

    /// The line of an engine report.
    pub fn from_report(s: &Settings, file: Option<String>, r: SendReport) -> Line {
        let tz = *s.now.offset();
        let (outcome, state, next) = match &r.outcome {
            Outcome::Sent => ("sent", OutboxState::Sent, None),
            Outcome::Retry { next_attempt_at } => (
                "retry",
                OutboxState::Queued,
                Some(next_attempt_at.with_timezone(&tz).to_rfc3339()),
            ),
            Outcome::Failed => ("failed", OutboxState::Failed, None),
            Outcome::Held => ("held", OutboxState::Held, None),
            Outcome::Skipped { .. } => ("skipped", OutboxState::Queued, None),
        };
        let error = match &r.outcome {
            Outcome::Skipped { reason } => Some(reason.clone()),
            _ => r.error.clone(),
        };
        Line {
            file,
            message_id: Some(r.message_id),
            subject: r.subject,
            to: r.to,
            outcome,
            state: (outcome != "skipped").then_some(state),
            attempts: r.attempts,
            error: if outcome == "sent" { None } else { error },
            reply: r.reply,
            next_attempt_at: next,
            warning: r.warning,
        }
    }
}

/// Prints the result lines and says whether every message was sent.
pub fn print(lines: &[Line], format: DataFormat) -> anyhow::Result<ExitCode> {
    match format {
        DataFormat::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&serde_json::json!({ "send": lines }))?
            );
        }
        DataFormat::Text => {
            for l in lines {
                println!("{}", text_line(l));
                if let Some(w) = &l.warning {
                    eprintln!("{}: {w}", tr("注意", "note"));
                }
            }
        }
    }
    Ok(if lines.iter().all(|l| l.outcome == "sent") {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn text_line(l: &Line) -> String {
    let sep = output::list_sep();
    let id = l
        .message_id
        .as_deref()
        .map(|m| format!("<{m}>"))
        .unwrap_or_else(|| l.file.clone().unwrap_or_default());
    let to = l.to.join(sep);
    let err = l.error.clone().unwrap_or_default();
    let reply = l.reply.clone().unwrap_or_default();
    let next = l.next_attempt_at.clone().unwrap_or_default();
    match l.outcome {
        "sent" => match output::lang() {
            Lang::Zh => format!("已发送 {id} {} → {to}（{reply}）", l.subject),
            Lang::En => format!("sent {id} {} -> {to} ({reply})", l.subject),
        },
        "retry" => match output::lang() {
            Lang::Zh => format!(
                "未发出，留在发件箱，{next} 后重试（第 {} 次尝试）：{id}：{err}",
                l.attempts
            ),
            Lang::En => format!(
                "not sent, kept in the outbox, retried after {next} (attempt {}): {id}: {err}",
                l.attempts
            ),
        },
        "failed" => match output::lang() {
            Lang::Zh => format!("发送失败（服务器拒收或重试次数用尽）：{id}：{err}"),
            Lang::En => {
                format!("failed (refused by the server, or out of attempts): {id}: {err}")
            }
        },
        "held" => match output::lang() {
            Lang::Zh => format!(
                "已搁置，需人工确认（可能已送达，不会自动重发；确认后用 liaison outbox send 或 liaison outbox drop）：{id}：{err}"
            ),
            Lang::En => format!(
                "held for a person (it may have been delivered and is never re-sent by itself; check, then `liaison outbox send` or `liaison outbox drop`): {id}: {err}"
            ),
        },
        "skipped" => match output::lang() {
            Lang::Zh => format!("未尝试：{id}：{err}"),
            Lang::En => format!("not tried: {id}: {err}"),
        },
        _ => match output::lang() {
            Lang::Zh => format!("拒绝发送：{id}：{err}"),
            Lang::En => format!("refused: {id}: {err}"),
        },
    }
}

/// Prints what recovery did (on stderr: it is about earlier runs).
pub fn print_recovered(rs: &[Recovered]) {
    for r in rs {
        eprintln!(
            "{} <{}> → {}: {}",
            tr("恢复上次中断的发送", "recovered an interrupted send"),
            r.message_id,
            r.state,
            r.note
        );
    }
}

/// The clients and options a send needs.
pub struct Senders {
    /// SMTP.
    pub smtp: SmtpClient,
    /// IMAP, where configured.
    pub imap: Option<ImapClient>,
}

impl Senders {
    /// From `[smtp]` (required) and `[imap]`.
    pub fn from_settings(s: &Settings) -> anyhow::Result<Senders> {
        Ok(Senders {
            smtp: s.require_smtp()?,
            imap: s.imap()?,
        })
    }
}

/// The reason an [`OutboxError`] refuses a message, in the run's language.
pub fn refusal(s: &Settings, e: &OutboxError) -> String {
    let tz = *s.now.offset();
    match e {
        OutboxError::AlreadySent { message_id, at } => match output::lang() {
            Lang::Zh => format!(
                "<{message_id}> 已于 {} 发送过；确需再发一次请加 --resend",
                at.with_timezone(&tz).to_rfc3339()
            ),
            Lang::En => format!(
                "<{message_id}> was already sent at {}; add --resend to send it again",
                at.with_timezone(&tz).to_rfc3339()
            ),
        },
        OutboxError::Held { message_id, reason } => match output::lang() {
            Lang::Zh => format!(
                "<{message_id}> 已搁置，可能已经送达（{reason}）；向收件人确认后，用 --resend 再发，或 liaison outbox drop 删除"
            ),
            Lang::En => format!(
                "<{message_id}> is held: it may have been delivered ({reason}); check with the recipients, then send it with --resend or remove it with `liaison outbox drop`"
            ),
        },
        OutboxError::InFlight { message_id } => match output::lang() {
            Lang::Zh => format!("<{message_id}> 正由另一个进程发送"),
            Lang::En => format!("<{message_id}> is being sent by another process"),
        },
        OutboxError::Invalid(r) => format!("{}: {r}", tr("无法发送", "cannot be sent")),
        other => other.to_string(),
    }
}

/// Lints, queues and sends `msgs`, then prints the result. Exit 0 when every message was
/// accepted by the server; 1 otherwise (refused, failed, held, or kept for a retry).
pub fn send_messages(
    s: &Settings,
    msgs: Vec<Outgoing>,
    flags: SendFlags,
    format: DataFormat,
) -> anyhow::Result<ExitCode> {
    let mut senders = Senders::from_settings(s)?;
    let linter = s.linter()?;
    let tracker = s.tracker()?;
    let mut store = s.open_store()?;
    let opts = s.send_options();
    let recovered = outbox::recover(&mut *store, &tracker, senders.imap.as_mut(), s.now, &opts)?;
    print_recovered(&recovered);
    let mut lines = Vec::new();
    let mut queued: Vec<(String, String)> = Vec::new();
    for m in msgs {
        match queue_one(s, &linter, &mut *store, &m, flags) {
            Ok(mid) => queued.push((m.name.clone(), mid)),
            Err((subject, why)) => lines.push(Line::refused(&m.name, subject, why)),
        }
    }
    let ids: Vec<String> = queued.iter().map(|(_, m)| m.clone()).collect();
    let reports = outbox::send_many(
        &mut *store,
        &tracker,
        &mut senders.smtp,
        senders.imap.as_mut(),
        &ids,
        &[OutboxState::Queued],
        s.now,
        &opts,
    )?;
    senders.smtp.quit();
    for r in reports {
        let file = queued
            .iter()
            .find(|(_, m)| *m == r.message_id)
            .map(|(f, _)| f.clone());
        lines.push(Line::from_report(s, file, r));
    }
    print(&lines, format)
}

/// Lints, prepares and queues one message; its Message-ID, or (subject, reason) refused.
fn queue_one(
    s: &Settings,
    linter: &liaison_lint::Linter,
    store: &mut dyn Store,
    m: &Outgoing,
    flags: SendFlags,
) -> Result<String, (String, String)> {
    let path = m
        .path
        .clone()
        .unwrap_or_else(|| Path::new(&m.name).to_path_buf());
    let anatomy = parse_draft(linter, &path, &m.bytes, None);
    if anatomy.format == liaison_anatomy::SourceFormat::Plain {
        return Err((
            String::new(),
            tr(
                "不是 .eml 邮件（RFC 5322）：先用 liaison new 生成，或从邮件客户端另存为 .eml",
                "not an .eml message (RFC 5322): write it with `liaison new`, or save it from a mail client as .eml",
            )
            .to_string(),
        ));
    }
    let report = linter.report(&m.name, anatomy, crate::output::explicit_lang(&s.global));
    let errors = report.errors();
    if errors > 0 {
        let lang = report.lang.unwrap_or(Lang::Zh);
        let text = liaison_lint::render::text(&liaison_lint::Report::new(vec![report]), lang);
        eprint!("{text}");
        if !flags.force {
            return Err((
                String::new(),
                match output::lang() {
                    Lang::Zh => format!(
                        "检查发现 {errors} 个错误（见上），未发送；修改后重试，或加 --force 强制发送"
                    ),
                    Lang::En => format!(
                        "the check found {errors} error(s) (above), not sent; fix them, or add --force to send anyway"
                    ),
                },
            ));
        }
    }
    let p = outbox::prepare(&m.bytes, s.now, &s.config.identity.domain)
        .map_err(|e| (String::new(), refusal(s, &e)))?;
    match outbox::enqueue(
        store,
        &p,
        &outbox::Origin::default(),
        false,
        s.now,
        flags.resend,
    ) {
        Ok(Enqueued::New | Enqueued::Requeued | Enqueued::Resend) => Ok(p.message_id),
        Err(e) => Err((p.subject, refusal(s, &e))),
    }
}
