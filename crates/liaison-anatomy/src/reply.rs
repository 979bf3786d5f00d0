//! Reading a reply: is it an acknowledgement, a delivery, a dispute or delay, and did it
//! promise a time?

use chrono::{DateTime, FixedOffset};
use liaison_model::text::clauses;
use liaison_time::{Context, ExprKind};

/// What one reply says, as far as the tracker cares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Classification {
    /// Something was delivered (attachments, 请查收, 已完成, 已提交, 附件为…).
    pub delivery: bool,
    /// The reply disputes or delays (无法, 来不及, 延期, 有异议, 推迟…); the phrase found.
    pub disagreement: Option<String>,
    /// A time the sender promised (预计今日18:00前提供…), earliest first.
    pub promised: Vec<DateTime<FixedOffset>>,
    /// Outgoing only: a progress update (进度同步).
    pub sync: bool,
    /// Outgoing only: a confirmation of a delivery (确认收到, 验收通过).
    pub confirmation: bool,
}

const DELIVERY: &[&str] = &[
    "请查收",
    "请查阅",
    "已完成",
    "已提交",
    "已交付",
    "已上线",
    "已发送",
    "已上传",
    "附件为",
    "附件是",
    "见附件",
    "详见附件",
    "已修复",
    "please find attached",
    "attached is",
    "is done",
    "delivered",
];

const DISAGREEMENT: &[&str] = &[
    "无法",
    "来不及",
    "延期",
    "有异议",
    "推迟",
    "延后",
    "不同意",
    "做不了",
    "不能按时",
    "需要更多时间",
    "顺延",
    "cannot",
    "can't",
    "delay",
    "postpone",
    "disagree",
];

const NEGATED_DELIVERY: &[&str] = &["未完成", "尚未完成", "还没完成", "没有完成", "未提交"];

const PROMISE: &[&str] = &[
    "预计",
    "将在",
    "会在",
    "争取",
    "保证",
    "承诺",
    "之前提供",
    "前提供",
    "前完成",
    "前给",
    "expect",
    "will",
];

const SYNC: &[&str] = &[
    "进度同步",
    "进展同步",
    "进度更新",
    "同步进度",
    "同步一下进展",
    "progress update",
];

const CONFIRM: &[&str] = &[
    "确认收到",
    "已确认",
    "验收通过",
    "已验收",
    "确认无误",
    "confirmed",
];

/// Classifies the new text of a reply (already stripped of quotes). `has_attachments` is
/// whether the message carries files; `ctx` resolves promised times (its `now` is the
/// reply's date).
pub fn classify_reply(text: &str, has_attachments: bool, ctx: &Context) -> Classification {
    let lower = text.to_lowercase();
    let negated = NEGATED_DELIVERY.iter().any(|w| lower.contains(w));
    let delivery = !negated && (has_attachments || DELIVERY.iter().any(|w| lower.contains(w)));
    let disagreement = DISAGREEMENT
        .iter()
        .find(|w| lower.contains(*w))
        .map(|w| w.to_string());
    let mut promised = Vec::new();
    for sentence in clauses(text) {
        let sl = sentence.to_lowercase();
        if !PROMISE.iter().any(|w| sl.contains(w)) {
            continue;
        }
        for e in liaison_time::scan(sentence, ctx) {
            if e.kind == ExprKind::Deadline
                && let Some(v) = e.value
            {
                promised.push(v);
            }
        }
    }
    promised.sort();
    promised.dedup();
    Classification {
        delivery,
        disagreement,
        promised,
        sync: SYNC.iter().any(|w| lower.contains(w)),
        confirmation: CONFIRM.iter().any(|w| lower.contains(w)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context {
        Context::new(DateTime::parse_from_rfc3339("2026-12-01T10:00:00+08:00").unwrap())
    }

    #[test]
    fn delivery_words_and_attachments() {
        assert!(classify_reply("方案已完成，请查收。", false, &ctx()).delivery);
        assert!(classify_reply("见下。", true, &ctx()).delivery);
        assert!(!classify_reply("还没完成，稍等。", false, &ctx()).delivery);
    }

    #[test]
    fn delay_with_promise() {
        let c = classify_reply(
            "测试环境故障，原定时间来不及。预计今日18:00前提供修复方案。",
            false,
            &ctx(),
        );
        assert_eq!(c.disagreement.as_deref(), Some("来不及"));
        assert_eq!(
            c.promised,
            vec![DateTime::parse_from_rfc3339("2026-12-01T18:00:00+08:00").unwrap()]
        );
    }

    /// A promise word in one English sentence does not promise the time in the next (the
    /// clauses are the model's sentences, which end at ". " too).
    #[test]
    fn a_promise_is_read_in_its_own_sentence() {
        let c = classify_reply(
            "We will look into it. The old deadline was Dec 1, 18:00.",
            false,
            &ctx(),
        );
        assert!(c.promised.is_empty(), "{:?}", c.promised);
        let c = classify_reply("We will send it by Dec 3, 18:00. Thanks", false, &ctx());
        assert_eq!(
            c.promised,
            vec![DateTime::parse_from_rfc3339("2026-12-03T18:00:00+08:00").unwrap()]
        );
    }

    #[test]
    fn quoted_trigger_words_do_not_count() {
        let body = "收到，已安排。\n\n-----原始邮件-----\n发件人：张三\n请于12月3日前延期\n";
        let text = crate::strip_quoted(body).text;
        assert!(classify_reply(&text, false, &ctx()).disagreement.is_none());
        assert!(classify_reply(body, false, &ctx()).disagreement.is_some());
    }
}
