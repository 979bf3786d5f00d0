//! What the tracker records from replies (issue 10 item 4): events follow the anatomy's
//! reply reading — an auto-reply is no answer, a promise moves only the items it names, a
//! question is a reply, a partial delivery delivers what it names.

use liaison_engine::{Tracker, TrackerConfig};
use liaison_model::{Collaboration, Directory, EventKind, ItemStatus, KindTable};
use liaison_time::Context;

fn config() -> TrackerConfig {
    TrackerConfig {
        me: vec!["zhaomin@example.com".into()],
        kinds: KindTable::default(),
        directory: toml::from_str::<Directory>(include_str!("story/directory.toml")).unwrap(),
        time: Context::new(
            chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap(),
        ),
    }
}

/// A request with three items: 王磊 owns 1 and 2, 李娜 owns 3.
const OPEN: &str = "Message-ID: <open@example.com>\r\nDate: Mon, 30 Nov 2026 10:00:00 +0800\r\nFrom: 赵敏 <zhaomin@example.com>\r\nTo: wanglei@example.com, lina@example.com\r\nSubject: 【需求对接】会员积分改造-技术部/数据部-重要\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n王经理、李娜，您好！\r\n\r\n会员积分改造需要两个部门配合。\r\n\r\n1. 王磊负责积分接口改造方案，12月4日18:00前提交，交付标准：含工期；\r\n2. 王磊负责压测报告，12月8日18:00前提交，交付标准：含峰值；\r\n3. 李娜负责导出积分明细表，12月3日18:00前发送，交付标准：CSV。\r\n\r\n赵敏\r\n产品部 产品经理\r\n电话：010-1234\r\n";

