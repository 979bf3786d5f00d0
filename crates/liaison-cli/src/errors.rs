//! Errors in the run's language. Libraries' error types print English (for logs and
//! other programs); what a user reads at the end of a failed command is rendered here,
//! cause by cause, in Chinese by default and English with `--lang en`.

use crate::output::{Lang, lang};
use liaison_engine::{PipelineError, TrackerError};
use liaison_store::StoreError;

/// The whole chain of `err`, outermost first, each cause in the run's language.
pub fn describe(err: &anyhow::Error) -> String {
    let l = lang();
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = one(cause, l);
        // A cause whose text its wrapper already printed (`#[error(transparent)]`, or a
        // context that quotes it) is not repeated.
        if parts.last().is_some_and(|p| p.contains(&text)) {
            continue;
        }
        parts.push(text);
    }
    parts.join(l.pick("：", ": "))
}

fn one(e: &(dyn std::error::Error + 'static), l: Lang) -> String {
    if let Some(e) = e.downcast_ref::<StoreError>() {
        return store(e, l);
    }
    if let Some(e) = e.downcast_ref::<TrackerError>() {
        return tracker(e, l);
    }
    if let Some(e) = e.downcast_ref::<PipelineError>() {
        return match e {
            PipelineError::Store(s) => store(s, l),
            PipelineError::Tracker(t) => tracker(t, l),
        };
    }
    if let Some(e) = e.downcast_ref::<liaison_mail::mailbox::MailboxError>() {
        return e.render(l == Lang::En);
    }
    if let Some(e) = e.downcast_ref::<liaison_lint::ConfigError>() {
        return lint_config(e, l);
    }
    if let Some(e) = e.downcast_ref::<liaison_time::CalendarError>() {
        return calendar(e, l);
    }
    if let Some(e) = e.downcast_ref::<liaison_closure::closing::ClosingError>() {
        return closing(e, l);
    }
    if let Some(e) = e.downcast_ref::<liaison_closure::archive::ArchiveError>() {
        return archive(e, l);
    }
    if let Some(e) = e.downcast_ref::<liaison_closure::forms::FormError>() {
        return form(e, l);
    }
    if let Some(e) = e.downcast_ref::<std::io::Error>() {
        return l.io_error(e);
    }
    e.to_string()
}

fn closing(e: &liaison_closure::closing::ClosingError, l: Lang) -> String {
    use liaison_closure::closing::ClosingError as C;
    match (e, l) {
        (C::Store(s), l) => store(s, l),
        (C::Track(PipelineError::Store(s)), l) => store(s, l),
        (C::Track(PipelineError::Tracker(t)), l) => tracker(t, l),
        (C::Archive(a), l) => archive(a, l),
        (C::Form(f), l) => form(f, l),
        (C::Nothing, Lang::Zh) => "没有要归档的协作".into(),
        (C::NoDeadline, Lang::Zh) => "理由中没有写新的截止时间（例如“12月20日前重新提交”）".into(),
        (C::PastDeadline(t), Lang::Zh) => {
            format!("新的截止时间 {} 不晚于现在", t.format("%Y-%m-%d %H:%M"))
        }
        (e, _) => e.to_string(),
    }
}

fn archive(e: &liaison_closure::archive::ArchiveError, l: Lang) -> String {
    use liaison_closure::archive::ArchiveError as A;
    use std::io::ErrorKind;
    match (e, l) {
        (A::DotDot(p), Lang::Zh) => {
            format!("{}：路径中含有“..”；请给出不含“..”的目录", p.display())
        }
        (A::Symlink(p), Lang::Zh) => {
            format!("{}：是符号链接；请给出真实的目录", p.display())
        }
        (A::Foreign { path, what }, Lang::Zh) => format!(
            "{}：已存在，且含有不属于本协作归档的文件（{what}）；请先移走这些文件或换一个 --to 目录",
            path.display()
        ),
        (A::Manifest { path, message }, Lang::Zh) => {
            format!("{}：不是 liaison 的清单文件（{message}）", path.display())
        }
        (A::Io { path, source }, l) => {
            let hint = match source.kind() {
                // EPERM (an immutable folder) reads as PermissionDenied too.
                ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => l.pick(
                    "（没有写权限：换一个 --to 目录；未写入任何内容）",
                    " (no write permission: choose another --to; nothing was written)",
                ),
                ErrorKind::StorageFull | ErrorKind::QuotaExceeded => l.pick(
                    "（磁盘已满：清理空间后重试；未写入任何内容）",
                    " (disk full: free space and retry; nothing was written)",
                ),
                _ => "",
            };
            format!(
                "{}{}{}{hint}",
                path.display(),
                l.pick("：", ": "),
                l.io_error(source)
            )
        }
        (e, _) => e.to_string(),
    }
}

fn form(e: &liaison_closure::forms::FormError, l: Lang) -> String {
    use liaison_closure::forms::FormError as F;
    match (e, l) {
        (F::Xlsx(x), Lang::Zh) => format!("无法写出 XLSX 表格：{x}"),
        (F::Csv(x), Lang::Zh) => format!("无法写出 CSV 表格：{x}"),
        (e, _) => e.to_string(),
    }
}

fn store(e: &StoreError, l: Lang) -> String {
    match (e, l) {
        (StoreError::Open { location, reason }, Lang::Zh) => format!(
            "无法打开数据库 {location}：{reason}（请检查路径或地址：--db FILE 或 --database-url postgres://…）"
        ),
        (StoreError::Sqlite(x), Lang::Zh) => format!("数据库（SQLite）出错：{x}"),
        (StoreError::Postgres(_), Lang::Zh) => {
            format!(
                "数据库（PostgreSQL）出错：{}",
                e.to_string().trim_start_matches("PostgreSQL: ")
            )
        }
        (StoreError::Io { path, error }, l) => format!("{path}: {}", l.io_error(error)),
        (StoreError::Corrupt { what, reason }, Lang::Zh) => {
            format!("库中数据无法读取（{what}）：{reason}；可运行 liaison rebuild --apply 重新计算")
        }
        (StoreError::SchemaTooNew { found, known }, Lang::Zh) => {
            format!("数据库结构版本为 {found}，高于本程序支持的 {known}：请升级 liaison")
        }
        (e, _) => e.to_string(),
    }
}

fn lint_config(e: &liaison_lint::ConfigError, l: Lang) -> String {
    use liaison_lint::ConfigError as C;
    match (e, l) {
        (C::UnknownRule { id, suggestion }, Lang::Zh) => format!(
            "[lint.rules]：没有规则“{id}”{}；liaison rules 列出全部规则",
            suggestion
                .as_ref()
                .map(|s| format!("（是否是 {s}？）"))
                .unwrap_or_default()
        ),
        (C::UnknownKind { tag, kind, known }, Lang::Zh) => {
            format!("[lint.kinds]：“{tag}” = “{kind}”：未知的协作类型；可用：{known}")
        }
        (C::UnknownUrgency { word, value }, Lang::Zh) => {
            format!("[lint.urgency]：“{word}” = “{value}”：请写 urgent、important、normal 或 today")
        }
        (C::BadThreshold { key, value, fix }, Lang::Zh) => {
            format!("[lint] {key} = {value}：取值无效（{fix}）")
        }
        (e, _) => e.to_string(),
    }
}

fn calendar(e: &liaison_time::CalendarError, l: Lang) -> String {
    use liaison_time::CalendarError as C;
    match (e, l) {
        (C::Io { path, source }, l) => format!(
            "{path}{}{}",
            l.pick("：无法读取日历文件：", ": cannot read the calendar file: "),
            l.io_error(source)
        ),
        (C::Parse { path, message }, Lang::Zh) => format!("{path}：日历文件有误：{message}"),
        (C::Hours { value, message }, Lang::Zh) => {
            format!("工作时间“{value}”有误：{message}")
        }
        (e, _) => e.to_string(),
    }
}

fn tracker(e: &TrackerError, l: Lang) -> String {
    match (e, l) {
        (TrackerError::Store(s), l) => store(s, l),
        (TrackerError::UnknownCollaboration(id), Lang::Zh) => {
            format!("没有编号为 {id} 的协作；liaison list 列出所有编号")
        }
        (TrackerError::UnknownItem { id, item, count }, Lang::Zh) => {
            format!("协作 {id} 有 {count} 个事项，没有第 {item} 项（事项从 1 开始编号）")
        }
        (TrackerError::MissingRaw(sha), Lang::Zh) => {
            format!("原始邮件 {sha} 不在库中；请运行 liaison rebuild")
        }
        (e, _) => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_errors_are_chinese_by_default() {
        let e = anyhow::Error::new(StoreError::SchemaTooNew { found: 9, known: 3 });
        let t = describe(&e);
        assert!(
            t.contains("请升级 liaison") && !t.contains("upgrade"),
            "{t}"
        );
        let io = anyhow::Error::new(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ))
        .context("配置文件");
        let t = describe(&io);
        assert_eq!(t, "配置文件：内容不是有效的文本（UTF-8）");
    }
}
