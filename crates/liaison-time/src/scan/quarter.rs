//! Calendar quarters and halves: `Q2末前`, `三季度末`, `第一季度`, `上半年`, `H1`,
//! `end of Q2`, `Q1 2027` (TIME.md, "Holidays, working days after them, quarters").

use super::{DateP, Num, S, last_of_month};
use crate::explain::Rule;
use chrono::{Datelike, NaiveDate};

impl S<'_> {
    /// A quarter or half at `i` (`year`: one written before it, as in `2027年Q3`).
    ///
    /// `末`/`底` after it, or `end of` before it, give its last day; otherwise it is a whole
    /// period (`前` before it starts, `内` or nothing its end). Without a suffix it must read
    /// as a deadline: a completion verb after it (`H1完成`) or a cue before it (`于`, `by`,
    /// `in`), so that `Q3成果报告` and `第3季度的周报` are not deadlines.
    pub(super) fn quarter(&self, i: usize, year: Option<i32>) -> Option<(usize, DateP)> {
        let c0 = *self.c.get(i)?;
        if !matches!(
            c0,
            'e' | 'E' | 'Q' | 'q' | 'H' | 'h' | '上' | '下' | '第' | '一' | '二' | '三' | '四'
        ) && !c0.is_ascii_digit()
        {
            return None;
        }
        let (start, end_of) = if matches!(c0, 'e' | 'E') {
            let (e, _) = self.en_any(i, lits!["end of the ", "end of "])?;
            (e, true)
        } else {
            (i, false)
        };
        let (mut e, first_month, months) = self.quarter_name(start)?;
        let mut year = year;
        // Q1 2027: the year after it
        if year.is_none()
            && self.c.get(start).is_some_and(|c| c.is_ascii_alphabetic())
            && self.is(e, ' ')
            && let Some((ye, Num::Val(y, 4))) = self.num(e + 1)
            && (1900..=2200).contains(&y)
            && !self.is_alnum(ye)
        {
            year = Some(y as i32);
            e = ye;
        }
        let span = |y: i32| -> Option<(NaiveDate, NaiveDate)> {
            let a = NaiveDate::from_ymd_opt(y, first_month, 1)?;
            let b = last_of_month(y, first_month + months - 1)?;
            Some((a, b))
        };
        let (a, b) = match year {
            Some(y) => span(y)?,
            None => {
                // the one running, or the next one of that name if it is past
                let (a, b) = span(self.today.year())?;
                if b < self.today {
                    span(self.today.year() + 1)?
                } else {
                    (a, b)
                }
            }
        };
        if end_of {
            self.note(Rule::Quarter);
            return Some((e, DateP::Day(b)));
        }
        if let Some((x, _)) = self.lits(e, lits!["末", "底"]) {
            self.note(Rule::Quarter);
            return Some((x, DateP::Day(b)));
        }
        let suffix = self
            .lits(
                e,
                lits![
                    "前", "之前", "以前", "内", "之内", "以内", "为止", "截止", "结束", "完成",
                    "交付", "上线", "提交", "落地", "发布", "结项", "达成", "实现", "到位",
                ],
            )
            .is_some();
        if !suffix && (self.is(e, '的') || !self.cue_before(i)) {
            return None;
        }
        self.note(Rule::Quarter);
        Some((e, DateP::Span(a, b, true)))
    }

    /// `Q1`–`Q4`, `H1`/`H2`, `一季度`, `第1季度`, `三季` (before 末), `上半年`, `下半年` at
    /// `i`: (end, first month, months).
    fn quarter_name(&self, i: usize) -> Option<(usize, u32, u32)> {
        let c0 = *self.c.get(i)?;
        match c0 {
            'Q' | 'q' | 'H' | 'h' => {
                if !self.word_boundary_before(i) || self.is_alnum(i + 2) {
                    return None;
                }
                let d = self.c.get(i + 1)?.to_digit(10)?;
                match (matches!(c0, 'Q' | 'q'), d) {
                    (true, 1..=4) => Some((i + 2, (d - 1) * 3 + 1, 3)),
                    (false, 1 | 2) => Some((i + 2, (d - 1) * 6 + 1, 6)),
                    _ => None,
                }
            }
            '上' | '下' => {
                let e = self.lit(i + 1, "半年")?;
                Some((e, if c0 == '上' { 1 } else { 7 }, 6))
            }
            _ => {
                let j = if c0 == '第' { i + 1 } else { i };
                // a one-character numeral, then 季
                if self.c.get(j + 1) != Some(&'季') {
                    return None;
                }
                let (ne, Num::Val(q, _)) = self.num(j)? else {
                    return None;
                };
                if !(1..=4).contains(&q) {
                    return None;
                }
                let e = match self.lits(ne, lits!["季度", "季"])? {
                    (e, 0) => e,
                    // 三季 alone only before 末 (三季末)
                    (e, _) => {
                        self.lit(e, "末")?;
                        e
                    }
                };
                Some((e, (q - 1) * 3 + 1, 3))
            }
        }
    }

    /// A cheap test before [`S::quarter`] at a Chinese start: 上半/下半, a numeral and 季, or
    /// 第, a numeral and 季.
    #[inline]
    pub(super) fn may_be_quarter_zh(&self, i: usize) -> bool {
        let c = |k: usize| self.c.get(i + k).copied();
        match self.c[i] {
            '上' | '下' => c(1) == Some('半'),
            '第' => c(2) == Some('季'),
            _ => c(1) == Some('季'),
        }
    }

    /// Whether a deadline cue comes right before `i`: 于, 在, 截止/截至, 到, or the English
    /// `by`, `before`, `in`, `until`, `till`, `within`, `during`, `due`.
    pub(super) fn cue_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        if matches!(self.c[i - 1], '于' | '在' | '止' | '至' | '到') {
            return true;
        }
        let mut j = i;
        while j > 0 && self.c[j - 1] == ' ' && i - j < 2 {
            j -= 1;
        }
        if j == i {
            return false;
        }
        let end = j;
        while j > 0 && self.c[j - 1].is_ascii_alphabetic() && end - j < 7 {
            j -= 1;
        }
        self.tick();
        let w: String = self.c[j..end]
            .iter()
            .map(|c| c.to_ascii_lowercase())
            .collect();
        (j == 0 || !self.c[j - 1].is_ascii_alphanumeric())
            && matches!(
                w.as_str(),
                "by" | "before" | "in" | "until" | "till" | "within" | "during" | "due"
            )
    }
}
