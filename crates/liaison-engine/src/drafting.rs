//! Drafting the follow-ups (步骤3 跟进 and 步骤4 闭环): for one [`DueAction`] of a
//! collaboration, the mail (and, for a nudge, the chat text) written from the
//! collaboration's state with the built-in templates of liaison-compose.
//!
//! The mail is built as a [`Brief`] of the follow-up kind (跟进提醒, 进度同步, 问题升级,
//! 成果确认, 复盘) and rendered by [`liaison_compose::compose`], so it follows the same
//! structure the linter checks: a nudge lists the open items with their deadlines; an
//! escalation states the facts and the timeline and cc's both parties' superiors; a
//! confirmation names each delivery and the standard it is checked against.
//!
//! The drafted mail replies to the opening mail (In-Reply-To / References), so it threads
//! into its collaboration, and its Message-ID is derived from the collaboration, the action
//! and its due instant ([`action_message_id`]): two processes drafting the same due action
//! write the same Message-ID, which the outbox keys on. `liaison draft`, `liaison run` and
//! the closure commands (`confirm`, `retro`) share [`draft`].

use crate::planner::{Action, Channel, DueAction};
use chrono::{DateTime, Datelike, Duration, FixedOffset, TimeZone, Timelike};
use liaison_compose::{ComposedMail, Templates};
use liaison_model::{
    Brief, BriefItem, Collaboration, Directory, EventKind, ItemStatus, Kind, Lang, Urgency,
};
use liaison_time::{Calendar, WorkHours};
use serde::Serialize;

/// Why a follow-up could not be drafted.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// Archiving is not a mail.
    #[error("{0} is not drafted as a mail")]
    NotAMail(&'static str),
    /// Nobody to write to.
    #[error("the {action} of {collaboration} has no recipient")]
    NoRecipient {
        /// The action.
        action: &'static str,
        /// The collaboration.
        collaboration: String,
    },
    /// A sender or recipient is not in the directory (the template needs their names).
    #[error(
        "{0} is not in the directory: add a [[person]] with this email to directory.toml to draft mail to or from them"
    )]
    UnknownPerson(String),
    /// The Message-ID domain (`[identity] domain`) cannot go into a header.
    #[error(
        "[identity] domain = {0:?} cannot be used in a Message-ID: write a plain domain such as example.com"
    )]
    BadDomain(String),
    /// The template failed.
    #[error(transparent)]
    Compose(#[from] liaison_compose::ComposeError),
}

/// Everything drafting needs besides the collaboration and its due action.
#[derive(Debug, Clone)]
pub struct DraftContext<'a> {
    /// Names, departments, superiors and chat handles.
    pub directory: &'a Directory,
    /// The templates (built-in or the user's `[compose] templates`).
    pub templates: &'a Templates,
    /// Language of the mail.
    pub lang: Lang,
    /// The present instant: the mail's Date.
    pub now: DateTime<FixedOffset>,
    /// The Message-ID domain.
    pub domain: &'a str,
    /// Working days, for the reply-by deadline.
    pub calendar: &'a Calendar,
    /// Working hours.
    pub hours: WorkHours,
    /// The local time zone.
    pub tz: chrono_tz::Tz,
}

/// A drafted follow-up.
#[derive(Debug, Clone, Serialize)]
pub struct FollowUp {
    /// The collaboration.
    pub collaboration: String,
    /// The action.
    pub action: Action,
    /// The due instant it answers (part of its identity).
    pub due_at: DateTime<FixedOffset>,
    /// How the planner would reach the recipient.
    pub channel: Channel,
    /// The mail (subject, body, recipients); `mail.eml` holds the bytes as composed.
    pub mail: ComposedMail,
    /// The message to send: `mail.eml` with the action's Message-ID and the threading
    /// headers.
    #[serde(skip)]
    pub eml: Vec<u8>,
    /// The Message-ID of [`FollowUp::eml`], without angle brackets.
    pub message_id: String,
    /// The chat text (a nudge by chat); the @mentions are added by the chat client.
    pub chat_text: String,
}

