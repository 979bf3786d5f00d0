//! The ingest pipeline: read → store raw → track (parse, thread, replay) → store, the one
//! path used by `liaison ingest`, `fetch`, `run`, `demo` and the tests.
//!
//! Each message is stored raw (immutable, keyed by SHA-256) together with a ledger entry,
//! in batches of one transaction each; then every pending ledger entry is tracked, a page
//! per transaction. A crash anywhere leaves each message either stored-and-pending or fully
//! applied, and the next run finishes the pending ones: nothing is lost, nothing is
//! doubled. Re-ingesting anything is a no-op. A message with no usable header is kept aside
//! in the quarantine with the reason; the rest are still imported.

use crate::planner::Lang;
use crate::track::incremental::track_from;
use crate::track::index::{Cached, Index, MAX_ROWS};
use crate::track::{MessageInfo, read_input, track_read};
use crate::tracker::{TrackerConfig, TrackerError};
use liaison_mail::Message;
use liaison_mail::mailbox::{Mailbox, MailboxError, RawMail};
use liaison_store::{PutRaw, ReadyRaw, Store, StoreError, TRACKER_GENERATION_KEY};
use serde::Serialize;

/// The default of [`IngestOptions::batch`]. Larger transactions write less: an index page
/// several messages of one batch touch goes to the WAL once per commit. 2,000 against 500:
/// 36 % fewer bytes written and 5–12 % less CPU at 2·10^4 messages, 25 % fewer bytes and 8 %
/// less CPU at 10^5, for 50–70 MB more peak memory (the batch read ahead).
pub const DEFAULT_BATCH: usize = 2_000;

/// The default of [`IngestOptions::memory_rows`].
pub const MAX_MEMORY_ROWS: usize = MAX_ROWS;

/// Errors that stop an ingest (a single bad message never does).
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The tracker failed.
    #[error(transparent)]
    Tracker(#[from] TrackerError),
}

/// A message that was kept aside.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Malformed {
    /// Where it came from.
    pub source: String,
    /// Why.
    pub reason: String,
}

/// What an ingest did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct IngestSummary {
    /// Messages read from the inputs.
    pub read: u64,
    /// Messages stored for the first time.
    pub imported: u64,
    /// Messages already stored or already quarantined (same bytes).
    pub duplicates: u64,
    /// Messages kept aside in the quarantine.
    pub malformed: u64,
    /// Ledger entries the tracker applied in this run (including ones left by an earlier,
    /// interrupted run).
    pub tracked: u64,
    /// Ledger entries still waiting for the tracker.
    pub pending: u64,
    /// The malformed messages, with reasons.
    pub quarantined: Vec<Malformed>,
    /// Files or folders that could not be read.
    pub errors: Vec<String>,
    /// Files looked at and deliberately not read, with the reason (hidden files, FIFOs,
    /// garbage before an mbox's first `From ` line, Maildir deliveries in progress).
    pub skipped: Vec<String>,
    /// What the user should know about the configuration this ran with.
    pub notices: Vec<Notice>,
}

impl IngestSummary {
    /// Adds what a later ingest did (fetch ingests chunk by chunk): counts add up, `pending`
    /// is the later one's, each notice is kept once.
    pub fn absorb(&mut self, later: IngestSummary) {
        self.read += later.read;
        self.imported += later.imported;
        self.duplicates += later.duplicates;
        self.malformed += later.malformed;
        self.tracked += later.tracked;
        self.pending = later.pending;
        self.quarantined.extend(later.quarantined);
        self.errors.extend(later.errors);
        for n in later.notices {
            if !self.notices.contains(&n) {
                self.notices.push(n);
            }
        }
    }
}

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Messages per storing transaction.
    pub batch: usize,
    /// Track after storing (false: store raw only, leave entries pending).
    pub track: bool,
    /// Language of the reasons recorded for quarantined messages.
    pub lang: Lang,
    /// Test hook: abort the process right after the batch holding the N-th stored message
    /// is committed, before the tracker runs on it (the worst moment for a crash).
    pub crash_after: Option<u64>,
    /// The most tracked messages the tracker keeps in memory (about 1.5 KB each); past it
    /// it keeps only what the current pages need, so memory does not grow with the store.
    pub memory_rows: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            batch: DEFAULT_BATCH,
            track: true,
            lang: Lang::Zh,
            crash_after: None,
            memory_rows: MAX_ROWS,
        }
    }
}

