//! Reading a brief's attachments without reading anything else.
//!
//! A brief is often written by someone else (a template, a colleague, a ticket), so its
//! `[[attachment]] path` is untrusted: it may only name a regular file inside the brief's
//! folder (or the `--attachments-root` the user gave). `..` components and absolute paths
//! are refused outright; a symlink is resolved and its canonical target must lie inside the
//! canonical root; FIFOs, devices, sockets and folders are refused from their metadata, so
//! they are never opened (a FIFO would block, `/dev/zero` would fill memory); the size
//! limit is checked from the metadata before reading, and the read itself is bounded in
//! case the file grows meanwhile.

use liaison_model::{Brief, Directory, Kind, Problem, Problems};
use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Where attachments may come from and how large each may be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentRules {
    root: PathBuf,
    max_bytes: u64,
}

impl AttachmentRules {
    /// The default size limit: 25 MB (MiB), the common mail-server limit.
    pub const DEFAULT_MAX_BYTES: u64 = 25 << 20;

    /// Attachments relative to `root`, at most `max_bytes` each.
    pub fn new(root: &Path, max_bytes: u64) -> AttachmentRules {
        let root = if root.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            root.to_path_buf()
        };
        AttachmentRules { root, max_bytes }
    }

    /// Attachments relative to the folder of the brief `brief`, with the default limit.
    pub fn for_brief(brief: &Path) -> AttachmentRules {
        AttachmentRules::new(
            brief.parent().unwrap_or(Path::new(".")),
            Self::DEFAULT_MAX_BYTES,
        )
    }

    /// The same rules with another size limit.
    pub fn with_max_bytes(mut self, max_bytes: u64) -> AttachmentRules {
        self.max_bytes = max_bytes;
        self
    }

    /// The folder attachments are confined to (as given, not canonical).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The size limit in bytes.
    pub fn max_bytes(&self) -> u64 {
        self.max_bytes
    }

    /// Checks `path` (as written in the brief) without opening it; returns the canonical
    /// file it names.
    pub fn resolve(&self, path: &str) -> Result<PathBuf, AttachmentError> {
        let p = Path::new(path);
        if p.has_root() || p.components().any(|c| matches!(c, Component::Prefix(_))) {
            return Err(AttachmentError::Absolute { path: path.into() });
        }
        if p.components().any(|c| c == Component::ParentDir) {
            return Err(AttachmentError::ParentDir { path: path.into() });
        }
        let root = std::fs::canonicalize(&self.root).map_err(|source| AttachmentError::Io {
            path: self.root.display().to_string(),
            source,
        })?;
        let target = match std::fs::canonicalize(root.join(p)) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(AttachmentError::NotFound {
                    path: path.into(),
                    root: self.root.clone(),
                });
            }
            Err(source) => {
                return Err(AttachmentError::Io {
                    path: path.into(),
                    source,
                });
            }
        };
        if !target.starts_with(&root) {
            return Err(AttachmentError::OutsideRoot {
                path: path.into(),
                target,
                root: self.root.clone(),
            });
        }
        let meta = std::fs::metadata(&target).map_err(|source| AttachmentError::Io {
            path: path.into(),
            source,
        })?;
        if !meta.is_file() {
            return Err(AttachmentError::NotRegular {
                path: path.into(),
                kind: FileKind::of(&meta.file_type()),
            });
        }
        if meta.len() > self.max_bytes {
            return Err(AttachmentError::TooLarge {
                path: path.into(),
                size: meta.len(),
                limit: self.max_bytes,
            });
        }
        Ok(target)
    }

    /// Checks and reads `path` (as written in the brief).
    pub fn read(&self, path: &str) -> Result<LoadedAttachment, AttachmentError> {
        let target = self.resolve(path)?;
        let io = |source| AttachmentError::Io {
            path: path.into(),
            source,
        };
        let file = File::open(&target).map_err(io)?;
        // The name could have been swapped between the check and the open; the handle's
        // own metadata is what counts.
        let meta = file.metadata().map_err(io)?;
        if !meta.is_file() {
            return Err(AttachmentError::NotRegular {
                path: path.into(),
                kind: FileKind::of(&meta.file_type()),
            });
        }
        let cap = meta.len().min(self.max_bytes) as usize;
        let mut data = Vec::with_capacity(cap);
        file.take(self.max_bytes.saturating_add(1))
            .read_to_end(&mut data)
            .map_err(io)?;
        if data.len() as u64 > self.max_bytes {
            return Err(AttachmentError::TooLarge {
                path: path.into(),
                size: data.len() as u64,
                limit: self.max_bytes,
            });
        }
        Ok(LoadedAttachment { path: target, data })
    }
}

