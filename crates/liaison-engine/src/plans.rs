//! The planner's result kept per collaboration, so that "what is due" is an index range read
//! instead of a run of the planner over every collaboration (issue 14).
//!
//! The planner depends on `now` in two ways only: whether an action is late (a comparison
//! with its `overdue_at`, made when reading) and which item deadlines have passed (each
//! passed deadline adds a reason to escalate). So a collaboration's plan, as a function of
//! `now`, is constant between consecutive deadlines of its open items. [`rows`] computes one
//! plan per such segment, in both languages, and the store keeps them with their validity;
//! [`due`] reads the rows valid at `now`. A collaboration written since it was planned is
//! replanned on the next read ([`refresh`]), and a change of policy, calendar, working
//! hours, time zone or directory (the [`fingerprint`]) replans everything. The result equals
//! [`crate::plan`] at every `now` (property-tested).

use crate::planner::{self, Action, Channel, DueAction, Lang, People, PlanContext, WorkingDays};
use chrono::{DateTime, FixedOffset, Utc};
use liaison_model::{Collaboration, ItemStatus};
use liaison_store::{PlanRow, Store, StoreError};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The [`Store::meta`] key of the fingerprint the stored plans were computed with.
pub const FINGERPRINT_KEY: &str = "plan-config";

/// Changes whenever the planner's logic changes, so that plans stored by an older liaison
/// are recomputed rather than trusted.
const PLANNER_VERSION: &str = "planner-3";

/// How many collaborations are planned per store transaction.
const BATCH: usize = 4096;

/// Everything besides a collaboration that its plan depends on, as one hash: the policy,
/// the calendar, the working hours, the time zone and the directory.
pub fn fingerprint(cx: &PlanContext<'_>) -> String {
    let text = format!(
        "{PLANNER_VERSION}\n{:?}\n{:?}\n{:?}\n{}\n{:?}",
        cx.policy, cx.calendar, cx.hours, cx.tz, cx.directory
    );
    liaison_store::sha256_hex(text.as_bytes())
}

/// One action as stored: the planner's output with the reason in both languages, as a JSON
/// array (subject, action, UTC offsets of the due and overdue instants, nanoseconds of
/// their second, recipients, copies, channel, reason in Chinese, in English). The instants
/// themselves are the row's columns (microseconds); only their offsets, and the nanoseconds
/// when an instant has them (a mark made on the clock), are kept here, so that reading
/// parses no dates. An array, not an object: the keys were a third of every row, and `due`
/// reads and decodes every row due (planner-3; planner-2 kept objects).
#[derive(Debug, Serialize)]
struct Stored<'a>(
    &'a str,
    Action,
    i32,
    i32,
    u32,
    u32,
    &'a [String],
    &'a [String],
    Channel,
    &'a str,
    &'a str,
);

/// [`Stored`] as read: borrowed from the row where it can be, so that the reason in the
/// other language is never copied.
#[derive(Deserialize)]
struct StoredRef<'a>(
    #[serde(borrow)] Cow<'a, str>,
    Action,
    i32,
    i32,
    u32,
    u32,
    Vec<String>,
    Vec<String>,
    Channel,
    #[serde(borrow)] Cow<'a, str>,
    #[serde(borrow)] Cow<'a, str>,
);

/// One stored action of a segment: its JSON, due instant and overdue instant.
type SegmentRow = (String, i64, i64);

fn micros(t: DateTime<FixedOffset>) -> i64 {
    t.timestamp_micros()
}

/// The stored plan of one collaboration: every action it owes, for every stretch of time
/// between the deadlines of its open items.
pub fn rows(c: &Collaboration, cx: &PlanContext<'_>) -> Vec<PlanRow> {
    rows_with(c, cx, &People::new(cx.directory), &WorkingDays::new(cx, 1))
}

