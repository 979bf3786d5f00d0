//! Lint: check a draft against the guide (DESIGN §5) and report diagnostics as text, JSON
//! or SARIF.
//!
//! ```no_run
//! use liaison_lint::{Linter, LintConfig};
//! # fn ctx() -> liaison_time::Context { unimplemented!() }
//! let linter = Linter::new(&LintConfig::default(), None, ctx()).unwrap();
//! let report = linter.lint_bytes("draft.md", b"Subject: ...\n\nbody", None);
//! for d in &report.diagnostics {
//!     println!("{} {}", d.rule, d.message);
//! }
//! ```
//!
//! The linter is pure: it reads bytes it is given and the reference instant in the time
//! context; the CLI does the file IO (and fills attachment sizes for plain drafts).

mod check;
pub mod config;
pub mod render;
pub mod rules;

pub use config::{ConfigError, Level, LintConfig, Resolved, Severity};
pub use liaison_anatomy::{Anatomy, ParseOptions};
/// The language of messages (and of drafts).
pub use liaison_model::Lang;
pub use rules::{RULES, Rule};

use liaison_model::Directory;
use serde::Serialize;

/// One finding, in the JSON shape of DESIGN §5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule id.
    pub rule: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in the chosen language.
    pub message: String,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column (in characters) of `start`.
    pub column: usize,
    /// Byte offset where the problem starts (in the draft as read).
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// How to fix it.
    pub help: String,
    /// 1-based line of `end`.
    #[serde(skip)]
    pub end_line: usize,
    /// 1-based column of `end`.
    #[serde(skip)]
    pub end_column: usize,
}

/// The result for one file.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// The path as given (`-` for standard input).
    pub path: String,
    /// The kind's canonical tag (需求对接 …), when the subject names a known kind.
    pub kind: Option<String>,
    /// Findings, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// Why the file could not be linted (unreadable); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The language messages were written in.
    #[serde(skip)]
    pub lang: Option<Lang>,
    /// The text the spans index (for snippets).
    #[serde(skip)]
    pub source: String,
    /// Whether `source` is the file itself (spans map to the file's bytes).
    #[serde(skip)]
    pub verbatim: bool,
}

impl FileReport {
    /// A report for a file that could not be read.
    pub fn unreadable(path: &str, error: String) -> FileReport {
        FileReport {
            path: path.to_string(),
            kind: None,
            diagnostics: Vec::new(),
            error: Some(error),
            lang: None,
            source: String::new(),
            verbatim: false,
        }
    }

    /// Errors among the diagnostics.
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Warnings among the diagnostics.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Totals over all files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Error diagnostics.
    pub errors: usize,
    /// Warning diagnostics.
    pub warnings: usize,
}

/// The whole run: `{"files": [...], "summary": {...}}`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// One entry per input, in the order given.
    pub files: Vec<FileReport>,
    /// Totals.
    pub summary: Summary,
}

impl Report {
    /// Builds a report and its summary.
    pub fn new(files: Vec<FileReport>) -> Report {
        let summary = Summary {
            errors: files.iter().map(FileReport::errors).sum(),
            warnings: files.iter().map(FileReport::warnings).sum(),
        };
        Report { files, summary }
    }

    /// Exit code per DESIGN §5: 2 when a file could not be read, 1 when errors were found,
    /// else 0.
    pub fn exit_code(&self) -> u8 {
        if self.files.iter().any(|f| f.error.is_some()) {
            2
        } else if self.summary.errors > 0 {
            1
        } else {
            0
        }
    }
}

/// A configured linter.
#[derive(Debug, Clone)]
pub struct Linter {
    /// The resolved configuration.
    pub config: Resolved,
    /// The directory, when one is given.
    pub directory: Option<Directory>,
    /// Parsing options (kinds, urgency words, time context, directory).
    pub parse_options: ParseOptions,
    /// The vague words the body automaton was built for, and that automaton (the vague words
    /// then the other lists searched over the whole body; used only while
    /// `config.vague_words` still equals them).
    body_words: Option<(Vec<String>, liaison_anatomy::words::WordSet)>,
}

impl Linter {
    /// The body automaton, when it was built for the configured vague words.
    pub(crate) fn body_set(&self) -> Option<&liaison_anatomy::words::WordSet> {
        self.body_words
            .as_ref()
            .filter(|(w, _)| *w == self.config.vague_words)
            .map(|(_, set)| set)
    }

    /// Validates `config` and builds a linter. `time.now` is the fallback reference instant
    /// for drafts without a Date, and "today" for `deadline-past`.
    pub fn new(
        config: &LintConfig,
        directory: Option<Directory>,
        time: liaison_time::Context,
    ) -> Result<Linter, ConfigError> {
        let config = config.resolve()?;
        let mut parse_options = ParseOptions::new(time);
        parse_options.kinds = config.kinds.clone();
        parse_options.urgency_words = config.urgency.clone();
        parse_options.directory = directory.clone();
        let body_words =
            check::body_word_set(&config.vague_words).map(|set| (config.vague_words.clone(), set));
        Ok(Linter {
            body_words,
            config,
            directory,
            parse_options,
        })
    }

    /// Reads a draft (`.eml` or plain, by path extension or sniffing).
    pub fn parse(&self, path: &str, raw: &[u8]) -> Anatomy {
        Anatomy::parse(raw, Some(path), &self.parse_options)
    }

    /// Checks an anatomy. `lang` chooses the messages' language; `None` follows the draft.
    pub fn check(&self, anatomy: &Anatomy, lang: Option<Lang>) -> Vec<Diagnostic> {
        let lang = lang.unwrap_or(anatomy.lang);
        check::run(self, anatomy, lang)
    }

    /// Parses and checks one draft.
    pub fn lint_bytes(&self, path: &str, raw: &[u8], lang: Option<Lang>) -> FileReport {
        let a = self.parse(path, raw);
        self.report(path, a, lang)
    }

    /// Checks an already parsed draft and wraps the result.
    pub fn report(&self, path: &str, a: Anatomy, lang: Option<Lang>) -> FileReport {
        let lang = lang.unwrap_or(a.lang);
        let diagnostics = check::run(self, &a, lang);
        FileReport {
            path: path.to_string(),
            kind: a.kind().map(|k| k.tag().to_string()),
            diagnostics,
            error: None,
            lang: Some(lang),
            verbatim: a.format != liaison_anatomy::SourceFormat::EmlDecoded,
            source: a.source,
        }
    }
}