/// The Message-ID of the mail carrying out `action` for `collaboration`, due at `due_at`:
/// the same for every process, so the outbox refuses a second copy.
pub fn action_message_id(
    collaboration: &str,
    action: Action,
    due_at: DateTime<FixedOffset>,
    domain: &str,
) -> String {
    let seed = format!(
        "{collaboration}|{}|{}",
        action.id(),
        due_at.with_timezone(&chrono::Utc).to_rfc3339()
    );
    let h = liaison_store::sha256_hex(seed.as_bytes());
    format!("liaison-{}-{}@{}", action.id(), &h[..24], domain)
}

/// The identity of a due action (the key a runner claims it by).
pub fn action_key(d: &DueAction) -> String {
    format!(
        "{}|{}|{}",
        d.collaboration,
        d.action.id(),
        d.due_at.with_timezone(&chrono::Utc).to_rfc3339()
    )
}

impl DraftContext<'_> {
    fn local(&self, t: DateTime<FixedOffset>) -> chrono::NaiveDateTime {
        t.with_timezone(&self.tz).naive_local()
    }
    fn pick<'s>(&self, zh: &'s str, en: &'s str) -> &'s str {
        match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
    /// A deadline as the scanner reads it: 12月3日17:00前 / Dec 3, 17:00.
    fn deadline(&self, t: DateTime<FixedOffset>) -> String {
        let l = self.local(t);
        match self.lang {
            Lang::Zh => format!(
                "{}月{}日{:02}:{:02}前",
                l.month(),
                l.day(),
                l.hour(),
                l.minute()
            ),
            Lang::En => format!("{}, {:02}:{:02}", l.format("%b %-d"), l.hour(), l.minute()),
        }
    }
    /// A past day, for the timeline: 12月1日 / Dec 1.
    fn day(&self, t: DateTime<FixedOffset>) -> String {
        let l = self.local(t);
        match self.lang {
            Lang::Zh => format!("{}月{}日", l.month(), l.day()),
            Lang::En => l.format("%b %-d").to_string(),
        }
    }
    /// The end of the next working day after `now`: the reply-by of a follow-up (a whole
    /// working day to answer, never a night or a holiday).
    fn reply_by(&self) -> DateTime<FixedOffset> {
        let d = self
            .calendar
            .next_working_day(self.local(self.now).date() + Duration::days(1));
        let n = d.and_time(self.hours.end);
        self.tz
            .from_local_datetime(&n)
            .earliest()
            .map(|t| t.fixed_offset())
            .unwrap_or(self.now + Duration::days(1))
    }
    fn name(&self, email: &str) -> String {
        self.directory
            .person(email)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| email.to_string())
    }
    fn names(&self, emails: &[String]) -> String {
        emails
            .iter()
            .map(|e| self.name(e))
            .collect::<Vec<_>>()
            .join(self.pick("、", ", "))
    }
}

/// The follow-up kind of an action.
pub fn kind_of(action: Action) -> Option<Kind> {
    Some(match action {
        Action::Nudge => Kind::Nudge,
        Action::Sync => Kind::ProgressSync,
        Action::Escalate => Kind::Escalation,
        Action::Confirm => Kind::Confirmation,
        Action::Retro => Kind::Retrospective,
        Action::Archive => return None,
    })
}

fn strip_end(s: &str) -> String {
    s.trim()
        .trim_end_matches(['。', '.', '；', ';', '，', ','])
        .to_string()
}

