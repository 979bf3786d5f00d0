//! `liaison show ID`: one collaboration with its timeline of events.

use crate::output::{DataFormat, tr};
use crate::settings::Settings;
use crate::views::{event_label, find, listed, state_label};
use clap::Args;
use std::process::ExitCode;

/// Arguments of `liaison show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The collaboration id (as `liaison list` prints it; a unique prefix is enough).
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

/// Runs `liaison show`.
pub fn run(s: &Settings, args: ShowArgs) -> anyhow::Result<ExitCode> {
    let now = s.now;
    let mut store = s.open_store()?;
    let c = find(store.as_mut(), &args.id)?;
    match args.format {
        DataFormat::Json => {
            let v = liaison_engine::views::shown(&c, now);
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
        DataFormat::Text => {
            let l = listed(&c, now);
            println!("{}  {}", c.id, c.subject);
            println!("  {}{}", tr("状态：", "state: "), state_label(l.state));
            println!("  {}{}", tr("发起：", "owner: "), c.owner);
            println!(
                "  {}{}",
                tr("对接：", "counterparts: "),
                c.counterparts.join(crate::output::list_sep())
            );
            if !c.cc.is_empty() {
                println!(
                    "  {}{}",
                    tr("抄送：", "cc: "),
                    c.cc.join(crate::output::list_sep())
                );
            }
            println!("  {}", tr("事项：", "items:"));
            for (n, (i, it)) in l.items.iter().zip(&c.items).enumerate() {
                println!("    {}. {}", n + 1, crate::views::item_line(i));
                if let Some(s) = &it.standard {
                    println!("       {}{}", tr("交付标准：", "standard: "), s);
                }
            }
            println!("  {}", tr("时间线：", "timeline:"));
            for e in &c.events {
                let mut line = format!(
                    "    {}  {}",
                    e.at.format("%Y-%m-%d %H:%M"),
                    event_label(e.kind)
                );
                if let Some(a) = &e.actor {
                    line.push_str(&format!("  {a}"));
                }
                if let Some(i) = e.item {
                    line.push_str(&format!("  {}{}", tr("事项", "item "), i + 1));
                }
                match e.detail.as_deref() {
                    // Marks recorded with `liaison mark` carry this machine word.
                    Some("manual") => {
                        line.push_str(&format!("  {}", tr("（手动记录）", "(recorded by hand)")))
                    }
                    Some(d) => line.push_str(&format!("  {d}")),
                    None => {}
                }
                println!("{line}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
