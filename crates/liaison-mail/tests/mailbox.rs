//! No silent skip (issue 9, item 10): every file a mailbox reader looks at is either read
//! or reported with the reason; mbox is recognised by its content; a path that does not
//! exist (or is a FIFO or device) fails when the mailbox is opened.

use liaison_mail::mailbox::{Format, Mailbox, MailboxError, detect};
use std::path::Path;

fn mail(i: usize) -> String {
    format!("From: a{i}@example.com\nSubject: m{i}\nMessage-ID: <m{i}@example.com>\n\nbody {i}\n")
}

/// What a mailbox yields: the sources read, and the notes and errors with their text.
fn drain(mb: Mailbox) -> (Vec<String>, Vec<(bool, String)>) {
    let mut read = Vec::new();
    let mut other = Vec::new();
    for item in mb {
        match item {
            Ok(raw) => read.push(raw.source),
            Err(e) => other.push((e.is_note(), e.render(true))),
        }
    }
    (read, other)
}

#[test]
fn a_maildir_cur_folder_with_files_of_any_name_is_read_whole() {
    let t = tempfile::tempdir().unwrap();
    let cur = t.path().join("md/cur");
    std::fs::create_dir_all(&cur).unwrap();
    std::fs::create_dir_all(t.path().join("md/new")).unwrap();
    for i in 0..40 {
        // Maildir names: no .eml; a quarter of them with .eml anyway.
        let name = if i % 4 == 0 {
            format!("{i}.eml")
        } else {
            format!("1733{i:04}.M{i}P1.host:2,S")
        };
        std::fs::write(cur.join(name), mail(i)).unwrap();
    }
    let (read, other) = drain(Mailbox::open_detect(&cur).unwrap());
    assert_eq!(read.len(), 40, "{other:?}");
    assert!(other.is_empty(), "{other:?}");
    // The Maildir itself reads the same 40.
    let (read, _) = drain(Mailbox::open_detect(&t.path().join("md")).unwrap());
    assert_eq!(read.len(), 40);
}

#[test]
fn hidden_files_and_special_files_are_reported_not_dropped() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    std::fs::write(d.join("a.eml"), mail(1)).unwrap();
    std::fs::write(d.join(".DS_Store"), b"\0\0\0\x01Bud1").unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::write(d.join("sub/b"), mail(2)).unwrap();
    let ok = std::process::Command::new("mkfifo")
        .arg(d.join("pipe"))
        .status()
        .unwrap();
    assert!(ok.success());
    let (read, other) = drain(Mailbox::open_detect(d).unwrap());
    assert_eq!(read.len(), 2, "{read:?}");
    assert_eq!(other.len(), 2, "{other:?}");
    let ds = other.iter().find(|(_, m)| m.contains(".DS_Store")).unwrap();
    assert!(ds.0, "a hidden file is a note: {ds:?}");
    assert!(ds.1.contains("hidden"), "{ds:?}");
    let fifo = other.iter().find(|(_, m)| m.contains("pipe")).unwrap();
    assert!(fifo.1.contains("FIFO"), "{fifo:?}");
}

#[test]
fn maildir_notes_hidden_files_and_deliveries_in_progress() {
    let t = tempfile::tempdir().unwrap();
    let md = t.path();
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir(md.join(sub)).unwrap();
    }
    std::fs::write(md.join("cur/1:2,S"), mail(1)).unwrap();
    std::fs::write(md.join("new/.hidden"), mail(2)).unwrap();
    std::fs::write(md.join("tmp/3.host"), mail(3)).unwrap();
    let (read, other) = drain(Mailbox::open(md, Format::Maildir).unwrap());
    assert_eq!(read.len(), 1);
    assert!(other.iter().all(|(note, _)| *note), "{other:?}");
    assert!(
        other.iter().any(|(_, m)| m.contains(".hidden")),
        "{other:?}"
    );
    assert!(other.iter().any(|(_, m)| m.contains("tmp")), "{other:?}");
}

