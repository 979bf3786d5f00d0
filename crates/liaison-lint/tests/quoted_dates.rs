//! Dates in quoted parts record history: the original's send time in a quote header
//! (`On Wed, Jul 6, 2005 … wrote:`, `发送时间：…`, a bulletin board's `发信站: … (Wed Jul  6
//! 12:25:21 2005)`) and the deadlines the original set. The linter reads none of them as
//! this draft's deadlines (issue 10 item 5, issue 16). Each case has a control: the same
//! words written by the sender do raise the rule, so the test can fail.

use chrono::DateTime;
use liaison_lint::{LintConfig, Linter};

fn linter() -> Linter {
    let now = DateTime::parse_from_rfc3339("2026-12-01T10:00:00+08:00").unwrap();
    Linter::new(
        &LintConfig::default(),
        None,
        liaison_time::Context::new(now),
    )
    .unwrap()
}

/// A plain-text reply dated Tue, 1 Dec 2026, with `body` as its text.
fn eml(subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: Wang Fang <wangfang@example.com>\r\n\
         To: Li Lei <lilei@example.com>\r\n\
         Subject: {subject}\r\n\
         Date: Tue, 01 Dec 2026 10:00:00 +0800\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: 8bit\r\n\
         \r\n\
         {}",
        body.replace('\n', "\r\n")
    )
    .into_bytes()
}

/// The time rules raised on a draft, each with the text it points at.
fn time_rules(raw: &[u8]) -> Vec<(String, String)> {
    let l = linter();
    let a = l.parse("reply.eml", raw);
    let source = a.source.clone();
    l.report("reply.eml", a, None)
        .diagnostics
        .iter()
        .filter(|d| {
            matches!(
                d.rule,
                "deadline-past" | "weekday-mismatch" | "deadline-nonworking"
            )
        })
        .map(|d| (d.rule.to_string(), source[d.start..d.end].to_string()))
        .collect()
}

const OWN: &str = "Li Lei,\n\nthanks, we will confirm the carrier by Dec 4.\n\nWang Fang\n";

#[test]
fn an_english_attribution_and_the_quoted_ask_set_no_deadline() {
    let quote = "On Wed, Jul 6, 2005 at 12:25 PM, Li Lei <lilei@example.com> wrote:\n\
                 > Please send the samples by Nov 20 (Wed).\n";
    let raw = eml("Re: samples", &format!("{OWN}\n{quote}"));
    assert_eq!(time_rules(&raw), vec![]);
    // Control: the same ask written by the sender names the wrong weekday.
    let own = eml(
        "Re: samples",
        "Li Lei,\n\nPlease send the samples by Nov 20 (Wed).\n\nWang Fang\n",
    );
    let rules: Vec<String> = time_rules(&own).into_iter().map(|r| r.0).collect();
    assert!(rules.contains(&"weekday-mismatch".to_string()), "{rules:?}");
}

#[test]
fn an_outlook_header_block_sets_no_deadline() {
    // 2026-11-20 is a Friday: read as a date of this mail, 星期三 would be a mismatch.
    let quote = "-----原始邮件-----\n发件人: 李雷 <lilei@example.com>\n\
                 发送时间: 2026年11月20日(星期三) 10:00\n收件人: 王芳\n主题: 样品\n\n\
                 请于11月25日（周三）前寄出样品。\n";
    let raw = eml("回复: 样品", &format!("{OWN}\n{quote}"));
    assert_eq!(time_rules(&raw), vec![]);
    let own = eml(
        "回复: 样品",
        "李雷：\n\n请于11月20日(星期三)前寄出样品。\n\n王芳\n",
    );
    assert!(!time_rules(&own).is_empty());
}

#[test]
fn a_bulletin_board_ctime_stamp_sets_no_deadline() {
    let quote = "【 在 tiger (一只虎) 的大作中提到: 】\n: 标  题: 感想\n\
                 : 发信站: 水木社区 (Thu Jul  6 12:25:21 2005), 站内\n: \n\
                 : 7月8日(周五)前报名。\n";
    let raw = eml("Re: 感想", &format!("说得对。\n{quote}"));
    assert_eq!(time_rules(&raw), vec![]);
    // The post header of a forwarded board post is history too, quoted or not.
    let post = "发信人: tiger (一只虎), 信区: Girl\n标  题: 感想\n\
                发信站: 水木社区 (Thu Jul  6 12:25:21 2005), 站内\n\n正文。\n";
    assert_eq!(time_rules(&eml("感想", post)), vec![]);
    let own = eml("Re: 感想", "大家：\n\n请于7月8日(周五)前报名。\n\n王芳\n");
    assert!(!time_rules(&own).is_empty());
}
