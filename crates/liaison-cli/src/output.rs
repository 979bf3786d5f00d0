//! Shared output helpers: language, formats.

use std::sync::OnceLock;

/// The user-facing language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Lang {
    /// 中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the process-wide language once, from `--lang`.
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The process-wide language.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// Picks the Chinese or English text.
pub fn tr<'a>(zh: &'a str, en: &'a str) -> &'a str {
    match lang() {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The process-wide language as the engine names it.
pub fn engine_lang() -> liaison_engine::Lang {
    match lang() {
        Lang::Zh => liaison_engine::Lang::Zh,
        Lang::En => liaison_engine::Lang::En,
    }
}

/// The separator of a list of names in running text (、 in Chinese, a comma in English).
pub fn list_sep() -> &'static str {
    tr("、", ", ")
}

/// The label in front of a fatal error.
pub fn error_label() -> &'static str {
    tr("错误", "error")
}

/// Data output formats shared by commands that print records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum DataFormat {
    /// Human-readable text.
    #[default]
    Text,
    /// JSON on stdout.
    Json,
}

/// The language chosen with `--lang`, if any (a draft's own language is used otherwise).
pub fn explicit_lang(g: &crate::cli::GlobalArgs) -> Option<liaison_lint::Lang> {
    g.lang.map(|l| match l {
        Lang::Zh => liaison_lint::Lang::Zh,
        Lang::En => liaison_lint::Lang::En,
    })
}

/// The language for text that belongs to no draft.
pub fn ui_lang() -> liaison_lint::Lang {
    match lang() {
        Lang::Zh => liaison_lint::Lang::Zh,
        Lang::En => liaison_lint::Lang::En,
    }
}