fn reply(id: &str, date: &str, from: &str, headers: &str, body: &str) -> Vec<u8> {
    format!(
        "Message-ID: <{id}@example.com>\r\nDate: {date}\r\nIn-Reply-To: <open@example.com>\r\nReferences: <open@example.com>\r\nFrom: {from}\r\nTo: zhaomin@example.com\r\nSubject: 回复：【需求对接】会员积分改造-技术部/数据部-重要\r\n{headers}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

fn run(mails: &[Vec<u8>]) -> Collaboration {
    let mut t = Tracker::new(config());
    t.apply_message(OPEN.as_bytes())
        .expect("the request opens a collaboration");
    for m in mails {
        t.apply_message(m);
    }
    let mut all = t.collaborations();
    assert_eq!(all.len(), 1);
    all.remove(0)
}

fn kinds(c: &Collaboration) -> Vec<(EventKind, Option<usize>)> {
    c.events.iter().map(|e| (e.kind, e.item)).collect()
}

#[test]
fn an_auto_reply_is_recorded_as_such_and_is_no_answer() {
    let auto = reply(
        "auto",
        "Mon, 30 Nov 2026 10:01:00 +0800",
        "李娜 <lina@example.com>",
        "Auto-Submitted: auto-replied\r\n",
        "您好，我12月1日前休假，期间邮件回复不及时。",
    );
    let c = run(&[auto]);
    assert_eq!(
        kinds(&c),
        vec![(EventKind::Sent, None), (EventKind::AutoReplied, None)]
    );
    assert!(
        c.events[1]
            .detail
            .as_deref()
            .unwrap()
            .contains("Auto-Submitted")
    );
    // An out-of-office text without the header reads the same.
    let auto = reply(
        "auto2",
        "Mon, 30 Nov 2026 10:01:00 +0800",
        "李娜 <lina@example.com>",
        "",
        "您好，我11月30日至12月2日出差，期间邮件查看不及时，紧急事项请联系周芳。",
    );
    let c = run(&[auto]);
    assert_eq!(c.events.last().unwrap().kind, EventKind::AutoReplied);
    assert!(!c.events.iter().any(|e| e.kind == EventKind::Replied));
}

#[test]
fn a_promise_moves_only_the_item_it_names() {
    let promise = reply(
        "p1",
        "Tue, 01 Dec 2026 09:00:00 +0800",
        "王磊 <wanglei@example.com>",
        "",
        "赵敏你好，第2项压测报告12月7日18:00前给你。",
    );
    let c = run(&[promise]);
    let moved: Vec<Option<usize>> = c
        .events
        .iter()
        .filter(|e| e.kind == EventKind::DeadlineChanged)
        .map(|e| e.item)
        .collect();
    assert_eq!(moved, vec![Some(1)]);
    assert_eq!(c.items[0].promised, None);
    assert_eq!(
        c.items[1].promised.map(|p| p.to_rfc3339()),
        Some("2026-12-07T18:00:00+08:00".into())
    );
    assert_eq!(c.items[2].promised, None);
}

#[test]
fn a_promise_that_names_none_moves_the_senders_items() {
    let promise = reply(
        "p2",
        "Tue, 01 Dec 2026 09:00:00 +0800",
        "王磊 <wanglei@example.com>",
        "",
        "收到，12月7日18:00前一起发你。",
    );
    let c = run(&[promise]);
    let moved: Vec<Option<usize>> = c
        .events
        .iter()
        .filter(|e| e.kind == EventKind::DeadlineChanged)
        .map(|e| e.item)
        .collect();
    assert_eq!(moved, vec![Some(0), Some(1)]);
    assert_eq!(c.items[2].promised, None);
}

#[test]
fn a_question_is_a_reply_and_moves_nothing() {
    let q = reply(
        "q",
        "Mon, 30 Nov 2026 15:00:00 +0800",
        "李娜 <lina@example.com>",
        "",
        "收到。想确认一下：明细表要含已过期的积分吗？",
    );
    let c = run(&[q]);
    assert_eq!(
        kinds(&c),
        vec![(EventKind::Sent, None), (EventKind::Replied, None)]
    );
}

#[test]
fn quoted_and_negated_words_move_nothing() {
    let r = reply(
        "n",
        "Mon, 30 Nov 2026 15:00:00 +0800",
        "王磊 <wanglei@example.com>",
        "",
        "收到，没有异议，不会延期。\r\n\r\n-----原始邮件-----\r\n发件人：赵敏\r\n发送时间：2026年11月30日 10:00\r\n主题：需求\r\n\r\n如无法按时完成请申请延期，附件请查收。",
    );
    let c = run(&[r]);
    assert_eq!(
        kinds(&c),
        vec![(EventKind::Sent, None), (EventKind::Replied, None)]
    );
}

#[test]
fn a_partial_delivery_delivers_what_it_names_and_promises_the_rest() {
    let r = reply(
        "pd",
        "Thu, 03 Dec 2026 17:00:00 +0800",
        "王磊 <wanglei@example.com>",
        "",
        "赵敏你好，第1项改造方案已完成，请查收共享盘；第2项压测报告还在跑，12月8日中午前补齐。",
    );
    let c = run(&[r]);
    assert_eq!(c.items[0].status, ItemStatus::Delivered);
    assert_eq!(c.items[1].status, ItemStatus::Open);
    assert_eq!(
        c.items[1].promised.map(|p| p.to_rfc3339()),
        Some("2026-12-08T12:00:00+08:00".into())
    );
    assert_eq!(c.items[2].status, ItemStatus::Open);
}

#[test]
fn our_sync_in_a_kickoff_thread_is_a_sync_not_a_nudge() {
    let r = reply(
        "s",
        "Wed, 02 Dec 2026 10:00:00 +0800",
        "赵敏 <zhaomin@example.com>",
        "",
        "各位，同步一下积分改造的进展：接口方案在评审，压测环境已就绪，明细表等数据部。",
    );
    let c = run(&[r]);
    assert_eq!(c.events.last().unwrap().kind, EventKind::Synced);
}
