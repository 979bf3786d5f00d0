//! `liaison lint`: check drafts against the guide (DESIGN §5).
//!
//! Exit codes: 0 no errors, 1 errors found, 2 could not run (bad arguments, an unreadable
//! file — the other files are still linted and reported).

use crate::drafts::{parse_draft, read_input};
use crate::output::{self, explicit_lang};
use crate::settings::Settings;
use anyhow::bail;
use clap::{Args, ValueEnum};
use liaison_lint::{FileReport, Lang, Report, render};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Output formats of `liaison lint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum LintFormat {
    /// Source snippets with carets.
    #[default]
    Text,
    /// `{"files": [...], "summary": {...}}`.
    Json,
    /// SARIF 2.1.0.
    Sarif,
}

/// Arguments of `liaison lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Drafts to check: .eml, or .md/.txt with header lines; a folder for the drafts in it;
    /// `-` reads standard input.
    #[arg(required_unless_present = "explain")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: LintFormat,
    /// Explain one rule (e.g. action-owner) and exit.
    #[arg(long, value_name = "RULE")]
    pub explain: Option<String>,
    /// The folder a plain draft's attachments are in (default: the draft's own folder).
    #[arg(long, value_name = "DIR")]
    pub attachments_dir: Option<PathBuf>,
}

/// A folder stands for the drafts in it (`.md`, `.txt`, `.eml`, recursively, sorted);
/// anything else is linted as given (and reported if it cannot be read).
fn expand(path: &Path, out: &mut Vec<PathBuf>) {
    if path != Path::new("-") && path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(_) => {
                out.push(path.to_path_buf());
                return;
            }
        };
        entries.sort();
        for e in entries {
            let is_draft = e
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| matches!(x.to_ascii_lowercase().as_str(), "md" | "txt" | "eml"));
            if e.is_dir() {
                expand(&e, out);
            } else if is_draft && !e.to_string_lossy().ends_with(".expected.json") {
                out.push(e);
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
}

/// Runs `liaison lint`.
pub fn run(s: &Settings, args: LintArgs) -> anyhow::Result<ExitCode> {
    if let Some(id) = &args.explain {
        return explain(id);
    }
    let linter = s.linter()?;
    let lang = explicit_lang(&s.global);
    let mut files = Vec::new();
    let stdin_count = args.files.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_count > 1 {
        bail!(
            "{}",
            output::tr(
                "标准输入（-）只能出现一次",
                "standard input (-) can be given only once"
            )
        );
    }
    let mut inputs = Vec::new();
    for path in &args.files {
        expand(path, &mut inputs);
    }
    for path in &inputs {
        let shown = path.display().to_string();
        match read_input(path) {
            Ok(raw) => {
                let a = parse_draft(&linter, path, &raw, args.attachments_dir.as_deref());
                files.push(linter.report(&shown, a, lang));
            }
            Err(e) => {
                eprintln!("{}: {shown}: {e}", output::error_label());
                files.push(FileReport::unreadable(&shown, e));
            }
        }
    }
    let report = Report::new(files);
    let out_lang = lang
        .or_else(|| report.files.iter().find_map(|f| f.lang))
        .unwrap_or(Lang::Zh);
    let text = match args.format {
        LintFormat::Text => render::text(&report, out_lang),
        LintFormat::Json => render::json(&report) + "\n",
        LintFormat::Sarif => render::sarif(&report, out_lang) + "\n",
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    Ok(ExitCode::from(report.exit_code()))
}

fn explain(id: &str) -> anyhow::Result<ExitCode> {
    let lang = crate::output::lang();
    let Some(rule) = liaison_lint::rules::rule(id) else {
        let near = liaison_lint::RULES
            .iter()
            .map(|r| (strsim_distance(id, r.id), r.id))
            .min()
            .filter(|(d, _)| *d <= 4)
            .map(|(_, s)| s);
        bail!(
            "{}{}",
            match lang {
                Lang::Zh => format!("没有规则“{id}”；`liaison rules` 列出全部规则"),
                Lang::En => format!("no rule {id:?}; `liaison rules` lists them all"),
            },
            near.map(|n| match lang {
                Lang::Zh => format!("（是否是 {n}？）"),
                Lang::En => format!(" (did you mean {n}?)"),
            })
            .unwrap_or_default()
        );
    };
    let (sev, when, fix) = match lang {
        Lang::Zh => ("默认级别", "何时触发", "如何修改"),
        Lang::En => ("default", "fires when", "how to fix"),
    };
    let out = format!(
        "{} ({sev}: {})\n{when}: {}\n\n{}\n\n{fix}: {}\n",
        rule.id,
        rule.default.as_str(),
        rule.summary(lang),
        rule.explain(lang),
        rule.help(lang)
    );
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}

fn strsim_distance(a: &str, b: &str) -> usize {
    // Levenshtein over chars; ids are short.
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
