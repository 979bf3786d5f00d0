//! The JSON API under `/api/v1`, for scripts and DingTalk/Feishu mini-apps. Every route
//! needs `Authorization: Bearer TOKEN` (`liaison user token NAME`); the bodies are exactly
//! what `liaison list`, `show` and `due` print with `--format json`.

use crate::{AppState, WebError, auth};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, FixedOffset};
use liaison_model::Lang;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

/// The API routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/api/v1/collaborations", get(collaborations))
        .route("/api/v1/collaborations/{id}", get(collaboration))
        .route("/api/v1/due", get(due))
        .route("/api/v1/lint", post(lint))
}

fn error(status: StatusCode, msg: &str) -> Response {
    (status, Json(serde_json::json!({ "error": msg }))).into_response()
}

fn internal(e: WebError) -> Response {
    tracing::error!("{e}");
    error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string())
}

/// The department the API user is confined to (see [`auth::Session::scope`]), or a 401.
async fn authorized(
    state: &Arc<AppState>,
    headers: &HeaderMap,
) -> Result<Option<String>, Response> {
    match auth::api_user(state, headers).await {
        Ok(Some(s)) => Ok(s
            .scope(state.config.web.members_see_all)
            .map(str::to_string)),
        Ok(None) => Err((
            StatusCode::UNAUTHORIZED,
            [("www-authenticate", "Bearer")],
            Json(serde_json::json!({
                "error": "missing or unknown token: send Authorization: Bearer TOKEN (liaison user token NAME prints one)"
            })),
        )
            .into_response()),
        Err(e) => Err(internal(e)),
    }
}

/// `?all=true` includes archived collaborations, as `liaison list --all`.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    /// Include archived collaborations.
    #[serde(default)]
    pub all: bool,
    /// The instant item statuses are computed at (RFC 3339).
    pub now: Option<String>,
}

fn parse_now(state: &AppState, now: Option<&str>) -> Result<DateTime<FixedOffset>, Response> {
    match now {
        None => Ok(state.config.now()),
        Some(s) => DateTime::parse_from_rfc3339(s.trim()).map_err(|e| {
            error(
                StatusCode::BAD_REQUEST,
                &format!("now={s:?}: {e}; use RFC 3339, e.g. 2026-11-30T10:00:00+08:00"),
            )
        }),
    }
}

