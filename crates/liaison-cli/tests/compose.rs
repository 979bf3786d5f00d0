//! CLI integration tests for issue 2: init, directory, new, templates, demo and config
//! layering, run against the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-30T10:00:00+08:00";

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn liaison(cwd: &Path, args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_liaison"));
    c.current_dir(cwd).args(args);
    for v in [
        "LIAISON_CONFIG",
        "LIAISON_DIRECTORY",
        "LIAISON_LANG",
        "LIAISON_NOW",
        "LIAISON_DOMAIN",
        "LIAISON_TEMPLATES",
    ] {
        c.env_remove(v);
    }
    c.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A project folder made by `liaison init`, with the example briefs and attachments.
fn project() -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    let o = liaison(t.path(), &["init"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for e in std::fs::read_dir(examples()).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap();
        if name != "directory.toml" && name != "liaison.toml" {
            std::fs::copy(&p, t.path().join(name)).unwrap();
        }
    }
    t
}

#[test]
fn init_writes_samples_and_refuses_to_overwrite() {
    let t = tempfile::tempdir().unwrap();
    let o = liaison(t.path(), &["init"]);
    assert!(o.status.success());
    assert!(t.path().join("liaison.toml").is_file());
    let o = liaison(t.path(), &["directory", "check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("通讯录无误"), "{}", stdout(&o));
    let o = liaison(t.path(), &["init"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--force"));
    assert!(liaison(t.path(), &["init", "--force"]).status.success());
}

#[test]
fn new_finds_liaison_toml_upward_and_is_byte_stable() {
    let t = project();
    let sub = t.path().join("drafts/deep");
    std::fs::create_dir_all(&sub).unwrap();
    let brief = t.path().join("request.toml");
    let b = brief.to_str().unwrap();
    let a = liaison(&sub, &["new", "需求对接", "--brief", b, "--now", NOW]);
    assert!(a.status.success(), "{}", stderr(&a));
    let again = liaison(&sub, &["new", "request", "--brief", b, "--now", NOW]);
    assert_eq!(a.stdout, again.stdout);
    let eml = stdout(&a);
    // [identity] domain = "example.com" from the sample liaison.toml.
    assert!(eml.contains("Message-ID: <liaison."), "{eml}");
    assert!(eml.contains("@example.com>\r\n"));
    assert!(eml.contains("Date: Mon, 30 Nov 2026 10:00:00 +0800\r\n"));
    // LIAISON_DOMAIN overrides the file; the flag layer (--directory) overrides [directory].
    let o = Command::new(env!("CARGO_BIN_EXE_liaison"))
        .current_dir(&sub)
        .env("LIAISON_DOMAIN", "corp.example.cn")
        .args(["new", "request", "--brief", b, "--now", NOW])
        .output()
        .unwrap();
    assert!(stdout(&o).contains("@corp.example.cn>"), "{}", stderr(&o));
    let o = liaison(
        &sub,
        &[
            "--directory",
            "/nonexistent/d.toml",
            "new",
            "request",
            "--brief",
            b,
            "--now",
            NOW,
        ],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("/nonexistent/d.toml"), "{}", stderr(&o));
}

#[test]
fn new_md_and_english_and_out_file() {
    let t = project();
    let o = liaison(
        t.path(),
        &[
            "new",
            "问题升级",
            "--brief",
            "escalation.toml",
            "--format",
            "md",
            "--now",
            NOW,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(
        md.starts_with("主题：【问题升级】Q3用户调研报告延迟-市场部-紧急\n"),
        "{md}"
    );
    assert!(md.contains("抄送：陈静 <chenjing@example.com>、刘洋 <liuyang@example.com>"));
    let o = liaison(
        t.path(),
        &[
            "--lang",
            "en",
            "new",
            "kickoff",
            "--brief",
            "kickoff.toml",
            "--format",
            "text",
            "--now",
            NOW,
        ],
    );
    // English subjects name departments by the directory's English alias (issue 10).
    assert!(
        stdout(&o).starts_with(
            "[Kickoff] Q3 product launch - Marketing/R&D/设计部 - Important\n\nHi all,"
        ),
        "{}",
        stdout(&o)
    );
    let o = liaison(
        t.path(),
        &[
            "new",
            "复盘",
            "--brief",
            "retrospective.toml",
            "--out",
            "r.eml",
            "--now",
            NOW,
        ],
    );
    assert!(o.status.success());
    assert!(stdout(&o).is_empty());
    let eml = std::fs::read_to_string(t.path().join("r.eml")).unwrap();
    assert!(
        eml.contains("filename*0*=UTF-8''%E5%A4%8D%E7%9B%98%E8%A1%A8.xlsx"),
        "{eml}"
    );
}

#[test]
fn a_bad_brief_reports_every_problem_with_file_and_line() {
    let t = project();
    let text = std::fs::read_to_string(t.path().join("request.toml")).unwrap();
    let bad = text
        .replace("urgency = \"紧急\"", "urgency = \"很急\"")
        .replace(
            "to = [\"zhangwei@example.com\"]",
            "to = [\"zhangwei@exmaple.com\"]",
        )
        .replace(
            "project = \"Q3新产品用户调研\"",
            "project = \"Q3\\nBcc: evil@example.com\"",
        );
    std::fs::write(t.path().join("bad.toml"), bad).unwrap();
    let o = liaison(
        t.path(),
        &["new", "需求对接", "--brief", "bad.toml", "--now", NOW],
    );
    assert!(!o.status.success());
    assert!(o.stdout.is_empty(), "nothing half-written to stdout");
    let e = stderr(&o);
    assert!(e.contains("bad.toml:2: "), "{e}");
    assert!(e.contains("CR/LF"), "{e}");
    assert!(e.contains("bad.toml:4: "), "{e}");
    assert!(e.contains("bad.toml:6: "), "{e}");
    assert!(e.contains("是否想写 张伟 <zhangwei@example.com>"), "{e}");
    let o = liaison(
        t.path(),
        &[
            "--lang", "en", "new", "request", "--brief", "bad.toml", "--now", NOW,
        ],
    );
    assert!(
        stderr(&o).contains("did you mean 张伟 <zhangwei@example.com>?"),
        "{}",
        stderr(&o)
    );
    // An unknown kind on the command line.
    let o = liaison(t.path(), &["new", "需求对齐", "--brief", "request.toml"]);
    assert!(stderr(&o).contains("需求对接"), "{}", stderr(&o));
    // A missing attachment.
    std::fs::remove_file(t.path().join("复盘表.xlsx")).unwrap();
    let o = liaison(
        t.path(),
        &["new", "复盘", "--brief", "retrospective.toml", "--now", NOW],
    );
    assert!(stderr(&o).contains("复盘表.xlsx"), "{}", stderr(&o));
}

#[test]
fn bad_config_and_bad_directory_name_file_and_line() {
    let t = project();
    std::fs::write(
        t.path().join("liaison.toml"),
        "[identity]\ndomain = \"x\"\ncolour = 1\n",
    )
    .unwrap();
    let o = liaison(t.path(), &["new", "request", "--brief", "request.toml"]);
    assert!(stderr(&o).contains("liaison.toml:3: "), "{}", stderr(&o));
    let dir = std::fs::read_to_string(t.path().join("directory.toml")).unwrap();
    std::fs::write(
        t.path().join("directory.toml"),
        dir.replace(
            "superior = \"liuyang@example.com\"",
            "superior = \"liuy@example.com\"",
        ),
    )
    .unwrap();
    let o = liaison(t.path(), &["directory", "check", "directory.toml"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("directory.toml:64: "), "{}", stderr(&o));
    assert!(stderr(&o).contains("liuy@example.com"));
}

#[test]
fn directory_import_from_csv() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(
        t.path().join("people.csv"),
        "name,email,department,title,superior,dingtalk\n范志远,fanzhiyuan@example.com,技术部,总监,,\n李娜,lina@example.com,技术部,经理,fanzhiyuan@example.com,lina01\n",
    )
    .unwrap();
    let o = liaison(
        t.path(),
        &[
            "directory",
            "import",
            "people.csv",
            "--out",
            "directory.toml",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = liaison(
        t.path(),
        &[
            "--directory",
            "directory.toml",
            "directory",
            "show",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["person"][1]["chat"]["dingtalk"], "lina01");
    assert_eq!(v["department"][0]["name"], "技术部");
    std::fs::write(
        t.path().join("bad.csv"),
        "name,email,department,superior\n李娜,lina@example.com,技术部,boss@example.com\n",
    )
    .unwrap();
    let o = liaison(t.path(), &["directory", "import", "bad.csv"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("bad.csv:2: "), "{}", stderr(&o));
}

#[test]
fn exported_templates_override_the_builtins_via_config() {
    let t = project();
    let o = liaison(t.path(), &["templates", "export", "tpl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 20);
    let p = t.path().join("tpl/request.zh.j2");
    let src = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, src.replace("具体需求", "需求明细")).unwrap();
    let cfg = std::fs::read_to_string(t.path().join("liaison.toml")).unwrap();
    std::fs::write(
        t.path().join("liaison.toml"),
        format!("{cfg}\n[templates]\ndir = \"tpl\"\n"),
    )
    .unwrap();
    let o = liaison(
        t.path(),
        &[
            "new",
            "request",
            "--brief",
            "request.toml",
            "--format",
            "text",
            "--now",
            NOW,
        ],
    );
    assert!(stdout(&o).contains("需求明细："), "{}", stderr(&o));
    let o = liaison(t.path(), &["templates", "show", "request.zh.j2"]);
    assert!(stdout(&o).contains("需求明细"));
}

#[test]
fn demo_needs_only_the_binary() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path().join("demo");
    let o = liaison(
        t.path(),
        &["demo", "--dir", d.to_str().unwrap(), "--format", "json"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mails = v["mails"].as_array().unwrap();
    assert_eq!(mails.len(), 9);
    for m in mails {
        assert!(Path::new(m["file"].as_str().unwrap()).is_file());
    }
    let o = liaison(t.path(), &["demo", "--dir", d.to_str().unwrap()]);
    assert!(!o.status.success(), "a non-empty folder is refused");
    let o = liaison(
        t.path(),
        &["demo", "--dir", t.path().join("d2").to_str().unwrap()],
    );
    assert!(stdout(&o).contains("【问题升级】"), "{}", stdout(&o));
}
