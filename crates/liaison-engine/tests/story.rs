//! Story: a 需求对接 over ten working days (2026-09-23 … 10-13) that crosses 中秋
//! (9/25–9/27), 国庆 (10/1–10/7) and the 调休 Saturday 10/10, with one silent recipient
//! (李娜, nudged twice then escalated), one delay (王磊: 来不及, promises 10/12 18:00) and
//! deliveries. The due actions are asserted exactly at each step, with simulated time; the
//! same story runs in memory, on SQLite and on PostgreSQL.

use chrono::DateTime;
use liaison_engine::{
    Lang, Mark, PlanContext, Policy, Tracker, TrackerConfig, plan, plans, track_input,
};
use liaison_model::{Collaboration, Directory, KindTable};
use liaison_store::{Location, Store};
use liaison_time::{Calendar, Context, WorkHours};

const MAILS: &[(&str, &[u8])] = &[
    ("01", include_bytes!("story/01-open.eml")),
    ("02", include_bytes!("story/02-ack-wanglei.eml")),
    ("03", include_bytes!("story/03-nudge-1.eml")),
    ("04", include_bytes!("story/04-nudge-2.eml")),
    ("05", include_bytes!("story/05-delay-wanglei.eml")),
    ("06", include_bytes!("story/06-escalate.eml")),
    ("07", include_bytes!("story/07-sync.eml")),
    ("08", include_bytes!("story/08-delivery-lina.eml")),
    ("09", include_bytes!("story/09-confirm-lina.eml")),
    ("10", include_bytes!("story/10-delivery-wanglei.eml")),
    ("11", include_bytes!("story/11-confirm-wanglei.eml")),
];

fn directory() -> Directory {
    toml::from_str(include_str!("story/directory.toml")).unwrap()
}

fn t(s: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn config() -> TrackerConfig {
    TrackerConfig {
        me: vec!["zhaomin@example.com".into()],
        kinds: KindTable::default(),
        directory: directory(),
        time: Context::new(t("2026-09-23T10:00:00+08:00")),
    }
}

/// The stored plans agree with the planner at `now`, in both languages, due and upcoming.
fn assert_stored_plans_agree(
    store: &mut dyn Store,
    dir: &Directory,
    now: DateTime<chrono::FixedOffset>,
) {
    let cal = Calendar::cn();
    let policy = Policy::default();
    let collabs = store.collaborations().unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let cx = PlanContext {
            policy: &policy,
            calendar: &cal,
            hours: WorkHours::default(),
            tz: chrono_tz::Asia::Shanghai,
            directory: dir,
            now,
            lang,
        };
        let all = plan(&collabs, &cx);
        assert_eq!(
            plans::due(store, &cx, true).unwrap(),
            all,
            "upcoming at {now}"
        );
        let due: Vec<_> = all.into_iter().filter(|a| a.due_at <= now).collect();
        assert_eq!(plans::due(store, &cx, false).unwrap(), due, "due at {now}");
        // Pages (the web's due page), however small, add up to the same list, and the
        // count agrees; each action is found again by its (due instant, collaboration).
        for limit in [1, 2, 50] {
            let mut walked = Vec::new();
            let mut after: Option<(i64, String)> = None;
            loop {
                let p = plans::due_page(
                    store,
                    &cx,
                    after.as_ref().map(|(d, c)| (*d, c.as_str())),
                    limit,
                )
                .unwrap();
                assert_eq!(p.count.due, due.len(), "count at {now}");
                assert_eq!(
                    p.count.overdue,
                    due.iter().filter(|a| a.overdue).count(),
                    "overdue count at {now}"
                );
                walked.extend(p.actions);
                match p.next {
                    Some(k) => after = Some(k),
                    None => break,
                }
            }
            assert_eq!(walked, due, "pages of {limit} at {now}");
        }
        for a in &due {
            let group = plans::due_group(store, &cx, a.due_at.timestamp_micros(), &a.collaboration)
                .unwrap();
            let want: Vec<_> = due
                .iter()
                .filter(|b| b.due_at == a.due_at && b.collaboration == a.collaboration)
                .cloned()
                .collect();
            assert_eq!(group, want, "group of {} at {now}", a.collaboration);
        }
    }
}

