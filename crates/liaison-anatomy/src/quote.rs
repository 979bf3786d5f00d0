//! Quoted parts of a reply: the original that mail clients append or interleave.

use std::ops::Range;

/// A reply's new text and where its quoted part was.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stripped {
    /// The new text: the body without `>` lines and without everything from a quote header
    /// on, one `\n` after each line kept.
    pub text: String,
    /// The quoted part, as a byte range of the body given: from the first quoted line (or
    /// quote header) to the end of the body after a quote header, else to the end of the
    /// last `>` line. `None` when nothing is quoted.
    pub quoted: Option<Range<usize>>,
}

/// Cuts the quoted original from a reply: lines starting with `>`, and everything after a
/// quote header (-----原始邮件-----, -----Original Message-----, 在…写道：, On … wrote:,
/// a `发件人:`/`From:` header line).
pub fn strip_quoted(body: &str) -> Stripped {
    let mut out = Stripped::default();
    let mut pos = 0;
    for piece in body.split_inclusive('\n') {
        let start = pos;
        pos += piece.len();
        // As `str::lines`: the line break, and a `\r` before it, are not part of the line.
        let line = match piece.strip_suffix('\n') {
            Some(l) => l.strip_suffix('\r').unwrap_or(l),
            None => piece,
        };
        let t = line.trim();
        let lower = t.to_ascii_lowercase();
        if t.starts_with("-----原始邮件")
            || lower.starts_with("-----original message")
            || lower.starts_with("---------- forwarded")
            || t.starts_with("------------------ 原始邮件")
            || (t.starts_with('在') && (t.ends_with("写道：") || t.ends_with("写道:")))
            || (lower.starts_with("on ") && lower.ends_with("wrote:"))
            || t.starts_with("发件人：")
            || t.starts_with("发件人:")
            || lower.starts_with("from: ")
        {
            let from = out.quoted.as_ref().map_or(start, |q| q.start);
            out.quoted = Some(from..body.len());
            break;
        }
        if t.starts_with('>') {
            let from = out.quoted.as_ref().map_or(start, |q| q.start);
            out.quoted = Some(from..start + line.len());
            continue;
        }
        out.text.push_str(line);
        out.text.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_header_cuts_the_rest() {
        let body = "收到，已安排。\n\n-----原始邮件-----\n发件人：张三\n请于12月3日前延期\n";
        let s = strip_quoted(body);
        assert_eq!(s.text, "收到，已安排。\n\n");
        let q = s.quoted.unwrap();
        assert!(body[q.clone()].starts_with("-----原始邮件-----"));
        assert_eq!(q.end, body.len());
    }

    #[test]
    fn quoted_lines_are_skipped_and_spanned() {
        let body = "> 上次说的方案\r\n> 请确认\r\n可以，按此执行。\r\n> 附件\r\n谢谢\r\n";
        let s = strip_quoted(body);
        assert_eq!(s.text, "可以，按此执行。\n谢谢\n");
        let q = s.quoted.unwrap();
        assert_eq!(q.start, 0);
        assert!(body[..q.end].ends_with("> 附件"));
        let plain = strip_quoted("没有引用\n第二行");
        assert_eq!(plain.text, "没有引用\n第二行\n");
        assert_eq!(plain.quoted, None);
        assert_eq!(strip_quoted(""), Stripped::default());
    }

    /// The new text is what the line-by-line cut gave before spans were kept.
    #[test]
    fn text_agrees_with_lines() {
        let old = |body: &str| -> String {
            let mut out = String::new();
            for line in body.lines() {
                let t = line.trim();
                if t.starts_with("-----原始邮件") || t.starts_with("发件人：") {
                    break;
                }
                if t.starts_with('>') {
                    continue;
                }
                out.push_str(line);
                out.push('\n');
            }
            out
        };
        for body in [
            "a\r\nb\r\n",
            "a\nb",
            "a\r",
            "\n\n",
            "> q\r\na\r\n发件人：x\r\nb",
            "x\r\r\ny",
            "",
        ] {
            assert_eq!(strip_quoted(body).text, old(body), "{body:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_body_gives_a_range_inside_it(body in "(\\PC|\r|\n|>){0,80}") {
            let s = strip_quoted(&body);
            if let Some(q) = s.quoted {
                proptest::prop_assert!(q.start <= q.end && q.end <= body.len());
                proptest::prop_assert!(body.is_char_boundary(q.start) && body.is_char_boundary(q.end));
            }
        }
    }
}