async fn collaborations(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Response {
    let scope = match authorized(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let now = match parse_now(&state, q.now.as_deref()) {
        Ok(n) => n,
        Err(r) => return r,
    };
    match state
        .store(move |s, st| {
            let mut all = s.collaborations()?;
            if let Some(d) = &scope {
                let dir = st.directory();
                all.retain(|c| crate::in_department(c, d, &dir));
            }
            Ok(liaison_engine::views::listing(&all, now, q.all))
        })
        .await
    {
        Ok(l) => Json(l).into_response(),
        Err(e) => internal(e),
    }
}

async fn collaboration(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let scope = match authorized(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let now = state.config.now();
    let found = state
        .store(move |s, st| {
            Ok(s.collaboration(&id)?.filter(|c| {
                scope
                    .as_deref()
                    .is_none_or(|d| crate::in_department(c, d, &st.directory()))
            }))
        })
        .await;
    match found {
        Ok(Some(c)) => Json(liaison_engine::views::shown(&c, now)).into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, "no such collaboration"),
        Err(e) => internal(e),
    }
}

/// `GET /api/v1/due?now=RFC3339&upcoming=true&lang=en`.
#[derive(Debug, Deserialize)]
pub struct DueQuery {
    /// The instant to plan at (default: the server's now).
    pub now: Option<String>,
    /// Also what falls due later, as `liaison due --upcoming`.
    #[serde(default)]
    pub upcoming: bool,
    /// Language of the reasons (`zh` or `en`; default the server's `--lang`).
    pub lang: Option<String>,
    /// Only this many actions (a page, as the due page reads it): the answer then also
    /// holds `total` (every action due) and `next` (pass it as `after`), or `null`.
    pub limit: Option<usize>,
    /// Where a page starts: the previous answer's `next`.
    pub after: Option<String>,
}

/// The planner's context at `now` in `lang`, over the directory `dir` in effect.
pub(crate) fn plan_context<'a>(
    st: &'a AppState,
    dir: &'a liaison_model::Directory,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> liaison_engine::PlanContext<'a> {
    let time = &st.config.tracker.time;
    liaison_engine::PlanContext {
        policy: &st.config.policy,
        calendar: &time.calendar,
        hours: time.hours,
        tz: time.tz,
        directory: dir,
        now,
        lang,
    }
}

/// The due listing at `now`, from the stored plans (the API's).
pub(crate) fn due_at(
    store: &mut dyn liaison_store::Store,
    st: &AppState,
    now: DateTime<FixedOffset>,
    upcoming: bool,
    lang: Lang,
) -> Result<liaison_engine::views::DueListing, WebError> {
    let dir = st.directory();
    let ctx = plan_context(st, &dir, now, lang);
    Ok(liaison_engine::views::due_listing(store, &ctx, upcoming)?)
}

async fn due(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<DueQuery>,
) -> Response {
    let scope = match authorized(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let now = match parse_now(&state, q.now.as_deref()) {
        Ok(n) => n,
        Err(r) => return r,
    };
    let lang = match q.lang.as_deref() {
        Some("en") => Lang::En,
        Some("zh") => Lang::Zh,
        _ => state.config.lang,
    };
    if let Some(limit) = q.limit.filter(|_| !q.upcoming) {
        let after = q.after.clone();
        let r = state
            .store(move |s, st| {
                let dir = st.directory();
                let cx = plan_context(st, &dir, now, lang);
                let key = after.as_deref().and_then(|a| {
                    let (d, c) = a.split_once('|')?;
                    Some((d.parse::<i64>().ok()?, c.to_string()))
                });
                let planned = liaison_engine::plans::refresh(s, &cx)?;
                let count = crate::pages::due_count(s, st, now.timestamp_micros(), planned > 0)?;
                let (mut due, next) = liaison_engine::plans::due_rows(
                    s,
                    &cx,
                    key.as_ref().map(|(d, c)| (*d, c.as_str())),
                    limit.clamp(1, 1000),
                )?;
                if let Some(dept) = &scope {
                    let mut keep = Vec::with_capacity(due.len());
                    for a in due {
                        if s.collaboration(&a.collaboration)?
                            .is_some_and(|c| crate::in_department(&c, dept, &dir))
                        {
                            keep.push(a);
                        }
                    }
                    due = keep;
                }
                Ok(serde_json::json!({
                    "now": now.to_rfc3339(),
                    "due": due,
                    "total": if scope.is_some() { None } else { Some(count.due) },
                    "next": next.map(|(d, c)| format!("{d}|{c}")),
                }))
            })
            .await;
        return match r {
            Ok(v) => Json(v).into_response(),
            Err(e) => internal(e),
        };
    }
    match state
        .store(move |s, st| {
            let mut d = due_at(s, st, now, q.upcoming, lang)?;
            if let Some(dept) = &scope {
                let mut seen: HashMap<String, bool> = HashMap::new();
                let dir = st.directory();
                let mut keep = Vec::with_capacity(d.due.len());
                for a in d.due {
                    let ok = match seen.get(&a.collaboration) {
                        Some(ok) => *ok,
                        None => {
                            let ok = s
                                .collaboration(&a.collaboration)?
                                .is_some_and(|c| crate::in_department(&c, dept, &dir));
                            seen.insert(a.collaboration.clone(), ok);
                            ok
                        }
                    };
                    if ok {
                        keep.push(a);
                    }
                }
                d.due = keep;
            }
            Ok(d)
        })
        .await
    {
        Ok(d) => Json(d).into_response(),
        Err(e) => internal(e),
    }
}

/// `POST /api/v1/lint`: the body is a draft or an .eml; the answer is `liaison lint
/// --format json` of it.
async fn lint(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if let Err(r) = authorized(&state, &headers).await {
        return r;
    }
    let report = state.config.linter.lint_bytes("draft", &body, None);
    let text = liaison_lint::render::json(&liaison_lint::Report::new(vec![report]));
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        text,
    )
        .into_response()
}
