//! The planner (DESIGN §6): a pure function from collaborations, policy, calendar,
//! directory and `now` to the actions that are owed.

use crate::Policy;
use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Timelike,
};
/// Language of the reasons.
pub use liaison_model::Lang;
use liaison_model::{Collaboration, Directory, EventKind, ItemStatus, State, Urgency};
use liaison_time::{Calendar, WorkHours, WorkingDaySet};
use serde::{Deserialize, Serialize};

/// What to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Remind a silent counterpart (催办).
    Nudge,
    /// Send a progress update (进度同步).
    Sync,
    /// Escalate to both superiors (升级).
    Escalate,
    /// Confirm a delivery (确认交付).
    Confirm,
    /// Hold a retrospective (复盘).
    Retro,
    /// Archive the collaboration (归档).
    Archive,
}

impl Action {
    /// The machine name.
    pub fn id(self) -> &'static str {
        match self {
            Action::Nudge => "nudge",
            Action::Sync => "sync",
            Action::Escalate => "escalate",
            Action::Confirm => "confirm",
            Action::Retro => "retro",
            Action::Archive => "archive",
        }
    }
}

/// How to reach the recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// By email.
    Email,
    /// By chat (the first recipient has a chat handle in the directory).
    Chat,
}

/// One owed action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueAction {
    /// The collaboration id.
    pub collaboration: String,
    /// Its subject.
    pub subject: String,
    /// What to do.
    pub action: Action,
    /// When it is due.
    pub due_at: DateTime<FixedOffset>,
    /// Whether it is late.
    pub overdue: bool,
    /// After when it is late (`overdue` is `now` past this).
    #[serde(skip)]
    pub overdue_at: DateTime<FixedOffset>,
    /// Recipients.
    pub to: Vec<String>,
    /// Copies.
    pub cc: Vec<String>,
    /// Email or chat.
    pub channel: Channel,
    /// Why, in the chosen language.
    pub reason: String,
}

/// Everything the planner needs besides the collaborations.
#[derive(Debug, Clone)]
pub struct PlanContext<'a> {
    /// Timings.
    pub policy: &'a Policy,
    /// Working days.
    pub calendar: &'a Calendar,
    /// Working hours.
    pub hours: WorkHours,
    /// The local time zone.
    pub tz: chrono_tz::Tz,
    /// Superiors and chat handles.
    pub directory: &'a Directory,
    /// The present instant.
    pub now: DateTime<FixedOffset>,
    /// Language of reasons.
    pub lang: Lang,
}

impl PlanContext<'_> {
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
}

/// The calendar's working days over the years around `now`, one bit a day, with the
/// calendar itself asked for days outside them. Asking the calendar costs two ordered-set
/// lookups a day, and the working-day walks of a full recompute ask millions of times.
pub(crate) struct WorkingDays<'a> {
    calendar: &'a Calendar,
    /// The day of bit 0, as days from the common era.
    first: i32,
    /// How many days the bits cover.
    len: usize,
    bits: Vec<u64>,
}

impl<'a> WorkingDays<'a> {
    /// Collaborations planned together from which on the table pays for itself (it costs
    /// about 0.1 ms to fill).
    const WORTH: usize = 64;

    /// The table for planning `collabs` collaborations at `cx.now`: four years before it to
    /// two after, or none when planning too few for it to pay.
    pub(crate) fn new(cx: &PlanContext<'a>, collabs: usize) -> WorkingDays<'a> {
        let mut days = WorkingDays {
            calendar: cx.calendar,
            first: 0,
            len: 0,
            bits: Vec::new(),
        };
        if collabs < Self::WORTH {
            return days;
        }
        let today = cx.local(cx.now).date();
        let Some(first) = today.checked_sub_signed(Duration::days(4 * 366)) else {
            return days;
        };
        let len: usize = 6 * 366;
        let mut bits = vec![0u64; len.div_ceil(64)];
        let mut d = first;
        for k in 0..len {
            if cx.calendar.is_working_day(d) {
                bits[k / 64] |= 1 << (k % 64);
            }
            match d.succ_opt() {
                Some(n) => d = n,
                None => return days,
            }
        }
        days.first = first.num_days_from_ce();
        days.len = len;
        days.bits = bits;
        days
    }
}

impl WorkingDaySet for WorkingDays<'_> {
    /// [`Calendar::is_working_day`].
    fn is_working_day(&self, day: NaiveDate) -> bool {
        let k = day.num_days_from_ce() as i64 - self.first as i64;
        if k >= 0 && (k as usize) < self.len {
            let k = k as usize;
            self.bits[k / 64] & (1 << (k % 64)) != 0
        } else {
            self.calendar.is_working_day(day)
        }
    }
}

