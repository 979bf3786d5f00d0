//! `liaison run`: the follow-up loop (步骤3 跟进) — fetch, apply, plan, act per
//! `[automation]`, send — every working day; `--once` does one pass and exits (for cron).
//!
//! The pass itself is `liaison_engine::runner::run_once`; this file reads the servers from
//! the settings and repeats the pass, sleeping until the next due instant, the next poll
//! (`--poll`), or new mail: where the IMAP server offers IDLE (and `[imap] idle` is not
//! false) a second connection watches the inbox — opened before each pass reads it, so
//! nothing that arrives in between is missed — and wakes the loop when mail arrives.
//! Otherwise the inbox is polled. The Sent folder is read at each pass (IDLE watches one
//! folder).
//!
//! Logs are structured (tracing) on stderr ([`crate::logging`]); each pass's report goes
//! to stdout. SIGTERM or Ctrl-C stops it cleanly: the signal is looked at between passes
//! and during the wait, so a pass is never left half-done.
//!
//! With `--now`, the daemon's clock starts at that instant and runs at the real speed
//! (for tests and demonstrations); without it, the real clock.

use crate::output::{DataFormat, tr};
use crate::settings::Settings;
use chrono::{DateTime, FixedOffset};
use clap::Args;
use liaison_engine::pipeline::Quiet;
use liaison_engine::runner::{self, PassReport, RunContext, Servers, WebhookNudger};
use liaison_mail::transport::{IdleOutcome, ImapClient};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tracing::{debug, error, info, warn};

/// Arguments of `liaison run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Do one pass (fetch where [imap] is set, plan, act per [automation]) and exit.
    #[arg(long)]
    pub once: bool,
    /// Seconds between passes of the daemon at most (the Sent folder, and the inbox where
    /// the server has no IDLE, are read this often).
    #[arg(long, default_value_t = 60)]
    pub poll: u64,
    /// Output format of each pass's report (stdout).
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
    /// More log lines on stderr (-v debug, -vv trace; default info, or LIAISON_LOG).
    #[arg(short, long, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

static STOP: AtomicBool = AtomicBool::new(false);

#[cfg(unix)]
extern "C" fn on_signal(_: libc::c_int) {
    STOP.store(true, Ordering::SeqCst);
}

#[cfg(unix)]
fn install_signals() {
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGTERM, on_signal as *const () as libc::sighandler_t);
        libc::signal(libc::SIGINT, on_signal as *const () as libc::sighandler_t);
    }
}

#[cfg(not(unix))]
fn install_signals() {}

/// One pass at `now`.
fn pass(s: &Settings, now: chrono::DateTime<chrono::FixedOffset>) -> anyhow::Result<PassReport> {
    let directory = s.directory()?.cloned().unwrap_or_default();
    let templates = s.templates()?;
    let tracker = s.tracker()?;
    let mut store = s.open_store()?;
    let mut smtp = s.smtp()?;
    let mut imap = s.imap()?;
    let mut chat = s.config.chat.clone().map(|c| WebhookNudger {
        client: liaison_mail::chat::ChatClient::new(c),
        now_ms: now.timestamp_millis(),
    });
    let (crash_at, crash_nth) = s.run_crash_hook();
    let cx = RunContext {
        tracker: &tracker,
        plan: s.plan_context(&directory, now),
        draft: s.draft_context(&directory, &templates, now),
        automation: s.config.automation,
        send: s.send_options(),
        fetch: s.fetch_options(),
        crash_at,
        crash_nth,
    };
    let report = runner::run_once(
        store.as_mut(),
        &cx,
        Servers {
            smtp: smtp.as_mut(),
            imap: imap.as_mut(),
            chat: chat.as_mut().map(|c| c as &mut dyn runner::ChatNudger),
        },
        &mut Quiet,
    )?;
    if let Some(s) = smtp.as_mut() {
        s.quit();
    }
    if let Some(i) = imap.as_mut() {
        i.logout();
    }
    Ok(report)
}

fn print(report: &PassReport, format: DataFormat) -> anyhow::Result<()> {
    match format {
        DataFormat::Json => println!("{}", serde_json::to_string(report)?),
        DataFormat::Text => {
            if !report.working_time {
                println!(
                    "{}",
                    tr(
                        "非工作时间：只收取邮件，不执行跟进",
                        "outside working time: mail fetched, no follow-up acted on"
                    )
                );
            }
            for a in &report.acted {
                println!(
                    "{}\t{}\t{}\t{}",
                    a.action.id(),
                    a.collaboration,
                    a.outcome,
                    a.detail.as_deref().unwrap_or("")
                );
            }
            for r in &report.sent {
                println!(
                    "{}\t<{}>\t{}",
                    tr("发送", "send"),
                    r.message_id,
                    serde_json::to_value(&r.outcome)?
                        .get("outcome")
                        .and_then(|o| o.as_str())
                        .unwrap_or("")
                );
            }
        }
    }
    Ok(())
}

/// The pass's report as a log line: info when something happened, else debug.
fn log_pass(r: &PassReport) {
    let fetched: u64 = r
        .fetched
        .as_ref()
        .map(|f| f.folders.iter().map(|x| x.fetched).sum())
        .unwrap_or(0);
    let acted = r.acted.iter().filter(|a| a.outcome != "skipped").count();
    let next_due = r.next_due.map(|t| t.to_rfc3339()).unwrap_or_default();
    if fetched > 0 || acted > 0 || !r.sent.is_empty() {
        info!(
            target: "liaison::run",
            working_time = r.working_time,
            fetched,
            due = r.due,
            acted,
            sent = r.sent.len(),
            next_due = %next_due,
            "pass"
        );
    } else {
        debug!(
            target: "liaison::run",
            working_time = r.working_time,
            fetched,
            due = r.due,
            next_due = %next_due,
            "pass"
        );
    }
}

