//! `liaison list`: every collaboration with its items.

use crate::cli::GlobalArgs;
use crate::commands::store_open::open_store;
use crate::output::{DataFormat, tr};
use clap::Args;
use liaison_model::{Collaboration, ItemStatus, State};
use serde::Serialize;
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

/// One item as listed.
#[derive(Debug, Serialize)]
pub struct ListedItem {
    /// 做什么.
    pub what: String,
    /// 谁来做.
    pub owner: Option<String>,
    /// The deadline in force (a promised time replaces the original), RFC 3339.
    pub due: Option<String>,
    /// open, delivered, confirmed, overdue or dropped (overdue as of `--now`).
    pub status: &'static str,
}

/// One collaboration as listed.
#[derive(Debug, Serialize)]
pub struct Listed {
    /// Id.
    pub id: String,
    /// 【类型】 tag.
    pub kind: String,
    /// 项目/主题.
    pub project: String,
    /// Subject.
    pub subject: String,
    /// Owner (ours).
    pub owner: String,
    /// Counterparts.
    pub counterparts: Vec<String>,
    /// State.
    pub state: &'static str,
    /// Items.
    pub items: Vec<ListedItem>,
}

/// The status id of an item as of `now`.
pub fn item_status(
    i: &liaison_model::ActionItem,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> &'static str {
    match i.status {
        ItemStatus::Open | ItemStatus::Overdue => {
            if i.promised.or(i.due).is_some_and(|d| d < now) {
                "overdue"
            } else {
                "open"
            }
        }
        ItemStatus::Delivered => "delivered",
        ItemStatus::Confirmed => "confirmed",
        ItemStatus::Dropped => "dropped",
    }
}

/// The listing of one collaboration.
pub fn listed(c: &Collaboration, now: chrono::DateTime<chrono::FixedOffset>) -> Listed {
    Listed {
        id: c.id.clone(),
        kind: c.kind.tag().to_string(),
        project: c.project.clone(),
        subject: c.subject.clone(),
        owner: c.owner.clone(),
        counterparts: c.counterparts.clone(),
        state: c.state.id(),
        items: c
            .items
            .iter()
            .map(|i| ListedItem {
                what: i.what.clone(),
                owner: i.owner.clone(),
                due: i.promised.or(i.due).map(|d| d.to_rfc3339()),
                status: item_status(i, now),
            })
            .collect(),
    }
}

/// The state in the chosen language.
pub fn state_label(s: &str) -> &'static str {
    match s {
        "draft" => tr("草稿", "draft"),
        "sent" => tr("已发送", "sent"),
        "acknowledged" => tr("已回复", "acknowledged"),
        "in-progress" => tr("进行中", "in progress"),
        "delivered" => tr("已交付", "delivered"),
        "confirmed" => tr("已确认", "confirmed"),
        "reviewed" => tr("已复盘", "reviewed"),
        "archived" => tr("已归档", "archived"),
        "open" => tr("未完成", "open"),
        "overdue" => tr("已逾期", "overdue"),
        "dropped" => tr("已取消", "dropped"),
        _ => "?",
    }
}

/// Runs `liaison list`.
pub fn run(g: &GlobalArgs, args: ListArgs) -> anyhow::Result<ExitCode> {
    let now = crate::config::now(g)?;
    let mut store = open_store(g)?;
    let all: Vec<Listed> = store
        .collaborations()?
        .iter()
        .filter(|c| args.all || c.state != State::Archived)
        .map(|c| listed(c, now))
        .collect();
    match args.format {
        DataFormat::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&serde_json::json!({ "collaborations": all }))?
            );
        }
        DataFormat::Text => {
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
                    c.counterparts.join("、")
                );
                for (n, i) in c.items.iter().enumerate() {
                    println!(
                        "    {}. {}（{}；{}；{}）",
                        n + 1,
                        i.what,
                        i.owner.as_deref().unwrap_or("?"),
                        i.due.as_deref().unwrap_or(tr("无截止时间", "no deadline")),
                        state_label(i.status)
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