/// An attachment read from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedAttachment {
    /// The canonical path of the file.
    pub path: PathBuf,
    /// Its bytes.
    pub data: Vec<u8>,
}

/// What a refused non-regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A folder.
    Folder,
    /// A FIFO (named pipe).
    Fifo,
    /// A character device such as `/dev/zero`.
    CharDevice,
    /// A block device.
    BlockDevice,
    /// A Unix socket.
    Socket,
    /// Anything else that is not a regular file.
    Other,
}

impl FileKind {
    fn of(t: &std::fs::FileType) -> FileKind {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return FileKind::Fifo;
            }
            if t.is_char_device() {
                return FileKind::CharDevice;
            }
            if t.is_block_device() {
                return FileKind::BlockDevice;
            }
            if t.is_socket() {
                return FileKind::Socket;
            }
        }
        if t.is_dir() {
            FileKind::Folder
        } else {
            FileKind::Other
        }
    }

    fn name(self, en: bool) -> &'static str {
        match (self, en) {
            (FileKind::Folder, false) => "文件夹",
            (FileKind::Folder, true) => "folder",
            (FileKind::Fifo, false) => "命名管道（FIFO）",
            (FileKind::Fifo, true) => "FIFO (named pipe)",
            (FileKind::CharDevice, false) => "字符设备",
            (FileKind::CharDevice, true) => "character device",
            (FileKind::BlockDevice, false) => "块设备",
            (FileKind::BlockDevice, true) => "block device",
            (FileKind::Socket, false) => "套接字",
            (FileKind::Socket, true) => "socket",
            (FileKind::Other, false) => "特殊文件",
            (FileKind::Other, true) => "special file",
        }
    }
}

