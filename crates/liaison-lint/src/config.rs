//! The `[lint]` section of `liaison.toml`.
//!
//! ```toml
//! [lint]
//! background_max_sentences = 2
//! opening_max_chars = 120
//! attachment_max_mb = 20
//! vague_words = ["回头", "改天"]        # added to the built-in list
//!
//! [lint.rules]                         # severity per rule: "error", "warning" or "off"
//! attachment-large = "off"
//! opening-purpose = "error"
//!
//! [lint.kinds]                         # extra 【】 tags: tag = kind (tag, English tag or id)
//! "需求评审" = "request"
//!
//! [lint.urgency]                       # extra urgency words: word = urgent|important|normal|today
//! "火急" = "urgent"
//! ```

use crate::rules::{RULES, rule};
use liaison_model::{Kind, KindTable, Urgency};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Counts towards exit code 1.
    Error,
    /// Reported, but the draft still passes.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A configured level: a severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Report as an error.
    Error,
    /// Report as a warning.
    #[serde(alias = "warn")]
    Warning,
    /// Do not check.
    Off,
}

/// The `[lint]` section as written.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct LintConfig {
    /// Severity per rule id, or `off`.
    pub rules: BTreeMap<String, Level>,
    /// Extra 【】 tags: tag → kind (canonical tag, English tag or id).
    pub kinds: BTreeMap<String, String>,
    /// Extra urgency words: word → `urgent`, `important`, `normal` or `today`.
    pub urgency: BTreeMap<String, String>,
    /// Extra vague time words (added to the built-in list).
    pub vague_words: Vec<String>,
    /// `background-too-long`: most sentences a background may have.
    pub background_max_sentences: usize,
    /// `opening-purpose`: most characters the opening paragraph may have.
    pub opening_max_chars: usize,
    /// `attachment-large`: the limit for all attachments together, in MB.
    pub attachment_max_mb: f64,
}

impl Default for LintConfig {
    fn default() -> Self {
        LintConfig {
            rules: BTreeMap::new(),
            kinds: BTreeMap::new(),
            urgency: BTreeMap::new(),
            vague_words: Vec::new(),
            background_max_sentences: 2,
            opening_max_chars: 120,
            attachment_max_mb: 20.0,
        }
    }
}

/// A `[lint]` section that cannot be used.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConfigError {
    /// A rule id that does not exist.
    #[error("[lint.rules]: unknown rule {id:?}{}; `liaison rules` lists them", suggestion.as_ref().map(|s| format!(" (did you mean {s:?}?)")).unwrap_or_default())]
    UnknownRule {
        /// The id as written.
        id: String,
        /// The closest known id.
        suggestion: Option<String>,
    },
    /// A kind alias pointing at no kind.
    #[error("[lint.kinds]: {tag:?} = {kind:?}: unknown kind; use one of {known}")]
    UnknownKind {
        /// The alias.
        tag: String,
        /// The kind as written.
        kind: String,
        /// The accepted values.
        known: String,
    },
    /// An urgency word mapped to nothing known.
    #[error("[lint.urgency]: {word:?} = {value:?}: use urgent, important, normal or today")]
    UnknownUrgency {
        /// The word.
        word: String,
        /// The value as written.
        value: String,
    },
    /// A threshold out of range.
    #[error("[lint] {key} = {value}: {fix}")]
    BadThreshold {
        /// The key.
        key: &'static str,
        /// The value as written.
        value: String,
        /// What to write instead.
        fix: &'static str,
    },
}

/// A validated configuration, ready for the checks.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// Effective level per rule (index as in [`RULES`]).
    pub levels: Vec<Level>,
    /// Accepted tags.
    pub kinds: KindTable,
    /// Extra urgency words.
    pub urgency: BTreeMap<String, Urgency>,
    /// Vague words (built-in and configured).
    pub vague_words: Vec<String>,
    /// See [`LintConfig::background_max_sentences`].
    pub background_max_sentences: usize,
    /// See [`LintConfig::opening_max_chars`].
    pub opening_max_chars: usize,
    /// The attachment limit in bytes.
    pub attachment_max_bytes: u64,
}

