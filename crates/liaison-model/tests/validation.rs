//! Every validation error of the directory and the brief: file, line and fix; every
//! problem reported at once; header injection refused; "did you mean" for recipients.

use liaison_model::{Brief, Directory, Kind, Problems};

const DIR: &str = r#"[[department]]
name = "产品部"

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
"#;

fn dir() -> Directory {
    Directory::from_toml("directory.toml", DIR).unwrap()
}

fn lines(p: &Problems) -> Vec<(usize, String)> {
    p.0.iter().map(|x| (x.line, x.message.clone())).collect()
}

#[test]
fn a_valid_directory_loads() {
    let d = dir();
    assert_eq!(d.people.len(), 2);
    assert_eq!(d.superior_of("zhangwei@example.com").unwrap().name, "王磊");
    assert_eq!(d.department("Marketing").unwrap().name, "市场部");
    // to_toml round-trips.
    assert_eq!(Directory::from_toml("x", &d.to_toml()).unwrap(), d);
}

#[test]
fn directory_unknown_superior_names_the_line() {
    let text = DIR.replace(
        "superior = \"wanglei@example.com\"",
        "superior = \"nobody@example.com\"",
    );
    let e = Directory::from_toml("directory.toml", &text).unwrap_err();
    assert_eq!(e.0.len(), 1);
    assert_eq!(e.0[0].line, 20);
    assert!(e.0[0].message.contains("nobody@example.com"));
    assert!(e.render(false).starts_with("directory.toml:20: "));
    assert!(e.render(true).contains("superior"));
}

#[test]
fn directory_duplicate_email_names_both_lines() {
    let text = DIR.replace("zhangwei@example.com", "wanglei@example.com");
    let e = Directory::from_toml("d.toml", &text).unwrap_err();
    assert_eq!(e.0[0].line, 17);
    assert!(e.0[0].message.contains("第 10 行"), "{}", e.0[0].message);
}

#[test]
fn directory_unknown_department_suggests_known_ones() {
    let text = DIR.replace("department = \"市场部\"", "department = \"销售部\"");
    let e = Directory::from_toml("d.toml", &text).unwrap_err();
    assert_eq!(
        lines(&e),
        vec![(18, "张伟 的部门“销售部”不在 [[department]] 中".to_string())]
    );
    assert!(e.0[0].help.contains("产品部"));
}

#[test]
fn directory_toml_syntax_error_has_a_line() {
    let text = DIR.replace("title = \"经理\"\nsuperior", "title = 经理\nsuperior");
    let e = Directory::from_toml("d.toml", &text).unwrap_err();
    assert_eq!(e.0.len(), 1);
    assert_eq!(e.0[0].line, 19);
    assert!(e.0[0].message.starts_with("TOML 语法错误"));
}

#[test]
fn directory_reports_every_problem_at_once_and_missing_fields() {
    let text = format!(
        "{DIR}\n[[person]]\nname = \"李娜\"\ndepartment = \"技术部\"\nsuperior = \"x@example.com\"\n\n[[person]]\nname = \"赵敏\"\nemail = \"zhaomin@example.com\"\ndepartment = \"技术部\"\nsuperior = \"ghost@example.com\"\n"
    );
    let e = Directory::from_toml("d.toml", &text).unwrap_err();
    let l = lines(&e);
    assert!(l.contains(&(23, "缺少“email”".to_string())), "{l:?}");
    assert!(
        l.iter().any(|(n, m)| *n == 30 && m.contains("技术部")),
        "{l:?}"
    );
    assert!(
        l.iter().any(|(n, m)| *n == 31 && m.contains("ghost")),
        "{l:?}"
    );
}

#[test]
fn csv_import_builds_departments_and_validates() {
    let csv = "name,email,department,title,superior,dingtalk\n王磊,wanglei@example.com,产品部,经理,,wanglei01\n张伟,zhangwei@example.com,市场部,经理,wanglei@example.com,\n";
    let d = Directory::from_csv("people.csv", csv).unwrap();
    assert_eq!(d.departments.len(), 2);
    assert_eq!(
        d.person("wanglei@example.com").unwrap().chat["dingtalk"],
        "wanglei01"
    );
    let bad = "name,email,department,title,superior\n王磊,wanglei@example.com,产品部,,\n张伟,,市场部,,ghost@example.com\n李娜,lina@example.com,技术部,,ghost@example.com\n";
    let e = Directory::from_csv("people.csv", bad).unwrap_err();
    let l = lines(&e);
    assert!(l.contains(&(3, "缺少“email”".to_string())), "{l:?}");
    assert!(
        l.iter().any(|(n, m)| *n == 4 && m.contains("ghost")),
        "{l:?}"
    );
    let e = Directory::from_csv("people.csv", "who,mail\nx,y\n").unwrap_err();
    assert_eq!(e.0[0].line, 1);
}