/// The daemon's clock: the real one, or one started at `--now` that runs at real speed.
struct Clock {
    start: Instant,
    virtual_start: Option<DateTime<FixedOffset>>,
    tz: chrono_tz::Tz,
}

impl Clock {
    fn new(s: &Settings) -> Clock {
        Clock {
            start: Instant::now(),
            virtual_start: s.global.now.is_some().then_some(s.now),
            tz: s.time.tz,
        }
    }

    fn now(&self) -> DateTime<FixedOffset> {
        match self.virtual_start {
            Some(t) => {
                t + chrono::Duration::from_std(self.start.elapsed())
                    .unwrap_or(chrono::Duration::zero())
            }
            None => chrono::Utc::now().with_timezone(&self.tz).fixed_offset(),
        }
    }
}

/// The IDLE connection watching the inbox, when there is one to have.
struct Watcher {
    imap: Option<ImapClient>,
    inbox: Option<String>,
}

impl Watcher {
    fn new(s: &Settings) -> anyhow::Result<Watcher> {
        let wanted = s
            .config
            .imap
            .as_ref()
            .is_some_and(|c| c.idle.unwrap_or(true));
        let imap = if wanted { s.imap()? } else { None };
        Ok(Watcher {
            imap: imap.map(|mut i| {
                i.set_interrupt(Arc::new(|| STOP.load(Ordering::SeqCst)));
                i
            }),
            inbox: None,
        })
    }

    /// Opens the inbox for watching (before the pass reads it). Returns whether the next
    /// wait can use IDLE; a failure is logged and the wait polls.
    fn prepare(&mut self) -> bool {
        let Some(i) = self.imap.as_mut() else {
            return false;
        };
        let r = (|| {
            if !i.can_idle()? {
                return Ok(false);
            }
            let inbox = match &self.inbox {
                Some(n) => n.clone(),
                None => i.inbox()?,
            };
            self.inbox = Some(inbox.clone());
            i.watch(&inbox)?;
            Ok::<bool, liaison_mail::transport::ImapError>(true)
        })();
        match r {
            Ok(true) => true,
            Ok(false) => {
                warn!(target: "liaison::run", server = %i.server(), "the IMAP server has no IDLE: polling");
                self.imap = None;
                false
            }
            Err(e) => {
                warn!(target: "liaison::run", error = %e, "cannot watch the inbox; polling until the next pass");
                false
            }
        }
    }
}

/// Sleeps until `until` or a stop signal, in short steps.
fn sleep_until(until: Instant) {
    while !STOP.load(Ordering::SeqCst) {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return;
        }
        std::thread::sleep(left.min(Duration::from_millis(200)));
    }
}

/// Runs `liaison run`.
pub fn run(s: &Settings, args: RunArgs) -> anyhow::Result<ExitCode> {
    crate::logging::init(crate::logging::RUN, args.verbose);
    if args.once {
        let r = pass(s, s.now)?;
        log_pass(&r);
        print(&r, args.format)?;
        let failed = r.fetch_error.is_some() || r.send_error.is_some();
        return Ok(if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    install_signals();
    let clock = Clock::new(s);
    let mut watcher = Watcher::new(s)?;
    let poll = Duration::from_secs(args.poll.max(1));
    info!(
        target: "liaison::run",
        poll_seconds = poll.as_secs(),
        imap = if s.config.imap.is_none() { "none" } else if watcher.imap.is_some() { "idle" } else { "poll" },
        now = %clock.now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        "started"
    );
    while !STOP.load(Ordering::SeqCst) {
        let idle = watcher.prepare();
        let now = clock.now();
        let next_due = match pass(s, now) {
            Ok(r) => {
                log_pass(&r);
                print(&r, args.format)?;
                r.next_due
            }
            // A failing pass (database away…) is retried at the next poll.
            Err(e) => {
                error!(target: "liaison::run", error = %format!("{e:#}"), "pass failed; retried at the next poll");
                None
            }
        };
        // Until the next poll, or the next due instant if sooner (never less than a
        // second: a due action that could not be acted on is retried at the poll).
        let mut wait = poll;
        if let Some(t) = next_due
            && let Ok(d) = (t - clock.now()).to_std()
        {
            wait = wait.min(d.max(Duration::from_secs(1)));
        }
        let until = Instant::now() + wait;
        let wake_at = (clock.now() + chrono::Duration::from_std(wait).unwrap_or_default())
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
        if STOP.load(Ordering::SeqCst) {
            break;
        }
        match watcher.imap.as_mut().filter(|_| idle) {
            Some(i) => {
                debug!(target: "liaison::run", mode = "idle", until = %wake_at, "waiting for new mail");
                match i.idle(until) {
                    Ok(r) if r.outcome == IdleOutcome::NewMail => {
                        info!(target: "liaison::run", idle_commands = r.commands, "new mail")
                    }
                    Ok(_) => {}
                    Err(e) => {
                        warn!(target: "liaison::run", error = %e, "IDLE failed; polling until the next pass");
                        sleep_until(until);
                    }
                }
            }
            None => {
                debug!(target: "liaison::run", mode = "poll", until = %wake_at, "waiting");
                sleep_until(until);
            }
        }
    }
    if let Some(i) = watcher.imap.as_mut() {
        i.logout();
    }
    info!(target: "liaison::run", "stopped");
    Ok(ExitCode::SUCCESS)
}
