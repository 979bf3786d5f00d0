//! Shared by the commands that close a collaboration (`confirm`, `retro`, `archive`,
//! `form`, `ics`, `report`) and by `demo`: the library's closing
//! ([`liaison_closure::closing`], shared with `liaison serve`) in the CLI's language, and
//! the output of a draft.

use crate::output;
use anyhow::Context as _;
use chrono::{DateTime, FixedOffset};
use liaison_closure::closing as lib;
use liaison_closure::forms::{self, FormKind};
use liaison_closure::timeline::Closing;
use liaison_model::brief::Brief;
use liaison_model::{Collaboration, Directory};
use liaison_store::Store;
use std::path::{Path, PathBuf};

pub use liaison_closure::closing::{Verdict, department};

/// The timeline of `c` read for closing, as of `now`.
pub fn closing_of(
    store: &mut dyn Store,
    c: &Collaboration,
    now: DateTime<FixedOffset>,
) -> anyhow::Result<(Closing, Vec<Vec<u8>>)> {
    Ok(lib::closing_of(store, c, now, output::lang())?)
}

/// One form of `c` as a table.
pub fn form_table(kind: FormKind, c: &Collaboration, k: &Closing, dir: &Directory) -> forms::Table {
    lib::form_table(kind, c, k, dir, output::lang())
}

/// Records `events` for `c` in the input ledger and applies them.
pub fn record(
    store: &mut dyn Store,
    cfg: &liaison_engine::TrackerConfig,
    id: &str,
    events: &[liaison_model::Event],
) -> anyhow::Result<()> {
    Ok(lib::record(store, cfg, id, events)?)
}

/// Writes the archive of `collabs` (one project) under `root` and records the archive.
/// Returns the folder and its manifest.
pub fn archive(
    store: &mut dyn Store,
    cfg: &liaison_engine::TrackerConfig,
    collabs: &[Collaboration],
    root: &Path,
    dir: &Directory,
    now: DateTime<FixedOffset>,
) -> anyhow::Result<(PathBuf, liaison_closure::archive::Manifest)> {
    // The error stays typed: `errors::describe` renders it, with its hint, in the run's
    // language.
    Ok(lib::archive(
        store,
        cfg,
        collabs,
        root,
        dir,
        now,
        output::lang(),
    )?)
}

/// How a drafted mail is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum DraftFormat {
    /// A plain draft (header lines, a blank line, the body): what `liaison lint` reads.
    #[default]
    Md,
    /// RFC 5322 message (.eml).
    Eml,
    /// The composed parts and the recorded result as JSON.
    Json,
}

/// Writes a composed mail to `out` (or stdout) in `format`, with `extra` JSON fields.
pub fn emit_draft(
    mail: &liaison_compose::ComposedMail,
    format: DraftFormat,
    out: Option<&Path>,
    extra: serde_json::Value,
) -> anyhow::Result<()> {
    let bytes = match format {
        DraftFormat::Md => mail.draft(crate::briefs::mail_lang()).into_bytes(),
        DraftFormat::Eml => mail.eml.clone(),
        DraftFormat::Json => {
            let mut v = serde_json::to_value(mail)?;
            if let (Some(o), serde_json::Value::Object(e)) = (v.as_object_mut(), extra) {
                o.extend(e);
            }
            let mut s = serde_json::to_string_pretty(&v)?;
            s.push('\n');
            s.into_bytes()
        }
    };
    match out {
        Some(p) => std::fs::write(p, bytes).with_context(|| p.display().to_string())?,
        None => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes)?;
        }
    }
    Ok(())
}

/// The 成果确认 brief of `items` (0-based) of `c`.
pub fn confirm_brief(
    c: &Collaboration,
    k: &Closing,
    items: &[usize],
    verdict: &Verdict,
    dir: &Directory,
    now: DateTime<FixedOffset>,
) -> Brief {
    lib::confirm_brief(c, k, items, verdict, dir, now, output::lang())
}

/// The 复盘 brief of `c`, with the 成果确认与复盘表 as its attachment.
pub fn retro_brief(
    c: &Collaboration,
    k: &Closing,
    dir: &Directory,
    now: DateTime<FixedOffset>,
) -> Brief {
    lib::retro_brief(c, k, dir, now, output::lang())
}

/// Composes a brief into a mail.
pub fn compose(
    brief: &Brief,
    dir: &Directory,
    templates: &liaison_compose::Templates,
    now: DateTime<FixedOffset>,
    domain: &str,
    attachments: &[Vec<u8>],
) -> anyhow::Result<liaison_compose::ComposedMail> {
    Ok(liaison_compose::compose(
        brief,
        dir,
        templates,
        crate::briefs::mail_lang(),
        now,
        domain,
        attachments,
    )?)
}
