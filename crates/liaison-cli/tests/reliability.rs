//! Issue 9 ("nothing lost, nothing leaked") as a user meets it: the real binary on real
//! files. Directory validation, attachments confined to the brief's folder, `new -o`
//! refusing to overwrite, and the newcomer's Getting-started path.

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
