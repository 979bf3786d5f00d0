use super::*;

#[test]
fn dbg_tmp() {
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T17:00:00+08:00").unwrap();
    let ctx = liaison_time::Context::new(now);
    let t = "Hello Ma Chao,\n\nthank you for the detailed report, and sorry for the trouble.\n\nOur QA lab will analyse the samples as soon as they arrive. You will have the 8D report (D1-D4) on Friday before 18:00 CET as requested.";
    let c = clauses(t, &ctx);
    panic!("{:#?}", c);
}
