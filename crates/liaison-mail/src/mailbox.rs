//! Mailbox readers: `.eml` files and folders of them, Maildir (`cur/` and `new/`, and
//! Maildir++ subfolders), and mbox (`From ` separator lines, `>From ` unescaping).
//!
//! Every reader streams: it holds one message in memory at a time, so a 100,000-message
//! mbox is read in constant memory. Readers never panic; an unreadable file is an
//! [`MailboxError`] naming the path, and the iteration goes on with the next message.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// A message as read from a mailbox: its bytes and where they came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMail {
    /// The RFC 5322 bytes (for mbox: the `From ` line removed and `>From ` unescaped).
    pub bytes: Vec<u8>,
    /// Where it came from: a file path, or `PATH#N` for the N-th (1-based) message of an
    /// mbox.
    pub source: String,
    /// Progress position after this message: bytes read for an mbox, files read otherwise.
    pub position: u64,
}

/// A mailbox could not be read.
#[derive(Debug, Error)]
pub enum MailboxError {
    /// A file or folder could not be read.
    #[error("{path}: {error}")]
    Io {
        /// The path.
        path: String,
        /// The error.
        error: std::io::Error,
    },
    /// A path is not a mailbox of the kind asked for.
    #[error("{path}: {reason}")]
    NotAMailbox {
        /// The path.
        path: String,
        /// What is wrong and how to fix it.
        reason: String,
    },
}

fn io_err(path: &Path, source: std::io::Error) -> MailboxError {
    MailboxError::Io {
        path: path.display().to_string(),
        error: source,
    }
}

/// What kind of mailbox a path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One `.eml` file, or a folder searched recursively for `.eml` files.
    Eml,
    /// A Maildir (a folder with `cur/` and `new/`).
    Maildir,
    /// An mbox file.
    Mbox,
}

/// Guesses the format of `path`: a folder with `cur/` or `new/` is a Maildir, any other
/// folder a tree of `.eml` files; a file whose first line starts with `From ` is an mbox,
/// any other file one message.
pub fn detect(path: &Path) -> Result<Format, MailboxError> {
    let meta = std::fs::metadata(path).map_err(|e| io_err(path, e))?;
    if meta.is_dir() {
        if path.join("cur").is_dir() || path.join("new").is_dir() {
            return Ok(Format::Maildir);
        }
        return Ok(Format::Eml);
    }
    let mut head = [0u8; 5];
    let mut f = File::open(path).map_err(|e| io_err(path, e))?;
    let n = read_up_to(&mut f, &mut head).map_err(|e| io_err(path, e))?;
    Ok(if &head[..n] == b"From " {
        Format::Mbox
    } else {
        Format::Eml
    })
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// A stream of messages from one mailbox.
pub struct Mailbox {
    inner: Inner,
    total: u64,
}

enum Inner {
    Files(std::vec::IntoIter<PathBuf>, u64),
    Mbox(Box<MboxReader<BufReader<File>>>),
    Memory(std::vec::IntoIter<RawMail>),
}

impl Mailbox {
    /// Opens `path` as `format`.
    pub fn open(path: &Path, format: Format) -> Result<Mailbox, MailboxError> {
        match format {
            Format::Eml => {
                let files = eml_files(path)?;
                Ok(Mailbox::files(files))
            }
            Format::Maildir => Ok(Mailbox::files(maildir_files(path)?)),
            Format::Mbox => {
                let f = File::open(path).map_err(|e| io_err(path, e))?;
                let total = f.metadata().map(|m| m.len()).unwrap_or(0);
                Ok(Mailbox {
                    inner: Inner::Mbox(Box::new(MboxReader::new(
                        BufReader::with_capacity(1 << 16, f),
                        path.display().to_string(),
                    ))),
                    total,
                })
            }
        }
    }

    /// Opens `path` with the format [`detect`] finds.
    pub fn open_detect(path: &Path) -> Result<Mailbox, MailboxError> {
        Mailbox::open(path, detect(path)?)
    }

    /// Messages already in memory (fetched over IMAP, or just sent), in order.
    pub fn from_messages(messages: Vec<RawMail>) -> Mailbox {
        Mailbox {
            total: messages.len() as u64,
            inner: Inner::Memory(messages.into_iter()),
        }
    }

    fn files(files: Vec<PathBuf>) -> Mailbox {
        Mailbox {
            total: files.len() as u64,
            inner: Inner::Files(files.into_iter(), 0),
        }
    }

    /// The end of the progress scale: the mbox's size in bytes, or the number of files.
    pub fn progress_total(&self) -> u64 {
        self.total
    }

    /// True when progress counts bytes (an mbox) rather than files.
    pub fn progress_in_bytes(&self) -> bool {
        matches!(self.inner, Inner::Mbox(_))
    }
}

impl Iterator for Mailbox {
    type Item = Result<RawMail, MailboxError>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.inner {
            Inner::Files(it, done) => {
                let p = it.next()?;
                *done += 1;
                let pos = *done;
                Some(
                    std::fs::read(&p)
                        .map(|bytes| RawMail {
                            bytes,
                            source: p.display().to_string(),
                            position: pos,
                        })
                        .map_err(|e| io_err(&p, e)),
                )
            }
            Inner::Mbox(r) => r.next(),
            Inner::Memory(it) => it.next().map(Ok),
        }
    }
}

