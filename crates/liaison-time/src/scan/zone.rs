//! Zones written in the text: `10am PT`, `18:00 CET`, `UTC+9`, `5pm Pacific time`,
//! `东京时间上午9点`, `17:00（北京时间）` (TIME.md, "Time zones written in the text").

use super::{S, zone_start};
use crate::zones::{ABBREVIATIONS, NAMES_EN, NAMES_ZH, ZoneSpec};

impl S<'_> {
    /// A Chinese zone name with 时间 at `i` (`东京时间`, `北京时间`): (end, zone).
    pub(super) fn zone_zh(&self, i: usize) -> Option<(usize, ZoneSpec)> {
        let c0 = *self.c.get(i)?;
        if !zone_start(c0) {
            return None;
        }
        for (name, tz) in NAMES_ZH {
            if let Some(e) = self.lit(i, name)
                && let Some(e2) = self.lit(e, "时间")
            {
                return Some((e2, ZoneSpec::Named(*tz)));
            }
        }
        None
    }

    /// A zone written after a clock time or a date, at `i` (right after it): `Z`, ` PT`,
    /// ` UTC+9`, ` (CET)`, ` Pacific time`, `（北京时间）`, ` 北京时间`.
    /// Returns (end, zone, start and end of the zone as written).
    #[inline]
    pub(super) fn zone_after(&self, i: usize) -> Option<(usize, ZoneSpec, usize, usize)> {
        let c0 = *self.c.get(i)?;
        if !(c0 == ' ' || c0 == '(' || c0.is_ascii_uppercase() || zone_start(c0)) {
            return None;
        }
        self.zone_after_slow(i, c0)
    }

    fn zone_after_slow(&self, i: usize, c0: char) -> Option<(usize, ZoneSpec, usize, usize)> {
        // 09:00Z: the letter right after the digits
        if c0 == 'Z' && i > 0 && self.c[i - 1].is_ascii_digit() && !self.is_alnum(i + 1) {
            return Some((i + 1, ZoneSpec::Named(chrono_tz::Tz::UTC), i, i + 1));
        }
        let mut k = i;
        if self.is(k, ' ') {
            k += 1;
            if self.is(k, ' ') {
                k += 1;
            }
        }
        let open = self.is(k, '(');
        if open {
            k = self.skip_spaces(k + 1);
        }
        let (ze, z) = if let Some((e, z)) = self.zone_zh(k) {
            (e, z)
        } else if self.c.get(k).is_some_and(|c| c.is_ascii_uppercase()) {
            self.zone_abbreviation(k).or_else(|| self.zone_name_en(k))?
        } else {
            return None;
        };
        let mut end = ze;
        if open {
            let e = self.skip_spaces(ze);
            if !self.is(e, ')') {
                return None;
            }
            end = e + 1;
        }
        Some((end, z, k, ze))
    }

    /// `PT`, `CET`, `UTC`, `UTC+9`, `GMT-05:00` at `i` (upper case, whole word).
    fn zone_abbreviation(&self, i: usize) -> Option<(usize, ZoneSpec)> {
        if !self.word_boundary_before(i) {
            return None;
        }
        let mut j = i;
        while self.c.get(j).is_some_and(|c| c.is_ascii_uppercase()) {
            if j - i >= 4 {
                return None;
            }
            j += 1;
        }
        let word: String = self.c[i..j].iter().collect();
        // a lone Z only right after the digits (handled by the caller)
        if word == "Z" {
            return None;
        }
        let tz = ABBREVIATIONS
            .iter()
            .find(|(a, _)| *a == word)
            .map(|(_, tz)| *tz)?;
        if matches!(word.as_str(), "UTC" | "GMT" | "UT")
            && let Some((e, secs)) = self.utc_offset(j)
        {
            return Some((e, ZoneSpec::Fixed(secs)));
        }
        if self.is_alnum(j) {
            return None;
        }
        Some((j, ZoneSpec::Named(tz)))
    }

    /// `+9`, `-5`, `+08:00`, `+0530` after UTC or GMT: seconds east of UTC.
    fn utc_offset(&self, i: usize) -> Option<(usize, i32)> {
        let sign = match self.c.get(i)? {
            '+' => 1,
            '-' => -1,
            _ => return None,
        };
        let mut j = i + 1;
        let mut digits = 0u32;
        let mut n = 0;
        while let Some(d) = self.c.get(j).and_then(|c| c.to_digit(10)) {
            if n == 4 {
                return None;
            }
            digits = digits * 10 + d;
            n += 1;
            j += 1;
        }
        let (h, m) = match n {
            1 | 2 => {
                if self.is(j, ':')
                    && let (Some(a), Some(b)) = (
                        self.c.get(j + 1).and_then(|c| c.to_digit(10)),
                        self.c.get(j + 2).and_then(|c| c.to_digit(10)),
                    )
                {
                    j += 3;
                    (digits, a * 10 + b)
                } else {
                    (digits, 0)
                }
            }
            4 => (digits / 100, digits % 100),
            _ => return None,
        };
        if h > 14 || m > 59 || self.is_alnum(j) {
            return None;
        }
        Some((j, sign * (h as i32 * 3600 + m as i32 * 60)))
    }

    /// `Pacific time`, `London time`, `Eastern` (the four US regions stand alone too).
    fn zone_name_en(&self, i: usize) -> Option<(usize, ZoneSpec)> {
        let (e, w) = self.word(i)?;
        let tz = NAMES_EN.iter().find(|(n, _)| w == *n).map(|(_, tz)| *tz)?;
        if let Some((te, _)) = self.en_any(self.skip_spaces(e), lits!["time"])
            && self.skip_spaces(e) > e
        {
            return Some((te, ZoneSpec::Named(tz)));
        }
        if matches!(
            w.bytes(),
            b"pacific" | b"eastern" | b"central" | b"mountain"
        ) {
            return Some((e, ZoneSpec::Named(tz)));
        }
        None
    }
}
