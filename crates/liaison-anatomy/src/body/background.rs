//! The background (背景/目标) written without a heading.

use super::{Role, heading, reads_like_background};
use crate::{Anatomy, Line, Section};
use liaison_model::text::sentence_count;

/// Reads the background paragraphs between the opening (lines before `cursor`) and the
/// first item, when no heading named them.
pub(super) fn read(a: &mut Anatomy, lines: &[Line], roles: &mut [Role], cursor: usize, end: usize) {
    // Background without a heading: the first free paragraph after the opening that reads
    // like one.
    // Every such paragraph up to the first item counts (`…the situation paragraphs between
    // the opening and the ask`), also before an ask made in prose.
    let first_ask = a
        .items
        .iter()
        .filter(|it| !it.is_listed())
        .map(|it| it.span.start)
        .min();
    if a.background.is_empty() {
        let mut i = cursor;
        while i < end {
            if roles[i] == Role::Free {
                let s = i;
                while i < end && roles[i] == Role::Free {
                    i += 1;
                }
                let (bs, be) = (lines[s].start, lines[i - 1].end);
                let text = a.source[bs..be].to_string();
                // Not the last paragraph (that is the closing), nor a line introducing a list.
                // (A block of data lines, `鑫达五金（￥186,420.00）` one a line, states no
                // situation: no line of it is a sentence.)
                let data_block = i - s >= 2
                    && (s..i).all(|k| {
                        let l = a.source[lines[k].start..lines[k].end].trim_end();
                        !(l.contains(['。', '，', '；'])
                            || l.contains(", ")
                            || l.contains(". ")
                            || l.ends_with('.'))
                    });
                let more_after = (i..end).any(|k| matches!(roles[k], Role::Item | Role::Heading))
                    || first_ask.is_some_and(|f| f >= be) && !data_block;
                // A paragraph labelled as the impact (`影响：复测不通过…`, `【影响】交期有风险`,
                // `Impact: …`) between the opening and the ask states the situation: it is no
                // part heading or intro, whatever the label reads as.
                let first_line = &a.source[lines[s].start..lines[s].end];
                let intro = text.trim_end().ends_with(['：', ':'])
                    || heading(first_line).is_some() && !impact_label(first_line);
                // A paragraph ending with a colon right above a list (`To complete our review,
                // could you kindly send us:`, `为避免再次发生，以下几项需要落实：`) introduces
                // the asks, however much it sounds like a situation.
                let next = (i..end).find(|&k| !lines[k].blank);
                // (So does a bracketed label alone on the paragraph's last line, `【需要】`.)
                let last = a.source[lines[i - 1].start..lines[i - 1].end].trim();
                let bracketed = last.starts_with('【') && last.ends_with('】');
                let list_intro = (text.trim_end().ends_with(['：', ':']) || bracketed)
                    && next.is_some_and(|k| roles[k] == Role::Item);
                if list_intro {
                    break;
                }
                if reads_like_background(&text) || more_after && !intro {
                    for r in roles.iter_mut().take(i).skip(s) {
                        *r = Role::Background;
                    }
                    // `原因：…`, `Overall: …`, `What slipped: …`: the label is no sentence.
                    let label_end = text.find(['：', ':']).filter(|&ci| {
                        let label = text[..ci].trim();
                        let n = label.chars().count();
                        (1..=16).contains(&n)
                            && !label.contains(['，', '。', ',', '.', '；', ';'])
                            && !label.ends_with(|c: char| c.is_ascii_digit())
                            && label.split_whitespace().count() <= 3
                            && !text[ci..].trim_start_matches(['：', ':']).trim().is_empty()
                    });
                    // `【影响】…`: the bracketed label is no sentence either.
                    let label_end = label_end.or_else(|| {
                        text.strip_prefix('【')
                            .and_then(|r| r.find('】'))
                            .map(|ci| ci + '【'.len_utf8())
                            .filter(|&ci| !text[ci + '】'.len_utf8()..].trim().is_empty())
                    });
                    let (bs, text) = match label_end {
                        Some(ci) => {
                            let colon = text[ci..].chars().next().map_or(1, char::len_utf8);
                            let rest = text[ci + colon..]
                                .trim_start_matches(['：', ':'])
                                .trim_start();
                            (be - rest.len(), rest.to_string())
                        }
                        None => (bs, text),
                    };
                    let span = a.span(bs, be);
                    a.background.push(Section {
                        heading: None,
                        sentences: sentence_count(&text),
                        text,
                        span,
                    });
                    // The next free paragraph before the ask is background too.
                    if first_ask.is_some_and(|f| f > be) {
                        continue;
                    }
                }
                break;
            }
            if matches!(roles[i], Role::Heading | Role::Item) {
                break;
            }
            i += 1;
        }
    }
    for s in a.background.iter_mut().chain(a.problem.iter_mut()) {
        s.sentences = sentence_count(&s.text);
    }
}

/// Whether an opening ends by announcing the results it reports (`…done today. Summary:`,
/// `向您汇报改善项目的结果：`): the list under it states the situation (corpus A3).
pub(super) fn announces_results(opening: &str) -> bool {
    let Some(t) = opening.trim_end().strip_suffix(['：', ':']) else {
        return false;
    };
    let l = t
        .trim_end()
        .trim_end_matches("如下")
        .trim_end()
        .to_lowercase();
    ["summary", "results", "result", "结果", "結果"]
        .iter()
        .any(|w| l.ends_with(w))
}

