//! Everything a command needs from flags, environment and configuration files, resolved
//! once in `main` (as ripgrep's `HiArgs`): the layered configuration, the language, the
//! current instant in the configured zone, the time context, the directory, where the
//! store is, and who "we" are. Commands receive a [`Settings`] and do only their own job.

use crate::cli::GlobalArgs;
use crate::config::{self, Config};
use crate::output::{self, Lang, tr};
use anyhow::Context as _;
use chrono::{DateTime, FixedOffset};
use liaison_engine::{PlanContext, TrackerConfig};
use liaison_model::Directory;
use liaison_store::{Location, Store};
use std::path::{Path, PathBuf};

/// The resolved settings of one run.
#[derive(Debug)]
pub struct Settings {
    /// The flags as given (a few commands read them, e.g. `--lang` given explicitly).
    pub global: GlobalArgs,
    /// The layered configuration (defaults → liaison.toml → environment → flags).
    pub config: Config,
    /// The current instant: `--now`, else the clock, in the `[time] tz` zone.
    pub now: DateTime<FixedOffset>,
    /// Time zone, calendar, workday hours and `now`.
    pub time: liaison_time::Context,
    /// The directory, loaded once; a load error is kept for the commands that need it.
    directory: Result<Option<Directory>, String>,
    /// Where the store is.
    pub store: Location,
}

impl Settings {
    /// Resolves everything from the flags. `read_config` is false for the commands that
    /// write configuration rather than read it (`init`, `demo`), so a broken liaison.toml
    /// around does not stop them.
    pub fn resolve(global: GlobalArgs, read_config: bool) -> anyhow::Result<Settings> {
        let lang = global.lang.unwrap_or_default();
        output::set_lang(lang);
        let config = if read_config {
            config::load(&global)?
        } else {
            let mut c = Config::default();
            c.identity.addresses.extend(global.me.iter().cloned());
            c
        };
        let tz: chrono_tz::Tz = config.time.tz.parse().map_err(|_| {
            anyhow::anyhow!(
                "{}: [time] tz = {:?}: {}",
                config::shown_source(&config),
                config.time.tz,
                tr(
                    "未知时区，请使用 IANA 名称，例如 Asia/Shanghai",
                    "unknown time zone; use an IANA name such as Asia/Shanghai"
                )
            )
        })?;
        let now = now(&global, tz)?;
        let time = time_context(&config, now, None, None)?;
        let directory_path = match (&global.directory, &config.directory.path) {
            (Some(p), _) => Some(p.clone()),
            (None, Some(p)) => Some(config::relative(&config, p)),
            (None, None) => None,
        };
        let directory = match &directory_path {
            None => Ok(None),
            Some(p) => load_directory(p).map(Some).map_err(|e| format!("{e:#}")),
        };
        let store = store_location(&global, &config)?;
        Ok(Settings {
            global,
            config,
            now,
            time,
            directory,
            store,
        })
    }

    /// The directory, if one is configured (an error if it is configured but invalid).
    pub fn directory(&self) -> anyhow::Result<Option<&Directory>> {
        match &self.directory {
            Ok(d) => Ok(d.as_ref()),
            Err(e) => Err(anyhow::anyhow!("{e}")),
        }
    }

    /// The directory, which this command cannot do without.
    pub fn require_directory(&self) -> anyhow::Result<&Directory> {
        self.directory()?.ok_or_else(|| {
            anyhow::anyhow!(
                "{}",
                tr(
                    "没有通讯录：用 --directory FILE 指定，或在 liaison.toml 中写 [directory] path（liaison init 可生成样例）",
                    "no directory: pass --directory FILE or set [directory] path in liaison.toml (`liaison init` writes a sample)"
                )
            )
        })
    }

    /// Opens (and migrates) the store.
    pub fn open_store(&self) -> anyhow::Result<Box<dyn Store>> {
        Ok(liaison_store::open(&self.store)?)
    }

    /// Our addresses: `[identity] addresses` plus `--me`.
    pub fn me(&self) -> &[String] {
        &self.config.identity.addresses
    }

