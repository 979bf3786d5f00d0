//! Compose: render a [`liaison_model::Brief`] into a collaboration mail with minijinja
//! templates (built-in Chinese and English ones, overridable by a templates directory).
//!
//! The mail follows the guide's anatomy (步骤2): subject `【类型】项目/主题-部门-紧急程度`, a
//! greeting chosen from the recipients, a one-sentence opening, 背景与目标, numbered items
//! with 做什么/谁来做/何时完成/交付标准, 附件说明, a closing with the next step and the reply
//! deadline, and a signature with name, department and contact. Pure: no IO except
//! [`Templates::from_dir`] and [`Templates::export`].

pub mod attachments;

use chrono::{DateTime, FixedOffset};
use liaison_mail::mime::{self, Mailbox, OutAttachment, OutMessage};
use liaison_model::{Brief, Directory, Kind, Person};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The language of a composed mail.
pub use liaison_model::Lang;

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    /// A template failed to parse or render.
    #[error("template {name}: {source}")]
    Template {
        /// Template file name.
        name: String,
        /// The minijinja error.
        source: minijinja::Error,
    },
    /// A person the brief names is not in the directory.
    #[error("{0} is not in the directory")]
    UnknownPerson(String),
    /// MIME writing failed (header injection, bad address).
    #[error(transparent)]
    Mime(#[from] mime::MimeError),
    /// Reading or writing a templates directory failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

const BUILTIN: &[(&str, &str)] = &[
    ("base.zh.j2", include_str!("../templates/base.zh.j2")),
    ("base.en.j2", include_str!("../templates/base.en.j2")),
    ("kickoff.zh.j2", include_str!("../templates/kickoff.zh.j2")),
    ("kickoff.en.j2", include_str!("../templates/kickoff.en.j2")),
    ("request.zh.j2", include_str!("../templates/request.zh.j2")),
    ("request.en.j2", include_str!("../templates/request.en.j2")),
    ("issue.zh.j2", include_str!("../templates/issue.zh.j2")),
    ("issue.en.j2", include_str!("../templates/issue.en.j2")),
    (
        "escalation.zh.j2",
        include_str!("../templates/escalation.zh.j2"),
    ),
    (
        "escalation.en.j2",
        include_str!("../templates/escalation.en.j2"),
    ),
    ("result.zh.j2", include_str!("../templates/result.zh.j2")),
    ("result.en.j2", include_str!("../templates/result.en.j2")),
    (
        "progress-sync.zh.j2",
        include_str!("../templates/progress-sync.zh.j2"),
    ),
    (
        "progress-sync.en.j2",
        include_str!("../templates/progress-sync.en.j2"),
    ),
    ("nudge.zh.j2", include_str!("../templates/nudge.zh.j2")),
    ("nudge.en.j2", include_str!("../templates/nudge.en.j2")),
    (
        "confirmation.zh.j2",
        include_str!("../templates/confirmation.zh.j2"),
    ),
    (
        "confirmation.en.j2",
        include_str!("../templates/confirmation.en.j2"),
    ),
    (
        "retrospective.zh.j2",
        include_str!("../templates/retrospective.zh.j2"),
    ),
    (
        "retrospective.en.j2",
        include_str!("../templates/retrospective.en.j2"),
    ),
];

/// The set of templates: the built-ins, with files from an override directory replacing
/// those of the same name (`request.zh.j2`, `base.en.j2`, …).
#[derive(Debug, Clone)]
pub struct Templates {
    sources: BTreeMap<String, String>,
}

impl Default for Templates {
    fn default() -> Self {
        Templates::builtin()
    }
}

impl Templates {
    /// The built-in templates.
    pub fn builtin() -> Templates {
        Templates {
            sources: BUILTIN
                .iter()
                .map(|(n, s)| (n.to_string(), s.to_string()))
                .collect(),
        }
    }

    /// The built-ins overridden by every `*.j2` file in `dir`.
    pub fn from_dir(dir: &Path) -> Result<Templates, ComposeError> {
        let mut t = Templates::builtin();
        let io = |source| ComposeError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(Result::ok)
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "j2") {
                let text = std::fs::read_to_string(&path).map_err(|source| ComposeError::Io {
                    path: path.clone(),
                    source,
                })?;
                let name = e.file_name().to_string_lossy().into_owned();
                t.sources.insert(name, text);
            }
        }
        Ok(t)
    }

    /// The names of all templates.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.sources.keys().map(String::as_str)
    }

    /// The source of one template.
    pub fn source(&self, name: &str) -> Option<&str> {
        self.sources.get(name).map(String::as_str)
    }

    /// The template name for a kind and language, e.g. `request.zh.j2`.
    pub fn name_for(kind: Kind, lang: Lang) -> String {
        format!("{}.{}.j2", kind.id(), lang.code())
    }

    /// Writes every template into `dir` (created if needed); returns the files written.
    pub fn export(&self, dir: &Path) -> Result<Vec<PathBuf>, ComposeError> {
        std::fs::create_dir_all(dir).map_err(|source| ComposeError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut out = Vec::new();
        for (name, text) in &self.sources {
            let p = dir.join(name);
            std::fs::write(&p, text).map_err(|source| ComposeError::Io {
                path: p.clone(),
                source,
            })?;
            out.push(p);
        }
        Ok(out)
    }
}

