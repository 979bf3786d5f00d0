//! Command-line arguments. Each subcommand's own arguments live in its module under
//! `commands/`, so this file only lists them.

use crate::commands;
use crate::output::{Lang, LangArg};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// liaison: cross-department collaboration by email, the way the guide says.
#[derive(Debug, Parser)]
#[command(name = "liaison", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand accepts.
#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
    /// Configuration file (default: liaison.toml found upward from the working directory).
    #[arg(long, global = true, env = "LIAISON_CONFIG")]
    pub config: Option<PathBuf>,
    /// Directory of departments and people (overrides [directory] path).
    #[arg(long, global = true, env = "LIAISON_DIRECTORY")]
    pub directory: Option<PathBuf>,
    /// Language of messages: zh (default) or en.
    #[arg(long, global = true, value_parser = LangArg::parser(), env = "LIAISON_LANG")]
    pub lang: Option<Lang>,
    /// The current instant (RFC 3339) for every clock-dependent decision.
    #[arg(long, global = true, env = "LIAISON_NOW")]
    pub now: Option<String>,
    /// SQLite database file (default: liaison.db in the data directory).
    #[arg(long, global = true, env = "LIAISON_DB")]
    pub db: Option<PathBuf>,
    /// PostgreSQL URL (postgres://…); used instead of SQLite when given.
    #[arg(long, global = true, env = "LIAISON_DATABASE_URL")]
    pub database_url: Option<String>,
    /// Addresses that count as "ours" (repeatable; adds to [identity] addresses).
    #[arg(long, global = true)]
    pub me: Vec<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a sample liaison.toml and directory.toml.
    Init(commands::init::InitArgs),
    /// Manage the directory of departments and people.
    #[command(subcommand)]
    Directory(commands::directory::DirectoryCommand),
    /// Compose a collaboration mail from a brief.
    New(commands::new::NewArgs),
    /// Work with the mail templates.
    #[command(subcommand)]
    Templates(commands::templates::TemplatesCommand),
    /// Run a self-contained demonstration in a temporary folder.
    Demo(commands::demo::DemoArgs),
    /// Find and resolve deadline expressions.
    Time(commands::time::TimeArgs),
    /// Check drafts against the guide.
    Lint(commands::lint::LintArgs),
    /// Show what liaison understood of a draft.
    Parse(commands::parse::ParseArgs),
    /// List every lint rule.
    Rules(commands::rules::RulesArgs),
    /// Import mail (.eml files or folders, Maildir, mbox).
    Ingest(commands::ingest::IngestArgs),
    /// List collaborations.
    List(commands::list::ListArgs),
    /// Show one collaboration with its timeline.
    Show(commands::show::ShowArgs),
    /// Say what is due now.
    Due(commands::due::DueArgs),
    /// Record what happened outside mail.
    Mark(commands::mark::MarkArgs),
    /// Recompute every collaboration from raw messages and events.
    Rebuild(commands::rebuild::RebuildArgs),
    /// List (or export) the messages ingest kept aside as unreadable.
    Quarantine(commands::quarantine::QuarantineArgs),
    /// Send mail through [smtp]: lint, queue in the outbox, send exactly once.
    Send(commands::send::SendArgs),
    /// Read new mail from [imap] (inbox and Sent) into the store.
    Fetch(commands::fetch::FetchArgs),
    /// List the outbox; send or drop messages by hand.
    Outbox(commands::outbox::OutboxArgs),
    /// Draft the follow-up mail of a collaboration (nudge, sync, escalate, confirm, retro).
    Draft(commands::draft::DraftArgs),
    /// The follow-up loop: fetch, plan, act per [automation]; --once for one pass.
    Run(commands::run::RunArgs),
    /// Draft the 成果确认 mail and record the result (accept, or reject with a new deadline).
    Confirm(commands::confirm::ConfirmArgs),
    /// Draft the 复盘 mail and the 成果确认与复盘表 from the timeline.
    Retro(commands::retro::RetroArgs),
    /// Archive a collaboration into 跨部门协作-<project>/ (or verify an archive).
    Archive(commands::archive::ArchiveArgs),
    /// Write one of the guide's forms as XLSX or CSV.
    Form(commands::form::FormArgs),
    /// Write deadlines and due follow-ups as one iCalendar file.
    Ics(commands::ics::IcsArgs),
    /// Report reply times, on-time rates, nudges and escalations per department.
    Report(commands::report::ReportArgs),
    /// Serve the web dashboard and the JSON API.
    Serve(commands::serve::ServeArgs),
    /// Manage the users of the web dashboard.
    #[command(subcommand)]
    User(commands::user::UserCommand),
}
