//! A collaboration's timeline read for closing: per item the planned and actual dates,
//! how late, how many nudges, and the cause of a delay as the reply said it; the
//! escalations with the words that raised them; and what went well. The 复盘 mail, the
//! 成果确认与复盘表 and the report are built from this.

use chrono::{DateTime, FixedOffset};
use liaison_mail::Message;
use liaison_model::{Collaboration, EventKind, ItemStatus, Lang};
use serde::Serialize;

/// One item as the 复盘 sees it.
#[derive(Debug, Clone, Serialize)]
pub struct ItemRecord {
    /// 1-based number, as `liaison show` counts.
    pub number: usize,
    /// 做什么.
    pub what: String,
    /// 谁来做.
    pub owner: Option<String>,
    /// 交付标准.
    pub standard: Option<String>,
    /// The deadline first agreed.
    pub planned: Option<DateTime<FixedOffset>>,
    /// A later deadline the owner promised.
    pub promised: Option<DateTime<FixedOffset>>,
    /// When it was first delivered.
    pub delivered: Option<DateTime<FixedOffset>>,
    /// When the delivery was confirmed.
    pub confirmed: Option<DateTime<FixedOffset>>,
    /// Calendar days between the planned deadline and the delivery (0 when on time; as of
    /// `now` for an item not yet delivered).
    pub days_late: i64,
    /// Nudges sent to the item's owner.
    pub nudges: usize,
    /// The reply that gave the delay, quoted (the sentence that says it).
    pub cause: Option<String>,
    /// open, delivered, confirmed, overdue or dropped.
    pub status: &'static str,
    /// The reason of the last rejection, if the delivery was rejected.
    pub rejected: Option<String>,
}

/// One escalation.
#[derive(Debug, Clone, Serialize)]
pub struct EscalationRecord {
    /// When.
    pub at: DateTime<FixedOffset>,
    /// Who escalated.
    pub by: Option<String>,
    /// Who was told (Cc of the escalation mail).
    pub to: Vec<String>,
    /// Why, as the mail said it.
    pub cause: Option<String>,
    /// Whether every item was delivered afterwards.
    pub resolved: bool,
}

/// The timeline read for closing.
#[derive(Debug, Clone, Serialize)]
pub struct Closing {
    /// Per item.
    pub items: Vec<ItemRecord>,
    /// Escalations.
    pub escalations: Vec<EscalationRecord>,
    /// Nudges in all.
    pub nudges: usize,
    /// What went well, one sentence each.
    pub went_well: Vec<String>,
}

/// The event detail `liaison confirm --reject` records: this prefix, then the reason.
pub const REJECTED_PREFIX: &str = "rejected: ";

fn message<'a>(msgs: &'a [Message], id: Option<&str>) -> Option<&'a Message> {
    let id = id?.trim_matches(['<', '>']);
    msgs.iter()
        .find(|m| m.message_id.as_deref().map(|x| x.trim_matches(['<', '>'])) == Some(id))
}

/// The body without quoted history (lines from a quote marker or an `-----原始邮件-----`
/// header on).
fn fresh_text(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in body.lines() {
        let t = line.trim();
        if t.starts_with('>')
            || t.contains("原始邮件")
            || t.starts_with("-----Original")
            || (t.starts_with("On ") && t.ends_with("wrote:"))
        {
            break;
        }
        if !t.is_empty() {
            out.push(t);
        }
    }
    out
}

/// The sentence of `body` holding `phrase` (or the first sentence that is not a
/// greeting), ending with its 。/！.
pub fn quote(body: &str, phrase: Option<&str>) -> Option<String> {
    let lines = fresh_text(body);
    let sentences: Vec<String> = lines
        .iter()
        .flat_map(|l| split_sentences(l))
        .filter(|s| !is_greeting(s))
        .collect();
    let hit = phrase
        .filter(|p| !p.is_empty())
        .and_then(|p| sentences.iter().find(|s| s.contains(p)));
    hit.or(sentences.first()).cloned()
}

