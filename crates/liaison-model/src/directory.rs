//! The directory of departments and people: who is the 对接人, who is their superior, how to
//! reach them by chat. Loading and validation live with the types so every caller gets the
//! same errors.

use crate::problem::{Collector, Problem, Problems, syntax};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A department (部门).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    /// The name as written in subjects, e.g. 技术部.
    pub name: String,
    /// Other names people use for it (研发部, R&D).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The head of the department, by email.
    #[serde(default)]
    pub head: Option<String>,
}

/// A person in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Full name, e.g. 王磊.
    pub name: String,
    /// Email address; the person's key.
    pub email: String,
    /// Department name (canonical, not an alias).
    pub department: String,
    /// Title, e.g. 经理, 总监, 主管.
    #[serde(default)]
    pub title: Option<String>,
    /// Superior, by email; absent for the top of the organisation.
    #[serde(default)]
    pub superior: Option<String>,
    /// Chat handles by platform (`dingtalk`, `feishu`, `wecom`).
    #[serde(default)]
    pub chat: BTreeMap<String, String>,
}

/// Departments and people, as loaded from `directory.toml` (or CSV).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directory {
    /// `[[department]]` tables.
    #[serde(default, rename = "department")]
    pub departments: Vec<Department>,
    /// `[[person]]` tables.
    #[serde(default, rename = "person")]
    pub people: Vec<Person>,
}

impl Directory {
    /// Finds a person by email, ignoring ASCII case.
    pub fn person(&self, email: &str) -> Option<&Person> {
        let email = email.trim();
        self.people
            .iter()
            .find(|p| p.email.eq_ignore_ascii_case(email))
    }

    /// Finds a department by name or alias, ignoring ASCII case.
    pub fn department(&self, name: &str) -> Option<&Department> {
        let name = name.trim();
        self.departments.iter().find(|d| {
            d.name.eq_ignore_ascii_case(name)
                || d.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        })
    }

    /// The superior of the person with this email, if both are known.
    pub fn superior_of(&self, email: &str) -> Option<&Person> {
        self.person(email)
            .and_then(|p| p.superior.as_deref())
            .and_then(|s| self.person(s))
    }

    /// The people of one department (name or alias).
    pub fn members<'a>(&'a self, department: &str) -> impl Iterator<Item = &'a Person> + 'a {
        let canonical = self.department(department).map(|d| d.name.clone());
        self.people
            .iter()
            .filter(move |p| Some(&p.department) == canonical.as_ref())
    }
}

/// Lines where a person's fields were written, for error messages.
#[derive(Debug, Clone, Copy, Default)]
struct PersonLines {
    table: usize,
    email: usize,
    department: usize,
    superior: usize,
}

/// Lines where a department's fields were written.
#[derive(Debug, Clone, Copy, Default)]
struct DepartmentLines {
    table: usize,
    head: usize,
}

