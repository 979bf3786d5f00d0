//! `liaison templates`: list and export the mail templates so an organisation can edit them
//! (then point `[templates] dir` at the folder).

use crate::output;
use crate::settings::Settings;
use clap::Subcommand;
use liaison_compose::Templates;
use std::path::PathBuf;
use std::process::ExitCode;

/// Subcommands of `liaison templates`.
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Write the built-in templates into DIR.
    Export {
        /// Target folder (created if needed).
        dir: PathBuf,
        /// Overwrite existing files.
        #[arg(long)]
        force: bool,
    },
    /// List the templates in effect (built-ins plus overrides).
    List,
    /// Print one template, e.g. `request.zh.j2`.
    Show {
        /// Template name.
        name: String,
    },
}

/// Runs `liaison templates`.
pub fn run(s: &Settings, cmd: TemplatesCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        TemplatesCommand::Export { dir, force } => {
            let t = Templates::builtin();
            if !force {
                for n in t.names() {
                    if dir.join(n).exists() {
                        anyhow::bail!(
                            "{}: {}",
                            dir.join(n).display(),
                            output::tr(
                                "文件已存在；用 --force 覆盖",
                                "already exists; pass --force to overwrite"
                            )
                        );
                    }
                }
            }
            for p in t.export(&dir)? {
                println!("{}", p.display());
            }
            eprintln!(
                "{}",
                output::tr(
                    "在 liaison.toml 中写 [templates] dir = \"…\" 即可使用修改后的模板",
                    "set [templates] dir = \"…\" in liaison.toml to use the edited templates"
                )
            );
        }
        TemplatesCommand::List => {
            for n in s.templates()?.names() {
                println!("{n}");
            }
        }
        TemplatesCommand::Show { name } => {
            let t = s.templates()?;
            match t.source(&name) {
                Some(s) => print!("{s}"),
                None => anyhow::bail!(
                    "{} {name:?}; {}",
                    output::tr("没有这个模板", "no such template"),
                    output::tr(
                        "用 liaison templates list 查看",
                        "see liaison templates list"
                    )
                ),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
