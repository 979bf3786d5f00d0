//! `liaison new KIND --brief FILE`: render a brief into a collaboration mail (步骤2 撰写).

use crate::cli::GlobalArgs;
use crate::config::{self, Config};
use crate::output;
use anyhow::Context;
use chrono::{DateTime, FixedOffset};
use clap::{Args, ValueEnum};
use liaison_compose::{ComposedMail, Lang, Templates};
use liaison_model::{Brief, Directory, Kind, KindTable};
use std::io::Write;
use std::path::{Path, PathBuf};
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
}

/// Parses a kind from the command line (canonical tag, alias, English tag or id).
pub(crate) fn parse_kind(s: &str) -> anyhow::Result<Kind> {
    Kind::parse(s)
        .or_else(|| KindTable::default().lookup(s))
        .ok_or_else(|| {
            let tags: Vec<&str> = Kind::ALL.iter().map(|k| k.tag()).collect();
            let hint = liaison_model::brief::did_you_mean(
                s,
                tags.iter().copied().chain(Kind::ALL.iter().map(|k| k.id())),
            );
            anyhow::anyhow!(
                "{} {s:?}{}; {}: {}",
                output::tr("未知的协作类型", "unknown kind"),
                hint.map(|h| format!(" ({} {h}?)", output::tr("是否想写", "did you mean")))
                    .unwrap_or_default(),
                output::tr("可用", "known"),
                tags.join(", ")
            )
        })
}

/// The mail language from `--lang`.
pub(crate) fn mail_lang() -> Lang {
    output::lang()
}

/// The templates: built-ins, overridden by `[templates] dir` / `LIAISON_TEMPLATES`.
pub(crate) fn templates(cfg: &Config) -> anyhow::Result<Templates> {
    match &cfg.templates.dir {
        Some(d) => {
            let d = config::relative(cfg, d);
            Templates::from_dir(&d).with_context(|| {
                output::tr("无法读取模板目录", "cannot read the templates directory").to_string()
            })
        }
        None => Ok(Templates::builtin()),
    }
}

/// Reads, validates and composes one brief file. Attachments are read relative to the brief.
pub(crate) fn compose_file(
    path: &Path,
    kind: Option<Kind>,
    directory: &Directory,
    templates: &Templates,
    now: DateTime<FixedOffset>,
    domain: &str,
) -> anyhow::Result<ComposedMail> {
    let en = output::lang() == Lang::En;
    let text = std::fs::read_to_string(path).with_context(|| {
        format!(
            "{}: {}",
            path.display(),
            output::tr("无法读取简报", "cannot read the brief")
        )
    })?;
    let file = path.display().to_string();
    let brief = Brief::from_toml(&file, &text, kind, directory)
        .map_err(|p| anyhow::anyhow!("{}", p.render(en)))?;
    let base = path.parent().unwrap_or(Path::new("."));
    let mut data = Vec::new();
    for a in &brief.attachments {
        let p = base.join(&a.path);
        let bytes = std::fs::read(&p).map_err(|e| {
            anyhow::anyhow!(
                "{file}: {} {} ({e})\n  {}: {}",
                output::tr("找不到附件", "attachment not found:"),
                p.display(),
                output::tr("修改", "fix"),
                output::tr(
                    "attachment 的 path 相对于简报文件；放好文件或更正路径",
                    "an attachment path is relative to the brief; add the file or correct the path"
                )
            )
        })?;
        data.push(bytes);
    }
    Ok(liaison_compose::compose(
        &brief,
        directory,
        templates,
        mail_lang(),
        now,
        domain,
        &data,
    )?)
}

/// Runs `liaison new`.
pub fn run(g: &GlobalArgs, args: NewArgs) -> anyhow::Result<ExitCode> {
    let kind = parse_kind(&args.kind)?;
    let cfg = config::load(g)?;
    let directory = config::load_directory(g, &cfg)?;
    let templates = templates(&cfg)?;
    let now = crate::config::now(g)?;
    let mail = compose_file(
        &args.brief,
        Some(kind),
        &directory,
        &templates,
        now,
        &cfg.identity.domain,
    )?;
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