    /// What the tracker needs: our addresses, the 【】 tags (`[lint.kinds]` count for the
    /// tracker as for the linter), the directory and the time context.
    pub fn tracker(&self) -> anyhow::Result<TrackerConfig> {
        let kinds = self
            .config
            .lint
            .resolve()
            .map_err(|e| anyhow::Error::new(e).context(config::shown_source(&self.config)))?
            .kinds;
        Ok(TrackerConfig {
            me: self.me().to_vec(),
            kinds,
            directory: self.directory()?.cloned().unwrap_or_default(),
            time: self.time.clone(),
        })
    }

    /// The linter, configured by `[lint]`, the directory and the time context.
    pub fn linter(&self) -> anyhow::Result<liaison_lint::Linter> {
        liaison_lint::Linter::new(
            &self.config.lint,
            self.directory()?.cloned(),
            self.time.clone(),
        )
        .map_err(|e| anyhow::anyhow!("{}: {e}", config::shown_source(&self.config)))
    }

    /// The mail templates: built-ins, overridden by `[templates] dir` / `LIAISON_TEMPLATES`.
    pub fn templates(&self) -> anyhow::Result<liaison_compose::Templates> {
        match &self.config.templates.dir {
            Some(d) => {
                let d = config::relative(&self.config, d);
                liaison_compose::Templates::from_dir(&d).with_context(|| {
                    tr("无法读取模板目录", "cannot read the templates directory").to_string()
                })
            }
            None => Ok(liaison_compose::Templates::builtin()),
        }
    }

    /// The folder relative paths of the configuration are read from.
    fn config_dir(&self) -> PathBuf {
        self.config
            .source
            .as_ref()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| std::env::current_dir().unwrap_or_default())
    }

    fn transport_error(&self, e: liaison_mail::transport::ConfigError) -> anyhow::Error {
        anyhow::anyhow!(
            "{}: [{}] {}: {}",
            config::locate(&self.config, e.section, e.key),
            e.section,
            e.key,
            e.reason
        )
    }

    /// The SMTP client of `[smtp]` (the password is read now: from `password_env` or
    /// `password_command`), or `None` when there is no `[smtp]`.
    pub fn smtp(&self) -> anyhow::Result<Option<liaison_mail::transport::SmtpClient>> {
        let Some(c) = &self.config.smtp else {
            return Ok(None);
        };
        let server = c
            .resolve(&self.config_dir())
            .map_err(|e| self.transport_error(e))?;
        Ok(Some(liaison_mail::transport::SmtpClient::new(
            server,
            &self.config.identity.domain,
        )))
    }

    /// The SMTP client, which this command cannot do without.
    pub fn require_smtp(&self) -> anyhow::Result<liaison_mail::transport::SmtpClient> {
        self.smtp()?.ok_or_else(|| {
            anyhow::anyhow!(
                "{}: {}",
                config::shown_source(&self.config),
                tr(
                    "没有 [smtp] 配置：在 liaison.toml 中写 [smtp] host、security、username、password_env（README 的“发送与收取”一节有完整示例）",
                    "no [smtp] section: set host, security, username and password_env under [smtp] in liaison.toml (the README's \"Sending and fetching\" has a complete example)"
                )
            )
        })
    }

    /// The IMAP client of `[imap]`, or `None` when there is no `[imap]`.
    pub fn imap(&self) -> anyhow::Result<Option<liaison_mail::transport::ImapClient>> {
        let Some(c) = &self.config.imap else {
            return Ok(None);
        };
        let server = c
            .resolve(&self.config_dir())
            .map_err(|e| self.transport_error(e))?;
        Ok(Some(liaison_mail::transport::ImapClient::with_folders(
            server,
            c.folders(),
        )))
    }

    /// How to send: `[smtp] max_attempts`, the language of recorded reasons, and the test
    /// hook `LIAISON_TEST_CRASH_AT=POINT[:N]` (claimed, handed-over, accepted, sent,
    /// recorded, appended).
    pub fn send_options(&self) -> liaison_engine::outbox::SendOptions {
        let (crash_at, crash_nth) = crash_hook(liaison_engine::outbox::CrashPoint::parse);
        liaison_engine::outbox::SendOptions {
            max_attempts: self
                .config
                .smtp
                .as_ref()
                .and_then(|c| c.max_attempts)
                .unwrap_or(10),
            ingest: liaison_engine::IngestOptions {
                lang: output::lang(),
                ..liaison_engine::IngestOptions::default()
            },
            crash_at,
            crash_nth,
        }
    }

    /// How to fetch, with the test hook `LIAISON_TEST_CRASH_AT=fetch-stored|fetch-cursor[:N]`
    /// (and `LIAISON_TEST_CRASH_AFTER=N` of the ingest pipeline).
    pub fn fetch_options(&self) -> liaison_engine::fetch::FetchOptions {
        let (crash_at, crash_nth) = crash_hook(liaison_engine::fetch::FetchCrash::parse);
        liaison_engine::fetch::FetchOptions {
            ingest: liaison_engine::IngestOptions {
                lang: output::lang(),
                crash_after: std::env::var("LIAISON_TEST_CRASH_AFTER")
                    .ok()
                    .and_then(|v| v.parse().ok()),
                ..liaison_engine::IngestOptions::default()
            },
            crash_at,
            crash_nth,
            ..liaison_engine::fetch::FetchOptions::default()
        }
    }

    /// The drafting context at `now` (templates, language, calendar, Message-ID domain).
    pub fn draft_context<'a>(
        &'a self,
        directory: &'a Directory,
        templates: &'a liaison_compose::Templates,
        now: DateTime<FixedOffset>,
    ) -> liaison_engine::drafting::DraftContext<'a> {
        liaison_engine::drafting::DraftContext {
            directory,
            templates,
            lang: output::lang(),
            now,
            domain: &self.config.identity.domain,
            calendar: &self.time.calendar,
            hours: self.time.hours,
            tz: self.time.tz,
        }
    }

    /// The runner's test hook `LIAISON_TEST_CRASH_AT=run-claimed|run-recorded[:N]`.
    pub fn run_crash_hook(&self) -> (Option<liaison_engine::runner::RunCrash>, u32) {
        crash_hook(liaison_engine::runner::RunCrash::parse)
    }

    /// The planner's context at `now` (policy, calendar, hours, zone, directory, language).
    pub fn plan_context<'a>(
        &'a self,
        directory: &'a Directory,
        now: DateTime<FixedOffset>,
    ) -> PlanContext<'a> {
        PlanContext {
            policy: &self.config.policy,
            calendar: &self.time.calendar,
            hours: self.time.hours,
            tz: self.time.tz,
            directory,
            now,
            lang: output::lang(),
        }
    }
}

