//! The directory is as strict as a brief (issue 9, item 5): unknown keys inside tables,
//! superior cycles, self-superiors, line breaks and control characters in any field, and
//! aliases that name two departments are each a problem with file, line and fix.

use liaison_model::{Directory, Problems};

const DIR: &str = r#"[[department]]
name = "产品部"
aliases = ["Product"]

[[department]]
name = "市场部"
aliases = ["Marketing"]

[[person]]
name = "王磊"
email = "wanglei@example.com"
department = "产品部"
title = "经理"
chat = { dingtalk = "wanglei01" }

[[person]]
name = "张伟"
email = "zhangwei@example.com"
department = "市场部"
title = "经理"
superior = "wanglei@example.com"

[[person]]
name = "李娜"
email = "lina@example.com"
department = "市场部"
superior = "zhangwei@example.com"
"#;

fn err(text: &str) -> Problems {
    Directory::from_toml("directory.toml", text).expect_err("must be refused")
}

/// English text may hold Chinese names, but its punctuation is ASCII.
fn ascii_punctuation(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii() || c.is_alphanumeric())
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"))
}

#[test]
fn the_base_directory_is_valid() {
    let d = Directory::from_toml("directory.toml", DIR).unwrap();
    assert_eq!(d.people.len(), 3);
}

#[test]
fn unknown_key_in_a_person_is_refused_with_a_suggestion() {
    let text = DIR.replace(
        "superior = \"wanglei@example.com\"",
        "superiour = \"wanglei@example.com\"",
    );
    let e = err(&text);
    assert_eq!(e.0.len(), 1, "{}", e.render(false));
    let p = &e.0[0];
    assert_eq!(p.line, line_of(&text, "superiour"));
    assert!(p.message.contains("superiour"), "{}", p.message);
    assert!(p.help.contains("superior"), "{}", p.help);
    assert!(
        p.help_en.contains("did you mean `superior`"),
        "{}",
        p.help_en
    );
    assert!(
        e.render(false)
            .starts_with(&format!("directory.toml:{}: ", p.line))
    );
}

#[test]
fn unknown_key_in_a_department_and_at_the_top_is_refused() {
    let text = DIR.replace("aliases = [\"Marketing\"]", "alias = [\"Marketing\"]");
    let text = format!("departmant = 1\n{text}");
    let e = err(&text);
    let msgs: Vec<(usize, &str)> = e.0.iter().map(|p| (p.line, p.help_en.as_str())).collect();
    assert!(
        msgs.iter()
            .any(|(l, h)| *l == 1 && h.contains("did you mean `department`")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|(l, h)| *l == line_of(&text, "alias =") && h.contains("did you mean `aliases`")),
        "{msgs:?}"
    );
}

#[test]
fn a_superior_cycle_is_reported_once_naming_every_member() {
    // 王磊 -> 李娜 -> 张伟 -> 王磊
    let text = DIR.replace(
        "title = \"经理\"\nchat",
        "title = \"经理\"\nsuperior = \"lina@example.com\"\nchat",
    );
    let e = err(&text);
    let cycles: Vec<_> =
        e.0.iter()
            .filter(|p| p.message_en.contains("cycle"))
            .collect();
    assert_eq!(cycles.len(), 1, "{}", e.render(true));
    let m = &cycles[0].message;
    for name in ["王磊", "张伟", "李娜"] {
        assert!(m.contains(name), "{m}");
    }
    assert!(
        ascii_punctuation(&cycles[0].message_en),
        "{}",
        cycles[0].message_en
    );
    assert!(
        ascii_punctuation(&cycles[0].help_en),
        "{}",
        cycles[0].help_en
    );
    assert!(cycles[0].line > 0);
}

#[test]
fn a_person_who_is_their_own_superior_is_refused() {
    let text = DIR.replace(
        "superior = \"zhangwei@example.com\"",
        "superior = \"LiNa@example.com\"",
    );
    let e = err(&text);
    assert_eq!(e.0.len(), 1, "{}", e.render(false));
    assert_eq!(e.0[0].line, line_of(&text, "LiNa@"));
    assert!(e.0[0].message.contains("李娜"), "{}", e.0[0].message);
    assert!(
        e.0[0].message_en.contains("own superior"),
        "{}",
        e.0[0].message_en
    );
}

