//! `liaison time`: find and resolve deadline expressions (DESIGN §4, TIME.md).
//!
//! Settings come from `[time]` in liaison.toml (tz, calendar, workday_start, workday_end),
//! overridden by `--tz` and `--calendar`; the reference instant is the global `--now`.
//! `--explain` adds, for each expression, the rules of TIME.md that fired and the calendar
//! days that were skipped.

use crate::output::{self, DataFormat, Lang};
use crate::settings::Settings;
use chrono::{Datelike, Weekday};
use clap::Args;
use liaison_time::{Context, Detailed, ExprKind, InvalidReason, Rule, scan_detailed};
use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

/// Arguments of `liaison time`.
#[derive(Debug, Args)]
pub struct TimeArgs {
    /// The text to scan; without it, standard input is read, one text per line.
    pub text: Option<String>,
    /// IANA time zone for local dates (default: [time] tz, else Asia/Shanghai).
    #[arg(long)]
    pub tz: Option<String>,
    /// Work calendar: cn, none, or a calendar file (default: [time] calendar, else cn).
    #[arg(long)]
    pub calendar: Option<String>,
    /// Output format: text, or json (one object per input line).
    #[arg(long, value_enum, default_value_t = DataFormat::Text)]
    pub format: DataFormat,
    /// For each expression, show the rules that fired and the calendar days skipped.
    #[arg(long)]
    pub explain: bool,
}

/// Runs `liaison time`.
pub fn run(s: &Settings, args: TimeArgs) -> anyhow::Result<ExitCode> {
    let ctx = context(s, &args)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match &args.text {
        Some(t) => emit(&mut out, t, &ctx, args.format, args.explain)?,
        None => {
            let stdin = std::io::stdin();
            let mut line = String::new();
            let mut input = stdin.lock();
            let mut n = 0usize;
            loop {
                line.clear();
                let read = input.read_line(&mut line).map_err(|e| {
                    anyhow::anyhow!(
                        "{} {}: {e}",
                        output::tr("读取标准输入失败，第", "cannot read standard input, line"),
                        n + 1
                    )
                })?;
                if read == 0 {
                    break;
                }
                n += 1;
                let text = line.strip_suffix('\n').unwrap_or(&line);
                let text = text.strip_suffix('\r').unwrap_or(text);
                emit(&mut out, text, &ctx, args.format, args.explain)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The scanning context: configuration, then this command's flags.
fn context(s: &Settings, args: &TimeArgs) -> anyhow::Result<Context> {
    crate::settings::time_context(
        &s.config,
        s.now,
        args.tz.as_deref(),
        args.calendar.as_deref(),
    )
}

fn emit(
    out: &mut impl Write,
    text: &str,
    ctx: &Context,
    format: DataFormat,
    explain: bool,
) -> anyhow::Result<()> {
    let (found, _) = scan_detailed(text, ctx);
    match format {
        DataFormat::Json => {
            let expressions: Vec<JsonExpr> = found
                .iter()
                .map(|d| {
                    let e = &d.expr;
                    JsonExpr {
                        text: &e.text,
                        start: e.start,
                        end: e.end,
                        kind: e.kind.as_str(),
                        value: e
                            .value
                            .map(|v| v.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)),
                        zone: e.zone.as_deref(),
                        estimated: e.estimated,
                        reason: e.reason.as_ref().map(reason),
                        explain: explain.then(|| JsonExplain {
                            rules: d.rules.iter().map(Rule::id).collect(),
                            skipped: d
                                .skipped_days(&ctx.calendar)
                                .iter()
                                .map(|x| x.format("%Y-%m-%d").to_string())
                                .collect(),
                        }),
                    }
                })
                .collect();
            let line = JsonLine {
                input: text,
                expressions,
            };
            writeln!(out, "{}", serde_json::to_string(&line)?)?;
        }
        DataFormat::Text => {
            writeln!(out, "{text}")?;
            if found.is_empty() {
                writeln!(
                    out,
                    "  {}",
                    output::tr("（未发现时间表达）", "(no time expressions)")
                )?;
            }
            let mut estimated_years = std::collections::BTreeSet::new();
            for d in &found {
                writeln!(out, "  {}", describe(d, ctx))?;
                if explain {
                    for line in explanation(d, ctx) {
                        writeln!(out, "    {line}")?;
                    }
                }
                if d.expr.estimated
                    && let Some((a, b)) = d.walked
                {
                    estimated_years
                        .extend((a.year()..=b.year()).filter(|y| ctx.calendar.is_estimated(*y)));
                }
            }
            for y in estimated_years {
                writeln!(out, "  {}", estimated_note(y))?;
            }
        }
    }
    Ok(())
}

/// The reason of an invalid expression in the language of the run.
fn reason(r: &InvalidReason) -> String {
    match output::lang() {
        Lang::Zh => r.zh(),
        Lang::En => r.en(),
    }
}

/// Says that `year`'s holidays are estimated and how to add the year's notice.
fn estimated_note(year: i32) -> String {
    match output::lang() {
        Lang::Zh => format!(
            "注意：{year}年的节假日安排为估算（内置 cn 日历尚未收录国务院当年的放假通知，只知道法定节日本身，不含调休和连休）。\
             通知发布后，可在 liaison.toml 的 [time] calendar 指向一个日历文件，写 base = \"cn\"，并加入 [[year]] year = {year} 及其 holidays 与 workdays。"
        ),
        Lang::En => format!(
            "note: the holidays of {year} are estimated (the built-in cn calendar has no State Council notice for that year yet: only the statutory days are known, not the bridge days and make-up working days). \
             Once the notice is out, point [time] calendar in liaison.toml to a calendar file with base = \"cn\" and a [[year]] block with year = {year} and its holidays and workdays."
        ),
    }
}

/// The `--explain` lines of one expression: the rules that fired, the days skipped.
fn explanation(d: &Detailed, ctx: &Context) -> Vec<String> {
    let mut lines: Vec<String> = d
        .rules
        .iter()
        .map(|r| match output::lang() {
            Lang::Zh => format!("规则 {}：{}", r.id(), r.zh()),
            Lang::En => format!("rule {}: {}", r.id(), r.en()),
        })
        .collect();
    let skipped = d.skipped_days(&ctx.calendar);
    if d.walked.is_some() {
        let days: Vec<String> = skipped
            .iter()
            .map(|x| format!("{} {}", x.format("%Y-%m-%d"), weekday_name(x.weekday())))
            .collect();
        lines.push(if days.is_empty() {
            output::tr("跳过的日子：无", "days skipped: none").to_string()
        } else {
            let days = days.join(output::list_sep());
            match output::lang() {
                Lang::Zh => format!("跳过的非工作日：{days}"),
                Lang::En => format!("days off skipped: {days}"),
            }
        });
    }
    lines
}

/// One JSON output line (field order as in DESIGN §4).
#[derive(serde::Serialize)]
struct JsonLine<'a> {
    input: &'a str,
    expressions: Vec<JsonExpr<'a>>,
}

#[derive(serde::Serialize)]
struct JsonExpr<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: &'static str,
    value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    zone: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    estimated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<JsonExplain>,
}

/// `--explain` in JSON: the rule ids and the days skipped.
#[derive(serde::Serialize)]
struct JsonExplain {
    rules: Vec<&'static str>,
    skipped: Vec<String>,
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => output::tr("周一", "Mon"),
        Weekday::Tue => output::tr("周二", "Tue"),
        Weekday::Wed => output::tr("周三", "Wed"),
        Weekday::Thu => output::tr("周四", "Thu"),
        Weekday::Fri => output::tr("周五", "Fri"),
        Weekday::Sat => output::tr("周六", "Sat"),
        Weekday::Sun => output::tr("周日", "Sun"),
    }
}

