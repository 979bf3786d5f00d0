//! The archive folder `跨部门协作-<project>/` (步骤4 闭环: 归档): every message as `.eml`
//! named by date and subject, every attachment once (deduplicated by SHA-256, names kept,
//! clashes numbered, unsafe names made safe), the forms, an offline `index.html` with the
//! timeline, and `manifest.json` with the SHA-256 of every file.
//!
//! The folder is built in a temporary folder beside the target and renamed into place, so
//! a failure leaves nothing half-written; the same inputs give the same bytes.

use crate::names::{safe_name, unique};
use chrono::{DateTime, FixedOffset};
use liaison_model::{Collaboration, EventKind, Lang};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

/// The prefix of every archive folder (the guide's naming: 跨部门协作-项目名称).
pub const FOLDER_PREFIX: &str = "跨部门协作-";
/// The manifest's file name.
pub const MANIFEST: &str = "manifest.json";

/// Errors of writing or verifying an archive.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The target path has a `..` component.
    #[error("{0}: the path contains \"..\"; give the folder without \"..\"")]
    DotDot(PathBuf),
    /// The target (or its parent) is a symbolic link.
    #[error("{0}: is a symbolic link; give the real folder")]
    Symlink(PathBuf),
    /// The target folder exists and holds files that are not this collaboration's archive.
    #[error(
        "{path}: exists and holds files that are not this collaboration's archive ({what}); move them away or choose another --to"
    )]
    Foreign {
        /// The folder.
        path: PathBuf,
        /// What was found.
        what: String,
    },
    /// A file system operation failed.
    #[error("{path}: {source}")]
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The manifest cannot be read as a liaison manifest.
    #[error("{path}: not a liaison manifest: {message}")]
    Manifest {
        /// Where.
        path: PathBuf,
        /// What the JSON reader said.
        message: String,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ArchiveError + '_ {
    move |source| ArchiveError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// One file of the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    /// Path relative to the archive folder, `/`-separated.
    pub path: String,
    /// SHA-256 (hex) of the bytes.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
}

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The collaboration id (the earliest one when a project has several).
    pub collaboration: String,
    /// Every collaboration in the folder, when a project archive holds more than one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub collaborations: Vec<String>,
    /// Every file but the manifest itself, sorted by path.
    pub files: Vec<ManifestFile>,
}

/// A message to archive: its raw bytes (the store's copy).
#[derive(Debug, Clone)]
pub struct ArchivedMessage {
    /// The raw RFC 5322 bytes.
    pub raw: Vec<u8>,
}

/// What goes into an archive.
#[derive(Debug, Clone)]
pub struct ArchiveInput<'a> {
    /// The collaborations, oldest first (their timelines become index.html).
    pub collaborations: Vec<&'a Collaboration>,
    /// Its messages.
    pub messages: Vec<ArchivedMessage>,
    /// Extra files (the forms) as (relative path, bytes).
    pub extra: Vec<(String, Vec<u8>)>,
    /// Language of index.html.
    pub lang: Lang,
}

/// The folder name of a project's archive.
pub fn folder_name(project: &str) -> String {
    safe_name(&format!("{FOLDER_PREFIX}{project}"), "跨部门协作")
}