#[test]
fn line_breaks_and_control_characters_are_refused_in_every_field() {
    for (from, to) in [
        ("name = \"王磊\"", "name = \"王\\r\\n磊\""),
        (
            "email = \"lina@example.com\"",
            "email = \"lina@example.com\\nBcc: x@evil.example\"",
        ),
        (
            "title = \"经理\"\nsuperior",
            "title = \"经\\u0007理\"\nsuperior",
        ),
        ("aliases = [\"Marketing\"]", "aliases = [\"Mark\\neting\"]"),
        ("dingtalk = \"wanglei01\"", "dingtalk = \"wang\\tlei01\""),
        ("name = \"市场部\"", "name = \"市场\\u001b部\""),
        (
            "superior = \"wanglei@example.com\"",
            "superior = \"wanglei@example.com\\r\"",
        ),
        ("name = \"李娜\"", "name = \"李娜\\u202e\""),
    ] {
        let text = DIR.replacen(from, to, 1);
        assert_ne!(text, DIR, "{from}");
        let e = err(&text);
        let want = line_of(&text, to.lines().next().unwrap());
        assert!(
            e.0.iter().any(|p| p.line == want
                && p.message_en.contains("control character")
                && ascii_punctuation(&p.message_en)
                && p.help_en.is_ascii()),
            "{to}: {}",
            e.render(true)
        );
    }
}

#[test]
fn csv_fields_with_control_characters_are_refused() {
    let csv = "name,email,department\n\"王\n磊\",wanglei@example.com,产品部\n";
    let e = Directory::from_csv("people.csv", csv).unwrap_err();
    assert!(
        e.0.iter()
            .any(|p| p.message_en.contains("control character")),
        "{}",
        e.render(true)
    );
}

#[test]
fn an_alias_that_names_two_departments_is_refused() {
    // The same alias in two departments.
    let text = DIR.replace("aliases = [\"Marketing\"]", "aliases = [\"product\"]");
    let e = err(&text);
    assert_eq!(e.0.len(), 1, "{}", e.render(false));
    assert_eq!(e.0[0].line, line_of(&text, "aliases = [\"product\"]"));
    assert!(e.0[0].message.contains("产品部"), "{}", e.0[0].message);
    // An alias equal to another department's name.
    let text = DIR.replace("aliases = [\"Marketing\"]", "aliases = [\"产品部\"]");
    let e = err(&text);
    assert_eq!(e.0.len(), 1, "{}", e.render(false));
    assert!(e.0[0].message_en.contains("alias"), "{}", e.0[0].message_en);
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = DIR
        .replace("superior = \"wanglei@example.com\"", "superiour = \"x\"")
        .replace("name = \"李娜\"", "name = \"李\\n娜\"")
        .replace("aliases = [\"Marketing\"]", "aliases = [\"Product\"]");
    let e = err(&text);
    assert!(e.0.len() >= 3, "{}", e.render(false));
    let mut lines: Vec<usize> = e.0.iter().map(|p| p.line).collect();
    let sorted = {
        let mut s = lines.clone();
        s.sort();
        s
    };
    assert_eq!(lines, sorted);
    lines.dedup();
    assert!(lines.len() >= 3);
}

#[test]
fn the_shipped_example_directory_is_still_valid() {
    let text = include_str!("../../../examples/directory.toml");
    Directory::from_toml("examples/directory.toml", text).unwrap();
}

#[test]
fn a_fifo_or_device_is_not_read_as_a_directory() {
    use liaison_model::DirectoryError;
    let t = tempfile::tempdir().unwrap();
    let fifo = t.path().join("directory.toml");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(ok.success());
    for p in [fifo.as_path(), std::path::Path::new("/dev/zero"), t.path()] {
        let e = Directory::load(p).unwrap_err();
        assert!(matches!(e, DirectoryError::NotAFile { .. }), "{e}");
    }
}
