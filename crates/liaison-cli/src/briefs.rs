//! Composing a brief file into a mail (`liaison new`, `liaison demo`): the kind named on
//! the command line, the mail language, reading and validating the brief and its
//! attachments.

use crate::output::{self, Lang as OutLang};
use chrono::{DateTime, FixedOffset};
use liaison_compose::attachments::{self, AttachmentRules};
use liaison_compose::{ComposedMail, Lang, Templates};
use liaison_model::{Directory, Kind, KindTable};
use std::path::{Path, PathBuf};

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

/// Reads, validates and composes one brief file. Attachments are read under `rules`
/// (confined to one folder, size-limited: see [`liaison_compose::attachments`]); every
/// problem of the brief and its attachments is reported at once. Returns the mail and the
/// canonical paths of its attachments.
pub fn compose_file(
    path: &Path,
    kind: Option<Kind>,
    directory: &Directory,
    templates: &Templates,
    now: DateTime<FixedOffset>,
    domain: &str,
    rules: &AttachmentRules,
) -> anyhow::Result<(ComposedMail, Vec<PathBuf>)> {
    let en = output::lang() == OutLang::En;
    let (brief, loaded) = attachments::load_brief(path, kind, directory, rules)
        .map_err(|p| anyhow::anyhow!("{}", p.render(en)))?;
    let (paths, data): (Vec<PathBuf>, Vec<Vec<u8>>) =
        loaded.into_iter().map(|a| (a.path, a.data)).unzip();
    let mail = liaison_compose::compose(
        &brief,
        directory,
        templates,
        mail_lang(),
        now,
        domain,
        &data,
    )?;
    Ok((mail, paths))
}
