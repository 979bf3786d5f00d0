//! `liaison mark` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison mark`.
#[derive(Debug, Args)]
pub struct MarkArgs {}

/// Runs `liaison mark`.
pub fn run(_g: &GlobalArgs, _args: MarkArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison mark is not implemented yet")
}
