//! Threading keys (DESIGN §6): which earlier message, and so which collaboration, a
//! message belongs to.
//!
//! Strongest evidence first:
//! 1. `In-Reply-To` and `References` (`mid:` keys),
//! 2. Outlook's `Thread-Index`: its first 22 bytes (a FILETIME and a GUID) name the
//!    conversation and survive when Outlook drops `References` (`ti:` keys),
//! 3. the normalised subject — reply/forward prefixes (Re:, RE:, 回复:, 答复:, 回覆:, 转发:,
//!    Fw:, FW:, Fwd:, `Re[2]:` …, with ASCII or full-width colon, repeatedly) removed, reduced
//!    to its 【类型】项目 part as the anatomy reads it ([`liaison_anatomy::subject`]) —
//!    together with a participant address (`subj:` keys).
//!
//! A message *registers* [`ThreadKeys::own`] for its collaboration and *looks up*
//! [`ThreadKeys::lookup`] to find one. The store indexes keys as opaque strings.

use liaison_mail::Message;

pub use liaison_anatomy::subject::{strip_prefixes, topic_of};

/// The threading keys of one message.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ThreadKeys {
    /// Keys to index for this message's collaboration: its own Message-ID, its
    /// conversation (Thread-Index) and its subject topic with each participant.
    pub own: Vec<String>,
    /// Keys to search, strongest first: In-Reply-To, References (newest first), its own
    /// Message-ID (the same message re-sent with other bytes), Thread-Index, then the
    /// subject topic with the sender, then with each recipient.
    pub lookup: Vec<String>,
    /// The subject without reply/forward prefixes.
    pub normalized_subject: String,
    /// The 【类型】项目 part of the subject (or the whole normalised subject when it has
    /// no 【】 tag), lower-cased; empty when the subject is empty.
    pub topic: String,
    /// True when the subject carried a reply or forward prefix.
    pub is_reply: bool,
    /// True when the subject carried a forward prefix (转发, Fw, Fwd…).
    pub is_forward: bool,
}

impl ThreadKeys {
    /// The keys to search, strongest first (what `Store::find_thread` takes).
    pub fn lookup_keys(&self) -> &[String] {
        &self.lookup
    }
}

/// The key of a Message-ID.
pub fn mid_key(id: &str) -> String {
    format!(
        "mid:{}",
        id.trim().trim_start_matches('<').trim_end_matches('>')
    )
}

/// Computes the threading keys of a message.
pub fn keys(m: &Message) -> ThreadKeys {
    let liaison_anatomy::subject::Normalized {
        subject: normalized,
        topic,
        is_reply,
        is_forward,
    } = liaison_anatomy::subject::normalize(&m.subject);
    let mut own = Vec::new();
    let mut lookup = Vec::new();
    let push = |v: &mut Vec<String>, k: String| {
        if !v.contains(&k) {
            v.push(k);
        }
    };
    for id in &m.in_reply_to {
        if !id.is_empty() {
            push(&mut lookup, mid_key(id));
        }
    }
    for id in m.references.iter().rev() {
        if !id.is_empty() {
            push(&mut lookup, mid_key(id));
        }
    }
    if let Some(id) = m.message_id.as_deref().filter(|s| !s.is_empty()) {
        push(&mut own, mid_key(id));
        push(&mut lookup, mid_key(id));
    }
    if let Some(conv) = m
        .thread_index
        .as_deref()
        .and_then(thread_index_conversation)
    {
        let k = format!("ti:{conv}");
        push(&mut own, k.clone());
        push(&mut lookup, k);
    }
    if !topic.is_empty() {
        let mut participants: Vec<&str> = Vec::new();
        if let Some(f) = m.from.as_deref() {
            participants.push(f);
        }
        for a in m.to.iter().chain(m.cc.iter()) {
            if !participants.contains(&a.as_str()) {
                participants.push(a);
            }
        }
        for p in &participants {
            let k = subject_key(&topic, p);
            push(&mut own, k.clone());
            push(&mut lookup, k);
        }
    }
    ThreadKeys {
        own,
        lookup,
        normalized_subject: normalized,
        topic,
        is_reply,
        is_forward,
    }
}