/// Hears what an ingest does, for progress display and messages (the pipeline itself
/// prints nothing).
pub trait Observer {
    /// A mailbox is about to be read.
    fn source_started(&mut self, _mailbox: &Mailbox) {}
    /// The reading position in the current mailbox (bytes or messages, as the mailbox
    /// counts).
    fn position(&mut self, _pos: u64) {}
    /// A batch was stored; totals so far.
    fn stored(&mut self, _read: u64, _imported: u64) {}
    /// A message was kept aside.
    fn quarantined(&mut self, _m: &Malformed) {}
    /// A file or folder could not be read (the ingest goes on); `text` says why in the
    /// run's language.
    fn unreadable(&mut self, _e: &MailboxError, _text: &str) {}
    /// A file was looked at and deliberately not read (not a failure).
    fn skipped(&mut self, _text: &str) {}
    /// The current mailbox is done.
    fn source_finished(&mut self) {}
    /// Something the user should know before trusting the result.
    fn notice(&mut self, _n: Notice) {}
}

/// Things an ingest tells the user about the configuration it runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Notice {
    /// No address counts as ours (`[identity] addresses`, `--me`): outgoing mail cannot
    /// be recognised, so no collaboration can start.
    NoIdentity,
    /// The configuration changed since the store was last tracked from scratch: mail
    /// already tracked was read with the old one (`liaison rebuild --apply`).
    ConfigChanged,
}

/// The [`liaison_store::Store::meta`] key of the tracker configuration's fingerprint.
pub const FINGERPRINT_KEY: &str = "tracker-config";

/// Checks the configuration against the store: the notices an ingest should give. The
/// first run on a store records the fingerprint.
pub fn config_notices(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
) -> Result<Vec<Notice>, StoreError> {
    let mut out = Vec::new();
    if cfg.me.iter().all(|m| m.trim().is_empty()) {
        out.push(Notice::NoIdentity);
    }
    let now = cfg.fingerprint();
    match store.meta(FINGERPRINT_KEY)? {
        None => store.set_meta(FINGERPRINT_KEY, &now)?,
        Some(before) if before != now => out.push(Notice::ConfigChanged),
        Some(_) => {}
    }
    Ok(out)
}

/// An observer that hears nothing.
pub struct Quiet;
impl Observer for Quiet {}

/// Why a message is malformed, if it is: nothing a tracker could use was readable.
pub fn malformed_reason(raw: &[u8], m: &Message, lang: Lang) -> Option<String> {
    let tr = |zh: &str, en: &str| match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    };
    if raw.iter().all(|b| b.is_ascii_whitespace()) {
        return Some(tr("空消息", "empty message"));
    }
    if m.from.is_none() && m.message_id.is_none() && m.date.is_none() && m.subject.is_empty() {
        return Some(tr(
            "不是邮件：没有可读的 From、Date、Subject 或 Message-ID 头",
            "not a mail: no readable From, Date, Subject or Message-ID header",
        ));
    }
    None
}

/// Stores every message of `sources` and tracks what is pending (also what an earlier,
/// interrupted run left). Unreadable files are reported to `obs` and in the summary; the
/// ingest goes on.
pub fn ingest(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
    sources: Vec<Mailbox>,
    opts: &IngestOptions,
    obs: &mut dyn Observer,
) -> Result<IngestSummary, PipelineError> {
    // What the tracker reads is remembered for the whole ingest (one configuration), so
    // replays of a thread do not read its messages again.
    crate::track::memo::scope(|| ingest_sources(store, cfg, sources, opts, obs))
}

