//! The web dashboard of liaison (`liaison serve`): server-rendered pages (minijinja, with
//! htmx for partial updates, both embedded in the binary), and a JSON API under `/api/v1`
//! that returns exactly what `liaison list/show/due --format json` print.
//!
//! The store is blocking, the server is tokio: every store call runs in
//! [`tokio::task::spawn_blocking`] on a connection taken from a small pool.
//!
//! Security, in one place each: [`auth`] (argon2 passwords, sessions and API tokens kept
//! hashed in the store, CSRF tokens, roles, login rate limiting), [`Listen`] (loopback only
//! while no user exists), templates auto-escaped (subjects and bodies come from strangers),
//! attachments served as downloads with a neutral type, and a strict Content-Security-Policy
//! ([`pages::security_headers`]).

pub mod actions;
pub mod api;
pub mod auth;
pub mod pages;
mod render;
pub mod reports;

use chrono::{DateTime, FixedOffset};
use liaison_engine::{Policy, TrackerConfig};
use liaison_model::{Collaboration, Directory, Lang};
use liaison_store::{Location, Store};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Everything that can stop the server from starting or a request from being served.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// `--listen` could not be read.
    #[error("--listen {0:?}: expected ADDR:PORT (e.g. 127.0.0.1:8080) or unix:/path/to/socket")]
    BadListen(String),
    /// A non-loopback address was asked for while no user exists.
    #[error(
        "--listen {0}: no users are configured, so liaison serve only listens on a loopback address (127.0.0.1, ::1) or a unix: socket; add a user first with `liaison user add NAME --role admin --password-stdin`"
    )]
    NotLoopback(SocketAddr),
    /// The socket could not be bound.
    #[error("--listen {addr}: {error}")]
    Bind {
        /// The address.
        addr: String,
        /// Why.
        error: std::io::Error,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] liaison_store::StoreError),
    /// A blocking task failed to finish.
    #[error("internal error: {0}")]
    Internal(String),
}

/// Where the server listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listen {
    /// A TCP address.
    Tcp(SocketAddr),
    /// A Unix domain socket (`unix:/path`).
    Unix(PathBuf),
}

impl Listen {
    /// Reads `ADDR:PORT` or `unix:/path`.
    pub fn parse(s: &str) -> Result<Listen, WebError> {
        if let Some(p) = s.strip_prefix("unix:") {
            if p.is_empty() {
                return Err(WebError::BadListen(s.into()));
            }
            return Ok(Listen::Unix(PathBuf::from(p)));
        }
        s.parse::<SocketAddr>()
            .map(Listen::Tcp)
            .map_err(|_| WebError::BadListen(s.into()))
    }

    /// Refuses a non-loopback TCP address when there are no users: without users nobody
    /// logs in, so anyone who can reach the port could act for us.
    pub fn check(&self, has_users: bool) -> Result<(), WebError> {
        match self {
            Listen::Tcp(a) if !has_users && !a.ip().is_loopback() => Err(WebError::NotLoopback(*a)),
            _ => Ok(()),
        }
    }
}

impl std::fmt::Display for Listen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Listen::Tcp(a) => write!(f, "http://{a}"),
            Listen::Unix(p) => write!(f, "unix:{}", p.display()),
        }
    }
}

/// Builds an SMTP client for one send (the password is read again each time).
pub type SmtpFactory =
    Arc<dyn Fn() -> Result<liaison_mail::transport::SmtpClient, String> + Send + Sync>;

