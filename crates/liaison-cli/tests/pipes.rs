//! Unix pipes (issue 9, item 7): output to a reader that went away ends quietly with the
//! conventional status (killed by SIGPIPE, as `cat` and `grep` are), never a panic.

#![cfg(unix)]

use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};

#[test]
fn a_closed_stdout_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_liaison"))
        .env_remove("LIAISON_CONFIG")
        .env("LIAISON_NOW", "2026-11-30T10:00:00+08:00")
        .current_dir("/")
        .args(["time", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before anything is read: far more than a pipe buffer of output
    // will be written, so a write is bound to meet the closed pipe.
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for _ in 0..20_000 {
            if stdin
                .write_all("请于12月3日17:00前提交，下周五下班前给结论\n".as_bytes())
                .is_err()
            {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        out.status.signal() == Some(13) || out.status.code() == Some(141),
        "expected SIGPIPE, got {:?}: {stderr}",
        out.status
    );
}