const BRIEF: &str = r#"kind = "需求对接"
project = "Q3用户调研"
departments = ["市场部"]
urgency = "紧急"
from = "wanglei@example.com"
to = ["zhangwei@example.com"]
purpose = "请市场部于12月3日17:00前提供数据报表"
background = "上周产品会议决定启动用户调研"
goal = "目标是优化Q3功能"
reply_by = "12月1日17:00前"
next_step = "收到后产品部两个工作日内完成分析"

[[item]]
what = "提供数据报表"
owner = "zhangwei@example.com"
due = "12月3日17:00前"
standard = "包含功能使用频率"

[[attachment]]
path = "清单.xlsx"
description = "调研维度"
"#;

fn parse(text: &str) -> Result<Brief, Problems> {
    Brief::from_toml("brief.toml", text, Some(Kind::Request), &dir())
}

#[test]
fn a_valid_brief_parses_and_keeps_deadlines_as_text() {
    let b = parse(BRIEF).unwrap();
    assert_eq!(b.kind, Kind::Request);
    assert_eq!(b.items[0].due, "12月3日17:00前");
    assert_eq!(b.reply_by.as_deref(), Some("12月1日17:00前"));
    // Recipients by name resolve to emails.
    let b = parse(&BRIEF.replace("to = [\"zhangwei@example.com\"]", "to = [\"张伟\"]")).unwrap();
    assert_eq!(b.to, vec!["zhangwei@example.com"]);
}

#[test]
fn every_missing_field_is_reported_at_once() {
    let text = BRIEF
        .replace("project = \"Q3用户调研\"\n", "")
        .replace("urgency = \"紧急\"\n", "")
        .replace("standard = \"包含功能使用频率\"\n", "");
    let e = parse(&text).unwrap_err();
    let l = lines(&e);
    assert!(l.contains(&(1, "缺少“project”".to_string())), "{l:?}");
    assert!(l.contains(&(1, "缺少“urgency”".to_string())), "{l:?}");
    assert!(l.contains(&(12, "缺少“standard”".to_string())), "{l:?}");
    assert_eq!(l.len(), 3, "{l:?}");
}

#[test]
fn wrong_types_and_values_name_their_lines() {
    let text = BRIEF
        .replace("urgency = \"紧急\"", "urgency = \"马上\"")
        .replace(
            "purpose = \"请市场部于12月3日17:00前提供数据报表\"",
            "purpose = 3",
        )
        .replace("kind = \"需求对接\"", "kind = \"需求对齐\"");
    let e = Brief::from_toml("brief.toml", &text, None, &dir()).unwrap_err();
    let l = lines(&e);
    assert!(
        l.iter().any(|(n, m)| *n == 1 && m.contains("需求对齐")),
        "{l:?}"
    );
    assert!(
        e.0[0].help.contains("需求对接"),
        "did you mean: {}",
        e.0[0].help
    );
    assert!(
        l.iter().any(|(n, m)| *n == 4 && m.contains("马上")),
        "{l:?}"
    );
    assert!(
        l.iter().any(|(n, m)| *n == 7 && m.contains("purpose")),
        "{l:?}"
    );
}

#[test]
fn unknown_field_gets_a_suggestion() {
    let e = parse(&BRIEF.replace("reply_by =", "reply_before =")).unwrap_err();
    let p =
        e.0.iter()
            .find(|p| p.message.contains("reply_before"))
            .unwrap();
    assert_eq!(p.line, 10);
    assert!(p.help.contains("reply_by"), "{}", p.help);
}

#[test]
fn unknown_recipient_gets_did_you_mean() {
    let e = parse(&BRIEF.replace(
        "to = [\"zhangwei@example.com\"]",
        "to = [\"zhangwie@example.com\"]",
    ))
    .unwrap_err();
    assert_eq!(e.0.len(), 1);
    assert_eq!(e.0[0].line, 6);
    assert!(
        e.0[0].help.contains("张伟 <zhangwei@example.com>"),
        "{}",
        e.0[0].help
    );
    let e = parse(&BRIEF.replace("from = \"wanglei@example.com\"", "from = \"王雷\"")).unwrap_err();
    assert_eq!(e.0[0].line, 5);
    assert!(
        e.0[0].help.contains("wanglei@example.com"),
        "{}",
        e.0[0].help
    );
}

#[test]
fn unknown_department_in_subject_is_refused() {
    let e = parse(&BRIEF.replace("departments = [\"市场部\"]", "departments = [\"市场\"]"))
        .unwrap_err();
    assert_eq!(e.0[0].line, 3);
    assert!(e.0[0].help.contains("市场部"));
}

