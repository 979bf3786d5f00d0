//! The checks: one function per group of rules, over an [`Anatomy`].

use crate::{Diagnostic, Lang, Linter, rules};
use chrono::{Datelike, Weekday};
use liaison_anatomy::words::{Found, WordSet, search_lower};
use liaison_anatomy::{Anatomy, GreetingKind, Span};
use liaison_model::{Kind, is_han};
use liaison_time::ExprKind;
use std::sync::LazyLock;

struct Ctx<'a> {
    l: &'a Linter,
    a: &'a Anatomy,
    lang: Lang,
    out: Vec<Diagnostic>,
    /// The words of the body-wide lists that occur in the body (ignoring ASCII case).
    body: BodyFound,
}

/// The lists searched over the whole body, after the configured vague words, in one
/// automaton built by [`Linter::new`].
pub(crate) fn body_word_set(vague: &[String]) -> Option<WordSet> {
    let n = vague.len() + SLOT_TITLES.len() + RESIDUE.len() + MARKS.len();
    (n <= 128).then(|| {
        WordSet::new(
            vague
                .iter()
                .map(String::as_str)
                .chain(SLOT_TITLES.iter().copied())
                .chain(RESIDUE.iter().copied())
                .chain(MARKS.iter().copied()),
        )
    })
}

/// For each body-wide list, the words found in the body ignoring ASCII case: a superset of
/// what each check's own (case-sensitive or lower-cased) search finds, so checks try only
/// these words. [`Found::ALL`] when there is no automaton.
#[derive(Clone, Copy)]
struct BodyFound {
    vague: Found,
    slots: Found,
    residue: Found,
    /// [`MARKS`].
    marks: Found,
}

/// Marks whose absence lets a check skip a whole-body loop: `{{`, `{%`, `【`, `xxx` (residue).
const MARKS: &[&str] = &["{{", "{%", "【", "xxx"];

impl BodyFound {
    fn new(l: &Linter, body: &str) -> BodyFound {
        match l.body_set() {
            Some(set) => {
                let f = set.found_ascii_ci(body);
                let nv = l.config.vague_words.len();
                BodyFound {
                    vague: f,
                    slots: f.shifted(nv),
                    residue: f.shifted(nv + SLOT_TITLES.len()),
                    marks: f.shifted(nv + SLOT_TITLES.len() + RESIDUE.len()),
                }
            }
            None => BodyFound {
                vague: Found::ALL,
                slots: Found::ALL,
                residue: Found::ALL,
                marks: Found::ALL,
            },
        }
    }
}

impl Ctx<'_> {
    fn on(&self, id: &str) -> bool {
        self.l.config.severity(id).is_some()
    }

    fn emit(&mut self, id: &'static str, start: usize, end: usize, zh: String, en: String) {
        self.emit_help(id, start, end, zh, en, None);
    }

    fn emit_help(
        &mut self,
        id: &'static str,
        start: usize,
        end: usize,
        zh: String,
        en: String,
        help: Option<(String, String)>,
    ) {
        let Some(severity) = self.l.config.severity(id) else {
            return;
        };
        let rule = rules::rule(id).expect("known rule id");
        let span = self.a.span(start, end);
        let (line, column) = self.a.line_col(span.start);
        let (end_line, end_column) = self.a.line_col(span.end);
        let (message, help) = match self.lang {
            Lang::Zh => (zh, help.map(|h| h.0).unwrap_or_else(|| rule.help_zh.into())),
            Lang::En => (en, help.map(|h| h.1).unwrap_or_else(|| rule.help_en.into())),
        };
        self.out.push(Diagnostic {
            rule: rule.id,
            severity,
            message,
            line,
            column,
            start: span.start,
            end: span.end,
            help,
            end_line,
            end_column,
        });
    }

    /// The first non-blank line of the body (an anchor for "missing" findings).
    fn body_anchor(&self) -> (usize, usize) {
        let b = self.a.body;
        let text = &self.a.source[b.start..b.end];
        let lead = text.len() - text.trim_start().len();
        let s = b.start + lead;
        let e = self.a.source[s..]
            .find('\n')
            .map(|i| s + i)
            .unwrap_or(self.a.source.len());
        let e = s + self.a.source[s..e].trim_end().len();
        (s, e)
    }

    /// The last non-blank line of the body.
    fn body_end_anchor(&self) -> (usize, usize) {
        let b = self.a.body;
        let text = self.a.source[b.start..b.end].trim_end();
        let e = b.start + text.len();
        let s = self.a.source[..e]
            .rfind('\n')
            .map(|i| i + 1)
            .unwrap_or(0)
            .max(b.start);
        (s, e)
    }

    fn header_anchor(&self) -> (usize, usize) {
        let e = self.a.source.find('\n').unwrap_or(self.a.source.len());
        (0, self.a.source[..e].trim_end().len())
    }

    fn text(&self, s: Span) -> &str {
        self.a.text(s)
    }
}

pub(crate) fn run(l: &Linter, a: &Anatomy, lang: Lang) -> Vec<Diagnostic> {
    liaison_anatomy::words::with_checked_text(&a.source, || run_checked(l, a, lang))
}

fn run_checked(l: &Linter, a: &Anatomy, lang: Lang) -> Vec<Diagnostic> {
    let mut c = Ctx {
        l,
        a,
        lang,
        out: Vec::new(),
        body: BodyFound::new(l, &a.source[a.body.start..a.body.end]),
    };
    subject(&mut c);
    recipients(&mut c);
    greeting(&mut c);
    opening(&mut c);
    background(&mut c);
    items(&mut c);
    times(&mut c);
    weekdays(&mut c);
    attachments(&mut c);
    closing(&mut c);
    signature(&mut c);
    leftovers(&mut c);
    let mut out = c.out;
    out.sort_by(|x, y| {
        (x.start, rules::rule_index(x.rule), x.end).cmp(&(
            y.start,
            rules::rule_index(y.rule),
            y.end,
        ))
    });
    out.dedup_by(|x, y| x.rule == y.rule && x.start == y.start && x.end == y.end);
    out
}

// ---------------------------------------------------------------------------------------

