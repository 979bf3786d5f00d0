//! Mailbox readers: `.eml` files and folders of them, Maildir (`cur/` and `new/`, and
//! Maildir++ subfolders), and mbox (`From ` separator lines, `>From ` unescaping).
//!
//! Every reader streams: it holds one message in memory at a time, so a 100,000-message
//! mbox is read in constant memory. Readers never panic. Nothing is skipped silently: every
//! file a reader looks at is either read or yielded as a [`MailboxError`] naming the file
//! and the reason — an error when it should have been readable, a note
//! ([`MailboxError::is_note`]) when it was left alone on purpose (a hidden file such as
//! `.DS_Store`, a FIFO, garbage before an mbox's first `From ` line). The iteration goes on
//! after either.

use liaison_model::Lang;
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

/// What a file that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialKind {
    /// A folder where a file was expected.
    Folder,
    /// A FIFO (named pipe): reading it would block.
    Fifo,
    /// A character device such as `/dev/zero`: reading it might never end.
    CharDevice,
    /// A block device.
    BlockDevice,
    /// A Unix socket.
    Socket,
    /// Anything else.
    Other,
}

impl SpecialKind {
    fn of(t: &std::fs::FileType) -> SpecialKind {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return SpecialKind::Fifo;
            }
            if t.is_char_device() {
                return SpecialKind::CharDevice;
            }
            if t.is_block_device() {
                return SpecialKind::BlockDevice;
            }
            if t.is_socket() {
                return SpecialKind::Socket;
            }
        }
        if t.is_dir() {
            SpecialKind::Folder
        } else {
            SpecialKind::Other
        }
    }

    fn text(self, en: bool) -> &'static str {
        match (self, en) {
            (SpecialKind::Folder, false) => "文件夹",
            (SpecialKind::Folder, true) => "a folder",
            (SpecialKind::Fifo, false) => "命名管道 FIFO",
            (SpecialKind::Fifo, true) => "a FIFO",
            (SpecialKind::CharDevice, false) => "字符设备",
            (SpecialKind::CharDevice, true) => "a character device",
            (SpecialKind::BlockDevice, false) => "块设备",
            (SpecialKind::BlockDevice, true) => "a block device",
            (SpecialKind::Socket, false) => "套接字",
            (SpecialKind::Socket, true) => "a socket",
            (SpecialKind::Other, false) => "特殊文件",
            (SpecialKind::Other, true) => "a special file",
        }
    }
}

/// Why a path is not a mailbox of the kind asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotMailboxReason {
    /// Given as a Maildir, but it has no `cur/` or `new/`.
    NoCurOrNew,
    /// Given as an mbox, but no line starts with `From `.
    NoFromLine,
    /// Neither a regular file nor a folder.
    Special(SpecialKind),
}

