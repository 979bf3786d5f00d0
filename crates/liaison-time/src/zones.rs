//! Time zones as people write them in mail (`PT`, `18:00 CET`, `UTC+9`, `东京时间`), mapped
//! to IANA zones so that the offset of the day itself applies (daylight saving included).

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

/// A zone written in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneSpec {
    /// A named zone: its offset depends on the date.
    Named(Tz),
    /// A fixed offset from UTC in seconds (`UTC+9`, `GMT-5`).
    Fixed(i32),
}

impl ZoneSpec {
    /// The instant of the wall-clock time `t` in this zone. A time skipped by a daylight
    /// saving change is read one hour later; a repeated one as its first occurrence.
    pub fn instant(self, t: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        match self {
            ZoneSpec::Named(tz) => match tz.from_local_datetime(&t) {
                chrono::LocalResult::Single(d) => Some(d.fixed_offset()),
                chrono::LocalResult::Ambiguous(a, _) => Some(a.fixed_offset()),
                chrono::LocalResult::None => tz
                    .from_local_datetime(&(t + chrono::Duration::hours(1)))
                    .earliest()
                    .map(|d| d.fixed_offset()),
            },
            ZoneSpec::Fixed(secs) => FixedOffset::east_opt(secs)?
                .from_local_datetime(&t)
                .single(),
        }
    }

    /// The wall-clock time in this zone at the instant `t`.
    pub fn local(self, t: DateTime<FixedOffset>) -> Option<NaiveDateTime> {
        match self {
            ZoneSpec::Named(tz) => Some(t.with_timezone(&tz).naive_local()),
            ZoneSpec::Fixed(secs) => {
                Some(t.with_timezone(&FixedOffset::east_opt(secs)?).naive_local())
            }
        }
    }
}

/// Abbreviations (upper case, as written after a clock time). `CST` is China Standard Time
/// and `IST` India Standard Time (TIME.md: both are ambiguous; these are the readings for
/// mail written to or from China). `PST`, `EST` and the like name the region's zone, whose
/// offset on the date decides (people write `PST` in July too).
pub const ABBREVIATIONS: &[(&str, Tz)] = &[
    ("PT", Tz::America__Los_Angeles),
    ("PST", Tz::America__Los_Angeles),
    ("PDT", Tz::America__Los_Angeles),
    ("MT", Tz::America__Denver),
    ("MST", Tz::America__Denver),
    ("MDT", Tz::America__Denver),
    ("CT", Tz::America__Chicago),
    ("CDT", Tz::America__Chicago),
    ("ET", Tz::America__New_York),
    ("EST", Tz::America__New_York),
    ("EDT", Tz::America__New_York),
    ("GMT", Tz::UTC),
    ("UTC", Tz::UTC),
    ("UT", Tz::UTC),
    ("Z", Tz::UTC),
    ("BST", Tz::Europe__London),
    ("CET", Tz::Europe__Berlin),
    ("CEST", Tz::Europe__Berlin),
    ("JST", Tz::Asia__Tokyo),
    ("KST", Tz::Asia__Seoul),
    ("SGT", Tz::Asia__Singapore),
    ("HKT", Tz::Asia__Hong_Kong),
    ("ICT", Tz::Asia__Bangkok),
    ("WIB", Tz::Asia__Jakarta),
    ("MYT", Tz::Asia__Kuala_Lumpur),
    ("PHT", Tz::Asia__Manila),
    ("NZST", Tz::Pacific__Auckland),
    ("NZDT", Tz::Pacific__Auckland),
    ("AEST", Tz::Australia__Sydney),
    ("AEDT", Tz::Australia__Sydney),
    ("CST", Tz::Asia__Shanghai),
    ("IST", Tz::Asia__Kolkata),
];