/// What the server needs, resolved once by the `liaison serve` command.
pub struct WebConfig {
    /// The store.
    pub store: Location,
    /// Our addresses, the 【】 tags, the directory and the time context (for `mark`).
    pub tracker: TrackerConfig,
    /// The planner's timings.
    pub policy: Policy,
    /// The linter configured by `[lint]`.
    pub linter: liaison_lint::Linter,
    /// The mail templates.
    pub templates: liaison_compose::Templates,
    /// The Message-ID domain.
    pub domain: String,
    /// The language when the user chose none (`--lang`).
    pub lang: Lang,
    /// `--now` when given: every page then plans at this instant (tests, demos).
    pub fixed_now: Option<DateTime<FixedOffset>>,
    /// SMTP, when `[smtp]` is configured.
    pub smtp: Option<SmtpFactory>,
    /// How sends behave.
    pub send_options: liaison_engine::outbox::SendOptions,
    /// Mark cookies `Secure` (behind TLS).
    pub secure_cookies: bool,
    /// The directory file, which admins may replace by a CSV import.
    pub directory_path: Option<PathBuf>,
    /// `[web]` of the configuration.
    pub web: WebSection,
    /// Where `liaison archive` writes (`[archive] root`, else the working directory).
    pub archive_root: PathBuf,
}

/// `[web]` of `liaison.toml`: who sees what, and how large an upload may be.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WebSection {
    /// Members and viewers with a department see every collaboration, not only their
    /// department's (default `false`: they see their own department's only).
    pub members_see_all: bool,
    /// The largest attachment the compose page accepts, in bytes (default 10 MiB).
    pub max_upload_bytes: usize,
}

impl Default for WebSection {
    fn default() -> Self {
        WebSection {
            members_see_all: false,
            max_upload_bytes: 10 * 1024 * 1024,
        }
    }
}

/// Whether collaboration `c` concerns department `dept`: the department is named in its
/// subject, or it is the department (in `dir`) of its owner, a counterpart or a cc.
pub fn in_department(c: &Collaboration, dept: &str, dir: &Directory) -> bool {
    c.subject.contains(dept)
        || c.counterparts
            .iter()
            .chain(&c.cc)
            .chain(std::iter::once(&c.owner))
            .any(|e| dir.person(e).is_some_and(|p| p.department == dept))
}

impl WebConfig {
    /// The directory in effect.
    pub fn directory(&self) -> &Directory {
        &self.tracker.directory
    }

    /// The present instant in the configured zone.
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.fixed_now.unwrap_or_else(|| {
            chrono::Utc::now()
                .with_timezone(&self.tracker.time.tz)
                .fixed_offset()
        })
    }
}

/// The shared state of the server.
pub struct AppState {
    /// The configuration.
    pub config: WebConfig,
    pool: Mutex<Vec<Box<dyn Store>>>,
    /// Sessions of the local user while no user exists (kept in memory: there is no user
    /// row to tie them to).
    pub(crate) local_sessions: Mutex<std::collections::HashMap<String, auth::Session>>,
    /// Failed logins per name, for rate limiting.
    pub(crate) failures: Mutex<std::collections::HashMap<String, Vec<std::time::Instant>>>,
    /// Directory replaced by an admin's import (else the configured one).
    pub(crate) directory_override: Mutex<Option<Arc<Directory>>>,
    /// The last count of due actions: the instant counted at, when, and the count.
    pub(crate) due_count: Mutex<Option<(i64, std::time::Instant, liaison_store::PlanCount)>>,
    /// Held while due actions are counted.
    pub(crate) counting: Mutex<()>,
}

impl AppState {
    /// A server state over `config`; opens (and migrates) the store once to check it.
    pub fn new(config: WebConfig) -> Result<Arc<AppState>, WebError> {
        let store = liaison_store::open(&config.store)?;
        Ok(Arc::new(AppState {
            config,
            pool: Mutex::new(vec![store]),
            local_sessions: Mutex::default(),
            failures: Mutex::default(),
            directory_override: Mutex::default(),
            due_count: Mutex::default(),
            counting: Mutex::default(),
        }))
    }

    /// The directory in effect (an admin's import replaces the configured one).
    pub fn directory(&self) -> Arc<Directory> {
        if let Some(d) = self.directory_override.lock().ok().and_then(|d| d.clone()) {
            return d;
        }
        Arc::new(self.config.directory().clone())
    }

