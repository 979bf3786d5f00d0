//! The writer's own text of a reply: the text above the quote (see [`crate::quote`])
//! without what clients and companies append below it — mobile tags (`发自我的iPhone`,
//! `Sent from my iPhone`, `来自钉钉专属商务邮箱`, `Get Outlook for iOS`), disclaimers
//! (`本邮件及其附件…保密`, `CONFIDENTIALITY NOTICE…`), inline logo placeholders
//! (`[cid:image001.png@…]`), the `-- ` signature delimiter, the signature block the anatomy
//! finds, and a valediction with the name and contact lines under it (`Best,` / `Daniel`,
//! `谢谢！` / `方静`).
//!
//! A `谢谢！` line followed by a blank line is the closing and stays; followed directly by a
//! name it is a valediction and goes with the signature.

use crate::{Anatomy, ParseOptions};

/// The writer's own text of `stripped` (the new text [`crate::strip_quoted`] gives), written
/// by `from_name` (the From display name, which helps to tell a name line); lines joined by
/// `\n`, without trailing blank lines.
pub fn own_text(stripped: &str, from_name: Option<&str>, opts: &ParseOptions) -> String {
    let mut lines: Vec<&str> = stripped
        .lines()
        .filter(|l| !is_placeholder(l.trim()))
        .collect();
    loop {
        let before = lines.len();
        while lines.last().is_some_and(|l| blank_or_rule(l)) {
            lines.pop();
        }
        if lines.last().is_some_and(|l| is_mobile_tag(l.trim())) {
            lines.pop();
            continue;
        }
        if let Some(k) = disclaimer_start(&lines) {
            lines.truncate(k);
            continue;
        }
        if let Some(k) = lines
            .iter()
            .rposition(|l| l.trim_end() == "--" || l.trim_end_matches('\r') == "-- ")
            .filter(|&k| k > 0 && lines.len() - k <= 15)
        {
            lines.truncate(k);
            continue;
        }
        if lines.len() == before {
            break;
        }
    }
    let first_words = lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(0);
    // The anatomy's signature (name, department, contact lines from the bottom).
    if let Some(mut k) = anatomy_signature(&lines, from_name, opts)
        && k > first_words
    {
        // A `谢谢！` paragraph of its own is the closing, not a sign-off.
        while k + 1 < lines.len()
            && !lines[k].trim().is_empty()
            && lines[k + 1].trim().is_empty()
            && is_thanks(lines[k].trim())
        {
            k += 1;
            while k < lines.len() && lines[k].trim().is_empty() {
                k += 1;
            }
        }
        lines.truncate(k);
        while lines.last().is_some_and(|l| blank_or_rule(l)) {
            lines.pop();
        }
    }
    if let Some(k) = valediction_block(&lines, from_name)
        && k > first_words
    {
        lines.truncate(k);
    }
    if let Some(mut k) = name_block(&lines, from_name)
        && k > first_words
    {
        // A thanks line right above the name (`谢谢！` / `方静`) is its valediction.
        if k > first_words + 1 && is_thanks(lines[k - 1].trim()) && !lines[k].trim().is_empty() {
            k -= 1;
        }
        lines.truncate(k);
    }
    while lines.last().is_some_and(|l| blank_or_rule(l)) {
        lines.pop();
    }
    let mut out = lines.join("\n");
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

fn blank_or_rule(l: &str) -> bool {
    let t = l.trim();
    t.is_empty() || t.chars().all(|c| matches!(c, '-' | '_' | '=' | '*' | '—'))
}

/// An inline image's placeholder in the text part: `[cid:image001.png@01DB…]`,
/// `[image: logo.png]`, `<image001.png>`.
fn is_placeholder(t: &str) -> bool {
    let l = t.to_ascii_lowercase();
    (l.starts_with("[cid:")
        || l.starts_with("[image:")
        || l.starts_with("[图片")
        || l.starts_with("<image0"))
        && (l.ends_with(']') || l.ends_with('>'))
}

/// A line a mail client adds when sending from a phone or app.
pub(crate) fn is_mobile_tag(t: &str) -> bool {
    let n = t.chars().count();
    if n == 0 || n > 60 {
        return false;
    }
    let l = t.to_lowercase();
    let lead = [
        "发自",
        "来自",
        "寄自",
        "從我的",
        "从我的",
        "發自",
        "sent from",
        "sent with",
        "get outlook",
        "获取 outlook",
        "获取outlook",
        "獲取 outlook",
        "取得 outlook",
        "下载 outlook",
    ]
    .iter()
    .any(|w| l.starts_with(w));
    let what = [
        "iphone",
        "ipad",
        "android",
        "邮箱",
        "郵件",
        "郵箱",
        "邮件",
        "outlook",
        "手机",
        "手機",
        "钉钉",
        "飞书",
        "飛書",
        "mail",
        "huawei",
        "华为",
        "小米",
        "galaxy",
        "mobile",
        "wps",
        "企业微信",
    ]
    .iter()
    .any(|w| l.contains(w));
    lead && what
}

/// Where a disclaimer starts in the last paragraph, when there is one.
fn disclaimer_start(lines: &[&str]) -> Option<usize> {
    let para = lines
        .iter()
        .rposition(|l| l.trim().is_empty())
        .map_or(0, |k| k + 1);
    let text: String = lines[para..].concat();
    if !is_disclaimer(&text) {
        return None;
    }
    // From the first line of the paragraph that carries a disclaimer word.
    (para..lines.len()).find(|&k| disclaimer_words(lines[k]) > 0)
}

fn disclaimer_words(t: &str) -> usize {
    let l = t.to_lowercase();
    [
        "保密",
        "机密",
        "機密",
        "免责声明",
        "免責聲明",
        "误收",
        "错收",
        "誤收",
        "錯收",
        "指定收件人",
        "confidential",
        "disclaimer",
        "intended recipient",
        "intended solely",
        "intended only",
        "legally privileged",
        "received this e-mail in error",
        "received this email in error",
        "not the intended",
    ]
    .iter()
    .filter(|w| l.contains(*w))
    .count()
}

fn is_disclaimer(text: &str) -> bool {
    disclaimer_words(text) >= 2 || (disclaimer_words(text) >= 1 && text.chars().count() >= 60)
}

/// A valediction: `Best,`, `Best regards,`, `Thanks,`, `Cheers`, `此致`, `祝好`, `谢谢！`
/// (only when `next_blank` is false: a `谢谢！` paragraph of its own is the closing).
fn is_valediction(t: &str, next_blank: bool) -> bool {
    let comma = t.ends_with(',') || t.ends_with('，');
    let s = t
        .trim()
        .trim_end_matches(['!', '！', ',', '，', '.', '。', '~', '～'])
        .trim();
    let l = s.to_lowercase();
    const ALWAYS: &[&str] = &[
        "best",
        "best regards",
        "kind regards",
        "regards",
        "warm regards",
        "best wishes",
        "many thanks",
        "cheers",
        "br",
        "sincerely",
        "yours sincerely",
        "yours",
        "thanks & regards",
        "thanks and regards",
        "thanks & best regards",
        "regards & thanks",
        "all the best",
        "warmly",
        "warm wishes",
        "take care",
        "talk soon",
        "speak soon",
        "with thanks",
        "with best regards",
        "respectfully",
        "祝顺利",
        "祝一切顺利",
        "祝商祺！",
        "顺祝",
        "顺颂时祺",
        "顺祝时祺",
        "mit freundlichen grüßen",
        "viele grüße",
        "beste grüße",
        "grüße",
        "此致",
        "此致敬礼",
        "敬礼",
        "祝好",
        "顺祝商祺",
        "順頌商祺",
        "顺颂商祺",
        "祝商祺",
        "顺祝工作顺利",
        "祝工作顺利",
        "敬上",
        "謹上",
        "谨上",
    ];
    const THANKS: &[&str] = &[
        "唔该晒",
        "唔該晒",
        "唔该",
        "唔該",
        "多谢晒",
        "多謝晒",
        "thanks",
        "thank you",
        "thanks again",
        "thanks so much",
        "thank you very much",
        "谢谢您",
        "感谢支持",
        "多谢支持",
        "thanks a lot",
        "谢谢",
        "謝謝",
        "多謝",
        "多谢",
        "感谢",
        "感謝",
        "thx",
    ];
    // `Kind regards / Mit freundlichen Grüßen`.
    if l.contains(" / ") {
        return l.split(" / ").all(|p| is_valediction(p.trim(), next_blank));
    }
    ALWAYS.contains(&l.as_str()) || (THANKS.contains(&l.as_str()) && (comma || !next_blank))
}

/// A short line that only thanks (`谢谢！`, `Thanks!`, `唔該晒！`).
fn is_thanks(t: &str) -> bool {
    t.chars().count() <= 12 && is_valediction(t, false) && !is_valediction(t, true)
        || [
            "谢谢",
            "謝謝",
            "多谢",
            "多謝",
            "唔该",
            "唔該",
            "thanks",
            "thank you",
        ]
        .iter()
        .any(|w| {
            t.to_lowercase()
                .trim_end_matches(['!', '！', '.', '。', ',', '，'])
                == *w
        })
}

/// A line that reads like a signature line: short, not a sentence.
fn sig_like(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    if n == 0 {
        return true;
    }
    if n > 90 {
        return false;
    }
    let sentence = t.ends_with('。') || t.ends_with('？') || t.ends_with('?') || t.ends_with('！');
    !sentence || contact_like(t)
}

fn contact_like(t: &str) -> bool {
    let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
    t.contains('@') || digits >= 6 || t.contains("www.") || t.contains("http")
}

/// The last valediction line whose following lines all read like a signature.
fn valediction_block(lines: &[&str], _from_name: Option<&str>) -> Option<usize> {
    let n = lines.len();
    for k in (0..n).rev() {
        if n - k > 12 {
            break;
        }
        let t = lines[k].trim();
        let next_blank = lines.get(k + 1).is_none_or(|l| l.trim().is_empty());
        if is_valediction(t, next_blank) {
            return lines[k + 1..].iter().all(|l| sig_like(l)).then_some(k);
        }
    }
    None
}

/// How a line names the writer: by the From display name (or a part of it), or by looking
/// like a name (2–4 Han characters, not a department, title or receipt word).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameLine {
    Sender,
    Looks,
    /// Latin capitalised words: a name only with a contact line under it.
    LooksLatin,
}