fn subject(c: &mut Ctx) {
    let Some(s) = &c.a.subject else {
        let (hs, he) = c.header_anchor();
        c.emit(
            "subject-format",
            hs,
            he,
            "没有主题（Subject:/主题: 行）".into(),
            "no subject (Subject: line)".into(),
        );
        return;
    };
    let (ss, se) = (s.span.start, s.span.end);
    if s.text.trim().is_empty() {
        c.emit(
            "subject-format",
            ss,
            se,
            "主题为空".into(),
            "the subject is empty".into(),
        );
        return;
    }
    let Some(tag) = &s.tag else {
        c.emit(
            "subject-format",
            ss,
            se,
            format!("主题“{}”没有以【协作类型】开头", s.text),
            format!(
                "the subject \"{}\" does not start with a [Kind] tag",
                s.text
            ),
        );
        return;
    };
    if s.kind.is_none() {
        let t = tag.text.trim().to_string();
        if t.is_empty() {
            // Empty 【】 is template residue; placeholder-leftover reports it.
        } else {
            let near = nearest_kind(&t, c);
            let (hz, he) = match &near {
                Some(k) => (format!("是否应为【{k}】？"), format!("did you mean [{k}]?")),
                None => (String::new(), String::new()),
            };
            c.emit_help(
                "subject-kind",
                tag.span.start,
                tag.span.end,
                format!("“{t}”不是已知的协作类型"),
                format!("\"{t}\" is not a known collaboration kind"),
                near.map(|_| {
                    (
                        format!("{hz}或在 liaison.toml 的 [lint.kinds] 中配置别名"),
                        format!("{he} Or add an alias under [lint.kinds] in liaison.toml"),
                    )
                }),
            );
        }
    }
    let project_ok = s
        .project
        .as_ref()
        .is_some_and(|p| !p.text.trim().is_empty());
    if !project_ok {
        c.emit(
            "subject-format",
            ss,
            se,
            "主题缺少项目/主题部分".into(),
            "the subject names no project or topic".into(),
        );
    } else if s.departments.is_empty() {
        c.emit(
            "subject-format",
            ss,
            se,
            "主题缺少部门部分（【类型】项目-部门-紧急程度）".into(),
            "the subject names no department ([Kind] project - department - urgency)".into(),
        );
    }
    match (&s.urgency, &s.urgency_value) {
        (None, _) => c.emit(
            "subject-urgency",
            ss,
            se,
            "主题缺少紧急程度".into(),
            "the subject has no urgency".into(),
        ),
        (Some(u), None) => c.emit(
            "subject-urgency",
            u.span.start,
            u.span.end,
            format!("无法识别的紧急程度“{}”", u.text),
            format!("unknown urgency \"{}\"", u.text),
        ),
        _ => {}
    }
    if let Some(dir) = &c.l.directory
        && c.on("subject-department")
    {
        let unknown: Vec<_> = s
            .departments
            .iter()
            .filter(|d| dir.department(&d.text).is_none())
            .map(|d| (d.span, d.text.clone()))
            .collect();
        for (sp, t) in unknown {
            c.emit(
                "subject-department",
                sp.start,
                sp.end,
                format!("部门“{t}”不在通讯录中"),
                format!("department \"{t}\" is not in the directory"),
            );
        }
    }
}

fn nearest_kind(t: &str, c: &Ctx) -> Option<String> {
    let lower = t.to_lowercase();
    c.l.config
        .kinds
        .tags()
        .map(|(tag, k)| (strsim::levenshtein(&lower, tag), tag, k))
        .filter(|(d, tag, _)| *d <= 2.max(tag.chars().count() / 3) && *d < tag.chars().count())
        .min_by_key(|x| x.0)
        .map(|(_, tag, k)| {
            if tag.chars().any(is_han) {
                k.tag().to_string()
            } else {
                k.tag_en().to_string()
            }
        })
}

fn recipients(c: &mut Ctx) {
    let a = c.a;
    if let Some(dir) = &c.l.directory
        && c.on("recipient-unknown")
    {
        for r in a.to.iter().chain(a.cc.iter()) {
            let known = match (&r.email, &r.name) {
                (Some(e), _) => dir.person(e).is_some(),
                (None, Some(n)) => {
                    dir.people.iter().any(|p| n.contains(p.name.as_str()))
                        || dir.departments.iter().any(|d| {
                            n.contains(d.name.as_str())
                                || d.aliases.iter().any(|al| n.contains(al.as_str()))
                        })
                }
                _ => true,
            };
            if !known {
                let who = c.text(r.span).to_string();
                c.emit(
                    "recipient-unknown",
                    r.span.start,
                    r.span.end,
                    format!("收件人“{who}”不在通讯录中"),
                    format!("recipient \"{who}\" is not in the directory"),
                );
            }
        }
    }
    if a.kind() == Some(Kind::Escalation)
        && let Some(dir) = &c.l.directory
        && c.on("escalation-cc")
    {
        let parties: Vec<&str> = a
            .from
            .iter()
            .chain(a.to.iter())
            .filter_map(|r| r.email.as_deref())
            .collect();
        let present: Vec<String> =
            a.to.iter()
                .chain(a.cc.iter())
                .filter_map(|r| r.email.clone())
                .collect();
        let mut missing: Vec<String> = Vec::new();
        for p in &parties {
            if let Some(sup) = dir.superior_of(p) {
                let e = sup.email.to_lowercase();
                if !present.iter().any(|x| x.eq_ignore_ascii_case(&e))
                    && !parties.iter().any(|x| x.eq_ignore_ascii_case(&e))
                    && !missing.iter().any(|m| m.contains(&e))
                {
                    missing.push(format!("{} <{}>", sup.name, e));
                }
            }
        }
        let anchor =
            a.cc.first()
                .map(|r| {
                    (
                        r.span.start,
                        a.cc.last().map(|l| l.span.end).unwrap_or(r.span.end),
                    )
                })
                .or_else(|| a.subject.as_ref().map(|s| (s.span.start, s.span.end)))
                .unwrap_or_else(|| c.header_anchor());
        if a.cc.is_empty() {
            let list = missing.join("、");
            c.emit(
                "escalation-cc",
                anchor.0,
                anchor.1,
                if list.is_empty() {
                    "问题升级邮件没有抄送任何上级".into()
                } else {
                    format!("问题升级邮件没有抄送双方上级：{list}")
                },
                if list.is_empty() {
                    "the escalation cc's no superior".into()
                } else {
                    format!(
                        "the escalation does not cc the superiors: {}",
                        missing.join(", ")
                    )
                },
            );
        } else if !missing.is_empty() {
            c.emit(
                "escalation-cc",
                anchor.0,
                anchor.1,
                format!("抄送中缺少上级：{}", missing.join("、")),
                format!("Cc lacks the superiors: {}", missing.join(", ")),
            );
        }
    }
}

