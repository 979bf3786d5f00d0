//! The runner (`liaison run`): one pass fetches new mail, applies it, plans, and acts on
//! every due follow-up per `[automation]` — a draft for review (the outbox's `draft` state,
//! and the IMAP Drafts folder where configured) or a mail sent through the outbox, or for a
//! nudge to a person with a chat handle, a chat message (falling back to mail).
//!
//! # Exactly once
//!
//! A due action is identified by its collaboration, its kind and its due instant; its mail
//! carries a Message-ID derived from them ([`crate::drafting::action_message_id`]). The act
//! phase runs under the tracker lock (a PostgreSQL advisory lock, or a lock file next to the
//! SQLite database), so processes on one store plan and claim one after another, each seeing
//! what the previous one recorded. The claim itself is the outbox insert keyed by that
//! Message-ID, which succeeds once per action whatever the locks do. In `send` mode the
//! action is then recorded as an event (with the mail's Message-ID) before the outbox hands
//! the mail to SMTP; the outbox sends it exactly once or holds it for a person. When the
//! mail is later fetched or recorded, the tracker sees the event's Message-ID and adds
//! nothing.
//!
//! A crash between the claim and the event leaves a queued mail without its event: the
//! mail is still sent by the next pass, and recording it makes the event then.
//!
//! # What is due
//!
//! The act phase reads what is due from the stored plans ([`crate::plans::due`], as
//! `liaison due` does), refreshed first for the collaborations written since they were
//! planned, and loads only the collaborations that owe something; it does not run the
//! planner over every collaboration. The pass also reports the next due instant
//! ([`PassReport::next_due`]), so a daemon can sleep until then.
//!
//! # When it acts
//!
//! Never at night or on a non-working day of the calendar (fetching still happens); at most
//! one nudge per person per working day, across collaborations: the people nudged today are
//! those of the outbox's nudges created today and those nudged by chat today (kept in the
//! store's meta table under [`nudged_key`], written before the chat message is posted).
//!
//! # A person's word is final
//!
//! A follow-up that a person dropped from the outbox (`liaison outbox drop`) is not drafted
//! again for the same action and due instant: [`crate::outbox::drop_message`] leaves a
//! tombstone ([`crate::outbox::dropped_key`]) that the act phase honours. A new due instant
//! (a later deadline, the next nudge) is a new action and is drafted.

use crate::drafting::{self, DraftContext, FollowUp};
use crate::outbox::{self, SendOptions, SendReport};
use crate::pipeline::{Observer, PipelineError, track_pending};
use crate::planner::{Action, Channel, DueAction, PlanContext};
use crate::tracker::TrackerConfig;
use chrono::{DateTime, FixedOffset, Utc};
use liaison_mail::transport::{ImapClient, SmtpClient};
use liaison_model::{Collaboration, Directory, Event, EventKind, Person};
use liaison_store::{OutboxEntry, OutboxState, Store, StoreError};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tracing::{debug, info, warn};

/// What to do with a due action of one kind (`[automation]`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Put the mail in the review queue (outbox `draft`, IMAP Drafts).
    #[default]
    Draft,
    /// Send it.
    Send,
}

/// `[automation]`: one mode per action kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Automation {
    /// Nudges (催办).
    pub nudge: Mode,
    /// Progress syncs.
    pub sync: Mode,
    /// Escalations.
    pub escalate: Mode,
    /// Confirmations of a delivery.
    pub confirm: Mode,
    /// Retrospectives.
    pub retro: Mode,
}

impl Automation {
    /// The mode of `action` (archive is never acted on by mail).
    pub fn mode(&self, action: Action) -> Option<Mode> {
        Some(match action {
            Action::Nudge => self.nudge,
            Action::Sync => self.sync,
            Action::Escalate => self.escalate,
            Action::Confirm => self.confirm,
            Action::Retro => self.retro,
            Action::Archive => return None,
        })
    }
}