/// The plan at `now`, one line per action:
/// `action due_at overdue to=… cc=… channel`.
fn render(collabs: &[Collaboration], now: &str) -> Vec<String> {
    let dir = directory();
    let cal = Calendar::cn();
    let policy = Policy::default();
    let cx = PlanContext {
        policy: &policy,
        calendar: &cal,
        hours: WorkHours::default(),
        tz: chrono_tz::Asia::Shanghai,
        directory: &dir,
        now: t(now),
        lang: Lang::Zh,
    };
    plan(collabs, &cx)
        .into_iter()
        .map(|a| {
            format!(
                "{} {} {} to={} cc={} {}",
                a.action.id(),
                a.due_at.to_rfc3339(),
                if a.overdue { "OVERDUE" } else { "-" },
                a.to.join(","),
                a.cc.join(","),
                serde_json::to_value(a.channel).unwrap().as_str().unwrap()
            )
        })
        .collect()
}

/// (after mail N, now, expected plan).
fn checkpoints() -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
    vec![
        // Sent Wed 9/23 10:00. 24 h later both are due a nudge; the sync (items run to
        // 10/9) is due 2 working days after the start: Thu 9/24, then Mon 9/28 (中秋 off).
        (
            "01",
            "2026-09-24T10:00:00+08:00",
            vec![
                "nudge 2026-09-24T10:00:00+08:00 - to=wanglei@example.com,lina@example.com cc= chat",
                "sync 2026-09-28T10:00:00+08:00 - to=wanglei@example.com,lina@example.com cc=fanzhiyuan@example.com chat",
            ],
        ),
        // 王磊 acknowledged at 09:30; 李娜 is silent and the nudge is late at 11:00.
        (
            "02",
            "2026-09-24T11:00:00+08:00",
            vec![
                "nudge 2026-09-24T10:00:00+08:00 OVERDUE to=lina@example.com cc= email",
                "sync 2026-09-28T10:00:00+08:00 - to=wanglei@example.com,lina@example.com cc=fanzhiyuan@example.com chat",
            ],
        ),
        // Nudged Thu 14:00; the next nudge would fall on Fri 9/25 (中秋) → Mon 09:00.
        (
            "03",
            "2026-09-27T12:00:00+08:00",
            vec![
                "nudge 2026-09-28T09:00:00+08:00 - to=lina@example.com cc= email",
                "sync 2026-09-28T10:00:00+08:00 - to=wanglei@example.com,lina@example.com cc=fanzhiyuan@example.com chat",
            ],
        ),
        // Second nudge Mon 09:40: two unanswered nudges escalate at the end of the next
        // reply window (Tue 09:40); the sync is overdue after 3 working days (Tue 10:00).
        (
            "04",
            "2026-09-28T12:00:00+08:00",
            vec![
                "sync 2026-09-28T10:00:00+08:00 - to=wanglei@example.com,lina@example.com cc=fanzhiyuan@example.com chat",
                "escalate 2026-09-29T09:40:00+08:00 - to=lina@example.com cc=fanzhiyuan@example.com,zhoufang@example.com email",
            ],
        ),
        // 王磊 delays (来不及, 预计10月12日18:00前): one escalation covers both, cc'ing every
        // superior; item 2 (9/29 18:00) has now passed too.
        (
            "05",
            "2026-09-29T18:10:00+08:00",
            vec![
                "sync 2026-09-28T10:00:00+08:00 OVERDUE to=wanglei@example.com,lina@example.com cc=fanzhiyuan@example.com chat",
                "escalate 2026-09-29T09:40:00+08:00 OVERDUE to=lina@example.com,wanglei@example.com cc=fanzhiyuan@example.com,zhoufang@example.com,chenjie@example.com email",
            ],
        ),
        // Escalated 18:30; nothing but the sync is owed.
        (
            "06",
            "2026-09-30T09:00:00+08:00",
            vec![
                "sync 2026-09-28T10:00:00+08:00 OVERDUE to=wanglei@example.com,lina@example.com cc=fanzhiyuan@example.com chat",
            ],
        ),
        // Synced Wed 9/30 10:00; the next sync is 2 working days later across 国庆: Fri 10/9.
        (
            "07",
            "2026-10-05T10:00:00+08:00",
            vec![
                "sync 2026-10-09T10:00:00+08:00 - to=wanglei@example.com,lina@example.com cc=fanzhiyuan@example.com chat",
            ],
        ),
        // 李娜 delivers Thu 10/8 10:00 (attachment): confirm within 24 h.
        (
            "08",
            "2026-10-08T12:00:00+08:00",
            vec![
                "sync 2026-10-09T10:00:00+08:00 - to=wanglei@example.com,lina@example.com cc=fanzhiyuan@example.com chat",
                "confirm 2026-10-09T10:00:00+08:00 - to=lina@example.com cc= email",
            ],
        ),
        // Confirmed. On the 调休 Saturday 10/10 (a working day) the sync due Fri 10/9 is
        // not yet overdue: 3 working days after 9/30 10:00 is Sat 10/10 10:00.
        (
            "09",
            "2026-10-10T09:30:00+08:00",
            vec![
                "sync 2026-10-09T10:00:00+08:00 - to=wanglei@example.com,lina@example.com cc=fanzhiyuan@example.com chat",
            ],
        ),
        // 王磊 delivers Mon 10/12 17:00, before his promised 18:00.
        (
            "10",
            "2026-10-12T18:00:00+08:00",
            vec!["confirm 2026-10-13T17:00:00+08:00 - to=wanglei@example.com cc= chat"],
        ),
        // Confirmed Tue 10/13 10:00; it slipped, so a retro within 3 working days (Fri 10/16).
        (
            "11",
            "2026-10-13T12:00:00+08:00",
            vec![
                "retro 2026-10-16T18:00:00+08:00 - to=zhaomin@example.com,wanglei@example.com,lina@example.com cc= email",
            ],
        ),
    ]
}

