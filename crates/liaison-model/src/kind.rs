//! Collaboration kinds: the 【协作类型】 tag at the front of every subject.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The canonical collaboration kinds of the guide.
///
/// Subjects may use aliases (需求确认 for 需求对接, 成果汇报 for 成果同步); a [`KindTable`]
/// maps every accepted tag to one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// 项目启动: a cross-department project starts; roles and milestones.
    Kickoff,
    /// 需求对接: one department asks another for something.
    Request,
    /// 问题协调: a blocker that needs several departments.
    Issue,
    /// 问题升级: an escalation that cc's both parties' superiors.
    Escalation,
    /// 成果同步: a result or milestone is shared.
    Result,
    /// 进度同步: the periodic progress update for longer work.
    ProgressSync,
    /// 跟进提醒: a reminder when a mail went unanswered.
    Nudge,
    /// 成果确认: confirming a delivery was received and meets the standard.
    Confirmation,
    /// 复盘: the retrospective after a collaboration closed.
    Retrospective,
}

impl Kind {
    /// Every kind, in the order the guide introduces them.
    pub const ALL: [Kind; 9] = [
        Kind::Kickoff,
        Kind::Request,
        Kind::Issue,
        Kind::Escalation,
        Kind::Result,
        Kind::ProgressSync,
        Kind::Nudge,
        Kind::Confirmation,
        Kind::Retrospective,
    ];

