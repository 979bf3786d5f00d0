//! The closing: the last paragraph(s) before the signature.

use super::Role;
use crate::words::search_lower;
use crate::{Anatomy, Line, Section};
use liaison_model::text::sentence_count;

/// Reads the closing: the free paragraph right before the signature (line `end`).
pub(super) fn read(a: &mut Anatomy, lines: &[Line], roles: &[Role], cursor: usize, end: usize) {
    // Closing: the free paragraph right before the signature.
    let mut j = end;
    while j > cursor.min(end) && roles[j - 1] == Role::Blank {
        j -= 1;
    }
    let last = j;
    // A mail that ends with a link (`Prototype: https://…`) has no closing.
    let link_end = last > 0 && {
        let t = &a.source[lines[last - 1].start..lines[last - 1].end];
        let l = search_lower(t);
        (l.contains("http://") || l.contains("https://") || l.contains("www."))
            && t.split_whitespace().count() <= 4
    };
    let mut blocks = 0;
    let mut k = if link_end { 0 } else { j };
    while k > 0 && blocks < 1 {
        if !matches!(roles[k - 1], Role::Free | Role::Opening | Role::Deadline) {
            break;
        }
        let mut s = k;
        while s > 0 && matches!(roles[s - 1], Role::Free | Role::Opening | Role::Deadline) {
            s -= 1;
        }
        let only_opening = (s..k).all(|x| roles[x] == Role::Opening);
        if only_opening && blocks > 0 {
            break;
        }
        k = s;
        blocks += 1;
        if only_opening {
            break;
        }
        // Skip blank lines between two closing paragraphs.
        let mut b = k;
        while b > 0 && roles[b - 1] == Role::Blank {
            b -= 1;
        }
        if b == k || b == 0 {
            break;
        }
        if !matches!(roles[b - 1], Role::Free) {
            break;
        }
        k = b;
    }
    if blocks > 0 && k < last {
        let mut s = k;
        while s < last && roles[s] == Role::Blank {
            s += 1;
        }
        let (cs, ce) = (lines[s].start, lines[last - 1].end);
        // When the opening shares its line with the greeting, start after the greeting.
        let cs = if roles[s] == Role::Opening {
            a.opening
                .as_ref()
                .map(|o| o.span.start.max(cs))
                .unwrap_or(cs)
        } else {
            cs
        };
        // `…请今天回复。\n谢谢！`: the thanks line alone closes the mail.
        let cs = if last - s >= 2 {
            let tl = lines[last - 1];
            let t = &a.source[tl.start..tl.end];
            if crate::signature::is_weak_valediction(t) && !t.trim_end().ends_with([',', '，']) {
                tl.start
            } else {
                cs
            }
        } else {
            cs
        };
        if ce > cs {
            let text = a.source[cs..ce].trim().to_string();
            let span = a.span(cs, ce);
            a.closing = Some(Section {
                heading: None,
                sentences: sentence_count(&text),
                text,
                span,
            });
        }
    }
}

/// A closing that holds an ask read as an item is the item: the closing is what comes
/// after it, if anything.
pub(super) fn trim_asks(a: &mut Anatomy) {
    // A closing that holds an ask read as an item is the item: the closing is what comes
    // after it (`…请今天18:00前发我。谢谢！` closes with `谢谢！`), if anything.
    if let Some(c) = &a.closing
        && let Some(last) = a
            .items
            .iter()
            .filter(|it| it.span.start >= c.span.start && it.span.start < c.span.end)
            .map(|it| it.span.end)
            .max()
    {
        let ce = c.span.end;
        let tail = &a.source[last.min(ce)..ce];
        let rest = tail
            .trim_start_matches(|ch: char| ch.is_whitespace() || "。！？!?.；;，,".contains(ch))
            .trim_end();
        a.closing = if rest.is_empty() {
            None
        } else {
            let cs = last.min(ce)
                + (tail.len()
                    - tail
                        .trim_start_matches(|ch: char| {
                            ch.is_whitespace() || "。！？!?.；;，,".contains(ch)
                        })
                        .len());
            let text = rest.to_string();
            Some(Section {
                heading: None,
                sentences: sentence_count(&text),
                span: a.span(cs, cs + text.len()),
                text,
            })
        };
    }
}
