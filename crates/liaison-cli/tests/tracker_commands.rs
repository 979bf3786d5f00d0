//! `liaison ingest` → `list`, `show`, `due`, `mark` on a SQLite file, with `--now`, JSON
//! shapes as in issue 5.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn story() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../liaison-engine/tests/story")
}

fn liaison(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_liaison"))
        .args(args)
        .arg("--db")
        .arg(db)
        .arg("--directory")
        .arg(story().join("directory.toml"))
        .args(["--me", "zhaomin@example.com"])
        .env_remove("LIAISON_DATABASE_URL")
        .env_remove("LIAISON_CONFIG")
        .env("LIAISON_LANG", "zh")
        .current_dir(db.parent().unwrap())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(db: &Path, args: &[&str]) -> Value {
    let (code, out, err) = liaison(db, args);
    assert_eq!(code, 0, "liaison {args:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn ingest(db: &Path, names: &[&str]) {
    let files: Vec<String> = names
        .iter()
        .map(|n| story().join(n).display().to_string())
        .collect();
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    let (code, _, err) = liaison(db, &args);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn list_show_due_mark() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    ingest(
        &db,
        &[
            "01-open.eml",
            "02-ack-wanglei.eml",
            "03-nudge-1.eml",
            "04-nudge-2.eml",
            "05-delay-wanglei.eml",
        ],
    );
    let now = "2026-09-29T18:10:00+08:00";
    let list = json(&db, &["list", "--format", "json", "--now", now]);
    let cs = list["collaborations"].as_array().unwrap();
    assert_eq!(cs.len(), 1);
    let c = &cs[0];
    let id = c["id"].as_str().unwrap().to_string();
    assert_eq!(c["kind"], "需求对接");
    assert_eq!(c["subject"], "【需求对接】订单导出改造-技术部/数据部");
    assert_eq!(c["owner"], "zhaomin@example.com");
    assert_eq!(
        c["counterparts"],
        serde_json::json!(["wanglei@example.com", "lina@example.com"])
    );
    assert_eq!(c["state"], "in-progress");
    let items = c["items"].as_array().unwrap();
    assert_eq!(items[0]["owner"], "wanglei@example.com");
    assert_eq!(items[0]["due"], "2026-10-12T18:00:00+08:00");
    assert_eq!(items[0]["status"], "open");
    assert_eq!(items[1]["due"], "2026-09-29T18:00:00+08:00");
    assert_eq!(items[1]["status"], "overdue");

    let due = json(&db, &["due", "--format", "json", "--now", now]);
    assert_eq!(due["now"], now);
    let d = due["due"].as_array().unwrap();
    let actions: Vec<&str> = d.iter().map(|a| a["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["sync", "escalate"]);
    let esc = &d[1];
    assert_eq!(esc["collaboration"], id.as_str());
    assert_eq!(esc["due_at"], "2026-09-29T09:40:00+08:00");
    assert_eq!(esc["overdue"], true);
    assert_eq!(esc["channel"], "email");
    assert_eq!(
        esc["cc"],
        serde_json::json!([
            "fanzhiyuan@example.com",
            "zhoufang@example.com",
            "chenjie@example.com"
        ])
    );
    assert!(esc["reason"].as_str().unwrap().contains("来不及"));

    // Marks: item numbers are checked; a mark enters the timeline and the plan.
    let (code, _, err) = liaison(
        &db,
        &["mark", &id[..5], "dropped", "--item", "3", "--now", now],
    );
    assert_eq!(code, 2);
    assert!(err.contains("1..2"), "{err}");
    let m = json(
        &db,
        &[
            "mark",
            &id,
            "delivered",
            "--item",
            "2",
            "--now",
            now,
            "--format",
            "json",
        ],
    );
    assert_eq!(m["collaboration"], id.as_str());
    let show = json(&db, &["show", &id, "--format", "json", "--now", now]);
    let last = show["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "delivered");
    assert_eq!(last["item"], 1);
    assert_eq!(show["items"][1]["status"], "delivered");
    let due = json(
        &db,
        &["due", "--format", "json", "--upcoming", "--now", now],
    );
    let actions: Vec<&str> = due["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"confirm"), "{actions:?}");

    // The text output is Chinese by default.
    let (_, text, _) = liaison(&db, &["due", "--now", now]);
    assert!(text.contains("升级（已逾期）"), "{text}");
    // A hand-made mark reads as such in the timeline, in the run's language.
    let (_, text, _) = liaison(&db, &["show", &id, "--now", now]);
    assert!(
        text.contains("（手动记录）") && !text.contains("manual"),
        "{text}"
    );
    let (_, text, _) = liaison(&db, &["show", &id, "--now", now, "--lang", "en"]);
    assert!(text.contains("(recorded by hand)"), "{text}");
}

/// A subject tag configured in `[lint.kinds]` is read by the tracker as by the linter.
#[test]
fn tracker_reads_configured_kind_aliases() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    let raw = std::fs::read_to_string(story().join("01-open.eml")).unwrap();
    let mail = dir.path().join("open.eml");
    std::fs::write(&mail, raw.replace("【需求对接】", "【对接需求】")).unwrap();
    std::fs::write(
        dir.path().join("liaison.toml"),
        "[lint.kinds]\n\"对接需求\" = \"需求对接\"\n",
    )
    .unwrap();
    let (code, _, err) = liaison(&db, &["ingest", mail.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let list = json(
        &db,
        &[
            "list",
            "--format",
            "json",
            "--now",
            "2026-09-24T10:00:00+08:00",
        ],
    );
    let cs = list["collaborations"].as_array().unwrap();
    assert_eq!(cs.len(), 1, "{list}");
    assert_eq!(cs[0]["kind"], "需求对接");
    assert_eq!(cs[0]["subject"], "【对接需求】订单导出改造-技术部/数据部");

    // A bad [lint.kinds] entry stops the tracker with the file named, as it stops the linter.
    std::fs::write(
        dir.path().join("liaison.toml"),
        "[lint.kinds]\n\"对接需求\" = \"no-such-kind\"\n",
    )
    .unwrap();
    let (code, _, err) = liaison(&db, &["ingest", mail.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(
        err.contains("liaison.toml") && err.contains("no-such-kind"),
        "{err}"
    );
}

/// Closure by hand: confirmed → archive is due; a retro held in a meeting and the archive
/// are recorded with `mark`, after which nothing is due.
#[test]
fn mark_retro_and_archive_close_a_collaboration() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    ingest(&db, &["01-open.eml", "02-ack-wanglei.eml"]);
    let now = "2026-09-25T10:00:00+08:00";
    let list = json(&db, &["list", "--format", "json", "--now", now]);
    let id = list["collaborations"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let actions = |db: &Path| -> Vec<String> {
        let due = json(db, &["due", "--format", "json", "--upcoming", "--now", now]);
        due["due"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["collaboration"] == id.as_str())
            .map(|a| a["action"].as_str().unwrap().to_string())
            .collect()
    };
    for what in ["delivered", "confirmed"] {
        json(&db, &["mark", &id, what, "--now", now, "--format", "json"]);
    }
    assert_eq!(actions(&db), ["archive"]);

    let (code, _, err) = liaison(&db, &["mark", &id, "retro", "--item", "1", "--now", now]);
    assert_eq!(code, 2);
    assert!(err.contains("--item"), "{err}");

    let m = json(
        &db,
        &["mark", &id, "retro", "--now", now, "--format", "json"],
    );
    assert_eq!(m["state"], "reviewed");
    assert_eq!(actions(&db), ["archive"]);
    let m = json(
        &db,
        &["mark", &id, "archived", "--now", now, "--format", "json"],
    );
    assert_eq!(m["state"], "archived");
    assert!(actions(&db).is_empty());
    let show = json(&db, &["show", &id, "--format", "json", "--now", now]);
    let kinds: Vec<&str> = show["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.ends_with(&["retro", "archived"]), "{kinds:?}");
}

/// A PostgreSQL URL given to `--db` (or `[store] db`) used to be taken as a file path, so
/// liaison quietly created `postgres:/…/x.db` beside the user and wrote there. It is an
/// error naming the flag to use, and nothing is created.
#[test]
fn a_url_given_as_the_sqlite_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str], lang: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_liaison"))
            .args(args)
            .env_remove("LIAISON_DATABASE_URL")
            .env_remove("LIAISON_DB")
            .env_remove("LIAISON_CONFIG")
            .env("LIAISON_LANG", lang)
            .env("HOME", dir.path())
            .current_dir(dir.path())
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };

    let (code, err) = run(
        &["--db", "postgres://liaison@127.0.0.1:5432/team", "list"],
        "zh",
    );
    assert_ne!(code, Some(0), "{err}");
    assert!(err.contains("--db"), "{err}");
    assert!(err.contains("--database-url"), "{err}");
    assert!(err.contains("PostgreSQL 地址"), "{err}");

    std::fs::write(
        dir.path().join("liaison.toml"),
        "[store]\ndb = \"postgresql://db.example.com/liaison\"\n",
    )
    .unwrap();
    let config = dir.path().join("liaison.toml");
    let (code, err) = run(&["--config", config.to_str().unwrap(), "list"], "en");
    assert_ne!(code, Some(0), "{err}");
    assert!(err.contains("liaison.toml"), "{err}");
    assert!(err.contains("[store] database_url"), "{err}");
    assert!(err.contains("not a SQLite file"), "{err}");

    // Nothing was created under a folder named after the scheme.
    assert!(!dir.path().join("postgres:").exists());
    assert!(!dir.path().join("postgresql:").exists());

    // A plain file name still works.
    let (code, err) = run(&["--db", "plain.db", "list"], "zh");
    assert_eq!(code, Some(0), "{err}");
    assert!(dir.path().join("plain.db").exists());
}
