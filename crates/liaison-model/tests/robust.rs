//! Parsers of user files never panic: arbitrary text gives a value or problems, and every
//! problem has a line within the file.

use liaison_model::{Brief, Directory};
use proptest::prelude::*;

const BRIEF: &str = include_str!("../../../examples/request.toml");
const DIR: &str = include_str!("../../../examples/directory.toml");

fn check_lines(text: &str, p: &liaison_model::Problems) {
    let n = text.lines().count().max(1) + 1;
    for x in &p.0 {
        assert!(x.line <= n, "line {} beyond {n}", x.line);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn brief_parser_never_panics(cut in 0usize..BRIEF.len(), junk in "[\\PC\n\r\"=\\[\\]]{0,40}") {
        let dir = Directory::from_toml("d", DIR).unwrap();
        let mut text = BRIEF.to_string();
        let at = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        text.insert_str(at, &junk);
        if let Err(p) = Brief::from_toml("b", &text, None, &dir) {
            prop_assert!(!p.0.is_empty());
            check_lines(&text, &p);
        }
    }

    #[test]
    fn directory_parsers_never_panic(cut in 0usize..DIR.len(), junk in "[\\PC\n\",=\\[\\]]{0,40}") {
        let mut text = DIR.to_string();
        let at = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        text.insert_str(at, &junk);
        if let Err(p) = Directory::from_toml("d", &text) {
            check_lines(&text, &p);
        }
        let _ = Directory::from_csv("d.csv", &text);
    }
}