/// Drafts the follow-up for `due` (an action of `c`, as planned).
pub fn draft(
    c: &Collaboration,
    due: &DueAction,
    cx: &DraftContext<'_>,
) -> Result<FollowUp, DraftError> {
    let kind = kind_of(due.action).ok_or(DraftError::NotAMail("archive"))?;
    // The domain goes into the Message-ID header: nothing that could end or bend it.
    if cx.domain.is_empty()
        || cx
            .domain
            .contains(|c: char| c.is_whitespace() || c.is_control() || "<>@\",;".contains(c))
    {
        return Err(DraftError::BadDomain(cx.domain.to_string()));
    }
    let brief = brief_for(c, due, kind, cx)?;
    let mail = liaison_compose::compose(
        &brief,
        cx.directory,
        cx.templates,
        cx.lang,
        cx.now,
        cx.domain,
        &[],
    )?;
    let message_id = action_message_id(&c.id, due.action, due.due_at, cx.domain);
    let opening = c
        .events
        .iter()
        .find(|e| e.kind == EventKind::Sent)
        .and_then(|e| e.message_id.clone());
    let eml = rethread(&mail.eml, &mail.message_id, &message_id, opening.as_deref());
    let chat_text = chat_text(c, due, &brief, cx);
    Ok(FollowUp {
        collaboration: c.id.clone(),
        action: due.action,
        due_at: due.due_at,
        channel: due.channel,
        mail,
        eml,
        message_id,
        chat_text,
    })
}

/// Replaces the composed Message-ID with the action's and adds In-Reply-To/References to
/// the opening mail. Both ids are checked (no CR/LF, no brackets) before they are written.
fn rethread(eml: &[u8], old: &str, new: &str, parent: Option<&str>) -> Vec<u8> {
    let safe = |s: &str| !s.is_empty() && !s.contains(['\r', '\n', '<', '>', ' ']);
    let needle = format!("Message-ID: <{old}>\r\n");
    let Some(pos) = eml
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
    else {
        return eml.to_vec();
    };
    let mut head = format!("Message-ID: <{new}>\r\n");
    if let Some(p) = parent.filter(|p| safe(p)) {
        head.push_str(&format!("In-Reply-To: <{p}>\r\nReferences: <{p}>\r\n"));
    }
    let mut out = Vec::with_capacity(eml.len() + head.len());
    out.extend_from_slice(&eml[..pos]);
    out.extend_from_slice(head.as_bytes());
    out.extend_from_slice(&eml[pos + needle.len()..]);
    out
}

/// The recipients of `due` that the directory knows (the template greets them by name).
fn known(cx: &DraftContext<'_>, v: &[String]) -> Vec<String> {
    v.iter()
        .filter(|e| cx.directory.person(e).is_some())
        .map(|e| e.to_ascii_lowercase())
        .collect()
}

