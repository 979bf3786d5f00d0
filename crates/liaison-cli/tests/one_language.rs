//! One language per run (issue 9, item 9): every user-facing string of the binary follows
//! `--lang`. This test reads the binary's sources and checks every string literal that
//! can reach a user: Chinese text (Han characters) and full-width punctuation may only
//! appear where the Chinese branch is chosen — the first text of `tr(zh, en)`, or a
//! `Lang::Zh =>` arm (or of `Lang::pick`) — never in the English text of `tr`, an `En` arm,
//! or a format string
//! both languages share. Literals inside `#[cfg(test)]` modules and `include_*!` paths are
//! not shown to users and are skipped.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

fn is_fullwidth_punct(c: char) -> bool {
    "，。；：！？（）【】、“”‘’《》〈〉「」～".contains(c)
}

/// A string literal with the text before it on its line and in the file.
struct Lit {
    line: usize,
    text: String,
    start: usize,
}

/// The string literals of a Rust source (plain and raw), with positions; comments are
/// skipped. Char literals are skipped too.
fn literals(src: &str) -> Vec<Lit> {
    let b: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    while i < b.len() {
        let c = b[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && b.get(i + 1) == Some(&'/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && b.get(i + 1) == Some(&'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                if b[i] == '\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 2;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{…}') or a lifetime ('a).
            if b.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < b.len() && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if b.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c == 'r'
            && (b.get(i + 1) == Some(&'"') || b.get(i + 1) == Some(&'#'))
            && (i == 0 || !(b[i - 1].is_alphanumeric() || b[i - 1] == '_'))
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                i += 1;
                continue;
            }
            let start = i;
            j += 1;
            let mut text = String::new();
            let l = line;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                if b[j] == '\n' {
                    line += 1;
                }
                text.push(b[j]);
                j += 1;
            }
            out.push(Lit {
                line: l,
                text,
                start,
            });
            i = j;
        } else if c == '"' {
            let start = i;
            let l = line;
            let mut j = i + 1;
            let mut text = String::new();
            while j < b.len() && b[j] != '"' {
                if b[j] == '\\' {
                    j += 1;
                }
                if b.get(j) == Some(&'\n') {
                    line += 1;
                }
                if let Some(&ch) = b.get(j) {
                    text.push(ch);
                }
                j += 1;
            }
            out.push(Lit {
                line: l,
                text,
                start,
            });
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether the literal at `pos` (char index) is shown only in Chinese.
fn chinese_only(chars: &[char], pos: usize) -> bool {
    let before: String = chars[pos.saturating_sub(400)..pos].iter().collect();
    // The first argument of tr( … ) or Lang::pick( … ).
    let trimmed = before.trim_end();
    if trimmed.ends_with("tr(") || trimmed.ends_with("pick(") {
        return true;
    }
    // Inside a `Zh =>` arm: the nearest arm marker before the literal is a Zh one.
    let zh = before.rfind("Zh =>").max(before.rfind("Zh) =>"));
    let en = before.rfind("En =>").max(before.rfind("En) =>"));
    let arm_end = before.rfind("},").max(before.rfind("),\n"));
    match (zh, en) {
        (Some(z), e) if e.is_none_or(|e| z > e) => {
            arm_end.is_none_or(|a| a < z) || {
                // A multi-line Zh arm (format!( … ) spanning lines) still counts.
                !before[z..].contains("En =>")
            }
        }
        _ => false,
    }
}

#[test]
fn english_text_is_english_and_shared_text_is_neutral() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    files.sort();
    let mut bad = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        let cut = src.find("#[cfg(test)]").unwrap_or(src.len());
        let chars: Vec<char> = src.chars().collect();
        let cut_chars = src[..cut].chars().count();
        for lit in literals(&src) {
            if lit.start >= cut_chars {
                continue;
            }
            let has_zh = lit.text.chars().any(|c| is_han(c) || is_fullwidth_punct(c));
            if !has_zh {
                continue;
            }
            let before: String = chars[lit.start.saturating_sub(30)..lit.start]
                .iter()
                .collect();
            if before.contains("include_") {
                continue;
            }
            // The embedded sample files are named as they are in Chinese (data, not text).
            if f.ends_with("samples.rs") {
                continue;
            }
            if !chinese_only(&chars, lit.start) {
                bad.push(format!(
                    "{}:{}: {:?}",
                    f.strip_prefix(&root).unwrap().display(),
                    lit.line,
                    lit.text
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "Chinese text outside a Chinese-only branch (use tr(zh, en) or a Lang::Zh arm):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_scanner_sees_what_it_must() {
    let src = r#"fn f() { println!("{}，{}", tr("中文", "english"), 1); let x = tr("好", "fine（bad）"); match l { Lang::Zh => format!("共 {n} 个"), Lang::En => format!("{n} 个") } }"#;
    let chars: Vec<char> = src.chars().collect();
    let flagged: Vec<String> = literals(src)
        .into_iter()
        .filter(|l| l.text.chars().any(|c| is_han(c) || is_fullwidth_punct(c)))
        .filter(|l| !chinese_only(&chars, l.start))
        .map(|l| l.text)
        .collect();
    assert_eq!(flagged, ["{}，{}", "fine（bad）", "{n} 个"]);
}

fn run(args: &[&str]) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_liaison"))
        .env_remove("LIAISON_CONFIG")
        .env_remove("LIAISON_LANG")
        .env_remove("LIAISON_DB")
        .env_remove("LIAISON_DATABASE_URL")
        .current_dir("/")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Errors of the libraries (the store, I/O) read in the run's language too.
#[test]
fn library_errors_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    // A database path whose folder is a file: the store cannot open it.
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, b"x").unwrap();
    let db = blocker.join("liaison.db");
    let (code, err) = run(&["--db", db.to_str().unwrap(), "list"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("无法打开数据库"), "{err}");
    assert!(!err.contains("cannot open the database"), "{err}");
    let (_, err) = run(&["--lang", "en", "--db", db.to_str().unwrap(), "list"]);
    assert!(err.contains("cannot open the database"), "{err}");
    // A configuration file that is not UTF-8 text.
    let cfg = dir.path().join("liaison.toml");
    std::fs::write(&cfg, b"[identity]\ndomain = \"\xff\xfe\"\n").unwrap();
    let (code, err) = run(&["--config", cfg.to_str().unwrap(), "rules"]);
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains("stream did not contain valid UTF-8"), "{err}");
    assert!(
        err.contains("UTF-8") && err.contains("liaison.toml"),
        "{err}"
    );
}
