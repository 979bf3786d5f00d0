//! `liaison ingest PATH... [--maildir DIR]... [--mbox FILE]...`: import mail into the store.
//!
//! Each message is stored raw (immutable, keyed by SHA-256) together with a ledger entry,
//! in batches of one transaction each; then the tracker (liaison-engine) turns every
//! pending ledger entry into collaboration updates, one transaction per message. A crash
//! anywhere leaves each message either stored-and-pending or fully applied, and the next
//! run (of `ingest`, even with nothing new) finishes the pending ones: nothing is lost,
//! nothing is doubled. Re-ingesting anything is a no-op.
//!
//! A message with no usable header is kept aside in the quarantine with the reason and
//! reported on stderr; the rest are still imported.

use crate::output::{DataFormat, tr};
use crate::settings::Settings;
use clap::Args;
use liaison_engine::pipeline::{IngestOptions, IngestSummary, Malformed, Notice, Observer};
use liaison_mail::mailbox::{Format, Mailbox};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `liaison ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// `.eml` files, folders of them (recursive), Maildirs or mbox files (detected).
    pub paths: Vec<PathBuf>,
    /// A Maildir (cur/ and new/, and Maildir++ subfolders).
    #[arg(long, value_name = "DIR")]
    pub maildir: Vec<PathBuf>,
    /// An mbox file.
    #[arg(long, value_name = "FILE")]
    pub mbox: Vec<PathBuf>,
    /// Output format of the summary.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
    /// Messages per transaction when storing.
    #[arg(long, default_value_t = liaison_engine::pipeline::DEFAULT_BATCH, hide = true)]
    pub batch: usize,
    /// Store raw messages only; leave them pending for the tracker (a later `ingest`
    /// applies them).
    #[arg(long)]
    pub no_track: bool,
    /// The most tracked messages the tracker keeps in memory (about 1.5 KB each); past it
    /// it asks the store a page at a time, so memory stays the same for any mailbox.
    #[arg(long, value_name = "N", default_value_t = liaison_engine::pipeline::MAX_MEMORY_ROWS)]
    pub memory_rows: usize,
}

/// The test hook for the crash test: `LIAISON_TEST_CRASH_AFTER=N` aborts the process
/// right after the batch holding the N-th stored message is committed.
fn crash_after() -> Option<u64> {
    std::env::var("LIAISON_TEST_CRASH_AFTER")
        .ok()
        .and_then(|v| v.parse().ok())
}

/// Runs `liaison ingest`.
pub fn run(s: &Settings, args: IngestArgs) -> anyhow::Result<ExitCode> {
    let mut sources: Vec<(PathBuf, Option<Format>)> = Vec::new();
    sources.extend(args.paths.iter().map(|p| (p.clone(), None)));
    sources.extend(
        args.maildir
            .iter()
            .map(|p| (p.clone(), Some(Format::Maildir))),
    );
    sources.extend(args.mbox.iter().map(|p| (p.clone(), Some(Format::Mbox))));
    // Open every source first: a wrong path fails before anything is written.
    let mut boxes = Vec::new();
    for (path, format) in &sources {
        let mb = match format {
            Some(f) => Mailbox::open(path, *f),
            None => Mailbox::open_detect(path),
        }
        .map_err(|e| {
            anyhow::anyhow!(
                "{}: {}",
                tr("无法读取邮件来源", "cannot read the mail source"),
                e.render(crate::output::lang() == crate::output::Lang::En)
            )
        })?;
        boxes.push(mb);
    }
    let tracker = s.tracker()?;
    let mut store = s.open_store()?;
    let opts = IngestOptions {
        batch: args.batch.max(1),
        track: !args.no_track,
        lang: crate::output::lang(),
        crash_after: crash_after(),
        memory_rows: args.memory_rows,
    };
    let mut progress = Progress::default();
    let summary = liaison_engine::ingest(&mut *store, &tracker, boxes, &opts, &mut progress)?;
    print_summary(&summary, args.format)?;
    Ok(if summary.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn print_summary(s: &IngestSummary, format: DataFormat) -> anyhow::Result<()> {
    match format {
        DataFormat::Json => {
            println!("{}", serde_json::to_string_pretty(s)?);
        }
        DataFormat::Text => {
            println!(
                "{}",
                match crate::output::lang() {
                    crate::output::Lang::Zh => format!(
                        "读取 {} 封：新导入 {}，重复 {}，格式错误（已隔离）{}；跟踪处理 {}，待处理 {}",
                        s.read, s.imported, s.duplicates, s.malformed, s.tracked, s.pending
                    ),
                    crate::output::Lang::En => format!(
                        "read {}: imported {}, duplicates {}, malformed (quarantined) {}; tracked {}, pending {}",
                        s.read, s.imported, s.duplicates, s.malformed, s.tracked, s.pending
                    ),
                }
            );
        }
    }
    Ok(())
}

/// Progress on stderr: a bar on a terminal for large imports, else a plain line every
/// 10,000 messages (and after each stored batch when `LIAISON_PROGRESS_LINES` is set); and
/// the quarantine and unreadable-file notices.
#[derive(Default)]
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    lines: bool,
    last: u64,
}

impl Observer for Progress {
    fn source_started(&mut self, mb: &Mailbox) {
        let total = mb.progress_total();
        let large = if mb.progress_in_bytes() {
            total > 4 << 20
        } else {
            total > 500
        };
        self.bar = (large && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(total),
                indicatif::ProgressDrawTarget::stderr(),
            );
            let tmpl = if mb.progress_in_bytes() {
                "{spinner} [{bar:40}] {bytes}/{total_bytes} {msg} ({eta})"
            } else {
                "{spinner} [{bar:40}] {pos}/{len} {msg} ({eta})"
            };
            if let Ok(style) = indicatif::ProgressStyle::with_template(tmpl) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        self.lines = std::env::var_os("LIAISON_PROGRESS_LINES").is_some();
    }

    fn position(&mut self, pos: u64) {
        if let Some(b) = &self.bar {
            b.set_position(pos);
        }
    }

    fn stored(&mut self, read: u64, imported: u64) {
        if let Some(b) = &self.bar {
            b.set_message(format!("{imported} {}", tr("封", "messages")));
        } else if self.lines || read / 10_000 > self.last / 10_000 {
            eprintln!(
                "{}",
                match crate::output::lang() {
                    crate::output::Lang::Zh =>
                        format!("导入进度：已读取 {read} 封，新导入 {imported} 封"),
                    crate::output::Lang::En => format!("ingest: read {read}, imported {imported}"),
                }
            );
        }
        self.last = read;
    }

    fn quarantined(&mut self, m: &Malformed) {
        eprintln!(
            "{}: {}: {} ({})",
            tr("已隔离", "quarantined"),
            m.source,
            m.reason,
            tr(
                "原文已保存在隔离区（liaison quarantine 查看），其余邮件照常导入",
                "kept aside, see `liaison quarantine`; the other messages are imported"
            )
        );
    }

    fn unreadable(&mut self, _e: &liaison_mail::mailbox::MailboxError, text: &str) {
        eprintln!("{}: {text}", crate::output::error_label());
    }

    fn skipped(&mut self, text: &str) {
        eprintln!("{}: {text}", tr("注意", "note"));
    }

    fn notice(&mut self, n: Notice) {
        let text = match n {
            Notice::NoIdentity => tr(
                "注意：没有设置我方地址（liaison.toml 的 [identity] addresses，或 --me）：无法识别我方发出的邮件，不会建立协作。设置后运行 liaison rebuild --apply",
                "note: no address counts as ours ([identity] addresses in liaison.toml, or --me): outgoing mail cannot be recognised and no collaboration starts. Set it, then run liaison rebuild --apply",
            ),
            Notice::ConfigChanged => tr(
                "注意：自上次完整计算以来，我方地址、通讯录、协作类型或日历有变化；已导入的邮件仍按旧配置处理。liaison rebuild 查看差异，liaison rebuild --apply 按新配置重算",
                "note: our addresses, the directory, the kinds or the calendar changed since the store was last computed; mail already imported was read with the old ones. liaison rebuild shows the differences, liaison rebuild --apply recomputes",
            ),
        };
        eprintln!("{text}");
    }

    fn source_finished(&mut self) {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
    }
}
