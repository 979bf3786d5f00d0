//! One module per subcommand.

pub mod archive;
pub mod confirm;
pub mod demo;
pub mod directory;
pub mod draft;
pub mod due;
pub mod fetch;
pub mod form;
pub mod ics;
pub mod ingest;
pub mod init;
pub mod lint;
pub mod list;
pub mod mark;
pub mod new;
pub mod outbox;
pub mod parse;
pub mod quarantine;
pub mod rebuild;
pub mod report;
pub mod retro;
pub mod rules;
pub mod run;
pub mod send;
pub mod serve;
pub mod show;
pub mod templates;
pub mod time;
pub mod user;

use crate::cli::Command;
use crate::settings::Settings;
use std::process::ExitCode;

/// Whether a command reads the configuration in effect. `init` and `demo` write their
/// own, and checking or importing a named directory file needs none, so a broken
/// liaison.toml around must not stop them.
pub fn reads_config(cmd: &Command) -> bool {
    !matches!(
        cmd,
        Command::Init(_)
            | Command::Demo(_)
            | Command::Directory(
                directory::DirectoryCommand::Check { file: Some(_) }
                    | directory::DirectoryCommand::Import { .. }
            )
    )
}

/// Runs the chosen subcommand with the settings resolved in `main`.
pub fn run(s: &Settings, cmd: Command) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::Init(a) => init::run(s, a),
        Command::Directory(a) => directory::run(s, a),
        Command::New(a) => new::run(s, a),
        Command::Templates(a) => templates::run(s, a),
        Command::Demo(a) => demo::run(s, a),
        Command::Time(a) => time::run(s, a),
        Command::Lint(a) => lint::run(s, a),
        Command::Parse(a) => parse::run(s, a),
        Command::Rules(a) => rules::run(s, a),
        Command::Ingest(a) => ingest::run(s, a),
        Command::List(a) => list::run(s, a),
        Command::Show(a) => show::run(s, a),
        Command::Due(a) => due::run(s, a),
        Command::Mark(a) => mark::run(s, a),
        Command::Rebuild(a) => rebuild::run(s, a),
        Command::Quarantine(a) => quarantine::run(s, a),
        Command::Send(a) => send::run(s, a),
        Command::Fetch(a) => fetch::run(s, a),
        Command::Outbox(a) => outbox::run(s, a),
        Command::Draft(a) => draft::run(s, a),
        Command::Run(a) => run::run(s, a),
        Command::Confirm(a) => confirm::run(s, a),
        Command::Retro(a) => retro::run(s, a),
        Command::Archive(a) => archive::run(s, a),
        Command::Form(a) => form::run(s, a),
        Command::Ics(a) => ics::run(s, a),
        Command::Report(a) => report::run(s, a),
        Command::Serve(a) => serve::run(s, a),
        Command::User(a) => user::run(s, a),
    }
}