fn ingest_sources(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
    sources: Vec<Mailbox>,
    opts: &IngestOptions,
    obs: &mut dyn Observer,
) -> Result<IngestSummary, PipelineError> {
    let mut summary = IngestSummary::default();
    // The tracked state in memory, kept from one stored batch to the next.
    let mut index = TrackerMemory::with_rows(opts.memory_rows);
    if opts.track {
        for n in config_notices(store, cfg)? {
            obs.notice(n);
            summary.notices.push(n);
        }
    }
    // Finish what an interrupted run left pending before adding more.
    if opts.track {
        summary.tracked += track_pending_with(store, cfg, &mut index, CHUNK)?;
    }
    let batch_size = opts.batch.max(1);
    for mb in sources {
        obs.source_started(&mb);
        std::thread::scope(|s| -> Result<(), PipelineError> {
            // The mailbox is read, and its messages read for the tracker, a batch ahead of
            // this thread, which alone stores and tracks (in ledger order).
            let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Read>>(1);
            let reading = opts.track.then_some(cfg);
            s.spawn(move || read_batches(mb, batch_size, opts.lang, reading, tx));
            let mut batch: Vec<(RawMail, Option<String>, Option<ReadyRaw>)> =
                Vec::with_capacity(batch_size);
            let mut infos: Vec<Option<Box<MessageInfo>>> = Vec::with_capacity(batch_size);
            let mut ready = Ready::new();
            for chunk in rx {
                for item in chunk {
                    match item {
                        Read::Failed(e) => {
                            let text = e.render(opts.lang == Lang::En);
                            if e.is_note() {
                                // Left alone on purpose (a hidden file, a FIFO, mbox
                                // garbage): reported, but not a failure.
                                obs.skipped(&text);
                                summary.skipped.push(text);
                            } else {
                                obs.unreadable(&e, &text);
                                summary.errors.push(text);
                            }
                        }
                        Read::Mail {
                            raw,
                            message_id,
                            malformed,
                            info,
                            ready: prepared,
                        } => {
                            summary.read += 1;
                            obs.position(raw.position);
                            if let Some(reason) = malformed {
                                // The same bytes kept aside by an earlier run count as a
                                // duplicate.
                                if store.quarantine(&raw.bytes, &raw.source, &reason)? {
                                    let m = Malformed {
                                        source: raw.source,
                                        reason,
                                    };
                                    obs.quarantined(&m);
                                    summary.malformed += 1;
                                    summary.quarantined.push(m);
                                } else {
                                    summary.duplicates += 1;
                                }
                            } else {
                                batch.push((raw, message_id, prepared));
                                infos.push(info);
                            }
                        }
                    }
                }
                // A chunk ends with a full batch or with the mailbox.
                if batch.is_empty() {
                    continue;
                }
                let before = summary.imported;
                let puts = store_batch(&mut *store, &mut batch, &mut summary)?;
                // The messages stored for the first time now have their ledger entries.
                for ((put, info), (raw, _, _)) in
                    puts.into_iter().zip(infos.drain(..)).zip(batch.drain(..))
                {
                    if let (PutRaw::New { sha256, seq }, Some(mut info)) = (put, info)
                        && info.row.sha256 == sha256
                    {
                        info.row.seq = seq;
                        ready.insert(seq, (*info, raw.bytes));
                    }
                }
                obs.stored(summary.read, summary.imported);
                if let Some(n) = opts.crash_after
                    && before < n
                    && summary.imported >= n
                {
                    eprintln!(
                        "LIAISON_TEST_CRASH_AFTER={n}: aborting after {} stored",
                        summary.imported
                    );
                    std::process::abort();
                }
                if opts.track {
                    summary.tracked +=
                        track_pending_ready(&mut *store, cfg, &mut index, CHUNK, &mut ready)?;
                }
            }
            Ok(())
        })?;
        obs.source_finished();
    }
    summary.pending = store.pending_count()?;
    Ok(summary)
}

/// One item of a mailbox as the reader thread hands it over.
enum Read {
    /// A message, with its Message-ID and, when nothing a tracker could use is readable,
    /// why it is kept aside ([`malformed_reason`]).
    Mail {
        raw: RawMail,
        message_id: Option<String>,
        malformed: Option<String>,
        /// The message read for the tracker (ledger sequence number still 0), when the
        /// ingest tracks.
        info: Option<Box<MessageInfo>>,
        /// The message hashed and packed for the store, in the parser threads.
        ready: Option<ReadyRaw>,
    },
    /// A file or folder that could not be read, or was deliberately not read.
    Failed(MailboxError),
}