/// Working-time arithmetic in the context's zone and hours, on its calendar's days.
struct Clock<'a, 'c> {
    cx: &'a PlanContext<'c>,
    days: &'a WorkingDays<'c>,
}

impl Clock<'_, '_> {
    /// The first working instant at or after `t`.
    fn working(&self, t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        let cx = self.cx;
        cx.back(self.days.next_working_instant(cx.local(t), &cx.hours))
    }
    /// `t` plus `h` working hours.
    fn add_working_hours(&self, t: DateTime<FixedOffset>, h: u32) -> DateTime<FixedOffset> {
        let cx = self.cx;
        let mut cur = self.days.next_working_instant(cx.local(t), &cx.hours);
        let mut left = Duration::hours(h as i64);
        loop {
            let end = cur.date().and_time(cx.hours.end);
            if end - cur >= left {
                return cx.back(cur + left);
            }
            left -= end - cur;
            cur = self.days.next_working_instant(end, &cx.hours);
        }
    }
    /// `n` working days after `t`'s day, same time of day, moved into working hours.
    fn add_working_days(&self, t: DateTime<FixedOffset>, n: u32) -> DateTime<FixedOffset> {
        let l = self.cx.local(t);
        let d = self.days.add_working_days(l.date(), n);
        self.working(self.cx.back(d.and_time(l.time())))
    }
    fn workday_end(&self, t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        let cx = self.cx;
        let l = cx.local(t);
        let d = if self.days.is_working_day(l.date()) && l.time() < cx.hours.end {
            l.date()
        } else {
            self.days.next_working_day(l.date() + Duration::days(1))
        };
        cx.back(d.and_time(cx.hours.end))
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

/// A fast hash for the directory's index (rustc's "Fx" hash): its keys are the directory's
/// addresses, which the configuration gives, so the default hash's defence against chosen
/// colliding keys buys nothing there, and it cost more than the lookups it served.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Fx {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The directory indexed by lower-case email, built once per [`plan`] call.
pub(crate) struct People<'a>(
    std::collections::HashMap<String, &'a liaison_model::Person, std::hash::BuildHasherDefault<Fx>>,
);

impl<'a> People<'a> {
    pub(crate) fn new(d: &'a Directory) -> People<'a> {
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
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x.eq_ignore_ascii_case(s)) {
        v.push(s.to_string());
    }
}

/// A set of positions (of counterparts, items or events), visited in ascending order: a bit
/// mask for positions below 64 — every real collaboration's — so that planning allocates
/// nothing; larger positions go to a list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Picks {
    bits: u64,
    /// Positions from 64 on. Boxed: they are rare, and one pointer keeps a plan smaller
    /// than a vector's three words would (a full recompute holds 1.7 million plans).
    #[allow(clippy::box_collection)]
    more: Option<Box<Vec<u32>>>,
}

impl Picks {
    /// Adds `i`; positions are added in ascending order.
    fn insert(&mut self, i: usize) {
        if i < 64 {
            self.bits |= 1 << i;
        } else {
            self.more.get_or_insert_default().push(i as u32);
        }
    }
    /// Whether it holds no position.
    pub fn is_empty(&self) -> bool {
        self.bits == 0 && self.more.is_none()
    }
    /// The positions, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        let mut bits = self.bits;
        std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let i = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                i
            })
        })
        .chain(self.more.iter().flat_map(|m| m.iter().map(|i| *i as usize)))
    }
}

/// Why an action is owed, as positions into its collaboration and counts: everything the
/// display strings (recipients, copies, channel, reason) are made from, without making them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Why {
    /// These counterparts (positions in `counterparts`) have not replied, after `nudges`
    /// nudges.
    Nudge {
        /// The silent counterparts.
        silent: Picks,
        /// Nudges sent so far.
        nudges: u32,
    },
    /// The reasons to escalate not yet escalated: silence after too many nudges, items past
    /// their deadline, disputes.
    Escalate {
        /// When the silence became a reason, the silent counterparts and the nudges sent.
        silent: Option<(DateTime<FixedOffset>, Picks, u32)>,
        /// Items (positions in `items`) past their deadline.
        items: Picks,
        /// Disagreement events (positions in `events`).
        disputes: Picks,
    },
    /// A progress update is owed.
    Sync,
    /// The delivery event (position in `events`) awaits confirmation.
    Confirm {
        /// The last delivery event.
        event: u32,
    },
    /// Something slipped: a retrospective is owed.
    Retro,
    /// The collaboration can be archived (`reviewed`: after its retrospective, else after
    /// confirmation).
    Archive {
        /// Whether a retrospective was held.
        reviewed: bool,
    },
}