fn assert_step(step: &str, now: &str, got: Vec<String>, want: &[&str]) {
    let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
    assert_eq!(got, want, "after mail {step}, now {now}");
}

#[test]
fn story_in_memory() {
    let mut tr = Tracker::new(config());
    let cps = checkpoints();
    let mut ci = 0;
    for (n, raw) in MAILS {
        tr.apply_message(raw).expect("threaded");
        while ci < cps.len() && cps[ci].0 == *n {
            let (_, now, want) = &cps[ci];
            assert_step(n, now, render(&tr.collaborations(), now), want);
            ci += 1;
        }
    }
    assert_eq!(ci, cps.len());
    let cs = tr.collaborations();
    assert_eq!(cs.len(), 1);
    let c = &cs[0];
    assert_eq!(c.items.len(), 2);
    assert_eq!(c.items[0].owner.as_deref(), Some("wanglei@example.com"));
    assert_eq!(c.items[0].promised, Some(t("2026-10-12T18:00:00+08:00")));
    assert_eq!(c.items[1].owner.as_deref(), Some("lina@example.com"));
    // A manual mark (retro is done outside mail is not a mark; drop and confirm are).
    let id = c.id.clone();
    tr.apply_mark(
        &id,
        Mark::Dropped.event(t("2026-10-14T10:00:00+08:00"), Some(0)),
    )
    .unwrap();
    assert!(
        tr.apply_mark(
            "nope",
            Mark::Dropped.event(t("2026-10-14T10:00:00+08:00"), None)
        )
        .is_err()
    );
}

fn run_store(mut store: Box<dyn Store>) {
    let cfg = config();
    let cps = checkpoints();
    let mut ci = 0;
    for (n, raw) in MAILS {
        store.put_raw(raw, &format!("story/{n}.eml"), None).unwrap();
        // Re-ingesting is a no-op.
        store
            .put_raw(raw, &format!("story/{n}-again.eml"), None)
            .unwrap();
        store.lock_tracker().unwrap();
        for input in store.pending(100).unwrap() {
            let changes = track_input(store.as_mut(), &input, &cfg).unwrap();
            assert!(store.apply(&changes).unwrap());
        }
        store.unlock_tracker().unwrap();
        while ci < cps.len() && cps[ci].0 == *n {
            let (_, now, want) = &cps[ci];
            assert_step(n, now, render(&store.collaborations().unwrap(), now), want);
            assert_stored_plans_agree(store.as_mut(), &directory(), t(now));
            ci += 1;
        }
    }
    assert_eq!(ci, cps.len());
    // The store agrees with the in-memory tracker (what `liaison rebuild` relies on).
    let mut tr = Tracker::new(cfg.clone());
    for (_, raw) in MAILS {
        tr.apply_message(raw);
    }
    assert_eq!(store.collaborations().unwrap(), tr.collaborations());
    // A manual mark through the ledger.
    let id = tr.collaborations()[0].id.clone();
    let seq = store
        .record_manual(
            &id,
            &Mark::Confirmed.event(t("2026-10-13T11:00:00+08:00"), None),
        )
        .unwrap();
    let input = store
        .pending(10)
        .unwrap()
        .into_iter()
        .find(|i| i.seq == seq)
        .unwrap();
    let changes = track_input(store.as_mut(), &input, &cfg).unwrap();
    assert!(store.apply(&changes).unwrap());
    assert_eq!(
        store.events(&id).unwrap().len(),
        store.collaboration(&id).unwrap().unwrap().events.len()
    );
    // Stored plans follow every instant of the story, every change of a collaboration, and
    // a change of the directory (no superiors: escalations lose their cc).
    let start = t("2026-09-21T08:00:00+08:00");
    for h in (0..24 * 30).step_by(7) {
        assert_stored_plans_agree(
            store.as_mut(),
            &directory(),
            start + chrono::Duration::hours(h),
        );
    }
    let mut flat = directory();
    for p in &mut flat.people {
        p.superior = None;
    }
    assert_ne!(flat, directory());
    for h in (0..24 * 30).step_by(13) {
        assert_stored_plans_agree(store.as_mut(), &flat, start + chrono::Duration::hours(h));
    }
}

