//! The department report: per department (or person, or kind) the collaborations, the
//! median and 90th-percentile first-reply time in working hours, the on-time delivery
//! rate, nudges per collaboration, escalations and open overdue items; plus a weekly
//! trend. [`svg`] draws the charts with plotters.

use crate::timeline::Closing;
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate};
use liaison_model::{Collaboration, EventKind, Lang};
use serde::Serialize;
use std::collections::BTreeMap;

/// How rows are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    /// By the department of each counterpart.
    Department,
    /// By counterpart.
    Person,
    /// By 【类型】.
    Kind,
}

/// One row of the report (the JSON contract names it `department` whatever the grouping).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Row {
    /// The department (or person, or kind).
    pub department: String,
    /// Collaborations it took part in.
    pub collaborations: usize,
    /// Median first-reply time, working hours.
    pub first_reply_median_hours: Option<f64>,
    /// 90th-percentile first-reply time, working hours (nearest rank).
    pub first_reply_p90_hours: Option<f64>,
    /// Items delivered by their first deadline / items delivered with a deadline.
    pub on_time_rate: Option<f64>,
    /// Nudges per collaboration.
    pub nudges: f64,
    /// Escalations that concerned it.
    pub escalations: usize,
    /// Its items still open past their deadline at `until`.
    pub open_overdue: usize,
}

/// One week of the trend.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Week {
    /// ISO week, `2026-W40`.
    pub week: String,
    /// Its Monday.
    pub start: String,
    /// Items delivered in the week.
    pub delivered: usize,
    /// Of those, delivered by their first deadline.
    pub on_time: usize,
    /// on_time / delivered.
    pub on_time_rate: Option<f64>,
}

/// The report (`liaison report --format json`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    /// Start (RFC 3339).
    pub since: String,
    /// End (RFC 3339): `now`.
    pub until: String,
    /// Rows, sorted by name.
    pub departments: Vec<Row>,
    /// Weekly trend, oldest first.
    pub weeks: Vec<Week>,
}

/// What the report needs to know about time.
pub struct Clock<'a> {
    /// Working days.
    pub calendar: &'a liaison_time::Calendar,
    /// Working hours.
    pub hours: liaison_time::WorkHours,
    /// Zone of local times.
    pub tz: chrono_tz::Tz,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Median and 90th percentile (nearest rank) of `v`.
