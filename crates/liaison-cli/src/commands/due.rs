//! `liaison due`: what is owed now (nudge, sync, escalate, confirm, retro, archive), from
//! the planner over every collaboration in the store.

use crate::cli::GlobalArgs;
use crate::commands::store_open::open_store;
use crate::output::{self, DataFormat, tr};
use clap::Args;
use liaison_engine::{Action, Channel, DueAction, PlanContext, plan};
use std::process::ExitCode;

/// Arguments of `liaison due`.
#[derive(Debug, Args)]
pub struct DueArgs {
    /// Also list actions that fall due later (by default only those due at `--now`).
    #[arg(long)]
    pub upcoming: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

/// The action in the chosen language.
pub fn action_label(a: Action) -> &'static str {
    match a {
        Action::Nudge => tr("催办", "nudge"),
        Action::Sync => tr("进度同步", "sync"),
        Action::Escalate => tr("升级", "escalate"),
        Action::Confirm => tr("确认交付", "confirm"),
        Action::Retro => tr("复盘", "retro"),
        Action::Archive => tr("归档", "archive"),
    }
}

/// Plans every collaboration in `store` at `g`'s `--now` with the configured policy,
/// calendar and directory. Shared with `liaison demo`.
pub fn due_actions(
    g: &GlobalArgs,
    store: &mut dyn liaison_store::Store,
) -> anyhow::Result<(chrono::DateTime<chrono::FixedOffset>, Vec<DueAction>)> {
    let cfg = super::lint::load_config(g)?;
    let directory = super::lint::load_directory(g, &cfg)?.unwrap_or_default();
    let time = super::lint::time_context(g, &cfg)?;
    let collabs = store.collaborations()?;
    let cx = PlanContext {
        policy: &cfg.policy,
        calendar: &time.calendar,
        hours: time.hours,
        tz: time.tz,
        directory: &directory,
        now: time.now,
        lang: output::lang(),
    };
    Ok((time.now, plan(&collabs, &cx)))
}

/// Prints due actions as text.
pub fn print_text(actions: &[DueAction]) {
    if actions.is_empty() {
        println!("{}", tr("目前没有待办。", "nothing is due."));
    }
    for a in actions {
        println!(
            "{}  {}{}  {}  {}",
            a.due_at.format("%Y-%m-%d %H:%M"),
            action_label(a.action),
            if a.overdue {
                tr("（已逾期）", " (overdue)")
            } else {
                ""
            },
            a.collaboration,
            a.subject
        );
        println!(
            "    {}{}{}  {}{}",
            tr("收件：", "to: "),
            a.to.join("、"),
            if a.cc.is_empty() {
                String::new()
            } else {
                format!("  {}{}", tr("抄送：", "cc: "), a.cc.join("、"))
            },
            tr("渠道：", "channel: "),
            match a.channel {
                Channel::Email => tr("邮件", "email"),
                Channel::Chat => tr("即时通讯", "chat"),
            }
        );
        println!("    {}{}", tr("原因：", "reason: "), a.reason);
    }
}

/// Runs `liaison due`.
pub fn run(g: &GlobalArgs, args: DueArgs) -> anyhow::Result<ExitCode> {
    let mut store = open_store(g)?;
    let (now, mut actions) = due_actions(g, store.as_mut())?;
    if !args.upcoming {
        actions.retain(|a| a.due_at <= now);
    }
    match args.format {
        DataFormat::Json => {
            let v = serde_json::json!({ "now": now.to_rfc3339(), "due": actions });
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
        DataFormat::Text => print_text(&actions),
    }
    Ok(ExitCode::SUCCESS)
}