/// `path` itself when it is a file, else every `*.eml` file below it (recursively), in
/// name order.
pub fn eml_files(path: &Path) -> Result<Vec<PathBuf>, MailboxError> {
    let meta = std::fs::metadata(path).map_err(|e| io_err(path, e))?;
    if meta.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| io_err(&dir, e))? {
            let entry = entry.map_err(|e| io_err(&dir, e))?;
            let p = entry.path();
            let ft = entry.file_type().map_err(|e| io_err(&p, e))?;
            if ft.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("eml")) {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Every message file of a Maildir: `new/` and `cur/` of `dir` and of its Maildir++
/// subfolders (`.Sent`, `.Archive`…), in path order. `tmp/` is skipped (messages being
/// delivered), as are dot-files.
pub fn maildir_files(dir: &Path) -> Result<Vec<PathBuf>, MailboxError> {
    let is_maildir = |d: &Path| d.join("cur").is_dir() || d.join("new").is_dir();
    if !is_maildir(dir) {
        return Err(MailboxError::NotAMailbox {
            path: dir.display().to_string(),
            reason: "not a Maildir: it has no cur/ or new/ folder (use `liaison ingest DIR` \
                     for a folder of .eml files)"
                .into(),
        });
    }
    let mut roots = vec![dir.to_path_buf()];
    for entry in std::fs::read_dir(dir).map_err(|e| io_err(dir, e))? {
        let entry = entry.map_err(|e| io_err(dir, e))?;
        let p = entry.path();
        let dotted = entry.file_name().to_string_lossy().starts_with('.');
        if dotted && p.is_dir() && is_maildir(&p) {
            roots.push(p);
        }
    }
    let mut out = Vec::new();
    for root in roots {
        for sub in ["new", "cur"] {
            let d = root.join(sub);
            if !d.is_dir() {
                continue;
            }
            for entry in std::fs::read_dir(&d).map_err(|e| io_err(&d, e))? {
                let entry = entry.map_err(|e| io_err(&d, e))?;
                if entry.file_name().to_string_lossy().starts_with('.') {
                    continue;
                }
                if entry.file_type().map(|t| t.is_file()).unwrap_or(false) {
                    out.push(entry.path());
                }
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Streams the messages of an mbox (mboxo/mboxrd): a line starting with `From ` at the
/// start of the file or after an empty line starts a message; the `From ` line is
/// dropped, the empty line before it belongs to the format, and `>From `, `>>From `…
/// lose one `>`.
pub struct MboxReader<R> {
    reader: R,
    name: String,
    line: Vec<u8>,
    /// The `From ` line of the next message was read already.
    started: bool,
    done: bool,
    count: u64,
    offset: u64,
}

impl<R: BufRead> MboxReader<R> {
    /// Reads an mbox from `reader`; `name` is used in sources and errors.
    pub fn new(reader: R, name: String) -> Self {
        MboxReader {
            reader,
            name,
            line: Vec::with_capacity(1024),
            started: false,
            done: false,
            count: 0,
            offset: 0,
        }
    }

    fn read_line(&mut self) -> std::io::Result<bool> {
        self.line.clear();
        let n = self.reader.read_until(b'\n', &mut self.line)?;
        self.offset += n as u64;
        Ok(n > 0)
    }
}

fn is_blank(line: &[u8]) -> bool {
    line == b"\n" || line == b"\r\n"
}

impl<R: BufRead> Iterator for MboxReader<R> {
    type Item = Result<RawMail, MailboxError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let io = |name: &str, e| MailboxError::Io {
            path: name.to_string(),
            error: e,
        };
        // Skip to the first `From ` line (garbage before it is ignored).
        while !self.started {
            match self.read_line() {
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Ok(true) if self.line.starts_with(b"From ") => self.started = true,
                Ok(true) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(io(&self.name, e)));
                }
            }
        }
        let mut msg: Vec<u8> = Vec::with_capacity(4096);
        let mut prev_blank = false;
        let mut pending_blank: Option<Vec<u8>> = None;
        loop {
            match self.read_line() {
                Ok(false) => {
                    self.done = true;
                    break;
                }
                Ok(true) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(io(&self.name, e)));
                }
            }
            if prev_blank && self.line.starts_with(b"From ") {
                // The blank line before a separator belongs to the format.
                pending_blank = None;
                break;
            }
            if let Some(b) = pending_blank.take() {
                msg.extend_from_slice(&b);
            }
            let blank = is_blank(&self.line);
            if blank {
                pending_blank = Some(self.line.clone());
            } else {
                let l = &self.line;
                let gts = l.iter().take_while(|&&c| c == b'>').count();
                if gts > 0 && l[gts..].starts_with(b"From ") {
                    msg.extend_from_slice(&l[1..]);
                } else {
                    msg.extend_from_slice(l);
                }
            }
            prev_blank = blank;
        }
        // At end of file a final blank line is the format's, too.
        drop(pending_blank);
        self.count += 1;
        Some(Ok(RawMail {
            bytes: msg,
            source: format!("{}#{}", self.name, self.count),
            position: self.offset,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &[u8]) -> Vec<Vec<u8>> {
        MboxReader::new(s, "t".into())
            .map(|r| r.unwrap().bytes)
            .collect()
    }

    #[test]
    fn splits_and_unescapes() {
        let mbox = b"From a@x Mon Nov 30 10:00:00 2026\nSubject: 1\n\nhello\n>From here\n>>From there\nFrom inline not a separator\n\nFrom b@x Mon Nov 30 10:00:00 2026\nSubject: 2\n\nbye\n\n";
        let m = read(mbox);
        assert_eq!(m.len(), 2);
        assert_eq!(
            m[0],
            b"Subject: 1\n\nhello\nFrom here\n>From there\nFrom inline not a separator\n"
        );
        assert_eq!(m[1], b"Subject: 2\n\nbye\n");
    }

    #[test]
    fn crlf_and_empty() {
        assert!(read(b"").is_empty());
        assert!(read(b"no separator at all\n").is_empty());
        let m = read(b"From x\r\nA: b\r\n\r\nbody\r\n\r\nFrom y\r\nC: d\r\n\r\n");
        assert_eq!(
            m,
            vec![b"A: b\r\n\r\nbody\r\n".to_vec(), b"C: d\r\n".to_vec()]
        );
    }

    #[test]
    fn sources_are_numbered() {
        let v: Vec<_> = MboxReader::new(&b"From a\nX: 1\n\nFrom b\nX: 2\n"[..], "f.mbox".into())
            .map(|r| r.unwrap().source)
            .collect();
        assert_eq!(v, ["f.mbox#1", "f.mbox#2"]);
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..2000)) {
            for m in MboxReader::new(&bytes[..], "p".into()) {
                let _ = m.unwrap();
            }
        }

        /// Writing messages as mboxrd and reading them back gives the same messages.
        #[test]
        fn mboxrd_round_trip(bodies in proptest::collection::vec("(From |>From |>>From |[a-z \n])*", 1..6)) {
            let msgs: Vec<String> = bodies
                .iter()
                .map(|b| format!("Subject: x\n\n{}\n", b.trim_end_matches('\n')))
                .filter(|m| !m.ends_with("\n\n"))
                .collect();
            let mut mbox = Vec::new();
            for m in &msgs {
                mbox.extend_from_slice(b"From a@b Mon Nov 30 10:00:00 2026\n");
                for line in m.lines() {
                    if line.trim_start_matches('>').starts_with("From ") {
                        mbox.push(b'>');
                    }
                    mbox.extend_from_slice(line.as_bytes());
                    mbox.push(b'\n');
                }
                mbox.push(b'\n');
            }
            let back: Vec<String> = MboxReader::new(&mbox[..], "p".into())
                .map(|m| String::from_utf8(m.unwrap().bytes).unwrap())
                .collect();
            proptest::prop_assert_eq!(back, msgs);
        }
    }
}