/// The test hook `LIAISON_TEST_CRASH_AT=POINT[:N]` read with `parse`: the point and N
/// (default 1).
fn crash_hook<T>(parse: impl Fn(&str) -> Option<T>) -> (Option<T>, u32) {
    let Ok(v) = std::env::var("LIAISON_TEST_CRASH_AT") else {
        return (None, 1);
    };
    let (point, n) = match v.split_once(':') {
        Some((p, n)) => (p, n.parse().unwrap_or(1)),
        None => (v.as_str(), 1),
    };
    (parse(point), n)
}

/// `--now` (RFC 3339), or the clock in `tz`.
fn now(g: &GlobalArgs, tz: chrono_tz::Tz) -> anyhow::Result<DateTime<FixedOffset>> {
    match &g.now {
        Some(s) => DateTime::parse_from_rfc3339(s.trim()).map_err(|e| {
            anyhow::anyhow!(
                "--now {s:?}: {e}; {}",
                tr(
                    "请使用 RFC 3339 格式，例如 2026-11-30T10:00:00+08:00",
                    "use RFC 3339, e.g. 2026-11-30T10:00:00+08:00"
                )
            )
        }),
        None => Ok(chrono::Utc::now().with_timezone(&tz).fixed_offset()),
    }
}

/// The time context from `[time]` (or the given overrides: a zone name, a calendar spec
/// as written on the command line) at `now`.
pub fn time_context(
    cfg: &Config,
    now: DateTime<FixedOffset>,
    tz_override: Option<&str>,
    calendar_override: Option<&str>,
) -> anyhow::Result<liaison_time::Context> {
    let (tz_name, tz_origin) = match tz_override {
        Some(t) => (t, "--tz".to_string()),
        None => (
            cfg.time.tz.as_str(),
            format!("{}: [time] tz", config::shown_source(cfg)),
        ),
    };
    let tz: chrono_tz::Tz = tz_name.parse().map_err(|_| {
        anyhow::anyhow!(
            "{tz_origin} = {tz_name:?}: {}",
            tr(
                "未知时区，请使用 IANA 名称，例如 Asia/Shanghai",
                "unknown time zone; use an IANA name such as Asia/Shanghai"
            )
        )
    })?;
    let spec = match calendar_override {
        // A file given on the command line is relative to the working directory.
        Some(c @ ("cn" | "none")) => c.to_string(),
        Some(p) => std::path::absolute(p)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| p.to_string()),
        None => match cfg.time.calendar.as_str() {
            c @ ("cn" | "none") => c.to_string(),
            p => config::relative(cfg, Path::new(p)).display().to_string(),
        },
    };
    let calendar = liaison_time::Calendar::from_spec(&spec)
        .map_err(|e| anyhow::Error::new(e).context("[time] calendar"))?;
    let hours = liaison_time::WorkHours::parse(&cfg.time.workday_start, &cfg.time.workday_end)
        .map_err(|e| {
            anyhow::Error::new(e).context(format!(
                "{}: [time] workday_start/workday_end",
                config::shown_source(cfg)
            ))
        })?;
    Ok(
        liaison_time::Context::new(now.with_timezone(&tz).fixed_offset())
            .with_tz(tz)
            .with_calendar(calendar)
            .with_hours(hours),
    )
}

