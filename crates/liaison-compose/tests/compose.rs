//! Composing every example brief (one per kind) in Chinese and English: insta snapshots of
//! the drafts, and an independent read of every generated `.eml` by Python's `email`
//! package (policy.default): no defects, and the decoded subject, recipients and attachment
//! names equal what the brief said.

use chrono::DateTime;
use liaison_compose::{ComposedMail, Lang, Templates, compose};
use liaison_model::{Brief, Directory, Kind};
use std::path::{Path, PathBuf};
use std::process::Command;

const NOW: &str = "2026-11-30T10:00:00+08:00";

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn directory() -> Directory {
    let p = examples().join("directory.toml");
    Directory::from_toml("directory.toml", &std::fs::read_to_string(p).unwrap()).unwrap()
}

fn brief(kind: Kind, dir: &Directory) -> (Brief, Vec<Vec<u8>>) {
    let p = examples().join(format!("{}.toml", kind.id()));
    let text = std::fs::read_to_string(&p).unwrap();
    let b = Brief::from_toml(&p.display().to_string(), &text, Some(kind), dir)
        .unwrap_or_else(|e| panic!("{e}"));
    let data = b
        .attachments
        .iter()
        .map(|a| std::fs::read(examples().join(&a.path)).unwrap())
        .collect();
    (b, data)
}

fn mail(kind: Kind, lang: Lang) -> (Brief, ComposedMail) {
    let dir = directory();
    let (b, data) = brief(kind, &dir);
    let now = DateTime::parse_from_rfc3339(NOW).unwrap();
    let m = compose(
        &b,
        &dir,
        &Templates::builtin(),
        lang,
        now,
        "example.com",
        &data,
    )
    .unwrap();
    // The brief as the mail should show it: with its [en] text for English.
    let b = if lang == Lang::En { b.english() } else { b };
    (b, m)
}

#[test]
fn snapshots_every_kind_in_both_languages() {
    for kind in Kind::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let (_, m) = mail(kind, lang);
            insta::assert_snapshot!(format!("{}-{}", kind.id(), lang.code()), m.draft(lang));
        }
    }
}

#[test]
fn output_is_byte_stable_for_a_given_now() {
    for kind in Kind::ALL {
        let (_, a) = mail(kind, Lang::Zh);
        let (_, b) = mail(kind, Lang::Zh);
        assert_eq!(a.eml, b.eml, "{kind}");
        assert!(a.message_id.ends_with("@example.com"), "{}", a.message_id);
    }
    // A different instant gives a different Date and Message-ID.
    let dir = directory();
    let (b, data) = brief(Kind::Request, &dir);
    let later = DateTime::parse_from_rfc3339("2026-12-01T09:00:00+08:00").unwrap();
    let m = compose(
        &b,
        &dir,
        &Templates::builtin(),
        Lang::Zh,
        later,
        "example.com",
        &data,
    )
    .unwrap();
    let (_, m0) = mail(Kind::Request, Lang::Zh);
    assert_ne!(m.message_id, m0.message_id);
    assert!(String::from_utf8_lossy(&m.eml).contains("Date: Tue, 1 Dec 2026 09:00:00 +0800"));
}

#[test]
fn greeting_follows_the_recipients() {
    let (_, one) = mail(Kind::Request, Lang::Zh);
    assert!(one.body.starts_with("张经理，您好！"), "{}", one.body);
    let (_, many) = mail(Kind::Kickoff, Lang::Zh);
    assert!(many.body.starts_with("各位同事，大家好！"), "{}", many.body);
    let (_, one_en) = mail(Kind::Request, Lang::En);
    assert!(one_en.body.starts_with("Hi 张伟,"));
    let (_, many_en) = mail(Kind::Kickoff, Lang::En);
    assert!(many_en.body.starts_with("Hi all,"));
}

#[test]
fn escalation_ccs_both_parties_superiors() {
    let (b, m) = mail(Kind::Escalation, Lang::Zh);
    assert!(b.cc.is_empty(), "the brief itself names no cc");
    // Sender 王磊's superior is 陈静; recipient 张伟's superior is 刘洋.
    assert_eq!(
        m.cc,
        vec!["陈静 <chenjing@example.com>", "刘洋 <liuyang@example.com>"]
    );
    assert!(m.body.contains("抄送双方上级（陈静、刘洋）"));
}

#[test]
fn template_override_directory_replaces_a_builtin() {
    let tmp = tempfile::tempdir().unwrap();
    let written = Templates::builtin().export(tmp.path()).unwrap();
    assert_eq!(written.len(), 20, "base + 9 kinds, zh and en");
    let p = tmp.path().join("request.zh.j2");
    let src = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, src.replace("具体需求", "本次需求清单")).unwrap();
    let t = Templates::from_dir(tmp.path()).unwrap();
    let dir = directory();
    let (b, data) = brief(Kind::Request, &dir);
    let now = DateTime::parse_from_rfc3339(NOW).unwrap();
    let m = compose(&b, &dir, &t, Lang::Zh, now, "example.com", &data).unwrap();
    assert!(m.body.contains("本次需求清单："), "{}", m.body);
    // A broken override is an error naming the template, not a panic.
    std::fs::write(&p, "{% if %}").unwrap();
    let t = Templates::from_dir(tmp.path()).unwrap();
    let e = compose(&b, &dir, &t, Lang::Zh, now, "example.com", &data).unwrap_err();
    assert!(e.to_string().contains("request.zh.j2"), "{e}");
}