pub fn median_p90(v: &mut [f64]) -> (Option<f64>, Option<f64>) {
    if v.is_empty() {
        return (None, None);
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    let rank = ((0.9 * n as f64).ceil() as usize).clamp(1, n);
    (Some(round2(median)), Some(round2(v[rank - 1])))
}

#[derive(Default)]
struct Acc {
    collabs: usize,
    replies: Vec<f64>,
    delivered: usize,
    on_time: usize,
    nudges: usize,
    escalations: usize,
    open_overdue: usize,
}

/// Builds the report over `collabs` (each with its timeline read) that started in
/// `[since, until]`. `group` names the group of a counterpart address (department, person).
pub fn build(
    collabs: &[(&Collaboration, &Closing)],
    since: DateTime<FixedOffset>,
    until: DateTime<FixedOffset>,
    by: By,
    group: &dyn Fn(&str) -> String,
    clock: &Clock,
) -> Report {
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    let mut weeks: BTreeMap<NaiveDate, (usize, usize)> = BTreeMap::new();
    let local = |t: DateTime<FixedOffset>| t.with_timezone(&clock.tz).naive_local();
    for (c, k) in collabs {
        if c.started < since || c.started > until {
            continue;
        }
        let key_of = |addr: &str| match by {
            By::Kind => c.kind.tag().to_string(),
            _ => group(addr),
        };
        let mut people: Vec<String> = c.counterparts.clone();
        for i in &k.items {
            if let Some(o) = &i.owner
                && !people.iter().any(|p| p.eq_ignore_ascii_case(o))
            {
                people.push(o.clone());
            }
        }
        let mut groups: Vec<String> = people.iter().map(|p| key_of(p)).collect();
        groups.sort();
        groups.dedup();
        for g in &groups {
            let a = acc.entry(g.clone()).or_default();
            a.collabs += 1;
            // First reply of anyone in the group, in working hours after the opening mail.
            if let Some(r) = c.events.iter().find(|e| {
                e.kind == EventKind::Replied && e.actor.as_deref().is_some_and(|x| &key_of(x) == g)
            }) {
                a.replies.push(clock.calendar.working_hours_between(
                    local(c.started),
                    local(r.at),
                    &clock.hours,
                ));
            }
            a.escalations += c
                .events
                .iter()
                .filter(|e| e.kind == EventKind::Escalated)
                .count();
        }
        for i in &k.items {
            let Some(o) = &i.owner else { continue };
            let a = acc.entry(key_of(o)).or_default();
            a.nudges += i.nudges;
            if let (Some(d), Some(p)) = (i.delivered, i.planned)
                && d <= until
            {
                a.delivered += 1;
                let on_time = d <= p;
                if on_time {
                    a.on_time += 1;
                }
                let day = local(d).date();
                let monday = day - Duration::days(day.weekday().num_days_from_monday() as i64);
                let w = weeks.entry(monday).or_default();
                w.0 += 1;
                if on_time {
                    w.1 += 1;
                }
            }
            if matches!(i.status, "open" | "overdue")
                && i.promised.or(i.planned).is_some_and(|d| d < until)
            {
                a.open_overdue += 1;
            }
        }
    }
    let departments = acc
        .into_iter()
        .map(|(name, mut a)| {
            let (m, p) = median_p90(&mut a.replies);
            Row {
                department: name,
                collaborations: a.collabs,
                first_reply_median_hours: m,
                first_reply_p90_hours: p,
                on_time_rate: (a.delivered > 0)
                    .then(|| round2(a.on_time as f64 / a.delivered as f64)),
                nudges: if a.collabs > 0 {
                    round2(a.nudges as f64 / a.collabs as f64)
                } else {
                    0.0
                },
                escalations: a.escalations,
                open_overdue: a.open_overdue,
            }
        })
        .collect();
    let weeks = weeks
        .into_iter()
        .map(|(monday, (delivered, on_time))| {
            let iso = monday.iso_week();
            Week {
                week: format!("{}-W{:02}", iso.year(), iso.week()),
                start: monday.to_string(),
                delivered,
                on_time,
                on_time_rate: (delivered > 0).then(|| round2(on_time as f64 / delivered as f64)),
            }
        })
        .collect();
    Report {
        since: since.to_rfc3339(),
        until: until.to_rfc3339(),
        departments,
        weeks,
    }
}

/// The report as text lines.
pub fn text(r: &Report, lang: Lang) -> String {
    let z = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let f = |x: Option<f64>| x.map(|v| format!("{v:.1}")).unwrap_or_else(|| "-".into());
    let pct = |x: Option<f64>| {
        x.map(|v| format!("{:.0}%", v * 100.0))
            .unwrap_or_else(|| "-".into())
    };
    let mut out = format!("{} {} — {}\n", z("报告", "Report"), r.since, r.until);
    out.push_str(&format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
        z("部门", "department"),
        z("协作数", "collabs"),
        z("首次回复中位数(工时)", "first reply median (h)"),
        z("首次回复P90(工时)", "first reply p90 (h)"),
        z("按时率", "on time"),
        z("每协作催办", "nudges/collab"),
        z("升级", "escalations"),
        z("逾期未完成", "open overdue")
    ));
    for d in &r.departments {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{:.2}\t{}\t{}\n",
            d.department,
            d.collaborations,
            f(d.first_reply_median_hours),
            f(d.first_reply_p90_hours),
            pct(d.on_time_rate),
            d.nudges,
            d.escalations,
            d.open_overdue
        ));
    }
    if !r.weeks.is_empty() {
        out.push_str(&format!("\n{}\n", z("每周趋势", "Weekly trend")));
        for w in &r.weeks {
            out.push_str(&format!(
                "{}\t{}\t{} {}\t{}\n",
                w.week,
                w.start,
                w.delivered,
                z("项交付", "delivered"),
                pct(w.on_time_rate)
            ));
        }
    }
    out
}

