//! The lint bench corpus, one copy for every bench and example that measures on it (they
//! include this file with `#[path]`): each `.md` draft of liaison-lint's fixtures
//! (`tests/fixtures/{good,rules}`), padded to about 2 KB with a neutral paragraph after the
//! third, as `bench/lint/make_corpus.py` writes them for the whole-process comparison.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// liaison-lint's fixture folder, from any crate of the workspace.
pub fn fixtures_dir(manifest_dir: &str) -> PathBuf {
    Path::new(manifest_dir).join("../liaison-lint/tests/fixtures")
}

/// The `.md` drafts under `good` and `rules`, sorted.
pub fn draft_paths(fixtures: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = ["good", "rules"]
        .iter()
        .filter_map(|d| std::fs::read_dir(fixtures.join(d)).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

/// `text` with a filler paragraph (Chinese for a Chinese draft) inserted after the third
/// paragraph, long enough to bring the draft to about 2,000 bytes.
pub fn pad_to_2k(text: &str) -> String {
    let zh = text
        .chars()
        .any(|c| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}'));
    let filler = if zh {
        "其他说明：本项目的历史资料已整理到共享文件夹，供各部门参考。"
    } else {
        "Note: earlier project documents are in the shared folder for reference. "
    };
    let mut parts: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    let mut pad = String::new();
    while text.len() + pad.len() < 2000 {
        pad.push_str(filler);
    }
    if parts.len() > 3 {
        parts.insert(3, pad);
    }
    parts.join("\n\n")
}

/// The corpus: every draft padded to about 2 KB, in path order.
pub fn drafts(manifest_dir: &str) -> Vec<String> {
    draft_paths(&fixtures_dir(manifest_dir))
        .iter()
        .map(|p| {
            pad_to_2k(&String::from_utf8_lossy(
                &std::fs::read(p).expect("readable fixture"),
            ))
        })
        .collect()
}

/// [`drafts`] as bytes, as the linter reads files.
pub fn draft_bytes(manifest_dir: &str) -> Vec<Vec<u8>> {
    drafts(manifest_dir)
        .into_iter()
        .map(String::into_bytes)
        .collect()
}