fn greeting(c: &mut Ctx) {
    let a = c.a;
    let Some(g) = &a.greeting else {
        let (s, e) = c.body_anchor();
        c.emit(
            "greeting-missing",
            s,
            e,
            "正文没有以称呼开头".into(),
            "the body does not start with a greeting".into(),
        );
        return;
    };
    let to = a.to.len();
    if to == 0 {
        return;
    }
    match g.kind {
        GreetingKind::Personal if g.names < to && g.names == 1 => c.emit(
            "greeting-mismatch",
            g.span.start,
            g.span.end,
            format!("称呼只对一个人，但有{to}位收件人"),
            format!("the greeting addresses one person but there are {to} To recipients"),
        ),
        GreetingKind::Group if to == 1 => c.emit(
            "greeting-mismatch",
            g.span.start,
            g.span.end,
            "称呼面向多人，但只有一位收件人".into(),
            "the greeting addresses a group but there is one To recipient".into(),
        ),
        _ => {}
    }
}

const PURPOSE_ZH: &[&str] = &[
    "特此",
    "现",
    "本邮件",
    "此邮件",
    "为",
    "想",
    "希望",
    "请",
    "需",
    "同步",
    "通知",
    "确认",
    "提醒",
    "反馈",
    "汇报",
    "邀请",
    "启动",
    "协调",
    "升级",
    "告知",
    "申请",
    "对接",
    "分享",
    "复盘",
    "跟进",
    "发送",
    "提交",
    "感谢",
    "收到",
];
const PURPOSE_EN: &[&str] = &[
    "writing",
    "this mail",
    "this email",
    "this note",
    "to share",
    "to ask",
    "to confirm",
    "to let",
    "to update",
    "to request",
    "please",
    "need",
    "we are",
    "i am",
    "i'm",
    "we're",
    "share",
    "confirm",
    "follow up",
    "following up",
    "remind",
    "update",
    "kick off",
    "kicking off",
    "escalat",
    "request",
    "thank",
    "received",
    "announce",
];

/// Chinese words (searched as written) and English words (searched in the lower-cased text).
struct Words {
    zh: WordSet,
    en: WordSet,
}

impl Words {
    fn new(zh: &[&str], en: &[&str]) -> Words {
        Words {
            zh: WordSet::new(zh),
            en: WordSet::new(en),
        }
    }
}

static PURPOSE: LazyLock<Words> = LazyLock::new(|| Words::new(PURPOSE_ZH, PURPOSE_EN));
static ASK_ZH: &[&str] = &["请", "需", "烦请", "希望", "麻烦", "辛苦", "盼", "务必"];
static ASK_EN: &[&str] = &[
    "please",
    "need",
    "ask",
    "could you",
    "would you",
    "kindly",
    "request",
    "can you",
];
static ASK: LazyLock<Words> = LazyLock::new(|| Words::new(ASK_ZH, ASK_EN));
static NEXT: LazyLock<Words> = LazyLock::new(|| Words::new(NEXT_ZH, NEXT_EN));

/// Whether `text` has a word of `w.zh`, or `text.to_lowercase()` one of `w.en`.
fn has_any(text: &str, w: &Words) -> bool {
    w.zh.contains_any(text) || w.en.any_in_lower(text)
}

/// The word-by-word search [`has_any`] replaces (kept for the agreement test).
#[cfg(test)]
fn has_any_naive(text: &str, zh: &[&str], en: &[&str]) -> bool {
    let lower = text.to_lowercase();
    zh.iter().any(|w| text.contains(w)) || en.iter().any(|w| lower.contains(w))
}

fn opening(c: &mut Ctx) {
    let a = c.a;
    let Some(o) = &a.opening else {
        let (s, e) = match &a.greeting {
            Some(g) => (g.span.start, g.span.end),
            None => c.body_anchor(),
        };
        c.emit(
            "opening-purpose",
            s,
            e,
            "称呼之后没有开场白".into(),
            "no opening paragraph after the greeting".into(),
        );
        return;
    };
    let chars = o.text.chars().count();
    // The limit is in Chinese characters; English needs about 2.5 letters for the same.
    let max = match a.lang {
        Lang::Zh => c.l.config.opening_max_chars,
        Lang::En => c.l.config.opening_max_chars * 5 / 2,
    };
    if chars > max {
        c.emit(
            "opening-purpose",
            o.span.start,
            o.span.end,
            format!("开场白有{chars}个字符，超过{max}：应一句话说明目的"),
            format!("the opening has {chars} characters, more than {max}: state the purpose in one sentence"),
        );
    }
    let first = liaison_model::text::sentences(&o.text).next().unwrap_or("");
    if chars <= max && !has_any(first, &PURPOSE) {
        c.emit(
            "opening-purpose",
            o.span.start,
            o.span.end,
            "开场白第一句没有说明邮件目的".into(),
            "the opening's first sentence does not say why you write".into(),
        );
    }
    // The 30-second rule.
    if let Some(k) = a.kind()
        && (k.expects_items() || k == Kind::Nudge)
        && c.on("core-not-upfront")
    {
        let ask = has_any(&o.text, &ASK);
        // A deadline still ahead: small talk about last week or an incident's timeline is not
        // the ask's deadline.
        let sent = a.date.unwrap_or(c.l.parse_options.time.now);
        let when = a.times_in(o.span).any(|t| match t.kind {
            liaison_time::ExprKind::Deadline => t.value.is_none_or(|v| v >= sent),
            _ => true,
        });
        if !(ask && when) {
            let (zh, en) = match (ask, when) {
                (false, false) => (
                    "开场白没有写出请求和截止时间",
                    "the opening states neither the ask nor its deadline",
                ),
                (true, false) => (
                    "开场白写了请求但没有截止时间",
                    "the opening states the ask but not its deadline",
                ),
                _ => (
                    "开场白没有写出需要对方做什么",
                    "the opening does not say what is asked",
                ),
            };
            c.emit(
                "core-not-upfront",
                o.span.start,
                o.span.end,
                zh.into(),
                en.into(),
            );
        }
    }
}

