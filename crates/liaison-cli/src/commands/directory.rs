//! `liaison directory` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Subcommand;
use std::process::ExitCode;

/// Subcommands of `liaison directory`.
#[derive(Debug, Subcommand)]
pub enum DirectoryCommand {}

/// Runs `liaison directory`.
pub fn run(_g: &GlobalArgs, _cmd: DirectoryCommand) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison directory is not implemented yet")
}
