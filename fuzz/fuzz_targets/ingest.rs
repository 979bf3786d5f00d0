//! Fuzz ingest's reading of mail: any bytes as one message (`Message::parse`, with the
//! charset guessing and multipart recovery), as an mbox (`MboxReader`, also behind a
//! `From ` line so the splitter sees a message), through mbox detection, and through the
//! header and body charset decoders. Nothing may panic, and the readers keep their
//! promises: only the first item of an mbox may be a report, every message's source is
//! numbered in order, and decoded header text (subject, sender's name) is one line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liaison_mail::Message;
use liaison_mail::charset;
use liaison_mail::mailbox::{MboxReader, looks_like_mbox};

fn mbox(bytes: &[u8]) {
    let items: Vec<_> = MboxReader::new(bytes, "f".into()).collect();
    let mut n = 0;
    for (i, item) in items.iter().enumerate() {
        match item {
            Ok(raw) => {
                n += 1;
                assert_eq!(raw.source, format!("f#{n}"));
                let m = Message::parse(&raw.bytes);
                check(&m);
            }
            Err(_) => assert_eq!(i, 0, "only the first item may be a report"),
        }
    }
}

fn check(m: &Message) {
    assert!(!m.subject.chars().any(char::is_control), "{:?}", m.subject);
    if let Some(n) = &m.from_name {
        assert!(!n.chars().any(char::is_control), "{n:?}");
    }
    if let Some(f) = &m.from {
        assert_eq!(f, &f.to_lowercase());
    }
    // Notes render in both languages.
    for n in &m.charset_notes {
        assert!(!n.text(false).is_empty() && !n.text(true).is_empty());
    }
    let _ = serde_json::to_string(m).expect("a message serialises");
}

fuzz_target!(|data: &[u8]| {
    check(&Message::parse(data));
    mbox(data);
    let mut framed = b"From fuzz@example.com Mon Nov 30 10:00:00 2026\n".to_vec();
    framed.extend_from_slice(data);
    mbox(&framed);
    let _ = looks_like_mbox(data);
    let (text, _) = charset::decode_header(data);
    assert!(!text.chars().any(char::is_control), "header text is one line: {text:?}");
    let (label, rest) = data.split_at(data.len().min(12));
    let label = String::from_utf8_lossy(label);
    let _ = charset::decode_declared(rest, Some(&label));
    let _ = charset::decode_declared(data, None);
});
