//! The closing actions of a collaboration's page, through the library code the CLI uses
//! ([`liaison_closure::closing`], [`liaison_closure::forms`], [`liaison_closure::ics`]):
//! confirm (accept, or reject with a reason naming the new deadline), the 复盘 draft,
//! archive, the guide's forms (XLSX/CSV) and the .ics calendar.
//!
//! Each POST carries the session's CSRF token and needs a role that may act (archive, which
//! writes on the server's disk, needs an admin); a user confined to a department gets 404
//! for another department's collaboration, as on every page.

use crate::auth::{Role, Session};
use crate::pages::{Viewer, error_page, internal, may_see, page, poster, viewer};
use crate::{AppState, WebError};
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, FixedOffset};
use liaison_closure::closing::{self as lib, ClosingError, Verdict};
use liaison_closure::forms::{self, FormKind};
use liaison_model::{Collaboration, Lang};
use minijinja::context;
use serde::Deserialize;
use std::sync::Arc;

/// The action routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/collaborations/{id}/confirm", post(confirm))
        .route("/collaborations/{id}/retro", post(retro))
        .route("/collaborations/{id}/archive", post(archive))
        .route("/collaborations/{id}/forms/{kind}", get(form))
        .route("/collaborations/{id}/ics", get(ics))
}

/// What an action's store work ended in.
enum Outcome<T> {
    Done(T),
    /// 404: no such collaboration, or not the session's to see.
    Missing,
    /// 422 with this message.
    Refused(String),
}

/// The collaboration `id` if the session may see it.
fn visible(
    s: &mut dyn liaison_store::Store,
    st: &AppState,
    session: &Session,
    id: &str,
) -> Result<Option<Collaboration>, WebError> {
    Ok(s.collaboration(id)?
        .filter(|c| may_see(st, session, c, &st.directory())))
}

fn missing(lang: Lang) -> Response {
    error_page(
        StatusCode::NOT_FOUND,
        lang,
        lang.pick("没有这个协作", "no such collaboration"),
    )
}

fn closing_err(e: ClosingError) -> WebError {
    match e {
        ClosingError::Store(e) => WebError::Store(e),
        other => WebError::Internal(other.to_string()),
    }
}

/// A download with a safe name (ASCII fallback and the UTF-8 name).
pub(crate) fn download(bytes: Vec<u8>, name: &str, ty: &str) -> Response {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        crate::pages::pct(name)
    );
    let mut res = ([(header::CONTENT_TYPE, ty.to_string())], bytes).into_response();
    if let Ok(h) = HeaderValue::from_str(&disposition) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, h);
    }
    res
}

/// The page showing what an action drafted and recorded.
fn result_page(v: &Viewer, id: &str, title: &str, note: &str, draft: Option<String>) -> Response {
    page(
        v,
        "closing.html",
        context! { nav => "list", id => id, title => title, note => note, draft => draft },
    )
}

/// `POST /collaborations/ID/confirm`.
#[derive(Debug, Deserialize)]
pub struct ConfirmForm {
    /// The session's CSRF token.
    pub csrf_token: Option<String>,
    /// `accept`, `reject` or `draft` (only draft the mail).
    #[serde(default)]
    pub verdict: String,
    /// Why a delivery is rejected, naming the new deadline.
    #[serde(default)]
    pub reason: String,
    /// The item (1-based), or empty for every delivered item.
    pub item: Option<String>,
}

