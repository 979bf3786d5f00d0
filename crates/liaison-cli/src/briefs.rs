//! Composing a brief file into a mail (`liaison new`, `liaison demo`): the kind named on
//! the command line, the mail language, reading and validating the brief and its
//! attachments.

use crate::output::{self, Lang as OutLang};
use anyhow::Context;
use chrono::{DateTime, FixedOffset};
use liaison_compose::{ComposedMail, Lang, Templates};
use liaison_model::{Brief, Directory, Kind, KindTable};
use std::path::Path;

/// Parses a kind from the command line (canonical tag, alias, English tag or id).
pub fn parse_kind(s: &str) -> anyhow::Result<Kind> {
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
pub fn mail_lang() -> Lang {
    match output::lang() {
        OutLang::Zh => Lang::Zh,
        OutLang::En => Lang::En,
    }
}

/// Reads, validates and composes one brief file. Attachments are read relative to the brief.
pub fn compose_file(
    path: &Path,
    kind: Option<Kind>,
    directory: &Directory,
    templates: &Templates,
    now: DateTime<FixedOffset>,
    domain: &str,
) -> anyhow::Result<ComposedMail> {
    let en = output::lang() == OutLang::En;
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