/// The files of an archive, as (relative path, bytes), sorted by path, manifest last.
pub fn build(input: &ArchiveInput) -> Vec<(String, Vec<u8>)> {
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut mail_names = BTreeSet::new();
    let mut att_names = BTreeSet::new();
    let mut att_by_hash: BTreeMap<String, String> = BTreeMap::new();
    struct Entry {
        date: Option<DateTime<FixedOffset>>,
        subject: String,
        from: String,
        message_id: Option<String>,
        file: String,
        attachments: Vec<String>,
    }
    let mut parsed: Vec<(Option<DateTime<FixedOffset>>, String, &ArchivedMessage)> = input
        .messages
        .iter()
        .map(|m| {
            let p = liaison_mail::Message::parse(&m.raw);
            (p.date, crate::sha256(&m.raw), m)
        })
        .collect();
    // Date, then content hash: a stable order whatever order the store gave.
    parsed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    parsed.dedup_by(|a, b| a.1 == b.1);
    let mut entries = Vec::new();
    for (date, _, m) in parsed {
        let msg = liaison_mail::Message::parse(&m.raw);
        let stamp = date
            .map(|d| d.format("%Y-%m-%d_%H%M").to_string())
            .unwrap_or_else(|| "0000-00-00_0000".into());
        let subject = if msg.subject.trim().is_empty() {
            "(no subject)".to_string()
        } else {
            msg.subject.clone()
        };
        let base = safe_name(&format!("{stamp} {subject}"), &stamp);
        let base = crate::names::safe_name(&format!("{base}.eml"), "mail.eml");
        let name = unique(&base, &mut mail_names);
        let path = format!("mails/{name}");
        files.insert(path.clone(), m.raw.clone());
        let mut atts = Vec::new();
        for (fname, data) in attachments(&m.raw) {
            let hash = crate::sha256(&data);
            let rel = match att_by_hash.get(&hash) {
                Some(p) => p.clone(),
                None => {
                    let n = unique(&safe_name(&fname, "attachment"), &mut att_names);
                    let p = format!("attachments/{n}");
                    files.insert(p.clone(), data);
                    att_by_hash.insert(hash, p.clone());
                    p
                }
            };
            atts.push(rel);
        }
        entries.push(Entry {
            date,
            subject,
            from: msg
                .from_name
                .clone()
                .or(msg.from.clone())
                .unwrap_or_default(),
            message_id: msg.message_id.clone(),
            file: path,
            attachments: atts,
        });
    }
    for (p, b) in &input.extra {
        files.insert(p.clone(), b.clone());
    }
    let mail_of = |id: Option<&str>| -> Option<String> {
        let id = id?.trim_matches(['<', '>']);
        entries
            .iter()
            .find(|e| e.message_id.as_deref().map(|m| m.trim_matches(['<', '>'])) == Some(id))
            .map(|e| e.file.clone())
    };
    let lang = input.lang;
    let Some(c0) = input.collaborations.first().copied() else {
        return Vec::new();
    };
    let title = if input.collaborations.len() == 1 {
        c0.subject.clone()
    } else {
        format!("{FOLDER_PREFIX}{}", c0.project)
    };
    let mut html = String::new();
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    html.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\nbody{{font-family:\"Microsoft YaHei\",\"PingFang SC\",\"WenQuanYi Micro Hei\",\"Noto Sans CJK SC\",sans-serif;margin:2em;color:#222}}\ntable{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}}th{{background:#ddebf7}}\n</style>\n</head>\n<body>\n",
        lang.code(),
        esc(&title)
    ));
    html.push_str(&format!("<h1>{}</h1>\n", esc(&title)));
    for c in &input.collaborations {
        if input.collaborations.len() > 1 {
            html.push_str(&format!("<h2>{}</h2>\n", esc(&c.subject)));
        }
        html.push_str("<p>");
        html.push_str(&format!(
            "{}{}<br>{}{}<br>{}{}<br>{}{}</p>\n",
            t("编号：", "Id: "),
            esc(&c.id),
            t("项目：", "Project: "),
            esc(&c.project),
            t("发起人：", "Owner: "),
            esc(&c.owner),
            t("对接人：", "Counterparts: "),
            esc(&c.counterparts.join(t("、", ", ")))
        ));
        html.push_str(&format!(
        "<h2>{}</h2>\n<table>\n<tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        t("事项", "Items"),
        t("做什么", "What"),
        t("谁来做", "Who"),
        t("何时完成", "When"),
        t("交付标准", "Standard")
    ));
        for (i, it) in c.items.iter().enumerate() {
            html.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                i + 1,
                esc(&it.what),
                esc(it.owner.as_deref().unwrap_or("")),
                it.promised
                    .or(it.due)
                    .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default(),
                esc(it.standard.as_deref().unwrap_or(""))
            ));
        }
        html.push_str("</table>\n");
        html.push_str(&format!(
        "<h2>{}</h2>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        t("时间线", "Timeline"),
        t("时间", "When"),
        t("事件", "Event"),
        t("人员", "Who"),
        t("事项", "Item"),
        t("邮件", "Mail")
    ));
        // The archive's own event would make a second archive differ from the first.
        for e in c.events.iter().filter(|e| e.kind != EventKind::Archived) {
            let link = mail_of(e.message_id.as_deref())
                .map(|f| format!("<a href=\"{}\">{}</a>", href(&f), t("打开", "open")))
                .unwrap_or_default();
            let detail = match e.detail.as_deref() {
                Some("manual") | None => String::new(),
                Some(d) => format!("（{}）", esc(d)),
            };
            html.push_str(&format!(
                "<tr><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                e.at.format("%Y-%m-%d %H:%M"),
                liaison_engine::views::event_label(lang, e.kind),
                detail,
                esc(e.actor.as_deref().unwrap_or("")),
                e.item.map(|i| (i + 1).to_string()).unwrap_or_default(),
                link
            ));
        }
        html.push_str("</table>\n");
    }
    html.push_str(&format!(
        "<h2>{}</h2>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        t("邮件", "Mails"),
        t("时间", "When"),
        t("发件人", "From"),
        t("主题", "Subject"),
        t("附件", "Attachments")
    ));
    for e in &entries {
        let atts: Vec<String> = e
            .attachments
            .iter()
            .map(|a| {
                format!(
                    "<a href=\"{}\">{}</a>",
                    href(a),
                    esc(a.trim_start_matches("attachments/"))
                )
            })
            .collect();
        html.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td><a href=\"{}\">{}</a></td><td>{}</td></tr>\n",
            e.date
                .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
            esc(&e.from),
            href(&e.file),
            esc(&e.subject),
            atts.join("<br>")
        ));
    }
    html.push_str("</table>\n");
    let forms: Vec<&String> = files.keys().filter(|p| p.starts_with("forms/")).collect();
    if !forms.is_empty() {
        html.push_str(&format!("<h2>{}</h2>\n<ul>\n", t("表单", "Forms")));
        for f in forms {
            html.push_str(&format!(
                "<li><a href=\"{}\">{}</a></li>\n",
                href(f),
                esc(f.trim_start_matches("forms/"))
            ));
        }
        html.push_str("</ul>\n");
    }
    html.push_str(&format!(
        "<p>{}</p>\n</body>\n</html>\n",
        t(
            "本归档可离线打开；manifest.json 记录了每个文件的 SHA-256，可用 liaison archive --verify 校验。",
            "This archive opens offline; manifest.json holds every file's SHA-256 (check with liaison archive --verify)."
        )
    ));
    files.insert("index.html".into(), html.into_bytes());
    let manifest = Manifest {
        collaboration: c0.id.clone(),
        collaborations: if input.collaborations.len() > 1 {
            input.collaborations.iter().map(|c| c.id.clone()).collect()
        } else {
            Vec::new()
        },
        files: files
            .iter()
            .map(|(p, b)| ManifestFile {
                path: p.clone(),
                sha256: crate::sha256(b),
                bytes: b.len() as u64,
            })
            .collect(),
    };
    let mut out: Vec<(String, Vec<u8>)> = files.into_iter().collect();
    let mut m = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    m.push(b'\n');
    out.push((MANIFEST.into(), m));
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A relative link: each path segment percent-encoded (spaces, `#`, `%`, `?` would break
/// it otherwise; CJK stays readable in the file but is encoded for the URL).
fn href(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The attachments of a raw message as (file name, bytes), in order.
pub fn attachments(raw: &[u8]) -> Vec<(String, Vec<u8>)> {
    use mail_parser::MimeHeaders as _;
    let Some(m) = mail_parser::MessageParser::default().parse(raw) else {
        return Vec::new();
    };
    m.attachments()
        .enumerate()
        .map(|(i, a)| {
            let name = a
                .attachment_name()
                .map(str::to_string)
                .unwrap_or_else(|| format!("attachment-{}", i + 1));
            (name, a.contents().to_vec())
        })
        .collect()
}

/// Checks a target path before writing: no `..`, no symbolic link on the way.
fn check_target(dir: &Path) -> Result<(), ArchiveError> {
    if dir.components().any(|c| c == Component::ParentDir) {
        return Err(ArchiveError::DotDot(dir.to_path_buf()));
    }
    let mut p = PathBuf::new();
    for c in dir.components() {
        p.push(c);
        if std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(ArchiveError::Symlink(p));
        }
    }
    Ok(())
}

/// Whether the existing folder `dest` is this collaboration's own archive (its manifest
/// names `id` and it holds no file the manifest does not list), else why not.
fn ours(dest: &Path, id: &str) -> Result<(), String> {
    let m = read_manifest(dest).map_err(|e| e.to_string())?;
    if m.collaboration != id && !m.collaborations.iter().any(|c| c == id) {
        return Err(format!(
            "{MANIFEST} is of collaboration {}",
            m.collaboration
        ));
    }
    let listed: BTreeSet<String> = m.files.iter().map(|f| f.path.clone()).collect();
    for f in walk(dest).map_err(|e| e.to_string())? {
        if f != MANIFEST && !listed.contains(&f) {
            return Err(format!("{f} is not in {MANIFEST}"));
        }
    }
    Ok(())
}

/// Writes the archive into `root/跨部门协作-<project>/` (the folder is replaced when it is
/// already this collaboration's archive) and returns its path.
pub fn write(
    root: &Path,
    folder: &str,
    files: &[(String, Vec<u8>)],
    id: &str,
) -> Result<PathBuf, ArchiveError> {
    check_target(root)?;
    std::fs::create_dir_all(root).map_err(io(root))?;
    let dest = root.join(folder);
    if std::fs::symlink_metadata(&dest).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(ArchiveError::Symlink(dest));
    }
    let exists = dest.exists();
    if exists && let Err(what) = ours(&dest, id) {
        // An empty folder is fine: nothing would be lost.
        let empty = std::fs::read_dir(&dest)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(ArchiveError::Foreign { path: dest, what });
        }
    }
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{folder}.tmp-"))
        .tempdir_in(root)
        .map_err(io(root))?;
    for (rel, bytes) in files {
        let p = tmp.path().join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::write(&p, bytes).map_err(io(&p))?;
    }
    // Files are synced before the rename so a crash cannot leave a renamed, empty archive.
    for (rel, _) in files {
        let p = tmp.path().join(rel);
        std::fs::File::open(&p)
            .and_then(|f| f.sync_all())
            .map_err(io(&p))?;
    }
    let tmp = tmp.keep();
    if exists {
        let old = root.join(format!(".{folder}.old"));
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(&dest, &old).map_err(io(&dest))?;
        if let Err(e) = std::fs::rename(&tmp, &dest) {
            let _ = std::fs::rename(&old, &dest);
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(ArchiveError::Io {
                path: dest,
                source: e,
            });
        }
        std::fs::remove_dir_all(&old).map_err(io(&old))?;
    } else if let Err(e) = std::fs::rename(&tmp, &dest) {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(ArchiveError::Io {
            path: dest,
            source: e,
        });
    }
    Ok(dest)
}

