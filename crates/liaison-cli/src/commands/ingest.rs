//! `liaison ingest` (not yet implemented; see the open issues).

use crate::cli::GlobalArgs;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {}

/// Runs `liaison ingest`.
pub fn run(_g: &GlobalArgs, _args: IngestArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("liaison ingest is not implemented yet")
}
