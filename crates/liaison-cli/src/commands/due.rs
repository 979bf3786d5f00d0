//! `liaison due`: what is owed now (nudge, sync, escalate, confirm, retro, archive), read
//! from the planner's stored result (replanned first where a collaboration changed).

use crate::output::DataFormat;
use crate::settings::Settings;
use crate::views::print_due;
use clap::Args;
use liaison_engine::views::due_listing;
use std::io::Write;
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
        DataFormat::Json => {
            // Straight to stdout: at 10^4 due actions the text is megabytes, and building it
            // as one string first cost as much as reading the plans.
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            serde_json::to_writer_pretty(&mut out, &listing)?;
            writeln!(out)?;
            out.flush()?;
        }
        DataFormat::Text => print_due(&listing.due),
    }
    Ok(ExitCode::SUCCESS)
}
