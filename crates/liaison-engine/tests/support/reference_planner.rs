//! The planner as it was before its compact form (branch `planner`, issue 14), kept
//! verbatim as the reference the compact planner must equal: every owed action made with
//! its strings, straight from the collaboration.

#![allow(dead_code)]

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, TimeZone};
use liaison_engine::{Action, Channel, DueAction, Lang, PlanContext};
use liaison_model::{Collaboration, Directory, EventKind, ItemStatus, State, Urgency};

/// The context's time arithmetic (the old private methods of `PlanContext`).
trait Clock {
    fn local(&self, t: DateTime<FixedOffset>) -> NaiveDateTime;
    fn back(&self, n: NaiveDateTime) -> DateTime<FixedOffset>;
    fn working(&self, t: DateTime<FixedOffset>) -> DateTime<FixedOffset>;
    fn add_working_hours(&self, t: DateTime<FixedOffset>, h: u32) -> DateTime<FixedOffset>;
    fn add_working_days(&self, t: DateTime<FixedOffset>, n: u32) -> DateTime<FixedOffset>;
    fn workday_end(&self, t: DateTime<FixedOffset>) -> DateTime<FixedOffset>;
}

impl Clock for PlanContext<'_> {
    fn local(&self, t: DateTime<FixedOffset>) -> NaiveDateTime {
        t.with_timezone(&self.tz).naive_local()
    }
    fn back(&self, n: NaiveDateTime) -> DateTime<FixedOffset> {
        self.tz
            .from_local_datetime(&n)
            .earliest()
            .unwrap_or_else(|| self.tz.from_utc_datetime(&n))
            .fixed_offset()
    }
    /// The first working instant at or after `t`.
    fn working(&self, t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        self.back(
            self.calendar
                .next_working_instant(self.local(t), &self.hours),
        )
    }
    /// `t` plus `h` working hours.
    fn add_working_hours(&self, t: DateTime<FixedOffset>, h: u32) -> DateTime<FixedOffset> {
        let mut cur = self
            .calendar
            .next_working_instant(self.local(t), &self.hours);
        let mut left = Duration::hours(h as i64);
        loop {
            let end = cur.date().and_time(self.hours.end);
            if end - cur >= left {
                return self.back(cur + left);
            }
            left -= end - cur;
            cur = self.calendar.next_working_instant(end, &self.hours);
        }
    }
    /// `n` working days after `t`'s day, same time of day, moved into working hours.
    fn add_working_days(&self, t: DateTime<FixedOffset>, n: u32) -> DateTime<FixedOffset> {
        let l = self.local(t);
        let d = self.calendar.add_working_days(l.date(), n);
        self.working(self.back(d.and_time(l.time())))
    }
    fn workday_end(&self, t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        let l = self.local(t);
        let d = if self.calendar.is_working_day(l.date()) && l.time() < self.hours.end {
            l.date()
        } else {
            self.calendar.next_working_day(l.date() + Duration::days(1))
        };
        self.back(d.and_time(self.hours.end))
    }
}

/// The reason in the context's language. A macro, not a method, so that only the chosen
/// language's text is formatted: formatting both doubled the planner's cost.
macro_rules! tr {
    ($cx:expr, $zh:expr, $en:expr $(,)?) => {
        match $cx.lang {
            Lang::Zh => $zh,
            Lang::En => $en,
        }
    };
}

/// The directory indexed by lower-case email, built once per [`plan`] call.
struct People<'a>(std::collections::HashMap<String, &'a liaison_model::Person>);

impl<'a> People<'a> {
    fn new(d: &'a Directory) -> People<'a> {
        People(
            d.people
                .iter()
                .map(|p| (p.email.trim().to_ascii_lowercase(), p))
                .collect(),
        )
    }
    fn person(&self, email: &str) -> Option<&'a liaison_model::Person> {
        let email = email.trim();
        // Most addresses are already lower case: look them up without allocating.
        if email.bytes().any(|b| b.is_ascii_uppercase()) {
            self.0.get(&email.to_ascii_lowercase()).copied()
        } else {
            self.0.get(email).copied()
        }
    }
    fn superior_of(&self, email: &str) -> Option<&'a liaison_model::Person> {
        self.person(email)
            .and_then(|p| p.superior.as_deref())
            .and_then(|s| self.person(s))
    }
    fn channel(&self, to: &[String]) -> Channel {
        match to.first().and_then(|a| self.person(a)) {
            Some(p) if !p.chat.is_empty() => Channel::Chat,
            _ => Channel::Email,
        }
    }
    fn name(&self, email: &str) -> String {
        self.person(email)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| email.to_string())
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x.eq_ignore_ascii_case(s)) {
        v.push(s.to_string());
    }
}

