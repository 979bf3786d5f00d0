//! `liaison demo` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {}

/// Runs `liaison demo`.
pub fn run(_g: &GlobalArgs, _args: DemoArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison demo is not implemented yet")
}
