//! `liaison archive ID|--project NAME [--to DIR]`: write the folder
//! `跨部门协作-<project>/` (every mail as .eml, attachments once, the forms, index.html,
//! manifest.json) and mark the collaboration archived. `liaison archive --verify DIR`
//! checks a folder against its manifest (exit 1 naming each mismatch).

use crate::closing;
use crate::config;
use crate::output::{DataFormat, tr};
use crate::settings::Settings;
use crate::views::find;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `liaison archive`.
#[derive(Debug, Args)]
pub struct ArchiveArgs {
    /// The collaboration id (a unique prefix is enough).
    #[arg(required_unless_present_any = ["project", "verify"], conflicts_with_all = ["project", "verify"])]
    pub id: Option<String>,
    /// Archive every collaboration of this project (项目/主题) into one folder.
    #[arg(long, conflicts_with = "verify")]
    pub project: Option<String>,
    /// The folder the archive folder goes into (default: [archive] root, else the
    /// working directory).
    #[arg(long, value_name = "DIR")]
    pub to: Option<PathBuf>,
    /// Verify an archive folder against its manifest.json instead.
    #[arg(long, value_name = "DIR")]
    pub verify: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

/// Runs `liaison archive`.
pub fn run(s: &Settings, args: ArchiveArgs) -> anyhow::Result<ExitCode> {
    if let Some(dir) = &args.verify {
        return verify(dir, args.format);
    }
    let dir = s.directory()?.cloned().unwrap_or_default();
    let cfg = s.tracker()?;
    let mut store = s.open_store()?;
    let mut collabs = match (&args.id, &args.project) {
        (Some(id), _) => vec![find(store.as_mut(), id)?],
        (None, Some(p)) => {
            let v: Vec<_> = store
                .collaborations()?
                .into_iter()
                .filter(|c| c.project == *p)
                .collect();
            if v.is_empty() {
                anyhow::bail!(
                    "--project {p:?}: {}",
                    tr(
                        "没有这个项目的协作；liaison list 列出所有项目",
                        "no collaboration of this project; liaison list shows them"
                    )
                );
            }
            v
        }
        (None, None) => unreachable!("clap requires an id, --project or --verify"),
    };
    collabs.sort_by(|a, b| a.started.cmp(&b.started).then(a.id.cmp(&b.id)));
    let root = match (&args.to, &s.config.archive.root) {
        (Some(d), _) => d.clone(),
        (None, Some(r)) => config::relative(&s.config, r),
        (None, None) => PathBuf::from("."),
    };
    let (dest, manifest) = closing::archive(store.as_mut(), &cfg, &collabs, &root, &dir, s.now)?;
    match args.format {
        DataFormat::Json => {
            let v = serde_json::json!({
                "folder": dest,
                "index": dest.join("index.html"),
                "manifest": manifest,
            });
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
        DataFormat::Text => {
            println!(
                "{}",
                match crate::output::lang() {
                    crate::output::Lang::Zh => format!(
                        "已归档到 {}（{} 个文件）",
                        dest.display(),
                        manifest.files.len()
                    ),
                    crate::output::Lang::En => format!(
                        "archived to {} ({} files)",
                        dest.display(),
                        manifest.files.len()
                    ),
                }
            );
            println!(
                "{} {}",
                tr("打开", "open"),
                dest.join("index.html").display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn verify(dir: &std::path::Path, format: DataFormat) -> anyhow::Result<ExitCode> {
    let (m, bad) = liaison_closure::archive::verify(dir)?;
    match format {
        DataFormat::Json => {
            let v = serde_json::json!({
                "folder": dir,
                "collaboration": m.collaboration,
                "files": m.files.len(),
                "ok": bad.is_empty(),
                "mismatches": bad,
            });
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
        DataFormat::Text => {
            for b in &bad {
                let what = match b.problem {
                    "missing" => tr("缺失", "missing"),
                    "changed" => tr(
                        "内容已改变（SHA-256 或大小不符）",
                        "changed (SHA-256 or size differ)",
                    ),
                    "unlisted" => tr("不在 manifest.json 中", "not in manifest.json"),
                    _ => tr("路径越出归档目录", "path outside the archive"),
                };
                println!("{}: {what}", b.path);
            }
            if bad.is_empty() {
                println!(
                    "{} {} {}",
                    dir.display(),
                    m.files.len(),
                    tr("个文件全部一致", "files all match")
                );
            }
        }
    }
    Ok(if bad.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
