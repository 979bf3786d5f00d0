//! `liaison list`: every collaboration with its items.

use crate::output::{DataFormat, tr};
use crate::settings::Settings;
use crate::views::state_label;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Include archived collaborations.
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

/// Runs `liaison list`.
pub fn run(s: &Settings, args: ListArgs) -> anyhow::Result<ExitCode> {
    let now = s.now;
    let mut store = s.open_store()?;
    let all = liaison_engine::views::listing(&store.collaborations()?, now, args.all);
    match args.format {
        DataFormat::Json => {
            println!("{}", serde_json::to_string_pretty(&all)?);
        }
        DataFormat::Text => {
            let all = all.collaborations;
            if all.is_empty() {
                println!(
                    "{}",
                    tr(
                        "没有协作。先用 liaison ingest 导入邮件。",
                        "no collaborations; import mail with liaison ingest first."
                    )
                );
            }
            for c in &all {
                println!("{}  {}  [{}]", c.id, c.subject, state_label(c.state));
                println!(
                    "    {}{}  {}{}",
                    tr("发起：", "owner: "),
                    c.owner,
                    tr("对接：", "counterparts: "),
                    c.counterparts.join(crate::output::list_sep())
                );
                for (n, i) in c.items.iter().enumerate() {
                    println!("    {}. {}", n + 1, crate::views::item_line(i));
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