/// Computes every owed action (due now or later) for the collaborations, sorted by due
/// time, collaboration and action. Pure: the same inputs give the same output.
pub fn plan(collabs: &[Collaboration], cx: &PlanContext<'_>) -> Vec<DueAction> {
    // About one action per live collaboration: reserving for it saves regrowing (and
    // copying) a large result several times.
    let mut out = Vec::with_capacity(collabs.len());
    let people = People::new(cx.directory);
    for c in collabs {
        plan_one(c, cx, &people, &mut out);
    }
    sort_actions(&mut out);
    out
}

/// [`plan`] spread over the rayon pool: the same result (the planner is pure), for a full
fn permute(out: Vec<DueAction>, index: &[u32]) -> Vec<DueAction> {
    let mut slots: Vec<Option<DueAction>> = out.into_iter().map(Some).collect();
    index
        .iter()
        .map(|i| {
            slots[*i as usize]
                .take()
                .expect("a permutation visits each once")
        })
        .collect()
}

fn order(a: &DueAction, b: &DueAction) -> std::cmp::Ordering {
    a.due_at
        .cmp(&b.due_at)
        .then_with(|| a.collaboration.cmp(&b.collaboration))
        .then_with(|| a.action.cmp(&b.action))
}

/// The order of [`plan`]'s result: by due time, collaboration and action.
fn sort_actions(out: &mut Vec<DueAction>) {
    // A collaboration owes each action at most once, so no two actions compare equal and the
    // unstable sort is as deterministic as a stable one. Positions are sorted, not the
    // actions: moving a large action a few dozen times each cost more than the comparisons.
    let mut index: Vec<u32> = (0..out.len() as u32).collect();
    index.sort_unstable_by(|a, b| order(&out[*a as usize], &out[*b as usize]));
    *out = permute(std::mem::take(out), &index);
}

/// The states in which a collaboration owes nothing.
const UNPLANNED_STATES: [State; 2] = [State::Archived, State::Draft];

fn effective_due(i: &liaison_model::ActionItem) -> Option<DateTime<FixedOffset>> {
    i.promised.or(i.due)
}