/// Errors of [`Directory::load`].
#[derive(Debug, thiserror::Error)]
pub enum DirectoryError {
    /// The file could not be read.
    #[error("{path}: 无法读取通讯录 (cannot read the directory): {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file was read but has problems (each with line and fix).
    #[error("{0}")]
    Invalid(#[from] Problems),
}

fn push(
    problems: &mut Vec<Problem>,
    file: &str,
    line: usize,
    zh: String,
    en: String,
    help: String,
    help_en: String,
) {
    problems.push(Problem {
        file: file.to_string(),
        line,
        message: zh,
        message_en: en,
        help,
        help_en,
    });
}

type Table<'i> = DeTable<'i>;

fn get<'a, 'i>(t: &'a Table<'i>, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
    t.iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

fn table_start(t: &Table<'_>, fallback: usize) -> usize {
    t.iter()
        .map(|(k, _)| k.span().start)
        .min()
        .unwrap_or(fallback)
}

impl Directory {
    /// Reads and validates a directory file (TOML, or CSV when the name ends in `.csv`).
    pub fn load(path: &Path) -> Result<Directory, DirectoryError> {
        let text = std::fs::read_to_string(path).map_err(|source| DirectoryError::Io {
            path: path.display().to_string(),
            source,
        })?;
        let file = path.display().to_string();
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        {
            Ok(Directory::from_csv(&file, &text)?)
        } else {
            Ok(Directory::from_toml(&file, &text)?)
        }
    }

    /// Parses and validates `directory.toml` text. `file` names it in errors. Every problem
    /// is reported at once; nothing is returned half-loaded.
    pub fn from_toml(file: &str, text: &str) -> Result<Directory, Problems> {
        let root = DeTable::parse(text).map_err(|e| syntax(file, text, &e))?;
        let mut c = Collector::new(file, text);
        let mut dir = Directory::default();
        let mut plines = Vec::new();
        let mut dlines = Vec::new();
        for (k, v) in root.get_ref().iter() {
            let key = k.get_ref().as_ref();
            let at = k.span().start;
            match (key, v.get_ref()) {
                ("department" | "person", DeValue::Array(arr)) => {
                    for entry in arr.iter() {
                        let DeValue::Table(t) = entry.get_ref() else {
                            c.push(
                                entry.span().start,
                                format!("{key} 应为表（[[{key}]]）"),
                                format!("`{key}` entries must be tables ([[{key}]])"),
                                format!("改用 [[{key}]] 写法"),
                                format!("write it as a [[{key}]] table"),
                            );
                            continue;
                        };
                        if key == "department" {
                            if let Some((d, l)) = read_department(&mut c, t, entry.span().start) {
                                dir.departments.push(d);
                                dlines.push(l);
                            }
                        } else if let Some((p, l)) = read_person(&mut c, t, entry.span().start) {
                            dir.people.push(p);
                            plines.push(l);
                        }
                    }
                }
                _ => c.push(
                    at,
                    format!("未知的键“{key}”"),
                    format!("unknown key `{key}`"),
                    "通讯录只包含 [[department]] 和 [[person]] 表".into(),
                    "a directory holds only [[department]] and [[person]] tables".into(),
                ),
            }
        }
        let mut problems = std::mem::take(&mut c.problems);
        dir.check(file, &plines, &dlines, &mut problems);
        if problems.is_empty() {
            Ok(dir)
        } else {
            problems.sort_by_key(|p| p.line);
            Err(Problems(problems))
        }
    }

    /// Imports people from CSV with the header
    /// `name,email,department,title,superior,dingtalk,feishu,wecom` (title and later columns
    /// optional; `superior` is an email). Departments are created from the `department`
    /// column in order of appearance. Validated like a TOML directory.
    pub fn from_csv(file: &str, text: &str) -> Result<Directory, Problems> {
        let mut problems = Vec::new();
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = match rdr.headers() {
            Ok(h) => h
                .iter()
                .map(|s| s.trim_start_matches('\u{feff}').to_lowercase())
                .collect(),
            Err(e) => {
                push(&mut problems, file, 1, format!("CSV 表头无法读取：{e}"), format!("cannot read the CSV header: {e}"),
                    "第一行应为 name,email,department,title,superior,dingtalk,feishu,wecom".into(),
                    "the first line must be name,email,department,title,superior,dingtalk,feishu,wecom".into());
                return Err(Problems(problems));
            }
        };
        let col = |n: &str| headers.iter().position(|h| h == n);
        for req in ["name", "email", "department"] {
            if col(req).is_none() {
                push(&mut problems, file, 1, format!("CSV 缺少列“{req}”"), format!("the CSV has no `{req}` column"),
                    "第一行应为 name,email,department,title,superior,dingtalk,feishu,wecom".into(),
                    "the first line must be name,email,department,title,superior,dingtalk,feishu,wecom".into());
            }
        }
        if !problems.is_empty() {
            return Err(Problems(problems));
        }
        let mut dir = Directory::default();
        let mut plines = Vec::new();
        for rec in rdr.records() {
            let rec = match rec {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                    push(
                        &mut problems,
                        file,
                        line,
                        format!("CSV 行无法读取：{e}"),
                        format!("cannot read the CSV row: {e}"),
                        "检查该行的引号与逗号".into(),
                        "check the quotes and commas of that row".into(),
                    );
                    continue;
                }
            };
            let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
            let field = |n: &str| {
                col(n)
                    .and_then(|i| rec.get(i))
                    .map(str::to_string)
                    .filter(|s| !s.is_empty())
            };
            let mut missing = false;
            for req in ["name", "email", "department"] {
                if field(req).is_none() {
                    missing = true;
                    push(
                        &mut problems,
                        file,
                        line,
                        format!("缺少“{req}”"),
                        format!("`{req}` is empty"),
                        format!("填写该行的 {req} 列"),
                        format!("fill in the {req} column of this row"),
                    );
                }
            }
            if missing {
                continue;
            }
            let department = field("department").unwrap_or_default();
            if !dir.departments.iter().any(|d| d.name == department) {
                dir.departments.push(Department {
                    name: department.clone(),
                    aliases: vec![],
                    head: None,
                });
            }
            let mut chat = BTreeMap::new();
            for platform in ["dingtalk", "feishu", "wecom"] {
                if let Some(h) = field(platform) {
                    chat.insert(platform.to_string(), h);
                }
            }
            dir.people.push(Person {
                name: field("name").unwrap_or_default(),
                email: field("email").unwrap_or_default(),
                department,
                title: field("title"),
                superior: field("superior"),
                chat,
            });
            plines.push(PersonLines {
                table: line,
                email: line,
                department: line,
                superior: line,
            });
        }
        let dlines = vec![DepartmentLines::default(); dir.departments.len()];
        dir.check(file, &plines, &dlines, &mut problems);
        if problems.is_empty() {
            Ok(dir)
        } else {
            problems.sort_by_key(|p| p.line);
            Err(Problems(problems))
        }
    }

    /// Cross-checks: duplicate emails, unknown departments, unknown superiors and heads.
    fn check(
        &self,
        file: &str,
        plines: &[PersonLines],
        dlines: &[DepartmentLines],
        problems: &mut Vec<Problem>,
    ) {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (p, l) in self.people.iter().zip(plines) {
            let key = p.email.to_ascii_lowercase();
            if let Some(first) = seen.get(&key) {
                push(
                    problems,
                    file,
                    l.email,
                    format!("邮箱 {} 重复（第 {first} 行已使用）", p.email),
                    format!("duplicate email {} (already used on line {first})", p.email),
                    "每人一个唯一邮箱：删除重复的条目或更正邮箱".into(),
                    "each person needs a unique email: remove the duplicate or correct the address"
                        .into(),
                );
            } else {
                seen.insert(key, l.email);
            }
            if !p.email.contains('@') {
                push(
                    problems,
                    file,
                    l.email,
                    format!("“{}”不是邮箱地址", p.email),
                    format!("`{}` is not an email address", p.email),
                    "写成 name@example.com 的形式".into(),
                    "write it as name@example.com".into(),
                );
            }
            if self.department(&p.department).is_none() {
                let names: Vec<&str> = self.departments.iter().map(|d| d.name.as_str()).collect();
                push(
                    problems,
                    file,
                    l.department,
                    format!("{} 的部门“{}”不在 [[department]] 中", p.name, p.department),
                    format!(
                        "{}'s department `{}` is not a [[department]]",
                        p.name, p.department
                    ),
                    format!(
                        "改为已有部门（{}），或添加一个 [[department]] 表",
                        names.join("、")
                    ),
                    format!(
                        "use a known department ({}) or add a [[department]] table",
                        names.join(", ")
                    ),
                );
            }
        }
        for (p, l) in self.people.iter().zip(plines) {
            if let Some(s) = &p.superior
                && self.person(s).is_none()
            {
                push(problems, file, l.superior, format!("{} 的上级 {s} 不在通讯录中", p.name),
                    format!("{}'s superior {s} is not in the directory", p.name),
                    "上级按邮箱填写，且该人需有自己的 [[person]] 条目；最高层不写 superior".into(),
                    "name the superior by email and give them a [[person]] entry; omit `superior` for the top".into());
            }
            let _ = l.table;
        }
        let mut dseen = BTreeMap::new();
        for (d, l) in self.departments.iter().zip(dlines) {
            if dseen.insert(d.name.clone(), ()).is_some() {
                push(
                    problems,
                    file,
                    l.table,
                    format!("部门“{}”重复", d.name),
                    format!("duplicate department `{}`", d.name),
                    "删除重复的 [[department]] 表".into(),
                    "remove the duplicate [[department]] table".into(),
                );
            }
            if let Some(h) = &d.head
                && self.person(h).is_none()
            {
                push(
                    problems,
                    file,
                    l.head,
                    format!("部门“{}”的负责人 {h} 不在通讯录中", d.name),
                    format!("the head {h} of `{}` is not in the directory", d.name),
                    "head 按邮箱填写，且该人需有 [[person]] 条目".into(),
                    "name the head by email and give them a [[person]] entry".into(),
                );
            }
        }
    }

    /// Writes the directory in the fixed TOML shape of DESIGN §3.
    pub fn to_toml(&self) -> String {
        let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let mut out = String::new();
        for d in &self.departments {
            out.push_str("[[department]]\n");
            out.push_str(&format!("name = {}\n", q(&d.name)));
            if !d.aliases.is_empty() {
                let a: Vec<String> = d.aliases.iter().map(|a| q(a)).collect();
                out.push_str(&format!("aliases = [{}]\n", a.join(", ")));
            }
            if let Some(h) = &d.head {
                out.push_str(&format!("head = {}\n", q(h)));
            }
            out.push('\n');
        }
        for p in &self.people {
            out.push_str("[[person]]\n");
            out.push_str(&format!("name = {}\n", q(&p.name)));
            out.push_str(&format!("email = {}\n", q(&p.email)));
            out.push_str(&format!("department = {}\n", q(&p.department)));
            if let Some(t) = &p.title {
                out.push_str(&format!("title = {}\n", q(t)));
            }
            if let Some(s) = &p.superior {
                out.push_str(&format!("superior = {}\n", q(s)));
            }
            if !p.chat.is_empty() {
                let c: Vec<String> = p
                    .chat
                    .iter()
                    .map(|(k, v)| format!("{k} = {}", q(v)))
                    .collect();
                out.push_str(&format!("chat = {{ {} }}\n", c.join(", ")));
            }
            out.push('\n');
        }
        out
    }
}

fn read_str(
    c: &mut Collector<'_>,
    t: &Table<'_>,
    key: &str,
    required: bool,
    at: usize,
) -> Option<(String, usize)> {
    match get(t, key) {
        Some(v) => match v.get_ref().as_str() {
            Some(s) if !s.trim().is_empty() => Some((s.trim().to_string(), c.line(v.span().start))),
            _ => {
                c.push(
                    v.span().start,
                    format!("“{key}”应为非空字符串"),
                    format!("`{key}` must be a non-empty string"),
                    format!("写成 {key} = \"…\""),
                    format!("write {key} = \"…\""),
                );
                None
            }
        },
        None if required => {
            c.push(
                at,
                format!("缺少“{key}”"),
                format!("missing `{key}`"),
                format!("在该表中加上 {key} = \"…\""),
                format!("add {key} = \"…\" to this table"),
            );
            None
        }
        None => None,
    }
}

fn read_department(
    c: &mut Collector<'_>,
    t: &Table<'_>,
    fallback: usize,
) -> Option<(Department, DepartmentLines)> {
    let at = table_start(t, fallback);
    let name = read_str(c, t, "name", true, at);
    let head = read_str(c, t, "head", false, at);
    let mut aliases = Vec::new();
    if let Some(v) = get(t, "aliases") {
        match v.get_ref().as_array() {
            Some(a) => {
                aliases = a
                    .iter()
                    .filter_map(|x| x.get_ref().as_str().map(str::to_string))
                    .collect()
            }
            None => c.push(
                v.span().start,
                "“aliases”应为字符串数组".into(),
                "`aliases` must be an array of strings".into(),
                "写成 aliases = [\"研发部\", \"R&D\"]".into(),
                "write aliases = [\"R&D\"]".into(),
            ),
        }
    }
    let (name, _) = name?;
    let lines = DepartmentLines {
        table: c.line(at),
        head: head.as_ref().map(|h| h.1).unwrap_or(c.line(at)),
    };
    Some((
        Department {
            name,
            aliases,
            head: head.map(|h| h.0),
        },
        lines,
    ))
}

fn read_person(
    c: &mut Collector<'_>,
    t: &Table<'_>,
    fallback: usize,
) -> Option<(Person, PersonLines)> {
    let at = table_start(t, fallback);
    let name = read_str(c, t, "name", true, at);
    let email = read_str(c, t, "email", true, at);
    let department = read_str(c, t, "department", true, at);
    let title = read_str(c, t, "title", false, at);
    let superior = read_str(c, t, "superior", false, at);
    let mut chat = BTreeMap::new();
    if let Some(v) = get(t, "chat") {
        match v.get_ref().as_table() {
            Some(ct) => {
                for (k, hv) in ct.iter() {
                    let platform = k.get_ref().as_ref();
                    if !["dingtalk", "feishu", "wecom"].contains(&platform) {
                        c.push(
                            k.span().start,
                            format!("未知的聊天平台“{platform}”"),
                            format!("unknown chat platform `{platform}`"),
                            "可用 dingtalk、feishu、wecom".into(),
                            "use dingtalk, feishu or wecom".into(),
                        );
                    }
                    if let Some(h) = hv.get_ref().as_str() {
                        chat.insert(platform.to_string(), h.to_string());
                    }
                }
            }
            None => c.push(
                v.span().start,
                "“chat”应为表".into(),
                "`chat` must be a table".into(),
                "写成 chat = { dingtalk = \"wanglei01\" }".into(),
                "write chat = { dingtalk = \"wanglei01\" }".into(),
            ),
        }
    }
    let line = c.line(at);
    let (name, email, department) = (name?, email?, department?);
    let lines = PersonLines {
        table: line,
        email: email.1,
        department: department.1,
        superior: superior.as_ref().map(|s| s.1).unwrap_or(line),
    };
    Some((
        Person {
            name: name.0,
            email: email.0,
            department: department.0,
            title: title.map(|t| t.0),
            superior: superior.map(|s| s.0),
            chat,
        },
        lines,
    ))
}