/// One owed action as the planner decides it ([`plan_compact`]): the action, its instants
/// and why, pointing into the collaborations planned instead of copying their strings. A
/// full recompute needs only this; [`Planned::show`] makes the [`DueAction`] to display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// Position of the collaboration in the planned slice.
    pub collaboration: u32,
    /// What to do.
    pub action: Action,
    /// When it is due.
    pub due_at: DateTime<FixedOffset>,
    /// After when it is late.
    pub overdue_at: DateTime<FixedOffset>,
    /// Whether it is late (`now` past `overdue_at`).
    pub overdue: bool,
    /// Why, to make the recipients and the reason from.
    pub why: Why,
}

impl Planned {
    /// The action to display: `c` is the collaboration it was planned for (`collabs[p.collaboration]`).
    pub fn show(&self, c: &Collaboration, cx: &PlanContext<'_>) -> DueAction {
        render(self, c, cx, &People::new(cx.directory))
    }

    /// Whether two plans of one collaboration hold the same action at the same instants
    /// (offsets included) for the same reasons: whether they display the same, whatever
    /// `now` said about lateness.
    pub(crate) fn same(&self, o: &Planned) -> bool {
        self.action == o.action
            && self.due_at == o.due_at
            && self.due_at.offset() == o.due_at.offset()
            && self.overdue_at == o.overdue_at
            && self.overdue_at.offset() == o.overdue_at.offset()
            && self.why == o.why
    }
}

/// Computes every owed action (due now or later) for the collaborations, sorted by due
/// time, collaboration and action. Pure: the same inputs give the same output.
pub fn plan(collabs: &[Collaboration], cx: &PlanContext<'_>) -> Vec<DueAction> {
    let planned = plan_unsorted(collabs, cx);
    let mut keys = sort_keys(collabs, &planned);
    keys.sort_unstable();
    let people = People::new(cx.directory);
    keys.iter()
        .map(|k| {
            let p = &planned[k.4 as usize];
            render(p, &collabs[p.collaboration as usize], cx, &people)
        })
        .collect()
}

/// The planner's decisions without display strings: [`plan`]'s actions in the same order,
/// in compact form (each [`Planned::show`] gives the [`DueAction`] at its place). This is
/// the full recompute: the time and zone arithmetic, the events scanned, no string copied.
pub fn plan_compact(collabs: &[Collaboration], cx: &PlanContext<'_>) -> Vec<Planned> {
    let planned = plan_unsorted(collabs, cx);
    let mut keys = sort_keys(collabs, &planned);
    keys.sort_unstable();
    in_order(planned, &keys)
}

fn plan_unsorted(collabs: &[Collaboration], cx: &PlanContext<'_>) -> Vec<Planned> {
    let days = WorkingDays::new(cx, collabs.len());
    // About one action per live collaboration: reserving for it saves regrowing (and
    // copying) a large result several times.
    let mut out = Vec::with_capacity(collabs.len());
    for (n, c) in collabs.iter().enumerate() {
        plan_one(c, n as u32, cx, &days, &mut out);
    }
    out
}

/// [`plan`] spread over the rayon pool: the same result (the planner is pure), for a full
/// recompute over many collaborations.
pub fn plan_parallel(collabs: &[Collaboration], cx: &PlanContext<'_>) -> Vec<DueAction> {
    use rayon::prelude::*;
    let planned = plan_compact_parallel(collabs, cx);
    let people = People::new(cx.directory);
    planned
        .par_iter()
        .map(|p| render(p, &collabs[p.collaboration as usize], cx, &people))
        .collect()
}

/// [`plan_compact`] spread over the rayon pool: the same result.
pub fn plan_compact_parallel(collabs: &[Collaboration], cx: &PlanContext<'_>) -> Vec<Planned> {
    use rayon::prelude::*;
    const CHUNK: usize = 4096;
    let days = WorkingDays::new(cx, collabs.len());
    let parts: Vec<Vec<Planned>> = collabs
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(k, chunk)| {
            let mut part = Vec::with_capacity(chunk.len());
            for (n, c) in chunk.iter().enumerate() {
                plan_one(c, (k * CHUNK + n) as u32, cx, &days, &mut part);
            }
            part
        })
        .collect();
    let mut planned = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for part in parts {
        planned.extend(part);
    }
    let mut keys = sort_keys(collabs, &planned);
    keys.par_sort_unstable();
    in_order(planned, &keys)
}

/// What [`plan`]'s order compares, as one plain tuple per action: the due instant (UTC
/// seconds and nanoseconds), the rank of the collaboration's id, the action; and last the
/// action's position, which tells no two apart that the order does not.
type SortKey = (i64, u32, u32, Action, u32);