/// A composed mail: the rendered parts and the MIME bytes.
#[derive(Debug, Clone, Serialize)]
pub struct ComposedMail {
    /// The kind.
    pub kind: Kind,
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub body: String,
    /// Sender as `Name <email>`.
    pub from: String,
    /// To recipients as `Name <email>`.
    pub to: Vec<String>,
    /// Cc recipients as `Name <email>` (for an escalation, including both superiors).
    pub cc: Vec<String>,
    /// Attachment file names.
    pub attachments: Vec<String>,
    /// Message-ID (without brackets).
    pub message_id: String,
    /// The Date header value.
    pub date: String,
    /// The RFC 5322 message.
    #[serde(skip)]
    pub eml: Vec<u8>,
}

impl ComposedMail {
    /// A plain draft: header lines (主题/发件人/… or Subject/From/…), a blank line, the body.
    /// `liaison lint` reads this format.
    pub fn draft(&self, lang: Lang) -> String {
        let (s, f, t, c, d, a, sep) = match lang {
            Lang::Zh => ("主题", "发件人", "收件人", "抄送", "日期", "附件", "、"),
            Lang::En => ("Subject", "From", "To", "Cc", "Date", "Attachments", ", "),
        };
        let colon = if lang == Lang::Zh { "：" } else { ": " };
        let mut out = format!(
            "{s}{colon}{}\n{f}{colon}{}\n{t}{colon}{}\n",
            self.subject,
            self.from,
            self.to.join(sep)
        );
        if !self.cc.is_empty() {
            out.push_str(&format!("{c}{colon}{}\n", self.cc.join(sep)));
        }
        out.push_str(&format!("{d}{colon}{}\n", self.date));
        if !self.attachments.is_empty() {
            out.push_str(&format!("{a}{colon}{}\n", self.attachments.join(sep)));
        }
        out.push('\n');
        out.push_str(&self.body);
        out
    }
}

#[derive(Serialize)]
struct ItemCtx {
    what: String,
    owner: String,
    due: String,
    standard: String,
}

#[derive(Serialize)]
struct AttachmentCtx {
    name: String,
    description: String,
}

#[derive(Serialize)]
struct SenderCtx {
    name: String,
    department: String,
    title: Option<String>,
    contact: String,
}

fn sentence(s: &str, lang: Lang) -> String {
    let s = s.trim();
    let ends = ['。', '！', '？', '!', '?', '.', '；'];
    if s.ends_with(ends) {
        s.to_string()
    } else {
        // Chinese text keeps a Chinese full stop even in an English mail.
        let cjk = s.chars().last().is_some_and(|c| !c.is_ascii());
        match lang {
            Lang::En if !cjk => format!("{s}."),
            _ => format!("{s}。"),
        }
    }
}

/// The file name part of an attachment path.
pub fn attachment_name(path: &str) -> String {
    path.rsplit(['/', '\\']).next().unwrap_or(path).to_string()
}

fn person<'a>(dir: &'a Directory, email: &str) -> Result<&'a Person, ComposeError> {
    dir.person(email)
        .ok_or_else(|| ComposeError::UnknownPerson(email.to_string()))
}

fn mailbox_text(p: &Person) -> String {
    format!("{} <{}>", p.name, p.email)
}