/// Errors of a pass (a failed SMTP transaction or chat post is not one: it is reported).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Applying mail failed.
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
    /// The outbox failed.
    #[error(transparent)]
    Outbox(#[from] outbox::OutboxError),
    /// Fetching failed.
    #[error(transparent)]
    Fetch(#[from] crate::fetch::FetchError),
}

/// A chat channel the runner can nudge through (DingTalk, Feishu, WeCom webhooks).
pub trait ChatNudger {
    /// Whether `person` can be reached (a webhook is configured for them or their
    /// department, and they have a handle on its platform).
    fn reaches(&self, person: &Person) -> bool;
    /// Posts `text` mentioning `people`; returns the platform's name, or why it failed
    /// (after the client's own retries).
    fn post(&mut self, people: &[&Person], text: &str) -> Result<String, String>;
}

/// The [`ChatNudger`] of `[chat]`: a webhook per person or department, @mentioning each
/// person by their handle on the webhook's platform.
pub struct WebhookNudger<S: liaison_mail::chat::Sleeper> {
    /// The client (with its retries and sleeper).
    pub client: liaison_mail::chat::ChatClient<S>,
    /// The signing instant (Unix ms): the pass's `now`.
    pub now_ms: i64,
}

impl<S: liaison_mail::chat::Sleeper> WebhookNudger<S> {
    fn hook(&self, p: &Person) -> Option<liaison_mail::chat::Webhook> {
        let h = self.client.config().webhook_for(&p.email, &p.department)?;
        p.chat.contains_key(h.platform.id()).then(|| h.clone())
    }
}

impl<S: liaison_mail::chat::Sleeper> ChatNudger for WebhookNudger<S> {
    fn reaches(&self, person: &Person) -> bool {
        self.hook(person).is_some()
    }

    fn post(&mut self, people: &[&Person], text: &str) -> Result<String, String> {
        let Some(first) = people.first() else {
            return Err("nobody to mention".into());
        };
        let hook = self.hook(first).ok_or("no webhook")?;
        let handles: Vec<String> = people
            .iter()
            .filter_map(|p| p.chat.get(hook.platform.id()).cloned())
            .collect();
        self.client
            .post(&hook, &handles, text, self.now_ms)
            .map(|()| hook.platform.id().to_string())
            .map_err(|e| e.to_string())
    }
}

/// What a pass did with one due action.
#[derive(Debug, Clone, Serialize)]
pub struct Acted {
    /// The collaboration.
    pub collaboration: String,
    /// The action.
    pub action: Action,
    /// Its due instant.
    pub due_at: DateTime<FixedOffset>,
    /// `drafted`, `queued`, `chat`, `chat-fallback`, or `skipped`.
    pub outcome: String,
    /// The Message-ID of its mail, when it has one.
    pub message_id: Option<String>,
    /// Details (why skipped, the chat failure…).
    pub detail: Option<String>,
}

/// What one pass did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PassReport {
    /// Whether the pass fell in working time (it acts only then).
    pub working_time: bool,
    /// Messages fetched and ingested (with `[imap]`).
    pub fetched: Option<crate::fetch::FetchSummary>,
    /// The fetch failure, when the server could not be read (the pass goes on).
    pub fetch_error: Option<String>,
    /// Due actions looked at.
    pub due: usize,
    /// What was done with each.
    pub acted: Vec<Acted>,
    /// What the outbox sent.
    pub sent: Vec<SendReport>,
    /// The send failure, when SMTP could not be used at all.
    pub send_error: Option<String>,
    /// The earliest due instant after the pass's `now` among the stored plans (what a
    /// daemon sleeps until, at most).
    pub next_due: Option<DateTime<FixedOffset>>,
}

/// Everything a pass needs besides the store and the servers.
pub struct RunContext<'a> {
    /// How mail is read into collaborations.
    pub tracker: &'a TrackerConfig,
    /// The planner's context (its `now` is the pass's instant).
    pub plan: PlanContext<'a>,
    /// The templates and language of drafted mail (its `now` should equal the plan's).
    pub draft: DraftContext<'a>,
    /// `[automation]`.
    pub automation: Automation,
    /// How to send.
    pub send: SendOptions,
    /// How to fetch.
    pub fetch: crate::fetch::FetchOptions,
    /// Test hook: abort at this point of acting, at the `crash_nth` action reaching it.
    pub crash_at: Option<RunCrash>,
    /// See `crash_at`.
    pub crash_nth: u32,
}

/// Test hooks of the act phase: abort the process (as `kill -9` would).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunCrash {
    /// After the action's mail is in the outbox, before its event is recorded.
    Claimed,
    /// After the event is recorded, before the lock is released and the mail sent.
    Recorded,
}

impl RunCrash {
    /// Reads `run-claimed`, `run-recorded`.
    pub fn parse(s: &str) -> Option<RunCrash> {
        match s {
            "run-claimed" => Some(RunCrash::Claimed),
            "run-recorded" => Some(RunCrash::Recorded),
            _ => None,
        }
    }
}

