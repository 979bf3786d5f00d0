//! Who is asking: users with argon2 password hashes, session cookies and API tokens (both
//! stored as the SHA-256 of a random secret, so a copy of the database logs nobody in),
//! CSRF tokens, roles, and login rate limiting.

use crate::{AppState, WebError};
use axum::http::HeaderMap;
use liaison_model::Lang;
use liaison_store::{Store, WebSession, WebUser};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The session cookie.
pub const SESSION_COOKIE: &str = "liaison_session";
/// The cookie of the login form's CSRF token (double submit: the form and the cookie).
pub const LOGIN_CSRF_COOKIE: &str = "liaison_login_csrf";
/// How long a session lasts.
pub const SESSION_HOURS: i64 = 12;
/// Failed logins allowed per name within [`FAILURE_WINDOW`].
pub const MAX_FAILURES: usize = 5;
/// The window of [`MAX_FAILURES`].
pub const FAILURE_WINDOW: Duration = Duration::from_secs(600);

/// What can go wrong managing users.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// An unknown role.
    #[error("--role {0:?}: expected admin, member or viewer")]
    BadRole(String),
    /// A name that cannot be a login.
    #[error("user name {0:?}: use 1–64 letters, digits, '.', '_', '-' or '@'")]
    BadName(String),
    /// An empty or too short password.
    #[error("the password must have at least 8 characters (read from standard input)")]
    WeakPassword,
    /// No such user.
    #[error("no user {0:?}; add one with `liaison user add NAME --role member --password-stdin`")]
    NoUser(String),
    /// Hashing failed.
    #[error("password hashing failed: {0}")]
    Hash(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] liaison_store::StoreError),
}

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, the directory included.
    Admin,
    /// Read, mark, compose and send.
    Member,
    /// Read only.
    Viewer,
}

impl Role {
    /// Reads `admin`, `member` or `viewer`.
    pub fn parse(s: &str) -> Result<Role, AuthError> {
        match s {
            "admin" => Ok(Role::Admin),
            "member" => Ok(Role::Member),
            "viewer" => Ok(Role::Viewer),
            other => Err(AuthError::BadRole(other.into())),
        }
    }

    /// The id as stored.
    pub fn id(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Member => "member",
            Role::Viewer => "viewer",
        }
    }

    /// Whether this role may change anything (mark, send, dismiss).
    pub fn can_act(self) -> bool {
        matches!(self, Role::Admin | Role::Member)
    }
}

/// A logged-in user as a request sees them.
#[derive(Debug, Clone)]
pub struct Session {
    /// Login name (`local` while no user exists).
    pub user: String,
    /// Role.
    pub role: Role,
    /// Language of the pages.
    pub lang: Lang,
    /// The CSRF token of this session.
    pub csrf: String,
    /// SHA-256 of the cookie's secret.
    pub cookie_hash: String,
    /// The implicit local user of a loopback server without users.
    pub local: bool,
    /// The user's department (`liaison user add --department`), if any.
    pub department: Option<String>,
}

impl Session {
    /// The department this user is confined to, or `None` when they see every
    /// collaboration: an admin, a user without a department, or anyone when
    /// `[web] members_see_all = true`.
    pub fn scope(&self, members_see_all: bool) -> Option<&str> {
        if self.role == Role::Admin || members_see_all {
            return None;
        }
        self.department.as_deref()
    }
}

/// A random secret: 32 bytes as hex.
pub fn random_secret() -> String {
    let mut b = [0u8; 32];
    // The OS generator failing is not something a web request can recover from sensibly;
    // a zero secret would be guessable, so refuse by making it unique per call instead.
    if getrandom::getrandom(&mut b).is_err() {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        return liaison_store::sha256_hex(format!("{t}{:p}", &b).as_bytes());
    }
    hex::encode(b)
}

/// The stored form of a secret.
pub fn secret_hash(secret: &str) -> String {
    liaison_store::sha256_hex(secret.as_bytes())
}

/// Compares two strings in time independent of where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The argon2id PHC string of `password`.
pub fn hash_password(password: &str) -> Result<String, AuthError> {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt).map_err(|e| AuthError::Hash(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| AuthError::Hash(e.to_string()))?;
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AuthError::Hash(e.to_string()))
}

