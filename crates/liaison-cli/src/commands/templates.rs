//! `liaison templates` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Subcommand;
use std::process::ExitCode;

/// Subcommands of `liaison templates`.
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {}

/// Runs `liaison templates`.
pub fn run(_g: &GlobalArgs, _cmd: TemplatesCommand) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison templates is not implemented yet")
}