/// The greeting (称呼) for the To recipients: one person gets 张经理，您好！ (surname +
/// title, or the full name without a title); several get 各位同事，大家好！.
pub fn greeting(to: &[&Person], lang: Lang) -> String {
    match (to, lang) {
        ([p], Lang::Zh) => match &p.title {
            Some(t) => format!("{}{}，您好！", p.name.chars().next().unwrap_or_default(), t),
            None => format!("{}，您好！", p.name),
        },
        ([p], Lang::En) => format!("Hi {},", p.name),
        (_, Lang::Zh) => "各位同事，大家好！".into(),
        (_, Lang::En) => "Hi all,".into(),
    }
}

/// The subject: `【类型】项目/主题-部门-紧急程度`, or `[Kind] project - departments - Urgency`.
pub fn subject(brief: &Brief, lang: Lang) -> String {
    subject_in(brief, lang, None)
}

/// [`subject`], naming departments as the directory does for the language: an English
/// subject uses a department's English alias (`Marketing` for 市场部) when it has one.
pub fn subject_in(brief: &Brief, lang: Lang, dir: Option<&Directory>) -> String {
    let departments = department_names(&brief.departments, lang, dir).join("/");
    match lang {
        Lang::Zh => format!(
            "【{}】{}-{}-{}",
            brief.kind.tag(),
            brief.project,
            departments,
            brief.urgency.label()
        ),
        Lang::En => format!(
            "[{}] {} - {} - {}",
            brief.kind.tag_en(),
            brief.project,
            departments,
            brief.urgency.label_en()
        ),
    }
}

/// Department names for a mail in `lang`: in English, a Chinese name becomes the
/// directory's first ASCII alias of that department (names without one stay as written).
pub fn department_names(names: &[String], lang: Lang, dir: Option<&Directory>) -> Vec<String> {
    names
        .iter()
        .map(|n| {
            if lang != Lang::En || n.is_ascii() {
                return n.clone();
            }
            dir.and_then(|d| d.department(n))
                .and_then(|d| {
                    d.aliases
                        .iter()
                        .find(|a| a.is_ascii() && !a.trim().is_empty())
                })
                .cloned()
                .unwrap_or_else(|| n.clone())
        })
        .collect()
}

/// The people to cc on an escalation: the superiors of the sender and of every To
/// recipient, from the directory, without duplicates or people already addressed.
pub fn escalation_superiors(brief: &Brief, dir: &Directory) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for who in std::iter::once(&brief.from).chain(brief.to.iter()) {
        if let Some(s) = dir.superior_of(who) {
            let e = s.email.to_ascii_lowercase();
            if !out.contains(&e)
                && !brief.to.iter().any(|t| t.eq_ignore_ascii_case(&e))
                && !brief.from.eq_ignore_ascii_case(&e)
            {
                out.push(e);
            }
        }
    }
    out
}