    /// Runs `f` with a store connection on the blocking pool.
    pub async fn store<T, F>(self: &Arc<Self>, f: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn Store, &AppState) -> Result<T, WebError> + Send + 'static,
    {
        let me = self.clone();
        tokio::task::spawn_blocking(move || {
            let taken = me.pool.lock().ok().and_then(|mut p| p.pop());
            let mut store = match taken {
                Some(s) => s,
                None => liaison_store::open(&me.config.store)?,
            };
            let r = f(store.as_mut(), &me);
            if let Ok(mut p) = me.pool.lock()
                && p.len() < 16
            {
                p.push(store);
            }
            r
        })
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
    }
}

/// Whether the store has any user.
pub fn has_users(store: &mut dyn Store) -> Result<bool, WebError> {
    Ok(!store.web_users()?.is_empty())
}

/// The router of every page and API route.
pub fn router(state: Arc<AppState>) -> axum::Router {
    let max_upload = state.config.web.max_upload_bytes;
    pages::routes()
        .merge(pages::compose_routes(max_upload))
        .merge(actions::routes())
        .merge(reports::routes())
        .merge(api::routes())
        .layer(axum::middleware::from_fn(pages::security_headers))
        .with_state(state)
}

/// Serves until Ctrl-C or SIGTERM. Refuses a non-loopback address while no user exists.
/// `ready` is called with the bound address once the socket accepts connections.
pub fn serve(listen: &Listen, config: WebConfig, ready: impl FnOnce(&str)) -> Result<(), WebError> {
    let state = AppState::new(config)?;
    let users = {
        let mut s = liaison_store::open(&state.config.store)?;
        has_users(s.as_mut())?
    };
    listen.check(users)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| WebError::Internal(e.to_string()))?;
    rt.block_on(async move {
        let app = router(state);
        match listen {
            Listen::Tcp(a) => {
                let l = tokio::net::TcpListener::bind(a)
                    .await
                    .map_err(|error| WebError::Bind {
                        addr: a.to_string(),
                        error,
                    })?;
                let bound = l.local_addr().map(|a| a.to_string()).unwrap_or_default();
                ready(&format!("http://{bound}"));
                axum::serve(l, app.into_make_service_with_connect_info::<SocketAddr>())
                    .with_graceful_shutdown(shutdown())
                    .await
                    .map_err(|e| WebError::Internal(e.to_string()))
            }
            Listen::Unix(p) => {
                // A socket left by an earlier run would make bind fail; only a socket is removed.
                if std::fs::symlink_metadata(p).is_ok_and(|m| {
                    use std::os::unix::fs::FileTypeExt;
                    m.file_type().is_socket()
                }) {
                    let _ = std::fs::remove_file(p);
                }
                let l = tokio::net::UnixListener::bind(p).map_err(|error| WebError::Bind {
                    addr: format!("unix:{}", p.display()),
                    error,
                })?;
                ready(&format!("unix:{}", p.display()));
                axum::serve(l, app)
                    .with_graceful_shutdown(shutdown())
                    .await
                    .map_err(|e| WebError::Internal(e.to_string()))
            }
        }
    })
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listen_forms() {
        assert_eq!(
            Listen::parse("127.0.0.1:8080").unwrap(),
            Listen::Tcp("127.0.0.1:8080".parse().unwrap())
        );
        assert_eq!(
            Listen::parse("unix:/tmp/x.sock").unwrap(),
            Listen::Unix("/tmp/x.sock".into())
        );
        assert!(Listen::parse("localhost").is_err());
        assert!(Listen::parse("unix:").is_err());
    }

    #[test]
    fn non_loopback_needs_users() {
        let any = Listen::parse("0.0.0.0:8080").unwrap();
        assert!(matches!(any.check(false), Err(WebError::NotLoopback(_))));
        assert!(any.check(true).is_ok());
        assert!(Listen::parse("[::1]:8080").unwrap().check(false).is_ok());
        assert!(Listen::parse("unix:/x").unwrap().check(false).is_ok());
    }
}