fn background(c: &mut Ctx) {
    let a = c.a;
    let needs = a.kind().is_some_and(|k| k.expects_items());
    if needs && a.background.is_empty() {
        let issue_like = matches!(a.kind(), Some(Kind::Issue | Kind::Escalation));
        if !issue_like || a.problem.is_empty() {
            let (s, e) = a
                .opening
                .as_ref()
                .map(|o| (o.span.start, o.span.end))
                .unwrap_or_else(|| c.body_anchor());
            c.emit(
                "background-missing",
                s,
                e,
                "没有“背景与目标”部分".into(),
                "no background or goal part".into(),
            );
        }
    }
    let max = c.l.config.background_max_sentences;
    for b in &a.background {
        if b.sentences > max {
            let n = b.sentences;
            c.emit(
                "background-too-long",
                b.span.start,
                b.span.end,
                format!("背景有{n}句话，超过{max}句"),
                format!("the background has {n} sentences, more than {max}"),
            );
        }
    }
}

fn items(c: &mut Ctx) {
    let a = c.a;
    let kind = a.kind();
    // The guide asks for items listed point by point: asks read from running text do not
    // count, and are not checked field by field either.
    if let Some(k) = kind
        && k.expects_items()
        && !a.items.iter().any(|it| it.is_listed())
    {
        let (s, e) = a
            .opening
            .as_ref()
            .map(|o| (o.span.start, o.span.end))
            .unwrap_or_else(|| c.body_anchor());
        let tag = k.tag();
        c.emit(
            "actions-missing",
            s,
            e,
            format!("【{tag}】邮件没有分点列出待办事项"),
            format!("a [{}] mail lists no items", k.tag_en()),
        );
    }
    // A mail-wide deadline: a 截止时间 line, or a time in the opening.
    let mail_wide = a
        .deadline_lines
        .iter()
        .any(|d| a.times_in(d.span).next().is_some())
        || a.opening
            .as_ref()
            .is_some_and(|o| a.times_in(o.span).next().is_some());
    let want_standard = kind.is_none_or(|k| k.expects_items());
    for (i, it) in a.items.iter().enumerate().filter(|(_, it)| it.is_listed()) {
        let n = i + 1;
        let (s, e) = (it.span.start, line_end(a, it.span));
        if it.owner.is_none() {
            c.emit(
                "action-owner",
                s,
                e,
                format!("第{n}项没有写明负责人或负责部门"),
                format!("item {n} names no owner (person or department)"),
            );
        }
        if it.deadlines.is_empty() && !mail_wide {
            c.emit(
                "action-deadline",
                s,
                e,
                format!("第{n}项没有完成时间"),
                format!("item {n} has no deadline"),
            );
        }
        if want_standard && it.standard.is_none() {
            c.emit(
                "action-standard",
                s,
                e,
                format!("第{n}项没有交付标准"),
                format!("item {n} states no acceptance standard"),
            );
        }
    }
}

/// The end of the first line of a span (so snippets stay short).
fn line_end(a: &Anatomy, s: Span) -> usize {
    let t = a.text(s);
    s.start
        + t.find('\n')
            .map(|i| t[..i].trim_end().len())
            .unwrap_or(t.len())
}