/// Why an attachment was refused.
#[derive(Debug)]
pub enum AttachmentError {
    /// An absolute path.
    Absolute {
        /// The path as written.
        path: String,
    },
    /// A path with a `..` component.
    ParentDir {
        /// The path as written.
        path: String,
    },
    /// No such file (or a dangling symlink).
    NotFound {
        /// The path as written.
        path: String,
        /// The folder it was looked for in.
        root: PathBuf,
    },
    /// A symlink (or symlinked folder) whose target lies outside the root.
    OutsideRoot {
        /// The path as written.
        path: String,
        /// Where it really leads.
        target: PathBuf,
        /// The folder attachments are confined to.
        root: PathBuf,
    },
    /// A folder, FIFO, device or socket.
    NotRegular {
        /// The path as written.
        path: String,
        /// What it is.
        kind: FileKind,
    },
    /// Larger than the limit.
    TooLarge {
        /// The path as written.
        path: String,
        /// Its size in bytes (at least this much when it grew while being read).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file or the root could not be read.
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// A size for people: bytes, KB or MB (1024-based, as file managers show).
fn size(n: u64) -> String {
    if n < 1 << 10 {
        format!("{n} B")
    } else if n < 1 << 20 {
        format!("{:.1} KB", n as f64 / 1024.0)
    } else {
        format!("{:.1} MB", n as f64 / (1 << 20) as f64)
    }
}

impl AttachmentError {
    /// What is wrong, in Chinese (`en = false`) or English.
    pub fn message(&self, en: bool) -> String {
        match (self, en) {
            (AttachmentError::Absolute { path }, false) => {
                format!("附件路径“{path}”是绝对路径，已拒绝")
            }
            (AttachmentError::Absolute { path }, true) => {
                format!("the attachment path \"{path}\" is absolute: refused")
            }
            (AttachmentError::ParentDir { path }, false) => {
                format!("附件路径“{path}”含有“..”，可能指向允许的文件夹之外，已拒绝")
            }
            (AttachmentError::ParentDir { path }, true) => format!(
                "the attachment path \"{path}\" contains `..`, which could leave the allowed folder: refused"
            ),
            (AttachmentError::NotFound { path, root }, false) => {
                format!("找不到附件“{path}”（在 {} 中）", root.display())
            }
            (AttachmentError::NotFound { path, root }, true) => {
                format!("attachment not found: \"{path}\" (in {})", root.display())
            }
            (AttachmentError::OutsideRoot { path, target, root }, false) => format!(
                "附件“{path}”实际指向 {}，位于 {} 之外，已拒绝",
                target.display(),
                root.display()
            ),
            (AttachmentError::OutsideRoot { path, target, root }, true) => format!(
                "the attachment \"{path}\" leads to {}, outside {}: refused",
                target.display(),
                root.display()
            ),
            (AttachmentError::NotRegular { path, kind }, false) => {
                format!("附件“{path}”不是普通文件（是{}），已拒绝", kind.name(false))
            }
            (AttachmentError::NotRegular { path, kind }, true) => format!(
                "the attachment \"{path}\" is not a regular file (it is a {}): refused",
                kind.name(true)
            ),
            (
                AttachmentError::TooLarge {
                    path,
                    size: n,
                    limit,
                },
                false,
            ) => {
                format!("附件“{path}”大小 {}，超过上限 {}", size(*n), size(*limit))
            }
            (
                AttachmentError::TooLarge {
                    path,
                    size: n,
                    limit,
                },
                true,
            ) => format!(
                "the attachment \"{path}\" is {}, over the limit of {}",
                size(*n),
                size(*limit)
            ),
            (AttachmentError::Io { path, source }, false) => {
                format!("无法读取附件“{path}”：{}", io_reason(source, false))
            }
            (AttachmentError::Io { path, source }, true) => {
                format!(
                    "cannot read the attachment \"{path}\": {}",
                    io_reason(source, true)
                )
            }
        }
    }

    /// How to fix it, in Chinese or English.
    pub fn help(&self, en: bool) -> String {
        let inside = if en {
            "an attachment must be a file inside the brief's folder (or --attachments-root): write a path relative to it and put the file there"
        } else {
            "附件只能是简报所在文件夹（或 --attachments-root）中的文件：写相对于该文件夹的路径，并把文件放进去"
        };
        match self {
            AttachmentError::Absolute { .. } | AttachmentError::ParentDir { .. } => inside.into(),
            AttachmentError::NotFound { .. } => if en {
                "an attachment path is relative to the brief's folder (or --attachments-root); add the file or correct the path"
            } else {
                "attachment 的 path 相对于简报所在文件夹（或 --attachments-root）；放好文件或更正路径"
            }
            .into(),
            AttachmentError::OutsideRoot { .. } => if en {
                "copy the file itself into the brief's folder instead of linking to it, or pass --attachments-root with a folder that holds it"
            } else {
                "把文件本身复制进简报所在文件夹，而不是链接到外面；或用 --attachments-root 指定包含它的文件夹"
            }
            .into(),
            AttachmentError::NotRegular { .. } => if en {
                "attach a regular file"
            } else {
                "附件须为普通文件"
            }
            .into(),
            AttachmentError::TooLarge { .. } => if en {
                "compress or split the file, share a link instead, or raise attachment_max_mb in [compose] of liaison.toml"
            } else {
                "压缩或拆分文件、改用共享链接，或在 liaison.toml 的 [compose] 中调高 attachment_max_mb"
            }
            .into(),
            AttachmentError::Io { .. } => if en {
                "check that the file exists and can be read"
            } else {
                "检查文件是否存在以及读取权限"
            }
            .into(),
        }
    }

    /// The problem for the brief `file`, on the line of the `path` key.
    pub fn to_problem(&self, file: &str, line: usize) -> Problem {
        Problem {
            file: file.into(),
            line,
            message: self.message(false),
            message_en: self.message(true),
            help: self.help(false),
            help_en: self.help(true),
        }
    }
}

/// The usual IO failures in the user's language; others as the system says them.
fn io_reason(e: &std::io::Error, en: bool) -> String {
    use std::io::ErrorKind as K;
    match (e.kind(), en) {
        (K::PermissionDenied, false) => "没有读取权限".into(),
        (K::PermissionDenied, true) => "permission denied".into(),
        (K::NotFound, false) => "不存在".into(),
        (K::NotFound, true) => "no such file".into(),
        _ => e.to_string(),
    }
}

impl fmt::Display for AttachmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(true))
    }
}

