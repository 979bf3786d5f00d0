//! 报表: the department report of `liaison report` (liaison-closure's
//! [`liaison_closure::report`]) as a page with its charts (the SVG of `liaison report
//! --format svg`, served as an image) and downloads (HTML, CSV, JSON).
//!
//! The report reads every collaboration's timeline and messages, so a page covers the
//! collaborations started since a day (default: the last 90 days) and at most
//! [`REPORT_MAX`] of them; a user confined to a department sees only that department's.

use crate::pages::{error_page, internal, may_see, page, viewer};
use crate::{AppState, WebError};
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, FixedOffset};
use liaison_closure::report::{self, By, Clock};
use liaison_model::Lang;
use minijinja::context;
use serde::Deserialize;
use std::sync::Arc;

/// The most collaborations one report reads.
pub const REPORT_MAX: usize = 5000;

/// The report routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/reports", get(reports_page))
        .route("/reports/report.{ext}", get(report_file))
}

/// `?since=YYYY-MM-DD&by=department|person|kind`.
#[derive(Debug, Default, Deserialize)]
pub struct ReportQuery {
    /// The first day counted (default: 90 days before now).
    pub since: Option<String>,
    /// How rows are grouped (default: department).
    pub by: Option<String>,
}

/// The report of `q` for the session; whether it was cut at [`REPORT_MAX`].
async fn build(
    state: &Arc<AppState>,
    session: crate::auth::Session,
    q: &ReportQuery,
) -> Result<Result<(report::Report, bool), String>, WebError> {
    let lang = session.lang;
    let now = state.config.now();
    let tz = state.config.tracker.time.tz;
    let since: DateTime<FixedOffset> =
        match q.since.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => now - chrono::Duration::days(90),
            Some(d) => {
                let Ok(day) = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") else {
                    return Ok(Err(format!(
                        "since={d:?}: {}",
                        lang.pick(
                            "请写成 YYYY-MM-DD，例如 2026-09-01",
                            "write YYYY-MM-DD, e.g. 2026-09-01"
                        )
                    )));
                };
                liaison_time::zones::ZoneSpec::Named(tz)
                    .instant(day.and_hms_opt(0, 0, 0).unwrap_or_default())
                    .unwrap_or(now)
            }
        };
    let by = match q.by.as_deref() {
        None | Some("") | Some("department") => By::Department,
        Some("person") => By::Person,
        Some("kind") => By::Kind,
        Some(other) => {
            return Ok(Err(format!(
                "by={other:?}: {}",
                lang.pick(
                    "应为 department、person 或 kind",
                    "expected department, person or kind"
                )
            )));
        }
    };
    state
        .store(move |s, st| {
            let dir = st.directory();
            let mut collabs = s.collaborations()?;
            collabs.retain(|c| c.started >= since && c.started <= now);
            collabs.retain(|c| may_see(st, &session, c, &dir));
            let cut = collabs.len() > REPORT_MAX;
            // The newest ones when there are too many.
            if cut {
                collabs.sort_by_key(|c| std::cmp::Reverse(c.started));
                collabs.truncate(REPORT_MAX);
            }
            let mut closings = Vec::with_capacity(collabs.len());
            for c in &collabs {
                closings.push(liaison_closure::closing::closing_of(s, c, now, lang)?.0);
            }
            let pairs: Vec<_> = collabs.iter().zip(closings.iter()).collect();
            let unknown = lang.pick("（未登记）", "(not in directory)").to_string();
            let group = |a: &str| match by {
                By::Person => dir
                    .person(a)
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| a.to_string()),
                _ => {
                    liaison_closure::closing::department(&dir, a).unwrap_or_else(|| unknown.clone())
                }
            };
            let time = &st.config.tracker.time;
            let clock = Clock {
                calendar: &time.calendar,
                hours: time.hours,
                tz: time.tz,
            };
            Ok(Ok((
                report::build(&pairs, since, now, by, &group, &clock),
                cut,
            )))
        })
        .await
}

fn query_string(q: &ReportQuery) -> String {
    let mut p = Vec::new();
    if let Some(s) = q.since.as_deref().filter(|s| !s.is_empty()) {
        p.push(format!("since={}", crate::pages::pct(s)));
    }
    if let Some(b) = q.by.as_deref().filter(|s| !s.is_empty()) {
        p.push(format!("by={}", crate::pages::pct(b)));
    }
    p.join("&")
}

async fn reports_page(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(q): Query<ReportQuery>,
) -> Response {
    let v = match viewer(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let lang = v.session.lang;
    let (r, cut) = match build(&state, v.session.clone(), &q).await {
        Ok(Ok(r)) => r,
        Ok(Err(m)) => return error_page(StatusCode::BAD_REQUEST, lang, &m),
        Err(e) => return internal(lang, e),
    };
    let pct = |x: Option<f64>| x.map(|x| format!("{:.0}%", x * 100.0));
    let rows: Vec<minijinja::Value> = r
        .departments
        .iter()
        .map(|d| {
            context! { name => &d.department, collaborations => d.collaborations,
            median => d.first_reply_median_hours, p90 => d.first_reply_p90_hours,
            on_time => pct(d.on_time_rate), nudges => format!("{:.1}", d.nudges),
            escalations => d.escalations, open_overdue => d.open_overdue }
        })
        .collect();
    let qs = query_string(&q);
    page(
        &v,
        "reports.html",
        context! { nav => "reports", rows => rows, since => &r.since[..10.min(r.since.len())],
        until => &r.until[..10.min(r.until.len())], by => q.by.as_deref().unwrap_or("department"),
        qs => qs, cut => cut, max => REPORT_MAX, weeks => r.weeks.len() },
    )
}

async fn report_file(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    axum::extract::Path(ext): axum::extract::Path<String>,
    Query(q): Query<ReportQuery>,
) -> Response {
    let v = match viewer(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let lang: Lang = v.session.lang;
    if !matches!(ext.as_str(), "svg" | "html" | "csv" | "json") {
        return error_page(
            StatusCode::NOT_FOUND,
            lang,
            lang.pick("没有这种格式", "no such format"),
        );
    }
    let (r, _) = match build(&state, v.session.clone(), &q).await {
        Ok(Ok(r)) => r,
        Ok(Err(m)) => return error_page(StatusCode::BAD_REQUEST, lang, &m),
        Err(e) => return internal(lang, e),
    };
    let (bytes, ty, attach) = match ext.as_str() {
        // The chart is shown in the page as an image: an image runs no script.
        "svg" => (report::svg(&r, lang).into_bytes(), "image/svg+xml", false),
        "html" => (
            report::html(&r, lang).into_bytes(),
            "text/html; charset=utf-8",
            true,
        ),
        "csv" => match report::csv(&r) {
            Ok(b) => (b, "text/csv; charset=utf-8", true),
            Err(e) => return internal(lang, WebError::Internal(e.to_string())),
        },
        _ => match serde_json::to_vec_pretty(&r) {
            Ok(b) => (b, "application/json", true),
            Err(e) => return internal(lang, WebError::Internal(e.to_string())),
        },
    };
    let mut res = ([(header::CONTENT_TYPE, ty)], bytes).into_response();
    if attach {
        let d = format!("attachment; filename=\"liaison-report.{ext}\"");
        if let Ok(h) = axum::http::HeaderValue::from_str(&d) {
            res.headers_mut().insert(header::CONTENT_DISPOSITION, h);
        }
    }
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    res
}