#[test]
fn story_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    run_store(liaison_store::open(&Location::Sqlite(dir.path().join("liaison.db"))).unwrap());
}

#[test]
fn story_on_postgres() {
    let base = std::env::var("LIAISON_TEST_DATABASE_URL").unwrap_or_else(|_| {
        panic!("LIAISON_TEST_DATABASE_URL is not set: run scripts/test (it starts PostgreSQL)")
    });
    let schema = format!("engine_story_{}", std::process::id());
    let mut c = postgres::Client::connect(&base, postgres::NoTls).unwrap_or_else(|e| {
        panic!("cannot connect to {base}: {e}; run scripts/test (it starts PostgreSQL)")
    });
    c.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
        .unwrap();
    let sep = if base.contains('?') { '&' } else { '?' };
    run_store(
        liaison_store::open(&Location::Postgres(format!("{base}{sep}schema={schema}"))).unwrap(),
    );
    c.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
        .unwrap();
}

#[test]
fn a_reply_without_references_threads_by_subject_and_a_stranger_does_not() {
    let mut tr = Tracker::new(config());
    tr.apply_message(MAILS[0].1).unwrap();
    let reply = "Message-ID: <bare-1@example.com>\r\nDate: Thu, 24 Sep 2026 09:00:00 +0800\r\nFrom: lina@example.com\r\nTo: zhaomin@example.com\r\nSubject: =?UTF-8?B?5Zue5aSN77ya?= 【需求对接】订单导出改造-技术部/数据部\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n收到，9月29日前无法提供，需要延期。\r\n";
    assert!(tr.apply_message(reply.as_bytes()).is_some());
    let c = &tr.collaborations()[0];
    let kinds: Vec<_> = c.events.iter().map(|e| e.kind).collect();
    use liaison_model::EventKind::*;
    assert_eq!(kinds, [Sent, Replied, Disagreement]);
    // Strangers writing to each other about the same topic touch nothing.
    let stranger = reply
        .replace("bare-1", "bare-2")
        .replace("lina@example.com", "someone@elsewhere.com")
        .replace("zhaomin@example.com", "other@elsewhere.com");
    assert!(tr.apply_message(stranger.as_bytes()).is_none());
    assert_eq!(tr.collaborations()[0].events.len(), 3);
}

/// An impossible deadline (9月31日 does not exist) is `invalid` in the scanner and has no
/// value: the tracker never plans from it, and the item keeps no due date rather than a
/// date cut down to the part that parses.
#[test]
fn an_invalid_deadline_is_never_planned_from() {
    let mut tr = Tracker::new(config());
    let open = String::from_utf8(MAILS[0].1.to_vec())
        .unwrap()
        .replace("9月29日18:00前发送", "9月31日18:00前发送");
    assert!(open.contains("9月31日"));
    tr.apply_message(open.as_bytes()).unwrap();
    let c = &tr.collaborations()[0];
    assert_eq!(c.items.len(), 2);
    assert_eq!(
        c.items[0].due.map(|d| d.to_rfc3339()).as_deref(),
        Some("2026-10-09T18:00:00+08:00")
    );
    assert_eq!(c.items[1].due, None, "{:?}", c.items[1]);
}