/// Vague words the linter knows besides what the deadline scanner reports (TIME.md's list).
pub const BUILTIN_VAGUE: &[&str] = &[
    "尽快",
    "尽早",
    "近期",
    "近日",
    "有空时",
    "有空的时候",
    "抽空",
    "方便的时候",
    "稍后",
    "过几天",
    "这两天",
    "第一时间",
    "另行通知",
    "ASAP",
    "as soon as possible",
    "at your earliest convenience",
    "when you get a chance",
];

impl LintConfig {
    /// Validates and resolves the section.
    pub fn resolve(&self) -> Result<Resolved, ConfigError> {
        let mut levels: Vec<Level> = RULES
            .iter()
            .map(|r| match r.default {
                Severity::Error => Level::Error,
                Severity::Warning => Level::Warning,
            })
            .collect();
        for (id, level) in &self.rules {
            if rule(id).is_none() {
                let suggestion = RULES
                    .iter()
                    .map(|r| (strsim::levenshtein(id, r.id), r.id))
                    .min()
                    .filter(|(d, _)| *d <= 4)
                    .map(|(_, s)| s.to_string());
                return Err(ConfigError::UnknownRule {
                    id: id.clone(),
                    suggestion,
                });
            }
            let i = crate::rules::rule_index(id).expect("checked");
            levels[i] = *level;
        }
        let mut kinds = KindTable::default();
        for (tag, kind) in &self.kinds {
            let k = Kind::parse(kind).ok_or_else(|| ConfigError::UnknownKind {
                tag: tag.clone(),
                kind: kind.clone(),
                known: Kind::ALL
                    .iter()
                    .map(|k| k.id())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
            kinds.insert(tag, k);
        }
        let mut urgency = BTreeMap::new();
        for (word, value) in &self.urgency {
            let u = match value.trim().to_ascii_lowercase().as_str() {
                "urgent" | "紧急" => Urgency::Urgent,
                "important" | "重要" => Urgency::Important,
                "normal" | "一般" => Urgency::Normal,
                "today" | "需今日反馈" => Urgency::Today,
                _ => {
                    return Err(ConfigError::UnknownUrgency {
                        word: word.clone(),
                        value: value.clone(),
                    });
                }
            };
            urgency.insert(word.trim().to_string(), u);
        }
        if self.background_max_sentences == 0 {
            return Err(ConfigError::BadThreshold {
                key: "background_max_sentences",
                value: "0".into(),
                fix: "use 1 or more, or switch the rule off with [lint.rules] background-too-long = \"off\"",
            });
        }
        if self.opening_max_chars < 10 {
            return Err(ConfigError::BadThreshold {
                key: "opening_max_chars",
                value: self.opening_max_chars.to_string(),
                fix: "use at least 10 (default 120)",
            });
        }
        if !(self.attachment_max_mb.is_finite() && self.attachment_max_mb > 0.0) {
            return Err(ConfigError::BadThreshold {
                key: "attachment_max_mb",
                value: self.attachment_max_mb.to_string(),
                fix: "use a positive number of megabytes (default 20)",
            });
        }
        let mut vague_words: Vec<String> = BUILTIN_VAGUE.iter().map(|s| s.to_string()).collect();
        for w in &self.vague_words {
            let w = w.trim();
            if !w.is_empty() && !vague_words.iter().any(|x| x == w) {
                vague_words.push(w.to_string());
            }
        }
        Ok(Resolved {
            levels,
            kinds,
            urgency,
            vague_words,
            background_max_sentences: self.background_max_sentences,
            opening_max_chars: self.opening_max_chars,
            attachment_max_bytes: (self.attachment_max_mb * 1024.0 * 1024.0) as u64,
        })
    }
}

impl Resolved {
    /// The effective severity of a rule, or `None` when it is off.
    pub fn severity(&self, id: &str) -> Option<Severity> {
        let i = crate::rules::rule_index(id)?;
        match self.levels[i] {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Off => None,
        }
    }
}