static CRASH_COUNT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

fn crash(cx: &RunContext<'_>, at: RunCrash) {
    if cx.crash_at == Some(at) {
        let n = CRASH_COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
        if n >= cx.crash_nth.max(1) {
            eprintln!("LIAISON_TEST_CRASH_AT={at:?}: aborting");
            std::process::abort();
        }
    }
}

/// The servers of a pass, each optional.
#[derive(Default)]
pub struct Servers<'a> {
    /// `[smtp]`.
    pub smtp: Option<&'a mut SmtpClient>,
    /// `[imap]`.
    pub imap: Option<&'a mut ImapClient>,
    /// The chat webhooks.
    pub chat: Option<&'a mut dyn ChatNudger>,
}

/// Whether `now` is working time: a working day of the calendar, within working hours.
pub fn is_working_time(cx: &PlanContext<'_>) -> bool {
    let l = cx.now.with_timezone(&cx.tz).naive_local();
    cx.calendar.is_working_day(l.date()) && l.time() >= cx.hours.start && l.time() < cx.hours.end
}

/// One pass: fetch (with `[imap]`), apply, plan, act (in working time), send what is
/// queued (with `[smtp]`).
pub fn run_once(
    store: &mut dyn Store,
    cx: &RunContext<'_>,
    servers: Servers<'_>,
    obs: &mut dyn Observer,
) -> Result<PassReport, RunError> {
    let Servers {
        smtp,
        mut imap,
        chat,
    } = servers;
    let mut report = PassReport {
        working_time: is_working_time(&cx.plan),
        ..PassReport::default()
    };
    if let Some(i) = imap.as_deref_mut() {
        match crate::fetch::fetch(store, cx.tracker, i, &cx.fetch, obs) {
            Ok(s) => report.fetched = Some(s),
            Err(crate::fetch::FetchError::Imap(e)) => {
                warn!(target: "liaison::run", error = %e, "fetch failed; retried next pass");
                report.fetch_error = Some(e.to_string());
            }
            Err(e) => return Err(e.into()),
        }
    }
    track_pending(store, cx.tracker)?;
    if report.working_time {
        store.lock_tracker()?;
        let acted = act(store, cx, imap.as_deref_mut(), chat, &mut report);
        // Applies the events just recorded, then releases the lock, so the next process
        // plans with them.
        let applied = track_pending(store, cx.tracker);
        store.unlock_tracker()?;
        acted?;
        applied?;
    }
    if let Some(s) = smtp
        && report.working_time
    {
        match outbox::send_due(store, cx.tracker, s, imap, cx.plan.now, &cx.send) {
            Ok(r) => report.sent = r,
            Err(e @ outbox::OutboxError::Store(_)) => return Err(e.into()),
            Err(e) => {
                warn!(target: "liaison::run", error = %e, "send failed; retried next pass");
                report.send_error = Some(e.to_string());
            }
        }
    }
    report.next_due = crate::plans::due(store, &cx.plan, true)?
        .into_iter()
        .map(|d| d.due_at)
        .filter(|t| *t > cx.plan.now)
        .min();
    Ok(report)
}

/// The [`Store::meta`] key listing the people nudged by chat on `day` (a JSON array of
/// lower-case addresses).
pub fn nudged_key(day: chrono::NaiveDate) -> String {
    format!("runner-chat-nudged:{day}")
}

fn today(cx: &PlanContext<'_>) -> chrono::NaiveDate {
    cx.now.with_timezone(&cx.tz).date_naive()
}

