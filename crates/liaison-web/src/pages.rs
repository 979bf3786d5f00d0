//! The HTML pages: 今日待办, 协作列表, 协作详情, 撰写, 检查, 通讯录, 报表, and login.
//!
//! Every POST carries the session's `csrf_token` and is refused with 403 (nothing changed)
//! without it; every action that changes something needs a role that may act.

use crate::auth::{self, Role, Session};
use crate::render::render;
use crate::{AppState, WebError};
use axum::Router;
use axum::extract::{Form, Multipart, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{DateTime, FixedOffset};
use liaison_engine::views::{action_label, event_label, item_status, state_label};
use liaison_engine::{Action, Channel, DueAction};
use liaison_model::{Brief, BriefItem, Collaboration, Kind, Lang, Urgency};
use minijinja::context;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

const HTMX: &str = include_str!("../static/htmx.min.js");
const APP_JS: &str = include_str!("../static/app.js");
const APP_CSS: &str = include_str!("../static/app.css");

/// Due actions shown (drafted) per due page; the rest are counted, and paged through.
pub const DUE_SHOWN: usize = 50;

/// Rows per page of the collaboration list.
pub const PAGE_SIZE: usize = 50;

/// The compose form's POST routes, whose bodies may carry attachments up to
/// `max_upload_bytes` each (`[web] max_upload_bytes`).
pub fn compose_routes(max_upload_bytes: usize) -> Router<Arc<AppState>> {
    // Room for a few attachments of the largest size and the form's text.
    let limit = max_upload_bytes
        .saturating_mul(MAX_ATTACHMENTS)
        .saturating_add(1 << 20);
    Router::new()
        .route("/compose/preview", post(compose_preview))
        .route("/compose/eml", post(compose_eml))
        .route("/compose/send", post(compose_send))
        .route("/compose/draft", post(compose_draft))
        .layer(axum::extract::DefaultBodyLimit::max(limit))
}

/// The page routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route(
            "/static/htmx.min.js",
            get(|| async { asset(HTMX, "text/javascript") }),
        )
        .route(
            "/static/app.js",
            get(|| async { asset(APP_JS, "text/javascript") }),
        )
        .route(
            "/static/app.css",
            get(|| async { asset(APP_CSS, "text/css") }),
        )
        .route("/", get(|| async { Redirect::to("/due") }))
        .route("/login", get(login_page).post(login_post))
        .route("/logout", post(logout))
        .route("/lang", post(set_lang))
        .route("/due", get(due_page))
        .route("/due/send", post(due_send))
        .route("/due/draft", get(due_draft))
        .route("/due/dismiss", post(due_dismiss))
        .route("/collaborations", get(list_page))
        .route("/collaborations/{id}", get(detail_page))
        .route("/collaborations/{id}/mark", post(mark))
        .route("/collaborations/{id}/messages/{sha}", get(message_page))
        .route(
            "/collaborations/{id}/messages/{sha}/attachments/{n}",
            get(attachment),
        )
        .route("/compose", get(compose_page))
        .route("/lint", get(lint_page).post(lint_post))
        .route("/directory", get(directory_page))
        .route("/directory/import", post(directory_import))
}

fn asset(body: &'static str, ty: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, ty),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

/// Adds the security headers to every response (a strict CSP: scripts and styles only
/// from this server, no inline script, no framing) and logs the request.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let started = std::time::Instant::now();
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    tracing::info!(
        "{method} {path} {} {}µs",
        res.status().as_u16(),
        started.elapsed().as_micros()
    );
    res
}

/// A page's session, and the cookie to set when the local user's session was just made.
pub(crate) struct Viewer {
    pub(crate) session: Session,
    pub(crate) set_cookie: Option<String>,
}

