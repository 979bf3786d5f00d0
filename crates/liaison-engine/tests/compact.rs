//! The compact planner equals the planner it replaced: for any set of collaborations (random
//! states, items, timelines; ids in any order) and any `now` — near the
//! collaborations, where the working-day table answers, or years away, where the calendar
//! does —, `plan`, `plan_parallel` and `plan_compact` shown one by one all give exactly what
//! the old planner (kept verbatim in `support/reference_planner.rs`) gives, in both
//! languages. Also: positions past a bit mask's 64, and the stored plans refreshed in a
//! batch large enough for the table.

use chrono::{DateTime, Duration, FixedOffset};
use liaison_engine::{
    DueAction, Lang, PlanContext, Policy, plan, plan_compact, plan_compact_parallel, plan_parallel,
    plans,
};
use liaison_model::{
    ActionItem, Collaboration, Directory, Event, EventKind, ItemStatus, Kind, State,
};
use liaison_store::{Changes, Location};
use liaison_time::{Calendar, WorkHours};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

#[path = "support/collabs.rs"]
mod collabs;
#[path = "support/reference_planner.rs"]
mod reference;
use collabs::{collab, directory, t0};

fn context<'a>(
    policy: &'a Policy,
    cal: &'a Calendar,
    dir: &'a Directory,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> PlanContext<'a> {
    PlanContext {
        policy,
        calendar: cal,
        hours: WorkHours::default(),
        tz: chrono_tz::Asia::Shanghai,
        directory: dir,
        now,
        lang,
    }
}

