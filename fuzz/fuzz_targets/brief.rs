//! Fuzz the brief loader: any text as a brief, against the example directory, with and
//! without a kind from the command line. Nothing may panic; every problem names a line of
//! the text (or 0); a brief that loads has no line break in any field that becomes a mail
//! header, and only recipients from the directory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liaison_model::{Brief, Directory, Kind};
use std::sync::OnceLock;

fn directory() -> &'static Directory {
    static D: OnceLock<Directory> = OnceLock::new();
    D.get_or_init(|| {
        Directory::from_toml("directory.toml", include_str!("../../examples/directory.toml"))
            .expect("the example directory loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Brief::attachment_paths(text);
    for kind in [None, Some(Kind::Request), Some(Kind::Retrospective)] {
        match Brief::from_toml("brief.toml", text, kind, directory()) {
            Ok(b) => {
                let header = [&b.project, &b.from]
                    .into_iter()
                    .chain(&b.departments)
                    .chain(&b.to)
                    .chain(&b.cc);
                for f in header {
                    assert!(!f.contains(['\r', '\n']), "{f:?}");
                }
                for a in &b.attachments {
                    assert!(!a.path.contains(['\r', '\n', '"']), "{:?}", a.path);
                }
                for e in std::iter::once(&b.from).chain(&b.to).chain(&b.cc) {
                    assert!(directory().person(e).is_some(), "{e}");
                }
                let _ = b.english();
            }
            Err(p) => {
                let lines = text.split('\n').count();
                for x in &p.0 {
                    assert!(x.line <= lines + 1, "{x:?}");
                }
                let _ = p.render(true);
            }
        }
    }
});
