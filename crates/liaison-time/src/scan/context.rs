//! Numbers that are not dates, decided by their context (TIME.md, "Numbers that are not
//! dates"): a reference to a part of a document or a version before them (`第`, `section`,
//! `version`, `No.`), a counter word or unit after them (`8/10项`, `5/8 of`), and
//! timestamps in `ctime` or RFC 5322 form, which record when rather than set a deadline.

use super::{Num, S, en_month, en_weekday};

/// English words that name a part of a document, a version or a position in a list: a
/// number right after one is not a date (`section 3.2`, `version 2.1`, `No. 3`).
const REFERENCE_WORDS: &[&str] = &[
    "section",
    "sections",
    "sec",
    "clause",
    "clauses",
    "article",
    "art",
    "chapter",
    "chap",
    "ch",
    "version",
    "ver",
    "v",
    "release",
    "rel",
    "rev",
    "revision",
    "build",
    "item",
    "items",
    "step",
    "steps",
    "figure",
    "fig",
    "table",
    "tab",
    "page",
    "pages",
    "pp",
    "p",
    "no.",
    "nos.",
    "number",
    "num",
    "rule",
    "para",
    "paragraph",
    "part",
    "appendix",
    "annex",
    "exhibit",
    "rfc",
    "iso",
    "phase",
    "stage",
    "level",
    "grade",
    "tier",
    "row",
    "column",
    "col",
    "question",
    "room",
    "floor",
    "ticket",
];

/// English words after `M/D` that make it a fraction of a count (`8/10 items`,
/// `5/8 of the tasks`).
const COUNT_WORDS: &[&str] = &[
    "of",
    "items",
    "tasks",
    "people",
    "persons",
    "tests",
    "cases",
    "files",
    "points",
    "pages",
    "questions",
    "members",
    "votes",
    "stars",
    "units",
    "pcs",
    "issues",
    "bugs",
    "tickets",
    "steps",
    "done",
    "complete",
    "completed",
    "passed",
    "failed",
];

