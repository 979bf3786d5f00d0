//! `liaison confirm ID [--item N] [--accept | --reject "reason"]`: draft the 成果确认 mail
//! (each delivered item, the standard it was checked against, the next step) and record
//! the result. A rejection reopens the item with the new deadline the reason names.

use crate::closing::{self, DraftFormat, Verdict};
use crate::output::tr;
use crate::settings::Settings;
use crate::views::find;
use clap::Args;
use liaison_model::ItemStatus;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `liaison confirm`.
#[derive(Debug, Args)]
pub struct ConfirmArgs {
    /// The collaboration id (a unique prefix is enough).
    pub id: String,
    /// The item (1-based, as `liaison show` numbers them); every delivered item if absent.
    #[arg(long)]
    pub item: Option<usize>,
    /// The delivery meets its standard: record the confirmation.
    #[arg(long, conflicts_with = "reject")]
    pub accept: bool,
    /// The delivery does not meet its standard: record why, and reopen the item with the
    /// new deadline this reason names (e.g. "缺少风险评估，请于10月15日18:00前补充").
    #[arg(long, value_name = "REASON")]
    pub reject: Option<String>,
    /// Output format of the drafted mail.
    #[arg(long, value_enum, default_value_t)]
    pub format: DraftFormat,
    /// Write the draft here instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

/// Runs `liaison confirm`.
pub fn run(s: &Settings, args: ConfirmArgs) -> anyhow::Result<ExitCode> {
    let now = s.now;
    let dir = s.require_directory()?.clone();
    let cfg = s.tracker()?;
    let mut store = s.open_store()?;
    let c = find(store.as_mut(), &args.id)?;
    let items: Vec<usize> = match args.item {
        Some(n) if n == 0 || n > c.items.len() => anyhow::bail!(
            "--item {n}: {} {} 1..{}",
            c.id,
            tr("的事项编号为", "has items numbered"),
            c.items.len()
        ),
        Some(n) => vec![n - 1],
        None => (0..c.items.len())
            .filter(|&i| {
                matches!(
                    c.items[i].status,
                    ItemStatus::Delivered | ItemStatus::Confirmed
                )
            })
            .collect(),
    };
    if items.is_empty() {
        anyhow::bail!(
            "{}: {}",
            c.id,
            tr(
                "还没有已交付的事项可确认；用 --item N 指定，或先用 liaison mark ID delivered 记录交付",
                "no delivered item to confirm; name one with --item N, or record the delivery with `liaison mark ID delivered`"
            )
        );
    }
    let verdict = match (&args.reject, args.accept) {
        (Some(reason), _) => {
            let found = liaison_time::scan(reason, &s.time);
            let Some(t) = found
                .iter()
                .filter(|e| e.kind == liaison_time::ExprKind::Deadline)
                .find_map(|e| e.value)
            else {
                anyhow::bail!(
                    "--reject {reason:?}: {}",
                    tr(
                        "理由中没有新的截止时间；请写明，例如“缺少风险评估，请于10月15日18:00前补充”",
                        "the reason names no new deadline; write one, e.g. \"the risk section is missing; please resubmit by Oct 15 18:00\""
                    )
                );
            };
            if t <= now {
                anyhow::bail!(
                    "--reject: {} {} {}",
                    t.to_rfc3339(),
                    tr("早于当前时间", "is before now"),
                    now.to_rfc3339()
                );
            }
            Verdict::Reject(reason.trim().to_string(), t)
        }
        (None, true) => Verdict::Accept,
        (None, false) => Verdict::Draft,
    };
    let (k, _) = closing::closing_of(store.as_mut(), &c, now)?;
    let brief = closing::confirm_brief(&c, &k, &items, &verdict, &dir, now);
    let mail = closing::compose(
        &brief,
        &dir,
        &s.templates()?,
        now,
        &s.config.identity.domain,
        &[],
    )?;
    let events = liaison_closure::closing::confirm_events(&items, &verdict, now);
    closing::record(store.as_mut(), &cfg, &c.id, &events)?;
    let after = find(store.as_mut(), &c.id)?;
    let result = match &verdict {
        Verdict::Draft => "draft",
        Verdict::Accept => "accepted",
        Verdict::Reject(..) => "rejected",
    };
    let extra = serde_json::json!({
        "collaboration": c.id,
        "items": items.iter().map(|i| i + 1).collect::<Vec<_>>(),
        "result": result,
        "new_deadline": match &verdict { Verdict::Reject(_, t) => Some(t.to_rfc3339()), _ => None },
        "state": after.state.id(),
    });
    closing::emit_draft(&mail, args.format, args.out.as_deref(), extra)?;
    if !events.is_empty() {
        eprintln!(
            "{} {}: {} ({})",
            tr("已记录", "recorded"),
            c.id,
            match verdict {
                Verdict::Accept => tr("确认通过", "accepted"),
                _ => tr(
                    "确认不通过，事项已重新打开",
                    "rejected; the item is open again"
                ),
            },
            crate::views::state_label(after.state.id())
        );
    }
    Ok(ExitCode::SUCCESS)
}
