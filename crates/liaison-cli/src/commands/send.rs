//! `liaison send FILE.eml…`: lint, queue in the outbox, send through `[smtp]`.
//!
//! Exit 0 when every message was accepted by the server; 1 when any was refused (lint
//! errors without `--force`, a Message-ID already sent without `--resend`), failed, held,
//! or kept in the outbox for a retry (the server could not be reached or answered 4xx);
//! 2 when nothing could run (configuration).

use crate::drafts::read_input;
use crate::output::{DataFormat, error_label};
use crate::sending::{Outgoing, SendFlags, send_messages};
use crate::settings::Settings;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `liaison send`.
#[derive(Debug, Args)]
pub struct SendArgs {
    /// Messages to send (.eml, as `liaison new` writes them); `-` reads standard input.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Send even when `liaison lint` finds errors.
    #[arg(long)]
    pub force: bool,
    /// Send again a message whose Message-ID was already sent (or is held).
    #[arg(long)]
    pub resend: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
    /// Log lines on stderr (-v each message sent, -vv debug; default errors only, or
    /// LIAISON_LOG).
    #[arg(short, long, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

/// Runs `liaison send`.
pub fn run(s: &Settings, args: SendArgs) -> anyhow::Result<ExitCode> {
    crate::logging::init(crate::logging::QUIET, args.verbose);
    let mut msgs = Vec::new();
    for path in &args.files {
        let name = path.display().to_string();
        match read_input(path) {
            Ok(bytes) => msgs.push(Outgoing {
                name,
                path: Some(path.clone()),
                bytes,
            }),
            Err(e) => anyhow::bail!("{}: {name}: {e}", error_label()),
        }
    }
    send_messages(
        s,
        msgs,
        SendFlags {
            force: args.force,
            resend: args.resend,
        },
        args.format,
    )
}
