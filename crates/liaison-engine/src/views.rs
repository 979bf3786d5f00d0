//! How collaborations and due actions are shown to people and scripts: the JSON shapes of
//! `liaison list`, `show` and `due` (which the web API returns unchanged) and the labels of
//! states, events and actions in either language. Shared by the CLI and `liaison-web`, so
//! the two never describe a collaboration differently.

use crate::planner::{Action, DueAction, Lang, PlanContext};
use chrono::{DateTime, FixedOffset};
use liaison_model::{ActionItem, Collaboration, EventKind, ItemStatus};
use serde::Serialize;

/// One item as listed.
#[derive(Debug, Clone, Serialize)]
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
#[derive(Debug, Clone, Serialize)]
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

/// `liaison list --format json`: `{"collaborations": [...]}`.
#[derive(Debug, Clone, Serialize)]
pub struct Listing {
    /// The collaborations, oldest first.
    pub collaborations: Vec<Listed>,
}

/// `liaison due --format json`: `{"now": ..., "due": [...]}`.
#[derive(Debug, Clone, Serialize)]
pub struct DueListing {
    /// The instant planned for, RFC 3339.
    pub now: String,
    /// The actions, in the planner's order.
    pub due: Vec<DueAction>,
}

/// The status id of an item as of `now`.
pub fn item_status(i: &ActionItem, now: DateTime<FixedOffset>) -> &'static str {
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
pub fn listed(c: &Collaboration, now: DateTime<FixedOffset>) -> Listed {
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

/// The listing of collaborations (archived ones left out unless `all`).
pub fn listing<'a>(
    collabs: impl IntoIterator<Item = &'a Collaboration>,
    now: DateTime<FixedOffset>,
    all: bool,
) -> Listing {
    Listing {
        collaborations: collabs
            .into_iter()
            .filter(|c| all || c.state != liaison_model::State::Archived)
            .map(|c| listed(c, now))
            .collect(),
    }
}

/// `liaison show --format json` of one collaboration: the listing plus urgency, cc, start,
/// each item's written deadline, standard and original deadline, and the events.
pub fn shown(c: &Collaboration, now: DateTime<FixedOffset>) -> serde_json::Value {
    let mut v = serde_json::to_value(listed(c, now)).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert(
            "urgency".into(),
            serde_json::to_value(&c.urgency).unwrap_or_default(),
        );
        o.insert("cc".into(), serde_json::to_value(&c.cc).unwrap_or_default());
        o.insert("started".into(), c.started.to_rfc3339().into());
        if let Some(items) = o.get_mut("items").and_then(|i| i.as_array_mut()) {
            for (i, it) in items.iter_mut().zip(&c.items) {
                if let Some(m) = i.as_object_mut() {
                    m.insert(
                        "due_text".into(),
                        serde_json::to_value(&it.due_text).unwrap_or_default(),
                    );
                    m.insert(
                        "standard".into(),
                        serde_json::to_value(&it.standard).unwrap_or_default(),
                    );
                    m.insert(
                        "original_due".into(),
                        serde_json::to_value(it.due.map(|d| d.to_rfc3339())).unwrap_or_default(),
                    );
                }
            }
        }
        o.insert(
            "events".into(),
            serde_json::to_value(&c.events).unwrap_or_default(),
        );
    }
    v
}

/// What is due at `ctx.now` (with `upcoming`, also what falls due later), read from the
/// stored plans ([`crate::plans::due`]).
pub fn due_listing(
    store: &mut dyn liaison_store::Store,
    ctx: &PlanContext<'_>,
    upcoming: bool,
) -> Result<DueListing, liaison_store::StoreError> {
    Ok(DueListing {
        now: ctx.now.to_rfc3339(),
        due: crate::plans::due(store, ctx, upcoming)?,
    })
}

/// A state or item status id in `lang`.
pub fn state_label(lang: Lang, s: &str) -> &'static str {
    let (zh, en) = match s {
        "draft" => ("草稿", "draft"),
        "sent" => ("已发送", "sent"),
        "acknowledged" => ("已回复", "acknowledged"),
        "in-progress" => ("进行中", "in progress"),
        "delivered" => ("已交付", "delivered"),
        "confirmed" => ("已确认", "confirmed"),
        "reviewed" => ("已复盘", "reviewed"),
        "archived" => ("已归档", "archived"),
        "open" => ("未完成", "open"),
        "overdue" => ("已逾期", "overdue"),
        "dropped" => ("已取消", "dropped"),
        _ => ("?", "?"),
    };
    lang.pick(zh, en)
}

/// An event kind in `lang`.
pub fn event_label(lang: Lang, k: EventKind) -> &'static str {
    let (zh, en) = match k {
        EventKind::Sent => ("发出", "sent"),
        EventKind::Replied => ("回复", "replied"),
        EventKind::Nudged => ("催办", "nudged"),
        EventKind::Synced => ("进度同步", "synced"),
        EventKind::Escalated => ("升级", "escalated"),
        EventKind::Delivered => ("交付", "delivered"),
        EventKind::Confirmed => ("确认", "confirmed"),
        EventKind::Retro => ("复盘", "retro"),
        EventKind::Archived => ("归档", "archived"),
        EventKind::DeadlineChanged => ("截止时间变更", "deadline changed"),
        EventKind::Disagreement => ("异议/延期", "dispute/delay"),
        EventKind::Dropped => ("取消", "dropped"),
        EventKind::AutoReplied => ("自动回复", "auto-reply"),
    };
    lang.pick(zh, en)
}

/// An action in `lang`.
pub fn action_label(lang: Lang, a: Action) -> &'static str {
    let (zh, en) = match a {
        Action::Nudge => ("催办", "nudge"),
        Action::Sync => ("进度同步", "sync"),
        Action::Escalate => ("升级", "escalate"),
        Action::Confirm => ("确认交付", "confirm"),
        Action::Retro => ("复盘", "retro"),
        Action::Archive => ("归档", "archive"),
    };
    lang.pick(zh, en)
}