    /// The canonical Chinese tag, as written inside 【】.
    pub fn tag(self) -> &'static str {
        match self {
            Kind::Kickoff => "项目启动",
            Kind::Request => "需求对接",
            Kind::Issue => "问题协调",
            Kind::Escalation => "问题升级",
            Kind::Result => "成果同步",
            Kind::ProgressSync => "进度同步",
            Kind::Nudge => "跟进提醒",
            Kind::Confirmation => "成果确认",
            Kind::Retrospective => "复盘",
        }
    }

    /// The English tag, used by `--lang en` templates.
    pub fn tag_en(self) -> &'static str {
        match self {
            Kind::Kickoff => "Kickoff",
            Kind::Request => "Request",
            Kind::Issue => "Issue",
            Kind::Escalation => "Escalation",
            Kind::Result => "Result",
            Kind::ProgressSync => "Progress",
            Kind::Nudge => "Reminder",
            Kind::Confirmation => "Confirmation",
            Kind::Retrospective => "Retrospective",
        }
    }

    /// The stable machine name (`kickoff`, `request`, …), as in JSON and file names.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Kickoff => "kickoff",
            Kind::Request => "request",
            Kind::Issue => "issue",
            Kind::Escalation => "escalation",
            Kind::Result => "result",
            Kind::ProgressSync => "progress-sync",
            Kind::Nudge => "nudge",
            Kind::Confirmation => "confirmation",
            Kind::Retrospective => "retrospective",
        }
    }

    /// Whether the guide expects enumerated action items (做什么/谁来做/何时完成/交付标准).
    pub fn expects_items(self) -> bool {
        matches!(
            self,
            Kind::Kickoff | Kind::Request | Kind::Issue | Kind::Escalation
        )
    }

    /// Parses a canonical tag, English tag or machine id (not configured aliases: see [`KindTable`]).
    pub fn parse(s: &str) -> Option<Kind> {
        let s = s.trim();
        Kind::ALL
            .into_iter()
            .find(|k| k.tag() == s || k.id() == s || k.tag_en().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The configured set of accepted 【】 tags: canonical tags plus aliases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindTable {
    by_tag: BTreeMap<String, Kind>,
}

impl Default for KindTable {
    fn default() -> Self {
        let mut t = KindTable {
            by_tag: BTreeMap::new(),
        };
        for k in Kind::ALL {
            t.insert(k.tag(), k);
            t.insert(k.tag_en(), k);
        }
        for (alias, k) in [
            ("需求确认", Kind::Request),
            ("需求", Kind::Request),
            ("问题", Kind::Issue),
            ("成果汇报", Kind::Result),
            ("进度汇报", Kind::ProgressSync),
            ("跟进", Kind::Nudge),
            ("提醒", Kind::Nudge),
            ("项目复盘", Kind::Retrospective),
            ("Sync", Kind::ProgressSync),
            ("Nudge", Kind::Nudge),
            ("Follow-up", Kind::Nudge),
            ("Retro", Kind::Retrospective),
            // English tags as clients and partners write them.
            ("Kick-off", Kind::Kickoff),
            ("Kick off", Kind::Kickoff),
            ("Project Kickoff", Kind::Kickoff),
            ("Progress Sync", Kind::ProgressSync),
            ("Progress Update", Kind::ProgressSync),
            ("Status Update", Kind::ProgressSync),
            ("Result Sync", Kind::Result),
            ("Result Report", Kind::Result),
            ("Results", Kind::Result),
            ("Follow up", Kind::Nudge),
            ("Followup", Kind::Nudge),
            ("Issue Coordination", Kind::Issue),
            ("Post-mortem", Kind::Retrospective),
            // Traditional Chinese (Taiwan, Hong Kong).
            ("專案啟動", Kind::Kickoff),
            ("項目啟動", Kind::Kickoff),
            ("需求對接", Kind::Request),
            ("需求確認", Kind::Request),
            ("問題協調", Kind::Issue),
            ("問題", Kind::Issue),
            ("問題升級", Kind::Escalation),
            ("成果彙報", Kind::Result),
            ("成果匯報", Kind::Result),
            ("進度同步", Kind::ProgressSync),
            ("進度彙報", Kind::ProgressSync),
            ("進度匯報", Kind::ProgressSync),
            ("跟進提醒", Kind::Nudge),
            ("跟進", Kind::Nudge),
            ("成果確認", Kind::Confirmation),
            ("復盤", Kind::Retrospective),
            ("覆盤", Kind::Retrospective),
            ("專案復盤", Kind::Retrospective),
            ("項目復盤", Kind::Retrospective),
        ] {
            t.insert(alias, k);
        }
        // Traditional script (Taiwan, Hong Kong, Macau, or a Traditional input method);
        // 專案 is the Taiwanese word for 项目.
        for (tag, k) in [
            ("項目啟動", Kind::Kickoff),
            ("專案啟動", Kind::Kickoff),
            ("需求對接", Kind::Request),
            ("需求確認", Kind::Request),
            ("問題協調", Kind::Issue),
            ("問題", Kind::Issue),
            ("問題升級", Kind::Escalation),
            ("成果匯報", Kind::Result),
            ("成果彙報", Kind::Result),
            ("進度同步", Kind::ProgressSync),
            ("進度匯報", Kind::ProgressSync),
            ("進度彙報", Kind::ProgressSync),
            ("跟進提醒", Kind::Nudge),
            ("跟進", Kind::Nudge),
            ("成果確認", Kind::Confirmation),
            ("復盤", Kind::Retrospective),
            ("複盤", Kind::Retrospective),
            ("項目復盤", Kind::Retrospective),
            ("項目複盤", Kind::Retrospective),
            ("專案復盤", Kind::Retrospective),
            ("專案複盤", Kind::Retrospective),
        ] {
            t.insert(tag, k);
        }
        t
    }
}

impl KindTable {
    /// Adds (or replaces) an accepted tag.
    pub fn insert(&mut self, tag: &str, kind: Kind) {
        self.by_tag.insert(tag.trim().to_lowercase(), kind);
    }

    /// Looks a tag up, ignoring ASCII case and surrounding space.
    pub fn lookup(&self, tag: &str) -> Option<Kind> {
        self.by_tag.get(&tag.trim().to_lowercase()).copied()
    }

    /// Every accepted tag with its kind.
    pub fn tags(&self) -> impl Iterator<Item = (&str, Kind)> {
        self.by_tag.iter().map(|(t, k)| (t.as_str(), *k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.tag()), Some(k));
            assert_eq!(Kind::parse(k.id()), Some(k));
        }
        assert_eq!(Kind::parse("问题跟踪"), None);
    }

    #[test]
    fn aliases_resolve() {
        let t = KindTable::default();
        assert_eq!(t.lookup("需求确认"), Some(Kind::Request));
        assert_eq!(t.lookup("成果汇报"), Some(Kind::Result));
        assert_eq!(t.lookup("kickoff"), Some(Kind::Kickoff));
        assert_eq!(t.lookup("随便"), None);
    }

    /// English tags partners write and the Traditional forms of the tags.
    #[test]
    fn english_and_traditional_tags_resolve() {
        let t = KindTable::default();
        for (tag, k) in [
            ("progress sync", Kind::ProgressSync),
            ("Result Report", Kind::Result),
            ("Kick-off", Kind::Kickoff),
            ("問題升級", Kind::Escalation),
            ("專案啟動", Kind::Kickoff),
            ("成果確認", Kind::Confirmation),
            ("進度同步", Kind::ProgressSync),
            ("需求對接", Kind::Request),
        ] {
            assert_eq!(t.lookup(tag), Some(k), "{tag}");
        }
    }
}
