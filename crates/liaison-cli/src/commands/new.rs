//! `liaison new KIND --brief FILE`: render a brief into a collaboration mail (步骤2 撰写).

use crate::briefs::{compose_file, mail_lang, parse_kind};
use crate::output;
use crate::settings::Settings;
use anyhow::Context;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output format of `liaison new`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum NewFormat {
    /// RFC 5322 message (.eml), ready for any mail client.
    #[default]
    Eml,
    /// A plain draft: header lines (主题/收件人/…), a blank line, the body.
    Md,
    /// Only the subject and the body.
    Text,
    /// The composed parts as JSON.
    Json,
}

/// Arguments of `liaison new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The collaboration kind: 项目启动, 需求对接, 问题协调, 问题升级, 成果同步, 进度同步,
    /// 跟进提醒, 成果确认, 复盘 (or kickoff, request, issue, escalation, result,
    /// progress-sync, nudge, confirmation, retrospective).
    pub kind: String,
    /// The brief (TOML; see the README's "Brief format").
    #[arg(long)]
    pub brief: PathBuf,
    /// Write here instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: NewFormat,
    /// Also send the mail through [smtp] (linted first, queued in the outbox); with
    /// --out the .eml is written too.
    #[arg(long)]
    pub send: bool,
    /// With --send: send even when the check finds errors.
    #[arg(long, requires = "send")]
    pub force: bool,
    /// With --send: send again although this Message-ID was already sent.
    #[arg(long, requires = "send")]
    pub resend: bool,
}

/// Runs `liaison new`.
pub fn run(s: &Settings, args: NewArgs) -> anyhow::Result<ExitCode> {
    let kind = parse_kind(&args.kind)?;
    let directory = s.require_directory()?;
    let templates = s.templates()?;
    let mail = compose_file(
        &args.brief,
        Some(kind),
        directory,
        &templates,
        s.now,
        &s.config.identity.domain,
    )?;
    if args.send {
        if let Some(p) = &args.out {
            std::fs::write(p, &mail.eml).with_context(|| {
                format!(
                    "{}: {}",
                    p.display(),
                    output::tr("无法写入", "cannot write")
                )
            })?;
            eprintln!("{} {}", output::tr("已写入", "wrote"), p.display());
        }
        let name = args
            .out
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| args.brief.display().to_string());
        return crate::sending::send_messages(
            s,
            vec![crate::sending::Outgoing {
                name,
                path: None,
                bytes: mail.eml,
            }],
            crate::sending::SendFlags {
                force: args.force,
                resend: args.resend,
            },
            crate::output::DataFormat::Text,
        );
    }
    let bytes = match args.format {
        NewFormat::Eml => mail.eml.clone(),
        NewFormat::Md => mail.draft(mail_lang()).into_bytes(),
        NewFormat::Text => format!("{}\n\n{}", mail.subject, mail.body).into_bytes(),
        NewFormat::Json => {
            let mut s = serde_json::to_string_pretty(&mail)?;
            s.push('\n');
            s.into_bytes()
        }
    };
    match &args.out {
        Some(p) => {
            std::fs::write(p, &bytes).with_context(|| {
                format!(
                    "{}: {}",
                    p.display(),
                    output::tr("无法写入", "cannot write")
                )
            })?;
            eprintln!("{} {}", output::tr("已写入", "wrote"), p.display());
        }
        None => std::io::stdout().write_all(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}