/// Reads `mb` into chunks that end after `batch_size` messages or at the end of the
/// mailbox, and sends them in order (stopping when the receiver is gone). Each message's
/// header is read (its Message-ID, whether it is malformed), spread over the rayon pool;
/// with `cfg`, each storable message is also read for the tracker there, so the parsing of
/// a batch overlaps the storing and tracking of the one before.
fn read_batches(
    mb: Mailbox,
    batch_size: usize,
    lang: Lang,
    cfg: Option<&TrackerConfig>,
    tx: std::sync::mpsc::SyncSender<Vec<Read>>,
) {
    let send = |mut chunk: Vec<Read>| {
        use rayon::prelude::*;
        // Hashing and packing for the store, and reading for the tracker, need no store:
        // done here, over the pool, the writer only writes.
        chunk.par_iter_mut().for_each(|r| {
            if let Read::Mail {
                raw,
                message_id,
                malformed,
                info,
                ready,
            } = r
            {
                let prepared = ReadyRaw::new(&raw.bytes);
                // Storing needs the header only. A tracked ingest reads the whole message
                // anyway and takes the header from that reading (one parse, not two); a
                // malformed message's reading is dropped.
                let read = cfg.map(|cfg| MessageInfo::read(&raw.bytes, prepared.sha256(), 0, cfg));
                let headers;
                let msg = match &read {
                    Some(read) => &read.message,
                    None => {
                        headers = Message::parse_headers(&raw.bytes);
                        &headers
                    }
                };
                *message_id = msg.message_id.clone();
                *malformed = malformed_reason(&raw.bytes, msg, lang);
                if malformed.is_none() {
                    *info = read.map(Box::new);
                    *ready = Some(prepared);
                }
            }
        });
        tx.send(chunk).is_ok()
    };
    let mut chunk = Vec::new();
    let mut in_chunk = 0;
    for item in mb {
        match item {
            Err(e) => chunk.push(Read::Failed(e)),
            Ok(raw) => {
                // Read (header, malformed or not, the tracker's reading) in the parser
                // threads when the chunk is sent.
                in_chunk += 1;
                chunk.push(Read::Mail {
                    raw,
                    message_id: None,
                    malformed: None,
                    info: None,
                    ready: None,
                });
            }
        }
        if in_chunk >= batch_size {
            if !send(std::mem::take(&mut chunk)) {
                return;
            }
            in_chunk = 0;
        }
    }
    if !chunk.is_empty() {
        send(chunk);
    }
}

/// Stores `batch` (emptied) in one transaction; returns what became of each message.
fn store_batch(
    store: &mut dyn Store,
    batch: &mut [(RawMail, Option<String>, Option<ReadyRaw>)],
    summary: &mut IngestSummary,
) -> Result<Vec<PutRaw>, StoreError> {
    // Prepared in the parser threads; the store prepares any batch that is not whole.
    let ready: Vec<ReadyRaw> = batch.iter_mut().filter_map(|b| b.2.take()).collect();
    let refs: Vec<(&[u8], &str, Option<&str>)> = batch
        .iter()
        .map(|(r, mid, _)| (r.bytes.as_slice(), r.source.as_str(), mid.as_deref()))
        .collect();
    let puts = store.put_raw_batch_ready(&refs, &ready)?;
    for put in &puts {
        match put {
            PutRaw::New { .. } => summary.imported += 1,
            PutRaw::Duplicate { .. } => summary.duplicates += 1,
        }
    }
    Ok(puts)
}

/// Ledger inputs read per page (one transaction each).
const PAGE: usize = 1024;
/// Inputs the parser threads read at a time, ahead of the writer.
const CHUNK: usize = 64;

/// Applies every pending ledger entry, in ledger order, under the tracker lock; returns
/// how many this process applied (an entry another process applied first is skipped).
///
/// Reading a message (parse, threading keys, the anatomy of an opening mail) does not need
/// the store, so it runs in parser threads a few chunks ahead of this thread, which alone
/// talks to the store: the tracker's decisions and writes stay in ledger order.
pub fn track_pending(store: &mut dyn Store, cfg: &TrackerConfig) -> Result<u64, PipelineError> {
    track_pending_with(store, cfg, &mut TrackerMemory::default(), usize::MAX)
}

/// The tracked state kept in memory between runs of the tracker on one store, for one
/// configuration (see [`crate::track::index`]): instead of asking the store per message,
/// the tracker reads its messages, keys and collaborations once and keeps them up to date.
/// It is read again when anyone else wrote since, so it is always safe to keep.
pub struct TrackerMemory {
    index: Option<Index>,
    /// The most tracked messages held ([`IngestOptions::memory_rows`]).
    rows: usize,
}

impl Default for TrackerMemory {
    fn default() -> Self {
        TrackerMemory::with_rows(MAX_ROWS)
    }
}

impl TrackerMemory {
    /// Memory that holds at most `rows` tracked messages (see
    /// [`IngestOptions::memory_rows`]).
    pub fn with_rows(rows: usize) -> TrackerMemory {
        TrackerMemory { index: None, rows }
    }
}

impl std::fmt::Debug for TrackerMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TrackerMemory")
            .field("loaded", &self.index.is_some())
            .field("rows", &self.rows)
            .finish()
    }
}

