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

use crate::cli::GlobalArgs;
use crate::commands::store_open::open_store;
use crate::output::{DataFormat, tr};
use anyhow::Context;
use clap::Args;
use liaison_engine::TrackerConfig;
use liaison_mail::Message;
use liaison_mail::mailbox::{Format, Mailbox, RawMail};
use liaison_store::{PutRaw, Store};
use serde::Serialize;
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
    #[arg(long, default_value_t = 500, hide = true)]
    pub batch: usize,
    /// Store raw messages only; leave them pending for the tracker (a later `ingest`
    /// applies them).
    #[arg(long)]
    pub no_track: bool,
}

/// A message that was kept aside.
#[derive(Debug, Clone, Serialize)]
pub struct Malformed {
    /// Where it came from.
    pub source: String,
    /// Why.
    pub reason: String,
}

/// What an ingest did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Summary {
    /// Messages read from the inputs.
    pub read: u64,
    /// Messages stored for the first time.
    pub imported: u64,
    /// Messages already stored or already quarantined (same bytes).
    pub duplicates: u64,
    /// Messages kept aside in the quarantine.
    pub malformed: u64,
    /// Ledger entries the tracker applied in this run (including ones left by an earlier,
    /// interrupted run).
    pub tracked: u64,
    /// Ledger entries still waiting for the tracker.
    pub pending: u64,
    /// The malformed messages, with reasons.
    pub quarantined: Vec<Malformed>,
    /// Files or folders that could not be read.
    pub errors: Vec<String>,
    /// Files looked at and deliberately not read, with the reason (hidden files, FIFOs,
    /// garbage before an mbox's first `From ` line, Maildir deliveries in progress).
    pub skipped: Vec<String>,
}

/// Why a message is malformed, if it is: nothing a tracker could use was readable.
pub fn malformed_reason(raw: &[u8], m: &Message) -> Option<String> {
    if raw.iter().all(|b| b.is_ascii_whitespace()) {
        return Some(tr("空消息", "empty message").into());
    }
    if m.from.is_none() && m.message_id.is_none() && m.date.is_none() && m.subject.is_empty() {
        let why = m.problems.first().cloned().unwrap_or_else(|| {
            tr(
                "没有可读的 From、Date、Subject 或 Message-ID 头",
                "no readable From, Date, Subject or Message-ID header",
            )
            .into()
        });
        return Some(why);
    }
    None
}

/// The test hook for the crash test: `LIAISON_TEST_CRASH_AFTER=N` aborts the process
/// right after the batch holding the N-th stored message is committed, before the tracker
/// runs on it — the worst moment for a crash.
fn crash_after() -> Option<u64> {
    std::env::var("LIAISON_TEST_CRASH_AFTER")
        .ok()
        .and_then(|v| v.parse().ok())
}

