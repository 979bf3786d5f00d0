//! How readable the decoded corpus is, shared by the corpus test and the
//! `charset_figures` example.
//!
//! Counting (per message, each message counted at most once per figure):
//! - `fffd_subject` / `fffd_body`: the decoded subject / body holds U+FFFD (REPLACEMENT
//!   CHARACTER), i.e. bytes that did not decode;
//! - `mojibake_subject` / `mojibake_body`: the decoded text holds a run of 3 or more
//!   consecutive characters in U+0080..=U+00FF (Latin-1 Supplement and C1 controls), the
//!   trace of GBK bytes decoded as ISO-8859-1/Windows-1252 (`ÄúºÃ`), which no Chinese
//!   mail contains on purpose; the eight Latin-1 symbols GBK itself has (`¤§¨°±·×÷`,
//!   as in `×××` or `···`) do not count;
//! - `empty_body`: no text body at all although the message has one (more than 20
//!   non-space bytes after the header);
//! - `noted`: messages with at least one charset note (a guessed or corrected charset).

use liaison_mail::Message;
use liaison_mail::mailbox::MboxReader;
use std::fmt;
use std::io::BufReader;
use std::path::{Path, PathBuf};

/// The corpus: `$LIAISON_CORPORA/trec06c-dev.mbox`, else `../shared/corpora/` relative to
/// the repository root.
pub fn corpus_path() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dirs = std::env::var_os("LIAISON_CORPORA")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            root.join("../shared/corpora"),
            PathBuf::from("/work/shared/corpora"),
        ]);
    dirs.map(|d| d.join("trec06c-dev.mbox"))
        .find(|p| p.is_file())
}

/// The figures for one corpus.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
#[allow(dead_code)] // shared with the example, which prints what the test asserts
pub struct Figures {
    pub messages: usize,
    pub fffd_subject: usize,
    pub fffd_body: usize,
    pub mojibake_subject: usize,
    pub mojibake_body: usize,
    pub empty_body: usize,
    pub noted: usize,
    /// Notes by reason (`undeclared`, `wrong-label` …), over all messages.
    pub reasons: std::collections::BTreeMap<String, usize>,
}

impl fmt::Display for Figures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "messages {} | U+FFFD: subject {}, body {} | mojibake: subject {}, body {} | empty body {} | messages with notes {} {:?}",
            self.messages,
            self.fffd_subject,
            self.fffd_body,
            self.mojibake_subject,
            self.mojibake_body,
            self.empty_body,
            self.noted,
            self.reasons
        )
    }
}

/// Latin-1 symbols GBK has, used on purpose in Chinese text (`×××`, `···`).
const GBK_SYMBOLS: [char; 8] = ['¤', '§', '¨', '°', '±', '·', '×', '÷'];

/// A run of 3+ characters in U+0080..=U+00FF, other than the symbols GBK has.
pub fn mojibake(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        if ('\u{80}'..='\u{ff}').contains(&c) && !GBK_SYMBOLS.contains(&c) {
            run += 1;
            if run >= 3 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

fn has_body(raw: &[u8]) -> bool {
    let at = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| i + 4)
        .or_else(|| raw.windows(2).position(|w| w == b"\n\n").map(|i| i + 2));
    at.is_some_and(|i| raw[i..].iter().filter(|b| !b.is_ascii_whitespace()).count() > 20)
}

/// Reads every message of the mbox at `path` and counts.
pub fn measure(path: &Path, verbose: bool) -> Figures {
    let f = std::fs::File::open(path).expect("readable corpus");
    let mut fig = Figures::default();
    for (i, raw) in MboxReader::new(BufReader::new(f), path.display().to_string()).enumerate() {
        let Ok(raw) = raw else { continue };
        let m = Message::parse(&raw.bytes);
        fig.messages += 1;
        let hit = |what: &str, n: &mut usize, cond: bool, sample: &str| {
            if cond {
                *n += 1;
                if verbose {
                    let s: String = sample.chars().take(80).collect();
                    println!("#{} {what}: {s:?} {:?}", i + 1, m.charset_notes);
                }
            }
        };
        hit(
            "fffd_subject",
            &mut fig.fffd_subject,
            m.subject.contains('\u{FFFD}'),
            &m.subject,
        );
        hit(
            "fffd_body",
            &mut fig.fffd_body,
            m.body.contains('\u{FFFD}'),
            &m.body,
        );
        hit(
            "mojibake_subject",
            &mut fig.mojibake_subject,
            mojibake(&m.subject),
            &m.subject,
        );
        hit(
            "mojibake_body",
            &mut fig.mojibake_body,
            mojibake(&m.body),
            &m.body,
        );
        hit(
            "empty_body",
            &mut fig.empty_body,
            m.body.trim().is_empty() && has_body(&raw.bytes),
            &String::from_utf8_lossy(&raw.bytes[..raw.bytes.len().min(300)]),
        );
        if !m.charset_notes.is_empty() {
            fig.noted += 1;
        }
        for n in &m.charset_notes {
            let r = serde_json::to_value(n.reason).unwrap_or_default();
            *fig.reasons
                .entry(r.as_str().unwrap_or("?").to_string())
                .or_default() += 1;
        }
    }
    fig
}
