//! A Traditional-script subject is read like a Simplified one (issue 9, item 8):
//! `【需求對接】` was not recognised as a kind.

use liaison_anatomy::{Anatomy, ParseOptions};
use liaison_model::{Kind, Urgency};

#[test]
fn a_traditional_subject_has_its_kind_and_urgency() {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
    let opts = ParseOptions::new(liaison_time::Context::new(now));
    let raw = "Subject: 【需求對接】Q3用戶調研-市場部-緊急\nContent-Type: text/plain; charset=utf-8\n\n張經理，您好！\n";
    let a = Anatomy::parse_eml(raw.as_bytes(), &opts);
    let s = a.subject.as_ref().expect("a subject");
    assert_eq!(s.kind, Some(Kind::Request), "{s:?}");
    assert_eq!(s.urgency_value, Some(Urgency::Urgent), "{s:?}");
}
