//! Threading from realistic client output: Outlook (Thread-Index, no References), Foxmail
//! (In-Reply-To only, GB2312), Gmail (References), a forward, a reply whose subject was
//! rewritten, and controls that must not join. Fixtures: `tests/fixtures/threading/*.eml`
//! beside `expected.json` (made by `generate.py` there).

use liaison_engine::thread::keys;
use liaison_mail::Message;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

#[test]
fn fixtures_thread_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/threading");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 10);

    // The same first-writer-wins index the store keeps (thread_keys table).
    let mut index: HashMap<String, String> = HashMap::new();
    let mut threads = BTreeMap::new();
    let mut matched_by = BTreeMap::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let msg = Message::parse(&std::fs::read(path).unwrap());
        assert!(msg.problems.is_empty(), "{name}: {:?}", msg.problems);
        let k = keys(&msg);
        let hit = k
            .lookup_keys()
            .iter()
            .find_map(|key| index.get(key).map(|t| (key.clone(), t.clone())));
        let thread = match hit {
            Some((key, t)) => {
                let kind = key.split(':').next().unwrap().to_string() + ":";
                matched_by.insert(name.clone(), serde_json::Value::String(kind));
                t
            }
            None => name.clone(),
        };
        for key in k.own {
            index.entry(key).or_insert_with(|| thread.clone());
        }
        threads.insert(name, serde_json::Value::String(thread));
    }
    assert_eq!(
        serde_json::Value::Object(threads.into_iter().collect()),
        expected["threads"]
    );
    assert_eq!(
        serde_json::Value::Object(matched_by.into_iter().collect()),
        expected["matched_by"]
    );
}

#[test]
fn outlook_reply_shares_the_conversation_of_its_parent() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/threading");
    let open = Message::parse(&std::fs::read(dir.join("01-outlook-open.eml")).unwrap());
    let reply = Message::parse(&std::fs::read(dir.join("02-outlook-reply.eml")).unwrap());
    assert!(reply.references.is_empty() && reply.in_reply_to.is_empty());
    let (a, b) = (keys(&open), keys(&reply));
    let ti = |k: &liaison_engine::thread::ThreadKeys| {
        k.own
            .iter()
            .find(|s| s.starts_with("ti:"))
            .cloned()
            .unwrap()
    };
    assert_eq!(ti(&a), ti(&b));
    assert_eq!(
        b.normalized_subject,
        "【需求对接】Q4营销活动数据支持-市场部-重要"
    );
    assert_eq!(b.topic, "【需求对接】q4营销活动数据支持");
    assert!(b.is_reply && !b.is_forward);
    let fwd = Message::parse(&std::fs::read(dir.join("05-forward.eml")).unwrap());
    assert!(keys(&fwd).is_forward);
}
