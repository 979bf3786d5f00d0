//! The tracker part of `liaison demo`: a scripted 需求对接 (the sent mail and its replies,
//! embedded) is ingested step by step into a temporary SQLite store, and what is due is
//! printed at a few moments of its life — across 中秋, 国庆 and the 调休 Saturday 10/10.
//!
//! The mails are the ones the engine's story test asserts on
//! (`crates/liaison-engine/tests/story/`), so the demo shows tested behaviour.

use crate::output::{self, tr};
use crate::views::print_due;
use chrono::DateTime;
use liaison_engine::{PlanContext, Policy, TrackerConfig, plan, track_pending};
use liaison_model::{Directory, KindTable};
use liaison_store::Location;
use std::path::Path;

const MAILS: &[&[u8]] = &[
    include_bytes!("../../../../liaison-engine/tests/story/01-open.eml"),
    include_bytes!("../../../../liaison-engine/tests/story/02-ack-wanglei.eml"),
    include_bytes!("../../../../liaison-engine/tests/story/03-nudge-1.eml"),
    include_bytes!("../../../../liaison-engine/tests/story/04-nudge-2.eml"),
    include_bytes!("../../../../liaison-engine/tests/story/05-delay-wanglei.eml"),
    include_bytes!("../../../../liaison-engine/tests/story/06-escalate.eml"),
    include_bytes!("../../../../liaison-engine/tests/story/07-sync.eml"),
    include_bytes!("../../../../liaison-engine/tests/story/08-delivery-lina.eml"),
    include_bytes!("../../../../liaison-engine/tests/story/09-confirm-lina.eml"),
    include_bytes!("../../../../liaison-engine/tests/story/10-delivery-wanglei.eml"),
    include_bytes!("../../../../liaison-engine/tests/story/11-confirm-wanglei.eml"),
];

const DIRECTORY: &str = include_str!("../../../../liaison-engine/tests/story/directory.toml");

/// (mails ingested so far, the moment, what happened) in the run's language.
fn moments() -> [(usize, &'static str, &'static str); 4] {
    [
        (
            1,
            "2026-09-24T10:00:00+08:00",
            tr(
                "9月23日（周三）10:00 赵敏发出需求对接，24小时后两人都未回复",
                "Wed 9/23 10:00 the request goes out; 24 hours later nobody has replied",
            ),
        ),
        (
            5,
            "2026-09-29T18:10:00+08:00",
            tr(
                "王磊回复后说来不及（预计10月12日18:00前提交）；李娜两次催办未回复（中间是中秋假期）",
                "Wang Lei acknowledged, then delayed (promises 10/12 18:00); Li Na ignored two nudges (the Mid-Autumn holiday in between)",
            ),
        ),
        (
            8,
            "2026-10-08T12:00:00+08:00",
            tr(
                "升级、进度同步之后，国庆假期结束，李娜交付了数据（附件）",
                "after the escalation and a sync, the National Day holiday ends and Li Na delivers the data (attachment)",
            ),
        ),
        (
            11,
            "2026-10-13T12:00:00+08:00",
            tr(
                "王磊在承诺时间前交付，赵敏确认；因曾延期和升级，需要复盘",
                "Wang Lei delivers before his promised time and it is confirmed; it slipped, so a retro is due",
            ),
        ),
    ]
}