/// Every file under `dir`, as `/`-separated relative paths, sorted.
fn walk(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), String::new())];
    while let Some((d, prefix)) = stack.pop() {
        for e in std::fs::read_dir(&d)? {
            let e = e?;
            let name = e.file_name().to_string_lossy().to_string();
            let rel = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            if e.file_type()?.is_dir() {
                stack.push((e.path(), rel));
            } else {
                out.push(rel);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Reads `dir/manifest.json`.
pub fn read_manifest(dir: &Path) -> Result<Manifest, ArchiveError> {
    let p = dir.join(MANIFEST);
    let text = std::fs::read(&p).map_err(io(&p))?;
    serde_json::from_slice(&text).map_err(|e| ArchiveError::Manifest {
        path: p,
        message: e.to_string(),
    })
}

/// One difference between an archive and its manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mismatch {
    /// The file (relative path).
    pub path: String,
    /// missing, changed (size or SHA-256 differ) or unlisted.
    pub problem: &'static str,
}

/// Verifies an archive folder against its manifest: every listed file present with the
/// same size and SHA-256, and no file the manifest does not list.
pub fn verify(dir: &Path) -> Result<(Manifest, Vec<Mismatch>), ArchiveError> {
    let m = read_manifest(dir)?;
    let mut out = Vec::new();
    let listed: BTreeSet<&str> = m.files.iter().map(|f| f.path.as_str()).collect();
    for f in &m.files {
        let rel = Path::new(&f.path);
        if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            out.push(Mismatch {
                path: f.path.clone(),
                problem: "outside",
            });
            continue;
        }
        match std::fs::read(dir.join(rel)) {
            Err(_) => out.push(Mismatch {
                path: f.path.clone(),
                problem: "missing",
            }),
            Ok(b) if b.len() as u64 != f.bytes || crate::sha256(&b) != f.sha256 => {
                out.push(Mismatch {
                    path: f.path.clone(),
                    problem: "changed",
                })
            }
            Ok(_) => {}
        }
    }
    for f in walk(dir).map_err(io(dir))? {
        if f != MANIFEST && !listed.contains(f.as_str()) {
            out.push(Mismatch {
                path: f,
                problem: "unlisted",
            });
        }
    }
    Ok((m, out))
}
