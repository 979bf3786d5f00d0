//! Closing the loop (issue 12): the demo's ten-working-day story (a delay, two nudges, an
//! escalation) through `confirm` → `retro` → `archive`, the archive asserted file by file
//! and verified (and failing once a file is tampered with); a rejection reopening an
//! item; unsafe attachment names; the forms through calamine and LibreOffice; reading a
//! 任务分工表 back; the calendar through Python `icalendar`; the report's numbers on the
//! story; and the chart's Chinese in real Chromium.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const ID_PREFIX: &str = "";

fn story() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../liaison-engine/tests/story")
}

fn liaison(dir: &Path, args: &[&str]) -> (i32, String, String) {
    liaison_in(dir, args, "zh")
}

/// `liaison` with the story's store and directory, in `lang`.
fn liaison_in(dir: &Path, args: &[&str], lang: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_liaison"))
        .args(args)
        .arg("--db")
        .arg(dir.join("t.db"))
        .arg("--directory")
        .arg(story().join("directory.toml"))
        .args(["--me", "zhaomin@example.com"])
        .env_remove("LIAISON_DATABASE_URL")
        .env_remove("LIAISON_CONFIG")
        .env("LIAISON_LANG", lang)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let (code, out, err) = liaison(dir, args);
    assert_eq!(code, 0, "liaison {args:?}: {err}");
    out
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let out = ok(dir, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// A store with the story's mails `01..=upto`, and the collaboration's id.
fn story_store(upto: usize) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(story())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    files.sort();
    files.truncate(upto);
    let mut args = vec!["ingest".to_string()];
    args.extend(files.iter().map(|p| p.display().to_string()));
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(dir.path(), &a);
    let list = json(dir.path(), &["list", "--format", "json"]);
    let id = list["collaborations"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(id.starts_with(ID_PREFIX));
    (dir, id)
}

fn sha256_file(p: &Path) -> String {
    liaison_store_sha(&std::fs::read(p).unwrap())
}

fn liaison_store_sha(b: &[u8]) -> String {
    // Python's hashlib is the independent oracle here.
    let py = python();
    let out = Command::new(py)
        .args([
            "-c",
            "import hashlib,sys;print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(b)?;
            c.wait_with_output()
        })
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn python() -> String {
    std::env::var("LIAISON_TEST_PYTHON").unwrap_or_else(|_| {
        panic!("LIAISON_TEST_PYTHON is not set: run scripts/test (it creates .venv-test with the Python test tools and sets it)")
    })
}

fn lint_clean(dir: &Path, file: &Path, now: &str) {
    let (code, out, err) = liaison(dir, &["lint", file.to_str().unwrap(), "--now", now]);
    assert_eq!(
        code,
        0,
        "lint {}:\n{out}\n{err}\n{}",
        file.display(),
        std::fs::read_to_string(file).unwrap()
    );
    // Clean means no warning either.
    assert!(
        out.contains("0个错误，0个警告"),
        "lint {}:\n{out}\n{}",
        file.display(),
        std::fs::read_to_string(file).unwrap()
    );
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(
                    p.strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_story_goes_through_confirm_retro_and_archive() {
    let (d, id) = story_store(10);
    let dir = d.path();
    // 10/13 10:00: Wang Lei's evaluation (item 1) arrived yesterday 17:00; Li Na's data
    // (item 2) was confirmed by mail on 10/8.
    let now = "2026-10-13T10:00:00+08:00";
    let v = json(
        dir,
        &[
            "confirm", &id, "--item", "1", "--accept", "--now", now, "--format", "json",
        ],
    );
    assert_eq!(v["result"], "accepted");
    assert_eq!(v["state"], "confirmed");
    assert_eq!(v["subject"], "【成果确认】订单导出改造-技术部-一般");
    let body = v["body"].as_str().unwrap();
    assert!(body.contains("王磊负责评估订单导出接口改造方案"), "{body}");
    assert!(body.contains("交付标准：包含工期与风险评估"), "{body}");
    assert!(body.contains("事项1已于10月12日17:00交付"), "{body}");
    assert!(body.contains("归档"), "next step: {body}");
    // The same draft as a plain draft is lint clean.
    let draft = dir.join("confirm.md");
    ok(
        dir,
        &[
            "confirm",
            &id,
            "--item",
            "1",
            "--now",
            now,
            "-o",
            draft.to_str().unwrap(),
        ],
    );
    lint_clean(dir, &draft, now);

    // 复盘 on 10/14.
    let now = "2026-10-14T10:00:00+08:00";
    let v = json(dir, &["retro", &id, "--now", now, "--format", "json"]);
    let r = &v["retro"];
    assert_eq!(r["items"][0]["days_late"], 3);
    assert_eq!(r["items"][0]["nudges"], 0);
    assert_eq!(
        r["items"][0]["cause"],
        "赵敏你好，接口改造涉及支付模块，原定10月9日来不及。"
    );
    assert_eq!(r["items"][1]["days_late"], 9);
    assert_eq!(r["items"][1]["nudges"], 2);
    assert_eq!(r["items"][1]["cause"], "抱歉节前休假未及时回复。");
    assert_eq!(r["escalations"].as_array().unwrap().len(), 1);
    assert!(
        r["escalations"][0]["cause"]
            .as_str()
            .unwrap()
            .contains("需升级协调")
    );
    assert_eq!(r["nudges"], 2);
    let well: Vec<&str> = r["went_well"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(
        well.iter().any(|w| w.contains("承诺时间前交付")),
        "{well:?}"
    );
    let body = v["body"].as_str().unwrap();
    assert!(
        body.contains("延误3天") && body.contains("延误9天"),
        "{body}"
    );
    assert!(body.contains("改进措施"), "{body}");
    assert_eq!(v["attachments"][0], "成果确认与复盘表.xlsx");
    let retro = dir.join("retro.md");
    ok(
        dir,
        &[
            "retro",
            &id,
            "--now",
            now,
            "--dry-run",
            "-o",
            retro.to_str().unwrap(),
        ],
    );
    lint_clean(dir, &retro, now);
    let show = json(dir, &["show", &id, "--format", "json", "--now", now]);
    assert_eq!(show["state"], "reviewed");

    // Archive.
    let out = dir.join("out");
    let a = json(
        dir,
        &[
            "archive",
            &id,
            "--to",
            out.to_str().unwrap(),
            "--now",
            "2026-10-15T10:00:00+08:00",
            "--format",
            "json",
        ],
    );
    let folder = out.join("跨部门协作-订单导出改造");
    assert_eq!(Path::new(a["folder"].as_str().unwrap()), folder);
    let expect = [
        "attachments/orders.csv",
        "forms/任务分工表.xlsx",
        "forms/成果确认与复盘表.xlsx",
        "forms/进度跟踪表.xlsx",
        "forms/问题升级记录表.xlsx",
        "forms/需求表-回执.xlsx",
        "index.html",
        "mails/2026-09-23_1000 【需求对接】订单导出改造-技术部_数据部.eml",
        "mails/2026-09-24_0930 回复：【需求对接】订单导出改造-技术部_数据部.eml",
        "mails/2026-09-24_1400 Re_ 【需求对接】订单导出改造-技术部_数据部.eml",
        "mails/2026-09-28_0940 Re_ 【需求对接】订单导出改造-技术部_数据部.eml",
        "mails/2026-09-29_1100 回复：【需求对接】订单导出改造-技术部_数据部.eml",
        "mails/2026-09-29_1830 升级：【需求对接】订单导出改造-技术部_数据部.eml",
        "mails/2026-09-30_1000 进度同步：【需求对接】订单导出改造-技术部_数据部.eml",
        "mails/2026-10-08_1000 回复：升级：【需求对接】订单导出改造-技术部_数据部.eml",
        "mails/2026-10-08_1500 Re_ 【需求对接】订单导出改造-技术部_数据部.eml",
        "mails/2026-10-12_1700 回复：进度同步：【需求对接】订单导出改造-技术部_数据部.eml",
        "manifest.json",
    ];
    let mut want: Vec<String> = expect.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(files_under(&folder), want);
    // Every mail is the stored message byte for byte; the attachment is its content.
    let mut originals: Vec<PathBuf> = std::fs::read_dir(story())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    originals.sort();
    let mails: Vec<&&str> = expect.iter().filter(|p| p.starts_with("mails/")).collect();
    assert_eq!(mails.len(), 10);
    for (m, o) in mails.iter().zip(&originals) {
        assert_eq!(
            std::fs::read(folder.join(m)).unwrap(),
            std::fs::read(o).unwrap(),
            "{m} is {}",
            o.display()
        );
    }
    assert_eq!(
        std::fs::read_to_string(folder.join("attachments/orders.csv"))
            .unwrap()
            .replace("\r\n", "\n"),
        "order_id,amount\n1,100\n"
    );
    // The manifest: the contract's shape, every file but itself, SHA-256 as Python sees it.
    let m: Value =
        serde_json::from_slice(&std::fs::read(folder.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m["collaboration"], id.as_str());
    let files = m["files"].as_array().unwrap();
    assert_eq!(files.len(), expect.len() - 1);
    for f in files {
        let p = folder.join(f["path"].as_str().unwrap());
        assert_eq!(
            f["sha256"].as_str().unwrap(),
            sha256_file(&p),
            "{}",
            p.display()
        );
        assert_eq!(
            f["bytes"].as_u64().unwrap(),
            std::fs::metadata(&p).unwrap().len()
        );
        assert_eq!(f.as_object().unwrap().len(), 3);
    }
    // index.html links every mail and the attachment, and shows the timeline in Chinese.
    let html = std::fs::read_to_string(folder.join("index.html")).unwrap();
    assert!(
        html.contains("<td>升级</td>") || html.contains("<td>升级"),
        "{html}"
    );
    assert!(html.contains("href=\"attachments/orders.csv\""));
    assert!(html.matches("href=\"mails/").count() >= 10);
    assert!(
        !html.contains("归档</td>"),
        "the archive's own event is not in the archive"
    );
    let show = json(dir, &["show", &id, "--format", "json"]);
    assert_eq!(show["state"], "archived");
    // Verify passes; archiving again (later) gives the same folder.
    let (code, vout, _) = liaison(dir, &["archive", "--verify", folder.to_str().unwrap()]);
    assert_eq!(code, 0, "{vout}");
    let before: Vec<(String, String)> = files_under(&folder)
        .into_iter()
        .map(|f| {
            let h = sha256_file(&folder.join(&f));
            (f, h)
        })
        .collect();
    ok(
        dir,
        &[
            "archive",
            &id,
            "--to",
            out.to_str().unwrap(),
            "--now",
            "2026-10-20T10:00:00+08:00",
        ],
    );
    let after: Vec<(String, String)> = files_under(&folder)
        .into_iter()
        .map(|f| {
            let h = sha256_file(&folder.join(&f));
            (f, h)
        })
        .collect();
    assert_eq!(before, after);
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        1,
        "no temporary folder left behind"
    );
    // Tampering with one file fails the check, naming it.
    let victim = folder.join("attachments/orders.csv");
    let kept = std::fs::read(&victim).unwrap();
    std::fs::write(&victim, "order_id,amount\n1,999\n").unwrap();
    let (code, vout, _) = liaison(dir, &["archive", "--verify", folder.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(vout.contains("attachments/orders.csv"), "{vout}");
    // A file added by hand is named too.
    std::fs::write(&victim, kept).unwrap();
    std::fs::write(folder.join("extra.txt"), "x").unwrap();
    let (code, out, _) = liaison(
        dir,
        &[
            "archive",
            "--verify",
            folder.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["mismatches"][0]["path"], "extra.txt");
    assert_eq!(v["mismatches"][0]["problem"], "unlisted");
}

#[test]
fn a_rejection_reopens_the_item_with_the_deadline_of_the_reason() {
    let (d, id) = story_store(10);
    let dir = d.path();
    let now = "2026-10-13T10:00:00+08:00";
    let v = json(
        dir,
        &[
            "confirm",
            &id,
            "--item",
            "1",
            "--reject",
            "缺少风险评估部分，请于10月16日18:00前补充",
            "--now",
            now,
            "--format",
            "json",
        ],
    );
    assert_eq!(v["result"], "rejected");
    assert_eq!(v["new_deadline"], "2026-10-16T18:00:00+08:00");
    assert!(v["body"].as_str().unwrap().contains("缺少风险评估部分"));
    let show = json(dir, &["show", &id, "--format", "json", "--now", now]);
    assert_eq!(show["items"][0]["status"], "open");
    assert_eq!(show["items"][0]["due"], "2026-10-16T18:00:00+08:00");
    assert_eq!(show["state"], "in-progress");
    // A reason without a deadline is refused, nothing recorded.
    let (code, _, err) = liaison(
        dir,
        &[
            "confirm",
            &id,
            "--item",
            "2",
            "--reject",
            "格式不对",
            "--now",
            now,
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("截止时间"), "{err}");
    let show = json(dir, &["show", &id, "--format", "json", "--now", now]);
    assert_eq!(show["items"][1]["status"], "confirmed");
}

#[test]
fn archive_refuses_bad_targets_and_writes_nothing() {
    let (d, id) = story_store(3);
    let dir = d.path();
    let (code, _, err) = liaison(dir, &["archive", &id, "--to", "a/../b"]);
    assert_eq!(code, 2);
    assert!(err.contains(".."), "{err}");
    assert!(!dir.join("b").exists());
    std::fs::create_dir(dir.join("real")).unwrap();
    std::os::unix::fs::symlink(dir.join("real"), dir.join("link")).unwrap();
    let (code, _, err) = liaison(dir, &["archive", &id, "--to", "link"]);
    assert_eq!(code, 2);
    assert!(err.contains("符号链接"), "{err}");
    assert_eq!(std::fs::read_dir(dir.join("real")).unwrap().count(), 0);
    let foreign = dir.join("x/跨部门协作-订单导出改造");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "mine").unwrap();
    let (code, _, err) = liaison(dir, &["archive", &id, "--to", "x"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("notes.txt") || err.contains("manifest.json"),
        "{err}"
    );
    assert_eq!(
        files_under(&dir.join("x")),
        ["跨部门协作-订单导出改造/notes.txt"]
    );
    // By project: the same folder and manifest; an unknown project is an error.
    let v = json(
        dir,
        &[
            "archive",
            "--project",
            "订单导出改造",
            "--to",
            "p",
            "--format",
            "json",
        ],
    );
    assert_eq!(v["manifest"]["collaboration"], id.as_str());
    assert!(dir.join("p/跨部门协作-订单导出改造/index.html").is_file());
    let (code, _, err) = liaison(dir, &["archive", "--project", "没有这个项目", "--to", "q"]);
    assert_eq!(code, 2);
    assert!(err.contains("没有这个项目的协作"), "{err}");
    assert!(!dir.join("q").exists());
    // No write permission, and a full disk: a clear error in the run's language, nothing
    // half-written.
    let ro = dir.join("ro");
    std::fs::create_dir(&ro).unwrap();
    let root = unsafe { libc_geteuid() } == 0;
    if root {
        // Root may write anywhere permissions say no; an immutable folder refuses root too.
        run_ok("chattr", &["+i", ro.to_str().unwrap()]);
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let (code, _, err) = liaison(dir, &["archive", &id, "--to", "ro"]);
    let (_, _, en) = liaison_in(dir, &["archive", &id, "--to", "ro"], "en");
    if root {
        run_ok("chattr", &["-i", ro.to_str().unwrap()]);
    }
    assert_eq!(code, 2);
    assert!(
        err.contains("没有写权限") && err.contains("未写入任何内容"),
        "{err}"
    );
    assert!(
        !err.contains("permission"),
        "English in a Chinese run: {err}"
    );
    assert!(en.contains("no write permission") && en.is_ascii(), "{en}");
    assert_eq!(std::fs::read_dir(&ro).unwrap().count(), 0);
    if root {
        let full = dir.join("full");
        std::fs::create_dir(&full).unwrap();
        // A 16 KiB file system: the forms alone are larger.
        run_ok(
            "mount",
            &[
                "-t",
                "tmpfs",
                "-o",
                "size=16k",
                "tmpfs",
                full.to_str().unwrap(),
            ],
        );
        let (code, _, err) = liaison(dir, &["archive", &id, "--to", "full"]);
        let left = std::fs::read_dir(&full).unwrap().count();
        run_ok("umount", &[full.to_str().unwrap()]);
        assert_eq!(code, 2);
        assert!(err.contains("磁盘已满"), "{err}");
        assert_eq!(left, 0, "a full disk left a half-written folder");
    } else {
        eprintln!("full disk not tested: mounting a small file system needs root");
    }
}

/// Runs a system tool the test needs, failing with how to get it.
fn run_ok(tool: &str, args: &[&str]) {
    let st = Command::new(tool).args(args).status().unwrap_or_else(|e| {
        panic!(
            "{tool}: {e} (this test runs as root with e2fsprogs and mount, as scripts/test does)"
        )
    });
    assert!(
        st.success(),
        "{tool} {args:?} failed (this test needs root with mount rights, as scripts/test runs it)"
    );
}

unsafe extern "C" {
    #[link_name = "geteuid"]
    fn libc_geteuid() -> u32;
}

#[test]
fn attachment_names_are_made_safe_and_deduplicated() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("{}.txt", "长".repeat(100));
    let parts: Vec<(String, &str)> = vec![
        ("../../evil.txt".into(), "evil"),
        ("CON".into(), "con"),
        ("a\u{1}b.txt".into(), "ctl"),
        (long.clone(), "long"),
        ("same.txt".into(), "one"),
        ("same.txt".into(), "two"),
        ("copy.txt".into(), "one"),
        ("dir\\x.txt".into(), "bs"),
    ];
    let mut eml = String::from(
        "Message-ID: <att-1@example.com>\r\nDate: Wed, 23 Sep 2026 10:00:00 +0800\r\nFrom: 赵敏 <zhaomin@example.com>\r\nTo: 王磊 <wanglei@example.com>\r\nSubject: 【需求对接】附件测试-技术部\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n王磊您好：请于10月9日18:00前提交评估，交付标准：包含工期。\r\n",
    );
    for (name, body) in &parts {
        let enc = format!("=?utf-8?B?{}?=", base64(name.as_bytes()));
        eml.push_str(&format!("--b\r\nContent-Type: text/plain; name=\"{enc}\"\r\nContent-Disposition: attachment; filename=\"{enc}\"\r\n\r\n{body}\r\n"));
    }
    eml.push_str("--b--\r\n");
    std::fs::write(dir.path().join("a.eml"), eml).unwrap();
    ok(dir.path(), &["ingest", "a.eml"]);
    let id = json(dir.path(), &["list", "--format", "json"])["collaborations"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = dir.path().join("out");
    ok(dir.path(), &["archive", &id, "--to", out.to_str().unwrap()]);
    let folder = out.join("跨部门协作-附件测试");
    let atts: Vec<String> = files_under(&folder)
        .into_iter()
        .filter(|f| f.starts_with("attachments/"))
        .map(|f| f["attachments/".len()..].to_string())
        .collect();
    assert!(atts.contains(&"_.._evil.txt".to_string()), "{atts:?}");
    assert!(atts.contains(&"_CON".to_string()), "{atts:?}");
    assert!(atts.contains(&"a_b.txt".to_string()), "{atts:?}");
    assert!(
        atts.contains(&"same.txt".to_string()) && atts.contains(&"same (2).txt".to_string()),
        "{atts:?}"
    );
    assert!(atts.contains(&"dir_x.txt".to_string()), "{atts:?}");
    assert!(
        !atts.iter().any(|a| a.starts_with("copy")),
        "same bytes are kept once: {atts:?}"
    );
    assert!(atts.iter().all(|a| a.len() <= 180), "{atts:?}");
    assert_eq!(atts.len(), 7, "{atts:?}");
    assert!(!dir.path().join("evil.txt").exists() && !out.join("evil.txt").exists());
}

fn base64(b: &[u8]) -> String {
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in b.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                s.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

#[test]
fn forms_round_trip_through_calamine_and_open_in_libreoffice() {
    use calamine::{Data, Reader, Xlsx};
    let (d, id) = story_store(11);
    let dir = d.path();
    let now = "2026-10-13T12:00:00+08:00";
    for kind in ["request", "assignment", "progress", "escalation", "retro"] {
        let f = dir.join(format!("{kind}.xlsx"));
        ok(
            dir,
            &[
                "form",
                kind,
                &id,
                "--format",
                "xlsx",
                "-o",
                f.to_str().unwrap(),
                "--now",
                now,
            ],
        );
        let mut wb: Xlsx<_> = calamine::open_workbook(&f).unwrap();
        let sheet = wb.sheet_names()[0].clone();
        let range = wb.worksheet_range(&sheet).unwrap();
        let header: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert!(
            header.iter().all(|h| h
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || h == "No.")),
            "{header:?}"
        );
        match kind {
            "progress" => {
                assert_eq!(sheet, "进度跟踪表");
                assert_eq!(header[..4], ["序号", "事项", "负责人", "状态"]);
                let row = range.rows().nth(1).unwrap();
                assert_eq!(row[3], Data::String("已确认".into()));
                // 计划完成时间 is a real Excel date: 2026-10-09 18:00.
                match &row[4] {
                    Data::DateTime(t) => {
                        assert!((t.as_f64() - 46304.75).abs() < 1e-6, "{}", t.as_f64())
                    }
                    other => panic!("not a date: {other:?}"),
                }
                assert_eq!(row[8], Data::Float(0.0));
                assert_eq!(range.rows().nth(2).unwrap()[8], Data::Float(2.0));
            }
            "escalation" => assert_eq!(range.height(), 2),
            "retro" => {
                let row = range.rows().nth(2).unwrap();
                assert_eq!(row[6], Data::Float(9.0));
                assert_eq!(row[9], Data::String("抱歉节前休假未及时回复。".into()));
                assert_eq!(row[10], Data::Empty, "改进措施 is left for people");
            }
            _ => assert_eq!(range.height(), 3),
        }
        // Frozen header and list validation, read from the sheet XML by Python's zipfile.
        let xml = Command::new(python())
            .args(["-c", "import zipfile,sys;print(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode())", f.to_str().unwrap()])
            .output()
            .unwrap();
        let xml = String::from_utf8(xml.stdout).unwrap();
        assert!(
            xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\""),
            "{kind}: no frozen header"
        );
        assert!(xml.contains("<cols>"), "{kind}: no column widths");
        if kind != "assignment" {
            assert!(xml.contains("type=\"list\""), "{kind}: no validation");
        }
        // LibreOffice opens it (it fails on a corrupt file) and reads the same header.
        let out = dir.join(format!("lo-{kind}"));
        let lo = Command::new("soffice")
            .args([
                "--headless",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76",
                "--outdir",
                out.to_str().unwrap(),
                f.to_str().unwrap(),
            ])
            .env("HOME", dir)
            .output()
            .expect("soffice not found: run scripts/test (it installs libreoffice-calc-nogui)");
        assert!(
            lo.status.success(),
            "{}",
            String::from_utf8_lossy(&lo.stderr)
        );
        let csv = std::fs::read_to_string(out.join(format!("{kind}.csv"))).unwrap_or_else(|_| {
            panic!(
                "LibreOffice wrote no CSV for {kind}: {}",
                String::from_utf8_lossy(&lo.stderr)
            )
        });
        assert!(csv.starts_with(&header.join(",")), "{kind}: {csv}");
    }
    let csv = ok(
        dir,
        &[
            "form",
            "assignment",
            &id,
            "--format",
            "csv",
            "-o",
            "-",
            "--now",
            now,
        ],
    );
    assert!(
        csv.starts_with("\u{feff}序号,做什么,谁来做,所属部门,何时完成,交付标准,备注\n"),
        "{csv}"
    );
    assert!(csv.contains("王磊负责评估订单导出接口改造方案,wanglei@example.com,技术部,2026-10-09 18:00,包含工期与风险评估"), "{csv}");
    // Our own 任务分工表 reads back into a kickoff brief.
    let f = dir.join("assignment.xlsx");
    let brief = ok(dir, &["new", "kickoff", "--from-xlsx", f.to_str().unwrap()]);
    assert!(
        brief.contains("what = \"王磊负责评估订单导出接口改造方案\""),
        "{brief}"
    );
    assert!(brief.contains("due = \"10月9日18:00前\""), "{brief}");
    assert!(
        brief.contains("standard = \"CSV格式、字段齐全\""),
        "{brief}"
    );
}

#[test]
fn a_foreign_assignment_sheet_is_read_as_far_as_it_can_be() {
    use rust_xlsxwriter::{Formula, Workbook};
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.merge_range(0, 0, 0, 4, "项目分工", &rust_xlsxwriter::Format::new())
        .unwrap();
    for (i, h) in ["编号", "任务", "负责人", "截止", "验收标准"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, i as u16, *h).unwrap();
    }
    ws.write_row(
        2,
        0,
        [
            "1",
            "整理需求清单",
            "王磊",
            "12月3日18:00前",
            "覆盖全部模块",
        ],
    )
    .unwrap();
    // An empty row, then a row whose owner is a formula, then one without an owner.
    ws.write_row(4, 0, ["2", "提供样例数据", ""]).unwrap();
    ws.write_formula(4, 2, Formula::new("=\"李\"&\"娜\""))
        .unwrap();
    ws.write_row(4, 3, ["12月5日", "CSV"]).unwrap();
    ws.write_row(5, 0, ["3", "评审", "", "12月8日", ""])
        .unwrap();
    let f = dir.path().join("foreign.xlsx");
    wb.save(&f).unwrap();
    let (code, out, err) = liaison(
        dir.path(),
        &["new", "kickoff", "--from-xlsx", f.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("what = \"整理需求清单\""), "{out}");
    assert!(out.contains("what = \"提供样例数据\""), "{out}");
    assert!(
        !out.contains("评审"),
        "a row without an owner is left out: {out}"
    );
    assert!(err.contains("A1:E1") && err.contains("合并单元格"), "{err}");
    assert!(err.contains("C5") && err.contains("公式"), "{err}");
    assert!(err.contains("C6") && err.contains("“谁来做”为空"), "{err}");
    // Not a workbook at all.
    std::fs::write(dir.path().join("x.xlsx"), "not a zip").unwrap();
    let (code, _, err) = liaison(dir.path(), &["new", "kickoff", "--from-xlsx", "x.xlsx"]);
    assert_eq!(code, 2);
    assert!(err.contains("不是 XLSX 工作簿"), "{err}");
}

#[test]
fn the_calendar_parses_with_python_icalendar() {
    let (d, id) = story_store(5);
    let dir = d.path();
    let now = "2026-09-29T12:00:00+08:00";
    let f = dir.join("deadlines.ics");
    ok(
        dir,
        &["ics", "--all", "-o", f.to_str().unwrap(), "--now", now],
    );
    let script = r#"
import icalendar, sys, json
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = {"tz": [str(t['TZID']) for t in cal.walk('VTIMEZONE')], "events": [], "todos": []}
for e in cal.walk('VEVENT'):
    out["events"].append({"uid": str(e['UID']), "end": e['DTEND'].dt.isoformat(), "summary": str(e['SUMMARY']),
                          "alarms": len(e.walk('VALARM')), "seq": int(e.get('SEQUENCE', 0))})
for t in cal.walk('VTODO'):
    out["todos"].append({"uid": str(t['UID']), "due": t['DUE'].dt.isoformat()})
print(json.dumps(out, ensure_ascii=False))
"#;
    let o = Command::new(python())
        .args(["-c", script, f.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "icalendar: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["tz"], serde_json::json!(["Asia/Shanghai"]));
    let ev = v["events"].as_array().unwrap();
    assert_eq!(ev.len(), 2);
    assert_eq!(ev[0]["uid"], format!("{id}-item-1@liaison"));
    assert_eq!(
        ev[0]["end"], "2026-10-12T18:00:00+08:00",
        "the promised time moved the deadline"
    );
    assert_eq!(ev[0]["seq"], 1);
    assert_eq!(ev[1]["end"], "2026-09-29T18:00:00+08:00");
    assert!(
        ev[1]["summary"]
            .as_str()
            .unwrap()
            .contains("李娜负责提供近三个月订单数据")
    );
    assert!(ev.iter().all(|e| e["alarms"] == 1));
    assert!(
        !v["todos"].as_array().unwrap().is_empty(),
        "the overdue follow-ups are todos"
    );
    // Stable: the same store gives the same UIDs (re-import updates).
    let again = ok(dir, &["ics", &id, "--now", now]);
    for e in ev {
        assert!(again.contains(&format!("UID:{}", e["uid"].as_str().unwrap())));
    }
}

#[test]
fn the_report_has_the_story_numbers() {
    let (d, _) = story_store(11);
    let dir = d.path();
    let now = "2026-10-13T12:00:00+08:00";
    let v = json(dir, &["report", "--format", "json", "--now", now]);
    assert_eq!(v["since"], "2026-09-23T10:00:00+08:00");
    assert_eq!(v["until"], now);
    let deps = v["departments"].as_array().unwrap();
    let get = |n: &str| {
        deps.iter()
            .find(|d| d["department"] == n)
            .unwrap_or_else(|| panic!("{n}: {v}"))
    };
    let tech = get("技术部");
    assert_eq!(tech["collaborations"], 1);
    // Wed 10:00 → Thu 09:30: 8 h + 0.5 h.
    assert_eq!(tech["first_reply_median_hours"], 8.5);
    assert_eq!(tech["first_reply_p90_hours"], 8.5);
    assert_eq!(tech["on_time_rate"], 0.0);
    assert_eq!(tech["nudges"], 0.0);
    assert_eq!(tech["escalations"], 1);
    assert_eq!(tech["open_overdue"], 0);
    let data = get("数据部");
    // 9/23 8 h, 9/24 9 h, (中秋 9/25–27), 9/28–30 27 h, (国庆 10/1–7), 10/8 1 h.
    assert_eq!(data["first_reply_median_hours"], 45.0);
    assert_eq!(data["nudges"], 2.0);
    assert_eq!(data["on_time_rate"], 0.0);
    let weeks = v["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 2);
    assert_eq!(weeks[0]["week"], "2026-W41");
    assert_eq!(weeks[1]["week"], "2026-W42");
    for k in [
        "department",
        "collaborations",
        "first_reply_median_hours",
        "first_reply_p90_hours",
        "on_time_rate",
        "nudges",
        "escalations",
        "open_overdue",
    ] {
        assert!(tech.get(k).is_some(), "{k}");
    }
    let csv = ok(dir, &["report", "--format", "csv", "--now", now]);
    assert!(csv.contains("技术部,1,8.5,8.5,0,0,1,0"), "{csv}");
    let text = ok(dir, &["report", "--now", now, "--by", "person"]);
    assert!(text.contains("王磊") && text.contains("李娜"), "{text}");
}

/// Renders `html` in headless Chromium and returns the PNG's path.
fn screenshot(dir: &Path, name: &str, html: &str) -> PathBuf {
    let page = dir.join(format!("{name}.html"));
    std::fs::write(&page, html).unwrap();
    let png = dir.join(format!("{name}.png"));
    let o = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=900,420",
        ])
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", page.display()))
        .env("HOME", dir)
        .output()
        .expect(
            "chromium not found: run scripts/test (it installs chromium and fonts-wqy-microhei)",
        );
    assert!(
        png.is_file(),
        "no screenshot: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    png
}

/// Dark pixels in a PNG, and how many distinct rows hold them (read by Python's zlib).
fn ink(png: &Path) -> Vec<u8> {
    let script = r#"
import zlib, struct, sys
d = open(sys.argv[1], 'rb').read()
w, h, bd, ct = struct.unpack('>IIBB', d[16:26])
idat = b''; i = 8
while i < len(d):
    n = struct.unpack('>I', d[i:i+4])[0]; t = d[i+4:i+8]
    if t == b'IDAT': idat += d[i+8:i+8+n]
    i += 12 + n
raw = zlib.decompress(idat); bpp = {2: 3, 6: 4}[ct]; stride = w * bpp
rows = []; prev = bytearray(stride); p = 0
for y in range(h):
    f = raw[p]; line = bytearray(raw[p+1:p+1+stride]); p += 1 + stride
    for x in range(stride):
        a = line[x-bpp] if x >= bpp else 0; b = prev[x]; c = prev[x-bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line)); prev = line
out = bytearray()
for r in rows:
    for x in range(w):
        px = r[x*bpp:x*bpp+3]
        out.append(1 if sum(px) < 200 else 0)
sys.stdout.buffer.write(struct.pack('>II', w, h) + bytes(out))
"#;
    let o = Command::new(python())
        .args(["-c", script, png.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o.stdout
}

#[test]
fn the_chart_shows_chinese_in_chromium() {
    let (d, _) = story_store(11);
    let dir = d.path();
    let svg = ok(
        dir,
        &[
            "report",
            "--format",
            "svg",
            "--now",
            "2026-10-13T12:00:00+08:00",
        ],
    );
    assert!(
        svg.contains("首次回复时间中位数") && svg.contains("技术部"),
        "{svg}"
    );
    // Tofu (a missing glyph) looks the same whatever the character: two different
    // strings of unassigned code points render alike, while two different Chinese strings
    // must render differently, and differently from tofu.
    let page = |text: &str| {
        format!(
            "<!DOCTYPE html><html><body style='margin:0;background:#fff'><div style=\"font-family:{};font-size:40px;padding:10px\">{text}</div></body></html>",
            liaison_closure_font()
        )
    };
    let dark = |v: &[u8]| v[8..].iter().filter(|&&b| b == 1).count();
    let a = ink(&screenshot(dir, "cjk-a", &page("首次回复")));
    let b = ink(&screenshot(dir, "cjk-b", &page("时间中位")));
    let tofu_a = ink(&screenshot(
        dir,
        "tofu-a",
        &page("\u{0378}\u{0379}\u{0380}\u{0381}"),
    ));
    let tofu_b = ink(&screenshot(
        dir,
        "tofu-b",
        &page("\u{0382}\u{0383}\u{038B}\u{038D}"),
    ));
    assert!(
        dark(&a) > 1000 && dark(&b) > 1000,
        "the Chinese has ink: {} {}",
        dark(&a),
        dark(&b)
    );
    assert_ne!(
        a, b,
        "two different Chinese strings render differently (not as boxes)"
    );
    assert_ne!(a, tofu_a, "Chinese does not render as tofu");
    if tofu_a != tofu_b {
        eprintln!(
            "note: missing glyphs render distinctly here (hex boxes); the check above still holds"
        );
    }
    // And the chart itself renders with Chinese in its caption area.
    let chart = ink(&screenshot(
        dir,
        "chart",
        &format!("<!DOCTYPE html><html><body style='margin:0'>{svg}</body></html>"),
    ));
    let w = u32::from_be_bytes(chart[0..4].try_into().unwrap()) as usize;
    let caption_ink = chart[8..]
        .chunks(w)
        .take(40)
        .map(|r| r[..450].iter().filter(|&&b| b == 1).count())
        .sum::<usize>();
    assert!(
        caption_ink > 300,
        "the chart's caption has no ink: {caption_ink}"
    );
}

fn liaison_closure_font() -> &'static str {
    "Microsoft YaHei, PingFang SC, WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif"
}

#[test]
fn the_retro_is_lint_clean_in_english_too() {
    let (d, id) = story_store(11);
    let dir = d.path();
    let now = "2026-10-14T10:00:00+08:00";
    let retro = dir.join("retro-en.md");
    ok(
        dir,
        &[
            "--lang",
            "en",
            "retro",
            &id,
            "--dry-run",
            "--now",
            now,
            "-o",
            retro.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&retro).unwrap();
    assert!(text.starts_with("Subject: [Retrospective] "), "{text}");
    assert!(
        text.contains("3 day(s) late") && text.contains("nudged 2 time(s)"),
        "{text}"
    );
    assert!(dir.join("confirmation-and-retro.xlsx").is_file());
    let (code, out, _) = liaison(
        dir,
        &[
            "--lang",
            "en",
            "lint",
            retro.to_str().unwrap(),
            "--now",
            now,
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
    // The 成果确认 draft too.
    let (d, id) = story_store(10);
    let dir = d.path();
    let now = "2026-10-13T10:00:00+08:00";
    let draft = dir.join("confirm-en.md");
    ok(
        dir,
        &[
            "--lang",
            "en",
            "confirm",
            &id,
            "--item",
            "1",
            "--now",
            now,
            "-o",
            draft.to_str().unwrap(),
        ],
    );
    let (code, out, _) = liaison(
        dir,
        &[
            "--lang",
            "en",
            "lint",
            draft.to_str().unwrap(),
            "--now",
            now,
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
}