/// Renders a validated brief into a mail.
///
/// `attachment_data[i]` holds the bytes of `brief.attachments[i]` (missing entries attach
/// an empty file). `now` becomes the Date; the Message-ID is on `domain` and derived from
/// the brief and `now`, so the same inputs give the same bytes.
pub fn compose(
    brief: &Brief,
    directory: &Directory,
    templates: &Templates,
    lang: Lang,
    now: DateTime<FixedOffset>,
    domain: &str,
    attachment_data: &[Vec<u8>],
) -> Result<ComposedMail, ComposeError> {
    let english;
    let brief = if lang == Lang::En {
        english = brief.english();
        &english
    } else {
        brief
    };
    let from = person(directory, &brief.from)?;
    let to: Vec<&Person> = brief
        .to
        .iter()
        .map(|e| person(directory, e))
        .collect::<Result<_, _>>()?;
    let mut cc: Vec<&Person> = brief
        .cc
        .iter()
        .map(|e| person(directory, e))
        .collect::<Result<_, _>>()?;
    let mut superiors = Vec::new();
    if brief.kind == Kind::Escalation {
        for e in escalation_superiors(brief, directory) {
            let p = person(directory, &e)?;
            superiors.push(p.name.clone());
            if !cc.iter().any(|c| c.email.eq_ignore_ascii_case(&p.email)) {
                cc.push(p);
            }
        }
    }
    let owner = |o: &str| -> String {
        match directory
            .person(o)
            .or_else(|| directory.people.iter().find(|p| p.name == o))
        {
            Some(p) => match lang {
                Lang::Zh => format!("{} {}", p.department, p.name),
                Lang::En => format!("{} ({})", p.name, p.department),
            },
            None => o.to_string(),
        }
    };
    let items: Vec<ItemCtx> = brief
        .items
        .iter()
        .map(|i| ItemCtx {
            what: i.what.trim_end_matches(['。', '.', '；', ';']).to_string(),
            owner: owner(&i.owner),
            due: i.due.clone(),
            standard: i
                .standard
                .trim_end_matches(['。', '.', '；', ';'])
                .to_string(),
        })
        .collect();
    let attachments: Vec<AttachmentCtx> = brief
        .attachments
        .iter()
        .map(|a| AttachmentCtx {
            name: attachment_name(&a.path),
            description: sentence(&a.description, lang),
        })
        .collect();
    let mut contact = Vec::new();
    for (platform, zh, en) in [
        ("dingtalk", "钉钉", "DingTalk"),
        ("feishu", "飞书", "Feishu"),
        ("wecom", "企业微信", "WeCom"),
    ] {
        if let Some(h) = from.chat.get(platform) {
            contact.push(format!(
                "{}{}{h}",
                if lang == Lang::Zh { zh } else { en },
                if lang == Lang::Zh { "：" } else { ": " }
            ));
        }
    }
    // The email goes in only without a chat handle: it is in the From header anyway.
    if contact.is_empty() {
        contact.push(match lang {
            Lang::Zh => format!("邮箱：{}", from.email),
            Lang::En => format!("Email: {}", from.email),
        });
    }
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let ctx = minijinja::context! {
        kind => brief.kind.tag(),
        kind_en => brief.kind.tag_en(),
        project => brief.project,
        departments => department_names(&brief.departments, lang, Some(directory)),
        urgency => brief.urgency.label(),
        greeting => greeting(&to, lang),
        opening => sentence(&brief.purpose, lang),
        background => sentence(&brief.background, lang),
        goal => sentence(&brief.goal, lang),
        items => items,
        outcome => brief.outcome.as_deref().map(|o| sentence(o, lang)),
        attachments => attachments,
        next_step => sentence(brief.next_step.as_deref().unwrap_or_default(), lang),
        reply_by => brief.reply_by.clone().unwrap_or_default(),
        superiors => superiors.join(sep),
        sender => SenderCtx {
            name: from.name.clone(),
            department: from.department.clone(),
            title: from.title.clone(),
            contact: contact.join(" | "),
        },
    };
    let mut env = minijinja::Environment::new();
    env.set_keep_trailing_newline(true);
    for (name, src) in &templates.sources {
        env.add_template_owned(name.clone(), src.clone())
            .map_err(|source| ComposeError::Template {
                name: name.clone(),
                source,
            })?;
    }
    let name = Templates::name_for(brief.kind, lang);
    let body = env
        .get_template(&name)
        .and_then(|t| t.render(ctx))
        .map_err(|source| ComposeError::Template {
            name: name.clone(),
            source,
        })?;
    let body = tidy(&body);
    let subject = subject_in(brief, lang, Some(directory));
    let date = now.to_rfc2822();
    let seed = format!(
        "{}|{}|{}|{}",
        subject,
        brief.from,
        brief.to.join(","),
        now.to_rfc3339()
    );
    let message_id = mime::message_id(&seed, domain);
    let mb = |p: &Person| Mailbox {
        name: p.name.clone(),
        email: p.email.clone(),
    };
    let out = OutMessage {
        from: mb(from),
        to: to.iter().map(|p| mb(p)).collect(),
        cc: cc.iter().map(|p| mb(p)).collect(),
        subject: subject.clone(),
        date: now,
        message_id: message_id.clone(),
        body: body.clone(),
        attachments: brief
            .attachments
            .iter()
            .enumerate()
            .map(|(i, a)| OutAttachment {
                filename: attachment_name(&a.path),
                data: attachment_data.get(i).cloned().unwrap_or_default(),
            })
            .collect(),
    };
    let eml = mime::write(&out)?;
    Ok(ComposedMail {
        kind: brief.kind,
        subject,
        body,
        from: mailbox_text(from),
        to: to.iter().map(|p| mailbox_text(p)).collect(),
        cc: cc.iter().map(|p| mailbox_text(p)).collect(),
        attachments: out.attachments.iter().map(|a| a.filename.clone()).collect(),
        message_id,
        date,
        eml,
    })
}

/// Collapses runs of blank lines left by template blocks and trims the ends.
fn tidy(body: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in body.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    let trimmed = out.trim_matches('\n');
    format!("{trimmed}\n")
}
