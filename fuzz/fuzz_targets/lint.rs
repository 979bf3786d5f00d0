//! Fuzz the whole linter: parse, check and render (text, JSON, SARIF) any bytes.
#![no_main]

use liaison_lint::{Lang, LintConfig, Linter, Report, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
    let linter = Linter::new(
        &LintConfig::default(),
        None,
        liaison_time::Context::new(now),
    )
    .unwrap();
    let plain = linter.lint_bytes("draft.md", data, None);
    let eml = linter.lint_bytes("draft.eml", data, Some(Lang::En));
    for f in [&plain, &eml] {
        for d in &f.diagnostics {
            assert!(d.start <= d.end && d.end <= f.source.len());
            assert!(d.line >= 1 && d.column >= 1);
        }
    }
    let report = Report::new(vec![plain, eml]);
    let _ = render::text(&report, Lang::Zh);
    let _ = render::json(&report);
    let _ = render::sarif(&report, Lang::En);
});