fn brief_for(
    c: &Collaboration,
    due: &DueAction,
    kind: Kind,
    cx: &DraftContext<'_>,
) -> Result<Brief, DraftError> {
    if cx.directory.person(&c.owner).is_none() {
        return Err(DraftError::UnknownPerson(c.owner.clone()));
    }
    let mut to = known(cx, &due.to);
    to.retain(|t| !t.eq_ignore_ascii_case(&c.owner));
    if to.is_empty() {
        match due.to.iter().find(|t| !t.eq_ignore_ascii_case(&c.owner)) {
            Some(t) => return Err(DraftError::UnknownPerson(t.clone())),
            None => {
                return Err(DraftError::NoRecipient {
                    action: due.action.id(),
                    collaboration: c.id.clone(),
                });
            }
        }
    }
    let mut cc = known(cx, &due.cc);
    cc.retain(|x| !to.contains(x) && !x.eq_ignore_ascii_case(&c.owner));
    let mut departments: Vec<String> = Vec::new();
    for t in &to {
        if let Some(p) = cx.directory.person(t)
            && !departments.contains(&p.department)
        {
            departments.push(p.department.clone());
        }
    }
    let reply_by = cx.reply_by();
    let reply_by_text = cx.deadline(reply_by);
    let zh = cx.lang == Lang::Zh;
    let sent_day = cx.day(c.started);
    let subject = c.subject.trim().to_string();
    let project = c.project.trim().to_string();
    let no_standard = cx.pick("以原邮件约定为准", "as agreed in the original mail");
    let owner_of = |i: &liaison_model::ActionItem| -> String {
        match &i.owner {
            Some(o) if cx.directory.person(o).is_some() => o.clone(),
            Some(o) if !o.trim().is_empty() => o.clone(),
            _ => to.first().cloned().unwrap_or_default(),
        }
    };
    // A deadline already passed is not asked for again (the linter would rightly call it
    // past): the item is marked overdue and a new date is asked for by the reply-by.
    let due_of = |i: &liaison_model::ActionItem| -> String {
        match i.promised.or(i.due) {
            Some(d) if d > cx.now => cx.deadline(d),
            _ => reply_by_text.clone(),
        }
    };
    let what_of = |i: &liaison_model::ActionItem| -> String {
        let w = strip_end(&i.what);
        match i.promised.or(i.due) {
            Some(d) if d <= cx.now => {
                if zh {
                    format!("{w}（已逾期，请给出新的完成时间）")
                } else {
                    format!("{w} (overdue: please give a new date)")
                }
            }
            _ => w,
        }
    };
    let open: Vec<(usize, &liaison_model::ActionItem)> = c
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i.status, ItemStatus::Open | ItemStatus::Overdue))
        .collect();
    let delivered: Vec<(usize, &liaison_model::ActionItem)> = c
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.status == ItemStatus::Delivered)
        .collect();
    let standard_of = |i: &liaison_model::ActionItem| {
        i.standard
            .as_deref()
            .map(strip_end)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| no_standard.to_string())
    };
    let names = cx.names(&to);
    let (purpose, background, goal, items, next_step): (
        String,
        String,
        String,
        Vec<BriefItem>,
        String,
    );
    match due.action {
        Action::Nudge => {
            let list: Vec<BriefItem> = open
                .iter()
                .map(|(_, i)| BriefItem {
                    what: what_of(i),
                    owner: owner_of(i),
                    due: due_of(i),
                    standard: standard_of(i),
                })
                .collect();
            let nudges = c
                .events
                .iter()
                .filter(|e| e.kind == EventKind::Nudged)
                .count();
            purpose = if zh {
                format!(
                    "特此跟进{sent_day}发出的《{subject}》，请于{reply_by_text}回复以下事项的进展"
                )
            } else {
                format!(
                    "I am following up on \"{subject}\" of {sent_day}: please reply on the items below by {reply_by_text}"
                )
            };
            background = if zh {
                if nudges == 0 {
                    format!("{sent_day}发出《{subject}》后，尚未收到{names}的回复")
                } else {
                    format!(
                        "{sent_day}发出《{subject}》后，已跟进{nudges}次，尚未收到{names}的回复"
                    )
                }
            } else if nudges == 0 {
                format!(
                    "Since \"{subject}\" went out on {sent_day}, no reply has come from {names}"
                )
            } else {
                format!(
                    "Since \"{subject}\" went out on {sent_day}, {nudges} follow-up(s) have had no reply from {names}"
                )
            };
            goal = cx
                .pick(
                    "目标是确认各事项能按期完成",
                    "The goal is to confirm that every item will be done on time",
                )
                .to_string();
            items = if list.is_empty() {
                vec![BriefItem {
                    what: cx
                        .pick(
                            "回复原邮件并确认分工",
                            "Reply to the original mail and confirm who does what",
                        )
                        .to_string(),
                    owner: to[0].clone(),
                    due: reply_by_text.clone(),
                    standard: no_standard.to_string(),
                }]
            } else {
                list
            };
            next_step = cx
                .pick(
                    "收到回复后我方将同步后续安排",
                    "Once you reply, we will share the next steps",
                )
                .to_string();
        }
        Action::Sync => {
            let done: Vec<String> = c
                .items
                .iter()
                .filter(|i| matches!(i.status, ItemStatus::Delivered | ItemStatus::Confirmed))
                .map(|i| strip_end(&i.what))
                .collect();
            purpose = if zh {
                format!("特此同步「{project}」的当前进度，请于{reply_by_text}回复确认或补充")
            } else {
                format!(
                    "I am sharing the progress of {project}: please confirm or add to it by {reply_by_text}"
                )
            };
            background = if zh {
                if done.is_empty() {
                    format!("{sent_day}启动以来，共{}项事项，均在进行中", c.items.len())
                } else {
                    format!(
                        "{sent_day}启动以来，已完成：{}；其余{}项在进行中",
                        done.join("、"),
                        open.len()
                    )
                }
            } else if done.is_empty() {
                format!(
                    "Since the start on {sent_day}, all {} items are under way",
                    c.items.len()
                )
            } else {
                format!(
                    "Since the start on {sent_day}, done: {}; {} item(s) under way",
                    done.join(", "),
                    open.len()
                )
            };
            goal = cx
                .pick(
                    "目标是让各方掌握进度、及早发现风险",
                    "The goal is to keep everyone informed and catch risks early",
                )
                .to_string();
            items = open
                .iter()
                .map(|(_, i)| BriefItem {
                    what: what_of(i),
                    owner: owner_of(i),
                    due: due_of(i),
                    standard: standard_of(i),
                })
                .collect();
            next_step = cx
                .pick(
                    "下次进度同步将在两个工作日后发出",
                    "The next progress update follows in two working days",
                )
                .to_string();
        }
        Action::Escalate => {
            purpose = if zh {
                format!(
                    "特此升级《{subject}》中未能按期推进的事项，请双方上级于{reply_by_text}协调确认"
                )
            } else {
                format!(
                    "I am escalating the items of \"{subject}\" that are stuck: please help settle them by {reply_by_text}"
                )
            };
            background = timeline(c, cx);
            goal = cx
                .pick(
                    "目标是明确交付时间或替代方案，避免影响整体进度",
                    "The goal is a firm delivery time or an alternative, so the project stays on track",
                )
                .to_string();
            let stuck: Vec<&(usize, &liaison_model::ActionItem)> = open.iter().collect();
            items = if stuck.is_empty() {
                vec![BriefItem {
                    what: cx
                        .pick("就异议事项给出处理意见", "Settle the disputed point")
                        .to_string(),
                    owner: to[0].clone(),
                    due: reply_by_text.clone(),
                    standard: cx
                        .pick("书面回复处理意见", "a written decision")
                        .to_string(),
                }]
            } else {
                stuck
                    .iter()
                    .map(|(n, i)| {
                        let late = i.promised.or(i.due).is_some_and(|d| d <= cx.now);
                        let what = match (zh, late) {
                            (true, false) => {
                                format!("明确事项{}「{}」的交付安排", n + 1, strip_end(&i.what))
                            }
                            (true, true) => format!(
                                "明确事项{}「{}」（已逾期）的交付安排",
                                n + 1,
                                strip_end(&i.what)
                            ),
                            (false, false) => format!(
                                "Settle the delivery of item {} \"{}\"",
                                n + 1,
                                strip_end(&i.what)
                            ),
                            (false, true) => format!(
                                "Settle the delivery of item {} \"{}\" (overdue)",
                                n + 1,
                                strip_end(&i.what)
                            ),
                        };
                        BriefItem {
                            what,
                            owner: owner_of(i),
                            due: reply_by_text.clone(),
                            standard: cx
                                .pick(
                                    "给出明确的交付时间或替代方案",
                                    "a firm delivery time or an alternative",
                                )
                                .to_string(),
                        }
                    })
                    .collect()
            };
            next_step = cx
                .pick(
                    "协调结果确定后我方将更新计划并同步各方",
                    "Once this is settled we will update the plan and tell everyone",
                )
                .to_string();
        }
        Action::Confirm => {
            let what: Vec<String> = delivered.iter().map(|(_, i)| strip_end(&i.what)).collect();
            let confirm_by = cx.deadline(due.due_at.max(cx.now));
            purpose = if zh {
                format!(
                    "特此确认已收到{names}交付的{}，我方将于{confirm_by}按交付标准核对并反馈",
                    what.join("、")
                )
            } else {
                format!(
                    "I confirm receipt of {} from {names}; we will check it against the agreed standard and answer by {confirm_by}",
                    what.join(", ")
                )
            };
            background = if zh {
                format!("{sent_day}发出《{subject}》，现已收到交付")
            } else {
                format!("\"{subject}\" went out on {sent_day}; the delivery has arrived")
            };
            goal = cx
                .pick(
                    "目标是按交付标准逐项确认成果，完成闭环",
                    "The goal is to check each deliverable against its standard and close the loop",
                )
                .to_string();
            items = delivered
                .iter()
                .map(|(n, i)| BriefItem {
                    what: if zh {
                        format!("核对事项{}「{}」的交付成果", n + 1, strip_end(&i.what))
                    } else {
                        format!(
                            "Check the deliverable of item {} \"{}\"",
                            n + 1,
                            strip_end(&i.what)
                        )
                    },
                    owner: c.owner.clone(),
                    due: confirm_by.clone(),
                    standard: standard_of(i),
                })
                .collect();
            next_step = cx
                .pick(
                    "核对无误后我方将回复确认并归档",
                    "Once it checks out we will confirm and archive the collaboration",
                )
                .to_string();
        }
        Action::Retro => {
            let retro_by = cx.deadline(due.due_at.max(reply_by));
            purpose = if zh {
                format!("特此邀请各方于{retro_by}完成「{project}」的复盘")
            } else {
                format!("I am inviting everyone to the retrospective of {project} by {retro_by}")
            };
            background = timeline(c, cx);
            goal = cx
                .pick(
                    "目标是总结延期与升级的原因，改进后续协作",
                    "The goal is to learn why things slipped and improve how we work together",
                )
                .to_string();
            items = to
                .iter()
                .map(|t| BriefItem {
                    what: cx
                        .pick(
                            "填写成果确认与复盘表中本方部分",
                            "Fill in your part of the result confirmation and retrospective form",
                        )
                        .to_string(),
                    owner: t.clone(),
                    due: retro_by.clone(),
                    standard: cx
                        .pick(
                            "写明问题、原因与改进措施",
                            "problems, causes and improvements written down",
                        )
                        .to_string(),
                })
                .collect();
            next_step = cx
                .pick(
                    "复盘完成后我方将整理结论并归档",
                    "After the retrospective we will write up the conclusions and archive",
                )
                .to_string();
        }
        Action::Archive => return Err(DraftError::NotAMail("archive")),
    }
    Ok(Brief {
        kind,
        project,
        departments,
        urgency: match due.action {
            Action::Escalate => Urgency::Urgent,
            _ => c.urgency.clone().unwrap_or(Urgency::Normal),
        },
        from: c.owner.to_ascii_lowercase(),
        to,
        cc,
        purpose,
        background,
        goal,
        items,
        outcome: None,
        attachments: Vec::new(),
        reply_by: Some(reply_by_text),
        next_step: Some(next_step),
        en: None,
    })
}

