//! `liaison new` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison new`.
#[derive(Debug, Args)]
pub struct NewArgs {}

/// Runs `liaison new`.
pub fn run(_g: &GlobalArgs, _args: NewArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison new is not implemented yet")
}
