//! Word lists searched with one automaton each instead of one `str::find` per word.
//!
//! A [`WordSet`] answers "which of these words occur in this text" in one pass. Callers use
//! it as an exact prefilter: they keep their word-by-word logic but run it only for the
//! words that occur, so results (positions, order, tie-breaks) stay what they were.
//!
//! Lower-casing: code that searched `text.to_lowercase()` can search `text` itself with an
//! ASCII case-insensitive set when [`lower_keeps_offsets`] holds (every character lower-cases
//! to one character of the same UTF-8 length, and no non-ASCII character to an ASCII one);
//! then a match at byte `i` of the lower-cased text is a match at byte `i` of the text.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::borrow::Cow;
use std::cell::Cell;

/// Which words of a fixed list occur in a text, found in one pass.
#[derive(Debug, Clone)]
pub struct WordSet {
    exact: AhoCorasick,
    folded: AhoCorasick,
    len: usize,
    /// Every word is lower-case ASCII and caseless characters (CJK, punctuation), so an
    /// ASCII case-insensitive match is a match in the lower-cased text.
    fold_ok: bool,
}

/// The words of a [`WordSet`] found in a text: a bit per word, in list order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Found(u128);

impl Found {
    /// Every word (for callers that have no automaton and must try each word).
    pub const ALL: Found = Found(u128::MAX);

    /// The bits from word `by` on: for a list stored after `by` other words in one set.
    pub fn shifted(self, by: usize) -> Found {
        Found(
            self.0.checked_shr(by as u32).unwrap_or(0)
                | if self.0 == u128::MAX { u128::MAX } else { 0 },
        )
    }

    /// Whether word `i` of the list occurs.
    pub fn has(self, i: usize) -> bool {
        i < 128 && self.0 >> i & 1 == 1
    }

    /// The bits, word `i` at bit `i`.
    pub fn bits(self) -> u128 {
        self.0
    }

    /// Whether any word occurs.
    pub fn any(self) -> bool {
        self.0 != 0
    }

    /// Whether any word with an index in `range` occurs.
    pub fn any_in(self, range: std::ops::Range<usize>) -> bool {
        range.into_iter().any(|i| self.has(i))
    }
}

impl WordSet {
    /// A set over `words` (at most 128; empty words never match).
    pub fn new<I, S>(words: I) -> WordSet
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let words: Vec<String> = words.into_iter().map(|w| w.as_ref().to_string()).collect();
        assert!(words.len() <= 128, "a WordSet holds at most 128 words");
        let build = |fold: bool| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .ascii_case_insensitive(fold)
                .build(&words)
                .expect("word lists are small")
        };
        let caseless = |c: char| {
            c.to_lowercase().eq(std::iter::once(c)) && c.to_uppercase().eq(std::iter::once(c))
        };
        let fold_ok = words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_ascii_lowercase() || (!c.is_ascii_alphabetic() && caseless(c)))
        });
        WordSet {
            fold_ok,
            exact: build(false),
            folded: build(true),
            len: words.len(),
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the set has no words.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The words that occur in `hay` as written (case-sensitive).
    pub fn found(&self, hay: &str) -> Found {
        Self::collect(&self.exact, hay)
    }

    /// The words that occur in `hay` ignoring ASCII case.
    pub fn found_ascii_ci(&self, hay: &str) -> Found {
        Self::collect(&self.folded, hay)
    }

    /// Whether any word occurs in `hay` as written (stops at the first).
    pub fn contains_any(&self, hay: &str) -> bool {
        self.exact.is_match(hay)
    }

    /// Whether any word occurs in `hay.to_lowercase()` (stops at the first; lower-cases only
    /// when [`lower_keeps_offsets`] does not hold).
    pub fn any_in_lower(&self, hay: &str) -> bool {
        if self.fold_ok && lower_keeps_offsets(hay) {
            self.folded.is_match(hay)
        } else {
            self.exact.is_match(&hay.to_lowercase())
        }
    }

    /// The words that occur in `hay.to_lowercase()`, without lower-casing when
    /// [`lower_keeps_offsets`] allows it.
    pub fn found_in_lower(&self, hay: &str) -> Found {
        if self.fold_ok && lower_keeps_offsets(hay) {
            self.found_ascii_ci(hay)
        } else {
            self.found(&hay.to_lowercase())
        }
    }

    fn collect(ac: &AhoCorasick, hay: &str) -> Found {
        let mut bits = 0u128;
        for m in ac.find_overlapping_iter(hay) {
            bits |= 1 << m.pattern().as_usize();
        }
        Found(bits)
    }
}

