//! How collaborations, their events and due actions are shown: the JSON shapes of `list`
//! and `show`, the labels in the run's language, and finding a collaboration by id prefix.
//! Shared by the commands that print them.

use crate::output::tr;
use liaison_engine::{Action, Channel, DueAction};
use liaison_model::{Collaboration, EventKind};
use liaison_store::Store;

pub use liaison_engine::views::{ListedItem, listed};

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
    liaison_engine::views::state_label(crate::output::lang(), s)
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
    liaison_engine::views::event_label(crate::output::lang(), k)
}

/// The action in the chosen language.
pub fn action_label(a: Action) -> &'static str {
    liaison_engine::views::action_label(crate::output::lang(), a)
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
