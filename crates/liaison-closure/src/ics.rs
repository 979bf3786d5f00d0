//! One iCalendar (RFC 5545) file of deadlines and due follow-ups: a VEVENT per open item
//! deadline (with a VALARM before it) and a VTODO per follow-up, in the Asia/Shanghai zone
//! (VTIMEZONE included), with UIDs derived from the collaboration so that importing the
//! file again updates the entries instead of duplicating them.

use chrono::{DateTime, Duration, FixedOffset, Utc};

/// One calendar entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The stable part of the UID (e.g. `<collaboration>-item-1`).
    pub key: String,
    /// A VTODO (a follow-up to do) rather than a VEVENT (a deadline).
    pub todo: bool,
    /// Summary.
    pub summary: String,
    /// Description.
    pub description: String,
    /// The deadline or due time.
    pub at: DateTime<FixedOffset>,
    /// Revision (increase when the time moves, so calendars take the update).
    pub sequence: u32,
}

/// The product id written in every file.
pub const PRODID: &str = "-//liaison//deadlines//ZH";
/// The zone every time is written in.
pub const TZID: &str = "Asia/Shanghai";

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets without splitting a UTF-8 character.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn local(t: DateTime<FixedOffset>) -> String {
    t.with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%Y%m%dT%H%M%S")
        .to_string()
}

/// The calendar of `entries`, stamped `now` (DTSTAMP).
pub fn calendar(entries: &[Entry], now: DateTime<FixedOffset>, name: &str) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(name)),
        format!("X-WR-TIMEZONE:{TZID}"),
        "BEGIN:VTIMEZONE".into(),
        format!("TZID:{TZID}"),
        "BEGIN:STANDARD".into(),
        "DTSTART:19700101T000000".into(),
        "TZOFFSETFROM:+0800".into(),
        "TZOFFSETTO:+0800".into(),
        "TZNAME:CST".into(),
        "END:STANDARD".into(),
        "END:VTIMEZONE".into(),
    ];
    let stamp = now.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string();
    for e in entries {
        let uid = format!("{}@liaison", e.key);
        if e.todo {
            lines.extend([
                "BEGIN:VTODO".into(),
                format!("UID:{uid}"),
                format!("DTSTAMP:{stamp}"),
                format!("SEQUENCE:{}", e.sequence),
                format!("DUE;TZID={TZID}:{}", local(e.at)),
                format!("SUMMARY:{}", escape(&e.summary)),
                format!("DESCRIPTION:{}", escape(&e.description)),
                "STATUS:NEEDS-ACTION".into(),
                "END:VTODO".into(),
            ]);
        } else {
            lines.extend([
                "BEGIN:VEVENT".into(),
                format!("UID:{uid}"),
                format!("DTSTAMP:{stamp}"),
                format!("SEQUENCE:{}", e.sequence),
                format!(
                    "DTSTART;TZID={TZID}:{}",
                    local(e.at - Duration::minutes(30))
                ),
                format!("DTEND;TZID={TZID}:{}", local(e.at)),
                format!("SUMMARY:{}", escape(&e.summary)),
                format!("DESCRIPTION:{}", escape(&e.description)),
                "TRANSP:TRANSPARENT".into(),
                "BEGIN:VALARM".into(),
                "ACTION:DISPLAY".into(),
                "TRIGGER;RELATED=END:-PT2H".into(),
                format!("DESCRIPTION:{}", escape(&e.summary)),
                "END:VALARM".into(),
                "END:VEVENT".into(),
            ]);
        }
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in lines {
        fold(&l, &mut out);
    }
    out
}

/// The entries `liaison ics` writes for `collabs`: a VEVENT per open item with a
/// deadline, and a VTODO per planned action (`actions`, as the planner gives them).
pub fn entries(
    collabs: &[liaison_model::Collaboration],
    actions: &[liaison_engine::DueAction],
    lang: liaison_model::Lang,
) -> Vec<Entry> {
    use liaison_model::{EventKind, ItemStatus};
    let mut entries = Vec::new();
    for c in collabs {
        for (i, it) in c.items.iter().enumerate() {
            if !matches!(it.status, ItemStatus::Open | ItemStatus::Overdue) {
                continue;
            }
            let Some(at) = it.promised.or(it.due) else {
                continue;
            };
            let moves = c
                .events
                .iter()
                .filter(|e| e.kind == EventKind::DeadlineChanged && e.item.is_none_or(|x| x == i))
                .count();
            let owner = it.owner.as_deref().unwrap_or("?");
            entries.push(Entry {
                key: format!("{}-item-{}", c.id, i + 1),
                todo: false,
                summary: match lang {
                    liaison_model::Lang::Zh => format!("截止：{}（{owner}）", it.what),
                    liaison_model::Lang::En => format!("Due: {} ({owner})", it.what),
                },
                description: format!(
                    "{}\n{}{}",
                    c.subject,
                    lang.pick("交付标准：", "Standard: "),
                    it.standard.as_deref().unwrap_or("-")
                ),
                at,
                sequence: moves as u32,
            });
        }
    }
    for (n, a) in actions.iter().enumerate() {
        let same_before = actions[..n]
            .iter()
            .filter(|b| b.collaboration == a.collaboration && b.action == a.action)
            .count();
        entries.push(Entry {
            key: format!(
                "{}-{}-{}",
                a.collaboration,
                format!("{:?}", a.action).to_lowercase(),
                same_before + 1
            ),
            todo: true,
            summary: format!(
                "{}{}{}",
                liaison_engine::views::action_label(lang, a.action),
                lang.pick("：", ": "),
                a.subject
            ),
            description: a.reason.clone(),
            at: a.due_at,
            sequence: 0,
        });
    }
    entries
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_chinese_lines_fold_on_characters() {
        let mut out = String::new();
        super::fold(&format!("SUMMARY:{}", "订单".repeat(40)), &mut out);
        for l in out.split("\r\n") {
            assert!(l.len() <= 75, "{l}");
        }
        assert_eq!(
            out.replace("\r\n ", "").trim_end(),
            format!("SUMMARY:{}", "订单".repeat(40))
        );
    }
}
