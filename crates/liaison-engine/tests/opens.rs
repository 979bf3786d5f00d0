//! `tracker::opens` decides from the subject alone whether `tracker::open` opens a
//! collaboration, so that the anatomy of our own replies is read only when needed. The two
//! must agree on every message: checked on the hand-written corpus of
//! crates/liaison-anatomy (every message sent by "us") and on generated subjects of every
//! shape (prefixes, brackets, kinds in both languages, departments, urgency words, folded
//! and RFC 2047-encoded headers).

use liaison_engine::tracker::{TrackerConfig, open, opens};
use liaison_mail::Message;
use liaison_model::{Directory, KindTable};
use liaison_time::Context;
use proptest::prelude::*;
use std::path::Path;

fn config(me: &str) -> TrackerConfig {
    TrackerConfig {
        me: vec![me.to_string()],
        kinds: KindTable::default(),
        directory: Directory::default(),
        time: Context::new(
            chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+08:00").unwrap(),
        ),
    }
}

fn agree(raw: &[u8]) -> Result<bool, String> {
    let m = Message::parse(raw);
    let cfg = config(m.from.as_deref().unwrap_or("nobody@example.com"));
    let opened = open(&m, raw, &cfg).is_some();
    if opens(&m, &cfg) == opened {
        Ok(opened)
    } else {
        Err(format!(
            "subject {:?}: open says {opened}, opens says {}",
            m.subject, !opened
        ))
    }
}

#[test]
fn opens_agrees_with_open_on_the_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../liaison-anatomy/tests/corpus");
    let (mut seen, mut openers) = (0, 0);
    for part in ["tune", "heldout"] {
        for e in std::fs::read_dir(root.join(part)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "eml") {
                let raw = std::fs::read(&p).unwrap();
                openers += usize::from(
                    agree(&raw)
                        .map_err(|e| format!("{}: {e}", p.display()))
                        .unwrap(),
                );
                seen += 1;
            }
        }
    }
    assert!(seen > 400, "the corpus was not found ({seen} messages)");
    // Sent by us, almost every tagged corpus mail opens: the test saw both answers.
    assert!(openers > 100 && openers < seen, "{openers} of {seen}");
}

fn subject() -> impl Strategy<Value = String> {
    let prefix = prop::sample::select(vec![
        "",
        "Re: ",
        "RE: ",
        "回复：",
        "回复: ",
        "答复：",
        "回覆：",
        "Re[2]: ",
        "Fwd: ",
        "转发：",
        "Re: Re: ",
        "  ",
        "FW: 回复：",
    ]);
    let open = prop::sample::select(vec!["【", "[", "［", "〖", "(", ""]);
    let close = prop::sample::select(vec!["】", "]", "］", "〗", ")", ""]);
    let kind = prop::sample::select(vec![
        "需求对接",
        "需求",
        "问题升级",
        "进度同步",
        "进度汇报",
        "跟进",
        "成果汇报",
        "会议邀请",
        "Request",
        "request",
        "Issue",
        "Sync",
        "未知类型",
        "",
        " 需求对接 ",
        "需求对接】【问题",
    ]);
    let rest = prop::sample::select(vec![
        "Q4活动数据-数据部-重要",
        "项目A/接口联调-技术部-紧急",
        "Campaign data - Marketing - Urgent",
        "周报",
        "",
        "-市场部-一般",
        "项目-部门-紧急-重要",
        " 跨部门 协作 ",
        "【问题升级】嵌套",
    ]);
    (prefix, open, kind, close, rest).prop_map(|(p, o, k, c, r)| format!("{p}{o}{k}{c}{r}"))
}

fn mail(subject_header: &str) -> Vec<u8> {
    format!(
        "Message-ID: <x@ours.example.com>\r\nDate: Tue, 01 Dec 2026 10:00:00 +0800\r\nFrom: 赵敏 <zhaomin@ours.example.com>\r\nTo: lina@theirs.example.com\r\nSubject: {subject_header}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n李经理，您好！\r\n\r\n1. 提供数据（负责人：李娜，12月3日17:00前）\r\n\r\n赵敏\r\n"
    )
    .into_bytes()
}

fn encoded(s: &str) -> String {
    use std::fmt::Write;
    let mut b64 = String::new();
    // A minimal base64 encoder (the test avoids another dependency).
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for c in s.as_bytes().chunks(3) {
        let n = c.iter().fold(0u32, |a, &x| a << 8 | x as u32) << (8 * (3 - c.len()));
        for i in 0..4 {
            if i <= c.len() {
                b64.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                b64.push('=');
            }
        }
    }
    let mut out = String::new();
    write!(out, "=?UTF-8?B?{b64}?=").unwrap();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn opens_agrees_with_open_on_any_subject(s in subject(), form in 0..3u8) {
        let header = match form {
            0 => s.clone(),
            1 => encoded(&s),
            // Folded after the first character boundary past the middle.
            _ => {
                let mut cut = s.len() / 2;
                while !s.is_char_boundary(cut) {
                    cut += 1;
                }
                format!("{}\r\n {}", &s[..cut], &s[cut..])
            }
        };
        prop_assert!(agree(&mail(&header)).is_ok(), "{}", agree(&mail(&header)).unwrap_err());
    }
}
