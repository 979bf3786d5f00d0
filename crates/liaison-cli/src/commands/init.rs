//! `liaison init [DIR]`: write a realistic sample `liaison.toml` and `directory.toml`, and
//! the sample brief `request.toml` with the attachment it names (README's "Getting
//! started" uses them as written).

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
    let request = samples::BRIEFS
        .iter()
        .find(|(n, _)| *n == "request.toml")
        .map(|(_, t)| *t)
        .unwrap_or_default();
    let (sheet_name, sheet) = samples::REQUEST_ATTACHMENT;
    // The sample brief of README's "Getting started", with the attachment it names.
    let files: [(&str, &[u8]); 4] = [
        ("liaison.toml", samples::LIAISON_TOML.as_bytes()),
        ("directory.toml", samples::DIRECTORY_TOML.as_bytes()),
        ("request.toml", request.as_bytes()),
        (sheet_name, sheet),
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
            "已写入样例配置、通讯录与简报；编辑 directory.toml 填入贵司的部门与人员，然后运行 liaison new request --brief request.toml",
            "wrote a sample configuration, directory and brief; edit directory.toml for your organisation, then run liaison new request --brief request.toml"
        )
    );
    Ok(ExitCode::SUCCESS)
}
