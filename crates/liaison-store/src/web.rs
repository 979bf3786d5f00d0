//! What `liaison serve` keeps in the store: users, sessions, API tokens (migration 6), and
//! one page of collaborations found by keyset (so paging stays fast at 10^5 rows).
//!
//! Secrets never reach the store: sessions and tokens are kept as the SHA-256 of the
//! secret, passwords as argon2 hashes written by the web crate.

use chrono::{DateTime, Utc};

/// A user of the web dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebUser {
    /// Login name.
    pub name: String,
    /// `admin`, `member` or `viewer`.
    pub role: String,
    /// The PHC string of the password hash (argon2).
    pub password_hash: String,
    /// The user's language: `zh` or `en`.
    pub lang: String,
    /// The user's department (as the directory names it), if any (migration 9): a member
    /// with one sees only that department's collaborations in `liaison serve`.
    pub department: Option<String>,
}

/// A logged-in session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebSession {
    /// SHA-256 (hex) of the session cookie's secret.
    pub token_hash: String,
    /// Who.
    pub user: String,
    /// The CSRF token every form of this session carries.
    pub csrf: String,
    /// When it ends.
    pub expires: DateTime<Utc>,
}

/// Where a page of collaborations starts: the last row of the previous page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageKey {
    /// The stored start instant (UTC text, ordered as time).
    pub started_utc: String,
    /// The collaboration id (ties).
    pub id: String,
}

/// Which collaborations a page holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageQuery {
    /// Only this state id (`sent`, `in-progress`, …).
    pub state: Option<String>,
    /// Leave out archived collaborations (when `state` is not given).
    pub hide_archived: bool,
    /// Only this kind id (`request`, …).
    pub kind: Option<String>,
    /// Only this owner address.
    pub owner: Option<String>,
    /// Only subjects containing this text.
    pub text: Option<String>,
    /// Newest first (else oldest first).
    pub newest_first: bool,
    /// Rows after this key in the chosen order.
    pub after: Option<PageKey>,
    /// At most this many rows.
    pub limit: usize,
}

/// A collaboration of a page with its key.
#[derive(Debug, Clone, PartialEq)]
pub struct PagedCollaboration {
    /// Its key (pass the last one as [`PageQuery::after`] for the next page).
    pub key: PageKey,
    /// The collaboration.
    pub collaboration: liaison_model::Collaboration,
}

/// `LIKE` pattern for "contains `text`", with `%`, `_` and `\` escaped (ESCAPE '\').
pub(crate) fn like_contains(text: &str) -> String {
    let mut p = String::from("%");
    for ch in text.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(ch);
    }
    p.push('%');
    p
}

/// The WHERE clause and its parameters for a page, with `$n` placeholders (both dialects
/// accept them: SQLite reads `$1` as a numbered parameter too).
pub(crate) fn page_sql(q: &PageQuery) -> (String, Vec<String>) {
    let mut conds: Vec<String> = Vec::new();
    let mut params: Vec<String> = Vec::new();
    fn push(conds: &mut Vec<String>, params: &mut Vec<String>, cond: &str, v: String) {
        params.push(v);
        conds.push(cond.replace('?', &format!("${}", params.len())));
    }
    if let Some(s) = &q.state {
        push(&mut conds, &mut params, "state = ?", s.clone());
    } else if q.hide_archived {
        conds.push("state <> 'archived'".into());
    }
    if let Some(k) = &q.kind {
        push(&mut conds, &mut params, "kind = ?", k.clone());
    }
    if let Some(o) = &q.owner {
        push(&mut conds, &mut params, "owner = ?", o.clone());
    }
    if let Some(t) = q.text.as_deref().filter(|t| !t.is_empty()) {
        push(
            &mut conds,
            &mut params,
            "subject LIKE ? ESCAPE '\\'",
            like_contains(t),
        );
    }
    if let Some(k) = &q.after {
        let cmp = if q.newest_first { "<" } else { ">" };
        params.push(k.started_utc.clone());
        let a = params.len();
        params.push(k.id.clone());
        let b = params.len();
        conds.push(format!(
            "(started_utc {cmp} ${a} OR (started_utc = ${a} AND id {cmp} ${b}))"
        ));
    }
    let order = if q.newest_first {
        "started_utc DESC, id DESC"
    } else {
        "started_utc, id"
    };
    let wher = if conds.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conds.join(" AND "))
    };
    (
        format!(
            "SELECT started_utc, id, data FROM collaborations{wher} ORDER BY {order} LIMIT {}",
            q.limit.min(10_000)
        ),
        params,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_escapes_wildcards() {
        assert_eq!(like_contains("50%_a\\"), "%50\\%\\_a\\\\%");
    }
}
