//! `liaison init` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison init`.
#[derive(Debug, Args)]
pub struct InitArgs {}

/// Runs `liaison init`.
pub fn run(_g: &GlobalArgs, _args: InitArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison init is not implemented yet")
}
