//! Shared helpers of the store tests: one story, two backends.
#![allow(dead_code)]

use chrono::DateTime;
use liaison_model::{ActionItem, Collaboration, Event, EventKind, ItemStatus, Kind, State};
use liaison_store::{Location, Store};

/// A fresh SQLite store in a temporary folder (kept alive by the returned guard).
pub fn sqlite() -> (Box<dyn Store>, tempfile::TempDir, Location) {
    let dir = tempfile::tempdir().unwrap();
    let loc = Location::Sqlite(dir.path().join("liaison.db"));
    (liaison_store::open(&loc).unwrap(), dir, loc)
}

/// The PostgreSQL URL for a fresh, private schema named after the test.
pub fn pg_location(test: &str) -> Location {
    let base = std::env::var("LIAISON_TEST_DATABASE_URL").unwrap_or_else(|_| {
        panic!(
            "LIAISON_TEST_DATABASE_URL is not set: run scripts/test (it starts PostgreSQL \
             on 127.0.0.1:54329 and exports the URL)"
        )
    });
    let schema = format!("t_{}_{}", test, std::process::id());
    let mut c = postgres::Client::connect(&base, postgres::NoTls).unwrap_or_else(|e| {
        panic!("cannot connect to {base}: {e}; run scripts/test (it starts PostgreSQL)")
    });
    c.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
        .unwrap();
    let sep = if base.contains('?') { '&' } else { '?' };
    Location::Postgres(format!("{base}{sep}schema={schema}"))
}

/// A fresh PostgreSQL store in its own schema.
pub fn pg(test: &str) -> (Box<dyn Store>, Location) {
    let loc = pg_location(test);
    (liaison_store::open(&loc).unwrap(), loc)
}

pub fn t(s: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

pub fn collab(id: &str, started: &str) -> Collaboration {
    Collaboration {
        id: id.into(),
        kind: Kind::Request,
        project: "Q4营销活动数据支持".into(),
        subject: "【需求对接】Q4营销活动数据支持-市场部-重要".into(),
        urgency: None,
        owner: "zhangwei@example.com".into(),
        counterparts: vec!["wanglei@example.com".into()],
        cc: vec![],
        started: t(started),
        state: State::Sent,
        items: vec![ActionItem {
            what: "提供10-11月用户画像数据".into(),
            owner: Some("wanglei@example.com".into()),
            due: Some(t("2026-12-03T18:00:00+08:00")),
            due_text: Some("12月3日18:00前".into()),
            standard: Some("Excel".into()),
            status: ItemStatus::Open,
            promised: None,
        }],
        events: vec![],
    }
}

pub fn event(kind: EventKind, at: &str, mid: &str) -> Event {
    Event {
        kind,
        at: t(at),
        actor: Some("wanglei@example.com".into()),
        message_id: Some(mid.into()),
        item: None,
        detail: Some("'; DROP TABLE events; --".into()),
    }
}

/// A small message with this Message-ID.
pub fn mail(mid: &str) -> Vec<u8> {
    format!("Message-ID: <{mid}>\r\nFrom: a@example.com\r\nSubject: 测试\r\n\r\nbody {mid}\r\n")
        .into_bytes()
}
