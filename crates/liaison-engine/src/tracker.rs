//! The tracker: turns messages and manual marks into collaborations, deterministically.
//!
//! Every function here depends only on its inputs (no clock), so replaying the same inputs
//! in the same order (what `liaison rebuild` does) gives the same collaborations.

use chrono::{DateTime, FixedOffset};
use liaison_anatomy::reply::{self, ItemRef, ItemsFound, ReplyClass, ReplyReading, Writer};
use liaison_anatomy::{Anatomy, ParseOptions};
use liaison_mail::Message;
use liaison_model::{
    ActionItem, Collaboration, Directory, Event, EventKind, ItemStatus, KindTable, State,
};
use liaison_store::{Location, Store, StoreError};

/// Errors of the tracker.
#[derive(Debug, thiserror::Error)]
pub enum TrackerError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A manual mark names a collaboration that does not exist.
    #[error("no collaboration with id {0}; `liaison list` shows the ids")]
    UnknownCollaboration(String),
    /// A message the threading index lists is missing from the raw store.
    #[error("raw message {0} is missing from the store; run `liaison rebuild`")]
    MissingRaw(String),
    /// A manual mark names an item that does not exist.
    #[error(
        "collaboration {id} has {count} item(s); --item {item} does not exist (items count from 1)"
    )]
    UnknownItem {
        /// The collaboration.
        id: String,
        /// The item asked for (1-based).
        item: usize,
        /// How many items it has.
        count: usize,
    },
}

/// What the tracker needs to know besides the messages.
#[derive(Debug, Clone)]
pub struct TrackerConfig {
    /// Our addresses (`[identity] addresses`, `--me`), compared ignoring ASCII case.
    pub me: Vec<String>,
    /// Accepted 【】 tags.
    pub kinds: KindTable,
    /// The directory (names of item owners → emails).
    pub directory: Directory,
    /// Time context (zone, calendar, hours) for deadlines; `now` is replaced by each mail's
    /// date.
    pub time: liaison_time::Context,
}

impl TrackerConfig {
    /// A digest of everything in this configuration that changes what the tracker makes of
    /// the same mail: our addresses, the 【】 tags, the directory, the time zone, the
    /// workday hours and the calendar. The store keeps the digest of the configuration it
    /// was tracked with, so a change can be noticed and `liaison rebuild --apply` offered.
    pub fn fingerprint(&self) -> String {
        let mut me: Vec<String> = self.me.iter().map(|m| lower(m)).collect();
        me.sort();
        me.dedup();
        let text = format!(
            "me={me:?}\nkinds={:?}\ndirectory={}\ntz={}\nhours={:?}\ncalendar={:?}",
            self.kinds,
            serde_json::to_string(&self.directory).unwrap_or_default(),
            self.time.tz.name(),
            self.time.hours,
            self.time.calendar,
        );
        liaison_store::sha256_hex(text.as_bytes())
    }

    /// Whether `addr` is ours.
    pub fn is_me(&self, addr: &str) -> bool {
        self.me
            .iter()
            .any(|m| m.trim().eq_ignore_ascii_case(addr.trim()))
    }
}

/// A manual mark (`liaison mark`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Delivered outside mail.
    Delivered,
    /// Delivery confirmed.
    Confirmed,
    /// Disputed.
    Disputed,
    /// Dropped.
    Dropped,
    /// The retrospective (复盘) was held, e.g. in a meeting rather than by mail.
    Retro,
    /// Archived (归档): nothing more is due.
    Archived,
}

impl Mark {
    /// Parses `delivered|confirmed|disputed|dropped|retro|archived`.
    pub fn parse(s: &str) -> Option<Mark> {
        match s {
            "delivered" => Some(Mark::Delivered),
            "confirmed" => Some(Mark::Confirmed),
            "disputed" => Some(Mark::Disputed),
            "dropped" => Some(Mark::Dropped),
            "retro" => Some(Mark::Retro),
            "archived" => Some(Mark::Archived),
            _ => None,
        }
    }

