//! `liaison form KIND ID --format xlsx|csv [-o FILE]`: one of the guide's forms (需求表/回执,
//! 任务分工表, 进度跟踪表, 问题升级记录表, 成果确认与复盘表) filled from a collaboration.

use crate::closing;
use crate::settings::Settings;
use crate::views::find;
use clap::{Args, ValueEnum};
use liaison_closure::forms::{self, FormKind};
use std::path::PathBuf;
use std::process::ExitCode;

/// Which form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormArg {
    /// 需求表/回执.
    Request,
    /// 任务分工表.
    Assignment,
    /// 进度跟踪表.
    Progress,
    /// 问题升级记录表.
    Escalation,
    /// 成果确认与复盘表.
    Retro,
}

/// File format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum FormFormat {
    /// Excel workbook.
    #[default]
    Xlsx,
    /// CSV (UTF-8 with BOM).
    Csv,
}

/// Arguments of `liaison form`.
#[derive(Debug, Args)]
pub struct FormArgs {
    /// Which form.
    #[arg(value_enum)]
    pub kind: FormArg,
    /// The collaboration id (a unique prefix is enough).
    pub id: String,
    /// File format.
    #[arg(long, value_enum, default_value_t)]
    pub format: FormFormat,
    /// Write here (default: the form's Chinese name in the working directory, e.g.
    /// 任务分工表.xlsx; `-` for standard output).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

/// Runs `liaison form`.
pub fn run(s: &Settings, args: FormArgs) -> anyhow::Result<ExitCode> {
    let dir = s.directory()?.cloned().unwrap_or_default();
    let mut store = s.open_store()?;
    let c = find(store.as_mut(), &args.id)?;
    let (k, _) = closing::closing_of(store.as_mut(), &c, s.now)?;
    let kind = match args.kind {
        FormArg::Request => FormKind::Request,
        FormArg::Assignment => FormKind::Assignment,
        FormArg::Progress => FormKind::Progress,
        FormArg::Escalation => FormKind::Escalation,
        FormArg::Retro => FormKind::Retro,
    };
    let table = closing::form_table(kind, &c, &k, &dir);
    let (bytes, ext) = match args.format {
        FormFormat::Xlsx => (forms::to_xlsx(&table)?, "xlsx"),
        FormFormat::Csv => (forms::to_csv(&table)?, "csv"),
    };
    let out = args
        .out
        .unwrap_or_else(|| PathBuf::from(format!("{}.{ext}", table.title)));
    if out == std::path::Path::new("-") {
        use std::io::Write;
        std::io::stdout().write_all(&bytes)?;
    } else {
        std::fs::write(&out, &bytes).map_err(|e| {
            anyhow::anyhow!("{}: {}", out.display(), crate::output::lang().io_error(&e))
        })?;
        eprintln!(
            "{}",
            match crate::output::lang() {
                crate::output::Lang::Zh =>
                    format!("已写入 {}（{} 行）", out.display(), table.rows.len()),
                crate::output::Lang::En =>
                    format!("wrote {} ({} rows)", out.display(), table.rows.len()),
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}
