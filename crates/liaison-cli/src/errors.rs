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
    if let Some(e) = e.downcast_ref::<std::io::Error>() {
        return l.io_error(e);
    }
    e.to_string()
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
