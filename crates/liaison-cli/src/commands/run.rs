//! `liaison run`: the follow-up loop (步骤3 跟进) — fetch, apply, plan, act per
//! `[automation]`, send — every working day; `--once` does one pass and exits (for cron).
//!
//! The pass itself is `liaison_engine::runner::run_once`; this file reads the servers from
//! the settings, repeats the pass (polling the IMAP server, sleeping until the next due
//! action or poll), logs to stderr, and stops cleanly on SIGTERM or Ctrl-C: the signal is
//! only looked at between passes, so a pass is never left half-done.

use crate::output::{DataFormat, tr};
use crate::settings::Settings;
use clap::Args;
use liaison_engine::pipeline::Quiet;
use liaison_engine::runner::{self, PassReport, RunContext, Servers, WebhookNudger};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Arguments of `liaison run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Do one pass (fetch where [imap] is set, plan, act per [automation]) and exit.
    #[arg(long)]
    pub once: bool,
    /// Seconds between passes of the daemon (new mail is polled this often).
    #[arg(long, default_value_t = 60)]
    pub poll: u64,
    /// Output format of each pass's report (stdout).
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
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

/// One structured log line on stderr: `TIME LEVEL liaison::run: message key=value…`.
fn log(level: &str, msg: &str, fields: &[(&str, String)]) {
    let mut line = format!(
        "{} {level:5} liaison::run: {msg}",
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ")
    );
    for (k, v) in fields {
        if v.contains([' ', '"']) {
            line.push_str(&format!(" {k}={v:?}"));
        } else {
            line.push_str(&format!(" {k}={v}"));
        }
    }
    eprintln!("{line}");
}

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

fn log_report(r: &PassReport) {
    if let Some(e) = &r.fetch_error {
        log(
            "WARN",
            "fetch failed; will retry next pass",
            &[("error", e.clone())],
        );
    }
    if let Some(e) = &r.send_error {
        log(
            "WARN",
            "send failed; will retry next pass",
            &[("error", e.clone())],
        );
    }
    if let Some(f) = &r.fetched {
        log(
            "INFO",
            "fetched",
            &[
                ("account", f.account.clone()),
                (
                    "messages",
                    f.folders.iter().map(|x| x.fetched).sum::<u64>().to_string(),
                ),
            ],
        );
    }
    for a in &r.acted {
        log(
            if a.outcome == "skipped" {
                "DEBUG"
            } else {
                "INFO"
            },
            "action",
            &[
                ("action", a.action.id().to_string()),
                ("collaboration", a.collaboration.clone()),
                ("outcome", a.outcome.clone()),
                ("message_id", a.message_id.clone().unwrap_or_default()),
                ("detail", a.detail.clone().unwrap_or_default()),
            ],
        );
    }
    for s in &r.sent {
        log(
            "INFO",
            "sent",
            &[
                ("message_id", s.message_id.clone()),
                ("attempts", s.attempts.to_string()),
                ("error", s.error.clone().unwrap_or_default()),
            ],
        );
    }
}

/// Runs `liaison run`.
pub fn run(s: &Settings, args: RunArgs) -> anyhow::Result<ExitCode> {
    if args.once {
        let r = pass(s, s.now)?;
        log_report(&r);
        print(&r, args.format)?;
        let failed = r.fetch_error.is_some() || r.send_error.is_some();
        return Ok(if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    if s.global.now.is_some() {
        anyhow::bail!(
            "{}",
            tr(
                "--now 只能与 --once 一起使用（守护进程按真实时钟运行）",
                "--now only goes with --once (the daemon runs on the real clock)"
            )
        );
    }
    install_signals();
    log(
        "INFO",
        "started",
        &[("poll_seconds", args.poll.to_string())],
    );
    while !STOP.load(Ordering::SeqCst) {
        let now = chrono::Utc::now().with_timezone(&s.time.tz).fixed_offset();
        match pass(s, now) {
            Ok(r) => {
                log_report(&r);
                print(&r, args.format)?;
            }
            // A failing pass (database away…) is retried at the next poll.
            Err(e) => log("ERROR", "pass failed", &[("error", format!("{e:#}"))]),
        }
        let until = Instant::now() + Duration::from_secs(args.poll.max(1));
        while Instant::now() < until && !STOP.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    log("INFO", "stopped", &[]);
    Ok(ExitCode::SUCCESS)
}
