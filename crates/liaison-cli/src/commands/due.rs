//! `liaison due`: what is owed now (nudge, sync, escalate, confirm, retro, archive), from
//! the planner over every collaboration in the store.

use crate::output::DataFormat;
use crate::settings::Settings;
use crate::views::print_due;
use clap::Args;
use liaison_engine::views::due_listing;
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

/// Runs `liaison due`.
pub fn run(s: &Settings, args: DueArgs) -> anyhow::Result<ExitCode> {
    let mut store = s.open_store()?;
    let now = s.now;
    let directory = s.directory()?.cloned().unwrap_or_default();
    let listing = due_listing(
        store.as_mut(),
        &s.plan_context(&directory, now),
        args.upcoming,
    )?;
    match args.format {
        DataFormat::Json => println!("{}", serde_json::to_string_pretty(&listing)?),
        DataFormat::Text => print_due(&listing.due),
    }
    Ok(ExitCode::SUCCESS)
}