impl NotMailboxReason {
    /// The reason and its fix, in Chinese or English.
    pub fn text(self, en: bool) -> String {
        match (self, en) {
            (NotMailboxReason::NoCurOrNew, false) => {
                "不是 Maildir：没有 cur/ 或 new/ 文件夹（邮件文件的文件夹请用 liaison ingest DIR）"
                    .into()
            }
            (NotMailboxReason::NoCurOrNew, true) => "not a Maildir: it has no cur/ or new/ folder \
                 (use `liaison ingest DIR` for a folder of message files)"
                .into(),
            (NotMailboxReason::NoFromLine, false) => {
                "没有以“From ”开头的分隔行，不是 mbox（不加 --mbox 即按单封邮件读取）".into()
            }
            (NotMailboxReason::NoFromLine, true) => "no line starts with `From `: not an mbox \
                 (give it without --mbox to read it as one message)"
                .into(),
            (NotMailboxReason::Special(k), false) => {
                format!(
                    "是{}，不是普通文件或文件夹，不能作为邮件来源",
                    k.text(false)
                )
            }
            (NotMailboxReason::Special(k), true) => format!(
                "{} is not a regular file or folder: it cannot be a mail source",
                capitalised(k.text(true))
            ),
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Why a file was looked at and deliberately not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// A hidden file or folder (name starting with `.`, such as `.DS_Store`).
    Hidden,
    /// Not a regular file.
    Special(SpecialKind),
    /// A symlink to a folder: following it could read a tree twice or loop.
    SymlinkedFolder,
    /// Bytes before an mbox's first `From ` line.
    LeadingGarbage {
        /// How many (blank lines not counted).
        bytes: u64,
    },
    /// Files in a Maildir's `tmp/`: deliveries in progress, which the Maildir rules say
    /// not to read.
    InProgress {
        /// How many.
        files: u64,
    },
    /// A file in a folder too large to be one message (see [`MAX_MESSAGE_BYTES`]): read
    /// whole, a stray video or disk image would take the memory.
    TooLarge {
        /// Its size.
        bytes: u64,
    },
}

/// The largest file of a folder or Maildir read as one message: far above any mail
/// server's limit (25–50 MB), far below what would strain memory.
pub const MAX_MESSAGE_BYTES: u64 = 256 << 20;

impl SkipReason {
    /// The reason, in Chinese or English.
    pub fn text(self, en: bool) -> String {
        match (self, en) {
            (SkipReason::Hidden, false) => "隐藏文件（名称以“.”开头，如 .DS_Store），未读取".into(),
            (SkipReason::Hidden, true) => {
                "hidden file (the name starts with `.`, like .DS_Store): not read".into()
            }
            (SkipReason::Special(k), false) => format!("不是普通文件（{}），未读取", k.text(false)),
            (SkipReason::Special(k), true) => {
                format!("not a regular file ({}): not read", k.text(true))
            }
            (SkipReason::SymlinkedFolder, false) => {
                "指向文件夹的符号链接，未跟随（以免重复读取或循环）；如需读取请直接给出该文件夹"
                    .into()
            }
            (SkipReason::SymlinkedFolder, true) => "a symlink to a folder: not followed (it could \
                 repeat or loop); give the folder itself to read it"
                .into(),
            (SkipReason::LeadingGarbage { bytes }, false) => {
                format!("第一个“From ”行之前的 {bytes} 字节不属于任何邮件，未读取")
            }
            (SkipReason::LeadingGarbage { bytes }, true) => format!(
                "{bytes} bytes before the first `From ` line belong to no message: not read"
            ),
            (SkipReason::InProgress { files }, false) => {
                format!("tmp/ 中有 {files} 个正在投递的文件，按 Maildir 规范未读取")
            }
            (SkipReason::InProgress { files }, true) => {
                format!("{files} files in tmp/ are deliveries in progress: not read (Maildir rule)")
            }
            (SkipReason::TooLarge { bytes }, false) => format!(
                "{} MB，超过单封邮件的上限 {} MB，不是邮件，未读取",
                bytes >> 20,
                MAX_MESSAGE_BYTES >> 20
            ),
            (SkipReason::TooLarge { bytes }, true) => format!(
                "{} MB, over the {} MB a single message may have: not a message, not read",
                bytes >> 20,
                MAX_MESSAGE_BYTES >> 20
            ),
        }
    }
}

/// A mailbox, or one file of it, could not be read, or was deliberately not read.
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
    #[error("{path}: {}", reason.text(true))]
    NotAMailbox {
        /// The path.
        path: String,
        /// What is wrong and how to fix it.
        reason: NotMailboxReason,
    },
    /// A file looked at and left alone on purpose: a note, not an error.
    #[error("{path}: {}", reason.text(true))]
    Skipped {
        /// The path.
        path: String,
        /// Why.
        reason: SkipReason,
    },
}

impl MailboxError {
    /// True for a note (something left alone on purpose, reported so nothing is skipped
    /// silently), false for an error (something that should have been readable).
    pub fn is_note(&self) -> bool {
        matches!(self, MailboxError::Skipped { .. })
    }

    /// The path concerned.
    pub fn path(&self) -> &str {
        match self {
            MailboxError::Io { path, .. }
            | MailboxError::NotAMailbox { path, .. }
            | MailboxError::Skipped { path, .. } => path,
        }
    }

