//! `liaison due`: what is owed now (nudge, sync, escalate, confirm, retro, archive), read
//! from the plans kept per collaboration (replanned first where a collaboration or the
//! configuration changed).

use crate::output::DataFormat;
use crate::settings::Settings;
use crate::views::print_due;
use clap::Args;
use liaison_engine::{DueAction, plans};
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

/// What is owed at `now` (and later, with `upcoming`) with the configured policy, calendar
/// and directory.
fn due_actions(
    s: &Settings,
    store: &mut dyn liaison_store::Store,
    upcoming: bool,
) -> anyhow::Result<Vec<DueAction>> {
    let directory = s.directory()?.cloned().unwrap_or_default();
    Ok(plans::due(
        store,
        &s.plan_context(&directory, s.now),
        upcoming,
    )?)
}

/// Runs `liaison due`.
pub fn run(s: &Settings, args: DueArgs) -> anyhow::Result<ExitCode> {
    let mut store = s.open_store()?;
    let now = s.now;
    let actions = due_actions(s, store.as_mut(), args.upcoming)?;
    match args.format {
        DataFormat::Json => {
            let v = serde_json::json!({ "now": now.to_rfc3339(), "due": actions });
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
        DataFormat::Text => print_due(&actions),
    }
    Ok(ExitCode::SUCCESS)
}
