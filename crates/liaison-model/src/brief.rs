//! A brief: what the sender prepared before writing (步骤1 准备): 背景-目标-需求-预期成果, the
//! recipients and the attachments. `liaison new` renders a brief into a mail.

use crate::{Kind, Urgency};
use serde::{Deserialize, Serialize};

/// One requested action (需求/待办), before it has a resolved deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BriefItem {
    /// 做什么.
    pub what: String,
    /// 谁来做: a person's email or name, or a department.
    pub owner: String,
    /// 何时完成, as written (e.g. 本周五下班前); resolved by liaison-time.
    pub due: String,
    /// 交付标准.
    pub standard: String,
}

/// An attachment the mail will carry or refer to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BriefAttachment {
    /// Path of the file (relative to the brief), or only a name when `described` only.
    pub path: String,
    /// What it is and what it is for (附件说明).
    pub description: String,
}

/// A validated brief. Field names follow the TOML brief format documented in the README.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Brief {
    /// 协作类型.
    pub kind: Kind,
    /// 项目/主题.
    pub project: String,
    /// Departments named in the subject.
    pub departments: Vec<String>,
    /// 紧急程度.
    pub urgency: Urgency,
    /// Sender's email (must be in the directory).
    pub from: String,
    /// To recipients' emails.
    pub to: Vec<String>,
    /// Cc recipients' emails.
    pub cc: Vec<String>,
    /// One sentence: why this mail is written.
    pub purpose: String,
    /// 背景.
    pub background: String,
    /// 目标.
    pub goal: String,
    /// 需求 / 待办.
    pub items: Vec<BriefItem>,
    /// 预期成果.
    pub outcome: Option<String>,
    /// Attachments with their descriptions.
    pub attachments: Vec<BriefAttachment>,
    /// 请于…前回复: the reply deadline, as written.
    pub reply_by: Option<String>,
    /// The next step stated in the closing.
    pub next_step: Option<String>,
    /// English text for `--lang en` (the `[en]` table), if the brief has one.
    #[serde(default)]
    pub en: Option<BriefEnglish>,
}

/// The English text of a brief (`[en]` table): any field given replaces the Chinese one
/// when the mail is composed with `--lang en`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BriefEnglish {
    /// 项目/主题 in English.
    pub project: Option<String>,
    /// The opening sentence.
    pub purpose: Option<String>,
    /// 背景.
    pub background: Option<String>,
    /// 目标.
    pub goal: Option<String>,
    /// 预期成果.
    pub outcome: Option<String>,
    /// The reply deadline.
    pub reply_by: Option<String>,
    /// The next step.
    pub next_step: Option<String>,
    /// `[[en.item]]`: what/due/standard in English, in the order of `[[item]]`.
    pub items: Vec<BriefItem>,
    /// `en.attachments`: attachment descriptions in English, in order.
    pub attachments: Vec<String>,
}

impl Brief {
    /// The brief with its `[en]` text swapped in (unchanged without an `[en]` table).
    pub fn english(&self) -> Brief {
        let mut b = self.clone();
        let Some(en) = &self.en else {
            return b;
        };
        let set = |dst: &mut String, src: &Option<String>| {
            if let Some(v) = src {
                *dst = v.clone();
            }
        };
        set(&mut b.project, &en.project);
        set(&mut b.purpose, &en.purpose);
        set(&mut b.background, &en.background);
        set(&mut b.goal, &en.goal);
        if en.outcome.is_some() {
            b.outcome = en.outcome.clone();
        }
        if en.reply_by.is_some() {
            b.reply_by = en.reply_by.clone();
        }
        if en.next_step.is_some() {
            b.next_step = en.next_step.clone();
        }
        for (item, e) in b.items.iter_mut().zip(&en.items) {
            item.what = e.what.clone();
            item.due = e.due.clone();
            item.standard = e.standard.clone();
        }
        for (a, d) in b.attachments.iter_mut().zip(&en.attachments) {
            a.description = d.clone();
        }
        b
    }
}

use crate::Directory;
use crate::problem::{Collector, Problems, syntax};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Top-level keys of a TOML brief.
pub const BRIEF_KEYS: [&str; 16] = [
    "kind",
    "project",
    "departments",
    "urgency",
    "from",
    "to",
    "cc",
    "purpose",
    "background",
    "goal",
    "outcome",
    "reply_by",
    "next_step",
    "item",
    "attachment",
    "en",
];

