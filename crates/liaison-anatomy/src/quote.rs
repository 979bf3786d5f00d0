//! Quoted parts of a reply: the original that mail clients append or interleave.
//!
//! A quote starts at one of these, whatever the client:
//!
//! - a separator line naming the original: `-----Original Message-----`, `-----原始邮件-----`,
//!   QQ's `------------------ 原始邮件 ------------------`, NetEase's `---- 回复的原邮件 ----`
//!   and `-------- 转发邮件信息 --------`, Gmail's `---------- Forwarded message ---------`,
//!   Feishu's `---------- 转发的邮件 ----------`, Thunderbird's `-------- Forwarded Message
//!   --------`, Apple's `Begin forwarded message:`;
//! - a header block: a sender line (`From:`, `发件人：`, `寄件者:`, `Von:`, NetEase's
//!   `| 发件人 | … |`) followed within a few lines by another header (`Sent:`, `发送时间：`,
//!   `日期:`, `寄件日期:`, `To:`, `收件人：`, `Subject:`, `主题：`, `主旨:` …), together with an
//!   Outlook `____` rule or DingTalk's dash line right above it;
//! - an attribution line, also when wrapped over up to three lines: `On … wrote:`,
//!   `在 …，… 写道：`, `X <x@y> 于…写道：`, `於 … 寫道:`, `Am … schrieb …:`, `Le … a écrit :`;
//! - lines starting with `>`.
//!
//! After a separator, header block or attribution, the rest of the body is quoted — unless
//! the next line with words starts with `>`: then only the `>` lines are quoted and the lines
//! between them are the writer's own (bottom-posting and inline answers).

use std::ops::Range;

/// A reply's new text and where its quoted part was.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stripped {
    /// The new text: the body without `>` lines, quote headers and what follows a quote
    /// that is not `>`-quoted, one `\n` after each line kept.
    pub text: String,
    /// The quoted part, as a byte range of the body given: from the first quoted line (or
    /// the rule above its header) to the end of the body when the quote runs to the end,
    /// else to the end of the last quoted line. `None` when nothing is quoted.
    pub quoted: Option<Range<usize>>,
    /// Every quoted piece, as byte ranges of the body: runs of `>` lines, quote headers and
    /// the quoted tail, without the writer's own lines between them (inline answers).
    pub parts: Vec<Range<usize>>,
    /// The quote headers (attribution lines, header blocks, separator lines) among
    /// [`Stripped::parts`]: history (`On Wed, Jul 6, 2005 … wrote:`, `发件时间：…`), whose
    /// dates set no deadline.
    pub headers: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn lines(body: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for piece in body.split_inclusive('\n') {
        let start = pos;
        pos += piece.len();
        // As `str::lines`: the line break, and a `\r` before it, are not part of the line.
        let text = match piece.strip_suffix('\n') {
            Some(l) => l.strip_suffix('\r').unwrap_or(l),
            None => piece,
        };
        out.push(Line {
            start,
            end: start + text.len(),
            text,
        });
    }
    out
}

