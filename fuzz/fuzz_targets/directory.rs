//! Fuzz the directory loader: any text as `directory.toml` and as CSV. Nothing may panic;
//! every problem names a line of the text (or 0); and a directory that loads writes itself
//! back (`to_toml`) into a file that loads to the same directory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use liaison_model::{Directory, Problems};

fn lines_in_range(p: &Problems, text: &str) {
    let lines = text.split('\n').count();
    for x in &p.0 {
        assert!(x.line <= lines + 1, "line {} of {lines}: {x:?}", x.line);
        assert!(!x.message.is_empty() && !x.help_en.is_empty());
    }
    let _ = p.render(false);
    let _ = p.render(true);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Directory::from_toml("directory.toml", text) {
        Ok(d) => {
            let again = Directory::from_toml("again.toml", &d.to_toml());
            assert_eq!(again.as_ref().ok(), Some(&d), "{again:?}");
        }
        Err(p) => lines_in_range(&p, text),
    }
    match Directory::from_csv("people.csv", text) {
        Ok(d) => {
            let again = Directory::from_toml("again.toml", &d.to_toml());
            assert_eq!(again.as_ref().ok(), Some(&d), "{again:?}");
        }
        Err(p) => lines_in_range(&p, text),
    }
});
