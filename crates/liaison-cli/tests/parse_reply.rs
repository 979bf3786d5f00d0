//! `liaison parse` on a reply: the reply class and the stripped new text, as text and as
//! JSON (`reply`), read as the tracker reads it.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const NOW: &str = "2026-12-01T10:00:00+08:00";

fn liaison(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_liaison"))
        .args(args)
        .current_dir(dir)
        .env_remove("LIAISON_LANG")
        .env_remove("LIAISON_CONFIG")
        .env_remove("LIAISON_DIRECTORY")
        .env_remove("LIAISON_NOW")
        .output()
        .unwrap()
}

const REPLY: &str = "Message-ID: <r1@example.com>\r\nDate: Tue, 01 Dec 2026 09:00:00 +0800\r\nIn-Reply-To: <open@example.com>\r\nFrom: =?UTF-8?B?546L56OK?= <wanglei@example.com>\r\nTo: zhaomin@example.com\r\nSubject: =?UTF-8?B?5Zue5aSN77ya44CQ6ZyA5rGC5a+55o6l44CR56ev5YiG?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n赵敏你好，\r\n\r\n第2项压测报告来不及了，最快12月7日18:00前给你，不会影响上线。\r\n\r\n王磊\r\n技术部 经理\r\n电话：010-5555 1234\r\n\r\n发自我的iPhone\r\n\r\n-----原始邮件-----\r\n发件人：赵敏\r\n发送时间：2026年11月30日 10:00\r\n主题：积分\r\n\r\n请于12月4日前提交，附件请查收。\r\n";

#[test]
fn parse_shows_the_reply_class_and_new_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("reply.eml");
    std::fs::write(&p, REPLY).unwrap();
    let file = p.display().to_string();
    let o = liaison(
        &["parse", "--format", "json", "--now", NOW, &file],
        dir.path(),
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let r = &v["reply"];
    assert_eq!(r["class"], "delay");
    assert_eq!(r["promised"], "2026-12-07T18:00:00+08:00");
    assert_eq!(
        r["new_text"],
        "赵敏你好，\n\n第2项压测报告来不及了，最快12月7日18:00前给你，不会影响上线。"
    );
    assert_eq!(r["quoted"]["first_line"], "-----原始邮件-----");
    assert!(
        r["negations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n == "不会影响")
    );
    // The anatomy is still there beside it.
    assert!(v["subject"].is_object());

    let o = liaison(&["--lang", "en", "parse", "--now", NOW, &file], dir.path());
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("reply class: delay"), "{text}");
    assert!(text.contains("    | 第2项压测报告来不及了"), "{text}");
    assert!(!text.contains("    | 发自我的iPhone"), "{text}");

    // Our own mail in our thread is the requester's: a nudge.
    let ours = REPLY
        .replace("wanglei@example.com", "zhaomin@example.com")
        .replace(
            "第2项压测报告来不及了，最快12月7日18:00前给你，不会影响上线。",
            "跟进一下：第2项压测报告还没收到，麻烦今天发我。",
        );
    std::fs::write(&p, ours).unwrap();
    let o = liaison(
        &[
            "parse",
            "--format",
            "json",
            "--me",
            "zhaomin@example.com",
            "--now",
            NOW,
            &file,
        ],
        dir.path(),
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["reply"]["class"],
        "nudge",
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_draft_that_is_no_reply_has_no_reply_reading() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("new.md");
    std::fs::write(
        &p,
        "Subject: 【需求对接】积分-技术部-重要\nTo: wanglei@example.com\n\n王经理，您好！\n\n请于12月4日前提交方案。\n\n赵敏\n产品部\n电话：010-1234\n",
    )
    .unwrap();
    let o = liaison(
        &[
            "parse",
            "--format",
            "json",
            "--now",
            NOW,
            &p.display().to_string(),
        ],
        dir.path(),
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.get("reply").is_none());
}