/// Runs the tracker story in `dir` (a temporary folder of the demo) and prints it.
pub fn run_story(dir: &Path) -> anyhow::Result<()> {
    let directory: Directory = toml::from_str(DIRECTORY)?;
    let start = DateTime::parse_from_rfc3339("2026-09-23T10:00:00+08:00")?;
    let cfg = TrackerConfig {
        me: vec!["zhaomin@example.com".into()],
        kinds: KindTable::default(),
        directory: directory.clone(),
        time: liaison_time::Context::new(start),
    };
    let db = dir.join("demo-tracker.db");
    let mut store = liaison_store::open(&Location::Sqlite(db.clone()))?;
    println!();
    println!(
        "== {} ==",
        tr(
            "跟踪：一次需求对接的十个工作日",
            "Tracking: ten working days of one request"
        )
    );
    eprintln!("{}: {}", tr("数据库", "database"), db.display());
    let policy = Policy::default();
    let calendar = liaison_time::Calendar::cn();
    let mut ingested = 0;
    for (upto, now, what) in moments() {
        while ingested < upto {
            store.put_raw(
                MAILS[ingested],
                &format!("demo/{:02}.eml", ingested + 1),
                None,
            )?;
            ingested += 1;
        }
        track_pending(store.as_mut(), &cfg)?;
        let now = DateTime::parse_from_rfc3339(now)?;
        let cx = PlanContext {
            policy: &policy,
            calendar: &calendar,
            hours: liaison_time::WorkHours::default(),
            tz: chrono_tz::Asia::Shanghai,
            directory: &directory,
            now,
            lang: output::lang(),
        };
        let due = plan(&store.collaborations()?, &cx);
        println!();
        let at = now.format("%Y-%m-%d %H:%M");
        println!(
            "{}",
            match output::lang() {
                output::Lang::Zh => format!("-- 此刻 {at}（{what}）"),
                output::Lang::En => format!("-- now {at} ({what})"),
            }
        );
        println!("$ liaison due --upcoming --now {}", now.to_rfc3339());
        print_due(&due);
    }
    close_story(store.as_mut(), &cfg, &directory, &calendar, dir)
}

/// The end of the story (步骤4 闭环): archive the collaboration and report on it.
fn close_story(
    store: &mut dyn liaison_store::Store,
    cfg: &TrackerConfig,
    directory: &Directory,
    calendar: &liaison_time::Calendar,
    dir: &Path,
) -> anyhow::Result<()> {
    let now = DateTime::parse_from_rfc3339("2026-10-14T10:00:00+08:00")?;
    let collabs = store.collaborations()?;
    let root = dir.join("archive");
    println!();
    println!(
        "-- {}",
        tr(
            "10月14日 10:00 归档（步骤4 闭环）",
            "Oct 14 10:00: archive (step 4, closing the loop)"
        )
    );
    println!("$ liaison archive ID --to {}", root.display());
    let (folder, manifest) =
        crate::closing::archive(store, cfg, &collabs[..1], &root, directory, now)?;
    println!(
        "{}",
        match output::lang() {
            output::Lang::Zh => format!(
                "已归档到 {}（{} 个文件）",
                folder.display(),
                manifest.files.len()
            ),
            output::Lang::En => format!(
                "archived to {} ({} files)",
                folder.display(),
                manifest.files.len()
            ),
        }
    );
    let mut closings = Vec::new();
    for c in &collabs {
        closings.push(crate::closing::closing_of(store, c, now)?.0);
    }
    let pairs: Vec<_> = collabs.iter().zip(closings.iter()).collect();
    let clock = liaison_closure::report::Clock {
        calendar,
        hours: liaison_time::WorkHours::default(),
        tz: chrono_tz::Asia::Shanghai,
    };
    let unknown = tr("（未登记）", "(not in directory)").to_string();
    let group =
        |a: &str| crate::closing::department(directory, a).unwrap_or_else(|| unknown.clone());
    let since = collabs.iter().map(|c| c.started).min().unwrap_or(now);
    let r = liaison_closure::report::build(
        &pairs,
        since,
        now,
        liaison_closure::report::By::Department,
        &group,
        &clock,
    );
    println!();
    println!("$ liaison report --now {}", now.to_rfc3339());
    print!("{}", liaison_closure::report::text(&r, output::lang()));
    let html = dir.join("report.html");
    std::fs::write(&html, liaison_closure::report::html(&r, output::lang()))?;
    println!();
    println!(
        "{} {}",
        tr("在浏览器中打开归档：", "open the archive in a browser:"),
        folder.join("index.html").display()
    );
    println!(
        "{} {}",
        tr("报告图表：", "the report's charts:"),
        html.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_story_runs() {
        let dir = tempfile::tempdir().unwrap();
        super::run_story(dir.path()).unwrap();
        assert!(dir.path().join("demo-tracker.db").is_file());
        let folder = dir.path().join("archive/跨部门协作-订单导出改造");
        assert!(folder.join("index.html").is_file());
        let (_, bad) = liaison_closure::archive::verify(&folder).unwrap();
        assert!(bad.is_empty(), "{bad:?}");
        assert!(dir.path().join("report.html").is_file());
    }
}
