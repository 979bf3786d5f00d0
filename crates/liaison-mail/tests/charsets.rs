//! Charsets of real Chinese mail (issue 9, item 8): raw 8-bit GBK headers, labels the
//! WHATWG list lacks, undeclared quoted-printable GBK, multipart without a boundary, wrong
//! labels. Each message keeps its text, and what was guessed is recorded.

use liaison_mail::Message;
use liaison_mail::charset::{NotePart, NoteReason};

const TEXT: &str = "张经理，您好！\n特此对接Q3调研需求，请于12月3日17:00前反馈。\n";

fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(s).0.into_owned()
}

fn msg(head: &str, body: &[u8]) -> Vec<u8> {
    let mut raw = head.replace('\n', "\r\n").into_bytes();
    raw.extend_from_slice(b"\r\n");
    raw.extend_from_slice(body);
    raw
}

fn qp(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for &b in bytes {
        if b == b'\n' || (b.is_ascii_graphic() && b != b'=') || b == b' ' {
            out.push(b);
        } else {
            out.extend_from_slice(format!("={b:02X}").as_bytes());
        }
    }
    out
}

#[test]
fn a_raw_8bit_gbk_subject_is_read_and_noted() {
    let mut raw = b"From: a@example.com\r\nSubject: ".to_vec();
    raw.extend(gbk("【需求对接】Q3调研-市场部-紧急"));
    raw.extend_from_slice(b"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhi\r\n");
    let m = Message::parse(&raw);
    assert_eq!(m.subject, "【需求对接】Q3调研-市场部-紧急");
    let n = &m.charset_notes;
    assert_eq!(n.len(), 1, "{n:?}");
    assert_eq!(
        (n[0].part, n[0].reason),
        (NotePart::Subject, NoteReason::Undeclared)
    );
    assert_eq!(n[0].text(false), "主题为未声明编码的 8 位字节，按 GBK 解码");
}

#[test]
fn a_raw_8bit_gbk_sender_name_is_read() {
    let mut raw = b"From: ".to_vec();
    raw.extend(gbk("王磊"));
    raw.extend_from_slice(b" <wanglei@example.com>\r\nSubject: x\r\n\r\nhi\r\n");
    let m = Message::parse(&raw);
    assert_eq!(m.from_name.as_deref(), Some("王磊"));
    assert_eq!(m.from.as_deref(), Some("wanglei@example.com"));
}

#[test]
fn labels_missing_from_the_whatwg_list_are_gbk() {
    for label in [
        "EUC-CN",
        "euc_cn",
        "x-gbk",
        "gb_2312-80",
        "cp936",
        "\"charset=\"GB2312\"\"",
    ] {
        let raw = msg(
            &format!("Subject: x\nContent-Type: text/plain; charset={label}\n"),
            &gbk(TEXT),
        );
        let m = Message::parse(&raw);
        assert_eq!(m.body, TEXT, "{label}");
        assert!(m.charset_notes.is_empty(), "{label}: {:?}", m.charset_notes);
    }
}

#[test]
fn an_unknown_label_is_guessed_and_noted() {
    let raw = msg(
        "Subject: x\nContent-Type: text/plain; charset=charset\n",
        &gbk(TEXT),
    );
    let m = Message::parse(&raw);
    assert_eq!(m.body, TEXT);
    assert_eq!(m.charset_notes[0].reason, NoteReason::UnknownLabel);
    assert_eq!(m.charset_notes[0].declared.as_deref(), Some("charset"));
}

#[test]
fn undeclared_quoted_printable_gbk_gets_the_fallback() {
    let raw = msg(
        "Subject: x\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n",
        &qp(&gbk(TEXT)),
    );
    let m = Message::parse(&raw);
    assert_eq!(m.body, TEXT);
    assert_eq!(m.charset_notes[0].reason, NoteReason::Undeclared);
    assert_eq!(m.charset_notes[0].part, NotePart::Body);
}

#[test]
fn undeclared_8bit_gbk_gets_the_fallback() {
    let raw = msg("Subject: test\nContent-Type: text/plain\n", &gbk(TEXT));
    let m = Message::parse(&raw);
    assert_eq!(m.body, TEXT);
    assert_eq!(m.charset_notes.len(), 1);
    // A declared charset that decodes cleanly is trusted as it is.
    let raw = msg(
        "Subject: t\nContent-Type: text/plain; charset=gbk\n",
        &gbk(TEXT),
    );
    let m = Message::parse(&raw);
    assert_eq!(m.body, TEXT);
    assert!(m.charset_notes.is_empty() && m.problems.is_empty());
}

#[test]
fn a_wrong_label_is_detected() {
    for label in ["utf-8", "iso-8859-1", "us-ascii"] {
        let raw = msg(
            &format!("Subject: x\nContent-Type: text/plain; charset={label}\n"),
            &gbk(TEXT),
        );
        let m = Message::parse(&raw);
        assert_eq!(m.body, TEXT, "{label}");
        assert_eq!(m.charset_notes.len(), 1, "{label}");
        assert_eq!(m.charset_notes[0].reason, NoteReason::WrongLabel, "{label}");
        assert_eq!(m.charset_notes[0].declared.as_deref(), Some(label));
        assert!(
            m.charset_notes[0]
                .text(true)
                .contains(&format!("labelled {label}")),
            "{}",
            m.charset_notes[0].text(true)
        );
    }
}