fn name_line(t: &str, from_name: Option<&str>) -> Option<NameLine> {
    let t = t.trim();
    if t.is_empty() || t.chars().count() > 40 {
        return None;
    }
    if let Some(name) = from_name {
        let name = name.trim().trim_matches('"');
        if !name.is_empty() && (t == name || t.starts_with(name)) {
            return Some(NameLine::Sender);
        }
        // `Daniel` for `Daniel Park`, `Brown` for `Brown, Michael`.
        let first = t.split([' ', '|', '｜', '，', ',']).next().unwrap_or(t);
        if first.chars().count() >= 2
            && name
                .split([' ', ',', '，', '(', ')', '（', '）'])
                .any(|p| p == first)
        {
            return Some(NameLine::Sender);
        }
    }
    if t.ends_with([
        '。', '！', '？', '!', '?', '.', '，', ',', '：', ':', '；', ';',
    ]) {
        return None;
    }
    let first = t.split([' ', '|', '｜', '\t']).next().unwrap_or(t);
    let han = first.chars().count();
    if first.chars().all(liaison_model::lang::is_han) && (2..=4).contains(&han) {
        let not_name = [
            "谢谢", "謝謝", "收到", "好的", "辛苦", "多谢", "多謝", "此致", "敬礼", "祝好",
        ]
        .iter()
        .any(|w| first.starts_with(w))
            || first.ends_with([
                '部', '组', '組', '处', '處', '科', '室', '理', '监', '監', '管', '长', '長',
            ])
            || first.contains("中心")
            || first.contains("团队");
        return (!not_name).then_some(NameLine::Looks);
    }
    // `Tom Becker`, `Tom Becker | Key Account Manager`: one to three capitalised words.
    let words: Vec<&str> = first_part(t).split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            && w.chars().count() <= 15
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
    };
    if (1..=3).contains(&words.len()) && words.iter().all(capitalised) {
        return Some(NameLine::LooksLatin);
    }
    None
}