/// The facts and the timeline of a collaboration, one sentence (the template allows two).
fn timeline(c: &Collaboration, cx: &DraftContext<'_>) -> String {
    let zh = cx.lang == Lang::Zh;
    let mut steps: Vec<String> = Vec::new();
    for e in &c.events {
        let who = e.actor.as_deref().map(|a| cx.name(a)).unwrap_or_default();
        let day = cx.day(e.at);
        let s = match (e.kind, zh) {
            (EventKind::Sent, true) => format!("{day}发出原邮件"),
            (EventKind::Sent, false) => format!("{day} the request went out"),
            (EventKind::Nudged, true) => format!("{day}跟进提醒"),
            (EventKind::Nudged, false) => format!("{day} a follow-up"),
            (EventKind::Replied, true) => format!("{day}{who}回复"),
            (EventKind::Replied, false) => format!("{day} {who} replied"),
            (EventKind::Disagreement, true) => format!(
                "{day}{who}提出异议或延期（{}）",
                e.detail.as_deref().unwrap_or("")
            ),
            (EventKind::Disagreement, false) => format!(
                "{day} {who} disputed or delayed ({})",
                e.detail.as_deref().unwrap_or("")
            ),
            (EventKind::Delivered, true) => format!("{day}{who}交付"),
            (EventKind::Delivered, false) => format!("{day} {who} delivered"),
            (EventKind::Escalated, true) => format!("{day}升级"),
            (EventKind::Escalated, false) => format!("{day} escalated"),
            _ => continue,
        };
        if !steps.contains(&s) {
            steps.push(s);
        }
    }
    let overdue: Vec<String> = c
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i.status, ItemStatus::Open | ItemStatus::Overdue))
        .filter_map(|(n, i)| {
            let d = i.promised.or(i.due).filter(|d| *d <= cx.now)?;
            Some(if zh {
                format!("事项{}原定{}完成，至今未交付", n + 1, cx.day(d))
            } else {
                format!("item {} was due {} and is not delivered", n + 1, cx.day(d))
            })
        })
        .collect();
    let tail = match (overdue.is_empty(), zh) {
        (true, _) => String::new(),
        (false, true) => format!("；{}", overdue.join("，")),
        (false, false) => format!("; {}", overdue.join(", ")),
    };
    if zh {
        format!("时间线：{}{tail}", steps.join("，"))
    } else {
        format!("Timeline: {}{tail}", steps.join(", "))
    }
}

