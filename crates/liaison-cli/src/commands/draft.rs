//! `liaison draft ACTION ID`: the follow-up mail (nudge, sync, escalate, confirm, retro) of
//! one collaboration, written from its state with the built-in templates (the engine's
//! `drafting` module, the same the runner uses). The chat text of a nudge comes with it.
//!
//! The action as planned is drafted when the planner has it (due now or later); otherwise
//! one is made up at `--now` for the counterparts (and, for an escalation, both superiors),
//! so a person can always ask for the mail.

use crate::output::{self, tr};
use crate::settings::Settings;
use crate::views::find;
use clap::{Args, ValueEnum};
use liaison_engine::drafting::{self, kind_of};
use liaison_engine::{Action, Channel, DueAction, plan};
use std::path::PathBuf;
use std::process::ExitCode;

/// The follow-ups that are mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DraftAction {
    /// Remind a silent counterpart (跟进提醒).
    Nudge,
    /// Progress update (进度同步).
    Sync,
    /// Escalate to both superiors (问题升级).
    Escalate,
    /// Confirm a delivery (成果确认).
    Confirm,
    /// Retrospective (复盘).
    Retro,
}

impl DraftAction {
    fn action(self) -> Action {
        match self {
            DraftAction::Nudge => Action::Nudge,
            DraftAction::Sync => Action::Sync,
            DraftAction::Escalate => Action::Escalate,
            DraftAction::Confirm => Action::Confirm,
            DraftAction::Retro => Action::Retro,
        }
    }
}

/// Output of `liaison draft`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DraftFormat {
    /// A plain draft (header lines, blank line, body) that `liaison lint` reads.
    #[default]
    Text,
    /// JSON: the mail's parts, its Message-ID and the chat text.
    Json,
    /// The RFC 5322 message, ready for `liaison send`.
    Eml,
}

/// Arguments of `liaison draft`.
#[derive(Debug, Args)]
pub struct DraftArgs {
    /// What to draft.
    #[arg(value_enum)]
    pub action: DraftAction,
    /// The collaboration id (as `liaison list` prints it; a unique prefix is enough).
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DraftFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Runs `liaison draft`.
pub fn run(s: &Settings, args: DraftArgs) -> anyhow::Result<ExitCode> {
    let directory = s.require_directory()?.clone();
    let templates = s.templates()?;
    let mut store = s.open_store()?;
    let c = find(store.as_mut(), &args.id)?;
    let action = args.action.action();
    let planned = plan(std::slice::from_ref(&c), &s.plan_context(&directory, s.now))
        .into_iter()
        .find(|d| d.action == action);
    let due = planned.unwrap_or_else(|| {
        let mut to: Vec<String> = match action {
            Action::Retro => std::iter::once(c.owner.clone())
                .chain(c.counterparts.iter().cloned())
                .collect(),
            _ => c.counterparts.clone(),
        };
        to.dedup();
        let mut cc = Vec::new();
        if action == Action::Escalate {
            for w in std::iter::once(&c.owner).chain(c.counterparts.iter()) {
                if let Some(p) = directory.superior_of(w)
                    && !cc.iter().any(|x: &String| x.eq_ignore_ascii_case(&p.email))
                {
                    cc.push(p.email.to_ascii_lowercase());
                }
            }
        }
        DueAction {
            collaboration: c.id.clone(),
            subject: c.subject.clone(),
            action,
            due_at: s.now,
            overdue: false,
            overdue_at: s.now,
            to,
            cc,
            channel: Channel::Email,
            reason: tr("按需起草", "drafted on request").to_string(),
        }
    });
    debug_assert!(kind_of(action).is_some());
    let f = drafting::draft(&c, &due, &s.draft_context(&directory, &templates, s.now))?;
    let bytes: Vec<u8> = match args.format {
        DraftFormat::Text => f.mail.draft(output::lang()).into_bytes(),
        DraftFormat::Eml => f.eml.clone(),
        DraftFormat::Json => {
            let v = serde_json::json!({
                "collaboration": f.collaboration,
                "action": f.action,
                "due_at": f.due_at.to_rfc3339(),
                "channel": f.channel,
                "message_id": f.message_id,
                "subject": f.mail.subject,
                "from": f.mail.from,
                "to": f.mail.to,
                "cc": f.mail.cc,
                "body": f.mail.body,
                "chat_text": f.chat_text,
            });
            let mut s = serde_json::to_string_pretty(&v)?;
            s.push('\n');
            s.into_bytes()
        }
    };
    match &args.out {
        Some(p) => {
            std::fs::write(p, &bytes).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?
        }
        None => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