    /// The event a mark records.
    pub fn event(self, at: DateTime<FixedOffset>, item: Option<usize>) -> Event {
        Event {
            kind: match self {
                Mark::Delivered => EventKind::Delivered,
                Mark::Confirmed => EventKind::Confirmed,
                Mark::Disputed => EventKind::Disagreement,
                Mark::Dropped => EventKind::Dropped,
                Mark::Retro => EventKind::Retro,
                Mark::Archived => EventKind::Archived,
            },
            at,
            actor: None,
            message_id: None,
            item,
            detail: Some("manual".into()),
        }
    }
}

fn lower(s: &str) -> String {
    s.trim().to_ascii_lowercase()
}

/// The date of a message (its Date header; the Unix epoch when it has none, so replay stays
/// deterministic).
fn date_of(m: &Message) -> DateTime<FixedOffset> {
    m.date.unwrap_or_else(|| {
        DateTime::parse_from_rfc3339("1970-01-01T00:00:00+00:00").expect("valid")
    })
}

/// The id of a collaboration opened by `m`.
pub fn collaboration_id(m: &Message, raw: &[u8]) -> String {
    let basis = match &m.message_id {
        Some(id) => liaison_store::sha256_hex(id.trim_matches(['<', '>']).as_bytes()),
        None => liaison_store::sha256_hex(raw),
    };
    format!("c{}", &basis[..10])
}

/// Whether [`open`] opens a collaboration from `m`: our mail whose subject names a known
/// 【类型】. Decided from the subject alone (the same reading as the anatomy's), without
/// reading the rest of the mail, which is the costly part of [`open`].
pub fn opens(m: &Message, cfg: &TrackerConfig) -> bool {
    if !m.from.as_deref().is_some_and(|f| cfg.is_me(f)) {
        return false;
    }
    // The anatomy reads a subject that spans lines as one line.
    let subject: std::borrow::Cow<str> = if m.subject.contains(['\r', '\n']) {
        m.subject.replace(['\r', '\n'], " ").into()
    } else {
        m.subject.as_str().into()
    };
    // No configured urgency words, as in `parse_options`.
    liaison_anatomy::subject_kind(&subject, &cfg.kinds, &Default::default()).is_some()
}

/// Opens a collaboration from an outgoing message whose subject carries a known 【类型】;
/// `None` for any other message.
pub fn open(m: &Message, raw: &[u8], cfg: &TrackerConfig) -> Option<Collaboration> {
    let from = m.from.as_deref()?;
    if !cfg.is_me(from) {
        return None;
    }
    let a = Anatomy::from_message(m, raw, &parse_options(m, cfg));
    let subject = a.subject.as_ref()?;
    let kind = subject.kind?;
    let project = subject
        .project
        .as_ref()
        .map(|p| p.text.clone())
        .unwrap_or_else(|| m.subject.clone());
    let at = date_of(m);
    let items = items_of(&a, cfg);
    let sent = Event {
        kind: EventKind::Sent,
        at,
        actor: Some(lower(from)),
        message_id: m.message_id.clone(),
        item: None,
        detail: None,
    };
    Some(Collaboration {
        id: collaboration_id(m, raw),
        kind,
        project,
        subject: m.subject.clone(),
        urgency: subject.urgency_value.clone(),
        owner: lower(from),
        counterparts: m
            .to
            .iter()
            .map(|s| lower(s))
            .filter(|s| !cfg.is_me(s))
            .collect(),
        cc: m.cc.iter().map(|s| lower(s)).collect(),
        started: at,
        state: State::Sent,
        items,
        events: vec![sent],
    })
}