const PY: &str = r#"
import json, sys
from email import policy
from email.parser import BytesParser
out = []
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        msg = BytesParser(policy=policy.default).parse(f)
    defects = [repr(d) for d in msg.defects]
    for part in msg.walk():
        defects += [repr(d) for d in part.defects]
    def addrs(h):
        v = msg[h]
        return [] if v is None else [a.addr_spec for a in v.addresses]
    def names(h):
        v = msg[h]
        return [] if v is None else [a.display_name for a in v.addresses]
    body = msg.get_body(preferencelist=('plain',)).get_content()
    out.append({
        'path': path,
        'defects': defects,
        'subject': str(msg['subject']),
        'from': addrs('from'),
        'to': addrs('to'),
        'to_names': names('to'),
        'cc': addrs('cc'),
        'message_id': str(msg['message-id']),
        'date': str(msg['date']),
        'attachments': [p.get_filename() for p in msg.iter_attachments()],
        'attachment_sizes': [len(p.get_content()) for p in msg.iter_attachments()],
        'body': body,
    })
print(json.dumps(out, ensure_ascii=False))
"#;

#[test]
fn python_email_reads_every_generated_eml_without_defects() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = directory();
    let mut expected = Vec::new();
    let mut paths = Vec::new();
    for kind in Kind::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let (b, m) = mail(kind, lang);
            let p = tmp
                .path()
                .join(format!("{}-{}.eml", kind.id(), lang.code()));
            std::fs::write(&p, &m.eml).unwrap();
            paths.push(p);
            expected.push((b, m, lang));
        }
    }
    let out = Command::new("python3")
        .arg("-c")
        .arg(PY)
        .args(&paths)
        .output()
        .expect("python3 is needed for this test (scripts/test installs it)");
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got.len(), expected.len());
    for (g, (b, m, lang)) in got.iter().zip(&expected) {
        let path = g["path"].as_str().unwrap();
        assert_eq!(g["defects"], serde_json::json!([]), "{path}");
        // The subject carries the brief's kind, project, departments and urgency.
        let subject = g["subject"].as_str().unwrap();
        assert_eq!(subject, m.subject, "{path}");
        assert!(subject.contains(&b.project), "{path}");
        // English subjects name departments by their English alias (市场部 → Marketing).
        for d in liaison_compose::department_names(&b.departments, *lang, Some(&dir)) {
            assert!(subject.contains(d.as_str()), "{path}");
        }
        if *lang == Lang::En && b.departments.iter().any(|d| d == "市场部") {
            assert!(
                subject.contains("Marketing") && !subject.contains("市场部"),
                "{path}"
            );
        }
        assert!(
            subject.contains(&b.urgency.label()) || subject.contains(&b.urgency.label_en()),
            "{path}"
        );
        assert_eq!(g["from"], serde_json::json!([b.from]), "{path}");
        assert_eq!(g["to"], serde_json::json!(b.to), "{path}");
        let names: Vec<String> =
            b.to.iter()
                .map(|e| dir.person(e).unwrap().name.clone())
                .collect();
        assert_eq!(g["to_names"], serde_json::json!(names), "{path}");
        let mut cc = b.cc.clone();
        if b.kind == Kind::Escalation {
            cc.extend(liaison_compose::escalation_superiors(b, &dir));
        }
        assert_eq!(g["cc"], serde_json::json!(cc), "{path}");
        let names: Vec<String> = b.attachments.iter().map(|a| a.path.clone()).collect();
        assert_eq!(g["attachments"], serde_json::json!(names), "{path}");
        let sizes: Vec<u64> = b
            .attachments
            .iter()
            .map(|a| std::fs::metadata(examples().join(&a.path)).unwrap().len())
            .collect();
        assert_eq!(g["attachment_sizes"], serde_json::json!(sizes), "{path}");
        assert_eq!(
            g["body"].as_str().unwrap().replace("\r\n", "\n"),
            m.body,
            "{path}"
        );
        assert_eq!(
            g["message_id"].as_str().unwrap(),
            format!("<{}>", m.message_id)
        );
        assert_eq!(g["date"], "Mon, 30 Nov 2026 10:00:00 +0800", "{path}");
    }
}

#[test]
fn long_chinese_names_survive_python_decoding() {
    // Long subject and attachment name force RFC 2047 folding and RFC 2231 continuations.
    let dir = directory();
    let (mut b, _) = brief(Kind::Request, &dir);
    b.project = "二〇二六年第四季度新产品全渠道用户调研与竞品分析及定价策略研究".into();
    b.attachments[0].path =
        "二〇二六年第四季度新产品全渠道用户调研需求清单（含数据字典与访谈提纲）v2.xlsx".into();
    let now = DateTime::parse_from_rfc3339(NOW).unwrap();
    let m = compose(
        &b,
        &dir,
        &Templates::builtin(),
        Lang::Zh,
        now,
        "example.com",
        &[b"x".to_vec()],
    )
    .unwrap();
    let raw = String::from_utf8(m.eml.clone()).unwrap();
    for l in raw.lines() {
        // RFC 5322: SHOULD stay within 78; only the long xlsx MIME type itself is longer.
        assert!(
            l.len() <= 78 || l.starts_with("Content-Type: application/vnd."),
            "line longer than 78 characters: {l}"
        );
    }
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("long.eml");
    std::fs::write(&p, &m.eml).unwrap();
    let out = Command::new("python3")
        .arg("-c")
        .arg(PY)
        .arg(&p)
        .output()
        .unwrap();
    let got: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got[0]["defects"], serde_json::json!([]));
    assert_eq!(got[0]["subject"].as_str().unwrap(), m.subject);
    assert_eq!(
        got[0]["attachments"][0].as_str().unwrap(),
        b.attachments[0].path
    );
}