impl std::error::Error for AttachmentError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AttachmentError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Briefs are a page of text; anything larger is not one.
const MAX_BRIEF_BYTES: u64 = 1 << 20;

fn brief_problem(file: &str, zh: String, en: String) -> Problems {
    Problems(vec![Problem {
        file: file.into(),
        line: 0,
        message: zh,
        message_en: en,
        help: "检查 --brief 的路径：简报是一个 UTF-8 编码的 TOML 文件".into(),
        help_en: "check the --brief path: a brief is a UTF-8 TOML file".into(),
    }])
}

/// Reads the brief at `path`, validates it (see [`Brief::from_toml`]) and reads its
/// attachments under `rules`. Every problem, the brief's and the attachments', is reported
/// at once, each with the brief's file name and line; attachments are read only when
/// nothing is wrong.
pub fn load_brief(
    path: &Path,
    kind: Option<Kind>,
    directory: &Directory,
    rules: &AttachmentRules,
) -> Result<(Brief, Vec<LoadedAttachment>), Problems> {
    let file = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| {
        brief_problem(
            &file,
            format!("无法读取简报：{}", io_reason(&e, false)),
            format!("cannot read the brief: {}", io_reason(&e, true)),
        )
    })?;
    if !meta.is_file() {
        let kind = FileKind::of(&meta.file_type());
        return Err(brief_problem(
            &file,
            format!("简报不是普通文件（是{}）", kind.name(false)),
            format!(
                "the brief is not a regular file (it is a {})",
                kind.name(true)
            ),
        ));
    }
    let mut raw = Vec::new();
    File::open(path)
        .and_then(|f| f.take(MAX_BRIEF_BYTES + 1).read_to_end(&mut raw))
        .map_err(|e| {
            brief_problem(
                &file,
                format!("无法读取简报：{}", io_reason(&e, false)),
                format!("cannot read the brief: {}", io_reason(&e, true)),
            )
        })?;
    if raw.len() as u64 > MAX_BRIEF_BYTES {
        return Err(brief_problem(
            &file,
            "简报超过 1 MB，不像是简报".into(),
            "the brief is over 1 MB, which is not a brief".into(),
        ));
    }
    let text = String::from_utf8(raw).map_err(|_| {
        brief_problem(
            &file,
            "简报不是 UTF-8 编码".into(),
            "the brief is not UTF-8".into(),
        )
    })?;
    let parsed = Brief::from_toml(&file, &text, kind, directory);
    let paths = Brief::attachment_paths(&text);
    let mut problems = match &parsed {
        Ok(_) => Vec::new(),
        Err(p) => p.0.clone(),
    };
    for (p, line) in &paths {
        // A name with a line break or quote is already refused by the brief's validation.
        if p.contains(['\r', '\n', '"']) {
            continue;
        }
        if let Err(e) = rules.resolve(p) {
            problems.push(e.to_problem(&file, *line));
        }
    }
    let brief = match parsed {
        Ok(b) if problems.is_empty() => b,
        _ => {
            problems.sort_by_key(|p| p.line);
            return Err(Problems(problems));
        }
    };
    let mut loaded = Vec::with_capacity(paths.len());
    for (p, line) in &paths {
        match rules.read(p) {
            Ok(a) => loaded.push(a),
            Err(e) => problems.push(e.to_problem(&file, *line)),
        }
    }
    if problems.is_empty() {
        Ok((brief, loaded))
    } else {
        Err(Problems(problems))
    }
}