#[test]
fn an_mbox_with_leading_garbage_is_detected_by_content_and_the_garbage_reported() {
    let t = tempfile::tempdir().unwrap();
    let f = t.path().join("archive"); // no .mbox name, no `From ` on the first line
    let mut text = String::from("garbage left by a broken export\n\x00\x01 more garbage\n\n");
    for i in 0..3 {
        text.push_str(&format!(
            "From a{i}@example.com Mon Nov 30 10:00:00 2026\n{}\n",
            mail(i)
        ));
    }
    std::fs::write(&f, &text).unwrap();
    assert_eq!(detect(&f).unwrap(), Format::Mbox);
    let (read, other) = drain(Mailbox::open_detect(&f).unwrap());
    assert_eq!(read.len(), 3, "{other:?}");
    assert_eq!(other.len(), 1, "{other:?}");
    assert!(other[0].0, "{other:?}");
    assert!(
        other[0].1.contains("before the first `From ` line"),
        "{other:?}"
    );
}

#[test]
fn a_message_is_not_mistaken_for_an_mbox() {
    let t = tempfile::tempdir().unwrap();
    let f = t.path().join("m.eml");
    // A body line starting with "From " after a blank line, and a header-like line after it.
    std::fs::write(
        &f,
        "Subject: x\nFrom: a@example.com\n\nFrom me to you\nSubject: not a header\n",
    )
    .unwrap();
    assert_eq!(detect(&f).unwrap(), Format::Eml);
}

#[test]
fn a_file_given_as_mbox_without_any_from_line_is_an_error() {
    let t = tempfile::tempdir().unwrap();
    let f = t.path().join("x.mbox");
    std::fs::write(&f, mail(1)).unwrap();
    let (read, other) = drain(Mailbox::open(&f, Format::Mbox).unwrap());
    assert!(read.is_empty());
    assert_eq!(other.len(), 1, "{other:?}");
    assert!(!other[0].0, "{other:?}");
    assert!(other[0].1.contains("From "), "{other:?}");
}

#[test]
fn nonexistent_and_special_paths_fail_at_open() {
    for f in [Format::Eml, Format::Maildir, Format::Mbox] {
        assert!(Mailbox::open(Path::new("/nonexistent/x"), f).is_err());
    }
    assert!(Mailbox::open_detect(Path::new("/nonexistent/x")).is_err());
    // A FIFO or a device would block or never end: refused before any read.
    let t = tempfile::tempdir().unwrap();
    let fifo = t.path().join("pipe");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(ok.success());
    for p in [fifo.as_path(), Path::new("/dev/zero")] {
        let e = Mailbox::open_detect(p).err().expect("must be refused");
        assert!(matches!(e, MailboxError::NotAMailbox { .. }), "{e}");
        for f in [Format::Eml, Format::Mbox] {
            assert!(Mailbox::open(p, f).is_err(), "{}", p.display());
        }
    }
}

#[test]
fn messages_render_in_both_languages() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join(".DS_Store"), b"x").unwrap();
    let e = Mailbox::open_detect(t.path())
        .unwrap()
        .find_map(Result::err)
        .unwrap();
    assert!(e.render(false).contains("隐藏文件"), "{}", e.render(false));
    assert!(e.render(true).is_ascii(), "{}", e.render(true));
}

#[test]
fn a_file_too_large_to_be_a_message_is_reported_not_read() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("a.eml"), mail(1)).unwrap();
    // Sparse: its size says 300 MB, no disk or memory is used unless it is read.
    let f = std::fs::File::create(t.path().join("video.mp4")).unwrap();
    f.set_len(300 << 20).unwrap();
    let (read, other) = drain(Mailbox::open_detect(t.path()).unwrap());
    assert_eq!(read.len(), 1);
    assert_eq!(other.len(), 1, "{other:?}");
    assert!(other[0].0, "{other:?}");
    assert!(
        other[0].1.contains("video.mp4") && other[0].1.contains("300 MB"),
        "{other:?}"
    );
}
