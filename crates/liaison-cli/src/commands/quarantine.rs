//! `liaison quarantine`: the messages `liaison ingest` kept aside because nothing a tracker
//! could use was readable in them, with the reason, and `--export DIR` to get their bytes
//! back for a look in a mail client or an editor.

use crate::output::{DataFormat, tr};
use crate::settings::Settings;
use anyhow::Context as _;
use clap::Args;
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `liaison quarantine`.
#[derive(Debug, Args)]
pub struct QuarantineArgs {
    /// Write each message's bytes, exactly as read, to DIR/<sha256>.eml.
    #[arg(long, value_name = "DIR")]
    pub export: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

/// One quarantined message as printed.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// SHA-256 (hex) of the bytes.
    pub sha256: String,
    /// Where it was read from (file, or mbox#n).
    pub source: String,
    /// Why it was kept aside.
    pub reason: String,
    /// Its size in bytes.
    pub bytes: usize,
    /// When it was first quarantined (RFC 3339, UTC).
    pub at: String,
    /// Where `--export` wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exported: Option<String>,
}

/// Runs `liaison quarantine`.
pub fn run(s: &Settings, args: QuarantineArgs) -> anyhow::Result<ExitCode> {
    let mut store = s.open_store()?;
    let list = store.quarantined()?;
    if let Some(dir) = &args.export {
        std::fs::create_dir_all(dir).with_context(|| {
            format!(
                "{}: {}",
                dir.display(),
                tr("无法创建导出目录", "cannot create the export folder")
            )
        })?;
    }
    let mut out = Vec::with_capacity(list.len());
    for q in list {
        // The file name comes from the hash only: a source path never decides where we write.
        let exported = match &args.export {
            Some(dir) => {
                let path = dir.join(format!("{}.eml", q.sha256));
                std::fs::write(&path, &q.bytes).with_context(|| {
                    format!("{}: {}", path.display(), tr("写入失败", "write failed"))
                })?;
                Some(path.display().to_string())
            }
            None => None,
        };
        out.push(Entry {
            bytes: q.bytes.len(),
            sha256: q.sha256,
            source: q.source,
            reason: q.reason,
            at: q.at.to_rfc3339(),
            exported,
        });
    }
    match args.format {
        DataFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "quarantined": out }))?
        ),
        DataFormat::Text => {
            if out.is_empty() {
                println!("{}", tr("隔离区为空", "the quarantine is empty"));
            }
            for e in &out {
                println!(
                    "{}  {}  {} ({} {})",
                    &e.sha256[..12],
                    e.at,
                    e.source,
                    e.bytes,
                    tr("字节", "bytes")
                );
                println!("    {}", e.reason);
                if let Some(p) = &e.exported {
                    println!("    → {p}");
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