/// Runs `liaison ingest`.
pub fn run(g: &GlobalArgs, args: IngestArgs) -> anyhow::Result<ExitCode> {
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
        .with_context(|| tr("无法读取邮件来源", "cannot read the mail source"))?;
        boxes.push(mb);
    }
    let tracker = tracker_config(g)?;
    let mut store = open_store(g)?;
    let mut summary = Summary::default();
    let crash = crash_after();

    // Finish what an interrupted run left pending before adding more.
    if !args.no_track {
        summary.tracked += track_pending(&mut *store, &tracker)?;
    }

    let batch_size = args.batch.max(1);
    for mb in boxes {
        let progress = Progress::new(&mb);
        let mut batch: Vec<(RawMail, Option<String>)> = Vec::with_capacity(batch_size);
        let mut mb = mb.peekable();
        while let Some(item) = mb.next() {
            match item {
                Err(e) => {
                    let text = e.render(crate::output::lang() == crate::output::Lang::En);
                    if e.is_note() {
                        // Left alone on purpose (a hidden file, a FIFO, mbox garbage):
                        // reported, but not a failure.
                        eprintln!("{}: {text}", tr("注意", "note"));
                        summary.skipped.push(text);
                    } else {
                        eprintln!("{}: {text}", crate::output::error_label());
                        summary.errors.push(text);
                    }
                }
                Ok(raw) => {
                    summary.read += 1;
                    progress.set(raw.position);
                    let msg = Message::parse(&raw.bytes);
                    if let Some(reason) = malformed_reason(&raw.bytes, &msg) {
                        // The same bytes kept aside by an earlier run count as a duplicate
                        // (no `continue`: the batch below must still be flushed at the end).
                        if store.quarantine(&raw.bytes, &raw.source, &reason)? {
                            eprintln!(
                                "{}: {}: {reason} ({})",
                                tr("已隔离", "quarantined"),
                                raw.source,
                                tr(
                                    "原文已保存在隔离区（liaison quarantine 查看），其余邮件照常导入",
                                    "kept aside, see `liaison quarantine`; the other messages are imported"
                                )
                            );
                            summary.malformed += 1;
                            summary.quarantined.push(Malformed {
                                source: raw.source,
                                reason,
                            });
                        } else {
                            summary.duplicates += 1;
                        }
                    } else {
                        batch.push((raw, msg.message_id));
                    }
                }
            }
            if batch.len() >= batch_size || (mb.peek().is_none() && !batch.is_empty()) {
                let before = summary.imported;
                store_batch(&mut *store, &mut batch, &mut summary)?;
                progress.report(summary.read, summary.imported);
                if let Some(n) = crash
                    && before < n
                    && summary.imported >= n
                {
                    eprintln!(
                        "LIAISON_TEST_CRASH_AFTER={n}: aborting after {} stored",
                        summary.imported
                    );
                    std::process::abort();
                }
                if !args.no_track {
                    summary.tracked += track_pending(&mut *store, &tracker)?;
                }
            }
        }
        progress.finish();
    }
    summary.pending = store.stats()?.pending;
    print_summary(&summary, args.format)?;
    Ok(if summary.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn store_batch(
    store: &mut dyn Store,
    batch: &mut Vec<(RawMail, Option<String>)>,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    let refs: Vec<(&[u8], &str, Option<&str>)> = batch
        .iter()
        .map(|(r, mid)| (r.bytes.as_slice(), r.source.as_str(), mid.as_deref()))
        .collect();
    for put in store.put_raw_batch(&refs)? {
        match put {
            PutRaw::New { .. } => summary.imported += 1,
            PutRaw::Duplicate { .. } => summary.duplicates += 1,
        }
    }
    batch.clear();
    Ok(())
}

/// The tracker's configuration from the config file and flags: our addresses
/// (`[identity] addresses` plus `--me`), the directory (`--directory` / `[directory]`), the
/// `[time]` context. Shared by `ingest`, `rebuild` and the commands that track marks.
pub fn tracker_config(g: &GlobalArgs) -> anyhow::Result<TrackerConfig> {
    let cfg = super::lint::load_config(g)?;
    let directory = super::lint::load_directory(g, &cfg)?.unwrap_or_default();
    let time = super::lint::time_context(g, &cfg)?;
    // The tracker reads subject tags as the linter does, so `[lint.kinds]` aliases count.
    let kinds = cfg
        .lint
        .resolve()
        .map_err(|e| anyhow::anyhow!("{}: {e}", crate::config::shown_source(&cfg)))?
        .kinds;
    // `--me` is already folded into the addresses by the config loader.
    Ok(TrackerConfig {
        me: cfg.identity.addresses.clone(),
        kinds,
        directory,
        time,
    })
}

/// Applies every pending ledger entry through liaison-engine's tracker
/// ([`liaison_engine::track_input`]), in ledger order, under the tracker lock; returns how
/// many this process applied (an entry another process applied first is skipped).
/// `liaison rebuild` replays with the same function.
pub fn track_pending(store: &mut dyn Store, cfg: &TrackerConfig) -> anyhow::Result<u64> {
    let mut applied = 0;
    store.lock_tracker()?;
    let result = (|| -> anyhow::Result<()> {
        loop {
            let pending = store.pending(256)?;
            if pending.is_empty() {
                return Ok(());
            }
            // One transaction per page of inputs (each input still all-or-nothing): a
            // commit per message made PostgreSQL ingest ~7x slower than SQLite.
            store.begin_batch()?;
            let page = (|| -> anyhow::Result<u64> {
                let mut n = 0;
                for input in &pending {
                    let changes = liaison_engine::track_input(store, input, cfg)?;
                    if store.apply(&changes)? {
                        n += 1;
                    }
                }
                Ok(n)
            })();
            match page {
                Ok(n) => {
                    store.end_batch(true)?;
                    applied += n;
                }
                Err(e) => {
                    // Roll back the page (its inputs stay pending); the first error is
                    // the one worth reporting.
                    let _ = store.end_batch(false);
                    return Err(e);
                }
            }
        }
    })();
    store.unlock_tracker()?;
    result?;
    Ok(applied)
}

fn print_summary(s: &Summary, format: DataFormat) -> anyhow::Result<()> {
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
/// 10,000 messages (and after each stored batch when `LIAISON_PROGRESS_LINES` is set).
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    lines: bool,
    last: std::cell::Cell<u64>,
}

impl Progress {
    fn new(mb: &Mailbox) -> Progress {
        let total = mb.progress_total();
        let large = if mb.progress_in_bytes() {
            total > 4 << 20
        } else {
            total > 500
        };
        let bar = (large && std::io::stderr().is_terminal()).then(|| {
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
        Progress {
            bar,
            lines: std::env::var_os("LIAISON_PROGRESS_LINES").is_some(),
            last: std::cell::Cell::new(0),
        }
    }

    fn set(&self, pos: u64) {
        if let Some(b) = &self.bar {
            b.set_position(pos);
        }
    }

    fn report(&self, read: u64, imported: u64) {
        if let Some(b) = &self.bar {
            b.set_message(format!("{imported} {}", tr("封", "messages")));
        } else if self.lines || read / 10_000 > self.last.get() / 10_000 {
            eprintln!("ingest: read {read}, imported {imported}");
        }
        self.last.set(read);
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