    /// `path: reason` in Chinese (`en = false`) or English.
    pub fn render(&self, en: bool) -> String {
        let why = match self {
            MailboxError::Io { error, .. } => io_text(error, en),
            MailboxError::NotAMailbox { reason, .. } => reason.text(en),
            MailboxError::Skipped { reason, .. } => reason.text(en),
        };
        format!("{}: {why}", self.path())
    }
}

/// The common IO failures in the user's language; others as the system words them.
fn io_text(e: &std::io::Error, en: bool) -> String {
    let lang = if en { Lang::En } else { Lang::Zh };
    lang.io_error(e)
}

fn io_err(path: &Path, source: std::io::Error) -> MailboxError {
    MailboxError::Io {
        path: path.display().to_string(),
        error: source,
    }
}

fn note(path: &Path, reason: SkipReason) -> MailboxError {
    MailboxError::Skipped {
        path: path.display().to_string(),
        reason,
    }
}

/// What kind of mailbox a path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One message file, or a folder searched recursively for message files (of any name).
    Eml,
    /// A Maildir (a folder with `cur/` and `new/`).
    Maildir,
    /// An mbox file.
    Mbox,
}

/// How much of a file [`detect`] reads to recognise an mbox.
const SNIFF_BYTES: usize = 64 << 10;

/// Guesses the format of `path`: a folder with `cur/` or `new/` is a Maildir, any other
/// folder a tree of message files; a file is an mbox when it starts with a `From ` line, or
/// when it does not start with a header line and a `From ` line followed by a header line
/// comes within its first 64 KB (an mbox with garbage in front); any other file is one
/// message. A path that is neither a file nor a folder (a FIFO, a device) is refused
/// without being opened.
pub fn detect(path: &Path) -> Result<Format, MailboxError> {
    let meta = std::fs::metadata(path).map_err(|e| io_err(path, e))?;
    if meta.is_dir() {
        if path.join("cur").is_dir() || path.join("new").is_dir() {
            return Ok(Format::Maildir);
        }
        return Ok(Format::Eml);
    }
    regular(path, &meta)?;
    let mut head = vec![0u8; SNIFF_BYTES];
    let mut f = File::open(path).map_err(|e| io_err(path, e))?;
    let n = read_up_to(&mut f, &mut head).map_err(|e| io_err(path, e))?;
    head.truncate(n);
    Ok(if looks_like_mbox(&head) {
        Format::Mbox
    } else {
        Format::Eml
    })
}

fn regular(path: &Path, meta: &std::fs::Metadata) -> Result<(), MailboxError> {
    if meta.is_file() {
        Ok(())
    } else {
        Err(MailboxError::NotAMailbox {
            path: path.display().to_string(),
            reason: NotMailboxReason::Special(SpecialKind::of(&meta.file_type())),
        })
    }
}

/// A header field line: a name of printable ASCII without `:` or space, then `:`.
fn header_line(line: &[u8]) -> bool {
    let name = line.iter().take_while(|&&b| b != b':').count();
    name > 0 && name < line.len() && line[..name].iter().all(|&b| (33..=126).contains(&b))
}