async fn confirm(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<ConfirmForm>,
) -> Response {
    let s = match poster(&state, &headers, f.csrf_token.as_deref(), true).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let lang = s.lang;
    let now = state.config.now();
    let session = s.clone();
    let cid = id.clone();
    let r = state
        .store(move |st, app| {
            let Some(c) = visible(st, app, &session, &cid)? else {
                return Ok(Outcome::Missing);
            };
            let item = f.item.as_deref().map(str::trim).filter(|i| !i.is_empty());
            let items = match item.map(str::parse::<usize>) {
                None => lib::delivered_items(&c),
                Some(Ok(n)) if n >= 1 && n <= c.items.len() => vec![n - 1],
                Some(_) => {
                    return Ok(Outcome::Refused(
                        lang.pick("事项编号无效", "bad item number").into(),
                    ));
                }
            };
            if items.is_empty() {
                return Ok(Outcome::Refused(
                    lang.pick(
                        "还没有已交付的事项可确认：先记录“已交付”，或选择一个事项",
                        "no delivered item to confirm: record a delivery first, or choose an item",
                    )
                    .into(),
                ));
            }
            let verdict = match f.verdict.as_str() {
                "accept" => Verdict::Accept,
                "draft" => Verdict::Draft,
                "reject" => match lib::reject(&f.reason, &app.config.tracker.time, now) {
                    Ok(v) => v,
                    Err(ClosingError::NoDeadline) => {
                        return Ok(Outcome::Refused(
                            lang.pick(
                                "理由中没有新的截止时间；请写明，例如“缺少风险评估，请于10月15日18:00前补充”",
                                "the reason names no new deadline; write one, e.g. \"the risk section is missing; please resubmit by Oct 15 18:00\"",
                            )
                            .into(),
                        ));
                    }
                    Err(ClosingError::PastDeadline(t)) => {
                        return Ok(Outcome::Refused(format!(
                            "{} {}",
                            t.to_rfc3339(),
                            lang.pick("早于当前时间", "is before now")
                        )));
                    }
                    Err(e) => return Err(closing_err(e)),
                },
                other => {
                    return Ok(Outcome::Refused(format!(
                        "verdict={other:?}: {}",
                        lang.pick(
                            "应为 accept、reject 或 draft",
                            "expected accept, reject or draft"
                        )
                    )));
                }
            };
            let dir = app.directory();
            let (k, _) = lib::closing_of(st, &c, now, lang)?;
            let brief = lib::confirm_brief(&c, &k, &items, &verdict, &dir, now, lang);
            let mail = liaison_compose::compose(
                &brief,
                &dir,
                &app.config.templates,
                lang,
                now,
                &app.config.domain,
                &[],
            )
            .map_err(|e| WebError::Internal(e.to_string()))?;
            let events = lib::confirm_events(&items, &verdict, now);
            lib::record(st, &app.config.tracker, &c.id, &events).map_err(closing_err)?;
            let note = match verdict {
                Verdict::Draft => lang.pick("仅起草，未记录", "drafted only, nothing recorded"),
                Verdict::Accept => lang.pick("已记录：确认通过", "recorded: accepted"),
                Verdict::Reject(..) => lang.pick(
                    "已记录：确认不通过，事项已重新打开",
                    "recorded: rejected; the item is open again",
                ),
            };
            Ok(Outcome::Done((note.to_string(), mail.draft(lang))))
        })
        .await;
    let v = Viewer {
        session: s,
        set_cookie: None,
    };
    match r {
        Ok(Outcome::Done((note, draft))) => result_page(
            &v,
            &id,
            lang.pick("成果确认", "Confirmation"),
            &note,
            Some(draft),
        ),
        Ok(Outcome::Missing) => missing(lang),
        Ok(Outcome::Refused(m)) => error_page(StatusCode::UNPROCESSABLE_ENTITY, lang, &m),
        Err(e) => internal(lang, e),
    }
}

/// `POST /collaborations/ID/retro`.
#[derive(Debug, Deserialize)]
pub struct RetroForm {
    /// The session's CSRF token.
    pub csrf_token: Option<String>,
    /// Only draft: do not record the 复盘 (as `liaison retro --dry-run`).
    pub dry_run: Option<String>,
}

