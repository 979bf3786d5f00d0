//! Property tests: no panics on any Unicode, offsets on char boundaries, relative
//! expressions never before the reference, and linear work on long lines (operation
//! counts, not wall-clock time).

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use liaison_time::{Context, ExprKind, scan, scan_detailed};
use proptest::prelude::*;

fn ctx_at(secs: i64) -> Context {
    let base = FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2020, 1, 1, 0, 0, 0)
        .unwrap();
    Context::new(base + Duration::seconds(secs))
}

/// Fragments that make the scanner work hard: digits, numerals, units, slots, words.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9０-９]{1,5}",
        prop::sample::select(vec![
            "年",
            "月",
            "日",
            "号",
            "点",
            "时",
            "分",
            "半",
            "前",
            "之前",
            "内",
            "后",
            "左右",
            "前后",
            "至",
            "到",
            "-",
            "~",
            "/",
            ".",
            ":",
            "：",
            "（",
            "）",
            "(",
            ")",
            "周",
            "星期",
            "礼拜",
            "週",
            "下",
            "本",
            "这",
            "下下",
            "一",
            "二",
            "十",
            "两",
            "廿",
            "〇",
            "X",
            "XX",
            "x",
            "×",
            "_",
            "某",
            "  ",
            "个工作日",
            "天",
            "小时",
            "个月",
            "上午",
            "下午",
            "晚上",
            "中午",
            "今晚",
            "明天",
            "后天",
            "月底",
            "上旬",
            "元旦",
            "春节",
            "尽快",
            "【日期】",
            "[DATE]",
            "{",
            "}",
            "EOD",
            "COB",
            "by ",
            "Friday",
            "next ",
            "Dec ",
            "pm",
            "am",
            "within ",
            "business days",
            "hours",
            "tomorrow",
            "end of week",
            "ASAP",
            "🙂",
            "\u{0301}",
            "\n",
            // the office forms of issue 16
            " PT",
            " CET",
            " UTC+9",
            "GMT-05:00",
            "Z",
            "东京时间",
            "（北京时间）",
            "Pacific time",
            "国庆后第一个工作日",
            "节后",
            "上班第一天",
            "第",
            "个工作日",
            "Q2",
            "H1",
            "季度",
            "上半年",
            "末",
            "end of ",
            "Wed Jul  6 12:25:21 2005",
            "Tue, 1 Dec 2026 10:00:00 +0800",
            "25:00",
            "17:75",
            "2月30日",
            "13月",
            "section ",
            "No. ",
            "项",
            "first thing ",
            "lunch",
            "TBD",
            "收到后",
            "元宵",
            "十一",
        ])
        .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_and_offsets_are_char_boundaries(
        parts in prop::collection::vec(fragment(), 0..24),
        secs in 0i64..(12 * 366 * 86400),
    ) {
        let text: String = parts.concat();
        let ctx = ctx_at(secs);
        let mut last_end = 0;
        for e in scan(&text, &ctx) {
            prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
            prop_assert!(e.start < e.end && e.start >= last_end);
            prop_assert_eq!(&text[e.start..e.end], e.text.as_str());
            prop_assert_eq!(e.value.is_some(), e.kind == ExprKind::Deadline);
            last_end = e.end;
        }
    }

    #[test]
    fn relative_expressions_never_resolve_before_the_reference(
        rel in prop::sample::select(vec![
            "明天", "后天", "大后天", "明后天", "下周五", "下下周一", "下个月", "下周", "周一", "周五前", "星期天",
            "3天内", "三天内", "一周内", "一个月内", "两个月内", "24小时内", "半小时内", "30分钟内", "5个工作日内",
            "一两天内", "9点前", "下午5点前", "17:00前", "下班前", "上午前", "今晚", "明天上午", "明早",
            "tomorrow", "next Friday", "within 3 business days", "within 24 hours", "in 2 days", "Friday",
            "EOD", "noon", "24:00前", "25号前", "元旦前", "春节前",
            "节后第一个工作日", "国庆后第一个工作日", "下周前两个工作日", "Q2末", "上半年内", "十一前",
            "first business day after the holidays", "10am PT", "18:00 CET", "收到后3个工作日内",
        ]),
        secs in 0i64..(7 * 365 * 86400),
    ) {
        let ctx = ctx_at(secs);
        let found = scan(&format!("请{rel}回复"), &ctx);
        prop_assert_eq!(found.len(), 1, "{}", rel);
        let v: DateTime<FixedOffset> = found[0].value.expect("resolved");
        prop_assert!(v >= ctx.now, "{} resolved to {} before {}", rel, v, ctx.now);
    }
}

fn steps_for(line: &str) -> u64 {
    let ctx = ctx_at(0);
    scan_detailed(line, &ctx).1.steps
}

/// Work grows linearly: 16x the input costs at most ~16x the steps (with slack), for
/// inputs built to provoke backtracking (long digit runs, slot runs, repeated near-misses).
#[test]
fn linear_work_on_a_1mb_line() {
    let patterns = [
        "1",
        "X十 周12月12.12:",
        "a【日尽3个工作明天下午5点前，",
        "Friday 5pm by within 2026-12-年月日前后左右",
    ];
    for p in patterns {
        let reps_big = (1 << 20) / p.len() + 1; // ~1 MB
        let big = p.repeat(reps_big);
        let small = p.repeat(reps_big / 16);
        let (sb, ss) = (steps_for(&big), steps_for(&small));
        assert!(big.len() >= 1 << 20);
        let ratio = sb as f64 / ss.max(1) as f64;
        assert!(
            ratio < 16.0 * 1.25,
            "pattern {p:?}: 1 MB took {sb} steps, 64 KB took {ss} (ratio {ratio:.1})"
        );
        // and a constant bound per character
        let per_char = sb as f64 / big.chars().count() as f64;
        eprintln!("pattern {p:?}: {per_char:.1} steps per char, ratio {ratio:.2}");
        assert!(
            per_char < 400.0,
            "pattern {p:?}: {per_char:.0} steps per char"
        );
    }
}

/// A hedge word at the very end of the text (nothing after 约 or "about") once indexed past
/// the end.
#[test]
fn hedge_at_the_end_of_the_text_does_not_panic() {
    let ctx = ctx_at(0);
    for t in ["约", "请大约", "大概是", "about ", "around", "请约在"] {
        assert!(scan(t, &ctx).is_empty(), "{t}");
    }
}