/// See [`detect`].
pub fn looks_like_mbox(head: &[u8]) -> bool {
    if head.starts_with(b"From ") {
        return true;
    }
    let mut lines = head.split(|&b| b == b'\n');
    if lines.next().is_some_and(header_line) {
        return false;
    }
    let mut lines = head.split(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        if line.starts_with(b"From ") && lines.peek().is_some_and(|next| header_line(next)) {
            return true;
        }
    }
    false
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

/// One thing a file-based mailbox will yield: a file to read, or a note about one.
#[derive(Debug)]
pub enum Entry {
    /// A file to read.
    File(PathBuf),
    /// Something looked at and not read, with the reason.
    Note(MailboxError),
}

impl Entry {
    fn path(&self) -> &str {
        match self {
            Entry::File(_) => "",
            Entry::Note(e) => e.path(),
        }
    }
}

/// A stream of messages from one mailbox.
pub struct Mailbox {
    inner: Inner,
    total: u64,
}

enum Inner {
    Files(std::vec::IntoIter<Entry>, u64),
    Mbox(Box<MboxReader<BufReader<File>>>),
    Memory(std::vec::IntoIter<RawMail>),
}

impl Mailbox {
    /// Opens `path` as `format`. A path that does not exist, or that is of the wrong kind
    /// (a FIFO or a device, a Maildir without `cur/` or `new/`), fails here, before
    /// anything is read.
    pub fn open(path: &Path, format: Format) -> Result<Mailbox, MailboxError> {
        match format {
            Format::Eml => Ok(Mailbox::files(eml_entries(path)?)),
            Format::Maildir => Ok(Mailbox::files(maildir_entries(path)?)),
            Format::Mbox => {
                let meta = std::fs::metadata(path).map_err(|e| io_err(path, e))?;
                regular(path, &meta)?;
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

    fn files(entries: Vec<Entry>) -> Mailbox {
        Mailbox {
            total: entries.len() as u64,
            inner: Inner::Files(entries.into_iter(), 0),
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
                let entry = it.next()?;
                *done += 1;
                let pos = *done;
                Some(match entry {
                    Entry::Note(e) => Err(e),
                    Entry::File(p) => read_file(&p).map(|bytes| RawMail {
                        bytes,
                        source: p.display().to_string(),
                        position: pos,
                    }),
                })
            }
            Inner::Mbox(r) => r.next(),
            Inner::Memory(it) => it.next().map(Ok),
        }
    }
}

/// Reads one message file, checking first (again: it was listed a while ago) that it is
/// a regular file, so a FIFO put in its place cannot block the reader.
fn read_file(p: &Path) -> Result<Vec<u8>, MailboxError> {
    let meta = std::fs::metadata(p).map_err(|e| io_err(p, e))?;
    if !meta.is_file() {
        return Err(note(
            p,
            SkipReason::Special(SpecialKind::of(&meta.file_type())),
        ));
    }
    if meta.len() > MAX_MESSAGE_BYTES {
        return Err(note(p, SkipReason::TooLarge { bytes: meta.len() }));
    }
    // Bounded, in case the file grows after its size was read.
    let mut data = Vec::with_capacity(meta.len() as usize);
    File::open(p)
        .and_then(|f| f.take(MAX_MESSAGE_BYTES).read_to_end(&mut data))
        .map_err(|e| io_err(p, e))?;
    Ok(data)
}

fn hidden(p: &Path) -> bool {
    p.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// Classifies one folder entry: a file to read, a folder to descend into (returned as
/// `Err(path)`), or a note.
fn classify(entry: &std::fs::DirEntry) -> Result<Entry, PathBuf> {
    let p = entry.path();
    if hidden(&p) {
        return Ok(Entry::Note(note(&p, SkipReason::Hidden)));
    }
    let ft = match entry.file_type() {
        Ok(t) => t,
        Err(e) => return Ok(Entry::Note(io_err(&p, e))),
    };
    if ft.is_dir() {
        return Err(p);
    }
    if ft.is_file() {
        return Ok(Entry::File(p));
    }
    if ft.is_symlink() {
        return Ok(match std::fs::metadata(&p) {
            Ok(m) if m.is_file() => Entry::File(p),
            Ok(m) if m.is_dir() => Entry::Note(note(&p, SkipReason::SymlinkedFolder)),
            Ok(m) => Entry::Note(note(
                &p,
                SkipReason::Special(SpecialKind::of(&m.file_type())),
            )),
            Err(e) => Entry::Note(io_err(&p, e)),
        });
    }
    Ok(Entry::Note(note(
        &p,
        SkipReason::Special(SpecialKind::of(&ft)),
    )))
}

fn sort(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        let key = |e: &Entry| match e {
            Entry::File(p) => p.display().to_string(),
            other => other.path().to_string(),
        };
        key(a).cmp(&key(b))
    });
}

/// `path` itself when it is a file, else every file below it (recursively, any name), in
/// path order, with a note for each hidden or special entry. A path that is neither a file
/// nor a folder is refused.
pub fn eml_entries(path: &Path) -> Result<Vec<Entry>, MailboxError> {
    let meta = std::fs::metadata(path).map_err(|e| io_err(path, e))?;
    if !meta.is_dir() {
        regular(path, &meta)?;
        return Ok(vec![Entry::File(path.to_path_buf())]);
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let rd = match std::fs::read_dir(&dir) {
            Ok(rd) => rd,
            // The top folder must be readable; a subfolder that is not is reported.
            Err(e) if dir == path => return Err(io_err(&dir, e)),
            Err(e) => {
                out.push(Entry::Note(io_err(&dir, e)));
                continue;
            }
        };
        for entry in rd {
            match entry {
                Ok(entry) => match classify(&entry) {
                    Ok(e) => out.push(e),
                    Err(sub) => stack.push(sub),
                },
                Err(e) => out.push(Entry::Note(io_err(&dir, e))),
            }
        }
    }
    sort(&mut out);
    Ok(out)
}

/// Every message file of a Maildir: `new/` and `cur/` of `dir` and of its Maildir++
/// subfolders (`.Sent`, `.Archive`…), of any name, in path order; hidden and special
/// entries are notes, and files waiting in `tmp/` (deliveries in progress, never read)
/// one note per folder.
pub fn maildir_entries(dir: &Path) -> Result<Vec<Entry>, MailboxError> {
    let meta = std::fs::metadata(dir).map_err(|e| io_err(dir, e))?;
    let is_maildir = |d: &Path| d.join("cur").is_dir() || d.join("new").is_dir();
    if !meta.is_dir() || !is_maildir(dir) {
        return Err(MailboxError::NotAMailbox {
            path: dir.display().to_string(),
            reason: NotMailboxReason::NoCurOrNew,
        });
    }
    let mut roots = vec![dir.to_path_buf()];
    for entry in std::fs::read_dir(dir).map_err(|e| io_err(dir, e))? {
        let entry = entry.map_err(|e| io_err(dir, e))?;
        let p = entry.path();
        if hidden(&p) && p.is_dir() && is_maildir(&p) {
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
                match entry {
                    Ok(entry) => match classify(&entry) {
                        Ok(e) => out.push(e),
                        Err(sub) => out.push(Entry::Note(note(
                            &sub,
                            SkipReason::Special(SpecialKind::Folder),
                        ))),
                    },
                    Err(e) => out.push(Entry::Note(io_err(&d, e))),
                }
            }
        }
        let tmp = root.join("tmp");
        if let Ok(rd) = std::fs::read_dir(&tmp) {
            let files = rd
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .count() as u64;
            if files > 0 {
                out.push(Entry::Note(note(&tmp, SkipReason::InProgress { files })));
            }
        }
    }
    sort(&mut out);
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
    /// Non-blank bytes passed over before the first `From ` line.
    garbage: u64,
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
            garbage: 0,
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
        // Skip to the first `From ` line; what comes before it is reported, not dropped.
        while !self.started {
            match self.read_line() {
                Ok(false) => {
                    self.done = true;
                    if self.garbage > 0 {
                        return Some(Err(MailboxError::NotAMailbox {
                            path: self.name.clone(),
                            reason: NotMailboxReason::NoFromLine,
                        }));
                    }
                    return None;
                }
                Ok(true) if self.line.starts_with(b"From ") => {
                    self.started = true;
                    if self.garbage > 0 {
                        return Some(Err(MailboxError::Skipped {
                            path: self.name.clone(),
                            reason: SkipReason::LeadingGarbage {
                                bytes: self.garbage,
                            },
                        }));
                    }
                }
                Ok(true) => {
                    if !self.line.iter().all(u8::is_ascii_whitespace) {
                        self.garbage += self.line.len() as u64;
                    }
                }
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
        assert!(read(b"\n\r\n").is_empty());
        let v: Vec<_> = MboxReader::new(&b"no separator at all\n"[..], "t".into()).collect();
        assert!(matches!(
            v.as_slice(),
            [Err(MailboxError::NotAMailbox {
                reason: NotMailboxReason::NoFromLine,
                ..
            })]
        ));
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
            let items: Vec<_> = MboxReader::new(&bytes[..], "p".into()).collect();
            // Only the first item may be a report (garbage before the first `From `, or
            // no `From ` at all); every other one is a message.
            for m in items.iter().skip(1) {
                proptest::prop_assert!(m.is_ok());
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
