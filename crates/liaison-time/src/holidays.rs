//! Dates of named festivals (元旦, 春节, 清明, 端午, 中秋 …) used by the scanner.

use chrono::NaiveDate;

/// Lunar New Year's Day (春节), 2020–2040.
const SPRING: &[(i32, u32, u32)] = &[
    (2020, 1, 25),
    (2021, 2, 12),
    (2022, 2, 1),
    (2023, 1, 22),
    (2024, 2, 10),
    (2025, 1, 29),
    (2026, 2, 17),
    (2027, 2, 6),
    (2028, 1, 26),
    (2029, 2, 13),
    (2030, 2, 3),
    (2031, 1, 23),
    (2032, 2, 11),
    (2033, 1, 31),
    (2034, 2, 19),
    (2035, 2, 8),
    (2036, 1, 28),
    (2037, 2, 15),
    (2038, 2, 4),
    (2039, 1, 24),
    (2040, 2, 12),
];
/// Dragon Boat Festival (端午节), 2020–2030.
const DUANWU: &[(i32, u32, u32)] = &[
    (2020, 6, 25),
    (2021, 6, 14),
    (2022, 6, 3),
    (2023, 6, 22),
    (2024, 6, 10),
    (2025, 5, 31),
    (2026, 6, 19),
    (2027, 6, 9),
    (2028, 5, 28),
    (2029, 6, 16),
    (2030, 6, 5),
];
/// Mid-Autumn Festival (中秋节), 2020–2030.
const ZHONGQIU: &[(i32, u32, u32)] = &[
    (2020, 10, 1),
    (2021, 9, 21),
    (2022, 9, 10),
    (2023, 9, 29),
    (2024, 9, 17),
    (2025, 10, 6),
    (2026, 9, 25),
    (2027, 9, 15),
    (2028, 10, 3),
    (2029, 9, 22),
    (2030, 9, 12),
];
/// Qingming (清明节), 2020–2030.
const QINGMING: &[(i32, u32, u32)] = &[
    (2020, 4, 4),
    (2021, 4, 4),
    (2022, 4, 5),
    (2023, 4, 5),
    (2024, 4, 4),
    (2025, 4, 4),
    (2026, 4, 5),
    (2027, 4, 5),
    (2028, 4, 4),
    (2029, 4, 4),
    (2030, 4, 5),
];

/// A festival the scanner knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Festival {
    /// 元旦, New Year's Day.
    NewYear,
    /// 春节, lunar New Year.
    Spring,
    /// 元宵节, the 15th day of the first lunar month.
    Lantern,
    /// 清明节.
    Qingming,
    /// 劳动节 / 五一.
    Labour,
    /// 端午节.
    Duanwu,
    /// 中秋节.
    MidAutumn,
    /// 国庆节.
    National,
    /// 圣诞节, Christmas.
    Christmas,
}

fn table(t: &[(i32, u32, u32)], year: i32) -> Option<NaiveDate> {
    t.iter()
        .find(|(y, _, _)| *y == year)
        .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(*y, *m, *d))
}

impl Festival {
    /// The festival's day in `year`, if known.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        let fixed = |m, d| NaiveDate::from_ymd_opt(year, m, d);
        match self {
            Festival::NewYear => fixed(1, 1),
            Festival::Labour => fixed(5, 1),
            Festival::National => fixed(10, 1),
            Festival::Christmas => fixed(12, 25),
            Festival::Spring => table(SPRING, year),
            // the first lunar month always has 29 or 30 days: its 15th is 14 days on
            Festival::Lantern => table(SPRING, year).map(|d| d + chrono::Duration::days(14)),
            Festival::Qingming => table(QINGMING, year),
            Festival::Duanwu => table(DUANWU, year),
            Festival::MidAutumn => table(ZHONGQIU, year),
        }
    }

    /// The first occurrence on or after `today`.
    pub fn next_on_or_after(self, today: NaiveDate) -> Option<NaiveDate> {
        use chrono::Datelike;
        [today.year(), today.year() + 1]
            .into_iter()
            .filter_map(|y| self.in_year(y))
            .find(|d| *d >= today)
    }
}