/// The people nudged by chat on the working day of `now`.
fn chat_nudged(store: &mut dyn Store, cx: &PlanContext<'_>) -> Result<Vec<String>, StoreError> {
    Ok(store
        .meta(&nudged_key(today(cx)))?
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

/// The people nudged (by mail or chat) on the working day of `now`, lower-case: the
/// outbox's nudges created today and [`chat_nudged`].
fn nudged_today(store: &mut dyn Store, cx: &PlanContext<'_>) -> Result<Vec<String>, StoreError> {
    let day = today(cx);
    let mut out = chat_nudged(store, cx)?;
    for e in store.outbox_list(&[])? {
        if e.action.as_deref() == Some("nudge")
            && e.created_at.with_timezone(&cx.tz).date_naive() == day
        {
            out.extend(e.to.iter().map(|t| t.to_ascii_lowercase()));
        }
    }
    Ok(out)
}

/// Adds `people` to today's chat nudges (before the message is posted: a crash after the
/// post must not let a second nudge reach them today).
fn remember_chat_nudge(
    store: &mut dyn Store,
    cx: &PlanContext<'_>,
    people: &[String],
) -> Result<(), StoreError> {
    let mut v = chat_nudged(store, cx)?;
    for p in people {
        let p = p.to_ascii_lowercase();
        if !v.contains(&p) {
            v.push(p);
        }
    }
    let json = serde_json::to_string(&v).unwrap_or_else(|_| "[]".into());
    store.set_meta(&nudged_key(today(cx)), &json)
}

fn event_kind(a: Action) -> EventKind {
    match a {
        Action::Nudge => EventKind::Nudged,
        Action::Sync => EventKind::Synced,
        Action::Escalate => EventKind::Escalated,
        Action::Confirm => EventKind::Confirmed,
        Action::Retro => EventKind::Retro,
        Action::Archive => EventKind::Archived,
    }
}

fn entry(
    f: &FollowUp,
    p: &outbox::Prepared,
    state: OutboxState,
    now: DateTime<Utc>,
) -> OutboxEntry {
    OutboxEntry {
        message_id: p.message_id.clone(),
        state,
        subject: p.subject.clone(),
        from: p.from.clone(),
        to: p.to.clone(),
        recipients: p.recipients.clone(),
        collaboration: Some(f.collaboration.clone()),
        action: Some(f.action.id().to_string()),
        bytes: p.bytes.clone(),
        attempts: 0,
        last_error: None,
        created_at: now,
        updated_at: now,
        next_attempt_at: None,
        sent_at: None,
        handed_over: false,
        recorded: false,
        appended: false,
        reply: None,
    }
}

/// Logs what was done with a due action (tracing, target `liaison::run`) and reports it.
fn push(report: &mut PassReport, a: Acted) {
    let (mid, detail) = (
        a.message_id.as_deref().unwrap_or(""),
        a.detail.as_deref().unwrap_or(""),
    );
    if a.outcome == "skipped" {
        debug!(
            target: "liaison::run",
            collaboration = %a.collaboration,
            action = a.action.id(),
            due_at = %a.due_at.to_rfc3339(),
            message_id = mid,
            state = %a.outcome,
            detail,
            "action skipped"
        );
    } else {
        info!(
            target: "liaison::run",
            collaboration = %a.collaboration,
            action = a.action.id(),
            due_at = %a.due_at.to_rfc3339(),
            message_id = mid,
            state = %a.outcome,
            detail,
            "action"
        );
    }
    report.acted.push(a);
}

fn act(
    store: &mut dyn Store,
    cx: &RunContext<'_>,
    mut imap: Option<&mut ImapClient>,
    mut chat: Option<&mut (dyn ChatNudger + '_)>,
    report: &mut PassReport,
) -> Result<(), RunError> {
    let now = cx.plan.now;
    let utc = now.with_timezone(&Utc);
    let due: Vec<DueAction> = crate::plans::due(store, &cx.plan, false)?
        .into_iter()
        .filter(|d| d.due_at <= now && d.action != Action::Archive)
        .collect();
    report.due = due.len();
    let mut nudged = nudged_today(store, &cx.plan)?;
    let directory: &Directory = cx.plan.directory;
    // Only the collaborations that owe something are read, each once.
    let mut loaded: HashMap<String, Option<Collaboration>> = HashMap::new();
    for d in due {
        let Some(mode) = cx.automation.mode(d.action) else {
            continue;
        };
        let mut acted = Acted {
            collaboration: d.collaboration.clone(),
            action: d.action,
            due_at: d.due_at,
            outcome: "skipped".into(),
            message_id: None,
            detail: None,
        };
        if !loaded.contains_key(&d.collaboration) {
            let c = store.collaboration(&d.collaboration)?;
            loaded.insert(d.collaboration.clone(), c);
        }
        let Some(c) = loaded.get(&d.collaboration).and_then(Option::as_ref) else {
            continue;
        };
        if d.action == Action::Nudge
            && d.to
                .iter()
                .all(|t| nudged.contains(&t.to_ascii_lowercase()))
        {
            acted.detail =
                Some("nudged today already (at most one nudge per person per working day)".into());
            push(report, acted);
            continue;
        }
        let follow = match drafting::draft(c, &d, &cx.draft) {
            Ok(f) => f,
            Err(e) => {
                acted.detail = Some(e.to_string());
                push(report, acted);
                continue;
            }
        };
        acted.message_id = Some(follow.message_id.clone());
        if store.outbox_get(&follow.message_id)?.is_some() {
            acted.detail = Some("already drafted or sent".into());
            push(report, acted);
            continue;
        }
        if store
            .meta(&outbox::dropped_key(&follow.message_id))?
            .is_some()
        {
            acted.detail = Some("dropped from the outbox by a person".into());
            push(report, acted);
            continue;
        }
        let prepared = match outbox::prepare(&follow.eml, now, cx.draft.domain) {
            Ok(p) => p,
            Err(e) => {
                acted.detail = Some(e.to_string());
                push(report, acted);
                continue;
            }
        };
        if mode == Mode::Draft {
            if !store.outbox_insert(&entry(&follow, &prepared, OutboxState::Draft, utc))? {
                acted.detail = Some("drafted by another process".into());
                push(report, acted);
                continue;
            }
            acted.outcome = "drafted".into();
            if let Some(i) = imap.as_deref_mut() {
                let r = i
                    .drafts()
                    .and_then(|folder| i.append(&folder, &prepared.bytes, true, Some(now)));
                if let Err(e) = r {
                    acted.detail = Some(format!("not appended to the Drafts folder: {e}"));
                }
            }
            if d.action == Action::Nudge {
                nudged.extend(d.to.iter().map(|t| t.to_ascii_lowercase()));
            }
            push(report, acted);
            continue;
        }
        // Send mode. A nudge to people with a chat handle goes by chat first.
        let people: Vec<&Person> = d.to.iter().filter_map(|t| directory.person(t)).collect();
        let mut fallback: Option<String> = None;
        if d.action == Action::Nudge
            && d.channel == Channel::Chat
            && let Some(ch) = chat.as_deref_mut()
            && !people.is_empty()
            && people.iter().all(|p| ch.reaches(p))
        {
            let to =
                d.to.iter()
                    .map(|t| t.to_ascii_lowercase())
                    .collect::<Vec<_>>()
                    .join(", ");
            remember_chat_nudge(store, &cx.plan, &d.to)?;
            match ch.post(&people, &follow.chat_text) {
                Ok(platform) => {
                    store.record_manual(
                        &c.id,
                        &Event {
                            kind: EventKind::Nudged,
                            at: now,
                            actor: Some(c.owner.clone()),
                            message_id: None,
                            item: None,
                            detail: Some(format!("chat {platform}: {to}")),
                        },
                    )?;
                    nudged.extend(d.to.iter().map(|t| t.to_ascii_lowercase()));
                    acted.outcome = "chat".into();
                    acted.message_id = None;
                    acted.detail = Some(platform);
                    push(report, acted);
                    continue;
                }
                Err(why) => fallback = Some(why),
            }
        }
        if !store.outbox_insert(&entry(&follow, &prepared, OutboxState::Queued, utc))? {
            acted.detail = Some("claimed by another process".into());
            push(report, acted);
            continue;
        }
        crash(cx, RunCrash::Claimed);
        let detail = match &fallback {
            Some(why) => format!("chat failed ({why}); fell back to mail"),
            None => "mail".to_string(),
        };
        store.record_manual(
            &c.id,
            &Event {
                kind: event_kind(d.action),
                at: now,
                actor: Some(c.owner.clone()),
                message_id: Some(follow.message_id.clone()),
                item: None,
                detail: Some(detail.clone()),
            },
        )?;
        crash(cx, RunCrash::Recorded);
        if d.action == Action::Nudge {
            nudged.extend(d.to.iter().map(|t| t.to_ascii_lowercase()));
        }
        acted.outcome = if fallback.is_some() {
            "chat-fallback".into()
        } else {
            "queued".into()
        };
        acted.detail = Some(detail);
        push(report, acted);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automation_defaults_to_draft() {
        let a: Automation = toml_like("nudge = \"send\"");
        assert_eq!(a.nudge, Mode::Send);
        assert_eq!(a.sync, Mode::Draft);
        assert_eq!(a.mode(Action::Archive), None);
    }

    fn toml_like(s: &str) -> Automation {
        let (k, v) = s.split_once(" = ").unwrap();
        let v: Mode = serde_json::from_str(v).unwrap();
        let mut m = serde_json::Map::new();
        m.insert(k.into(), serde_json::to_value(v).unwrap());
        serde_json::from_value(serde_json::Value::Object(m)).unwrap()
    }
}