fn sort_keys(collabs: &[Collaboration], planned: &[Planned]) -> Vec<SortKey> {
    let ranks = id_ranks(collabs);
    planned
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let n = p.collaboration as usize;
            (
                p.due_at.timestamp(),
                p.due_at.timestamp_subsec_nanos(),
                ranks.as_ref().map_or(n as u32, |r| r[n]),
                p.action,
                k as u32,
            )
        })
        .collect()
}

/// The rank of each collaboration's id among all (equal ids rank equal), so that sorting
/// compares numbers instead of strings; `None` when the positions are the ranks already,
/// as for a store's collaborations, which come in id order.
fn id_ranks(collabs: &[Collaboration]) -> Option<Vec<u32>> {
    if collabs.windows(2).all(|w| w[0].id < w[1].id) {
        return None;
    }
    let mut by_id: Vec<u32> = (0..collabs.len() as u32).collect();
    by_id.sort_unstable_by(|a, b| collabs[*a as usize].id.cmp(&collabs[*b as usize].id));
    let mut ranks = vec![0u32; collabs.len()];
    let mut rank = 0;
    for (k, i) in by_id.iter().enumerate() {
        if k > 0 && collabs[by_id[k - 1] as usize].id != collabs[*i as usize].id {
            rank += 1;
        }
        ranks[*i as usize] = rank;
    }
    Some(ranks)
}

/// `planned` in the order of the sorted keys.
fn in_order(planned: Vec<Planned>, keys: &[SortKey]) -> Vec<Planned> {
    let mut slots: Vec<Option<Planned>> = planned.into_iter().map(Some).collect();
    keys.iter()
        .map(|k| {
            slots[k.4 as usize]
                .take()
                .expect("the keys hold each position once")
        })
        .collect()
}

/// `out` in the order of `index` (a permutation of its positions).
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
pub(crate) fn sort_actions(out: &mut Vec<DueAction>) {
    // A collaboration owes each action at most once, so no two actions compare equal and the
    // unstable sort is as deterministic as a stable one. Positions are sorted, not the
    // actions: moving a large action a few dozen times each cost more than the comparisons.
    let mut index: Vec<u32> = (0..out.len() as u32).collect();
    index.sort_unstable_by(|a, b| order(&out[*a as usize], &out[*b as usize]));
    *out = permute(std::mem::take(out), &index);
}

/// The states in which a collaboration owes nothing.
pub(crate) const UNPLANNED_STATES: [State; 2] = [State::Archived, State::Draft];

pub(crate) fn effective_due(i: &liaison_model::ActionItem) -> Option<DateTime<FixedOffset>> {
    i.promised.or(i.due)
}

/// The latest instant of the events of these kinds (the last of equal ones, as
/// `Iterator::max` gives).
fn last_of(c: &Collaboration, kinds: &[EventKind]) -> Option<DateTime<FixedOffset>> {
    c.events
        .iter()
        .filter(|e| kinds.contains(&e.kind))
        .map(|e| e.at)
        .max()
}

