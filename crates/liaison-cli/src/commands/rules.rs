//! `liaison rules` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {}

/// Runs `liaison rules`.
pub fn run(_g: &GlobalArgs, _args: RulesArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison rules is not implemented yet")
}
