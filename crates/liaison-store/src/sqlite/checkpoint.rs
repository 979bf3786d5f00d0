//! Checkpoints of the write-ahead log, on a thread of their own.
//!
//! A checkpoint copies the pages committed to the WAL back into the database file. SQLite
//! runs it inside the commit that crosses `wal_autocheckpoint`, on the writing thread; in a
//! bulk ingest that was about a tenth of the writer's time, and the writer is what limits
//! an ingest (the parsing is spread over the other cores). Here the writer only wakes a
//! thread with a connection of its own, which runs a `PASSIVE` checkpoint (it never waits
//! for, nor blocks, the writer or any reader) once the WAL has grown past [`WAL_BYTES`].
//!
//! Nothing about durability changes: a checkpoint, from whichever connection, only moves
//! committed transactions from the WAL into the database, and a crash at any moment leaves
//! each of them in one or the other, recovered by the next open.
//!
//! The WAL starts over from its beginning only when a writer begins a transaction after a
//! checkpoint that copied all of it, and a busy writer always has the next transaction
//! under way before this thread has caught up. So the writer keeps its own automatic
//! checkpoint at [`BACKSTOP_PAGES`]: by then this thread has copied all but the last
//! frames, the writer's checkpoint is short, and the WAL starts over (it never grows past
//! about that size).

use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::sync::mpsc::{SyncSender, TrySendError, sync_channel};
use std::thread::JoinHandle;

/// The WAL size past which the thread checkpoints (SQLite's own default is 4 MiB; larger
/// means fewer copies of index pages that every transaction of an ingest rewrites).
pub(super) const WAL_BYTES: u64 = 64 << 20;

/// The writer's `wal_autocheckpoint` (pages) with this thread running: 256 MiB of WAL
/// with 4 KiB pages.
pub(super) const BACKSTOP_PAGES: i64 = 65_536;

/// The checkpointing thread of one store; stopped (and joined) on drop.
pub(super) struct Checkpointer {
    wake: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts the thread for the database at `path` (it opens its connection at the first
    /// wake-up that finds the WAL past [`WAL_BYTES`]).
    pub(super) fn start(path: &Path) -> Option<Checkpointer> {
        let (tx, rx) = sync_channel::<()>(1);
        let path = path.to_path_buf();
        let thread = std::thread::Builder::new()
            .name("liaison-checkpoint".into())
            .spawn(move || {
                let mut conn: Option<Connection> = None;
                while rx.recv().is_ok() {
                    if wal_size(&path) < WAL_BYTES {
                        continue;
                    }
                    if conn.is_none() {
                        conn = open(&path);
                    }
                    if let Some(c) = &conn {
                        // BUSY (another checkpoint running) or any other failure: the next
                        // wake-up tries again, and the writer's backstop still holds.
                        let _ = c.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                    }
                }
            })
            .ok()?;
        Some(Checkpointer {
            wake: Some(tx),
            thread: Some(thread),
        })
    }

    /// Tells the thread that a transaction was committed (never blocks: when a wake-up is
    /// already pending, that one will do).
    pub(super) fn committed(&self) {
        if let Some(tx) = &self.wake {
            match tx.try_send(()) {
                Ok(()) | Err(TrySendError::Full(())) | Err(TrySendError::Disconnected(())) => {}
            }
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        // Closing the channel ends the thread's loop after the checkpoint it may be running.
        self.wake = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn open(path: &Path) -> Option<Connection> {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()
}

/// The size of the WAL file of the database at `path` (0 when there is none).
fn wal_size(path: &Path) -> u64 {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).map(|m| m.len()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use crate::sqlite::SqliteStore;

    /// Past [`WAL_BYTES`] of committed writes, the thread copies them into the database
    /// file, well before the writer's own checkpoint at [`BACKSTOP_PAGES`] would. A second
    /// connection stays open so that closing the store is not the last close (which would
    /// checkpoint by itself); dropping the store joins the thread, so no waiting is needed.
    #[test]
    fn the_thread_checkpoints_past_the_threshold() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let mut store = SqliteStore::open(&path).unwrap();
        // Reading takes the shared lock that makes the store's close not the last one.
        let other = Connection::open(&path).unwrap();
        let _: i64 = other
            .query_row("SELECT count(*) FROM raw_messages", [], |r| r.get(0))
            .unwrap();
        let before = std::fs::metadata(&path).unwrap().len();
        let mb = 1 << 20;
        // Bodies that do not compress (raw messages are stored packed when they do).
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let bodies: Vec<Vec<u8>> = (0..(WAL_BYTES / mb + 8))
            .map(|i| {
                let mut b = format!("Subject: {i}\r\n\r\n").into_bytes();
                while b.len() < mb as usize {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    b.push(x as u8);
                }
                b
            })
            .collect();
        let batch: Vec<(&[u8], &str, Option<&str>)> = bodies
            .iter()
            .map(|b| (b.as_slice(), "test", None))
            .collect();
        store.put_raw_batch(&batch).unwrap();
        assert!(wal_size(&path) >= WAL_BYTES, "the WAL holds the batch");
        drop(store);
        let after = std::fs::metadata(&path).unwrap().len();
        assert!(
            after >= before + WAL_BYTES,
            "the database file grew from {before} to only {after} bytes"
        );
        // Everything committed is readable from the other connection.
        let n: i64 = other
            .query_row("SELECT count(*) FROM raw_messages", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n as usize, bodies.len());
    }
}
