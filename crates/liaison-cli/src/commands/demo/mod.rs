//! `liaison demo`: in a fresh temporary folder, write a directory and one brief per kind,
//! compose each into a `.eml`, and print a short summary and where the files are. Needs
//! nothing but the binary: the sample files are embedded.

use crate::briefs::{compose_file, mail_lang};
use crate::output::{self, tr};
use crate::samples;
use crate::settings::Settings;
use chrono::DateTime;
use clap::{Args, ValueEnum};
use liaison_compose::Templates;
use liaison_compose::attachments::AttachmentRules;
use liaison_model::Directory;
use std::path::PathBuf;
use std::process::ExitCode;

mod live;
mod story;

/// The instant the demo's briefs are written for (their deadlines are 12月1日…12月15日).
pub const DEMO_NOW: &str = "2026-11-30T10:00:00+08:00";

/// Output format of `liaison demo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DemoFormat {
    /// A readable summary.
    #[default]
    Text,
    /// One JSON object with the folder and every composed mail.
    Json,
}

/// Arguments of `liaison demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Use this folder instead of a new temporary one (it must be empty or absent).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DemoFormat,
}

/// Runs `liaison demo`.
pub fn run(s: &Settings, args: DemoArgs) -> anyhow::Result<ExitCode> {
    let dir = match args.dir {
        Some(d) => {
            if d.exists() && std::fs::read_dir(&d)?.next().is_some() {
                anyhow::bail!(
                    "{}: {}",
                    d.display(),
                    tr(
                        "目录非空；请给一个空目录或省略 --dir",
                        "not empty; give an empty folder or omit --dir"
                    )
                );
            }
            std::fs::create_dir_all(&d)?;
            d
        }
        None => tempfile::Builder::new()
            .prefix("liaison-demo-")
            .tempdir()?
            .keep(),
    };
    let briefs = dir.join("briefs");
    let mails = dir.join("mails");
    std::fs::create_dir_all(&briefs)?;
    std::fs::create_dir_all(&mails)?;
    std::fs::write(dir.join("liaison.toml"), samples::LIAISON_TOML)?;
    std::fs::write(dir.join("directory.toml"), samples::DIRECTORY_TOML)?;
    for (name, text) in samples::BRIEFS {
        std::fs::write(briefs.join(name), text)?;
    }
    for (name, bytes) in samples::ATTACHMENTS {
        std::fs::write(briefs.join(name), bytes)?;
    }
    let directory = Directory::from_toml("directory.toml", samples::DIRECTORY_TOML)
        .map_err(|p| anyhow::anyhow!("{}", p.render(output::lang() == output::Lang::En)))?;
    let now = match &s.global.now {
        Some(_) => s.now,
        None => DateTime::parse_from_rfc3339(DEMO_NOW)?,
    };
    let templates = Templates::builtin();
    let mut composed = Vec::new();
    for (name, _) in samples::BRIEFS {
        let brief = briefs.join(name);
        let rules = AttachmentRules::for_brief(&brief);
        let (mail, _) = compose_file(
            &brief,
            None,
            &directory,
            &templates,
            now,
            "example.com",
            &rules,
        )?;
        let out = mails.join(name.replace(".toml", ".eml"));
        std::fs::write(&out, &mail.eml)?;
        composed.push((mail, out));
    }
    if args.format == DemoFormat::Json {
        let list: Vec<serde_json::Value> = composed
            .iter()
            .map(|(m, p)| {
                serde_json::json!({
                    "kind": m.kind.tag(), "subject": m.subject, "to": m.to, "cc": m.cc,
                    "attachments": m.attachments, "file": p,
                })
            })
            .collect();
        let v = serde_json::json!({"dir": dir, "now": now.to_rfc3339(), "lang": mail_lang().code(), "mails": list});
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}",
        tr(
            "liaison 演示：按指导书，从简报生成九类跨部门协作邮件（步骤1 准备 → 步骤2 撰写）",
            "liaison demo: nine kinds of cross-department mail, composed from briefs as the guide says"
        )
    );
    println!(
        "{} {}  ({} {})\n",
        tr("时间", "now"),
        now.to_rfc3339(),
        tr("通讯录", "directory"),
        dir.join("directory.toml").display()
    );
    for (i, (m, p)) in composed.iter().enumerate() {
        let to: Vec<&str> =
            m.to.iter()
                .map(|t| t.split(" <").next().unwrap_or(t))
                .collect();
        let cc: Vec<&str> =
            m.cc.iter()
                .map(|t| t.split(" <").next().unwrap_or(t))
                .collect();
        println!("{}. {}", i + 1, m.subject);
        let sep = output::list_sep();
        let mut parts = vec![format!("{} {}", tr("收件人", "to"), to.join(sep))];
        if !cc.is_empty() {
            parts.push(format!("{} {}", tr("抄送", "cc"), cc.join(sep)));
        }
        if !m.attachments.is_empty() {
            parts.push(format!(
                "{} {}",
                tr("附件", "attachments"),
                m.attachments.join(sep)
            ));
        }
        let line = format!("   {}", parts.join(tr("；", "; ")));
        println!("{line}");
        println!("   → {}", p.display());
    }
    println!(
        "\n{}\n  {}\n  {}",
        tr(
            "生成的 .eml 可直接用邮件客户端打开；试试：",
            "Open the .eml files in any mail client, or try:"
        ),
        format_args!(
            "liaison lint {}/*.eml --now {}",
            mails.display(),
            now.to_rfc3339()
        ),
        format_args!(
            "liaison new {} --brief {} --directory {} --format md",
            tr("需求对接", "request"),
            briefs.join("request.toml").display(),
            dir.join("directory.toml").display()
        ),
    );
    // Step 3–4: follow a scripted collaboration and say what is due (liaison-engine).
    story::run_story(&dir)?;
    // The loop on real servers, when they run.
    live::run_live(&dir)?;
    eprintln!(
        "{} {}",
        tr("演示文件在", "demo files are in"),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