fn items_of(a: &Anatomy, cfg: &TrackerConfig) -> Vec<ActionItem> {
    let whole = a
        .deadline_lines
        .iter()
        .flat_map(|p| {
            a.times
                .iter()
                .filter(move |t| t.span.start >= p.span.start && t.span.end <= p.span.end)
        })
        .find_map(|t| t.value.map(|v| (v, t.text.clone())));
    let mut items: Vec<ActionItem> = a
        .items
        .iter()
        .map(|it| {
            let d = it
                .deadlines
                .iter()
                .find_map(|t| t.value.map(|v| (v, t.text.clone())))
                .or_else(|| whole.clone());
            ActionItem {
                what: it.what.text.trim().to_string(),
                owner: it.owner.as_ref().map(|o| owner_email(o.text.trim(), cfg)),
                due: d.as_ref().map(|x| x.0),
                due_text: d.map(|x| x.1),
                standard: it.standard_value(),
                status: ItemStatus::Open,
                promised: None,
            }
        })
        .collect();
    if items.is_empty()
        && let Some((v, t)) = whole
    {
        items.push(ActionItem {
            what: a
                .subject
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default(),
            owner: None,
            due: Some(v),
            due_text: Some(t),
            standard: None,
            status: ItemStatus::Open,
            promised: None,
        });
    }
    items
}

/// Maps an owner as written (a name, a department, or an email) to an email when the
/// directory knows the person; otherwise keeps it as written.
fn owner_email(written: &str, cfg: &TrackerConfig) -> String {
    if written.contains('@') {
        return lower(written);
    }
    cfg.directory
        .people
        .iter()
        .find(|p| written.contains(&p.name))
        .map(|p| lower(&p.email))
        .unwrap_or_else(|| written.to_string())
}

/// How the tracker reads one message of a collaboration: through the anatomy's reply reader
/// ([`liaison_anatomy::reply::read`]), with the collaboration's items to point at. Our own
/// mail in a collaboration is the requester's (we opened it); theirs is the answer.
pub fn read_reply(c: &Collaboration, m: &Message, cfg: &TrackerConfig) -> ReplyReading {
    prepare_reply(m, cfg).into_reading(&item_refs(c))
}

/// [`read_reply`] as far as it goes without the collaboration's items
/// ([`liaison_anatomy::reply::prepare`]): a pure function of the message and the
/// configuration, so ingest runs it in its parser threads.
pub fn prepare_reply(m: &Message, cfg: &TrackerConfig) -> reply::Prepared {
    let ours = m.from.as_deref().is_some_and(|f| cfg.is_me(f));
    reply::prepare(
        m,
        &parse_options(m, cfg),
        Writer {
            ours,
            requester: ours,
        },
    )
}

/// The items of `c` as the reply reader points at them.
pub(crate) fn item_refs(c: &Collaboration) -> Vec<ItemRef> {
    c.items
        .iter()
        .map(|i| ItemRef {
            what: i.what.clone(),
            owner: i.owner.clone(),
            due: i.promised.or(i.due),
        })
        .collect()
}

/// The anatomy's options for reading `m`: the configuration's tags and directory, and
/// deadlines resolved against the mail's own date (never the clock), so replay is
/// deterministic.
fn parse_options(m: &Message, cfg: &TrackerConfig) -> ParseOptions {
    let time = liaison_time::Context {
        now: date_of(m),
        ..cfg.time.clone()
    };
    // Not `ParseOptions::new(..)` with the fields replaced: building the default tag table
    // only to drop it was a measurable part of reading every reply.
    ParseOptions {
        kinds: cfg.kinds.clone(),
        urgency_words: Default::default(),
        time,
        directory: Some(cfg.directory.clone()),
        default_offset: FixedOffset::east_opt(8 * 3600).expect("valid offset"),
    }
}