async fn retro(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<RetroForm>,
) -> Response {
    let s = match poster(&state, &headers, f.csrf_token.as_deref(), true).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let lang = s.lang;
    let now = state.config.now();
    let session = s.clone();
    let cid = id.clone();
    let dry = f.dry_run.is_some();
    let r = state
        .store(move |st, app| {
            let Some(c) = visible(st, app, &session, &cid)? else {
                return Ok(Outcome::Missing);
            };
            let dir = app.directory();
            let (k, _) = lib::closing_of(st, &c, now, lang)?;
            let table = lib::form_table(FormKind::Retro, &c, &k, &dir, lang);
            let xlsx = forms::to_xlsx(&table).map_err(|e| WebError::Internal(e.to_string()))?;
            let brief = lib::retro_brief(&c, &k, &dir, now, lang);
            let mail = liaison_compose::compose(
                &brief,
                &dir,
                &app.config.templates,
                lang,
                now,
                &app.config.domain,
                std::slice::from_ref(&xlsx),
            )
            .map_err(|e| WebError::Internal(e.to_string()))?;
            if !dry {
                let e = liaison_engine::Mark::Retro.event(now, None);
                lib::record(st, &app.config.tracker, &c.id, &[e]).map_err(closing_err)?;
            }
            Ok(Outcome::Done(mail.draft(lang)))
        })
        .await;
    let v = Viewer {
        session: s,
        set_cookie: None,
    };
    match r {
        Ok(Outcome::Done(draft)) => result_page(
            &v,
            &id,
            lang.pick("复盘", "Retrospective"),
            if dry {
                lang.pick("仅起草，未记录", "drafted only, nothing recorded")
            } else {
                lang.pick("已记录复盘", "recorded: retro")
            },
            Some(draft),
        ),
        Ok(Outcome::Missing) => missing(lang),
        Ok(Outcome::Refused(m)) => error_page(StatusCode::UNPROCESSABLE_ENTITY, lang, &m),
        Err(e) => internal(lang, e),
    }
}

/// A form that carries only its CSRF token.
#[derive(Debug, Deserialize)]
pub struct TokenForm {
    /// The session's CSRF token.
    pub csrf_token: Option<String>,
}

async fn archive(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(f): Form<TokenForm>,
) -> Response {
    let s = match poster(&state, &headers, f.csrf_token.as_deref(), true).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let lang = s.lang;
    if s.role != Role::Admin {
        return error_page(
            StatusCode::FORBIDDEN,
            lang,
            lang.pick(
                "只有管理员可以归档（归档写入服务器的文件夹）",
                "only an admin can archive (it writes to the server's folder)",
            ),
        );
    }
    let now = state.config.now();
    let session = s.clone();
    let cid = id.clone();
    let r = state
        .store(move |st, app| {
            let Some(c) = visible(st, app, &session, &cid)? else {
                return Ok(Outcome::Missing);
            };
            let dir = app.directory();
            match lib::archive(
                st,
                &app.config.tracker,
                std::slice::from_ref(&c),
                &app.config.archive_root,
                &dir,
                now,
                lang,
            ) {
                Ok((dest, manifest)) => Ok(Outcome::Done((dest, manifest.files.len()))),
                Err(ClosingError::Archive(e)) => Ok(Outcome::Refused(e.to_string())),
                Err(e) => Err(closing_err(e)),
            }
        })
        .await;
    let v = Viewer {
        session: s,
        set_cookie: None,
    };
    match r {
        Ok(Outcome::Done((dest, n))) => {
            let name = dest
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let note = match lang {
                Lang::Zh => format!("已归档到服务器文件夹 {name}（{n} 个文件）"),
                Lang::En => format!("archived into the server folder {name} ({n} files)"),
            };
            result_page(&v, &id, lang.pick("归档", "Archive"), &note, None)
        }
        Ok(Outcome::Missing) => missing(lang),
        Ok(Outcome::Refused(m)) => error_page(StatusCode::UNPROCESSABLE_ENTITY, lang, &m),
        Err(e) => internal(lang, e),
    }
}

