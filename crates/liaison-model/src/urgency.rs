//! Urgency (紧急程度): the last part of the subject, which sets the reply window.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How urgent a collaboration mail is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    /// 紧急: reply window of 4 working hours.
    Urgent,
    /// 重要.
    Important,
    /// 一般 / 常规.
    Normal,
    /// 需今日反馈: reply by today's workday end.
    Today,
    /// 需X日前反馈 and similar: reply by the date written (kept as text until resolved).
    FeedbackBy(String),
}

impl Urgency {
    /// Parses the Chinese or English urgency word of a subject.
    pub fn parse(s: &str) -> Option<Urgency> {
        let s = s.trim();
        match s {
            "紧急" | "緊急" | "特急" | "加急" | "urgent" | "Urgent" | "URGENT" => {
                Some(Urgency::Urgent)
            }
            "重要" | "important" | "Important" | "IMPORTANT" => Some(Urgency::Important),
            "一般" | "常规" | "常規" | "普通" | "normal" | "Normal" | "routine" | "Routine" => {
                Some(Urgency::Normal)
            }
            "需今日反馈" | "今日反馈" | "需当日反馈" | "需今日回覆" | "需當日回覆" | "今日回覆"
            | "reply today" | "Reply today" => Some(Urgency::Today),
            _ => {
                let inner = s
                    .strip_prefix('需')
                    .and_then(|r| r.strip_suffix("反馈").or_else(|| r.strip_suffix("回覆")))
                    .or_else(|| s.strip_prefix("Reply by "))
                    .or_else(|| s.strip_prefix("reply by "));
                match inner {
                    Some(when) if !when.trim().is_empty() => {
                        Some(Urgency::FeedbackBy(when.trim().to_string()))
                    }
                    _ => None,
                }
            }
        }
    }

    /// The Chinese word as written in a subject.
    pub fn label(&self) -> String {
        match self {
            Urgency::Urgent => "紧急".into(),
            Urgency::Important => "重要".into(),
            Urgency::Normal => "一般".into(),
            Urgency::Today => "需今日反馈".into(),
            Urgency::FeedbackBy(when) => format!("需{when}反馈"),
        }
    }

    /// The English word for `--lang en` subjects.
    pub fn label_en(&self) -> String {
        match self {
            Urgency::Urgent => "Urgent".into(),
            Urgency::Important => "Important".into(),
            Urgency::Normal => "Normal".into(),
            Urgency::Today => "Reply today".into(),
            Urgency::FeedbackBy(when) => format!("Reply by {when}"),
        }
    }
}

impl fmt::Display for Urgency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_guide_words() {
        assert_eq!(Urgency::parse("紧急"), Some(Urgency::Urgent));
        assert_eq!(Urgency::parse("常规"), Some(Urgency::Normal));
        assert_eq!(Urgency::parse("需今日反馈"), Some(Urgency::Today));
        assert_eq!(
            Urgency::parse("需12月3日前反馈"),
            Some(Urgency::FeedbackBy("12月3日前".into()))
        );
        assert_eq!(Urgency::parse("需反馈"), None);
        assert_eq!(Urgency::parse("马上"), None);
    }

    #[test]
    fn parses_traditional_words() {
        assert_eq!(Urgency::parse("緊急"), Some(Urgency::Urgent));
        assert_eq!(Urgency::parse("需當日回覆"), Some(Urgency::Today));
        assert_eq!(
            Urgency::parse("需12/18前回覆"),
            Some(Urgency::FeedbackBy("12/18前".into()))
        );
    }
}