/// The subject-fallback key of a topic and one participant address.
pub fn subject_key(topic: &str, address: &str) -> String {
    format!("subj:{topic}|{}", address.trim().to_lowercase())
}

/// The conversation of an Outlook `Thread-Index` header: the hex of its first 22 decoded
/// bytes. `None` when it is not base64 or shorter than 22 bytes.
pub fn thread_index_conversation(thread_index: &str) -> Option<String> {
    let bytes = base64_decode(thread_index)?;
    if bytes.len() < 22 {
        return None;
    }
    Some(bytes[..22].iter().map(|b| format!("{b:02x}")).collect())
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            _ => return None,
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_index_first_22_bytes() {
        // 22-byte header + one 5-byte child block.
        let parent = "AdZ1xKp0cGFmbHNlYnVnZ2FsbG93AA==";
        assert!(thread_index_conversation(parent).is_some());
        let a = thread_index_conversation("AQHZb2Qx3m1vYWJjZGVmZ2hpamtsbW5vcA==").unwrap();
        let b = thread_index_conversation("AQHZb2Qx3m1vYWJjZGVmZ2hpamtsbW5vcAAAAAAA").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.len(), 44);
        assert_eq!(thread_index_conversation("AQID"), None);
        assert_eq!(thread_index_conversation("!!!"), None);
    }

    #[test]
    fn reply_looks_up_its_parent_first() {
        let m = Message {
            message_id: Some("r@x".into()),
            in_reply_to: vec!["p@x".into()],
            references: vec!["o@x".into(), "p@x".into()],
            subject: "Re: 【需求对接】A-市场部-重要".into(),
            from: Some("b@x".into()),
            to: vec!["a@x".into()],
            ..Message::default()
        };
        let k = keys(&m);
        assert_eq!(&k.lookup[..3], ["mid:p@x", "mid:o@x", "mid:r@x"]);
        assert!(k.lookup.contains(&"subj:【需求对接】a|b@x".to_string()));
        assert!(k.own.contains(&"mid:r@x".to_string()));
        assert!(k.is_reply);
    }

    /// The threading topic and the anatomy's subject come from one reader: reply prefixes
    /// the anatomy used not to know (回覆, 答覆, Re[2]), a 〖〗 tag it did not accept, and an
    /// English project with a hyphen that the threading keys used to cut.
    #[test]
    fn topic_agrees_with_the_anatomy() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
        let opts = liaison_anatomy::ParseOptions::new(liaison_time::Context::new(now));
        for (subject, topic) in [
            (
                "回覆：Re[2]: [Request] Q3 go-live - R&D - Urgent",
                "【Request】q3 go-live",
            ),
            ("答覆: 〖需求对接〗Q4活动-市场部-重要", "【需求对接】q4活动"),
        ] {
            let m = Message {
                subject: subject.into(),
                from: Some("a@x".into()),
                ..Message::default()
            };
            let k = keys(&m);
            let raw = format!("Subject: {subject}\n\nhi\n");
            let a = liaison_anatomy::Anatomy::parse_plain(raw.as_bytes(), &opts);
            let s = a.subject.unwrap();
            assert_eq!(k.topic, topic, "{subject}");
            assert_eq!(s.topic, topic, "{subject}");
            assert!(k.is_reply && s.is_reply && s.kind.is_some(), "{subject}");
            let (tag, project) = (s.tag.unwrap().text, s.project.unwrap().text);
            assert_eq!(topic, format!("【{tag}】{}", project.to_lowercase()));
        }
    }

    proptest::proptest! {
        #[test]
        fn any_index_never_panics(ti in "[A-Za-z0-9+/=!]{0,60}") {
            let _ = thread_index_conversation(&ti);
        }
    }
}
