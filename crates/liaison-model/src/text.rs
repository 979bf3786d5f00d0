//! Sentences: the one definition of where a sentence ends, for every crate that counts or
//! splits them (a brief's purpose, a draft's background, a reply's promise).
//!
//! A sentence ends at `。！？!?`, and at `.` followed by whitespace or the end of the text
//! (so `v1.0` and `3.5` do not end one), unless the `.` closes an abbreviation that needs
//! what follows (`vs.`, `Mr.`, `e.g.`; `art.`, `No.` before a number). A piece without a letter, digit or ideograph (a
//! stray `。`, a run of `！？`) is not a sentence.

/// The sentences of `text`, trimmed, each with its end mark.
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences { text, pos: 0 }
}

/// Number of sentences in `text` (see [`sentences`]).
pub fn sentence_count(text: &str) -> usize {
    sentences(text).count()
}

/// The clauses of `text`: its [`sentences`] split further at `；`, `;` and line breaks, trimmed
/// and non-empty. A reply's promise is read clause by clause, so that a time in one clause
/// is not taken as promised by a word in another.
pub fn clauses(text: &str) -> impl Iterator<Item = &str> {
    sentences(text).flat_map(|s| {
        s.split(['；', ';', '\n'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
    })
}

/// Iterator over the sentences of a text (see [`sentences`]).
#[derive(Debug, Clone)]
pub struct Sentences<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Sentences<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = &self.text[self.pos..];
        let mut has_content = false;
        let mut chars = rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let end = match c {
                '。' | '！' | '？' | '!' | '?' => true,
                '.' => {
                    chars.peek().is_none_or(|(_, n)| n.is_whitespace())
                        && !abbreviation_before(&rest[..i], &rest[i + 1..])
                }
                _ => false,
            };
            if end {
                if has_content {
                    let e = i + c.len_utf8();
                    let s = &rest[..e];
                    self.pos += e;
                    return Some(s.trim());
                }
            } else if is_word_char(c) {
                has_content = true;
            }
        }
        self.pos = self.text.len();
        has_content.then(|| rest.trim())
    }
}

/// Abbreviations whose full stop never ends a sentence: they need a word after them
/// (`vs. 3.0`, `Mr. Zheng`, `e.g. the logs`).
const LEADING_ABBREVIATIONS: &[&str] =
    &["vs", "mr", "mrs", "ms", "dr", "e.g", "i.e", "cf", "approx"];

/// Abbreviations that end no sentence when a number follows (`art. 28`, `No. 5`, `sec. 4.2`);
/// before a word they may (`Say no. Then…`).
const NUMBER_ABBREVIATIONS: &[&str] = &[
    "art", "no", "nr", "sec", "para", "fig", "vol", "ch", "pp", "p",
];

/// Whether the full stop between `before` and `after` closes an abbreviation that needs what
/// follows it, so that it ends no sentence.
fn abbreviation_before(before: &str, after: &str) -> bool {
    let word_start = before
        .rfind(|c: char| !(c.is_ascii_alphabetic() || c == '.'))
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() || word.len() > 6 {
        return false;
    }
    // A lower-case `no.` is the word no (`We said no. 5 of them agreed.`).
    if word == "no" {
        return false;
    }
    let word = word.to_ascii_lowercase();
    if LEADING_ABBREVIATIONS.contains(&word.as_str()) {
        return true;
    }
    NUMBER_ABBREVIATIONS.contains(&word.as_str())
        && after.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// `c.is_alphanumeric()`, answered without the Unicode tables for ASCII and for
/// U+4E00..U+9FFF (all assigned ideographs, all alphabetic).
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        ('\u{4e00}'..='\u{9fff}').contains(&c) || c.is_alphanumeric()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_char_agrees_with_is_alphanumeric() {
        for c in (0u32..0x11000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn counts() {
        for (t, n) in [
            ("为了A，根据B。需要C！", 2),
            ("One. Two? Three", 3),
            ("v1.0 is out.", 1),
            ("", 0),
            ("   ", 0),
            // Marks without words between them end nothing more.
            ("真的吗？！", 1),
            ("。开始", 1),
            ("……", 0),
            ("A。。B", 2),
            // Any whitespace after a full stop ends the sentence.
            ("Done.\u{3000}Next", 2),
            ("Done.\tNext.", 2),
            ("第一行\n第二行。", 1),
            // Abbreviations that need what follows end no sentence.
            ("GMV: 12.9M vs. target 12.0M. Refunds fell.", 2),
            ("The vendor is a processor under art. 28 GDPR.", 1),
            ("Mr. Chen signs today. E.g. the PO.", 2),
            ("We said no. 5 of them agreed.", 2),
            ("See No. 5 in the list.", 1),
        ] {
            assert_eq!(sentence_count(t), n, "{t:?}");
        }
    }

    #[test]
    fn splits() {
        let s: Vec<_> = sentences(" 收到。 预计周五前完成！ ok").collect();
        assert_eq!(s, ["收到。", "预计周五前完成！", "ok"]);
        let c: Vec<_> = clauses("原定时间来不及；预计今日18:00前提供。\n谢谢\n").collect();
        assert_eq!(c, ["原定时间来不及", "预计今日18:00前提供。", "谢谢"]);
    }

    proptest::proptest! {
        #[test]
        fn sentences_are_pieces_of_the_text(t in "(\\PC|[。！？.!? \n]){0,60}") {
            let mut from = 0;
            for s in sentences(&t) {
                proptest::prop_assert!(!s.is_empty());
                let i = t[from..].find(s).map(|i| from + i);
                proptest::prop_assert!(i.is_some(), "{:?} not found in order in {:?}", s, t);
                from = i.unwrap() + s.len();
            }
            proptest::prop_assert_eq!(sentence_count(&t), sentences(&t).count());
        }
    }
}