#[test]
fn real_latin1_and_utf8_bodies_are_left_alone() {
    let fr = "Bonjour, la réunion prévue à Genève est déjà confirmée.\n";
    let raw = msg(
        "Subject: x\nContent-Type: text/plain; charset=iso-8859-1\n",
        &encoding_rs::WINDOWS_1252.encode(fr).0,
    );
    let m = Message::parse(&raw);
    assert_eq!(m.body, fr);
    assert!(m.charset_notes.is_empty());
    let raw = msg(
        "Subject: x\nContent-Type: text/plain; charset=utf-8\n",
        TEXT.as_bytes(),
    );
    let m = Message::parse(&raw);
    assert_eq!(m.body, TEXT);
    assert!(m.charset_notes.is_empty());
}

#[test]
fn multipart_without_a_boundary_still_yields_the_text() {
    // The header says multipart; the body is plain GBK text with no boundary at all.
    let raw = msg(
        "Subject: x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"----=_NextPart_000\"\n",
        &gbk(TEXT),
    );
    let m = Message::parse(&raw);
    assert_eq!(m.body.trim(), TEXT.trim());
    assert!(m.attachments.is_empty(), "{:?}", m.attachments);
    assert!(
        m.charset_notes
            .iter()
            .any(|n| n.reason == NoteReason::NoBoundary),
        "{:?}",
        m.charset_notes
    );
    // No boundary parameter at all.
    let raw = msg(
        "Subject: x\nContent-Type: multipart/alternative\n",
        TEXT.as_bytes(),
    );
    assert_eq!(Message::parse(&raw).body.trim(), TEXT.trim());
}

#[test]
fn multipart_with_a_wrong_boundary_finds_the_real_one() {
    let mut body = b"This is a multi-part message in MIME format.\r\n\r\n--real_boundary\r\nContent-Type: text/plain; charset=gb2312\r\n\r\n".to_vec();
    body.extend(gbk(TEXT));
    body.extend_from_slice(b"\r\n--real_boundary\r\nContent-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--real_boundary--\r\n");
    let raw = msg(
        "Subject: x\nContent-Type: multipart/mixed; boundary=\"wrong_boundary\"\n",
        &body,
    );
    let m = Message::parse(&raw);
    assert_eq!(m.body.trim(), TEXT.trim(), "{:?}", m.body);
    assert_eq!(m.attachments.len(), 1, "{:?}", m.attachments);
    assert_eq!(m.attachments[0].name, "a.pdf");
}

#[test]
fn traditional_and_html_bodies() {
    let big5 = encoding_rs::BIG5
        .encode("張經理，您好！請於12月3日前回覆。")
        .0
        .into_owned();
    let raw = msg(
        "Subject: x\nContent-Type: text/plain; charset=big5\n",
        &big5,
    );
    assert_eq!(
        Message::parse(&raw).body,
        "張經理，您好！請於12月3日前回覆。"
    );
    let html = gbk("<html><body><p>张经理，您好！</p><p>请于12月3日前反馈。</p></body></html>");
    let raw = msg("Subject: x\nContent-Type: text/html\n", &html);
    let m = Message::parse(&raw);
    assert!(m.body.contains("张经理，您好！"), "{:?}", m.body);
    assert!(m.body.contains("12月3日前"), "{:?}", m.body);
}

#[test]
fn a_body_that_does_not_fit_its_transfer_encoding_is_read_as_it_is() {
    let raw = msg(
        "Subject: x\nContent-Type: text/html;\n\tcharset=\"GB2312\"\nContent-Transfer-Encoding: base64\n",
        &gbk("<html><body>张经理，您好！<br>请于12月3日前反馈。</body></html>"),
    );
    let m = Message::parse(&raw);
    assert!(m.body.contains("张经理，您好！"), "{:?}", m.body);
    assert!(m.attachments.is_empty(), "{:?}", m.attachments);
    assert_eq!(m.charset_notes[0].reason, NoteReason::BadTransferEncoding);
    assert_eq!(m.charset_notes[0].declared.as_deref(), Some("base64"));
}

#[test]
fn header_text_is_one_line_even_when_an_encoded_word_holds_a_line_break() {
    // Found by cargo fuzz (ingest): an encoded word whose bytes are CR/LF put a line break
    // into the subject, which later becomes a header of replies and reports.
    let b64 = |s: &str| liaison_mail::mime::base64(s.as_bytes());
    let raw = format!(
        "From: =?utf-8?B?{}?= <a@example.com>\r\nSubject: =?utf-8?B?{}?=\r\n\r\nhi\r\n",
        b64("王\r\n磊"),
        b64("【需求对接】x\r\nBcc: evil@example.com\t\u{7}")
    );
    let m = Message::parse(raw.as_bytes());
    assert!(!m.subject.chars().any(char::is_control), "{:?}", m.subject);
    assert!(m.subject.starts_with("【需求对接】x"), "{:?}", m.subject);
    let name = m.from_name.unwrap();
    assert!(!name.chars().any(char::is_control), "{name:?}");
    // The same through the raw-bytes path (an 8-bit subject next to the word).
    let mut raw = b"Subject: ".to_vec();
    raw.extend(encoding_rs::GBK.encode("主题").0.iter());
    raw.extend(format!(" =?gb2312?B?{}?=\r\n\r\nhi\r\n", b64("a\rb")).bytes());
    let m = Message::parse(&raw);
    assert!(!m.subject.chars().any(char::is_control), "{:?}", m.subject);
    let (t, _) =
        liaison_mail::charset::decode_header(format!("=?utf-8?B?{}?=", b64("a\nb")).as_bytes());
    assert_eq!(t, "a b");
}
