//! Dumps the anatomy and diagnostics of every draft named on stdin (one path a line), and of
//! deterministic variants of each (padded, case-changed, reordered, non-ASCII letters), so
//! two builds of the linter can be compared byte for byte:
//!
//! ```text
//! find crates -name '*.md' | cargo run -p liaison-lint --example equiv_dump > before.txt
//! ```
//!
//! Used to check that performance work changes no result.

use chrono::DateTime;
use liaison_lint::{Lang, LintConfig, Linter};
use liaison_model::Directory;
use std::io::{BufRead, Write};
use std::path::Path;

#[path = "../../../bench/corpus.rs"]
mod corpus;

fn variants(text: &str) -> Vec<(&'static str, String)> {
    let mut v = vec![("orig", text.to_string())];
    v.push(("padded", corpus::pad_to_2k(text)));
    v.push(("upper", text.to_ascii_uppercase()));
    v.push(("lower", text.to_ascii_lowercase()));
    v.push((
        "mixed",
        text.chars()
            .enumerate()
            .map(|(i, c)| {
                if i % 2 == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect(),
    ));
    let lines: Vec<&str> = text.lines().collect();
    let keep = |f: &dyn Fn(usize) -> bool| -> String {
        lines
            .iter()
            .enumerate()
            .filter(|(i, _)| f(*i))
            .map(|(_, l)| *l)
            .collect::<Vec<_>>()
            .join("\n")
    };
    v.push(("odd", keep(&|i| i < 4 || i % 2 == 1)));
    v.push(("even", keep(&|i| i < 4 || i % 2 == 0)));
    v.push(("third", keep(&|i| i % 3 != 2)));
    let mut rev: Vec<&str> = lines.clone();
    if rev.len() > 6 {
        rev[4..].reverse();
    }
    v.push(("rev", rev.join("\n")));
    v.push(("joined", text.replace("\n\n", "\n")));
    v.push((
        "bullets",
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i > 5 && !l.trim().is_empty() {
                    format!("- {l}")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
    ));
    v.push(("kelvin", text.replace('k', "\u{212a}")));
    v.push(("dotted-i", text.replace('i', "İ")));
    v.push(("accents", text.replace('e', "É").replace('o', "Ö")));
    v.push(("greek", text.replace('a', "Ω")));
    v.push(("fullwidth", text.replace('a', "Ａ").replace('T', "Ｔ")));
    v.push(("crlf", text.replace('\n', "\r\n")));
    v
}

fn linter(dir: Option<&Path>, directory: bool) -> Linter {
    let cfg: LintConfig = match dir.and_then(|d| std::fs::read_to_string(d.join("lint.toml")).ok())
    {
        Some(t) => toml::from_str(&t).expect("lint.toml parses"),
        None => LintConfig::default(),
    };
    let fx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/directory");
    let directory: Option<Directory> = directory.then(|| {
        toml::from_str(&std::fs::read_to_string(fx.join("directory.toml")).unwrap()).unwrap()
    });
    let now = DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
    Linter::new(&cfg, directory, liaison_time::Context::new(now)).expect("config is valid")
}

fn main() {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let plain = linter(None, false);
    let with_dir = linter(None, true);
    for line in stdin.lock().lines() {
        let path = line.unwrap();
        let p = Path::new(&path);
        let Ok(raw) = std::fs::read(p) else { continue };
        let own = linter(
            p.parent(),
            p.parent()
                .is_some_and(|d| d.join("directory.toml").exists()),
        );
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let mut inputs: Vec<(&str, Vec<u8>)> = vec![("raw", raw.clone())];
        if let Ok(text) = std::str::from_utf8(&raw)
            && !path.contains("/corpus/")
        {
            for (k, t) in variants(text) {
                inputs.push((k, t.into_bytes()));
            }
        }
        for (k, bytes) in &inputs {
            for (ln, l) in [("plain", &plain), ("dir", &with_dir), ("own", &own)] {
                let r = std::panic::catch_unwind(|| {
                    let a = l.parse(&name, bytes);
                    let aj = serde_json::to_string(&a).unwrap();
                    let zh = l.check(&a, Some(Lang::Zh));
                    let en = l.check(&a, Some(Lang::En));
                    let auto = l.check(&a, None);
                    format!("{aj}\n{zh:?}\n{en:?}\n{auto:?}")
                });
                let body = match r {
                    Ok(s) => s,
                    Err(_) => "PANIC".to_string(),
                };
                writeln!(out, "== {path} {k} {ln}\n{body}").unwrap();
            }
        }
    }
}