/// Whether a line opens with an impact label holding content on the same line (`影响：…`,
/// `【影響】…`, `Impact: …`).
fn impact_label(line: &str) -> bool {
    let t = line.trim_start();
    let (label, rest) = if let Some(r) = t.strip_prefix('【')
        && let Some(ci) = r.find('】')
    {
        (&r[..ci], &r[ci + '】'.len_utf8()..])
    } else if let Some(ci) = t.find(['：', ':']) {
        (&t[..ci], &t[ci..])
    } else {
        return false;
    };
    let label = label.trim().to_lowercase();
    matches!(
        label.as_str(),
        "影响" | "影響" | "impact" | "business impact"
    ) && !rest.trim_start_matches(['：', ':', ' ']).trim().is_empty()
}

/// The labels that name a situation in retrospectives, result reports and issue mail:
/// results, what went well or wrong, impact and loss, causes and lessons (corpus A3). A line
/// they open is background without them; a data label (`GMV:`, `Roof:`) stays with its line.
const SITUATION_LABELS: &[&str] = &[
    "结果",
    "结论",
    "问题",
    "问题回顾",
    "不足",
    "做得好",
    "做得好的",
    "做得不好",
    "做得不好的",
    "亮点",
    "经过",
    "影响",
    "影响范围",
    "损失",
    "原因",
    "根因",
    "原因分析",
    "根本原因",
    "经验",
    "教训",
    "经验教训",
    "results",
    "summary",
    "result",
    "what went well",
    "what went wrong",
    "what slipped",
    "what did not go well",
    "what didn't go well",
    "impact",
    "business impact",
    "loss",
    "cause",
    "causes",
    "root cause",
    "root causes",
    "lessons",
    "lessons learnt",
    "lessons learned",
];

/// Words that make a label name a situation wherever they stand in it (`延期原因`,
/// `What didn't go well`, `Lessons learnt`); `问题`, `不足` only do as the whole label.
const SITUATION_WORDS: &[&str] = &[
    "what went well",
    "what went wrong",
    "what didn't",
    "what did not",
    "what slipped",
    "做得好",
    "做得不好",
    "影响",
    "影響",
    "损失",
    "損失",
    "原因",
    "根因",
    "root cause",
    "cause",
    "impact",
    "lessons",
    "教训",
    "教訓",
    "result",
];

/// Whether a (normalized, lower-case) label names a situation (corpus A3).
pub(super) fn is_situation_label(label: &str) -> bool {
    let label = label.trim();
    SITUATION_LABELS.contains(&label) || SITUATION_WORDS.iter().any(|w| label.contains(w))
}

/// Where the content starts after a situation label opening the line (`根因：…`,
/// `Root cause: …`, `【影响】…`), when it holds content.
pub(super) fn situation_label(line: &str) -> Option<usize> {
    let lead = line.len() - line.trim_start().len();
    let t = &line[lead..];
    let (label, after) = if let Some(r) = t.strip_prefix('【')
        && let Some(ci) = r.find('】')
    {
        (&r[..ci], '【'.len_utf8() + ci + '】'.len_utf8())
    } else {
        let ci = t.find(['：', ':'])?;
        (
            &t[..ci],
            ci + t[ci..].chars().next().map_or(1, char::len_utf8),
        )
    };
    let label = crate::reply::cues::normalize(label.trim().trim_matches('*'));
    // A sentence before a colon (`也有两个地方做得不够：`) is no label.
    if label.chars().count() > 16
        || label.contains(['，', '。', ',', '.', '；', ';'])
        || !is_situation_label(&label)
    {
        return None;
    }
    let rest = &t[after..];
    let content = rest.trim_start_matches(['：', ':', ' ', '*']);
    (!content.trim().is_empty()).then(|| lead + after + (rest.len() - content.len()))
}

#[cfg(test)]
mod tests {
    use super::{impact_label, situation_label};

    #[test]
    fn situation_labels() {
        let s = "根因：温控模块的固件没有升级。";
        assert_eq!(
            &s[situation_label(s).unwrap()..],
            "温控模块的固件没有升级。"
        );
        let s = "Root cause: the vendor changed the file format.";
        assert_eq!(
            &s[situation_label(s).unwrap()..],
            "the vendor changed the file format."
        );
        // `Summary:` of a result report (corpus A3).
        let s = "Summary: all four sites passed the audit.";
        assert_eq!(
            &s[situation_label(s).unwrap()..],
            "all four sites passed the audit."
        );
        let s = "【損失】退貨三百件。";
        assert_eq!(&s[situation_label(s).unwrap()..], "退貨三百件。");
        // A data label names no situation, and a bare label holds nothing to read.
        assert_eq!(situation_label("Revenue: 3.2M vs. 3.0M"), None);
        assert_eq!(situation_label("原因："), None);
    }

    #[test]
    fn impact_labels() {
        assert!(impact_label("影响：周五前不到货，产线停两天。"));
        assert!(impact_label("【影響】出貨要延後一週。"));
        assert!(impact_label("Impact: the launch slips by a week."));
        // A bare heading introduces a part; other labels are not the impact.
        assert!(!impact_label("影响："));
        assert!(!impact_label("原因：供应商漏发。"));
        assert!(!impact_label("请协助："));
    }
}
