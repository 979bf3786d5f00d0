//! `liaison parse`: show what liaison understood of a draft (its anatomy).

use crate::drafts::{parse_draft, read_input};
use crate::output::{DataFormat, tr};
use crate::settings::Settings;
use clap::Args;
use liaison_lint::Anatomy;
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
    let a = parse_draft(&linter, &args.file, &raw);
    match args.format {
        DataFormat::Json => {
            let out = serde_json::to_string_pretty(&a)? + "\n";
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
        }
        DataFormat::Text => {
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text(&a).as_bytes());
        }
    }
    Ok(ExitCode::SUCCESS)
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
