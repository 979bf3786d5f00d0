//! `liaison rebuild` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison rebuild`.
#[derive(Debug, Args)]
pub struct RebuildArgs {}

/// Runs `liaison rebuild`.
pub fn run(_g: &GlobalArgs, _args: RebuildArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison rebuild is not implemented yet")
}
