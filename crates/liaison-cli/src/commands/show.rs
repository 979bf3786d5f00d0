//! `liaison show` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison show`.
#[derive(Debug, Args)]
pub struct ShowArgs {}

/// Runs `liaison show`.
pub fn run(_g: &GlobalArgs, _args: ShowArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison show is not implemented yet")
}
