//! `liaison rules`: list every lint rule with its severity and explanation.

use crate::output::{DataFormat, tr};
use crate::settings::Settings;
use clap::Args;
use liaison_lint::{Lang, Level, RULES};
use serde_json::json;
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

/// Arguments of `liaison rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
    /// Also print each rule's full explanation (text format).
    #[arg(long)]
    pub verbose: bool,
}

/// Runs `liaison rules`.
pub fn run(s: &Settings, args: RulesArgs) -> anyhow::Result<ExitCode> {
    let resolved = s
        .config
        .lint
        .resolve()
        .map_err(|e| anyhow::Error::new(e).context(crate::config::shown_source(&s.config)))?;
    let lang = crate::output::lang();
    let effective = |i: usize| match resolved.levels[i] {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Off => "off",
    };
    let mut out = String::new();
    match args.format {
        DataFormat::Json => {
            let list: Vec<_> = RULES
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    json!({
                        "id": r.id,
                        "default": r.default.as_str(),
                        "severity": effective(i),
                        "summary": r.summary(lang),
                        "explanation": r.explain(lang),
                        "help": r.help(lang),
                    })
                })
                .collect();
            let _ = writeln!(out, "{}", serde_json::to_string_pretty(&list)?);
        }
        DataFormat::Text => {
            let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
            for (i, r) in RULES.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "{:width$}  {:7}  {}",
                    r.id,
                    effective(i),
                    r.summary(lang)
                );
                if args.verbose {
                    let _ = writeln!(out, "{:width$}  {:7}  {}", "", "", r.explain(lang));
                    let _ = writeln!(out);
                }
            }
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "{}",
                tr(
                    "`liaison lint --explain 规则` 查看详细说明；在 liaison.toml 的 [lint.rules] 中可修改级别或设为 \"off\"。",
                    "`liaison lint --explain RULE` explains a rule; change severities or switch rules \"off\" under [lint.rules] in liaison.toml."
                )
            );
            let _ = Lang::Zh;
        }
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}
