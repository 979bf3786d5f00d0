//! Shared output helpers: language, formats.

use std::sync::OnceLock;

/// The user-facing language.
pub use liaison_model::Lang;

/// `--lang`: [`Lang`]'s values for clap, each with its help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LangArg(pub Lang);

impl clap::ValueEnum for LangArg {
    fn value_variants<'a>() -> &'a [Self] {
        &[LangArg(Lang::Zh), LangArg(Lang::En)]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let help = self.0.pick("中文 (default)", "English");
        Some(clap::builder::PossibleValue::new(self.0.code()).help(help))
    }
}

impl LangArg {
    /// The parser of `--lang`: `zh` or `en`, listed with their help.
    pub fn parser() -> impl clap::builder::TypedValueParser<Value = Lang> {
        use clap::builder::TypedValueParser;
        clap::builder::EnumValueParser::<LangArg>::new().map(|l| l.0)
    }
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
    lang().pick(zh, en)
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
pub fn explicit_lang(g: &crate::cli::GlobalArgs) -> Option<Lang> {
    g.lang
}
