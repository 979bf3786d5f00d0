//! `liaison user add NAME --role admin|member|viewer --password-stdin` and
//! `liaison user token NAME`: who may use `liaison serve`.

use crate::output::{DataFormat, tr};
use crate::settings::Settings;
use clap::{Args, Subcommand};
use std::io::Read;
use std::process::ExitCode;

/// `liaison user …`.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user (or change their role and password); the password is read from stdin.
    Add(AddArgs),
    /// Print a new API token for a user (shown once; only its hash is stored).
    Token(TokenArgs),
    /// List the users.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: DataFormat,
    },
}

/// Arguments of `liaison user add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Login name.
    pub name: String,
    /// admin, member or viewer.
    #[arg(long)]
    pub role: String,
    /// The user's department (as the directory names it, e.g. 市场部): a member or viewer
    /// with one sees only that department's collaborations in `liaison serve` (unless
    /// `[web] members_see_all = true`).
    #[arg(long)]
    pub department: Option<String>,
    /// Read the password from standard input (the only way: never on the command line).
    #[arg(long, required = true)]
    pub password_stdin: bool,
}

/// Arguments of `liaison user token`.
#[derive(Debug, Args)]
pub struct TokenArgs {
    /// Login name.
    pub name: String,
}

/// Runs `liaison user …`.
pub fn run(s: &Settings, cmd: UserCommand) -> anyhow::Result<ExitCode> {
    let mut store = s.open_store()?;
    match cmd {
        UserCommand::Add(a) => {
            let mut pw = String::new();
            std::io::stdin().read_to_string(&mut pw)?;
            let pw = pw.trim_end_matches(['\r', '\n']);
            liaison_web::auth::add_user(
                store.as_mut(),
                &a.name,
                &a.role,
                a.department.as_deref(),
                pw,
            )?;
            eprintln!(
                "{} {} ({}{})",
                tr("已添加用户", "user added:"),
                a.name,
                a.role,
                a.department
                    .as_deref()
                    .map(|d| format!(", {d}"))
                    .unwrap_or_default()
            );
        }
        UserCommand::Token(a) => {
            let token = liaison_web::auth::new_token(store.as_mut(), &a.name)?;
            println!("{token}");
        }
        UserCommand::List { format } => {
            let users = store.web_users()?;
            match format {
                DataFormat::Json => {
                    let v: Vec<_> = users
                        .iter()
                        .map(|u| serde_json::json!({ "name": u.name, "role": u.role, "lang": u.lang, "department": u.department }))
                        .collect();
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&serde_json::json!({ "users": v }))?
                    );
                }
                DataFormat::Text => {
                    for u in users {
                        println!(
                            "{}  {}{}",
                            u.name,
                            u.role,
                            u.department
                                .as_deref()
                                .map(|d| format!("  {d}"))
                                .unwrap_or_default()
                        );
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