fn times(c: &mut Ctx) {
    let a = c.a;
    let reference = a.date.unwrap_or(c.l.parse_options.time.now);
    let mut flagged: Vec<(usize, usize)> = Vec::new();
    // "Sunday, Dec 6" may come as two expressions for one day: report the day once.
    let mut last_day: Option<(chrono::NaiveDate, usize, usize)> = None;
    for t in a.times.iter().filter(|t| !quoted(a, t)) {
        if t.kind == ExprKind::Deadline
            && let Some(v) = t.value
        {
            let day = v.date_naive();
            if let Some((d, line, end)) = last_day
                && d == day
                && line == t.span.line
                && t.span.start.saturating_sub(end) <= 4
            {
                last_day = Some((day, t.span.line, t.span.end));
                continue;
            }
            last_day = Some((day, t.span.line, t.span.end));
        }
        match t.kind {
            ExprKind::Vague if !not_a_deadline(&a.source, t.span.start, t.span.end) => {
                flagged.push((t.span.start, t.span.end));
                c.emit(
                    "deadline-vague",
                    t.span.start,
                    t.span.end,
                    format!("“{}”没有给出可计算的时间", t.text),
                    format!("\"{}\" sets no computable time", t.text),
                );
            }
            ExprKind::Placeholder => {
                flagged.push((t.span.start, t.span.end));
                c.emit(
                    "deadline-placeholder",
                    t.span.start,
                    t.span.end,
                    format!("未填写的时间占位“{}”", t.text),
                    format!("unfilled time slot \"{}\"", t.text),
                );
            }
            ExprKind::Invalid => {
                flagged.push((t.span.start, t.span.end));
                // the reason is the scanner's: ask it again about this one expression
                let mut ctx = c.l.parse_options.time.clone();
                ctx.now = reference;
                let why = liaison_time::scan(&t.text, &ctx)
                    .into_iter()
                    .find_map(|e| e.reason);
                let (wz, we) = why.map(|r| (r.zh(), r.en())).unwrap_or_default();
                c.emit(
                    "deadline-invalid",
                    t.span.start,
                    t.span.end,
                    format!("“{}”不是存在的日期或时间：{wz}", t.text),
                    format!("\"{}\" is not a date or time that exists: {we}", t.text),
                );
            }
            ExprKind::Vague => {}
            ExprKind::Deadline => {
                let Some(v) = t.value else { continue };
                if let Some(z) = t.zone.as_deref()
                    && (z.eq_ignore_ascii_case("CST") || z.eq_ignore_ascii_case("IST"))
                {
                    c.emit(
                        "deadline-zone-ambiguous",
                        t.span.start,
                        t.span.end,
                        format!("“{}”中的 {z} 可指多个时区", t.text),
                        format!("{z} in \"{}\" names more than one zone", t.text),
                    );
                }
                if t.estimated && is_deadline_context(a, t) {
                    let year = v.with_timezone(&c.l.parse_options.time.tz).year();
                    c.emit(
                        "deadline-estimated",
                        t.span.start,
                        t.span.end,
                        format!(
                            "“{}”按工作日计算，而 {year} 年的节假日安排尚未收录（只知道法定假日），结果可能有出入",
                            t.text
                        ),
                        format!(
                            "\"{}\" counts working days in {year}, whose holiday notice the calendar does not hold (only the statutory days are known)",
                            t.text
                        ),
                    );
                }
                if !is_deadline_context(a, t) {
                    continue;
                }
                if v < reference {
                    let when = v.format("%Y-%m-%d %H:%M");
                    let r = reference.format("%Y-%m-%d %H:%M");
                    c.emit(
                        "deadline-past",
                        t.span.start,
                        t.span.end,
                        format!("“{}”解析为{when}，早于邮件日期{r}", t.text),
                        format!(
                            "\"{}\" resolves to {when}, before the mail's date {r}",
                            t.text
                        ),
                    );
                }
                if names_a_day(&t.text) {
                    let local = v.with_timezone(&c.l.parse_options.time.tz).date_naive();
                    if !c.l.parse_options.time.calendar.is_working_day(local) {
                        let d = local.format("%Y-%m-%d");
                        let (wz, we) = weekday_names(local.weekday());
                        c.emit(
                            "deadline-nonworking",
                            t.span.start,
                            t.span.end,
                            format!("“{}”是{d}（{wz}），不是工作日", t.text),
                            format!("\"{}\" is {d} ({we}), not a working day", t.text),
                        );
                    }
                }
            }
        }
    }
    // Configured vague words the scanner did not report.
    if c.on("deadline-vague") {
        let body = a.body;
        let text = &a.source[body.start..body.end];
        // Words that occur ignoring ASCII case (a superset of what the search below finds).
        let present = c.body.vague;
        let need_lower =
            c.l.config
                .vague_words
                .iter()
                .enumerate()
                .any(|(k, w)| present.has(k) && w.is_ascii());
        let lower = if need_lower {
            text.to_ascii_lowercase()
        } else {
            String::new()
        };
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (k, w) in c.l.config.vague_words.iter().enumerate() {
            if !present.has(k) {
                continue;
            }
            let ascii = w.is_ascii();
            let wl = w.to_ascii_lowercase();
            let hay = if ascii { &lower } else { text };
            let needle = if ascii { wl.as_str() } else { w.as_str() };
            let mut from = 0;
            while let Some(rel) = hay[from..].find(needle) {
                let i = from + rel;
                from = i + needle.len();
                if ascii {
                    let before = hay[..i].chars().next_back();
                    let after = hay[i + needle.len()..].chars().next();
                    if before.is_some_and(|c| c.is_ascii_alphanumeric())
                        || after.is_some_and(|c| c.is_ascii_alphanumeric())
                    {
                        continue;
                    }
                } else if not_a_deadline(hay, i, i + needle.len()) {
                    continue;
                }
                let (s, e) = (body.start + i, body.start + i + needle.len());
                if flagged
                    .iter()
                    .chain(found.iter())
                    .any(|&(x, y)| s < y && e > x)
                {
                    continue;
                }
                found.push((s, e));
            }
        }
        found.sort();
        for (s, e) in found {
            let w = &a.source[s..e];
            c.emit(
                "deadline-vague",
                s,
                e,
                format!("“{w}”没有给出可计算的时间"),
                format!("\"{w}\" sets no computable time"),
            );
        }
    }
    // Name slots: ＊经理, XX经理, 某主管, *邮箱.
    if c.on("deadline-placeholder") {
        for (s, e) in name_slots(a, c.body.slots) {
            if flagged.iter().any(|&(x, y)| s < y && e > x) {
                continue;
            }
            let w = a.source[s..e].to_string();
            c.emit(
                "deadline-placeholder",
                s,
                e,
                format!("未填写的占位“{w}”"),
                format!("unfilled slot \"{w}\""),
            );
        }
    }
}

/// Whether a resolved time is meant as a deadline: inside an item or a deadline line, or worded as one (前, 截止, 内, by, before) — and not
/// in a background or problem description, which tells what already happened.
/// Whether a time is in a quoted part: the original being answered set it, not this draft.
fn quoted(a: &Anatomy, t: &liaison_anatomy::TimeExpr) -> bool {
    a.quoted
        .iter()
        .any(|q| t.span.start >= q.start && t.span.end <= q.end)
}

fn is_deadline_context(a: &Anatomy, t: &liaison_anatomy::TimeExpr) -> bool {
    let inside = |s: Span| t.span.start >= s.start && t.span.end <= s.end;
    if a.background
        .iter()
        .chain(a.problem.iter())
        .any(|b| inside(b.span))
    {
        return false;
    }
    let lower = search_lower(&t.text);
    a.items.iter().any(|i| inside(i.span))
        || a.deadline_lines.iter().any(|d| inside(d.span))
        || ["前", "截止", "截至", "内", "不晚于", "最晚"]
            .iter()
            .any(|w| t.text.contains(w))
        || ["by ", "before", "until", "due", "within", "no later"]
            .iter()
            .any(|w| lower.contains(w))
}

