//! The `liaison` binary: arguments and configuration are resolved once here into
//! [`settings::Settings`], then one subcommand runs.

mod briefs;
mod cli;
mod closing;
mod commands;
mod config;
mod drafts;
mod errors;
mod logging;
mod output;
mod samples;
mod sending;
mod settings;
mod views;

use clap::Parser;
use std::process::ExitCode;

// An ingest allocates and frees small strings and vectors by the million on three threads;
// glibc's allocator spent a sixth of its CPU in malloc and free (consolidating freed
// chunks), mimalloc much less (docs/performance.md, "Ingest: memory bounded").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Printing to a closed pipe (`liaison list | head -1`) must end quietly, as other Unix
    // tools do, not panic: restore the default SIGPIPE action that Rust ignores.
    reset_sigpipe();
    let cli = cli::Cli::parse();
    let read_config = commands::reads_config(&cli.command);
    let result = settings::Settings::resolve(cli.global, read_config)
        .and_then(|s| commands::run(&s, cli.command));
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::from(141);
            }
            eprintln!("{}: {}", output::error_label(), errors::describe(&err));
            ExitCode::from(2)
        }
    }
}

/// Whether an error is a write to a closed pipe (the reader went away: not a failure of
/// ours to report).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(unix)]
fn reset_sigpipe() {
    // SAFETY: setting a signal's disposition to its default is async-signal-safe and is
    // done before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn reset_sigpipe() {}
