//! The `liaison` binary.

mod cli;
mod commands;
mod config;
mod output;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{}: {err:#}", output::error_label());
            ExitCode::from(2)
        }
    }
}
