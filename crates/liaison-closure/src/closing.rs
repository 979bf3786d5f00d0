//! The closing of a collaboration as `liaison confirm`, `retro`, `form`, `archive` and
//! `report` do it, and `liaison serve` offers on a collaboration's page: its messages from
//! the store, its timeline read for closing, the forms, the archive, and the 成果确认/复盘
//! briefs. One implementation for the CLI and the web, in the caller's language.

use crate::forms::{self, FormKind};
use crate::timeline::{self, Closing, REJECTED_PREFIX};
use chrono::{DateTime, FixedOffset};
use liaison_model::brief::{Brief, BriefAttachment, BriefItem};
use liaison_model::{Collaboration, Directory, Event, EventKind, ItemStatus, Kind, Lang, Urgency};
use liaison_store::{KeyRole, Store};
use std::path::{Path, PathBuf};

/// What can go wrong closing a collaboration.
#[derive(Debug, thiserror::Error)]
pub enum ClosingError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] liaison_store::StoreError),
    /// Applying the recorded events failed.
    #[error(transparent)]
    Track(#[from] liaison_engine::PipelineError),
    /// The archive could not be written.
    #[error(transparent)]
    Archive(#[from] crate::archive::ArchiveError),
    /// A form could not be written.
    #[error(transparent)]
    Form(#[from] forms::FormError),
    /// Nothing was given to archive.
    #[error("no collaboration to archive")]
    Nothing,
    /// `confirm --reject`: the reason names no new deadline.
    #[error("the reason names no new deadline")]
    NoDeadline,
    /// `confirm --reject`: the new deadline is not after now.
    #[error("the new deadline {0} is not after now")]
    PastDeadline(DateTime<FixedOffset>),
}

/// The raw bytes of every message of `c`, oldest first by ledger order.
pub fn raw_messages(
    store: &mut dyn Store,
    c: &Collaboration,
) -> Result<Vec<Vec<u8>>, liaison_store::StoreError> {
    let keys: Vec<String> = c
        .events
        .iter()
        .filter_map(|e| e.message_id.as_deref())
        .map(liaison_engine::thread::mid_key)
        .collect();
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let hits = store.messages_by_key(&keys, &[KeyRole::Own])?;
    let mut threads: Vec<String> = hits.into_iter().map(|h| h.thread).collect();
    threads.sort();
    threads.dedup();
    let mut rows = store.thread_members(&threads)?;
    rows.retain(|r| r.collaboration.as_deref() == Some(c.id.as_str()));
    rows.sort_by_key(|r| r.seq);
    let mut out = Vec::new();
    for r in rows {
        if let Some(m) = store.raw(&r.sha256)? {
            out.push(m.bytes);
        }
    }
    Ok(out)
}

/// The timeline of `c` read for closing, as of `now`, with its raw messages.
pub fn closing_of(
    store: &mut dyn Store,
    c: &Collaboration,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<(Closing, Vec<Vec<u8>>), liaison_store::StoreError> {
    let raws = raw_messages(store, c)?;
    let msgs: Vec<liaison_mail::Message> = raws
        .iter()
        .map(|r| liaison_mail::Message::parse(r))
        .collect();
    Ok((timeline::closing(c, &msgs, now, lang), raws))
}

/// The instant an archive is made "as of": the last event before any archiving, so that
/// archiving twice gives the same bytes.
pub fn as_of(c: &Collaboration) -> DateTime<FixedOffset> {
    c.events
        .iter()
        .filter(|e| e.kind != EventKind::Archived)
        .map(|e| e.at)
        .max()
        .unwrap_or(c.started)
}

/// The department of an address in `dir`.
pub fn department(dir: &Directory, addr: &str) -> Option<String> {
    dir.person(addr).map(|p| p.department.clone())
}

/// One form of `c` as a table.
pub fn form_table(
    kind: FormKind,
    c: &Collaboration,
    k: &Closing,
    dir: &Directory,
    lang: Lang,
) -> forms::Table {
    forms::table(kind, c, k, lang, &|a| department(dir, a))
}

/// Records `events` for `c` in the input ledger and applies them.
pub fn record(
    store: &mut dyn Store,
    cfg: &liaison_engine::TrackerConfig,
    id: &str,
    events: &[Event],
) -> Result<(), ClosingError> {
    for e in events {
        store.record_manual(id, e)?;
    }
    liaison_engine::track_pending(store, cfg)?;
    Ok(())
}

/// Writes the archive of `collabs` (one project, at least one) under `root` and records
/// the archive. Returns the folder and its manifest.
pub fn archive(
    store: &mut dyn Store,
    cfg: &liaison_engine::TrackerConfig,
    collabs: &[Collaboration],
    root: &Path,
    dir: &Directory,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<(PathBuf, crate::archive::Manifest), ClosingError> {
    use crate::archive::{self, ArchiveInput, ArchivedMessage};
    let mut messages = Vec::new();
    let mut extra = Vec::new();
    let many = collabs.len() > 1;
    for c in collabs {
        let (k, raws) = closing_of(store, c, as_of(c), lang)?;
        messages.extend(raws.into_iter().map(|raw| ArchivedMessage { raw }));
        for kind in FormKind::ALL {
            let t = form_table(kind, c, &k, dir, lang);
            let name = if many {
                format!("forms/{}-{}.xlsx", kind.title(lang), &c.id)
            } else {
                format!("forms/{}.xlsx", kind.title(lang))
            };
            extra.push((name, forms::to_xlsx(&t)?));
        }
    }
    let Some(first) = collabs.first() else {
        return Err(ClosingError::Nothing);
    };
    let input = ArchiveInput {
        collaborations: collabs.iter().collect(),
        messages,
        extra,
        lang,
    };
    let files = archive::build(&input);
    let folder = archive::folder_name(&first.project);
    let dest = archive::write(root, &folder, &files, &first.id)?;
    for c in collabs {
        if c.state != liaison_model::State::Archived {
            let e = liaison_engine::Mark::Archived.event(now, None);
            record(store, cfg, &c.id, &[e])?;
        }
    }
    let manifest = archive::read_manifest(&dest)?;
    Ok((dest, manifest))
}

/// The items (0-based) `liaison confirm` confirms without `--item`: the delivered ones.
pub fn delivered_items(c: &Collaboration) -> Vec<usize> {
    (0..c.items.len())
        .filter(|&i| {
            matches!(
                c.items[i].status,
                ItemStatus::Delivered | ItemStatus::Confirmed
            )
        })
        .collect()
}

/// The verdict of `confirm --reject REASON`: the new deadline the reason names, which must
/// be after `now`.
pub fn reject(
    reason: &str,
    time: &liaison_time::Context,
    now: DateTime<FixedOffset>,
) -> Result<Verdict, ClosingError> {
    let found = liaison_time::scan(reason, time);
    let t = found
        .iter()
        .filter(|e| e.kind == liaison_time::ExprKind::Deadline)
        .find_map(|e| e.value)
        .ok_or(ClosingError::NoDeadline)?;
    if t <= now {
        return Err(ClosingError::PastDeadline(t));
    }
    Ok(Verdict::Reject(reason.trim().to_string(), t))
}

/// The events a confirmation records for `items` (0-based): a confirmation each, or a
/// rejection with its reason and the item's new deadline; none for a draft.
pub fn confirm_events(
    items: &[usize],
    verdict: &Verdict,
    now: DateTime<FixedOffset>,
) -> Vec<Event> {
    let mut events = Vec::new();
    for &i in items {
        match verdict {
            Verdict::Draft => {}
            Verdict::Accept => {
                events.push(liaison_engine::Mark::Confirmed.event(now, Some(i)));
            }
            Verdict::Reject(reason, t) => {
                events.push(Event {
                    kind: EventKind::Disagreement,
                    at: now,
                    actor: None,
                    message_id: None,
                    item: Some(i),
                    detail: Some(format!("{REJECTED_PREFIX}{reason}")),
                });
                events.push(Event {
                    kind: EventKind::DeadlineChanged,
                    at: now,
                    actor: None,
                    message_id: None,
                    item: Some(i),
                    detail: Some(t.to_rfc3339()),
                });
            }
        }
    }
    events
}

fn md(t: DateTime<FixedOffset>, lang: Lang) -> String {
    match lang {
        Lang::Zh => t.format("%-m月%-d日%H:%M").to_string(),
        Lang::En => t.format("%b %-d, %H:%M").to_string(),
    }
}

/// The departments of the owners of `items` of `c` (every item and counterpart when
/// `items` is `None`).
fn departments(c: &Collaboration, items: Option<&[usize]>, dir: &Directory) -> Vec<String> {
    let owners: Vec<&str> = match items {
        Some(ix) => ix
            .iter()
            .filter_map(|&i| c.items.get(i).and_then(|it| it.owner.as_deref()))
            .collect(),
        None => c
            .items
            .iter()
            .filter_map(|i| i.owner.as_deref())
            .chain(c.counterparts.iter().map(String::as_str))
            .collect(),
    };
    let mut out: Vec<String> = owners
        .into_iter()
        .filter_map(|a| department(dir, a))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn recipients(c: &Collaboration, items: &[usize]) -> Vec<String> {
    let mut to: Vec<String> = items
        .iter()
        .filter_map(|&i| c.items.get(i).and_then(|it| it.owner.clone()))
        .filter(|o| o.contains('@'))
        .collect();
    to.dedup();
    if to.is_empty() {
        to = c.counterparts.clone();
    }
    to
}

/// The outcome of a confirmation.
#[derive(Debug, Clone)]
pub enum Verdict {
    /// Only draft: the result is not known yet.
    Draft,
    /// Accepted.
    Accept,
    /// Rejected for this reason, redo by this new deadline.
    Reject(String, DateTime<FixedOffset>),
}

/// The 成果确认 brief of `items` (0-based) of `c`.
pub fn confirm_brief(
    c: &Collaboration,
    k: &Closing,
    items: &[usize],
    verdict: &Verdict,
    dir: &Directory,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Brief {
    let reply_by = now + chrono::Duration::hours(24);
    let mut brief_items = Vec::new();
    let mut delivered_at = Vec::new();
    for &i in items {
        let r = &k.items[i];
        // The delivery time goes into the background: in 何时完成 a past time reads as a
        // missed deadline.
        if let Some(d) = r.delivered {
            delivered_at.push(match lang {
                Lang::Zh => format!("事项{}已于{}交付", brief_items.len() + 1, md(d, lang)),
                Lang::En => format!(
                    "item {} was delivered on {}",
                    brief_items.len() + 1,
                    md(d, lang)
                ),
            });
        }
        let due = match verdict {
            Verdict::Reject(_, t) => match lang {
                Lang::Zh => format!("{}前重新提交", md(*t, lang)),
                Lang::En => format!("resubmit by {}", md(*t, lang)),
            },
            // The guide wants a time on every item: the end of the confirmation window.
            _ if r.delivered.is_some() => match lang {
                Lang::Zh => format!("已交付，补充意见请于{}前反馈", md(reply_by, lang)),
                Lang::En => format!("delivered; comments by {}", md(reply_by, lang)),
            },
            _ => match lang {
                Lang::Zh => format!("待交付，请于{}前交付", md(reply_by, lang)),
                Lang::En => format!("not yet delivered; deliver by {}", md(reply_by, lang)),
            },
        };
        brief_items.push(BriefItem {
            what: r.what.clone(),
            owner: r.owner.clone().unwrap_or_default(),
            due,
            standard: r.standard.clone().unwrap_or_else(|| {
                lang.pick("符合需求邮件中的要求", "as the request described")
                    .to_string()
            }),
        });
    }
    let n = items.len();
    let folder = crate::archive::folder_name(&c.project);
    let (purpose, next_step) = match (verdict, lang) {
        (Verdict::Reject(reason, t), Lang::Zh) => (
            format!(
                "已收到交付成果，对照交付标准核对后，本次暂不通过确认，原因：{}",
                reason.trim_end_matches('。')
            ),
            format!(
                "请按上述标准修改后于{}前重新提交，收到后我会在24小时内再次确认。",
                md(*t, lang)
            ),
        ),
        (Verdict::Reject(reason, t), Lang::En) => (
            format!(
                "We received the delivery and checked it against the standard; it is not accepted this time, because {}",
                reason.trim_end_matches('.')
            ),
            format!(
                "Please revise it and resubmit by {}; I will confirm within 24 hours of receiving it.",
                md(*t, lang)
            ),
        ),
        (_, Lang::Zh) => (
            format!("已收到{n}项交付成果，已对照交付标准逐项核对，确认通过"),
            format!("成果将归档至“{folder}”文件夹，后续如需补充我会另行联系。"),
        ),
        (_, Lang::En) => (
            format!(
                "We received {n} deliverable(s) and checked each against its standard: accepted"
            ),
            format!(
                "The results will be archived under {folder}; I will follow up if anything needs adding."
            ),
        ),
    };
    Brief {
        kind: Kind::Confirmation,
        project: c.project.clone(),
        departments: departments(c, Some(items), dir),
        urgency: c.urgency.clone().unwrap_or(Urgency::Normal),
        from: c.owner.clone(),
        to: recipients(c, items),
        cc: Vec::new(),
        purpose,
        background: match lang {
            Lang::Zh => format!(
                "本需求于{}发出（{}），{}",
                md(c.started, lang),
                c.subject,
                delivered_at.join("，")
            ),
            Lang::En => format!(
                "The request went out on {} ({}), and {}",
                md(c.started, lang),
                c.subject,
                delivered_at.join(", ")
            ),
        },
        goal: match lang {
            Lang::Zh => format!(
                "按指导书在交付后24小时内完成确认，保证{}按计划推进",
                c.project
            ),
            Lang::En => format!(
                "The guide asks for confirmation within 24 hours so {} stays on plan",
                c.project
            ),
        },
        items: brief_items,
        outcome: None,
        attachments: Vec::new(),
        reply_by: Some(match lang {
            Lang::Zh => format!("{}前", md(reply_by, lang)),
            Lang::En => md(reply_by, lang),
        }),
        next_step: Some(next_step),
        en: None,
    }
}

/// The 复盘 brief of `c`, with the 成果确认与复盘表 as its attachment.
pub fn retro_brief(
    c: &Collaboration,
    k: &Closing,
    dir: &Directory,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Brief {
    let sep = lang.pick("，", ", ");
    // One sentence (the guide keeps 背景 short): planned vs actual per item; the causes,
    // quoted as the replies said them, are in the attached 成果确认与复盘表.
    let mut facts = Vec::new();
    for r in &k.items {
        let planned = r.planned.map(|t| md(t, lang)).unwrap_or_else(|| "-".into());
        let actual = r
            .delivered
            .map(|t| md(t, lang))
            .unwrap_or_else(|| lang.pick("未交付", "not delivered").to_string());
        let mut notes = Vec::new();
        if r.days_late > 0 {
            notes.push(match lang {
                Lang::Zh => format!("延误{}天", r.days_late),
                Lang::En => format!("{} day(s) late", r.days_late),
            });
        }
        if r.nudges > 0 {
            notes.push(match lang {
                Lang::Zh => format!("催办{}次", r.nudges),
                Lang::En => format!("nudged {} time(s)", r.nudges),
            });
        }
        let notes = if notes.is_empty() {
            String::new()
        } else {
            match lang {
                Lang::Zh => format!("（{}）", notes.join("、")),
                Lang::En => format!(" ({})", notes.join(", ")),
            }
        };
        facts.push(match lang {
            Lang::Zh => format!("事项{}计划{}、实际{}{}", r.number, planned, actual, notes),
            Lang::En => format!(
                "item {} planned {}, delivered {}{}",
                r.number, planned, actual, notes
            ),
        });
    }
    let esc = k.escalations.len();
    let background = match lang {
        Lang::Zh => format!(
            "{}，期间催办{}次、升级{}次，延误原因按对方回复原话记录在附件中",
            facts.join(sep),
            k.nudges,
            esc
        ),
        Lang::En => format!(
            "{}; {} nudge(s) and {} escalation(s) in all, and the causes of the delays are quoted from the replies in the attachment",
            facts.join(sep),
            k.nudges,
            esc
        ),
    };
    // What went well is part of the situation the team reads before the ask (the guide's
    // 模板4 and form E, and the corpus's adjudicated convention A3), so it closes the
    // background (in its first sentence: the guide allows two, and the goal is the second)
    // rather than opening the closing paragraph.
    let background = if k.went_well.is_empty() {
        background
    } else {
        match lang {
            Lang::Zh => format!("{background}；做得好的：{}", k.went_well.join("；")),
            Lang::En => format!("{background}; what went well: {}", k.went_well.join("; ")),
        }
    };
    let reply_by = now + chrono::Duration::hours(48);
    let mut to = c.counterparts.clone();
    for r in &k.items {
        if let Some(o) = r.owner.as_ref().filter(|o| o.contains('@'))
            && !to.iter().any(|t| t.eq_ignore_ascii_case(o))
        {
            to.push(o.clone());
        }
    }
    Brief {
        kind: Kind::Retrospective,
        project: c.project.clone(),
        departments: departments(c, None, dir),
        urgency: Urgency::Normal,
        from: c.owner.clone(),
        to,
        cc: Vec::new(),
        purpose: match lang {
            Lang::Zh => format!("{}协作已完成，现按时间线复盘，请于{}前补充意见", c.project, md(reply_by, lang)),
            Lang::En => format!("The {} collaboration is done: here is the retrospective from its timeline; please add your comments by {}", c.project, md(reply_by, lang)),
        },
        background,
        goal: lang.pick(
            "目标是总结经验，把改进措施落实到下一次协作",
            "The goal is to learn from it and carry the improvements into the next collaboration",
        )
        .to_string(),
        items: Vec::new(),
        outcome: None,
        attachments: vec![BriefAttachment {
            path: format!("{}.xlsx", FormKind::Retro.title(lang)),
            description: lang.pick(
                "逐项列出计划与实际、延误天数、催办次数和原因，改进措施一栏留空，请各位填写",
                "each item planned vs actual, days late, nudges and causes; the improvements column is left for you to fill in",
            )
            .to_string(),
        }],
        reply_by: Some(match lang {
            Lang::Zh => format!("{}前", md(reply_by, lang)),
            Lang::En => md(reply_by, lang),
        }),
        next_step: Some(
            lang.pick(
                "改进措施请直接填在附件的“改进措施”一栏，我汇总后同步给各部门。",
                "Please write the improvements in the attachment's improvements column; I will collect them and share them with every department.",
            )
            .to_string(),
        ),
        en: None,
    }
}