/// Plans collaboration `c` (position `n` of the planned slice) into `out`, in compact form.
/// Nothing here depends on the directory or the language: those only shape the display.
pub(crate) fn plan_one(
    c: &Collaboration,
    n: u32,
    cx: &PlanContext<'_>,
    days: &WorkingDays<'_>,
    out: &mut Vec<Planned>,
) {
    if UNPLANNED_STATES.contains(&c.state) {
        return;
    }
    let clock = Clock { cx, days };
    let p = cx.policy;
    let mk = |action: Action,
              due_at: DateTime<FixedOffset>,
              overdue_at: DateTime<FixedOffset>,
              why: Why| Planned {
        collaboration: n,
        action,
        due_at,
        overdue_at,
        overdue: cx.now > overdue_at,
        why,
    };
    let ev = &c.events;
    // Items not dropped (the planner's "live" items), with their positions.
    let live = || {
        c.items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.status != ItemStatus::Dropped)
    };
    let mut live_any = false;
    let mut all_delivered = true;
    for (_, i) in live() {
        live_any = true;
        all_delivered &= matches!(i.status, ItemStatus::Delivered | ItemStatus::Confirmed);
    }
    let all_delivered = live_any && all_delivered;
    let active = matches!(
        c.state,
        State::Sent | State::Acknowledged | State::InProgress
    ) && !all_delivered;
    let last_escalation = last_of(c, &[EventKind::Escalated]);
    let after_escalation = |t: DateTime<FixedOffset>| last_escalation.is_none_or(|e| e < t);

    if active {
        // Who has not answered at all.
        let mut silent = Picks::default();
        for (k, who) in c.counterparts.iter().enumerate() {
            let replied = ev.iter().any(|e| {
                e.kind == EventKind::Replied
                    && e.actor
                        .as_deref()
                        .is_some_and(|r| r.eq_ignore_ascii_case(who))
            });
            if !replied {
                silent.insert(k);
            }
        }
        let mut nudges = 0u32;
        let mut last_nudge = None;
        for e in ev.iter().filter(|e| e.kind == EventKind::Nudged) {
            nudges += 1;
            last_nudge = Some(e.at);
        }
        let mut silent_part = None;
        if !silent.is_empty() {
            let last_out = last_of(c, &[EventKind::Sent, EventKind::Nudged]).unwrap_or(c.started);
            let mut due = match (&c.urgency, nudges == 0) {
                (Some(Urgency::Urgent), _) => {
                    clock.add_working_hours(last_out, p.urgent_reply_working_hours)
                }
                (Some(Urgency::Today), true) => clock.workday_end(last_out),
                _ => clock.working(last_out + Duration::hours(p.reply_window_hours as i64)),
            };
            if let Some(ln) = last_nudge
                && cx.local(ln).date() == cx.local(due).date()
            {
                due = clock.working(
                    cx.back(
                        days.next_working_day(cx.local(due).date() + Duration::days(1))
                            .and_time(cx.hours.start),
                    ),
                );
            }
            if nudges >= p.nudges_before_escalation {
                silent_part = Some((due, silent, nudges));
            } else {
                out.push(mk(Action::Nudge, due, due, Why::Nudge { silent, nudges }));
            }
        }
        // The reasons to escalate not escalated yet: silence, deadlines passed without
        // delivery, disputes and delays.
        let silent_part = silent_part.filter(|s| after_escalation(s.0));
        let mut at = silent_part.as_ref().map(|s| s.0);
        let mut earliest = |t: DateTime<FixedOffset>| {
            // The first of equal instants, as `min` keeps.
            if at.is_none_or(|a| t < a) {
                at = Some(t);
            }
        };
        let mut items = Picks::default();
        for (i, it) in live() {
            if !matches!(it.status, ItemStatus::Open | ItemStatus::Overdue) {
                continue;
            }
            if let Some(d) = effective_due(it)
                && d <= cx.now
                && after_escalation(d)
            {
                items.insert(i);
                earliest(d);
            }
        }
        let mut disputes = Picks::default();
        for (k, e) in ev.iter().enumerate() {
            if e.kind == EventKind::Disagreement && after_escalation(e.at) {
                disputes.insert(k);
                earliest(e.at);
            }
        }
        if let Some(at) = at {
            out.push(mk(
                Action::Escalate,
                at,
                at,
                Why::Escalate {
                    silent: silent_part,
                    items,
                    disputes,
                },
            ));
        }
        // Progress syncs for long collaborations.
        let last_deadline = live().filter_map(|(_, i)| effective_due(i)).max();
        if let Some(ld) = last_deadline
            && ld - c.started > Duration::days(p.sync_min_span_days as i64)
        {
            let last = last_of(c, &[EventKind::Sent, EventKind::Synced]).unwrap_or(c.started);
            let due = clock.add_working_days(last, p.sync_every_working_days);
            let late = clock.add_working_days(last, p.sync_overdue_working_days);
            out.push(mk(Action::Sync, due, late, Why::Sync));
        }
    }

    // Deliveries awaiting confirmation.
    if matches!(
        c.state,
        State::Acknowledged | State::InProgress | State::Delivered | State::Sent
    ) {
        let delivered = |i: usize| {
            c.items
                .get(i)
                .is_some_and(|it| it.status == ItemStatus::Delivered)
        };
        let any_delivered = c.items.iter().any(|i| i.status == ItemStatus::Delivered);
        if let Some((k, d)) = ev
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EventKind::Delivered && e.item.is_none_or(delivered))
            .max_by_key(|(_, e)| e.at)
            .filter(|_| any_delivered)
        {
            let due = d.at + Duration::hours(p.confirm_within_hours as i64);
            out.push(mk(
                Action::Confirm,
                due,
                due,
                Why::Confirm { event: k as u32 },
            ));
        }
    }

    // Retro and archive after confirmation.
    if c.state == State::Confirmed {
        let confirmed_at = last_of(c, &[EventKind::Confirmed]).unwrap_or(c.started);
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
        if slipped {
            let l = cx.local(confirmed_at);
            let d = days.add_working_days(l.date(), p.retro_within_working_days);
            let due = cx.back(d.and_time(cx.hours.end));
            out.push(mk(Action::Retro, due, due, Why::Retro));
        } else {
            out.push(mk(
                Action::Archive,
                confirmed_at,
                confirmed_at,
                Why::Archive { reviewed: false },
            ));
        }
    }
    if c.state == State::Reviewed {
        let at = last_of(c, &[EventKind::Retro]).unwrap_or(c.started);
        out.push(mk(Action::Archive, at, at, Why::Archive { reviewed: true }));
    }
}

