//! Charsets of received mail, beyond what the message says.
//!
//! Chinese mail from older clients often says nothing about its charset (raw 8-bit GBK in a
//! `Subject:` header or body), says it in a way the WHATWG label list does not know
//! (`EUC-CN`, `charset="charset="GB2312""`), or says something wrong (labelled `utf-8` or
//! `iso-8859-1`, written in GBK). Here a declared label is trusted only when the bytes
//! decode cleanly with it; otherwise, and when nothing is declared, the charset is guessed
//! (chardetng, then GBK, which is what such mail nearly always is), and the guess is
//! recorded as a [`CharsetNote`] so that `liaison parse` and `show` can say it.

use encoding_rs::{Encoding, GBK, UTF_8};
use serde::{Deserialize, Serialize};

/// Why a part's charset had to be guessed or corrected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteReason {
    /// 8-bit bytes with no charset declared.
    Undeclared,
    /// A declared label that names no known charset.
    UnknownLabel,
    /// A declared charset the bytes do not decode with (or decode to Latin-1 mojibake).
    WrongLabel,
    /// The header says multipart, but the body has no matching boundary: it was read as
    /// one text part (or its real boundary was found in the body).
    NoBoundary,
    /// The declared transfer encoding (base64, quoted-printable) does not fit the body,
    /// which was read as it is.
    BadTransferEncoding,
}

/// Which part of a message a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotePart {
    /// The `Subject:` header.
    Subject,
    /// The sender's display name in `From:`.
    FromName,
    /// The text body.
    Body,
}

/// A charset decision recorded on a message: what was declared, what was used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CharsetNote {
    /// What was decoded.
    pub part: NotePart,
    /// Why the charset was guessed or corrected.
    pub reason: NoteReason,
    /// The label the message gave, if any (as written, trimmed).
    pub declared: Option<String>,
    /// The charset used (encoding_rs name: `GBK`, `UTF-8`, `Big5` …).
    pub used: String,
}

impl CharsetNote {
    /// The note as a sentence in Chinese (`en = false`) or English.
    pub fn text(&self, en: bool) -> String {
        let part = match (self.part, en) {
            (NotePart::Subject, false) => "主题",
            (NotePart::Subject, true) => "the subject",
            (NotePart::FromName, false) => "发件人名称",
            (NotePart::FromName, true) => "the sender's name",
            (NotePart::Body, false) => "正文",
            (NotePart::Body, true) => "the body",
        };
        let declared = self.declared.as_deref().unwrap_or("");
        let used = &self.used;
        match (self.reason, en) {
            (NoteReason::Undeclared, false) => {
                format!("{part}为未声明编码的 8 位字节，按 {used} 解码")
            }
            (NoteReason::Undeclared, true) => {
                format!("{part} is 8-bit text with no declared charset; decoded as {used}")
            }
            (NoteReason::UnknownLabel, false) => {
                format!("{part}声明的编码“{declared}”无法识别，按 {used} 解码")
            }
            (NoteReason::UnknownLabel, true) => {
                format!("{part} declares the unknown charset \"{declared}\"; decoded as {used}")
            }
            (NoteReason::WrongLabel, false) => {
                format!("{part}声明为 {declared}，但按此无法正确解码，改按 {used} 解码")
            }
            (NoteReason::WrongLabel, true) => format!(
                "{part} is labelled {declared} but does not decode as such; decoded as {used}"
            ),
            (NoteReason::NoBoundary, false) => format!(
                "邮件头声明为 multipart，但正文中没有对应的分隔线；正文按文本读取（{used}）"
            ),
            (NoteReason::NoBoundary, true) => format!(
                "the header says multipart but the body has no matching boundary; it was read as text ({used})"
            ),
            (NoteReason::BadTransferEncoding, false) => {
                format!("{part}声明的传输编码（{declared}）与内容不符，按原文读取（{used}）")
            }
            (NoteReason::BadTransferEncoding, true) => format!(
                "{part} does not match its declared transfer encoding ({declared}); it was read as it is ({used})"
            ),
        }
    }
}

/// Labels seen in real Chinese mail that the WHATWG list (and so encoding_rs) lacks, all
/// meaning GB2312 or its supersets, which the GBK decoder reads.
const GB_ALIASES: &[&str] = &[
    "euc-cn",
    "euc_cn",
    "euccn",
    "x-euc-cn",
    "x-euc",
    "cp936",
    "ms936",
    "windows-936",
    "x-cp936",
    "gb_2312_80",
    "gb2312-80",
    "gb2312_80",
    "gb-2312",
    "x-gb2312",
    "gb2312-1980",
    "gbk2312",
    "gb2312_charset",
    "x-gb18030",
    "gb-18030",
    "gb_18030",
    "hz-gb2312",
];

