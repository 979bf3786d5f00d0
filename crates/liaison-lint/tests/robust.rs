//! Bad input never panics: edge cases found by fuzzing, and a property test over drafts
//! built from the characters the parser cares about.

use liaison_lint::{Lang, LintConfig, Linter, Report, render};
use proptest::prelude::*;

fn linter() -> Linter {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
    Linter::new(
        &LintConfig::default(),
        None,
        liaison_time::Context::new(now),
    )
    .unwrap()
}

fn lint_all(l: &Linter, data: &[u8]) {
    let a = l.lint_bytes("x.md", data, None);
    let b = l.lint_bytes("x.eml", data, Some(Lang::En));
    for f in [&a, &b] {
        for d in &f.diagnostics {
            assert!(d.start <= d.end && d.end <= f.source.len());
            assert!(f.source.is_char_boundary(d.start) && f.source.is_char_boundary(d.end));
        }
    }
    let r = Report::new(vec![a, b]);
    let _ = render::text(&r, Lang::Zh);
    let _ = render::sarif(&r, Lang::Zh);
}

#[test]
fn edge_cases_do_not_panic() {
    let l = linter();
    for data in [
        &b""[..],
        b"Subject: \n\n",
        "附件：\r".as_bytes(),
        b"Subject: x\r",
        b"Subject:",
        b"\xe4\xb8\xbb\xe9\xa2\x98\xef\xbc\x9a\n\n",
        b"Subject: \xe3\x80\x90\xe3\x80\x91 - \n\n",
        b"Subject: [x] -  - \n\nbody",
        b"Subject: \xe3\x80\x90\xe9\x9c\x80\xe6\xb1\x82\xe3\x80\x91- -\n\n1.\n2. \n| a | b |\n|---|\n",
        b"To: <>, \"\", ,;\n\n",
        b"\r\n\r\n\r\n",
        b"\xff\xfe\xfd\n\n\xff",
        b"Attachments: , ../x, /etc/passwd\n\n\xe8\xa7\x81\xe9\x99\x84\xe4\xbb\xb6",
        b"Date: 2026-02-30\n\n",
        b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n--b--",
        // An item's owner group ("… team") after a multi-byte separator (cargo fuzz).
        "Subject: x\n\nHi,\n\n1. 、Marketing team will send the list by Friday.\n".as_bytes(),
        "Subject: x\n\nHi,\n\n1. Send it to\u{3000}li@example.com by Friday.\n".as_bytes(),
        include_bytes!("robust/fuzz-owner-after-multibyte.md"),
    ] {
        lint_all(&l, data);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn drafts_of_tricky_characters_do_not_panic(
        parts in proptest::collection::vec(prop_oneof![
            Just("Subject: "), Just("主题："), Just("To: "), Just("附件："), Just("\n"), Just("\n\n"),
            Just("【"), Just("】"), Just("-"), Just("1. "), Just("一、"), Just("背景："), Just("|"),
            Just("您好！"), Just("附件1《"), Just("》"), Just("12月3日"), Just("（周五）"), Just("X月X日"),
            Just("尽快"), Just("{{"), Just("}}"), Just("王磊"), Just("产品部"), Just("电话 138"),
            Just(" "), Just("，"), Just("。"), Just("a.xlsx"), Just("Dear "), Just("市场部"), Just("\r"),
            // Characters whose lower case has another UTF-8 length (İ 2→3 bytes, K and Å
            // 3→1 and 3→2), next to the English words the parser lower-cases to find.
            Just("İ"), Just("\u{212A}"), Just("\u{212B}"), Just("ẞ"), Just("Attached "),
            Just("see the attachment "), Just("Hi "), Just("Best regards"), Just("by Friday"),
        ], 0..60)
    ) {
        let l = linter();
        let s: String = parts.concat();
        lint_all(&l, s.as_bytes());
    }
}

/// Every fixture with letters swapped for ones whose lower case changes byte length: parsing
/// and linting must not panic and spans must stay on character boundaries (the attachment
/// scan once applied offsets of a lower-cased line to the original).
#[test]
fn fixtures_with_length_changing_case_do_not_panic() {
    let l = linter();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut n = 0;
    for sub in ["good", "rules"] {
        for e in std::fs::read_dir(dir.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_none_or(|x| x != "md") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for (from, to) in [('i', 'İ'), ('I', 'İ'), ('k', '\u{212A}'), ('a', '\u{212B}')] {
                let mutated = text.replace(from, &to.to_string());
                lint_all(&l, mutated.as_bytes());
                n += 1;
            }
        }
    }
    assert!(n >= 4 * 80, "only {n} mutated drafts");
}
