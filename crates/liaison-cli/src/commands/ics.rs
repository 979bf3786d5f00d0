//! `liaison ics [ID|--all] [-o FILE]`: one VCALENDAR with every open item's deadline
//! (VEVENT with a VALARM) and every due follow-up (VTODO), Asia/Shanghai, stable UIDs.

use crate::settings::Settings;
use crate::views::{action_label, find};
use clap::Args;
use liaison_closure::ics::{self, Entry};
use liaison_model::{EventKind, ItemStatus};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `liaison ics`.
#[derive(Debug, Args)]
pub struct IcsArgs {
    /// One collaboration (a unique prefix is enough); every collaboration if absent.
    #[arg(conflicts_with = "all")]
    pub id: Option<String>,
    /// Every collaboration (the default without ID).
    #[arg(long)]
    pub all: bool,
    /// Write here instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

/// Runs `liaison ics`.
pub fn run(s: &Settings, args: IcsArgs) -> anyhow::Result<ExitCode> {
    let mut store = s.open_store()?;
    let collabs = match &args.id {
        Some(id) => vec![find(store.as_mut(), id)?],
        None => store.collaborations()?,
    };
    let mut entries = Vec::new();
    for c in &collabs {
        for (i, it) in c.items.iter().enumerate() {
            if !matches!(it.status, ItemStatus::Open | ItemStatus::Overdue) {
                continue;
            }
            let Some(at) = it.promised.or(it.due) else {
                continue;
            };
            let moves = c
                .events
                .iter()
                .filter(|e| e.kind == EventKind::DeadlineChanged && e.item.is_none_or(|x| x == i))
                .count();
            entries.push(Entry {
                key: format!("{}-item-{}", c.id, i + 1),
                todo: false,
                summary: match crate::output::lang() {
                    crate::output::Lang::Zh => {
                        format!(
                            "截止：{}（{}）",
                            it.what,
                            it.owner.as_deref().unwrap_or("?")
                        )
                    }
                    crate::output::Lang::En => {
                        format!("Due: {} ({})", it.what, it.owner.as_deref().unwrap_or("?"))
                    }
                },
                description: format!(
                    "{}\n{}{}",
                    c.subject,
                    crate::output::tr("交付标准：", "Standard: "),
                    it.standard.as_deref().unwrap_or("-")
                ),
                at,
                sequence: moves as u32,
            });
        }
    }
    let directory = s.directory()?.cloned().unwrap_or_default();
    let actions = liaison_engine::plan(&collabs, &s.plan_context(&directory, s.now));
    for (n, a) in actions.iter().enumerate() {
        let same_before = actions[..n]
            .iter()
            .filter(|b| b.collaboration == a.collaboration && b.action == a.action)
            .count();
        entries.push(Entry {
            key: format!(
                "{}-{}-{}",
                a.collaboration,
                format!("{:?}", a.action).to_lowercase(),
                same_before + 1
            ),
            todo: true,
            summary: format!(
                "{}{}{}",
                action_label(a.action),
                crate::output::tr("：", ": "),
                a.subject
            ),
            description: a.reason.clone(),
            at: a.due_at,
            sequence: 0,
        });
    }
    let text = ics::calendar(
        &entries,
        s.now,
        crate::output::tr("liaison 截止时间", "liaison deadlines"),
    );
    match &args.out {
        Some(p) => std::fs::write(p, &text)?,
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