/// Fields that end up in a mail header, where CR or LF would inject headers.
const HEADER_KEYS: [&str; 6] = ["project", "departments", "urgency", "from", "to", "cc"];

/// The closest candidate by Jaro-Winkler similarity, if it is close enough to suggest.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| {
            let (a, b) = (input.to_lowercase(), c.to_lowercase());
            // Jaro-Winkler suits ASCII typos; short Chinese names need edit distance.
            let jw = strsim::jaro_winkler(&a, &b);
            let nl = strsim::normalized_levenshtein(&a, &b);
            let ok = jw >= 0.7 || nl >= 0.5;
            (if ok { jw.max(nl) } else { 0.0 }, c)
        })
        .filter(|(s, _)| *s > 0.0)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

pub use crate::text::sentence_count;

fn field<'a, 'i>(t: &'a DeTable<'i>, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
    t.iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

struct Reader<'c, 't> {
    c: &'c mut Collector<'t>,
}

impl Reader<'_, '_> {
    fn string(
        &mut self,
        t: &DeTable<'_>,
        key: &str,
        required: bool,
        at: usize,
    ) -> Option<(String, usize)> {
        match field(t, key) {
            Some(v) => match v.get_ref().as_str() {
                Some(s) if !s.trim().is_empty() => Some((s.trim().to_string(), v.span().start)),
                Some(_) => {
                    self.c.push(
                        v.span().start,
                        format!("“{key}”为空"),
                        format!("`{key}` is empty"),
                        format!("填写 {key}"),
                        format!("fill in `{key}`"),
                    );
                    None
                }
                None => {
                    self.c.push(
                        v.span().start,
                        format!("“{key}”应为字符串，而不是{}", v.get_ref().type_str()),
                        format!("`{key}` must be a string, not {}", v.get_ref().type_str()),
                        format!("写成 {key} = \"…\""),
                        format!("write {key} = \"…\""),
                    );
                    None
                }
            },
            None if required => {
                self.c.push(
                    at,
                    format!("缺少“{key}”"),
                    format!("missing `{key}`"),
                    format!("加上 {key} = \"…\"（格式见 README 的“Brief format”）"),
                    format!("add {key} = \"…\" (see “Brief format” in the README)"),
                );
                None
            }
            None => None,
        }
    }

    /// A string or an array of strings.
    fn strings(
        &mut self,
        t: &DeTable<'_>,
        key: &str,
        required: bool,
        at: usize,
    ) -> Vec<(String, usize)> {
        match field(t, key) {
            Some(v) => match v.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => {
                    vec![(s.trim().to_string(), v.span().start)]
                }
                DeValue::Array(a) => {
                    let mut out = Vec::new();
                    for x in a.iter() {
                        match x.get_ref().as_str() {
                            Some(s) if !s.trim().is_empty() => {
                                out.push((s.trim().to_string(), x.span().start))
                            }
                            _ => self.c.push(
                                x.span().start,
                                format!("“{key}”中的每一项应为非空字符串"),
                                format!("every entry of `{key}` must be a non-empty string"),
                                format!("写成 {key} = [\"…\", \"…\"]"),
                                format!("write {key} = [\"…\", \"…\"]"),
                            ),
                        }
                    }
                    if out.is_empty() && required {
                        self.c.push(
                            v.span().start,
                            format!("“{key}”为空"),
                            format!("`{key}` is empty"),
                            format!("至少填写一项：{key} = [\"…\"]"),
                            format!("give at least one: {key} = [\"…\"]"),
                        );
                    }
                    out
                }
                _ => {
                    self.c.push(
                        v.span().start,
                        format!("“{key}”应为字符串数组"),
                        format!("`{key}` must be an array of strings"),
                        format!("写成 {key} = [\"…\"]"),
                        format!("write {key} = [\"…\"]"),
                    );
                    Vec::new()
                }
            },
            None if required => {
                self.c.push(
                    at,
                    format!("缺少“{key}”"),
                    format!("missing `{key}`"),
                    format!("加上 {key} = [\"…\"]"),
                    format!("add {key} = [\"…\"]"),
                );
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    fn tables<'a, 'i>(&mut self, t: &'a DeTable<'i>, key: &str) -> Vec<(&'a DeTable<'i>, usize)> {
        match field(t, key) {
            Some(v) => match v.get_ref() {
                DeValue::Array(a) => a
                    .iter()
                    .filter_map(|x| match x.get_ref() {
                        DeValue::Table(tt) => {
                            let at = tt
                                .iter()
                                .map(|(k, _)| k.span().start)
                                .min()
                                .unwrap_or(x.span().start);
                            Some((tt, at))
                        }
                        _ => {
                            self.c.push(
                                x.span().start,
                                format!("“{key}”应写成 [[{key}]] 表"),
                                format!("`{key}` must be [[{key}]] tables"),
                                format!("改用 [[{key}]]"),
                                format!("use [[{key}]]"),
                            );
                            None
                        }
                    })
                    .collect(),
                _ => {
                    self.c.push(
                        v.span().start,
                        format!("“{key}”应写成 [[{key}]] 表"),
                        format!("`{key}` must be [[{key}]] tables"),
                        format!("改用 [[{key}]]"),
                        format!("use [[{key}]]"),
                    );
                    Vec::new()
                }
            },
            None => Vec::new(),
        }
    }
}

impl Brief {
    /// The `path` of every `[[attachment]]` table as written (trimmed), with the 1-based line
    /// of its value, even when the brief has other problems (empty when the TOML does not
    /// parse). Checking the files is the caller's job: this crate does no IO.
    pub fn attachment_paths(text: &str) -> Vec<(String, usize)> {
        let Ok(root) = DeTable::parse(text) else {
            return Vec::new();
        };
        let c = Collector::new("", text);
        let Some(v) = field(root.get_ref(), "attachment") else {
            return Vec::new();
        };
        let DeValue::Array(a) = v.get_ref() else {
            return Vec::new();
        };
        a.iter()
            .filter_map(|x| match x.get_ref() {
                DeValue::Table(t) => field(t, "path"),
                _ => None,
            })
            .filter_map(|p| {
                p.get_ref()
                    .as_str()
                    .map(|s| (s.trim().to_string(), c.line(p.span().start)))
            })
            .filter(|(s, _)| !s.is_empty())
            .collect()
    }

    /// Parses and validates a TOML brief, reporting every problem at once with its line.
    ///
    /// `file` names the brief in errors. `kind` is the kind given on the command line: it
    /// is used when the brief has no `kind`, and must agree with it otherwise. Recipients
    /// (`from`, `to`, `cc`, by email or by name) must be in `directory`; they are returned
    /// as emails. CR or LF in any field that goes into a header is refused.
    pub fn from_toml(
        file: &str,
        text: &str,
        kind: Option<Kind>,
        directory: &Directory,
    ) -> Result<Brief, Problems> {
        let root = DeTable::parse(text).map_err(|e| syntax(file, text, &e))?;
        let root = root.get_ref();
        let mut c = Collector::new(file, text);
        let top = 0;
        // Unknown keys, with a suggestion.
        for (k, _) in root.iter() {
            let key = k.get_ref().as_ref();
            if !BRIEF_KEYS.contains(&key) {
                let hint = did_you_mean(key, BRIEF_KEYS);
                c.push(
                    k.span().start,
                    format!("未知字段“{key}”"),
                    format!("unknown field `{key}`"),
                    match hint {
                        Some(h) => format!("是否想写“{h}”？"),
                        None => format!("可用字段：{}", BRIEF_KEYS.join("、")),
                    },
                    match hint {
                        Some(h) => format!("did you mean `{h}`?"),
                        None => format!("known fields: {}", BRIEF_KEYS.join(", ")),
                    },
                );
            }
        }
        // Header injection: any CR/LF in a header field, anywhere.
        for (k, v) in root.iter() {
            let key = k.get_ref().as_ref();
            if !HEADER_KEYS.contains(&key) {
                continue;
            }
            let values: Vec<(&str, usize)> = match v.get_ref() {
                DeValue::String(s) => vec![(s.as_ref(), v.span().start)],
                DeValue::Array(a) => a
                    .iter()
                    .filter_map(|x| x.get_ref().as_str().map(|s| (s, x.span().start)))
                    .collect(),
                _ => vec![],
            };
            for (s, at) in values {
                if s.contains(['\r', '\n']) {
                    c.push(at, format!("“{key}”含有换行符（CR/LF），会被用于注入邮件头，已拒绝"),
                        format!("`{key}` contains a line break (CR/LF), which would inject mail headers: refused"),
                        "把该字段写在一行内，去掉 \\n、\\r 和多行字符串".into(),
                        "keep the field on one line: remove \\n, \\r and multi-line strings".into());
                }
            }
        }
        let mut r = Reader { c: &mut c };
        let kind_field = r.string(root, "kind", kind.is_none(), top);
        let kind = match (kind_field, kind) {
            (Some((s, at)), cli) => match Kind::parse(&s) {
                Some(k) => {
                    if let Some(cli) = cli.filter(|c| *c != k) {
                        r.c.push(
                            at,
                            format!("简报的类型“{s}”与命令行的“{}”不一致", cli.tag()),
                            format!(
                                "the brief's kind `{s}` differs from `{}` on the command line",
                                cli.tag_en()
                            ),
                            "让两者一致，或在命令行省略类型以外的参数".into(),
                            "make them agree".into(),
                        );
                    }
                    Some(k)
                }
                None => {
                    let tags: Vec<&str> = Kind::ALL.iter().map(|k| k.tag()).collect();
                    let hint = did_you_mean(
                        &s,
                        tags.iter().copied().chain(Kind::ALL.iter().map(|k| k.id())),
                    );
                    r.c.push(
                        at,
                        format!("未知的协作类型“{s}”"),
                        format!("unknown kind `{s}`"),
                        match hint {
                            Some(h) => format!("是否想写“{h}”？可用：{}", tags.join("、")),
                            None => format!("可用：{}", tags.join("、")),
                        },
                        match hint {
                            Some(h) => format!("did you mean `{h}`? known: {}", tags.join(", ")),
                            None => format!("known: {}", tags.join(", ")),
                        },
                    );
                    None
                }
            },
            (None, cli) => cli,
        };
        let project = r.string(root, "project", true, top);
        let departments = r.strings(root, "departments", true, top);
        for (d, at) in &departments {
            if directory.department(d).is_none() {
                let names: Vec<&str> = directory
                    .departments
                    .iter()
                    .map(|d| d.name.as_str())
                    .collect();
                let hint = did_you_mean(d, names.iter().copied());
                r.c.push(
                    *at,
                    format!("部门“{d}”不在通讯录中"),
                    format!("department `{d}` is not in the directory"),
                    match hint {
                        Some(h) => format!("是否想写“{h}”？"),
                        None => format!("可用：{}", names.join("、")),
                    },
                    match hint {
                        Some(h) => format!("did you mean `{h}`?"),
                        None => format!("known: {}", names.join(", ")),
                    },
                );
            }
        }
        let urgency = r.string(root, "urgency", true, top).and_then(|(s, at)| match Urgency::parse(&s) {
            Some(u) => Some(u),
            None => {
                r.c.push(at, format!("未知的紧急程度“{s}”"), format!("unknown urgency `{s}`"),
                    "可用：紧急、重要、一般、需今日反馈、需X月X日前反馈".into(),
                    "use 紧急, 重要, 一般, 需今日反馈 or 需<date>前反馈 (Urgent, Important, Normal, Reply today)".into());
                None
            }
        });
        let from = r.string(root, "from", true, top);
        let to = r.strings(root, "to", true, top);
        let cc = r.strings(root, "cc", false, top);
        let resolve = |r: &mut Reader<'_, '_>,
                       who: &(String, usize),
                       key: &str|
         -> Option<String> {
            let (s, at) = who;
            if s.contains(['\r', '\n']) {
                return None; // already reported as header injection
            }
            if let Some(p) = directory.person(s) {
                return Some(p.email.clone());
            }
            if let Some(p) = directory.people.iter().find(|p| p.name == *s) {
                return Some(p.email.clone());
            }
            let cands: Vec<&str> = directory
                .people
                .iter()
                .flat_map(|p| [p.email.as_str(), p.name.as_str()])
                .collect();
            let hint = did_you_mean(s, cands.iter().copied()).map(|h| {
                directory
                    .people
                    .iter()
                    .find(|p| p.email == h || p.name == h)
                    .map(|p| format!("{} <{}>", p.name, p.email))
                    .unwrap_or_default()
            });
            r.c.push(
                    *at,
                    format!("“{key}”中的 {s} 不在通讯录中"),
                    format!("{s} in `{key}` is not in the directory"),
                    match &hint {
                        Some(h) => format!("是否想写 {h}？"),
                        None => {
                            "先在通讯录中添加此人（编辑 directory.toml，或 liaison directory import）"
                                .into()
                        }
                    },
                    match &hint {
                        Some(h) => format!("did you mean {h}?"),
                        None => "add the person to the directory first (edit directory.toml, or liaison directory import)".into(),
                    },
                );
            None
        };
        let from_email = from.as_ref().and_then(|f| resolve(&mut r, f, "from"));
        let to_emails: Vec<Option<String>> = to.iter().map(|t| resolve(&mut r, t, "to")).collect();
        let cc_emails: Vec<Option<String>> = cc.iter().map(|t| resolve(&mut r, t, "cc")).collect();
        let purpose = r.string(root, "purpose", true, top);
        let background = r.string(root, "background", true, top);
        let goal = r.string(root, "goal", true, top);
        for (key, v) in [("purpose", &purpose)] {
            if let Some((s, at)) = v
                && sentence_count(s) > 1
            {
                r.c.push(
                    *at,
                    format!("“{key}”应为一句话（开场白只说明目的）"),
                    format!("`{key}` must be one sentence (the opening states the purpose)"),
                    "把其余内容移到 background 或 item".into(),
                    "move the rest into background or an item".into(),
                );
            }
        }
        if let (Some((b, at)), Some((g, _))) = (&background, &goal)
            && sentence_count(b) + sentence_count(g) > 2
        {
            r.c.push(
                *at,
                "背景与目标合计超过两句".into(),
                "background and goal run past two sentences together".into(),
                "背景与目标各用一句话；细节放进附件".into(),
                "one sentence each for background and goal; details go into an attachment".into(),
            );
        }
        let outcome = r.string(root, "outcome", false, top);
        let reply_by = r.string(root, "reply_by", true, top);
        let next_step = r.string(root, "next_step", true, top);
        let mut items = Vec::new();
        let item_tables = r.tables(root, "item");
        if item_tables.is_empty()
            && let Some(k) = kind
            && k.expects_items()
        {
            r.c.push(
                top,
                format!(
                    "“{}”需要至少一个 [[item]]（做什么/谁来做/何时完成/交付标准）",
                    k.tag()
                ),
                format!(
                    "a {} needs at least one [[item]] (what/owner/due/standard)",
                    k.tag_en()
                ),
                "加上 [[item]] 表，含 what、owner、due、standard".into(),
                "add an [[item]] table with what, owner, due and standard".into(),
            );
        }
        for (t, at) in item_tables {
            for (k, _) in t.iter() {
                let key = k.get_ref().as_ref();
                if !["what", "owner", "due", "standard"].contains(&key) {
                    let hint = did_you_mean(key, ["what", "owner", "due", "standard"]);
                    r.c.push(
                        k.span().start,
                        format!("[[item]] 中未知字段“{key}”"),
                        format!("unknown field `{key}` in [[item]]"),
                        hint.map(|h| format!("是否想写“{h}”？"))
                            .unwrap_or("可用：what、owner、due、standard".into()),
                        hint.map(|h| format!("did you mean `{h}`?"))
                            .unwrap_or("known: what, owner, due, standard".into()),
                    );
                }
            }
            let what = r.string(t, "what", true, at);
            let owner = r.string(t, "owner", true, at);
            let due = r.string(t, "due", true, at);
            let standard = r.string(t, "standard", true, at);
            if let (Some(what), Some(owner), Some(due), Some(standard)) =
                (what, owner, due, standard)
            {
                items.push(BriefItem {
                    what: what.0,
                    owner: owner.0,
                    due: due.0,
                    standard: standard.0,
                });
            }
        }
        let mut attachments = Vec::new();
        for (t, at) in r.tables(root, "attachment") {
            let path = r.string(t, "path", true, at);
            let description = r.string(t, "description", true, at);
            if let Some((p, pat)) = &path
                && p.contains(['\r', '\n', '"'])
            {
                r.c.push(
                    *pat,
                    "附件名含有换行或引号，已拒绝".into(),
                    "an attachment name with a line break or quote: refused".into(),
                    "重命名该文件".into(),
                    "rename the file".into(),
                );
                continue;
            }
            if let (Some(path), Some(description)) = (path, description) {
                attachments.push(BriefAttachment {
                    path: path.0,
                    description: description.0,
                });
            }
        }
        let en = match field(root, "en") {
            None => None,
            Some(v) => match v.get_ref() {
                DeValue::Table(t) => {
                    let at = v.span().start;
                    let mut e = BriefEnglish::default();
                    for (k, _) in t.iter() {
                        let key = k.get_ref().as_ref();
                        const EN_KEYS: [&str; 9] = [
                            "project",
                            "purpose",
                            "background",
                            "goal",
                            "outcome",
                            "reply_by",
                            "next_step",
                            "item",
                            "attachments",
                        ];
                        if !EN_KEYS.contains(&key) {
                            let hint = did_you_mean(key, EN_KEYS);
                            r.c.push(
                                k.span().start,
                                format!("[en] 中未知字段“{key}”"),
                                format!("unknown field `{key}` in [en]"),
                                hint.map(|h| format!("是否想写“{h}”？"))
                                    .unwrap_or(format!("可用：{}", EN_KEYS.join("、"))),
                                hint.map(|h| format!("did you mean `{h}`?"))
                                    .unwrap_or(format!("known: {}", EN_KEYS.join(", "))),
                            );
                        }
                    }
                    e.project = r.string(t, "project", false, at).map(|(s, at)| {
                        if s.contains(['\r', '\n']) {
                            r.c.push(at, "“en.project”含有换行符（CR/LF），会被用于注入邮件头，已拒绝".into(),
                                "`en.project` contains a line break (CR/LF), which would inject mail headers: refused".into(),
                                "把该字段写在一行内".into(), "keep the field on one line".into());
                        }
                        s
                    });
                    e.purpose = r.string(t, "purpose", false, at).map(|x| x.0);
                    e.background = r.string(t, "background", false, at).map(|x| x.0);
                    e.goal = r.string(t, "goal", false, at).map(|x| x.0);
                    e.outcome = r.string(t, "outcome", false, at).map(|x| x.0);
                    e.reply_by = r.string(t, "reply_by", false, at).map(|x| x.0);
                    e.next_step = r.string(t, "next_step", false, at).map(|x| x.0);
                    let en_items = r.tables(t, "item");
                    if !en_items.is_empty() && en_items.len() != items.len() {
                        r.c.push(
                            en_items[0].1,
                            format!(
                                "[[en.item]] 有 {} 项，[[item]] 有 {} 项",
                                en_items.len(),
                                items.len()
                            ),
                            format!(
                                "[[en.item]] has {} entries but [[item]] has {}",
                                en_items.len(),
                                items.len()
                            ),
                            "每个 [[item]] 对应一个 [[en.item]]，顺序相同".into(),
                            "give one [[en.item]] per [[item]], in the same order".into(),
                        );
                    }
                    for (it, iat) in en_items {
                        let what = r.string(it, "what", true, iat);
                        let due = r.string(it, "due", true, iat);
                        let standard = r.string(it, "standard", true, iat);
                        if let (Some(w), Some(d), Some(s)) = (what, due, standard) {
                            e.items.push(BriefItem {
                                what: w.0,
                                owner: String::new(),
                                due: d.0,
                                standard: s.0,
                            });
                        }
                    }
                    let descs = r.strings(t, "attachments", false, at);
                    if !descs.is_empty() && descs.len() != attachments.len() {
                        r.c.push(
                            descs[0].1,
                            "en.attachments 的数量与 [[attachment]] 不一致".into(),
                            "en.attachments must have one description per [[attachment]]".into(),
                            "每个附件一句英文说明，顺序相同".into(),
                            "one English description per attachment, in order".into(),
                        );
                    }
                    e.attachments = descs.into_iter().map(|d| d.0).collect();
                    Some(e)
                }
                _ => {
                    r.c.push(
                        v.span().start,
                        "“en”应为表 [en]".into(),
                        "`en` must be a table ([en])".into(),
                        "写成 [en] 表".into(),
                        "write it as an [en] table".into(),
                    );
                    None
                }
            },
        };
        if !c.problems.is_empty() {
            let mut p = c.problems;
            p.sort_by_key(|p| p.line);
            return Err(Problems(p));
        }
        let some = |v: Option<(String, usize)>| v.map(|x| x.0).unwrap_or_default();
        Ok(Brief {
            kind: kind.expect("checked"),
            project: some(project),
            departments: departments.into_iter().map(|d| d.0).collect(),
            urgency: urgency.expect("checked"),
            from: from_email.expect("checked"),
            to: to_emails.into_iter().flatten().collect(),
            cc: cc_emails.into_iter().flatten().collect(),
            purpose: some(purpose),
            background: some(background),
            goal: some(goal),
            items,
            outcome: outcome.map(|o| o.0),
            attachments,
            reply_by: reply_by.map(|o| o.0),
            next_step: next_step.map(|o| o.0),
            en,
        })
    }
}
