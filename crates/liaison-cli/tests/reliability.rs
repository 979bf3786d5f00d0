//! Issue 9 ("nothing lost, nothing leaked") as a user meets it: the real binary on real
//! files. Directory validation, attachments confined to the brief's folder, `new -o`
//! refusing to overwrite, and the newcomer's Getting-started path.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-30T10:00:00+08:00";

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// Runs the binary under a time limit and a memory limit, so that a regression (reading a
/// FIFO, or /dev/zero) fails the test instead of hanging it or exhausting the machine.
fn liaison(cwd: &Path, args: &[&str]) -> Output {
    let mut c = Command::new("timeout");
    c.args(["60", "sh", "-c", "ulimit -v 4000000; exec \"$@\"", "sh"])
        .arg(env!("CARGO_BIN_EXE_liaison"));
    c.current_dir(cwd).args(args);
    for v in [
        "LIAISON_CONFIG",
        "LIAISON_DIRECTORY",
        "LIAISON_LANG",
        "LIAISON_NOW",
        "LIAISON_DOMAIN",
        "LIAISON_TEMPLATES",
        "LIAISON_DB",
        "LIAISON_DATABASE_URL",
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

#[test]
fn directory_check_refuses_line_breaks_and_unknown_keys() {
    let t = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(examples().join("directory.toml")).unwrap();
    // A CR/LF inside a name: `directory check` said 无误 before.
    let crlf = text.replacen(
        "name = \"王磊\"",
        "name = \"王磊\\r\\nBcc: x@evil.example\"",
        1,
    );
    assert_ne!(crlf, text);
    let f = t.path().join("directory.toml");
    std::fs::write(&f, &crlf).unwrap();
    let line = crlf.lines().position(|l| l.contains("evil")).unwrap() + 1;
    let o = liaison(t.path(), &["directory", "check", "directory.toml"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let e = stderr(&o);
    assert!(e.contains(&format!("directory.toml:{line}: ")), "{e}");
    assert!(e.contains("控制字符"), "{e}");
    let o = liaison(
        t.path(),
        &["--lang", "en", "directory", "check", "directory.toml"],
    );
    assert!(stderr(&o).contains("control character"), "{}", stderr(&o));

    // An unknown key gets a suggestion.
    let typo = text.replacen("superior =", "superiour =", 1);
    std::fs::write(&f, &typo).unwrap();
    let o = liaison(
        t.path(),
        &["--lang", "en", "directory", "check", "directory.toml"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `superior`"),
        "{}",
        stderr(&o)
    );
}

/// A project folder made by `liaison init`, with the example request brief and its
/// attachment, and a secret file one level up.
fn project() -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let p = t.path().join("project");
    std::fs::create_dir(&p).unwrap();
    let o = liaison(&p, &["init"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for name in ["request.toml", "Q3用户调研需求清单.xlsx"] {
        std::fs::copy(examples().join(name), p.join(name)).unwrap();
    }
    std::fs::write(t.path().join("secret.txt"), "TOP SECRET").unwrap();
    (t, p)
}

fn set_attachment(project: &Path, path: &str) -> usize {
    let f = project.join("request.toml");
    let text = std::fs::read_to_string(&f).unwrap();
    let text = text.replace(
        "path = \"Q3用户调研需求清单.xlsx\"",
        &format!("path = {}", serde_json::to_string(path).unwrap()),
    );
    std::fs::write(&f, &text).unwrap();
    text.lines().position(|l| l.starts_with("path =")).unwrap() + 1
}

#[test]
fn new_refuses_attachments_outside_the_brief_folder() {
    for path in ["../secret.txt", "/etc/passwd", "innocent.pdf", "zero"] {
        let (t, p) = project();
        std::os::unix::fs::symlink(t.path().join("secret.txt"), p.join("innocent.pdf")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", p.join("zero")).unwrap();
        let line = set_attachment(&p, path);
        let o = liaison(
            &p,
            &[
                "new",
                "request",
                "--brief",
                "request.toml",
                "--now",
                NOW,
                "-o",
                "out.eml",
            ],
        );
        assert_eq!(o.status.code(), Some(2), "{path}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(e.contains(&format!("request.toml:{line}: ")), "{path}: {e}");
        assert!(e.contains("已拒绝"), "{path}: {e}");
        assert!(!p.join("out.eml").exists(), "{path}");
        assert!(!stdout(&o).contains("TOP SECRET"));
        let o = liaison(
            &p,
            &[
                "--lang",
                "en",
                "new",
                "request",
                "--brief",
                "request.toml",
                "--now",
                NOW,
            ],
        );
        assert!(stderr(&o).contains("refused"), "{path}: {}", stderr(&o));
    }
}

#[test]
fn new_refuses_a_fifo_without_hanging() {
    let (_t, p) = project();
    let ok = Command::new("mkfifo").arg(p.join("pipe")).status().unwrap();
    assert!(ok.success());
    set_attachment(&p, "pipe");
    let o = liaison(
        &p,
        &[
            "--lang",
            "en",
            "new",
            "request",
            "--brief",
            "request.toml",
            "--now",
            NOW,
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("FIFO"), "{}", stderr(&o));
}

#[test]
fn the_attachment_size_limit_comes_from_the_config() {
    let (_t, p) = project();
    std::fs::write(p.join("big.bin"), vec![0u8; (1 << 20) + 1]).unwrap();
    set_attachment(&p, "big.bin");
    let cfg = std::fs::read_to_string(p.join("liaison.toml")).unwrap();
    std::fs::write(
        p.join("liaison.toml"),
        format!("{cfg}\n[compose]\nattachment_max_mb = 1\n"),
    )
    .unwrap();
    let args = [
        "--lang",
        "en",
        "new",
        "request",
        "--brief",
        "request.toml",
        "--now",
        NOW,
    ];
    let o = liaison(&p, &args);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("over the limit of 1.0 MB"),
        "{}",
        stderr(&o)
    );
    // Under the default 25 MB it is attached.
    std::fs::write(p.join("liaison.toml"), &cfg).unwrap();
    let o = liaison(&p, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    // An unknown key in [compose] is refused like in every other section.
    std::fs::write(
        p.join("liaison.toml"),
        format!("{cfg}\n[compose]\nattachment_max = 1\n"),
    )
    .unwrap();
    let o = liaison(&p, &args);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("attachment_max"), "{}", stderr(&o));
}

#[test]
fn new_with_an_attachments_root() {
    let (t, p) = project();
    set_attachment(&p, "secret.txt");
    let args = [
        "new",
        "request",
        "--brief",
        "request.toml",
        "--now",
        NOW,
        "--format",
        "json",
    ];
    let o = liaison(&p, &args);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let root = t.path().display().to_string();
    let mut with_root = args.to_vec();
    with_root.extend(["--attachments-root", root.as_str()]);
    let o = liaison(&p, &with_root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("secret.txt"));
}

#[test]
fn new_o_does_not_overwrite_without_force() {
    let (_t, p) = project();
    std::fs::write(p.join("out.eml"), "keep me").unwrap();
    let args = [
        "new",
        "request",
        "--brief",
        "request.toml",
        "--now",
        NOW,
        "-o",
        "out.eml",
    ];
    let o = liaison(&p, &args);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(p.join("out.eml")).unwrap(),
        "keep me"
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    let o = liaison(&p, &forced);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(p.join("out.eml"))
            .unwrap()
            .contains("Message-ID")
    );
}

#[test]
fn parse_says_which_charset_was_guessed() {
    let t = tempfile::tempdir().unwrap();
    let gbk = |s: &str| encoding_rs::GBK.encode(s).0.into_owned();
    let mut raw = b"From: a@example.com\r\nSubject: ".to_vec();
    raw.extend(gbk("【需求對接】Q3調研-市場部-緊急"));
    raw.extend_from_slice(b"\r\nContent-Type: text/plain; charset=EUC-CN\r\n\r\n");
    raw.extend(gbk("张经理，您好！\n请于12月3日17:00前反馈。\n"));
    std::fs::write(t.path().join("m.eml"), &raw).unwrap();
    let o = liaison(t.path(), &["parse", "m.eml", "--now", NOW]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("编码: 主题为未声明编码的 8 位字节，按 GBK 解码"),
        "{out}"
    );
    assert!(
        out.contains("需求对接"),
        "the Traditional tag is the Request kind: {out}"
    );
    assert!(out.contains("12月3日17:00前"), "{out}");
    let o = liaison(
        t.path(),
        &[
            "--lang", "en", "parse", "m.eml", "--format", "json", "--now", NOW,
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["charset_notes"][0]["part"], "subject", "{v}");
    assert_eq!(v["charset_notes"][0]["reason"], "undeclared", "{v}");
}

#[test]
fn init_writes_a_sample_brief_with_its_attachment() {
    let t = tempfile::tempdir().unwrap();
    let o = liaison(t.path(), &["init"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for f in [
        "liaison.toml",
        "directory.toml",
        "request.toml",
        "Q3用户调研需求清单.xlsx",
    ] {
        assert!(t.path().join(f).is_file(), "{f} not written");
    }
    // The brief composes as it is.
    let o = liaison(
        t.path(),
        &["new", "request", "--brief", "request.toml", "--now", NOW],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // A second init refuses to overwrite any of them.
    std::fs::remove_file(t.path().join("liaison.toml")).unwrap();
    let o = liaison(t.path(), &["init"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("request.toml") || stderr(&o).contains("directory.toml"));
}

/// The commands of README's "Getting started" block, as written there.
fn getting_started() -> Vec<String> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md"))
            .unwrap();
    let section = readme
        .split("## Getting started")
        .nth(1)
        .expect("README has a Getting started section");
    let block = section
        .split("```sh")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a sh block in Getting started");
    block
        .lines()
        .map(|l| match l.find(" #") {
            Some(i) => l[..i].trim(),
            None => l.trim(),
        })
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn readme_getting_started_runs_as_written() {
    let cmds = getting_started();
    assert!(cmds.len() >= 5, "{cmds:?}");
    assert!(cmds[0].starts_with("liaison init"), "{cmds:?}");
    let t = tempfile::tempdir().unwrap();
    for cmd in &cmds {
        let (cmd, out) = match cmd.split_once(" > ") {
            Some((c, o)) => (c.trim(), Some(o.trim())),
            None => (cmd.as_str(), None),
        };
        let words: Vec<&str> = cmd.split_whitespace().collect();
        assert_eq!(
            words[0], "liaison",
            "every Getting-started command is liaison: {cmd}"
        );
        let o = liaison(t.path(), &words[1..]);
        assert!(o.status.success(), "`{cmd}` failed:\n{}", stderr(&o));
        if let Some(f) = out {
            std::fs::write(t.path().join(f), &o.stdout).unwrap();
        }
    }
}

#[test]
fn an_md_draft_written_elsewhere_finds_its_attachments() {
    let t = tempfile::tempdir().unwrap();
    assert!(liaison(t.path(), &["init"]).status.success());
    let o = liaison(
        t.path(),
        &[
            "new",
            "request",
            "--brief",
            "request.toml",
            "--now",
            NOW,
            "--format",
            "md",
            "-o",
            "other/dir/x.md",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let draft = std::fs::read_to_string(t.path().join("other/dir/x.md")).unwrap();
    assert!(
        draft.contains("附件：../../Q3用户调研需求清单.xlsx"),
        "{draft}"
    );
    let o = liaison(t.path(), &["lint", "other/dir/x.md", "--format", "json"]);
    let out = stdout(&o);
    assert!(!out.contains("attachment-missing"), "{out}");
    assert!(!out.contains("attachment-undescribed"), "{out}");
    assert_eq!(o.status.code(), Some(0), "{out}\n{}", stderr(&o));

    // A draft written to standard output names the files only; `lint --attachments-dir`
    // says where they are.
    let o = liaison(
        t.path(),
        &[
            "new",
            "request",
            "--brief",
            "request.toml",
            "--now",
            NOW,
            "--format",
            "md",
        ],
    );
    std::fs::write(t.path().join("other/y.md"), &o.stdout).unwrap();
    let o = liaison(t.path(), &["lint", "other/y.md", "--format", "json"]);
    assert!(stdout(&o).contains("attachment-missing"), "{}", stdout(&o));
    let o = liaison(
        t.path(),
        &[
            "lint",
            "other/y.md",
            "--attachments-dir",
            ".",
            "--format",
            "json",
        ],
    );
    assert!(!stdout(&o).contains("attachment-missing"), "{}", stdout(&o));
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}