/// Whether an expression names a particular day (not a whole week or month).
fn names_a_day(t: &str) -> bool {
    let lower = search_lower(t);
    if [
        "周内", "周末", "本周", "这周", "下周", "月", "旬", "年底", "季度",
    ]
    .iter()
    .any(|w| t.contains(w))
        && !t.contains('日')
        && !t.contains('号')
        && !t
            .chars()
            .any(|c| "一二三四五六".contains(c) && t.contains('周'))
    {
        return false;
    }
    t.contains('日')
        || t.contains('号')
        || t.contains("明天")
        || t.contains("后天")
        || t.contains("今天")
        || ["周", "星期", "礼拜"].iter().any(|w| t.contains(w))
        || t.chars().any(|c| c.is_ascii_digit())
        || [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "tomorrow",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

fn weekday_names(w: Weekday) -> (&'static str, &'static str) {
    match w {
        Weekday::Mon => ("周一", "Monday"),
        Weekday::Tue => ("周二", "Tuesday"),
        Weekday::Wed => ("周三", "Wednesday"),
        Weekday::Thu => ("周四", "Thursday"),
        Weekday::Fri => ("周五", "Friday"),
        Weekday::Sat => ("周六", "Saturday"),
        Weekday::Sun => ("周日", "Sunday"),
    }
}

const SLOT_TITLES: &[&str] = &[
    "经理", "主管", "总监", "老师", "主任", "部长", "同事", "邮箱", "先生", "女士", "总",
];

/// Person and mailbox slots: [＊*×X某]{1,3} before a title.
/// `present`: the titles that may occur in the body (see [`BodyFound`]).
fn name_slots(a: &Anatomy, present: Found) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = a.body;
    let text = &a.source[b.start..b.end];
    for (k, &title) in SLOT_TITLES.iter().enumerate() {
        if !present.has(k) {
            continue;
        }
        let mut from = 0;
        while let Some(rel) = text[from..].find(title) {
            let i = from + rel;
            from = i + title.len();
            let mut s = i;
            let mut count = 0;
            for (j, ch) in text[..i].char_indices().rev() {
                if matches!(ch, '＊' | '*' | '×' | 'X' | 'x' | '某') && count < 3 {
                    s = j;
                    count += 1;
                } else {
                    break;
                }
            }
            if count == 0 {
                continue;
            }
            // "x" inside an English word is not a slot.
            if text[..s]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric())
            {
                continue;
            }
            // 某 alone before 总 is 某总: still a slot. 某些 is not reached (needs a title).
            out.push((b.start + s, b.start + i + title.len()));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Dates whose written weekday is wrong, as liaison-time reads them (the anatomy's times,
/// subject included): `12月3日（周五）`, `12/3（周五）`, `十二月三日（周五）`, `Friday, Dec 3`.
fn weekdays(c: &mut Ctx) {
    let tz = c.l.parse_options.time.tz;
    for t in c.a.times.iter().filter(|t| !quoted(c.a, t)) {
        let Some(m) = t.weekday_mismatch else {
            continue;
        };
        let (az, ae) = weekday_names(m.actual);
        let (cz, ce) = weekday_names(m.stated);
        let w = &t.text;
        let (zh, en) = match t.value {
            Some(v) => {
                let d = v.with_timezone(&tz).date_naive().format("%Y-%m-%d");
                (
                    format!("“{w}”：{d}是{az}，不是{cz}"),
                    format!("\"{w}\": {d} is a {ae}, not a {ce}"),
                )
            }
            None => (
                format!("“{w}”：该日期是{az}，不是{cz}"),
                format!("\"{w}\": the date is a {ae}, not a {ce}"),
            ),
        };
        c.emit("weekday-mismatch", t.span.start, t.span.end, zh, en);
    }
}

fn attachments(c: &mut Ctx) {
    let a = c.a;
    let files = &a.attachments;
    let norm = |s: &str| -> String {
        let s = s
            .trim()
            .trim_start_matches('《')
            .trim_end_matches('》')
            .to_lowercase();
        match s.rfind('.') {
            Some(i) if s.len() - i <= 8 && i > 0 => s[..i].to_string(),
            _ => s,
        }
    };
    let matches = |name: &str, file: &str| -> bool {
        let (n, f) = (norm(name), norm(file));
        !n.is_empty() && !f.is_empty() && (f.contains(&n) || n.contains(&f))
    };
    // Listed files that do not exist.
    for f in files.iter().filter(|f| f.missing) {
        c.emit(
            "attachment-missing",
            f.span.start,
            f.span.end,
            format!("附件“{}”不存在", f.name),
            format!("attachment \"{}\" does not exist", f.name),
        );
    }
    let present: Vec<&liaison_anatomy::AttachedFile> =
        files.iter().filter(|f| !f.missing).collect();
    if c.on("attachment-missing") {
        let mut lines_done: Vec<usize> = Vec::new();
        for r in &a.attachment_refs {
            let missing = if present.is_empty() {
                !files.iter().any(|f| f.missing)
            } else if let Some(n) = &r.name {
                !files.iter().any(|f| matches(n, &f.name))
                    && r.index.is_none_or(|i| (i as usize) > files.len())
            } else if let Some(i) = r.index {
                i as usize > files.len()
            } else {
                false
            };
            if missing && !lines_done.contains(&r.span.line) {
                lines_done.push(r.span.line);
                let what = r.name.clone().unwrap_or_else(|| r.text.clone());
                c.emit(
                    "attachment-missing",
                    r.span.start,
                    r.span.end,
                    format!("正文提到附件“{what}”，但邮件没有附上"),
                    format!("the text refers to the attachment \"{what}\" but it is not attached"),
                );
            }
        }
    }
    if c.on("attachment-undescribed") {
        for (i, f) in files.iter().enumerate() {
            if f.missing {
                continue;
            }
            let described = a.attachment_refs.iter().any(|r| {
                r.name.as_deref().is_some_and(|n| matches(n, &f.name))
                    || r.index == Some(i as u32 + 1)
                    || (files.len() == 1 && r.described)
                    || (r.text.len() > 3 && matches(&r.text, &f.name))
            }) || mentioned_by_stem(a, &f.name);
            if !described {
                c.emit(
                    "attachment-undescribed",
                    f.span.start,
                    f.span.end,
                    format!("附件“{}”没有在正文中说明", f.name),
                    format!("attachment \"{}\" is not described in the body", f.name),
                );
            }
        }
    }
    let total: u64 = files.iter().filter_map(|f| f.size).sum();
    if total > c.l.config.attachment_max_bytes {
        let mb = total as f64 / 1024.0 / 1024.0;
        let max = c.l.config.attachment_max_bytes as f64 / 1024.0 / 1024.0;
        let first = files.first().map(|f| f.span).unwrap_or_default();
        let last = files.last().map(|f| f.span).unwrap_or_default();
        c.emit(
            "attachment-large",
            first.start,
            last.end.max(first.start),
            format!("附件共{mb:.1} MB，超过{max:.0} MB"),
            format!("attachments total {mb:.1} MB, more than {max:.0} MB"),
        );
    }
}

fn mentioned_by_stem(a: &Anatomy, name: &str) -> bool {
    let stem = match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    };
    let stem = stem.rsplit(['/', '\\']).next().unwrap_or(stem);
    stem.chars().count() >= 2 && a.text(a.body).contains(stem)
}

const NEXT_ZH: &[&str] = &[
    "请于",
    "请在",
    "回复",
    "反馈",
    "确认",
    "如有疑问",
    "如有问题",
    "若有疑问",
    "若有问题",
    "下一步",
    "后续",
    "将于",
    "将在",
    "逾期",
    "默认",
    "随时沟通",
    "联系",
    "跟进",
    "同步",
    "安排",
    "会议",
    "前",
    "届时",
];
const NEXT_EN: &[&str] = &[
    "reply",
    "let me know",
    "confirm",
    "next step",
    "feedback",
    "question",
    "reach out",
    "by ",
    "will follow",
    "follow up",
    "contact",
    "get back",
    "respond",
    "meeting",
    "we will",
    "i will",
    "otherwise",
    "until",
];

/// A vague word that sets no deadline where it stands: `分工及时间节点` is 及 + 时间 (the
/// scanner reads 及时 there), and `为尽快解决` states a purpose.
fn not_a_deadline(text: &str, s: usize, e: usize) -> bool {
    let w = &text[s..e];
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    w.ends_with('时') && after == Some('间')
        || before == Some('为') && !w.is_ascii()
        || counted_from_an_event(text, s)
}

/// A span counted from an event (`交付后24小时内`, `到货后三个工作日内`): liaison-time
/// cannot place it on the calendar, but it is a firm rule, the guide's own form ("confirm
/// within 24 hours of a delivery"), not a vague time such as 尽快.
fn counted_from_an_event(text: &str, s: usize) -> bool {
    matches!(
        text[..s].trim_end_matches(' ').chars().next_back(),
        Some('后' | '後')
    )
}

fn closing(c: &mut Ctx) {
    let a = c.a;
    match &a.closing {
        None => {
            let (s, e) = a
                .signature
                .as_ref()
                .map(|sg| (sg.span.start, line_end(a, sg.span)))
                .unwrap_or_else(|| c.body_end_anchor());
            c.emit(
                "closing-next-step",
                s,
                e,
                "落款前没有结尾段".into(),
                "no closing paragraph before the signature".into(),
            );
        }
        Some(cl) => {
            if !has_any(&cl.text, &NEXT) {
                c.emit(
                    "closing-next-step",
                    cl.span.start,
                    cl.span.end,
                    "结尾没有说明后续动作或回复时限".into(),
                    "the closing states no next step or reply deadline".into(),
                );
            }
        }
    }
}

fn signature(c: &mut Ctx) {
    let a = c.a;
    let Some(sg) = &a.signature else {
        let (s, e) = c.body_end_anchor();
        c.emit(
            "signature-incomplete",
            s,
            e,
            "没有落款（姓名、部门、联系方式）".into(),
            "no signature (name, department, contact)".into(),
        );
        return;
    };
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if sg.name.is_none() {
        zh.push("姓名");
        en.push("name");
    }
    if sg.department.is_none() {
        zh.push("部门");
        en.push("department");
    }
    if sg.contact.is_empty() {
        zh.push("联系方式");
        en.push("contact");
    }
    if !zh.is_empty() {
        c.emit(
            "signature-incomplete",
            sg.span.start,
            sg.span.end,
            format!("落款缺少{}", zh.join("、")),
            format!("the signature lacks {}", en.join(", ")),
        );
    }
}

const RESIDUE: &[&str] = &[
    "[fill in",
    "[insert",
    "<insert",
    "<fill",
    "TODO",
    "TBD",
    "请填写",
    "待填写",
    "[name]",
    "[NAME]",
];
static RESIDUE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(RESIDUE));

/// Template residue: {{…}}, XXX, 【请填写】, empty 【】 (subject and body).
fn leftovers(c: &mut Ctx) {
    if !c.on("placeholder-leftover") {
        return;
    }
    let a = c.a;
    let mut regions: Vec<(usize, usize)> = Vec::new();
    if let Some(s) = &a.subject {
        regions.push((s.span.start, s.span.end));
    }
    regions.push((a.body.start, a.body.end));
    let covered = |s: usize, e: usize| {
        a.times
            .iter()
            .any(|t| t.kind == ExprKind::Placeholder && s < t.span.end && e > t.span.start)
    };
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (rs, re) in regions {
        let is_body = (rs, re) == (a.body.start, a.body.end);
        let marks = if is_body { c.body.marks } else { Found::ALL };
        let text = &a.source[rs..re];
        // {{ … }} and {% … %}
        for (k, open) in ["{{", "{%"].into_iter().enumerate() {
            if !marks.has(k) {
                continue;
            }
            let close = if open == "{{" { "}}" } else { "%}" };
            let mut from = 0;
            while let Some(rel) = text[from..].find(open) {
                let i = from + rel;
                let e = text[i..].find(close).map(|j| i + j + 2).unwrap_or(i + 2);
                found.push((rs + i, rs + e));
                from = e.max(i + 2);
            }
        }
        // 【…】 that is empty or a fill-in prompt.
        let mut from = if marks.has(2) { 0 } else { text.len() };
        while let Some(rel) = text[from..].find('【') {
            let i = from + rel;
            from = i + '【'.len_utf8();
            let Some(j) = text[from..].find('】') else {
                break;
            };
            let inner = &text[from..from + j];
            let end = from + j + '】'.len_utf8();
            if is_fill_in(inner) {
                found.push((rs + i, rs + end));
            }
        }
        // [fill in], <fill in>, TODO, TBD.
        let present = if is_body {
            c.body.residue
        } else {
            RESIDUE_SET.found(text)
        };
        for (k, &w) in RESIDUE.iter().enumerate() {
            if !present.has(k) {
                continue;
            }
            let mut from = 0;
            while let Some(rel) = text[from..].find(w) {
                let i = from + rel;
                from = i + w.len();
                let e = if w.starts_with('[') || w.starts_with('<') {
                    let close = if w.starts_with('[') { ']' } else { '>' };
                    text[i..]
                        .find(close)
                        .map(|j| i + j + 1)
                        .unwrap_or(i + w.len())
                } else {
                    i + w.len()
                };
                if w.is_ascii()
                    && w.chars().all(|c| c.is_ascii_alphabetic())
                    && (text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_alphanumeric())
                        || text[e..]
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_ascii_alphanumeric()))
                {
                    continue;
                }
                found.push((rs + i, rs + e));
            }
        }
        // XXX / xxx (three or more) not inside a word.
        let bytes = text.as_bytes();
        let mut i = if marks.has(3) { 0 } else { bytes.len() };
        while i < bytes.len() {
            if matches!(bytes[i], b'X' | b'x') {
                let mut j = i;
                while j < bytes.len() && bytes[j] == bytes[i] {
                    j += 1;
                }
                let before = text[..i].chars().next_back();
                let after = text[j..].chars().next();
                if j - i >= 3
                    && !before.is_some_and(|c| c.is_ascii_alphanumeric())
                    && !after.is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    found.push((rs + i, rs + j));
                }
                i = j;
            } else {
                i += 1;
            }
        }
    }
    found.sort();
    found.dedup();
    let mut last_end = 0;
    for (s, e) in found {
        if s < last_end || covered(s, e) {
            continue;
        }
        last_end = e;
        let w = a.source[s..e].to_string();
        c.emit(
            "placeholder-leftover",
            s,
            e,
            format!("模板残留“{w}”"),
            format!("template residue \"{w}\""),
        );
    }
}