fn rows_with(
    c: &Collaboration,
    cx: &PlanContext<'_>,
    people: &People<'_>,
    days: &WorkingDays<'_>,
) -> Vec<PlanRow> {
    let mut cuts: Vec<DateTime<FixedOffset>> = c
        .items
        .iter()
        .filter(|i| matches!(i.status, ItemStatus::Open | ItemStatus::Overdue))
        .filter_map(planner::effective_due)
        .collect();
    cuts.sort();
    cuts.dedup();
    let mut out: Vec<PlanRow> = Vec::new();
    // The plan of the previous segment and where its rows start in `out`, to merge equal
    // neighbours.
    let mut prev: Option<Vec<planner::Planned>> = None;
    let mut prev_start = 0;
    for k in 0..=cuts.len() {
        let from = if k == 0 {
            i64::MIN
        } else {
            micros(cuts[k - 1])
        };
        let until = cuts.get(k).map(|t| micros(*t)).unwrap_or(i64::MAX);
        // Before the first deadline none has passed: any instant earlier than all will do.
        let now = if k == 0 {
            DateTime::<Utc>::MIN_UTC.fixed_offset()
        } else {
            cuts[k - 1]
        };
        // One plan per segment; both languages are shown from it.
        let mut planned = Vec::new();
        planner::plan_one(c, 0, &PlanContext { now, ..cx.clone() }, days, &mut planned);
        if let Some(last) = &prev
            && last.len() == planned.len()
            && last.iter().zip(&planned).all(|(a, b)| a.same(b))
        {
            // The same actions as the previous segment: it lasts until this one's end.
            for r in &mut out[prev_start..] {
                r.valid_until = until;
            }
            continue;
        }
        let zh = PlanContext {
            now,
            lang: Lang::Zh,
            ..cx.clone()
        };
        let en = PlanContext {
            lang: Lang::En,
            ..zh.clone()
        };
        let data: Vec<SegmentRow> = planned
            .iter()
            .map(|p| {
                let z = planner::render(p, c, &zh, people);
                let (due, late) = (micros(z.due_at), micros(z.overdue_at));
                let en = planner::reason(p, c, &en, people);
                let json = serde_json::to_string(&Stored(
                    &z.subject,
                    z.action,
                    z.due_at.offset().local_minus_utc(),
                    z.overdue_at.offset().local_minus_utc(),
                    z.due_at.timestamp_subsec_nanos(),
                    z.overdue_at.timestamp_subsec_nanos(),
                    &z.to,
                    &z.cc,
                    z.channel,
                    &z.reason,
                    &en,
                ))
                .expect("plans always serialise");
                (json, due, late)
            })
            .collect();
        let start = out.len();
        for (d, due, late) in data {
            out.push(PlanRow {
                collaboration: c.id.clone(),
                valid_from: from,
                valid_until: until,
                due_at: due,
                overdue_at: late,
                data: d,
            });
        }
        prev_start = start;
        prev = Some(planned);
    }
    out
}

/// Replans what is stale: everything when the [`fingerprint`] changed, else only the
/// collaborations written since they were planned. Returns how many were planned.
pub fn refresh(store: &mut dyn Store, cx: &PlanContext<'_>) -> Result<usize, StoreError> {
    let fp = fingerprint(cx);
    if store.meta(FINGERPRINT_KEY)?.as_deref() != Some(fp.as_str()) {
        store.invalidate_plans()?;
        store.set_meta(FINGERPRINT_KEY, &fp)?;
    }
    let mut planned = store.settle_plans(&planner::UNPLANNED_STATES.map(|s| s.id()))?;
    let people = People::new(cx.directory);
    let mut days = None;
    loop {
        let batch = store.unplanned(BATCH)?;
        if batch.is_empty() {
            return Ok(planned);
        }
        // The working-day table pays once a whole batch is to be planned.
        let days = days.get_or_insert_with(|| WorkingDays::new(cx, batch.len()));
        let plans: Vec<(String, i64, Vec<PlanRow>)> = batch
            .par_iter()
            .map(|(rev, c)| (c.id.clone(), *rev, rows_with(c, cx, &people, days)))
            .collect();
        let stored = store.put_plans(&plans)?;
        if stored == 0 {
            // Every one was rewritten while we planned it: another writer is busy; what it
            // wrote is planned on the next read.
            return Ok(planned);
        }
        planned += stored;
    }
}

/// What is owed at `cx.now`, from the stored plans (refreshed first): the same actions, in
/// the same order, as [`crate::plan`] over every collaboration; only those due by `now`
/// unless `upcoming`.
pub fn due(
    store: &mut dyn Store,
    cx: &PlanContext<'_>,
    upcoming: bool,
) -> Result<Vec<DueAction>, StoreError> {
    refresh(store, cx)?;
    let rows = store.plans_at(micros(cx.now), upcoming)?;
    let mut out = rows
        .into_iter()
        .map(|r| decode(r, cx))
        .collect::<Result<Vec<_>, _>>()?;
    planner::sort_actions(&mut out);
    Ok(out)
}

fn decode(r: PlanRow, cx: &PlanContext<'_>) -> Result<DueAction, StoreError> {
    let corrupt = |e: String| StoreError::corrupt(format!("plan of {}", r.collaboration), e);
    let StoredRef(
        subject,
        action,
        due_offset,
        overdue_offset,
        due_nanos,
        overdue_nanos,
        to,
        cc,
        channel,
        zh,
        en,
    ) = serde_json::from_str(&r.data).map_err(|e| corrupt(e.to_string()))?;
    let instant = |micros: i64, nanos: u32, offset: i32| {
        let zone = FixedOffset::east_opt(offset).ok_or_else(|| format!("offset {offset}"))?;
        DateTime::from_timestamp(micros.div_euclid(1_000_000), nanos)
            .map(|t| t.with_timezone(&zone))
            .ok_or_else(|| format!("instant {micros}"))
    };
    let due_at = instant(r.due_at, due_nanos, due_offset).map_err(corrupt)?;
    let overdue_at = instant(r.overdue_at, overdue_nanos, overdue_offset).map_err(corrupt)?;
    let reason = match cx.lang {
        Lang::Zh => zh,
        Lang::En => en,
    };
    Ok(DueAction {
        subject: subject.into_owned(),
        action,
        due_at,
        overdue: cx.now > overdue_at,
        overdue_at,
        to,
        cc,
        channel,
        reason: reason.into_owned(),
        collaboration: r.collaboration,
    })
}

