//! `liaison directory`: check, show and import the directory of departments and people.

use crate::output::{self, Lang};
use crate::settings::Settings;
use anyhow::Context;
use clap::{Subcommand, ValueEnum};
use liaison_model::{Directory, DirectoryError};
use std::path::PathBuf;
use std::process::ExitCode;

/// Output format of `liaison directory show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DirFormat {
    /// A readable table.
    #[default]
    Text,
    /// JSON.
    Json,
}

/// Subcommands of `liaison directory`.
#[derive(Debug, Subcommand)]
pub enum DirectoryCommand {
    /// Validate the directory (unknown superiors, duplicate emails, unknown departments).
    Check {
        /// The file (default: --directory or [directory] path).
        file: Option<PathBuf>,
    },
    /// List departments and people.
    Show {
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: DirFormat,
    },
    /// Import people from CSV (name,email,department,title,superior,dingtalk,feishu,wecom).
    Import {
        /// The CSV file.
        csv: PathBuf,
        /// Write the directory here (default: standard output).
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Overwrite an existing --out file.
        #[arg(long)]
        force: bool,
    },
}

fn load(path: &std::path::Path) -> anyhow::Result<Directory> {
    let en = output::lang() == Lang::En;
    Directory::load(path).map_err(|e| match e {
        DirectoryError::Invalid(p) => anyhow::anyhow!("{}", p.render(en)),
        other => anyhow::anyhow!("{other}"),
    })
}

/// Runs `liaison directory`.
pub fn run(s: &Settings, cmd: DirectoryCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        DirectoryCommand::Check { file } => {
            let dir = match file {
                Some(f) => load(&f)?,
                None => s.require_directory()?.clone(),
            };
            let (d, p) = (dir.departments.len(), dir.people.len());
            println!(
                "{}",
                match output::lang() {
                    Lang::Zh => format!("通讯录无误：{d} 个部门，{p} 人"),
                    Lang::En => format!("directory OK: {d} departments, {p} people"),
                }
            );
            Ok(ExitCode::SUCCESS)
        }
        DirectoryCommand::Show { format } => {
            let dir = s.require_directory()?;
            match format {
                DirFormat::Json => println!("{}", serde_json::to_string_pretty(&dir)?),
                DirFormat::Text => {
                    for d in &dir.departments {
                        println!("{}", d.name);
                        for p in dir.members(&d.name) {
                            let sup = p
                                .superior
                                .as_deref()
                                .and_then(|s| dir.person(s))
                                .map(|s| format!(" → {}", s.name))
                                .unwrap_or_default();
                            println!(
                                "  {} <{}> {}{sup}",
                                p.name,
                                p.email,
                                p.title.as_deref().unwrap_or("")
                            );
                        }
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        DirectoryCommand::Import { csv, out, force } => {
            let dir = load(&csv)?;
            let text = dir.to_toml();
            match out {
                Some(p) => {
                    if p.exists() && !force {
                        anyhow::bail!(
                            "{}: {}",
                            p.display(),
                            output::tr(
                                "文件已存在；用 --force 覆盖",
                                "already exists; pass --force to overwrite"
                            )
                        );
                    }
                    std::fs::write(&p, text).with_context(|| p.display().to_string())?;
                    let n = dir.people.len();
                    eprintln!(
                        "{}",
                        match output::lang() {
                            Lang::Zh => format!("已写入 {}（{n} 人）", p.display()),
                            Lang::En => format!("wrote {} ({n} people)", p.display()),
                        }
                    );
                }
                None => print!("{text}"),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
