//! Reading drafts for `lint` and `parse`: standard input or a file, and the sizes of the
//! files a plain draft names as attachments.

use crate::output;
use liaison_lint::Linter;
use std::io::Read;
use std::path::Path;

/// Reads one input (`-` is standard input).
pub(crate) fn read_input(path: &Path) -> Result<Vec<u8>, String> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        return std::io::stdin()
            .read_to_end(&mut buf)
            .map(|_| buf)
            .map_err(|e| output::lang().io_error(&e));
    }
    std::fs::read(path).map_err(|e| {
        let fix = output::tr("请检查路径和读取权限", "check the path and read permission");
        match output::lang() {
            output::Lang::Zh => format!("{}（{fix}）", output::lang().io_error(&e)),
            output::Lang::En => format!("{} ({fix})", output::lang().io_error(&e)),
        }
    })
}

/// Parses a draft and fills in attachment sizes of plain drafts from the file system:
/// attachment names are relative to `attachments_dir`, or else to the draft's folder.
pub(crate) fn parse_draft(
    linter: &Linter,
    path: &Path,
    raw: &[u8],
    attachments_dir: Option<&Path>,
) -> liaison_lint::Anatomy {
    let shown = path.display().to_string();
    let mut a = linter.parse(&shown, raw);
    let stdin = path == Path::new("-");
    if a.format == liaison_anatomy::SourceFormat::Plain && (!stdin || attachments_dir.is_some()) {
        let base = attachments_dir.unwrap_or(path.parent().unwrap_or(Path::new(".")));
        for f in &mut a.attachments {
            let p = base.join(&f.name);
            match std::fs::metadata(&p) {
                Ok(m) if m.is_file() => f.size = Some(m.len()),
                _ => f.missing = true,
            }
        }
    }
    a
}