/// A stand-in for `s.to_lowercase()` when it is only searched for lower-case words made of
/// ASCII and caseless characters (CJK, punctuation), compared with such words, or tested with
/// ASCII character classes: the same answers at the same byte offsets. When
/// [`lower_keeps_offsets`] holds this is `s` with ASCII letters lower-cased (borrowed when
/// there are none). Otherwise characters whose lower case has another length (İ, the Kelvin
/// sign) are kept as written: callers use offsets found in the result on `s`, so the result
/// always has the same length and character boundaries as `s`.
pub fn search_lower(s: &str) -> Cow<'_, str> {
    if lower_keeps_offsets(s) {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else {
        Cow::Owned(lower_same_len(s))
    }
}

/// `s` lower-cased character by character where that keeps the character's UTF-8 length
/// and makes no ASCII letter of a non-ASCII one; other characters as written.
fn lower_same_len(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(x), None) if x.len_utf8() == c.len_utf8() && (c.is_ascii() || !x.is_ascii()) => {
                out.push(x)
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether lower-casing `s` keeps every byte offset and creates no ASCII letter from a
/// non-ASCII one: then searching `s.to_lowercase()` for a lower-case word and searching `s`
/// ignoring ASCII case find the same matches at the same offsets.
pub fn lower_keeps_offsets(s: &str) -> bool {
    let (lo, hi) = CHECKED.with(Cell::get);
    let p = s.as_ptr() as usize;
    if lo < hi && p >= lo && p + s.len() <= hi {
        return true;
    }
    scan_keeps_offsets(s)
}

thread_local! {
    /// The address range of a text [`lower_keeps_offsets`] already holds for (so it holds for
    /// every slice of it); empty when none.
    static CHECKED: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

/// Runs `f` with `s` checked once by [`lower_keeps_offsets`], so that calls on slices of
/// `s` during `f` answer without scanning again. `s` is borrowed for the whole call, so it
/// cannot change meanwhile.
pub fn with_checked_text<R>(s: &str, f: impl FnOnce() -> R) -> R {
    let _guard = CheckedGuard::enter(s);
    f()
}

/// Marks a text as checked until dropped (see [`with_checked_text`]). The text must not
/// change while the guard lives; the anatomy uses it around the body analysis, which only
/// reads its source.
pub(crate) struct CheckedGuard {
    prev: (usize, usize),
}

impl CheckedGuard {
    pub(crate) fn enter(s: &str) -> CheckedGuard {
        let prev = CHECKED.with(Cell::get);
        if scan_keeps_offsets(s) {
            let p = s.as_ptr() as usize;
            CHECKED.with(|c| c.set((p, p + s.len())));
        } else {
            CHECKED.with(|c| c.set((0, 0)));
        }
        CheckedGuard { prev }
    }
}

impl Drop for CheckedGuard {
    fn drop(&mut self) {
        CHECKED.with(|c| c.set(self.prev));
    }
}

fn scan_keeps_offsets(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            i += 1;
            continue;
        }
        // U+3000..U+9FFF (CJK punctuation, kana, ideographs) and U+FF00..U+FFEF (full-width
        // forms: their letters lower-case to full-width letters of the same length).
        if (0xE3..=0xE9).contains(&x) || (x == 0xEF && b.get(i + 1).is_some_and(|&y| y >= 0xBC)) {
            i += 3;
            continue;
        }
        // U+2000..U+207F: general punctuation (“ ” — …), no letters with a case mapping.
        if x == 0xE2 && b.get(i + 1).is_some_and(|&y| y == 0x80 || y == 0x81) {
            i += 3;
            continue;
        }
        // U+0080..U+00FF: Latin-1 letters lower-case within Latin-1 (two bytes each).
        if x == 0xC2 || x == 0xC3 {
            i += 2;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            return false;
        };
        let mut low = c.to_lowercase();
        let Some(l) = low.next() else { return false };
        if low.next().is_some() || l.len_utf8() != c.len_utf8() || l.is_ascii() {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: &[&str] = &["owner", "负责人", "due by", "to-do", "含", "at least"];

    fn naive(hay: &str) -> Vec<bool> {
        WORDS.iter().map(|w| hay.contains(w)).collect()
    }
    fn naive_lower(hay: &str) -> Vec<bool> {
        let l = hay.to_lowercase();
        WORDS.iter().map(|w| l.contains(w)).collect()
    }
    fn bits(f: Found) -> Vec<bool> {
        (0..WORDS.len()).map(|i| f.has(i)).collect()
    }

    #[test]
    fn agrees_with_naive_search() {
        let set = WordSet::new(WORDS);
        for hay in [
            "",
            "owner",
            "Owner: 王磊",
            "OWNER",
            "ownr",
            "负责人：张三",
            "负责",
            "Due By Friday",
            "due  by",
            "To-Do list",
            "todo",
            "包含三项",
            "AT LEAST 3, owner and 负责人",
            "at leas",
            "Kelvin \u{212a} and İstanbul owner",
            "ＯＷＮＥＲ 全角",
            "ΩMEGA owner",
        ] {
            assert_eq!(bits(set.found(hay)), naive(hay), "{hay:?}");
            assert_eq!(bits(set.found_in_lower(hay)), naive_lower(hay), "{hay:?}");
            assert_eq!(set.contains_any(hay), naive(hay).contains(&true), "{hay:?}");
            assert_eq!(
                set.any_in_lower(hay),
                naive_lower(hay).contains(&true),
                "{hay:?}"
            );
        }
    }

    #[test]
    fn checked_text_covers_only_its_slices() {
        let safe = String::from("Owner 负责人 Éé");
        let unsafe_text = String::from("\u{212a}elvin");
        with_checked_text(&safe, || {
            assert!(lower_keeps_offsets(&safe[6..]));
            assert!(!lower_keeps_offsets(&unsafe_text));
        });
        with_checked_text(&unsafe_text, || {
            assert!(!lower_keeps_offsets(&unsafe_text));
            assert!(lower_keeps_offsets(&unsafe_text[3..]));
        });
    }

    #[test]
    fn offsets_check() {
        assert!(lower_keeps_offsets("Hello 你好，ＡＢＣ Éé Ωω"));
        assert!(!lower_keeps_offsets("\u{212a}")); // Kelvin sign → k
        assert!(!lower_keeps_offsets("İ")); // → i + combining dot
        assert!(!lower_keeps_offsets("\u{2126}")); // Ohm sign (3 bytes) → ω (2 bytes)
        // The byte-range shortcuts agree with the per-character rule.
        let slow = |s: &str| {
            s.chars().all(|c| {
                let mut l = c.to_lowercase();
                let first = l.next();
                c.is_ascii()
                    || first.is_some_and(|x| x.len_utf8() == c.len_utf8() && !x.is_ascii())
                        && l.next().is_none()
            })
        };
        for cp in (0x80u32..0x3000)
            .chain(0x3000..0xA000)
            .chain(0xFF00..0x10000)
        {
            if let Some(c) = char::from_u32(cp) {
                let s = c.to_string();
                assert_eq!(lower_keeps_offsets(&s), slow(&s), "U+{cp:04X}");
            }
        }
        for s in ["abc", "ÀÉÎ", "ДЖ", "ǅ", "ẞ"] {
            let same = s.to_lowercase().len() == s.len();
            if lower_keeps_offsets(s) {
                assert!(same, "{s}");
            }
        }
    }

    #[test]
    fn search_lower_keeps_every_offset() {
        for s in [
            "İstanbul Attachment",
            "\u{212A}ickoff \u{212B}ngström ẞ Σ ΣΑΣ",
            "see the ATTACHMENT: İİİ.xlsx",
            "Ǆ ǅ ǆ Ω Ⅷ Ⓐ",
        ] {
            let l = search_lower(s);
            assert_eq!(l.len(), s.len(), "{s}");
            assert!(
                s.char_indices().all(|(i, _)| l.is_char_boundary(i)),
                "{s} -> {l}"
            );
            assert!(l.contains("attachment") || !s.to_lowercase().contains("attachment"));
        }
        assert_eq!(search_lower("İ Attached"), "İ attached");
    }
}
