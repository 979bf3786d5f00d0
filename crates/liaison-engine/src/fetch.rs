//! Fetching: the new messages of the IMAP inbox and Sent folders, through the one ingest
//! pipeline.
//!
//! Per account and folder the store remembers the folder's UIDVALIDITY and the highest UID
//! read. Each run reads only the UIDs above it, in chunks; a chunk is stored and tracked
//! before the cursor moves past it, so a crash re-reads at most one chunk, which ingest
//! recognises (same bytes: a duplicate). When UIDVALIDITY changes, every UID changed
//! meaning: the folder is read again from the start, and nothing doubles, because ingest
//! is idempotent. Folders are opened read-only (EXAMINE, BODY.PEEK): fetching marks
//! nothing read.

use crate::pipeline::{IngestOptions, IngestSummary, Observer, PipelineError, ingest};
use crate::tracker::TrackerConfig;
use liaison_mail::mailbox::{Mailbox, RawMail};
use liaison_mail::transport::{ImapClient, ImapError};
use liaison_store::{FolderCursor, Store, StoreError};
use serde::Serialize;

/// Errors that stop a fetch.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The IMAP server failed.
    #[error(transparent)]
    Imap(#[from] ImapError),
    /// The ingest pipeline failed.
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Test hooks: abort the process at a point of fetching (as `kill -9` would).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchCrash {
    /// After a chunk is stored and tracked, before the cursor moves past it.
    Stored,
    /// After the cursor moved past a chunk.
    Cursor,
}

impl FetchCrash {
    /// Reads `fetch-stored` or `fetch-cursor`.
    pub fn parse(s: &str) -> Option<FetchCrash> {
        match s {
            "fetch-stored" => Some(FetchCrash::Stored),
            "fetch-cursor" => Some(FetchCrash::Cursor),
            _ => None,
        }
    }
}

/// How to fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Messages per IMAP FETCH (and per ingest batch).
    pub chunk: usize,
    /// How messages are ingested.
    pub ingest: IngestOptions,
    /// Test hook: abort at this point of the `crash_nth` chunk (1-based).
    pub crash_at: Option<FetchCrash>,
    /// See `crash_at`.
    pub crash_nth: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            chunk: 200,
            ingest: IngestOptions::default(),
            crash_at: None,
            crash_nth: 1,
        }
    }
}

/// What was read from one folder.
#[derive(Debug, Clone, Serialize)]
pub struct FolderReport {
    /// `inbox` or `sent`.
    pub role: &'static str,
    /// The folder's name.
    pub folder: String,
    /// Its UIDVALIDITY.
    pub uid_validity: u32,
    /// True when UIDVALIDITY changed since the last fetch and the folder was read again.
    pub reset: bool,
    /// Messages read in this run.
    pub fetched: u64,
    /// The highest UID read so far.
    pub last_uid: u32,
}

/// What a fetch did.
#[derive(Debug, Clone, Serialize)]
pub struct FetchSummary {
    /// The account (`imap://user@host:port`).
    pub account: String,
    /// Per folder.
    pub folders: Vec<FolderReport>,
    /// What the ingest pipeline did with the messages.
    pub ingest: IngestSummary,
}

/// Reads the new messages of the inbox and the Sent folder of `imap`'s account into the
/// store, through the ingest pipeline.
pub fn fetch(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
    imap: &mut ImapClient,
    opts: &FetchOptions,
    obs: &mut dyn Observer,
) -> Result<FetchSummary, FetchError> {
    let account = imap.server().account();
    let mut summary = FetchSummary {
        account: account.clone(),
        folders: Vec::new(),
        ingest: IngestSummary::default(),
    };
    let inbox = imap.inbox()?;
    let sent = imap.sent()?;
    let mut folders = vec![("inbox", inbox)];
    if folders[0].1 != sent {
        folders.push(("sent", sent));
    }
    let mut chunks_done = 0u32;
    for (role, folder) in folders {
        let st = imap.examine(&folder)?;
        let cursor = store.folder_cursor(&account, &folder)?;
        let (mut last, reset) = match cursor {
            Some(c) if c.uid_validity == st.uid_validity => (c.last_uid, false),
            Some(_) => (0, true),
            None => (0, false),
        };
        if cursor.is_none() || reset {
            store.set_folder_cursor(
                &account,
                &folder,
                FolderCursor {
                    uid_validity: st.uid_validity,
                    last_uid: 0,
                },
            )?;
        }
        let mut report = FolderReport {
            role,
            folder: folder.clone(),
            uid_validity: st.uid_validity,
            reset,
            fetched: 0,
            last_uid: last,
        };
        // UIDNEXT says when nothing is new, without a search.
        let nothing_new =
            st.uid_next.is_some_and(|n| n <= last.saturating_add(1)) || st.exists == 0;
        let uids = if nothing_new {
            Vec::new()
        } else {
            imap.uids_after(last)?
        };
        for chunk in uids.chunks(opts.chunk.max(1)) {
            let msgs = imap.fetch(chunk)?;
            report.fetched += msgs.len() as u64;
            let raws: Vec<RawMail> = msgs
                .into_iter()
                .map(|(uid, bytes)| RawMail {
                    bytes,
                    source: format!(
                        "{account}/{folder};UIDVALIDITY={};UID={uid}",
                        st.uid_validity
                    ),
                    position: u64::from(uid),
                })
                .collect();
            let part = ingest(
                store,
                cfg,
                vec![Mailbox::from_messages(raws)],
                &opts.ingest,
                obs,
            )?;
            summary.ingest.absorb(part);
            chunks_done += 1;
            let crash = |at: FetchCrash| {
                if opts.crash_at == Some(at) && chunks_done >= opts.crash_nth.max(1) {
                    eprintln!("LIAISON_TEST_CRASH_AT={at:?}: aborting");
                    std::process::abort();
                }
            };
            crash(FetchCrash::Stored);
            last = *chunk.last().expect("chunks are not empty");
            store.set_folder_cursor(
                &account,
                &folder,
                FolderCursor {
                    uid_validity: st.uid_validity,
                    last_uid: last,
                },
            )?;
            crash(FetchCrash::Cursor);
        }
        report.last_uid = last;
        let level_info = report.fetched > 0 || reset;
        if level_info {
            tracing::info!(
                target: "liaison::fetch",
                account = %account,
                folder = %folder,
                uid_validity = st.uid_validity,
                reset,
                messages = report.fetched,
                last_uid = last,
                "fetched"
            );
        } else {
            tracing::debug!(target: "liaison::fetch", account = %account, folder = %folder, "nothing new");
        }
        summary.folders.push(report);
    }
    if summary.folders.iter().all(|f| f.fetched == 0) {
        // Nothing new: still finish what an interrupted run left pending.
        let part = ingest(store, cfg, Vec::new(), &opts.ingest, obs)?;
        summary.ingest.absorb(part);
    }
    Ok(summary)
}
