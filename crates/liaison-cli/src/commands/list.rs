//! `liaison list` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison list`.
#[derive(Debug, Args)]
pub struct ListArgs {}

/// Runs `liaison list`.
pub fn run(_g: &GlobalArgs, _args: ListArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison list is not implemented yet")
}