/// The chat text of a follow-up: a short message naming the open items and the reply-by.
fn chat_text(c: &Collaboration, due: &DueAction, brief: &Brief, cx: &DraftContext<'_>) -> String {
    let zh = cx.lang == Lang::Zh;
    let tag = if zh {
        format!("【{}】", brief.kind.tag())
    } else {
        format!("[{}]", brief.kind.tag_en())
    };
    let mut out = format!("{tag}{}\n{}\n", c.subject, brief.purpose);
    for (n, i) in brief.items.iter().enumerate() {
        if zh {
            out.push_str(&format!("{}. {}（{}）\n", n + 1, i.what, i.due));
        } else {
            out.push_str(&format!("{}. {} ({})\n", n + 1, i.what, i.due));
        }
    }
    let _ = due;
    out.push_str(&format!("—— {}", cx.name(&c.owner)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rethread_replaces_the_id_and_adds_the_parent() {
        let eml = b"From: a@x\r\nMessage-ID: <old@x>\r\nSubject: s\r\n\r\nbody\r\n";
        let out = rethread(eml, "old@x", "new@x", Some("open@x"));
        let s = String::from_utf8(out).unwrap();
        assert!(
            s.contains("Message-ID: <new@x>\r\nIn-Reply-To: <open@x>\r\nReferences: <open@x>\r\n")
        );
        assert!(!s.contains("old@x"));
        let bad = rethread(eml, "old@x", "new@x", Some("x\r\nBcc: evil@y"));
        assert!(!String::from_utf8(bad).unwrap().contains("Bcc"));
    }

    #[test]
    fn action_ids_are_stable_and_distinct() {
        let t = DateTime::parse_from_rfc3339("2026-12-02T10:00:00+08:00").unwrap();
        let a = action_message_id("c1", Action::Nudge, t, "example.com");
        assert_eq!(a, action_message_id("c1", Action::Nudge, t, "example.com"));
        assert_ne!(a, action_message_id("c1", Action::Sync, t, "example.com"));
        assert_ne!(a, action_message_id("c2", Action::Nudge, t, "example.com"));
        assert!(a.starts_with("liaison-nudge-") && a.ends_with("@example.com"));
    }
}