/// Every way of planning `collabs` at `cx` agrees with the reference.
fn assert_all_agree(collabs: &[Collaboration], cx: &PlanContext<'_>) {
    let want = reference::plan(collabs, cx);
    assert_eq!(plan(collabs, cx), want, "plan at {}", cx.now);
    assert_eq!(
        plan_parallel(collabs, cx),
        want,
        "plan_parallel at {}",
        cx.now
    );
    let compact = plan_compact(collabs, cx);
    assert_eq!(plan_compact_parallel(collabs, cx), compact);
    let shown: Vec<DueAction> = compact
        .iter()
        .map(|p| p.show(&collabs[p.collaboration as usize], cx))
        .collect();
    assert_eq!(shown, want, "plan_compact shown at {}", cx.now);
    for (p, a) in compact.iter().zip(&want) {
        assert_eq!(
            (p.action, p.due_at, p.overdue_at, p.overdue),
            (a.action, a.due_at, a.overdue_at, a.overdue)
        );
        assert_eq!(p.due_at.offset(), a.due_at.offset());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn the_compact_planner_equals_the_reference(
        set in proptest::collection::vec(collab(), 1..140),
        scatter in prop_oneof![1 => Just(0u64), 3 => 1u64..1000],
        minutes in -72i64 * 60..700 * 60,
        years_away in prop_oneof![3 => Just(0i64), 1 => -12i64..12],
    ) {
        // Ids in the slice's order (as a store gives them) or scattered (a permutation: the
        // store's ids are unique, and equal ones would have no defined order).
        let collabs: Vec<Collaboration> = set
            .into_iter()
            .enumerate()
            .map(|(i, mut c)| {
                c.id = if scatter == 0 {
                    format!("c{i:04}")
                } else {
                    format!("c{}", (i as u64 * 7919 + scatter) % 1_000_003)
                };
                c
            })
            .collect();
        let now = t0() + Duration::minutes(minutes) + Duration::days(365 * years_away);
        let (dir, cal, policy) = (directory(), Calendar::cn(), Policy::default());
        for lang in [Lang::Zh, Lang::En] {
            assert_all_agree(&collabs, &context(&policy, &cal, &dir, now, lang));
        }
    }
}

/// A collaboration with more counterparts, items and events than a 64-bit mask holds, every
/// one of them a reason: silent counterparts, passed deadlines and disputes at positions
/// past 64, and a delivery event past 64.
#[test]
fn positions_past_64_are_planned_like_the_first() {
    let t = t0();
    let people: Vec<String> = (0..70).map(|i| format!("p{i}@example.com")).collect();
    let mut events = vec![Event {
        kind: EventKind::Sent,
        at: t,
        actor: Some("me@example.com".into()),
        message_id: None,
        item: None,
        detail: None,
    }];
    for k in 0..100 {
        let kind = match k % 10 {
            3 => EventKind::Disagreement,
            7 => EventKind::Nudged,
            // Replies from the first half only: the rest stay silent, positions 35…69.
            _ if k < 35 => EventKind::Replied,
            _ => EventKind::Synced,
        };
        events.push(Event {
            kind,
            at: t + Duration::minutes(10 * k),
            actor: Some(people[(k as usize) % 70].clone()),
            message_id: None,
            item: None,
            detail: Some(format!("理由{k}")),
        });
    }
    let items: Vec<ActionItem> = (0..70)
        .map(|i| ActionItem {
            what: format!("事项{i}"),
            owner: Some(people[i % 70].clone()),
            due: Some(t + Duration::hours(i as i64)),
            due_text: None,
            standard: None,
            status: if i % 3 == 0 {
                ItemStatus::Delivered
            } else {
                ItemStatus::Open
            },
            promised: None,
        })
        .collect();
    let mut c = Collaboration {
        id: "big".into(),
        kind: Kind::Request,
        project: "项目".into(),
        subject: "大协作".into(),
        urgency: None,
        owner: "me@example.com".into(),
        counterparts: people.clone(),
        cc: vec!["cc@example.com".into()],
        started: t,
        state: State::InProgress,
        items,
        events,
    };
    // A delivery as the last event (position 101), for the confirmation.
    c.events.push(Event {
        kind: EventKind::Delivered,
        at: t + Duration::hours(30),
        actor: Some(people[66].clone()),
        message_id: None,
        item: Some(69),
        detail: None,
    });
    let (dir, cal, policy) = (directory(), Calendar::cn(), Policy::default());
    let now = t + Duration::days(5);
    // Alone (no working-day table) and among 70 others (with it).
    let many: Vec<Collaboration> = (0..70)
        .map(|i| Collaboration {
            id: format!("big{i:02}"),
            ..c.clone()
        })
        .collect();
    for lang in [Lang::Zh, Lang::En] {
        let cx = context(&policy, &cal, &dir, now, lang);
        let one = plan(std::slice::from_ref(&c), &cx);
        // Nudged ten times: the silent (positions 35…69) are escalated, with every dispute
        // (events up to position 93) and every passed deadline (items up to position 68).
        let escalate = one
            .iter()
            .find(|a| a.action == liaison_engine::Action::Escalate)
            .expect("an escalation");
        assert!(escalate.to.contains(&people[69]), "{:?}", escalate.to);
        assert!(escalate.reason.contains("93"), "{}", escalate.reason);
        assert!(escalate.reason.contains("69"), "{}", escalate.reason);
        assert!(
            one.iter().any(
                |a| a.action == liaison_engine::Action::Confirm && a.to == [people[66].clone()]
            )
        );
        assert_all_agree(std::slice::from_ref(&c), &cx);
        assert_all_agree(&many, &cx);
    }
}

/// The stored plans, refreshed in one batch of many collaborations (the working-day table
/// in use), give what the reference planner gives at several instants.
#[test]
fn a_large_refresh_stores_what_the_reference_plans() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let collabs: Vec<Collaboration> = (0..300)
        .map(|i| {
            let mut c = collab().new_tree(&mut runner).unwrap().current();
            c.id = format!("c{i:04}");
            c
        })
        .collect();
    let dir_ = tempfile::tempdir().unwrap();
    let location = Location::Sqlite(dir_.path().join("plans.db"));
    let mut store = liaison_store::open(&location).unwrap();
    store
        .apply(&Changes {
            collaborations: collabs.clone(),
            ..Changes::default()
        })
        .unwrap();
    let (dir, cal, policy) = (directory(), Calendar::cn(), Policy::default());
    let mut planned = None;
    for hours in [-30i64, 0, 20, 100, 300, 600] {
        for lang in [Lang::Zh, Lang::En] {
            let cx = context(&policy, &cal, &dir, t0() + Duration::hours(hours), lang);
            if planned.is_none() {
                planned = Some(plans::refresh(store.as_mut(), &cx).unwrap());
            }
            let want = reference::plan(&collabs, &cx);
            assert_eq!(plans::due(store.as_mut(), &cx, true).unwrap(), want);
        }
    }
    // Every collaboration that owes anything was planned in the one refresh.
    assert_eq!(planned, Some(collabs.len()));
}
