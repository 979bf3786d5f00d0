//! `liaison new KIND --brief FILE`: render a brief into a collaboration mail (步骤2 撰写).

use crate::briefs::{compose_file, mail_lang, parse_kind};
use crate::output;
use crate::settings::Settings;
use anyhow::Context;
use clap::{Args, ValueEnum};
use liaison_compose::attachments::AttachmentRules;
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
    #[arg(
        long,
        required_unless_present = "from_xlsx",
        conflicts_with = "from_xlsx"
    )]
    pub brief: Option<PathBuf>,
    /// Read a filled 任务分工表 (XLSX) and write a kickoff brief from it (KIND must be
    /// 项目启动/kickoff); cells that cannot be read are reported with their reference.
    #[arg(long, value_name = "FILE")]
    pub from_xlsx: Option<PathBuf>,
    /// Write here instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: NewFormat,
    /// Overwrite an existing --out file; with --send, also send when the check finds
    /// errors.
    #[arg(long)]
    pub force: bool,
    /// Attachment paths are relative to this folder, and must lie inside it (default: the
    /// brief's folder).
    #[arg(long, value_name = "DIR")]
    pub attachments_root: Option<PathBuf>,
    /// Also send the mail through [smtp] (linted first, queued in the outbox); with
    /// --out the mail is written too.
    #[arg(long)]
    pub send: bool,
    /// With --send: send again although this Message-ID was already sent.
    #[arg(long, requires = "send")]
    pub resend: bool,
}

/// The canonical folder a draft written to `out` will be in.
fn draft_folder(out: &Path) -> Option<PathBuf> {
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::canonicalize(dir).ok()
}

/// `target` as a path from the folder `base` (both canonical), with `/` separators; `None`
/// when there is no relative way (another drive) or the path is not UTF-8.
fn relative_path(target: &Path, base: &Path) -> Option<String> {
    use std::path::Component;
    let t: Vec<Component> = target.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return None;
    }
    let mut parts: Vec<String> = vec!["..".into(); b.len() - common];
    for c in &t[common..] {
        parts.push(c.as_os_str().to_str()?.to_string());
    }
    Some(parts.join("/"))
}

/// Runs `liaison new`.
pub fn run(s: &Settings, args: NewArgs) -> anyhow::Result<ExitCode> {
    let kind = parse_kind(&args.kind)?;
    if let Some(x) = &args.from_xlsx {
        return from_xlsx(kind, x, args.out.as_deref(), args.force);
    }
    let Some(brief_path) = args.brief.clone() else {
        anyhow::bail!(
            "--brief: {}",
            output::tr("缺少简报文件", "missing the brief file")
        );
    };
    let cfg = &s.config;
    let directory = s.require_directory()?;
    let templates = s.templates()?;
    let now = s.now;
    let rules = match &args.attachments_root {
        Some(root) => AttachmentRules::new(root, cfg.compose.attachment_max_bytes()),
        None => AttachmentRules::for_brief(&brief_path)
            .with_max_bytes(cfg.compose.attachment_max_bytes()),
    };
    if let Some(p) = &args.out
        && !args.force
        && std::fs::symlink_metadata(p).is_ok()
    {
        anyhow::bail!(
            "{}: {}",
            p.display(),
            output::tr(
                "文件已存在；用 --force 覆盖，或换一个文件名",
                "already exists; pass --force to overwrite, or choose another name"
            )
        );
    }
    let (mut mail, paths) = compose_file(
        &brief_path,
        Some(kind),
        directory,
        &templates,
        now,
        &cfg.identity.domain,
        &rules,
    )?;
    if let Some(p) = &args.out {
        // Create the folder first: the draft's attachment paths are relative to it.
        if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| {
                format!(
                    "{}: {}",
                    dir.display(),
                    output::tr("无法创建文件夹", "cannot create the folder")
                )
            })?;
        }
    }
    let bytes = match args.format {
        NewFormat::Eml => mail.eml.clone(),
        NewFormat::Md => {
            // A plain draft names its attachments as paths from its own folder, so that
            // `liaison lint` finds them wherever the draft was written (to standard
            // output: the names only, and `lint --attachments-dir` says where they are).
            if let Some(dir) = args.out.as_deref().and_then(draft_folder) {
                mail.attachments = paths
                    .iter()
                    .zip(&mail.attachments)
                    .map(|(p, name)| relative_path(p, &dir).unwrap_or_else(|| name.clone()))
                    .collect();
            }
            mail.draft(mail_lang()).into_bytes()
        }
        NewFormat::Text => format!("{}\n\n{}", mail.subject, mail.body).into_bytes(),
        NewFormat::Json => {
            let mut s = serde_json::to_string_pretty(&mail)?;
            s.push('\n');
            s.into_bytes()
        }
    };
    match &args.out {
        Some(p) => {
            // `create_new` closes the gap between the check above and the write.
            let mut opts = std::fs::OpenOptions::new();
            opts.write(true);
            if args.force {
                opts.create(true).truncate(true);
            } else {
                opts.create_new(true);
            }
            opts.open(p)
                .and_then(|mut f| f.write_all(&bytes))
                .with_context(|| {
                    format!(
                        "{}: {}",
                        p.display(),
                        output::tr("无法写入", "cannot write")
                    )
                })?;
            eprintln!("{} {}", output::tr("已写入", "wrote"), p.display());
        }
        None if !args.send => std::io::stdout().write_all(&bytes)?,
        None => {}
    }
    if args.send {
        let name = args
            .out
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| brief_path.display().to_string());
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
    Ok(ExitCode::SUCCESS)
}

