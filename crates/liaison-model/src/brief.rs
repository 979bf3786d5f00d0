//! A brief: what the sender prepared before writing (步骤1 准备): 背景-目标-需求-预期成果, the
//! recipients and the attachments. `liaison new` renders a brief into a mail.

use crate::{Kind, Urgency};
use serde::{Deserialize, Serialize};

/// One requested action (需求/待办), before it has a resolved deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BriefItem {
    /// 做什么.
    pub what: String,
    /// 谁来做: a person's email or name, or a department.
    pub owner: String,
    /// 何时完成, as written (e.g. 本周五下班前); resolved by liaison-time.
    pub due: String,
    /// 交付标准.
    pub standard: String,
}

/// An attachment the mail will carry or refer to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BriefAttachment {
    /// Path of the file (relative to the brief), or only a name when `described` only.
    pub path: String,
    /// What it is and what it is for (附件说明).
    pub description: String,
}

/// A validated brief. Field names follow the TOML brief format documented in the README.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Brief {
    /// 协作类型.
    pub kind: Kind,
    /// 项目/主题.
    pub project: String,
    /// Departments named in the subject.
    pub departments: Vec<String>,
    /// 紧急程度.
    pub urgency: Urgency,
    /// Sender's email (must be in the directory).
    pub from: String,
    /// To recipients' emails.
    pub to: Vec<String>,
    /// Cc recipients' emails.
    pub cc: Vec<String>,
    /// One sentence: why this mail is written.
    pub purpose: String,
    /// 背景.
    pub background: String,
    /// 目标.
    pub goal: String,
    /// 需求 / 待办.
    pub items: Vec<BriefItem>,
    /// 预期成果.
    pub outcome: Option<String>,
    /// Attachments with their descriptions.
    pub attachments: Vec<BriefAttachment>,
    /// 请于…前回复: the reply deadline, as written.
    pub reply_by: Option<String>,
    /// The next step stated in the closing.
    pub next_step: Option<String>,
}