fn lang_code(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

pub(crate) fn error_page(status: StatusCode, lang: Lang, msg: &str) -> Response {
    let body = render(
        "error.html",
        context! { lang => lang_code(lang), status => status.as_u16(), message => msg },
    )
    .unwrap_or_else(|e| e);
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

pub(crate) fn internal(lang: Lang, e: WebError) -> Response {
    tracing::error!("{e}");
    error_page(StatusCode::INTERNAL_SERVER_ERROR, lang, &e.to_string())
}

/// The session of a page request; a redirect to /login when there is none.
pub(crate) async fn viewer(state: &Arc<AppState>, headers: &HeaderMap) -> Result<Viewer, Response> {
    match auth::current(state, headers).await {
        Ok(Some(session)) => Ok(Viewer {
            session,
            set_cookie: None,
        }),
        Ok(None) => {
            let users = state.store(|s, _| crate::has_users(s)).await;
            match users {
                Ok(false) => {
                    let (secret, session) = auth::local_session(state);
                    Ok(Viewer {
                        session,
                        set_cookie: Some(auth::set_cookie(
                            auth::SESSION_COOKIE,
                            &secret,
                            auth::SESSION_HOURS * 3600,
                            state.config.secure_cookies,
                        )),
                    })
                }
                Ok(true) => Err(Redirect::to("/login").into_response()),
                Err(e) => Err(internal(state.config.lang, e)),
            }
        }
        Err(e) => Err(internal(state.config.lang, e)),
    }
}

/// The session of a POST with its CSRF token checked (403 otherwise), and, when `act`,
/// a role that may change things (403 otherwise).
pub(crate) async fn poster(
    state: &Arc<AppState>,
    headers: &HeaderMap,
    csrf: Option<&str>,
    act: bool,
) -> Result<Session, Response> {
    let lang = state.config.lang;
    let session = match auth::current(state, headers).await {
        Ok(Some(s)) => s,
        Ok(None) => {
            return Err(error_page(
                StatusCode::FORBIDDEN,
                lang,
                lang.pick("请先登录", "log in first"),
            ));
        }
        Err(e) => return Err(internal(lang, e)),
    };
    let ok = csrf.is_some_and(|c| auth::same(c, &session.csrf));
    if !ok {
        return Err(error_page(
            StatusCode::FORBIDDEN,
            session.lang,
            session.lang.pick(
                "表单缺少有效的 csrf_token，请求被拒绝（请刷新页面后重试）",
                "the form has no valid csrf_token; refused (reload the page and try again)",
            ),
        ));
    }
    if act && !session.role.can_act() {
        return Err(error_page(
            StatusCode::FORBIDDEN,
            session.lang,
            session.lang.pick(
                "只读用户（viewer）不能执行此操作",
                "a viewer cannot do this (read only)",
            ),
        ));
    }
    Ok(session)
}

pub(crate) fn page(v: &Viewer, name: &str, ctx: minijinja::Value) -> Response {
    let s = &v.session;
    let base = context! {
        lang => lang_code(s.lang),
        user => &s.user,
        role => s.role.id(),
        can_act => s.role.can_act(),
        is_admin => s.role == Role::Admin,
        local => s.local,
        csrf => &s.csrf,
    };
    let ctx = context! { ..ctx, ..base };
    let mut res = match render(name, ctx) {
        Ok(body) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response(),
        Err(e) => error_page(StatusCode::INTERNAL_SERVER_ERROR, s.lang, &e),
    };
    if let Some(c) = &v.set_cookie
        && let Ok(h) = HeaderValue::from_str(c)
    {
        res.headers_mut().append(header::SET_COOKIE, h);
    }
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

// ---------------------------------------------------------------- login

async fn login_page(State(state): State<Arc<AppState>>) -> Response {
    let csrf = auth::random_secret();
    let lang = state.config.lang;
    let body = render(
        "login.html",
        context! { lang => lang_code(lang), csrf => &csrf, failed => false, locked => false },
    )
    .unwrap_or_else(|e| e);
    let cookie = auth::set_cookie(
        auth::LOGIN_CSRF_COOKIE,
        &csrf,
        3600,
        state.config.secure_cookies,
    );
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8".to_string()),
            (header::SET_COOKIE, cookie),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

/// The login form.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    /// Login name.
    #[serde(default)]
    pub username: String,
    /// Password.
    #[serde(default)]
    pub password: String,
    /// The form's CSRF token (equal to the login CSRF cookie).
    pub csrf_token: Option<String>,
}

async fn login_post(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> Response {
    let lang = state.config.lang;
    let cookie = auth::cookie(&headers, auth::LOGIN_CSRF_COOKIE);
    let ok = match (&cookie, &f.csrf_token) {
        (Some(c), Some(t)) => auth::same(c, t),
        _ => false,
    };
    if !ok {
        return error_page(
            StatusCode::FORBIDDEN,
            lang,
            lang.pick(
                "登录表单缺少有效的 csrf_token（请重新打开登录页）",
                "the login form has no valid csrf_token (open the login page again)",
            ),
        );
    }
    let again = |failed: bool, locked: bool, status: StatusCode| {
        let csrf = auth::random_secret();
        let body = render(
            "login.html",
            context! { lang => lang_code(lang), csrf => &csrf, failed => failed, locked => locked,
            username => &f.username },
        )
        .unwrap_or_else(|e| e);
        (
            status,
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8".to_string()),
                (
                    header::SET_COOKIE,
                    auth::set_cookie(
                        auth::LOGIN_CSRF_COOKIE,
                        &csrf,
                        3600,
                        state.config.secure_cookies,
                    ),
                ),
            ],
            body,
        )
            .into_response()
    };
    if auth::locked(&state, &f.username) {
        return again(false, true, StatusCode::TOO_MANY_REQUESTS);
    }
    let (name, pw) = (f.username.clone(), f.password.clone());
    match state.store(move |s, _| auth::login(s, &name, &pw)).await {
        Ok(Some(secret)) => {
            let c = auth::set_cookie(
                auth::SESSION_COOKIE,
                &secret,
                auth::SESSION_HOURS * 3600,
                state.config.secure_cookies,
            );
            ([(header::SET_COOKIE, c)], Redirect::to("/due")).into_response()
        }
        Ok(None) => {
            let locked = auth::failed(&state, &f.username);
            again(
                true,
                locked,
                if locked {
                    StatusCode::TOO_MANY_REQUESTS
                } else {
                    StatusCode::UNAUTHORIZED
                },
            )
        }
        Err(e) => internal(lang, e),
    }
}

/// A form that carries only its CSRF token.
#[derive(Debug, Deserialize)]
pub struct CsrfForm {
    /// The session's CSRF token.
    pub csrf_token: Option<String>,
    /// `zh` or `en` (for /lang).
    pub lang: Option<String>,
}

async fn logout(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Form(f): Form<CsrfForm>,
) -> Response {
    let s = match poster(&state, &headers, f.csrf_token.as_deref(), false).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let h = s.cookie_hash.clone();
    if let Err(e) = state
        .store(move |st, _| Ok(st.web_session_delete(&h)?))
        .await
    {
        return internal(s.lang, e);
    }
    (
        [(
            header::SET_COOKIE,
            auth::set_cookie(auth::SESSION_COOKIE, "", 0, state.config.secure_cookies),
        )],
        Redirect::to("/login"),
    )
        .into_response()
}

async fn set_lang(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Form(f): Form<CsrfForm>,
) -> Response {
    let s = match poster(&state, &headers, f.csrf_token.as_deref(), false).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let lang = if f.lang.as_deref() == Some("en") {
        Lang::En
    } else {
        Lang::Zh
    };
    if s.local {
        if let Ok(mut m) = state.local_sessions.lock()
            && let Some(ls) = m.get_mut(&s.cookie_hash)
        {
            ls.lang = lang;
        }
    } else {
        let user = s.user.clone();
        let r = state
            .store(move |st, _| {
                if let Some(mut u) = st.web_user(&user)? {
                    u.lang = lang_code(lang).into();
                    st.web_user_put(&u)?;
                }
                Ok(())
            })
            .await;
        if let Err(e) = r {
            return internal(s.lang, e);
        }
    }
    let back = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.find("://").map(|i| &r[i + 3..]))
        .and_then(|r| r.find('/').map(|i| r[i..].to_string()))
        .unwrap_or_else(|| "/due".into());
    Redirect::to(&back).into_response()
}

// ---------------------------------------------------------------- due

/// `?now=RFC3339` for the due page (tests and demos plan at a fixed instant).
#[derive(Debug, Deserialize)]
pub struct NowQuery {
    /// The instant.
    pub now: Option<String>,
    /// Only the list (for htmx polling).
    #[serde(default)]
    pub fragment: bool,
    /// Where a due page starts: `MICROS|ID` of the previous page's last action.
    pub after: Option<String>,
    /// Actions per due page (1–200; default [`DUE_SHOWN`]).
    pub per: Option<usize>,
}

fn now_of(state: &AppState, q: Option<&str>) -> DateTime<FixedOffset> {
    q.and_then(|s| DateTime::parse_from_rfc3339(s.trim()).ok())
        .unwrap_or_else(|| state.config.now())
}

fn dismiss_key(a: &DueAction) -> String {
    format!(
        "web.dismissed.{}.{}.{}",
        a.collaboration,
        a.action.id(),
        a.due_at.timestamp()
    )
}

fn urgent(c: Option<&Collaboration>) -> bool {
    c.and_then(|c| c.urgency.as_ref())
        .is_some_and(|u| matches!(u, Urgency::Urgent | Urgency::Today))
}

/// Reads a due page key `MICROS|ID` (the last row of the previous page).
fn due_key(s: &str) -> Option<(i64, String)> {
    let (d, c) = s.split_once('|')?;
    Some((d.parse().ok()?, c.to_string()))
}

/// Whether the session may see `c` (an admin, or a user without a department, sees all).
pub(crate) fn may_see(
    st: &AppState,
    s: &Session,
    c: &Collaboration,
    dir: &liaison_model::Directory,
) -> bool {
    s.scope(st.config.web.members_see_all)
        .is_none_or(|d| crate::in_department(c, d, dir))
}

/// How many rows a department-confined due page reads at most (its count is then a
/// lower bound): a member's department is a small part of a large backlog.
const SCOPED_SCAN: usize = 4000;

/// One due page: the total, the late total, this page's actions with their
/// collaborations (dismissed ones left out), the next key, whether the total is exact, and
/// how many dismissed actions were passed over.
struct DueView {
    due: usize,
    overdue: usize,
    rows: Vec<(DueAction, Option<Collaboration>)>,
    next: Option<(i64, String)>,
    exact: bool,
    dismissed: usize,
}

/// How many store pages one due page reads at most while passing over dismissed actions.
const DUE_READS: usize = 20;

/// How long a count of due actions is reused: counting reads one index entry per due
/// action (10^5 of them cost a few hundred milliseconds), and the title may lag this long
/// behind another process's writes. Replans seen by this server recount at once.
pub const DUE_COUNT_TTL: std::time::Duration = std::time::Duration::from_secs(10);

/// The count of actions due at `at` (microseconds), reused for [`DUE_COUNT_TTL`] unless
/// `stale` (plans were just rewritten).
pub(crate) fn due_count(
    s: &mut dyn liaison_store::Store,
    st: &AppState,
    at: i64,
    stale: bool,
) -> Result<liaison_store::PlanCount, WebError> {
    // One count at a time: requests arriving while it runs reuse it instead of counting
    // the same rows side by side.
    let _one = st.counting.lock();
    let cached = st.due_count.lock().ok().and_then(|c| {
        // The clock moves on between requests: an instant within the TTL of the counted
        // one is the same for this purpose.
        let ttl = DUE_COUNT_TTL.as_micros() as i64;
        c.filter(|(a, when, _)| !stale && (at - *a).abs() < ttl && when.elapsed() < DUE_COUNT_TTL)
            .map(|(_, _, n)| n)
    });
    if let Some(n) = cached {
        return Ok(n);
    }
    let n = s.plans_due_count(at)?;
    if let Ok(mut c) = st.due_count.lock() {
        *c = Some((at, std::time::Instant::now(), n));
    }
    Ok(n)
}

fn due_view(
    s: &mut dyn liaison_store::Store,
    st: &AppState,
    session: &Session,
    now: DateTime<FixedOffset>,
    after: Option<(i64, String)>,
    per: usize,
) -> Result<DueView, WebError> {
    let lang = session.lang;
    let dir = st.directory();
    let cx = crate::api::plan_context(st, &dir, now, lang);
    match session.scope(st.config.web.members_see_all) {
        None => {
            // The count and one page from the store; the other rows are never decoded.
            // Dismissed actions are passed over, reading on (a bounded number of pages)
            // until the page is full.
            let planned = liaison_engine::plans::refresh(s, &cx)?;
            let count = due_count(s, st, now.timestamp_micros(), planned > 0)?;
            let mut rows = Vec::with_capacity(per);
            let mut cache: HashMap<String, Option<Collaboration>> = HashMap::new();
            let mut key = after;
            let mut dismissed = 0;
            let mut next = None;
            for _ in 0..DUE_READS {
                let (actions, after_page) = liaison_engine::plans::due_rows(
                    s,
                    &cx,
                    key.as_ref().map(|(d, c)| (*d, c.as_str())),
                    per - rows.len().min(per - 1),
                )?;
                for a in actions {
                    if s.meta(&dismiss_key(&a))?.is_some() {
                        dismissed += 1;
                        continue;
                    }
                    if !cache.contains_key(&a.collaboration) {
                        let c = s.collaboration(&a.collaboration)?;
                        cache.insert(a.collaboration.clone(), c);
                    }
                    let c = cache.get(&a.collaboration).cloned().flatten();
                    rows.push((a, c));
                }
                next = after_page;
                if rows.len() >= per || next.is_none() {
                    break;
                }
                key = next.clone();
            }
            Ok(DueView {
                due: count.due,
                overdue: count.overdue,
                rows,
                next,
                exact: true,
                dismissed,
            })
        }
        Some(dept) => {
            // Only this department's: read pages in order and keep the visible actions,
            // over at most SCOPED_SCAN rows.
            let mut key = after;
            let mut cache: HashMap<String, Option<Collaboration>> = HashMap::new();
            let (mut due, mut overdue, mut scanned, mut dismissed) = (0, 0, 0, 0);
            let mut rows = Vec::new();
            let mut next = None;
            let mut exact = true;
            loop {
                let p = liaison_engine::plans::due_page(
                    s,
                    &cx,
                    key.as_ref().map(|(d, c)| (*d, c.as_str())),
                    200,
                )?;
                scanned += p.actions.len();
                for a in p.actions {
                    if !cache.contains_key(&a.collaboration) {
                        let c = s
                            .collaboration(&a.collaboration)?
                            .filter(|c| crate::in_department(c, dept, &dir));
                        cache.insert(a.collaboration.clone(), c);
                    }
                    let Some(c) = cache.get(&a.collaboration).cloned().flatten() else {
                        continue;
                    };
                    if s.meta(&dismiss_key(&a))?.is_some() {
                        dismissed += 1;
                        continue;
                    }
                    due += 1;
                    if a.overdue {
                        overdue += 1;
                    }
                    // A page ends after `per` actions, at the end of a collaboration's
                    // group, so the next page starts with a whole one.
                    let same_group = rows.last().is_some_and(|(l, _): &(DueAction, _)| {
                        l.due_at == a.due_at && l.collaboration == a.collaboration
                    });
                    if rows.len() < per || (same_group && next.is_none()) {
                        rows.push((a, Some(c)));
                    } else if next.is_none() {
                        next = rows
                            .last()
                            .map(|(l, _)| (l.due_at.timestamp_micros(), l.collaboration.clone()));
                    }
                }
                match p.next {
                    Some(k) if scanned < SCOPED_SCAN => key = Some(k),
                    Some(k) => {
                        exact = false;
                        if next.is_none() {
                            next = rows
                                .last()
                                .map(|(l, _)| {
                                    (l.due_at.timestamp_micros(), l.collaboration.clone())
                                })
                                .or(Some(k));
                        }
                        break;
                    }
                    None => break,
                }
            }
            // Dismissed ones are not counted here: the count is of what is shown.
            let _ = dismissed;
            Ok(DueView {
                due,
                overdue,
                rows,
                next,
                exact,
                dismissed: 0,
            })
        }
    }
}

async fn due_page(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<NowQuery>,
) -> Response {
    let v = match viewer(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let lang = v.session.lang;
    let now = now_of(&state, q.now.as_deref());
    let after = q.after.as_deref().and_then(due_key);
    let paged = after.is_some();
    let per = q.per.unwrap_or(DUE_SHOWN).clamp(1, 200);
    let fixed = q.now.is_some();
    let session = v.session.clone();
    let r = state
        .store(move |s, st| {
            let view = due_view(s, st, &session, now, after, per)?;
            let mut shown = Vec::new();
            for (a, c) in view.rows {
                let group = if a.overdue {
                    "overdue"
                } else if urgent(c.as_ref()) {
                    "urgent"
                } else {
                    "normal"
                };
                // The mail is drafted when its row is opened (GET /due/draft): drafting every
                // row of a page would cost more than the rest of the page together.
                let mailable = a.action != Action::Archive && c.is_some();
                shown.push((
                    group,
                    context! {
                        collaboration => &a.collaboration,
                        subject => &a.subject,
                        action => a.action.id(),
                        action_label => action_label(lang, a.action),
                        due_at => a.due_at.format("%Y-%m-%d %H:%M").to_string(),
                        due_at_rfc => a.due_at.to_rfc3339(),
                        overdue => a.overdue,
                        to => a.to.join(lang.pick("、", ", ")),
                        cc => a.cc.join(lang.pick("、", ", ")),
                        chat => a.channel == Channel::Chat,
                        reason => &a.reason,
                        mailable => mailable,
                        draft_url => format!(
                            "/due/draft?collaboration={}&action={}&due_at={}{}",
                            pct(&a.collaboration),
                            a.action.id(),
                            pct(&a.due_at.to_rfc3339()),
                            if fixed { format!("&now={}", pct(&now.to_rfc3339())) } else { String::new() }
                        ),
                    },
                ));
            }
            // Dismissals are counted where they are seen (this page): the count is of the
            // stored plans, and a dismissal is a mark on one action.
            let count = view.due.saturating_sub(view.dismissed);
            let groups: Vec<minijinja::Value> = ["overdue", "urgent", "normal"]
                .iter()
                .map(|g| {
                    let items: Vec<&minijinja::Value> = shown
                        .iter()
                        .filter(|(rg, _)| rg == g)
                        .map(|(_, r)| r)
                        .collect();
                    context! { id => g, rows => items, total => items.len() }
                })
                .collect();
            Ok((
                groups,
                shown.len(),
                count,
                view.overdue,
                view.next,
                view.exact,
            ))
        })
        .await;
    let (groups, shown, count, overdue, next, exact) = match r {
        Ok(r) => r,
        Err(e) => return internal(lang, e),
    };
    let mut params: Vec<(String, String)> = Vec::new();
    if let Some(n) = &q.now {
        params.push(("now".into(), n.clone()));
    }
    if let Some(p) = q.per {
        params.push(("per".into(), p.to_string()));
    }
    let first_url = format!("/due?{}", encode_query(&params));
    let next_url = next.map(|(d, c)| {
        let mut p = params.clone();
        p.push(("after".into(), format!("{d}|{c}")));
        format!("/due?{}", encode_query(&p))
    });
    let name = if q.fragment {
        "due_list.html"
    } else {
        "due.html"
    };
    let count_label = if exact {
        count.to_string()
    } else {
        format!("{count}+")
    };
    page(
        &v,
        name,
        context! { nav => "due", count => count, count_label => count_label, shown => shown,
        overdue_total => overdue, groups => groups, next_url => next_url, paged => paged,
        first_url => first_url,
        now => now.to_rfc3339(), now_q => q.now.is_some(), now_enc => q.now.as_deref().map(pct),
        after_enc => q.after.as_deref().map(pct), per_q => q.per, fixed => q.now.is_some() },
    )
}

/// The mail that carries out a due action: a 跟进提醒 / 进度同步 / 问题升级 / 成果确认 /
/// 复盘 composed from the collaboration (its open items, its owner as sender).
fn draft_for(
    st: &AppState,
    a: &DueAction,
    c: Option<&Collaboration>,
    lang: Lang,
    now: DateTime<FixedOffset>,
) -> Result<liaison_compose::ComposedMail, String> {
    // A mail is drafted whatever channel the planner suggests: chat is a suggestion when
    // the directory has a handle, and mail always reaches the person.
    let c = c.ok_or("no collaboration")?;
    let kind = match a.action {
        Action::Nudge => Kind::Nudge,
        Action::Sync => Kind::ProgressSync,
        Action::Escalate => Kind::Escalation,
        Action::Confirm => Kind::Confirmation,
        Action::Retro => Kind::Retrospective,
        Action::Archive => return Err("archive".into()),
    };
    let dir = st.directory();
    let departments: Vec<String> =
        a.to.iter()
            .filter_map(|e| dir.person(e).map(|p| p.department.clone()))
            .fold(Vec::new(), |mut v, d| {
                if !v.contains(&d) {
                    v.push(d);
                }
                v
            });
    let items: Vec<BriefItem> = c
        .items
        .iter()
        .filter(|i| matches!(item_status(i, now), "open" | "overdue"))
        .map(|i| BriefItem {
            what: i.what.clone(),
            owner: i.owner.clone().unwrap_or_default(),
            due: i.due_text.clone().unwrap_or_else(|| {
                i.promised
                    .or(i.due)
                    .map(|d| d.format("%-m月%-d日%H:%M前").to_string())
                    .unwrap_or_default()
            }),
            standard: i.standard.clone().unwrap_or_default(),
        })
        .collect();
    let purpose = match (kind, lang) {
        (Kind::Nudge, Lang::Zh) => format!("特此提醒{}的待确认事项，请尽快确认进展", c.project),
        (Kind::Nudge, Lang::En) => format!("A reminder of the open points of {}", c.project),
        (_, Lang::Zh) => format!("特此就{}同步{}", c.project, action_label(lang, a.action)),
        (_, Lang::En) => format!("About {}: {}", c.project, action_label(lang, a.action)),
    };
    let brief = Brief {
        kind,
        project: c.project.clone(),
        departments,
        urgency: c.urgency.clone().unwrap_or(Urgency::Normal),
        from: c.owner.clone(),
        to: a.to.clone(),
        cc: a.cc.clone(),
        purpose,
        background: a.reason.clone(),
        goal: String::new(),
        items,
        outcome: None,
        attachments: vec![],
        reply_by: None,
        next_step: None,
        en: None,
    };
    liaison_compose::compose(
        &brief,
        &dir,
        &st.config.templates,
        lang,
        now,
        &st.config.domain,
        &[],
    )
    .map_err(|e| e.to_string())
}

/// The due page's send and dismiss forms.
#[derive(Debug, Deserialize)]
pub struct DueForm {
    /// The session's CSRF token.
    pub csrf_token: Option<String>,
    /// The collaboration.
    #[serde(default)]
    pub collaboration: String,
    /// The action id.
    #[serde(default)]
    pub action: String,
    /// When it was due (RFC 3339).
    #[serde(default)]
    pub due_at: String,
    /// The instant the page was planned at.
    pub now: Option<String>,
}

/// Finds the due action a form names, planned again now (only its collaboration's group
/// of the stored plans is read), with its collaboration; `None` when it is no longer due or
/// the session may not see it.
fn find_action(
    s: &mut dyn liaison_store::Store,
    st: &AppState,
    session: &Session,
    f: &DueForm,
    now: DateTime<FixedOffset>,
) -> Result<Option<(DueAction, Option<Collaboration>)>, WebError> {
    let Ok(due_at) = DateTime::parse_from_rfc3339(&f.due_at) else {
        return Ok(None);
    };
    let dir = st.directory();
    let cx = crate::api::plan_context(st, &dir, now, session.lang);
    let group =
        liaison_engine::plans::due_group(s, &cx, due_at.timestamp_micros(), &f.collaboration)?;
    let Some(a) = group.into_iter().find(|a| a.action.id() == f.action) else {
        return Ok(None);
    };
    let c = s.collaboration(&a.collaboration)?;
    if c.as_ref().is_some_and(|c| !may_see(st, session, c, &dir)) {
        return Ok(None);
    }
    Ok(Some((a, c)))
}

/// `GET /due/draft?collaboration=&action=&due_at=&now=`: the drafted mail of one due
/// action (an htmx fragment, loaded when its row is opened).
async fn due_draft(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(f): Query<DueForm>,
) -> Response {
    let v = match viewer(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let lang = v.session.lang;
    let now = now_of(&state, f.now.as_deref());
    let session = v.session.clone();
    let r = state
        .store(move |st, app| {
            let Some((a, c)) = find_action(st, app, &session, &f, now)? else {
                return Ok(None);
            };
            Ok(Some(
                draft_for(app, &a, c.as_ref(), lang, now).map(|m| m.draft(lang)),
            ))
        })
        .await;
    match r {
        Ok(Some(Ok(draft))) => page(&v, "due_draft.html", context! { draft => draft }),
        Ok(Some(Err(e))) => error_page(StatusCode::UNPROCESSABLE_ENTITY, lang, &e),
        Ok(None) => error_page(
            StatusCode::NOT_FOUND,
            lang,
            lang.pick("该待办已不存在", "that action is no longer due"),
        ),
        Err(e) => internal(lang, e),
    }
}

async fn due_dismiss(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Form(f): Form<DueForm>,
) -> Response {
    let s = match poster(&state, &headers, f.csrf_token.as_deref(), true).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let now = now_of(&state, f.now.as_deref());
    let lang = s.lang;
    let r = state
        .store(move |st, app| {
            let Some((a, _)) = find_action(st, app, &s, &f, now)? else {
                return Ok(false);
            };
            st.set_meta(&dismiss_key(&a), &chrono::Utc::now().to_rfc3339())?;
            Ok(true)
        })
        .await;
    match r {
        Ok(true) => redirect_due(&headers),
        Ok(false) => error_page(
            StatusCode::NOT_FOUND,
            lang,
            lang.pick("该待办已不存在", "that action is no longer due"),
        ),
        Err(e) => internal(lang, e),
    }
}

fn redirect_due(headers: &HeaderMap) -> Response {
    let back = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.find("/due").map(|i| r[i..].to_string()))
        .unwrap_or_else(|| "/due".into());
    Redirect::to(&back).into_response()
}

/// What a send did, shown to the user.
#[derive(Debug, serde::Serialize)]
struct SendResult {
    message_id: String,
    state: String,
    note: String,
}

/// Queues `eml` in the outbox for `origin` and sends it when SMTP is configured.
fn send_eml(
    store: &mut dyn liaison_store::Store,
    st: &AppState,
    eml: &[u8],
    origin: liaison_engine::outbox::Origin,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<SendResult, String> {
    use liaison_engine::outbox;
    let p = outbox::prepare(eml, now, &st.config.domain).map_err(|e| e.to_string())?;
    outbox::enqueue(store, &p, &origin, false, now, false).map_err(|e| e.to_string())?;
    let Some(factory) = &st.config.smtp else {
        return Ok(SendResult {
            message_id: p.message_id,
            state: "queued".into(),
            note: lang
                .pick(
                    "已放入发件箱（未配置 [smtp]，用 liaison outbox send 发送）",
                    "queued in the outbox ([smtp] is not configured; send it with liaison outbox send)",
                )
                .into(),
        });
    };
    let mut smtp = factory()?;
    let reports = outbox::send_many(
        store,
        &st.config.tracker,
        &mut smtp,
        None,
        std::slice::from_ref(&p.message_id),
        &[liaison_store::OutboxState::Queued],
        now,
        &st.config.send_options,
    )
    .map_err(|e| e.to_string())?;
    smtp.quit();
    let state = store
        .outbox_get(&p.message_id)
        .ok()
        .flatten()
        .map(|e| e.state.as_str().to_string())
        .unwrap_or_default();
    Ok(SendResult {
        message_id: p.message_id,
        state,
        note: reports
            .first()
            .map(|r| format!("{:?}", r.outcome))
            .unwrap_or_default(),
    })
}

async fn due_send(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Form(f): Form<DueForm>,
) -> Response {
    let s = match poster(&state, &headers, f.csrf_token.as_deref(), true).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let now = now_of(&state, f.now.as_deref());
    let lang = s.lang;
    let r = state
        .store(move |st, app| {
            let Some((a, c)) = find_action(st, app, &s, &f, now)? else {
                return Ok(Err(None));
            };
            let mail = match draft_for(app, &a, c.as_ref(), lang, now) {
                Ok(m) => m,
                Err(e) => return Ok(Err(Some(e))),
            };
            let origin = liaison_engine::outbox::Origin {
                collaboration: Some(a.collaboration.clone()),
                action: Some(a.action.id().into()),
            };
            let r = send_eml(st, app, &mail.eml, origin, now, lang);
            if r.is_ok() {
                st.set_meta(&dismiss_key(&a), &chrono::Utc::now().to_rfc3339())?;
            }
            Ok(r.map_err(Some))
        })
        .await;
    match r {
        Ok(Ok(_)) => redirect_due(&headers),
        // Not due (any more), or another department's: as for dismiss.
        Ok(Err(None)) => error_page(
            StatusCode::NOT_FOUND,
            lang,
            lang.pick("该待办已不存在", "that action is no longer due"),
        ),
        Ok(Err(Some(msg))) => error_page(StatusCode::UNPROCESSABLE_ENTITY, lang, &msg),
        Err(e) => internal(lang, e),
    }
}

// ---------------------------------------------------------------- list

/// The list page's filters.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    /// State id.
    pub state: Option<String>,
    /// Kind id.
    pub kind: Option<String>,
    /// Department (in the subject, or of a counterpart in the directory).
    pub department: Option<String>,
    /// Owner address.
    pub owner: Option<String>,
    /// Only collaborations with an overdue item.
    pub overdue: Option<String>,
    /// Text in the subject.
    pub q: Option<String>,
    /// `newest` (default) or `oldest`.
    pub sort: Option<String>,
    /// Where the page starts: `STARTED|ID` of the previous page's last row.
    pub after: Option<String>,
    /// Include archived collaborations.
    pub all: Option<String>,
    /// The instant statuses are computed at.
    pub now: Option<String>,
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

async fn list_page(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Response {
    let v = match viewer(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let lang = v.session.lang;
    let now = now_of(&state, q.now.as_deref());
    let newest = q.sort.as_deref() != Some("oldest");
    let base = liaison_store::PageQuery {
        state: nonempty(&q.state),
        hide_archived: q.all.is_none(),
        kind: nonempty(&q.kind),
        owner: nonempty(&q.owner),
        text: nonempty(&q.q),
        newest_first: newest,
        after: q.after.as_deref().and_then(|a| {
            a.split_once('|').map(|(s, i)| liaison_store::PageKey {
                started_utc: s.into(),
                id: i.into(),
            })
        }),
        limit: PAGE_SIZE,
    };
    let department = nonempty(&q.department);
    let scope = v
        .session
        .scope(state.config.web.members_see_all)
        .map(str::to_string);
    let overdue = q.overdue.is_some();
    let r = state
        .store(move |s, st| {
            let dir = st.directory();
            let mut query = base;
            let mut rows = Vec::new();
            let mut next = None;
            // Filters the SQL cannot see (department via the directory, overdue items, the
            // member's own department) are applied here over a bounded number of batches,
            // so a page never scans the whole table.
            let post = department.is_some() || overdue || scope.is_some();
            if post {
                query.limit = 200;
            }
            for _ in 0..20 {
                let batch = s.collaboration_page(&query)?;
                let full = batch.len() == query.limit;
                for p in batch {
                    let c = &p.collaboration;
                    next = Some(p.key.clone());
                    if let Some(d) = &department
                        && !crate::in_department(c, d, &dir)
                    {
                        continue;
                    }
                    if let Some(d) = &scope
                        && !crate::in_department(c, d, &dir)
                    {
                        continue;
                    }
                    if overdue && !c.items.iter().any(|i| item_status(i, now) == "overdue") {
                        continue;
                    }
                    rows.push(row_of(c, now, lang));
                    if rows.len() == PAGE_SIZE {
                        break;
                    }
                }
                if rows.len() == PAGE_SIZE || !full {
                    if !full && rows.len() < PAGE_SIZE {
                        next = None;
                    }
                    break;
                }
                query.after = next.clone();
            }
            Ok((rows, next))
        })
        .await;
    let (rows, next) = match r {
        Ok(r) => r,
        Err(e) => return internal(lang, e),
    };
    let next = next
        .filter(|_| rows.len() == PAGE_SIZE)
        .map(|k| format!("{}|{}", k.started_utc, k.id));
    let mut params: Vec<(String, String)> = Vec::new();
    for (k, val) in [
        ("state", &q.state),
        ("kind", &q.kind),
        ("department", &q.department),
        ("owner", &q.owner),
        ("overdue", &q.overdue),
        ("q", &q.q),
        ("sort", &q.sort),
        ("all", &q.all),
        ("now", &q.now),
    ] {
        if let Some(x) = nonempty(val) {
            params.push((k.into(), x));
        }
    }
    let next_url = next.map(|n| {
        let mut p = params.clone();
        p.push(("after".into(), n));
        format!("/collaborations?{}", encode_query(&p))
    });
    let states: Vec<minijinja::Value> = [
        "draft",
        "sent",
        "acknowledged",
        "in-progress",
        "delivered",
        "confirmed",
        "reviewed",
        "archived",
    ]
    .iter()
    .map(|s| context! { id => s, label => state_label(lang, s) })
    .collect();
    let kinds: Vec<minijinja::Value> = Kind::ALL
        .iter()
        .map(|k| context! { id => k.id(), label => lang.pick(k.tag(), k.tag_en()) })
        .collect();
    let departments: Vec<String> = state
        .directory()
        .departments
        .iter()
        .map(|d| d.name.clone())
        .collect();
    page(
        &v,
        "list.html",
        context! { nav => "list", rows => rows, next_url => next_url, states => states,
        kinds => kinds, departments => departments,
        f => context! { state => q.state, kind => q.kind, department => q.department,
                        owner => q.owner, overdue => q.overdue.is_some(), q => q.q,
                        sort => q.sort.unwrap_or_else(|| "newest".into()),
                        all => q.all.is_some() },
        paged => q.after.is_some() },
    )
}

fn encode_query(p: &[(String, String)]) -> String {
    p.iter()
        .map(|(k, v)| format!("{}={}", k, pct(v)))
        .collect::<Vec<_>>()
        .join("&")
}

pub(crate) fn pct(s: &str) -> String {
    let mut o = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            o.push(b as char);
        } else {
            o.push_str(&format!("%{b:02X}"));
        }
    }
    o
}

fn row_of(c: &Collaboration, now: DateTime<FixedOffset>, lang: Lang) -> minijinja::Value {
    let overdue = c
        .items
        .iter()
        .filter(|i| item_status(i, now) == "overdue")
        .count();
    let next_due = c
        .items
        .iter()
        .filter(|i| matches!(item_status(i, now), "open" | "overdue"))
        .filter_map(|i| i.promised.or(i.due))
        .min()
        .map(|d| d.format("%m-%d %H:%M").to_string());
    context! {
        id => &c.id,
        subject => &c.subject,
        kind => lang.pick(c.kind.tag(), c.kind.tag_en()),
        state => c.state.id(),
        state_label => state_label(lang, c.state.id()),
        owner => &c.owner,
        counterparts => c.counterparts.join(lang.pick("、", ", ")),
        started => c.started.format("%Y-%m-%d").to_string(),
        items => c.items.len(),
        overdue => overdue,
        next_due => next_due,
    }
}

// ---------------------------------------------------------------- detail

async fn detail_page(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<NowQuery>,
) -> Response {
    let v = match viewer(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let lang = v.session.lang;
    let now = now_of(&state, q.now.as_deref());
    let session = v.session.clone();
    let r = state
        .store(move |s, st| {
            let Some(c) = s.collaboration(&id)? else {
                return Ok(None);
            };
            if !may_see(st, &session, &c, &st.directory()) {
                return Ok(None);
            }
            // The stored messages of the timeline, to open and to download from.
            let mut shas: HashMap<String, String> = HashMap::new();
            let keys: Vec<String> = c
                .events
                .iter()
                .filter_map(|e| e.message_id.as_ref().map(|m| format!("mid:{m}")))
                .collect();
            for hit in s.messages_by_key(&keys, &[liaison_store::KeyRole::Own])? {
                shas.insert(hit.key.trim_start_matches("mid:").to_string(), hit.sha256);
            }
            Ok(Some((c, shas)))
        })
        .await;
    let (c, shas) = match r {
        Ok(Some(x)) => x,
        Ok(None) => {
            return error_page(
                StatusCode::NOT_FOUND,
                lang,
                lang.pick("没有这个协作", "no such collaboration"),
            );
        }
        Err(e) => return internal(lang, e),
    };
    let norm = liaison_anatomy::subject::normalize(&c.subject);
    let _ = norm;
    let (stripped, _, _) = liaison_anatomy::subject::strip_prefixes(&c.subject);
    let layout = liaison_anatomy::subject::layout(&stripped, |s| Urgency::parse(s).is_some());
    let part =
        |r: Option<(usize, usize)>| r.and_then(|(a, b)| stripped.get(a..b)).map(str::to_string);
    let departments: Vec<String> = layout
        .departments
        .iter()
        .filter_map(|r| part(Some(*r)))
        .collect();
    let items: Vec<minijinja::Value> = c
        .items
        .iter()
        .enumerate()
        .map(|(n, i)| {
            let st = item_status(i, now);
            context! {
                n => n + 1,
                what => &i.what,
                owner => &i.owner,
                due => i.due.map(|d| d.format("%Y-%m-%d %H:%M").to_string()),
                due_text => &i.due_text,
                promised => i.promised.map(|d| d.format("%Y-%m-%d %H:%M").to_string()),
                standard => &i.standard,
                status => st,
                status_label => state_label(lang, st),
            }
        })
        .collect();
    let events: Vec<minijinja::Value> = c
        .events
        .iter()
        .map(|e| {
            let sha = e.message_id.as_ref().and_then(|m| shas.get(m));
            context! {
                at => e.at.format("%Y-%m-%d %H:%M").to_string(),
                kind => event_label(lang, e.kind),
                actor => &e.actor,
                detail => &e.detail,
                item => e.item.map(|i| i + 1),
                sha => sha,
            }
        })
        .collect();
    page(
        &v,
        "detail.html",
        context! { nav => "list", c => context! {
            id => &c.id, subject => &c.subject, kind => lang.pick(c.kind.tag(), c.kind.tag_en()),
            project => part(layout.project).unwrap_or_else(|| c.project.clone()),
            departments => departments,
            urgency => part(layout.urgency),
            owner => &c.owner, counterparts => &c.counterparts, cc => &c.cc,
            started => c.started.format("%Y-%m-%d %H:%M").to_string(),
            state => c.state.id(), state_label => state_label(lang, c.state.id()),
        }, items => items, events => events,
        marks => ["delivered", "confirmed", "disputed", "dropped"],
        forms => crate::actions::form_links(lang),
        delivered => c.items.iter().any(|i| matches!(i.status,
            liaison_model::ItemStatus::Delivered | liaison_model::ItemStatus::Confirmed)) },
    )
}

/// `POST /collaborations/ID/mark`.
#[derive(Debug, Deserialize)]
pub struct MarkForm {
    /// The session's CSRF token.
    pub csrf_token: Option<String>,
    /// delivered, confirmed, disputed or dropped.
    #[serde(default)]
    pub mark: String,
    /// The item (1-based), or empty for all.
    pub item: Option<String>,
}

async fn mark(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<MarkForm>,
) -> Response {
    let s = match poster(&state, &headers, f.csrf_token.as_deref(), true).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let lang = s.lang;
    let m = match f.mark.as_str() {
        "delivered" => liaison_engine::Mark::Delivered,
        "confirmed" => liaison_engine::Mark::Confirmed,
        "disputed" => liaison_engine::Mark::Disputed,
        "dropped" => liaison_engine::Mark::Dropped,
        other => {
            return error_page(
                StatusCode::BAD_REQUEST,
                lang,
                &format!(
                    "mark={other:?}: {}",
                    lang.pick(
                        "应为 delivered、confirmed、disputed 或 dropped",
                        "expected delivered, confirmed, disputed or dropped"
                    )
                ),
            );
        }
    };
    let item = f
        .item
        .as_deref()
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .map(|i| i.parse::<usize>());
    let item = match item {
        None => None,
        Some(Ok(n)) if n >= 1 => Some(n - 1),
        Some(_) => {
            return error_page(
                StatusCode::BAD_REQUEST,
                lang,
                lang.pick("事项编号无效", "bad item number"),
            );
        }
    };
    let now = state.config.now();
    let cid = id.clone();
    let r = state
        .store(move |st, app| {
            let Some(c) = st.collaboration(&cid)? else {
                return Ok(false);
            };
            if !may_see(app, &s, &c, &app.directory()) {
                return Ok(false);
            }
            if item.is_some_and(|n| n >= c.items.len()) {
                return Ok(false);
            }
            let event = m.event(now, item);
            st.record_manual(&c.id, &event)?;
            liaison_engine::track_pending(st, &app.config.tracker)
                .map_err(|e| WebError::Internal(e.to_string()))?;
            Ok(true)
        })
        .await;
    match r {
        Ok(true) => Redirect::to(&format!("/collaborations/{}", pct(&id))).into_response(),
        Ok(false) => error_page(
            StatusCode::NOT_FOUND,
            lang,
            lang.pick("没有这个协作或事项", "no such collaboration or item"),
        ),
        Err(e) => internal(lang, e),
    }
}

/// A stored message of collaboration `id`, or `None` if it belongs elsewhere or the
/// session may not see that collaboration.
fn message_of(
    s: &mut dyn liaison_store::Store,
    st: &AppState,
    session: &Session,
    id: &str,
    sha: &str,
) -> Result<Option<Vec<u8>>, WebError> {
    let Some(row) = s.message_row(sha)? else {
        return Ok(None);
    };
    if row.collaboration.as_deref() != Some(id) {
        return Ok(None);
    }
    if session.scope(st.config.web.members_see_all).is_some() {
        let visible = s
            .collaboration(id)?
            .is_some_and(|c| may_see(st, session, &c, &st.directory()));
        if !visible {
            return Ok(None);
        }
    }
    Ok(s.raw(sha)?.map(|r| r.bytes))
}

async fn message_page(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path((id, sha)): Path<(String, String)>,
) -> Response {
    let v = match viewer(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let lang = v.session.lang;
    let (i2, s2) = (id.clone(), sha.clone());
    let session = v.session.clone();
    let raw = match state
        .store(move |s, st| message_of(s, st, &session, &i2, &s2))
        .await
    {
        Ok(Some(r)) => r,
        Ok(None) => {
            return error_page(
                StatusCode::NOT_FOUND,
                lang,
                lang.pick("没有这封邮件", "no such mail"),
            );
        }
        Err(e) => return internal(lang, e),
    };
    let m = liaison_mail::Message::parse(&raw);
    let attachments: Vec<minijinja::Value> = m
        .attachments
        .iter()
        .enumerate()
        .map(|(n, a)| context! { n => n, name => &a.name, size => a.size, content_type => &a.content_type })
        .collect();
    page(
        &v,
        "message.html",
        context! { nav => "list", id => id, sha => sha, m => context! {
            subject => &m.subject, from => &m.from, to => &m.to, cc => &m.cc,
            date => m.date.map(|d| d.to_rfc3339()), body => &m.body,
        }, attachments => attachments },
    )
}

async fn attachment(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path((id, sha, n)): Path<(String, String, usize)>,
) -> Response {
    let v = match viewer(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let lang = v.session.lang;
    let session = v.session.clone();
    let raw = match state
        .store(move |s, st| message_of(s, st, &session, &id, &sha))
        .await
    {
        Ok(Some(r)) => r,
        Ok(None) => {
            return error_page(
                StatusCode::NOT_FOUND,
                lang,
                lang.pick("没有这封邮件", "no such mail"),
            );
        }
        Err(e) => return internal(lang, e),
    };
    let parsed = mail_parser::MessageParser::default().parse(&raw);
    let found = parsed.as_ref().and_then(|p| {
        p.attachments().nth(n).map(|a| {
            (
                mail_parser::MimeHeaders::attachment_name(a)
                    .unwrap_or("attachment")
                    .to_string(),
                a.contents().to_vec(),
            )
        })
    });
    let Some((name, bytes)) = found else {
        return error_page(
            StatusCode::NOT_FOUND,
            lang,
            lang.pick("没有这个附件", "no such attachment"),
        );
    };
    // Attacker-chosen names and types: always a download, never rendered by the browser.
    crate::actions::download(bytes, &name, "application/octet-stream")
}

// ---------------------------------------------------------------- compose

/// How many item rows the compose form offers.
pub const COMPOSE_ITEMS: usize = 3;

async fn compose_page(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(pre): Query<HashMap<String, String>>,
) -> Response {
    let v = match viewer(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let lang = v.session.lang;
    let dir = state.directory();
    let kinds: Vec<minijinja::Value> = Kind::ALL
        .iter()
        .map(|k| context! { id => k.id(), label => lang.pick(k.tag(), k.tag_en()) })
        .collect();
    let people: Vec<minijinja::Value> = dir
        .people
        .iter()
        .map(|p| context! { email => &p.email, name => &p.name, department => &p.department })
        .collect();
    let departments: Vec<String> = dir.departments.iter().map(|d| d.name.clone()).collect();
    let preview = preview_of(&state, &pre, &[], lang);
    let drafts = match state.store(|s, _| drafts(s)).await {
        Ok(d) => d,
        Err(e) => return internal(lang, e),
    };
    page(
        &v,
        "compose.html",
        context! { nav => "compose", kinds => kinds, people => people, departments => departments,
        f => &pre, items => (0..COMPOSE_ITEMS).collect::<Vec<_>>(), p => preview,
        me => state.config.tracker.me.first(), drafts => drafts,
        max_upload => state.config.web.max_upload_bytes, max_files => MAX_ATTACHMENTS },
    )
}

fn field<'a>(f: &'a HashMap<String, String>, k: &str) -> &'a str {
    f.get(k).map(|s| s.trim()).unwrap_or("")
}

fn list_field(f: &HashMap<String, String>, k: &str) -> Vec<String> {
    field(f, k)
        .split([',', '，', ';', '；', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The brief the compose form describes, with its attached files' names.
fn brief_of(
    f: &HashMap<String, String>,
    files: &[(String, Vec<u8>)],
    st: &AppState,
) -> Result<Brief, String> {
    let kind = Kind::parse(field(f, "kind")).unwrap_or(Kind::Request);
    let items = (0..COMPOSE_ITEMS)
        .filter(|n| !field(f, &format!("item_what_{n}")).is_empty())
        .map(|n| BriefItem {
            what: field(f, &format!("item_what_{n}")).into(),
            owner: field(f, &format!("item_owner_{n}")).into(),
            due: field(f, &format!("item_due_{n}")).into(),
            standard: field(f, &format!("item_standard_{n}")).into(),
        })
        .collect();
    let from = match field(f, "from") {
        "" => st.config.tracker.me.first().cloned().unwrap_or_default(),
        x => x.to_string(),
    };
    let opt = |k: &str| Some(field(f, k).to_string()).filter(|s| !s.is_empty());
    Ok(Brief {
        kind,
        project: field(f, "project").into(),
        departments: list_field(f, "departments"),
        urgency: Urgency::parse(field(f, "urgency")).unwrap_or(Urgency::Normal),
        from,
        to: list_field(f, "to"),
        cc: list_field(f, "cc"),
        purpose: field(f, "purpose").into(),
        background: field(f, "background").into(),
        goal: field(f, "goal").into(),
        items,
        outcome: opt("outcome"),
        attachments: files
            .iter()
            .map(|(name, _)| liaison_model::brief::BriefAttachment {
                path: name.clone(),
                description: opt("attachment_note").unwrap_or_default(),
            })
            .collect(),
        reply_by: opt("reply_by"),
        next_step: opt("next_step"),
        en: None,
    })
}

/// The composed mail of a form, or why it cannot be composed.
fn composed(
    st: &AppState,
    f: &HashMap<String, String>,
    files: &[(String, Vec<u8>)],
    lang: Lang,
) -> Result<liaison_compose::ComposedMail, String> {
    let brief = brief_of(f, files, st)?;
    let data: Vec<Vec<u8>> = files.iter().map(|(_, b)| b.clone()).collect();
    if brief.to.is_empty() {
        return Err(lang.pick("请填写收件人", "fill in the recipients").into());
    }
    let dir = st.directory();
    liaison_compose::compose(
        &brief,
        &dir,
        &st.config.templates,
        lang,
        st.config.now(),
        &st.config.domain,
        &data,
    )
    .map_err(|e| e.to_string())
}

fn diagnostics(st: &AppState, name: &str, raw: &[u8], lang: Lang) -> Vec<minijinja::Value> {
    let report = st.config.linter.lint_bytes(name, raw, Some(lang));
    report
        .diagnostics
        .iter()
        .map(|d| {
            context! {
                rule => d.rule,
                severity => format!("{:?}", d.severity).to_lowercase(),
                message => &d.message,
                help => &d.help,
                line => d.line,
                column => d.column,
            }
        })
        .collect()
}

fn preview_of(
    st: &AppState,
    f: &HashMap<String, String>,
    files: &[(String, Vec<u8>)],
    lang: Lang,
) -> minijinja::Value {
    if f.is_empty() {
        return context! { empty => true };
    }
    match composed(st, f, files, lang) {
        Ok(m) => {
            let draft = m.draft(lang);
            let diags = diagnostics(st, "draft.md", draft.as_bytes(), lang);
            context! { subject => &m.subject, draft => draft, diagnostics => diags }
        }
        Err(e) => context! { error => e },
    }
}

/// How many files the compose form attaches at most.
pub const MAX_ATTACHMENTS: usize = 5;

/// The compose form: its fields, and the attached files (safe name, bytes).
struct ComposeForm {
    fields: HashMap<String, String>,
    files: Vec<(String, Vec<u8>)>,
}

/// Reads the compose form from a urlencoded or multipart body; files larger than
/// `[web] max_upload_bytes`, or more than [`MAX_ATTACHMENTS`], are refused (413).
async fn compose_form(state: &AppState, req: Request) -> Result<ComposeForm, Response> {
    use axum::extract::FromRequest;
    let lang = state.config.lang;
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        return match Form::<HashMap<String, String>>::from_request(req, &()).await {
            Ok(Form(fields)) => Ok(ComposeForm {
                fields,
                files: Vec::new(),
            }),
            Err(e) => Err(error_page(StatusCode::BAD_REQUEST, lang, &e.body_text())),
        };
    }
    let mut m = match Multipart::from_request(req, &()).await {
        Ok(m) => m,
        Err(e) => return Err(error_page(StatusCode::BAD_REQUEST, lang, &e.body_text())),
    };
    let max = state.config.web.max_upload_bytes;
    let too_large = |name: &str| {
        error_page(
            StatusCode::PAYLOAD_TOO_LARGE,
            lang,
            &match lang {
                Lang::Zh => {
                    format!("附件 {name} 超过大小上限 {max} 字节（[web] max_upload_bytes）")
                }
                Lang::En => format!(
                    "attachment {name} is larger than the limit of {max} bytes ([web] max_upload_bytes)"
                ),
            },
        )
    };
    let mut fields = HashMap::new();
    let mut files = Vec::new();
    loop {
        let field = match m.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => {
                return Err(error_page(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    lang,
                    &format!(
                        "{}: {}",
                        lang.pick(
                            "表单无法读取（可能超过大小上限）",
                            "the form could not be read (too large?)"
                        ),
                        e.body_text()
                    ),
                ));
            }
        };
        let name = field.name().unwrap_or("").to_string();
        let fname = field.file_name().map(str::to_string);
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(_) => return Err(too_large(fname.as_deref().unwrap_or(&name))),
        };
        match fname {
            Some(f) if !bytes.is_empty() => {
                // Kept in memory and put into the mail only: the name never reaches a path.
                let safe = liaison_closure::names::safe_name(&f, "attachment");
                if bytes.len() > max {
                    return Err(too_large(&safe));
                }
                if files.len() == MAX_ATTACHMENTS {
                    return Err(error_page(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        lang,
                        &match lang {
                            Lang::Zh => format!("最多 {MAX_ATTACHMENTS} 个附件"),
                            Lang::En => format!("at most {MAX_ATTACHMENTS} attachments"),
                        },
                    ));
                }
                files.push((safe, bytes.to_vec()));
            }
            Some(_) => {}
            None => {
                fields.insert(name, String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    Ok(ComposeForm { fields, files })
}

async fn compose_preview(State(state): State<Arc<AppState>>, req: Request) -> Response {
    let headers = req.headers().clone();
    let f = match compose_form(&state, req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let s = match poster(
        &state,
        &headers,
        f.fields.get("csrf_token").map(String::as_str),
        false,
    )
    .await
    {
        Ok(s) => s,
        Err(r) => return r,
    };
    let st = state.clone();
    let lang = s.lang;
    let p = match tokio::task::spawn_blocking(move || preview_of(&st, &f.fields, &f.files, lang))
        .await
    {
        Ok(p) => p,
        Err(e) => return internal(lang, WebError::Internal(e.to_string())),
    };
    let v = Viewer {
        session: s,
        set_cookie: None,
    };
    page(&v, "preview.html", context! { p => p })
}

async fn compose_eml(State(state): State<Arc<AppState>>, req: Request) -> Response {
    let headers = req.headers().clone();
    let f = match compose_form(&state, req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let s = match poster(
        &state,
        &headers,
        f.fields.get("csrf_token").map(String::as_str),
        false,
    )
    .await
    {
        Ok(s) => s,
        Err(r) => return r,
    };
    match composed(&state, &f.fields, &f.files, s.lang) {
        Ok(m) => (
            [
                (header::CONTENT_TYPE, "message/rfc822".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"liaison.eml\"".to_string(),
                ),
            ],
            m.eml,
        )
            .into_response(),
        Err(e) => error_page(StatusCode::UNPROCESSABLE_ENTITY, s.lang, &e),
    }
}

/// `POST /compose/draft`: the composed mail goes into the outbox as a `draft` (sent once
/// approved, with `liaison outbox send ID`); lint errors do not stop a draft.
async fn compose_draft(State(state): State<Arc<AppState>>, req: Request) -> Response {
    compose_submit(state, req, true).await
}

async fn compose_send(State(state): State<Arc<AppState>>, req: Request) -> Response {
    compose_submit(state, req, false).await
}

async fn compose_submit(state: Arc<AppState>, req: Request, draft: bool) -> Response {
    let headers = req.headers().clone();
    let f = match compose_form(&state, req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let s = match poster(
        &state,
        &headers,
        f.fields.get("csrf_token").map(String::as_str),
        true,
    )
    .await
    {
        Ok(s) => s,
        Err(r) => return r,
    };
    let lang = s.lang;
    let m = match composed(&state, &f.fields, &f.files, lang) {
        Ok(m) => m,
        Err(e) => return error_page(StatusCode::UNPROCESSABLE_ENTITY, lang, &e),
    };
    let errors = state
        .config
        .linter
        .lint_bytes("draft.md", m.draft(lang).as_bytes(), Some(lang))
        .errors();
    if errors > 0 && !draft {
        return error_page(
            StatusCode::UNPROCESSABLE_ENTITY,
            lang,
            &match lang {
                Lang::Zh => format!("检查发现 {errors} 个错误，未发送；请先修改"),
                Lang::En => format!("the check found {errors} error(s); not sent, fix them first"),
            },
        );
    }
    let now = state.config.now();
    let r = state
        .store(move |st, app| {
            if draft {
                return Ok(save_draft(st, app, &m.eml, now, lang));
            }
            Ok(send_eml(
                st,
                app,
                &m.eml,
                liaison_engine::outbox::Origin::default(),
                now,
                lang,
            ))
        })
        .await;
    let v = Viewer {
        session: s,
        set_cookie: None,
    };
    match r {
        Ok(Ok(res)) => page(
            &v,
            "preview.html",
            context! { sent => res, drafted => draft },
        ),
        Ok(Err(e)) => error_page(StatusCode::UNPROCESSABLE_ENTITY, lang, &e),
        Err(e) => internal(lang, e),
    }
}

/// Puts `eml` in the outbox as a draft.
fn save_draft(
    store: &mut dyn liaison_store::Store,
    st: &AppState,
    eml: &[u8],
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<SendResult, String> {
    use liaison_engine::outbox;
    let p = outbox::prepare(eml, now, &st.config.domain).map_err(|e| e.to_string())?;
    outbox::enqueue(store, &p, &outbox::Origin::default(), true, now, false)
        .map_err(|e| e.to_string())?;
    Ok(SendResult {
        message_id: p.message_id,
        state: "draft".into(),
        note: lang
            .pick(
                "已存为草稿（发件箱 draft 状态；确认后用 liaison outbox send 发送）",
                "saved as a draft (outbox state draft; send it with liaison outbox send once approved)",
            )
            .into(),
    })
}

/// The newest drafts in the outbox, for the compose page.
fn drafts(store: &mut dyn liaison_store::Store) -> Result<Vec<minijinja::Value>, WebError> {
    let mut list = store.outbox_list(&[liaison_store::OutboxState::Draft])?;
    list.reverse();
    Ok(list
        .iter()
        .take(20)
        .map(|e| {
            context! { message_id => &e.message_id, subject => &e.subject,
            to => e.to.join(", "), created => e.created_at.format("%Y-%m-%d %H:%M").to_string() }
        })
        .collect())
}

// ---------------------------------------------------------------- lint

async fn lint_page(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let v = match viewer(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    page(&v, "lint.html", context! { nav => "lint" })
}

/// Reads a multipart form: text fields, and the first file's name and bytes.
async fn multipart_fields(
    mut m: Multipart,
) -> (HashMap<String, String>, Option<(String, Vec<u8>)>) {
    let mut fields = HashMap::new();
    let mut file = None;
    while let Ok(Some(field)) = m.next_field().await {
        let name = field.name().unwrap_or("").to_string();
        let fname = field.file_name().map(str::to_string);
        let Ok(bytes) = field.bytes().await else {
            break;
        };
        match fname {
            Some(f) if !bytes.is_empty() => {
                if file.is_none() {
                    file = Some((f, bytes.to_vec()));
                }
            }
            Some(_) => {}
            None => {
                fields.insert(name, String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    (fields, file)
}

async fn lint_post(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    m: Multipart,
) -> Response {
    let (fields, file) = multipart_fields(m).await;
    let s = match poster(
        &state,
        &headers,
        fields.get("csrf_token").map(String::as_str),
        false,
    )
    .await
    {
        Ok(s) => s,
        Err(r) => return r,
    };
    let lang = s.lang;
    let (name, raw) = match file {
        Some((n, b)) => (n, b),
        None => (
            "draft.md".to_string(),
            fields
                .get("draft")
                .cloned()
                .unwrap_or_default()
                .into_bytes(),
        ),
    };
    let diags = diagnostics(&state, &name, &raw, lang);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let lines: Vec<minijinja::Value> = text
        .lines()
        .enumerate()
        .map(|(n, l)| context! { n => n + 1, text => l })
        .collect();
    let v = Viewer {
        session: s,
        set_cookie: None,
    };
    let partial = headers.contains_key("hx-request");
    page(
        &v,
        if partial {
            "lint_result.html"
        } else {
            "lint.html"
        },
        context! { nav => "lint", name => name, diagnostics => diags, lines => lines,
        draft => if fields.contains_key("draft") { Some(text) } else { None }, checked => true },
    )
}

// ---------------------------------------------------------------- directory, reports

async fn directory_page(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let v = match viewer(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    directory_view(&state, &v, None)
}

fn directory_view(state: &AppState, v: &Viewer, message: Option<String>) -> Response {
    let dir = state.directory();
    let departments: Vec<minijinja::Value> = dir
        .departments
        .iter()
        .map(|d| {
            let members: Vec<minijinja::Value> = dir
                .members(&d.name)
                .map(|p| {
                    context! { name => &p.name, email => &p.email, title => &p.title,
                    superior => &p.superior, chat => &p.chat }
                })
                .collect();
            context! { name => &d.name, aliases => &d.aliases, head => &d.head, members => members }
        })
        .collect();
    page(
        v,
        "directory.html",
        context! { nav => "directory", departments => departments, message => message,
        writable => state.config.directory_path.is_some() },
    )
}

async fn directory_import(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    m: Multipart,
) -> Response {
    let (fields, file) = multipart_fields(m).await;
    let s = match poster(
        &state,
        &headers,
        fields.get("csrf_token").map(String::as_str),
        true,
    )
    .await
    {
        Ok(s) => s,
        Err(r) => return r,
    };
    let lang = s.lang;
    if s.role != Role::Admin {
        return error_page(
            StatusCode::FORBIDDEN,
            lang,
            lang.pick(
                "只有管理员可以导入通讯录",
                "only an admin can import the directory",
            ),
        );
    }
    let Some((name, bytes)) = file else {
        return error_page(
            StatusCode::BAD_REQUEST,
            lang,
            lang.pick("请选择 CSV 文件", "choose a CSV file"),
        );
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let dir = match liaison_model::Directory::from_csv(&name, &text) {
        Ok(d) => d,
        Err(p) => {
            return error_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang,
                &p.render(lang == Lang::En),
            );
        }
    };
    let v = Viewer {
        session: s,
        set_cookie: None,
    };
    if let Some(path) = &state.config.directory_path
        && let Err(e) = std::fs::write(path, dir.to_toml())
    {
        return error_page(
            StatusCode::INTERNAL_SERVER_ERROR,
            lang,
            &format!("{}: {e}", path.display()),
        );
    }
    let n = dir.people.len();
    if let Ok(mut o) = state.directory_override.lock() {
        *o = Some(Arc::new(dir));
    }
    directory_view(
        &state,
        &v,
        Some(match lang {
            Lang::Zh => format!("已导入 {n} 人"),
            Lang::En => format!("imported {n} people"),
        }),
    )
}