fn toml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// `liaison new kickoff --from-xlsx FILE`: a kickoff brief from a filled 任务分工表.
fn from_xlsx(
    kind: liaison_model::Kind,
    path: &Path,
    out: Option<&Path>,
    force: bool,
) -> anyhow::Result<ExitCode> {
    if kind != liaison_model::Kind::Kickoff {
        anyhow::bail!(
            "--from-xlsx: {}",
            output::tr(
                "任务分工表只能生成项目启动简报：liaison new 项目启动 --from-xlsx FILE",
                "an assignment sheet makes a kickoff brief: liaison new kickoff --from-xlsx FILE"
            )
        );
    }
    let bytes = std::fs::read(path)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), output::lang().io_error(&e)))?;
    let read = liaison_closure::forms::read_assignment(&bytes, output::lang())
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    for p in &read.problems {
        eprintln!("{}: {}: {}", path.display(), p.cell, p.message);
    }
    if read.items.is_empty() {
        anyhow::bail!(
            "{}: {}",
            path.display(),
            output::tr(
                "没有读到任何事项（需要“做什么/谁来做/何时完成/交付标准”表头及其下的行）",
                "no item could be read (it needs what/who/when/standard headers and rows below them)"
            )
        );
    }
    let mut t = String::new();
    t.push_str(&format!(
        "# {} {}\n",
        output::tr("由任务分工表生成：", "made from the assignment sheet"),
        path.display()
    ));
    t.push_str(&format!(
        "# {}\n",
        output::tr(
            "请补全 project、from、to、purpose、background、goal、reply_by 后再用 liaison new 项目启动 --brief 生成邮件",
            "fill in project, from, to, purpose, background, goal and reply_by, then run liaison new kickoff --brief"
        )
    ));
    t.push_str(&format!(
        "kind = {}\nproject = \"\"\ndepartments = []\nurgency = {}\nfrom = \"\"\nto = []\npurpose = \"\"\nbackground = \"\"\ngoal = \"\"\nreply_by = \"\"\n",
        toml_str(liaison_model::Kind::Kickoff.tag()),
        toml_str(&liaison_model::Urgency::Normal.label())
    ));
    for i in &read.items {
        t.push_str(&format!(
            "\n# {} {}\n[[item]]\nwhat = {}\nowner = {}\ndue = {}\nstandard = {}\n",
            output::tr("行", "row"),
            i.row,
            toml_str(&i.what),
            toml_str(&i.owner),
            toml_str(&i.due),
            toml_str(&i.standard)
        ));
    }
    match out {
        Some(p) => {
            let mut opts = std::fs::OpenOptions::new();
            opts.write(true);
            if force {
                opts.create(true).truncate(true);
            } else {
                opts.create_new(true);
            }
            opts.open(p)
                .and_then(|mut f| f.write_all(t.as_bytes()))
                .with_context(|| {
                    format!(
                        "{}: {}",
                        p.display(),
                        output::tr(
                            "无法写入（已存在时用 --force）",
                            "cannot write (use --force if it exists)"
                        )
                    )
                })?;
            eprintln!("{} {}", output::tr("已写入", "wrote"), p.display());
        }
        None => std::io::stdout().write_all(t.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
