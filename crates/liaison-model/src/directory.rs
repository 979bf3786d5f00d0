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
    aliases: usize,
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
    /// The path is a folder, FIFO or device, not a file (a FIFO would block the reader,
    /// a device such as /dev/zero would never end).
    #[error("{path}: 通讯录不是普通文件 (the directory is not a regular file)")]
    NotAFile {
        /// The path.
        path: String,
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

/// Keys of a `[[department]]` table.
pub const DEPARTMENT_KEYS: [&str; 3] = ["name", "aliases", "head"];
/// Keys of a `[[person]]` table.
pub const PERSON_KEYS: [&str; 6] = ["name", "email", "department", "title", "superior", "chat"];
/// Top-level keys of a directory file.
const TOP_KEYS: [&str; 2] = ["department", "person"];

/// The first character that has no place in a directory field: a line break (which would
/// inject headers when the value reaches a mail), any other control character, or a
/// bidirectional override (which makes an address display as another).
pub fn forbidden_char(s: &str) -> Option<char> {
    s.chars().find(|&c| {
        c.is_control() || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

/// A problem for a field holding a forbidden character.
fn control_problem(key: &str, ch: char) -> (String, String, String, String) {
    let code = format!("U+{:04X}", ch as u32);
    (
        format!("“{key}”含有换行符或控制字符（{code}），已拒绝"),
        format!("`{key}` contains a line break or control character ({code}): refused"),
        "把该值写在一行内，去掉 \\n、\\r、制表符等控制字符".into(),
        "keep the value on one line, without \\n, \\r, tabs or other control characters".into(),
    )
}

/// Reports keys of `t` outside `known`, with a "did you mean".
fn unknown_keys(c: &mut Collector<'_>, t: &Table<'_>, table: &str, known: &[&str]) {
    for (k, _) in t.iter() {
        let key = k.get_ref().as_ref();
        if known.contains(&key) {
            continue;
        }
        let hint = crate::brief::did_you_mean(key, known.iter().copied());
        c.push(
            k.span().start,
            format!("[[{table}]] 中未知的键“{key}”"),
            format!("unknown key `{key}` in [[{table}]]"),
            match hint {
                Some(h) => format!("是否想写“{h}”？可用：{}", known.join("、")),
                None => format!("可用：{}", known.join("、")),
            },
            match hint {
                Some(h) => format!("did you mean `{h}`? known: {}", known.join(", ")),
                None => format!("known: {}", known.join(", ")),
            },
        );
    }
}

impl Directory {
    /// Reads and validates a directory file (TOML, or CSV when the name ends in `.csv`).
    pub fn load(path: &Path) -> Result<Directory, DirectoryError> {
        let io = |source| DirectoryError::Io {
            path: path.display().to_string(),
            source,
        };
        if !std::fs::metadata(path).map_err(io)?.is_file() {
            return Err(DirectoryError::NotAFile {
                path: path.display().to_string(),
            });
        }
        let text = std::fs::read_to_string(path).map_err(io)?;
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
                _ => {
                    let hint = crate::brief::did_you_mean(key, TOP_KEYS);
                    c.push(
                        at,
                        format!("未知的键“{key}”"),
                        format!("unknown key `{key}`"),
                        match hint {
                            Some(h) => format!(
                                "是否想写“{h}”？通讯录只包含 [[department]] 和 [[person]] 表"
                            ),
                            None => "通讯录只包含 [[department]] 和 [[person]] 表".into(),
                        },
                        match hint {
                            Some(h) => format!(
                                "did you mean `{h}`? a directory holds only [[department]] and [[person]] tables"
                            ),
                            None => "a directory holds only [[department]] and [[person]] tables"
                                .into(),
                        },
                    )
                }
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
            let mut bad = false;
            for (i, cell) in rec.iter().enumerate() {
                if let Some(ch) = forbidden_char(cell) {
                    bad = true;
                    let key = headers.get(i).map(String::as_str).unwrap_or("?");
                    let (zh, en, _, _) = control_problem(key, ch);
                    push(
                        &mut problems,
                        file,
                        line,
                        zh,
                        en,
                        "删去该单元格中的换行符或控制字符".into(),
                        "remove the line break or control character from that cell".into(),
                    );
                }
            }
            if bad {
                continue;
            }
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
        let dlines: Vec<DepartmentLines> = dir
            .departments
            .iter()
            .map(|d| {
                let first = dir
                    .people
                    .iter()
                    .zip(&plines)
                    .find(|(p, _)| p.department == d.name)
                    .map(|(_, l)| l.department)
                    .unwrap_or(0);
                DepartmentLines {
                    table: first,
                    head: first,
                    aliases: first,
                }
            })
            .collect();
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
        self.check_superior_chains(file, plines, problems);
        self.check_aliases(file, dlines, problems);
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

    /// A person who is their own superior, and chains of superiors that loop
    /// (a -> b -> c -> a): the escalation would cc the person themself or never reach the top.
    /// Each cycle is reported once, on the `superior` line of its first member in the file.
    fn check_superior_chains(
        &self,
        file: &str,
        plines: &[PersonLines],
        problems: &mut Vec<Problem>,
    ) {
        let index: BTreeMap<String, usize> = self
            .people
            .iter()
            .enumerate()
            .rev()
            .map(|(i, p)| (p.email.to_ascii_lowercase(), i))
            .collect();
        let next: Vec<Option<usize>> = self
            .people
            .iter()
            .map(|p| {
                p.superior
                    .as_deref()
                    .and_then(|s| index.get(&s.trim().to_ascii_lowercase()).copied())
            })
            .collect();
        for (i, p) in self.people.iter().enumerate() {
            if next[i] == Some(i) {
                push(
                    problems,
                    file,
                    plines[i].superior,
                    format!("{}（{}）的上级是其本人", p.name, p.email),
                    format!("{} ({}) is their own superior", p.name, p.email),
                    "superior 填写其真实上级的邮箱；最高层不写 superior".into(),
                    "name their real superior by email; omit `superior` for the top".into(),
                );
            }
        }
        // Every person has at most one superior, so walking from each person either ends
        // at the top or enters exactly one cycle.
        let mut state = vec![0u8; self.people.len()]; // 0 new, 1 on the current walk, 2 done
        for start in 0..self.people.len() {
            let mut walk = Vec::new();
            let mut at = Some(start);
            while let Some(i) = at {
                match state[i] {
                    0 => {
                        state[i] = 1;
                        walk.push(i);
                        at = next[i];
                    }
                    1 => {
                        let from = walk.iter().position(|&w| w == i).unwrap_or(0);
                        let cycle = &walk[from..];
                        if cycle.len() > 1 {
                            self.report_cycle(file, plines, cycle, problems);
                        }
                        break;
                    }
                    _ => break,
                }
            }
            for w in walk {
                state[w] = 2;
            }
        }
    }

    fn report_cycle(
        &self,
        file: &str,
        plines: &[PersonLines],
        cycle: &[usize],
        problems: &mut Vec<Problem>,
    ) {
        // Start the cycle at the member written first, so the report does not depend on
        // where the walk entered it.
        let first = (0..cycle.len())
            .min_by_key(|&k| (plines[cycle[k]].table, cycle[k]))
            .unwrap_or(0);
        let order: Vec<usize> = cycle[first..]
            .iter()
            .chain(&cycle[..first])
            .copied()
            .chain(std::iter::once(cycle[first]))
            .collect();
        let zh: Vec<String> = order.iter().map(|&i| self.people[i].name.clone()).collect();
        let en: Vec<String> = order
            .iter()
            .map(|&i| format!("{} ({})", self.people[i].name, self.people[i].email))
            .collect();
        push(
            problems,
            file,
            plines[cycle[first]].superior,
            format!("上级关系成环：{}", zh.join(" → ")),
            format!("superior cycle: {}", en.join(" -> ")),
            "上级关系必须通向最高层：更正或删去环中某人的 superior（最高层不写 superior）".into(),
            "the chain of superiors must end at the top: correct or remove one `superior` in the cycle (the top has none)".into(),
        );
    }

    /// An alias is a second name for one department: an alias shared by two departments,
    /// or equal to another department's name, would send a mail to the wrong one.
    fn check_aliases(&self, file: &str, dlines: &[DepartmentLines], problems: &mut Vec<Problem>) {
        let names: BTreeMap<String, usize> = self
            .departments
            .iter()
            .enumerate()
            .rev()
            .map(|(i, d)| (d.name.to_ascii_lowercase(), i))
            .collect();
        let mut aliases: BTreeMap<String, usize> = BTreeMap::new();
        for (i, d) in self.departments.iter().enumerate() {
            let line = dlines.get(i).map(|l| l.aliases).unwrap_or(0);
            for a in &d.aliases {
                let key = a.trim().to_ascii_lowercase();
                if let Some(&j) = names.get(&key)
                    && j != i
                {
                    let other = &self.departments[j].name;
                    push(
                        problems,
                        file,
                        line,
                        format!("部门“{}”的别名“{a}”是另一个部门“{other}”的名称", d.name),
                        format!(
                            "the alias `{a}` of `{}` is the name of another department, `{other}`",
                            d.name
                        ),
                        "删去该别名：一个名称只能指向一个部门".into(),
                        "remove the alias: a name may stand for one department only".into(),
                    );
                } else if let Some(&j) = aliases.get(&key)
                    && j != i
                {
                    let other = &self.departments[j].name;
                    push(
                        problems,
                        file,
                        line,
                        format!("别名“{a}”同时属于部门“{other}”和“{}”", d.name),
                        format!("the alias `{a}` belongs to both `{other}` and `{}`", d.name),
                        "只在其中一个部门保留该别名：一个名称只能指向一个部门".into(),
                        "keep the alias in one department only: a name may stand for one department only".into(),
                    );
                } else {
                    aliases.entry(key).or_insert(i);
                }
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
            Some(s) if forbidden_char(s).is_some() => {
                let (zh, en, h, he) = control_problem(key, forbidden_char(s).unwrap_or('\0'));
                c.push(v.span().start, zh, en, h, he);
                None
            }
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
    unknown_keys(c, t, "department", &DEPARTMENT_KEYS);
    let name = read_str(c, t, "name", true, at);
    let head = read_str(c, t, "head", false, at);
    let mut aliases = Vec::new();
    let mut aliases_line = c.line(at);
    if let Some(v) = get(t, "aliases") {
        aliases_line = c.line(v.span().start);
        match v.get_ref().as_array() {
            Some(a) => {
                for x in a.iter() {
                    let Some(s) = x.get_ref().as_str() else {
                        continue;
                    };
                    if let Some(ch) = forbidden_char(s) {
                        let (zh, en, h, he) = control_problem("aliases", ch);
                        c.push(x.span().start, zh, en, h, he);
                    } else {
                        aliases.push(s.to_string());
                    }
                }
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
        aliases: aliases_line,
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
    unknown_keys(c, t, "person", &PERSON_KEYS);
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
                        if let Some(ch) = forbidden_char(h) {
                            let (zh, en, help, help_en) = control_problem(platform, ch);
                            c.push(hv.span().start, zh, en, help, help_en);
                        } else {
                            chat.insert(platform.to_string(), h.to_string());
                        }
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
