//! Sentences: the one definition of where a sentence ends, for every crate that counts or
//! splits them (a brief's purpose, a draft's background, a reply's promise).
//!
//! A sentence ends at `。！？!?`, and at `.` followed by whitespace or the end of the text
//! (so `v1.0` and `3.5` do not end one). A piece without a letter, digit or ideograph (a
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
                '.' => chars.peek().is_none_or(|(_, n)| n.is_whitespace()),
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