/// A line up to its first `|` or `｜` (`Name | Title`).
fn first_part(t: &str) -> &str {
    t.split(['|', '｜']).next().unwrap_or(t).trim()
}

/// A trailing block of signature-like lines that starts at a name line: the name line and
/// everything under it. A name that only looks like one must stand in its own paragraph.
fn name_block(lines: &[&str], from_name: Option<&str>) -> Option<usize> {
    let n = lines.len();
    let mut b = n;
    while b > 0 && n - b < 8 && !lines[b - 1].trim().is_empty() && sig_like(lines[b - 1]) {
        b -= 1;
    }
    for k in b..n {
        let Some(how) = name_line(lines[k], from_name) else {
            continue;
        };
        let own_paragraph = k == b && k > 0 && lines[k - 1].trim().is_empty();
        if how == NameLine::Looks && !own_paragraph {
            continue;
        }
        if how == NameLine::LooksLatin
            && !(own_paragraph && lines[k + 1..].iter().any(|l| contact_like(l)))
        {
            continue;
        }
        let mut s = k;
        while s > 0 && lines[s - 1].trim().is_empty() {
            s -= 1;
        }
        return Some(s);
    }
    None
}

/// Where the anatomy's signature starts, as a line index of `lines`.
fn anatomy_signature(
    lines: &[&str],
    from_name: Option<&str>,
    opts: &ParseOptions,
) -> Option<usize> {
    let head = match from_name {
        Some(n) if !n.trim().is_empty() => {
            format!("From: {} <x@x>\n\n", n.trim().replace(['\n', '\r'], " "))
        }
        _ => "From: x@x\n\n".to_string(),
    };
    let body = lines.join("\n");
    let draft = format!("{head}{body}\n");
    let at = Anatomy::signature_start_plain(&draft, opts)?.checked_sub(head.len())?;
    if at > body.len() {
        return None;
    }
    Some(body[..at].matches('\n').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> ParseOptions {
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+08:00").unwrap();
        ParseOptions::new(liaison_time::Context::new(now))
    }

    #[test]
    fn mobile_tags_and_disclaimers_go() {
        let t = "好的，周五前发。\n\n发自我的iPhone\n";
        assert_eq!(own_text(t, None, &opts()), "好的，周五前发。");
        let t = "OK, will do.\n\nSent from my iPad\n\nThis message is confidential and intended only for the addressee. If you received it in error, delete it.\n";
        assert_eq!(own_text(t, None, &opts()), "OK, will do.");
        let t = "已上传。\n\n免责声明：本邮件仅供指定收件人使用，含保密信息。\n";
        assert_eq!(own_text(t, None, &opts()), "已上传。");
        assert!(is_mobile_tag("来自钉钉专属商务邮箱"));
        assert!(!is_mobile_tag("来自财务部的消息说明天到账"));
    }

    #[test]
    fn valediction_and_name_go_with_the_signature() {
        let t = "Hi Tom,\n\nAll good on our side.\n\nBest,\nAnna\n\nAnna Berg | Buyer\n+46 8 123 4567\n";
        assert_eq!(
            own_text(t, Some("Anna Berg"), &opts()),
            "Hi Tom,\n\nAll good on our side."
        );
        let t = "收到，辛苦。\n谢谢！\n周敏\n";
        assert_eq!(own_text(t, Some("周敏"), &opts()), "收到，辛苦。");
        // A thanks paragraph of its own is the closing.
        let t = "材料已补齐。\n\n谢谢！\n\n周敏\n采购部\n";
        assert_eq!(own_text(t, Some("周敏"), &opts()), "材料已补齐。\n\n谢谢！");
    }

    #[test]
    fn signature_delimiter_and_logo_placeholders() {
        let t = "Fine by me.\n\n[cid:image001.png@01DB0000.11112222]\nKim\n-- \nKim Lee\n";
        assert_eq!(own_text(t, Some("Kim Lee"), &opts()), "Fine by me.");
    }

    #[test]
    fn latin_names_need_a_contact_line() {
        let t = "All good.\n\nTom Becker\nKey Account Manager\nPhone +49 30 1234 5678\n";
        assert_eq!(own_text(t, None, &opts()), "All good.");
        let t = "All good.\n\nThanks & regards,\nTom\n";
        assert_eq!(own_text(t, None, &opts()), "All good.");
        // Capitalised words without contact lines stay text.
        let t = "All good.\n\nSee you Friday\n";
        assert_eq!(own_text(t, None, &opts()), "All good.\n\nSee you Friday");
    }

    #[test]
    fn a_one_line_reply_stays() {
        assert_eq!(own_text("收到\n", None, &opts()), "收到");
        assert_eq!(own_text("好的收到\n\n", Some("王芳"), &opts()), "好的收到");
        assert_eq!(own_text("", None, &opts()), "");
    }
}