/// Applies a message already threaded to `c`; returns the events it produced (also pushed
/// onto `c.events`). The events follow the reply's reading ([`read_reply`]):
///
/// - an auto-reply: `auto-replied` only (it answers nothing);
/// - our mail: `escalated`, `synced`, `retro` (a retrospective reported held),
///   `confirmed` (the delivered items it names, else all delivered ones), `nudged`; our
///   promise about an item of our own: `deadline-changed`;
/// - their mail: `replied`, then for a dispute `disagreement`; for a delay `disagreement`
///   and `deadline-changed` to the new time; for a promise `deadline-changed`; for a
///   delivery `delivered`; for a partial delivery `delivered` for the items it names as
///   delivered and `deadline-changed` for the rest. A promise or delivery applies to the
///   items the reply names (by number, words or owner); when it names none, to the
///   sender's open items, and when the sender owns none, to all open items.
pub fn apply_message(c: &mut Collaboration, m: &Message, cfg: &TrackerConfig) -> Vec<Event> {
    apply_message_read(c, m, cfg, |c| read_reply(c, m, cfg))
}

/// [`apply_message`] with the reply read by `read` (which the tracker memoises: a replay
/// reads the same reply against the same items again and again).
pub(crate) fn apply_message_read(
    c: &mut Collaboration,
    m: &Message,
    cfg: &TrackerConfig,
    read: impl FnOnce(&Collaboration) -> ReplyReading,
) -> Vec<Event> {
    let at = date_of(m);
    let from = m.from.as_deref().map(lower);
    if let Some(mid) = &m.message_id
        && c.events
            .iter()
            .any(|e| e.message_id.as_deref() == Some(mid.as_str()))
    {
        return Vec::new();
    }
    let reading = read(c);
    let ev = |kind: EventKind, item: Option<usize>, detail: Option<String>| Event {
        kind,
        at,
        actor: from.clone(),
        message_id: m.message_id.clone(),
        item,
        detail,
    };
    let open: Vec<usize> = (0..c.items.len())
        .filter(|&i| matches!(c.items[i].status, ItemStatus::Open | ItemStatus::Overdue))
        .collect();
    // The items the reply names (0-based), when it names any.
    let named: Option<Vec<usize>> = match (&reading.items, reading.items_found) {
        (Some(v), Some(ItemsFound::Number | ItemsFound::What | ItemsFound::Owner)) => Some(
            v.iter()
                .map(|k| k - 1)
                .filter(|&i| i < c.items.len())
                .collect(),
        ),
        _ => None,
    };
    // Where a promise or delivery applies: the named open items, else the sender's open
    // items, else (the sender owns none) all open items.
    let targets: Vec<usize> = match &named {
        Some(v) => v.iter().copied().filter(|i| open.contains(i)).collect(),
        None => {
            let mine: Vec<usize> = (0..c.items.len())
                .filter(|&i| c.items[i].owner.is_some() && c.items[i].owner == from)
                .collect();
            if mine.is_empty() {
                open.clone()
            } else {
                mine.into_iter().filter(|i| open.contains(i)).collect()
            }
        }
    };
    let promised = reading.promised.map(|p| p.to_rfc3339());
    let deadline_changed = |out: &mut Vec<Event>, items: &[usize]| {
        if let Some(p) = &promised {
            for &i in items {
                out.push(ev(EventKind::DeadlineChanged, Some(i), Some(p.clone())));
            }
            if items.is_empty() {
                out.push(ev(EventKind::DeadlineChanged, None, Some(p.clone())));
            }
        }
    };
    let mut out = Vec::new();
    let ours = from.as_deref().is_some_and(|f| cfg.is_me(f));
    match reading.class {
        ReplyClass::AutoReply => {
            let detail = reading.auto_header.clone().or(reading.cue.clone());
            out.push(ev(EventKind::AutoReplied, None, detail));
        }
        _ if ours => match reading.class {
            ReplyClass::Escalation => out.push(ev(EventKind::Escalated, None, None)),
            ReplyClass::Sync => out.push(ev(EventKind::Synced, None, None)),
            _ if reading.retro => out.push(ev(EventKind::Retro, None, None)),
            ReplyClass::Confirmation => {
                for i in 0..c.items.len() {
                    let wanted = named.as_ref().is_none_or(|v| v.contains(&i));
                    if wanted && c.items[i].status == ItemStatus::Delivered {
                        out.push(ev(EventKind::Confirmed, Some(i), None));
                    }
                }
                if out.is_empty() {
                    out.push(ev(EventKind::Confirmed, None, None));
                }
            }
            ReplyClass::Promise if promised.is_some() => deadline_changed(&mut out, &targets),
            _ => out.push(ev(EventKind::Nudged, None, None)),
        },
        class => {
            out.push(ev(EventKind::Replied, None, None));
            match class {
                ReplyClass::Dispute => {
                    out.push(ev(EventKind::Disagreement, None, reading.cue.clone()));
                }
                ReplyClass::Delay => {
                    out.push(ev(EventKind::Disagreement, None, reading.cue.clone()));
                    deadline_changed(&mut out, &targets);
                }
                ReplyClass::Promise => deadline_changed(&mut out, &targets),
                ReplyClass::Delivery => {
                    for &i in &targets {
                        out.push(ev(EventKind::Delivered, Some(i), None));
                    }
                    if targets.is_empty() {
                        out.push(ev(EventKind::Delivered, None, None));
                    }
                }
                ReplyClass::PartialDelivery => {
                    let done: Vec<usize> = reading
                        .delivered
                        .iter()
                        .map(|k| k - 1)
                        .filter(|i| open.contains(i))
                        .collect();
                    for &i in &done {
                        out.push(ev(EventKind::Delivered, Some(i), None));
                    }
                    let rest: Vec<usize> = targets
                        .iter()
                        .copied()
                        .filter(|i| !done.contains(i))
                        .collect();
                    deadline_changed(&mut out, &rest);
                }
                _ => {}
            }
        }
    }
    for e in &out {
        apply_event(c, e.clone());
    }
    out
}