/// One line: the text, its kind and its value in local time with the weekday.
fn describe(d: &Detailed, ctx: &Context) -> String {
    let e = &d.expr;
    let kind = match e.kind {
        ExprKind::Deadline => output::tr("截止", "deadline"),
        ExprKind::Vague => output::tr("模糊", "vague"),
        ExprKind::Placeholder => output::tr("未填写", "placeholder"),
        ExprKind::Invalid => output::tr("无效", "invalid"),
    };
    let mut s = format!("{:?} [{}..{}] {kind}", e.text, e.start, e.end);
    match e.value {
        Some(v) => {
            let local = v.with_timezone(&ctx.tz);
            s.push_str(&format!(
                " {} {}",
                local.format("%Y-%m-%d %H:%M:%S"),
                weekday_name(local.weekday())
            ));
            if v < ctx.now {
                s.push_str(output::tr("（已过期）", " (already passed)"));
            }
        }
        None => match e.kind {
            ExprKind::Vague => {
                s.push_str(output::tr(
                    " — 没有可计算的日期，请写明具体截止时间",
                    " - sets no date; write an exact deadline",
                ));
                if let Some(h) = d.hint {
                    let l = h.with_timezone(&ctx.tz);
                    s.push_str(&format!(
                        " ({} {} {})",
                        output::tr("参考", "near"),
                        l.format("%Y-%m-%d"),
                        weekday_name(l.weekday())
                    ));
                }
            }
            ExprKind::Invalid => {
                let why = e.reason.as_ref().map(reason).unwrap_or_default();
                s.push_str(&match output::lang() {
                    Lang::Zh => format!(" — 不存在的日期或时间：{why}"),
                    Lang::En => format!(" - no such date or time: {why}"),
                });
            }
            _ => s.push_str(output::tr(" — 模板空位未填写", " - unfilled template slot")),
        },
    }
    if let Some(z) = &e.zone {
        s.push_str(&match output::lang() {
            Lang::Zh => format!("（按{z}换算）"),
            Lang::En => format!(" (converted from {z})"),
        });
    }
    if e.estimated {
        s.push_str(output::tr(
            "（该年日历为估算）",
            " (estimated calendar year)",
        ));
    }
    if let Some(m) = d.weekday_mismatch {
        s.push_str(&match output::lang() {
            Lang::Zh => format!(
                "；注意：写的是{}，该日期实为{}（以日期为准）",
                weekday_name(m.stated),
                weekday_name(m.actual)
            ),
            Lang::En => format!(
                "; note: written as {}, but the date is a {} (the date wins)",
                weekday_name(m.stated),
                weekday_name(m.actual)
            ),
        });
    }
    s
}
