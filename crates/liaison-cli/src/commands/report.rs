//! `liaison report [--since DATE] [--by department|person|kind] --format
//! text|json|csv|html|svg`: per department the collaborations, first-reply time in working
//! hours (median, p90), on-time rate, nudges per collaboration, escalations and open
//! overdue items, with a weekly trend; html and svg draw the charts.

use crate::closing;
use crate::output::{self, tr};
use crate::settings::Settings;
use clap::{Args, ValueEnum};
use liaison_closure::report::{self, By, Clock};
use std::path::PathBuf;
use std::process::ExitCode;

/// How rows are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ByArg {
    /// By department (from the directory).
    #[default]
    Department,
    /// By person.
    Person,
    /// By 【类型】.
    Kind,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReportFormat {
    /// A table.
    #[default]
    Text,
    /// JSON.
    Json,
    /// CSV.
    Csv,
    /// One offline HTML page with the charts.
    Html,
    /// The charts as SVG.
    Svg,
}

/// Arguments of `liaison report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Count collaborations that started on or after this day (YYYY-MM-DD; default: all).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// How rows are grouped.
    #[arg(long, value_enum, default_value_t)]
    pub by: ByArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// Write here instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

/// Runs `liaison report`.
pub fn run(s: &Settings, args: ReportArgs) -> anyhow::Result<ExitCode> {
    let dir = s.directory()?.cloned().unwrap_or_default();
    let mut store = s.open_store()?;
    let collabs = store.collaborations()?;
    let since = match &args.since {
        Some(d) => {
            let day = chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| {
                anyhow::anyhow!(
                    "--since {d:?}: {}",
                    tr(
                        "请写成 YYYY-MM-DD，例如 2026-09-01",
                        "write YYYY-MM-DD, e.g. 2026-09-01"
                    )
                )
            })?;
            liaison_time::zones::ZoneSpec::Named(s.time.tz)
                .instant(day.and_hms_opt(0, 0, 0).unwrap_or_default())
                .unwrap_or(s.now)
        }
        None => collabs.iter().map(|c| c.started).min().unwrap_or(s.now),
    };
    let mut closings = Vec::new();
    for c in &collabs {
        closings.push(closing::closing_of(store.as_mut(), c, s.now)?.0);
    }
    let pairs: Vec<_> = collabs.iter().zip(closings.iter()).collect();
    let by = match args.by {
        ByArg::Department => By::Department,
        ByArg::Person => By::Person,
        ByArg::Kind => By::Kind,
    };
    let unknown = tr("（未登记）", "(not in directory)").to_string();
    let group = |a: &str| match by {
        By::Person => dir
            .person(a)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| a.to_string()),
        _ => closing::department(&dir, a).unwrap_or_else(|| unknown.clone()),
    };
    let clock = Clock {
        calendar: &s.time.calendar,
        hours: s.time.hours,
        tz: s.time.tz,
    };
    let r = report::build(&pairs, since, s.now, by, &group, &clock);
    let lang = output::lang();
    let bytes = match args.format {
        ReportFormat::Text => report::text(&r, lang).into_bytes(),
        ReportFormat::Json => {
            let mut v = serde_json::to_string_pretty(&r)?;
            v.push('\n');
            v.into_bytes()
        }
        ReportFormat::Csv => report::csv(&r)?,
        ReportFormat::Html => report::html(&r, lang).into_bytes(),
        ReportFormat::Svg => report::svg(&r, lang).into_bytes(),
    };
    match &args.out {
        Some(p) => std::fs::write(p, bytes)?,
        None => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
