//! The opening (开场白): the first paragraph after the greeting.

use super::{Role, Sec, heading, list_marker, table_row};
use crate::{Anatomy, Line, Section};
use liaison_model::text::sentence_count;

/// Reads the opening: the rest of the greeting line (from `opening_from`, a byte offset)
/// and/or the block at `cursor`, up to a heading or a list. Returns the line after it.
pub(super) fn read(
    a: &mut Anatomy,
    lines: &[Line],
    roles: &mut [Role],
    cursor: usize,
    end: usize,
    opening_from: Option<usize>,
) -> usize {
    let mut i = cursor;
    if opening_from.is_none() {
        while i < end && lines[i].blank {
            i += 1;
        }
    }
    let start_off = opening_from.or_else(|| (i < end).then(|| lines[i].start));
    let mut last_end = None;
    if let Some(s) = opening_from {
        last_end = Some(lines[cursor - 1].end.max(s));
    }
    // A letter written line by line, each line a finished sentence (`…同意关闭。⏎补货已入库。
    // ⏎后续请按对策执行。`), opens with its first line; the lines under it are the body. (A
    // hard-wrapped paragraph breaks its lines inside sentences.) The first line may be the
    // rest of the greeting line (`丽娟姐，…今天下班前告诉我就行。⏎谢谢！`).
    let line_by_line =
        opening_from.is_some_and(|s| ends_sentence(&a.source[s..lines[cursor - 1].end]));
    while !line_by_line && i < end && !lines[i].blank {
        let t = &a.source[lines[i].start..lines[i].end];
        // `本周进度：整体完成约55%` or `进度简单说下：` opening the mail is its opening, not a
        // part heading; a part the guide names (背景, 需求, 附件…) ends it.
        let first_line = last_end.is_none();
        let part = heading(t).is_some_and(|(k, _)| !(first_line && k == Sec::Other));
        if part || list_marker(t).is_some() || table_row(t) {
            break;
        }
        roles[i] = Role::Opening;
        last_end = Some(lines[i].end);
        i += 1;
        // A line that introduces what follows (`麻烦采购部催一下：`) ends the opening.
        if t.trim_end().ends_with(['：', ':']) && first_line {
            break;
        }
        if ends_sentence(t) && i < end && !lines[i].blank {
            break;
        }
    }
    // A bracketed label before the first sentence (`【情况】12月2日夜班…`, `【事由】…`) names
    // the paragraph; it is no part of what the opening says.
    let start_off = start_off.map(|s| {
        let t = &a.source[s..last_end.unwrap_or(s).max(s)];
        match t
            .strip_prefix('【')
            .and_then(|r| r.find('】').map(|k| (r, k)))
        {
            Some((r, k))
                if r[..k].chars().count() <= 8 && !r[k + '】'.len_utf8()..].trim().is_empty() =>
            {
                let after = &r[k + '】'.len_utf8()..];
                s + '【'.len_utf8() + k + '】'.len_utf8() + (after.len() - after.trim_start().len())
            }
            _ => s,
        }
    });
    if let (Some(s), Some(e)) = (start_off, last_end)
        && e > s
    {
        let span = a.span(s, e);
        let text = a.source[s..e].trim().to_string();
        a.opening = Some(Section {
            heading: None,
            sentences: sentence_count(&text),
            text,
            span,
        });
    }
    i
}

/// Whether a line ends with a sentence's end mark (see `liaison_model::text::sentences`).
fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['。', '！', '？', '!', '?', '.'])
}