/// English names written before `time` (`5pm Pacific time`, `London time`), lower case.
pub const NAMES_EN: &[(&str, Tz)] = &[
    ("pacific", Tz::America__Los_Angeles),
    ("mountain", Tz::America__Denver),
    ("central", Tz::America__Chicago),
    ("eastern", Tz::America__New_York),
    ("beijing", Tz::Asia__Shanghai),
    ("china", Tz::Asia__Shanghai),
    ("shanghai", Tz::Asia__Shanghai),
    ("london", Tz::Europe__London),
    ("uk", Tz::Europe__London),
    ("paris", Tz::Europe__Paris),
    ("berlin", Tz::Europe__Berlin),
    ("tokyo", Tz::Asia__Tokyo),
    ("japan", Tz::Asia__Tokyo),
    ("seoul", Tz::Asia__Seoul),
    ("korea", Tz::Asia__Seoul),
    ("singapore", Tz::Asia__Singapore),
    ("sydney", Tz::Australia__Sydney),
    ("india", Tz::Asia__Kolkata),
    ("malaysia", Tz::Asia__Kuala_Lumpur),
    ("vietnam", Tz::Asia__Ho_Chi_Minh),
    ("hanoi", Tz::Asia__Ho_Chi_Minh),
    ("bangkok", Tz::Asia__Bangkok),
    ("thailand", Tz::Asia__Bangkok),
    ("jakarta", Tz::Asia__Jakarta),
    ("indonesia", Tz::Asia__Jakarta),
    ("taipei", Tz::Asia__Taipei),
    ("taiwan", Tz::Asia__Taipei),
    ("manila", Tz::Asia__Manila),
    ("germany", Tz::Europe__Berlin),
    ("frankfurt", Tz::Europe__Berlin),
    ("munich", Tz::Europe__Berlin),
    ("dubai", Tz::Asia__Dubai),
];

/// Chinese names (simplified script: the scanner normalises 東京時間 to 东京时间). Each is
/// followed by 时间 in the text.
pub const NAMES_ZH: &[(&str, Tz)] = &[
    ("北京", Tz::Asia__Shanghai),
    ("东京", Tz::Asia__Tokyo),
    ("日本", Tz::Asia__Tokyo),
    ("首尔", Tz::Asia__Seoul),
    ("韩国", Tz::Asia__Seoul),
    ("新加坡", Tz::Asia__Singapore),
    ("伦敦", Tz::Europe__London),
    ("英国", Tz::Europe__London),
    ("巴黎", Tz::Europe__Paris),
    ("柏林", Tz::Europe__Berlin),
    ("欧洲中部", Tz::Europe__Berlin),
    ("美东", Tz::America__New_York),
    ("美国东部", Tz::America__New_York),
    ("纽约", Tz::America__New_York),
    ("美西", Tz::America__Los_Angeles),
    ("美国西部", Tz::America__Los_Angeles),
    ("太平洋", Tz::America__Los_Angeles),
    ("洛杉矶", Tz::America__Los_Angeles),
    ("硅谷", Tz::America__Los_Angeles),
    ("美中", Tz::America__Chicago),
    ("美国中部", Tz::America__Chicago),
    ("悉尼", Tz::Australia__Sydney),
    ("香港", Tz::Asia__Hong_Kong),
    ("台北", Tz::Asia__Taipei),
    ("印度", Tz::Asia__Kolkata),
    ("越南", Tz::Asia__Ho_Chi_Minh),
    ("胡志明", Tz::Asia__Ho_Chi_Minh),
    ("河内", Tz::Asia__Ho_Chi_Minh),
    ("泰国", Tz::Asia__Bangkok),
    ("曼谷", Tz::Asia__Bangkok),
    ("马来西亚", Tz::Asia__Kuala_Lumpur),
    ("吉隆坡", Tz::Asia__Kuala_Lumpur),
    ("印尼", Tz::Asia__Jakarta),
    ("雅加达", Tz::Asia__Jakarta),
    ("迪拜", Tz::Asia__Dubai),
    ("德国", Tz::Europe__Berlin),
    ("格林尼治", Tz::UTC),
    ("格林威治", Tz::UTC),
];