/// The actions of stored rows valid at `cx.now` (all of them, due or upcoming), without a
/// store: what [`due`] computes, for tests and benchmarks.
pub fn at(rows: &[PlanRow], cx: &PlanContext<'_>) -> Vec<DueAction> {
    let now = micros(cx.now);
    let mut out: Vec<DueAction> = rows
        .iter()
        .filter(|r| r.valid_from <= now && now < r.valid_until)
        .map(|r| decode(r.clone(), cx).expect("rows written by `rows`"))
        .collect();
    planner::sort_actions(&mut out);
    out
}

/// Where a page of due actions starts: the due instant (microseconds) and collaboration of
/// the previous page's last action.
pub type DueKey = (i64, String);

/// One page of what is owed at `cx.now` ([`due_page`]).
#[derive(Debug, Clone, PartialEq)]
pub struct DuePage {
    /// How many actions are due in all, and how many of them are late.
    pub count: liaison_store::PlanCount,
    /// This page's actions, in [`due`]'s order.
    pub actions: Vec<DueAction>,
    /// Where the next page starts (pass it as `after`), when there may be one.
    pub next: Option<DueKey>,
}

/// A page of [`due`] (without `upcoming`): at most `limit` actions after the key `after`,
/// and the count of all, read from the store without decoding the other rows. Pages hold
/// whole (due instant, collaboration) groups, so concatenating them gives [`due`] exactly.
pub fn due_page(
    store: &mut dyn Store,
    cx: &PlanContext<'_>,
    after: Option<(i64, &str)>,
    limit: usize,
) -> Result<DuePage, StoreError> {
    refresh(store, cx)?;
    let (actions, next) = due_rows(store, cx, after, limit)?;
    let count = store.plans_due_count(micros(cx.now))?;
    Ok(DuePage {
        count,
        actions,
        next,
    })
}

/// [`due_page`] without the count and without [`refresh`] (call it first): for a caller
/// that keeps the count.
pub fn due_rows(
    store: &mut dyn Store,
    cx: &PlanContext<'_>,
    after: Option<(i64, &str)>,
    limit: usize,
) -> Result<(Vec<DueAction>, Option<DueKey>), StoreError> {
    let at = micros(cx.now);
    let mut want = limit.max(1);
    loop {
        let mut rows = store.plans_due_page(at, after, want)?;
        let mut next = None;
        if rows.len() == want {
            // The last (due instant, collaboration) group may continue on the next page:
            // leave it to that page, unless it is all this page holds (then read more).
            let last = rows.last().map(|r| (r.due_at, r.collaboration.clone()));
            if let Some((d, c)) = last {
                let keep = rows
                    .iter()
                    .rposition(|r| r.due_at != d || r.collaboration != c)
                    .map(|i| i + 1);
                let Some(keep) = keep else {
                    want *= 2;
                    continue;
                };
                rows.truncate(keep);
                next = rows.last().map(|r| (r.due_at, r.collaboration.clone()));
            }
        }
        let mut actions = rows
            .into_iter()
            .map(|r| decode(r, cx))
            .collect::<Result<Vec<_>, _>>()?;
        planner::sort_actions(&mut actions);
        return Ok((actions, next));
    }
}

/// The actions of one collaboration due at exactly `due_at` (microseconds), as [`due`]
/// lists them at `cx.now`: how a page's form finds again the action it shows.
pub fn due_group(
    store: &mut dyn Store,
    cx: &PlanContext<'_>,
    due_at: i64,
    collaboration: &str,
) -> Result<Vec<DueAction>, StoreError> {
    refresh(store, cx)?;
    // Start just before `due_at`: after every collaboration of the previous microsecond
    // ('\u{10FFFF}' sorts after any id in byte order).
    let mut start: (i64, String) = (due_at.saturating_sub(1), "\u{10FFFF}".into());
    let mut want = 64;
    loop {
        let rows = store.plans_due_page(micros(cx.now), Some((start.0, &start.1)), want)?;
        let full = rows.len() == want;
        let last = rows.last().map(|r| (r.due_at, r.collaboration.clone()));
        if full
            && last
                .as_ref()
                .is_some_and(|(d, c)| *d == due_at && c == collaboration)
        {
            // The group may go on past this page: read it whole.
            want *= 2;
            continue;
        }
        let mut out = Vec::new();
        let mut passed = !full;
        for r in rows {
            if r.due_at > due_at || (r.due_at == due_at && r.collaboration.as_str() > collaboration)
            {
                passed = true;
                break;
            }
            if r.due_at == due_at && r.collaboration == collaboration {
                out.push(decode(r, cx)?);
            }
        }
        if passed || !out.is_empty() {
            planner::sort_actions(&mut out);
            return Ok(out);
        }
        match last {
            Some(k) => start = k,
            None => return Ok(out),
        }
    }
}