/// Whether `password` matches the PHC string `hash`.
pub fn verify_password(hash: &str, password: &str) -> bool {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    PasswordHash::new(hash).is_ok_and(|h| {
        argon2::Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// Adds a user or replaces their role, department and password (`liaison user add`).
pub fn add_user(
    store: &mut dyn Store,
    name: &str,
    role: &str,
    department: Option<&str>,
    password: &str,
) -> Result<(), AuthError> {
    let role = Role::parse(role)?;
    let ok_name = !name.is_empty()
        && name.chars().count() <= 64
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'));
    if !ok_name {
        return Err(AuthError::BadName(name.into()));
    }
    if password.chars().count() < 8 {
        return Err(AuthError::WeakPassword);
    }
    let lang = store
        .web_user(name)?
        .map(|u| u.lang)
        .unwrap_or_else(|| "zh".into());
    store.web_user_put(&WebUser {
        name: name.into(),
        role: role.id().into(),
        password_hash: hash_password(password)?,
        lang,
        department: department
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_string),
    })?;
    Ok(())
}

/// Creates an API token for a user (`liaison user token`); the token is shown once, only
/// its hash is kept.
pub fn new_token(store: &mut dyn Store, name: &str) -> Result<String, AuthError> {
    if store.web_user(name)?.is_none() {
        return Err(AuthError::NoUser(name.into()));
    }
    let token = format!("lsn_{}", random_secret());
    store.web_token_put(&secret_hash(&token), name)?;
    Ok(token)
}

/// The value of cookie `name` in the request.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Strict, Path=/, Secure when configured.
pub fn set_cookie(name: &str, value: &str, max_age: i64, secure: bool) -> String {
    format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{}",
        if secure { "; Secure" } else { "" }
    )
}

fn lang_of(s: &str) -> Lang {
    if s == "en" { Lang::En } else { Lang::Zh }
}

/// The session of a request, if any. While no user exists, a request without a session
/// gets the local user (the server then listens on loopback only); `Ok(None)` means
/// "log in first".
pub async fn current(
    state: &Arc<AppState>,
    headers: &HeaderMap,
) -> Result<Option<Session>, WebError> {
    let secret = cookie(headers, SESSION_COOKIE);
    let default_lang = state.config.lang;
    state
        .store(move |store, st| {
            if let Some(secret) = &secret {
                let h = secret_hash(secret);
                if let Some(s) = st
                    .local_sessions
                    .lock()
                    .ok()
                    .and_then(|m| m.get(&h).cloned())
                {
                    // A local session is void once users exist.
                    if store.web_users()?.is_empty() {
                        return Ok(Some(s));
                    }
                    return Ok(None);
                }
                if let Some(ws) = store.web_session(&h)?
                    && ws.expires > chrono::Utc::now()
                    && let Some(u) = store.web_user(&ws.user)?
                {
                    return Ok(Some(Session {
                        user: u.name,
                        role: Role::parse(&u.role).unwrap_or(Role::Viewer),
                        lang: lang_of(&u.lang),
                        csrf: ws.csrf,
                        cookie_hash: h,
                        local: false,
                        department: u.department,
                    }));
                }
            }
            let _ = default_lang;
            Ok(None)
        })
        .await
}

/// A new session for the local user (no users exist); its cookie secret and the session.
pub fn local_session(state: &AppState) -> (String, Session) {
    let secret = random_secret();
    let s = Session {
        user: "local".into(),
        role: Role::Admin,
        lang: state.config.lang,
        csrf: random_secret(),
        cookie_hash: secret_hash(&secret),
        local: true,
        department: None,
    };
    if let Ok(mut m) = state.local_sessions.lock() {
        // Clients that never send the cookie back (scripts, load generators) would grow the
        // map without end; past a bound the oldest sessions are simply forgotten.
        if m.len() >= 10_000 {
            m.clear();
        }
        m.insert(s.cookie_hash.clone(), s.clone());
    }
    (secret, s)
}

/// Checks a login; the new session's cookie secret, or `None` for a wrong name or password.
pub fn login(
    store: &mut dyn Store,
    name: &str,
    password: &str,
) -> Result<Option<String>, WebError> {
    let Some(u) = store.web_user(name)? else {
        // Spend the same time as a real check so names cannot be probed by timing.
        let _ = verify_password(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000",
            password,
        );
        return Ok(None);
    };
    if !verify_password(&u.password_hash, password) {
        return Ok(None);
    }
    let secret = random_secret();
    store.web_session_put(&WebSession {
        token_hash: secret_hash(&secret),
        user: u.name,
        csrf: random_secret(),
        expires: chrono::Utc::now() + chrono::Duration::hours(SESSION_HOURS),
    })?;
    Ok(Some(secret))
}

/// Records a failed login; whether the name is now locked out.
pub fn failed(state: &AppState, name: &str) -> bool {
    let Ok(mut m) = state.failures.lock() else {
        return true;
    };
    let v = m.entry(name.to_string()).or_default();
    let now = Instant::now();
    v.retain(|t| now.duration_since(*t) < FAILURE_WINDOW);
    v.push(now);
    v.len() >= MAX_FAILURES
}

/// Whether a name is locked out by too many failed logins.
pub fn locked(state: &AppState, name: &str) -> bool {
    let Ok(m) = state.failures.lock() else {
        return true;
    };
    let now = Instant::now();
    m.get(name).is_some_and(|v| {
        v.iter()
            .filter(|t| now.duration_since(**t) < FAILURE_WINDOW)
            .count()
            >= MAX_FAILURES
    })
}

/// The user of an API request (`Authorization: Bearer TOKEN`), if the token is known: as a
/// session without cookie or CSRF token (the API changes nothing).
pub async fn api_user(
    state: &Arc<AppState>,
    headers: &HeaderMap,
) -> Result<Option<Session>, WebError> {
    let token = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_string());
    let Some(token) = token else {
        return Ok(None);
    };
    state
        .store(move |store, _| {
            let Some(name) = store.web_token_user(&secret_hash(&token))? else {
                return Ok(None);
            };
            Ok(store.web_user(&name)?.map(|u| Session {
                role: Role::parse(&u.role).unwrap_or(Role::Viewer),
                lang: lang_of(&u.lang),
                user: u.name,
                csrf: String::new(),
                cookie_hash: String::new(),
                local: false,
                department: u.department,
            }))
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_themselves() {
        let h = hash_password("correct horse").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password(&h, "correct horse"));
        assert!(!verify_password(&h, "correct horsE"));
        assert!(!verify_password("garbage", "x"));
    }

    #[test]
    fn constant_time_compare() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
    }

    #[test]
    fn cookies_are_read_by_name() {
        let mut h = HeaderMap::new();
        h.insert("cookie", "a=1; liaison_session=xyz; b=2".parse().unwrap());
        assert_eq!(cookie(&h, SESSION_COOKIE).as_deref(), Some("xyz"));
        assert_eq!(cookie(&h, "c"), None);
    }
}
