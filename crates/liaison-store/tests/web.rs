//! Users, sessions, tokens and keyset pages of collaborations (migration 6), on both
//! backends.

mod common;

use common::*;
use liaison_model::State;
use liaison_store::{Changes, PageQuery, Store, WebSession, WebUser};

fn users_sessions_tokens(s: &mut dyn Store) {
    assert!(s.web_users().unwrap().is_empty());
    let u = WebUser {
        name: "wanglei".into(),
        role: "member".into(),
        password_hash: "$argon2id$x".into(),
        lang: "zh".into(),
    };
    s.web_user_put(&u).unwrap();
    let mut admin = u.clone();
    admin.role = "admin".into();
    s.web_user_put(&admin).unwrap();
    assert_eq!(s.web_user("wanglei").unwrap(), Some(admin));
    assert_eq!(s.web_users().unwrap().len(), 1);
    assert_eq!(s.web_user("nobody").unwrap(), None);

    let exp = chrono::Utc::now() + chrono::Duration::hours(1);
    let sess = WebSession {
        token_hash: "h1".into(),
        user: "wanglei".into(),
        csrf: "c1".into(),
        expires: exp.with_nanosecond0(),
    };
    s.web_session_put(&sess).unwrap();
    assert_eq!(s.web_session("h1").unwrap(), Some(sess));
    s.web_session_delete("h1").unwrap();
    assert_eq!(s.web_session("h1").unwrap(), None);

    s.web_token_put("t1", "wanglei").unwrap();
    assert_eq!(s.web_token_user("t1").unwrap().as_deref(), Some("wanglei"));
    assert_eq!(s.web_token_user("t2").unwrap(), None);
}

trait Micros {
    fn with_nanosecond0(self) -> Self;
}
impl Micros for chrono::DateTime<chrono::Utc> {
    fn with_nanosecond0(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap()
    }
}

fn pages(s: &mut dyn Store) {
    let mut cs = Vec::new();
    for n in 0..25 {
        let mut c = collab(
            &format!("c{n:02}"),
            &format!("2026-11-{:02}T10:00:00+08:00", 1 + n),
        );
        if n % 5 == 0 {
            c.state = State::Archived;
        }
        if n == 7 {
            c.subject = "【需求对接】100%_完成-市场部".into();
        }
        cs.push(c);
    }
    s.apply(&Changes {
        collaborations: cs,
        ..Changes::default()
    })
    .unwrap();
    let mut q = PageQuery {
        hide_archived: true,
        newest_first: true,
        limit: 8,
        ..PageQuery::default()
    };
    let mut seen = Vec::new();
    loop {
        let page = s.collaboration_page(&q).unwrap();
        if page.is_empty() {
            break;
        }
        q.after = Some(page.last().unwrap().key.clone());
        seen.extend(page.into_iter().map(|p| p.collaboration.id));
    }
    let expected: Vec<String> = (0..25)
        .rev()
        .filter(|n| n % 5 != 0)
        .map(|n| format!("c{n:02}"))
        .collect();
    assert_eq!(seen, expected);

    let q = PageQuery {
        text: Some("100%_".into()),
        limit: 50,
        ..PageQuery::default()
    };
    let hits: Vec<String> = s
        .collaboration_page(&q)
        .unwrap()
        .into_iter()
        .map(|p| p.collaboration.id)
        .collect();
    assert_eq!(hits, vec!["c07".to_string()]);
    let q = PageQuery {
        state: Some("archived".into()),
        kind: Some("request".into()),
        limit: 2,
        ..PageQuery::default()
    };
    let hits: Vec<String> = s
        .collaboration_page(&q)
        .unwrap()
        .into_iter()
        .map(|p| p.collaboration.id)
        .collect();
    assert_eq!(hits, vec!["c00".to_string(), "c05".to_string()]);
}

#[test]
fn web_tables_sqlite() {
    let (mut s, _d, _) = sqlite();
    users_sessions_tokens(s.as_mut());
    pages(s.as_mut());
}

#[test]
fn web_tables_postgres() {
    let (mut s, _) = pg("web_tables");
    users_sessions_tokens(s.as_mut());
    pages(s.as_mut());
}

/// A store migrated by a build that knew version 7 but not 6 (versions are numbered by the
/// branch that wrote them) still gets 6 when reopened.
#[test]
fn a_missing_lower_migration_is_applied() {
    let (s, dir, loc) = sqlite();
    drop(s);
    {
        let conn = rusqlite::Connection::open(dir.path().join("liaison.db")).unwrap();
        conn.execute_batch(
            "DROP TABLE web_tokens; DROP TABLE web_sessions; DROP TABLE web_users;
             DROP INDEX collaborations_state_started;
             DELETE FROM schema_migrations WHERE version = 6;",
        )
        .unwrap();
    }
    let mut s = liaison_store::open(&loc).unwrap();
    assert!(s.web_users().unwrap().is_empty());
    users_sessions_tokens(s.as_mut());
}
