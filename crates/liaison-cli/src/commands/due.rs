//! `liaison due` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison due`.
#[derive(Debug, Args)]
pub struct DueArgs {}

/// Runs `liaison due`.
pub fn run(_g: &GlobalArgs, _args: DueArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison due is not implemented yet")
}
