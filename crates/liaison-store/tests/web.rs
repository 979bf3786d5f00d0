//! Users, sessions, tokens and keyset pages of collaborations (migration 6), on both
//! backends.

mod common;

use common::*;
use liaison_model::State;
use liaison_store::{Changes, PageQuery, PlanCount, PlanRow, Store, WebSession, WebUser};

fn users_sessions_tokens(s: &mut dyn Store) {
    assert!(s.web_users().unwrap().is_empty());
    let u = WebUser {
        name: "wanglei".into(),
        role: "member".into(),
        password_hash: "$argon2id$x".into(),
        lang: "zh".into(),
        department: None,
    };
    s.web_user_put(&u).unwrap();
    let mut admin = u.clone();
    admin.role = "admin".into();
    s.web_user_put(&admin).unwrap();
    assert_eq!(s.web_user("wanglei").unwrap(), Some(admin.clone()));
    assert_eq!(s.web_users().unwrap().len(), 1);
    assert_eq!(s.web_user("nobody").unwrap(), None);
    // The department (migration 9) is kept, replaced and cleared with the rest.
    let mut placed = s.web_user("wanglei").unwrap().unwrap();
    placed.department = Some("市场部".into());
    s.web_user_put(&placed).unwrap();
    assert_eq!(
        s.web_user("wanglei")
            .unwrap()
            .unwrap()
            .department
            .as_deref(),
        Some("市场部")
    );
    assert_eq!(
        s.web_users().unwrap()[0].department.as_deref(),
        Some("市场部")
    );
    s.web_user_put(&admin).unwrap();
    assert_eq!(s.web_user("wanglei").unwrap().unwrap().department, None);

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

/// The due page's reads of the stored plans: a count, and pages by (due instant,
/// collaboration) that agree with `plans_at`.
fn due_plans(s: &mut dyn Store) {
    let cs: Vec<_> = (0..10)
        .map(|n| collab(&format!("p{n}"), "2026-11-01T10:00:00+08:00"))
        .collect();
    s.apply(&Changes {
        collaborations: cs,
        ..Changes::default()
    })
    .unwrap();
    let plans: Vec<(String, i64, Vec<PlanRow>)> = s
        .unplanned(100)
        .unwrap()
        .into_iter()
        .filter(|(_, c)| c.id.starts_with('p'))
        .map(|(rev, c)| {
            let n: i64 = c.id[1..].parse().unwrap();
            let row = |due: i64, from: i64, until: i64, data: &str| PlanRow {
                collaboration: c.id.clone(),
                valid_from: from,
                valid_until: until,
                due_at: due,
                overdue_at: due + 5,
                data: format!("{}-{data}", c.id),
            };
            // Due instants shared by several collaborations; two actions on the even ones;
            // one row no longer valid and one not yet due on every one.
            let due = 1000 + (n % 3) * 10;
            let mut rows = vec![row(due, 0, i64::MAX, "a")];
            if n % 2 == 0 {
                rows.push(row(due, 0, i64::MAX, "b"));
            }
            rows.push(row(900, 0, 500, "old"));
            rows.push(row(5000, 0, i64::MAX, "later"));
            (c.id.clone(), rev, rows)
        })
        .collect();
    assert_eq!(s.put_plans(&plans).unwrap(), 10);
    let at = 1012;
    let mut all = s.plans_at(at, false).unwrap();
    all.sort_by(|a, b| {
        (a.due_at, &a.collaboration, &a.data).cmp(&(b.due_at, &b.collaboration, &b.data))
    });
    // p0 p3 p6 p9 at 1000 (overdue at 1005), p1 p4 p7 at 1010; the even ones twice.
    assert_eq!(all.len(), 10);
    assert_eq!(
        s.plans_due_count(at).unwrap(),
        PlanCount {
            due: 10,
            overdue: 6
        }
    );
    assert_eq!(s.plans_due_count(999).unwrap(), PlanCount::default());
    let sorted = |mut v: Vec<PlanRow>| {
        v.sort_by(|a, b| {
            (a.due_at, &a.collaboration, &a.data).cmp(&(b.due_at, &b.collaboration, &b.data))
        });
        v
    };
    assert_eq!(sorted(s.plans_due_page(at, None, 100).unwrap()), all);
    let first = s.plans_due_page(at, None, 3).unwrap();
    assert_eq!(
        first
            .iter()
            .map(|r| r.collaboration.as_str())
            .collect::<Vec<_>>(),
        ["p0", "p0", "p3"]
    );
    // After a key: every row of a later (due instant, collaboration), none of the key's.
    let rest = sorted(s.plans_due_page(at, Some((1000, "p3")), 100).unwrap());
    assert_eq!(rest, all[3..].to_vec());
    let rest = sorted(s.plans_due_page(at, Some((1000, "p9")), 100).unwrap());
    assert_eq!(
        rest.iter()
            .map(|r| r.collaboration.as_str())
            .collect::<Vec<_>>(),
        ["p1", "p4", "p4", "p7"]
    );
    assert!(
        s.plans_due_page(at, Some((1010, "p7")), 100)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn web_tables_sqlite() {
    let (mut s, _d, _) = sqlite();
    users_sessions_tokens(s.as_mut());
    pages(s.as_mut());
    due_plans(s.as_mut());
}

#[test]
fn web_tables_postgres() {
    let (mut s, _) = pg("web_tables");
    users_sessions_tokens(s.as_mut());
    pages(s.as_mut());
    due_plans(s.as_mut());
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
             DROP INDEX collaborations_state_started; DROP INDEX plans_due_page;
             DELETE FROM schema_migrations WHERE version IN (6, 9);",
        )
        .unwrap();
    }
    let mut s = liaison_store::open(&loc).unwrap();
    assert!(s.web_users().unwrap().is_empty());
    users_sessions_tokens(s.as_mut());
}
