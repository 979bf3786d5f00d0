//! The page templates, embedded in the binary, auto-escaped (their names end in `.html`),
//! with `t(zh, en)` picking the text in the page's language.

use minijinja::{Environment, State, Value};
use std::sync::OnceLock;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("due.html", include_str!("../templates/due.html")),
    ("due_list.html", include_str!("../templates/due_list.html")),
    (
        "due_draft.html",
        include_str!("../templates/due_draft.html"),
    ),
    ("list.html", include_str!("../templates/list.html")),
    ("detail.html", include_str!("../templates/detail.html")),
    ("message.html", include_str!("../templates/message.html")),
    ("compose.html", include_str!("../templates/compose.html")),
    ("preview.html", include_str!("../templates/preview.html")),
    ("lint.html", include_str!("../templates/lint.html")),
    (
        "lint_result.html",
        include_str!("../templates/lint_result.html"),
    ),
    (
        "directory.html",
        include_str!("../templates/directory.html"),
    ),
    ("reports.html", include_str!("../templates/reports.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("closing.html", include_str!("../templates/closing.html")),
];

fn t(state: &State, zh: &str, en: &str) -> String {
    let en_page = state
        .lookup("lang")
        .is_some_and(|l| l.as_str() == Some("en"));
    if en_page { en } else { zh }.to_string()
}

fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut e = Environment::new();
        for (name, src) in TEMPLATES {
            // The templates are part of the binary and checked by the tests; a broken one
            // shows as an error page, never a panic.
            if let Err(err) = e.add_template(name, src) {
                tracing::error!("template {name}: {err}");
            }
        }
        e.add_function("t", t);
        e
    })
}

/// Renders a page; an error page's text on failure.
pub fn render(name: &str, ctx: Value) -> Result<String, String> {
    env()
        .get_template(name)
        .and_then(|t| t.render(ctx))
        .map_err(|e| format!("template {name}: {e:#}"))
}