#[test]
fn header_injection_is_refused_in_every_header_field() {
    for (from, to) in [
        (
            "project = \"Q3用户调研\"",
            "project = \"Q3\\r\\nBcc: evil@example.com\"",
        ),
        ("urgency = \"紧急\"", "urgency = \"紧急\\nX-Evil: 1\""),
        (
            "to = [\"zhangwei@example.com\"]",
            "to = [\"zhangwei@example.com\\nBcc: evil@example.com\"]",
        ),
        (
            "departments = [\"市场部\"]",
            "departments = [\"市场部\\r\"]",
        ),
        ("project = \"Q3用户调研\"", "project = \"\"\"Q3\n调研\"\"\""),
    ] {
        let e = parse(&BRIEF.replace(from, to)).unwrap_err();
        assert!(
            e.0.iter()
                .any(|p| p.message.contains("CR/LF") && p.message_en.contains("inject")),
            "{to}: {e}"
        );
    }
    let e = parse(&BRIEF.replace("path = \"清单.xlsx\"", "path = \"a\\nb.xlsx\"")).unwrap_err();
    assert!(e.0[0].message.contains("附件名"), "{e}");
}

#[test]
fn kind_on_the_command_line_must_agree_and_items_are_required() {
    let e = Brief::from_toml("b.toml", BRIEF, Some(Kind::Nudge), &dir()).unwrap_err();
    assert!(e.0[0].message.contains("不一致"));
    let no_items = BRIEF.split("[[item]]").next().unwrap().to_string();
    let e = parse(&no_items).unwrap_err();
    assert!(e.0[0].message.contains("[[item]]"), "{e}");
    // A result (成果同步) needs no items.
    let text = no_items.replace("kind = \"需求对接\"", "kind = \"成果同步\"");
    assert!(Brief::from_toml("b.toml", &text, None, &dir()).is_ok());
}

#[test]
fn background_and_goal_stay_within_two_sentences() {
    let e = parse(&BRIEF.replace(
        "background = \"上周产品会议决定启动用户调研\"",
        "background = \"上周开会。决定调研。\"",
    ))
    .unwrap_err();
    assert_eq!(e.0[0].line, 8);
    let e = parse(&BRIEF.replace(
        "purpose = \"请市场部于12月3日17:00前提供数据报表\"",
        "purpose = \"特此同步。请提供报表。\"",
    ))
    .unwrap_err();
    assert_eq!(e.0[0].line, 7);
}

/// A closing quote or bracket after the full stop starts no second sentence: the brief
/// counts sentences as the anatomy does (it used to count `。”` as two).
#[test]
fn a_closing_quote_ends_no_extra_sentence() {
    let b = parse(&BRIEF.replace(
        "purpose = \"请市场部于12月3日17:00前提供数据报表\"",
        "purpose = \"请市场部确认“12月3日17:00前可以提供数据报表。”\"",
    ))
    .unwrap();
    assert!(b.purpose.ends_with("。”"));
}

#[test]
fn brief_toml_syntax_error() {
    let e = parse("kind = \"需求对接\"\nproject = \n").unwrap_err();
    assert_eq!(e.0.len(), 1);
    assert_eq!(e.0[0].line, 2);
}

#[test]
fn english_text_table_is_validated_and_swapped_in() {
    let text = format!(
        "{BRIEF}\n[en]\nproject = \"Q3 research\"\nattachments = [\"the dimensions\"]\n\n[[en.item]]\nwhat = \"Send the report\"\ndue = \"Dec 3, 17:00\"\nstandard = \"usage included\"\n"
    );
    let b = parse(&text).unwrap();
    let en = b.english();
    assert_eq!(en.project, "Q3 research");
    assert_eq!(en.items[0].what, "Send the report");
    assert_eq!(en.items[0].owner, "zhangwei@example.com", "the owner stays");
    assert_eq!(en.attachments[0].description, "the dimensions");
    assert_eq!(en.purpose, b.purpose, "fields not in [en] stay");
    let bad = format!("{BRIEF}\n[en]\nprojet = \"x\"\nattachments = [\"a\", \"b\"]\n");
    let e = parse(&bad).unwrap_err();
    let l = lines(&e);
    assert!(
        l.iter().any(|(n, m)| *n == 24 && m.contains("projet")),
        "{l:?}"
    );
    assert!(e.0.iter().any(|p| p.help.contains("project")));
    assert!(
        l.iter().any(|(n, m)| *n == 25 && m.contains("attachments")),
        "{l:?}"
    );
    let inj = format!("{BRIEF}\n[en]\nproject = \"Q3\\nBcc: x@example.com\"\n");
    assert!(parse(&inj).unwrap_err().0[0].message.contains("CR/LF"));
}
