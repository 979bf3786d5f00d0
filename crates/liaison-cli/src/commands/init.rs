//! `liaison init [DIR]`: write a realistic sample `liaison.toml` and `directory.toml`, and
//! the sample brief `request.toml` with the attachment it names (README's "Getting
//! started" uses them as written).

use crate::cli::GlobalArgs;

use crate::output;
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
pub fn run(_g: &GlobalArgs, args: InitArgs) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(&args.dir)?;
    let request = samples::BRIEFS
        .iter()
        .find(|(n, _)| *n == "request.toml")
        .map(|(_, t)| *t)
        .unwrap_or_default();
    let sheet = samples::ATTACHMENTS
        .iter()
        .find(|(n, _)| *n == "Q3用户调研需求清单.xlsx")
        .map(|(_, b)| *b)
        .unwrap_or_default();
    // The sample brief of README's "Getting started", with the attachment it names.
    let files: [(&str, &[u8]); 4] = [
        ("liaison.toml", samples::LIAISON_TOML.as_bytes()),
        ("directory.toml", samples::DIRECTORY_TOML.as_bytes()),
        ("request.toml", request.as_bytes()),
        ("Q3用户调研需求清单.xlsx", sheet),
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

/// The sample files shipped inside the binary (from `examples/`): `liaison init` and
/// `liaison demo` write them, so neither needs anything beyond the binary.
pub mod samples {
    /// `liaison.toml`.
    pub const LIAISON_TOML: &str = include_str!("../../../../examples/liaison.toml");
    /// `directory.toml`.
    pub const DIRECTORY_TOML: &str = include_str!("../../../../examples/directory.toml");

    /// One brief per kind: (file name, text), in the guide's order.
    pub const BRIEFS: [(&str, &str); 9] = [
        (
            "kickoff.toml",
            include_str!("../../../../examples/kickoff.toml"),
        ),
        (
            "request.toml",
            include_str!("../../../../examples/request.toml"),
        ),
        (
            "issue.toml",
            include_str!("../../../../examples/issue.toml"),
        ),
        (
            "escalation.toml",
            include_str!("../../../../examples/escalation.toml"),
        ),
        (
            "result.toml",
            include_str!("../../../../examples/result.toml"),
        ),
        (
            "progress-sync.toml",
            include_str!("../../../../examples/progress-sync.toml"),
        ),
        (
            "nudge.toml",
            include_str!("../../../../examples/nudge.toml"),
        ),
        (
            "confirmation.toml",
            include_str!("../../../../examples/confirmation.toml"),
        ),
        (
            "retrospective.toml",
            include_str!("../../../../examples/retrospective.toml"),
        ),
    ];

    /// The attachments the briefs refer to: (file name, bytes).
    pub const ATTACHMENTS: [(&str, &[u8]); 5] = [
        (
            "Q3项目计划书V1.0.pdf",
            include_bytes!("../../../../examples/Q3项目计划书V1.0.pdf"),
        ),
        (
            "Q3用户调研需求清单.xlsx",
            include_bytes!("../../../../examples/Q3用户调研需求清单.xlsx"),
        ),
        (
            "支付异常日志.zip",
            include_bytes!("../../../../examples/支付异常日志.zip"),
        ),
        (
            "Q3成果报告.pdf",
            include_bytes!("../../../../examples/Q3成果报告.pdf"),
        ),
        (
            "复盘表.xlsx",
            include_bytes!("../../../../examples/复盘表.xlsx"),
        ),
    ];
}
