//! Drafting the follow-ups (issue 11 item 3): along the story of `tests/story/`, every
//! due action is drafted in Chinese and in English, each draft lints clean (no errors, no
//! warnings) with the story's directory, and says what the guide asks of it: a nudge names
//! the open items and their deadlines, an escalation states the timeline and cc's both
//! parties' superiors, a confirmation names the delivery and its standard. The drafted mail
//! threads back into its collaboration as the event its action stands for.

use chrono::DateTime;
use liaison_compose::Templates;
use liaison_engine::drafting::{DraftContext, action_message_id, draft};
use liaison_engine::{Action, Lang, PlanContext, Policy, Tracker, TrackerConfig, plan};
use liaison_model::{Directory, EventKind, KindTable};
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

/// (after mail N, now): moments where the plan holds each action kind.
const MOMENTS: &[(&str, &str)] = &[
    ("01", "2026-09-24T10:00:00+08:00"),
    ("02", "2026-09-24T11:00:00+08:00"),
    ("04", "2026-09-29T10:00:00+08:00"),
    ("05", "2026-09-29T18:10:00+08:00"),
    ("08", "2026-10-09T10:00:00+08:00"),
    ("10", "2026-10-13T09:00:00+08:00"),
    ("11", "2026-10-16T18:00:00+08:00"),
];

fn t(s: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn directory() -> Directory {
    toml::from_str(include_str!("story/directory.toml")).unwrap()
}

fn config() -> TrackerConfig {
    TrackerConfig {
        me: vec!["zhaomin@example.com".into()],
        kinds: KindTable::default(),
        directory: directory(),
        time: Context::new(t("2026-09-23T10:00:00+08:00")),
    }
}

#[test]
fn every_action_kind_drafts_lint_clean_in_both_languages() {
    let dir = directory();
    let cal = Calendar::cn();
    let policy = Policy::default();
    let templates = Templates::builtin();
    let mut tr = Tracker::new(config());
    let mut seen = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for (n, raw) in MAILS {
        tr.apply_message(raw).expect("threaded");
        for (_, now) in MOMENTS.iter().filter(|(m, _)| m == n) {
            let now = t(now);
            let collabs = tr.collaborations();
            let pcx = PlanContext {
                policy: &policy,
                calendar: &cal,
                hours: WorkHours::default(),
                tz: chrono_tz::Asia::Shanghai,
                directory: &dir,
                now,
                lang: Lang::Zh,
            };
            for due in plan(&collabs, &pcx)
                .into_iter()
                .filter(|d| d.due_at <= now && d.action != Action::Archive)
            {
                seen.insert(due.action);
                let c = collabs.iter().find(|c| c.id == due.collaboration).unwrap();
                for lang in [Lang::Zh, Lang::En] {
                    let cx = DraftContext {
                        directory: &dir,
                        templates: &templates,
                        lang,
                        now,
                        domain: "example.com",
                        calendar: &cal,
                        hours: WorkHours::default(),
                        tz: chrono_tz::Asia::Shanghai,
                    };
                    let f = draft(c, &due, &cx).unwrap();
                    assert_eq!(
                        f.message_id,
                        action_message_id(&c.id, due.action, due.due_at, "example.com")
                    );
                    let text = String::from_utf8_lossy(&f.eml).to_string();
                    assert!(text.contains(&format!("Message-ID: <{}>", f.message_id)));
                    assert!(text.contains("In-Reply-To: <"), "{text}");
                    let linter = liaison_lint::Linter::new(
                        &liaison_lint::LintConfig::default(),
                        Some(dir.clone()),
                        Context::new(now).with_calendar(cal.clone()),
                    )
                    .unwrap();
                    let report = linter.lint_bytes("draft.eml", &f.eml, Some(Lang::En));
                    let diags: Vec<String> = report
                        .diagnostics
                        .iter()
                        .map(|d| format!("{} {}", d.rule, d.message))
                        .collect();
                    if !diags.is_empty() {
                        failures.push(format!(
                            "{} {:?} at {now}: {diags:?}\n{}",
                            due.action.id(),
                            lang,
                            f.mail.draft(lang)
                        ));
                    }
                    let body = &f.mail.body;
                    match due.action {
                        Action::Nudge => {
                            // Names every open item and its deadline.
                            for it in c
                                .items
                                .iter()
                                .filter(|i| matches!(i.status, liaison_model::ItemStatus::Open))
                            {
                                let d = it.promised.or(it.due).unwrap();
                                if d <= now {
                                    assert!(body.contains(if lang == Lang::Zh {
                                        "已逾期"
                                    } else {
                                        "overdue"
                                    }));
                                    continue;
                                }
                                let local = d.with_timezone(&chrono_tz::Asia::Shanghai);
                                let stamp = match lang {
                                    Lang::Zh => local.format("%-m月%-d日%H:%M").to_string(),
                                    Lang::En => local.format("%b %-d, %H:%M").to_string(),
                                };
                                assert!(body.contains(&stamp), "{stamp} in {body}");
                                if lang == Lang::Zh {
                                    assert!(
                                        body.contains(it.what.trim_end_matches('。')),
                                        "{body}"
                                    );
                                }
                            }
                        }
                        Action::Escalate => {
                            for s in &due.cc {
                                assert!(
                                    f.mail.cc.iter().any(|c| c.contains(s.as_str())),
                                    "{s} cc'd: {:?}",
                                    f.mail.cc
                                );
                            }
                            assert!(body.contains(if lang == Lang::Zh {
                                "时间线"
                            } else {
                                "Timeline"
                            }));
                        }
                        Action::Confirm => {
                            for it in c
                                .items
                                .iter()
                                .filter(|i| i.status == liaison_model::ItemStatus::Delivered)
                            {
                                if let Some(s) = &it.standard
                                    && lang == Lang::Zh
                                {
                                    assert!(body.contains(s.trim_end_matches('。')), "{body}");
                                }
                                if lang == Lang::Zh {
                                    assert!(
                                        body.contains(it.what.trim_end_matches('。')),
                                        "{body}"
                                    );
                                }
                            }
                        }
                        _ => {}
                    }
                    // Threads back into the collaboration as the action's event.
                    if lang == Lang::Zh {
                        let mut copy = Tracker::new(config());
                        for (m, r) in MAILS {
                            copy.apply_message(r);
                            if m == n {
                                break;
                            }
                        }
                        let id = copy.apply_message(&f.eml).expect("threads");
                        assert_eq!(id, c.id, "the follow-up threads into its collaboration");
                        let after = copy.collaborations();
                        let last = after[0].events.last().unwrap().kind;
                        let want = match due.action {
                            Action::Nudge => EventKind::Nudged,
                            Action::Sync => EventKind::Synced,
                            Action::Escalate => EventKind::Escalated,
                            Action::Confirm => EventKind::Confirmed,
                            Action::Retro => EventKind::Retro,
                            Action::Archive => unreachable!(),
                        };
                        assert_eq!(last, want, "{}: {:?}", due.action.id(), after[0].events);
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        vec![
            Action::Nudge,
            Action::Sync,
            Action::Escalate,
            Action::Confirm,
            Action::Retro
        ]
    );
}