/// [`track_pending`] reading and writing through `memory` (loaded on first use: the whole
/// store when it holds at most the memory's rows, else only what each page needs).
pub fn track_pending_kept(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
    memory: &mut TrackerMemory,
) -> Result<u64, PipelineError> {
    track_pending_with(store, cfg, memory, 0)
}

/// [`track_pending`] with the tracked state kept in `index`, loaded when more than
/// `min_pending` inputs wait (loading a small store reads every tracked message: not worth
/// it for a fetched message or a mark).
fn track_pending_with(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
    index: &mut TrackerMemory,
    min_pending: usize,
) -> Result<u64, PipelineError> {
    track_pending_ready(store, cfg, index, min_pending, &mut Ready::new())
}

/// Messages already read ([`MessageInfo::read`]) before they were stored, with their raw
/// bytes, by ledger sequence number: the tracker uses them instead of reading the message
/// back from the store and parsing it again.
type Ready = std::collections::HashMap<i64, (MessageInfo, Vec<u8>)>;

/// [`track_pending_with`] using (and emptying) the messages in `ready`.
fn track_pending_ready(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
    index: &mut TrackerMemory,
    min_pending: usize,
    ready: &mut Ready,
) -> Result<u64, PipelineError> {
    let r =
        crate::track::memo::scope(|| track_pending_pages(store, cfg, index, min_pending, ready));
    ready.clear();
    r
}

/// A value written with every committed page ([`TRACKER_GENERATION_KEY`]), unique to it.
fn new_generation() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!(
        "{}-{nanos}-{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    )
}

fn track_pending_pages(
    store: &mut dyn Store,
    cfg: &TrackerConfig,
    memory: &mut TrackerMemory,
    min_pending: usize,
    ready: &mut Ready,
) -> Result<u64, PipelineError> {
    let rows = memory.rows;
    let index = &mut memory.index;
    let mut applied = 0;
    store.lock_tracker()?;
    let result = (|| -> Result<(), PipelineError> {
        // Whoever held the lock since this process last did may have written: the index
        // is kept only if the last page committed is still ours.
        if let Some(ix) = index.as_ref()
            && store.meta(TRACKER_GENERATION_KEY)?.as_deref() != ix.generation()
        {
            *index = None;
        }
        loop {
            let pending = pending_page(store, ready)?;
            if pending.is_empty() {
                return Ok(());
            }
            if index.is_none() && pending.len() > min_pending {
                *index = Some(Index::load(store, rows)?);
            }
            // One transaction per page of inputs (each input still all-or-nothing): a
            // commit per message made PostgreSQL ingest ~7x slower than SQLite.
            store.begin_batch()?;
            let generation = new_generation();
            let tracked = track_page(store, &pending, cfg, index.as_mut(), ready).and_then(|n| {
                if n.is_some() {
                    store.set_meta(TRACKER_GENERATION_KEY, &generation)?;
                }
                Ok(n)
            });
            match tracked {
                Ok(Some(n)) => {
                    if let Err(e) = store.end_batch(true) {
                        *index = None;
                        return Err(e.into());
                    }
                    applied += n;
                    if let Some(ix) = index.as_mut() {
                        ix.committed(generation);
                    }
                }
                Ok(None) => {
                    // Another process applied an input of this page first (it ignored the
                    // lock): roll back and read what is still pending, from the store.
                    store.end_batch(false)?;
                    *index = None;
                }
                Err(e) => {
                    // Roll back the page (its inputs stay pending); the first error is
                    // the one worth reporting.
                    let _ = store.end_batch(false);
                    *index = None;
                    return Err(e);
                }
            }
        }
    })();
    store.unlock_tracker()?;
    result?;
    Ok(applied)
}

/// The next page of pending inputs, with the raw bytes `ready` holds moved in rather than
/// read back from the store; the whole page from the store when `ready` lacks any of its
/// messages (inputs left pending by an earlier run, or stored by another process).
fn pending_page(
    store: &mut dyn Store,
    ready: &mut Ready,
) -> Result<Vec<liaison_store::Input>, StoreError> {
    use liaison_store::InputKind;
    if ready.is_empty() {
        return store.pending(PAGE);
    }
    let mut page = store.pending_unread(PAGE)?;
    let whole = page.iter().all(|i| match &i.kind {
        InputKind::Message { bytes, .. } => {
            !bytes.is_empty() || ready.get(&i.seq).is_some_and(|(_, raw)| !raw.is_empty())
        }
        InputKind::Manual { .. } => true,
    });
    if !whole {
        return store.pending(PAGE);
    }
    for input in &mut page {
        if let InputKind::Message { bytes, .. } = &mut input.kind
            && bytes.is_empty()
            && let Some((_, raw)) = ready.get_mut(&input.seq)
        {
            *bytes = std::mem::take(raw);
        }
    }
    Ok(page)
}