impl S<'_> {
    /// Whether what comes right before the number at `i` makes it a reference rather than a
    /// date: `第`, `§`, `#`, `No.`, `section`, `version`, `图`, `表`, `版本`, `章节` ….
    pub(super) fn reference_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        self.tick();
        let p = self.c[i - 1];
        if matches!(p, '第' | '§' | '#' | '№' | '图' | '表') {
            return true;
        }
        if i >= 2
            && matches!(
                [self.c[i - 2], p],
                ['版', '本']
                    | ['章', '节']
                    | ['条', '款']
                    | ['编', '号']
                    | ['序', '号']
                    | ['步', '骤']
                    | ['附', '件']
                    | ['附', '录']
                    | ['型', '号']
                    | ['单', '号']
            )
        {
            return true;
        }
        // an English word, then at most one '.' and two spaces: section 3.2, No. 3, Sec.3
        let mut j = i;
        while j > 0 && self.c[j - 1] == ' ' && i - j < 2 {
            j -= 1;
        }
        let dot = j > 0 && self.c[j - 1] == '.';
        if dot {
            j -= 1;
        }
        let end = j;
        while j > 0 && self.c[j - 1].is_ascii_alphabetic() && end - j < 12 {
            j -= 1;
        }
        if j == end || (j > 0 && self.c[j - 1].is_ascii_alphanumeric()) {
            return false;
        }
        // a letter glued to the number (v1.2) is handled by the caller
        if end == i {
            return false;
        }
        let mut w: String = self.c[j..end]
            .iter()
            .map(|c| c.to_ascii_lowercase())
            .collect();
        // "no" and "nos" only as abbreviations: No. 3 (not "no 12/3 meeting")
        if dot {
            w.push('.');
        }
        REFERENCE_WORDS.contains(&w.as_str())
            || (dot && REFERENCE_WORDS.contains(&&w[..w.len() - 1]))
    }

    /// Whether a counter word, a unit or a count noun follows at `i` (after a number that
    /// could be `M/D`): `8/10项`, `3/8人`, `10/12个`, `5/8 of the tasks`.
    pub(super) fn count_after(&self, i: usize) -> bool {
        self.tick();
        let Some(&c) = self.c.get(i) else {
            return false;
        };
        if "元万亿千百倍个米克斤吨岁件台%分秒寸版项人名位条节章页份次家篇张套批道题户支只间辆组轮本款期届"
            .contains(c)
            || matches!(c, 'k' | 'm' | 'g' | 'K' | 'M' | 'G' | 'x')
        {
            return true;
        }
        if c == ' '
            && let Some((_, w)) = self.word(self.skip_spaces(i))
        {
            return COUNT_WORDS.iter().any(|x| w == *x);
        }
        false
    }

    /// A cheap test before [`S::timestamp`]: a capitalised three-letter word followed by a
    /// comma or a space, or one or two digits followed by a space and a capital letter.
    pub(super) fn may_be_timestamp(&self, i: usize) -> bool {
        let c = |k: usize| self.c.get(i + k).copied().unwrap_or('\0');
        match c(0) {
            'M' | 'T' | 'W' | 'F' | 'S' => {
                c(1).is_ascii_lowercase() && c(2).is_ascii_lowercase() && matches!(c(3), ',' | ' ')
            }
            '0'..='9' => {
                (c(1) == ' ' && c(2).is_ascii_uppercase())
                    || (c(1).is_ascii_digit() && c(2) == ' ' && c(3).is_ascii_uppercase())
            }
            _ => false,
        }
    }

    /// A timestamp at `i` that records when something happened: `ctime` form
    /// (`Wed Jul  6 12:25:21 2005`) or RFC 5322 form (`Tue, 1 Dec 2026 10:00:00 +0800`,
    /// `1 Dec 2026 10:00:00 GMT`). Returns its end.
    pub(super) fn timestamp(&self, i: usize) -> Option<usize> {
        let c0 = *self.c.get(i)?;
        if c0.is_ascii_digit() {
            return self.rfc5322_rest(i);
        }
        if !c0.is_ascii_uppercase() {
            return None;
        }
        let (e, w) = self.word(i)?;
        let (_, abbr) = en_weekday(&w)?;
        if !abbr || w.len() != 3 {
            return None;
        }
        if self.is(e, ',') {
            return self.rfc5322_rest(self.skip_spaces(e + 1));
        }
        let k = self.skip_spaces(e);
        if k == e {
            return None;
        }
        self.ctime_rest(k).or_else(|| self.rfc5322_rest(k))
    }

    /// `Jul  6 12:25:21 [CST ]2005` after the weekday of a ctime timestamp.
    fn ctime_rest(&self, i: usize) -> Option<usize> {
        let (e, m) = self.word(i)?;
        en_month(&m)?;
        let k = self.skip_spaces(e);
        let (e, Num::Val(d, dl)) = self.num(k)? else {
            return None;
        };
        if k == e || dl > 2 || d > 31 {
            return None;
        }
        let e = self.hms(self.skip_spaces(e), true)?;
        let mut k = self.skip_spaces(e);
        // date(1) puts the zone before the year
        if let Some((ze, w)) = self.word(k)
            && w.len() <= 5
            && self.c[k].is_ascii_uppercase()
        {
            k = self.skip_spaces(ze);
        }
        match self.num(k)? {
            (ye, Num::Val(_, 4)) if !self.is_alnum(ye) => Some(ye),
            _ => None,
        }
    }

    /// `1 Dec 2026 10:00[:00] +0800` (or `GMT`, `UT`, an upper-case zone name, and an
    /// optional comment such as `(CST)`).
    fn rfc5322_rest(&self, i: usize) -> Option<usize> {
        let (e, Num::Val(d, dl)) = self.num(i)? else {
            return None;
        };
        if dl > 2 || d > 31 || !self.is(e, ' ') {
            return None;
        }
        let (e, m) = self.word(self.skip_spaces(e))?;
        en_month(&m)?;
        let k = self.skip_spaces(e);
        let (e, Num::Val(_, 4)) = self.num(k)? else {
            return None;
        };
        let e = self.hms(self.skip_spaces(e), false)?;
        let k = self.skip_spaces(e);
        let mut end = match self.c.get(k)? {
            '+' | '-' => {
                let mut j = k + 1;
                while self.c.get(j).is_some_and(|c| c.is_ascii_digit()) && j - k <= 4 {
                    j += 1;
                }
                (j - k == 5).then_some(j)?
            }
            c if c.is_ascii_uppercase() => {
                let mut j = k;
                while self.c.get(j).is_some_and(|c| c.is_ascii_uppercase()) && j - k < 5 {
                    j += 1;
                }
                (!self.is_alnum(j)).then_some(j)?
            }
            _ => return None,
        };
        // a comment naming the zone: (CST)
        let k = self.skip_spaces(end);
        if self.is(k, '(') {
            let mut j = k + 1;
            while self.c.get(j).is_some_and(|c| c.is_ascii_alphanumeric()) && j - k < 8 {
                j += 1;
            }
            if self.is(j, ')') {
                end = j + 1;
            }
        }
        Some(end)
    }

    /// `HH:MM[:SS]` at `i` (two-digit minutes and seconds); `seconds`: required.
    fn hms(&self, i: usize, seconds: bool) -> Option<usize> {
        let (e, Num::Val(_, hl)) = self.num(i)? else {
            return None;
        };
        if hl > 2 || !self.is(e, ':') {
            return None;
        }
        let (e, Num::Val(_, 2)) = self.num(e + 1)? else {
            return None;
        };
        if self.is(e, ':')
            && let Some((e2, Num::Val(_, 2))) = self.num(e + 1)
        {
            return Some(e2);
        }
        (!seconds).then_some(e)
    }
}
