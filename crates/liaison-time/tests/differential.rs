//! Differential tests: the scan with its prefilter (`scan_detailed`) must find exactly what
//! the unfiltered reference scan (`scan_reference`, every candidate position runs the whole
//! parser tree) finds, field for field, on random texts built from every literal of the
//! scanner, on every table case, and on every file of the linter's fixture corpus.

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use liaison_time::scan::scan_reference;
use liaison_time::{Context, scan_detailed};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

const SOURCE: &str = include_str!("../src/scan.rs");

/// The scanner's other sources: their literals are in the vocabulary too.
const MORE_SOURCES: &[&str] = &[
    include_str!("../src/scan/context.rs"),
    include_str!("../src/scan/holiday.rs"),
    include_str!("../src/scan/quarter.rs"),
    include_str!("../src/scan/zone.rs"),
    include_str!("../src/zones.rs"),
];

/// Every string and char literal of `src/scan.rs` and the modules it uses (so a phrase
/// added to a parser is in the vocabulary without editing this test), plus filler.
fn vocabulary() -> &'static [String] {
    static V: OnceLock<Vec<String>> = OnceLock::new();
    V.get_or_init(|| {
        let mut v: Vec<String> = Vec::new();
        let all: String = std::iter::once(SOURCE)
            .chain(MORE_SOURCES.iter().copied())
            .collect::<Vec<_>>()
            .join("\n");
        let b: Vec<char> = all.chars().collect();
        let mut i = 0;
        while i < b.len() {
            // skip line comments (they contain apostrophes and quotes)
            if b[i] == '/' && b.get(i + 1) == Some(&'/') {
                while i < b.len() && b[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            if b[i] == '"' {
                let mut j = i + 1;
                let mut s = String::new();
                while j < b.len() && b[j] != '"' {
                    if b[j] == '\\' {
                        j += 1;
                    }
                    s.push(b[j]);
                    j += 1;
                }
                if !s.is_empty() && s.chars().count() <= 30 {
                    v.push(s);
                }
                i = j + 1;
                continue;
            }
            if b[i] == '\'' && b.get(i + 2) == Some(&'\'') {
                v.push(b[i + 1].to_string());
                i += 3;
                continue;
            }
            i += 1;
        }
        // the literals are many and the tree is what we test; filler is a minority
        for f in [
            "我们",
            "项目",
            "请",
            "回复",
            "会议",
            "的",
            "了",
            "在",
            "于",
            "是",
            "和",
            "方案",
            "数据",
            "有",
            "上线",
            "中心",
            "大家",
            "本次",
            "明确",
            "收到",
            "回顾",
            "第一",
            "及",
            "一下",
            "月份",
            "年度",
            "当前",
            "过程",
            "下载",
            "上述",
            "the",
            "a",
            "to",
            "of",
            "and",
            "please",
            "send",
            "report",
            "by",
            "before",
            "at",
            "in",
            "on",
            "this",
            "next",
            "may",
            "sat",
            "sun",
            "mar",
            "end",
            "day",
            "week",
            "X",
            "XX",
            "x",
            "0",
            "1",
            "2",
            "3",
            "4",
            "5",
            "7",
            "9",
            "10",
            "12",
            "15",
            "24",
            "30",
            "31",
            "2026",
            "2027",
            "12/3",
            "3.5",
            "17:00",
            "5pm",
            "3rd",
            "15th",
            " ",
            "  ",
            "   ",
            "\n",
            ".",
            ",",
            "-",
            "/",
            ":",
            "(",
            ")",
            "（",
            "）",
            "，",
            "。",
            "、",
            "：",
            "！",
            "?",
            "'",
            "’",
            "\"",
            "一",
            "二",
            "三",
            "十",
            "廿",
            "两",
            "〇",
            "零",
            "五",
            "九",
            "０",
            "１",
            "２",
            "Ｘ",
            "週",
            "號",
            "點",
            "後",
            "時",
            "內",
            "兩",
            "😀",
            "é",
            "Q2",
            "H1",
            "q3",
            "UTC+9",
            "GMT-5",
            "+0800",
            "12:25:21",
            "Jul  6",
            "Tue, 1 Dec 2026",
            "25:00",
            "17:75",
            "2月30日",
            "8/10",
            "项",
            "section 3.2",
            "No. 3",
            "第4.1条",
            "國",
            "東京時間",
            "節後",
        ] {
            v.push(f.to_string());
        }
        v.sort();
        v.dedup();
        v
    })
}

/// A token with a random ASCII case: as written, Capitalised, or UPPER.
fn token() -> impl Strategy<Value = String> {
    (0..vocabulary().len(), 0..3u8).prop_map(|(k, case)| {
        let t = &vocabulary()[k];
        match case {
            0 => t.clone(),
            1 => {
                let mut c = t.chars();
                match c.next() {
                    Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                    None => String::new(),
                }
            }
            _ => t.to_ascii_uppercase(),
        }
    })
}

fn ctx_at(secs: i64) -> Context {
    let base = FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2024, 1, 1, 0, 0, 0)
        .unwrap();
    Context::new(base + Duration::seconds(secs))
}