/// Tracks one input and writes its changes: through the index when there is one (the
/// writes then go with the page), else straight to the store. False when the store
/// refused it (already applied).
fn track_one(
    store: &mut dyn Store,
    index: &mut Option<&mut Index>,
    input: &liaison_store::Input,
    info: Option<MessageInfo>,
    cfg: &TrackerConfig,
) -> Result<bool, PipelineError> {
    let Some(ix) = index.as_deref_mut() else {
        let changes = track_read(store, input, info, cfg)?;
        return Ok(store.apply(&changes)?);
    };
    if let liaison_store::InputKind::Manual { collaboration, .. } = &input.kind {
        ix.note_manual(collaboration);
    }
    let changes = track_from(&mut Cached { store, index: ix }, input, info, cfg)?;
    ix.record(changes);
    Ok(true)
}

/// Tracks one page of inputs in order; the reading is done by a parser thread (itself
/// spreading each chunk over the rayon pool), handed over through a bounded channel so
/// memory stays at a few chunks whatever the page size. `None` when the store refused a
/// write of the page (the caller rolls it back).
fn track_page(
    store: &mut dyn Store,
    pending: &[liaison_store::Input],
    cfg: &TrackerConfig,
    mut index: Option<&mut Index>,
    ready: &mut Ready,
) -> Result<Option<u64>, PipelineError> {
    use rayon::prelude::*;
    let mut n = 0;
    let all_ready = pending.iter().all(|i| match &i.kind {
        liaison_store::InputKind::Message { .. } => ready.contains_key(&i.seq),
        liaison_store::InputKind::Manual { .. } => true,
    });
    if all_ready {
        // Ingest read these messages while the previous batch was stored and tracked.
        prefetch(
            store,
            index.as_deref_mut(),
            pending
                .iter()
                .map(|i| ready.get(&i.seq).map(|(info, _)| info)),
        )?;
        for input in pending {
            let info = ready.remove(&input.seq).map(|(info, _)| info);
            if track_one(store, &mut index, input, info, cfg)? {
                n += 1;
            }
        }
    } else if pending.len() <= CHUNK {
        // A handful of inputs (a mark, a fetched message or two): not worth a thread.
        for input in pending {
            if track_one(store, &mut index, input, read_input(input, cfg), cfg)? {
                n += 1;
            }
        }
    } else {
        n = std::thread::scope(|s| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Option<MessageInfo>>>(2);
            s.spawn(move || {
                for chunk in pending.chunks(CHUNK) {
                    let read: Vec<Option<MessageInfo>> =
                        chunk.par_iter().map(|i| read_input(i, cfg)).collect();
                    if tx.send(read).is_err() {
                        // The writer stopped (an error): nothing more to read.
                        return;
                    }
                }
            });
            let mut n = 0;
            for (chunk, read) in pending.chunks(CHUNK).zip(rx.iter()) {
                prefetch(store, index.as_deref_mut(), read.iter().map(Option::as_ref))?;
                for (input, info) in chunk.iter().zip(read) {
                    if track_one(store, &mut index, input, info, cfg)? {
                        n += 1;
                    }
                }
            }
            // Returning drops the receiver, so a parser still running stops at its next
            // send.
            Ok::<_, PipelineError>(n)
        })?;
    }
    match index {
        Some(ix) => Ok((ix.flush(store)? && !ix.conflict()).then_some(n)),
        None => Ok(Some(n)),
    }
}

/// Fetches into a partial index, in one go, what tracking these messages will ask (the
/// holders of their keys and their threads' members) instead of a few queries per message:
/// on PostgreSQL each is a round trip.
fn prefetch<'a>(
    store: &mut dyn Store,
    index: Option<&mut Index>,
    infos: impl Iterator<Item = Option<&'a MessageInfo>>,
) -> Result<(), StoreError> {
    let Some(ix) = index else { return Ok(()) };
    let keys = infos.flatten().flat_map(|i| {
        let k = &i.row.keys;
        k.own.iter().chain(&k.strong).chain(&k.weak)
    });
    ix.fill(store, keys, [])
}