/// Cuts the quoted original from a reply (see the module documentation for what starts a
/// quote).
pub fn strip_quoted(body: &str) -> Stripped {
    let ls = lines(body);
    let mut out = Stripped::default();
    let mut quoted_from: Option<usize> = None;
    let mut quoted_to = 0;
    let mut keep = vec![true; ls.len()];
    let mut i = 0;
    // Bulletin-board quoting: a run of lines starting with `: ` (at least two).
    let colon_quoted = |k: usize| {
        ls.get(k).is_some_and(|l| {
            let t = l.text.trim_end();
            t.starts_with(": ") || t == ":"
        })
    };
    while i < ls.len() {
        let t = ls[i].text.trim();
        // `发信站: 水木社区 (Wed Jul  6 11:08:47 2005), 站内`: when a board post was sent.
        if t.trim_start_matches([':', ' ']).starts_with("发信站") {
            out.headers.push(ls[i].start..ls[i].end);
        }
        if colon_quoted(i) && (i > 0 && colon_quoted(i - 1) || colon_quoted(i + 1)) {
            keep[i] = false;
            quoted_from.get_or_insert(ls[i].start);
            quoted_to = ls[i].end;
            i += 1;
            continue;
        }
        if t.starts_with('>') {
            keep[i] = false;
            quoted_from.get_or_insert(ls[i].start);
            quoted_to = ls[i].end;
            i += 1;
            continue;
        }
        let Some(n) = quote_header(&ls, i) else {
            i += 1;
            continue;
        };
        // A rule right above the header (Outlook's underscores, DingTalk's dashes) belongs to
        // the quote.
        let mut first = i;
        let mut j = i;
        while j > 0 && ls[j - 1].text.trim().is_empty() {
            j -= 1;
        }
        if j > 0 && is_rule(ls[j - 1].text) && j > quoted_from_line(&ls, quoted_from) {
            first = j - 1;
        }
        let next = (i + n..ls.len()).find(|&k| !ls[k].text.trim().is_empty());
        let gt_style =
            next.is_some_and(|k| ls[k].text.trim_start().starts_with('>') || colon_quoted(k));
        for k in keep.iter_mut().take(i + n).skip(first) {
            *k = false;
        }
        out.headers.push(ls[i].start..ls[i + n - 1].end);
        quoted_from.get_or_insert(ls[first].start);
        if gt_style {
            quoted_to = ls[i + n - 1].end;
            i += n;
            continue;
        }
        for k in keep.iter_mut().skip(i + n) {
            *k = false;
        }
        quoted_to = body.len();
        break;
    }
    for (l, k) in ls.iter().zip(&keep) {
        if *k {
            out.text.push_str(l.text);
            out.text.push('\n');
        } else if let Some(last) = out.parts.last_mut()
            && body[last.end..l.start].trim().is_empty()
        {
            last.end = l.end;
        } else {
            out.parts.push(l.start..l.end);
        }
    }
    out.quoted = quoted_from.map(|s| s..quoted_to.max(s));
    out
}