/// Applies a manual event (a mark, or the runner's record of an action it took). An event
/// naming a Message-ID that the timeline already has is the same fact seen twice — the
/// runner records its action before the mail goes out, and the mail, once recorded or
/// fetched, says it again — so it is applied once.
pub fn apply_manual(c: &mut Collaboration, e: Event) {
    if let Some(mid) = e.message_id.as_deref()
        && c.events
            .iter()
            .any(|x| x.message_id.as_deref() == Some(mid))
    {
        // What the record adds (how it was carried out) is kept on the mail's event.
        if let Some(x) = c
            .events
            .iter_mut()
            .find(|x| x.message_id.as_deref() == Some(mid) && x.kind == e.kind)
            && x.detail.is_none()
        {
            x.detail = e.detail;
        }
        return;
    }
    apply_event(c, e);
}

/// Applies one event (from mail or a manual mark) to the collaboration's items and state,
/// and appends it to the timeline.
pub fn apply_event(c: &mut Collaboration, e: Event) {
    let idx: Vec<usize> = match e.item {
        Some(i) if i < c.items.len() => vec![i],
        Some(_) => vec![],
        None => (0..c.items.len()).collect(),
    };
    match e.kind {
        EventKind::Delivered => {
            for i in idx {
                if matches!(c.items[i].status, ItemStatus::Open | ItemStatus::Overdue) {
                    c.items[i].status = ItemStatus::Delivered;
                }
            }
        }
        EventKind::Confirmed => {
            for i in idx {
                if c.items[i].status != ItemStatus::Dropped {
                    c.items[i].status = ItemStatus::Confirmed;
                }
            }
        }
        EventKind::Dropped => {
            for i in idx {
                c.items[i].status = ItemStatus::Dropped;
            }
        }
        // `liaison confirm --reject` reopens the item it names.
        EventKind::Disagreement
            if e.item.is_some()
                && e.detail
                    .as_deref()
                    .is_some_and(|d| d.starts_with("rejected: ")) =>
        {
            for i in idx {
                if matches!(
                    c.items[i].status,
                    ItemStatus::Delivered | ItemStatus::Confirmed
                ) {
                    c.items[i].status = ItemStatus::Open;
                }
            }
        }
        EventKind::DeadlineChanged => {
            if let Some(t) = e
                .detail
                .as_deref()
                .and_then(|d| DateTime::parse_from_rfc3339(d).ok())
            {
                for i in idx {
                    c.items[i].promised = Some(t);
                }
            }
        }
        _ => {}
    }
    let live: Vec<&ActionItem> = c
        .items
        .iter()
        .filter(|i| i.status != ItemStatus::Dropped)
        .collect();
    let all = |s: ItemStatus| {
        !live.is_empty()
            && live.iter().all(|i| {
                i.status == s || (s == ItemStatus::Delivered && i.status == ItemStatus::Confirmed)
            })
    };
    c.state = match e.kind {
        EventKind::Archived => State::Archived,
        EventKind::Retro if c.state != State::Archived => State::Reviewed,
        _ if matches!(c.state, State::Archived | State::Reviewed) => c.state,
        EventKind::Confirmed if e.item.is_none() || all(ItemStatus::Confirmed) => State::Confirmed,
        _ if all(ItemStatus::Confirmed) => State::Confirmed,
        _ if all(ItemStatus::Delivered) || (live.is_empty() && e.kind == EventKind::Delivered) => {
            State::Delivered
        }
        EventKind::Replied if c.state == State::Sent => State::Acknowledged,
        EventKind::Synced | EventKind::DeadlineChanged | EventKind::Delivered => State::InProgress,
        _ if matches!(c.state, State::Delivered | State::Confirmed) => State::InProgress,
        _ => c.state,
    };
    c.events.push(e);
}