/// The names of these addresses (the directory's, else the address), joined with "、".
fn names<'s>(people: &People<'_>, who: impl Iterator<Item = &'s str>) -> String {
    let mut out = String::new();
    for (k, w) in who.enumerate() {
        if k > 0 {
            out.push('、');
        }
        match people.person(w) {
            Some(p) => out.push_str(&p.name),
            None => out.push_str(w),
        }
    }
    out
}

/// The recipients, copies and reason of an escalation, in the context's language.
fn escalation(
    c: &Collaboration,
    cx: &PlanContext<'_>,
    people: &People<'_>,
    silent: &Option<(DateTime<FixedOffset>, Picks, u32)>,
    items: &Picks,
    disputes: &Picks,
) -> (Vec<String>, Vec<String>, String) {
    // The reasons in the order they were found (silence, items, disputes), then by time
    // (a stable sort): who each concerns and what it says.
    let mut found: Vec<(DateTime<FixedOffset>, Vec<&str>, String)> = Vec::new();
    if let Some((due, who, nudges)) = silent {
        let who: Vec<&str> = who.iter().map(|k| c.counterparts[k].as_str()).collect();
        let names = names(people, who.iter().copied());
        found.push((
            *due,
            who,
            tr!(
                cx,
                format!("{names} 已被催办 {nudges} 次仍未回复"),
                format!("{names} did not answer {nudges} nudges"),
            ),
        ));
    }
    for i in items.iter() {
        let it = &c.items[i];
        let Some(d) = effective_due(it) else { continue };
        let who: Vec<&str> = match &it.owner {
            Some(o) if o.contains('@') => vec![o.as_str()],
            _ => c.counterparts.iter().map(String::as_str).collect(),
        };
        // "%m-%d %H:%M", written directly: parsing the format each time cost more.
        let l = cx.local(d);
        let when = format!(
            "{:02}-{:02} {:02}:{:02}",
            l.month(),
            l.day(),
            l.hour(),
            l.minute()
        );
        found.push((
            d,
            who,
            tr!(
                cx,
                format!("事项{}「{}」已过截止时间 {when} 仍未交付", i + 1, it.what),
                format!(
                    "item {} \"{}\" passed its deadline {when} undelivered",
                    i + 1,
                    it.what
                ),
            ),
        ));
    }
    for k in disputes.iter() {
        let e = &c.events[k];
        let mut who: Vec<&str> = e
            .actor
            .iter()
            .filter(|a| !a.eq_ignore_ascii_case(&c.owner))
            .map(String::as_str)
            .collect();
        if who.is_empty() {
            who = c.counterparts.iter().map(String::as_str).collect();
        }
        let phrase = e.detail.as_deref().unwrap_or_default();
        let reason = tr!(
            cx,
            format!(
                "{} 的回复有异议或延期（“{}”）",
                names(people, who.iter().copied()),
                phrase
            ),
            format!("{} disputed or delayed (\"{}\")", who.join(", "), phrase),
        );
        found.push((e.at, who, reason));
    }
    found.sort_by_key(|a| a.0);
    let mut who: Vec<String> = Vec::new();
    let mut reasons: Vec<String> = Vec::new();
    for (_, w, r) in found {
        for x in w {
            push_unique(&mut who, x);
        }
        if !reasons.contains(&r) {
            reasons.push(r);
        }
    }
    let mut cc = Vec::new();
    for w in std::iter::once(&c.owner).chain(who.iter()) {
        if let Some(s) = people.superior_of(w) {
            push_unique(&mut cc, &s.email.to_ascii_lowercase());
        }
    }
    let sep = if cx.lang == Lang::Zh { "；" } else { "; " };
    (who, cc, reasons.join(sep))
}

/// The display form of a planned action of `c`, in the context's language.
pub(crate) fn render(
    pl: &Planned,
    c: &Collaboration,
    cx: &PlanContext<'_>,
    people: &People<'_>,
) -> DueAction {
    let (to, cc, reason) = display(pl, c, cx, people);
    DueAction {
        collaboration: c.id.clone(),
        subject: c.subject.clone(),
        action: pl.action,
        due_at: pl.due_at,
        overdue: pl.overdue,
        overdue_at: pl.overdue_at,
        channel: people.channel(&to),
        to,
        cc,
        reason,
    }
}

