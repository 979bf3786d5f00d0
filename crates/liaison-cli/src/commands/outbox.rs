//! `liaison outbox`: what is queued, sent, failed or held, and sending or dropping by hand.
//!
//! ```text
//! liaison outbox [--format json]      {"outbox": [{"message_id", "subject", "to", "state", …}]}
//! liaison outbox send ID… | --all     send now (--all: every queued and failed message)
//! liaison outbox drop ID…             remove from the outbox
//! ```
//! A held message (it may have been delivered) is sent only when named: that is a person's
//! decision, never the program's. A draft is approved by naming it.

use crate::output::{self, DataFormat, Lang, tr};
use crate::sending::{self, Line, Senders};
use crate::settings::Settings;
use clap::{Args, Subcommand};
use liaison_engine::outbox::{self, OutboxError};
use liaison_store::OutboxState;
use std::process::ExitCode;

/// Arguments of `liaison outbox`.
#[derive(Debug, Args)]
pub struct OutboxArgs {
    /// What to do (list when absent).
    #[command(subcommand)]
    pub action: Option<OutboxAction>,
    /// Output format of the list.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

/// `liaison outbox` subcommands.
#[derive(Debug, Subcommand)]
pub enum OutboxAction {
    /// Send messages now: named ones (queued, failed, held or draft), or --all queued and
    /// failed ones.
    Send {
        /// Message-IDs (with or without angle brackets).
        #[arg(required_unless_present = "all")]
        ids: Vec<String>,
        /// Every queued and failed message (not held ones, not drafts).
        #[arg(long, conflicts_with = "ids")]
        all: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: DataFormat,
    },
    /// Remove messages from the outbox.
    Drop {
        /// Message-IDs (with or without angle brackets).
        #[arg(required = true)]
        ids: Vec<String>,
    },
}

fn bare(id: &str) -> String {
    id.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_string()
}

/// Runs `liaison outbox`.
pub fn run(s: &Settings, args: OutboxArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        None => list(s, args.format),
        Some(OutboxAction::Send { ids, all, format }) => send(s, ids, all, format),
        Some(OutboxAction::Drop { ids }) => drop_ids(s, ids),
    }
}

fn list(s: &Settings, format: DataFormat) -> anyhow::Result<ExitCode> {
    let mut store = s.open_store()?;
    let rows = outbox::list(&mut *store, s.now)?;
    match format {
        DataFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "outbox": rows }))?
        ),
        DataFormat::Text => {
            if rows.is_empty() {
                println!("{}", tr("发件箱是空的", "the outbox is empty"));
            }
            for r in &rows {
                let state = state_label(r.state);
                let to = r.to.join(output::list_sep());
                let mut line = match output::lang() {
                    Lang::Zh => format!(
                        "{state}  <{}>  {}  → {to}  （尝试 {} 次，更新于 {}）",
                        r.message_id, r.subject, r.attempts, r.updated_at
                    ),
                    Lang::En => format!(
                        "{state}  <{}>  {}  -> {to}  ({} attempts, updated {})",
                        r.message_id, r.subject, r.attempts, r.updated_at
                    ),
                };
                if let Some(e) = &r.last_error {
                    line.push_str(&format!("\n    {}: {e}", tr("原因", "last error")));
                }
                println!("{line}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn state_label(st: OutboxState) -> &'static str {
    match st {
        OutboxState::Draft => tr("待审", "draft"),
        OutboxState::Queued => tr("待发", "queued"),
        OutboxState::Sending => tr("发送中", "sending"),
        OutboxState::Sent => tr("已发送", "sent"),
        OutboxState::Failed => tr("失败", "failed"),
        OutboxState::Held => tr("已搁置", "held"),
    }
}

fn send(s: &Settings, ids: Vec<String>, all: bool, format: DataFormat) -> anyhow::Result<ExitCode> {
    let mut senders = Senders::from_settings(s)?;
    let tracker = s.tracker()?;
    let mut store = s.open_store()?;
    let opts = s.send_options();
    let recovered = outbox::recover(&mut *store, &tracker, senders.imap.as_mut(), s.now, &opts)?;
    sending::print_recovered(&recovered);
    let (ids, from): (Vec<String>, &[OutboxState]) = if all {
        let ids = store
            .outbox_list(&[OutboxState::Queued, OutboxState::Failed])?
            .into_iter()
            .map(|e| e.message_id)
            .collect();
        (ids, &[OutboxState::Queued, OutboxState::Failed])
    } else {
        let mut known = Vec::new();
        for id in &ids {
            let id = bare(id);
            if store.outbox_get(&id)?.is_none() {
                anyhow::bail!("{}", not_found(&id));
            }
            known.push(id);
        }
        (
            known,
            &[
                OutboxState::Queued,
                OutboxState::Failed,
                OutboxState::Held,
                OutboxState::Draft,
            ],
        )
    };
    let reports = outbox::send_many(
        &mut *store,
        &tracker,
        &mut senders.smtp,
        senders.imap.as_mut(),
        &ids,
        from,
        s.now,
        &opts,
    )?;
    senders.smtp.quit();
    let lines: Vec<Line> = reports
        .into_iter()
        .map(|r| Line::from_report(s, None, r))
        .collect();
    sending::print(&lines, format)
}

fn not_found(id: &str) -> String {
    match output::lang() {
        Lang::Zh => format!("发件箱里没有 <{id}>（liaison outbox 列出全部）"),
        Lang::En => format!("<{id}> is not in the outbox (`liaison outbox` lists it)"),
    }
}

fn drop_ids(s: &Settings, ids: Vec<String>) -> anyhow::Result<ExitCode> {
    let mut store = s.open_store()?;
    let mut code = ExitCode::SUCCESS;
    for id in ids {
        let id = bare(&id);
        match outbox::drop_message(&mut *store, &id) {
            Ok(e) => println!(
                "{}",
                match output::lang() {
                    Lang::Zh =>
                        format!("已从发件箱删除 <{id}>（原状态：{}）", state_label(e.state)),
                    Lang::En => format!("dropped <{id}> from the outbox (it was {})", e.state),
                }
            ),
            Err(OutboxError::NotFound(_)) => {
                eprintln!("{}: {}", output::error_label(), not_found(&id));
                code = ExitCode::from(1);
            }
            Err(e) => {
                eprintln!("{}: {}", output::error_label(), sending::refusal(s, &e));
                code = ExitCode::from(1);
            }
        }
    }
    Ok(code)
}