fn split_sentences(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in line.chars() {
        cur.push(c);
        if matches!(c, '。' | '！' | '？' | '!' | '?') {
            out.push(std::mem::take(&mut cur).trim().to_string());
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

fn is_greeting(s: &str) -> bool {
    let s = s.trim_end_matches(['，', ',', '：', ':', '！', '!']);
    s.chars().count() <= 12
        && (s.ends_with("好")
            || s.ends_with("您好")
            || s.starts_with("Hi")
            || s.starts_with("Dear"))
        || s.ends_with('：') && s.chars().count() <= 20
        || s.chars().count() <= 20 && s.contains('总') && s.ends_with('、')
}

fn same(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Reads `c`'s timeline with its messages `msgs` as of `now`.
pub fn closing(
    c: &Collaboration,
    msgs: &[Message],
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Closing {
    let mut items = Vec::new();
    for (i, it) in c.items.iter().enumerate() {
        let concerns = |e: &liaison_model::Event| e.item.is_none_or(|x| x == i);
        let delivered = c
            .events
            .iter()
            .find(|e| e.kind == EventKind::Delivered && concerns(e))
            .map(|e| e.at);
        let confirmed = c
            .events
            .iter()
            .rev()
            .find(|e| e.kind == EventKind::Confirmed && concerns(e))
            .map(|e| e.at);
        let rejected = c
            .events
            .iter()
            .rev()
            .filter(|e| e.kind == EventKind::Disagreement && e.item == Some(i))
            .find_map(|e| e.detail.as_deref()?.strip_prefix(REJECTED_PREFIX))
            .map(str::to_string);
        let end = delivered.unwrap_or(now);
        let days_late = match it.due {
            Some(d) if end > d => {
                let (a, b) = (d.date_naive(), end.with_timezone(d.offset()).date_naive());
                (b - a).num_days().max(1)
            }
            _ => 0,
        };
        let owner = it.owner.as_deref();
        let nudges = c
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Nudged)
            .filter(|e| match (owner, message(msgs, e.message_id.as_deref())) {
                (Some(o), Some(m)) => m.to.iter().any(|t| same(t, o)),
                // A nudge recorded without its mail concerns every item.
                _ => true,
            })
            .count();
        // The delay's cause: the owner's own words, first from a reply that disputed or
        // delayed, else from the reply that delivered late.
        let mut cause = None;
        if days_late > 0 || it.promised.is_some() {
            let from_owner = |e: &&liaison_model::Event| {
                owner.is_some_and(|o| e.actor.as_deref().is_some_and(|a| same(a, o)))
            };
            if let Some(e) = c
                .events
                .iter()
                .filter(|e| e.kind == EventKind::Disagreement && e.message_id.is_some())
                .find(from_owner)
            {
                cause = message(msgs, e.message_id.as_deref())
                    .and_then(|m| quote(&m.body, e.detail.as_deref()));
            }
            if cause.is_none()
                && days_late > 0
                && let Some(e) = c
                    .events
                    .iter()
                    .filter(|e| e.kind == EventKind::Delivered && e.item == Some(i))
                    .find(from_owner)
            {
                cause = message(msgs, e.message_id.as_deref()).and_then(|m| quote(&m.body, None));
            }
        }
        let status = match it.status {
            ItemStatus::Open | ItemStatus::Overdue => {
                if it.promised.or(it.due).is_some_and(|d| d < now) {
                    "overdue"
                } else {
                    "open"
                }
            }
            ItemStatus::Delivered => "delivered",
            ItemStatus::Confirmed => "confirmed",
            ItemStatus::Dropped => "dropped",
        };
        items.push(ItemRecord {
            number: i + 1,
            what: it.what.clone(),
            owner: it.owner.clone(),
            standard: it.standard.clone(),
            planned: it.due,
            promised: it.promised,
            delivered,
            confirmed,
            days_late,
            nudges,
            cause,
            status,
            rejected,
        });
    }
    let all_delivered_at = items
        .iter()
        .map(|i| i.delivered)
        .collect::<Option<Vec<_>>>();
    let escalations = c
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Escalated)
        .map(|e| {
            let m = message(msgs, e.message_id.as_deref());
            EscalationRecord {
                at: e.at,
                by: e.actor.clone(),
                to: m.map(|m| m.cc.clone()).unwrap_or_default(),
                cause: m
                    .and_then(|m| quote(&m.body, Some("升级")).or_else(|| quote(&m.body, None))),
                resolved: all_delivered_at
                    .as_ref()
                    .is_some_and(|d| d.iter().all(|t| *t > e.at)),
            }
        })
        .collect();
    let nudges = c
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Nudged)
        .count();
    let went_well = went_well(c, &items, lang);
    Closing {
        items,
        escalations,
        nudges,
        went_well,
    }
}

fn hm(t: DateTime<FixedOffset>) -> String {
    t.format("%m-%d %H:%M").to_string()
}

fn went_well(c: &Collaboration, items: &[ItemRecord], lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for i in items {
        let Some(d) = i.delivered else { continue };
        if i.days_late == 0 && i.planned.is_some() {
            out.push(match lang {
                Lang::Zh => format!("事项{}「{}」按时交付（{}）", i.number, i.what, hm(d)),
                Lang::En => format!(
                    "Item {} \"{}\" was delivered on time ({})",
                    i.number,
                    i.what,
                    hm(d)
                ),
            });
        } else if let Some(p) = i.promised.filter(|p| d <= *p) {
            out.push(match lang {
                Lang::Zh => format!(
                    "事项{}「{}」延期后在承诺时间前交付（承诺 {}，实际 {}）",
                    i.number,
                    i.what,
                    hm(p),
                    hm(d)
                ),
                Lang::En => format!(
                    "Item {} \"{}\" was delivered before the promised time after its delay (promised {}, delivered {})",
                    i.number,
                    i.what,
                    hm(p),
                    hm(d)
                ),
            });
        }
        if let Some(cf) = i.confirmed
            && (cf - d).num_hours() < 24
            && cf >= d
        {
            out.push(match lang {
                Lang::Zh => format!("事项{}在交付后24小时内完成确认", i.number),
                Lang::En => format!(
                    "Item {} was confirmed within 24 hours of delivery",
                    i.number
                ),
            });
        }
    }
    let escalated = c.events.iter().any(|e| e.kind == EventKind::Escalated);
    if escalated && items.iter().all(|i| i.delivered.is_some()) {
        out.push(
            lang.pick(
                "升级后各事项均已交付，升级起到了推动作用",
                "after the escalation every item was delivered",
            )
            .to_string(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn the_quote_is_the_sentence_that_says_it_without_greeting_or_history() {
        let body = "赵敏你好，接口改造涉及支付模块，原定10月9日来不及。\n预计10月12日18:00前提交评估文档。\n\n> 请于10月9日前提交";
        assert_eq!(
            quote(body, Some("来不及")).as_deref(),
            Some("赵敏你好，接口改造涉及支付模块，原定10月9日来不及。")
        );
        let body = "李娜你好：\n抱歉节前休假未及时回复。附件为数据。\n-----原始邮件-----\n来不及";
        assert_eq!(
            quote(body, None).as_deref(),
            Some("抱歉节前休假未及时回复。")
        );
        // A phrase only in the quoted history is not quoted from there.
        assert_eq!(
            quote(body, Some("来不及")).as_deref(),
            Some("抱歉节前休假未及时回复。")
        );
        assert_eq!(quote("", None), None);
    }
}