/// The reason of a planned action of `c` in the context's language (for the stored plans,
/// which keep both).
pub(crate) fn reason(
    pl: &Planned,
    c: &Collaboration,
    cx: &PlanContext<'_>,
    people: &People<'_>,
) -> String {
    display(pl, c, cx, people).2
}

/// Recipients, copies and reason.
fn display(
    pl: &Planned,
    c: &Collaboration,
    cx: &PlanContext<'_>,
    people: &People<'_>,
) -> (Vec<String>, Vec<String>, String) {
    let p = cx.policy;
    match &pl.why {
        Why::Nudge { silent, nudges } => {
            let to: Vec<String> = silent.iter().map(|k| c.counterparts[k].clone()).collect();
            let names = names(people, to.iter().map(String::as_str));
            let reason = if *nudges == 0 {
                tr!(
                    cx,
                    format!("{names} 在回复时限内未回复"),
                    format!("{names} did not reply within the reply window"),
                )
            } else {
                tr!(
                    cx,
                    format!("{names} 在第 {nudges} 次催办后仍未回复"),
                    format!("{names} still silent after nudge {nudges}"),
                )
            };
            (to, Vec::new(), reason)
        }
        Why::Escalate {
            silent,
            items,
            disputes,
        } => escalation(c, cx, people, silent, items, disputes),
        Why::Sync => {
            let mut to = c.counterparts.clone();
            to.retain(|x| !x.eq_ignore_ascii_case(&c.owner));
            (
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
            )
        }
        Why::Confirm { event } => {
            let to = match &c.events[*event as usize].actor {
                Some(a) => vec![a.clone()],
                None => c.counterparts.clone(),
            };
            let mut list = String::new();
            for (k, (n, _)) in c
                .items
                .iter()
                .enumerate()
                .filter(|(_, i)| i.status == ItemStatus::Delivered)
                .enumerate()
            {
                if k > 0 {
                    list.push('、');
                }
                list.push_str(&(n + 1).to_string());
            }
            let reason = tr!(
                cx,
                format!(
                    "事项{list} 已交付，需在 {} 小时内确认",
                    p.confirm_within_hours
                ),
                format!(
                    "item(s) {list} delivered; confirm within {} hours",
                    p.confirm_within_hours
                ),
            );
            (to, Vec::new(), reason)
        }
        Why::Retro => {
            let mut all = vec![c.owner.clone()];
            for x in &c.counterparts {
                push_unique(&mut all, x);
            }
            (
                all,
                Vec::new(),
                tr!(
                    cx,
                    "协作中有延期、异议或升级，确认后需复盘".to_string(),
                    "something slipped or was escalated; hold a retro after confirmation"
                        .to_string(),
                ),
            )
        }
        Why::Archive { reviewed } => (
            vec![c.owner.clone()],
            Vec::new(),
            if *reviewed {
                tr!(
                    cx,
                    "复盘已完成，可以归档".into(),
                    "retro held; archive".into()
                )
            } else {
                tr!(
                    cx,
                    "交付已确认，可以归档".into(),
                    "deliveries confirmed; archive".into(),
                )
            },
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use liaison_model::{ActionItem, Event, Kind};

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn collab(started: &str, urgency: Option<Urgency>) -> Collaboration {
        Collaboration {
            id: "c1".into(),
            kind: Kind::Request,
            project: "p".into(),
            subject: "s".into(),
            urgency,
            owner: "me@x.com".into(),
            counterparts: vec!["you@x.com".into()],
            cc: vec![],
            started: t(started),
            state: State::Sent,
            items: vec![ActionItem {
                what: "w".into(),
                owner: Some("you@x.com".into()),
                due: Some(t(started) + Duration::days(2)),
                due_text: None,
                standard: None,
                status: ItemStatus::Open,
                promised: None,
            }],
            events: vec![ev(EventKind::Sent, started, "me@x.com")],
        }
    }

    fn ev(kind: EventKind, at: &str, actor: &str) -> Event {
        Event {
            kind,
            at: t(at),
            actor: Some(actor.into()),
            message_id: None,
            item: None,
            detail: None,
        }
    }

    fn run(c: &Collaboration, now: &str) -> Vec<(Action, String, bool)> {
        let policy = Policy::default();
        let cal = Calendar::cn();
        let dir = Directory::default();
        let cx = PlanContext {
            policy: &policy,
            calendar: &cal,
            hours: WorkHours::default(),
            tz: chrono_tz::Asia::Shanghai,
            directory: &dir,
            now: t(now),
            lang: Lang::Zh,
        };
        plan(std::slice::from_ref(c), &cx)
            .into_iter()
            .map(|a| (a.action, a.due_at.to_rfc3339(), a.overdue))
            .collect()
    }

    #[test]
    fn urgent_waits_four_working_hours() {
        // Tue 16:00 + 4 working hours = Wed 11:00.
        let c = collab("2026-12-01T16:00:00+08:00", Some(Urgency::Urgent));
        assert_eq!(
            run(&c, "2026-12-01T17:00:00+08:00"),
            vec![(Action::Nudge, "2026-12-02T11:00:00+08:00".into(), false)]
        );
    }

    #[test]
    fn reply_today_means_today_workday_end() {
        let c = collab("2026-12-01T10:00:00+08:00", Some(Urgency::Today));
        assert_eq!(
            run(&c, "2026-12-01T10:00:00+08:00")[0],
            (Action::Nudge, "2026-12-01T18:00:00+08:00".into(), false)
        );
    }

    #[test]
    fn a_nudge_at_night_or_on_a_weekend_moves_to_working_time() {
        // Fri 20:00 + 24 h = Sat 20:00 → Mon 09:00.
        let c = collab("2026-12-04T20:00:00+08:00", None);
        assert_eq!(
            run(&c, "2026-12-05T21:00:00+08:00")[0],
            (Action::Nudge, "2026-12-07T09:00:00+08:00".into(), false)
        );
    }

    #[test]
    fn at_most_one_nudge_per_working_day() {
        // Urgent, nudged Tue 09:30: the next falls Tue 13:30 → Wed 09:00.
        let mut c = collab("2026-12-01T09:00:00+08:00", Some(Urgency::Urgent));
        c.events.push(ev(
            EventKind::Nudged,
            "2026-12-01T09:30:00+08:00",
            "me@x.com",
        ));
        assert_eq!(
            run(&c, "2026-12-01T12:00:00+08:00")[0],
            (Action::Nudge, "2026-12-02T09:00:00+08:00".into(), false)
        );
    }

    #[test]
    fn confirmed_without_slips_is_archived_and_with_slips_retro_first() {
        let mut c = collab("2026-12-01T09:00:00+08:00", None);
        c.events.push(ev(
            EventKind::Replied,
            "2026-12-01T10:00:00+08:00",
            "you@x.com",
        ));
        c.events.push(ev(
            EventKind::Delivered,
            "2026-12-02T10:00:00+08:00",
            "you@x.com",
        ));
        c.items[0].status = ItemStatus::Delivered;
        c.state = State::Delivered;
        assert_eq!(
            run(&c, "2026-12-03T11:00:00+08:00"),
            vec![(Action::Confirm, "2026-12-03T10:00:00+08:00".into(), true)]
        );
        c.events.push(ev(
            EventKind::Confirmed,
            "2026-12-03T11:00:00+08:00",
            "me@x.com",
        ));
        c.items[0].status = ItemStatus::Confirmed;
        c.state = State::Confirmed;
        assert_eq!(
            run(&c, "2026-12-03T11:00:00+08:00"),
            vec![(Action::Archive, "2026-12-03T11:00:00+08:00".into(), false)]
        );
        c.events.push(ev(
            EventKind::Disagreement,
            "2026-12-01T10:00:00+08:00",
            "you@x.com",
        ));
        assert_eq!(
            run(&c, "2026-12-03T11:00:00+08:00"),
            vec![(Action::Retro, "2026-12-08T18:00:00+08:00".into(), false)]
        );
        c.events.push(ev(
            EventKind::Retro,
            "2026-12-04T11:00:00+08:00",
            "me@x.com",
        ));
        c.state = State::Reviewed;
        assert_eq!(run(&c, "2026-12-04T12:00:00+08:00")[0].0, Action::Archive);
    }

    /// An out-of-office reply answers nothing: the nudge stays due; a real reply ends it.
    #[test]
    fn an_auto_reply_does_not_stop_the_nudge() {
        let mut c = collab("2026-12-01T10:00:00+08:00", None);
        c.events.push(ev(
            EventKind::AutoReplied,
            "2026-12-01T10:01:00+08:00",
            "you@x.com",
        ));
        assert_eq!(
            run(&c, "2026-12-02T11:00:00+08:00")[0],
            (Action::Nudge, "2026-12-02T10:00:00+08:00".into(), true)
        );
        c.events.push(ev(
            EventKind::Replied,
            "2026-12-01T15:00:00+08:00",
            "you@x.com",
        ));
        assert!(
            !run(&c, "2026-12-02T11:00:00+08:00")
                .iter()
                .any(|a| a.0 == Action::Nudge)
        );
    }

    #[test]
    fn archived_collaborations_owe_nothing() {
        let mut c = collab("2026-12-01T09:00:00+08:00", None);
        c.state = State::Archived;
        assert!(run(&c, "2027-01-01T00:00:00+08:00").is_empty());
    }
}
