//! `liaison time` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison time`.
#[derive(Debug, Args)]
pub struct TimeArgs {}

/// Runs `liaison time`.
pub fn run(_g: &GlobalArgs, _args: TimeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison time is not implemented yet")
}
