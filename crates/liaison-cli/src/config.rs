//! Configuration layering: built-in defaults → `liaison.toml` (found upward from the working
//! directory, or `--config`) → `LIAISON_*` environment → flags.
//!
//! Each section belongs to the crate that uses it; this file only gathers them.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The whole configuration, after layering.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// `[identity]`: who "we" are.
    pub identity: Identity,
    /// `[directory]`: where the directory file is.
    pub directory: DirectorySection,
    /// `[templates]`: an override directory for the mail templates.
    pub templates: TemplatesSection,
    /// `[time]`: time zone, calendar, workday hours.
    pub time: TimeSection,
    /// `[lint]`: rule severities, kinds and aliases, urgency words, vague words and
    /// thresholds (see [`liaison_lint::LintConfig`]).
    pub lint: liaison_lint::LintConfig,
    /// `[policy]`: planner timings (see [`liaison_engine::Policy`] for the keys and defaults).
    pub policy: liaison_engine::Policy,
    /// `[store]`: database location.
    pub store: StoreSection,
    /// `[compose]`: what `liaison new` may attach.
    pub compose: ComposeSection,
    /// `[smtp]`: the server mail is sent through (see
    /// [`liaison_mail::transport::SmtpConfig`]).
    pub smtp: Option<liaison_mail::transport::SmtpConfig>,
    /// `[imap]`: the mailbox mail is fetched from and sent mail is filed in (see
    /// [`liaison_mail::transport::ImapConfig`]).
    pub imap: Option<liaison_mail::transport::ImapConfig>,
    /// `[automation]`: per action kind, `draft` (default) or `send` (see
    /// [`liaison_engine::runner::Automation`]).
    pub automation: liaison_engine::runner::Automation,
    /// `[chat]`: the chat webhooks nudges go through (see
    /// [`liaison_mail::chat::ChatConfig`]).
    pub chat: Option<liaison_mail::chat::ChatConfig>,
    /// `[archive]`: where `liaison archive` writes.
    pub archive: ArchiveSection,
    /// `[web]`: who sees what in `liaison serve`, and the upload limit (see
    /// [`liaison_web::WebSection`]).
    pub web: liaison_web::WebSection,
    /// The file this was loaded from, if any.
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

/// `[identity]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Identity {
    /// Addresses that count as ours (outgoing mail starts collaborations).
    pub addresses: Vec<String>,
    /// Domain for generated Message-IDs.
    pub domain: String,
}

impl Default for Identity {
    fn default() -> Self {
        Identity {
            addresses: Vec::new(),
            domain: "liaison.local".into(),
        }
    }
}

/// `[archive]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ArchiveSection {
    /// The folder archive folders (跨部门协作-<project>/) go into, relative to the config
    /// file (default: the working directory).
    pub root: Option<PathBuf>,
}

/// `[directory]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DirectorySection {
    /// Path of directory.toml, relative to the config file.
    pub path: Option<PathBuf>,
}

/// `[templates]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TemplatesSection {
    /// Directory whose templates override the built-in ones, relative to the config file.
    pub dir: Option<PathBuf>,
}

/// `[time]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TimeSection {
    /// IANA time zone.
    pub tz: String,
    /// `cn`, `none`, or a calendar file.
    pub calendar: String,
    /// Workday start, HH:MM.
    pub workday_start: String,
    /// Workday end, HH:MM.
    pub workday_end: String,
}

impl Default for TimeSection {
    fn default() -> Self {
        TimeSection {
            tz: "Asia/Shanghai".into(),
            calendar: "cn".into(),
            workday_start: "09:00".into(),
            workday_end: "18:00".into(),
        }
    }
}

/// `[compose]`: limits of `liaison new`.
///
/// ```toml
/// [compose]
/// attachment_max_mb = 25   # each attachment at most this many MB (1 MB = 1,048,576 bytes)
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ComposeSection {
    /// The size limit of one attachment, in MB (MiB); 25 by default, the common mail-server
    /// limit.
    pub attachment_max_mb: u64,
}

impl Default for ComposeSection {
    fn default() -> Self {
        ComposeSection {
            attachment_max_mb: liaison_compose::attachments::AttachmentRules::DEFAULT_MAX_BYTES
                >> 20,
        }
    }
}

impl ComposeSection {
    /// The limit in bytes.
    pub fn attachment_max_bytes(&self) -> u64 {
        self.attachment_max_mb.saturating_mul(1 << 20)
    }
}