/// Loads and validates a directory file (every problem reported with file and line).
pub fn load_directory(path: &Path) -> anyhow::Result<Directory> {
    let en = output::lang() == Lang::En;
    Directory::load(path).map_err(|e| match e {
        liaison_model::DirectoryError::Invalid(p) => anyhow::anyhow!("{}", p.render(en)),
        other => anyhow::anyhow!("{other}"),
    })
}

/// The data directory: `LIAISON_DATA_DIR`, else `$XDG_DATA_HOME/liaison`, else
/// `~/.local/share/liaison`, else `./.liaison`.
pub fn data_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("LIAISON_DATA_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    if let Some(d) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("liaison");
    }
    if let Some(h) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(h).join(".local/share/liaison");
    }
    PathBuf::from(".liaison")
}

/// Where the store is, most specific first: `--database-url` / `LIAISON_DATABASE_URL`
/// (PostgreSQL), `--db FILE` / `LIAISON_DB` (SQLite), `[store] database_url`, `[store] db`
/// (relative to the config file), else `liaison.db` in the data directory.
///
/// A URL given where a SQLite file is expected is an error: taken as a path it would
/// silently create a database in a folder named `postgres:`, and the user would believe
/// they were writing to the team server.
fn store_location(g: &GlobalArgs, cfg: &Config) -> anyhow::Result<Location> {
    if let Some(url) = g.database_url.as_deref().filter(|u| !u.trim().is_empty()) {
        return Ok(Location::Postgres(url.trim().to_string()));
    }
    if let Some(db) = &g.db {
        reject_url_as_file(
            db,
            "--db / LIAISON_DB",
            "--database-url / LIAISON_DATABASE_URL",
        )?;
        return Ok(Location::Sqlite(db.clone()));
    }
    if let Some(db) = &cfg.store.db {
        let what = format!("{}: [store] db", config::shown_source(cfg));
        reject_url_as_file(db, &what, "[store] database_url")?;
    }
    let db = cfg.store.db.as_ref().map(|p| config::relative(cfg, p));
    Ok(Location::choose(
        cfg.store.database_url.as_deref(),
        db.as_deref(),
        &data_dir(),
    ))
}

/// An error when `path` is written as a URL (`scheme://…`) rather than a file name.
fn reject_url_as_file(path: &Path, what: &str, instead: &str) -> anyhow::Result<()> {
    let text = path.to_string_lossy();
    let Some((scheme, _)) = text.split_once("://") else {
        return Ok(());
    };
    let is_scheme = !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !is_scheme {
        return Ok(());
    }
    let postgres = scheme.starts_with("postgres");
    let fix = match output::lang() {
        Lang::Zh => {
            if postgres {
                format!("这是 PostgreSQL 地址，不是 SQLite 文件；请改用 {instead}")
            } else {
                format!("这里需要 SQLite 文件路径，不是 URL；PostgreSQL 请用 {instead}")
            }
        }
        Lang::En => {
            if postgres {
                format!("this is a PostgreSQL URL, not a SQLite file; use {instead} instead")
            } else {
                format!(
                    "a SQLite file path is expected here, not a URL; for PostgreSQL use {instead}"
                )
            }
        }
    };
    Err(anyhow::anyhow!("{what} = {text:?}: {fix}"))
}
