//! `liaison rebuild`: recompute every collaboration from the raw messages and recorded
//! events, and prove the result equals what the store holds.
//!
//! The replay copies every ledger entry (raw messages and manual events, in ledger order)
//! into a private in-memory store, runs the same tracker `liaison ingest` runs
//! ([`super::ingest::track_pending`]), and compares collaborations and their event
//! timelines one by one. It also re-hashes every raw message to check it is unchanged.
//! Exit 0 when everything is identical, 1 when anything differs (each difference is
//! listed).

use crate::cli::GlobalArgs;
use crate::commands::ingest::{track_pending, tracker_config};
use crate::commands::store_open::open_store;
use crate::output::{DataFormat, tr};
use clap::Args;
use liaison_store::{InputKind, Location, Store};
use serde::Serialize;
use std::process::ExitCode;

/// Arguments of `liaison rebuild`.
#[derive(Debug, Args)]
pub struct RebuildArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

/// One difference between the store and the replay.
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
    /// Ledger entries replayed.
    pub inputs: u64,
    /// Raw messages re-hashed.
    pub raw_messages: u64,
    /// Collaborations in the store.
    pub collaborations: u64,
    /// Collaborations the replay produced.
    pub rebuilt: u64,
    /// Entries still waiting for the tracker in the store (run `liaison ingest` first).
    pub pending: u64,
    /// True when the replay equals the store.
    pub identical: bool,
    /// Every difference.
    pub differences: Vec<Difference>,
}

/// Replays `store` into a fresh in-memory store and compares. Used by the command and by
/// tests.
pub fn rebuild(store: &mut dyn Store, g: &GlobalArgs) -> anyhow::Result<Report> {
    let tracker = tracker_config(g)?;
    let mut scratch = liaison_store::open(&Location::Memory)?;
    let mut differences = Vec::new();
    let mut inputs = 0u64;
    let mut raw_messages = 0u64;
    let mut after = 0;
    loop {
        let page = store.inputs(after, 1000)?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for input in page {
            inputs += 1;
            match &input.kind {
                InputKind::Message {
                    sha256,
                    bytes,
                    source,
                } => {
                    raw_messages += 1;
                    let actual = liaison_store::sha256_hex(bytes);
                    if &actual != sha256 {
                        differences.push(Difference {
                            id: sha256.clone(),
                            problem: format!(
                                "{}: {actual}",
                                tr(
                                    "原始邮件内容已被改动，现在的 SHA-256 为",
                                    "raw message bytes changed; their SHA-256 is now"
                                )
                            ),
                        });
                    }
                    scratch.put_raw(bytes, source, None)?;
                }
                InputKind::Manual {
                    collaboration,
                    event,
                } => {
                    scratch.record_manual(collaboration, event)?;
                }
            }
        }
    }
    track_pending(&mut *scratch, &tracker)?;

    let stored = store.collaborations()?;
    let rebuilt = scratch.collaborations()?;
    let pending = store.stats()?.pending;
    let by_id: std::collections::BTreeMap<&str, &liaison_model::Collaboration> =
        rebuilt.iter().map(|c| (c.id.as_str(), c)).collect();
    for c in &stored {
        match by_id.get(c.id.as_str()) {
            None => differences.push(Difference {
                id: c.id.clone(),
                problem: tr("重放后不存在", "missing from the replay").into(),
            }),
            Some(r) if *r != c => differences.push(Difference {
                id: c.id.clone(),
                problem: describe(c, r),
            }),
            Some(_) => {
                let a: Vec<_> = store.events(&c.id)?.into_iter().map(|e| e.event).collect();
                let b: Vec<_> = scratch
                    .events(&c.id)?
                    .into_iter()
                    .map(|e| e.event)
                    .collect();
                if a != b {
                    differences.push(Difference {
                        id: c.id.clone(),
                        problem: format!(
                            "{} {} / {}",
                            tr("事件时间线不同：", "event timelines differ:"),
                            a.len(),
                            b.len()
                        ),
                    });
                }
            }
        }
    }
    let stored_ids: std::collections::BTreeSet<&str> =
        stored.iter().map(|c| c.id.as_str()).collect();
    for r in &rebuilt {
        if !stored_ids.contains(r.id.as_str()) {
            differences.push(Difference {
                id: r.id.clone(),
                problem: tr("仅在重放结果中出现", "only in the replay").into(),
            });
        }
    }
    Ok(Report {
        inputs,
        raw_messages,
        collaborations: stored.len() as u64,
        rebuilt: rebuilt.len() as u64,
        pending,
        identical: differences.is_empty() && pending == 0,
        differences,
    })
}

/// Names the first fields that differ.
fn describe(a: &liaison_model::Collaboration, b: &liaison_model::Collaboration) -> String {
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
pub fn run(g: &GlobalArgs, args: RebuildArgs) -> anyhow::Result<ExitCode> {
    let mut store = open_store(g)?;
    let report = rebuild(&mut *store, g)?;
    match args.format {
        DataFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        DataFormat::Text => {
            if report.pending > 0 {
                eprintln!(
                    "{}",
                    match crate::output::lang() {
                        crate::output::Lang::Zh => format!(
                            "注意：有 {} 条记录尚未被跟踪处理；先运行 `liaison ingest`（不带路径）完成它们",
                            report.pending
                        ),
                        crate::output::Lang::En => format!(
                            "note: {} entries are not tracked yet; run `liaison ingest` (no paths) to finish them first",
                            report.pending
                        ),
                    }
                );
            }
            for d in &report.differences {
                println!("{}: {}", d.id, d.problem);
            }
            println!(
                "{}",
                match crate::output::lang() {
                    crate::output::Lang::Zh => format!(
                        "重放 {} 条记录（{} 封原始邮件）：库中 {} 个协作，重建 {} 个，{}",
                        report.inputs,
                        report.raw_messages,
                        report.collaborations,
                        report.rebuilt,
                        if report.identical {
                            "完全一致"
                        } else {
                            "不一致"
                        }
                    ),
                    crate::output::Lang::En => format!(
                        "replayed {} entries ({} raw messages): {} collaborations stored, {} rebuilt, {}",
                        report.inputs,
                        report.raw_messages,
                        report.collaborations,
                        report.rebuilt,
                        if report.identical {
                            "identical"
                        } else {
                            "DIFFERENT"
                        }
                    ),
                }
            );
        }
    }
    Ok(if report.identical {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