/// The index of the line starting at `from` (0 when none), so that a rule is never taken
/// from before the part already quoted.
fn quoted_from_line(ls: &[Line<'_>], from: Option<usize>) -> usize {
    match from {
        None => 0,
        Some(f) => ls.iter().position(|l| l.start >= f).unwrap_or(0),
    }
}

/// A line of only `-`, `_`, `=` or `*` (at least 5), what clients draw above a quote header.
fn is_rule(t: &str) -> bool {
    let t = t.trim();
    t.chars().count() >= 5 && t.chars().all(|c| matches!(c, '-' | '_' | '=' | '*' | '—'))
}

/// Whether a quote starts at line `i`; the number of lines its header takes.
fn quote_header(ls: &[Line<'_>], i: usize) -> Option<usize> {
    let t = ls[i].text.trim();
    if t.is_empty() {
        return None;
    }
    if is_separator(t) {
        return Some(1);
    }
    if let Some(n) = header_block(ls, i) {
        return Some(n);
    }
    attribution(ls, i)
}

/// `t` in lower case, borrowed when no character of it changes: nearly every line of
/// Chinese mail, where lowering each line of each body into a new string was a fortieth of an
/// ingest.
fn lower(t: &str) -> std::borrow::Cow<'_, str> {
    if t.chars().all(caseless) {
        std::borrow::Cow::Borrowed(t)
    } else {
        std::borrow::Cow::Owned(t.to_lowercase())
    }
}

/// Characters `to_lowercase` leaves as they are, by range: ASCII other than capitals,
/// general punctuation, and CJK through Hangul and the full-width forms before `Ａ`
/// (the test `caseless_ranges_do_not_change` checks every character of them).
fn caseless(c: char) -> bool {
    if c.is_ascii() {
        !c.is_ascii_uppercase()
    } else {
        ('\u{2000}'..='\u{206F}').contains(&c)
            || ('\u{3000}'..='\u{A63F}').contains(&c)
            || ('\u{A800}'..='\u{FF20}').contains(&c)
    }
}

/// A separator line that names the original or a forward.
fn is_separator(t: &str) -> bool {
    // A lead needs a short line, the rest a line that starts with a rule.
    let ruled = t.starts_with("--") || t.starts_with("——") || t.starts_with("__");
    if !ruled && t.chars().count() > 40 {
        return false;
    }
    let lower = lower(t);
    for lead in [
        "begin forwarded message",
        "开始转发的邮件",
        "開始轉寄的郵件",
        "轉寄的郵件",
        "转发的邮件：",
        "转发的邮件:",
    ] {
        if lower.starts_with(lead) && t.chars().count() <= 40 {
            return true;
        }
    }
    if !ruled {
        return false;
    }
    let core: String = lower
        .trim_matches(|c: char| matches!(c, '-' | '_' | '=' | '—' | '*') || c.is_whitespace())
        .to_string();
    // A line framed by dash runs on both sides is a client's marker, never prose, so it may
    // carry the sender and the date (Zoho's `---- On … wrote ---`, Notes' `----- 转发者 孙丽华
    // 于 2026/12/01 10:31 -----`); an unframed one stays short.
    let framed = lower.trim_end().ends_with("---") && core.chars().count() <= 100;
    if core.is_empty() || (core.chars().count() > 30 && !framed) {
        return false;
    }
    if framed && (core.ends_with("wrote") || core.ends_with("写道") || core.ends_with("寫道")) {
        return true;
    }
    [
        "原始邮件",
        "原始郵件",
        "原始信息",
        "原始訊息",
        "转发信息",
        "原邮件",
        "原郵件",
        "邮件原文",
        "郵件原文",
        "转发",
        "轉寄",
        "转寄",
        "轉發",
        "original message",
        "forwarded message",
        "forwarded",
        "reply message",
        "replied message",
        "ursprüngliche nachricht",
        "weitergeleitete nachricht",
        "message d'origine",
        "message transféré",
    ]
    .iter()
    .any(|w| core.contains(w))
}

/// What a quote-header line says, by its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    From,
    Other,
}

/// The label of a header line (`From:`, `发件人：`, `| 发件人 | … |`, `From: \t…`).
fn label(t: &str) -> Option<Label> {
    let t = t.trim().trim_start_matches('|').trim_start();
    // The label ends at the first colon (ASCII or full width) or, in NetEase's table, `|`.
    let end = t.find([':', '：', '|'])?;
    let name: String = t[..end]
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect::<String>()
        .to_lowercase();
    if name.is_empty() || name.chars().count() > 14 {
        return None;
    }
    const FROM: &[&str] = &["from", "发件人", "寄件者", "寄件人", "發件人", "von", "de"];
    const OTHER: &[&str] = &[
        "sent",
        "date",
        "to",
        "cc",
        "subject",
        "发送时间",
        "发送日期",
        "日期",
        "时间",
        "時間",
        "收件人",
        "收件者",
        "抄送",
        "抄送人",
        "副本",
        "主题",
        "主題",
        "主旨",
        "寄件日期",
        "傳送時間",
        "发送",
        "gesendet",
        "datum",
        "an",
        "betreff",
        "envoyé",
        "à",
        "objet",
    ];
    if FROM.contains(&name.as_str()) {
        Some(Label::From)
    } else if OTHER.contains(&name.as_str()) {
        Some(Label::Other)
    } else {
        None
    }
}

