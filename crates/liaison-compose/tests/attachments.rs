//! Attachments are confined to the brief's folder (issue 9, item 3): no `..`, no absolute
//! paths, no symlink leading out, only regular files (a FIFO or /dev/zero must neither hang
//! nor eat memory), and a size limit checked before reading. Each refusal names the brief
//! file, the line of the `path` key and the fix, together with the brief's other problems.

use liaison_compose::attachments::{AttachmentError, AttachmentRules, load_brief};
use liaison_model::{Directory, Kind, Problems};
use std::path::{Path, PathBuf};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn directory() -> Directory {
    let p = examples().join("directory.toml");
    Directory::from_toml("directory.toml", &std::fs::read_to_string(p).unwrap()).unwrap()
}

/// The example request brief with its attachment path replaced by `path`.
fn brief_text(path: &str) -> String {
    let text = std::fs::read_to_string(examples().join("request.toml")).unwrap();
    let line = "path = \"Q3用户调研需求清单.xlsx\"";
    assert!(text.contains(line));
    text.replace(line, &format!("path = {}", toml_string(path)))
}

fn toml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// A folder holding the brief (with the given attachment path), and a file next to it.
fn setup(path: &str) -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let briefs = t.path().join("briefs");
    std::fs::create_dir(&briefs).unwrap();
    std::fs::write(briefs.join("ok.xlsx"), b"spreadsheet").unwrap();
    std::fs::write(t.path().join("secret.txt"), b"TOP SECRET").unwrap();
    let brief = briefs.join("request.toml");
    std::fs::write(&brief, brief_text(path)).unwrap();
    (t, brief)
}

fn load(brief: &Path, rules: &AttachmentRules) -> Result<Vec<Vec<u8>>, Problems> {
    load_brief(brief, Some(Kind::Request), &directory(), rules)
        .map(|(_, a)| a.into_iter().map(|a| a.data).collect())
}

fn default_rules(brief: &Path) -> AttachmentRules {
    AttachmentRules::for_brief(brief)
}

fn path_line(brief: &Path) -> usize {
    let text = std::fs::read_to_string(brief).unwrap();
    text.lines().position(|l| l.starts_with("path =")).unwrap() + 1
}

/// Loads and expects exactly one problem, on the `path` line; returns it.
fn refused(brief: &Path, rules: &AttachmentRules) -> liaison_model::Problem {
    let e = load(brief, rules).expect_err("the attachment must be refused");
    assert_eq!(e.0.len(), 1, "{}", e.render(true));
    let p = e.0[0].clone();
    assert_eq!(p.line, path_line(brief), "{}", e.render(true));
    assert_eq!(p.file, brief.display().to_string());
    assert!(!p.help.is_empty() && !p.help_en.is_empty());
    p
}

#[test]
fn a_file_in_the_brief_folder_is_read() {
    let (_t, brief) = setup("ok.xlsx");
    let data = load(&brief, &default_rules(&brief)).unwrap();
    assert_eq!(data, vec![b"spreadsheet".to_vec()]);
}

#[test]
fn a_file_in_a_subfolder_and_a_symlink_inside_the_folder_are_read() {
    let (_t, brief) = setup("sub/link.xlsx");
    let folder = brief.parent().unwrap();
    std::fs::create_dir(folder.join("sub")).unwrap();
    std::os::unix::fs::symlink(folder.join("ok.xlsx"), folder.join("sub/link.xlsx")).unwrap();
    let data = load(&brief, &default_rules(&brief)).unwrap();
    assert_eq!(data, vec![b"spreadsheet".to_vec()]);
}

#[test]
fn parent_components_are_refused() {
    let (_t, brief) = setup("../secret.txt");
    let p = refused(&brief, &default_rules(&brief));
    assert!(p.message_en.contains(".."), "{}", p.message_en);
    assert!(p.message.contains("../secret.txt"), "{}", p.message);
    // Even one that would come back inside.
    let (_t, brief) = setup("../briefs/ok.xlsx");
    refused(&brief, &default_rules(&brief));
}

#[test]
fn absolute_paths_are_refused() {
    for path in ["/etc/passwd", "/dev/zero"] {
        let (_t, brief) = setup(path);
        let p = refused(&brief, &default_rules(&brief));
        assert!(p.message_en.contains("absolute"), "{}", p.message_en);
    }
}

