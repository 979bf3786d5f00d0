//! `liaison parse` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {}

/// Runs `liaison parse`.
pub fn run(_g: &GlobalArgs, _args: ParseArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison parse is not implemented yet")
}