fn same(text: &str, ctx: &Context) -> Result<(), String> {
    let (got, _) = scan_detailed(text, ctx);
    let (want, _) = scan_reference(text, ctx);
    if got == want {
        Ok(())
    } else {
        Err(format!(
            "filtered and reference scans differ on {text:?} (now {}):\n  filtered  {got:?}\n  reference {want:?}",
            ctx.now
        ))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6000))]

    #[test]
    fn filtered_scan_equals_reference_on_random_texts(
        parts in prop::collection::vec((token(), prop::sample::select(vec!["", "", "", " ", "  "])), 1..16),
        secs in 0i64..(6 * 366 * 86400),
    ) {
        let text: String = parts.iter().flat_map(|(t, sep)| [t.as_str(), *sep]).collect();
        let r = same(&text, &ctx_at(secs));
        prop_assert!(r.is_ok(), "{}", r.unwrap_err());
    }
}

/// Every literal alone, in each case, and between common neighbours.
#[test]
fn filtered_scan_equals_reference_on_every_literal() {
    let ctx = ctx_at(1000 * 86400);
    let mut n = 0;
    for t in vocabulary() {
        let cap = {
            let mut c = t.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        };
        for w in [t.clone(), cap, t.to_ascii_uppercase()] {
            for (a, b) in [
                ("", ""),
                ("请于", "前回复"),
                ("by ", " 5pm"),
                ("", " 3"),
                ("", "12月3日"),
                ("", " Dec 3"),
                ("", "."),
                // what the prefilter looks at after its most frequent first words
                // a slot inside a number: 20XX年, 2026-1X-XX
                ("20", "年"),
                ("2", "天内"),
                ("2026-1", "-01"),
                ("in ", " days"),
                ("within ", " hours"),
                ("in the ", ""),
                ("the ", ""),
                ("the", "th"),
                // and after Chinese characters that start literals
                ("下", ""),
                ("上", ""),
                ("本", ""),
                ("这", ""),
                ("当", ""),
                ("大", ""),
            ] {
                same(&format!("{a}{w}{b}"), &ctx).unwrap();
                n += 1;
            }
        }
    }
    assert!(n > 1000, "only {n} texts");
}

/// Every character `may_start` admits, followed by every literal (with and without a space):
/// the prefilter decides from the characters after the start, so each of them is tried.
#[test]
fn filtered_scan_equals_reference_after_every_start_character() {
    let body = SOURCE
        .split("fn may_start(")
        .nth(1)
        .and_then(|r| r.split("\n}").next())
        .expect("fn may_start in scan.rs");
    let starters: Vec<char> = body
        .split('\'')
        .skip(1)
        .step_by(2)
        .filter_map(|x| {
            let mut c = x.chars();
            c.next().filter(|_| c.next().is_none())
        })
        .collect();
    assert!(starters.len() > 50, "{starters:?}");
    let ctx = ctx_at(700 * 86400);
    let mut heads: Vec<String> = starters.iter().map(|c| c.to_string()).collect();
    // numbers of every length around the longest that S::num reads, and with spaces
    heads.extend(
        [
            "3",
            "12",
            "123",
            "2026",
            "12345",
            "3 ",
            "3        ",
            "3         ",
        ]
        .map(String::from),
    );
    for h in heads {
        for t in vocabulary() {
            same(&format!("{h}{t}"), &ctx).unwrap();
            same(&format!("{h} {t}"), &ctx).unwrap();
        }
    }
}

#[test]
fn filtered_scan_equals_reference_on_the_table_cases() {
    let ctx = Context::new(DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap());
    let mut n = 0;
    for line in include_str!("cases.tsv")
        .lines()
        .chain(include_str!("office.tsv").lines())
        .chain(include_str!("office_heldout.tsv").lines())
    {
        if line.is_empty() || line.starts_with('#') || line.starts_with('@') {
            continue;
        }
        let input = line.split_once('\t').map_or(line, |x| x.0);
        same(input, &ctx).unwrap();
        n += 1;
    }
    assert!(n >= 400, "only {n} cases");
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn filtered_scan_equals_reference_on_the_lint_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../liaison-lint/tests/fixtures");
    let mut all = Vec::new();
    files(&dir, &mut all);
    assert!(all.len() >= 100, "only {} fixture files", all.len());
    let ctx = Context::new(DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap());
    for p in all {
        let bytes = std::fs::read(&p).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = same(&text, &ctx) {
            panic!("{}: {}", p.display(), &e[..e.len().min(2000)]);
        }
    }
}