#[test]
fn a_symlink_leading_out_of_the_folder_is_refused() {
    let (t, brief) = setup("innocent.pdf");
    let folder = brief.parent().unwrap();
    std::os::unix::fs::symlink(t.path().join("secret.txt"), folder.join("innocent.pdf")).unwrap();
    let p = refused(&brief, &default_rules(&brief));
    assert!(p.message_en.contains("outside"), "{}", p.message_en);
    // The same through a symlinked folder.
    let (t, brief) = setup("dir/secret.txt");
    std::os::unix::fs::symlink(t.path(), brief.parent().unwrap().join("dir")).unwrap();
    refused(&brief, &default_rules(&brief));
}

#[test]
fn devices_fifos_and_folders_are_refused_without_reading() {
    // /dev/zero through a symlink in the folder: refused as outside, and as a device when
    // the root is `/`, never read (it would grow memory without bound).
    let (_t, brief) = setup("zero");
    std::os::unix::fs::symlink("/dev/zero", brief.parent().unwrap().join("zero")).unwrap();
    refused(&brief, &default_rules(&brief));
    let (_t, brief) = setup("zero");
    let rules = AttachmentRules::new(Path::new("/dev"), 25 << 20);
    let p = refused(&brief, &rules);
    assert!(
        p.message_en.contains("not a regular file"),
        "{}",
        p.message_en
    );
    assert!(p.message_en.contains("device"), "{}", p.message_en);

    // A FIFO would block the reader forever.
    let (_t, brief) = setup("pipe");
    let fifo = brief.parent().unwrap().join("pipe");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(ok.success());
    let p = refused(&brief, &default_rules(&brief));
    assert!(p.message_en.contains("FIFO"), "{}", p.message_en);

    // A folder.
    let (_t, brief) = setup("sub");
    std::fs::create_dir(brief.parent().unwrap().join("sub")).unwrap();
    let p = refused(&brief, &default_rules(&brief));
    assert!(p.message_en.contains("folder"), "{}", p.message_en);
}

#[test]
fn the_size_limit_is_checked_before_reading() {
    let (_t, brief) = setup("ok.xlsx");
    let n = "spreadsheet".len() as u64;
    let root = brief.parent().unwrap();
    let exact = AttachmentRules::new(root, n);
    assert_eq!(load(&brief, &exact).unwrap()[0].len() as u64, n);
    let small = AttachmentRules::new(root, n - 1);
    let p = refused(&brief, &small);
    assert!(p.message_en.contains("limit"), "{}", p.message_en);
    assert!(p.help.contains("attachment_max_mb"), "{}", p.help);
}

#[test]
fn a_missing_file_names_the_line_and_the_fix() {
    let (_t, brief) = setup("nope.xlsx");
    let p = refused(&brief, &default_rules(&brief));
    assert!(p.message.contains("nope.xlsx"), "{}", p.message);
    assert!(p.help_en.contains("relative to"), "{}", p.help_en);
}

#[test]
fn an_attachments_root_replaces_the_brief_folder() {
    let (t, brief) = setup("secret.txt");
    // Relative to the brief's folder there is no secret.txt; relative to the root there is.
    refused(&brief, &default_rules(&brief));
    let rules = AttachmentRules::new(t.path(), 25 << 20);
    assert_eq!(load(&brief, &rules).unwrap(), vec![b"TOP SECRET".to_vec()]);
}

#[test]
fn attachment_problems_come_with_the_other_brief_problems() {
    let (_t, brief) = setup("../secret.txt");
    let text = std::fs::read_to_string(&brief).unwrap();
    std::fs::write(&brief, format!("projcet = \"x\"\n{text}")).unwrap();
    let e = load(&brief, &default_rules(&brief)).unwrap_err();
    assert_eq!(e.0.len(), 2, "{}", e.render(true));
    assert_eq!(e.0[0].line, 1);
    assert_eq!(e.0[1].line, path_line(&brief));
}

#[test]
fn error_variants_render_in_both_languages() {
    let errs = [
        AttachmentError::Absolute { path: "/x".into() },
        AttachmentError::ParentDir {
            path: "../x".into(),
        },
    ];
    for e in errs {
        assert!(e.message(false).contains('“'), "{}", e.message(false));
        assert!(e.message(true).is_ascii(), "{}", e.message(true));
        assert!(e.help(true).is_ascii(), "{}", e.help(true));
    }
}