fn plan_one(
    c: &Collaboration,
    cx: &PlanContext<'_>,
    people: &People<'_>,
    out: &mut Vec<DueAction>,
) {
    if UNPLANNED_STATES.contains(&c.state) {
        return;
    }
    let p = cx.policy;
    let mk = |action: Action,
              due_at: DateTime<FixedOffset>,
              overdue_at: DateTime<FixedOffset>,
              to: Vec<String>,
              cc: Vec<String>,
              reason: String| DueAction {
        collaboration: c.id.clone(),
        subject: c.subject.clone(),
        action,
        due_at,
        overdue: cx.now > overdue_at,
        overdue_at,
        channel: people.channel(&to),
        to,
        cc,
        reason,
    };
    let ev = &c.events;
    let last_of = |kinds: &[EventKind]| {
        ev.iter()
            .filter(|e| kinds.contains(&e.kind))
            .map(|e| e.at)
            .max()
    };
    let live: Vec<(usize, &liaison_model::ActionItem)> = c
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.status != ItemStatus::Dropped)
        .collect();
    let all_delivered = !live.is_empty()
        && live
            .iter()
            .all(|(_, i)| matches!(i.status, ItemStatus::Delivered | ItemStatus::Confirmed));
    let active = matches!(
        c.state,
        State::Sent | State::Acknowledged | State::InProgress
    ) && !all_delivered;
    let last_escalation = last_of(&[EventKind::Escalated]);
    let after_escalation = |t: DateTime<FixedOffset>| last_escalation.is_none_or(|e| e < t);
    let superiors = |who_all: &[String]| {
        let mut cc = Vec::new();
        for who in std::iter::once(&c.owner).chain(who_all.iter()) {
            if let Some(s) = people.superior_of(who) {
                push_unique(&mut cc, &s.email.to_ascii_lowercase());
            }
        }
        cc
    };

    if active {
        // Who has not answered at all.
        let repliers: Vec<&str> = ev
            .iter()
            .filter(|e| e.kind == EventKind::Replied)
            .filter_map(|e| e.actor.as_deref())
            .collect();
        let silent: Vec<String> = c
            .counterparts
            .iter()
            .filter(|p| !repliers.iter().any(|r| r.eq_ignore_ascii_case(p)))
            .cloned()
            .collect();
        let nudges: Vec<DateTime<FixedOffset>> = ev
            .iter()
            .filter(|e| e.kind == EventKind::Nudged)
            .map(|e| e.at)
            .collect();
        let mut escalations: Vec<(DateTime<FixedOffset>, Vec<String>, String)> = Vec::new();
        if !silent.is_empty() {
            let last_out = last_of(&[EventKind::Sent, EventKind::Nudged]).unwrap_or(c.started);
            let mut due = match (&c.urgency, nudges.is_empty()) {
                (Some(Urgency::Urgent), _) => {
                    cx.add_working_hours(last_out, p.urgent_reply_working_hours)
                }
                (Some(Urgency::Today), true) => cx.workday_end(last_out),
                _ => cx.working(last_out + Duration::hours(p.reply_window_hours as i64)),
            };
            if let Some(ln) = nudges.last()
                && cx.local(*ln).date() == cx.local(due).date()
            {
                due = cx.working(
                    cx.back(
                        cx.calendar
                            .next_working_day(cx.local(due).date() + Duration::days(1))
                            .and_time(cx.hours.start),
                    ),
                );
            }
            let names = silent
                .iter()
                .map(|s| people.name(s))
                .collect::<Vec<_>>()
                .join("、");
            if nudges.len() as u32 >= p.nudges_before_escalation {
                escalations.push((
                    due,
                    silent.clone(),
                    tr!(
                        cx,
                        format!("{names} 已被催办 {} 次仍未回复", nudges.len()),
                        format!("{names} did not answer {} nudges", nudges.len()),
                    ),
                ));
            } else {
                let reason = if nudges.is_empty() {
                    tr!(
                        cx,
                        format!("{names} 在回复时限内未回复"),
                        format!("{names} did not reply within the reply window"),
                    )
                } else {
                    tr!(
                        cx,
                        format!("{names} 在第 {} 次催办后仍未回复", nudges.len()),
                        format!("{names} still silent after nudge {}", nudges.len()),
                    )
                };
                out.push(mk(
                    Action::Nudge,
                    due,
                    due,
                    silent.clone(),
                    Vec::new(),
                    reason,
                ));
            }
        }
        // Deadlines passed without delivery.
        for (i, it) in &live {
            if !matches!(it.status, ItemStatus::Open | ItemStatus::Overdue) {
                continue;
            }
            if let Some(d) = effective_due(it)
                && d <= cx.now
            {
                let who: Vec<String> = match &it.owner {
                    Some(o) if o.contains('@') => vec![o.clone()],
                    _ => c.counterparts.clone(),
                };
                escalations.push((
                    d,
                    who,
                    tr!(
                        cx,
                        format!(
                            "事项{}「{}」已过截止时间 {} 仍未交付",
                            i + 1,
                            it.what,
                            cx.local(d).format("%m-%d %H:%M")
                        ),
                        format!(
                            "item {} \"{}\" passed its deadline {} undelivered",
                            i + 1,
                            it.what,
                            cx.local(d).format("%m-%d %H:%M")
                        ),
                    ),
                ));
            }
        }
        // Disputes and delays.
        for e in ev.iter().filter(|e| e.kind == EventKind::Disagreement) {
            let who: Vec<String> = e
                .actor
                .iter()
                .filter(|a| !a.eq_ignore_ascii_case(&c.owner))
                .cloned()
                .collect();
            let who = if who.is_empty() {
                c.counterparts.clone()
            } else {
                who
            };
            let phrase = e.detail.clone().unwrap_or_default();
            escalations.push((
                e.at,
                who.clone(),
                tr!(
                    cx,
                    format!(
                        "{} 的回复有异议或延期（“{}”）",
                        who.iter()
                            .map(|w| people.name(w))
                            .collect::<Vec<_>>()
                            .join("、"),
                        phrase
                    ),
                    format!("{} disputed or delayed (\"{}\")", who.join(", "), phrase),
                ),
            ));
        }
        let pending: Vec<_> = escalations
            .into_iter()
            .filter(|(t, _, _)| after_escalation(*t))
            .collect();
        if let Some(at) = pending.iter().map(|e| e.0).min() {
            let mut sorted = pending;
            sorted.sort_by_key(|a| a.0);
            let mut who = Vec::new();
            let mut reasons: Vec<String> = Vec::new();
            for (_, w, r) in sorted {
                for x in &w {
                    push_unique(&mut who, x);
                }
                if !reasons.contains(&r) {
                    reasons.push(r);
                }
            }
            let cc = superiors(&who);
            let sep = if cx.lang == Lang::Zh { "；" } else { "; " };
            out.push(mk(Action::Escalate, at, at, who, cc, reasons.join(sep)));
        }
        // Progress syncs for long collaborations.
        let last_deadline = live.iter().filter_map(|(_, i)| effective_due(i)).max();
        if let Some(ld) = last_deadline
            && ld - c.started > Duration::days(p.sync_min_span_days as i64)
        {
            let last = last_of(&[EventKind::Sent, EventKind::Synced]).unwrap_or(c.started);
            let due = cx.add_working_days(last, p.sync_every_working_days);
            let late = cx.add_working_days(last, p.sync_overdue_working_days);
            let mut to = c.counterparts.clone();
            to.retain(|x| !x.eq_ignore_ascii_case(&c.owner));
            out.push(mk(
                Action::Sync,
                due,
                late,
                to,
                c.cc.clone(),
                tr!(
                    cx,
                    format!("距上次进度同步已满 {} 个工作日", p.sync_every_working_days),
                    format!(
                        "{} working days since the last progress update",
                        p.sync_every_working_days
                    ),
                ),
            ));
        }
    }

    // Deliveries awaiting confirmation.
    if matches!(
        c.state,
        State::Acknowledged | State::InProgress | State::Delivered | State::Sent
    ) {
        let delivered: Vec<usize> = live
            .iter()
            .filter(|(_, i)| i.status == ItemStatus::Delivered)
            .map(|(n, _)| *n)
            .collect();
        if let Some(d) = ev
            .iter()
            .filter(|e| {
                e.kind == EventKind::Delivered && e.item.is_none_or(|i| delivered.contains(&i))
            })
            .max_by_key(|e| e.at)
            .filter(|_| !delivered.is_empty())
        {
            let to = match &d.actor {
                Some(a) => vec![a.clone()],
                None => c.counterparts.clone(),
            };
            let due = d.at + Duration::hours(p.confirm_within_hours as i64);
            let list = delivered
                .iter()
                .map(|n| (n + 1).to_string())
                .collect::<Vec<_>>()
                .join("、");
            out.push(mk(
                Action::Confirm,
                due,
                due,
                to,
                Vec::new(),
                tr!(
                    cx,
                    format!(
                        "事项{list} 已交付，需在 {} 小时内确认",
                        p.confirm_within_hours
                    ),
                    format!(
                        "item(s) {list} delivered; confirm within {} hours",
                        p.confirm_within_hours
                    ),
                ),
            ));
        }
    }

    // Retro and archive after confirmation.
    if c.state == State::Confirmed {
        let confirmed_at = last_of(&[EventKind::Confirmed]).unwrap_or(c.started);
        let slipped = ev.iter().any(|e| {
            matches!(
                e.kind,
                EventKind::Escalated | EventKind::Disagreement | EventKind::DeadlineChanged
            )
        }) || c.items.iter().enumerate().any(|(n, i)| {
            i.due.is_some_and(|d| {
                ev.iter().any(|e| {
                    e.kind == EventKind::Delivered && e.item.is_none_or(|x| x == n) && e.at > d
                })
            })
        });
        let mut all = vec![c.owner.clone()];
        for x in &c.counterparts {
            push_unique(&mut all, x);
        }
        if slipped {
            let l = cx.local(confirmed_at);
            let d = cx
                .calendar
                .add_working_days(l.date(), p.retro_within_working_days);
            let due = cx.back(d.and_time(cx.hours.end));
            out.push(mk(
                Action::Retro,
                due,
                due,
                all,
                Vec::new(),
                tr!(
                    cx,
                    "协作中有延期、异议或升级，确认后需复盘".to_string(),
                    "something slipped or was escalated; hold a retro after confirmation"
                        .to_string(),
                ),
            ));
        } else {
            out.push(mk(
                Action::Archive,
                confirmed_at,
                confirmed_at,
                vec![c.owner.clone()],
                Vec::new(),
                tr!(
                    cx,
                    "交付已确认，可以归档".into(),
                    "deliveries confirmed; archive".into(),
                ),
            ));
        }
    }
    if c.state == State::Reviewed {
        let at = last_of(&[EventKind::Retro]).unwrap_or(c.started);
        out.push(mk(
            Action::Archive,
            at,
            at,
            vec![c.owner.clone()],
            Vec::new(),
            tr!(
                cx,
                "复盘已完成，可以归档".into(),
                "retro held; archive".into()
            ),
        ));
    }
}