/// The report as CSV rows (one per department), UTF-8 with a BOM.
pub fn csv(r: &Report) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    w.write_record([
        "department",
        "collaborations",
        "first_reply_median_hours",
        "first_reply_p90_hours",
        "on_time_rate",
        "nudges",
        "escalations",
        "open_overdue",
    ])?;
    let o = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    for d in &r.departments {
        w.write_record([
            d.department.clone(),
            d.collaborations.to_string(),
            o(d.first_reply_median_hours),
            o(d.first_reply_p90_hours),
            o(d.on_time_rate),
            d.nudges.to_string(),
            d.escalations.to_string(),
            d.open_overdue.to_string(),
        ])?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// The fonts named in the charts: CJK fonts of Windows, macOS and Linux, then any.
pub const FONT_FAMILY: &str =
    "Microsoft YaHei, PingFang SC, WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif";

/// The charts as one SVG: a bar chart of the median first-reply time by department and
/// the weekly on-time trend line.
pub fn svg(r: &Report, lang: Lang) -> String {
    use plotters::prelude::*;
    let z = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (900, 420)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let (left, right) = root.split_horizontally(450);
        let font = |size: u32| (FONT_FAMILY, size).into_font();
        let names: Vec<String> = r.departments.iter().map(|d| d.department.clone()).collect();
        let vals: Vec<f64> = r
            .departments
            .iter()
            .map(|d| d.first_reply_median_hours.unwrap_or(0.0))
            .collect();
        let max = vals.iter().cloned().fold(1.0_f64, f64::max) * 1.2;
        let n = names.len().max(1);
        if let Ok(mut chart) = ChartBuilder::on(&left)
            .caption(
                z(
                    "首次回复时间中位数（工作小时）",
                    "Median first reply (working hours)",
                ),
                font(18),
            )
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(44)
            .build_cartesian_2d((0..n).into_segmented(), 0.0..max)
        {
            let names2 = names.clone();
            let _ = chart
                .configure_mesh()
                .disable_x_mesh()
                .x_label_style(font(14))
                .y_label_style(font(12))
                .x_labels(n)
                .x_label_formatter(&|v| match v {
                    SegmentValue::CenterOf(i) => names2.get(*i).cloned().unwrap_or_default(),
                    _ => String::new(),
                })
                .draw();
            let _ = chart.draw_series(vals.iter().enumerate().map(|(i, v)| {
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(i), 0.0),
                        (SegmentValue::Exact(i + 1), *v),
                    ],
                    RGBColor(0x44, 0x72, 0xC4).filled(),
                );
                bar.set_margin(0, 0, 12, 12);
                bar
            }));
        }
        let weeks: Vec<(usize, f64)> = r
            .weeks
            .iter()
            .enumerate()
            .map(|(i, w)| (i, w.on_time_rate.unwrap_or(0.0) * 100.0))
            .collect();
        let wn = r.weeks.len().max(1);
        if let Ok(mut chart) = ChartBuilder::on(&right)
            .caption(
                z("按时交付率趋势（每周）", "On-time delivery by week"),
                font(18),
            )
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(44)
            .build_cartesian_2d(0..wn, 0.0..100.0)
        {
            let labels: Vec<String> = r.weeks.iter().map(|w| w.week.clone()).collect();
            let _ = chart
                .configure_mesh()
                .x_labels(wn)
                .x_label_style(font(11))
                .y_label_style(font(12))
                .x_label_formatter(&|i| labels.get(*i).cloned().unwrap_or_default())
                .y_desc(z("按时率 %", "on time %"))
                .draw();
            let color = RGBColor(0xED, 0x7D, 0x31);
            let _ = chart.draw_series(LineSeries::new(weeks.clone(), color.stroke_width(2)));
            let _ = chart.draw_series(weeks.iter().map(|p| Circle::new(*p, 4, color.filled())));
        }
        let _ = root.present();
    }
    out
}

/// The report as one offline HTML page: the charts and the table.
pub fn html(r: &Report, lang: Lang) -> String {
    let z = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>\n<style>body{{font-family:{FONT_FAMILY};margin:2em}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px 8px}}th{{background:#ddebf7}}</style></head><body>\n<h1>{}</h1><p>{} — {}</p>\n",
        lang.code(),
        z("跨部门协作报告", "Cross-department report"),
        z("跨部门协作报告", "Cross-department report"),
        r.since,
        r.until
    );
    s.push_str(&svg(r, lang));
    s.push_str("\n<table><tr>");
    for h in [
        z("部门", "Department"),
        z("协作数", "Collaborations"),
        z("首次回复中位数（工时）", "First reply median (h)"),
        z("首次回复P90（工时）", "First reply p90 (h)"),
        z("按时交付率", "On-time rate"),
        z("每协作催办", "Nudges per collaboration"),
        z("升级", "Escalations"),
        z("逾期未完成", "Open overdue"),
    ] {
        s.push_str(&format!("<th>{h}</th>"));
    }
    s.push_str("</tr>\n");
    let f = |x: Option<f64>| x.map(|v| format!("{v:.1}")).unwrap_or_else(|| "-".into());
    for d in &r.departments {
        s.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.2}</td><td>{}</td><td>{}</td></tr>\n",
            d.department.replace('<', "&lt;"),
            d.collaborations,
            f(d.first_reply_median_hours),
            f(d.first_reply_p90_hours),
            d.on_time_rate.map(|v| format!("{:.0}%", v * 100.0)).unwrap_or_else(|| "-".into()),
            d.nudges,
            d.escalations,
            d.open_overdue
        ));
    }
    s.push_str("</table></body></html>\n");
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn median_and_p90_by_nearest_rank() {
        let mut v = vec![10.0, 1.0, 3.0, 2.0];
        assert_eq!(super::median_p90(&mut v), (Some(2.5), Some(10.0)));
        let mut v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(super::median_p90(&mut v), (Some(5.5), Some(9.0)));
        assert_eq!(super::median_p90(&mut []), (None, None));
    }
}
