//! `liaison lint` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison lint`.
#[derive(Debug, Args)]
pub struct LintArgs {}

/// Runs `liaison lint`.
pub fn run(_g: &GlobalArgs, _args: LintArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison lint is not implemented yet")
}
