//! One module per subcommand.

pub mod demo;
pub mod demo_story;
pub mod directory;
pub mod due;
pub mod ingest;
pub mod init;
pub mod lint;
pub mod list;
pub mod mark;
pub mod new;
pub mod parse;
pub mod quarantine;
pub mod rebuild;
pub mod rules;
pub mod show;
pub mod store_open;
pub mod templates;
pub mod time;

use crate::cli::{Cli, Command, GlobalArgs};
use crate::output;
use std::process::ExitCode;

/// Runs the chosen subcommand and returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    output::set_lang(cli.global.lang.unwrap_or_default());
    let g: &GlobalArgs = &cli.global;
    match cli.command {
        Command::Init(a) => init::run(g, a),
        Command::Directory(a) => directory::run(g, a),
        Command::New(a) => new::run(g, a),
        Command::Templates(a) => templates::run(g, a),
        Command::Demo(a) => demo::run(g, a),
        Command::Time(a) => time::run(g, a),
        Command::Lint(a) => lint::run(g, a),
        Command::Parse(a) => parse::run(g, a),
        Command::Rules(a) => rules::run(g, a),
        Command::Ingest(a) => ingest::run(g, a),
        Command::List(a) => list::run(g, a),
        Command::Show(a) => show::run(g, a),
        Command::Due(a) => due::run(g, a),
        Command::Mark(a) => mark::run(g, a),
        Command::Rebuild(a) => rebuild::run(g, a),
        Command::Quarantine(a) => quarantine::run(g, a),
    }
}