/// `?format=xlsx|csv` of a form download.
#[derive(Debug, Deserialize)]
pub struct FormQuery {
    /// `xlsx` (default) or `csv`.
    pub format: Option<String>,
}

fn form_kind(id: &str) -> Option<FormKind> {
    Some(match id {
        "request" => FormKind::Request,
        "assignment" => FormKind::Assignment,
        "progress" => FormKind::Progress,
        "escalation" => FormKind::Escalation,
        "retro" => FormKind::Retro,
        _ => return None,
    })
}

/// The form ids the detail page offers, with their titles.
pub(crate) fn form_links(lang: Lang) -> Vec<minijinja::Value> {
    ["request", "assignment", "progress", "escalation", "retro"]
        .iter()
        .filter_map(|id| form_kind(id).map(|k| context! { id => id, title => k.title(lang) }))
        .collect()
}

async fn form(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path((id, kind)): Path<(String, String)>,
    Query(q): Query<FormQuery>,
) -> Response {
    let v = match viewer(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let lang = v.session.lang;
    let Some(kind) = form_kind(&kind) else {
        return error_page(
            StatusCode::NOT_FOUND,
            lang,
            lang.pick("没有这个表单", "no such form"),
        );
    };
    let csv = match q.format.as_deref() {
        None | Some("xlsx") => false,
        Some("csv") => true,
        Some(other) => {
            return error_page(
                StatusCode::BAD_REQUEST,
                lang,
                &format!(
                    "format={other:?}: {}",
                    lang.pick("应为 xlsx 或 csv", "expected xlsx or csv")
                ),
            );
        }
    };
    let now = state.config.now();
    let session = v.session.clone();
    let r = state
        .store(move |st, app| {
            let Some(c) = visible(st, app, &session, &id)? else {
                return Ok(Outcome::Missing);
            };
            let (k, _) = lib::closing_of(st, &c, now, lang)?;
            let table = lib::form_table(kind, &c, &k, &app.directory(), lang);
            let bytes = if csv {
                forms::to_csv(&table)
            } else {
                forms::to_xlsx(&table)
            }
            .map_err(|e| WebError::Internal(e.to_string()))?;
            Ok(Outcome::Done((table.title.to_string(), bytes)))
        })
        .await;
    match r {
        Ok(Outcome::Done((title, bytes))) => {
            if csv {
                download(bytes, &format!("{title}.csv"), "text/csv; charset=utf-8")
            } else {
                download(
                    bytes,
                    &format!("{title}.xlsx"),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                )
            }
        }
        Ok(Outcome::Missing) => missing(lang),
        Ok(Outcome::Refused(m)) => error_page(StatusCode::UNPROCESSABLE_ENTITY, lang, &m),
        Err(e) => internal(lang, e),
    }
}

async fn ics(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let v = match viewer(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let lang = v.session.lang;
    let now: DateTime<FixedOffset> = state.config.now();
    let session = v.session.clone();
    let r = state
        .store(move |st, app| {
            let Some(c) = visible(st, app, &session, &id)? else {
                return Ok(Outcome::Missing);
            };
            let dir = app.directory();
            let collabs = [c];
            let actions =
                liaison_engine::plan(&collabs, &crate::api::plan_context(app, &dir, now, lang));
            let entries = liaison_closure::ics::entries(&collabs, &actions, lang);
            let text = liaison_closure::ics::calendar(
                &entries,
                now,
                lang.pick("liaison 截止时间", "liaison deadlines"),
            );
            Ok(Outcome::Done((collabs[0].id.clone(), text)))
        })
        .await;
    match r {
        Ok(Outcome::Done((cid, text))) => download(
            text.into_bytes(),
            &format!("liaison-{cid}.ics"),
            "text/calendar; charset=utf-8",
        ),
        Ok(Outcome::Missing) => missing(lang),
        Ok(Outcome::Refused(m)) => error_page(StatusCode::UNPROCESSABLE_ENTITY, lang, &m),
        Err(e) => internal(lang, e),
    }
}
