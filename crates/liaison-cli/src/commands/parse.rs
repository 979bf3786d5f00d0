//! `liaison parse`: show what liaison understood of a draft (its anatomy), and for a reply
//! its reading (class, promised time, items, the stripped new text).

use crate::drafts::{parse_draft, read_input};
use crate::output::{DataFormat, tr};
use crate::settings::Settings;
use clap::Args;
use liaison_anatomy::SourceFormat;
use liaison_anatomy::reply::{self, ReplyReading, Writer};
use liaison_lint::Anatomy;
use liaison_mail::Message;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `liaison parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// The draft: .eml, or .md/.txt with header lines; `-` reads standard input.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

/// Runs `liaison parse`.
pub fn run(s: &Settings, args: ParseArgs) -> anyhow::Result<ExitCode> {
    let linter = s.linter()?;
    let raw =
        read_input(&args.file).map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let a = parse_draft(&linter, &args.file, &raw, None);
    // What had to be guessed about the charsets of a received message.
    let notes = match a.format {
        SourceFormat::Plain => Vec::new(),
        SourceFormat::Eml | SourceFormat::EmlDecoded => Message::parse(&raw).charset_notes,
    };
    let reply = reply_reading(s, &linter, &raw, &a);
    match args.format {
        DataFormat::Json => {
            let mut v = serde_json::to_value(&a)?;
            if let Some(obj) = v.as_object_mut() {
                obj.insert("charset_notes".into(), serde_json::to_value(&notes)?);
            }
            if let Some((m, r)) = &reply {
                reply_json(&mut v, m, r)?;
            }
            let out = serde_json::to_string_pretty(&v)? + "\n";
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
        }
        DataFormat::Text => {
            let mut out = text(&a);
            let en = crate::output::lang() == crate::output::Lang::En;
            for n in &notes {
                let _ = writeln!(out, "{}: {}", tr("编码", "charset"), n.text(en));
            }
            if let Some((_, r)) = &reply {
                reply_text(&mut out, r);
            }
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The reply reading of a draft that answers or forwards a thread (a `Re:`/`回复：`
/// subject, an `In-Reply-To`, a quoted part or an auto-reply header), as the tracker would
/// read it: our own mail as the requester's, anyone else's as the answer. `None` for a
/// draft that is no reply.
fn reply_reading(
    s: &Settings,
    linter: &liaison_lint::Linter,
    raw: &[u8],
    a: &Anatomy,
) -> Option<(Message, ReplyReading)> {
    let m = match a.format {
        liaison_anatomy::SourceFormat::Plain => Message {
            from: a.from.as_ref().and_then(|f| f.email.clone()),
            from_name: a.from.as_ref().and_then(|f| f.name.clone()),
            date: a.date,
            subject: a
                .subject
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default(),
            body: a.text(a.body).to_string(),
            ..Message::default()
        },
        _ => Message::parse(raw),
    };
    let is_reply = a
        .subject
        .as_ref()
        .is_some_and(|s| s.is_reply || s.is_forward)
        || !m.in_reply_to.is_empty()
        || m.auto_reply.is_some()
        || liaison_anatomy::strip_quoted(&m.body).quoted.is_some();
    if !is_reply {
        return None;
    }
    let ours = m
        .from
        .as_deref()
        .is_some_and(|f| s.me().iter().any(|me| me.trim().eq_ignore_ascii_case(f)));
    let writer = Writer {
        ours,
        requester: ours,
    };
    let r = reply::read(&m, &linter.parse_options, writer, &[]);
    Some((m, r))
}

/// Adds the reply reading to the JSON of `liaison parse` under `reply` (with the quoted
/// part as a byte range of the text body).
fn reply_json(v: &mut serde_json::Value, m: &Message, r: &ReplyReading) -> anyhow::Result<()> {
    let mut reply = serde_json::to_value(r)?;
    if let (Some(obj), Some(q)) = (reply.as_object_mut(), &r.quoted) {
        let first = m.body[q.clone()]
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.chars().all(|c| matches!(c, '-' | '_' | '=' | '*')))
            .map(|l| l.trim_start_matches('>').trim().to_string());
        obj.insert(
            "quoted".into(),
            serde_json::json!({ "start": q.start, "end": q.end, "first_line": first }),
        );
    }
    if let Some(obj) = v.as_object_mut() {
        obj.insert("reply".into(), reply);
    }
    Ok(())
}

/// The reply reading as text: the class, what decided it, the time promised, the items,
/// and the stripped new text.
fn reply_text(o: &mut String, r: &ReplyReading) {
    let none = tr("（无）", "(none)");
    let _ = writeln!(
        o,
        "{}: {}{}",
        tr("回复类型", "reply class"),
        r.class.id(),
        r.cue
            .as_ref()
            .map(|c| format!(" ({} {c})", tr("依据", "cue")))
            .unwrap_or_default()
    );
    let _ = writeln!(
        o,
        "    {}: {}  {}: {}",
        tr("承诺时间", "promised"),
        r.promised.map(|p| p.to_rfc3339()).unwrap_or(none.into()),
        tr("涉及事项", "items"),
        r.items
            .as_ref()
            .map(|v| v
                .iter()
                .map(|k| k.to_string())
                .collect::<Vec<_>>()
                .join(","))
            .unwrap_or(none.into()),
    );
    if !r.negations.is_empty() {
        let _ = writeln!(
            o,
            "    {}: {}",
            tr("否定（不计）", "negated (not counted)"),
            r.negations.join(", ")
        );
    }
    if let Some(h) = &r.auto_header {
        let _ = writeln!(o, "    {}: {h}", tr("自动回复标头", "auto-reply header"));
    }
    let _ = writeln!(o, "{}:", tr("新内容", "new text"));
    for l in r.new_text.lines() {
        let _ = writeln!(o, "    | {l}");
    }
}

fn text(a: &Anatomy) -> String {
    let mut o = String::new();
    let none = tr("（无）", "(none)");
    let line = |s: liaison_anatomy::Span| format!("L{}", s.line);
    if let Some(s) = &a.subject {
        let _ = writeln!(o, "{} {}: {}", line(s.span), tr("主题", "subject"), s.text);
        let _ = writeln!(
            o,
            "    {}: {}  {}: {}  {}: {}  {}: {}",
            tr("类型", "kind"),
            s.kind
                .map(|k| k.tag().to_string())
                .or(s.tag.as_ref().map(|t| format!("?{}", t.text)))
                .unwrap_or(none.into()),
            tr("项目", "project"),
            s.project.as_ref().map(|p| p.text.as_str()).unwrap_or(none),
            tr("部门", "departments"),
            if s.departments.is_empty() {
                none.to_string()
            } else {
                s.departments
                    .iter()
                    .map(|d| d.text.as_str())
                    .collect::<Vec<_>>()
                    .join("/")
            },
            tr("紧急程度", "urgency"),
            s.urgency.as_ref().map(|p| p.text.as_str()).unwrap_or(none),
        );
    } else {
        let _ = writeln!(o, "{}: {none}", tr("主题", "subject"));
    }
    let addrs = |v: &[liaison_anatomy::Address]| {
        v.iter()
            .map(|x| match (&x.name, &x.email) {
                (Some(n), Some(e)) => format!("{n} <{e}>"),
                (Some(n), None) => n.clone(),
                (None, Some(e)) => e.clone(),
                _ => String::new(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(o, "{}: {}", tr("收件人", "to"), addrs(&a.to));
    let _ = writeln!(o, "{}: {}", tr("抄送", "cc"), addrs(&a.cc));
    if let Some(d) = a.date {
        let _ = writeln!(o, "{}: {}", tr("日期", "date"), d.to_rfc3339());
    }
    match &a.greeting {
        Some(g) => {
            let _ = writeln!(
                o,
                "{} {}: {} ({:?})",
                line(g.span),
                tr("称呼", "greeting"),
                g.text,
                g.kind
            );
        }
        None => {
            let _ = writeln!(o, "{}: {none}", tr("称呼", "greeting"));
        }
    }
    match &a.opening {
        Some(s) => {
            let _ = writeln!(
                o,
                "{} {}: {}",
                line(s.span),
                tr("开场白", "opening"),
                s.text
            );
        }
        None => {
            let _ = writeln!(o, "{}: {none}", tr("开场白", "opening"));
        }
    }
    for b in &a.background {
        let _ = writeln!(
            o,
            "{} {} ({} {}): {}",
            line(b.span),
            tr("背景", "background"),
            b.sentences,
            tr("句", "sentences"),
            b.text.replace('\n', " ")
        );
    }
    for (i, it) in a.items.iter().enumerate() {
        let _ = writeln!(
            o,
            "{} {} {}: {}",
            line(it.span),
            tr("事项", "item"),
            i + 1,
            it.what.text.replace('\n', " ")
        );
        let _ = writeln!(
            o,
            "    {}: {}  {}: {}  {}: {}  {}: {}",
            tr("负责", "owner"),
            it.owner.as_ref().map(|p| p.text.as_str()).unwrap_or(none),
            tr("截止", "due"),
            it.due.as_ref().map(|p| p.text.as_str()).unwrap_or(none),
            tr("时间", "times"),
            if it.deadlines.is_empty() {
                none.to_string()
            } else {
                it.deadlines
                    .iter()
                    .map(|t| t.text.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            tr("标准", "standard"),
            it.standard_value().unwrap_or_else(|| none.to_string()),
        );
    }
    for f in &a.attachments {
        let _ = writeln!(
            o,
            "{}: {} {}",
            tr("附件", "attachment"),
            f.name,
            f.size.map(|s| format!("({s} bytes)")).unwrap_or_default()
        );
    }
    for r in &a.attachment_refs {
        let _ = writeln!(
            o,
            "{} {}: {}",
            line(r.span),
            tr("附件引用", "attachment ref"),
            r.text
        );
    }
    match &a.closing {
        Some(s) => {
            let _ = writeln!(
                o,
                "{} {}: {}",
                line(s.span),
                tr("结尾", "closing"),
                s.text.replace('\n', " ")
            );
        }
        None => {
            let _ = writeln!(o, "{}: {none}", tr("结尾", "closing"));
        }
    }
    match &a.signature {
        Some(s) => {
            let p = |x: &Option<liaison_anatomy::Part>| {
                x.as_ref().map(|p| p.text.clone()).unwrap_or(none.into())
            };
            let _ = writeln!(
                o,
                "{} {}: {}={} {}={} {}={} {}={}",
                line(s.span),
                tr("落款", "signature"),
                tr("姓名", "name"),
                p(&s.name),
                tr("部门", "department"),
                p(&s.department),
                tr("职务", "title"),
                p(&s.title),
                tr("联系方式", "contact"),
                if s.contact.is_empty() {
                    none.to_string()
                } else {
                    s.contact
                        .iter()
                        .map(|c| c.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" | ")
                }
            );
            if let Some(v) = &s.signoff {
                let _ = writeln!(o, "    {}: {}", tr("结束语", "valediction"), v.text);
            }
        }
        None => {
            let _ = writeln!(o, "{}: {none}", tr("落款", "signature"));
        }
    }
    for t in &a.times {
        let _ = writeln!(
            o,
            "{} {}: {} {:?} {}",
            line(t.span),
            tr("时间", "time"),
            t.text,
            t.kind,
            t.value.map(|v| v.to_rfc3339()).unwrap_or_default()
        );
    }
    for p in &a.problems {
        let _ = writeln!(o, "{}: {}", tr("问题", "problem"), p.message);
    }
    o
}
