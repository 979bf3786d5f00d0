//! `liaison mark ID delivered|confirmed|disputed|dropped|retro|archived [--item N]`: record what happened
//! outside mail. The mark goes into the input ledger (so `liaison rebuild` replays it) and
//! is applied by the tracker at once.

use crate::output::{DataFormat, tr};
use crate::settings::Settings;
use crate::views::{event_label, find, state_label};
use clap::{Args, ValueEnum};
use liaison_engine::Mark;
use std::process::ExitCode;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MarkKind {
    /// Delivered outside mail.
    Delivered,
    /// The delivery was confirmed.
    Confirmed,
    /// Disputed or delayed.
    Disputed,
    /// No longer needed.
    Dropped,
    /// The retrospective (复盘) was held outside mail.
    Retro,
    /// Archived (归档): nothing more is due.
    Archived,
}

/// Arguments of `liaison mark`.
#[derive(Debug, Args)]
pub struct MarkArgs {
    /// The collaboration id (a unique prefix is enough).
    pub id: String,
    /// What happened.
    #[arg(value_enum)]
    pub what: MarkKind,
    /// The item it concerns (1-based, as `liaison show` numbers them); all items if absent.
    #[arg(long)]
    pub item: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

/// Runs `liaison mark`.
pub fn run(s: &Settings, args: MarkArgs) -> anyhow::Result<ExitCode> {
    let now = s.now;
    let cfg = s.tracker()?;
    let mut store = s.open_store()?;
    let c = find(store.as_mut(), &args.id)?;
    if args.item.is_some() && matches!(args.what, MarkKind::Retro | MarkKind::Archived) {
        anyhow::bail!(
            "--item: {}",
            tr(
                "复盘和归档针对整个协作，去掉 --item",
                "a retro or an archive concerns the whole collaboration; drop --item"
            )
        );
    }
    if let Some(n) = args.item
        && (n == 0 || n > c.items.len())
    {
        anyhow::bail!(
            "--item {n}: {} {} {}",
            c.id,
            tr("的事项编号为", "has items numbered"),
            if c.items.is_empty() {
                tr("（无事项，去掉 --item）", "(none; drop --item)").to_string()
            } else {
                format!("1..{}", c.items.len())
            }
        );
    }
    let mark = match args.what {
        MarkKind::Delivered => Mark::Delivered,
        MarkKind::Confirmed => Mark::Confirmed,
        MarkKind::Disputed => Mark::Disputed,
        MarkKind::Dropped => Mark::Dropped,
        MarkKind::Retro => Mark::Retro,
        MarkKind::Archived => Mark::Archived,
    };
    let event = mark.event(now, args.item.map(|n| n - 1));
    let seq = store.record_manual(&c.id, &event)?;
    liaison_engine::track_pending(store.as_mut(), &cfg)?;
    let after = find(store.as_mut(), &c.id)?;
    match args.format {
        DataFormat::Json => {
            let v = serde_json::json!({
                "collaboration": c.id,
                "mark": format!("{:?}", args.what).to_lowercase(),
                "item": args.item,
                "at": now.to_rfc3339(),
                "input": seq,
                "state": after.state.id(),
            });
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
        DataFormat::Text => {
            let (what, state) = (event_label(event.kind), state_label(after.state.id()));
            println!(
                "{}",
                match crate::output::lang() {
                    crate::output::Lang::Zh =>
                        format!("已记录 {}：{what}（当前状态：{state}）", c.id),
                    crate::output::Lang::En =>
                        format!("recorded {}: {what} (state now: {state})", c.id),
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