/// `[store]`: where the database is (read by `commands::store_open`).
///
/// ```toml
/// [store]
/// db = "liaison.db"                       # SQLite file, relative to this config file
/// # database_url = "postgres://liaison@db.example.com/liaison"   # a team server instead
/// ```
/// `--database-url` / `LIAISON_DATABASE_URL` and `--db` / `LIAISON_DB` override both;
/// without any, the SQLite file is `liaison.db` in the data directory
/// (`LIAISON_DATA_DIR`, else `$XDG_DATA_HOME/liaison`, else `~/.local/share/liaison`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StoreSection {
    /// SQLite file, relative to the config file.
    pub db: Option<PathBuf>,
    /// PostgreSQL URL (`postgres://user[:password]@host[:port]/db`; liaison's own
    /// `?schema=NAME` puts the tables in that schema). Used instead of `db` when set.
    pub database_url: Option<String>,
}

/// Finds `liaison.toml` in `start` or any parent.
pub fn find_upward(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join("liaison.toml"))
        .find(|p| p.is_file())
}

/// Loads the configuration with its layers: built-in defaults → `liaison.toml` (`--config`,
/// or found upward from the working directory) → `LIAISON_*` environment
/// (`LIAISON_DOMAIN`, `LIAISON_TEMPLATES`, `LIAISON_TZ`, `LIAISON_CALENDAR`; `LIAISON_CONFIG`,
/// `LIAISON_DIRECTORY`, `LIAISON_LANG`, `LIAISON_NOW` are read by the flags) → flags.
/// A bad file gets an error naming the file, the line and the fix.
pub fn load(g: &crate::cli::GlobalArgs) -> anyhow::Result<Config> {
    let path = match &g.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir().ok().and_then(|d| find_upward(&d)),
    };
    let mut cfg = match path {
        None => Config::default(),
        Some(path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| {
                let why = crate::output::lang().io_error(&e);
                match crate::output::lang() {
                    crate::output::Lang::Zh => {
                        anyhow::anyhow!("{}: 无法读取配置文件（{why}）", path.display())
                    }
                    crate::output::Lang::En => anyhow::anyhow!(
                        "{}: cannot read the configuration file ({why})",
                        path.display()
                    ),
                }
            })?;
            let mut cfg = parse(&path, &text)?;
            cfg.source = Some(path);
            cfg
        }
    };
    if let Ok(v) = std::env::var("LIAISON_DOMAIN") {
        cfg.identity.domain = v;
    }
    if let Ok(v) = std::env::var("LIAISON_TEMPLATES") {
        // Relative to the working directory, not to the config file.
        let p = PathBuf::from(v);
        let p = match std::env::current_dir() {
            Ok(cwd) if p.is_relative() => cwd.join(p),
            _ => p,
        };
        cfg.templates.dir = Some(p);
    }
    if let Ok(v) = std::env::var("LIAISON_TZ") {
        cfg.time.tz = v;
    }
    if let Ok(v) = std::env::var("LIAISON_CALENDAR") {
        cfg.time.calendar = v;
    }
    cfg.identity.addresses.extend(g.me.iter().cloned());
    Ok(cfg)
}

/// Parses `liaison.toml` text; errors name `path`, the line and the fix.
pub fn parse(path: &Path, text: &str) -> anyhow::Result<Config> {
    toml::from_str::<Config>(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text.as_bytes()[..s.start.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1)
            .unwrap_or(0);
        anyhow::anyhow!(
            "{}:{line}: {}: {}\n  {}: {}",
            path.display(),
            crate::output::tr("配置文件有误", "invalid configuration"),
            e.message().trim(),
            crate::output::tr("修改", "fix"),
            crate::output::tr(
                "对照 liaison init 生成的 liaison.toml 检查该行的节名、键名与取值",
                "compare that line with the liaison.toml written by `liaison init` (section, key, value)"
            )
        )
    })
}

/// `FILE:LINE` of `key` in `[section]` of the config file (the section's line when the key
/// is not written there, the file alone when neither is found), for error messages.
pub fn locate(cfg: &Config, section: &str, key: &str) -> String {
    let file = shown_source(cfg);
    let Some(text) = cfg
        .source
        .as_ref()
        .and_then(|p| std::fs::read_to_string(p).ok())
    else {
        return file;
    };
    let mut in_section = false;
    let mut section_line = None;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            in_section = t.trim_start_matches('[').trim_end_matches(']').trim() == section;
            if in_section {
                section_line = Some(i + 1);
            }
            continue;
        }
        if in_section
            && let Some((k, _)) = t.split_once('=')
            && k.trim() == key
        {
            return format!("{file}:{}", i + 1);
        }
    }
    match section_line {
        Some(n) => format!("{file}:{n}"),
        None => file,
    }
}

/// Resolves a path from the config file relative to the file's folder.
pub fn relative(cfg: &Config, p: &Path) -> PathBuf {
    if p.is_absolute() {
        return p.to_path_buf();
    }
    match cfg.source.as_ref().and_then(|s| s.parent()) {
        Some(dir) => dir.join(p),
        None => p.to_path_buf(),
    }
}

/// The config file's name for error messages (`liaison.toml` when none was found).
pub fn shown_source(cfg: &Config) -> String {
    cfg.source
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "liaison.toml".into())
}