/// A header block: a sender line and another header line within the next few lines.
fn header_block(ls: &[Line<'_>], i: usize) -> Option<usize> {
    let t = ls[i].text.trim();
    if label(t) != Some(Label::From) {
        return None;
    }
    // `From: x [mailto:x]` or a one-line block after HTML flattening.
    let lower = t.to_lowercase();
    let after_label = lower
        .char_indices()
        .find(|(_, c)| matches!(c, ':' | '：' | '|'))
        .map_or("", |(k, c)| &lower[k + c.len_utf8()..]);
    let others = [
        "sent:",
        "date:",
        "to:",
        "subject:",
        "发送时间",
        "日期",
        "时间",
        "收件人",
        "主题",
        "寄件日期",
        "收件者",
        "主旨",
    ]
    .iter()
    .filter(|w| after_label.contains(*w))
    .count();
    let inline = lower.contains("[mailto:")
        || ["sent:", "发送时间：", "发送时间:", "date:"]
            .iter()
            .any(|w| after_label.contains(w))
        || others >= 2;
    let mut others = 0;
    let mut last = i;
    for (k, l) in ls.iter().enumerate().skip(i + 1).take(6) {
        let lt = l.text.trim();
        if lt.is_empty() {
            continue;
        }
        match label(lt) {
            Some(_) => {
                others += 1;
                last = k;
            }
            None => break,
        }
    }
    (others >= 1 || inline).then_some(last - i + 1)
}

/// An attribution line (`On … wrote:` and its kin), possibly wrapped over three lines.
fn attribution(ls: &[Line<'_>], i: usize) -> Option<usize> {
    let mut joined = String::new();
    for (n, l) in ls.iter().skip(i).take(3).enumerate() {
        let t = l.text.trim();
        if t.is_empty() || t.starts_with('>') {
            return None;
        }
        if n > 0 {
            // Wrapping happens only in an attribution that began like one.
            let head = joined.to_lowercase();
            let began = head.starts_with("on ")
                || head.starts_with("am ")
                || head.starts_with("le ")
                || head.starts_with('在')
                || head.starts_with('於')
                || head.starts_with('于')
                || head.contains('<') && !head.contains('>');
            if !began {
                return None;
            }
            if !joined.ends_with('<') && !t.starts_with('>') {
                joined.push(' ');
            }
        }
        joined.push_str(t);
        if is_attribution(&joined) {
            return Some(n + 1);
        }
    }
    None
}

fn is_attribution(t: &str) -> bool {
    let chars = t.chars().count();
    if chars > 300 {
        return false;
    }
    // Bulletin-board replies (newsmth and its kin): `【 在 tiger (一只虎) 的大作中提到: 】`.
    if chars <= 80 && (t.contains("的大作中提到") || t.contains("的来信中提到")) {
        return true;
    }
    let lower = lower(t);
    let dated = t.chars().any(|c| c.is_ascii_digit()) || t.contains('@');
    let ends = |w: &str| lower.trim_end().ends_with(w);
    if ends("wrote:") || ends("wrote :") || ends("a écrit :") || ends("a écrit:") {
        return dated || chars <= 60;
    }
    if ends("写道：") || ends("写道:") || ends("寫道：") || ends("寫道:") {
        return dated || chars <= 40;
    }
    if (lower.starts_with("am ") && lower.contains(" schrieb") && ends(":"))
        || ends("schrieb:")
        || ends("escribió:")
    {
        return dated;
    }
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn caseless_ranges_do_not_change() {
        let all = (0..=0x10FFFF_u32).filter_map(char::from_u32);
        for c in all.filter(|&c| super::caseless(c)) {
            let mut lower = c.to_lowercase();
            assert_eq!(
                (lower.next(), lower.next()),
                (Some(c), None),
                "U+{:04X}",
                c as u32
            );
        }
        assert_eq!(super::lower("张伟 写道："), "张伟 写道：");
        assert_eq!(
            super::lower("On Mon, Zhang Wei WROTE:"),
            "on mon, zhang wei wrote:"
        );
        assert_eq!(super::lower("Ünal ＡＢ"), "ünal ａｂ");
    }

    use super::*;

    fn first_quoted_line(body: &str) -> Option<String> {
        let q = strip_quoted(body).quoted?;
        body[q]
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !is_rule(l))
            .map(|l| l.trim_start_matches('>').trim().to_string())
    }

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

    /// Each client's way of starting a quote.
    #[test]
    fn client_quote_headers() {
        let cases: &[(&str, &str)] = &[
            (
                "好的\n\n________________________________\nFrom: Li Lei <li@a.cn>\nSent: Monday, December 7, 2026 9:00 AM\nTo: Han <h@b.cn>\nSubject: RE: x\n\n原文\n",
                "From: Li Lei <li@a.cn>",
            ),
            (
                "好的\n\n发件人: 李雷 <li@a.cn>\n发送时间: 2026年12月7日 9:00\n收件人: 韩梅 <h@b.cn>\n主题: 答复: x\n\n原文\n",
                "发件人: 李雷 <li@a.cn>",
            ),
            (
                "好的\n\n------------------ 原始邮件 ------------------\n发件人: \"李雷\"<li@a.cn>;\n发送时间: 2026年12月7日(星期一) 上午9:00\n",
                "------------------ 原始邮件 ------------------",
            ),
            (
                "好的\n\n在 2026-12-07 09:00:00，\"李雷\" <li@a.cn> 写道：\n> 原文\n",
                "在 2026-12-07 09:00:00，\"李雷\" <li@a.cn> 写道：",
            ),
            (
                "Sure.\n\nOn Mon, Dec 7, 2026 at 9:00 AM Li Lei <\nli@a.cn> wrote:\n\n> text\n",
                "On Mon, Dec 7, 2026 at 9:00 AM Li Lei <",
            ),
            (
                "Ok.\n\nAm 07.12.26 um 09:00 schrieb Li Lei:\n> text\n",
                "Am 07.12.26 um 09:00 schrieb Li Lei:",
            ),
            (
                "好的\n\n寄件者: 李雷 <li@a.tw>\n寄件日期: 2026年12月7日 上午 09:00\n收件者: 韓梅\n主旨: RE: x\n",
                "寄件者: 李雷 <li@a.tw>",
            ),
            (
                "好的\n\n---- 回复的原邮件 ----\n| 发件人 | 李雷<li@a.cn> |\n| 日期 | 2026年12月07日 09:00 |\n",
                "---- 回复的原邮件 ----",
            ),
            (
                "FYI\n\n-------- Forwarded Message --------\nSubject: \tx\nDate: \tMon, 7 Dec 2026\nFrom: \tLi <li@a.cn>\n",
                "-------- Forwarded Message --------",
            ),
            (
                "好的\n\n------------------------------------------------------------------\n发件人：李雷 <li@a.cn>\n发送时间：2026年12月7日(星期一) 09:00\n收件人：韩梅\n主　题：x\n",
                "发件人：李雷 <li@a.cn>",
            ),
            (
                "可以\n\n李雷 <li@a.cn> 于2026年12月7日周一 09:00写道：\n\n> 原文\n",
                "李雷 <li@a.cn> 于2026年12月7日周一 09:00写道：",
            ),
            (
                "可以\n\n於 2026/12/7 上午 09:00, 李雷 寫道:\n> 原文\n",
                "於 2026/12/7 上午 09:00, 李雷 寫道:",
            ),
            // Separators framed by dash runs: 139 mail's, Zoho's attribution inside dashes,
            // and a forward marker carrying its sender and date.
            (
                "周五前回你。\n\n----邮件原文----\n发件人：李雷 <li@a.cn>\n原文\n",
                "----邮件原文----",
            ),
            (
                "Will do.\n\n---- On Wed, 9 Dec 2026 08:10:00 +0800 Li Lei <li@a.cn> wrote ---\n\ntext\n",
                "---- On Wed, 9 Dec 2026 08:10:00 +0800 Li Lei <li@a.cn> wrote ---",
            ),
            (
                "请看下面。\n\n----- 转发者 韩梅/ACME 于 2026/12/09 08:10 -----\n原文\n",
                "----- 转发者 韩梅/ACME 于 2026/12/09 08:10 -----",
            ),
            // A header block that HTML flattening put on one line.
            (
                "好的\n\n发件人: 李雷 <li@a.cn> 收件人: 韩梅 主题: x\n原文\n",
                "发件人: 李雷 <li@a.cn> 收件人: 韩梅 主题: x",
            ),
        ];
        for (body, first) in cases {
            assert_eq!(first_quoted_line(body).as_deref(), Some(*first), "{body}");
            let text = strip_quoted(body).text;
            assert!(!text.contains("原文") && !text.contains("text\n"), "{text}");
        }
    }

    /// Bottom-posting and inline answers: the lines between `>` blocks are the writer's.
    #[test]
    fn inline_answers_are_kept() {
        let body = "See inline.\n\nOn 12/7/26 9:00 AM, Li Lei wrote:\n> 1. Can you ship by Friday?\nYes, Friday.\n> 2. Which carrier?\nDHL.\n";
        let s = strip_quoted(body);
        assert_eq!(s.text, "See inline.\n\nYes, Friday.\nDHL.\n");
        assert_eq!(
            first_quoted_line(body).as_deref(),
            Some("On 12/7/26 9:00 AM, Li Lei wrote:")
        );
    }

    /// Quote headers are reported as such, and the quoted parts around inline answers are
    /// separate pieces.
    #[test]
    fn headers_and_parts() {
        let body = "See inline.\n\nOn Wed, Jul 6, 2005 at 12:25 PM, Li Lei <l@x.cn> wrote:\n> 1. Ship by Friday?\nYes.\n> 2. Carrier?\nDHL.\n";
        let s = strip_quoted(body);
        let h = s
            .headers
            .iter()
            .map(|r| &body[r.clone()])
            .collect::<Vec<_>>();
        assert_eq!(
            h,
            ["On Wed, Jul 6, 2005 at 12:25 PM, Li Lei <l@x.cn> wrote:"]
        );
        let p = s.parts.iter().map(|r| &body[r.clone()]).collect::<Vec<_>>();
        assert_eq!(
            p,
            [
                "On Wed, Jul 6, 2005 at 12:25 PM, Li Lei <l@x.cn> wrote:\n> 1. Ship by Friday?",
                "> 2. Carrier?"
            ]
        );
    }

    /// Bulletin-board replies quote with `: ` and carry the post's `发信站` line.
    #[test]
    fn bulletin_board_quoting() {
        let body = "说得对\n【 在 tiger (一只虎) 的大作中提到: 】\n: 标  题: 感想\n: 发信站: 水木社区 (Wed Jul  6 11:08:47 2005), 站内\n: \n: 正文一行\n";
        let s = strip_quoted(body);
        assert_eq!(s.text, "说得对\n");
        assert_eq!(s.headers.len(), 2, "{:?}", s.headers);
        assert!(body[s.headers[1].clone()].contains("发信站"));
        // One `: ` line is text (`: ` starting a sentence is not a quote).
        assert_eq!(strip_quoted("a\n: b\nc\n").quoted, None);
    }

    /// Words that only look like quote headers stay in the text.
    #[test]
    fn look_alikes_are_text() {
        for body in [
            "From: our side, the plan is fine.\nThanks\n",
            "-- \nLi Lei\n",
            "我写道：这个方案可以。\n",
            "------\n分隔线下面还是正文\n",
            // Dashes framing words that name no quote are a heading.
            "---- 第二部分：排期 ----\n正文\n",
        ] {
            assert_eq!(strip_quoted(body).quoted, None, "{body}");
        }
    }

    /// The new text is what the line-by-line cut gave before spans were kept.
    #[test]
    fn text_agrees_with_lines() {
        let old = |body: &str| -> String {
            let mut out = String::new();
            for line in body.lines() {
                let t = line.trim();
                if t.starts_with("-----原始邮件") {
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
            "> q\r\na\r\n-----原始邮件-----\r\nb",
            "x\r\r\ny",
            "",
        ] {
            assert_eq!(strip_quoted(body).text, old(body), "{body:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_body_gives_a_range_inside_it(body in "(\\PC|\r|\n|>|From: |写道：|-----原始邮件-----){0,80}") {
            let s = strip_quoted(&body);
            if let Some(q) = s.quoted {
                proptest::prop_assert!(q.start <= q.end && q.end <= body.len());
                proptest::prop_assert!(body.is_char_boundary(q.start) && body.is_char_boundary(q.end));
            }
        }
    }
}
