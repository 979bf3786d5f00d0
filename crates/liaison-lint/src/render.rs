//! Renderers: text (source snippets with carets, via annotate-snippets), JSON (DESIGN §5)
//! and SARIF 2.1.0.

use crate::rules::{RULES, rule_index};
use crate::{Diagnostic, FileReport, Lang, Report, Severity};
use annotate_snippets::{Level, Renderer, Snippet};
use serde_json::{Value, json};
use std::fmt::Write;

/// The most source lines a snippet shows.
const MAX_SNIPPET_LINES: usize = 4;

/// Renders the report as text: one snippet per diagnostic and a summary line.
pub fn text(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let renderer = Renderer::plain();
    for f in &report.files {
        if let Some(err) = &f.error {
            let label = match lang {
                Lang::Zh => "错误",
                Lang::En => "error",
            };
            let _ = writeln!(out, "{label}: {}: {err}\n", f.path);
            continue;
        }
        for d in &f.diagnostics {
            out.push_str(&diagnostic_text(&renderer, f, d, lang));
            out.push_str("\n\n");
        }
    }
    let files = report.files.len();
    let s = report.summary;
    let unreadable = report.files.iter().filter(|f| f.error.is_some()).count();
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "检查了{files}个文件：{}个错误，{}个警告{}",
            s.errors,
            s.warnings,
            if unreadable > 0 {
                format!("，{unreadable}个文件无法读取")
            } else {
                String::new()
            }
        ),
        Lang::En => writeln!(
            out,
            "checked {files} file{}: {} error{}, {} warning{}{}",
            if files == 1 { "" } else { "s" },
            s.errors,
            if s.errors == 1 { "" } else { "s" },
            s.warnings,
            if s.warnings == 1 { "" } else { "s" },
            if unreadable > 0 {
                format!(", {unreadable} unreadable")
            } else {
                String::new()
            }
        ),
    };
    out
}

/// One diagnostic with its snippet.
pub fn diagnostic_text(renderer: &Renderer, f: &FileReport, d: &Diagnostic, lang: Lang) -> String {
    let level = match d.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
    };
    let src = f.source.as_str();
    // Cut the source to the lines around the span, so huge drafts stay cheap.
    let line_start_off = src[..d.start.min(src.len())]
        .rfind('\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    let mut end_off = line_start_off;
    let mut lines = 0;
    while lines < MAX_SNIPPET_LINES {
        match src[end_off..].find('\n') {
            Some(i) => {
                let next = end_off + i + 1;
                lines += 1;
                if next > d.end.max(d.start + 1) || lines == MAX_SNIPPET_LINES {
                    end_off += i;
                    break;
                }
                end_off = next;
            }
            None => {
                end_off = src.len();
                break;
            }
        }
    }
    let end_off = end_off.max(line_start_off);
    let piece = src[line_start_off..end_off].trim_end_matches('\r');
    // A span may start after the visible text (at a trailing \r or the very end).
    let s = (d.start - line_start_off).min(piece.len());
    let mut e = (d.end.min(line_start_off + piece.len()).max(d.start) - line_start_off)
        .clamp(s, piece.len());
    if e == s {
        // Point at one character at least.
        e = piece[s..]
            .chars()
            .next()
            .map(|c| s + c.len_utf8())
            .unwrap_or(s);
    }
    // The help label follows the language the diagnostic itself was written in (an
    // English draft's findings are English), so no line mixes the two.
    let footer_label = match f.lang.unwrap_or(lang) {
        Lang::Zh => format!("修改建议：{}", d.help),
        Lang::En => d.help.clone(),
    };
    let path_label = path_with_position(f, d);
    let msg = level
        .title(&d.message)
        .id(d.rule)
        .snippet(
            Snippet::source(piece)
                .line_start(d.line)
                .origin(&path_label)
                .fold(false)
                .annotation(level.span(s..e)),
        )
        .footer(Level::Help.title(&footer_label));
    renderer.render(msg).to_string()
}

fn path_with_position(f: &FileReport, _d: &Diagnostic) -> String {
    if f.verbatim {
        f.path.clone()
    } else {
        format!("{} (decoded)", f.path)
    }
}

/// Renders the report as JSON exactly as in DESIGN §5.
pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(report).expect("a report serialises")
}

/// Renders the report as a SARIF 2.1.0 log.
pub fn sarif(report: &Report, lang: Lang) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": camel(r.id),
                "shortDescription": {"text": r.summary(lang)},
                "fullDescription": {"text": r.explain(lang)},
                "help": {"text": r.help(lang)},
                "defaultConfiguration": {"level": r.default.as_str()},
            })
        })
        .collect();
    let mut results = Vec::new();
    let mut artifacts = Vec::new();
    let mut notifications = Vec::new();
    for (ai, f) in report.files.iter().enumerate() {
        artifacts.push(json!({"location": {"uri": uri(&f.path)}}));
        if let Some(err) = &f.error {
            notifications.push(json!({
                "level": "error",
                "message": {"text": format!("{}: {err}", f.path)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&f.path), "index": ai}}}],
            }));
            continue;
        }
        for d in &f.diagnostics {
            let mut region = json!({
                "startLine": d.line,
                "startColumn": d.column,
                "endLine": d.end_line,
                "endColumn": d.end_column,
            });
            if f.verbatim {
                region["byteOffset"] = json!(d.start);
                region["byteLength"] = json!(d.end - d.start);
            }
            results.push(json!({
                "ruleId": d.rule,
                "ruleIndex": rule_index(d.rule),
                "level": d.severity.as_str(),
                "message": {"text": format!("{} ({})", d.message, d.help)},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(&f.path), "index": ai},
                        "region": region,
                    }
                }],
            }));
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "liaison",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/liaison",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "invocations": [{
                "executionSuccessful": report.files.iter().all(|f| f.error.is_none()),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("a SARIF log serialises")
}

fn camel(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// A relative URI reference for a path (percent-encoding what URIs do not allow).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}
