//! `liaison fetch`: read the new mail of the IMAP inbox and Sent folder (`[imap]`) into the
//! store, through the same ingest pipeline as `liaison ingest`.
//!
//! Each folder's UIDVALIDITY and last UID are remembered, so each message is read once; a
//! changed UIDVALIDITY makes the folder be read again, and nothing doubles. Nothing is
//! marked read on the server. Exit 0 on success, 1 when the server failed (the error
//! names it), 2 when nothing could run (configuration).

use crate::output::{self, DataFormat, Lang, tr};
use crate::settings::Settings;
use clap::Args;
use liaison_engine::fetch::{self, FetchError};
use liaison_engine::pipeline::{Malformed, Notice, Observer};
use std::process::ExitCode;

/// Arguments of `liaison fetch`.
#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Output format of the summary.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
    /// Messages per IMAP FETCH and ingest batch.
    #[arg(long, default_value_t = 200, hide = true)]
    pub batch: usize,
    /// Log lines on stderr (-v each folder read, -vv debug; default errors only, or LIAISON_LOG).
    #[arg(short, long, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

/// Tells the user about quarantined messages and notices, each notice once.
#[derive(Default)]
struct Notes {
    told: Vec<Notice>,
}

impl Observer for Notes {
    fn quarantined(&mut self, m: &Malformed) {
        eprintln!(
            "{}: {}: {} ({})",
            tr("已隔离", "quarantined"),
            m.source,
            m.reason,
            tr("liaison quarantine 查看", "see `liaison quarantine`")
        );
    }

    fn notice(&mut self, n: Notice) {
        if self.told.contains(&n) {
            return;
        }
        self.told.push(n);
        eprintln!(
            "{}",
            match n {
                Notice::NoIdentity => tr(
                    "注意：没有设置我方地址（[identity] addresses 或 --me）：无法识别我方发出的邮件，不会建立协作",
                    "note: no address counts as ours ([identity] addresses, or --me): outgoing mail cannot be recognised and no collaboration starts",
                ),
                Notice::ConfigChanged => tr(
                    "注意：配置自上次完整计算以来有变化；liaison rebuild --apply 按新配置重算",
                    "note: the configuration changed since the store was last computed; liaison rebuild --apply recomputes",
                ),
            }
        );
    }
}

/// Runs `liaison fetch`.
pub fn run(s: &Settings, args: FetchArgs) -> anyhow::Result<ExitCode> {
    crate::logging::init(crate::logging::QUIET, args.verbose);
    let Some(mut imap) = s.imap()? else {
        anyhow::bail!(
            "{}",
            tr(
                "没有 [imap] 配置：在 liaison.toml 中写 [imap] host、security、username、password_env（README 的“发送与收取”一节有完整示例）",
                "no [imap] section: set host, security, username and password_env under [imap] in liaison.toml (the README's \"Sending and fetching\" has a complete example)"
            )
        );
    };
    let tracker = s.tracker()?;
    let mut store = s.open_store()?;
    let mut notes = Notes::default();
    let r = fetch::fetch(
        &mut *store,
        &tracker,
        &mut imap,
        &liaison_engine::fetch::FetchOptions {
            chunk: args.batch.max(1),
            ..s.fetch_options()
        },
        &mut notes,
    );
    imap.logout();
    let summary = match r {
        Ok(sm) => sm,
        Err(FetchError::Imap(e)) => {
            eprintln!(
                "{}: {}: {e}",
                output::error_label(),
                tr("收取失败", "fetch failed")
            );
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.into()),
    };
    match args.format {
        DataFormat::Json => println!("{}", serde_json::to_string_pretty(&summary)?),
        DataFormat::Text => {
            for f in &summary.folders {
                let reset = if f.reset {
                    tr(
                        "（UIDVALIDITY 已变，整个文件夹重新读取）",
                        " (UIDVALIDITY changed: the folder was read again)",
                    )
                } else {
                    ""
                };
                println!(
                    "{}",
                    match output::lang() {
                        Lang::Zh => format!("{}：新读取 {} 封{reset}", f.folder, f.fetched),
                        Lang::En => format!("{}: read {} new{reset}", f.folder, f.fetched),
                    }
                );
            }
            let i = &summary.ingest;
            println!(
                "{}",
                match output::lang() {
                    Lang::Zh => format!(
                        "新导入 {}，重复 {}，格式错误（已隔离）{}；跟踪处理 {}，待处理 {}",
                        i.imported, i.duplicates, i.malformed, i.tracked, i.pending
                    ),
                    Lang::En => format!(
                        "imported {}, duplicates {}, malformed (quarantined) {}; tracked {}, pending {}",
                        i.imported, i.duplicates, i.malformed, i.tracked, i.pending
                    ),
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
