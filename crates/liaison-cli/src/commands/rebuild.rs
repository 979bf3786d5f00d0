//! `liaison rebuild [--apply]`: recompute every collaboration from the raw messages and
//! recorded events, and compare with (or replace) what the store holds.
//!
//! The recomputation reads the whole ledger with the configuration in effect now
//! ([`liaison_engine::recompute_all`]: all messages threaded at once, every thread
//! replayed), a different algorithm from the incremental tracker that `ingest` runs. Without
//! `--apply` it only reports (a dry run): exit 0 when the store equals the recomputation, 1
//! when anything differs (each difference listed). With `--apply` the derived tables are
//! emptied and tracked again from the ledger — what to do after `[identity]`, the
//! directory or `[lint.kinds]` changed — and the result is checked against the
//! recomputation. It also re-hashes every raw message to check it is unchanged.

use crate::output::{DataFormat, tr};
use crate::settings::Settings;
use clap::Args;
use liaison_engine::track_pending;
use liaison_model::Collaboration;
use liaison_store::Store;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::process::ExitCode;

/// Arguments of `liaison rebuild`.
#[derive(Debug, Args)]
pub struct RebuildArgs {
    /// Replace the stored collaborations with the recomputation (after showing what
    /// changes).
    #[arg(long)]
    pub apply: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

/// One difference between the store and the recomputation.
#[derive(Debug, Clone, Serialize)]
pub struct Difference {
    /// The collaboration (or raw message SHA-256) concerned.
    pub id: String,
    /// What differs.
    pub problem: String,
}

/// The outcome of a rebuild.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Ledger entries read.
    pub inputs: u64,
    /// Raw messages re-hashed.
    pub raw_messages: u64,
    /// Collaborations in the store (before `--apply`).
    pub collaborations: u64,
    /// Collaborations the recomputation produced.
    pub rebuilt: u64,
    /// True when the store equalled the recomputation.
    pub identical: bool,
    /// Every difference (before `--apply`).
    pub differences: Vec<Difference>,
    /// True when `--apply` replaced the stored state.
    pub applied: bool,
    /// After `--apply`: true when the new state equals the recomputation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
}

/// Compares the stored collaborations with a recomputation.
fn compare(stored: &[Collaboration], rebuilt: &[Collaboration]) -> Vec<Difference> {
    let mut differences = Vec::new();
    let by_id: BTreeMap<&str, &Collaboration> =
        rebuilt.iter().map(|c| (c.id.as_str(), c)).collect();
    for c in stored {
        match by_id.get(c.id.as_str()) {
            None => differences.push(Difference {
                id: c.id.clone(),
                problem: tr("重算结果中没有该协作", "missing from the recomputation").into(),
            }),
            Some(r) if *r != c => differences.push(Difference {
                id: c.id.clone(),
                problem: describe(c, r),
            }),
            Some(_) => {}
        }
    }
    let stored_ids: BTreeSet<&str> = stored.iter().map(|c| c.id.as_str()).collect();
    for r in rebuilt {
        if !stored_ids.contains(r.id.as_str()) {
            differences.push(Difference {
                id: r.id.clone(),
                problem: match crate::output::lang() {
                    crate::output::Lang::Zh => format!("仅在重算结果中出现（{}）", r.subject),
                    crate::output::Lang::En => format!("only in the recomputation ({})", r.subject),
                },
            });
        }
    }
    differences
}

/// Recomputes and compares; with `apply`, replaces the derived state and verifies it.
fn rebuild(store: &mut dyn Store, s: &Settings, apply: bool) -> anyhow::Result<Report> {
    let tracker = s.tracker()?;
    // What is pending belongs to the stored state as soon as any ingest runs: track it
    // first, so the comparison is about how, not when, inputs were applied.
    track_pending(store, &tracker)?;
    let re = liaison_engine::recompute_all(store, &tracker)?;
    let stored = store.collaborations()?;
    let mut differences = compare(&stored, &re.collaborations);
    for (key, actual) in &re.altered {
        differences.push(Difference {
            id: key.clone(),
            problem: format!(
                "{}: {actual}",
                tr(
                    "原始邮件内容已被改动，现在的 SHA-256 为",
                    "raw message bytes changed; their SHA-256 is now"
                )
            ),
        });
    }
    let identical = differences.is_empty();
    let mut report = Report {
        inputs: re.inputs,
        raw_messages: re.messages,
        collaborations: stored.len() as u64,
        rebuilt: re.collaborations.len() as u64,
        identical,
        differences,
        applied: false,
        verified: None,
    };
    if apply {
        store.reset_derived()?;
        track_pending(store, &tracker)?;
        store.set_meta(
            liaison_engine::pipeline::FINGERPRINT_KEY,
            &tracker.fingerprint(),
        )?;
        report.applied = true;
        report.verified = Some(compare(&store.collaborations()?, &re.collaborations).is_empty());
    }
    Ok(report)
}

/// Names the first fields that differ.
fn describe(a: &Collaboration, b: &Collaboration) -> String {
    let (ja, jb) = (
        serde_json::to_value(a).unwrap_or_default(),
        serde_json::to_value(b).unwrap_or_default(),
    );
    let mut fields = Vec::new();
    if let (Some(oa), Some(ob)) = (ja.as_object(), jb.as_object()) {
        for (k, v) in oa {
            if ob.get(k) != Some(v) {
                fields.push(k.clone());
            }
        }
    }
    format!(
        "{} {}",
        tr("字段不同：", "fields differ:"),
        fields.join(", ")
    )
}

/// Runs `liaison rebuild`.
pub fn run(s: &Settings, args: RebuildArgs) -> anyhow::Result<ExitCode> {
    let mut store = s.open_store()?;
    let report = rebuild(&mut *store, s, args.apply)?;
    match args.format {
        DataFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        DataFormat::Text => {
            for d in &report.differences {
                println!("{}: {}", d.id, d.problem);
            }
            let (i, r, c, b, d) = (
                report.inputs,
                report.raw_messages,
                report.collaborations,
                report.rebuilt,
                report.differences.len(),
            );
            let verdict = if report.identical {
                tr("与库中完全一致", "identical to the store").to_string()
            } else {
                match crate::output::lang() {
                    crate::output::Lang::Zh => format!("与库中不一致（{d} 处）"),
                    crate::output::Lang::En => format!("DIFFERENT from the store ({d})"),
                }
            };
            println!(
                "{}",
                match crate::output::lang() {
                    crate::output::Lang::Zh => format!(
                        "重算 {i} 条记录（{r} 封原始邮件）：库中 {c} 个协作，重算得 {b} 个，{verdict}"
                    ),
                    crate::output::Lang::En => format!(
                        "recomputed {i} entries ({r} raw messages): {c} collaborations stored, {b} recomputed, {verdict}"
                    ),
                }
            );
            match report.verified {
                Some(true) => println!(
                    "{}",
                    tr(
                        "已用重算结果替换库中的协作，并核对一致",
                        "the stored collaborations were replaced by the recomputation and checked"
                    )
                ),
                Some(false) => println!(
                    "{}",
                    tr(
                        "已替换，但核对时仍有差异：请报告此问题",
                        "replaced, but the check still finds differences: please report this"
                    )
                ),
                None if !report.identical => println!(
                    "{}",
                    tr(
                        "运行 `liaison rebuild --apply` 以用重算结果替换库中的协作",
                        "run `liaison rebuild --apply` to replace the stored collaborations with the recomputation"
                    )
                ),
                None => {}
            }
        }
    }
    Ok(match (report.applied, report.identical, report.verified) {
        (true, _, Some(true)) | (false, true, _) => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    })
}
