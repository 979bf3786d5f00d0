//! `liaison ics [ID|--all] [-o FILE]`: one VCALENDAR with every open item's deadline
//! (VEVENT with a VALARM) and every due follow-up (VTODO), Asia/Shanghai, stable UIDs.

use crate::settings::Settings;
use crate::views::find;
use clap::Args;
use liaison_closure::ics;
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
    let directory = s.directory()?.cloned().unwrap_or_default();
    let actions = liaison_engine::plan(&collabs, &s.plan_context(&directory, s.now));
    let entries = ics::entries(&collabs, &actions, crate::output::lang());
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
