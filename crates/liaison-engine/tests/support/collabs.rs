//! Random collaborations for the planner's property tests: any state, items with deadlines
//! and promises, timelines of events at any nanosecond and in two zones, two counterparts
//! and a directory with superiors and a chat handle.

#![allow(dead_code)]

use chrono::{DateTime, Duration, FixedOffset};
use liaison_model::{
    ActionItem, Collaboration, Directory, Event, EventKind, ItemStatus, Kind, Person, State,
    Urgency,
};
use proptest::prelude::*;

pub fn t0() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-09-28T10:00:00+08:00").unwrap()
}

pub const PEOPLE: [&str; 4] = [
    "me@example.com",
    "a@example.com",
    "b@example.com",
    "boss@example.com",
];

pub fn directory() -> Directory {
    let person = |email: &str, superior: Option<&str>, chat: bool| Person {
        name: email.split('@').next().unwrap().to_string(),
        email: email.to_string(),
        department: "技术部".into(),
        title: None,
        superior: superior.map(str::to_string),
        chat: if chat {
            [("dingtalk".to_string(), "h".to_string())].into()
        } else {
            Default::default()
        },
    };
    Directory {
        departments: vec![],
        people: vec![
            person(PEOPLE[0], Some(PEOPLE[3]), false),
            person(PEOPLE[1], Some(PEOPLE[3]), true),
            person(PEOPLE[2], None, false),
            person(PEOPLE[3], None, false),
        ],
    }
}

fn state() -> impl Strategy<Value = State> {
    prop_oneof![
        Just(State::Sent),
        Just(State::Acknowledged),
        Just(State::InProgress),
        Just(State::Delivered),
        Just(State::Confirmed),
        Just(State::Reviewed),
        Just(State::Archived),
    ]
}

fn status() -> impl Strategy<Value = ItemStatus> {
    prop_oneof![
        3 => Just(ItemStatus::Open),
        1 => Just(ItemStatus::Overdue),
        1 => Just(ItemStatus::Delivered),
        1 => Just(ItemStatus::Confirmed),
        1 => Just(ItemStatus::Dropped),
    ]
}

fn kind() -> impl Strategy<Value = EventKind> {
    prop_oneof![
        Just(EventKind::Replied),
        Just(EventKind::Nudged),
        Just(EventKind::Synced),
        Just(EventKind::Escalated),
        Just(EventKind::Delivered),
        Just(EventKind::Confirmed),
        Just(EventKind::Retro),
        Just(EventKind::DeadlineChanged),
        Just(EventKind::Disagreement),
    ]
}

prop_compose! {
    fn item()(
        st in status(),
        due in proptest::option::of(-48i64..400),
        promised in proptest::option::of(-24i64..500),
        owner in 0usize..4,
    ) -> ActionItem {
        ActionItem {
            what: "评估方案".into(),
            owner: (owner < 3).then(|| PEOPLE[owner.max(1)].to_string()),
            due: due.map(|h| t0() + Duration::hours(h)),
            due_text: None,
            standard: None,
            status: st,
            promised: promised.map(|h| t0() + Duration::hours(h)),
        }
    }
}

prop_compose! {
    pub fn collab()(
        st in state(),
        urgency in proptest::option::of(prop_oneof![
            Just(Urgency::Urgent), Just(Urgency::Today), Just(Urgency::Normal)
        ]),
        counterparts in 1usize..3,
        items in proptest::collection::vec(item(), 0..4),
        // Event times with any nanoseconds (a mark made on the clock) and in another zone
        // (a mail's Date header), which the stored rows must give back exactly.
        events in proptest::collection::vec(
            (kind(), 0i64..400, 0usize..3, proptest::option::of(0usize..4),
             0i64..1_000_000_000, any::<bool>()), 0..8),
    ) -> Collaboration {
        let mut ev = vec![Event {
            kind: EventKind::Sent,
            at: t0(),
            actor: Some(PEOPLE[0].into()),
            message_id: None,
            item: None,
            detail: None,
        }];
        for (k, h, who, item, nanos, utc) in events {
            let at = t0() + Duration::hours(h) + Duration::nanoseconds(nanos);
            let at = if utc { at.with_timezone(&FixedOffset::east_opt(0).unwrap()) } else { at };
            ev.push(Event {
                kind: k,
                at,
                actor: Some(PEOPLE[who].into()),
                message_id: None,
                item,
                detail: Some("来不及".into()),
            });
        }
        ev.sort_by_key(|e| e.at);
        Collaboration {
            id: "c1".into(),
            kind: Kind::Request,
            project: "项目".into(),
            subject: "【需求对接】项目-技术部".into(),
            urgency,
            owner: PEOPLE[0].into(),
            counterparts: PEOPLE[1..=counterparts].iter().map(|s| s.to_string()).collect(),
            cc: vec![],
            started: t0(),
            state: st,
            items,
            events: ev,
        }
    }
}
