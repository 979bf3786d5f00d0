//! `liaison init [DIR]`: write a realistic sample `liaison.toml` and `directory.toml`.

use crate::output;
use crate::samples;
use crate::settings::Settings;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `liaison init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to write into (default: the working directory).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
}

/// Runs `liaison init`.
pub fn run(_s: &Settings, args: InitArgs) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(&args.dir)?;
    let files = [
        ("liaison.toml", samples::LIAISON_TOML),
        ("directory.toml", samples::DIRECTORY_TOML),
    ];
    for (name, _) in &files {
        let p = args.dir.join(name);
        if p.exists() && !args.force {
            anyhow::bail!(
                "{}: {}",
                p.display(),
                output::tr(
                    "文件已存在；用 --force 覆盖，或换一个目录",
                    "already exists; pass --force to overwrite, or choose another folder"
                )
            );
        }
    }
    for (name, text) in files {
        let p = args.dir.join(name);
        std::fs::write(&p, text)?;
        println!("{}", p.display());
    }
    eprintln!(
        "{}",
        output::tr(
            "已写入样例配置与通讯录；编辑 directory.toml 填入贵司的部门与人员，然后运行 liaison new",
            "wrote a sample configuration and directory; edit directory.toml for your organisation, then run liaison new"
        )
    );
    Ok(ExitCode::SUCCESS)
}