/// An in-memory tracker: the same pipeline as `liaison ingest` on a private in-memory
/// store (for tests, benchmarks and examples).
pub struct Tracker {
    cfg: TrackerConfig,
    // Reads through `&self` still need `&mut` on the store.
    store: std::cell::RefCell<Box<dyn Store>>,
}

impl std::fmt::Debug for Tracker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tracker").finish_non_exhaustive()
    }
}

impl Tracker {
    /// An empty tracker.
    pub fn new(cfg: TrackerConfig) -> Tracker {
        let store = liaison_store::open(&Location::Memory).expect("an in-memory store opens");
        Tracker {
            cfg,
            store: std::cell::RefCell::new(store),
        }
    }

    /// Applies one raw message; returns the id of the collaboration it belongs to after
    /// tracking, if any.
    pub fn apply_message(&mut self, raw: &[u8]) -> Option<String> {
        let store = self.store.get_mut();
        let put = store.put_raw(raw, "memory", None).ok()?;
        crate::pipeline::track_pending(&mut **store, &self.cfg).ok()?;
        store.message_row(put.sha256()).ok()??.collaboration
    }

    /// Applies a manual event.
    pub fn apply_mark(&mut self, id: &str, e: Event) -> Result<(), TrackerError> {
        let store = self.store.get_mut();
        if store.collaboration(id)?.is_none() {
            return Err(TrackerError::UnknownCollaboration(id.into()));
        }
        store.record_manual(id, &e)?;
        crate::pipeline::track_pending(&mut **store, &self.cfg).map_err(|e| match e {
            crate::pipeline::PipelineError::Store(s) => TrackerError::Store(s),
            crate::pipeline::PipelineError::Tracker(t) => t,
        })?;
        Ok(())
    }

    /// The collaborations, ordered by start then id.
    pub fn collaborations(&self) -> Vec<Collaboration> {
        self.store
            .borrow_mut()
            .collaborations()
            .expect("the in-memory store reads")
    }
}
