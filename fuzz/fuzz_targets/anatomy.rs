//! Fuzz the draft anatomy: any bytes, read as a plain draft and as an .eml, must parse
//! without panicking, and every span must lie on char boundaries inside the source; the
//! quoted part of the same bytes read as a reply body must lie inside it.
#![no_main]

use liaison_anatomy::{Anatomy, ParseOptions, Span};
use libfuzzer_sys::fuzz_target;

fn check(a: &Anatomy) {
    let ok = |s: Span| {
        assert!(
            s.start <= s.end && s.end <= a.source.len(),
            "span out of range"
        );
        assert!(a.source.is_char_boundary(s.start) && a.source.is_char_boundary(s.end));
        assert!(s.line >= 1);
    };
    ok(a.body);
    if let Some(s) = &a.subject {
        ok(s.span);
        for p in s
            .tag
            .iter()
            .chain(&s.project)
            .chain(&s.urgency)
            .chain(&s.departments)
        {
            ok(p.span);
        }
    }
    for it in &a.items {
        ok(it.span);
        ok(it.what.span);
        if let Some(o) = &it.owner {
            ok(o.span);
        }
        if let Some(o) = &it.standard {
            ok(o.span);
        }
        if let Some(o) = &it.due {
            ok(o.span);
        }
    }
    for s in a
        .opening
        .iter()
        .chain(&a.closing)
        .chain(&a.background)
        .chain(&a.problem)
    {
        ok(s.span);
    }
    for r in &a.attachment_refs {
        ok(r.span);
    }
    for t in &a.times {
        ok(t.span);
    }
    if let Some(g) = &a.greeting {
        ok(g.span);
    }
    if let Some(s) = &a.signature {
        ok(s.span);
        for p in s
            .name
            .iter()
            .chain(&s.department)
            .chain(&s.title)
            .chain(&s.signoff)
            .chain(&s.contact)
        {
            ok(p.span);
        }
    }
    let _ = serde_json_size(a);
}

fn serde_json_size(a: &Anatomy) -> usize {
    format!("{a:?}").len()
}

fuzz_target!(|data: &[u8]| {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
    let opts = ParseOptions::new(liaison_time::Context::new(now));
    check(&Anatomy::parse_plain(data, &opts));
    check(&Anatomy::parse_eml(data, &opts));
    let body = String::from_utf8_lossy(data);
    let reply = liaison_anatomy::strip_quoted(&body);
    if let Some(q) = reply.quoted {
        assert!(
            q.start <= q.end && q.end <= body.len(),
            "quoted part out of range"
        );
        assert!(body.is_char_boundary(q.start) && body.is_char_boundary(q.end));
    }
    let _ = liaison_anatomy::classify_reply(&reply.text, false, &opts.time);
});