fn is_fill_in(inner: &str) -> bool {
    let t = inner.trim();
    if t.is_empty() {
        return true;
    }
    if t.contains("填写") || t.contains("请输入") || t.contains("待补充") || t.contains("此处")
    {
        return true;
    }
    if t.chars()
        .all(|c| matches!(c, 'X' | 'x' | '×' | '＊' | '*' | '某' | '_' | ' '))
    {
        return true;
    }
    [
        "姓名",
        "名称",
        "项目名称",
        "部门名称",
        "公司名称",
        "联系方式",
        "负责人",
        "对接人",
        "产品名称",
        "收件人",
        "称呼",
        "主题",
        "部门",
        "项目",
    ]
    .contains(&t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::BUILTIN_VAGUE;

    const TEXTS: &[&str] = &[
        "特此通知：请于周五前反馈。",
        "Please CONFIRM by Friday.",
        "I'M writing to share the plan",
        "We Will Follow Up next week",
        "Kindly send it",
        "Thank You",
        "nothing to see",
        "ReQuEsT",
        "\u{212a}indly reply",
        "İ will reply",
        "",
    ];

    /// The automaton-backed `has_any` agrees with the word-by-word search.
    #[test]
    fn has_any_agrees_with_naive_search() {
        for t in TEXTS {
            for (w, zh, en) in [
                (&*PURPOSE, PURPOSE_ZH, PURPOSE_EN),
                (&*ASK, ASK_ZH, ASK_EN),
                (&*NEXT, NEXT_ZH, NEXT_EN),
            ] {
                assert_eq!(has_any(t, w), has_any_naive(t, zh, en), "{t:?}");
                for word in zh.iter().chain(en) {
                    let probe = format!("x{}y", word.to_uppercase());
                    assert_eq!(
                        has_any(&probe, w),
                        has_any_naive(&probe, zh, en),
                        "{probe:?}"
                    );
                }
            }
        }
    }

    /// The opening's first sentence is the model's: a full stop before a line break ends it
    /// (the linter's own reader needed a space after it).
    #[test]
    fn opening_first_sentence_is_the_models() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
        let cfg = crate::LintConfig::default();
        let l = Linter::new(&cfg, None, liaison_time::Context::new(now)).unwrap();
        let fires = |opening: &str| {
            let draft = format!(
                "Subject: [Request] Q3 research - Marketing - Urgent\nDate: 2026-11-30 10:00\n\nHi Bob,\n\n{opening}\n\nPlease reply by Dec 2 with questions.\n\nBest regards,\nAlice Wang\nProduct Department\nDingTalk: alice01\n"
            );
            let r = l.lint_bytes("d.md", draft.as_bytes(), Some(Lang::En));
            r.diagnostics
                .iter()
                .any(|d| d.rule == "opening-purpose" && d.message.contains("first sentence"))
        };
        assert!(fires(
            "Good call on Monday.\nI am writing to ask for the report by Dec 3."
        ));
        assert!(!fires(
            "I am writing to ask for the report by Dec 3.\nGood call on Monday."
        ));
    }

    /// A span counted from an event (`交付后24小时内`) is a firm rule, not a vague time;
    /// 尽快 and a bare 近期 still are.
    #[test]
    fn a_span_after_an_event_is_not_vague() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
        let cfg = crate::LintConfig::default();
        let l = Linter::new(&cfg, None, liaison_time::Context::new(now)).unwrap();
        let vague = |ask: &str| {
            let draft = format!(
                "Subject: 【需求对接】数据迁移-技术部-重要\nDate: 2026-11-30 10:00\n\n王磊：\n\n{ask}\n\n张伟\n产品部\n"
            );
            let r = l.lint_bytes("d.md", draft.as_bytes(), Some(Lang::Zh));
            r.diagnostics
                .iter()
                .filter(|d| d.rule == "deadline-vague")
                .count()
        };
        assert_eq!(vague("请在新机到货后三个工作日内完成数据迁移。"), 0);
        assert_eq!(vague("请在交付后 24小时内完成确认。"), 0);
        assert_eq!(vague("请尽快完成数据迁移。"), 1);
        assert_eq!(vague("请在三个工作日内完成数据迁移，近期给结果。"), 1);
    }

    /// The body automaton reports every word a case-sensitive or lower-cased search finds
    /// (it may report more; the checks verify each word).
    #[test]
    fn body_words_are_a_superset() {
        let vague: Vec<String> = BUILTIN_VAGUE.iter().map(|s| s.to_string()).collect();
        let set = body_word_set(&vague).expect("fits");
        let lists: [&[&str]; 3] = [SLOT_TITLES, RESIDUE, MARKS];
        let mut bodies: Vec<String> = TEXTS.iter().map(|s| s.to_string()).collect();
        for w in vague
            .iter()
            .map(String::as_str)
            .chain(lists.iter().flat_map(|l| l.iter().copied()))
        {
            bodies.push(format!("前{w}后"));
            bodies.push(w.to_ascii_uppercase());
            bodies.push(w.to_ascii_lowercase());
        }
        for b in &bodies {
            let f = set.found_ascii_ci(b);
            let lower = b.to_ascii_lowercase();
            for (k, w) in vague.iter().enumerate() {
                let hit = if w.is_ascii() {
                    lower.contains(&w.to_ascii_lowercase())
                } else {
                    b.contains(w.as_str())
                };
                assert!(!hit || f.has(k), "{w:?} in {b:?}");
            }
            let mut off = vague.len();
            for list in lists.iter() {
                let sub = f.shifted(off);
                for (k, w) in list.iter().enumerate() {
                    // XXX/xxx is one mark; the rest are searched as written.
                    let hit = if *w == "xxx" {
                        lower.contains(w)
                    } else {
                        b.contains(w)
                    };
                    assert!(!hit || sub.has(k), "{w:?} in {b:?}");
                }
                off += list.len();
            }
        }
    }
}