/// A label as written (quotes, `charset=` repeated, trailing `;`) reduced to the label.
pub fn clean_label(label: &str) -> String {
    let mut l = label.trim().to_ascii_lowercase();
    loop {
        let before = l.clone();
        l = l
            .trim()
            .trim_matches(|c| c == '"' || c == '\'' || c == ';' || c == ',')
            .to_string();
        if let Some(rest) = l.strip_prefix("charset=") {
            l = rest.to_string();
        }
        if l == before {
            return l;
        }
    }
}

/// The encoding a declared charset label names, including the GB2312 aliases the WHATWG
/// list lacks. `None` for an unknown label.
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let l = clean_label(label);
    if GB_ALIASES.contains(&l.as_str()) {
        return Some(GBK);
    }
    if l == "hz-gb-2312" {
        // WHATWG maps it to the replacement decoder; HZ mail is GB2312 text, and what it
        // cannot read is caught by the clean-decode check.
        return Some(GBK);
    }
    let e = Encoding::for_label_no_replacement(l.as_bytes())?;
    // encoding_rs's GBK decoder reads all of GB18030, so both labels decode alike; one name
    // keeps notes and tests simple.
    if e == encoding_rs::GB18030 {
        return Some(GBK);
    }
    Some(e)
}

/// The name used in notes: `GBK` for the GB family.
pub fn name(e: &'static Encoding) -> &'static str {
    if e == encoding_rs::GB18030 {
        "GBK"
    } else {
        e.name()
    }
}

/// Decodes with `e`; the text and whether every byte decoded.
pub fn decode(e: &'static Encoding, bytes: &[u8]) -> (String, bool) {
    let (text, errors) = e.decode_without_bom_handling(bytes);
    (text.into_owned(), !errors)
}

/// Guesses the charset of undeclared (or wrongly declared) bytes: UTF-8 when they are
/// valid UTF-8, else chardetng's guess (with the `.cn` top-level domain, since liaison
/// reads Chinese mail) when it decodes cleanly, else GBK when that decodes cleanly, else
/// whichever of the two leaves fewer replacement characters.
pub fn guess(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut d = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    d.feed(bytes, true);
    let g = d.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    let g = if g == encoding_rs::GB18030 { GBK } else { g };
    let (gt, g_clean) = decode(g, bytes);
    if g_clean {
        return g;
    }
    let (kt, k_clean) = decode(GBK, bytes);
    if k_clean {
        return GBK;
    }
    let bad = |t: &str| t.chars().filter(|&c| c == '\u{FFFD}').count();
    if bad(&kt) <= bad(&gt) { GBK } else { g }
}

/// Latin-1 symbols that GBK itself has (`×××` stands for a withheld name, `·` separates
/// names, `°` `±` measure): in Chinese text they are meant, not mojibake.
const GBK_LATIN: [char; 8] = ['¤', '§', '¨', '°', '±', '·', '×', '÷'];

/// A character typical of GBK (or another multi-byte charset) read as ISO-8859-1 or
/// Windows-1252: Latin-1 Supplement and C1 controls (but not the symbols GBK has), and the
/// Windows-1252 letters and signs at 0x80–0x9F.
fn latin_trace(c: char) -> bool {
    (('\u{80}'..='\u{ff}').contains(&c) && !GBK_LATIN.contains(&c))
        || matches!(
            c,
            '\u{152}'
                | '\u{153}'
                | '\u{160}'
                | '\u{161}'
                | '\u{178}'
                | '\u{17d}'
                | '\u{17e}'
                | '\u{192}'
                | '\u{2c6}'
                | '\u{2dc}'
                | '\u{2013}'
                | '\u{2014}'
                | '\u{2018}'
                ..='\u{201e}'
                    | '\u{2020}'
                    | '\u{2021}'
                    | '\u{2022}'
                    | '\u{2026}'
                    | '\u{2030}'
                    | '\u{2039}'
                    | '\u{203a}'
                    | '\u{20ac}'
                    | '\u{2122}'
        )
}

/// True when `text` holds a run of three or more [`latin_trace`] characters: the mark of
/// multi-byte text decoded as a Latin charset (`ÄúºÃ`), which no Chinese mail holds on
/// purpose.
pub fn looks_like_mojibake(text: &str) -> bool {
    // Every character `latin_trace` accepts is encoded starting with one of these bytes
    // (U+0080–U+02FF, U+2000–U+20FF); a text with fewer than three cannot hold a run. The
    // count is a plain loop over bytes, where decoding every character of every body was
    // a fortieth of an ingest.
    let leads = text
        .bytes()
        .filter(|b| matches!(b, 0xC2..=0xCB | 0xE2))
        .count();
    if leads < 3 {
        return false;
    }
    let mut run = 0;
    for c in text.chars() {
        if latin_trace(c) {
            run += 1;
            if run >= 3 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// True for an encoding whose decoder never fails (every byte is some character), so that
/// a wrong label shows only as mojibake.
fn single_byte_latin(e: &'static Encoding) -> bool {
    e == encoding_rs::WINDOWS_1252
        || e == encoding_rs::ISO_8859_2
        || e == encoding_rs::ISO_8859_15
        || e == encoding_rs::WINDOWS_1250
}

/// The outcome of decoding one run of bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used.
    pub used: &'static Encoding,
    /// Why it differs from what was declared, if it does.
    pub reason: Option<NoteReason>,
}

/// Decodes `bytes` declared as `label` (or undeclared): the label when the bytes decode
/// cleanly with it (and, for a Latin label, not into mojibake that GBK reads cleanly),
/// else a guess.
pub fn decode_declared(bytes: &[u8], label: Option<&str>) -> Decoded {
    let declared = label.map(clean_label).filter(|l| !l.is_empty());
    let ascii = bytes.is_ascii();
    match declared.as_deref().map(encoding_for_label) {
        Some(Some(e)) => {
            let (text, clean) = decode(e, bytes);
            if ascii || (clean && !(single_byte_latin(e) && looks_like_mojibake(&text))) {
                return Decoded {
                    text,
                    used: e,
                    reason: None,
                };
            }
            let g = guess(bytes);
            let (gt, g_clean) = decode(g, bytes);
            let better = g != e
                && (g_clean || replacements(&gt) < replacements(&text))
                && !looks_like_mojibake(&gt);
            if better {
                Decoded {
                    text: gt,
                    used: g,
                    reason: Some(NoteReason::WrongLabel),
                }
            } else {
                Decoded {
                    text,
                    used: e,
                    reason: None,
                }
            }
        }
        Some(None) => {
            let g = guess(bytes);
            let (text, _) = decode(g, bytes);
            Decoded {
                text,
                used: g,
                reason: (!ascii).then_some(NoteReason::UnknownLabel),
            }
        }
        None => {
            let g = guess(bytes);
            let (text, _) = decode(g, bytes);
            Decoded {
                text,
                used: g,
                reason: (!ascii && g != UTF_8).then_some(NoteReason::Undeclared),
            }
        }
    }
}

fn replacements(t: &str) -> usize {
    t.chars().filter(|&c| c == '\u{FFFD}').count()
}

/// One piece of a header value: raw text or an RFC 2047 encoded word.
enum Piece<'a> {
    Raw(&'a [u8]),
    Word { charset: &'a str, bytes: Vec<u8> },
}

/// Splits an unfolded header value into raw text and encoded words.
fn pieces(v: &[u8]) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut raw_start = 0;
    while i + 1 < v.len() {
        if v[i] == b'='
            && v[i + 1] == b'?'
            && let Some((len, charset, bytes)) = encoded_word(&v[i..])
        {
            if raw_start < i {
                out.push(Piece::Raw(&v[raw_start..i]));
            }
            out.push(Piece::Word { charset, bytes });
            i += len;
            raw_start = i;
            continue;
        }
        i += 1;
    }
    if raw_start < v.len() {
        out.push(Piece::Raw(&v[raw_start..]));
    }
    out
}

/// Reads one `=?charset?B|Q?text?=` at the start of `v`: its length, charset and bytes.
fn encoded_word(v: &[u8]) -> Option<(usize, &str, Vec<u8>)> {
    let rest = v.get(2..)?;
    let q1 = rest.iter().position(|&b| b == b'?')?;
    let charset = std::str::from_utf8(&rest[..q1]).ok()?;
    // RFC 2231 language suffix: `utf-8*zh`.
    let charset = charset.split('*').next().unwrap_or(charset);
    let enc = *rest.get(q1 + 1)?;
    if rest.get(q1 + 2) != Some(&b'?') {
        return None;
    }
    let text_start = q1 + 3;
    let body = rest.get(text_start..)?;
    let end = body.windows(2).position(|w| w == b"?=")?;
    let text = &body[..end];
    if text.iter().any(|b| b.is_ascii_whitespace()) {
        return None;
    }
    let bytes = match enc {
        b'B' | b'b' => base64_lenient(text)?,
        b'Q' | b'q' => q_decode(text),
        _ => return None,
    };
    Some((2 + text_start + end + 2, charset, bytes))
}

fn base64_lenient(text: &[u8]) -> Option<Vec<u8>> {
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for &c in text {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(v);
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    Some(out)
}

fn q_decode(text: &[u8]) -> Vec<u8> {
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'_' => out.push(b' '),
            b'=' if i + 2 < text.len() => match (hex(text[i + 1]), hex(text[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'='),
            },
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// Removes header folding (CRLF or LF before a space or tab).
fn unfold(v: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(v.len());
    let mut i = 0;
    while i < v.len() {
        match v[i] {
            b'\r' if v.get(i + 1) == Some(&b'\n') => i += 1,
            b'\n' => i += 1,
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// What [`decode_header`] guessed or corrected: the reason, the declared label and the
/// charset used.
pub type HeaderNote = (NoteReason, Option<String>, &'static Encoding);

/// Decodes a raw header value: RFC 2047 encoded words with their declared charset (checked,
/// and the words of one charset joined first, since clients split a character across two
/// words), raw 8-bit text with a guessed charset. Returns the text and, when a charset was
/// guessed or corrected, the note's reason, the declared label and the charset used.
pub fn decode_header(raw: &[u8]) -> (String, Option<HeaderNote>) {
    let v = unfold(raw);
    let mut out = String::new();
    let mut note = None;
    let ps = pieces(&v);
    let mut i = 0;
    while i < ps.len() {
        match &ps[i] {
            Piece::Raw(r) => {
                // Whitespace between two encoded words is not part of the text.
                let between = i > 0
                    && matches!(ps.get(i + 1), Some(Piece::Word { .. }))
                    && matches!(ps[i - 1], Piece::Word { .. })
                    && r.iter().all(|b| b.is_ascii_whitespace());
                if !between {
                    let d = decode_declared(r, None);
                    if let (Some(reason), None) = (d.reason, &note) {
                        note = Some((reason, None, d.used));
                    }
                    out.push_str(&d.text);
                }
                i += 1;
            }
            Piece::Word { charset, .. } => {
                // Join the run of words in the same charset (whitespace between them drops).
                let mut bytes = Vec::new();
                let mut j = i;
                while j < ps.len() {
                    match &ps[j] {
                        Piece::Word {
                            charset: c,
                            bytes: b,
                        } if c.eq_ignore_ascii_case(charset) => {
                            bytes.extend_from_slice(b);
                            j += 1;
                        }
                        Piece::Raw(r)
                            if r.iter().all(|b| b.is_ascii_whitespace())
                                && matches!(ps.get(j + 1), Some(Piece::Word { charset: c, .. }) if c.eq_ignore_ascii_case(charset)) =>
                        {
                            j += 1;
                        }
                        _ => break,
                    }
                }
                let trimmed = drop_cut_character(&bytes, charset);
                let d = decode_declared(trimmed, Some(charset));
                if let (Some(reason), None) = (d.reason, &note) {
                    note = Some((reason, Some(charset.trim().to_string()), d.used));
                }
                out.push_str(&d.text);
                i = j;
            }
        }
    }
    (one_line(out.trim()), note)
}

/// Header text as one line: line breaks, tabs and other control characters (which an
/// encoded word can carry) become spaces, so a decoded subject can never split into two
/// header lines when it is shown or written again.
pub fn one_line(s: &str) -> String {
    if s.chars().any(char::is_control) {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    } else {
        s.to_string()
    }
}

/// An encoded word cut inside a multi-byte character (a subject truncated by the sender's
/// client) ends in a lone lead byte; dropping it leaves the text without a replacement
/// character. Only a final lead byte of a GB-family charset is dropped.
fn drop_cut_character<'a>(bytes: &'a [u8], charset: &str) -> &'a [u8] {
    let Some(e) = encoding_for_label(charset) else {
        return bytes;
    };
    if e != GBK {
        return bytes;
    }
    // Count the trailing run of bytes >= 0x81: an odd run ends in a lone lead byte.
    let run = bytes.iter().rev().take_while(|&&b| b >= 0x81).count();
    if run % 2 == 1 && !decode(GBK, bytes).1 {
        &bytes[..bytes.len() - 1]
    } else {
        bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        GBK.encode(s).0.into_owned()
    }

    #[test]
    fn labels_the_whatwg_list_lacks_are_gbk() {
        for l in [
            "EUC-CN",
            "euc_cn",
            "x-gbk",
            "gb_2312-80",
            "cp936",
            "GB2312",
            "\"gb2312\"",
            "charset=\"GB2312\"",
            "gb2312_charset",
            "GB18030",
        ] {
            assert_eq!(encoding_for_label(l), Some(GBK), "{l}");
        }
        assert_eq!(encoding_for_label("utf-8"), Some(UTF_8));
        assert_eq!(encoding_for_label("charset"), None);
        assert_eq!(encoding_for_label("x-unknown"), None);
    }

    #[test]
    fn a_wrong_utf8_label_is_corrected() {
        let d = decode_declared(
            &gbk("张经理，您好！请于12月3日17:00前反馈。"),
            Some("utf-8"),
        );
        assert_eq!(d.text, "张经理，您好！请于12月3日17:00前反馈。");
        assert_eq!(d.reason, Some(NoteReason::WrongLabel));
    }

    #[test]
    fn a_latin1_label_on_gbk_text_is_corrected_but_real_latin1_is_kept() {
        let d = decode_declared(&gbk("贵公司负责人（经理/财务）您好："), Some("iso-8859-1"));
        assert_eq!(d.text, "贵公司负责人（经理/财务）您好：");
        assert_eq!(d.reason, Some(NoteReason::WrongLabel));
        let fr = encoding_rs::WINDOWS_1252
            .encode("Réunion prévue à Genève, déjà confirmée.")
            .0
            .into_owned();
        let d = decode_declared(&fr, Some("iso-8859-1"));
        assert_eq!(d.text, "Réunion prévue à Genève, déjà confirmée.");
        assert_eq!(d.reason, None);
    }

    #[test]
    fn headers_with_raw_bytes_split_words_and_odd_labels() {
        let mut raw = b"Re: ".to_vec();
        raw.extend(gbk("【需求对接】Q3调研-市场部-紧急"));
        let (t, n) = decode_header(&raw);
        assert_eq!(t, "Re: 【需求对接】Q3调研-市场部-紧急");
        assert_eq!(n.map(|n| n.0), Some(NoteReason::Undeclared));
        // One character split across two words.
        let b = gbk("需求对接");
        let w1 = crate::mime::base64(&b[..3]);
        let w2 = crate::mime::base64(&b[3..]);
        let raw = format!("=?gb2312?B?{w1}?=\r\n =?gb2312?B?{w2}?=");
        assert_eq!(decode_header(raw.as_bytes()).0, "需求对接");
        // A label encoding_rs does not know.
        let raw = format!("=?EUC-CN?B?{}?= x", crate::mime::base64(&b));
        assert_eq!(
            decode_header(raw.as_bytes()),
            ("需求对接 x".to_string(), None)
        );
        // A word cut inside its last character.
        let raw = format!("=?gb2312?B?{}?=", crate::mime::base64(&b[..7]));
        assert_eq!(decode_header(raw.as_bytes()).0, "需求对");
    }

    #[test]
    fn notes_read_in_both_languages() {
        let n = CharsetNote {
            part: NotePart::Subject,
            reason: NoteReason::Undeclared,
            declared: None,
            used: "GBK".into(),
        };
        assert_eq!(n.text(false), "主题为未声明编码的 8 位字节，按 GBK 解码");
        assert_eq!(
            n.text(true),
            "the subject is 8-bit text with no declared charset; decoded as GBK"
        );
    }

    #[test]
    fn mojibake_is_recognised() {
        assert!(looks_like_mojibake("¹ó¹«Ë¾¸ºÔðÈË"));
        assert!(!looks_like_mojibake("···大家好~"));
        assert!(!looks_like_mojibake("高喊“×××万岁！”"));
        assert!(!looks_like_mojibake("Réunion à Genève"));
    }

    proptest::proptest! {
        /// The byte count in front of the character walk never changes the answer.
        #[test]
        fn the_byte_prefilter_changes_nothing(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", " ", "é", "¹", "ó", "Ë", "·", "×", "Œ", "ƒ", "ˆ", "–", "“", "…", "€",
                    "™", "大", "家", "，", "。", "\u{2100}", "\u{300}", "ſ",
                ]),
                0..12,
            )
        ) {
            let text: String = pieces.concat();
            let walk = {
                let mut run = 0;
                text.chars().any(|c| {
                    run = if latin_trace(c) { run + 1 } else { 0 };
                    run >= 3
                })
            };
            proptest::prop_assert_eq!(looks_like_mojibake(&text), walk);
        }
    }
}
