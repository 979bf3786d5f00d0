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
    /// `[policy]`: planner timings (owned by liaison-engine).
    pub policy: toml::Table,
    /// `[store]`: database location.
    pub store: StoreSection,
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
