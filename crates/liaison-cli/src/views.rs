//! How collaborations, their events and due actions are shown: the JSON shapes of `list`
//! and `show`, the labels in the run's language, and finding a collaboration by id prefix.
//! Shared by the commands that print them.

use crate::output::tr;
use liaison_engine::{Action, Channel, DueAction};
use liaison_model::{Collaboration, EventKind, ItemStatus};
use liaison_store::Store;
use serde::Serialize;

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

/// An item as one line: what (owner; due; status).
pub fn item_line(i: &ListedItem) -> String {
    let owner = i.owner.as_deref().unwrap_or("?");
    let due = i.due.as_deref().unwrap_or(tr("无截止时间", "no deadline"));
    let status = state_label(i.status);
    match crate::output::lang() {
        crate::output::Lang::Zh => format!("{}（{owner}；{due}；{status}）", i.what),
        crate::output::Lang::En => format!("{} ({owner}; {due}; {status})", i.what),
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

/// Finds a collaboration by id or unique id prefix.
pub fn find(store: &mut dyn Store, id: &str) -> anyhow::Result<Collaboration> {
    if let Some(c) = store.collaboration(id)? {
        return Ok(c);
    }
    let mut hits: Vec<Collaboration> = store
        .collaborations()?
        .into_iter()
        .filter(|c| c.id.starts_with(id))
        .collect();
    match hits.len() {
        1 => Ok(hits.remove(0)),
        0 => anyhow::bail!(
            "{id}: {}",
            tr(
                "没有这个协作；liaison list 列出所有编号",
                "no such collaboration; liaison list shows the ids"
            )
        ),
        n => anyhow::bail!(
            "{id}: {n} {}",
            tr(
                "个协作以此开头，请写完整编号",
                "collaborations start with this; give the whole id"
            )
        ),
    }
}

/// The event kind in the chosen language.
pub fn event_label(k: EventKind) -> &'static str {
    match k {
        EventKind::Sent => tr("发出", "sent"),
        EventKind::Replied => tr("回复", "replied"),
        EventKind::Nudged => tr("催办", "nudged"),
        EventKind::Synced => tr("进度同步", "synced"),
        EventKind::Escalated => tr("升级", "escalated"),
        EventKind::Delivered => tr("交付", "delivered"),
        EventKind::Confirmed => tr("确认", "confirmed"),
        EventKind::Retro => tr("复盘", "retro"),
        EventKind::Archived => tr("归档", "archived"),
        EventKind::DeadlineChanged => tr("截止时间变更", "deadline changed"),
        EventKind::Disagreement => tr("异议/延期", "dispute/delay"),
        EventKind::Dropped => tr("取消", "dropped"),
        EventKind::AutoReplied => tr("自动回复", "auto-reply"),
    }
}

/// The action in the chosen language.
pub fn action_label(a: Action) -> &'static str {
    match a {
        Action::Nudge => tr("催办", "nudge"),
        Action::Sync => tr("进度同步", "sync"),
        Action::Escalate => tr("升级", "escalate"),
        Action::Confirm => tr("确认交付", "confirm"),
        Action::Retro => tr("复盘", "retro"),
        Action::Archive => tr("归档", "archive"),
    }
}

/// Prints due actions as text.
pub fn print_due(actions: &[DueAction]) {
    if actions.is_empty() {
        println!("{}", tr("目前没有待办。", "nothing is due."));
    }
    for a in actions {
        println!(
            "{}  {}{}  {}  {}",
            a.due_at.format("%Y-%m-%d %H:%M"),
            action_label(a.action),
            if a.overdue {
                tr("（已逾期）", " (overdue)")
            } else {
                ""
            },
            a.collaboration,
            a.subject
        );
        println!(
            "    {}{}{}  {}{}",
            tr("收件：", "to: "),
            a.to.join(crate::output::list_sep()),
            if a.cc.is_empty() {
                String::new()
            } else {
                format!(
                    "  {}{}",
                    tr("抄送：", "cc: "),
                    a.cc.join(crate::output::list_sep())
                )
            },
            tr("渠道：", "channel: "),
            match a.channel {
                Channel::Email => tr("邮件", "email"),
                Channel::Chat => tr("即时通讯", "chat"),
            }
        );
        println!("    {}{}", tr("原因：", "reason: "), a.reason);
    }
}
