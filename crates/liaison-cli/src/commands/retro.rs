//! `liaison retro ID`: draft the 复盘 mail from the timeline (planned vs actual per item,
//! days late, nudges and escalations with their causes quoted, what went well) with the
//! 成果确认与复盘表 attached (改进措施 left for people to fill in), and record the 复盘.

use crate::closing::{self, DraftFormat};
use crate::output::tr;
use crate::settings::Settings;
use crate::views::find;
use clap::Args;
use liaison_closure::forms::{self, FormKind};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `liaison retro`.
#[derive(Debug, Args)]
pub struct RetroArgs {
    /// The collaboration id (a unique prefix is enough).
    pub id: String,
    /// Output format of the drafted mail.
    #[arg(long, value_enum, default_value_t)]
    pub format: DraftFormat,
    /// Write the draft here instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Only draft: do not record the 复盘.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `liaison retro`.
pub fn run(s: &Settings, args: RetroArgs) -> anyhow::Result<ExitCode> {
    let now = s.now;
    let dir = s.require_directory()?.clone();
    let cfg = s.tracker()?;
    let mut store = s.open_store()?;
    let c = find(store.as_mut(), &args.id)?;
    let (k, _) = closing::closing_of(store.as_mut(), &c, now)?;
    let table = closing::form_table(FormKind::Retro, &c, &k, &dir);
    let xlsx = forms::to_xlsx(&table)?;
    // A plain draft names its attachment: write it beside the draft so the draft is whole.
    if let Some(out) = &args.out
        && args.format == DraftFormat::Md
    {
        let dir = out.parent().filter(|d| !d.as_os_str().is_empty());
        let p = dir
            .map(|d| d.join(format!("{}.xlsx", table.title)))
            .unwrap_or_else(|| PathBuf::from(format!("{}.xlsx", table.title)));
        std::fs::write(&p, &xlsx).map_err(|e| {
            anyhow::anyhow!("{}: {}", p.display(), crate::output::lang().io_error(&e))
        })?;
    }
    let brief = closing::retro_brief(&c, &k, &dir, now);
    let mail = closing::compose(
        &brief,
        &dir,
        &s.templates()?,
        now,
        &s.config.identity.domain,
        std::slice::from_ref(&xlsx),
    )?;
    if !args.dry_run {
        let e = liaison_engine::Mark::Retro.event(now, None);
        closing::record(store.as_mut(), &cfg, &c.id, &[e])?;
        eprintln!(
            "{} {}: {}",
            tr("已记录", "recorded"),
            c.id,
            tr("复盘", "retro")
        );
    }
    let extra = serde_json::json!({
        "collaboration": c.id,
        "retro": k,
    });
    closing::emit_draft(&mail, args.format, args.out.as_deref(), extra)?;
    Ok(ExitCode::SUCCESS)
}
