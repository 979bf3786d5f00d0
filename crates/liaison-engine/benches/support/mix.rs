//! The all-active mix of collaborations shared by the planner bench and the scale example:
//! every collaboration is live (silent, acknowledged, nudged twice, delayed, delivered or
//! confirmed), the planner's worst case per collaboration.

use chrono::{DateTime, Duration, FixedOffset};
use liaison_model::{
    ActionItem, Collaboration, Directory, Event, EventKind, ItemStatus, Kind, Person, State,
};

pub fn t0() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-09-01T10:00:00+08:00").unwrap()
}

pub fn ev(kind: EventKind, at: DateTime<FixedOffset>, actor: &str) -> Event {
    Event {
        kind,
        at,
        actor: Some(actor.into()),
        message_id: None,
        item: None,
        detail: None,
    }
}

/// `n` collaborations started over ~60 days, in five shapes.
pub fn generate(n: usize) -> Vec<Collaboration> {
    (0..n)
        .map(|i| {
            let start = t0() + Duration::minutes((i % 86_400) as i64);
            let peer = format!("p{}@example.com", i % 500);
            let mut c = Collaboration {
                id: format!("c{i:08}"),
                kind: Kind::Request,
                project: "项目".into(),
                subject: "【需求对接】项目-技术部".into(),
                urgency: None,
                owner: "me@example.com".into(),
                counterparts: vec![peer.clone()],
                cc: vec![],
                started: start,
                state: State::Sent,
                items: vec![ActionItem {
                    what: "评估方案".into(),
                    owner: Some(peer.clone()),
                    due: Some(start + Duration::days(7)),
                    due_text: None,
                    standard: None,
                    status: ItemStatus::Open,
                    promised: None,
                }],
                events: vec![ev(EventKind::Sent, start, "me@example.com")],
            };
            let h = |x: i64| start + Duration::hours(x);
            match i % 5 {
                0 => {}
                1 => {
                    c.events.push(ev(EventKind::Replied, h(3), &peer));
                    c.state = State::Acknowledged;
                }
                2 => {
                    c.events
                        .push(ev(EventKind::Nudged, h(26), "me@example.com"));
                    c.events
                        .push(ev(EventKind::Nudged, h(50), "me@example.com"));
                }
                3 => {
                    c.events.push(ev(EventKind::Replied, h(3), &peer));
                    c.events.push(ev(EventKind::Disagreement, h(3), &peer));
                    c.items[0].promised = Some(start + Duration::days(9));
                    c.state = State::InProgress;
                }
                _ => {
                    c.events.push(ev(EventKind::Replied, h(3), &peer));
                    c.events.push(ev(EventKind::Delivered, h(40), &peer));
                    c.items[0].status = ItemStatus::Delivered;
                    c.state = State::Delivered;
                    if i % 10 == 9 {
                        c.events
                            .push(ev(EventKind::Confirmed, h(44), "me@example.com"));
                        c.items[0].status = ItemStatus::Confirmed;
                        c.state = State::Confirmed;
                    }
                }
            }
            c
        })
        .collect()
}

pub fn directory() -> Directory {
    let mut d = Directory::default();
    for i in 0..500 {
        d.people.push(Person {
            name: format!("P{i}"),
            email: format!("p{i}@example.com"),
            department: "技术部".into(),
            title: None,
            superior: Some("boss@example.com".into()),
            chat: Default::default(),
        });
    }
    d
}
